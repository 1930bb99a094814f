-- project.lua — can the targets be met? The effects the plan's supports declare are
-- applied to the households they were allocated to, quarter by quarter, and each such
-- household is classified again with the plan's standard at the end of every quarter:
-- inside SQLite, on temporary tables of the households an effect reaches, never in Lua
-- tables. Escapes are counted by commune and quarter and set against the targets.
--
-- An effect (support "x" { effect = { income =, from =, clears = } }) means, for every
-- household the support pays for (status 'chosen' in the run's allocations):
--   income  đồng per person per month added to the household's income per person from
--           the first month of `from` (a month "07" or a quarter "Q3"); under --budget
--           prorate, in the proportion of the amount paid to the amount needed;
--   clears  the deprivation indicators no longer counted from the first month of `from`
--           (without `from`: from the support's first month, or January).
-- A household escapes in the quarter at whose end it is first not poor, when it was
-- recorded poor at the review and the standard gives it poor on its review values (a
-- household the registry records poor against its own values is a data problem `kehoach
-- db check` reports; no effect is credited for it). Effects only add, so nobody falls back.
--
--   M.project(db, p, result, run) -> the summary's `projection` (see M.project below), and
--                                    the run's rows in projected_households (the poor
--                                    households an effect reaches) and projected_communes
local json = require "kehoach.json"
local check = require "kehoach.plan.check"
local selector = require "kehoach.plan.selector"
local values = require "kehoach.plan.values"

local host = core.host

-- An indicator an effect clears, as a column name: one of the registry's (a whitelist;
-- the plan's text never reaches SQL as a name).
local INDICATOR = {}
for _, col in ipairs(selector.INDICATORS) do INDICATOR[col] = col end
local function column(col)
  return INDICATOR[col] or error("not an indicator column: " .. tostring(col))
end

local M = {}

M.QUARTERS = { "Q1", "Q2", "Q3", "Q4" }

-- The first month an effect counts from.
local function start_month(d)
  local e = d.effect
  if e.from then return e.from.from end
  return d.period and d.period.from or 1
end

-- Each effect the plan declares, as applied: {programme, decl, income, month (the first
-- it counts in), from (that period as written: "Q3", "07"), clears, note}.
function M.effects(p)
  local out = {}
  for _, d in ipairs(p.supports) do
    local e = d.effect
    if e and (e.income or e.clears) then
      out[#out + 1] = { programme = d.id, decl = d, income = e.income, month = start_month(d),
        from = e.from and values.period_code(e.from) or values.period_code({ from = start_month(d),
          to = start_month(d) }), clears = e.clears, note = e.note }
    end
  end
  return out
end

-- temp.kh_effects: one row per poor household and effect part (an income, or an
-- indicator cleared), from the run's allocations; then temp.kh_household_effects: one row
-- per household, the income added by the end of each quarter (i1..i4) and, for each
-- indicator cleared, the first month it is (clear_<indicator>). Only households recorded
-- poor can escape, so only they are projected (kh_eligible keeps the recorded status).
local function effect_rows(db, effects, run, cleared)
  db:exec([[DROP TABLE IF EXISTS temp.kh_effects; DROP TABLE IF EXISTS temp.kh_household_effects;
    CREATE TEMP TABLE kh_effects(household TEXT NOT NULL, month INTEGER NOT NULL, income INTEGER, indicator TEXT);]])
  -- from the poor among the support's eligible households to their allocations (CROSS JOIN
  -- keeps that order): a lookup for each poor household, where joining from the allocations
  -- looked up every household chosen (the health-insurance list: 693,488 at ten million
  -- households); a 20-point quota sweep 7% faster at either size
  local poor_chosen = [[FROM temp.kh_eligible e CROSS JOIN allocations a
    ON a.run = :run AND a.programme = e.programme AND a.unit = e.unit AND a.rank = e.rank
    WHERE e.programme = :prog AND e.status = 'poor' AND a.status = 'chosen']]
  for _, e in ipairs(effects) do
    local args = { run = run, prog = e.programme, month = e.month, income = e.income }
    if e.income then
      db:run([[INSERT INTO temp.kh_effects(household, month, income)
        SELECT a.household, :month, CASE WHEN a.need > 0 THEN :income * a.amount / a.need ELSE :income END ]] ..
        poor_chosen, args)
    end
    for _, col in ipairs(e.clears or {}) do
      args.indicator = col
      db:run("INSERT INTO temp.kh_effects(household, month, indicator) SELECT a.household, :month, :indicator " ..
        poor_chosen, args)
    end
  end
  local cols = {}
  for q = 1, 4 do
    cols[#cols + 1] = string.format("coalesce(sum(income) FILTER (WHERE month <= %d), 0) AS i%d", 3 * q, q)
  end
  for _, col in ipairs(cleared) do
    cols[#cols + 1] = string.format("min(month) FILTER (WHERE indicator = ?) AS clear_%s", column(col))
  end
  db:run(string.format([[CREATE TEMP TABLE kh_household_effects AS
    SELECT household, %s FROM temp.kh_effects GROUP BY household]], table.concat(cols, ", ")), table.unpack(cleared))
end

-- temp.kh_affected: the poor households some effect reaches, with their review values
-- and effects; then, quarter by quarter, their income and indicators are moved to the
-- quarter's end (effects only add, so each quarter starts from the last) and the
-- standard's status, with the deprivations it counts, is kept in q1..q4.
-- cleared: the indicators some effect clears (the others stay as recorded).
local function classify(db, p, result, cleared)
  local std = result.standard
  local cols = {}
  for i, col in ipairs(selector.INDICATORS) do cols[i] = "s." .. col end
  for _, col in ipairs(cleared) do cols[#cols + 1] = "e.clear_" .. column(col) end
  db:exec("DROP TABLE IF EXISTS temp.kh_affected")
  db:run(string.format([[
    CREATE TEMP TABLE kh_affected AS
    SELECT h.code, c.child AS unit, c.name AS commune, c.urban, s.status, s.income AS review_income,
      %s AS review_deprivations, %s AS review_status, s.income, NULL AS deprivations,
      NULL AS q1, NULL AS q2, NULL AS q3, NULL AS q4, e.i1, e.i2, e.i3, e.i4, %s
    FROM temp.kh_household_effects e
    JOIN reg.households h ON h.code = e.household
    JOIN reg.surveys s ON s.household = h.id AND s.year = :year
    JOIN temp.kh_leaves c ON c.code = h.unit]],
    std.deprivations_sql("s"), std.status_sql("s.income", "c.urban", std.deprivations_sql("s")),
    table.concat(cols, ", ")), { year = p.registry_year })
  local dep = std.deprivations_sql("")
  for q = 1, 4 do
    local month = 3 * q
    local sets = { string.format("income = review_income + i%d", q) }
    for _, col in ipairs(cleared) do
      col = column(col)
      sets[#sets + 1] = string.format("%s = CASE WHEN clear_%s <= %d THEN 0 ELSE %s END", col, col, month, col)
    end
    db:exec(string.format("UPDATE temp.kh_affected SET %s", table.concat(sets, ", ")))
    db:exec(string.format("UPDATE temp.kh_affected SET deprivations = %s, q%d = %s", dep, q,
      std.status_sql("income", "urban", dep)))
  end
end

-- The run's rows: projected_households, then escapes by commune and quarter.
local function record(db, run)
  db:run([[
    INSERT INTO projected_households(run, household, unit, commune, status, income, deprivations,
      q1, q2, q3, q4, income_q4, deprivations_q4, escaped)
    SELECT :run, code, unit, commune, status, review_income, review_deprivations, q1, q2, q3, q4,
      income, deprivations,
      CASE WHEN review_status = 'poor' THEN
        CASE 'poor' WHEN q1 THEN CASE 'poor' WHEN q2 THEN CASE 'poor' WHEN q3 THEN
          CASE 'poor' WHEN q4 THEN NULL ELSE 4 END ELSE 3 END ELSE 2 END ELSE 1 END END
    FROM temp.kh_affected ORDER BY code]], { run = run })
  local escapes = {}
  for r in db:rows([[SELECT unit, escaped, count(*) AS n FROM projected_households
      WHERE run = ? AND escaped IS NOT NULL GROUP BY unit, escaped ORDER BY unit, escaped]], run) do
    escapes[r.unit] = escapes[r.unit] or { 0, 0, 0, 0 }
    escapes[r.unit][r.escaped] = r.n
  end
  return escapes
end

-- Households some effect reaches, poor or not, each counted once.
local function affected(db, effects, run)
  local ids = {}
  for i, e in ipairs(effects) do ids[i] = e.programme end
  return db:value([[SELECT count(DISTINCT household) FROM allocations
    WHERE run = ? AND status = 'chosen' AND programme IN (SELECT value FROM json_each(?))]], run, json.encode(ids))
end

local function rate(poor, households)
  if households == 0 then return 0 end
  return tonumber(string.format("%.2f", poor * 100 / households))
end

-- What a target asks, by commune (its communes, or the sum of its quarters') and, for each
-- quarter, how many households by its end (the quarters' running total).
local function asked(d, units)
  local by_code = {}
  local function add(list)
    for _, c in ipairs(list or {}) do
      local code = units.code_of(c.name)
      by_code[code] = (by_code[code] or 0) + c.n
    end
  end
  if d.by_commune then
    add(d.by_commune)
  else
    for q = 1, 4 do add(d["Q" .. q]) end
  end
  local running, total = {}, 0
  local by_quarters = d.quarter_totals or d.Q1 or d.Q2 or d.Q3 or d.Q4
  for q = 1, 4 do
    local list = d["Q" .. q]
    total = total + (list and check.sum(list) or (d.quarter_totals and d.quarter_totals["Q" .. q]) or 0)
    running[q] = by_quarters and total or nil
  end
  return by_code, running
end

-- Each target against the projection: met, or short by how many and where.
local function targets(p, units, escapes, totals)
  local out = json.array()
  for _, d in ipairs(p.targets) do
    local by_code, running = asked(d, units)
    local short, projected = {}, {}
    for _, c in ipairs(units.communes) do
      local e = escapes[c.code]
      local got = e and (e[1] + e[2] + e[3] + e[4]) or 0
      local want = by_code[c.code]
      if want then
        projected[c.name] = got
        if got < want then short[c.name] = want - got end
      end
    end
    local short_by = math.max(0, d.households - totals[4])
    local in_communes = 0
    for _, n in pairs(short) do in_communes = in_communes + n end
    local by_quarter = {}
    for q = 1, 4 do
      by_quarter[M.QUARTERS[q]] = { target = running[q] or json.null, projected = totals[q] }
    end
    out[#out + 1] = {
      id = d.id, label = d.label, households = d.households, projected = totals[4],
      met = short_by == 0 and next(short) == nil, short_by = short_by, short = short,
      short_in_communes = in_communes, over_by = math.max(0, totals[4] - d.households),
      projected_by_commune = projected, by_quarter = by_quarter,
    }
  end
  return out
end

-- Projects the run's allocations. Returns the summary's projection:
--   by_quarter { Q1..Q4 = { escapes {commune: n}, poor {commune: n}, escapes_total, poor_total, rate } }
--   year_end { poor {commune: n}, rate_by_commune {commune: %}, escapes {commune: n},
--              poor_total, escapes_total, rate, rate_points (the fall, in points) }
--   targets [ { id, label, households, projected, met, short_by (the whole target's
--               shortfall), short {commune: n}, short_in_communes (their sum: a target
--               met as a whole may still be short in a commune, and is then not met),
--               over_by (escapes past the whole target),
--               projected_by_commune {commune: n}, by_quarter {Q1..Q4: {target, projected}} } ]
--   effects [ { programme, income, from, clears, note, households } ]   the assumptions
--   households_affected (by some effect), poor_households_affected (projected one by one:
--   only they can escape), households_escaping
-- Communes are spelled as the registry spells them; every commune of the plan's unit is
-- listed in the maps of by_quarter and year_end; rates are % of households, 2 decimals.
--
-- reuse: when run was projected before on this connection and nothing it depends on
-- (allocations, funding, effects) changed since, the second value that projection
-- returned; the households are then not classified again (kehoach sweep).
function M.project(db, p, result, run, reuse)
  host.budget()
  local units, pov = result.units, result.poverty
  local effects = M.effects(p)
  local escapes = reuse and reuse.escapes
  if not reuse then
    local cleared, seen = {}, {}
    for _, e in ipairs(effects) do
      for _, col in ipairs(e.clears or {}) do
        if not seen[col] then seen[col] = true; cleared[#cleared + 1] = col end
      end
    end
    effect_rows(db, effects, run, cleared)
    classify(db, p, result, cleared)
    db:run("DELETE FROM projected_households WHERE run = ?", run)
    escapes = record(db, run)
  end
  db:run("DELETE FROM projected_communes WHERE run = ?", run)

  local by_quarter, totals = {}, {}
  local ins = db:prepare([[INSERT INTO projected_communes(run, quarter, unit, commune, households, poor, escapes)
    VALUES (?, ?, ?, ?, ?, ?, ?)]])
  local poor_now = {}
  for _, c in ipairs(units.communes) do
    local r = pov.by_unit[c.code]
    poor_now[c.code] = r and r.poor or 0
  end
  local cumulative = 0
  for q = 1, 4 do
    local e_map, p_map, poor_total = {}, {}, 0
    local in_quarter = 0
    for _, c in ipairs(units.communes) do
      local n = escapes[c.code] and escapes[c.code][q] or 0
      poor_now[c.code] = poor_now[c.code] - n
      in_quarter = in_quarter + n
      e_map[c.name], p_map[c.name] = n, poor_now[c.code]
      poor_total = poor_total + poor_now[c.code]
      local r = pov.by_unit[c.code]
      ins:run(run, q, c.code, c.name, r and r.households or 0, poor_now[c.code], n)
    end
    cumulative = cumulative + in_quarter
    totals[q] = cumulative
    by_quarter[M.QUARTERS[q]] = { escapes = e_map, poor = p_map, escapes_total = in_quarter,
      poor_total = poor_total, rate = rate(poor_total, pov.households) }
  end
  ins:close()

  local year = by_quarter.Q4
  local rate_by_commune, escapes_year = {}, {}
  for _, c in ipairs(units.communes) do
    local r = pov.by_unit[c.code]
    rate_by_commune[c.name] = rate(year.poor[c.name], r and r.households or 0)
    local e = escapes[c.code]
    escapes_year[c.name] = e and (e[1] + e[2] + e[3] + e[4]) or 0
  end

  if not reuse then
    reuse = { escapes = escapes, households = {}, affected = affected(db, effects, run),
      poor_affected = db:value("SELECT count(*) FROM temp.kh_affected") }
    for _, e in ipairs(effects) do
      reuse.households[e.programme] = db:value([[SELECT count(*) FROM allocations
        WHERE run = ? AND programme = ? AND status = 'chosen']], run, e.programme)
    end
  end
  local applied = json.array()
  for _, e in ipairs(effects) do
    applied[#applied + 1] = { programme = e.programme, income = e.income or json.null, from = e.from,
      clears = e.clears and json.array(e.clears) or json.array(), note = e.note or json.null,
      households = reuse.households[e.programme] }
  end

  return {
    by_quarter = by_quarter,
    year_end = { poor = year.poor, poor_total = year.poor_total, rate = year.rate, rate_by_commune = rate_by_commune,
      escapes = escapes_year, escapes_total = totals[4],
      rate_points = tonumber(string.format("%.2f", totals[4] * 100 / math.max(1, pov.households))) },
    targets = targets(p, units, escapes, totals),
    effects = applied,
    households_affected = reuse.affected,
    poor_households_affected = reuse.poor_affected,
    households_escaping = totals[4],
  }, reuse
end

-- What the projection says of one household (run 1 of an evaluation on db), for kehoach
-- explain: nil when the plan projects nothing; { reached = false, poor } when no effect
-- reaches it; else { reached = true, quarters (its status at each quarter's end),
-- income_q4, deprivations_q4, escaped (the quarter it leaves poverty, or nil) }.
function M.household(db, p, code)
  if #M.effects(p) == 0 then return nil end
  local r = db:first("SELECT * FROM projected_households WHERE run = 1 AND household = ?", code)
  if not r then
    return { reached = false, poor = db:value("SELECT status = 'poor' FROM temp.kh_hh WHERE code = ?", code) == 1 }
  end
  return { reached = true, quarters = { r.q1, r.q2, r.q3, r.q4 }, income_q4 = r.income_q4,
    deprivations_q4 = r.deprivations_q4, escaped = r.escaped }
end

-- A projected target's communes that fall short, the largest shortfall first, then by
-- name (folded the Vietnamese way), the one order of every output's shortfall list:
-- { {name, n} }. s: a summary (its communes), g: {short = {name: n}}.
function M.shortfalls(s, g)
  local out = {}
  for i, name in ipairs(s.communes) do
    if g.short[name] then out[#out + 1] = { name = name, n = g.short[name], ord = i } end
  end
  for _, c in ipairs(out) do c.key = core.text.fold(c.name) end
  table.sort(out, function(a, b)
    if a.n ~= b.n then return a.n > b.n end
    if a.key ~= b.key then return a.key < b.key end
    return a.ord < b.ord
  end)
  for _, c in ipairs(out) do c.key = nil end
  return out
end

return M
