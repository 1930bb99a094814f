-- doc.lua — `kehoach doc PLAN [--db FILE] [--out DIR] [--set PATH=VALUE]... [--scenario
-- NAME]`: the plan document, rendered from the script and the registry: the plan, with
-- its parameters changed as asked, is evaluated as `kehoach run` evaluates it (in memory;
-- the results database is not touched), then out/<plan-id>/[<variant>/]plan.md,
-- plan.html (A4, printable) and plan.docx (Word) are written, all or none. A plan with errors writes
-- nothing and exits 1.
local plan = require "kehoach.plan"
local check = require "kehoach.plan.check"
local evaluate = require "kehoach.evaluate"
local summary = require "kehoach.summary"
local plandoc = require "kehoach.render.plandoc"
local docx = require "kehoach.render.docx"
local run = require "kehoach.verbs.run"
local json = require "kehoach.json"
local bar = require "kehoach.render.bar"

local host, fs = core.host, core.fs

local M = {}

-- The plan at path, its parameters changed by opts.set, opts.scenario and opts.budget
-- (plan.apply_parameters), evaluated in memory against the registry (opts.db): returns
-- p, the summary, the evaluation's result and its messages; the summary is nil when the
-- plan has errors. Verbs that render from a plan without recording a run (doc, progress)
-- share it. With inside, inside(db, p, s, result) is called before the in-memory
-- database closes (the registry attached as "reg", the allocations as run 1), when the
-- plan has no errors, and what it returns comes after the messages.
function M.evaluate(path, opts, inside)
  local p = plan.load(path)
  plan.apply_parameters(p, opts.set, opts.scenario, opts.budget)
  local db = evaluate.scratch(p, opts.db or run.DEFAULT_REGISTRY)
  local ok, s, result, more = pcall(function()
    local result = evaluate.evaluate(db, p, 1, { standard = opts.standard, progress = opts.progress })
    if check.count(result.messages).error > 0 then return nil, result end
    local s = summary.build(p, result, result.messages)
    return s, result, table.pack(inside and inside(db, p, s, result))
  end)
  db:close()
  if not ok then error(s, 0) end
  return p, s, result, result.messages, table.unpack(more or {}, 1, more and more.n or 0)
end

-- Renders the documents of p and its summary s into out/<plan-id>/[<variant>/], beside
-- the run of the same parameters; returns the paths.
function M.write(p, s, units, out)
  local dir = (out or "out") .. "/" .. p.id .. (p.variant and ("/" .. p.variant) or "")
  fs.mkdir(dir)
  local blocks = plandoc.blocks(p, s, units)
  local files = {
    { dir .. "/plan.md", plandoc.markdown(blocks) },
    { dir .. "/plan.html", plandoc.html(blocks, p.meta.title) },
    { dir .. "/plan.docx", docx.document(blocks, { title = p.meta.title }) },
  }
  local writers = {}
  for i, f in ipairs(files) do
    writers[i] = fs.open(f[1])
    writers[i]:write(f[2])
  end
  local paths = {}
  for i, w in ipairs(writers) do
    w:commit()
    paths[i] = files[i][1]
  end
  return paths
end

local function execute(opts, args)
  local b <close> = bar.new("kehoach doc", { quiet = opts.quiet or opts.json })
  opts.progress = function(done, total, what) b:update(done, total, what) end
  local p, s, result, messages = M.evaluate(args[1], opts)
  b:finish()
  if not opts.quiet then
    for _, line in ipairs(plan.describe_parameters(p)) do host.ewrite(line, "\n") end
    for _, m in ipairs(messages) do host.ewrite(check.format(m), "\n") end
  end
  if not s then
    host.ewrite(args[1], ": the plan has errors; nothing was written\n")
    return 1
  end
  local paths = M.write(p, s, result.units, opts.out)
  if opts.json then
    host.write(json.encode({ plan = p.id, written = json.array(paths), checks = summary.checks(messages) }, "  "), "\n")
  elseif not opts.quiet then
    host.ewrite("written: ", table.concat(paths, ", "), "\n")
  end
  return 0
end

M.usage = "kehoach doc PLAN [--db FILE] [--out DIR] [--set PATH=VALUE]... [--scenario NAME] [--budget MODE] [--quiet] [--json]"
M.about = "Renders the plan document from the script, in the layout of a People's Committee plan\n" ..
  "(I. Mục tiêu ... V. Tổ chức thực hiện, Nơi nhận, the signature), with every figure\n" ..
  "counted in the registry: households, persons, amounts, the budget by funding source.\n" ..
  "Writes out/<plan-id>/plan.md, plan.html (A4, ready to print) and plan.docx (Word, in\n" ..
  "the layout of Nghị định 30/2020, to number and sign). With --set or\n" ..
  "--scenario the document states the changed plan, in out/<plan-id>/<scenario>/ as run\n" ..
  "does. The results database is not touched. A plan with errors writes nothing, exits 1."
M.args = { "PLAN" }
M.options = {
  { "db", "FILE", "the household registry (default " .. run.DEFAULT_REGISTRY .. ")" },
  { "out", "DIR", "where the documents go: DIR/<plan-id>/ (default out/)" },
  { "quiet", nil, "print nothing but errors" },
  { "json", nil, "print what was written, and the checks, as JSON on stdout" },
}
for _, o in ipairs(plan.OPTIONS) do M.options[#M.options + 1] = o end
M.run = execute

return M
