-- sheet.lua — household lists as offices have them (Excel workbooks, or CSV files with their
-- own headers) read through a mapping (mapping.lua), as the rows of households, surveys and
-- persons that import.lua checks and inserts, all or nothing.
--
--   sheet.source(paths, mapping, opts) -> a source for import.run's files:
--     files = { households = src, surveys = src, persons = src }
--     opts: { year = Y (the review's year when the mapping gives none) }
--   src:each(specs, ctx, fn [, loaders])
--                             calls fn(spec, raws, where, label) for each row of each table
--                             of specs (in their order, row by row): raws by the table's
--                             column index, where naming each column's cell ({ at = "row
--                             12", income = "F12" }), label "FILE, sheet NAME". With the
--                             tables' loaders (core.load, by table name), a workbook's rows
--                             whose values are plainly good go to them in C instead, never
--                             made Lua values (core.sheet's plan); returns { table = rows
--                             loaded so }
--   src.matched, src.new      households already in the registry (by code), and those added
--   src.skipped               the hidden sheets, not read
--
-- One pass over the files gives every table, so a sheet is read once and never held whole:
-- each row its household first (parents before children, as import.lua loads tables), then
-- its survey and its persons. Each sheet's layout — which rows are the header, which
-- column is which field — is found as its first rows are read. A household whose code is already in the registry
-- is matched, not added: its survey and persons are (a new year's review of the same
-- households); the persons of a household matched are not added again.
local util = require "kehoach.util"
local tables = require "kehoach.registry.tables"
local schema = require "kehoach.registry.schema"
local mapping = require "kehoach.registry.mapping"

local csv, text, core_sheet = core.csv, core.text, core.sheet

local M = {}

local MAX_HEADER_SEARCH = 30

local function quote(v)
  return "'" .. v .. "'"
end

local function basename(path)
  return path:match("([^/]*)$")
end

-- The rows of one sheet: for cells, r in rows — cells by column number, text only.
local function csv_rows(reader)
  local iter, state = reader:rows()
  return function()
    local fields, r = iter(state)
    if not fields then return nil end
    local cells = {}
    for i, f in ipairs(fields) do
      if not f:match("^%s*$") then cells[i] = f end
    end
    if r == 1 and cells[1] then cells[1] = cells[1]:gsub("^\239\187\191", "") end
    return cells, r
  end
end

-- A row of column numbers under the header: "(1)", "(2)", ... or 1, 2, 3 from the first.
local function numbering(cells)
  local prev, any = nil, false
  for col = 1, 16384 do
    local v = cells[col]
    if v then
      local n = tonumber(v:match("^%s*%(?(%d+)%)?%s*$"))
      if not n or (prev and n ~= prev + 1) then return false end
      prev, any = n, true
    elseif next(cells, nil) == nil then
      break
    end
    if prev and col > 200 then break end
  end
  return any
end

local function first_text(cells)
  local best
  for col, v in pairs(cells) do
    if not best or col < best then best = col end
  end
  return best and cells[best]
end

-- ---- the layout of a sheet ---------------------------------------------------------------

-- Finds the header in the rows held so far. Returns the layout, nil to read more rows, or
-- false when there is none (the problem reported).
local function find_layout(src, ctx, label, held, merges_of, final)
  local m = src.mapping
  local code = m.columns.code
  local first
  if m.header_row then
    first = m.header_row
  else
    for _, h in ipairs(held) do
      for _, v in pairs(h.cells) do
        if mapping.key(v) == code.header then
          first = h.r
          break
        end
      end
      if first then break end
    end
    if not first then
      if final or #held >= MAX_HEADER_SEARCH then
        ctx.problem(label, nil, nil, "no header %s in the first %d rows with a value (the mapping %s "
          .. "finds the header by the code's column; a sheet without households, a summary, can be "
          .. "hidden in Excel: hidden sheets are not read)", quote(code.text), #held, m.path)
        return false
      end
      return nil
    end
  end
  local code_col = code.col
  if not code_col then
    for _, h in ipairs(held) do
      if h.r == first then
        for col, v in pairs(h.cells) do
          if mapping.key(v) == code.header then code_col = col end
        end
      end
    end
  end
  local last
  if m.header then
    last = first + m.header - 1
    if not final and held[#held].r < last then return nil end
  else
    for _, h in ipairs(held) do
      if h.r > first and code_col and h.cells[code_col] and not numbering(h.cells) then
        last = h.r - 1
        break
      end
    end
    if not last then
      if not final then return nil end
      last = first
    end
    last = math.min(last, first + 2)
  end
  -- the header's text by column, merged cells spread over their range
  local texts = {}
  local function add(col, v)
    local key = mapping.key(v)
    texts[col] = texts[col] or {}
    texts[col][#texts[col] + 1] = key
  end
  local at = {}
  for _, h in ipairs(held) do
    if h.r >= first and h.r <= last then
      at[h.r] = h.cells
      for col, v in pairs(h.cells) do add(col, v) end
    end
  end
  for _, g in ipairs(merges_of(last)) do
    local v = at[g[1]] and at[g[1]][g[2]]
    if v and g[3] >= first then
      for col = g[2], g[4] do
        if col ~= g[2] then add(col, v) end
      end
    end
  end
  local layout = { first = first, last = last, cols = {}, label = label }
  local problem = false
  for _, field in ipairs(util.sorted_keys(m.columns)) do
    local s = m.columns[field]
    if s.col then
      layout.cols[field] = s.col
    else
      local found = {}
      for col, keys in pairs(texts) do
        for _, k in ipairs(keys) do
          if k == s.header then
            found[#found + 1] = col
            break
          end
        end
      end
      table.sort(found)
      if #found == 1 then
        layout.cols[field] = found[1]
      elseif #found == 0 then
        ctx.problem(label, nil, nil, "no column headed %s in rows %d to %d (for %s in %s)", quote(s.text),
          first, last, field, m.path)
        problem = true
      else
        local letters = {}
        for i, col in ipairs(found) do letters[i] = core_sheet.ref(first, col):match("^%u+") end
        ctx.problem(label, nil, nil, "%s heads %d columns (%s): give %s by letter in %s ({ letter = \"%s\" })",
          quote(s.text), #found, table.concat(letters, ", "), field, m.path, letters[1])
        problem = true
      end
    end
  end
  return not problem and layout or false
end

-- ---- the rows of each table --------------------------------------------------------------

-- A mark as a flag: "1", "0", or the text itself when it says neither. Remembered by text:
-- a list holds the same few marks thousands of times.
local function mark(src, v)
  if v == nil then return "0" end
  local known = src.marks[v]
  if known then return known end
  local k = mapping.key(v)
  known = src.mapping.yes[k] and "1" or src.mapping.no[k] and "0" or v
  if #v <= 32 then src.marks[v] = known end
  return known
end

-- A status in words as the status it says (or the words, refused later), remembered by text.
local function status(src, v)
  local known = src.statuses[v]
  if not known then
    known = src.mapping.status[mapping.key(v)] or v
    if #v <= 64 then src.statuses[v] = known end
  end
  return known
end

-- Column index by name, for each table.
local INDEX = {}
for _, spec in ipairs(tables.list) do
  INDEX[spec.name] = {}
  for i, c in ipairs(spec.columns) do INDEX[spec.name][c[1]] = i end
end

-- The cell a row's problem in a column names ("F12"), made only when a problem names one
-- (most rows have none): where = { at = "row 12", r = 12, layout = }, the column's field
-- by the mapping's name (household: the code, unit: the commune, status: where.status_field
-- or the status); a column with no cell is nil, and the problem names the row.
local FIELD_OF = { household = "code", unit = "commune" }
local WHERE = { __index = function(where, column)
  local field = column == "status" and where.status_field or FIELD_OF[column] or column
  local col = where.layout.cols[field]
  return col and where.layout.ref(where.r, col) or nil
end }

-- What the row gives for table tname: raws by column index, or nil to give nothing.
local function table_row(src, ctx, tname, layout, cells, r, where)
  local m, cols = src.mapping, layout.cols
  local code = cols.code and cells[cols.code] or ""
  local raws, index = {}, INDEX[tname]
  if tname == "households" then
    local commune
    if m.commune == "sheet" then
      commune, where.unit = layout.commune, "the sheet's name"
    else
      commune = cols.commune and cells[cols.commune]
    end
    -- a code in the registry before the import is matched, the first time; one this import
    -- added, or matched already, is given again, and refused as taken. Nothing is kept in
    -- Lua by code: a list of millions is read within the same memory as one of ten.
    local known = code ~= "" and src.known(code)
    if known and known.id <= src.before then
      if src.match:run(code) == 1 then
        -- the same household: in the same commune, or the list is not what it seems
        src.matched = src.matched + 1
        if commune and commune ~= known.unit and mapping.key(commune) ~= mapping.key(known.name) then
          ctx.problem(layout.label, where, "unit", "the household %s is in %s (%s) in the registry, not %s",
            code, known.name, known.unit, quote(commune))
        end
        return nil
      end
    elseif not known and code ~= "" then
      src.new = src.new + 1
      where.fresh = true                       -- its members follow (person_rows)
    end
    raws[index.code] = code
    raws[index.unit] = commune
    raws[index.village] = cols.village and cells[cols.village]
    raws[index.head] = cols.head and cells[cols.head]
    if cols.ethnic_minority then raws[index.ethnic_minority] = mark(src, cells[cols.ethnic_minority]) end
    return raws
  end
  if code == "" then return nil end           -- refused as a household already
  if tname == "surveys" then
    raws[index.household] = code
    raws[index.year] = src.year and tostring(src.year) or cols.year and cells[cols.year]
    raws[index.income] = cols.income and cells[cols.income]
    for _, d in ipairs(schema.values.indicator) do
      if cols[d] then raws[index[d]] = mark(src, cells[cols[d]]) end
    end
    if cols.status then
      local v = cells[cols.status]
      raws[index.status] = v and status(src, v)
    elseif cols.poor or cols.near_poor then
      -- a mark neither yes nor no is refused as the status it fails to say
      local p = cols.poor and mark(src, cells[cols.poor]) or "0"
      local n = cols.near_poor and mark(src, cells[cols.near_poor]) or "0"
      local odd = (p ~= "1" and p ~= "0") and p or (n ~= "1" and n ~= "0") and n
      raws[index.status] = odd or (p == "1" and n == "1") and "poor and near_poor" or p == "1" and "poor"
        or n == "1" and "near_poor" or nil
      where.status_field = (odd == p or p == "1") and "poor" or "near_poor"
    end
    if cols.unable_to_escape then raws[index.unable_to_escape] = mark(src, cells[cols.unable_to_escape]) end
    return raws
  end
  return raws
end

-- A row of a list of persons (mapping rows = "persons"): the person, naming the household.
local function person_row(src, layout, cells)
  local m, cols, raws, index = src.mapping, layout.cols, {}, INDEX.persons
  for field, kind in pairs(mapping.PERSON_FIELDS) do
    local col = cols[field]
    if col then
      local v = cells[col]
      if kind == "mark" then v = mark(src, v)
      elseif kind == "sex" and v then v = m.sex[mapping.key(v)] or v end
      raws[index[field == "code" and "household" or field]] = v
    end
  end
  return raws
end

-- The plan by which core.sheet loads in C the rows of a sheet whose values are plainly good
-- (lua_sheet.c says how): for each table, where each column's value comes from, as
-- table_row and person_rows take it. The words of marks and statuses are turned into values
-- by the same functions, once per text; a text they do not know, and any row with a
-- problem, is Lua's. nil when the mapping asks for what only Lua does.
local function plan(src, ctx, layout, specs, loaders)
  local m, cols = src.mapping, layout.cols
  if m.rows == "persons" or cols.poor or cols.near_poor or not cols.code then return nil end
  local function as_mark(v)
    local k = mark(src, v)
    return (k == "1" or k == "0") and k or nil
  end
  local function marked(col) return col and { col = col, word = as_mark, absent = "0" } end
  local function cell(col) return col and { col = col } end
  local p = { db = src.db, code = cols.code, last = layout.last, before = src.before, tables = {} }
  for _, spec in ipairs(specs) do
    local index, c = INDEX[spec.name], {}
    local t = { loader = loaders[spec.name], name = spec.name, width = #spec.columns, columns = c }
    if not t.loader then return nil end
    if spec.name == "households" then
      c[index.code] = cell(cols.code)
      if m.commune == "sheet" then
        local name = text.nfc(layout.commune) or layout.commune
        c[index.unit] = { value = ctx.commune(name) or name }
      else
        c[index.unit] = cell(cols.commune)
      end
      c[index.village], c[index.head] = cell(cols.village), cell(cols.head)
      c[index.ethnic_minority] = marked(cols.ethnic_minority)
    elseif spec.name == "surveys" then
      c[index.household] = { fresh = true }
      c[index.year] = src.year and { value = tostring(src.year) } or cell(cols.year)
      c[index.income] = cell(cols.income)
      for _, d in ipairs(schema.values.indicator) do c[index[d]] = marked(cols[d]) end
      c[index.status] = cols.status and { col = cols.status, word = function(v) return status(src, v) end }
      c[index.unable_to_escape] = marked(cols.unable_to_escape)
    elseif spec.name == "persons" and cols.persons then
      c[index.household], t.count = { fresh = true }, cols.persons
    else
      return nil
    end
    p.tables[#p.tables + 1] = t
  end
  return p.tables[1] and p.tables[1].name == "households" and p or nil
end

-- Reads one sheet (or CSV file) and gives each data row to row(cells, r, layout); with
-- attach, attach(reader, layout) once the layout is known, and attach(reader) at the end.
local function read_sheet(src, ctx, label, key, open_rows, merges_of, commune, row, attach)
  local layout = src.layouts[key]
  if layout == false then return end
  local held = not layout and {} or nil
  local function data(cells, r)
    if r <= layout.last or next(cells) == nil or numbering(cells) then return end
    local code = layout.cols.code and cells[layout.cols.code]
    if not code then
      local first = first_text(cells)
      local k = first and mapping.key(first) or ""
      for _, w in ipairs(src.mapping.skip) do
        if k:sub(1, #w) == w then return end
      end
    end
    row(cells, r, layout)
  end
  local iter, reader, init, closing = open_rows()
  if layout and attach then attach(reader, layout) end
  for cells, r in iter, reader, init, closing do
    if layout then
      data(cells, r)
    else
      held[#held + 1] = { cells = cells, r = r }
      layout = find_layout(src, ctx, label, held, merges_of, false)
      if layout == false then
        src.layouts[key] = false
        return
      elseif layout then
        layout.commune = commune
        layout.ref = src.ref
        src.layouts[key] = layout
        for _, h in ipairs(held) do data(h.cells, h.r) end
        held = nil
        if attach then attach(reader, layout) end
      end
    end
  end
  if attach then attach(reader) end
  if not layout then
    layout = find_layout(src, ctx, label, held, merges_of, true)
    src.layouts[key] = layout
    if layout then
      layout.commune, layout.ref = commune, src.ref
      for _, h in ipairs(held) do data(h.cells, h.r) end
    end
  end
end

local source = {}
source.__index = source

-- Every sheet of every file, each data row given to row(cells, r, layout).
function source:each_row(ctx, row)
  for _, path in ipairs(self.paths) do
    local name = basename(path)
    if path:lower():match("%.xlsx$") or path:lower():match("%.xlsm$") then
      local wb <close> = core_sheet.open(path, name)
      self.ref = core_sheet.ref
      for i, s in ipairs(wb:sheets()) do
        if s.state ~= "visible" then
          self.hidden[name .. ", sheet " .. s.name] = true
        else
          local label = name .. ", sheet " .. s.name
          read_sheet(self, ctx, label, path .. "\0" .. i, function() return wb:rows(i) end,
            function(last) return wb:merges(i, last) end, s.name, row, self.loaders and function(reader, layout)
              self:attach(ctx, reader, layout)
            end)
        end
      end
    else
      local reader <close> = csv.open(path)
      self.ref = core_sheet.ref   -- as the spreadsheet the officer opens it in says
      read_sheet(self, ctx, name, path, function() return csv_rows(reader) end, function() return {} end,
        (name:gsub("%.[cC][sS][vV]$", "")), row)
    end
  end
end

-- Gives a sheet's reader the plan of its layout (when there is one), or at the end
-- (layout nil) counts what the plan loaded: its households are new ones.
function source:attach(ctx, reader, layout)
  if layout then
    local p = plan(self, ctx, layout, self.specs, self.loaders)
    if p then reader:load(p) end
    self.plans[reader] = p
    return
  end
  local p = self.plans[reader]
  if not p then return end
  self.plans[reader] = nil
  for i, n in ipairs(reader:loaded()) do
    local name = p.tables[i].name
    self.loaded[name] = (self.loaded[name] or 0) + n
    if name == "households" then self.new = self.new + n end
  end
end

-- The members of a household new on this row, as many as its row counts: each a persons
-- row naming it.
local function person_rows(ctx, spec, layout, cells, r, where, fn)
  local v = layout.cols.persons and cells[layout.cols.persons]
  local code = layout.cols.code and cells[layout.cols.code]
  if not v or not code or not where.fresh then return end
  local ref = layout.ref(r, layout.cols.persons)
  local n = math.tointeger(tonumber(v))
  if not n or n < 0 or n > 99 then
    ctx.problem(layout.label, { persons = ref }, "persons", "%s is not a number of persons (a whole "
      .. "number from 0 to 99)", quote(v))
    return
  end
  local hidx = INDEX.persons.household
  for _ = 1, n do fn(spec, { [hidx] = code }, { at = ref, household = ref }, layout.label) end
end

-- One pass over the files for every table: each row gives its household first, then its
-- review and its members, so a row's children follow their parent.
function source:each(specs, ctx, fn, loaders)
  self.specs, self.loaders, self.loaded, self.plans = specs, loaders, {}, {}
  self.known = self.known or function(code)
    local iter, state = self.lookup:rows(code)
    return iter(state)
  end
  self:each_row(ctx, function(cells, r, layout)
    local where = setmetatable({ at = "row " .. r, r = r, layout = layout }, WHERE)
    for _, spec in ipairs(specs) do
      if self.mapping.rows == "persons" then
        fn(spec, person_row(self, layout, cells), where, layout.label)
      elseif spec.name == "persons" then
        person_rows(ctx, spec, layout, cells, r, where, fn)
      else
        local raws = table_row(self, ctx, spec.name, layout, cells, r, where)
        if raws then fn(spec, raws, where, layout.label) end
      end
    end
  end)
  local skipped = util.sorted_keys(self.hidden)
  self.skipped = skipped
  return self.loaded
end

-- Which tables the mapping fills.
function M.tables(m)
  if m.rows == "persons" then return { persons = true } end
  local t = { households = true }
  for field in pairs(m.columns) do t[mapping.FIELDS[field][1]] = true end
  return t
end

function M.source(paths, m, opts, db)
  local src = setmetatable({ paths = paths, mapping = m, year = m.year or opts.year, layouts = {},
    matched = 0, new = 0, hidden = {}, skipped = {}, marks = {}, statuses = {} }, source)
  src.lookup = db:prepare("SELECT h.id AS id, h.unit AS unit, coalesce(u.name, h.unit) AS name FROM households h "
    .. "LEFT JOIN units u ON u.code = h.unit WHERE h.code = ?")
  -- the households there before the import (SQLite numbers the new ones after them), and
  -- the codes matched so far, on SQLite's side
  src.before = db:value("SELECT coalesce(max(id), 0) FROM households")
  db:exec("CREATE TEMP TABLE IF NOT EXISTS import_matched(code TEXT PRIMARY KEY); DELETE FROM temp.import_matched")
  src.match = db:prepare("INSERT OR IGNORE INTO temp.import_matched(code) VALUES (?)")
  src.db = db
  src.name = basename(paths[1])
  return src
end

function M.close(src)
  src.lookup:close()
  src.match:close()
  src.db:exec("DROP TABLE IF EXISTS temp.import_matched")
end

return M
