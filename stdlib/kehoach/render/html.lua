-- html.lua — what the HTML documents (plan.html, report.html) share: escaping, tables
-- with a caption, and the page around a body. Pages are one self-contained file: the
-- style sheet inline, no scripts, nothing fetched from the network.
local M = {}

local ESC = { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;", ["'"] = "&#39;" }

-- Text for an element's content or an attribute's value.
function M.esc(s)
  return (tostring(s):gsub("[&<>\"']", ESC))
end

-- A table: caption, columns { {title, align = "right"} }, rows of cells (already text;
-- a row { rule = true } is left out, a row with .total is set in bold). attrs: extra
-- attributes of <table>, written as given.
function M.table(caption, columns, rows, attrs)
  local out = { "<table", attrs and (" " .. attrs) or "", ">\n" }
  if caption then out[#out + 1] = "<caption>" .. M.esc(caption) .. "</caption>\n" end
  out[#out + 1] = "<thead><tr>"
  for _, c in ipairs(columns) do
    out[#out + 1] = string.format("<th scope=\"col\"%s>%s</th>", c.align == "right" and " class=\"num\"" or "",
      M.esc(c[1]))
  end
  out[#out + 1] = "</tr></thead>\n<tbody>\n"
  for _, r in ipairs(rows) do
    if not r.rule then
      out[#out + 1] = r.total and "<tr class=\"total\">" or "<tr>"
      for i, c in ipairs(columns) do
        local cell = r[i] == nil and "" or tostring(r[i])
        if i == 1 then
          out[#out + 1] = "<th scope=\"row\">" .. M.esc(cell) .. "</th>"
        else
          out[#out + 1] = string.format("<td%s>%s</td>", c.align == "right" and " class=\"num\"" or "", M.esc(cell))
        end
      end
      out[#out + 1] = "</tr>\n"
    end
  end
  out[#out + 1] = "</tbody>\n</table>\n"
  return table.concat(out)
end

-- A whole page: lang="vi", UTF-8, the title, the style sheet inline, then body.
function M.page(title, css, body)
  return table.concat({
    "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n",
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
    "<title>", M.esc(title), "</title>\n<style>\n", css, "</style>\n</head>\n<body>\n",
    body, "</body>\n</html>\n",
  })
end

return M
