-- test_project.lua — the projection and the budget modes on the fixture registry, where
-- each household's income and deprivations can be followed by hand (tests/lua/fixture.lua;
-- vn-2016: poor at or below 700.000 rural / 900.000 urban, or up to the near-poor line with
-- 3 deprivations or more).
local t = ...
local fx = core.host.loadfile("tests/lua/fixture.lua", "tests/lua/fixture.lua", _ENV)()
local plan = require "kehoach.plan"

local T = {}

-- Loans in An Lạc go to A03 (600.000, 3 deprivations) and A04 (600.000, 1); in Bình Minh
-- (urban) to B04 (850.000). +150.000 from Q3: A04 at 750.000 with 1 deprivation is near-poor;
-- B04 at 1.000.000 is above the urban line; A03 at 750.000 keeps 3 deprivations and stays
-- poor until its house clears housing quality in Q4.
local PLAN = [[
target "giam" { households = 3, by_commune = { ["An Lạc"] = 2, ["Hòa Bình"] = 1 },
  Q3 = { ["An Lạc"] = 1, ["Hòa Bình"] = 1 }, Q4 = { ["An Lạc"] = 1 } }
source "loans" { label = "Vốn vay", loan = true }
source "gifts" { label = "Xã hội hoá" }
support "vay_von" { label = "Vay vốn", who = { status = "poor", need = "credit" },
  quota = { ["An Lạc"] = 2, ["Bình Minh"] = 1 }, amount = per_household(million(50)), quarters = "Q1-Q2",
  source = "loans", effect = { income = 150000, from = "Q3" } }
support "nha_o" { label = "Nhà ở", who = { status = "poor", need = "housing" }, quota = { ["An Lạc"] = 1 },
  amount = per_household(million(30)), quarters = "Q3-Q4", source = "gifts",
  effect = { clears = { "d_housing_quality" }, from = "Q4" } }
budget { total = million(180), loans = million(150), gifts = million(30) }
]]

local function evaluated(sets, mode, source)
  local p = plan.load(fx.plan_file("project", fx.HEADER .. (source or PLAN)))
  plan.apply_parameters(p, sets or {}, nil, mode)
  local r, db = fx.run(p, fx.registry())
  t.eq(require("kehoach.plan.check").count(r.messages).error, 0)
  return r, db
end

local function statuses(db)
  local out = {}
  for row in db:rows("SELECT household, q1 || ' ' || q2 || ' ' || q3 || ' ' || q4 AS s, escaped FROM " ..
      "projected_households WHERE run = 1 ORDER BY household") do
    out[row.household] = row.s .. (row.escaped and (" escaped Q" .. row.escaped) or "")
  end
  return out
end

function T.test_effects_reclassify_each_household_at_each_quarter_end()
  local r, db = evaluated()
  t.eq(statuses(db), {
    A03 = "poor poor poor near_poor escaped Q4",
    A04 = "poor poor near_poor near_poor escaped Q3",
    B04 = "poor poor near_poor near_poor escaped Q3",
  })
  local pr = r.projection
  t.eq(pr.by_quarter.Q3.escapes, { ["An Lạc"] = 1, ["Bình Minh"] = 1, ["Hòa Bình"] = 0 })
  t.eq(pr.by_quarter.Q4.escapes, { ["An Lạc"] = 1, ["Bình Minh"] = 0, ["Hòa Bình"] = 0 })
  -- An Lạc had 6 poor households, Bình Minh 2, Hòa Bình 2
  t.eq(pr.by_quarter.Q3.poor, { ["An Lạc"] = 5, ["Bình Minh"] = 1, ["Hòa Bình"] = 2 })
  t.eq(pr.year_end.poor, { ["An Lạc"] = 4, ["Bình Minh"] = 1, ["Hòa Bình"] = 2 })
  t.eq({ pr.year_end.poor_total, pr.year_end.escapes_total }, { 7, 3 })
  -- 7 poor households of the 15 surveyed
  t.eq(pr.year_end.rate, 46.67)
  t.eq(pr.year_end.rate_points, 20)
  t.eq(db:value("SELECT poor FROM projected_communes WHERE run = 1 AND quarter = 4 AND commune = 'An Lạc'"), 4)
  t.eq(db:value("SELECT sum(escapes) FROM projected_communes WHERE run = 1"), 3)
end

function T.test_explain_tells_a_household_its_projected_quarters()
  local _, db = evaluated()
  local p = plan.load(fx.DIR .. "/project.lua")
  local project = require "kehoach.project"
  local projection = require "kehoach.render.projection"
  t.eq(projection.household_lines(project.household(db, p, "A04"), p.year), { "", "Dự báo theo tác động của các chương trình: thu nhập cuối năm " ..
    "750.000 đồng/người/tháng, 1 chỉ số thiếu hụt; cuối quý I: nghèo, quý II: nghèo, quý III: cận nghèo, " ..
    "quý IV: cận nghèo.", "→ Dự báo thoát nghèo trong quý III/2021." })
  -- A05 is poor but no effect reaches it; A07 was never poor
  t.eq(projection.household_lines(project.household(db, p, "A05"), p.year)[2], "Dự báo: không chương trình nào có tác động đến hộ này; hộ vẫn là hộ nghèo cuối năm.")
  t.eq(projection.household_lines(project.household(db, p, "A07"), p.year), {})
end

function T.test_targets_are_met_or_short_by_how_many_and_where()
  local pr = evaluated().projection
  local g = pr.targets[1]
  -- 3 escapes for a target of 3, but none in Hòa Bình, which was to give 1
  t.eq({ g.projected, g.short_by, g.met }, { 3, 0, false })
  t.eq(g.short, { ["Hòa Bình"] = 1 })
  t.eq(g.projected_by_commune, { ["An Lạc"] = 2, ["Hòa Bình"] = 0 })
  t.eq(g.by_quarter.Q3, { target = 2, projected = 2 })
  t.eq(g.by_quarter.Q4, { target = 3, projected = 3 })
  -- without the houses A03 stays poor: short by one, in An Lạc
  g = evaluated({ "nha_o.quota.An Lạc=0" }).projection.targets[1]
  t.eq({ g.projected, g.short_by, g.short }, { 2, 1, { ["An Lạc"] = 1, ["Hòa Bình"] = 1 } })
end

function T.test_a_larger_income_effect_moves_the_households_it_reaches()
  local _, db = evaluated({ "vay_von.effect.income=50000" })
  -- 650.000 is still poor in An Lạc; 900.000 is exactly the urban line: still poor
  t.eq(statuses(db), { A03 = "poor poor poor poor", A04 = "poor poor poor poor", B04 = "poor poor poor poor" })
end

function T.test_cap_pays_in_priority_order_until_the_line_runs_out()
  local r, db = evaluated({ "budget.loans=million(120)" }, "cap")
  t.eq(r.budget_mode, "cap")
  local rows = {}
  for row in db:rows("SELECT household, status, amount, need FROM allocations WHERE run = 1 AND programme = 'vay_von' " ..
      "ORDER BY rowid") do
    rows[#rows + 1] = table.concat({ row.household, row.status, row.amount, row.need }, " ")
  end
  t.eq(rows, { "A03 chosen 50000000 50000000", "A04 chosen 50000000 50000000", "A08 waitlisted 0 0",
    "A05 waitlisted 0 0", "B04 unfunded 0 50000000" })
  t.eq(r.spent_by_source.loans, 100000000, "never more than the 120 million the line holds")
  t.eq(r.by_source.loans, 150000000)
  local f = r.programmes[1]
  t.eq({ f.households, f.unfunded, f.cost, f.need }, { 2, 1, 100000000, 150000000 })
  -- B04 got no loan: it does not escape
  t.eq(statuses(db).B04, nil)
  t.eq(r.projection.year_end.escapes_total, 2)
  local info
  for _, m in ipairs(r.messages) do
    if m.code == "budget-cap" then info = m.message end
  end
  t.eq(info, "budget: loans holds 120.000.000 đồng for 150.000.000 đồng of need; 1 household of vay_von left unfunded")
end

function T.test_prorate_cuts_every_amount_and_the_income_it_brings()
  local r, db = evaluated({ "budget.loans=million(100)" }, "prorate")
  local amounts = {}
  for row in db:rows("SELECT amount FROM allocations WHERE run = 1 AND programme = 'vay_von' AND status = 'chosen'") do
    amounts[#amounts + 1] = row.amount
  end
  t.eq(amounts, { 33333333, 33333333, 33333333 })
  t.eq(r.spent_by_source.loans, 99999999)
  -- two thirds of a loan bring two thirds of the income: 100.000; A04 at 700.000 stays poor
  -- (rural line), B04 at 950.000 is above the urban line
  local s = statuses(db)
  t.eq(s.A04, "poor poor poor poor")
  t.eq(s.B04, "poor poor near_poor near_poor escaped Q3")
end

function T.test_gap_pays_everything_and_reports_the_gap()
  local r = evaluated({ "budget.loans=million(100)" })
  t.eq(r.budget_mode, "gap")
  t.eq({ r.by_source.loans, r.spent_by_source.loans }, { 150000000, 150000000 })
  t.eq(r.projection.year_end.escapes_total, 3)
end

return T
