-- documents.lua — the documents `kehoach run` writes beside summary.json, allocations.csv
-- and report.md, from the run's summary: report.html (the dashboard). Each is written to
-- a temporary file; the run commits them all once its transaction has committed, or
-- none.
--
--   M.open(dir, s, db, run) -> { {name = "report.html", writer = w}, ... }
--     dir: the output folder; s: the summary; db, run: the results database and the
--     run's id (for the beneficiary lists). Each writer has :commit() and :abort().
local dashboard = require "kehoach.render.dashboard"

local fs = core.fs

local M = {}

M.NAMES = { "report.html" }

function M.open(dir, s, db, run)
  local html = fs.open(dir .. "/report.html")
  html:write(dashboard.html(s))
  return { { name = "report.html", writer = html } }
end

return M
