-- dashboard.lua — report.html: a run's results as one self-contained page (style sheet
-- inline, charts as inline SVG drawn by kehoach.render.svg, no scripts, nothing from the
-- network) that opens in any browser and prints. Reads only the summary:
--
--   a scenario's, --set's or a budget mode's page says so under its title, and what changed
--   1. targets by commune and quarter (stacked bars)
--   2. projected escapes against the targets, when the summary has a projection: by
--      quarter (cumulative lines) and by commune (bars), met or short
--   3. cost by funding source, declared against computed, and by programme (a table)
--   4. beneficiaries: households by programme (those the plan's budget pays; the others
--      are named beside the chart), then each programme by commune
--   5. the reporting schedule
--   6. the checks, in Vietnamese (message_vi)
-- Under every chart, the table of its numbers, with a total row where the rows add up. On a
-- narrow screen a chart keeps its size and scrolls sideways, so its text stays readable.
local vn = require "kehoach.render.vn"
local svg = require "kehoach.render.svg"
local html = require "kehoach.render.html"
local figures = require "kehoach.render.figures"
local project = require "kehoach.project"

local esc = html.esc

local M = {}

local QUARTERS = { "Q1", "Q2", "Q3", "Q4" }
local QUARTER_LABELS = { "Quý I", "Quý II", "Quý III", "Quý IV" }

local function millions(v) return vn.decimal(v / 1000000, 1) end

-- A chart and the table of its numbers, in a figure with a caption.
local function figure(spec, draw)
  return table.concat({
    "<figure class=\"chart-figure\">\n<div class=\"chart-scroll\">\n", draw(spec), "</div>\n",
    "<figcaption>", esc(spec.title), "</figcaption>\n",
    "<details open>\n<summary>Bảng số liệu</summary>\n", svg.data_table(spec), "</details>\n",
    "</figure>\n",
  })
end

-- ---- targets ---------------------------------------------------------------------------

local function section_targets(s, out, n)
  out[#out + 1] = "<section id=\"targets\">\n<h2>" .. n .. ". Chỉ tiêu giảm hộ nghèo theo " .. vn.children(s.plan) .. " và quý</h2>\n"
  for k, g in ipairs(s.targets) do
    out[#out + 1] = string.format("<p>%s: giảm <strong>%s hộ nghèo</strong>%s.</p>\n", esc(g.label or g.id),
      vn.int(g.households), g.rate_points and (", tỷ lệ hộ nghèo giảm " .. vn.decimal(g.rate_points) .. "%") or "")
    local cats, series = {}, {}
    for q = 1, 4 do series[q] = { label = QUARTER_LABELS[q], values = {} } end
    local has_quarters = next(g.quarters) ~= nil
    for _, r in ipairs(figures.target_rows(s, g)) do
      cats[#cats + 1] = r.name
      for q = 1, 4 do series[q].values[#cats] = r.quarters[q] or 0 end
    end
    if #cats > 0 then
      local spec = {
        id = "targets-" .. k, axis = vn.Children(s.plan), unit = "hộ", categories = cats, total = true,
        series = has_quarters and series or { { label = "Cả năm", values = {} } }, stacked = has_quarters,
        title = string.format("%s: số hộ thoát nghèo theo %s%s", g.label or g.id, vn.children(s.plan), has_quarters and " và quý" or ""),
        desc = string.format("Biểu đồ thanh: chỉ tiêu %s hộ thoát nghèo của %d %s%s.", vn.int(g.households),
          #cats, vn.children(s.plan), has_quarters and ", mỗi thanh chia theo quý I đến IV" or ""),
      }
      if not has_quarters then
        for i, name in ipairs(cats) do spec.series[1].values[i] = g.by_commune[name] or 0 end
      end
      out[#out + 1] = figure(spec, svg.bars)
    end
  end
  out[#out + 1] = "</section>\n"
end

-- ---- projection ------------------------------------------------------------------------

local function sum_map(m)
  local n = 0
  for _, v in pairs(m or {}) do n = n + v end
  return n
end

local function section_projection(s, out, n)
  local pr = s.projection
  if type(pr) ~= "table" or type(pr.by_quarter) ~= "table" then return false end
  out[#out + 1] = "<section id=\"projection\">\n<h2>" .. n .. ". Dự báo thoát nghèo so với chỉ tiêu</h2>\n"
  local verdicts = {}
  for _, v in ipairs(pr.targets or {}) do verdicts[v.id] = v end
  for k, g in ipairs(s.targets) do
    local v = verdicts[g.id]
    if v then
      local words = v.met and "<strong class=\"met\">đạt chỉ tiêu</strong>"
        or string.format("<strong class=\"short\">thiếu %s hộ</strong>", vn.int(v.short_by or 0))
      local where = {}
      if not v.met and type(v.short) == "table" then
        for _, c in ipairs(project.shortfalls(s, v)) do
          if c.n > 0 then where[#where + 1] = string.format("%s %s hộ", c.name, vn.count(c.n)) end
        end
      end
      out[#out + 1] = string.format("<p>%s: theo dự báo %s%s.</p>\n", esc(g.label or g.id), words,
        #where > 0 and (" (" .. esc(table.concat(where, ", ")) .. ")") or "")
    end
    local target_cum, projected_cum = {}, {}
    local t_run, p_run = 0, 0
    for q = 1, 4 do
      t_run = t_run + (g.by_quarter[QUARTERS[q]] or 0)
      local pq = pr.by_quarter[QUARTERS[q]]
      p_run = p_run + sum_map(pq and pq.escapes)
      target_cum[q], projected_cum[q] = t_run, p_run
    end
    out[#out + 1] = figure({
      id = "projection-quarters-" .. k, axis = "Quý", unit = "hộ", steps = QUARTER_LABELS,
      series = { { label = "Chỉ tiêu (cộng dồn)", values = target_cum }, { label = "Dự báo (cộng dồn)", values = projected_cum } },
      title = string.format("%s: hộ thoát nghèo cộng dồn theo quý, chỉ tiêu và dự báo", g.label or g.id),
      desc = string.format("Biểu đồ đường: đến hết quý IV, chỉ tiêu %s hộ, dự báo %s hộ thoát nghèo.", vn.int(t_run), vn.int(p_run)),
    }, svg.lines)
    local cats, want, got = {}, {}, {}
    for _, name in ipairs(s.communes) do
      local projected = 0
      for q = 1, 4 do
        local pq = pr.by_quarter[QUARTERS[q]]
        projected = projected + (pq and pq.escapes and pq.escapes[name] or 0)
      end
      if g.by_commune[name] or projected > 0 then
        cats[#cats + 1] = name
        want[#cats], got[#cats] = g.by_commune[name] or 0, projected
      end
    end
    if #cats > 0 then
      out[#out + 1] = figure({
        id = "projection-communes-" .. k, axis = vn.Children(s.plan), unit = "hộ", categories = cats, total = true,
        series = { { label = "Chỉ tiêu", values = want }, { label = "Dự báo", values = got } },
        title = string.format("%s: chỉ tiêu và dự báo thoát nghèo theo %s", g.label or g.id, vn.children(s.plan)),
        desc = string.format("Biểu đồ thanh đôi: %d %s, mỗi nơi một thanh chỉ tiêu và một thanh dự báo số hộ thoát nghèo cả năm.", #cats, vn.children(s.plan)),
      }, svg.bars)
    end
  end
  local ye = pr.year_end
  if type(ye) == "table" and ye.poor_total then
    out[#out + 1] = string.format("<p>Cuối năm %d, dự báo còn <strong>%s hộ nghèo</strong>%s%s.</p>\n", s.plan.year,
      vn.int(ye.poor_total), ye.rate and (", tỷ lệ " .. vn.decimal(ye.rate) .. "%") or "",
      type(ye.rate_points) == "number" and (" (giảm " .. vn.decimal(ye.rate_points) .. " điểm phần trăm)") or "")
  end
  -- the projection is only as good as the effects it assumes: say what they are
  if type(pr.effects) == "table" and #pr.effects > 0 then
    local labels = {}
    for _, g in ipairs(s.programmes) do labels[g.id] = g.label end
    out[#out + 1] = "<p>Dự báo dựa trên các giả định về tác động của từng chương trình:</p>\n<ul class=\"effects\">\n"
    for _, e in ipairs(pr.effects) do
      out[#out + 1] = string.format("<li><strong>%s</strong>%s</li>\n", esc(labels[e.programme] or e.programme or ""),
        type(e.note) == "string" and (": " .. esc(e.note)) or "")
    end
    out[#out + 1] = "</ul>\n"
  end
  out[#out + 1] = "</section>\n"
  return true
end

-- ---- budget ------------------------------------------------------------------------------

-- Whether the plan's budget pays for programme g (a programme without a source, such as
-- health-insurance cards the state issues, is carried out beside it).
local function in_budget(g) return type(g.source) == "string" end

-- The cost of each programme and its source, in a table that ends with the total.
local function programme_costs(s)
  local sources = figures.sources_by_id(s)
  local rows, hh, persons, cost = {}, 0, 0, 0
  for _, g in ipairs(s.programmes) do
    local src = in_budget(g) and sources[g.source]
    rows[#rows + 1] = { g.label, vn.int(g.households), vn.int(g.persons), vn.money(g.cost),
      src and src.label or "ngoài ngân sách kế hoạch" }
    if in_budget(g) then hh, persons, cost = hh + g.households, persons + g.persons, cost + g.cost end
  end
  rows[#rows + 1] = { "Cộng (các chương trình trong ngân sách kế hoạch)", vn.int(hh), vn.int(persons), vn.money(cost), "",
    total = true }
  return html.table("Kinh phí theo chương trình", { { "Chương trình" }, { "Số hộ", align = "right" },
    { "Số khẩu", align = "right" }, { "Kinh phí", align = "right" }, { "Nguồn kinh phí" } }, rows,
    "class=\"data list\" id=\"costs\"")
end

local function section_budget(s, out, n)
  local b = s.budget
  out[#out + 1] = "<section id=\"budget\">\n<h2>" .. n .. ". Kinh phí theo nguồn: kế hoạch và tính từ sổ hộ</h2>\n"
  local cats, declared, computed, spent = {}, {}, {}, {}
  local capped = type(b.mode) == "string" and b.mode ~= "gap"
  for i, x in ipairs(b.sources) do
    cats[i] = x.short or x.label
    declared[i] = type(x.declared) == "number" and x.declared or 0
    computed[i] = x.computed
    spent[i] = type(x.spent) == "number" and x.spent or x.computed
  end
  local gaps = {}
  for _, x in ipairs(b.sources) do
    if type(x.declared) == "number" and x.declared ~= x.computed then
      gaps[#gaps + 1] = string.format("%s %s %s", x.short or x.label, x.computed > x.declared and "thiếu" or "thừa",
        vn.money(math.abs(x.computed - x.declared)))
    end
  end
  local total_declared = type(b.total_declared) == "number" and b.total_declared or nil
  out[#out + 1] = string.format("<p>Tổng nhu cầu tính từ sổ hộ: <strong>%s</strong>%s. %s</p>\n", vn.money(b.total_computed),
    total_declared and ("; kế hoạch ghi " .. vn.money(total_declared)) or "",
    #gaps > 0 and esc("Chênh lệch: " .. table.concat(gaps, "; ") .. ".") or "Các nguồn khớp với kế hoạch.")
  if capped then
    out[#out + 1] = string.format("<p>Khi một nguồn không đủ, kinh phí được chia theo cách <strong>%s</strong>: " ..
      "đã chi %s.</p>\n", b.mode == "cap" and "chi đến hết nguồn, theo thứ tự ưu tiên" or "giảm đều mức hỗ trợ",
      vn.money(type(b.total_spent) == "number" and b.total_spent or b.total_computed))
  end
  if #cats > 0 then
    local series = { { label = "Kế hoạch", values = declared }, { label = "Tính từ sổ hộ", values = computed } }
    if capped then series[3] = { label = "Chi trong nguồn", values = spent } end
    out[#out + 1] = figure({
      id = "budget", axis = "Nguồn kinh phí", unit = "triệu đồng", categories = cats, format = millions, total = true,
      series = series,
      title = "Kinh phí theo nguồn (triệu đồng): kế hoạch và tính từ sổ hộ",
      desc = string.format("Biểu đồ thanh đôi: %d nguồn kinh phí, mỗi nguồn một thanh số kế hoạch ghi và một thanh số tính từ các hộ được chọn.", #cats),
    }, svg.bars)
  end
  out[#out + 1] = programme_costs(s)
  out[#out + 1] = "</section>\n"
end

-- ---- beneficiaries ------------------------------------------------------------------------

local function section_beneficiaries(s, out, n)
  out[#out + 1] = "<section id=\"beneficiaries\">\n<h2>" .. n .. ". Đối tượng được hỗ trợ theo chương trình và " .. vn.children(s.plan) .. "</h2>\n"
  -- the chart compares what the plan's budget pays for; a programme outside it (thousands
  -- of health-insurance cards) would flatten the others' bars: it is named instead
  local cats, hh, persons, outside = {}, {}, {}, {}
  for _, g in ipairs(s.programmes) do
    if in_budget(g) then
      cats[#cats + 1], hh[#cats + 1], persons[#cats + 1] = g.label, g.households, g.persons
    else
      outside[#outside + 1] = string.format("%s: %s hộ, %s khẩu", g.label, vn.int(g.households), vn.int(g.persons))
    end
  end
  if #cats > 0 then
    out[#out + 1] = figure({
      id = "programmes", axis = "Chương trình", categories = cats,
      series = { { label = "Số hộ", unit = "hộ", values = hh }, { label = "Số khẩu", unit = "khẩu", values = persons } },
      title = "Số hộ và số khẩu được hỗ trợ theo chương trình (trong ngân sách kế hoạch)",
      desc = string.format("Biểu đồ thanh đôi: %d chương trình, mỗi chương trình một thanh số hộ và một thanh số khẩu được chọn.", #cats),
    }, svg.bars)
  end
  if #outside > 0 then
    out[#out + 1] = "<p>Thực hiện ngoài ngân sách kế hoạch: " .. esc(table.concat(outside, "; ")) .. ".</p>\n"
  end
  for i, g in ipairs(s.programmes) do
    local names, h, p = {}, {}, {}
    for _, name in ipairs(s.communes) do
      local r = g.by_commune[name]
      if r and r.households > 0 then
        names[#names + 1] = name
        h[#names], p[#names] = r.households, r.persons
      end
    end
    out[#out + 1] = string.format("<h3>%d.%d. %s</h3>\n", n, i, esc(g.label))
    if #names == 0 then
      out[#out + 1] = "<p>Không có hộ nào được chọn.</p>\n"
    else
      out[#out + 1] = figure({
        id = "programme-" .. g.id, axis = vn.Children(s.plan), categories = names, total = true,
        series = { { label = "Số hộ", unit = "hộ", values = h }, { label = "Số khẩu", unit = "khẩu", values = p } },
        title = string.format("%s: số hộ và số khẩu theo %s", g.label, vn.children(s.plan)),
        desc = string.format("Biểu đồ thanh đôi: %s hộ, %s khẩu ở %d %s.", vn.int(g.households), vn.int(g.persons), #names, vn.children(s.plan)),
      }, svg.bars)
    end
  end
  out[#out + 1] = "</section>\n"
end

-- ---- reports ---------------------------------------------------------------------------------

local function section_reports(s, out, n)
  out[#out + 1] = "<section id=\"reports\">\n<h2>" .. n .. ". Chế độ báo cáo</h2>\n"
  if #s.reports == 0 then
    out[#out + 1] = "<p>Kế hoạch không ghi báo cáo nào.</p>\n</section>\n"
    return
  end
  local rows = {}
  for _, r in ipairs(s.reports) do
    local due = type(r.due) == "string" and ("trước ngày " .. vn.date(r.due)) or (type(r.when) == "string" and r.when or "")
    local covers = type(r.covers) == "string" and vn.months(vn.period(r.covers), s.plan.year) or ""
    rows[#rows + 1] = { r.label, covers, due, type(r.to) == "string" and r.to or "" }
  end
  out[#out + 1] = html.table(nil, { { "Báo cáo" }, { "Kỳ báo cáo" }, { "Hạn gửi" }, { "Gửi" } }, rows,
    "class=\"data list\" id=\"report-schedule\"")
  out[#out + 1] = "</section>\n"
end

-- ---- checks ---------------------------------------------------------------------------------

local LEVEL = { error = "Lỗi", warning = "Cảnh báo", info = "Ghi chú" }

local function section_checks(s, out, n)
  out[#out + 1] = "<section id=\"checks\">\n<h2>" .. n .. ". Kiểm tra</h2>\n"
  if #s.checks == 0 then
    out[#out + 1] = "<p>Không có lỗi hay cảnh báo.</p>\n"
  else
    out[#out + 1] = "<ul class=\"checks\">\n"
    for _, c in ipairs(s.checks) do
      out[#out + 1] = string.format("<li class=\"%s\" data-code=\"%s\"><strong>%s</strong>%s: %s</li>\n", esc(c.level),
        esc(c.code), LEVEL[c.level] or c.level, c.line and (" (dòng " .. c.line .. ")") or "", esc(c.message_vi))
    end
    out[#out + 1] = "</ul>\n"
  end
  out[#out + 1] = "</section>\n"
end

-- ---- the page ----------------------------------------------------------------------------------

M.CSS = [[
body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 15px; line-height: 1.45; color: #222;
  max-width: 980px; margin: 0 auto; padding: 1.5em; }
h1 { font-size: 1.5em; margin: 0 0 0.2em; }
h2 { font-size: 1.2em; margin: 1.8em 0 0.6em; border-bottom: 1px solid #ccc; padding-bottom: 0.2em; }
h3 { font-size: 1.05em; margin: 1.2em 0 0.4em; }
.meta { color: #555; margin: 0 0 1em; }
.cards { display: flex; flex-wrap: wrap; gap: 0.8em; margin: 1em 0; padding: 0; list-style: none; }
.cards li { border: 1px solid #ccc; border-radius: 6px; padding: 0.6em 0.9em; min-width: 10em; }
.cards .value { display: block; font-size: 1.3em; font-weight: bold; }
figure.chart-figure { margin: 1em 0 1.6em; }
.chart-scroll { overflow-x: auto; }
svg.chart { max-width: 100%; height: auto; display: block; }
@media (max-width: 700px) {
  body { padding: 0.8em; }
  svg.chart { width: 640px; max-width: none; }
}
figcaption { font-size: 0.9em; color: #444; margin: 0.3em 0; }
details summary { cursor: pointer; color: #0072B2; font-size: 0.9em; }
table.data { border-collapse: collapse; margin: 0.4em 0; font-size: 0.9em; }
table.data caption { text-align: left; font-weight: bold; padding: 0.2em 0; }
table.data th, table.data td { border: 1px solid #ccc; padding: 0.2em 0.6em; text-align: left; }
table.data .num { text-align: right; font-variant-numeric: tabular-nums; }
table.data thead th { background: #f2f2f2; }
table.data tr.total th, table.data tr.total td { font-weight: bold; border-top: 2px solid #888; }
.met { color: #007a4d; }
.short { color: #b00020; }
ul.checks li.warning strong { color: #a65e00; }
ul.checks li.error strong { color: #b00020; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  details > summary { display: none; }
  svg.chart { width: auto; max-width: 100%; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  figure.chart-figure, table.data { break-inside: avoid; page-break-inside: avoid; }
}
]]

local function cards(s)
  local reached, cost = 0, s.budget.total_computed
  local items = {
    { "Hộ nghèo khi rà soát " .. s.plan.registry_year, vn.int(s.registry.poor) },
    { "Hộ cận nghèo", vn.int(s.registry.near_poor) },
  }
  for _, g in ipairs(s.targets) do items[#items + 1] = { "Chỉ tiêu giảm hộ nghèo", vn.int(g.households) } end
  local outside = 0
  for _, g in ipairs(s.programmes) do
    if in_budget(g) then reached = reached + g.households else outside = outside + g.households end
  end
  items[#items + 1] = { "Lượt hộ được hỗ trợ từ ngân sách kế hoạch", vn.int(reached) }
  if outside > 0 then items[#items + 1] = { "Lượt hộ được hỗ trợ ngoài ngân sách kế hoạch", vn.int(outside) } end
  items[#items + 1] = { "Tổng kinh phí tính từ sổ hộ", vn.money(cost) }
  local out = { "<ul class=\"cards\">\n" }
  for _, it in ipairs(items) do
    out[#out + 1] = string.format("<li>%s<span class=\"value\">%s</span></li>\n", esc(it[1]), esc(it[2]))
  end
  out[#out + 1] = "</ul>\n"
  return table.concat(out)
end

-- Added to the style sheet only for a variant, so the plan's own page keeps its bytes.
M.VARIANT_CSS = [[
.variant { border: 2px solid #b00020; background: #fff4f4; padding: 0.4em 0.9em; margin: 0.6em 0 1em; }
.variant p { margin: 0.3em 0; }
]]

-- For a scenario, --set values or a budget mode: a box under the title that says this is
-- not the plan as issued, and what was changed (kehoach.render.figures.variant).
local function variant_note(v)
  local out = { "<div class=\"variant\" role=\"note\">\n<p><strong>", esc(figures.NOT_THE_PLAN), "</strong></p>\n" }
  for _, line in ipairs(v.lines) do out[#out + 1] = "<p>" .. esc(line) .. "</p>\n" end
  out[#out + 1] = "</div>\n"
  return table.concat(out)
end

-- The whole page for the summary s.
function M.html(s)
  local v = figures.variant(s)
  local out = {
    "<header>\n<h1>", esc(s.plan.title), "</h1>\n", v and variant_note(v) or "",
    string.format("<p class=\"meta\">Kết quả tính của kế hoạch: %s, năm %d, trên sổ hộ rà soát năm %d, " ..
      "%s. Số hộ, số khẩu và kinh phí đều tính từ sổ hộ.</p>\n", esc(vn.unit(s.plan)), s.plan.year,
      s.plan.registry_year, esc(vn.standard(s.plan))),
    cards(s), "</header>\n<main>\n",
  }
  section_targets(s, out, 1)
  local n = section_projection(s, out, 2) and 3 or 2
  section_budget(s, out, n)
  section_beneficiaries(s, out, n + 1)
  section_reports(s, out, n + 2)
  section_checks(s, out, n + 3)
  out[#out + 1] = "</main>\n"
  return html.page(s.plan.title .. " — kết quả tính" .. (v and (" — " .. v.short) or ""),
    v and (M.CSS .. M.VARIANT_CSS) or M.CSS, table.concat(out))
end

return M
