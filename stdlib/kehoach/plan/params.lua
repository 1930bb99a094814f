-- params.lua — the plan's values addressable by path, for --set, scenarios and the {path}
-- placeholders of objective texts: "tro_cap.amount", "vay_von.quota.An Lạc",
-- "giam_ho_ngheo.households", "budget.ngan_sach_thanh_pho". Commune names in paths match
-- after folding, like everywhere else.
--
--   M.list(p)                   every addressable value: { path, decl, kind, get, set,
--                               stage, reproject }
--   M.find(p, path)             the entry at path, or nil and the nearest valid paths
--   M.get(p, path), M.expand(p, s, format)
--   M.parse(kind, text)         a value as written on the command line (--set), checked
--   M.check(kind, v)            a value as written in a plan (a scenario), checked
--   M.apply(p, changes)         sets values by path, keeping stated sums in step
local util = require "kehoach.util"
local values = require "kehoach.plan.values"
local schema = require "kehoach.plan.schema"

local text = core.text

local M = {}

-- Each entry also says what a change of it can change, for kehoach sweep: stage, the
-- first stage of kehoach.pipeline's allot to do again ("choose", "price", "fund",
-- "figures"; "prepare" for what the selection itself reads), and reproject, whether the
-- projection must be made again (true, false, or "budget": only under a budget mode
-- other than "gap", which turns prices into who is paid and how much).
local AFFECTS = {
  quota = { "choose", true }, amount = { "price", "budget" }, units = { "price", "budget" },
  units_per_household = { "price", "budget" }, effect = { "figures", true }, priority = { "prepare", true },
  budget = { "fund", "budget" },
}

local function affects(e, field)
  local a = AFFECTS[field] or { "figures", false }
  e.stage, e.reproject = a[1], a[2]
  return e
end

-- Pushes one entry per commune of a commune-count list.
local function commune_entries(out, base, d, list)
  local field = d.kind == "support" and "quota" or "target"
  for _, c in ipairs(list or {}) do
    out[#out + 1] = affects({ path = base .. "." .. c.name, decl = d, kind = "count",
      get = function() return c.n end, set = function(v) c.n = v end }, field)
  end
end

-- The commune-count lists of a declaration a path may add a commune to.
local COMMUNE_LISTS = { support = { "quota" }, target = { "by_commune", "Q1", "Q2", "Q3", "Q4" } }

local function field(out, d, path, name, kind)
  if d[name] ~= nil then
    out[#out + 1] = affects({ path = path, decl = d, kind = kind,
      get = function() return d[name] end, set = function(v) d[name] = v end }, name)
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
      field(out, d, id .. ".poor_at_end", "poor_at_end", "count")
      field(out, d, id .. ".rate_at_end", "rate_at_end", "number")
      commune_entries(out, id .. ".by_commune", d, d.by_commune)
      for q = 1, 4 do commune_entries(out, id .. ".Q" .. q, d, d["Q" .. q]) end
      for q = 1, 4 do
        if d.quarter_totals and d.quarter_totals["Q" .. q] then
          out[#out + 1] = affects({ path = id .. ".quarter_totals.Q" .. q, decl = d, kind = "count",
            get = function() return d.quarter_totals["Q" .. q] end,
            set = function(v) d.quarter_totals["Q" .. q] = v end }, "target")
        end
      end
    elseif d.kind == "support" then
      if d.amount then
        out[#out + 1] = affects({ path = id .. ".amount", decl = d, kind = "money",
          get = function() return d.amount.vnd end,
          set = function(v) d.amount = values.with_vnd(d.amount, v) end }, "amount")
      end
      commune_entries(out, id .. ".quota", d, d.quota)
      for _, f in ipairs({ "households", "persons", "units", "units_per_household" }) do
        field(out, d, id .. "." .. f, f, "count")
      end
      field(out, d, id .. ".coverage", "coverage", "share")
      field(out, d, id .. ".priority", "priority", "priority")
      if d.effect and d.effect.income then
        out[#out + 1] = affects({ path = id .. ".effect.income", decl = d, kind = "money",
          get = function() return d.effect.income end, set = function(v) d.effect.income = v end }, "effect")
      end
    elseif d.kind == "activity" then
      -- its cost is a source's need: funded again (kehoach.plan.activity)
      out[#out + 1] = affects({ path = id .. ".cost", decl = d, kind = "money",
        get = function() return d.cost end, set = function(v) d.cost = v end }, "budget")
    elseif d.kind == "allocation" then
      -- a fund divided by criteria is divided again at every allot (kehoach.run.allocation)
      for _, f in ipairs({ "fund", "floor", "then_floor" }) do field(out, d, id .. "." .. f, f, "money") end
    elseif d.kind == "budget" then
      out[#out + 1] = affects({ path = "budget.total", decl = d, kind = "money",
        get = function() return d.total end, set = function(v) d.total = v end }, "budget")
      for _, k in ipairs(util.sorted_keys(d.lines)) do
        out[#out + 1] = affects({ path = "budget." .. k, decl = d, kind = "money",
          get = function() return d.lines[k] end, set = function(v) d.lines[k] = v end }, "budget")
      end
    elseif d.kind == "report" then
      if d.due then
        out[#out + 1] = affects({ path = id .. ".due", decl = d, kind = "date",
          get = function() return d.due.text end, set = function(v) d.due = v end }, "due")
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

-- The entry at path, or nil, a message naming the valid paths nearest to it, and the
-- nearest path (nil when none is near).
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
      or ("the plan's paths start with: " .. table.concat(M.heads(list), ", "))), near
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

-- Replaces each {path} in s with format(value, entry); returns the text, or nil, why,
-- the first path that names no parameter and the one nearest to it (see M.find).
function M.expand(p, s, format)
  local bad
  local out = s:gsub("{([^{}]+)}", function(path)
    local e, why, near = M.find(p, path)
    if not e then bad = bad or { why, path, near } return "" end
    return format(e.get(), e)
  end)
  if bad then return nil, bad[1], bad[2], bad[3] end
  return out
end

-- ---- values from the command line and from scenarios -------------------------------------

-- What each kind of value is, in words, with an example, for messages.
M.KINDS = {
  count = { words = "a whole number, 0 or more", example = "59" },
  number = { words = "a number", example = "0.24" },
  money = { words = "a sum of money in đồng", example = "300000, 300.000 or million(0.3)" },
  share = { words = "a share from 0 to 1, or a percentage", example = "1 or 100%" },
  date = { words = "an ISO date", example = "2021-06-05" },
  priority = { words = "a priority", example = table.concat(schema.PRIORITIES, " or ") },
}

local CHECKS = {
  count = schema.count,
  number = schema.kinds.number.check,
  money = values.vnd,
  share = schema.kinds.share.check,
  date = function(v) return values.date(v) end,
  priority = schema.enum(schema.PRIORITIES),
}

-- A value written in a plan (a scenario's) for an entry of kind: the value to set, or nil
-- and why.
function M.check(kind, v)
  local x, why = CHECKS[kind](v)
  if x == nil then return nil, why end
  return x
end

local function trim(s)
  return (s:gsub("^%s+", ""):gsub("%s+$", ""))
end

local GROUPED = "a whole number; 300.000 groups digits in threes"

-- A number as people write it: 300000, 50e6, 0.24 or 0,24; for whole amounts (grouped),
-- digits grouped in threes by dots or commas, 300.000 or 300,000.
local function read_number(s, grouped)
  if grouped and s:match("^%d%d?%d?[.,]%d%d%d[%d.,]*$") then
    local sep = s:match("^%d+([.,])")
    local head, rest = s:match("^(%d%d?%d?)(.*)$")
    if rest:gsub("%" .. sep .. "%d%d%d", "") ~= "" then return nil, GROUPED end
    return tonumber(head .. rest:gsub("%" .. sep, ""))
  end
  if grouped and s:match("^%d+[.,]%d+$") then return nil, GROUPED end  -- 300.00: a slip for 300.000?
  if not grouped and s:match("^%d+,%d+$") then s = s:gsub(",", ".") end
  if not s:match("^[%d.eE+%-]+$") then return nil end
  return tonumber(s)
end

-- A value written on the command line (--set PATH=VALUE) for an entry of kind: the value
-- to set, or nil and a message saying what is wanted.
function M.parse(kind, text)
  local s = trim(text)
  local v, why
  if kind == "money" then
    local m = s:match("^million%s*%((.*)%)$") or s:match("^(.-)%s*triệu$")
    if m then
      local n = read_number(trim(m), false)
      if n then v, why = values.million(n) end
    else
      v, why = read_number(s, true)
    end
  elseif kind == "count" then
    v, why = read_number(s, true)
  elseif kind == "number" then
    v = read_number(s, false)
  elseif kind == "share" then
    local pc = s:match("^(.-)%s*%%$")
    v = read_number(pc or s, false)
    if v and pc then v = v / 100 end
  elseif kind == "date" or kind == "priority" then
    v = s
  end
  local x
  if v ~= nil then x, why = M.check(kind, v) end
  if x == nil then
    local k = M.KINDS[kind]
    return nil, string.format("'%s' is not %s (%s%s)", text, k.words, why and (why .. "; ") or "",
      "for example " .. k.example)
  end
  return x
end

-- A --set or --vary text "PATH=REST" read against plan p: the path's entry (M.find_or_add),
-- the path as written (trimmed) and REST. option: "--set" or "--vary"; form: what to write,
-- for the usage error ("PATH=VALUE, like --set tro_cap.amount=300000").
function M.option(p, option, text, form)
  local path, rest = text:match("^([^=]+)=(.*)$")
  if not path then util.fail("usage", "%s %s: write %s", option, text, form) end
  path = path:gsub("^%s+", ""):gsub("%s+$", "")
  local e, why = M.find_or_add(p, path)
  if not e then util.fail("usage", "%s %s: %s", option, text, why) end
  return e, path, rest
end

-- The entry at path, or one that adds the commune to a declaration's list of communes
-- ("vay_von.quota.Hòa Bình" when the quota has no Hòa Bình yet); nil, why and the
-- nearest path (see M.find) otherwise.
function M.find_or_add(p, path)
  local e, why, near = M.find(p, path)
  if e then return e end
  local id, field, name = path:match("^([%a_][%w_]*)%.([%w_]+)%.(.+)$")
  local d = id and p.by_id[id]
  local lists = d and COMMUNE_LISTS[d.kind]
  if not lists then return nil, why, near end
  for _, f in ipairs(lists) do
    if f == field and d[f] then
      local n = schema.nfc_text(name)
      if not n then return nil, why, near end
      -- the name is the path's last part: a dot or a control character cannot be in it
      if n:find("[%c.]") or not n:find("%S") then
        return nil, string.format("'%s' is not a commune's name (a name has no dots or control characters)", n)
      end
      local list = d[f]
      return affects({ path = id .. "." .. f .. "." .. n, decl = d, kind = "count", added = true,
        get = function() return 0 end,
        set = function(v) list[#list + 1] = { name = n, key = text.fold(n), n = v } end },
        d.kind == "support" and "quota" or "target")
    end
  end
  return nil, why, near
end

-- ---- sums the plan states -----------------------------------------------------------------

-- The households of a list of communes and counts ({ {name, n}, ... }).
local function list_sum(list)
  local n = 0
  for _, c in ipairs(list or {}) do n = n + c.n end
  return n
end
M.list_sum = list_sum

-- The sums a plan states, inner ones first, so an outer sum sees the inner ones it adds
-- up: { path, get, set, parts = function() -> the parts' sum now, why }.
local function sums(p)
  local out = {}
  local function add(path, get, set, parts, why)
    out[#out + 1] = { path = path, get = get, set = set, parts = parts, why = why }
  end
  for _, d in ipairs(p.order) do
    local id = d.id
    if d.kind == "target" then
      local qt = d.quarter_totals
      local any_quarter = false
      for q = 1, 4 do
        local key = "Q" .. q
        any_quarter = any_quarter or d[key] ~= nil
        if d[key] and qt and qt[key] then
          add(id .. ".quarter_totals." .. key, function() return qt[key] end, function(v) qt[key] = v end,
            function() return list_sum(d[key]) end, "the communes of " .. key)
        end
      end
      if d.by_commune and any_quarter then
        for _, c in ipairs(d.by_commune) do
          add(id .. ".by_commune." .. c.name, function() return c.n end, function(v) c.n = v end, function()
            local n = 0
            for q = 1, 4 do
              for _, x in ipairs(d["Q" .. q] or {}) do
                if x.key == c.key then n = n + x.n end
              end
            end
            return n
          end, "its quarters")
        end
      end
      local function households(parts, why)
        add(id .. ".households", function() return d.households end, function(v) d.households = v end, parts, why)
      end
      if d.by_commune then
        households(function() return list_sum(d.by_commune) end, "the communes")
      elseif any_quarter or qt then
        households(function()
          local n = 0
          for q = 1, 4 do
            local list = d["Q" .. q]
            n = n + (list and list_sum(list) or (qt and qt["Q" .. q]) or 0)
          end
          return n
        end, "the quarters")
      end
    elseif d.kind == "support" then
      if d.quota and d.households then
        add(id .. ".households", function() return d.households end, function(v) d.households = v end,
          function() return list_sum(d.quota) end, "the quotas")
      end
      -- after the households (relations follow in order): units in all, when they were the
      -- households times the units each
      if d.units and d.units_per_household and d.households then
        add(id .. ".units", function() return d.units end, function(v) d.units = v end,
          function() return d.households * d.units_per_household end, "the households")
      end
    elseif d.kind == "budget" and next(d.lines) then
      add("budget.total", function() return d.total end, function(v) d.total = v end, function()
        local n = 0
        for _, v in pairs(d.lines) do n = n + v end
        return n
      end, "the sources")
    end
  end
  return out
end

-- Sets values by path. changes: a list of { path, value } (value already checked with
-- M.check or M.parse); each path must come from M.find_or_add. A sum the plan states that
-- agreed with its parts before follows them after (the quotas' sum into households, the
-- sources into the budget's total, a target's communes into its quarters and total),
-- unless the changes set it themselves. Returns the list of what changed:
--   { path, from, to, follows = nil | "the quotas" }  (from, to as M.get gives them)
function M.apply(p, changes)
  local relations = sums(p)
  local before = {}
  for i, r in ipairs(relations) do before[i] = { total = r.get(), parts = r.parts() } end
  local done, explicit = {}, {}
  for _, c in ipairs(changes) do
    local e = assert(M.find_or_add(p, c.path))
    local from = e.get()
    e.set(c.value)
    local now = M.find(p, e.path)
    done[#done + 1] = { path = e.path, from = from, to = now and now.get() or c.value }
    explicit[match_key(e.path)] = true
  end
  for i, r in ipairs(relations) do
    if not explicit[match_key(r.path)] and before[i].total == before[i].parts then
      local now, was = r.parts(), r.get()
      if now ~= was then
        r.set(now)
        done[#done + 1] = { path = r.path, from = was, to = now, follows = r.why }
      end
    end
  end
  return done
end

return M
