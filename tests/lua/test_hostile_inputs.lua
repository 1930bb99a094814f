-- test_hostile_inputs.lua — what the fuzzers (tests/fuzz/) once found, as an officer would
-- meet it: a problem line or a plan error in plain words, never "a bug in kehoach".
local t = ...
local import = require "kehoach.registry.import"
local values = require "kehoach.plan.values"
local plan = require "kehoach.plan"

local fs, store = core.fs, core.store

local T = {}

local DIR = "build/tests/hostile"

-- A scratch registry with one commune, and the CSV text written as FILE under DIR.
local function import_csv(file, text)
  fs.mkdir(DIR)
  local path = DIR .. "/" .. file
  fs.write(path, text)
  local db = store.registry(":memory:", "init")
  db:exec([[INSERT INTO units VALUES ('10', 'Lào Cai', 'province', 'tỉnh', NULL, 0, 0);
            INSERT INTO units VALUES ('080', 'Thành phố Lào Cai', 'district', 'thành phố', '10', 1, 0);
            INSERT INTO units VALUES ('02632', 'Vạn Hòa', 'commune', 'xã', '080', 0, 0);]])
  local counts, problems = import.run(db, { [file:match("^(%w+)")] = path })
  local households = db:value("SELECT count(*) FROM households")
  db:close()
  return counts, problems, path, households
end

function T.test_a_csv_value_that_is_not_utf8_is_a_problem_of_its_row_and_column()
  -- a commune name saved in a legacy Vietnamese code page (TCVN3 bytes), not UTF-8
  local counts, problems, path, households = import_csv("households.csv",
    "code,unit,head\nH1,V\xB8n Ho\xB5,L\xF2 V\xA8n A\nH2,02632,B\n")
  t.eq(counts, nil)
  t.eq(households, 0)
  t.eq(problems[1], path .. ": row 2, column unit: 'V\\xB8n Ho\\xB5' is not UTF-8 text (save the file as UTF-8)")
  t.eq(problems[2], path .. ": row 2, column head: 'L\\xF2 V\\xA8n A' is not UTF-8 text (save the file as UTF-8)")
  t.eq(#problems, 2)
end

function T.test_a_csv_header_that_is_not_utf8_is_a_problem_of_row_1()
  local counts, problems, path = import_csv("households.csv", "code,unit,t\xEAn\nH1,02632,x\n")
  t.eq(counts, nil)
  t.eq(problems[1], path .. ": row 1: column 3 of the header, 't\\xEAn', is not UTF-8 text (save the file as UTF-8)")
end

function T.test_sums_of_money_beyond_whole_numbers_are_refused_with_a_reason()
  t.eq(select(2, values.vnd(1e300)), "a sum of money of at most 1.000.000.000.000.000 đồng")
  t.eq(select(2, values.vnd(-1e300)), "a sum of money that is not negative")
  t.eq(select(2, values.vnd(0 / 0)), "a sum of money, not NaN")
  t.eq(select(2, values.million(1e12)), "a sum of money of at most 1.000.000.000.000.000 đồng")
  t.eq(values.million(1e9), values.MAX_VND)
end

function T.test_a_set_that_adds_a_commune_whose_name_has_a_dot_is_refused()
  -- found by the params fuzzer: the name is the path's last part, so a dot in it broke
  -- reading the name back (an internal error)
  local p = plan.load("plans/lao-cai-city-2021.lua")
  t.raises("%-%-set bo_giong%.quota%.Xã%.Mới=2: 'Xã%.Mới' is not a commune's name", plan.apply_parameters,
    p, { "bo_giong.quota.Xã.Mới=2" })
  t.raises("is not a commune's name", plan.apply_parameters, plan.load("plans/lao-cai-city-2021.lua"),
    { "bo_giong.quota.Xã\tMới=2" })
  plan.apply_parameters(plan.load("plans/lao-cai-city-2021.lua"), { "bo_giong.quota.Xã Mới=2" })
end

return T
