-- lao-cai-city-2021-them-vay.lua — a scenario of its own for the 2021 plan: what if the
-- Social Policy Bank also lent to the poor households of Hợp Thành that asked for credit
-- (the plan gives Hợp Thành no loans)?
--
--   ./kehoach run plans/lao-cai-city-2021-them-vay.lua
--   ./kehoach compare plans/lao-cai-city-2021.lua --scenario plans/lao-cai-city-2021-them-vay.lua

scenario "them_vay_hop_thanh" {
  base = "lao-cai-city-2021.lua",
  label = "Thêm 5 khoản vay cho hộ nghèo xã Hợp Thành",
  ["vay_von.quota.Hợp Thành"] = 5,
}
