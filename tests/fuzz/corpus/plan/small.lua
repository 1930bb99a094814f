plan { id = "mau-2021", title = "Kế hoạch mẫu", unit = "Thành phố Mẫu", year = 2021, standard = "vn-2016" }
source "city" { label = "Ngân sách thành phố" }
support "tro_cap" { label = "Trợ cấp", who = { status = "poor", unable_to_escape = true },
  amount = per_person_month(250000), months = "01-12", source = "city" }
target "giam" { households = 3, by_commune = { { "An Lạc", 2 }, { "Hòa Bình", 1 } }, Q1 = { { "An Lạc", 1 } } }
budget { total = million(3), city = million(3) }
