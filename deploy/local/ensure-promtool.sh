#!/usr/bin/env bash
# Makes sure promtool is at hand for make deploy-check (`promtool check rules` and `promtool test rules` on
# deploy/observability); idempotent, instant when it is. Prints nothing on success.
# 1. `promtool` on the PATH, or .build/tools/promtool already unpacked: nothing to do;
# 2. else fetch Debian's prometheus package with `apt-get download` (no root needed, nothing installed, no server
#    started) and unpack only its promtool (a static Go binary) into .build/tools/;
# 3. else one line on stderr, exit 1: the promtool checks are skipped, the rest of deploy-check still runs.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
tools="$root/.build/tools"
command -v promtool >/dev/null && exit 0
[ -x "$tools/promtool" ] && exit 0

if command -v apt-get >/dev/null && command -v dpkg-deb >/dev/null; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  fetch() { (cd "$work" && apt-get download -qq prometheus >/dev/null 2>&1); }
  if ! fetch && [ "$(id -u)" = 0 ]; then apt-get update -qq >/dev/null 2>&1 || true; fetch || true; fi
  deb="$(ls "$work"/prometheus_*.deb 2>/dev/null | head -n 1 || true)"
  if [ -n "$deb" ]; then
    dpkg-deb -x "$deb" "$work/x"
    mkdir -p "$tools"
    install -m 0755 "$work/x/usr/bin/promtool" "$tools/promtool"
    exit 0
  fi
fi

echo "promtool is missing (apt-get download prometheus failed): the promtool checks of deploy/observability are skipped." >&2
exit 1
