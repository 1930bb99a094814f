-- check.lua — what can be checked in a plan without the registry: every sum that must
-- agree (quarters -> communes -> total; quotas -> stated counts; programme costs ->
-- budget lines -> total), dates and schedules, names of sources, agencies and parameters,
-- and commune names that look like slips of one another.
--
-- M.run(p, opts) returns the list of messages { level = "error"|"warning"|"info", code,
-- file, line, decl, facts } in declaration order: facts, which kehoach.render.messages
-- words (message in English, message_vi in Vietnamese). opts.registry: the
-- plan is checked with a registry at hand (kehoach check --db, or evaluated by
-- kehoach.pipeline), so commune names are checked there rather than by the slip
-- heuristic, and a source whose cost waits for the registry is not reported as uncosted.
local util = require "kehoach.util"
local schema = require "kehoach.plan.schema"
local values = require "kehoach.plan.values"
local params = require "kehoach.plan.params"
local standards = require "kehoach.standards"
local expect = require "kehoach.plan.expect"

local text = core.text

local M = {}

local sum = params.list_sum
M.sum = sum

local function by_key(list)
  local t = {}
  for _, c in ipairs(list or {}) do t[c.key] = c end
  return t
end

-- A message list with one way to add to it: add(level, code, d, facts), d the
-- declaration the message is about, facts what the check found (see
-- kehoach.render.messages, which words them by code).
function M.messages()
  local list = {}
  local function add(level, code, d, facts)
    list[#list + 1] = { level = level, code = code, file = d and d.file, line = d and d.line, seq = #list + 1,
      decl = d, facts = facts or {} }
  end
  return list, add
end

-- The agency a reference names (its id, or its name after folding), or nil and the
-- nearest id or name (nil when none is near).
function M.agency(p, ref)
  local d = p.by_id[ref]
  if d and d.kind == "agency" then return d end
  local key = text.fold(ref)
  local names = {}
  for _, a in ipairs(p.agencies) do
    if text.fold(a.name) == key or (a.short and text.fold(a.short) == key) then return a end
    names[#names + 1] = a.id
    names[#names + 1] = a.name
  end
  return nil, util.nearest(ref, names)
end

-- The households a support is stated to reach: its households, else its quotas' sum.
function M.stated_households(d)
  return d.households or (d.quota and sum(d.quota))
end

-- What a support costs by the counts the plan states, or nil and what is missing
-- ("persons", "households" or "units": a key of kehoach.render.messages.MISSING).
-- The product of whole numbers, or a plan error at d's line when it passes what kehoach
-- counts in đồng (integers would wrap round to a negative sum).
local function too_much(d, f, what)
  if f > values.MAX_SUM then
    util.fail("plan", "%s:%d: %s '%s': %s is more than %s đồng, more than kehoach can count; " ..
      "check its amount and counts", d.file, d.line, d.kind, d.id, what or "its stated cost",
      util.group_digits(values.MAX_SUM))
  end
end

local function product(d, ...)
  local n, f = 1, 1.0
  for _, x in ipairs({ ... }) do n, f = n * x, f * x end
  too_much(d, f)
  return n
end

function M.stated_cost(d)
  local a = d.amount
  if not a then return 0 end
  local hh = M.stated_households(d)
  if a.basis == "person_month" then
    if not d.persons then return nil, "persons" end
    return product(d, d.persons, a.vnd, d.period.months)
  elseif a.basis == "person" then
    if not d.persons then return nil, "persons" end
    return product(d, d.persons, a.vnd)
  elseif a.basis == "household" then
    if not hh then return nil, "households" end
    return product(d, hh, a.vnd)
  else
    if d.units then return product(d, d.units, a.vnd) end
    if not hh then return nil, "units" end
    return product(d, d.units_per_household, hh, a.vnd)
  end
end

local function check_target(d, add)
  local communes = d.by_commune
  if communes and sum(communes) ~= d.households then
    add("error", "target-communes", d, { sum = sum(communes), stated = d.households })
  end
  local quarters, any_quarter = {}, false
  for q = 1, 4 do
    local list = d["Q" .. q]
    if list then
      any_quarter = true
      quarters[q] = sum(list)
      local stated = d.quarter_totals and d.quarter_totals["Q" .. q]
      if stated and stated ~= quarters[q] then
        add("error", "target-quarter", d, { quarter = q, sum = quarters[q], stated = stated })
      end
    elseif d.quarter_totals and d.quarter_totals["Q" .. q] then
      quarters[q] = d.quarter_totals["Q" .. q]
    end
  end
  if next(quarters) then
    local total = 0
    for q = 1, 4 do total = total + (quarters[q] or 0) end
    if total ~= d.households then
      add("error", "target-quarters", d, { sum = total, stated = d.households })
    end
  end
  if communes and any_quarter then
    local by_quarters, names = {}, {}
    for q = 1, 4 do
      for _, c in ipairs(d["Q" .. q] or {}) do
        by_quarters[c.key] = (by_quarters[c.key] or 0) + c.n
        names[c.key] = names[c.key] or c.name
      end
    end
    local stated = by_key(communes)
    for _, c in ipairs(communes) do
      if (by_quarters[c.key] or 0) ~= c.n then
        add("error", "target-commune-quarters", d,
          { commune = c.name, by_commune = c.n, by_quarters = by_quarters[c.key] or 0 })
      end
    end
    for _, key in ipairs(util.sorted_keys(by_quarters)) do
      if not stated[key] then
        add("error", "target-commune-quarters", d, { commune = names[key], by_quarters = by_quarters[key] })
      end
    end
  end
end

-- The source the plan declares under id, or nil.
local function source_of(p, id)
  local s = p.by_id[id]
  return s and s.kind == "source" and s or nil
end

-- The declared source nearest to an id that names none, or nil.
local function nearest_source(p, id)
  local ids = {}
  for _, x in ipairs(p.sources) do ids[#ids + 1] = x.id end
  return util.nearest(id, ids)
end

local function check_support(p, d, add)
  local year = p.meta.year
  if d.quota and d.households and sum(d.quota) ~= d.households then
    add("error", "quota-sum", d, { sum = sum(d.quota), stated = d.households })
  end
  if d.quota and d.scope then
    local inside = {}
    for _, n in ipairs(d.scope) do inside[text.fold(n)] = true end
    for _, c in ipairs(d.quota) do
      if not inside[c.key] then
        add("warning", "quota-scope", d, { commune = c.name, quota = c.n, scope = d.scope })
      end
    end
  end
  local a = d.amount
  if a and a.basis == "unit" then
    -- what one household gets must be a sum kehoach can count, whatever the registry
    if d.units_per_household then too_much(d, 1.0 * d.units_per_household * a.vnd, "what one household gets") end
    local hh = M.stated_households(d)
    if d.units and d.units_per_household and hh and d.units ~= d.units_per_household * hh then
      add("error", "units-households", d,
        { units = d.units, noun = a.noun, households = hh, each = d.units_per_household })
    elseif d.units and not d.units_per_household and hh and hh > 0 and d.units ~= hh then
      add("warning", "units-households", d, { units = d.units, noun = a.noun, households = hh })
    end
  end
  -- the words the plan document prints for it: placeholders it fills, or parameter paths
  local fills = {}
  for _, w in ipairs(schema.FILLS) do fills[w] = true end
  local function check_words(field, i, s)
    local ok, why, path, near = params.expand(p, (s:gsub("{([%w_]+)}", function(w)
      if fills[w] then return "" end
    end)), function(v) return tostring(v) end)
    if not ok then
      add("error", "unknown-parameter", d, { field = field, item = i, why = why, path = path, near = near })
    end
  end
  for i, s in ipairs(d.text or {}) do check_words("text", i, s) end
  if d.budget_label then check_words("budget_label", nil, d.budget_label) end
  for _, w in ipairs(d.show or {}) do
    local known = false
    for _, k in ipairs(schema.SHOW) do known = known or k == w end
    if not known then
      add("error", "unknown-show", d, { value = w, known = schema.SHOW, near = util.nearest(w, schema.SHOW) })
    end
  end
  if d.completed_by and d.period and d.completed_by.to < d.period.to then
    add("warning", "schedule", d, { period = d.period, completed_by = d.completed_by, year = year })
  end
  if d.effect and d.effect.from and d.period and d.effect.from.from < d.period.from then
    add("warning", "effect-before-support", d, { effect_from = d.effect.from, period = d.period, year = year })
  end
  if d.source and not source_of(p, d.source) then
    add("error", "unknown-source", d, { ref = d.source, near = nearest_source(p, d.source) })
  end
  for _, field in ipairs({ "by", "with" }) do
    for _, ref in ipairs(d[field] or {}) do
      local ag, near = M.agency(p, ref)
      if not ag then add("error", "unknown-agency", d, { field = field, ref = ref, near = near }) end
    end
  end
end

local function check_budget(p, add, costs, opts)
  local b = p.budget
  if not b then
    for _, d in ipairs(p.supports) do
      if d.amount and d.source then
        add("warning", "no-budget", d, { source_id = d.source, source = source_of(p, d.source) })
      end
    end
    return
  end
  local lines = util.sorted_keys(b.lines)
  local total = 0
  for _, id in ipairs(lines) do
    total = total + b.lines[id]
    if not source_of(p, id) then
      add("error", "unknown-source", b, { ref = id, near = nearest_source(p, id) })
    end
  end
  if #lines > 0 and total ~= b.total then
    add("error", "budget-total", b, { sum = total, total = b.total })
  end
  for _, s in ipairs(p.sources) do
    local c = costs[s.id]
    local line = b.lines[s.id]
    if c and c.uncosted then
      -- the run costs it from the households it chooses, and checks that against the line
      if not opts.registry then
        add("info", "budget-uncosted", b, { source = s, support = c.uncosted.support, missing = c.uncosted.missing })
      end
    elseif c and line == nil then
      add("warning", "budget-missing-line", b, { source = s, cost = c.cost })
    elseif c and c.cost ~= line and not (opts.costed and opts.costed[s.id] == c.cost) then
      -- (when the registry's need is the stated cost, the run says it once, as cost-over-budget)
      add("warning", c.cost > line and "budget-gap" or "budget-surplus", b,
        { source = s, line = line, cost = c.cost, parts = c.parts })
    elseif not c and line == nil then
      add("warning", "source-unused", s)
    end
  end
end

-- The stated cost of each source's programmes: { [source] = {cost, parts = { {support,
-- cost} }, uncosted = {support, missing} (the last support whose cost the plan leaves to
-- the registry; see M.stated_cost)} }.
function M.costs_by_source(p)
  local out = {}
  for _, d in ipairs(p.supports) do
    if d.source and d.amount then
      local c = out[d.source] or { cost = 0, parts = {} }
      out[d.source] = c
      local cost, missing = M.stated_cost(d)
      if cost then
        too_much(d, c.cost + 0.0 + cost)
        c.cost = c.cost + cost
        c.parts[#c.parts + 1] = { support = d, cost = cost }
      else
        c.uncosted = { support = d, missing = missing }
      end
    end
  end
  return out
end

local function check_reports(p, add)
  local year = p.meta.year
  for _, d in ipairs(p.reports) do
    for _, ref in ipairs(d.to) do
      local ag, near = M.agency(p, ref)
      if not ag then add("error", "unknown-agency", d, { field = "to", ref = ref, near = near }) end
    end
    if not d.due and not d.when then
      add("warning", "report-when", d)
    end
    if d.due then
      if d.due.year < year or d.due.year > year + 1 then
        add("error", "report-date", d, { due = d.due, year = year })
      elseif d.covers and d.due.year == year and d.due.month < d.covers.from then
        add("error", "report-date", d, { due = d.due, covers = d.covers, year = year })
      end
    end
  end
end

local function check_meta(p, add)
  local m = p.meta
  local std, why = standards.of_plan(p)
  if not std then
    add("error", "unknown-standard", m, { standard = m.standard, why = why, known = standards.names() })
  elseif m.year < std.from_year or m.year > std.to_year then
    add("warning", "standard-years", m, { standard = std, year = m.year, current = standards.find(m.year) })
  end
  if m.issued and m.issued.year ~= m.year and m.issued.year ~= m.year - 1 then
    add("warning", "plan-date", m, { issued = m.issued, year = m.year })
  end
  if m.registry_year and m.registry_year > m.year then
    add("warning", "registry-year", m, { registry_year = m.registry_year, year = m.year })
  end
  for i, s in ipairs(m.objectives or {}) do
    local ok, why, path, near = params.expand(p, s, function(v) return tostring(v) end)
    if not ok then
      add("error", "unknown-parameter", m, { objective = i, why = why, path = path, near = near })
    end
  end
  for _, d in ipairs(p.scenarios) do
    for _, path in ipairs(util.sorted_keys(d.set)) do
      local e, why, near = params.find_or_add(p, path)
      if not e then
        add("error", "unknown-parameter", d, { why = why, path = path, near = near })
      else
        local v, bad = params.check(e.kind, d.set[path])
        if v == nil then
          add("error", "parameter-kind", d, { path = path, kind = e.kind, words = params.KINDS[e.kind].words,
            why = bad, value = d.set[path] })
        end
      end
    end
  end
end

-- Every commune name the plan writes, with the declaration it is in.
function M.commune_names(p)
  local out = {}
  local function add(name, d) out[#out + 1] = { name = name, key = text.fold(name), decl = d } end
  local function from_selector(sel, d)
    for _, n in ipairs(sel.commune or {}) do add(n, d) end
    for _, s in ipairs(sel.any or {}) do from_selector(s, d) end
  end
  for _, d in ipairs(p.order) do
    if d.kind == "target" then
      for _, f in ipairs({ "by_commune", "Q1", "Q2", "Q3", "Q4" }) do
        for _, c in ipairs(d[f] or {}) do add(c.name, d) end
      end
    elseif d.kind == "support" then
      for _, c in ipairs(d.quota or {}) do add(c.name, d) end
      for _, n in ipairs(d.scope or {}) do add(n, d) end
      from_selector(d.who, d)
    end
    for _, u in ipairs(expect.commune_names(d)) do out[#out + 1] = u end
  end
  return out
end

local function check_name_slips(p, add)
  local uses, first = {}, {}
  for _, u in ipairs(M.commune_names(p)) do
    uses[u.key] = (uses[u.key] or 0) + 1
    first[u.key] = first[u.key] or u
  end
  local keys = util.sorted_keys(uses)
  for _, k in ipairs(keys) do
    for _, other in ipairs(keys) do
      if other ~= k and text.distance(k, other) <= 1 and
          (uses[k] < uses[other] or (uses[k] == uses[other] and k > other)) then
        local u, o = first[k], first[other]
        add("warning", "name-slip", u.decl, { name = u.name, uses = uses[k], other = o.name, other_uses = uses[other] })
      end
    end
  end
end

function M.run(p, opts)
  opts = opts or {}
  local list, add = M.messages()
  check_meta(p, add)
  for _, d in ipairs(p.targets) do check_target(d, add) end
  for _, d in ipairs(p.supports) do check_support(p, d, add) end
  check_budget(p, add, M.costs_by_source(p), opts)
  check_reports(p, add)
  if not opts.registry then check_name_slips(p, add) end
  M.sort(list)
  return list
end

-- Sorts messages by plan line, keeping the order they were found in on one line.
function M.sort(list)
  table.sort(list, function(a, b)
    if (a.line or 0) ~= (b.line or 0) then return (a.line or 0) < (b.line or 0) end
    return a.seq < b.seq
  end)
end

-- How many messages of each level.
function M.count(list)
  local n = { error = 0, warning = 0, info = 0 }
  for _, m in ipairs(list) do n[m.level] = n[m.level] + 1 end
  return n
end

return M
