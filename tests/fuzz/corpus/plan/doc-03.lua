plan { id = "mau-2021", title = "Kế hoạch mẫu", unit = "Thành phố Mẫu", year = 2021, standard = "vn-2016" }
target "giam_ho_ngheo" { households = 90, rate_points = 0.24,
  by_commune = { ["Tả Phời"] = 30, ["Thống Nhất"] = 40, --[[ ... ]] },
  quarter_totals = { Q1 = 4, Q2 = 9, Q3 = 17, Q4 = 60 },
  Q1 = { ["Hợp Thành"] = 3, ["Thống Nhất"] = 1 }, --[[ Q2 .. Q4 ]] }
