-- units.lua — the plan's unit and communes in the registry (phase "open the registry" of
-- kehoach.pipeline): the district the plan names and the communes it writes, resolved to
-- registry codes. Reads reg.units only, never a household.
--
--   M.resolve(db, p) -> units { district, communes, by_code, by_key, code_of(name), messages }
local util = require "kehoach.util"
local check = require "kehoach.plan.check"

local text = core.text

local M = {}

-- Finds the plan's district and the communes the plan names. Unknown names are error
-- messages suggesting the nearest commune; nothing raises, except for a name --set or a
-- scenario added (the mistake is in the option, not in the plan).
function M.resolve(db, p)
  local list, add = check.messages()
  local want = text.fold(p.meta.unit)
  local found, all = {}, {}
  for u in db:rows("SELECT code, name, level, parent, urban, difficult FROM reg.units ORDER BY code") do
    all[#all + 1] = u
    if text.fold(u.name) == want and u.level ~= "commune" then found[#found + 1] = u end
  end
  local units = { messages = list, communes = {}, by_code = {}, by_key = {} }
  if #found ~= 1 then
    local names = {}
    for _, u in ipairs(all) do
      if u.level ~= "commune" then names[#names + 1] = u.name end
    end
    add("error", "unknown-unit", p.meta, #found == 0
      and { unit = p.meta.unit, near = util.nearest(p.meta.unit, names) }
      or { unit = p.meta.unit, count = #found })
    return units
  end
  units.district = found[1]
  for _, u in ipairs(all) do
    if u.parent == units.district.code then
      units.communes[#units.communes + 1] = u
      u.ord = #units.communes
      units.by_code[u.code] = u
      units.by_key[text.fold(u.name)] = u
    end
  end
  local names = {}
  for _, c in ipairs(units.communes) do names[#names + 1] = c.name end
  local reported = {}
  for _, use in ipairs(check.commune_names(p)) do
    if not units.by_key[use.key] and not reported[use.key] then
      reported[use.key] = true
      local near = util.nearest(use.name, names)
      local added = p.added_names and p.added_names[use.key]
      if added then
        -- a commune --set or a scenario gave a quota to: the mistake is there, not in the plan
        util.fail(added.kind, "%s: '%s' is not a commune of %s%s", added.at, use.name, units.district.name,
          near and (" (did you mean '" .. near .. "'?)") or "")
      end
      add("error", "unknown-unit", use.decl, { name = use.name, district = units.district.name, near = near })
    end
  end
  function units.code_of(name)
    local u = units.by_key[text.fold(name)]
    return u and u.code
  end
  return units
end

return M
