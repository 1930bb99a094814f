-- mapping.lua — loading and checking a mapping file: how one format of household list (an
-- Excel workbook or a CSV file from a commune or from the review software) gives registry
-- rows. A mapping is a Lua file returning one table of data; it runs with no globals at all,
-- like a district profile (profile.lua), so it can only state data. docs/registry.md
-- describes every field; mappings/ at the top holds the shipped ones.
--
--   mapping.load(path) -> the mapping, checked; raises a data error naming the file and field
--   mapping.FIELDS     -> the fields a column may be mapped to, with the table each fills
--
-- A checked mapping: { path, about, columns = { field = spec }, header = rows or nil,
-- header_row = row or nil, commune = "sheet" | spec, year = Y | spec | nil, skip = {folded},
-- yes = {folded = true}, no = {folded = true}, status = {folded word = status} }, where a
-- spec is { header = folded text } or { letter = "F", col = 6 }.
local util = require "kehoach.util"
local schema = require "kehoach.registry.schema"

local text, sheet = core.text, core.sheet

local M = {}

-- field -> { table, kind }; kind: text (as written), mark (yes/no words to 1/0), status
-- (words to a status), count (a number of persons), year.
M.FIELDS = {
  code = { "households", "text" }, commune = { "households", "text" }, village = { "households", "text" },
  head = { "households", "text" }, ethnic_minority = { "households", "mark" },
  persons = { "persons", "count" },
  year = { "surveys", "year" }, income = { "surveys", "text" }, status = { "surveys", "status" },
  poor = { "surveys", "mark" }, near_poor = { "surveys", "mark" }, unable_to_escape = { "surveys", "mark" },
}
for _, d in ipairs(schema.values.indicator) do M.FIELDS[d] = { "surveys", "mark" } end

-- The fields of a list of persons (rows = "persons"): one row per person, naming the
-- household by its code.
M.PERSON_FIELDS = {
  code = true, name = "text", sex = "sex", birth_year = "text", relation = "text", can_work = "mark",
  disability = "text", chronic_illness = "mark", health_insurance = "mark", in_school = "mark",
}

M.STATUSES = schema.values.status

-- Header text as it is compared: spaces (line breaks in a cell too) collapsed, folded the
-- Vietnamese way.
function M.key(s)
  return text.fold((s:gsub("%s+", " "):match("^ ?(.-) ?$")))
end

local function words(C, list, where)
  if type(list) ~= "table" or #list == 0 then C.bad(where, "expected a list of words") end
  local set = {}
  for i, w in ipairs(list) do
    if type(w) ~= "string" or not text.valid(w) then C.bad(where .. "[" .. i .. "]", "expected a word in UTF-8 text") end
    set[M.key(w)] = true
  end
  return set
end

local function spec(C, v, where)
  if type(v) == "string" and v ~= "" and text.valid(v) then return { header = M.key(v), text = v } end
  if type(v) == "table" and type(v.letter) == "string" then
    local col = sheet.column(v.letter)
    if not col then C.bad(where .. ".letter", "expected a column's letters, A to XFD, got %s", v.letter) end
    return { letter = v.letter:upper(), col = col }
  end
  C.bad(where, "expected a column's header text, or { letter = \"F\" }")
end

function M.load(path)
  local function bad(where, fmt, ...)
    util.fail("data", "%s: %s: " .. fmt, path, where, ...)
  end
  local C = { bad = bad }
  local m = util.data_file(path, "mapping")
  local known = { about = true, columns = true, header = true, header_row = true, commune = true,
    year = true, skip = true, yes = true, no = true, status = true, rows = true, sex = true }
  for k in pairs(m) do
    if not known[k] then
      local near = util.nearest(tostring(k), util.sorted_keys(known))
      bad(tostring(k), "not a field of a mapping%s", near and ("; did you mean " .. near .. "?") or "")
    end
  end
  local out = { path = path, about = m.about, columns = {} }
  if type(m.columns) ~= "table" then bad("columns", "expected { field = \"header text\", ... }") end
  if m.rows ~= nil and m.rows ~= "households" and m.rows ~= "persons" then
    bad("rows", "expected \"households\" (one row per household, the default) or \"persons\"")
  end
  out.rows = m.rows or "households"
  local fields = out.rows == "persons" and M.PERSON_FIELDS or M.FIELDS
  for field, v in pairs(m.columns) do
    if out.rows == "households" and M.PERSON_FIELDS[field] and not M.FIELDS[field] then
      bad("columns." .. tostring(field), "a field of a list of persons: say rows = \"persons\" (one row per person)")
    end
    if not fields[field] then
      local near = util.nearest(tostring(field), util.sorted_keys(fields))
      bad("columns." .. tostring(field), "not a field a column can give (%s)%s",
        table.concat(util.sorted_keys(fields), ", "), near and ("; did you mean " .. near .. "?") or "")
    end
    out.columns[field] = spec(C, v, "columns." .. field)
  end
  if not out.columns.code then bad("columns.code", "the household code's column must be given") end
  if out.columns.status and (out.columns.poor or out.columns.near_poor) then
    bad("columns.status", "give the status as one column of words, or as marks in poor and near_poor: not both")
  end
  for _, k in ipairs({ "header", "header_row" }) do
    if m[k] ~= nil and (math.type(m[k]) ~= "integer" or m[k] < 1 or m[k] > 20) then
      bad(k, "expected a whole number of rows from 1 to 20")
    end
  end
  out.header, out.header_row = m.header, m.header_row
  if out.columns.code.col and not out.header_row then
    bad("header_row", "the code's column is given by letter, so say which row the header starts at")
  end
  if m.commune == "sheet" then
    out.commune = "sheet"
    if out.columns.commune then bad("commune", "\"sheet\", yet columns.commune is given too") end
  elseif m.commune ~= nil then
    bad("commune", "expected \"sheet\" (each sheet a commune, named by its tab), or leave it out and give columns.commune")
  elseif out.columns.commune then
    out.commune = out.columns.commune
  end
  if m.year ~= nil then
    if math.type(m.year) ~= "integer" or m.year < 1900 or m.year > 2200 then bad("year", "expected a year from 1900 to 2200") end
    if out.columns.year then bad("year", "given, yet columns.year is given too") end
    out.year = m.year
  end
  out.skip = util.sorted_keys(m.skip and words(C, m.skip, "skip") or { [M.key("Tổng")] = true, [M.key("Cộng")] = true })
  out.yes = m.yes and words(C, m.yes, "yes") or words(C, { "x", "1", "có", "true", "✓" }, "yes")
  out.no = m.no and words(C, m.no, "no") or words(C, { "0", "không", "false", "-" }, "no")
  out.sex = { [M.key("Nam")] = "M", [M.key("M")] = "M", [M.key("Nữ")] = "F", [M.key("F")] = "F" }
  if m.sex ~= nil then
    if type(m.sex) ~= "table" then bad("sex", "expected { M = {words}, F = {words} }") end
    for k, list in pairs(m.sex) do
      if k ~= "M" and k ~= "F" then bad("sex." .. tostring(k), "expected M or F") end
      for w in pairs(words(C, list, "sex." .. k)) do out.sex[w] = k end
    end
  end
  out.status = {}
  for _, s in ipairs(M.STATUSES) do out.status[s] = s end
  if m.status ~= nil then
    if type(m.status) ~= "table" then bad("status", "expected { poor = {words}, near_poor = {words}, ... }") end
    for s, list in pairs(m.status) do
      if not out.status[s] then bad("status." .. tostring(s), "expected one of %s", table.concat(M.STATUSES, ", ")) end
      for w in pairs(words(C, list, "status." .. s)) do out.status[w] = s end
    end
  end
  return out
end

return M
