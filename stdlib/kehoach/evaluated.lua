-- evaluated.lua — a plan loaded and evaluated against a registry in memory, as `kehoach run`
-- evaluates it but keeping nothing: for the commands that read a plan's figures without
-- writing a run (explain, test, new, diff).
--
--   evaluated.plan(path, registry[, opts]) -> p, result, db   the plan, kehoach.evaluate's result
--       and the scratch connection (the caller closes it); or nil after printing the
--       plan's errors, one per line, to stderr
local plan = require "kehoach.plan"
local check = require "kehoach.plan.check"
local evaluate = require "kehoach.evaluate"

local host = core.host

local M = {}

function M.plan(path, registry, opts)
  local p = plan.load(path)
  -- --set, --scenario and --budget as kehoach run applies them (without them, a scenario
  -- file's one scenario)
  opts = opts or {}
  plan.apply_parameters(p, opts.set, opts.scenario, opts.budget)
  local db = evaluate.scratch(p, registry)
  local result = evaluate.evaluate(db, p, 1)
  if check.count(result.messages).error > 0 then
    for _, m in ipairs(result.messages) do
      if m.level == "error" then host.ewrite(check.format(m), "\n") end
    end
    db:close()
    return nil
  end
  return p, result, db
end

return M
