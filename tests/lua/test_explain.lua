-- test_explain.lua — `kehoach explain`: for one household, each condition with its value
-- and whether it held, its rank in its commune's quota, chosen or waitlisted, the amount.
local t = ...
local fx = core.host.loadfile("tests/lua/fixture.lua", "tests/lua/fixture.lua", _ENV)()
local explain = require "kehoach.explain"

local T = {}

local PLAN = [[
source "city" { label = "Ngân sách thành phố" }
source "loans" { label = "Nguồn vốn vay" }
support "tro_cap" { label = "Trợ cấp", who = { status = "poor", unable_to_escape = true },
  amount = per_person_month(250000), months = "01-12", source = "city" }
support "vay_von" { label = "Vay vốn", who = { status = "poor", need = "credit", income = { max = 900000 } },
  quota = { ["An Lạc"] = 2 }, amount = per_household(million(50)), quarters = "Q1-Q2", source = "loans" }
support "bhyt" { label = "Thẻ BHYT", who = { any = { { status = { "poor", "near_poor" } },
  { ethnic_minority = true, difficult = true } } }, outside_budget = "ngân sách trung ương" }
]]

local function explained(code)
  local r, db, p = fx.evaluate(PLAN, "explain")
  local h, why = explain.household(db, p, r, code)
  if not h then return nil, why end
  local entries = explain.programmes(db, p, r, h)
  return entries, explain.text(p, r, h, entries)
end

function T.test_a_chosen_household_hears_its_rank_and_amount()
  local entries, text = explained("A04")
  t.eq(entries[2].allocation.rank, 2)
  t.eq(entries[2].allocation.status, "chosen")
  t.eq(entries[2].in_commune, 4)
  t.contains(text, "Hộ A04 — chủ hộ Vàng Thị Bốn, An Lạc, thành phố Mẫu")
  t.contains(text, "Rà soát năm 2020: hộ nghèo; thu nhập bình quân 600.000 đồng/người/tháng; 3 nhân khẩu")
  t.contains(text, "Thiếu hụt theo chuẩn vn-2016: 1 chỉ số")
  t.contains(text, "[đạt]       Thu nhập bình quân (đồng/người/tháng): 600.000 đồng (điều kiện: không quá 900.000)")
  t.contains(text, "Xếp thứ 2 trong 4 hộ đủ điều kiện của An Lạc; chỉ tiêu 2 hộ")
  t.contains(text, "→ Được hỗ trợ: 50.000.000 đồng, quý I-II/2021, từ Nguồn vốn vay.")
  t.contains(text, "[không đạt] Hộ nghèo không có khả năng thoát nghèo: không (điều kiện: có)")
end

function T.test_a_passed_over_household_hears_it_is_waitlisted()
  local entries, text = explained("A05")
  t.eq(entries[2].allocation.status, "waitlisted")
  t.contains(text, "Xếp thứ 4 trong 4 hộ đủ điều kiện của An Lạc")
  t.contains(text, "→ Chưa được chọn: hộ trong danh sách chờ, thứ 4 (chỉ tiêu 2 hộ).")
end

function T.test_an_allowance_is_shown_with_its_sum()
  local _, text = explained("B01")
  t.contains(text, "→ Được hỗ trợ: 250.000 đồng/khẩu/tháng × 3 khẩu × 12 tháng = 9.000.000 đồng, tháng 01-12/2021")
  t.contains(text, "[không đạt] Nhu cầu đăng ký: không có (điều kiện: vay vốn)")
  local _, b04 = explained("B04")
  t.contains(b04, "→ Hộ đủ điều kiện, nhưng Bình Minh không có chỉ tiêu của chương trình này.")
end

function T.test_each_group_of_any_is_explained()
  local entries, text = explained("A07")
  local bhyt = entries[3]
  t.eq(bhyt.eligible, true)
  t.eq(bhyt.conditions[1].subs[1][1].held, false)
  t.eq(bhyt.conditions[1].subs[2][1].held, true)
  t.contains(text, "[không đạt] Tình trạng hộ khi rà soát: hộ không nghèo (điều kiện: hộ nghèo hoặc hộ cận nghèo)")
  t.contains(text, "[đạt]       Ở xã đặc biệt khó khăn: có (điều kiện: có)")
  t.contains(text, "→ Được hỗ trợ; ngân sách trung ương.")
  local e2 = explained("B03")
  t.eq(e2[3].eligible, false)
  t.eq(e2[3].allocation, nil)
end

function T.test_households_outside_the_plan_are_named_as_such()
  t.eq(select(2, explained("X01")), "household X01 lives in Xa Xôi, not in Thành phố Mẫu")
  t.eq(select(2, explained("Z99")), "household Z99 is not in the registry")
end

return T
