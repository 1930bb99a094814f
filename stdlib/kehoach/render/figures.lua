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
--   M.path_words(where, path) -> what the value at a --set path is, and its values in
--     words: { what = "Mức hỗ trợ của “Trợ cấp”", unit = "đồng/khẩu/tháng" | nil,
--     axis = "Mức hỗ trợ của “Trợ cấp” (đồng/khẩu/tháng)", value = function(v) -> "300.000
--     đồng/khẩu/tháng" }; where: the declarations' labels ({programmes, targets, sources,
--     reports}: a summary's, a comparison's or a plan's lists, each item {id, label,
--     amount})
--   M.change_words(where, c) -> "Mức hỗ trợ của “Trợ cấp”: 300.000 đồng/khẩu/tháng (kế
--     hoạch: 250.000 đồng/khẩu/tháng)" for a change {path, value, was, by}
local vn = require "kehoach.render.vn"
local util = require "kehoach.util"
local values = require "kehoach.plan.values"

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

local QUARTERS = { Q1 = "quý I", Q2 = "quý II", Q3 = "quý III", Q4 = "quý IV" }
M.PRIORITY_WORDS = { lowest_income = "thu nhập thấp nhất trước", most_deprived = "thiếu hụt nhiều nhất trước" }

local function find(list, id)
  for _, x in ipairs(type(list) == "table" and list or {}) do
    if x.id == id then return x end
  end
end

local function counted(unit)
  return function(v) return type(v) == "number" and (util.group_digits(v) .. " " .. unit) or "không có" end
end

local function money(v)
  return type(v) == "number" and vn.money(math.tointeger(v) or v) or "không có"
end

-- See the header. A path the words do not know is its own name, its values as
-- value_words writes them.
function M.path_words(where, path)
  local w
  local budget = path:match("^budget%.(.+)$")
  if budget then
    local x = find(where.sources, budget)
    if budget == "total" then w = { what = "Tổng kinh phí kế hoạch", unit = "đồng", value = money }
    elseif x then w = { what = x.label or x.id, unit = "đồng", value = money } end
  else
    local id, rest = path:match("^([^.]+)%.(.+)$")
    local g = id and find(where.programmes, id)
    local t = id and find(where.targets, id)
    local r = id and find(where.reports, id)
    if g then
      local name = "“" .. (g.label or g.id) .. "”"
      local a = type(g.amount) == "table" and g.amount or nil
      local noun = a and a.noun or "đơn vị"
      local commune = rest:match("^quota%.(.+)$")
      if rest == "amount" and a then
        local unit = a.basis == "unit" and a.noun and ("đồng/" .. a.noun) or values.BASES[a.basis].label
        w = { what = "Mức hỗ trợ của " .. name, unit = unit, value = function(v)
          return type(v) == "number" and values.describe_amount({ basis = a.basis, vnd = v, noun = a.noun },
            util.group_digits) or "không có" end }
      elseif rest == "amount" then
        w = { what = "Mức hỗ trợ của " .. name, unit = "đồng", value = counted("đồng") }
      elseif commune then w = { what = string.format("Chỉ tiêu của %s tại %s", name, commune), unit = "hộ", value = counted("hộ") }
      elseif rest == "households" then w = { what = "Số hộ của " .. name, unit = "hộ", value = counted("hộ") }
      elseif rest == "persons" then w = { what = "Số khẩu của " .. name, unit = "khẩu", value = counted("khẩu") }
      elseif rest == "units" then w = { what = string.format("Số %s của %s", noun, name), unit = noun, value = counted(noun) }
      elseif rest == "units_per_household" then
        w = { what = string.format("Số %s mỗi hộ của %s", noun, name), unit = noun, value = counted(noun) }
      elseif rest == "coverage" then
        w = { what = "Tỷ lệ hộ đủ điều kiện được hỗ trợ của " .. name, value = function(v)
          return type(v) == "number" and vn.percent(v) or "không có" end }
      elseif rest == "priority" then
        w = { what = "Thứ tự chọn hộ của " .. name, value = function(v) return M.PRIORITY_WORDS[v] or tostring(v) end }
      elseif rest == "effect.income" then
        w = { what = "Thu nhập tăng thêm nhờ " .. name, unit = "đồng/người/tháng", value = function(v)
          return type(v) == "number" and (util.group_digits(v) .. " đồng/người/tháng") or "không có" end }
      end
    elseif t then
      local name = "“" .. (t.label or t.id) .. "”"
      local commune = rest:match("^by_commune%.(.+)$")
      local q, qc = rest:match("^(Q%d)%.(.+)$")
      local qt = rest:match("^quarter_totals%.(Q%d)$")
      if rest == "households" then w = { what = "Chỉ tiêu giảm hộ nghèo " .. name, unit = "hộ", value = counted("hộ") }
      elseif commune then
        w = { what = string.format("Chỉ tiêu giảm hộ nghèo %s tại %s", name, commune), unit = "hộ", value = counted("hộ") }
      elseif q and QUARTERS[q] then
        w = { what = string.format("Chỉ tiêu giảm hộ nghèo %s trong %s tại %s", name, QUARTERS[q], qc), unit = "hộ",
          value = counted("hộ") }
      elseif qt and QUARTERS[qt] then
        w = { what = string.format("Chỉ tiêu giảm hộ nghèo %s trong %s", name, QUARTERS[qt]), unit = "hộ",
          value = counted("hộ") }
      elseif rest == "rate_points" then
        w = { what = "Tỷ lệ hộ nghèo giảm theo " .. name, unit = "%", value = function(v)
          return type(v) == "number" and (vn.decimal(v) .. "%") or "không có" end }
      end
    elseif r and rest == "due" then
      w = { what = "Hạn gửi “" .. (r.label or r.id) .. "”", value = function(v) return value_words(path, v) end }
    end
  end
  w = w or { what = path, value = function(v) return value_words(path, v) end }
  w.axis = w.unit and (w.what .. " (" .. w.unit .. ")") or w.what
  return w
end

-- See the header.
function M.change_words(where, c)
  local w = M.path_words(where, c.path)
  return string.format("%s: %s (kế hoạch: %s%s)", w.what, w.value(c.value), w.value(c.was),
    tostring(c.by):match("^follows") and "; tổng tính lại theo các phần" or "")
end

-- A budget mode in a few words, for a name: "chi trong phạm vi kinh phí bố trí".
M.BUDGET_MODE_SHORT = { cap = "chi trong phạm vi kinh phí bố trí", prorate = "giảm mức hỗ trợ theo cùng tỷ lệ" }

-- What the summary s changed from the plan as written, or nil when it is the plan as
-- written; every value in words, by the labels of what it belongs to (M.change_words):
--   { name     the folder (M.variant_name),
--     scenario "Kịch bản: Nâng mức trợ cấp lên 300.000 đồng/khẩu/tháng." | nil (a scenario
--              without a label: "Kịch bản tang_tro_cap.", the only name it has),
--     changes  { "Mức hỗ trợ của “Trợ cấp”: 300.000 đồng/khẩu/tháng (kế hoạch: 250.000
--              đồng/khẩu/tháng)", ... }   (may be empty)
--     budget   "Chế độ ngân sách: mỗi nguồn chỉ chi ..." | nil   (a mode other than gap)
--     lines    the sentences to show, in order: scenario, "Các giá trị đã thay đổi: a; b.",
--              budget,
--     short    one line, for a name: "Kịch bản “Nâng mức trợ cấp ...”: Mức hỗ trợ của ...
--              (kế hoạch: ...)" ("Giá trị đã thay đổi: ..." without a scenario) }
-- and M.NOT_THE_PLAN, the sentence that says the figures are not the plan's.
function M.variant(s)
  local pr = s.parameters
  local name = M.variant_name(pr)
  if not name then return nil end
  local v = { name = name, changes = {}, lines = {} }
  local label = type(pr.scenario) == "table" and type(pr.scenario.label) == "string" and pr.scenario.label ~= ""
    and (pr.scenario.label:gsub("%.$", "")) or nil
  if type(pr.scenario) == "table" then
    v.scenario = label and ("Kịch bản: " .. label .. ".") or ("Kịch bản " .. pr.scenario.id .. ".")
    v.lines[#v.lines + 1] = v.scenario
  end
  local where = { programmes = s.programmes, targets = s.targets, sources = s.budget and s.budget.sources,
    reports = s.reports }
  for _, c in ipairs(pr.set or {}) do v.changes[#v.changes + 1] = M.change_words(where, c) end
  if #v.changes > 0 then
    v.lines[#v.lines + 1] = "Các giá trị đã thay đổi: " .. table.concat(v.changes, "; ") .. "."
  end
  local short = {}
  for _, c in ipairs(v.changes) do short[#short + 1] = c end
  local mode = pr.budget
  if mode ~= "gap" and M.BUDGET_MODE_WORDS[mode] then
    v.budget = string.format("Chế độ ngân sách: %s.", M.BUDGET_MODE_WORDS[mode])
    v.lines[#v.lines + 1] = v.budget
    short[#short + 1] = "chế độ ngân sách: " .. M.BUDGET_MODE_SHORT[mode]
  end
  local head = type(pr.scenario) == "table" and (label and ("Kịch bản “" .. label .. "”") or ("Kịch bản " .. pr.scenario.id))
    or #v.changes > 0 and "Giá trị đã thay đổi" or "Tính thử"
  v.short = head .. (#short > 0 and (": " .. table.concat(short, "; ")) or "")
  return v
end

return M
