-- test_standards.lua — the shipped poverty standards at every boundary, evaluated the way the
-- engine evaluates them: the rule's SQL run by SQLite over survey rows.
local t = ...
local standards = require "kehoach.standards"

local T = {}

local ALL = { "d_employment", "d_dependants", "d_nutrition", "d_health_access",
  "d_health_insurance", "d_adult_education", "d_child_schooling", "d_housing_quality",
  "d_housing_area", "d_water", "d_latrine", "d_telecom", "d_information" }

-- indicators that count under both standards, to make n deprivations from
local SHARED = { "d_water", "d_latrine", "d_housing_quality", "d_telecom", "d_information",
  "d_adult_education" }

local function first(n)
  local out = {}
  for i = 1, n do out[i] = SHARED[i] end
  return out
end

-- One case: standard, income, urban, the deprived indicators, expected status and kind.
local CASES = {
  -- vn-2016, rural: poor line 700,000, near-poor 1,000,000, middle 1,500,000
  { "vn-2016", 0, 0, first(0), "poor", "income" },
  { "vn-2016", 700000, 0, first(0), "poor", "income" },
  { "vn-2016", 700001, 0, first(2), "near_poor", nil },
  { "vn-2016", 700001, 0, first(3), "poor", "deprivation" },
  { "vn-2016", 1000000, 0, first(3), "poor", "deprivation" },
  { "vn-2016", 1000000, 0, first(2), "near_poor", nil },
  { "vn-2016", 1000001, 0, first(6), "middle", nil },
  { "vn-2016", 1500000, 0, first(0), "middle", nil },
  { "vn-2016", 1500001, 0, first(0), "non_poor", nil },
  -- vn-2016, urban: 900,000, 1,300,000, 1,950,000
  { "vn-2016", 900000, 1, first(0), "poor", "income" },
  { "vn-2016", 900000, 0, first(0), "near_poor", nil },
  { "vn-2016", 900001, 1, first(2), "near_poor", nil },
  { "vn-2016", 900001, 1, first(3), "poor", "deprivation" },
  { "vn-2016", 1300000, 1, first(3), "poor", "deprivation" },
  { "vn-2016", 1300000, 1, first(2), "near_poor", nil },
  { "vn-2016", 1300000, 0, first(2), "middle", nil },
  { "vn-2016", 1300001, 1, first(4), "middle", nil },
  { "vn-2016", 1950000, 1, first(0), "middle", nil },
  { "vn-2016", 1950001, 1, first(0), "non_poor", nil },
  -- vn-2022, rural: one line 1,500,000, middle 2,250,000
  { "vn-2022", 1500000, 0, first(3), "poor", nil },
  { "vn-2022", 1500000, 0, first(2), "near_poor", nil },
  { "vn-2022", 0, 0, first(0), "near_poor", nil },
  { "vn-2022", 1500001, 0, first(6), "middle", nil },
  { "vn-2022", 2250000, 0, first(0), "middle", nil },
  { "vn-2022", 2250001, 0, first(0), "non_poor", nil },
  -- vn-2022, urban: 2,000,000 and 3,000,000
  { "vn-2022", 2000000, 1, first(3), "poor", nil },
  { "vn-2022", 2000000, 1, first(2), "near_poor", nil },
  { "vn-2022", 2000001, 1, first(3), "middle", nil },
  { "vn-2022", 2000001, 0, first(3), "middle", nil },
  { "vn-2022", 3000000, 1, first(0), "middle", nil },
  { "vn-2022", 3000001, 1, first(0), "non_poor", nil },
  -- vn-2026 (NĐ 351/2025, from 2027), rural: one line 2,200,000; middle 3,300,000 (assumed)
  { "vn-2026", 2200000, 0, first(3), "poor", nil },
  { "vn-2026", 2200000, 0, first(2), "near_poor", nil },
  { "vn-2026", 0, 0, first(2), "near_poor", nil },
  { "vn-2026", 0, 0, first(6), "poor", nil },
  { "vn-2026", 2200001, 0, first(3), "middle", nil },
  { "vn-2026", 3300000, 0, first(0), "middle", nil },
  { "vn-2026", 3300001, 0, first(0), "non_poor", nil },
  -- vn-2026, urban: 2,800,000 and 4,200,000 (assumed)
  { "vn-2026", 2800000, 1, first(3), "poor", nil },
  { "vn-2026", 2800000, 1, first(2), "near_poor", nil },
  { "vn-2026", 2800000, 0, first(3), "middle", nil },
  { "vn-2026", 2800001, 1, first(3), "middle", nil },
  { "vn-2026", 4200000, 1, first(0), "middle", nil },
  { "vn-2026", 4200001, 1, first(0), "non_poor", nil },
  { "vn-2026", 4200000, 0, first(0), "non_poor", nil },
  -- the twelve indicators of vn-2022 count, access to health services does not
  { "vn-2026", 2000000, 0, { "d_employment", "d_dependants", "d_nutrition" }, "poor", nil },
  { "vn-2026", 2000000, 0, { "d_health_access", "d_water", "d_latrine" }, "near_poor", nil },
  -- indicators of one standard only: employment, dependants, nutrition (vn-2022) ...
  { "vn-2016", 800000, 0, { "d_employment", "d_dependants", "d_nutrition" }, "near_poor", nil },
  { "vn-2022", 800000, 0, { "d_employment", "d_dependants", "d_nutrition" }, "poor", nil },
  -- ... and access to health services (vn-2016)
  { "vn-2016", 800000, 0, { "d_health_access", "d_water", "d_latrine" }, "poor", "deprivation" },
  { "vn-2022", 800000, 0, { "d_health_access", "d_water", "d_latrine" }, "near_poor", nil },
}

-- A scratch database with one survey row per case; indicators not named are 0, except in
-- rows marked with nulls, where they are NULL (not asked).
local function scratch()
  local db = core.store.open(":memory:", "create")
  db:exec("CREATE TABLE s(id INTEGER PRIMARY KEY, income INTEGER, urban INTEGER, "
    .. table.concat(ALL, " INTEGER, ") .. " INTEGER)")
  return db
end

local function insert(db, id, income, urban, deprived, unasked)
  local cols, values = { "id", "income", "urban" }, { id, income, urban }
  local set = {}
  for _, c in ipairs(deprived) do set[c] = true end
  for _, c in ipairs(ALL) do
    cols[#cols + 1] = c
    if set[c] then values[#cols] = 1
    elseif not unasked then values[#cols] = 0 end
  end
  local marks = string.rep("?,", #cols - 1) .. "?"
  db:prepare("INSERT INTO s(" .. table.concat(cols, ",") .. ") VALUES (" .. marks .. ")")
    :run(table.unpack(values, 1, #cols))
end

local function classify(db, std, id)
  local dep = std.deprivations_sql("s")
  return db:first(string.format("SELECT %s AS status, %s AS kind, %s AS dep FROM s WHERE id = ?",
    std.status_sql("s.income", "s.urban", dep), std.kind_sql("s.income", "s.urban", dep), dep), id)
end

function T.test_every_boundary_case_classifies_as_the_law_says()
  local db = scratch()
  for i, c in ipairs(CASES) do insert(db, i, c[2], c[3], c[4]) end
  for i, c in ipairs(CASES) do
    local std = standards.get(c[1])
    local row = classify(db, std, i)
    local what = string.format("case %d: %s, income %d, %s, %s", i, c[1], c[2],
      c[3] == 1 and "urban" or "rural", table.concat(c[4], "+"))
    t.eq(row.status, c[5], what .. ": status")
    t.eq(row.kind, c[6], what .. ": kind")
    -- the same clauses read in Lua (for messages) agree with the SQL
    local status, kind = std.explain(c[2], c[3], row.dep)
    t.eq(status, c[5], what .. ": explain status")
    t.eq(kind, c[6], what .. ": explain kind")
  end
end

function T.test_unasked_indicators_count_as_not_deprived()
  local db = scratch()
  insert(db, 1, 800000, 0, first(2), true)
  insert(db, 2, 800000, 0, first(3), true)
  local std = standards.get("vn-2016")
  t.eq(classify(db, std, 1).dep, 2)
  t.eq(classify(db, std, 1).status, "near_poor")
  t.eq(classify(db, std, 2).status, "poor")
end

function T.test_standards_carry_their_law_lines_and_indicators()
  local old, new = standards.get("vn-2016"), standards.get("vn-2022")
  t.contains(old.reference, "59/2015/QĐ-TTg")
  t.contains(new.reference, "07/2021/NĐ-CP")
  t.eq(#old.indicators, 10)
  t.eq(#new.indicators, 12)
  t.eq(old.lines.poor, { rural = 700000, urban = 900000 })
  t.eq(old.lines.near_poor, { rural = 1000000, urban = 1300000 })
  t.eq(new.lines.poor, { rural = 1500000, urban = 2000000 })
  t.eq(new.lines.middle, { rural = 2250000, urban = 3000000 })
  for _, std in ipairs({ old, new }) do
    for _, col in ipairs(std.indicators) do
      t.ok(std.labels[col], std.name .. " labels " .. col)
    end
  end
  t.eq(old.labels.d_water, "Nguồn nước sinh hoạt")
  local v26 = standards.get("vn-2026")
  t.contains(v26.reference, "351/2025/NĐ-CP")
  t.eq({ v26.from_year, v26.to_year }, { 2027, 2030 })
  t.eq(v26.lines.poor, { rural = 2200000, urban = 2800000 })
  t.eq(v26.lines.near_poor, v26.lines.poor)
  t.eq(v26.indicators, new.indicators)
  -- every indicator is a registry column: the union of both standards is the 13 columns
  local union = {}
  for _, std in ipairs({ old, new }) do
    for _, col in ipairs(std.indicators) do union[col] = true end
  end
  local cols = {}
  for col in pairs(union) do cols[#cols + 1] = col end
  table.sort(cols)
  local all = { table.unpack(ALL) }
  table.sort(all)
  t.eq(cols, all)
end

function T.test_a_standard_is_found_by_name_or_year()
  t.eq(standards.get(2016).name, "vn-2016")
  t.eq(standards.get(2021).name, "vn-2016")
  t.eq(standards.get(2022).name, "vn-2022")
  t.eq(standards.get("2025").name, "vn-2022")
  t.eq(standards.get("VN-2022").name, "vn-2022")
  t.eq(standards.get(2026).name, "vn-2022")   -- NĐ 351/2025: vn-2022 continues through 2026
  t.eq(standards.get(2027).name, "vn-2026")
  t.eq(standards.get("2030").name, "vn-2026")
  t.eq(standards.names(), { "vn-2016", "vn-2022", "vn-2026" })
end

function T.test_an_unknown_standard_suggests_the_nearest()
  -- called from outside the stdlib (here, as from a plan) it is a plain error at that line
  local msg = t.raises("unknown poverty standard 'vn%-2061'", standards.get, "vn-2061")
  t.contains(msg, "did you mean vn-2016?")
  t.raises("no poverty standard covers the year 2031", standards.get, 2031)
  local std, why = standards.find("chuan-ngheo")
  t.eq(std, nil)
  t.contains(why, "vn-2016, vn-2022, vn-2026")
end

function T.test_the_reason_names_the_lines_and_deprivations()
  local std = standards.get("vn-2016")
  local status, kind, why = std.explain(850000, 0, 2)
  t.eq(status, "near_poor")
  t.eq(kind, nil)
  t.contains(why, "income 850.000 is above the poor line 700.000 (rural)")
  t.contains(why, "2 deprivations (fewer than 3)")
  t.contains(why, "at or below the near-poor line 1.000.000")
  status, kind, why = std.explain(950000, 1, 4)
  t.eq(status, "poor")
  t.eq(kind, "deprivation")
  t.contains(why, "4 deprivations (at least 3)")
end

return T
