-- selector.lua — `who`: which households a support is for. A selector is a table of
-- conditions over registry fields, all of which must hold; `any` holds when one of its
-- selectors does; `where = function(h) ... end` is the escape hatch, run per household.
--
-- M.check(who, label) checks a selector as the plan declares it (keys and kinds of value).
-- M.compile(sel, ctx) turns it into SQL over the columns of the evaluation's household
-- view (see kehoach.evaluate), with, for each condition, the words `explain` reads out.
local util = require "kehoach.util"
local schema = require "kehoach.plan.schema"
local registry = require "kehoach.registry.schema"

local M = {}

-- The registry's statuses, need kinds and deprivation indicators (a standard uses some),
-- with their words: the schema's (kehoach.registry.schema).
M.STATUS = registry.values.status
M.STATUS_LABEL = registry.terms.status
M.NEEDS = registry.values.need
M.NEED_LABEL = registry.terms.need
M.KIND_LABEL = { income = "nghèo về thu nhập", deprivation = "nghèo do thiếu hụt dịch vụ xã hội cơ bản" }
M.INDICATORS = registry.values.indicator

-- "a", "b", ...: the values of a list as the keys' words quote them.
local function quoted(list)
  return '"' .. table.concat(list, '", "') .. '"'
end

local function range(v)
  if type(v) ~= "table" then return nil, "a range { min = ..., max = ... }" end
  local out = {}
  for k, x in pairs(v) do
    if k ~= "min" and k ~= "max" then
      return nil, string.format("a range { min = ..., max = ... } (not '%s')", tostring(k))
    end
    local n = schema.count(x)
    if n == nil then return nil, string.format("%s: a whole number, 0 or more", k) end
    out[k] = n
  end
  if out.min == nil and out.max == nil then return nil, "a range with min, max or both" end
  if out.min and out.max and out.min > out.max then return nil, "a range whose min is not above its max" end
  return out
end

local list_of = schema.list_of
local enum = schema.enum

-- Each key: kind check, and its words.
M.keys = {
  { "status", list_of(enum(M.STATUS), "statuses"), "the household's status at the review: " .. quoted(M.STATUS) .. " (or a list: any of them)" },
  { "unable_to_escape", schema.kinds.boolean.check, "recognised as a poor household unable to escape poverty" },
  { "need", list_of(enum(M.NEEDS), "needs"), "a need registered at the review: " .. quoted(M.NEEDS) .. " (a list: any of them)" },
  { "commune", schema.kinds.names.check, "lives in this commune (or one of these)" },
  { "urban", schema.kinds.boolean.check, "lives in a ward or township (urban poverty lines)" },
  { "difficult", schema.kinds.boolean.check, "lives in an especially difficult commune" },
  { "ethnic_minority", schema.kinds.boolean.check, "an ethnic-minority household" },
  { "income", range, "income per person per month, đồng: { min =, max = }" },
  { "deprivations", range, "deprivations counted under the plan's standard: { min =, max = }" },
  { "deprived", list_of(enum(M.INDICATORS), "indicators"), "deprived in this indicator (a list: any of them), e.g. \"d_housing_quality\"" },
  { "persons", range, "members of the household: { min =, max = }" },
  { "poverty_kind", enum({ "income", "deprivation" }), "poor by income, or by deprivations, under the plan's standard" },
  { "any", "selectors", "a list of selectors: one of them must hold" },
  { "where", schema.kinds.func.check, "function(h) ... end: a condition in Lua, run for each household" },
}
local KEY = {}
for _, k in ipairs(M.keys) do KEY[k[1]] = k end

local function names() 
  local out = {}
  for _, k in ipairs(M.keys) do out[#out + 1] = k[1] end
  return out
end

-- What one who may hold of `any` (docs/plan-language.md): SQLite parses a selector as one
-- expression, and refuses one nested or long past its own limits (a "parser stack
-- overflow" at 40 any's deep, an "expression tree too large" at 1.000 alternatives).
M.MAX_ANY_DEPTH, M.MAX_ANY, M.MAX_SELECTORS = 5, 100, 1000

-- Checks a selector table; returns the checked copy. Raises a plan error at the plan line.
-- depth and seen are for the selectors inside an any: how deep, and how many so far.
function M.check(who, label, depth, seen)
  depth, seen = depth or 0, seen or { n = 0 }
  if type(who) ~= "table" then
    util.plan_error("%s: who must be a table of conditions, like { status = \"poor\" }", label)
  end
  local out = {}
  for k, v in pairs(who) do
    local key = type(k) == "string" and KEY[k]
    if not key then
      local near = util.nearest(tostring(k), names())
      util.plan_error("%s: unknown selector key '%s'%s; who can use: %s", label, tostring(k),
        near and (" (did you mean '" .. near .. "'?)") or "", table.concat(names(), ", "))
    end
    if k == "any" then
      if type(v) ~= "table" or #v == 0 then
        util.plan_error("%s: who.any must be a list of selectors, like { { status = \"poor\" }, { ethnic_minority = true } }", label)
      end
      seen.n = seen.n + #v
      if depth == M.MAX_ANY_DEPTH or #v > M.MAX_ANY or seen.n > M.MAX_SELECTORS then
        util.plan_error("%s: who.any %s; at most %d any's one inside another, %d selectors in one any, " ..
          "%d in all (a list of values, like village = { ... }, holds any number)", label,
          depth == M.MAX_ANY_DEPTH and "is inside too many other any's" or
          #v > M.MAX_ANY and ("lists " .. #v .. " selectors") or "makes too many selectors in all",
          M.MAX_ANY_DEPTH, M.MAX_ANY, M.MAX_SELECTORS)
      end
      local subs = {}
      for i, sub in ipairs(v) do subs[i] = M.check(sub, label .. ": who.any[" .. i .. "]", depth + 1, seen) end
      out.any = subs
    else
      local x, why = key[2](v)
      if x == nil then util.plan_error("%s: who.%s must be %s", label, k, why) end
      out[k] = x
    end
  end
  if next(out) == nil then
    util.plan_error("%s: who has no conditions; write who = { status = \"poor\" } or similar", label)
  end
  return out
end

-- ---- SQL ------------------------------------------------------------------------------

local function quote(s)
  return "'" .. tostring(s):gsub("'", "''") .. "'"
end
M.quote = quote

local function in_list(col, list)
  local q = {}
  for i, v in ipairs(list) do q[i] = quote(v) end
  if #q == 1 then return col .. " = " .. q[1] end
  return col .. " IN (" .. table.concat(q, ", ") .. ")"
end

local function range_sql(col, r)
  local parts = {}
  if r.min then parts[#parts + 1] = string.format("%s >= %d", col, r.min) end
  if r.max then parts[#parts + 1] = string.format("%s <= %d", col, r.max) end
  return table.concat(parts, " AND ")
end

local function range_words(r, group)
  group = group or tostring
  if r.min and r.max then return string.format("từ %s đến %s", group(r.min), group(r.max)) end
  if r.min then return "từ " .. group(r.min) .. " trở lên" end
  return "không quá " .. group(r.max)
end

local function words(list, labels)
  local out = {}
  for i, v in ipairs(list) do out[i] = labels and labels[v] or v end
  return table.concat(out, " hoặc ")
end

local function yes_no(b) return b and "có" or "không" end

-- Compiles sel against ctx:
--   ctx.alias          the household view's alias in the SQL ("h")
--   ctx.year           the survey year (needs are read for it)
--   ctx.std            the standard (kind_sql, labels)
--   ctx.commune_code   function(name, label) -> unit code (raises for an unknown name)
--   ctx.where_fn       function(fn) -> SQL calling it for the row (registers it)
-- Returns { sql = "...", conditions = { {key, label, sql, value_sql, expected, format, subs} } }
function M.compile(sel, ctx, label)
  local a = ctx.alias
  local conds = {}
  local function add(c) conds[#conds + 1] = c end
  for _, k in ipairs(M.keys) do
    local key, v = k[1], sel[k[1]]
    if v == nil then
      -- not asked
    elseif key == "status" then
      add({ key = key, label = "Tình trạng hộ khi rà soát", sql = in_list(a .. ".status", v),
        value_sql = a .. ".status", expected = words(v, M.STATUS_LABEL), labels = M.STATUS_LABEL })
    elseif key == "unable_to_escape" then
      add({ key = key, label = "Hộ nghèo không có khả năng thoát nghèo",
        sql = string.format("%s.unable_to_escape = %d", a, v and 1 or 0),
        value_sql = a .. ".unable_to_escape", expected = yes_no(v), yes_no = true })
    elseif key == "need" then
      local q = {}
      for i, n in ipairs(v) do q[i] = quote(n) end
      add({ key = key, label = "Nhu cầu đăng ký",
        sql = string.format("EXISTS (SELECT 1 FROM reg.needs n WHERE n.household = %s.id AND n.year = %d AND n.kind IN (%s))",
          a, ctx.year, table.concat(q, ", ")),
        value_sql = string.format("(SELECT group_concat(kind, ',') FROM (SELECT n.kind FROM reg.needs n WHERE n.household = %s.id AND n.year = %d ORDER BY n.kind))", a, ctx.year),
        expected = words(v, M.NEED_LABEL), labels = M.NEED_LABEL, list = true })
    elseif key == "commune" then
      local codes = {}
      for i, name in ipairs(v) do codes[i] = ctx.commune_code(name, label) end
      add({ key = key, label = "Xã, phường", sql = in_list(a .. ".unit", codes),
        value_sql = a .. ".commune", expected = words(v) })
    elseif key == "urban" or key == "difficult" or key == "ethnic_minority" then
      local lbl = ({ urban = "Ở phường, thị trấn (khu vực thành thị)",
        difficult = "Ở xã đặc biệt khó khăn", ethnic_minority = "Hộ dân tộc thiểu số" })[key]
      add({ key = key, label = lbl, sql = string.format("%s.%s = %d", a, key, v and 1 or 0),
        value_sql = a .. "." .. key, expected = yes_no(v), yes_no = true })
    elseif key == "income" then
      add({ key = key, label = "Thu nhập bình quân (đồng/người/tháng)", sql = range_sql(a .. ".income", v),
        value_sql = a .. ".income", expected = range_words(v, util.group_digits), money = true })
    elseif key == "deprivations" then
      add({ key = key, label = "Số chỉ số thiếu hụt (" .. ctx.std.name .. ")", sql = range_sql(a .. ".deprivations", v),
        value_sql = a .. ".deprivations", expected = range_words(v) })
    elseif key == "persons" then
      local col = string.format("(SELECT count(*) FROM reg.persons p WHERE p.household = %s.id)", a)
      add({ key = key, label = "Số nhân khẩu", sql = range_sql(col, v), value_sql = col,
        expected = range_words(v) })
    elseif key == "deprived" then
      local parts, lbls = {}, {}
      for i, col in ipairs(v) do
        parts[i] = string.format("%s.%s = 1", a, col)
        lbls[i] = ctx.std.labels and ctx.std.labels[col] or col
      end
      local shown = {}
      for i, col in ipairs(v) do shown[i] = string.format("'%s:' || coalesce(%s.%s, '')", col, a, col) end
      add({ key = key, label = "Thiếu hụt", sql = "(" .. table.concat(parts, " OR ") .. ")",
        value_sql = table.concat(shown, " || ',' || "), expected = table.concat(lbls, " hoặc "),
        indicators = v })
    elseif key == "poverty_kind" then
      add({ key = key, label = "Loại hộ nghèo (" .. ctx.std.name .. ")",
        sql = string.format("%s.poverty_kind = %s", a, quote(v)), value_sql = a .. ".poverty_kind",
        expected = M.KIND_LABEL[v], labels = M.KIND_LABEL })
    elseif key == "any" then
      local subs, parts = {}, {}
      for i, s in ipairs(v) do
        subs[i] = M.compile(s, ctx, label)
        parts[i] = "(" .. subs[i].sql .. ")"
      end
      add({ key = key, label = "Thuộc một trong các nhóm", sql = "(" .. table.concat(parts, " OR ") .. ")",
        subs = subs })
    elseif key == "where" then
      add({ key = key, label = "Điều kiện riêng của kế hoạch", sql = ctx.where_fn(v) .. " = 1",
        expected = "đúng" })
    end
  end
  local parts = {}
  for i, c in ipairs(conds) do parts[i] = "(" .. c.sql .. ")" end
  return { sql = table.concat(parts, " AND "), conditions = conds }
end

-- The fields a `where` function sees in h, in the order they are passed to it.
M.WHERE_FIELDS = { "code", "commune", "village", "head", "urban", "difficult", "ethnic_minority",
  "income", "status", "unable_to_escape", "deprivations", "persons", "needs" }

return M
