#!/usr/bin/env bash
# Makes sure wrk (the HTTP load generator `make bench` drives) is on the PATH; idempotent, instant when it is.
# 1. `wrk` answers: nothing to do;
# 2. else install Debian's wrk with apt-get (as root, or through sudo -n);
# 3. else one line on stderr saying what to do, and exit 1.
# Debian's wrk is the closed-loop wrk 4 (no -R fixed arrival rate: that is wrk2, which Debian does not package).
set -euo pipefail
command -v wrk >/dev/null && exit 0

if command -v apt-get >/dev/null; then
  as_root=()
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then as_root=(sudo -n); else as_root=(false); fi
  fi
  if [ "${as_root[0]:-}" != false ]; then
    echo "Installing wrk for make bench..." >&2
    install() { DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends wrk >/dev/null; }
    install 2>/dev/null || { "${as_root[@]}" apt-get update -qq >/dev/null && install; } || true
    command -v wrk >/dev/null && exit 0
  fi
fi

echo "wrk is missing: run 'apt-get install wrk' as root (or put a wrk 4 binary on the PATH) before make bench." >&2
exit 1
