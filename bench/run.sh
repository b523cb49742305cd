#!/usr/bin/env bash
# bench/run.sh - the load benchmark of fazhi serve on a province-sized database.
#
#   bench/run.sh [BUILD_DIR] [--regen] [--threads N] [--try-threads "2 4 8"] [--runs N]
#                [--duration 10s] [--connections 32] [--wrk-threads 2] [--sweep S]
#                [--cases N] [--agencies N]
#
# BUILD_DIR (default build) holds fazhi and ceiling. What it does (bench/README.md):
#  1. the database: bench/out/bench-<cases>x<agencies>.db, made once with fazhi init +
#     fazhi bench-gen + fazhi supervise (which issues the supervision cards, as the running
#     server would), reused while it exists (--regen makes it again); fazhi init is re-run on
#     it every time, which applies any migration newer than the cache. Each run works on a
#     fresh copy (bench/out/work.db), so every run starts from the same data.
#  2. start-up: 5 starts of fazhi serve; its own "started in X ms" and the time from fork to
#     the first 200 from /healthz; the medians.
#  3. fazhi serve --quiet --threads N --sweep S and build/ceiling PORT N, on free loopback
#     ports; waits until the server's start-up supervision sweep has released the write lock
#     (timed: it is reported); login as bench.legal; 3 s warm-ups; then RUNS rounds of:
#     ceiling, case list, case detail, supervision, assign (write) - all with the same wrk
#     settings; medians of the rounds.
#  4. /api/supervision on the idle server with curl, median of 5; VmHWM of the server.
# Results: bench/out/results.md (and the raw wrk output in bench/out/raw/).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
BUILD="build"
REGEN=0
THREADS=4
TRY_THREADS=""
RUNS=3
DURATION=10s
CONNS=32
WRK_THREADS=2
CASES=1000000
AGENCIES=100
PAGES=50
SWEEP=3600

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit "${1:-2}"; }
while [ $# -gt 0 ]; do
	case "$1" in
	--regen) REGEN=1 ;;
	--threads) THREADS="$2"; shift ;;
	--try-threads) TRY_THREADS="$2"; shift ;;
	--runs) RUNS="$2"; shift ;;
	--duration) DURATION="$2"; shift ;;
	--connections) CONNS="$2"; shift ;;
	--wrk-threads) WRK_THREADS="$2"; shift ;;
	--sweep) SWEEP="$2"; shift ;;
	--cases) CASES="$2"; shift ;;
	--agencies) AGENCIES="$2"; shift ;;
	-h | --help) usage 0 ;;
	-*) echo "bench: unknown option $1" >&2; usage ;;
	*) BUILD="$1" ;;
	esac
	shift
done
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
FAZHI="$BUILD/fazhi"
CEILING="$BUILD/ceiling"
OUT="$HERE/out"
RAW="$OUT/raw"
DB="$OUT/bench-${CASES}x${AGENCIES}.db"
WORK="$OUT/work.db"
RESULTS="$OUT/results.md"
WRK_OPTS=(-t"$WRK_THREADS" -c"$CONNS" -d"$DURATION" --timeout 30s --latency)

for tool in wrk curl sqlite3; do
	command -v "$tool" >/dev/null || { echo "bench: $tool is missing (scripts/deps.sh installs it)" >&2; exit 1; }
done
for bin in "$FAZHI" "$CEILING"; do
	[ -x "$bin" ] || { echo "bench: $bin is missing: build first (make build)" >&2; exit 1; }
done
mkdir -p "$OUT" "$RAW"

# ---- process bookkeeping: every server started here is stopped on exit ---------------------
PIDS=()
cleanup() {
	local p
	for p in "${PIDS[@]:-}"; do
		[ -n "$p" ] && kill "$p" 2>/dev/null || true
	done
	for p in "${PIDS[@]:-}"; do
		[ -n "$p" ] && wait "$p" 2>/dev/null || true
	done
	exec 9>&- 2>/dev/null || true
	rm -f "$OUT/.tick"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

forget_pid() {
	local p keep=()
	for p in "${PIDS[@]:-}"; do [ "$p" != "$1" ] && [ -n "$p" ] && keep+=("$p"); done
	PIDS=("${keep[@]:-}")
}

# stop_server PID [SIGNAL]: KILL for the start-up probes, which would otherwise wait for their
# start-up sweep to finish (SQLite rolls the interrupted transaction back).
stop_server() {
	kill -s "${2:-TERM}" "$1" 2>/dev/null || true
	# A server still working through abandoned requests gets 10 s, then KILL.
	for _ in $(seq 1000); do kill -0 "$1" 2>/dev/null || break; tick 0.01; done
	kill -s KILL "$1" 2>/dev/null || true
	wait "$1" 2>/dev/null || true
	forget_pid "$1"
}

# A 1 ms sleep without forking: read with a timeout on a FIFO nobody writes.
rm -f "$OUT/.tick" && mkfifo "$OUT/.tick" && exec 9<>"$OUT/.tick"
tick() { read -r -t "${1:-0.001}" -u 9 _ || true; }

# A free loopback port: one that refuses a connection (bash's /dev/tcp, no fork).
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
	local p
	for _ in $(seq 200); do
		p=$((20000 + RANDOM % 40000))
		port_free "$p" && { echo "$p"; return; }
	done
	echo "bench: no free port" >&2
	exit 1
}

# 0 when GET /healthz answers 200 (bash /dev/tcp, no fork).
healthz_ok() {
	local line
	{ exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 1
	printf 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3 || { exec 3>&-; return 1; }
	read -r -t 2 line <&3 || line=""
	exec 3>&-
	[[ "$line" == "HTTP/1.1 200"* ]]
}

now_ns() { date +%s%N; }
ms_since() { awk -v a="$1" -v b="$(now_ns)" 'BEGIN { printf "%.1f", (b - a) / 1e6 }'; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
field() { grep '^BENCH ' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
sql() { sqlite3 -batch -noheader "$@"; }

# Starts fazhi serve on a free port; sets SRV_PID, SRV_PORT, SRV_LOG; waits for /healthz.
# The first output line is "... started in X ms": SRV_STARTED_MS; fork-to-healthz: SRV_READY_MS.
start_fazhi() {
	local threads="$1" db="$2" t0
	SRV_PORT=$(free_port)
	SRV_LOG="$RAW/fazhi-$SRV_PORT.log"
	t0=$(now_ns)
	FAZHI_TODAY="$TODAY" "$FAZHI" serve --db "$db" --port "$SRV_PORT" --threads "$threads" --quiet \
		--sweep "$SWEEP" >"$SRV_LOG" 2>&1 &
	SRV_PID=$!
	PIDS+=("$SRV_PID")
	for _ in $(seq 20000); do
		healthz_ok "$SRV_PORT" && break
		kill -0 "$SRV_PID" 2>/dev/null || { echo "bench: fazhi serve died:" >&2; cat "$SRV_LOG" >&2; exit 1; }
		tick 0.0005
	done
	SRV_READY_MS=$(ms_since "$t0")
	healthz_ok "$SRV_PORT" || { echo "bench: fazhi serve did not answer /healthz" >&2; exit 1; }
	SRV_STARTED_MS=$(sed -n '1s/.*started in \([0-9.]*\) ms.*/\1/p' "$SRV_LOG")
}

# The server sweeps (issues supervision cards) once at start, in one write transaction; on this
# database that holds the write lock for seconds. Waits for it: SWEEP_MS, from server start.
wait_sweep() {
	local t0
	t0=$(now_ns)
	tick 1
	sql -cmd '.timeout 120000' "$WORK" 'BEGIN IMMEDIATE; ROLLBACK;' >/dev/null
	SWEEP_MS=$(awk -v a="$(ms_since "$t0")" -v r="$SRV_READY_MS" 'BEGIN { printf "%.0f", a + r }')
}

# Requests wrk abandoned at the end of a run are still computed by the server: waits (up to
# 5 min) until /healthz answers within 50 ms again, so one run's backlog is not the next one's.
drain() {
	local t0
	for _ in $(seq 3000); do
		t0=$(now_ns)
		healthz_ok "$1" && [ "$(( ($(now_ns) - t0) / 1000000 ))" -lt 50 ] && return
		tick 0.1
	done
}

start_ceiling() {
	CEIL_PORT=$(free_port)
	"$CEILING" "$CEIL_PORT" "$1" >"$RAW/ceiling.log" 2>&1 &
	CEIL_PID=$!
	PIDS+=("$CEIL_PID")
	for _ in $(seq 5000); do healthz_ok "$CEIL_PORT" && return; tick; done
	echo "bench: ceiling did not start" >&2
	exit 1
}

# Logs in as bench.legal: exports FZ_SESSION and FZ_CSRF for the wrk scripts.
login() {
	local body hdr="$RAW/login.headers"
	body=$(curl -sS -D "$hdr" -H 'Content-Type: application/json' \
		-d '{"username":"bench.legal","password":"fazhi-demo"}' "http://127.0.0.1:$1/api/session")
	FZ_SESSION=$(tr -d '\r' <"$hdr" | sed -n 's/^[Ss]et-[Cc]ookie: fz_session=\([^;]*\).*/\1/p')
	FZ_CSRF=$(printf '%s' "$body" | sed -n 's/.*"csrf_token":"\([0-9a-f]*\)".*/\1/p')
	[ -n "$FZ_SESSION" ] && [ -n "$FZ_CSRF" ] || { echo "bench: login failed: $body" >&2; exit 1; }
	export FZ_SESSION FZ_CSRF
}

# The first case id no earlier run has assigned (cases are assigned in ascending id order).
set_write_start() {
	FZ_CASE_START=$(sql "$WORK" "SELECT COALESCE(MAX(case_id), $FZ_CASE_MIN - 1) + 1 FROM case_record WHERE state <> 'pending'")
	export FZ_CASE_START
}

# run_wrk NAME PORT SCRIPT [wrk options...] -> $RAW/NAME.txt, echoes the file
run_wrk() {
	local name="$1" port="$2" script="$3" f="$RAW/$1.txt"
	shift 3
	[ $# -gt 0 ] || set -- "${WRK_OPTS[@]}"
	if [ "$script" = assign ]; then set_write_start; fi
	wrk "$@" -s "$HERE/$script.lua" "http://127.0.0.1:$port" >"$f" 2>&1 || true
	grep -q '^BENCH ' "$f" || { echo "bench: wrk failed for $name:" >&2; cat "$f" >&2; exit 1; }
	echo "$f"
}

# ---- 1. the database ------------------------------------------------------------------------
if [ "$REGEN" = 1 ] || [ ! -s "$DB" ] || [ ! -s "$DB.today" ]; then
	rm -f "$DB" "$DB-wal" "$DB-shm" "$DB.today"
	echo "== generating $DB: $CASES cases over $AGENCIES agencies (a few minutes)"
	t0=$(now_ns)
	FAZHI_ADMIN_PASSWORD="bench-$(date +%s)" "$FAZHI" init --db "$DB.tmp" >/dev/null
	"$FAZHI" bench-gen --db "$DB.tmp" --cases "$CASES" --agencies "$AGENCIES"
	"$FAZHI" supervise --db "$DB.tmp" >/dev/null
	sql "$DB.tmp" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
	mv "$DB.tmp" "$DB"
	rm -f "$DB.tmp-wal" "$DB.tmp-shm"
	TZ=Asia/Shanghai date +%F >"$DB.today"
	echo "   generated in $(ms_since "$t0") ms"
else
	echo "== reusing $DB (generated for $(cat "$DB.today"); --regen to make it again)"
fi
# Newer migrations (a new index, say) are applied to the cache itself.
FAZHI_ADMIN_PASSWORD=unused "$FAZHI" init --db "$DB" | sed -n '1s/^/   /p'
TODAY=$(cat "$DB.today") # pinned, so clock colours do not drift as the cache ages
# The day's supervision sweep, once, on the cache (a no-op when already swept for that day).
FAZHI_TODAY="$TODAY" "$FAZHI" supervise --db "$DB" >/dev/null
rm -f "$WORK" "$WORK-wal" "$WORK-shm"
cp --reflink=auto "$DB" "$WORK"

read -r FZ_AGENCY_MIN FZ_AGENCY_MAX < <(sql -separator ' ' "$WORK" "SELECT MIN(agency_id), MAX(agency_id) FROM agency WHERE code GLOB 'b[0-9][0-9][0-9]*'")
read -r FZ_CASE_MIN FZ_CASE_MAX < <(sql -separator ' ' "$WORK" "SELECT MIN(case_id), MAX(case_id) FROM case_record")
read -r N_CASES N_OPEN_CLOCKS N_EVENTS < <(sql -separator ' ' "$WORK" "SELECT (SELECT COUNT(*) FROM case_record), (SELECT COUNT(*) FROM case_clock WHERE state IN ('running','paused')), (SELECT MAX(event_id) FROM event)")
DB_MB=$(du -m "$WORK" | cut -f1)
export FZ_AGENCY_MIN FZ_AGENCY_MAX FZ_CASE_MIN FZ_CASE_MAX FZ_PAGES="$PAGES" FZ_WRK_THREADS="$WRK_THREADS"
echo "   $N_CASES cases, $N_OPEN_CLOCKS open clocks, $N_EVENTS events, ${DB_MB} MB; today pinned to $TODAY"

# ---- optional: which --threads -----------------------------------------------------------------
if [ -n "$TRY_THREADS" ]; then
	echo "== --threads sweep (one ${DURATION} run each): $TRY_THREADS"
	printf '| --threads | list req/s | list p99 ms | detail req/s | detail p99 ms | assign req/s | assign p99 ms | ceiling req/s |\n|---:|---:|---:|---:|---:|---:|---:|---:|\n' >"$OUT/threads.md"
	for n in $TRY_THREADS; do
		start_fazhi "$n" "$WORK"
		wait_sweep
		start_ceiling "$n"
		login "$SRV_PORT"
		run_wrk "warm-t$n" "$SRV_PORT" list -t"$WRK_THREADS" -c"$CONNS" -d3s >/dev/null
		row="| $n"
		for s in list detail assign; do
			f=$(run_wrk "threads-$n-$s" "$SRV_PORT" "$s")
			row="$row | $(field "$f" rps) | $(field "$f" p99_ms)"
		done
		f=$(run_wrk "threads-$n-ceiling" "$CEIL_PORT" list)
		echo "$row | $(field "$f" rps) |" | tee -a "$OUT/threads.md"
		stop_server "$SRV_PID"
		stop_server "$CEIL_PID"
	done
	cat "$OUT/threads.md"
fi

# ---- 2. start-up ------------------------------------------------------------------------------
echo "== start-up (5 starts, --threads $THREADS)"
started=() ready=()
for i in 1 2 3 4 5; do
	start_fazhi "$THREADS" "$WORK"
	started+=("$SRV_STARTED_MS")
	ready+=("$SRV_READY_MS")
	stop_server "$SRV_PID" KILL
done
STARTED_MS=$(printf '%s\n' "${started[@]}" | median)
READY_MS=$(printf '%s\n' "${ready[@]}" | median)
echo "   self-reported ${started[*]} ms -> median $STARTED_MS; fork to first /healthz ${ready[*]} ms -> median $READY_MS"

# ---- 3. load ----------------------------------------------------------------------------------
start_fazhi "$THREADS" "$WORK"
PID="$SRV_PID"
PORT="$SRV_PORT"
wait_sweep
echo "   start-up supervision sweep done $SWEEP_MS ms after start (it holds the write lock)"
start_ceiling "$THREADS"
login "$PORT"
echo "== fazhi on :$PORT (pid $PID, --threads $THREADS), ceiling on :$CEIL_PORT; wrk ${WRK_OPTS[*]}"
run_wrk warmup "$PORT" list -t"$WRK_THREADS" -c"$CONNS" -d3s >/dev/null
run_wrk warmup-detail "$PORT" detail -t"$WRK_THREADS" -c"$CONNS" -d3s >/dev/null

# ---- 4. single /api/supervision on the idle server -----------------------------------------
SUP_CURL=()
for i in 1 2 3 4 5; do
	t=$(curl -sS -o "$RAW/supervision.json" -w '%{http_code} %{time_total}' -b "fz_session=$FZ_SESSION" "http://127.0.0.1:$PORT/api/supervision")
	[ "${t%% *}" = 200 ] || { echo "bench: /api/supervision answered ${t%% *}" >&2; exit 1; }
	SUP_CURL+=("$(awk -v s="${t#* }" 'BEGIN { printf "%.1f", s * 1000 }')")
done
SUP_MS=$(printf '%s\n' "${SUP_CURL[@]}" | median)
echo "   /api/supervision with curl: ${SUP_CURL[*]} ms -> median $SUP_MS"

# supervision is not in the rounds: one of its requests takes seconds, so 32 connections leave
# a backlog the server works through after wrk stops; its runs come last, each after a drain.
report_run() {
	printf '   %-8s %-12s %10s req/s  p50 %8s ms  p99 %8s ms  non-2xx %s  timeouts %s %s\n' "$1" "$2" \
		"$(field "$3" rps)" "$(field "$3" p50_ms)" "$(field "$3" p99_ms)" "$(field "$3" non2xx)" \
		"$(field "$3" timeouts)" "$(field "$3" statuses | sed 's/^-$//')"
}
NAMES=(ceiling list detail penalties publications library contracts petitions assign)
declare -A TARGET_PORT=([ceiling]="$CEIL_PORT" [list]="$PORT" [detail]="$PORT" [supervision]="$PORT" [assign]="$PORT" [penalties]="$PORT" [publications]="$PORT" [library]="$PORT" [contracts]="$PORT" [petitions]="$PORT")
declare -A SCRIPT=([ceiling]=list [list]=list [detail]=detail [supervision]=supervision [assign]=assign [penalties]=penalties [publications]=publications [library]=norm_search [contracts]=contracts [petitions]=petitions)
for r in $(seq "$RUNS"); do
	for n in "${NAMES[@]}"; do
		f=$(run_wrk "$n.r$r" "${TARGET_PORT[$n]}" "${SCRIPT[$n]}")
		report_run "round $r" "$n" "$f"
	done
done
for r in $(seq "$RUNS"); do
	drain "$PORT"
	report_run "run $r" supervision "$(run_wrk "supervision.r$r" "$PORT" supervision)"
done
# One connection: what a single request costs when it never waits for another (no queueing).
FZ_WRK_THREADS=1
for n in list detail penalties publications library contracts petitions assign; do
	report_run "one conn" "$n" "$(run_wrk "one-$n" "$PORT" "${SCRIPT[$n]}" -t1 -c1 -d5s --timeout 30s --latency)"
done
FZ_WRK_THREADS="$WRK_THREADS"
HWM_KB=$(awk '/^VmHWM:/ { print $2 }' "/proc/$PID/status")
RSS_KB=$(awk '/^VmRSS:/ { print $2 }' "/proc/$PID/status")
ANON_KB=$(awk '/^RssAnon:/ { print $2 }' "/proc/$PID/status")
FILE_KB=$(awk '/^RssFile:/ { print $2 }' "/proc/$PID/status")
stop_server "$PID"
stop_server "$CEIL_PID"

# ---- results ----------------------------------------------------------------------------------
med() { for r in $(seq "$RUNS"); do field "$RAW/$1.r$r.txt" "$2"; done | median; }
sumf() { for r in $(seq "$RUNS"); do field "$RAW/$1.r$r.txt" "$2"; done | awk '{ s += $1 } END { print s + 0 }'; }
CEIL_RPS=$(med ceiling rps)
declare -A LABEL=(
	[list]="case list \`GET /api/cases?agency_id=…&state=pending&sort=-created_at&page=1..$PAGES\`"
	[detail]="case detail \`GET /api/cases/{random id}\`"
	[assign]="write \`POST /api/cases/{id}/actions/assign\`"
	[penalties]="penalty case list \`GET /api/enforcement/penalties?agency_id=…&page=1..$PAGES\`"
	[publications]="portal decision list \`GET /api/public/enforcement/decisions?[agency_id=…&]page=1..$PAGES\`"
	[library]="portal library search \`GET /api/public/normative/documents?q=<2-4 字>\`"
	[contracts]="contract register \`GET /api/legal/contracts?[agency_id=…|sort=-amount|year=…&per_page=1&]page=1..$PAGES\` with its amount totals"
	[petitions]="petitions register \`GET /api/petitions?[year=…|channel=…|handler_agency_id=…|state=…|q=<2-3 字>|sort=due_date&]page=1..$PAGES\`"
	[supervision]="supervision \`GET /api/supervision\`"
	[ceiling]="ceiling (\`build/ceiling\`, a fixed small JSON body)")
{
	echo "# fazhi benchmark results"
	echo
	echo "$(date -u +%FT%TZ) on $(nproc) cores ($(uname -m)); $N_CASES cases over $AGENCIES agencies," \
		"$N_OPEN_CLOCKS open clocks, $N_EVENTS events, ${DB_MB} MB database; today pinned to $TODAY."
	echo "fazhi serve --quiet --threads $THREADS --sweep $SWEEP; ceiling with $THREADS threads; wrk ${WRK_OPTS[*]} on loopback;"
	echo "each figure the median of $RUNS rounds (raw output in bench/out/raw/)."
	echo
	echo "| measurement | req/s | p50 ms | p99 ms | vs ceiling | non-2xx | timeouts |"
	echo "|---|---:|---:|---:|---:|---:|---:|"
	for n in list detail penalties publications library contracts petitions assign supervision ceiling; do
		rps=$(med "$n" rps)
		printf '| %s | %.1f | %.2f | %.2f | %s | %s | %s |\n' "${LABEL[$n]}" "$rps" "$(med "$n" p50_ms)" \
			"$(med "$n" p99_ms)" "$(awk -v a="$rps" -v b="$CEIL_RPS" 'BEGIN { printf "%.1f%%", 100 * a / b }')" \
			"$(sumf "$n" non2xx)" "$(sumf "$n" timeouts)"
	done
	echo
	echo "One connection (\`wrk -t1 -c1 -d5s\`), what one request costs without queueing:"
	echo
	echo "| measurement | req/s | p50 ms | p99 ms |"
	echo "|---|---:|---:|---:|"
	for n in list detail penalties publications library contracts petitions assign; do
		printf '| %s | %.1f | %.2f | %.2f |\n' "${LABEL[$n]}" "$(field "$RAW/one-$n.txt" rps)" \
			"$(field "$RAW/one-$n.txt" p50_ms)" "$(field "$RAW/one-$n.txt" p99_ms)"
	done
	echo
	echo "| fazhi server | value |"
	echo "|---|---:|"
	echo "| \`GET /api/supervision\`, one request on the idle server (curl, median of 5) | $SUP_MS ms |"
	echo "| start-up supervision sweep (one write transaction over all open clocks), done after | $SWEEP_MS ms |"
	echo "| start-up, self-reported \"started in\" (median of 5) | $STARTED_MS ms |"
	echo "| start-up, fork to first \`/healthz\` 200 (median of 5) | $READY_MS ms |"
	echo "| peak memory VmHWM after all runs (VmRSS at the end) | $((HWM_KB / 1024)) MiB ($((RSS_KB / 1024)) MiB) |"
	echo "| of VmRSS at the end: heap and stacks (RssAnon) / mapped database file (RssFile) | $((ANON_KB / 1024)) MiB / $((FILE_KB / 1024)) MiB |"
	echo
	echo "Write statuses over all rounds: $(for r in $(seq "$RUNS"); do field "$RAW/assign.r$r.txt" statuses; done | tr '\n' ' ')"
	echo
	echo "Command: \`make bench\` (= \`bench/run.sh build\`)."
} >"$RESULTS"
echo
cat "$RESULTS"
