-- days.lua — the civil calendar arithmetic the documents need: a day's number (days since
-- 1970-01-01), the last day of a month, the day after and the day before a day. Dates are year, month, day.
local M = {}

local DAYS = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 }

function M.leap(y) return (y % 4 == 0 and y % 100 ~= 0) or y % 400 == 0 end

function M.last_day(y, m)
  return DAYS[m] + ((m == 2 and M.leap(y)) and 1 or 0)
end

-- Days since 1970-01-01 (negative before it).
function M.number(y, m, d)
  y = m <= 2 and y - 1 or y
  local era = y // 400
  local yoe = y - era * 400
  local doy = (153 * (m + (m > 2 and -3 or 9)) + 2) // 5 + d - 1
  return era * 146097 + yoe * 365 + yoe // 4 - yoe // 100 + doy - 719468
end

-- The day after y-m-d.
function M.next_day(y, m, d)
  if d < M.last_day(y, m) then return y, m, d + 1 end
  if m < 12 then return y, m + 1, 1 end
  return y + 1, 1, 1
end

-- The day before y-m-d.
function M.previous_day(y, m, d)
  if d > 1 then return y, m, d - 1 end
  if m > 1 then return y, m - 1, M.last_day(y, m - 1) end
  return y - 1, 12, 31
end

-- "2021-06-30"
function M.iso(y, m, d)
  return string.format("%04d-%02d-%02d", y, m, d)
end

return M
