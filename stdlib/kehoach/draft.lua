-- draft.lua — next year's plan drafted from this year's and the registry (`kehoach new`):
-- the same programmes, funding sources, agencies, reports and texts, moved to the new
-- year and standard; the numbers an officer must decide drafted from the registry's review
-- of the year before, each marked with a `-- drafted:` comment that says how it was made.
--
--   draft.make{ from = path, year = Y, standard = name|nil, reduction = points|nil,
--               registry = path } -> text (the draft, plan-language source), facts
--
-- What is drafted, from the review of Y - 1 (as the plan will read it):
--   * each target: households to lift out of poverty — `reduction` percentage points of the
--     households surveyed, or else the share of the poor this year's plan set out to lift
--     (90 of 225) applied to the poor now recognised; shared among the communes in
--     proportion to their poor households able to escape, and over the quarters as this
--     year's were; the rate it makes;
--   * each quota: as many households as this year, shared among the communes (of the
--     programme's scope) in proportion to the households eligible for it now;
--   * households and persons the plan states for a programme: what the registry gives;
--   * the budget: each source's line is what the draft's programmes cost (kehoach run
--     computes the same), and the total their sum.
-- Carried over as they are, and marked for a decision too: amounts, units, coverage,
-- effects. Not carried over: expectations (they belong to this year's registry) and
-- scenarios; a selector's `where` function is named where it was, to be written again.
local util = require "kehoach.util"
local plan = require "kehoach.plan"
local check = require "kehoach.plan.check"
local words = require "kehoach.render.messages"
local source = require "kehoach.plan.source"
local pipeline = require "kehoach.pipeline"
local standards = require "kehoach.standards"

local host, text = core.host, core.text

local M = {}

-- ---- the registry at the review the draft reads ---------------------------------------------

-- Poor, and poor able to escape, households by commune code, from the evaluation's view
-- of the whole review (every commune with households gets a row, none poor included).
local function poor_by_commune(db)
  local out = {}
  for r in db:rows([[SELECT unit, count(*) FILTER (WHERE status = 'poor') AS poor,
      count(*) FILTER (WHERE status = 'poor' AND unable_to_escape = 0) AS able
      FROM temp.kh_hh_all GROUP BY unit]]) do
    out[r.unit] = r
  end
  return out
end

-- Runs p (loaded, and changed here) through kehoach.pipeline, nothing recorded; returns
-- the result and what inside(r) returned on the open connection, or raises a plan error
-- listing its errors.
local function evaluate_plan(p, registry, what, inside)
  local r, more = pipeline.run(p, { db = registry, finish = inside })
  if r.errors then
    local errors = {}
    for _, m in ipairs(r.messages) do
      if m.level == "error" then errors[#errors + 1] = words.format(m) end
    end
    util.fail("plan", "%s:\n%s", what, table.concat(errors, "\n"))
  end
  return r.result, more
end

-- ---- moving the plan to the new year ----------------------------------------------------------

local function replace_year(s, y0, y)
  if type(s) ~= "string" then return s end
  return (s:gsub("năm " .. y0, "năm " .. y))
end

local function move_texts(p, y0, y)
  local m = p.meta
  for _, f in ipairs({ "title", "preamble", "goal", "closing" }) do m[f] = replace_year(m[f], y0, y) end
  for i, s in ipairs(m.objectives or {}) do m.objectives[i] = replace_year(s, y0, y) end
  for _, d in ipairs(p.order) do
    d.label = replace_year(d.label, y0, y)
    for i, s in ipairs(d.notes or {}) do d.notes[i] = replace_year(s, y0, y) end
    for i, s in ipairs(d.text or {}) do d.text[i] = replace_year(s, y0, y) end
    for i, s in ipairs(d.items or {}) do d.items[i] = replace_year(s, y0, y) end
    if type(d.effect) == "table" then d.effect.note = replace_year(d.effect.note, y0, y) end
  end
end

local function move_date(d, dy)
  if not d then return nil end
  local moved = { year = d.year + dy, month = d.month, day = d.day }
  -- 29 February of a year that has none becomes the 28th
  if moved.day == 29 and moved.month == 2 and not ((moved.year % 4 == 0 and moved.year % 100 ~= 0)
      or moved.year % 400 == 0) then
    moved.day = 28
  end
  moved.text = moved.day and string.format("%04d-%02d-%02d", moved.year, moved.month, moved.day)
    or string.format("%04d-%02d", moved.year, moved.month)
  return moved
end

-- ---- drafting -----------------------------------------------------------------------------

local function commune_list(units, counts)
  local out = {}
  for _, c in ipairs(units.communes) do
    local n = counts[c.code]
    if n and n > 0 then out[#out + 1] = { name = c.name, key = text.fold(c.name), n = n } end
  end
  return out
end

local function listing(list, limit)
  local parts = {}
  for i, c in ipairs(list) do
    if i > (limit or 8) then
      parts[#parts + 1] = string.format("... %d more", #list - (limit or 8))
      break
    end
    parts[#parts + 1] = c.name .. " " .. c.n
  end
  return table.concat(parts, ", ")
end

-- The households each quarter of the old target holds, or nil.
local function quarter_weights(d)
  local w, any = {}, false
  for q = 1, 4 do
    local list = d["Q" .. q]
    w[q] = list and check.sum(list) or (d.quarter_totals and d.quarter_totals["Q" .. q]) or 0
    if w[q] > 0 then any = true end
  end
  return any and w or nil
end

local function draft_target(d, ctx, notes)
  local f = ctx.facts
  local pov, able = ctx.poverty, ctx.able_total
  local old = d.households
  local households, why
  if ctx.reduction then
    households = math.floor(ctx.reduction * pov.households / 100 + 0.5)
    why = string.format("%g percentage points of the %s households surveyed in %d (--reduction)",
      ctx.reduction, util.group_digits(pov.households), ctx.review)
  elseif ctx.base_poor and ctx.base_poor > 0 then
    households = math.floor(old * pov.poor / ctx.base_poor + 0.5)
    why = string.format("the share of the poor the %d plan set out to lift (%d of %d, %.0f%%) applied to the\n"
      .. "drafted:   %d poor households recognised under %s at the review of %d", ctx.y0, old, ctx.base_poor,
      100 * old / ctx.base_poor, pov.poor, ctx.standard.name, ctx.review)
  else
    households = old
    why = string.format("as in %d (the registry has no review of %d to compare with)", ctx.y0, ctx.y0 - 1)
  end
  if households > able then
    why = why .. string.format(", no more than the %d poor households able to escape", able)
    households = able
  end
  d.households = households
  notes[d].households = "drafted: " .. why
  f.targets[#f.targets + 1] = { id = d.id, households = households }
  if d.rate_points then
    d.rate_points = pov.households > 0 and tonumber(string.format("%.2f", households * 100 / pov.households)) or 0
    notes[d].rate_points = string.format("drafted: %d households of the %s surveyed in %d", households,
      util.group_digits(pov.households), ctx.review)
  end
  -- the year's end, when the plan states it: the poor at the review less the target
  if d.poor_at_end then
    d.poor_at_end = math.max(0, pov.poor - households)
    notes[d].poor_at_end = string.format("drafted: the %s poor households at the review of %d less %d",
      util.group_digits(pov.poor), ctx.review, households)
  end
  if d.rate_at_end then
    d.rate_at_end = pov.households > 0
      and tonumber(string.format("%.2f", math.max(0, pov.poor - households) * 100 / pov.households)) or 0
    notes[d].rate_at_end = string.format("drafted: %d poor households at year end of the %s surveyed in %d",
      math.max(0, pov.poor - households), util.group_digits(pov.households), ctx.review)
  end
  local weights, caps = {}, {}
  for i, c in ipairs(ctx.units.communes) do
    local r = ctx.poor[c.code]
    weights[i] = r and r.able or 0
    caps[i] = weights[i]
  end
  local shares = util.apportion(weights, households, caps)
  local by = {}
  for i, c in ipairs(ctx.units.communes) do by[c.code] = shares[i] end
  d.by_commune = commune_list(ctx.units, by)
  notes[d].by_commune = string.format("drafted: shared by the communes' poor households able to escape poverty at the\n"
    .. "drafted:   review of %d (%s)", ctx.review, listing(commune_list(ctx.units, (function()
      local t = {}
      for code, r in pairs(ctx.poor) do t[code] = r.able end
      return t
    end)())))
  local qw = quarter_weights(d)
  for q = 1, 4 do d["Q" .. q] = nil end
  d.quarter_totals = nil
  if qw then
    local quarters, totals = { {}, {}, {}, {} }, {}
    for _, c in ipairs(d.by_commune) do
      local split = util.apportion(qw, c.n)
      for q = 1, 4 do quarters[q][#quarters[q] + 1] = { name = c.name, key = c.key, n = split[q] } end
    end
    for q = 1, 4 do
      local list = {}
      for _, c in ipairs(quarters[q]) do
        if c.n > 0 then list[#list + 1] = c end
      end
      totals["Q" .. q] = check.sum(list)
      if #list > 0 then
        d["Q" .. q] = list
        notes[d]["Q" .. q] = string.format("drafted: each commune's households over the quarters as in %d", ctx.y0)
      end
    end
    d.quarter_totals = totals
    notes[d].quarter_totals = string.format("drafted: the quarters' sums (%d's were %d, %d, %d, %d)", ctx.y0,
      qw[1], qw[2], qw[3], qw[4])
  end
end

-- The communes a support's quota may go to: its scope, else the whole district.
local function in_scope(d, code, units)
  if not d.scope then return true end
  for _, name in ipairs(d.scope) do
    if units.code_of(name) == code then return true end
  end
  return false
end

local function draft_quota(d, saved, fig, ctx, notes)
  local total = d.households or check.sum(saved)
  local weights, caps, eligible = {}, {}, 0
  for i, c in ipairs(ctx.units.communes) do
    local r = fig.by_unit[c.code]
    local n = (r and in_scope(d, c.code, ctx.units)) and r.households or 0
    weights[i], caps[i] = n, n
    eligible = eligible + n
  end
  local want = math.min(total, eligible)
  local shares = util.apportion(weights, want, caps)
  local by, elig = {}, {}
  for i, c in ipairs(ctx.units.communes) do
    by[c.code] = shares[i]
    elig[c.code] = weights[i]
  end
  d.quota = commune_list(ctx.units, by)
  notes[d].quota = string.format("drafted: %d households as in %d%s, shared by the households eligible at the review\n"
    .. "drafted:   of %d%s (%s)", total, ctx.y0,
    want < total and string.format(" — only %d are eligible", eligible) or "",
    ctx.review, d.scope and " in the programme's communes" or "", listing(commune_list(ctx.units, elig)))
  if d.households then
    -- units in all (80 cows for 10 households): as many a household as this year, stated
    -- per household when they divide evenly
    if d.units and not d.units_per_household and d.households > 0 then
      local noun = d.amount and d.amount.noun or "units"
      if d.units % d.households == 0 then
        d.units_per_household = d.units // d.households
        notes[d].units_per_household = string.format("drafted: %d's %d %s for %d households, as many a household",
          ctx.y0, d.units, noun, d.households)
        d.units = nil
      else
        local units = math.floor(d.units * want / d.households + 0.5)
        notes[d].units = string.format("drafted: %d's %d %s for %d households, for %d", ctx.y0, d.units, noun,
          d.households, want)
        d.units = units
      end
    end
    d.households = want
    notes[d].households = "drafted: the quotas' sum"
  end
end

-- What is carried over as it is, marked for a decision.
local function mark_carried(d, ctx, notes)
  local n = notes[d]
  local as = string.format("drafted: as in %d", ctx.y0)
  if d.amount then n.amount = string.format("drafted: %d's amount: set %d's (the policy in force)", ctx.y0, ctx.year) end
  if d.units and not n.units then n.units = as end
  if d.units_per_household and not n.units_per_household then n.units_per_household = as end
  if d.coverage then n.coverage = as end
  if d.effect then n.effect = as .. " (an assumption for projection)" end
end

local function header(ctx, p)
  local f = ctx.facts
  local lines = {
    string.format("-- %s.lua — DRAFT of next year's plan:", p.meta.id),
    "-- " .. p.meta.title,
    "--",
    string.format("-- Made by `kehoach new --from %s --year %d%s%s` against %s,", ctx.from, ctx.year,
      ctx.standard_given and (" --standard " .. ctx.standard.name) or "",
      ctx.reduction and (" --reduction " .. ctx.reduction) or "", ctx.registry),
    string.format("-- reading its review of %d (%s households, %d poor and %d near-poor as recorded; the plan",
      ctx.review, util.group_digits(ctx.poverty.households), ctx.poverty.poor, ctx.poverty.near_poor),
    string.format("-- counts deprivations under %s).", ctx.standard.name),
    "--",
    "-- Every line marked `-- drafted:` holds numbers the engine proposed or carried over from",
    string.format("-- %d: decide each one, then delete its mark. Texts are %d's with \"năm %d\" made \"năm %d\";",
      ctx.y0, ctx.y0, ctx.y0, ctx.year),
    string.format("-- the documents the plan carries out (basis) are %d's. Not carried over: expectations and", ctx.y0),
    "-- scenarios (write them again for the new year).",
    "--",
    string.format("-- Check it:  kehoach check %s --db %s", ctx.out or "THIS_FILE", ctx.registry),
    string.format("-- Run it:    kehoach run %s --db %s", ctx.out or "THIS_FILE", ctx.registry),
  }
  f.header = lines
  return table.concat(lines, "\n")
end

function M.make(o)
  local src = plan.load(o.from)
  local y0, year = src.year, o.year
  if year <= y0 then
    util.fail("usage", "kehoach new: --year %d is not after %s's year %d: a draft is for a later year (--year %d)",
      year, o.from, y0, y0 + 1)
  end
  local dy = year - y0
  local std
  if o.standard then
    std = standards.option(o.standard, { o.from, o.registry }, year)
  else
    std = standards.find(year)
    if not std then util.fail("usage", "kehoach new: no poverty standard covers %d; give --standard", year) end
  end
  local ctx = { from = o.from, year = year, y0 = y0, standard = std, standard_given = o.standard ~= nil,
    reduction = o.reduction, registry = o.registry, out = o.out,
    facts = { targets = {}, supports = {} } }

  -- what this year's plan set out to do, against its own review, for the shares
  if #src.targets > 0 then
    local ok, result = pcall(evaluate_plan, src, o.registry, o.from)
    if ok then ctx.base_poor = result.poverty.poor end
  end

  -- the same plan, moved on
  local p = plan.load(o.from)
  p.meta.year, p.year = year, year
  p.registry_year = (p.meta.registry_year or (y0 - 1)) + dy
  if p.meta.registry_year then p.meta.registry_year = p.registry_year end
  ctx.review = p.registry_year
  p.meta.standard = std.name
  p.meta.id = p.meta.id:find(tostring(y0), 1, true) and (p.meta.id:gsub(tostring(y0), tostring(year), 1))
    or (p.meta.id .. "-" .. year)
  p.id = p.meta.id
  p.meta.issued = move_date(p.meta.issued, dy)
  for _, d in ipairs(p.reports) do d.due = move_date(d.due, dy) end
  move_texts(p, y0, year)
  local scenarios = p.scenarios
  p.scenarios = {}
  local order = {}
  for _, d in ipairs(p.order) do
    d.expect = nil
    if d.kind ~= "scenario" then order[#order + 1] = d end
  end
  p.order = order
  for _, d in ipairs(scenarios) do p.by_id[d.id] = nil end

  local notes = setmetatable({}, { __index = function(t, d)
    local n = {}
    rawset(t, d, n)
    return n
  end })

  -- 1. every eligible household, without quotas: the need by commune
  local saved = {}
  for _, d in ipairs(p.supports) do
    saved[d] = d.quota
    d.quota = nil
  end
  local result, poor = evaluate_plan(p, o.registry,
    string.format("%s moved to %d cannot be evaluated against %s", o.from, year, o.registry),
    function(r) return poor_by_commune(r.db) end)
  ctx.units, ctx.poverty = result.units, result.poverty
  ctx.poor = poor
  ctx.able_total = 0
  for _, r in pairs(ctx.poor) do ctx.able_total = ctx.able_total + r.able end
  for _, d in ipairs(p.targets) do draft_target(d, ctx, notes) end
  for i, d in ipairs(p.supports) do
    if saved[d] then draft_quota(d, saved[d], result.programmes[i], ctx, notes) end
    mark_carried(d, ctx, notes)
  end

  -- 2. the draft as it will run: stated counts and the budget from what it costs
  result = evaluate_plan(p, o.registry, string.format("the draft of %d", year))
  for i, d in ipairs(p.supports) do
    local fig = result.programmes[i]
    if not saved[d] and d.households then
      d.households = fig.households
      notes[d].households = string.format("drafted: the households the registry gives at the review of %d", ctx.review)
    end
    if d.persons then
      d.persons = fig.persons
      notes[d].persons = string.format("drafted: their members at the review of %d", ctx.review)
    end
    ctx.facts.supports[#ctx.facts.supports + 1] = { id = d.id, households = fig.households, cost = fig.cost }
  end
  local b = p.budget
  if b then
    local total = 0
    for _, s in ipairs(p.sources) do
      local cost = result.by_source[s.id]
      if cost then
        b.lines[s.id] = cost
        notes[b][s.id] = "drafted: what the draft's programmes paid from it cost (kehoach run computes the same)"
      elseif b.lines[s.id] then
        notes[b][s.id] = string.format("drafted: %d's line: no programme of the draft is paid from it", y0)
      end
      total = total + (b.lines[s.id] or 0)
    end
    b.total = total
    notes[b].total = "drafted: the sum of the lines"
    ctx.facts.budget = total
  end

  notes[p.meta].id = string.format("drafted: from %s", o.from)
  notes[p.meta].standard = string.format("drafted: the standard %s", ctx.standard_given and "asked for"
    or ("in force in " .. year))
  if p.meta.issued then notes[p.meta].issued = string.format("drafted: %d's month, a year on", y0) end
  if p.meta.basis then notes[p.meta].basis = string.format("drafted: the documents of %d's plan: replace them with %d's", y0, year) end
  for _, d in ipairs(p.reports) do
    if d.due then notes[d].due = string.format("drafted: %d's date, a year on", y0) end
  end

  local parts = { header(ctx, p) }
  local note = function(d, field) return rawget(notes, d) and rawget(notes, d)[field] end
  local last
  for _, d in ipairs(p.order) do
    if last and (last ~= d.kind or d.kind ~= "source") then parts[#parts + 1] = "" end
    parts[#parts + 1] = source.declaration(d, note)
    last = d.kind
  end
  ctx.facts.id = p.meta.id
  return table.concat(parts, "\n") .. "\n", ctx.facts
end

return M
