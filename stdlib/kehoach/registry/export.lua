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

-- The SELECT giving a table's rows as its file holds them: a household column as the
-- household's code, with its id beside (as "<column> id") to name a row whose household
-- is missing.
local function select_sql(spec)
  local cols, joins = {}, {}
  for i, c in ipairs(spec.columns) do
    if c[2] == "household" then
      local h = "h" .. i
      cols[#cols + 1] = string.format("%s.code AS %s, t.%s AS \"%s id\"", h, c[1], c[1], c[1])
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
  for _, spec in ipairs(tables.list) do
    local names = tables.column_names(spec)
    local w = fs.open(dir .. "/" .. spec.name .. ".csv")
    writers[#writers + 1] = w
    w:write(csv.encode(names), "\n")
    local fields, n = {}, 0
    for row in db:rows(select_sql(spec)) do
      for i, c in ipairs(spec.columns) do
        local v = row[c[1]]
        if v == nil and row[c[1] .. " id"] ~= nil then
          util.fail("data", "%s: a row of %s names the household of id %d, which is not in the "
            .. "registry", db:name(), spec.name, row[c[1] .. " id"])
        end
        fields[i] = v == nil and "" or v
      end
      w:write(csv.encode(fields), "\n")
      n = n + 1
    end
    counts[spec.name] = n
  end
  for _, w in ipairs(writers) do w:commit() end
  return counts
end

return M
