-- test_user_standards.lua — standards as data: vn-2026 in force from 2027, a standard of the
-- user's own beside a plan or a registry (found, checked, sandboxed, never SQL of its own),
-- registries generated under vn-2022 and vn-2026 reviews, and check, run and new with them.
local t = ...
local standards = require "kehoach.standards"
local plan = require "kehoach.plan"
local check = require "kehoach.plan.check"
local words = require "kehoach.render.messages"
local pipeline = require "kehoach.pipeline"
local profiles = require "kehoach.registry.profile"
local generate = require "kehoach.registry.generate"
local import = require "kehoach.registry.import"
local draft = require "kehoach.draft"

local fx = core.host.loadfile("tests/lua/fixture.lua", "tests/lua/fixture.lua", _ENV)()
local fs, store = core.fs, core.store

local T = {}

local DIR = "build/tests/lua-standards"

-- A province's standard for the fixture's year: income-poor at or below 600,000 rural and
-- 800,000 urban, near-poor up to 1,000,000 / 1,300,000.
local MAU = [[
-- a province's standard, for the fixture
return {
  name = "tinh-mau-2021",
  title = "Chuẩn nghèo của Tỉnh Mẫu",
  reference = "Nghị quyết số 1/2020/NQ-HĐND (thử)",
  from_year = 2021,
  to_year = 2025,
  lines = {
    poor = { rural = 600000, urban = 800000 },
    near_poor = { rural = 1000000, urban = 1300000 },
    middle = { rural = 1500000, urban = 1950000 },
  },
  indicators = { "d_water", "d_latrine", "d_housing_quality" },
  labels = { d_water = "Nước sạch" },
  rule = {
    { status = "poor", kind = "income", income_max = "poor" },
    { status = "poor", kind = "deprivation", income_max = "near_poor", min_deprivations = 2 },
    { status = "near_poor", income_max = "near_poor" },
    { status = "middle", income_max = "middle" },
    { status = "non_poor" },
  },
}
]]

local function write(path, text)
  fs.mkdir(path:match("^(.*)/[^/]*$"))
  fs.write(path, text)
  return path
end

-- A fixture plan in folder dir (its standard named), with one support for the poor by income.
local function mau_plan(dir, std_name)
  return write(dir .. "/plan.lua", string.format([[
plan { id = "mau-2021", title = "Kế hoạch mẫu", unit = "Thành phố Mẫu", year = 2021, standard = %q }
support "theo_thu_nhap" { label = "Hộ nghèo theo thu nhập", who = { poverty_kind = "income" }, outside_budget = "thử" }
]], std_name))
end

local function edited(old, new)
  local s, n = MAU:gsub(old:gsub("%p", "%%%0"), (new:gsub("%%", "%%%%")), 1)
  assert(n == 1, old)
  return s
end

function T.test_the_standard_in_force_for_a_year_and_the_suggestion_for_an_unknown_one()
  t.eq(standards.find(2026).name, "vn-2022")
  t.eq(standards.find(2027).name, "vn-2026")
  local std, why = standards.find("vn-2062", nil, 2027)
  t.eq(std, nil)
  t.contains(why, "unknown poverty standard 'vn-2062' (did you mean vn-2026, the standard in force in 2027?)")
  -- the issue's case: vn-2026 is known now, and a plan naming an unknown one for 2027 is told vn-2026
  t.eq(standards.find("vn-2026").name, "vn-2026")
  local path = write(DIR .. "/suggest/plan.lua",
    'plan { id = "x", title = "x", unit = "Thành phố Mẫu", year = 2027, standard = "vn-2016x" }\n')
  local list = check.run(plan.load(path))
  local msg
  for _, m in ipairs(list) do if m.code == "unknown-standard" then msg = words.format(m) end end
  t.contains(msg, "did you mean vn-2026, the standard in force in 2027?")
  t.contains(msg, "a standard of your own is a file " .. DIR .. "/suggest/standards/vn-2016x.lua (there is none)")
end

function T.test_a_2026_plan_under_vn_2026_is_told_vn_2022_is_in_force()
  local path = write(DIR .. "/years/plan.lua",
    'plan { id = "x", title = "x", unit = "Thành phố Mẫu", year = 2026, standard = "vn-2026" }\n')
  local list = words.word(check.run(plan.load(path)))
  t.eq(#list, 1)
  t.eq({ list[1].level, list[1].code }, { "warning", "standard-years" })
  t.contains(list[1].message, "the standard vn-2026 is in force 2027-2030, not in 2026 (in 2026: vn-2022)")
end

function T.test_a_standard_beside_the_plan_is_found_and_counts_as_its_rule_says()
  local dir = DIR .. "/beside-plan"
  write(dir .. "/standards/tinh-mau-2021.lua", MAU)
  local p = plan.load(mau_plan(dir, "tinh-mau-2021"))
  t.eq(check.count(check.run(p)).error, 0)
  local result = pipeline.run(p, { db = fx.registry("standards") }).result
  t.eq(result.standard.name, "tinh-mau-2021")
  -- income-poor by hand: rural at or below 600,000 (A01-A04, A08, H01), urban at or below
  -- 800,000 (B01); under vn-2016 (700,000 / 900,000) A05, H02 and B04 would be too
  t.eq(result.programmes[1].households, 7)
  t.eq(standards.label("d_water", "tinh-mau-2021"), "Nước sạch")
end

function T.test_a_standard_beside_the_registry_is_found_by_a_plan_elsewhere()
  local reg_dir = DIR .. "/registry-folder"
  fs.mkdir(reg_dir)
  local reg = reg_dir .. "/registry.db"
  fs.remove(reg)
  t.ok(fs.rename(fx.registry("standards-reg"), reg))
  write(reg_dir .. "/standards/tinh-mau-2021.lua", MAU)
  local p = plan.load(mau_plan(DIR .. "/plans-elsewhere", "tinh-mau-2021"))
  local r = pipeline.run(p, { db = reg })
  t.eq(r.errors, nil, "no errors")
  local result = r.result
  t.eq(result.programmes[1].households, 7)
  -- and db stats / db check read a review under it, by name beside the registry or by file
  local classify = require "kehoach.registry.classify"
  local rdb, year, std = classify.open({ db = reg, standard = "tinh-mau-2021" })
  rdb:close()
  t.eq({ year, std.name }, { 2020, "tinh-mau-2021" })
  rdb, year, std = classify.open({ db = fx.registry("standards-2"), standard = reg_dir .. "/standards/tinh-mau-2021.lua" })
  rdb:close()
  t.eq(std.name, "tinh-mau-2021")
end

-- Each broken file is refused with exit 3 (data), naming the file, the line and the field,
-- and none of its text reaches SQL.
local BROKEN = {
  { 'min_deprivations = 2', 'min_deprivations = "2"', ":17: rule[2].min_deprivations: expected a number of the standard's indicators" },
  { '"d_water", "d_latrine"', '"d_water) OR (1", "d_latrine"', ":13: indicators[1]: expected one of the registry's indicators" },
  { 'income_max = "poor" }', 'income_max = "poor) OR 1=1 --" }', ":16: rule[1].income_max: expected the name of one of the standard's lines" },
  { 'status = "near_poor"', "status = \"near_poor' --\"", ":18: rule[3].status: expected the status the clause gives" },
  { 'rural = 600000', 'rural = "0) OR (1"', ":9: lines.poor.rural: expected đồng per person per month" },
  { 'rural = 600000', 'rural = 600000.5', ":9: lines.poor.rural:" },
  { 'middle = { rural = 1500000', 'middle = { rural = 15000', ":11: lines.middle.rural: 15.000 is below the near_poor line's 1.000.000" },
  { '    { status = "non_poor" },\n', '', ":19: rule[4]: the last clause must have no condition" },
  { 'to_year = 2025,', 'to_year = 2025, color = 1,', ":7: color: unknown field 'color'" },
  { 'kind = "income"', 'kind = "incme"', ":16: rule[1].kind: expected the kind of poverty (income, deprivation), not 'incme' (did you mean 'income'?)" },
  { 'name = "tinh-mau-2021"', 'name = "vn-2022"', "names itself vn-2022, the name of a standard shipped with kehoach" },
  { 'name = "tinh-mau-2021"', 'name = "tinh-khac"', "names itself 'tinh-khac', not 'tinh-mau-2021'" },
  { 'return {', 'return setmetatable({}, { __index = function() return 1 end }) or {', "not a table with a metatable" },
  { 'return {', 'os.execute("touch x") return {', ":2: 'os' is not available" },
  { 'return {', 'local f = io.open("/etc/passwd") return {', ":2: 'io' is not available" },
  { 'return {', 'local m = require "kehoach.standards" return {', "is part of the engine, not something a plan can load" },
  { 'return {', 'return', ":3: <eof> expected near '='" },
}

function T.test_a_broken_or_hostile_standard_file_is_refused_naming_file_line_and_field()
  for i, case in ipairs(BROKEN) do
    local dir = string.format("%s/broken-%d", DIR, i)
    local file = write(dir .. "/standards/tinh-mau-2021.lua", edited(case[1], case[2]))
    local p = plan.load(mau_plan(dir, "tinh-mau-2021"))
    local msg, kind = t.raises(nil, check.run, p)
    -- (Lua shortens a long chunk name from the left: "...broken-14/standards/...")
    t.contains(msg, i .. "/standards/tinh-mau-2021.lua", "case " .. i)
    t.contains(msg, case[3], "case " .. i)
    t.eq(kind, "data", "case " .. i)
    local _ = file
  end
end

function T.test_a_standard_name_cannot_reach_outside_the_folder()
  for _, name in ipairs({ "../x", "standards.x", "a/b" }) do
    local std, why = standards.find(name, { DIR .. "/plan.lua" }, 2027)
    t.eq(std, nil, name)
    t.ok(why, name)
  end
  t.raises("no such standard file", standards.file, DIR .. "/no-such.lua")
end

-- A copy of the Sa Pa profile whose review is of year under std (no year after it).
local function sa_pa(name, year, std)
  local text = fs.read("scripts/profiles/sa-pa.lua")
  text = text:gsub('survey = { year = 2020, standard = "vn%-2016" }',
    string.format('survey = { year = %d, standard = %q }', year, std))
  return write(DIR .. "/" .. name .. ".lua", text)
end

function T.test_db_generate_makes_a_review_under_vn_2022_and_vn_2026()
  for _, std in ipairs({ "vn-2022", "vn-2026" }) do
    local p = profiles.load(sa_pa("sa-pa-" .. std, 2020, std))
    local db = store.registry(":memory:", "init")
    generate.run({ db = db, profile = p })  -- raises when a recorded status is not the standard's
    local want = 0
    for _, c in ipairs(p.communes) do want = want + c.poor end
    t.eq(db:value("SELECT count(*) FROM surveys WHERE status = 'poor'"), want, std)
    t.eq(db:value("SELECT value FROM meta WHERE key = 'standard.2020'"), std)
    db:close()
  end
end

-- A registry whose review of 2026 is under vn-2026, and a 2027 plan under vn-2026.
local function registry_2026()
  local path = DIR .. "/sa-pa-2026.db"
  if not fs.exists(path) then
    local p = profiles.load(sa_pa("sa-pa-2026", 2026, "vn-2026"))
    generate.run({ path = path, profile = p })
  end
  return path
end

local PLAN_2027 = [[
plan { id = "sa-pa-2027", title = "Kế hoạch giảm nghèo năm 2027 (thử)", unit = "Thị xã Sa Pa", year = 2027,
  standard = "vn-2026" }
source "ngan_sach" { label = "Ngân sách thị xã" }
support "tro_cap" { label = "Trợ cấp hộ nghèo không có khả năng thoát nghèo",
  who = { status = "poor", unable_to_escape = true }, amount = per_person_month(300000), months = "01-12",
  source = "ngan_sach" }
support "nuoc" { label = "Nước sạch cho hộ nghèo thiếu nước", who = { status = "poor", deprived = "d_water",
  deprivations = { min = 3 } }, amount = per_household(million(5)), quarters = "Q2", source = "ngan_sach",
  effect = { clears = { "d_water" }, from = "Q3" } }
report "bao_cao_nam" { label = "Báo cáo năm", due = "2027-12-05", covers = "01-12", to = "ubnd" }
agency "ubnd" { name = "Ủy ban nhân dân thị xã" }
]]

function T.test_check_and_run_a_2027_plan_under_vn_2026_on_a_review_under_vn_2026()
  local reg = registry_2026()
  local path = write(DIR .. "/plans/sa-pa-2027.lua", PLAN_2027)
  local verb_check = require "kehoach.verbs.check"
  t.eq(verb_check.run({ db = reg, quiet = true }, { path }), 0)
  local run = require "kehoach.verbs.run"
  local code, s = run.execute(path, { db = reg, out = DIR .. "/out", quiet = true })
  t.eq(code, 0)
  t.eq(s.plan.standard, "vn-2026")
  local poor = 0
  for _, c in ipairs(profiles.load(DIR .. "/sa-pa-2026.lua").communes) do poor = poor + c.poor end
  t.eq(s.registry.poor, poor)             -- the review's poor, as the profile recorded them under vn-2026
  t.ok(type(s.projection) == "table", "the water support's effect projected under vn-2026")
  t.ok(fs.exists(DIR .. "/out/sa-pa-2027/report.md"))
end

function T.test_new_drafts_2027_under_vn_2026_by_default()
  local reg = registry_2026()
  local from = write(DIR .. "/plans/sa-pa-2026.lua", PLAN_2027:gsub("2027", "2026"):gsub("vn%-2026", "vn-2022"))
  local text = draft.make({ from = from, year = 2027, registry = reg })
  t.contains(text, 'standard = "vn-2026"')
  -- --standard takes a user's standard beside the plan, or a file
  write(DIR .. "/plans/standards/tinh-mau-2021.lua", edited("to_year = 2025", "to_year = 2030"))
  text = draft.make({ from = from, year = 2027, registry = reg, standard = "tinh-mau-2021" })
  t.contains(text, 'standard = "tinh-mau-2021"')
end

function T.test_db_import_accepts_a_users_standard_and_refuses_an_unknown_at_once()
  local dir = DIR .. "/import"
  write(dir .. "/standards/tinh-mau-2021.lua", MAU)
  local meta = write(dir .. "/csv/meta.csv", "key,value\nstandard.2021,tinh-mau-2021\n")
  local db = store.registry(":memory:", "init")
  local counts, problems = import.run(db, { meta = meta }, { dir .. "/registry.db", meta })
  t.eq(problems, nil)
  t.eq(counts.meta, 1)
  -- an unknown one: refused, the suggestion the standard in force that year, and the
  -- other files not read
  write(dir .. "/csv/meta.csv", "key,value\nstandard.2027,tinh-khac\n")
  local households = write(dir .. "/csv/households.csv", "code,unit\nX-1,C1\n")
  local none
  none, problems = import.run(db, { meta = meta, households = households }, { dir .. "/registry.db", meta })
  t.eq(none, nil)
  t.contains(problems[1], "'tinh-khac' is not the name of a poverty standard")
  t.contains(problems[1], "did you mean vn-2026, the standard in force in 2027?")
  t.contains(problems[2], households .. " not read: " .. meta .. " has a problem")
  db:close()
end

return T
