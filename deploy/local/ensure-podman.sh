#!/usr/bin/env bash
# Makes sure the container tools of the image stage (deploy/image/build.sh and test.sh) are there; idempotent, instant
# when they are: podman, buildah, runc (crun refuses these machines' cgroups), debootstrap (the base is assembled from
# Debian packages, since no registry is reachable), uidmap, fuse-overlayfs and slirp4netns.
# 1. every command answers: nothing to do;
# 2. else install them with apt-get (as root, or through sudo -n);
# 3. else one line on stderr saying what to do, and exit 1.
set -euo pipefail
have() { for c in podman buildah runc debootstrap; do command -v "$c" >/dev/null || [ -x "/usr/sbin/$c" ] || return 1; done; }
have && exit 0

if command -v apt-get >/dev/null; then
  as_root=()
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then as_root=(sudo -n); else as_root=(false); fi
  fi
  if [ "${as_root[0]:-}" != false ]; then
    echo "Installing podman, buildah, runc and debootstrap for the image stage..." >&2
    install() { DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends \
      podman buildah runc debootstrap uidmap fuse-overlayfs slirp4netns >/dev/null; }
    install 2>/dev/null || { "${as_root[@]}" apt-get update -qq >/dev/null && install; } || true
    have && exit 0
  fi
fi

echo "The image stage needs podman, buildah, runc and debootstrap: run 'apt-get install podman buildah runc debootstrap' as root." >&2
exit 1
