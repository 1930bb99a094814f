-- tables.lua — the registry's tables (schema v1, docs/registry.md) as the CSV files that carry
-- them: which columns, of what type, what each must hold, and in what order tables load
-- (parents first). Import checks against it, export writes by it.
--
-- A table: { name, unique = { {columns}... } (each must not repeat), order = export order
-- (an ORDER BY on the table as t), columns }. A column: { name, type, required = bool, default = value, values = {...}, min =, max =,
-- expected = "words for an error message" }. Types:
--   text      any UTF-8 text, stored NFC; empty is NULL
--   integer   a whole number (min/max)
--   flag      0 or 1
--   enum      one of values (after NFC); aliases maps other spellings to a value
--   money     whole VND ≥ 0; "700.000" or "700 000" (grouped by thousands) are read too
--   date      YYYY-MM-DD, a real day
--   unit      a unit's code; for households.unit also a commune's name (matched the
--             Vietnamese way: "Hoà Bình" finds "Hòa Bình")
--   standard  the name of a poverty standard (vn-2016, vn-2022)
--   meta_key  a key of meta: any text, but standard.* must be standard.YEAR
--   meta_value text; for the keys kehoach reads (M.META) what M.META says; never empty
--   household a household's code. A row names its household by code, never by id: codes
--             are what households.csv must give (ids may be left to SQLite), and a code
--             that looks like a number ("17") would otherwise be read as another
--             household's id. Export writes codes too.
local M = {}

local INDICATORS = { "d_employment", "d_dependants", "d_nutrition", "d_health_access",
  "d_health_insurance", "d_adult_education", "d_child_schooling", "d_housing_quality",
  "d_housing_area", "d_water", "d_latrine", "d_telecom", "d_information" }
M.INDICATORS = INDICATORS

local function flag(name, default, required)
  return { name, "flag", default = default, required = required }
end

local survey_columns = {
  { "household", "household", required = true },
  { "year", "integer", required = true, min = 1900, max = 2200 },
  { "income", "money", required = true, expected = "income in VND per person per month, a whole number" },
}
for _, col in ipairs(INDICATORS) do survey_columns[#survey_columns + 1] = flag(col) end
survey_columns[#survey_columns + 1] = { "status", "enum", values = { "poor", "near_poor", "middle", "non_poor" } }
survey_columns[#survey_columns + 1] = flag("unable_to_escape", 0)

M.list = {
  { name = "units", unique = { { "code" } }, order = "CASE t.level WHEN 'country' THEN 0 WHEN 'province' THEN 1 WHEN 'district' THEN 2 ELSE 3 END, t.code",
    columns = {
      { "code", "text", required = true },
      { "name", "text", required = true },
      { "level", "enum", required = true, values = { "country", "province", "district", "commune" } },
      { "kind", "enum", values = { "tỉnh", "thành phố", "huyện", "thị xã", "xã", "phường", "thị trấn" } },
      { "parent", "unit" },
      flag("urban", nil, true),
      flag("difficult", 0),
    } },
  { name = "households", unique = { { "id" }, { "code" } }, order = "t.id",
    columns = {
      { "id", "integer", min = 1 },
      { "code", "text", required = true },
      { "unit", "unit", required = true },
      { "village", "text" },
      { "head", "text" },
      flag("ethnic_minority", 0),
    } },
  { name = "persons", unique = { { "id" } }, order = "t.id",
    columns = {
      { "id", "integer", min = 1 },
      { "household", "household", required = true },
      { "name", "text" },
      { "sex", "enum", values = { "M", "F" }, aliases = { Nam = "M", ["Nữ"] = "F", m = "M", f = "F" } },
      { "birth_year", "integer", min = 1850, max = 2200 },
      { "relation", "text" },
      flag("can_work", 1),
      { "disability", "integer", min = 0, max = 3, default = 0 },
      flag("chronic_illness", 0),
      flag("health_insurance", 0),
      flag("in_school", 0),
    } },
  { name = "surveys", unique = { { "household", "year" } }, order = "t.household, t.year", columns = survey_columns },
  { name = "needs", unique = { { "household", "year", "kind" } }, order = "t.household, t.year, t.kind",
    columns = {
      { "household", "household", required = true },
      { "year", "integer", required = true, min = 1900, max = 2200 },
      { "kind", "enum", required = true,
        values = { "credit", "livestock", "training", "housing", "employment", "education" } },
    } },
  { name = "events", unique = { { "id" } }, order = "t.id",
    columns = {
      { "id", "integer", min = 1 },
      { "household", "household", required = true },
      { "date", "date", required = true },
      { "kind", "enum", required = true, values = { "escaped", "fell_into", "re_poor", "moved", "dissolved" } },
      { "note", "text" },
    } },
}

-- meta holds what the registry says about itself, one value per key: how it was made
-- (generated_by, profile, seed, households), the review it was made from (survey_year,
-- standard) and, for each review, the standard it was recorded under (standard.2021 =
-- vn-2022: db stats and db check read that review under it), and how far its events go
-- (events_until: progress reads it). Import checks the value of the keys kehoach reads, as
-- below, and keeps any other key as it is: a note of another tool, or of a later kehoach.
-- Every key needs a value: an empty one (stored NULL) would say nothing, and for a key
-- kehoach reads it would contradict the rule (standard.2021 names a standard).
M.META = {
  { "^standard$", { "value", "standard" } },
  { "^standard%.%d%d%d%d$", { "value", "standard" } },
  { "^survey_year$", { "value", "integer", min = 1900, max = 2200 } },
  { "^events_until$", { "value", "date" } },
  { "^seed$", { "value", "integer" } },
  { "^households$", { "value", "integer", min = 0 } },
}
M.list[#M.list + 1] = { name = "meta", unique = { { "key" } }, order = "t.key",
  columns = { { "key", "meta_key", required = true }, { "value", "meta_value", required = true } } }

-- What the value of a meta key must be (a column), or nil for a key kehoach does not read.
function M.meta_rule(key)
  for _, rule in ipairs(M.META) do
    if key:match(rule[1]) then return rule[2] end
  end
  return nil
end

M.by_name = {}
for _, t in ipairs(M.list) do M.by_name[t.name] = t end

function M.names()
  local names = {}
  for i, t in ipairs(M.list) do names[i] = t.name end
  return names
end

-- The column names of a table, in schema order.
function M.column_names(t)
  local names = {}
  for i, c in ipairs(t.columns) do names[i] = c[1] end
  return names
end

return M
