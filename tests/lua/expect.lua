-- expect.lua — the assertions Lua tests use (passed to every tests/lua/test_*.lua as its
-- argument). A failed expectation raises an error naming the test line and both values.
local json = require "kehoach.json"

local M = {}

local function show(v)
  if type(v) == "table" then return json.encode(v) end
  if type(v) == "string" then return string.format("%q", v) end
  return tostring(v)
end

local function deep_equal(a, b)
  if a == b then return true end
  if type(a) ~= "table" or type(b) ~= "table" then
    return type(a) == "number" and type(b) == "number" and a == b
  end
  for k, v in pairs(a) do
    if not deep_equal(v, b[k]) then return false end
  end
  for k in pairs(b) do
    if a[k] == nil then return false end
  end
  return true
end

function M.eq(actual, expected, what)
  if not deep_equal(actual, expected) then
    error(string.format("%sexpected %s, got %s", what and (what .. ": ") or "", show(expected),
      show(actual)), 2)
  end
end

function M.ne(actual, other, what)
  if deep_equal(actual, other) then
    error(string.format("%sexpected anything but %s", what and (what .. ": ") or "", show(other)), 2)
  end
end

function M.ok(value, what)
  if not value then error((what or "expected a true value") .. ", got " .. show(value), 2) end
  return value
end

-- Calls fn(...), expects it to raise; returns the error's message (and kind for kehoach
-- errors). With pattern, the message must match it.
function M.raises(pattern, fn, ...)
  local ok, e = pcall(fn, ...)
  if ok then error("expected an error" .. (pattern and (" matching " .. show(pattern)) or ""), 2) end
  local msg = type(e) == "table" and e.message or tostring(e)
  if pattern and not msg:find(pattern) then
    error(string.format("expected an error matching %s, got %s", show(pattern), show(msg)), 2)
  end
  return msg, type(e) == "table" and e.kind or nil
end

-- Whether s contains the plain text part.
function M.contains(s, part, what)
  if type(s) ~= "string" or not s:find(part, 1, true) then
    error(string.format("%sexpected %s to contain %s", what and (what .. ": ") or "", show(s),
      show(part)), 2)
  end
end

return M
