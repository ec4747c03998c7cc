#!/usr/bin/env bash
# Makes sure caddy (make deploy-check validates deploy/compose/caddy/Caddyfile with it) is on the PATH; idempotent, instant when it is.
# 1. `caddy` answers: nothing to do;
# 2. else install Debian's caddy with apt-get (as root, or through sudo -n);
# 3. else one line on stderr saying what to do, and exit 1.
set -euo pipefail
command -v caddy >/dev/null && exit 0

if command -v apt-get >/dev/null; then
  as_root=()
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then as_root=(sudo -n); else as_root=(false); fi
  fi
  if [ "${as_root[0]:-}" != false ]; then
    echo "Installing caddy for make deploy-check..." >&2
    install() { DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends caddy >/dev/null; }
    install 2>/dev/null || { "${as_root[@]}" apt-get update -qq >/dev/null && install; } || true
    command -v caddy >/dev/null && exit 0
  fi
fi

echo "caddy is missing: run 'apt-get install caddy' as root (or put a caddy 2 binary on the PATH); the Caddyfile check is skipped." >&2
exit 1
