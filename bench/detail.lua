-- detail.lua - case detail over random ids: GET /api/cases/{id}, id uniform in
-- FZ_CASE_MIN..FZ_CASE_MAX (the whole generated range: mostly cold rows).
package.path = (debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "?.lua;" .. package.path
local c = require "common"
local lo, hi = c.num("FZ_CASE_MIN"), c.num("FZ_CASE_MAX")

setup = c.setup
done = c.done
function init() c.seed() end

function request()
	return wrk.format("GET", "/api/cases/" .. math.random(lo, hi))
end
