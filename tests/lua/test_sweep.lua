-- test_sweep.lua — kehoach sweep on the fixture registry: the range read by the path's
-- kind, each row equal to the plan evaluated afresh with that value, the work a value
-- cannot change done once, and the chart's axis titled with what the value is.
local t = ...
local fx = core.host.loadfile("tests/lua/fixture.lua", "tests/lua/fixture.lua", _ENV)()
local plan = require "kehoach.plan"
local sweep = require "kehoach.sweep"
local summary = require "kehoach.summary"

local T = {}

local PLAN = fx.HEADER .. [[
target "giam" { households = 3, by_commune = { ["An Lạc"] = 2, ["Bình Minh"] = 1 } }
source "city" { label = "Ngân sách thành phố" }
source "loans" { label = "Vốn vay", loan = true }
support "tro_cap" { label = "Trợ cấp", who = { status = "poor", unable_to_escape = true },
  amount = per_person_month(250000), months = "01-12", source = "city" }
support "vay_von" { label = "Vay vốn", who = { status = "poor", need = "credit" },
  quota = { ["An Lạc"] = 1, ["Bình Minh"] = 1 }, amount = per_household(million(50)), quarters = "Q1-Q2",
  source = "loans", effect = { income = 150000, from = "Q3" } }
budget { total = million(121), city = million(21), loans = million(100) }
]]

local function path()
  return fx.plan_file("sweep", PLAN)
end

function T.test_the_range_is_read_by_the_kind_of_the_path()
  local p = plan.load(path())
  t.eq(sweep.parse(p, "tro_cap.amount=250.000:300.000:25.000").values, { 250000, 275000, 300000 })
  t.eq(sweep.parse(p, "vay_von.quota.An Lạc=0:4:2").values, { 0, 2, 4 })
  t.eq(sweep.parse(p, "tro_cap.amount=million(0.25):million(0.26):5000").values, { 250000, 255000, 260000 })
  local bad = {
    { "tro_cap.amount=250000:300000", "give FROM:TO:STEP after the path" },
    { "tro_cap.amount=250000:300000:0", "STEP must be more than 0" },
    { "tro_cap.amount=1:100000:1", "100000 values; at most 1000" },
    { "tro_cap.amout=1:2:1", "unknown parameter 'tro_cap.amout' (did you mean 'tro_cap.amount'?)" },
    { "vay_von.quota.An Lạc=0:2.5:1", "TO: '2.5' is not a whole number" },
  }
  for _, case in ipairs(bad) do
    local msg, kind = t.raises(nil, sweep.parse, p, case[1])
    t.eq(kind, "usage", case[1])
    t.contains(msg, case[2], case[1])
  end
end

function T.test_the_axis_is_titled_with_what_the_value_is()
  local p = plan.load(path())
  local params = require "kehoach.plan.params"
  local render = require "kehoach.render.sweep"
  for _, case in ipairs({
    { "tro_cap.amount", "Mức hỗ trợ của “Trợ cấp” (đồng/khẩu/tháng)" },
    { "vay_von.amount", "Mức hỗ trợ của “Vay vốn” (đồng/hộ)" },
    { "vay_von.quota.An Lạc", "Chỉ tiêu của “Vay vốn” tại An Lạc (hộ)" },
    { "vay_von.effect.income", "Thu nhập tăng thêm nhờ “Vay vốn” (đồng/người/tháng)" },
    { "budget.loans", "Vốn vay (đồng)" },
    { "budget.total", "Tổng kinh phí kế hoạch (đồng)" },
    { "giam.households", "Chỉ tiêu giảm hộ nghèo “giam” (hộ)" },
    { "giam.by_commune.Bình Minh", "Chỉ tiêu giảm hộ nghèo “giam” tại Bình Minh (hộ)" },
  }) do
    t.eq(render.axis(p, assert(params.find(p, case[1]))), case[2], case[1])
  end
  t.eq(render.axis(p, { path = "tro_cap.units_per_household", decl = p.by_id.tro_cap }),
    "Số đơn vị mỗi hộ của “Trợ cấp” (đơn vị)")
  t.eq(render.axis(p, { path = "tro_cap.nothing_known", decl = p.by_id.tro_cap }), "tro_cap.nothing_known",
    "without words for it, the path")
  -- the entry of a sweep's run
  local _, sw, run = sweep.run(path(), { vary = "tro_cap.amount=250000:275000:25000", db = fx.registry() })
  t.eq(render.axis(run, sw.entry), "Mức hỗ trợ của “Trợ cấp” (đồng/khẩu/tháng)")
end

-- The plan evaluated from scratch with one value set, as `kehoach run --set` would.
local function single(set)
  local p = plan.load(path())
  plan.apply_parameters(p, { set })
  local r, db = fx.run(p, fx.registry())
  db:close()
  return summary.build(p, r, r.messages)
end

local function same(row, s)
  t.eq({ row.cost, row.need, row.gap.city, row.gap.loans, row.households, row.escapes, row.poor, row.short.giam },
    { s.budget.total_spent, s.budget.total_computed, s.budget.sources[1].gap, s.budget.sources[2].gap,
      s.reached.households, s.projection.year_end.escapes_total, s.projection.year_end.poor_total,
      s.projection.targets[1].short_by }, "row " .. tostring(row.value))
end

function T.test_an_amount_is_priced_again_and_nothing_else()
  local rows, sw = sweep.run(path(), { vary = "tro_cap.amount=250000:300000:25000", db = fx.registry() })
  t.eq(#rows, 3)
  -- the households chosen once; only the amounts again
  t.eq(sw.stages, { prepare = 1, choose = 1, price = 3, project = 1 })
  -- A01 2 + A02 1 + B01 3 + H01 1 = 7 persons × 12 months
  t.eq({ rows[1].gap.city, rows[2].gap.city, rows[3].gap.city }, { 0, 2100000, 4200000 })
  for _, r in ipairs(rows) do same(r, single("tro_cap.amount=" .. r.value)) end
end

function T.test_a_quota_chooses_again_and_projects_again()
  local rows, sw = sweep.run(path(), { vary = "vay_von.quota.An Lạc=0:2:1", db = fx.registry() })
  t.eq(sw.stages, { prepare = 1, choose = 3, price = 3, project = 3 })
  -- An Lạc's loans go to A03 (stays poor: 3 deprivations) and then A04 (escapes)
  t.eq({ rows[1].escapes, rows[2].escapes, rows[3].escapes }, { 1, 1, 2 })
  for _, r in ipairs(rows) do same(r, single("vay_von.quota.An Lạc=" .. r.value)) end
end

function T.test_a_budget_line_under_cap_funds_and_projects_again()
  local rows, sw = sweep.run(path(), { vary = "budget.loans=million(50):million(100):million(50)", budget = "cap",
    db = fx.registry() })
  -- cap funds from the full prices: priced again, never chosen again
  t.eq(sw.stages, { prepare = 1, choose = 1, price = 2, project = 2 })
  t.eq({ rows[1].cost, rows[2].cost }, { 21000000 + 50000000, 21000000 + 100000000 })
  t.eq({ rows[1].escapes, rows[2].escapes }, { 0, 1 })
end

return T
