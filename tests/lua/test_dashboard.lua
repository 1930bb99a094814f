-- test_dashboard.lua — the charts and report.html: axes that end on round numbers, one
-- mark per value with its tooltip, well-nested SVG, a table behind every chart, the
-- projection section only when the summary has one, and `kehoach run` writing the page;
-- a scenario's or --set's page saying what was changed; axis titles on line charts.
local t = ...
local fx = core.host.loadfile("tests/lua/fixture.lua", "tests/lua/fixture.lua", _ENV)()
local svg = require "kehoach.render.svg"
local dashboard = require "kehoach.render.dashboard"
local run = require "kehoach.verbs.run"
local json = require "kehoach.json"

local fs = core.fs

local T = {}

-- Whether the elements of an SVG (or any markup without void elements) nest: returns
-- nil, or the first tag that does not close what is open.
local function misnested(markup)
  local open = {}
  for slash, name, self in markup:gmatch("<(/?)([%w:]+)[^>]-(/?)>") do
    if slash == "/" then
      if open[#open] ~= name then return "</" .. name .. "> closes <" .. tostring(open[#open]) .. ">" end
      open[#open] = nil
    elseif self ~= "/" then
      open[#open + 1] = name
    end
  end
  if #open > 0 then return "<" .. open[#open] .. "> is never closed" end
end

local function count(s, part)
  local n, at = 0, 1
  while true do
    local i = s:find(part, at, true)
    if not i then return n end
    n, at = n + 1, i + #part
  end
end

function T.test_axes_end_on_round_numbers_in_steps_of_one_two_or_five()
  t.eq({ svg.scale(40) }, { 40, 10 })
  t.eq({ svg.scale(2400) }, { 2500, 500 })
  t.eq({ svg.scale(8774) }, { 10000, 2000 })
  t.eq({ svg.scale(7) }, { 8, 2 })
  t.eq({ svg.scale(1, true) }, { 1, 1 })
  t.eq({ svg.scale(1) }, { 1, 0.2 })
  t.eq({ svg.scale(0) }, { 1, 1 })
end

local SPEC = {
  id = "t", title = "Chỉ tiêu theo xã & quý", desc = "Hai xã", unit = "hộ", axis = "Xã",
  categories = { "Tả Phời", "Thống Nhất" },
  series = { { label = "Quý I", values = { 0, 1 } }, { label = "Quý II", values = { 4, 3 } } },
}

function T.test_bars_have_a_mark_with_a_tooltip_for_every_value_and_nest_well()
  for _, stacked in ipairs({ false, true }) do
    SPEC.stacked = stacked
    local out = svg.bars(SPEC)
    t.eq(misnested(out), nil)
    t.contains(out, 'role="img" aria-labelledby="chart-t-title chart-t-desc"')
    t.contains(out, '<title id="chart-t-title">Chỉ tiêu theo xã &amp; quý</title>')
    t.eq(count(out, '<rect class="mark"'), 3, "the zero draws no bar")
    t.contains(out, "<title>Thống Nhất — Quý II: 3 hộ</title>")
    t.contains(out, ">Tả Phời</text>")
    t.eq(svg.bars(SPEC), out, "the same data, the same bytes")
  end
  SPEC.stacked = nil
end

function T.test_lines_mark_every_step_and_the_table_holds_the_numbers()
  local spec = { id = "q", title = "Cộng dồn", steps = { "Quý I", "Quý II", "Quý III", "Quý IV" },
    series = { { label = "Chỉ tiêu", values = { 4, 13, 30, 90 } }, { label = "Dự báo", values = { 0, 5, 20, 71 } } } }
  local out = svg.lines(spec)
  t.eq(misnested(out), nil)
  t.eq(count(out, '<circle class="mark"'), 8)
  t.contains(out, "<title>Dự báo — Quý IV: 71</title>")
  local tab = svg.data_table(spec)
  t.contains(tab, '<th scope="row">Quý III</th><td class="num">30</td><td class="num">20</td>')
end

function T.test_lines_draw_axis_titles_only_when_given()
  local spec = { id = "s", title = "Kinh phí", steps = { "250.000", "300.000" },
    series = { { label = "Kinh phí", values = { 21, 25 } } } }
  local bare = svg.lines(spec)
  t.ok(not bare:find("axis-title", 1, true), "no titles asked, none drawn (the dashboard's charts keep their bytes)")
  spec.x_title, spec.y_title = "Mức hỗ trợ của “Trợ cấp” (đồng/khẩu/tháng)", "Triệu đồng"
  local out = svg.lines(spec)
  t.eq(misnested(out), nil)
  t.contains(out, ' text-anchor="middle" font-weight="bold">Mức hỗ trợ của “Trợ cấp” (đồng/khẩu/tháng)</text>')
  t.contains(out, ' transform="rotate(-90 16 ')
  t.contains(out, ">Triệu đồng</text>")
  local h1, h2 = tonumber(bare:match('height="([%d.]+)"')), tonumber(out:match('height="([%d.]+)"'))
  t.eq(h2, h1 + 22, "room under the axis for its title")
end

local PLAN = fx.HEADER .. [[
target "giam" { label = "Giảm hộ nghèo", households = 3, by_commune = { ["An Lạc"] = 2, ["Hoà Bình"] = 1 },
  Q2 = { ["An Lạc"] = 1 }, Q4 = { ["An Lạc"] = 1, ["Hòa Bình"] = 1 } }
source "city" { label = "Ngân sách thành phố" }
support "tro_cap" { label = "Trợ cấp", who = { status = "poor", unable_to_escape = true },
  amount = per_person_month(250000), months = "01-12", source = "city", by = "xa" }
budget { total = million(20), city = million(20) }
agency "xa" { name = "Ủy ban nhân dân các xã, phường", "Chi trả." }
]]

local function summary_of(name, opts)
  local dir = fx.DIR .. "/" .. name
  fs.remove(dir .. "/mau-2021/report.html")
  fs.mkdir(dir)
  opts = opts or {}
  opts.db, opts.out, opts.results = fx.registry(), dir, dir .. "/results.db"
  local code, s, out = run.execute(fx.plan_file(name, PLAN .. 'scenario "tang" { label = "Trợ cấp 300.000", ' ..
    '["tro_cap.amount"] = 300000 }\n'), opts)
  t.eq(code, 0)
  return s, dir, out
end

function T.test_run_writes_report_html_with_a_chart_and_table_per_section()
  local s, dir = summary_of("dash_run")
  local page = t.ok(fs.read(dir .. "/mau-2021/report.html"))
  t.eq(page, dashboard.html(s))
  t.contains(page, "<h2>1. Chỉ tiêu giảm hộ nghèo theo xã, phường và quý</h2>")
  t.contains(page, "<h2>2. Kinh phí theo nguồn")
  t.contains(page, "<h2>4. Chế độ báo cáo</h2>")
  t.contains(page, "<h2>5. Kiểm tra</h2>")
  t.ok(not page:find("Dự báo", 1, true), "no projection in this summary")
  -- the cost of each programme, with its total row
  t.contains(page, '<tr class="total"><th scope="row">Cộng (các chương trình trong ngân sách kế hoạch)</th>' ..
    '<td class="num">4</td><td class="num">7</td><td class="num">21 triệu đồng</td>')
  -- a chart's table adds up its communes
  t.contains(page, '<tr class="total"><th scope="row">Cộng</th>')
  -- every tooltip says its unit
  t.ok(not page:find(":%s[%d.]+</title>"), "a mark without its unit")
  -- A01 2 + A02 1 + B01 3 + H01 1 persons × 250.000 × 12 = 21 triệu, against 20 declared
  t.contains(page, "<title>Ngân sách thành phố — Tính từ sổ hộ: 21 triệu đồng</title>")
  t.contains(page, "Chênh lệch: Ngân sách thành phố thiếu 1 triệu đồng.")
  t.contains(page, "<title>An Lạc — Quý IV: 1 hộ</title>")
  t.eq(count(page, "<svg"), count(page, '<table class="data"'))
  for chart in page:gmatch("<svg.-</svg>") do t.eq(misnested(chart), nil) end
end

-- An officer opening a scenario's page must see at once that it is not the plan as issued.
function T.test_a_variants_page_says_under_its_title_what_was_changed()
  local _, _, out = summary_of("dash_plain")
  local plain = t.ok(fs.read(out .. "/report.html"))
  t.ok(not plain:find("class=\"variant\"", 1, true), "the plan as written: no note")
  t.ok(not plain:find(".variant {", 1, true), "nor a style for it")
  t.ok(not plain:find("Kịch bản", 1, true))
  local s, _, dir = summary_of("dash_scenario", { scenario = "tang" })
  t.eq(dir:match("[^/]+$"), "tang")
  local page = t.ok(fs.read(dir .. "/report.html"))
  t.eq(page, dashboard.html(s))
  local header = page:match("<header>(.-)</header>")
  t.contains(header, '<h1>Kế hoạch mẫu</h1>\n<div class="variant" role="note">\n<p><strong>Số liệu tính theo các ' ..
    "thay đổi dưới đây, không phải theo kế hoạch như đã ban hành.</strong></p>\n" ..
    "<p>Kịch bản: Trợ cấp 300.000.</p>\n" ..
    "<p>Các giá trị đã thay đổi: Mức hỗ trợ của “Trợ cấp”: 300.000 đồng/khẩu/tháng (kế hoạch: 250.000 " ..
    "đồng/khẩu/tháng).</p>\n</div>\n")
  t.contains(page, "<title>Kế hoạch mẫu — kết quả tính — Kịch bản “Trợ cấp 300.000”: Mức hỗ trợ của “Trợ cấp”: " ..
    "300.000 đồng/khẩu/tháng (kế hoạch: 250.000 đồng/khẩu/tháng)</title>")
  t.contains(page, ".variant { border:")
  -- --set with --budget cap: the values and the mode
  local _, _, dir2 = summary_of("dash_set", { set = { "tro_cap.amount=260000" }, budget = "cap" })
  t.eq(dir2:match("[^/]+$"), "set+budget-cap")
  header = t.ok(fs.read(dir2 .. "/report.html")):match("<header>(.-)</header>")
  t.contains(header, "<p>Các giá trị đã thay đổi: Mức hỗ trợ của “Trợ cấp”: 260.000 đồng/khẩu/tháng (kế hoạch: " ..
    "250.000 đồng/khẩu/tháng).</p>\n<p>Chế độ ngân sách: mỗi nguồn chỉ chi đến hết số kinh phí kế hoạch bố trí")
  t.ok(not header:find("Kịch bản", 1, true), "no scenario, none named")
end

function T.test_the_projection_is_drawn_against_the_targets_when_the_summary_has_one()
  local s = summary_of("dash_projection")
  s.projection = {
    by_quarter = {
      Q1 = { escapes = {}, poor = {} }, Q2 = { escapes = { ["An Lạc"] = 1 }, poor = {} },
      Q3 = { escapes = {}, poor = {} }, Q4 = { escapes = { ["Hòa Bình"] = 1 }, poor = {} },
    },
    year_end = { poor = {}, poor_total = 7, rate = 46.67 },
    targets = { { id = "giam", met = false, short_by = 1, short = { ["An Lạc"] = 1 } } },
  }
  local page = dashboard.html(json.decode(json.encode(s)))
  t.contains(page, "<h2>2. Dự báo thoát nghèo so với chỉ tiêu</h2>")
  t.contains(page, 'Giảm hộ nghèo: theo dự báo <strong class="short">thiếu 1 hộ</strong> (An Lạc 01 hộ).')
  t.contains(page, "<title>Dự báo (cộng dồn) — Quý IV: 2 hộ</title>")
  t.contains(page, "<title>Chỉ tiêu (cộng dồn) — Quý IV: 3 hộ</title>")
  t.contains(page, "<title>An Lạc — Dự báo: 1 hộ</title>")
  t.contains(page, "dự báo còn <strong>7 hộ nghèo</strong>, tỷ lệ 46,67%")
  t.contains(page, "<h2>6. Kiểm tra</h2>")
end

-- Programmes outside the plan's budget (health-insurance cards for thousands) are named
-- beside the chart, not drawn in it, nor counted as households the budget reaches.
function T.test_programmes_outside_the_budget_are_named_not_drawn()
  local s = summary_of("dash_outside")
  s.programmes[#s.programmes + 1] = { id = "bhyt", label = "Cấp thẻ bảo hiểm y tế", households = 2572, persons = 8774,
    cost = 0, units = 0, by_commune = {} }
  local page = dashboard.html(s)
  local chart = page:match('<svg[^>]-id="chart%-programmes".-</svg>')
  t.ok(chart and not chart:find("bảo hiểm", 1, true), "not in the chart")
  t.contains(page, "<p>Thực hiện ngoài ngân sách kế hoạch: Cấp thẻ bảo hiểm y tế: 2.572 hộ, 8.774 khẩu.</p>")
  t.contains(page, "<li>Lượt hộ được hỗ trợ từ ngân sách kế hoạch<span class=\"value\">4</span></li>")
  t.contains(page, "<li>Lượt hộ được hỗ trợ ngoài ngân sách kế hoạch<span class=\"value\">2.572</span></li>")
  t.contains(page, "<td>ngoài ngân sách kế hoạch</td>")
end

-- A label longer than a line goes on two, broken between words, never inside a syllable.
function T.test_long_labels_break_between_words()
  t.eq(svg.label_lines("An Lạc"), { "An Lạc" })
  t.eq(svg.label_lines("Hỗ trợ phát triển sản xuất đa dạng hoá sinh kế: giống vật nuôi (bò) sinh sản"),
    { "Hỗ trợ phát triển sản xuất đa", "dạng hoá sinh kế: giống vật…" })
  for _, l in ipairs(svg.label_lines("Đào tạo nghề, hỗ trợ tạo việc làm nâng cao thu nhập")) do
    t.ok(core.text.width(l) <= 30, l)
  end
end

return T
