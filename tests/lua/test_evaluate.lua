-- test_evaluate.lua — a plan against the fixture registry: who is chosen, in which order,
-- for how much, and what the run says when the registry and the plan disagree.
local t = ...
local fx = core.host.loadfile("tests/lua/fixture.lua", "tests/lua/fixture.lua", _ENV)()

local T = {}

local SOURCES = [[
source "city" { label = "Ngân sách thành phố" }
source "loans" { label = "Vốn vay", loan = true }
source "province" { label = "Ngân sách tỉnh" }
]]

local function programme(r, id)
  for _, f in ipairs(r.programmes) do
    if f.id == id then return f end
  end
end

local function chosen(db, prog, status)
  local out = {}
  for row in db:rows("SELECT household FROM allocations WHERE run = 1 AND programme = ? AND status = ? ORDER BY rowid",
      prog, status or "chosen") do
    out[#out + 1] = row.household
  end
  return out
end

local function codes(r, level)
  local out = {}
  for _, m in ipairs(r.messages) do
    if not level or m.level == level then out[#out + 1] = m.code end
  end
  return out
end

function T.test_monthly_allowance_reaches_every_household_unable_to_escape_in_the_district()
  local r, db = fx.evaluate(SOURCES .. [[
support "tro_cap" { label = "Trợ cấp", who = { status = "poor", unable_to_escape = true },
  amount = per_person_month(250000), months = "01-12", source = "city" }
]])
  local f = programme(r, "tro_cap")
  -- A01 (2 persons), A02 (1), B01 (3), H01 (1); not X01 of Huyện Khác, not A07's 2019 survey
  t.eq(chosen(db, "tro_cap"), { "A01", "A02", "B01", "H01" })
  t.eq(f.households, 4)
  t.eq(f.persons, 7)
  t.eq(f.cost, 7 * 250000 * 12)
  t.eq(f.by_unit.C2.cost, 3 * 250000 * 12)
  t.eq(db:value("SELECT amount FROM allocations WHERE household = 'A01'"), 2 * 250000 * 12)
  t.eq(db:value("SELECT period FROM allocations WHERE household = 'A01'"), "01-12")
  t.eq(r.by_source.city, 21000000)
end

function T.test_quota_ranks_by_income_then_deprivations_then_code_and_waitlists_the_rest()
  local r, db = fx.evaluate(SOURCES .. [[
support "vay_von" { label = "Vay vốn", who = { status = "poor", need = "credit" },
  quota = { ["An Lạc"] = 2, ["Bình Minh"] = 1 }, priority = "lowest_income",
  amount = per_household(million(50)), quarters = "Q1-Q2", source = "loans" }
]])
  -- An Lạc: A03 600.000 with 3 deprivations, A04 and A08 600.000 with 1 (code decides),
  -- A05 650.000; A06 is near-poor. Bình Minh: B04 alone.
  t.eq(chosen(db, "vay_von"), { "A03", "A04", "B04" })
  t.eq(chosen(db, "vay_von", "waitlisted"), { "A08", "A05" })
  t.eq(db:value("SELECT rank FROM allocations WHERE household = 'A05'"), 4)
  t.eq(db:value("SELECT amount FROM allocations WHERE household = 'A08'"), 0)
  local f = programme(r, "vay_von")
  t.eq(f.households, 3)
  t.eq(f.cost, 150000000)
  t.eq(f.waitlisted, 2)
  t.eq(f.eligible_all, 5)
  t.eq(db:value("SELECT period FROM allocations WHERE household = 'A03'"), "Q1-Q2")
  t.eq(codes(r), { "no-budget" }, "kehoach check's messages come too")
end

function T.test_a_quota_the_registry_cannot_fill_is_a_warning_naming_the_commune()
  local r = fx.evaluate(SOURCES .. [[
support "vay_von" { label = "Vay vốn", who = { status = "poor", need = "credit" },
  quota = { ["Bình Minh"] = 3, ["Hoà Bình"] = 1 }, amount = per_household(million(50)), source = "loans" }
]])
  t.eq(codes(r, "warning"), { "quota-shortfall", "quota-shortfall", "no-budget" })
  t.contains(r.messages[1].message, "Bình Minh has 1 eligible household for a quota of 3 (short by 2)")
  t.contains(r.messages[2].message, "Hòa Bình has 0 eligible households for a quota of 1")
  t.eq(r.messages[1].line, 5)
end

function T.test_units_are_shared_among_the_households_chosen()
  local r, db = fx.evaluate(SOURCES .. [[
support "bo" { label = "Bò", who = { status = "poor", need = "livestock" },
  quota = { ["An Lạc"] = 2 }, units = 5, amount = per_unit(million(25), "con bò"), source = "province" }
]])
  -- A08 (600.000) before A05 (650.000): 3 cows then 2
  t.eq(chosen(db, "bo"), { "A08", "A05" })
  t.eq(db:value("SELECT units FROM allocations WHERE household = 'A08'"), 3)
  t.eq(db:value("SELECT amount FROM allocations WHERE household = 'A05'"), 50000000)
  local f = programme(r, "bo")
  t.eq(f.units, 5)
  t.eq(f.cost, 125000000)
  t.eq(codes(r, "info"), { "units-uneven" })
end

function T.test_any_of_several_groups_counts_persons()
  local r, db = fx.evaluate([[
support "bhyt" { label = "Thẻ BHYT", who = { any = {
    { status = { "poor", "near_poor" } }, { ethnic_minority = true, difficult = true } } },
  outside_budget = "ngân sách trung ương" }
]])
  -- every household of An Lạc (A07 for being an ethnic-minority household in a difficult
  -- commune), B01 B02 B04 (not B03: Bình Minh is not difficult), H01 H02
  t.eq(chosen(db, "bhyt"), { "A01", "A02", "A03", "A04", "A05", "A06", "A07", "A08", "B01", "B02", "B04", "H01", "H02" })
  local f = programme(r, "bhyt")
  t.eq(f.persons, 2 + 1 + 4 + 3 + 5 + 3 + 4 + 2 + 3 + 2 + 2 + 1 + 6)
  t.eq(f.cost, 0)
end

function T.test_where_function_runs_per_household_with_its_fields()
  local _, db = fx.evaluate([[
support "lon" { label = "Hộ đông người", who = { status = "poor",
  where = function(h) return h.persons >= 4 and not h.urban and h.needs.credit == true end } }
]])
  t.eq(chosen(db, "lon"), { "A03", "A05" })
end

-- What a plan declared is fixed once the plan has been read: a where function can neither
-- declare more nor change an amount the plan kept a reference to (which went into SQL).
function T.test_a_where_function_cannot_declare_or_change_what_was_declared()
  t.raises("plan%.lua:3: budget: declarations are made when the plan is read", fx.evaluate, [[
source "city" { label = "NS" }
support "x" { label = "x", who = { status = "poor", where = function(h) budget { total = 5, city = 5 } return true end } }
]])
  t.raises("plan%.lua:4: an amount cannot be changed %(its 'vnd'%)", fx.evaluate, [[
source "city" { label = "NS" }
local amt = per_household(1)
support "x" { label = "x", who = { status = "poor", where = function(h) amt.vnd = "0 WHERE 1; --" return true end },
  amount = amt, source = "city" }
]])
end

-- pairs() over an amount gives a copy of its fields; the declaration holds its own amount:
-- what the plan does to either afterwards changes nothing the run computes.
function T.test_an_amounts_fields_never_reach_the_plan()
  local r = fx.evaluate([[
source "city" { label = "NS" }
local NHA = per_household(million(30))
local _, F = pairs(NHA)
F.vnd = -30000000
support "nha" { label = "Nhà", who = { status = "poor", need = "housing",
  where = function(h) F.vnd = "7 WHERE 1=1 --" return true end }, amount = NHA, source = "city" }
]])
  local f = programme(r, "nha")
  t.ok(f.households > 0)
  t.eq(f.cost, f.households * 30000000)
end

-- The plan's values reach SQL as parameters: the text of a selector names them, and the
-- amount, months and review year are bound when a run prices and selects.
function T.test_the_plans_values_are_bound_not_written_into_the_sql()
  local selector = require "kehoach.plan.selector"
  local who = selector.check({ status = { "poor", "near_poor" }, need = "credit", income = { min = 123456, max = 654321 },
    persons = { max = 7 }, poverty_kind = "income", commune = "An Lạc" }, "t")
  local c = selector.compile(who, { alias = "h", year = 2020, std = { name = "vn-2016" },
    commune_code = function() return "C1'; --" end }, "t")
  for _, text in ipairs({ "poor", "credit", "123456", "654321", "<= 7", "income'", "2020", "C1" }) do
    t.eq(c.sql:find(text, 1, true), nil, text .. " is not in the SQL")
  end
  local bound = {}
  for k, v in pairs(c.args) do
    if k ~= "n" then bound[#bound + 1] = tostring(v) end
  end
  table.sort(bound)
  t.eq(bound, { "123456", "2020", "654321", "7", "C1'; --", "credit", "income", "near_poor", "poor" })
  -- and the run gives the same households as before
  local r = fx.evaluate(SOURCES .. [[
support "s" { label = "S", who = { status = "poor", income = { max = 600000 }, need = "credit" },
  amount = per_person_month(1000), months = "01-12", source = "city" }
]], "bound")
  t.eq(programme(r, "s").households, 3)
  t.eq(programme(r, "s").cost, (4 + 3 + 2) * 1000 * 12)
end

function T.test_an_error_in_a_where_function_points_at_the_plan_line()
  local msg = t.raises("plan%.lua:3:", fx.evaluate, [[
support "x" { label = "x", who = { status = "poor",
  where = function(h) return h.persons > nil end } }
]])
  t.contains(msg, "compare")
end

function T.test_commune_names_match_after_folding_and_unknown_ones_suggest_the_nearest()
  local r = fx.evaluate([[
support "a" { label = "a", who = { commune = "Hoà Bình" } }
support "b" { label = "b", who = { commune = "Hoa Binh" } }
]])
  t.eq(codes(r), { "unknown-unit" })
  t.eq(r.messages[1].line, 3)
  t.contains(r.messages[1].message, "'Hoa Binh' is not a commune of Thành phố Mẫu (did you mean 'Hòa Bình'?)")
  t.eq(r.programmes, nil, "nothing allocated")
end

function T.test_stated_counts_coverage_and_rate_are_checked_against_the_registry()
  local r = fx.evaluate(SOURCES .. [[
target "giam" { households = 2, rate_points = 13.5, by_commune = { ["Hòa Bình"] = 2, ["Bình Minh"] = 0 } }
support "tro_cap" { label = "Trợ cấp", who = { status = "poor", unable_to_escape = true },
  households = 5, persons = 7, amount = per_person_month(250000), months = "01-12", source = "city" }
support "vay_von" { label = "Vay vốn", who = { status = "poor", need = "credit" }, coverage = 1,
  quota = { ["An Lạc"] = 1 }, amount = per_household(million(50)), source = "loans" }
budget { total = million(200), city = million(21), loans = million(179) }
]])
  -- loans: the plan's stated cost (1 loan) is what the registry's household costs, so the
  -- 129 million left over is said once, as the run's cost-under-budget (not budget-surplus too)
  t.eq(codes(r, "warning"), { "source-unused", "rate", "stated-households", "coverage", "cost-under-budget" })
  -- 2 of the 15 households surveyed in 2020 are 13.33 points
  t.contains(r.messages[2].message, "2 households of the 15 surveyed in Thành phố Mẫu are 13.33 percentage points, not the 13.5 stated")
  t.contains(r.messages[3].message, "states 5 households; the registry has 4")
  t.contains(r.messages[4].message, "reaches 1 of 5 (20.0%)")
  t.contains(r.messages[5].message, "loans gives 179.000.000 đồng; the households chosen in the registry cost 50.000.000 đồng (left over 129.000.000 đồng)")
  t.eq(r.poverty.households, 15)
  t.eq(r.poverty.poor, 10)
  t.eq(r.poverty.by_unit.C3.poor, 2)
end

function T.test_a_registry_without_the_survey_year_is_an_error()
  local r = fx.evaluate("", "no_survey")
  t.eq(r.poverty.households, 15)
  local plan = require "kehoach.plan"
  local p = plan.load(fx.plan_file("no_survey", [[
plan { id = "x", title = "x", unit = "Thành phố Mẫu", year = 2023, standard = "vn-2022" }
]]))
  r = fx.run(p, fx.registry())
  t.eq(codes(r), { "no-survey" })
  t.contains(r.messages[1].message, "the registry has no survey of 2022 for the households of Thành phố Mẫu")
  t.eq(r.programmes, nil)
end

return T
