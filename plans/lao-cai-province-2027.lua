-- lao-cai-province-2027.lua — Kế hoạch thực hiện công tác giảm nghèo bền vững năm 2027 trên địa
-- bàn tỉnh Lào Cai: a plan for a province as it is after July 2025, with no district level.
--
-- The plan's unit is the province; its children are its 99 communes and wards, so targets and
-- quotas are given by xã and phường, and every figure of the province is counted through them
-- (the households of the province are those of its communes). It runs against the registry
-- made from scripts/profiles/lao-cai-province.lua, a 1-IN-10 SAMPLE of the province's
-- households: every count here (households, quotas) is at the sample's scale, a tenth of the
-- province's. This is not a plan the province issued: it is a plausible one, written for the
-- engine; amounts that are assumptions say so.
--
-- Since 1 March 2025 poverty reduction is the work of the Sở Nông nghiệp và Môi trường (it
-- took it over from the Sở Lao động - Thương binh và Xã hội), which owns this plan.
--
-- Run:   make data/lao-cai-province.db   (kehoach db generate ... --profile scripts/profiles/lao-cai-province.lua)
--        ./kehoach check plans/lao-cai-province-2027.lua --db data/lao-cai-province.db
--        ./kehoach run plans/lao-cai-province-2027.lua --db data/lao-cai-province.db
--        ./kehoach test plans/lao-cai-province-2027.lua --db data/lao-cai-province.db

plan {
  id = "lao-cai-province-2027",
  title = "Kế hoạch thực hiện công tác giảm nghèo bền vững năm 2027 trên địa bàn tỉnh Lào Cai",
  unit = "Tỉnh Lào Cai",
  year = 2027,
  standard = "vn-2026",
  issuer = "Ủy ban nhân dân tỉnh Lào Cai",
  number = "/KH-UBND",
  place = "Lào Cai",
  issued = "2027-02",
  basis = {
    "Nghị định số 351/2025/NĐ-CP ngày 30/12/2025 của Chính phủ quy định chuẩn nghèo đa chiều " ..
      "quốc gia giai đoạn 2026 - 2030",
    "Nghị quyết số 1673/NQ-UBTVQH15 ngày 16/6/2025 của Ủy ban Thường vụ Quốc hội về việc sắp xếp " ..
      "các đơn vị hành chính cấp xã của tỉnh Lào Cai năm 2025",
  },
  preamble = "Ủy ban nhân dân tỉnh Lào Cai xây dựng Kế hoạch giảm nghèo bền vững năm 2027 trên địa " ..
    "bàn tỉnh, như sau:",
  goal = "Giảm nghèo nhanh và bền vững ở các xã đặc biệt khó khăn vùng cao; hỗ trợ sinh kế, nhà ở, " ..
    "tín dụng cho hộ nghèo; hạn chế tái nghèo và phát sinh nghèo.",
  objectives = {
    "Giảm {giam_ho_ngheo.households} hộ nghèo, tỷ lệ hộ nghèo giảm {giam_ho_ngheo.rate_points}%.",
    "Hỗ trợ {tro_cap.coverage} số khẩu hộ nghèo không có khả năng thoát nghèo được hưởng trợ cấp " ..
      "hàng tháng từ ngân sách tỉnh.",
    "Hỗ trợ làm nhà ở cho {nha_o.households} hộ nghèo.",
  },
  closing = "Trên đây là Kế hoạch thực hiện công tác giảm nghèo bền vững năm 2027 trên địa bàn tỉnh " ..
    "Lào Cai. Yêu cầu các sở, ngành, UBND các xã, phường triển khai thực hiện./.",
}

-- 602 households, 1,49 points of the sample's 40.350: about 18% of each unit's poor (a
-- rule of thumb for the plan, not a decision), recognised mostly at the year-end review.
target "giam_ho_ngheo" {
  label = "Thực hiện giảm hộ nghèo năm 2027",
  households = 602,
  rate_points = 1.49,
  by_commune = {
    { "Khao Mang", 6 }, { "Mù Cang Chải", 8 }, { "Púng Luông", 14 }, { "Tú Lệ", 4 }, { "Trạm Tấu", 13 },
    { "Hạnh Phúc", 10 }, { "Phình Hồ", 12 }, { "Liên Sơn", 1 }, { "Gia Hội", 6 }, { "Sơn Lương", 4 },
    { "Văn Chấn", 4 }, { "Thượng Bằng La", 3 }, { "Chấn Thịnh", 4 }, { "Nghĩa Tâm", 4 }, { "Phong Dụ Hạ", 2 },
    { "Châu Quế", 3 }, { "Lâm Giang", 3 }, { "Đông Cuông", 2 }, { "Tân Hợp", 3 }, { "Mậu A", 2 },
    { "Xuân Ái", 2 }, { "Mỏ Vàng", 3 }, { "Lâm Thượng", 7 }, { "Lục Yên", 4 }, { "Tân Lĩnh", 8 },
    { "Khánh Hòa", 8 }, { "Phúc Lợi", 8 }, { "Mường Lai", 8 }, { "Cảm Nhân", 2 }, { "Yên Thành", 1 },
    { "Thác Bà", 1 }, { "Yên Bình", 2 }, { "Bảo Ái", 2 }, { "Trấn Yên", 1 }, { "Hưng Khánh", 1 },
    { "Lương Thịnh", 1 }, { "Việt Hồng", 1 }, { "Quy Mông", 1 }, { "Phong Hải", 2 }, { "Xuân Quang", 3 },
    { "Bảo Thắng", 3 }, { "Tằng Loỏng", 2 }, { "Gia Phú", 2 }, { "Mường Hum", 24 }, { "Dền Sáng", 17 },
    { "Y Tý", 14 }, { "A Mú Sung", 12 }, { "Trịnh Tường", 16 }, { "Bản Xèo", 9 }, { "Bát Xát", 21 },
    { "Võ Lao", 3 }, { "Khánh Yên", 3 }, { "Văn Bàn", 3 }, { "Dương Quỳ", 3 }, { "Chiềng Ken", 3 },
    { "Minh Lương", 4 }, { "Nậm Chày", 3 }, { "Bảo Yên", 2 }, { "Nghĩa Đô", 3 }, { "Thượng Hà", 3 },
    { "Xuân Hòa", 2 }, { "Phúc Khánh", 2 }, { "Bảo Hà", 4 }, { "Mường Bo", 3 }, { "Bản Hồ", 3 },
    { "Tả Van", 3 }, { "Tả Phìn", 1 }, { "Cốc Lầu", 17 }, { "Bảo Nhai", 20 }, { "Bản Liền", 10 },
    { "Bắc Hà", 22 }, { "Tả Củ Tỷ", 9 }, { "Lùng Phình", 13 }, { "Pha Long", 12 }, { "Mường Khương", 19 },
    { "Bản Lầu", 14 }, { "Cao Sơn", 19 }, { "Si Ma Cai", 16 }, { "Sín Chéng", 13 }, { "Nghĩa Lộ", 5 },
    { "Trung Tâm", 7 }, { "Cầu Thia", 10 }, { "Sa Pa", 6 }, { "Nậm Xé", 3 }, { "Ngũ Chỉ Sơn", 1 },
    { "Chế Tạo", 12 }, { "Lao Chải", 8 }, { "Nậm Có", 11 }, { "Tà Xi Láng", 5 }, { "Cát Thịnh", 5 },
    { "Phong Dụ Thượng", 3 },
  },
  quarter_totals = { Q2 = 60, Q3 = 122, Q4 = 420 },
  expect = { rate_points = 1.49, surveyed = 40350, poor = 3341 },
}

source "ngan_sach_trung_uong" {
  label = "Ngân sách trung ương (Chương trình MTQG giảm nghèo bền vững)",
  short = "NS trung ương",
}
source "ngan_sach_tinh" { label = "Ngân sách tỉnh", short = "NS tỉnh" }
source "von_vay" { label = "Nguồn vốn vay tín dụng chính sách", short = "Vốn vay", loan = true }

-- Assumption: 360.000 đồng/khẩu/tháng, as Lào Cai city's allowance from 2022.
support "tro_cap" {
  label = "Hỗ trợ hộ nghèo không có khả năng thoát nghèo",
  section = "tasks",
  who = { status = "poor", unable_to_escape = true },
  coverage = 1,
  amount = per_person_month(360000),
  months = "01-12",
  source = "ngan_sach_tinh",
  by = "ubnd_xa",
  expect = { households = 54, persons = 104, cost = million(449.28) },
}

support "vay_von" {
  label = "Hỗ trợ hộ nghèo vay vốn tín dụng ưu đãi",
  who = { status = "poor", need = "credit" },
  quota = { { "Mường Hum", 30 }, { "Bắc Hà", 30 }, { "Bát Xát", 28 }, { "Bảo Nhai", 25 },
    { "Mường Khương", 25 }, { "Cao Sơn", 24 }, { "Cốc Lầu", 20 }, { "Si Ma Cai", 20 },
    { "Mù Cang Chải", 10 } },
  households = 212,
  amount = per_household(million(60)),
  quarters = "Q1-Q3",
  source = "von_vay",
  by = "nhcsxh",
  effect = {
    income = 250000, from = "Q4",
    note = "Giả định: vốn vay đầu tư chăn nuôi, trồng trọt thêm khoảng 250.000 đồng/người/tháng từ quý IV.",
  },
  expect = { households = 212, cost = million(12720) },
}

-- A breeding cow a household in the especially difficult communes (30 triệu đồng, an
-- assumption).
support "bo_giong" {
  label = "Hỗ trợ phát triển sản xuất: bò cái sinh sản",
  who = { status = "poor", need = "livestock", difficult = true },
  quota = { { "Mường Hum", 15 }, { "Bắc Hà", 14 }, { "Bát Xát", 13 }, { "Bảo Nhai", 12 },
    { "Mường Khương", 12 }, { "Cao Sơn", 12 }, { "Cốc Lầu", 10 }, { "Si Ma Cai", 10 } },
  households = 98,
  units_per_household = 1,
  amount = per_unit(million(30), "con bò"),
  quarters = "Q2-Q3",
  source = "ngan_sach_tinh",
  by = "nong_nghiep",
  expect = { households = 98, units = 98, cost = million(2940) },
}

support "bhyt" {
  label = "Hỗ trợ chính sách Y tế: cấp thẻ Bảo hiểm y tế",
  who = { status = { "poor", "near_poor" } },
  coverage = 1,
  quarters = "Q1",
  show = { "persons" },                -- cards are issued per person, not per household
  outside_budget = "thẻ BHYT do ngân sách nhà nước đóng theo chính sách",
  by = "ubnd_xa",
  with = "y_te",
  expect = { households = 5839 },
}

-- Assumption: 60 triệu đồng a house from the national target programme.
support "nha_o" {
  label = "Hỗ trợ nhà ở cho hộ nghèo",
  who = { status = "poor", need = "housing" },
  quota = { { "Mường Hum", 12 }, { "Bắc Hà", 12 }, { "Bát Xát", 11 }, { "Bảo Nhai", 10 },
    { "Mường Khương", 10 }, { "Cao Sơn", 10 }, { "Cốc Lầu", 9 }, { "Si Ma Cai", 8 },
    { "Mù Cang Chải", 4 } },
  households = 86,
  amount = per_household(million(60)),
  quarters = "Q2-Q4",
  source = "ngan_sach_trung_uong",
  by = "xay_dung",
  effect = { clears = { "d_housing_quality", "d_housing_area" }, from = "Q4" },
  expect = { households = 86, cost = million(5160) },
}


-- 21.269,28 triệu đồng at the sample's scale: the province 3.389,28 (449,28 for 104 persons
-- × 360.000 × 12, and 2.940 for 98 cows); the national programme 5.160 (86 houses); credit
-- 12.720 (212 loans).
budget {
  total = million(21269.28),
  ngan_sach_trung_uong = million(5160),
  ngan_sach_tinh = million(3389.28),
  von_vay = million(12720),
  expect = { total = million(21269.28) },
}

report "bao_cao_6_thang" { label = "Báo cáo 6 tháng", due = "2027-06-05", covers = "01-06", to = "nong_nghiep" }
report "bao_cao_nam" { label = "Báo cáo năm", due = "2027-12-05", covers = "01-12", to = "nong_nghiep" }

agency "nong_nghiep" {
  name = "Sở Nông nghiệp và Môi trường",
  short = "Sở NN&MT",
  "Cơ quan thường trực: tham mưu, hướng dẫn, kiểm tra thực hiện kế hoạch; triển khai hỗ trợ bò " ..
    "giống sinh sản; tổng hợp báo cáo kết quả giảm nghèo của tỉnh.",
}
agency "ubnd_xa" {
  name = "Ủy ban nhân dân các xã, phường",
  short = "UBND các xã, phường",
  "Xây dựng kế hoạch giảm nghèo của xã, phường; chi trả trợ cấp; lập danh sách cấp thẻ BHYT; tổ " ..
    "chức rà soát hộ nghèo, hộ cận nghèo năm 2027.",
}
agency "xay_dung" {
  name = "Sở Xây dựng",
  "Hướng dẫn thiết kế mẫu nhà, kiểm tra chất lượng nhà ở hỗ trợ hộ nghèo.",
}
agency "y_te" {
  name = "Sở Y tế",
  "Bảo đảm người nghèo, cận nghèo được cấp và sử dụng thẻ BHYT.",
}
agency "nhcsxh" {
  name = "Chi nhánh Ngân hàng Chính sách xã hội tỉnh Lào Cai",
  short = "Ngân hàng CSXH",
  requested = true,
  "Giải ngân cho vay hộ nghèo có nhu cầu ở các xã đặc biệt khó khăn.",
}

distribution {
  "TT Tỉnh ủy, HĐND tỉnh;",
  "Chủ tịch, các PCT UBND tỉnh;",
  "Các sở, ban, ngành;",
  "UBND các xã, phường;",
  "Lưu VT, NN&MT.",
}
