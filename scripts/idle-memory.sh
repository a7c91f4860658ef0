#!/usr/bin/env bash
# Memory per idle connection (not a test): the slope of the server's RSS from 0 to N idle connections, each
# touched with one 8-byte echo, held by a separate process (scripts/idle-memory/hold.py). RSS is read from
# /proc/PID/status (VmRSS) of the server JVM, so it counts heap, thread stacks and native buffers alike; the
# kernel's socket memory is not in it.
#
#   scripts/idle-memory.sh [N]     (default 10000; MODELS="selector async" to choose, ROUNDS=3; ~40 s per model)
#
# Per model: start `netarena serve --model M --io-threads 1 --max-connections N+100` (on CPU 0 when taskset is
# there), warm up with 200 connections opened and closed, read point 0; hold N, wait 3 s, read point N; print
# (N - 0) / N in KiB per connection, three ways:
#   RSS      the RSS as found: what the process grew by, garbage of the accepts and a grown young generation
#            included, so it moves with when the GC last ran (hence the rounds);
#   RSS_gc   the RSS after a full GC (jcmd GC.class_histogram makes one): what the process keeps when collected;
#   heap     the bytes of the live Java objects (the histogram's total): what the connections' objects hold.
# Rounds are interleaved (every model once, then again), and the last lines give each model's median and
# min-max. The load average is printed beside each line.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N="${1:-10000}"
MODELS="${MODELS:-selector async virtual netty-nio netty-epoll netty-io_uring thread-per-client}"
ROUNDS="${ROUNDS:-3}"
JCMD="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/jcmd"
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
# "RSS_KiB RSS_KiB_AFTER_FULL_GC LIVE_HEAP_KiB" of the server
point() {
  local rss live
  rss="$(rss_kib "$1")"
  live="$("$JCMD" "$1" GC.class_histogram | awk '/^Total/ {print int($3 / 1024)}')"
  sleep 1
  echo "$rss $(rss_kib "$1") $live"
}
slope() { echo "($2 - $1) / $N" | bc -l; }

# one row for one model: "model rss0 rssN slope_rss slope_rss_gc slope_heap load"
measure() {
  local model="$1" out="$WORK/$1.out" port rss0 gc0 heap0 rssn gcn heapn
  $PIN_SERVER "$ROOT/netarena" serve --model "$model" --io-threads 1 --max-connections "$((N + 100))" \
      --backlog 4096 >"$out" 2>"$WORK/$model.err" &
  server_pid=$!
  for _ in $(seq 300); do grep -q 'listening on' "$out" 2>/dev/null && break; sleep 0.1; done
  if ! grep -q 'listening on' "$out"; then
    echo "# $model did not start: $(tail -1 "$WORK/$model.err")" >&2
  else
    port="$(sed -n 's/.*listening on .*:\([0-9]*\)$/\1/p' "$out")"
    $PIN_CLIENT python3 "$HOLD" 127.0.0.1 "$port" 200 --close
    sleep 2
    read -r rss0 gc0 heap0 <<<"$(point "$server_pid")"
    mkfifo "$WORK/hold.in"
    $PIN_CLIENT python3 "$HOLD" 127.0.0.1 "$port" "$N" <"$WORK/hold.in" >"$WORK/hold.out" &
    holder_pid=$!
    exec 3>"$WORK/hold.in"
    for _ in $(seq 1200); do
      grep -q '^held' "$WORK/hold.out" 2>/dev/null && break
      kill -0 "$holder_pid" 2>/dev/null || break
      sleep 0.1
    done
    if grep -q '^held' "$WORK/hold.out"; then
      sleep 3
      read -r rssn gcn heapn <<<"$(point "$server_pid")"
      printf '%-18s %9d %9d %9.2f %9.2f %9.2f   %s\n' "$model" "$rss0" "$rssn" "$(slope "$rss0" "$rssn")" \
          "$(slope "$gc0" "$gcn")" "$(slope "$heap0" "$heapn")" "$(cut -d' ' -f1-3 /proc/loadavg)"
    else
      echo "# $model: the holder failed: $(tail -1 "$WORK/hold.out")" >&2
    fi
    exec 3>&-
    wait "$holder_pid" 2>/dev/null || true
    holder_pid=""
    rm -f "$WORK/hold.in"
  fi
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

"$ROOT/netarena" build >/dev/null
echo "N=$N idle connections, $ROUNDS rounds interleaved; KiB per connection"
printf '%-18s %9s %9s %9s %9s %9s   %s\n' model rss0_KiB rssN_KiB RSS RSS_gc heap "load average"
for _ in $(seq "$ROUNDS"); do
  for model in $MODELS; do
    measure "$model" | tee -a "$WORK/rows"
  done
done
echo "median (min-max) over the rounds"
for model in $MODELS; do
  grep "^$model " "$WORK/rows" | awk -v m="$model" '
    { for (c = 4; c <= 6; c++) v[c, NR] = $c }
    END {
      if (NR == 0) exit
      printf "%-18s", m
      for (c = 4; c <= 6; c++) {
        n = 0; for (i = 1; i <= NR; i++) s[++n] = v[c, i]
        for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (s[j] < s[i]) { t = s[i]; s[i] = s[j]; s[j] = t }
        med = (n % 2) ? s[(n + 1) / 2] : (s[n / 2] + s[n / 2 + 1]) / 2
        printf "  %s %.2f (%.2f-%.2f)", (c == 4 ? "RSS" : c == 5 ? "RSS_gc" : "heap"), med, s[1], s[n]
      }
      printf "\n"
    }'
done
