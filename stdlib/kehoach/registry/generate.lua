-- generate.lua — a synthetic household registry from a district profile: units,
-- households, persons, one annual review (survey) per household, and registered needs.
--
--   generate.layout(profile, households) -> the counts per commune (see below)
--   generate.run{ path =, profile =, seed =, households =, progress = fn(done, total),
--                 events_until = date }
--       writes a new registry at path (which must not exist) and returns a summary; with
--       db = an empty registry already open (e.g. in memory) instead of path, fills it and
--       leaves it open. When the profile has a `next_year`, the year after the review is
--       added by kehoach.registry.year: its events up to events_until (a date from
--       values.date; default all of them), and its year-end review when events_until
--       reaches it.
--
-- The same profile, seed and size give the same data: one xoshiro stream (Lua's
-- math.randomseed and math.random, drawn in C by core.gen), communes and categories visited
-- in fixed order. Lua lays the registry out and reads the standard's bands; core.gen draws
-- each household and writes it through prepared statements, a transaction per batch,
-- keeping nothing beyond the household being made, so memory stays flat at any size. Each household's
-- category (unable to escape, income-poor, deprivation-poor, near-poor, middle,
-- non-poor) is drawn without replacement from its commune's exact counts; its income and
-- deprivations are drawn inside the band the standard gives that category, and at the end
-- SQLite checks, in one pass over the surveys, that every recorded status is the one the
-- standard computes.
local util = require "kehoach.util"
local profiles = require "kehoach.registry.profile"
local schema = require "kehoach.registry.schema"
local year = require "kehoach.registry.year"

local host, store, gen = core.host, core.store, core.gen

local floor, max, min = math.floor, math.max, math.min

local M = {}

local CATEGORIES = { "unable", "income_poor", "deprivation_poor", "near_poor", "middle", "non_poor" }
local STATUS = { unable = "poor", income_poor = "poor", deprivation_poor = "poor",
  near_poor = "near_poor", middle = "middle", non_poor = "non_poor" }
local INDICATORS = schema.values.indicator

local function round(x) return floor(x + 0.5) end

-- The counts for each commune at `households` households: { commune =, households =,
-- count = {category = n}, needs = {kind = n} }. Poverty counts and needs scale up with
-- the registry, never down; the unable to escape never scale. Raises a usage error when
-- the size is too small for the profile (or, probing, returns nil).
function M.layout(p, households, probing)
  local weights = {}
  for i, c in ipairs(p.communes) do weights[i] = c.households end
  local sizes = util.apportion(weights, households)
  local scale = households / p.households
  local function up(n) return scale >= 1 and round(n * scale) or n end
  local out = {}
  for i, c in ipairs(p.communes) do
    local h = sizes[i]
    local poor = max(up(c.poor), c.unable_to_escape)
    local able = poor - c.unable_to_escape
    local dep = round(able * p.deprivation_poor)
    local count = {
      unable = c.unable_to_escape,
      income_poor = able - dep,
      deprivation_poor = dep,
      near_poor = round(c.near_poor * scale),
      middle = round(h * (c.urban == 1 and p.middle.urban or p.middle.rural)),
    }
    count.non_poor = h - poor - count.near_poor - count.middle
    if count.non_poor < 0 then
      if probing then return nil end
      util.fail("usage", "%d households are too few for the profile %s: %s would have %d households "
        .. "for %d poor and %d near-poor (the poor and their needs do not scale down, so that the "
        .. "plan stays runnable); give --households %d or more", households, p.path, c.name, h, poor,
        count.near_poor, M.suggested(p))
    end
    local needs = {}
    for kind, n in pairs(c.needs) do needs[kind] = min(up(n), able) end
    out[i] = { commune = c, households = h, count = count, needs = needs }
  end
  return out
end

-- The fewest households the profile can be laid out in (M.layout's only limit is that no
-- commune runs out of households for its poor): a binary search, the profile's own size
-- being always enough.
function M.smallest(p)
  local lo, hi = 1, p.households
  while lo < hi do
    local mid = (lo + hi) // 2
    if M.layout(p, mid, true) then hi = mid else lo = mid + 1 end
  end
  return lo
end

-- The size to suggest when one is refused: the smallest layout, and a twentieth more for
-- the year-end review's moves (its tallies depend on the draws), in hundreds.
function M.suggested(p)
  return math.ceil(M.smallest(p) * 1.05 / 100) * 100
end

-- A cumulative table for weighted draws (core.gen draws an index with it).
local function cumulative(weights)
  local cum, sum = {}, 0
  for i, w in ipairs(weights) do
    sum = sum + w
    cum[i] = sum
  end
  return { cum = cum, total = sum }
end

-- What a category is under the standard: the status, and the kind of poverty when the
-- standard tells income-poor from deprivation-poor (vn-2016; not vn-2022 or vn-2026).
local KIND = { unable = "income", income_poor = "income", deprivation_poor = "deprivation" }

-- The income band of a category for a household with k deprivations: the first span
-- between the standard's lines (0 to the lowest, then from one line to the next, then
-- above the highest) where its rule gives the category's status, and kind. When there is
-- none with k deprivations (a near-poor household with 3 under vn-2022, whose near-poor
-- have fewer), k moves to the nearest count that has one. Returns k, lo, hi (nil: no
-- line above). Cached by category, area and k: the rule is read in Lua, once per case.
local function band(g, category, urban, k)
  local area = urban == 1 and "urban" or "rural"
  local key = category .. ":" .. area .. ":" .. k
  local b = g.bands[key]
  if b then return b[1], b[2], b[3] end
  local std = g.std
  local seen, lines = {}, {}
  for _, l in pairs(std.lines) do
    if not seen[l[area]] then
      seen[l[area]] = true
      lines[#lines + 1] = l[area]
    end
  end
  table.sort(lines)
  local kinds = false
  for _, c in ipairs(std.rule) do kinds = kinds or c.kind ~= nil end
  local want, kind = STATUS[category], kinds and KIND[category] or nil
  local function find(n)
    for i = 1, #lines + 1 do
      local lo, hi = lines[i - 1] or 0, lines[i]
      local status, got = std.explain(hi or (lo + 1), urban, n)
      if status == want and got == kind then return lo, hi end
    end
  end
  local n, lo, hi = k, find(k)
  for d = 1, #std.indicators do
    if lo then break end
    for _, m in ipairs({ k + d, k - d }) do
      if m >= 0 and m <= #std.indicators then
        lo, hi = find(m)
        if lo then n = m break end
      end
    end
  end
  if not lo then
    error(string.format("the standard %s gives no %s household a status %s", std.name, area, want))
  end
  g.bands[key] = { n, lo, hi }
  return n, lo, hi
end

-- ---- the registry ---------------------------------------------------------------------

local function insert_units(db, p)
  local ins = db:prepare("INSERT INTO units(code, name, level, kind, parent, urban, difficult) "
    .. "VALUES (?, ?, ?, ?, ?, ?, ?)")
  -- the units above the communes, parents first (profile.load made the tree and checked it)
  for _, u in ipairs(p.tree) do
    if u.level ~= "commune" then ins:run(u.code, u.name, u.level, u.kind, u.parent, 0, 0) end
  end
  for _, c in ipairs(p.communes) do
    ins:run(c.code, c.name, "commune", c.kind, c.parent, c.urban, c.difficult)
  end
  ins:close()
end

-- Indicator weights for draws, by area, over the standard's indicators.
local function indicator_draws(p, std)
  local out = {}
  for _, area in ipairs({ "rural", "urban" }) do
    local w = {}
    local given = p.indicator_weights and p.indicator_weights[area] or {}
    for i, col in ipairs(std.indicators) do w[i] = given[col] or 1 end
    out[area] = cumulative(w)
  end
  return out
end

-- The registry's secondary indexes (kehoach.registry.schema's), dropped while the rows go in
-- and made again after them: one sort each instead of a B-tree insert per row.
local function indexes()
  local out = {}
  for _, t in ipairs(schema.tables) do
    for _, ix in ipairs(t.indexes) do
      out[#out + 1] = { name = ix[1], sql = string.format("CREATE INDEX %s ON %s(%s)", ix[1], t.name,
        table.concat(ix, ", ", 2)) }
    end
  end
  return out
end

-- The CHECKs of table t's schema, each negated ("NOT (sex IN ('M','F'))"), in a list.
local function broken_checks(db, t)
  local sql = db:value("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?", t)
  local out = {}
  for c in sql:gmatch("CHECK%s*(%b())") do out[#out + 1] = "NOT " .. c end
  return out
end

-- The checks at the end of a generation, made once over the rows (a row that fails one is a
-- bug in this file): every CHECK of the schema holds (PRAGMA ignore_check_constraints was on
-- while the rows went in), every reference leads to a row, and every recorded status is the
-- one its year's standard computes (std0 for the base review of year0; std1 for the review
-- of year1, when the year after was generated). The surveys are read once for all three.
-- Households are numbered 1..n with none missing, so the references to them are checked
-- from the indexes' first and last entries; otherwise PRAGMA foreign_key_check reads them.
-- (CROSS JOIN: the surveys in their order, each household and unit looked up; left to
-- itself, with no statistics yet, SQLite starts from the units and seeks the surveys.)
local function verify(db, std0, year0, std1, year1)
  for _, t in ipairs({ "persons", "needs", "events", "households", "units" }) do
    local checks = broken_checks(db, t)
    if #checks > 0 then
      local bad = db:value(string.format("SELECT count(*) FROM %s WHERE %s", t, table.concat(checks, " OR ")))
      if bad ~= 0 then error(string.format("the generator wrote %d rows of %s that break a CHECK", bad, t)) end
    end
  end
  local status0 = std0.status_sql("s.income", "u.urban", std0.deprivations_sql("s"))
  local status1 = std1 and std1.status_sql("s.income", "u.urban", std1.deprivations_sql("s")) or "s.status"
  local bad = db:first(string.format([[SELECT count(*) FILTER (WHERE %s) AS broken,
      count(*) FILTER (WHERE s.year = %d AND s.status IS NOT %s) AS status0,
      count(*) FILTER (WHERE s.year = %d AND s.status IS NOT %s) AS status1
    FROM surveys s CROSS JOIN households h ON h.id = s.household
      CROSS JOIN units u ON u.code = h.unit]],
    table.concat(broken_checks(db, "surveys"), " OR "), year0, status0, year1 or 0, status1))
  if bad.broken ~= 0 then error(string.format("the generator wrote %d rows of surveys that break a CHECK", bad.broken)) end
  if bad.status0 ~= 0 then
    error(string.format("generated %d surveys whose status differs from %s", bad.status0, std0.name))
  end
  if bad.status1 ~= 0 then
    error(string.format("the review of %d: %d statuses differ from %s", year1, bad.status1, std1.name))
  end
  local whole = db:first("SELECT count(*) AS n, min(id) AS first, max(id) AS last FROM households")
  local missing = whole.n ~= (whole.last or 0) or (whole.n > 0 and whole.first ~= 1)
  if not missing then
    for _, t in ipairs({ "persons", "surveys", "needs", "events" }) do
      -- two subqueries: each reads one end of the index, where min() and max() together read it all
      local r = db:first(string.format("SELECT (SELECT min(household) FROM %s) AS lo, (SELECT max(household) FROM %s) AS hi", t, t))
      if r.lo and (r.lo < 1 or r.hi > whole.n) then missing = true end
    end
    missing = missing or db:first([[SELECT 1 FROM (SELECT DISTINCT unit FROM households) h
      WHERE NOT EXISTS (SELECT 1 FROM units WHERE code = h.unit)]]) ~= nil
      or db:first([[SELECT 1 FROM units c WHERE c.parent IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM units p WHERE p.code = c.parent)]]) ~= nil
  end
  if missing and db:first("PRAGMA foreign_key_check") then
    error("the generator wrote a row whose reference is missing")
  end
end

-- The bands of every category, area and deprivation count a household of the layout can
-- draw, for core.gen: { [category] = { [area] = { [k + 1] = { k, lo, hi } } } }. A count
-- the standard gives no band for holds band()'s message instead, raised if it is drawn.
local function bands(g, layout)
  local out = {}
  for _, cat in ipairs(CATEGORIES) do out[cat] = {} end
  for _, lay in ipairs(layout) do
    local urban = lay.commune.urban
    local area = urban == 1 and "urban" or "rural"
    for _, cat in ipairs(CATEGORIES) do
      if lay.count[cat] > 0 and not out[cat][area] then
        local list = {}
        for k = 0, #g.dep_draw[cat].cum - 1 do
          local ok, n, lo, hi = pcall(band, g, cat, urban, k)
          if not ok and type(n) ~= "string" then error(n, 0) end
          list[k + 1] = ok and { n, lo, hi } or n
        end
        out[cat][area] = list
      end
    end
  end
  return out
end

function M.run(o)
  local p = o.profile
  local households = o.households or p.households
  local seed = o.seed or p.seed
  local layout = M.layout(p, households)
  local std = p.standard
  local g = { std = std, bands = {}, dep_draw = {} }
  for _, cat in ipairs(CATEGORIES) do g.dep_draw[cat] = cumulative(p.deprivations[cat]) end
  local largest = 0
  for _, lay in ipairs(layout) do largest = max(largest, lay.households) end
  -- core.gen reads the schema's words (statuses, need kinds, indicator columns) from here,
  -- under keys that are not themselves words of the schema
  local names, rates = {}, {}
  for group, n in pairs(p.names) do names[group] = { family = n.family, second = n.middle, given = n.given } end
  for _, cat in ipairs(CATEGORIES) do rates[cat] = (p.need_rates or {})[STATUS[cat]] end
  local spec = {
    seed = seed, year = p.survey.year, total = households, code_width = max(5, #tostring(largest)),
    categories = CATEGORIES, status_of = STATUS, housing_need = "housing",
    columns = { housing_quality = "d_housing_quality", child_schooling = "d_child_schooling",
      health_insurance = "d_health_insurance" },
    names = names, incomes = p.incomes, need_kinds = profiles.NEED_KINDS, need_rates = rates,
    size_draw = cumulative(p.household_size), dep_draw = g.dep_draw,
    indicator_draw = indicator_draws(p, std),
    indicators = INDICATORS, std_indicators = std.indicators,
    unable = p.unable_to_escape, bands = bands(g, layout),
  }
  g.year = spec.year

  local db = o.db or store.registry(o.path, "init")
  -- a new file under a temporary name: no journal needed, the caller renames it when done
  if not o.db then
    db:exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -65536")
  end
  -- the rows are the generator's own: their references and enumerations are checked once,
  -- at the end, rather than row by row (a quarter of the time)
  db:exec("PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON")
  db:exec("BEGIN")
  local deferred = indexes()
  for _, ix in ipairs(deferred) do db:exec("DROP INDEX IF EXISTS " .. ix.name) end
  insert_units(db, p)
  local persons = 0
  do
    local households_of <close> = gen.new(db, spec)
    for _, lay in ipairs(layout) do
      local em = lay.commune.ethnic_minority
      lay.minority = { em.all, em.poor }
      local _
      _, persons = households_of:commune(lay, o.progress)
    end
  end
  for _, ix in ipairs(deferred) do db:exec(ix.sql) end
  local meta = {
    { "generated_by", "kehoach " .. host.version() },
    { "profile", p.name },
    { "seed", tostring(seed) },
    { "households", tostring(households) },
    { "survey_year", tostring(g.year) },
    { "standard", std.name },
    { "standard." .. g.year, std.name },
  }
  for _, kv in ipairs(meta) do db:run("INSERT INTO meta(key, value) VALUES (?, ?)", kv[1], kv[2]) end
  db:exec("COMMIT")
  local next_year
  if p.next_year then
    next_year = year.run({ db = db, profile = p, households = households, seed = seed,
      scale = households / p.households, need_kinds = profiles.NEED_KINDS, ["until"] = o.events_until,
      closing = not o.db })
  end
  db:exec("PRAGMA foreign_keys = ON; PRAGMA ignore_check_constraints = OFF")
  local review = next_year and next_year.review
  verify(db, std, g.year, review and review.standard, review and review.year)
  db:exec("ANALYZE")
  if not o.db then db:close() end
  if o.progress then o.progress(households, households) end
  return { households = households, persons = persons, seed = seed, next_year = next_year }
end

return M
