-- summary.lua — what a run found, as one table: the shape of summary.json, which the
-- report, the terminal tables, the results database's figures and the later documents
-- (compare, doc, the dashboard) all read. Unit names are spelled as the registry spells
-- them; money is whole đồng; lists keep the plan's order, communes the registry's.
--
--   plan {id, title, year, unit, standard, standard_title, registry_year, issued ("2021-04" or
--         "2021-04-05")}   standard: its name ("vn-2016"), for scripts; standard_title: its
--         title ("Chuẩn nghèo tiếp cận đa chiều áp dụng cho giai đoạn 2016 - 2020"), for people
--   communes [name, ...] in the registry's order (every table of communes follows it)
--   registry {households, poor, near_poor, by_commune {name: {households, poor, near_poor}}}
--   targets [{id, label, households, rate_points, rate_computed, poor_at_end, rate_at_end,
--             poor_at_end_computed, rate_at_end_computed, by_commune {name: n},
--             by_quarter {Q1..Q4: n}, quarters {Q1..Q4: {name: n}}, line}]
--   programmes [{id, label, section, source, households, persons, units, cost, need, eligible,
--                waitlisted, unfunded, amount {basis, vnd, noun}, period, by_commune {name:
--                {households, persons, units, cost, need, waitlisted, unfunded}},
--                outside {name: n}, line}]
--                (households ... cost: what is paid; need: the cost in full; eligible: in
--                every commune = households + unfunded + waitlisted + the outside's sum,
--                outside: eligible in a commune the quota does not name, neither chosen
--                nor waiting)
--   activities [{id, label, source, cost, period, by [agency names], with, delivers {count,
--                noun} | null, notes, line}]   budget lines that pay no household
--                (kehoach.plan.activity): in budget.sources' computed and spent, in full
--   reached {households, persons, by_commune {name: {households, persons}}}  households
--               the plan's budget pays something for (each counted once), and their
--               persons; supports outside the budget count only in their programme
--   overlap {households, by_commune {name: n}, pairs [{supports [a, b], households}]}
--               households chosen for two or more supports (also_in and not_in keep them
--               together or apart on purpose), by commune and by pair of supports
--   projection  see kehoach.project: by_quarter, year_end, targets (met / short_by / short),
--               effects (the assumptions applied); null when the run did not project
--   no_projection  "no_effect" when no support states an effect (so nothing is projected);
--               else null
--   budget {total_declared, total_computed, total_spent, mode, sources [{id, label, declared,
--           computed, spent, gap, surplus, unfunded, activities}]}   computed: what the
--           households chosen need, and the source's activities (activities: their part,
--           when it has any);
--           spent: what the budget mode pays (= computed under "gap"); gap/surplus:
--           computed against declared (0 when no line is declared)
--   allocations [{id, label, fund, total, source, round, floor, then_floor, criteria {poor,
--               near_poor, ethnic_minority_poor, difficult}, level, then_level, basis,
--               units [{code, name, kind, parent, households, poor, near_poor,
--               ethnic_minority_poor, difficult, communes, score, share, amount, floored,
--               excluded}], then_units [... the communes, with then_to] | null, line}]
--               funds divided by criteria (kehoach.run.allocation); score in households
--   reports [{id, label, due, covers, when, to}]
--   checks [{level, code, message, file, line, message_vi}]   message in English (as on
--               stderr), message_vi in Vietnamese (as in the documents)
--   parameters {scenario {id, label, file, line} | null, budget "gap"|"cap"|"prorate",
--               set [{path, value, was, by}]}   what --set/--scenario changed (see
--               plan.apply_parameters); set is [] for the plan as written
local json = require "kehoach.json"
local check = require "kehoach.plan.check"
local values = require "kehoach.plan.values"
local activity = require "kehoach.plan.activity"
local project = require "kehoach.project"
local allocation = require "kehoach.run.allocation"

local M = {}

local function commune_map(units, list)
  local out = {}
  for _, c in ipairs(list or {}) do
    local code = units.code_of(c.name)
    out[units.by_code[code].name] = c.n
  end
  return out
end

-- {Q1 = {commune: n}, ...} for the quarters the target breaks down by commune.
local function quarter_maps(units, d)
  local qs = {}
  for q = 1, 4 do
    if d["Q" .. q] then qs["Q" .. q] = commune_map(units, d["Q" .. q]) end
  end
  return qs
end

local function targets(p, units, pov)
  local out = json.array()
  for _, d in ipairs(p.targets) do
    local by_quarter = {}
    for q = 1, 4 do
      local list = d["Q" .. q]
      local stated = d.quarter_totals and d.quarter_totals["Q" .. q]
      if list then by_quarter["Q" .. q] = check.sum(list)
      elseif stated then by_quarter["Q" .. q] = stated end
    end
    out[#out + 1] = {
      id = d.id, label = d.label, households = d.households, rate_points = d.rate_points,
      rate_computed = pov.households > 0 and tonumber(string.format("%.2f", d.households * 100 / pov.households)) or nil,
      -- the year's end: stated, and the poor at the review less the target
      poor_at_end = d.poor_at_end, rate_at_end = d.rate_at_end, poor_at_end_computed = pov.poor - d.households,
      rate_at_end_computed = pov.households > 0
        and tonumber(string.format("%.2f", (pov.poor - d.households) * 100 / pov.households)) or nil,
      by_commune = commune_map(units, d.by_commune),
      by_quarter = by_quarter,
      quarters = quarter_maps(units, d),
      line = d.line,
    }
  end
  return out
end

local function programmes(p, result)
  local out = json.array()
  local units = result.units
  for _, f in ipairs(result.programmes) do
    local d = f.decl
    local by_commune = {}
    for code, r in pairs(f.by_unit) do
      by_commune[units.by_code[code].name] = { households = r.households, persons = r.persons,
        units = r.units, cost = r.cost, need = r.need, waitlisted = r.waitlisted, unfunded = r.unfunded }
    end
    local outside = {}
    for code, n in pairs(f.outside or {}) do outside[units.by_code[code].name] = n end
    out[#out + 1] = {
      id = d.id, label = d.label, short = d.short, section = d.section, source = d.source or json.null,
      outside_budget = d.outside_budget,
      households = f.households, persons = f.persons, units = f.units, cost = f.cost, need = f.need,
      eligible = f.eligible_all, waitlisted = f.waitlisted, unfunded = f.unfunded,
      amount = d.amount and { basis = d.amount.basis, vnd = d.amount.vnd, noun = d.amount.noun } or json.null,
      period = d.period and values.period_code(d.period) or json.null,
      quota = d.quota and commune_map(units, d.quota) or json.null,
      by_commune = by_commune, outside = outside,
      line = d.line,
    }
  end
  return out
end

local function budget(p, result)
  local sources = json.array()
  local declared_total = p.budget and p.budget.total
  local computed_total, spent_total = 0, 0
  local unfunded = {}
  for _, f in ipairs(result.programmes) do
    local s = f.decl.source
    if s then unfunded[s] = (unfunded[s] or 0) + f.unfunded end
  end
  for _, s in ipairs(p.sources) do
    local computed = result.by_source[s.id] or 0
    local spent = result.spent_by_source[s.id] or 0
    local declared = p.budget and p.budget.lines[s.id]
    computed_total = computed_total + computed
    spent_total = spent_total + spent
    sources[#sources + 1] = { id = s.id, label = s.label, short = s.short, loan = s.loan or false,
      declared = declared or json.null, computed = computed, spent = spent,
      gap = declared and math.max(0, computed - declared) or 0,
      surplus = declared and math.max(0, declared - computed) or 0,
      unfunded = unfunded[s.id] or 0 }
    local acts = activity.cost_of_source(p, s.id)
    if acts > 0 then sources[#sources].activities = acts end
  end
  return { total_declared = declared_total or json.null, total_computed = computed_total, total_spent = spent_total,
    mode = result.budget_mode or "gap", sources = sources }
end

local function reports(p)
  local out = json.array()
  for _, d in ipairs(p.reports) do
    local to = {}
    for i, ref in ipairs(d.to) do
      local a = check.agency(p, ref)
      to[i] = a and a.name or ref
    end
    out[#out + 1] = { id = d.id, label = d.label, due = d.due and d.due.text or json.null,
      covers = d.covers and values.period_code(d.covers) or json.null, when = d.when,
      to = table.concat(to, "; "), line = d.line }
  end
  return out
end

local function registry(result)
  local pov, units = result.poverty, result.units
  local by_commune = {}
  for code, r in pairs(pov.by_unit) do
    by_commune[units.by_code[code].name] = { households = r.households, poor = r.poor, near_poor = r.near_poor }
  end
  return { households = pov.households, poor = pov.poor, near_poor = pov.near_poor, by_commune = by_commune }
end

local function reached(result)
  local r, units = result.reach, result.units
  local by_commune = {}
  for code, x in pairs(r.by_unit) do
    by_commune[units.by_code[code].name] = { households = x.households, persons = x.persons }
  end
  return { households = r.households, persons = r.persons, by_commune = by_commune }
end

-- Households chosen for two or more supports: by commune, and by pair of supports.
local function overlap(result)
  local o, units = result.overlap, result.units
  if not o then return json.null end
  local by_commune, list = {}, json.array()
  for code, n in pairs(o.by_unit) do by_commune[units.by_code[code].name] = n end
  for i, x in ipairs(o.pairs) do list[i] = { supports = json.array({ x.a, x.b }), households = x.households } end
  return { households = o.households, by_commune = by_commune, pairs = list }
end

local function commune_names(units)
  local names = json.array()
  for i, c in ipairs(units.communes) do names[i] = c.name end
  return names
end

function M.checks(messages)
  local out = json.array()
  for _, m in ipairs(messages) do
    out[#out + 1] = { level = m.level, code = m.code, message = m.message, message_vi = m.message_vi,
      file = m.file, line = m.line }
  end
  return out
end

-- The summary of a run: p, the evaluation's result, and every message of the run.
function M.build(p, result, messages)
  local units = result.units
  return {
    plan = { id = p.id, title = p.meta.title, year = p.year, unit = units.node.name,
      unit_title = units.title, level = units.level, children = units.words,
      standard = p.meta.standard,
      standard_title = result.standard and result.standard.title or p.meta.standard,
      registry_year = p.registry_year,
      issued = p.meta.issued and p.meta.issued.text or nil },
    communes = commune_names(units),
    registry = registry(result),
    targets = targets(p, units, result.poverty),
    programmes = programmes(p, result),
    activities = activity.summary(p, check.agency),
    budget = budget(p, result),
    reports = reports(p),
    checks = M.checks(messages),
    parameters = p.parameters or { scenario = json.null, budget = "gap", set = json.array() },
    reached = reached(result),
    overlap = overlap(result),
    allocations = allocation.summary(result.allocations),
    projection = result.projection or json.null,
    -- why there is none, for the documents to say: no support states an effect
    no_projection = not result.projection and #project.effects(p) == 0 and "no_effect" or json.null,
  }
end

-- The numbers of a summary as (path, value) pairs, for the results database:
-- "programmes.tro_cap.cost", "budget.sources.von_vay.computed", ...
function M.figures(s)
  local out = {}
  local function walk(prefix, v)
    if type(v) == "table" and v ~= json.null then
      if #v > 0 then
        for _, item in ipairs(v) do
          if type(item) == "table" and item.id then walk(prefix .. "." .. item.id, item) end
        end
      else
        for k, x in pairs(v) do
          if k ~= "line" then walk(prefix == "" and k or (prefix .. "." .. k), x) end
        end
      end
    elseif type(v) == "number" then
      out[#out + 1] = { prefix, v }
    end
  end
  walk("", { plan = { year = s.plan.year, registry_year = s.plan.registry_year }, registry = s.registry,
    targets = s.targets, programmes = s.programmes, activities = s.activities, budget = s.budget, reached = s.reached,
    overlap = s.overlap ~= json.null and { households = s.overlap.households, by_commune = s.overlap.by_commune } or nil,
    allocations = s.allocations,
    projection = s.projection ~= json.null and s.projection or nil })
  table.sort(out, function(a, b) return a[1] < b[1] end)
  return out
end

return M
