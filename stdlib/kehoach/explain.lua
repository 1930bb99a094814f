-- explain.lua — why one household gets a support or not, programme by programme: each
-- condition of the selector with the household's value and whether it held, its rank in
-- its commune's quota and whether it was chosen, the amount and the months. The words are
-- Vietnamese, as an officer would read them to the family.
--
--   M.household(db, p, result, code) -> facts about the household, or nil and why
--   M.programmes(db, p, result, h)   -> one entry per support (see M.text for the fields)
--   M.text(p, result, h, entries)    -> the explanation as text
--   M.data(p, result, h, entries, projected) -> the same as a table for JSON (kehoach
--                                       explain --json); projected: project.household's
-- db is the connection the evaluation ran on (run 1), result what it returned.
local util = require "kehoach.util"
local json = require "kehoach.json"
local selection = require "kehoach.run.select"
local selector = require "kehoach.plan.selector"
local words = require "kehoach.render.conditions"
local values = require "kehoach.plan.values"

local M = {}

local group = util.group_digits

-- The household's facts at the review, or nil and why it is not in the plan's area.
function M.household(db, p, result, code)
  local h = db:first([[
    SELECT h.*, (SELECT count(*) FROM reg.persons p WHERE p.household = h.id) AS persons,
      (SELECT group_concat(kind, ',') FROM (SELECT n.kind FROM reg.needs n
         WHERE n.household = h.id AND n.year = ? ORDER BY n.kind)) AS needs
    FROM temp.kh_hh h WHERE h.code = ?]], p.registry_year, code)
  if h then return h end
  local where = db:first([[SELECT h.code, u.name AS unit, u.parent FROM reg.households h
    JOIN reg.units u ON u.code = h.unit WHERE h.code = ?]], code)
  if not where then
    return nil, string.format("household %s is not in the registry", code)
  end
  if not result.units.leaves[db:value("SELECT unit FROM reg.households WHERE code = ?", code)] then
    return nil, string.format("household %s lives in %s, not in %s", code, where.unit, result.units.district.name)
  end
  return nil, string.format("household %s has no survey of %d in the registry", code, p.registry_year)
end

-- The deprivations the household has under the plan's standard, as labels.
local function deprivation_labels(h, std)
  local out = {}
  for _, col in ipairs(std.indicators) do
    if h[col] == 1 then out[#out + 1] = std.labels[col] or col end
  end
  return out
end

-- Each condition of a compiled selector: {label, value, expected, held, subs}.
local function conditions(db, compiled, code, std)
  local out = {}
  for _, c in ipairs(compiled.conditions) do
    local args = { code = code }
    for k, v in pairs(compiled.args) do args[k] = v end
    local row = db:first(string.format("SELECT (%s) AS held%s FROM temp.kh_hh h WHERE h.code = :code", c.sql,
      c.value_sql and (", (" .. c.value_sql .. ") AS value") or ""), args)
    local e = { held = row.held == 1, key = c.key }
    e.label, e.expected = words.words(c, std)
    if c.value_sql then e.value = words.value(c, row.value, std) end
    if c.subs then
      e.subs = {}
      for i, sub in ipairs(c.subs) do e.subs[i] = conditions(db, sub, code, std) end
    end
    out[#out + 1] = e
  end
  return out
end

-- One entry per support: { decl, conditions, eligible, allocation (its row, or nil),
-- quota (for its commune, or nil), in_commune (eligible households there) }.
function M.programmes(db, p, result, h)
  local out = {}
  for _, d in ipairs(p.supports) do
    local compiled = selection.compile(db, p, result.units, result.standard, d)
    local e = { decl = d, conditions = conditions(db, compiled, h.code, result.standard) }
    e.eligible = true
    for _, c in ipairs(e.conditions) do e.eligible = e.eligible and c.held end
    e.allocation = db:first("SELECT * FROM allocations WHERE run = 1 AND programme = ? AND household = ?", d.id, h.code)
    if d.quota then
      for _, q in ipairs(d.quota) do
        if result.units.code_of(q.name) == h.unit then e.quota = q.n end
      end
    end
    e.in_commune = db:value("SELECT count(*) FROM allocations WHERE run = 1 AND programme = ? AND unit = ?", d.id, h.unit)
    out[#out + 1] = e
  end
  return out
end

-- What came of one entry: not_eligible, no_quota (eligible, but its commune has no quota of
-- the programme), or the allocation's status (chosen, waitlisted, unfunded).
local function outcome(e)
  if not e.eligible then return "not_eligible" end
  if e.decl.quota and not e.quota then return "no_quota" end
  return e.allocation and e.allocation.status or "not_eligible"
end

local PRIORITY_WORDS = {
  lowest_income = "thu nhập thấp nhất trước, rồi nhiều thiếu hụt hơn, rồi theo mã hộ",
  most_deprived = "nhiều thiếu hụt nhất trước, rồi thu nhập thấp hơn, rồi theo mã hộ",
}

-- How the amount is reached, in words: "250.000 đồng/khẩu/tháng × 3 khẩu × 12 tháng";
-- nil when there is nothing to multiply (an amount per household, or none).
local function amount_words(d, a)
  local am = d.amount
  if not am then return nil end
  local rate = values.describe_amount(am, group)
  if am.basis == "person_month" then
    return string.format("%s × %d khẩu × %d tháng", rate, a.persons, d.period.months)
  elseif am.basis == "person" then
    return string.format("%s × %d khẩu", rate, a.persons)
  elseif am.basis == "unit" then
    return string.format("%d %s × %s đồng", a.units, am.noun or "đơn vị", group(am.vnd))
  end
  return nil
end

local function add_conditions(lines, conds, indent)
  for _, c in ipairs(conds) do
    local mark = c.held and "[đạt]      " or "[không đạt]"
    if c.subs then
      lines[#lines + 1] = string.format("%s%s %s:", indent, mark, c.label)
      for i, sub in ipairs(c.subs) do
        lines[#lines + 1] = string.format("%s    nhóm %d:", indent, i)
        add_conditions(lines, sub, indent .. "      ")
      end
    elseif c.value then
      lines[#lines + 1] = string.format("%s%s %s: %s (điều kiện: %s)", indent, mark, c.label, c.value, c.expected)
    else
      lines[#lines + 1] = string.format("%s%s %s", indent, mark, c.label)
    end
  end
end

local function source_label(p, id)
  local s = p.by_id[id]
  return s and s.label or id
end

-- The explanation as text.
function M.text(p, result, h, entries)
  local std = result.standard
  local lines = {}
  -- a commune plan's households all live in the commune: it is said once
  local units = result.units
  lines[#lines + 1] = string.format("Hộ %s — chủ hộ %s, %s", h.code, h.head or "(không rõ)",
    units.level == "commune" and units.title or (h.commune .. ", " .. units.title))
  local deps = deprivation_labels(h, std)
  lines[#lines + 1] = string.format("Rà soát năm %d: %s; thu nhập bình quân %s đồng/người/tháng; %d nhân khẩu",
    p.registry_year, selector.STATUS_LABEL[h.status] or tostring(h.status), group(h.income), h.persons)
  lines[#lines + 1] = string.format("Thiếu hụt theo chuẩn %s: %s", std.name,
    #deps > 0 and (#deps .. " chỉ số (" .. table.concat(deps, "; ") .. ")") or "không có")
  lines[#lines + 1] = "Nhu cầu đăng ký: " .. words.list(h.needs, selector.NEED_LABEL)
  for i, e in ipairs(entries) do
    local d = e.decl
    lines[#lines + 1] = ""
    lines[#lines + 1] = string.format("%d. %s (%s)", i, d.label, d.id)
    add_conditions(lines, e.conditions, "   ")
    local a = e.allocation
    if not e.eligible then
      lines[#lines + 1] = "   → Hộ không thuộc diện được hỗ trợ."
    elseif d.quota and not e.quota then
      lines[#lines + 1] = string.format("   → Hộ đủ điều kiện, nhưng %s không có chỉ tiêu của chương trình này.", h.commune)
    elseif a then
      if d.quota then
        lines[#lines + 1] = string.format("   Xếp thứ %d trong %d hộ đủ điều kiện của %s; chỉ tiêu %d hộ (ưu tiên: %s).",
          a.rank, e.in_commune, h.commune, e.quota, PRIORITY_WORDS[d.priority])
      end
      if a.status == "unfunded" then
        local how = amount_words(d, a)
        lines[#lines + 1] = string.format("   → Được chọn nhưng chưa được cấp kinh phí: %s đã hết trước hộ này " ..
          "(--budget cap, theo thứ tự ưu tiên); cần %s%s đồng.", source_label(p, d.source),
          how and (how .. " = ") or "", group(a.need))
      elseif a.status == "chosen" then
        local how = amount_words(d, a)
        local when = d.period and (", " .. values.describe_period(d.period, p.year)) or ""
        if d.amount and a.need and a.amount < a.need then
          lines[#lines + 1] = string.format("   → Được hỗ trợ: %s%s đồng theo mức kế hoạch, giảm theo tỷ lệ còn %s đồng " ..
            "vì %s không đủ (--budget prorate)%s.", how and (how .. " = ") or "", group(a.need), group(a.amount),
            source_label(p, d.source), when)
        elseif d.amount then
          lines[#lines + 1] = string.format("   → Được hỗ trợ: %s%s đồng%s, từ %s.", how and (how .. " = ") or "",
            group(a.amount), when, source_label(p, d.source))
        else
          lines[#lines + 1] = string.format("   → Được hỗ trợ%s%s.", when,
            d.outside_budget and ("; " .. d.outside_budget) or "")
        end
      else
        lines[#lines + 1] = string.format("   → Chưa được chọn: hộ trong danh sách chờ, thứ %d (chỉ tiêu %d hộ).", a.rank, e.quota)
      end
    end
  end
  return table.concat(lines, "\n") .. "\n"
end

local function conditions_data(conds)
  local out = json.array()
  for i, c in ipairs(conds) do
    local subs
    if c.subs then
      subs = json.array()
      for j, sub in ipairs(c.subs) do subs[j] = conditions_data(sub) end
    end
    out[i] = { label = c.label, value = c.value, expected = c.expected, held = c.held, any_of = subs }
  end
  return out
end

local function csv_list(text)
  local out = json.array()
  for v in (text or ""):gmatch("[^,]+") do out[#out + 1] = v end
  return out
end

function M.data(p, result, h, entries, projected)
  local household = { code = h.code, head = h.head or json.null, commune = h.commune, status = h.status,
    income = h.income, persons = h.persons, deprivations = json.array(deprivation_labels(h, result.standard)),
    needs = csv_list(h.needs) }
  local programmes = json.array()
  for i, e in ipairs(entries) do
    local d, a = e.decl, e.allocation
    local chosen = a and a.status == "chosen"
    programmes[i] = { id = d.id, label = d.label, eligible = e.eligible, conditions = conditions_data(e.conditions),
      outcome = outcome(e), quota = e.quota or json.null, eligible_in_commune = e.in_commune,
      rank = a and a.rank or json.null, amount = chosen and d.amount and a.amount or json.null,
      units = chosen and a.units or json.null, need = a and a.need or json.null, source = d.source or json.null,
      period = d.period and values.period_code(d.period) or json.null }
  end
  local pr = json.null
  if projected then
    pr = { reached = projected.reached, poor = projected.poor }
    if projected.reached then
      local q = json.array()
      for i = 1, 4 do q[i] = projected.quarters[i] or json.null end
      pr.quarters, pr.income_q4, pr.deprivations_q4 = q, projected.income_q4, projected.deprivations_q4
      pr.escaped = projected.escaped or json.null
    end
  end
  return { plan = p.id, year = p.year, registry_year = p.registry_year, standard = result.standard.name,
    household = household, programmes = programmes, projection = pr }
end

return M
