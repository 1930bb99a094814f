-- allocation.lua — a fund divided by criteria (summary.json's allocations), in the words and
-- tables officers read: the table by unit (criteria counted from the registry, score,
-- share, amount) that a decision on the allocation carries as its annex. One list of
-- columns serves report.md, the workbook's sheet and the plan document's annex.
--
--   M.rows(a, list) -> { {cells} }, the rows of one table (a unit, then a total row)
--   M.columns(a, level) -> { {title, align, num} }
--   M.report(s, out)            report.md's section 8, when the plan allocates
--   M.terminal_lines(s) -> lines for the terminal, one an allocation
--   M.sheets(wb, f, s, used, h) the workbook's sheets (h: its sheet helpers); a table of
--                               more rows than a sheet holds is cut, with a note
--   M.annex(s) -> plandoc blocks: "Phụ lục" headings and tables
local tbl = require "kehoach.render.table"
local vn = require "kehoach.render.vn"

local M = {}

local LEVEL_WORD = { commune = "Xã, phường", district = "Huyện", province = "Tỉnh, thành phố" }
local EXCLUDED = { name = "loại trừ", urban = "phường (loại trừ)", parent = "thuộc đơn vị loại trừ" }

function M.columns(a, level)
  return {
    { "STT", align = "right" },
    { LEVEL_WORD[level] or "Đơn vị" },
    { "Hộ nghèo", align = "right", num = true },
    { "Hộ cận nghèo", align = "right", num = true },
    { "Hộ nghèo DTTS", align = "right", num = true },
    { level == "commune" and "Xã ĐBKK" or "Số xã ĐBKK", align = "right", num = true },
    { "Điểm", align = "right", num = true, decimal = true },
    { "Tỷ lệ (%)", align = "right", num = true, decimal = true },
    { "Số vốn (triệu đồng)", align = "right", num = true },
    { "Ghi chú" },
  }
end

local function note(u)
  if u.excluded ~= nil and type(u.excluded) == "string" then return EXCLUDED[u.excluded] or u.excluded end
  if u.floored then return "mức tối thiểu" end
  return ""
end

-- Raw values (numbers stay numbers, for the sheet); with words, the cells as text.
function M.rows(a, list, words)
  local out = {}
  local tot = { 0, 0, 0, 0, 0, 0 }
  for i, u in ipairs(list) do
    local cells = { i, u.name, u.poor, u.near_poor, u.ethnic_minority_poor, u.difficult, u.score, u.share * 100,
      u.amount / 1000000, note(u) }
    tot[1], tot[2], tot[3] = tot[1] + u.poor, tot[2] + u.near_poor, tot[3] + u.ethnic_minority_poor
    local counted = type(u.excluded) ~= "string"
    tot[4], tot[5], tot[6] = tot[4] + u.difficult, tot[5] + (counted and u.score or 0),
      tot[6] + u.amount
    out[#out + 1] = cells
  end
  out[#out + 1] = { "Tổng", "", tot[1], tot[2], tot[3], tot[4], tot[5], #list > 0 and 100 or 0, tot[6] / 1000000, "",
    total = true }
  if words then
    for _, r in ipairs(out) do
      for i = 3, 6 do r[i] = vn.int(r[i]) end
      r[7] = vn.decimal(r[7], 2)
      r[8] = vn.fixed(r[8], 2)
      r[9] = math.type(r[9]) == "integer" and vn.int(r[9]) or vn.decimal(r[9], 3)
      r[1] = tostring(r[1])
    end
  end
  return out
end

-- A sentence that says what the table is: the fund, the criteria, rounding, floor.
function M.rule_words(a)
  local c = a.criteria
  local parts = {}
  local function coef(x) return vn.decimal(x, 3) end
  if c.poor > 0 then parts[#parts + 1] = string.format("hộ nghèo × %s", coef(c.poor)) end
  if c.near_poor > 0 then parts[#parts + 1] = string.format("hộ cận nghèo × %s", coef(c.near_poor)) end
  if c.ethnic_minority_poor > 0 then
    parts[#parts + 1] = string.format("hộ nghèo dân tộc thiểu số × %s", coef(c.ethnic_minority_poor))
  end
  local s = string.format("Tổng vốn %s từ %s, phân bổ theo điểm: %s", vn.money(a.fund), a.source_label or a.source,
    table.concat(parts, " + "))
  if c.difficult ~= 1 then s = s .. string.format("; điểm của xã đặc biệt khó khăn nhân %s", coef(c.difficult)) end
  s = s .. string.format(". Số vốn làm tròn đến %s, phần dư chia theo phần lẻ lớn nhất", vn.money(a.round))
  if type(a.floor) == "number" then s = s .. string.format("; mức tối thiểu %s mỗi đơn vị", vn.money(a.floor)) end
  if type(a.then_floor) == "number" then s = s .. string.format(", %s mỗi xã", vn.money(a.then_floor)) end
  s = s .. "."
  if type(a.basis) == "string" then s = s .. " Căn cứ: " .. a.basis .. "." end
  return s
end

local function source_label(s, id)
  for _, x in ipairs(s.budget.sources) do
    if x.id == id then return x.label end
  end
  return id
end

-- The tables of one allocation: its children, then (then_to) each child's communes.
local function tables(a)
  local out = { { title = nil, level = a.level, list = a.units } }
  if type(a.then_units) == "table" then
    local by_parent, order = {}, {}
    for _, u in ipairs(a.then_units) do
      if not by_parent[u.parent] then
        by_parent[u.parent] = {}
        order[#order + 1] = u.parent
      end
      table.insert(by_parent[u.parent], u)
    end
    for _, code in ipairs(order) do
      local name = code
      for _, u in ipairs(a.units) do
        if u.code == code then name = u.name end
      end
      out[#out + 1] = { title = name, level = "commune", list = by_parent[code] }
    end
  end
  return out
end

function M.report(s, out)
  if type(s.allocations) ~= "table" or #s.allocations == 0 then return end
  out[#out + 1] = "\n## 8. Phân bổ vốn theo tiêu chí\n\n"
  for i, a in ipairs(s.allocations) do
    a.source_label = source_label(s, a.source)
    out[#out + 1] = string.format("### 8.%d. %s\n\n%s\n\n", i, a.label, M.rule_words(a))
    for _, t in ipairs(tables(a)) do
      if t.title then out[#out + 1] = string.format("**%s**\n\n", t.title) end
      out[#out + 1] = tbl.markdown(M.columns(a, t.level), M.rows(a, t.list, true)) .. "\n"
    end
  end
end

-- One line for each allocation, for the terminal after kehoach run.
function M.terminal_lines(s)
  local out = {}
  for _, a in ipairs(type(s.allocations) == "table" and s.allocations or {}) do
    local got = 0
    for _, u in ipairs(a.units) do
      if u.amount > 0 then got = got + 1 end
    end
    local line = string.format("%s: %s đồng cho %d %s", a.label, vn.int(a.total), got,
      vn.lower_first(LEVEL_WORD[a.level] or "đơn vị"))
    if type(a.then_units) == "table" then line = line .. string.format(" (%s xã, phường)", vn.int(#a.then_units)) end
    out[#out + 1] = line .. "; bảng phân bổ trong report.md mục 8"
  end
  return out
end

-- ---- the workbook ----------------------------------------------------------------------------

function M.sheets(wb, f, s, used, h)
  for _, a in ipairs(type(s.allocations) == "table" and s.allocations or {}) do
    a.source_label = source_label(s, a.source)
    local t = h.tracked(wb:sheet(h.sheet_name(a.label, used)))
    local with_parent = type(a.then_units) == "table"
    local cols = M.columns(a, a.level)
    if with_parent then table.insert(cols, 3, { "Thuộc" }) end
    local titles, nums, fmts, totals = {}, {}, {}, {}
    for i, c in ipairs(cols) do
      titles[i], nums[i] = c[1], c.num or false
      fmts[i] = c.decimal and f.pct or (c.num and f.num) or f.plain
      totals[i] = c.decimal and f.total_pct or (c.num and f.total_num) or f.total
    end
    h.title_rows(t, f, a.label, M.rule_words(a), #titles)
    h.header(t, 4, titles, nums, f)
    t.sheet:freeze(5, 3)
    h.print_setup(t, 4, 4, #titles)
    local row = 4
    local limit = h.MAX_ROWS - 2
    local cut = 0
    for _, tb in ipairs(tables(a)) do
      local rows = M.rows(a, tb.list)
      for _, r in ipairs(rows) do
        if with_parent then table.insert(r, 3, tb.title or s.plan.unit) end
        if row >= limit then
          cut = cut + 1
        else
          row = row + 1
          t.row(row, r, r.total and totals or fmts)
        end
      end
    end
    if cut > 0 then
      t.sheet:merge(row + 1, 1, row + 1, #titles, string.format("… và %s dòng nữa: bảng đầy đủ trong summary.json " ..
        "và results.db (unit_allocations)", vn.int(cut)), f.note)
    end
    t.finish(f.wrap)
  end
end

-- ---- the plan document's annex ----------------------------------------------------------------

function M.annex(s)
  local out = {}
  if type(s.allocations) ~= "table" then return out end
  for i, a in ipairs(s.allocations) do
    a.source_label = source_label(s, a.source)
    out[#out + 1] = { kind = "heading", level = 1, text = string.format("PHỤ LỤC %s", vn.ROMAN[i] or tostring(i)) }
    out[#out + 1] = { kind = "para", spans = { { b = a.label } } }
    out[#out + 1] = { kind = "para", spans = { M.rule_words(a) } }
    for _, t in ipairs(tables(a)) do
      if t.title then out[#out + 1] = { kind = "para", spans = { { b = t.title } } } end
      local head = {}
      for j, c in ipairs(M.columns(a, t.level)) do head[j] = c.align and { c[1], align = c.align } or c[1] end
      out[#out + 1] = { kind = "table", head = head, rows = M.rows(a, t.list, true), total = true }
    end
  end
  return out
end

return M
