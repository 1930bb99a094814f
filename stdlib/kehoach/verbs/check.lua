-- check.lua — `kehoach check PLAN`: runs the plan's declarations in the sandbox and
-- reports what is wrong with them, without the registry.
local plan = require "kehoach.plan"

local host = core.host

return {
  usage = "kehoach check PLAN",
  about = "Runs the plan script and checks it without the registry. Errors exit 1;\n" ..
    "warnings alone exit 0.",
  args = { "PLAN" },
  options = {},
  run = function(_, args)
    plan.load(args[1])
    host.ewrite(args[1], ": no errors\n")
    return 0
  end,
}
