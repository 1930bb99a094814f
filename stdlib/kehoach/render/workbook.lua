-- workbook.lua — report.xlsx: a run's results as an Excel workbook (core.xlsx, over
-- libxlsxwriter), for officers who keep their lists in Excel:
--
--   Tổng hợp     the programmes (households, persons, units, cost, source, period) and
--                poverty at the review by commune; a variant (scenario, --set, budget
--                mode) says under the title that it is not the plan, and what changed
--   Chỉ tiêu     the target by commune × quarter
--   one sheet per programme: its beneficiary list (chosen, then the waiting list), from
--                the results database
--   Ngân sách    each funding source, declared against computed, and the difference
--   Dự báo       the projection: escapes by commune and quarter, the poor at year end, the
--                target and the shortfall (when the run projects)
--
-- Numbers are number cells with the format "#,##0" (Excel shows the reader's own digit
-- grouping), rates "0.00", differences with their sign ("+1,234", "-567"); headers are
-- frozen; columns are as wide as their Vietnamese text; every table ends with its total
-- row. Each sheet prints on A4, one page wide (landscape when wide), its header rows on
-- every page and the page number at the foot. Sheets are
-- written row by row (the workbook keeps little in memory); a list longer than a sheet
-- holds ends with a row saying how many more are in allocations.csv.
local allocation = require "kehoach.render.allocation"
local vn = require "kehoach.render.vn"
local values = require "kehoach.plan.values"
local figures = require "kehoach.render.figures"
local days = require "kehoach.render.days"

local text = core.text

local M = {}

M.MAX_ROWS = 1048576      -- rows in a sheet
local MAX_WIDTH = 60      -- characters: longer text wraps
local QUARTER_LABELS = { "Quý I", "Quý II", "Quý III", "Quý IV" }

-- Seconds since 1970 at midnight UTC of y-m-d.
function M.epoch(y, m, d)
  return days.number(y, m, d) * 86400
end

-- The day a summary's documents are stamped with: the plan's date of issue (its first
-- day when only the month is known; 1 January of the plan's year without one), never
-- the clock, so every run writes the same bytes. Returns year, month, day.
function M.stamp_date(s)
  local y, m, d = tostring(s.plan.issued or ""):match("^(%d%d%d%d)%-?(%d?%d?)%-?(%d?%d?)$")
  return tonumber(y) or s.plan.year, tonumber(m) or 1, tonumber(d) or 1
end

function M.stamp(s)
  return M.epoch(M.stamp_date(s))
end

-- A sheet name Excel accepts: at most 31 characters (cut at a word when it can be), none
-- of []:*?/\, unique in the workbook (compared without case).
function M.sheet_name(label, used)
  local clean = label:gsub("[%[%]:*?/\\]", " "):gsub("%s+", " "):gsub("^ ", "")
  local cut, n, space = {}, 0, nil
  for _, cp in utf8.codes(clean) do
    n = n + 1
    if n > 30 then
      -- cut at a word when one ends late enough, and say it was cut: "…" (the full label
      -- is the sheet's title)
      if space and space > 20 then for i = #cut, space, -1 do cut[i] = nil end end
      while cut[#cut] == " " do cut[#cut] = nil end
      cut[#cut + 1] = "…"
      break
    end
    cut[#cut + 1] = utf8.char(cp)
    if cp == 32 then space = #cut end
  end
  local name = table.concat(cut):gsub("%s+$", "")
  local key, k = text.lower(name), 1
  while used[key] do
    k = k + 1
    local suffix = " (" .. k .. ")"
    local room = 31 - utf8.len(suffix)
    name = table.concat(cut, "", 1, math.min(#cut, room)):gsub("%s+$", "") .. suffix
    key = text.lower(name)
  end
  used[key] = true
  return name
end

-- A sheet that remembers the widest text of each column and sets the widths at the end
-- (core.xlsx's sh:write of a row measures each cell as it writes it). Lists run to hundreds of
-- thousands of rows, so a row is one call, and a text is measured once (names and
-- communes come again and again; the memory of them is let go at MEASURED texts, so that
-- it stays small however long the list).
local MEASURED = 4096
local function tracked(sh)
  local widths, measured, n_measured = {}, {}, 0
  local function measure(s)
    local need = measured[s]
    if not need then
      need = text.width(s) + 2
      if n_measured == MEASURED then measured, n_measured = {}, 0 end
      measured[s], n_measured = need, n_measured + 1
    end
    return need
  end
  local t = {}
  local one, one_format = {}, {}
  function t.write(row, col, v, fmt)
    one[1], one_format[1] = v, fmt
    sh:write(row, col, one, 1, one_format, widths, measure)
  end
  function t.row(row, values, fmts)
    sh:write(row, 1, values, nil, fmts, widths, measure)
  end
  -- a numbered list from row on: the rows of stmt (its values after it), rows past last
  -- counted; returns rows written, rows left
  function t.list(row, stmt, fmts, last, ...)
    return sh:rows(row, { formats = fmts, widths = widths, measure = measure, last = last, numbered = true }, stmt, ...)
  end
  function t.finish(wrap)
    for col, w in pairs(widths) do sh:width(col, col, math.min(w, MAX_WIDTH), w > MAX_WIDTH and wrap or nil) end
  end
  t.sheet = sh
  return t
end

-- A difference with its sign: a surplus "+12,000", a shortfall "-63,000", none "0".
local SIGNED = "+#,##0;-#,##0;0"

-- How a sheet prints: A4, one page wide, its header rows (first..last) on every page.
local function print_setup(t, first, last, ncols)
  t.sheet:print({ landscape = ncols > 6, fit_width = true, repeat_rows = { first, last }, footer = "&CTrang &P/&N" })
end

local function formats(wb)
  return {
    title = wb:format({ bold = true, size = 14 }),
    note = wb:format({ italic = true }),
    head = wb:format({ bold = true, bg = 0xDDEBF7, border = 1, wrap = true, valign = "center" }),
    head_num = wb:format({ bold = true, bg = 0xDDEBF7, border = 1, wrap = true, align = "right", valign = "center" }),
    num = wb:format({ num_format = "#,##0" }),
    pct = wb:format({ num_format = "0.00" }),
    diff = wb:format({ num_format = SIGNED }),
    total = wb:format({ bold = true, border = 1 }),
    total_num = wb:format({ bold = true, border = 1, num_format = "#,##0" }),
    total_pct = wb:format({ bold = true, border = 1, num_format = "0.00" }),
    total_diff = wb:format({ bold = true, border = 1, num_format = SIGNED }),
    wrap = wb:format({ wrap = true, valign = "top" }),
  }
end

-- A header row: text columns left, number columns (flag in nums) right.
local function header(t, row, titles, nums, f)
  for i, title in ipairs(titles) do t.write(row, i, title, nums[i] and f.head_num or f.head) end
end

local function title_rows(t, f, title, note, ncols)
  t.sheet:merge(1, 1, 1, ncols, title, f.title)
  if note then t.sheet:merge(2, 1, 2, ncols, note, f.note) end
end

-- ---- Tổng hợp ----------------------------------------------------------------------------

local function sheet_summary(wb, f, s, used)
  local t = tracked(wb:sheet(M.sheet_name("Tổng hợp", used)))
  local cols = { "Chương trình", "Số hộ", "Số khẩu", "Số đơn vị", "Kinh phí (đồng)", "Nguồn kinh phí", "Thời gian" }
  title_rows(t, f, s.plan.title, string.format("%s, năm %d; sổ hộ rà soát năm %d; %s. Số hộ, số khẩu và kinh phí tính từ sổ hộ.",
    vn.unit(s.plan), s.plan.year, s.plan.registry_year, vn.standard(s.plan)), #cols)
  -- a variant says so under the title, a row a sentence, and the table moves down
  local top = 4
  local v = figures.variant(s)
  if v then
    -- made only here: a format added to the plan's own workbook would change its bytes
    f.variant = f.variant or wb:format({ bold = true, bg = 0xFCE4D6, border = 1 })
    local lines = { figures.NOT_THE_PLAN }
    for _, line in ipairs(v.lines) do lines[#lines + 1] = line end
    for i, line in ipairs(lines) do t.sheet:merge(2 + i, 1, 2 + i, #cols, line, f.variant) end
    top = 4 + #lines
  end
  header(t, top, cols, { false, true, true, true, true }, f)
  local sources = figures.sources_by_id(s)
  local row, cost = top + 1, 0
  for _, g in ipairs(s.programmes) do
    local src = type(g.source) == "string" and sources[g.source]
    t.row(row, { g.label, g.households, g.persons, g.units > 0 and g.units or false, g.cost,
      src and src.label or "ngoài ngân sách kế hoạch",
      type(g.period) == "string" and vn.quarters(vn.period(g.period), s.plan.year) or "" },
      { nil, f.num, f.num, f.num, f.num })
    cost = cost + g.cost
    row = row + 1
  end
  -- activities: budget lines that pay no household (kehoach.plan.activity)
  for _, a in ipairs(s.activities or {}) do
    local src = sources[a.source]
    t.row(row, { a.label, false, false, type(a.delivers) == "table" and a.delivers.count or false, a.cost,
      src and src.label or a.source, type(a.period) == "string" and vn.quarters(vn.period(a.period), s.plan.year) or "" },
      { nil, f.num, f.num, f.num, f.num })
    cost = cost + a.cost
    row = row + 1
  end
  t.row(row, { "Tổng kinh phí", "", "", "", cost, "", "" }, { f.total, f.total, f.total, f.total, f.total_num, f.total, f.total })
  row = row + 2
  t.write(row, 1, string.format("Hộ nghèo, hộ cận nghèo theo rà soát năm %d", s.plan.registry_year), f.title)
  row = row + 1
  header(t, row, { vn.Children(s.plan), "Số hộ", "Hộ nghèo", "Tỷ lệ (%)", "Hộ cận nghèo", "Tỷ lệ (%)" },
    { false, true, true, true, true, true }, f)
  local function poverty_row(r, name, x, fmt, fmt_num, fmt_pct)
    t.row(r, { name, x.households, x.poor, x.households > 0 and 100 * x.poor / x.households or 0, x.near_poor,
      x.households > 0 and 100 * x.near_poor / x.households or 0 }, { fmt, fmt_num, fmt_num, fmt_pct, fmt_num, fmt_pct })
  end
  for _, name in ipairs(s.communes) do
    local x = s.registry.by_commune[name]
    if x then
      row = row + 1
      poverty_row(row, name, x, nil, f.num, f.pct)
    end
  end
  poverty_row(row + 1, vn.whole(s.plan), s.registry, f.total, f.total_num, f.total_pct)
  t.sheet:freeze(top + 1, 2)
  print_setup(t, top, top, #cols)
  t.finish(f.wrap)
end

-- ---- Chỉ tiêu ------------------------------------------------------------------------------

local function sheet_targets(wb, f, s, used)
  local t = tracked(wb:sheet(M.sheet_name("Chỉ tiêu", used)))
  local cols = { vn.Children(s.plan), "Quý I", "Quý II", "Quý III", "Quý IV", "Cả năm", "Hộ nghèo (rà soát)" }
  local nums = { false, true, true, true, true, true, true }
  local row = 1
  title_rows(t, f, string.format("Chỉ tiêu giảm hộ nghèo năm %d theo %s và quý", s.plan.year, vn.children(s.plan)), nil, #cols)
  row = 3
  local frozen = false
  for _, g in ipairs(s.targets) do
    t.sheet:merge(row, 1, row, #cols, string.format("%s: giảm %s hộ nghèo", g.label or g.id, vn.int(g.households)), f.note)
    row = row + 1
    header(t, row, cols, nums, f)
    if not frozen then
      t.sheet:freeze(row + 1, 2)
      print_setup(t, row, row, #cols)
      frozen = true
    end
    for _, r in ipairs(figures.target_rows(s, g)) do
      local cells = { r.name }
      for q = 1, 4 do cells[q + 1] = r.quarters[q] or false end
      cells[6], cells[7] = r.year or false, r.poor
      row = row + 1
      t.row(row, cells, { nil, f.num, f.num, f.num, f.num, f.num, f.num })
    end
    row = row + 1
    local last = { "Cộng" }
    for q = 1, 4 do last[q + 1] = g.by_quarter["Q" .. q] or "" end
    last[6], last[7] = g.households, s.registry.poor
    t.row(row, last, { f.total, f.total_num, f.total_num, f.total_num, f.total_num, f.total_num, f.total_num })
    row = row + 2
  end
  t.finish(f.wrap)
end

-- ---- a programme's beneficiaries -------------------------------------------------------------

local STATUS = { chosen = "được chọn", waitlisted = "danh sách chờ" }

local function sheet_programme(wb, f, s, g, db, run, used, index)
  -- the plan's short name when it gives one, else the label cut at a word ("…")
  local t = tracked(wb:sheet(M.sheet_name(index .. ". " .. (g.short or g.label), used)))
  local has_units = g.units > 0
  local cols = { "STT", vn.Children(s.plan), "Mã hộ", "Chủ hộ", "Số khẩu", "Thứ tự ưu tiên", "Tình trạng" }
  local nums = { true, false, false, false, true, true, false }
  if has_units then cols[#cols + 1] = "Số " .. (type(g.amount) == "table" and g.amount.noun or "đơn vị"); nums[#cols] = true end
  cols[#cols + 1] = "Số tiền (đồng)"
  nums[#cols] = true
  local facts = { string.format("%s hộ được chọn, %s khẩu; danh sách chờ %s hộ", vn.int(g.households), vn.int(g.persons),
    vn.int(g.waitlisted)) }
  if type(g.amount) == "table" then
    facts[#facts + 1] = "mức " .. values.describe_amount(g.amount, vn.int)
  end
  facts[#facts + 1] = "kinh phí " .. vn.money(g.cost)
  title_rows(t, f, g.label, table.concat(facts, "; ") .. ".", #cols)
  header(t, 3, cols, nums, f)
  t.sheet:freeze(4, 3)
  print_setup(t, 3, 3, #cols)
  -- the households, numbered, straight from the results database into the sheet (lists
  -- run to hundreds of thousands of rows: no Lua value per cell), as many as leave room
  -- for the note and the total row
  local status = {}
  for word, label in pairs(STATUS) do status[#status + 1] = string.format("WHEN '%s' THEN '%s'", word, label) end
  local list <close> = db:prepare(string.format([[SELECT commune, household, coalesce(head, ''), persons, rank,
      CASE status %s ELSE status END%s, amount FROM allocations WHERE run = ? AND programme = ?
      ORDER BY status = 'waitlisted', rowid]], table.concat(status, " "), has_units and ", units" or ""))
  local fmts = { f.num, nil, nil, nil, f.num, f.num, nil, f.num, f.num }
  local written, left = t.list(4, list, fmts, M.MAX_ROWS - 2, run, g.id)
  local row = 3 + written
  local sum = db:first([[SELECT coalesce(sum(persons), 0) AS persons, coalesce(sum(units), 0) AS units,
      coalesce(sum(amount), 0) AS amount FROM allocations WHERE run = ? AND programme = ? AND status = 'chosen']],
    run, g.id)
  if left > 0 then
    row = row + 1
    t.sheet:merge(row, 1, row, #cols, string.format("… và %s hộ nữa: danh sách đầy đủ trong allocations.csv",
      vn.int(left)), f.note)
  end
  -- the total of the households chosen (the waiting list is not paid)
  local last = has_units and 9 or 8
  local total = { "", string.format("Cộng: %s hộ được chọn", vn.int(g.households)), "", "", sum.persons, "", "" }
  local total_fmts = { f.total, f.total, f.total, f.total, f.total_num, f.total, f.total }
  if has_units then total[8], total_fmts[8] = sum.units, f.total_num end
  total[last], total_fmts[last] = sum.amount, f.total_num
  t.row(row + 1, total, total_fmts)
  t.finish(f.wrap)
end

-- ---- Ngân sách -------------------------------------------------------------------------------

local function sheet_budget(wb, f, s, used)
  local t = tracked(wb:sheet(M.sheet_name("Ngân sách", used)))
  local cols = { "Nguồn kinh phí", "Kế hoạch (đồng)", "Tính từ sổ hộ (đồng)", "Thừa (+) / thiếu (−) (đồng)", "Chương trình" }
  title_rows(t, f, "Kinh phí theo nguồn: kế hoạch và tính từ sổ hộ",
    "Thừa (+) / thiếu (−) = kế hoạch − tính từ sổ hộ: số âm là nguồn thiếu.", #cols)
  header(t, 4, cols, { false, true, true, true, false }, f)
  local row = 4
  for _, x in ipairs(s.budget.sources) do
    local names = {}
    for _, g in ipairs(s.programmes) do
      if g.source == x.id then names[#names + 1] = g.label end
    end
    for _, a in ipairs(s.activities or {}) do
      if a.source == x.id then names[#names + 1] = a.label end
    end
    local declared = type(x.declared) == "number" and x.declared or nil
    row = row + 1
    t.row(row, { x.label, declared or "", x.computed, declared and (declared - x.computed) or "", table.concat(names, "; ") },
      { nil, f.num, f.num, f.diff })
  end
  local b = s.budget
  local declared = type(b.total_declared) == "number" and b.total_declared or nil
  t.row(row + 1, { "Tổng", declared or "", b.total_computed, declared and (declared - b.total_computed) or "", "" },
    { f.total, f.total_num, f.total_num, f.total_diff, f.total })
  t.sheet:freeze(5, 2)
  print_setup(t, 4, 4, #cols)
  t.finish(f.wrap)
end

-- ---- Dự báo ---------------------------------------------------------------------------------

-- The projection by commune: the poor at the review, the projected escapes in each quarter
-- and the year, the poor at year end; for the first target, its figure by commune and the
-- shortfall.
local function sheet_projection(wb, f, s, used)
  local pr = s.projection
  local t = tracked(wb:sheet(M.sheet_name("Dự báo", used)))
  local tg = type(pr.targets) == "table" and pr.targets[1] or nil
  local goal
  for _, g in ipairs(s.targets) do
    if tg and g.id == tg.id then goal = g end
  end
  local cols = { vn.Children(s.plan), "Hộ nghèo (rà soát)", "Thoát nghèo quý I", "Quý II", "Quý III", "Quý IV", "Cả năm",
    "Hộ nghèo cuối năm" }
  local nums = { false, true, true, true, true, true, true, true }
  if goal then
    cols[#cols + 1], nums[#cols + 1] = "Chỉ tiêu", true
    cols[#cols + 1], nums[#cols + 1] = "Còn thiếu", true
  end
  title_rows(t, f, string.format("Dự báo thoát nghèo năm %d theo %s và quý", s.plan.year, vn.children(s.plan)),
    "Theo các giả định về tác động của từng chương trình ghi trong kế hoạch (report.md, mục 7).", #cols)
  header(t, 4, cols, nums, f)
  t.sheet:freeze(5, 2)
  print_setup(t, 4, 4, #cols)
  local row = 4
  local tot = { 0, 0, 0, 0, 0, 0, 0, 0, 0 }
  local fmts = { nil, f.num, f.num, f.num, f.num, f.num, f.num, f.num, f.num, f.num }
  for _, name in ipairs(s.communes) do
    local x = s.registry.by_commune[name]
    if x then
      local cells = { name, x.poor }
      for q = 1, 4 do cells[q + 2] = pr.by_quarter["Q" .. q].escapes[name] or 0 end
      cells[7], cells[8] = pr.year_end.escapes[name] or 0, pr.year_end.poor[name] or 0
      if goal then
        cells[9] = goal.by_commune[name] or false
        cells[10] = tg.short and tg.short[name] or (goal.by_commune[name] and 0) or false
      end
      for i = 2, #cells do tot[i - 1] = tot[i - 1] + (cells[i] or 0) end
      row = row + 1
      t.row(row, cells, fmts)
    end
  end
  local last = { vn.whole(s.plan) }
  local last_fmts = { f.total }
  for i = 2, #cols do last[i], last_fmts[i] = tot[i - 1], f.total_num end
  if goal then last[9], last[10] = goal.households, tg.short_by or 0 end
  t.row(row + 1, last, last_fmts)
  t.finish(f.wrap)
end

-- ---- progress.xlsx: the review's result by commune (kehoach progress) ----------------------

-- Writes progress.xlsx: one sheet, "Kết quả rà soát", the annual review's result tables by
-- commune — columns { {key, title, rate = true}, ... } after the commune's name, rows
-- { {name, key = number, ...}, ... } ending with the whole unit's total — under title and
-- note. Rates (per cent) are "0.00", counts "#,##0". To a temporary file beside path;
-- returns it, to be committed or aborted.
function M.review(path, s, title, note, columns, rows)
  local wb = core.xlsx.new(path, { title = title, subject = vn.unit(s.plan) .. ", năm " .. s.plan.year,
    author = "kehoach " .. core.host.version(), created = M.stamp(s) })
  local f = formats(wb)
  local t = tracked(wb:sheet(M.sheet_name("Kết quả rà soát", {})))
  local cols, nums = { vn.Children(s.plan) }, { false }
  for i, c in ipairs(columns) do cols[i + 1], nums[i + 1] = c[2], true end
  title_rows(t, f, title, note, #cols)
  header(t, 4, cols, nums, f)
  t.sheet:freeze(5, 2)
  print_setup(t, 4, 4, #cols)
  for i, r in ipairs(rows) do
    local last = i == #rows
    local cells, fmts = { r.name }, { last and f.total or nil }
    for j, c in ipairs(columns) do
      cells[j + 1] = r[c[1]]
      fmts[j + 1] = c.rate and (last and f.total_pct or f.pct) or (last and f.total_num or f.num)
    end
    t.row(4 + i, cells, fmts)
  end
  t.finish(f.wrap)
  wb:close()
  return wb
end

-- Writes the workbook for summary s (beneficiaries from run in db) to a temporary file
-- beside path; returns it, to be committed (renamed into place) or aborted.
function M.open(path, s, db, run)
  local wb = core.xlsx.new(path, { title = s.plan.title, subject = vn.unit(s.plan) .. ", năm " .. s.plan.year,
    author = "kehoach " .. core.host.version(), created = M.stamp(s) })
  local f = formats(wb)
  local used = {}
  sheet_summary(wb, f, s, used)
  sheet_targets(wb, f, s, used)
  for i, g in ipairs(s.programmes) do sheet_programme(wb, f, s, g, db, run, used, i) end
  sheet_budget(wb, f, s, used)
  allocation.sheets(wb, f, s, used, { tracked = tracked, sheet_name = M.sheet_name, title_rows = title_rows,
    header = header, print_setup = print_setup, MAX_ROWS = M.MAX_ROWS })
  if type(s.projection) == "table" and type(s.projection.year_end) == "table" then sheet_projection(wb, f, s, used) end
  wb:close()
  return wb
end

return M
