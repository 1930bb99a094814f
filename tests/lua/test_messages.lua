-- test_messages.lua — every check speaks both languages: the English of the terminal and
-- summary.json's `message`, and the Vietnamese (`message_vi`) of the documents officers
-- read. Every code an add(...) call in the stdlib can give has words in
-- kehoach.plan.messages, each is read in Vietnamese on a plan that gives it, and the 2021
-- run's report.md and report.html list the seed's slips in Vietnamese.
local t = ...
local fx = core.host.loadfile("tests/lua/fixture.lua", "tests/lua/fixture.lua", _ENV)()
local plan = require "kehoach.plan"
local check = require "kehoach.plan.check"
local messages = require "kehoach.render.messages"
local json = require "kehoach.json"

local fs = core.fs

local T = {}

-- The codes the stdlib's add(level, code, ...) calls can give: { code = "file" }. The
-- code is a literal, or a choice between literals ("a > b and 'x' or 'y'").
local function codes_in_the_stdlib()
  local out = {}
  for _, path in ipairs(fx.files("stdlib", "%.lua$")) do
    local body = fs.read(path)
    for level, code in body:gmatch('add%(%s*"(%a+)"%s*,%s*([^,]+),') do
      if level == "error" or level == "warning" or level == "info" then
        for c in code:gmatch('"([%w%-]+)"') do out[c] = path end
      end
    end
  end
  return out
end

function T.test_every_code_the_checks_can_give_has_english_and_vietnamese_words()
  local given = codes_in_the_stdlib()
  local missing, unused, n = {}, {}, 0
  for code, path in pairs(given) do
    n = n + 1
    local w = messages.CODES[code]
    if not (w and type(w.en) == "function" and type(w.vi) == "function") then
      missing[#missing + 1] = code .. " (" .. path .. ")"
    end
  end
  for code in pairs(messages.CODES) do
    if not given[code] then unused[#unused + 1] = code end
  end
  table.sort(missing)
  table.sort(unused)
  t.ok(n >= 37, "the codes found in the stdlib's add(...) calls: " .. n)
  t.eq(missing, {}, "codes without words")
  t.eq(unused, {}, "words for codes no check gives")
  t.raises("the check code 'no%-such%-code' has no words", messages.text, "no-such-code", {}, {})
end

-- 21 million of allowance (the fixture's four households unable to escape) on a line of 20
local OVER_THE_LINE = [[
source "city" { label = "Ngân sách thành phố" }
support "tro_cap" { label = "Trợ cấp", who = { status = "poor", unable_to_escape = true },
  amount = per_person_month(250000), months = "01-12", source = "city" }
budget { total = million(20), city = million(20) }
]]

-- ---- each code, in Vietnamese, on a plan that gives it ---------------------------------------
--
-- source: the plan after fx.HEADER (or whole, with header = false); registry: evaluated
-- against the fixture registry (else kehoach check alone); budget: the budget mode.
-- expect: { code, the Vietnamese } pairs, each given by some message of the plan.
local CASES = {
  { name = "targets", source = [[
target "g" { label = "Giảm hộ nghèo", households = 10,
  by_commune = { ["An Lạc"] = 6, ["Bình Minh"] = 3 },
  quarter_totals = { Q1 = 2, Q2 = 8 },
  Q1 = { ["An Lạc"] = 1 },
  Q2 = { ["An Lạc"] = 5, ["Bình Minh"] = 2, ["Hòa Bình"] = 1 } }
]], expect = {
    { "target-communes", "Chỉ tiêu “Giảm hộ nghèo”: cộng theo xã, phường được 9 hộ, không khớp với tổng số 10 hộ đã nêu." },
    { "target-quarter", "Chỉ tiêu “Giảm hộ nghèo”: cộng các xã, phường của quý I được 1 hộ, không khớp với 2 hộ đã nêu cho quý." },
    { "target-quarters", "Chỉ tiêu “Giảm hộ nghèo”: cộng các quý được 9 hộ, không khớp với tổng số 10 hộ đã nêu." },
    { "target-commune-quarters", "Chỉ tiêu “Giảm hộ nghèo”: Bình Minh có 3 hộ theo xã, phường nhưng 2 hộ khi cộng các quý." },
    { "target-commune-quarters", "Chỉ tiêu “Giảm hộ nghèo”: Hòa Bình có 1 hộ trong các quý nhưng không có trong danh sách theo xã, phường." },
  } },
  { name = "budget", source = [[
source "city" { label = "Ngân sách thành phố" }
source "prov" { label = "Ngân sách tỉnh thuộc nguồn vốn Chương trình MTQG", short = "Ngân sách tỉnh" }
source "xhh" { label = "Nguồn xã hội hoá" }
source "quy" { label = "Quỹ Vì người nghèo" }
source "khac" { label = "Nguồn khác" }
support "a" { label = "Hỗ trợ nhà ở", who = { status = "poor" }, households = 4, amount = per_household(million(1)), source = "city" }
support "b" { label = "Đào tạo nghề", who = { status = "poor" }, persons = 3, amount = per_person_month(100), months = "01-06", source = "prov" }
support "c" { label = "Trợ cấp", who = { status = "poor" }, amount = per_person(100), source = "prov" }
support "d" { label = "Vay vốn", who = { status = "poor" }, households = 2, amount = per_household(million(1)), source = "xhh" }
support "e" { label = "Học bổng", who = { status = "poor" }, households = 2, amount = per_household(million(1)), source = "quy" }
budget { total = million(10), city = million(3), prov = million(6), other = million(2), quy = million(5) }
]], expect = {
    { "unknown-source", "Dự toán kinh phí: 'other' không phải nguồn kinh phí đã khai báo; khai báo bằng source \"other\" { label = ... }." },
    { "budget-total", "Các nguồn kinh phí cộng lại được 16 triệu đồng, không khớp với tổng kinh phí 10 triệu đồng." },
    { "budget-gap", "Ngân sách thành phố bố trí 3 triệu đồng nhưng các chương trình cần 4 triệu đồng (“Hỗ trợ nhà ở” 4 triệu đồng); còn thiếu 1 triệu đồng." },
    { "budget-uncosted", "Chưa tính được kinh phí từ Ngân sách tỉnh khi chưa đối chiếu sổ hộ (chương trình “Trợ cấp” không nêu số khẩu)." },
    { "budget-missing-line", "Các chương trình chi 2 triệu đồng từ Nguồn xã hội hoá, nhưng nguồn này không có trong dự toán kinh phí." },
    { "budget-surplus", "Quỹ Vì người nghèo bố trí 5 triệu đồng nhưng các chương trình cần 2 triệu đồng (“Học bổng” 2 triệu đồng); còn dư 3 triệu đồng." },
    { "source-unused", "Nguồn khác không chi cho chương trình nào và không có trong dự toán kinh phí." },
  } },
  { name = "names", source = [[
source "ngan_sach_tinh" { label = "Ngân sách tỉnh" }
support "a" { label = "Hỗ trợ nhà ở", who = { status = "poor" }, amount = per_household(1), source = "ngan_sach_tnh",
  by = "Phòng Kinh tê", with = "y_te" }
agency "kinh_te" { name = "Phòng Kinh tế", "Hỗ trợ" }
report "r" { label = "Báo cáo 6 tháng", due = "2021-06-05", to = "kinh_tế" }
]], expect = {
    { "unknown-source", "Chương trình “Hỗ trợ nhà ở”: nguồn kinh phí 'ngan_sach_tnh' chưa được khai báo (có phải 'ngan_sach_tinh'?); khai báo bằng source \"ngan_sach_tnh\" { label = ... }." },
    { "unknown-agency", "Chương trình “Hỗ trợ nhà ở”: cơ quan chủ trì 'Phòng Kinh tê' không có trong danh sách cơ quan, đơn vị của kế hoạch (có phải 'Phòng Kinh tế'?)." },
    { "unknown-agency", "Chương trình “Hỗ trợ nhà ở”: cơ quan phối hợp 'y_te' không có trong danh sách cơ quan, đơn vị của kế hoạch." },
    { "unknown-agency", "“Báo cáo 6 tháng”: nơi nhận 'kinh_tế' không có trong danh sách cơ quan, đơn vị của kế hoạch (có phải 'kinh_te'?)." },
    { "no-budget", "Chương trình “Hỗ trợ nhà ở” chi từ nguồn 'ngan_sach_tnh' nhưng kế hoạch không có phần dự toán kinh phí (budget { ... })." },
  } },
  { name = "dates", source = [[
report "a" { label = "Báo cáo năm", due = "2020-12-05", to = "x" }
report "b" { label = "Quý II", due = "2021-03-05", covers = "04-06", to = "x" }
report "c" { label = "Báo cáo đột xuất", to = "x" }
agency "x" { name = "X" }
support "s" { label = "Hỗ trợ nhà ở", who = { status = "poor" }, quarters = "Q3-Q4", completed_by = "Q3",
  effect = { income = 1, from = "Q2" } }
]], expect = {
    { "report-date", "“Báo cáo năm”: hạn gửi 05/12/2020 nằm ngoài năm kế hoạch 2021." },
    { "report-date", "Báo cáo “Quý II”: hạn gửi 05/3/2021, trước khi bắt đầu kỳ báo cáo (tháng 04-06/2021)." },
    { "report-when", "“Báo cáo đột xuất”: chưa có hạn gửi, cũng chưa nêu thời điểm gửi." },
    { "schedule", "Chương trình “Hỗ trợ nhà ở”: thực hiện trong quý III-IV/2021 nhưng thời hạn hoàn thành là quý III/2021, trước khi hết thời gian thực hiện." },
    { "effect-before-support", "Chương trình “Hỗ trợ nhà ở”: tác động giả định bắt đầu từ quý II/2021, trước thời gian hỗ trợ (quý III-IV/2021)." },
  } },
  { name = "quotas and units", source = [[
source "s" { label = "Ngân sách tỉnh" }
support "a" { label = "Vay vốn", who = { status = "poor" }, quota = { ["An Lạc"] = 2, ["Bình Minh"] = 2 },
  households = 5, amount = per_household(10), source = "s", scope = { "An Lạc", "Hòa Bình" } }
support "b" { label = "Bò giống", who = { status = "poor" }, quota = { ["An Lạc"] = 2 }, households = 2,
  units = 5, units_per_household = 2, amount = per_unit(10, "con bò"), source = "s" }
support "c" { label = "Lợn giống", who = { status = "poor" }, quota = { ["An Lạc"] = 2 }, households = 2,
  units = 5, amount = per_unit(10, "con lợn"), source = "s" }
budget { total = 150, s = 150 }
]], expect = {
    { "quota-sum", "Chương trình “Vay vốn”: số hộ phân bổ cho các xã, phường cộng lại được 4 hộ, không khớp với 5 hộ đã nêu." },
    { "quota-scope", "Chương trình “Vay vốn”: Bình Minh được phân bổ 2 hộ nhưng không thuộc địa bàn thực hiện của chương trình (An Lạc và Hòa Bình)." },
    { "units-households", "Chương trình “Bò giống”: tổng số 5 con bò không bằng 2 hộ × 2 con bò mỗi hộ." },
    { "units-households", "Chương trình “Lợn giống”: kế hoạch ghi 2 hộ nhận 5 con lợn, tức 2,5 con lợn mỗi hộ, nhưng không nêu mức mỗi hộ; cần ghi rõ số con lợn mỗi hộ, hoặc số hộ nhận 5 con lợn." },
  } },
  { name = "the plan and its parameters", header = false, source = [[
plan { id = "x", title = "x", unit = "Thành phố Mẫu", year = 2021, standard = "vn-2099", issued = "2018-04", registry_year = 2023,
  objectives = { "Giảm {g.households} hộ nghèo.", "Trợ cấp {tro_cap.amont} đồng." } }
target "g" { households = 1, by_commune = { ["Bình Minh"] = 1 } }
support "tro_cap" { label = "Trợ cấp", who = { commune = { "Bình Minhh", "Bình Minh" } }, amount = per_person_month(10),
  months = "01-12", outside_budget = "ngân sách trung ương" }
scenario "k" { label = "Tăng trợ cấp", ["tro_cap.amont"] = 1, ["tro_cap.amount"] = "abc" }
]], expect = {
    { "unknown-standard", "Kế hoạch: không có chuẩn nghèo 'vn-2099' (các chuẩn hiện có: vn-2016, vn-2022, vn-2026)." },
    { "plan-date", "Kế hoạch: ngày ban hành tháng 4/2018 cách xa năm kế hoạch 2021." },
    { "registry-year", "Kế hoạch: dùng số liệu rà soát năm 2023, sau năm kế hoạch 2021." },
    { "unknown-parameter", "Kế hoạch: mục tiêu thứ 2 dùng tham số 'tro_cap.amont' không có trong kế hoạch (có phải 'tro_cap.amount'?)." },
    { "unknown-parameter", "Kịch bản “Tăng trợ cấp”: tham số 'tro_cap.amont' không có trong kế hoạch (có phải 'tro_cap.amount'?)." },
    { "parameter-kind", "Kịch bản “Tăng trợ cấp”: tro_cap.amount phải là số tiền bằng đồng, không phải abc." },
    { "name-slip", "Tên xã, phường “Bình Minhh” (viết 1 lần) chỉ khác “Bình Minh” (viết 2 lần) một chữ: có phải viết nhầm?" },
  } },
  { name = "the plan document's words", source = [[
support "the" { label = "Cấp thẻ", who = { status = "poor" }, outside_budget = "ngân sách trung ương",
  show = { "person" }, text = { "Cấp thẻ cho {persons} người, {the.amont}." } }
]], expect = {
    { "unknown-parameter", "Chương trình “Cấp thẻ”: đoạn văn thứ 1 dùng tham số 'the.amont' không có trong kế hoạch." },
    { "unknown-show", "Chương trình “Cấp thẻ”: show có 'person', không phải số liệu văn bản kế hoạch in ra (households, persons, communes, amount)." },
  } },
  { name = "the standard's years", header = false, source = [[
plan { id = "x", title = "x", unit = "Thành phố Mẫu", year = 2030, standard = "vn-2016" }
]], expect = {
    { "standard-years", "Kế hoạch: chuẩn nghèo vn-2016 áp dụng cho giai đoạn 2016 - 2021, không áp dụng cho năm 2030 (năm 2030 áp dụng chuẩn vn-2026)." },
  } },
  { name = "against the registry", registry = true, source = [[
source "city" { label = "Ngân sách thành phố" }
source "loans" { label = "Nguồn vốn vay tín dụng", short = "Vốn vay", loan = true }
target "giam" { label = "Giảm hộ nghèo", households = 3, rate_points = 13.5, by_commune = { ["Hòa Bình"] = 3 } }
support "tro_cap" { label = "Trợ cấp", who = { status = "poor", unable_to_escape = true },
  households = 5, persons = 8, amount = per_person_month(250000), months = "01-12", source = "city" }
support "vay_von" { label = "Vay vốn", who = { status = "poor", need = "credit" }, coverage = 1,
  quota = { ["An Lạc"] = 1, ["Bình Minh"] = 3 }, amount = per_household(million(50)), source = "loans" }
support "bo" { label = "Bò giống", who = { status = "poor", need = "credit" }, units = 7,
  amount = per_unit(million(10), "con bò"), source = "loans" }
budget { total = million(200), city = million(21), loans = million(179) }
]], expect = {
    { "rate", "Chỉ tiêu “Giảm hộ nghèo”: 3 hộ trên tổng số 15 hộ được rà soát của Thành phố Mẫu là 20 điểm phần trăm, không phải 13,5 như kế hoạch ghi." },
    { "target-exceeds-poor", "Chỉ tiêu “Giảm hộ nghèo”: Hòa Bình phải giảm 3 hộ nghèo, nhưng sổ hộ chỉ có 2 hộ nghèo ở đó." },
    { "stated-households", "Chương trình “Trợ cấp”: kế hoạch ghi 5 hộ; sổ hộ có 4 hộ." },
    { "stated-persons", "Chương trình “Trợ cấp”: kế hoạch ghi 8 khẩu; các hộ được chọn trong sổ hộ có 7 khẩu." },
    { "quota-shortfall", "Chương trình “Vay vốn”: Bình Minh chỉ có 1 hộ đủ điều kiện cho chỉ tiêu 3 hộ (thiếu 2 hộ)." },
    { "coverage", "Chương trình “Vay vốn”: kế hoạch cam kết hỗ trợ 100% hộ đủ điều kiện, nhưng mới hỗ trợ được 2/5 hộ (đạt 40%)." },
    { "units-uneven", "Chương trình “Bò giống”: 7 con bò không chia đều cho 5 hộ; các hộ đứng trước trong danh sách được thêm 1 con bò." },
    { "cost-under-budget", "Vốn vay bố trí 179 triệu đồng; các hộ được chọn trong sổ hộ cần 170 triệu đồng (còn dư 9 triệu đồng)." },
  } },
  { name = "more than the line", registry = true, source = OVER_THE_LINE, expect = {
    { "cost-over-budget", "Ngân sách thành phố bố trí 20 triệu đồng; các hộ được chọn trong sổ hộ cần 21 triệu đồng (còn thiếu 1 triệu đồng)." },
  } },
  { name = "budget cap", registry = true, budget = "cap", source = OVER_THE_LINE, expect = {
    { "budget-cap", "Ngân sách thành phố chỉ bố trí 20 triệu đồng cho nhu cầu 21 triệu đồng; 1 hộ của chương trình “Trợ cấp” chưa được bố trí kinh phí." },
  } },
  { name = "budget prorate", registry = true, budget = "prorate", source = OVER_THE_LINE, expect = {
    { "budget-prorate", "Ngân sách thành phố chỉ bố trí 20 triệu đồng cho nhu cầu 21 triệu đồng; mọi khoản chi từ nguồn này được giảm còn 95,2%." },
  } },
  { name = "an unknown commune", registry = true, source = [[
support "a" { label = "Hỗ trợ nhà ở", who = { commune = "Hoa Binh" } }
]], expect = {
    { "unknown-unit", "Chương trình “Hỗ trợ nhà ở”: “Hoa Binh” không phải là xã, phường của Thành phố Mẫu (có phải 'Hòa Bình'?)." },
  } },
  { name = "an unknown unit", registry = true, header = false, source = [[
plan { id = "x", title = "x", unit = "Thành phố Mau", year = 2021, standard = "vn-2016" }
]], expect = {
    { "unknown-unit", "Kế hoạch: sổ hộ không có đơn vị “Thành phố Mau” (có phải 'Thành phố Mẫu'?)." },
  } },
  { name = "no survey", registry = true, header = false, source = [[
plan { id = "x", title = "x", unit = "Thành phố Mẫu", year = 2023, standard = "vn-2022" }
]], expect = {
    { "no-survey", "Kế hoạch: sổ hộ không có số liệu rà soát năm 2022 của các hộ thuộc Thành phố Mẫu " ..
      "(năm rà soát là năm trước năm kế hoạch, trừ khi kế hoạch ghi registry_year)." },
  } },
}

-- The messages of one case.
local function messages_of(case, i)
  local p = plan.load(fx.plan_file("messages_" .. i, (case.header == false and "" or fx.HEADER) .. case.source))
  if not case.registry then return messages.word(check.run(p)) end
  if case.budget then plan.apply_parameters(p, nil, nil, case.budget) end
  return (fx.run(p, fx.registry())).messages
end

function T.test_every_code_reads_in_vietnamese_on_a_plan_that_gives_it()
  local read = {}
  for i, case in ipairs(CASES) do
    local list = messages_of(case, i)
    for _, pair in ipairs(case.expect) do
      local code, vi = pair[1], pair[2]
      local found = {}
      for _, m in ipairs(list) do
        if m.code == code then
          t.ok(m.message ~= m.message_vi, case.name .. ": " .. code .. " has a text of its own in each language")
          found[#found + 1] = m.message_vi
          if m.message_vi == vi then read[code] = true end
        end
      end
      if not read[code] or not table.concat(found, "\n"):find(vi, 1, true) then
        t.eq(found, { vi }, case.name .. ": " .. code)
      end
    end
  end
  local unread = {}
  for code in pairs(codes_in_the_stdlib()) do
    if not read[code] then unread[#unread + 1] = code end
  end
  table.sort(unread)
  t.eq(unread, {}, "codes no case reads in Vietnamese")
end

-- ---- the 2021 run ----------------------------------------------------------------------------

local REGISTRY = core.host.getenv("KEHOACH_REGISTRY") or "data/registry.db"

function T.test_the_2021_reports_list_the_seeds_slips_in_vietnamese()
  local run = require "kehoach.verbs.run"
  local dir = fx.DIR .. "/messages_2021"
  fs.mkdir(dir)
  local code = run.execute("plans/lao-cai-city-2021.lua",
    { db = REGISTRY, out = dir, results = dir .. "/results.db", quiet = true })
  t.eq(code, 0)
  local md = fs.read(dir .. "/lao-cai-city-2021/report.md")
  local section = t.ok(md:match("## 6%. Kiểm tra\n\n(.-)\n\n## "), "report.md's section 6")
  t.eq(section, table.concat({
    "- **Cảnh báo** (dòng 159): Chương trình “Hỗ trợ hộ nghèo vay vốn tín dụng”: kế hoạch cam kết hỗ trợ " ..
      "100% hộ đủ điều kiện, nhưng mới hỗ trợ được 48/77 hộ (đạt 62,3%).",
    "- **Cảnh báo** (dòng 198): Chương trình “Hỗ trợ phát triển sản xuất đa dạng hoá sinh kế: giống vật nuôi " ..
      "(bò) sinh sản”: Vạn Hòa được phân bổ 1 hộ nhưng không thuộc địa bàn thực hiện của chương trình " ..
      "(Tả Phời, Hợp Thành, Thống Nhất và Cốc San).",
    "- **Cảnh báo** (dòng 198): Chương trình “Hỗ trợ phát triển sản xuất đa dạng hoá sinh kế: giống vật nuôi " ..
      "(bò) sinh sản”: kế hoạch ghi 10 hộ nhận 80 con bò, tức 8 con bò mỗi hộ, nhưng không nêu mức mỗi hộ; " ..
      "cần ghi rõ số con bò mỗi hộ, hoặc số hộ nhận 80 con bò.",
    "- **Cảnh báo** (dòng 233): Chương trình “Hỗ trợ chính sách Y tế: cấp thẻ Bảo hiểm y tế”: thực hiện trong " ..
      "quý II/2021 nhưng thời hạn hoàn thành là quý I/2021, trước khi hết thời gian thực hiện.",
  }, "\n"))
  local html = fs.read(dir .. "/lao-cai-city-2021/report.html")
  t.contains(html, '<li class="warning" data-code="schedule"><strong>Cảnh báo</strong> (dòng 233): ' ..
    'Chương trình “Hỗ trợ chính sách Y tế: cấp thẻ Bảo hiểm y tế”: thực hiện trong quý II/2021')
  local checks = html:match('<section id="checks">(.-)</section>')
  t.ok(checks and not checks:find("support '", 1, true), "report.html lists the checks in Vietnamese")
  -- summary.json keeps the English the scripts read, beside the Vietnamese
  local s = json.decode(fs.read(dir .. "/lao-cai-city-2021/summary.json"))
  t.eq(s.checks[1].code, "coverage")
  t.eq(s.checks[1].message, "support 'vay_von': the plan promises 100% of eligible households, but reaches " ..
    "48 of 77 (62.3%)")
  t.contains(s.checks[1].message_vi, "mới hỗ trợ được 48/77 hộ (đạt 62,3%).")
end

return T
