-- test_progress.lua — `kehoach progress` on the fixture registry with events the tests
-- write: escapes by commune and quarter against the targets, new and returning poor, the
-- poor now, programmes in their schedule, the next report; events of another district,
-- of last year or after the date left out; dates outside the plan's year.
local t = ...
local fx = core.host.loadfile("tests/lua/fixture.lua", "tests/lua/fixture.lua", _ENV)()
local verb = require "kehoach.verbs.progress"
local render = require "kehoach.render.progress"
local plandoc = require "kehoach.render.plandoc"

local store = core.store

local T = {}

local PLAN = fx.HEADER .. [[
target "giam" { label = "Giảm hộ nghèo", households = 3, by_commune = { ["An Lạc"] = 2, ["Hoà Bình"] = 1 },
  Q2 = { ["An Lạc"] = 1 }, Q4 = { ["An Lạc"] = 1, ["Hòa Bình"] = 1 } }
source "city" { label = "Ngân sách thành phố" }
source "loans" { label = "Nguồn vốn vay tín dụng", loan = true }
support "tro_cap" { label = "Trợ cấp", who = { status = "poor", unable_to_escape = true },
  amount = per_person_month(250000), months = "01-12", source = "city", by = "xa" }
support "vay_von" { label = "Vay vốn", who = { status = "poor", need = "credit" },
  quota = { ["An Lạc"] = 2, ["Bình Minh"] = 1 }, amount = per_household(million(50)), quarters = "Q1-Q2",
  source = "loans", by = "xa" }
support "nha_o" { label = "Nhà ở", who = { status = "poor", need = "housing" }, quarters = "Q3-Q4", by = "xa" }
budget { total = million(171), city = million(21), loans = million(150) }
report "sau_thang" { label = "Báo cáo 6 tháng", due = "2021-06-05", covers = "01-06", to = "xa" }
report "nam" { label = "Báo cáo năm", due = "2021-12-05", covers = "01-12", to = "xa" }
agency "xa" { name = "Ủy ban nhân dân các xã, phường", "Chi trả trợ cấp." }
distribution { "Như trên;", "Lưu VT." }
signature { "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", name = "Nguyễn Văn A" }
]]

-- household code, date, kind
local EVENTS = {
  { "A03", "2021-05-10", "escaped" },     -- An Lạc, Q2: counts
  { "H02", "2021-08-01", "escaped" },     -- Hòa Bình, Q3: after 30/6
  { "A06", "2021-03-01", "fell_into" },   -- An Lạc near-poor, newly poor
  { "B02", "2021-04-02", "re_poor" },     -- Bình Minh near-poor, back into poverty
  { "A02", "2021-02-01", "dissolved" },   -- An Lạc, poor: leaves the poor
  { "B03", "2021-03-03", "moved" },       -- Bình Minh, not poor
  { "X01", "2021-02-01", "escaped" },     -- another district: left out
  { "A04", "2020-12-30", "escaped" },     -- last year: left out
  { "A05", "2021-07-15", "escaped" },     -- after 30/6
}

local function registry(events_until)
  local path = fx.registry("progress")
  local db = store.registry(path, "rw")
  for _, e in ipairs(EVENTS) do
    db:run("INSERT INTO events(household, date, kind, note) SELECT id, ?, ?, 'test' FROM households WHERE code = ?",
      e[2], e[3], e[1])
  end
  if events_until then db:run("INSERT INTO meta VALUES ('events_until', ?)", events_until) end
  db:close()
  return path
end

local function compute(as_of, events_until)
  return verb.compute(fx.plan_file("progress", PLAN), as_of, { db = registry(events_until) })
end

function T.test_escapes_by_commune_and_quarter_against_the_targets()
  local pr = compute("2021-06-30")
  t.eq(pr.as_of, "2021-06-30")
  t.eq({ pr.quarters[1].state, pr.quarters[2].state, pr.quarters[3].state }, { "past", "past", "future" })
  t.eq(pr.totals.escaped, { 0, 1, 0, 0 }, "A03 only: not X01 (elsewhere), A04 (2020), H02 or A05 (later)")
  local tg = pr.targets[1]
  t.eq({ tg.households, tg.due, tg.done }, { 3, 1, 1 })
  t.eq(tg.by_commune["An Lạc"], { year = 2, due = 1, done = 1, quarters = { 0, 1, 0, 1 } })
  t.eq(tg.by_commune["Hòa Bình"], { year = 1, due = 0, done = 0, quarters = { 0, 0, 0, 1 } })
  -- shares of the year's target side by side, with one precision
  local md = render.markdown(pr, select(2, compute("2021-06-30")))
  t.contains(md, "|      50,00% |")
  t.contains(md, "|       0,00% |")
  t.eq(tg.by_commune["Bình Minh"], nil, "no target, no escape")
  t.eq(render.headline(pr, tg), "Đến ngày 30/6/2021 có 1 hộ thoát nghèo, đạt 33,33% chỉ tiêu năm (3 hộ). " ..
    "Chỉ tiêu đến hết quý II là 1 hộ: đạt.")
  local later = compute("2021-09-30").targets[1]
  t.eq({ later.due, later.done }, { 1, 3 }, "H02 in Q3, A05 in July")
  t.contains(render.headline(compute("2021-12-31"), later), "vượt")
  -- the whole unit on target while a commune is short: the commune is still named
  local year_end = compute("2021-12-31")
  local whole = year_end.targets[1]
  t.eq({ whole.due, whole.done }, { 3, 3 })
  whole.by_commune["An Lạc"].done, whole.by_commune["Hòa Bình"].done = 3, 0
  t.contains(render.headline(year_end, whole), "Chỉ tiêu đến hết quý IV là 3 hộ: đạt; còn thiếu ở Hòa Bình 01 hộ.")
  local matrix = render.quarter_matrix(pr, tg)
  t.contains(matrix, "| An Lạc               |   0/0 |    1/1 |     ·/0 |    ·/1 |")
  t.contains(matrix, "| Hòa Bình             |   0/0 |    0/0 |     ·/0 |    ·/1 |")
end

function T.test_new_and_returning_poor_and_the_poor_now()
  local pr = compute("2021-06-30")
  local e = pr.events
  t.eq(e["An Lạc"].fell_into, { 1, 0, 0, 0 })
  t.eq(e["Bình Minh"].re_poor, { 0, 1, 0, 0 })
  t.eq(e["An Lạc"].dissolved, { 1, 0, 0, 0 })
  t.eq(e["Bình Minh"].moved, { 1, 0, 0, 0 })
  t.eq(pr.poor.left, { ["An Lạc"] = 1 }, "A02 was poor; B03 was not")
  -- An Lạc: 6 poor at the review - A03 escaped - A02 gone + A06 newly poor
  t.eq(pr.poor.now, { ["An Lạc"] = 5, ["Bình Minh"] = 3, ["Hòa Bình"] = 2 })
  t.eq({ pr.poor.review_total, pr.poor.now_total }, { 10, 10 })
  local by_quarter = render.poverty_by_quarter(pr)
  t.contains(by_quarter, "| Quý I/2021   |           0 |         1 |         0 |                  1 |                  1 | đã qua     |",
    "A06 newly poor, B03 moved, A02 gone in Q1")
  t.contains(by_quarter, "| Quý II/2021  |           1 |         0 |         1 |")
  t.contains(by_quarter, "| An Lạc              |   1/0 |    0/0 |       · |      · |")
  t.contains(by_quarter, "| Bình Minh           |   0/0 |    0/1 |       · |      · |")
  t.eq(by_quarter:find("Hòa Bình", 1, true), nil, "no household fell into or returned to poverty there")
  t.contains(render.markdown(pr, select(2, compute("2021-06-30"))), by_quarter)
end

function T.test_programmes_stand_in_their_schedule_and_the_next_report_is_named()
  local pr = compute("2021-06-30")
  local by = {}
  for _, g in ipairs(pr.programmes) do by[g.id] = g end
  t.eq({ by.tro_cap.state, by.vay_von.state, by.nha_o.state }, { "current", "past", "future" })
  t.eq(by.vay_von.escaped, 1, "A03 had a loan")
  t.eq({ pr.reports[1].state, pr.reports[2].state, pr.reports[2].days }, { "past", "next", 158 })
  t.eq(render.next_report_words(pr), "Báo cáo tiếp theo: Báo cáo năm, hạn gửi trước ngày 05/12/2021 (còn 158 ngày), " ..
    "gửi Ủy ban nhân dân các xã, phường.")
  t.eq(compute("2021-06-05").reports[1].state, "next", "due today is still to send")
  -- a report 25 days past due is overdue, and the next report is named once
  local md = render.markdown(pr, select(2, compute("2021-06-30")))
  t.contains(md, "| đã quá hạn 25 ngày ")
  t.contains(md, "| báo cáo tiếp theo (còn 158 ngày) |")
  t.eq(md:find("đã đến hạn", 1, true), nil)
  local first = md:find("Báo cáo tiếp theo:", 1, true)
  t.ok(first, "the next report is named")
  t.eq(md:find("Báo cáo tiếp theo:", first + 1, true), nil, "and only once")
  t.contains(render.markdown(compute("2021-06-05"), select(2, compute("2021-06-05"))), "| đến hạn hôm nay ")
end

function T.test_progress_md_says_what_the_registry_does_not_cover()
  local pr, s = compute("2022-02-01", "2021-09-30")
  t.eq({ pr.as_of, pr.clamped }, { "2021-12-31", true })
  local md = render.markdown(pr, s)
  t.contains(md, "# Báo cáo kết quả thực hiện kế hoạch giảm nghèo đến ngày 31/12/2021")
  t.contains(md, "*Kế hoạch năm 2021 kết thúc ngày 31/12/2021: số liệu tính đến ngày đó.*")
  t.contains(md, "*Sổ hộ ghi sự kiện đến ngày 30/9/2021: những gì xảy ra sau ngày đó chưa có trong số liệu.*")
  t.contains(md, "| Quý III/2021 |        0 |           2 |", "H02 and A05")
  t.contains(md, "Không còn báo cáo nào có hạn gửi trong kế hoạch.")
end

function T.test_a_registry_without_events_is_said_not_to_cover_the_period()
  local pr, s = verb.compute(fx.plan_file("progress", PLAN), "2021-06-30", { db = fx.registry("progress_no_events") })
  local says = "Sổ hộ không ghi sự kiện nào (thoát nghèo, nghèo mới, tái nghèo, chuyển đi, hộ không còn) từ ngày " ..
    "01/01/2021 đến ngày 30/6/2021, và không ghi đã cập nhật đến ngày nào"
  t.contains(render.terminal(pr, s), says)
  t.contains(render.markdown(pr, s), "*" .. says)
  local with_events = compute("2021-06-30")
  t.eq(render.notices(with_events), {}, "events in the period, none after the registry's date")
  t.eq(#render.notices(compute("2022-02-01", "2021-09-30")), 2, "past the plan's year, past the registry's events")
end

function T.test_dates_outside_the_plans_year_are_command_line_errors()
  local path = fx.plan_file("progress", PLAN)
  local _, kind = t.raises("before the plan's year 2021 begins", verb.compute, path, "2020-12-31", { db = registry() })
  t.eq(kind, "usage")
  _, kind = t.raises("%-%-as%-of", verb.compute, path, "2021-02-30", { db = registry() })
  t.eq(kind, "usage")
end

function T.test_the_report_to_send_has_the_letterhead_its_title_and_the_signature()
  local pr, s, p = compute("2021-06-30")
  local blocks = render.report(pr, s, p)
  t.eq(blocks[1], { kind = "letterhead", issuer = "ỦY BAN NHÂN DÂN THÀNH PHỐ MẪU", number = "Số:       /BC-UBND",
    dated = "Thành phố Mẫu, ngày       tháng 6 năm 2021" })
  t.eq(blocks[2], { kind = "title", text = "BÁO CÁO", sub = "Kết quả thực hiện Kế hoạch mẫu 6 tháng đầu năm 2021" })
  t.eq(blocks[#blocks], { kind = "footer", distribution = { "Như trên;", "Lưu VT." },
    signature = { lines = { "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH" }, name = "Nguyễn Văn A" } })
  local md = plandoc.markdown(blocks)
  t.contains(md, "## 1. Kết quả giảm hộ nghèo so với chỉ tiêu")
  t.contains(md, "## 4. Kết quả rà soát hộ nghèo, hộ cận nghèo năm 2020")
  t.contains(md, "Trên đây là báo cáo kết quả thực hiện kế hoạch mẫu 6 tháng đầu năm 2021 của Ủy ban nhân dân " ..
    "Thành phố Mẫu./.")
  -- the standard by its title, never its code name
  t.contains(md, "theo chuẩn nghèo tiếp cận đa chiều áp dụng cho giai đoạn 2016 - 2020.")
  t.eq(md:find("vn-2016", 1, true), nil)
  -- the office's own reminders stay in progress.md
  t.eq(md:find("Báo cáo tiếp theo", 1, true), nil)
  t.eq(md:find("đã quá hạn", 1, true), nil)
  t.eq(render.period_words(compute("2021-12-31")), "năm 2021")
  t.eq(render.period_words(compute("2021-09-30")), "đến ngày 30/9/2021")
  -- made for the report due next: the six-month report due 05/6, the annual one due 05/12
  t.eq(render.period_words(compute("2021-05-31")), "6 tháng đầu năm 2021")
  t.eq(render.period_words(compute("2021-11-30")), "năm 2021")
end

function T.test_the_review_by_commune_counts_the_poor_the_near_poor_and_the_ethnic_minorities()
  local pr, s = compute("2021-06-30")
  t.eq(pr.review.year, 2020, "the review the plan reads: the registry has none of 2021")
  local rows = render.review_rows(pr, s)
  local by = {}
  for _, r in ipairs(rows) do by[r.name] = r end
  -- An Lạc: A01-A08; poor A01 A02 A03 A04 A05 A08, near-poor A06, unable A01 A02,
  -- ethnic minorities A03 A04 A06 A07
  t.eq({ by["An Lạc"].households, by["An Lạc"].poor, by["An Lạc"].near_poor, by["An Lạc"].unable, by["An Lạc"].em,
    by["An Lạc"].em_poor, by["An Lạc"].em_near_poor }, { 8, 6, 1, 2, 4, 2, 1 })
  t.eq({ by["An Lạc"].escaped, by["An Lạc"].fell_into, by["Bình Minh"].re_poor }, { 1, 1, 1 })
  t.eq(rows[#rows].name, "Toàn thành phố Mẫu")
  t.eq({ rows[#rows].households, rows[#rows].poor, rows[#rows].near_poor, rows[#rows].unable, rows[#rows].em,
    rows[#rows].em_poor, rows[#rows].em_near_poor }, { 15, 10, 2, 4, 5, 2, 1 })
  t.eq(string.format("%.2f", rows[#rows].poor_rate), "66.67")
  local md = plandoc.markdown({ render.review_block(pr, s) })
  t.contains(md, "| **Toàn thành phố Mẫu** |         15 |       10 |     66,67 |            2 |     13,33 |")
end

function T.test_a_changed_plans_report_says_so_under_its_title()
  local pr, s, p = verb.compute(fx.plan_file("progress", PLAN), "2021-06-30",
    { db = registry(), set = { "tro_cap.amount=300000" } })
  local md = plandoc.markdown(render.report(pr, s, p))
  t.contains(md, "**Kết quả thực hiện Kế hoạch mẫu 6 tháng đầu năm 2021**\n\n**Số liệu tính theo các thay đổi dưới " ..
    "đây, không phải theo kế hoạch như đã ban hành.**\n\n*Các giá trị đã thay đổi: Mức hỗ trợ của “Trợ cấp”: " ..
    "300.000 đồng/khẩu/tháng (kế hoạch: 250.000 đồng/khẩu/tháng).*")
  local plain = plandoc.markdown(render.report(compute("2021-06-30")))
  t.eq(plain:find("không phải theo kế hoạch", 1, true), nil)
end

function T.test_progress_writes_the_report_in_html_and_word_and_the_review_as_a_workbook()
  local pr, s, p = compute("2021-06-30")
  local dir = fx.DIR .. "/progress_write"
  local paths = verb.write(pr, s, p, dir)
  t.eq(#paths, 4)
  local html = t.ok(core.fs.read(dir .. "/mau-2021/progress.html"))
  t.contains(html, "<h1>BÁO CÁO</h1>")
  t.contains(html, "<td class=\"number\">Số:          /BC-UBND</td>")
  t.contains(html, "<table class=\"data\">")
  t.contains(html, "<tr class=\"total\"><th scope=\"row\">Toàn thành phố Mẫu</th>")
  t.ok(core.fs.exists(dir .. "/mau-2021/progress.docx"))
  t.ok(core.fs.exists(dir .. "/mau-2021/progress.xlsx"))
end

return T
