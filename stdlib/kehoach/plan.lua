-- plan.lua — the plan language: the declarations a plan script makes, collected into a
-- plan table that the later phases (check, evaluate, project, write, render) read.
-- (The declarations themselves arrive with issue 4; until then a plan may only be Lua.)
local sandbox = require "kehoach.sandbox"

local M = {}

-- Runs the plan script at path (the declare phase) and returns the plan it declared.
function M.load(path)
  local plan = { path = path, declarations = {} }
  local env = sandbox.plan_env({}, path)
  sandbox.run_plan(path, env)
  return plan
end

return M
