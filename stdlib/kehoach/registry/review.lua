-- review.lua — what `db import` says after the rows went in: the first rows as they are
-- stored (--preview), and for a review of a later year added to a registry, what changed
-- since the review before it: households reviewed again, new, gone, and whose status changed.
--
--   review.mark(db) -> marks: the last rowid of each table before the import
--   review.preview(db, marks, n) -> lines: the first n rows of each table added
--   review.changes(db, src, marks) -> lines, or nil when the import added no survey
--     after an earlier review
local util = require "kehoach.util"
local tables = require "kehoach.registry.tables"

local M = {}

function M.mark(db)
  local marks = {}
  for _, spec in ipairs(tables.list) do
    marks[spec.name] = db:value("SELECT coalesce(max(rowid), 0) FROM " .. spec.name)
  end
  return marks
end

-- A row as "column=value ..." with a household named by its code, NULL left out.
local function show_row(spec, row)
  local parts = {}
  for _, c in ipairs(spec.columns) do
    local v = c[2] == "household" and row.household_code or row[c[1]]
    if v ~= nil then parts[#parts + 1] = c[1] .. "=" .. tostring(v) end
  end
  return table.concat(parts, " ")
end

function M.preview(db, marks, n)
  local lines = {}
  for _, spec in ipairs(tables.list) do
    local has_household = false
    for _, c in ipairs(spec.columns) do
      if c[1] == "household" then has_household = true end
    end
    local sql = has_household
      and ("SELECT t.*, h.code AS household_code FROM %s t LEFT JOIN households h ON h.id = t.household "
        .. "WHERE t.rowid > ? ORDER BY t.rowid LIMIT ?")
      or "SELECT t.* FROM %s t WHERE t.rowid > ? ORDER BY t.rowid LIMIT ?"
    local added = db:value(string.format("SELECT count(*) FROM %s WHERE rowid > ?", spec.name), marks[spec.name])
    if added > 0 then
      lines[#lines + 1] = string.format("%s: %s row%s, the first as stored:", spec.name,
        util.group_digits(added), added == 1 and "" or "s")
      for row in db:rows(string.format(sql, spec.name), marks[spec.name], n) do
        lines[#lines + 1] = "  " .. show_row(spec, row)
      end
    end
  end
  return lines
end

local STATUS_WORDS = { poor = "poor", near_poor = "near-poor", middle = "middle", non_poor = "non-poor" }

function M.changes(db, src, marks)
  local year = db:value("SELECT max(year) FROM surveys WHERE rowid > ?", marks.surveys)
  if not year then return nil end
  local prev = db:value("SELECT max(year) FROM surveys WHERE year < ? AND rowid <= ?", year, marks.surveys)
  if not prev then return nil end
  local lines = {}
  local again = db:value("SELECT count(*) FROM surveys n JOIN surveys p ON p.household = n.household "
    .. "AND p.year = ? WHERE n.year = ? AND n.rowid > ?", prev, year, marks.surveys)
  -- gone: reviewed before in a commune this review covers, not reviewed now
  local GONE = "FROM surveys p JOIN households h ON h.id = p.household WHERE p.year = ?1 AND h.unit IN "
    .. "(SELECT DISTINCT u.unit FROM surveys n JOIN households u ON u.id = n.household WHERE n.year = ?2 "
    .. "AND n.rowid > ?3) AND NOT EXISTS (SELECT 1 FROM surveys n WHERE n.household = p.household AND n.year = ?2)"
  local gone = db:value("SELECT count(*) " .. GONE, prev, year, marks.surveys)
  lines[#lines + 1] = string.format("review of %d against the review of %d: %s households reviewed "
    .. "again, %s new, %s gone (reviewed in %d in the same communes, not in %d)", year, prev, util.group_digits(again),
    util.group_digits(src.new), util.group_digits(gone), prev, year)
  if gone > 0 then
    local codes = {}
    for row in db:rows("SELECT h.code " .. GONE .. " ORDER BY h.code LIMIT 10", prev, year, marks.surveys) do
      codes[#codes + 1] = row.code
    end
    lines[#lines + 1] = string.format("  gone: %s%s", table.concat(codes, ", "), gone > #codes and ", ..." or "")
  end
  local changed = {}
  for row in db:rows("SELECT coalesce(p.status, '') AS was, coalesce(n.status, '') AS now, count(*) AS n "
    .. "FROM surveys n JOIN surveys p ON p.household = n.household AND p.year = ? WHERE n.year = ? "
    .. "AND n.rowid > ? AND coalesce(p.status, '') <> coalesce(n.status, '') GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2",
    prev, year, marks.surveys) do
    changed[#changed + 1] = string.format("%s → %s %s", STATUS_WORDS[row.was] or "none",
      STATUS_WORDS[row.now] or "none", util.group_digits(row.n))
  end
  lines[#lines + 1] = #changed == 0 and "  status changed: none"
    or ("  status changed: " .. table.concat(changed, ", "))
  return lines
end

return M
