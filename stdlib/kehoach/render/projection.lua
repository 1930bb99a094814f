-- render/projection.lua — the projection (kehoach.project) in Vietnamese for the terminal:
-- the targets against it and the rate at year end (kehoach run), and one household's
-- quarters (kehoach explain).
--
--   M.terminal_lines(s) -> lines     s: a summary
--   M.household_lines(r, year) -> lines    r: kehoach.project.household's facts
local util = require "kehoach.util"
local project = require "kehoach.project"

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

-- Lines for the terminal: the targets against the projection, and the rate at year end.
function M.terminal_lines(s)
  local pr = s.projection
  if type(pr) ~= "table" then return {} end
  local out = {}
  for _, g in ipairs(pr.targets) do
    local where = {}
    for _, c in ipairs(project.shortfalls(s, g)) do where[#where + 1] = string.format("%s %d", c.name, c.n) end
    out[#out + 1] = string.format("Dự báo thoát nghèo (%s): %s/%s hộ — %s", g.id, util.group_digits(g.projected),
      util.group_digits(g.households), g.met and "đạt chỉ tiêu" or
      string.format("chưa đạt: thiếu %d hộ%s", g.short_by, #where > 0 and ("; thiếu ở " .. table.concat(where, ", ")) or ""))
  end
  out[#out + 1] = string.format("Tỷ lệ hộ nghèo cuối năm (dự báo): %s%% (%s hộ nghèo)",
    (string.format("%.2f", pr.year_end.rate):gsub("%.", ",")), util.group_digits(pr.year_end.poor_total))
  return out
end

return M
