#!/usr/bin/env bash
# Trains the service's AppCDS archive on a real start (issue 11, start to ready): starts the packaged service once,
# to ready, against a database and an OpenID issuer, with -XX:ArchiveClassesAtExit, asks it what a first client asks
# (health, the contract, a request without a token), stops it, and puts the archive it wrote in the place of the one
# `mvn package` made (app-cds.jsa, which deploy/local/jvm.options names).
#
#   deploy/local/train-cds.sh [app-folder]      (default backend/target/quarkus-app; make run and make bench call it)
#
# Why: the package's archive (quarkus.package.jar.appcds.enabled) holds the classes of Quarkus' static init only
# (~41 MB): Quarkus' generate mode stops before the runtime init, which reaches the database and the issuer. Every
# class loaded after that (Hibernate's session factory, the pool and the MySQL driver, OIDC, the OpenAPI document's
# parser, Quartz, Vert.x' HTTP server, Liquibase's check) is read from its jar, parsed and verified at every start.
# The trained archive holds them too (~88 MB): deploy/bench-notes/session22.md measured the start to ready on the
# province schema 0.3-0.5 s shorter and ~0.5 s less CPU. An archive is used only by the JVM build that made it and
# only for class files that are byte for byte the ones it recorded; anything else is loaded as without it (one
# warning line when the JVM or the jar differs), so a stale archive costs speed, never correctness.
#
# Environment: DUBAN_DB_URL (default: schema duban_cds on the server deploy/local/ensure-db.sh finds, where make run,
# make bench, e2e and the image all train: deploy/local/cds-training.sh), DUBAN_OIDC_ISSUER (default: a throw-away
# one, deploy/local/throwaway-issuer.sh),
# CDS_JVM_OPTIONS (default deploy/local/jvm.options; its -XX:SharedArchiveFile line is left out for the training).
# Skips the training when app-cds.jsa.trained says the folder's archive is already a trained one.
# Exit status 1 (the package's archive left in place) when the service does not get ready or writes no usable archive.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
app=$(cd "${1:-$root/backend/target/quarkus-app}" && pwd)
options=${CDS_JVM_OPTIONS:-$root/deploy/local/jvm.options}
archive=$app/app-cds.jsa
marker=$app/app-cds.jsa.trained
log() { printf '[train-cds %s] %s\n' "$(date +%T)" "$*" >&2; }

[ -f "$app/quarkus-run.jar" ] || { log "no $app/quarkus-run.jar: package the service first (make build)"; exit 1; }
if [ -f "$archive" ] && [ -f "$marker" ] && [ "$(sha256sum <"$archive")" = "$(cat "$marker")" ]; then
  log "$archive is already trained"
  exit 0
fi

tmp=$(mktemp -d)
svc=
issuer_pid=
cleanup() {
  [ -n "$svc" ] && kill "$svc" 2>/dev/null
  [ -n "$issuer_pid" ] && kill "$issuer_pid" 2>/dev/null
  rm -rf "$tmp" "$archive.part"
}
trap cleanup EXIT
. "$root/deploy/local/throwaway-issuer.sh"
. "$root/deploy/local/cds-training.sh"

db_url=${DUBAN_DB_URL:-}
if [ -z "$db_url" ]; then
  read -r host port < <("$root/deploy/local/ensure-db.sh")
  db_url=$(cds_db_url "$host" "$port")
fi
issuer=${DUBAN_OIDC_ISSUER:-}
if [ -z "$issuer" ]; then start_throwaway_issuer "$tmp"; fi

grep -v -e '^-XX:SharedArchiveFile' "$options" >"$tmp/jvm.options"
http_port=$(free_port)
started=$(date +%s)
(cd "$app" && DUBAN_DB_URL="$db_url" DUBAN_OIDC_ISSUER="$issuer" DUBAN_HTTP_PORT=$http_port \
   DUBAN_SEED_ENABLED=${DUBAN_SEED_ENABLED:-false} DUBAN_SHUTDOWN_DELAY=0S MALLOC_ARENA_MAX=2 \
   exec java @"$tmp/jvm.options" -XX:ArchiveClassesAtExit="$archive.part" -Duser.timezone=Asia/Shanghai \
     -Dfile.encoding=UTF-8 -jar quarkus-run.jar) >"$app/train-cds.log" 2>&1 &
svc=$!
base=http://127.0.0.1:$http_port
for _ in $(seq 1 900); do
  curl -sf -o /dev/null "$base/q/health/ready" && break
  kill -0 "$svc" 2>/dev/null || { log "the training start ended before it was ready (log: $app/train-cds.log)"; exit 1; }
  sleep 0.2
done
curl -sf -o /dev/null "$base/q/health/ready" || { log "the training start was not ready within 180 s (log: $app/train-cds.log)"; exit 1; }
log "ready in $(( $(date +%s) - started )) s (database ${db_url%%\?*}, issuer $issuer); a first client's requests"
ask_as_a_first_client "$base"
kill -TERM "$svc"
wait "$svc" || true
svc=
[ -s "$archive.part" ] || { log "no archive written (log: $app/train-cds.log)"; exit 1; }
check=$(cd "$app" && java @"$options" -XX:SharedArchiveFile="$archive.part" -XX:+PrintSharedArchiveAndExit -jar quarkus-run.jar 2>&1 || true)
grep -q '^archive is valid' <<<"$check" || { printf '%s\n' "$check" | tail -n 5 >&2; log "the trained archive is not usable"; exit 1; }
chmod 0644 "$archive.part"
mv -f "$archive.part" "$archive"
sha256sum <"$archive" >"$marker"
log "trained $archive ($(( $(stat -c %s "$archive") / 1024 / 1024 )) MB) in $(( $(date +%s) - started )) s"
