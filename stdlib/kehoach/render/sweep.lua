-- render/sweep.lua — a sweep (kehoach.sweep) for people: the terminal table, sweep.svg's
-- line charts (the cost; the sources' shortfalls; poor households and the targets'
-- shortfalls), and what the varied value is, in Vietnamese, for the charts' titles and axis.
--
--   M.axis(p, e) -> the title of params entry e's value: "Mức hỗ trợ của “Trợ cấp”
--                   (đồng/khẩu/tháng)"; the path itself for a value without such words
--   M.what(p, e) -> the same without the unit, for titles
--   M.terminal(sw, rows) -> text      M.chart(sw, rows) -> SVG text (sw.axis: its x title;
--                                     sw.what: what the value is, in its titles)
--   M.times(n) -> "1 time", "5 times"
local util = require "kehoach.util"
local svg = require "kehoach.render.svg"
local tbl = require "kehoach.render.table"
local figures = require "kehoach.render.figures"
local vn = require "kehoach.render.vn"

local M = {}

-- What the value at e's path is, for the axis of sweep.svg: "Mức hỗ trợ của “Trợ cấp”
-- (đồng/khẩu/tháng)", "Chỉ tiêu của “Vay vốn” tại An Lạc (hộ)", "Ngân sách thành phố
-- (đồng)"; the path itself for a value without such words (kehoach.render.figures.path_words,
-- as compare words a changed value).
function M.axis(p, e)
  return figures.path_words({ programmes = p.supports, targets = p.targets, sources = p.sources,
    reports = p.reports }, e.path).axis
end

-- The same without its unit, for the charts' titles: "Mức hỗ trợ của “Trợ cấp”".
function M.what(p, e)
  return figures.path_words({ programmes = p.supports, targets = p.targets, sources = p.sources,
    reports = p.reports }, e.path).what
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
    end
    out[#out + 1] = cells
  end
  return tbl.terminal(columns, out)
end

function M.times(n)
  return n == 1 and "1 time" or (n .. " times")
end

-- Line charts in one SVG document, one above the other, each on its own axis: the cost
-- (its axis spans its own range: 5.723 to 5.900 triệu đồng is not flat), each source's
-- shortfall when one falls short, and the poor households, escapes and each target's
-- shortfall when the run projects; the x axis is the varied value, titled with what it
-- is (M.axis), and the titles name it in words, never by its path.
function M.chart(sw, rows)
  local steps = {}
  for i, r in ipairs(rows) do steps[i] = show(sw, r.value) end
  local function values(get)
    local out = {}
    for i, r in ipairs(rows) do out[i] = get(r) end
    return out
  end
  local what = sw.what or sw.path
  local x_title = sw.axis or sw.path
  local millions = function(v) return vn.millions(math.floor(v + 0.5)) end
  local range = string.format("%s từ %s đến %s", vn.lower_first(what), steps[1], steps[#steps])
  local charts = { svg.lines({ id = "sweep-cost", title = "Tổng kinh phí (triệu đồng) theo " .. vn.lower_first(what),
    desc = string.format("Mỗi giá trị của %s: tổng kinh phí.", range),
    steps = steps, series = { { label = "Tổng kinh phí", values = values(function(r) return r.cost end) } },
    format = millions, unit = "triệu đồng", x_title = x_title, y_title = "Triệu đồng", fit = true }) }
  local gaps = {}
  for _, s in ipairs(sw.sources) do
    local any = false
    for _, r in ipairs(rows) do any = any or r.gap[s.id] > 0 end
    if any then gaps[#gaps + 1] = { label = "Thiếu: " .. s.label, values = values(function(r) return r.gap[s.id] end) } end
  end
  if #gaps > 0 then
    charts[#charts + 1] = svg.lines({ id = "sweep-gap",
      title = "Phần kinh phí còn thiếu theo nguồn (triệu đồng) theo " .. vn.lower_first(what),
      desc = string.format("Mỗi giá trị của %s: phần còn thiếu của mỗi nguồn kinh phí không đủ.", range),
      steps = steps, series = gaps, format = millions, unit = "triệu đồng", x_title = x_title, y_title = "Triệu đồng" })
  end
  if sw.projects then
    local people = { { label = "Hộ nghèo cuối năm", values = values(function(r) return r.poor end) },
      { label = "Hộ thoát nghèo", values = values(function(r) return r.escapes end) } }
    for _, g in ipairs(sw.targets) do
      people[#people + 1] = { label = "Còn thiếu so với chỉ tiêu “" .. (g.label or g.id) .. "”",
        values = values(function(r) return r.short[g.id] end) }
    end
    charts[#charts + 1] = svg.lines({ id = "sweep-poor", title = "Dự báo hộ nghèo và chỉ tiêu theo " .. vn.lower_first(what),
      desc = string.format("Mỗi giá trị của %s: hộ nghèo cuối năm, hộ thoát nghèo và số hộ còn thiếu so với chỉ tiêu.",
        range), steps = steps, series = people, unit = "hộ", x_title = x_title, y_title = "Số hộ" })
  end
  local width = charts[1]:match('width="([%d.]+)"')
  -- each chart under its title, broken between words to the width (bold 14 px: about 8 px
  -- a column), never cut
  local columns = math.floor((tonumber(width) - 16) / 8)
  local height = 0
  local parts = {}
  for _, c in ipairs(charts) do
    local h = tonumber(c:match('height="([%d.]+)"'))
    local lines, line = {}, ""
    for word in c:match("<title[^>]*>(.-)</title>"):gmatch("%S+") do
      if line ~= "" and core.text.width(line .. " " .. word) > columns then
        lines[#lines + 1], line = line, word
      else
        line = line == "" and word or (line .. " " .. word)
      end
    end
    lines[#lines + 1] = line
    for _, l in ipairs(lines) do
      height = height + 18
      parts[#parts + 1] = string.format("<text x=\"8\" y=\"%d\" font-family=\"sans-serif\" font-size=\"14\" " ..
        "font-weight=\"bold\">%s</text>\n", height, l)
    end
    parts[#parts + 1] = string.format("<g transform=\"translate(0,%d)\">\n%s</g>\n", height + 8, c)
    height = height + 8 + h + 14
  end
  return string.format("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %s %d\" width=\"%s\" height=\"%d\">\n%s</svg>\n",
    width, height, width, height, table.concat(parts))
end

return M
