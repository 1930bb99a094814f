plan { id = "lao-cai-city-2021", title = "Kế hoạch ...", unit = "Thành phố Lào Cai",
  year = 2021, standard = "vn-2016", issued = "2021-04",
  objectives = { "Giảm {giam_ho_ngheo.households} hộ nghèo, tỷ lệ hộ nghèo giảm {giam_ho_ngheo.rate_points}%." } }
