-- budget.lua — phase "fund" of kehoach.pipeline: the budget mode applied to the priced
-- allocations. With "cap", each source with a budget line pays its programmes'
-- households in priority order (the programmes in the plan's order, each in its
-- allocation order) until the line runs out; the rest are 'unfunded'. With "prorate",
-- every amount paid from a source that cannot pay them all is cut in the proportion the
-- line bears to the need (rounded down to the đồng, so the line is never passed). With
-- "gap", nothing changes: the gap is reported. Activities (kehoach.plan.activity) are paid
-- in full first: the line the households share is what is left after them.
--
--   M.fund(db, p, run, mode, add)   add: a kehoach.plan.check message adder
local activity = require "kehoach.plan.activity"

local M = {}

function M.fund(db, p, run, mode, add)
  if mode == "gap" or not p.budget then return end
  for _, s in ipairs(p.sources) do
    local full = p.budget.lines[s.id]
    -- the activities paid from it are paid in full: the households share what is left (the
    -- messages give the whole line against the whole need)
    local acts = activity.cost_of_source(p, s.id)
    local line = full and math.max(0, full - acts)
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
        add("info", "budget-cap", p.budget, { source = s, line = full, need = need + acts, activities = acts, unfunded = cut.n,
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
        add("info", "budget-prorate", p.budget, { source = s, line = full, need = need + acts, activities = acts,
          cut = line / need })
      end
    end
  end
end

return M
