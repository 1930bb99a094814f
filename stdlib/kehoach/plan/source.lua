-- source.lua — a plan written back as plan-language source: each declaration, with its
-- fields in the schema's order and values as a plan author writes them (million(48),
-- per_household(million(30)), "Q1-Q2", { { "An Lạc", 14 } }), so that running the text
-- declares the same plan. `kehoach new` writes next year's draft with it.
--
--   source.declaration(d, note) -> text   one declaration; note(d, field) may return a
--       comment (without "--") written on the line before that field
--   source.value(v) -> text               a plain Lua value (text, number, boolean, list)
--   source.money(n) -> text               million(48) or 250000
--   source.field(d, name) -> text          one field's value as source (nil when unset)
-- A `where` function cannot be written back: the selector is written without it, and a
-- comment says where the original is.
local allocation = require "kehoach.plan.allocation"
local schema = require "kehoach.plan.schema"
local selector = require "kehoach.plan.selector"
local values = require "kehoach.plan.values"
local util = require "kehoach.util"

local M = {}

local WIDTH = 96   -- where long texts are split

local function width(s) return core.text.width(s) end

local function quote(s)
  return '"' .. s:gsub('[\\"\n\r\t]', { ["\\"] = "\\\\", ['"'] = '\\"', ["\n"] = "\\n", ["\r"] = "\\r",
    ["\t"] = "\\t" }) .. '"'
end


-- A text, split into pieces joined with .. when it is long (at spaces, so words stay whole).
local function long_text(s, indent)
  if width(s) + indent + 3 <= WIDTH then return quote(s) end
  local pieces, piece = {}, ""
  for word in s:gmatch("%S+%s*") do
    if #piece > 0 and width(piece) + width(word) + indent > WIDTH - 8 then
      pieces[#pieces + 1] = piece
      piece = ""
    end
    piece = piece .. word
  end
  pieces[#pieces + 1] = piece
  local out = {}
  for i, p in ipairs(pieces) do out[i] = quote(p) end
  return table.concat(out, " ..\n" .. string.rep(" ", indent + 2))
end

-- million(436.32) down to ten thousand đồng; smaller sums and odd ones in đồng.
function M.money(n)
  if n >= 1000000 and n % 10000 == 0 then
    return string.format("million(%s)", (string.format("%.2f", n / 1000000):gsub("0+$", ""):gsub("%.$", "")))
  end
  return string.format("%d", n)
end

local function number(v)
  if math.type(v) == "integer" then return tostring(v) end
  return (string.format("%.10g", v))
end

function M.value(v)
  local t = type(v)
  if t == "string" then return quote(v) end
  if t == "number" then return number(v) end
  if t == "boolean" then return tostring(v) end
  if t == "table" then
    local parts = {}
    for i, x in ipairs(v) do parts[i] = M.value(x) end
    return "{ " .. table.concat(parts, ", ") .. " }"
  end
  error("cannot write a " .. t .. " as plan source")
end

-- Items of a list, on one line when it fits in WIDTH columns after indent, else packed on
-- lines of their own.
local function pack(parts, indent)
  indent = indent or 2
  local one = "{ " .. table.concat(parts, ", ") .. " }"
  if width(one) + indent <= WIDTH then return one end
  local lines, line = {}, ""
  for _, part in ipairs(parts) do
    if #line > 0 and width(line) + width(part) + indent + 4 > WIDTH then
      lines[#lines + 1] = line
      line = ""
    end
    line = line .. part .. ", "
  end
  lines[#lines + 1] = line
  local pad = string.rep(" ", indent + 2)
  for i, l in ipairs(lines) do lines[i] = pad .. l:gsub("%s+$", "") end
  return "{\n" .. table.concat(lines, "\n") .. "\n" .. string.rep(" ", indent) .. "}"
end

local function names(list, indent)
  if #list == 1 then return quote(list[1]) end
  local parts = {}
  for i, s in ipairs(list) do parts[i] = quote(s) end
  return pack(parts, indent)
end

-- Commune counts as a list of pairs.
local function communes(list, indent)
  local parts = {}
  for i, c in ipairs(list) do parts[i] = string.format("{ %s, %d }", quote(c.name), c.n) end
  return pack(parts, indent)
end

local function amount(a)
  local helper = values.BASES[a.basis].helper
  if a.noun then return string.format("%s(%s, %s)", helper, M.money(a.vnd), quote(a.noun)) end
  return string.format("%s(%s)", helper, M.money(a.vnd))
end

-- A selector, keys in the language's order.
local function selector_text(sel, lost)
  local parts = {}
  for _, k in ipairs(selector.keys) do
    local key, v = k[1], sel[k[1]]
    if v == nil then
      -- not asked
    elseif key == "any" then
      local subs = {}
      for i, s in ipairs(v) do subs[i] = selector_text(s, lost) end
      parts[#parts + 1] = "any = { " .. table.concat(subs, ", ") .. " }"
    elseif key == "where" then
      lost[#lost + 1] = "where"
    elseif type(v) == "table" and (v.min or v.max) then
      local r = {}
      if v.min then r[#r + 1] = "min = " .. v.min end
      if v.max then r[#r + 1] = "max = " .. v.max end
      parts[#parts + 1] = key .. " = { " .. table.concat(r, ", ") .. " }"
    elseif type(v) == "table" then
      parts[#parts + 1] = key .. " = " .. names(v)
    else
      parts[#parts + 1] = key .. " = " .. M.value(v)
    end
  end
  return "{ " .. table.concat(parts, ", ") .. " }"
end

local function effect_text(e)
  local parts = {}
  if e.income then parts[#parts + 1] = "income = " .. e.income end
  if e.from then parts[#parts + 1] = "from = " .. quote(e.from.text) end
  if e.clears then parts[#parts + 1] = "clears = " .. M.value(e.clears) end
  local out = "{ " .. table.concat(parts, ", ")
  if e.note then out = out .. ",\n    note = " .. long_text(e.note, 4) end
  return out .. " }"
end

local function quarter_totals(qt)
  local parts = {}
  for _, q in ipairs(schema.QUARTERS) do
    if qt[q] then parts[#parts + 1] = q .. " = " .. qt[q] end
  end
  return "{ " .. table.concat(parts, ", ") .. " }"
end

-- An expect table: keys sorted, commune counts as pairs, money as million().
local function expect_text(e)
  local parts = {}
  for _, k in ipairs(util.sorted_keys(e)) do
    local v = e[k]
    if type(v) == "table" then parts[#parts + 1] = k .. " = " .. communes(v)
    elseif math.type(v) == "integer" and v >= 1000000 then parts[#parts + 1] = k .. " = " .. M.money(v)
    else parts[#parts + 1] = k .. " = " .. number(v) end
  end
  return "{ " .. table.concat(parts, ", ") .. " }"
end

-- An allocation's criteria { poor = 1, ... } (in the order tables print them) or exclude
-- { "name", ..., urban = true }.
local function allocation_table(name, v)
  local parts = {}
  if name == "criteria" then
    for _, c in ipairs(allocation.CRITERIA) do
      if v[c.id] ~= nil then parts[#parts + 1] = c.id .. " = " .. M.value(v[c.id]) end
    end
  else
    for i, x in ipairs(v) do parts[i] = M.value(x) end
    if v.urban ~= nil then parts[#parts + 1] = "urban = " .. tostring(v.urban) end
  end
  return pack(parts)
end

-- The value of field f (its schema entry) of declaration d, as source.
local function field_text(d, f, lost)
  local name, kind = f[1], f[2]
  local v = d[name]
  if name == "who" then return selector_text(v, lost) end
  if name == "effect" then return effect_text(v) end
  if name == "quarter_totals" then return quarter_totals(v) end
  if name == "expect" then return expect_text(v) end
  if name == "delivers" then return string.format("{ count = %d, noun = %s }", v.count, quote(v.noun)) end
  if d.kind == "allocation" and (name == "criteria" or name == "exclude") then return allocation_table(name, v) end
  if kind == "text" then return long_text(v, 2 + #name + 3) end
  if kind == "texts" then
    local items = {}
    for i, s in ipairs(v) do items[i] = "    " .. long_text(s, 4) .. "," end
    return "{\n" .. table.concat(items, "\n") .. "\n  }"
  end
  if kind == "money" then return M.money(v) end
  if kind == "amount" then return amount(v) end
  if kind == "months" or kind == "quarters" or kind == "date" or kind == "month_or_date" then
    return quote(v.text)
  end
  if kind == "names" then return names(v, 2) end
  if kind == "communes" then return communes(v, 2) end
  return M.value(v)
end

-- The value of field `name` of declaration d as source, or nil when d does not set it.
function M.field(d, name)
  if d[name] == nil then return nil end
  for _, f in ipairs(schema.declarations[d.kind].fields) do
    if f[1] == name then return (field_text(d, f, {})) end
  end
end

function M.declaration(d, note)
  note = note or function() end
  local spec = schema.declarations[d.kind]
  local lines = {}
  local head = spec.named and string.format("%s %s {", d.kind, quote(d.id)) or (d.kind .. " {")
  lines[1] = head
  local lost = {}
  local function field(name, text, key)
    local n = note(d, key or name)
    if n then
      for line in n:gmatch("[^\n]+") do lines[#lines + 1] = "  -- " .. line end
    end
    lines[#lines + 1] = "  " .. name .. " = " .. text .. ","
  end
  for _, f in ipairs(spec.fields) do
    -- (a support's section is written only when it is not the default)
    if d[f[1]] ~= nil and not (f[1] == "section" and d.section == "measures") then
      field(f[1], field_text(d, f, lost))
    end
  end
  -- the budget's lines, and a scenario's paths
  if d.kind == "budget" then
    for _, k in ipairs(util.sorted_keys(d.lines or {})) do field(k, M.money(d.lines[k])) end
  elseif d.kind == "scenario" then
    for _, k in ipairs(util.sorted_keys(d.set or {})) do
      local v = d.set[k]
      field(string.format("[%s]", quote(k)), values.is_amount(v) and amount(v) or M.value(v), k)
    end
  end
  for _, item in ipairs(d.items or {}) do lines[#lines + 1] = "  " .. long_text(item, 2) .. "," end
  if #lost > 0 then
    lines[#lines + 1] = string.format("  -- not copied: the where function of %s (write it again here)", d.where)
  end
  lines[#lines + 1] = "}"
  return table.concat(lines, "\n")
end

return M
