-- db_init.lua — `kehoach db init FILE`: an empty registry, schema v1.
local util = require "kehoach.util"

local host, fs, store = core.host, core.fs, core.store

return {
  usage = "kehoach db init FILE",
  about = "Creates an empty household registry (schema v1) in FILE, which must not exist.",
  args = { "FILE" },
  options = {},
  run = function(_, args)
    local path = args[1]
    if fs.exists(path) then
      util.fail("usage", "%s already exists: kehoach db init makes a new registry only", path)
    end
    local db = store.registry(path, "init")
    db:close()
    host.ewrite(path, ": empty registry created (schema v1)\n")
    return 0
  end,
}
