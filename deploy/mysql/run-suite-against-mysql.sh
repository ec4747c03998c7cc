#!/usr/bin/env bash
# Runs the database-backed stages of `make test` against MySQL instead of MariaDB:
#   1. the fast suite (`mvn verify`: every @QuarkusTest in its own fresh schema, dropped at the end);
#   2. unless SKIP_E2E=1, the end-to-end stage (deploy/local/e2e.sh: real Keycloak, two packaged instances).
#
#   deploy/mysql/run-suite-against-mysql.sh                          # the MySQL 8.0.31 of deploy/mysql/mysql8.sh
#   deploy/mysql/run-suite-against-mysql.sh HOST PORT USER PASSWORD  # any MySQL server, e.g. a MySQL 8.4
#
# The account needs to create and drop databases (each run makes its own duban_test_*/duban_e2e_* schemas).
# The server's version is printed first: a run names the version it ran against, nothing else.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
MVN=${MVN:-mvn -B -ntp}
started=no
if [ $# -ge 2 ]; then
  host=$1 port=$2 user=${3:-root} password=${4:-}
else
  read -r host port < <(deploy/mysql/mysql8.sh start)
  user=root password=
  started=yes
fi
cleanup() { status=$?; if [ "$started" = yes ] && [ -z "${KEEP_MYSQL:-}" ]; then deploy/mysql/mysql8.sh stop || true; fi; exit $status; }
trap cleanup EXIT

client=$(command -v mysql || command -v mariadb || true)
if [ -n "$client" ]; then
  version=$("$client" -h "$host" -P "$port" -u "$user" ${password:+-p"$password"} --protocol=TCP -N -e 'select version()')
else
  version="(no mysql client here to ask)"
fi
echo "[mysql] running the suite against $host:$port, server version $version"
case "$version" in 5.5.5-*|*MariaDB*) echo "[mysql] that is MariaDB, not MySQL" >&2; exit 1 ;; esac

export DUBAN_TEST_DB_HOST=$host DUBAN_TEST_DB_PORT=$port DUBAN_TEST_DB_USER=$user DUBAN_TEST_DB_PASSWORD=$password
deploy/local/ensure-font.sh || true
$MVN verify
if [ -z "${SKIP_E2E:-}" ]; then
  DUBAN_DB_HOST=$host DUBAN_DB_PORT=$port deploy/local/e2e.sh
fi
echo "[mysql] the suite passed against MySQL $version at $host:$port"
