#!/usr/bin/env bash
# check-layers.sh: dependencies point down (DESIGN.md, "Rules of the house").
# Reads every #include "..." line under src/ and fails, naming file and line,
# when
#   src/core      includes anything but core/
#   src/store     includes anything but core/ or store/
#   src/platform  includes anything but core/, store/ or platform/ (no modules, http, cli)
#   src/modules   includes http/ or cli/ (a module declares routes as rows, platform/api.h;
#                 it never sees the server)
#   src/modules/A includes modules/B/..._int.h (another module's private header)
#   anything outside src/http includes <microhttpd.h> (nothing below http knows the server)
# The meson split (fzplatform without modules, http or cli) keeps the link
# honest; this keeps the headers honest, where a static library would not notice.
set -euo pipefail
cd "$(dirname "$0")/.."

files=0 includes=0 bad=0
violation() { # file, line, why
	echo "check-layers: $1:$2: $3" >&2
	bad=$((bad + 1))
}

while IFS= read -r file; do
	files=$((files + 1))
	rel=${file#src/}
	layer=${rel%%/*}
	[ "$layer" = "$rel" ] && layer=main
	module=
	if [ "$layer" = modules ]; then
		module=${rel#modules/}
		module=${module%%/*}
		[ "$module" = "${rel#modules/}" ] && module= # registry.{c,h}: the table itself
	fi
	while IFS=: read -r line text; do
		if [[ $text =~ \<microhttpd\.h\> ]]; then
			[ "$layer" = http ] || violation "$file" "$line" "only src/http may include <microhttpd.h>"
			continue
		fi
		[[ $text =~ \"([^\"]*)\" ]] || continue
		inc=${BASH_REMATCH[1]}
		includes=$((includes + 1))
		target=${inc%%/*}
		[ "$target" = "$inc" ] && target=$layer # "x.h": beside the file
		case $layer in
		core) [ "$target" = core ] || violation "$file" "$line" "core includes $inc (core depends on nothing but libc)" ;;
		store) [[ $target =~ ^(core|store)$ ]] || violation "$file" "$line" "store includes $inc (store may include core and store only)" ;;
		platform) [[ $target =~ ^(core|store|platform)$ ]] ||
			violation "$file" "$line" "platform includes $inc (platform may include core, store and platform only)" ;;
		modules)
			if [[ $target =~ ^(http|cli)$ ]]; then
				violation "$file" "$line" "module ${module:-registry} includes $inc (modules declare routes in platform/api.h rows and never see http or cli)"
			fi
			if [[ $inc =~ ^modules/([^/]+)/.*_int\.h$ ]] && [ "${BASH_REMATCH[1]}" != "$module" ]; then
				violation "$file" "$line" "module ${module:-registry} includes $inc, another module's private header"
			fi ;;
		esac
	done < <(grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*["<]' "$file")
done < <(find src -type f \( -name '*.c' -o -name '*.h' \) | sort)

echo "check-layers: $files files, $includes quoted includes under src/:"
echo "  core -> core; store -> core, store; platform -> core, store, platform;"
echo "  modules -> core, store, platform, own module (never http or cli, no other module's *_int.h);"
echo "  <microhttpd.h> only in http"
if [ "$bad" -gt 0 ]; then
	echo "check-layers: $bad violation(s)" >&2
	exit 1
fi
echo "check-layers: ok"
