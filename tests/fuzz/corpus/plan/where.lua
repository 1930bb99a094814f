plan { id = "mau-2021", title = "Kế hoạch mẫu", unit = "Thành phố Mẫu", year = 2021, standard = "vn-2016" }
support "w" { label = "Where", who = { where = function(h) return h.income < 700000 and h.needs.credit end }, amount = per_household(1), source = "s" }
source "s" { label = "s" }
local t = {} for i = 1, 10 do t[i] = i end
