-- figures.lua — phase "count" of kehoach.pipeline: each support's figures from its
-- allocations (households, persons, units, cost, need, by commune), the households the
-- plan's budget reaches, and the checks only the registry can answer: quotas it cannot
-- fill, stated counts, coverage, the declared rate, targets above the poor, costs
-- against the budget lines. Facts only: kehoach.render.messages words the checks.
--
--   M.support(db, units, d, run, add, cached) -> a support's figures (see kehoach.pipeline)
--   M.reach(db, run) -> { households, persons, by_unit }
--   M.targets(p, units, poverty, add)
--   M.costs(p, programmes, add, allocations) -> need by source, cost by source (the activities'
--                   costs and the allocations' funds included)
--   M.overlap(db, run) -> households chosen for two or more supports, by commune and pair
local M = {}

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
  -- eligible households anywhere in the district, for the coverage the plan promises;
  -- those in a commune its quota does not name are neither chosen nor waiting (outside)
  fig.eligible_all = db:value("SELECT count(*) FROM temp.kh_eligible WHERE programme = ?", prog)
  fig.outside = {}
  if fig.eligible_all > fig.eligible then
    for r in db:rows("SELECT unit, count(*) AS n FROM temp.kh_eligible WHERE programme = ? GROUP BY unit ORDER BY unit",
        prog) do
      local n = r.n - (fig.by_unit[r.unit] and fig.by_unit[r.unit].eligible or 0)
      if n > 0 then fig.outside[r.unit] = n end
    end
  end
  return fig
end

-- A support's figures from its allocations under run, and the checks they answer.
-- cached: the figures of the same support from an earlier allot of run, when its
-- allocations cannot have changed since (kehoach sweep); only the checks are made again.
function M.support(db, units, d, run, add, cached)
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
function M.reach(db, run)
  local out = { households = 0, persons = 0, by_unit = {} }
  for r in db:rows([[
      SELECT unit, count(*) AS households, sum(persons) AS persons
      FROM (SELECT unit, household, max(persons) AS persons FROM allocations
            WHERE run = ? AND programme IN (SELECT id FROM temp.kh_programmes WHERE paid = 1)
              AND status = 'chosen' AND amount > 0 GROUP BY unit, household)
      GROUP BY unit ORDER BY unit]], run) do
    out.by_unit[r.unit] = r
    out.households = out.households + r.households
    out.persons = out.persons + r.persons
  end
  return out
end

-- Households chosen for two or more supports (kept apart or together on purpose with
-- also_in and not_in, or by chance): { households, by_unit {code -> n}, pairs [{a, b,
-- households}] } (a, b: support ids, in the plan's order; the pairs that share any).
function M.overlap(db, run)
  local out = { households = 0, by_unit = {}, pairs = {} }
  -- the households in two allocations or more, chosen or not, from the index of allocations
  -- by household alone (no row read): the rest is asked of these few thousand, not of
  -- every household chosen
  db:exec("DROP TABLE IF EXISTS temp.kh_twice")
  db:run([[CREATE TEMP TABLE kh_twice AS SELECT household FROM allocations WHERE run = ? GROUP BY household
    HAVING count(*) >= 2]], run)
  for r in db:rows([[
      SELECT unit, count(*) AS n FROM (SELECT unit, household FROM allocations
        WHERE run = ? AND household IN temp.kh_twice AND status = 'chosen' GROUP BY unit, household
        HAVING count(DISTINCT programme) >= 2)
      GROUP BY unit ORDER BY unit]], run) do
    out.by_unit[r.unit] = r.n
    out.households = out.households + r.n
  end
  for r in db:rows([[
      SELECT x.programme AS a, y.programme AS b, count(DISTINCT x.household) AS households
      FROM temp.kh_twice t CROSS JOIN allocations x CROSS JOIN allocations y
        JOIN temp.kh_programmes gx ON gx.id = x.programme JOIN temp.kh_programmes gy ON gy.id = y.programme
      WHERE x.run = ? AND x.household = t.household AND y.run = x.run AND y.household = x.household
        AND x.status = 'chosen' AND y.status = 'chosen' AND gx.ord < gy.ord
      GROUP BY x.programme, y.programme ORDER BY min(gx.ord), min(gy.ord)]], run) do
    out.pairs[#out.pairs + 1] = r
  end
  return out
end

-- The targets against the review: the rate they state, the poor households and the rate
-- they state for the year's end, and no commune asked for more escapes than it has poor
-- households.
function M.targets(p, units, pov, add)
  for _, d in ipairs(p.targets) do
    if d.rate_points and pov.households > 0 then
      local rate = d.households * 100 / pov.households
      -- the rate as the plan writes it, to two decimals
      if math.abs(tonumber(string.format("%.2f", rate)) - d.rate_points) > 1e-9 then
        add("warning", "rate", d, { households = d.households, surveyed = pov.households,
          district = units.district.name, rate = rate, stated = d.rate_points })
      end
    end
    -- the year's end the target states: the poor at the review minus the target
    local poor_end = pov.poor - d.households
    if d.poor_at_end and d.poor_at_end ~= poor_end then
      add("warning", "poor-at-end", d, { stated = d.poor_at_end, poor = pov.poor, households = d.households,
        computed = poor_end, registry_year = p.registry_year, district = units.district.name })
    end
    if d.rate_at_end and pov.households > 0 then
      local rate = poor_end * 100 / pov.households
      if math.abs(tonumber(string.format("%.2f", rate)) - d.rate_at_end) > 1e-9 then
        add("warning", "rate-at-end", d, { stated = d.rate_at_end, rate = rate, poor_end = poor_end,
          surveyed = pov.households, district = units.district.name })
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

-- Each source's need and cost from the supports' figures, the activities' costs and the
-- allocations' funds, and the need against its line.
function M.costs(p, progs, add, allocations)
  local by_source = {}
  local spent = {}
  for _, f in ipairs(progs) do
    local s = f.decl.source
    if s and f.decl.amount then
      by_source[s] = (by_source[s] or 0) + f.need
      spent[s] = (spent[s] or 0) + f.cost
    end
  end
  -- activities (kehoach.plan.activity) cost what they state, paid in full
  for _, d in ipairs(p.activities or {}) do
    by_source[d.source] = (by_source[d.source] or 0) + d.cost
    spent[d.source] = (spent[d.source] or 0) + d.cost
  end
  -- a fund divided by criteria (kehoach.run.allocation) is its source's to the đồng
  for _, a in ipairs(allocations or {}) do
    local s = a.decl.source
    by_source[s] = (by_source[s] or 0) + a.total
    spent[s] = (spent[s] or 0) + a.total
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

return M
