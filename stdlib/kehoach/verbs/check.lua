-- check.lua — `kehoach check PLAN [--db FILE]`: runs the plan's declarations in the
-- sandbox and reports what is wrong with them: sums that disagree, dates and schedules,
-- unknown sources and agencies, and commune names that look like slips. With --db the
-- commune names are also checked against that registry. Errors exit 1; warnings alone 0.
local plan = require "kehoach.plan"
local check = require "kehoach.plan.check"

local host = core.host

local function run(opts, args)
  local p = plan.load(args[1])
  plan.apply_parameters(p, opts.set, opts.scenario, opts.budget)
  for _, line in ipairs(plan.describe_parameters(p)) do host.ewrite(line, "\n") end
  local list = check.run(p, { registry = opts.db ~= nil })
  if opts.db then
    local evaluate = require "kehoach.evaluate"
    local db = core.store.open(":memory:", "create")
    db:attach_registry(opts.db, "reg")
    local units = evaluate.resolve_units(db, p)
    for _, m in ipairs(units.messages) do list[#list + 1] = m end
    db:close()
    check.sort(list)
  end
  for _, m in ipairs(list) do host.ewrite(check.format(m), "\n") end
  local n = check.count(list)
  host.ewrite(string.format("%s: %d error%s, %d warning%s%s\n", args[1], n.error, n.error == 1 and "" or "s",
    n.warning, n.warning == 1 and "" or "s", opts.db and (", names checked against " .. opts.db) or ""))
  return n.error > 0 and 1 or 0
end

local options = {
  { "db", "FILE", "also check commune names against this registry" },
}
for _, o in ipairs(plan.OPTIONS) do options[#options + 1] = o end

return {
  usage = "kehoach check PLAN [--db FILE] [--set PATH=VALUE]... [--scenario NAME]",
  about = "Runs the plan script and checks it without the registry: targets by quarter and by\n" ..
    "commune against their totals, quotas against stated counts, programme costs against\n" ..
    "the budget lines and the total, dates and schedules, sources, agencies and names.\n" ..
    "Messages read file:line: error|warning: text. Errors exit 1; warnings alone exit 0.",
  args = { "PLAN" },
  options = options,
  run = run,
}
