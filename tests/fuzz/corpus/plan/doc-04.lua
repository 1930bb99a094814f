plan { id = "mau-2021", title = "Kế hoạch mẫu", unit = "Thành phố Mẫu", year = 2021, standard = "vn-2016" }
support "vay_von" {
  label = "Hỗ trợ hộ nghèo vay vốn tín dụng",
  who = { status = "poor", need = "credit" },
  quota = { { "Thống Nhất", 39 }, { "Tả Phời", 9 } }, households = 48,
  priority = "lowest_income",
  amount = per_household(million(50)),   -- 2.400 triệu ÷ 48 hộ
  quarters = "Q1-Q2", source = "von_vay", by = "nhcsxh",
  effect = { income = 200000, from = "Q3", note = "an assumption" },
}
