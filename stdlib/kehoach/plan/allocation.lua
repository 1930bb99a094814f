-- allocation.lua — the `allocation` declaration of the plan language: a fund divided among
-- the plan's children (communes of a province, provinces of the country) by the
-- programme's criteria, and (then_to) each child's share on to the communes under it.
-- This module checks what a plan writes; kehoach.run.allocation divides the fund.
--
--   allocation "phan_bo_von" { label = "Phân bổ vốn ...", fund = million(50000),
--     source = "ngan_sach_tw", criteria = { poor = 1.0, near_poor = 0.5,
--     ethnic_minority_poor = 1.5, difficult = 2.0 }, round = million(1),
--     floor = million(100), exclude = { "Xã X", urban = true } }
--
--   M.FIELDS                 the declaration's fields, for kehoach.plan.schema
--   M.CRITERIA               the criteria a plan may weigh, in the order tables print them
--   M.check(d, label)        normalises d (criteria in thousandths, exclude) or raises a plan
--                            error at the declaration's line
local util = require "kehoach.util"
local values = require "kehoach.plan.values"

local text = core.text

local M = {}

M.FIELDS = {
  { "label", "text", true, "the allocation's name as printed" },
  { "fund", "money", true, "the sum divided, in đồng (million(50000))" },
  { "source", "id", true, "the funding source the fund comes from" },
  { "criteria", "table", true, "coefficients: { poor =, near_poor =, ethnic_minority_poor =, difficult = }" },
  { "to", "text", false, "who receives: the plan's children (\"communes\", \"provinces\"); the default" },
  { "then_to", "text", false, "\"communes\": each child's share divided again among its communes" },
  { "round", "money", false, "amounts are whole multiples of it (default million(1))" },
  { "floor", "money", false, "the least a unit that is not excluded receives" },
  { "then_floor", "money", false, "the least a commune receives, with then_to" },
  { "exclude", "table", false, "units that receive nothing: names, and urban = true (phường)" },
  { "basis", "text", false, "the rule the criteria come from, as printed under the table" },
  { "notes", "texts", false, "further sentences for the plan document" },
}

-- Each criterion: what it counts in a commune, and the words of the tables.
M.CRITERIA = {
  { id = "poor", words = "Hộ nghèo", counts = "households recorded poor at the review" },
  { id = "near_poor", words = "Hộ cận nghèo", counts = "households recorded near-poor at the review" },
  { id = "ethnic_minority_poor", words = "Hộ nghèo DTTS",
    counts = "poor households whose head is of an ethnic minority" },
  { id = "difficult", words = "Xã ĐBKK",
    counts = "a multiplier on the score of an especially difficult commune (xã đặc biệt khó khăn)" },
}
local CRITERION = {}
for _, c in ipairs(M.CRITERIA) do CRITERION[c.id] = c end

-- The plural nouns `to` and `then_to` accept, by level.
M.NOUNS = { communes = "commune", districts = "district", provinces = "province" }

-- A coefficient as a whole number of thousandths (1.5 -> 1500), so scores are exact.
local function thousandths(v)
  if type(v) ~= "number" or v ~= v or v < 0 or v > 1000 then return nil end
  local m = v * 1000
  local r = math.floor(m + 0.5)
  if math.abs(m - r) > 1e-6 then return nil end
  return math.tointeger(r)
end

local function criteria(t, label)
  local out = { poor = 0, near_poor = 0, ethnic_minority_poor = 0, difficult = 1000 }
  local any = false
  for k, v in pairs(t) do
    if not CRITERION[k] then
      local ids = {}
      for i, c in ipairs(M.CRITERIA) do ids[i] = c.id end
      local near = util.nearest(tostring(k), ids)
      util.plan_error("%s: unknown criterion '%s'%s; the criteria are: %s", label, tostring(k),
        near and (" (did you mean '" .. near .. "'?)") or "", table.concat(ids, ", "))
    end
    local m = thousandths(v)
    if not m then
      util.plan_error("%s: criteria.%s must be a coefficient from 0 to 1000 with at most three decimals, not %s",
        label, k, tostring(v))
    end
    out[k] = m
    if k ~= "difficult" and m > 0 then any = true end
  end
  if not any then
    util.plan_error("%s: criteria must weigh at least one count: poor, near_poor or ethnic_minority_poor", label)
  end
  return out
end

local function exclusions(t, label)
  local out = { names = {}, urban = false }
  for k, v in pairs(t) do
    if k == "urban" then
      if type(v) ~= "boolean" then util.plan_error("%s: exclude.urban must be true or false", label) end
      out.urban = v
    elseif math.type(k) == "integer" then
      local name = type(v) == "string" and text.nfc(v)
      if not name or not name:find("%S") then
        util.plan_error("%s: exclude item %d must be a unit's name", label, k)
      end
      out.names[#out.names + 1] = { name = name, key = text.fold(name) }
    else
      util.plan_error("%s: exclude takes units' names and urban = true, not '%s'", label, tostring(k))
    end
  end
  table.sort(out.names, function(a, b) return a.key < b.key end)
  return out
end

function M.check(d, label)
  d.weights = criteria(d.criteria, label)
  d.round = d.round or 1000000
  if d.round <= 0 then util.plan_error("%s: round must be more than 0 đồng", label) end
  if d.fund % d.round ~= 0 then
    util.plan_error("%s: the fund (%d đồng) is not a whole number of rounds (%d đồng): the amounts could not " ..
      "add up to it", label, d.fund, d.round)
  end
  for _, f in ipairs({ "floor", "then_floor" }) do
    if d[f] and d[f] % d.round ~= 0 then
      util.plan_error("%s: %s (%d đồng) must be a whole number of rounds (%d đồng)", label, f, d[f], d.round)
    end
  end
  for _, f in ipairs({ "to", "then_to" }) do
    if d[f] and d[f] ~= "children" and not M.NOUNS[d[f]] then
      util.plan_error("%s: %s must be \"communes\", \"districts\" or \"provinces\", not \"%s\"", label, f, d[f])
    end
  end
  if d.then_floor and not d.then_to then
    util.plan_error("%s: then_floor goes with then_to = \"communes\"", label)
  end
  d.excluded = exclusions(d.exclude or {}, label)
  if d.fund > values.MAX_VND then util.plan_error("%s: the fund is too large", label) end
end

return M
