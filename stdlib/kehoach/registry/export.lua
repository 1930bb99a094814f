-- export.lua — a registry as CSV files, one per table (tables.lua): the header is the
-- schema's column names, rows in key order, NULL as an empty field, a household named by
-- its code. What import reads.
--
--   export.run(db, dir) -> { table = rows written }; the files appear together at the end
--   (each written under a temporary name and moved into place once all are complete). On
--   an error (a damaged registry) nothing is left: no temporary, and none of the folders
--   it made for dir.
local util = require "kehoach.util"
local tables = require "kehoach.registry.tables"

local csv, fs = core.csv, core.fs

local M = {}

-- The SQL function that names a row whose household is missing: called only then (the
-- household's code is NULL where its id is not), it raises a data error.
local MISSING = "kehoach_export_missing_household"

-- The SELECT giving a table's rows as its file holds them: a household column as the
-- household's code, or, when no household has that id, the error MISSING raises.
local function select_sql(spec)
  local cols, joins = {}, {}
  for i, c in ipairs(spec.columns) do
    if c[2] == "household" then
      local h = "h" .. i
      cols[#cols + 1] = string.format("coalesce(%s.code, %s('%s', t.%s))", h, MISSING, spec.name, c[1])
      joins[#joins + 1] = string.format(" LEFT JOIN households %s ON %s.id = t.%s", h, h, c[1])
    else
      cols[#cols + 1] = "t." .. c[1]
    end
  end
  return string.format("SELECT %s FROM %s t%s ORDER BY %s", table.concat(cols, ", "), spec.name,
    table.concat(joins), spec.order)
end

-- The folders fs.mkdir(dir) is about to make, the deepest first.
local function missing_folders(dir)
  local list = {}
  while not fs.exists(dir) and dir ~= "." and dir ~= "/" do
    list[#list + 1] = dir
    dir = util.dirname(dir)
  end
  return list
end

function M.run(db, dir)
  local made = missing_folders(dir)
  fs.mkdir(dir)
  local writers, counts = {}, {}
  local cleanup <close> = setmetatable({}, { __close = function(_, err)
    if err == nil then return end
    for _, w in ipairs(writers) do w:abort() end
    for _, d in ipairs(made) do fs.remove(d) end
  end })
  db:func(MISSING, 2, function(name, id)
    if id == nil then return nil end
    util.fail("data", "%s: a row of %s names the household of id %d, which is not in the registry",
      db:name(), name, id)
  end)
  -- rows written in C (db:csv), many to a string: a loop over values in Lua took three
  -- times what SQLite's own shell takes for the same files (issue 16)
  for _, spec in ipairs(tables.list) do
    local w = fs.open(dir .. "/" .. spec.name .. ".csv")
    writers[#writers + 1] = w
    w:write(csv.encode(tables.column_names(spec)), "\n")
    local n = 0
    for text, records in db:csv(select_sql(spec)) do
      w:write(text)
      n = n + records
    end
    counts[spec.name] = n
  end
  for _, w in ipairs(writers) do w:commit() end
  return counts
end

return M
