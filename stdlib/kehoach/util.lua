-- util.lua — small helpers the stdlib shares: raising errors of a kind, pointing errors at
-- the plan line, names that match the Vietnamese way, terminal padding, sorted keys.
local host, text = core.host, core.text

local M = {}

-- Raises an error of a kind ("plan", "data", "usage", "output", ...) with a formatted
-- message; the kind decides the exit code.
function M.fail(kind, fmt, ...)
  host.fail(kind, select("#", ...) > 0 and string.format(fmt, ...) or fmt)
end

-- Raises a plan error located at the plan line now running (not at the stdlib).
function M.plan_error(fmt, ...)
  local msg = select("#", ...) > 0 and string.format(fmt, ...) or fmt
  local where = host.where()
  error(where and (where .. ": " .. msg) or msg, 0)
end

-- The folder a path is in: "out" for "out/results.db", "/" for "/x", "." for "x".
function M.dirname(path)
  local dir = path:match("^(.*)/[^/]*$")
  if dir == "" then return "/" end
  return dir or "."
end

-- The key two names match under: NFC, case folded, tone marks placed alike.
function M.name_key(s)
  return text.fold(s)
end

-- The candidate nearest to word (by edit distance on folded keys), or nil when none is
-- close enough to be a likely slip.
function M.nearest(word, candidates)
  if type(word) ~= "string" or not text.valid(word) then return nil end
  local function closest(key, fold)
    local best, best_d = nil, math.huge
    for _, c in ipairs(candidates) do
      local d = text.distance(key, fold(c))
      if d < best_d or (d == best_d and best and c < best) then best, best_d = c, d end
    end
    if best_d <= math.max(2, utf8.len(key) // 3) then return best end
  end
  local function bare(s) return text.fold(text.ascii(s)) end
  -- then without diacritics: "Ha Noi", typed on a keyboard without Telex, finds "Hà Nội"
  return closest(text.fold(word), text.fold) or closest(bare(word), bare)
end

-- s followed by spaces up to width display columns (Vietnamese-aware).
function M.pad(s, width)
  s = tostring(s)
  local w = text.width(s)
  return w >= width and s or s .. string.rep(" ", width - w)
end

-- spaces then s, up to width columns: for numbers.
function M.lpad(s, width)
  s = tostring(s)
  local w = text.width(s)
  return w >= width and s or string.rep(" ", width - w) .. s
end

-- The keys of t, sorted (tables are unordered: every output goes through this).
function M.sorted_keys(t, less)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys, less or function(a, b)
    if type(a) == type(b) then return a < b end
    return type(a) < type(b)
  end)
  return keys
end

-- 5723000000 -> "5.723.000.000": digits grouped by dots, the Vietnamese way.
function M.group_digits(n, sep)
  sep = sep or "."
  local neg = n < 0
  local s = string.format("%d", math.abs(n))
  local out = s:reverse():gsub("(%d%d%d)", "%1" .. sep):reverse()
  if out:sub(1, #sep) == sep then out = out:sub(#sep + 1) end
  return (neg and "-" or "") .. out
end

-- Splits total among weights by largest remainder (ties to the earlier), none above its
-- cap when caps are given; what a capped one cannot take goes to the others. Returns the
-- shares, in the weights' order.
function M.apportion(weights, total, caps)
  local n = #weights
  local out, fixed = {}, {}
  for i = 1, n do out[i] = 0 end
  local left = total
  while left > 0 do
    local sum = 0
    for i = 1, n do
      if not fixed[i] then sum = sum + weights[i] end
    end
    if sum == 0 then break end
    local share, rest, given = {}, {}, 0
    for i = 1, n do
      if not fixed[i] then
        local exact = left * weights[i] / sum
        share[i] = math.floor(exact)
        rest[#rest + 1] = { i = i, frac = exact - share[i] }
        given = given + share[i]
      end
    end
    table.sort(rest, function(a, b)
      if a.frac ~= b.frac then return a.frac > b.frac end
      return a.i < b.i
    end)
    for k = 1, left - given do share[rest[k].i] = share[rest[k].i] + 1 end
    local over = false
    for i, s in pairs(share) do
      if caps and out[i] + s > caps[i] then
        left = left - (caps[i] - out[i])
        out[i] = caps[i]
        fixed[i] = true
        over = true
      end
    end
    if not over then
      for i, s in pairs(share) do out[i] = out[i] + s end
      left = 0
    end
  end
  return out
end

-- A data file written by a user (a profile, an import mapping): its table, read in the
-- sandbox with no names at all (a name it reads is an error naming the line), its code
-- given DATA_SECONDS of processor time (data is read in milliseconds: a pattern that
-- backtracks for ever is stopped) unless --max-time says otherwise. what names it in
-- messages ("profile", "mapping"). Raises a data error (exit 3).
local DATA_SECONDS = 5

function M.data_file(path, what)
  if core.fs.exists(path) ~= "file" then M.fail("data", "%s: no such %s file", path, what) end
  local chunk = host.loadfile(path, path, setmetatable({}, {
    __index = function(_, k)
      M.fail("data", "%s: a %s holds data only; '%s' is not known there", host.where() or path, what, tostring(k))
    end,
  }))
  host.time_limit(DATA_SECONDS, "the " .. what .. " " .. path)
  local t = chunk()
  host.time_limit()
  if type(t) ~= "table" then M.fail("data", "%s: a %s must return a table", path, what) end
  return t
end

return M
