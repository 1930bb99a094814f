-- test_registry_docs.lua — docs/registry.md describes the registry's schema as the engine
-- makes it: every table and column of a registry fresh from `db init` (read back from SQLite,
-- not from a list kept beside the schema) has its row, says whether a row must give it and
-- its default, and the 13 indicators say which standards count them.
local t = ...
local standards = require "kehoach.standards"
local tables = require "kehoach.registry.tables"

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

return T
