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
-- The same profile, seed and size give the same data: one xoshiro stream
-- (math.randomseed), communes and categories visited in fixed order. Households stream
-- through prepared statements, a transaction per batch; nothing is kept in Lua tables
-- beyond the household being made, so memory stays flat at any size. Each household's
-- category (unable to escape, income-poor, deprivation-poor, near-poor, middle,
-- non-poor) is drawn without replacement from its commune's exact counts; its income and
-- deprivations are drawn inside the band the standard gives that category, and at the end
-- SQLite checks that every recorded status is the one the standard computes.
local util = require "kehoach.util"
local profiles = require "kehoach.registry.profile"
local schema = require "kehoach.registry.schema"
local year = require "kehoach.registry.year"

local host, store = core.host, core.store

local random, floor, max, min = math.random, math.floor, math.max, math.min

local M = {}

local BATCH = 10000 -- households per transaction
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

-- A cumulative table for weighted draws.
local function cumulative(weights)
  local cum, sum = {}, 0
  for i, w in ipairs(weights) do
    sum = sum + w
    cum[i] = sum
  end
  return { cum = cum, total = sum }
end

-- Index drawn with the weights of a cumulative table.
local function draw(c)
  local r = random() * c.total
  local cum = c.cum
  for i = 1, #cum do
    if r < cum[i] then return i end
  end
  return #cum
end

local function pick(list) return list[random(#list)] end

-- Sizes of the households unable to escape: n households, exactly `persons` persons, most
-- of them living alone or in twos (each extra person goes to a random household, more
-- readily to one of one).
local function unable_sizes(n, persons, largest)
  local sizes = {}
  if n == 0 then return sizes end  -- a profile with none
  for i = 1, n do sizes[i] = 1 end
  local cap = min(largest, max(4, -(-persons // n) + 1))
  local left = persons - n
  while left > 0 do
    local i = random(n)
    if sizes[i] < cap and (sizes[i] == 1 or random() < 0.35) then
      sizes[i] = sizes[i] + 1
      left = left - 1
    end
  end
  return sizes
end

-- ---- one household ----------------------------------------------------------------------

-- The people of one household, into the reusable array `people` (records reused too).
-- Returns the number of school-age children (6 to 15).
local function make_people(people, size, g, em, category, year)
  local names = em and g.names.minority or g.names.majority
  local unable = category == "unable"
  local head_age
  if unable then
    head_age = random() < 0.7 and random(62, 92) or random(30, 60)
  else
    head_age = random(24, 58) + random(0, 20)
  end
  local head_sex = random() < (unable and 0.45 or 0.78) and "M" or "F"
  local family = pick(names.family)
  local school = 0
  for i = 1, size do
    local p = people[i]
    if not p then
      p = {}
      people[i] = p
    end
    local age, sex, relation, fam = head_age, head_sex, "Chủ hộ", family
    if i > 1 then
      local r = random()
      if i == 2 and r < (unable and 0.3 or 0.85) then
        sex = head_sex == "M" and "F" or "M"
        relation = sex == "F" and "Vợ" or "Chồng"
        age = max(18, head_age + random(-6, 4))
        fam = pick(names.family)
      elseif head_age >= 58 and r < 0.9 then
        if random() < 0.5 then
          relation, age = "Cháu", random(0, 17)
        else
          relation, age = "Con", random(20, max(20, head_age - 20))
        end
        sex = random() < 0.5 and "M" or "F"
      elseif head_age <= 45 and r < 0.93 and random() < 0.1 then
        sex = random() < 0.5 and "M" or "F"
        relation = sex == "M" and "Bố" or "Mẹ"
        age = min(95, head_age + random(20, 32))
        fam = pick(names.family)
      else
        sex = random() < 0.5 and "M" or "F"
        relation = "Con"
        age = random(max(0, head_age - 45), max(0, head_age - 18))
      end
    end
    p.name = fam .. " " .. pick(names.middle[sex]) .. " " .. pick(names.given[sex])
    p.sex, p.age, p.relation = sex, age, relation
    local disability = 0
    if unable and i == 1 and random() < 0.6 then disability = random(2, 3)
    elseif random() < 0.03 then disability = random(1, 3) end
    p.disability = disability
    local chronic = unable and 0.5 or (age >= 60 and 0.2 or 0.04)
    p.chronic = random() < chronic and 1 or 0
    p.can_work = (age >= 15 and age <= 60 and disability < 2 and not (unable and i == 1)) and 1 or 0
    if age >= 6 and age <= 15 then school = school + 1 end
  end
  return school
end

-- Chooses k deprivations among the standard's indicators into `dep` (column -> 0/1, nil
-- for indicators the standard does not ask), honouring forced ones.
local function make_deprivations(dep, k, g, area, housing, school_children)
  for _, col in ipairs(INDICATORS) do dep[col] = nil end
  for _, col in ipairs(g.std.indicators) do dep[col] = 0 end
  local chosen = 0
  if housing then
    dep.d_housing_quality = 1
    chosen = 1
  end
  local weights = g.indicator_draw[area]
  local allowed = #g.std.indicators - (school_children == 0 and 1 or 0)
  k = min(k, allowed)
  while chosen < k do
    local col = g.std.indicators[draw(weights)]
    if dep[col] == 0 and (col ~= "d_child_schooling" or school_children > 0) then
      dep[col] = 1
      chosen = chosen + 1
    end
  end
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

-- Income in VND per person per month inside the band of the category: in the lowest band,
-- from a share of its line (the unable to escape lowest); above the highest line, up to a
-- multiple of it.
local function make_income(g, category, lo, hi)
  local inc, step = g.incomes, g.incomes.step
  if lo == 0 and hi then
    if category == "unable" then
      lo, hi = hi * inc.unable_floor, hi * inc.unable_ceiling
    else
      lo = hi * inc.income_poor_floor
    end
  elseif hi then
    lo = lo + step
  else
    lo, hi = lo + step, lo * inc.non_poor_ceiling
  end
  local steps = floor((hi - lo) / step)
  return floor(lo) + random(0, steps) * step
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

local function statements(db)
  local d_cols = table.concat(INDICATORS, ", ")
  return {
    household = db:prepare("INSERT INTO households(id, code, unit, village, head, ethnic_minority) "
      .. "VALUES (?, ?, ?, ?, ?, ?)"),
    person = db:prepare("INSERT INTO persons(id, household, name, sex, birth_year, relation, "
      .. "can_work, disability, chronic_illness, health_insurance, in_school) "
      .. "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
    survey = db:prepare("INSERT INTO surveys(household, year, income, status, unable_to_escape, "
      .. d_cols .. ") VALUES (?, ?, ?, ?, ?" .. string.rep(", ?", #INDICATORS) .. ")"),
    need = db:prepare("INSERT INTO needs(household, year, kind) VALUES (?, ?, ?)"),
  }
end

-- The needs of one household: exact counts where the commune gives them (drawn without
-- replacement among its poor able to escape), rates otherwise.
local function draw_needs(out, g, status, exact, able_left)
  local n = 0
  for _, kind in ipairs(profiles.NEED_KINDS) do
    local yes
    if status == "poor" and exact[kind] then
      yes = exact[kind] > 0 and random(able_left) <= exact[kind]
      if yes then exact[kind] = exact[kind] - 1 end
    else
      local rates = g.need_rates[status]
      yes = rates ~= nil and rates[kind] ~= nil and random() < rates[kind]
    end
    if yes then
      n = n + 1
      out[n] = kind
    end
  end
  return n
end

-- Writes the people of household hid; returns the next person id. Health insurance and
-- schooling agree with the household's deprivations: when deprived, one person of 6 or
-- more is uninsured (the head, if the draw lands on a younger one) and one child of 6 to
-- 15 is out of school.
local function write_people(st, people, size, dep, hid, pid, year)
  local uninsured = 0
  if dep.d_health_insurance == 1 then
    uninsured = random(size)
    if people[uninsured].age < 6 then uninsured = 1 end
  end
  local out_of_school = dep.d_child_schooling == 1
  for i = 1, size do
    local p = people[i]
    local insured = i == uninsured and 0 or 1
    local in_school = 0
    if p.age >= 6 and p.age <= 15 then
      in_school = 1
      if out_of_school then
        in_school = 0
        out_of_school = false
      end
    elseif p.age >= 16 and p.age <= 18 then
      in_school = random() < 0.7 and 1 or 0
    elseif p.age >= 19 and p.age <= 22 then
      in_school = random() < 0.25 and 1 or 0
    end
    st.person:run(pid, hid, p.name, p.sex, year - p.age, p.relation, p.can_work, p.disability,
      p.chronic, insured, in_school)
    pid = pid + 1
  end
  return pid
end

-- Writes the households of one commune; returns the next household and person ids.
-- (The year after, its events and its review, is a pass of its own: kehoach.registry.year.)
local function write_commune(g, st, lay, hid, pid, progress)
  local c, year = lay.commune, g.year
  local left, total = {}, 0
  for _, cat in ipairs(CATEGORIES) do
    left[cat] = lay.count[cat]
    total = total + left[cat]
  end
  local exact = {}
  for kind, n in pairs(lay.needs) do exact[kind] = n end
  local able_left = lay.count.income_poor + lay.count.deprivation_poor
  local width = g.code_width
  local area = c.urban == 1 and "urban" or "rural"
  local people, dep, needs, dvals = g.people, g.dep, g.needs, g.dvals
  local villages = c.villages
  local nvillages = type(villages) == "table" and #villages or villages
  local village_word = c.urban == 1 and "Tổ dân phố " or "Thôn "
  for seq = 1, lay.households do
    -- the category, drawn without replacement from what is left
    local r, cat = random(total), nil
    for _, name in ipairs(CATEGORIES) do
      r = r - left[name]
      if r <= 0 then
        cat = name
        break
      end
    end
    left[cat] = left[cat] - 1
    total = total - 1
    local status = STATUS[cat]
    local distressed = status == "poor" or status == "near_poor"
    local em = random() < (distressed and c.ethnic_minority.poor or c.ethnic_minority.all)
    local nneeds = 0
    if cat == "income_poor" or cat == "deprivation_poor" then
      nneeds = draw_needs(needs, g, status, exact, able_left)
      able_left = able_left - 1
    elseif cat ~= "unable" then
      nneeds = draw_needs(needs, g, status, exact, 0)
    end
    local housing = false
    for i = 1, nneeds do
      if needs[i] == "housing" then housing = true end
    end
    local size
    if cat == "unable" then
      g.unable_next = g.unable_next + 1
      size = g.unable_sizes[g.unable_next]
    else
      size = draw(g.size_draw)
    end
    local school = make_people(people, size, g, em, cat, year)
    local k, lo, hi = band(g, cat, c.urban, draw(g.dep_draw[cat]) - 1)
    make_deprivations(dep, k, g, area, housing, school)
    local income = make_income(g, cat, lo, hi)
    local village = type(villages) == "table" and villages[random(nvillages)]
      or (village_word .. random(nvillages))
    local code = string.format("%s-%0" .. width .. "d", c.code, seq)
    st.household:run(hid, code, c.code, village, people[1].name, em and 1 or 0)
    pid = write_people(st, people, size, dep, hid, pid, year)
    for i, col in ipairs(INDICATORS) do dvals[i] = dep[col] end
    st.survey:run(hid, year, income, status, cat == "unable" and 1 or 0,
      table.unpack(dvals, 1, #INDICATORS))
    for i = 1, nneeds do st.need:run(hid, year, needs[i]) end
    hid = hid + 1
    if hid % BATCH == 1 then
      g.db:exec("COMMIT; BEGIN")
      if progress then progress(hid - 1, g.total) end
    end
  end
  return hid, pid
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

-- Every CHECK of the registry's schema holds (PRAGMA ignore_check_constraints was on while
-- the rows went in): a row that breaks one is a bug in this file.
local function check_enumerations(db)
  for _, t in ipairs({ "persons", "surveys", "needs", "events", "households", "units" }) do
    local sql = db:value("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?", t)
    local checks = {}
    for c in sql:gmatch("CHECK%s*(%b())") do checks[#checks + 1] = "NOT " .. c end
    if #checks > 0 then
      local bad = db:value(string.format("SELECT count(*) FROM %s WHERE %s", t, table.concat(checks, " OR ")))
      if bad ~= 0 then error(string.format("the generator wrote %d rows of %s that break a CHECK", bad, t)) end
    end
  end
end

-- Counts recorded statuses that differ from what the standard computes (should be none).
local function count_mismatches(db, std, year)
  local dep = std.deprivations_sql("s")
  return db:value(string.format([[SELECT count(*) FROM surveys s
    JOIN households h ON h.id = s.household JOIN units u ON u.code = h.unit
    WHERE s.year = ? AND s.status IS NOT %s]], std.status_sql("s.income", "u.urban", dep)), year)
end

function M.run(o)
  local p = o.profile
  local households = o.households or p.households
  local seed = o.seed or p.seed
  local layout = M.layout(p, households)
  math.randomseed(seed)
  local std = p.standard
  local g = {
    std = std, year = p.survey.year, names = p.names, incomes = p.incomes,
    need_rates = p.need_rates or {}, total = households,
    people = {}, dep = {}, needs = {}, dvals = {},
    size_draw = cumulative(p.household_size), dep_draw = {},
    indicator_draw = indicator_draws(p, std),
    unable_sizes = unable_sizes(p.unable_to_escape.households, p.unable_to_escape.persons,
      #p.household_size),
    unable_next = 0, bands = {},
  }
  g.dep_draw.unable = cumulative(p.deprivations.unable)
  for _, cat in ipairs(CATEGORIES) do
    g.dep_draw[cat] = g.dep_draw[cat] or cumulative(p.deprivations[cat])
  end
  local largest = 0
  for _, lay in ipairs(layout) do largest = max(largest, lay.households) end
  g.code_width = max(5, #tostring(largest))

  local db = o.db or store.registry(o.path, "init")
  g.db = db
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
  local st = statements(db)
  local hid, pid = 1, 1
  for _, lay in ipairs(layout) do
    hid, pid = write_commune(g, st, lay, hid, pid, o.progress)
  end
  for _, s in pairs(st) do s:close() end
  for _, ix in ipairs(deferred) do db:exec(ix.sql) end
  local bad = count_mismatches(db, std, g.year)
  if bad ~= 0 then
    error(string.format("generated %d surveys whose status differs from %s", bad, std.name))
  end
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
      scale = households / p.households, need_kinds = profiles.NEED_KINDS, ["until"] = o.events_until })
  end
  db:exec("PRAGMA foreign_keys = ON; PRAGMA ignore_check_constraints = OFF")
  if db:first("PRAGMA foreign_key_check") then error("the generator wrote a row whose reference is missing") end
  check_enumerations(db)
  db:exec("ANALYZE")
  if not o.db then db:close() end
  if o.progress then o.progress(households, households) end
  return { households = households, persons = pid - 1, seed = seed, next_year = next_year }
end

return M
