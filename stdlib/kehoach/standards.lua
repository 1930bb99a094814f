-- standards.lua — the poverty standards, by name or by year, and their rule compiled to SQL.
-- Three are shipped (stdlib/kehoach/standards/vn2016.lua, vn2022.lua, vn2026.lua); a user
-- adds one as a file of the same form, standards/<name>.lua in the folder of a plan or of
-- a registry, or names the file on the command line (--standard FILE). Either is run in
-- the plan's sandbox and checked by kehoach.standards.form before its rule is compiled.
--
--   local standards = require "kehoach.standards"
--   standards.names()              the shipped names, sorted: { "vn-2016", "vn-2022", "vn-2026" }
--   standards.find(key [, near [, year]])
--                                  a standard by name ("vn-2016") or year (2021, "2021": the
--                                  shipped one in force that year), or nil and a message. A
--                                  name not shipped is looked for as standards/<name>.lua in
--                                  the folder of each path of the list near (a plan, a
--                                  registry, a CSV folder...), with the real-path rule of a
--                                  plan's require. The message suggests the standard in
--                                  force in year (else the nearest name)
--   standards.get(key [, near [, year]])   the same, raising: a plan error at the plan line
--                                  when a plan is running, a usage error otherwise
--   standards.file(path)           the standard in the file at path (--standard FILE)
--   standards.option(value, near, year)    --standard's value: a FILE (a path, or a name
--                                  ending in .lua) or a name, as get
--   standards.of_plan(p [, db])    the plan's standard (p.meta.standard), looked for beside
--                                  the plan and beside its registry (p.registry_file, which
--                                  db, a connection with the registry attached as "reg",
--                                  sets when not set); or nil and why
--   standards.label(col, name)     the label of indicator col under the standard named
--
-- A standard:
--   std.name, std.title, std.reference, std.from_year, std.to_year
--   std.file         a user's standard: its file, as messages name it (nil when shipped)
--   std.lines        { poor = {rural=, urban=}, near_poor = {...}, middle = {...} } (VND)
--   std.indicators   registry columns, in the legal text's order ("d_water", ...)
--   std.labels[col]  the Vietnamese label of each indicator
--   std.rule         the clauses, first match wins (see standards/vn2016.lua)
--   std.deprivations_sql(alias)              SQL: deprivations of survey alias (NULL = 0)
--   std.status_sql(income, urban, deprivations)  SQL: 'poor'|'near_poor'|'middle'|'non_poor'
--   std.kind_sql(income, urban, deprivations)    SQL: 'income'|'deprivation'|NULL
--   std.line(name, urban)                    a line in VND (urban: boolean or 0/1)
--   std.explain(income, urban, deprivations) status, kind, and why, in words (the same
--                                            clauses, read in Lua, for messages)
-- The *_sql arguments are SQL expressions ("s.income", "u.urban", a projected value...).
-- Each shipped standard's data and rule live in one module, kehoach.standards.<name
-- without '-'>; the indicators' labels in kehoach.standards.indicators.
local util = require "kehoach.util"
local form = require "kehoach.standards.form"
local sandbox = require "kehoach.sandbox"

local INDICATOR_LABELS = require "kehoach.standards.indicators"

local host, fs = core.host, core.fs

local M = {}

-- every shipped standard, oldest first
local MODULES = { "kehoach.standards.vn2016", "kehoach.standards.vn2022", "kehoach.standards.vn2026" }

local LINE_WORDS = { poor = "poor line", near_poor = "near-poor line", middle = "middle-income line" }

local function is_urban(urban)
  return urban == true or (type(urban) == "number" and urban ~= 0)
end

local function money(n)
  return util.group_digits(math.tointeger(n) or math.floor(n + 0.5))
end

-- SQL for the line `name` in the area given by the SQL expression urban.
local function line_sql(lines, name, urban)
  local l = lines[name]
  if l.rural == l.urban then return string.format("%d", l.rural) end
  return string.format("(CASE WHEN (%s) THEN %d ELSE %d END)", urban, l.urban, l.rural)
end

-- SQL condition of one clause, or nil when it always holds.
local function clause_sql(std, clause, income, urban, deprivations)
  local parts = {}
  if clause.income_max then
    parts[#parts + 1] = string.format("(%s) <= %s", income, line_sql(std.lines, clause.income_max, urban))
  end
  if clause.min_deprivations then
    parts[#parts + 1] = string.format("(%s) >= %d", deprivations, clause.min_deprivations)
  end
  if #parts == 0 then return nil end
  return table.concat(parts, " AND ")
end

-- A CASE over the rule's clauses in order, each giving value(clause) as SQL.
local function case_sql(std, income, urban, deprivations, value)
  local out = { "(CASE" }
  for _, clause in ipairs(std.rule) do
    local cond = clause_sql(std, clause, income, urban, deprivations)
    if cond then
      out[#out + 1] = string.format(" WHEN %s THEN %s", cond, value(clause))
    else
      out[#out + 1] = " ELSE " .. value(clause)
      break
    end
  end
  out[#out + 1] = " END)"
  return table.concat(out)
end

local function quoted(s)
  return s and ("'" .. s .. "'") or "NULL"
end

-- Whether each condition of clause holds, as {holds, words} pairs.
local function clause_tests(std, clause, income, urban, deprivations)
  local tests = {}
  local area = is_urban(urban) and "urban" or "rural"
  if clause.income_max then
    local line = std.lines[clause.income_max][area]
    local holds = income <= line
    tests[#tests + 1] = { holds, string.format("income %s %s the %s %s (%s)", money(income),
      holds and "is at or below" or "is above", LINE_WORDS[clause.income_max], money(line), area) }
  end
  if clause.min_deprivations then
    local holds = deprivations >= clause.min_deprivations
    tests[#tests + 1] = { holds, string.format("%d deprivation%s (%s %d)", deprivations,
      deprivations == 1 and "" or "s", holds and "at least" or "fewer than", clause.min_deprivations) }
  end
  return tests
end

-- Builds a standard from its checked data (kehoach.standards.form).
local function compile(def)
  local std = {}
  for k, v in pairs(def) do std[k] = v end
  std.labels = {}
  for _, col in ipairs(def.indicators) do
    std.labels[col] = (def.labels and def.labels[col]) or INDICATOR_LABELS[col]
  end

  function std.line(name, urban)
    local l = std.lines[name]
    if not l then error("standard " .. std.name .. " has no line '" .. tostring(name) .. "'", 2) end
    return is_urban(urban) and l.urban or l.rural
  end

  function std.deprivations_sql(alias)
    local prefix = (alias and alias ~= "") and (alias .. ".") or ""
    local terms = {}
    for i, col in ipairs(std.indicators) do
      terms[i] = string.format("coalesce(%s%s, 0)", prefix, col)
    end
    return "(" .. table.concat(terms, " + ") .. ")"
  end

  function std.status_sql(income, urban, deprivations)
    return case_sql(std, income, urban, deprivations, function(c) return quoted(c.status) end)
  end

  function std.kind_sql(income, urban, deprivations)
    return case_sql(std, income, urban, deprivations, function(c) return quoted(c.kind) end)
  end

  -- The status the rule gives, the kind of poverty, and the reason in words: the
  -- conditions of the clause that applies, after the one that ruled out each earlier one.
  function std.explain(income, urban, deprivations)
    local reasons, seen = {}, {}
    local function say(words)
      if not seen[words] then
        seen[words] = true
        reasons[#reasons + 1] = words
      end
    end
    for _, clause in ipairs(std.rule) do
      local tests = clause_tests(std, clause, income, urban, deprivations)
      local failed
      for _, t in ipairs(tests) do
        if not t[1] then failed = t break end
      end
      if not failed then
        for _, t in ipairs(tests) do say(t[2]) end
        return clause.status, clause.kind, table.concat(reasons, ", ")
      end
      say(failed[2])
    end
    error("the rule of " .. std.name .. " has no clause for every household")
  end

  return std
end

local shipped, ordered        -- the shipped standards: by name, and oldest first
local by_file, by_name = {}, {}  -- users' standards loaded: by real path, and by name

local function load_all()
  if ordered then return end
  shipped, ordered = {}, {}
  for _, mod in ipairs(MODULES) do
    local file = host.stdlib() .. "/" .. mod:gsub("%.", "/") .. ".lua"
    local std = compile(form.check(require(mod), file:match("stdlib/.*$") or file, fs.read(file)))
    shipped[std.name] = std
    ordered[#ordered + 1] = std
  end
end

function M.names()
  load_all()
  local names = {}
  for i, std in ipairs(ordered) do names[i] = std.name end
  table.sort(names)
  return names
end

local function loose(name)
  return (name:lower():gsub("[^%w]", ""))
end

-- The shipped standard in force in year, or nil.
local function in_force(year)
  for _, std in ipairs(ordered) do
    if year >= std.from_year and year <= std.to_year then return std end
  end
end

-- Runs a standard's file in a plan's sandbox (its globals, its require, its limits) and
-- checks what it returns. display: the path as messages name it.
local function load_file(file, display)
  local real = fs.realpath(file) or file
  if by_file[real] then return by_file[real] end
  local env = sandbox.plan_env({}, file)
  local ok, chunk = pcall(host.loadfile, file, display, env)
  if not ok then
    if type(chunk) == "string" then util.fail("data", "%s", chunk) end
    error(chunk, 0)
  end
  host.budget()
  local ran, def = pcall(chunk)
  if not ran then
    -- the file's own error (its line) is a problem of the file; limits keep their kind
    if type(def) == "string" then util.fail("data", "%s", def) end
    error(def, 0)
  end
  local std = compile(form.check(def, display, fs.read(file)))
  for _, s in ipairs(ordered) do
    if loose(s.name) == loose(std.name) then
      util.fail("data", "%s: names itself %s, the name of a standard shipped with kehoach: give yours a name of "
        .. "its own (name = \"...\", and the file named after it)", display, std.name)
    end
  end
  std.file = display
  by_file[real] = std
  by_name[std.name] = std
  return std
end

-- The folders a list of paths (plans, registries, folders) gives, each once, in order.
local function folders(near)
  local out, seen = {}, {}
  for _, path in ipairs(near or {}) do
    if type(path) == "string" and path ~= "" and path ~= ":memory:" then
      local dir = fs.exists(path) == "directory" and path or util.dirname(path)
      local key = fs.realpath(dir) or dir
      if not seen[key] then
        seen[key] = true
        out[#out + 1] = dir
      end
    end
  end
  return out
end

local function where_words(dirs, name)
  local out = {}
  for i, d in ipairs(dirs) do out[i] = (d == "." and "" or (d:gsub("/+$", "") .. "/")) .. "standards/" .. name .. ".lua" end
  return table.concat(out, " or ")
end

function M.find(key, near, year)
  load_all()
  local by_year = math.type(key) == "integer" and key
    or (type(key) == "string" and key:match("^%d%d%d%d$") and tonumber(key))
  if by_year then
    local std = in_force(by_year)
    if std then return std end
    local spans = {}
    for _, s in ipairs(ordered) do
      spans[#spans + 1] = string.format("%s for %d-%d", s.name, s.from_year, s.to_year)
    end
    return nil, string.format("no poverty standard covers the year %d (%s)", by_year,
      table.concat(spans, ", "))
  end
  if type(key) ~= "string" then
    return nil, "a poverty standard is named by a name such as 'vn-2016' or by a year"
  end
  if shipped[key] then return shipped[key] end
  for _, std in ipairs(ordered) do
    if loose(std.name) == loose(key) then return std end
  end
  local dirs = folders(near)
  local named = #key <= 64 and key:match(form.NAME)
  if named then
    for _, dir in ipairs(dirs) do
      local file, why = host.resolve(dir, "standards." .. key)
      local display = where_words({ dir }, key)
      if file then
        local std = load_file(file, display)
        if std.name ~= key then
          util.fail("data", "%s: names itself '%s', not '%s': a standard's file is named after it (%s)", display,
            std.name, key, where_words({ dir }, std.name))
        end
        return std
      elseif why and why:match("leads outside") then
        util.fail("data", "%s leads outside %s: a standard's file is read only from the folder of the plan or of "
          .. "the registry", display, dir)
      end
    end
  end
  local names = M.names()
  local current = year and in_force(year)
  local hint
  if current then
    hint = string.format(" (did you mean %s, the standard in force in %d?)", current.name, year)
  else
    local near_name = util.nearest(key, names)
    hint = near_name and (" (did you mean " .. near_name .. "?)") or ""
  end
  local own = ""
  if named and #dirs > 0 then
    own = string.format("; a standard of your own is a file %s (there is none)", where_words(dirs, key))
  elseif not named then
    own = "; a standard's name is letters and digits joined by '-', such as lao-cai-2027"
  end
  return nil, string.format("unknown poverty standard '%s'%s; the standards shipped are %s%s", key, hint,
    table.concat(names, ", "), own)
end

function M.get(key, near, year)
  local std, msg = M.find(key, near, year)
  if std then return std end
  if host.where() then util.plan_error("%s", msg) end
  util.fail("usage", "%s", msg)
end

function M.file(path)
  load_all()
  local kind = fs.exists(path)
  if kind ~= "file" then
    util.fail("usage", "%s: %s", path, kind and "not a file: --standard takes a standard's .lua file or its name"
      or "no such standard file")
  end
  return load_file(path, path)
end

function M.option(value, near, year)
  if value:find("/", 1, true) or value:match("%.lua$") then return M.file(value) end
  return M.get(value, near, year)
end

function M.of_plan(p, db)
  if db and not p.registry_file then
    p.registry_file = db:value("SELECT file FROM pragma_database_list WHERE name = 'reg'")
  end
  return M.find(p.meta.standard, { p.path, p.registry_file }, p.meta.year)
end

function M.label(col, name)
  load_all()
  local std = shipped[name] or by_name[name]
  return std and std.labels[col] or INDICATOR_LABELS[col] or col
end

return M
