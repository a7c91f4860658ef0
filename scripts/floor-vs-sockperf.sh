#!/usr/bin/env bash
# The generator's latency floor beside sockperf's (not a test): at each rate, `sockperf under-load` and
# `netarena load` (open loop, one connection, 64 B echo) each against a server pinned on the other CPU,
# and both percentile rows side by side, in round-trip microseconds.
#
#   scripts/floor-vs-sockperf.sh [RATE ...]        (default 2000; e.g. 1000 2000 5000)
#   SECONDS_PER_RUN=10 REPEATS=3 MODEL=selector scripts/floor-vs-sockperf.sh 2000
#   LOAD_ARGS="--spin 200us" scripts/floor-vs-sockperf.sh 2000   (more options for netarena load)
#   JAVA_HOME=/a/jdk NETARENA_JAR=/path/to/netarena.jar ...   (another build of the generator, for an A/B)
#
# Repeats are interleaved (sockperf, netarena, sockperf, ...), so a neighbour's load spreads over both;
# the load average is printed beside every row. Servers: `sockperf server --tcp` for sockperf and
# `netarena serve --model $MODEL --io-threads 1` for netarena, each on CPU 0 while it runs; the clients on
# CPU 1. sockperf prints half round trips unless --full-rtt, which this script passes.
# Needs sockperf (Debian package sockperf) and taskset; loopback only, every run bounded in time.
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
RATES=("${@:-2000}")
[ "$#" -gt 0 ] && RATES=("$@")
SECONDS_PER_RUN="${SECONDS_PER_RUN:-8}"
WARMUP="${WARMUP:-3}"
REPEATS="${REPEATS:-2}"
MODEL="${MODEL:-selector}"
OUT="$(scratch_dir)"
command -v sockperf >/dev/null || { echo "needs sockperf (apt-get install sockperf)" >&2; exit 3; }
require_pinning 3

if [ -z "${NETARENA_JAR:-}" ]; then
  NETARENA=("$NETARENA") # builds when the sources are newer than its jar
  "${NETARENA[@]}" --version >/dev/null
else
  NETARENA=("${JAVA_HOME:+$JAVA_HOME/bin/}java" -jar "$NETARENA_JAR") # JAVA_HOME: a JDK 21+
fi

PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

# sockperf RATE: one row of round-trip percentiles
sockperf_row() {
  local port; port="$(free_port)"
  taskset -c 0 sockperf server --tcp -i 127.0.0.1 -p "$port" >"$OUT/sp-server.log" 2>&1 &
  local server=$!
  PIDS+=("$server")
  sleep 1
  taskset -c 1 sockperf under-load --tcp -i 127.0.0.1 -p "$port" -m 64 --mps "$1" --reply-every 1 --full-rtt \
    -t "$((SECONDS_PER_RUN + WARMUP))" >"$OUT/sp.log" 2>&1 || true
  kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true
  pct() { sed -n "s/.*percentile $1 = *\([0-9.]*\).*/\1/p" "$OUT/sp.log" | head -n 1; }
  local max; max=$(sed -n 's/.*<MAX> observation = *\([0-9.]*\).*/\1/p' "$OUT/sp.log" | head -n 1)
  printf "%-9s %7s %9s %9s %9s %9s %10s   load %s\n" sockperf "$1" "$(pct 50.000)" "$(pct 90.000)" \
    "$(pct 99.000)" "$(pct 99.900)" "$max" "$(load_average)"
}

# netarena RATE: one row of latency percentiles (from the intended send time) and the send-lag p99
netarena_row() {
  taskset -c 0 "${NETARENA[@]}" serve --model "$MODEL" --io-threads 1 >"$OUT/na-server.out" 2>"$OUT/na-server.err" &
  local server=$!
  PIDS+=("$server")
  local target; target="$(await_listening "$OUT/na-server.out" "$server")"
  rm -rf "$OUT/na"
  taskset -c 1 "${NETARENA[@]}" load --target "$target" --rate "$1" --connections 1 --size 64 \
    --warmup "${WARMUP}s" --duration "${SECONDS_PER_RUN}s" --quiet --out "$OUT/na" ${LOAD_ARGS:-} >/dev/null 2>&1 || true
  kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true
  local r="$OUT/na/result.json"
  printf "%-9s %7s %9s %9s %9s %9s %10s   load %s  send-lag p99 %s us, %s\n" netarena "$1" \
    "$(json "$r" latency_micros p50)" "$(json "$r" latency_micros p90)" "$(json "$r" latency_micros p99)" \
    "$(json "$r" latency_micros p99_9)" "$(json "$r" latency_micros max)" "$(load_average)" \
    "$(json "$r" send_lag_micros p99)" \
    "$(sed -n 's/.*"status" : "\([a-z_]*\)".*/\1/p' "$r" | head -n 1)"
}

echo "floor vs sockperf: $(nproc) CPUs ($(cpu_name)), servers on CPU 0,"
echo "clients on CPU 1; ${WARMUP}s warmup + ${SECONDS_PER_RUN}s per run, $REPEATS interleaved repeats; round trips in us"
printf "%-9s %7s %9s %9s %9s %9s %10s\n" tool rate p50 p90 p99 p99.9 max
for rate in "${RATES[@]}"; do
  for _ in $(seq 1 "$REPEATS"); do
    sockperf_row "$rate"
    netarena_row "$rate"
  done
done
