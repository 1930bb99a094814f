-- danh-sach-ra-soat.lua — the list of an annual review (danh sách kết quả rà soát hộ nghèo,
-- hộ cận nghèo) as communes send it: one sheet per commune, named after it; a header over
-- two rows, "Số TT", "Mã hộ", "Họ và tên chủ hộ", "Thôn/bản", "Số nhân khẩu", "Thu nhập
-- bình quân đầu người/tháng", then under a merged "Các chỉ số thiếu hụt" one column per
-- deprivation of vn-2022 marked "x" (or 1, có), and "Kết quả rà soát" saying "Hộ nghèo",
-- "Hộ cận nghèo"... in words. The review's year is given on the command line:
--
--   kehoach db import ds-ra-soat-2022.xlsx --map mappings/danh-sach-ra-soat.lua --year 2022
--
-- The header is found: it is the row holding "Mã hộ" (and the rows under it down to the
-- first household); a row of column numbers, (1) (2) (3) ..., under it is skipped, and so
-- are rows starting "Tổng" or "Cộng" without a household code.
return {
  about = "Danh sách kết quả rà soát hộ nghèo, hộ cận nghèo (một sheet cho mỗi xã, phường)",
  commune = "sheet",
  columns = {
    code = "Mã hộ",
    head = "Họ và tên chủ hộ",
    village = "Thôn/bản",
    persons = "Số nhân khẩu",
    income = "Thu nhập bình quân đầu người/tháng",
    d_employment = "Việc làm",
    d_dependants = "Người phụ thuộc trong hộ gia đình",
    d_nutrition = "Dinh dưỡng",
    d_health_insurance = "Bảo hiểm y tế",
    d_adult_education = "Trình độ giáo dục của người lớn",
    d_child_schooling = "Tình trạng đi học của trẻ em",
    d_housing_quality = "Chất lượng nhà ở",
    d_housing_area = "Diện tích nhà ở bình quân đầu người",
    d_water = "Nguồn nước sinh hoạt",
    d_latrine = "Nhà tiêu hợp vệ sinh",
    d_telecom = "Sử dụng dịch vụ viễn thông",
    d_information = "Phương tiện phục vụ tiếp cận thông tin",
    status = "Kết quả rà soát",
  },
  yes = { "x", "1", "có" },
  no = { "0", "không" },
  status = {
    poor = { "Hộ nghèo", "nghèo" },
    near_poor = { "Hộ cận nghèo", "cận nghèo" },
    middle = { "Hộ có mức sống trung bình", "trung bình" },
    non_poor = { "Hộ không nghèo", "không nghèo" },
  },
}
