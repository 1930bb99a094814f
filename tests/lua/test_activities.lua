-- test_activities.lua — plans as real plans are written (issue 14): activities, budget
-- lines that pay no household, in the budget by source and the documents and never among
-- the households; a target that states the year's end; and plans/sa-pa-2021-hoat-dong.lua,
-- a district plan with communication, capacity-building and monitoring lines, two supports
-- kept apart and a year-end target, whose figures agree with a count made by hand in SQL.
local t = ...
local fx = core.host.loadfile("tests/lua/fixture.lua", "tests/lua/fixture.lua", _ENV)()
local plan = require "kehoach.plan"
local check = require "kehoach.plan.check"
local words = require "kehoach.render.messages"
local run = require "kehoach.verbs.run"
local plandoc = require "kehoach.render.plandoc"
local pipeline = require "kehoach.pipeline"

local fs, store = core.fs, core.store

local T = {}

local SAPA_PLAN = "plans/sa-pa-2021-hoat-dong.lua"
local SAPA = core.host.getenv("KEHOACH_SAPA") or "data/sa-pa.db"

local ACTIVITIES = [[
source "city" { label = "Ngân sách thành phố" }
agency "ldtbxh" { name = "Phòng Lao động - Thương binh và Xã hội" }
support "tro_cap" { label = "Trợ cấp", who = { status = "poor", unable_to_escape = true },
  amount = per_person_month(250000), months = "01-12", source = "city" }
activity "truyen_thong" { label = "Truyền thông về giảm nghèo", cost = million(9), source = "city", by = "ldtbxh",
  quarters = "Q1-Q4", delivers = { count = 12, noun = "lớp tập huấn" } }
activity "giam_sat" { label = "Giám sát, đánh giá", cost = million(2), source = "city", months = "06-12" }
budget { total = million(32), city = million(32) }
]]

local function codes(list)
  local out = {}
  for _, m in ipairs(list) do out[#out + 1] = m.level .. " " .. m.code end
  return out
end

local function execute(name, source, opts)
  local dir = fx.DIR .. "/" .. name
  fs.mkdir(dir)
  local path = fx.plan_file(name, fx.HEADER .. source)
  local o = { db = fx.registry(), out = dir, results = dir .. "/results.db" }
  for k, v in pairs(opts or {}) do o[k] = v end
  local code, s, out, messages = run.execute(path, o)
  return code, s, out, messages, path
end

function T.test_an_activity_is_in_the_budget_by_source_and_never_among_the_households()
  local code, s, out, messages = execute("activities", ACTIVITIES)
  t.eq(code, 0)
  -- 4 households unable to escape, 7 persons × 250.000 × 12 = 21 million; + 9 + 2
  t.eq(codes(messages), {}, "the line holds the allowance and both activities")
  local src = s.budget.sources[1]
  t.eq({ src.computed, src.spent, src.activities, src.gap }, { 32000000, 32000000, 11000000, 0 })
  t.eq(s.budget.total_computed, 32000000)
  t.eq(#s.activities, 2)
  t.eq(s.activities[1].id, "truyen_thong")
  t.eq(s.activities[1].delivers, { count = 12, noun = "lớp tập huấn" })
  t.eq(s.activities[1].by, { "Phòng Lao động - Thương binh và Xã hội" })
  t.eq(s.activities[1].period, "Q1-Q4")
  -- never among the households
  local csv = fs.read(out .. "/allocations.csv")
  t.ok(not csv:find("truyen_thong", 1, true) and not csv:find("giam_sat", 1, true), "allocations.csv")
  t.eq(#s.programmes, 1)
  t.eq(s.reached.households, 4)
  -- in report.md, by source and in a table of its own
  local md = fs.read(out .. "/report.md")
  t.contains(md, "| Truyền thông về giảm nghèo |     — |       — |       9.000.000 | Ngân sách thành phố |")
  t.contains(md, "### 3.2. Hoạt động không hỗ trợ trực tiếp cho hộ")
  t.contains(md, "12 lớp tập huấn")
  t.contains(md, "| Tổng kinh phí              |       |         |      32.000.000 |")
  t.contains(fs.read(out .. "/report.html"), "Truyền thông về giảm nghèo")
end

function T.test_check_adds_the_activities_to_their_line_and_knows_their_source_and_agency()
  -- without the registry: 9 + 2 = 11 million stated on a line of 32 (the allowance uncosted)
  local p = plan.load(fx.plan_file("act_check", fx.HEADER .. ACTIVITIES:gsub("million%(32%)", "million(10)")))
  local list = words.word(check.run(p))
  t.eq(codes(list), { "info budget-uncosted" })
  p = plan.load(fx.plan_file("act_check2", fx.HEADER .. [[
source "city" { label = "Ngân sách thành phố" }
activity "tt" { label = "Truyền thông", cost = million(9), source = "citi", by = "ldtbxh" }
activity "gs" { label = "Giám sát", cost = million(2), source = "city" }
budget { total = million(1), city = million(1) }
]]))
  list = words.word(check.run(p))
  t.eq(codes(list), { "error unknown-source", "error unknown-agency", "warning budget-gap" })
  t.contains(list[1].message, "'citi'")
  t.contains(list[3].message, "gs 2.000.000 đồng")
  t.raises("activity \"x\": delivers needs count and noun", plan.load, fx.plan_file("act_bad", fx.HEADER ..
    'activity "x" { label = "x", cost = 1, source = "s", delivers = { count = 3 } }\n'))
  t.raises("activity \"x\": unknown field 'amount'", plan.load, fx.plan_file("act_bad2", fx.HEADER ..
    'activity "x" { label = "x", cost = 1, source = "s", amount = 3 }\n'))
end

function T.test_an_activitys_cost_is_a_path_and_under_cap_it_is_paid_first()
  local code, s = execute("activities_set", ACTIVITIES, { set = { "truyen_thong.cost=19000000" } })
  t.eq(code, 0)
  t.eq(s.budget.sources[1].computed, 42000000)
  t.eq(s.budget.sources[1].gap, 10000000)
  -- cap: the activities' 21 million first, then 11 million for 21 million of allowances
  code, s = execute("activities_cap", ACTIVITIES, { set = { "truyen_thong.cost=19000000" }, budget = "cap" })
  t.eq(code, 0)
  t.ok(s.budget.sources[1].spent <= 32000000, "never past the line")
  t.ok(s.programmes[1].unfunded > 0, "households are left unfunded")
  t.eq(s.activities[1].cost, 19000000)
  local said = {}
  for _, c in ipairs(s.checks) do said[c.code] = c.message_vi end
  t.contains(said["budget-cap"], "Ngân sách thành phố chỉ bố trí 32 triệu đồng cho nhu cầu 42 triệu đồng")
  t.contains(said["budget-cap"], "các hoạt động (21 triệu đồng) được chi đủ")
  -- prorate: the households' 21 million get what the activities leave, 11 million (52,4%)
  code, s = execute("activities_prorate", ACTIVITIES, { set = { "truyen_thong.cost=19000000" }, budget = "prorate" })
  t.eq(code, 0)
  -- (each amount rounded down to the đồng: never past the line, a few đồng under it)
  t.ok(s.budget.sources[1].spent <= 32000000 and s.budget.sources[1].spent > 31999990, "the line, to the đồng")
  t.ok(s.programmes[1].cost <= 11000000 and s.programmes[1].cost > 10999990, "the households share 11 million")
  for _, c in ipairs(s.checks) do said[c.code] = c.message_vi end
  t.contains(said["budget-prorate"], "nhu cầu 42 triệu đồng; mọi khoản hỗ trợ hộ từ nguồn này được giảm còn 52,4%")
end

function T.test_the_plan_document_puts_the_activities_under_III_and_in_the_need_by_source()
  local dir = fx.DIR .. "/act_doc"
  fs.mkdir(dir)
  local path = fx.plan_file("act_doc", fx.HEADER .. ACTIVITIES)
  local r = pipeline.run(path, { db = fx.registry() })
  local md = plandoc.markdown(plandoc.blocks(r.plan, r.summary, r.result.units))
  t.contains(md, "### 2. Truyền thông về giảm nghèo")
  t.contains(md, "Phòng Lao động - Thương binh và Xã hội thực hiện truyền thông về giảm nghèo: 12 lớp tập huấn.")
  t.contains(md, "Kinh phí: 9 triệu đồng, từ nguồn ngân sách thành phố.")
  t.contains(md, "9 triệu đồng cho truyền thông về giảm nghèo")
end

function T.test_a_target_states_the_years_end_and_the_registry_checks_it()
  -- 10 poor households of 15 at the review: 3 fewer leave 7, 46,67%
  local result = fx.evaluate('target "giam" { households = 3, poor_at_end = 7, rate_at_end = 46.67 }\n', "year_end")
  t.eq(codes(result.messages), {})
  result = fx.evaluate('target "giam" { households = 3, poor_at_end = 8, rate_at_end = 46.7 }\n', "year_end_bad")
  t.eq(codes(result.messages), { "warning poor-at-end", "warning rate-at-end" })
  words.word(result.messages)
  t.contains(result.messages[1].message, "10 poor households at the review of 2020 in Thành phố Mẫu, less the 3 of the target, leave 7 at year end, not the 8 stated")
  t.contains(result.messages[2].message, "are 46.67%, not the 46.7% stated")
end

-- ---- the Sa Pa plan against a count by hand ---------------------------------------------------

local function hand(sql, ...)
  local db = store.open(SAPA, "ro")
  local v = db:value(sql, ...)
  db:close()
  return v
end

-- poor households of the review of 2020 that registered a need, in a commune (or in all)
local NEED = [[SELECT count(*) FROM surveys s JOIN households h ON h.id = s.household JOIN units u ON u.code = h.unit
  WHERE s.year = 2020 AND s.status = 'poor' AND (?1 IS NULL OR u.name = ?1) AND (?3 IS NULL OR u.difficult = ?3)
    AND EXISTS (SELECT 1 FROM needs n WHERE n.household = h.id AND n.year = 2020 AND n.kind = ?2)]]

function T.test_the_sa_pa_district_plan_agrees_with_a_count_by_hand()
  if not fs.exists(SAPA) then error("no Sa Pa registry at " .. SAPA .. ": make data/sa-pa.db", 0) end
  local dir = fx.DIR .. "/sa_pa_hoat_dong"
  fs.mkdir(dir)
  local code, s, out, messages = run.execute(SAPA_PLAN, { db = SAPA, out = dir, results = dir .. "/results.db" })
  t.eq(code, 0)
  t.eq(codes(messages), {}, "no error and no warning against the registry")
  local by = {}
  for _, g in ipairs(s.programmes) do by[g.id] = g end
  -- buffaloes: ten in each of four communes, each with more eligible households than that
  local buffaloes = 0
  for _, c in ipairs({ "Bản Hồ", "Mường Bo", "Hoàng Liên", "Ngũ Chỉ Sơn" }) do
    buffaloes = buffaloes + math.min(10, hand(NEED, c, "livestock", 1))
  end
  t.eq(by.trau_giong.households, buffaloes)
  t.eq(by.trau_giong.cost, buffaloes * 25000000)
  -- production support: every poor household with the livestock need but those given a buffalo
  t.eq(by.san_xuat.households, hand(NEED, nil, "livestock", nil) - buffaloes)
  t.eq(by.san_xuat.cost, by.san_xuat.households * 5000000)
  -- the course: those given a buffalo, and only they
  t.eq(by.tap_huan_chan_nuoi.households, buffaloes)
  local db = store.open(dir .. "/results.db", "ro")
  t.eq(db:value([[SELECT count(*) FROM allocations a JOIN allocations b ON b.run = a.run AND b.household = a.household
    WHERE a.run = 1 AND a.programme = 'trau_giong' AND b.programme = 'san_xuat' AND a.status = 'chosen']]), 0,
    "no household gets both a buffalo and the production support")
  t.eq(db:value([[SELECT count(*) FROM allocations a WHERE a.run = 1 AND a.programme = 'tap_huan_chan_nuoi'
    AND NOT EXISTS (SELECT 1 FROM allocations b WHERE b.run = 1 AND b.programme = 'trau_giong' AND b.status = 'chosen'
      AND b.household = a.household)]]), 0, "the course goes to those given a buffalo")
  t.eq(db:value("SELECT count(*) FROM allocations WHERE programme IN ('truyen_thong', 'nang_cao_nang_luc', 'giam_sat')"), 0)
  db:close()
  -- households in two supports: the buffalo and its course, ten in each commune
  t.eq(s.overlap.households, buffaloes)
  t.eq(#s.overlap.pairs, 1)
  t.eq(s.overlap.pairs[1], { supports = { "trau_giong", "tap_huan_chan_nuoi" }, households = buffaloes })
  t.eq(s.overlap.by_commune["Bản Hồ"], 10)
  -- the budget: the activities' 1.104 million with the province's programmes
  local province
  for _, x in ipairs(s.budget.sources) do
    if x.id == "ngan_sach_tinh" then province = x end
  end
  t.eq(province.activities, 1104000000)
  t.eq(province.computed, by.san_xuat.cost + by.tap_huan_chan_nuoi.cost + 1104000000)
  t.eq(s.budget.total_computed, 3144000000)
  -- the year's end: the poor at the review less the target
  local poor = hand("SELECT count(*) FROM surveys WHERE year = 2020 AND status = 'poor'")
  t.eq(s.targets[1].poor_at_end_computed, poor - 420)
  t.eq(s.targets[1].poor_at_end, poor - 420)
  t.eq(s.targets[1].rate_at_end_computed, tonumber(string.format("%.2f", (poor - 420) * 100 /
    hand("SELECT count(*) FROM surveys WHERE year = 2020"))))
  local md = fs.read(out .. "/report.md")
  t.contains(md, "cuối năm còn 1.535 hộ nghèo, tỷ lệ 10,17% (kế hoạch); 1.955 hộ nghèo khi rà soát trừ 420 hộ là 1.535 hộ, 10,17%")
  t.contains(md, "Hộ được chọn cho hai chương trình trở lên: 40 hộ")
  t.contains(md, "- Hỗ trợ trâu cái sinh sản và Tập huấn kỹ thuật chăn nuôi trâu sinh sản: 40 hộ")
  t.contains(md, "| Truyền thông về giảm nghèo và giảm nghèo về thông tin | 16 hội nghị truyền thông tại các xã, phường |")
  -- and kehoach test's expectations hold
  local p = plan.load(SAPA_PLAN)
  local r = pipeline.run(p, { db = SAPA })
  for _, e in ipairs(require("kehoach.plan.expect").verify(p, r.result)) do t.ok(e.holds, e.text) end
end

return T
