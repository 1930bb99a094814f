-- table.lua — tables of text lined up by display width (Vietnamese letters with marks
-- take one column each), for the terminal and for Markdown.
--
--   columns: { {title, align = "left"|"right", max = columns} ... }
--   rows:    { {cell, cell, ...}, ... }; a row { rule = true } draws a line (terminal)
local util = require "kehoach.util"

local text = core.text

local M = {}

-- s cut to width columns, with "…" when cut.
function M.truncate(s, width)
  s = tostring(s)
  if text.width(s) <= width then return s end
  local out, w = {}, 0
  for _, cp in utf8.codes(s) do
    local ch = utf8.char(cp)
    local cw = text.width(ch)
    if w + cw > width - 1 then break end
    out[#out + 1] = ch
    w = w + cw
  end
  -- combining marks after the last letter kept stay with it; NFC text has few
  return table.concat(out) .. "…"
end

-- The width of each column; with cut, cells longer than their column's max are cut.
local function widths(columns, rows, cut)
  local w = {}
  for i, c in ipairs(columns) do w[i] = text.width(c[1]) end
  for _, r in ipairs(rows) do
    if not r.rule then
      for i, c in ipairs(columns) do
        local cell = tostring(r[i] == nil and "" or r[i])
        if cut and c.max then cell = M.truncate(cell, c.max) end
        r[i] = cell
        w[i] = math.max(w[i], text.width(cell))
      end
    end
  end
  return w
end

local function cell(s, width, align)
  return align == "right" and util.lpad(s, width) or util.pad(s, width)
end

-- Lines for a terminal: columns two spaces apart, a rule under the header.
function M.terminal(columns, rows)
  local w = widths(columns, rows, true)
  local function line(values)
    local parts = {}
    for i, c in ipairs(columns) do parts[i] = cell(values[i], w[i], c.align) end
    return (table.concat(parts, "  "):gsub("%s+$", ""))
  end
  local rule = {}
  for i in ipairs(columns) do rule[i] = string.rep("─", w[i]) end
  local titles = {}
  for i, c in ipairs(columns) do titles[i] = c[1] end
  local out = { line(titles), table.concat(rule, "  ") }
  for _, r in ipairs(rows) do out[#out + 1] = r.rule and table.concat(rule, "  ") or line(r) end
  return table.concat(out, "\n") .. "\n"
end

local function md_escape(s)
  return (tostring(s):gsub("|", "\\|"))
end

-- A Markdown (GitHub) table; rule rows are left out, and no cell is cut.
function M.markdown(columns, rows)
  local body = {}
  for _, r in ipairs(rows) do
    if not r.rule then
      local e = {}
      for i in ipairs(columns) do e[i] = md_escape(r[i] == nil and "" or r[i]) end
      body[#body + 1] = e
    end
  end
  local titles = {}
  for i, c in ipairs(columns) do titles[i] = md_escape(c[1]) end
  local w = widths(columns, body, false)
  for i, c in ipairs(columns) do w[i] = math.max(w[i], text.width(titles[i]), 3) end
  local function line(values)
    local parts = {}
    for i, c in ipairs(columns) do parts[i] = cell(values[i], w[i], c.align) end
    return "| " .. table.concat(parts, " | ") .. " |"
  end
  local seps = {}
  for i, c in ipairs(columns) do
    seps[i] = c.align == "right" and (string.rep("-", w[i] - 1) .. ":") or string.rep("-", w[i])
  end
  local out = { line(titles), "| " .. table.concat(seps, " | ") .. " |" }
  for _, r in ipairs(body) do out[#out + 1] = line(r) end
  return table.concat(out, "\n") .. "\n"
end

return M
