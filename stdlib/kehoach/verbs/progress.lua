-- progress.lua — `kehoach progress PLAN --as-of DATE [--db FILE] [--out DIR]`: how the
-- plan stands on DATE from the registry's events since 1 January of the plan's year:
-- escapes by commune and quarter against the targets, new and returning poor households,
-- the poor households now, each programme in its schedule, the next report due. Prints a
-- summary and writes out/<plan-id>/[<variant>/]: progress.md (the figures, for the office),
-- progress.html and progress.docx (the báo cáo to send: the plan's letterhead, BÁO CÁO and
-- its title, the results, Nơi nhận and the signature) and progress.xlsx (the review's
-- result by commune). The plan is evaluated in memory (the results database is not
-- touched), so that the programmes' households are those `kehoach run` chooses.
local plan = require "kehoach.plan"
local words = require "kehoach.render.messages"
local values = require "kehoach.plan.values"
local progress = require "kehoach.progress"
local render = require "kehoach.render.progress"
local plandoc = require "kehoach.render.plandoc"
local docx = require "kehoach.render.docx"
local workbook = require "kehoach.render.workbook"
local vn = require "kehoach.render.vn"
local pipeline = require "kehoach.pipeline"
local bar = require "kehoach.render.bar"
local json = require "kehoach.json"
local util = require "kehoach.util"

local host, fs = core.host, core.fs

local M = {}

-- The progress of the plan at path on the date as_of (ISO text). opts: db, set,
-- scenario, budget. Returns the progress table, the summary and the plan; or nil, the
-- messages and the plan when the plan has errors.
function M.compute(path, as_of_text, opts)
  local as_of, why = values.date(as_of_text)
  if not as_of then util.fail("usage", "kehoach progress: --as-of must be %s", why) end
  local r, pr = pipeline.run(path, { db = opts.db, set = opts.set, scenario = opts.scenario, budget = opts.budget,
    standard = opts.standard, progress = opts.progress,
    finish = function(r)
      local p = r.plan
      if as_of.year < p.year then
        util.fail("usage", "kehoach progress: --as-of %s is before the plan's year %d begins", as_of.text, p.year)
      end
      return progress.compute(r.db, p, r.summary, r.result.units, as_of)
    end })
  if r.errors then return nil, r.messages, r.plan end
  return pr, r.summary, r.plan, r.messages
end

-- Writes progress.md, progress.html, progress.docx and progress.xlsx into out/<plan-id>/
-- [<variant>/], each to a temporary file first, all moved into place once all are
-- complete. Returns their paths.
function M.write(pr, s, p, out)
  local dir = (out or "out") .. "/" .. p.id .. (p.variant and ("/" .. p.variant) or "")
  fs.mkdir(dir)
  local report = render.report(pr, s, p)
  local title = "Báo cáo " .. vn.lower_first(render.title(pr, s))
  local files = {
    { dir .. "/progress.md", render.markdown(pr, s) },
    { dir .. "/progress.html", plandoc.html(report, title) },
    { dir .. "/progress.docx", docx.document(report, { title = title }) },
  }
  local writers = {}
  local ok, err = pcall(function()
    for i, f in ipairs(files) do
      writers[i] = fs.open(f[1])
      writers[i]:write(f[2])
    end
    writers[#writers + 1] = workbook.review(dir .. "/progress.xlsx", s,
      string.format("Kết quả rà soát hộ nghèo, hộ cận nghèo năm %d theo %s", pr.review.year, vn.children(s.plan)),
      string.format("%s. Thoát nghèo, nghèo mới, tái nghèo: từ ngày %s đến ngày %s, theo sự kiện ghi trong sổ hộ.",
        vn.unit(s.plan), vn.date(pr.from), vn.date(pr.as_of)), render.REVIEW_COLUMNS, render.review_rows(pr, s))
  end)
  if not ok then
    for _, w in ipairs(writers) do w:abort() end
    error(err, 0)
  end
  local paths = {}
  for i, w in ipairs(writers) do
    w:commit()
    paths[i] = i <= #files and files[i][1] or (dir .. "/progress.xlsx")
  end
  return paths
end

local function execute(opts, args)
  if not opts.as_of then util.fail("usage", "kehoach progress: --as-of DATE is required (see kehoach progress --help)") end
  local b <close> = bar.new("kehoach progress", { quiet = opts.quiet or opts.json })
  opts.progress = function(done, total, what) b:update(done, total, what) end
  local pr, s, p = M.compute(args[1], opts.as_of, opts)
  b:finish()
  if not pr then
    words.write_errors(s)
    host.ewrite(args[1], ": the plan has errors; nothing was written\n")
    return 1
  end
  local paths = M.write(pr, s, p, opts.out)
  if opts.json then
    host.write(json.encode(pr, "  "), "\n")
  elseif not opts.quiet then
    for _, line in ipairs(plan.describe_parameters(p)) do host.ewrite(line, "\n") end
    host.write(render.terminal(pr, s))
    if pr.events_until and pr.events_until < pr.as_of then
      host.ewrite(string.format("note: the registry records events up to %s only\n", pr.events_until))
    end
    host.ewrite("written: ", table.concat(paths, ", "), "\n")
  end
  return 0
end

M.usage = "kehoach progress PLAN --as-of DATE [--db FILE] [--out DIR] [--set PATH=VALUE]... [--scenario NAME] [--budget MODE] [--quiet] [--json]"
M.about = "Reports how the plan stands on DATE (YYYY-MM-DD) from the registry's events since 1\n" ..
  "January of the plan's year (escaped, fell_into, re_poor, moved, dissolved): escapes by\n" ..
  "commune and quarter against the targets, new and returning poor households, the poor\n" ..
  "households now, each programme in its schedule, and the next report due. Writes\n" ..
  "out/<plan-id>/progress.md (the figures), progress.html and progress.docx (the six-month or\n" ..
  "annual report to send, under the plan's letterhead) and progress.xlsx (the review's result\n" ..
  "by commune). The results database is not touched."
M.args = { "PLAN" }
M.options = {
  { "as-of", "DATE", "the day the report is made on (YYYY-MM-DD)" },
  { "db", "FILE", "the household registry (default " .. pipeline.DEFAULT_REGISTRY .. ")" },
  { "out", "DIR", "where progress.md goes: DIR/<plan-id>/ (default out/)" },
  { "quiet", nil, "print nothing but errors" },
  { "json", nil, "print the figures as JSON on stdout" },
}
for _, o in ipairs(plan.OPTIONS) do M.options[#M.options + 1] = o end
M.run = execute

return M
