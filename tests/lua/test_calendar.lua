-- test_calendar.lua — calendar.ics against RFC 5545: CRLF line ends, lines of at most 75
-- octets folded without cutting a character, BEGIN/END nesting, the required properties
-- (VERSION, PRODID; UID, DTSTAMP, DTSTART in each event), unique UIDs, all-day dates,
-- escaped text; a variant's calendar (scenario, --set, budget mode) saying what changed,
-- under UIDs of its own; and what the 2021 plan's calendar holds, as written and as a
-- scenario.
local t = ...
local fx = core.host.loadfile("tests/lua/fixture.lua", "tests/lua/fixture.lua", _ENV)()
local calendar = require "kehoach.render.calendar"
local figures = require "kehoach.render.figures"
local run = require "kehoach.verbs.run"
local json = require "kehoach.json"

local fs, text = core.fs, core.text

local T = {}

-- Checks the structure of an iCalendar text; returns the components found (each with
-- its properties, unfolded, by name) or raises naming the line that breaks a rule.
local function validate(ics)
  t.ok(ics:sub(-2) == "\r\n", "the file ends with CRLF")
  local physical = {}
  for line in ics:gmatch("(.-)\r\n") do physical[#physical + 1] = line end
  t.eq(#table.concat(physical, "\r\n") + 2, #ics, "every line ends with CRLF, no bare LF")
  local logical = {}
  for i, line in ipairs(physical) do
    t.ok(#line <= 75, string.format("line %d has %d octets: %s", i, #line, line))
    t.ok(text.valid(line), string.format("line %d cuts a character", i))
    if line:sub(1, 1) == " " then
      t.ok(#logical > 0, "a continuation line comes first")
      logical[#logical] = logical[#logical] .. line:sub(2)
    else
      logical[#logical + 1] = line
    end
  end
  local stack, found = {}, {}
  for _, line in ipairs(logical) do
    local name, params, value = line:match("^([%w%-]+)([^:]*):(.*)$")
    t.ok(name, "a content line is NAME[;PARAMS]:VALUE: " .. line)
    if name == "BEGIN" then
      stack[#stack + 1] = { kind = value, props = {} }
    elseif name == "END" then
      local top = table.remove(stack)
      t.ok(top and top.kind == value, "END:" .. value .. " closes " .. tostring(top and top.kind))
      found[#found + 1] = top
    else
      t.ok(#stack > 0, "a property outside any component: " .. line)
      local props = stack[#stack].props
      props[name] = props[name] or {}
      table.insert(props[name], { params = params, value = value })
    end
  end
  t.eq(#stack, 0, "every BEGIN has its END")
  local uids = {}
  for _, c in ipairs(found) do
    if c.kind == "VCALENDAR" then
      t.eq(c.props.VERSION[1].value, "2.0")
      t.ok(c.props.PRODID, "VCALENDAR has PRODID")
    elseif c.kind == "VEVENT" then
      for _, p in ipairs({ "UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY" }) do
        t.ok(c.props[p] and #c.props[p] == 1, "VEVENT has one " .. p)
      end
      local uid = c.props.UID[1].value
      t.ok(not uids[uid], "UID unique: " .. uid)
      uids[uid] = true
      t.ok(c.props.DTSTAMP[1].value:match("^%d%d%d%d%d%d%d%dT%d%d%d%d%d%dZ$"), "DTSTAMP is UTC")
      for _, p in ipairs({ "DTSTART", "DTEND" }) do
        t.eq(c.props[p][1].params, ";VALUE=DATE")
        t.ok(c.props[p][1].value:match("^%d%d%d%d%d%d%d%d$"), p .. " is a date")
      end
      t.ok(c.props.DTEND[1].value > c.props.DTSTART[1].value, "DTEND after DTSTART")
      for _, p in ipairs({ "SUMMARY", "DESCRIPTION" }) do
        for _, v in ipairs(c.props[p] or {}) do
          -- after removing escapes, no bare , ; or \ is left
          t.ok(not v.value:gsub("\\[\\;,nN]", ""):find("[\\;,]"), p .. " escaped: " .. v.value)
        end
      end
    elseif c.kind == "VALARM" then
      for _, p in ipairs({ "ACTION", "TRIGGER", "DESCRIPTION" }) do t.ok(c.props[p], "VALARM has " .. p) end
    end
  end
  return found
end

local function events(found)
  local out = {}
  for _, c in ipairs(found) do
    if c.kind == "VEVENT" then out[c.props.UID[1].value] = c.props end
  end
  return out
end

local function unescape(s)
  return (s:gsub("\\n", "\n"):gsub("\\([\\;,])", "%1"))
end

function T.test_the_validator_catches_broken_calendars()
  local ok = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n%sEND:VCALENDAR\r\n"
  local ev = "BEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20210101T000000Z\r\nDTSTART;VALUE=DATE:20210101\r\n" ..
    "DTEND;VALUE=DATE:20210102\r\nSUMMARY:%s\r\nEND:VEVENT\r\n"
  validate(ok:format(ev:format("a\\, b")))
  for _, bad in ipairs({
    ok:format(ev:format("a, b")),                             -- a bare comma
    ok:format(ev:format(string.rep("x", 80))),                -- a line of 89 octets
    (ok:format(ev:format("x")):gsub("\r\nEND:VEVENT", "\nEND:VEVENT")), -- a bare LF
    (ok:format(ev:format("x")):gsub("END:VEVENT", "END:VTODO")),  -- END closes another
    (ok:format(ev:format("x")):gsub("UID:a\r\n", "")),       -- no UID
  }) do
    t.raises(nil, validate, bad)
  end
end

function T.test_text_is_escaped_and_long_lines_folded_at_character_boundaries()
  t.eq(calendar.escape("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne")
  local line = "SUMMARY:" .. string.rep("Hỗ trợ hộ nghèo ", 12)
  local folded = calendar.fold(line)
  for part in folded:gmatch("(.-)\r\n") do
    t.ok(#part <= 75, "at most 75 octets")
    t.ok(text.valid(part), "no character cut")
  end
  t.eq((folded:gsub("\r\n ", ""):gsub("\r\n$", "")), line, "unfolding gives the line back")
  t.eq(calendar.fold("SHORT:x"), "SHORT:x\r\n")
end

local SUMMARY = {
  plan = { id = "mau-2021", title = "Kế hoạch mẫu; thử, với dấu phẩy", year = 2021, issued = "2021-03" },
  reports = {
    { id = "sau_thang", label = "Báo cáo 6 tháng", due = "2021-06-05", covers = "01-06", to = "Phòng LĐ-TB&XH, thành phố" },
    { id = "dot_xuat", label = "Báo cáo đột xuất", when = "theo chỉ đạo", to = "Phòng LĐ-TB&XH" },
  },
  budget = { sources = { { id = "city", label = "Ngân sách thành phố" } } },
  programmes = {
    { id = "tro_cap", label = "Trợ cấp; hàng tháng", period = "01-12", households = 4, persons = 7, cost = 21000000, source = "city" },
    { id = "vay", label = "Vay vốn", period = "Q1-Q2", households = 3, persons = 9, cost = 150000000 },
    { id = "bhyt", label = "Thẻ BHYT", households = 10, persons = 30, cost = 0 },
  },
}

function T.test_months_are_written_as_the_documents_write_dates()
  local vn = require "kehoach.render.vn"
  t.eq(vn.months({ from = 1, to = 6, months = 6 }, 2021), "từ tháng 01 năm 2021 đến hết tháng 6 năm 2021 (6 tháng)")
  t.eq(vn.months({ from = 3, to = 3, months = 1 }, 2021), "tháng 3/2021")
  t.eq(vn.months({ from = 2, to = 12, months = 11 }, 2021), "từ tháng 02 năm 2021 đến hết tháng 12 năm 2021 (11 tháng)")
end

function T.test_reports_due_and_programme_windows_are_all_day_events()
  local ics = calendar.ics(SUMMARY)
  local found = validate(ics)
  local ev = events(found)
  local six = t.ok(ev["mau-2021.report.sau_thang@kehoach"], "the six-month report")
  -- "gửi trước ngày 05/6/2021": the last day to send it is 04/6
  t.eq(six.DTSTART[1].value, "20210604")
  t.eq(six.DTEND[1].value, "20210605")
  t.eq(six.DTSTAMP[1].value, "20210301T000000Z", "stamped from the plan's date")
  t.eq(unescape(six.SUMMARY[1].value), "Hạn gửi báo cáo 6 tháng (trước ngày 05/6/2021) — Phòng LĐ-TB&XH, thành phố")
  t.contains(unescape(six.DESCRIPTION[1].value), "Hạn gửi: trước ngày 05/6/2021 (chậm nhất ngày 04/6/2021).")
  t.contains(unescape(six.DESCRIPTION[1].value), "Gửi: Phòng LĐ-TB&XH, thành phố.")
  t.eq(ev["mau-2021.report.dot_xuat@kehoach"], nil, "a report without a date is not an event")
  local allowance = t.ok(ev["mau-2021.programme.tro_cap@kehoach"])
  t.eq({ allowance.DTSTART[1].value, allowance.DTEND[1].value }, { "20210101", "20220101" })
  t.eq(unescape(allowance.SUMMARY[1].value), "Trợ cấp; hàng tháng")
  local loans = t.ok(ev["mau-2021.programme.vay@kehoach"])
  t.eq({ loans.DTSTART[1].value, loans.DTEND[1].value }, { "20210101", "20210701" })
  t.eq(ev["mau-2021.programme.bhyt@kehoach"], nil, "no period, no window")
  local alarms = 0
  for _, c in ipairs(found) do if c.kind == "VALARM" then alarms = alarms + 1 end end
  t.eq(alarms, 1, "a reminder before each report due")
  t.eq(calendar.ics(SUMMARY), ics, "the same summary, the same bytes")
end

-- The same summary as a variant: a scenario with a --set value on top, under --budget cap.
local function variant_of(summary, parameters)
  local v = {}
  for k, x in pairs(summary) do v[k] = x end
  v.parameters = parameters
  return v
end

local SCENARIO = {
  scenario = { id = "tang", label = "Trợ cấp 300.000", file = "mau.lua", line = 9 },
  budget = "cap",
  set = { { path = "tro_cap.amount", value = 300000, was = 250000, by = "scenario tang" },
    { path = "vay.quota.An Lạc", value = 3, was = 2, by = "--set" } },
  variant = "tang+set+budget-cap",
}

function T.test_a_variants_calendar_says_what_changed_and_keeps_its_own_uids()
  local plain = calendar.ics(variant_of(SUMMARY, { scenario = json.null, budget = "gap", set = json.array() }))
  t.eq(plain, calendar.ics(SUMMARY), "the plan as written: the same bytes as without parameters")
  local found = validate(calendar.ics(variant_of(SUMMARY, SCENARIO)))
  local ev = events(found)
  t.eq(ev["mau-2021.report.sau_thang@kehoach"], nil, "not the plan's UID")
  local six = t.ok(ev["mau-2021/tang+set+budget-cap.report.sau_thang@kehoach"], "the variant's folder in the UID")
  t.ok(ev["mau-2021/tang+set+budget-cap.programme.tro_cap@kehoach"])
  t.eq(unescape(six.DESCRIPTION[1].value):match("^(.-)\n\n"), "Kịch bản: Trợ cấp 300.000.\n" ..
    "Các giá trị đã thay đổi: Mức hỗ trợ của “Trợ cấp; hàng tháng”: 300.000 đồng (kế hoạch: 250.000 đồng); " ..
    "Chỉ tiêu của “Vay vốn” tại An Lạc: 3 hộ (kế hoạch: 2 hộ).\n" ..
    "Chế độ ngân sách: mỗi nguồn chỉ chi đến hết số kinh phí kế hoạch bố trí, theo thứ tự ưu tiên " ..
    "(chương trình theo thứ tự trong kế hoạch, trong mỗi chương trình theo thứ tự chọn hộ); các hộ còn lại " ..
    "không đủ kinh phí.")
  t.contains(unescape(six.DESCRIPTION[1].value), "\n\nBáo cáo 6 tháng của Kế hoạch mẫu", "then the event's own words")
  local function name(cal) return unescape(cal[#cal].props["X-WR-CALNAME"][1].value) end
  t.eq(name(found), "Kịch bản “Trợ cấp 300.000”: Mức hỗ trợ của “Trợ cấp; hàng tháng”: 300.000 đồng (kế hoạch: " ..
    "250.000 đồng); Chỉ tiêu của “Vay vốn” tại An Lạc: 3 hộ (kế hoạch: 2 hộ); chế độ ngân sách: chi trong phạm vi " ..
    "kinh phí bố trí — Kế hoạch mẫu; thử, với dấu phẩy")
  -- --set alone: the folder "set", and the calendar's name says values were changed
  local set = validate(calendar.ics(variant_of(SUMMARY, { scenario = json.null, budget = "gap", variant = "set",
    set = { { path = "tro_cap.amount", value = 300000, was = 250000, by = "--set" } } })))
  t.ok(events(set)["mau-2021/set.report.sau_thang@kehoach"])
  t.eq(name(set), "Giá trị đã thay đổi: Mức hỗ trợ của “Trợ cấp; hàng tháng”: 300.000 đồng (kế hoạch: 250.000 đồng) — " ..
    "Kế hoạch mẫu; thử, với dấu phẩy")
end

-- The folder a variant's UIDs carry is the one `kehoach run` writes it to.
function T.test_the_variants_name_is_the_folder_run_writes_to()
  local plan = require "kehoach.plan"
  local path = fx.plan_file("cal_variants", fx.HEADER .. [[
source "city" { label = "Ngân sách thành phố" }
support "tro_cap" { label = "Trợ cấp", who = { status = "poor" }, amount = per_person_month(250000),
  months = "01-12", source = "city" }
budget { total = million(20), city = million(20) }
scenario "tang" { label = "Trợ cấp 300.000", ["tro_cap.amount"] = 300000 }
]])
  for _, case in ipairs({
    { {}, nil, nil, nil },
    { {}, nil, "gap", nil },
    { {}, "tang", nil, "tang" },
    { { "tro_cap.amount=300000" }, nil, nil, "set" },
    { { "tro_cap.amount=300000" }, nil, "cap", "set+budget-cap" },
    { { "budget.city=million(30)" }, "tang", "prorate", "tang+set+budget-prorate" },
    { {}, nil, "cap", "budget-cap" },
  }) do
    local p = plan.load(path)
    plan.apply_parameters(p, case[1], case[2], case[3])
    t.eq(p.variant, case[4], "run's folder")
    t.eq(figures.variant_name(json.decode(json.encode(p.parameters))), case[4], "from summary.json")
  end
end

function T.test_the_2021_plans_calendar_holds_its_reports_and_programmes()
  local dir = "build/tests/lua-fixtures/calendar-2021"
  fs.mkdir(dir)
  local registry = core.host.getenv("KEHOACH_REGISTRY") or "data/registry.db"
  local code, _, out = run.execute("plans/lao-cai-city-2021.lua", { db = registry, out = dir, results = dir .. "/results.db" })
  t.eq(code, 0)
  local ev = events(validate(t.ok(fs.read(out .. "/calendar.ics"))))
  local n = 0
  for _ in pairs(ev) do n = n + 1 end
  t.eq(n, 2 + 6, "two reports with a date, six programmes")
  local year = ev["lao-cai-city-2021.report.bao_cao_nam@kehoach"]
  t.eq(year.DTSTART[1].value, "20211204")
  t.contains(unescape(year.SUMMARY[1].value), "Phòng Lao động - Thương binh và Xã hội thành phố")
  local cows = ev["lao-cai-city-2021.programme.bo_giong@kehoach"]
  t.eq({ cows.DTSTART[1].value, cows.DTEND[1].value }, { "20210701", "20220101" })
  t.contains(unescape(cows.DESCRIPTION[1].value), "10 hộ, 29 khẩu.\nKinh phí 2.000 triệu đồng")
  -- the scenario's calendar, imported beside it, adds its events instead of replacing these
  local code2, _, out2 = run.execute("plans/lao-cai-city-2021.lua", { db = registry, out = dir,
    results = dir .. "/results.db", scenario = "tang_tro_cap" })
  t.eq(code2, 0)
  t.eq(out2, out .. "/tang_tro_cap")
  local found = validate(t.ok(fs.read(out2 .. "/calendar.ics")))
  local scenario = events(found)
  for uid in pairs(scenario) do t.eq(ev[uid], nil, "a UID of the plan's calendar: " .. uid) end
  local six = t.ok(scenario["lao-cai-city-2021/tang_tro_cap.report.bao_cao_6_thang@kehoach"])
  t.eq(unescape(six.DESCRIPTION[1].value):match("^(.-)\n\n"), "Kịch bản: Nâng mức trợ cấp lên " ..
    "300.000 đồng/khẩu/tháng.\nCác giá trị đã thay đổi: Mức hỗ trợ của “Hỗ trợ hộ nghèo không có khả năng thoát " ..
    "nghèo”: 300.000 đồng/khẩu/tháng (kế hoạch: 250.000 đồng/khẩu/tháng).")
  t.eq(unescape(found[#found].props["X-WR-CALNAME"][1].value):match("^(.-) — "),
    "Kịch bản “Nâng mức trợ cấp lên 300.000 đồng/khẩu/tháng”: Mức hỗ trợ của “Hỗ trợ hộ nghèo không có khả năng " ..
    "thoát nghèo”: 300.000 đồng/khẩu/tháng (kế hoạch: 250.000 đồng/khẩu/tháng)")
end

return T
