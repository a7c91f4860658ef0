#!/usr/bin/env bash
# Our load generator beside wrk, on the same machine, against the same two HTTP/1.1 servers (not a test):
# an nginx this script starts, and netarena's own server (`netarena serve --protocol http`).
#
#   scripts/interop-bench.sh [seconds-per-run]     (default 3; the whole script takes about 2 minutes)
#   MODEL=netty-io_uring CONNECTIONS=32 DELAY_MS=8 REPEAT=5 scripts/interop-bench.sh
#
# Both clients get 1 thread and the same connections and duration; the servers get 1 thread each (nginx:
# one worker; netarena: --io-threads 1). Where there are 2+ CPUs and taskset, the servers are pinned to
# CPU 0 and the clients to CPU 1 (PIN=0 leaves them to the scheduler). Our generator is a JVM: it gets a warmup (not counted) before each
# measured run; wrk needs none. The servers are warmed first by a discarded wrk run of SERVER_WARMUP
# seconds (default 10): netarena's JIT shares the server's one CPU, and a cold server flatters whichever
# client runs second. Two comparisons:
#   1. closed loop, GET /plaintext, pipeline 1: requests/s of wrk and of ours, the ratio ours/wrk, and the
#      p50/p99 each reports. Both are closed loop, so both latencies are uncorrected (coordinated omission).
#      REPEAT (default 3) interleaved repetitions, the order of the two clients alternating, then medians:
#      on a shared machine one run each can differ by 2x from the next.
#   2. latency at the same rate. wrk has no rate option (wrk2, which has, is not in Debian), so wrk runs
#      closed loop with a think time (a Lua delay() of DELAY_MS per connection, default 4 ms) and reaches
#      some rate R; ours then runs open loop at --rate R, which both clients sustain. Ours is timed from each
#      intended send time (corrected); wrk's from its actual send (uncorrected), so the two p99s answer
#      different questions at the same rate; ours also prints service time, which is wrk's kind of figure.
# Everything started here (nginx, the server, the clients) is stopped on exit, Ctrl-C included.
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
SECONDS_PER_RUN="${1:-3}"
MODEL="${MODEL:-netty-epoll}"
CONNECTIONS="${CONNECTIONS:-16}"
DELAY_MS="${DELAY_MS:-4}"
WARMUP="${WARMUP:-3}"
SERVER_WARMUP="${SERVER_WARMUP:-10}"
REPEAT="${REPEAT:-3}"
OUT="$(scratch_dir)"

# shellcheck source=lib/nginx.sh
source "$ROOT/scripts/lib/nginx.sh"
command -v wrk >/dev/null 2>&1 || { echo "wrk is not installed: apt-get install wrk" >&2; exit 3; }

# what this script started and has not yet waited for: only these are stopped on exit
SERVER_PID="" CLIENT_PID=""
cleanup() {
  local pid
  for pid in $CLIENT_PID $SERVER_PID; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  nginx_stop
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# in_background CMD...: runs a client in the background (so Ctrl-C reaches the trap) and waits for it
in_background() {
  "$@" &
  CLIENT_PID=$!
  local code=0
  wait "$CLIENT_PID" || code=$?
  CLIENT_PID=""
  return "$code"
}

"$NETARENA" models >/dev/null # builds the jar if the sources changed

pin_cpus

start_server() {
  "${SERVER_PIN[@]}" "$NETARENA" serve --model "$MODEL" --protocol http --io-threads 1 \
    >"$OUT/server.out" 2>"$OUT/server.err" &
  SERVER_PID=$!
  SERVER_TARGET="$(await_listening "$OUT/server.out" "$SERVER_PID")"
  [ -n "$SERVER_TARGET" ] || { echo "the server did not start: $(cat "$OUT/server.err")" >&2; exit 1; }
}

# to_ms VALUE: wrk's 171.00us / 3.88ms / 1.02s in milliseconds
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /[0-9]s$/ && v !~ /ms$/) n *= 1000; printf "%.3f", n }'; }

# wrk_run NAME URL [ARGS...]: wrk with its latency distribution; sets W_RPS W_P50 W_P99 W_ERR
wrk_run() {
  local name="$1" url="$2"; shift 2
  in_background "${CLIENT_PIN[@]}" wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --timeout 5s --latency "$@" \
    "$url" >"$OUT/$name.txt" 2>&1 || { echo "wrk failed: $(cat "$OUT/$name.txt")" >&2; exit 1; }
  W_RPS=$(sed -n 's/^Requests\/sec:\s*\([0-9.]*\).*/\1/p' "$OUT/$name.txt")
  W_P50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$OUT/$name.txt")")
  W_P99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$OUT/$name.txt")")
  W_ERR=$(grep -E "Non-2xx|Socket errors" "$OUT/$name.txt" | tr -s ' ' | paste -sd ';' - || true)
}

# ours NAME TARGET [ARGS...]: our generator, 1 thread; sets O_RPS O_SENT O_P50 O_P99 O_S50 O_S99 O_STATUS
ours() {
  local name="$1" target="$2"; shift 2
  in_background "${CLIENT_PIN[@]}" "$NETARENA" load --target "$target" --protocol http --path /plaintext \
    --connections "$CONNECTIONS" --threads 1 --warmup "${WARMUP}s" --duration "${SECONDS_PER_RUN}s" \
    --quiet --out "$OUT/$name" "$@" >"$OUT/$name.txt" 2>"$OUT/$name.err" || true # the status says how it went
  local r="$OUT/$name/result.json"
  [ -f "$r" ] || { echo "netarena load wrote no result: $(cat "$OUT/$name.err")" >&2; exit 1; }
  O_STATUS=$(sed -n 's/^  "status" : "\(.*\)",$/\1/p' "$r")
  O_RPS=$(json "$r" throughput ok_per_second)
  O_SENT=$(json "$r" throughput sent_per_second)
  O_P50=$(awk -v v="$(json "$r" latency_micros p50)" 'BEGIN { printf "%.3f", v / 1000 }')
  O_P99=$(awk -v v="$(json "$r" latency_micros p99)" 'BEGIN { printf "%.3f", v / 1000 }')
  O_S50=$(awk -v v="$(json "$r" service_time_micros p50)" 'BEGIN { printf "%.3f", v / 1000 }')
  O_S99=$(awk -v v="$(json "$r" service_time_micros p99)" 'BEGIN { printf "%.3f", v / 1000 }')
}

nginx_start "$OUT" "${SERVER_PIN[@]}"
start_server
NGINX_URL="http://127.0.0.1:$NGINX_PORT/plaintext"
SERVER_URL="http://$SERVER_TARGET/plaintext"
cat >"$OUT/delay.lua" <<EOF
-- a think time per connection: wrk's only way to send below its closed-loop maximum
function delay() return $DELAY_MS end
EOF

echo "interop bench: $(nproc) CPUs ($(cpu_name)), $PINNED"
echo "servers: $("$NGINX" -v 2>&1 | sed 's/^nginx version: //') at 127.0.0.1:$NGINX_PORT (1 worker);" \
  "netarena serve --model $MODEL --protocol http --io-threads 1 at $SERVER_TARGET"
echo "clients: $(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2) and netarena load, 1 thread each, $CONNECTIONS connections," \
  "${SECONDS_PER_RUN} s per run (ours after a ${WARMUP} s warmup), GET /plaintext; servers warmed ${SERVER_WARMUP} s"
echo "load average before: $(load_average) (the machine may be shared: figures move with it)"
echo

for url in "$NGINX_URL" "$SERVER_URL"; do # warm the servers: the JVM's JIT shares CPU 0 with its event loop
  in_background "${CLIENT_PIN[@]}" wrk -t1 -c"$CONNECTIONS" -d"${SERVER_WARMUP}s" "$url" >/dev/null 2>&1
done

echo "1. closed loop (pipeline 1), requests/s; latency from the actual send, uncorrected for both."
echo "   $REPEAT interleaved repetitions per server (wrk first in odd ones, ours first in even ones), then the medians:"
printf "   %-12s %-6s %12s %12s %9s   %-19s %-19s %s\n" target run "wrk req/s" "ours req/s" "ours/wrk" \
  "wrk p50/p99 ms" "ours p50/p99 ms" "ours status"
for side in nginx "$MODEL"; do
  if [ "$side" = nginx ]; then url=$NGINX_URL target="127.0.0.1:$NGINX_PORT"; else url=$SERVER_URL target=$SERVER_TARGET; fi
  wr=() orr=() ratios=()
  for rep in $(seq 1 "$REPEAT"); do
    if [ $((rep % 2)) -eq 1 ]; then
      wrk_run "wrk-closed-$side-$rep" "$url"
      ours "ours-closed-$side-$rep" "$target"
    else
      ours "ours-closed-$side-$rep" "$target"
      wrk_run "wrk-closed-$side-$rep" "$url"
    fi
    ratio=$(awk -v a="$O_RPS" -v b="$W_RPS" 'BEGIN { printf "%.2f", a / b }')
    wr+=("$W_RPS") orr+=("$O_RPS") ratios+=("$ratio")
    printf "   %-12s %-6s %12.0f %12.0f %9s   %-19s %-19s %s%s\n" "$side" "$rep" "$W_RPS" "$O_RPS" "$ratio" \
      "$W_P50 / $W_P99" "$O_P50 / $O_P99" "$O_STATUS" "${W_ERR:+  wrk: $W_ERR}"
  done
  printf "   %-12s %-6s %12.0f %12.0f %9s\n" "$side" median "$(median "${wr[@]}")" "$(median "${orr[@]}")" \
    "$(median "${ratios[@]}")"
done
echo

echo "2. the same rate: wrk with a ${DELAY_MS} ms think time per connection reaches R; ours then runs open loop at --rate R."
echo "   wrk times from its actual send (uncorrected); ours from each intended send (corrected), and service time"
echo "   (from the actual write) is ours in wrk's terms. Both sustained R: wrk by construction, ours if 'sent' ~ R."
printf "   %-12s %9s %-19s   %9s %-19s %-21s %s\n" target "wrk R/s" "wrk p50/p99 ms" "ours sent" \
  "ours p50/p99 ms" "ours service p50/p99" "ours status"
for side in nginx "$MODEL"; do
  if [ "$side" = nginx ]; then url=$NGINX_URL target="127.0.0.1:$NGINX_PORT"; else url=$SERVER_URL target=$SERVER_TARGET; fi
  wrk_run "wrk-rate-$side" "$url" -s "$OUT/delay.lua"
  rate=$(awk -v v="$W_RPS" 'BEGIN { printf "%d", v + 0.5 }')
  w_lat="$W_P50 / $W_P99" w_err=$W_ERR
  ours "ours-rate-$side" "$target" --rate "$rate" --max-lag 10ms
  printf "   %-12s %9d %-19s   %9.0f %-19s %-21s %s%s\n" "$side" "$rate" "$w_lat" "$O_SENT" "$O_P50 / $O_P99" \
    "$O_S50 / $O_S99" "$O_STATUS" "${w_err:+  wrk: $w_err}"
done
echo
echo "files: $OUT"
