-- test_check.lua — `kehoach check` without the registry: the sums that must agree, the
-- schedules, the names; and the seed's own slips found in the 2021 plan.
local t = ...
local fx = core.host.loadfile("tests/lua/fixture.lua", "tests/lua/fixture.lua", _ENV)()
local plan = require "kehoach.plan"
local check = require "kehoach.plan.check"
local words = require "kehoach.render.messages"
local params = require "kehoach.plan.params"

local T = {}

-- kehoach check's messages, worded as the command prints them.
local function checked(...)
  return words.word(check.run(...))
end

local PLAN_2021 = "plans/lao-cai-city-2021.lua"

local function messages(source)
  return checked(plan.load(fx.plan_file("check", fx.HEADER .. source)))
end

local function summary(list)
  local out = {}
  for i, m in ipairs(list) do out[i] = string.format("%s %s @%s", m.level, m.code, tostring(m.line)) end
  return out
end

function T.test_the_2021_plan_has_the_seeds_slips_as_warnings_and_no_errors()
  local list = checked(plan.load(PLAN_2021))
  local found = {}
  for _, m in ipairs(list) do found[#found + 1] = m.level .. " " .. m.code end
  t.eq(found, { "warning quota-scope", "warning units-households", "warning schedule" })
  t.contains(list[2].message, "support 'bo_giong': 10 households are named for 80 con bò")
  t.contains(list[3].message, "support 'bhyt': carried out in quý II/2021 yet completed in quý I/2021")
  t.contains(list[1].message, "Vạn Hoà has a quota of 1 but is not among the communes the programme is limited to")
  t.contains(words.format(list[3]), "plans/lao-cai-city-2021.lua:")
end

function T.test_the_2021_budget_adds_up_and_a_higher_allowance_opens_a_gap()
  local p = plan.load(PLAN_2021)
  local costs = check.costs_by_source(p)
  t.eq(costs.ngan_sach_thanh_pho.cost, 315000000)
  t.eq(costs.ngan_sach_tinh.cost, 2048000000)
  t.eq(costs.xa_hoi_hoa.cost, 960000000)
  t.eq(costs.von_vay.cost, 2400000000)
  params.find(p, "tro_cap.amount").set(300000)
  local list = checked(p)
  local gap
  for _, m in ipairs(list) do
    if m.code == "budget-gap" then gap = m.message end
  end
  t.eq(gap, "budget: ngan_sach_thanh_pho gives 315.000.000 đồng but its programmes cost 378.000.000 đồng " ..
    "(tro_cap 378.000.000 đồng); short by 63.000.000 đồng")
end

function T.test_target_sums_quarters_communes_and_total()
  local list = messages([[
target "g" { households = 10,
  by_commune = { ["An Lạc"] = 6, ["Bình Minh"] = 3 },
  quarter_totals = { Q1 = 2, Q2 = 8 },
  Q1 = { ["An Lạc"] = 1 },
  Q2 = { ["An Lạc"] = 5, ["Bình Minh"] = 2, ["Hòa Bình"] = 1 } }
]])
  t.eq(summary(list), {
    "error target-communes @2",          -- 6 + 3 = 9, not 10
    "error target-quarter @2",           -- Q1's communes give 1, not the 2 stated
    "error target-quarters @2",          -- 1 + 8 = 9 over the quarters
    "error target-commune-quarters @2",  -- Bình Minh: 3 by commune, 2 over the quarters
    "error target-commune-quarters @2",  -- Hòa Bình is in Q2 only
  })
  t.contains(list[1].message, "the communes add up to 9 households, not the 10 stated")
  t.contains(list[5].message, "Hòa Bình has 1 household in the quarters but is not among the communes")
end

function T.test_quarters_that_do_not_reach_the_total()
  local list = messages([[
target "g" { households = 10, Q1 = { ["An Lạc"] = 4 }, Q3 = { ["An Lạc"] = 5 } }
]])
  t.eq(summary(list), { "error target-quarters @2" })
  t.contains(list[1].message, "the quarters add up to 9 households, not the 10 stated")
end

function T.test_quotas_against_stated_households_and_units()
  local list = messages([[
source "s" { label = "S" }
support "a" { label = "a", who = { status = "poor" }, quota = { ["An Lạc"] = 2, ["Bình Minh"] = 2 },
  households = 5, amount = per_household(10), source = "s" }
support "b" { label = "b", who = { status = "poor" }, quota = { ["An Lạc"] = 2 }, households = 2,
  units = 5, units_per_household = 2, amount = per_unit(10, "con"), source = "s" }
budget { total = 100, s = 100 }
]])
  t.eq(summary(list), { "error quota-sum @3", "error units-households @5" })
  t.contains(list[2].message, "5 con in all is not 2 households × 2 each")
end

function T.test_units_for_no_households_have_no_share_to_warn_about()
  -- 5 con for 0 households: there is no share per household (it was a division by zero)
  local list = messages([[
source "s" { label = "S" }
support "c" { label = "c", who = { status = "poor" }, households = 0, units = 5, amount = per_unit(10, "con"),
  source = "s" }
budget { total = 50, s = 50 }
]])
  t.eq(summary(list), {})
end

function T.test_budget_lines_total_and_costs()
  local list = messages([[
source "city" { label = "Thành phố" }
source "prov" { label = "Tỉnh" }
support "a" { label = "a", who = { status = "poor" }, households = 4, amount = per_household(million(1)), source = "city" }
support "b" { label = "b", who = { status = "poor" }, persons = 3, amount = per_person_month(100), months = "01-06", source = "prov" }
support "c" { label = "c", who = { status = "poor" }, amount = per_person(100), source = "prov" }
budget { total = million(10), city = million(3), prov = million(6), other = million(2) }
]])
  t.eq(summary(list), { "error unknown-source @7", "error budget-total @7", "warning budget-gap @7", "info budget-uncosted @7" })
  t.contains(list[2].message, "the sources add up to 11.000.000 đồng, not the total of 10.000.000 đồng")
  t.contains(list[3].message, "city gives 3.000.000 đồng but its programmes cost 4.000.000 đồng (a 4.000.000 đồng); short by 1.000.000 đồng")
  t.contains(list[4].message, "prov cannot be costed without the registry (support 'c': it states no number of persons)")
end

function T.test_every_support_paid_without_a_budget_is_named()
  local list = messages([[
source "city" { label = "Ngân sách thành phố" }
source "social" { label = "Xã hội hoá" }
support "a" { label = "a", who = { status = "poor" }, amount = per_household(1), households = 1, source = "city" }
support "b" { label = "b", who = { status = "poor" }, amount = per_household(1), households = 1, source = "social" }
]])
  t.eq(summary(list), { "warning no-budget @4", "warning no-budget @5" })
end

function T.test_unknown_sources_and_agencies_suggest_the_nearest()
  local list = messages([[
source "ngan_sach_tinh" { label = "Tỉnh" }
support "a" { label = "a", who = { status = "poor" }, amount = per_household(1), source = "ngan_sach_tnh",
  by = "Phòng Kinh tê" }
agency "kinh_te" { name = "Phòng Kinh tế", "Hỗ trợ" }
report "r" { label = "r", due = "2021-06-05", to = "kinh_tế" }
]])
  t.eq(summary(list), { "error unknown-source @3", "error unknown-agency @3", "warning no-budget @3", "error unknown-agency @6" })
  t.contains(list[1].message, "unknown funding source 'ngan_sach_tnh' (did you mean 'ngan_sach_tinh'?)")
  t.contains(list[2].message, "by names an unknown agency 'Phòng Kinh tê' (did you mean 'Phòng Kinh tế'?)")
  t.contains(list[4].message, "to names an unknown agency 'kinh_tế' (did you mean 'kinh_te'?)")
end

function T.test_agencies_are_found_by_id_name_or_short_name()
  local list = messages([[
support "a" { label = "a", who = { status = "poor" }, by = { "kinh_te", "phòng kinh tế thành phố", "PKT" } }
agency "kinh_te" { name = "Phòng Kinh tế thành phố", short = "PKT", "Hỗ trợ" }
]])
  t.eq(summary(list), {})
end

function T.test_report_dates_and_schedules()
  local list = messages([[
report "a" { label = "a", due = "2020-12-05", to = "x" }
report "b" { label = "b", due = "2021-03-05", covers = "04-06", to = "x" }
report "c" { label = "c", to = "x" }
agency "x" { name = "X" }
support "s" { label = "s", who = { status = "poor" }, quarters = "Q3-Q4", completed_by = "Q3",
  effect = { income = 1, from = "Q2" } }
]])
  t.eq(summary(list), { "error report-date @2", "error report-date @3", "warning report-when @4",
    "warning schedule @6", "warning effect-before-support @6" })
  t.contains(list[1].message, "due 2020-12-05, outside the plan's year 2021")
  t.contains(list[2].message, "before the months it reports on (tháng 04-06/2021) begin")
  t.contains(list[4].message, "carried out in quý III-IV/2021 yet completed in quý III/2021, before it ends")
end

function T.test_a_commune_written_once_near_another_is_a_likely_slip()
  local list = messages([[
target "g" { households = 3, by_commune = { ["Thống Nhất"] = 2, ["Tả Phời"] = 1 } }
support "a" { label = "a", who = { status = "poor" }, quota = { ["Thống Nhát"] = 1, ["Tả Phời"] = 1 } }
support "b" { label = "b", who = { status = "poor" }, quota = { ["Thống Nhất"] = 1 } }
]])
  t.eq(summary(list), { "warning name-slip @3" })
  t.contains(list[1].message, "commune 'Thống Nhát' (written 1 time) is one letter from 'Thống Nhất' (written 2 times): a slip?")
  local p = plan.load(fx.plan_file("check", fx.HEADER .. [[
target "g" { households = 2, by_commune = { ["Thống Nhất"] = 1, ["Thống Nhát"] = 1 } }
]]))
  t.eq(summary(checked(p)), { "warning name-slip @2" })
  t.eq(checked(p, { registry = true }), {}, "with a registry the names are checked there instead")
end

function T.test_objective_placeholders_and_scenario_paths_must_exist()
  local list = checked(plan.load(fx.plan_file("check", [[
plan { id = "x", title = "x", unit = "x", year = 2021, standard = "vn-2016",
  objectives = { "Giảm {g.households} hộ", "Tỷ lệ {g.rate}%" } }
target "g" { households = 3, rate_points = 0.5 }
scenario "more" { ["g.households"] = 4, ["g.housholds"] = 5 }
]])))
  t.eq(summary(list), { "error unknown-parameter @1", "error unknown-parameter @4" })
  t.contains(list[1].message, "objective 2: unknown parameter 'g.rate'")
  t.contains(list[2].message, "scenario 'more': unknown parameter 'g.housholds' (did you mean 'g.households'?)")
end

function T.test_the_standard_must_exist_and_be_in_force()
  local list = checked(plan.load(fx.plan_file("check", [[
plan { id = "x", title = "x", unit = "x", year = 2021, standard = "vn-2061" }
]])))
  t.eq(summary(list), { "error unknown-standard @1" })
  -- the suggestion is the standard in force in the plan's year
  t.contains(list[1].message, "unknown poverty standard 'vn-2061' (did you mean vn-2016, the standard in force in 2021?)")
  list = checked(plan.load(fx.plan_file("check", [[
plan { id = "x", title = "x", unit = "x", year = 2023, standard = "vn-2016" }
]])))
  t.eq(summary(list), { "warning standard-years @1" })
  t.contains(list[1].message, "the standard vn-2016 is in force 2016-2021, not in 2023 (in 2023: vn-2022)")
end

return T
