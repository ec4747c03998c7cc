#!/usr/bin/env bash
# deploy/image/base-background.sh start|wait|stop: `make test` prepares the image stage's base (deploy/image/build.sh
# --base-only: the container tools, then the base from root's container storage, the cache folder, or assembled from
# Debian packages, ~4 min on a fresh machine) in the background while the fast suite runs, and the image stage joins it.
#   start  starts it, unless the image stage is off (DUBAN_E2E_IMAGE=0) or a registry's base is used (DUBAN_BASE_IMAGE);
#   wait   waits for it (no-op when none was started) and fails, with the end of its log, if it failed;
#   stop   ends it and what it started (make test failed before the image stage).
# Its log and state: .build/image/base-background.{log,pid,rc}. Not root: nothing to start (build.sh needs root, and
# the image stage then says so itself).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
dir=$root/.build/image
log_file=$dir/base-background.log pid_file=$dir/base-background.pid rc_file=$dir/base-background.rc

log() { printf '[image %s] %s\n' "$(date +%T)" "$*" >&2; }
alive() { [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null; }

case "${1:-}" in
  start)
    { [ "${DUBAN_E2E_IMAGE:-1}" = 0 ] || [ -n "${DUBAN_BASE_IMAGE:-}" ] || [ "$(id -u)" != 0 ]; } && exit 0
    mkdir -p "$dir"
    if alive; then log "a base is already being prepared (pid $(cat "$pid_file")); joining it later"; exit 0; fi
    rm -f "$rc_file"
    # A session of its own, so stop ends the whole tree (debootstrap, apt in the chroot, buildah) and nothing else.
    setsid bash -c 'start=$(date +%s); "$0" --base-only; rc=$?; echo "[image] base ready after $(( $(date +%s) - start )) s (exit $rc)" >&2; echo $rc >"$1"' \
      "$here/build.sh" "$rc_file" >"$log_file" 2>&1 </dev/null &
    echo $! >"$pid_file"
    log "preparing the image's base in the background (pid $!, log .build/image/base-background.log)"
    ;;
  wait)
    [ -f "$pid_file" ] || exit 0
    started=$(date +%s)
    while [ ! -f "$rc_file" ]; do
      if ! alive; then
        # Killed, or left over from a machine that restarted: build.sh prepares the base itself (and fails if it cannot).
        log "no base is being prepared in the background any more (no status in $rc_file): the image stage prepares it"
        rm -f "$pid_file"; exit 0
      fi
      sleep 2
    done
    rm -f "$pid_file"
    rc=$(cat "$rc_file")
    waited=$(( $(date +%s) - started ))
    if [ "$rc" != 0 ]; then
      tail -n 40 "$log_file" >&2
      log "preparing the base failed (exit $rc); see $log_file"
      exit 1
    fi
    log "$(grep -v '^\[image' "$log_file" | tail -n 1): $(tail -n 1 "$log_file" | sed 's/^\[image\] //'); the image stage waited ${waited} s for it"
    ;;
  stop)
    if alive; then
      pid=$(cat "$pid_file")
      log "stopping the base's background preparation (pid $pid)"
      kill -TERM -- "-$pid" 2>/dev/null || true
      for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    fi
    rm -f "$pid_file"
    ;;
  *) echo "usage: $0 start|wait|stop" >&2; exit 2 ;;
esac
