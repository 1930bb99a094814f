-- db_check.lua — `kehoach db check`: every household whose recorded status is not the one
-- the standard computes (or who is recorded unable to escape poverty without being poor),
-- by household code, with the reason. Exit 0 when there is none, 3 (a data problem)
-- otherwise.
local util = require "kehoach.util"
local classify = require "kehoach.registry.classify"

local host = core.host

local function run(opts)
  local db <close>, year, std, path = classify.open(opts, true)
  -- "+c.code": the few households found are sorted; ordered by the index of codes, SQLite
  -- would read every household and its review in code order, one page here, one there
  local sql = string.format([[SELECT c.*, u.name AS commune FROM (%s) c JOIN units u ON u.code = c.unit
    WHERE c.recorded IS NOT c.status OR (c.unable_to_escape = 1 AND c.recorded IS NOT 'poor')
    ORDER BY +c.code]], classify.sql(std))
  local found = 0
  for row in db:rows(sql, { year = year }) do
    found = found + 1
    local status, _, why = std.explain(row.income, row.urban, row.deprivations)
    local line
    if row.recorded ~= status then
      line = string.format("%s (%s): recorded %s, but %s gives %s: %s", row.code, row.commune,
        row.recorded or "no status", std.name, status, why)
    else
      line = string.format("%s (%s): recorded unable to escape poverty, but %s, not poor: %s",
        row.code, row.commune, row.recorded, why)
    end
    host.write(line, "\n")
  end
  local households = db:value("SELECT count(*) FROM surveys WHERE year = ?", year)
  if found > 0 then
    util.fail("data", "%s: %s of %s households in the review of %d do not agree with %s",
      path, util.group_digits(found), util.group_digits(households), year, std.name)
  end
  host.ewrite(string.format("%s: the recorded status of all %s households in the review of %d "
    .. "is the one %s gives\n", path, util.group_digits(households), year, std.name))
  return 0
end

return {
  usage = "kehoach db check [--db FILE] [--standard S] [--year Y]",
  about = "Lists every household whose recorded status differs from the one the poverty standard\n"
    .. "computes from its income and deprivations, by household code, with the reason; and\n"
    .. "those recorded unable to escape poverty who are not poor. Exits 0 when there is none,\n"
    .. "3 otherwise. A change to the registry that was interrupted (a FILE-journal left beside\n"
    .. "it) is undone first.",
  args = {},
  options = classify.OPTIONS,
  run = run,
}
