-- form.lua — the form of a poverty standard's data (the table standards/vn2022.lua returns,
-- and a user's file of the same form), checked and copied into plain tables before
-- kehoach.standards compiles the rule into SQL. A user's file is data from outside: every
-- value is checked here — numbers as whole numbers, words from fixed lists, indicators from
-- the registry's 13 columns — so that nothing it says reaches the SQL as text of its own.
--
--   form.check(def, display, source) -> a fresh copy of def, checked; raises a data error
--       "display:LINE: field: what is wrong" (LINE found in source, the file's text, when
--       given: the line the field is written on)
--   form.NAME        the pattern of a standard's name (letters, digits, '-' and '_')
local util = require "kehoach.util"
local schema = require "kehoach.registry.schema"

local text = core.text

local M = {}

M.NAME = "^%a[%w_%-]*$"

local FIELDS = { "name", "title", "reference", "from_year", "to_year", "lines", "indicators", "labels", "rule" }
local LINES = { "poor", "near_poor", "middle" }
local AREAS = { "rural", "urban" }
local KINDS = { "income", "deprivation" }
local CLAUSE_FIELDS = { "status", "kind", "income_max", "min_deprivations" }
local MAX_VND = 1000000000000   -- a line above 10^12 đồng a month is a typing slip
local MAX_ITEMS = 100           -- entries of any one table
local MAX_TEXT = 1000           -- bytes of a title, a reference, a label

local function set_of(list)
  local s = {}
  for _, v in ipairs(list) do s[v] = true end
  return s
end

-- the registry's words (kehoach.registry.schema): its indicator columns, and the statuses a
-- review records
local INDICATORS = schema.values.indicator
local STATUSES = schema.values.status

-- ---- where a field is written --------------------------------------------------------

-- Inside the table whose "{" is at from: the position where its field `step` (a name,
-- written `name =`) or its step-th list entry (a table or a text) is written, or nil.
-- Comments and quoted texts are skipped; long brackets are not read (a miss costs only
-- the line number).
local function scan(source, from, step)
  local depth, i, n = 0, from, #source
  local count = 0
  -- one more entry of the list at depth d: is it the one asked for?
  local function the_entry(d)
    if depth ~= d or type(step) ~= "number" then return false end
    count = count + 1
    return count == step
  end
  while i <= n do
    local c = source:sub(i, i)
    if c == "-" and source:sub(i, i + 1) == "--" then
      local e = source:find("\n", i, true)
      i = e or n + 1
    elseif c == '"' or c == "'" then
      local j = i + 1
      while j <= n and source:sub(j, j) ~= c and source:sub(j, j) ~= "\n" do
        if source:sub(j, j) == "\\" then j = j + 1 end
        j = j + 1
      end
      if the_entry(1) then return i end
      i = j + 1
    elseif c == "{" then
      depth = depth + 1
      if the_entry(2) then return i end
      i = i + 1
    elseif c == "}" then
      depth = depth - 1
      if depth <= 0 then return nil end
      i = i + 1
    else
      if depth == 1 and type(step) == "string" then
        local s, e = source:find("^[%a_][%w_]*", i)
        if s then
          local word = source:sub(s, e)
          if word == step and source:find("^%s*=", e + 1) and not source:find("^%s*==", e + 1) then return s end
          i = e + 1
        else
          i = i + 1
        end
      else
        i = i + 1
      end
    end
  end
end

-- The line a field is written on: path is the keys from the returned table down (names
-- and list indexes); the deepest one found, else the line of the returned table, or nil.
local function line_of(source, path)
  if type(source) ~= "string" then return nil end
  local ret = source:find("%f[%w_]return%f[^%w_]")
  local at = ret and source:find("{", ret, true)
  if not at then return nil end
  local found = at
  for _, step in ipairs(path) do
    local pos = scan(source, at, step)
    if not pos then break end
    found = pos
    -- the next step looks inside this entry's table
    local open
    if type(step) == "string" then
      local eq = source:find("=", pos, true)
      open = eq and source:match("^%s*(){", eq + 1)
    elseif source:sub(pos, pos) == "{" then
      open = pos
    end
    if not open then break end
    at = open
  end
  local line = 1
  for _ in source:sub(1, found):gmatch("\n") do line = line + 1 end
  return line
end

-- ---- the checks ----------------------------------------------------------------------

local function path_words(path)
  local out = {}
  for _, k in ipairs(path) do
    if type(k) == "number" then out[#out + 1] = "[" .. k .. "]"
    else out[#out + 1] = (#out > 0 and "." or "") .. k end
  end
  return table.concat(out)
end

local function checker(display, source)
  local C = {}
  function C.bad(path, fmt, ...)
    local line = line_of(source, path)
    local where = display .. (line and (":" .. line) or "")
    local field = #path > 0 and (path_words(path) .. ": ") or ""
    util.fail("data", "%s: %s" .. fmt, where, field, ...)
  end

  -- A plain table, its entries read raw (no metamethod of the file's runs here).
  function C.table(v, path, what)
    if type(v) ~= "table" then C.bad(path, "expected %s, not %s", what, C.show(v)) end
    if getmetatable(v) ~= nil then C.bad(path, "expected %s written as data, not a table with a metatable", what) end
    local n = 0
    for _ in next, v do
      n = n + 1
      if n > MAX_ITEMS then C.bad(path, "more than %d entries: this is not %s", MAX_ITEMS, what) end
    end
    return v
  end

  function C.show(v)
    if type(v) == "string" then
      if #v > 60 or not text.valid(v) then return "a text" end
      return "'" .. v .. "'"
    elseif math.type(v) == "integer" then return tostring(v)
    elseif type(v) == "number" then return string.format("%.17g", v)
    elseif v == nil then return "nothing" end
    return "a " .. type(v)
  end

  -- The keys of t must be among fields (a list of names).
  function C.fields(t, path, fields, what)
    local known = set_of(fields)
    for k in next, t do
      if type(k) ~= "string" or not known[k] then
        local key = type(k) == "string" and k or C.show(k)
        local near = type(k) == "string" and util.nearest(k, fields)
        local p = { table.unpack(path) }
        p[#p + 1] = type(k) == "string" and k or nil
        C.bad(p, "unknown field %s%s; the fields of %s are %s", type(k) == "string" and ("'" .. key .. "'") or key,
          near and (" (did you mean '" .. near .. "'?)") or "", what, table.concat(fields, ", "))
      end
    end
  end

  function C.text(v, path, optional)
    if v == nil and optional then return nil end
    if type(v) ~= "string" or v == "" or #v > MAX_TEXT or not text.valid(v) then
      C.bad(path, "expected a text in UTF-8 (at most %d bytes), not %s", MAX_TEXT, C.show(v))
    end
    return text.nfc(v)
  end

  function C.whole(v, path, lo, hi, what)
    local n = math.tointeger(v)
    if type(v) ~= "number" or not n or n < lo or n > hi then
      C.bad(path, "expected %s, a whole number from %s to %s, not %s", what, util.group_digits(lo),
        util.group_digits(hi), type(v) == "string" and ("the text " .. C.show(v)) or C.show(v))
    end
    return n
  end

  function C.word(v, path, words, what)
    for _, w in ipairs(words) do
      if v == w then return w end
    end
    local near = type(v) == "string" and util.nearest(v, words)
    C.bad(path, "expected %s (%s), not %s%s", what, table.concat(words, ", "), C.show(v),
      near and (" (did you mean '" .. near .. "'?)") or "")
  end

  -- A list: entries 1..n, nothing else.
  function C.list(v, path, what)
    C.table(v, path, what)
    local n = #v
    for k in next, v do
      if math.type(k) ~= "integer" or k < 1 or k > n then
        C.bad(path, "expected %s, a list written { a, b, ... }, with no named fields", what)
      end
    end
    return n
  end
  return C
end

local function check_lines(C, v)
  C.table(v, { "lines" }, "the income lines, { poor = { rural = N, urban = N }, ... }")
  C.fields(v, { "lines" }, LINES, "lines")
  if v.poor == nil then C.bad({ "lines" }, "the poor line is missing: lines = { poor = { rural = N, urban = N }, ... }") end
  local out = {}
  for _, name in ipairs(LINES) do
    local l = rawget(v, name)
    if l ~= nil then
      local path = { "lines", name }
      C.table(l, path, "{ rural = N, urban = N } in đồng per person per month")
      C.fields(l, path, AREAS, "a line")
      out[name] = {}
      for _, area in ipairs(AREAS) do
        local p = { "lines", name, area }
        if rawget(l, area) == nil then C.bad(p, "missing: a line gives rural = N and urban = N") end
        out[name][area] = C.whole(rawget(l, area), p, 0, MAX_VND, "đồng per person per month")
      end
    end
  end
  -- each line at or above the one below it
  local below
  for _, name in ipairs(LINES) do
    if out[name] and below then
      for _, area in ipairs(AREAS) do
        if out[name][area] < out[below][area] then
          C.bad({ "lines", name, area }, "%s is below the %s line's %s: each line is at or above the one before it",
            util.group_digits(out[name][area]), below, util.group_digits(out[below][area]))
        end
      end
    end
    below = out[name] and name or below
  end
  return out
end

local function check_indicators(C, v)
  local n = C.list(v, { "indicators" }, "the indicators the standard counts, registry columns such as \"d_water\"")
  if n == 0 then C.bad({ "indicators" }, "the list is empty: name the indicators the standard counts") end
  local out, seen = {}, {}
  for i = 1, n do
    local col = C.word(rawget(v, i), { "indicators", i }, INDICATORS, "one of the registry's indicators")
    if seen[col] then C.bad({ "indicators", i }, "%s is listed twice", col) end
    seen[col] = true
    out[i] = col
  end
  return out, seen
end

local function check_rule(C, v, lines, nindicators)
  local n = C.list(v, { "rule" }, "the rule, a list of clauses { status = ..., income_max = ..., min_deprivations = ... }")
  if n == 0 then C.bad({ "rule" }, "the rule has no clause") end
  local names = util.sorted_keys(lines)
  local out, poor = {}, false
  for i = 1, n do
    local path = { "rule", i }
    local c = C.table(rawget(v, i), path, "a clause { status = ..., income_max = ..., min_deprivations = ... }")
    C.fields(c, path, CLAUSE_FIELDS, "a clause")
    local clause = {}
    clause.status = C.word(rawget(c, "status"), { "rule", i, "status" }, STATUSES, "the status the clause gives")
    if rawget(c, "kind") ~= nil then
      clause.kind = C.word(rawget(c, "kind"), { "rule", i, "kind" }, KINDS, "the kind of poverty")
      if clause.status ~= "poor" then C.bad({ "rule", i, "kind" }, "only a clause giving status poor has a kind") end
    end
    if rawget(c, "income_max") ~= nil then
      clause.income_max = C.word(rawget(c, "income_max"), { "rule", i, "income_max" }, names,
        "the name of one of the standard's lines")
    end
    if rawget(c, "min_deprivations") ~= nil then
      clause.min_deprivations = C.whole(rawget(c, "min_deprivations"), { "rule", i, "min_deprivations" }, 1,
        nindicators, "a number of the standard's indicators")
    end
    if not clause.income_max and not clause.min_deprivations and i < n then
      C.bad(path, "this clause has no condition, so the clauses after it are never reached: it comes last")
    end
    poor = poor or clause.status == "poor"
    out[i] = clause
  end
  local last = out[n]
  if last.income_max or last.min_deprivations then
    C.bad({ "rule", n }, "the last clause must have no condition ({ status = \"non_poor\" }), so that every "
      .. "household gets a status")
  end
  if not poor then C.bad({ "rule" }, "no clause gives the status poor") end
  return out
end

function M.check(def, display, source)
  local C = checker(display, source)
  C.table(def, {}, "a table: the file returns { name = ..., title = ..., lines = ..., ... }")
  C.fields(def, {}, FIELDS, "a standard")
  local std = {}
  local name = rawget(def, "name")
  if type(name) ~= "string" or #name > 64 or not name:match(M.NAME) then
    C.bad({ "name" }, "expected the standard's name, letters and digits joined by '-' (such as \"lao-cai-2027\"), "
      .. "not %s", C.show(name))
  end
  std.name = name
  std.title = C.text(rawget(def, "title"), { "title" })
  std.reference = C.text(rawget(def, "reference"), { "reference" })
  std.from_year = C.whole(rawget(def, "from_year"), { "from_year" }, 1900, 2200, "the first year it is in force")
  std.to_year = C.whole(rawget(def, "to_year"), { "to_year" }, 1900, 2200, "the last year it is in force")
  if std.to_year < std.from_year then
    C.bad({ "to_year" }, "%d is before from_year %d", std.to_year, std.from_year)
  end
  std.lines = check_lines(C, rawget(def, "lines"))
  local counted
  std.indicators, counted = check_indicators(C, rawget(def, "indicators"))
  local labels = rawget(def, "labels")
  if labels ~= nil then
    C.table(labels, { "labels" }, "{ indicator = \"label\", ... }")
    std.labels = {}
    for col, label in next, labels do
      if not counted[col] then
        C.bad({ "labels" }, "%s is not one of the standard's indicators (%s)", C.show(col),
          table.concat(std.indicators, ", "))
      end
      std.labels[col] = C.text(label, { "labels", col })
    end
  end
  std.rule = check_rule(C, rawget(def, "rule"), std.lines, #std.indicators)
  return std
end

return M
