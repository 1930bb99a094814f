-- explain.lua — `kehoach explain PLAN HOUSEHOLD_CODE [--db FILE]`: the plan evaluated as
-- `kehoach run` does (in memory; nothing is written), then, for each support, why this
-- household gets it or not, in Vietnamese; with --json, the same as one JSON document.
local words = require "kehoach.render.messages"
local explain = require "kehoach.explain"
local project = require "kehoach.project"
local projection = require "kehoach.render.projection"
local pipeline = require "kehoach.pipeline"
local util = require "kehoach.util"
local json = require "kehoach.json"

local host = core.host

return {
  usage = "kehoach explain PLAN HOUSEHOLD_CODE [--db FILE] [--set PATH=VALUE]... [--scenario NAME] [--budget MODE] [--quiet] [--json]",
  about = "Explains, support by support, whether the household gets it and why: each condition\n" ..
    "with the household's value, its rank in its commune's quota, the amount and the months.\n" ..
    "With --set, --scenario or --budget, the household as that run would see it (who is left\n" ..
    "unfunded under --budget cap, and why). Nothing is written.",
  args = { "PLAN", "HOUSEHOLD_CODE" },
  options = {
    { "db", "FILE", "the household registry (default " .. pipeline.DEFAULT_REGISTRY .. ")" },
    { "quiet", nil, "print nothing but errors" },
    { "json", nil, "print the explanation (each programme's conditions and outcome) as JSON on stdout" },
    table.unpack(require "kehoach.plan".OPTIONS),
  },
  run = function(opts, args)
    local r = pipeline.run(args[1], { db = opts.db, set = opts.set, scenario = opts.scenario, budget = opts.budget,
      finish = function(r)
        local db, p, result = r.db, r.plan, r.result
        local h, why = explain.household(db, p, result, args[2])
        if not h then util.fail("usage", "kehoach explain: %s", why) end
        local entries = explain.programmes(db, p, result, h)
        if opts.json then
          host.write(json.encode(explain.data(p, result, h, entries, project.household(db, p, h.code)), "  "), "\n")
        elseif not opts.quiet then
          host.write(explain.text(p, result, h, entries))
          local projected = projection.household_lines(project.household(db, p, h.code), p.year)
          if #projected > 0 then host.write(table.concat(projected, "\n"), "\n") end
        end
      end })
    if r.errors then
      words.write_errors(r.messages)
      return 1
    end
    return 0
  end,
}
