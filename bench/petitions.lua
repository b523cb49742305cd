-- petitions.lua - the petitions register (信访事项) of the legal office (sees every agency's):
--   page     GET /api/petitions?page=P                        (the list as opened: newest first)
--   year     GET /api/petitions?year=Y&page=P                 (one year's)
--   channel  GET /api/petitions?channel=C&page=P              (来访, 12345热线 …)
--   handler  GET /api/petitions?handler_agency_id=A&page=P    (one handling agency's)
--   state    GET /api/petitions?state=S&page=P                (办理中, 已办结 …)
--   q2       GET /api/petitions?q=W2&page=P                   (a keyword of two characters: 征收 …)
--   q3       GET /api/petitions?q=W3&page=P                   (a keyword of three characters: 补偿款 …)
--   due      GET /api/petitions?sort=due_date&page=P          (the nearest deadlines first)
-- Every answer carries the exact total of what the filters select. FZ_PETITIONS picks one of
-- them (default: each request one at random); A uniform over the bench agencies, P uniform over
-- 1..FZ_PAGES (default 50; 20 rows a page), Y over the three years bench-gen spreads petitions
-- over (FZ_YEAR_MAX, default this year, and the two before), C over the six channels, S over
-- the open and closed states, the keywords over words of the subjects bench-gen writes.
-- Needs petitions: `fazhi bench-gen --only petition --cases N`.
package.path = (debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "?.lua;" .. package.path
local c = require "common"
local ag_min, ag_max = c.num("FZ_AGENCY_MIN"), c.num("FZ_AGENCY_MAX")
local pages = c.num("FZ_PAGES", 50)
local year_max = c.num("FZ_YEAR_MAX", tonumber(os.date("%Y")))
local mode = os.getenv("FZ_PETITIONS") or ""
local modes = { "page", "year", "channel", "handler", "state", "q2", "q3", "due" }
local channels = { "visit", "letter", "phone", "online", "hotline", "mailbox" }
local states = { "registered", "routed", "accepted", "replied", "closed", "not_accepted", "duplicate" }
-- URL-encoded UTF-8: 征收 工资 物业 噪音 低保 入学 村道 养殖 / 补偿款 安置房 宅基地 养老金 农民工 合作社 青山村
local function enc(s) return (s:gsub("[^%w]", function(ch) return string.format("%%%02X", ch:byte()) end)) end
local w2, w3 = {}, {}
for _, w in ipairs({ "征收", "工资", "物业", "噪音", "低保", "入学", "村道", "养殖" }) do table.insert(w2, enc(w)) end
for _, w in ipairs({ "补偿款", "安置房", "宅基地", "养老金", "农民工", "合作社", "青山村" }) do table.insert(w3, enc(w)) end
local known = false
for _, m in ipairs(modes) do known = known or m == mode end
if mode ~= "" and not known then
	io.stderr:write("bench: FZ_PETITIONS must be one of " .. table.concat(modes, ", ") .. ", not " .. mode .. "\n")
	os.exit(2)
end

setup = c.setup
done = c.done
function init() c.seed() end

function request()
	local m = mode ~= "" and mode or modes[math.random(1, #modes)]
	local page = math.random(1, pages)
	local q
	if m == "page" then
		q = ""
	elseif m == "year" then
		q = string.format("year=%d&", year_max - math.random(0, 2))
	elseif m == "channel" then
		q = "channel=" .. channels[math.random(1, #channels)] .. "&"
	elseif m == "handler" then
		q = string.format("handler_agency_id=%d&", math.random(ag_min, ag_max))
	elseif m == "state" then
		q = "state=" .. states[math.random(1, #states)] .. "&"
	elseif m == "q2" then
		q = "q=" .. w2[math.random(1, #w2)] .. "&"
	elseif m == "q3" then
		q = "q=" .. w3[math.random(1, #w3)] .. "&"
	else
		q = "sort=due_date&"
	end
	return wrk.format("GET", string.format("/api/petitions?%spage=%d", q, page))
end
