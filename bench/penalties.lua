-- penalties.lua - the penalty case list of a legal-office user, one agency's cases newest first:
--   GET /api/enforcement/penalties?agency_id=A&page=P
-- A uniform over the bench agencies, P uniform over 1..FZ_PAGES (default 50; 20 rows a page).
package.path = (debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "?.lua;" .. package.path
local c = require "common"
local ag_min, ag_max = c.num("FZ_AGENCY_MIN"), c.num("FZ_AGENCY_MAX")
local pages = c.num("FZ_PAGES", 50)

setup = c.setup
done = c.done
function init() c.seed() end

function request()
	return wrk.format("GET", string.format("/api/enforcement/penalties?agency_id=%d&page=%d",
		math.random(ag_min, ag_max), math.random(1, pages)))
end
