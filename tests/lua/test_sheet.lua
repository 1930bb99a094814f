-- test_sheet.lua — core.sheet as the stdlib sees it: a workbook written with core.xlsx read
-- back (sheets in tab order, rows with their numbers, cells by column as the officer sees
-- them, types of the cells that are not text, merged ranges); the reader a generic for
-- closes; a workbook closed with a reader open stays usable by that reader; what is not a
-- workbook is a data error naming the file; references and columns; a plan loads a row into
-- every table or gives it to Lua with nothing of it left inserted.
local t = ...
local workbook = require "kehoach.render.workbook"
local tables = require "kehoach.registry.tables"

local fx = core.host.loadfile("tests/lua/fixture.lua", "tests/lua/fixture.lua", _ENV)()

local fs, xlsx, sheet, store = core.fs, core.xlsx, core.sheet, core.store

local T = {}

local DIR = "build/tests/lua-fixtures/sheet"

local function written()
  fs.mkdir(DIR)
  local path = DIR .. "/ds.xlsx"
  local wb = xlsx.new(path, { created = workbook.epoch(2021, 4, 1) })
  local sh = wb:sheet("Tả Phời")
  local pad = wb:format({ num_format = "00000" })
  sh:merge(1, 1, 2, 1, "Mã hộ")
  sh:write(1, 2, "Thu nhập")
  sh:write(3, 1, "007")
  sh:write(3, 2, 700000)
  sh:write(5, 1, 12, pad)
  sh:write(5, 2, true)
  wb:sheet("Vạn Hòa"):write(1, 1, "Mã hộ")
  wb:commit()
  return path
end

function T.test_a_workbook_read_back()
  local wb <close> = sheet.open(written(), "ds.xlsx")
  local names = {}
  for i, s in ipairs(wb:sheets()) do names[i] = s.name .. ":" .. s.state end
  t.eq(names, { "Tả Phời:visible", "Vạn Hòa:visible" })
  local rows = {}
  for cells, r, types in wb:rows(1) do rows[#rows + 1] = { r = r, cells = cells, types = types } end
  t.eq(rows, {
    { r = 1, cells = { "Mã hộ", "Thu nhập" }, types = {} },
    { r = 3, cells = { "007", "700000" }, types = { [2] = "n" } },
    { r = 5, cells = { "00012", "1" }, types = { "n", "b" } },
  })
  t.eq(wb:merges(1), { { 1, 1, 2, 1 } })
  t.eq(wb:merges(1, 0), {})
end

function T.test_readers_close_and_outlive_their_workbook()
  local wb = sheet.open(written())
  for _, r in wb:rows(1) do
    if r == 3 then break end       -- the reader is closed by the loop
  end
  local iter, reader = wb:rows(2)
  wb:close()                        -- its reader keeps what it reads
  local cells, r = iter(reader)
  t.eq({ cells[1], r }, { "Mã hộ", 1 })
  t.eq(iter(reader), nil)
  reader:close()
  reader:close()
  t.raises("already been closed", function() wb:sheets() end)
  t.raises("no such sheet", function()
    local again <close> = sheet.open(written())
    again:rows(3)
  end)
end

function T.test_what_is_not_a_workbook()
  fs.mkdir(DIR)
  fs.write(DIR .. "/ds.csv", "Mã hộ,Thu nhập\n007,700000\n")
  local ok, err = pcall(sheet.open, DIR .. "/ds.csv", "ds-ho-ngheo.xlsx")
  t.eq(ok, false)
  t.eq(err.kind, "data")
  t.contains(err.message, "ds-ho-ngheo.xlsx: not an Excel workbook (.xlsx)")
  ok, err = pcall(sheet.read, "PK\3\4 broken", "mem.xlsx")
  t.eq(ok, false)
  t.contains(err.message, "mem.xlsx: ")
end

function T.test_a_plan_loads_a_row_whole_or_gives_it_to_lua()
  local db <close> = store.registry(":memory:", "init")
  db:exec([[
    INSERT INTO units VALUES ('10', 'Lào Cai', 'province', 'tỉnh', NULL, 0, 0);
    INSERT INTO units VALUES ('02632', 'Vạn Hòa', 'commune', 'xã', '10', 0, 0);
    INSERT INTO households VALUES (1, 'H1', '02632', NULL, NULL, 0);
    INSERT INTO persons(id, household) VALUES (5, 1);
  ]])
  fs.mkdir(DIR)
  local path = DIR .. "/plan.xlsx"
  local out = xlsx.new(path, { created = workbook.epoch(2022, 4, 1) })
  local sh = out:sheet("Vạn Hòa")
  local rows = {
    { "Mã hộ", "Xã", "Thu nhập", "Kết quả", "Số nhân khẩu", "Số định danh" },
    { "N1", "02632", "700000", "x", "2" },          -- every table takes it
    { "N2", "02632", "bảy trăm", "x", "1" },        -- the survey does not: nothing inserted
    { "N3", "02632", "700000", "x", "1", "5" },     -- its member's id is taken: all undone
    { "H1", "02632", "700000", "x" },               -- in the registry before
    { "(1)", "(2)", "(3)" },                        -- column numbers
    { "N4", "Vạn Hòa", "700000", "x" },             -- a commune by name: Lua's to convert
    { "N5", "02632", "700000", "?" },               -- a word the plan's function refuses
    { "N6", "02632", "800000", "x", "0" },          -- no member
  }
  for r, row in ipairs(rows) do
    for c, v in pairs(row) do sh:write(r, c, v) end
  end
  out:commit()
  local lds = { households = fx.loader(db, "households"), persons = fx.loader(db, "persons"),
    surveys = fx.loader(db, "surveys") }
  local index = {}
  for _, name in ipairs({ "households", "persons", "surveys" }) do
    index[name] = {}
    for i, c in ipairs(tables.by_name[name].columns) do index[name][c[1]] = i end
  end
  local h, p, s = index.households, index.persons, index.surveys
  local asked = {}
  local plan = { db = db, code = 1, last = 1, before = 1, tables = {
    { loader = lds.households, name = "households", width = #tables.by_name.households.columns,
      columns = { [h.code] = { col = 1 }, [h.unit] = { col = 2 } } },
    { loader = lds.persons, name = "persons", width = #tables.by_name.persons.columns, count = 5,
      columns = { [p.household] = { fresh = true }, [p.id] = { col = 6 } } },
    { loader = lds.surveys, name = "surveys", width = #tables.by_name.surveys.columns,
      columns = { [s.household] = { fresh = true }, [s.year] = { value = "2022" }, [s.income] = { col = 3 },
        [s.status] = { col = 4, absent = "non_poor", word = function(v)
          asked[#asked + 1] = v
          return v == "x" and "poor" or nil
        end } } },
  } }
  local wb <close> = sheet.open(path)
  local given = {}
  local iter, reader, init, closing = wb:rows(1)
  for cells, r in iter, reader, init, closing do
    given[#given + 1] = r
    if r == 1 then reader:load(plan) end
  end
  t.eq(given, { 1, 3, 4, 5, 6, 7, 8 })
  t.eq(reader:loaded(), { 2, 2, 2 })
  t.eq(asked, { "x", "?" })                       -- each text asked once
  local codes = {}
  for row in db:rows("SELECT code FROM households ORDER BY id") do codes[#codes + 1] = row.code end
  t.eq(codes, { "H1", "N1", "N6" })
  t.eq(db:value("SELECT count(*) FROM persons WHERE household = (SELECT id FROM households WHERE code = 'N1')"), 2)
  t.eq(db:value("SELECT group_concat(status || ' ' || income) FROM surveys"), "poor 700000,poor 800000")
  for _, ld in pairs(lds) do ld:close() end
end

function T.test_references_and_columns()
  t.eq({ sheet.ref(12, 5), sheet.ref(1, 27), sheet.ref(1048576, 16384) }, { "E12", "AA1", "XFD1048576" })
  t.eq({ sheet.column("E"), sheet.column("aa"), sheet.column("XFD"), sheet.column("XFE"), sheet.column("E1") },
    { 5, 27, 16384, nil, nil })
end

return T
