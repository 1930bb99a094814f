-- report.lua — a run's results for people: report.md (Vietnamese tables: the scenario and
-- the values changed, poverty at the review, targets by commune and quarter, each
-- programme by commune, the budget by source (and what the budget mode paid), reports due,
-- the checks in Vietnamese (message_vi), the projection of escapes by commune and quarter
-- against the targets) and the terminal summary (programmes; budget declared against
-- computed). Both read only the summary (kehoach.summary).
local util = require "kehoach.util"
local tbl = require "kehoach.render.table"
local values = require "kehoach.plan.values"
local vn = require "kehoach.render.vn"
local figures = require "kehoach.render.figures"
local project = require "kehoach.project"
local projection = require "kehoach.render.projection"
local standards = require "kehoach.standards"

local M = {}

local group = util.group_digits

local function money(n)
  if n == nil or type(n) ~= "number" then return "—" end
  return group(n)
end

local function signed(n)
  if n == 0 then return "0" end
  return (n > 0 and "+" or "−") .. group(math.abs(n))
end

local function pct(n, d)
  if d == 0 then return "—" end
  return (string.format("%.2f", 100 * n / d):gsub("%.", ","))
end

local function source_label(s, id, short)
  for _, x in ipairs(s.budget.sources) do
    if x.id == id then return short and x.short or x.label end
  end
  return id or ""
end

local function period_words(code, year)
  if code == nil or type(code) ~= "string" then return "" end
  local p = code:match("^Q") and values.quarters(code) or values.months(code)
  return values.describe_period(p, year)
end

-- ---- tables both outputs share ---------------------------------------------------------------

local function programme_rows(s, short)
  local rows = {}
  local cost = 0
  for _, g in ipairs(s.programmes) do
    rows[#rows + 1] = { g.label, group(g.households), group(g.persons), money(g.cost),
      g.source ~= nil and type(g.source) == "string" and source_label(s, g.source, short) or "ngoài ngân sách kế hoạch" }
    cost = cost + g.cost
  end
  rows[#rows + 1] = { rule = true }
  rows[#rows + 1] = { "Tổng kinh phí", "", "", money(cost), "" }
  return rows
end

local PROGRAMME_COLUMNS = {
  { "Chương trình", max = 44 }, { "Số hộ", align = "right" }, { "Số khẩu", align = "right" },
  { "Kinh phí (đồng)", align = "right" }, { "Nguồn", max = 30 },
}

local function budget_rows(s, short)
  local rows = {}
  for _, x in ipairs(s.budget.sources) do
    local declared = type(x.declared) == "number" and x.declared or nil
    rows[#rows + 1] = { short and x.short or x.label, money(declared), money(x.computed),
      declared and signed(declared - x.computed) or "—" }
  end
  local b = s.budget
  local declared = type(b.total_declared) == "number" and b.total_declared or nil
  rows[#rows + 1] = { rule = true }
  rows[#rows + 1] = { "Tổng", money(declared), money(b.total_computed),
    declared and signed(declared - b.total_computed) or "—" }
  return rows
end

local BUDGET_COLUMNS = {
  { "Nguồn kinh phí", max = 44 }, { "Kế hoạch (đồng)", align = "right" },
  { "Tính từ sổ hộ (đồng)", align = "right" }, { "Thừa (+) / thiếu (−)", align = "right" },
}

-- ---- the terminal ---------------------------------------------------------------------------

function M.terminal(s)
  local out = {}
  out[#out + 1] = string.format("%s — %s, năm %d (chuẩn %s, rà soát %d)\n\n", s.plan.id, vn.unit(s.plan),
    s.plan.year, s.plan.standard, s.plan.registry_year)
  out[#out + 1] = tbl.terminal(PROGRAMME_COLUMNS, programme_rows(s, true))
  out[#out + 1] = "\n"
  out[#out + 1] = tbl.terminal(BUDGET_COLUMNS, budget_rows(s, true))
  local projection = projection.terminal_lines(s)
  if #projection > 0 then out[#out + 1] = "\n" .. table.concat(projection, "\n") .. "\n" end
  local n = { error = 0, warning = 0 }
  for _, c in ipairs(s.checks) do n[c.level] = (n[c.level] or 0) + 1 end
  if n.warning > 0 then
    out[#out + 1] = string.format("\n%d cảnh báo (warnings): trên stderr, và trong report.md mục 6\n", n.warning)
  end
  return table.concat(out)
end

-- ---- report.md -----------------------------------------------------------------------------

local function section_poverty(s, out)
  out[#out + 1] = string.format("## 1. Hộ nghèo, hộ cận nghèo theo rà soát năm %d\n\n", s.plan.registry_year)
  local rows = {}
  for _, name in ipairs(s.communes) do
    local r = s.registry.by_commune[name]
    if r then
      rows[#rows + 1] = { name, group(r.households), group(r.poor), pct(r.poor, r.households),
        group(r.near_poor), pct(r.near_poor, r.households) }
    end
  end
  local g = s.registry
  rows[#rows + 1] = { "**" .. vn.whole(s.plan) .. "**", group(g.households), group(g.poor), pct(g.poor, g.households),
    group(g.near_poor), pct(g.near_poor, g.households) }
  out[#out + 1] = tbl.markdown({ { vn.Children(s.plan) }, { "Số hộ", align = "right" }, { "Hộ nghèo", align = "right" },
    { "Tỷ lệ (%)", align = "right" }, { "Hộ cận nghèo", align = "right" }, { "Tỷ lệ (%)", align = "right" } }, rows)
  out[#out + 1] = "\n"
end

local function section_targets(s, out)
  out[#out + 1] = "## 2. Chỉ tiêu giảm hộ nghèo\n\n"
  for _, g in ipairs(s.targets) do
    out[#out + 1] = string.format("**%s**: giảm %s hộ nghèo", g.label or g.id, group(g.households))
    if g.rate_points then
      out[#out + 1] = string.format(", tỷ lệ hộ nghèo giảm %s%% (kế hoạch); %s hộ trên %s hộ của sổ hộ là %s%%",
        (tostring(g.rate_points):gsub("%.", ",")), group(g.households), group(s.registry.households),
        g.rate_computed and (string.format("%.2f", g.rate_computed):gsub("%.", ",")) or "—")
    end
    out[#out + 1] = ".\n\n"
    local rows = {}
    local totals = { 0, 0, 0, 0 }
    for _, name in ipairs(s.communes) do
      local n = g.by_commune[name]
      local cells, any = { name }, n ~= nil
      for q = 1, 4 do
        local v = g.quarters["Q" .. q] and g.quarters["Q" .. q][name]
        any = any or v ~= nil
        cells[#cells + 1] = v and group(v) or ""
        totals[q] = totals[q] + (v or 0)
      end
      cells[#cells + 1] = n and group(n) or ""
      if any then
        cells[#cells + 1] = s.registry.by_commune[name] and group(s.registry.by_commune[name].poor) or "0"
        rows[#rows + 1] = cells
      end
    end
    local last = { "**Cộng**" }
    for q = 1, 4 do last[#last + 1] = g.by_quarter["Q" .. q] and group(g.by_quarter["Q" .. q]) or "" end
    last[#last + 1] = group(g.households)
    last[#last + 1] = group(s.registry.poor)
    rows[#rows + 1] = last
    out[#out + 1] = tbl.markdown({ { vn.Children(s.plan) }, { "Quý I", align = "right" }, { "Quý II", align = "right" },
      { "Quý III", align = "right" }, { "Quý IV", align = "right" }, { "Cả năm", align = "right" },
      { "Hộ nghèo (rà soát)", align = "right" } }, rows)
    out[#out + 1] = "\n"
  end
end

local function amount_words(g)
  local a = g.amount
  if type(a) ~= "table" then return "không chi từ kinh phí kế hoạch" end
  return values.describe_amount(a, group)
end

-- One programme by commune: columns and rows (quota and units only when it has them).
local function commune_table(s, g)
  local has_quota = type(g.quota) == "table"
  local has_units = g.units > 0
  local columns = { { vn.Children(s.plan) } }
  if has_quota then columns[#columns + 1] = { "Chỉ tiêu", align = "right" } end
  columns[#columns + 1] = { "Số hộ", align = "right" }
  columns[#columns + 1] = { "Số khẩu", align = "right" }
  if has_units then
    columns[#columns + 1] = { "Số " .. (type(g.amount) == "table" and g.amount.noun or "đơn vị"), align = "right" }
  end
  columns[#columns + 1] = { "Kinh phí (đồng)", align = "right" }
  columns[#columns + 1] = { "Chờ", align = "right" }
  local function row(name, quota, r)
    local cells = { name }
    if has_quota then cells[#cells + 1] = quota and group(quota) or "" end
    cells[#cells + 1] = group(r.households)
    cells[#cells + 1] = group(r.persons)
    if has_units then cells[#cells + 1] = group(r.units) end
    cells[#cells + 1] = money(r.cost)
    cells[#cells + 1] = group(r.waitlisted)
    return cells
  end
  local rows, quota_sum = {}, 0
  for _, name in ipairs(s.communes) do
    local r = g.by_commune[name]
    local q = has_quota and g.quota[name] or nil
    quota_sum = quota_sum + (q or 0)
    if r or q then
      rows[#rows + 1] = row(name, q, r or { households = 0, persons = 0, units = 0, cost = 0, waitlisted = 0 })
    end
  end
  rows[#rows + 1] = row("**Cộng**", quota_sum, g)
  return columns, rows
end

-- The eligible households and where they went: chosen, not paid for lack of funds, waiting
-- in a commune of the quota; those of the communes the quota does not name are neither
-- chosen nor waiting, and are named with their communes, so that the figures add up.
local function eligible_words(s, g)
  local parts = { "được chọn: " .. group(g.households) }
  if (g.unfunded or 0) > 0 then parts[#parts + 1] = "không đủ kinh phí: " .. group(g.unfunded) end
  parts[#parts + 1] = "danh sách chờ: " .. group(g.waitlisted)
  local text = string.format("Số hộ đủ điều kiện: %s; %s", group(g.eligible), table.concat(parts, "; "))
  local where, n = {}, 0
  for _, name in ipairs(s.communes) do
    local k = type(g.outside) == "table" and g.outside[name]
    if k then
      where[#where + 1] = name .. " " .. vn.count(k) .. " hộ"
      n = n + k
    end
  end
  if n == 0 then return text end
  return string.format("%s; %s hộ đủ điều kiện ở các %s không có chỉ tiêu của chương trình nên không được chọn " ..
    "và không vào danh sách chờ (%s)", text, group(n), vn.children(s.plan), table.concat(where, ", "))
end

local function section_programmes(s, out)
  out[#out + 1] = "## 3. Các chương trình hỗ trợ\n\n"
  out[#out + 1] = tbl.markdown(PROGRAMME_COLUMNS, programme_rows(s, false))
  out[#out + 1] = "\n"
  for i, g in ipairs(s.programmes) do
    out[#out + 1] = string.format("### 3.%d. %s\n\n", i, g.label)
    local facts = { string.format("Mức hỗ trợ: %s", amount_words(g)) }
    if type(g.period) == "string" then facts[#facts + 1] = "Thời gian: " .. period_words(g.period, s.plan.year) end
    if type(g.source) == "string" then facts[#facts + 1] = "Nguồn: " .. source_label(s, g.source)
    elseif g.outside_budget then facts[#facts + 1] = "Ngoài ngân sách kế hoạch: " .. g.outside_budget end
    facts[#facts + 1] = eligible_words(s, g)
    for _, f in ipairs(facts) do out[#out + 1] = "- " .. f .. "\n" end
    out[#out + 1] = "\n"
    local columns, rows = commune_table(s, g)
    out[#out + 1] = tbl.markdown(columns, rows)
    out[#out + 1] = "\n"
  end
end

local MODE_WORDS = figures.BUDGET_MODE_WORDS

local function section_budget(s, out)
  out[#out + 1] = "## 4. Kinh phí theo nguồn\n\n"
  out[#out + 1] = tbl.markdown(BUDGET_COLUMNS, budget_rows(s, false))
  out[#out + 1] = "\n"
  local mode = s.budget.mode
  if mode and MODE_WORDS[mode] then
    out[#out + 1] = string.format("Chế độ ngân sách: %s.\n\n", MODE_WORDS[mode])
    local rows = {}
    for _, x in ipairs(s.budget.sources) do
      rows[#rows + 1] = { x.label, money(x.declared), money(x.computed), money(x.spent), group(x.unfunded) }
    end
    rows[#rows + 1] = { "Tổng", money(s.budget.total_declared), money(s.budget.total_computed),
      money(s.budget.total_spent), "" }
    out[#out + 1] = tbl.markdown({ { "Nguồn kinh phí" }, { "Kế hoạch (đồng)", align = "right" },
      { "Nhu cầu (đồng)", align = "right" }, { "Chi (đồng)", align = "right" },
      { "Hộ không đủ kinh phí", align = "right" } }, rows)
    out[#out + 1] = "\n"
  end
end

-- The scenario and the changed values, in the words the dashboard, the workbook and the
-- calendar use (kehoach.render.figures.variant).
local function section_parameters(s, out)
  local v = figures.variant(s)
  if not v then return end
  if v.scenario then out[#out + 1] = "**" .. v.scenario .. "**\n\n" end
  if #v.changes > 0 then
    out[#out + 1] = "Các giá trị đã thay đổi so với kế hoạch:\n\n"
    for _, c in ipairs(v.changes) do out[#out + 1] = "- " .. c .. "\n" end
    out[#out + 1] = "\n"
  end
end

-- ---- the projection ---------------------------------------------------------------------------

local ROMAN = { "I", "II", "III", "IV" }

-- An effect in words, once: "thu nhập thêm 100.000 đồng/người/tháng từ quý III/2021";
-- "không tăng thu nhập trong năm 2021" for an income of 0 that clears nothing.
local function effect_words(e, s)
  local parts = {}
  if type(e.income) == "number" and e.income ~= 0 then
    parts[#parts + 1] = string.format("thu nhập thêm %s đồng/người/tháng", group(e.income))
  end
  if #e.clears > 0 then
    local labels = {}
    for i, col in ipairs(e.clears) do labels[i] = standards.label(col, s.plan.standard) end
    parts[#parts + 1] = "hết thiếu hụt " .. table.concat(labels, ", ")
  end
  if #parts == 0 then return string.format("không tăng thu nhập trong năm %d", s.plan.year) end
  return table.concat(parts, "; ") .. " từ " .. period_words(e.from, s.plan.year)
end

-- Whether --set or --scenario changed programme id's effect: its note then no longer says
-- what the projection assumed.
local function effect_changed(s, id)
  local pr = s.parameters
  for _, c in ipairs(type(pr) == "table" and pr.set or {}) do
    if type(c.path) == "string" and c.path:sub(1, #id + 8) == id .. ".effect." then return true end
  end
  return false
end

-- One assumption, stated once: the plan's note, which words it with its reasons, else
-- (no note, or a value changed since) the effect in words.
local function assumption_words(e, s)
  if type(e.note) == "string" and not effect_changed(s, e.programme) then return e.note end
  return vn.capitalize(effect_words(e, s)) .. "."
end

local function section_projection(s, out)
  local pr = s.projection
  if type(pr) ~= "table" then return end
  out[#out + 1] = "## 7. Dự báo thoát nghèo theo quý\n\n"
  out[#out + 1] = "Tác động của từng chương trình áp cho các hộ được hỗ trợ; cuối mỗi quý, mỗi hộ được phân loại lại " ..
    string.format("theo %s với thu nhập và thiếu hụt dự báo. Các giả định của dự báo, theo từng chương trình:\n\n",
      vn.standard(s.plan))
  for _, e in ipairs(pr.effects) do
    local label = e.programme
    for _, g in ipairs(s.programmes) do
      if g.id == e.programme then label = g.label end
    end
    out[#out + 1] = string.format("- %s (%s hộ): %s\n", label, group(e.households), assumption_words(e, s))
  end
  out[#out + 1] = "\n"
  local target = pr.targets[1]
  local asked = {}
  for _, g in ipairs(s.targets) do
    if target and g.id == target.id then asked = g.by_commune end
  end
  local rows = {}
  local function row(name, poor, escapes, year, goal, short, poor_end, rate)
    local cells = { name, poor }
    for q = 1, 4 do cells[#cells + 1] = escapes[q] end
    for _, v in ipairs({ year, goal, short, poor_end, rate }) do cells[#cells + 1] = v end
    return cells
  end
  for _, name in ipairs(s.communes) do
    local r = s.registry.by_commune[name]
    local goal = asked[name]
    if (r and r.poor > 0) or goal then
      local escapes = {}
      for q = 1, 4 do escapes[q] = group(pr.by_quarter["Q" .. q].escapes[name] or 0) end
      local short = target and target.short[name]
      rows[#rows + 1] = row(name, group(r and r.poor or 0), escapes, group(pr.year_end.escapes[name] or 0),
        goal and group(goal) or "", short and group(short) or "", group(pr.year_end.poor[name] or 0),
        pct(pr.year_end.poor[name] or 0, r and r.households or 0))
    end
  end
  local escapes = {}
  for q = 1, 4 do escapes[q] = group(pr.by_quarter["Q" .. q].escapes_total) end
  rows[#rows + 1] = row("**Cộng**", group(s.registry.poor), escapes, group(pr.year_end.escapes_total),
    target and group(target.households) or "", target and target.short_by > 0 and group(target.short_by) or "",
    group(pr.year_end.poor_total), pct(pr.year_end.poor_total, s.registry.households))
  local columns = { { vn.Children(s.plan) }, { "Hộ nghèo (rà soát)", align = "right" } }
  for q = 1, 4 do columns[#columns + 1] = { "Thoát Q" .. ROMAN[q], align = "right" } end
  for _, c in ipairs({ "Thoát cả năm", "Chỉ tiêu", "Thiếu", "Hộ nghèo cuối năm", "Tỷ lệ (%)" }) do
    columns[#columns + 1] = { c, align = "right" }
  end
  out[#out + 1] = tbl.markdown(columns, rows)
  out[#out + 1] = "\n"
  for _, g in ipairs(pr.targets) do
    local where = {}
    for _, c in ipairs(project.shortfalls(s, g)) do where[#where + 1] = c.name .. " " .. vn.count(c.n) .. " hộ" end
    out[#out + 1] = string.format("**%s**: giảm %s hộ nghèo; dự báo %s hộ thoát nghèo — %s.\n\n", g.label or g.id,
      group(g.households), group(g.projected), g.met and "**đạt chỉ tiêu**" or
      string.format("**chưa đạt**, thiếu %s hộ%s", group(g.short_by),
        #where > 0 and ("; các " .. vn.children(s.plan) .. " chưa đạt: " .. table.concat(where, ", ")) or ""))
    local q_rows = {}
    for q = 1, 4 do
      local b = g.by_quarter["Q" .. q]
      q_rows[#q_rows + 1] = { "Hết quý " .. ROMAN[q], type(b.target) == "number" and group(b.target) or "",
        group(b.projected) }
    end
    out[#out + 1] = tbl.markdown({ { "Luỹ kế" }, { "Chỉ tiêu", align = "right" }, { "Dự báo", align = "right" } }, q_rows)
    out[#out + 1] = "\n"
  end
  out[#out + 1] = string.format("Tỷ lệ hộ nghèo cuối năm (dự báo): %s%%, giảm %s điểm phần trăm so với rà soát.\n",
    (string.format("%.2f", pr.year_end.rate):gsub("%.", ",")), (string.format("%.2f", pr.year_end.rate_points):gsub("%.", ",")))
end

local function section_reports(s, out)
  if #s.reports == 0 then return end
  out[#out + 1] = "## 5. Chế độ báo cáo\n\n"
  local rows = {}
  for _, r in ipairs(s.reports) do
    local due = type(r.due) == "string" and vn.date(r.due) or (r.when or "")
    rows[#rows + 1] = { r.label, due, type(r.covers) == "string" and period_words(r.covers, s.plan.year) or "", r.to }
  end
  out[#out + 1] = tbl.markdown({ { "Báo cáo" }, { "Hạn gửi" }, { "Kỳ báo cáo" }, { "Gửi" } }, rows)
  out[#out + 1] = "\n"
end

local LEVEL = { error = "Lỗi", warning = "Cảnh báo", info = "Ghi chú" }

local function section_checks(s, out)
  out[#out + 1] = "## 6. Kiểm tra\n\n"
  if #s.checks == 0 then
    out[#out + 1] = "Không có lỗi hay cảnh báo.\n"
    return
  end
  for _, c in ipairs(s.checks) do
    out[#out + 1] = string.format("- **%s**%s: %s\n", LEVEL[c.level], c.line and (" (dòng " .. c.line .. ")") or "",
      c.message_vi)
  end
end

function M.markdown(s)
  local out = {}
  out[#out + 1] = string.format("# %s\n\n", s.plan.title)
  out[#out + 1] = string.format("Kết quả tính của kế hoạch trên sổ hộ %s (rà soát năm %d), theo %s. " ..
    "Số tiền tính bằng đồng.\n\n", vn.unit(s.plan), s.plan.registry_year, vn.standard(s.plan))
  section_parameters(s, out)
  section_poverty(s, out)
  section_targets(s, out)
  section_programmes(s, out)
  section_budget(s, out)
  section_reports(s, out)
  section_checks(s, out)
  if type(s.projection) == "table" then
    out[#out + 1] = "\n"
    section_projection(s, out)
  end
  return table.concat(out)
end

return M
