-- render/projection.lua — the projection (kehoach.project) in Vietnamese for the terminal:
-- the targets against it and the rate at year end (kehoach run), and one household's
-- quarters (kehoach explain).
--
--   M.terminal_lines(s) -> lines     s: a summary
--   M.household_lines(r, year) -> lines    r: kehoach.project.household's facts
--   M.verdict(s, g) -> a projected target met or short, in words (run, report.md, report.html)
local util = require "kehoach.util"
local project = require "kehoach.project"
local vn = require "kehoach.render.vn"

local M = {}

local STATUS_WORDS = { poor = "nghèo", near_poor = "cận nghèo", middle = "trung bình", non_poor = "không nghèo" }

-- What kehoach.project.household says of one household (r), in Vietnamese: its status at
-- each quarter's end and whether, and when, it leaves poverty in the plan's year. Lines,
-- or none when the plan projects nothing or the household was not poor or no effect
-- reaches it.
function M.household_lines(r, year)
  if not r then return {} end
  if not r.reached then
    if r.poor then
      return { "", "Dự báo: không chương trình nào có tác động đến hộ này; hộ vẫn là hộ nghèo cuối năm." }
    end
    return {}
  end
  local quarters = {}
  for q = 1, 4 do quarters[q] = string.format("quý %s: %s", ({ "I", "II", "III", "IV" })[q], STATUS_WORDS[r.quarters[q]] or "?") end
  return { "", string.format("Dự báo theo tác động của các chương trình: thu nhập cuối năm %s đồng/người/tháng, " ..
    "%d chỉ số thiếu hụt; cuối %s.", util.group_digits(r.income_q4), r.deprivations_q4, table.concat(quarters, ", ")),
    r.escaped and string.format("→ Dự báo thoát nghèo trong quý %s/%d.", ({ "I", "II", "III", "IV" })[r.escaped], year)
      or string.format("→ Dự báo chưa thoát nghèo trong năm %d.", year) }
end

-- Why a run has no projection, in words (summary.no_projection's reason), or nil.
M.NONE = {
  no_effect = "Kế hoạch không ghi tác động của hỗ trợ nào (effect): không có dự báo thoát nghèo",
}

-- The verdict on one projected target g (an entry of s.projection.targets), in words that
-- never contradict themselves: the whole target and each commune's are said apart.
--   "đạt chỉ tiêu", "đạt chỉ tiêu, vượt 12 hộ"
--   "vượt chỉ tiêu chung 45 hộ; riêng Diên Bình còn thiếu 1 hộ" (the whole met, a commune not)
--   "chưa đạt: thiếu 12 hộ; các xã chưa đạt: An Lạc 5 hộ, Hòa Bình 7 hộ"
function M.verdict(s, g)
  local group = util.group_digits
  local over = math.max(0, (g.projected or 0) - (g.households or 0))
  local where = {}
  -- a commune's count as lists of communes write it ("An Lạc 02 hộ")
  for _, c in ipairs(project.shortfalls(s, g)) do where[#where + 1] = { c.name, vn.count(c.n) } end
  if g.short_by > 0 then
    local list = {}
    for i, c in ipairs(where) do list[i] = c[1] .. " " .. c[2] .. " hộ" end
    return string.format("chưa đạt: thiếu %s hộ%s", group(g.short_by),
      #list > 0 and ("; các " .. vn.children(s.plan) .. " chưa đạt: " .. table.concat(list, ", ")) or "")
  end
  if #where == 0 then
    return over > 0 and string.format("đạt chỉ tiêu, vượt %s hộ", group(over)) or "đạt chỉ tiêu"
  end
  local list = {}
  for i, c in ipairs(where) do list[i] = c[1] .. " còn thiếu " .. c[2] .. " hộ" end
  return string.format("%s; riêng %s", over > 0 and ("vượt chỉ tiêu chung " .. group(over) .. " hộ")
    or "đạt chỉ tiêu chung", table.concat(list, ", "))
end

-- Lines for the terminal: the targets against the projection, and the rate at year end;
-- or why there is no projection.
function M.terminal_lines(s)
  local pr = s.projection
  if type(pr) ~= "table" then
    local why = M.NONE[s.no_projection]
    return why and { why .. "." } or {}
  end
  local out = {}
  for _, g in ipairs(pr.targets) do
    out[#out + 1] = string.format("Dự báo thoát nghèo (%s): %s/%s hộ — %s", g.label or g.id, util.group_digits(g.projected),
      util.group_digits(g.households), M.verdict(s, g))
  end
  out[#out + 1] = string.format("Tỷ lệ hộ nghèo cuối năm (dự báo): %s%% (%s hộ nghèo)",
    (string.format("%.2f", pr.year_end.rate):gsub("%.", ",")), util.group_digits(pr.year_end.poor_total))
  return out
end

return M
