-- render/diff.lua — two plans compared (kehoach.diff) for people, in Vietnamese: the tables
-- by commune, programme and funding source, and what changed in the rules, each value
-- written as the documents write it ("250.000 đồng/khẩu/tháng → 360.000 đồng/khẩu/tháng",
-- "315 triệu đồng → 436,32 triệu đồng"), declarations by their labels.
--
--   M.terminal(d) -> text      M.markdown(d) -> diff.md
--   M.rule_words(d, r) -> the one line of a changed rule: what, and how ("Chương trình “Trợ
--                         cấp”", "mức hỗ trợ: 250.000 đồng/khẩu/tháng → 360.000 đồng/khẩu/tháng")
local util = require "kehoach.util"
local values = require "kehoach.plan.values"
local check = require "kehoach.plan.check"
local standards = require "kehoach.standards"
local conditions = require "kehoach.render.conditions"
local figures = require "kehoach.render.figures"
local tbl = require "kehoach.render.table"
local vn = require "kehoach.render.vn"

local M = {}

local group = util.group_digits

local function signed(n)
  if n == 0 then return "0" end
  return (n > 0 and "+" or "−") .. group(math.abs(n))
end

local function millions(vnd) return vn.millions(vnd) end

local KIND_WORDS = { support = "Chương trình", target = "Chỉ tiêu", report = "Báo cáo", source = "Nguồn kinh phí" }

local FIELD_WORDS = {
  plan = { year = "năm kế hoạch", standard = "chuẩn nghèo", registry_year = "năm rà soát", unit = "địa bàn" },
  target = { households = "số hộ giảm nghèo", rate_points = "tỷ lệ hộ nghèo giảm", by_commune = "theo xã, phường",
    quarter_totals = "theo quý" },
  report = { due = "hạn gửi", covers = "kỳ báo cáo", when = "thời điểm", to = "gửi" },
  support = { label = "tên", who = "đối tượng", amount = "mức hỗ trợ", months = "thời gian chi trả",
    quarters = "thời gian thực hiện", completed_by = "thời hạn hoàn thành", quota = "số hộ phân bổ",
    priority = "thứ tự chọn hộ", households = "số hộ", persons = "số khẩu", units = "số đơn vị",
    units_per_household = "số đơn vị mỗi hộ", scope = "địa bàn thực hiện", coverage = "tỷ lệ hộ đủ điều kiện được hỗ trợ",
    source = "nguồn kinh phí", outside_budget = "ngoài ngân sách kế hoạch", by = "cơ quan thực hiện",
    with = "cơ quan phối hợp", effect = "giả định tác động (dự báo)", section = "mục trong văn bản" },
}

local SECTION_WORDS = { tasks = "II. Nhiệm vụ trọng tâm", solutions = "III. Các giải pháp thực hiện" }

-- The declaration id of side x (d.a or d.b), or of the other side when x lacks it.
local function decl(d, id)
  return d.b.p.by_id[id] or d.a.p.by_id[id]
end

local function what_words(d, r)
  if r.kind == "plan" then return "Kế hoạch" end
  if r.kind == "budget" then return "Dự toán kinh phí" end
  local x = decl(d, r.id)
  local label = x and (x.label or x.name) or r.id
  return string.format("%s “%s”", KIND_WORDS[r.kind] or r.kind, label)
end

-- A selector's conditions in words ("Tình trạng hộ khi rà soát: Hộ nghèo; Nhu cầu đăng ký:
-- vay vốn"), as kehoach explain words them.
local function who_words(sel, std)
  if type(sel) ~= "table" then return tostring(sel) end
  local parts = {}
  for _, key in ipairs(util.sorted_keys(sel)) do
    local v = sel[key]
    if type(v) == "string" and (key == "status" or key == "need" or key == "deprived") then v = { v } end
    local ok, label, expected = pcall(conditions.words, { key = key, value = v }, std)
    if ok and label then
      parts[#parts + 1] = expected and (label .. ": " .. expected) or label
    else
      parts[#parts + 1] = key
    end
  end
  return table.concat(parts, "; ")
end

local commune_name

local function agencies(p, refs)
  if type(refs) ~= "table" then refs = { refs } end
  local out = {}
  for i, ref in ipairs(refs) do
    local a = check.agency(p, ref)
    out[i] = a and a.name or tostring(ref)
  end
  return table.concat(out, "; ")
end

local function period_words(v, year)
  if type(v) ~= "table" then return tostring(v) end
  return values.describe_period(v, year)
end

local function effect_words(e, p, std)
  if type(e) ~= "table" then return tostring(e) end
  local parts = {}
  if type(e.income) == "number" then
    parts[#parts + 1] = e.income == 0 and "không tăng thu nhập"
      or string.format("thu nhập thêm %s đồng/người/tháng", group(e.income))
  end
  if type(e.clears) == "table" and #e.clears > 0 then
    local labels = {}
    for i, col in ipairs(e.clears) do labels[i] = std and std.labels[col] or col end
    parts[#parts + 1] = "hết thiếu hụt " .. table.concat(labels, ", ")
  end
  local text = table.concat(parts, "; ")
  if type(e.from) == "table" and not (e.income == 0 and #parts == 1) then
    text = text .. " từ " .. period_words(e.from, p.year)
  end
  return text
end

-- One value of field name of a declaration of plan p (side x of d) in words.
local function value_words(d, x, r, v)
  if v == nil then return "—" end
  local p, std = x.p, x.result.standard
  local name = r.field
  local owner = r.kind ~= "plan" and r.kind ~= "budget" and p.by_id[r.id] or nil
  local noun = owner and owner.amount and owner.amount.noun or "đơn vị"
  if r.kind == "budget" then return vn.money(v) end
  if r.kind == "plan" then
    if name == "standard" then
      local found = standards.find(v, { p.path })
      return found and found.title or tostring(v)
    end
    return tostring(v)
  end
  if name == "amount" then return values.describe_amount(v, group) end
  if name == "months" or name == "quarters" or name == "completed_by" or name == "covers" then
    return period_words(v, p.year)
  end
  if name == "due" then return type(v) == "table" and v.text and vn.date(v.text) or tostring(v) end
  if name == "households" then return group(v) .. " hộ" end
  if name == "persons" then return group(v) .. " khẩu" end
  if name == "units" or name == "units_per_household" then return group(v) .. " " .. noun end
  if name == "rate_points" then return vn.decimal(v) .. "%" end
  if name == "coverage" then return vn.percent(v) end
  if name == "priority" then return figures.PRIORITY_WORDS[v] or tostring(v) end
  if name == "section" then return SECTION_WORDS[v] or tostring(v) end
  if name == "source" then
    local s = p.by_id[v]
    return s and (s.label or s.id) or tostring(v)
  end
  if name == "by" or name == "with" or name == "to" then return agencies(p, v) end
  if name == "who" then return who_words(v, std) end
  if name == "effect" then return effect_words(v, p, std) end
  if name == "scope" and type(v) == "table" then
    local names = {}
    for i, n in ipairs(v) do names[i] = commune_name(d, n) end
    return vn.join(names)
  end
  if name == "quota" or name == "by_commune" then
    local parts = {}
    for _, c in ipairs(v) do parts[#parts + 1] = commune_name(d, c.name) .. " " .. vn.count(c.n) .. " hộ" end
    return table.concat(parts, ", ")
  end
  if name == "quarter_totals" and type(v) == "table" then
    local parts = {}
    for q = 1, 4 do
      if v["Q" .. q] then parts[#parts + 1] = "quý " .. vn.ROMAN[q] .. " " .. group(v["Q" .. q]) .. " hộ" end
    end
    return table.concat(parts, ", ")
  end
  if type(v) == "string" then return "“" .. v .. "”" end
  return tostring(v)
end

local function count_words(n) return n and (vn.count(n) .. " hộ") or "—" end

-- A commune as the registry spells it (the plans may write "Hoà Bình" for "Hòa Bình").
function commune_name(d, name)
  for _, x in ipairs({ d.b, d.a }) do
    local units = x.result.units
    local code = units.code_of(name)
    if code and units.by_code[code] then return units.by_code[code].name end
  end
  return name
end

-- See the header.
function M.rule_words(d, r)
  local what = what_words(d, r)
  if r.status == "new" then
    return what, r.kind == "source" and "nguồn mới" or "mới, chỉ có trong kế hoạch B"
  end
  if r.status == "dropped" then return what, "chỉ có trong kế hoạch A, kế hoạch B bỏ" end
  local field
  if r.kind == "budget" then
    if r.field == "total" then field = "tổng kinh phí"
    else
      local s = d.b.p.by_id[r.field] or d.a.p.by_id[r.field]
      field = s and (s.label or s.id) or r.field
    end
  else
    field = FIELD_WORDS[r.kind] and FIELD_WORDS[r.kind][r.field] or r.field
    local owner = decl(d, r.id)
    local noun = owner and owner.amount and owner.amount.noun
    if noun and (r.field == "units" or r.field == "units_per_household") then
      field = field:gsub("đơn vị", noun)
    end
  end
  if r.communes then
    local parts = {}
    for _, c in ipairs(r.communes) do
      parts[#parts + 1] = string.format("%s %s → %s", commune_name(d, c.name), count_words(c.a), count_words(c.b))
    end
    return what, field .. ": " .. table.concat(parts, ", ")
  end
  local a, b = value_words(d, d.a, r, r.a), value_words(d, d.b, r, r.b)
  if a == b and r.field == "effect" then
    -- the same effect, its reasoning reworded
    local function note(e) return type(e) == "table" and type(e.note) == "string" and ("“" .. e.note .. "”") or "—" end
    return what, string.format("cơ sở của giả định: %s → %s", note(r.a), note(r.b))
  end
  return what, string.format("%s: %s → %s", field, a, b)
end

-- ---- tables ---------------------------------------------------------------------------------

local function heading(x)
  local p = x.p
  return string.format("%s (năm %d, %s, sổ hộ rà soát năm %d)", p.meta.title or p.id, p.year,
    x.result.standard and x.result.standard.title and vn.lower_first(x.result.standard.title)
      or ("chuẩn nghèo " .. tostring(p.meta.standard)), p.registry_year)
end

local function commune_table(d)
  -- the plans' children by their kinds ("Xã, phường"); two plans over different trees: units
  local la, lb = d.a.result.units.label, d.b.result.units.label
  local cols = { { la == lb and la or "Đơn vị" }, { "Nghèo A", align = "right" }, { "Nghèo B", align = "right" },
    { "Chỉ tiêu A", align = "right" }, { "Chỉ tiêu B", align = "right" },
    { "Hỗ trợ A", align = "right" }, { "Hỗ trợ B", align = "right" },
    { "Kinh phí A", align = "right" }, { "Kinh phí B", align = "right" } }
  local rows, total = {}, { a = { poor = 0, target = 0, reached = 0, cost = 0 }, b = { poor = 0, target = 0, reached = 0, cost = 0 } }
  for _, c in ipairs(d.communes) do
    rows[#rows + 1] = { c.name .. (c.only and (" (chỉ có ở " .. c.only:upper() .. ")") or ""),
      group(c.a.poor), group(c.b.poor), group(c.a.target), group(c.b.target), group(c.a.reached),
      group(c.b.reached), millions(c.a.cost), millions(c.b.cost) }
    for _, s in ipairs({ "a", "b" }) do
      for _, k in ipairs({ "poor", "target", "reached", "cost" }) do total[s][k] = total[s][k] + c[s][k] end
    end
  end
  rows[#rows + 1] = { rule = true }
  rows[#rows + 1] = { "Tổng", group(total.a.poor), group(total.b.poor), group(total.a.target), group(total.b.target),
    group(total.a.reached), group(total.b.reached), millions(total.a.cost), millions(total.b.cost) }
  return cols, rows
end

local function source_table(d)
  local cols = { { "Nguồn kinh phí", max = 36 }, { "A (đồng)", align = "right" }, { "B (đồng)", align = "right" },
    { "Chênh lệch", align = "right" } }
  local rows, ta, tb = {}, 0, 0
  for _, s in ipairs(d.sources) do
    rows[#rows + 1] = { s.label, group(s.a), group(s.b), signed(s.b - s.a) }
    ta, tb = ta + s.a, tb + s.b
  end
  rows[#rows + 1] = { rule = true }
  rows[#rows + 1] = { "Tổng", group(ta), group(tb), signed(tb - ta) }
  return cols, rows
end

local function programme_table(d)
  local cols = { { "Chương trình", max = 44 }, { "Số hộ A", align = "right" }, { "Số hộ B", align = "right" },
    { "Kinh phí A (tr.đ)", align = "right" }, { "Kinh phí B (tr.đ)", align = "right" } }
  local rows = {}
  for _, g in ipairs(d.programmes) do
    local function n(f, k) return f and group(f[k]) or "—" end
    local function m(f) return f and millions(f.cost) or "—" end
    rows[#rows + 1] = { g.label, n(g.a, "households"), n(g.b, "households"), m(g.a), m(g.b) }
  end
  return cols, rows
end

local NOTE = "Nghèo: số hộ nghèo theo kết quả rà soát mà mỗi kế hoạch dùng; chỉ tiêu: số hộ phấn đấu thoát nghèo;\n" ..
  "hỗ trợ: số hộ được chọn vào các chương trình có mức chi; kinh phí: triệu đồng."

local RULES_TITLE = "Những thay đổi trong nội dung kế hoạch"

function M.terminal(d)
  local out = { "A: " .. d.a.p.path .. " — " .. heading(d.a), "B: " .. d.b.p.path .. " — " .. heading(d.b) }
  out[#out + 1] = ""
  out[#out + 1] = tbl.terminal(commune_table(d))
  out[#out + 1] = NOTE
  out[#out + 1] = ""
  out[#out + 1] = tbl.terminal(programme_table(d))
  out[#out + 1] = tbl.terminal(source_table(d))
  out[#out + 1] = RULES_TITLE .. ":"
  for _, r in ipairs(d.rules) do
    local what, change = M.rule_words(d, r)
    out[#out + 1] = "  " .. what .. ": " .. change
  end
  if #d.rules == 0 then out[#out + 1] = "  không có" end
  return table.concat(out, "\n") .. "\n"
end

function M.markdown(d)
  local out = { "# So sánh hai kế hoạch", "" }
  out[#out + 1] = "- Kế hoạch A: " .. heading(d.a)
  out[#out + 1] = "- Kế hoạch B: " .. heading(d.b)
  out[#out + 1] = ""
  local la, lb = d.a.result.units.label, d.b.result.units.label
  out[#out + 1] = "## 1. Theo " .. (la == lb and vn.lower_first(la) or "đơn vị")
  out[#out + 1] = ""
  out[#out + 1] = tbl.markdown(commune_table(d))
  out[#out + 1] = NOTE
  out[#out + 1] = ""
  out[#out + 1] = "## 2. Theo chương trình"
  out[#out + 1] = ""
  out[#out + 1] = tbl.markdown(programme_table(d))
  out[#out + 1] = "## 3. Theo nguồn kinh phí"
  out[#out + 1] = ""
  out[#out + 1] = tbl.markdown(source_table(d))
  out[#out + 1] = "## 4. " .. RULES_TITLE
  out[#out + 1] = ""
  for _, r in ipairs(d.rules) do
    local what, change = M.rule_words(d, r)
    out[#out + 1] = "- **" .. what .. "**: " .. change:gsub("|", "\\|")
  end
  if #d.rules == 0 then out[#out + 1] = "Không có thay đổi." end
  return table.concat(out, "\n") .. "\n"
end

return M
