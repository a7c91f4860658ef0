# Sourced by scripts/round-trips.sh and scripts/round-trips-cost.sh after scripts/lib/common.sh (not run alone): the
# one server they have running at a time, stopped on exit with their $WORK folder.
server_pid=""
stop_on_exit server_pid

stop_server() { kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; server_pid=""; }
