-- run.lua — `kehoach run PLAN`: the plan against the registry (attached read-only), its
-- allocations, checks and figures into the results database in one transaction, and
-- out/<plan-id>/ (summary.json, allocations.csv, report.md) written atomically; then the
-- terminal summary. A plan with errors writes nothing and exits 1.
local plan = require "kehoach.plan"
local check = require "kehoach.plan.check"
local evaluate = require "kehoach.evaluate"
local summary = require "kehoach.summary"
local report = require "kehoach.render.report"
local documents = require "kehoach.render.documents"
local bar = require "kehoach.render.bar"
local json = require "kehoach.json"
local util = require "kehoach.util"

local host, fs, store, csv = core.host, core.fs, core.store, core.csv

local M = {}

M.DEFAULT_REGISTRY = "data/registry.db"

local dirname = util.dirname

local CSV_COLUMNS = { "programme", "commune", "household", "head", "persons", "rank", "status", "units",
  "amount", "source", "period" }

-- Streams the run's allocations from the database into the writer w as CSV.
local function write_allocations(db, run, w)
  w:write(csv.encode(CSV_COLUMNS), "\n")
  local fields = {}
  for r in db:rows([[SELECT programme, commune, household, head, persons, rank, status, units, amount,
      source, period FROM allocations WHERE run = ? ORDER BY rowid]], run) do
    for i, c in ipairs(CSV_COLUMNS) do
      local v = r[c]
      fields[i] = v == nil and "" or tostring(v)
    end
    w:write(csv.encode(fields), "\n")
  end
end

local function record(db, run, s, messages)
  local ins = db:prepare("INSERT INTO checks(run, level, code, message, file, line) VALUES (?, ?, ?, ?, ?, ?)")
  for _, m in ipairs(messages) do ins:run(run, m.level, m.code, m.message, m.file, m.line) end
  ins:close()
  ins = db:prepare("INSERT INTO figures(run, path, value) VALUES (?, ?, ?)")
  for _, f in ipairs(summary.figures(s)) do ins:run(run, f[1], f[2]) end
  ins:close()
end

-- Runs the plan at path. opts: db, out, results (paths), standard (a standard table, for
-- tests), set, scenario, budget (see plan.apply_parameters), progress(done, total, what)
-- (for a progress bar), quiet, json (what the terminal is shown). Returns the exit code,
-- the summary, the output folder, the messages, the plan and the text for stdout.
-- The results database: --results, or results.db in the --out folder, so that a run
-- sent elsewhere leaves nothing in out/.
function M.results_file(opts)
  if opts.results then return opts.results end
  return ((opts.out or "out"):gsub("(.)/+$", "%1")) .. "/results.db"
end

function M.execute(path, opts)
  local started = host.now()
  local p = plan.load(path)
  plan.apply_parameters(p, opts.set, opts.scenario, opts.budget)
  local messages = {}
  local registry = opts.db or M.DEFAULT_REGISTRY
  local results_path = M.results_file(opts)
  fs.mkdir(dirname(results_path))
  local db, moved = store.results(results_path)
  if moved then
    host.ewrite(string.format("%s was written by an older kehoach: kept as %s, and a new one started\n",
      results_path, moved))
  end
  db:attach_registry(registry, "reg")
  db:exec("BEGIN IMMEDIATE")
  local committed = false
  local ok, code, s, dir, shown = pcall(function()
    db:run([[INSERT INTO runs(plan_id, plan_path, plan_sha256, registry_path, registry_year, standard,
             engine_version, parameters, scenario, budget_mode, started_at, finished_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)]],
      p.id, p.path, fs.sha256(p.path), registry, p.registry_year, p.meta.standard, host.version(),
      json.encode(p.parameters), p.parameters.scenario ~= json.null and p.parameters.scenario.id or nil,
      p.budget_mode, started, started)
    local run = db:value("SELECT last_insert_rowid()")
    local step = opts.progress or function() end
    local steps = #p.supports + 4  -- selection of each support, allocation, projection, files
    local result = evaluate.evaluate(db, p, run, { standard = opts.standard,
      progress = function(i, _, id) step(i, steps, id) end })
    messages = result.messages
    if check.count(messages).error > 0 then return 1 end
    local sum = summary.build(p, result, messages)
    record(db, run, sum, messages)
    host.budget()  -- the write phase: a new instruction window, as each phase gets
    local out_dir = (opts.out or "out") .. "/" .. p.id .. (p.variant and ("/" .. p.variant) or "")
    fs.mkdir(out_dir)
    fs.sweep(out_dir)  -- what a killed run left under temporary names
    local text = json.encode(sum, "  ") .. "\n"
    db:run("UPDATE runs SET finished_at = ?, summary = ? WHERE id = ?", host.now(), text, run)
    local writers = {
      summary = fs.open(out_dir .. "/summary.json"),
      allocations = fs.open(out_dir .. "/allocations.csv"),
      report = fs.open(out_dir .. "/report.md"),
    }
    writers.summary:write(text)
    step(steps - 2, steps, "allocations.csv")
    write_allocations(db, run, writers.allocations)
    writers.report:write(report.markdown(sum))
    step(steps - 1, steps, table.concat(documents.NAMES, ", "))
    local docs = documents.open(out_dir, sum, db, run)
    -- All that can fail comes before COMMIT: files flushed to the disk under temporary
    -- names (the workbook when closed), the terminal text made. After it only renames
    -- are left, and should anything still fail, the error says what was already done.
    local files = { writers.summary, writers.allocations, writers.report }
    for _, d in ipairs(docs) do files[#files + 1] = d.writer end
    for _, w in ipairs(files) do
      if w.finish then w:finish() end
    end
    local shown = opts.json and text or not opts.quiet and report.terminal(sum) or nil
    local done = string.format("The run was recorded in %s as run %d", results_path, run)
    db:commit(done .. "; its files in " .. out_dir .. "/ may be from an earlier run: run the plan again.")
    committed = true
    fs.commit(files, done .. ", and its files written to " .. out_dir .. "/.")
    return 0, sum, out_dir, shown
  end)
  if not committed then db:rollback() end
  db:close()
  if not ok then error(code, 0) end
  return code, s, dir, messages, p, shown
end

local function run(opts, args)
  local b <close> = bar.new("kehoach run", { quiet = opts.quiet or opts.json })
  opts.progress = function(done, total, what) b:update(done, total, what) end
  local code, s, dir, messages, p, shown = M.execute(args[1], opts)
  b:finish()
  if not opts.quiet then
    for _, line in ipairs(plan.describe_parameters(p)) do host.ewrite(line, "\n") end
  end
  for _, m in ipairs(messages) do
    if not opts.quiet or m.level == "error" then host.ewrite(check.format(m), "\n") end
  end
  if code ~= 0 then
    host.ewrite(args[1], ": the plan has errors; nothing was written\n")
    return code
  end
  if shown then host.write(shown) end
  if not opts.json and not opts.quiet then
    host.ewrite(string.format("written: %s/summary.json, allocations.csv, report.md, %s; results in %s\n", dir,
      table.concat(documents.NAMES, ", "), M.results_file(opts)))
  end
  return 0
end

M.usage = "kehoach run PLAN [--db FILE] [--out DIR] [--results FILE] [--set PATH=VALUE]... [--scenario NAME] [--budget MODE] [--quiet] [--json]"
M.about = "Runs the plan against the household registry, which is opened read-only: chooses the\n" ..
  "households for each support (by quota and priority, with waiting lists), costs it by\n" ..
  "funding source, checks it against the registry, records the run in the results\n" ..
  "database (results.db in the --out folder) in one transaction and writes into\n" ..
  "out/<plan-id>/ summary.json, allocations.csv, report.md, report.html, report.xlsx and\n" ..
  "calendar.ics. A plan with errors writes nothing and exits 1. With --set or --scenario the\n" ..
  "plan's values are changed first (the file is not) and the reports go to\n" ..
  "out/<plan-id>/<scenario>/ (\"set\" for --set alone)."
M.args = { "PLAN" }
M.options = {
  { "db", "FILE", "the household registry (default " .. M.DEFAULT_REGISTRY .. ")" },
  { "out", "DIR", "where the reports go: DIR/<plan-id>/ (default out/)" },
  { "results", "FILE", "the results database (default results.db in the --out folder: out/results.db)" },
  { "quiet", nil, "print nothing but errors (the files say the rest)" },
  { "json", nil, "print the summary (summary.json) on stdout instead of the tables" },
}
for _, o in ipairs(plan.OPTIONS) do M.options[#M.options + 1] = o end
M.run = run

return M
