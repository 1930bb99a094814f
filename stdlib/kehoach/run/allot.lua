-- allot.lua — phase "allot" of kehoach.pipeline: each support's households chosen from
-- temp.kh_eligible (kehoach.run.select) into main.allocations under the run, by quota and
-- rank; the rest of its eligible households in the quota's communes are waitlisted.
--
--   M.choose(db, units, d, run)
local values = require "kehoach.plan.values"

local M = {}

-- Chooses one support's households from temp.kh_eligible into main.allocations under
-- run: by quota and rank, in quota order then the registry's commune order.
function M.choose(db, units, d, run)
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

return M
