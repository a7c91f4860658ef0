#!/usr/bin/env bash
# The connection-limit stress test (server-impls ConnectionLimitStressTest), repeated (not a unit test): every
# model must pass it every time. It races closes against new connections, so one pass proves little.
#
#   scripts/limit-stress.sh [times]        (default 20; about 40 s per run of all models on a busy 2-core VM)
#
# Prints, per model, how many runs passed and failed, and each failure's message; exits 1 if any failed.
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
TIMES="${1:-20}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export MAVEN_OPTS="${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}"
WORK="$(scratch_dir)"
CP_FILE="$WORK/classpath"
trap 'rm -rf "$WORK"' EXIT

cd "$ROOT"
mvn -q -o -pl server-impls -am test-compile
mvn -q -o -pl server-impls dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE"
LAUNCHER="$(find ~/.m2/repository/org/junit/platform/junit-platform-launcher -name 'junit-platform-launcher-6*.jar' | sort -V | tail -1)"
# a copy of the compiled classes, so that a build while the runs go on does not change them under the JVM
cp -r "$ROOT/server-impls/target/classes" "$ROOT/server-impls/target/test-classes" "$WORK/"
CP="$WORK/test-classes:$WORK/classes:$(cat "$CP_FILE"):$LAUNCHER"

echo "load average: $(load_average)"
"$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED -cp "$CP" \
    "$ROOT/scripts/limit-stress/RepeatTest.java" netarena.server.ConnectionLimitStressTest "$TIMES"
