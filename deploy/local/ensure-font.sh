#!/usr/bin/env bash
# Makes sure the CJK font that PDF documents are set in is present; idempotent, instant when it is.
# The font is DUBAN_DOCUMENTS_FONT_PATH (default: WenQuanYi Micro Hei from Debian's fonts-wqy-microhei,
# Apache-2.0 or GPL-3+ with the font exception, /usr/share/fonts/truetype/wqy/wqy-microhei.ttc).
# 1. the file is readable: nothing to do;
# 2. else, for the default font, install fonts-wqy-microhei with apt-get (as root, or through sudo -n);
# 3. else one line on stderr saying what to do, and exit 1.
set -euo pipefail
default=/usr/share/fonts/truetype/wqy/wqy-microhei.ttc
font=${DUBAN_DOCUMENTS_FONT_PATH:-$default}

[ -r "$font" ] && exit 0

if [ "$font" = "$default" ] && command -v apt-get >/dev/null; then
  as_root=()
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then as_root=(sudo -n); else as_root=(false); fi
  fi
  if [ "${as_root[0]:-}" != false ]; then
    echo "Installing the CJK font for PDF documents (fonts-wqy-microhei)..." >&2
    install() { DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends fonts-wqy-microhei >/dev/null; }
    install 2>/dev/null || { "${as_root[@]}" apt-get update -qq >/dev/null && install; } || true
    [ -r "$font" ] && exit 0
  fi
fi

echo "The CJK font for PDF documents is missing at $font: run 'apt-get install fonts-wqy-microhei' as root, or set DUBAN_DOCUMENTS_FONT_PATH (and DUBAN_DOCUMENTS_FONT_INDEX for a .ttc) to a TrueType font with Chinese glyphs." >&2
exit 1
