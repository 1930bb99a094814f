-- classify.lua — the households of one annual review classified by a poverty standard,
-- inside SQLite (the standard's rule compiled to SQL), for db stats, db check and bench.
--
--   classify.open(opts [, recover]) -> db, year, std: the registry opts.db (default
--                           data/registry.db), only read (with recover, opened for writing
--                           first, so that SQLite undoes a change that was interrupted,
--                           from the -journal beside it; said on stderr: db check's
--                           work); the review opts.year (default the
--                           latest); the standard opts.standard, a name or a file
--                           (default the one the
--                           registry's meta says the review was recorded under, key
--                           "standard.<year>", else the one in force that year). Raises
--                           usage or data errors naming what is wrong.
--   classify.OPTIONS     -> the command-line options for the three
--   classify.sql(std)    -> a SELECT over the review of year :year giving, per household:
--                           id, code, unit, urban, income, deprivations, recorded (status),
--                           status (computed), kind ('income'|'deprivation'|NULL),
--                           unable_to_escape
--   classify.sql(std, true) -> the same but code, over the households :lo to :hi only, all
--                           of them of commune :unit, urban :urban
--   classify.runs(db)    -> { [unit code] = { lo =, hi =, n = } }: each unit's first and last
--                           household id and its households; the registry's households;
--                           and whether every unit's households are one run of ids with no
--                           gap (as the generator numbers them, and an import of lists kept
--                           commune by commune), so that lo to hi are the unit's households
local util = require "kehoach.util"
local standards = require "kehoach.standards"

local store, fs, host = core.store, core.fs, core.host

local M = {}

-- The options of the commands that read one review: --db, --year, --standard.
M.OPTIONS = {
  { "db", "FILE", "the household registry (default data/registry.db)" },
  { "year", "Y", "the review (default the latest in the registry)" },
  { "standard", "S", "the poverty standard: a name, or a standard's FILE (default the one the review was recorded under, else the one in force that year)" },
}

function M.open(opts, recover)
  local path = opts.db or "data/registry.db"
  local journal = path .. "-journal"
  local interrupted = recover and fs.exists(journal)
  local db = store.registry(path, recover and "rw" or "ro")
  if interrupted and not fs.exists(journal) then
    host.ewrite(string.format("%s: the change to it that was interrupted is undone (%s is gone)\n",
      path, journal))
  end
  local year
  if opts.year then
    year = math.tointeger(tonumber(opts.year))
    if not year then util.fail("usage", "--year %s: give a year such as 2020", opts.year) end
    if not db:value("SELECT 1 FROM surveys WHERE year = ? LIMIT 1", year) then
      local years = {}
      for row in db:rows("SELECT DISTINCT year FROM surveys ORDER BY year") do years[#years + 1] = row.year end
      util.fail("data", "%s: no review of %d in the registry (reviews: %s)", path, year,
        #years > 0 and table.concat(years, ", ") or "none")
    end
  else
    year = db:value("SELECT max(year) FROM surveys")
    if not year then util.fail("data", "%s: the registry holds no annual review (surveys)", path) end
  end
  -- the standard the review was recorded under, when the registry says (a review made at
  -- the end of 2021 recognises the poor of 2022 under vn-2022), else the one in force
  -- (a standard not shipped: standards/<name>.lua beside the registry, or --standard FILE)
  local recorded = db:value("SELECT value FROM meta WHERE key = ?", "standard." .. year)
  local std, why
  if opts.standard then
    std = standards.option(opts.standard, { path }, year)
  else
    std, why = standards.find(recorded or year, { path }, year)
    if not std and recorded then
      util.fail("data", "%s: its meta says the review of %d was recorded under %s, which kehoach cannot find: %s",
        path, year, recorded, why)
    elseif not std then
      util.fail("usage", "%s: %s; give --standard", path, why)
    end
  end
  return db, year, std, path
end

function M.runs(db)
  local by_unit, households, whole = {}, 0, true
  for r in db:rows("SELECT unit, min(id) AS lo, max(id) AS hi, count(*) AS n FROM households GROUP BY unit") do
    whole = whole and r.hi - r.lo + 1 == r.n
    by_unit[r.unit] = r
    households = households + r.n
  end
  return by_unit, households, whole
end

-- With span, the review of the households numbered :lo to :hi, all of commune :unit
-- (urban :urban), read along the reviews' primary key: no household or unit is looked up,
-- so there is no code column. db stats reads a registry whose communes' households are
-- each numbered in one run so: at ten million households, looking each household up took
-- 11.8 times as long as at one million, and reading the runs 10.
function M.sql(std, span)
  local dep = std.deprivations_sql("s")
  local head, urban, from
  if span then
    head, urban = "s.household AS id, :unit AS unit, :urban AS urban", ":urban"
    -- "+s.year": a registry without ANALYZE's statistics would have SQLite read the whole
    -- review by the index of years for each commune
    from = "surveys s WHERE s.household BETWEEN :lo AND :hi AND +s.year = :year"
  else
    head, urban = "h.id AS id, h.code AS code, h.unit AS unit, u.urban AS urban", "u.urban"
    from = [[surveys s JOIN households h ON h.id = s.household JOIN units u ON u.code = h.unit
    WHERE s.year = :year]]
  end
  return string.format([[SELECT %s,
      s.income AS income, %s AS deprivations, s.status AS recorded, %s AS status, %s AS kind,
      s.unable_to_escape AS unable_to_escape
    FROM %s]], head, dep, std.status_sql("s.income", urban, dep), std.kind_sql("s.income", urban, dep),
    from)
end

return M
