plan { id = "lao-cai-city-2021", title = "Kế hoạch ...", unit = "Thành phố Lào Cai",
       year = 2021, standard = "vn-2016" }

support "tro_cap" {
  label = "Hỗ trợ hộ nghèo không có khả năng thoát nghèo",
  who = { status = "poor", unable_to_escape = true },
  amount = per_person_month(250000), months = "01-12",
  source = "ngan_sach_thanh_pho", by = "ubnd_xa",
}
