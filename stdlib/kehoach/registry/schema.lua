-- schema.lua — the household registry (schema v1, docs/registry.md), declared once: its
-- tables, their columns, and the enumerations their values come from (unit levels and
-- kinds, statuses, need kinds, event kinds, the deprivation indicators). A name is written
-- here and nowhere else; everything else is derived from this file:
--
--   the DDL          M.ddl(): the SQL `kehoach db init` runs. engine/store.c does not hold
--                    a copy: the build runs this file (scripts/schema_header.c) and writes
--                    build/gen/registry_schema.h, the SQL and the tables store.c checks
--   the CSV files    kehoach.registry.tables: the columns import reads and export writes
--   enumerations     M.values.<enum> (lists), M.terms.<enum> (value -> words),
--                    M.entry.<enum>[value] (the entry, with what else it says: a unit
--                    kind's levels and urban), M.kinds_at(level); the plan language, the
--                    generator, progress, the standards read them
--   the tables       M.tables (in order) and M.by_name: each with key, unique, order
--                    (export's ORDER BY), indexes and its columns spelled out
--   the docs         tests/lua/test_registry_docs.lua holds docs/registry.md's tables to it
--
-- Why in Lua, not a static table in C: every reader but one is Lua (import, export, the
-- selectors, the generator, the standards, the tests of the docs), and the declaration
-- says more than SQL (what import accepts, words for officers, which level a unit kind is
-- at). C needs only the SQL and the table names, and takes them from this file at build
-- time, the way SQLite's build makes its keyword and pragma tables from one source: the
-- engine stays plain C over SQLite with nothing to ask Lua at run time, store.c's cmocka
-- tests keep making registries with store_registry_init, and a test can change a copy of
-- the declaration (M.build) and see the DDL, the CSV columns and the enumerations follow.
--
-- So this file is pure data and pure functions: no require, no `core` (the build runs it
-- under plain Lua). M.build(declaration) makes all of the above from another declaration
-- (M.copy_declaration() to start from), which is how a test adds a value and sees it follow.
--
-- Schema v1 is a contract (DESIGN.md section 3): add tables, columns, indexes and values
-- freely, rename nothing (tests/lua/test_registry_schema.lua compares the declaration with
-- v1 as earlier kehoach wrote it, tests/fixtures/registry-v1.sql). A registry keeps the SQL
-- it was made with: a value added to an enumeration that the SQL checks (a status, a need
-- kind) is refused by registries made before; one checked on import only (a unit kind) is
-- not; and a column added (an indicator) is not in them at all, which that test reports:
-- such a change needs registries made before it brought up to date first.
local M = {}

-- ---- the declaration -------------------------------------------------------------------

-- Each enumeration: its values in order, each { value, term = words in Vietnamese, ... }.
local enums = {
  -- units.level: what a unit is in the tree
  level = { { "province" }, { "district" }, { "commune" } },
  -- units.kind: its kind in words; `levels` where it can stand, `urban` whether its
  -- households are measured against the urban lines (nil: the kind does not say)
  unit_kind = {
    { "tỉnh", levels = { "province" } },
    { "thành phố", levels = { "province", "district" } },
    { "huyện", levels = { "district" } },
    { "quận", levels = { "district" } },
    { "thị xã", levels = { "district" } },
    { "xã", levels = { "commune" }, urban = false },
    { "phường", levels = { "commune" }, urban = true },
    { "thị trấn", levels = { "commune" }, urban = true },
    -- special zone, a commune-level unit since 1 July 2025 (island districts made one
    -- unit): whether its lines are the urban ones is not settled by its kind
    { "đặc khu", levels = { "commune" } },
  },
  -- persons.sex; `also` the spellings import reads as it
  sex = { { "M", also = { "Nam", "m" } }, { "F", also = { "Nữ", "f" } } },
  -- surveys.status: as the review recognised it
  status = {
    { "poor", term = "hộ nghèo" },
    { "near_poor", term = "hộ cận nghèo" },
    { "middle", term = "hộ có mức sống trung bình" },
    { "non_poor", term = "hộ không nghèo" },
  },
  -- needs.kind: what a household asked for at the review
  need = {
    { "credit", term = "vay vốn" },
    { "livestock", term = "con giống" },
    { "training", term = "đào tạo nghề" },
    { "housing", term = "nhà ở" },
    { "employment", term = "việc làm" },
    { "education", term = "học tập" },
  },
  -- events.kind: what happened to a household after a review
  event = {
    { "escaped", term = "thoát nghèo" },
    { "fell_into", term = "phát sinh hộ nghèo mới" },
    { "re_poor", term = "tái nghèo" },
    { "moved", term = "chuyển đi nơi khác" },
    { "dissolved", term = "hộ không còn" },
  },
  -- the deprivation indicators, one surveys column each (1 deprived, 0 not, NULL not
  -- asked): the union of the standards' indicators, with the label the legal texts give
  -- them. A standard lists the ones it counts (kehoach.standards).
  indicator = {
    { "d_employment", term = "Việc làm" },
    { "d_dependants", term = "Người phụ thuộc trong hộ gia đình" },
    { "d_nutrition", term = "Dinh dưỡng" },
    { "d_health_access", term = "Tiếp cận các dịch vụ y tế" },
    { "d_health_insurance", term = "Bảo hiểm y tế" },
    { "d_adult_education", term = "Trình độ giáo dục của người lớn" },
    { "d_child_schooling", term = "Tình trạng đi học của trẻ em" },
    { "d_housing_quality", term = "Chất lượng nhà ở" },
    { "d_housing_area", term = "Diện tích nhà ở bình quân đầu người" },
    { "d_water", term = "Nguồn nước sinh hoạt" },
    { "d_latrine", term = "Nhà tiêu hợp vệ sinh" },
    { "d_telecom", term = "Sử dụng dịch vụ viễn thông" },
    { "d_information", term = "Phương tiện phục vụ tiếp cận thông tin" },
  },
}

-- The tables, parents first (the order import loads them in). A table: { name, key =
-- {columns} (its primary key), order = export's ORDER BY over the table as t (nil: the
-- key), indexes = { {name, columns...} }, columns }.
--
-- A column: { name, type, required =, default =, enum =, min =, max =, on_import =,
-- unique =, nullable =, expected = }. Types, as SQL stores them and as CSV files give them:
--   text       TEXT; any UTF-8 text, stored NFC; empty is NULL
--   integer    INTEGER; a whole number, from min to max
--   flag       INTEGER, 0 or 1
--   money      INTEGER, whole VND ≥ 0; "700.000" or "700 000" are read too
--   enum       TEXT, a value of enums[enum]
--   date       TEXT, YYYY-MM-DD (SQL checks the shape, import that it is a real day)
--   unit       TEXT, a unit's code (REFERENCES units(code))
--   household  INTEGER, a household's id (REFERENCES households(id)); in CSV its code
--   meta_key, meta_value  TEXT: meta's rules (kehoach.registry.tables)
-- required: a row must give it (import refuses one without it); the SQL says NOT NULL
-- for a required column or one with a default, unless it is the key or `nullable`.
-- on_import: the enumeration or the range is checked by import only, not by the SQL.
-- An entry { each = enum, type = ... } is one column per value of the enumeration.
local tables = {
  { name = "units", key = { "code" },
    order = "CASE t.level %s END, t.code", -- %s: WHEN 'province' THEN 0 ..., in enum order
    columns = {
      { "code", "text", required = true },
      { "name", "text", required = true },
      { "level", "enum", enum = "level", required = true },
      { "kind", "enum", enum = "unit_kind", on_import = true },
      { "parent", "unit" },
      { "urban", "flag", required = true },
      { "difficult", "flag", default = 0 },
    } },
  { name = "households", key = { "id" }, indexes = { { "households_unit", "unit" } },
    columns = {
      { "id", "integer", min = 1, on_import = true },
      { "code", "text", required = true, unique = true },
      { "unit", "unit", required = true },
      { "village", "text" },
      { "head", "text" },
      { "ethnic_minority", "flag", default = 0 },
    } },
  { name = "persons", key = { "id" }, indexes = { { "persons_household", "household" } },
    columns = {
      { "id", "integer", min = 1, on_import = true },
      { "household", "household", required = true },
      { "name", "text" },
      { "sex", "enum", enum = "sex" },
      { "birth_year", "integer", min = 1850, max = 2200, on_import = true },
      { "relation", "text" },
      { "can_work", "flag", default = 1 },
      { "disability", "integer", min = 0, max = 3, default = 0 },
      { "chronic_illness", "flag", default = 0 },
      { "health_insurance", "flag", default = 0 },
      { "in_school", "flag", default = 0 },
    } },
  { name = "surveys", key = { "household", "year" }, indexes = { { "surveys_year_status", "year", "status" } },
    columns = {
      { "household", "household", required = true },
      { "year", "integer", required = true, min = 1900, max = 2200, on_import = true },
      { "income", "money", required = true, expected = "income in VND per person per month, a whole number" },
      { each = "indicator", type = "flag" },
      { "status", "enum", enum = "status" },
      { "unable_to_escape", "flag", default = 0 },
    } },
  { name = "needs", key = { "household", "year", "kind" }, indexes = { { "needs_year_kind", "year", "kind" } },
    columns = {
      { "household", "household", required = true },
      { "year", "integer", required = true, min = 1900, max = 2200, on_import = true },
      { "kind", "enum", enum = "need", required = true },
    } },
  { name = "events", key = { "id" },
    indexes = { { "events_household", "household" }, { "events_date", "date" } },
    columns = {
      { "id", "integer", min = 1, on_import = true },
      { "household", "household", required = true },
      { "date", "date", required = true },
      { "kind", "enum", enum = "event", required = true },
      { "note", "text" },
    } },
  -- what the registry says about itself, one value per key (the keys kehoach reads:
  -- kehoach.registry.tables)
  { name = "meta", key = { "key" },
    columns = {
      { "key", "meta_key", required = true },
      { "value", "meta_value", required = true, nullable = true },
    } },
}

M.declaration = { enums = enums, tables = tables }

-- ---- what derives from it --------------------------------------------------------------

local SQL_TYPE = { text = "TEXT", integer = "INTEGER", flag = "INTEGER", money = "INTEGER",
  enum = "TEXT", date = "TEXT", unit = "TEXT", household = "INTEGER", meta_key = "TEXT",
  meta_value = "TEXT" }

local function quote(v) return "'" .. v:gsub("'", "''") .. "'" end

local function quoted_list(list)
  local q = {}
  for i, v in ipairs(list) do q[i] = quote(v) end
  return table.concat(q, ",")
end

local function copy(v)
  if type(v) ~= "table" then return v end
  local out = {}
  for k, x in pairs(v) do out[k] = copy(x) end
  return out
end

-- The SQL of one column, as it stands in its CREATE TABLE.
local function column_sql(S, t, c)
  local name = c.name
  local parts = { name, SQL_TYPE[c.type] }
  local single_key = #t.key == 1 and t.key[1] == name
  if single_key then parts[#parts + 1] = "PRIMARY KEY" end
  if c.unique then parts[#parts + 1] = "UNIQUE" end
  if (c.required or c.default ~= nil) and not single_key and not c.nullable then
    parts[#parts + 1] = "NOT NULL"
  end
  if c.type == "unit" then parts[#parts + 1] = "REFERENCES units(code)" end
  if c.type == "household" then parts[#parts + 1] = "REFERENCES households(id)" end
  if c.default ~= nil then parts[#parts + 1] = "DEFAULT " .. tostring(c.default) end
  local check
  if c.type == "flag" then
    check = name .. " IN (0,1)"
  elseif c.type == "money" then
    check = name .. " >= 0"
  elseif c.type == "date" then
    check = name .. " GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'"
  elseif c.type == "enum" and not c.on_import then
    check = name .. " IN (" .. quoted_list(S.values[c.enum]) .. ")"
  elseif c.type == "integer" and not c.on_import and c.min and c.max then
    check = string.format("%s BETWEEN %d AND %d", name, c.min, c.max)
  end
  if check then parts[#parts + 1] = "CHECK (" .. check .. ")" end
  return table.concat(parts, " ")
end

-- The schema a declaration makes: the enumerations as lists and words, the tables with
-- their columns spelled out, the DDL. M itself is the one of the declaration above;
-- M.build(d) makes one of another (a test's changed copy).
function M.build(d)
  local S = { declaration = d, enums = d.enums, values = {}, terms = {}, entry = {} }
  for name, list in pairs(d.enums) do
    local values, terms, entry = {}, {}, {}
    for i, e in ipairs(list) do
      values[i] = e[1]
      terms[e[1]] = e.term
      entry[e[1]] = e
    end
    S.values[name], S.terms[name], S.entry[name] = values, terms, entry
  end
  S.tables, S.by_name = {}, {}
  for ti, td in ipairs(d.tables) do
    local t = { name = td.name, key = td.key, indexes = td.indexes or {}, columns = {}, by_name = {} }
    for _, cd in ipairs(td.columns) do
      local expanded = {}
      if cd.each then
        for _, v in ipairs(S.values[cd.each]) do
          expanded[#expanded + 1] = { name = v, type = cd.type, of = cd.each }
        end
      else
        local c = copy(cd)
        c.name, c.type, c[1], c[2] = cd[1], cd[2], nil, nil
        expanded[1] = c
      end
      for _, c in ipairs(expanded) do
        t.columns[#t.columns + 1] = c
        t.by_name[c.name] = c
      end
    end
    -- the keys no two rows share: the primary key, then each unique column
    t.unique = { t.key }
    for _, c in ipairs(t.columns) do
      if c.unique then t.unique[#t.unique + 1] = { c.name } end
    end
    if td.order then
      local whens = {}
      for i, v in ipairs(S.values.level) do whens[i] = string.format("WHEN %s THEN %d", quote(v), i - 1) end
      t.order = td.order:format(table.concat(whens, " "))
    else
      local keys = {}
      for i, k in ipairs(t.key) do keys[i] = "t." .. k end
      t.order = table.concat(keys, ", ")
    end
    S.tables[ti] = t
    S.by_name[t.name] = t
  end

  -- The SQL that makes a new registry: every table, then every index.
  function S.ddl()
    local out = {}
    for _, t in ipairs(S.tables) do
      local defs = {}
      for i, c in ipairs(t.columns) do defs[i] = " " .. column_sql(S, t, c) end
      if #t.key > 1 then defs[#defs + 1] = " PRIMARY KEY (" .. table.concat(t.key, ", ") .. ")" end
      out[#out + 1] = string.format("CREATE TABLE %s(%s);", t.name, table.concat(defs, ","))
    end
    for _, t in ipairs(S.tables) do
      for _, ix in ipairs(t.indexes) do
        out[#out + 1] = string.format("CREATE INDEX %s ON %s(%s);", ix[1], t.name,
          table.concat(ix, ", ", 2))
      end
    end
    return table.concat(out)
  end

  -- The names of the tables, in order: a registry must have each.
  function S.table_names()
    local names = {}
    for i, t in ipairs(S.tables) do names[i] = t.name end
    return names
  end

  -- The unit kinds a unit of a level may be.
  function S.kinds_at(level)
    local out = {}
    for _, e in ipairs(d.enums.unit_kind) do
      for _, l in ipairs(e.levels) do
        if l == level then out[#out + 1] = e[1] end
      end
    end
    return out
  end

  S.build = M.build
  -- A copy of the declaration to change (a test's), for M.build.
  function S.copy_declaration() return copy(d) end
  return S
end

local S = M.build(M.declaration)
for k, v in pairs(S) do M[k] = v end

return M
