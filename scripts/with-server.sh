#!/usr/bin/env bash
# Runs a command against a fresh demo server: with-server.sh BIN CMD...
# The command sees FAZHI_URL (http://127.0.0.1:PORT); the server and its
# temporary database are removed afterwards, whatever happens.
set -euo pipefail
bin=$1; shift
dir=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$dir"; }
trap cleanup EXIT
export FAZHI_TODAY=${FAZHI_TODAY:-2026-11-23}
"$bin" init --db "$dir/t.db" >/dev/null
"$bin" demo --db "$dir/t.db" >/dev/null
"$bin" serve --db "$dir/t.db" --port 0 --quiet --web "${FAZHI_WEB:-$PWD/web/dist}" >"$dir/out" 2>"$dir/err" &
pid=$!
for _ in $(seq 100); do grep -q listening "$dir/out" 2>/dev/null && break; sleep 0.05; done
port=$(sed -n 's/.*listening on http:\/\/127.0.0.1:\([0-9]*\)\/.*/\1/p' "$dir/out")
[ -n "$port" ] || { echo "server did not start:"; cat "$dir/err"; exit 1; }
FAZHI_URL="http://127.0.0.1:$port" "$@"
