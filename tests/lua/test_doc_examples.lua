-- test_doc_examples.lua — every ```lua example in docs/plan-language.md runs:
--   * the tutorial's steps, each added to the ones before, check and run against the
--     default registry without an error;
--   * a whole plan (one that declares plan { ... }) checks and runs without an error, and
--     every expectation it writes holds;
--   * scenarios are added to the 2021 plan (or, as a scenario file, placed beside a copy of
--     the plan they name) and check without an error;
--   * `who = ...` selectors run inside a support of their own;
--   * other fragments declare without an error after a plan header, and `kehoach check`
--     finds nothing wrong in them but names declared elsewhere;
--   * a standard's file (a block opening `-- standards/NAME.lua`) is written where the
--     examples' plans find it, beside them, and loads: every clause of its rule classifies
--     a household at each of its lines as the rule says; the plans after it may name it.
local t = ...
local plan = require "kehoach.plan"
local check = require "kehoach.plan.check"
local words = require "kehoach.render.messages"
local expect = require "kehoach.plan.expect"
local standards = require "kehoach.standards"

local fs = core.fs

local T = {}

local registry_doc_profiles

local DOC = "docs/plan-language.md"
local DIR = "build/tests/lua-doc-examples"
local REGISTRY = core.host.getenv("KEHOACH_REGISTRY") or "data/registry.db"
local HEADER = 'plan { id = "vi-du", title = "Ví dụ", unit = "Thành phố Lào Cai", year = 2021, standard = "vn-2016" }\n'
local WHOLE_MARK = "^%-%- plans/vi%-du%-2021%.lua: the whole plan"
-- what a fragment may refer to that it does not declare itself
local ELSEWHERE = { ["unknown-source"] = true, ["unknown-agency"] = true, ["unknown-parameter"] = true }

-- The ```lua blocks of the document: { text, line, section }.
local function blocks()
  local doc = t.ok(fs.read(DOC), DOC)
  local out, section, inside, line_no = {}, "", nil, 0
  for line in (doc .. "\n"):gmatch("([^\n]*)\n") do
    line_no = line_no + 1
    if inside then
      if line:match("^```") then
        out[#out + 1] = inside
        inside = nil
      else
        inside.text = inside.text .. line .. "\n"
      end
    elseif line:match("^```lua") then
      inside = { text = "", line = line_no + 1, section = section }
    elseif line:match("^## ") then
      section = line:sub(4)
    end
  end
  return out
end

local function write(name, text)
  fs.mkdir(DIR)
  local path = DIR .. "/" .. name .. ".lua"
  fs.write(path, text)
  return path
end

-- The ```lua blocks of docs/registry.md: { text, first line }.
local function registry_doc_blocks()
  local doc = t.ok(fs.read("docs/registry.md"), "docs/registry.md")
  local out = {}
  for text in doc:gmatch("\n```lua\n(.-)\n```") do out[#out + 1] = text .. "\n" end
  return out
end

-- The whole profiles docs/registry.md gives, written to files: { name -> path }.
function registry_doc_profiles()
  local out = {}
  for _, text in ipairs(registry_doc_blocks()) do
    local name = text:match("^%-%- scripts/profiles/([%w%-]+)%.lua: a whole profile")
    if name then out[name] = write("profile_" .. name, text) end
  end
  return out
end

-- Errors of kehoach check and of the evaluation against the registry, as lines.
local function problems(p, allowed, registry)
  local out = {}
  local r = require("kehoach.pipeline").run(p, { db = registry or REGISTRY })
  local result = r.result or { messages = r.messages }
  for _, m in ipairs(result.messages) do
    if m.level == "error" and not (allowed and allowed[m.code]) then out[#out + 1] = words.format(m) end
  end
  return out, result
end

local function at(b) return string.format("%s:%d (%s)", DOC, b.line, b.section) end

local function load(b, path)
  local ok, p = pcall(plan.load, path)
  if not ok then error(string.format("%s: %s", at(b), type(p) == "table" and p.message or tostring(p)), 0) end
  return p
end

-- The registry a whole plan of the document runs on: the default one, or the one its first
-- line names ("... --db data/lao-cai-province.db)"): the province's registry make makes, or
-- one generated from the whole profile docs/registry.md gives as an example.
local function registry_of(text)
  local named = text:match("^[^\n]*%-%-db (data/[%w%-]+%.db)%)")
  if not named then return REGISTRY end
  if named == "data/lao-cai-province.db" then
    return core.host.getenv("KEHOACH_PROVINCE") or named
  end
  local name = named:match("^data/([%w%-]+)%.db$")
  local profile = t.ok(registry_doc_profiles()[name], named .. ": a whole profile of that name in docs/registry.md")
  local path = DIR .. "/" .. name .. ".db"
  fs.remove(path)
  require("kehoach.registry.generate").run({ path = path, profile = require("kehoach.registry.profile").load(profile) })
  return path
end

local function whole(b, n)
  local p = load(b, write("whole_" .. n, b.text))
  local errs, result = problems(p, nil, registry_of(b.text))
  t.eq(errs, {}, at(b))
  local list = expect.verify(p, result)
  for _, e in ipairs(list) do t.ok(e.holds, at(b) .. ": " .. e.text) end
  -- what the document says `kehoach test` prints for it
  local said = fs.read(DOC):match("kehoach test plans/" .. p.id:gsub("%-", "%%-") .. "%.lua%s+# (%d+) expectations")
  if said then t.eq(tonumber(said), #list, at(b) .. ": the expectations the tutorial counts") end
end

local function scenario(b, n)
  local base = b.text:match('base = "([^"]+)"')
  local path
  if base then
    fs.write(DIR .. "/" .. base, t.ok(fs.read("plans/" .. base), "plans/" .. base))
    path = write("scenarios_" .. n, b.text)
  else
    -- (named apart from the plan's own scenarios, which the examples may share names with)
    path = write("scenarios_" .. n, fs.read("plans/lao-cai-city-2021.lua") .. "\n"
      .. b.text:gsub('scenario "([%w_]+)"', 'scenario "%1_vi_du"'))
  end
  local p = load(b, path)
  plan.apply_parameters(p)   -- a scenario file's scenario, as kehoach check applies it
  t.eq(check.count(check.run(p)).error, 0, at(b))
end

local function selectors(b, n)
  local k = 0
  for stmt in (b.text .. "\n\n"):gmatch("(who = .-)\n%s*\n") do
    k = k + 1
    local p = load(b, write(string.format("who_%d_%d", n, k),
      HEADER .. string.format('support "vi_du" { label = "ví dụ", %s }\n', stmt)))
    t.eq(problems(p), {}, at(b))
  end
  t.ok(k > 0, at(b) .. ": a selector")
end

local function fragment(b, n)
  local p = load(b, write("fragment_" .. n, HEADER .. b.text))
  local errs = {}
  for _, m in ipairs(check.run(p)) do
    if m.level == "error" and not ELSEWHERE[m.code] then errs[#errs + 1] = words.format(m) end
  end
  t.eq(errs, {}, at(b))
end

-- A standard's file: in DIR/standards/, as a user keeps it beside the plans; it loads (the
-- checks of kehoach.standards.form) and classifies at its lines as its rule says.
local function standard(b, name)
  fs.mkdir(DIR .. "/standards")
  local path = DIR .. "/standards/" .. name .. ".lua"
  fs.write(path, b.text)
  local ok, std = pcall(standards.file, path)
  if not ok then error(string.format("%s: %s", at(b), type(std) == "table" and std.message or tostring(std)), 0) end
  t.eq(std.name, name, at(b) .. ": the file is named after the standard")
  t.eq(standards.find(name, { DIR .. "/plan.lua" }), std, at(b) .. ": found beside a plan")
  for _, urban in ipairs({ 0, 1 }) do
    local poor = std.line("poor", urban)
    local status = std.explain(poor, urban, #std.indicators)
    t.eq(status, "poor", at(b) .. ": at the poor line, deprived in every indicator")
    t.eq((std.explain(std.line("middle", urban) + 1, urban, 0)), "non_poor", at(b) .. ": above the middle line")
  end
end

function T.test_every_lua_example_in_the_document_runs()
  local seen = { tutorial = 0, whole = 0, scenario = 0, who = 0, fragment = 0, standard = 0 }
  local steps = ""
  for n, b in ipairs(blocks()) do
    local text = b.text
    local std_name = text:match("^%-%- standards/([%w_%-]+)%.lua")
    if std_name then
      standard(b, std_name)
      seen.standard = seen.standard + 1
    elseif b.section:match("^Tutorial") and not text:match(WHOLE_MARK) then
      steps = steps .. text .. "\n"
      local p = load(b, write("tutorial_" .. n, steps))
      t.eq(problems(p), {}, at(b) .. ": the tutorial up to this step")
      seen.tutorial = seen.tutorial + 1
    elseif text:match("^plan {") or text:match("\nplan {") then
      whole(b, n)
      seen.whole = seen.whole + 1
    elseif text:match("^%-*[^\n]*\n?scenario \"") or text:match("^scenario \"") then
      scenario(b, n)
      seen.scenario = seen.scenario + 1
    elseif text:match("^who = ") then
      selectors(b, n)
      seen.who = seen.who + 1
    else
      fragment(b, n)
      seen.fragment = seen.fragment + 1
    end
  end
  t.ok(seen.tutorial >= 6, "the tutorial's steps: " .. seen.tutorial)
  t.ok(seen.whole >= 3, "whole plans: " .. seen.whole)
  t.ok(seen.scenario >= 2 and seen.who >= 1 and seen.fragment >= 8 and seen.standard >= 1, "every kind of example")
end

-- docs/registry.md: a profile's lines quoted "in part" are the profile's own lines, and a
-- whole profile loads and generates a registry.
function T.test_every_profile_example_in_the_registry_document_is_real()
  local parts, wholes = 0, 0
  for _, text in ipairs(registry_doc_blocks()) do
    local path = text:match("^%-%- (scripts/profiles/[%w%-]+%.lua) %(")
    if path then
      local profile = t.ok(fs.read(path), path)
      for line in text:gmatch("[^\n]+") do
        if not line:match("^%-%-") then
          t.ok(profile:find(line, 1, true), path .. " has the line: " .. line)
        end
      end
      parts = parts + 1
    end
  end
  for name, file in pairs(registry_doc_profiles()) do
    local p = require("kehoach.registry.profile").load(file)
    local db = core.store.registry(":memory:", "init")
    require("kehoach.registry.generate").run({ db = db, profile = p })
    t.eq(db:value("SELECT count(*) FROM households"), p.households, name)
    db:close()
    wholes = wholes + 1
  end
  t.ok(parts >= 1 and wholes >= 1, "a profile in part and a whole one")
end

return T
