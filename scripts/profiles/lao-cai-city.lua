-- lao-cai-city.lua — the district profile of Lào Cai city (Lào Cai province) at the end of
-- 2020, for `kehoach db generate`: its 17 communes and wards, how many households each has,
-- where poverty sits, the households the 2021 plan works with, and how 2021 went (its
-- events and the year-end review under the 2022-2025 standard). Everything the
-- generator knows about Lào Cai is here; the generator itself (stdlib/kehoach/registry/
-- generate.lua) is the same for every district.
--
-- Counts are for the registry at `households` households. A larger registry
-- (--households N) scales every count up in proportion; a smaller one keeps the poverty
-- counts and needs as they are (so the plan's quotas stay fillable) and scales the rest
-- down. The households unable to escape poverty are a list the city decided on: their
-- number and persons never scale.
return {
  name = "Thành phố Lào Cai",
  households = 37500,        -- 90 households escaping poverty are 0.24% of them
  seed = 2021,

  -- the annual review the registry holds, and the standard it was made under
  survey = { year = 2020, standard = "vn-2016" },

  province = { code = "10", name = "Lào Cai", kind = "tỉnh" },
  district = { code = "080", name = "Thành phố Lào Cai", kind = "thành phố" },

  -- Per commune: official-style code, name, kind (phường = urban), households at the
  -- profile's size, villages (tổ dân phố / thôn), share of ethnic-minority households
  -- (all, and among poor and near-poor), recognised poor and near-poor households,
  -- households unable to escape poverty (among the poor), and needs registered by
  -- poor households able to escape (exact counts; other kinds follow need_rates).
  -- Difficult: the communes with the plan's "thôn đặc biệt khó khăn".
  -- `next` is the commune's 2021 (see next_year below): households that escaped poverty in
  -- each quarter, newly poor (fell_into) and falling back (re_poor) households, all under
  -- vn-2016; and the poor and near-poor households the year-end review recognises under
  -- vn-2022.
  communes = {
    { code = "02602", name = "Duyên Hải", kind = "phường", households = 2600, villages = 14,
      ethnic_minority = { 0.08, 0.30 }, poor = 3, near_poor = 18, unable_to_escape = 2,
      next = { escaped = { 0, 0, 0, 0 }, fell_into = 0, re_poor = 0, poor = 5, near_poor = 30 } },
    { code = "02605", name = "Lào Cai", kind = "phường", households = 2900, villages = 16,
      ethnic_minority = { 0.07, 0.25 }, poor = 3, near_poor = 17, unable_to_escape = 2,
      next = { escaped = { 0, 0, 0, 0 }, fell_into = 0, re_poor = 0, poor = 5, near_poor = 28 } },
    { code = "02608", name = "Cốc Lếu", kind = "phường", households = 3700, villages = 20,
      ethnic_minority = { 0.06, 0.25 }, poor = 3, near_poor = 16, unable_to_escape = 2,
      next = { escaped = { 0, 0, 0, 0 }, fell_into = 0, re_poor = 0, poor = 4, near_poor = 26 } },
    { code = "02611", name = "Kim Tân", kind = "phường", households = 4000, villages = 22,
      ethnic_minority = { 0.07, 0.25 }, poor = 4, near_poor = 22, unable_to_escape = 2,
      next = { escaped = { 0, 0, 0, 0 }, fell_into = 0, re_poor = 0, poor = 6, near_poor = 35 } },
    { code = "02614", name = "Bắc Lệnh", kind = "phường", households = 3500, villages = 18,
      ethnic_minority = { 0.10, 0.30 }, poor = 4, near_poor = 24, unable_to_escape = 2,
      next = { escaped = { 0, 0, 0, 0 }, fell_into = 1, re_poor = 0, poor = 8, near_poor = 38 } },
    { code = "02617", name = "Pom Hán", kind = "phường", households = 2900, villages = 15,
      ethnic_minority = { 0.10, 0.35 }, poor = 4, near_poor = 22, unable_to_escape = 1,
      next = { escaped = { 0, 0, 0, 0 }, fell_into = 0, re_poor = 0, poor = 7, near_poor = 36 } },
    { code = "02620", name = "Xuân Tăng", kind = "phường", households = 1800, villages = 10,
      ethnic_minority = { 0.15, 0.40 }, poor = 4, near_poor = 20, unable_to_escape = 2,
      next = { escaped = { 0, 0, 0, 0 }, fell_into = 1, re_poor = 0, poor = 8, near_poor = 32 } },
    { code = "02623", name = "Bình Minh", kind = "phường", households = 2000, villages = 11,
      ethnic_minority = { 0.12, 0.35 }, poor = 4, near_poor = 20, unable_to_escape = 2,
      next = { escaped = { 0, 0, 0, 0 }, fell_into = 0, re_poor = 0, poor = 7, near_poor = 33 } },
    { code = "02626", name = "Thống Nhất", kind = "xã", difficult = true, households = 900,
      villages = 10, ethnic_minority = { 0.45, 0.85 }, poor = 75, near_poor = 62,
      unable_to_escape = 12, needs = { credit = 46, housing = 18, training = 3 },
      next = { escaped = { 1, 2, 7, 28 }, fell_into = 3, re_poor = 2, poor = 80, near_poor = 88 } },
    { code = "02629", name = "Đồng Tuyển", kind = "xã", households = 1300, villages = 10,
      ethnic_minority = { 0.25, 0.60 }, poor = 5, near_poor = 30, unable_to_escape = 2,
      next = { escaped = { 0, 0, 0, 1 }, fell_into = 0, re_poor = 0, poor = 10, near_poor = 45 } },
    { code = "02632", name = "Vạn Hòa", kind = "xã", households = 600, villages = 8,
      ethnic_minority = { 0.20, 0.50 }, poor = 5, near_poor = 22, unable_to_escape = 2,
      needs = { livestock = 2 },
      next = { escaped = { 0, 0, 0, 1 }, fell_into = 0, re_poor = 0, poor = 9, near_poor = 34 } },
    { code = "02635", name = "Bắc Cường", kind = "phường", households = 3600, villages = 19,
      ethnic_minority = { 0.06, 0.25 }, poor = 4, near_poor = 18, unable_to_escape = 2,
      next = { escaped = { 0, 0, 0, 0 }, fell_into = 0, re_poor = 0, poor = 6, near_poor = 30 } },
    { code = "02638", name = "Nam Cường", kind = "phường", households = 2600, villages = 14,
      ethnic_minority = { 0.08, 0.30 }, poor = 4, near_poor = 20, unable_to_escape = 1,
      needs = { training = 2 },
      next = { escaped = { 0, 0, 0, 1 }, fell_into = 0, re_poor = 0, poor = 6, near_poor = 32 } },
    { code = "02641", name = "Cam Đường", kind = "xã", households = 2100, villages = 14,
      ethnic_minority = { 0.30, 0.60 }, poor = 6, near_poor = 34, unable_to_escape = 2,
      next = { escaped = { 0, 0, 1, 1 }, fell_into = 1, re_poor = 0, poor = 13, near_poor = 52 } },
    { code = "02644", name = "Tả Phời", kind = "xã", difficult = true, households = 1050,
      villages = 11, ethnic_minority = { 0.70, 0.95 }, poor = 55, near_poor = 52,
      unable_to_escape = 10, needs = { credit = 13, housing = 10, livestock = 3, training = 18 },
      next = { escaped = { 0, 4, 6, 21 }, fell_into = 2, re_poor = 1, poor = 62, near_poor = 80 } },
    { code = "02647", name = "Hợp Thành", kind = "xã", difficult = true, households = 850,
      villages = 9, ethnic_minority = { 0.55, 0.90 }, poor = 30, near_poor = 36,
      unable_to_escape = 7, needs = { credit = 5, housing = 10, livestock = 9 },
      next = { escaped = { 2, 3, 3, 7 }, fell_into = 2, re_poor = 1, poor = 38, near_poor = 52 } },
    { code = "02746", name = "Cốc San", kind = "xã", difficult = true, households = 1100,
      villages = 9, ethnic_minority = { 0.45, 0.85 }, poor = 12, near_poor = 30,
      unable_to_escape = 4, needs = { credit = 2, housing = 6, livestock = 4 },
      next = { escaped = { 0, 0, 1, 2 }, fell_into = 1, re_poor = 0, poor = 18, near_poor = 44 } },
  },

  -- ---- 2021: the year after the review --------------------------------------------------
  -- What happened in 2021, for `kehoach progress` (the events) and the 2022 plan (the
  -- year-end review). `kehoach db generate --events-until DATE` keeps the events up to DATE,
  -- and the review only when DATE reaches its date.
  --
  -- Escapes (communes' `next.escaped`, by quarter) follow the 2021 plan's target of 90
  -- households (Tả Phời 30, Thống Nhất 40, Hợp Thành 15, Cốc San 2, Nam Cường, Pom Hán, Vạn
  -- Hoà 1 each) as a year goes: 92 in all, Thống Nhất two short (38), Tả Phời one over (31),
  -- Pom Hán's one not made, one each in Cam Đường (2) and Đồng Tuyển that the plan did not
  -- count on; most in Q4, when the review recognises them. Households with the needs the
  -- plan's supports serve escape more readily (escape_weights). 11 newly poor and 4
  -- falling back, mostly in the four difficult communes. Under vn-2016 the city ends 2021
  -- with 143 poor households (0.38%, from 0.60%).
  --
  -- The year-end review is made under vn-2022 (NĐ 07/2021/NĐ-CP), which recognises the poor
  -- households of 2022. Its line is more than twice the old one (1,500,000 rural /
  -- 2,000,000 urban against 700,000 / 900,000), but a household under it is poor only with
  -- 3 or more of its 12 deprivations — near-poor with fewer. So the recognised poor rise to
  -- 292 (0.79%): twice the old standard's count at the same review, a little more than the
  -- national rise from 2.23% to 4.03% (1.8 times), because the city's poor and near-poor live
  -- mostly in Thống Nhất, Tả Phời, Hợp Thành and Cốc San, where housing, clean water,
  -- latrines, and now nutrition and stable work are commonly lacking (poor 80, 62, 38, 18
  -- there). In the wards, where few households lack 3 things, the new line mostly makes
  -- near-poor households: 715 in the city (1.92%, from 463).
  next_year = {
    year = 2021,
    review = { standard = "vn-2022", date = "2021-12-31" },
    -- nominal income per person, 2020 to 2021: COVID-19 kept it nearly flat (mean +3%)
    growth = { mean = 0.03, spread = 0.10 },
    persist = 0.85,       -- a 2020 deprivation still there at the review
    -- the two deprivations vn-2016 did not ask, drawn by the household's 2020 status;
    -- dependants (d_dependants) are counted: more than half the members unable to work
    new_deprivations = {
      d_employment = { poor = 0.40, near_poor = 0.25, other = 0.05 },
      d_nutrition = { poor = 0.30, near_poor = 0.15, other = 0.02 },
    },
    moved = 0.005,        -- households moving away in the year
    dissolved = { all = 0.001, alone = 0.02, unable = 0.05 },  -- households ending
    escape_weights = { credit = 3, livestock = 3, housing = 2, training = 2 },
    fell_weights = { near_poor = 4, middle = 1 },
    escaped_income = { 1.05, 1.45 },   -- an escape lifts income to this × the poor line ...
    fallen_income = { 0.60, 0.98 },    -- ... a fall cuts it to this × the poor line
    needs_kept = 0.5,     -- a 2020 need registered again by a household still poor or near-poor
    -- needs registered at the review of 2021 (beyond those kept): the 2021-2025 national
    -- target programme (QĐ 90/QĐ-TTg) funds production and livelihood projects, so
    -- breeding livestock is asked for as well as credit
    need_rates = {
      poor = { credit = 0.35, livestock = 0.15, training = 0.15, housing = 0.12, employment = 0.10,
        education = 0.08 },
      near_poor = { credit = 0.15, livestock = 0.05, training = 0.08, employment = 0.06, education = 0.04 },
    },
  },

  -- the households unable to escape poverty: exactly this many, with this many persons
  unable_to_escape = { households = 57, persons = 105 },

  -- shares of households, by area: middle-income (of all), deprivation-poor (of the poor
  -- able to escape; the others are income-poor)
  middle = { urban = 0.04, rural = 0.09 },
  deprivation_poor = 0.30,

  -- needs registered at the review, as the share of households that have them, where a
  -- commune gives no exact count
  need_rates = {
    poor = { credit = 0.30, training = 0.10, housing = 0.08, employment = 0.10, education = 0.08 },
    near_poor = { credit = 0.15, training = 0.06, employment = 0.05, education = 0.04 },
  },

  -- incomes in VND per person per month, as shares of the standard's lines: the poor able
  -- to escape sit between income_poor_floor × poor line and the line; those unable lower
  incomes = { income_poor_floor = 0.5, unable_floor = 0.25, unable_ceiling = 0.7,
    non_poor_ceiling = 4.0, step = 1000 },

  -- how many deprivations households have, by what they are: weights for 0, 1, 2, ...
  deprivations = {
    income_poor = { 15, 25, 25, 20, 10, 5 },
    unable = { 10, 20, 30, 25, 15 },
    deprivation_poor = { 0, 0, 0, 60, 30, 10 },
    near_poor = { 30, 40, 30 },
    middle = { 60, 30, 10 },
    non_poor = { 90, 10 },
  },
  -- which indicators are the likely ones, rural and urban (weights; others weigh 1)
  indicator_weights = {
    rural = { d_housing_quality = 6, d_water = 5, d_latrine = 6, d_information = 3,
      d_adult_education = 3, d_health_insurance = 1, d_health_access = 2, d_housing_area = 2 },
    urban = { d_housing_area = 5, d_information = 3, d_adult_education = 2, d_latrine = 2 },
  },

  -- persons per household: weights for 1, 2, 3, ... (about 3.4 on average)
  household_size = { 8, 18, 27, 29, 12, 4, 1.5, 0.5 },

  -- names, by whether the household belongs to an ethnic minority (Dao, H'Mông, Tày,
  -- Giáy, Nùng live in the city's communes)
  names = {
    majority = {
      family = { "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi", "Đặng", "Ngô",
        "Dương", "Đinh", "Lương", "Trịnh", "Phan" },
      middle = { M = { "Văn", "Đức", "Minh", "Quốc", "Xuân" }, F = { "Thị", "Thu", "Ngọc", "Thanh" } },
      given = {
        M = { "Hùng", "Dũng", "Tuấn", "Minh", "Hải", "Long", "Nam", "Sơn", "Thắng", "Quang",
          "Bình", "Đức", "Cường", "Hòa", "Phong", "Trung", "Khánh", "Việt" },
        F = { "Lan", "Hương", "Hoa", "Mai", "Hằng", "Thảo", "Linh", "Ngọc", "Yến", "Thủy",
          "Nga", "Dung", "Huệ", "Trang", "Hạnh", "Loan" },
      },
    },
    minority = {
      family = { "Lý", "Giàng", "Sùng", "Vàng", "Lò", "Hoàng", "Chảo", "Tẩn", "Phàn", "Sần",
        "Lù", "Ma", "Triệu", "Đặng", "Thào" },
      middle = { M = { "A", "Seo", "Văn", "Láo", "Chấn" }, F = { "Thị", "Seo", "Mẩy" } },
      given = {
        M = { "Páo", "Chứ", "Lở", "Vần", "Chính", "Sình", "Dìn", "Phủ", "Tả", "Lồng", "Chúng",
          "Sử", "Pao", "Sáng" },
        F = { "Mẩy", "Dợ", "Sử", "Mỷ", "Sênh", "Cở", "Xá", "Pà", "Mai", "Chang", "Dế", "Súa" },
      },
    },
  },
}
