# Sourced first by the measuring scripts in scripts/ (not run alone): the preamble every one of them starts
# with and the pieces several of them need. Sets -euo pipefail, ROOT (this checkout) and NETARENA (its
# launcher, which builds the jar when the sources are newer). Every server a script starts listens on
# loopback only.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
NETARENA="$ROOT/netarena"

# scratch_dir: a new folder under /tmp named after the running script, e.g. /tmp/idle-memory.AbC123
scratch_dir() { mktemp -d "/tmp/$(basename "$0" .sh).XXXXXX"; }

# load_average: the 1, 5 and 15 minute load averages, printed beside every figure: the machine may be shared
load_average() { cut -d' ' -f1-3 /proc/loadavg; }

# cpu_name: the processor's model name, for a figure's heading
cpu_name() { sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1; }

# pin_cpus: where there are 2+ CPUs and taskset, sets the arrays SERVER_PIN (runs a command on CPU 0) and
# CLIENT_PIN (on CPU 1), else leaves both empty; PINNED says which it did. PIN=0 leaves both to the scheduler.
pin_cpus() {
  SERVER_PIN=() CLIENT_PIN=() PINNED="not pinned (PIN=0, fewer than 2 CPUs, or no taskset)"
  if [ "${PIN:-1}" = 1 ] && command -v taskset >/dev/null 2>&1 && [ "$(nproc)" -ge 2 ]; then
    SERVER_PIN=(taskset -c 0) CLIENT_PIN=(taskset -c 1) PINNED="servers on CPU 0, clients on CPU 1"
  fi
}

# require_pinning [EXIT]: for the scripts whose figures mean nothing unpinned; exits EXIT (default 2) without
# taskset and 2 CPUs
require_pinning() {
  command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ] || { echo "needs taskset and 2 CPUs" >&2; exit "${1:-2}"; }
}

# stop_on_exit VAR...: on exit (Ctrl-C included), kills the process whose pid each named variable then holds,
# when it holds one, and removes $WORK when it is set. The variables are read at exit, so a script sets a pid
# when it starts a process and clears it once it has stopped it itself.
stop_on_exit() {
  EXIT_PIDS=("$@")
  trap stop_exit_pids EXIT
}
stop_exit_pids() {
  local v
  for v in "${EXIT_PIDS[@]}"; do
    [ -n "${!v:-}" ] && kill "${!v}" 2>/dev/null || true
  done
  [ -z "${WORK:-}" ] || rm -rf "$WORK"
}

# free_port: a loopback port nothing listens on now; a server that loses it to someone else before it binds
# fails to start (nginx_start retries)
free_port() {
  local port
  for port in $(shuf -i 20000-60000 -n 50); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"; return 0
    fi
  done
  return 1
}

# await_listening FILE PID [SECONDS]: waits until the server with PID, its stdout going to FILE, prints
# "listening on HOST:PORT" (as `netarena serve` and scripts/round-trips/echo.c do), at most SECONDS (default
# 30) and no longer than it runs; prints HOST:PORT, or nothing when it never did
await_listening() {
  local file=$1 pid=$2 tenths=$((${3:-30} * 10)) _
  for _ in $(seq "$tenths"); do
    grep -q "listening on " "$file" 2>/dev/null && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  sed -n 's/^listening on //p' "$file" 2>/dev/null | head -n 1
}

# json FILE SECTION KEY: the number KEY holds inside SECTION of a pretty-printed result.json, e.g.
# json result.json latency_micros p99
json() { sed -n "/\"$2\"/,/}/s/.*\"$3\" : \([0-9.]*\).*/\1/p" "$1" | head -n 1; }

# median VALUE...: the median of the numbers given
median() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# spread [-d DECIMALS] VALUE...: "median (min-max)" of the numbers given, with DECIMALS decimals (default 2);
# nothing for no numbers
spread() {
  local decimals=2 sorted f
  if [ "${1:-}" = -d ]; then decimals=$2; shift 2; fi
  [ "$#" -gt 0 ] || return 0
  sorted=$(printf '%s\n' "$@" | sort -g)
  f="%.${decimals}f"
  printf "$f ($f-$f)" "$(median "$@")" "$(head -n 1 <<<"$sorted")" "$(tail -n 1 <<<"$sorted")"
}
