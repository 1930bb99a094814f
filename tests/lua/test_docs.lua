-- test_docs.lua — docs/plan-language.md describes everything a plan can write: each
-- declaration has its section, each of its fields is in that section, and every helper
-- and selector key is there. And each verb's --help: its Usage line names every option
-- its Options list gives.
local t = ...
local cli = require "kehoach.cli"
local schema = require "kehoach.plan.schema"
local selector = require "kehoach.plan.selector"
local values = require "kehoach.plan.values"

local T = {}

local DOC = "docs/plan-language.md"

-- The text of each "## `name`" section, by name.
local function sections(doc)
  local out, name, start = {}, nil, nil
  for pos, heading in doc:gmatch("()\n## ([^\n]*)") do
    if name then out[name] = doc:sub(start, pos) end
    name, start = heading:match("^`([%w_]+)`") or heading, pos
  end
  if name then out[name] = doc:sub(start) end
  return out
end

function T.test_every_declaration_and_field_is_documented_in_its_section()
  local doc = t.ok(core.fs.read(DOC), DOC .. " is missing")
  local s = sections(doc)
  local missing = {}
  for _, kind in ipairs(schema.order) do
    local text = s[kind]
    if not text then
      missing[#missing + 1] = "## `" .. kind .. "`"
    else
      for _, f in ipairs(schema.declarations[kind].fields) do
        if not text:find("`" .. f[1] .. "`", 1, true) and not (f[1]:match("^Q%d$") and text:find("`Q1`", 1, true)) then
          missing[#missing + 1] = kind .. "." .. f[1]
        end
      end
    end
  end
  t.eq(missing, {})
end

function T.test_every_helper_and_selector_key_is_documented()
  local doc = core.fs.read(DOC)
  local s = sections(doc)
  local missing = {}
  local helpers = { "million" }
  for _, b in pairs(values.BASES) do helpers[#helpers + 1] = b.helper end
  for _, h in ipairs(helpers) do
    if not s.Helpers:find("`" .. h .. "(", 1, true) then missing[#missing + 1] = h end
  end
  local who = s["Selectors: `who`"]
  for _, k in ipairs(selector.keys) do
    if not who:find("| `" .. k[1] .. "` |", 1, true) then missing[#missing + 1] = "who." .. k[1] end
  end
  for _, f in ipairs(selector.WHERE_FIELDS) do
    if not who:find("`" .. f .. "`", 1, true) then missing[#missing + 1] = "h." .. f end
  end
  t.eq(missing, {})
end

function T.test_every_usage_line_names_the_options_its_help_lists()
  local missing = {}
  local function check(impl)
    for _, o in ipairs(impl.options or {}) do
      local name = "--" .. o[1]
      if not (impl.usage .. " "):find(name:gsub("%-", "%%-") .. "[^%w%-]") then
        missing[#missing + 1] = impl.usage:match("^kehoach [%w ]-%f[%u%[%-]") .. name
      end
    end
  end
  for _, v in ipairs(cli.verbs) do
    local impl = require(v.module)
    check(impl)
    for _, sub in ipairs(impl.subcommands or {}) do
      if sub.module then check(require(sub.module)) end
    end
  end
  t.eq(missing, {})
end

return T
