-- list.lua - the filtered case list of a legal-office user:
--   GET /api/cases?agency_id=A&state=pending&sort=-created_at&page=P
-- A uniform over the bench agencies, P uniform over 1..FZ_PAGES (default 50;
-- 20 rows a page, so the first 1,000 of an agency's ~10,000 pending cases).
package.path = (debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "?.lua;" .. package.path
local c = require "common"
local ag_min, ag_max = c.num("FZ_AGENCY_MIN"), c.num("FZ_AGENCY_MAX")
local pages = c.num("FZ_PAGES", 50)

setup = c.setup
done = c.done
function init() c.seed() end

function request()
	return wrk.format("GET", string.format(
		"/api/cases?agency_id=%d&state=pending&sort=-created_at&page=%d",
		math.random(ag_min, ag_max), math.random(1, pages)))
end
