#!/usr/bin/env bash
# What the load generator itself costs (not a unit test): its highest request rate with ONE event-loop
# thread against a fast server, and the CPU seconds the generator process spends per million requests.
#
#   scripts/loadgen-efficiency.sh [seconds-per-step]      (default 10; the whole script takes ~2-5 minutes)
#   WARMUP=8 scripts/loadgen-efficiency.sh                (warmup seconds per run, default 8: the generator's
#                                                          JIT compiles on its own pinned core, so a short
#                                                          warmup measures the compiler, not the generator)
#
# The server is `netarena serve --model selector --io-threads 1`. Where there are 2+ CPUs and taskset,
# the server is pinned to CPU 0 and the generator to CPU 1, so each has one core; the figures then say
# how much one core of generator does. Three measurements:
#   1. closed loop, 16 connections x pipeline 16: the most answers per second one generator thread gets
#      (if the generator's core is not busy, the server was the limit, and the script says so);
#   2. open loop at rising rates (16 connections, 1 thread): the highest rate the generator keeps
#      while its result stays valid (send lag and hiccup p99 under --max-lag 10ms, no errors,
#      sent rate within 1% of the requested one);
#   3. CPU per million requests, two ways: measured inside the generator over the measured phase
#      (result.json generator.cpu_seconds), and for the whole process, JVM start and JIT included
#      (getrusage of the process, from /usr/bin/time).
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
STEP="${1:-10}"
WARMUP="${WARMUP:-8}"
OUT="$(scratch_dir)"

"$NETARENA" build >/dev/null

pin_cpus

"${SERVER_PIN[@]}" "$NETARENA" serve --model selector --io-threads 1 >"$OUT/server.out" 2>"$OUT/server.err" &
SERVER_PID=$!
trap 'kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true' EXIT
TARGET="$(await_listening "$OUT/server.out" "$SERVER_PID")"
[ -n "$TARGET" ] || { echo "server did not start: $(cat "$OUT/server.err")" >&2; exit 1; }

# first FILE KEY: the first number or word after "KEY" : in a pretty-printed result.json
first() { sed -n "s/.*\"$2\" : \"\{0,1\}\([^\",]*\)\"\{0,1\},\{0,1\}$/\1/p" "$1" | head -n 1; }

# run NAME ARGS...: one generator run under /usr/bin/time; prints its exit code
run() {
  local name="$1"; shift
  set +e
  /usr/bin/time -f "%U %S %e" -o "$OUT/$name.time" "${CLIENT_PIN[@]}" "$NETARENA" load --target "$TARGET" \
    --threads 1 --warmup "${WARMUP}s" --duration "${STEP}s" --quiet --out "$OUT/$name" "$@" \
    >"$OUT/$name.txt" 2>"$OUT/$name.err"
  echo $?
  set -e
}

echo "loadgen efficiency: $(nproc) CPUs ($(cpu_name)), $PINNED"
echo "server: netarena serve --model selector --io-threads 1 at $TARGET; ${STEP}s per step after ${WARMUP}s warmup"
echo

code=$(run closed --connections 16 --pipeline 16)
R="$OUT/closed/result.json"
ok=$(first "$R" ok_per_second); busy=$(first "$R" cpu_cores_busy)
echo "1. closed loop, 16 connections x pipeline 16, 1 thread (exit $code):"
printf "   %.0f answers/s; generator busy %.0f%% of its core" "$ok" "$(echo "$busy * 100" | bc -l)"
if [ "$(echo "$busy < 0.9" | bc -l)" = 1 ]; then echo " (not saturated: the server was the limit)"; else echo " (saturated)"; fi
closed_us=$(first "$R" cpu_micros_per_request)

echo "2. open loop, 16 connections, 1 thread, rising rate:"
best=0
for rate in 5000 10000 15000 20000 30000 40000 60000 80000 100000 130000 160000 200000; do
  code=$(run "open-$rate" --connections 16 --rate "$rate")
  R="$OUT/open-$rate/result.json"
  sent=$(first "$R" sent_per_second); lag=$(json "$R" send_lag_micros p99)
  hic=$(json "$R" hiccup_micros p99); lat=$(json "$R" latency_micros p99)
  us=$(first "$R" cpu_micros_per_request)
  printf "   %7d/s: status %-8s sent %9.1f/s  send-lag p99 %8.0f us  hiccup p99 %6.0f us  latency p99 %8.0f us  %5.2f us CPU/request\n" \
    "$rate" "$(first "$R" status)" "$sent" "$lag" "$hic" "$lat" "$us"
  if [ "$code" = 0 ] && [ "$(echo "$sent >= $rate * 0.99" | bc -l)" = 1 ]; then
    best=$rate
  else
    break
  fi
done
echo "   highest valid open-loop rate with 1 thread: ${best}/s"

# /usr/bin/time writes "Command exited with non-zero status N" first when the run was not ok
read -r u s e < <(tail -n 1 "$OUT/closed.time")
sent_total=$(( $(json "$OUT/closed/result.json" requests sent) + $(json "$OUT/closed/result.json" warmup_requests sent) ))
echo "3. generator CPU per million requests (closed-loop run):"
printf "   measured phase, in-process:        %6.2f CPU s per million (%.2f us per request)\n" \
  "$closed_us" "$closed_us"
printf "   whole process (JVM start, JIT, GC): %6.2f CPU s per million (%s user + %s sys over %s s, %d requests)\n" \
  "$(echo "($u + $s) * 1000000 / $sent_total" | bc -l)" "$u" "$s" "$e" "$sent_total"
echo
echo "files: $OUT"
