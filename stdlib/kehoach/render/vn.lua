-- vn.lua — numbers, money, dates and periods written the way Vietnamese administrative
-- documents write them, for every document kehoach renders:
--
--   vn.int(90000)          "90.000"          digits grouped by dots
--   vn.count(2)            "02"              counts under ten as the seed writes them ("02 hộ")
--   vn.money(5723000000)   "5.723 triệu đồng"; vn.money(250000) "250.000 đồng"
--   vn.decimal(0.24)       "0,24"            decimal comma
--   vn.percent(1)          "100%"            a share 0..1
--   vn.date(d)             "05/6/2021"       day under 10 and months 1, 2 with a leading zero
--   vn.quarters(p, year)   "quý I - quý II/2021"
--   vn.months(p, year)     "từ tháng 01 năm 2021 đến hết tháng 12 năm 2021 (12 tháng)"
--   vn.join(list)          "a, b và c"
local util = require "kehoach.util"
local values = require "kehoach.plan.values"

local M = {}

M.ROMAN = { "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X" }

function M.int(n)
  return util.group_digits(n)
end

-- A count of households or persons: under ten with a leading zero, as the seed writes
-- "An Lạc 02 hộ"; larger counts grouped.
function M.count(n)
  if n >= 0 and n < 10 then return string.format("%02d", n) end
  return util.group_digits(n)
end

-- x with a decimal comma and at most `places` decimals (default 2), trailing zeros cut.
function M.decimal(x, places)
  if math.type(x) == "integer" then return util.group_digits(x) end
  local s = string.format("%." .. (places or 2) .. "f", x)
  local whole, frac = s:match("^(%-?%d+)%.?(%d*)$")
  frac = frac:gsub("0+$", "")
  return util.group_digits(tonumber(whole)) .. (frac ~= "" and ("," .. frac) or "")
end

-- x with exactly `places` decimals, the Vietnamese way: fixed(7.5, 2) = "7,50", so that
-- figures side by side in a table have one precision.
function M.fixed(x, places)
  local s = string.format("%." .. places .. "f", x)
  local whole, frac = s:match("^(%-?%d+)%.?(%d*)$")
  return util.group_digits(tonumber(whole)) .. (frac ~= "" and ("," .. frac) or "")
end

function M.percent(share)
  return M.decimal(share * 100) .. "%"
end

-- Money in đồng: whole thousands of millions and above in "triệu đồng" (5.723 triệu
-- đồng, 2,5 triệu đồng), smaller sums in đồng (250.000 đồng).
function M.money(vnd)
  if vnd >= 1000000 and vnd % 1000 == 0 then return M.millions(vnd) .. " triệu đồng" end
  return util.group_digits(vnd) .. " đồng"
end

-- The number of millions, without the unit: "5.723", "0,25".
function M.millions(vnd)
  if vnd % 1000000 == 0 then return util.group_digits(vnd // 1000000) end
  return M.decimal(vnd / 1000000, 3)
end

-- A date {year, month, day} (or "2021-06-05") as in the seed: 05/6/2021, 29/01/2021.
-- Days under 10 and the months January and February take a leading zero (the rule of
-- administrative documents).
-- A month as dates write it: January and February with a leading zero ("01", "02"), the
-- others without ("6", "12"), as in "05/6/2021" and "ngày 29 tháng 01".
function M.month(m)
  return m <= 2 and string.format("%02d", m) or tostring(m)
end

function M.date(d)
  if type(d) == "string" then d = assert(values.date(d)) end
  return string.format("%02d/%s/%d", d.day, M.month(d.month), d.year)
end

-- "ngày 05 tháng 4 năm 2021"; a month without its day leaves the day blank for the pen,
-- a year alone the day and the month.
function M.long_date(d)
  local month = not d.month and "     " or M.month(d.month)
  local day = d.day and string.format("%02d", d.day) or "     "
  return string.format("ngày %s tháng %s năm %d", day, month, d.year)
end

-- Quarters: "quý II/2021", "quý I - quý II/2021".
function M.quarters(p, year)
  local q = p.quarters
  if not q then return M.months(p, year) end
  if q.from == q.to then return string.format("quý %s/%d", M.ROMAN[q.from], year) end
  return string.format("quý %s - quý %s/%d", M.ROMAN[q.from], M.ROMAN[q.to], year)
end

-- Months: "từ tháng 01 năm 2021 đến hết tháng 12 năm 2021 (12 tháng)", "tháng 03/2021".
function M.months(p, year)
  if p.quarters then return M.quarters(p, year) end
  if p.from == p.to then return string.format("tháng %s/%d", M.month(p.from), year) end
  return string.format("từ tháng %s năm %d đến hết tháng %s năm %d (%d tháng)", M.month(p.from), year,
    M.month(p.to), year, p.months)
end

-- A period code of a summary ("01-12", "Q1-Q2") back to its period.
function M.period(code)
  return code:match("^Q") and values.quarters(code) or values.months(code)
end

-- "a", "a và b", "a, b và c"
function M.join(list, last)
  last = last or " và "
  if #list <= 1 then return list[1] or "" end
  return table.concat(list, ", ", 1, #list - 1) .. last .. list[#list]
end

-- The first letter in capitals: "thực hiện" -> "Thực hiện".
function M.capitalize(s)
  local first = s:match("^[%z\1-\127\194-\244][\128-\191]*")
  if not first then return s end
  return core.text.upper(first) .. s:sub(#first + 1)
end

-- The first letter small: for a label used inside a sentence.
function M.lower_first(s)
  local first = s:match("^[%z\1-\127\194-\244][\128-\191]*")
  if not first then return s end
  return core.text.lower(first) .. s:sub(#first + 1)
end

-- A name or phrase placed inside a sentence: "Các cơ quan, đơn vị" -> "các cơ quan, đơn
-- vị"; proper names ("Ủy ban nhân dân ...", "Phòng ...") keep their capital.
local COMMON = { ["các"] = true, ["những"] = true, ["mọi"] = true, ["toàn"] = true }
function M.in_sentence(s)
  local first = s:match("^(%S+)")
  if first and COMMON[core.text.lower(first)] then return M.lower_first(s) end
  return s
end

-- The plan's children as its summary words them, from the registry's unit kinds: "xã,
-- phường", "xã, thị trấn", "tỉnh, thành phố" (a summary without them: "xã, phường").
function M.children(plan)
  return plan and plan.children or "xã, phường"
end

-- The same, opening a heading or a column: "Xã, thị trấn".
function M.Children(plan)
  return M.capitalize(M.children(plan))
end

-- The plan's unit opening a line: "Thị xã Mẫu", "Tỉnh Mẫu" (its kind, then its name).
function M.unit(plan)
  return M.capitalize(plan.unit_title or plan.unit)
end

-- The plan's poverty standard inside a sentence, by its title: "chuẩn nghèo tiếp cận đa
-- chiều áp dụng cho giai đoạn 2016 - 2020" (a summary without the title: "chuẩn nghèo
-- vn-2016").
function M.standard(plan)
  local title = plan.standard_title
  if type(title) ~= "string" or title == plan.standard then return "chuẩn nghèo " .. tostring(plan.standard) end
  return title:match("^Chuẩn ") and M.lower_first(title) or title
end

-- The row of the whole: "Toàn huyện Diên Khánh", "Toàn tỉnh Mẫu"; for the country "Cả nước".
function M.whole(plan)
  if plan.level == "country" then return "Cả nước" end
  return "Toàn " .. (plan.unit_title or plan.unit)
end

return M
