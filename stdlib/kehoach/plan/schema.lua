-- schema.lua — what each declaration of the plan language accepts: its fields in order,
-- each with a kind of value, whether it is required, and what it means. Declarations are
-- checked against it as the plan runs, so a wrong field, a wrong type or an unknown key
-- is an error at the plan line that names the valid fields. docs/plan-language.md
-- describes the same fields in prose (a test keeps the two in step).
local util = require "kehoach.util"
local values = require "kehoach.plan.values"
local allocation = require "kehoach.plan.allocation"

local text = core.text

local M = {}

-- ---- kinds of value: each takes v and returns the value kept, or nil and a reason ----

-- The longest text: what a spreadsheet cell holds (report.xlsx), as db import allows.
local MAX_TEXT = 32767

local function nfc_text(v)
  if type(v) ~= "string" then return nil, "text" end
  local s = text.nfc(v)
  if not s then return nil, "valid UTF-8 text" end
  if not s:find("%S") then return nil, "text that is not empty" end
  if #s > MAX_TEXT and utf8.len(s) > MAX_TEXT then
    return nil, "text of at most 32.767 characters (what a spreadsheet cell holds)"
  end
  return s
end

-- Counts of households, persons, units: far above any district, small enough that sums
-- and products with amounts are never near what an integer holds.
local MAX_COUNT = 1000000000

local function count(v)
  local i = math.tointeger(v)
  if type(v) ~= "number" or i == nil or i < 0 then return nil, "a whole number, 0 or more" end
  if i > MAX_COUNT then return nil, "a whole number of at most 1.000.000.000" end
  return i
end

local function list_of(one, what)
  return function(v)
    if type(v) ~= "table" then
      local x, why = one(v)
      if x == nil then return nil, why end
      return { x }
    end
    if #v == 0 then return nil, "a list of " .. what .. " with at least one item" end
    local out = {}
    for k, item in pairs(v) do
      if math.type(k) ~= "integer" or k < 1 or k > #v then
        return nil, string.format("a list of %s (no named keys like '%s')", what, tostring(k))
      end
      local x, why = one(item)
      if x == nil then return nil, string.format("item %d: %s", k, why) end
      out[k] = x
    end
    return out
  end
end

-- Commune names to counts, as a map { ["An Lạc"] = 14 } (listed then by name: Lua
-- cannot tell the order a table was written in) or as a list of pairs
-- { { "An Lạc", 14 }, { "Hòa Bình", 1 } } (listed in the order written).
local function commune_counts(v)
  if type(v) ~= "table" then
    return nil, "a table of commune names and counts, like { [\"An Lạc\"] = 14 }"
  end
  local items = {}
  if #v > 0 then
    for k, item in pairs(v) do
      if math.type(k) ~= "integer" or type(item) ~= "table" or #item ~= 2 then
        return nil, "a list of { \"commune\", count } pairs, or a table { [\"commune\"] = count }, not both"
      end
    end
    for i = 1, #v do items[i] = v[i] end
  else
    for k, n in pairs(v) do items[#items + 1] = { k, n } end
  end
  local out, seen = {}, {}
  for _, item in ipairs(items) do
    local name = nfc_text(item[1])
    if not name then return nil, "commune names as text" end
    local n = count(item[2])
    if n == nil then return nil, string.format("'%s' must be a whole number of households, 0 or more", name), true end
    local key = text.fold(name)
    if seen[key] then
      return nil, string.format("'%s' and '%s' are the same commune written twice", seen[key], name), true
    end
    seen[key] = name
    out[#out + 1] = { name = name, key = key, n = n }
  end
  if #v == 0 then table.sort(out, function(a, b) return a.key < b.key end) end
  return out
end

local function enum(allowed)
  return function(v)
    for _, a in ipairs(allowed) do
      if v == a then return v end
    end
    local near = type(v) == "string" and util.nearest(v, allowed)
    return nil, string.format("one of %s%s", table.concat(allowed, ", "),
      near and (" (did you mean \"" .. near .. "\"?)") or "")
  end
end

local function boolean(v)
  if type(v) ~= "boolean" then return nil, "true or false" end
  return v
end

local function share(v)
  if type(v) ~= "number" or v < 0 or v > 1 then return nil, "a share from 0 to 1 (1 = 100%)" end
  return v
end

local function ident(v)
  if type(v) ~= "string" or not v:match("^[%a_][%w_]*$") then
    return nil, "a name of letters, digits and _ (like \"ngan_sach_tinh\")"
  end
  return v
end

local function slug(v)
  if type(v) ~= "string" or not v:match("^[%w][%w_.%-]*$") then
    return nil, "a name of letters, digits, -, _ and . (like \"lao-cai-city-2021\"), fit for a folder"
  end
  return v
end

local function number(v)
  if type(v) ~= "number" or v ~= v then return nil, "a number" end
  return v
end

local function fn(v)
  if type(v) ~= "function" then return nil, "a function(h) ... end" end
  return v
end

M.kinds = {
  text = { check = nfc_text, doc = "text" },
  texts = { check = list_of(nfc_text, "texts"), doc = "list of texts" },
  id = { check = ident, doc = "name" },
  slug = { check = slug, doc = "file name" },
  count = { check = count, doc = "whole number" },
  number = { check = number, doc = "number" },
  share = { check = share, doc = "share 0..1" },
  boolean = { check = boolean, doc = "true/false" },
  money = { check = values.vnd, doc = "money (đồng)" },
  amount = { check = function(v)
    -- a new amount, checked again: the declaration never shares the plan's own
    if values.is_amount(v) then return values.amount(v.basis, v.vnd, v.noun) end
    return nil, "an amount made by per_person_month(), per_household(), per_person() or per_unit()"
  end, doc = "amount" },
  months = { check = values.months, doc = "months \"01-12\"" },
  quarters = { check = values.quarters, doc = "quarters \"Q1-Q2\"" },
  date = { check = function(v) return values.date(v) end, doc = "ISO date" },
  month_or_date = { check = function(v) return values.date(v, true) end, doc = "ISO date or month" },
  names = { check = list_of(nfc_text, "names"), doc = "name or list of names" },
  communes = { check = commune_counts, doc = "communes → counts" },
  table = { check = function(v)
    if type(v) ~= "table" then return nil, "a table { ... }" end
    return v
  end, doc = "table" },
  func = { check = fn, doc = "function" },
}
M.enum, M.nfc_text, M.count, M.commune_counts, M.list_of = enum, nfc_text, count, commune_counts, list_of

-- ---- the declarations ----------------------------------------------------------------
-- Each: fields = ordered { name, kind, required, meaning }; items = kind of the array
-- part (agency duties, the distribution list), or nil when an array part is an error.

local Q = { "Q1", "Q2", "Q3", "Q4" }
M.QUARTERS = Q
-- who comes first within a commune's quota (kehoach.run.select orders by them)
M.PRIORITIES = { "lowest_income", "most_deprived" }
-- The figures of a support the plan document can print (a support's show = { ... }), and
-- the placeholders its text and budget_label may use besides a {path}.
M.SHOW = { "households", "persons", "communes", "amount" }
M.FILLS = { "households", "persons", "communes", "cost", "units", "amount", "scope" }

M.declarations = {
  plan = {
    named = false,
    fields = {
      { "id", "slug", true, "the plan's name in files and folders: out/<id>/" },
      { "title", "text", true, "the title as printed" },
      { "unit", "text", true, "the unit the plan is for (a commune, district, province or the country), as the registry names it, or its kind and name" },
      { "year", "count", true, "the year the plan runs" },
      { "standard", "text", true, "the poverty standard: \"vn-2016\", \"vn-2022\", \"vn-2026\", or your own (standards/NAME.lua beside the plan or the registry)" },
      { "registry_year", "count", false, "the survey year read (default: year - 1)" },
      { "issuer", "text", false, "who issues the plan (Ủy ban nhân dân ...)" },
      { "number", "text", false, "the document number (Số: .../KH-UBND)" },
      { "place", "text", false, "the place written before the date" },
      { "issued", "month_or_date", false, "the date of issue, or its month" },
      { "basis", "texts", false, "the documents the plan carries out" },
      { "preamble", "text", false, "the opening paragraph" },
      { "goal", "text", false, "the general goal (Mục tiêu chung)" },
      { "objectives", "texts", false, "specific objectives; {path} is replaced by that value" },
      { "closing", "text", false, "the closing sentence" },
    },
  },
  target = {
    named = true,
    fields = {
      { "label", "text", false, "what the target is, in words" },
      { "households", "count", true, "poor households to lift out of poverty in the year" },
      { "rate_points", "number", false, "the fall in the poverty rate, in percentage points" },
      { "by_commune", "communes", false, "households by commune" },
      { "Q1", "communes", false, "households by commune in quarter I" },
      { "Q2", "communes", false, "... in quarter II" },
      { "Q3", "communes", false, "... in quarter III" },
      { "Q4", "communes", false, "... in quarter IV" },
      { "quarter_totals", "table", false, "households stated for each quarter: { Q1 = 4, ... }" },
      { "poor_at_end", "count", false, "the poor households left at year end: the poor at the review minus households" },
      { "rate_at_end", "number", false, "the poverty rate at year end, in %: poor_at_end over the surveyed households" },
      { "expect", "table", false, "what the registry should give, checked by kehoach test: { rate_points =, poor = }" },
    },
  },
  support = {
    named = true,
    fields = {
      { "label", "text", true, "the programme's name as printed" },
      { "who", "table", true, "the selector: which households qualify" },
      { "amount", "amount", false, "how much each gets (none: support without cost to the plan)" },
      { "months", "months", false, "the months it is paid: \"01-12\"" },
      { "quarters", "quarters", false, "the quarters it is carried out: \"Q1-Q2\"" },
      { "completed_by", "quarters", false, "the quarter the plan says it is completed" },
      { "quota", "communes", false, "households by commune; without it every eligible household" },
      { "priority", "text", false, "who comes first within a commune's quota: \"lowest_income\"" },
      { "households", "count", false, "households the plan states (checked against quotas and the registry)" },
      { "persons", "count", false, "persons the plan states (checked against the registry)" },
      { "units", "count", false, "units given in all, for per_unit amounts (80 cows)" },
      { "units_per_household", "count", false, "units each household gets, for per_unit amounts" },
      { "scope", "names", false, "the communes the programme is limited to" },
      { "coverage", "share", false, "the share of eligible households the plan promises (1 = 100%)" },
      { "source", "id", false, "the funding source that pays" },
      { "outside_budget", "text", false, "why it is not paid from this plan's budget" },
      { "by", "names", false, "the agencies that carry it out" },
      { "with", "names", false, "the agencies that help" },
      { "effect", "table", false, "what it changes, for projection: { income =, from =, clears = }" },
      { "section", "text", false, "\"tasks\" (Nhiệm vụ trọng tâm) or \"measures\" (Giải pháp, default)" },
      { "notes", "texts", false, "further sentences for the plan document" },
      { "text", "texts", false, "the plan's own sentences for it in the plan document, before the notes; {households}, {persons}, {communes}, {cost}, {units}, {amount}, {scope} and {path} are filled from the run" },
      { "show", "names", false, "the figures the document's own sentences print: \"households\", \"persons\", \"communes\", \"amount\" (default: all but persons, and persons when the plan states them)" },
      { "budget_label", "text", false, "what it pays for in the budget's line, as the plan words it (placeholders as in text)" },
      { "short", "text", false, "a short name where the label does not fit: the workbook's sheet of its households (at most 27 characters there)" },
      { "period_note", "text", false, "words in brackets after its period in the plan document: \"có Kế hoạch riêng\"" },
      { "expect", "table", false, "what the registry should give, checked by kehoach test: { households =, persons =, cost = }" },
    },
  },
  -- a budget line that pays no household (kehoach.plan.activity)
  activity = {
    named = true,
    fields = {
      { "label", "text", true, "the activity's name as printed" },
      { "cost", "money", true, "what it costs, in đồng: million(920)" },
      { "source", "id", true, "the funding source that pays" },
      { "by", "names", false, "the agencies that carry it out" },
      { "with", "names", false, "the agencies that help" },
      { "months", "months", false, "the months it is carried out: \"01-12\"" },
      { "quarters", "quarters", false, "the quarters it is carried out: \"Q1-Q4\"" },
      { "delivers", "table", false, "what it delivers, counted: { count = 12, noun = \"lớp tập huấn\" }" },
      { "notes", "texts", false, "further sentences for the plan document" },
    },
  },
  allocation = { named = true, fields = allocation.FIELDS },
  source = {
    named = true,
    fields = {
      { "label", "text", true, "the funding source's name as printed" },
      { "short", "text", false, "a short name for narrow tables" },
      { "loan", "boolean", false, "true when the money is lent, not given" },
    },
  },
  budget = {
    named = false,
    open = "money",   -- other keys (kept in .extra): source names with their amounts
    fields = {
      { "total", "money", true, "the plan's total need for funds" },
      { "expect", "table", false, "what the programmes should cost, checked by kehoach test: { total =, <source> = }" },
    },
  },
  report = {
    named = true,
    fields = {
      { "label", "text", true, "the report's name as printed" },
      { "due", "date", false, "the day it must be sent by" },
      { "to", "names", true, "the agency it goes to" },
      { "from", "names", false, "who sends it" },
      { "covers", "months", false, "the months it reports on: \"01-06\"" },
      { "when", "text", false, "when it is sent, for reports without a date (\"theo chỉ đạo\")" },
    },
  },
  agency = {
    named = true,
    items = "text",   -- the array part: its duties
    fields = {
      { "name", "text", true, "the agency's name as printed" },
      { "short", "text", false, "a short name" },
      { "requested", "boolean", false, "true for bodies the plan asks (Đề nghị) rather than directs" },
    },
  },
  distribution = {
    named = false,
    items = "text",
    fields = {},
  },
  signature = {
    named = false,
    items = "text",
    fields = {
      { "name", "text", true, "the name of the person who signs" },
    },
  },
  scenario = {
    named = true,
    open = "any",     -- other keys (kept in .extra): parameter paths and their values
    fields = {
      { "label", "text", false, "what the scenario asks" },
      { "budget", "text", false, "when a source cannot pay for everything: \"gap\" (report it, the default), \"cap\" or \"prorate\"" },
      { "base", "text", false, "in a scenario file of its own: the plan it changes, relative to the file" },
    },
  },
}

-- The declarations in the order docs and errors list them.
M.order = { "plan", "target", "support", "activity", "allocation", "source", "budget", "report", "agency",
  "distribution", "signature", "scenario" }

local function field_names(spec)
  local names = {}
  for _, f in ipairs(spec.fields) do names[#names + 1] = f[1] end
  return names
end
M.field_names = field_names

-- Checks the table t given to declaration kind against its spec; returns a new table of
-- checked values (and .items for the array part). Raises a plan error at the plan line
-- naming the field and the valid fields.
function M.check(kind, t, label)
  local spec = M.declarations[kind]
  if type(t) ~= "table" then
    util.plan_error("%s: give the fields in a table: %s { ... }", label, kind)
  end
  local out, known = {}, {}
  for _, f in ipairs(spec.fields) do known[f[1]] = f end
  local n = #t
  for k, v in pairs(t) do
    local f = type(k) == "string" and known[k]
    if f then
      local x, why, plain = M.kinds[f[2]].check(v)
      if x == nil then util.plan_error(plain and "%s: field '%s': %s" or "%s: field '%s' must be %s", label, k, why) end
      out[k] = x
    elseif math.type(k) == "integer" and k >= 1 and k <= n then
      if not spec.items then
        util.plan_error("%s: unnamed value %s; give each value a field name (%s)", label,
          tostring(v), table.concat(field_names(spec), ", "))
      end
    elseif spec.open and type(k) == "string" then
      out.extra = out.extra or {}
      if spec.open == "money" then
        local x, why = values.vnd(v)
        if x == nil then util.plan_error("%s: '%s' must be %s", label, k, why) end
        out.extra[k] = x
      else
        out.extra[k] = v
      end
    else
      local names = field_names(spec)
      local near = util.nearest(tostring(k), names)
      util.plan_error("%s: unknown field '%s'%s; the fields of %s are: %s", label, tostring(k),
        near and (" (did you mean '" .. near .. "'?)") or "", kind, table.concat(names, ", "))
    end
  end
  for _, f in ipairs(spec.fields) do
    if f[3] and out[f[1]] == nil then
      util.plan_error("%s: field '%s' is required (%s)", label, f[1], f[4])
    end
  end
  if spec.items then
    local items = {}
    for i = 1, n do
      local x, why = M.kinds[spec.items].check(t[i])
      if x == nil then util.plan_error("%s: item %d must be %s", label, i, why) end
      items[i] = x
    end
    out.items = items
  end
  return out
end

return M
