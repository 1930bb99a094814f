-- values.lua — the kinds of value a plan writes: money in whole đồng, amounts of support
-- (per person per month, per household, per person, per unit), periods of months or
-- quarters, and ISO dates. Each parser returns the value, or nil and a plain reason the
-- caller turns into a plan error at the declaration's line.
local M = {}

-- The amounts made here (weak keys), so a declaration can tell one from a number. An
-- amount is read-only and its metatable hidden: a plan that keeps a reference cannot
-- change it after it was checked (a where function, say, rewriting vnd mid-run).
local AMOUNTS = setmetatable({}, { __mode = "k" })

-- The largest sum of money a plan may write: a million billion đồng, far above any
-- district's budget, and small enough that amounts times persons times months stay
-- whole numbers.
M.MAX_VND = 1000000000000000
-- The most a sum of money may reach: a thousand times the largest amount, still far from
-- where integers wrap round.
M.MAX_SUM = 1000 * M.MAX_VND

-- A whole number of đồng from a number written in the plan (50e6 is fine, 0.5 is not).
function M.vnd(n)
  if type(n) ~= "number" then return nil, "a sum of money (a number of đồng)" end
  if n ~= n then return nil, "a sum of money, not NaN" end
  if n < 0 then return nil, "a sum of money that is not negative" end
  if n > M.MAX_VND then return nil, "a sum of money of at most 1.000.000.000.000.000 đồng" end
  local i = math.tointeger(n)
  if i == nil then
    local r = math.floor(n + 0.5)
    if math.abs(n - r) > 1e-6 * math.max(1, math.abs(n)) then
      return nil, string.format("a whole number of đồng, not %s", tostring(n))
    end
    i = math.tointeger(r)
  end
  return i
end

-- million(5723) -> 5723000000 (triệu đồng). Decimals are fine down to the đồng.
function M.million(n)
  if type(n) ~= "number" then return nil, "million() takes a number of millions of đồng" end
  return M.vnd(n * 1000000)
end

-- The bases an amount can be given on, with the words reports use.
M.BASES = {
  person_month = { helper = "per_person_month", label = "đồng/khẩu/tháng" },
  household = { helper = "per_household", label = "đồng/hộ" },
  person = { helper = "per_person", label = "đồng/khẩu" },
  unit = { helper = "per_unit", label = "đồng/đơn vị" },
}

-- An amount of support: vnd on a basis; noun names the unit for per_unit ("con bò").
function M.amount(basis, vnd, noun)
  local v, why = M.vnd(vnd)
  if not v then return nil, why end
  if noun ~= nil and type(noun) ~= "string" then return nil, "the unit's name as text" end
  local fields = { basis = basis, vnd = v, noun = noun }
  local a = setmetatable({}, {
    __index = fields,
    __newindex = function(_, k)
      error(string.format("an amount cannot be changed (its '%s'): make a new one, like per_household(...)",
        tostring(k)), 2)
    end,
    __pairs = function()  -- over a copy: the fields themselves never reach the plan
      local copy = {}
      for k, x in next, fields do copy[k] = x end
      return next, copy, nil
    end,
    __metatable = false,
  })
  AMOUNTS[a] = true
  return a
end

function M.is_amount(v)
  return AMOUNTS[v] == true
end

-- The amount with another rate (for --set on a path ending in .amount).
function M.with_vnd(a, vnd)
  return M.amount(a.basis, vnd, a.noun)
end

-- "250.000 đồng/khẩu/tháng", "25.000.000 đồng/con bò"
function M.describe_amount(a, group)
  local label = a.basis == "unit" and a.noun and ("đồng/" .. a.noun) or M.BASES[a.basis].label
  return group(a.vnd) .. " " .. label
end

-- ---- periods ------------------------------------------------------------------------

local function month_range(from, to, text)
  if from < 1 or to > 12 then return nil, "months from 01 to 12" end
  if from > to then return nil, string.format("in order, like \"01-12\" ('%s' ends before it begins)", text) end
  return { from = from, to = to, months = to - from + 1, text = text }
end

-- "01-12", "3", "03-05" -> {from, to, months, text}
function M.months(s)
  if type(s) ~= "string" then return nil, "months as text, like \"01-12\" or \"03\"" end
  local a, b = s:match("^%s*(%d%d?)%s*%-%s*(%d%d?)%s*$")
  if not a then a = s:match("^%s*(%d%d?)%s*$"); b = a end
  if not a then return nil, string.format("months like \"01-12\" or \"03\", not \"%s\"", s) end
  return month_range(tonumber(a), tonumber(b), s)
end

-- "Q1-Q2", "Q3", "q1 - q4" -> {from, to (months), quarters = {from, to}, text}
function M.quarters(s)
  if type(s) ~= "string" then return nil, "quarters as text, like \"Q1-Q2\" or \"Q3\"" end
  local a, b = s:upper():match("^%s*Q([1-4])%s*%-%s*Q([1-4])%s*$")
  if not a then a = s:upper():match("^%s*Q([1-4])%s*$"); b = a end
  if not a then return nil, string.format("quarters like \"Q1-Q2\" or \"Q3\", not \"%s\"", s) end
  a, b = tonumber(a), tonumber(b)
  local r, why = month_range(3 * a - 2, 3 * b, s)
  if not r then return nil, why end
  r.quarters = { from = a, to = b }
  return r
end

-- The quarter (1-4) a month falls in.
function M.quarter_of(month)
  return (month - 1) // 3 + 1
end

-- Vietnamese words for a period: "tháng 01-12/2021", "quý I-II/2021".
local ROMAN = { "I", "II", "III", "IV" }
function M.describe_period(p, year)
  if p.quarters then
    local q = p.quarters
    local s = q.from == q.to and ("quý " .. ROMAN[q.from]) or ("quý " .. ROMAN[q.from] .. "-" .. ROMAN[q.to])
    return s .. "/" .. year
  end
  if p.from == p.to then return string.format("tháng %02d/%d", p.from, year) end
  return string.format("tháng %02d-%02d/%d", p.from, p.to, year)
end

-- The period as written for files and tables: "01-12" or "Q1-Q2".
function M.period_code(p)
  if p.quarters then
    local q = p.quarters
    return q.from == q.to and ("Q" .. q.from) or string.format("Q%d-Q%d", q.from, q.to)
  end
  return p.from == p.to and string.format("%02d", p.from) or string.format("%02d-%02d", p.from, p.to)
end

-- ---- dates --------------------------------------------------------------------------

local DAYS = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 }

local function leap(y) return (y % 4 == 0 and y % 100 ~= 0) or y % 400 == 0 end

-- "2021-06-05" -> {year, month, day, text}; "2021-04" (a month, day unknown) when
-- allow_month is set.
function M.date(s, allow_month)
  if type(s) ~= "string" then return nil, "a date as text, like \"2021-06-05\"" end
  local y, m, d = s:match("^(%d%d%d%d)%-(%d%d)%-(%d%d)$")
  if not y and allow_month then y, m = s:match("^(%d%d%d%d)%-(%d%d)$") end
  if not y then
    return nil, string.format("an ISO date like \"2021-06-05\"%s, not \"%s\"",
      allow_month and " (or a month, \"2021-04\")" or "", s)
  end
  y, m, d = tonumber(y), tonumber(m), d and tonumber(d)
  if m < 1 or m > 12 then return nil, string.format("a real date (\"%s\": there is no month %d)", s, m) end
  if d then
    local last = (m == 2 and leap(y)) and 29 or DAYS[m]
    if d < 1 or d > last then return nil, string.format("a real date (\"%s\": month %d has no day %d)", s, m, d) end
  end
  return { year = y, month = m, day = d, text = s }
end

-- "05/06/2021", or "tháng 4 năm 2021" for a month.
function M.describe_date(d)
  if d.day then return string.format("%02d/%02d/%d", d.day, d.month, d.year) end
  return string.format("tháng %d năm %d", d.month, d.year)
end

return M
