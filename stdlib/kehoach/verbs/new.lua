-- new.lua — `kehoach new --from PLAN --year Y [--standard S] [--reduction N] [--out FILE]`:
-- a runnable draft of next year's plan (kehoach.draft), written to FILE (never half-made;
-- an existing file only with --force) or to stdout. A draft written to a file is read
-- back and checked, so what is handed to the officer runs.
local util = require "kehoach.util"
local draft = require "kehoach.draft"
local plan = require "kehoach.plan"
local check = require "kehoach.plan.check"
local pipeline = require "kehoach.pipeline"

local host, fs = core.host, core.fs

return {
  usage = "kehoach new --from PLAN --year Y [--standard S] [--reduction N] [--db FILE] [--out FILE] [--force]",
  about = "Drafts next year's plan from this year's: the same programmes, funding sources, agencies,\n" ..
    "reports and texts, moved to year Y and its poverty standard; targets drafted from the\n" ..
    "registry's review of Y - 1 (poor households by commune; --reduction N lifts N percentage\n" ..
    "points of the households, else the share of the poor this year's plan lifted), quotas in\n" ..
    "proportion to the households eligible now, stated counts and the budget from the registry.\n" ..
    "Every drafted number is marked with a comment `-- drafted: how`.",
  args = {},
  options = {
    { "from", "PLAN", "this year's plan (required)" },
    { "year", "Y", "the year of the new plan (required)" },
    { "standard", "S", "the poverty standard: a name, or a standard's FILE (default the one in force in Y)" },
    { "reduction", "N", "percentage points of the poverty rate to lift, e.g. 0.5" },
    { "db", "FILE", "the household registry, with the review of Y - 1 (default " .. pipeline.DEFAULT_REGISTRY .. ")" },
    { "out", "FILE", "where to write the draft (default: stdout)" },
    { "force", nil, "replace FILE if it exists" },
  },
  run = function(opts)
    if not opts.from then util.fail("usage", "kehoach new: give the plan to start from: --from PLAN") end
    local year = math.tointeger(tonumber(opts.year or ""))
    if not year or year < 1900 then util.fail("usage", "kehoach new: give the new plan's year: --year 2022") end
    local reduction
    if opts.reduction then
      reduction = tonumber(opts.reduction)
      if not reduction or reduction < 0 or reduction > 100 then
        util.fail("usage", "kehoach new: --reduction %s: give percentage points, like 0.5", opts.reduction)
      end
    end
    if opts.out and fs.exists(opts.out) and not opts.force then
      util.fail("usage", "kehoach new: %s already exists; add --force to replace it", opts.out)
    end
    local text, facts = draft.make({ from = opts.from, year = year, standard = opts.standard,
      reduction = reduction, registry = opts.db or pipeline.DEFAULT_REGISTRY, out = opts.out })
    if not opts.out then
      host.write(text)
      return 0
    end
    local w = fs.open(opts.out)
    w:write(text)
    w:commit()
    -- read back: the draft must declare a plan whose checks find no error
    local p = plan.load(opts.out)
    p.registry_file = opts.db or pipeline.DEFAULT_REGISTRY  -- a standard of the user's own may be beside it
    local n = check.count(check.run(p))
    local parts = {}
    for _, t in ipairs(facts.targets) do parts[#parts + 1] = string.format("%s %d households", t.id, t.households) end
    host.ewrite(string.format("%s: draft of %s (%s%s); %d error%s, %d warning%s in kehoach check\n", opts.out,
      facts.id, table.concat(parts, ", "),
      facts.budget and (", budget " .. util.group_digits(facts.budget) .. " đồng") or "",
      n.error, n.error == 1 and "" or "s", n.warning, n.warning == 1 and "" or "s"))
    return n.error > 0 and 1 or 0
  end,
}
