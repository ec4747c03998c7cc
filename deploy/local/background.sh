#!/usr/bin/env bash
# deploy/local/background.sh start|wait|stop JOB: work `make test` does in the background while an earlier stage runs,
# joined by the stage that needs it. The jobs (each skipped where its stage would not need it):
#   image-base  the image stage's base (deploy/image/build.sh --base-only: the container tools, then the base from
#               root's container storage, the cache folder, or assembled from Debian packages): download and dpkg,
#               started before the fast suite (CPU). Skipped with DUBAN_E2E_IMAGE=0 or DUBAN_BASE_IMAGE, or not root.
#   keycloak    the end-to-end stage's Keycloak (deploy/keycloak/keycloak.sh start on DUBAN_E2E_KC_PORT, default 8180:
#               unpack, first start, realm import), started before the contract checks (mostly one core of node).
#               Its last output line says whether it "started" Keycloak or "reused" one already answering there.
#   start  starts JOB;
#   wait   waits for it and prints its last output line (nothing when none was started); fails, with the end of its
#          log, if it failed;
#   stop   ends it and what it started (a stage before the one that needed it failed).
# Log and state: .build/background/JOB.{log,pid,rc}.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
dir=$root/.build/background
action=${1:-} job=${2:-}
log_file=$dir/$job.log pid_file=$dir/$job.pid rc_file=$dir/$job.rc

log() { printf '[background %s] %s\n' "$(date +%T)" "$*" >&2; }
# Keycloak runs in a session of its own (keycloak.sh): a stopped or failed job stops it, unless the job found one
# already answering on the port (then it is not this run's).
undo() { if [ "$job" = keycloak ] && ! grep -q -x reused "$log_file"; then "$root/deploy/keycloak/keycloak.sh" stop >/dev/null 2>&1 || true; fi; }
alive() { [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null; }
kc_port=${DUBAN_E2E_KC_PORT:-8180}

case "$job" in
  image-base)
    wanted() { [ "${DUBAN_E2E_IMAGE:-1}" != 0 ] && [ -z "${DUBAN_BASE_IMAGE:-}" ] && [ "$(id -u)" = 0 ]; }
    script='"$0/deploy/image/build.sh" --base-only'
    ;;
  keycloak)
    wanted() { true; }
    script='if KC_PORT=$1 "$0/deploy/keycloak/keycloak.sh" status >/dev/null 2>&1; then echo reused;
            else KC_PORT=$1 "$0/deploy/keycloak/keycloak.sh" start "$1" && echo started; fi'
    ;;
  *) echo "usage: $0 start|wait|stop image-base|keycloak" >&2; exit 2 ;;
esac

case "$action" in
  start)
    wanted || exit 0
    mkdir -p "$dir"
    if alive; then log "$job: already under way (pid $(cat "$pid_file")); joining it later"; exit 0; fi
    rm -f "$rc_file"
    # A session of its own, so stop ends the whole tree (debootstrap, apt in the chroot, buildah) and nothing else.
    setsid bash -c 'start=$(date +%s); bash -c "$2" "$0" "$3"; rc=$?
                    echo "[$4] done in $(( $(date +%s) - start )) s (exit $rc)" >&2; echo $rc >"$1"' \
      "$root" "$rc_file" "$script" "$kc_port" "$job" >"$log_file" 2>&1 </dev/null &
    echo $! >"$pid_file"
    log "$job: started in the background (pid $!, log .build/background/$job.log)"
    ;;
  wait)
    [ -f "$pid_file" ] || exit 0
    started=$(date +%s)
    while [ ! -f "$rc_file" ]; do
      if ! alive; then
        # Killed, or left over from a machine that restarted: the stage does the work itself.
        log "$job: no longer under way and no status in $rc_file: the stage does it itself"
        rm -f "$pid_file"; exit 0
      fi
      sleep 2
    done
    rm -f "$pid_file"
    rc=$(cat "$rc_file")
    if [ "$rc" != 0 ]; then
      tail -n 40 "$log_file" >&2
      log "$job failed (exit $rc); see $log_file"
      undo
      exit 1
    fi
    log "$job: $(tail -n 1 "$log_file" | sed 's/^\[[^]]*\] //'); waited $(( $(date +%s) - started )) s for it"
    grep -v '^\[' "$log_file" | tail -n 1
    ;;
  stop)
    [ -f "$pid_file" ] || exit 0  # none started, or already joined (the joining stage owns what it made)
    if alive; then
      pid=$(cat "$pid_file")
      log "$job: stopping it (pid $pid)"
      kill -TERM -- "-$pid" 2>/dev/null || true
      for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    fi
    undo
    rm -f "$pid_file"
    ;;
  *) echo "usage: $0 start|wait|stop image-base|keycloak" >&2; exit 2 ;;
esac
