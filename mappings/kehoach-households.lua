-- kehoach-households.lua — households.csv as `kehoach db export` writes it (the schema's
-- column names as the header), read as a household list: the households, matched by code
-- with those in the registry (the ones there already are left as they are). The mapping to
-- start from for a list in another program's layout: change the header texts.
--
--   kehoach db import households.csv --map mappings/kehoach-households.lua --preview
return {
  about = "households.csv as kehoach db export writes it",
  header_row = 1,
  header = 1,
  columns = {
    code = "code",
    commune = "unit",
    village = "village",
    head = "head",
    ethnic_minority = "ethnic_minority",
  },
  yes = { "1" },
  no = { "0" },
}
