-- test.lua — `kehoach test PLAN [--db FILE]`: the plan's own regression test. The plan is
-- evaluated as `kehoach run` does (in memory; nothing is written) and each expectation it
-- writes (`expect = { ... }` on supports, targets and the budget; kehoach.plan.expect) is
-- compared with what the registry gives. Each miss is one line at the declaration's plan
-- line; any miss exits 1.
local expect = require "kehoach.plan.expect"
local evaluated = require "kehoach.evaluated"
local run = require "kehoach.verbs.run"

local host = core.host

return {
  usage = "kehoach test PLAN [--db FILE] [--verbose]",
  about = "Checks the expectations the plan writes (expect = { households = 57, persons = 105 }\n" ..
    "on a support; totals on the budget; the rate and the poor on a target) against the\n" ..
    "registry. Each miss is printed as file:line: miss: ...; any miss exits 1, and a plan\n" ..
    "with errors exits 1 too. Nothing is written.",
  args = { "PLAN" },
  options = {
    { "db", "FILE", "the household registry (default " .. run.DEFAULT_REGISTRY .. ")" },
    { "verbose", nil, "also list the expectations that hold" },
  },
  run = function(opts, args)
    local path = args[1]
    local p, result, db = evaluated.plan(path, opts.db or run.DEFAULT_REGISTRY)
    if not p then
      host.ewrite(path, ": the plan has errors; its expectations were not checked\n")
      return 1
    end
    db:close()
    local list = expect.verify(p, result)
    local missed = 0
    for _, e in ipairs(list) do
      local at = e.decl.file .. ":" .. e.decl.line .. ": "
      if not e.holds then
        missed = missed + 1
        host.write(at, "miss: ", e.text, "\n")
      elseif opts.verbose then
        host.write(at, "ok: ", e.text, "\n")
      end
    end
    if #list == 0 then
      host.ewrite(path, ": the plan writes no expectations (expect = { ... } on a support, target or the budget)\n")
      return 0
    end
    host.ewrite(string.format("%s: %d expectation%s, %d held, %d missed\n", path, #list,
      #list == 1 and "" or "s", #list - missed, missed))
    return missed > 0 and 1 or 0
  end,
}
