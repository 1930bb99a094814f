-- price.lua — phase "price" of kehoach.pipeline: each chosen household's units and amount
-- (need = amount, before the budget mode), in SQL with the plan's figures bound, never
-- formatted into the statement; and the guard that what a support costs can be counted:
-- a total past values.MAX_SUM đồng is a plan error at the support's line, before any sum
-- of integers could wrap round.
--
--   M.price(db, d, run)
--   M.check_totals(db, p, run)   raises for a support, a source or the plan past MAX_SUM
--   M.bound(db, p, units) -> the most the plan's supports can cost on the registry (float)
local util = require "kehoach.util"
local values = require "kehoach.plan.values"
local params = require "kehoach.plan.params"

local M = {}

-- The SQL expression for a chosen household's amount, from its persons and units, with
-- :vnd and :months bound.
local AMOUNT = {
  person_month = "persons * :vnd * :months",
  person = "persons * :vnd",
  household = ":vnd",
  unit = "units * :vnd",
}

-- Units and amounts of one support's chosen households; the households a budget mode
-- left unfunded are chosen again first.
function M.price(db, d, run)
  local prog = d.id
  local a = d.amount
  if not a then return end  -- amount and need stay 0, and nothing unpaid is left unfunded
  db:run("UPDATE allocations SET status = 'chosen' WHERE run = ? AND programme = ? AND status = 'unfunded'", run, prog)
  if a.basis == "unit" then
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
  local sql = AMOUNT[a.basis]
  db:run("UPDATE allocations SET amount = " .. sql .. ", need = " .. sql ..
    " WHERE run = :run AND programme = :prog AND status = 'chosen'",
    { vnd = a.vnd, months = a.basis == "person_month" and d.period.months or nil, run = run, prog = prog })
end

local function too_much(d, what)
  util.fail("plan", "%s:%d: support '%s': %s more than %s đồng, more than kehoach can count; check its amount, " ..
    "units and who it is for", d.file, d.line, d.id, what, util.group_digits(values.MAX_SUM))
end

-- Every support's need, its source's and the plan's, summed in floating point (SQLite's
-- total(), which never overflows): each must stay within values.MAX_SUM, so that the
-- integer sums made of them later (by commune, source, the plan) are exact.
function M.check_totals(db, p, run)
  local by_source, all = {}, 0.0
  for r in db:rows([[SELECT a.programme, total(a.need) AS need FROM allocations a
      JOIN temp.kh_programmes g ON g.id = a.programme WHERE a.run = ? GROUP BY a.programme ORDER BY g.ord]], run) do
    local d = p.by_id[r.programme]
    if r.need > values.MAX_SUM then too_much(d, "its households in the registry cost") end
    if d.source then
      by_source[d.source] = (by_source[d.source] or 0.0) + r.need
      if by_source[d.source] > values.MAX_SUM then
        too_much(d, string.format("with it, the programmes paid from '%s' cost", d.source))
      end
    end
    all = all + r.need
    if all > values.MAX_SUM then too_much(d, "with it, the plan's programmes cost") end
  end
end

-- The most the plan's supports can cost on the registry attached as "reg", without
-- selecting: every household the review counts in the plan's communes chosen (or a
-- quota's, when smaller), all their members. For kehoach check --db, which evaluates the
-- plan only when this passes values.MAX_SUM (the real cost may still fit).
function M.bound(db, p, units)
  local n = db:first([[SELECT count(*) AS households, coalesce(sum(
      (SELECT count(*) FROM reg.persons x WHERE x.household = s.household)), 0) AS persons
    FROM reg.surveys s JOIN reg.households h ON h.id = s.household
    WHERE s.year = ? AND h.unit IN (SELECT code FROM reg.units WHERE parent = ?)]], p.registry_year,
    units.district.code)
  local all = 0.0
  for _, d in ipairs(p.supports) do
    local a = d.amount
    if a then
      local hh = n.households + 0.0
      if d.quota then hh = math.min(hh, params.list_sum(d.quota)) end
      local each = a.basis == "person_month" and n.persons * d.period.months
        or a.basis == "person" and n.persons
        or a.basis == "household" and hh
        or d.units or (d.units_per_household or 0) * hh
      all = all + a.vnd * each
    end
  end
  return all
end

return M
