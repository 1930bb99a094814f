-- test_registry_docs.lua — docs/registry.md describes the registry's schema as the engine
-- makes it: every table and column of a registry fresh from `db init` (read back from SQLite,
-- not from a list kept beside the schema) has its row, says whether a row must give it and
-- its default, and the 13 indicators say which standards count them. And the doc's tables
-- are the declaration's (kehoach.registry.schema): each column's type, every value of its
-- enumeration and where it is checked, the words of each value, the CSV file of each table.
local t = ...
local standards = require "kehoach.standards"
local tables = require "kehoach.registry.tables"
local declared = require "kehoach.registry.schema"

local T = {}

local DOC = "docs/registry.md"

-- The text of each "### `table`" section, up to the next heading of any level, by table.
local function table_sections(doc)
  local out = {}
  for start, name in doc:gmatch("()\n### `([%w_]+)`\n") do
    local stop = doc:find("\n#", start + 1, true)
    out[name] = doc:sub(start, stop or #doc)
  end
  return out
end

-- The cells of the row "| `column` | ... |" in a section, or nil.
local function row_cells(section, column)
  local line = section:match("\n| `" .. column .. "` |([^\n]*)")
  if not line then return nil end
  local cells = {}
  for cell in line:gmatch("%s*([^|]-)%s*|") do cells[#cells + 1] = cell end
  return cells
end

-- Each table of a new registry, with its columns as PRAGMA table_info gives them.
local function schema()
  local db <close> = core.store.registry(":memory:", "init")
  local tables = {}
  for row in db:rows("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY rowid") do
    local cols = {}
    for c in db:rows("SELECT name, type, \"notnull\" AS not_null, dflt_value, pk FROM pragma_table_info(?) ORDER BY cid",
      row.name) do
      cols[#cols + 1] = c
    end
    tables[#tables + 1] = { name = row.name, columns = cols }
  end
  return tables
end

function T.test_every_table_and_column_of_a_new_registry_is_documented()
  local doc = t.ok(core.fs.read(DOC), DOC .. " is missing")
  local sections = table_sections(doc)
  local registry = schema()
  t.eq(#registry, 7, "the tables of schema v1")
  local missing = {}
  for _, tbl in ipairs(registry) do
    local section = sections[tbl.name]
    if not section then
      missing[#missing + 1] = "### `" .. tbl.name .. "`"
    else
      for _, c in ipairs(tbl.columns) do
        local cells = row_cells(section, c.name)
        local what = tbl.name .. "." .. c.name
        if not cells then
          missing[#missing + 1] = what
        else
          -- | column | type | required | values | meaning |: required says yes exactly when a
          -- row must give the column (db import refuses one without it; SQLite refuses a NOT
          -- NULL column with no default), and names the default when there is one
          local required = cells[2] or ""
          local spec
          for _, col in ipairs((tables.by_name[tbl.name] or { columns = {} }).columns) do
            if col[1] == c.name then spec = col end
          end
          local must = (spec and spec.required) or (c.not_null == 1 and c.dflt_value == nil)
          if must ~= (required:match("^yes") ~= nil) then
            missing[#missing + 1] = what .. ": required is " .. (must and "yes" or "no") .. ", the doc says '" .. required .. "'"
          end
          if c.dflt_value ~= nil and not required:find("default " .. c.dflt_value, 1, true) then
            missing[#missing + 1] = what .. ": default " .. c.dflt_value .. " not stated"
          end
          if (cells[4] or "") == "" then missing[#missing + 1] = what .. ": no meaning" end
        end
      end
    end
  end
  t.eq(missing, {})
end

function T.test_each_indicator_says_which_standards_count_it()
  local surveys = table_sections(t.ok(core.fs.read(DOC), DOC)).surveys
  t.ok(surveys, "### `surveys`")
  local wrong = {}
  local columns = 0
  local columns_of = {}
  for _, tbl in ipairs(schema()) do columns_of[tbl.name] = tbl.columns end
  for _, c in ipairs(columns_of.surveys) do
    if c.name:match("^d_") then
      columns = columns + 1
      local cells = row_cells(surveys, c.name) or {}
      local said = (cells[4] or ""):match("counted by ([%w%-, ]+)$") or ""
      local counted = {}
      for _, name in ipairs(standards.names()) do
        local std = standards.get(name)
        for _, col in ipairs(std.indicators) do
          if col == c.name then counted[#counted + 1] = name end
        end
      end
      if said ~= table.concat(counted, ", ") then
        wrong[#wrong + 1] = string.format("%s: the doc says '%s', the standards count it in '%s'", c.name, said,
          table.concat(counted, ", "))
      end
    end
  end
  t.eq(columns, 13, "the indicators of schema v1")
  t.eq(wrong, {})
end

-- The type column of the doc, for each type of the declaration.
local DOC_TYPE = { text = "text", integer = "integer", flag = "flag", money = "integer", enum = "text",
  date = "text", unit = "text", household = "integer (in CSV: the code)", meta_key = "text", meta_value = "text" }

local NUMBER = { "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve" }

function T.test_the_tables_of_the_doc_are_the_declarations()
  local doc = t.ok(core.fs.read(DOC), DOC)
  local sections = table_sections(doc)
  local wrong = {}
  local function bad(fmt, ...) wrong[#wrong + 1] = string.format(fmt, ...) end
  if not doc:find("\n" .. NUMBER[#declared.tables] .. " tables.", 1, true) then
    bad("the doc should say %s tables.", NUMBER[#declared.tables])
  end
  local csv_section = doc:match("\n## CSV files\n(.-)\n## ") or ""
  for _, tbl in ipairs(declared.tables) do
    local section = sections[tbl.name] or ""
    if not csv_section:find("`" .. tbl.name .. ".csv`", 1, true) then bad("## CSV files: `%s.csv`", tbl.name) end
    for _, c in ipairs(tbl.columns) do
      local what = tbl.name .. "." .. c.name
      local cells = row_cells(section, c.name)
      if not cells then
        bad("%s: no row", what)
      else
        local typ, values, meaning = cells[1], cells[3] or "", cells[4] or ""
        if typ ~= DOC_TYPE[c.type] then bad("%s: type '%s', the declaration's is %s", what, typ, DOC_TYPE[c.type]) end
        if c.type == "flag" and not values:find("^0, 1") then bad("%s: a flag's values are 0, 1", what) end
        if c.type == "enum" then
          for _, v in ipairs(declared.values[c.enum]) do
            if not values:find("`" .. v .. "`", 1, true) then bad("%s: the value `%s` is not listed", what, v) end
            local term = declared.terms[c.enum][v]
            -- in a list of terms the doc may say "hộ" once: "hộ nghèo, cận nghèo, ..."
            if term and not (meaning:find(term, 1, true) or meaning:find(", " .. term:gsub("^hộ ", ""), 1, true)) then
              bad("%s: the words of %s, '%s', are not given", what, v, term)
            end
          end
        end
        if c.on_import and not values:find("on import", 1, true) then bad("%s: checked on import only, which the doc should say", what) end
        if c.on_import and c.min and c.max and not values:find(c.min .. "–" .. c.max, 1, true) then
          bad("%s: %d–%d on import", what, c.min, c.max)
        end
        if c.of then
          local term = declared.terms[c.of][c.name]
          if term and meaning:sub(1, #(term .. " — ")) ~= term .. " — " then bad("%s: its label '%s' first", what, term) end
        end
      end
    end
  end
  t.eq(wrong, {})
end

return T
