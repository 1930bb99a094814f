-- test_mapping.lua — mapping files (kehoach.registry.mapping) and household lists read through
-- them (kehoach.registry.sheet): the example mapping of docs/registry.md loads and reads a CSV
-- list in its layout (a commune column, marks, a column by letter, a count of persons, a
-- totals row), every shipped mapping in mappings/ loads, and what a mapping may not say is
-- refused naming the field.
local t = ...
local mapping = require "kehoach.registry.mapping"
local sheet = require "kehoach.registry.sheet"
local import = require "kehoach.registry.import"

local fs, store = core.fs, core.store

local T = {}

local DIR = "build/tests/lua-mapping"
local EXAMPLE_MARK = "^%-%- mappings/ds%-ho%-ngheo%-thanh%-pho%.lua"

local UNITS = [[
INSERT INTO units VALUES ('10', 'Tỉnh', 'province', 'tỉnh', NULL, 0, 0);
INSERT INTO units VALUES ('080', 'Thành phố', 'district', 'thành phố', '10', 1, 0);
INSERT INTO units VALUES ('02632', 'Vạn Hòa', 'commune', 'xã', '080', 0, 0);
INSERT INTO units VALUES ('02602', 'Duyên Hải', 'commune', 'phường', '080', 1, 0);
]]

-- The docs' example mapping, written to a file of its own.
local function example()
  local doc = t.ok(fs.read("docs/registry.md"), "docs/registry.md")
  for block in doc:gmatch("```lua\n(.-)```") do
    if block:match(EXAMPLE_MARK) then
      fs.mkdir(DIR)
      local path = DIR .. "/ds-ho-ngheo-thanh-pho.lua"
      fs.write(path, block)
      return path
    end
  end
  error("docs/registry.md has no example mapping starting " .. EXAMPLE_MARK)
end

local LIST = table.concat({
  'Danh sách hộ nghèo, hộ cận nghèo năm 2021',
  'Kèm theo Quyết định số 15/QĐ-UBND',
  'Số TT,Mã hộ,"Xã, phường",Họ và tên chủ hộ,Thôn/bản,Số nhân khẩu,Thu nhập bình quân đầu người/tháng,Hộ nghèo,Hộ cận nghèo,DTTS,Nhà tiêu,Nước sinh hoạt',
  '(1),(2),(3),(4),(5),(6),(7),(8),(9),(10),(11),(12)',
  '1,007,Vạn Hoà,Lò Văn Pháo,Thôn 1,4,650.000,x,,x,x,',
  '2,0012,02602,Trần Thị Bình,Tổ 2,2,1200000,,x,,,có',
  ',,,,,,,,,,,',
  'Tổng cộng,,,,,6,,1,1,,,',
}, "\n") .. "\n"

function T.test_the_docs_example_reads_a_csv_list()
  local m = mapping.load(example())
  fs.write(DIR .. "/ds.csv", LIST)
  local db <close> = store.registry(":memory:", "init")
  db:exec(UNITS)
  local src = sheet.source({ DIR .. "/ds.csv" }, m, {}, db)
  local counts, problems = import.run(db, { households = src, surveys = src, persons = src })
  sheet.close(src)
  t.ok(counts, problems and table.concat(problems, "\n"))
  t.eq(counts, { households = 2, surveys = 2, persons = 6 })
  local rows = {}
  for r in db:rows("SELECT h.code, h.unit, h.village, h.head, h.ethnic_minority, s.year, s.income, s.status, "
      .. "s.d_latrine, s.d_water, s.d_employment, (SELECT count(*) FROM persons p WHERE p.household = h.id) AS n "
      .. "FROM households h JOIN surveys s ON s.household = h.id ORDER BY h.code") do
    rows[#rows + 1] = r
  end
  t.eq(rows, {
    { code = "0012", unit = "02602", village = "Tổ 2", head = "Trần Thị Bình", ethnic_minority = 0, year = 2021,
      income = 1200000, status = "near_poor", d_latrine = 0, d_water = 1, n = 2 },
    { code = "007", unit = "02632", village = "Thôn 1", head = "Lò Văn Pháo", ethnic_minority = 1, year = 2021,
      income = 650000, status = "poor", d_latrine = 1, d_water = 0, n = 4 },
  })
end

function T.test_problems_name_the_cell_and_are_counted()
  local m = mapping.load(example())
  local lines = { LIST:match("^(.-\n.-\n.-\n.-\n)") }
  for i = 1, 10 do
    lines[#lines + 1] = string.format('%d,H%d,Vạn Hòa,Tên,Thôn,2,bảy trăm nghìn,?,,,,\n', i, i)
  end
  fs.write(DIR .. "/bad.csv", table.concat(lines))
  local db <close> = store.registry(":memory:", "init")
  db:exec(UNITS)
  local src = sheet.source({ DIR .. "/bad.csv" }, m, {}, db)
  local counts, problems, total = import.run(db, { households = src, surveys = src, persons = src })
  sheet.close(src)
  t.eq(counts, nil)
  t.eq(total, 20)
  t.eq(problems[1], "bad.csv, G5: 'bảy trăm nghìn' is not income in VND per person per month, a whole number")
  t.contains(table.concat(problems, "\n"), "bad.csv: ... and 7 more rows with the same problem in income")
  t.contains(table.concat(problems, "\n"), "bad.csv, H5: '?' is not one of poor, near_poor, middle, non_poor")
  t.eq(db:value("SELECT count(*) FROM households"), 0)
end

-- A list of persons: one row per person, the household by its code, sex in words.
function T.test_a_list_of_persons()
  fs.mkdir(DIR)
  fs.write(DIR .. "/nk.lua", [[
return {
  rows = "persons",
  columns = { code = "Mã hộ", name = "Họ và tên", sex = "Giới tính", birth_year = "Năm sinh",
    relation = "Quan hệ với chủ hộ", health_insurance = "Có thẻ BHYT" },
  sex = { M = { "nam giới" }, F = { "nữ giới" } },
}
]])
  fs.write(DIR .. "/nk.csv", table.concat({
    "STT,Mã hộ,Họ và tên,Giới tính,Năm sinh,Quan hệ với chủ hộ,Có thẻ BHYT",
    "1,H1,Lò Văn A,Nam,1970,Chủ hộ,x",
    "2,H1,Lò Thị B,nữ giới,1975,Vợ,",
    "3,H2,Trần Văn C,NAM,1990,Chủ hộ,có",
  }, "\n") .. "\n")
  local m = mapping.load(DIR .. "/nk.lua")
  local db <close> = store.registry(":memory:", "init")
  db:exec(UNITS)
  db:exec("INSERT INTO households(code, unit) VALUES ('H1', '02632'), ('H2', '02602')")
  local src = sheet.source({ DIR .. "/nk.csv" }, m, {}, db)
  local files = {}
  for name in pairs(sheet.tables(m)) do files[name] = src end
  local counts, problems = import.run(db, files)
  sheet.close(src)
  t.ok(counts, problems and table.concat(problems, "\n"))
  t.eq(counts, { persons = 3 })
  local rows = {}
  for r in db:rows("SELECT h.code, p.name, p.sex, p.birth_year, p.relation, p.health_insurance FROM persons p "
      .. "JOIN households h ON h.id = p.household ORDER BY p.id") do
    rows[#rows + 1] = table.concat({ r.code, r.name, r.sex, r.birth_year, r.relation, r.health_insurance }, "|")
  end
  t.eq(rows, { "H1|Lò Văn A|M|1970|Chủ hộ|1", "H1|Lò Thị B|F|1975|Vợ|0", "H2|Trần Văn C|M|1990|Chủ hộ|1" })
  -- a person of a household not in the registry, a sex in no word list
  fs.write(DIR .. "/nk.csv", "Mã hộ,Họ và tên,Giới tính,Năm sinh,Quan hệ với chủ hộ,Có thẻ BHYT\nH9,X,khác,1990,,\n")
  src = sheet.source({ DIR .. "/nk.csv" }, m, {}, db)
  local none, bad = import.run(db, { persons = src })
  sheet.close(src)
  t.eq(none, nil)
  t.contains(bad[1], "nk.csv, A2: 'H9' is not the code of a household")
  t.contains(bad[2], "nk.csv, C2: 'khác' is not one of M, F")
end

function T.test_every_shipped_mapping_loads()
  local names = fs.list("mappings") or {}
  table.sort(names)
  local n = 0
  for _, name in ipairs(names) do
    if name:match("%.lua$") then
      local m = mapping.load("mappings/" .. name)
      t.ok(m.columns.code, name)
      n = n + 1
    end
  end
  t.ok(n >= 2, "the shipped mappings")
end

function T.test_what_a_mapping_may_not_say()
  fs.mkdir(DIR)
  local path = DIR .. "/m.lua"
  local cases = {
    { "return { columns = { head = 'Chủ hộ' } }", "columns.code: the household code's column must be given" },
    { "return { columns = { code = 'Mã', incom = 'x' } }", "columns.incom: not a field a column can give" },
    { "return { columns = { code = { letter = '7' } }, header_row = 1 }", "columns.code.letter: expected a column's letters" },
    { "return { columns = { code = { letter = 'B' } } }", "header_row: the code's column is given by letter" },
    { "return { columns = { code = 'Mã' }, commune = 'tab' }", "commune: expected \"sheet\"" },
    { "return { columns = { code = 'Mã', status = 'KQ', poor = 'N' } }", "columns.status: give the status as one column" },
    { "return { columns = { code = 'Mã' }, status = { rich = { 'giàu' } } }", "status.rich: expected one of poor" },
    { "return { columns = { code = 'Mã' }, headers = 2 }", "headers: not a field of a mapping; did you mean header?" },
    { "return { columns = { code = os.getenv('X') } }", "a mapping holds data only; 'os' is not known there" },
  }
  for _, c in ipairs(cases) do
    fs.write(path, c[1])
    local ok, err = pcall(mapping.load, path)
    t.eq(ok, false, c[1])
    t.contains(type(err) == "table" and err.message or tostring(err), c[2], c[1])
  end
end

return T
