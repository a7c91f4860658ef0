#!/usr/bin/env bash
# A performance regression gate for any CI: builds two checkouts of netarena (the base branch and the
# change), measures both with `netarena ab` (interleaved ABBA rounds on this machine, analysed in pairs),
# writes the verdict as Markdown for a job summary and exits non-zero on a regression.
# docs/VERDICTS.md ("A CI job") describes it; docs/ci/netarena-regression.yml is the same for GitHub Actions.
#
# usage: scripts/ci-regression.sh BASE PR [--out DIR] [--summary FILE] [--undecided-ok] [-- AB_ARGS...]
#   BASE, PR        two checkouts (each is built with its own ./netarena build) or two netarena jars
#   --out DIR       where the ab run folder goes (default: ./netarena-regression)
#   --summary FILE  append the verdict's Markdown here (default: $GITHUB_STEP_SUMMARY when set)
#   --undecided-ok  exit 0 when nothing could be decided (ab's exit 2), with a warning; default: fail
#   AB_ARGS         passed to `netarena ab`, e.g. --plan ci.yaml --repeat 10 --threshold 20%
#                   (default: --quick); --candidate-server-args "--test-cost-micros 300" slows PR on purpose
# exit: 0 no regression, 1 REGRESSED (or a cell the PR broke), 2 undecided or invalid input, 3 a build failed
set -euo pipefail

die() { echo "ci-regression: $*" >&2; exit 2; }

[ $# -ge 2 ] || die "usage: $0 BASE PR [--out DIR] [--summary FILE] [--undecided-ok] [-- AB_ARGS...]"
base=$1 pr=$2
shift 2
out=netarena-regression
summary=${GITHUB_STEP_SUMMARY:-}
undecided_ok=0
while [ $# -gt 0 ]; do
  case $1 in
    --out) out=$2; shift 2 ;;
    --summary) summary=$2; shift 2 ;;
    --undecided-ok) undecided_ok=1; shift ;;
    --) shift; break ;;
    *) die "unknown option $1 (netarena ab's own options go after --)" ;;
  esac
done
ab_args=("$@")
[ ${#ab_args[@]} -gt 0 ] || ab_args=(--quick)

# a checkout is built here, not inside ab, so a broken build fails with its own message and exit code
build() {
  local side=$1 path=$2
  if [ -d "$path" ]; then
    [ -x "$path/netarena" ] || die "$side: $path is a directory without a ./netarena launcher: not a checkout"
    echo "ci-regression: building $side ($path)" >&2
    (cd "$path" && ./netarena build) || { echo "ci-regression: the $side build failed" >&2; exit 3; }
  elif [ ! -f "$path" ]; then
    die "$side: $path is neither a checkout nor a jar"
  fi
}
build base "$base"
build PR "$pr"

# the PR's launcher runs ab: the generator and the statistics are the change's own
launcher=$( [ -d "$pr" ] && echo "$pr/netarena" || echo "$(cd "$(dirname "$0")/.." && pwd)/netarena" )
mkdir -p "$out"
code=0
"$launcher" ab --baseline "$base" --candidate "$pr" --out "$out" "${ab_args[@]}" || code=$?

run=$(ls -1dt "$out"/*-ab 2>/dev/null | head -n 1 || true)
verdict="$run/compare/compare.md"
if [ -n "$run" ] && [ -f "$verdict" ]; then
  echo "ci-regression: verdict in $verdict, run folders in $run" >&2
  if [ -n "$summary" ]; then
    { echo "## netarena: base vs PR"; echo; cat "$verdict"; } >>"$summary"
  fi
else
  echo "ci-regression: ab wrote no verdict (exit $code)" >&2
  [ -n "$summary" ] && echo "## netarena: no verdict (ab exit $code)" >>"$summary"
fi

case $code in
  0) echo "ci-regression: no regression" >&2 ;;
  1) echo "ci-regression: REGRESSED" >&2 ;;
  2) if [ "$undecided_ok" = 1 ] && [ -f "$verdict" ]; then
       echo "ci-regression: warning: nothing could be decided (see the warnings in $verdict); passing (--undecided-ok)" >&2
       code=0
     else
       echo "ci-regression: nothing could be decided or the input was invalid (exit 2)" >&2
     fi ;;
esac
exit "$code"
