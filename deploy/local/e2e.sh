#!/usr/bin/env bash
# End-to-end stage of `make test`: starts a real Keycloak (realm duban) and the packaged service once, on a fresh
# schema, runs every end-to-end suite against them, then stops what it started and drops the schema.
# Needs `mvn package` (or verify) to have built backend/target/quarkus-app first.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
work="$root/.build/e2e"
mkdir -p "$work"
MVN=${MVN:-mvn -B -ntp}

log() { printf '[e2e] %s\n' "$*" >&2; }
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

read -r db_host db_port < <(deploy/local/ensure-db.sh)
schema="duban_e2e_$(date +%Y%m%d%H%M%S)_$RANDOM"
kc_port=${DUBAN_E2E_KC_PORT:-8180}
started_kc=no
service_pid=

cleanup() {
  status=$?
  if [ -n "$service_pid" ]; then kill "$service_pid" 2>/dev/null || true; wait "$service_pid" 2>/dev/null || true; fi
  if command -v mariadb >/dev/null || command -v mysql >/dev/null; then
    client=$(command -v mariadb || command -v mysql)
    "$client" -h "$db_host" -P "$db_port" -u "${DUBAN_TEST_DB_USER:-root}" ${DUBAN_TEST_DB_PASSWORD:+-p"$DUBAN_TEST_DB_PASSWORD"} \
      --protocol=TCP -e "drop database if exists $schema" >/dev/null 2>&1 || log "could not drop schema $schema"
  else
    log "no mariadb/mysql client: schema $schema left behind"
  fi
  if [ "$started_kc" = yes ]; then deploy/keycloak/keycloak.sh stop >/dev/null 2>&1 || true; fi
  exit $status
}
trap cleanup EXIT

if ! KC_PORT=$kc_port deploy/keycloak/keycloak.sh status >/dev/null 2>&1; then started_kc=yes; fi
issuer=$(KC_PORT=$kc_port deploy/keycloak/keycloak.sh start "$kc_port" | tail -n1)
log "Keycloak issuer: $issuer"

http_port=$(free_port)
log "starting the service on port $http_port, schema $schema"
DUBAN_DB_URL="jdbc:mysql://$db_host:$db_port/$schema?createDatabaseIfNotExist=true&characterEncoding=UTF-8&connectTimeout=3000&socketTimeout=60000" \
DUBAN_DB_USER="${DUBAN_TEST_DB_USER:-root}" DUBAN_DB_PASSWORD="${DUBAN_TEST_DB_PASSWORD:-}" \
DUBAN_OIDC_ISSUER="$issuer" DUBAN_HTTP_PORT="$http_port" \
  java -Duser.timezone=Asia/Shanghai -Dfile.encoding=UTF-8 -jar backend/target/quarkus-app/quarkus-run.jar >"$work/service.log" 2>&1 &
service_pid=$!
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$http_port/q/health/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$service_pid" 2>/dev/null; then log "the service died; see $work/service.log"; tail -n 40 "$work/service.log" >&2; exit 1; fi
  sleep 1
done
curl -fsS "http://127.0.0.1:$http_port/q/health/ready" >/dev/null || { log "the service is not ready; see $work/service.log"; exit 1; }

export DUBAN_E2E_BASE_URL="http://127.0.0.1:$http_port" DUBAN_E2E_ISSUER="$issuer"
log "running the end-to-end suites against $DUBAN_E2E_BASE_URL"
$MVN -pl backend failsafe:integration-test failsafe:verify
log "running the contract tests of frontend-contract against $DUBAN_E2E_BASE_URL"
[ -f frontend-contract/node_modules/.installed ] || { npm --prefix frontend-contract ci --no-audit --no-fund && touch frontend-contract/node_modules/.installed; }
npm --prefix frontend-contract run test:contract
