-- render/conditions.lua — a selector's conditions in Vietnamese, for `kehoach explain`:
-- what each condition asks (its label), what it expects, and a household's value, from
-- the facts kehoach.plan.selector.compile returns ({key, value: what the plan asks}).
--
--   M.words(c, std) -> label, expected    std: the plan's poverty standard
--   M.value(c, v, std) -> the household's value v for condition c, in words
--   M.list(text, labels) -> "vay vốn, nhà ở" from "credit,housing" ("không có" when empty)
local util = require "kehoach.util"
local selector = require "kehoach.plan.selector"

local M = {}

local group = util.group_digits

local LABELS = {
  status = "Tình trạng hộ khi rà soát",
  unable_to_escape = "Hộ nghèo không có khả năng thoát nghèo",
  need = "Nhu cầu đăng ký",
  commune = "Xã, phường",
  urban = "Ở phường, thị trấn (khu vực thành thị)",
  difficult = "Ở xã đặc biệt khó khăn",
  ethnic_minority = "Hộ dân tộc thiểu số",
  income = "Thu nhập bình quân (đồng/người/tháng)",
  deprivations = "Số chỉ số thiếu hụt (%s)",
  persons = "Số nhân khẩu",
  deprived = "Thiếu hụt",
  poverty_kind = "Loại hộ nghèo (%s)",
  also_in = "Được chọn cho chương trình",
  not_in = "Không được chọn cho chương trình",
  any = "Thuộc một trong các nhóm",
  where = "Điều kiện riêng của kế hoạch",
}

-- The words for a status, a need kind, a kind of poverty, by the condition's key.
local VALUE_LABELS = { status = selector.STATUS_LABEL, need = selector.NEED_LABEL,
  poverty_kind = selector.KIND_LABEL }

local YES_NO = { unable_to_escape = true, urban = true, difficult = true, ethnic_minority = true }

-- Support labels in quotes, by id: “Bò giống”.
local function quoted(labels)
  local out = {}
  for id, l in pairs(labels or {}) do out[id] = "“" .. l .. "”" end
  return out
end

local function range_words(r, format)
  format = format or tostring
  if r.min and r.max then return string.format("từ %s đến %s", format(r.min), format(r.max)) end
  if r.min then return "từ " .. format(r.min) .. " trở lên" end
  return "không quá " .. format(r.max)
end

local function words(list, labels)
  local out = {}
  for i, v in ipairs(list) do out[i] = labels and labels[v] or v end
  return table.concat(out, " hoặc ")
end

function M.list(text, labels)
  if text == nil or text == "" then return "không có" end
  local out = {}
  for v in text:gmatch("[^,]+") do out[#out + 1] = labels and labels[v] or v end
  return table.concat(out, ", ")
end

function M.words(c, std)
  local key, v = c.key, c.value
  local label = key == "commune" and c.label or LABELS[key]:format(std.name)
  if YES_NO[key] then return label, v and "có" or "không" end
  if key == "status" or key == "need" or key == "commune" then return label, words(v, VALUE_LABELS[key]) end
  if key == "income" then return label, range_words(v, group) end
  if key == "deprivations" or key == "persons" then return label, range_words(v) end
  if key == "deprived" then return label, words(v, std.labels) end
  if key == "poverty_kind" then return label, VALUE_LABELS[key][v] end
  if key == "where" then return label, "đúng" end
  if key == "also_in" or key == "not_in" then return label, words(v, quoted(c.labels)) end
  return label
end

function M.value(c, v, std)
  local key = c.key
  if key == "also_in" or key == "not_in" then
    -- the supports of the condition the household was chosen for
    if v == nil or v == "" then return "không được chọn cho chương trình nào trong số đó" end
    return "được chọn cho " .. M.list(v, quoted(c.labels))
  end
  if YES_NO[key] then return v == 1 and "có" or "không" end
  if key == "need" then return M.list(v, selector.NEED_LABEL) end
  if key == "deprived" then
    local out = {}
    for col, x in (v or ""):gmatch("([%w_]+):(%d?)") do
      if x == "1" then out[#out + 1] = std.labels[col] or col end
    end
    return #out > 0 and ("thiếu hụt " .. table.concat(out, ", ")) or "không thiếu hụt"
  end
  if VALUE_LABELS[key] then return VALUE_LABELS[key][v] or tostring(v) end
  if key == "income" and v then return group(v) .. " đồng" end
  if v == nil then return "không có" end
  return tostring(v)
end

return M
