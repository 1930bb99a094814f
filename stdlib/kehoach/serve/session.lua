-- session.lua — the workbench's evaluations: one plan, one registry, one scratch
-- connection kept open for the life of `kehoach serve`. The selection (phases 4-5 of
-- kehoach.pipeline) is done once; each change is evaluated as `kehoach run --set ...`
-- would evaluate it, from the first stage of phase 6 the change reaches (as kehoach sweep
-- does per value): an amount is priced again, a quota chooses again, a budget line funds
-- again; then the projection and the summary. Nothing here computes a figure itself.
--
--   M.open(path, opts) -> session     opts: db (the registry)
--   session:form() -> the plan as written: its inputs (kehoach.plan.params), scenarios,
--                     budget mode
--   session:evaluate(values) -> ev     values: { set = {path -> text}, scenario = id|nil,
--                     budget = mode|nil }; ev: { summary, plan, result, errors = {path ->
--                     message}, messages (when the plan has errors), failed = message }
--   session:explain(values, code) -> text, or nil and why
--   session:sets(values) -> the --set texts the values stand for (checked), and errors
--   session:close()
local plan = require "kehoach.plan"
local params = require "kehoach.plan.params"
local check = require "kehoach.plan.check"
local pipeline = require "kehoach.pipeline"
local summary = require "kehoach.summary"
local words = require "kehoach.render.messages"
local explain = require "kehoach.explain"
local project = require "kehoach.project"
local projection = require "kehoach.render.projection"
local util = require "kehoach.util"

local host = core.host

local M = {}
local Session = {}
Session.__index = Session

-- The processor time one evaluation may take (the command's own limit, --max-time, wins).
M.SECONDS_PER_EVALUATION = 120

-- An error raised by the engine or the stdlib, as one line for the page.
function M.message(err)
  if type(err) == "table" and err.message then return tostring(err.message) end
  return tostring(err)
end

function M.open(path, opts)
  local self = setmetatable({ path = path, db_path = opts.db or pipeline.DEFAULT_REGISTRY }, Session)
  local p = plan.load(path)
  plan.apply_parameters(p, {}, nil, nil)
  self.base = p
  return self
end

-- The plan as written, for the form: { entries = params.list, scenarios, budget_mode, plan,
-- communes (the plan's children, in the registry's order, once an evaluation has named them) }.
function Session:form()
  local p = self.base
  local s = self.current and self.current.summary
  return { plan = p, entries = params.list(p), scenarios = p.scenarios, budget_mode = p.budget_mode or "gap",
    communes = s and s.communes or {}, children = s and s.plan.children or nil }
end

-- The --set texts for values.set, in the plan's order of paths (then the added ones by
-- name), each checked as --set checks it; a value equal to the plan's is left out.
-- Returns the texts and { path -> message } for those that are wrong.
function Session:sets(values)
  local p = self.base
  local out, errors = {}, {}
  local given = values.set or {}
  local order = {}
  for _, e in ipairs(params.list(p)) do
    if given[e.path] ~= nil then order[#order + 1] = e.path end
  end
  local seen = {}
  for _, path in ipairs(order) do seen[path] = true end
  for _, path in ipairs(util.sorted_keys(given)) do
    if not seen[path] then order[#order + 1] = path end
  end
  for _, path in ipairs(order) do
    local text = given[path]
    local e, why = params.find_or_add(p, path)
    if type(text) ~= "string" then
      errors[path] = "--set " .. path .. ": the value must be text"
    elseif not e then
      errors[path] = "--set " .. path .. "=" .. text .. ": " .. why
    else
      local v, bad = params.parse(e.kind, text)
      if v == nil then
        errors[path] = "--set " .. path .. "=" .. text .. ": " .. bad
      elseif v ~= e.get() then  -- (a commune added to a quota "was" 0)
        out[#out + 1] = path .. "=" .. text
      end
    end
  end
  return out, errors
end

-- The values a run's parameters settled, by path, and the budget mode: what the next
-- evaluation is compared with to know which stages it must do again.
local function settled(p)
  local by_path = {}
  for _, c in ipairs(p.parameters.set) do by_path[c.path] = c.value end
  local added = util.sorted_keys(p.added_names or {})
  return { values = by_path, mode = p.budget_mode or "gap", added = table.concat(added, "\n") }
end

local ORDER = { prepare = 0, choose = 1, price = 2, fund = 3, figures = 4 }

-- The first stage to do again from `last` to `now` (plan p, as now applied), the one
-- support a choose-stage change is limited to, if one, and whether the projection must be
-- made again (kehoach.plan.params's reproject, as kehoach sweep reads it).
local function first_stage(p, last, now)
  if not last or last.added ~= now.added then return "prepare", nil, true end
  local from = "figures"
  local reproject = false
  if last.mode ~= now.mode then from, reproject = "price", true end
  local only, many = nil, false
  local function reach(path)
    local e = params.find(p, path)
    local stage = e and e.stage or "prepare"
    if ORDER[stage] < ORDER[from] then from = stage end
    if not e or e.reproject == true or (e.reproject == "budget" and now.mode ~= "gap") then reproject = true end
    if stage == "choose" then
      local id = e.decl.kind == "support" and e.decl.id or nil
      if not id or (only and only ~= id) then many = true end
      only = only or id
    end
  end
  for path, v in pairs(now.values) do
    if last.values[path] ~= v then reach(path) end
  end
  for path in pairs(last.values) do
    if now.values[path] == nil then reach(path) end
  end
  if ORDER[from] <= ORDER.choose then reproject = true end
  return from, (from == "choose" and not many) and only or nil, reproject
end

-- The plan loaded again and the values applied, as `kehoach run --set ... --scenario ...
-- --budget ...` would: returns p, or nil and { path -> message } / a message.
function Session:apply(values)
  local sets, errors = self:sets(values)
  local p = plan.load(self.path)
  local scenario = values.scenario
  if scenario ~= nil and (type(scenario) ~= "string" or scenario:match("%.lua$")) then
    return nil, errors, "--scenario: not one of the plan's scenarios"
  end
  local budget = values.budget
  if budget == "gap" and not scenario then budget = nil end
  local ok, err = pcall(plan.apply_parameters, p, sets, scenario, budget)
  if not ok then return nil, errors, M.message(err) end
  return p, errors
end

-- Phases 2-8 for values (see the file's comment).
function Session:evaluate(values)
  host.budget()
  host.time_limit(M.SECONDS_PER_EVALUATION, "an evaluation of the workbench")
  local p, errors, failed = self:apply(values)
  if not p then return { errors = errors, failed = failed } end
  p.registry_file = self.db_path
  local static = pipeline.static_checks(p)
  if check.count(static).error > 0 then
    return { errors = errors, messages = words.word(static), plan = p }
  end
  if not self.db then
    self.db, self.run = pipeline.open(p, { db = self.db_path })
  end
  local now = settled(p)
  local from, only, reproject = first_stage(p, self.last, now)
  -- until this evaluation is through: a failure leaves the scratch tables unknown
  self.last, self.projected = nil, (self.last and self.projected) or nil
  if from == "prepare" then
    local ctx, messages = pipeline.select(self.db, p, {}, static)
    if not ctx then return { errors = errors, messages = words.word(messages), plan = p } end
    self.ctx, from, only = ctx, "choose", nil
    self.ctx.figures = nil
  end
  local result = pipeline.allot(self.db, p, self.ctx, self.run, from, only)
  if check.count(result.messages).error > 0 then
    return { errors = errors, messages = words.word(result.messages, result.units), plan = p }
  end
  result.projection, self.projected = pipeline.project(self.db, p, result, self.run,
    not reproject and self.projected or nil)
  local s = summary.build(p, result, words.word(result.messages, result.units))
  self.last = now
  self.current = { plan = p, result = result, summary = s, key = self.key(values) }
  return { summary = s, plan = p, result = result, errors = errors, from = from }
end

-- A key for values: the same values give the same key.
function M.key(values)
  local parts = { tostring(values.scenario), tostring(values.budget) }
  for _, path in ipairs(util.sorted_keys(values.set or {})) do
    parts[#parts + 1] = path .. "=" .. tostring(values.set[path])
  end
  return table.concat(parts, "\0")
end
Session.key = M.key

-- Why household code gets each support or not under values, as `kehoach explain` says it.
function Session:explain(values, code)
  if not (self.current and self.current.key == M.key(values)) then
    local ev = self:evaluate(values)
    if not ev.summary then return nil, "Kế hoạch với các giá trị này đang có lỗi; sửa lỗi trước." end
  end
  local cur = self.current
  local p, result = cur.plan, cur.result
  local h, why = explain.household(self.db, p, result, code)
  if not h then return nil, why end
  local entries = explain.programmes(self.db, p, result, h)
  local text = explain.text(p, result, h, entries)
  local projected = projection.household_lines(project.household(self.db, p, h.code), p.year)
  if #projected > 0 then text = text .. table.concat(projected, "\n") .. "\n" end
  return text
end

function Session:close()
  if self.db then self.db:close() end
  self.db, self.ctx, self.last, self.current, self.projected = nil, nil, nil, nil, nil
end

return M
