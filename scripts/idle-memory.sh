#!/usr/bin/env bash
# Memory per idle connection (not a test): the slope of the server's RSS from 0 to N idle connections, each
# touched with one 8-byte echo, held by a separate process (scripts/idle-memory/hold.py). RSS is read from
# /proc/PID/status (VmRSS) of the server JVM, so it counts heap, thread stacks and native buffers alike; the
# kernel's socket memory is not in it.
#
#   scripts/idle-memory.sh [N]            (default 10000; MODELS="selector async" to choose; ~1 min per model)
#
# Per model: start `netarena serve --model M --io-threads 1 --max-connections N+100` (on CPU 0 when taskset is
# there), warm up with 200 connections opened and closed, read RSS0; hold N, wait 3 s, read RSS1; print
# (RSS1 - RSS0) / N in KiB per connection. The load average is printed beside each line: the figure is the
# server's own, but a busy machine delays the GC that decides how much heap is touched.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N="${1:-10000}"
MODELS="${MODELS:-selector async virtual netty-nio netty-epoll netty-io_uring thread-per-client}"
WORK="$(mktemp -d /tmp/idle-memory.XXXXXX)"
HOLD="$ROOT/scripts/idle-memory/hold.py"
PIN_SERVER=""
PIN_CLIENT=""
if command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then
  PIN_SERVER="taskset -c 0"
  PIN_CLIENT="taskset -c 1"
fi
ulimit -n "$((N + 1000))" 2>/dev/null || { echo "ulimit -n must allow $((N + 1000)) descriptors" >&2; exit 2; }

server_pid=""
holder_pid=""
cleanup() {
  [ -n "$holder_pid" ] && kill "$holder_pid" 2>/dev/null || true
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }

"$ROOT/netarena" build >/dev/null
printf '%-18s %10s %10s %14s   %s\n' model rss0_KiB rssN_KiB KiB_per_conn "load average"
for model in $MODELS; do
  $PIN_SERVER "$ROOT/netarena" serve --model "$model" --io-threads 1 --max-connections "$((N + 100))" \
      --backlog 4096 >"$WORK/$model.out" 2>"$WORK/$model.err" &
  server_pid=$!
  for _ in $(seq 300); do grep -q 'listening on' "$WORK/$model.out" 2>/dev/null && break; sleep 0.1; done
  if ! grep -q 'listening on' "$WORK/$model.out"; then
    printf '%-18s did not start: %s\n' "$model" "$(tail -1 "$WORK/$model.err")"; kill "$server_pid" 2>/dev/null || true
    server_pid=""; continue
  fi
  port="$(sed -n 's/.*listening on .*:\([0-9]*\)$/\1/p' "$WORK/$model.out")"
  $PIN_CLIENT python3 "$HOLD" 127.0.0.1 "$port" 200 --close
  sleep 2
  rss0="$(rss_kib "$server_pid")"
  mkfifo "$WORK/hold.in"
  $PIN_CLIENT python3 "$HOLD" 127.0.0.1 "$port" "$N" <"$WORK/hold.in" >"$WORK/hold.out" &
  holder_pid=$!
  exec 3>"$WORK/hold.in"
  for _ in $(seq 1200); do grep -q '^held' "$WORK/hold.out" 2>/dev/null && break; kill -0 "$holder_pid" 2>/dev/null || break; sleep 0.1; done
  if grep -q '^held' "$WORK/hold.out"; then
    sleep 3
    rssn="$(rss_kib "$server_pid")"
    printf '%-18s %10d %10d %14.2f   %s\n' "$model" "$rss0" "$rssn" "$(echo "($rssn - $rss0) / $N" | bc -l)" \
        "$(cut -d' ' -f1-3 /proc/loadavg)"
  else
    printf '%-18s the holder failed: %s\n' "$model" "$(tail -1 "$WORK/hold.out")"
  fi
  exec 3>&-
  wait "$holder_pid" 2>/dev/null || true
  holder_pid=""
  rm -f "$WORK/hold.in"
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
  server_pid=""
done
