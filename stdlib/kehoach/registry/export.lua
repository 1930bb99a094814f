-- export.lua — a registry as CSV files, one per table (tables.lua): the header is the
-- schema's column names, rows in key order, NULL as an empty field. What import reads.
--
--   export.run(db, dir) -> { table = rows written }; the files appear together at the end
--   (each written under a temporary name and moved into place once all are complete)
local tables = require "kehoach.registry.tables"

local csv, fs = core.csv, core.fs

local M = {}

function M.run(db, dir)
  fs.mkdir(dir)
  local writers, counts = {}, {}
  for _, spec in ipairs(tables.list) do
    local names = tables.column_names(spec)
    local w = fs.open(dir .. "/" .. spec.name .. ".csv")
    writers[#writers + 1] = w
    w:write(csv.encode(names), "\n")
    local fields, n = {}, 0
    for row in db:rows(string.format("SELECT %s FROM %s ORDER BY %s", table.concat(names, ", "),
        spec.name, spec.order)) do
      for i, col in ipairs(names) do
        local v = row[col]
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
