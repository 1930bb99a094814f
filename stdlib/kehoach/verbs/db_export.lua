-- db_export.lua — `kehoach db export DIR`: the registry as one CSV file per table.
local util = require "kehoach.util"
local tables = require "kehoach.registry.tables"
local export = require "kehoach.registry.export"

local host, store = core.host, core.store

return {
  usage = "kehoach db export DIR [--db FILE]",
  about = "Writes the registry as CSV files in DIR, one per table (" .. table.concat(tables.names(), ", ")
    .. "),\nwith the schema's column names as header, UTF-8, rows in key order. "
    .. "`kehoach db import DIR`\nreads them back into identical tables.",
  args = { "DIR" },
  options = {
    { "db", "FILE", "the household registry (default data/registry.db)" },
  },
  run = function(opts, args)
    local path = opts.db or "data/registry.db"
    local db <close> = store.registry(path, "ro")
    local counts = export.run(db, args[1])
    local parts = {}
    for _, name in ipairs(tables.names()) do
      parts[#parts + 1] = name .. " " .. util.group_digits(counts[name])
    end
    host.ewrite(string.format("%s: exported to %s/: %s\n", path, args[1], table.concat(parts, ", ")))
    return 0
  end,
}
