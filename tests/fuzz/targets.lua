-- targets.lua — the Lua side of the fuzz targets (tests/fuzz/fuzz.c). Each target takes an
-- input's bytes and a scratch folder, drives one part of the real stdlib with them the way
-- the command line does, and checks what must hold whatever the input. An error of a kind
-- an officer can be given (plan, data, usage) is a fine answer; bug() raises kind
-- "internal", as does any error located in stdlib/ — both make the harness abort.
local import = require "kehoach.registry.import"
local tables = require "kehoach.registry.tables"
local plan = require "kehoach.plan"
local check = require "kehoach.plan.check"
local words = require "kehoach.render.messages"
local params = require "kehoach.plan.params"
local values = require "kehoach.plan.values"
local util = require "kehoach.util"

local host, fs, store, text, sheet, zip = core.host, core.fs, core.store, core.text, core.sheet, core.zip

local M = {}

local function bug(fmt, ...)
  host.fail("internal", "property failed: " .. string.format(fmt, ...))
end

-- ---- csv_import: one CSV file into a scratch registry -------------------------------------
--
-- The input is "<table>\n<the file>" when its first line names a registry table; otherwise
-- its first byte picks the table and the whole input is the file. The registry already
-- holds two communes and two households for the rows to refer to. Import is all or
-- nothing: rows imported are exactly the counts it returns, a refused import (problems,
-- or an error) leaves every table as it was, and each problem names the file and row.

local SCRATCH_REGISTRY = [[
INSERT INTO units VALUES ('10', 'Lào Cai', 'province', 'tỉnh', NULL, 0, 0);
INSERT INTO units VALUES ('080', 'Thành phố Lào Cai', 'district', 'thành phố', '10', 1, 0);
INSERT INTO units VALUES ('02632', 'Vạn Hòa', 'commune', 'xã', '080', 0, 0);
INSERT INTO units VALUES ('02602', 'Duyên Hải', 'commune', 'phường', '080', 1, 0);
INSERT INTO households VALUES (1, 'H1', '02632', 'Thôn 1', 'Lò Văn A', 1);
INSERT INTO households VALUES (2, 'H2', '02602', 'Tổ 2', 'Trần Thị B', 0);
INSERT INTO persons(household, name, sex, birth_year) VALUES (1, 'Lò Văn A', 'M', 1970);
INSERT INTO surveys(household, year, income, status) VALUES (1, 2020, 600000, 'poor');
INSERT INTO needs VALUES (1, 2020, 'credit');
INSERT INTO events(household, date, kind) VALUES (2, '2021-03-01', 'escaped');
]]

local function row_counts(db)
  local n = {}
  for _, t in ipairs(tables.list) do n[t.name] = db:value("SELECT count(*) FROM " .. t.name) end
  return n
end

-- The scratch registry is made once and kept while imports leave it as it was (refused
-- ones must, and most inputs are refused): making one is most of an input's time.
local scratch, scratch_counts

function M.csv_import(data, dir)
  local name, body = data:match("^(%l+)\n(.*)$")
  if not (name and tables.by_name[name]) then
    name, body = tables.list[(data:byte(1) or 0) % #tables.list + 1].name, data
  end
  local path = dir .. "/" .. name .. ".csv"
  fs.write(path, body)
  if not scratch then
    scratch = store.registry(":memory:", "init")
    scratch:exec(SCRATCH_REGISTRY)
    scratch_counts = row_counts(scratch)
  end
  local db, before = scratch, scratch_counts
  local ok, counts, problems, total = pcall(import.run, db, { [name] = path })
  if not ok then
    pcall(db.exec, db, "ROLLBACK")  -- as closing the registry would
  end
  local after = row_counts(db)
  local changed = false
  for _, t in ipairs(tables.list) do
    local added = after[t.name] - before[t.name]
    local said = ok and counts and counts[t.name] or 0
    if added ~= said then
      bug("%s: %d rows of %s added, but the import %s %d", path, added, t.name,
        ok and counts and "says" or "was refused, so expected", said)
    end
    changed = changed or added ~= 0
  end
  if changed then                         -- the next input gets a new one
    scratch:close()
    scratch = nil
  end
  if not ok then error(counts, 0) end     -- the error, as `kehoach db import` raises it
  if not counts then
    if type(problems) ~= "table" or #problems == 0 or math.type(total) ~= "integer" or total < #problems then
      bug("a refused import must list its problems and count them")
    end
    for _, line in ipairs(problems) do
      if type(line) ~= "string" or (line:sub(1, #path + 2) ~= path .. ": " and not line:match("^%.%.%. and %d+ more")) then
        bug("a problem must name the file first: %s", tostring(line))
      end
    end
  end
end

-- ---- plan: declare and check arbitrary text, as `kehoach check` does -------------------

local LEVELS = { error = true, warning = true, info = true }

function M.plan(data, dir)
  local path = dir .. "/plan.lua"
  fs.write(path, data)
  local p = plan.load(path)
  for _, m in ipairs(words.word(check.run(p, {}))) do
    if not LEVELS[m.level] or type(m.message) ~= "string" or type(m.code) ~= "string" then
      bug("a check message must have a level, a code and a text")
    end
    words.format(m)
  end
  params.list(p)
end

-- ---- params: --set paths and values on the 2021 plan -----------------------------------
--
-- The input is what follows --set: "PATH=VALUE", or a path alone. A path that is found
-- must be found again under its own spelling; one that is not gets a message; {path}
-- placeholders in any text expand or say which path is unknown; the value parses as
-- each kind of value or gets a reason. Then the whole --set is applied to a fresh copy of
-- the plan, as `kehoach run --set` does (a usage error is a fine answer), and the changed
-- plan checked: whatever --set let through, kehoach check must be able to judge.

local PLAN_2021 = "plans/lao-cai-city-2021.lua"
local plan_2021

function M.params(data)
  plan_2021 = plan_2021 or plan.load(PLAN_2021)
  local p = plan_2021
  local path, value = data:match("^(.-)=(.*)$")
  path = path or data
  local e, why = params.find(p, path)
  if e then
    local again = params.find(p, e.path)
    if not again or again.path ~= e.path then bug("'%s' found, but not under its own path %s", path, e.path) end
    if e.get() == nil then bug("%s has no value", e.path) end
  elseif type(why) ~= "string" or not why:find("unknown parameter", 1, true) then
    bug("an unknown path must be explained, got %s", tostring(why))
  end
  local out, bad = params.expand(p, data, function(v) return tostring(v) end)
  if out == nil and type(bad) ~= "string" then bug("expand must say which path it could not find") end
  for _, kind in ipairs(util.sorted_keys(params.KINDS)) do
    local v, reason = params.parse(kind, value or data)
    if v == nil and type(reason) ~= "string" then bug("parse(%s) refused %q without a reason", kind, data) end
  end
  local fresh = plan.load(PLAN_2021)
  plan.apply_parameters(fresh, { data })
  for _, m in ipairs(check.run(fresh, {})) do words.format(m) end
end

-- ---- values: periods, dates and sums of money as a plan writes them ----------------------
--
-- Whatever the text, each parser gives a value or a reason. A period is months from..to
-- within 01..12 whose code ("01-12", "Q1-Q2") parses back to the same months; a date is
-- a real day that parses back from its own text; a sum of money is whole đồng, not
-- negative.

local function check_period(r, s)
  if math.type(r.from) ~= "integer" or math.type(r.to) ~= "integer" or r.from < 1 or r.to > 12
      or r.from > r.to or r.months ~= r.to - r.from + 1 then
    bug("period %q: months %s..%s", s, tostring(r.from), tostring(r.to))
  end
  if r.quarters and (r.from ~= 3 * r.quarters.from - 2 or r.to ~= 3 * r.quarters.to) then
    bug("period %q: quarters and months disagree", s)
  end
  local code = values.period_code(r)
  local back = code:match("^Q") and values.quarters(code) or values.months(code)
  if not back or back.from ~= r.from or back.to ~= r.to then
    bug("period %q: its code %q does not parse back", s, code)
  end
  if not text.valid(values.describe_period(r, 2021)) then bug("period %q: described as invalid text", s) end
end

local function check_date(d, s, allow_month)
  if math.type(d.year) ~= "integer" or d.month < 1 or d.month > 12 or (d.day == nil and not allow_month) then
    bug("date %q: %s-%s-%s", s, tostring(d.year), tostring(d.month), tostring(d.day))
  end
  local again = values.date(d.text, allow_month)
  if not again or again.year ~= d.year or again.month ~= d.month or again.day ~= d.day then
    bug("date %q does not parse back from its text", s)
  end
  values.describe_date(d)
end

local function check_money(v, why, what)
  if v == nil then
    if type(why) ~= "string" then bug("%s: refused without a reason", what) end
  elseif math.type(v) ~= "integer" or v < 0 then
    bug("%s gave %s, not whole đồng", what, tostring(v))
  end
end

function M.values(data)
  for _, parse in ipairs({ values.months, values.quarters }) do
    local r, why = parse(data)
    if r then check_period(r, data)
    elseif type(why) ~= "string" then bug("period %q refused without a reason", data) end
  end
  for _, allow_month in ipairs({ false, true }) do
    local d, why = values.date(data, allow_month)
    if d then check_date(d, data, allow_month)
    elseif type(why) ~= "string" then bug("date %q refused without a reason", data) end
  end
  local n = tonumber(data)
  if n then
    local v, why = values.vnd(n)
    check_money(v, why, "vnd(" .. data .. ")")
    v, why = values.million(n)
    check_money(v, why, "million(" .. data .. ")")
    local a = values.amount("household", n)
    if a and not text.valid(values.describe_amount(a, tostring)) then bug("amount described as invalid text") end
  end
end


-- ---- sheet: the .xlsx reader (core.sheet) on a workbook from outside ----------------------
--
-- An input starting with "PK" is a whole workbook (the corpus: workbooks libxlsxwriter and
-- LibreOffice wrote, their parts stored or deflated). Any other input is the XML of one
-- sheet, then, after a line "--strings--", that of the shared strings: the harness packs
-- them into a workbook in memory, so the mutations reach the XML reader rather than the
-- zip's checksums. The parts are stored, not deflated (zip.pack's store): deflate's setup
-- alone, for every input, would take most of the fuzzer's time. Whatever the bytes, the
-- reader gives rows in increasing order, cells within Excel's columns, UTF-8 text, types
-- it documents, and merged ranges that are ranges; or it refuses with a data error.

local WORKBOOK_PARTS = {
  { "_rels/.rels", '<Relationships><Relationship Id="r" Type="x/officeDocument" Target="xl/workbook.png"/></Relationships>' },
  { "xl/workbook.png", '<workbook xmlns:r="r"><workbookPr/><sheets><sheet name="Tả Phời" sheetId="1" r:id="rId1"/>'
    .. '<sheet name="Ẩn" sheetId="2" state="hidden" r:id="rId1"/></sheets></workbook>' },
  { "xl/_rels/workbook.png.rels", '<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.png"/>'
    .. '<Relationship Id="rId2" Type="x/sharedStrings" Target="sharedStrings.png"/>'
    .. '<Relationship Id="rId3" Type="x/styles" Target="/xl/styles.png"/></Relationships>' },
  { "xl/styles.png", '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>'
    .. '<numFmt numFmtId="165" formatCode="00000"/><numFmt numFmtId="166" formatCode="[h]:mm"/></numFmts>'
    .. '<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/>'
    .. '<xf numFmtId="166"/><xf numFmtId="22"/></cellXfs></styleSheet>' },
}

local TYPES = { n = true, d = true, b = true, e = true }

local function check_sheet(wb, i, name)
  local last = 0
  for cells, r, types in wb:rows(i) do
    if math.type(r) ~= "integer" or r <= last or r > 1048576 then bug("%s: row %s after %d", name, tostring(r), last) end
    last = r
    local any = false
    for col, v in pairs(cells) do
      any = true
      if math.type(col) ~= "integer" or col < 1 or col > 16384 then bug("%s: column %s", name, tostring(col)) end
      if type(v) ~= "string" or v == "" or not text.valid(v) then bug("%s: cell %s is not UTF-8 text", name, sheet.ref(r, col)) end
      if types[col] ~= nil and not TYPES[types[col]] then bug("%s: cell type %s", name, tostring(types[col])) end
    end
    for col in pairs(types) do
      if cells[col] == nil then bug("%s: a type for the empty cell %s", name, sheet.ref(r, col)) end
    end
    if not any then bug("%s: row %d given without a value", name, r) end
  end
  for _, m in ipairs(wb:merges(i)) do
    if not (m[1] >= 1 and m[2] >= 1 and m[1] <= m[3] and m[2] <= m[4] and m[3] <= 1048576 and m[4] <= 16384) then
      bug("%s: merged range %s:%s", name, sheet.ref(m[1], m[2]), sheet.ref(m[3], m[4]))
    end
  end
end

function M.sheet(data)
  local name = "ds-ho-ngheo.xlsx"
  if data:sub(1, 2) ~= "PK" then
    local xml, strings = data:match("^(.-)\n%-%-strings%-%-\n(.*)$")
    local parts = {}
    for i, p in ipairs(WORKBOOK_PARTS) do parts[i] = p end
    parts[#parts + 1] = { "xl/worksheets/sheet1.png", xml or data }
    parts[#parts + 1] = { "xl/sharedStrings.png", strings or "<sst><si><t>Mã hộ</t></si><si><r><t>Hộ</t></r><r><t> nghèo</t></r></si></sst>" }
    data = zip.pack(parts, true)
  end
  local wb <close> = sheet.read(data, name)
  local sheets = wb:sheets()
  if #sheets == 0 then bug("a workbook opened with no sheet") end
  for i, s in ipairs(sheets) do
    if type(s.name) ~= "string" or not text.valid(s.name) then bug("sheet %d's name is not UTF-8 text", i) end
    if s.state ~= "visible" and s.state ~= "hidden" and s.state ~= "veryHidden" then bug("sheet state %s", tostring(s.state)) end
    check_sheet(wb, i, name)
  end
end

return M
