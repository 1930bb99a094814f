-- check.lua — `kehoach check PLAN [--db FILE]`: runs the plan's declarations in the
-- sandbox and reports what is wrong with them: sums that disagree, dates and schedules,
-- unknown sources and agencies, and commune names that look like slips. With --db the plan
-- is evaluated as kehoach run would (kehoach.pipeline), writing nothing, for every check
-- run makes: commune names, the rate and year-end figures against the review, quotas the
-- registry cannot fill, costs against the budget lines. Errors exit 1; warnings alone 0.
-- --json prints the messages and their counts as one JSON document on stdout; --quiet
-- prints the errors only.
local plan = require "kehoach.plan"
local check = require "kehoach.plan.check"
local words = require "kehoach.render.messages"
local summary = require "kehoach.summary"
local json = require "kehoach.json"
local pipeline = require "kehoach.pipeline"

local host = core.host

-- The messages of kehoach check for the loaded plan p (its parameters applied), worded:
-- without a registry, kehoach.plan.check's; with one (db, a path), every check kehoach run
-- makes, through the same pipeline (kehoach.pipeline): the static ones, then the
-- registry's (names, the rate and the year's end, quotas, stated counts, costs against
-- the lines). Nothing is recorded or written.
local function messages(p, db)
  p.registry_file = db  -- a standard of the user's own may be beside it
  local list
  if db then
    list = pipeline.run(p, { db = db, project = false }).messages or {}
  else
    list = check.run(p, { registry = false })
  end
  return words.word(list)
end

local function run(opts, args)
  local p = plan.load(args[1])
  plan.apply_parameters(p, opts.set, opts.scenario, opts.budget)
  if not opts.quiet then
    for _, line in ipairs(plan.describe_parameters(p)) do host.ewrite(line, "\n") end
  end
  local list = messages(p, opts.db)
  for _, m in ipairs(list) do
    if not opts.quiet or m.level == "error" then host.ewrite(words.format(m), "\n") end
  end
  local n = check.count(list)
  if opts.json then
    host.write(json.encode({ plan = p.id, path = args[1], checks = summary.checks(list), counts = n,
      names_checked = opts.db or json.null, parameters = p.parameters }, "  "), "\n")
  end
  if not opts.quiet then
    host.ewrite(string.format("%s: %d error%s, %d warning%s%s\n", args[1], n.error, n.error == 1 and "" or "s",
      n.warning, n.warning == 1 and "" or "s", opts.db and (", names checked against " .. opts.db) or ""))
  end
  return n.error > 0 and 1 or 0
end

local options = {
  { "db", "FILE", "also make the registry's checks, as run does, against this registry (nothing is written)" },
  { "quiet", nil, "print the errors only (not the warnings, nor the count)" },
  { "json", nil, "print the messages and their counts as JSON on stdout" },
}
for _, o in ipairs(plan.OPTIONS) do options[#options + 1] = o end

return {
  usage = "kehoach check PLAN [--db FILE] [--set PATH=VALUE]... [--scenario NAME] [--budget MODE] [--quiet] [--json]",
  about = "Runs the plan script and checks it without the registry: targets by quarter and by\n" ..
    "commune against their totals, quotas against stated counts, programme costs against\n" ..
    "the budget lines and the total, dates and schedules, sources, agencies and names.\n" ..
    "Messages read file:line: error|warning: text, on stderr. Errors exit 1; warnings alone\n" ..
    "exit 0, with --json too.",
  args = { "PLAN" },
  options = options,
  run = run,
  messages = messages,
}
