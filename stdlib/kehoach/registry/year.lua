-- year.lua — the year after a registry's review, simulated from the profile's `next_year`:
-- the events of that year (escaped, fell_into, re_poor, moved, dissolved), and the review at
-- its end — a survey row per household still there, with incomes moved on, every indicator
-- of both standards filled, and the status recognised under the review's standard — with
-- the needs registered at it.
--
--   year.run{ db =, profile =, scale =, seed =, until = "YYYY-MM-DD" | nil, closing = bool }
--       adds the year to a registry the generator has just written (the base review of
--       profile.survey.year is there); events dated after `until` are left out, and the
--       review only written when `until` reaches its date. Returns { events =, surveys =,
--       review = { year =, standard = } when the review was written }. closing: the caller
--       closes db next, and its temporary tables go with it.
--
-- How it hangs together, so that every figure agrees with every other:
--   * escapes are drawn among the poor able to escape, per commune and quarter, exactly as
--     many as the profile says, more readily among households with the needs the year's
--     supports serve (credit, livestock, ...: escape_weights); newly poor (fell_into) among
--     the near-poor and middle households, those falling back (re_poor) among the near-poor;
--     moving away and dissolving by rates (a household unable to escape dissolves more often:
--     they are mostly old people living alone).
--   * at the review, a household is poor under the base standard (vn-2016) exactly when it
--     was poor and did not escape, or fell (back) into poverty during the year;
--   * under the review's standard (vn-2022: one income line, poor with 3 or more of its
--     deprivations) each commune has exactly the poor and near-poor households the profile
--     says. Below the new line go every household poor under the old standard and then the
--     lowest incomes; of those, the most deprived are poor (households unable to escape
--     first), the others near-poor.
--   * each household's income (last year's moved on by growth, lifted for an escape, cut for
--     a fall) and deprivations (last year's, most persisting; employment, dependants and
--     nutrition, which the old standard did not ask, drawn or — dependants — counted from
--     its members) are then brought into the band of what it is under both standards.
-- At the end kehoach.registry.generate checks, in its one pass over the surveys, that the
-- recorded status is what the review's standard gives; that the base standard finds poor
-- exactly the households the events leave poor holds by the bands (tests/lua/test_year.lua
-- checks it).
--
-- Memory stays flat at any size: households stream through SQL in two passes; what ties
-- them together (ranks within a commune) is done in SQL over a temporary table: a commune's
-- first n by a total order (ORDER BY ... LIMIT n, which sorts only the n kept), or a window.
local util = require "kehoach.util"
local values = require "kehoach.plan.values"
local schema = require "kehoach.registry.schema"
local classify = require "kehoach.registry.classify"

local gen = core.gen

local floor = math.floor

local M = {}

local INDICATORS = schema.values.indicator

-- Indicators a review may add that the household's members do not fix: the household's
-- schooling and health insurance are in its persons, which stay as they were.
local ADDABLE = { "d_employment", "d_nutrition", "d_adult_education", "d_housing_quality",
  "d_housing_area", "d_water", "d_latrine", "d_telecom", "d_information", "d_health_access" }

-- The note each event carries, as a commune's officer would write it.
local NOTES = { escaped = "Thoát nghèo", fell_into = "Phát sinh hộ nghèo mới", re_poor = "Tái nghèo",
  moved = "Chuyển đi nơi khác", dissolved = "Hộ không còn (không còn thành viên hoặc nhập hộ khác)" }

local function round(x) return floor(x + 0.5) end

-- ---- dates ------------------------------------------------------------------------------

local MONTH_DAYS = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 }

local function leap(y) return (y % 4 == 0 and y % 100 ~= 0) or y % 400 == 0 end

-- "YYYY-MM-DD" of day-of-year n (1-based) of year y.
local function date_of(y, n)
  for m = 1, 12 do
    local days = (m == 2 and leap(y)) and 29 or MONTH_DAYS[m]
    if n <= days then return string.format("%04d-%02d-%02d", y, m, n) end
    n = n - days
  end
  error("day beyond the year")
end

local function days_in(y) return leap(y) and 366 or 365 end

-- ---- the counts, scaled like the base review's ----------------------------------------

-- Per commune code: escapes by quarter, fell_into, re_poor, the review's poor and near-poor.
-- Counts of poverty scale up with a larger registry and are kept in a smaller one; the
-- near-poor scale both ways, as in generate.layout.
local function counts(p, scale)
  local function up(n) return scale >= 1 and round(n * scale) or n end
  local out = {}
  for _, c in ipairs(p.communes) do
    local nx = c.next
    local q = {}
    for i = 1, 4 do q[i] = up(nx.escaped[i]) end
    out[c.code] = { name = c.name, q = q, escaped = q[1] + q[2] + q[3] + q[4],
      fell = up(nx.fell_into), re = up(nx.re_poor), poor = up(nx.poor),
      near = round(nx.near_poor * scale) }
  end
  return out
end

-- ---- pass 1: what each household's year would be, before the communes are tallied -----

-- Each household of the base review gets its draws for the year (core.gen's y:propose):
-- whether it leaves (moves away, or ends: its last member gone) and when; its income moved
-- on by growth, and the incomes an escape or a fall would give it; its weighted sampling keys
-- (Efraimidis–Spirakis: the k largest are a weighted sample of k without replacement) for
-- escaping (more readily with the needs escape_weights names), falling into poverty and
-- falling back; last year's deprivations, most of them persisting, with those the base
-- review did not ask drawn (employment, nutrition) or counted (dependants: more than half
-- the members unable to work); and a draw that orders the poor at the review.
local function pass_one(db, g, y)
  local d_cols = {}
  for i, col in ipairs(INDICATORS) do d_cols[i] = "s." .. col end
  local dep0 = g.std0.deprivations_sql("s")
  -- the base review in the order its rows were written, household by household in the
  -- order of id (core.gen raises an error should they not be), each household looked up
  -- by its id, the next one's mostly: a review looked up for each household in the
  -- households' order descended its index each time (at ten million households, 10.9 times
  -- as long as at one million, and reading the review in its order 9.8)
  local sql = string.format([[
    SELECT s.household AS id, h.unit, u.urban, s.income, s.status, s.unable_to_escape AS unable,
      %s AS kind, %s
    FROM surveys s NOT INDEXED CROSS JOIN households h ON h.id = s.household
      CROSS JOIN units u ON u.code = h.unit
    WHERE s.year = :y AND u.level = 'commune']],
    g.std0.kind_sql("s.income", "u.urban", dep0), table.concat(d_cols, ", "))
  -- the members and needs of each household merged in, rather than looked up for each:
  -- persons are numbered household by household
  return y:propose(sql, "SELECT household, can_work FROM persons ORDER BY id",
    "SELECT household, kind FROM needs WHERE year = :y ORDER BY household, kind",
    [[INSERT INTO temp.kh_year(id, unit, urban, status0, kind0, unable, gone,
      gone_day, income, escape_income, fall_income, k_escape, k_fell, k_re, deps, d1, rnd, needs0,
      poor0)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)]])
end

-- ---- the tallies, commune by commune, in SQL -----------------------------------------

-- Fails with the commune named when the profile asks for more than its households hold.
local function short(g, code, what, want, have)
  util.fail("usage", "%s: %s in %d: %d households %s, but only %d can be (at %s households): give more --households",
    g.path, g.counts[code].name, g.year, want, what, have, util.group_digits(g.households))
end

local function tally(db, g)
  db:exec([[DROP TABLE IF EXISTS temp.kh_year_counts;
    CREATE TEMP TABLE kh_year_counts(unit TEXT PRIMARY KEY, escaped INTEGER, fell INTEGER,
      re INTEGER, poor INTEGER, near INTEGER)]])
  local ins = db:prepare("INSERT INTO temp.kh_year_counts VALUES (?, ?, ?, ?, ?, ?)")
  local units = util.sorted_keys(g.counts)
  for _, code in ipairs(units) do
    local c = g.counts[code]
    ins:run(code, c.escaped, c.fell, c.re, c.poor, c.near)
  end
  ins:close()
  -- each commune's households lie in one run of ids (the generator numbers them commune by
  -- commune): its queries below read that run of temp.kh_year in order, where an index of
  -- the table by commune would be one more sort of every household (and a seek per row).
  -- `unit = ?` stays in each, so they would still be right were a run shared.
  local spans = classify.runs(db)

  -- one kind of event: the `n` households of each commune with the largest key among the
  -- candidates (after the events already drawn), commune by commune: a sort that keeps only
  -- the n it takes, where a window over the table ranked every candidate (the order is
  -- total, so the same households, ranked alike). A commune with fewer than n candidates
  -- takes them all: the rows changed say how many there were.
  local function draw(kind, n_col, key_col, what)
    local pick <close> = db:prepare(string.format([[UPDATE temp.kh_year SET event = '%s', event_rank = r.k
      FROM (SELECT id, row_number() OVER (ORDER BY key DESC, id) AS k
            FROM (SELECT id, %s AS key FROM temp.kh_year
                  WHERE id BETWEEN ? AND ? AND unit = ? AND gone IS NULL AND event IS NULL
                    AND %s IS NOT NULL
                  ORDER BY %s DESC, id LIMIT ?)) r
      WHERE kh_year.id = r.id]], kind, key_col, key_col, key_col))
    for _, code in ipairs(units) do
      local want, span = g.counts[code][n_col], spans[code]
      local have = span and pick:run(span.lo, span.hi, code, want) or 0
      if have < want then short(g, code, what, want, have) end
    end
  end
  draw("escaped", "escaped", "k_escape", "to escape poverty among the poor able to")
  draw("re_poor", "re", "k_re", "to fall back into poverty among the near-poor")
  draw("fell_into", "fell", "k_fell", "newly poor among the near-poor and middle households")

  -- poor under the base standard at the review, and the income the year leaves (pass one
  -- wrote both as they are without an event: poor0 is status0 = 'poor' for those staying)
  db:exec([[UPDATE temp.kh_year SET
      poor0 = CASE WHEN (status0 = 'poor' AND event IS NOT 'escaped')
                     OR event IS 'fell_into' OR event IS 're_poor' THEN 1 ELSE 0 END,
      income = CASE event WHEN 'escaped' THEN max(income, escape_income)
                          WHEN 'fell_into' THEN min(income, fall_income)
                          WHEN 're_poor' THEN min(income, fall_income) ELSE income END
    WHERE gone IS NULL AND event IS NOT NULL]])

  -- below the review's line: the poor of the base standard, then the lowest incomes
  local wants = {}
  do
    local present <close> = db:prepare([[SELECT count(*) AS present,
        count(*) FILTER (WHERE poor0) AS poor0, count(*) FILTER (WHERE unable = 1) AS unable
      FROM temp.kh_year WHERE id BETWEEN ? AND ? AND unit = ? AND gone IS NULL]])
    for _, code in ipairs(units) do
      local c, span = g.counts[code], spans[code]
      local r = { present = 0, poor0 = 0, unable = 0 }
      if span then for row in present:rows(span.lo, span.hi, code) do r = row end end
      local want = c.poor + c.near
      if want < r.poor0 then
        short(g, code, "poor or near-poor under " .. g.std1.name .. ", which must hold the "
          .. r.poor0 .. " poor under " .. g.std0.name, r.poor0, want)
      elseif want > r.present then
        short(g, code, "poor or near-poor under " .. g.std1.name, want, r.present)
      elseif c.poor < r.unable then
        short(g, code, "poor under " .. g.std1.name .. " (the households unable to escape "
          .. "poverty among them)", r.unable, c.poor)
      end
      if span then wants[#wants + 1] = { unit = code, span = span, n = want - r.poor0 } end
    end
  end
  db:exec("UPDATE temp.kh_year SET below = 1 WHERE gone IS NULL AND poor0")
  -- commune by commune, the lowest incomes up to the count (a sort that keeps only what the
  -- count takes, where a window ranked every household: two thirds of the tallies' time);
  -- the order (income, id) is total, so the households are the ones a ranking would pick
  do
    local lowest <close> = db:prepare([[UPDATE temp.kh_year SET below = 1 WHERE id IN (SELECT id
      FROM temp.kh_year WHERE id BETWEEN ? AND ? AND unit = ? AND gone IS NULL AND NOT poor0
      ORDER BY income, id LIMIT ?)]])
    for _, r in ipairs(wants) do lowest:run(r.span.lo, r.span.hi, r.unit, r.n) end
  end
  db:exec([[
    UPDATE temp.kh_year SET poor1 = 1
      FROM (SELECT id, unit, row_number() OVER (PARTITION BY unit ORDER BY
              unable DESC, (status0 = 'poor' AND kind0 = 'deprivation' AND event IS NULL) DESC,
              d1 DESC, rnd, id) AS k
            FROM temp.kh_year WHERE below = 1) r
      JOIN temp.kh_year_counts c ON c.unit = r.unit
      WHERE kh_year.id = r.id AND r.k <= c.poor;]])
end

-- ---- pass 2: each household brought into its band, and written -----------------------

-- core.gen's y:settle, row by row: the household's event, dated (an escape in the quarter
-- its rank falls in); its status under the review's standard (from the tallies); its income
-- brought into the band of what it is under both standards (itself when it falls there,
-- else drawn near the edge it passed), and its deprivations added or removed until their
-- counts under both standards are within that band's bounds; then its survey, and the needs
-- the poor and near-poor able to escape register (kept from last year, or new by rates).
local function pass_two(db, g, out, y)
  local d_cols = table.concat(INDICATORS, ", ")
  out.events, out.surveys = y:settle(
    [[SELECT id, unit, urban, status0, kind0, unable, gone, gone_day, income, deps, needs0, event,
        event_rank, poor0, below, poor1 FROM temp.kh_year ORDER BY id]],
    "INSERT INTO surveys(household, year, income, status, unable_to_escape, " .. d_cols
      .. ") VALUES (?, ?, ?, ?, ?" .. string.rep(", ?", #INDICATORS) .. ")",
    "INSERT INTO needs(household, year, kind) VALUES (?, ?, ?)",
    "INSERT INTO temp.kh_year_events(household, day, kind, note) VALUES (?, ?, ?, ?)")
  -- events in date order
  db:exec(string.format([[INSERT INTO events(household, date, kind, note)
    SELECT household, date(%s, '+' || (day - 1) || ' days'), kind, note FROM temp.kh_year_events
    ORDER BY day, household, kind]], string.format("'%04d-01-01'", g.year)))
end

-- ---- the whole year ------------------------------------------------------------------

-- What core.gen's two passes read, under keys that are not words of the schema (the
-- engine's C holds none of them): the profile's `next_year` as numbers and lists, and the
-- words the passes compare and write.
local function drawing(g)
  local ny = g.ny
  local function new(col)
    local r = ny.new_deprivations[col] or {}
    return { r.poor or 0, r.near_poor or 0, r.other or 0 }
  end
  local weights, poor, near = {}, g.need_rates.poor or {}, g.need_rates.near_poor or {}
  local rates_poor, rates_near = {}, {}
  for i, kind in ipairs(g.need_kinds) do
    weights[i] = ny.escape_weights[kind] or 0
    rates_poor[i], rates_near[i] = poor[kind] or 0, near[kind] or 0
  end
  local l = g.lines
  return {
    seed = g.seed, year = g.year, days = g.days, review_day = g.review_day, until_day = g.until_day,
    indicators = INDICATORS, ind0 = g.std0.indicators, ind1 = g.std1.indicators, addable = ADDABLE,
    columns = { employment_column = "d_employment", nutrition_column = "d_nutrition",
      dependants_column = "d_dependants" },
    words = { status_poor = "poor", status_near_poor = "near_poor", status_middle = "middle",
      status_non_poor = "non_poor", event_escaped = "escaped", event_moved = "moved",
      event_dissolved = "dissolved" },
    persist = ny.persist, leaving = ny.moved, needs_kept = ny.needs_kept,
    ending = { ny.dissolved.all, ny.dissolved.alone, ny.dissolved.unable },
    growth = { ny.growth.mean, ny.growth.spread },
    escape_income = ny.escaped_income, fall_income = ny.fallen_income,
    new_employment = new("d_employment"), new_nutrition = new("d_nutrition"),
    fell_weights = { ny.fell_weights.near_poor, ny.fell_weights.middle },
    lines = { l.poor0, l.near0, l.poor1, l.middle1 }, k0 = g.k0, k1 = g.k1, incomes = g.incomes,
    need_kinds = g.need_kinds, escape_weights = weights, rates_poor = rates_poor,
    rates_near_poor = rates_near, notes = g.notes, counts = g.counts,
  }
end

local function lines_of(std0, std1)
  local l = { poor0 = {}, near0 = {}, poor1 = {}, middle1 = {} }
  for _, area in ipairs({ "rural", "urban" }) do
    l.poor0[area] = std0.lines.poor[area]
    l.near0[area] = std0.lines.near_poor[area]
    l.poor1[area] = std1.lines.poor[area]
    l.middle1[area] = std1.lines.middle[area]
  end
  return l
end

local function set_of(list)
  local s = {}
  for _, v in ipairs(list) do s[v] = true end
  return s
end

function M.run(o)
  local p = o.profile
  local ny = p.next_year
  local year = ny.year
  local review = values.date(ny.review.date)
  local std0, std1 = p.standard, ny.review.standard_table
  local g = {
    ny = ny, year = year, base_year = p.survey.year, path = p.path, households = o.households,
    std0 = std0, std1 = std1, lines = lines_of(std0, std1),
    k0 = ny.review.k0, k1 = ny.review.k1,
    in0 = set_of(std0.indicators), in1 = set_of(std1.indicators),
    incomes = p.incomes, need_rates = ny.need_rates or p.need_rates or {}, need_kinds = o.need_kinds,
    counts = counts(p, o.scale),
    days = days_in(year),
    notes = NOTES, seed = o.seed,
  }
  -- day-of-year of the review and of `until` (0: before the year; days + 1: after it)
  local function day_of(d)
    if d.year < year then return 0 end
    if d.year > year then return g.days + 1 end
    local n = d.day
    for m = 1, d.month - 1 do n = n + ((m == 2 and leap(year)) and 29 or MONTH_DAYS[m]) end
    return n
  end
  g.review_day = day_of(review)
  g.until_day = o["until"] and day_of(o["until"]) or g.days + 1
  local db = o.db
  if g.until_day < 1 then
    -- nothing of the year is kept: no events, no review
    db:run("INSERT INTO meta(key, value) VALUES (?, ?)", "events_until", o["until"].text)
    return { events = 0, surveys = 0 }
  end

  db:exec([[DROP TABLE IF EXISTS temp.kh_year; DROP TABLE IF EXISTS temp.kh_year_events;
    CREATE TEMP TABLE kh_year(id INTEGER PRIMARY KEY, unit TEXT, urban INTEGER, status0 TEXT,
      kind0 TEXT, unable INTEGER, gone TEXT, gone_day INTEGER, income INTEGER,
      escape_income INTEGER, fall_income INTEGER, k_escape REAL, k_fell REAL, k_re REAL,
      deps INTEGER, d1 INTEGER, rnd REAL, needs0 TEXT, event TEXT, event_rank INTEGER,
      poor0 INTEGER, below INTEGER NOT NULL DEFAULT 0, poor1 INTEGER NOT NULL DEFAULT 0);
    CREATE TEMP TABLE kh_year_events(household INTEGER, day INTEGER, kind TEXT, note TEXT);
    BEGIN]])
  local out = { events = 0, surveys = 0 }
  -- the draws: one stream, seeded as math.randomseed(seed, year), through both passes
  local y <close> = gen.year(db, drawing(g))
  pass_one(db, g, y)
  tally(db, g)
  pass_two(db, g, out, y)
  local meta = { { "events_until", o["until"] and o["until"].text or date_of(year, g.days) } }
  if g.until_day >= g.review_day then
    meta[#meta + 1] = { "standard." .. year, std1.name }
    -- kehoach.registry.generate checks the review's statuses against std1
    out.review = { year = year, standard = std1 }
  end
  for _, kv in ipairs(meta) do db:run("INSERT INTO meta(key, value) VALUES (?, ?)", kv[1], kv[2]) end
  db:exec("COMMIT")
  -- a connection about to close leaves them to it: dropping a table walks every page of it
  -- (a third of a second a million households)
  if not o.closing then db:exec("DROP TABLE temp.kh_year; DROP TABLE temp.kh_year_events") end
  return out
end

return M
