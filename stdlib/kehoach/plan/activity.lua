-- activity.lua — budget lines that pay no household: communication (truyền thông), capacity
-- building (nâng cao năng lực), monitoring and evaluation (giám sát, đánh giá). An activity
-- has a cost, a funding source, the agencies that carry it out, a period and, where it has
-- one, a count of what it delivers (classes, sessions, people trained); it has no
-- beneficiaries, so it is never in allocations.csv, explain or the projection.
--
--   activity "truyen_thong" { label = "Truyền thông về giảm nghèo", cost = million(920),
--     source = "ngan_sach_tinh", by = "ldtbxh", quarters = "Q1-Q4",
--     delivers = { count = 12, noun = "lớp tập huấn" } }
--
-- It is in the budget by source (its computed need is its cost, paid in full whatever the
-- budget mode: --budget cap and prorate share among households what the line holds after
-- its activities), in the plan document, report.md/html, the workbook, compare and sweep
-- (`truyen_thong.cost` is a path for --set, scenarios and --vary).
--
--   M.check(d, label)            the declaration's own checks (plan.lua calls it)
--   M.check_plan(p, add)         unknown sources and agencies (kehoach.plan.check)
--   M.cost_of_source(p, id)      what the activities paid from a source cost
--   M.summary(p) -> summary.json's `activities`
local util = require "kehoach.util"
local values = require "kehoach.plan.values"
local schema = require "kehoach.plan.schema"
local json = require "kehoach.json"

local M = {}

local function check_delivers(v, label)
  local out = {}
  for k, x in pairs(v) do
    if k == "count" then
      local n, why = schema.count(x)
      if n == nil then util.plan_error("%s: delivers.count must be %s", label, why) end
      out.count = n
    elseif k == "noun" then
      local s, why = schema.nfc_text(x)
      if not s then util.plan_error("%s: delivers.noun must be %s (what is counted: \"lớp tập huấn\")", label, why) end
      out.noun = s
    else
      local near = util.nearest(tostring(k), { "count", "noun" })
      util.plan_error("%s: unknown delivers field '%s'%s; delivers has: count, noun", label, tostring(k),
        near and (" (did you mean '" .. near .. "'?)") or "")
    end
  end
  if out.count == nil or out.noun == nil then
    util.plan_error("%s: delivers needs count and noun: delivers = { count = 12, noun = \"lớp tập huấn\" }", label)
  end
  return out
end

-- The checks of one activity as it is declared.
function M.check(d, label)
  if d.months and d.quarters then
    util.plan_error("%s: give months or quarters, not both", label)
  end
  d.period = d.months or d.quarters
  if d.delivers then d.delivers = check_delivers(d.delivers, label) end
end

-- Sources and agencies the activities name (kehoach.plan.check's messages).
function M.check_plan(p, add, source_of, nearest_source, agency)
  for _, d in ipairs(p.activities) do
    if not source_of(p, d.source) then
      add("error", "unknown-source", d, { ref = d.source, near = nearest_source(p, d.source) })
    end
    for _, field in ipairs({ "by", "with" }) do
      for _, ref in ipairs(d[field] or {}) do
        local ag, near = agency(p, ref)
        if not ag then add("error", "unknown-agency", d, { field = field, ref = ref, near = near }) end
      end
    end
  end
end

-- What the activities paid from source id cost.
function M.cost_of_source(p, id)
  local n = 0
  for _, d in ipairs(p.activities or {}) do
    if d.source == id then n = n + d.cost end
  end
  return n
end

-- Agencies by name, as the documents print them.
local function agency_names(p, refs, agency)
  local out = {}
  for i, ref in ipairs(refs or {}) do
    local a = agency(p, ref)
    out[i] = a and a.name or ref
  end
  return json.array(out)
end

-- summary.json's `activities`: [{id, label, source, cost, period, by [names], with
-- [names], delivers {count, noun} | null, notes [texts], line}], in the plan's order.
function M.summary(p, agency)
  local out = json.array()
  for _, d in ipairs(p.activities or {}) do
    out[#out + 1] = { id = d.id, label = d.label, source = d.source, cost = d.cost,
      period = d.period and values.period_code(d.period) or json.null,
      by = agency_names(p, d.by, agency), with = agency_names(p, d.with, agency),
      delivers = d.delivers and { count = d.delivers.count, noun = d.delivers.noun } or json.null,
      notes = json.array(d.notes or {}), line = d.line }
  end
  return out
end

return M
