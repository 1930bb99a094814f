-- figures.lua — tables of a summary's figures that more than one document shows, so
-- each is worked out once.
--
--   M.target_rows(s, g) -> { {name, quarters = {n|nil × 4}, year = n|nil, poor = n}, ... }
--     the communes a target names (by commune or in a quarter), in the registry's order
--   M.sources_by_id(s) -> { [id] = source of s.budget.sources }
--   M.variant(s) -> nil for the plan as written; for a scenario, --set values or a budget
--     mode, what was changed, in the words every document uses (see below)
--   M.variant_name(parameters) -> the variant's folder under out/<plan-id>/, or nil
--   M.BUDGET_MODE_WORDS -> { cap = "...", prorate = "..." }: what a budget mode does
local vn = require "kehoach.render.vn"

local M = {}

function M.sources_by_id(s)
  local out = {}
  for _, x in ipairs(s.budget.sources) do out[x.id] = x end
  return out
end

function M.target_rows(s, g)
  local rows = {}
  for _, name in ipairs(s.communes) do
    local year = g.by_commune[name]
    local quarters, any = {}, year ~= nil
    for q = 1, 4 do
      local per = g.quarters["Q" .. q]
      quarters[q] = per and per[name]
      any = any or quarters[q] ~= nil
    end
    if any then
      local r = s.registry.by_commune[name]
      rows[#rows + 1] = { name = name, quarters = quarters, year = year, poor = r and r.poor or 0 }
    end
  end
  return rows
end

-- ---- variants: a scenario, --set values, a budget mode ------------------------------------

M.BUDGET_MODE_WORDS = {
  cap = "mỗi nguồn chỉ chi đến hết số kinh phí kế hoạch bố trí, theo thứ tự ưu tiên (chương trình theo thứ tự " ..
    "trong kế hoạch, trong mỗi chương trình theo thứ tự chọn hộ); các hộ còn lại không đủ kinh phí",
  prorate = "nguồn không đủ kinh phí thì mọi mức hỗ trợ từ nguồn đó giảm theo cùng một tỷ lệ",
}

-- The folder `kehoach run` writes a variant to, as plan.apply_parameters recorded it in the
-- summary's parameters (pr); nil for the plan as written.
function M.variant_name(pr)
  return type(pr) == "table" and type(pr.variant) == "string" and pr.variant or nil
end

M.NOT_THE_PLAN = "Số liệu tính theo các thay đổi dưới đây, không phải theo kế hoạch như đã ban hành."

-- A value of a path as the documents write it: money and counts grouped (300.000), a
-- coverage as a percentage, a date as 05/6/2021.
local function value_words(path, v)
  if type(v) == "number" then
    if path:match("%.coverage$") then return vn.percent(v) end
    return vn.decimal(v)
  elseif type(v) == "string" then
    return v:match("^%d%d%d%d%-%d%d%-%d%d$") and vn.date(v) or v
  end
  return "không có"
end

-- What the summary s changed from the plan as written, or nil when it is the plan as
-- written:
--   { name     the folder (M.variant_name),
--     scenario "Kịch bản tang_tro_cap: Nâng mức trợ cấp lên 300.000 đồng/khẩu/tháng." | nil,
--     changes  { "tro_cap.amount = 300.000 (kế hoạch: 250.000)", ... }   (may be empty)
--     budget   "Chế độ ngân sách cap: mỗi nguồn chỉ chi ..." | nil   (a mode other than gap)
--     lines    the sentences to show, in order: scenario, "Các giá trị đã thay đổi: a; b.",
--              budget,
--     short    one line, for a name: "Kịch bản tang_tro_cap: tro_cap.amount = 300.000
--              (kế hoạch: 250.000)" ("Giá trị đã thay đổi: ..." without a scenario) }
-- and M.NOT_THE_PLAN, the sentence that says the figures are not the plan's.
function M.variant(s)
  local pr = s.parameters
  local name = M.variant_name(pr)
  if not name then return nil end
  local v = { name = name, changes = {}, lines = {} }
  if type(pr.scenario) == "table" then
    local label = type(pr.scenario.label) == "string" and pr.scenario.label or nil
    v.scenario = string.format("Kịch bản %s%s.", pr.scenario.id, label and (": " .. label:gsub("%.$", "")) or "")
    v.lines[#v.lines + 1] = v.scenario
  end
  for _, c in ipairs(pr.set or {}) do
    v.changes[#v.changes + 1] = string.format("%s = %s (kế hoạch: %s%s)", c.path, value_words(c.path, c.value),
      value_words(c.path, c.was), tostring(c.by):match("^follows") and "; tổng tính lại theo các phần" or "")
  end
  if #v.changes > 0 then
    v.lines[#v.lines + 1] = "Các giá trị đã thay đổi: " .. table.concat(v.changes, "; ") .. "."
  end
  local short = {}
  for _, c in ipairs(v.changes) do short[#short + 1] = c end
  local mode = pr.budget
  if mode ~= "gap" and M.BUDGET_MODE_WORDS[mode] then
    v.budget = string.format("Chế độ ngân sách %s: %s.", mode, M.BUDGET_MODE_WORDS[mode])
    v.lines[#v.lines + 1] = v.budget
    short[#short + 1] = "chế độ ngân sách " .. mode
  end
  local head = type(pr.scenario) == "table" and ("Kịch bản " .. pr.scenario.id)
    or #v.changes > 0 and "Giá trị đã thay đổi" or "Tính thử"
  v.short = head .. (#short > 0 and (": " .. table.concat(short, "; ")) or "")
  return v
end

return M
