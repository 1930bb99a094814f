-- render/comparison.lua — a comparison (kehoach.comparison.build) for people: compare.md with
-- every table (costs by programme, each source's budget against its need, households and
-- persons by programme, households and persons reached by commune, projected poor households and rate at year end by commune
-- and city-wide, the targets), and a shorter terminal version (city-wide figures, and
-- only the communes where a variant changes something). Each table has the plan as
-- written first, then each variant with its difference (±) from the plan.
local util = require "kehoach.util"
local tbl = require "kehoach.render.table"
local vn = require "kehoach.render.vn"
local project = require "kehoach.project"
local figures = require "kehoach.render.figures"

local M = {}

local group = util.group_digits

local function signed(n, fmt)
  if n == 0 then return "0" end
  return (n > 0 and "+" or "−") .. fmt(math.abs(n))
end

local function money(n) return group(n) end
local function count(n) return group(n) end
local function rate(n) return (string.format("%.2f", n):gsub("%.", ",")) end

-- A variant as compare.md names it: the scenario's label ("Nâng mức trợ cấp lên 300.000
-- đồng/khẩu/tháng"), else "Phương án N" (values given with --set, a budget mode); the
-- terminal keeps the short name it was asked for (tang_tro_cap, set).
local function variant_name(c, i, short)
  local v = c.variants[i]
  if i == 1 then return "Kế hoạch" end
  if short then return v.name end
  if type(v.label) == "string" and v.label ~= "" then return (v.label:gsub("%.$", "")) end
  return #c.variants == 2 and "Phương án" or ("Phương án " .. (i - 1))
end

-- Columns: what, then the plan, then each variant and its difference.
local function columns(c, first, short)
  local out = { { first } }
  for i in ipairs(c.variants) do
    out[#out + 1] = { variant_name(c, i, short), align = "right" }
    if i > 1 then out[#out + 1] = { "±", align = "right" } end
  end
  return out
end

-- A row from a series: label, then values and differences, formatted by fmt.
local function row(label, s, fmt)
  local cells = { label }
  for i, v in ipairs(s.values) do
    cells[#cells + 1] = type(v) == "number" and fmt(v) or "—"
    if i > 1 then
      local d = s.diff[i]
      cells[#cells + 1] = type(d) == "number" and signed(d, fmt) or ""
    end
  end
  return cells
end

local function changes(s)
  for i = 2, #s.diff do
    if type(s.diff[i]) == "number" and s.diff[i] ~= 0 then return true end
  end
  return false
end

local function met_row(label, g)
  local cells = { label }
  for i, m in ipairs(g.met) do
    cells[#cells + 1] = m == true and "đạt" or (m == false and "chưa đạt" or "—")
    if i > 1 then cells[#cells + 1] = "" end
  end
  return cells
end

local function cost_rows(c, short)
  local rows = {}
  for _, g in ipairs(c.programmes) do rows[#rows + 1] = row(short and g.id or g.label, g.cost, money) end
  rows[#rows + 1] = { rule = true }
  rows[#rows + 1] = row("Tổng kinh phí (chi)", c.total_cost, money)
  return rows
end

local function programme_household_rows(c, short)
  local rows = {}
  for _, g in ipairs(c.programmes) do
    rows[#rows + 1] = row((short and g.id or g.label) .. " — hộ", g.households, count)
    rows[#rows + 1] = row((short and g.id or g.label) .. " — khẩu", g.persons, count)
  end
  return rows
end

local function source_rows(c, short)
  local rows = {}
  for _, x in ipairs(c.sources) do
    local name = short and (x.short or x.label) or x.label
    rows[#rows + 1] = row(name .. " — bố trí", x.declared, money)
    rows[#rows + 1] = row(name .. " — nhu cầu", x.need, money)
    rows[#rows + 1] = row(name .. " — thừa (+) / thiếu (−)", x.balance, function(n) return n < 0 and ("−" .. money(-n)) or money(n) end)
    local cut = false
    for i, v in ipairs(x.spent.values) do cut = cut or v ~= x.need.values[i] end
    if cut then
      rows[#rows + 1] = row(name .. " — chi", x.spent, money)
    end
  end
  return rows
end

local function city_rows(c)
  local rows = {
    row("Hộ nhận kinh phí hỗ trợ", c.city.households, count),
    row("Khẩu của các hộ nhận kinh phí", c.city.persons, count),
    row("Hộ thoát nghèo (dự báo)", c.city.escapes, count),
    row("Hộ nghèo cuối năm (dự báo)", c.city.poor, count),
    row("Tỷ lệ hộ nghèo cuối năm (%)", c.city.rate, rate),
  }
  for _, g in ipairs(c.targets) do
    rows[#rows + 1] = row("Chỉ tiêu " .. g.id .. ": thiếu (hộ)", g.short_by, count)
    rows[#rows + 1] = met_row("Chỉ tiêu " .. g.id, g)
  end
  return rows
end

local function commune_rows(c, key, fmt, only_changes)
  local rows = {}
  for _, x in ipairs(c.communes) do
    if not only_changes or changes(x[key]) then rows[#rows + 1] = row(x.name, x[key], fmt) end
  end
  return rows
end

-- Each variant and what it changes, the values in words as the documents write them:
-- "Nâng mức trợ cấp ...: Mức hỗ trợ của “...”: 300.000 đồng/khẩu/tháng (kế hoạch: 250.000
-- đồng/khẩu/tháng)" (the terminal: under the short name).
local function variant_lines(c, short)
  local out = {}
  local where = { programmes = c.programmes, targets = c.targets, sources = c.sources, reports = c.reports }
  for i, v in ipairs(c.variants) do
    if i > 1 then
      local parts = {}
      for _, s in ipairs(v.set) do
        if not s.by:match("^follows") then parts[#parts + 1] = figures.change_words(where, s) end
      end
      if v.budget ~= "gap" then
        parts[#parts + 1] = "chế độ ngân sách: " .. (figures.BUDGET_MODE_WORDS[v.budget] or v.budget)
      end
      local name = variant_name(c, i, short)
      if short and type(v.label) == "string" then name = name .. " (" .. v.label:gsub("%.$", "") .. ")" end
      out[#out + 1] = string.format("%s: %s", name, #parts > 0 and table.concat(parts, "; ") or "không đổi giá trị nào")
    end
  end
  return out
end

local function short_lines(c, terse)
  local out = {}
  for _, g in ipairs(c.targets) do
    for i in ipairs(c.variants) do
      local short = g.short[i]
      if type(short) == "table" then
        local parts, names = {}, {}
        for k, x in ipairs(c.communes) do names[k] = x.name end
        for _, x in ipairs(project.shortfalls({ communes = names }, { short = short })) do
          parts[#parts + 1] = string.format("%s %s hộ", x.name, vn.count(x.n))
        end
        if #parts > 0 then
          out[#out + 1] = string.format("%s (%s): các " .. vn.children(c.plan) .. " chưa đạt: %s",
            terse and g.id or (type(g.label) == "string" and g.label or g.id),
            i == 1 and "kế hoạch" or variant_name(c, i, terse), table.concat(parts, ", "))
        end
      end
    end
  end
  return out
end

function M.terminal(c)
  local out = { string.format("%s — so sánh kế hoạch với %s\n", c.plan.id, #c.variants == 2 and "1 phương án" or
    ((#c.variants - 1) .. " phương án")) }
  for _, l in ipairs(variant_lines(c, true)) do out[#out + 1] = "  " .. l .. "\n" end
  out[#out + 1] = "\n"
  out[#out + 1] = tbl.terminal(columns(c, "Kinh phí theo chương trình (đồng)", true), cost_rows(c, true))
  out[#out + 1] = "\n"
  out[#out + 1] = tbl.terminal(columns(c, "Nguồn kinh phí (đồng)", true), source_rows(c, true))
  local rows = {}
  for _, g in ipairs(c.programmes) do
    if changes(g.households) then rows[#rows + 1] = row(g.id, g.households, count) end
  end
  if #rows > 0 then
    out[#out + 1] = "\n"
    out[#out + 1] = tbl.terminal(columns(c, "Số hộ được hỗ trợ, chương trình có thay đổi", true), rows)
  end
  out[#out + 1] = "\n"
  out[#out + 1] = tbl.terminal(columns(c, vn.whole(c.plan), true), city_rows(c))
  local changed = commune_rows(c, "escapes", count, true)
  if #changed > 0 then
    out[#out + 1] = "\n"
    out[#out + 1] = tbl.terminal(columns(c, "Hộ thoát nghèo (dự báo), xã có thay đổi", true), changed)
  end
  changed = commune_rows(c, "households", count, true)
  if #changed > 0 then
    out[#out + 1] = "\n"
    out[#out + 1] = tbl.terminal(columns(c, "Hộ nhận kinh phí hỗ trợ, xã có thay đổi", true), changed)
  end
  return table.concat(out)
end

function M.markdown(c)
  local out = { string.format("# So sánh phương án: %s\n\n", c.plan.title) }
  out[#out + 1] = string.format("Kế hoạch (%s, năm %d, theo %s) so với:\n\n", vn.unit(c.plan), c.plan.year,
    vn.standard(c.plan))
  for _, l in ipairs(variant_lines(c)) do out[#out + 1] = "- " .. l .. "\n" end
  out[#out + 1] = "\nSố tiền tính bằng đồng; cột ± là chênh lệch so với kế hoạch.\n\n"
  local function section(title, first, rows)
    out[#out + 1] = "## " .. title .. "\n\n"
    out[#out + 1] = tbl.markdown(columns(c, first), rows)
    out[#out + 1] = "\n"
  end
  section("1. Kinh phí theo chương trình", "Chương trình", cost_rows(c, false))
  section("2. Nguồn kinh phí: bố trí và nhu cầu", "Nguồn", source_rows(c, false))
  section("3. Số hộ, số khẩu theo chương trình", "Chương trình", programme_household_rows(c, false))
  local function with_total(rows, s, fmt)
    rows[#rows + 1] = row("**" .. vn.whole(c.plan) .. "**", s, fmt)
    return rows
  end
  out[#out + 1] = "Mục 4 và 5 tính mỗi hộ một lần, dù nhận từ nhiều chương trình, và chỉ các chương trình có mức " ..
    "chi từ kinh phí của kế hoạch; các chương trình không có mức chi có ở mục 3.\n\n"
  section("4. Hộ nhận kinh phí hỗ trợ theo " .. vn.children(c.plan), vn.Children(c.plan), with_total(commune_rows(c, "households", count), c.city.households, count))
  section("5. Khẩu của các hộ nhận kinh phí theo " .. vn.children(c.plan), vn.Children(c.plan), with_total(commune_rows(c, "persons", count), c.city.persons, count))
  section("6. Hộ nghèo cuối năm (dự báo)", vn.Children(c.plan), with_total(commune_rows(c, "poor", count), c.city.poor, count))
  section("7. Tỷ lệ hộ nghèo cuối năm (dự báo, %)", vn.Children(c.plan), with_total(commune_rows(c, "rate", rate), c.city.rate, rate))
  section("8. Hộ thoát nghèo trong năm (dự báo)", vn.Children(c.plan), with_total(commune_rows(c, "escapes", count), c.city.escapes, count))
  local rows = {}
  for _, g in ipairs(c.targets) do
    rows[#rows + 1] = row((type(g.label) == "string" and g.label or g.id) .. ": chỉ tiêu", g.households, count)
    rows[#rows + 1] = row("dự báo thoát nghèo", g.projected, count)
    rows[#rows + 1] = row("thiếu", g.short_by, count)
    rows[#rows + 1] = met_row("kết quả", g)
  end
  section("9. Chỉ tiêu", "Chỉ tiêu", rows)
  for _, l in ipairs(short_lines(c)) do out[#out + 1] = "- " .. l .. "\n" end
  return table.concat(out)
end

return M
