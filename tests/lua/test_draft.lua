-- test_draft.lua — next year's draft (`kehoach new`, kehoach.draft) from the 2021 plan
-- against the default registry's review of 2021, and the plan-source writer it uses.
local t = ...
local draft = require "kehoach.draft"
local plan = require "kehoach.plan"
local check = require "kehoach.plan.check"
local source = require "kehoach.plan.source"
local pipeline = require "kehoach.pipeline"

local T = {}

local DIR = "build/tests/lua-draft"
local REGISTRY = core.host.getenv("KEHOACH_REGISTRY") or "data/registry.db"
local FROM = "plans/lao-cai-city-2021.lua"

local function write(name, text)
  core.fs.mkdir(DIR)
  local path = DIR .. "/" .. name
  core.fs.write(path, text)
  return path
end

local function make(o)
  o = o or {}
  return draft.make({ from = FROM, year = 2022, registry = REGISTRY, reduction = o.reduction })
end

-- The fields whose values are numbers an officer decides.
local DECIDED = { households = true, persons = true, rate_points = true, by_commune = true, quota = true,
  Q1 = true, Q2 = true, Q3 = true, Q4 = true, quarter_totals = true, total = true, units = true,
  units_per_household = true, amount = true, coverage = true, effect = true, due = true,
  ngan_sach_tinh = true, ngan_sach_thanh_pho = true, xa_hoi_hoa = true, von_vay = true }

function T.test_every_drafted_number_is_marked()
  local text = make()
  local prev, unmarked, marked = "", {}, 0
  for line in text:gmatch("[^\n]*") do
    local field = line:match("^  ([%w_]+) = ")
    if field and DECIDED[field] then
      if prev:match("^  %-%- drafted:") or prev:match("^  %-%-   ") then
        marked = marked + 1
      else
        unmarked[#unmarked + 1] = line
      end
    end
    if line ~= "" then prev = line end
  end
  t.eq(unmarked, {})
  t.ok(marked > 25, "many drafted numbers: " .. marked)
end

function T.test_the_draft_runs_and_its_budget_is_what_its_programmes_cost()
  local text, facts = make()
  local path = write("draft.lua", text)
  local r = pipeline.run(path, { db = REGISTRY })
  t.ok(not r.errors, "the draft evaluates without errors")
  local p, result = r.plan, r.result
  t.eq(p.year, 2022)
  t.eq(p.meta.standard, "vn-2022")
  t.eq(p.registry_year, 2021)
  local total = 0
  for id, cost in pairs(result.by_source) do
    t.eq(p.budget.lines[id], cost, "the line of " .. id)
    total = total + cost
  end
  t.eq(p.budget.total, total)
  t.eq(facts.budget, total)
  -- the registry's checks: no commune asked for more than it has, no cost over its line
  for _, m in ipairs(result.messages) do
    t.ne(m.code, "target-exceeds-poor", m.message)
    t.ne(m.code, "cost-over-budget", m.message)
    t.ne(m.code, "quota-shortfall", m.message)
  end
  t.eq(check.count(check.run(p)).error, 0)
end

-- The share of the poor the 2021 plan set out to lift (90 of 225), of 2021's 292 poor.
function T.test_the_target_keeps_the_share_of_the_poor_and_spreads_over_communes_and_quarters()
  local path = write("draft.lua", make())
  local p = plan.load(path)
  local d = p.by_id.giam_ho_ngheo
  t.eq(d.households, 117)
  t.eq(check.sum(d.by_commune), 117)
  local q = 0
  for i = 1, 4 do q = q + d.quarter_totals["Q" .. i] end
  t.eq(q, 117)
  t.ok(d.quarter_totals.Q4 > d.quarter_totals.Q1, "most in the last quarter, as in 2021")
  t.eq(d.rate_points, 0.31)
  -- Thống Nhất and Tả Phời hold most of the poor, so most of the target
  local by = {}
  for _, c in ipairs(d.by_commune) do by[c.name] = c.n end
  t.ok(by["Thống Nhất"] > by["Cam Đường"] and by["Tả Phời"] > by["Cam Đường"], "by need")
end

function T.test_a_reduction_lifts_that_many_points_of_the_surveyed()
  local path = write("draft.lua", make({ reduction = 0.5 }))
  local p = plan.load(path)
  t.eq(p.by_id.giam_ho_ngheo.households, 186) -- 0.5% of 37,191
  t.eq(p.by_id.giam_ho_ngheo.rate_points, 0.5)
end

-- What the writer writes declares what was read.
function T.test_the_source_writer_gives_back_the_plan_it_read()
  local p = plan.load(FROM)
  local parts = {}
  for _, d in ipairs(p.order) do parts[#parts + 1] = source.declaration(d) end
  local q = plan.load(write("again.lua", table.concat(parts, "\n\n") .. "\n"))
  t.eq(#q.order, #p.order)
  local skip = { where = true, line = true, file = true }
  for i, d in ipairs(p.order) do
    local e = q.order[i]
    for k, v in pairs(d) do
      if not skip[k] then t.eq(e[k], v, d.kind .. " " .. tostring(d.id) .. "." .. k) end
    end
  end
end

function T.test_money_is_written_as_a_plan_author_writes_it()
  t.eq(source.money(5723000000), "million(5723)")
  t.eq(source.money(2500000), "million(2.5)")
  t.eq(source.money(436320000), "million(436.32)")
  t.eq(source.money(250000), "250000")
  t.eq(source.money(1234567), "1234567")
end

return T
