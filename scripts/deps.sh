#!/usr/bin/env bash
# Installs what the build and the tests need on Debian 12, and only what is missing.
set -euo pipefail
pkgs=(meson ninja-build pkg-config gcc libmicrohttpd-dev libsqlite3-dev sqlite3 libjansson-dev
      libsodium-dev libxlsxwriter-dev libzip-dev libcmocka-dev chromium fonts-noto-cjk wrk curl
      nodejs npm)
missing=()
for p in "${pkgs[@]}"; do
	# nodejs/npm may come from elsewhere (a newer Node on the image): accept the commands.
	case "$p" in
	nodejs) command -v node >/dev/null && continue ;;
	npm) command -v npm >/dev/null && continue ;;
	esac
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	echo "Installing: ${missing[*]}"
	SUDO=""
	[ "$(id -u)" -eq 0 ] || SUDO=sudo
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
