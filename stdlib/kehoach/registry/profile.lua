-- profile.lua — loading and checking a district profile (scripts/profiles/*.lua), the data
-- `kehoach db generate` makes a registry from. A profile is a Lua file returning one table;
-- it runs with no globals at all, so it can only state data.
--
--   profile.load(path) -> the profile table, checked; raises a data error naming the file
--                         and the field that is wrong
--   profile.default()  -> the path of the default profile (scripts/profiles/ beside stdlib/)
local util = require "kehoach.util"
local standards = require "kehoach.standards"

local host, fs, text = core.host, core.fs, core.text

local M = {}

M.NEED_KINDS = { "credit", "livestock", "training", "housing", "employment", "education" }
local URBAN_KINDS = { ["phường"] = true, ["thị trấn"] = true }
local COMMUNE_KINDS = { ["xã"] = true, ["phường"] = true, ["thị trấn"] = true }

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

local function check_unit(C, u, where)
  if type(u) ~= "table" then C.bad(where, "expected a table with code, name and kind") end
  if type(u.code) ~= "string" or not u.code:match("^[%w%-]+$") then
    C.bad(where, "expected a code of letters and digits, got %s", tostring(u.code))
  end
  u.name = C.name(u.name, where .. ".name")
  u.kind = C.name(u.kind, where .. ".kind")
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

-- Checks one commune and fills in what follows from it (urban, difficult, shares).
local function check_commune(C, c, i, kinds)
  local where = string.format("communes[%d]", i)
  check_unit(C, c, where)
  where = where .. " (" .. c.name .. ")"
  if not COMMUNE_KINDS[c.kind] then C.bad(where, "kind must be xã, phường or thị trấn") end
  c.urban = URBAN_KINDS[c.kind] and 1 or 0
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

function M.load(path)
  local C = checker(path)
  if fs.exists(path) ~= "file" then util.fail("data", "%s: no such profile file", path) end
  local chunk = host.loadfile(path, path, setmetatable({}, {
    __index = function(_, k)
      util.fail("data", "%s: a profile holds data only; '%s' is not known there", host.where() or path,
        tostring(k))
    end,
  }))
  local p = chunk()
  if type(p) ~= "table" then util.fail("data", "%s: a profile must return a table", path) end
  p.path = path
  p.name = C.name(p.name, "name")
  C.count(p.households, "households", 1)
  C.count(p.seed or 1, "seed")
  p.seed = p.seed or 1
  if type(p.survey) ~= "table" then C.bad("survey", "expected { year = Y, standard = S }") end
  C.count(p.survey.year, "survey.year", 1900)
  local std, why = standards.find(p.survey.standard)
  if not std then C.bad("survey.standard", "%s", why) end
  p.standard = std
  check_unit(C, p.province, "province")
  check_unit(C, p.district, "district")
  if type(p.communes) ~= "table" or #p.communes == 0 then C.bad("communes", "expected a list") end
  local kinds, codes = {}, { [p.province.code] = "province", [p.district.code] = "district" }
  for _, k in ipairs(M.NEED_KINDS) do kinds[k] = true end
  local unable = 0
  for i, c in ipairs(p.communes) do
    check_commune(C, c, i, kinds)
    if codes[c.code] then C.bad("communes[" .. i .. "]", "the code %s is used twice", c.code) end
    codes[c.code] = true
    unable = unable + c.unable_to_escape
  end
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
  for _, status in ipairs({ "poor", "near_poor" }) do
    for kind, rate in pairs(p.need_rates and p.need_rates[status] or {}) do
      if not kinds[kind] then C.bad("need_rates." .. status, "unknown need '%s'", tostring(kind)) end
      C.share(rate, "need_rates." .. status .. "." .. kind)
    end
  end
  local inc = p.incomes
  if type(inc) ~= "table" then C.bad("incomes", "expected the income shares") end
  for _, k in ipairs({ "income_poor_floor", "unable_floor", "unable_ceiling" }) do C.share(inc[k], "incomes." .. k) end
  if type(inc.non_poor_ceiling) ~= "number" or inc.non_poor_ceiling <= 1 then
    C.bad("incomes.non_poor_ceiling", "expected a multiple of the middle line above 1")
  end
  C.count(inc.step, "incomes.step", 1)
  check_names(C, p.names, "names")
  return p
end

return M
