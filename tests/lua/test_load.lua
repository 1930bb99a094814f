-- test_load.lua — core.load (engine/lua_load.c), the rows import inserts in C: a value it
-- takes is stored as import.lua stores it; any other value leaves the row to Lua (put is
-- false, nothing inserted), which then checks it and words the problem. Each case is one
-- value at a boundary, in a row whose other values are good.
local t = ...
local fx = core.host.loadfile("tests/lua/fixture.lua", "tests/lua/fixture.lua", _ENV)()

local store = core.store

local T = {}

local REGISTRY = [[
INSERT INTO units VALUES ('10', 'Lào Cai', 'province', 'tỉnh', NULL, 0, 0);
INSERT INTO units VALUES ('02632', 'Vạn Hòa', 'commune', 'xã', '10', 0, 0);
INSERT INTO households VALUES (1, 'H1', '02632', NULL, NULL, 0);
INSERT INTO households VALUES (7, '1', '02632', NULL, NULL, 0);
]]

local loader = fx.loader

-- Puts a good row of table name with column = raw; returns what was stored in the column,
-- or false when the loader left the row to Lua (and then checks nothing was inserted).
local function put(name, good, column, raw)
  local db <close> = store.registry(":memory:", "init")
  db:exec(REGISTRY)
  local ld <close>, spec = loader(db, name)
  local raws = {}
  for i, c in ipairs(spec.columns) do
    raws[i] = good[c[1]]
    if c[1] == column then raws[i] = raw end
  end
  local before = db:value("SELECT count(*) FROM " .. name)
  if not ld:put(raws) then
    t.eq(db:value("SELECT count(*) FROM " .. name), before, "nothing inserted for " .. tostring(raw))
    return false
  end
  t.eq(ld:count(), 1)
  return db:first(string.format("SELECT %s AS v FROM %s WHERE rowid = (SELECT max(rowid) FROM %s)",
    column, name, name)).v
end

local PERSON = { id = "5", household = "H1", name = "Lò Văn A", sex = "M", birth_year = "1970" }

function T.test_values_it_takes_are_stored_as_import_stores_them()
  local cases = {
    -- column, raw, stored (nil: NULL; false: left to Lua)
    { "birth_year", "1850", 1850 }, { "birth_year", "2200", 2200 }, { "birth_year", "1849", false },
    { "birth_year", "2201", false }, { "birth_year", "", nil }, { "birth_year", "  ", nil },
    { "birth_year", " 1970", false }, { "birth_year", "1970.0", false }, { "birth_year", "0x7B2", false },
    { "id", "0", false }, { "id", "-3", false }, { "id", "99999999999999999999", false },
    { "sex", "M", "M" }, { "sex", "Nam", "M" }, { "sex", "f", "F" }, { "sex", "Nữ", "F" }, { "sex", "X", false },
    { "name", "Lò Thị Mai", "Lò Thị Mai" }, { "name", "Ngô Đức Thắng", "Ngô Đức Thắng" },
    { "name", "Lo\204\128 Thi\204\163", false },            -- decomposed: Lua stores it NFC
    { "name", "a\0b", false }, { "name", "\255", false }, { "name", "Ẩn 𝔸", "Ẩn 𝔸" },
    { "can_work", "", 1 }, { "can_work", "0", 0 }, { "can_work", "2", false }, { "can_work", "01", false },
    { "disability", "3", 3 }, { "disability", "4", false },
    { "household", "H1", 1 }, { "household", "1", 7 },   -- a code that looks like an id is a code
    { "household", "H9", false }, { "household", "", false },
  }
  for _, c in ipairs(cases) do
    t.eq(put("persons", PERSON, c[1], c[2]), c[3], string.format("persons.%s = %q", c[1], c[2]))
  end
end

function T.test_money_dates_units_and_keys()
  local survey = { household = "H1", year = "2021", income = "700000" }
  t.eq(put("surveys", survey, "income", "700000"), 700000)
  t.eq(put("surveys", survey, "income", "700.000"), false)  -- grouped: Lua reads it
  t.eq(put("surveys", survey, "income", "-5"), false)
  t.eq(put("surveys", survey, "status", "near_poor"), "near_poor")
  t.eq(put("surveys", survey, "status", "hộ nghèo"), false)
  local event = { household = "H1", date = "2021-03-01", kind = "escaped" }
  t.eq(put("events", event, "date", "2024-02-29"), "2024-02-29")
  t.eq(put("events", event, "date", "2021-02-29"), false)
  t.eq(put("events", event, "date", "2000-02-29"), "2000-02-29")
  t.eq(put("events", event, "date", "1900-02-29"), false)
  t.eq(put("events", event, "date", "2021-3-01"), false)
  local household = { code = "H2", unit = "02632" }
  t.eq(put("households", household, "unit", "02632"), "02632")
  t.eq(put("households", household, "unit", "10"), false)          -- a province
  t.eq(put("households", household, "unit", "Vạn Hòa"), false)     -- a name: Lua finds it
  t.eq(put("households", household, "code", "H1"), false)          -- taken
  t.eq(put("households", household, "code", ""), false)            -- required
end

function T.test_a_table_of_a_type_it_does_not_convert_is_left_to_lua()
  local db <close> = store.registry(":memory:", "init")
  t.eq(loader(db, "meta"), nil)                                     -- meta_key, meta_value
end

return T
