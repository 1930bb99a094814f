-- run.lua — `kehoach run PLAN`: the plan against the registry (opened read-only), results
-- into the results database in one transaction, files into out/<plan-id>/.
local plan = require "kehoach.plan"
local json = require "kehoach.json"

local host, fs, store = core.host, core.fs, core.store

local function run(opts, args)
  local path = args[1]
  local started = host.now()
  local p = plan.load(path)
  local results_path = opts.results or "out/results.db"
  fs.mkdir(results_path:match("^(.*)/[^/]*$") or ".")
  local db = store.results(results_path)
  db:attach_registry(opts.db or "data/registry.db")
  db:exec("BEGIN IMMEDIATE")
  db:run([[INSERT INTO runs(plan_id, plan_path, plan_sha256, registry_path, engine_version,
           parameters, scenario, started_at, finished_at) VALUES (?,?,?,?,?,?,?,?,?)]],
    p.id, path, fs.sha256(path), opts.db or "data/registry.db", host.version(),
    json.encode({ set = opts.set or json.array() }), opts.scenario, started, host.now())
  db:exec("COMMIT")
  db:close()
  return 0
end

return {
  usage = "kehoach run PLAN [--db FILE] [--out DIR] [--results FILE]",
  about = "Runs the plan against the household registry, which is opened read-only, and\n" ..
    "records the run in the results database.",
  args = { "PLAN" },
  options = {
    { "db", "FILE", "the household registry (default data/registry.db)" },
    { "out", "DIR", "where the reports go (default out/)" },
    { "results", "FILE", "the results database (default out/results.db)" },
  },
  run = run,
}
