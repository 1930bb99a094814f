-- test_plandoc.lua — the plan document: numbers, money and dates written the Vietnamese
-- way, and `kehoach doc` on the fixture registry: the seed's sections in order, every
-- figure counted in the registry, and a plan with errors writing nothing.
local t = ...
local fx = core.host.loadfile("tests/lua/fixture.lua", "tests/lua/fixture.lua", _ENV)()
local vn = require "kehoach.render.vn"
local values = require "kehoach.plan.values"
local doc = require "kehoach.verbs.doc"

local fs = core.fs

local T = {}

function T.test_dates_take_a_leading_zero_on_days_under_ten_and_in_january_and_february()
  t.eq(vn.date("2021-06-05"), "05/6/2021")
  t.eq(vn.date("2021-12-05"), "05/12/2021")
  t.eq(vn.date("2021-01-29"), "29/01/2021")
  t.eq(vn.date("2021-02-09"), "09/02/2021")
  t.eq(vn.date("2020-12-31"), "31/12/2020")
  t.eq(vn.long_date({ year = 2021, month = 4 }), "ngày       tháng 4 năm 2021")
  t.eq(vn.long_date({ year = 2021, month = 1, day = 7 }), "ngày 07 tháng 01 năm 2021")
  t.eq(vn.long_date({ year = 2021 }), "ngày       tháng       năm 2021")
end

function T.test_counts_under_ten_take_two_digits_and_larger_ones_are_grouped()
  t.eq(vn.count(2), "02")
  t.eq(vn.count(0), "00")
  t.eq(vn.count(10), "10")
  t.eq(vn.count(2572), "2.572")
  t.eq(vn.int(5), "5")
end

function T.test_money_is_in_millions_when_it_is_whole_thousands_of_millions()
  t.eq(vn.money(5723000000), "5.723 triệu đồng")
  t.eq(vn.money(315000000), "315 triệu đồng")
  t.eq(vn.money(2500000), "2,5 triệu đồng")
  t.eq(vn.money(1234567000), "1.234,567 triệu đồng")
  t.eq(vn.money(250000), "250.000 đồng")
  t.eq(vn.money(1000001), "1.000.001 đồng")
  t.eq(vn.decimal(0.24), "0,24")
  t.eq(vn.percent(1), "100%")
  t.eq(vn.percent(0.625), "62,5%")
end

function T.test_periods_read_as_the_seed_writes_them()
  t.eq(vn.quarters(values.quarters("Q1-Q2"), 2021), "quý I - quý II/2021")
  t.eq(vn.quarters(values.quarters("Q2"), 2021), "quý II/2021")
  t.eq(vn.months(values.months("01-12"), 2021), "từ tháng 01 năm 2021 đến hết tháng 12 năm 2021 (12 tháng)")
  t.eq(vn.join({ "a", "b", "c" }), "a, b và c")
  t.eq(vn.in_sentence("Các cơ quan, đơn vị"), "các cơ quan, đơn vị")
  t.eq(vn.in_sentence("Ủy ban nhân dân các xã"), "Ủy ban nhân dân các xã")
end

local PLAN = fx.HEADER:gsub("standard = \"vn%-2016\" }", function() return [[standard = "vn-2016",
  issuer = "Ủy ban nhân dân thành phố Mẫu", number = "12/KH-UBND", place = "TP. Mẫu", issued = "2021-03-05",
  basis = { "Kế hoạch số 1/KH-UBND của tỉnh" }, preamble = "Thành phố xây dựng kế hoạch như sau:",
  goal = "Giảm nghèo bền vững.",
  objectives = { "Giảm {giam.households} hộ nghèo, tỷ lệ giảm {giam.rate_points}%; hỗ trợ {tro_cap.coverage} số khẩu." },
  closing = "Trên đây là kế hoạch./." }]] end) .. [[
target "giam" { label = "Giảm hộ nghèo năm 2021", households = 3, rate_points = 20,
  by_commune = { { "An Lạc", 2 }, { "Hoà Bình", 1 } },
  Q2 = { { "An Lạc", 1 } }, Q4 = { { "An Lạc", 1 }, { "Hòa Bình", 1 } } }
source "city" { label = "Ngân sách thành phố" }
source "loans" { label = "Nguồn vốn vay tín dụng", loan = true }
support "tro_cap" { label = "Hỗ trợ hộ nghèo không có khả năng thoát nghèo", section = "tasks",
  who = { status = "poor", unable_to_escape = true }, coverage = 1, persons = 7,
  amount = per_person_month(250000), months = "01-12", source = "city", by = "xa" }
support "vay_von" { label = "Hỗ trợ vay vốn", who = { status = "poor", need = "credit" },
  quota = { { "Bình Minh", 1 }, { "An Lạc", 2 } }, households = 3,
  amount = per_household(million(50)), quarters = "Q1-Q2", source = "loans", by = "nh", with = "xa",
  notes = { "Vay vốn phát triển kinh tế." } }
budget { total = million(171), city = million(21), loans = million(150) }
report "sau_thang" { label = "Báo cáo 6 tháng", due = "2021-06-05", to = "xa", from = "Các cơ quan" }
report "nam" { label = "Báo cáo năm", due = "2021-12-05", to = "xa" }
agency "xa" { name = "Ủy ban nhân dân các xã, phường", "Chi trả trợ cấp." }
agency "nh" { name = "Ngân hàng Chính sách xã hội", requested = true, "Cho vay." }
distribution { "Như trên;", "Lưu VT." }
signature { "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", name = "Nguyễn Văn A" }
]]

local function render(source, name)
  local dir = fx.DIR .. "/" .. name
  fs.remove(dir .. "/mau-2021/plan.md")
  fs.remove(dir .. "/mau-2021/plan.html")
  local path = fx.plan_file(name, source)
  local p, s, result = doc.evaluate(path, { db = fx.registry() })
  if not s then return nil, dir end
  doc.write(p, s, result.units, dir)
  return fs.read(dir .. "/mau-2021/plan.md"), dir
end

function T.test_the_document_has_the_seeds_sections_in_order()
  local md = t.ok(render(PLAN, "doc_sections"))
  local last = 0
  for _, part in ipairs({ "ỦY BAN NHÂN DÂN THÀNH PHỐ MẪU", "Số: 12/KH-UBND", "TP. Mẫu, ngày 05 tháng 3 năm 2021",
      "# KẾ HOẠCH", "**Mẫu**", "Thực hiện Kế hoạch số 1/KH-UBND của tỉnh. Thành phố xây dựng kế hoạch như sau:",
      "## I. MỤC TIÊU", "### 1. Mục tiêu chung", "### 2. Mục tiêu cụ thể", "## II. NHIỆM VỤ TRỌNG TÂM",
      "### 1. Giảm hộ nghèo năm 2021", "### 2. Hỗ trợ hộ nghèo không có khả năng thoát nghèo",
      "## III. CÁC GIẢI PHÁP THỰC HIỆN", "### 1. Hỗ trợ vay vốn", "### 2. Dự kiến nhu cầu kinh phí thực hiện",
      "## IV. CHẾ ĐỘ BÁO CÁO", "## V. TỔ CHỨC THỰC HIỆN", "### 1. Ủy ban nhân dân các xã, phường",
      "### 2. Đề nghị Ngân hàng Chính sách xã hội", "Trên đây là kế hoạch./.", "**Nơi nhận:**", "- Như trên;",
      "**TM. ỦY BAN NHÂN DÂN**  \n**CHỦ TỊCH**", "**Nguyễn Văn A**" }) do
    local at = md:find(part, 1, true)
    t.ok(at, "missing: " .. part)
    t.ok(at > last, "out of order: " .. part)
    last = at
  end
end

function T.test_every_figure_is_counted_in_the_registry_and_written_the_vietnamese_way()
  local md = t.ok(render(PLAN, "doc_figures"))
  -- objectives: {path} replaced, the share as a percentage, the rate with a decimal comma
  t.contains(md, "Giảm 3 hộ nghèo, tỷ lệ giảm 20%; hỗ trợ 100% số khẩu.")
  -- targets: by commune in the plan's order, registry spelling, counts with two digits
  t.contains(md, "Đối với 3 hộ dự kiến thoát nghèo tại các xã: An Lạc 02 hộ, Hòa Bình 01 hộ, dự kiến như sau:")
  t.contains(md, "Quý II/2021: Giảm 01 hộ nghèo tại xã (An Lạc 01 hộ).")
  t.contains(md, "Quý IV/2021: Giảm 02 hộ nghèo tại các xã (An Lạc 01 hộ, Hòa Bình 01 hộ).")
  t.ok(not md:find("Quý I/2021", 1, true), "no quarter I in this target")
  -- the allowance: A01 (2), A02 (1), B01 (3), H01 (1) -> 4 households, 7 persons, 21 million
  t.contains(md, "Tổng số hộ: 4 hộ, số khẩu được hỗ trợ 7 nhân khẩu.")
  t.contains(md, "Mức hỗ trợ: 250.000 đồng/khẩu/tháng.")
  t.contains(md, "Thời gian hưởng: Từ tháng 01 năm 2021 đến hết tháng 12 năm 2021 (12 tháng).")
  t.contains(md, "Kinh phí hỗ trợ: 21 triệu đồng, từ nguồn ngân sách thành phố.")
  -- loans: Bình Minh (ward) B04 (2 persons), An Lạc A03 (4) and A04 (3) of its four with
  -- credit needs, lowest income first; in the quota's order
  t.contains(md, "Ngân hàng Chính sách xã hội phối hợp với Ủy ban nhân dân các xã, phường thực hiện hỗ trợ " ..
    "cho 3 hộ tại các xã, phường: Bình Minh 01 hộ, An Lạc 02 hộ.")
  -- the source lends the money: the amount is a loan's
  t.contains(md, "Mức cho vay: 50.000.000 đồng/hộ. Kinh phí: 150 triệu đồng, từ nguồn vốn vay tín dụng.")
  t.ok(not md:find("nhân khẩu)", 1, true), "persons the plan does not state")
  t.contains(md, "Thời gian thực hiện dự kiến trong quý I - quý II/2021.")
  t.contains(md, "### 2. Dự kiến nhu cầu kinh phí thực hiện: 171 triệu đồng, trong đó:")
  t.contains(md, "- Ngân sách thành phố: **21 triệu đồng** (Hỗ trợ hộ nghèo không có khả năng thoát nghèo).")
  t.contains(md, "Các cơ quan thực hiện chế độ báo cáo: báo cáo 6 tháng gửi **trước ngày 05/6/2021** và báo cáo " ..
    "năm gửi **trước ngày 05/12/2021** (*qua Ủy ban nhân dân các xã, phường*).")
end

-- Cows for two of An Lạc's poor households with a need for livestock: A05 (5 persons) and
-- A08 (2). 6 cows in all: the plan does not say how many a household gets.
local LIVESTOCK = fx.HEADER .. [[
source "tinh" { label = "Ngân sách tỉnh" }
agency "kt" { name = "Phòng Kinh tế thành phố", "Hỗ trợ giống." }
support "bo" { label = "Hỗ trợ giống bò sinh sản", who = { status = "poor", need = "livestock" },
  quota = { { "An Lạc", 2 } }, households = 2, units = 6, amount = per_unit(million(25), "con bò"),
  scope = { "An Lạc", "Hoà Bình" }, quarters = "Q3-Q4", source = "tinh", by = "kt",
  notes = { "Và các hộ nghèo khác tại thôn đặc biệt khó khăn.", "Triển khai chính sách khác.", "và hộ cận nghèo." } }
support "the" { label = "Cấp thẻ BHYT", who = { status = "poor" }, coverage = 1, quarters = "Q2",
  outside_budget = "ngân sách nhà nước đóng", by = "kt" }
]]

function T.test_units_in_all_stay_with_the_cost_and_are_not_shared_out_per_household()
  local md = t.ok(render(LIVESTOCK, "doc_units"))
  -- the households and the cows are two figures: 6 cows for 2 households is not "3 each"
  -- unless the plan says so; a note that begins with "Và" goes on the sentence, then the
  -- scope in the seed's words, the communes in brackets since the sentence goes on
  t.contains(md, "Phòng Kinh tế thành phố thực hiện hỗ trợ cho 2 hộ tại xã (An Lạc 02 hộ) và các hộ " ..
    "nghèo khác tại thôn đặc biệt khó khăn, phạm vi thực hiện 02 xã An Lạc, Hòa Bình.\n")
  t.ok(not md:find("6 con bò cho 2 hộ", 1, true), "units fused with households")
  t.ok(not md:find("mỗi hộ", 1, true), "a share per household the plan does not state")
  t.ok(not md:find("\n\nVà ", 1, true), "a note starting with Và stands alone")
  -- a later note that begins with "và" goes on the note before it
  t.contains(md, "\n\nTriển khai chính sách khác và hộ cận nghèo.\n\n")
  -- the cows where the seed puts them: with their cost, and in the budget line
  t.contains(md, "Mức hỗ trợ: 25.000.000 đồng/con bò. Kinh phí: 150 triệu đồng cho 6 con bò, từ nguồn ngân sách tỉnh.")
  t.contains(md, "- Ngân sách tỉnh: **150 triệu đồng** (Hỗ trợ giống bò sinh sản, 6 con bò).")
  -- a coverage the objectives do not state is printed with the measure: the 10 poor households
  t.contains(md, "Phòng Kinh tế thành phố thực hiện hỗ trợ cho 10 hộ tại các xã, phường (An Lạc 06 hộ, " ..
    "Bình Minh 02 hộ, Hòa Bình 02 hộ), đảm bảo 100% hộ đủ điều kiện được hỗ trợ.")
end

function T.test_units_per_household_declared_are_printed_per_household()
  local md = t.ok(render((LIVESTOCK:gsub("units = 6", "units_per_household = 3")), "doc_units_each"))
  t.contains(md, "Phòng Kinh tế thành phố thực hiện hỗ trợ cho 2 hộ, mỗi hộ 3 con bò, tại xã (An Lạc 02 hộ) " ..
    "và các hộ nghèo khác tại thôn đặc biệt khó khăn, phạm vi thực hiện 02 xã An Lạc, Hòa Bình.")
  t.contains(md, "Kinh phí: 150 triệu đồng cho 6 con bò, từ nguồn ngân sách tỉnh.")
end

function T.test_a_support_of_the_tasks_section_states_the_same_fields()
  local md = t.ok(render((LIVESTOCK:gsub('by = "kt",', 'by = "kt", section = "tasks",', 1)), "doc_units_task"))
  t.contains(md, "Tổng số hộ: 2 hộ và các hộ nghèo khác tại thôn đặc biệt khó khăn.")
  t.contains(md, "\n\nPhạm vi thực hiện 02 xã An Lạc, Hòa Bình.\n\n")
  t.contains(md, "Kinh phí hỗ trợ: 150 triệu đồng cho 6 con bò, từ nguồn ngân sách tỉnh.")
  t.ok(not md:find("mỗi hộ", 1, true), "a share per household the plan does not state")
  t.ok(not md:find("\n\nVà ", 1, true), "a note starting with Và stands alone")
end

function T.test_a_coverage_the_objectives_state_is_not_repeated()
  local md = t.ok(render(PLAN, "doc_coverage"))
  t.contains(md, "hỗ trợ 100% số khẩu.")
  t.ok(not md:find("đảm bảo 100%", 1, true), "coverage printed twice")
end

function T.test_a_changed_value_changes_the_document_and_the_declared_budget_is_shown_beside()
  local md = t.ok(render((PLAN:gsub("per_person_month%(250000%)", "per_person_month(300000)")), "doc_changed"))
  t.contains(md, "Mức hỗ trợ: 300.000 đồng/khẩu/tháng.")
  t.contains(md, "Kinh phí hỗ trợ: 25,2 triệu đồng, từ nguồn ngân sách thành phố.")
  t.contains(md, "- Ngân sách thành phố: **25,2 triệu đồng** (Hỗ trợ hộ nghèo không có khả năng thoát nghèo) " ..
    "*(kế hoạch ghi 21 triệu đồng)*.")
  t.contains(md, "Dự kiến nhu cầu kinh phí thực hiện: 175,2 triệu đồng, trong đó:")
  t.contains(md, "*Tổng nhu cầu tính theo số hộ trong sổ hộ là 175,2 triệu đồng; kế hoạch ghi 171 triệu đồng.*")
end

function T.test_the_html_is_a_printable_a4_page_without_scripts()
  local _, dir = render(PLAN, "doc_html")
  local page = t.ok(fs.read(dir .. "/mau-2021/plan.html"))
  t.contains(page, "<html lang=\"vi\">")
  t.contains(page, "@page { size: A4;")
  t.contains(page, "<title>Kế hoạch mẫu</title>")
  t.contains(page, "<h2>I. MỤC TIÊU</h2>")
  t.contains(page, "<li>Ngân sách thành phố: <strong>21 triệu đồng</strong>")
  t.ok(not page:find("<script", 1, true), "no scripts")
  t.ok(not page:find("https?://"), "nothing from the network")
end

function T.test_text_from_the_plan_cannot_break_the_markup()
  local md, dir = render((PLAN:gsub("Giảm nghèo bền vững%.", "Giảm <b>nghèo</b> *bền* vững & [x].")), "doc_escape")
  t.contains(md, "Giảm \\<b\\>nghèo\\</b\\> \\*bền\\* vững & \\[x\\].")
  t.contains(fs.read(dir .. "/mau-2021/plan.html"), "<p>Giảm &lt;b&gt;nghèo&lt;/b&gt; *bền* vững &amp; [x].</p>")
end

function T.test_a_plan_with_errors_writes_no_document()
  local bad = PLAN:gsub("quota = { { \"Bình Minh\", 1 }", "quota = { { \"Bình Minhh\", 1 }")
  local md, dir = render(bad, "doc_errors")
  t.eq(md, nil)
  t.eq(fs.exists(dir .. "/mau-2021/plan.md"), nil)
end

-- The plan's own words, with the run's figures in them: loans to An Lạc's credit needs
-- (A03, A04, A05, A08 by income: 2 chosen), cows, cards per person, houses.
local WORDS = fx.HEADER .. [[
source "loans" { label = "Nguồn vốn vay tín dụng", loan = true }
source "tinh" { label = "Ngân sách tỉnh" }
source "xhh" { label = "Nguồn xã hội hoá" }
agency "nh" { name = "Ngân hàng Chính sách xã hội", "Cho vay." }
agency "xa" { name = "Ủy ban nhân dân các xã, phường", "Chi trả." }
support "tro_cap" { label = "Hỗ trợ hộ nghèo không có khả năng thoát nghèo", section = "tasks",
  who = { status = "poor", unable_to_escape = true }, amount = per_person_month(250000), months = "01-12",
  source = "tinh", by = "xa", budget_label = "Hỗ trợ hàng tháng cho hộ nghèo không có khả năng thoát nghèo",
  notes = { "Ủy ban nhân dân các xã, phường thực hiện hỗ trợ theo kế hoạch." } }
support "vay" { label = "Hỗ trợ vay vốn", who = { status = "poor", need = "credit" },
  quota = { { "An Lạc", 2 } }, households = 2, amount = per_household(million(50)), quarters = "Q1-Q2",
  source = "loans", by = "nh", show = { "households", "communes" },
  text = { "Ngân hàng chính sách triển khai cho {households} hộ nghèo tại các xã: {communes} được tiếp cận " ..
    "các nguồn vốn vay tín dụng ưu đãi, {vay.households} hộ." },
  budget_label = "Vay vốn phát triển kinh tế",
  notes = { "Sử dụng có hiệu quả quỹ ủy thác." } }
support "bo" { label = "Hỗ trợ giống bò sinh sản", who = { status = "poor", need = "livestock" },
  quota = { { "An Lạc", 2 } }, households = 2, units = 6, amount = per_unit(million(25), "con bò"),
  quarters = "Q3-Q4", source = "tinh", by = "xa", budget_label = "Hỗ trợ {units} con giống bò sinh sản" }
support "the" { label = "Cấp thẻ BHYT", who = { status = "poor" }, coverage = 1, quarters = "Q2",
  completed_by = "Q1", outside_budget = "ngân sách nhà nước đóng", by = "xa", show = { "persons" } }
support "nha" { label = "Hỗ trợ nhà ở", who = { status = "poor", need = "housing" }, households = 3,
  amount = per_household(million(30)), quarters = "Q3-Q4", period_note = "có Kế hoạch riêng", source = "xhh",
  by = "xa", show = { "households", "communes" },
  text = { "Triển khai hỗ trợ làm nhà ở cho {households} hộ nghèo còn khó khăn về nhà ở (xã {communes})." },
  budget_label = "Hỗ trợ làm nhà ở" }
]]

function T.test_the_plans_own_words_come_first_and_the_run_fills_their_figures()
  local md = t.ok(render(WORDS, "doc_words"))
  -- the whole sentence as the plan writes it, the subject and the rest kept, {path} too
  t.contains(md, "\n\nNgân hàng chính sách triển khai cho 2 hộ nghèo tại các xã: An Lạc 02 hộ được tiếp cận " ..
    "các nguồn vốn vay tín dụng ưu đãi, 2 hộ.\n\nSử dụng có hiệu quả quỹ ủy thác.\n\n")
  t.ok(not md:find("Ngân hàng Chính sách xã hội thực hiện", 1, true), "the generated sentence replaced the plan's")
  -- A03 H01 H02: the housing need, in the registry's order
  t.contains(md, "Triển khai hỗ trợ làm nhà ở cho 3 hộ nghèo còn khó khăn về nhà ở (xã An Lạc 01 hộ, " ..
    "Hòa Bình 02 hộ).")
  t.contains(md, "Thời gian thực hiện dự kiến trong quý III - quý IV/2021 (có Kế hoạch riêng).")
end

function T.test_figures_the_plan_does_not_state_are_not_printed()
  local md = t.ok(render(WORDS, "doc_show"))
  -- the amounts of the loans and the houses are not shown (show without "amount")
  t.ok(not md:find("50.000.000", 1, true), "a loan's amount the plan keeps out")
  t.ok(not md:find("30.000.000", 1, true), "a house's amount the plan keeps out")
  t.contains(md, "Kinh phí: 100 triệu đồng, từ nguồn vốn vay tín dụng.")
  -- the cows: amount shown by default, no persons (the plan states none)
  t.contains(md, "Ủy ban nhân dân các xã, phường thực hiện hỗ trợ cho 2 hộ tại xã: An Lạc 02 hộ.")
  t.contains(md, "Mức hỗ trợ: 25.000.000 đồng/con bò. Kinh phí: 150 triệu đồng cho 6 con bò")
  -- cards per person: the 10 poor households' 29 persons, no households
  t.contains(md, "Ủy ban nhân dân các xã, phường thực hiện hỗ trợ cho 29 nhân khẩu, đảm bảo 100% đối tượng đủ điều kiện")
  t.ok(not md:find("nhân khẩu)", 1, true), "persons beside households the plan does not state")
  -- a task without persons stated prints none
  t.contains(md, "Tổng số hộ: 4 hộ.\n")
end

function T.test_a_loans_amount_is_worded_as_a_loan()
  local md = t.ok(render((WORDS:gsub('show = { "households", "communes" },\n  text = { "Ngân', 'text = { "Ngân', 1)),
    "doc_loan"))
  t.contains(md, "Mức cho vay: 50.000.000 đồng/hộ. Kinh phí: 100 triệu đồng, từ nguồn vốn vay tín dụng.")
  t.ok(not md:find("Mức hỗ trợ: 50.000.000", 1, true), "a loan is not a grant")
end

function T.test_the_budget_line_uses_the_plans_short_labels()
  local md = t.ok(render(WORDS, "doc_budget_label"))
  t.contains(md, "- Ngân sách tỉnh: **171 triệu đồng** (Hỗ trợ hàng tháng cho hộ nghèo không có khả năng thoát " ..
    "nghèo 21 triệu đồng; hỗ trợ 6 con giống bò sinh sản 150 triệu đồng).")
  t.contains(md, "- Nguồn vốn vay tín dụng: **100 triệu đồng** (Vay vốn phát triển kinh tế).")
  t.contains(md, "- Nguồn xã hội hoá: **90 triệu đồng** (Hỗ trợ làm nhà ở).")
end

function T.test_the_agency_is_named_once_when_a_note_opens_with_it()
  local md = t.ok(render(WORDS, "doc_agency"))
  t.contains(md, "\n\nCơ quan hỗ trợ: Ủy ban nhân dân các xã, phường thực hiện hỗ trợ theo kế hoạch.\n\n")
  t.ok(not md:find("Cơ quan thực hiện: Ủy ban nhân dân các xã, phường.", 1, true), "the agency twice")
end

function T.test_a_completion_date_that_contradicts_the_period_is_not_printed()
  -- quý II and "completed in quý I": check warns; the document prints the period alone
  local md = t.ok(render(WORDS, "doc_schedule"))
  t.contains(md, "Thời gian thực hiện dự kiến trong quý II/2021.")
  t.ok(not md:find("hoàn thành trong quý I/2021", 1, true), "a contradictory date printed")
  -- the same quarter: said once
  md = t.ok(render((WORDS:gsub('completed_by = "Q1"', 'completed_by = "Q2"')), "doc_schedule_same"))
  t.contains(md, "Thời gian thực hiện dự kiến trong quý II/2021.")
  t.ok(not md:find("hoàn thành trong", 1, true), "the same quarter twice")
  -- a later one: both
  md = t.ok(render((WORDS:gsub('completed_by = "Q1"', 'completed_by = "Q3"')), "doc_schedule_later"))
  t.contains(md, "Thời gian thực hiện dự kiến trong quý II/2021.\n\nThời gian thực hiện hoàn thành trong quý III/2021.")
end

function T.test_an_unknown_placeholder_or_figure_is_a_plan_error()
  local md = render((WORDS:gsub("{communes} được", "{comunes} được", 1)), "doc_bad_text")
  t.eq(md, nil)
  md = render((WORDS:gsub('show = { "persons" }', 'show = { "person" }')), "doc_bad_show")
  t.eq(md, nil)
end

return T
