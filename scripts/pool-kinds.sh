#!/usr/bin/env bash
# The worker pool kinds side by side (not a test): `netarena serve --worker-pool K` under `netarena load` in open
# loop, for two loads, every kind once per round, rounds interleaved.
#
#   scripts/pool-kinds.sh [seconds]      (default 8; MODEL=selector WORKERS=4 ROUNDS=3
#                                         KINDS="fixed elastic work-stealing virtual")
#
#   block  BLOCK 1 ms at 2,000/s: 2 workers busy on average, Poisson arrivals
#   cpu    CPU 780,000 rounds (about 1 ms at 1.28 ns a round) at 800/s: about 80% of the server's one core
#
# The server runs on CPU 0 with one I/O thread and --workers WORKERS of the kind; the generator on CPU 1 (one
# event loop, 16 connections). Each row: p50 and p99 of the latency from the intended send time (corrected for
# coordinated omission), the OK answers per second, the generator's status, the most threads the pool held at
# once (the server's stats line: platform workers, ForkJoinPool workers, or virtual threads running a task),
# the most threads the server process had (/proc, sampled every 0.5 s), the threads the work held on average
# (rate x the server's own mean time a request held a thread: for CPU on one core, near 0.8 when the tasks
# run one at a time, more when they share the core), the load average as the row ends, and for a run the
# generator judged invalid its first reason. Then each kind's median p99 and min-max over the rounds, and its
# median threads.
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
SECONDS_PER_RUN="${1:-8}"
MODEL="${MODEL:-selector}"
WORKERS="${WORKERS:-4}"
ROUNDS="${ROUNDS:-3}"
KINDS="${KINDS:-fixed elastic work-stealing virtual}"
CONNECTIONS=16
[[ "$SECONDS_PER_RUN" =~ ^[1-9][0-9]*$ ]] || { echo "usage: scripts/pool-kinds.sh [seconds per run, default 8]" >&2; exit 64; }
WORK="$(scratch_dir)"
require_pinning

server_pid=""
sampler_pid=""
stop_on_exit sampler_pid server_pid

# workload name -> "op arg rate"
declare -A LOADS=([block]="block 1000 2000" [cpu]="cpu 780000 800")

# The most threads process $1 has, every 0.5 s, into $2 (one number, rewritten), until it is killed.
sample_threads() {
  local pid=$1 out=$2 most=0 now
  while now="$(awk '/^Threads:/ { print $2 }' "/proc/$pid/status" 2>/dev/null)" && [ -n "$now" ]; do
    [ "$now" -gt "$most" ] && most=$now && echo "$most" >"$out"
    sleep 0.5
  done
}

# One row: serve with kind $2, load $1 against it, print the figures.
run_one() {
  local load=$1 kind=$2 round=$3 op arg rate target
  read -r op arg rate <<<"${LOADS[$load]}"
  : >"$WORK/server.out"
  echo 0 >"$WORK/threads"
  taskset -c 0 "$NETARENA" serve --model "$MODEL" --io-threads 1 --workers "$WORKERS" --worker-pool "$kind" \
      --port 0 >"$WORK/server.out" 2>"$WORK/server.err" &
  server_pid=$!
  target="$(await_listening "$WORK/server.out" "$server_pid")"
  if [ -z "$target" ]; then
    echo "$kind: the server did not start: $(tail -3 "$WORK/server.err")" >&2
    kill "$server_pid" 2>/dev/null || true
    return
  fi
  # the launcher execs java, so the pid is the server JVM's; sampled once it listens
  sample_threads "$server_pid" "$WORK/threads" &
  sampler_pid=$!
  taskset -c 1 "$NETARENA" load --target "$target" --connections "$CONNECTIONS" --rate "$rate" \
      --arrivals poisson --op "$op" --arg "$arg" --size 0 --duration "${SECONDS_PER_RUN}s" --warmup 3s --json \
      >"$WORK/load.json" 2>"$WORK/load.err" || true
  kill "$sampler_pid" 2>/dev/null || true
  wait "$sampler_pid" 2>/dev/null || true
  sampler_pid=""
  kill -TERM "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
  python3 - "$WORK/load.json" "$WORK/server.err" "$WORK/threads" "$round" "$load" "$kind" "$rate" \
      "$(load_average)" <<'EOF'
import json, re, sys
path, err, threads, rnd, load, kind, rate, loadavg = sys.argv[1:]
try:
    r = json.load(open(path))
    lat, ok, status = r["latency_micros"], r["throughput"]["ok_per_second"], r["status"]
    p50, p99 = lat["p50"], lat["p99"]
    why = (r.get("invalid_reasons") or [""])[0]
except (ValueError, KeyError, TypeError):
    p50 = p99 = ok = float("nan"); status = "no-result"; why = ""
stats = {}
for line in open(err):
    if "netarena-server-stats " in line:
        stats = dict(kv.split("=", 1) for kv in line.split("netarena-server-stats ", 1)[1].split())
peak = stats.get("worker-threads-peak", "?")
held = int(stats.get("thread-held-nanos", 0)) / max(1, int(stats.get("thread-held-requests", 1)))
share = float(rate) * held / 1e9
print(f"{rnd:<5} {load:<5} {kind:<13} {p50:>9.0f} {p99:>9.0f} {ok:>8.0f} {status:<9} {peak:>6} "
      f"{open(threads).read().strip():>7} {share:>6.2f}   {loadavg}   {why}")
EOF
}

"$NETARENA" build >/dev/null
printf '%-5s %-5s %-13s %9s %9s %8s %-9s %6s %7s %6s   %-14s   %s\n' round load kind p50_us p99_us "ok/s" \
    status pool "process" held "load average" "invalid because"
for round in $(seq "$ROUNDS"); do
  for load in block cpu; do
    for kind in $KINDS; do
      run_one "$load" "$kind" "$round" | tee -a "$WORK/rows"
    done
  done
done
echo
echo "median p99 us (min-max) over the rounds; median threads: the pool's at peak, the process's"
# column N of the rows of load $1 and kind $2, one number per line
column() { awk -v l="$1" -v k="$2" -v c="$3" '$2 == l && $3 == k { print $c }' "$WORK/rows"; }
for load in block cpu; do
  for kind in $KINDS; do
    [ -n "$(column "$load" "$kind" 5)" ] || continue
    # shellcheck disable=SC2046 # one number per word
    printf '%-5s %-13s p99 %s  pool threads %s  process threads %s\n' "$load" "$kind" \
        "$(spread -d 0 $(column "$load" "$kind" 5))" "$(median $(column "$load" "$kind" 8))" \
        "$(median $(column "$load" "$kind" 9))"
  done
done
