-- figures.lua — tables of a summary's figures that more than one document shows, so
-- each is worked out once.
--
--   M.target_rows(s, g) -> { {name, quarters = {n|nil × 4}, year = n|nil, poor = n}, ... }
--     the communes a target names (by commune or in a quarter), in the registry's order
--   M.sources_by_id(s) -> { [id] = source of s.budget.sources }
local M = {}

function M.sources_by_id(s)
  local out = {}
  for _, x in ipairs(s.budget.sources) do out[x.id] = x end
  return out
end

function M.target_rows(s, g)
  local rows = {}
  for _, name in ipairs(s.communes) do
    local year = g.by_commune[name]
    local quarters, any = {}, year ~= nil
    for q = 1, 4 do
      local per = g.quarters["Q" .. q]
      quarters[q] = per and per[name]
      any = any or quarters[q] ~= nil
    end
    if any then
      local r = s.registry.by_commune[name]
      rows[#rows + 1] = { name = name, quarters = quarters, year = year, poor = r and r.poor or 0 }
    end
  end
  return rows
end

return M
