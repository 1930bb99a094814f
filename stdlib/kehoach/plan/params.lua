-- params.lua — the plan's values addressable by path, for --set, scenarios and the {path}
-- placeholders of objective texts: "tro_cap.amount", "vay_von.quota.Thống Nhất",
-- "giam_ho_ngheo.households", "budget.ngan_sach_thanh_pho". Commune names in paths match
-- after folding, like everywhere else.
local util = require "kehoach.util"
local values = require "kehoach.plan.values"

local text = core.text

local M = {}

-- Pushes one entry per commune of a commune-count list.
local function commune_entries(out, base, d, list)
  for _, c in ipairs(list or {}) do
    out[#out + 1] = { path = base .. "." .. c.name, decl = d, kind = "count",
      get = function() return c.n end, set = function(v) c.n = v end }
  end
end

local function field(out, d, path, name, kind)
  if d[name] ~= nil then
    out[#out + 1] = { path = path, decl = d, kind = kind,
      get = function() return d[name] end, set = function(v) d[name] = v end }
  end
end

-- Every addressable value of p, in declaration order: { path, decl, kind, get, set }.
function M.list(p)
  local out = {}
  for _, d in ipairs(p.order) do
    local id = d.id
    if d.kind == "target" then
      field(out, d, id .. ".households", "households", "count")
      field(out, d, id .. ".rate_points", "rate_points", "number")
      commune_entries(out, id .. ".by_commune", d, d.by_commune)
      for q = 1, 4 do commune_entries(out, id .. ".Q" .. q, d, d["Q" .. q]) end
      for q = 1, 4 do
        if d.quarter_totals and d.quarter_totals["Q" .. q] then
          out[#out + 1] = { path = id .. ".quarter_totals.Q" .. q, decl = d, kind = "count",
            get = function() return d.quarter_totals["Q" .. q] end,
            set = function(v) d.quarter_totals["Q" .. q] = v end }
        end
      end
    elseif d.kind == "support" then
      if d.amount then
        out[#out + 1] = { path = id .. ".amount", decl = d, kind = "money",
          get = function() return d.amount.vnd end,
          set = function(v) d.amount = values.with_vnd(d.amount, v) end }
      end
      commune_entries(out, id .. ".quota", d, d.quota)
      for _, f in ipairs({ "households", "persons", "units", "units_per_household" }) do
        field(out, d, id .. "." .. f, f, "count")
      end
      field(out, d, id .. ".coverage", "coverage", "share")
      if d.effect and d.effect.income then
        out[#out + 1] = { path = id .. ".effect.income", decl = d, kind = "money",
          get = function() return d.effect.income end, set = function(v) d.effect.income = v end }
      end
    elseif d.kind == "budget" then
      field(out, d, "budget.total", "total", "money")
      for _, k in ipairs(util.sorted_keys(d.lines)) do
        out[#out + 1] = { path = "budget." .. k, decl = d, kind = "money",
          get = function() return d.lines[k] end, set = function(v) d.lines[k] = v end }
      end
    elseif d.kind == "report" then
      if d.due then
        out[#out + 1] = { path = id .. ".due", decl = d, kind = "date",
          get = function() return d.due.text end, set = function(v) d.due = v end }
      end
    end
  end
  return out
end

-- The key a path is found under: the part after the last dot folded, so commune names
-- match however their tones are placed.
local function match_key(path)
  local base, last = path:match("^(.*)%.([^.]*)$")
  if not base or not text.valid(last) then return path end
  return base .. "." .. text.fold(last)
end

-- The entry at path, or nil and a message naming the valid paths nearest to it.
function M.find(p, path)
  local list = M.list(p)
  local want = match_key(path)
  local names = {}
  for _, e in ipairs(list) do
    if e.path == path or match_key(e.path) == want then return e end
    names[#names + 1] = e.path
  end
  local near = util.nearest(path, names)
  local prefix = path:match("^([^.]*)")
  local same = {}
  for _, n in ipairs(names) do
    if n:match("^([^.]*)") == prefix then same[#same + 1] = n end
  end
  return nil, string.format("unknown parameter '%s'%s; %s", path,
    near and (" (did you mean '" .. near .. "'?)") or "",
    #same > 0 and ("the paths of " .. prefix .. " are: " .. table.concat(same, ", "))
      or ("the plan's paths start with: " .. table.concat(M.heads(list), ", ")))
end

-- The distinct first parts of the paths ("tro_cap", "budget", ...), in order.
function M.heads(list)
  local seen, out = {}, {}
  for _, e in ipairs(list) do
    local h = e.path:match("^([^.]+)")
    if not seen[h] then seen[h] = true; out[#out + 1] = h end
  end
  return out
end

function M.get(p, path)
  local e, why = M.find(p, path)
  if not e then return nil, why end
  return e.get()
end

-- Replaces each {path} in s with format(value, entry); returns the text, or nil and why.
function M.expand(p, s, format)
  local bad
  local out = s:gsub("{([^{}]+)}", function(path)
    local e, why = M.find(p, path)
    if not e then bad = bad or why return "" end
    return format(e.get(), e)
  end)
  if bad then return nil, bad end
  return out
end

return M
