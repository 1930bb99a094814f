-- vn2022.lua — the multidimensional poverty standard of 2022–2025: NĐ 07/2021/NĐ-CP.
-- Data only; kehoach.standards compiles the rule. NĐ 351/2025/NĐ-CP keeps it in force
-- through 2026 (from 1/1/2026 to 31/12/2026); its own lines (vn-2026) apply from 2027.
--
-- Poor: income at or below the line with 3 or more of the 12 deprivations. Near-poor: at
-- or below the line with fewer than 3. Middle: above the line up to the middle line.
-- The standard has one line for poor and near-poor, so there is no income-poor /
-- deprivation-poor split: every poor household is both (kind is NULL).
return {
  name = "vn-2022",
  title = "Chuẩn nghèo đa chiều giai đoạn 2021 - 2025",
  reference = "Nghị định số 07/2021/NĐ-CP ngày 27/01/2021 của Chính phủ",
  from_year = 2022,
  to_year = 2026,
  lines = {
    poor = { rural = 1500000, urban = 2000000 },
    near_poor = { rural = 1500000, urban = 2000000 },
    middle = { rural = 2250000, urban = 3000000 },
  },
  -- the twelve indicators of the six dimensions, in the decree's order
  indicators = {
    "d_employment", "d_dependants",
    "d_nutrition", "d_health_insurance",
    "d_adult_education", "d_child_schooling",
    "d_housing_quality", "d_housing_area",
    "d_water", "d_latrine",
    "d_telecom", "d_information",
  },
  rule = {
    { status = "poor", income_max = "poor", min_deprivations = 3 },
    { status = "near_poor", income_max = "poor" },
    { status = "middle", income_max = "middle" },
    { status = "non_poor" },
  },
}
