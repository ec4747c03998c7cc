#!/usr/bin/env bash
# deploy/image/base.sh TAG: assembles Duban's base image from Debian packages, since no container registry is
# reachable from the development and CI machines, and commits it as TAG (buildah, root's container storage).
# Called by build.sh when no cached base matches the inputs; build.sh's cache key is this file's content plus the
# versions Debian offers for the packages below, so editing this file or a Debian update makes a new base.
#
# The base: Debian 12 (bookworm) minbase with its security updates, then
#   openjdk-17-jre-headless  the JRE the service runs on (17, like the build)
#   tzdata                   Asia/Shanghai for every date rule, also /etc/localtime
#   fonts-wqy-microhei       the CJK font PDF documents are set in (deploy/local/ensure-font.sh, same path)
#   ca-certificates          https to Keycloak and to partners' webhook receivers
# bash and coreutils (/bin/sleep, the Kubernetes preStop hook; bash, the health checks) come with minbase.
# A user duban (UID and GID 10001, no shell, no home) for the service; the image never runs as root.
set -euo pipefail
tag=${1:?usage: base.sh TAG}
suite=bookworm
mirror=${DUBAN_DEBIAN_MIRROR:-http://deb.debian.org/debian}
security=${DUBAN_DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
packages=(openjdk-17-jre-headless tzdata fonts-wqy-microhei ca-certificates)

log() { printf '[image] %s\n' "$*" >&2; }
[ "$(id -u)" = 0 ] || { log "base.sh needs root (debootstrap, chroot and root's container storage)"; exit 1; }

ctr=$(buildah from scratch)
rootfs=$(buildah mount "$ctr")
cleanup() {
  status=$?
  umount "$rootfs/proc" 2>/dev/null || true
  umount "$rootfs/dev/pts" 2>/dev/null || true
  if [ $status != 0 ]; then buildah rm "$ctr" >/dev/null 2>&1 || true; fi
  exit $status
}
trap cleanup EXIT
trap 'exit 143' TERM INT HUP  # stopped (make test failed before the image stage): clean up on the way out

log "debootstrap $suite (minbase) from $mirror"
debootstrap --variant=minbase --components=main "$suite" "$rootfs" "$mirror" >&2

# Security updates and the packages, with apt inside the new root (ca-certificates-java runs java: /proc is needed).
cat >"$rootfs/etc/apt/sources.list" <<SOURCES
deb $mirror $suite main
deb $mirror $suite-updates main
deb $security $suite-security main
SOURCES
cp /etc/resolv.conf "$rootfs/etc/resolv.conf"
mount -t proc proc "$rootfs/proc"
in_root() { chroot "$rootfs" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 "$@"; }
log "apt-get install ${packages[*]} (with $suite-security)"
in_root apt-get update -qq >&2
in_root apt-get -y -qq -o Dpkg::Use-Pty=0 upgrade >&2
in_root apt-get -y -qq -o Dpkg::Use-Pty=0 install --no-install-recommends "${packages[@]}" >&2
umount "$rootfs/proc"

ln -sf /usr/share/zoneinfo/Asia/Shanghai "$rootfs/etc/localtime"
echo Asia/Shanghai >"$rootfs/etc/timezone"
in_root groupadd --gid 10001 duban
in_root useradd --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin duban

# What a running service never reads: package lists and caches, documentation, translations, logs.
in_root apt-get clean
rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/* "$rootfs"/var/cache/debconf/*-old \
  "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/usr/share/locale/* \
  "$rootfs"/var/log/* "$rootfs"/etc/resolv.conf "$rootfs"/etc/hostname
java_home=$(dirname "$(dirname "$(in_root readlink -f /usr/bin/java)")")
jre=$(in_root dpkg-query -W -f '${Version}' openjdk-17-jre-headless)

buildah config \
  --env LANG=C.UTF-8 --env TZ=Asia/Shanghai --env JAVA_HOME="$java_home" \
  --label org.opencontainers.image.title="duban-base" \
  --label org.opencontainers.image.description="Debian $suite minbase, openjdk-17-jre-headless $jre, tzdata, fonts-wqy-microhei, ca-certificates; user duban 10001" \
  --label cn.gov.zhuzhou.duban.jre="$jre" \
  --user 10001:10001 --workingdir / --cmd '["/bin/bash"]' "$ctr"
buildah umount "$ctr" >/dev/null
buildah commit --rm --quiet "$ctr" "$tag" >/dev/null
log "base $tag: JRE $jre"
