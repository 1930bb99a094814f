-- test_text.lua — core.text: Vietnamese names match across tone placements and forms,
-- and tables line up on a terminal.
local t = ...
local text = core.text
local util = require "kehoach.util"

local T = {}

function T.test_old_and_new_tone_placement_fold_alike()
  t.eq(text.fold("Vạn Hoà"), text.fold("Vạn Hòa"))
  t.eq(text.fold("Thuỷ"), text.fold("Thủy"))
  t.eq(text.fold("HỢP  THÀNH"), text.fold("Hợp Thành"), "case and spaces")
end

function T.test_fold_keeps_distinct_names_apart()
  t.ne(text.fold("Thống Nhất"), text.fold("Thông Nhât"), "tones matter")
  t.ne(text.fold("Đồng Tuyển"), text.fold("Dồng Tuyển"), "đ is not d")
  t.ne(text.fold("Tả Phời"), text.fold("Tả Phơi"))
end

function T.test_decomposed_text_normalises_to_nfc()
  local decomposed = "Ho\u{0300}a"          -- o + combining grave
  t.eq(text.nfc(decomposed), "Hòa")
  t.eq(text.fold(decomposed), text.fold("Hoà"))
end

function T.test_invalid_utf8_is_reported()
  local ok, at = text.valid("ab\xffcd")
  t.eq(ok, false)
  t.eq(at, 3)
  t.eq(text.nfc("\xff"), nil)
end

function T.test_display_width_counts_columns_not_bytes()
  t.eq(text.width("Thống Nhất"), 10)
  t.eq(text.width("Ho\u{0300}a"), 3)
  t.eq(util.pad("Tả Phời", 10), "Tả Phời   ")
end

function T.test_nearest_name_suggests_the_slip()
  local communes = { "Thống Nhất", "Tả Phời", "Hợp Thành", "Cốc San" }
  t.eq(util.nearest("Thống Nhát", communes), "Thống Nhất")
  t.eq(util.nearest("Hà Nội", communes), nil)
  t.eq(util.nearest("Ta Phoi", communes), "Tả Phời", "typed without diacritics")
  t.eq(util.nearest("thong nhat", communes), "Thống Nhất")
  t.eq(util.nearest("Hop Than", communes), "Hợp Thành", "without diacritics and a letter short")
  t.eq(util.nearest("Sa Pa", communes), nil)
end

function T.test_ascii_drops_diacritics()
  t.eq(text.ascii("Đồng Tuyển"), "Dong Tuyen")
end

function T.test_vietnamese_digit_grouping()
  t.eq(util.group_digits(5723000000), "5.723.000.000")
  t.eq(util.group_digits(250000), "250.000")
  t.eq(util.group_digits(-1500), "-1.500")
end

return T
