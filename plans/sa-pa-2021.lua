-- sa-pa-2021.lua — Kế hoạch thực hiện công tác giảm nghèo bền vững năm 2021 trên địa bàn
-- thị xã Sa Pa.
--
-- A second district in the same language, run against a registry made from its own profile
-- (scripts/profiles/sa-pa.lua): the engine knows nothing about Sa Pa. This is not a plan the
-- town issued: it is a plausible one, written for the engine, in the shape of Lào Cai
-- city's. Where Sa Pa differs, the plan says so: poverty is about 13% of households, not
-- 0,6%; the programmes are larger; two funding sources only Sa Pa's plan has (Chương trình
-- 135 and the tourism businesses' contributions); community tourism as a way out of poverty.
-- Amounts that are assumptions say so.
--
-- Run:   ./kehoach db generate data/sa-pa.db --profile scripts/profiles/sa-pa.lua   (or make data/sa-pa.db)
--        ./kehoach check plans/sa-pa-2021.lua --db data/sa-pa.db
--        ./kehoach run plans/sa-pa-2021.lua --db data/sa-pa.db
--        ./kehoach test plans/sa-pa-2021.lua --db data/sa-pa.db

plan {
  id = "sa-pa-2021",
  title = "Kế hoạch thực hiện công tác giảm nghèo bền vững năm 2021 trên địa bàn thị xã Sa Pa",
  unit = "Thị xã Sa Pa",
  year = 2021,
  standard = "vn-2016",
  issuer = "Ủy ban nhân dân thị xã Sa Pa",
  number = "/KH-UBND",
  place = "Sa Pa",
  issued = "2021-03",
  basis = {
    "Kế hoạch số 30/KH-UBND ngày 29/01/2021 của Ủy ban nhân dân tỉnh Lào Cai về việc thực hiện " ..
      "Chương trình Giảm nghèo bền vững năm 2021",
    "Kế hoạch số 64/KH-UBND ngày 09/02/2021 của UBND tỉnh Lào Cai thực hiện Đề án số 10-ĐA/TU " ..
      "về Giảm nghèo bền vững tỉnh Lào Cai giai đoạn 2021 - 2025",
  },
  preamble = "Ủy ban nhân dân thị xã Sa Pa xây dựng Kế hoạch giảm nghèo bền vững năm 2021 trên " ..
    "địa bàn thị xã, như sau:",
  goal = "Giảm nghèo nhanh và bền vững ở các xã đặc biệt khó khăn, gắn giảm nghèo với phát triển " ..
    "du lịch cộng đồng, sản xuất nông nghiệp hàng hoá và bảo tồn văn hoá các dân tộc; hạn chế " ..
    "tái nghèo; tạo điều kiện cho hộ nghèo tiếp cận các dịch vụ xã hội cơ bản.",
  objectives = {
    "Giảm {giam_ho_ngheo.households} hộ nghèo theo chuẩn nghèo tiếp cận đa chiều, tỷ lệ hộ nghèo " ..
      "giảm {giam_ho_ngheo.rate_points}%.",
    "Hỗ trợ {tro_cap.coverage} số khẩu hộ nghèo không có khả năng thoát nghèo được hưởng trợ cấp " ..
      "hàng tháng từ ngân sách thị xã.",
    "Đào tạo nghề du lịch cộng đồng cho {du_lich.households} hộ nghèo, cận nghèo tại các bản du lịch.",
  },
  closing = "Trên đây là Kế hoạch thực hiện công tác giảm nghèo bền vững năm 2021 trên địa bàn thị " ..
    "xã Sa Pa. Yêu cầu các cơ quan, đơn vị, UBND các xã, phường triển khai thực hiện./.",
}

-- 420 households, 2,78% of the town's 15.100: in the wards a few each, in the communes
-- about a fifth of their poor able to escape. Sa Pa's escapes are recognised at the review,
-- so most fall in Q4.
target "giam_ho_ngheo" {
  label = "Thực hiện giảm hộ nghèo năm 2021",
  households = 420,
  rate_points = 2.78,
  by_commune = {
    { "Sa Pa", 8 }, { "Sa Pả", 14 }, { "Ô Quý Hồ", 16 }, { "Phan Si Păng", 10 }, { "Hàm Rồng", 9 },
    { "Cầu Mây", 14 }, { "Ngũ Chỉ Sơn", 40 }, { "Trung Chải", 36 }, { "Tả Phìn", 30 },
    { "Hoàng Liên", 42 }, { "Thanh Bình", 32 }, { "Mường Hoa", 38 }, { "Tả Van", 30 },
    { "Mường Bo", 40 }, { "Bản Hồ", 40 }, { "Liên Minh", 21 },
  },
  quarter_totals = { Q2 = 60, Q3 = 80, Q4 = 280 },
  expect = { rate_points = 2.78, surveyed = 15100, poor = 1955 },
}

-- ---- funding sources: two that only Sa Pa's plan has ----------------------------------------

source "ngan_sach_thi_xa" { label = "Ngân sách thị xã" }
source "chuong_trinh_135" {
  label = "Vốn Chương trình 135 (hỗ trợ phát triển sản xuất các xã đặc biệt khó khăn)",
  short = "Chương trình 135",
}
source "doanh_nghiep_du_lich" {
  label = "Đóng góp của các doanh nghiệp du lịch trên địa bàn thị xã",
  short = "DN du lịch",
}
source "xa_hoi_hoa" { label = "Nguồn xã hội hoá (Quỹ “Vì người nghèo”)", short = "Nguồn xã hội hoá" }
source "von_vay" { label = "Nguồn vốn vay tín dụng chính sách", short = "Vốn vay", loan = true }

-- ---- the allowance ---------------------------------------------------------------------------

-- Assumption: 200.000 đồng/khẩu/tháng from the town's budget (Lào Cai city gave 250.000).
support "tro_cap" {
  label = "Hỗ trợ hộ nghèo không có khả năng thoát nghèo",
  section = "tasks",
  who = { status = "poor", unable_to_escape = true },
  coverage = 1,
  amount = per_person_month(200000),
  months = "01-12",
  source = "ngan_sach_thi_xa",
  by = "ubnd_xa",
  expect = { households = 60, persons = 120, cost = million(288) },
}

-- ---- the measures ----------------------------------------------------------------------------

support "vay_von" {
  label = "Hỗ trợ hộ nghèo vay vốn tín dụng ưu đãi",
  who = { status = "poor", need = "credit" },
  quota = { { "Hoàng Liên", 20 }, { "Bản Hồ", 20 }, { "Mường Bo", 20 }, { "Ngũ Chỉ Sơn", 18 },
    { "Trung Chải", 16 }, { "Mường Hoa", 16 }, { "Thanh Bình", 14 }, { "Tả Phìn", 10 },
    { "Tả Van", 8 }, { "Liên Minh", 8 } },
  households = 150,
  amount = per_household(million(50)),
  quarters = "Q1-Q3",
  source = "von_vay",
  by = "nhcsxh",
  -- as Lào Cai city's assumption A2: ~160.000 đồng per person per month once the first
  -- produce sells; loans paid out to Q3, so from Q4
  effect = {
    income = 160000, from = "Q4",
    note = "Giả định: vốn vay đầu tư chăn nuôi, trồng trọt thêm khoảng 160.000 đồng/người/tháng từ quý IV.",
  },
  expect = { households = 150, cost = million(7500) },
}

-- Community tourism: homestay, cooking, guiding in the villages tourists walk to. Open to
-- near-poor households too. Paid by the tourism businesses (an assumption: 5 triệu đồng a
-- household for a course and a first homestay kit).
support "du_lich" {
  label = "Đào tạo nghề du lịch cộng đồng (homestay, hướng dẫn viên bản địa)",
  who = { status = { "poor", "near_poor" }, need = "training" },
  quota = { { "Tả Van", 15 }, { "Tả Phìn", 12 }, { "Bản Hồ", 10 }, { "Mường Hoa", 8 }, { "Thanh Bình", 5 } },
  households = 50,
  priority = "lowest_income",
  amount = per_household(million(5)),
  quarters = "Q2-Q3",
  source = "doanh_nghiep_du_lich",
  by = "van_hoa",
  with = { "gdnn_gdtx", "ubnd_xa" },
  effect = {
    income = 150000, from = "Q4",
    note = "Giả định: đón khách homestay từ mùa thu, thêm khoảng 150.000 đồng/người/tháng từ quý IV.",
  },
  expect = { households = 50, cost = million(250) },
}

-- A breeding buffalo a household in the communes of Chương trình 135 (25 triệu đồng, an
-- assumption: the price of a young female buffalo).
support "trau_giong" {
  label = "Hỗ trợ phát triển sản xuất: trâu cái sinh sản",
  who = { status = "poor", need = "livestock", difficult = true },
  quota = { { "Ngũ Chỉ Sơn", 15 }, { "Trung Chải", 15 }, { "Hoàng Liên", 15 }, { "Mường Bo", 15 },
    { "Liên Minh", 10 } },
  households = 70,
  units_per_household = 1,
  amount = per_unit(million(25), "con trâu"),
  quarters = "Q2-Q3",
  source = "chuong_trinh_135",
  by = "kinh_te",
  expect = { households = 70, units = 70, cost = million(1750) },
}

support "bhyt" {
  label = "Hỗ trợ chính sách Y tế: cấp thẻ Bảo hiểm y tế",
  who = { any = { { status = { "poor", "near_poor" } }, { ethnic_minority = true, difficult = true } } },
  coverage = 1,
  quarters = "Q1",
  show = { "persons" },                -- cards are issued per person, not per household
  outside_budget = "thẻ BHYT do ngân sách nhà nước đóng theo chính sách",
  by = "ubnd_xa",
  with = "y_te",
}

support "nha_o" {
  label = "Hỗ trợ nhà ở cho hộ nghèo",
  who = { status = "poor", need = "housing" },
  quota = { { "Bản Hồ", 8 }, { "Hoàng Liên", 8 }, { "Mường Bo", 8 }, { "Ngũ Chỉ Sơn", 8 },
    { "Trung Chải", 7 }, { "Mường Hoa", 7 }, { "Thanh Bình", 6 }, { "Liên Minh", 4 },
    { "Ô Quý Hồ", 2 }, { "Cầu Mây", 2 } },
  households = 60,
  amount = per_household(million(40)),
  quarters = "Q2-Q4",
  source = "xa_hoi_hoa",
  by = "mttq",
  effect = { clears = { "d_housing_quality", "d_housing_area" }, from = "Q4" },
  expect = { households = 60, cost = million(2400) },
}

-- 12.188 triệu đồng: town 288 (120 persons × 200.000 × 12); Chương trình 135 1.750 (70
-- buffalo); tourism businesses 250; social contributions 2.400 (60 houses); credit 7.500.
budget {
  total = million(12188),
  ngan_sach_thi_xa = million(288),
  chuong_trinh_135 = million(1750),
  doanh_nghiep_du_lich = million(250),
  xa_hoi_hoa = million(2400),
  von_vay = million(7500),
  expect = { total = million(12188) },
}

report "bao_cao_6_thang" { label = "Báo cáo 6 tháng", due = "2021-06-05", covers = "01-06", to = "ldtbxh" }
report "bao_cao_nam" { label = "Báo cáo năm", due = "2021-12-05", covers = "01-12", to = "ldtbxh" }

agency "ldtbxh" {
  name = "Phòng Lao động - Thương binh và Xã hội thị xã",
  short = "Phòng LĐ-TB&XH",
  "Tham mưu, hướng dẫn, kiểm tra thực hiện kế hoạch; thẩm định danh sách hộ nghèo không có khả " ..
    "năng thoát nghèo; tổng hợp báo cáo kết quả giảm nghèo của thị xã.",
}
agency "ubnd_xa" {
  name = "Ủy ban nhân dân các xã, phường",
  short = "UBND các xã, phường",
  "Xây dựng kế hoạch giảm nghèo của xã, phường; chi trả trợ cấp; lập danh sách cấp thẻ BHYT; tổ " ..
    "chức rà soát hộ nghèo, hộ cận nghèo năm 2021.",
}
agency "kinh_te" {
  name = "Phòng Kinh tế thị xã",
  short = "Phòng Kinh tế",
  "Triển khai hỗ trợ trâu giống sinh sản từ vốn Chương trình 135; hướng dẫn kỹ thuật chăn nuôi, " ..
    "trồng thảo quả, rau, lúa hàng hoá.",
}
agency "van_hoa" {
  name = "Phòng Văn hoá và Thông tin thị xã",
  short = "Phòng VH-TT",
  "Phối hợp với các doanh nghiệp du lịch tổ chức đào tạo nghề du lịch cộng đồng; kết nối hộ làm " ..
    "homestay với các đơn vị lữ hành.",
}
agency "gdnn_gdtx" {
  name = "Trung tâm GDNN - GDTX thị xã",
  "Mở lớp đào tạo nghề ngắn hạn cho lao động nông thôn, lao động nghèo, người dân tộc thiểu số.",
}
agency "y_te" {
  name = "Trung tâm Y tế thị xã",
  "Bảo đảm 100% người nghèo, cận nghèo, người dân tộc thiểu số vùng khó khăn được khám chữa bệnh " ..
    "bằng thẻ BHYT.",
}
agency "nhcsxh" {
  name = "Phòng giao dịch Ngân hàng Chính sách xã hội thị xã Sa Pa",
  short = "Ngân hàng CSXH",
  requested = true,
  "Giải ngân cho vay hộ nghèo có nhu cầu; ưu tiên hộ làm du lịch cộng đồng và chăn nuôi.",
}
agency "mttq" {
  name = "Ủy ban Mặt trận Tổ quốc và các đoàn thể thị xã",
  short = "MTTQ và các đoàn thể",
  requested = true,
  "Vận động doanh nghiệp, nhà hảo tâm ủng hộ Quỹ “Vì người nghèo”; hỗ trợ làm nhà cho hộ nghèo.",
}

distribution {
  "TT Thị ủy, UBND thị xã;",
  "UBMTTQ và các đoàn thể thị xã;",
  "Các phòng, ban, đơn vị liên quan;",
  "UBND các xã, phường;",
  "Lưu VT, LĐTBXH.",
}
