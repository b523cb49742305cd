-- publications.lua - the portal's list of published enforcement decisions, as the public reads it:
--   GET /api/public/enforcement/decisions?page=P               (half the requests: all agencies)
--   GET /api/public/enforcement/decisions?agency_id=A&page=P   (the other half: one agency)
-- A uniform over the bench agencies, P uniform over 1..FZ_PAGES (default 50; 20 rows a page).
package.path = (debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "?.lua;" .. package.path
local c = require "common"
local ag_min, ag_max = c.num("FZ_AGENCY_MIN"), c.num("FZ_AGENCY_MAX")
local pages = c.num("FZ_PAGES", 50)

setup = c.setup
done = c.done
function init() c.seed() end

function request()
	if math.random(2) == 1 then
		return wrk.format("GET", string.format("/api/public/enforcement/decisions?page=%d",
			math.random(1, pages)))
	end
	return wrk.format("GET", string.format("/api/public/enforcement/decisions?agency_id=%d&page=%d",
		math.random(ag_min, ag_max), math.random(1, pages)))
end
