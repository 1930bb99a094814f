plan { id = "mau-2021", title = "Kế hoạch mẫu", unit = "Thành phố Mẫu", year = 2021, standard = "vn-2016" }
agency "kinh_te" { name = "Phòng Kinh tế thành phố", short = "Phòng Kinh tế",
  "Triển khai hỗ trợ dự án con giống (bò) sinh sản ...",
  "Hỗ trợ chuyển giao tiến bộ kỹ thuật ..." }
