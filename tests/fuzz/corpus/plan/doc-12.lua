plan { id = "mau-2021", title = "Kế hoạch mẫu", unit = "Thành phố Mẫu", year = 2021, standard = "vn-2016" }
scenario "tang_tro_cap" { label = "Trợ cấp 300.000 đồng", ["tro_cap.amount"] = 300000 }
