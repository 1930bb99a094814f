-- test.lua — `kehoach test PLAN [--db FILE]`: the plan's own regression test. The plan is
-- evaluated as `kehoach run` does (in memory; nothing is written) and each expectation it
-- writes (`expect = { ... }` on supports, targets and the budget; kehoach.plan.expect) is
-- compared with what the registry gives. Each miss is one line at the declaration's plan
-- line; any miss exits 1. --json prints every expectation (expected, actual, held) as
-- one JSON document instead; --quiet prints the misses only.
local expect = require "kehoach.plan.expect"
local words = require "kehoach.render.messages"
local pipeline = require "kehoach.pipeline"
local json = require "kehoach.json"

local host = core.host

-- What --json prints: each expectation, where the plan writes it, and the counts.
local function document(p, path, list, missed)
  local out = json.array()
  for i, e in ipairs(list) do
    local d = e.decl
    out[i] = { declaration = d.id and string.format("%s '%s'", d.kind, d.id) or d.kind, kind = d.kind,
      id = d.id or json.null, key = e.key, expected = e.expected, actual = e.actual == nil and json.null or e.actual,
      held = e.holds, file = d.file, line = d.line, message = e.text }
  end
  return { plan = p.id, path = path, expectations = out,
    counts = { total = #list, held = #list - missed, missed = missed } }
end

return {
  usage = "kehoach test PLAN [--db FILE] [--verbose] [--quiet] [--json]",
  about = "Checks the expectations the plan writes (expect = { households = 57, persons = 105 }\n" ..
    "on a support; totals on the budget; the rate and the poor on a target) against the\n" ..
    "registry. Each miss is printed as file:line: miss: ...; any miss exits 1 (with --json\n" ..
    "too), and a plan with errors exits 1 too. Nothing is written.",
  args = { "PLAN" },
  options = {
    { "db", "FILE", "the household registry (default " .. pipeline.DEFAULT_REGISTRY .. ")" },
    { "verbose", nil, "also list the expectations that hold" },
    { "quiet", nil, "print the misses and errors only (not the count)" },
    { "json", nil, "print each expectation (expected, actual, held) as JSON on stdout" },
  },
  run = function(opts, args)
    local path = args[1]
    local r = pipeline.run(path, { db = opts.db })
    if r.errors then
      words.write_errors(r.messages)
      host.ewrite(path, ": the plan has errors; its expectations were not checked\n")
      return 1
    end
    local p = r.plan
    local list = expect.verify(p, r.result)
    local missed = 0
    for _, e in ipairs(list) do
      local at = e.decl.file .. ":" .. e.decl.line .. ": "
      if not e.holds then
        missed = missed + 1
        if not opts.json then host.write(at, "miss: ", e.text, "\n") end
      elseif opts.verbose and not opts.json and not opts.quiet then
        host.write(at, "ok: ", e.text, "\n")
      end
    end
    if opts.json then host.write(json.encode(document(p, path, list, missed), "  "), "\n") end
    if not opts.quiet and #list == 0 then
      host.ewrite(path, ": the plan writes no expectations (expect = { ... } on a support, target or the budget)\n")
    elseif not opts.quiet then
      host.ewrite(string.format("%s: %d expectation%s, %d held, %d missed\n", path, #list,
        #list == 1 and "" or "s", #list - missed, missed))
    end
    return missed > 0 and 1 or 0
  end,
}
