-- viet-nam-2027.lua — Kế hoạch giảm nghèo bền vững năm 2027 trên phạm vi cả nước: the year's
-- target by province and the central budget of the programme divided among the 34 provinces
-- and cities by criteria, and each province's share on among its communes.
--
-- The plan's unit is the country; its children are the 34 provinces and cities of
-- scripts/profiles/vietnam.lua (after July 2025, no district level). It runs against
--   data/national.db          the country at full size (make national; 31.040.000 households)
--   data/vietnam-sample.db    a 1-in-200 sample of it (make test runs the plan there: every
--                             province's target is then above its poor, and the run says so)
-- This is not a plan the government issued: it is a plausible one, written for the engine.
--
-- WHAT IS A PLACEHOLDER:
--   * the targets: a quarter of each province's poor households at the end-2026 review of the
--     registry (149.900 in all, about 0,48 points of the rate), not a decision's figures;
--   * the fund: 9.600.000 million đồng, a fifth of the 48.000 billion đồng of central budget
--     that Nghị quyết 24/2021/QH15 gave the 2021-2025 programme, taken as one year's; the
--     2026-2030 programme's own figure was not found;
--   * the criteria and coefficients (poor 1, near-poor 0,5, ethnic-minority poor 1,5, ×2 for
--     an especially difficult commune), the floors: of the kind the programme's allocation
--     rules use (principles, criteria and norms decided by the Prime Minister), not their
--     figures.
--
-- Run:   make national && ./kehoach run plans/viet-nam-2027.lua --db data/national.db
--        make data/vietnam-sample.db && ./kehoach run plans/viet-nam-2027.lua --db data/vietnam-sample.db

plan {
  id = "viet-nam-2027",
  title = "Kế hoạch thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2027",
  unit = "Việt Nam",
  year = 2027,
  standard = "vn-2026",
  issuer = "Bộ Nông nghiệp và Môi trường",
  number = "/KH-BNNMT",
  place = "Hà Nội",
  issued = "2027-01",
  preamble = "Bộ Nông nghiệp và Môi trường xây dựng Kế hoạch thực hiện Chương trình mục tiêu quốc gia " ..
    "giảm nghèo bền vững năm 2027, như sau:",
  goal = "Giảm nghèo bền vững, hạn chế tái nghèo và phát sinh nghèo; ưu tiên các tỉnh miền núi, vùng " ..
    "đồng bào dân tộc thiểu số và các xã đặc biệt khó khăn.",
  objectives = {
    "Giảm {giam_ho_ngheo.households} hộ nghèo trên phạm vi cả nước.",
    "Phân bổ {phan_bo_von.fund} vốn ngân sách trung ương cho các tỉnh, thành phố theo tiêu chí.",
  },
}

target "giam_ho_ngheo" {
  label = "Giảm hộ nghèo năm 2027",
  households = 149900,
  rate_points = 0.48,
  by_commune = {
    { "Hà Nội", 2500 }, { "Cao Bằng", 1150 }, { "Tuyên Quang", 20750 }, { "Điện Biên", 9350 },
    { "Lai Châu", 6400 }, { "Sơn La", 9900 }, { "Lào Cai", 8100 }, { "Thái Nguyên", 11400 },
    { "Lạng Sơn", 1650 }, { "Quảng Ninh", 400 }, { "Bắc Ninh", 850 }, { "Phú Thọ", 2650 },
    { "Hải Phòng", 1350 }, { "Hưng Yên", 1000 }, { "Ninh Bình", 2200 }, { "Thanh Hóa", 7650 },
    { "Nghệ An", 6800 }, { "Hà Tĩnh", 2900 }, { "Quảng Trị", 3350 }, { "Huế", 1250 },
    { "Đà Nẵng", 2750 }, { "Quảng Ngãi", 5200 }, { "Gia Lai", 11700 }, { "Khánh Hòa", 2000 },
    { "Đắk Lắk", 5900 }, { "Lâm Đồng", 6800 }, { "Đồng Nai", 350 }, { "Hồ Chí Minh", 0 },
    { "Tây Ninh", 1700 }, { "Đồng Tháp", 2550 }, { "Vĩnh Long", 2450 }, { "An Giang", 2900 },
    { "Cần Thơ", 2500 }, { "Cà Mau", 1500 },
  },
}

source "ngan_sach_trung_uong" { label = "Ngân sách trung ương", short = "NSTW" }

allocation "phan_bo_von" {
  label = "Phân bổ vốn ngân sách trung ương thực hiện Chương trình năm 2027",
  fund = million(9600000),
  source = "ngan_sach_trung_uong",
  to = "provinces",
  then_to = "communes",
  criteria = { poor = 1.0, near_poor = 0.5, ethnic_minority_poor = 1.5, difficult = 2.0 },
  round = million(1),
  floor = million(20000),
  then_floor = million(100),
  basis = "tiêu chí, hệ số phân bổ vốn ngân sách trung ương của Chương trình (giả định của ví dụ)",
}

budget { total = million(9600000), ngan_sach_trung_uong = million(9600000) }
