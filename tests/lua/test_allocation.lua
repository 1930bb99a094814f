-- test_allocation.lua — a fund divided among units by criteria (`allocation`): the amounts
-- equal a hand-written SQL computation of the same shares on the Lào Cai province registry,
-- add up to the fund to the đồng, respect floors and exclusions, go down the tree with
-- then_to, and reach the results database, the workbook and the plan document's annex.
local t = ...
local fx = core.host.loadfile("tests/lua/fixture.lua", "tests/lua/fixture.lua", _ENV)()
local plan = require "kehoach.plan"
local pipeline = require "kehoach.pipeline"
local divide = require "kehoach.run.allocation"
local summary = require "kehoach.summary"
local plandoc = require "kehoach.render.plandoc"
local docx = require "kehoach.render.docx"
local report = require "kehoach.render.report"

local PROVINCE = core.host.getenv("KEHOACH_PROVINCE") or "data/lao-cai-province.db"

local T = {}

local HEADER = 'plan { id = "pb-2027", title = "Kế hoạch phân bổ vốn", unit = "Tỉnh Lào Cai", year = 2027, ' ..
  'standard = "vn-2026" }\nsource "tw" { label = "Ngân sách trung ương" }\n'

-- Runs a plan (HEADER then body) on the province's registry; returns the run (db kept open).
local function run(name, body, registry, header)
  local p = plan.load(fx.plan_file(name, (header or HEADER) .. body))
  local r = pipeline.run(p, { db = registry or PROVINCE, keep = true })
  return r, p
end

local function by_code(rows)
  local out = {}
  for _, u in ipairs(rows) do out[u.code] = u end
  return out
end

local function sum(rows)
  local n = 0
  for _, u in ipairs(rows) do n = n + u.amount end
  return n
end

-- The same division written by hand in SQL: counts per commune from the registry, a
-- score in millionths, whole rounds by integer division, the rounds left to the largest
-- remainders (ties: the lower code).
local HAND_SQL = [[
WITH c AS (
  SELECT u.code, u.difficult,
    count(s.household) FILTER (WHERE s.status = 'poor') AS poor,
    count(s.household) FILTER (WHERE s.status = 'near_poor') AS near_poor,
    count(s.household) FILTER (WHERE s.status = 'poor' AND h.ethnic_minority = 1) AS em_poor
  FROM reg.units u
  LEFT JOIN reg.households h ON h.unit = u.code
  LEFT JOIN reg.surveys s ON s.household = h.id AND s.year = 2026
  WHERE u.level = 'commune' AND u.parent = (SELECT code FROM reg.units WHERE level = 'province')
  GROUP BY u.code),
sc AS (SELECT code, (poor * 1000 + near_poor * 500 + em_poor * 1500)
                    * (CASE WHEN difficult = 1 THEN 2000 ELSE 1000 END) AS score FROM c),
tot AS (SELECT sum(score) AS total, 50000 AS rounds FROM sc),
q AS (SELECT code, (rounds * score) / total AS whole, (rounds * score) % total AS rem FROM sc, tot),
left_over AS (SELECT (SELECT rounds FROM tot) - sum(whole) AS n FROM q),
r AS (SELECT code, whole, row_number() OVER (ORDER BY rem DESC, code ASC) AS rk FROM q)
SELECT code, (whole + CASE WHEN rk <= (SELECT n FROM left_over) THEN 1 ELSE 0 END) * 1000000 AS amount
FROM r ORDER BY code]]

local PLAIN = [[
allocation "phan_bo_von" { label = "Phân bổ vốn năm 2027", fund = million(50000), source = "tw",
  criteria = { poor = 1.0, near_poor = 0.5, ethnic_minority_poor = 1.5, difficult = 2.0 } }
budget { total = million(50000), tw = million(50000) }
]]

function T.test_the_amounts_equal_a_hand_written_sql_computation_of_the_same_shares()
  local r = run("pb-sql", PLAIN)
  t.eq(r.errors, nil)
  local a = r.result.allocations[1]
  t.eq(#a.rows, 99, "the province's 99 communes and wards")
  local mine = by_code(a.rows)
  local n = 0
  for row in r.db:rows(HAND_SQL) do
    n = n + 1
    t.eq(mine[row.code].amount, row.amount, "amount of " .. row.code)
  end
  t.eq(n, 99)
  t.eq(sum(a.rows), 50000000000, "the total is the fund, to the đồng")
  -- the results database has the same rows
  t.eq(r.db:value("SELECT sum(amount) FROM unit_allocations WHERE run = ? AND step = 1", r.id), 50000000000)
  t.eq(r.db:value("SELECT count(*) FROM unit_allocations WHERE run = ?", r.id), 99)
  -- and the fund is its source's cost
  local s = summary.build(r.plan, r.result, r.messages)
  t.eq(s.budget.sources[1].computed, 50000000000)
  t.eq(s.allocations[1].units[1].amount, a.rows[1].amount)
  r.db:close()
end

function T.test_floors_and_exclusions_hold_and_the_total_is_still_the_fund()
  local r = run("pb-floor", [[
allocation "phan_bo_von" { label = "Phân bổ vốn năm 2027", fund = million(50001), source = "tw",
  criteria = { poor = 1.0, near_poor = 0.5, ethnic_minority_poor = 1.5, difficult = 2.0 },
  floor = million(150), exclude = { "Bát Xát", urban = true } }
budget { total = million(50001), tw = million(50001) }
]])
  t.eq(r.errors, nil)
  local rows = r.result.allocations[1].rows
  t.eq(sum(rows), 50001000000, "to the đồng")
  local excluded, floored = 0, 0
  for _, u in ipairs(rows) do
    t.eq(u.amount % 1000000, 0, "whole millions")
    if u.excluded then
      excluded = excluded + 1
      t.eq(u.amount, 0, u.name .. " is excluded")
      t.ok(u.excluded == "urban" or u.name == "Bát Xát", u.name)
    else
      t.ok(u.amount >= 150000000, u.name .. " gets at least the floor")
      if u.floored then floored = floored + 1 end
    end
  end
  t.ok(excluded >= 2, "Bát Xát and the wards: " .. excluded)
  t.ok(floored > 0, "some communes are lifted to the floor")
  r.db:close()
end

function T.test_division_is_exact_deterministic_and_ties_go_to_the_lower_code()
  -- three equal scores, 10 rounds: 3 each, the one left to the lowest code
  local got = divide.divide({ { key = "b", code = "B", score = 5 }, { key = "a", code = "A", score = 5 },
    { key = "c", code = "C", score = 5 } }, 10)
  t.eq(got, { a = 4, b = 3, c = 3 })
  -- a floor lifts the small one; the others share the rest in proportion
  local floored
  got, floored = divide.divide({ { key = "x", code = "X", score = 1 }, { key = "y", code = "Y", score = 99 },
    { key = "z", code = "Z", score = 100 } }, 100, 10)
  t.eq(got, { x = 10, y = 45, z = 45 })
  t.eq(floored, { x = true })
  -- no unit scores: equal parts
  t.eq(divide.divide({ { key = "a", code = "A", score = 0 }, { key = "b", code = "B", score = 0 } }, 3), { a = 2, b = 1 })
  -- floors past the fund: said in words
  local none, why = divide.divide({ { key = "a", code = "A", score = 1 }, { key = "b", code = "B", score = 1 } }, 3, 2)
  t.eq(none, nil)
  t.eq(why, 2, "the units the floors are for")
  -- products past 2^63 are still exact
  local q, rem = divide.muldiv(3000000000000, 9000000000, 7000000000)
  t.eq(q, 3857142857142)
  t.eq(rem, 6000000000)
end

function T.test_a_province_share_goes_on_to_its_communes_with_then_to()
  -- the fixture province: two districts (Thành phố Mẫu, Huyện Khác), their communes below
  local header = 'plan { id = "cay-2021", title = "Kế hoạch", unit = "Tỉnh Mẫu", year = 2021, standard = "vn-2016" }\n' ..
    'source "tw" { label = "Ngân sách trung ương" }\n'
  local r = run("pb-tree", [[
allocation "von" { label = "Phân bổ vốn", fund = million(1000), source = "tw", to = "districts", then_to = "communes",
  criteria = { poor = 1, near_poor = 0.5, ethnic_minority_poor = 1, difficult = 2 }, then_floor = million(10) }
]], fx.registry("allocation-tree"), header)
  t.eq(r.errors, nil)
  local a = r.result.allocations[1]
  t.eq(#a.rows, 2, "the two districts")
  t.eq(sum(a.rows), 1000000000)
  local per = {}
  for _, c in ipairs(a.then_rows) do
    per[c.parent] = (per[c.parent] or 0) + c.amount
    if a.rows[1].amount > 0 then t.ok(c.amount >= 10000000 or c.excluded, c.name .. " floor") end
  end
  for _, d in ipairs(a.rows) do t.eq(per[d.code], d.amount, "the communes of " .. d.name .. " share its amount") end
  -- a district's score is its communes' scores summed
  local scores = {}
  for _, c in ipairs(a.then_rows) do scores[c.parent] = (scores[c.parent] or 0) + c.score end
  for _, d in ipairs(a.rows) do t.eq(d.score, scores[d.code]) end
  r.db:close()
end

function T.test_the_annex_the_sheet_and_the_report_print_the_table()
  local r = run("pb-docs", PLAIN)
  local s = summary.build(r.plan, r.result, r.messages)
  local blocks = plandoc.blocks(r.plan, s, r.result.units)
  local tables = {}
  for _, b in ipairs(blocks) do
    if b.kind == "table" then tables[#tables + 1] = b end
  end
  t.eq(#tables, 1)
  t.eq(#tables[1].rows, 100, "99 units and the total")
  t.eq(tables[1].rows[100][9], "50.000", "the total in millions")
  t.eq(tables[1].total, true)
  t.contains(plandoc.markdown(blocks), "PHỤ LỤC I")
  local doc = docx.document(blocks, { title = "x" })
  t.ok(#doc > 1000)
  t.contains(report.markdown(s), "## 8. Phân bổ vốn theo tiêu chí")
  t.contains(report.terminal(s), "Phân bổ vốn năm 2027: 50.000.000.000 đồng cho ")
  r.db:close()
end

local NATIONAL = core.host.getenv("KEHOACH_NATIONAL_SAMPLE") or "data/vietnam-sample.db"

function T.test_the_national_plan_divides_the_fund_among_34_provinces_and_their_3321_communes()
  -- the national profile's sample: the country after July 2025, at 1.93% poor (QĐ 217)
  local reg = core.store.registry(NATIONAL, "ro")
  t.eq(reg:value("SELECT count(*) FROM units WHERE level = 'province'"), 34)
  t.eq(reg:value("SELECT count(*) FROM units WHERE level = 'commune'"), 3321)
  t.eq(reg:value("SELECT round(100.0 * sum(status = 'poor') / count(*), 2) FROM surveys WHERE year = 2026"), 1.93)
  -- by province where a source gives it (the profile's header): Điện Biên 21,29% poor at the
  -- end of 2024; none left in Hồ Chí Minh City under the national standard
  local function poor_rate(province)
    return reg:value([[SELECT round(100.0 * sum(s.status = 'poor') / count(*), 1) FROM surveys s
      JOIN households h ON h.id = s.household JOIN units c ON c.code = h.unit
      WHERE s.year = 2026 AND c.parent = ?]], province)
  end
  t.eq(poor_rate("11"), 21.3)
  t.eq(poor_rate("79"), 0.0)
  reg:close()
  local p = plan.load("plans/viet-nam-2027.lua")
  local r = pipeline.run(p, { db = NATIONAL, keep = true })
  local errors = {}
  for _, m in ipairs(r.messages) do
    if m.level == "error" then errors[#errors + 1] = m.message end
  end
  t.eq(errors, {})
  local a = r.result.allocations[1]
  t.eq(#a.rows, 34)
  t.eq(#a.then_rows, 3321)
  t.eq(sum(a.rows), 9600000000000, "the fund, to the đồng")
  t.eq(sum(a.then_rows), 9600000000000, "the communes' amounts add up to it too")
  local per = {}
  for _, c in ipairs(a.then_rows) do
    per[c.parent] = (per[c.parent] or 0) + c.amount
    t.ok(c.amount >= 100000000, c.name .. ": the communes' floor")
  end
  for _, u in ipairs(a.rows) do
    t.ok(u.amount >= 20000000000, u.name .. ": the provinces' floor")
    t.eq(per[u.code], u.amount, u.name .. ": its communes share its amount")
  end
  -- the mountain provinces, with most of the poor, get the most per household
  local by = by_code(a.rows)
  t.ok(by["15"].amount > by["79"].amount, "Lào Cai more than Hồ Chí Minh City")
  r.db:close()
end

function T.test_the_source_writer_gives_back_the_allocation_kehoach_new_copies()
  local source = require "kehoach.plan.source"
  local body = [[
allocation "von" { label = "Phân bổ", fund = million(500), source = "tw", floor = million(10),
  criteria = { poor = 1, near_poor = 0.25, difficult = 3 }, exclude = { "Bát Xát", urban = true }, to = "communes" }
]]
  local p = plan.load(fx.plan_file("pb-src", HEADER .. body))
  local text = source.declaration(p.by_id.von)
  local q = plan.load(fx.plan_file("pb-src2", HEADER .. text .. "\n"))
  local a, b = p.by_id.von, q.by_id.von
  t.eq(b.weights, a.weights)
  t.eq(b.excluded, a.excluded)
  for _, f in ipairs({ "label", "fund", "source", "round", "floor", "to" }) do t.eq(b[f], a[f], f) end
end

function T.test_mistakes_are_errors_at_the_plan_line()
  t.raises("pb%-bad%.lua:3: allocation \"von\": unknown criterion 'pooor' %(did you mean 'poor'%?%)", function()
    plan.load(fx.plan_file("pb-bad", HEADER ..
      'allocation "von" { label = "x", fund = million(10), source = "tw", criteria = { pooor = 1 } }\n'))
  end)
  t.raises("fund %(10500000 đồng%) is not a whole number of rounds", function()
    plan.load(fx.plan_file("pb-bad", HEADER ..
      'allocation "von" { label = "x", fund = million(10.5), source = "tw", criteria = { poor = 1 } }\n'))
  end)
  t.raises([[pb%-bad%.lua:3: allocation "von": exclude names 'Bát Sát', which is not a unit of Lào Cai %(did you mean 'Bát Xát'%?%)]],
    function()
      run("pb-bad", 'allocation "von" { label = "x", fund = million(10), source = "tw", criteria = { poor = 1 },\n' ..
        '  exclude = { "Bát Sát" } }\n')
    end)
  t.raises("pb%-bad%.lua:3: allocation \"von\": the communes of Lào Cai: a floor of 1%.000%.000 đồng for each of 99 units needs 99%.000%.000 đồng, more than the 10%.000%.000 đồng", function()
    run("pb-bad", 'allocation "von" { label = "x", fund = million(10), source = "tw", criteria = { poor = 1 },\n' ..
      '  floor = million(1) }\n')
  end)
end

return T
