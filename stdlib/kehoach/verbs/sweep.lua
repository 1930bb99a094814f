-- sweep.lua — `kehoach sweep PLAN --vary PATH=FROM:TO:STEP`: the plan evaluated for each
-- value of one path (see kehoach.sweep), one row per value: cost, each source's gap,
-- households reached, projected escapes, poor households and rate at year end, and how
-- far each target falls short. Prints the table and writes sweep.csv and sweep.svg (two
-- line charts: cost and gaps; poor households and shortfalls) into out/<plan-id>/ (or the
-- scenario's folder), both or neither. The results database is not touched.
local plan = require "kehoach.plan"
local words = require "kehoach.render.messages"
local sweep = require "kehoach.sweep"
local render = require "kehoach.render.sweep"
local json = require "kehoach.json"
local util = require "kehoach.util"
local pipeline = require "kehoach.pipeline"

local host, fs, csv = core.host, core.fs, core.csv

local M = {}

-- What --json prints: the varied path and its range, how often each stage was done, and
-- the rows (sweep.csv's figures, gaps and shortfalls keyed by source and target).
local function document(sw, rows)
  local out = json.array()
  for i, r in ipairs(rows) do
    out[i] = { value = r.value, cost = r.cost, need = r.need, households = r.households, persons = r.persons,
      gap = r.gap, escapes = r.escapes, poor = r.poor, rate = r.rate, short = sw.projects and r.short or nil,
      warnings = r.warnings }
  end
  return { plan = sw.plan, path = sw.path, from = sw.from, to = sw.to, step = sw.step,
    sources = json.array(sw.sources), targets = json.array(sw.targets), stages = sw.stages, rows = out }
end

function M.execute(path, opts)
  local rows, sw, p = sweep.run(path, opts)
  if not rows then
    local value, messages = sw, p
    words.write_errors(messages)
    host.ewrite(string.format("%s: the plan has errors with %s = %s; nothing was written\n", path,
      opts.vary:match("^[^=]*"), tostring(value)))
    return 1
  end
  host.budget()
  sw.axis, sw.what = render.axis(p, sw.entry), render.what(p, sw.entry)
  local dir = (opts.out or "out") .. "/" .. sw.plan.id .. (p.variant and ("/" .. p.variant) or "")
  fs.mkdir(dir)
  local w_csv, w_svg = fs.open(dir .. "/sweep.csv"), fs.open(dir .. "/sweep.svg")
  w_csv:write(csv.encode(sweep.columns(sw)), "\n")
  for _, r in ipairs(rows) do w_csv:write(csv.encode(sweep.fields(sw, r)), "\n") end
  w_svg:write(render.chart(sw, rows))
  w_csv:commit()
  w_svg:commit()
  return 0, rows, sw, dir
end

M.usage = "kehoach sweep PLAN --vary PATH=FROM:TO:STEP [--set PATH=VALUE]... [--scenario NAME] [--budget MODE] [--db FILE] [--out DIR] [--quiet] [--json]"
M.about = "Evaluates the plan for each value of one path, from FROM to TO by STEP (read as the path's\n" ..
  "kind: tro_cap.amount=250000:400000:10000, vay_von.quota.COMMUNE=39:46:1), and prints one\n" ..
  "row per value: cost, each source's gap, households reached, projected escapes, poor households\n" ..
  "and rate at year end, and how far each target falls short. What the value cannot change is\n" ..
  "computed once: the selection always; the allocation (who is chosen) unless a quota is varied;\n" ..
  "the projection when only amounts or budget lines change under --budget gap. The last line\n" ..
  "says how often each was done (--json: \"stages\", whose keys prepare, choose, price and\n" ..
  "project are the selection, allocation, pricing and projection). Writes sweep.csv and\n" ..
  "sweep.svg into out/<plan-id>/; the results database is not touched."
M.args = { "PLAN" }
M.options = {
  { "vary", "PATH=FROM:TO:STEP", "the value to vary, and its range" },
  { "db", "FILE", "the household registry (default " .. pipeline.DEFAULT_REGISTRY .. ")" },
  { "out", "DIR", "where sweep.csv and sweep.svg go: DIR/<plan-id>/ (default out/)" },
  { "quiet", nil, "print nothing but errors" },
  { "json", nil, "print the rows, and how often each stage was done, as JSON on stdout" },
}
for _, o in ipairs(plan.OPTIONS) do M.options[#M.options + 1] = o end

function M.run(opts, args)
  if not opts.vary then
    util.fail("usage", "kehoach sweep: give --vary PATH=FROM:TO:STEP (see kehoach sweep --help)")
  end
  local code, rows, sw, dir = M.execute(args[1], opts)
  if code ~= 0 then return code end
  if opts.json then
    host.write(json.encode(document(sw, rows), "  "), "\n")
  elseif not opts.quiet then
    host.write(render.terminal(sw, rows))
  end
  if not opts.quiet then
    host.ewrite(string.format("%d values; selection %s, allocation %s, pricing %s, projection %s\n", #rows,
      render.times(sw.stages.prepare), render.times(sw.stages.choose), render.times(sw.stages.price),
      render.times(sw.stages.project)))
  end
  if not opts.json and not opts.quiet then host.ewrite(string.format("written: %s/sweep.csv, sweep.svg\n", dir)) end
  return 0
end

return M
