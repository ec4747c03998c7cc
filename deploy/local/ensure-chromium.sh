#!/usr/bin/env bash
# Makes sure Debian's Chromium is there for the browser tests (frontend-contract/test/browser, run by
# deploy/local/e2e.sh through playwright-core, which never downloads a browser); idempotent, instant when it is.
# The browser is DUBAN_E2E_CHROMIUM (default /usr/bin/chromium, Debian package chromium).
# 1. it is executable: nothing to do;
# 2. else, for the default path, install chromium with apt-get (as root, or through sudo -n);
# 3. else one line on stderr saying what to do, and exit 1.
set -euo pipefail
default=/usr/bin/chromium
browser=${DUBAN_E2E_CHROMIUM:-$default}

[ -x "$browser" ] && exit 0

if [ "$browser" = "$default" ] && command -v apt-get >/dev/null; then
  as_root=()
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then as_root=(sudo -n); else as_root=(false); fi
  fi
  if [ "${as_root[0]:-}" != false ]; then
    echo "Installing Chromium for the browser tests (Debian package chromium)..." >&2
    install() { DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends chromium >/dev/null; }
    install 2>/dev/null || { "${as_root[@]}" apt-get update -qq >/dev/null && install; } || true
    [ -x "$browser" ] && exit 0
  fi
fi

echo "Chromium for the browser tests is missing at $browser: run 'apt-get install chromium' as root, or set DUBAN_E2E_CHROMIUM to a Chromium or Chrome binary." >&2
exit 1
