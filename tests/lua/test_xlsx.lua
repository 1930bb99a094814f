-- test_xlsx.lua — core.xlsx and report.xlsx's sheets: a workbook appears at its name only
-- when committed, and nothing is left behind when it is dropped; misuse is an error, an
-- unwritable place an output error; sheet names that Excel accepts; dates stamped from
-- the plan, not the clock.
local t = ...
local workbook = require "kehoach.render.workbook"

local fs, xlsx = core.fs, core.xlsx

local T = {}

local DIR = "build/tests/lua-fixtures/xlsx"

local function fresh()
  fs.mkdir(DIR)
  for _, name in ipairs(fs.list(DIR)) do fs.remove(DIR .. "/" .. name) end
  return DIR .. "/book.xlsx"
end

local function one_sheet(path)
  local wb = xlsx.new(path, { title = "Thử", created = workbook.epoch(2021, 4, 1) })
  local sh = wb:sheet("Tổng hợp")
  local num = wb:format({ num_format = "#,##0", bold = true })
  sh:write(1, 1, "Xã, phường")
  sh:write(1, 2, 1234567, num)
  sh:width(1, 2, 20)
  sh:freeze(2, 1)
  sh:merge(2, 1, 2, 2, "Cộng")
  return wb, sh
end

function T.test_a_workbook_is_at_its_name_only_once_committed()
  local path = fresh()
  local wb = one_sheet(path)
  t.eq(fs.exists(path), nil)
  wb:close()
  t.eq(fs.exists(path), nil, "closed, not yet committed")
  t.eq(#fs.list(DIR), 1, "the temporary file")
  wb:commit()
  t.eq(fs.exists(path), "file")
  t.eq(fs.list(DIR), { "book.xlsx" })
  t.ok(fs.read(path):sub(1, 4) == "PK\3\4", "a zip file")
end

function T.test_a_dropped_workbook_leaves_nothing()
  local path = fresh()
  do
    local wb <close> = one_sheet(path)
  end
  t.eq(fs.list(DIR), {})
  local wb = one_sheet(path)
  wb:close()
  wb:abort()
  wb:abort()
  t.eq(fs.list(DIR), {}, "aborting twice is fine and leaves nothing")
end

-- A cell holds 32.767 characters: a longer text is cut there with a mark that says so (and
-- write says it cut), instead of libxlsxwriter's refusal ending the run.
function T.test_a_text_longer_than_a_cell_is_cut_with_a_mark()
  fresh()
  local path = DIR .. "-cut.xlsx"
  local wb <close> = xlsx.new(path)
  local sh = wb:sheet("Dài")
  t.eq(sh:write(1, 1, string.rep("ồ", 32767)), false, "as long as a cell holds: kept whole")
  t.eq(sh:write(2, 1, string.rep("ồ", 40000)), true, "longer: cut")
  t.eq(sh:write(3, 1, string.rep("x", 100000)), true)
  t.eq(sh:merge(4, 1, 4, 3, string.rep("ồ", 32768)), true)
  t.eq(sh:write(5, 1, 12), false)
  wb:commit()
  t.eq(fs.exists(path), "file")
end

function T.test_misuse_is_an_error()
  local path = fresh()
  local wb, sh = one_sheet(path)
  t.raises("sheet name 'a/b'", wb.sheet, wb, "a/b")
  t.raises("sheet name", wb.sheet, wb, string.rep("x", 32))
  t.raises("sheet name", wb.sheet, wb, "tổng hợp")
  t.raises("a row from 1", sh.write, sh, 0, 1, "x")
  t.raises("number, string, boolean or nil", sh.write, sh, 3, 1, {})
  wb:close()
  t.raises("already been closed", sh.write, sh, 3, 1, "late")
  t.raises("already been closed", wb.sheet, wb, "Sau")
  wb:commit()
  t.raises("already been committed", wb.commit, wb)
end

function T.test_an_unwritable_place_is_an_output_error()
  local _, kind = t.raises("cannot write", xlsx.new, "build/tests/lua-fixtures/no/such/folder/book.xlsx")
  t.eq(kind, "output")
end

function T.test_workbooks_are_stamped_from_the_plan_and_write_the_same_bytes()
  t.eq(workbook.epoch(1970, 1, 1), 0)
  t.eq(workbook.epoch(2021, 4, 1), 1617235200)
  t.eq(workbook.epoch(2000, 2, 29), 951782400)
  t.eq(workbook.stamp({ plan = { year = 2021, issued = "2021-04" } }), 1617235200)
  t.eq(workbook.stamp({ plan = { year = 2021 } }), workbook.epoch(2021, 1, 1))
  local path = fresh()
  local wb = one_sheet(path)
  wb:commit()
  local first = fs.sha256(path)
  fs.remove(path)
  wb = one_sheet(path)
  wb:commit()
  t.eq(fs.sha256(path), first)
end

function T.test_sheet_names_fit_excel_and_stay_unique()
  local used = {}
  t.eq(workbook.sheet_name("Tổng hợp", used), "Tổng hợp")
  t.eq(workbook.sheet_name("1. Hỗ trợ hộ nghèo không có khả năng thoát nghèo", used), "1. Hỗ trợ hộ nghèo không có…",
    "cut at a word, and said to be cut")
  t.eq(workbook.sheet_name("Hỗ trợ: giống [bò]/heo?", used), "Hỗ trợ giống bò heo")
  t.eq(workbook.sheet_name("TỔNG HỢP", used), "TỔNG HỢP (2)")
  -- cut twice the same way: the suffix makes it unique, still within 31 characters
  t.eq(workbook.sheet_name("1. Hỗ trợ hộ nghèo không có khả năng thoát nghèo", used), "1. Hỗ trợ hộ nghèo không có (2)")
  for name in pairs(used) do t.ok(utf8.len(name) <= 31, name) end
end

-- A support's short name names its sheet of households; without one, the label is cut at a
-- word and says so.
function T.test_a_supports_short_name_names_its_sheet()
  local fx = core.host.loadfile("tests/lua/fixture.lua", "tests/lua/fixture.lua", _ENV)()
  local run = require "kehoach.verbs.run"
  local dir = fx.DIR .. "/xlsx_short"
  fs.mkdir(dir)
  local path = fx.plan_file("xlsx_short", fx.HEADER .. [[
source "city" { label = "Ngân sách thành phố" }
support "tro_cap" { label = "Hỗ trợ hằng tháng cho hộ nghèo không có khả năng thoát nghèo",
  short = "Trợ cấp hằng tháng", who = { status = "poor", unable_to_escape = true },
  amount = per_person_month(250000), months = "01-12", source = "city" }
support "vay" { label = "Hỗ trợ hộ nghèo vay vốn tín dụng ưu đãi để phát triển sản xuất",
  who = { status = "poor" }, amount = per_household(million(50)), quarters = "Q1", source = "city" }
]])
  local code = run.execute(path, { db = fx.registry(), out = dir, results = dir .. "/results.db", quiet = true })
  t.eq(code, 0)
  local wb <close> = core.sheet.open(dir .. "/mau-2021/report.xlsx")
  local names = {}
  for i, sh in ipairs(wb:sheets()) do names[i] = sh.name end
  t.eq(names[3], "1. Trợ cấp hằng tháng")
  t.eq(names[4], "2. Hỗ trợ hộ nghèo vay vốn…")
end

return T
