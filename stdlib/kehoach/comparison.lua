-- comparison.lua — the figures of `kehoach compare` (verbs/compare.lua; worded by
-- render/comparison.lua): the plan as written and its variants (scenarios, --set values,
-- a budget mode) side by side. Each is a run of kehoach.pipeline of its own (the plan
-- loaded afresh, its parameters applied, evaluated with the budget mode and projection);
-- nothing is written to the results database.
--
--   M.variants(p, opts) -> the variants to compare with the plan as written
--   M.evaluate(path, variants, opts) -> summaries (the first: the plan as written), or nil,
--                                       the variant that failed and its messages
--   M.build(summaries, variants) -> the comparison (compare.json's shape, below)
local pipeline = require "kehoach.pipeline"
local json = require "kehoach.json"
local util = require "kehoach.util"

local M = {}

-- What to compare the plan with: one variant per --scenario (each with --set and --budget
-- on top), or the scenarios of a scenario file given as PLAN, or else one variant "set"
-- with --set and --budget. Each: { name, scenario, set, budget }.
function M.variants(p, opts)
  local sets = opts.set or {}
  local names = opts.scenario or p.file_scenarios or {}
  if type(names) == "string" then names = { names } end
  local out = {}
  for _, name in ipairs(names) do
    out[#out + 1] = { scenario = name, set = sets, budget = opts.budget }
  end
  if #out == 0 then
    if #sets == 0 and not opts.budget then
      util.fail("usage", "kehoach compare: nothing to compare the plan with: give --scenario NAME (repeatable), " ..
        "--set PATH=VALUE or --budget MODE")
    end
    out[1] = { set = sets, budget = opts.budget }
  end
  return out
end

-- Evaluates the plan as written and each variant; returns their summaries in order and
-- sets each variant's name (p.variant) and label. opts: db (registry), standard.
function M.evaluate(path, variants, opts)
  local r = pipeline.run(path, { db = opts.db, standard = opts.standard, as_written = true })
  if r.errors then return nil, "the plan as written", r.messages end
  local summaries = { r.summary }
  for i, v in ipairs(variants) do
    r = pipeline.run(path, { db = opts.db, standard = opts.standard, set = v.set, scenario = v.scenario,
      budget = v.budget })
    local p = r.plan
    v.name = p.variant or "plan"
    v.label = type(p.parameters.scenario) == "table" and p.parameters.scenario.label or nil
    if r.errors then return nil, "variant '" .. v.name .. "'", r.messages end
    summaries[i + 1] = r.summary
  end
  return summaries
end

-- ---- the comparison ------------------------------------------------------------------------

-- A row of figures: values by variant, and each one's difference from the plan as written.
local function series(summaries, get)
  local values, diff = json.array(), json.array()
  for i, s in ipairs(summaries) do
    local v = get(s)
    values[i] = v == nil and json.null or v
    local base = values[1]
    diff[i] = (type(v) == "number" and type(base) == "number") and (v - base) or json.null
  end
  return { values = values, diff = diff }
end

local function find(list, id)
  for _, x in ipairs(list) do
    if x.id == id then return x end
  end
end

local function projection(s)
  return type(s.projection) == "table" and s.projection or nil
end

-- The comparison, compare.json's shape:
--   plan {id, title, unit, year, standard, standard_title}
--   variants [{name, label, scenario, budget, set}]   the first is the plan as written
--   programmes [{id, label, amount {basis, vnd, noun} | null, cost, need, households,
--                persons}]   each figure a series: {values [by variant], diff [value - first]}
--   reports [{id, label}]                   the plan's reports (a changed due date's name)
--   total_cost, total_need                  series
--   sources [{id, label, declared, need, spent, balance}]   balance = declared - need
--                                           (negative: a gap; positive: a surplus)
--   communes [{name, households, persons, poor, rate, escapes}]   households and persons
--                                           reached; poor and rate at year end (projected)
--   city {households, persons, poor, rate, escapes}
--   targets [{id, label, households, projected, short_by, met [bool], short [{commune: n}]}]
function M.build(summaries, variants)
  local base = summaries[1]
  local out = {
    plan = { id = base.plan.id, title = base.plan.title, unit = base.plan.unit, year = base.plan.year,
      standard = base.plan.standard, standard_title = base.plan.standard_title, unit_title = base.plan.unit_title,
      children = base.plan.children },
  }
  local vs = json.array({ { name = "plan", label = "Kế hoạch", budget = "gap", set = json.array() } })
  for i, v in ipairs(variants) do
    local pr = summaries[i + 1].parameters
    vs[#vs + 1] = { name = v.name, label = v.label or json.null, scenario = v.scenario or json.null,
      budget = pr.budget, set = pr.set }
  end
  out.variants = vs

  out.programmes = json.array()
  for _, g in ipairs(base.programmes) do
    local function field(k) return series(summaries, function(s) return find(s.programmes, g.id)[k] end) end
    out.programmes[#out.programmes + 1] = { id = g.id, label = g.label, amount = g.amount, cost = field("cost"),
      need = field("need"), households = field("households"), persons = field("persons") }
  end
  out.reports = json.array()
  for _, r in ipairs(base.reports) do out.reports[#out.reports + 1] = { id = r.id, label = r.label } end
  out.total_cost = series(summaries, function(s) return s.budget.total_spent end)
  out.total_need = series(summaries, function(s) return s.budget.total_computed end)

  out.sources = json.array()
  for _, x in ipairs(base.budget.sources) do
    local function field(get) return series(summaries, function(s) return get(find(s.budget.sources, x.id)) end) end
    out.sources[#out.sources + 1] = { id = x.id, label = x.label, short = x.short,
      declared = field(function(y) return type(y.declared) == "number" and y.declared or nil end),
      need = field(function(y) return y.computed end),
      spent = field(function(y) return y.spent end),
      balance = field(function(y) return type(y.declared) == "number" and (y.declared - y.computed) or nil end) }
  end

  out.communes = json.array()
  for _, name in ipairs(base.communes) do
    local function reached(k)
      return series(summaries, function(s)
        local r = s.reached.by_commune[name]
        return r and r[k] or 0
      end)
    end
    local function projected(get)
      return series(summaries, function(s)
        local pr = projection(s)
        return pr and get(pr) or nil
      end)
    end
    out.communes[#out.communes + 1] = { name = name, households = reached("households"), persons = reached("persons"),
      poor = projected(function(pr) return pr.year_end.poor[name] end),
      rate = projected(function(pr) return pr.year_end.rate_by_commune[name] end),
      escapes = projected(function(pr) return pr.year_end.escapes[name] end) }
  end
  local function city(get)
    return series(summaries, function(s)
      local pr = projection(s)
      return pr and get(pr) or nil
    end)
  end
  out.city = { households = series(summaries, function(s) return s.reached.households end),
    persons = series(summaries, function(s) return s.reached.persons end),
    poor = city(function(pr) return pr.year_end.poor_total end),
    rate = city(function(pr) return pr.year_end.rate end),
    escapes = city(function(pr) return pr.year_end.escapes_total end) }

  out.targets = json.array()
  for _, g in ipairs(base.targets) do
    local function field(k)
      return series(summaries, function(s)
        local pr = projection(s)
        local t = pr and find(pr.targets, g.id)
        return t and t[k] or nil
      end)
    end
    local met, short = json.array(), json.array()
    for i, s in ipairs(summaries) do
      local pr = projection(s)
      local t = pr and find(pr.targets, g.id)
      if t then met[i], short[i] = t.met, t.short else met[i], short[i] = json.null, json.null end
    end
    out.targets[#out.targets + 1] = { id = g.id, label = g.label or json.null,
      households = series(summaries, function(s) return find(s.targets, g.id).households end),
      projected = field("projected"), short_by = field("short_by"), met = met, short = short }
  end
  return out
end

return M
