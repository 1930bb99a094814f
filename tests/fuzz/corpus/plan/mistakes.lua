plan { id = "mau-2021", title = "Kế hoạch mẫu", unit = "Thành phố Mẫu", year = 2021, standard = "vn-2016" }
target "g" { households = 3, by_commune = { ["A"] = 1 } }
support "s" { label = "s", who = { status = "poor" }, amount = per_household(5), source = "ngan_sach" }
source "ngan_sach_tp" { label = "x" }
budget { total = million(3), a = million(1) }
