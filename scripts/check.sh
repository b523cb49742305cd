#!/usr/bin/env bash
# make check: the layer check (dependencies point down), the SQL check
# (portable SQL outside src/store), unit tests (plain and
# ASan+UBSan), API tests against the real server (plain and ASan+UBSan), and
# the browser test.
set -euo pipefail
build=$1 asan=$2
cd "$(dirname "$0")/.."
status=0
summary=()

run() { # name, command...
	local name=$1; shift
	echo "==> $name"
	if "$@"; then summary+=("ok    $name"); else summary+=("FAIL  $name"); status=1; fi
}

run "layer check" scripts/check-layers.sh
run "SQL check" scripts/check-sql.sh
run "unit tests" meson test -C "$build" --suite unit --print-errorlogs
run "unit tests (ASan+UBSan)" env ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	meson test -C "$asan" --suite unit --print-errorlogs
if [ -d tests/api ] && ls tests/api/*.test.mjs >/dev/null 2>&1; then
	run "API tests" env FAZHI_BIN="$PWD/$build/fazhi" node --test --test-concurrency=1 tests/api/
	run "API tests (ASan+UBSan)" env FAZHI_BIN="$PWD/$asan/fazhi" ASAN_OPTIONS=detect_leaks=1 \
		UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 node --test --test-concurrency=1 tests/api/
fi
if [ -f tests/browser/mailbox.test.mjs ]; then
	(cd tests/browser && npm ci --no-audit --no-fund >/dev/null)
	run "browser test" scripts/with-server.sh "$PWD/$build/fazhi" node --test tests/browser/
fi
echo
printf '%s\n' "${summary[@]}"
fails=$(printf '%s\n' "${summary[@]}" | grep -c '^FAIL' || true)
echo "$(( ${#summary[@]} - fails )) passed, $fails failed"
exit $status
