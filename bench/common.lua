-- common.lua - shared by the wrk scripts of bench/run.sh (loaded with require).
-- Environment (set by run.sh): FZ_SESSION (session cookie value), FZ_CSRF,
-- FZ_AGENCY_MIN/MAX, FZ_CASE_MIN/MAX. Every script ends with one machine-readable
-- line "BENCH key=value ..." that run.sh parses; wrk's own report is kept too.
local M = {}

function M.num(name, default)
	local v = os.getenv(name)
	if v == nil or v == "" then
		if default == nil then error("bench: environment variable " .. name .. " is not set") end
		return default
	end
	return tonumber(v)
end

-- Session cookie on every request (the ceiling ignores it; same bytes on the wire).
local session = os.getenv("FZ_SESSION")
if session and session ~= "" then wrk.headers["Cookie"] = "fz_session=" .. session end

-- Each wrk thread has its own Lua state: give each a distinct id and random seed.
local threads, next_tid = {}, 0
function M.setup(thread)
	thread:set("tid", next_tid)
	next_tid = next_tid + 1
	table.insert(threads, thread)
end

function M.seed()
	math.randomseed(os.time() * 1000 + (tid or 0) * 7919 + math.floor(os.clock() * 1e6))
end

function M.done(summary, latency, requests)
	local e = summary.errors
	local statuses = {}
	for _, t in ipairs(threads) do
		local s = t:get("statuses")
		if type(s) == "table" then
			for code, n in pairs(s) do statuses[code] = (statuses[code] or 0) + n end
		end
	end
	local parts = {}
	for code, n in pairs(statuses) do table.insert(parts, code .. ":" .. n) end
	table.sort(parts)
	io.write(string.format(
		"BENCH requests=%d duration_s=%.3f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f" ..
		" non2xx=%d connect_err=%d read_err=%d write_err=%d timeouts=%d statuses=%s\n",
		summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
		latency:percentile(50) / 1e3, latency:percentile(90) / 1e3, latency:percentile(99) / 1e3,
		latency.max / 1e3, e.status, e.connect, e.read, e.write, e.timeout,
		#parts > 0 and table.concat(parts, ",") or "-"))
end

return M
