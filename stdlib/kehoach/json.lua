-- json.lua — JSON through lua-cjson, with one addition: objects are written with their
-- keys sorted (or in the order a `__keys` list in their metatable gives), so that the
-- same results always give the same bytes. cjson writes every scalar and decodes.
local cjson = core.cjson

local M = {}

M.null = cjson.null
M.decode = cjson.decode

-- An empty table is written as [] when marked with M.array, {} otherwise.
local array_mt = {}
function M.array(t) return setmetatable(t or {}, array_mt) end

local function is_array(t)
  if getmetatable(t) == array_mt then return true end
  local n = #t
  if n == 0 then return false end
  local count = 0
  for _ in pairs(t) do count = count + 1 end
  return count == n
end

local encode

local function encode_into(out, v, indent, depth)
  local tv = type(v)
  if tv ~= "table" or v == cjson.null then
    if tv == "number" and math.type(v) == "float" and v == math.floor(v) and math.abs(v) < 2^53 then
      v = math.tointeger(v)
    end
    if math.type(v) == "integer" then
      out[#out + 1] = string.format("%d", v)
    else
      out[#out + 1] = cjson.encode(v)
    end
    return
  end
  local nl = indent and ("\n" .. string.rep(indent, depth + 1)) or ""
  local close = indent and ("\n" .. string.rep(indent, depth)) or ""
  if is_array(v) then
    if #v == 0 then out[#out + 1] = "[]" return end
    out[#out + 1] = "["
    for i = 1, #v do
      out[#out + 1] = (i > 1 and "," or "") .. nl
      encode_into(out, v[i], indent, depth + 1)
    end
    out[#out + 1] = close .. "]"
    return
  end
  local mt = getmetatable(v)
  local keys = mt and mt.__keys
  if not keys then
    keys = {}
    for k in pairs(v) do keys[#keys + 1] = tostring(k) end
    table.sort(keys)
  end
  if #keys == 0 then out[#out + 1] = "{}" return end
  out[#out + 1] = "{"
  local first = true
  for _, k in ipairs(keys) do
    local item = v[k]
    if item == nil then item = v[tonumber(k)] end
    if item ~= nil then
      out[#out + 1] = (first and "" or ",") .. nl .. cjson.encode(k) .. (indent and ": " or ":")
      encode_into(out, item, indent, depth + 1)
      first = false
    end
  end
  out[#out + 1] = close .. "}"
end

-- Encodes v; with indent (e.g. "  ") the output is spread over lines.
function encode(v, indent)
  local out = {}
  encode_into(out, v, indent, 0)
  return table.concat(out)
end
M.encode = encode

-- An object whose keys are written in the given order.
function M.ordered(t, keys)
  return setmetatable(t, { __keys = keys })
end

return M
