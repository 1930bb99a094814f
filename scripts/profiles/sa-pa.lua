-- sa-pa.lua — the district profile of Sa Pa town (thị xã Sa Pa, Lào Cai province) at the
-- end of 2020, for `kehoach db generate --profile scripts/profiles/sa-pa.lua`: a second
-- district for the same engine, with nothing about it anywhere but here and in its plan
-- (plans/sa-pa-2021.lua).
--
-- Sa Pa became a town (thị xã) on 01/01/2020 (Nghị quyết 767/NQ-UBTVQH14 of 11/9/2019):
-- six wards and ten communes, high in the Hoàng Liên mountains. Most of its people are
-- H'Mông, Dao, Giáy, Tày and Xá Phó; the wards around the old town live from tourism, the
-- communes from terraced rice, maize, cardamom, buffalo and pigs. Poverty is an order of
-- magnitude above Lào Cai city's: about 13% of households under vn-2016 at the end of 2020
-- (the city: 0.6%), almost all of them ethnic-minority households in the communes.
--
-- Research-grade plausible, not an official list: the units are Sa Pa's as of 2021; their
-- codes follow the style of the national list (province 10, town 088) but were not checked
-- one by one; households and poverty are our estimates at the town's scale (about 15,000
-- households, 68,000 persons).
return {
  name = "Thị xã Sa Pa",
  households = 15100,
  seed = 2020,

  survey = { year = 2020, standard = "vn-2016" },

  province = { code = "10", name = "Lào Cai", kind = "tỉnh" },
  district = { code = "088", name = "Thị xã Sa Pa", kind = "thị xã" },

  -- Per unit: households, villages (tổ dân phố in wards, thôn in communes), the share of
  -- ethnic-minority households (all, and among the poor and near-poor), the recognised poor
  -- and near-poor households, those unable to escape poverty, and needs registered by the
  -- poor able to escape that the 2021 plan's quotas draw on. Every commune (xã) is an
  -- especially difficult one (Chương trình 135).
  communes = {
    { code = "02893", name = "Sa Pa", kind = "phường", households = 2300, villages = 12,
      ethnic_minority = { 0.35, 0.80 }, poor = 25, near_poor = 60, unable_to_escape = 2 },
    { code = "02896", name = "Sa Pả", kind = "phường", households = 900, villages = 8,
      ethnic_minority = { 0.75, 0.95 }, poor = 55, near_poor = 70, unable_to_escape = 2 },
    { code = "02899", name = "Ô Quý Hồ", kind = "phường", households = 700, villages = 9,
      ethnic_minority = { 0.85, 0.98 }, poor = 70, near_poor = 60, unable_to_escape = 3,
      needs = { housing = 4 } },
    { code = "02902", name = "Ngũ Chỉ Sơn", kind = "xã", difficult = true, households = 800,
      villages = 8, ethnic_minority = { 0.97, 0.99 }, poor = 190, near_poor = 90, unable_to_escape = 5,
      needs = { credit = 26, livestock = 20, housing = 12 } },
    { code = "02905", name = "Phan Si Păng", kind = "phường", households = 1100, villages = 10,
      ethnic_minority = { 0.55, 0.90 }, poor = 40, near_poor = 70, unable_to_escape = 2 },
    { code = "02908", name = "Trung Chải", kind = "xã", difficult = true, households = 750,
      villages = 8, ethnic_minority = { 0.96, 0.99 }, poor = 170, near_poor = 90, unable_to_escape = 5,
      needs = { credit = 24, livestock = 20, housing = 10 } },
    { code = "02911", name = "Tả Phìn", kind = "xã", difficult = true, households = 750,
      villages = 7, ethnic_minority = { 0.95, 0.99 }, poor = 120, near_poor = 80, unable_to_escape = 4,
      needs = { credit = 15, training = 15 } },
    { code = "02914", name = "Hàm Rồng", kind = "phường", households = 1300, villages = 10,
      ethnic_minority = { 0.50, 0.90 }, poor = 35, near_poor = 60, unable_to_escape = 2 },
    { code = "02917", name = "Hoàng Liên", kind = "xã", difficult = true, households = 1100,
      villages = 11, ethnic_minority = { 0.95, 0.99 }, poor = 200, near_poor = 110, unable_to_escape = 6,
      needs = { credit = 30, livestock = 20, housing = 12 } },
    { code = "02920", name = "Thanh Bình", kind = "xã", difficult = true, households = 600,
      villages = 6, ethnic_minority = { 0.97, 0.99 }, poor = 150, near_poor = 70, unable_to_escape = 4,
      needs = { credit = 20, housing = 9, training = 8 } },
    { code = "02923", name = "Cầu Mây", kind = "phường", households = 900, villages = 7,
      ethnic_minority = { 0.80, 0.95 }, poor = 60, near_poor = 65, unable_to_escape = 3,
      needs = { housing = 4 } },
    { code = "02926", name = "Mường Hoa", kind = "xã", difficult = true, households = 900,
      villages = 9, ethnic_minority = { 0.96, 0.99 }, poor = 190, near_poor = 90, unable_to_escape = 5,
      needs = { credit = 24, housing = 10, training = 10 } },
    { code = "02929", name = "Tả Van", kind = "xã", difficult = true, households = 900,
      villages = 8, ethnic_minority = { 0.95, 0.99 }, poor = 110, near_poor = 80, unable_to_escape = 3,
      needs = { credit = 12, training = 20 } },
    { code = "02932", name = "Mường Bo", kind = "xã", difficult = true, households = 850,
      villages = 8, ethnic_minority = { 0.96, 0.99 }, poor = 200, near_poor = 90, unable_to_escape = 5,
      needs = { credit = 30, livestock = 20, housing = 12 } },
    { code = "02935", name = "Bản Hồ", kind = "xã", difficult = true, households = 700,
      villages = 7, ethnic_minority = { 0.98, 0.99 }, poor = 180, near_poor = 80, unable_to_escape = 5,
      needs = { credit = 28, housing = 12, training = 14 } },
    { code = "02938", name = "Liên Minh", kind = "xã", difficult = true, households = 550,
      villages = 6, ethnic_minority = { 0.97, 0.99 }, poor = 160, near_poor = 60, unable_to_escape = 4,
      needs = { credit = 12, livestock = 14, housing = 6 } },
  },

  -- the households the town recognised unable to escape poverty (mostly old people alone)
  unable_to_escape = { households = 60, persons = 120 },

  middle = { urban = 0.08, rural = 0.12 },
  deprivation_poor = 0.35,

  need_rates = {
    poor = { credit = 0.30, livestock = 0.15, training = 0.10, housing = 0.10, employment = 0.10,
      education = 0.12 },
    near_poor = { credit = 0.20, livestock = 0.08, training = 0.08, employment = 0.05, education = 0.06 },
  },

  incomes = { income_poor_floor = 0.45, unable_floor = 0.25, unable_ceiling = 0.7,
    non_poor_ceiling = 3.5, step = 1000 },

  -- more deprivations than in the city: houses of wood and earth, water carried from
  -- streams, few latrines, adults who did not go to school
  deprivations = {
    income_poor = { 5, 15, 25, 25, 18, 12 },
    unable = { 5, 15, 30, 30, 20 },
    deprivation_poor = { 0, 0, 0, 50, 35, 15 },
    near_poor = { 20, 40, 40 },
    middle = { 40, 40, 20 },
    non_poor = { 75, 25 },
  },
  indicator_weights = {
    rural = { d_housing_quality = 6, d_water = 5, d_latrine = 7, d_information = 3,
      d_adult_education = 6, d_health_access = 3, d_telecom = 2, d_housing_area = 2 },
    urban = { d_housing_area = 4, d_information = 2, d_adult_education = 3, d_latrine = 3 },
  },

  -- persons per household, 1 to 10: H'Mông and Dao households are large (about 4.5)
  household_size = { 4, 10, 16, 22, 18, 13, 8, 5, 3, 1 },

  names = {
    majority = {
      family = { "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi", "Đặng", "Ngô", "Dương" },
      middle = { M = { "Văn", "Đức", "Minh", "Quốc" }, F = { "Thị", "Thu", "Ngọc", "Thanh" } },
      given = {
        M = { "Hùng", "Dũng", "Tuấn", "Minh", "Hải", "Long", "Nam", "Sơn", "Thắng", "Quang", "Bình" },
        F = { "Lan", "Hương", "Hoa", "Mai", "Hằng", "Thảo", "Linh", "Ngọc", "Yến", "Thủy", "Nga" },
      },
    },
    -- H'Mông (Giàng, Sùng, Vàng, Thào, Hầu, Lù, Ma), Dao (Tẩn, Lý, Chảo, Phàn, San),
    -- Giáy and Tày (Hoàng, Lò, Vương)
    minority = {
      family = { "Giàng", "Sùng", "Vàng", "Thào", "Hầu", "Lù", "Ma", "Tẩn", "Lý", "Chảo", "Phàn",
        "San", "Hoàng", "Lò", "Vương" },
      middle = { M = { "A", "Seo", "Văn", "Láo", "Phủ" }, F = { "Thị", "Seo", "Mẩy", "Lở" } },
      given = {
        M = { "Páo", "Chử", "Sử", "Lử", "Chá", "Dình", "Pó", "Quẩy", "Chòi", "Dùn", "Kiềm", "Sình",
          "Tráng", "Vư" },
        F = { "Mỷ", "Mai", "Sử", "Chở", "Dợ", "Pàng", "Só", "Mẩy", "Tả Mẩy", "Lìa", "Xá", "Ly" },
      },
    },
  },
}
