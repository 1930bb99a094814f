-- vn2026.lua — the national multidimensional poverty standard of 2026–2030: NĐ 351/2025/NĐ-CP.
-- Data only; kehoach.standards checks it and compiles the rule (a file of this form beside a
-- plan or a registry is a standard of the user's own: docs/registry.md says how).
--
-- What the decree says, as reported when it was issued (its text was not found to read):
--   - for 2026 the 2022–2025 standard (NĐ 07/2021/NĐ-CP, Art. 3) continues, from 1/1/2026
--     to 31/12/2026: a plan for 2026 uses vn-2022; this standard's lines apply from 2027;
--   - for 2027–2030 the income line is 2.200.000 đồng per person per month in rural areas and
--     2.800.000 in urban areas;
--   - poor: income at or below the line and lacking 3 or more of the indicators of access to
--     basic social services; near-poor: income at or below the line and lacking fewer than 3.
--   Sources: "Nâng chuẩn nghèo đa chiều quốc gia giai đoạn 2027-2030", Sài Gòn Giải Phóng,
--   31/12/2025, https://www.sggp.org.vn/nang-chuan-ngheo-da-chieu-quoc-gia-giai-doan-2027-2030-post831518.html;
--   "Chuẩn nghèo đa chiều quốc gia giai đoạn 2026-2030", Huế Ngày Nay,
--   https://huengaynay.vn/chinh-tri-xa-hoi/an-sinh-xa-hoi/chuan-ngheo-da-chieu-quoc-gia-giai-doan-2026-2030-161540.html;
--   and kehoach's issue 13, which lists the twelve indicators in six dimensions.
--
-- What this file assumes (the sources above do not give it):
--   - the middle-income line (hộ có mức sống trung bình): 3.300.000 rural, 4.200.000 urban,
--     1,5 times the poverty line, as both earlier standards set it (NĐ 07/2021: 2.250.000 =
--     1,5 × 1.500.000; QĐ 59/2015: 1.500.000 = 1,5 × 1.000.000). Replace it when the decree's
--     own figure is known; only middle-income counts depend on it;
--   - the twelve indicators are the registry's twelve columns of vn-2022, in the same
--     dimensions: employment (d_employment, d_dependants), health (d_nutrition,
--     d_health_insurance), education (d_adult_education, d_child_schooling), housing
--     (d_housing_quality, d_housing_area), water and sanitation (d_water, d_latrine),
--     information (d_telecom, d_information). When a household lacks one is the review's
--     business (the decree's thresholds per indicator are not encoded here): kehoach
--     counts the indicators the review recorded as 1.
return {
  name = "vn-2026",
  title = "Chuẩn nghèo đa chiều quốc gia giai đoạn 2026 - 2030",
  reference = "Nghị định số 351/2025/NĐ-CP ngày 30/12/2025 của Chính phủ",
  -- the decree's lines apply from 2027; in 2026 the standard in force is vn-2022
  from_year = 2027,
  to_year = 2030,
  lines = {
    poor = { rural = 2200000, urban = 2800000 },
    near_poor = { rural = 2200000, urban = 2800000 },
    middle = { rural = 3300000, urban = 4200000 },  -- assumed: 1,5 × the poverty line
  },
  -- the twelve indicators of the six dimensions
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
