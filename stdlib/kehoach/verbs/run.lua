-- run.lua — `kehoach run PLAN`: the plan against the registry (attached read-only), its
-- allocations, checks and figures into the results database in one transaction, and
-- out/<plan-id>/ (summary.json, allocations.csv, report.md) written atomically; then the
-- terminal summary. A plan with errors writes nothing and exits 1.
local plan = require "kehoach.plan"
local words = require "kehoach.render.messages"
local pipeline = require "kehoach.pipeline"
local report = require "kehoach.render.report"
local documents = require "kehoach.render.documents"
local bar = require "kehoach.render.bar"
local json = require "kehoach.json"

local fs, csv, host = core.fs, core.csv, core.host

local M = {}

local CSV_COLUMNS = { "programme", "commune", "household", "head", "persons", "rank", "status", "units",
  "amount", "source", "period" }

-- UTF-8's byte-order mark: without it Excel on Windows reads the file in the system's code
-- page and garbles every Vietnamese name; kehoach's own CSV reader skips it.
local BOM = "\239\187\191"

-- Streams the run's allocations from the database into the writer w as CSV (UTF-8 with a
-- byte-order mark, for Excel). The records are made in C (db:csv, quoted as csv.encode
-- quotes), many to a string: a list of a national plan's households runs to millions of
-- lines, and a string per line made in SQL took three times what SQLite's shell takes.
local function write_allocations(db, run, w)
  w:write(BOM, csv.encode(CSV_COLUMNS), "\n")
  for text in db:csv("SELECT " .. table.concat(CSV_COLUMNS, ", ") .. " FROM allocations WHERE run = ? ORDER BY rowid",
      run) do
    w:write(text)
  end
end

-- The results database: --results, or results.db in the --out folder, so that a run
-- sent elsewhere leaves nothing in out/.
function M.results_file(opts)
  if opts.results then return opts.results end
  return ((opts.out or "out"):gsub("(.)/+$", "%1")) .. "/results.db"
end

-- Phase 10 of kehoach run (kehoach.pipeline): out/<plan-id>/[<variant>/] written under
-- temporary names, and the terminal's text made; all that can fail comes before the
-- pipeline commits (the workbook flushed when finished). Returns the writers, the folder
-- and the text for stdout.
local function render(r, opts, step, steps)
  local p, sum, db, run = r.plan, r.summary, r.db, r.id
  local out_dir = (opts.out or "out") .. "/" .. p.id .. (p.variant and ("/" .. p.variant) or "")
  fs.mkdir(out_dir)
  fs.sweep(out_dir)  -- what a killed run left under temporary names
  local writers = {
    summary = fs.open(out_dir .. "/summary.json"),
    allocations = fs.open(out_dir .. "/allocations.csv"),
    report = fs.open(out_dir .. "/report.md"),
  }
  writers.summary:write(r.text)
  step(steps - 2, steps, "allocations.csv")
  write_allocations(db, run, writers.allocations)
  writers.report:write(report.markdown(sum))
  step(steps - 1, steps, table.concat(documents.NAMES, ", "))
  local docs = documents.open(out_dir, sum, db, run)
  local files = { writers.summary, writers.allocations, writers.report }
  for _, d in ipairs(docs) do files[#files + 1] = d.writer end
  for _, w in ipairs(files) do
    if w.finish then w:finish() end
  end
  local shown = opts.json and r.text or not opts.quiet and report.terminal(sum) or nil
  return files, out_dir, shown
end

-- Runs the plan at path. opts: db, out, results (paths), standard (a standard table, for
-- tests), set, scenario, budget (see plan.apply_parameters), progress(done, total, what)
-- (for a progress bar), quiet, json (what the terminal is shown). Returns the exit code,
-- the summary, the output folder, the messages, the plan and the text for stdout.
function M.execute(path, opts)
  local step = opts.progress or function() end
  -- the bar's steps: the pipeline's (each support's selection, allocation, projection),
  -- then allocations.csv and the documents
  local r, _, dir, shown = pipeline.run(path, { db = opts.db, set = opts.set, scenario = opts.scenario,
    budget = opts.budget, standard = opts.standard, record = M.results_file(opts),
    progress = function(i, total, id) step(i, total + 2, id) end,
    finish = function(r) return render(r, opts, step, #r.plan.supports + 4) end })
  if r.errors then return 1, nil, nil, r.messages, r.plan end
  return 0, r.summary, dir, r.messages, r.plan, shown
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
    if not opts.quiet or m.level == "error" then host.ewrite(words.format(m), "\n") end
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
  { "db", "FILE", "the household registry (default " .. pipeline.DEFAULT_REGISTRY .. ")" },
  { "out", "DIR", "where the reports go: DIR/<plan-id>/ (default out/)" },
  { "results", "FILE", "the results database (default results.db in the --out folder: out/results.db)" },
  { "quiet", nil, "print nothing but errors (the files say the rest)" },
  { "json", nil, "print the summary (summary.json) on stdout instead of the tables" },
}
for _, o in ipairs(plan.OPTIONS) do M.options[#M.options + 1] = o end
M.run = run

return M
