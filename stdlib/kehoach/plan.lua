-- plan.lua — the plan language: the declarations a plan script makes (plan, target,
-- support, source, budget, report, agency, distribution, signature, scenario) and the
-- helpers it writes values with (million, per_person_month, per_household, per_person,
-- per_unit). Running a plan script collects its declarations, each checked against
-- kehoach.plan.schema and remembering its file:line, into a plan table that the later
-- phases (check, evaluate, project, write, render) read:
--
--   p.path, p.meta (the plan declaration), p.budget, p.distribution, p.signature
--   p.targets, p.supports, p.sources, p.reports, p.agencies, p.scenarios  (lists, in
--   declaration order), p.by_id[id] (every named declaration), p.order (all of them)
--
-- Every declaration d has d.kind, d.id (named ones), d.where ("file:line"), d.line.
local util = require "kehoach.util"
local sandbox = require "kehoach.sandbox"
local schema = require "kehoach.plan.schema"
local values = require "kehoach.plan.values"
local selector = require "kehoach.plan.selector"
local expect = require "kehoach.plan.expect"

local host = core.host

local M = {}

local LISTS = { target = "targets", support = "supports", source = "sources", report = "reports",
  agency = "agencies", scenario = "scenarios" }
local SINGLE = { plan = "meta", budget = "budget", distribution = "distribution", signature = "signature" }
local RESERVED = { plan = true, budget = true }

M.PRIORITIES = { "lowest_income", "most_deprived" }
M.SECTIONS = { "tasks", "measures" }

local function located(d)
  local where = host.where() or "?"
  d.where = where
  d.file, d.line = where:match("^(.*):(%d+)$")
  d.line = tonumber(d.line)
  return d
end

-- Checks what only makes sense for one kind of declaration, beyond field kinds.
local CHECK = {}

function CHECK.plan(d, label)
  if not d.standard:match("^[%w%-_.]+$") then
    util.plan_error("%s: standard must be a standard's name such as \"vn-2016\"", label)
  end
end

function CHECK.target(d, label)
  local qt = d.quarter_totals
  if qt then
    local out = {}
    for k, v in pairs(qt) do
      local n = schema.count(v)
      if type(k) ~= "string" or not k:match("^Q[1-4]$") or n == nil then
        util.plan_error("%s: quarter_totals must be like { Q1 = 4, Q2 = 9 } (whole numbers, quarters Q1..Q4)", label)
      end
      out[k] = n
    end
    d.quarter_totals = out
  end
end

function CHECK.budget(d)
  d.lines = d.extra or {}
  d.extra = nil
end

function CHECK.scenario(d)
  d.set = d.extra or {}
  d.extra = nil
end

local function check_effect(e, label)
  local out = {}
  for k, v in pairs(e) do
    if k == "income" then
      local x, why = values.vnd(v)
      if not x then util.plan_error("%s: effect.income must be %s (đồng per person per month)", label, why) end
      out.income = x
    elseif k == "from" then
      local p = values.quarters(v) or values.months(v)
      if not p then util.plan_error("%s: effect.from must be a quarter \"Q3\" or a month \"07\"", label) end
      out.from = p
    elseif k == "clears" then
      local x, why = schema.list_of(schema.enum(selector.INDICATORS), "indicators")(v)
      if not x then util.plan_error("%s: effect.clears must be %s", label, why) end
      out.clears = x
    elseif k == "note" then
      local x, why = schema.nfc_text(v)
      if not x then util.plan_error("%s: effect.note must be %s", label, why) end
      out.note = x
    else
      local near = util.nearest(tostring(k), { "income", "from", "clears", "note" })
      util.plan_error("%s: unknown effect field '%s'%s; an effect has: income, from, clears, note",
        label, tostring(k), near and (" (did you mean '" .. near .. "'?)") or "")
    end
  end
  if out.income and not out.from then
    util.plan_error("%s: effect.income needs effect.from, the quarter or month it starts", label)
  end
  return out
end

function CHECK.support(d, label)
  d.who = selector.check(d.who, label)
  if d.months and d.quarters then
    util.plan_error("%s: give months or quarters, not both", label)
  end
  d.period = d.months or d.quarters
  if d.priority then
    local p, why = schema.enum(M.PRIORITIES)(d.priority)
    if not p then util.plan_error("%s: priority must be %s", label, why) end
  elseif d.quota then
    d.priority = "lowest_income"
  end
  if d.section then
    local s, why = schema.enum(M.SECTIONS)(d.section)
    if not s then util.plan_error("%s: section must be %s", label, why) end
  else
    d.section = "measures"
  end
  if d.source and d.outside_budget then
    util.plan_error("%s: give source or outside_budget, not both", label)
  end
  local a = d.amount
  if a then
    if a.basis == "person_month" and not d.period then
      util.plan_error("%s: an amount per person per month needs months = \"01-12\" (or quarters)", label)
    end
    if not d.source and not d.outside_budget then
      util.plan_error("%s: the amount needs a source (a funding source of the budget) or outside_budget = \"why\"", label)
    end
  end
  if (d.units or d.units_per_household) and not (a and a.basis == "unit") then
    util.plan_error("%s: units and units_per_household go with amount = per_unit(...)", label)
  end
  if a and a.basis == "unit" and not d.units and not d.units_per_household then
    util.plan_error("%s: an amount per unit needs units (in all) or units_per_household", label)
  end
  if d.effect then d.effect = check_effect(d.effect, label) end
end

local function named(kind, p)
  return function(id)
    if type(id) ~= "string" then
      util.plan_error("%s needs a name first: %s \"name\" { ... }", kind, kind)
    end
    local label = string.format("%s \"%s\"", kind, id)
    if not id:match("^[%a_][%w_]*$") then
      util.plan_error("%s: the name must be letters, digits and _ (it is used in paths like %s.amount)", label, id)
    end
    return function(t)
      local d = located(schema.check(kind, t, label))
      d.kind, d.id = kind, id
      if RESERVED[id] then util.plan_error("%s: '%s' is a reserved name", label, id) end
      local prev = p.by_id[id]
      if prev then
        util.plan_error("%s: the name '%s' is already used by the %s at %s", label, id, prev.kind, prev.where)
      end
      if CHECK[kind] then CHECK[kind](d, label) end
      if d.expect then d.expect = expect.check(kind, d.expect, label) end
      p.by_id[id] = d
      table.insert(p[LISTS[kind]], d)
      table.insert(p.order, d)
    end
  end
end

local function single(kind, p)
  return function(t)
    if type(t) == "string" then
      util.plan_error("%s takes no name: write %s { ... }", kind, kind)
    end
    local d = located(schema.check(kind, t, kind))
    d.kind = kind
    local prev = p[SINGLE[kind]]
    if prev then util.plan_error("%s: declared twice (first at %s)", kind, prev.where) end
    if CHECK[kind] then CHECK[kind](d, kind) end
    if d.expect then d.expect = expect.check(kind, d.expect, kind) end
    p[SINGLE[kind]] = d
    table.insert(p.order, d)
  end
end

local function helper(name, f)
  return function(...)
    local v, why = f(...)
    if v == nil then util.plan_error("%s: %s", name, why) end
    return v
  end
end

-- The names a plan sees, bound to the plan table p being declared.
function M.api(p)
  local api = {
    million = helper("million", values.million),
  }
  for basis, b in pairs(values.BASES) do
    api[b.helper] = helper(b.helper, function(vnd, noun) return values.amount(basis, vnd, noun) end)
  end
  for _, kind in ipairs(schema.order) do
    api[kind] = LISTS[kind] and named(kind, p) or single(kind, p)
  end
  return api
end

function M.new(path)
  local p = { path = path, by_id = {}, order = {} }
  for _, list in pairs(LISTS) do p[list] = {} end
  return p
end

-- Runs the plan script at path (the declare phase) and returns the plan it declared.
function M.load(path)
  local p = M.new(path)
  local env = sandbox.plan_env(M.api(p), path)
  sandbox.run_plan(path, env)
  if not p.meta then
    util.fail("plan", "%s: the plan declares nothing: it needs plan { id = ..., unit = ..., year = ..., ... }", path)
  end
  p.id = p.meta.id
  p.year = p.meta.year
  p.registry_year = p.meta.registry_year or (p.meta.year - 1)
  return p
end

return M
