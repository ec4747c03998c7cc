#!/usr/bin/env bash
# deploy/image/test.sh [IMAGE]: the image stage of `make test` (deploy/local/e2e.sh calls it while its Keycloak is up;
# alone it starts one). Starts the service image (default localhost/duban:latest, deploy/image/build.sh) the way the
# manifests run it: user 10001, read-only root file system with a tmpfs /tmp, all capabilities dropped, a 768 MiB
# memory limit. It reaches the local MariaDB (a fresh schema, migrated by the container) and Keycloak through the
# host network. Checks, then removes the container and the schema:
#   - /q/health/ready answers UP with the database check UP, and the image's own HEALTHCHECK says healthy;
#   - the process runs as 10001 in Asia/Shanghai, with the CJK font, bash and /bin/sleep (the preStop hook) there;
#   - the heap is 60 % of the memory limit with the parallel collector, and the AppCDS archive matches the JRE;
#   - /q/openapi sends browsers to the configured issuer;
#   - SIGTERM (podman stop) ends it gracefully, well inside the manifests' grace period.
# Prints the time from `podman run` to ready.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
export CONTAINERS_CONF=${CONTAINERS_CONF:-$here/containers.conf}
image=${1:-localhost/duban:latest}
work=$root/.build/image
mkdir -p "$work"

log() { printf '[image-test %s] %s\n' "$(date +%T)" "$*" >&2; }
fail() {
  log "FAILED: $*"
  if [ -n "${name:-}" ] && podman container exists "$name"; then podman logs --tail 40 "$name" >&2 2>&1 || true; fi
  exit 1
}
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

read -r db_host db_port < <("$root/deploy/local/ensure-db.sh")
db_user=${DUBAN_TEST_DB_USER:-root}
db_password=${DUBAN_TEST_DB_PASSWORD:-}
schema="duban_image_$(date +%Y%m%d%H%M%S)_$RANDOM"
name="duban-image-test-$$"
started_kc=no
issuer=${DUBAN_OIDC_ISSUER:-}

cleanup() {
  status=$?
  podman rm --force --time 0 "$name" >/dev/null 2>&1 || true
  client=$(command -v mariadb || command -v mysql || true)
  if [ -n "$client" ]; then
    "$client" -h "$db_host" -P "$db_port" -u "$db_user" ${db_password:+-p"$db_password"} --protocol=TCP \
      -e "drop database if exists $schema" >/dev/null 2>&1 || log "could not drop schema $schema"
  fi
  if [ "$started_kc" = yes ]; then "$root/deploy/keycloak/keycloak.sh" stop >/dev/null 2>&1 || true; fi
  exit $status
}
trap cleanup EXIT

podman image exists "$image" || fail "no image $image: run deploy/image/build.sh first"
if [ -z "$issuer" ]; then
  kc_port=${DUBAN_E2E_KC_PORT:-8180}
  if ! KC_PORT=$kc_port "$root/deploy/keycloak/keycloak.sh" status >/dev/null 2>&1; then started_kc=yes; fi
  issuer=$(KC_PORT=$kc_port "$root/deploy/keycloak/keycloak.sh" start "$kc_port" | tail -n1)
fi

# The JVM as the image starts it, under the manifests' memory limit: heap, collector, the AppCDS archive.
memory=768m
flags=$(podman run --rm --memory "$memory" --network none --entrypoint bash "$image" -c \
  'java @/opt/duban/jvm.options -XX:+PrintFlagsFinal -version 2>/dev/null | grep -E " (MaxHeapSize|UseParallelGC|UseAdaptiveSizePolicy) "; echo "MALLOC_ARENA_MAX $MALLOC_ARENA_MAX"')
max_heap=$(awk '$2 == "MaxHeapSize" {print $4}' <<<"$flags")
expected=$(( 768 * 1024 * 1024 * 60 / 100 ))
[ -n "$max_heap" ] && [ $(( max_heap - expected )) -le $(( 4 * 1024 * 1024 )) ] && [ $(( expected - max_heap )) -le $(( 4 * 1024 * 1024 )) ] \
  || fail "MaxHeapSize $max_heap is not 60 % of $memory ($expected)"
grep -q 'UseParallelGC *= true' <<<"$flags" || fail "the parallel collector is not selected: $flags"
grep -q 'UseAdaptiveSizePolicy *= false' <<<"$flags" || fail "the collector resizes the generations (UseAdaptiveSizePolicy): $flags"
grep -q '^MALLOC_ARENA_MAX 2$' <<<"$flags" || fail "the image does not set MALLOC_ARENA_MAX=2: $flags"
log "JVM under a $memory limit: heap $(( max_heap / 1024 / 1024 )) MiB, parallel collector with fixed generations"
cds=$(podman run --rm --memory "$memory" --network none --entrypoint bash "$image" -c \
  'cd /opt/duban/app && java @/opt/duban/jvm.options -XX:+PrintSharedArchiveAndExit -jar quarkus-run.jar 2>&1' || true)
grep -q '^archive is valid' <<<"$cds" \
  || { printf '%s\n' "$cds" | tail -n 20 >&2; fail "the image's AppCDS archive is not usable by its JRE"; }
log "AppCDS archive validated by the image's JRE"

port=$(free_port)
db_url="jdbc:mysql://$db_host:$db_port/$schema?createDatabaseIfNotExist=true&characterEncoding=UTF-8&connectTimeout=3000&socketTimeout=60000"
log "starting $image as $name on port $port, schema $schema, issuer $issuer"
t0=$(date +%s.%N)
podman run --detach --name "$name" --network host \
  --read-only --tmpfs /tmp:rw,size=128m,mode=1777 --cap-drop ALL --security-opt no-new-privileges --memory "$memory" \
  --env DUBAN_HTTP_HOST=127.0.0.1 --env DUBAN_HTTP_PORT="$port" \
  --env DUBAN_DB_URL="$db_url" --env DUBAN_DB_USER="$db_user" --env DUBAN_DB_PASSWORD="$db_password" \
  --env DUBAN_OIDC_ISSUER="$issuer" \
  "$image" >/dev/null

ready=
for _ in $(seq 1 300); do
  if body=$(curl -fsS "http://127.0.0.1:$port/q/health/ready" 2>/dev/null); then ready=$(date +%s.%N); break; fi
  [ "$(podman inspect --format '{{.State.Running}}' "$name" 2>/dev/null)" = true ] || fail "the container stopped"
  sleep 1
done
[ -n "$ready" ] || fail "not ready after 300 s"
startup=$(python3 -c "print(f'{$ready - $t0:.1f}')")
python3 - "$body" <<'PY' || fail "readiness is not UP with the database: $body"
import json, sys
doc = json.loads(sys.argv[1])
assert doc["status"] == "UP", doc
db = [c for c in doc["checks"] if "database" in c["name"].lower()]
assert db and all(c["status"] == "UP" for c in db), doc
PY
log "ready (UP, database UP) ${startup} s after podman run"

podman healthcheck run "$name" >/dev/null || fail "the image's HEALTHCHECK does not report healthy"
[ "$(podman exec "$name" id -u)" = 10001 ] || fail "the service does not run as 10001"
[ "$(podman exec "$name" date +%Z)" = CST ] || fail "the container's time zone is not Asia/Shanghai"
podman exec "$name" bash -c 'test -x /bin/sleep && test -r /usr/share/fonts/truetype/wqy/wqy-microhei.ttc && ! touch /opt/duban/x 2>/dev/null' \
  || fail "missing /bin/sleep or the CJK font, or the application folder is writable"
contract=$(curl -fsS "http://127.0.0.1:$port/q/openapi?format=json")
grep -qF "\"$issuer/.well-known/openid-configuration\"" <<<"$contract" \
  || fail "/q/openapi does not name the configured issuer's discovery document"
log "user 10001, Asia/Shanghai, font, bash and /bin/sleep present; HEALTHCHECK healthy; the contract names $issuer"

t1=$(date +%s)
podman stop --time 45 "$name" >/dev/null
stopped=$(( $(date +%s) - t1 ))
code=$(podman inspect --format '{{.State.ExitCode}}' "$name")
podman logs "$name" >"$work/test-container.log" 2>&1 || true
grep -q 'stopped in' "$work/test-container.log" || fail "no graceful shutdown in the log ($work/test-container.log)"
[ "$stopped" -lt 35 ] || fail "SIGTERM took ${stopped} s (the manifests leave about 35 s)"
log "SIGTERM: stopped gracefully in ${stopped} s (exit code $code)"
echo "image test passed: ready in ${startup} s"
