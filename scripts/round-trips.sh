#!/usr/bin/env bash
# Round trips on one connection (not a test): sockperf's own server and client (`sockperf ping-pong --tcp -m 64`)
# beside our models driven by scripts/round-trips/pingpong.c, a client as lean as sockperf's (one blocking socket,
# a 64-byte ECHO frame on the wire, reads until the answer is whole). sockperf speaks its own protocol, so the
# two clients cannot swap servers; the C client keeps the client side alike, and the `c-echo` line (pingpong.c
# against scripts/round-trips/echo.c, a minimal frame echo server) shows how far the two clients' paths differ.
#
#   scripts/round-trips.sh [seconds]     (default 6; MODELS="selector async virtual netty-epoll", ROUNDS=3)
#
# Servers on CPU 0 with one I/O thread, clients on CPU 1; rounds interleaved (every server once, then again).
# Prints round trips/s, p50 and p99 of the round trip in µs, and the ratio to sockperf in the same round, with
# the load average; then each server's median ratio and min-max over the rounds. sockperf reports half the round
# trip as its latency; here it is doubled, and its rate is its valid duration's received messages per second.
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
SECONDS_PER_RUN="${1:-6}"
MODELS="${MODELS:-selector async virtual netty-epoll}"
ROUNDS="${ROUNDS:-3}"
WIRE_BYTES=64
WORK="$(scratch_dir)"
command -v sockperf >/dev/null || { echo "sockperf is not installed (apt-get install sockperf)" >&2; exit 2; }
require_pinning

# shellcheck source=round-trips/servers.sh
source "$ROOT/scripts/round-trips/servers.sh"

# "rate p50_us p99_us" of sockperf's server and client
run_sockperf() {
  local port out="$WORK/sockperf.out"
  port="$(free_port)"
  taskset -c 0 sockperf server --tcp -i 127.0.0.1 -p "$port" >/dev/null 2>&1 &
  server_pid=$!
  sleep 0.5
  taskset -c 1 sockperf ping-pong --tcp -i 127.0.0.1 -p "$port" -m "$WIRE_BYTES" -t "$SECONDS_PER_RUN" >"$out" 2>&1
  stop_server
  awk '/Valid Duration/ { split($0, a, "RunTime="); rt = a[2] + 0; split($0, b, "ReceivedMessages="); rx = b[2] + 0 }
       /percentile 50.000/ { p50 = $NF * 2 } /percentile 99.000/ { p99 = $NF * 2 }
       END { printf "%.0f %.1f %.1f\n", rx / rt, p50, p99 }' "$out"
}

# "rate p50_us p99_us" of pingpong.c against a server started by the command in "$@" (it prints its port)
run_pingpong() {
  local target port
  taskset -c 0 "$@" >"$WORK/server.out" 2>"$WORK/server.err" &
  server_pid=$!
  target="$(await_listening "$WORK/server.out" "$server_pid")"
  [ -n "$target" ] || { echo "0 0 0"; stop_server; return; }
  port="${target##*:}"
  # the JIT: a short run first, as sockperf's own warm-up, and pingpong's 1 s unmeasured start
  taskset -c 1 "$WORK/pingpong" 127.0.0.1 "$port" 2 "$WIRE_BYTES" >/dev/null
  taskset -c 1 "$WORK/pingpong" 127.0.0.1 "$port" "$SECONDS_PER_RUN" "$WIRE_BYTES" | awk '{print $2, $4, $6}'
  stop_server
}

gcc -O2 -Wall -o "$WORK/pingpong" "$ROOT/scripts/round-trips/pingpong.c"
gcc -O2 -Wall -o "$WORK/echo" "$ROOT/scripts/round-trips/echo.c"
"$NETARENA" build >/dev/null
printf '%-5s %-14s %10s %8s %8s %7s   %s\n' round server "rt/s" p50_us p99_us ratio "load average"
for round in $(seq "$ROUNDS"); do
  read -r ref p50 p99 <<<"$(run_sockperf)"
  printf '%-5s %-14s %10s %8s %8s %7s   %s\n' "$round" sockperf "$ref" "$p50" "$p99" 1.00 "$(load_average)"
  for server in c-echo $MODELS; do
    if [ "$server" = c-echo ]; then
      read -r rate p50 p99 <<<"$(run_pingpong "$WORK/echo" 0)"
    else
      read -r rate p50 p99 <<<"$(run_pingpong "$NETARENA" serve --model "$server" --io-threads 1 --port 0)"
    fi
    printf '%-5s %-14s %10s %8s %8s %7.2f   %s\n' "$round" "$server" "$rate" "$p50" "$p99" \
        "$(echo "$rate / $ref" | bc -l)" "$(load_average)" | tee -a "$WORK/rows"
  done
done
echo "ratio to sockperf: median (min-max) over the rounds"
for server in c-echo $MODELS; do
  # shellcheck disable=SC2046 # one number per word
  printf '%-14s %s\n' "$server" "$(spread $(awk -v s="$server" '$2 == s { print $6 }' "$WORK/rows"))"
done
