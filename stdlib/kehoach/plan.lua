-- plan.lua — the plan language: the declarations a plan script makes (plan, target, activity,
-- support, source, budget, report, agency, distribution, signature, scenario) and the
-- helpers it writes values with (million, per_person_month, per_household, per_person,
-- per_unit). Running a plan script collects its declarations, each checked against
-- kehoach.plan.schema and remembering its file:line, into a plan table that the later
-- phases (check, evaluate, project, write, render) read:
--
--   p.path, p.meta (the plan declaration), p.budget, p.distribution, p.signature
--   p.targets, p.supports, p.activities, p.allocations, p.sources, p.reports, p.agencies,
--   p.scenarios (lists, in declaration order), p.by_id[id] (every named declaration), p.order
--   (all of them)
--
-- Every declaration d has d.kind, d.id (named ones), d.where ("file:line"), d.line.
local util = require "kehoach.util"
local sandbox = require "kehoach.sandbox"
local schema = require "kehoach.plan.schema"
local values = require "kehoach.plan.values"
local selector = require "kehoach.plan.selector"
local expect = require "kehoach.plan.expect"
local params = require "kehoach.plan.params"
local activity = require "kehoach.plan.activity"
local allocation = require "kehoach.plan.allocation"
local json = require "kehoach.json"

local host = core.host

local M = {}

local LISTS = { target = "targets", support = "supports", source = "sources", report = "reports",
  agency = "agencies", scenario = "scenarios", activity = "activities", allocation = "allocations" }
local SINGLE = { plan = "meta", budget = "budget", distribution = "distribution", signature = "signature" }
local RESERVED = { plan = true, budget = true }

M.PRIORITIES = schema.PRIORITIES
M.SECTIONS = { "tasks", "measures" }
-- What a run does when a source's programmes cost more than its budget line: report the
-- gap (and spend it), spend only what the line holds in priority order, or cut every
-- amount paid from it in the same proportion.
M.BUDGET_MODES = { "gap", "cap", "prorate" }

local function located(d)
  local where = host.where() or "?"
  d.where = where
  d.file, d.line = where:match("^(.*):(%d+)$")
  d.line = tonumber(d.line)
  return d
end

-- Checks what only makes sense for one kind of declaration, beyond field kinds.
local CHECK = { allocation = allocation.check }

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

CHECK.activity = activity.check

function CHECK.budget(d)
  d.lines = d.extra or {}
  d.extra = nil
end

function CHECK.scenario(d, label)
  d.set = d.extra or {}
  d.extra = nil
  for k in pairs(d.set) do
    if not k:find(".", 1, true) then
      local near = util.nearest(k, schema.field_names(schema.declarations.scenario))
      util.plan_error("%s: '%s' is neither a field of scenario (%s) nor a path like \"tro_cap.amount\"%s", label, k,
        table.concat(schema.field_names(schema.declarations.scenario), ", "),
        near and (" (did you mean '" .. near .. "'?)") or "")
    end
  end
  if d.budget then
    local m, why = schema.enum(M.BUDGET_MODES)(d.budget)
    if not m then util.plan_error("%s: budget must be %s", label, why) end
  end
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

-- A declaration made after the plan was read: from a where function, while the plan is
-- evaluated.
local function sealed_error(kind)
  util.plan_error("%s: declarations are made when the plan is read, at its top level, not while it is " ..
    "evaluated (inside a where function)", kind)
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
      if p.sealed then sealed_error(kind) end
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
    if p.sealed then sealed_error(kind) end
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

-- Runs a plan script (or a scenario file) and returns what it declared, without the
-- checks that need a whole plan.
local function declare(path)
  local p = M.new(path)
  local env = sandbox.plan_env(M.api(p), path)
  sandbox.run_plan(path, env)
  p.sealed = true
  return p
end

local dirname = util.dirname

-- The plan a scenario's base names: a .lua file in the scenario file's own folder or a folder
-- below it, found with the check require makes of a plan's modules (host.inside: links and
-- ".." followed). Nothing outside is opened, so no other file's text can reach a message.
-- Returns the path as the user would write it, and its real path.
local function base_plan(q, d)
  local folder = dirname(q.path)
  local function refuse(why, ...)
    util.fail("plan", "%s: scenario '%s': base %s " .. why, d.where, d.id, d.base, ...)
  end
  if d.base:sub(1, 1) == "/" then
    refuse("is a path from the top of the disk: a scenario's base names its plan relative to the " ..
      "scenario file, in the file's folder (%s) or a folder below it", folder)
  end
  if not d.base:match("%.lua$") then refuse("is not a plan: a plan is a .lua file") end
  local b = folder .. "/" .. d.base
  local real, why = host.inside(folder, b)
  if why == "outside" then
    refuse("leads outside the scenario file's folder (%s): a scenario's base is a plan in that folder " ..
      "or a folder below it", folder)
  elseif not real then
    refuse("is not there: no such plan file (looked for %s)", b)
  end
  return b, real
end

-- A scenario file declares only scenarios, each naming the plan it changes with base
-- (relative to the file). Returns the base plan's path as the user would write it.
local function scenario_base(q)
  if #q.scenarios == 0 or #q.order ~= #q.scenarios then return nil end
  local base, real, first
  for _, d in ipairs(q.scenarios) do
    if not d.base then
      util.fail("plan", "%s: scenario '%s': in a file of its own a scenario names its plan with " ..
        "base = \"the plan's file\" (relative to this file)", d.where, d.id)
    end
    local b, r = base_plan(q, d)
    if real and r ~= real then
      util.fail("plan", "%s: scenario '%s': base %s is not the plan of the file's first scenario (%s, at %s)",
        d.where, d.id, d.base, first.base, first.where)
    end
    base, real, first = base or b, real or r, first or d
  end
  return base
end

-- Adds the scenarios of a scenario file q to the plan p; returns their names.
local function adopt_scenarios(p, q)
  local names = {}
  for _, d in ipairs(q.scenarios) do
    local prev = p.by_id[d.id]
    if prev then
      util.fail("plan", "%s: scenario '%s': the name is already used by the %s at %s", d.where, d.id,
        prev.kind, prev.where)
    end
    p.by_id[d.id] = d
    p.scenarios[#p.scenarios + 1] = d
    names[#names + 1] = d.id
  end
  return names
end

-- Runs the plan script at path (the declare phase) and returns the plan it declared. A
-- scenario file (only scenarios, each with base = ...) loads its base plan, with the
-- file's scenarios added: p.file_scenarios lists them, and p.scenario_file is the file.
function M.load(path, scenario_of)
  local p = declare(path)
  if not p.meta then
    local base = scenario_base(p)
    if not base then
      util.fail("plan", "%s: the plan declares nothing: it needs plan { id = ..., unit = ..., year = ..., ... }", path)
    end
    if scenario_of then
      util.fail("plan", "%s: base %s is a scenario file too; base names a plan", scenario_of.where, path)
    end
    local q = p
    p = M.load(base, q.scenarios[1])
    p.file_scenarios = adopt_scenarios(p, q)
    p.scenario_file = path
    return p
  end
  for _, d in ipairs(p.scenarios) do
    if d.base then
      util.fail("plan", "%s: scenario '%s': base is for scenario files of their own; a scenario inside " ..
        "the plan changes this plan", d.where, d.id)
    end
  end
  p.id = p.meta.id
  p.year = p.meta.year
  p.registry_year = p.meta.registry_year or (p.meta.year - 1)
  return p
end

-- The scenario the command line names: a scenario of the plan, or a scenario file (a
-- path ending in .lua) whose base is this plan and which declares one scenario.
local function find_scenario(p, name)
  if name:match("%.lua$") then
    if not core.fs.exists(name) then util.fail("usage", "--scenario %s: no such scenario file", name) end
    local q = declare(name)
    local base = scenario_base(q)
    if not base then
      util.fail("usage", "--scenario %s: not a scenario file (one that declares only scenarios, each with base = ...)", name)
    end
    if core.fs.realpath(base) ~= core.fs.realpath(p.path) then
      util.fail("usage", "--scenario %s: its scenarios change %s, not %s", name, base, p.path)
    end
    if #q.scenarios ~= 1 then
      local ids = {}
      for i, d in ipairs(q.scenarios) do ids[i] = d.id end
      util.fail("usage", "--scenario %s: the file declares %d scenarios (%s); give one by name after " ..
        "loading the file as the plan: kehoach run %s --scenario NAME", name, #ids, table.concat(ids, ", "), name)
    end
    adopt_scenarios(p, q)
    return q.scenarios[1]
  end
  local d = p.by_id[name]
  if d and d.kind == "scenario" then return d end
  local ids = {}
  for _, x in ipairs(p.scenarios) do ids[#ids + 1] = x.id end
  if #ids == 0 then
    util.fail("usage", "--scenario %s: %s declares no scenarios (write scenario \"%s\" { [\"path\"] = value } " ..
      "in the plan, or give a scenario file)", name, p.path, name)
  end
  local near = util.nearest(name, ids)
  util.fail("usage", "--scenario %s: no such scenario%s; %s declares: %s", name,
    near and (" (did you mean '" .. near .. "'?)") or "", p.path, table.concat(ids, ", "))
end

local function scenario_changes(p, d, out)
  local origin = "scenario " .. d.id
  for _, path in ipairs(util.sorted_keys(d.set)) do
    local e, why = params.find_or_add(p, path)
    if not e then util.fail("plan", "%s: scenario '%s': %s", d.where, d.id, why) end
    local v, bad = params.check(e.kind, d.set[path])
    if v == nil then
      util.fail("plan", "%s: scenario '%s': %s must be %s (%s), not %s", d.where, d.id, path,
        params.KINDS[e.kind].words, bad, tostring(d.set[path]))
    end
    out[#out + 1] = { path = path, value = v, by = origin, added = e.added,
      at = string.format("%s: scenario '%s'", d.where, d.id), kind = "plan" }
  end
end

local function set_changes(p, sets, out)
  for _, text in ipairs(sets) do
    local e, path, value = params.option(p, "--set", text, "PATH=VALUE, like --set tro_cap.amount=300000")
    local v, bad = params.parse(e.kind, value)
    if v == nil then util.fail("usage", "--set %s: %s", text, bad) end
    out[#out + 1] = { path = path, value = v, by = "--set", added = e.added, at = "--set " .. text, kind = "usage" }
  end
end

-- What M.apply_parameters changed, one line each, for the terminal:
--   "scenario tang_tro_cap: tro_cap.amount = 300000 (was 250000)"
function M.describe_parameters(p)
  local out = {}
  local pr = p.parameters
  if not pr then return out end
  for _, c in ipairs(pr.set) do
    local change = string.format("%s = %s (was %s)", c.path, tostring(c.value), tostring(c.was))
    if c.by:match("^follows") then
      out[#out + 1] = change .. ": " .. c.by
    else
      out[#out + 1] = c.by .. (c.by == "--set" and " " or ": ") .. change
    end
  end
  if pr.budget ~= "gap" then out[#out + 1] = "budget: " .. pr.budget end
  return out
end

-- The command-line options of every verb that runs a plan with changes (run, check,
-- compare, sweep, doc): give opts.set, opts.scenario, opts.budget to M.apply_parameters.
M.OPTIONS = {
  { "set", "PATH=VALUE", "change one of the plan's values, e.g. tro_cap.amount=300000", many = true },
  { "scenario", "NAME", "apply a scenario the plan declares (or a scenario file)" },
  { "budget", "MODE", "when a source cannot pay for all: gap (report it; default), cap, prorate" },
}

-- Applies a scenario and --set values to a loaded plan, before it is checked, evaluated
-- or rendered (every verb that takes --set/--scenario calls this once, right after
-- M.load). sets: the PATH=VALUE texts given with --set, applied after the scenario (the
-- command line wins); scenario: a scenario's name, a scenario file's path, or nil (a
-- scenario file loaded as the plan applies its own); budget: --budget's mode or nil.
-- Mistakes on the command line are usage errors (exit 2); in a scenario, plan errors at
-- its line. Sets and returns p.parameters:
--   { scenario = {id, label, file, line} | nil, budget = "gap"|"cap"|"prorate",
--     set = [ {path, value, was, by} ],   by: "scenario NAME", "--set", or "follows the
--                                          quotas" for a stated sum kept in step
--     variant = p.variant | null }
-- and p.variant, the name of the output folder under out/<plan-id>/ (nil for the plan as
-- written): the scenario's name, "set" for --set alone, "budget-cap" for --budget alone,
-- joined by "+" when several apply.
function M.apply_parameters(p, sets, scenario, budget)
  sets = sets or {}
  if budget ~= nil then
    local m, why = schema.enum(M.BUDGET_MODES)(budget)
    if not m then util.fail("usage", "--budget %s: the mode must be %s", budget, why) end
  end
  if scenario == nil and p.file_scenarios then
    if #p.file_scenarios > 1 then
      util.fail("usage", "%s declares %d scenarios (%s): choose one with --scenario NAME", p.scenario_file,
        #p.file_scenarios, table.concat(p.file_scenarios, ", "))
    end
    scenario = p.file_scenarios[1]
  end
  local d = scenario and find_scenario(p, scenario)
  local changes = {}
  if d then scenario_changes(p, d, changes) end
  set_changes(p, sets, changes)
  local done = params.apply(p, changes)
  -- communes given a quota that had none: evaluate names them if the registry does not know them
  p.added_names = {}
  for _, c in ipairs(changes) do
    if c.added then p.added_names[core.text.fold(c.path:match("([^.]+)$"))] = { at = c.at, kind = c.kind } end
  end
  local list = json.array()
  for i, c in ipairs(done) do
    local by = c.follows and ("follows " .. c.follows) or changes[i].by
    list[i] = { path = c.path, value = c.to, was = c.from, by = by }
  end
  local mode = budget or (d and d.budget) or "gap"
  p.budget_mode = mode
  p.parameters = {
    scenario = d and { id = d.id, label = d.label, file = d.file, line = d.line } or json.null,
    budget = mode,
    set = list,
  }
  local parts = {}
  if d then parts[#parts + 1] = d.id end
  if #sets > 0 then parts[#parts + 1] = "set" end
  if budget and budget ~= ((d and d.budget) or "gap") then parts[#parts + 1] = "budget-" .. budget end
  p.variant = #parts > 0 and table.concat(parts, "+") or nil
  p.parameters.variant = p.variant or json.null
  return p.parameters
end

return M
