-- documents.lua — the documents `kehoach run` writes beside summary.json, allocations.csv
-- and report.md, from the run's summary: report.html (the dashboard), report.xlsx (the
-- workbook, with each programme's beneficiary list from the results database) and
-- calendar.ics (reports due, programmes' delivery windows). Each is
-- written to a temporary file; the run commits them all once its transaction has
-- committed, or none.
--
--   M.open(dir, s, db, run) -> { {name = "report.html", writer = w}, ... }
--     dir: the output folder; s: the summary; db, run: the results database and the
--     run's id (for the beneficiary lists). Each writer has :commit() and :abort().
local dashboard = require "kehoach.render.dashboard"
local workbook = require "kehoach.render.workbook"
local calendar = require "kehoach.render.calendar"

local fs = core.fs

local M = {}

M.NAMES = { "report.html", "report.xlsx", "calendar.ics" }

function M.open(dir, s, db, run)
  local html = fs.open(dir .. "/report.html")
  html:write(dashboard.html(s))
  local ics = fs.open(dir .. "/calendar.ics")
  ics:write(calendar.ics(s))
  local ok, xlsx = pcall(workbook.open, dir .. "/report.xlsx", s, db, run)
  if not ok then
    html:abort()
    ics:abort()
    error(xlsx, 0)
  end
  return { { name = "report.html", writer = html }, { name = "report.xlsx", writer = xlsx },
    { name = "calendar.ics", writer = ics } }
end

return M
