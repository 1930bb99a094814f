-- xa-mu-cang-chai-2027.lua — Kế hoạch giảm nghèo bền vững năm 2027 của xã Mù Cang Chải
-- (tỉnh Lào Cai): a plan for one commune.
--
-- Since July 2025 the commune (formed from thị trấn Mù Cang Chải and the xã Kim Nọi, Mồ Dề
-- and Chế Cu Nha, Nghị quyết 1673/NQ-UBTVQH15) answers to the province directly. A plan for a
-- commune counts its own households: its target is the commune's total (a target's
-- by_commune, a quota or a `commune` selector may name only the commune itself). It runs on
-- the province's registry (scripts/profiles/lao-cai-province.lua, a 1-in-10 SAMPLE: every
-- count is a tenth of the commune's). Not a plan the commune issued: a plausible one;
-- amounts that are assumptions say so.
--
-- Run:   make data/lao-cai-province.db
--        ./kehoach run plans/xa-mu-cang-chai-2027.lua --db data/lao-cai-province.db

plan {
  id = "xa-mu-cang-chai-2027",
  title = "Kế hoạch giảm nghèo bền vững năm 2027 trên địa bàn xã Mù Cang Chải",
  unit = "Xã Mù Cang Chải",
  year = 2027,
  standard = "vn-2026",
  issuer = "Ủy ban nhân dân xã Mù Cang Chải",
  number = "/KH-UBND",
  place = "Mù Cang Chải",
  issued = "2027-03",
  basis = {
    "Kế hoạch thực hiện công tác giảm nghèo bền vững năm 2027 trên địa bàn tỉnh Lào Cai",
  },
  objectives = {
    "Giảm {giam_ho_ngheo.households} hộ nghèo, tỷ lệ hộ nghèo của xã giảm {giam_ho_ngheo.rate_points}%.",
  },
}

-- The commune's total only: 8 of its 43 poor households (the province plan's share for the
-- commune), 2,04 points of its 392 households; recognised at the year-end review.
target "giam_ho_ngheo" {
  label = "Giảm hộ nghèo năm 2027",
  households = 8,
  rate_points = 2.04,
  quarter_totals = { Q4 = 8 },
  expect = { surveyed = 392, poor = 43, rate_points = 2.04 },
}

source "ngan_sach_xa" { label = "Ngân sách xã" }
source "von_vay" { label = "Nguồn vốn vay tín dụng chính sách", short = "Vốn vay", loan = true }
source "ngan_sach_trung_uong" { label = "Ngân sách trung ương (Chương trình MTQG giảm nghèo bền vững)",
  short = "NS trung ương" }

-- Assumption: the commune adds 100.000 đồng/khẩu/tháng to the province's allowance.
support "tro_cap" {
  label = "Hỗ trợ thêm hộ nghèo không có khả năng thoát nghèo",
  who = { status = "poor", unable_to_escape = true },
  amount = per_person_month(100000),
  months = "01-12",
  source = "ngan_sach_xa",
  by = "ubnd_xa",
  expect = { households = 1 },
}

-- The loans and houses the province plan gives the commune: a quota names the commune itself.
support "vay_von" {
  label = "Hỗ trợ hộ nghèo vay vốn tín dụng ưu đãi",
  who = { status = "poor", need = "credit" },
  quota = { { "Mù Cang Chải", 10 } },
  households = 10,
  amount = per_household(million(60)),
  quarters = "Q1-Q3",
  source = "von_vay",
  by = "nhcsxh",
  expect = { households = 10, cost = million(600) },
}

support "nha_o" {
  label = "Hỗ trợ nhà ở cho hộ nghèo",
  who = { status = "poor", need = "housing" },
  quota = { { "Mù Cang Chải", 4 } },
  households = 4,
  amount = per_household(million(60)),
  quarters = "Q2-Q4",
  source = "ngan_sach_trung_uong",
  by = "ubnd_xa",
  effect = { clears = { "d_housing_quality", "d_housing_area" }, from = "Q4" },
  expect = { households = 4, cost = million(240) },
}

-- 842,4 triệu đồng: the commune 2,4 (2 persons × 100.000 × 12), loans 600, houses 240.
budget {
  total = million(842.4),
  ngan_sach_xa = million(2.4),
  von_vay = million(600),
  ngan_sach_trung_uong = million(240),
}


report "bao_cao_nam" { label = "Báo cáo năm", due = "2027-12-05", covers = "01-12", to = "ubnd_xa" }

agency "ubnd_xa" {
  name = "Ủy ban nhân dân xã Mù Cang Chải",
  short = "UBND xã",
  "Chi trả trợ cấp; tổ chức làm nhà cho hộ nghèo; rà soát hộ nghèo, hộ cận nghèo năm 2027.",
}
agency "nhcsxh" {
  name = "Phòng giao dịch Ngân hàng Chính sách xã hội khu vực Mù Cang Chải",
  short = "Ngân hàng CSXH",
  requested = true,
  "Giải ngân cho vay hộ nghèo có nhu cầu.",
}
