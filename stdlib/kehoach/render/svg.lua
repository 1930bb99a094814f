-- svg.lua — charts drawn as inline SVG, for report.html: horizontal bars (one series,
-- grouped series side by side, or stacked) and lines over ordered steps (quarters).
-- Each chart is accessible on its own: role="img", a <title> and a <desc> it is labelled
-- by, text labels on the axes and at the end of each bar, and a tooltip (<title>) on
-- every mark. Coordinates are written with one decimal, so the same data gives the same
-- bytes.
--
--   spec = { id = "targets", title = "...", desc = "...",
--            categories = { "An Lạc", ... },          -- bars: one row each
--            steps = { "Quý I", ... },                 -- lines: the x axis
--            series = { { label = "Quý I", values = { n, ... } }, ... },
--            stacked = false, format = function(v) -> text (default: digits grouped),
--            unit = "hộ" (said in the tooltip of each mark; a series' own unit
--            overrides it: { label = "Số khẩu", unit = "khẩu", values = ... }),
--            x_title = "...", y_title = "..." (lines: the axes' titles, drawn when given),
--            fit = true (lines: the y axis spans the values' own range, not from 0, so that
--            5.723 to 5.900 does not look flat) }
--   Lines label the x axis at every step whose label has room: when the labels are wider
--   than the steps are apart, every second (third, ...) one, computed from their widths.
--   M.bars(spec), M.lines(spec) -> "<svg ...>...</svg>"
local util = require "kehoach.util"
local html = require "kehoach.render.html"
local tbl = require "kehoach.render.table"

local text = core.text

local M = {}

-- Okabe–Ito: told apart by people with the common colour-vision deficiencies.
M.COLOURS = { "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000" }

local FONT = 12          -- px
local CHAR = 6.6         -- px per display column at FONT, for laying out labels
local WIDTH = 760
local LABEL_MAX = 30     -- display columns of a line of a category label: a longer label
                         -- goes on two lines, broken between words; past that it is cut at
                         -- a word with "…" (the mark's tooltip and the data table keep the
                         -- whole label)
local LINE = 14          -- px between the two lines of a label

local function num(x)
  local s = string.format("%.1f", x)
  return (s:gsub("%.0$", ""))
end

local function default_format(v)
  if math.type(v) == "integer" or v == math.floor(v) then return util.group_digits(math.tointeger(v) or v) end
  return (string.format("%.1f", v):gsub("%.", ","))
end

-- A round upper bound for the axis and its step: 0..max in 4-6 steps of 1, 2 or 5 × 10^k;
-- with whole, steps of at least 1 (no "0,2 hộ" on an axis of households).
function M.scale(max, whole)
  if max <= 0 then return 1, 1 end
  local raw = max / 5
  if whole then raw = math.max(raw, 1) end
  local mag = 10 ^ math.floor(math.log(raw, 10))
  local step
  for _, f in ipairs({ 1, 2, 5, 10 }) do
    if f * mag >= raw then step = f * mag break end
  end
  if step >= 1 then step = math.floor(step + 0.5) end
  local top = math.ceil(max / step - 1e-9) * step
  return top, step
end

-- Whether every value of every series is a whole number.
local function whole_values(series)
  for _, s in ipairs(series) do
    for _, v in pairs(s.values) do
      if math.type(v) ~= "integer" and v ~= math.floor(v) then return false end
    end
  end
  return true
end

local function label_width(s)
  return text.width(s) * CHAR
end

-- A category label as one or two lines of at most LABEL_MAX columns, broken between
-- words (never inside a syllable); what does not fit on two lines ends in "…".
function M.label_lines(s)
  s = tostring(s)
  if text.width(s) <= LABEL_MAX then return { s } end
  local lines, line = {}, ""
  for word in s:gmatch("%S+") do
    local next_line = line == "" and word or (line .. " " .. word)
    if text.width(next_line) <= LABEL_MAX or line == "" then
      line = next_line
    elseif #lines == 0 then
      lines[1], line = line, word
    else
      line = line .. " " .. word  -- the rest goes on the second line, cut below
    end
  end
  lines[#lines + 1] = line
  for i, l in ipairs(lines) do
    if text.width(l) > LABEL_MAX then
      -- cut at the last word that fits, or (one long word) where it must
      local cut = ""
      for word in l:gmatch("%S+") do
        local longer = cut == "" and word or (cut .. " " .. word)
        if text.width(longer) > LABEL_MAX - 1 then break end
        cut = longer
      end
      lines[i] = (cut ~= "" and cut or tbl.truncate(l, LABEL_MAX - 1):gsub("…$", "")) .. "…"
    end
  end
  return lines
end

-- The text element of a category label at the right edge x, centred on y.
local function label_text(lines, x, y)
  if #lines == 1 then
    return string.format("<text x=\"%s\" y=\"%s\" text-anchor=\"end\">%s</text>\n", num(x), num(y + 4), html.esc(lines[1]))
  end
  return string.format("<text x=\"%s\" y=\"%s\" text-anchor=\"end\"><tspan x=\"%s\">%s</tspan>" ..
    "<tspan x=\"%s\" dy=\"%d\">%s</tspan></text>\n", num(x), num(y + 4 - LINE / 2), num(x), html.esc(lines[1]), num(x),
    LINE, html.esc(lines[2]))
end

-- The svg element opening, labelled by its title and desc.
local function open(spec, w, h)
  local id = spec.id
  return table.concat({
    string.format("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"chart-%s\" role=\"img\" " ..
      "aria-labelledby=\"chart-%s-title chart-%s-desc\" viewBox=\"0 0 %s %s\" width=\"%s\" height=\"%s\" " ..
      "font-family=\"sans-serif\" font-size=\"%d\">\n", id, id, id, num(w), num(h), num(w), num(h), FONT),
    string.format("<title id=\"chart-%s-title\">%s</title>\n", id, html.esc(spec.title)),
    string.format("<desc id=\"chart-%s-desc\">%s</desc>\n", id, html.esc(spec.desc or spec.title)),
  })
end

-- A legend across the top: a swatch and the label of each series.
local function legend(series, x, y, out)
  out[#out + 1] = "<g class=\"legend\">\n"
  for i, s in ipairs(series) do
    out[#out + 1] = string.format("<rect x=\"%s\" y=\"%s\" width=\"12\" height=\"12\" fill=\"%s\"/>" ..
      "<text x=\"%s\" y=\"%s\">%s</text>\n", num(x), num(y), M.COLOURS[(i - 1) % #M.COLOURS + 1], num(x + 16),
      num(y + 10), html.esc(s.label))
    x = x + 16 + label_width(s.label) + 18
  end
  out[#out + 1] = "</g>\n"
end

-- Vertical grid lines with their values, from 0 to top every step.
local function x_grid(x0, x1, y0, y1, top, step, fmt, out)
  out[#out + 1] = "<g class=\"grid\">\n"
  local v = 0
  while v <= top + 1e-9 do
    local x = x0 + (x1 - x0) * v / top
    out[#out + 1] = string.format("<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"#ddd\"/>" ..
      "<text x=\"%s\" y=\"%s\" text-anchor=\"middle\" fill=\"#555\">%s</text>\n", num(x), num(y0), num(x), num(y1),
      num(x), num(y1 + 14), html.esc(fmt(v)))
    v = v + step
  end
  out[#out + 1] = "</g>\n"
end

-- Horizontal bars: a row per category; series side by side, or one bar in segments
-- when stacked.
function M.bars(spec)
  local fmt = spec.format or default_format
  local series, cats = spec.series, spec.categories
  local stacked = spec.stacked and #series > 1
  local max = 0
  for c = 1, #cats do
    local total = 0
    for _, s in ipairs(series) do
      local v = s.values[c] or 0
      total = stacked and (total + v) or math.max(total, v)
    end
    max = math.max(max, total)
  end
  local top, step = M.scale(max, whole_values(series))
  local left, two_lines = 8, false
  local labels = {}
  for c, cat in ipairs(cats) do
    labels[c] = M.label_lines(cat)
    two_lines = two_lines or #labels[c] > 1
    for _, l in ipairs(labels[c]) do left = math.max(left, label_width(l) + 16) end
  end
  local right = label_width(fmt(top)) + 24
  local bar = (stacked or #series == 1) and 16 or math.max(6, math.floor(22 / #series))
  local row = (stacked or #series == 1) and 24 or (bar * #series + 8)
  if two_lines then row = math.max(row, 2 * LINE + 6) end
  local head = #series > 1 and 30 or 10
  local h = head + row * #cats + 24
  local x0, x1 = left, WIDTH - right
  local out = { open(spec, WIDTH, h) }
  if #series > 1 then legend(series, left, 8, out) end
  x_grid(x0, x1, head - 4, head + row * #cats, top, step, fmt, out)
  for c, cat in ipairs(cats) do
    local y = head + (c - 1) * row
    out[#out + 1] = "<g class=\"row\">\n" .. label_text(labels[c], left - 8, y + row / 2)
    local x, total = x0, 0
    for i, s in ipairs(series) do
      local v = s.values[c] or 0
      local w = (x1 - x0) * v / top
      local by = stacked and (y + (row - bar) / 2) or (y + 4 + (i - 1) * bar)
      local bx = stacked and x or x0
      if v > 0 then
        out[#out + 1] = string.format("<rect class=\"mark\" x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\">" ..
          "<title>%s — %s: %s%s</title></rect>\n", num(bx), num(by), num(w), num(bar - 1),
          M.COLOURS[(i - 1) % #M.COLOURS + 1], html.esc(cat), html.esc(s.label), html.esc(fmt(v)),
          (s.unit or spec.unit) and (" " .. html.esc(s.unit or spec.unit)) or "")
      end
      if not stacked then
        out[#out + 1] = string.format("<text x=\"%s\" y=\"%s\" fill=\"#333\">%s</text>\n", num(x0 + w + 4),
          num(by + bar - 4), html.esc(fmt(v)))
      end
      x, total = x + w, total + v
    end
    if stacked then
      out[#out + 1] = string.format("<text x=\"%s\" y=\"%s\" fill=\"#333\">%s</text>\n", num(x + 4),
        num(y + row / 2 + 4), html.esc(fmt(total)))
    end
    out[#out + 1] = "</g>\n"
  end
  out[#out + 1] = "</svg>\n"
  return table.concat(out)
end

-- Lines over ordered steps (quarters): one polyline with a marker at each step per series.
function M.lines(spec)
  local fmt = spec.format or default_format
  local series, steps = spec.series, spec.steps
  local max = 0
  for _, s in ipairs(series) do
    for i = 1, #steps do max = math.max(max, s.values[i] or 0) end
  end
  local whole = whole_values(series)
  local top, step = M.scale(max, whole)
  local low = 0
  if spec.fit then
    local min = math.huge
    for _, s in ipairs(series) do
      for i = 1, #steps do min = math.min(min, s.values[i] or 0) end
    end
    if min > 0 and max > min then
      local _, st = M.scale(max - min, whole)
      low, step = math.floor(min / st) * st, st
      top = math.ceil(max / st - 1e-9) * st
      if top <= low then top = low + st end
    end
  end
  local left = label_width(fmt(top)) + 20 + (spec.y_title and 20 or 0)
  local h, head, foot = 300, 34, 30
  if spec.x_title then h, foot = h + 22, foot + 22 end
  local x0, x1, y0, y1 = left, WIDTH - 30, head, h - foot
  local function px(i) return #steps == 1 and (x0 + x1) / 2 or x0 + (x1 - x0) * (i - 1) / (#steps - 1) end
  local function py(v) return y1 - (y1 - y0) * (v - low) / (top - low) end
  -- every how many steps an x label has room: the widest label and a gap between
  local every = 1
  if #steps > 1 then
    local widest = 0
    for _, label in ipairs(steps) do widest = math.max(widest, label_width(label)) end
    every = math.max(1, math.ceil((widest + 12) / ((x1 - x0) / (#steps - 1))))
  end
  local out = { open(spec, WIDTH, h) }
  legend(series, left, 8, out)
  out[#out + 1] = "<g class=\"grid\">\n"
  local v = low
  while v <= top + 1e-9 do
    out[#out + 1] = string.format("<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"#ddd\"/>" ..
      "<text x=\"%s\" y=\"%s\" text-anchor=\"end\" fill=\"#555\">%s</text>\n", num(x0), num(py(v)), num(x1),
      num(py(v)), num(x0 - 6), num(py(v) + 4), html.esc(fmt(v)))
    v = v + step
  end
  for i, label in ipairs(steps) do
    if (i - 1) % every == 0 then
      out[#out + 1] = string.format("<text x=\"%s\" y=\"%s\" text-anchor=\"middle\">%s</text>\n", num(px(i)),
        num(y1 + 18), html.esc(label))
    end
  end
  if spec.x_title then
    out[#out + 1] = string.format("<text class=\"axis-title\" x=\"%s\" y=\"%s\" text-anchor=\"middle\" " ..
      "font-weight=\"bold\">%s</text>\n", num((x0 + x1) / 2), num(y1 + 40), html.esc(spec.x_title))
  end
  if spec.y_title then
    local cx, cy = 16, (y0 + y1) / 2
    out[#out + 1] = string.format("<text class=\"axis-title\" x=\"%s\" y=\"%s\" text-anchor=\"middle\" " ..
      "font-weight=\"bold\" transform=\"rotate(-90 %s %s)\">%s</text>\n", num(cx), num(cy), num(cx), num(cy),
      html.esc(spec.y_title))
  end
  out[#out + 1] = "</g>\n"
  for k, s in ipairs(series) do
    local colour = M.COLOURS[(k - 1) % #M.COLOURS + 1]
    local points = {}
    for i = 1, #steps do points[i] = num(px(i)) .. "," .. num(py(s.values[i] or 0)) end
    out[#out + 1] = string.format("<g class=\"series\">\n<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s " ..
      "points=\"%s\"/>\n", colour, k > 1 and " stroke-dasharray=\"6 3\"" or "", table.concat(points, " "))
    for i, label in ipairs(steps) do
      local val = s.values[i] or 0
      out[#out + 1] = string.format("<circle class=\"mark\" cx=\"%s\" cy=\"%s\" r=\"4\" fill=\"%s\"><title>%s — %s: %s%s" ..
        "</title></circle>\n", num(px(i)), num(py(val)), colour, html.esc(s.label), html.esc(label), html.esc(fmt(val)),
        (s.unit or spec.unit) and (" " .. html.esc(s.unit or spec.unit)) or "")
    end
    out[#out + 1] = "</g>\n"
  end
  out[#out + 1] = "</svg>\n"
  return table.concat(out)
end

-- The numbers behind a chart as a table: a row per category (or step), a column per
-- series, and a total column for stacked bars; with spec.total, a last row adding up
-- each column ("Cộng"), for categories that add up (communes, sources).
function M.data_table(spec)
  local fmt = spec.format or default_format
  local rows_of = spec.categories or spec.steps
  local columns = { { spec.axis or "" } }
  for _, s in ipairs(spec.series) do columns[#columns + 1] = { s.label, align = "right" } end
  if spec.stacked then columns[#columns + 1] = { "Cộng", align = "right" } end
  local rows, sums = {}, {}
  for c, cat in ipairs(rows_of) do
    local r, total = { cat }, 0
    for k, s in ipairs(spec.series) do
      local v = s.values[c]
      r[#r + 1] = v and fmt(v) or ""
      total = total + (v or 0)
      sums[k] = (sums[k] or 0) + (v or 0)
    end
    if spec.stacked then r[#r + 1] = fmt(total) end
    rows[#rows + 1] = r
  end
  if spec.total then
    local r, all = { "Cộng" }, 0
    for k = 1, #spec.series do
      r[#r + 1] = fmt(sums[k] or 0)
      all = all + (sums[k] or 0)
    end
    if spec.stacked then r[#r + 1] = fmt(all) end
    r.total = true
    rows[#rows + 1] = r
  end
  return html.table(spec.table_caption or ("Số liệu: " .. spec.title), columns, rows,
    string.format("class=\"data\" id=\"data-%s\"", spec.id))
end

return M
