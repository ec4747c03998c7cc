#!/usr/bin/env bash
# deploy/image/build.sh: builds the Duban service image, duban:latest and duban:<git commit>, from the packaged
# service (backend/target/quarkus-app: run `mvn package` or `make build` first). Prints the image's name last.
#
# No container registry is reachable from the development and CI machines, so the base (Debian 12 minbase, the JRE,
# tzdata, the CJK font, ca-certificates, user 10001) is assembled from Debian packages by base.sh and kept:
#   - in root's container storage as duban-base:<key>, and
#   - as an archive in $DUBAN_IMAGE_CACHE (default ~/.cache/duban-image), which a CI machine keeps between runs;
# <key> hashes base.sh and the versions Debian offers for its packages (the host's apt index), so editing base.sh or
# a Debian security update of the JRE or tzdata makes a new base, and anything else reuses the cached one.
# A machine with a registry skips all that: DUBAN_BASE_IMAGE=registry.example.org/duban-base:<tag> (built once by
# base.sh and pushed, or any Debian 12 image with the same packages and user 10001) is used as it is.
#
# `build.sh --base-only` makes sure the base is there (storage, cache or built) and prints its name, without the
# packaged service: `make test` runs it in the background while the fast suite runs (deploy/local/background.sh).
#
# Runs as root (debootstrap, chroot, root's container storage). Installs podman, buildah, runc and debootstrap when
# missing (deploy/local/ensure-podman.sh). The engine settings these machines need are in containers.conf here.
# Names, all overridable (a second cache and names of its own measure a fresh machine without touching the shared ones):
#   DUBAN_IMAGE_CACHE  the base's archive folder      DUBAN_BASE_NAME  the base's name in storage (localhost/duban-base)
#   DUBAN_IMAGE        the image's name (localhost/duban; older builds of this name are removed)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
export CONTAINERS_CONF=${CONTAINERS_CONF:-$here/containers.conf}
cache=${DUBAN_IMAGE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/duban-image}
app=$root/backend/target/quarkus-app
image=${DUBAN_IMAGE:-localhost/duban}
base_name=${DUBAN_BASE_NAME:-localhost/duban-base}
base_only=no
[ "${1:-}" = --base-only ] && base_only=yes

log() { printf '[image %s] %s\n' "$(date +%T)" "$*" >&2; }
[ "$(id -u)" = 0 ] || { log "build.sh needs root (debootstrap and root's container storage); try sudo"; exit 1; }
[ $base_only = yes ] || [ -f "$app/quarkus-run.jar" ] || { log "no packaged service at $app: run 'make build' (mvn package) first"; exit 1; }
started=$(date +%s)
"$root/deploy/local/ensure-podman.sh"
[ $(( $(date +%s) - started )) -lt 2 ] || log "container tools installed in $(( $(date +%s) - started )) s"

# The base: from a registry, from the container storage, from the cache folder, or built.
base_key() {
  {
    cat "$here/base.sh"
    for p in openjdk-17-jre-headless tzdata fonts-wqy-microhei ca-certificates libc6; do
      printf '%s %s\n' "$p" "$(apt-cache policy "$p" 2>/dev/null | awk '/Candidate:/ {print $2}')"
    done
  } | sha256sum | cut -c1-16
}
if [ -n "${DUBAN_BASE_IMAGE:-}" ]; then
  base=$DUBAN_BASE_IMAGE
  log "base: $base (DUBAN_BASE_IMAGE)"
else
  key=$(base_key)
  base=$base_name:$key
  stem=${base_name##*/}
  archive=$cache/$stem-$key.tar
  if podman image exists "$base"; then
    log "base: $base (container storage)"
  elif [ -s "$archive" ]; then
    log "base: $base (loading $archive)"
    podman load --quiet --input "$archive" >/dev/null
  else
    log "base: $base not cached; assembling it from Debian packages (about 4 minutes)"
    started=$(date +%s)
    mkdir -p "$root/.build/image"
    "$here/base.sh" "$base" 2>"$root/.build/image/base.log" \
      || { tail -n 40 "$root/.build/image/base.log" >&2; log "assembling the base failed; see .build/image/base.log"; exit 1; }
    log "base assembled in $(( $(date +%s) - started )) s"
  fi
  # The cache folder holds the current base only (a wiped container storage reloads it in seconds).
  if [ ! -s "$archive" ]; then
    mkdir -p "$cache"
    rm -f "$cache/$stem"-????????????????.tar
    podman save --quiet --format docker-archive --output "$archive.part" "$base" && mv "$archive.part" "$archive"
    log "base cached as $archive ($(du -h "$archive" | cut -f1))"
  fi
fi
if [ $base_only = yes ]; then
  echo "$base"
  exit 0
fi

# The build context: the fast-jar without the build machine's AppCDS archive (the image makes its own with its JRE),
# the JVM options (deploy/local/jvm.options with its heap lines replaced by jvm-container.options), the entry point,
# and cds/ (empty, or the archive trained in the image: below).
ctx=$root/.build/image/context
rm -rf "$ctx" && mkdir -p "$ctx/cds"
cp -a "$app" "$ctx/app"
rm -f "$ctx/app/app-cds.jsa" "$ctx/app/app-cds.jsa.trained" "$ctx/app/train-cds.log"
{
  echo "# Made by deploy/image/build.sh: deploy/local/jvm.options without its heap lines, then deploy/image/jvm-container.options."
  grep -v -E '^-X(ms|mx|mn)[0-9]' "$root/deploy/local/jvm.options"
  cat "$here/jvm-container.options"
} >"$ctx/jvm.options"
cp "$here/duban-start" "$ctx/duban-start"

tag=$(git -C "$root" rev-parse --short=12 HEAD 2>/dev/null || echo dev)
previous=$(podman image inspect --format '{{.Id}}' "$image:latest" 2>/dev/null || true)
started=$(date +%s)
build() { # tags...
  local tags=() t
  for t in "$@"; do tags+=(--tag "$t"); done
  buildah build --quiet --layers=false --format docker --isolation chroot --build-arg "BASE=$base" \
    "${tags[@]}" --file "$here/Containerfile" "$ctx" >/dev/null
}

# The AppCDS archive trained on a real start (as deploy/local/train-cds.sh trains make run's), by the image's own JRE:
# Quarkus' generate mode, which the first build uses, stops before the runtime init (the database, OIDC, the OpenAPI
# document, Quartz, the HTTP server), so the classes loaded there would be read, parsed and verified at every start.
# The first build runs once, under the manifests' memory limit, against the database deploy/local/ensure-db.sh finds
# (schema duban_cds) and a throw-away issuer, through the host network, with -XX:ArchiveClassesAtExit into a mounted
# folder, to ready and a few requests, and is stopped; the image is then built again with that archive (the
# Containerfile checks it and falls back to generating one). No database, or DUBAN_IMAGE_TRAIN=0: the first build,
# with its generate-mode archive, is the image.
train() { # image, folder for the archive
  local name="duban-cds-train-$$" port db_host db_port issuer_dir url
  [ "${DUBAN_IMAGE_TRAIN:-1}" != 0 ] || { log "AppCDS training skipped (DUBAN_IMAGE_TRAIN=0)"; return 1; }
  read -r db_host db_port < <("$root/deploy/local/ensure-db.sh") || { log "no database for the AppCDS training"; return 1; }
  issuer_dir=$(mktemp -d)
  . "$root/deploy/local/throwaway-issuer.sh"
  . "$root/deploy/local/cds-training.sh"
  start_throwaway_issuer "$issuer_dir" || { rm -rf "$issuer_dir"; return 1; }
  port=$(free_port)
  chmod 0777 "$2"
  podman run --detach --name "$name" --network host --memory 768m -v "$2:/cds:rw" \
    -e DUBAN_DB_URL="$(cds_db_url "$db_host" "$db_port")" \
    -e DUBAN_DB_USER="${DUBAN_TEST_DB_USER:-${DUBAN_DB_USER:-root}}" -e DUBAN_DB_PASSWORD="${DUBAN_TEST_DB_PASSWORD:-${DUBAN_DB_PASSWORD:-}}" \
    -e DUBAN_OIDC_ISSUER="$issuer" -e DUBAN_HTTP_HOST=127.0.0.1 -e DUBAN_HTTP_PORT="$port" -e DUBAN_SEED_ENABLED=false \
    -e DUBAN_SHUTDOWN_DELAY=0S --entrypoint bash "$1" -c \
    'cd /opt/duban/app && grep -v "^-XX:SharedArchiveFile" /opt/duban/jvm.options >/tmp/train.options &&
     exec java @/tmp/train.options -XX:ArchiveClassesAtExit=/cds/app-cds.jsa -jar quarkus-run.jar' >/dev/null
  url=http://127.0.0.1:$port
  for _ in $(seq 1 180); do
    curl -sf -o /dev/null "$url/q/health/ready" && break
    [ "$(podman inspect --format '{{.State.Running}}' "$name" 2>/dev/null)" = true ] || break
    sleep 1
  done
  if curl -sf -o /dev/null "$url/q/health/ready"; then
    ask_as_a_first_client "$url"
  else
    podman logs --tail 20 "$name" >&2 2>&1 || true
    log "the training start did not get ready"
  fi
  podman stop --time 60 "$name" >/dev/null 2>&1 || true
  podman rm --force "$name" >/dev/null 2>&1 || true
  kill "$issuer_pid" 2>/dev/null || true
  rm -rf "$issuer_dir"
  [ -s "$2/app-cds.jsa" ] || { log "the training start wrote no archive"; return 1; }
}

build "$image:untrained"
log "image built in $(( $(date +%s) - started )) s on $base; training its AppCDS archive"
if train "$image:untrained" "$ctx/cds"; then
  build "$image:latest" "$image:$tag"
  podman rmi "$image:untrained" >/dev/null
  log "image $image:latest ($image:$tag) with the trained AppCDS archive ($(( $(stat -c %s "$ctx/cds/app-cds.jsa") / 1024 / 1024 )) MB) in $(( $(date +%s) - started )) s"
else
  podman tag "$image:untrained" "$image:latest" "$image:$tag"
  podman rmi "$image:untrained" >/dev/null
  log "image $image:latest ($image:$tag) with the generate-mode AppCDS archive, in $(( $(date +%s) - started )) s"
fi
# Keep this build and no other of this name (a CI machine builds one per run): older commit tags, then the image
# the previous :latest was, unless a container still uses it.
podman images --format '{{.Repository}}:{{.Tag}}' "$image" | grep -v -x -e "$image:latest" -e "$image:$tag" \
  | xargs -r -n1 podman rmi >/dev/null 2>&1 || true
if [ -n "$previous" ] && [ "$previous" != "$(podman image inspect --format '{{.Id}}' "$image:latest")" ]; then
  podman rmi "$previous" >/dev/null 2>&1 || true
fi
echo "$image:latest"
