-- standards.lua — the poverty standards, by name or by year, and their rule compiled to SQL.
--
--   local standards = require "kehoach.standards"
--   standards.names()              the names, sorted: { "vn-2016", "vn-2022" }
--   standards.find(key)            a standard by name ("vn-2016") or year (2021, "2021"),
--                                  or nil and a message suggesting the nearest
--   standards.get(key)             the same, raising: a plan error at the plan line when a
--                                  plan is running, a usage error otherwise
--
-- A standard:
--   std.name, std.title, std.reference, std.from_year, std.to_year
--   std.lines        { poor = {rural=, urban=}, near_poor = {...}, middle = {...} } (VND)
--   std.indicators   registry columns, in the legal text's order ("d_water", ...)
--   std.labels[col]  the Vietnamese label of each indicator
--   std.rule         the clauses, first match wins (see standards/vn2016.lua)
--   std.deprivations_sql(alias)              SQL: deprivations of survey alias (NULL = 0)
--   std.status_sql(income, urban, deprivations)  SQL: 'poor'|'near_poor'|'middle'|'non_poor'
--   std.kind_sql(income, urban, deprivations)    SQL: 'income'|'deprivation'|NULL
--   std.line(name, urban)                    a line in VND (urban: boolean or 0/1)
--   std.explain(income, urban, deprivations) status, kind, and why, in words (the same
--                                            clauses, read in Lua, for messages)
-- The *_sql arguments are SQL expressions ("s.income", "u.urban", a projected value...).
-- Each standard's data and rule live in one module, kehoach.standards.<name without '-'>;
-- the indicators' labels in kehoach.standards.indicators.
local util = require "kehoach.util"

local INDICATOR_LABELS = require "kehoach.standards.indicators"

local host = core.host

local M = {}

-- every standard, oldest first
local MODULES = { "kehoach.standards.vn2016", "kehoach.standards.vn2022" }

local LINE_WORDS = { poor = "poor line", near_poor = "near-poor line", middle = "middle-income line" }

local function is_urban(urban)
  return urban == true or (type(urban) == "number" and urban ~= 0)
end

local function money(n)
  return util.group_digits(math.tointeger(n) or math.floor(n + 0.5))
end

-- SQL for the line `name` in the area given by the SQL expression urban.
local function line_sql(lines, name, urban)
  local l = lines[name]
  if l.rural == l.urban then return string.format("%d", l.rural) end
  return string.format("(CASE WHEN (%s) THEN %d ELSE %d END)", urban, l.urban, l.rural)
end

-- SQL condition of one clause, or nil when it always holds.
local function clause_sql(std, clause, income, urban, deprivations)
  local parts = {}
  if clause.income_max then
    parts[#parts + 1] = string.format("(%s) <= %s", income, line_sql(std.lines, clause.income_max, urban))
  end
  if clause.min_deprivations then
    parts[#parts + 1] = string.format("(%s) >= %d", deprivations, clause.min_deprivations)
  end
  if #parts == 0 then return nil end
  return table.concat(parts, " AND ")
end

-- A CASE over the rule's clauses in order, each giving value(clause) as SQL.
local function case_sql(std, income, urban, deprivations, value)
  local out = { "(CASE" }
  for _, clause in ipairs(std.rule) do
    local cond = clause_sql(std, clause, income, urban, deprivations)
    if cond then
      out[#out + 1] = string.format(" WHEN %s THEN %s", cond, value(clause))
    else
      out[#out + 1] = " ELSE " .. value(clause)
      break
    end
  end
  out[#out + 1] = " END)"
  return table.concat(out)
end

local function quoted(s)
  return s and ("'" .. s .. "'") or "NULL"
end

-- Whether each condition of clause holds, as {holds, words} pairs.
local function clause_tests(std, clause, income, urban, deprivations)
  local tests = {}
  local area = is_urban(urban) and "urban" or "rural"
  if clause.income_max then
    local line = std.lines[clause.income_max][area]
    local holds = income <= line
    tests[#tests + 1] = { holds, string.format("income %s %s the %s %s (%s)", money(income),
      holds and "is at or below" or "is above", LINE_WORDS[clause.income_max], money(line), area) }
  end
  if clause.min_deprivations then
    local holds = deprivations >= clause.min_deprivations
    tests[#tests + 1] = { holds, string.format("%d deprivation%s (%s %d)", deprivations,
      deprivations == 1 and "" or "s", holds and "at least" or "fewer than", clause.min_deprivations) }
  end
  return tests
end

-- Builds a standard from its module's data.
local function compile(def)
  local std = {}
  for k, v in pairs(def) do std[k] = v end
  std.labels = {}
  for _, col in ipairs(def.indicators) do
    std.labels[col] = (def.labels and def.labels[col]) or INDICATOR_LABELS[col]
      or error("standard " .. def.name .. ": " .. col .. " is not a registry indicator")
  end

  function std.line(name, urban)
    local l = std.lines[name]
    if not l then error("standard " .. std.name .. " has no line '" .. tostring(name) .. "'", 2) end
    return is_urban(urban) and l.urban or l.rural
  end

  function std.deprivations_sql(alias)
    local prefix = (alias and alias ~= "") and (alias .. ".") or ""
    local terms = {}
    for i, col in ipairs(std.indicators) do
      terms[i] = string.format("coalesce(%s%s, 0)", prefix, col)
    end
    return "(" .. table.concat(terms, " + ") .. ")"
  end

  function std.status_sql(income, urban, deprivations)
    return case_sql(std, income, urban, deprivations, function(c) return quoted(c.status) end)
  end

  function std.kind_sql(income, urban, deprivations)
    return case_sql(std, income, urban, deprivations, function(c) return quoted(c.kind) end)
  end

  -- The status the rule gives, the kind of poverty, and the reason in words: the
  -- conditions of the clause that applies, after the one that ruled out each earlier one.
  function std.explain(income, urban, deprivations)
    local reasons, seen = {}, {}
    local function say(words)
      if not seen[words] then
        seen[words] = true
        reasons[#reasons + 1] = words
      end
    end
    for _, clause in ipairs(std.rule) do
      local tests = clause_tests(std, clause, income, urban, deprivations)
      local failed
      for _, t in ipairs(tests) do
        if not t[1] then failed = t break end
      end
      if not failed then
        for _, t in ipairs(tests) do say(t[2]) end
        return clause.status, clause.kind, table.concat(reasons, ", ")
      end
      say(failed[2])
    end
    error("the rule of " .. std.name .. " has no clause for every household")
  end

  return std
end

local by_name, ordered

local function load_all()
  if ordered then return end
  by_name, ordered = {}, {}
  for _, mod in ipairs(MODULES) do
    local std = compile(require(mod))
    by_name[std.name] = std
    ordered[#ordered + 1] = std
  end
end

function M.names()
  load_all()
  local names = {}
  for i, std in ipairs(ordered) do names[i] = std.name end
  table.sort(names)
  return names
end

local function loose(name)
  return (name:lower():gsub("[^%w]", ""))
end

function M.find(key)
  load_all()
  local year = math.type(key) == "integer" and key
    or (type(key) == "string" and key:match("^%d%d%d%d$") and tonumber(key))
  if year then
    for _, std in ipairs(ordered) do
      if year >= std.from_year and year <= std.to_year then return std end
    end
    local spans = {}
    for _, std in ipairs(ordered) do
      spans[#spans + 1] = string.format("%s for %d-%d", std.name, std.from_year, std.to_year)
    end
    return nil, string.format("no poverty standard covers the year %d (%s)", year,
      table.concat(spans, ", "))
  end
  if type(key) ~= "string" then
    return nil, "a poverty standard is named by a name such as 'vn-2016' or by a year"
  end
  if by_name[key] then return by_name[key] end
  for _, std in ipairs(ordered) do
    if loose(std.name) == loose(key) then return std end
  end
  local names = M.names()
  local near = util.nearest(key, names)
  return nil, string.format("unknown poverty standard '%s'%s; the standards are %s", key,
    near and (" (did you mean " .. near .. "?)") or "", table.concat(names, ", "))
end

function M.get(key)
  local std, msg = M.find(key)
  if std then return std end
  if host.where() then util.plan_error("%s", msg) end
  util.fail("usage", "%s", msg)
end

return M
