-- db_import.lua — `kehoach db import DIR|FILE... [--db FILE]`: CSV files into a registry,
-- all or nothing, on disk too. One import at a time works on a registry path, new or
-- existing: each holds a lock (store.import) on its temporary, FILE.tmp-import, from start
-- to end, and another waits its turn (KEHOACH_BUSY_TIMEOUT) or ends with a busy error. The
-- rows go into the temporary: a new registry, or a copy of the existing one (whose write
-- lock is held meanwhile, so no other kehoach changes it); once every row was accepted and
-- committed, the temporary is moved over FILE in one step — never over a registry another
-- program made meanwhile. A kill or a full disk leaves FILE as it was (and at most the
-- temporary, whose lock the kill let go: the next import removes it); a refused row, FILE
-- and no temporary. A registry in SQLite's WAL mode takes the rows in place, in one
-- transaction: moving a file over it would hand its readers' -wal to the new one, and WAL
-- keeps the file whole through a kill by itself.
local util = require "kehoach.util"
local tables = require "kehoach.registry.tables"
local import = require "kehoach.registry.import"
local mapping = require "kehoach.registry.mapping"
local sheet = require "kehoach.registry.sheet"
local review = require "kehoach.registry.review"

local host, fs, store = core.host, core.fs, core.store

-- { table = path } from the arguments: folders give their *.csv files.
local function input_files(args)
  local files, seen = {}, {}
  local function add(path, name)
    if name:lower():match("%.xls[xm]?$") then
      util.fail("usage", "%s: an Excel workbook is read through a mapping that says which column is "
        .. "which: give --map MAPPING (mappings/danh-sach-ra-soat.lua reads the review list communes send)", path)
    end
    local table_name = name:match("^(.*)%.[cC][sS][vV]$") or name
    if not tables.by_name[table_name] then
      local near = util.nearest(table_name, tables.names())
      util.fail("usage", "%s: a CSV file must be named after a registry table (%s.csv)%s", path,
        table.concat(tables.names(), ".csv, "), near and (": did you mean " .. near .. ".csv?") or "")
    end
    if seen[table_name] then
      util.fail("usage", "%s and %s both hold the table %s: give one", seen[table_name], path, table_name)
    end
    seen[table_name] = path
    files[table_name] = path
  end
  for _, arg in ipairs(args) do
    local kind = fs.exists(arg)
    if kind == "directory" then
      local names = fs.list(arg) or {}
      table.sort(names)
      local any = false
      for _, name in ipairs(names) do
        if name:match("%.[cC][sS][vV]$") then
          add(arg .. "/" .. name, name)
          any = true
        end
      end
      if not any then util.fail("data", "%s: no CSV files in this folder", arg) end
    elseif kind == "file" then
      add(arg, arg:match("([^/]*)$"))
    else
      util.fail("data", "%s: no such file or folder", arg)
    end
  end
  return files
end

-- The claim of this import on path: at once, or after the import that holds it.
local function claim(path)
  local got, wait = store.import(path)
  if got then return got end
  if wait > 0 then
    host.ewrite(string.format("%s: another kehoach is importing into it; this import waits for it "
      .. "to finish (up to %g s)\n", path, wait))
  end
  return store.import(path, true)
end

-- --map: the workbooks and CSV files a mapping reads, checked before the registry is touched.
local function mapped_inputs(opts, args)
  if #args == 0 then util.fail("usage", "give the .xlsx or .csv files to read through %s", opts.map) end
  for _, arg in ipairs(args) do
    local kind = fs.exists(arg)
    if kind ~= "file" then util.fail("data", "%s: no such file%s", arg, kind and " (a folder: give its files)" or "") end
    if arg:lower():match("%.xls$") then
      util.fail("data", "%s: an Excel 97-2003 workbook (.xls); open it in Excel or LibreOffice and save it as .xlsx", arg)
    end
    if not (arg:lower():match("%.xlsx$") or arg:lower():match("%.xlsm$") or arg:lower():match("%.csv$")) then
      util.fail("usage", "%s: --map reads Excel workbooks (.xlsx) and CSV files (.csv)", arg)
    end
  end
  local m = mapping.load(opts.map)
  local year = opts.year and math.tointeger(tonumber(opts.year))
  if opts.year and not (year and year >= 1900 and year <= 2200) then
    util.fail("usage", "--year %s: expected a year, like 2022", opts.year)
  end
  if m.year and year and m.year ~= year then
    util.fail("usage", "--year %d, but %s says the review is of %d", year, opts.map, m.year)
  end
  if sheet.tables(m).surveys and not (m.year or year or m.columns.year) then
    util.fail("usage", "which year's review is this? give --year YEAR (%s gives no year)", opts.map)
  end
  return m, { year = year }
end

local function run(opts, args)
  local path = opts.db or "data/registry.db"
  local m, mopts
  if opts.map then m, mopts = mapped_inputs(opts, args) end
  if opts.year and not opts.map then
    util.fail("usage", "--year is the year of the review in lists read through a mapping: give --map too")
  end
  local files = not m and input_files(args) or nil
  if not fs.exists(path) then
    local dir = path:match("^(.*)/[^/]*$")
    if dir then fs.mkdir(dir) end
  end
  -- removes the temporary when closed (unless placed): declared first, closed last
  local import_claim <close> = claim(path)
  -- decided once the path is ours: an import that waited finds the registry the one before
  -- it made, and adds to it
  local creating = not import_claim:existed()
  local held <close> = not creating and store.registry(path, "hold") or nil
  local in_place = not opts.preview and held and held:value("PRAGMA journal_mode") == "wal"
  local tmp = import_claim:temporary()
  if in_place then
    held:exec("ROLLBACK")              -- import.run opens the transaction itself
  elseif not creating then
    store.copy(path, tmp)
  end
  local db <close> = in_place and held or store.registry(tmp, creating and "init" or "rw")
  local src, marks, told
  if m then
    src = sheet.source(args, m, mopts, db)
    files = {}
    for name in pairs(sheet.tables(m)) do files[name] = src end
  end
  if m or opts.preview then marks = review.mark(db) end
  -- a standard meta names that is not shipped: standards/<name>.lua beside the registry or the CSV files
  local near = { path }
  for _, file in pairs(m and args or files) do near[#near + 1] = file end
  table.sort(near, function(a, b) return a == path or (b ~= path and a < b) end)
  local counts, problems, total = import.run(db, files, near)
  if src then sheet.close(src) end
  if counts and (src or opts.preview) then
    told = opts.preview and review.preview(db, marks, 5) or {}
    for _, line in ipairs(src and review.changes(db, src, marks) or {}) do told[#told + 1] = line end
    if src and #src.skipped > 0 then told[#told + 1] = "hidden sheets, not read: " .. table.concat(src.skipped, "; ") end
  end
  db:close()
  if not counts then
    for _, line in ipairs(problems) do host.ewrite(line, "\n") end
    util.fail("data", "%s: nothing %s imported (%s problem%s); %s", path, opts.preview and "would be" or "was",
      util.group_digits(total), total == 1 and "" or "s", opts.preview and "--preview writes nothing"
      or creating and "no registry was created" or "the registry is unchanged")
  end
  if opts.preview then
    for _, line in ipairs(told) do host.ewrite(line, "\n") end
    host.ewrite(string.format("%s: every row can be imported; --preview wrote nothing\n", path))
    return 0
  end
  if not in_place then import_claim:place() end
  local parts = {}
  for _, name in ipairs(tables.names()) do
    if counts[name] then parts[#parts + 1] = name .. " " .. util.group_digits(counts[name]) end
  end
  host.ewrite(string.format("%s: %s; imported %s\n", path, creating and "new registry" or "added to the registry",
    table.concat(parts, ", ")))
  if src then
    host.ewrite(string.format("households: %s added, %s already in the registry (matched by code)\n",
      util.group_digits(src.new), util.group_digits(src.matched)))
  end
  for _, line in ipairs(told or {}) do host.ewrite(line, "\n") end
  return 0
end

return {
  usage = "kehoach db import DIR|FILE... [--db FILE] [--map MAPPING [--year Y]] [--preview]",
  about = "Imports CSV files into a household registry, all or nothing. Each file is named after\n"
    .. "a table (" .. table.concat(tables.names(), ", ") .. "; a folder gives all its .csv files),\n"
    .. "with the schema's column names as header, UTF-8 (a byte-order mark is fine). Every row\n"
    .. "is checked; any problem is reported as file, row, column, value and what was expected,\n"
    .. "and then nothing is imported. When FILE does not exist it is created as a new registry;\n"
    .. "otherwise the rows are added to it. households.unit takes a commune's code or its name\n"
    .. "(the old tone placement, Hoà, finds Hòa); persons, surveys, needs and events name\n"
    .. "their household by its code, never by its id (as db export writes them).\n\n"
    .. "With --map, the files are household lists as offices have them — Excel workbooks (.xlsx)\n"
    .. "or CSV files with their own headers — read through a mapping file that says which column\n"
    .. "is which field (mappings/ holds the shipped ones; docs/registry.md describes them). A\n"
    .. "household whose code is in the registry already is matched, and gets the new review;\n"
    .. "the others are added. Problems name the file, the sheet and the cell.",
  args = { "DIR|FILE", "..." },
  options = {
    { "db", "FILE", "the registry to create or add to (default data/registry.db)" },
    { "map", "MAPPING", "read .xlsx or .csv household lists through this mapping file" },
    { "year", "Y", "with --map: the year of the review the lists hold, when the mapping does not say" },
    { "preview", nil, "check every row and show the first ones as they would be stored; write nothing" },
  },
  run = run,
}
