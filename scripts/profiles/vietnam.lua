-- vietnam.lua — the profile of the whole country as it is from 1 July 2025 (34 provinces and
-- cities, 3.321 communes and wards, no district level), at the end of 2026, for the national
-- plan plans/viet-nam-2027.lua. A three-level tree: the country, its 34 provinces, their
-- communes.
--
--   make data/vietnam-sample.db   the profile at its own size: a 1-IN-200 SAMPLE of the
--                                 country's households (155.200), the registry make test
--                                 runs the national plan on
--   make national                 data/national.db: the country at full size, 31.040.000
--                                 households (kehoach db generate ... --households 31040000)
--
-- WHAT IS REAL (sources):
--   * the 34 provinces and cities and their codes: Công văn 915/CTK-CSCL of the Cục Thống kê
--     (the codes of the 34 units after Nghị quyết 202/2025/QH15 of 12/6/2025), as the dataset
--     dvhcvn/20250701 gives it (input/docs/915_CTK-CSCL.csv; MIT licence, © 2025 dvhcvn,
--     https://github.com/dvhcvn/20250701);
--   * how many communes and wards each has (3.321 in all): the 34 resolutions of the Ủy ban
--     Thường vụ Quốc hội on arranging commune-level units (Nghị quyết 1654 to 1687/NQ-UBTVQH15,
--     June 2025) and Công văn 1027/CTK-CSCL (25/6/2025), Phụ lục I, in the same dataset
--     (input/docs/1027_CTK-CSCL.md); the counts add up to the list's 3.321, and those of the
--     first thirteen (Hà Nội to Hải Phòng, the list's rows 1 to 1.135) were checked against
--     the list's rows; the other 21 were not. (The list also has four đặc khu — Vân Đồn, Cô
--     Tô, Cát Hải, Bạch Long Vĩ — counted here as communes: the registry has no such kind.)
--   * the national totals the registry is calibrated to: at the end of 2024, 599.608 poor
--     households (1,93%) and 1.258.997 poor and near-poor (4,06%), so 659.389 near-poor, under
--     the 2022-2025 standard (Quyết định 217/QĐ-BLĐTBXH, 04/02/2025, as Báo Yên Bái reported
--     it on 12/02/2025); the households of the country are what those rates imply,
--     599.608 ÷ 1,93% ≈ 31.040.000; in the northern midlands and mountains 8,72% were poor
--     (the same decision), the rate the mountain provinces below are given.
--
-- WHAT IS A PLACEHOLDER (no source was used; each figure is derived as said here):
--   * EVERY COMMUNE'S NAME AND CODE IS GENERATED: "Cao Bằng 012" is the 12th commune of Cao
--     Bằng, its code G04012 ("G": generated, never an official code). The real names and
--     codes are in the dataset above (Công văn 1027); they are not copied here yet.
--   * which communes are wards (phường): Hà Nội 51, Thành phố Hồ Chí Minh 113, the other
--     cities a share, the provinces about an eighth; which are especially difficult (ĐBKK):
--     a share by region (most in the northern mountains, then the Central Highlands).
--   * each province's households: the country's 31.040.000 shared by population (the
--     arrangement's figures of 2024 as the press reported them, rounded to ten thousand:
--     approximate); within a province, communes get households by a fixed pattern of weights
--     (a ward three times a commune).
--   * each province's poor and near-poor: a rate by region (northern mountains 8,72%; Lào
--     Cai 8,3%, the research notes' estimate; Central Highlands 4%; north-central 3%; coast
--     and Mekong 1,5%; Red River delta 0,8%; Đồng Nai 0,3%; Hồ Chí Minh City 0,05%), all
--     scaled so that the country has exactly 599.608 poor and 659.389 near-poor households at
--     full size; within a province, by households, a ward weighing 0,2 and an ĐBKK commune 2.
--     The annex of QĐ 217 by province was not seen: replace these with it when found.
--   * households unable to escape poverty: 2% of the poor.
--   * ethnic minorities, household sizes, incomes, deprivations, needs and personal names:
--     plausible, not sourced. No `next_year`: the year after the review is not simulated.

-- The scale of this profile: one household here is SCALE households of the country.
local SCALE = 200
local HOUSEHOLDS = 31040000 // SCALE
local POOR, NEAR_POOR = 599608 / SCALE, 659389 / SCALE

-- code (CV 915), name, kind, communes, wards, population (millions, 2024), region
--   region: m northern mountains, h Central Highlands, n north-central, c coast, k Mekong,
--           d Red River delta, s south-east
local PROVINCES = {
  { "01", "Hà Nội", "thành phố", 126, 51, 8.72, "d" },
  { "04", "Cao Bằng", "tỉnh", 56, 3, 0.57, "m" },
  { "08", "Tuyên Quang", "tỉnh", 124, 7, 1.87, "m" },
  { "11", "Điện Biên", "tỉnh", 45, 3, 0.64, "m" },
  { "12", "Lai Châu", "tỉnh", 38, 2, 0.48, "m" },
  { "14", "Sơn La", "tỉnh", 75, 8, 1.30, "m" },
  { "15", "Lào Cai", "tỉnh", 99, 10, 1.78, "l" },
  { "19", "Thái Nguyên", "tỉnh", 92, 15, 1.80, "m" },
  { "20", "Lạng Sơn", "tỉnh", 65, 4, 0.80, "m" },
  { "22", "Quảng Ninh", "tỉnh", 54, 30, 1.38, "d" },
  { "24", "Bắc Ninh", "tỉnh", 99, 33, 3.62, "d" },
  { "25", "Phú Thọ", "tỉnh", 148, 15, 4.02, "p" },
  { "31", "Hải Phòng", "thành phố", 114, 45, 4.66, "d" },
  { "33", "Hưng Yên", "tỉnh", 104, 11, 3.57, "d" },
  { "37", "Ninh Bình", "tỉnh", 129, 32, 4.41, "d" },
  { "38", "Thanh Hóa", "tỉnh", 166, 19, 4.30, "n" },
  { "40", "Nghệ An", "tỉnh", 130, 11, 3.83, "n" },
  { "42", "Hà Tĩnh", "tỉnh", 69, 9, 1.62, "n" },
  { "44", "Quảng Trị", "tỉnh", 78, 8, 1.87, "n" },
  { "46", "Huế", "thành phố", 40, 21, 1.43, "c" },
  { "48", "Đà Nẵng", "thành phố", 94, 23, 3.07, "c" },
  { "51", "Quảng Ngãi", "tỉnh", 96, 9, 2.16, "c" },
  { "52", "Gia Lai", "tỉnh", 135, 25, 3.58, "h" },
  { "56", "Khánh Hòa", "tỉnh", 65, 16, 2.24, "c" },
  { "66", "Đắk Lắk", "tỉnh", 102, 14, 3.35, "h" },
  { "68", "Lâm Đồng", "tỉnh", 124, 20, 3.87, "h" },
  { "75", "Đồng Nai", "tỉnh", 95, 23, 4.49, "s" },
  { "79", "Hồ Chí Minh", "thành phố", 168, 113, 14.00, "x" },
  { "80", "Tây Ninh", "tỉnh", 96, 14, 3.25, "k" },
  { "82", "Đồng Tháp", "tỉnh", 102, 20, 4.37, "k" },
  { "86", "Vĩnh Long", "tỉnh", 124, 19, 4.26, "k" },
  { "91", "An Giang", "tỉnh", 102, 14, 4.95, "k" },
  { "92", "Cần Thơ", "thành phố", 103, 31, 4.20, "k" },
  { "96", "Cà Mau", "tỉnh", 64, 9, 2.61, "k" },
}

-- by region: poor rate, near-poor rate (before scaling to the national totals), share of
-- communes especially difficult, ethnic-minority shares { all, among the poor }
local REGION = {
  m = { 8.72, 6.26, 0.6, { 0.70, 0.90 } },
  l = { 8.30, 6.60, 0.6, { 0.57, 0.85 } },
  h = { 4.00, 4.50, 0.3, { 0.35, 0.60 } },
  p = { 2.50, 3.50, 0.2, { 0.20, 0.50 } },
  n = { 3.00, 4.00, 0.2, { 0.10, 0.30 } },
  c = { 1.50, 2.50, 0.1, { 0.05, 0.20 } },
  k = { 1.50, 2.50, 0.05, { 0.08, 0.25 } },
  d = { 0.80, 1.20, 0.0, { 0.02, 0.05 } },
  s = { 0.30, 0.60, 0.0, { 0.05, 0.10 } },
  x = { 0.05, 0.10, 0.0, { 0.03, 0.05 } },
}

local function round(x) return ((x + 0.5) // 1) | 0 end

-- the weights of everything, before the counts
local people, rated_poor, rated_near = 0, 0, 0
for i = 1, #PROVINCES do
  local pr = PROVINCES[i]
  local r = REGION[pr[7]]
  people = people + pr[6]
  rated_poor = rated_poor + pr[6] * r[1]
  rated_near = rated_near + pr[6] * r[2]
end

local units = { { code = "VN", name = "Việt Nam", level = "country" } }
local communes = {}
local total, unable_total, poor_sum, near_sum = 0, 0, 0, 0
-- running sums, rounded at each step, so that counts add up exactly
local cum_h, cum_p, cum_n, cum_u = 0.0, 0.0, 0.0, 0.0
local function math_min(a, b) return a < b and a or b end
for i = 1, #PROVINCES do
  local pr = PROVINCES[i]
  local code, name, kind, n, wards, pop, r = pr[1], pr[2], pr[3], pr[4], pr[5], pr[6], REGION[pr[7]]
  units[#units + 1] = { code = code, name = name, kind = kind, level = "province", parent = "VN" }
  local h0 = round(cum_h)
  cum_h = cum_h + HOUSEHOLDS * pop / people
  local hh = round(cum_h) - h0
  local p0 = round(cum_p)
  cum_p = cum_p + POOR * pop * r[1] / rated_poor
  local poor = round(cum_p) - p0
  local n0 = round(cum_n)
  cum_n = cum_n + NEAR_POOR * pop * r[2] / rated_near
  local near = round(cum_n) - n0
  -- the communes' weights: households, and poverty by kind and difficulty
  local w_h, w_p, list = 0, 0, {}
  for j = 1, n do
    local ward = j <= wards
    local difficult = not ward and ((j * 7) % 10) < r[3] * 10
    local wh = (1 + ((j * 37) % 11) / 10) * (ward and 3 or 1)
    local wp = wh * (ward and 0.2 or 1) * (difficult and 2 or 1)
    list[j] = { ward = ward, difficult = difficult, wh = wh, wp = wp }
    w_h, w_p = w_h + wh, w_p + wp
  end
  local ch, cp, cn = 0.0, 0.0, 0.0
  for j = 1, n do
    local c = list[j]
    local a, b, d = round(ch), round(cp), round(cn)
    ch, cp, cn = ch + hh * c.wh / w_h, cp + poor * c.wp / w_p, cn + near * c.wp / w_p
    local households, cpoor, cnear = round(ch) - a, round(cp) - b, round(cn) - d
    local u0 = round(cum_u)
    cum_u = cum_u + cpoor * 0.02
    local unable = math_min(round(cum_u) - u0, cpoor)
    local em = r[4]
    communes[#communes + 1] = {
      code = ("G%s%03d"):format(code, j),
      name = ("%s %03d"):format(name, j),
      kind = c.ward and "phường" or "xã",
      parent = code,
      difficult = c.difficult,
      households = households,
      villages = households // 20 + 1,
      ethnic_minority = { c.ward and em[1] / 4 or em[1], c.ward and em[2] / 2 or em[2] },
      poor = cpoor,
      near_poor = cnear,
      unable_to_escape = unable,
    }
    total, unable_total = total + households, unable_total + unable
    poor_sum, near_sum = poor_sum + cpoor, near_sum + cnear
  end
end

return {
  name = "Việt Nam",
  households = total,
  seed = 2026,
  survey = { year = 2026, standard = "vn-2026" },
  units = units,
  communes = communes,
  unable_to_escape = { households = unable_total, persons = unable_total * 3 // 2 },
  middle = { urban = 0.10, rural = 0.12 },
  -- under vn-2022 every poor household lacks 3 or more services: all are deprivation-poor
  deprivation_poor = 1,
  need_rates = {
    poor = { credit = 0.30, livestock = 0.15, training = 0.10, housing = 0.10, employment = 0.10,
      education = 0.12 },
    near_poor = { credit = 0.20, livestock = 0.08, training = 0.08, employment = 0.05, education = 0.06 },
  },
  incomes = { income_poor_floor = 0.45, unable_floor = 0.25, unable_ceiling = 0.7,
    non_poor_ceiling = 3.0, step = 1000 },
  deprivations = {
    income_poor = { 0, 0, 0, 1 },
    unable = { 0, 0, 0, 40, 35, 25 },
    deprivation_poor = { 0, 0, 0, 50, 35, 15 },
    near_poor = { 20, 40, 40 },
    middle = { 40, 40, 20 },
    non_poor = { 75, 25 },
  },
  indicator_weights = {
    rural = { d_housing_quality = 6, d_water = 5, d_latrine = 7, d_information = 3, d_adult_education = 5,
      d_employment = 4, d_nutrition = 3, d_telecom = 2, d_housing_area = 2 },
    urban = { d_housing_area = 4, d_information = 2, d_adult_education = 3, d_latrine = 3, d_employment = 3 },
  },
  -- persons per household, 1 to 10 (about 3,3: the country's 101 million in 31 million)
  household_size = { 14, 22, 24, 22, 10, 5, 2, 1, 0, 0 },
  names = {
    majority = {
      family = { "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
        "Hồ", "Ngô", "Dương", "Lý" },
      middle = { M = { "Văn", "Đức", "Minh", "Quốc", "Hữu" }, F = { "Thị", "Thu", "Ngọc", "Thanh", "Kim" } },
      given = {
        M = { "Hùng", "Dũng", "Tuấn", "Minh", "Hải", "Long", "Nam", "Sơn", "Thắng", "Quang", "Bình", "Phúc" },
        F = { "Lan", "Hương", "Hoa", "Mai", "Hằng", "Thảo", "Linh", "Ngọc", "Yến", "Thủy", "Nga", "Trang" },
      },
    },
    minority = {
      family = { "Giàng", "Sùng", "Vàng", "Thào", "Lò", "Hà", "Lường", "Nông", "Y", "Ksor", "Rơ Châm", "Thạch",
        "Sơn", "Danh", "Triệu", "Bàn" },
      middle = { M = { "A", "Văn", "Seo" }, F = { "Thị", "H'", "Seo" } },
      given = {
        M = { "Páo", "Chử", "Sử", "Dình", "Blơi", "Sang", "Khánh", "Tráng", "Vư" },
        F = { "Mỷ", "Mai", "Sử", "Chở", "Bhiăo", "Sa Ly", "Ín", "Pàng", "Xá" },
      },
    },
  },
}
