-- test_year.lua — the simulated year 2021 of the default profile (kehoach.registry.year):
-- the events agree with the 2021 review under the old standard, the review's counts under
-- vn-2022 are the profile's, the recognised poverty rate rises as the profile says, and
-- --events-until keeps a prefix of the same year. Small registries (5,000 households) and
-- the default one (made by `make`).
local t = ...
local profiles = require "kehoach.registry.profile"
local generate = require "kehoach.registry.generate"
local standards = require "kehoach.standards"
local values = require "kehoach.plan.values"

local T = {}

local function small(events_until)
  local db = core.store.registry(":memory:", "init")
  local p = profiles.load(profiles.default())
  generate.run({ db = db, profile = p, households = 5000, seed = 3,
    events_until = events_until and values.date(events_until) })
  return db, p
end

local function default_registry()
  return core.store.registry(core.host.getenv("KEHOACH_REGISTRY") or "data/registry.db", "ro")
end

-- SQL: the status `std` gives the 2021 review of household alias s (units u).
local function status_sql(std)
  return std.status_sql("s.income", "u.urban", std.deprivations_sql("s"))
end

function T.test_events_agree_with_the_review_under_the_old_standard()
  local db = small()
  local old = standards.get("vn-2016")
  local sql = string.format([[SELECT e.kind, %s AS status FROM events e
    JOIN surveys s ON s.household = e.household AND s.year = 2021
    JOIN households h ON h.id = e.household JOIN units u ON u.code = h.unit]], status_sql(old))
  local seen = {}
  for row in db:rows(sql) do
    seen[row.kind] = (seen[row.kind] or 0) + 1
    if row.kind == "escaped" then
      t.ne(row.status, "poor", "a household that escaped is not poor under vn-2016 at the review")
    else
      t.eq(row.status, "poor", row.kind .. ": poor under vn-2016 at the review")
    end
  end
  t.ok(seen.escaped and seen.fell_into and seen.re_poor, "escapes, new and returning poor")
  -- and nobody else changed: poor at the review = poor before - escaped + fell (back) in
  local counts = db:first(string.format([[SELECT
      (SELECT count(*) FROM surveys WHERE year = 2020 AND status = 'poor'
         AND household NOT IN (SELECT household FROM events WHERE kind IN ('escaped', 'moved', 'dissolved'))) AS stayed,
      (SELECT count(*) FROM events WHERE kind IN ('fell_into', 're_poor')) AS fell,
      (SELECT count(*) FROM surveys s JOIN households h ON h.id = s.household JOIN units u ON u.code = h.unit
         WHERE s.year = 2021 AND %s = 'poor') AS poor]], status_sql(old)))
  t.eq(counts.poor, counts.stayed + counts.fell)
end

function T.test_households_that_left_have_no_review_and_the_others_one()
  local db = small()
  t.eq(db:value([[SELECT count(*) FROM surveys s JOIN events e ON e.household = s.household
    WHERE s.year = 2021 AND e.kind IN ('moved', 'dissolved')]]), 0)
  local left = db:value("SELECT count(*) FROM events WHERE kind IN ('moved', 'dissolved')")
  t.ok(left > 0, "some households moved away or ended")
  t.eq(db:value("SELECT count(*) FROM surveys WHERE year = 2021"), 5000 - left)
  t.eq(db:value("SELECT count(DISTINCT household) FROM events"), db:value("SELECT count(*) FROM events"),
    "one event a household in the year")
end

function T.test_escapes_by_commune_and_quarter_are_the_profiles()
  local db, p = small()
  for _, c in ipairs(p.communes) do
    for q = 1, 4 do
      local n = db:value([[SELECT count(*) FROM events e JOIN households h ON h.id = e.household
        WHERE e.kind = 'escaped' AND h.unit = ? AND (CAST(substr(e.date, 6, 2) AS INTEGER) + 2) / 3 = ?]], c.code, q)
      t.eq(n, c.next.escaped[q], string.format("%s Q%d", c.name, q))
    end
  end
  t.eq(db:value([[SELECT count(*) FROM events e JOIN surveys s ON s.household = e.household AND s.year = 2020
    WHERE e.kind = 'escaped' AND (s.status <> 'poor' OR s.unable_to_escape = 1)]]), 0,
    "only poor households able to escape escape")
end

function T.test_the_review_counts_under_vn_2022_are_the_profiles()
  local db = default_registry()
  local p = profiles.load(profiles.default())
  local new = standards.get("vn-2022")
  for _, c in ipairs(p.communes) do
    local row = db:first(string.format([[SELECT sum(s.status = 'poor') AS poor, sum(s.status = 'near_poor') AS near,
        sum(%s IS NOT s.status) AS differ
      FROM surveys s JOIN households h ON h.id = s.household JOIN units u ON u.code = h.unit
      WHERE s.year = 2021 AND h.unit = ?]], status_sql(new)), c.code)
    t.eq(row.poor, c.next.poor, c.name .. ": poor under vn-2022")
    t.eq(row.near, c.next.near_poor, c.name .. ": near-poor under vn-2022")
    t.eq(row.differ, 0, c.name .. ": the recorded status is vn-2022's")
  end
  t.eq(db:value("SELECT value FROM meta WHERE key = 'standard.2021'"), "vn-2022")
  t.eq(db:value("SELECT value FROM meta WHERE key = 'standard.2020'"), "vn-2016")
end

-- The rise the profile explains: twice the old standard's count at the same review.
function T.test_the_recognised_poverty_rate_rises_under_the_new_standard()
  local db = default_registry()
  local function rate(year, std)
    return db:value(string.format([[SELECT 100.0 * sum(%s = 'poor') / count(*) FROM surveys s
      JOIN households h ON h.id = s.household JOIN units u ON u.code = h.unit WHERE s.year = ?]],
      status_sql(std)), year)
  end
  local old, new = standards.get("vn-2016"), standards.get("vn-2022")
  local r2020, r2021_old, r2021_new = rate(2020, old), rate(2021, old), rate(2021, new)
  t.ok(r2021_old < r2020, string.format("escapes lower the old rate: %.2f%% -> %.2f%%", r2020, r2021_old))
  local ratio = r2021_new / r2021_old
  t.ok(ratio > 1.6 and ratio < 2.4, string.format("vn-2022 finds about twice as many poor: %.2f", ratio))
end

function T.test_the_unable_to_escape_stay_poor_without_needs()
  local db = small()
  local row = db:first([[SELECT count(*) AS n, sum(s.status = 'poor') AS poor,
      sum(o.unable_to_escape) AS before,
      (SELECT count(*) FROM needs n WHERE n.household = s.household AND n.year = 2021) AS needs
    FROM surveys s JOIN surveys o ON o.household = s.household AND o.year = 2020
    WHERE s.year = 2021 AND s.unable_to_escape = 1]])
  t.ok(row.n > 50 and row.n <= 57, "most of the 57 are still there: " .. row.n)
  t.eq(row.poor, row.n)
  t.eq(row.before, row.n, "the same households as in 2020")
  t.eq(row.needs, 0)
end

function T.test_dependants_are_counted_from_the_members()
  local db = small()
  t.eq(db:value([[SELECT count(*) FROM surveys s WHERE s.year = 2021 AND s.d_dependants IS NOT
    (SELECT CASE WHEN 2 * sum(p.can_work = 0) > count(*) THEN 1 ELSE 0 END FROM persons p
     WHERE p.household = s.household)]]), 0)
end

-- The 2022 plan has candidates: the poor of the difficult communes registered needs.
function T.test_the_review_registers_needs_of_the_poor_and_near_poor()
  local db = default_registry()
  local rows = {}
  for r in db:rows([[SELECT n.kind, count(*) AS n, sum(s.status NOT IN ('poor', 'near_poor')) AS other
      FROM needs n JOIN surveys s ON s.household = n.household AND s.year = n.year
      WHERE n.year = 2021 GROUP BY n.kind]]) do
    rows[r.kind] = r
  end
  t.ok(rows.credit and rows.credit.n > 50, "credit needs")
  t.ok(rows.housing and rows.housing.n > 10, "housing needs")
  for kind, r in pairs(rows) do t.eq(r.other, 0, kind .. ": only poor and near-poor households") end
end

function T.test_events_until_keeps_a_prefix_of_the_same_year()
  local full = small()
  local half = small("2021-06-30")
  local function events(db)
    local out = {}
    for r in db:rows("SELECT household, date, kind FROM events ORDER BY id") do
      out[#out + 1] = r.household .. " " .. r.date .. " " .. r.kind
    end
    return out
  end
  local want = {}
  for r in full:rows("SELECT household, date, kind FROM events WHERE date <= '2021-06-30' ORDER BY id") do
    want[#want + 1] = r.household .. " " .. r.date .. " " .. r.kind
  end
  t.ok(#want > 10, "events in the first half")
  t.eq(events(half), want)
  t.eq(half:value("SELECT count(*) FROM surveys WHERE year = 2021"), 0, "no year-end review yet")
  t.eq(half:value("SELECT count(*) FROM needs WHERE year = 2021"), 0)
  t.eq(half:value("SELECT value FROM meta WHERE key = 'events_until'"), "2021-06-30")
  t.eq(half:value("SELECT value FROM meta WHERE key = 'standard.2021'"), nil)
  local none = small("2020-12-31")
  t.eq(none:value("SELECT count(*) FROM events"), 0)
  -- the base review is the same whatever the year does
  t.eq(none:value("SELECT sum(income) FROM surveys WHERE year = 2020"),
    full:value("SELECT sum(income) FROM surveys WHERE year = 2020"))
end

function T.test_a_profile_asking_more_than_a_commune_holds_names_it()
  local p = profiles.load(profiles.default())
  for _, c in ipairs(p.communes) do
    if c.name == "Pom Hán" then c.next.escaped = { 0, 0, 5, 4 } end
  end
  local db = core.store.registry(":memory:", "init")
  t.raises("Pom Hán in 2021: 9 households to escape poverty among the poor able to, but only 3 can be",
    generate.run, { db = db, profile = p, households = 5000, seed = 3 })
end

-- A year that asks of a commune more than its households hold fails, naming the commune and
-- what was asked: the tallies read each commune's run of households, and a commune's count
-- is checked against what that run holds.
function T.test_a_year_asking_too_much_of_a_commune_names_it()
  local function fails(change, pattern)
    local p = profiles.load(profiles.default())
    change(p.communes[1].next)
    local db = core.store.registry(":memory:", "init")
    local msg = t.raises(pattern, generate.run, { db = db, profile = p, households = 5000, seed = 3 })
    t.contains(msg, p.communes[1].name)
    t.contains(msg, "give more --households")
    db:close()
  end
  fails(function(nx) nx.escaped = { 0, 0, 0, 400 } end, "to escape poverty among the poor able to")
  fails(function(nx) nx.re_poor = 4000 end, "to fall back into poverty among the near%-poor")
  fails(function(nx) nx.near_poor = 4000 end, "poor or near%-poor under vn%-2022")
  fails(function(nx) nx.near_poor, nx.poor = 0, 0 end, "which must hold the %d+ poor under vn%-2016")
end

return T
