-- fixture.lua — a small registry for the plan tests, so that every figure a test expects
-- can be worked out by hand from the rows below (under the standard vn-2016).
--
-- Thành phố Mẫu has three communes: An Lạc (rural, especially difficult), Bình Minh
-- (urban ward) and Hòa Bình (rural). Huyện Khác, next door, has one poor household that
-- no plan of Thành phố Mẫu may reach. Surveys are of 2020 (one of 2019, which must be
-- ignored). Load with: local fx = core.host.loadfile("tests/lua/fixture.lua", ..., _ENV)()
local tables = require "kehoach.registry.tables"

local store, fs, load = core.store, core.fs, core.load

local M = {}

M.DIR = "build/tests/lua-fixtures"

-- code, unit, head, ethnic minority, income, status, unable to escape, deprivations,
-- persons, needs
M.HOUSEHOLDS = {
  { "A01", "C1", "Lò Văn Một", 0, 400000, "poor", 1, { "d_water", "d_latrine" }, 2, {} },
  { "A02", "C1", "Lò Thị Hai", 0, 500000, "poor", 1, {}, 1, {} },
  { "A03", "C1", "Vàng A Ba", 1, 600000, "poor", 0, { "d_housing_quality", "d_water", "d_telecom" }, 4, { "credit", "housing" } },
  { "A04", "C1", "Vàng Thị Bốn", 1, 600000, "poor", 0, { "d_water" }, 3, { "credit" } },
  { "A05", "C1", "Sần Văn Năm", 0, 650000, "poor", 0, {}, 5, { "credit", "livestock" } },
  { "A06", "C1", "Sần Thị Sáu", 1, 900000, "near_poor", 0, {}, 3, { "credit" } },
  { "A07", "C1", "Giàng A Bảy", 1, 2000000, "non_poor", 0, {}, 4, {} },
  { "A08", "C1", "Lò Văn Tám", 0, 600000, "poor", 0, { "d_latrine" }, 2, { "credit", "livestock" } },
  { "B01", "C2", "Nguyễn Văn Một", 0, 800000, "poor", 1, {}, 3, {} },
  { "B02", "C2", "Trần Thị Hai", 0, 1200000, "near_poor", 0, {}, 2, {} },
  { "B03", "C2", "Hoàng Văn Ba", 1, 5000000, "non_poor", 0, {}, 2, {} },
  { "B04", "C2", "Lê Thị Bốn", 0, 850000, "poor", 0, {}, 2, { "credit" } },
  { "H01", "C3", "Phạm Văn Một", 0, 300000, "poor", 1, {}, 1, { "housing" } },
  { "H02", "C3", "Đỗ Thị Hai", 0, 700000, "poor", 0, { "d_housing_quality" }, 6, { "housing", "training" } },
  { "H03", "C3", "Vũ Văn Ba", 0, 3000000, "non_poor", 0, {}, 3, {} },
  { "X01", "C9", "Người Huyện Khác", 0, 100000, "poor", 1, {}, 2, { "credit" } },
}

-- Every file under dir whose name matches pattern (every file when nil), recursively and
-- in sorted order, appended to out.
function M.files(dir, pattern, out)
  out = out or {}
  local names = assert(fs.list(dir))
  table.sort(names)
  for _, name in ipairs(names) do
    local path = dir .. "/" .. name
    if fs.exists(path) == "directory" then M.files(path, pattern, out)
    elseif not pattern or name:match(pattern) then out[#out + 1] = path end
  end
  return out
end

-- Makes the registry (again) and returns its path.
function M.registry(name)
  fs.mkdir(M.DIR)
  local path = M.DIR .. "/" .. (name or "registry") .. ".db"
  fs.remove(path)
  local db = store.registry(path, "init")
  db:exec("BEGIN")
  db:exec([[
    INSERT INTO units VALUES ('P', 'Tỉnh Mẫu', 'province', 'tỉnh', NULL, 0, 0);
    INSERT INTO units VALUES ('D', 'Thành phố Mẫu', 'district', 'thành phố', 'P', 0, 0);
    INSERT INTO units VALUES ('D2', 'Huyện Khác', 'district', 'huyện', 'P', 0, 0);
    INSERT INTO units VALUES ('C1', 'An Lạc', 'commune', 'xã', 'D', 0, 1);
    INSERT INTO units VALUES ('C2', 'Bình Minh', 'commune', 'phường', 'D', 1, 0);
    INSERT INTO units VALUES ('C3', 'Hòa Bình', 'commune', 'xã', 'D', 0, 0);
    INSERT INTO units VALUES ('C9', 'Xa Xôi', 'commune', 'xã', 'D2', 0, 1);]])
  for i, h in ipairs(M.HOUSEHOLDS) do
    db:run("INSERT INTO households(id, code, unit, village, head, ethnic_minority) VALUES (?, ?, ?, 'Thôn 1', ?, ?)",
      i, h[1], h[2], h[3], h[4])
    local cols, vals = { "household", "year", "income", "status", "unable_to_escape" }, { i, 2020, h[5], h[6], h[7] }
    for _, d in ipairs(h[8]) do cols[#cols + 1] = d; vals[#vals + 1] = 1 end
    local marks = string.rep("?, ", #cols - 1) .. "?"
    db:run("INSERT INTO surveys(" .. table.concat(cols, ", ") .. ") VALUES (" .. marks .. ")", table.unpack(vals))
    for k = 1, h[9] do
      db:run("INSERT INTO persons(household, name, relation) VALUES (?, ?, ?)", i, h[3] .. " " .. k,
        k == 1 and "head" or "member")
    end
    for _, n in ipairs(h[10]) do db:run("INSERT INTO needs VALUES (?, 2020, ?)", i, n) end
  end
  -- A07 was poor and unable to escape in 2019: a 2021 plan reads 2020 only
  db:run("INSERT INTO surveys(household, year, income, status, unable_to_escape) VALUES (7, 2019, 300000, 'poor', 1)")
  db:run("INSERT INTO needs VALUES (7, 2019, 'credit')")
  db:exec("COMMIT")
  db:close()
  return path
end

-- Writes a plan file into the fixture folder and returns its path.
function M.plan_file(name, source)
  fs.mkdir(M.DIR)
  local path = M.DIR .. "/" .. name .. ".lua"
  fs.write(path, source)
  return path
end

-- Declares source (after the header) and evaluates it against a fresh fixture registry,
-- into a scratch results database under run 1. Returns result, db, plan.
function M.evaluate(source, name)
  local plan = require "kehoach.plan"
  local p = plan.load(M.plan_file(name or "plan", M.HEADER .. source))
  local result, db = M.run(p, M.registry())
  return result, db, p
end

-- A loaded plan p through kehoach.pipeline against registry, nothing recorded, the
-- scratch connection kept open. Returns the result (only messages when the plan has
-- errors before allocation) and the connection.
function M.run(p, registry, opts)
  local o = { db = registry, keep = true }
  for k, v in pairs(opts or {}) do o[k] = v end
  local r = require("kehoach.pipeline").run(p, o)
  return r.result or { messages = r.messages }, r.db
end

-- The header every fixture plan starts with (one line, so plan lines are easy to count).
M.HEADER = 'plan { id = "mau-2021", title = "Kế hoạch mẫu", unit = "Thành phố Mẫu", year = 2021, standard = "vn-2016" }\n'

-- A core.load Loader of registry table name, its columns as import.lua gives them (rows by
-- column index), and the table's spec.
function M.loader(db, name)
  local spec = tables.by_name[name]
  local names, columns = tables.column_names(spec), {}
  for i, c in ipairs(spec.columns) do
    columns[i] = { c[2], required = c.required, default = c.default, min = c.min, max = c.max,
      values = c.values, aliases = c.aliases, level = name == "households" and "commune" or nil }
  end
  local sql = string.format("INSERT INTO %s(%s) VALUES (%s)", name, table.concat(names, ", "),
    string.rep("?", #names, ", "))
  return load.new(db, sql, columns), spec
end

return M
