# nginx for the scripts that put our clients or servers beside it (sourced after common.sh, not run).
#   nginx_start DIR [PIN...]   starts nginx in the foreground from a config written into DIR: one worker,
#                              no access log, GET /plaintext answers 200 "Hello, World!", everything else
#                              404; listens on a free loopback port (retried on a conflict) and sets
#                              NGINX_PORT and NGINX_PID. PIN, e.g. `taskset -c 0`, prefixes the command.
#   nginx_stop                 stops it (safe to call twice, or when it never started; use in an EXIT trap)
# Loopback only.

NGINX_PID="" NGINX_PORT=""
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

nginx_config() { # $1 dir, $2 port
  local user_line=""
  [ "$(id -u)" -eq 0 ] && user_line="user root;"
  cat >"$1/nginx.conf" <<CONF
daemon off;
master_process on;
worker_processes 1;
$user_line
pid $1/nginx.pid;
error_log $1/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  default_type text/plain;
  client_body_temp_path $1/client_body;
  proxy_temp_path $1/proxy;
  fastcgi_temp_path $1/fastcgi;
  uwsgi_temp_path $1/uwsgi;
  scgi_temp_path $1/scgi;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$2;
    location = /plaintext { return 200 "Hello, World!"; }
    location / { return 404; }
  }
}
CONF
}

nginx_start() {
  local dir="$1" attempt port
  shift
  [ -x "$NGINX" ] || { echo "nginx is not installed: apt-get install nginx-light" >&2; exit 3; }
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    nginx_config "$dir" "$port"
    rm -f "$dir/nginx-error.log"
    "$@" "$NGINX" -p "$dir" -c "$dir/nginx.conf" -e "$dir/nginx-error.log" >"$dir/nginx.out" 2>&1 &
    NGINX_PID=$!
    for _ in $(seq 1 100); do
      if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        NGINX_PORT=$port; return 0
      fi
      kill -0 "$NGINX_PID" 2>/dev/null || break
      sleep 0.05
    done
    nginx_stop
    grep -q "Address already in use" "$dir/nginx-error.log" 2>/dev/null || break
  done
  echo "nginx did not start: $(cat "$dir/nginx-error.log" "$dir/nginx.out" 2>/dev/null)" >&2
  exit 1
}

nginx_stop() {
  if [ -n "$NGINX_PID" ]; then
    kill "$NGINX_PID" 2>/dev/null || true
    wait "$NGINX_PID" 2>/dev/null || true
    NGINX_PID=""
  fi
}
