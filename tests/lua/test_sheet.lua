-- test_sheet.lua — core.sheet as the stdlib sees it: a workbook written with core.xlsx read
-- back (sheets in tab order, rows with their numbers, cells by column as the officer sees
-- them, types of the cells that are not text, merged ranges); the reader a generic for
-- closes; a workbook closed with a reader open stays usable by that reader; what is not a
-- workbook is a data error naming the file; references and columns.
local t = ...
local workbook = require "kehoach.render.workbook"

local fs, xlsx, sheet = core.fs, core.xlsx, core.sheet

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

function T.test_references_and_columns()
  t.eq({ sheet.ref(12, 5), sheet.ref(1, 27), sheet.ref(1048576, 16384) }, { "E12", "AA1", "XFD1048576" })
  t.eq({ sheet.column("E"), sheet.column("aa"), sheet.column("XFD"), sheet.column("XFE"), sheet.column("E1") },
    { 5, 27, 16384, nil, nil })
end

return T
