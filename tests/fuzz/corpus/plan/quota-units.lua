plan { id = "mau-2021", title = "Kế hoạch mẫu", unit = "Thành phố Mẫu", year = 2021, standard = "vn-2016" }
support "bo" { label = "Bò", who = { status = "poor", need = "livestock", unit = { "An Lạc" } }, quota = { ["An Lạc"] = 2 },
  amount = per_unit(25e6, "con bò"), units = 5, quarters = "Q3-Q4", outside_budget = "tỉnh",
  effect = { income = 150000, from = "Q4", clears = { "d_water" } } }
report "r" { label = "Báo cáo", due = "2021-06-05", to = "x" }
agency "Phòng Kinh tế" { "Triển khai" }
