-- test_districts.lua — districts are data: nothing about Lào Cai city, Sa Pa or the province lives in
-- engine/ or stdlib/, and a plan naming a unit with no households, or paying from a
-- funding source only it has, runs without anything in the engine knowing about either.
local t = ...
local profiles = require "kehoach.registry.profile"
local plan = require "kehoach.plan"
local check = require "kehoach.plan.check"
local fx = core.host.loadfile("tests/lua/fixture.lua", "tests/lua/fixture.lua", _ENV)()

local fs, text = core.fs, core.text

local T = {}

local PROFILES = { "scripts/profiles/lao-cai-city.lua", "scripts/profiles/sa-pa.lua",
  "scripts/profiles/lao-cai-province.lua" }

-- The names a profile gives its province, district (a two-level profile has none) and
-- communes.
local function unit_names(p)
  local names = { p.province.name, p.district and p.district.name }
  for _, c in ipairs(p.communes) do names[#names + 1] = c.name end
  return names
end

-- Unit names that are also words every document writes: xã Hạnh Phúc (Trạm Tấu) and the
-- motto under the letterhead, "Độc lập - Tự do - Hạnh phúc".
local WORDS = { ["Hạnh Phúc"] = true }

function T.test_no_unit_name_of_either_district_is_in_the_engine_or_the_stdlib()
  local names = {}
  for _, path in ipairs(PROFILES) do
    for _, n in ipairs(unit_names(profiles.load(path))) do
      if not WORDS[n] then names[#names + 1] = n end
    end
  end
  t.ok(#names > 30, "both profiles' units: " .. #names)
  local sources = {}
  for _, dir in ipairs({ "engine", "stdlib" }) do fx.files(dir, nil, sources) end
  t.ok(#sources > 40, "the engine's and the stdlib's files")
  local found = {}
  for _, path in ipairs(sources) do
    local body = fs.read(path)
    -- the name as written, and written with the other tone placement (Hoà / Hòa)
    local folded = text.valid(body) and text.fold(body) or ""
    for _, n in ipairs(names) do
      if body:find(n, 1, true) or folded:find(text.fold(n), 1, true) then
        found[#found + 1] = path .. ": " .. n
      end
    end
  end
  t.eq(found, {})
end

-- The fixture registry with one more commune, Tân Lập, that has no households yet.
local function registry_with_an_empty_commune()
  local path = fx.registry("districts")
  local db = core.store.registry(path, "rw")
  db:run("INSERT INTO units VALUES ('C4', 'Tân Lập', 'commune', 'xã', 'D', 0, 1)")
  db:close()
  return path
end

function T.test_a_unit_with_no_households_and_a_source_only_this_plan_has_just_work()
  local registry = registry_with_an_empty_commune()
  local p = plan.load(fx.plan_file("districts", fx.HEADER .. [[
target "giam" { households = 2, by_commune = { { "An Lạc", 1 }, { "Tân Lập", 1 } } }
source "quy_rieng" { label = "Quỹ riêng của thành phố mẫu" }
support "vay" { label = "Vay vốn", who = { status = "poor", need = "credit" },
  quota = { { "An Lạc", 2 }, { "Tân Lập", 1 } }, amount = per_household(million(10)),
  quarters = "Q1", source = "quy_rieng" }
budget { total = million(30), quy_rieng = million(30) }
]]))
  local result, db = fx.run(p, registry)
  db:close()
  local codes = {}
  for _, m in ipairs(result.messages) do codes[m.code] = m.message end
  t.eq(check.count(result.messages).error, 0)
  t.contains(codes["quota-shortfall"], "Tân Lập has 0 eligible households for a quota of 1")
  t.contains(codes["target-exceeds-poor"], "1 households of Tân Lập to leave poverty, but the registry has 0 poor")
  t.eq(result.by_source.quy_rieng, 20000000, "two loans in An Lạc")
  t.contains(codes["cost-under-budget"], "quy_rieng gives 30.000.000 đồng")
end

return T
