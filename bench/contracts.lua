-- contracts.lua - the government contract register (法律事务) of a legal-office user:
--   default  GET /api/legal/contracts?page=P                 (the register as opened: newest first)
--   filter   GET /api/legal/contracts?agency_id=A&page=P     (one agency's contracts)
--   sort     GET /api/legal/contracts?sort=-amount&page=P    (largest amount first)
--   totals   GET /api/legal/contracts?year=Y&per_page=1      (a year's count and amount totals)
-- Every answer carries the total and amount_total / signed_amount_total of every contract the
-- filters select, so each request pays for them. FZ_CONTRACTS picks one of the four (default:
-- each request one of them at random); A uniform over the bench agencies, P uniform over
-- 1..FZ_PAGES (default 50; 20 rows a page), Y uniform over the three years bench-gen spreads
-- contracts over (FZ_YEAR_MAX, default this year, and the two before).
-- Needs contracts: `fazhi bench-gen --only legal --cases N`.
package.path = (debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "?.lua;" .. package.path
local c = require "common"
local ag_min, ag_max = c.num("FZ_AGENCY_MIN"), c.num("FZ_AGENCY_MAX")
local pages = c.num("FZ_PAGES", 50)
local year_max = c.num("FZ_YEAR_MAX", tonumber(os.date("%Y")))
local mode = os.getenv("FZ_CONTRACTS") or ""
local modes = { "default", "filter", "sort", "totals" }
if mode ~= "" and mode ~= "default" and mode ~= "filter" and mode ~= "sort" and mode ~= "totals" then
	io.stderr:write("bench: FZ_CONTRACTS must be default, filter, sort or totals, not " .. mode .. "\n")
	os.exit(2)
end

setup = c.setup
done = c.done
function init() c.seed() end

function request()
	local m = mode ~= "" and mode or modes[math.random(1, #modes)]
	local page = math.random(1, pages)
	local path
	if m == "default" then
		path = string.format("/api/legal/contracts?page=%d", page)
	elseif m == "filter" then
		path = string.format("/api/legal/contracts?agency_id=%d&page=%d", math.random(ag_min, ag_max), page)
	elseif m == "sort" then
		path = string.format("/api/legal/contracts?sort=-amount&page=%d", page)
	else
		path = string.format("/api/legal/contracts?year=%d&per_page=1", year_max - math.random(0, 2))
	end
	return wrk.format("GET", path)
end
