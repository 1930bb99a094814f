-- diff.lua — two plans side by side (`kehoach diff`): each evaluated against the registry
-- as `kehoach run` would, then compared commune by commune (poor households at the review
-- each reads, target, households reached, cost), funding source by source, programme by
-- programme, and rule by rule (what the plan text says: selectors, amounts, periods,
-- quotas, sources...). Facts only: kehoach.render.diff words them (the terminal, diff.md).
--
--   diff.compare(path_a, path_b, registry) -> d, or nil and the messages of a plan with errors
--   diff.data(d) -> the same figures as a table for JSON (kehoach diff --json)
--
-- d: { a, b (each side: p, result, communes, order, programmes), communes [{name, a, b,
-- only}], sources [{id, label, a, b}], programmes [{id, label, a, b}], rules [ a rule:
-- { kind ("plan", "support", "target", "report", "source", "budget"), id, field, a, b (the
-- declarations' values: A's and B's, nil when absent), status ("new" | "dropped" | nil),
-- communes [{name, a, b}] (quota, by_commune: the communes that changed), what, change
-- (the same in the plan's own text, for scripts: "support 'tro_cap'", "amount:
-- per_person_month(250000) → per_person_month(360000)") } ] }
--
-- Communes match by name the Vietnamese way (Hoà Bình = Hòa Bình); programmes, sources and
-- targets by their names in the plans.
local util = require "kehoach.util"
local pipeline = require "kehoach.pipeline"
local source = require "kehoach.plan.source"
local json = require "kehoach.json"

local text = core.text

local M = {}

-- ---- what one plan gives ------------------------------------------------------------------

-- Per commune key: { name, poor, target, reached, cost }.
local function communes(p, result, db, run)
  local out, order = {}, {}
  for _, c in ipairs(result.units.communes) do
    local key = text.fold(c.name)
    local pov = result.poverty.by_unit[c.code]
    out[key] = { name = c.name, poor = pov and pov.poor or 0, target = 0, reached = 0, cost = 0 }
    order[#order + 1] = key
  end
  for _, t in ipairs(p.targets) do
    for _, c in ipairs(t.by_commune or {}) do
      local e = out[c.key]
      if e then e.target = e.target + c.n end
    end
  end
  for r in db:rows([[SELECT unit, count(DISTINCT household) AS reached, sum(amount) AS cost
      FROM allocations WHERE run = ? AND status = 'chosen'
        AND programme IN (SELECT id FROM temp.kh_programmes WHERE paid = 1) GROUP BY unit]], run) do
    local e = out[text.fold(result.units.by_code[r.unit].name)]
    e.reached, e.cost = r.reached, r.cost or 0
  end
  return out, order
end

local function side(path, registry)
  local r, by, order = pipeline.run(path, { db = registry,
    finish = function(r) return communes(r.plan, r.result, r.db, r.id) end })
  if r.errors then return nil, r.messages end
  local p, result = r.plan, r.result
  local progs = {}
  for _, f in ipairs(result.programmes) do progs[f.id] = f end
  return { p = p, result = result, communes = by, order = order, programmes = progs }
end

-- ---- the rules ------------------------------------------------------------------------------

-- Fields compared, by declaration kind, in the order told.
local RULES = {
  support = { "label", "who", "amount", "months", "quarters", "completed_by", "quota", "priority",
    "households", "persons", "units", "units_per_household", "scope", "coverage", "source",
    "outside_budget", "by", "with", "effect", "section" },
  target = { "households", "rate_points", "by_commune", "quarter_totals" },
  report = { "due", "covers", "when", "to" },
  plan = { "year", "standard", "registry_year", "unit" },
}

-- The communes whose count changed: [{name, a, b}] (nil: not in that list), in A's order
-- then B's new ones.
local function commune_changes(a, b)
  local av, bv, names, order = {}, {}, {}, {}
  for _, c in ipairs(a or {}) do
    av[c.key] = c.n
    names[c.key] = c.name
    order[#order + 1] = c.key
  end
  for _, c in ipairs(b or {}) do
    bv[c.key] = c.n
    if not names[c.key] then order[#order + 1] = c.key end
    names[c.key] = c.name
  end
  local out = {}
  for _, k in ipairs(order) do
    if av[k] ~= bv[k] then out[#out + 1] = { name = names[k], a = av[k], b = bv[k] } end
  end
  return out
end

-- The same as the plan's text, for scripts: "A 14 → 8, B — → 3" ("—": not in that plan's list).
local function commune_text(list)
  local parts = {}
  for _, c in ipairs(list) do parts[#parts + 1] = string.format("%s %s → %s", c.name, c.a or "—", c.b or "—") end
  return table.concat(parts, ", ")
end

-- A field that differs: the rule's facts, or nil when the plan's texts are the same.
local function field_change(da, db_, name)
  local ta, tb = source.field(da, name), source.field(db_, name)
  if ta == tb then return nil end
  local r = { field = name, a = da[name], b = db_[name] }
  if (name == "quota" or name == "by_commune") and da[name] and db_[name] then
    r.communes = commune_changes(da[name], db_[name])
    r.change = name .. ": " .. commune_text(r.communes)
    return r
  end
  -- one line: texts split for the width joined again
  local function short(t) return t and (t:gsub('" %.%.%s*\n?%s*"', ""):gsub("%s*\n%s*", " ")) or "—" end
  r.change = name .. ": " .. short(ta) .. " → " .. short(tb)
  return r
end

-- The rules that changed, in plan B's order, then what only A had, then the budget.
local function rules(a, b)
  local out = {}
  local function add(kind, id, r)
    r.kind, r.id = kind, id
    r.what = kind == "plan" and "plan" or kind == "budget" and "budget" or string.format("%s '%s'", kind, id)
    out[#out + 1] = r
  end
  for _, name in ipairs(RULES.plan) do
    local c = field_change(a.meta, b.meta, name)
    if c then add("plan", nil, c) end
  end
  local seen = {}
  for _, d in ipairs(b.order) do
    local fields = RULES[d.kind]
    if d.id and fields and d.kind ~= "plan" then
      seen[d.id] = true
      local old = a.by_id[d.id]
      if not old or old.kind ~= d.kind then
        add(d.kind, d.id, { status = "new", change = "new" })
      else
        for _, name in ipairs(fields) do
          local c = field_change(old, d, name)
          if c then add(d.kind, d.id, c) end
        end
      end
    elseif d.kind == "source" then
      seen[d.id] = true
      if not (a.by_id[d.id] and a.by_id[d.id].kind == "source") then
        add("source", d.id, { status = "new", change = "new: " .. d.label })
      end
    end
  end
  for _, d in ipairs(a.order) do
    if d.id and d.kind ~= "plan" and (RULES[d.kind] or d.kind == "source") and not seen[d.id] then
      add(d.kind, d.id, { status = "dropped", change = "dropped" })
    end
  end
  -- the budget's lines
  local la, lb = a.budget and a.budget.lines or {}, b.budget and b.budget.lines or {}
  local ids = {}
  for k in pairs(la) do ids[k] = true end
  for k in pairs(lb) do ids[k] = true end
  for _, k in ipairs(util.sorted_keys(ids)) do
    if la[k] ~= lb[k] then
      add("budget", k, { field = k, a = la[k], b = lb[k], change = string.format("%s: %s → %s", k,
        la[k] and source.money(la[k]) or "—", lb[k] and source.money(lb[k]) or "—") })
    end
  end
  if a.budget and b.budget and a.budget.total ~= b.budget.total then
    add("budget", "total", { field = "total", a = a.budget.total, b = b.budget.total,
      change = string.format("total: %s → %s", source.money(a.budget.total), source.money(b.budget.total)) })
  end
  return out
end

-- ---- the comparison -------------------------------------------------------------------------

function M.compare(path_a, path_b, registry)
  local a, errors_a = side(path_a, registry)
  local b, errors_b = side(path_b, registry)
  if not a or not b then
    local list = {}
    for _, m in ipairs(errors_a or {}) do list[#list + 1] = m end
    for _, m in ipairs(errors_b or {}) do list[#list + 1] = m end
    return nil, list
  end
  local d = { a = a, b = b, communes = {}, sources = {}, programmes = {} }
  -- communes: B's order, then those only A has
  local keys, seen = {}, {}
  for _, list in ipairs({ b.order, a.order }) do
    for _, k in ipairs(list) do
      if not seen[k] then
        seen[k] = true
        keys[#keys + 1] = k
      end
    end
  end
  local none = { poor = 0, target = 0, reached = 0, cost = 0 }
  for _, k in ipairs(keys) do
    local ca, cb = a.communes[k], b.communes[k]
    d.communes[#d.communes + 1] = { name = (cb or ca).name, a = ca or none, b = cb or none,
      only = (not ca and "b") or (not cb and "a") or nil }
  end
  -- sources and programmes: A's order, then B's new ones
  local function union(la, lb)
    local out, ids = {}, {}
    for _, list in ipairs({ la, lb }) do
      for _, x in ipairs(list) do
        if not ids[x.id] then
          ids[x.id] = true
          out[#out + 1] = x.id
        end
      end
    end
    return out
  end
  for _, id in ipairs(union(a.p.sources, b.p.sources)) do
    local sa, sb = a.p.by_id[id], b.p.by_id[id]
    d.sources[#d.sources + 1] = { id = id, label = (sb or sa).short or (sb or sa).label,
      a = a.result.by_source[id] or 0, b = b.result.by_source[id] or 0 }
  end
  for _, id in ipairs(union(a.p.supports, b.p.supports)) do
    local fa, fb = a.programmes[id], b.programmes[id]
    d.programmes[#d.programmes + 1] = { id = id, label = (fb or fa).decl.label, a = fa, b = fb }
  end
  d.rules = rules(a.p, b.p)
  return d
end

-- ---- as data ------------------------------------------------------------------------------

function M.data(d)
  local function plan_of(x)
    local p = x.p
    return { path = p.path, id = p.id, year = p.year, standard = p.meta.standard, registry_year = p.registry_year }
  end
  local function figures(f)
    return f and { households = f.households, persons = f.persons, cost = f.cost } or json.null
  end
  local communes, programmes, sources = json.array(), json.array(), json.array()
  local function commune(x) return { poor = x.poor, target = x.target, reached = x.reached, cost = x.cost } end
  for i, c in ipairs(d.communes) do communes[i] = { name = c.name, a = commune(c.a), b = commune(c.b), only = c.only } end
  for i, g in ipairs(d.programmes) do
    programmes[i] = { id = g.id, label = g.label, a = figures(g.a), b = figures(g.b) }
  end
  for i, x in ipairs(d.sources) do sources[i] = { id = x.id, label = x.label, a = x.a, b = x.b, change = x.b - x.a } end
  local rules = json.array()
  for i, r in ipairs(d.rules) do rules[i] = { what = r.what, change = r.change } end
  return { a = plan_of(d.a), b = plan_of(d.b), communes = communes, programmes = programmes, sources = sources,
    rules = rules }
end

return M
