-- selector.lua — `who`: which households a support is for. A selector is a table of
-- conditions over registry fields, all of which must hold; `any` holds when one of its
-- selectors does; `where = function(h) ... end` is the escape hatch, run per household.
--
-- M.check(who, label) checks a selector as the plan declares it (keys and kinds of value).
-- M.compile(sel, ctx) turns it into SQL over the columns of the evaluation's household
-- view (see kehoach.run.select), with, for each condition, what `explain` reads out.
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
  { "also_in", schema.kinds.names.check, "chosen for this support too (a list: for any of them); a support declared before this one" },
  { "not_in", schema.kinds.names.check, "not chosen for this support (a list: for none of them); a support declared before this one" },
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
    if k == "in" then
      -- `in` is a word of Lua: written ["in"] = "vay_von", it is also_in
      if who.also_in ~= nil then util.plan_error("%s: give also_in or [\"in\"], not both", label) end
      k = "also_in"
    end
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

-- A value the plan gives, as an SQL parameter: its name in the text (":s1"), its value in
-- args (bound when the statement runs). A plan's value never becomes SQL text.
local function binder(args)
  return function(v)
    local name = "s" .. (args.n + 1)
    args.n = args.n + 1
    args[name] = v
    return ":" .. name
  end
end

-- A column of the household view, by a selector key or an indicator: a whitelist.
local COLUMN = { urban = true, difficult = true, ethnic_minority = true }
for _, col in ipairs(M.INDICATORS) do COLUMN[col] = true end
local function column(a, col)
  if not COLUMN[col] then error("not a column of the household view: " .. tostring(col)) end
  return a .. "." .. col
end

local function in_list(col, list, bind)
  local q = {}
  for i, v in ipairs(list) do q[i] = bind(v) end
  if #q == 1 then return col .. " = " .. q[1] end
  return col .. " IN (" .. table.concat(q, ", ") .. ")"
end

local function range_sql(col, r, bind)
  local parts = {}
  if r.min then parts[#parts + 1] = col .. " >= " .. bind(r.min) end
  if r.max then parts[#parts + 1] = col .. " <= " .. bind(r.max) end
  return table.concat(parts, " AND ")
end

-- Compiles sel against ctx:
--   ctx.alias          the household view's alias in the SQL ("h")
--   ctx.year           the survey year (needs are read for it)
--   ctx.std            the standard
--   ctx.commune_code   function(name, label) -> unit code (raises for an unknown name)
--   ctx.commune_label  the heading of the `commune` condition: the plan's children by kind ("Xã, phường")
--   ctx.where_fn       function(fn) -> SQL calling it for the row (registers it)
--   ctx.run            the run whose allocations also_in and not_in read (default 1)
--   ctx.support_label  function(id) -> a support's label, for explain's words
-- Returns { sql = "...", conditions = { {key, value (as the plan asks it), sql, value_sql
-- (the household's value, for explain), subs (of any)} }, args }: facts (render/conditions.lua
-- words them); the SQL names the plan's values as parameters (:year, :s1, ...), whose
-- values args holds, to bind with the statement's own.
function M.compile(sel, ctx, label)
  local a = ctx.alias
  ctx.args = ctx.args or { n = 0, year = ctx.year }
  local bind = binder(ctx.args)
  local conds = {}
  local function add(c) conds[#conds + 1] = c end
  for _, k in ipairs(M.keys) do
    local key, v = k[1], sel[k[1]]
    if v == nil then
      -- not asked
    elseif key == "status" then
      add({ key = key, value = v, sql = in_list(a .. ".status", v, bind), value_sql = a .. ".status" })
    elseif key == "unable_to_escape" then
      add({ key = key, value = v, sql = string.format("%s.unable_to_escape = %d", a, v and 1 or 0),
        value_sql = a .. ".unable_to_escape" })
    elseif key == "need" then
      add({ key = key, value = v,
        sql = string.format("EXISTS (SELECT 1 FROM reg.needs n WHERE n.household = %s.id AND n.year = :year AND %s)",
          a, in_list("n.kind", v, bind)),
        value_sql = string.format("(SELECT group_concat(kind, ',') FROM (SELECT n.kind FROM reg.needs n WHERE n.household = %s.id AND n.year = :year ORDER BY n.kind))", a) })
    elseif key == "commune" then
      local codes = {}
      for i, name in ipairs(v) do codes[i] = ctx.commune_code(name, label) end
      -- the plan's children are worded by their kinds ("Xã, thị trấn"): the label comes with the fact
      add({ key = key, value = v, label = ctx.commune_label, sql = in_list(a .. ".unit", codes, bind),
        value_sql = a .. ".commune" })
    elseif key == "urban" or key == "difficult" or key == "ethnic_minority" then
      add({ key = key, value = v, sql = string.format("%s = %d", column(a, key), v and 1 or 0),
        value_sql = column(a, key) })
    elseif key == "income" then
      add({ key = key, value = v, sql = range_sql(a .. ".income", v, bind), value_sql = a .. ".income" })
    elseif key == "deprivations" then
      add({ key = key, value = v, sql = range_sql(a .. ".deprivations", v, bind), value_sql = a .. ".deprivations" })
    elseif key == "persons" then
      local col = string.format("(SELECT count(*) FROM reg.persons p WHERE p.household = %s.id)", a)
      add({ key = key, value = v, sql = range_sql(col, v, bind), value_sql = col })
    elseif key == "deprived" then
      local parts, shown = {}, {}
      for i, col in ipairs(v) do
        parts[i] = column(a, col) .. " = 1"
        shown[i] = string.format("'%s:' || coalesce(%s, '')", col, column(a, col))
      end
      add({ key = key, value = v, sql = "(" .. table.concat(parts, " OR ") .. ")",
        value_sql = table.concat(shown, " || ',' || ") })
    elseif key == "poverty_kind" then
      add({ key = key, value = v, sql = a .. ".poverty_kind = " .. bind(v),
        value_sql = a .. ".poverty_kind" })
    elseif key == "also_in" or key == "not_in" then
      -- the households chosen for an earlier support of this run (allocations already made:
      -- kehoach.pipeline chooses in the plan's order); waitlisted ones were not chosen
      local function chosen(list)
        return string.format("SELECT 1 FROM allocations x WHERE x.run = :run AND x.household = %s.code AND " ..
          "x.status <> 'waitlisted' AND %s", a, in_list("x.programme", list, bind))
      end
      ctx.args.run = ctx.run or 1
      local labels = {}
      for _, id in ipairs(v) do labels[id] = ctx.support_label and ctx.support_label(id) or id end
      add({ key = key, value = v, labels = labels,
        sql = (key == "not_in" and "NOT EXISTS (" or "EXISTS (") .. chosen(v) .. ")",
        value_sql = string.format("(SELECT group_concat(x.programme, ',') FROM allocations x WHERE x.run = :run " ..
          "AND x.household = %s.code AND x.status <> 'waitlisted' AND %s)", a, in_list("x.programme", v, bind)) })
    elseif key == "any" then
      local subs, parts = {}, {}
      for i, s in ipairs(v) do
        subs[i] = M.compile(s, ctx, label)
        parts[i] = "(" .. subs[i].sql .. ")"
      end
      add({ key = key, value = v, sql = "(" .. table.concat(parts, " OR ") .. ")", subs = subs })
    elseif key == "where" then
      add({ key = key, value = v, sql = ctx.where_fn(v) .. " = 1" })
    end
  end
  local parts = {}
  for i, c in ipairs(conds) do parts[i] = "(" .. c.sql .. ")" end
  return { sql = table.concat(parts, " AND "), conditions = conds, args = ctx.args }
end

-- The supports a selector names (also_in, not_in, in its any's too), in the order found:
-- a support that names one is chosen after it (kehoach.pipeline).
function M.supports_named(sel, out)
  out = out or {}
  for _, key in ipairs({ "also_in", "not_in" }) do
    for _, id in ipairs(sel[key] or {}) do out[#out + 1] = id end
  end
  for _, sub in ipairs(sel.any or {}) do M.supports_named(sub, out) end
  return out
end

-- The fields a `where` function sees in h, in the order they are passed to it.
M.WHERE_FIELDS = { "code", "commune", "village", "head", "urban", "difficult", "ethnic_minority",
  "income", "status", "unable_to_escape", "deprivations", "persons", "needs" }

return M
