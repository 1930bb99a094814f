-- compare.lua — `kehoach compare PLAN --scenario A [--scenario B ...] | --set PATH=VALUE ...`:
-- the plan as written and each variant side by side, with differences: cost by programme
-- and source, each source's budget against its need, households and persons reached by
-- commune, projected poor households and rate at year end, the targets met or short.
-- Prints the terminal table (with --json, compare.json's text instead; with --quiet,
-- nothing) and writes out/<plan-id>/compare.md and compare.json (both or neither). The
-- results database is not touched.
local plan = require "kehoach.plan"
local words = require "kehoach.render.messages"
local comparison = require "kehoach.comparison"
local render = require "kehoach.render.comparison"
local json = require "kehoach.json"
local pipeline = require "kehoach.pipeline"

local host, fs = core.host, core.fs

local M = {}

-- Compares; returns the exit code, the comparison (nil when a variant has errors), the
-- folder written and compare.json's text.
function M.execute(path, opts)
  local p = plan.load(path)
  local variants = comparison.variants(p, opts)
  local summaries, failed, messages = comparison.evaluate(path, variants, opts)
  if not summaries then
    words.write_errors(messages)
    host.ewrite(string.format("%s: %s has errors; nothing was compared\n", path, failed))
    return 1
  end
  local c = comparison.build(summaries, variants)
  host.budget()
  local dir = (opts.out or "out") .. "/" .. p.id
  fs.mkdir(dir)
  local md, js = fs.open(dir .. "/compare.md"), fs.open(dir .. "/compare.json")
  local text = json.encode(c, "  ") .. "\n"
  md:write(render.markdown(c))
  js:write(text)
  md:commit()
  js:commit()
  return 0, c, dir, text
end

M.usage = "kehoach compare PLAN --scenario NAME [--scenario NAME]... | --set PATH=VALUE... [--budget MODE] [--db FILE] [--out DIR] [--quiet] [--json]"
M.about = "Evaluates the plan as written and each scenario (or the plan with --set values, or another\n" ..
  "--budget mode) on the registry, and sets them side by side with their differences: cost by\n" ..
  "programme and source, each source's budget against its need (gap or surplus), households\n" ..
  "and persons reached by commune, projected poor households and poverty rate at year end by\n" ..
  "commune and city-wide, and whether the targets are met. --set and --budget apply to every\n" ..
  "scenario. Writes out/<plan-id>/compare.md and compare.json; the results database is not\n" ..
  "touched."
M.args = { "PLAN" }
M.options = {
  { "scenario", "NAME", "a scenario of the plan, or a scenario file, to compare", many = true },
  { "set", "PATH=VALUE", "change one of the plan's values, e.g. tro_cap.amount=300000", many = true },
  { "budget", "MODE", "when a source cannot pay for all: gap (report it; default), cap, prorate" },
  { "db", "FILE", "the household registry (default " .. pipeline.DEFAULT_REGISTRY .. ")" },
  { "out", "DIR", "where compare.md and compare.json go: DIR/<plan-id>/ (default out/)" },
  { "quiet", nil, "print nothing but errors" },
  { "json", nil, "print the comparison (compare.json) on stdout instead of the tables" },
}

function M.run(opts, args)
  local code, c, dir, text = M.execute(args[1], opts)
  if code ~= 0 then return code end
  if opts.json then
    host.write(text)
  elseif not opts.quiet then
    host.write(render.terminal(c))
    host.ewrite(string.format("written: %s/compare.md, compare.json\n", dir))
  end
  return 0
end

return M
