-- allocation.lua — a plan's `allocation` declarations (kehoach.plan.allocation), evaluated:
-- the criteria counted from the registry in each commune under the plan's unit (by
-- kehoach.run.select, in the pass that counts poverty), a score per unit, and the fund divided in proportion to the scores, in whole rounds (a million đồng
-- by default) that add up to the fund to the đồng.
--
-- The rule, as docs/plan-language.md states it for officers:
--   commune score = (poor × c.poor + near_poor × c.near_poor + ethnic_minority_poor ×
--                    c.ethnic_minority_poor) × (c.difficult if the commune is especially
--                    difficult, else 1); a unit above communes scores the sum of its
--                    communes' (those not excluded)
--   amount        = the fund's rounds divided in proportion to the scores: each unit its
--                   whole rounds, then the rounds left one each to the largest remainders
--                   (ties: the lower code first); a unit whose share falls below the floor
--                   gets the floor and the others share the rest, again in proportion
--   excluded      units named in exclude (and, with urban = true, every phường) get
--                 nothing and count in no score; when no unit scores, the fund is divided
--                 equally
-- Scores are whole numbers (coefficients in thousandths), so the division is exact and the
-- same on every machine.
--
--   M.divide(items, rounds, floor_rounds) -> {key -> rounds}, {key -> true (floored)}:
--                   items {key, code, score}; or nil and the number of units when the
--                   floors pass the fund
--   M.evaluate(p, units, poverty) -> { {decl, rows, then_rows, total, level} } for each
--                   allocation; poverty: kehoach.run.select's, whose by_leaf holds the
--                   criteria counted in each commune under the plan's unit at the review
--   M.record(db, run, list)  the rows into the results database's unit_allocations
--   M.summary(list) -> summary.json's allocations (kehoach.summary)
local util = require "kehoach.util"
local decl = require "kehoach.plan.allocation"
local json = require "kehoach.json"

local text = core.text

local M = {}

-- ---- exact division ---------------------------------------------------------------------------

-- floor(a × b / m) and (a × b) mod m for whole numbers a, b ≥ 0 and 0 < m < 2^62, without
-- the product overflowing: long multiplication, bit by bit of b.
local function muldiv(a, b, m)
  if a == 0 or b == 0 then return 0, 0 end
  if b <= math.maxinteger // a then
    local x = a * b
    return x // m, x % m
  end
  local qa, ra = a // m, a % m
  local q, r = 0, 0
  for bit = 62, 0, -1 do
    q, r = q * 2, r * 2
    if r >= m then q, r = q + 1, r - m end
    if (b >> bit) & 1 == 1 then
      r = r + ra
      if r >= m then q, r = q + 1, r - m end
    end
  end
  return qa * b + q, r
end
M.muldiv = muldiv

-- Divides `rounds` among items in proportion to their scores, by largest remainder.
local function proportional(items, rounds, out)
  local total = 0
  for _, it in ipairs(items) do total = total + it.score end
  local equal = total == 0
  if equal then total = #items end
  local given, rest = 0, {}
  for _, it in ipairs(items) do
    local q, r = muldiv(rounds, equal and 1 or it.score, total)
    out[it.key] = q
    given = given + q
    rest[#rest + 1] = { it = it, r = r }
  end
  table.sort(rest, function(a, b)
    if a.r ~= b.r then return a.r > b.r end
    return a.it.code < b.it.code
  end)
  for i = 1, rounds - given do out[rest[i].it.key] = out[rest[i].it.key] + 1 end
end

function M.divide(items, rounds, floor_rounds)
  local out, floored = {}, {}
  floor_rounds = floor_rounds or 0
  if #items == 0 then return out, floored end
  if floor_rounds * #items > rounds then
    return nil, #items
  end
  local free = items
  local left = rounds
  while floor_rounds > 0 do
    local total = 0
    for _, it in ipairs(free) do total = total + it.score end
    local keep, moved = {}, false
    for _, it in ipairs(free) do
      local q = total > 0 and muldiv(left, it.score, total) or left // #free
      if q < floor_rounds then
        floored[it.key] = true
        out[it.key] = floor_rounds
        moved = true
      else
        keep[#keep + 1] = it
      end
    end
    if not moved then break end
    left = rounds - floor_rounds * (#items - #keep)
    free = keep
    if #free == 0 then break end
  end
  if #free == 0 then
    -- every unit at its floor: what is left goes by the scores among them all
    local extra = {}
    proportional(items, left, extra)
    for k, n in pairs(extra) do out[k] = out[k] + n end
  else
    proportional(free, left, out)
  end
  return out, floored
end

-- ---- one allocation ----------------------------------------------------------------------------

-- Whether a unit is excluded, and why ("name", "urban").
local function exclusion(d, u)
  local key = text.fold(u.name)
  for _, e in ipairs(d.excluded.names) do
    if e.key == key then return "name" end
  end
  if d.excluded.urban and u.level == "commune" and u.urban == 1 then return "urban" end
  return nil
end

-- The commune's row: its counts, difficult, and its score (millionths of a household).
local function commune_row(d, u, counts)
  local c = counts[u.code] or {}
  local w = d.weights
  local row = { code = u.code, name = u.name, kind = u.kind, level = u.level, parent = u.parent,
    households = c.households or 0, poor = c.poor or 0, near_poor = c.near_poor or 0,
    ethnic_minority_poor = c.ethnic_minority_poor or 0, difficult = u.difficult == 1 and 1 or 0, communes = 1 }
  row.score = (row.poor * w.poor + row.near_poor * w.near_poor + row.ethnic_minority_poor * w.ethnic_minority_poor)
    * (row.difficult == 1 and w.difficult or 1000)
  return row
end

local function add_into(sum, row)
  for _, k in ipairs({ "households", "poor", "near_poor", "ethnic_minority_poor", "difficult", "communes", "score" }) do
    sum[k] = sum[k] + row[k]
  end
end

-- Divides rows' amounts from `fund` (a whole number of rounds); shares are of the scores.
local function share_out(d, rows, fund, floor, where)
  local items, total = {}, 0
  for _, r in ipairs(rows) do
    if not r.excluded then
      items[#items + 1] = { key = r.code, code = r.code, score = r.score }
      total = total + r.score
    end
  end
  local got, floored = M.divide(items, fund // d.round, floor and floor // d.round or 0)
  if not got then
    util.fail("plan", "%s: allocation \"%s\": %s: a floor of %s đồng for each of %d units needs %s đồng, more " ..
      "than the %s đồng there is to divide", d.where, d.id, where, util.group_digits(floor), floored,
      util.group_digits(floor * floored), util.group_digits(fund))
  end
  for _, r in ipairs(rows) do
    r.amount = (got[r.code] or 0) * d.round
    r.floored = floored[r.code] or false
    r.share = (not r.excluded and total > 0) and r.score / total or 0
  end
end

local function names_known(d, units, known)
  for _, e in ipairs(d.excluded.names) do
    if not known[e.key] then
      local names = {}
      for _, l in ipairs(units.leaf_list) do names[#names + 1] = l.unit.name end
      for _, c in ipairs(units.communes) do names[#names + 1] = c.name end
      local near = util.nearest(e.name, names)
      util.fail("plan", "%s: allocation \"%s\": exclude names '%s', which is not a unit of %s%s", d.where, d.id, e.name,
        units.node.name, near and (" (did you mean '" .. near .. "'?)") or "")
    end
  end
end

local function evaluate_one(d, units, counts)
  -- (again: --set or a scenario may have changed them since the plan was read)
  for _, f in ipairs({ "fund", "floor", "then_floor" }) do
    if d[f] and d[f] % d.round ~= 0 then
      util.fail("plan", "%s: allocation \"%s\": %s (%s đồng) is not a whole number of rounds (%s đồng)", d.where,
        d.id, f, util.group_digits(d[f]), util.group_digits(d.round))
    end
  end
  local to_level = units.communes[1] and units.communes[1].level or "commune"
  if d.to and d.to ~= "children" and decl.NOUNS[d.to] ~= to_level then
    util.fail("plan", "%s: allocation \"%s\": to = \"%s\", but the children of %s are %ss: write to = \"%ss\"",
      d.where, d.id, d.to, units.node.name, to_level, to_level)
  end
  if d.then_to and (decl.NOUNS[d.then_to] ~= "commune" or to_level == "commune") then
    util.fail("plan", "%s: allocation \"%s\": then_to = \"communes\" divides a child's share among its communes; " ..
      "the children of %s are %ss%s", d.where, d.id, units.node.name, to_level,
      to_level == "commune" and ": leave then_to out" or "")
  end
  local known = {}
  -- the children, each with the sum of its communes' rows
  local rows, by_child = {}, {}
  for _, c in ipairs(units.communes) do
    known[text.fold(c.name)] = true
    local r = { code = c.code, name = c.name, kind = c.kind, level = c.level, parent = units.node.code,
      households = 0, poor = 0, near_poor = 0, ethnic_minority_poor = 0, difficult = 0, communes = 0, score = 0,
      leaves = {} }
    r.excluded = exclusion(d, c)
    rows[#rows + 1] = r
    by_child[c.code] = r
  end
  for _, l in ipairs(units.leaf_list) do
    known[text.fold(l.unit.name)] = true
    local parent = by_child[l.child.code]
    if l.unit.level == "commune" and to_level ~= "commune" then
      local cr = commune_row(d, l.unit, counts)
      cr.excluded = parent.excluded and "parent" or exclusion(d, l.unit)
      parent.leaves[#parent.leaves + 1] = cr
      if not cr.excluded then add_into(parent, cr) end
    elseif to_level == "commune" then
      local cr = commune_row(d, l.unit, counts)
      for k, v in pairs(cr) do if k ~= "parent" then parent[k] = v end end
    end
  end
  names_known(d, units, known)
  share_out(d, rows, d.fund, d.floor, "the " .. to_level .. "s of " .. units.node.name)
  local then_rows
  if d.then_to then
    then_rows = {}
    for _, r in ipairs(rows) do
      share_out(d, r.leaves, r.amount, r.amount > 0 and d.then_floor or nil, r.name)
      for _, cr in ipairs(r.leaves) do then_rows[#then_rows + 1] = cr end
    end
  end
  local total = 0
  for _, r in ipairs(rows) do
    total = total + r.amount
    r.leaves = nil
  end
  return { decl = d, rows = rows, then_rows = then_rows, total = total, level = to_level }
end

function M.evaluate(p, units, poverty)
  if #(p.allocations or {}) == 0 then return {} end
  local counts = poverty.by_leaf
  local out = {}
  for _, d in ipairs(p.allocations) do out[#out + 1] = evaluate_one(d, units, counts) end
  return out
end

-- ---- the results database -----------------------------------------------------

function M.record(db, run, list)
  db:run("DELETE FROM unit_allocations WHERE run = ?", run)
  local ins = db:prepare([[INSERT INTO unit_allocations(run, allocation, step, unit, name, parent, households, poor,
    near_poor, ethnic_minority_poor, difficult, score, share, amount, floored, excluded)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)]])
  for _, a in ipairs(list) do
    for step, rows in ipairs({ a.rows, a.then_rows or {} }) do
      for _, r in ipairs(rows) do
        ins:run(run, a.decl.id, step, r.code, r.name, r.parent, r.households, r.poor, r.near_poor,
          r.ethnic_minority_poor, r.difficult, r.score / 1e6, r.share, r.amount, r.floored and 1 or 0, r.excluded)
      end
    end
  end
  ins:close()
end

-- ---- summary.json ----------------------------------------------------------------------------

local function unit_rows(rows)
  local out = json.array()
  for i, r in ipairs(rows) do
    out[i] = { code = r.code, name = r.name, kind = r.kind, parent = r.parent, households = r.households,
      poor = r.poor, near_poor = r.near_poor, ethnic_minority_poor = r.ethnic_minority_poor,
      difficult = r.difficult, communes = r.communes, score = r.score / 1e6, share = r.share, amount = r.amount,
      floored = r.floored, excluded = r.excluded or json.null }
  end
  return out
end

function M.summary(list)
  local out = json.array()
  for i, a in ipairs(list or {}) do
    local d = a.decl
    local w = d.weights
    out[i] = { id = d.id, label = d.label, fund = d.fund, total = a.total, source = d.source, round = d.round,
      floor = d.floor or json.null, then_floor = d.then_floor or json.null, basis = d.basis or json.null,
      criteria = { poor = w.poor / 1000, near_poor = w.near_poor / 1000,
        ethnic_minority_poor = w.ethnic_minority_poor / 1000, difficult = w.difficult / 1000 },
      level = a.level, then_level = a.then_rows and "commune" or json.null,
      units = unit_rows(a.rows), then_units = a.then_rows and unit_rows(a.then_rows) or json.null, line = d.line }
  end
  return out
end

return M
