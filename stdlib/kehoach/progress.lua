-- progress.lua — how the plan stands on a date, from the registry's events (escaped,
-- fell_into, re_poor, moved, dissolved) dated from 1 January of the plan's year up to that
-- date, for the households of the plan's communes: escapes by commune and quarter against
-- the targets, newly poor and returning poor households, households that left, the poor
-- households there are now, each programme's place in its schedule (and how many of the
-- households it chose have escaped), and the reports due. What `kehoach progress` writes
-- (progress.md: the content of the six-month and annual reports).
--
--   M.compute(db, p, s, units, as_of) -> the progress table (see the end of the file)
-- db: the connection the plan was evaluated on (registry attached as "reg", allocations of
-- run 1 in main); s: the run's summary; units: the evaluation's units; as_of: a date
-- {year, month, day, text}.
local values = require "kehoach.plan.values"
local days = require "kehoach.render.days"
local standards = require "kehoach.standards"

local M = {}

-- The kinds of event, the schema's (escaped, fell_into, ...).
local KINDS = require("kehoach.registry.schema").values.event
M.KINDS = KINDS

local iso = days.iso

-- The last day of month m of year y, as ISO text.
function M.month_end(y, m)
  return iso(y, m, days.last_day(y, m))
end

-- Where a period stands on the date: "future" (not begun), "current", or "past" (ended).
function M.state(period, year, as_of)
  if as_of < iso(year, period.from, 1) then return "future" end
  if as_of >= M.month_end(year, period.to) then return "past" end
  return "current"
end

-- Counts of events by commune name, kind and quarter: { [name] = { [kind] = {q1..q4} } }.
local function event_counts(db, units, from, to)
  local out = {}
  for _, c in ipairs(units.communes) do
    out[c.name] = {}
    for _, k in ipairs(KINDS) do out[c.name][k] = { 0, 0, 0, 0 } end
  end
  for r in db:rows([[
      SELECT h.unit, e.kind, (CAST(substr(e.date, 6, 2) AS INTEGER) + 2) / 3 AS q, count(*) AS n
      FROM reg.events e JOIN reg.households h ON h.id = e.household
      WHERE e.date >= ? AND e.date <= ? GROUP BY h.unit, e.kind, q ORDER BY h.unit, e.kind, q]], from, to) do
    local c = units.leaves[r.unit]
    if c and out[c.name][r.kind] and r.q >= 1 and r.q <= 4 then out[c.name][r.kind][r.q] = r.n end
  end
  return out
end

-- Poor households at the review that moved away or dissolved by the date, by commune. From
-- the poor of the review (in the registry's order) to their events (CROSS JOIN keeps that
-- order): the index of events by household is small, where the year's events, in date
-- order, looked up households and reviews all over the registry (at 10,000,000 households
-- 1.61 s against 0.12 s, in SQLite's shell).
local function poor_left(db, units, year, from, to)
  local out = {}
  for r in db:rows([[
      SELECT h.unit, count(DISTINCT h.id) AS n
      FROM reg.surveys s CROSS JOIN reg.events e ON e.household = s.household
      CROSS JOIN reg.households h ON h.id = s.household
      WHERE s.year = ? AND s.status = 'poor'
        AND e.kind IN ('moved', 'dissolved') AND e.date >= ? AND e.date <= ?
        AND NOT EXISTS (SELECT 1 FROM reg.events x WHERE x.household = h.id AND x.kind = 'escaped'
                        AND x.date >= ? AND x.date <= e.date)
      GROUP BY h.unit ORDER BY h.unit]], year, from, to, from) do
    local c = units.leaves[r.unit]
    if c then out[c.name] = r.n end
  end
  return out
end

-- Households each programme chose (run 1) that have escaped poverty by the date.
local function escaped_among_chosen(db, from, to)
  local out = {}
  for r in db:rows([[
      SELECT a.programme, count(DISTINCT a.household) AS n
      FROM allocations a JOIN reg.households h ON h.code = a.household
      JOIN reg.events e ON e.household = h.id AND e.kind = 'escaped' AND e.date >= ? AND e.date <= ?
      WHERE a.run = 1 AND a.status = 'chosen' GROUP BY a.programme ORDER BY a.programme]], from, to) do
    out[r.programme] = r.n
  end
  return out
end

-- The sum of a list of numbers (the four quarters of a count).
-- The annual review's result by commune (biểu kết quả rà soát): households reviewed, poor,
-- near-poor, poor unable to escape poverty, and the ethnic-minority households among them.
-- On the last day of the year, the review of that year when the registry has it; else the
-- review the plan reads (registry_year). Returns {year, standard_title (the standard the
-- registry says the review was made under, or nil), by_commune {name: {...}}}.
local function review(db, units, p, date)
  local year = p.registry_year
  if date >= iso(p.year, 12, 31) and db:value("SELECT 1 FROM reg.surveys WHERE year = ? LIMIT 1", p.year) then
    year = p.year
  end
  -- the standard the review was made under, as the registry records it (meta standard.Y)
  local ok, name = pcall(db.value, db, "SELECT value FROM reg.meta WHERE key = ?", "standard." .. year)
  local std = ok and name and standards.find(name)
  local out = { year = year, standard_title = std and std.title or nil, by_commune = {} }
  for _, c in ipairs(units.communes) do
    out.by_commune[c.name] = { households = 0, poor = 0, near_poor = 0, unable = 0, em = 0, em_poor = 0, em_near_poor = 0 }
  end
  for r in db:rows([[
      SELECT h.unit, count(*) AS households, sum(s.status = 'poor') AS poor, sum(s.status = 'near_poor') AS near_poor,
        sum(s.status = 'poor' AND s.unable_to_escape = 1) AS unable, sum(h.ethnic_minority = 1) AS em,
        sum(h.ethnic_minority = 1 AND s.status = 'poor') AS em_poor,
        sum(h.ethnic_minority = 1 AND s.status = 'near_poor') AS em_near_poor
      FROM reg.households h JOIN reg.surveys s ON s.household = h.id AND s.year = ?
      GROUP BY h.unit ORDER BY h.unit]], year) do
    local c = units.leaves[r.unit]
    if c then
      local t = out.by_commune[c.name]
      for k in pairs(t) do t[k] = t[k] + (r[k] or 0) end
    end
  end
  return out
end

local function sum(t)
  local n = 0
  for _, v in ipairs(t) do n = n + v end
  return n
end
M.sum = sum

-- Computes the plan's progress on as_of (clamped to the plan's year). Returns
--   { as_of, year, clamped (bool), events_until (the registry's, or nil), from,
--     quarters = { {q, from, to, state} x4 },
--     communes = [name], events = { [name] = { [kind] = {q1..q4} } },
--     totals = { [kind] = {q1..q4} },
--     targets = [ {id, label, households, by_quarter = {t1..t4}, due, done, by_commune =
--                  { [name] = {year, due, done, quarters = {t1..t4}} } } ],
--     poor = { review = {name: n}, left = {name: n}, now = {name: n}, review_total, now_total },
--     programmes = [ {id, label, period ("Q1-Q2"), state, households, escaped} ],
--     reports = [ {id, label, due, to, state = "past"|"next"|"later", days} ] }
function M.compute(db, p, s, units, as_of)
  local year = p.year
  local from = iso(year, 1, 1)
  local date, clamped = as_of.text, false
  if date > iso(year, 12, 31) then date, clamped = iso(year, 12, 31), true end
  local out = { as_of = date, year = year, clamped = clamped, from = from, communes = s.communes }
  local ok, until_date = pcall(db.value, db, "SELECT value FROM reg.meta WHERE key = 'events_until'")
  out.events_until = ok and until_date or nil
  out.quarters = {}
  for q = 1, 4 do
    local qs, qe = iso(year, 3 * q - 2, 1), M.month_end(year, 3 * q)
    out.quarters[q] = { q = q, from = qs, to = qe,
      state = date >= qe and "past" or (date >= qs and "current" or "future") }
  end
  out.events = event_counts(db, units, from, date)
  out.totals = {}
  for _, k in ipairs(KINDS) do
    local t = { 0, 0, 0, 0 }
    for _, name in ipairs(s.communes) do
      for q = 1, 4 do t[q] = t[q] + out.events[name][k][q] end
    end
    out.totals[k] = t
  end

  out.targets = {}
  for _, g in ipairs(s.targets) do
    local tg = { id = g.id, label = g.label, households = g.households, by_quarter = {}, due = 0,
      done = sum(out.totals.escaped), by_commune = {} }
    for q = 1, 4 do
      tg.by_quarter[q] = g.by_quarter["Q" .. q] or 0
      if out.quarters[q].state == "past" then tg.due = tg.due + tg.by_quarter[q] end
    end
    for _, name in ipairs(s.communes) do
      local done = sum(out.events[name].escaped)
      local quarters, due = {}, 0
      for q = 1, 4 do
        local per = g.quarters["Q" .. q]
        quarters[q] = per and per[name] or 0
        if out.quarters[q].state == "past" then due = due + quarters[q] end
      end
      if g.by_commune[name] or done > 0 then
        tg.by_commune[name] = { year = g.by_commune[name] or 0, due = due, done = done, quarters = quarters }
      end
    end
    out.targets[#out.targets + 1] = tg
  end

  local left = poor_left(db, units, p.registry_year, from, date)
  local poor = { review = {}, left = left, now = {}, review_total = 0, now_total = 0 }
  for _, name in ipairs(s.communes) do
    local r = s.registry.by_commune[name]
    local e = out.events[name]
    poor.review[name] = r and r.poor or 0
    poor.now[name] = poor.review[name] - sum(e.escaped) - (left[name] or 0) + sum(e.fell_into) + sum(e.re_poor)
    poor.review_total = poor.review_total + poor.review[name]
    poor.now_total = poor.now_total + poor.now[name]
  end
  out.poor = poor

  out.review = review(db, units, p, date)

  local escaped = escaped_among_chosen(db, from, date)
  out.programmes = {}
  for i, g in ipairs(s.programmes) do
    local d = p.supports[i]
    out.programmes[i] = { id = g.id, label = g.label, households = g.households,
      period = d.period and values.period_code(d.period) or nil,
      state = d.period and M.state(d.period, year, date) or "year", escaped = escaped[g.id] or 0 }
  end

  local dated = {}
  for _, r in ipairs(s.reports) do
    if type(r.due) == "string" then dated[#dated + 1] = r end
  end
  table.sort(dated, function(a, b) return a.due < b.due end)
  out.reports = {}
  local next_found = false
  for _, r in ipairs(dated) do
    local state = "later"
    if r.due < as_of.text then state = "past"
    elseif not next_found then state, next_found = "next", true end
    local d = values.date(r.due)
    out.reports[#out.reports + 1] = { id = r.id, label = r.label, due = r.due, to = r.to, covers = r.covers,
      state = state, days = days.number(d.year, d.month, d.day) - days.number(as_of.year, as_of.month, as_of.day) }
  end
  return out
end

return M
