-- lao-cai-province.lua — the profile of the new Lào Cai province (tỉnh Lào Cai as it is from
-- 1 July 2025: Lào Cai and Yên Bái merged, no district level) at the end of 2026, for
-- `kehoach db generate --profile scripts/profiles/lao-cai-province.lua` (`make
-- data/lao-cai-province.db`), and the 2027 plans plans/lao-cai-province-2027.lua and
-- plans/xa-mu-cang-chai-2027.lua. A two-level tree: the province, then its 99 communes and
-- wards (89 xã, 10 phường), each with the province as its parent.
--
-- WHAT IS REAL (sources; the research notes gathered them in December 2026):
--   * the province: Nghị quyết 202/2025/QH15 (12/6/2025) merged Lào Cai and Yên Bái into
--     tỉnh Lào Cai; code 15 in Công văn 915/CTK-CSCL of the Cục Thống kê (the 34 provinces'
--     codes); 1.778.785 people and 13.256,92 km² as the arrangement gives them
--     (sapnhap.bando.com.vn metadata, the Đề án's figures);
--   * every unit's name and kind (xã, phường) and what it was formed from: Nghị quyết
--     1673/NQ-UBTVQH15 (16/6/2025), items 1–91 and the 8 xã not rearranged (item 92), in the
--     resolution's order, which is the order below; the comment after each unit gives its item
--     ("k.N");
--   * every unit's 5-digit code: Công văn 1027/CTK-CSCL (25/6/2025), Phụ lục I (the code of
--     one of the units it was formed from, kept; hence the gaps);
--   * difficult = true: the 87 units QĐ 2167/QĐ-UBND (23/6/2026) of UBND tỉnh Lào Cai lists as
--     especially difficult (ĐBKK); the 8 it lists as difficult (KK) and the 4 wards in
--     neither list (Văn Phú, Yên Bái, Nam Cường, Âu Lâu) are not (a transcription of the
--     decision's appendix was read, not the signed original);
--   * each unit's area in the comment after it: the forestry data of QĐ 537/QĐ-UBND
--     (27/02/2026), with the former district it lies in ("Biểu 3: 99 Xã/Phường");
--   * the poverty the households are calibrated to: former Lào Cai, end of 2024, 20.411 poor
--     households of 181.603 (11,24%) and 18.058 near-poor (9,94%) (QĐ 3482/QĐ-UBND
--     23/12/2024, as Báo Lào Cai reported it), with its districts' rates (Si Ma Cai 33,05%,
--     Bắc Hà 28,13%, Mường Khương 25,69%, Bát Xát 25,07%, TP Lào Cai 0,13%); former Yên Bái:
--     only its 2024 TARGETS were found (poor 5,86%, 13.003 households; poor and near-poor
--     8,98%; by district TP Yên Bái 0,2%, Yên Bình 2,12%, Trấn Yên 1,05%, Văn Yên 3,43%, Văn
--     Chấn 6,37%; Cổng TTĐT Yên Bái, 27/02/2024), used in place of the result;
--   * ethnic minorities: 57,6% of the people, 95 of the 99 units in the ethnic-minority and
--     mountain area (Dân trí, 11/2025); 2.438 thôn in those 95 units (QĐ 2752/QĐ-UBND,
--     31/12/2025).
--
-- WHAT IS A PLACEHOLDER (no source was found; each figure is derived as said here):
--   * THE REGISTRY IS A 1-IN-10 SAMPLE: households = 40.350, a tenth of the province's
--     about 403.500 (181.603 in former Lào Cai, and about 221.900 in former Yên Bái: 13.003
--     poor ÷ 5,86%). Every count below (households, poor, near-poor, needs) is at that
--     scale: multiply by 10 for the province. Persons follow household_size (about 4,4 a
--     household, as 1.778.785 ÷ 403.500), so the sample holds about 178.000 persons.
--   * households by unit: each former province's households spread over its units by area,
--     a ward (phường) counting six times its area (towns are denser); no per-unit population
--     was published with NQ 1673.
--   * poor households by unit (ESTIMATES): a unit in a former district with a sourced rate
--     (above) gets that rate; the former province's remaining poor households (11,24% of
--     former Lào Cai, 5,86% of former Yên Bái in all) are shared among its other units by
--     households, an ĐBKK unit weighing 1, a KK unit 0,5, another 0,2. The whole province
--     comes to 3.341 poor of 40.350 households, 8,28% (no merged rate is published; the
--     research notes estimate about 8,3%). Near-poor households: each former province's
--     total (9,94% of former Lào Cai; 8,98% − 5,86% = 3,12% of former Yên Bái) shared by
--     poor households. Unable to escape poverty: 2% of each unit's poor.
--   * the ethnic-minority shares (by kind and ĐBKK status, making 57% of households), the
--     villages (2.438 thôn shared by households), the needs, incomes, deprivations and
--     names: plausible, at the scale of the former Lào Cai and Yên Bái, not sourced.
--   * the review is the end of 2026, the review the 2027 plans read. The 2027–2030 standard
--     (NĐ 351/2025/NĐ-CP) applies to it; until it is shipped, the review is made under
--     vn-2022 (the same rule: poor at or below the line with 3 or more of 12 deprivations).
return {
  name = "Tỉnh Lào Cai",
  households = 40350,
  seed = 2026,

  survey = { year = 2026, standard = "vn-2026" },

  -- no district: the communes' parent is the province (a two-level tree)
  province = { code = "15", name = "Lào Cai", kind = "tỉnh" },

  -- Per unit: code (CV 1027), name and kind (NQ 1673), difficult (QĐ 2167); households,
  -- villages, ethnic-minority shares (all, among the poor and near-poor), poor, near-poor and
  -- unable to escape at the 1-in-10 sample's scale (placeholders, see above); needs
  -- registered by poor households able to escape in the units the 2027 plans give quotas to.
  -- After each: NQ 1673 item; former district; QĐ 2167 status; area.
  communes = {
    { code = "04465", name = "Khao Mang", kind = "xã", difficult = true, households = 320, villages = 19,
      ethnic_minority = { 0.66, 0.95 }, poor = 35, near_poor = 19, unable_to_escape = 1 },  -- NQ1673 k.1; Mù Cang Chải; ĐBKK; 120,03 km²
    { code = "04456", name = "Mù Cang Chải", kind = "xã", difficult = true, households = 392, villages = 24,
      ethnic_minority = { 0.66, 0.95 }, poor = 43, near_poor = 23, unable_to_escape = 1, needs = { credit = 13, livestock = 6, housing = 5, training = 4 } },  -- NQ1673 k.2; Mù Cang Chải; ĐBKK; 147,03 km²
    { code = "04492", name = "Púng Luông", kind = "xã", difficult = true, households = 675, villages = 41,
      ethnic_minority = { 0.66, 0.95 }, poor = 75, near_poor = 40, unable_to_escape = 2 },  -- NQ1673 k.3; Mù Cang Chải; ĐBKK; 253,24 km²
    { code = "04630", name = "Tú Lệ", kind = "xã", difficult = true, households = 308, villages = 19,
      ethnic_minority = { 0.66, 0.95 }, poor = 20, near_poor = 11, unable_to_escape = 0 },  -- NQ1673 k.4; Văn Chấn; ĐBKK; 115,35 km²
    { code = "04606", name = "Trạm Tấu", kind = "xã", difficult = true, households = 636, villages = 38,
      ethnic_minority = { 0.66, 0.95 }, poor = 70, near_poor = 37, unable_to_escape = 1 },  -- NQ1673 k.5; Trạm Tấu; ĐBKK; 238,29 km²
    { code = "04585", name = "Hạnh Phúc", kind = "xã", difficult = true, households = 517, villages = 31,
      ethnic_minority = { 0.66, 0.95 }, poor = 57, near_poor = 30, unable_to_escape = 1 },  -- NQ1673 k.6; Trạm Tấu; ĐBKK; 193,85 km²
    { code = "04609", name = "Phình Hồ", kind = "xã", difficult = true, households = 603, villages = 36,
      ethnic_minority = { 0.66, 0.95 }, poor = 67, near_poor = 36, unable_to_escape = 1 },  -- NQ1673 k.7; Trạm Tấu; ĐBKK; 226,02 km²
    { code = "04660", name = "Liên Sơn", kind = "xã", difficult = true, households = 63, villages = 4,
      ethnic_minority = { 0.66, 0.95 }, poor = 4, near_poor = 2, unable_to_escape = 0 },  -- NQ1673 k.8; Văn Chấn; ĐBKK; 23,58 km²
    { code = "04636", name = "Gia Hội", kind = "xã", difficult = true, households = 569, villages = 34,
      ethnic_minority = { 0.66, 0.95 }, poor = 36, near_poor = 19, unable_to_escape = 1 },  -- NQ1673 k.9; Văn Chấn; ĐBKK; 213,26 km²
    { code = "04651", name = "Sơn Lương", kind = "xã", difficult = true, households = 330, villages = 20,
      ethnic_minority = { 0.66, 0.95 }, poor = 21, near_poor = 11, unable_to_escape = 0 },  -- NQ1673 k.10; Văn Chấn; ĐBKK; 123,77 km²
    { code = "04672", name = "Văn Chấn", kind = "xã", difficult = true, households = 374, villages = 23,
      ethnic_minority = { 0.66, 0.95 }, poor = 24, near_poor = 13, unable_to_escape = 0 },  -- NQ1673 k.11; Văn Chấn; ĐBKK; 140,25 km²
    { code = "04705", name = "Thượng Bằng La", kind = "xã", difficult = true, households = 298, villages = 18,
      ethnic_minority = { 0.66, 0.95 }, poor = 19, near_poor = 10, unable_to_escape = 0 },  -- NQ1673 k.12; Văn Chấn; ĐBKK; 111,61 km²
    { code = "04699", name = "Chấn Thịnh", kind = "xã", difficult = true, households = 321, villages = 19,
      ethnic_minority = { 0.66, 0.95 }, poor = 20, near_poor = 11, unable_to_escape = 0 },  -- NQ1673 k.13; Văn Chấn; ĐBKK; 120,53 km²
    { code = "04711", name = "Nghĩa Tâm", kind = "xã", difficult = true, households = 355, villages = 21,
      ethnic_minority = { 0.66, 0.95 }, poor = 23, near_poor = 12, unable_to_escape = 0 },  -- NQ1673 k.14; Văn Chấn; ĐBKK; 133,10 km²
    { code = "04402", name = "Phong Dụ Hạ", kind = "xã", difficult = true, households = 369, villages = 22,
      ethnic_minority = { 0.66, 0.95 }, poor = 13, near_poor = 7, unable_to_escape = 0 },  -- NQ1673 k.15; Văn Yên; ĐBKK; 138,40 km²
    { code = "04387", name = "Châu Quế", kind = "xã", difficult = true, households = 433, villages = 26,
      ethnic_minority = { 0.66, 0.95 }, poor = 15, near_poor = 8, unable_to_escape = 0 },  -- NQ1673 k.16; Văn Yên; ĐBKK; 162,32 km²
    { code = "04381", name = "Lâm Giang", kind = "xã", difficult = true, households = 479, villages = 29,
      ethnic_minority = { 0.66, 0.95 }, poor = 16, near_poor = 8, unable_to_escape = 0 },  -- NQ1673 k.17; Văn Yên; ĐBKK; 179,48 km²
    { code = "04399", name = "Đông Cuông", kind = "xã", difficult = true, households = 390, villages = 24,
      ethnic_minority = { 0.66, 0.95 }, poor = 13, near_poor = 7, unable_to_escape = 0 },  -- NQ1673 k.18; Văn Yên; ĐBKK; 146,30 km²
    { code = "04429", name = "Tân Hợp", kind = "xã", difficult = true, households = 535, villages = 32,
      ethnic_minority = { 0.66, 0.95 }, poor = 18, near_poor = 10, unable_to_escape = 0 },  -- NQ1673 k.19; Văn Yên; ĐBKK; 200,45 km²
    { code = "04375", name = "Mậu A", kind = "xã", difficult = true, households = 385, villages = 23,
      ethnic_minority = { 0.66, 0.95 }, poor = 13, near_poor = 7, unable_to_escape = 0 },  -- NQ1673 k.20; Văn Yên; ĐBKK; 144,52 km²
    { code = "04441", name = "Xuân Ái", kind = "xã", households = 331, villages = 20,
      ethnic_minority = { 0.40, 0.80 }, poor = 11, near_poor = 6, unable_to_escape = 0 },  -- NQ1673 k.21; Văn Yên; KK; 123,93 km²
    { code = "04450", name = "Mỏ Vàng", kind = "xã", difficult = true, households = 447, villages = 27,
      ethnic_minority = { 0.66, 0.95 }, poor = 15, near_poor = 8, unable_to_escape = 0 },  -- NQ1673 k.22; Văn Yên; ĐBKK; 167,55 km²
    { code = "04309", name = "Lâm Thượng", kind = "xã", difficult = true, households = 341, villages = 21,
      ethnic_minority = { 0.66, 0.95 }, poor = 38, near_poor = 20, unable_to_escape = 1 },  -- NQ1673 k.23; Lục Yên; ĐBKK; 127,99 km²
    { code = "04303", name = "Lục Yên", kind = "xã", difficult = true, households = 213, villages = 13,
      ethnic_minority = { 0.66, 0.95 }, poor = 24, near_poor = 13, unable_to_escape = 0 },  -- NQ1673 k.24; Lục Yên; ĐBKK; 79,93 km²
    { code = "04336", name = "Tân Lĩnh", kind = "xã", difficult = true, households = 393, villages = 24,
      ethnic_minority = { 0.66, 0.95 }, poor = 43, near_poor = 23, unable_to_escape = 1 },  -- NQ1673 k.25; Lục Yên; ĐBKK; 147,35 km²
    { code = "04342", name = "Khánh Hòa", kind = "xã", difficult = true, households = 399, villages = 24,
      ethnic_minority = { 0.66, 0.95 }, poor = 44, near_poor = 23, unable_to_escape = 1 },  -- NQ1673 k.26; Lục Yên; ĐBKK; 149,76 km²
    { code = "04363", name = "Phúc Lợi", kind = "xã", difficult = true, households = 429, villages = 26,
      ethnic_minority = { 0.66, 0.95 }, poor = 47, near_poor = 25, unable_to_escape = 1 },  -- NQ1673 k.27; Lục Yên; ĐBKK; 160,71 km²
    { code = "04345", name = "Mường Lai", kind = "xã", difficult = true, households = 384, villages = 23,
      ethnic_minority = { 0.66, 0.95 }, poor = 42, near_poor = 22, unable_to_escape = 1 },  -- NQ1673 k.28; Lục Yên; ĐBKK; 143,84 km²
    { code = "04726", name = "Cảm Nhân", kind = "xã", difficult = true, households = 405, villages = 24,
      ethnic_minority = { 0.66, 0.95 }, poor = 9, near_poor = 5, unable_to_escape = 0 },  -- NQ1673 k.29; Yên Bình; ĐBKK; 151,77 km²
    { code = "04744", name = "Yên Thành", kind = "xã", difficult = true, households = 377, villages = 23,
      ethnic_minority = { 0.66, 0.95 }, poor = 8, near_poor = 4, unable_to_escape = 0 },  -- NQ1673 k.30; Yên Bình; ĐBKK; 141,32 km²
    { code = "04717", name = "Thác Bà", kind = "xã", difficult = true, households = 380, villages = 23,
      ethnic_minority = { 0.66, 0.95 }, poor = 8, near_poor = 4, unable_to_escape = 0 },  -- NQ1673 k.31; Yên Bình; ĐBKK; 142,54 km²
    { code = "04714", name = "Yên Bình", kind = "xã", households = 402, villages = 24,
      ethnic_minority = { 0.40, 0.80 }, poor = 9, near_poor = 5, unable_to_escape = 0 },  -- NQ1673 k.32; Yên Bình; KK; 150,83 km²
    { code = "04750", name = "Bảo Ái", kind = "xã", difficult = true, households = 436, villages = 26,
      ethnic_minority = { 0.66, 0.95 }, poor = 9, near_poor = 5, unable_to_escape = 0 },  -- NQ1673 k.33; Yên Bình; ĐBKK; 163,41 km²
    { code = "04498", name = "Trấn Yên", kind = "xã", households = 295, villages = 18,
      ethnic_minority = { 0.40, 0.80 }, poor = 3, near_poor = 2, unable_to_escape = 0 },  -- NQ1673 k.34; Trấn Yên; KK; 110,72 km²
    { code = "04576", name = "Hưng Khánh", kind = "xã", difficult = true, households = 326, villages = 20,
      ethnic_minority = { 0.66, 0.95 }, poor = 3, near_poor = 2, unable_to_escape = 0 },  -- NQ1673 k.35; Trấn Yên; ĐBKK; 122,18 km²
    { code = "04537", name = "Lương Thịnh", kind = "xã", difficult = true, households = 251, villages = 15,
      ethnic_minority = { 0.66, 0.95 }, poor = 3, near_poor = 2, unable_to_escape = 0 },  -- NQ1673 k.36; Trấn Yên; ĐBKK; 94,21 km²
    { code = "04564", name = "Việt Hồng", kind = "xã", difficult = true, households = 270, villages = 16,
      ethnic_minority = { 0.66, 0.95 }, poor = 3, near_poor = 2, unable_to_escape = 0 },  -- NQ1673 k.37; Trấn Yên; ĐBKK; 101,37 km²
    { code = "04531", name = "Quy Mông", kind = "xã", households = 398, villages = 24,
      ethnic_minority = { 0.40, 0.80 }, poor = 4, near_poor = 2, unable_to_escape = 0 },  -- NQ1673 k.38; Trấn Yên; KK; 149,17 km²
    { code = "02746", name = "Cốc San", kind = "xã", difficult = true, households = 142, villages = 9,
      ethnic_minority = { 0.66, 0.95 }, poor = 0, near_poor = 1, unable_to_escape = 0 },  -- NQ1673 k.39; TP Lào Cai; ĐBKK; 57,19 km²
    { code = "02680", name = "Hợp Thành", kind = "xã", difficult = true, households = 288, villages = 17,
      ethnic_minority = { 0.66, 0.95 }, poor = 0, near_poor = 1, unable_to_escape = 0 },  -- NQ1673 k.40; TP Lào Cai; ĐBKK; 116,31 km²
    { code = "02902", name = "Phong Hải", kind = "xã", difficult = true, households = 300, villages = 18,
      ethnic_minority = { 0.66, 0.95 }, poor = 12, near_poor = 11, unable_to_escape = 0 },  -- NQ1673 k.41; Bảo Thắng; ĐBKK; 120,95 km²
    { code = "02926", name = "Xuân Quang", kind = "xã", difficult = true, households = 341, villages = 21,
      ethnic_minority = { 0.66, 0.95 }, poor = 14, near_poor = 12, unable_to_escape = 0 },  -- NQ1673 k.42; Bảo Thắng; ĐBKK; 137,71 km²
    { code = "02905", name = "Bảo Thắng", kind = "xã", difficult = true, households = 398, villages = 24,
      ethnic_minority = { 0.66, 0.95 }, poor = 16, near_poor = 14, unable_to_escape = 0 },  -- NQ1673 k.43; Bảo Thắng; ĐBKK; 160,44 km²
    { code = "02908", name = "Tằng Loỏng", kind = "xã", difficult = true, households = 312, villages = 19,
      ethnic_minority = { 0.66, 0.95 }, poor = 13, near_poor = 12, unable_to_escape = 0 },  -- NQ1673 k.44; Bảo Thắng; ĐBKK; 125,78 km²
    { code = "02923", name = "Gia Phú", kind = "xã", difficult = true, households = 254, villages = 15,
      ethnic_minority = { 0.66, 0.95 }, poor = 10, near_poor = 9, unable_to_escape = 0 },  -- NQ1673 k.45; Bảo Thắng; ĐBKK; 102,33 km²
    { code = "02728", name = "Mường Hum", kind = "xã", difficult = true, households = 528, villages = 32,
      ethnic_minority = { 0.66, 0.95 }, poor = 132, near_poor = 117, unable_to_escape = 3, needs = { credit = 39, livestock = 19, housing = 15, training = 13 } },  -- NQ1673 k.46; Bát Xát; ĐBKK; 212,80 km²
    { code = "02707", name = "Dền Sáng", kind = "xã", difficult = true, households = 367, villages = 22,
      ethnic_minority = { 0.66, 0.95 }, poor = 92, near_poor = 81, unable_to_escape = 2 },  -- NQ1673 k.47; Bát Xát; ĐBKK; 148,23 km²
    { code = "02701", name = "Y Tý", kind = "xã", difficult = true, households = 316, villages = 19,
      ethnic_minority = { 0.66, 0.95 }, poor = 79, near_poor = 70, unable_to_escape = 2 },  -- NQ1673 k.48; Bát Xát; ĐBKK; 127,58 km²
    { code = "02686", name = "A Mú Sung", kind = "xã", difficult = true, households = 259, villages = 16,
      ethnic_minority = { 0.66, 0.95 }, poor = 65, near_poor = 57, unable_to_escape = 1 },  -- NQ1673 k.49; Bát Xát; ĐBKK; 104,45 km²
    { code = "02695", name = "Trịnh Tường", kind = "xã", difficult = true, households = 364, villages = 22,
      ethnic_minority = { 0.66, 0.95 }, poor = 91, near_poor = 80, unable_to_escape = 2 },  -- NQ1673 k.50; Bát Xát; ĐBKK; 146,71 km²
    { code = "02725", name = "Bản Xèo", kind = "xã", difficult = true, households = 194, villages = 12,
      ethnic_minority = { 0.66, 0.95 }, poor = 49, near_poor = 43, unable_to_escape = 1 },  -- NQ1673 k.51; Bát Xát; ĐBKK; 78,34 km²
    { code = "02683", name = "Bát Xát", kind = "xã", difficult = true, households = 470, villages = 28,
      ethnic_minority = { 0.66, 0.95 }, poor = 118, near_poor = 104, unable_to_escape = 2, needs = { credit = 35, livestock = 17, housing = 14, training = 12 } },  -- NQ1673 k.52; Bát Xát; ĐBKK; 189,54 km²
    { code = "03061", name = "Võ Lao", kind = "xã", difficult = true, households = 379, villages = 23,
      ethnic_minority = { 0.66, 0.95 }, poor = 16, near_poor = 14, unable_to_escape = 0 },  -- NQ1673 k.53; Văn Bàn; ĐBKK; 152,83 km²
    { code = "03103", name = "Khánh Yên", kind = "xã", difficult = true, households = 430, villages = 26,
      ethnic_minority = { 0.66, 0.95 }, poor = 18, near_poor = 16, unable_to_escape = 0 },  -- NQ1673 k.54; Văn Bàn; ĐBKK; 173,58 km²
    { code = "03082", name = "Văn Bàn", kind = "xã", difficult = true, households = 389, villages = 24,
      ethnic_minority = { 0.66, 0.95 }, poor = 16, near_poor = 14, unable_to_escape = 0 },  -- NQ1673 k.55; Văn Bàn; ĐBKK; 156,75 km²
    { code = "03106", name = "Dương Quỳ", kind = "xã", difficult = true, households = 389, villages = 24,
      ethnic_minority = { 0.66, 0.95 }, poor = 16, near_poor = 14, unable_to_escape = 0 },  -- NQ1673 k.56; Văn Bàn; ĐBKK; 157,11 km²
    { code = "03091", name = "Chiềng Ken", kind = "xã", difficult = true, households = 474, villages = 29,
      ethnic_minority = { 0.66, 0.95 }, poor = 19, near_poor = 17, unable_to_escape = 0 },  -- NQ1673 k.57; Văn Bàn; ĐBKK; 191,25 km²
    { code = "03121", name = "Minh Lương", kind = "xã", difficult = true, households = 512, villages = 31,
      ethnic_minority = { 0.66, 0.95 }, poor = 21, near_poor = 19, unable_to_escape = 0 },  -- NQ1673 k.58; Văn Bàn; ĐBKK; 206,58 km²
    { code = "03076", name = "Nậm Chày", kind = "xã", difficult = true, households = 352, villages = 21,
      ethnic_minority = { 0.66, 0.95 }, poor = 14, near_poor = 12, unable_to_escape = 0 },  -- NQ1673 k.59; Văn Bàn; ĐBKK; 142,14 km²
    { code = "02947", name = "Bảo Yên", kind = "xã", difficult = true, households = 295, villages = 18,
      ethnic_minority = { 0.66, 0.95 }, poor = 12, near_poor = 11, unable_to_escape = 0 },  -- NQ1673 k.60; Bảo Yên; ĐBKK; 119,15 km²
    { code = "02953", name = "Nghĩa Đô", kind = "xã", difficult = true, households = 395, villages = 24,
      ethnic_minority = { 0.66, 0.95 }, poor = 16, near_poor = 14, unable_to_escape = 0 },  -- NQ1673 k.61; Bảo Yên; ĐBKK; 159,37 km²
    { code = "02968", name = "Thượng Hà", kind = "xã", difficult = true, households = 357, villages = 22,
      ethnic_minority = { 0.66, 0.95 }, poor = 15, near_poor = 13, unable_to_escape = 0 },  -- NQ1673 k.62; Bảo Yên; ĐBKK; 143,84 km²
    { code = "02962", name = "Xuân Hòa", kind = "xã", difficult = true, households = 267, villages = 16,
      ethnic_minority = { 0.66, 0.95 }, poor = 11, near_poor = 10, unable_to_escape = 0 },  -- NQ1673 k.63; Bảo Yên; ĐBKK; 107,78 km²
    { code = "02998", name = "Phúc Khánh", kind = "xã", difficult = true, households = 283, villages = 17,
      ethnic_minority = { 0.66, 0.95 }, poor = 12, near_poor = 11, unable_to_escape = 0 },  -- NQ1673 k.64; Bảo Yên; ĐBKK; 114,04 km²
    { code = "02989", name = "Bảo Hà", kind = "xã", difficult = true, households = 602, villages = 36,
      ethnic_minority = { 0.66, 0.95 }, poor = 25, near_poor = 22, unable_to_escape = 0 },  -- NQ1673 k.65; Bảo Yên; ĐBKK; 243,00 km²
    { code = "03043", name = "Mường Bo", kind = "xã", difficult = true, households = 368, villages = 22,
      ethnic_minority = { 0.66, 0.95 }, poor = 15, near_poor = 13, unable_to_escape = 0 },  -- NQ1673 k.66; Sa Pa; ĐBKK; 148,30 km²
    { code = "03046", name = "Bản Hồ", kind = "xã", difficult = true, households = 412, villages = 25,
      ethnic_minority = { 0.66, 0.95 }, poor = 17, near_poor = 15, unable_to_escape = 0 },  -- NQ1673 k.67; Sa Pa; ĐBKK; 166,33 km²
    { code = "03037", name = "Tả Van", kind = "xã", difficult = true, households = 385, villages = 23,
      ethnic_minority = { 0.66, 0.95 }, poor = 16, near_poor = 14, unable_to_escape = 0 },  -- NQ1673 k.68; Sa Pa; ĐBKK; 155,34 km²
    { code = "03013", name = "Tả Phìn", kind = "xã", difficult = true, households = 179, villages = 11,
      ethnic_minority = { 0.66, 0.95 }, poor = 7, near_poor = 6, unable_to_escape = 0 },  -- NQ1673 k.69; Sa Pa; ĐBKK; 72,28 km²
    { code = "02896", name = "Cốc Lầu", kind = "xã", difficult = true, households = 337, villages = 20,
      ethnic_minority = { 0.66, 0.95 }, poor = 95, near_poor = 84, unable_to_escape = 2, needs = { credit = 28, livestock = 14, housing = 11, training = 9 } },  -- NQ1673 k.70; Bắc Hà; ĐBKK; 135,81 km²
    { code = "02890", name = "Bảo Nhai", kind = "xã", difficult = true, households = 387, villages = 23,
      ethnic_minority = { 0.66, 0.95 }, poor = 109, near_poor = 96, unable_to_escape = 2, needs = { credit = 32, livestock = 16, housing = 13, training = 11 } },  -- NQ1673 k.71; Bắc Hà; ĐBKK; 156,01 km²
    { code = "02869", name = "Bản Liền", kind = "xã", difficult = true, households = 190, villages = 11,
      ethnic_minority = { 0.66, 0.95 }, poor = 53, near_poor = 47, unable_to_escape = 1 },  -- NQ1673 k.72; Bắc Hà; ĐBKK; 76,69 km²
    { code = "02839", name = "Bắc Hà", kind = "xã", difficult = true, households = 446, villages = 27,
      ethnic_minority = { 0.66, 0.95 }, poor = 125, near_poor = 111, unable_to_escape = 2, needs = { credit = 37, livestock = 18, housing = 15, training = 12 } },  -- NQ1673 k.73; Bắc Hà; ĐBKK; 179,72 km²
    { code = "02842", name = "Tả Củ Tỷ", kind = "xã", difficult = true, households = 172, villages = 10,
      ethnic_minority = { 0.66, 0.95 }, poor = 48, near_poor = 42, unable_to_escape = 1 },  -- NQ1673 k.74; Bắc Hà; ĐBKK; 69,29 km²
    { code = "02848", name = "Lùng Phình", kind = "xã", difficult = true, households = 250, villages = 15,
      ethnic_minority = { 0.66, 0.95 }, poor = 70, near_poor = 62, unable_to_escape = 1 },  -- NQ1673 k.75; Bắc Hà; ĐBKK; 101,01 km²
    { code = "02752", name = "Pha Long", kind = "xã", difficult = true, households = 262, villages = 16,
      ethnic_minority = { 0.66, 0.95 }, poor = 67, near_poor = 59, unable_to_escape = 1 },  -- NQ1673 k.76; Mường Khương; ĐBKK; 105,56 km²
    { code = "02761", name = "Mường Khương", kind = "xã", difficult = true, households = 419, villages = 25,
      ethnic_minority = { 0.66, 0.95 }, poor = 108, near_poor = 95, unable_to_escape = 2, needs = { credit = 32, livestock = 16, housing = 13, training = 11 } },  -- NQ1673 k.77; Mường Khương; ĐBKK; 169,21 km²
    { code = "02788", name = "Bản Lầu", kind = "xã", difficult = true, households = 311, villages = 19,
      ethnic_minority = { 0.66, 0.95 }, poor = 80, near_poor = 71, unable_to_escape = 2 },  -- NQ1673 k.78; Mường Khương; ĐBKK; 125,28 km²
    { code = "02782", name = "Cao Sơn", kind = "xã", difficult = true, households = 408, villages = 25,
      ethnic_minority = { 0.66, 0.95 }, poor = 105, near_poor = 93, unable_to_escape = 2, needs = { credit = 31, livestock = 15, housing = 12, training = 10 } },  -- NQ1673 k.79; Mường Khương; ĐBKK; 164,56 km²
    { code = "02809", name = "Si Ma Cai", kind = "xã", difficult = true, households = 270, villages = 16,
      ethnic_minority = { 0.66, 0.95 }, poor = 89, near_poor = 79, unable_to_escape = 2, needs = { credit = 26, livestock = 13, housing = 10, training = 9 } },  -- NQ1673 k.80; Si Ma Cai; ĐBKK; 109,00 km²
    { code = "02824", name = "Sín Chéng", kind = "xã", difficult = true, households = 218, villages = 13,
      ethnic_minority = { 0.66, 0.95 }, poor = 72, near_poor = 64, unable_to_escape = 1 },  -- NQ1673 k.81; Si Ma Cai; ĐBKK; 88,05 km²
    { code = "04288", name = "Nghĩa Lộ", kind = "phường", households = 478, villages = 29,
      ethnic_minority = { 0.20, 0.60 }, poor = 26, near_poor = 14, unable_to_escape = 1 },  -- NQ1673 k.82; TX Nghĩa Lộ; KK; 29,88 km²
    { code = "04663", name = "Trung Tâm", kind = "phường", households = 690, villages = 42,
      ethnic_minority = { 0.20, 0.60 }, poor = 38, near_poor = 20, unable_to_escape = 1 },  -- NQ1673 k.83; TX Nghĩa Lộ; KK; 43,15 km²
    { code = "04681", name = "Cầu Thia", kind = "phường", difficult = true, households = 510, villages = 31,
      ethnic_minority = { 0.45, 0.90 }, poor = 56, near_poor = 30, unable_to_escape = 1 },  -- NQ1673 k.84; TX Nghĩa Lộ; ĐBKK; 31,84 km²
    { code = "04279", name = "Văn Phú", kind = "phường", households = 823, villages = 50,
      ethnic_minority = { 0.10, 0.45 }, poor = 2, near_poor = 1, unable_to_escape = 0 },  -- NQ1673 k.85; TP Yên Bái; not in QĐ 2167; 51,45 km²
    { code = "04252", name = "Yên Bái", kind = "phường", households = 271, villages = 16,
      ethnic_minority = { 0.10, 0.45 }, poor = 1, near_poor = 0, unable_to_escape = 0 },  -- NQ1673 k.86; TP Yên Bái; not in QĐ 2167; 16,92 km²
    { code = "04273", name = "Nam Cường", kind = "phường", households = 738, villages = 45,
      ethnic_minority = { 0.10, 0.45 }, poor = 1, near_poor = 0, unable_to_escape = 0 },  -- NQ1673 k.87; TP Yên Bái; not in QĐ 2167; 46,09 km²
    { code = "04543", name = "Âu Lâu", kind = "phường", households = 1059, villages = 64,
      ethnic_minority = { 0.10, 0.45 }, poor = 2, near_poor = 1, unable_to_escape = 0 },  -- NQ1673 k.88; TP Yên Bái; not in QĐ 2167; 66,17 km²
    { code = "02671", name = "Cam Đường", kind = "phường", households = 892, villages = 54,
      ethnic_minority = { 0.20, 0.60 }, poor = 1, near_poor = 1, unable_to_escape = 0 },  -- NQ1673 k.89; TP Lào Cai; KK; 59,98 km²
    { code = "02647", name = "Lào Cai", kind = "phường", households = 1075, villages = 65,
      ethnic_minority = { 0.20, 0.60 }, poor = 1, near_poor = 1, unable_to_escape = 0 },  -- NQ1673 k.90; TP Lào Cai; KK; 72,31 km²
    { code = "03006", name = "Sa Pa", kind = "phường", difficult = true, households = 893, villages = 54,
      ethnic_minority = { 0.45, 0.90 }, poor = 36, near_poor = 32, unable_to_escape = 1 },  -- NQ1673 k.91; Sa Pa; ĐBKK; 60,02 km²
    { code = "03085", name = "Nậm Xé", kind = "xã", difficult = true, households = 424, villages = 26,
      ethnic_minority = { 0.66, 0.95 }, poor = 17, near_poor = 15, unable_to_escape = 0 },  -- NQ1673 k.92; Văn Bàn; ĐBKK; 170,94 km²
    { code = "03004", name = "Ngũ Chỉ Sơn", kind = "xã", difficult = true, households = 205, villages = 12,
      ethnic_minority = { 0.66, 0.95 }, poor = 8, near_poor = 7, unable_to_escape = 0 },  -- NQ1673 k.92; Sa Pa; ĐBKK; 82,77 km²
    { code = "04489", name = "Chế Tạo", kind = "xã", difficult = true, households = 625, villages = 38,
      ethnic_minority = { 0.66, 0.95 }, poor = 69, near_poor = 37, unable_to_escape = 1 },  -- NQ1673 k.92; Mù Cang Chải; ĐBKK; 234,44 km²
    { code = "04474", name = "Lao Chải", kind = "xã", difficult = true, households = 421, villages = 25,
      ethnic_minority = { 0.66, 0.95 }, poor = 47, near_poor = 25, unable_to_escape = 1 },  -- NQ1673 k.92; Mù Cang Chải; ĐBKK; 157,99 km²
    { code = "04462", name = "Nậm Có", kind = "xã", difficult = true, households = 538, villages = 33,
      ethnic_minority = { 0.66, 0.95 }, poor = 60, near_poor = 32, unable_to_escape = 1 },  -- NQ1673 k.92; Mù Cang Chải; ĐBKK; 201,75 km²
    { code = "04603", name = "Tà Xi Láng", kind = "xã", difficult = true, households = 236, villages = 14,
      ethnic_minority = { 0.66, 0.95 }, poor = 26, near_poor = 14, unable_to_escape = 1 },  -- NQ1673 k.92; Trạm Tấu; ĐBKK; 88,54 km²
    { code = "04693", name = "Cát Thịnh", kind = "xã", difficult = true, households = 451, villages = 27,
      ethnic_minority = { 0.66, 0.95 }, poor = 29, near_poor = 15, unable_to_escape = 1 },  -- NQ1673 k.92; Văn Chấn; ĐBKK; 169,12 km²
    { code = "04423", name = "Phong Dụ Thượng", kind = "xã", difficult = true, households = 521, villages = 31,
      ethnic_minority = { 0.66, 0.95 }, poor = 18, near_poor = 9, unable_to_escape = 0 },  -- NQ1673 k.92; Văn Yên; ĐBKK; 195,21 km²
  },

  -- 2% of each unit's poor (a placeholder); persons: about 1,9 each (old people, alone or two)
  unable_to_escape = { households = 54, persons = 104 },

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

  -- deprivations under vn-2022 (12 indicators): the poor have 3 or more, the near-poor fewer
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

  -- persons per household, 1 to 10 (about 4,4)
  household_size = { 5, 12, 17, 22, 18, 12, 7, 4, 2, 1 },

  names = {
    majority = {
      family = { "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi", "Đặng", "Ngô", "Đinh" },
      middle = { M = { "Văn", "Đức", "Minh", "Quốc" }, F = { "Thị", "Thu", "Ngọc", "Thanh" } },
      given = {
        M = { "Hùng", "Dũng", "Tuấn", "Minh", "Hải", "Long", "Nam", "Sơn", "Thắng", "Quang", "Bình" },
        F = { "Lan", "Hương", "Hoa", "Mai", "Hằng", "Thảo", "Linh", "Ngọc", "Yến", "Thủy", "Nga" },
      },
    },
    -- H'Mông (Giàng, Sùng, Vàng, Thào, Hầu, Lù), Dao (Tẩn, Lý, Chảo, Triệu, Bàn), Tày and
    -- Thái (Hoàng, Lò, Hà, Lường, Nông), Giáy (Vương)
    minority = {
      family = { "Giàng", "Sùng", "Vàng", "Thào", "Hầu", "Lù", "Tẩn", "Lý", "Chảo", "Triệu", "Bàn",
        "Hoàng", "Lò", "Hà", "Lường", "Nông", "Vương" },
      middle = { M = { "A", "Seo", "Văn", "Láo" }, F = { "Thị", "Seo", "Mẩy" } },
      given = {
        M = { "Páo", "Chử", "Sử", "Lử", "Chá", "Dình", "Pó", "Quẩy", "Chòi", "Dùn", "Tráng", "Vư", "Khánh" },
        F = { "Mỷ", "Mai", "Sử", "Chở", "Dợ", "Pàng", "Só", "Mẩy", "Lìa", "Xá", "Ly", "Ín" },
      },
    },
  },
}
