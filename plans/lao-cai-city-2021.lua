-- lao-cai-city-2021.lua — Kế hoạch thực hiện công tác giảm nghèo bền vững năm 2021 và hỗ
-- trợ hộ nghèo không có khả năng thoát nghèo trên địa bàn thành phố Lào Cai.
--
-- The whole of the city's 2021 plan (seed/ke-hoach-giam-ngheo-2021-tp-lao-cai.md), as
-- declarations. Every figure the seed states is here once, where it is stated; the ones
-- it only implies are written as the division that gives them. The engine counts the
-- households and persons in the registry and computes every cost; `kehoach check` shows
-- where the seed's own figures disagree with each other.
--
-- Run:   ./kehoach check plans/lao-cai-city-2021.lua
--        ./kehoach run plans/lao-cai-city-2021.lua [--scenario NAME] [--set PATH=VALUE]
--        ./kehoach test plans/lao-cai-city-2021.lua   (the expect = { ... } below)

plan {
  id = "lao-cai-city-2021",
  title = "Kế hoạch thực hiện công tác giảm nghèo bền vững năm 2021 và hỗ trợ hộ nghèo " ..
    "không có khả năng thoát nghèo trên địa bàn thành phố Lào Cai",
  unit = "Thành phố Lào Cai",
  year = 2021,
  standard = "vn-2016",          -- chuẩn nghèo tiếp cận đa chiều 2016-2020, in force in 2021
  issuer = "Ủy ban nhân dân thành phố Lào Cai",
  number = "/KH-UBND",           -- the seed leaves the number blank
  place = "TP. Lào Cai",
  issued = "2021-04",            -- "ngày    tháng 4 năm 2021": the day is blank
  basis = {
    "Kế hoạch số 30/KH-UBND ngày 29/01/2021 của Ủy ban nhân dân tỉnh Lào Cai về việc thực hiện " ..
      "Chương trình Giảm nghèo bền vững năm 2021",
    "Kế hoạch số 64/KH-UBND ngày 09/02/2021 của UBND tỉnh Lào Cai thực hiện Đề án số 10-ĐA/TU " ..
      "về Giảm nghèo bền vững tỉnh Lào Cai giai đoạn 2021 - 2025",
    "Thông báo Kết luận số 160-TB/TU ngày 20/01/2021 của Thường trực Thành ủy về việc hỗ trợ " ..
      "hộ nghèo bất khả kháng trên địa bàn thành phố",
  },
  preamble = "Ủy ban nhân dân thành phố Lào Cai xây dựng Kế hoạch giảm nghèo bền vững năm 2021 " ..
    "trên địa bàn thành phố, như sau:",
  goal = "Thực hiện giảm nghèo bền vững, hạn chế tái nghèo, góp phần tăng trưởng kinh tế, đảm bảo " ..
    "an sinh xã hội; Cải thiện đời sống vật chất, tinh thần, tăng thu nhập cho người dân; Tạo điều " ..
    "kiện cho hộ nghèo được tiếp cận các dịch vụ xã hội cơ bản (Y tế, giáo dục, nhà ở...) và xây " ..
    "dựng mô hình giảm nghèo bền vững. Thực hiện hoàn thành vượt mức chỉ tiêu Phát triển kinh tế - " ..
    "xã hội năm 2021. Giảm nhanh hộ cận nghèo; tăng tỷ lệ khá giàu.",
  -- {path} is replaced by the plan's value at that path when the document is written.
  objectives = {
    "Giảm {giam_ho_ngheo.households} hộ nghèo trên toàn địa bàn thành phố theo chuẩn nghèo tiếp " ..
      "cận đa chiều, tỷ lệ hộ nghèo giảm {giam_ho_ngheo.rate_points}%.",
    "Hỗ trợ {tro_cap.coverage} số khẩu hộ nghèo không có khả năng thoát nghèo trên địa bàn thành " ..
      "phố, được hưởng trợ cấp hàng tháng từ nguồn ngân sách thành phố.",
    "Giải quyết thủ tục cho {vay_von.coverage} hộ nghèo có nhu cầu được vay vốn tín dụng ưu đãi.",
    "Thực hiện đầy đủ chế độ BHYT cho người nghèo, người thuộc hộ cận nghèo, người dân tộc thiểu " ..
      "số thuộc vùng có điều kiện kinh tế, xã hội khó khăn, đặc biệt khó khăn; chính sách hỗ trợ " ..
      "về giáo dục, y tế cho hộ nghèo, cận nghèo.",
    "Tập huấn và đào tạo nâng cao năng lực cho 100% cán bộ cơ sở cấp xã, phường phụ trách công " ..
      "tác giảm nghèo.",
  },
  closing = "Trên đây, là Kế hoạch thực hiện công tác giảm nghèo bền vững năm 2021 và hỗ trợ hộ " ..
    "nghèo không có khả năng thoát nghèo của UBND thành phố Lào Cai. Yêu cầu các cơ quan, đơn vị, " ..
    "UBND các xã, phường triển khai thực hiện./.",
}

-- II.1 — 90 households out of poverty, by commune and by quarter; the rate falls 0.24
-- points (the run checks 90 ÷ the city's households against it).
target "giam_ho_ngheo" {
  label = "Thực hiện giảm hộ nghèo năm 2021",
  households = 90,
  rate_points = 0.24,
  by_commune = { { "Tả Phời", 30 }, { "Thống Nhất", 40 }, { "Hợp Thành", 15 }, { "Cốc San", 2 },
    { "Nam Cường", 1 }, { "Pom Hán", 1 }, { "Vạn Hoà", 1 } },
  quarter_totals = { Q1 = 4, Q2 = 9, Q3 = 17, Q4 = 60 },
  -- what the registry should give (kehoach test): 90 households are 0.24% of the city
  expect = { rate_points = 0.24 },
  Q1 = { { "Hợp Thành", 3 }, { "Thống Nhất", 1 } },
  Q2 = { { "Thống Nhất", 3 }, { "Tả Phời", 4 }, { "Hợp Thành", 2 } },
  Q3 = { { "Thống Nhất", 6 }, { "Tả Phời", 7 }, { "Hợp Thành", 3 }, { "Cốc San", 1 } },
  Q4 = { { "Thống Nhất", 30 }, { "Cốc San", 1 }, { "Tả Phời", 19 }, { "Hợp Thành", 7 },
    { "Vạn Hoà", 1 }, { "Nam Cường", 1 }, { "Pom Hán", 1 } },
}

-- ---- funding sources (III.7) -------------------------------------------------------------

source "ngan_sach_tinh" {
  label = "Ngân sách tỉnh thuộc nguồn vốn Chương trình MTQG xây dựng nông thôn mới",
  short = "Ngân sách tỉnh",
}
source "ngan_sach_thanh_pho" { label = "Ngân sách thành phố" }
source "xa_hoi_hoa" { label = "Nguồn xã hội hoá" }
source "von_vay" { label = "Nguồn vốn vay tín dụng", short = "Vốn vay", loan = true }

-- ---- II.2 — the monthly allowance ----------------------------------------------------------

support "tro_cap" {
  label = "Hỗ trợ hộ nghèo không có khả năng thoát nghèo",
  section = "tasks",
  who = { status = "poor", unable_to_escape = true },
  households = 57,                    -- "Tổng số hộ: 57 hộ, số khẩu được hỗ trợ 105 nhân khẩu":
  persons = 105,                      -- stated by the seed; the run counts both in the registry
  coverage = 1,                       -- 100% số khẩu
  amount = per_person_month(250000),  -- 250.000 đồng/khẩu/tháng
  months = "01-12",                   -- từ tháng 01 đến hết tháng 12 năm 2021 (12 tháng)
  source = "ngan_sach_thanh_pho",
  by = "ubnd_xa",
  expect = { households = 57, persons = 105, cost = million(315) },
  budget_label = "Hỗ trợ hàng tháng cho hộ nghèo không có khả năng thoát nghèo",
  notes = {
    "Ủy ban nhân dân các xã, phường thực hiện hỗ trợ cho các hộ nghèo không có khả năng thoát " ..
      "nghèo theo kế hoạch.",
  },
}

-- ---- III — the measures ------------------------------------------------------------------
--
-- Effects (`effect = { ... }`) are not in the seed: they are this file's assumptions, for
-- the projection `kehoach run` makes of whether the 90 households can leave poverty. Each
-- is named where it is declared, with its reasoning, so that an officer can dispute it
-- and try another with --set <support>.effect.income=... . In short:
--   A1 training: +100.000 đồng per person per month from Q3;
--   A2 a 50-million loan: +160.000 đồng per person per month from Q3;
--   A3 breeding cows: no income within 2021 (the first calves come in 2022);
--   A4 health-insurance cards: the health-insurance deprivation cleared from Q2;
--   A5 a house: the two housing deprivations cleared from Q4.
-- The allowance (II.2) has no effect: it supports households that cannot leave poverty.

-- III.1 Vocational training, 16 households.
support "dao_tao_nghe" {
  label = "Đào tạo nghề, hỗ trợ tạo việc làm nâng cao thu nhập",
  who = { status = "poor", need = "training" },
  quota = { { "Tả Phời", 14 }, { "Thống Nhất", 1 }, { "Nam Cường", 1 } },
  households = 16,
  priority = "lowest_income",
  amount = per_household(million(3)),  -- 48 triệu ÷ 16 hộ = 3 triệu đồng một hộ: not in the
  show = { "households", "communes" },  -- seed, so the document does not print it
  quarters = "Q2",
  source = "ngan_sach_tinh",
  by = "gdnn_gdtx",
  expect = { households = 16, cost = million(48),
    by_commune = { { "Tả Phời", 14 }, { "Thống Nhất", 1 }, { "Nam Cường", 1 } } },
  with = "ubnd_xa",
  -- A1: a short farm course (under 3 months, in Q2) lets one worker of the household grow
  -- or raise a little more, or take seasonal wage work: about 350.000 đồng a month for the
  -- household, ~100.000 per person in a household of 3-4, from the quarter after the course.
  effect = {
    income = 100000, from = "Q3",
    note = "Giả định A1 (không có trong kế hoạch): sau khoá học nghề nông nghiệp ngắn hạn, " ..
      "thu nhập hộ tăng khoảng 350.000 đồng/tháng, tức khoảng 100.000 đồng/người/tháng, từ quý III.",
  },
  -- the seed's words; {households} and {communes} are counted in the registry
  text = {
    "Chỉ đạo Trung tâm GDNN và GDTX thành phố phối hợp với Ủy ban nhân dân các xã, phường tổ chức " ..
      "lập danh sách tập huấn, đào tạo nghề nông nghiệp ngắn hạn dưới 3 tháng cho {households} hộ, " ..
      "lồng ghép từ nguồn vốn chương trình mục tiêu Quốc gia xây dựng nông thôn mới (xã {communes}) " ..
      "chủ yếu về Trồng trọt, chăn nuôi để các hộ gia đình tiếp cận được với kỹ thuật sản xuất nông nghiệp.",
  },
  budget_label = "Hỗ trợ đào tạo nghề",
  notes = {
    "Trong đó mở các lớp đào tạo nghề cho các đối tượng người nghèo, cận nghèo khác, dân tộc thiểu " ..
      "số, phụ nữ có nhu cầu học nghề được tham gia học nghề; Đào tạo nghề phi nông nghiệp cho lao " ..
      "động chuyển đổi cơ cấu lao động (May, chế biến thực phẩm,...).",
  },
}

-- III.2 Preferential credit, 48 households.
support "vay_von" {
  label = "Hỗ trợ hộ nghèo vay vốn tín dụng",
  who = { status = "poor", need = "credit" },
  quota = { { "Thống Nhất", 39 }, { "Tả Phời", 9 } },
  households = 48,
  priority = "lowest_income",
  coverage = 1,                         -- "100% hộ nghèo có nhu cầu được vay vốn" (I.2)
  amount = per_household(million(50)),  -- 2.400 triệu ÷ 48 hộ = 50 triệu đồng một khoản vay:
  show = { "households", "communes" },   -- not in the seed, so not printed (a loan: "Mức cho vay")
  quarters = "Q1-Q2",
  source = "von_vay",
  by = "nhcsxh",
  expect = { households = 48, cost = million(2400) },
  -- A2: 50 million đồng put into pigs, poultry or a crop returns about 20% a year before
  -- interest (10 million); the Social Policy Bank's rate for poor households, 6,6% a year,
  -- takes 3,3 million; 6,7 million a year is ~560.000 đồng a month for the household, ~160.000
  -- per person in a household of 3-4. Loans paid out in Q1-Q2 sell their first produce
  -- about six months later: from Q3.
  effect = {
    income = 160000, from = "Q3",
    note = "Giả định A2 (không có trong kế hoạch): 50 triệu đồng đầu tư chăn nuôi, trồng trọt lãi khoảng " ..
      "20%/năm, trừ lãi vay 6,6%/năm còn khoảng 560.000 đồng/hộ/tháng, tức khoảng 160.000 đồng/người/tháng, " ..
      "từ quý III (sau một chu kỳ sản xuất).",
  },
  text = {
    "Ngân hàng chính sách triển khai cho {households} hộ nghèo tại các xã: {communes} được tiếp cận " ..
      "các nguồn vốn vay tín dụng ưu đãi, đáp ứng nhu cầu vay vốn mua sắm vật tư, giống cây trồng, vật " ..
      "nuôi, phát triển kinh tế hộ gia đình.",
  },
  budget_label = "Vay vốn phát triển kinh tế",
  notes = {
    "Sử dụng có hiệu quả quỹ ủy thác vay vốn của các tổ chức chính trị - xã hội; hướng dẫn hộ nghèo " ..
      "theo khả năng, quy mô, trình độ sản xuất thực hiện vay vốn và sử dụng theo quy định.",
  },
}

-- III.3 Breeding cows: the seed names 10 households but costs 80 cows ("Hỗ trợ 80 con giống
-- bò sinh sản 2000 triệu đồng"), and limits the programme to four communes that do not
-- include Vạn Hoà, where it gives one household. `kehoach check` reports both.
support "bo_giong" {
  label = "Hỗ trợ phát triển sản xuất đa dạng hoá sinh kế: giống vật nuôi (bò) sinh sản",
  who = { status = "poor", need = "livestock" },
  quota = { { "Hợp Thành", 6 }, { "Cốc San", 2 }, { "Tả Phời", 1 }, { "Vạn Hoà", 1 } },
  households = 10,
  priority = "lowest_income",
  units = 80,
  amount = per_unit(million(25), "con bò"),  -- 2.000 triệu ÷ 80 con = 25 triệu đồng một con:
  show = { "households", "communes" },        -- not in the seed, so not printed
  scope = { "Tả Phời", "Hợp Thành", "Thống Nhất", "Cốc San" },
  quarters = "Q3-Q4",
  source = "ngan_sach_tinh",
  by = "kinh_te",
  expect = { households = 10, units = 80, cost = million(2000) },
  -- A3: cows given in Q3-Q4 carry a calf about nine and a half months, and a calf is sold
  -- at six months or more: no income from them within 2021. Written as an effect of 0 so
  -- that the report states it; --set bo_giong.effect.income=... tries another view.
  effect = {
    income = 0, from = "Q4",
    note = "Giả định A3 (không có trong kế hoạch): bò cấp quý III-IV mang thai khoảng 9,5 tháng, bê bán " ..
      "sau 6 tháng tuổi: chưa tăng thu nhập trong năm 2021.",
  },
  text = {
    "Phòng Kinh tế thành phố hỗ trợ giống vật nuôi (giống bò) sinh sản cho {households} hộ tại các xã " ..
      "({communes}) và các hộ nghèo khác theo nguồn vốn thuộc chương trình mục tiêu Quốc gia xây dựng " ..
      "nông thôn mới cho hộ nghèo tại thôn đặc biệt khó khăn, {scope}.",
  },
  budget_label = "Hỗ trợ {units} con giống bò sinh sản",
  notes = {
    "Triển khai chính sách khác về khuyến khích phát triển sản xuất nông nghiệp trên địa bàn tỉnh.",
  },
}

-- III.5 Health insurance cards (the seed has no III.4). Not paid from this plan's budget.
-- The seed says it is done "trong quý II" and also "hoàn thành trong quý I".
support "bhyt" {
  label = "Hỗ trợ chính sách Y tế: cấp thẻ Bảo hiểm y tế",
  who = { any = {
    { status = { "poor", "near_poor" } },
    { ethnic_minority = true, difficult = true },
  } },
  coverage = 1,                         -- "đảm bảo 100% các đối tượng được cấp thẻ BHYT"
  quarters = "Q2",                      -- "Thực hiện trong quý II năm 2021."
  completed_by = "Q1",                  -- "Thời gian thực hiện hoàn thành trong quý I/2021."
  outside_budget = "thẻ BHYT do ngân sách nhà nước đóng theo chính sách, không từ kinh phí của kế hoạch",
  by = "ubnd_xa",
  with = "y_te",
  -- A4: the cards are issued in Q2 (the later of the seed's two dates), and a household
  -- with a card for each member is no longer deprived of health insurance.
  effect = {
    clears = { "d_health_insurance" }, from = "Q2",
    note = "Giả định A4: thẻ BHYT cấp xong trong quý II, hộ hết thiếu hụt về bảo hiểm y tế từ quý II.",
  },
  -- cards are issued per person: the seed counts no households here, and neither does the
  -- document. Its "Thực hiện trong quý II năm 2021" is the quarters above; the document
  -- prints that period and not the contradicting completion (check warns about it).
  text = {
    "Ủy ban nhân dân các xã, phường triển khai lập danh sách cấp thẻ Bảo hiểm y tế cho đối tượng " ..
      "thuộc diện hưởng chính sách (Hộ nghèo, Hộ cận nghèo, Người Dân tộc thiểu số ở vùng khó khăn); " ..
      "đặc biệt đối hộ nghèo còn thiếu hụt về y tế, đảm bảo {bhyt.coverage} các đối tượng được cấp thẻ " ..
      "BHYT khám chữa bệnh.",
  },
}

-- III.6 Housing, 32 households, paid by social contributions.
support "nha_o" {
  label = "Hỗ trợ nhà ở cho hộ nghèo",
  who = { status = "poor", need = "housing" },
  quota = { { "Tả Phời", 7 }, { "Cốc San", 4 }, { "Thống Nhất", 14 }, { "Hợp Thành", 7 } },
  households = 32,
  priority = "lowest_income",
  amount = per_household(million(30)),  -- 960 triệu ÷ 32 hộ = 30 triệu đồng một nhà: not in the
  show = { "households", "communes" },  -- seed, so not printed
  quarters = "Q3-Q4",
  period_note = "có Kế hoạch riêng",
  source = "xa_hoi_hoa",
  by = "mttq",
  expect = { households = 32, cost = million(960) },
  -- A5: a house built with 30 million đồng in Q3-Q4 (solid, of the usual 30-40 m²) is lived
  -- in by the end of the year: the household is no longer deprived of housing quality or
  -- housing area at the end of Q4.
  effect = {
    clears = { "d_housing_quality", "d_housing_area" }, from = "Q4",
    note = "Giả định A5: nhà xây trong quý III-IV hoàn thành, hộ vào ở trước cuối năm: hết thiếu hụt " ..
      "chất lượng và diện tích nhà ở từ quý IV.",
  },
  text = {
    "Triển khai hỗ trợ làm nhà ở cho {households} hộ nghèo còn khó khăn về nhà ở (xã {communes}).",
  },
  budget_label = "Hỗ trợ làm nhà ở",
  notes = {
    "Ngoài ra các hộ nghèo còn chưa đạt về chỉ tiêu nhà ở được nguồn vốn vay làm nhà ở theo " ..
      "Nghị định 100/2015/NĐ-CP.",
  },
}

-- III.7 — 5.723 triệu đồng in all. The run computes each line from the programmes:
-- province 2.000 (80 cows) + 48 (training); city 315 (57 households, 105 persons × 250.000
-- × 12 months); social contributions 960 (32 houses); credit 2.400 (48 loans).
budget {
  total = million(5723),
  ngan_sach_tinh = million(2048),
  ngan_sach_thanh_pho = million(315),
  xa_hoi_hoa = million(960),
  von_vay = million(2400),
  -- the cost of the households the run chooses, by source (kehoach test)
  expect = { total = million(5723), ngan_sach_tinh = million(2048), ngan_sach_thanh_pho = million(315),
    xa_hoi_hoa = million(960), von_vay = million(2400) },
}

-- ---- What if ...? (not in the seed) -------------------------------------------------------
-- Questions officers ask of the plan, answered without editing it:
--   ./kehoach run plans/lao-cai-city-2021.lua --scenario tang_tro_cap
--   ./kehoach compare plans/lao-cai-city-2021.lua --scenario tang_tro_cap --scenario vay_du_nhu_cau

scenario "tang_tro_cap" {
  label = "Nâng mức trợ cấp lên 300.000 đồng/khẩu/tháng",
  ["tro_cap.amount"] = 300000,
}

-- Every poor household that registered a need for credit in Thống Nhất and Tả Phời gets
-- its loan (the quotas follow into the stated 48 households; the budget line does not).
-- Housing to the poor households deprived in the most ways, not those of lowest income: a
-- house then clears deprivations that keep a household poor.
scenario "nha_o_thieu_hut" {
  label = "Hỗ trợ nhà ở ưu tiên hộ thiếu hụt nhiều nhất",
  ["nha_o.priority"] = "most_deprived",
}

scenario "vay_du_nhu_cau" {
  label = "Cho vay đủ nhu cầu tại Thống Nhất và Tả Phời",
  ["vay_von.quota.Thống Nhất"] = 46,
  ["vay_von.quota.Tả Phời"] = 13,
}

-- ---- IV — reports -------------------------------------------------------------------------

local senders = { "Các thành viên Ban Chỉ đạo giảm nghèo thành phố", "UBND các xã, phường",
  "Các cơ quan, đơn vị có liên quan" }

report "bao_cao_6_thang" {
  label = "Báo cáo 6 tháng", due = "2021-06-05", covers = "01-06", to = "ldtbxh", from = senders,
}
report "bao_cao_nam" {
  label = "Báo cáo năm", due = "2021-12-05", covers = "01-12", to = "ldtbxh", from = senders,
}
report "bao_cao_dot_xuat" {
  label = "Báo cáo đột xuất", when = "theo chỉ đạo", to = "ldtbxh", from = senders,
}

-- ---- V — who does what ---------------------------------------------------------------------

agency "ldtbxh" {
  name = "Phòng Lao động - Thương binh và Xã hội thành phố",
  short = "Phòng LĐ-TB&XH",
  "Tham mưu tổng hợp, thẩm định số khẩu thuộc hộ nghèo bất khả kháng tại các xã, phường, trình " ..
    "Ủy ban nhân dân thành phố phê duyệt danh sách hỗ trợ theo quy định; kiểm tra, đôn đốc Ủy ban " ..
    "nhân dân các xã, phường chi trả trợ cấp đảm bảo theo quy định.",
  -- "hướng dẫn thực kế hoạch" (thực hiện): the seed's own typo, kept as the seed writes it
  "Chủ trì, phối hợp với các đơn vị liên quan triển khai hướng dẫn thực kế hoạch; Triển khai dạy " ..
    "nghề phi nông nghiệp cho lao động nông thôn; Công tác bảo trợ xã hội; Xây dựng kế hoạch và tập " ..
    "huấn hướng dẫn công tác điều tra, rà soát hộ nghèo, hộ cận nghèo năm 2021.",
  "Phối hợp với các cơ quan, đơn vị liên quan triển khai các chính sách hỗ trợ cho các hộ thoát " ..
    "nghèo năm 2021 và các chính sách khác đối với hộ cận nghèo, hộ dân tộc thiểu số trên địa bàn thành phố.",
  "Tham mưu đôn đốc, kiểm tra, giám sát tình hình thực hiện các chính sách giảm nghèo; tổng hợp " ..
    "báo cáo kết quả thực hiện công tác giảm nghèo trên địa bàn thành phố theo quy định.",
}

agency "ubnd_xa" {
  name = "Ủy ban nhân dân các xã, phường",
  short = "UBND các xã, phường",
  "Xây dựng kế hoạch cụ thể để tổ chức triển khai thực hiện hoàn thành các mục tiêu, nhiệm vụ về " ..
    "giảm nghèo năm 2021; Tổ chức tuyên truyền, vận động các hộ gia đình trên địa bàn chủ động đẩy " ..
    "mạnh phát triển kinh tế, để giảm nghèo nhanh và bền vững.",
  "Phối hợp với các cơ quan, đơn vị chuyên môn của thành phố để tổ chức triển khai thực hiện hoàn " ..
    "thành các nội dung của kế hoạch.",
  "Tổ chức tốt công tác điều tra, rà soát hộ nghèo, hộ cận nghèo năm 2021 đảm bảo theo quy định. " ..
    "Thực hiện có hiệu quả chính sách cấp thẻ bảo hiểm y tế cho người nghèo, cận nghèo, người dân " ..
    "tộc thiểu số.",
  "Thực hiện hỗ trợ cho hộ nghèo không có khả năng thoát nghèo theo quy định và thực hiện thanh, " ..
    "quyết toán đảm quy định.",
}

agency "kinh_te" {
  name = "Phòng Kinh tế thành phố",
  short = "Phòng Kinh tế",
  "Triển khai hỗ trợ dự án con giống (bò) sinh sản cho hộ nghèo tại các xã Cốc San, Thống Nhất, " ..
    "Tả Phời, Hợp Thành.",
  "Hỗ trợ chuyển giao tiến bộ kỹ thuật; xây dựng và nhân rộng các mô hình phát triển kinh tế tiêu " ..
    "biểu về tăng thu nhập của nhân dân; phối hợp với phòng Lao động - Thương binh và Xã hội thành " ..
    "phố, rà soát để ưu tiên hỗ trợ con giống, vật nuôi phù hợp với đặc thù điều kiện của người dân; " ..
    "nghiên cứu đưa các mô hình cây con, giống mới vào sản xuất góp phần nâng cao thu nhập cho các " ..
    "hộ gia đình, đặc biệt là các hộ nghèo.",
  "Tập trung ưu tiên triển khai các chính sách về hỗ trợ cho các hộ nghèo trên địa bàn thành phố.",
  -- the seed breaks this paragraph across a page ("chuyển giao / tiên bộ"); joined here
  "Xây dựng phát triển các mô hình sản xuất, giảm nghèo có hiệu quả, liên kết giữa người nghèo với " ..
    "doanh nghiệp nhằm hỗ trợ chi phí sản xuất, chuyển giao tiến bộ khoa học kỹ thuật cho lao động, " ..
    "hỗ trợ kết nối người nghèo với thị trường thông qua phát triển các đơn vị cung cấp các dịch vụ " ..
    "sản xuất và tiêu thụ sản phẩm.",
}

-- "Thủ tướng Chính về" (Chính phủ): the seed's own typo, kept as the seed writes it
agency "van_phong" {
  name = "Văn phòng HĐND & UBND thành phố",
  "Triển khai Chính sách đối với đồng bào dân tộc nói chung và hộ nghèo là người dân tộc nói riêng. " ..
    "Thực hiện Chương trình 135; Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng dân " ..
    "tộc thiểu số và miền núi; Quyết định số 39/2020/QĐ-TTg ngày 31/12/2020 của Thủ tướng Chính phủ " ..
    "về Tiêu chí xác định các dân tộc còn gặp nhiều khó khăn, có khó khăn đặc thù giai đoạn " ..
    "2021-2025; Quyết định số 2086/QĐ-TTg ngày 31/10/2016 của Thủ tướng Chính về phê duyệt Đề án hỗ " ..
    "trợ phát triển kinh tế - xã hội các dân tộc thiểu số ít người giai đoạn 2016 - 2025.",
}

agency "gd_dt" {
  name = "Phòng Giáo dục và Đào tạo thành phố",
  "Triển khai thực hiện có hiệu quả chính sách miễn, giảm học phí, hỗ trợ học bổng, trợ cấp xã hội " ..
    "và hỗ trợ chi phí học tập đối với học sinh nghèo ở các cấp học.",
}

agency "tc_kh" {
  name = "Phòng Tài chính - Kế hoạch thành phố",
  "Tham mưu cho Ủy ban nhân dân thành phố cân đối đảm bảo nguồn kinh phí để hỗ trợ cho hộ nghèo " ..
    "bất khả kháng theo kế hoạch đề ra.",
}

-- "đồng bào dân tộc thiểu," (thiểu số): the seed's own typo, kept as the seed writes it
agency "tu_phap" {
  name = "Phòng Tư pháp thành phố",
  "Thực hiện hiệu quả chính sách trợ giúp pháp lý miễn phí cho người nghèo, ưu tiên và tập trung " ..
    "hơn đối với đồng bào dân tộc thiểu, các thôn đặc biệt khó khăn, tạo điều kiện cho người nghèo " ..
    "hiểu biết quyền, nghĩa vụ của mình, chủ động tiếp cận các chính sách trợ giúp của Nhà nước.",
}

-- The seed writes "Trung tâm GDNV và GDTX" in V.8 and "Trung tâm GDNN và GDTX" in III.1.
agency "gdnn_gdtx" {
  name = "Trung tâm GDNN và GDTX thành phố",
  "Phối hợp với các xã, phường lập danh sách các hộ thoát nghèo năm 2021 theo kế hoạch giao của " ..
    "thành phố cần đào tạo nghề, giới thiệu việc làm để mở lớp đào tạo theo nhu cầu; đồng thời triển " ..
    "khai thực hiện tốt các chính sách đào tạo nghề cho lao động nông thôn, lao động nghèo, cận " ..
    "nghèo, người tàn tật, người dân tộc thiểu số vùng khó khăn theo quy định. Bảo đảm tỷ lệ lao " ..
    "động sau đào tạo có trên 80% có việc làm ổn định.",
}

agency "y_te" {
  name = "Trung tâm Y tế thành phố",
  "Triển khai nâng cao chất lượng khám chữa bệnh, chăm sóc sức khỏe nhân dân; đặc biệt là các đối " ..
    "tượng hộ nghèo, cận nghèo, DTTS, đảm bảo 100% các đối tượng được hưởng chính sách về khám chữa " ..
    "bệnh bằng thẻ BHYT theo quy định.",
}

agency "vh_tt" {
  name = "Trung tâm Văn hoá, thể thao - Truyền thông thành phố",
  "Thực hiện tốt chương trình đưa văn hóa thông tin về cơ sở; đa dạng hóa các hoạt động truyền " ..
    "thông, giúp người nghèo tiếp cận các chính sách giảm nghèo, phổ biến các mô hình giảm nghèo " ..
    "hiệu quả, gương thoát nghèo.",
  "Xây dựng các chương trình truyền thông trên các phương tiện thông tin đại chúng về chương trình " ..
    "mục tiêu quốc gia giảm nghèo năm 2021 (Tổ chức sản xuất các sản phẩm truyền thông; thực hiện " ..
    "các chương trình, các đợt truyền thông...).",
}

agency "nhcsxh" {
  name = "Ngân hàng Chính sách xã hội chi nhánh tỉnh Lào Cai",
  short = "Ngân hàng CSXH",
  requested = true,
  "Tiếp tục thực hiện chính sách tín dụng ưu đãi đối với hộ nghèo, hộ cận nghèo; thực hiện chính " ..
    "sách ưu đãi đối với hộ mới thoát nghèo để đảm bảo các hộ gia đình có thể thoát nghèo bền vững; " ..
    "Tiếp tục triển khai chính sách theo Nghị định 100/2015/NĐ-CP ngày 20/10/2015 về phát triển " ..
    "quản lý nhà ở xã hội.",
}

agency "mttq" {
  name = "Mặt trận Tổ quốc và các tổ chức đoàn thể chính trị - xã hội thành phố",
  short = "MTTQ và các đoàn thể",
  requested = true,
  "Tổ chức tuyên truyền vận động nhân dân, hội viên, đoàn viên tích cực tham gia thực hiện kế hoạch " ..
    "giảm nghèo; đẩy mạnh các hoạt động hỗ trợ, giúp đỡ các hội viên, đoàn viên và nhân dân thoát " ..
    "nghèo, phát triển kinh tế, ổn định cuộc sống, vươn lên làm giàu; tổ chức tốt, có hiệu quả tháng " ..
    "cao điểm “Vì người nghèo” năm 2021.",
  "Tiếp tục triển khai Kế hoạch hỗ trợ sửa chữa, xây mới nhà ở cho hộ nghèo, cận nghèo, hộ có khó " ..
    "khăn về nhà ở năm 2021. Kêu gọi các tổ chức, cá nhân ủng hộ Quỹ “Vì người nghèo” để tiếp tục " ..
    "thực hiện chính sách an sinh xã hội, trợ cấp cho các hộ nghèo bất khả kháng.",
}

-- ---- Nơi nhận, and the signature ---------------------------------------------------------------

distribution {
  "TT Thành ủy, UBND TP;",
  "UBMTTQ VN và các Đoàn thể TP;",
  "Ngân hàng CSXH tỉnh LC;",
  "Các phòng: LĐTĐBXH; TC-KH; Kinh tế; Tư pháp; Giáo dục - Đào tạo TP;",
  "Văn phòng HĐND&UBND TP;",
  "Các Trung tâm: VH; Y tế; GDNN-GDĐT TP;",
  "UBND các xã, phường;",
  "Lưu VT, LĐTĐBXH (5 bản)",
}

signature {
  "TM. ỦY BAN NHÂN DÂN",
  "KT. CHỦ TỊCH",
  "PHÓ CHỦ TỊCH",
  name = "Ngô Vũ Quốc",
}
