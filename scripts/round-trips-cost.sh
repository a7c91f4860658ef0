#!/usr/bin/env bash
# What one round trip costs the server (not a test), counted rather than timed, so that a busy machine moves it
# little: the server's CPU time, syscalls and context switches per round trip (perf stat on the server process)
# while one connection ping-pongs 64 B, beside sockperf's server and scripts/round-trips/echo.c. Complements
# scripts/round-trips.sh, whose rates a neighbour's load can swamp; with perf trace -s it also names the syscalls.
#
#   scripts/round-trips-cost.sh [seconds]     (default 3; MODELS="selector async virtual netty-epoll")
#
# Server on CPU 0 with one I/O thread, client on CPU 1; each server is warmed up first (WARMUP_SECONDS=5, so
# that the JIT has compiled the path before it is counted). Syscalls and switches per round trip are the
# design's; the CPU time still moves with the neighbours' load (caches, steal), so compare it within one run.
# Needs perf with access to the raw_syscalls tracepoints (root, or kernel.perf_event_paranoid <= -1).
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
SECONDS_PER_RUN="${1:-3}"
MODELS="${MODELS:-selector async virtual netty-epoll}"
WIRE_BYTES=64
WARMUP_SECONDS="${WARMUP_SECONDS:-5}"
WORK="$(scratch_dir)"
for tool in perf sockperf taskset gcc; do
  command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 2; }
done

# shellcheck source=round-trips/servers.sh
source "$ROOT/scripts/round-trips/servers.sh"

# perf stat on the server while "$@" (the client) runs; prints "cpu_us syscalls switches" per round trip,
# given the round trips the client made in $WORK/count
per_round_trip() {
  perf stat -x, -e task-clock,raw_syscalls:sys_enter,context-switches -p "$server_pid" -o "$WORK/perf" &
  local perf_pid=$!
  sleep 0.3
  "$@"
  kill -INT "$perf_pid"; wait "$perf_pid" 2>/dev/null || true
  awk -F, -v n="$(cat "$WORK/count")" '
    $3 == "task-clock" { cpu = $1 } $3 == "raw_syscalls:sys_enter" { sys = $1 } $3 == "context-switches" { cs = $1 }
    END { printf "%.2f %.2f %.2f", cpu * 1000 / n, sys / n, cs / n }' "$WORK/perf"
}

sockperf_client() {
  taskset -c 1 sockperf ping-pong --tcp -i 127.0.0.1 -p "$1" -m "$WIRE_BYTES" -t "$SECONDS_PER_RUN" >"$WORK/sp.out" 2>&1
  sed -n 's/.*\[Total Run\].*ReceivedMessages=\([0-9]*\).*/\1/p' "$WORK/sp.out" >"$WORK/count"
}

pingpong_client() {
  taskset -c 1 "$WORK/pingpong" 127.0.0.1 "$1" "$SECONDS_PER_RUN" "$WIRE_BYTES" | awk '{print $8}' >"$WORK/count"
}

# starts "$@" on CPU 0 (it prints "listening on HOST:PORT"), warms it up; sets server_pid and port
start_framed() {
  taskset -c 0 "$@" >"$WORK/server.out" 2>"$WORK/server.err" &
  server_pid=$!
  local target; target="$(await_listening "$WORK/server.out" "$server_pid")"
  [ -n "$target" ] || { echo "the server did not start: $(tail -1 "$WORK/server.err")" >&2; exit 1; }
  port="${target##*:}"
  taskset -c 1 "$WORK/pingpong" 127.0.0.1 "$port" "$WARMUP_SECONDS" "$WIRE_BYTES" >/dev/null
}

gcc -O2 -Wall -o "$WORK/pingpong" "$ROOT/scripts/round-trips/pingpong.c"
gcc -O2 -Wall -o "$WORK/echo" "$ROOT/scripts/round-trips/echo.c"
"$NETARENA" build >/dev/null
printf '%-14s %14s %14s %14s   %s\n' server cpu_us/rt syscalls/rt switches/rt "load average"
port="$(free_port)"
taskset -c 0 sockperf server --tcp -i 127.0.0.1 -p "$port" >/dev/null 2>&1 &
server_pid=$!
sleep 0.5
sockperf_client "$port"
read -r cpu sys cs <<<"$(per_round_trip sockperf_client "$port")"
printf '%-14s %14s %14s %14s   %s\n' sockperf "$cpu" "$sys" "$cs" "$(load_average)"
stop_server
for server in c-echo $MODELS; do
  if [ "$server" = c-echo ]; then
    start_framed "$WORK/echo" 0
  else
    start_framed "$NETARENA" serve --model "$server" --io-threads 1 --port 0
  fi
  read -r cpu sys cs <<<"$(per_round_trip pingpong_client "$port")"
  printf '%-14s %14s %14s %14s   %s\n' "$server" "$cpu" "$sys" "$cs" "$(load_average)"
  stop_server
done
