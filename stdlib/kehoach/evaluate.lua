-- evaluate.lua — the plan against the registry: unit names resolved, each support's
-- selector run as SQL, households ranked and chosen by quota in SQL (window functions),
-- amounts and costs, and the checks only the registry can answer (quotas it cannot
-- fill, stated counts, coverage, the declared rate, costs against the budget).
--
-- Works on a connection `db` with the registry attached read-only as "reg" and the
-- results schema as main: allocations go into main.allocations under the run's id.
-- Households stream through SQL; Lua sees one row per commune, never the registry,
-- except for a plan's `where` functions, called per household by SQLite.
--
-- Two stages, so that what a value cannot change is computed once (kehoach sweep):
-- prepare selects and ranks each support's eligible households into temp.kh_eligible
-- (the selectors, the priorities: the costly part, none of it a parameter); allot then
-- chooses by quota, counts units, prices, applies the budget mode and checks, under one
-- run id, from the plan's values as they are now.
--
--   M.resolve_units(db, p) -> units (kehoach.units.resolve: the plan's node, its children, ...)
--   M.prepare(db, p, opts) -> ctx, or a result holding only messages (errors)
--   M.allot(db, p, ctx, run) -> result (see M.evaluate)
--   M.evaluate(db, p, run, opts) -> result: prepare, allot and the projection
local util = require "kehoach.util"
local check = require "kehoach.plan.check"
local selector = require "kehoach.plan.selector"
local values = require "kehoach.plan.values"
local standards = require "kehoach.standards"
local project = require "kehoach.project"
local units_tree = require "kehoach.units"

local host, text = core.host, core.text
local quote = selector.quote

local M = {}

-- ---- units -------------------------------------------------------------------------------

-- The plan's unit, its children and the communes under it: kehoach.units.resolve.
function M.resolve_units(db, p)
  return units_tree.resolve(db, p)
end

-- ---- the household view ---------------------------------------------------------------------

local function setup(db, p, units, std)
  local ins
  db:exec([[
    DROP TABLE IF EXISTS temp.kh_communes; DROP TABLE IF EXISTS temp.kh_quota;
    DROP TABLE IF EXISTS temp.kh_eligible; DROP TABLE IF EXISTS temp.kh_programmes;
    DROP VIEW IF EXISTS temp.kh_hh; DROP TABLE IF EXISTS temp.kh_leaves;
    CREATE TEMP TABLE kh_communes(code TEXT PRIMARY KEY, name TEXT, urban INTEGER, difficult INTEGER, ord INTEGER);
    CREATE TEMP TABLE kh_leaves(code TEXT PRIMARY KEY, child TEXT, name TEXT, urban INTEGER, difficult INTEGER);
    CREATE TEMP TABLE kh_quota(programme TEXT, unit TEXT, n INTEGER, ord INTEGER, PRIMARY KEY (programme, unit));
    CREATE TEMP TABLE kh_programmes(id TEXT PRIMARY KEY, ord INTEGER);
    CREATE TEMP TABLE kh_eligible(programme TEXT, unit TEXT, commune TEXT, household TEXT, head TEXT,
      persons INTEGER, income INTEGER, deprivations INTEGER, status TEXT, rank INTEGER);]])
  ins = db:prepare("INSERT INTO temp.kh_programmes VALUES (?, ?)")
  for i, d in ipairs(p.supports) do ins:run(d.id, i) end
  ins:close()
  ins = db:prepare("INSERT INTO temp.kh_communes VALUES (?, ?, ?, ?, ?)")
  for _, c in ipairs(units.communes) do ins:run(c.code, c.name, c.urban, c.difficult, c.ord) end
  ins:close()
  -- the communes households live in, each under the plan's child that holds it (itself,
  -- when the plan's children are communes): urban and difficult are the commune's
  ins = db:prepare("INSERT INTO temp.kh_leaves VALUES (?, ?, ?, ?, ?)")
  for _, l in ipairs(units.leaf_list) do ins:run(l.unit.code, l.child.code, l.child.name, l.unit.urban, l.unit.difficult) end
  ins:close()
  local dep = std.deprivations_sql("s")
  local d_cols = {}
  for i, col in ipairs(selector.INDICATORS) do d_cols[i] = "s." .. col end
  db:exec(string.format([[
    CREATE TEMP VIEW kh_hh AS
    SELECT h.id, h.code, h.head, h.village, c.child AS unit, c.name AS commune, c.urban, c.difficult,
           h.ethnic_minority, s.income, s.status, s.unable_to_escape,
           %s AS deprivations, %s AS poverty_kind, %s
    FROM reg.surveys s JOIN reg.households h ON h.id = s.household
    JOIN temp.kh_leaves c ON c.code = h.unit
    WHERE s.year = %d]], dep, std.kind_sql("s.income", "c.urban", dep), table.concat(d_cols, ", "),
    p.registry_year))
end

local ORDER = {
  lowest_income = "h.income ASC, h.deprivations DESC, h.code ASC",
  most_deprived = "h.deprivations DESC, h.income ASC, h.code ASC",
}

-- The SQL expression for a chosen household's amount, from its persons and units.
local function amount_sql(d)
  local a = d.amount
  if not a then return "0" end
  if a.basis == "person_month" then
    return string.format("persons * %d * %d", a.vnd, d.period.months)
  elseif a.basis == "person" then
    return string.format("persons * %d", a.vnd)
  elseif a.basis == "household" then
    return string.format("%d", a.vnd)
  end
  return string.format("units * %d", a.vnd)
end

-- Compiles a support's selector for the view aliased h.
function M.compile(db, p, units, std, d)
  local ctx = {
    alias = "h", year = p.registry_year, std = std,
    commune_code = function(name) return units.code_of(name) end,
    commune_label = units.label,
  }
  local n = 0
  -- a `where` function becomes an SQL function called with the household's fields
  ctx.where_fn = function(fn)
    n = n + 1
    local name = string.format("kh_where_%s_%d", d.id, n)
    db:func(name, #selector.WHERE_FIELDS, function(...)
      local args = table.pack(...)
      local h = {}
      for i, f in ipairs(selector.WHERE_FIELDS) do h[f] = args[i] end
      for _, f in ipairs({ "urban", "difficult", "ethnic_minority", "unable_to_escape" }) do h[f] = h[f] == 1 end
      local needs = {}
      for kind in (h.needs or ""):gmatch("[^,]+") do needs[kind] = true end
      h.needs = needs
      return fn(h) and 1 or 0
    end)
    return string.format("%s(h.code, h.commune, h.village, h.head, h.urban, h.difficult, h.ethnic_minority, " ..
      "h.income, h.status, h.unable_to_escape, h.deprivations, " ..
      "(SELECT count(*) FROM reg.persons p WHERE p.household = h.id), " ..
      "(SELECT group_concat(n.kind) FROM reg.needs n WHERE n.household = h.id AND n.year = %d))",
      name, p.registry_year)
  end
  return selector.compile(d.who, ctx, "support '" .. d.id .. "'")
end

-- Selects and ranks one support's eligible households, in every commune, into
-- temp.kh_eligible (rank: within the commune, by the support's priority; status: as
-- recorded at the review, for the projection).
local function select_eligible(db, p, units, std, d)
  local sel = M.compile(db, p, units, std, d)
  local order = ORDER[d.priority] or "h.code ASC"
  db:run(string.format([[
    INSERT INTO temp.kh_eligible(programme, unit, commune, household, head, persons, income, deprivations,
      status, rank)
    SELECT :prog, h.unit, h.commune, h.code, h.head,
      (SELECT count(*) FROM reg.persons p WHERE p.household = h.id),
      h.income, h.deprivations, h.status, row_number() OVER (PARTITION BY h.unit ORDER BY %s)
    FROM temp.kh_hh h WHERE %s]], order, sel.sql), { prog = d.id })
end

-- Chooses one support's households from temp.kh_eligible into main.allocations under
-- run: by quota and rank, in quota order then the registry's commune order.
local function choose(db, units, d, run)
  local prog = d.id
  db:run("DELETE FROM temp.kh_quota WHERE programme = ?", prog)
  if d.quota then
    local ins = db:prepare("INSERT INTO temp.kh_quota VALUES (?, ?, ?, ?)")
    for i, c in ipairs(d.quota) do ins:run(prog, units.code_of(c.name), c.n, i) end
    ins:close()
  end
  db:run([[
    INSERT INTO allocations(run, programme, unit, commune, household, head, persons, income,
      deprivations, rank, status, source, period)
    SELECT :run, :prog, e.unit, e.commune, e.household, e.head, e.persons, e.income, e.deprivations, e.rank,
      CASE WHEN q.n IS NULL OR e.rank <= q.n THEN 'chosen' ELSE 'waitlisted' END, :source, :period
    FROM temp.kh_eligible e
    JOIN temp.kh_communes c ON c.code = e.unit
    LEFT JOIN temp.kh_quota q ON q.programme = :prog AND q.unit = e.unit
    WHERE e.programme = :prog AND (:quota = 0 OR q.n IS NOT NULL)
    ORDER BY coalesce(q.ord, 0), c.ord, e.rank]],
    { run = run, prog = prog, source = d.source, period = d.period and values.period_code(d.period),
      quota = d.quota and 1 or 0 })
end

-- Units and amounts of one support's chosen households (need = amount, before the budget
-- mode); the households a budget mode left unfunded are chosen again first.
local function price(db, d, run)
  local prog = d.id
  local a = d.amount
  if not a then return end  -- amount and need stay 0, and nothing unpaid is left unfunded
  db:run("UPDATE allocations SET status = 'chosen' WHERE run = ? AND programme = ? AND status = 'unfunded'", run, prog)
  if a and a.basis == "unit" then
    if d.units_per_household then
      db:run("UPDATE allocations SET units = :each WHERE run = :run AND programme = :prog AND status = 'chosen'",
        { each = d.units_per_household, run = run, prog = prog })
    else
      -- units in all, shared in allocation order; the first households get one more
      -- when they do not divide evenly
      db:run([[
        UPDATE allocations SET units = :total / o.n + (o.k <= :total % o.n)
        FROM (SELECT rowid AS r, row_number() OVER (ORDER BY rowid) AS k, count(*) OVER () AS n
              FROM allocations WHERE run = :run AND programme = :prog AND status = 'chosen') o
        WHERE allocations.rowid = o.r]], { total = d.units, run = run, prog = prog })
    end
  end
  db:run(string.format("UPDATE allocations SET amount = %s, need = %s WHERE run = :run AND programme = :prog " ..
    "AND status = 'chosen'", amount_sql(d), amount_sql(d)), { run = run, prog = prog })
end

-- The budget mode: with "cap", each source with a budget line pays its programmes'
-- households in priority order (the programmes in the plan's order, each in its
-- allocation order) until the line runs out; the rest are 'unfunded'. With "prorate",
-- every amount paid from a source that cannot pay them all is cut in the proportion the
-- line bears to the need (rounded down to the đồng, so the line is never passed). With
-- "gap", nothing changes: the gap is reported.
local function fund(db, p, run, mode, add)
  if mode == "gap" or not p.budget then return end
  for _, s in ipairs(p.sources) do
    local line = p.budget.lines[s.id]
    local need = line and db:value([[SELECT coalesce(sum(need), 0) FROM allocations
      WHERE run = ? AND source = ? AND status = 'chosen']], run, s.id)
    if line and need > line then
      local args = { run = run, source = s.id, line = line }
      if mode == "cap" then
        db:run([[
          UPDATE allocations SET status = 'unfunded', amount = 0, units = NULL WHERE rowid IN (
            SELECT r FROM (SELECT a.rowid AS r,
                sum(a.need) OVER (ORDER BY g.ord, a.rowid ROWS UNBOUNDED PRECEDING) AS spent
              FROM allocations a JOIN temp.kh_programmes g ON g.id = a.programme
              WHERE a.run = :run AND a.source = :source AND a.status = 'chosen')
            WHERE spent > :line)]], args)
        local cut = db:first([[SELECT count(*) AS n, group_concat(DISTINCT programme) AS programmes
          FROM allocations WHERE run = :run AND source = :source AND status = 'unfunded']], args)
        local supports = {}
        for id in (cut.programmes or ""):gmatch("[^,]+") do supports[#supports + 1] = p.by_id[id] end
        add("info", "budget-cap", p.budget, { source = s, line = line, need = need, unfunded = cut.n,
          supports = supports })
      else
        args.f = line / need
        db:run([[UPDATE allocations SET amount = CAST(need * :f AS INTEGER)
          WHERE run = :run AND source = :source AND status = 'chosen']], args)
        -- rounding in floating point may leave the sum a few đồng over: take them back
        local over = db:value("SELECT sum(amount) FROM allocations WHERE run = ? AND source = ? AND status = 'chosen'",
          run, s.id) - line
        if over > 0 then
          args.over = over
          db:run([[UPDATE allocations SET amount = amount - 1 WHERE rowid IN (SELECT rowid FROM allocations
            WHERE run = :run AND source = :source AND status = 'chosen' AND amount > 0
            ORDER BY amount DESC, rowid LIMIT :over)]], args)
        end
        add("info", "budget-prorate", p.budget, { source = s, line = line, need = need })
      end
    end
  end
end

-- A support's figures from its allocations under run.
local function aggregate(db, d, run)
  local prog = d.id
  local fig = { id = prog, decl = d, households = 0, persons = 0, units = 0, cost = 0, need = 0, waitlisted = 0,
    unfunded = 0, eligible = 0, by_unit = {} }
  for r in db:rows([[
      SELECT unit, commune,
        count(*) FILTER (WHERE status = 'chosen') AS households,
        coalesce(sum(persons) FILTER (WHERE status = 'chosen'), 0) AS persons,
        coalesce(sum(units) FILTER (WHERE status = 'chosen'), 0) AS units,
        coalesce(sum(amount), 0) AS cost,
        coalesce(sum(need), 0) AS need,
        count(*) FILTER (WHERE status = 'unfunded') AS unfunded,
        count(*) FILTER (WHERE status = 'waitlisted') AS waitlisted,
        count(*) AS eligible
      FROM allocations WHERE run = ? AND programme = ? GROUP BY unit ORDER BY unit]], run, prog) do
    fig.by_unit[r.unit] = r
    for _, k in ipairs({ "households", "persons", "units", "cost", "need", "unfunded", "waitlisted", "eligible" }) do
      fig[k] = fig[k] + r[k]
    end
  end
  -- eligible households anywhere in the district, for the coverage the plan promises
  fig.eligible_all = db:value("SELECT count(*) FROM temp.kh_eligible WHERE programme = ?", prog)
  return fig
end

-- A support's figures from its allocations under run, and the checks they answer.
-- cached: the figures of the same support from an earlier allot of run, when its
-- allocations cannot have changed since (kehoach sweep); only the checks are made again.
local function figures(db, units, d, run, add, cached)
  local prog = d.id
  local fig = cached or aggregate(db, d, run)
  -- the checks count the households chosen, whether the budget mode could pay them or not
  local chosen = fig.households + fig.unfunded
  for _, c in ipairs(d.quota or {}) do
    local code = units.code_of(c.name)
    local r = fig.by_unit[code]
    local got = r and (r.households + r.unfunded) or 0
    if got < c.n then
      add("warning", "quota-shortfall", d, { commune = units.by_code[code].name, found = got, quota = c.n })
    end
  end
  if not d.quota and d.households and d.households ~= chosen then
    add("warning", "stated-households", d, { stated = d.households, found = chosen })
  end
  if d.persons and fig.unfunded == 0 and d.persons ~= fig.persons then
    add("warning", "stated-persons", d, { stated = d.persons, found = fig.persons })
  end
  if d.coverage and fig.eligible_all > 0 and chosen < d.coverage * fig.eligible_all then
    add("warning", "coverage", d, { coverage = d.coverage, reached = chosen, eligible = fig.eligible_all })
  end
  local a = d.amount
  if a and a.basis == "unit" and not d.units_per_household and chosen > 0 and d.units % chosen ~= 0 then
    add("info", "units-uneven", d, { units = d.units, noun = a.noun, households = chosen })
  end
  return fig
end

-- Households the plan's budget pays something for (a support with an amount, chosen and
-- funded), each counted once, and their persons, by commune. Supports without an amount
-- (outside the plan's budget, like health-insurance cards) count in their programme only.
local function reach(db, p, run)
  local out = { households = 0, persons = 0, by_unit = {} }
  local paid = {}
  for _, d in ipairs(p.supports) do
    if d.amount then paid[#paid + 1] = quote(d.id) end
  end
  if #paid == 0 then return out end
  for r in db:rows(string.format([[
      SELECT unit, count(*) AS households, sum(persons) AS persons
      FROM (SELECT unit, household, max(persons) AS persons FROM allocations
            WHERE run = ? AND programme IN (%s) AND status = 'chosen' AND amount > 0 GROUP BY unit, household)
      GROUP BY unit ORDER BY unit]], table.concat(paid, ", ")), run) do
    out.by_unit[r.unit] = r
    out.households = out.households + r.households
    out.persons = out.persons + r.persons
  end
  return out
end

-- Households, poor and near-poor households by commune at the review.
local function poverty(db, units)
  local out = { households = 0, poor = 0, near_poor = 0, by_unit = {} }
  for r in db:rows([[
      SELECT h.unit, count(*) AS households,
        count(*) FILTER (WHERE h.status = 'poor') AS poor,
        count(*) FILTER (WHERE h.status = 'near_poor') AS near_poor
      FROM temp.kh_hh h GROUP BY h.unit ORDER BY h.unit]]) do
    out.by_unit[r.unit] = r
    out.households = out.households + r.households
    out.poor = out.poor + r.poor
    out.near_poor = out.near_poor + r.near_poor
  end
  return out
end

local function check_targets(p, units, pov, add)
  for _, d in ipairs(p.targets) do
    if d.rate_points and pov.households > 0 then
      local rate = d.households * 100 / pov.households
      -- the rate as the plan writes it, to two decimals
      if math.abs(tonumber(string.format("%.2f", rate)) - d.rate_points) > 1e-9 then
        add("warning", "rate", d, { households = d.households, surveyed = pov.households,
          district = units.district.name, rate = rate, stated = d.rate_points })
      end
    end
    for _, c in ipairs(d.by_commune or {}) do
      local code = units.code_of(c.name)
      local poor = pov.by_unit[code] and pov.by_unit[code].poor or 0
      if c.n > poor then
        add("warning", "target-exceeds-poor", d, { households = c.n, commune = units.by_code[code].name, poor = poor })
      end
    end
  end
end

local function check_costs(p, progs, add)
  local by_source = {}
  local spent = {}
  for _, f in ipairs(progs) do
    local s = f.decl.source
    if s and f.decl.amount then
      by_source[s] = (by_source[s] or 0) + f.need
      spent[s] = (spent[s] or 0) + f.cost
    end
  end
  local b = p.budget
  if not b then return by_source, spent end
  for _, s in ipairs(p.sources) do
    local cost, line = by_source[s.id], b.lines[s.id]
    if cost and line and cost ~= line then
      add("warning", cost > line and "cost-over-budget" or "cost-under-budget", b, { source = s, line = line, cost = cost })
    end
  end
  return by_source, spent
end

-- The selection stage: units, the standard, the household view, poverty at the review,
-- and every support's eligible households ranked. opts.standard: the poverty standard
-- (default: kehoach.standards, by the plan's name; an unknown one is reported by
-- kehoach.plan.check, and nothing is evaluated). Returns ctx { units, standard, poverty,
-- messages (the registry's, so far) }, or, when there are errors before allocation
-- (names that do not resolve, an unknown standard, no survey), a result holding only
-- messages (with kehoach check's), and false.
function M.prepare(db, p, opts)
  opts = opts or {}
  local list, add = check.messages()
  local units = M.resolve_units(db, p)
  for _, m in ipairs(units.messages) do
    m.seq = #list + 1
    list[#list + 1] = m
  end
  local function failed()
    for _, m in ipairs(check.run(p, { registry = true })) do
      m.seq = #list + 1
      list[#list + 1] = m
    end
    check.sort(list)
    return { messages = list }, false
  end
  local std = opts.standard or standards.of_plan(p, db)
  if not std or check.count(list).error > 0 then return failed() end
  host.budget()
  setup(db, p, units, std)
  local pov = poverty(db, units)
  if pov.households == 0 then
    add("error", "no-survey", p.meta, { registry_year = p.registry_year, district = units.district.name,
      registry_year_set = p.meta.registry_year ~= nil })
    return failed()
  end
  for i, d in ipairs(p.supports) do
    if opts.progress then opts.progress(i - 1, #p.supports + 2, d.id) end  -- the terminal's progress bar
    select_eligible(db, p, units, std, d)
  end
  db:exec("CREATE INDEX temp.kh_eligible_programme ON kh_eligible(programme, unit, rank)")
  return { units = units, standard = std, poverty = pov, messages = list }, true
end

-- The allocation stage under run, from the plan's values as they are now (p.budget_mode:
-- "gap" unless plan.apply_parameters set another). Returns
--   { units, standard, poverty = {households, poor, near_poor, by_unit}, budget_mode,
--     programmes = { {id, decl, households, persons, units, cost, need, unfunded, waitlisted,
--                     eligible, eligible_all, by_unit = {code -> row}} },
--     by_source = {id -> need}, spent_by_source = {id -> cost},
--     reach = {households, persons, by_unit} (households the budget pays for), messages }
-- households, persons, units and cost are what the budget mode pays for; need is what the
-- households chosen would cost in full; unfunded, the households --budget cap left out.
-- messages hold kehoach check's and the registry's, in plan order.
--
-- from: the first stage to do again when run was allotted before on this connection and
-- only some values changed since (kehoach sweep): "choose" (the default: everything;
-- quotas, units), "price" (amounts), "fund" (budget lines), or "figures" (stated counts,
-- targets). A later stage never changes what an earlier one decided. only: with
-- "choose", the one support whose quota changed (the others keep their households).
M.STAGES = { choose = 1, price = 2, fund = 3, figures = 4 }

function M.allot(db, p, ctx, run, from, only)
  host.budget()
  local stage = M.STAGES[from or "choose"]
  local list, add = check.messages()
  for _, m in ipairs(ctx.messages) do list[#list + 1] = m end
  local units = ctx.units
  local mode = p.budget_mode or "gap"
  check_targets(p, units, ctx.poverty, add)
  if stage <= M.STAGES.choose then
    if only then
      db:run("DELETE FROM allocations WHERE run = ? AND programme = ?", run, only)
      choose(db, units, p.by_id[only], run)
    else
      db:run("DELETE FROM allocations WHERE run = ?", run)
      for _, d in ipairs(p.supports) do choose(db, units, d, run) end
    end
  end
  -- a budget mode changes amounts and statuses: funding again starts from the full prices
  if stage <= M.STAGES.price or (stage <= M.STAGES.fund and mode ~= "gap") then
    for _, d in ipairs(p.supports) do price(db, d, run) end
  end
  if stage <= M.STAGES.fund then fund(db, p, run, mode, add) end
  local result = { units = units, standard = ctx.standard, poverty = ctx.poverty, budget_mode = mode, programmes = {} }
  -- a support's allocations change when it is chosen again, or, having an amount, priced
  -- or funded again; the others keep the figures of the last allot of run
  ctx.figures = ctx.figures or {}
  for _, d in ipairs(p.supports) do
    local key = run .. ":" .. d.id
    local again = stage <= M.STAGES.choose and (not only or only == d.id)
      or (d.amount and (stage <= M.STAGES.price or (stage <= M.STAGES.fund and mode ~= "gap")))
    local fig = figures(db, units, d, run, add, not again and ctx.figures[key] or nil)
    ctx.figures[key] = fig
    result.programmes[#result.programmes + 1] = fig
  end
  result.by_source, result.spent_by_source = check_costs(p, result.programmes, add)
  result.reach = reach(db, p, run)
  for _, m in ipairs(check.run(p, { registry = true, costed = result.by_source })) do
    m.seq = #list + 1
    list[#list + 1] = m
  end
  check.sort(list)
  result.messages = list
  return result
end

-- Evaluates p under run: prepare, allot, and the projection of effects (result.projection,
-- see kehoach.project; left out when no support declares an effect, there being nothing
-- to project, or with opts.project = false). When prepare finds errors the result holds
-- only messages. opts.progress(done, total, what), for a progress bar, is called before
-- each support's selection, the allocation and the projection (total: supports + 2).
function M.evaluate(db, p, run, opts)
  opts = opts or {}
  local step = opts.progress or function() end
  local ctx, ok = M.prepare(db, p, opts)
  if not ok then return ctx end
  step(#p.supports, #p.supports + 2, "allot")
  local result = M.allot(db, p, ctx, run)
  if opts.project ~= false and check.count(result.messages).error == 0 and #project.effects(p) > 0 then
    step(#p.supports + 1, #p.supports + 2, "projection")
    result.projection = project.project(db, p, result, run)
  end
  return result
end

-- A connection for evaluating p without keeping results (explain, doc, compare, sweep,
-- tests): a private temporary results database (on disk, removed when closed, so memory
-- stays flat on large registries) with the registry attached and run 1 recorded.
function M.scratch(p, registry)
  local db = core.store.results("")
  db:attach_registry(registry, "reg")
  M.scratch_run(db, p, 1)
  return db
end

-- Records run id in a scratch connection, for another evaluation on it (compare, sweep).
function M.scratch_run(db, p, run)
  db:run([[INSERT INTO runs(id, plan_id, plan_path, plan_sha256, engine_version, budget_mode, started_at, finished_at)
           VALUES (?, ?, ?, '', ?, ?, ?, ?)]], run, p.id, p.path, host.version(), p.budget_mode or "gap", host.now(),
    host.now())
end

return M
