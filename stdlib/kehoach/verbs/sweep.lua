-- sweep.lua — `kehoach sweep PLAN --vary PATH=FROM:TO:STEP`: the plan evaluated for each
-- value of one path (see kehoach.sweep), one row per value: cost, each source's gap,
-- households reached, projected escapes, poor households and rate at year end, and how
-- far each target falls short. Prints the table and writes sweep.csv and sweep.svg (two
-- line charts: cost and gaps; poor households and shortfalls) into out/<plan-id>/ (or the
-- scenario's folder), both or neither. The results database is not touched.
local plan = require "kehoach.plan"
local words = require "kehoach.render.messages"
local sweep = require "kehoach.sweep"
local svg = require "kehoach.render.svg"
local tbl = require "kehoach.render.table"
local util = require "kehoach.util"
local json = require "kehoach.json"
local pipeline = require "kehoach.pipeline"

local host, fs, csv = core.host, core.fs, core.csv

local M = {}

local group = util.group_digits

-- The varied value as people read it.
local function show(sw, v)
  if sw.kind == "money" or sw.kind == "count" then return group(v) end
  return (tostring(v):gsub("%.", ","))
end

local function terminal(sw, rows)
  local gaps = {}
  for _, s in ipairs(sw.sources) do
    for _, r in ipairs(rows) do
      if r.gap[s.id] > 0 then gaps[#gaps + 1] = s break end
    end
  end
  local columns = { { sw.path, align = "right" }, { "Kinh phí (đồng)", align = "right" } }
  for _, s in ipairs(gaps) do columns[#columns + 1] = { "Thiếu: " .. s.label, align = "right" } end
  columns[#columns + 1] = { "Hộ nhận kinh phí", align = "right" }
  if sw.projects then
    columns[#columns + 1] = { "Thoát nghèo", align = "right" }
    columns[#columns + 1] = { "Hộ nghèo cuối năm", align = "right" }
    columns[#columns + 1] = { "Tỷ lệ (%)", align = "right" }
    for _, g in ipairs(sw.targets) do columns[#columns + 1] = { "Thiếu so với " .. g.id, align = "right" } end
  end
  local out = {}
  for _, r in ipairs(rows) do
    local cells = { show(sw, r.value), group(r.cost) }
    for _, s in ipairs(gaps) do cells[#cells + 1] = group(r.gap[s.id]) end
    cells[#cells + 1] = group(r.households)
    if sw.projects then
      cells[#cells + 1] = group(r.escapes)
      cells[#cells + 1] = group(r.poor)
      cells[#cells + 1] = (string.format("%.2f", r.rate):gsub("%.", ","))
      for _, g in ipairs(sw.targets) do cells[#cells + 1] = group(r.short[g.id]) end
    end
    out[#out + 1] = cells
  end
  return tbl.terminal(columns, out)
end

-- What --json prints: the varied path and its range, how often each stage was done, and
-- the rows (sweep.csv's figures, gaps and shortfalls keyed by source and target).
local function document(sw, rows)
  local out = json.array()
  for i, r in ipairs(rows) do
    out[i] = { value = r.value, cost = r.cost, need = r.need, households = r.households, persons = r.persons,
      gap = r.gap, escapes = r.escapes, poor = r.poor, rate = r.rate, short = sw.projects and r.short or nil,
      warnings = r.warnings }
  end
  return { plan = sw.plan, path = sw.path, from = sw.from, to = sw.to, step = sw.step,
    sources = json.array(sw.sources), targets = json.array(sw.targets), stages = sw.stages, rows = out }
end

local function times(n)
  return n == 1 and "1 time" or (n .. " times")
end

-- Two line charts in one SVG document, one above the other; the x axis is the varied
-- value, titled with what it is (kehoach.sweep.axis).
local function chart(sw, rows)
  local steps = {}
  for i, r in ipairs(rows) do steps[i] = show(sw, r.value) end
  local function values(get)
    local out = {}
    for i, r in ipairs(rows) do out[i] = get(r) end
    return out
  end
  local millions = function(v) return group(math.floor(v / 1e6 + 0.5)) end
  local money = { { label = "Kinh phí", values = values(function(r) return r.cost end) } }
  for _, s in ipairs(sw.sources) do
    local any = false
    for _, r in ipairs(rows) do any = any or r.gap[s.id] > 0 end
    if any then money[#money + 1] = { label = "Thiếu: " .. s.label, values = values(function(r) return r.gap[s.id] end) } end
  end
  local charts = { svg.lines({ id = "sweep-cost", title = "Kinh phí và phần thiếu theo nguồn (triệu đồng) theo " .. sw.path,
    desc = string.format("Mỗi giá trị của %s từ %s đến %s: tổng kinh phí và phần nguồn kinh phí còn thiếu.", sw.path,
      steps[1], steps[#steps]),
    steps = steps, series = money, format = millions, unit = "triệu đồng",
    x_title = sw.axis or sw.path, y_title = "Triệu đồng" }) }
  if sw.projects then
    local people = { { label = "Hộ nghèo cuối năm", values = values(function(r) return r.poor end) },
      { label = "Hộ thoát nghèo", values = values(function(r) return r.escapes end) } }
    for _, g in ipairs(sw.targets) do
      people[#people + 1] = { label = "Còn thiếu so với " .. g.id, values = values(function(r) return r.short[g.id] end) }
    end
    charts[2] = svg.lines({ id = "sweep-poor", title = "Dự báo hộ nghèo và chỉ tiêu theo " .. sw.path,
      desc = string.format("Mỗi giá trị của %s: hộ nghèo cuối năm, hộ thoát nghèo và số hộ còn thiếu so với chỉ tiêu.",
        sw.path), steps = steps, series = people, unit = "hộ", x_title = sw.axis or sw.path, y_title = "Số hộ" })
  end
  local height = 0
  local parts = {}
  for _, c in ipairs(charts) do
    local h = tonumber(c:match('height="([%d.]+)"'))
    local title = c:match("<title[^>]*>(.-)</title>")
    parts[#parts + 1] = string.format("<text x=\"8\" y=\"%d\" font-family=\"sans-serif\" font-size=\"14\" " ..
      "font-weight=\"bold\">%s</text>\n<g transform=\"translate(0,%d)\">\n%s</g>\n", height + 18, title, height + 26, c)
    height = height + h + 40
  end
  local width = charts[1]:match('width="([%d.]+)"')
  return string.format("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %s %d\" width=\"%s\" height=\"%d\">\n%s</svg>\n",
    width, height, width, height, table.concat(parts))
end

function M.execute(path, opts)
  local rows, sw, p = sweep.run(path, opts)
  if not rows then
    local value, messages = sw, p
    words.write_errors(messages)
    host.ewrite(string.format("%s: the plan has errors with %s = %s; nothing was written\n", path,
      opts.vary:match("^[^=]*"), tostring(value)))
    return 1
  end
  host.budget()
  local dir = (opts.out or "out") .. "/" .. sw.plan.id .. (p.variant and ("/" .. p.variant) or "")
  fs.mkdir(dir)
  local w_csv, w_svg = fs.open(dir .. "/sweep.csv"), fs.open(dir .. "/sweep.svg")
  w_csv:write(csv.encode(sweep.columns(sw)), "\n")
  for _, r in ipairs(rows) do w_csv:write(csv.encode(sweep.fields(sw, r)), "\n") end
  w_svg:write(chart(sw, rows))
  w_csv:commit()
  w_svg:commit()
  return 0, rows, sw, dir
end

M.usage = "kehoach sweep PLAN --vary PATH=FROM:TO:STEP [--set PATH=VALUE]... [--scenario NAME] [--budget MODE] [--db FILE] [--out DIR] [--quiet] [--json]"
M.about = "Evaluates the plan for each value of one path, from FROM to TO by STEP (read as the path's\n" ..
  "kind: tro_cap.amount=250000:400000:10000, vay_von.quota.COMMUNE=39:46:1), and prints one\n" ..
  "row per value: cost, each source's gap, households reached, projected escapes, poor households\n" ..
  "and rate at year end, and how far each target falls short. What the value cannot change is\n" ..
  "computed once: the selection always; the allocation (who is chosen) unless a quota is varied;\n" ..
  "the projection when only amounts or budget lines change under --budget gap. The last line\n" ..
  "says how often each was done (--json: \"stages\", whose keys prepare, choose, price and\n" ..
  "project are the selection, allocation, pricing and projection). Writes sweep.csv and\n" ..
  "sweep.svg into out/<plan-id>/; the results database is not touched."
M.args = { "PLAN" }
M.options = {
  { "vary", "PATH=FROM:TO:STEP", "the value to vary, and its range" },
  { "db", "FILE", "the household registry (default " .. pipeline.DEFAULT_REGISTRY .. ")" },
  { "out", "DIR", "where sweep.csv and sweep.svg go: DIR/<plan-id>/ (default out/)" },
  { "quiet", nil, "print nothing but errors" },
  { "json", nil, "print the rows, and how often each stage was done, as JSON on stdout" },
}
for _, o in ipairs(plan.OPTIONS) do M.options[#M.options + 1] = o end

function M.run(opts, args)
  if not opts.vary then
    require("kehoach.util").fail("usage", "kehoach sweep: give --vary PATH=FROM:TO:STEP (see kehoach sweep --help)")
  end
  local code, rows, sw, dir = M.execute(args[1], opts)
  if code ~= 0 then return code end
  if opts.json then
    host.write(json.encode(document(sw, rows), "  "), "\n")
  elseif not opts.quiet then
    host.write(terminal(sw, rows))
  end
  if not opts.quiet then
    host.ewrite(string.format("%d values; selection %s, allocation %s, pricing %s, projection %s\n", #rows,
      times(sw.stages.prepare), times(sw.stages.choose), times(sw.stages.price), times(sw.stages.project)))
  end
  if not opts.json and not opts.quiet then host.ewrite(string.format("written: %s/sweep.csv, sweep.svg\n", dir)) end
  return 0
end

return M
