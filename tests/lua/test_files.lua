-- test_files.lua — outputs are never half-written: a Writer's file appears under its name
-- only when committed, a killed writer's temporary is swept away, a live one's is not.
local t = ...
local fs = core.fs

local T = {}

local DIR = "build/tests/files"

local function fresh(name)
  local dir = DIR .. "/" .. name
  fs.mkdir(dir)
  for _, f in ipairs(fs.list(dir)) do fs.remove(dir .. "/" .. f) end
  return dir
end

local function names(dir)
  local list = fs.list(dir)
  table.sort(list)
  return list
end

function T.test_a_file_appears_only_when_committed()
  local dir = fresh("commit")
  local w = fs.open(dir .. "/report.md")
  w:write("# Báo cáo\n", "dòng 2\n")
  w:finish()
  t.eq(fs.exists(dir .. "/report.md"), nil)
  t.eq(#names(dir), 1)
  t.ok(names(dir)[1]:match("^report%.md%.tmp%.%w%w%w%w%w%w$"))
  fs.commit({ w })
  t.eq(names(dir), { "report.md" })
  t.eq(fs.read(dir .. "/report.md"), "# Báo cáo\ndòng 2\n")
  t.raises("already been committed", function() w:write("more") end)
end

function T.test_an_abandoned_writer_leaves_nothing()
  local dir = fresh("abort")
  local w = fs.open(dir .. "/summary.json")
  w:write("{")
  w:abort()
  t.eq(names(dir), {})
end

function T.test_sweep_removes_what_dead_writers_left_and_nothing_else()
  local dir = fresh("sweep")
  fs.write(dir .. "/summary.json.tmp.Ab12Cd", "{ half")     -- left by a killed run: no lock
  fs.write(dir .. "/notes.tmp.txt", "an officer's own file")  -- not a temporary's name
  fs.write(dir .. "/summary.json", "{}\n")
  local live = fs.open(dir .. "/report.md")                   -- another kehoach writing now
  live:write("x")
  t.eq(fs.sweep(dir), 1)
  local left = names(dir)
  t.eq(#left, 3)
  t.eq(left[1], "notes.tmp.txt")
  t.ok(left[2]:match("^report%.md%.tmp%."))
  t.eq(left[3], "summary.json")
  live:commit()
  t.eq(names(dir), { "notes.tmp.txt", "report.md", "summary.json" })
  t.eq(fs.sweep(dir), 0)
  t.eq(fs.sweep(DIR .. "/no-such-folder"), 0)
end

return T
