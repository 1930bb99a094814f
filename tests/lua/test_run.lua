-- test_run.lua — `kehoach run` end to end on the fixture registry: what lands in
-- summary.json, allocations.csv, report.md and the results database, and that a plan with
-- errors writes none of it.
local t = ...
local fx = core.host.loadfile("tests/lua/fixture.lua", "tests/lua/fixture.lua", _ENV)()
local run = require "kehoach.verbs.run"
local json = require "kehoach.json"

local fs, store = core.fs, core.store

local T = {}

local PLAN = fx.HEADER .. [[
target "giam" { households = 3, rate_points = 20, by_commune = { ["An Lạc"] = 2, ["Hoà Bình"] = 1 },
  Q2 = { ["An Lạc"] = 1 }, Q4 = { ["An Lạc"] = 1, ["Hòa Bình"] = 1 } }
source "city" { label = "Ngân sách thành phố" }
source "loans" { label = "Nguồn vốn vay tín dụng", loan = true }
support "tro_cap" { label = "Trợ cấp hộ nghèo không có khả năng thoát nghèo",
  who = { status = "poor", unable_to_escape = true }, households = 4, persons = 7,
  amount = per_person_month(250000), months = "01-12", source = "city", by = "xa" }
support "vay_von" { label = "Vay vốn", who = { status = "poor", need = "credit" },
  quota = { ["An Lạc"] = 2, ["Bình Minh"] = 1 }, households = 3,
  amount = per_household(million(50)), quarters = "Q1-Q2", source = "loans", by = "xa" }
budget { total = million(171), city = million(21), loans = million(150) }
report "sau_thang" { label = "Báo cáo 6 tháng", due = "2021-06-05", covers = "01-06", to = "xa" }
agency "xa" { name = "Ủy ban nhân dân các xã, phường", "Chi trả trợ cấp." }
]]

local function fresh(name)
  local dir = fx.DIR .. "/" .. name
  for _, f in ipairs({ "results.db", "results.db-wal", "results.db-shm", "mau-2021/summary.json",
      "mau-2021/allocations.csv", "mau-2021/report.md" }) do
    fs.remove(dir .. "/" .. f)
  end
  fs.mkdir(dir)
  return dir
end

local function execute(source, name)
  local dir = fresh(name)
  local path = fx.plan_file(name, source)
  local code, s = run.execute(path, { db = fx.registry(), out = dir, results = dir .. "/results.db" })
  return code, s, dir
end

function T.test_the_results_database_follows_the_out_folder_unless_named()
  local dir = fresh("run_results_default")
  local path = fx.plan_file("run_results_default", PLAN)
  t.eq(run.execute(path, { db = fx.registry(), out = dir .. "/", quiet = true }), 0)
  local db = store.open(dir .. "/results.db")
  t.eq(db:value("SELECT count(*) FROM runs"), 1, "--out DIR alone: DIR/results.db")
  db:close()
  t.eq(run.results_file({}), "out/results.db")
  t.eq(run.results_file({ out = "/tmp/x//" }), "/tmp/x/results.db")
  t.eq(run.results_file({ out = "/", results = "r.db" }), "r.db")
end

function T.test_summary_json_holds_the_figures_by_commune_with_registry_spelling()
  local code, _, dir = execute(PLAN, "run_summary")
  t.eq(code, 0)
  local s = json.decode(fs.read(dir .. "/mau-2021/summary.json"))
  t.eq(s.plan.unit, "Thành phố Mẫu")
  t.eq(s.targets[1].by_commune, { ["An Lạc"] = 2, ["Hòa Bình"] = 1 })
  t.eq(s.targets[1].by_quarter, { Q2 = 1, Q4 = 2 })
  t.eq(s.targets[1].rate_computed, 20)
  local tro_cap, vay_von = s.programmes[1], s.programmes[2]
  t.eq({ tro_cap.id, tro_cap.households, tro_cap.persons, tro_cap.cost }, { "tro_cap", 4, 7, 21000000 })
  t.eq(tro_cap.by_commune["Bình Minh"], { households = 1, persons = 3, units = 0, cost = 9000000, need = 9000000,
    waitlisted = 0, unfunded = 0 })
  t.eq({ vay_von.households, vay_von.waitlisted, vay_von.cost }, { 3, 2, 150000000 })
  t.eq(s.budget.total_declared, 171000000)
  t.eq(s.budget.total_computed, 171000000)
  t.eq(s.budget.sources[2], { id = "loans", label = "Nguồn vốn vay tín dụng", loan = true,
    declared = 150000000, computed = 150000000, spent = 150000000, gap = 0, surplus = 0, unfunded = 0 })
  t.eq(s.reports[1], { id = "sau_thang", label = "Báo cáo 6 tháng", due = "2021-06-05", covers = "01-06",
    to = "Ủy ban nhân dân các xã, phường", line = 13 })
  t.eq(s.checks, {})
end

function T.test_allocations_csv_lists_chosen_and_waitlisted_with_rank_and_amount()
  local _, _, dir = execute(PLAN, "run_csv")
  -- UTF-8 with a byte-order mark, so that Excel on Windows shows "Lò Văn Một", not
  -- "LÃ² VÄƒn Má»™t"; the CSV reader (db import's) skips it: the first column is "programme"
  t.eq(fs.read(dir .. "/mau-2021/allocations.csv"):sub(1, 13), "\239\187\191programme,")
  local rows = {}
  for fields in core.csv.open(dir .. "/mau-2021/allocations.csv"):rows() do rows[#rows + 1] = table.concat(fields, "|") end
  t.eq(rows[1], "programme|commune|household|head|persons|rank|status|units|amount|source|period")
  t.eq(#rows, 1 + 4 + 5)
  t.eq(rows[2], "tro_cap|An Lạc|A01|Lò Văn Một|2|1|chosen||6000000|city|01-12")
  t.eq(rows[6], "vay_von|An Lạc|A03|Vàng A Ba|4|1|chosen||50000000|loans|Q1-Q2")
  t.eq(rows[8], "vay_von|An Lạc|A08|Lò Văn Tám|2|3|waitlisted||0|loans|Q1-Q2")
  t.eq(rows[10], "vay_von|Bình Minh|B04|Lê Thị Bốn|2|1|chosen||50000000|loans|Q1-Q2")
end

function T.test_the_run_is_recorded_with_its_figures_and_the_registry_is_untouched()
  local reg = fx.registry()
  local before = fs.sha256(reg)
  local _, _, dir = execute(PLAN, "run_db")
  local db = store.open(dir .. "/results.db")
  local r = db:first("SELECT plan_id, plan_sha256, standard, registry_year, summary FROM runs")
  t.eq(r.plan_id, "mau-2021")
  t.eq(r.plan_sha256, fs.sha256(fx.DIR .. "/run_db.lua"))
  t.eq(r.registry_year, 2020)
  t.eq(json.decode(r.summary).programmes[1].cost, 21000000)
  t.eq(db:value("SELECT value FROM figures WHERE path = 'programmes.vay_von.by_commune.An Lạc.households'"), 2)
  t.eq(db:value("SELECT value FROM figures WHERE path = 'budget.total_computed'"), 171000000)
  t.eq(db:value("SELECT count(*) FROM allocations"), 9)
  db:close()
  t.eq(fs.sha256(fx.registry()), before)
end

function T.test_report_md_has_the_vietnamese_tables()
  local _, _, dir = execute(PLAN, "run_md")
  local md = fs.read(dir .. "/mau-2021/report.md")
  t.contains(md, "## 3. Các chương trình hỗ trợ")
  t.contains(md, "| An Lạc     |       |      1 |         |      1 |      2 |                  6 |")
  t.contains(md, "| An Lạc     |        2 |     2 |       7 |     100.000.000 |   2 |")
  t.contains(md, "| Trợ cấp hộ nghèo không có khả năng thoát nghèo |     4 |       7 |      21.000.000 | Ngân sách thành phố    |")
  t.contains(md, "| Nguồn vốn vay tín dụng |     150.000.000 |          150.000.000 |                    0 |")
  t.contains(md, "| Báo cáo 6 tháng | 05/6/2021 | tháng 01-06/2021 | Ủy ban nhân dân các xã, phường |")
end

function T.test_the_terminal_tables_line_up_by_display_width()
  local _, s = execute(PLAN, "run_terminal")
  local out = require("kehoach.render.report").terminal(s)
  t.contains(out, table.concat({
    "Chương trình                                  Số hộ  Số khẩu  Kinh phí (đồng)  Nguồn",
    "────────────────────────────────────────────  ─────  ───────  ───────────────  ──────────────────────",
    "Trợ cấp hộ nghèo không có khả năng thoát ng…      4        7       21.000.000  Ngân sách thành phố",
    "Vay vốn                                           3        9      150.000.000  Nguồn vốn vay tín dụng",
  }, "\n"))
  t.contains(out, table.concat({
    "Nguồn kinh phí          Kế hoạch (đồng)  Tính từ sổ hộ (đồng)  Thừa (+) / thiếu (−)",
    "──────────────────────  ───────────────  ────────────────────  ────────────────────",
    "Ngân sách thành phố          21.000.000            21.000.000                     0",
  }, "\n"))
end

function T.test_a_source_short_of_its_need_shows_as_minus_as_in_compare()
  local short = PLAN:gsub("budget { total = million%(171%), city = million%(21%)", "budget { total = million(170), city = million(20)", 1)
  local code, s = execute(short, "run_short")
  t.eq(code, 0)
  local out = require("kehoach.render.report").terminal(s)
  t.contains(out, "Ngân sách thành phố          20.000.000            21.000.000            −1.000.000")
end

function T.test_a_cost_left_to_the_registry_is_noted_by_check_alone_not_by_the_run()
  -- the allowance states no persons: only the registry can cost the city's line
  local source = PLAN:gsub("households = 4, persons = 7,", "households = 4,", 1)
  local p = require("kehoach.plan").load(fx.plan_file("run_uncosted_check", source))
  local check = require "kehoach.plan.check"
  local function codes(list)
    local out = {}
    for _, m in ipairs(list) do out[#out + 1] = m.code end
    return out
  end
  local alone = require("kehoach.render.messages").word(check.run(p))
  t.eq(codes(alone), { "budget-uncosted" }, "kehoach check without a registry")
  t.eq(alone[1].message, "budget: city cannot be costed without the registry (support 'tro_cap': it states no " ..
    "number of persons)")
  t.eq(codes(check.run(p, { registry = true })), {}, "kehoach check --db, and every evaluation")
  local code, s, dir = execute(source, "run_uncosted")
  t.eq(code, 0)
  t.eq(s.checks, {}, "the run costs the line from the households it chooses")
  t.eq(json.decode(fs.read(dir .. "/mau-2021/summary.json")).checks, {})
  t.eq(s.budget.sources[1].computed, 21000000)
  t.ok(not fs.read(dir .. "/mau-2021/report.md"):find("Chưa tính được kinh phí", 1, true), "report.md")
  local db = store.open(dir .. "/results.db")
  t.eq(db:value("SELECT count(*) FROM checks"), 0, "the results database")
  db:close()
end

-- A programme's list longer than a sheet holds stops where its note and its total still
-- fit: the sheet's last two rows (the limit lowered to 6 rows here: the header is row 3).
function T.test_a_list_longer_than_a_sheet_ends_with_its_note_and_total_on_the_last_rows()
  local workbook = require "kehoach.render.workbook"
  local max = workbook.MAX_ROWS
  workbook.MAX_ROWS = 6
  local ok, code, _, dir = pcall(execute, PLAN, "run_long_list")
  workbook.MAX_ROWS = max
  t.ok(ok, code)
  t.eq(code, 0)
  local wb <close> = core.sheet.open(dir .. "/mau-2021/report.xlsx")
  local rows = {}
  for cells, row in wb:rows(4) do rows[row] = cells end
  t.eq(rows[4][1], "1")
  t.eq(rows[4][3], "A03", "vay_von's first household")
  t.eq(rows[5][1], "… và 4 hộ nữa: danh sách đầy đủ trong allocations.csv")
  t.eq(rows[6][2], "Cộng: 3 hộ được chọn")
  t.eq(rows[7], nil)
end

function T.test_a_plan_with_errors_writes_nothing()
  -- an error the plan shows alone (a quota's sum): not even the results database is made
  local bad = PLAN:gsub('%["Hoà Bình"%] = 1 }', '["Hoà Bình"] = 2 }', 1)
  local code, _, dir = execute(bad, "run_bad")
  t.eq(code, 1)
  t.eq(fs.exists(dir .. "/mau-2021/summary.json"), nil)
  t.eq(fs.exists(dir .. "/results.db"), nil)
  -- one the registry shows (a commune it does not have): the transaction is rolled back
  code, _, dir = execute(PLAN:gsub('%["Hoà Bình"%] = 1 }', '["Hoà Bình"] = 1, ["Làng Mới"] = 0 }', 1), "run_bad2")
  t.eq(code, 1)
  t.eq(fs.exists(dir .. "/mau-2021/summary.json"), nil)
  local db = store.open(dir .. "/results.db")
  t.eq(db:value("SELECT count(*) FROM runs"), 0)
  t.eq(db:value("SELECT count(*) FROM allocations"), 0)
  db:close()
end

-- The checks that need no registry come before it is opened: a budget line for a source
-- the plan does not declare is reported without a household read (the where function
-- would stop the run if it were called once), and before a registry that does not exist.
function T.test_static_checks_come_before_any_household_is_read()
  local source = fx.HEADER .. [[
source "city" { label = "Ngân sách thành phố" }
support "x" { label = "X", amount = per_household(100000), source = "city",
  who = { status = "poor", where = function(h) error("household " .. h.code .. " was read") end } }
budget { total = 100000, citty = 100000 }
]]
  for _, registry in ipairs({ fx.registry(), fx.DIR .. "/no-such-registry.db" }) do
    local dir = fresh("run_static")
    local path = fx.plan_file("run_static", source)
    local code, _, _, messages = run.execute(path, { db = registry, out = dir, results = dir .. "/results.db" })
    t.eq(code, 1)
    local errors = {}
    for _, m in ipairs(messages) do
      if m.level == "error" then errors[#errors + 1] = m.code .. " " .. m.line end
    end
    t.eq(errors, { "unknown-source 5" })
    t.eq(fs.exists(dir .. "/results.db"), nil)
  end
  -- without the typo, the where function is called, for the first household it sees
  local dir = fresh("run_static")
  local path = fx.plan_file("run_static", (source:gsub("citty", "city")))
  t.raises("household A01 was read", run.execute, path, { db = fx.registry(), out = dir,
    results = dir .. "/results.db" })
end

return T
