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
--   * every one of the 3.321 communes, wards and special zones (đặc khu): its 5-digit code,
--     its kind and its name, in the list's order: Công văn 1027/CTK-CSCL (25/6/2025), Phụ
--     lục I, from the same dataset (input/docs/1027_CTK-CSCL.md), copied row by row; each
--     province's count matches the list's (Hà Nội 126 ... Cà Mau 64, 3.321 in all). The 13
--     special zones are given urban = false (their kind does not say);
--   * the national totals the registry is calibrated to: at the end of 2024, 599.608 poor
--     households (1,93%) and 1.258.997 poor and near-poor (4,06%), so 659.389 near-poor, under
--     the 2022-2025 standard (Quyết định 217/QĐ-BLĐTBXH, 04/02/2025, as Báo Yên Bái reported
--     it on 12/02/2025); the households of the country are what those rates imply,
--     599.608 ÷ 1,93% ≈ 31.040.000; in the northern midlands and mountains 8,72% were poor
--     (the same decision);
--   * poverty by region: QĐ 217's figures for its six regions (poor and near-poor together
--     for all six, poor alone for two), as the press reported them: each region has here
--     its households of the decision, at this profile's scale (QD217 below);
--   * poverty by province: the rates of the 12 old provinces that a public source gives (the
--     review of 2024 for Điện Biên, Lai Châu, Lào Cai, Gia Lai, Ninh Bình, Sơn La (poor
--     only) and Hà Giang (poor and near-poor together); of 2023 for Kon Tum and Bắc Kạn (poor
--     only); none left in Bình Dương, Bà Rịa - Vũng Tàu and Hồ Chí Minh City under the
--     national standard), each cited in OLD below, applied to
--     the households this profile gives their communes: a new province made of several old
--     ones has their rates by the households of each part (Nghị quyết 202/2025/QH15).
--
-- WHAT IS A PLACEHOLDER (no source was used; each figure is derived as said here):
--   * which communes are especially difficult (ĐBKK): a share by region (most in the
--     northern mountains, then the Central Highlands), by a fixed pattern, not the lists.
--   * each province's households: the country's 31.040.000 shared by population (the
--     arrangement's figures of 2024 as the press reported them, rounded to ten thousand:
--     approximate); within a province, communes get households by a fixed pattern of weights
--     (a ward three times a commune).
--   * the poor and near-poor of the other 51 old provinces, and what the 12 lack (ESTIMATED):
--     what their region of QĐ 217 has left once the sourced provinces have theirs, shared
--     by households weighted by a rate by kind of region (northern mountains 8,72; Central
--     Highlands 4; Red River delta 0,8; ...). Where the sourced provinces take most of a
--     region's (the northern mountains), the others come out low (Cao Bằng, Lạng Sơn about
--     3% poor), because this profile gives the region more households than the decision
--     counts. The split of poor and near-poor in four regions is estimated too (QD217
--     below). Within a province, the part an old province made has its count, shared by
--     households, a ward weighing 0,2 and an ĐBKK commune 2. The annex of QĐ 217 by
--     province was not found: replace these with it when found.
--   * households unable to escape poverty: 2% of the poor.
--   * ethnic minorities, household sizes, incomes, deprivations, needs and personal names:
--     plausible, not sourced. No `next_year`: the year after the review is not simulated.

-- The communes and wards of each province, in Công văn 1027/CTK-CSCL's order: code, kind (P phường,
-- X xã, D đặc khu), name. From dvhcvn/20250701, input/docs/1027_CTK-CSCL.md (MIT licence).
local COMMUNES = {
  ["01"] = [[
00070 P Hoàn Kiếm
00082 P Cửa Nam
00004 P Ba Đình
00008 P Ngọc Hà
00025 P Giảng Võ
00256 P Hai Bà Trưng
00283 P Vĩnh Tuy
00292 P Bạch Mai
00235 P Đống Đa
00229 P Kim Liên
00226 P Văn Miếu - Quốc Tử Giám
00199 P Láng
00190 P Ô Chợ Dừa
00097 P Hồng Hà
00328 P Lĩnh Nam
00331 P Hoàng Mai
00301 P Vĩnh Hưng
00322 P Tương Mai
00316 P Định Công
00337 P Hoàng Liệt
00340 P Yên Sở
00367 P Thanh Xuân
00364 P Khương Đình
00352 P Phương Liệt
00166 P Cầu Giấy
00160 P Nghĩa Đô
00175 P Yên Hòa
00103 P Tây Hồ
00091 P Phú Thượng
00613 P Tây Tựu
00619 P Phú Diễn
00611 P Xuân Đỉnh
00602 P Đông Ngạc
00598 P Thượng Cát
00592 P Từ Liêm
00622 P Xuân Phương
00634 P Tây Mỗ
00637 P Đại Mỗ
00145 P Long Biên
00118 P Bồ Đề
00127 P Việt Hưng
00136 P Phúc Lợi
09556 P Hà Đông
09886 P Dương Nội
09562 P Yên Nghĩa
09568 P Phú Lương
09552 P Kiến Hưng
00640 X Thanh Trì
00664 X Đại Thanh
00685 X Nam Phù
00679 X Ngọc Hồi
00643 P Thanh Liệt
10231 X Thượng Phúc
10183 X Thường Tín
10237 X Chương Dương
10210 X Hồng Vân
10273 X Phú Xuyên
10279 X Phượng Dực
10330 X Chuyên Mỹ
10342 X Đại Xuyên
10114 X Thanh Oai
10126 X Bình Minh
10144 X Tam Hưng
10180 X Dân Hòa
10354 X Vân Đình
10369 X Ứng Thiên
10417 X Hòa Xá
10402 X Ứng Hòa
10441 X Mỹ Đức
10465 X Hồng Sơn
10459 X Phúc Sơn
10489 X Hương Sơn
10015 P Chương Mỹ
10030 X Phú Nghĩa
10045 X Xuân Mai
10081 X Trần Phú
10096 X Hòa Phú
10072 X Quảng Bị
09661 X Minh Châu
09619 X Quảng Oai
09664 X Vật Lại
09634 X Cổ Đô
09676 X Bất Bạt
09694 X Suối Hai
09700 X Ba Vì
09706 X Yên Bài
09574 P Sơn Tây
09604 P Tùng Thiện
09616 X Đoài Phương
09715 X Phúc Thọ
09739 X Phúc Lộc
09772 X Hát Môn
09955 X Thạch Thất
09982 X Hạ Bằng
10003 X Tây Phương
09988 X Hòa Lạc
04930 X Yên Xuân
09895 X Quốc Oai
09931 X Hưng Đạo
09910 X Kiều Phú
09952 X Phú Cát
09832 X Hoài Đức
09856 X Dương Hòa
09871 X Sơn Đồng
09877 X An Khánh
09784 X Đan Phượng
09817 X Ô Diên
09787 X Liên Minh
00565 X Gia Lâm
00562 X Thuận An
00577 X Bát Tràng
00541 X Phù Đổng
00475 X Thư Lâm
00454 X Đông Anh
00466 X Phúc Thịnh
00493 X Thiên Lộc
00508 X Vĩnh Thanh
09022 X Mê Linh
08980 X Yên Lãng
08995 X Tiến Thắng
08974 X Quang Minh
00376 X Sóc Sơn
00430 X Đa Phúc
00433 X Nội Bài
00385 X Trung Giã
00382 X Kim Anh
]],
  ["04"] = [[
01273 P Thục Phán
01279 P Nùng Trí Cao
01288 P Tân Giang
01304 X Quảng Lâm
01297 X Nam Quang
01294 X Lý Bôn
01290 X Bảo Lâm
01318 X Yên Thổ
01360 X Sơn Lộ
01351 X Hưng Đạo
01321 X Bảo Lạc
01324 X Cốc Pàng
01327 X Cô Ba
01336 X Khánh Xuân
01339 X Xuân Trường
01354 X Huy Giáp
01738 X Ca Thành
01768 X Phan Thanh
01777 X Thành Công
01729 X Tĩnh Túc
01774 X Tam Kim
01726 X Nguyên Bình
01747 X Minh Tâm
01387 X Thanh Long
01366 X Cần Yên
01363 X Thông Nông
01392 X Trường Hà
01438 X Hà Quảng
01393 X Lũng Nặm
01414 X Tổng Cọt
01660 X Nam Tuấn
01654 X Hòa An
01708 X Bạch Đằng
01699 X Nguyễn Huệ
01795 X Minh Khai
01789 X Canh Tân
01792 X Kim Đồng
01807 X Thạch An
01786 X Đông Khê
01822 X Đức Long
01648 X Phục Hòa
01636 X Bế Văn Đàn
01594 X Độc Lập
01576 X Quảng Uyên
01618 X Hạnh Phúc
01456 X Quang Hán
01447 X Trà Lĩnh
01465 X Quang Trung
01525 X Đoài Dương
01477 X Trùng Khánh
01501 X Đàm Thủy
01489 X Đình Phong
01537 X Lý Quốc
01558 X Hạ Lang
01561 X Vinh Quý
01552 X Quang Long
]],
  ["08"] = [[
02269 X Thượng Lâm
02266 X Lâm Bình
02302 X Minh Quang
02296 X Bình An
02245 X Côn Lôn
02248 X Yên Hoa
02239 X Thượng Nông
02260 X Hồng Thái
02221 X Nà Hang
02308 X Tân Mỹ
02317 X Yên Lập
02320 X Tân An
02287 X Chiêm Hóa
02353 X Hòa An
02332 X Kiên Đài
02359 X Tri Phú
02350 X Kim Bình
02365 X Yên Nguyên
02305 X Trung Hà
02398 X Yên Phú
02380 X Bạch Xa
02392 X Phù Lưu
02374 X Hàm Yên
02404 X Bình Xa
02407 X Thái Sơn
02419 X Thái Hòa
02425 X Hùng Đức
02455 X Hùng Lợi
02458 X Trung Sơn
02494 X Thái Bình
02470 X Tân Long
02449 X Xuân Vân
02434 X Lực Hành
02473 X Yên Sơn
02530 X Nhữ Khê
02437 X Kiến Thiết
02545 X Tân Trào
02554 X Minh Thanh
02536 X Sơn Dương
02548 X Bình Ca
02578 X Tân Thanh
02620 X Sơn Thủy
02611 X Phú Lương
02623 X Trường Sinh
02608 X Hồng Sơn
02572 X Đông Thọ
02509 P Mỹ Lâm
02215 P Minh Xuân
02212 P Nông Tiến
02512 P An Tường
02524 P Bình Thuận
00715 X Lũng Cú
00721 X Đồng Văn
00733 X Sà Phìn
00745 X Phố Bảng
00763 X Lũng Phìn
00787 X Sủng Máng
00778 X Sơn Vĩ
00769 X Mèo Vạc
00802 X Khâu Vai
00817 X Niêm Sơn
00808 X Tát Ngà
00829 X Thắng Mố
00832 X Bạch Đích
00820 X Yên Minh
00847 X Mậu Duệ
00859 X Ngọc Long
00871 X Du Già
00865 X Đường Thượng
00901 X Lùng Tám
00883 X Cán Tỷ
00889 X Nghĩa Thuận
00874 X Quản Bạ
00892 X Tùng Vài
01006 X Yên Cường
01012 X Đường Hồng
00991 X Bắc Mê
00985 X Giáp Trung
00982 X Minh Sơn
00994 X Minh Ngọc
00700 X Ngọc Đường
00694 P Hà Giang 1
00691 P Hà Giang 2
00937 X Lao Chải
00928 X Thanh Thủy
00919 X Minh Tân
00922 X Thuận Hòa
00925 X Tùng Bá
00706 X Phú Linh
00970 X Linh Hồ
00976 X Bạch Ngọc
00913 X Vị Xuyên
00967 X Việt Lâm
00952 X Cao Bồ
00958 X Thượng Sơn
01171 X Tân Quang
01165 X Đồng Tâm
01192 X Liên Hiệp
01180 X Bằng Hành
01153 X Bắc Quang
01201 X Hùng An
01156 X Vĩnh Tuy
01216 X Đồng Yên
01261 X Tiên Yên
01255 X Xuân Giang
01246 X Bằng Lang
01234 X Yên Thành
01237 X Quang Bình
01243 X Tân Trịnh
01225 X Tiên Nguyên
01090 X Thông Nguyên
01084 X Hồ Thầu
01075 X Nậm Dịch
01051 X Tân Tiến
01021 X Hoàng Su Phì
01033 X Thàng Tín
01024 X Bản Máy
01057 X Pờ Ly Ngài
01108 X Xín Mần
01096 X Pà Vầy Sủ
01141 X Nấm Dẩn
01117 X Trung Thịnh
01144 X Quảng Nguyên
01147 X Khuôn Lùng
]],
  ["11"] = [[
03325 X Mường Phăng
03127 P Điện Biên Phủ
03334 P Mường Thanh
03151 P Mường Lay
03328 X Thanh Nưa
03352 X Thanh An
03349 X Thanh Yên
03356 X Sam Mứn
03358 X Núa Ngam
03368 X Mường Nhà
03253 X Tuần Giáo
03295 X Quài Tở
03268 X Mường Mùn
03260 X Pú Nhung
03283 X Chiềng Sinh
03217 X Tủa Chùa
03226 X Sín Chải
03241 X Sính Phình
03220 X Tủa Thàng
03244 X Sáng Nhè
03172 X Na Sang
03181 X Mường Tùng
03193 X Pa Ham
03194 X Nậm Nèn
03202 X Mường Pồn
03203 X Na Son
03208 X Xa Dung
03370 X Pu Nhi
03214 X Mường Luân
03385 X Tìa Dình
03382 X Phình Giàng
03166 X Mường Chà
03169 X Nà Hỳ
03176 X Nà Bủng
03175 X Chà Tở
03199 X Si Pa Phìn
03160 X Mường Nhé
03158 X Sín Thầu
03163 X Mường Toong
03162 X Nậm Kè
03164 X Quảng Lâm
03256 X Mường Ảng
03316 X Nà Tấu
03301 X Búng Lao
03313 X Mường Lạn
]],
  ["12"] = [[
03637 X Mường Kim
03640 X Khoen On
03595 X Than Uyên
03618 X Mường Than
03616 X Pắc Ta
03613 X Nậm Sỏ
03598 X Tân Uyên
03601 X Mường Khoa
03424 X Bản Bo
03390 X Bình Lư
03405 X Tả Lèng
03430 X Khun Há
03408 P Tân Phong
03388 P Đoàn Kết
03394 X Sin Suối Hồ
03549 X Phong Thổ
03562 X Sì Lở Lầu
03571 X Dào San
03583 X Khổng Lào
03529 X Tủa Sín Chải
03478 X Sìn Hồ
03508 X Hồng Thu
03517 X Nậm Tăm
03532 X Pu Sam Cáp
03544 X Nậm Cuổi
03538 X Nậm Mạ
03487 X Lê Lợi
03434 X Nậm Hàng
03472 X Mường Mô
03460 X Hua Bum
03503 X Pa Tần
03466 X Bum Nưa
03433 X Bum Tở
03445 X Mường Tè
03439 X Thu Lũm
03442 X Pa Ủ
03463 X Tà Tổng
03451 X Mù Cả
]],
  ["14"] = [[
03646 P Tô Hiệu
03664 P Chiềng An
03670 P Chiềng Cơi
03679 P Chiềng Sinh
03980 P Mộc Châu
03979 P Mộc Sơn
04033 P Vân Sơn
03982 P Thảo Nguyên
04000 X Đoàn Kết
04045 X Lóng Sập
03985 X Chiềng Sơn
04048 X Vân Hồ
04006 X Song Khủa
04018 X Tô Múa
04057 X Xuân Nha
03703 X Quỳnh Nhai
03688 X Mường Chiên
03694 X Mường Giôn
03712 X Mường Sại
03721 X Thuận Châu
03754 X Chiềng La
03784 X Nậm Lầu
03799 X Muổi Nọi
03757 X Mường Khiêng
03781 X Co Mạ
03724 X Bình Thuận
03727 X Mường É
03763 X Long Hẹ
03808 X Mường La
03814 X Chiềng Lao
03847 X Mường Bú
03850 X Chiềng Hoa
03856 X Bắc Yên
03868 X Tà Xùa
03880 X Tạ Khoa
03862 X Xím Vàng
03871 X Pắc Ngà
03892 X Chiềng Sại
03910 X Phù Yên
03922 X Gia Phù
03958 X Tường Hạ
03907 X Mường Cơi
03943 X Mường Bang
03970 X Tân Phong
03961 X Kim Bon
04075 X Yên Châu
04078 X Chiềng Hặc
04096 X Lóng Phiêng
04087 X Yên Sơn
04132 X Chiềng Mai
04105 X Mai Sơn
04159 X Phiêng Pằn
04123 X Chiềng Mung
04144 X Phiêng Cằm
04117 X Mường Chanh
04136 X Tà Hộc
04108 X Chiềng Sung
04171 X Bó Sinh
04222 X Chiềng Khương
04219 X Mường Hung
04204 X Chiềng Khoong
04183 X Mường Lầm
04186 X Nậm Ty
04168 X Sông Mã
04210 X Huổi Một
04195 X Chiềng Sơ
04231 X Sốp Cộp
04228 X Púng Bánh
03997 X Tân Yên
03760 X Mường Bám
03820 X Ngọc Chiến
03901 X Suối Tọ
04099 X Phiêng Khoài
04246 X Mường Lạn
04240 X Mường Lèo
]],
  ["15"] = [[
04465 X Khao Mang
04456 X Mù Cang Chải
04492 X Púng Luông
04630 X Tú Lệ
04606 X Trạm Tấu
04585 X Hạnh Phúc
04609 X Phình Hồ
04660 X Liên Sơn
04636 X Gia Hội
04651 X Sơn Lương
04672 X Văn Chấn
04705 X Thượng Bằng La
04699 X Chấn Thịnh
04711 X Nghĩa Tâm
04402 X Phong Dụ Hạ
04387 X Châu Quế
04381 X Lâm Giang
04399 X Đông Cuông
04429 X Tân Hợp
04375 X Mậu A
04441 X Xuân Ái
04450 X Mỏ Vàng
04309 X Lâm Thượng
04303 X Lục Yên
04336 X Tân Lĩnh
04342 X Khánh Hòa
04363 X Phúc Lợi
04345 X Mường Lai
04726 X Cảm Nhân
04744 X Yên Thành
04717 X Thác Bà
04714 X Yên Bình
04750 X Bảo Ái
04498 X Trấn Yên
04576 X Hưng Khánh
04537 X Lương Thịnh
04564 X Việt Hồng
04531 X Quy Mông
02746 X Cốc San
02680 X Hợp Thành
02902 X Phong Hải
02926 X Xuân Quang
02905 X Bảo Thắng
02908 X Tằng Loỏng
02923 X Gia Phú
02728 X Mường Hum
02707 X Dền Sáng
02701 X Y Tý
02686 X A Mú Sung
02695 X Trịnh Tường
02725 X Bản Xèo
02683 X Bát Xát
03061 X Võ Lao
03103 X Khánh Yên
03082 X Văn Bàn
03106 X Dương Quỳ
03091 X Chiềng Ken
03121 X Minh Lương
03076 X Nậm Chày
02947 X Bảo Yên
02953 X Nghĩa Đô
02968 X Thượng Hà
02962 X Xuân Hòa
02998 X Phúc Khánh
02989 X Bảo Hà
03043 X Mường Bo
03046 X Bản Hồ
03037 X Tả Van
03013 X Tả Phìn
02896 X Cốc Lầu
02890 X Bảo Nhai
02869 X Bản Liền
02839 X Bắc Hà
02842 X Tả Củ Tỷ
02848 X Lùng Phình
02752 X Pha Long
02761 X Mường Khương
02788 X Bản Lầu
02782 X Cao Sơn
02809 X Si Ma Cai
02824 X Sín Chéng
04288 P Nghĩa Lộ
04663 P Trung Tâm
04681 P Cầu Thia
04279 P Văn Phú
04252 P Yên Bái
04273 P Nam Cường
04543 P Âu Lâu
02671 P Cam Đường
02647 P Lào Cai
03006 P Sa Pa
03085 X Nậm Xé
03004 X Ngũ Chỉ Sơn
04489 X Chế Tạo
04474 X Lao Chải
04462 X Nậm Có
04603 X Tà Xi Láng
04693 X Cát Thịnh
04423 X Phong Dụ Thượng
]],
  ["19"] = [[
05443 P Phan Đình Phùng
05710 P Linh Sơn
05500 P Tích Lương
05467 P Gia Sàng
05455 P Quyết Thắng
05482 P Quan Triều
05503 X Tân Cương
05488 X Đại Phúc
05830 X Đại Từ
05776 X Đức Lương
05800 X Phú Thịnh
05818 X La Bằng
05788 X Phú Lạc
05809 X An Khánh
05851 X Quân Chu
05845 X Vạn Phú
05773 X Phú Xuyên
05860 P Phổ Yên
05890 P Vạn Xuân
05899 P Trung Thành
05857 P Phúc Thuận
05881 X Thành Công
05908 X Phú Bình
05923 X Tân Thành
05941 X Điềm Thụy
05953 X Kha Sơn
05917 X Tân Khánh
05692 X Đồng Hỷ
05674 X Quang Sơn
05662 X Trại Cau
05707 X Nam Hòa
05680 X Văn Hán
05665 X Văn Lăng
05518 P Sông Công
05533 P Bá Xuyên
05528 P Bách Quang
05611 X Phú Lương
05641 X Vô Tranh
05620 X Yên Trạch
05632 X Hợp Thành
05569 X Định Hóa
05587 X Bình Yên
05581 X Trung Hội
05563 X Phượng Tiến
05602 X Phú Đình
05605 X Bình Thành
05551 X Kim Phượng
05542 X Lam Vỹ
05716 X Võ Nhai
05719 X Sảng Mộc
05755 X Dân Tiến
05722 X Nghinh Tường
05725 X Thần Sa
05740 X La Hiên
05746 X Tràng Xá
01864 X Bằng Thành
01882 X Nghiên Loan
01879 X Cao Minh
01906 X Ba Bể
01912 X Chợ Rã
01894 X Phúc Lộc
01921 X Thượng Minh
01933 X Đồng Phúc
02116 X Yên Bình
01942 X Bằng Vân
01954 X Ngân Sơn
01936 X Nà Phặc
01960 X Hiệp Lực
02026 X Nam Cường
02038 X Quảng Bạch
02044 X Yên Thịnh
02020 X Chợ Đồn
02083 X Yên Phong
02071 X Nghĩa Tá
01969 X Phủ Thông
02008 X Cẩm Giàng
01981 X Vĩnh Thông
02014 X Bạch Thông
01849 X Phong Quang
01840 P Đức Xuân
01843 P Bắc Kạn
02143 X Văn Lang
02152 X Cường Lợi
02155 X Na Rì
02176 X Trần Phú
02185 X Côn Minh
02191 X Xuân Dương
02104 X Tân Kỳ
02101 X Thanh Mai
02107 X Thanh Thịnh
02086 X Chợ Mới
01957 X Thượng Quan
]],
  ["20"] = [[
06040 X Thất Khê
06001 X Đoàn Kết
06019 X Tân Tiến
06046 X Tràng Định
06004 X Quốc Khánh
06037 X Kháng Chiến
06058 X Quốc Việt
06112 X Bình Gia
06115 X Tân Văn
06079 X Hồng Phong
06073 X Hoa Thám
06076 X Quý Hòa
06085 X Thiện Hòa
06091 X Thiện Thuật
06103 X Thiện Long
06325 X Bắc Sơn
06349 X Hưng Vũ
06367 X Vũ Lăng
06376 X Nhất Hòa
06364 X Vũ Lễ
06337 X Tân Tri
06253 X Văn Quan
06280 X Điềm He
06313 X Tri Lễ
06298 X Yên Phúc
06316 X Tân Đoàn
06286 X Khánh Khê
06124 X Na Sầm
06154 X Văn Lãng
06151 X Hội Hoan
06148 X Thụy Hùng
06172 X Hoàng Văn Thụ
06529 X Lộc Bình
06541 X Mẫu Sơn
06526 X Na Dương
06601 X Lợi Bác
06577 X Thống Nhất
06607 X Xuân Dương
06565 X Khuất Xá
06613 X Đình Lập
06637 X Châu Sơn
06625 X Kiên Mộc
06616 X Thái Bình
06385 X Hữu Lũng
06457 X Tuấn Sơn
06445 X Tân Thành
06415 X Vân Nham
06436 X Thiện Tân
06391 X Yên Bình
06400 X Hữu Liên
06427 X Cai Kinh
06463 X Chi Lăng
06496 X Nhân Lý
06481 X Chiến Thắng
06517 X Quan Sơn
06475 X Bằng Mạc
06505 X Vạn Linh
06184 X Đồng Đăng
06211 X Cao Lộc
06220 X Công Sơn
06196 X Ba Sơn
05986 P Tam Thanh
05983 P Lương Văn Tri
06187 P Kỳ Lừa
05977 P Đông Kinh
]],
  ["22"] = [[
07090 P An Sinh
07093 P Đông Triều
07081 P Bình Khê
07069 P Mạo Khê
07114 P Hoàng Quế
06832 P Yên Tử
06820 P Vàng Danh
06811 P Uông Bí
07135 P Đông Mai
07147 P Hiệp Hòa
07132 P Quảng Yên
07168 P Hà An
07183 P Phong Cốc
07180 P Liên Hòa
06706 P Tuần Châu
06661 P Việt Hưng
06673 P Bãi Cháy
06652 P Hà Tu
06676 P Hà Lầm
06658 P Cao Xanh
06685 P Hồng Gai
06688 P Hạ Long
07030 P Hoành Bồ
07054 X Quảng La
07060 X Thống Nhất
06760 P Mông Dương
06778 P Quang Hanh
06793 P Cẩm Phả
06781 P Cửa Ông
06799 X Hải Hòa
06862 X Tiên Yên
06874 X Điền Xá
06877 X Đông Ngũ
06886 X Hải Lạng
06985 X Lương Minh
06979 X Kỳ Thượng
06970 X Ba Chẽ
06913 X Quảng Tân
06895 X Đầm Hà
06922 X Quảng Hà
06946 X Đường Hoa
06931 X Quảng Đức
06841 X Hoành Mô
06856 X Lục Hồn
06838 X Bình Liêu
06724 X Hải Sơn
06733 X Hải Ninh
06757 X Vĩnh Thực
06712 P Móng Cái 1
06709 P Móng Cái 2
06736 P Móng Cái 3
06994 D Vân Đồn
07192 D Cô Tô
06967 X Cái Chiên
]],
  ["24"] = [[
07627 X Đại Sơn
07615 X Sơn Động
07616 X Tây Yên Tử
07672 X Dương Hưu
07642 X Yên Định
07654 X An Lạc
07621 X Vân Sơn
07573 X Biển Động
07582 X Lục Ngạn
07594 X Đèo Gia
07543 X Sơn Hải
07531 X Tân Sơn
07537 X Biên Sơn
07534 X Sa Lý
07603 X Nam Dương
07552 X Kiên Lao
07525 P Chũ
07612 P Phượng Sơn
07492 X Lục Sơn
07489 X Trường Sơn
07519 X Cẩm Lý
07450 X Đông Phú
07486 X Nghĩa Phương
07444 X Lục Nam
07498 X Bắc Lũng
07462 X Bảo Đài
07375 X Lạng Giang
07420 X Mỹ Thái
07399 X Kép
07432 X Tân Dĩnh
07381 X Tiên Lục
07288 X Yên Thế
07294 X Bố Hạ
07282 X Đồng Kỳ
07246 X Xuân Lương
07264 X Tam Tiến
07339 X Tân Yên
07351 X Ngọc Thiện
07306 X Nhã Nam
07330 X Phúc Hòa
07333 X Quang Trung
07864 X Hợp Thịnh
07840 X Hiệp Hòa
07822 X Hoàng Vân
07870 X Xuân Cẩm
07774 P Tự Lạn
07777 P Việt Yên
07795 P Nếnh
07798 P Vân Hà
07735 X Đồng Việt
07210 P Bắc Giang
07228 P Đa Mai
07696 P Tiền Phong
07682 P Tân An
07681 P Yên Dũng
07699 P Tân Tiến
07738 P Cảnh Thụy
09187 P Kinh Bắc
09190 P Võ Cường
09169 P Vũ Ninh
09325 P Hạp Lĩnh
09286 P Nam Sơn
09367 P Từ Sơn
09370 P Tam Sơn
09385 P Đồng Nguyên
09379 P Phù Khê
09400 P Thuận Thành
09409 P Mão Điền
09430 P Trạm Lộ
09427 P Trí Quả
09433 P Song Liễu
09445 P Ninh Xá
09247 P Quế Võ
09265 P Phương Liễu
09253 P Nhân Hòa
09301 P Đào Viên
09295 P Bồng Lai
09313 X Chi Lăng
09292 X Phù Lãng
09193 X Yên Phong
09238 X Văn Môn
09202 X Tam Giang
09205 X Yên Trung
09208 X Tam Đa
09319 X Tiên Du
09334 X Liên Bão
09343 X Tân Chi
09340 X Đại Đồng
09349 X Phật Tích
09454 X Gia Bình
09475 X Nhân Thắng
09469 X Đại Lai
09466 X Cao Đức
09487 X Đông Cứu
09496 X Lương Tài
09529 X Lâm Thao
09523 X Trung Chính
09499 X Trung Kênh
07663 X Tuấn Đạo
]],
  ["25"] = [[
07900 P Việt Trì
07894 P Nông Trang
07909 P Thanh Miếu
07918 P Vân Phú
08515 X Hy Cương
08494 X Lâm Thao
08500 X Xuân Lũng
08521 X Phùng Nguyên
08527 X Bản Nguyên
07954 P Phong Châu
07942 P Phú Thọ
07948 P Âu Cơ
08230 X Phù Ninh
08254 X Dân Chủ
08236 X Phú Mỹ
08245 X Trạm Thản
08275 X Bình Phú
08152 X Thanh Ba
08173 X Quảng Yên
08203 X Hoàng Cương
08209 X Đông Thành
08218 X Chí Tiên
08227 X Liên Minh
07969 X Đoan Hùng
08023 X Tây Cốc
08038 X Chân Mộng
07999 X Chí Đám
07996 X Bằng Luân
08053 X Hạ Hòa
08071 X Đan Thượng
08113 X Yên Kỳ
08143 X Vĩnh Chân
08134 X Văn Lang
08110 X Hiền Lương
08341 X Cẩm Khê
08398 X Phú Khê
08416 X Hùng Việt
08431 X Đồng Lương
08344 X Tiên Lương
08377 X Vân Bán
08434 X Tam Nông
08479 X Thọ Văn
08467 X Vạn Xuân
08443 X Hiền Quan
08674 X Thanh Thủy
08662 X Đào Xá
08686 X Tu Vũ
08542 X Thanh Sơn
08584 X Võ Miếu
08611 X Văn Miếu
08614 X Cự Đồng
08632 X Hương Cần
08656 X Yên Sơn
08635 X Khả Cửu
08566 X Tân Sơn
08593 X Minh Đài
08560 X Lai Đồng
08545 X Thu Cúc
08590 X Xuân Đài
08620 X Long Cốc
08290 X Yên Lập
08323 X Thượng Long
08296 X Sơn Lương
08305 X Xuân Viên
08338 X Minh Hòa
08311 X Trung Sơn
08824 X Tam Sơn
08848 X Sông Lô
08782 X Hải Lựu
08773 X Yên Lãng
08761 X Lập Thạch
08842 X Tiên Lữ
08788 X Thái Hòa
08812 X Liên Hòa
08770 X Hợp Lý
08866 X Sơn Đông
08911 X Tam Đảo
08923 X Đại Đình
08914 X Đạo Trù
08869 X Tam Dương
08905 X Hội Thịnh
08896 X Hoàng An
08872 X Tam Dương Bắc
09076 X Vĩnh Tường
09112 X Thổ Tang
09100 X Vĩnh Hưng
09079 X Vĩnh An
09154 X Vĩnh Phú
09106 X Vĩnh Thành
09025 X Yên Lạc
09040 X Tề Lỗ
09064 X Liên Châu
09043 X Tam Hồng
09052 X Nguyệt Đức
08935 X Bình Nguyên
08971 X Xuân Lãng
08950 X Bình Xuyên
08944 X Bình Tuyền
08716 P Vĩnh Phúc
08707 P Vĩnh Yên
08740 P Phúc Yên
08746 P Xuân Hòa
05089 X Cao Phong
05116 X Mường Thàng
05092 X Thung Nai
04831 X Đà Bắc
04876 X Cao Sơn
04846 X Đức Nhàn
04873 X Quy Đức
04849 X Tân Pheo
04891 X Tiền Phong
04978 X Kim Bôi
05014 X Mường Động
05086 X Dũng Tiến
05068 X Hợp Kim
04990 X Nật Sơn
05266 X Lạc Sơn
05287 X Mường Vang
05347 X Đại Đồng
05329 X Ngọc Sơn
05290 X Nhân Nghĩa
05323 X Quyết Thắng
05293 X Thượng Cốc
05305 X Yên Phú
05392 X Lạc Thủy
05425 X An Bình
05395 X An Nghĩa
04924 X Lương Sơn
05047 X Cao Dương
04960 X Liên Sơn
05200 X Mai Châu
05245 X Bao La
05251 X Mai Hạ
05212 X Pà Cò
05206 X Tân Mai
05128 X Tân Lạc
05158 X Mường Bi
05134 X Mường Hoa
05191 X Toàn Thắng
05152 X Vân Sơn
05353 X Yên Thủy
05362 X Lạc Lương
05386 X Yên Trị
04897 X Thịnh Minh
04795 P Hòa Bình
04894 P Kỳ Sơn
04792 P Tân Hòa
04828 P Thống Nhất
]],
  ["31"] = [[
11560 P Thủy Nguyên
11557 P Thiên Hương
11533 P Hòa Bình
11542 P Nam Triệu
11473 P Bạch Đằng
11488 P Lưu Kiếm
11506 P Lê Ích Mộc
11311 P Hồng Bàng
11602 P Hồng An
11329 P Ngô Quyền
11359 P Gia Viên
11383 P Lê Chân
11407 P An Biên
11413 P Hải An
11411 P Đông Hải
11443 P Kiến An
11446 P Phù Liễn
11737 P Nam Đồ Sơn
11455 P Đồ Sơn
11689 P Hưng Đạo
11692 P Dương Kinh
11581 P An Dương
11617 P An Hải
11593 P An Phong
11674 X An Hưng
11668 X An Khánh
11647 X An Quang
11635 X An Trường
11629 X An Lão
11680 X Kiến Thụy
11725 X Kiến Minh
11749 X Kiến Hải
11728 X Kiến Hưng
11713 X Nghi Dương
11761 X Quyết Thắng
11755 X Tiên Lãng
11779 X Tân Minh
11791 X Tiên Minh
11806 X Chấn Hưng
11809 X Hùng Thắng
11824 X Vĩnh Bảo
11911 X Nguyễn Bỉnh Khiêm
11887 X Vĩnh Am
11875 X Vĩnh Hải
11848 X Vĩnh Hòa
11836 X Vĩnh Thịnh
11842 X Vĩnh Thuận
11503 X Việt Khê
11914 D Cát Hải
11948 D Bạch Long Vĩ
10525 P Hải Dương
10532 P Lê Thanh Nghị
10543 P Việt Hòa
10507 P Thành Đông
10837 P Nam Đồng
10537 P Tân Hưng
11002 P Thạch Khôi
10891 P Tứ Minh
10660 P Ái Quốc
10549 P Chu Văn An
10546 P Chí Linh
10570 P Trần Hưng Đạo
10552 P Nguyễn Trãi
10573 P Trần Nhân Tông
10603 P Lê Đại Hành
10675 P Kinh Môn
10744 P Nguyễn Đại Năng
10729 P Trần Liễu
10678 P Bắc An Phụ
10726 P Phạm Sư Mạnh
10714 P Nhị Chiểu
10705 X Nam An Phụ
10606 X Nam Sách
10642 X Thái Tân
10615 X Hợp Tiến
10633 X Trần Phú
10645 X An Phú
10813 X Thanh Hà
10846 X Hà Tây
10816 X Hà Bắc
10843 X Hà Nam
10882 X Hà Đông
10888 X Cẩm Giang
10909 X Tuệ Tĩnh
10930 X Mao Điền
10903 X Cẩm Giàng
10945 X Kẻ Sặt
10966 X Bình Giang
10972 X Đường An
10993 X Thượng Hồng
10999 X Gia Lộc
11020 X Yết Kiêu
11050 X Gia Phúc
11065 X Trường Tân
11074 X Tứ Kỳ
11113 X Tân Kỳ
11086 X Đại Sơn
11131 X Chí Minh
11140 X Lạc Phượng
11146 X Nguyên Giáp
11203 X Ninh Giang
11164 X Vĩnh Lại
11224 X Khúc Thừa Dụ
11167 X Tân An
11218 X Hồng Châu
11239 X Thanh Miện
11254 X Bắc Thanh Miện
11257 X Hải Hưng
11242 X Nguyễn Lương Bằng
11284 X Nam Thanh Miện
10750 X Phú Thái
10756 X Lai Khê
10792 X An Thành
10804 X Kim Thành
]],
  ["33"] = [[
11953 P Phố Hiến
11983 P Sơn Nam
11980 P Hồng Châu
12103 P Mỹ Hào
12133 P Đường Hào
12127 P Thượng Hồng
11977 X Tân Hưng
12337 X Hoàng Hoa Thám
12364 X Tiên Lữ
12361 X Tiên Hoa
12391 X Quang Hưng
12406 X Đoàn Đào
12424 X Tiên Tiến
12427 X Tống Trân
12280 X Lương Bằng
12286 X Nghĩa Dân
12322 X Hiệp Cường
12313 X Đức Hợp
12142 X Ân Thi
12166 X Xuân Trúc
12148 X Phạm Ngũ Lão
12184 X Nguyễn Trãi
12196 X Hồng Quang
12205 X Khoái Châu
12223 X Triệu Việt Vương
12238 X Việt Tiến
12271 X Chí Minh
12247 X Châu Ninh
12073 X Yên Mỹ
12091 X Việt Yên
12070 X Hoàn Long
12064 X Nguyễn Văn Linh
12004 X Như Quỳnh
11992 X Lạc Đạo
11995 X Đại Đồng
12031 X Nghĩa Trụ
12025 X Phụng Công
12019 X Văn Giang
12049 X Mễ Sở
13225 P Thái Bình
12454 P Trần Lãm
12452 P Trần Hưng Đạo
12817 P Trà Lý
12466 P Vũ Phúc
12826 X Thái Thụy
12862 X Đông Thụy Anh
12859 X Bắc Thụy Anh
12865 X Thụy Anh
12904 X Nam Thụy Anh
12916 X Bắc Thái Ninh
12922 X Thái Ninh
12943 X Đông Thái Ninh
12961 X Nam Thái Ninh
12919 X Tây Thái Ninh
12850 X Tây Thụy Anh
12970 X Tiền Hải
13039 X Tây Tiền Hải
13021 X Ái Quốc
13003 X Đồng Châu
12988 X Đông Tiền Hải
13057 X Nam Cường
13066 X Hưng Phú
13063 X Nam Tiền Hải
12472 X Quỳnh Phụ
12511 X Minh Thọ
12532 X Nguyễn Du
12577 X Quỳnh An
12517 X Ngọc Lâm
12526 X Đồng Bằng
12499 X A Sào
12523 X Phụ Dực
12583 X Tân Tiến
12586 X Hưng Hà
12634 X Tiên La
12676 X Lê Quý Đôn
12685 X Hồng Minh
12631 X Thần Khê
12619 X Diên Hà
12595 X Ngự Thiên
12613 X Long Hưng
12688 X Đông Hưng
12700 X Bắc Tiên Hưng
12736 X Đông Tiên Hưng
12775 X Nam Đông Hưng
12745 X Bắc Đông Quan
12694 X Bắc Đông Hưng
12793 X Đông Quan
12763 X Nam Tiên Hưng
12754 X Tiên Hưng
13120 X Lê Lợi
13075 X Kiến Xương
13132 X Quang Lịch
13141 X Vũ Quý
13183 X Bình Thanh
13186 X Bình Định
13159 X Hồng Vũ
13096 X Bình Nguyên
13093 X Trà Giang
13192 X Vũ Thư
13222 X Thư Trì
13246 X Tân Thuận
13264 X Thư Vũ
13279 X Vũ Tiên
13219 X Vạn Xuân
]],
  ["37"] = [[
14464 X Gia Viễn
14500 X Đại Hoàng
14482 X Gia Hưng
14524 X Gia Phong
14488 X Gia Vân
14494 X Gia Trấn
14428 X Nho Quan
14389 X Gia Lâm
14401 X Gia Tường
14407 X Phú Sơn
14404 X Cúc Phương
14458 X Phú Long
14434 X Thanh Sơn
14452 X Quỳnh Lưu
14560 X Yên Khánh
14611 X Khánh Nhạc
14563 X Khánh Thiện
14614 X Khánh Hội
14608 X Khánh Trung
14701 X Yên Mô
14728 X Yên Từ
14743 X Yên Mạc
14746 X Đồng Thái
14653 X Chất Bình
14638 X Kim Sơn
14647 X Quang Thiện
14620 X Phát Diệm
14674 X Lai Thành
14677 X Định Hóa
14623 X Bình Minh
14698 X Kim Đông
13504 X Bình Lục
13501 X Bình Mỹ
13540 X Bình An
13531 X Bình Giang
13558 X Bình Sơn
13456 X Liêm Hà
13474 X Tân Thanh
13483 X Thanh Bình
13489 X Thanh Lâm
13495 X Thanh Liêm
13573 X Lý Nhân
13591 X Nam Xang
13579 X Bắc Lý
13597 X Vĩnh Trụ
13594 X Trần Thương
13609 X Nhân Hà
13627 X Nam Lý
13966 X Nam Trực
14011 X Nam Minh
14014 X Nam Đồng
14005 X Nam Ninh
13987 X Nam Hồng
13750 X Minh Tân
13753 X Hiển Khánh
13741 X Vụ Bản
13786 X Liên Minh
13795 X Ý Yên
13879 X Yên Đồng
13870 X Yên Cường
13864 X Vạn Thắng
13834 X Vũ Dương
13807 X Tân Minh
13822 X Phong Doanh
14026 X Cổ Lễ
14038 X Ninh Giang
14056 X Cát Thành
14053 X Trực Ninh
14062 X Quang Hưng
14071 X Minh Thái
14077 X Ninh Cường
14089 X Xuân Trường
14122 X Xuân Hưng
14104 X Xuân Giang
14095 X Xuân Hồng
14215 X Hải Hậu
14236 X Hải Anh
14218 X Hải Tiến
14248 X Hải Hưng
14281 X Hải An
14287 X Hải Quang
14308 X Hải Xuân
14221 X Hải Thịnh
14161 X Giao Minh
14182 X Giao Hòa
14167 X Giao Thủy
14203 X Giao Phúc
14179 X Giao Hưng
14194 X Giao Bình
14212 X Giao Ninh
13900 X Đồng Thịnh
13891 X Nghĩa Hưng
13918 X Nghĩa Sơn
13927 X Hồng Phong
13939 X Quỹ Nhất
13957 X Nghĩa Lâm
13894 X Rạng Đông
14533 P Tây Hoa Lư
14329 P Hoa Lư
14359 P Nam Hoa Lư
14566 P Đông Hoa Lư
14362 P Tam Điệp
14371 P Yên Sơn
14365 P Trung Sơn
14725 P Yên Thắng
13366 P Hà Nam
13285 P Phủ Lý
13291 P Phù Vân
13318 P Châu Sơn
13444 P Liêm Tuyền
13324 P Duy Tiên
13330 P Duy Tân
13348 P Đồng Văn
13336 P Duy Hà
13363 P Tiên Sơn
13393 P Lê Hồ
13396 P Nguyễn Úy
13435 P Lý Thường Kiệt
13402 P Kim Thanh
13420 P Tam Chúc
13384 P Kim Bảng
13669 P Nam Định
13684 P Thiên Trường
13693 P Đông A
13972 P Vị Khê
13699 P Thành Nam
13777 P Trường Thi
13984 P Hồng Quang
13708 P Mỹ Lộc
]],
  ["38"] = [[
14797 P Hạc Thành
16522 P Quảng Phú
16417 P Đông Quang
16378 P Đông Sơn
15853 P Đông Tiến
14758 P Hàm Rồng
15925 P Nguyệt Viên
16531 P Sầm Sơn
16516 P Nam Sầm Sơn
14812 P Bỉm Sơn
14818 P Quang Trung
16576 P Ngọc Sơn
16594 P Tân Dân
16597 P Hải Lĩnh
16561 P Tĩnh Gia
16609 P Đào Duy Từ
16645 P Hải Bình
16624 P Trúc Lâm
16654 P Nghi Sơn
16591 X Các Sơn
16636 X Trường Lâm
15271 X Hà Trung
15316 X Tống Sơn
15274 X Hà Long
15286 X Hoạt Giang
15298 X Lĩnh Toại
16021 X Triệu Lộc
16033 X Đông Thành
16012 X Hậu Lộc
16072 X Hoa Lộc
16078 X Vạn Lộc
16093 X Nga Sơn
16114 X Nga Thắng
16138 X Hồ Vương
16108 X Tân Tiến
16144 X Nga An
16171 X Ba Đình
15865 X Hoằng Hóa
15991 X Hoằng Tiến
16000 X Hoằng Thanh
15961 X Hoằng Lộc
15976 X Hoằng Châu
15910 X Hoằng Sơn
15889 X Hoằng Phú
15880 X Hoằng Giang
16438 X Lưu Vệ
16480 X Quảng Yên
16498 X Quảng Ngọc
16540 X Quảng Ninh
16543 X Quảng Bình
16549 X Tiên Trang
16489 X Quảng Chính
16279 X Nông Cống
16309 X Thắng Lợi
16297 X Trung Chính
16348 X Trường Văn
16342 X Thăng Bình
16363 X Tượng Lĩnh
16369 X Công Chính
15772 X Thiệu Hóa
15796 X Thiệu Quang
15778 X Thiệu Tiến
15820 X Thiệu Toán
15835 X Thiệu Trung
15469 X Yên Định
15421 X Yên Trường
15409 X Yên Phú
15412 X Quý Lộc
15442 X Yên Ninh
15457 X Định Tân
15448 X Định Hòa
15499 X Thọ Xuân
15505 X Thọ Long
15520 X Xuân Hòa
15553 X Sao Vàng
15544 X Lam Sơn
15568 X Thọ Lập
15574 X Xuân Tín
15592 X Xuân Lập
15349 X Vĩnh Lộc
15361 X Tây Đô
15382 X Biện Thượng
15664 X Triệu Sơn
15667 X Thọ Bình
15754 X Thọ Ngọc
15763 X Thọ Phú
15682 X Hợp Tiến
15766 X An Nông
15715 X Tân Ninh
15724 X Đồng Tiến
14866 X Mường Chanh
14860 X Quang Chiểu
14848 X Tam Chung
14845 X Mường Lát
14863 X Pù Nhi
14864 X Nhi Sơn
14854 X Mường Lý
14857 X Trung Lý
14869 X Hồi Xuân
14902 X Nam Xuân
14908 X Thiên Phủ
14896 X Hiền Kiệt
14890 X Phú Xuân
14878 X Phú Lệ
14872 X Trung Thành
14875 X Trung Sơn
15013 X Na Mèo
15010 X Sơn Thủy
15022 X Sơn Điện
15025 X Mường Mìn
15007 X Tam Thanh
15019 X Tam Lư
15016 X Quan Sơn
15001 X Trung Hạ
15055 X Linh Sơn
15058 X Đồng Lương
15049 X Văn Phú
15043 X Giao An
15031 X Yên Khương
15034 X Yên Thắng
14974 X Văn Nho
14980 X Thiết Ống
14923 X Bá Thước
14959 X Cổ Lũng
14956 X Pù Luông
14950 X Điền Lư
14932 X Điền Quang
14953 X Quý Lương
15061 X Ngọc Lặc
15085 X Thạch Lập
15091 X Ngọc Liên
15124 X Minh Sơn
15106 X Nguyệt Ấn
15112 X Kiên Thọ
15142 X Cẩm Thạch
15127 X Cẩm Thủy
15148 X Cẩm Tú
15163 X Cẩm Vân
15178 X Cẩm Tân
15187 X Kim Tân
15190 X Vân Du
15250 X Ngọc Trạo
15211 X Thạch Bình
15229 X Thành Vinh
15199 X Thạch Quảng
16174 X Như Xuân
16225 X Thượng Ninh
16177 X Xuân Bình
16186 X Hóa Quỳ
16222 X Thanh Quân
16213 X Thanh Phong
16234 X Xuân Du
16249 X Mậu Lâm
16228 X Như Thanh
16264 X Yên Thọ
16258 X Xuân Thái
16273 X Thanh Kỳ
15607 X Bát Mọt
15610 X Yên Nhân
15628 X Lương Sơn
15646 X Thường Xuân
15634 X Luận Thành
15661 X Tân Thành
15622 X Vạn Xuân
15643 X Thắng Lộc
15658 X Xuân Chinh
]],
  ["40"] = [[
17329 X Anh Sơn
17380 X Yên Xuân
17344 X Nhân Hòa
17365 X Anh Sơn Đông
17357 X Vĩnh Tường
17335 X Thành Bình Thọ
17254 X Con Cuông
17263 X Môn Sơn
17239 X Mậu Thạch
17242 X Cam Phục
17248 X Châu Khê
17230 X Bình Chuẩn
17464 X Diễn Châu
17416 X Đức Châu
17443 X Quảng Châu
17419 X Hải Châu
17488 X Tân Châu
17479 X An Châu
17476 X Minh Châu
17395 X Hùng Châu
17662 X Đô Lương
17623 X Bạch Ngọc
17677 X Văn Hiến
17707 X Bạch Hà
17689 X Thuần Trung
17641 X Lương Sơn
17110 P Hoàng Mai
17128 P Tân Mai
17125 P Quỳnh Mai
18001 X Hưng Nguyên
18007 X Yên Trung
18028 X Hưng Nguyên Nam
18040 X Lam Thành
16813 X Mường Xén
16849 X Hữu Kiệm
16837 X Nậm Cắn
16855 X Chiêu Lưu
16834 X Na Loi
16858 X Mường Típ
16870 X Na Ngoi
16816 X Mỹ Lý
16819 X Bắc Lý
16822 X Keng Đu
16828 X Huồi Tụ
16831 X Mường Lống
17950 X Vạn An
17935 X Nam Đàn
17944 X Đại Huệ
17989 X Thiên Nhẫn
17971 X Kim Liên
16941 X Nghĩa Đàn
16969 X Nghĩa Thọ
16951 X Nghĩa Lâm
16975 X Nghĩa Mai
16972 X Nghĩa Hưng
17032 X Nghĩa Khánh
17029 X Nghĩa Lộc
17827 X Nghi Lộc
17857 X Phúc Lộc
17878 X Đông Lộc
17866 X Trung Lộc
17842 X Thần Lĩnh
17833 X Hải Lộc
17854 X Văn Kiều
16738 X Quế Phong
16750 X Tiền Phong
16756 X Tri Lễ
16774 X Mường Quàng
16744 X Thông Thụ
16777 X Quỳ Châu
16792 X Châu Tiến
16801 X Hùng Chân
16804 X Châu Bình
17035 X Quỳ Hợp
17059 X Tam Hợp
17056 X Châu Lộc
17044 X Châu Hồng
17077 X Mường Ham
17089 X Mường Chọng
17071 X Minh Hợp
17179 X Quỳnh Lưu
17143 X Quỳnh Văn
17176 X Quỳnh Anh
17149 X Quỳnh Tam
17212 X Quỳnh Phú
17170 X Quỳnh Sơn
17224 X Quỳnh Thắng
17266 X Tân Kỳ
17272 X Tân Phú
17305 X Tân An
17284 X Nghĩa Đồng
17278 X Giai Xuân
17326 X Nghĩa Hành
17287 X Tiên Đồng
16939 P Thái Hòa
17011 P Tây Hiếu
17017 X Đông Hiếu
17728 X Cát Ngạn
17743 X Tam Đồng
17722 X Hạnh Lâm
17759 X Sơn Lâm
17770 X Hoa Quân
17791 X Kim Bảng
17818 X Bích Hào
17713 X Đại Đồng
17779 X Xuân Lâm
16933 X Tam Quang
16936 X Tam Thái
16876 X Tương Dương
16906 X Lượng Minh
16912 X Yên Na
16909 X Yên Hòa
16903 X Nga My
16885 X Hữu Khuông
16882 X Nhôn Mai
16690 P Trường Vinh
16681 P Thành Vinh
17920 P Vinh Hưng
16702 P Vinh Phú
16708 P Vinh Lộc
16732 P Cửa Lò
17506 X Yên Thành
17569 X Quan Thành
17605 X Hợp Minh
17611 X Vân Tụ
17560 X Vân Du
17521 X Quang Đồng
17524 X Giai Lạc
17515 X Bình Minh
17530 X Đông Thành
]],
  ["42"] = [[
18754 P Sông Trí
18781 P Hải Ninh
18832 P Hoành Sơn
18823 P Vũng Áng
18766 X Kỳ Xuân
18775 X Kỳ Anh
18814 X Kỳ Hoa
18787 X Kỳ Văn
18790 X Kỳ Khang
18838 X Kỳ Lạc
18844 X Kỳ Thượng
18673 X Cẩm Xuyên
18676 X Thiên Cầm
18739 X Cẩm Duệ
18736 X Cẩm Hưng
18748 X Cẩm Lạc
18742 X Cẩm Trung
18682 X Yên Hòa
18073 P Thành Sen
18100 P Trần Phú
18652 P Hà Huy Tập
18628 X Thạch Lạc
18619 X Đồng Tiến
18604 X Thạch Khê
18685 X Cẩm Bình
18562 X Thạch Hà
18634 X Toàn Lưu
18601 X Việt Xuyên
18586 X Đông Kinh
18667 X Thạch Xuân
18568 X Lộc Hà
18409 X Hồng Lộc
18583 X Mai Phụ
18406 X Can Lộc
18418 X Tùng Lộc
18466 X Gia Hanh
18436 X Trường Lưu
18481 X Xuân Lộc
18484 X Đồng Lộc
18115 P Bắc Hồng Lĩnh
18118 P Nam Hồng Lĩnh
18373 X Tiên Điền
18352 X Nghi Xuân
18394 X Cổ Đạm
18364 X Đan Hải
18229 X Đức Thọ
18262 X Đức Quang
18304 X Đức Đồng
18277 X Đức Thịnh
18244 X Đức Minh
18133 X Hương Sơn
18172 X Sơn Tây
18202 X Tứ Mỹ
18184 X Sơn Giang
18163 X Sơn Tiến
18160 X Sơn Hồng
18223 X Kim Hoa
18313 X Vũ Quang
18322 X Mai Hoa
18328 X Thượng Đức
18496 X Hương Khê
18532 X Hương Phố
18550 X Hương Đô
18502 X Hà Linh
18523 X Hương Bình
18547 X Phúc Trạch
18544 X Hương Xuân
18196 X Sơn Kim 1
18199 X Sơn Kim 2
]],
  ["44"] = [[
18880 P Đồng Hới
18859 P Đồng Thuận
18871 P Đồng Sơn
19093 X Nam Gianh
19075 X Nam Ba Đồn
19009 P Ba Đồn
19066 P Bắc Gianh
18904 X Dân Hóa
18922 X Kim Điền
18943 X Kim Phú
18901 X Minh Hóa
18919 X Tân Thành
18958 X Tuyên Lâm
18952 X Tuyên Sơn
18949 X Đồng Lê
18985 X Tuyên Phú
18991 X Tuyên Bình
18997 X Tuyên Hóa
19051 X Tân Gianh
19030 X Trung Thuần
19057 X Quảng Trạch
19033 X Hòa Trạch
19021 X Phú Trạch
19147 X Thượng Trạch
19138 X Phong Nha
19126 X Bắc Trạch
19159 X Đông Trạch
19111 X Hoàn Lão
19141 X Bố Trạch
19198 X Nam Trạch
19207 X Quảng Ninh
19225 X Ninh Châu
19237 X Trường Ninh
19204 X Trường Sơn
19249 X Lệ Thủy
19255 X Cam Hồng
19288 X Sen Ngư
19291 X Tân Mỹ
19309 X Trường Phú
19246 X Lệ Ninh
19318 X Kim Ngân
19333 P Đông Hà
19351 P Nam Đông Hà
19360 P Quảng Trị
19363 X Vĩnh Linh
19414 X Cửa Tùng
19372 X Vĩnh Hoàng
19405 X Vĩnh Thủy
19366 X Bến Quan
19537 X Cồn Tiên
19496 X Cửa Việt
19495 X Gio Linh
19501 X Bến Hải
19435 X Hướng Lập
19441 X Hướng Phùng
19429 X Khe Sanh
19462 X Tân Lập
19432 X Lao Bảo
19489 X Lìa
19483 X A Dơi
19594 X La Lay
19588 X Tà Rụt
19564 X Đakrông
19567 X Ba Lòng
19555 X Hướng Hiệp
19597 X Cam Lộ
19603 X Hiếu Giang
19624 X Triệu Phong
19669 X Ái Tử
19645 X Triệu Bình
19654 X Triệu Cơ
19639 X Nam Cửa Việt
19681 X Diên Sanh
19741 X Mỹ Thủy
19702 X Hải Lăng
19699 X Vĩnh Định
19735 X Nam Hải Lăng
19742 D Cồn Cỏ
]],
  ["46"] = [[
19900 P Thuận An
20014 P Hóa Châu
19930 P Mỹ Thượng
19777 P Vỹ Dạ
19789 P Thuận Hóa
19815 P An Cựu
19813 P Thủy Xuân
19774 P Kim Long
19804 P Hương An
19753 P Phú Xuân
19996 P Hương Trà
20017 P Kim Trà
19969 P Thanh Thủy
19975 P Hương Thủy
19960 P Phú Bài
19819 P Phong Điền
19858 P Phong Thái
19831 P Phong Dinh
19828 P Phong Phú
19873 P Phong Quảng
19885 X Đan Điền
19867 X Quảng Điền
19945 X Phú Vinh
19918 X Phú Hồ
19942 X Phú Vang
20122 X Vinh Lộc
20131 X Hưng Lộc
20140 X Lộc An
20107 X Phú Lộc
20137 X Chân Mây - Lăng Cô
20182 X Long Quảng
20179 X Nam Đông
20161 X Khe Tre
20035 X Bình Điền
20056 X A Lưới 1
20044 X A Lưới 2
20071 X A Lưới 3
20101 X A Lưới 4
20050 X A Lưới 5
19909 P Dương Nỗ
]],
  ["48"] = [[
20242 P Hải Châu
20257 P Hòa Cường
20209 P Thanh Khê
20305 P An Khê
20275 P An Hải
20263 P Sơn Trà
20285 P Ngũ Hành Sơn
20200 P Hòa Khánh
20194 P Hải Vân
20197 P Liên Chiểu
20260 P Cẩm Lệ
20314 P Hòa Xuân
20320 X Hòa Vang
20332 X Hòa Tiến
20308 X Bà Nà
20333 D Hoàng Sa
20965 X Núi Thành
21004 X Tam Mỹ
20984 X Tam Anh
20977 X Đức Phú
20971 X Tam Xuân
20992 X Tam Hải
20341 P Tam Kỳ
20356 P Quảng Phú
20350 P Hương Trà
20335 P Bàn Thạch
20380 X Tây Hồ
20364 X Chiên Đàn
20392 X Phú Ninh
20875 X Lãnh Ngọc
20854 X Tiên Phước
20878 X Thạnh Bình
20857 X Sơn Cẩm Hà
20908 X Trà Liên
20929 X Trà Giáp
20923 X Trà Tân
20920 X Trà Đốc
20900 X Trà My
20944 X Nam Trà My
20941 X Trà Tập
20959 X Trà Vân
20950 X Trà Linh
20938 X Trà Leng
20791 X Thăng Bình
20794 X Thăng An
20836 X Thăng Trường
20848 X Thăng Điền
20827 X Thăng Phú
20818 X Đồng Dương
20662 X Quế Sơn Trung
20641 X Quế Sơn
20650 X Xuân Phú
20656 X Nông Sơn
20669 X Quế Phước
20635 X Duy Nghĩa
20599 X Nam Phước
20623 X Duy Xuyên
20611 X Thu Bồn
20551 P Điện Bàn
20579 P Điện Bàn Đông
20575 P An Thắng
20557 P Điện Bàn Bắc
20569 X Điện Bàn Tây
20587 X Gò Nổi
20410 P Hội An
20413 P Hội An Đông
20401 P Hội An Tây
20434 X Tân Hiệp
20500 X Đại Lộc
20515 X Hà Nha
20506 X Thượng Đức
20539 X Vu Gia
20542 X Phú Thuận
20695 X Thạnh Mỹ
20710 X Bến Giằng
20707 X Nam Giang
20716 X Đắc Pring
20704 X La Dêê
20698 X La Êê
20485 X Sông Vàng
20476 X Sông Kôn
20467 X Đông Giang
20494 X Bến Hiên
20458 X Avương
20455 X Tây Giang
20443 X Hùng Sơn
20779 X Hiệp Đức
20767 X Việt An
20770 X Phước Trà
20722 X Khâm Đức
20734 X Phước Năng
20740 X Phước Chánh
20752 X Phước Thành
20728 X Phước Hiệp
]],
  ["51"] = [[
21211 X Tịnh Khê
21172 P Trương Quang Trọng
21034 X An Phú
21025 P Cẩm Thành
21028 P Nghĩa Lộ
21451 P Trà Câu
21457 X Nguyễn Nghiêm
21439 P Đức Phổ
21472 X Khánh Cường
21478 P Sa Huỳnh
21085 X Bình Minh
21100 X Bình Chương
21040 X Bình Sơn
21061 X Vạn Tường
21109 X Đông Sơn
21196 X Trường Giang
21205 X Ba Gia
21220 X Sơn Tịnh
21181 X Thọ Phong
21235 X Tư Nghĩa
21238 X Vệ Giang
21250 X Nghĩa Giang
21244 X Trà Giang
21364 X Nghĩa Hành
21385 X Đình Cương
21388 X Thiện Tín
21370 X Phước Giang
21409 X Long Phụng
21421 X Mỏ Cày
21400 X Mộ Đức
21433 X Lân Phong
21115 X Trà Bồng
21127 X Đông Trà Bồng
21154 X Tây Trà
21124 X Thanh Bồng
21136 X Cà Đam
21157 X Tây Trà Bồng
21292 X Sơn Hạ
21307 X Sơn Linh
21289 X Sơn Hà
21319 X Sơn Thủy
21325 X Sơn Kỳ
21340 X Sơn Tây
21334 X Sơn Tây Thượng
21343 X Sơn Tây Hạ
21361 X Minh Long
21349 X Sơn Mai
21529 X Ba Vì
21523 X Ba Tô
21499 X Ba Dinh
21484 X Ba Tơ
21490 X Ba Vinh
21496 X Ba Động
21520 X Đặng Thùy Trâm
21538 X Ba Xa
21548 D Lý Sơn
23293 P Kon Tum
23284 P Đăk Cấm
23302 P Đăk Bla
23317 X Ngọk Bay
23326 X Ia Chim
23332 X Đăk Rơ Wa
23504 X Đăk Pxi
23512 X Đăk Mar
23510 X Đăk Ui
23515 X Ngọk Réo
23500 X Đăk Hà
23428 X Ngọk Tụ
23401 X Đăk Tô
23430 X Kon Đào
23416 X Đăk Sao
23419 X Đăk Tờ Kan
23425 X Tu Mơ Rông
23446 X Măng Ri
23377 X Bờ Y
23392 X Sa Loong
23383 X Dục Nông
23356 X Xốp
23365 X Ngọc Linh
23344 X Đăk Plô
23341 X Đăk Pék
23374 X Đăk Môn
23527 X Sa Thầy
23534 X Sa Bình
23548 X Ya Ly
23538 X Ia Tơi
23485 X Đăk Kôi
23497 X Kon Braih
23479 X Đăk Rve
23473 X Măng Đen
23455 X Măng Bút
23476 X Kon Plông
23368 X Đăk Long
23530 X Rờ Kơi
23536 X Mô Rai
23535 X Ia Đal
]],
  ["52"] = [[
21583 P Quy Nhơn
21601 P Quy Nhơn Đông
21589 P Quy Nhơn Tây
21592 P Quy Nhơn Nam
21553 P Quy Nhơn Bắc
21907 P Bình Định
21910 P An Nhơn
21934 P An Nhơn Đông
21943 P An Nhơn Nam
21925 P An Nhơn Bắc
21940 X An Nhơn Tây
21640 P Bồng Sơn
21664 P Hoài Nhơn
21637 P Tam Quan
21670 P Hoài Nhơn Đông
21661 P Hoài Nhơn Tây
21673 P Hoài Nhơn Nam
21655 P Hoài Nhơn Bắc
21853 X Phù Cát
21892 X Xuân An
21901 X Ngô Mây
21880 X Cát Tiến
21859 X Đề Gi
21871 X Hòa Hội
21868 X Hội Sơn
21730 X Phù Mỹ
21769 X An Lương
21733 X Bình Dương
21751 X Phù Mỹ Đông
21757 X Phù Mỹ Tây
21775 X Phù Mỹ Nam
21739 X Phù Mỹ Bắc
21952 X Tuy Phước
21970 X Tuy Phước Đông
21985 X Tuy Phước Tây
21964 X Tuy Phước Bắc
21808 X Tây Sơn
21820 X Bình Khê
21835 X Bình Phú
21817 X Bình Hiệp
21829 X Bình An
21688 X Hoài Ân
21715 X Ân Tường
21727 X Kim Sơn
21703 X Vạn Đức
21697 X Ân Hảo
21994 X Vân Canh
22006 X Canh Vinh
21997 X Canh Liên
21786 X Vĩnh Thạnh
21796 X Vĩnh Thịnh
21805 X Vĩnh Quang
21787 X Vĩnh Sơn
21628 X An Hòa
21609 X An Lão
21616 X An Vinh
21622 X An Toàn
23575 P Pleiku
23586 P Hội Phú
23584 P Thống Nhất
23563 P Diên Hồng
23602 P An Phú
23590 X Biển Hồ
23611 X Gào
23734 X Ia Ly
23722 X Chư Păh
23728 X Ia Khươl
23749 X Ia Phí
23887 X Chư Prông
23896 X Bàu Cạn
23911 X Ia Boòng
23935 X Ia Lâu
23926 X Ia Pia
23908 X Ia Tôr
23941 X Chư Sê
23947 X Bờ Ngoong
23977 X Ia Ko
23954 X Al Bá
23942 X Chư Pưh
23986 X Ia Le
23971 X Ia Hrú
23617 P An Khê
23614 P An Bình
23629 X Cửu An
23995 X Đak Pơ
24007 X Ya Hội
23638 X Kbang
23674 X Kông Bơ La
23668 X Tơ Tung
23647 X Sơn Lang
23644 X Đak Rong
23824 X Kông Chro
23833 X Ya Ma
23830 X Chư Krey
23839 X SRó
23842 X Đăk Song
23851 X Chơ Long
24044 P Ayun Pa
24065 X Ia Rbol
24073 X Ia Sao
24043 X Phú Thiện
24049 X Chư A Thai
24061 X Ia Hiao
24013 X Pờ Tó
24022 X Ia Pa
24028 X Ia Tul
24076 X Phú Túc
24100 X Ia Dreh
24112 X Ia Rsai
24109 X Uar
23677 X Đak Đoa
23701 X Kon Gang
23710 X Ia Băng
23714 X KDang
23683 X Đak Sơmei
23794 X Mang Yang
23812 X Lơ Pang
23818 X Kon Chiêng
23799 X Hra
23798 X Ayun
23764 X Ia Grai
23776 X Ia Krái
23767 X Ia Hrung
23857 X Đức Cơ
23869 X Ia Dơk
23866 X Ia Krêl
21607 X Nhơn Châu
23917 X Ia Púch
23737 X Ia Mơ
23881 X Ia Pnôn
23884 X Ia Nan
23872 X Ia Dom
23788 X Ia Chia
23782 X Ia O
23650 X Krong
]],
  ["56"] = [[
22366 P Nha Trang
22333 P Bắc Nha Trang
22390 P Tây Nha Trang
22402 P Nam Nha Trang
22411 P Bắc Cam Ranh
22420 P Cam Ranh
22432 P Cam Linh
22423 P Ba Ngòi
22480 X Nam Cam Ranh
22546 X Bắc Ninh Hòa
22528 P Ninh Hòa
22576 X Tân Định
22561 P Đông Ninh Hòa
22591 P Hòa Thắng
22597 X Nam Ninh Hòa
22552 X Tây Ninh Hòa
22558 X Hòa Trí
22504 X Đại Lãnh
22498 X Tu Bông
22516 X Vạn Thắng
22489 X Vạn Ninh
22525 X Vạn Hưng
22651 X Diên Khánh
22678 X Diên Lạc
22657 X Diên Điền
22660 X Diên Lâm
22672 X Diên Thọ
22702 X Suối Hiệp
22453 X Cam Lâm
22708 X Suối Dầu
22435 X Cam Hiệp
22465 X Cam An
22615 X Bắc Khánh Vĩnh
22612 X Trung Khánh Vĩnh
22624 X Tây Khánh Vĩnh
22648 X Nam Khánh Vĩnh
22609 X Khánh Vĩnh
22714 X Khánh Sơn
22720 X Tây Khánh Sơn
22732 X Đông Khánh Sơn
22736 D Trường Sa
22759 P Phan Rang
22780 P Đông Hải
22834 P Ninh Chử
22741 P Bảo An
22738 P Đô Vinh
22870 X Ninh Phước
22891 X Phước Hữu
22873 X Phước Hậu
22897 X Thuận Nam
22909 X Cà Ná
22900 X Phước Hà
22888 X Phước Dinh
22852 X Ninh Hải
22861 X Xuân Hải
22846 X Vĩnh Hải
22849 X Thuận Bắc
22840 X Công Hải
22810 X Ninh Sơn
22813 X Lâm Sơn
22828 X Anh Dũng
22822 X Mỹ Sơn
22801 X Bác Ái Đông
22795 X Bác Ái
22786 X Bác Ái Tây
]],
  ["66"] = [[
24175 X Hòa Phú
24133 P Buôn Ma Thuột
24163 P Tân An
24121 P Tân Lập
24154 P Thành Nhất
24169 P Ea Kao
24328 X Ea Drông
24305 P Buôn Hồ
24340 P Cư Bao
24211 X Ea Súp
24217 X Ea Rốk
24229 X Ea Bung
24221 X Ia Rvê
24214 X Ia Lốp
24241 X Ea Wer
24250 X Ea Nuôl
24235 X Buôn Đôn
24265 X Ea Kiết
24286 X Ea M'Droh
24259 X Quảng Phú
24301 X Cuôr Đăng
24280 X Cư M'gar
24277 X Ea Tul
24316 X Pơng Drang
24310 X Krông Búk
24313 X Cư Pơng
24208 X Ea Khăl
24181 X Ea Drăng
24193 X Ea Wy
24184 X Ea H'Leo
24187 X Ea Hiao
24343 X Krông Năng
24346 X Dliê Ya
24352 X Tam Giang
24364 X Phú Xuân
24490 X Krông Pắc
24505 X Ea Knuếc
24526 X Tân Tiến
24502 X Ea Phê
24496 X Ea Kly
24529 X Vụ Bổn
24373 X Ea Kar
24403 X Ea Ô
24376 X Ea Knốp
24406 X Cư Yang
24400 X Ea Păl
24412 X M'Drắk
24433 X Ea Riêng
24436 X Cư M'ta
24444 X Krông Á
24415 X Cư Prao
24445 X Ea Trang
24472 X Hòa Sơn
24454 X Dang Kang
24448 X Krông Bông
24484 X Yang Mao
24478 X Cư Pui
24580 X Liên Sơn Lắk
24595 X Đắk Liêng
24607 X Nam Ka
24598 X Đắk Phơi
24604 X Krông Nô
24540 X Ea Ning
24561 X Dray Bhăng
24544 X Ea Ktur
24538 X Krông Ana
24568 X Dur Kmăl
24559 X Ea Na
22015 P Tuy Hòa
22240 P Phú Yên
22045 P Bình Kiến
22075 X Xuân Thọ
22060 X Xuân Cảnh
22057 X Xuân Lộc
22076 P Xuân Đài
22051 P Sông Cầu
22291 X Hòa Xuân
22258 P Đông Hòa
22261 P Hòa Hiệp
22114 X Tuy An Bắc
22120 X Tuy An Đông
22147 X Ô Loan
22153 X Tuy An Nam
22132 X Tuy An Tây
22319 X Phú Hòa 1
22303 X Phú Hòa 2
22255 X Tây Hòa
22276 X Hòa Thịnh
22285 X Hòa Mỹ
22250 X Sơn Thành
22165 X Sơn Hòa
22177 X Vân Hòa
22171 X Tây Sơn
22192 X Suối Trai
22237 X Ea Ly
22225 X Ea Bá
22222 X Đức Bình
22207 X Sông Hinh
22090 X Xuân Lãnh
22096 X Phú Mỡ
22111 X Xuân Phước
22081 X Đồng Xuân
]],
  ["68"] = [[
24781 P Xuân Hương - Đà Lạt
24787 P Cam Ly - Đà Lạt
24778 P Lâm Viên - Đà Lạt
24805 P Xuân Trường - Đà Lạt
24846 P Lang Biang - Đà Lạt
24823 P 1 Bảo Lộc
24820 P 2 Bảo Lộc
24841 P 3 Bảo Lộc
24829 P B'Lao
24848 X Lạc Dương
24931 X Đơn Dương
24943 X Ka Đô
24955 X Quảng Lập
24934 X D'Ran
24967 X Hiệp Thạnh
24958 X Đức Trọng
24976 X Tân Hội
24991 X Tà Hine
24988 X Tà Năng
24871 X Đinh Văn Lâm Hà
24895 X Phú Sơn Lâm Hà
24883 X Nam Hà Lâm Hà
24868 X Nam Ban Lâm Hà
24916 X Tân Hà Lâm Hà
24907 X Phúc Thọ Lâm Hà
24886 X Đam Rông 1
24877 X Đam Rông 2
24875 X Đam Rông 3
24853 X Đam Rông 4
25000 X Di Linh
25036 X Hòa Ninh
25042 X Hòa Bắc
25007 X Đinh Trang Thượng
25018 X Bảo Thuận
25051 X Sơn Điền
25015 X Gia Hiệp
25054 X Bảo Lâm 1
25084 X Bảo Lâm 2
25093 X Bảo Lâm 3
25063 X Bảo Lâm 4
25057 X Bảo Lâm 5
25099 X Đạ Huoai
25105 X Đạ Huoai 2
25114 X Đạ Huoai 3
25126 X Đạ Tẻh
25138 X Đạ Tẻh 2
25135 X Đạ Tẻh 3
25159 X Cát Tiên
25180 X Cát Tiên 2
25162 X Cát Tiên 3
22933 P Hàm Thắng
22960 P Bình Thuận
22918 P Mũi Né
22924 P Phú Thủy
22945 P Phan Thiết
22954 P Tiến Thành
23235 P La Gi
23231 P Phước Hội
22963 X Tuyên Quang
23246 X Tân Hải
22981 X Vĩnh Hảo
22969 X Liên Hương
22978 X Tuy Phong
22972 X Phan Rí Cửa
23005 X Bắc Bình
23041 X Hồng Thái
23020 X Hải Ninh
23008 X Phan Sơn
23023 X Sông Lũy
23032 X Lương Sơn
23053 X Hòa Thắng
23074 X Đông Giang
23065 X La Dạ
23089 X Hàm Thuận Bắc
23059 X Hàm Thuận
23086 X Hồng Sơn
23095 X Hàm Liêm
23122 X Hàm Thạnh
23128 X Hàm Kiệm
23143 X Tân Thành
23110 X Hàm Thuận Nam
23134 X Tân Lập
23230 X Tân Minh
23236 X Hàm Tân
23266 X Sơn Mỹ
23152 X Bắc Ruộng
23158 X Nghị Đức
23173 X Đồng Kho
23149 X Tánh Linh
23188 X Suối Kiết
23200 X Nam Thành
23191 X Đức Linh
23194 X Hoài Đức
23227 X Trà Tân
23272 D Phú Quý
24611 P Bắc Gia Nghĩa
24615 P Nam Gia Nghĩa
24617 P Đông Gia Nghĩa
24646 X Đắk Wil
24649 X Nam Dong
24640 X Cư Jút
24682 X Thuận An
24664 X Đức Lập
24670 X Đắk Mil
24678 X Đắk Sắk
24697 X Nam Đà
24688 X Krông Nô
24703 X Nâm Nung
24712 X Quảng Phú
24718 X Đắk Song
24717 X Đức An
24722 X Thuận Hạnh
24730 X Trường Xuân
24637 X Tà Đùng
24631 X Quảng Khê
24748 X Quảng Tân
24739 X Tuy Đức
24733 X Kiến Đức
24751 X Nhân Cơ
24760 X Quảng Tín
24985 X Ninh Gia
24620 X Quảng Hòa
24616 X Quảng Sơn
24736 X Quảng Trực
]],
  ["75"] = [[
26068 P Biên Hòa
26041 P Trấn Biên
26017 P Tam Hiệp
26020 P Long Bình
25993 P Trảng Dài
26005 P Hố Nai
26380 P Long Hưng
26491 X Đại Phước
26485 X Nhơn Trạch
26503 X Phước An
26422 X Phước Thái
26413 X Long Phước
26389 X Bình An
26368 X Long Thành
26383 X An Phước
26296 X An Viễn
26278 X Bình Minh
26248 X Trảng Bom
26254 X Bàu Hàm
26281 X Hưng Thịnh
26326 X Dầu Giây
26311 X Gia Kiệm
26299 X Thống Nhất
26089 P Bình Lộc
26098 P Bảo Vinh
26104 P Xuân Lập
26080 P Long Khánh
26113 P Hàng Gòn
26332 X Xuân Quế
26347 X Xuân Đường
26341 X Cẩm Mỹ
26362 X Sông Ray
26359 X Xuân Đông
26461 X Xuân Định
26458 X Xuân Phú
26425 X Xuân Lộc
26446 X Xuân Hòa
26434 X Xuân Thành
26428 X Xuân Bắc
26227 X La Ngà
26206 X Định Quán
26215 X Phú Vinh
26221 X Phú Hòa
26134 X Tà Lài
26122 X Nam Cát Tiên
26116 X Tân Phú
26158 X Phú Lâm
26170 X Trị An
26179 X Tân An
26188 P Tân Triều
25441 P Minh Hưng
25432 P Chơn Thành
25450 X Nha Bích
25351 X Tân Quan
25345 X Tân Hưng
25357 X Tân Khai
25349 X Minh Đức
25326 P Bình Long
25333 P An Lộc
25294 X Lộc Thành
25270 X Lộc Ninh
25303 X Lộc Hưng
25279 X Lộc Tấn
25280 X Lộc Thạnh
25292 X Lộc Quang
25318 X Tân Tiến
25308 X Thiện Hưng
25309 X Hưng Phước
25267 X Phú Nghĩa
25231 X Đa Kia
25220 P Phước Bình
25217 P Phước Long
25246 X Bình Tân
25255 X Long Hà
25252 X Phú Riềng
25261 X Phú Trung
25210 P Đồng Xoài
25195 P Bình Phước
25387 X Thuận Lợi
25390 X Đồng Tâm
25378 X Tân Lợi
25363 X Đồng Phú
25420 X Phước Sơn
25417 X Nghĩa Trung
25396 X Bù Đăng
25402 X Thọ Sơn
25399 X Đak Nhau
25405 X Bom Bo
26374 P Tam Phước
26377 P Phước Tân
26209 X Thanh Sơn
26119 X Đak Lua
26173 X Phú Lý
25222 X Bù Gia Mập
25225 X Đăk Ơ
]],
  ["79"] = [[
26506 P Vũng Tàu
26526 P Tam Thắng
26536 P Rạch Dừa
26542 P Phước Thắng
26560 P Bà Rịa
26566 P Long Hương
26704 P Phú Mỹ
26572 P Tam Long
26725 P Tân Thành
26713 P Tân Phước
26710 P Tân Hải
26728 X Châu Pha
26575 X Ngãi Giao
26590 X Bình Giã
26608 X Kim Long
26596 X Châu Đức
26584 X Xuân Sơn
26617 X Nghĩa Thành
26620 X Hồ Tràm
26632 X Xuyên Mộc
26641 X Hòa Hội
26638 X Bàu Lâm
26686 X Phước Hải
26662 X Long Hải
26680 X Đất Đỏ
26659 X Long Điền
26732 D Côn Đảo
25951 P Đông Hòa
25942 P Dĩ An
25945 P Tân Đông Hiệp
25978 P Thuận An
25969 P Thuận Giao
25987 P Bình Hòa
25966 P Lái Thiêu
25975 P An Phú
25760 P Bình Dương
25771 P Chánh Hiệp
25747 P Thủ Dầu Một
25750 P Phú Lợi
25912 P Vĩnh Tân
25915 P Bình Cơ
25888 P Tân Uyên
25920 P Tân Hiệp
25891 P Tân Khánh
25849 P Hòa Lợi
25768 P Phú An
25843 P Tây Nam
25840 P Long Nguyên
25813 P Bến Cát
25837 P Chánh Phú Hòa
25906 X Bắc Tân Uyên
25909 X Thường Tân
25867 X An Long
25864 X Phước Thành
25882 X Phước Hòa
25858 X Phú Giáo
25819 X Trừ Văn Thố
25822 X Bàu Bàng
25780 X Minh Thạnh
25792 X Long Hòa
25777 X Dầu Tiếng
25807 X Thanh An
26740 P Sài Gòn
26737 P Tân Định
26743 P Bến Thành
26758 P Cầu Ông Lãnh
27154 P Bàn Cờ
27139 P Xuân Hòa
27142 P Nhiêu Lộc
27259 P Xóm Chiếu
27265 P Khánh Hội
27286 P Vĩnh Hội
27301 P Chợ Quán
27316 P An Đông
27343 P Chợ Lớn
27367 P Bình Tây
27373 P Bình Tiên
27364 P Bình Phú
27349 P Phú Lâm
27478 P Tân Thuận
27484 P Phú Thuận
27487 P Tân Mỹ
27475 P Tân Hưng
27418 P Chánh Hưng
27427 P Phú Định
27424 P Bình Đông
27169 P Diên Hồng
27190 P Vườn Lài
27163 P Hòa Hưng
27238 P Minh Phụng
27232 P Bình Thới
27211 P Hòa Bình
27226 P Phú Thọ
26791 P Đông Hưng Thuận
26785 P Trung Mỹ Tây
26782 P Tân Thới Hiệp
26773 P Thới An
26767 P An Phú Đông
27460 P An Lạc
27457 P Tân Tạo
27442 P Bình Tân
27448 P Bình Trị Đông
27439 P Bình Hưng Hòa
26944 P Gia Định
26929 P Bình Thạnh
26905 P Bình Lợi Trung
26956 P Thạnh Mỹ Tây
26911 P Bình Quới
26890 P Hạnh Thông
26876 P An Nhơn
26884 P Gò Vấp
26878 P An Hội Đông
26898 P Thông Tây Hội
26882 P An Hội Tây
27043 P Đức Nhuận
27058 P Cầu Kiệu
27073 P Phú Nhuận
26977 P Tân Sơn Hòa
26968 P Tân Sơn Nhất
26995 P Tân Hòa
26983 P Bảy Hiền
27004 P Tân Bình
27007 P Tân Sơn
27013 P Tây Thạnh
27019 P Tân Sơn Nhì
27022 P Phú Thọ Hòa
27031 P Tân Phú
27028 P Phú Thạnh
26809 P Hiệp Bình
26824 P Thủ Đức
26803 P Tam Bình
26800 P Linh Xuân
26842 P Tăng Nhơn Phú
26833 P Long Bình
26857 P Long Phước
26860 P Long Trường
27112 P Cát Lái
27097 P Bình Trưng
26848 P Phước Long
27094 P An Khánh
27601 X Vĩnh Lộc
27604 X Tân Vĩnh Lộc
27610 X Bình Lợi
27595 X Tân Nhựt
27637 X Bình Chánh
27628 X Hưng Long
27619 X Bình Hưng
27667 X Bình Khánh
27673 X An Thới Đông
27664 X Cần Giờ
27553 X Củ Chi
27496 X Tân An Hội
27526 X Thái Mỹ
27508 X An Nhơn Tây
27511 X Nhuận Đức
27541 X Phú Hòa Đông
27544 X Bình Mỹ
27568 X Đông Thạnh
27559 X Hóc Môn
27577 X Xuân Thới Sơn
27592 X Bà Điểm
27655 X Nhà Bè
27658 X Hiệp Phước
26545 X Long Sơn
26647 X Hòa Hiệp
26656 X Bình Châu
25846 P Thới Hòa
27676 X Thạnh An
]],
  ["80"] = [[
27727 X Hưng Điền
27736 X Vĩnh Thạnh
27721 X Tân Hưng
27748 X Vĩnh Châu
27775 X Tuyên Bình
27757 X Vĩnh Hưng
27763 X Khánh Hưng
27817 X Tuyên Thạnh
27793 X Bình Hiệp
27787 P Kiến Tường
27811 X Bình Hòa
27823 X Mộc Hóa
27841 X Hậu Thạnh
27838 X Nhơn Hòa Lập
27856 X Nhơn Ninh
27826 X Tân Thạnh
27868 X Bình Thành
27877 X Thạnh Phước
27865 X Thạnh Hóa
27889 X Tân Tây
28036 X Thủ Thừa
28066 X Mỹ An
28051 X Mỹ Thạnh
28072 X Tân Long
27907 X Mỹ Quý
27898 X Đông Thành
27925 X Đức Huệ
27943 X An Ninh
27952 X Hiệp Hòa
27931 X Hậu Nghĩa
27979 X Hòa Khánh
27964 X Đức Lập
27976 X Mỹ Hạnh
27937 X Đức Hòa
27994 X Thạnh Lợi
28015 X Bình Đức
28003 X Lương Hòa
27991 X Bến Lức
28018 X Mỹ Yên
28126 X Long Cang
28114 X Rạch Kiến
28132 X Mỹ Lệ
28138 X Tân Lân
28108 X Cần Đước
28144 X Long Hựu
28165 X Phước Lý
28177 X Mỹ Lộc
28159 X Cần Giuộc
28201 X Phước Vĩnh Tây
28207 X Tân Tập
28093 X Vàm Cỏ
28075 X Tân Trụ
28087 X Nhựt Tảo
28225 X Thuận Mỹ
28243 X An Lục Long
28210 X Tầm Vu
28222 X Vĩnh Công
27694 P Long An
27712 P Tân An
27715 P Khánh Hậu
25459 P Tân Ninh
25480 P Bình Minh
25567 P Ninh Thạnh
25630 P Long Hoa
25645 P Hòa Thành
25633 P Thanh Điền
25708 P Trảng Bàng
25732 P An Tịnh
25654 P Gò Dầu
25672 P Gia Lộc
25711 X Hưng Thuận
25729 X Phước Chỉ
25657 X Thạnh Đức
25663 X Phước Thạnh
25666 X Truông Mít
25579 X Lộc Ninh
25573 X Cầu Khởi
25552 X Dương Minh Châu
25522 X Tân Đông
25516 X Tân Châu
25549 X Tân Phú
25525 X Tân Hội
25534 X Tân Thành
25531 X Tân Hòa
25489 X Tân Lập
25486 X Tân Biên
25498 X Thạnh Bình
25510 X Trà Vong
25591 X Phước Vinh
25606 X Hòa Hội
25621 X Ninh Điền
25585 X Châu Thành
25588 X Hảo Đước
25684 X Long Chữ
25702 X Long Thuận
25681 X Bến Cầu
]],
  ["82"] = [[
28261 P Mỹ Tho
28249 P Đạo Thạnh
28273 P Mỹ Phong
28270 P Thới Sơn
28285 P Trung An
28306 P Gò Công
28297 P Long Thuận
28729 P Sơn Qui
28315 P Bình Xuân
28435 P Mỹ Phước Tây
28436 P Thanh Hòa
28439 P Cai Lậy
28477 P Nhị Quý
28468 X Tân Phú
28426 X Thanh Hưng
28429 X An Hữu
28414 X Mỹ Lợi
28405 X Mỹ Đức Tây
28378 X Mỹ Thiện
28366 X Hậu Mỹ
28393 X Hội Cư
28360 X Cái Bè
28471 X Bình Phú
28501 X Hiệp Đức
28516 X Ngũ Hiệp
28504 X Long Tiên
28456 X Mỹ Thành
28444 X Thạnh Phú
28321 X Tân Phước 1
28327 X Tân Phước 2
28345 X Tân Phước 3
28336 X Hưng Thạnh
28525 X Tân Hương
28519 X Châu Thành
28537 X Long Hưng
28543 X Long Định
28576 X Vĩnh Kim
28582 X Kim Sơn
28564 X Bình Trưng
28603 X Mỹ Tịnh An
28615 X Lương Hòa Lạc
28627 X Tân Thuận Bình
28594 X Chợ Gạo
28633 X An Thạnh Thủy
28648 X Bình Ninh
28651 X Vĩnh Bình
28660 X Đồng Sơn
28663 X Phú Thành
28687 X Long Bình
28678 X Vĩnh Hựu
28747 X Gò Công Đông
28738 X Tân Điền
28702 X Tân Hòa
28723 X Tân Đông
28720 X Gia Thuận
28693 X Tân Thới
28696 X Tân Phú Đông
29926 X Tân Hồng
29938 X Tân Thành
29929 X Tân Hộ Cơ
29944 X An Phước
29954 P An Bình
29955 P Hồng Ngự
29978 P Thường Lạc
29971 X Thường Phước
29983 X Long Khánh
29992 X Long Phú Thuận
30019 X An Hòa
30010 X Tam Nông
30034 X Phú Thọ
30001 X Tràm Chim
30025 X Phú Cường
30028 X An Long
30130 X Thanh Bình
30157 X Tân Thạnh
30163 X Bình Thành
30154 X Tân Long
30037 X Tháp Mười
30073 X Thanh Mỹ
30055 X Mỹ Quí
30061 X Đốc Binh Kiều
30046 X Trường Xuân
30043 X Phương Thịnh
30088 X Phong Mỹ
30085 X Ba Sao
30076 X Mỹ Thọ
30118 X Bình Hàng Trung
30112 X Mỹ Hiệp
29869 P Cao Lãnh
29884 P Mỹ Ngãi
29888 P Mỹ Trà
30178 X Mỹ An Hưng
30184 X Tân Khánh Trung
30169 X Lấp Vò
30226 X Lai Vung
30208 X Hòa Long
30235 X Phong Hòa
29905 P Sa Đéc
30214 X Tân Dương
30244 X Phú Hựu
30253 X Tân Nhuận Đông
30259 X Tân Phú Trung
]],
  ["86"] = [[
29641 X Cái Nhum
29653 X Tân Long Hội
29623 X Nhơn Phú
29638 X Bình Phước
29584 X An Bình
29602 X Long Hồ
29611 X Phú Quới
29590 P Thanh Đức
29551 P Long Châu
29557 P Phước Hậu
29593 P Tân Hạnh
29566 P Tân Ngãi
29677 X Quới Thiện
29659 X Trung Thành
29698 X Trung Ngãi
29668 X Quới An
29683 X Trung Hiệp
29701 X Hiếu Phụng
29713 X Hiếu Thành
29857 X Lục Sĩ Thành
29821 X Trà Ôn
29836 X Trà Côn
29845 X Vĩnh Xuân
29830 X Hòa Bình
29734 X Hòa Hiệp
29719 X Tam Bình
29767 X Ngãi Tứ
29740 X Song Phú
29728 X Cái Ngang
29800 X Tân Quới
29785 X Tân Lược
29788 X Mỹ Thuận
29771 P Bình Minh
29770 P Cái Vồn
29812 P Đông Thành
29263 P Long Đức
29242 P Trà Vinh
29254 P Nguyệt Hóa
29398 P Hòa Thuận
29275 X An Trường
29278 X Tân An
29266 X Càng Long
29302 X Nhị Long
29287 X Bình Phú
29386 X Song Lộc
29374 X Châu Thành
29407 X Hưng Mỹ
29410 X Hòa Minh
29413 X Long Hòa
29308 X Cầu Kè
29329 X Phong Thạnh
29317 X An Phú Tân
29335 X Tam Ngãi
29371 X Tân Hòa
29362 X Hùng Hòa
29341 X Tiểu Cần
29365 X Tập Ngãi
29419 X Mỹ Long
29431 X Vinh Kim
29416 X Cầu Ngang
29446 X Nhị Trường
29455 X Hiệp Mỹ
29476 X Lưu Nghiệp Anh
29491 X Đại An
29489 X Hàm Giang
29461 X Trà Cú
29506 X Long Hiệp
29467 X Tập Sơn
29512 P Duyên Hải
29516 P Trường Long Hòa
29518 X Long Hữu
29513 X Long Thành
29536 X Đông Hải
29533 X Long Vĩnh
29497 X Đôn Châu
29530 X Ngũ Lạc
28777 P An Hội
28756 P Phú Khương
28789 P Bến Tre
28783 P Sơn Đông
28858 P Phú Tân
28810 X Phú Túc
28807 X Giao Long
28861 X Tiên Thủy
28840 X Tân Phú
28879 X Phú Phụng
28870 X Chợ Lách
28894 X Vĩnh Thành
28901 X Hưng Khánh Trung
28915 X Phước Mỹ Trung
28921 X Tân Thành Bình
28948 X Nhuận Phú Tân
28945 X Đồng Khởi
28903 X Mỏ Cày
28969 X Thành Thới
28957 X An Định
28981 X Hương Mỹ
29194 X Đại Điền
29191 X Quới Điền
29182 X Thạnh Phú
29224 X An Qui
29221 X Thạnh Hải
29227 X Thạnh Phong
29167 X Tân Thủy
29125 X Bảo Thạnh
29110 X Ba Tri
29137 X Tân Xuân
29122 X Mỹ Chánh Hòa
29143 X An Ngãi Trung
29158 X An Hiệp
29044 X Hưng Nhượng
28984 X Giồng Trôm
29029 X Tân Hào
29020 X Phước Long
28993 X Lương Phú
28996 X Châu Hòa
28987 X Lương Hòa
29107 X Thới Thuận
29104 X Thạnh Phước
29050 X Bình Đại
29089 X Thạnh Trị
29077 X Lộc Thuận
29083 X Châu Hưng
29062 X Phú Thuận
]],
  ["91"] = [[
30313 X Mỹ Hòa Hưng
30307 P Long Xuyên
30292 P Bình Đức
30301 P Mỹ Thới
30316 P Châu Đốc
30325 P Vĩnh Tế
30337 X An Phú
30367 X Vĩnh Hậu
30346 X Nhơn Hội
30341 X Khánh Bình
30352 X Phú Hữu
30388 X Tân An
30403 X Châu Phong
30385 X Vĩnh Xương
30376 P Tân Châu
30377 P Long Phú
30406 X Phú Tân
30436 X Phú An
30445 X Bình Thạnh Đông
30409 X Chợ Vàm
30430 X Hòa Lạc
30421 X Phú Lâm
30463 X Châu Phú
30469 X Mỹ Đức
30478 X Vĩnh Thạnh Trung
30487 X Bình Mỹ
30481 X Thạnh Mỹ Tây
30526 X An Cư
30538 X Núi Cấm
30520 P Tịnh Biên
30502 P Thới Sơn
30505 P Chi Lăng
30547 X Ba Chúc
30544 X Tri Tôn
30577 X Ô Lâm
30580 X Cô Tô
30568 X Vĩnh Gia
30589 X An Châu
30607 X Bình Hòa
30595 X Cần Đăng
30619 X Vĩnh Hanh
30604 X Vĩnh An
30628 X Chợ Mới
30643 X Cù Lao Giêng
30673 X Hội An
30631 X Long Điền
30658 X Nhơn Mỹ
30664 X Long Kiến
30682 X Thoại Sơn
30688 X Óc Eo
30709 X Định Mỹ
30685 X Phú Hòa
30697 X Vĩnh Trạch
30691 X Tây Phú
31064 X Vĩnh Bình
31069 X Vĩnh Thuận
31051 X Vĩnh Phong
31012 X Vĩnh Hòa
31027 X U Minh Thượng
31024 X Đông Hòa
31031 X Tân Thạnh
31036 X Đông Hưng
31018 X An Minh
31042 X Vân Khánh
30988 X Tây Yên
31006 X Đông Thái
30985 X An Biên
30958 X Định Hòa
30952 X Gò Quao
30970 X Vĩnh Hòa Hưng
30982 X Vĩnh Tuy
30904 X Giồng Riềng
30910 X Thạnh Hưng
30943 X Long Thạnh
30934 X Hòa Hưng
30928 X Ngọc Chúc
30949 X Hòa Thuận
30856 X Tân Hội
30850 X Tân Hiệp
30874 X Thạnh Đông
30886 X Thạnh Lộc
30880 X Châu Thành
30898 X Bình An
30817 X Hòn Đất
30835 X Sơn Kiên
30838 X Mỹ Thuận
30823 X Bình Sơn
30826 X Bình Giang
30796 X Giang Thành
30793 X Vĩnh Điều
30790 X Hòa Điền
30787 X Kiên Lương
30811 X Sơn Hải
30814 X Hòn Nghệ
31108 D Kiên Hải
30760 P Vĩnh Thông
30742 P Rạch Giá
30769 P Hà Tiên
30766 P Tô Châu
30781 X Tiên Hải
31078 D Phú Quốc
31105 D Thổ Châu
]],
  ["92"] = [[
31135 P Ninh Kiều
31120 P Cái Khế
31147 P Tân An
31150 P An Bình
31174 P Thới An Đông
31168 P Bình Thủy
31183 P Long Tuyền
31186 P Cái Răng
31201 P Hưng Phú
31153 P Ô Môn
31157 P Thới Long
31162 P Phước Thới
31217 P Trung Nhứt
31207 P Thốt Nốt
31228 P Thuận Hưng
31213 P Tân Lộc
31299 X Phong Điền
31315 X Nhơn Ái
31309 X Trường Long
31258 X Thới Lai
31282 X Đông Thuận
31294 X Trường Xuân
31288 X Trường Thành
31261 X Cờ Đỏ
31273 X Đông Hiệp
31249 X Thạnh Phú
31264 X Thới Hưng
31255 X Trung Hưng
31232 X Vĩnh Thạnh
31237 X Vĩnh Trinh
31231 X Thạnh An
31246 X Thạnh Quới
31338 X Hỏa Lựu
31321 P Vị Thanh
31333 P Vị Tân
31441 X Vị Thủy
31453 X Vĩnh Thuận Đông
31465 X Vị Thanh 1
31459 X Vĩnh Tường
31489 X Vĩnh Viễn
31495 X Xà Phiên
31492 X Lương Tâm
31473 P Long Bình
31471 P Long Mỹ
31480 P Long Phú 1
31360 X Thạnh Xuân
31342 X Tân Hòa
31348 X Trường Long Tây
31366 X Châu Thành
31369 X Đông Phước
31378 X Phú Hữu
31411 P Đại Thành
31340 P Ngã Bảy
31399 X Tân Bình
31393 X Hòa An
31426 X Phương Bình
31432 X Tân Phước Hưng
31396 X Hiệp Hưng
31420 X Phụng Hiệp
31408 X Thạnh Hòa
31510 P Phú Lợi
31507 P Sóc Trăng
31684 P Mỹ Xuyên
31717 X Hòa Tú
31726 X Gia Hòa
31708 X Nhu Gia
31723 X Ngọc Tố
31654 X Trường Khánh
31645 X Đại Ngãi
31666 X Tân Thạnh
31639 X Long Phú
31552 X Nhơn Mỹ
31537 X Phong Nẫm
31531 X An Lạc Thôn
31528 X Kế Sách
31540 X Thới An Hội
31561 X Đại Hải
31569 X Phú Tâm
31594 X An Ninh
31582 X Thuận Hòa
31570 X Hồ Đắc Kiện
31567 X Mỹ Tú
31579 X Long Hưng
31603 X Mỹ Phước
31591 X Mỹ Hương
31795 X Vĩnh Hải
31810 X Lai Hòa
31804 P Vĩnh Phước
31783 P Vĩnh Châu
31789 P Khánh Hòa
31741 X Tân Long
31732 P Ngã Năm
31753 P Mỹ Quới
31756 X Phú Lộc
31777 X Vĩnh Lợi
31759 X Lâm Tân
31699 X Thạnh Thới An
31687 X Tài Văn
31675 X Liêu Tú
31679 X Lịch Hội Thượng
31673 X Trần Đề
31615 X An Thạnh
31633 X Cù Lao Dung
]],
  ["96"] = [[
32002 P An Xuyên
32014 P Lý Văn Lâm
32025 P Tân Thành
32041 P Hòa Thành
32167 X Tân Thuận
32188 X Tân Tiến
32155 X Tạ An Khương
32161 X Trần Phán
32185 X Thanh Tùng
32152 X Đầm Dơi
32182 X Quách Phẩm
32047 X U Minh
32044 X Nguyễn Phích
32062 X Khánh Lâm
32059 X Khánh An
32244 X Phan Ngọc Hiển
32248 X Đất Mũi
32236 X Tân Ân
32110 X Khánh Bình
32104 X Đá Bạc
32119 X Khánh Hưng
32098 X Sông Đốc
32095 X Trần Văn Thời
32065 X Thới Bình
32071 X Trí Phải
32083 X Tân Lộc
32092 X Hồ Thị Kỷ
32069 X Biển Bạch
32201 X Đất Mới
32191 X Năm Căn
32206 X Tam Giang
32212 X Cái Đôi Vàm
32227 X Nguyễn Việt Khái
32218 X Phú Tân
32214 X Phú Mỹ
32134 X Lương Thế Trân
32137 X Tân Hưng
32140 X Hưng Mỹ
32128 X Cái Nước
31825 P Bạc Liêu
31834 P Vĩnh Trạch
31840 P Hiệp Thành
31942 P Giá Rai
31951 P Láng Tròn
31957 X Phong Thạnh
31843 X Hồng Dân
31858 X Vĩnh Lộc
31864 X Ninh Thạnh Lợi
31849 X Ninh Quới
31972 X Gành Hào
31993 X Định Thành
31988 X An Trạch
31985 X Long Điền
31975 X Đông Hải
31891 X Hòa Bình
31918 X Vĩnh Mỹ
31927 X Vĩnh Hậu
31867 X Phước Long
31876 X Vĩnh Phước
31885 X Phong Hiệp
31882 X Vĩnh Thanh
31900 X Vĩnh Lợi
31906 X Hưng Hội
31894 X Châu Thới
]],
}

local KINDS = { P = "phường", X = "xã", D = "đặc khu" }

-- The scale of this profile: one household here is SCALE households of the country.
local SCALE = 200
local HOUSEHOLDS = 31040000 // SCALE
local POOR, NEAR_POOR = 599608 / SCALE, 659389 / SCALE

-- code (CV 915), name, kind, communes (CV 1027), population (millions, 2024), region
--   region: m northern mountains, h Central Highlands, n north-central, c coast, k Mekong,
--           d Red River delta, s south-east
local PROVINCES = {
  { "01", "Hà Nội", "thành phố", 126, 8.72, "d" },
  { "04", "Cao Bằng", "tỉnh", 56, 0.57, "m" },
  { "08", "Tuyên Quang", "tỉnh", 124, 1.87, "m" },
  { "11", "Điện Biên", "tỉnh", 45, 0.64, "m" },
  { "12", "Lai Châu", "tỉnh", 38, 0.48, "m" },
  { "14", "Sơn La", "tỉnh", 75, 1.30, "m" },
  { "15", "Lào Cai", "tỉnh", 99, 1.78, "l" },
  { "19", "Thái Nguyên", "tỉnh", 92, 1.80, "m" },
  { "20", "Lạng Sơn", "tỉnh", 65, 0.80, "m" },
  { "22", "Quảng Ninh", "tỉnh", 54, 1.38, "d" },
  { "24", "Bắc Ninh", "tỉnh", 99, 3.62, "d" },
  { "25", "Phú Thọ", "tỉnh", 148, 4.02, "p" },
  { "31", "Hải Phòng", "thành phố", 114, 4.66, "d" },
  { "33", "Hưng Yên", "tỉnh", 104, 3.57, "d" },
  { "37", "Ninh Bình", "tỉnh", 129, 4.41, "d" },
  { "38", "Thanh Hóa", "tỉnh", 166, 4.30, "n" },
  { "40", "Nghệ An", "tỉnh", 130, 3.83, "n" },
  { "42", "Hà Tĩnh", "tỉnh", 69, 1.62, "n" },
  { "44", "Quảng Trị", "tỉnh", 78, 1.87, "n" },
  { "46", "Huế", "thành phố", 40, 1.43, "c" },
  { "48", "Đà Nẵng", "thành phố", 94, 3.07, "c" },
  { "51", "Quảng Ngãi", "tỉnh", 96, 2.16, "c" },
  { "52", "Gia Lai", "tỉnh", 135, 3.58, "h" },
  { "56", "Khánh Hòa", "tỉnh", 65, 2.24, "c" },
  { "66", "Đắk Lắk", "tỉnh", 102, 3.35, "h" },
  { "68", "Lâm Đồng", "tỉnh", 124, 3.87, "h" },
  { "75", "Đồng Nai", "tỉnh", 95, 4.49, "s" },
  { "79", "Hồ Chí Minh", "thành phố", 168, 14.00, "x" },
  { "80", "Tây Ninh", "tỉnh", 96, 3.25, "k" },
  { "82", "Đồng Tháp", "tỉnh", 102, 4.37, "k" },
  { "86", "Vĩnh Long", "tỉnh", 124, 4.26, "k" },
  { "91", "An Giang", "tỉnh", 102, 4.95, "k" },
  { "92", "Cần Thơ", "thành phố", 103, 4.20, "k" },
  { "96", "Cà Mau", "tỉnh", 64, 2.61, "k" },
}

-- by region (the letter above): share of communes especially difficult, ethnic-minority
-- shares { all, among the poor }, and the weights of a household's chances of being poor
-- and near-poor within one region of QĐ 217 where no source gives its province's (below).
-- All placeholders.
local REGION = {
  m = { 0.6, { 0.70, 0.90 }, { 8.72, 6.26 } },
  l = { 0.6, { 0.57, 0.85 }, { 8.30, 6.60 } },
  h = { 0.3, { 0.35, 0.60 }, { 4.00, 4.50 } },
  p = { 0.2, { 0.20, 0.50 }, { 2.50, 3.50 } },
  n = { 0.2, { 0.10, 0.30 }, { 3.00, 4.00 } },
  c = { 0.1, { 0.05, 0.20 }, { 1.50, 2.50 } },
  k = { 0.05, { 0.08, 0.25 }, { 1.50, 2.50 } },
  d = { 0.0, { 0.02, 0.05 }, { 0.80, 1.20 } },
  s = { 0.0, { 0.05, 0.10 }, { 0.30, 0.60 } },
  x = { 0.0, { 0.03, 0.05 }, { 0.05, 0.10 } },
}

-- The review of 2024 by the six regions of QĐ 217/QĐ-BLĐTBXH (04/02/2025), as Báo Dân tộc và
-- Phát triển (11/02/2025) and Tuyên Quang TV reported it:
--   https://dantocphattrien.vietnamnet.vn/ca-nuoc-con-hon-12-trieu-ho-ngheo-va-ho-can-ngheo-1739263724313.htm
--   https://tuyenquangtv.vn/xa-hoi-79B63F1E6/6-tinh-thanh-pho-khong-con-ho-ngheo-B1DA7F197.html
-- poor and near-poor households together (%, households); poor alone where reported
-- (%, households). The country: 4,06%, 1.258.997; poor 1,93%, 599.608.
-- The regions' households add up to the country's.
local REGIONS = { "tdmn", "dbsh", "btb", "tn", "dnb", "dbscl" }
local QD217 = {
  tdmn = { 14.98, 486623, 8.72, 283413 }, -- Trung du và miền núi phía Bắc
  dbsh = { 1.40, 97755, 0.50, 35128 },    -- Đồng bằng sông Hồng
  btb = { 6.24, 360614 },                 -- Bắc Trung Bộ và duyên hải miền Trung
  tn = { 9.45, 152970 },                  -- Tây Nguyên
  dnb = { 0.15, 7585 },                   -- Đông Nam Bộ
  dbscl = { 3.14, 153450 },               -- Đồng bằng sông Cửu Long
}
-- ESTIMATED: the split of the other four regions' poor and near-poor (a region's fourth
-- figure, computed here). The reports give it for the review of 2022 (Báo Bà Rịa - Vũng Tàu,
-- 02/2023: poor 4,99% of 10,04% in the north central and coast, 8,39% of 15,39% in the
-- Central Highlands, 0,21% of 0,34% in the south east, 2,26% of 5,73% in the Mekong delta:
--   https://baobariavungtau.com.vn/xa-hoi/202302/toan-quoc-con-gan-2-trieu-ho-ngheo-da-chieu-970571/index.htm
-- ); each region's poor here are its 2024 households poor or near-poor times its 2022 share,
-- the four scaled together so that the country has its 599.608.
do
  local SHARE_2022 = { btb = 4.99 / 10.04, tn = 8.39 / 15.39, dnb = 0.21 / 0.34, dbscl = 2.26 / 5.73 }
  local left, guess = 599608, 0
  for i = 1, #REGIONS do
    local k = REGIONS[i]
    if SHARE_2022[k] then guess = guess + QD217[k][2] * SHARE_2022[k] else left = left - QD217[k][4] end
  end
  for i = 1, #REGIONS do
    local k = REGIONS[i]
    if SHARE_2022[k] then QD217[k][4] = QD217[k][2] * SHARE_2022[k] * left / guess end
  end
end

-- The 63 provinces before 1 July 2025, as Nghị quyết 202/2025/QH15 merged them into the 34
-- above (whole provinces): in each new province, by the first of their communes' codes in
-- Công văn 1027 (the codes are the old ones, in the old provinces' order, so a commune
-- belongs to the old province of the last first code not above its own; codes compare as
-- text, all five digits). Then its region of QĐ 217, and its rates of poor and near-poor
-- households (%) where a public source gives them (the review of 2024 unless said), each
-- with its source. Two communes of other provinces' codes that Hà Nội has (a part of old
-- Hòa Bình; Mê Linh, coded among Vĩnh Phúc's) count as Hà Nội's.
local OLD = {
  ["01"] = { { "00000", "Hà Nội", "dbsh" } },
  ["04"] = { { "00000", "Cao Bằng", "tdmn" } },
  ["08"] = {
    -- poor and near-poor 36,35% at the end of 2024 (UBND tỉnh, via Báo Mới:
    -- https://lite.baomoi.com/nam-2024-toan-tinh-co-tren-11-7-nghin-ho-thoat-ngheo-da-chieu-c51077801.epi);
    -- ESTIMATED split, as at the end of 2023 (31,12% and 11,49%, Sở LĐ-TB&XH via VietNamNet:
    -- https://vietnamnet.vn/ha-giang-phan-dau-giam-hon-7-800-ho-ngheo-da-chieu-nam-2024-2318672.html)
    { "00000", "Hà Giang", "tdmn", 36.35 * 31.12 / 42.61, 36.35 * 11.49 / 42.61 },
    { "02212", "Tuyên Quang", "tdmn" },
  },
  -- Thời báo Tài chính Việt Nam (02/09/2025): 21,29% poor, 11,96% near-poor in 2024
  -- (https://thoibaotaichinhvietnam.vn/dien-bien-diem-sang-phat-trien-kinh-te-giam-ngheo-ben-vung-182485.html)
  ["11"] = { { "00000", "Điện Biên", "tdmn", 21.29, 11.96 } },
  -- Ngôi Sao: 20.961 poor (19,46%), 10.053 near-poor (9,33%) at the end of 2024
  -- (https://m.ngoisao.vn/theo-dong-su-kien/kien-thuc/tinh-nao-cua-viet-nam-co-ti-le-giam-ngheo-nhanh-nhat-448566.htm)
  ["12"] = { { "00000", "Lai Châu", "tdmn", 19.46, 9.33 } },
  -- Kinh tế & Đô thị (17/12/2024): 11,11% poor at the end of 2024; near-poor not given
  -- (https://kinhtedothi.vn/son-la-ty-le-ho-ngheo-giam-con-11-11)
  ["14"] = { { "00000", "Sơn La", "tdmn", 11.11 } },
  ["15"] = {
    -- Báo Lào Cai: QĐ 3482/QĐ-UBND (23/12/2024), 20.411 of 181.603 households poor
    -- (11,24%), 18.058 near-poor (9,94%) (https://baolaocai.vn/lao-cai-con-hon-20400-ho-ngheo-post395217.html)
    { "00000", "Lào Cai", "tdmn", 11.24, 9.94 },
    { "04252", "Yên Bái", "tdmn" },
  },
  ["19"] = {
    -- VietNamNet (Sở LĐ-TB&XH Bắc Kạn): 21,9% poor at the end of 2023 (the latest found);
    -- near-poor not given (https://vietnamnet.vn/tiep-can-da-chieu-giup-nguoi-dan-thoat-ngheo-ben-vung-2321777.html)
    { "00000", "Bắc Kạn", "tdmn", 21.9 },
    { "05443", "Thái Nguyên", "tdmn" },
  },
  ["20"] = { { "00000", "Lạng Sơn", "tdmn" } },
  ["22"] = { { "00000", "Quảng Ninh", "dbsh" } },
  ["24"] = { { "00000", "Bắc Giang", "tdmn" }, { "09169", "Bắc Ninh", "dbsh" } },
  ["25"] = { { "00000", "Hòa Bình", "tdmn" }, { "07894", "Phú Thọ", "tdmn" }, { "08707", "Vĩnh Phúc", "dbsh" } },
  ["31"] = { { "00000", "Hải Dương", "dbsh" }, { "11311", "Hải Phòng", "dbsh" } },
  ["33"] = { { "00000", "Hưng Yên", "dbsh" }, { "12452", "Thái Bình", "dbsh" } },
  ["37"] = {
    { "00000", "Hà Nam", "dbsh" },
    { "13669", "Nam Định", "dbsh" },
    -- Báo Ninh Bình (baoninhbinh.org.vn, "Thách thức trong công tác giảm nghèo"): 4.806 poor
    -- (1,51%), 6.006 near-poor (1,89%) at the end of 2024
    { "14329", "Ninh Bình", "dbsh", 1.51, 1.89 },
  },
  ["38"] = { { "00000", "Thanh Hóa", "btb" } },
  ["40"] = { { "00000", "Nghệ An", "btb" } },
  ["42"] = { { "00000", "Hà Tĩnh", "btb" } },
  ["44"] = { { "00000", "Quảng Bình", "btb" }, { "19333", "Quảng Trị", "btb" } },
  ["46"] = { { "00000", "Thừa Thiên Huế", "btb" } },
  ["48"] = { { "00000", "Đà Nẵng", "btb" }, { "20335", "Quảng Nam", "btb" } },
  ["51"] = {
    { "00000", "Quảng Ngãi", "btb" },
    -- Cổng TTĐT Kon Tum (06/02/2024): QĐ 134/QĐ-BLĐTBXH, the review of 2023 (the latest
    -- found): 6,84% poor, 4,39% near-poor
    -- (https://kontum.gov.vn/pages/detail/49858/Ket-qua-ra-soat-ho-ngheo-can-ngheo-toan-quoc-nam-2023.html)
    { "23284", "Kon Tum", "tn", 6.84, 4.39 },
  },
  ["52"] = {
    { "00000", "Bình Định", "btb" },
    -- Gia Lai TV, Báo Gia Lai (01/11/2024): 23.886 poor (6,07%), 34.546 near-poor (8,77%)
    -- (https://baogialai.com.vn/gia-lai-con-23886-ho-ngheo-theo-chuan-da-chieu-post299172.html)
    { "23563", "Gia Lai", "tn", 6.07, 8.77 },
  },
  ["56"] = { { "00000", "Khánh Hòa", "btb" }, { "22738", "Ninh Thuận", "btb" } },
  ["66"] = { { "00000", "Phú Yên", "btb" }, { "24121", "Đắk Lắk", "tn" } },
  ["68"] = { { "00000", "Bình Thuận", "btb" }, { "24611", "Đắk Nông", "tn" }, { "24778", "Lâm Đồng", "tn" } },
  ["75"] = { { "00000", "Bình Phước", "dnb" }, { "25993", "Đồng Nai", "dnb" } },
  -- Bình Dương, Bà Rịa - Vũng Tàu and Hồ Chí Minh City: no poor or near-poor household left
  -- under the national standard (the press, 2024, on Bà Rịa - Vũng Tàu joining the other two,
  -- as https://stockproxx.vn/tag/ty-le-ho-ngheo quotes it; QĐ 217 counts 6 provinces with none)
  ["79"] = { { "00000", "Bình Dương", "dnb", 0, 0 }, { "26506", "Bà Rịa - Vũng Tàu", "dnb", 0, 0 },
    { "26734", "Hồ Chí Minh", "dnb", 0, 0 } },
  ["80"] = { { "00000", "Tây Ninh", "dnb" }, { "27694", "Long An", "dbscl" } },
  ["82"] = { { "00000", "Tiền Giang", "dbscl" }, { "29869", "Đồng Tháp", "dbscl" } },
  ["86"] = { { "00000", "Bến Tre", "dbscl" }, { "29242", "Trà Vinh", "dbscl" }, { "29551", "Vĩnh Long", "dbscl" } },
  ["91"] = { { "00000", "An Giang", "dbscl" }, { "30742", "Kiên Giang", "dbscl" } },
  ["92"] = { { "00000", "Cần Thơ", "dbscl" }, { "31321", "Hậu Giang", "dbscl" }, { "31507", "Sóc Trăng", "dbscl" } },
  ["96"] = { { "00000", "Bạc Liêu", "dbscl" }, { "32002", "Cà Mau", "dbscl" } },
}

local function round(x) return ((x + 0.5) // 1) | 0 end

-- The old province (a row of OLD) of a commune of the new province code.
local function old_province(code, ccode)
  local list, found = OLD[code], nil
  for i = 1, #list do
    if ccode >= list[i][1] then found = list[i] end
  end
  return found
end

-- First pass: households by province and commune, and each commune's old province.
local people = 0
for i = 1, #PROVINCES do people = people + PROVINCES[i][5] end
local provinces = {}
local cum_h = 0.0
for i = 1, #PROVINCES do
  local pr = PROVINCES[i]
  local code, r = pr[1], REGION[pr[6]]
  local h0 = round(cum_h)
  cum_h = cum_h + HOUSEHOLDS * pr[5] / people
  local hh = round(cum_h) - h0
  local w_h, list = 0, {}
  for ccode, k, cname in COMMUNES[code]:gmatch("(%d+) (%u) ([^\n]+)") do
    local j = #list + 1
    local ward = k == "P"
    local difficult = not ward and ((j * 7) % 10) < r[1] * 10
    local wh = (1 + ((j * 37) % 11) / 10) * (ward and 3 or 1)
    list[j] = { code = ccode, name = cname, kind = KINDS[k], ward = ward, difficult = difficult, wh = wh,
      wp = wh * (ward and 0.2 or 1) * (difficult and 2 or 1), old = old_province(code, ccode),
      prior = r[3] }
    w_h = w_h + wh
  end
  local ch = 0.0
  for j = 1, #list do
    local c = list[j]
    local a = round(ch)
    ch = ch + hh * c.wh / w_h
    c.households = round(ch) - a
  end
  provinces[i] = list
end

-- Second pass: what each commune's households would have at its old province's rates (its
-- status index s: 4 poor, 5 near-poor in a row of OLD, and the commune's own slot for it).
-- Where the old province has no source: its region's households of QĐ 217 (at this
-- profile's scale) less those the region's sourced provinces have here, shared among the
-- region's other households by the weights of REGION (ESTIMATED: the households and the
-- weights are placeholders). The regions' counts add up to the country's, so the country
-- has exactly its poor and near-poor households (the scale at the end only matters were a
-- remainder below zero).
local function each_commune(f)
  for i = 1, #provinces do
    local list = provinces[i]
    for j = 1, #list do f(list[j]) end
  end
end
local function expected(s, total)
  local given, open = {}, {}
  for i = 1, #REGIONS do given[REGIONS[i]], open[REGIONS[i]] = 0, 0 end
  each_commune(function(c)
    local reg = c.old[3]
    if c.old[s] then
      c[s] = c.households * c.old[s] / 100
      given[reg] = given[reg] + c[s]
    else
      open[reg] = open[reg] + c.households * c.prior[s - 3]
    end
  end)
  local fixed, guessed = 0, 0
  each_commune(function(c)
    if c.old[s] then
      fixed = fixed + c[s]
    else
      local reg, q = c.old[3], QD217[c.old[3]]
      local left = (s == 4 and q[4] or q[2] - q[4]) / SCALE - given[reg]
      c[s] = left > 0 and c.households * c.prior[s - 3] * left / open[reg] or 0
      guessed = guessed + c[s]
    end
  end)
  local scale = (total - fixed) / guessed
  each_commune(function(c)
    if not c.old[s] then c[s] = c[s] * scale end
  end)
end
expected(4, POOR)
expected(5, NEAR_POOR)

local units = { { code = "VN", name = "Việt Nam", level = "country" } }
local communes = {}
local total, unable_total = 0, 0
-- running sums, rounded at each step, so that counts add up exactly
local cum_p, cum_n, cum_u = 0.0, 0.0, 0.0
local function math_min(a, b) return a < b and a or b end
for i = 1, #PROVINCES do
  local pr = PROVINCES[i]
  local code, name, kind, r = pr[1], pr[2], pr[3], REGION[pr[6]]
  units[#units + 1] = { code = code, name = name, kind = kind, level = "province", parent = "VN" }
  local list = provinces[i]
  -- within the part of the province an old province made, its poor and near-poor by
  -- households, a ward weighing 0,2 and an ĐBKK commune 2
  local parts = {}
  for j = 1, #list do
    local c = list[j]
    local p = parts[c.old]
    if not p then
      p = { poor = 0, near = 0, w = 0 }
      parts[c.old] = p
    end
    p.poor, p.near, p.w = p.poor + c[4], p.near + c[5], p.w + c.wp
  end
  for j = 1, #list do
    local c = list[j]
    local p = parts[c.old]
    local b, d = round(cum_p), round(cum_n)
    cum_p, cum_n = cum_p + p.poor * c.wp / p.w, cum_n + p.near * c.wp / p.w
    local households, cpoor, cnear = c.households, round(cum_p) - b, round(cum_n) - d
    local u0 = round(cum_u)
    cum_u = cum_u + cpoor * 0.02
    local unable = math_min(round(cum_u) - u0, cpoor)
    local em = r[2]
    communes[#communes + 1] = {
      code = c.code,
      name = c.name,
      kind = c.kind,
      parent = code,
      difficult = c.difficult,
      households = households,
      villages = households // 20 + 1,
      ethnic_minority = { c.ward and em[1] / 4 or em[1], c.ward and em[2] / 2 or em[2] },
      poor = cpoor,
      near_poor = cnear,
      unable_to_escape = unable,
    }
    -- a special zone's kind does not say whether the urban lines apply: they do not
    if c.kind == "đặc khu" then communes[#communes].urban = false end
    total, unable_total = total + households, unable_total + unable
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
