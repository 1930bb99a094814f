-- pipeline.lua — a run of a plan, phase by phase, in the order they happen. Every verb
-- that evaluates a plan (run, doc, compare, sweep, explain, progress, new, test, diff)
-- goes through M.run; read it top to bottom to see a whole run:
--
--    1. load the plan        kehoach.plan.load: the script, in the sandbox
--    2. apply parameters     --set, --scenario, --budget (kehoach.plan.apply_parameters)
--    3. static checks        kehoach.plan.check: all the script alone can tell; an error
--                            stops the run here, before the registry is opened
--    4. open the registry    attached read-only to a results database (the results file,
--                            in one transaction, for kehoach run; else a scratch one);
--                            the plan's unit and its children (kehoach.units)
--    5. select and rank      each support's eligible households (kehoach.run.select)
--    6. allot and price      quotas (kehoach.run.allot), amounts (kehoach.run.price), the
--                            budget mode (kehoach.run.budget), the figures and the checks
--                            the registry answers (kehoach.run.figures)
--    7. project              the supports' effects, quarter by quarter (kehoach.project)
--    8. summarize            summary.json's table (kehoach.summary)
--    9. record               checks, figures and the summary into the results database
--   10. render               the verb's own work (opts.finish), on the open connection
--
-- Phases 4-10 work on one connection, closed (and its transaction rolled back unless
-- committed) however the run ends. Phases 6-8 are done again for each value of
-- kehoach sweep (opts.vary), from the first stage of 6 that the value reaches; kehoach
-- serve (kehoach.serve.session) does the same per change, with M.open, M.select,
-- M.allot and M.project.
local util = require "kehoach.util"
local plan = require "kehoach.plan"
local check = require "kehoach.plan.check"
local standards = require "kehoach.standards"
local units = require "kehoach.units"
local selection = require "kehoach.run.select"
local selector = require "kehoach.plan.selector"
local allot = require "kehoach.run.allot"
local price = require "kehoach.run.price"
local budget = require "kehoach.run.budget"
local figures = require "kehoach.run.figures"
local allocation = require "kehoach.run.allocation"
local project = require "kehoach.project"
local summary = require "kehoach.summary"
local words = require "kehoach.render.messages"
local json = require "kehoach.json"

local host, fs, store = core.host, core.fs, core.store

local M = {}

-- The household registry every verb reads unless given --db.
M.DEFAULT_REGISTRY = "data/registry.db"

-- Appends the messages of more to list, numbered on (check.sort keeps their order on a line).
local function merge(list, more)
  for _, m in ipairs(more) do
    m.seq = #list + 1
    list[#list + 1] = m
  end
  check.sort(list)
  return list
end

-- ---- 3. static checks -------------------------------------------------------------------------

-- What kehoach.plan.check finds with the registry still closed: the same checks `kehoach
-- check --db` makes, before commune names (the registry's to answer).
function M.static_checks(p)
  return check.run(p, { registry = true })
end

-- ---- 4. open the registry ---------------------------------------------------------------------

-- Records run id in a scratch connection (the runs row the allocations refer to).
local function scratch_run(db, p, run)
  db:run([[INSERT INTO runs(id, plan_id, plan_path, plan_sha256, engine_version, budget_mode, started_at, finished_at)
           VALUES (?, ?, ?, '', ?, ?, ?, ?)]], run, p.id, p.path, host.version(), p.budget_mode or "gap", host.now(),
    host.now())
end

-- A connection with the registry attached read-only as "reg", and the run's id. With
-- opts.record (a path), the results database there, in a transaction, with the run's row
-- inserted; else a private temporary one (on disk, removed when closed, so memory stays
-- flat on large registries) under run 1.
function M.open(p, opts, started)
  local registry = opts.db or M.DEFAULT_REGISTRY
  if not opts.record then
    local db = store.results("")
    db:attach_registry(registry, "reg")
    scratch_run(db, p, 1)
    return db, 1
  end
  local path = opts.record
  fs.mkdir(util.dirname(path))
  local db, moved = store.results(path)
  if moved then
    host.ewrite(string.format("%s was written by an older kehoach: kept as %s, and a new one started\n", path, moved))
  end
  db:attach_registry(registry, "reg")
  db:exec("BEGIN IMMEDIATE")
  db:run([[INSERT INTO runs(plan_id, plan_path, plan_sha256, registry_path, registry_year, standard,
           engine_version, parameters, scenario, budget_mode, started_at, finished_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)]],
    p.id, p.path, fs.sha256(p.path), registry, p.registry_year, p.meta.standard, host.version(),
    json.encode(p.parameters), p.parameters.scenario ~= json.null and p.parameters.scenario.id or nil,
    p.budget_mode, started, started)
  return db, db:value("SELECT last_insert_rowid()")
end

-- ---- 4-5. the plan's units, then selection ----------------------------------------------------

-- Units, the standard, and every support's eligible households: ctx { units, standard,
-- poverty, messages } (kehoach.run.select), or nil and the messages when the registry
-- cannot answer (an unknown unit or commune, no survey), with the static checks' messages.
-- opts.standard: the poverty standard (default: kehoach.standards.of_plan, by the plan's
-- name, shipped or a file beside the plan or the registry).
function M.select(db, p, opts, static)
  local found = units.resolve(db, p)
  if check.count(found.messages).error > 0 then return nil, merge(found.messages, static) end
  local std = opts.standard or standards.of_plan(p, db)
  if not std then return nil, static end  -- check.run has said why
  local step = opts.progress or function() end
  local ctx, messages = selection.prepare(db, p, found, std, function(i, id) step(i, #p.supports + 2, id) end)
  if not ctx then return nil, merge(messages, static) end
  return ctx
end

-- ---- 6. allot and price ---------------------------------------------------------------------

-- The stages of phase 6, in order. A sweep's value starts again from the first it reaches
-- (kehoach.plan.params says which): "choose" (everything: quotas, units), "price"
-- (amounts), "fund" (budget lines), or "figures" (stated counts, targets). A later stage
-- never changes what an earlier one decided.
M.STAGES = { choose = 1, price = 2, fund = 3, figures = 4 }

-- Whether allot from stage `from` prices again (a budget mode starts again from the full
-- prices, so funding again under one prices again).
function M.prices_again(from, mode)
  local at = M.STAGES[from]
  return at <= M.STAGES.price or (at <= M.STAGES.fund and mode ~= "gap")
end

-- The supports chosen again when only's quota changes: only, and every support naming its
-- households (also_in, not_in), directly or through another; every support without only.
-- A set: id -> true.
function M.choosing(p, only)
  local out = {}
  for _, d in ipairs(p.supports) do
    if not only or d.id == only then
      out[d.id] = true
    else
      for _, id in ipairs(selector.supports_named(d.who)) do
        if out[id] then out[d.id] = true end
      end
    end
  end
  return out
end

-- The allocation under run, from the plan's values as they are now (p.budget_mode: "gap"
-- unless plan.apply_parameters set another). from: the first stage to do (default
-- "choose"); only: with "choose", the one support whose quota changed (the others keep
-- their households, but those naming its households: M.choosing). Returns
--   { units, standard, poverty = {households, poor, near_poor, by_unit}, budget_mode,
--     programmes = { {id, decl, households, persons, units, cost, need, unfunded, waitlisted,
--                     eligible, eligible_all, by_unit = {code -> row}} },
--     by_source = {id -> need}, spent_by_source = {id -> cost},
--     reach = {households, persons, by_unit} (households the budget pays for), messages }
-- households, persons, units and cost are what the budget mode pays for; need is what the
-- households chosen would cost in full; unfunded, the households --budget cap left out.
-- messages hold kehoach check's and the registry's, in plan order.
function M.allot(db, p, ctx, run, from, only)
  host.budget()
  from = from or "choose"
  local stage = M.STAGES[from]
  local list, add = check.messages()
  for _, m in ipairs(ctx.messages) do list[#list + 1] = m end
  local mode = p.budget_mode or "gap"
  figures.targets(p, ctx.units, ctx.poverty, add)
  -- allot: who is chosen
  local again = M.choosing(p, only)
  if stage <= M.STAGES.choose then
    if not only then db:run("DELETE FROM allocations WHERE run = ?", run) end
    for _, d in ipairs(p.supports) do
      if again[d.id] then
        if only then db:run("DELETE FROM allocations WHERE run = ? AND programme = ?", run, d.id) end
        -- a support naming earlier ones' households (also_in, not_in) is selected now
        if selection.names_supports(d) then selection.select_after(db, p, ctx.units, ctx.standard, d, run) end
        allot.choose(db, ctx.units, d, run)
      end
    end
  end
  -- price: what each chosen household gets; no total past what kehoach can count
  local priced = M.prices_again(from, mode)
  if priced then
    for _, d in ipairs(p.supports) do price.price(db, d, run) end
    price.check_totals(db, p, run)
  end
  -- fund: the budget mode
  if stage <= M.STAGES.fund then budget.fund(db, p, run, mode, add) end
  -- count: each support's figures, made again when its allocations can have changed since
  -- the last allot of run
  local result = { units = ctx.units, standard = ctx.standard, poverty = ctx.poverty, budget_mode = mode,
    programmes = {} }
  ctx.figures = ctx.figures or {}
  for _, d in ipairs(p.supports) do
    local key = run .. ":" .. d.id
    local counted = stage <= M.STAGES.choose and again[d.id] or (d.amount and priced)
    local fig = figures.support(db, ctx.units, d, run, add, not counted and ctx.figures[key] or nil)
    ctx.figures[key] = fig
    result.programmes[#result.programmes + 1] = fig
  end
  -- allocations by criteria: counted with poverty at selection, divided again at each allot
  result.allocations = allocation.evaluate(p, ctx.units, ctx.poverty)
  allocation.record(db, run, result.allocations)
  result.by_source, result.spent_by_source = figures.costs(p, result.programmes, add, result.allocations)
  result.reach = figures.reach(db, run)
  result.overlap = figures.overlap(db, run)
  -- the plan's own checks again, now that the registry's costs are known (a source's gap
  -- is said once: the run's cost-over-budget, not also check's budget-gap)
  result.messages = merge(list, check.run(p, { registry = true, costed = result.by_source }))
  return result
end

-- ---- 7. project -----------------------------------------------------------------------------

-- The projection of result's allocations (kehoach.project), when some support declares
-- an effect and nothing is in error; reuse: the last projection's, when the allocations
-- cannot have changed (sweep).
local function projection(db, p, result, run, reuse)
  if check.count(result.messages).error > 0 or #project.effects(p) == 0 then return nil end
  return project.project(db, p, result, run, reuse)
end
-- (kehoach serve re-evaluates phases 6-8 per change, as sweep does per value)
M.project = projection

-- ---- 9. record ------------------------------------------------------------------------------

local function record(db, run, s, text)
  local ins = db:prepare("INSERT INTO checks(run, level, code, message, file, line) VALUES (?, ?, ?, ?, ?, ?)")
  for _, m in ipairs(s.checks) do ins:run(run, m.level, m.code, m.message, m.file, m.line) end
  ins:close()
  ins = db:prepare("INSERT INTO figures(run, path, value) VALUES (?, ?, ?)")
  for _, f in ipairs(summary.figures(s)) do ins:run(run, f[1], f[2]) end
  ins:close()
  db:run("UPDATE runs SET finished_at = ?, summary = ? WHERE id = ?", host.now(), text, run)
end

-- ---- the run --------------------------------------------------------------------------------

-- Runs the plan (a path, or a plan already loaded: kehoach new's draft) through the
-- phases. opts:
--   db            the registry (default M.DEFAULT_REGISTRY)
--   set, scenario, budget   the parameters (phase 2); as_written: none, not even a
--                 scenario file's own (compare's first column)
--   standard      a poverty standard table (tests)
--   progress(done, total, what)   before each support's selection, the allocation and
--                 the projection (total: supports + 2)
--   project       false: no projection
--   record        the results database's path: the run is recorded there (phase 9) and
--                 finish must return the file writers it made and their folder; the
--                 transaction is committed, then the files (crash-safe: database first)
--   keep          the scratch connection is left open in r.db, for the caller to close
--                 (tests that look at the allocations)
--   finish(r)     phase 10, on the open connection, when the plan has no errors; what it
--                 returns is returned after r
--   vary(p)       kehoach sweep, called after phase 2: returns { values, apply(p, v),
--                 from (the stage a value reaches), only (the support it changes),
--                 reproject (bool), each(r, i, v) }; the first value is applied before
--                 the static checks, and phases 6-8 are done again for each value,
--                 each(r, i, v) after 8
-- Returns r, the run: { plan, messages, result, summary, db, id (the run's), stages
-- {prepare, choose, price, project}, errors (true when the plan has errors: messages
-- say which, and nothing after the failing phase was done), value (sweep: the value in
-- error) }, then what finish returned.
function M.run(source, opts)
  local r = { started = host.now(), stages = { prepare = 0, choose = 0, price = 0, project = 0 } }
  -- 1. load the plan
  local p = type(source) == "table" and source or plan.load(source)
  r.plan = p
  -- 2. apply parameters (and sweep's first value, so that a commune it adds is known)
  if not opts.as_written and type(source) ~= "table" then
    plan.apply_parameters(p, opts.set, opts.scenario, opts.budget)
  end
  local vary = opts.vary and opts.vary(p)
  if vary then
    r.value = vary.values[1]
    vary.apply(p, r.value)
  end
  -- 3. static checks: no registry row is read before they pass (a standard of the user's
  -- own may be a file beside the registry: its path is known without opening it)
  p.registry_file = p.registry_file or opts.db or M.DEFAULT_REGISTRY
  local static = M.static_checks(p)
  if check.count(static).error > 0 then
    r.messages, r.errors = words.word(static), true
    return r
  end
  -- 4. open the registry
  local db, run = M.open(p, opts, r.started)
  r.db, r.id = db, run
  local committed = false
  local ok, err = pcall(function()
    -- 4-5. its units, then select and rank
    local ctx, failed = M.select(db, p, opts, static)
    r.stages.prepare = 1
    if not ctx then
      r.messages, r.errors = failed, true
      return
    end
    local step = opts.progress or function() end
    local projected
    for i, v in ipairs(vary and vary.values or { false }) do
      if i > 1 then vary.apply(p, v) end
      -- 6. allot and price
      step(#p.supports, #p.supports + 2, "allot")
      local from = i > 1 and vary.from or "choose"
      local result = M.allot(db, p, ctx, run, from, i > 1 and vary.only or nil)
      if M.STAGES[from] <= M.STAGES.choose then r.stages.choose = r.stages.choose + 1 end
      if M.prices_again(from, p.budget_mode or "gap") then r.stages.price = r.stages.price + 1 end
      r.result, r.messages = result, result.messages
      if check.count(result.messages).error > 0 then
        r.errors, r.value = true, v
        return
      end
      -- 7. project
      if opts.project ~= false then
        local again = i == 1 or not vary or vary.reproject
        if #project.effects(p) > 0 then step(#p.supports + 1, #p.supports + 2, "projection") end
        result.projection, projected = projection(db, p, result, run, not again and projected or nil)
        if again and result.projection then r.stages.project = r.stages.project + 1 end
      end
      -- 8. summarize (the messages worded: summary.json carries their text)
      r.summary = summary.build(p, result, words.word(result.messages, result.units))
      if vary then vary.each(r, i, v) end
    end
    -- 9. record
    local text
    if opts.record then
      text = json.encode(r.summary, "  ") .. "\n"
      r.text = text
      record(db, run, r.summary, text)
    end
    -- 10. render
    if opts.finish then
      host.budget()  -- the write phase: a new instruction window, as each phase gets
      r.finished = table.pack(opts.finish(r))
    end
    if opts.record then
      local files, dir = r.finished[1], r.finished[2]
      local done = string.format("The run was recorded in %s as run %d", opts.record, run)
      db:commit(done .. "; its files in " .. dir .. "/ may be from an earlier run: run the plan again.")
      committed = true
      fs.commit(files, done .. ", and its files written to " .. dir .. "/.")
    end
  end)
  if opts.record and not committed then db:rollback() end
  if not ok or not opts.keep then
    db:close()
    r.db = nil
  end
  if not ok then error(err, 0) end
  words.word(r.messages or {})
  if r.finished then return r, table.unpack(r.finished, 1, r.finished.n) end
  return r
end

return M
