-- render/sweep.lua — a sweep (kehoach.sweep) for people: the terminal table, sweep.svg's
-- two line charts (cost and gaps; poor households and shortfalls), and what the varied
-- value is, in Vietnamese, for the charts' x axis.
--
--   M.axis(p, e) -> the title of params entry e's value: "Mức hỗ trợ của “Trợ cấp”
--                   (đồng/khẩu/tháng)"; the path itself for a value without such words
--   M.terminal(sw, rows) -> text      M.chart(sw, rows) -> SVG text (sw.axis: its x title)
--   M.times(n) -> "1 time", "5 times"
local util = require "kehoach.util"
local values = require "kehoach.plan.values"
local svg = require "kehoach.render.svg"
local tbl = require "kehoach.render.table"

local M = {}

-- What the value at e's path is, for the axis of sweep.svg: "Mức hỗ trợ của “Trợ cấp”
-- (đồng/khẩu/tháng)", "Chỉ tiêu của “Vay vốn” tại An Lạc (hộ)", "Ngân sách thành phố
-- (đồng)"; the path itself for a value without such words.
function M.axis(p, e)
  local d = e.decl
  if d.kind == "budget" then
    local line = e.path:match("^budget%.(.+)$")
    if line == "total" then return "Tổng kinh phí kế hoạch (đồng)" end
    for _, x in ipairs(p.sources) do
      if x.id == line then return x.label .. " (đồng)" end
    end
    return e.path
  end
  local rest = e.path:sub(#d.id + 2)
  local name = "“" .. (d.label or d.id) .. "”"
  if d.kind == "support" then
    if rest == "amount" and d.amount then
      local unit = d.amount.basis == "unit" and d.amount.noun and ("đồng/" .. d.amount.noun)
        or values.BASES[d.amount.basis].label
      return string.format("Mức hỗ trợ của %s (%s)", name, unit)
    end
    local commune = rest:match("^quota%.(.+)$")
    if commune then return string.format("Chỉ tiêu của %s tại %s (hộ)", name, commune) end
    if rest == "households" then return string.format("Số hộ của %s (hộ)", name) end
    if rest == "persons" then return string.format("Số khẩu của %s (khẩu)", name) end
    if rest == "effect.income" then return string.format("Thu nhập tăng thêm nhờ %s (đồng/người/tháng)", name) end
  elseif d.kind == "activity" and rest == "cost" then
    return string.format("Kinh phí của %s (đồng)", name)
  elseif d.kind == "target" then
    if rest == "households" then return string.format("Chỉ tiêu giảm hộ nghèo %s (hộ)", name) end
    local commune = rest:match("^by_commune%.(.+)$")
    if commune then return string.format("Chỉ tiêu giảm hộ nghèo %s tại %s (hộ)", name, commune) end
  end
  return e.path
end

local group = util.group_digits

-- The varied value as people read it.
local function show(sw, v)
  if sw.kind == "money" or sw.kind == "count" then return group(v) end
  return (tostring(v):gsub("%.", ","))
end

function M.terminal(sw, rows)
  local gaps = {}
  for _, s in ipairs(sw.sources) do
    for _, r in ipairs(rows) do
      if r.gap[s.id] > 0 then gaps[#gaps + 1] = s break end
    end
  end
  local columns = { { sw.path, align = "right" }, { "Kinh phí (đồng)", align = "right" } }
  for _, s in ipairs(gaps) do columns[#columns + 1] = { "Thiếu: " .. s.label, align = "right" } end
  columns[#columns + 1] = { "Hộ nhận kinh phí", align = "right" }
  if sw.projects then
    columns[#columns + 1] = { "Thoát nghèo", align = "right" }
    columns[#columns + 1] = { "Hộ nghèo cuối năm", align = "right" }
    columns[#columns + 1] = { "Tỷ lệ (%)", align = "right" }
    for _, g in ipairs(sw.targets) do columns[#columns + 1] = { "Thiếu so với " .. g.id, align = "right" } end
    for _, g in ipairs(sw.targets) do columns[#columns + 1] = { "Xã còn thiếu (" .. g.id .. ")", align = "right" } end
  end
  local out = {}
  for _, r in ipairs(rows) do
    local cells = { show(sw, r.value), group(r.cost) }
    for _, s in ipairs(gaps) do cells[#cells + 1] = group(r.gap[s.id]) end
    cells[#cells + 1] = group(r.households)
    if sw.projects then
      cells[#cells + 1] = group(r.escapes)
      cells[#cells + 1] = group(r.poor)
      cells[#cells + 1] = (string.format("%.2f", r.rate):gsub("%.", ","))
      for _, g in ipairs(sw.targets) do cells[#cells + 1] = group(r.short[g.id]) end
      for _, g in ipairs(sw.targets) do cells[#cells + 1] = group(r.short_communes[g.id]) end
    end
    out[#out + 1] = cells
  end
  return tbl.terminal(columns, out)
end

function M.times(n)
  return n == 1 and "1 time" or (n .. " times")
end

-- Two line charts in one SVG document, one above the other; the x axis is the varied
-- value, titled with what it is (M.axis).
function M.chart(sw, rows)
  local steps = {}
  for i, r in ipairs(rows) do steps[i] = show(sw, r.value) end
  local function values(get)
    local out = {}
    for i, r in ipairs(rows) do out[i] = get(r) end
    return out
  end
  local millions = function(v) return group(math.floor(v / 1e6 + 0.5)) end
  local money = { { label = "Kinh phí", values = values(function(r) return r.cost end) } }
  for _, s in ipairs(sw.sources) do
    local any = false
    for _, r in ipairs(rows) do any = any or r.gap[s.id] > 0 end
    if any then money[#money + 1] = { label = "Thiếu: " .. s.label, values = values(function(r) return r.gap[s.id] end) } end
  end
  local charts = { svg.lines({ id = "sweep-cost", title = "Kinh phí và phần thiếu theo nguồn (triệu đồng) theo " .. sw.path,
    desc = string.format("Mỗi giá trị của %s từ %s đến %s: tổng kinh phí và phần nguồn kinh phí còn thiếu.", sw.path,
      steps[1], steps[#steps]),
    steps = steps, series = money, format = millions, unit = "triệu đồng",
    x_title = sw.axis or sw.path, y_title = "Triệu đồng" }) }
  if sw.projects then
    local people = { { label = "Hộ nghèo cuối năm", values = values(function(r) return r.poor end) },
      { label = "Hộ thoát nghèo", values = values(function(r) return r.escapes end) } }
    for _, g in ipairs(sw.targets) do
      people[#people + 1] = { label = "Còn thiếu so với " .. g.id, values = values(function(r) return r.short[g.id] end) }
    end
    charts[2] = svg.lines({ id = "sweep-poor", title = "Dự báo hộ nghèo và chỉ tiêu theo " .. sw.path,
      desc = string.format("Mỗi giá trị của %s: hộ nghèo cuối năm, hộ thoát nghèo và số hộ còn thiếu so với chỉ tiêu.",
        sw.path), steps = steps, series = people, unit = "hộ", x_title = sw.axis or sw.path, y_title = "Số hộ" })
  end
  local height = 0
  local parts = {}
  for _, c in ipairs(charts) do
    local h = tonumber(c:match('height="([%d.]+)"'))
    local title = c:match("<title[^>]*>(.-)</title>")
    parts[#parts + 1] = string.format("<text x=\"8\" y=\"%d\" font-family=\"sans-serif\" font-size=\"14\" " ..
      "font-weight=\"bold\">%s</text>\n<g transform=\"translate(0,%d)\">\n%s</g>\n", height + 18, title, height + 26, c)
    height = height + h + 40
  end
  local width = charts[1]:match('width="([%d.]+)"')
  return string.format("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %s %d\" width=\"%s\" height=\"%d\">\n%s</svg>\n",
    width, height, width, height, table.concat(parts))
end

return M
