-- test_registry_schema.lua — the registry's schema is declared once
-- (kehoach.registry.schema) and everything follows from it: the SQL the engine makes a
-- registry with is the declaration's; a registry made by an earlier kehoach (schema v1 as
-- it wrote it, tests/fixtures/registry-v1.sql) is still read, imported into and exported
-- the same; an indicator, a need kind and a unit kind added to the declaration reach the
-- SQL, the CSV columns and the enumerations with nothing else changed; and no other file
-- lists an enumeration again.
local t = ...
local schema = require "kehoach.registry.schema"
local tables = require "kehoach.registry.tables"
local import = require "kehoach.registry.import"
local export = require "kehoach.registry.export"

local store, fs = core.store, core.fs
local fx = core.host.loadfile("tests/lua/fixture.lua", "tests/lua/fixture.lua", _ENV)()

local T = {}

local V1 = "tests/fixtures/registry-v1.sql"

-- The CREATE statements of a database, in the order they were made.
local function statements(db)
  local out = {}
  for row in db:rows("SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY rowid") do
    out[#out + 1] = row.sql
  end
  return out
end

-- { table = { column = {type, notnull, dflt, pk} } } and { table.column = {values} } for
-- each `column IN ('a','b')` a CREATE TABLE checks, and the indexes, of a database.
local function shape(db)
  local cols, checks, indexes = {}, {}, {}
  for row in db:rows("SELECT name, sql FROM sqlite_schema WHERE type = 'table'") do
    cols[row.name] = {}
    for c in db:rows("SELECT name, type, \"notnull\" AS nn, dflt_value AS dflt, pk FROM pragma_table_info(?)", row.name) do
      cols[row.name][c.name] = { c.type, c.nn, c.dflt or "", c.pk }
    end
    for col, list in row.sql:gmatch("CHECK %(([%w_]+) IN%s*%(('[^)]*)%)%)") do
      local values = {}
      for v in list:gmatch("'([^']*)'") do values[#values + 1] = v end
      checks[row.name .. "." .. col] = values
    end
  end
  for row in db:rows("SELECT name, tbl_name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL") do
    local on = {}
    for c in db:rows("SELECT name FROM pragma_index_info(?) ORDER BY seqno", row.name) do on[#on + 1] = c.name end
    indexes[row.name] = row.tbl_name .. "(" .. table.concat(on, ",") .. ")"
  end
  return cols, checks, indexes
end

local function v1_sql() return t.ok(fs.read(V1), V1) end

local function set(list)
  local out = {}
  for _, v in ipairs(list) do out[v] = true end
  return out
end

function T.test_a_new_registry_is_made_with_the_sql_of_the_declaration()
  -- the engine's SQL is generated from the declaration at build time: the same text
  local db <close> = store.registry(":memory:", "init")
  local want = {}
  for s in schema.ddl():gmatch("([^;]+);") do want[#want + 1] = s end
  t.eq(statements(db), want)
  local names = {}
  for row in db:rows("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY rowid") do names[#names + 1] = row.name end
  t.eq(names, schema.table_names())
end

function T.test_schema_v1_as_earlier_kehoach_wrote_it_is_kept_column_for_column()
  local old <close> = store.open(":memory:", "create")
  old:exec(v1_sql())
  local new <close> = store.registry(":memory:", "init")
  local old_cols, old_checks, old_indexes = shape(old)
  local new_cols, new_checks, new_indexes = shape(new)
  -- every table, column, type, NOT NULL, default and key of v1 is there as it was;
  -- tables, columns and values may be added, nothing renamed or dropped
  local changed = {}
  for tname, cols in pairs(old_cols) do
    for cname, spec in pairs(cols) do
      local now = new_cols[tname] and new_cols[tname][cname]
      if not now then changed[#changed + 1] = tname .. "." .. cname .. " is gone"
      else
        local ok = true
        for i = 1, 4 do ok = ok and now[i] == spec[i] end
        if not ok then changed[#changed + 1] = tname .. "." .. cname .. " changed" end
      end
    end
  end
  for col, values in pairs(old_checks) do
    local now = set(new_checks[col] or {})
    for _, v in ipairs(values) do
      if not now[v] then changed[#changed + 1] = col .. " no longer takes '" .. v .. "'" end
    end
  end
  for name, on in pairs(old_indexes) do
    if new_indexes[name] ~= on then changed[#changed + 1] = "index " .. name end
  end
  t.eq(changed, {})
  t.eq(#(old_checks["needs.kind"] or {}), 6, "v1's need kinds, read from its SQL")
end

-- Writes a registry as an earlier kehoach made it: the v1 SQL, marked as a registry.
local function v1_registry(path)
  fs.remove(path)
  local db <close> = store.open(path, "create")
  db:exec(v1_sql())
  db:exec("PRAGMA application_id = 1263030855; PRAGMA user_version = 1;") -- 0x4B485247, "KHRG"
end

-- The CSV files a registry exports, by name.
local function exported(db, dir)
  fs.mkdir(dir)
  for _, name in ipairs(fs.list(dir)) do fs.remove(dir .. "/" .. name) end
  fs.remove(dir)
  export.run(db, dir)
  local out = {}
  for _, name in ipairs(fs.list(dir)) do out[name] = fs.read(dir .. "/" .. name) end
  return out
end

function T.test_a_registry_made_by_an_earlier_kehoach_is_read_imported_into_and_exported_the_same()
  local dir = fx.DIR .. "/schema-v1"
  fs.mkdir(dir)
  local made = fx.registry("schema-new")
  local files
  do
    local db <close> = store.registry(made)
    files = exported(db, dir .. "/csv")
  end
  local old = dir .. "/v1.db"
  v1_registry(old)
  local db <close> = store.registry(old, "rw") -- checked: a registry of schema v1
  -- a column declared since is not in the registries made before it: kehoach must add it
  -- to them (or read it as empty) before the change can ship
  local missing = {}
  for _, tbl in ipairs(schema.tables) do
    local have = {}
    for c in db:rows("SELECT name FROM pragma_table_info(?)", tbl.name) do have[c.name] = true end
    for _, c in ipairs(tbl.columns) do
      if not have[c.name] then missing[#missing + 1] = tbl.name .. "." .. c.name end
    end
  end
  t.eq(missing, {}, "declared columns that registries made by an earlier kehoach lack")
  local paths = {}
  for _, name in ipairs(tables.names()) do paths[name] = dir .. "/csv/" .. name .. ".csv" end
  local counts, problems = import.run(db, paths)
  t.eq(problems, nil)
  t.eq(counts.households, #fx.HOUSEHOLDS)
  t.eq(exported(db, dir .. "/again"), files)
  -- and a run reads it: the registry attached read-only to a results database
  local results <close> = store.open(":memory:", "create")
  results:attach_registry(old)
  t.eq(results:value("SELECT count(*) FROM reg.surveys WHERE status = 'poor'"),
    db:value("SELECT count(*) FROM surveys WHERE status = 'poor'"))
end

-- The declaration with one more indicator, need kind and unit kind.
-- (named as no real one would be, so that they stay new whatever the declaration holds)
local function grown()
  local d = schema.copy_declaration()
  table.insert(d.enums.indicator, { "d_test_only", term = "Truy cập internet" })
  table.insert(d.enums.need, { "test_only", term = "đất sản xuất" })
  table.insert(d.enums.unit_kind, { "kind for a test", levels = { "commune" }, urban = true })
  return schema.build(d)
end

function T.test_an_indicator_a_need_kind_and_a_unit_kind_added_once_reach_sql_csv_and_enumerations()
  local s = grown()
  -- the SQL: a new registry has the column and takes the need kind
  local db <close> = store.open(":memory:", "create")
  db:exec(s.ddl())
  db:exec("INSERT INTO units VALUES ('P', 'Tỉnh', 'province', 'tỉnh', NULL, 0, 0)")
  db:exec("INSERT INTO units VALUES ('C', 'Đảo', 'commune', 'kind for a test', 'P', 1, 0)")
  db:exec("INSERT INTO households(id, code, unit) VALUES (1, 'H1', 'C')")
  db:exec("INSERT INTO surveys(household, year, income, d_test_only) VALUES (1, 2026, 100, 1)")
  db:exec("INSERT INTO needs VALUES (1, 2026, 'test_only')")
  t.raises("CHECK constraint failed", function() db:exec("INSERT INTO needs VALUES (1, 2026, 'boats')") end)
  t.raises("CHECK constraint failed", function()
    db:exec("INSERT INTO surveys(household, year, income, d_test_only) VALUES (1, 2027, 100, 2)")
  end)
  -- the CSV columns: the indicator after the others, before status; the enumerations import checks
  local csv = {}
  for _, spec in ipairs(tables.from(s)) do csv[spec.name] = spec end
  local names = tables.column_names(csv.surveys)
  t.eq(names[#names - 2], "d_test_only")
  t.eq(names[#names - 1], "status")
  t.eq(csv.surveys.columns[#names - 2][2], "flag")
  local kind = csv.needs.columns[3]
  t.eq(kind.values[#kind.values], "test_only")
  local unit_kind
  for _, c in ipairs(csv.units.columns) do if c[1] == "kind" then unit_kind = c end end
  t.ok(set(unit_kind.values)["kind for a test"], "units.kind on import")
  -- the enumerations the stdlib reads
  t.eq(s.values.indicator[#s.values.indicator], "d_test_only")
  t.eq(s.terms.indicator.d_test_only, "Truy cập internet")
  t.eq(s.values.need[#s.values.need], "test_only")
  t.ok(set(s.kinds_at("commune"))["kind for a test"], "a commune-level kind")
  -- and the registry's own schema is unchanged by it
  t.eq(#s.values.indicator, #schema.values.indicator + 1)
  t.eq(#tables.column_names(tables.by_name.surveys), #names - 1)
end

function T.test_the_stdlib_reads_its_enumerations_from_the_declaration()
  local selector = require "kehoach.plan.selector"
  local progress = require "kehoach.progress"
  local profile = require "kehoach.registry.profile"
  local labels = require "kehoach.standards.indicators"
  t.ok(selector.STATUS == schema.values.status and selector.NEEDS == schema.values.need
    and selector.INDICATORS == schema.values.indicator, "selector")
  t.ok(selector.STATUS_LABEL == schema.terms.status and selector.NEED_LABEL == schema.terms.need, "selector's words")
  t.ok(progress.KINDS == schema.values.event, "progress")
  t.ok(profile.NEED_KINDS == schema.values.need, "profile")
  t.ok(labels == schema.terms.indicator, "the indicators' labels")
  local surveys = tables.column_names(tables.by_name.surveys)
  t.eq({ table.unpack(surveys, 4, 3 + #schema.values.indicator) }, schema.values.indicator, "surveys' d_* columns")
end

-- Every string-only list `{ "a", "b", ... }` in text that holds every value of an
-- enumeration of 3 or more: "LINE: enum".
local function lists_again(text)
  local found = {}
  local function scan(s, offset)
    for start, inner in s:gmatch("()(%b{})") do
      local body = inner:sub(2, -2)
      local only_strings = body:gsub("%-%-[^\n]*", ""):gsub('"[^"\n]*"', ""):gsub("[%s,;]", "") == ""
      if only_strings then
        local have = {}
        for v in body:gmatch('"([^"\n]*)"') do have[v] = true end
        for name, values in pairs(schema.values) do
          local all = #values >= 3
          for _, v in ipairs(values) do all = all and have[v] end
          if all then
            local line = select(2, text:sub(1, offset + start):gsub("\n", "")) + 1
            found[#found + 1] = line .. ": " .. name
          end
        end
      end
      scan(body, offset + start)
    end
  end
  scan(text, 0)
  return found
end

function T.test_no_other_file_lists_an_enumeration_again()
  t.eq(lists_again('local X = {\n  "' .. table.concat(schema.values.need, '", "') .. '" }'), { "1: need" },
    "the check finds a list")
  local again = {}
  for _, path in ipairs(fx.files("stdlib", "%.lua$")) do
    if path ~= "stdlib/kehoach/registry/schema.lua" then
      for _, where in ipairs(lists_again(fs.read(path))) do again[#again + 1] = path .. ":" .. where end
    end
  end
  -- and the engine's C holds no value of one: its SQL is generated from the declaration
  for _, path in ipairs(fx.files("engine", "%.[ch]$")) do
    local text = fs.read(path)
    for _, name in ipairs({ "status", "need", "event", "indicator" }) do
      for _, v in ipairs(schema.values[name]) do
        if text:find("'" .. v .. "'", 1, true) or text:find('"' .. v .. '"', 1, true) then
          again[#again + 1] = path .. ": " .. v
        end
      end
    end
  end
  t.eq(again, {})
end

-- A profile's commune may be a đặc khu (a special zone, since July 2025); its kind does not
-- say whether the urban lines apply, so the profile does.
function T.test_a_special_zone_in_a_profile_says_whether_the_urban_lines_apply()
  local profiles = require "kehoach.registry.profile"
  local source = t.ok(fs.read(profiles.default()), "the default profile")
  local function with(kind)
    fs.mkdir(fx.DIR)
    local path = fx.DIR .. "/special-zone.lua"
    local text, n = source:gsub('kind = "phường"', kind, 1)
    t.eq(n, 1, "a ward to change")
    fs.write(path, text)
    return profiles.load(path)
  end
  t.raises("communes%[1%] %(Duyên Hải%): urban: expected true or false", with, 'kind = "đặc khu"')
  t.eq(with('kind = "đặc khu", urban = true').communes[1].urban, 1)
  t.eq(with('kind = "đặc khu", urban = false').communes[1].urban, 0)
  t.raises("kind must be xã, phường, thị trấn or đặc khu", with, 'kind = "huyện"')
end

-- A registry must have every table of the declaration (engine/store.c checks the list made
-- from it), the last one too.
function T.test_a_registry_without_a_declared_table_is_refused()
  local names = schema.table_names()
  local path = fx.DIR .. "/no-" .. names[#names] .. ".db"
  fs.mkdir(fx.DIR)
  v1_registry(path)
  do
    local db <close> = store.open(path, "rw")
    db:exec("DROP TABLE " .. names[#names])
  end
  t.raises("the registry has no table '" .. names[#names] .. "'", store.registry, path)
end

return T
