-- vn2016.lua — the multidimensional poverty standard of 2016–2020 (applied through the
-- review of 2021): QĐ 59/2015/QĐ-TTg. Data only; kehoach.standards compiles the rule.
--
-- Poor: income at or below the poor line (income-poor), or above it up to the near-poor
-- line with 3 or more of the 10 deprivations (deprivation-poor). Near-poor: above the poor
-- line up to the near-poor line with fewer than 3. Middle: above the near-poor line up to
-- the middle line (Art. 2.3).
return {
  name = "vn-2016",
  title = "Chuẩn nghèo tiếp cận đa chiều áp dụng cho giai đoạn 2016 - 2020",
  reference = "Quyết định số 59/2015/QĐ-TTg ngày 19/11/2015 của Thủ tướng Chính phủ",
  from_year = 2016,
  to_year = 2021,
  -- VND per person per month
  lines = {
    poor = { rural = 700000, urban = 900000 },
    near_poor = { rural = 1000000, urban = 1300000 },
    middle = { rural = 1500000, urban = 1950000 },
  },
  -- the ten indicators, in the decision's order, as registry columns
  indicators = {
    "d_health_access", "d_health_insurance",
    "d_adult_education", "d_child_schooling",
    "d_housing_quality", "d_housing_area",
    "d_water", "d_latrine",
    "d_telecom", "d_information",
  },
  -- where the decision words an indicator differently from the registry's label
  labels = {
    d_latrine = "Hố xí/nhà tiêu hợp vệ sinh",
    d_information = "Tài sản phục vụ tiếp cận thông tin",
  },
  -- The rule: the first clause a household meets gives its status. income_max names a
  -- line (income at or below it); min_deprivations a count of deprivations at least.
  rule = {
    { status = "poor", kind = "income", income_max = "poor" },
    { status = "poor", kind = "deprivation", income_max = "near_poor", min_deprivations = 3 },
    { status = "near_poor", income_max = "near_poor" },
    { status = "middle", income_max = "middle" },
    { status = "non_poor" },
  },
}
