-- test_parameters.lua — changing a plan without editing it: --set values read by the kind
-- of the path, scenarios in the plan or in a file of their own, stated sums kept in step,
-- and the mistakes an officer can make, each named with the valid choices.
local t = ...
local fx = core.host.loadfile("tests/lua/fixture.lua", "tests/lua/fixture.lua", _ENV)()
local plan = require "kehoach.plan"
local params = require "kehoach.plan.params"
local check = require "kehoach.plan.check"
local words = require "kehoach.render.messages"

local T = {}

local PLAN = [[
target "giam" { households = 3, by_commune = { ["An Lạc"] = 2, ["Hòa Bình"] = 1 },
  quarter_totals = { Q2 = 1, Q4 = 2 }, Q2 = { ["An Lạc"] = 1 }, Q4 = { ["An Lạc"] = 1, ["Hòa Bình"] = 1 } }
source "city" { label = "Ngân sách thành phố" }
source "loans" { label = "Vốn vay", loan = true }
support "tro_cap" { label = "Trợ cấp", who = { status = "poor", unable_to_escape = true }, persons = 7,
  amount = per_person_month(250000), months = "01-12", source = "city" }
support "vay_von" { label = "Vay vốn", who = { status = "poor", need = "credit" },
  quota = { ["An Lạc"] = 2, ["Bình Minh"] = 1 }, households = 3,
  amount = per_household(million(50)), quarters = "Q1-Q2", source = "loans", effect = { income = 200000, from = "Q3" } }
budget { total = million(171), city = million(21), loans = million(150) }
report "sau_thang" { label = "Báo cáo 6 tháng", due = "2021-06-05", to = "xa" }
agency "xa" { name = "Ủy ban nhân dân các xã, phường" }
scenario "tang" { label = "Trợ cấp 300.000", ["tro_cap.amount"] = 300000 }
scenario "cat" { ["budget.city"] = million(10), budget = "cap" }
]]

local function load(source, name)
  return plan.load(fx.plan_file(name or "params", fx.HEADER .. (source or PLAN)))
end

function T.test_command_line_values_are_read_by_the_kind_of_the_path()
  for _, case in ipairs({
    { "money", "300000", 300000 }, { "money", "300.000", 300000 }, { "money", "300,000", 300000 },
    { "money", "million(0.3)", 300000 }, { "money", "3e5", 300000 }, { "money", "400 triệu", 400000000 },
    { "count", "59", 59 }, { "count", "1.000", 1000 }, { "number", "0,24", 0.24 }, { "share", "80%", 0.8 },
    { "share", "1", 1 }, { "priority", "most_deprived", "most_deprived" },
  }) do
    t.eq(params.parse(case[1], case[2]), case[3], case[1] .. " " .. case[2])
  end
  t.eq(params.parse("date", "2021-07-05").text, "2021-07-05")
  for _, case in ipairs({ { "money", "300.00" }, { "money", "0.5" }, { "money", "abc" }, { "money", "-5" },
      { "count", "2.5" }, { "share", "120%" }, { "date", "05/07/2021" }, { "priority", "richest" } }) do
    t.eq(params.parse(case[1], case[2]), nil, case[1] .. " " .. case[2])
  end
  t.eq(select(2, params.parse("money", "300.00")), "'300.00' is not a sum of money in đồng (a whole number; " ..
    "300.000 groups digits in threes; for example 300000, 300.000 or million(0.3))")
  t.contains(select(2, params.parse("money", "million(0.0000005)")), "(a whole number of đồng, not 0.5;")
end

function T.test_set_changes_the_value_and_records_what_it_was()
  local p = load()
  local pr = plan.apply_parameters(p, { "tro_cap.amount=300000", "sau_thang.due=2021-07-05" })
  t.eq(p.by_id.tro_cap.amount.vnd, 300000)
  t.eq(p.by_id.tro_cap.amount.basis, "person_month", "the basis stays")
  t.eq(p.by_id.sau_thang.due.month, 7)
  t.eq(pr.set, { { path = "tro_cap.amount", value = 300000, was = 250000, by = "--set" },
    { path = "sau_thang.due", value = "2021-07-05", was = "2021-06-05", by = "--set" } })
  t.eq(pr.budget, "gap")
  t.eq(p.variant, "set")
  -- the stated costs now show the gap
  local gap
  for _, m in ipairs(words.word(check.run(p))) do
    if m.code == "budget-gap" then gap = m.message end
  end
  t.contains(gap, "city gives 21.000.000 đồng but its programmes cost 25.200.000 đồng")
end

function T.test_a_stated_sum_follows_its_parts_unless_set_itself()
  local p = load()
  local pr = plan.apply_parameters(p, { "vay_von.quota.An Lạc=4", "budget.loans=million(250)", "giam.Q4.Hoà Bình=3" })
  local by = {}
  for _, c in ipairs(pr.set) do by[c.path] = { c.value, c.was, c.by } end
  t.eq(by["vay_von.households"], { 5, 3, "follows the quotas" })
  t.eq(by["budget.total"], { 271000000, 171000000, "follows the sources" })
  t.eq(by["giam.quarter_totals.Q4"], { 4, 2, "follows the communes of Q4" })
  t.eq(by["giam.by_commune.Hòa Bình"], { 3, 1, "follows its quarters" })
  t.eq(by["giam.households"], { 5, 3, "follows the communes" })
  t.eq(check.count(check.run(p)).error, 0, "the plan still adds up")
  -- a total set on the command line is the officer's: it does not follow, and the check says so
  p = load()
  plan.apply_parameters(p, { "vay_von.quota.An Lạc=4", "vay_von.households=3" })
  t.eq(p.by_id.vay_von.households, 3)
  local errors = {}
  for _, m in ipairs(words.word(check.run(p))) do
    if m.level == "error" then errors[#errors + 1] = m.message end
  end
  t.eq(errors, { "support 'vay_von': the quotas add up to 5 households, not the 3 stated" })
end

-- Units in all follow the households when they were the households times the units each:
-- a quota raised is a cow more, not an error.
function T.test_units_in_all_follow_the_households_they_were_made_of()
  local path = fx.plan_file("params_units", fx.HEADER .. [[
source "prov" { label = "Ngân sách tỉnh" }
support "bo" { label = "Bò giống", who = { status = "poor" }, quota = { ["An Lạc"] = 2, ["Bình Minh"] = 1 },
  households = 3, units = 3, units_per_household = 1, amount = per_unit(million(25), "con bò"), source = "prov" }
]])
  local p = plan.load(path)
  local pr = plan.apply_parameters(p, { "bo.quota.Bình Minh=2" })
  local by = {}
  for _, c in ipairs(pr.set) do by[c.path] = { c.value, c.was, c.by } end
  t.eq(by["bo.households"], { 4, 3, "follows the quotas" })
  t.eq(by["bo.units"], { 4, 3, "follows the households" })
  t.eq(check.count(check.run(p)).error, 0, "the plan still adds up")
end

function T.test_set_can_give_a_quota_to_a_commune_that_had_none()
  local p = load()
  local pr = plan.apply_parameters(p, { "vay_von.quota.Hòa Bình=2" })
  local q = p.by_id.vay_von.quota
  t.eq({ q[#q].name, q[#q].n }, { "Hòa Bình", 2 })
  t.eq(p.by_id.vay_von.households, 5)
  t.eq(pr.set[1], { path = "vay_von.quota.Hòa Bình", value = 2, was = 0, by = "--set" })
  t.eq(params.get(p, "vay_von.quota.Hoà Bình"), 2, "and the path is found after")
end

function T.test_command_line_mistakes_are_usage_errors_naming_the_valid_paths()
  local msg, kind = t.raises(nil, plan.apply_parameters, load(), { "tro_cap.amout=1" })
  t.eq(kind, "usage")
  t.eq(msg, "--set tro_cap.amout=1: unknown parameter 'tro_cap.amout' (did you mean 'tro_cap.amount'?); " ..
    "the paths of tro_cap are: tro_cap.amount, tro_cap.persons")
  msg, kind = t.raises(nil, plan.apply_parameters, load(), { "vay_von.quota.An Lạc=many" })
  t.eq(kind, "usage")
  t.eq(msg, "--set vay_von.quota.An Lạc=many: 'many' is not a whole number, 0 or more (for example 59)")
  msg = t.raises(nil, plan.apply_parameters, load(), { "tro_cap.amount" })
  t.eq(msg, "--set tro_cap.amount: write PATH=VALUE, like --set tro_cap.amount=300000")
  msg, kind = t.raises(nil, plan.apply_parameters, load(), {}, "tangg")
  t.eq(kind, "usage")
  t.contains(msg, "--scenario tangg: no such scenario (did you mean 'tang'?); ")
  t.contains(msg, "declares: tang, cat")
  msg, kind = t.raises(nil, plan.apply_parameters, load(), {}, nil, "caps")
  t.eq(kind, "usage")
  t.contains(msg, "--budget caps: the mode must be one of gap, cap, prorate (did you mean \"cap\"?)")
end

function T.test_a_scenario_applies_its_values_and_the_command_line_wins()
  local p = load()
  local pr = plan.apply_parameters(p, { "budget.city=million(30)" }, "cat")
  t.eq(pr.scenario.id, "cat")
  t.eq(pr.scenario.line, 15)
  t.eq(pr.budget, "cap", "the scenario's budget mode")
  t.eq(p.budget_mode, "cap")
  t.eq(p.budget.lines.city, 30000000)
  t.eq(pr.set[1].by, "scenario cat")
  t.eq(pr.set[2], { path = "budget.city", value = 30000000, was = 10000000, by = "--set" })
  t.eq(p.variant, "cat+set")
  p = load()
  plan.apply_parameters(p, {}, "tang", "prorate")
  t.eq(p.variant, "tang+budget-prorate")
  t.eq(p.budget_mode, "prorate")
  p = load()
  plan.apply_parameters(p, {}, nil, "cap")
  t.eq(p.variant, "budget-cap")
  p = load()
  plan.apply_parameters(p)
  t.eq({ p.variant, p.budget_mode, #p.parameters.set }, { nil, "gap", 0 })
end

function T.test_a_scenario_value_of_the_wrong_kind_is_an_error_at_its_line()
  local p = load(PLAN .. 'scenario "sai" { ["tro_cap.amount"] = "nhiều" }\n')
  local msg, kind = t.raises(nil, plan.apply_parameters, p, {}, "sai")
  t.eq(kind, "plan")
  t.eq(msg, fx.DIR .. "/params.lua:16: scenario 'sai': tro_cap.amount must be a sum of money in đồng " ..
    "(a sum of money (a number of đồng)), not nhiều")
  t.raises("params.lua:2: scenario \"x\": 'tro_cap' is neither a field of scenario", load,
    'scenario "x" { tro_cap = 1 }\n')
  t.raises("params.lua:2: scenario \"x\": budget must be one of gap, cap, prorate", load,
    'scenario "x" { budget = "all" }\n')
end

function T.test_check_names_a_scenario_value_of_the_wrong_kind_and_accepts_a_new_quota()
  local p = load(PLAN .. [[
scenario "sai" { ["tro_cap.amount"] = "nhiều" }
scenario "them" { ["vay_von.quota.Hòa Bình"] = 2 }
]])
  local errors = {}
  for _, m in ipairs(words.word(check.run(p))) do
    if m.level == "error" then errors[#errors + 1] = m.line .. ": " .. m.message end
  end
  t.eq(errors, { "16: scenario 'sai': tro_cap.amount must be a sum of money in đồng (a sum of money (a number of đồng)), not nhiều" })
end

function T.test_a_scenario_file_names_its_base_plan()
  load(nil, "base")
  local file = fx.plan_file("more_loans", [[
scenario "them_vay" { base = "base.lua", label = "Thêm vay vốn", ["vay_von.quota.Hòa Bình"] = 1 }
]])
  local p = plan.load(file)
  t.eq(p.id, "mau-2021")
  t.eq(p.path, fx.DIR .. "/base.lua")
  t.eq(p.file_scenarios, { "them_vay" })
  local pr = plan.apply_parameters(p)
  t.eq(pr.scenario, { id = "them_vay", label = "Thêm vay vốn", file = file, line = 1 })
  t.eq(p.variant, "them_vay")
  t.eq(p.by_id.vay_von.households, 4)
  -- the same file given to a plan with --scenario
  p = load(nil, "base")
  plan.apply_parameters(p, {}, file)
  t.eq(p.by_id.vay_von.households, 4)
  t.eq(p.variant, "them_vay")
  -- a file for another plan is refused
  local other = fx.plan_file("other", fx.HEADER)
  local msg, kind = t.raises(nil, plan.apply_parameters, plan.load(other), {}, file)
  t.eq(kind, "usage")
  t.contains(msg, "its scenarios change " .. fx.DIR .. "/base.lua, not " .. other)
  -- and scenarios without their base, or a base inside a plan, are plan errors at their line
  msg = t.raises(nil, plan.load, fx.plan_file("nobase", 'scenario "x" { ["a.b"] = 1 }\n'))
  t.contains(msg, "nobase.lua:1: scenario 'x': in a file of its own a scenario names its plan with base")
  t.raises("params.lua:2: scenario 'x': base is for scenario files of their own", load,
    'scenario "x" { base = "base.lua" }\n')
end

return T
