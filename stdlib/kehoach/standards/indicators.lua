-- indicators.lua — the registry's 13 deprivation indicators (surveys.d_*, the union of the
-- two standards) with the Vietnamese label the legal texts give them. A standard lists the
-- ones it counts and overrides a label where its own text words it differently.
return {
  d_employment = "Việc làm",
  d_dependants = "Người phụ thuộc trong hộ gia đình",
  d_nutrition = "Dinh dưỡng",
  d_health_access = "Tiếp cận các dịch vụ y tế",
  d_health_insurance = "Bảo hiểm y tế",
  d_adult_education = "Trình độ giáo dục của người lớn",
  d_child_schooling = "Tình trạng đi học của trẻ em",
  d_housing_quality = "Chất lượng nhà ở",
  d_housing_area = "Diện tích nhà ở bình quân đầu người",
  d_water = "Nguồn nước sinh hoạt",
  d_latrine = "Nhà tiêu hợp vệ sinh",
  d_telecom = "Sử dụng dịch vụ viễn thông",
  d_information = "Phương tiện phục vụ tiếp cận thông tin",
}
