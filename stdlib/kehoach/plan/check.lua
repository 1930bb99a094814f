-- check.lua — what can be checked in a plan without the registry: every sum that must
-- agree (quarters -> communes -> total; quotas -> stated counts; programme costs ->
-- budget lines -> total), dates and schedules, names of sources, agencies and parameters,
-- and commune names that look like slips of one another.
--
-- M.run(p, opts) returns the list of messages { level = "error"|"warning"|"info", code,
-- message, file, line } in declaration order. opts.names_checked: commune names are
-- being checked against a registry, so the slip heuristic is left out.
local util = require "kehoach.util"
local values = require "kehoach.plan.values"
local params = require "kehoach.plan.params"
local standards = require "kehoach.standards"
local expect = require "kehoach.plan.expect"

local text = core.text

local M = {}

local function money(n) return util.group_digits(n) .. " đồng" end
M.money = money

-- "1 household", "3 households"
local function households(n) return n == 1 and "1 household" or (n .. " households") end
M.households = households

local function sum(list)
  local s = 0
  for _, c in ipairs(list or {}) do s = s + c.n end
  return s
end
M.sum = sum

local function by_key(list)
  local t = {}
  for _, c in ipairs(list or {}) do t[c.key] = c end
  return t
end

-- A message list with one way to add to it.
function M.messages()
  local list = {}
  local function add(level, code, d, fmt, ...)
    list[#list + 1] = { level = level, code = code, file = d and d.file, line = d and d.line, seq = #list + 1,
      message = select("#", ...) > 0 and string.format(fmt, ...) or fmt }
  end
  return list, add
end

-- "file:line: level: message" as printed.
function M.format(m)
  local at = m.file and (m.file .. ":" .. m.line .. ": ") or ""
  return at .. m.level .. ": " .. m.message
end

-- The agency a reference names (its id, or its name after folding), or nil and a hint.
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
  local near = util.nearest(ref, names)
  return nil, near and (" (did you mean '" .. near .. "'?)") or ""
end

-- The households a support is stated to reach: its households, else its quotas' sum.
function M.stated_households(d)
  return d.households or (d.quota and sum(d.quota))
end

-- What a support costs by the counts the plan states, or nil and what is missing.
function M.stated_cost(d)
  local a = d.amount
  if not a then return 0 end
  local hh = M.stated_households(d)
  if a.basis == "person_month" then
    if not d.persons then return nil, "it states no number of persons" end
    return d.persons * a.vnd * d.period.months
  elseif a.basis == "person" then
    if not d.persons then return nil, "it states no number of persons" end
    return d.persons * a.vnd
  elseif a.basis == "household" then
    if not hh then return nil, "it states no households and has no quota" end
    return hh * a.vnd
  else
    if d.units then return d.units * a.vnd end
    if not hh then return nil, "it states no units and no households" end
    return d.units_per_household * hh * a.vnd
  end
end

local function check_target(d, add)
  local label = string.format("target '%s'", d.id)
  local communes = d.by_commune
  if communes and sum(communes) ~= d.households then
    add("error", "target-communes", d, "%s: the communes add up to %s, not the %d stated",
      label, households(sum(communes)), d.households)
  end
  local quarters, any_quarter = {}, false
  for q = 1, 4 do
    local list = d["Q" .. q]
    if list then
      any_quarter = true
      quarters[q] = sum(list)
      local stated = d.quarter_totals and d.quarter_totals["Q" .. q]
      if stated and stated ~= quarters[q] then
        add("error", "target-quarter", d, "%s: the communes of Q%d add up to %s, not the %d stated for the quarter",
          label, q, households(quarters[q]), stated)
      end
    elseif d.quarter_totals and d.quarter_totals["Q" .. q] then
      quarters[q] = d.quarter_totals["Q" .. q]
    end
  end
  if next(quarters) then
    local total = 0
    for q = 1, 4 do total = total + (quarters[q] or 0) end
    if total ~= d.households then
      add("error", "target-quarters", d, "%s: the quarters add up to %s, not the %d stated",
        label, households(total), d.households)
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
        add("error", "target-commune-quarters", d, "%s: %s has %s by commune but %d over the quarters",
          label, c.name, households(c.n), by_quarters[c.key] or 0)
      end
    end
    for _, key in ipairs(util.sorted_keys(by_quarters)) do
      if not stated[key] then
        add("error", "target-commune-quarters", d, "%s: %s has %s in the quarters but is not among the communes",
          label, names[key], households(by_quarters[key]))
      end
    end
  end
end

local function check_support(p, d, add)
  local label = string.format("support '%s'", d.id)
  local year = p.meta.year
  if d.quota and d.households and sum(d.quota) ~= d.households then
    add("error", "quota-sum", d, "%s: the quotas add up to %s, not the %d stated",
      label, households(sum(d.quota)), d.households)
  end
  if d.quota and d.scope then
    local inside = {}
    for _, n in ipairs(d.scope) do inside[text.fold(n)] = true end
    for _, c in ipairs(d.quota) do
      if not inside[c.key] then
        add("warning", "quota-scope", d, "%s: %s has a quota of %d but is not among the communes the programme is limited to (%s)",
          label, c.name, c.n, table.concat(d.scope, ", "))
      end
    end
  end
  local a = d.amount
  if a and a.basis == "unit" then
    local hh = M.stated_households(d)
    local noun = a.noun or "units"
    if d.units and d.units_per_household and hh and d.units ~= d.units_per_household * hh then
      add("error", "units-households", d, "%s: %d %s in all is not %d households × %d each",
        label, d.units, noun, hh, d.units_per_household)
    elseif d.units and not d.units_per_household and hh and d.units ~= hh then
      add("warning", "units-households", d, "%s: %d households are named for %d %s — %s each, which the plan does not say; " ..
        "state units_per_household, or the households the %d %s are for",
        label, hh, d.units, noun, d.units % hh == 0 and tostring(d.units // hh) or string.format("%.1f", d.units / hh),
        d.units, noun)
    end
  end
  if d.completed_by and d.period and d.completed_by.to < d.period.to then
    add("warning", "schedule", d, "%s: carried out in %s yet completed in %s, before it ends",
      label, values.describe_period(d.period, year), values.describe_period(d.completed_by, year))
  end
  if d.effect and d.effect.from and d.period and d.effect.from.from < d.period.from then
    add("warning", "effect-before-support", d, "%s: its effect starts in %s, before the support (%s)",
      label, values.describe_period(d.effect.from, year), values.describe_period(d.period, year))
  end
  if d.source then
    local s = p.by_id[d.source]
    if not s or s.kind ~= "source" then
      local ids = {}
      for _, x in ipairs(p.sources) do ids[#ids + 1] = x.id end
      local near = util.nearest(d.source, ids)
      add("error", "unknown-source", d, "%s: unknown funding source '%s'%s; declare it with source \"%s\" { label = ... }",
        label, d.source, near and (" (did you mean '" .. near .. "'?)") or "", d.source)
    end
  end
  for _, field in ipairs({ "by", "with" }) do
    for _, ref in ipairs(d[field] or {}) do
      local ag, hint = M.agency(p, ref)
      if not ag then
        add("error", "unknown-agency", d, "%s: %s names an unknown agency '%s'%s", label, field, ref, hint)
      end
    end
  end
end

local function check_budget(p, add, costs)
  local b = p.budget
  if not b then
    for _, d in ipairs(p.supports) do
      if d.amount and d.source then
        add("warning", "no-budget", d, "support '%s' is paid from '%s' but the plan declares no budget { ... }", d.id, d.source)
        return
      end
    end
    return
  end
  local lines = util.sorted_keys(b.lines)
  local total = 0
  for _, id in ipairs(lines) do
    total = total + b.lines[id]
    local s = p.by_id[id]
    if not s or s.kind ~= "source" then
      local ids = {}
      for _, x in ipairs(p.sources) do ids[#ids + 1] = x.id end
      local near = util.nearest(id, ids)
      add("error", "unknown-source", b, "budget: '%s' is not a declared funding source%s; declare it with source \"%s\" { label = ... }",
        id, near and (" (did you mean '" .. near .. "'?)") or "", id)
    end
  end
  if #lines > 0 and total ~= b.total then
    add("error", "budget-total", b, "budget: the sources add up to %s, not the total of %s", money(total), money(b.total))
  end
  for _, s in ipairs(p.sources) do
    local c = costs[s.id]
    local line = b.lines[s.id]
    if c and c.unknown then
      add("info", "budget-uncosted", b, "budget: %s cannot be costed without the registry (%s)", s.id, c.unknown)
    elseif c and line == nil then
      add("warning", "budget-missing-line", b, "budget: the programmes cost %s from %s, which has no budget line",
        money(c.cost), s.id)
    elseif c and c.cost ~= line then
      add("warning", c.cost > line and "budget-gap" or "budget-surplus", b,
        "budget: %s gives %s but its programmes cost %s (%s); %s %s", s.id, money(line), money(c.cost),
        table.concat(c.parts, " + "), c.cost > line and "short by" or "left over", money(math.abs(c.cost - line)))
    elseif not c and line == nil then
      add("warning", "source-unused", s, "source '%s' pays for no programme and has no budget line", s.id)
    end
  end
end

-- The stated cost of each source's programmes: { [source] = {cost, parts, unknown} }.
function M.costs_by_source(p)
  local out = {}
  for _, d in ipairs(p.supports) do
    if d.source and d.amount then
      local c = out[d.source] or { cost = 0, parts = {} }
      out[d.source] = c
      local cost, why = M.stated_cost(d)
      if cost then
        c.cost = c.cost + cost
        c.parts[#c.parts + 1] = string.format("%s %s", d.id, money(cost))
      else
        c.unknown = string.format("support '%s': %s", d.id, why)
      end
    end
  end
  return out
end

local function check_reports(p, add)
  local year = p.meta.year
  for _, d in ipairs(p.reports) do
    local label = string.format("report '%s'", d.id)
    for _, ref in ipairs(d.to) do
      local ag, hint = M.agency(p, ref)
      if not ag then
        add("error", "unknown-agency", d, "%s: to names an unknown agency '%s'%s", label, ref, hint)
      end
    end
    if not d.due and not d.when then
      add("warning", "report-when", d, "%s: neither a due date nor when it is sent", label)
    end
    if d.due then
      if d.due.year < year or d.due.year > year + 1 then
        add("error", "report-date", d, "%s: due %s, outside the plan's year %d", label, d.due.text, year)
      elseif d.covers and d.due.year == year and d.due.month < d.covers.from then
        add("error", "report-date", d, "%s: due %s, before the months it reports on (%s) begin",
          label, d.due.text, values.describe_period(d.covers, year))
      end
    end
  end
end

local function check_meta(p, add)
  local m = p.meta
  local std, why = standards.find(m.standard)
  if not std then
    add("error", "unknown-standard", m, "plan: %s", why)
  elseif m.year < std.from_year or m.year > std.to_year then
    add("warning", "standard-years", m, "plan: the standard %s is in force %d-%d, not in %d",
      std.name, std.from_year, std.to_year, m.year)
  end
  if m.issued and m.issued.year ~= m.year and m.issued.year ~= m.year - 1 then
    add("warning", "plan-date", m, "plan: issued %s, far from the plan's year %d", m.issued.text, m.year)
  end
  if m.registry_year and m.registry_year > m.year then
    add("warning", "registry-year", m, "plan: reads the survey of %d, after the plan's year %d", m.registry_year, m.year)
  end
  for i, s in ipairs(m.objectives or {}) do
    local ok, why = params.expand(p, s, function(v) return tostring(v) end)
    if not ok then add("error", "unknown-parameter", m, "plan: objective %d: %s", i, why) end
  end
  for _, d in ipairs(p.scenarios) do
    for _, path in ipairs(util.sorted_keys(d.set)) do
      local e, why = params.find_or_add(p, path)
      if not e then
        add("error", "unknown-parameter", d, "scenario '%s': %s", d.id, why)
      else
        local v, bad = params.check(e.kind, d.set[path])
        if v == nil then
          add("error", "parameter-kind", d, "scenario '%s': %s must be %s (%s), not %s", d.id, path,
            params.KINDS[e.kind].words, bad, tostring(d.set[path]))
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
        add("warning", "name-slip", u.decl, "commune '%s' (written %d time%s) is one letter from '%s' (written %d times): a slip?",
          u.name, uses[k], uses[k] == 1 and "" or "s", o.name, uses[other])
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
  check_budget(p, add, M.costs_by_source(p))
  check_reports(p, add)
  if not opts.names_checked then check_name_slips(p, add) end
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
