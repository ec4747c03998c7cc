#!/usr/bin/env bash
# End-to-end stage of `make test`: starts a real Keycloak (realm duban) and two instances of the packaged service, on a fresh
# schema, runs every end-to-end suite against them, then builds the service image and starts it against the same
# Keycloak (deploy/image/test.sh), then stops what it started and drops the schema.
# Needs `mvn package` (or verify) to have built backend/target/quarkus-app first.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
work="$root/.build/e2e"
mkdir -p "$work"
MVN=${MVN:-mvn -B -ntp}

log() { printf '[e2e %s] %s\n' "$(date +%T)" "$*" >&2; }
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

read -r db_host db_port < <(deploy/local/ensure-db.sh)
schema="duban_e2e_$(date +%Y%m%d%H%M%S)_$RANDOM"
kc_port=${DUBAN_E2E_KC_PORT:-8180}
started_kc=no
service_pid=
second_pid=

cleanup() {
  status=$?
  for pid in $service_pid $second_pid; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  if command -v mariadb >/dev/null || command -v mysql >/dev/null; then
    client=$(command -v mariadb || command -v mysql)
    "$client" -h "$db_host" -P "$db_port" -u "${DUBAN_TEST_DB_USER:-root}" ${DUBAN_TEST_DB_PASSWORD:+-p"$DUBAN_TEST_DB_PASSWORD"} \
      --protocol=TCP -e "drop database if exists $schema" >/dev/null 2>&1 || log "could not drop schema $schema"
  else
    log "no mariadb/mysql client: schema $schema left behind"
  fi
  if [ "$started_kc" = yes ]; then deploy/keycloak/keycloak.sh stop >/dev/null 2>&1 || true; fi
  deploy/local/background.sh stop image-base  # a failure before the image stage: the base make test started is not needed
  exit $status
}
trap cleanup EXIT

# make test started Keycloak in the background (deploy/local/background.sh): join it; it says whether it started one.
kc_job=$(deploy/local/background.sh wait keycloak)
if [ "$kc_job" = started ]; then started_kc=yes
elif [ -z "$kc_job" ] && ! KC_PORT=$kc_port deploy/keycloak/keycloak.sh status >/dev/null 2>&1; then started_kc=yes; fi
issuer=$(KC_PORT=$kc_port deploy/keycloak/keycloak.sh start "$kc_port" | tail -n1)
log "Keycloak issuer: $issuer"

# Two instances start at once on the same fresh schema, as a production pair would: migrations, the seed and the
# clustered Quartz scheduler must each happen once between them (ClusterE2E checks). ClusterTakeoverE2E starts and
# stops instances of its own (on "$schema"_jobs, with DUBAN_E2E_DB_URL and DUBAN_E2E_ISSUER) for the cluster drill.
db_url="jdbc:mysql://$db_host:$db_port/$schema?createDatabaseIfNotExist=true&characterEncoding=UTF-8&connectTimeout=3000&socketTimeout=60000"
start_service() { # $1 = name, $2 = port
  DUBAN_DB_URL="$db_url" DUBAN_DB_USER="${DUBAN_TEST_DB_USER:-root}" DUBAN_DB_PASSWORD="${DUBAN_TEST_DB_PASSWORD:-}" \
  DUBAN_OIDC_ISSUER="$issuer" DUBAN_HTTP_PORT="$2" DUBAN_CORS_ORIGINS="$console_origin" MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" \
    bash -c 'cd backend/target/quarkus-app && exec java @"$0" -Duser.timezone=Asia/Shanghai -Dfile.encoding=UTF-8 -jar quarkus-run.jar' \
      "$root/deploy/local/jvm.options" >"$work/$1.log" 2>&1 &
}
wait_ready() { # $1 = name, $2 = port, $3 = pid
  for _ in $(seq 1 180); do
    if curl -fsS "http://127.0.0.1:$2/q/health/ready" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$3" 2>/dev/null; then log "$1 died; see $work/$1.log"; tail -n 40 "$work/$1.log" >&2; exit 1; fi
    sleep 1
  done
  log "$1 is not ready; see $work/$1.log"; exit 1
}
http_port=$(free_port)
second_port=$(free_port)
# The example console of the browser tests is served on this origin; the service allows it (and only it) for CORS.
console_port=$(free_port)
console_origin="http://127.0.0.1:$console_port"
# The instances start as make run starts the service: with the AppCDS archive trained on a real start (here against
# schema duban_cds and this Keycloak). A training that fails fails the stage: make run would start slower.
DUBAN_DB_HOST=$db_host DUBAN_DB_PORT=$db_port DUBAN_DB_USER="${DUBAN_TEST_DB_USER:-root}" DUBAN_DB_PASSWORD="${DUBAN_TEST_DB_PASSWORD:-}" \
  DUBAN_OIDC_ISSUER="$issuer" deploy/local/train-cds.sh backend/target/quarkus-app
log "starting two instances of the service on ports $http_port and $second_port, schema $schema"
start_service service "$http_port"
service_pid=$!
start_service service-2 "$second_port"
second_pid=$!
wait_ready service "$http_port" "$service_pid"
wait_ready service-2 "$second_port" "$second_pid"

export DUBAN_E2E_SECOND_BASE_URL="http://127.0.0.1:$second_port" DUBAN_E2E_DB_URL="$db_url"
export DUBAN_E2E_DB_USER="${DUBAN_TEST_DB_USER:-root}" DUBAN_E2E_DB_PASSWORD="${DUBAN_TEST_DB_PASSWORD:-}"
export DUBAN_E2E_BASE_URL="http://127.0.0.1:$http_port" DUBAN_E2E_ISSUER="$issuer"
log "running the end-to-end suites against $DUBAN_E2E_BASE_URL"
$MVN -pl backend failsafe:integration-test failsafe:verify
log "running the contract tests of frontend-contract against $DUBAN_E2E_BASE_URL"
[ -f frontend-contract/node_modules/.installed ] || { npm --prefix frontend-contract ci --no-audit --no-fund && touch frontend-contract/node_modules/.installed; }
npm --prefix frontend-contract run test:contract
log "running the browser tests (Chromium: Swagger UI, the example console on $console_origin, CORS)"
deploy/local/ensure-chromium.sh
DUBAN_E2E_CONSOLE_ORIGIN="$console_origin" npm --prefix frontend-contract run test:browser

# The image stage (issue 13, deploy/image): the service image built (its Debian base cached between runs, and prepared
# in the background since the start of make test: deploy/local/background.sh) and started
# against this Keycloak and the local MariaDB, on a fresh schema of its own. DUBAN_E2E_IMAGE=0 skips it.
if [ "${DUBAN_E2E_IMAGE:-1}" != 0 ]; then
  for pid in $service_pid $second_pid; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  service_pid= second_pid=
  deploy/local/background.sh wait image-base >/dev/null  # the base make test started in the background (none when run alone)
  log "building the service image (deploy/image/build.sh)"
  image=$(deploy/image/build.sh | tail -n1)
  log "starting $image against $issuer (deploy/image/test.sh)"
  DUBAN_OIDC_ISSUER="$issuer" deploy/image/test.sh "$image"
fi
