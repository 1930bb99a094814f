-- units.lua — the unit tree: the country's provinces, a province's districts (before July
-- 2025) or its communes, a district's communes; one row of the registry's `units` each,
-- joined by `parent`. A plan is for any node of the tree; its targets and quotas name the
-- node's children (communes, districts, or provinces for a national plan; a commune plan's
-- only "child" is the commune itself), and households are counted through the tree: the
-- households of a child are those of the communes under it.
--
--   M.tree(rows) -> tree { list, by_code, children = {code -> {unit}} }: rows are units
--                   ({code, name, level, kind, parent, ...}), in the order given
--   M.problems(rows) -> { {code, what = "parent"|"cycle"|"commune-parent"|"duplicate", ...} }:
--                   what is wrong with the tree (empty when nothing is)
--   M.problem_text(pr) -> the problem in words, naming the units
--   M.find(tree, name) -> unit, or nil and facts { near } / { count, qualified }: a unit by
--                   its name (folded the Vietnamese way), its kind and name ("Xã An Lạc",
--                   "tỉnh Mẫu"), or its code
--   M.children(tree, node) -> the units a plan for node gives targets to
--   M.leaves(tree, node) -> { {unit = commune, child = child} } the communes under node
--   M.kinds_words(units) -> "xã, phường": the kinds of the units, in words, as a list says them
--   M.title(unit) -> "huyện Diên Khánh": the unit's kind in lower case, then its bare name
--   M.resolve(db, p, opts) -> the plan's units (see below); db has the registry as "reg"
local util = require "kehoach.util"
local check = require "kehoach.plan.check"
local schema = require "kehoach.registry.schema"

local text = core.text

local M = {}

-- The order kinds are named in when a list of units has several ("xã, phường, thị trấn"):
-- the schema's. A kind not listed follows, in the order met; it is never needed to read one.
local KIND_ORDER = schema.values.unit_kind
-- A level's word, for a unit the registry gives no kind.
local LEVEL_WORD = { country = "cả nước", province = "tỉnh", district = "huyện", commune = "xã" }
-- The English word for the units at a level, for messages.
local LEVEL_NOUN = { country = "country", province = "province", district = "district", commune = "commune" }

function M.level_noun(level) return LEVEL_NOUN[level] or "unit" end

function M.tree(rows)
  local t = { list = {}, by_code = {}, children = {} }
  for _, u in ipairs(rows) do
    t.list[#t.list + 1] = u
    t.by_code[u.code] = u
  end
  for _, u in ipairs(t.list) do
    if u.parent and u.parent ~= "" and t.by_code[u.parent] then
      local kids = t.children[u.parent] or {}
      kids[#kids + 1] = u
      t.children[u.parent] = kids
    end
  end
  return t
end

function M.problems(rows)
  local out, seen = {}, {}
  for _, u in ipairs(rows) do
    if seen[u.code] then out[#out + 1] = { what = "duplicate", code = u.code, unit = u, other = seen[u.code] } end
    seen[u.code] = seen[u.code] or u
  end
  if #out > 0 then return out end  -- a code that names two units: the parents cannot be followed
  local t = M.tree(rows)
  local reported = {}
  for _, u in ipairs(t.list) do
    local parent = u.parent ~= "" and u.parent or nil
    if parent and not t.by_code[parent] then
      out[#out + 1] = { what = "parent", code = u.code, unit = u }
    elseif parent and t.by_code[parent].level == "commune" then
      out[#out + 1] = { what = "commune-parent", code = u.code, unit = u, parent = t.by_code[parent] }
    elseif parent and not reported[u.code] then
      -- follow the parents up: a unit met twice closes a cycle
      local path, on = { u }, { [u.code] = 1 }
      local v = t.by_code[parent]
      while v and not reported[v.code] do
        if on[v.code] then
          local cycle = {}
          for i = on[v.code], #path do
            cycle[#cycle + 1] = path[i]
            reported[path[i].code] = true
          end
          cycle[#cycle + 1] = v
          out[#out + 1] = { what = "cycle", code = v.code, unit = v, cycle = cycle }
          break
        end
        path[#path + 1] = v
        on[v.code] = #path
        v = v.parent and v.parent ~= "" and t.by_code[v.parent] or nil
      end
    end
  end
  return out
end

local function named(u) return string.format("%s (%s)", u.code, u.name or "?") end

function M.problem_text(pr)
  if pr.what == "duplicate" then
    return string.format("the code %s is given to two units: %s and %s", pr.code, pr.other.name or "?",
      pr.unit.name or "?")
  elseif pr.what == "parent" then
    return string.format("%s names the parent %s, which is not a unit of the tree", named(pr.unit), pr.unit.parent)
  elseif pr.what == "commune-parent" then
    return string.format("%s names the parent %s, which is a commune: a commune has no units under it",
      named(pr.unit), named(pr.parent))
  end
  local names = {}
  for i, u in ipairs(pr.cycle) do names[i] = named(u) end
  return "the parents go round in a cycle: " .. table.concat(names, " → ")
end

-- ---- names ---------------------------------------------------------------------------------

-- The unit's name without its kind in front ("Thành phố Mẫu" of kind thành phố: "Mẫu").
local function bare_name(u)
  local kind = u.kind or ""
  if kind ~= "" and text.fold(u.name):sub(1, #text.fold(kind) + 1) == text.fold(kind) .. " " then
    -- the same number of characters as the kind, and the space after it
    local n = utf8.len(kind)
    local cut = utf8.offset(u.name, n + 2)
    if cut then return u.name:sub(cut) end
  end
  return u.name
end

function M.title(u)
  if not (u.kind and u.kind ~= "") then return u.name end  -- the name is all the registry says
  return text.lower(u.kind) .. " " .. bare_name(u)
end

-- The names a unit answers to, folded: its name, and its kind with its bare name.
local function keys_of(u)
  local keys = { text.fold(u.name) }
  if u.kind and u.kind ~= "" then keys[2] = text.fold(u.kind .. " " .. bare_name(u)) end
  return keys
end

function M.find(tree, name)
  local want = text.fold(name)
  local found = {}
  for _, u in ipairs(tree.list) do
    for _, k in ipairs(keys_of(u)) do
      if k == want then
        found[#found + 1] = u
        break
      end
    end
  end
  if #found == 0 and tree.by_code[name] then return tree.by_code[name] end
  if #found == 1 then return found[1] end
  if #found > 1 then
    -- the name with the kind in front, which sets them apart ("tỉnh Mẫu", "phường Mẫu")
    local qualified = {}
    for i, u in ipairs(found) do qualified[i] = M.title(u) end
    return nil, { count = #found, qualified = qualified }
  end
  local names = {}
  for _, u in ipairs(tree.list) do names[#names + 1] = u.name end
  return nil, { near = util.nearest(name, names) }
end

function M.children(tree, node)
  if node.level == "commune" then return { node } end
  return tree.children[node.code] or {}
end

function M.leaves(tree, node)
  local out = {}
  local function walk(u, child, depth)
    if depth > #tree.list then return end  -- a cycle (import refuses them; a hand-made file might not)
    if u.level == "commune" then
      out[#out + 1] = { unit = u, child = child }
      return
    end
    for _, v in ipairs(tree.children[u.code] or {}) do walk(v, child or v, depth + 1) end
  end
  if node.level == "commune" then
    out[1] = { unit = node, child = node }
  else
    walk(node, nil, 0)
  end
  return out
end

function M.kinds_words(list)
  local have, extra = {}, {}
  for _, u in ipairs(list) do
    local k = u.kind and u.kind ~= "" and text.lower(u.kind) or LEVEL_WORD[u.level] or "đơn vị"
    if not have[k] then
      have[k] = true
      extra[#extra + 1] = k
    end
  end
  local out, used = {}, {}
  for _, k in ipairs(KIND_ORDER) do
    if have[k] then
      out[#out + 1] = k
      used[k] = true
    end
  end
  for _, k in ipairs(extra) do
    if not used[k] then out[#out + 1] = k end
  end
  return table.concat(out, ", ")
end

-- ---- a plan's units ------------------------------------------------------------------------

-- Finds the plan's unit (p.meta.unit) in the registry's tree, its children (what the plan's
-- targets, quotas and `commune` selectors name) and the communes under it. Unknown names are
-- error messages suggesting the nearest child; nothing raises, except for a name that only
-- --set or a scenario brought in (the mistake is on the command line, not in the plan).
-- Returns units {
--   node (the plan's unit; also as `district`, its name before July 2025), level,
--   communes (the children, in the registry's code order, each with ord), by_code, by_key,
--   leaves = {code -> child} (each commune under the node, to the child holding it),
--   leaf_list = { {unit, child} }, code_of(name) -> a child's code,
--   words (the children's kinds: "xã, phường"; label: "Xã, phường"), title ("thành phố Mẫu"),
--   child_noun ("commune", "district", "province"), messages }
function M.resolve(db, p)
  local list, add = check.messages()
  local rows = {}
  for u in db:rows("SELECT code, name, level, kind, parent, urban, difficult FROM reg.units ORDER BY code") do
    rows[#rows + 1] = u
  end
  local tree = M.tree(rows)
  local units = { messages = list, communes = {}, by_code = {}, by_key = {}, leaves = {}, leaf_list = {},
    tree = tree }
  local node, why = M.find(tree, p.meta.unit)
  if not node then
    add("error", "unknown-unit", p.meta, why.count
      and { unit = p.meta.unit, count = why.count, qualified = why.qualified }
      or { unit = p.meta.unit, near = why.near })
    return units
  end
  units.node, units.district, units.level = node, node, node.level
  units.title = M.title(node)
  for _, c in ipairs(M.children(tree, node)) do
    units.communes[#units.communes + 1] = c
    c.ord = #units.communes
    units.by_code[c.code] = c
    units.by_key[text.fold(c.name)] = c
  end
  for _, l in ipairs(M.leaves(tree, node)) do
    units.leaves[l.unit.code] = l.child
    units.leaf_list[#units.leaf_list + 1] = l
  end
  units.words = M.kinds_words(units.communes)
  local first = units.words:match("^[%z\1-\127\194-\244][\128-\191]*") or ""
  units.label = text.upper(first) .. units.words:sub(#first + 1)
  units.child_noun = M.level_noun(units.communes[1] and units.communes[1].level or "commune")
  local names = {}
  for _, c in ipairs(units.communes) do names[#names + 1] = c.name end
  local reported = {}
  for _, use in ipairs(check.commune_names(p)) do
    if not units.by_key[use.key] and not reported[use.key] then
      reported[use.key] = true
      local near = util.nearest(use.name, names)
      local added = p.added_names and p.added_names[use.key]
      if added then
        util.fail(added.kind, "%s: '%s' is not a %s of %s%s", added.at, use.name, units.child_noun, node.name,
          near and (" (did you mean '" .. near .. "'?)") or "")
      end
      add("error", "unknown-unit", use.decl, { name = use.name, district = node.name, near = near,
        noun = units.child_noun, words = units.words, commune_plan = node.level == "commune" or nil })
    end
  end
  function units.code_of(name)
    local u = units.by_key[text.fold(name)]
    return u and u.code
  end
  return units
end

return M
