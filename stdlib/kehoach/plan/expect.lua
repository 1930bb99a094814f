-- expect.lua — expectations inside a plan: what its author expects the registry to give,
-- written on the declaration they are about, and checked by `kehoach test PLAN`:
--
--   support "tro_cap" { ..., expect = { households = 57, persons = 105, cost = million(315) } }
--   budget { ..., expect = { total = million(5723), von_vay = million(2400) } }
--   target "giam_ho_ngheo" { ..., expect = { rate_points = 0.24, poor = 225 } }
--
--   M.KEYS[kind]             the keys each declaration's expect takes, in order, with words
--   M.check(kind, t, label)  the checked expect table (raises a plan error at the plan line)
--   M.verify(p, result)      every expectation against an evaluation (kehoach.pipeline's
--                            result): a list of { decl, key, expected, actual, holds, text }
--                            in plan order
local util = require "kehoach.util"
local schema = require "kehoach.plan.schema"
local values = require "kehoach.plan.values"

local text = core.text

local M = {}

local function money(v)
  local x, why = values.vnd(v)
  if x == nil then return nil, why end
  return x
end

local function rate(v)
  if type(v) ~= "number" or v < 0 then return nil, "a number of percentage points, like 0.24" end
  return v
end

-- { key, check, words, how it is shown }
M.KEYS = {
  support = {
    { "households", schema.count, "households chosen" },
    { "persons", schema.count, "persons in the households chosen" },
    { "units", schema.count, "units given (per_unit amounts)" },
    { "cost", money, "the cost of the households chosen, đồng", "money" },
    { "eligible", schema.count, "households eligible anywhere in the district" },
    { "waitlisted", schema.count, "households eligible but passed over by the quotas" },
    { "by_commune", schema.commune_counts, "households chosen, by commune" },
  },
  budget = {
    { "total", money, "the cost of every programme with a source, đồng", "money" },
    -- and any source's name: that source's programmes' cost
  },
  target = {
    { "surveyed", schema.count, "households of the district in the review the plan reads" },
    { "poor", schema.count, "poor households of the district at that review" },
    { "near_poor", schema.count, "near-poor households of the district at that review" },
    { "rate_points", rate, "the target's households as percentage points of the surveyed, to two decimals" },
    { "poor_by_commune", schema.commune_counts, "poor households at the review, by commune" },
  },
}

local function spec(kind, key)
  for _, k in ipairs(M.KEYS[kind] or {}) do
    if k[1] == key then return k end
  end
end

function M.check(kind, t, label)
  if type(t) ~= "table" then
    util.plan_error("%s: expect must be a table, like expect = { households = 57 }", label)
  end
  local out = {}
  for k, v in pairs(t) do
    local s = type(k) == "string" and spec(kind, k)
    if not s and kind == "budget" and type(k) == "string" and k:match("^[%a_][%w_]*$") then
      s = { k, money, "a source's cost", "money", source = true }
    end
    if not s then
      local names = {}
      for _, x in ipairs(M.KEYS[kind]) do names[#names + 1] = x[1] end
      local near = util.nearest(tostring(k), names)
      util.plan_error("%s: unknown expectation '%s'%s; %s can expect: %s%s", label, tostring(k),
        near and (" (did you mean '" .. near .. "'?)") or "", kind, table.concat(names, ", "),
        kind == "budget" and ", and any source's name" or "")
    end
    local x, why, plain = s[2](v)
    if x == nil then
      util.plan_error(plain and "%s: expect.%s: %s" or "%s: expect.%s must be %s", label, k, why)
    end
    out[k] = x
  end
  return out
end

-- ---- verifying ---------------------------------------------------------------------------

local function shown(v, how)
  if how == "money" then return util.group_digits(v) .. " đồng" end
  if math.type(v) == "float" then return string.format("%.2f", v) end
  return tostring(v)
end

-- The keys of an expect table in a fixed order: the kind's own, then sources by name.
local function ordered(kind, e)
  local keys = {}
  for _, s in ipairs(M.KEYS[kind]) do
    if e[s[1]] ~= nil then keys[#keys + 1] = s end
  end
  for _, k in ipairs(util.sorted_keys(e)) do
    if not spec(kind, k) then keys[#keys + 1] = { k, nil, nil, "money", source = true } end
  end
  return keys
end

-- What the evaluation gives for one key (a number, or {name -> n} for by-commune keys).
local function actual(kind, key, d, result, figures)
  local units = result.units
  if kind == "support" then
    local f = figures[d.id]
    if key == "eligible" then return f.eligible_all end
    if key == "by_commune" then
      local out = {}
      for code, r in pairs(f.by_unit) do out[code] = r.households end
      return out
    end
    return f[key]
  elseif kind == "budget" then
    if key == "total" then
      local total = 0
      for _, cost in pairs(result.by_source) do total = total + cost end
      return total
    end
    return result.by_source[key] or 0
  end
  local pov = result.poverty
  if key == "surveyed" then return pov.households end
  if key == "poor" or key == "near_poor" then return pov[key] end
  if key == "rate_points" then
    return pov.households > 0 and tonumber(string.format("%.2f", d.households * 100 / pov.households)) or 0
  end
  local out = {}
  for code in pairs(units.by_code) do out[code] = pov.by_unit[code] and pov.by_unit[code].poor or 0 end
  return out
end

function M.verify(p, result)
  local figures = {}
  for _, f in ipairs(result.programmes) do figures[f.id] = f end
  local out = {}
  local function add(d, label, key, expected, got, how)
    local holds = expected == got or (type(expected) == "number" and math.abs(expected - got) < 1e-9)
    out[#out + 1] = { decl = d, key = key, expected = expected, actual = got, holds = holds,
      text = string.format("%s: %s: the plan expects %s, the registry gives %s", label, key,
        shown(expected, how), shown(got, how)) }
  end
  for _, d in ipairs(p.order) do
    local e = d.expect
    if e then
      local label = d.id and string.format("%s '%s'", d.kind, d.id) or d.kind
      for _, s in ipairs(ordered(d.kind, e)) do
        local key = s[1]
        local got = actual(d.kind, key, d, result, figures)
        local source = s.source and p.by_id[key]
        if s.source and not (source and source.kind == "source") then
          local ids = {}
          for _, x in ipairs(p.sources) do ids[#ids + 1] = x.id end
          local near = util.nearest(key, ids)
          out[#out + 1] = { decl = d, key = key, expected = e[key], holds = false,
            text = string.format("%s: expect.%s: '%s' is not a declared funding source%s", label, key, key,
              near and (" (did you mean '" .. near .. "'?)") or "") }
        elseif type(e[key]) == "table" then
          -- by commune: each commune named, in the order written
          for _, c in ipairs(e[key]) do
            local code = result.units.code_of(c.name)
            add(d, label, key .. "." .. c.name, c.n, code and got[code] or 0)
          end
        else
          add(d, label, key, e[key], got, s[4])
        end
      end
    end
  end
  return out
end

-- Commune names an expect table writes, for the check against the registry.
function M.commune_names(d)
  local out = {}
  for _, key in ipairs({ "by_commune", "poor_by_commune" }) do
    for _, c in ipairs(d.expect and d.expect[key] or {}) do
      out[#out + 1] = { name = c.name, key = text.fold(c.name), decl = d }
    end
  end
  return out
end

return M
