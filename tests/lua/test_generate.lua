-- test_generate.lua — the registry generator on small registries (5,000 households) of the
-- default profile: what the 2021 plan needs survives scaling down, statuses agree with the
-- standard, and the same seed gives the same data; and the default registry (`make`). And
-- core.gen's random numbers are Lua's: the registries made before it drew them stay the same.
local t = ...
local profiles = require "kehoach.registry.profile"
local generate = require "kehoach.registry.generate"
local standards = require "kehoach.standards"

local T = {}

local function small(seed, households)
  local db = core.store.registry(":memory:", "init")
  local p = profiles.load(profiles.default())
  generate.run({ db = db, profile = p, households = households or 5000, seed = seed })
  return db
end

-- What the 2021 plan asks of the registry, by commune: households with each need among
-- the recognised poor who can escape poverty (the quota), and the households it expects
-- to escape poverty.
local QUOTAS = {
  credit = { ["Thống Nhất"] = 39, ["Tả Phời"] = 9 },
  housing = { ["Tả Phời"] = 7, ["Cốc San"] = 4, ["Thống Nhất"] = 14, ["Hợp Thành"] = 7 },
  livestock = { ["Hợp Thành"] = 6, ["Cốc San"] = 2, ["Tả Phời"] = 1, ["Vạn Hòa"] = 1 },
  training = { ["Tả Phời"] = 14, ["Thống Nhất"] = 1, ["Nam Cường"] = 1 },
}
local ESCAPE = { ["Thống Nhất"] = 40, ["Tả Phời"] = 30, ["Hợp Thành"] = 15, ["Cốc San"] = 2,
  ["Nam Cường"] = 1, ["Pom Hán"] = 1, ["Vạn Hòa"] = 1 }

local function fingerprint(db)
  local parts = {}
  for _, q in ipairs({
    "SELECT group_concat(code || unit || village || head || ethnic_minority, ';') FROM households",
    "SELECT group_concat(name || sex || birth_year || relation || in_school, ';') FROM persons",
    "SELECT group_concat(household || income || status, ';') FROM surveys",
    "SELECT group_concat(household || kind, ';') FROM needs",
  }) do
    parts[#parts + 1] = core.fs.sha256_string(db:value(q))
  end
  return table.concat(parts, " ")
end

function T.test_households_unable_to_escape_are_57_with_105_persons_all_poor()
  local db = small()
  local row = db:first([[SELECT count(*) AS households, sum(status = 'poor') AS poor,
      sum((SELECT count(*) FROM persons p WHERE p.household = s.household)) AS persons
    FROM surveys s WHERE year = 2020 AND unable_to_escape = 1]])
  t.eq(row.households, 57)
  t.eq(row.poor, 57)
  t.eq(row.persons, 105)
  t.eq(db:value([[SELECT count(*) FROM needs n JOIN surveys s ON s.household = n.household
    AND s.year = n.year WHERE s.unable_to_escape = 1]]), 0, "they have no needs: they get the allowance")
end

function T.test_every_quota_has_more_candidates_than_places()
  local db = small()
  for _, kind in ipairs({ "credit", "housing", "livestock", "training" }) do
    for commune, quota in pairs(QUOTAS[kind]) do
      local n = db:value([[SELECT count(*) FROM needs n
        JOIN surveys s ON s.household = n.household AND s.year = n.year
        JOIN households h ON h.id = n.household JOIN units u ON u.code = h.unit
        WHERE n.year = 2020 AND n.kind = ? AND u.name = ? AND s.status = 'poor'
          AND s.unable_to_escape = 0]], kind, commune)
      t.ok(n > quota, string.format("%s in %s: %d candidates for %d places", kind, commune, n, quota))
    end
  end
  for commune, target in pairs(ESCAPE) do
    local n = db:value([[SELECT count(*) FROM surveys s JOIN households h ON h.id = s.household
      JOIN units u ON u.code = h.unit WHERE s.year = 2020 AND s.status = 'poor'
      AND s.unable_to_escape = 0 AND u.name = ?]], commune)
    t.ok(n > target, string.format("%s: %d poor able to escape for a target of %d", commune, n, target))
  end
end

function T.test_recorded_status_is_what_vn_2016_computes()
  local db = small()
  local std = standards.get("vn-2016")
  local dep = std.deprivations_sql("s")
  t.eq(db:value(string.format([[SELECT count(*) FROM surveys s JOIN households h ON h.id = s.household
    JOIN units u ON u.code = h.unit WHERE s.year = 2020 AND s.status IS NOT %s]],
    std.status_sql("s.income", "u.urban", dep))), 0)
  -- both kinds of poverty are there, and the poor are not all at zero income
  local kinds = {}
  for row in db:rows(string.format([[SELECT %s AS kind, count(*) AS n, min(s.income) AS low,
      max(s.income) AS high FROM surveys s JOIN households h ON h.id = s.household
      JOIN units u ON u.code = h.unit WHERE s.year = 2020 AND s.status = 'poor' GROUP BY 1]],
      std.kind_sql("s.income", "u.urban", dep))) do
    kinds[row.kind] = row
  end
  t.ok(kinds.income and kinds.deprivation, "income-poor and deprivation-poor households")
  t.ok(kinds.income.low > 0 and kinds.income.high >= 600000, "income-poor incomes spread below the line")
end

-- the default registry (made by `make`), at the profile's own size
function T.test_poverty_sits_in_the_difficult_communes()
  local db = core.store.registry(core.host.getenv("KEHOACH_REGISTRY") or "data/registry.db", "ro")
  local rate = db:value("SELECT 100.0 * sum(status = 'poor') / count(*) FROM surveys WHERE year = 2020")
  t.ok(rate > 0.5 and rate < 0.7, "city-wide poverty rate near 0.6%, got " .. rate)
  local difficult = db:value([[SELECT 1.0 * sum(u.difficult) / count(*) FROM surveys s
    JOIN households h ON h.id = s.household JOIN units u ON u.code = h.unit WHERE s.year = 2020 AND s.status = 'poor']])
  t.ok(difficult > 0.7, "most poor households live in the four difficult communes")
  local em = db:first([[SELECT avg(CASE WHEN u.difficult = 1 THEN h.ethnic_minority END) AS hard,
    avg(CASE WHEN u.difficult = 0 THEN h.ethnic_minority END) AS other
    FROM households h JOIN units u ON u.code = h.unit]])
  t.ok(em.hard > 3 * em.other, "ethnic minorities concentrated in the difficult communes")
  t.eq(db:value("SELECT name FROM units WHERE code = '02632'"), "Vạn Hòa", "the new tone placement")
  local persons = db:value("SELECT 1.0 * (SELECT count(*) FROM persons) / count(*) FROM households")
  t.ok(persons > 3.2 and persons < 3.6, "about 3.4 persons a household, got " .. persons)
end

function T.test_the_same_seed_gives_the_same_registry()
  local a, b, c = small(7), small(7), small(8)
  t.eq(fingerprint(a), fingerprint(b))
  t.ne(fingerprint(a), fingerprint(c), "another seed, other households")
end

function T.test_too_few_households_for_the_profile_is_refused_with_a_size_that_works()
  local why = t.raises("too few for the profile", small, 1, 600)
  local n = tonumber(why:match("give %-%-households (%d+) or more"))
  t.ok(n and n > 600 and n < 5000, "a size to give: " .. why)
  local p = profiles.load(profiles.default())
  t.raises("too few for the profile", small, 1, generate.smallest(p) - 1)
  local db = small(1, n)
  t.eq(db:value("SELECT count(*) FROM households"), n, "the suggested size makes a registry, 2021 review included")
  t.ok(db:value("SELECT count(*) FROM surveys WHERE year = 2021") > 0)
end

-- The checks at the end of a generation are real: a row that breaks a CHECK of the schema,
-- disagrees with the standard, or references nothing (written here by a trigger, as a bug
-- in the generator would write it) stops the generation with what is wrong.
function T.test_a_bad_row_stops_the_generation()
  local p = profiles.load(profiles.default())
  for _, case in ipairs({
    { "persons", "UPDATE persons SET sex = 'X' WHERE id = NEW.id AND NEW.id = 7",
      "wrote 1 rows of persons that break a CHECK" },
    { "surveys", "UPDATE surveys SET status = CASE status WHEN 'poor' THEN 'middle' ELSE 'poor' END "
      .. "WHERE rowid = NEW.rowid AND NEW.household = 9 AND NEW.year = 2020",
      "generated 1 surveys whose status differs from vn%-2016" },
    { "surveys", "UPDATE surveys SET income = income + 100000000 "
      .. "WHERE rowid = NEW.rowid AND NEW.year = 2021 AND NEW.household = "
      .. "(SELECT min(household) FROM surveys WHERE year = 2021 AND status = 'poor')",
      "the review of 2021: 1 statuses differ from vn%-2022" },
    { "needs", "UPDATE needs SET household = 999999 WHERE rowid = NEW.rowid AND NEW.rowid = 3",
      "a row whose reference is missing" },
  }) do
    local db = core.store.registry(":memory:", "init")
    db:exec(string.format("CREATE TRIGGER bad AFTER INSERT ON %s BEGIN %s; END", case[1], case[2]))
    t.raises(case[3], generate.run, { db = db, profile = p, households = 5000 })
  end
end

-- core.gen.rng(n, m) draws what math.random draws after math.randomseed(n, m): 10^5 of each
-- form, from seeds of both signs, ranges that are and are not a power of two wide.
function T.test_the_generator_draws_lua_s_own_random_numbers()
  for _, seed in ipairs({ { 2021 }, { 2021, 2022 }, { -7, 1 << 40 }, { 0 } }) do
    math.randomseed(table.unpack(seed))
    local rng = core.gen.rng(table.unpack(seed))
    for i = 1, 100000 do
      local n = i % 97 + 1
      local a, b = math.random(), rng:random()
      if a ~= b then t.eq(b, a, "random() draw " .. i) end
      a, b = math.random(n), rng:random(n)
      if a ~= b then t.eq(b, a, "random(" .. n .. ") draw " .. i) end
      a, b = math.random(-6, n * 1000), rng:random(-6, n * 1000)
      if a ~= b then t.eq(b, a, "random(-6, " .. n * 1000 .. ") draw " .. i) end
      a, b = math.random(0), rng:random(0)
      if a ~= b then t.eq(b, a, "random(0) draw " .. i) end
    end
  end
  t.raises("interval is empty", function() core.gen.rng(1):random(3, 2) end)
end

return T
