-- tables.lua — the registry's tables (schema v1, docs/registry.md) as the CSV files that carry
-- them: which columns, of what type, what each must hold, and in what order tables load
-- (parents first). Import checks against it, export writes by it.
--
-- Derived from the schema's one declaration (kehoach.registry.schema): M.from(schema)
-- makes this module's tables from a schema, and the module is the one of the registry's.
--
-- A table: { name, unique = { {columns}... } (each must not repeat), order = export order
-- (an ORDER BY on the table as t), columns }. A column: { name, type, required = bool,
-- default = value, values = {...}, aliases =, min =, max =, expected = "words for an error
-- message" }. Types (the schema's, as CSV files give them):
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
local schema = require "kehoach.registry.schema"

local M = {}

-- The CSV tables of a schema (kehoach.registry.schema, or one it builds), in load order.
function M.from(s)
  local list = {}
  for i, t in ipairs(s.tables) do
    local columns = {}
    for j, c in ipairs(t.columns) do
      local col = { c.name, c.type, required = c.required, default = c.default, min = c.min,
        max = c.max, expected = c.expected }
      if c.type == "enum" then
        col.values = s.values[c.enum]
        for _, e in ipairs(s.enums[c.enum]) do
          for _, other in ipairs(e.also or {}) do
            col.aliases = col.aliases or {}
            col.aliases[other] = e[1]
          end
        end
      end
      columns[j] = col
    end
    list[i] = { name = t.name, unique = t.unique, order = t.order, columns = columns }
  end
  return list
end

M.list = M.from(schema)

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

-- What the value of a meta key must be (a column), or nil for a key kehoach does not read.
function M.meta_rule(key)
  for _, rule in ipairs(M.META) do
    if key:match(rule[1]) then return rule[2] end
  end
  return nil
end

M.by_name = {}
for _, t in ipairs(M.list) do M.by_name[t.name] = t end

M.names = schema.table_names

-- The column names of a table (one of M.list), in schema order.
function M.column_names(t)
  local names = {}
  for i, c in ipairs(t.columns) do names[i] = c[1] end
  return names
end

return M
