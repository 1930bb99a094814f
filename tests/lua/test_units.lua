-- test_units.lua — the unit tree: a plan is for any node (a commune, a district, a province
-- with districts or with communes, the country), its targets and quotas name the node's
-- children and households are counted through the tree; bad trees are refused in words;
-- documents word the children by the kinds the registry gives them.
local t = ...
local fx = core.host.loadfile("tests/lua/fixture.lua", "tests/lua/fixture.lua", _ENV)()
local plan = require "kehoach.plan"
local check = require "kehoach.plan.check"
local summary = require "kehoach.summary"
local report = require "kehoach.render.report"
local units = require "kehoach.units"
local profiles = require "kehoach.registry.profile"
local generate = require "kehoach.registry.generate"

local fs, store = core.fs, core.store

local T = {}

-- The fixture registry (Tỉnh Mẫu → Thành phố Mẫu, Huyện Khác → communes) with more units:
-- the country above the province, a second province, and a township (thị trấn) with one
-- poor household in Huyện Khác.
local function registry(name)
  local path = fx.registry(name)
  local db = store.registry(path, "rw")
  db:exec([[
    INSERT INTO units VALUES ('VN', 'Việt Nam', 'country', NULL, NULL, 0, 0);
    UPDATE units SET parent = 'VN' WHERE code = 'P';
    INSERT INTO units VALUES ('P2', 'Tỉnh Khác', 'province', 'tỉnh', 'VN', 0, 0);
    INSERT INTO units VALUES ('T1', 'Phố Núi', 'commune', 'thị trấn', 'D2', 1, 0);
    INSERT INTO households(id, code, unit, village, head) VALUES (99, 'T01', 'T1', 'Tổ 1', 'Người Thị Trấn');
    INSERT INTO surveys(household, year, income, status) VALUES (99, 2020, 500000, 'poor');
    INSERT INTO persons(household, name) VALUES (99, 'Người Thị Trấn');
    INSERT INTO needs VALUES (99, 2020, 'credit');]])
  db:close()
  return path
end

local function evaluate_plan(unit, body, name)
  local header = string.format('plan { id = "cay-2021", title = "Kế hoạch", unit = %q, year = 2021, '
    .. 'standard = "vn-2016" }\n', unit)
  local p = plan.load(fx.plan_file(name or "units", header .. body))
  local result, db = fx.run(p, registry(name or "units"))
  return result, db, p
end

local function chosen(db, programme)
  local out = {}
  for r in db:rows("SELECT household FROM allocations WHERE run = 1 AND programme = ? AND status = 'chosen' "
      .. "ORDER BY household", programme) do
    out[#out + 1] = r.household
  end
  return out
end

local function errors(result)
  local out = {}
  for _, m in ipairs(result.messages) do
    if m.level == "error" then out[#out + 1] = m.message end
  end
  return out
end

local LOANS = [[
source "vay" { label = "Vốn vay", loan = true }
support "vay_von" { label = "Vay vốn", who = { status = "poor", need = "credit" }, quota = %s,
  amount = per_household(million(10)), quarters = "Q1", source = "vay" }
]]

function T.test_a_province_with_districts_gives_its_quotas_to_the_districts()
  local result, db = evaluate_plan("Tỉnh Mẫu", string.format(LOANS,
    '{ { "Thành phố Mẫu", 2 }, { "Huyện Khác", 5 } }') ..
    'target "giam" { households = 3, by_commune = { { "Thành phố Mẫu", 2 }, { "Huyện Khác", 1 } } }\n')
  t.eq(errors(result), {})
  t.eq(result.units.level, "province")
  t.eq(result.units.words, "thành phố, huyện")
  -- counted through the tree: every household of the province's communes (16, and the
  -- township's), its poor 12 (11 in the fixture, and the township's)
  t.eq(result.poverty.households, 17)
  t.eq(result.poverty.poor, 12)
  -- the city's two poorest with credit (A03, A04 at 600.000, A03 more deprived); all of
  -- Huyện Khác's (X01 and the township's T01): a quota of 5 for 2
  t.eq(chosen(db, "vay_von"), { "A03", "A04", "T01", "X01" })
  db:close()
end

function T.test_a_national_plan_gives_its_quotas_to_the_provinces()
  local result, db = evaluate_plan("Việt Nam", string.format(LOANS, '{ { "Tỉnh Mẫu", 3 } }'))
  t.eq(errors(result), {})
  t.eq(result.units.child_noun, "province")
  t.eq(result.units.words, "tỉnh")
  -- the three poorest with credit anywhere in the province: X01 (100.000), T01 (500.000), A03
  t.eq(chosen(db, "vay_von"), { "A03", "T01", "X01" })
  db:close()
end

function T.test_a_commune_plan_counts_its_own_households_and_names_only_itself()
  local result, db = evaluate_plan("Xã An Lạc", string.format(LOANS, '{ { "An Lạc", 2 } }') ..
    'target "giam" { households = 2, rate_points = 25 }\n')
  t.eq(errors(result), {})
  t.eq(result.poverty.households, 8, "An Lạc's households")
  t.eq(result.poverty.poor, 6)
  t.eq(chosen(db, "vay_von"), { "A03", "A04" })
  db:close()
  local bad = evaluate_plan("An Lạc", string.format(LOANS, '{ { "Bình Minh", 1 } }'), "commune-bad")
  t.eq(errors(bad), { "support 'vay_von': 'Bình Minh' is not An Lạc: a plan for a commune names only the "
    .. "commune itself" })
end

function T.test_a_name_two_units_have_asks_for_the_kind()
  local path = registry("ambiguous")
  local db = store.registry(path, "rw")
  db:exec("INSERT INTO units VALUES ('C7', 'Mẫu', 'commune', 'phường', 'D', 1, 0)")
  db:exec("INSERT INTO units VALUES ('D3', 'Mẫu', 'district', 'thị xã', 'P', 0, 0)")
  db:close()
  local p = plan.load(fx.plan_file("ambiguous", 'plan { id = "x", title = "x", unit = "Mẫu", year = 2021, '
    .. 'standard = "vn-2016" }\n'))
  local result, sdb = fx.run(p, path)
  if sdb then sdb:close() end
  t.eq(errors(result), { "plan: the registry has 2 units named 'Mẫu'; write which: phường Mẫu, thị xã Mẫu" })
  -- the kind with the name finds one
  p = plan.load(fx.plan_file("ambiguous", 'plan { id = "x", title = "x", unit = "Thị xã Mẫu", year = 2021, '
    .. 'standard = "vn-2016" }\n'))
  sdb = core.store.results("")
  sdb:attach_registry(path, "reg")
  local units_of = require("kehoach.units").resolve(sdb, p)
  sdb:close()
  t.eq(units_of.node.code, "D3")
end

function T.test_documents_word_the_children_by_their_kinds()
  local result, db, p = evaluate_plan("Huyện Khác", string.format(LOANS, '{ { "Phố Núi", 1 }, { "Xa Xôi", 1 } }'),
    "wording")
  db:close()
  t.eq(errors(result), {})
  local s = summary.build(p, result, result.messages)
  t.eq(s.plan.children, "xã, thị trấn")
  t.eq(s.plan.unit_title, "huyện Khác")
  local md = report.markdown(s)
  t.contains(md, "| Xã, thị trấn ")
  t.contains(md, "| **Toàn huyện Khác** ")
  t.ok(not md:find("Xã, phường", 1, true), "no ward in Huyện Khác")
end

-- ---- bad trees ----------------------------------------------------------------------------

function T.test_bad_trees_are_named_in_words()
  local function texts(rows)
    local out = {}
    for i, pr in ipairs(units.problems(rows)) do out[i] = units.problem_text(pr) end
    return out
  end
  t.eq(texts({ { code = "1", name = "Tỉnh A", level = "province" },
    { code = "1", name = "Xã B", level = "commune", parent = "1" } }),
    { "the code 1 is given to two units: Tỉnh A and Xã B" })
  t.eq(texts({ { code = "1", name = "Tỉnh A", level = "province" },
    { code = "2", name = "Xã B", level = "commune", parent = "9" } }),
    { "2 (Xã B) names the parent 9, which is not a unit of the tree" })
  t.eq(texts({ { code = "1", name = "A", level = "province", parent = "2" },
    { code = "2", name = "B", level = "district", parent = "1" } }),
    { "the parents go round in a cycle: 1 (A) → 2 (B) → 1 (A)" })
  t.eq(texts({ { code = "1", name = "Xã A", level = "commune" },
    { code = "2", name = "Xã B", level = "commune", parent = "1" } }),
    { "2 (Xã B) names the parent 1 (Xã A), which is a commune: a commune has no units under it" })
end

-- Sa Pa's profile with its text changed, written beside the fixtures.
local function profile_variant(name, from, to)
  local text = fs.read("scripts/profiles/sa-pa.lua")
  local changed, n = text:gsub(from, to, 1)
  t.eq(n, 1, "the profile has " .. from)
  return fx.plan_file(name, changed)
end

function T.test_a_profile_without_a_district_puts_its_communes_under_the_province()
  local path = profile_variant("profile-two-levels",
    '  district = { code = "088", name = "Thị xã Sa Pa", kind = "thị xã" },\n', "")
  local p = profiles.load(path)
  local db = store.registry(":memory:", "init")
  generate.run({ db = db, profile = p, households = p.households })
  local levels = {}
  for r in db:rows("SELECT level, parent, count(*) AS n FROM units GROUP BY level, parent ORDER BY level") do
    levels[#levels + 1] = string.format("%s under %s: %d", r.level, r.parent or "-", r.n)
  end
  db:close()
  t.eq(levels, { "commune under 10: 16", "province under -: 1" })
end

function T.test_a_profile_with_a_bad_tree_names_the_units()
  local same = profile_variant("profile-same-code", 'district = { code = "088"', 'district = { code = "10"')
  t.raises("units: the code 10 is given to two units: Lào Cai and Thị xã Sa Pa", profiles.load, same)
  local orphan = profile_variant("profile-orphan", 'kind = "phường", households = 2300',
    'kind = "phường", parent = "099", households = 2300')
  t.raises("units: 02893 %(Sa Pa%) names the parent 099, which is not a unit of the tree", profiles.load, orphan)
  local cycle = profile_variant("profile-cycle", '  district = { code = "088", name = "Thị xã Sa Pa", kind = "thị xã" },\n',
    '  district = { code = "088", name = "Thị xã Sa Pa", kind = "thị xã", parent = "089" },\n' ..
    '  units = { { code = "089", name = "Huyện Vòng", kind = "huyện", level = "district", parent = "088" } },\n')
  t.raises("the parents go round in a cycle: 088 %(Thị xã Sa Pa%) → 089 %(Huyện Vòng%) → 088", profiles.load, cycle)
end

function T.test_the_province_profile_is_two_levels_of_real_units()
  local p = profiles.load("scripts/profiles/lao-cai-province.lua")
  local kinds, codes, difficult = {}, {}, 0
  for _, c in ipairs(p.communes) do
    kinds[c.kind] = (kinds[c.kind] or 0) + 1
    codes[c.code] = true
    t.eq(c.parent, "15", c.name .. " answers to the province")
    difficult = difficult + c.difficult
  end
  t.eq(#p.communes, 99)
  t.eq(kinds, { ["xã"] = 89, ["phường"] = 10 })
  t.eq(difficult, 87, "the ĐBKK units of QĐ 2167/QĐ-UBND")
  t.eq(p.province.code, "15")
  t.eq(p.district, nil)
end

return T
