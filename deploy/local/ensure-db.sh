#!/usr/bin/env bash
# Makes sure a MySQL-protocol server answers, and prints the host and port to use as "HOST PORT".
# 1. DUBAN_DB_HOST:DUBAN_DB_PORT (default 127.0.0.1:3306) if something answers there;
# 2. else a private MariaDB/MySQL started from this machine's mariadbd/mysqld, data under .build/mariadb;
# 3. else one line on stderr saying what to do, and exit 1.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
host=${DUBAN_DB_HOST:-127.0.0.1}
port=${DUBAN_DB_PORT:-3306}

answers() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

if answers "$host" "$port"; then
  echo "$host $port"; exit 0
fi

data="$here/.build/mariadb"
if [ -f "$data/port" ] && answers 127.0.0.1 "$(cat "$data/port")"; then
  echo "127.0.0.1 $(cat "$data/port")"; exit 0
fi

server=$(command -v mariadbd || command -v mysqld || ls /usr/sbin/mariadbd /usr/sbin/mysqld 2>/dev/null | head -n1 || true)
if [ -z "$server" ]; then
  echo "No MySQL-protocol server answers at $host:$port and no mariadbd/mysqld is installed: run 'apt-get install mariadb-server' or set DUBAN_DB_HOST/DUBAN_DB_PORT (and DUBAN_DB_URL for make run) to a running MySQL 8.4 or MariaDB 10.11." >&2
  exit 1
fi

mkdir -p "$data"
if [ ! -d "$data/data/mysql" ]; then
  installer=$(command -v mariadb-install-db || command -v mysql_install_db || true)
  if [ -n "$installer" ]; then
    "$installer" --no-defaults --datadir="$data/data" --auth-root-authentication-method=normal --user="$(id -un)" >"$data/install.log" 2>&1
  else
    "$server" --no-defaults --initialize-insecure --datadir="$data/data" >"$data/install.log" 2>&1
  fi
fi
free_port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])' 2>/dev/null || echo 33306)
echo "$free_port" >"$data/port"
nohup "$server" --no-defaults --datadir="$data/data" --port="$free_port" --bind-address=127.0.0.1 \
  --socket="$data/mysqld.sock" --pid-file="$data/mysqld.pid" --user="$(id -un)" \
  --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci >"$data/server.log" 2>&1 &
for _ in $(seq 1 60); do
  if answers 127.0.0.1 "$free_port"; then
    echo "127.0.0.1 $free_port"; exit 0
  fi
  sleep 1
done
echo "Started $server on port $free_port but it does not answer; see $data/server.log" >&2
exit 1
