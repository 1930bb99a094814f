-- test_plan.lua — the plan language: declarations collected with their lines, helpers
-- that make money and periods, and mistakes reported at the plan line with the valid
-- fields named.
local t = ...
local fx = core.host.loadfile("tests/lua/fixture.lua", "tests/lua/fixture.lua", _ENV)()
local plan = require "kehoach.plan"
local values = require "kehoach.plan.values"
local params = require "kehoach.plan.params"

local T = {}

local function load(source)
  return plan.load(fx.plan_file("lang", fx.HEADER .. source))
end

local function refused(pattern, source)
  return t.raises(pattern, load, source)
end

function T.test_declarations_keep_their_order_and_lines()
  local p = load([[
source "city" { label = "Ngân sách thành phố" }
support "tro_cap" { label = "Trợ cấp", who = { status = "poor", unable_to_escape = true },
  amount = per_person_month(250000), months = "01-12", source = "city" }
target "giam" { households = 3 }
]])
  t.eq(p.id, "mau-2021")
  t.eq(p.registry_year, 2020)
  local kinds = {}
  for i, d in ipairs(p.order) do kinds[i] = d.kind .. ":" .. tostring(d.id) .. "@" .. d.line end
  t.eq(kinds, { "plan:mau-2021@1", "source:city@2", "support:tro_cap@3", "target:giam@5" })
  t.eq(p.supports[1].where, fx.DIR .. "/lang.lua:3")
  t.eq(p.supports[1].amount.vnd, 250000)
  t.eq(p.supports[1].period.months, 12)
  t.eq(p.by_id.giam.kind, "target")
end

function T.test_money_is_whole_dong()
  t.eq(values.million(5723), 5723000000)
  t.eq(values.million(2.5), 2500000)
  t.eq(values.vnd(50e6), 50000000)
  t.eq(select(2, values.vnd(0.5)), "a whole number of đồng, not 0.5")
  t.eq(select(2, values.vnd(-1)), "a sum of money that is not negative")
  refused("lang.lua:2: per_household: a whole number of đồng, not 1.5", [[
local a = per_household(1.5)
]])
end

function T.test_periods_and_dates()
  t.eq(values.months("01-12").months, 12)
  t.eq(values.months("3").from, 3)
  t.eq(values.quarters("Q1-Q2").to, 6)
  t.eq(values.quarters("q3").from, 7)
  t.eq(values.period_code(values.quarters("Q3-Q4")), "Q3-Q4")
  t.eq(values.describe_period(values.quarters("Q3-Q4"), 2021), "quý III-IV/2021")
  t.eq(select(2, values.months("12-01")), "in order, like \"01-12\" ('12-01' ends before it begins)")
  t.eq(select(2, values.quarters("Q5")), "quarters like \"Q1-Q2\" or \"Q3\", not \"Q5\"")
  t.eq(values.date("2024-02-29").day, 29)
  t.eq(select(2, values.date("2021-02-29")), "a real date (\"2021-02-29\": month 2 has no day 29)")
  t.eq(select(2, values.date("05/06/2021")), "an ISO date like \"2021-06-05\", not \"05/06/2021\"")
  t.eq(values.date("2021-04", true).day, nil)
end

function T.test_an_unknown_field_names_the_valid_ones_at_the_plan_line()
  local msg = refused("lang.lua:3: support \"x\": unknown field 'ammount' %(did you mean 'amount'%?%)", [[

support "x" { label = "x", who = { status = "poor" }, ammount = 1 }
]])
  t.contains(msg, "the fields of support are: label, who, amount, months, quarters")
end

function T.test_wrong_kinds_of_value_are_named()
  refused("lang.lua:2: target \"g\": field 'households' must be a whole number, 0 or more", [[
target "g" { households = "ninety" }
]])
  refused("lang.lua:2: support \"x\": field 'amount' must be an amount made by per_person_month%(%)", [[
support "x" { label = "x", who = { status = "poor" }, amount = 250000 }
]])
  refused("lang.lua:2: support \"x\": field 'months' must be months like \"01%-12\"", [[
support "x" { label = "x", who = { status = "poor" }, months = "Jan-Dec" }
]])
  refused("lang.lua:2: report \"r\": field 'due' must be an ISO date like \"2021%-06%-05\", not \"05/06/2021\"", [[
report "r" { label = "r", due = "05/06/2021", to = "x" }
]])
  refused("lang.lua:2: target \"g\": field 'by_commune': 'An Lạc' must be a whole number", [[
target "g" { households = 1, by_commune = { ["An Lạc"] = 1.5 } }
]])
end

function T.test_selector_keys_and_values_are_checked()
  refused("unknown selector key 'staus' %(did you mean 'status'%?%)", [[
support "x" { label = "x", who = { staus = "poor" } }
]])
  refused("who.status must be one of poor, near_poor, middle, non_poor %(did you mean \"poor\"%?%)", [[
support "x" { label = "x", who = { status = "Poor" } }
]])
  refused("who.need must be item 2: one of credit, livestock", [[
support "x" { label = "x", who = { need = { "credit", "cows" } } }
]])
  refused("who.income must be a range { min = ..., max = ... } %(not 'below'%)", [[
support "x" { label = "x", who = { income = { below = 700000 } } }
]])
  refused("lang.lua:2: support \"x\": who.any%[2%]: unknown selector key 'etnic_minority'", [[
support "x" { label = "x", who = { any = { { status = "poor" }, { etnic_minority = true } } } }
]])
end

function T.test_declarations_that_contradict_themselves_are_refused()
  refused("give months or quarters, not both", [[
support "x" { label = "x", who = { status = "poor" }, months = "01-12", quarters = "Q1" }
]])
  refused("needs months = \"01%-12\"", [[
support "x" { label = "x", who = { status = "poor" }, amount = per_person_month(1), source = "s" }
]])
  refused("the amount needs a source", [[
support "x" { label = "x", who = { status = "poor" }, amount = per_household(1) }
]])
  refused("an amount per unit needs units", [[
support "x" { label = "x", who = { status = "poor" }, amount = per_unit(1, "con"), source = "s" }
]])
  refused("lang.lua:3: support \"x\": the name 'x' is already used by the support at .*lang.lua:2", [[
support "x" { label = "x", who = { status = "poor" } }
support "x" { label = "y", who = { status = "poor" } }
]])
  refused("lang.lua:3: budget: declared twice %(first at .*lang.lua:2%)", [[
budget { total = 1 }
budget { total = 2 }
]])
  refused("lang.lua:2: support needs a name first", [[
support { label = "x", who = { status = "poor" } }
]])
  refused("field 'by_commune': 'An Lạc' and 'an lạc' are the same commune written twice", [[
target "g" { households = 2, by_commune = { { "An Lạc", 1 }, { "an lạc", 1 } } }
]])
  refused("unknown effect field 'incom'", [[
support "x" { label = "x", who = { status = "poor" }, effect = { incom = 1 } }
]])
end

function T.test_a_plan_without_its_plan_declaration_is_an_error()
  local msg = t.raises("the plan declares nothing", plan.load, fx.plan_file("empty", "local x = 1\n"))
  t.contains(msg, "empty.lua")
end

function T.test_commune_lists_keep_the_order_written()
  local p = load([[
target "g" { households = 3, by_commune = { { "Hòa Bình", 2 }, { "An Lạc", 1 } }, Q1 = { ["Hòa Bình"] = 1, ["An Lạc"] = 2 } }
]])
  local g = p.targets[1]
  t.eq({ g.by_commune[1].name, g.by_commune[2].name }, { "Hòa Bình", "An Lạc" })
  t.eq({ g.Q1[1].name, g.Q1[2].name }, { "An Lạc", "Hòa Bình" }, "a map is listed by name")
end

function T.test_parameters_are_addressable_by_path()
  local p = load([[
source "city" { label = "Ngân sách thành phố" }
support "tro_cap" { label = "Trợ cấp", who = { status = "poor" }, amount = per_person_month(250000),
  months = "01-12", source = "city", quota = { ["Hòa Bình"] = 2 } }
budget { total = million(21), city = million(21) }
]])
  t.eq(params.get(p, "tro_cap.amount"), 250000)
  t.eq(params.get(p, "tro_cap.quota.Hoà Bình"), 2, "commune names fold in paths")
  t.eq(params.get(p, "budget.city"), 21000000)
  local e = params.find(p, "tro_cap.amount")
  e.set(300000)
  t.eq(p.supports[1].amount.vnd, 300000)
  t.eq(p.supports[1].amount.basis, "person_month")
  local _, why = params.find(p, "tro_cap.amout")
  t.contains(why, "unknown parameter 'tro_cap.amout' (did you mean 'tro_cap.amount'?)")
  t.contains(why, "the paths of tro_cap are: tro_cap.amount, tro_cap.quota.Hòa Bình")
  t.eq(params.expand(p, "Mức {tro_cap.amount} đồng", function(v) return tostring(v) end), "Mức 300000 đồng")
end

return T
