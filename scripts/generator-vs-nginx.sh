#!/usr/bin/env bash
# The load generator against nginx, beside wrk (not a test): what one generator thread costs and how long
# its open loop stays valid, with nginx (one worker) as a server fast enough not to be the limit.
#
#   scripts/generator-vs-nginx.sh [RATE ...]          (open-loop rates, default 10000 20000 40000 50000)
#   SECONDS_PER_RUN=10 CONNECTIONS=50 REPEAT=2 scripts/generator-vs-nginx.sh 20000 50000
#
# nginx on CPU 0, the clients on CPU 1 (each alone on a core where the machine has 2+ CPUs and taskset).
# Each round, in alternating order: wrk -t1 -cN (closed loop), netarena load closed loop (1 thread, N
# connections), then netarena load open loop at each rate. Printed per run:
#   - req/s (answers per second; wrk's own figure for wrk);
#   - the client's CPU per request: netarena's over its measured phase (result.json generator.*), wrk's
#     over its whole process (/usr/bin/time; wrk has no JIT or warmup to leave out);
#   - open loop: whether the run is valid by the generator's own rules, the send-lag p99 against the
#     latency p99 (valid needs lag <= 10% of it), and CPU per request against the closed loop's.
# The load average is printed beside every row. Loopback only; everything started is stopped on exit.
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/nginx.sh
source "$ROOT/scripts/lib/nginx.sh"
RATES=("${@:-10000}")
[ "$#" -gt 0 ] || RATES=(10000 20000 40000 50000)
SECONDS_PER_RUN="${SECONDS_PER_RUN:-8}"
CONNECTIONS="${CONNECTIONS:-50}"
WARMUP="${WARMUP:-3}"
REPEAT="${REPEAT:-2}"
OUT="$(scratch_dir)"
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 3; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 3; }

pin_cpus
trap nginx_stop EXIT
trap 'exit 130' INT TERM
"$NETARENA" models >/dev/null # builds the jar if the sources changed
nginx_start "$OUT" "${SERVER_PIN[@]}"
URL="http://127.0.0.1:$NGINX_PORT/plaintext"
wrk -t1 -c"$CONNECTIONS" -d3s "$URL" >/dev/null # warms nginx's caches and the loopback path

run_wrk() {
  local out="$OUT/wrk-$1.txt"
  "${CLIENT_PIN[@]}" /usr/bin/time -f 'cpu %U %S' wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" "$URL" \
    >"$out" 2>&1
  awk -v load="$(load_average)" '/^Requests\/sec/ { rps = $2 } /^ +[0-9]+ requests in/ { n = $1 }
    /^cpu / { cpu = $2 + $3 }
    END { printf "%-14s %10.0f %12.2f %8s %12s %12s   %s\n", "wrk closed", rps, cpu * 1e6 / n, "-", "-", "-", load }' \
    "$out"
}

run_ours() { # $1 label, $2 name, then extra options
  local label="$1" dir="$OUT/$2"
  shift 2
  "${CLIENT_PIN[@]}" "$NETARENA" load --target "127.0.0.1:$NGINX_PORT" --protocol http --path /plaintext \
    -c "$CONNECTIONS" -t 1 -d "$SECONDS_PER_RUN" --warmup "${WARMUP}s" --out "$dir" --quiet "$@" \
    >/dev/null 2>&1 || true
  python3 - "$dir/result.json" "$label" "$(load_average)" <<'EOF'
import json, sys
path, label, load = sys.argv[1:]
try:
    r = json.load(open(path))
except OSError:
    print(f"{label:<14} no result.json (see its folder)   {load}"); sys.exit()
lag = r["send_lag_micros"]["p99"] if r["config"]["mode"] == "open" else None
print(f"{label:<14} {r['throughput']['ok_per_second']:10.0f} {r['generator']['cpu_micros_per_request']:12.2f} "
      f"{'valid' if r['valid'] else 'INVALID':>8} {r['latency_micros']['p99']:12.0f} "
      f"{'-' if lag is None else format(lag, '.0f'):>12}   {load}")
EOF
}

echo "nginx (1 worker) at $URL; $PINNED; $CONNECTIONS connections, ${SECONDS_PER_RUN} s per run," \
  "$REPEAT rounds; folders in $OUT"
printf "%-14s %10s %12s %8s %12s %12s   %s\n" client "req/s" "CPU us/req" valid "p99 us" "lag p99 us" load
for round in $(seq 1 "$REPEAT"); do
  echo "-- round $round"
  if [ $((round % 2)) = 1 ]; then run_wrk "$round"; run_ours "ours closed" "closed-$round"
  else run_ours "ours closed" "closed-$round"; run_wrk "$round"; fi
  for rate in "${RATES[@]}"; do
    run_ours "ours R=$rate" "open-$rate-$round" -R "$rate"
  done
done
