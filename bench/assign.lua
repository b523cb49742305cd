-- assign.lua - the write: POST /api/cases/{id}/actions/assign {"version":1,"agency_id":A}
-- with the session cookie, X-CSRF-Token and Content-Type: application/json.
-- Every request takes a different case: thread t of n sends FZ_CASE_START + t,
-- + t + n, + t + 2n, ... (bench-gen makes every case pending at version 1, and
-- run.sh starts above the highest case an earlier run already assigned), so
-- each request is a real pending -> handling change with its clock effects and
-- an audit event. A is a random bench agency. Statuses are counted per code.
package.path = (debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "?.lua;" .. package.path
local c = require "common"
local start, last = c.num("FZ_CASE_START"), c.num("FZ_CASE_MAX")
local nthreads = c.num("FZ_WRK_THREADS")
local ag_min, ag_max = c.num("FZ_AGENCY_MIN"), c.num("FZ_AGENCY_MAX")

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-CSRF-Token"] = os.getenv("FZ_CSRF") or ""

setup = c.setup
done = c.done

local id
statuses = {}
exhausted = 0

function init()
	c.seed()
	id = start + tid
end

function request()
	local this = id
	id = id + nthreads
	if this > last then exhausted = exhausted + 1 end
	return wrk.format(nil, "/api/cases/" .. this .. "/actions/assign", nil,
		string.format('{"version":1,"agency_id":%d}', math.random(ag_min, ag_max)))
end

function response(status, headers, body)
	statuses[status] = (statuses[status] or 0) + 1
end
