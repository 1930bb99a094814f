plan { id = "mau-2021", title = "Kế hoạch mẫu", unit = "Thành phố Mẫu", year = 2021, standard = "vn-2016" }
report "bao_cao_6_thang" { label = "Báo cáo 6 tháng", due = "2021-06-05", covers = "01-06", to = "ldtbxh" }
