-- norm_search.lua - the portal's library of normative documents searched as the public searches it:
--   GET /api/public/normative/documents?q=W   (signed out; the first page, newest issue first)
-- W drawn uniformly from the words below, a third each of two, three and four characters: the
-- subjects a county's documents are about and the words of their bodies. Two-character words are
-- answered from the index's character pairs, three and more from its trigrams (platform/search.h).
package.path = (debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "?.lua;" .. package.path
local c = require "common"

local words = {
	{ "农贸", "养老", "殡葬", "停车", "物业", "消防", "校园", "医保", "垃圾", "低保", "扬尘", "水源",
	  "旅游", "就业", "采砂", "燃气", "森林", "残疾", "广告", "农机", "租赁", "网约", "集体", "补贴",
	  "摊位", "护理", "宅基", "许可", "收费", "监督" },
	{ "农贸市", "养老服", "停车场", "宅基地", "垃圾分", "新能源", "扶持资", "消防演", "殡葬服", "网约车",
	  "公租房", "低保户", "扬尘治", "采砂许", "燃气安", "广告设", "护理人", "经营者", "出租汽", "水源保" },
	{ "农贸市场", "养老服务", "物业管理", "殡葬管理", "消防安全", "医疗保障", "垃圾分类", "城乡低保",
	  "旅游市场", "就业创业", "河道采砂", "燃气安全", "森林防火", "户外广告", "集体资产", "明码标价",
	  "扶持资金", "安全隐患", "投诉举报", "信息共享" },
}

-- Percent-encodes a UTF-8 string for a query value.
local function encode(s)
	return (s:gsub("[^%w%-_%.~]", function(ch) return string.format("%%%02X", ch:byte()) end))
end

local paths = {}
for _, list in ipairs(words) do
	local enc = {}
	for i, w in ipairs(list) do enc[i] = "/api/public/normative/documents?q=" .. encode(w) end
	table.insert(paths, enc)
end

setup = c.setup
done = c.done
function init() c.seed() end

function request()
	local list = paths[math.random(#paths)]
	return wrk.format("GET", list[math.random(#list)])
end
