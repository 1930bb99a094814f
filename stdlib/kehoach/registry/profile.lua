-- profile.lua — loading and checking a district profile (scripts/profiles/*.lua), the data
-- `kehoach db generate` makes a registry from. A profile is a Lua file returning one table;
-- it runs with no globals at all, so it can only state data.
--
--   profile.load(path [, registry]) -> the profile table, checked; raises a data error
--                         naming the file and the field that is wrong. A standard the
--                         profile names that is not shipped is standards/<name>.lua beside
--                         the profile or beside registry (the file to be generated)
--   profile.default()  -> the path of the default profile (scripts/profiles/ beside stdlib/)
local util = require "kehoach.util"
local standards = require "kehoach.standards"
local values = require "kehoach.plan.values"
local schema = require "kehoach.registry.schema"
local unit_tree = require "kehoach.units"

local host, text = core.host, core.text

local M = {}

M.NEED_KINDS = schema.values.need
local COMMUNE_KINDS = schema.kinds_at("commune")

function M.default()
  local stdlib = host.stdlib()
  return (stdlib:match("^(.*)/[^/]+/?$") or ".") .. "/scripts/profiles/lao-cai-city.lua"
end

local function checker(path)
  local function bad(where, fmt, ...)
    util.fail("data", "%s: %s: " .. fmt, path, where, ...)
  end
  local C = {}
  function C.count(v, where, min)
    if math.type(v) ~= "integer" or v < (min or 0) then
      bad(where, "expected a whole number of at least %d, got %s", min or 0, tostring(v))
    end
    return v
  end
  function C.share(v, where)
    if type(v) ~= "number" or v < 0 or v > 1 then
      bad(where, "expected a share between 0 and 1, got %s", tostring(v))
    end
    return v
  end
  function C.name(v, where)
    if type(v) ~= "string" or v == "" or not text.valid(v) then
      bad(where, "expected a name in UTF-8 text, got %s", tostring(v))
    end
    return text.nfc(v)
  end
  function C.weights(v, where)
    if type(v) ~= "table" or #v == 0 then bad(where, "expected a list of weights") end
    for i, w in ipairs(v) do
      if type(w) ~= "number" or w < 0 then bad(where .. "[" .. i .. "]", "expected a weight ≥ 0") end
    end
    return v
  end
  function C.list(v, where)
    if type(v) ~= "table" or #v == 0 then bad(where, "expected a list of names") end
    for i, s in ipairs(v) do v[i] = C.name(s, where .. "[" .. i .. "]") end
    return v
  end
  C.bad = bad
  return C
end

-- "a, b or c".
local function words_or(list)
  if #list < 2 then return list[1] or "" end
  return table.concat(list, ", ", 1, #list - 1) .. " or " .. list[#list]
end

local function check_unit(C, u, where)
  if type(u) ~= "table" then C.bad(where, "expected a table with code, name and kind") end
  if type(u.code) ~= "string" or not u.code:match("^[%w%-]+$") then
    C.bad(where, "expected a code of letters and digits, got %s", tostring(u.code))
  end
  u.name = C.name(u.name, where .. ".name")
  -- the country has no kind in words: the documents write it by its name
  if u.kind ~= nil or u.level ~= "country" then u.kind = C.name(u.kind, where .. ".kind") end
end

local function check_names(C, names, where)
  for _, group in ipairs({ "majority", "minority" }) do
    local g = names and names[group]
    local w = where .. "." .. group
    if type(g) ~= "table" then C.bad(w, "expected family, middle and given names") end
    C.list(g.family, w .. ".family")
    for _, sex in ipairs({ "M", "F" }) do
      C.list(g.middle and g.middle[sex], w .. ".middle." .. sex)
      C.list(g.given and g.given[sex], w .. ".given." .. sex)
    end
  end
end

-- Checks the unit tree and lists it in p.tree, parents first. A profile gives its
-- `province`; then either a `district` (three levels: before July 2025) or none (two
-- levels: the province's communes directly); `units`, more units above the communes
-- ({ code, name, kind, level = "country", "province" or "district", parent = code }: the
-- country and its provinces, a province's districts; with them `province` may be left out);
-- and its `communes`, each under the district, else the province, unless it names its
-- `parent`.
local LEVELS = { country = true, province = true, district = true }

local function check_tree(C, p)
  local rows = {}
  if p.province ~= nil or p.units == nil then
    check_unit(C, p.province, "province")
    p.province.level = "province"
    rows[1] = p.province
  end
  if p.district ~= nil then
    check_unit(C, p.district, "district")
    p.district.level = "district"
    p.district.parent = p.district.parent or (p.province and p.province.code)
    rows[#rows + 1] = p.district
  end
  if p.units ~= nil and type(p.units) ~= "table" then C.bad("units", "expected a list of units") end
  for i, u in ipairs(p.units or {}) do
    local where = string.format("units[%d]", i)
    check_unit(C, u, where)
    if not LEVELS[u.level] then
      C.bad(where .. " (" .. u.name .. ")", "level must be country, province or district, got %s", tostring(u.level))
    end
    if u.parent ~= nil and type(u.parent) ~= "string" then C.bad(where .. ".parent", "expected a unit's code") end
    rows[#rows + 1] = u
  end
  local above = p.district or p.province
  for i, c in ipairs(p.communes) do
    local where = string.format("communes[%d] (%s).parent", i, c.name)
    if c.parent ~= nil and type(c.parent) ~= "string" then C.bad(where, "expected a unit's code") end
    if c.parent == nil and not above then
      C.bad(where, "expected the code of the unit it belongs to (the profile has no province or district)")
    end
    c.level, c.parent = "commune", c.parent or above.code
    rows[#rows + 1] = c
  end
  local problems = unit_tree.problems(rows)
  if #problems > 0 then
    local lines = {}
    for i, pr in ipairs(problems) do lines[i] = unit_tree.problem_text(pr) end
    C.bad("units", "%s", table.concat(lines, "; "))
  end
  -- parents first, for the registry's foreign keys
  local placed, order = {}, {}
  while #order < #rows do
    for _, u in ipairs(rows) do
      if not placed[u.code] and (u.parent == nil or placed[u.parent]) then
        placed[u.code] = true
        order[#order + 1] = u
      end
    end
  end
  p.tree = order
end

-- Checks one commune and fills in what follows from it (urban, difficult, shares).
local function check_commune(C, c, i, kinds)
  local where = string.format("communes[%d]", i)
  check_unit(C, c, where)
  where = where .. " (" .. c.name .. ")"
  local kind = schema.entry.unit_kind[c.kind]
  local commune_level = false
  for _, l in ipairs(kind and kind.levels or {}) do commune_level = commune_level or l == "commune" end
  if not commune_level then C.bad(where, "kind must be %s", words_or(COMMUNE_KINDS)) end
  -- the kind says whether the urban lines apply (phường, thị trấn), or the profile does
  local urban = kind.urban
  if urban == nil then
    if type(c.urban) ~= "boolean" then
      C.bad(where, "urban: expected true or false (a %s's kind does not say whether the urban lines apply)", c.kind)
    end
    urban = c.urban
  end
  c.urban = urban and 1 or 0
  c.difficult = c.difficult and 1 or 0
  C.count(c.households, where .. ".households", 1)
  if type(c.villages) == "table" then C.list(c.villages, where .. ".villages")
  else C.count(c.villages, where .. ".villages", 1) end
  local em = c.ethnic_minority
  if type(em) == "number" then em = { em, em } end
  if type(em) ~= "table" then C.bad(where, "ethnic_minority: expected { all, among the poor }") end
  c.ethnic_minority = { all = C.share(em[1], where .. ".ethnic_minority[1]"),
    poor = C.share(em[2], where .. ".ethnic_minority[2]") }
  C.count(c.poor, where .. ".poor")
  C.count(c.near_poor, where .. ".near_poor")
  C.count(c.unable_to_escape or 0, where .. ".unable_to_escape")
  c.unable_to_escape = c.unable_to_escape or 0
  if c.unable_to_escape > c.poor then
    C.bad(where, "%d households unable to escape poverty, but only %d poor", c.unable_to_escape, c.poor)
  end
  c.needs = c.needs or {}
  for kind, n in pairs(c.needs) do
    if not kinds[kind] then
      C.bad(where .. ".needs", "unknown need '%s' (the needs are %s)", tostring(kind),
        table.concat(M.NEED_KINDS, ", "))
    end
    C.count(n, where .. ".needs." .. kind)
    if n > c.poor - c.unable_to_escape then
      C.bad(where .. ".needs." .. kind, "%d households, but only %d poor households able to escape",
        n, c.poor - c.unable_to_escape)
    end
  end
end

-- The shape of standard the year's review can be simulated under: one income line for
-- the poor and near-poor, poor with at least k deprivations (vn-2022). Returns k.
local function review_shape(std)
  local poor, near
  for _, c in ipairs(std.rule) do
    if c.status == "poor" and c.income_max == "poor" and c.min_deprivations then poor = poor or c end
    if c.status == "near_poor" and c.income_max == "poor" and not c.min_deprivations then near = near or c end
  end
  if poor and near and std.lines.middle then return poor.min_deprivations end
end

-- The deprivations that make a household poor above the poor line of the base standard
-- (vn-2016: 3, up to the near-poor line), or nil when it has no such clause.
local function base_shape(std)
  for _, c in ipairs(std.rule) do
    if c.status == "poor" and c.income_max == "near_poor" and c.min_deprivations then
      return c.min_deprivations
    end
  end
end

-- Shares of households registering each need, by status: { poor = { credit = 0.3 }, ... }.
local function check_need_rates(C, rates, where, kinds)
  for _, status in ipairs({ "poor", "near_poor" }) do
    for kind, rate in pairs(rates and rates[status] or {}) do
      if not kinds[kind] then C.bad(where .. "." .. status, "unknown need '%s'", tostring(kind)) end
      C.share(rate, where .. "." .. status .. "." .. kind)
    end
  end
end

local function pair(C, v, where)
  if type(v) ~= "table" or type(v[1]) ~= "number" or type(v[2]) ~= "number" or v[1] <= 0 or v[1] > v[2] then
    C.bad(where, "expected { low, high } multiples of the poor line, low ≤ high")
  end
end

-- Checks the year after the review (next_year, and each commune's `next`).
local function check_next_year(C, p, kinds)
  local ny = p.next_year
  if type(ny) ~= "table" then C.bad("next_year", "expected a table") end
  if ny.year ~= p.survey.year + 1 then
    C.bad("next_year.year", "expected %d, the year after the review of %d", p.survey.year + 1, p.survey.year)
  end
  local r = ny.review
  if type(r) ~= "table" then C.bad("next_year.review", "expected { standard = S, date = \"YYYY-12-31\" }") end
  local std, why = standards.find(r.standard, p.near, ny.year)
  if not std then C.bad("next_year.review.standard", "%s", why) end
  r.standard_table = std
  r.k1 = review_shape(std)
  if not r.k1 then
    C.bad("next_year.review.standard", "%s: the year's review can be simulated under a standard with one "
      .. "income line for the poor and near-poor, the poor having a number of deprivations (like vn-2022)", std.name)
  end
  r.k0 = base_shape(p.standard)
  if not r.k0 then
    C.bad("next_year", "the year after the review is simulated from a review under a standard that tells the "
      .. "income-poor from the deprivation-poor (like vn-2016); survey.standard is %s: leave next_year out, "
      .. "or make the review under such a standard", p.standard.name)
  end
  local d = values.date(r.date)
  if not d or d.year ~= ny.year then C.bad("next_year.review.date", "expected a date of %d", ny.year) end
  if type(ny.growth) ~= "table" or type(ny.growth.mean) ~= "number" then
    C.bad("next_year.growth", "expected { mean = share, spread = share }")
  end
  C.share(ny.growth.spread, "next_year.growth.spread")
  C.share(ny.persist, "next_year.persist")
  C.share(ny.moved, "next_year.moved")
  C.share(ny.needs_kept, "next_year.needs_kept")
  if type(ny.dissolved) ~= "table" then C.bad("next_year.dissolved", "expected { all =, alone =, unable = }") end
  for _, k in ipairs({ "all", "alone", "unable" }) do C.share(ny.dissolved[k], "next_year.dissolved." .. k) end
  local in1 = {}
  for _, col in ipairs(std.indicators) do in1[col] = true end
  if type(ny.new_deprivations) ~= "table" then C.bad("next_year.new_deprivations", "expected a table") end
  for col, rates in pairs(ny.new_deprivations) do
    local where = "next_year.new_deprivations." .. tostring(col)
    if col ~= "d_employment" and col ~= "d_nutrition" then
      C.bad(where, "only d_employment and d_nutrition are drawn (dependants are counted from the members)")
    end
    if type(rates) ~= "table" then C.bad(where, "expected { poor =, near_poor =, other = }") end
    for _, k in ipairs({ "poor", "near_poor", "other" }) do C.share(rates[k], where .. "." .. k) end
  end
  if type(ny.escape_weights) ~= "table" then C.bad("next_year.escape_weights", "expected a table") end
  for kind, w in pairs(ny.escape_weights) do
    if not kinds[kind] then C.bad("next_year.escape_weights", "unknown need '%s'", tostring(kind)) end
    if type(w) ~= "number" or w < 0 then C.bad("next_year.escape_weights." .. kind, "expected a weight ≥ 0") end
  end
  local fw = ny.fell_weights
  if type(fw) ~= "table" or type(fw.near_poor) ~= "number" or type(fw.middle) ~= "number"
      or fw.near_poor <= 0 or fw.middle <= 0 then
    C.bad("next_year.fell_weights", "expected { near_poor = w, middle = w }, weights above 0")
  end
  check_need_rates(C, ny.need_rates, "next_year.need_rates", kinds)
  pair(C, ny.escaped_income, "next_year.escaped_income")
  pair(C, ny.fallen_income, "next_year.fallen_income")
  for i, c in ipairs(p.communes) do
    local where = string.format("communes[%d] (%s).next", i, c.name)
    local nx = c.next
    if type(nx) ~= "table" then
      C.bad(where, "expected { escaped = { Q1, Q2, Q3, Q4 }, fell_into =, re_poor =, poor =, near_poor = }")
    end
    if type(nx.escaped) ~= "table" or #nx.escaped ~= 4 then C.bad(where .. ".escaped", "expected four counts, Q1 to Q4") end
    for q = 1, 4 do C.count(nx.escaped[q], where .. ".escaped[" .. q .. "]") end
    for _, k in ipairs({ "fell_into", "re_poor", "poor", "near_poor" }) do C.count(nx[k], where .. "." .. k) end
  end
end

function M.load(path, registry)
  local C = checker(path)
  local p = util.data_file(path, "profile")
  p.path = path
  p.near = { path, registry }  -- a standard not shipped: standards/<name>.lua beside either
  p.name = C.name(p.name, "name")
  C.count(p.households, "households", 1)
  C.count(p.seed or 1, "seed")
  p.seed = p.seed or 1
  if type(p.survey) ~= "table" then C.bad("survey", "expected { year = Y, standard = S }") end
  C.count(p.survey.year, "survey.year", 1900)
  local std, why = standards.find(p.survey.standard, p.near, p.survey.year)
  if not std then C.bad("survey.standard", "%s", why) end
  p.standard = std
  if type(p.communes) ~= "table" or #p.communes == 0 then C.bad("communes", "expected a list") end
  local kinds = {}
  for _, k in ipairs(M.NEED_KINDS) do kinds[k] = true end
  local unable = 0
  for i, c in ipairs(p.communes) do
    check_commune(C, c, i, kinds)
    unable = unable + c.unable_to_escape
  end
  check_tree(C, p)
  local u = p.unable_to_escape
  if type(u) ~= "table" then C.bad("unable_to_escape", "expected { households = N, persons = M }") end
  C.count(u.households, "unable_to_escape.households")
  C.count(u.persons, "unable_to_escape.persons")
  if unable ~= u.households then
    C.bad("unable_to_escape", "the communes list %d households, not %d", unable, u.households)
  end
  C.weights(p.household_size, "household_size")
  if u.persons < u.households or u.persons > u.households * #p.household_size then
    C.bad("unable_to_escape", "%d persons cannot make %d households of 1 to %d persons",
      u.persons, u.households, #p.household_size)
  end
  C.share(p.deprivation_poor, "deprivation_poor")
  C.share(p.middle and p.middle.urban, "middle.urban")
  C.share(p.middle.rural, "middle.rural")
  for _, group in ipairs({ "income_poor", "unable", "deprivation_poor", "near_poor", "middle", "non_poor" }) do
    C.weights(p.deprivations and p.deprivations[group], "deprivations." .. group)
  end
  check_need_rates(C, p.need_rates, "need_rates", kinds)
  local inc = p.incomes
  if type(inc) ~= "table" then C.bad("incomes", "expected the income shares") end
  for _, k in ipairs({ "income_poor_floor", "unable_floor", "unable_ceiling" }) do C.share(inc[k], "incomes." .. k) end
  if type(inc.non_poor_ceiling) ~= "number" or inc.non_poor_ceiling <= 1 then
    C.bad("incomes.non_poor_ceiling", "expected a multiple of the middle line above 1")
  end
  C.count(inc.step, "incomes.step", 1)
  check_names(C, p.names, "names")
  if p.next_year ~= nil then check_next_year(C, p, kinds) end
  return p
end

return M
