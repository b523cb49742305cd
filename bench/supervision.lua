-- supervision.lua - GET /api/supervision (counts over every open clock, the
-- red and yellow ones per agency, the 200 most overdue).
package.path = (debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "?.lua;" .. package.path
local c = require "common"

setup = c.setup
done = c.done

function request()
	return wrk.format("GET", "/api/supervision")
end
