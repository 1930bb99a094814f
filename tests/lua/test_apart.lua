-- test_apart.lua — supports kept apart or together on purpose (issue 14): a selector names
-- an earlier support's chosen households (not_in, also_in or ["in"]), evaluated in SQL over
-- the run's allocations in the plan's order, chosen again when the earlier support's quota
-- changes (sweep), explained for one household; check says which supports may be named;
-- and a run counts the households chosen for two or more supports.
local t = ...
local fx = core.host.loadfile("tests/lua/fixture.lua", "tests/lua/fixture.lua", _ENV)()
local plan = require "kehoach.plan"
local check = require "kehoach.plan.check"
local words = require "kehoach.render.messages"
local explain = require "kehoach.explain"
local sweep = require "kehoach.sweep"
local summary = require "kehoach.summary"

local T = {}

-- An Lạc's poor households with the credit need: A03, A04, A05, A08 (lowest income first:
-- A03, A04, A08 at 600.000, A05 at 650.000); with the livestock need: A05, A08.
local PLAN = [[
source "loans" { label = "Vốn vay", loan = true }
support "vay_von" { label = "Vay vốn", who = { status = "poor", need = "credit" },
  quota = { ["An Lạc"] = 2 }, amount = per_household(million(50)), source = "loans" }
support "bo_giong" { label = "Bò giống", who = { status = "poor", need = "livestock", not_in = "vay_von" } }
support "tap_huan" { label = "Tập huấn sử dụng vốn vay", who = { ["in"] = "vay_von" } }
support "ca_hai" { label = "Cả hai", who = { also_in = { "vay_von", "bo_giong" }, status = "poor" } }
]]

local function chosen(db, programme)
  local out = {}
  for r in db:rows("SELECT household FROM allocations WHERE run = 1 AND programme = ? AND status = 'chosen' " ..
      "ORDER BY household", programme) do
    out[#out + 1] = r.household
  end
  return out
end

function T.test_not_in_keeps_two_supports_apart_and_also_in_together()
  local result, db, p = fx.evaluate(PLAN, "apart")
  t.eq(chosen(db, "vay_von"), { "A03", "A04" })
  t.eq(chosen(db, "bo_giong"), { "A05", "A08" }, "the livestock households the loans did not reach")
  t.eq(chosen(db, "tap_huan"), { "A03", "A04" }, "only the loan households")
  t.eq(chosen(db, "ca_hai"), { "A03", "A04", "A05", "A08" }, "a list: chosen for any of them")
  -- a third loan reaches A08, which then gets no cow
  db:close()
  result, db = fx.evaluate(PLAN:gsub('%["An Lạc"%] = 2', '["An Lạc"] = 3'), "apart3")
  t.eq(chosen(db, "vay_von"), { "A03", "A04", "A08" })
  t.eq(chosen(db, "bo_giong"), { "A05" })
  -- the households in two supports or more, by commune and pair
  local s = summary.build(p, result, words.word(result.messages))
  t.eq(s.overlap.households, 4)
  t.eq(s.overlap.by_commune, { ["An Lạc"] = 4 })
  local pairs = {}
  for _, x in ipairs(s.overlap.pairs) do pairs[#pairs + 1] = table.concat(x.supports, "+") .. "=" .. x.households end
  t.eq(pairs, { "vay_von+tap_huan=3", "vay_von+ca_hai=3", "bo_giong+ca_hai=1", "tap_huan+ca_hai=3" })
  db:close()
end

function T.test_a_sweep_of_the_earlier_quota_chooses_the_later_support_again()
  local path = fx.plan_file("apart_sweep", fx.HEADER .. PLAN:gsub('source = "loans" }', 'source = "loans" }\nbudget { total = million(100), loans = million(100) }', 1))
  local rows, sw = sweep.run(path, { db = fx.registry(), vary = "vay_von.quota.An Lạc=2:3:1" })
  t.ok(rows, "the sweep runs")
  t.eq(sw.stages.prepare, 1)
  t.eq({ rows[1].households, rows[2].households }, { 2, 3 }, "households the loans pay for")
  -- the same figures as two runs: bo_giong has 2, then 1
  local r1 = require("kehoach.pipeline").run(path, { db = fx.registry(), set = { "vay_von.quota.An Lạc=3" } })
  local by = {}
  for _, g in ipairs(r1.summary.programmes) do by[g.id] = g.households end
  t.eq(by.bo_giong, 1)
  local p = plan.load(path)
  local ran = {}
  local r = require("kehoach.pipeline").run(p, { db = fx.registry(), vary = function(q)
    return { values = { 2, 3 }, from = "choose", only = "vay_von", reproject = true,
      apply = function(_, v) require("kehoach.plan.params").apply(q, { { path = "vay_von.quota.An Lạc", value = v } }) end,
      each = function(x, i) for _, g in ipairs(x.summary.programmes) do if g.id == "bo_giong" then ran[i] = g.households end end end }
  end })
  t.ok(not r.errors)
  t.eq(ran, { 2, 1 }, "bo_giong chosen again when the loans' quota changes")
end

function T.test_a_support_names_only_one_declared_before_it()
  local function errors(source)
    local p = plan.load(fx.plan_file("apart_check", fx.HEADER .. source))
    local out = {}
    for _, m in ipairs(words.word(check.run(p))) do
      if m.level == "error" then out[#out + 1] = m.message end
    end
    return out
  end
  local list = errors([[
support "a" { label = "A", who = { not_in = "b" } }
support "b" { label = "B", who = { status = "poor", not_in = "b" } }
support "c" { label = "C", who = { any = { { also_in = "vay" } } } }
source "s" { label = "S" }
support "d" { label = "D", who = { not_in = "s" } }
]])
  t.eq(#list, 4)
  t.contains(list[1], "support 'a': who names 'b', a support declared after it (at line 3)")
  t.contains(list[1], "none is declared before it")
  t.contains(list[2], "support 'b': who names 'b', its own name")
  t.contains(list[2], "(here: a)")
  t.contains(list[3], "support 'c': who names 'vay', no support")
  t.contains(list[4], "support 'd': who names 's', a source, not a support")
  t.raises("give also_in or %[\"in\"%], not both", plan.load, fx.plan_file("apart_both", fx.HEADER ..
    'support "a" { label = "A", who = { also_in = "x", ["in"] = "x" } }\n'))
end

function T.test_explain_shows_the_condition_with_the_supports_the_household_got()
  local result, db, p = fx.evaluate(PLAN:gsub('%["An Lạc"%] = 2', '["An Lạc"] = 3'), "apart_explain")
  local h = explain.household(db, p, result, "A08")
  local entries = explain.programmes(db, p, result, h)
  local text = explain.text(p, result, h, entries)
  t.contains(text, "[không đạt] Không được chọn cho chương trình: được chọn cho “Vay vốn” (điều kiện: “Vay vốn”)")
  t.eq(entries[2].eligible, false)
  t.eq(entries[3].eligible, true)
  t.contains(text, "[đạt]       Được chọn cho chương trình: được chọn cho “Vay vốn” (điều kiện: “Vay vốn”)")
  db:close()
end

return T
