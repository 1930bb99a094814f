-- sa-pa-2021-hoat-dong.lua — a district plan as real ones are written: a third of its budget
-- pays no household (communication, capacity building, monitoring), two supports kept apart
-- on purpose, and the year's end stated.
--
-- Written in the shape of a real 2023 district plan (3,2 billion đồng, 920 million of it on
-- communication and 184 million on capacity building and monitoring), for Sa Pa town against
-- its registry of 2020 (scripts/profiles/sa-pa.lua): not a plan the town issued. Ten
-- households of that plan got both a calf and the production support; here the production
-- support goes to the households the breeding buffaloes did not reach (not_in), and the
-- husbandry course only to those they did (also_in).
--
-- Run:   make data/sa-pa.db
--        ./kehoach check plans/sa-pa-2021-hoat-dong.lua --db data/sa-pa.db
--        ./kehoach run plans/sa-pa-2021-hoat-dong.lua --db data/sa-pa.db
--        ./kehoach test plans/sa-pa-2021-hoat-dong.lua --db data/sa-pa.db

plan {
  id = "sa-pa-2021-hoat-dong",
  title = "Kế hoạch thực hiện Chương trình giảm nghèo bền vững năm 2021 trên địa bàn thị xã Sa Pa",
  unit = "Thị xã Sa Pa",
  year = 2021,
  standard = "vn-2016",
  issuer = "Ủy ban nhân dân thị xã Sa Pa",
  number = "/KH-UBND",
  place = "Sa Pa",
  issued = "2021-03",
  goal = "Giảm nghèo bền vững, hạn chế tái nghèo; nâng cao nhận thức, năng lực của người dân và " ..
    "cán bộ làm công tác giảm nghèo.",
  objectives = {
    "Giảm {giam_ho_ngheo.households} hộ nghèo, cuối năm còn {giam_ho_ngheo.poor_at_end} hộ nghèo, " ..
      "tỷ lệ hộ nghèo còn {giam_ho_ngheo.rate_at_end}%.",
  },
}

-- 1.955 poor households of 15.100 at the review of 2020: 420 fewer leave 1.535, 10,17%.
target "giam_ho_ngheo" {
  label = "Giảm hộ nghèo năm 2021",
  households = 420,
  rate_points = 2.78,
  poor_at_end = 1535,
  rate_at_end = 10.17,
  by_commune = {
    { "Sa Pa", 8 }, { "Sa Pả", 14 }, { "Ô Quý Hồ", 16 }, { "Phan Si Păng", 10 }, { "Hàm Rồng", 9 },
    { "Cầu Mây", 14 }, { "Ngũ Chỉ Sơn", 40 }, { "Trung Chải", 36 }, { "Tả Phìn", 30 },
    { "Hoàng Liên", 42 }, { "Thanh Bình", 32 }, { "Mường Hoa", 38 }, { "Tả Van", 30 },
    { "Mường Bo", 40 }, { "Bản Hồ", 40 }, { "Liên Minh", 21 },
  },
  quarter_totals = { Q2 = 60, Q3 = 80, Q4 = 280 },
  expect = { surveyed = 15100, poor = 1955 },
}

source "ngan_sach_tinh" { label = "Ngân sách tỉnh (vốn sự nghiệp Chương trình MTQG giảm nghèo bền vững)",
  short = "Ngân sách tỉnh" }
source "chuong_trinh_135" { label = "Vốn Chương trình 135", short = "Chương trình 135" }

-- ---- supports kept apart, and together -------------------------------------------------------

-- A breeding buffalo for ten poor households that registered the need in each of four
-- especially difficult communes.
support "trau_giong" {
  label = "Hỗ trợ trâu cái sinh sản",
  who = { status = "poor", need = "livestock", difficult = true },
  quota = { { "Bản Hồ", 10 }, { "Mường Bo", 10 }, { "Hoàng Liên", 10 }, { "Ngũ Chỉ Sơn", 10 } },
  households = 40,
  units_per_household = 1,
  amount = per_unit(million(25), "con trâu"),
  quarters = "Q2",
  source = "chuong_trinh_135",
  by = "kinh_te",
  expect = { households = 40, units = 40, cost = million(1000) },
}

-- Seed, feed and fertiliser for every other poor household that registered the livestock
-- need: not those given a buffalo (the 2023 plan gave ten households both).
support "san_xuat" {
  label = "Hỗ trợ phát triển sản xuất (giống, thức ăn chăn nuôi, phân bón)",
  who = { status = "poor", need = "livestock", not_in = "trau_giong" },
  households = 200,
  amount = per_household(million(5)),
  quarters = "Q2-Q3",
  source = "ngan_sach_tinh",
  by = "kinh_te",
  effect = {
    income = 150000, from = "Q4",
    note = "Giả định: thêm khoảng 150.000 đồng/người/tháng từ quý IV nhờ sản phẩm chăn nuôi, trồng trọt.",
  },
  expect = { households = 200, cost = million(1000) },
}

-- A husbandry course for the households given a buffalo, and for them only.
support "tap_huan_chan_nuoi" {
  label = "Tập huấn kỹ thuật chăn nuôi trâu sinh sản",
  who = { status = "poor", also_in = "trau_giong" },
  households = 40,
  amount = per_household(million(1)),
  quarters = "Q3",
  source = "ngan_sach_tinh",
  by = "kinh_te",
  expect = { households = 40, cost = million(40) },
}

-- ---- budget lines that pay no household ------------------------------------------------------

activity "truyen_thong" {
  label = "Truyền thông về giảm nghèo và giảm nghèo về thông tin",
  cost = million(920),
  source = "ngan_sach_tinh",
  by = "van_hoa",
  with = "ldtbxh",
  quarters = "Q1-Q4",
  delivers = { count = 16, noun = "hội nghị truyền thông tại các xã, phường" },
  notes = { "Sản xuất, phát sóng các chương trình về gương thoát nghèo trên Đài truyền thanh thị xã." },
}

activity "nang_cao_nang_luc" {
  label = "Nâng cao năng lực cho cán bộ làm công tác giảm nghèo",
  cost = million(120),
  source = "ngan_sach_tinh",
  by = "ldtbxh",
  quarters = "Q2-Q3",
  delivers = { count = 160, noun = "cán bộ xã, thôn được tập huấn" },
}

activity "giam_sat" {
  label = "Kiểm tra, giám sát, đánh giá thực hiện Chương trình",
  cost = million(64),
  source = "ngan_sach_tinh",
  by = "ldtbxh",
  months = "06-12",
  delivers = { count = 2, noun = "đợt kiểm tra, giám sát" },
}

-- 3.144 triệu đồng: the province 2.144 (1.000 production, 40 courses, 920 communication,
-- 120 capacity, 64 monitoring), Chương trình 135 1.000 (40 buffaloes).
budget {
  total = million(3144),
  ngan_sach_tinh = million(2144),
  chuong_trinh_135 = million(1000),
  expect = { total = million(3144), ngan_sach_tinh = million(2144) },
}

report "bao_cao_6_thang" { label = "Báo cáo 6 tháng", due = "2021-06-05", covers = "01-06", to = "ldtbxh" }
report "bao_cao_nam" { label = "Báo cáo năm", due = "2021-12-05", covers = "01-12", to = "ldtbxh" }

agency "ldtbxh" {
  name = "Phòng Lao động - Thương binh và Xã hội thị xã",
  short = "Phòng LĐ-TB&XH",
  "Tham mưu, hướng dẫn, kiểm tra thực hiện kế hoạch; tập huấn cán bộ làm công tác giảm nghèo; " ..
    "tổng hợp báo cáo.",
}
agency "kinh_te" {
  name = "Phòng Kinh tế thị xã",
  short = "Phòng Kinh tế",
  "Triển khai hỗ trợ trâu giống, hỗ trợ phát triển sản xuất và tập huấn kỹ thuật chăn nuôi.",
}
agency "van_hoa" {
  name = "Phòng Văn hoá và Thông tin thị xã",
  short = "Phòng VH-TT",
  "Tổ chức truyền thông về giảm nghèo và giảm nghèo về thông tin.",
}

distribution { "UBND tỉnh Lào Cai;", "TT Thị ủy, HĐND thị xã;", "UBND các xã, phường;", "Lưu VT, LĐTBXH." }

signature { "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", name = "Nguyễn Văn A" }
