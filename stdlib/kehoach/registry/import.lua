-- import.lua — CSV files into a registry, all or nothing.
--
--   import.run(db, files [, near]) -> { table = rows imported }, or nil, problems, how many
--     db: a registry open read-write; files: { table name = path }; near: paths beside
--     which a standard meta names may be (kehoach.standards.find). Runs inside one
--     transaction it opens: committed when there is no problem, rolled back otherwise.
--     problems: a list of lines "FILE: row R, column C: 'VALUE' ... (expected ...)" (or
--     "FILE: ..." for the whole file), at most MAX_PROBLEMS of them, then one saying how
--     many more there were.
--
-- Each file is streamed: a row is checked (types, enumerations, units and households it
-- refers to, keys already taken) and inserted at once, so later rows and files see it.
-- The rows whose values are all plainly good are checked and inserted in C (core.load,
-- fed by the CSV reader without a Lua value made); Lua sees only the others, and checks
-- and words them below as if it had read every row.
-- Tables load parents first (tables.list order), whatever order the files came in; meta
-- before them all, and when it has a problem the other files are not read.
local util = require "kehoach.util"
local tables = require "kehoach.registry.tables"
local standards = require "kehoach.standards"
local unit_tree = require "kehoach.units"

local csv, text, load = core.csv, core.text, core.load

local M = {}

M.MAX_PROBLEMS = 200
-- The same problem in the same column of a file is listed for its first SAME_PROBLEM rows,
-- then one line counts the rest. A table's value in files may also be a source of rows
-- (kehoach.registry.sheet: lists read through a mapping), whose problems name the file,
-- sheet and cell ("FILE, sheet S, F12: ...").
M.SAME_PROBLEM = 3

-- A value as a problem quotes it; a value that is not UTF-8 has its bytes beyond ASCII
-- written \xNN, and a NUL byte is written \0, so the message stays text a terminal can show.
local function show(v)
  if not text.valid(v) then
    v = v:gsub("[\128-\255]", function(c) return string.format("\\x%02X", c:byte()) end)
  end
  return "'" .. v:gsub("\0", "\\0") .. "'"
end

-- The import of one run: problems, the units known (by code, and communes by folded name).
local function context(db)
  local ctx = { db = db, problems = {}, extra = 0, units = {}, communes = {}, groups = {} }
  -- row: a number (a CSV file's row), or a table naming the cell of each column (a sheet
  -- read through a mapping: { at = "row 12", income = "F12" }), or nil for the whole file.
  -- The same problem in the same column of a file is listed for its first SAME_PROBLEM rows,
  -- then counted: one line says how many more rows have it.
  function ctx.problem(file, row, column, fmt, ...)
    local group = row and row ~= 1 and (file .. "\0" .. (column or "") .. "\0" .. fmt)
    local g = group and ctx.groups[group]
    if g then
      g.n = g.n + 1
      if g.n > M.SAME_PROBLEM then
        if not g.line then
          ctx.problems[#ctx.problems + 1] = false         -- its line, written at the end
          g.line = #ctx.problems
        end
        return
      end
    elseif group then
      g = { n = 1, file = file, column = column }
      ctx.groups[group] = g
      ctx.groups[#ctx.groups + 1] = g
    end
    if #ctx.problems >= M.MAX_PROBLEMS then
      ctx.extra = ctx.extra + 1
      return
    end
    local where
    if type(row) == "table" then
      ctx.problems[#ctx.problems + 1] = string.format("%s, %s: " .. fmt, file, row[column] or row.at, ...)
      return
    end
    where = not row and "" or column and string.format("row %d, column %s: ", row, column)
      or string.format("row %d: ", row)
    ctx.problems[#ctx.problems + 1] = string.format("%s: %s" .. fmt, file, where, ...)
  end
  -- How many problems there were, and the lines of the problems counted rather than listed.
  function ctx.finish_problems()
    local total = ctx.extra
    for _, p in ipairs(ctx.problems) do
      if p then total = total + 1 end
    end
    for _, g in ipairs(ctx.groups) do
      if g.line then
        local more = g.n - M.SAME_PROBLEM
        total = total + more
        ctx.problems[g.line] = string.format("%s: ... and %s more row%s with the same problem%s",
          g.file, util.group_digits(more), more == 1 and "" or "s", g.column and (" in " .. g.column) or "")
      end
    end
    return total
  end
  -- The commune a household's unit names (NFC text): its code, when it is a commune's code
  -- or a name only one commune has; else nil, and the communes of that name (if any).
  function ctx.commune(v)
    if ctx.units[v] == "commune" then return v end
    local list = ctx.communes[text.fold(v)]
    if list and #list == 1 then return list[1].code end
    return nil, list
  end
  function ctx.add_unit(code, name, level)
    ctx.units[code] = level
    if level == "commune" then
      local key = text.fold(name)
      local list = ctx.communes[key] or {}
      list[#list + 1] = { code = code, name = name }
      ctx.communes[key] = list
    end
  end
  for u in db:rows("SELECT code, name, level FROM units ORDER BY code") do
    ctx.add_unit(u.code, u.name, u.level)
  end
  ctx.household_by_code = db:prepare("SELECT id FROM households WHERE code = ?")
  ctx.household_by_id = db:prepare("SELECT code FROM households WHERE id = ?")
  return ctx
end

local function commune_names(ctx)
  local names = {}
  for _, list in pairs(ctx.communes) do
    for _, u in ipairs(list) do names[#names + 1] = u.name end
  end
  table.sort(names)
  return names
end

-- ---- values ----------------------------------------------------------------------------

-- Each converter: raw text (not empty), its column, the import, the table's name, the
-- row's values so far (by column index) -> value, or nil and what was expected.
local convert = {}

function convert.text(raw)
  return text.nfc(raw) or nil, "UTF-8 text"
end

function convert.integer(raw, col)
  local n = raw:match("^%s*%-?%d+%s*$") and math.tointeger(tonumber(raw))
  if not n or (col.min and n < col.min) or (col.max and n > col.max) then
    local range = (col.min and col.max) and string.format(" from %d to %d", col.min, col.max)
      or col.min and string.format(" of at least %d", col.min) or ""
    return nil, "a whole number" .. range
  end
  return n
end

function convert.flag(raw)
  if raw == "0" or raw == "1" then return tonumber(raw) end
  return nil, "0 or 1"
end

function convert.money(raw, col)
  local s = raw:match("^%s*(.-)%s*$")
  -- grouped by thousands the Vietnamese way ("700.000") or with spaces ("700 000")
  local head, rest = s:match("^(%d%d?%d?)([%. ].*)$")
  if head and rest:gsub("[%. ]%d%d%d", "") == "" then s = head .. rest:gsub("[%. ]", "") end
  local n = s:match("^%d+$") and math.tointeger(tonumber(s))
  if not n then return nil, col.expected or "a whole number of VND" end
  return n
end

function convert.enum(raw, col)
  local v = text.nfc(raw) or raw
  v = col.aliases and col.aliases[v] or v
  for _, allowed in ipairs(col.values) do
    if v == allowed then return v end
  end
  return nil, "one of " .. table.concat(col.values, ", ")
end

function convert.date(raw)
  local y, m, d = raw:match("^(%d%d%d%d)%-(%d%d)%-(%d%d)$")
  y, m, d = tonumber(y), tonumber(m), tonumber(d)
  local days = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 }
  if y and (y % 4 == 0 and (y % 100 ~= 0 or y % 400 == 0)) then days[2] = 29 end
  if not y or m < 1 or m > 12 or d < 1 or d > days[m] then return nil, "a date as YYYY-MM-DD" end
  return raw
end

-- A standard's name: shipped, or a user's standards/<name>.lua beside the registry or the
-- CSV files (ctx.near). The suggestion is the standard in force in the year of the key
-- (standard.2027), else the nearest name.
function convert.standard(raw, _, ctx, _, values)
  local v = text.nfc(raw) or raw
  local key = values and values[1]
  local year = type(key) == "string" and tonumber(key:match("^standard%.(%d%d%d%d)$"))
  local std, why
  if v ~= "" then std, why = standards.find(v, ctx and ctx.near, year) end
  if std and std.name == v then return v end
  if std then return nil, "the name of a poverty standard as it is written: " .. std.name end
  local hint = why and why:match("^unknown poverty standard '.-' %((did you mean [^)]*)%)")
  return nil, "the name of a poverty standard (" .. table.concat(standards.names(), ", ")
    .. ", or one of your own: standards/NAME.lua beside the registry or the CSV files)"
    .. (hint and ("; " .. hint) or "")
end

function convert.meta_key(raw)
  local v = text.nfc(raw) or raw
  if v:match("^standard%.") and not v:match("^standard%.%d%d%d%d$") then
    return nil, "standard.YEAR with the year of a review, as standard.2021"
  end
  return v
end

-- Checked as the row's key says (tables.META); the value of another key is kept as it is.
function convert.meta_value(raw, col, ctx, tname, values)
  local rule = values[1] and tables.meta_rule(values[1])
  if not rule then return text.nfc(raw) end
  local v, expected = convert[rule[2]](raw, rule, ctx, tname, values)
  if v == nil then return nil, expected end
  return tostring(v)
end

-- A unit code; households.unit also takes a commune's name.
function convert.unit(raw, col, ctx, tname)
  local v = text.nfc(raw) or raw
  if tname ~= "households" and ctx.units[v] then return v end
  if tname == "households" then
    local code, list = ctx.commune(v)
    if code then return code end
    if list then
      local codes = {}
      for _, u in ipairs(list) do codes[#codes + 1] = u.code end
      return nil, "a commune's code: several communes are named so (" .. table.concat(codes, ", ") .. ")"
    end
    local near = util.nearest(v, commune_names(ctx))
    return nil, "the code or name of a commune in the registry" .. (near and ("; did you mean " .. near .. "?") or "")
  end
  return nil, "the code of a unit in the registry or in units.csv"
end

-- The first row a prepared statement gives for the values, or nil.
local function lookup(stmt, ...)
  local iter, state = stmt:rows(...)
  return iter(state)
end

-- A household's code (never its id: tables.lua says why); a value that is no household's
-- code but some household's id is refused with that household's code.
function convert.household(raw, col, ctx)
  -- a household's rows stand together in persons.csv and surveys.csv: the last one found
  -- answers most rows without a query
  if raw == ctx.last_household_raw then return ctx.last_household_id end
  local v = text.nfc(raw) or raw
  local row = lookup(ctx.household_by_code, v)
  if row then
    ctx.last_household_raw, ctx.last_household_id = raw, row.id
    return row.id
  end
  local expected = "the code of a household in the registry or in households.csv"
  local id = v:match("^%s*%d+%s*$") and math.tointeger(tonumber(v))
  local other = id and lookup(ctx.household_by_id, id)
  if other then
    return nil, string.format("%s (a household is named by its code, not its id: the household "
      .. "of id %d has the code %s)", expected, id, other.code)
  end
  return nil, expected
end

-- What an empty value of a required column should have been, in words: for meta's value,
-- what its key needs (a key kehoach reads names a standard, a date...; any other key says
-- something only with a value).
local function must_give(col, ctx, tname, values)
  if col[2] ~= "meta_value" or values[1] == nil then return "it must be given" end
  local rule = tables.meta_rule(values[1])
  if not rule then
    return string.format("%s must have a value (a key of meta with no value says nothing: give "
      .. "one, or leave the row out)", values[1])
  end
  local _, expected = convert[rule[2]]("", rule, ctx, tname, values)
  return string.format("%s must be %s", values[1], expected)
end

-- ---- one file --------------------------------------------------------------------------

-- Maps the header to column positions; reports unknown, repeated and missing columns.
-- Returns the positions (column name -> field index), or nil when the file cannot be read.
local function read_header(ctx, spec, file, fields)
  local known, pos, ok = {}, {}, true
  for _, c in ipairs(spec.columns) do known[c[1]] = true end
  for i, raw in ipairs(fields) do
    local name = raw:match("^%s*(.-)%s*$")
    if not text.valid(name) then
      ctx.problem(file, 1, nil, "column %d of the header, %s, is not UTF-8 text (save the file as UTF-8)",
        i, show(name))
      ok = false
    elseif not known[name] then
      local near = util.nearest(name, tables.column_names(spec))
      ctx.problem(file, 1, nil, "unknown column %s%s (the columns of %s are %s)", show(name),
        near and (", did you mean " .. near .. "?") or "", spec.name,
        table.concat(tables.column_names(spec), ", "))
      ok = false
    elseif pos[name] then
      ctx.problem(file, 1, nil, "the column %s appears twice", name)
      ok = false
    else
      pos[name] = i
    end
  end
  for _, c in ipairs(spec.columns) do
    if c.required and not pos[c[1]] then
      ctx.problem(file, 1, nil, "the column %s is missing (it must be given)", c[1])
      ok = false
    end
  end
  return ok and pos or nil
end

-- Statements for one table: insert, and one lookup per unique key.
local function statements(db, spec)
  local names = tables.column_names(spec)
  local sql = string.format("INSERT INTO %s(%s) VALUES (%s)", spec.name, table.concat(names, ", "),
    string.rep("?", #names, ", "))
  local st = { sql = sql, insert = db:prepare(sql), unique = {} }
  for i, key in ipairs(spec.unique) do
    local conds = {}
    for k, col in ipairs(key) do conds[k] = col .. " = ?" end
    st.unique[i] = db:prepare(string.format("SELECT 1 AS taken FROM %s WHERE %s", spec.name,
      table.concat(conds, " AND ")))
  end
  return st
end

local function close_all(st)
  if st.loader then st.loader:close() end
  st.insert:close()
  for _, s in ipairs(st.unique) do s:close() end
end

-- Checks the unique keys of a row (values by column index, index: column name -> index);
-- reports the first one taken.
local function key_taken(ctx, spec, st, index, values, file, row)
  for i, key in ipairs(spec.unique) do
    local args, shown = {}, {}
    for k, col in ipairs(key) do
      args[k] = values[index[col]]
      local h = spec.columns[index[col]][2] == "household" and args[k] and lookup(ctx.household_by_id, args[k])
      shown[k] = h and h.code or tostring(args[k])   -- a household as the file names it
    end
    if args[1] ~= nil and lookup(st.unique[i], table.unpack(args, 1, #key)) then
      ctx.problem(file, row, table.concat(key, "+"), "%s appears twice (in this file or already in "
        .. "the registry); expected a %s no other %s row has", show(table.concat(shown, ", ")),
        #key == 1 and key[1] or "combination", spec.name)
      return true
    end
  end
  return false
end

-- Checks one row — raws: its text by column index ("" or nil when not given), good: false
-- when the row is already known to be bad — and inserts it when every value is good.
-- Returns 1 when inserted, else 0.
local function import_row(ctx, spec, st, raws, file, row, good, parents)
  local values = st.values
  for i, c in ipairs(spec.columns) do
    local raw = raws[i] or ""
    local v, expected
    -- empty, or blanks only (most values start with a letter or digit: no pattern for them)
    if raw == "" or (raw:byte(1) <= 32 and not raw:find("%S")) then
      v = c.default
      if v == nil and c.required then
        ctx.problem(file, row, c[1], "empty, but %s", must_give(c, ctx, spec.name, values))
        good = false
      end
    elseif raw:find("\0", 1, true) then
      -- SQLite would keep the bytes, but every reader stops at the NUL: "C\0-2" reads "C"
      ctx.problem(file, row, c[1], "a NUL byte (\\0) is not allowed in a value (%s)", show(raw))
      good = false
    elseif not text.valid(raw) then
      ctx.problem(file, row, c[1], "%s is not UTF-8 text (save the file as UTF-8)", show(raw))
      good = false
    else
      v, expected = convert[c[2]](raw, c, ctx, spec.name, values)
      if v == nil then
        if c[2] == "unit" and spec.name == "units" then
          v = text.nfc(raw) or raw           -- a parent later in the file: checked at the end
          parents[#parents + 1] = { row = row, code = v }
        else
          ctx.problem(file, row, c[1], "%s is not %s", show(raw), expected)
          good = false
        end
      end
    end
    values[i] = v
  end
  if good then
    -- every unique key is the table's own PRIMARY KEY or UNIQUE constraint: the insert is
    -- the check, and only a refused one looks up which key was taken (one statement a row,
    -- not one per key and a row)
    local inserted, err = pcall(st.insert.run, st.insert, table.unpack(values, 1, #spec.columns))
    if not inserted then
      if key_taken(ctx, spec, st, st.index, values, file, row) then return 0 end
      error(err, 0)
    end
    if spec.name == "units" then
      ctx.add_unit(values[1], values[2], values[3])
      st.row_of[values[1]] = row
    end
    return 1
  end
  return 0
end

-- The loader of a table (core.load), given the column of each field of its file (pos), or
-- nil for rows from another source; nil for the tables Lua loads alone: units (a unit is
-- known at once, to the rows after it, and the tree is checked at the end) and meta (a
-- value is checked by its key).
local function loader(ctx, spec, st, pos)
  if spec.name == "units" or spec.name == "meta" then return nil end
  local columns = {}
  for i, c in ipairs(spec.columns) do
    columns[i] = { c[2], pos = pos and pos[c[1]], required = c.required, default = c.default, min = c.min,
      max = c.max, values = c.values, aliases = c.aliases, level = spec.name == "households" and "commune" or nil }
  end
  return load.new(ctx.db, st.sql, columns)
end

-- The statements of a table, and what its rows need, closed with it.
local function open_table(ctx, spec)
  local st = setmetatable(statements(ctx.db, spec), { __close = close_all })
  st.values, st.index, st.row_of = {}, {}, {}
  for i, c in ipairs(spec.columns) do st.index[c[1]] = i end
  return st
end

local CLOSE_EACH = { __close = function(sts) for _, st in pairs(sts) do close_all(st) end end }

-- The rows of tables (specs, in load order) from one source other than their CSV files
-- (kehoach.registry.sheet: workbooks or CSV files read through a mapping), in one pass:
-- source:each(specs, ctx, fn, loaders) calls fn with a row's table, its text by column
-- index, a table naming the cell of each column, and the file (and sheet), and may give
-- rows to the tables' loaders (core.load) itself: it returns how many each took so. Returns
-- the rows of each.
local function import_source(ctx, specs, source)
  local sts <close> = setmetatable({}, CLOSE_EACH)
  local counts, parents, loaders = {}, {}, {}
  for _, spec in ipairs(specs) do
    local st = open_table(ctx, spec)
    sts[spec.name], counts[spec.name] = st, 0
    st.loader = loader(ctx, spec, st, nil)
    loaders[spec.name] = st.loader
  end
  -- the source may hand rows to the loaders itself (a workbook's reader does, in C), and
  -- says how many each took that way
  local loaded = source:each(specs, ctx, function(spec, raws, where, file)
    local st = sts[spec.name]
    if st.loader and st.loader:put(raws) then
      counts[spec.name] = counts[spec.name] + 1
    else
      counts[spec.name] = counts[spec.name] + import_row(ctx, spec, st, raws, file, where, true, parents)
    end
  end, loaders)
  for name, n in pairs(loaded or {}) do counts[name] = counts[name] + n end
  return counts
end

-- The units as a tree, once the file's rows are in: a parent that is a commune, or parents
-- that go round in a cycle, are problems of the rows that give them (row_of: code -> row).
local function check_tree(ctx, file, row_of)
  local rows = {}
  for u in ctx.db:rows("SELECT code, name, level, parent FROM units ORDER BY code") do rows[#rows + 1] = u end
  for _, pr in ipairs(unit_tree.problems(rows)) do
    if pr.what == "cycle" or pr.what == "commune-parent" then
      local row = row_of[pr.code]
      for _, u in ipairs(pr.cycle or {}) do row = row or row_of[u.code] end
      ctx.problem(file, row, "parent", "%s", unit_tree.problem_text(pr))
    end
  end
end

local function import_file(ctx, spec, file)
  local st <close> = open_table(ctx, spec)
  local reader <close> = csv.open(file)
  local pos, width
  local n, parents, raws = 0, {}, {}
  for fields, row in reader:rows() do
    if row == 1 then
      width = #fields
      pos = read_header(ctx, spec, file, fields)
      if not pos then return 0 end
      st.loader = loader(ctx, spec, st, pos)
      if st.loader then reader:load(st.loader) end
    elseif not (#fields == 1 and fields[1] == "") then
      for i, c in ipairs(spec.columns) do raws[i] = pos[c[1]] and fields[pos[c[1]]] or "" end
      local good = #fields == width
      n = n + import_row(ctx, spec, st, raws, file, row, good, parents)
      if not good then ctx.problem(file, row, nil, "%d fields, but the header has %d", #fields, width) end
    end
  end
  if not width then
    ctx.problem(file, nil, nil, "the file is empty: the first row must name the columns (%s)",
      table.concat(tables.column_names(spec), ", "))
  end
  for _, p in ipairs(parents) do
    if not ctx.units[p.code] then
      ctx.problem(file, p.row, "parent", "%s is not the code of a unit in the registry or in units.csv",
        show(p.code))
    end
  end
  n = n + (st.loader and st.loader:count() or 0)
  if spec.name == "units" and n > 0 then check_tree(ctx, file, st.row_of) end
  return n
end

-- meta.csv first: it refers to no other table, and a problem in it is found before the
-- large files are read (then they are not: nothing would be imported in any case, and
-- reading the persons and surveys of a district takes seconds)
local function in_order(files)
  local order = {}
  for _, spec in ipairs(tables.list) do
    if files[spec.name] then
      if spec.name == "meta" then table.insert(order, 1, spec) else order[#order + 1] = spec end
    end
  end
  return order
end

function M.run(db, files, near)
  local ctx = context(db)
  ctx.near = near
  local counts = {}
  local skipped = {}
  -- Every reference is resolved here before its row is inserted: a household's code to the
  -- id the registry has for it, a unit's code to a unit known, a parent checked once the
  -- units are in. SQLite's own check of the same references would look up each household
  -- again for every person and review, a tenth of the import's time at 10,000,000
  -- households and more than a tenth of its growth: it is off while the rows go in (as in
  -- the generator), on again after (a pragma that cannot change inside a transaction).
  db:exec("PRAGMA foreign_keys = OFF")
  local fk <close> = setmetatable({}, { __close = function() db:exec("PRAGMA foreign_keys = ON") end })
  db:exec("BEGIN IMMEDIATE")
  local order, read = in_order(files), {}
  for _, spec in ipairs(order) do
    local file = files[spec.name]
    if read[spec.name] then
      -- read with the other tables of its source
    elseif type(file) == "table" then
      -- a list read through a mapping is read whole, once for all its tables: each problem is said
      local specs = {}
      for _, other in ipairs(order) do
        if files[other.name] == file then
          specs[#specs + 1] = other
          read[other.name] = true
        end
      end
      for name, n in pairs(import_source(ctx, specs, file)) do counts[name] = n end
    elseif #ctx.problems > 0 and spec.name ~= "meta" then
      skipped[#skipped + 1] = file
    else
      counts[spec.name] = import_file(ctx, spec, file)
    end
  end
  ctx.household_by_code:close()
  ctx.household_by_id:close()
  if #ctx.problems > 0 then
    db:exec("ROLLBACK")
    local total = ctx.finish_problems()
    if ctx.extra > 0 then
      ctx.problems[#ctx.problems + 1] = string.format("... and %d more problems", ctx.extra)
    end
    if #skipped > 0 then
      ctx.problems[#ctx.problems + 1] = string.format("(%s not read: %s has a problem, and nothing is "
        .. "imported in any case)", table.concat(skipped, ", "), files.meta)
    end
    return nil, ctx.problems, total
  end
  db:exec("COMMIT")
  return counts
end

return M
