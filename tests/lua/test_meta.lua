-- test_meta.lua — stdlib/meta/plan.lua, the editor annotations of the plan language, names
-- every declaration and field the language knows (kehoach.plan.schema), every selector key
-- and `where` field, every helper, effect field and expectation, with required fields
-- required and optional ones optional; and the engine never loads it.
local t = ...
local schema = require "kehoach.plan.schema"
local selector = require "kehoach.plan.selector"
local values = require "kehoach.plan.values"
local expect = require "kehoach.plan.expect"

local fs = core.fs

local T = {}

local META = "stdlib/meta/plan.lua"

-- { [class] = { fields = { name = { optional = bool } }, open = bool, items = bool } }
local function classes()
  local text = t.ok(fs.read(META), META)
  local out, current = {}, nil
  for line in text:gmatch("[^\n]+") do
    local name = line:match("^%-%-%-@class %(exact%) kehoach%.([%w_]+)") or line:match("^%-%-%-@class kehoach%.([%w_]+)")
    if name then
      current = { fields = {} }
      out[name] = current
    else
      local field, optional = line:match("^%-%-%-@field ([%w_]+)(%??) ")
      if field and current then
        current.fields[field] = { optional = optional == "?" }
      elseif current and line:match("^%-%-%-@field %[string%]") then
        current.open = true
      elseif current and line:match("^%-%-%-@field %[integer%]") then
        current.items = true
      end
    end
  end
  return out, text
end

local function class_of(kind) return kind:sub(1, 1):upper() .. kind:sub(2) end

local function names_of(fields)
  local out = {}
  for name in pairs(fields) do out[#out + 1] = name end
  table.sort(out)
  return out
end

local function sorted(list)
  local out = {}
  for i, v in ipairs(list) do out[i] = v end
  table.sort(out)
  return out
end

function T.test_every_declaration_and_field_of_the_schema_is_annotated()
  local cls, text = classes()
  t.ok(text:match("^%-%-%-@meta\n"), "a ---@meta file")
  for _, kind in ipairs(schema.order) do
    local spec = schema.declarations[kind]
    t.ok(text:find("\nfunction " .. kind .. "(", 1, true), "function " .. kind)
    local c = t.ok(cls[class_of(kind)], "class kehoach." .. class_of(kind))
    local want = {}
    for _, f in ipairs(spec.fields) do
      want[#want + 1] = f[1]
      local got = c.fields[f[1]]
      t.ok(got, kind .. "." .. f[1])
      t.eq(got.optional, not f[3], kind .. "." .. f[1] .. " optional")
    end
    t.eq(names_of(c.fields), sorted(want), kind .. ": the fields")
    t.eq(c.open or false, spec.open ~= nil, kind .. ": other keys")
    t.eq(c.items or false, spec.items ~= nil, kind .. ": an array part")
    -- named declarations take their name first
    local sig = text:match("\nfunction " .. kind .. "%((%w+)%)")
    t.eq(sig, spec.named and "name" or "t", kind .. "'s parameter")
  end
end

function T.test_selectors_helpers_effects_and_expectations_are_annotated()
  local cls, text = classes()
  local keys = {}
  for _, k in ipairs(selector.keys) do keys[#keys + 1] = k[1] end
  t.eq(names_of(cls.Selector.fields), sorted(keys), "who")
  t.eq(names_of(cls.Household.fields), sorted(selector.WHERE_FIELDS), "where(h)")
  t.eq(names_of(cls.Effect.fields), { "clears", "from", "income", "note" }, "effect")
  for kind, class in pairs({ support = "SupportExpect", target = "TargetExpect", budget = "BudgetExpect" }) do
    local want = {}
    for _, k in ipairs(expect.KEYS[kind]) do want[#want + 1] = k[1] end
    t.eq(names_of(cls[class].fields), sorted(want), kind .. ".expect")
  end
  t.ok(cls.BudgetExpect.open, "budget.expect takes any source's name")
  local helpers = { "million" }
  for _, b in pairs(values.BASES) do helpers[#helpers + 1] = b.helper end
  for _, h in ipairs(helpers) do t.ok(text:find("\nfunction " .. h .. "(", 1, true), "helper " .. h) end
  for _, s in ipairs(selector.STATUS) do t.ok(text:find('"' .. s .. '"', 1, true), "status " .. s) end
  for _, n in ipairs(selector.NEEDS) do t.ok(text:find('"' .. n .. '"', 1, true), "need " .. n) end
  for _, i in ipairs(selector.INDICATORS) do t.ok(text:find('"' .. i .. '"', 1, true), "indicator " .. i) end
end

-- Every file under dir, recursively.
local function files(dir, out)
  for _, name in ipairs(fs.list(dir)) do
    local path = dir .. "/" .. name
    if fs.exists(path) == "directory" then files(path, out) else out[#out + 1] = path end
  end
  return out
end

function T.test_the_engine_never_loads_the_annotations()
  for _, path in ipairs(files("stdlib/kehoach", {})) do
    local body = fs.read(path)
    t.ok(not body:find("require%s*%(?%s*[\"']meta"), path .. " requires the annotations")
  end
  t.ok(not fs.read("engine/sandbox.c"):find("meta/", 1, true), "the sandbox does not name stdlib/meta")
end

return T
