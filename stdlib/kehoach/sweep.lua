-- sweep.lua — one of the plan's values over a range, one row of results per value. What
-- the value cannot change is computed once: the selection (every support's eligible
-- households, ranked) always; then, for each value, only the stages of the allocation
-- the value reaches (kehoach.plan.params says which: an amount is priced again, a quota
-- chooses again, a budget line funds again) and the projection only when allocations,
-- funding or effects can have changed. Every value is evaluated under one scratch run,
-- exactly as `kehoach run --set PATH=VALUE` would evaluate it.
--
--   M.parse(p, text) -> { path, entry, kind, from, to, step, values }  (--vary PATH=FROM:TO:STEP)
--   M.run(path, opts) -> rows, sweep (or nil, the value that failed, its messages)
--   M.columns(sweep) -> the CSV columns;  M.fields(sweep, row) -> one line's fields
local params = require "kehoach.plan.params"
local check = require "kehoach.plan.check"
local pipeline = require "kehoach.pipeline"
local project = require "kehoach.project"
local util = require "kehoach.util"

local M = {}

M.MAX_POINTS = 1000

local NUMERIC = { count = true, money = true, number = true, share = true }

-- The values of --vary PATH=FROM:TO:STEP for plan p, read by the path's kind.
function M.parse(p, text)
  local e, path, range = params.option(p, "--vary", text,
    "PATH=FROM:TO:STEP, like --vary tro_cap.amount=250000:400000:10000")
  if not NUMERIC[e.kind] then
    util.fail("usage", "--vary %s: %s is %s, not a number that can be varied over a range", text, e.path,
      params.KINDS[e.kind].words)
  end
  local parts = {}
  for part in (range .. ":"):gmatch("([^:]*):") do parts[#parts + 1] = part end
  if #parts ~= 3 then
    util.fail("usage", "--vary %s: give FROM:TO:STEP after the path, like %s=250000:400000:10000", text, e.path)
  end
  local nums = {}
  for i, name in ipairs({ "FROM", "TO", "STEP" }) do
    local v, bad = params.parse(e.kind, parts[i])
    if v == nil then util.fail("usage", "--vary %s: %s: %s", text, name, bad) end
    nums[i] = v
  end
  local from, to, step = nums[1], nums[2], nums[3]
  if step <= 0 then util.fail("usage", "--vary %s: STEP must be more than 0", text) end
  if to < from then util.fail("usage", "--vary %s: TO (%s) is below FROM (%s)", text, parts[2], parts[1]) end
  local n = math.floor((to - from) / step + 1e-9) + 1
  if n > M.MAX_POINTS then
    util.fail("usage", "--vary %s: %d values; at most %d (take a larger STEP)", text, n, M.MAX_POINTS)
  end
  local list = {}
  for i = 0, n - 1 do
    local v = from + i * step
    if math.type(from) == "integer" and math.type(step) == "integer" then
      list[#list + 1] = v
    else
      list[#list + 1] = tonumber(string.format("%.10g", v))
    end
  end
  return { path = e.path, text = path, entry = e, kind = e.kind, from = from, to = to, step = step, values = list }
end

-- One row of results from a summary: what sweep.csv holds.
local function row_of(s, value)
  local r = { value = value, cost = s.budget.total_spent, need = s.budget.total_computed,
    households = s.reached.households, persons = s.reached.persons, gap = {}, short = {} }
  for _, x in ipairs(s.budget.sources) do r.gap[x.id] = x.gap end
  local pr = type(s.projection) == "table" and s.projection or nil
  if pr then
    r.escapes, r.poor, r.rate = pr.year_end.escapes_total, pr.year_end.poor_total, pr.year_end.rate
    for _, g in ipairs(pr.targets) do r.short[g.id] = g.short_by end
  end
  r.warnings = check.count(s.checks).warning
  return r
end

-- Runs the sweep. opts: vary (the --vary text), set, scenario, budget, db, standard.
-- Returns the rows (value, cost, need, households, persons, gap {source: đồng}, escapes,
-- poor, rate, short {target: households}, warnings), the sweep (M.parse's, with
-- sources, targets, plan, stages: how often each stage was done, the
-- first value included: prepare (the selection), choose (the allocation: who is chosen),
-- price (the amounts, and the budget mode's funding), project) and the plan as run; or
-- nil, the value in error, its messages and the plan.
function M.run(path, opts)
  local rows, sw = {}, nil
  -- the range, read from the plan once its parameters are applied
  local function vary(p)
    sw = M.parse(p, opts.vary)
    local e = sw.entry
    if e.stage == "prepare" then
      util.fail("usage", "--vary %s: %s changes who is selected; compare it with --set instead", opts.vary, e.path)
    end
    local mode = p.budget_mode or "gap"
    return { values = sw.values, from = e.stage, only = e.decl.kind == "support" and e.decl.id or nil,
      reproject = e.reproject == true or (e.reproject == "budget" and mode ~= "gap"),
      apply = function(_, v) params.apply(p, { { path = sw.text, value = v } }) end,
      each = function(r, i, v) rows[i] = row_of(r.summary, v) end }
  end
  local r = pipeline.run(path, { db = opts.db, standard = opts.standard, set = opts.set, scenario = opts.scenario,
    budget = opts.budget, vary = vary })
  if r.errors then return nil, r.value, r.messages, r.plan end
  local p = r.plan
  sw.stages = r.stages
  sw.plan = { id = p.id, title = p.meta.title, unit = p.meta.unit, year = p.year }
  sw.sources, sw.targets = {}, {}
  for _, s in ipairs(p.sources) do sw.sources[#sw.sources + 1] = { id = s.id, label = s.short or s.label } end
  for _, g in ipairs(p.targets) do sw.targets[#sw.targets + 1] = { id = g.id, label = g.label, households = g.households } end
  sw.projects = #project.effects(p) > 0
  return rows, sw, p
end

-- The columns of sweep.csv, in order.
function M.columns(sw)
  local cols = { sw.path, "cost", "need" }
  for _, s in ipairs(sw.sources) do cols[#cols + 1] = "gap_" .. s.id end
  for _, c in ipairs({ "households", "persons" }) do cols[#cols + 1] = c end
  if sw.projects then
    for _, c in ipairs({ "escapes", "poor", "rate" }) do cols[#cols + 1] = c end
    for _, g in ipairs(sw.targets) do cols[#cols + 1] = "short_" .. g.id end
  end
  cols[#cols + 1] = "warnings"
  return cols
end

-- One row's fields, in the order of M.columns.
function M.fields(sw, r)
  local out = { r.value, r.cost, r.need }
  for _, s in ipairs(sw.sources) do out[#out + 1] = r.gap[s.id] end
  out[#out + 1] = r.households
  out[#out + 1] = r.persons
  if sw.projects then
    out[#out + 1] = r.escapes
    out[#out + 1] = r.poor
    out[#out + 1] = string.format("%.2f", r.rate)
    for _, g in ipairs(sw.targets) do out[#out + 1] = r.short[g.id] end
  end
  out[#out + 1] = r.warnings
  for i, v in ipairs(out) do out[i] = tostring(v) end
  return out
end

return M
