plan { id = "mau-2021", title = "Kế hoạch mẫu", unit = "Thành phố Mẫu", year = 2021, standard = "vn-2016" }
source "von_vay" { label = "Nguồn vốn vay tín dụng", short = "Vốn vay", loan = true }
