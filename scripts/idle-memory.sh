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
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
N="${1:-10000}"
MODELS="${MODELS:-selector async virtual netty-nio netty-epoll netty-io_uring thread-per-client}"
ROUNDS="${ROUNDS:-3}"
JCMD="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/jcmd"
WORK="$(scratch_dir)"
HOLD="$ROOT/scripts/idle-memory/hold.py"
pin_cpus
ulimit -n "$((N + 1000))" 2>/dev/null || { echo "ulimit -n must allow $((N + 1000)) descriptors" >&2; exit 2; }

server_pid=""
holder_pid=""
stop_on_exit holder_pid server_pid

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
  local model="$1" target port rss0 gc0 heap0 rssn gcn heapn
  "${SERVER_PIN[@]}" "$NETARENA" serve --model "$model" --io-threads 1 --max-connections "$((N + 100))" \
      --backlog 4096 >"$WORK/$model.out" 2>"$WORK/$model.err" &
  server_pid=$!
  target="$(await_listening "$WORK/$model.out" "$server_pid")"
  if [ -z "$target" ]; then
    echo "# $model did not start: $(tail -1 "$WORK/$model.err")" >&2
  else
    port="${target##*:}"
    "${CLIENT_PIN[@]}" python3 "$HOLD" 127.0.0.1 "$port" 200 --close
    sleep 2
    read -r rss0 gc0 heap0 <<<"$(point "$server_pid")"
    mkfifo "$WORK/hold.in"
    "${CLIENT_PIN[@]}" python3 "$HOLD" 127.0.0.1 "$port" "$N" <"$WORK/hold.in" >"$WORK/hold.out" &
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
          "$(slope "$gc0" "$gcn")" "$(slope "$heap0" "$heapn")" "$(load_average)"
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

"$NETARENA" build >/dev/null
echo "N=$N idle connections, $ROUNDS rounds interleaved; KiB per connection"
printf '%-18s %9s %9s %9s %9s %9s   %s\n' model rss0_KiB rssN_KiB RSS RSS_gc heap "load average"
for _ in $(seq "$ROUNDS"); do
  for model in $MODELS; do
    measure "$model" | tee -a "$WORK/rows"
  done
done
echo "median (min-max) over the rounds"
for model in $MODELS; do
  grep -q "^$model " "$WORK/rows" || continue
  printf '%-18s' "$model"
  for column in 4:RSS 5:RSS_gc 6:heap; do
    # shellcheck disable=SC2046 # one number per word
    printf '  %s %s' "${column#*:}" "$(spread $(awk -v m="$model" -v c="${column%%:*}" '$1 == m { print $c }' "$WORK/rows"))"
  done
  printf '\n'
done
