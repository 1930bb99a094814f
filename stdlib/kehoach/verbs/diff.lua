-- diff.lua — `kehoach diff PLAN_A PLAN_B [--db FILE] [--out DIR]`: two plans compared
-- commune by commune, programme by programme, source by source, and rule by rule
-- (kehoach.diff); the tables on stdout (with --json, the differences as one JSON
-- document; with --quiet, nothing) and the same as DIR/<a>--<b>/diff.md.
local diff = require "kehoach.diff"
local render = require "kehoach.render.diff"
local pipeline = require "kehoach.pipeline"
local words = require "kehoach.render.messages"
local json = require "kehoach.json"

local host, fs = core.host, core.fs

return {
  usage = "kehoach diff PLAN_A PLAN_B [--db FILE] [--out DIR] [--quiet] [--json]",
  about = "Compares two plans, each evaluated against the registry as kehoach run would (nothing\n" ..
    "is recorded): by commune the poor households at the review each reads, the target,\n" ..
    "the households reached and the cost; by programme and by funding source; and what\n" ..
    "changed in the rules (selectors, amounts, periods, quotas, sources, the budget). Writes\n" ..
    "DIR/<id A>--<id B>/diff.md too.",
  args = { "PLAN_A", "PLAN_B" },
  options = {
    { "db", "FILE", "the household registry (default " .. pipeline.DEFAULT_REGISTRY .. ")" },
    { "out", "DIR", "where diff.md goes: DIR/<id A>--<id B>/ (default out/)" },
    { "quiet", nil, "print nothing but errors" },
    { "json", nil, "print the differences (by commune, programme, source and rule) as JSON on stdout" },
  },
  run = function(opts, args)
    local d, errors = diff.compare(args[1], args[2], opts.db or pipeline.DEFAULT_REGISTRY)
    if not d then
      words.write_errors(errors)
      host.ewrite("kehoach diff: a plan has errors; nothing was compared\n")
      return 1
    end
    local dir = (opts.out or "out") .. "/" .. d.a.p.id .. "--" .. d.b.p.id
    fs.mkdir(dir)
    local w = fs.open(dir .. "/diff.md")
    w:write(render.markdown(d))
    w:commit()
    if opts.json then
      host.write(json.encode(diff.data(d), "  "), "\n")
    elseif not opts.quiet then
      host.write(render.terminal(d))
      host.ewrite("written: ", dir, "/diff.md\n")
    end
    return 0
  end,
}
