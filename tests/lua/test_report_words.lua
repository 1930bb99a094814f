-- test_report_words.lua — report.md (and the documents beside it) words what it shows for
-- the officer who signs it: eligible households that add up, assumptions stated once,
-- the standard by its title and no code name, communes as the registry spells them, and
-- one order for every list of shortfalls.
local t = ...
local fx = core.host.loadfile("tests/lua/fixture.lua", "tests/lua/fixture.lua", _ENV)()
local run = require "kehoach.verbs.run"
local json = require "kehoach.json"
local project = require "kehoach.project"

local fs = core.fs

local T = {}

-- vay_von's quota names An Lạc only: B04 of Bình Minh needs credit too, and is neither
-- chosen nor waiting. The scope is spelled "Hoà Bình"; the registry writes "Hòa Bình".
local PLAN = fx.HEADER .. [[
target "giam" { households = 4, by_commune = { ["An Lạc"] = 3, ["Bình Minh"] = 1 } }
source "loans" { label = "Nguồn vốn vay tín dụng", loan = true }
support "vay_von" { label = "Vay vốn", who = { status = "poor", need = "credit" },
  quota = { ["An Lạc"] = 2, ["Hoà Bình"] = 0 }, scope = { "An Lạc", "Bình Minh" },
  amount = per_household(million(50)), quarters = "Q1-Q2", source = "loans", by = "xa",
  effect = { income = 0, from = "Q3", note = "Giả định V1: vốn vay chưa tăng thu nhập trong năm." } }
support "bo" { label = "Bò giống", who = { status = "poor", need = "livestock" },
  amount = per_household(million(20)), quarters = "Q3", source = "loans", by = "xa",
  effect = { income = 0, from = "Q4" } }
agency "xa" { name = "Ủy ban nhân dân các xã, phường", "Cho vay." }
]]

local function execute(name, opts)
  local dir = fx.DIR .. "/" .. name
  fs.mkdir(dir)
  local path = fx.plan_file(name, PLAN)
  local o = { db = fx.registry(), out = dir, results = dir .. "/results.db", quiet = true }
  for k, v in pairs(opts or {}) do o[k] = v end
  local code = run.execute(path, o)
  t.eq(code, 0)
  local sub = dir .. "/mau-2021" .. (opts and opts.set and "/set" or "")
  return fs.read(sub .. "/report.md"), json.decode(fs.read(sub .. "/summary.json")), sub
end

function T.test_eligible_households_add_up_to_chosen_waiting_and_outside_the_quota()
  local md, s = execute("words_eligible")
  local g = s.programmes[1]
  t.eq({ g.eligible, g.households, g.waitlisted }, { 5, 2, 2 })
  t.eq(g.outside, { ["Bình Minh"] = 1 }, "eligible where the quota names no commune")
  t.contains(md, "- Số hộ đủ điều kiện: 5; được chọn: 2; danh sách chờ: 2; 1 hộ đủ điều kiện ở các xã, phường " ..
    "không có chỉ tiêu của chương trình nên không được chọn và không vào danh sách chờ (Bình Minh 01 hộ)\n")
end

function T.test_the_standard_is_named_by_its_title_and_no_code_name_reaches_the_report()
  local md, s, dir = execute("words_standard")
  t.eq(s.plan.standard, "vn-2016")
  t.eq(s.plan.standard_title, "Chuẩn nghèo tiếp cận đa chiều áp dụng cho giai đoạn 2016 - 2020")
  t.contains(md, "theo chuẩn nghèo tiếp cận đa chiều áp dụng cho giai đoạn 2016 - 2020. Số tiền tính bằng đồng.")
  for _, code in ipairs({ "mau-2021", "vn-2016", "units_per_household", "`" }) do
    t.eq(md:find(code, 1, true), nil, "report.md shows " .. code)
  end
  local html = fs.read(dir .. "/report.html")
  t.contains(html, "chuẩn nghèo tiếp cận đa chiều áp dụng cho giai đoạn 2016 - 2020. Số hộ")
  t.eq(html:find("vn-2016", 1, true), nil, "report.html shows the standard's name")
end

function T.test_each_assumption_is_stated_once_and_an_income_of_nothing_in_words()
  local md = execute("words_effects")
  t.eq(md:find("Giả định (trong kế hoạch)", 1, true), nil)
  t.eq(md:find("thu nhập thêm 0 đồng", 1, true), nil)
  t.contains(md, "- Vay vốn (2 hộ): Giả định V1: vốn vay chưa tăng thu nhập trong năm.\n")
  t.contains(md, "- Bò giống (2 hộ): Không tăng thu nhập trong năm 2021.\n")
  -- a value changed with --set: the note no longer holds, the effect is worded
  local changed = execute("words_effects_set", { set = { "vay_von.effect.income=50000" } })
  t.contains(changed, "- Vay vốn (2 hộ): Thu nhập thêm 50.000 đồng/người/tháng từ quý III/2021.\n")
end

function T.test_warnings_name_communes_as_the_registry_spells_them()
  local md = execute("words_spelling")
  t.contains(md, "Hòa Bình được phân bổ 0 hộ nhưng không thuộc địa bàn thực hiện của chương trình (An Lạc và Bình Minh)")
  t.eq(md:find("Hoà Bình", 1, true), nil, "the plan's spelling reached report.md")
end

function T.test_shortfalls_are_listed_largest_first_then_by_name_everywhere()
  local list = project.shortfalls({ communes = { "Tả Phời", "Cốc San", "Thống Nhất", "Bắc Lệnh" } },
    { short = { ["Thống Nhất"] = 23, ["Tả Phời"] = 23, ["Cốc San"] = 2, ["Bắc Lệnh"] = 2 } })
  local names = {}
  for i, c in ipairs(list) do names[i] = c.name .. " " .. c.n end
  t.eq(names, { "Tả Phời 23", "Thống Nhất 23", "Bắc Lệnh 2", "Cốc San 2" })
  local md, _, dir = execute("words_shortfalls")
  t.contains(md, "các xã, phường chưa đạt: An Lạc 03 hộ, Bình Minh 01 hộ.")
  t.contains(fs.read(dir .. "/report.html"), "(An Lạc 03 hộ, Bình Minh 01 hộ)")
end

return T
