-- db_stats.lua — `kehoach db stats`: households, persons and poverty by commune for one
-- annual review, classified by the standard inside SQLite; a table aligned for the
-- terminal (display width of Vietnamese names), or JSON.
local util = require "kehoach.util"
local json = require "kehoach.json"
local classify = require "kehoach.registry.classify"
local unit_tree = require "kehoach.units"

local host = core.host

local FIELDS = { "households", "persons", "poor", "income_poor", "deprivation_poor", "near_poor",
  "unable_to_escape" }

-- The units above the communes that hold some of the communes but not all (the districts of
-- a province, the provinces of the country), in code order, each with the counts of the
-- communes under it: counted through the tree. None when one unit holds every commune.
local function subtotals(db, rows)
  local list = {}
  for u in db:rows("SELECT code, name, level, kind, parent FROM units ORDER BY code") do list[#list + 1] = u end
  local tree = unit_tree.tree(list)
  local out = {}
  for _, u in ipairs(list) do
    if u.level ~= "commune" then
      local under = {}
      for _, l in ipairs(unit_tree.leaves(tree, u)) do under[l.unit.code] = true end
      local sub = { code = u.code, name = u.name, level = u.level, communes = 0, differ = 0 }
      for _, f in ipairs(FIELDS) do sub[f] = 0 end
      for _, row in ipairs(rows) do
        if under[row.code] then
          sub.communes = sub.communes + 1
          for _, f in ipairs(FIELDS) do sub[f] = sub[f] + row[f] end
        end
      end
      if sub.communes > 0 and sub.communes < #rows then
        sub.rate = sub.households > 0 and sub.poor * 100 / sub.households or 0
        out[#out + 1] = sub
      end
    end
  end
  return out
end

-- Each commune's households as one run of ids: { {unit =, lo =, hi =, urban =}, ... } in
-- code order, and the households of the registry, when the households of every unit are
-- numbered in one run without gaps (classify.runs); else nil.
local function runs(db)
  local by_unit, households, whole = classify.runs(db)
  if not whole then return nil end
  local out = {}
  for u in db:rows("SELECT code, urban FROM units WHERE level = 'commune' ORDER BY code") do
    local r = by_unit[u.code]
    if r then out[#out + 1] = { unit = u.code, lo = r.lo, hi = r.hi, urban = u.urban } end
  end
  return out, households
end

-- The persons of each commune's households, counted from the index of persons by household
-- over the commune's run of household ids: { [commune code] = persons }. Only when every
-- household (households: how many the registry holds) has the review of the year (then a
-- commune's households reviewed are all of them); else nil, and the persons are counted
-- household by household. Looking each household's persons up took 0.44 s a million
-- households, and 11 times that at ten million: each lookup descends an index that grows
-- with them.
local function persons_by_span(db, year, spans, households)
  if households ~= db:value("SELECT count(*) FROM surveys WHERE year = ?", year) then return nil end
  local count <close> = db:prepare("SELECT count(*) AS n FROM persons WHERE household BETWEEN ? AND ?")
  local out = {}
  for _, r in ipairs(spans) do
    for c in count:rows(r.lo, r.hi) do out[r.unit] = c.n end
  end
  return out
end

-- What is counted of a commune's households reviewed (k: classify.sql's rows).
local COUNTS = [[count(*) AS households, %s AS persons,
    count(CASE WHEN k.status = 'poor' THEN 1 END) AS poor,
    count(CASE WHEN k.kind = 'income' THEN 1 END) AS income_poor,
    count(CASE WHEN k.kind = 'deprivation' THEN 1 END) AS deprivation_poor,
    count(CASE WHEN k.status = 'near_poor' THEN 1 END) AS near_poor,
    count(CASE WHEN k.unable_to_escape = 1 THEN 1 END) AS unable_to_escape,
    count(CASE WHEN k.recorded IS NOT k.status THEN 1 END) AS differ]]

-- { [commune code] = counts }. When each commune's households are one run of ids, each
-- commune's review is read along its run (classify.sql's span); else the whole review is
-- read once, each household looked up, and counted commune by commune as the registry's
-- index lists them (a join to the communes before counting would copy every household
-- into a temporary index).
local function counts_by_commune(db, year, std)
  local spans, households = runs(db)
  local persons = spans and persons_by_span(db, year, spans, households)
  local counts = string.format(COUNTS,
    persons and "0" or "sum((SELECT count(*) FROM persons p WHERE p.household = k.id))")
  local out = {}
  if spans then
    local stmt <close> = db:prepare(string.format("SELECT %s FROM (%s) k", counts, classify.sql(std, true)))
    for _, r in ipairs(spans) do
      for row in stmt:rows({ year = year, unit = r.unit, urban = r.urban, lo = r.lo, hi = r.hi }) do
        out[r.unit] = row
      end
    end
  else
    for row in db:rows(string.format("SELECT k.unit AS unit, %s FROM (%s) k GROUP BY k.unit", counts,
        classify.sql(std)), { year = year }) do
      out[row.unit] = row
    end
  end
  if persons then
    for unit, n in pairs(persons) do
      if out[unit] then out[unit].persons = n end
    end
  end
  return out
end

-- One row per commune (every commune of the registry, in code order) with counts, the
-- totals, and the subtotals of the units above the communes.
local function gather(db, year, std)
  local counts = counts_by_commune(db, year, std)
  local rows = {}
  for u in db:rows("SELECT code, name FROM units WHERE level = 'commune' ORDER BY code") do
    local c = counts[u.code] or {}
    local row = { code = u.code, name = u.name, differ = c.differ or 0 }
    for _, f in ipairs(FIELDS) do row[f] = c[f] or 0 end
    rows[#rows + 1] = row
  end
  local total = { name = "Total", differ = 0 }
  for _, f in ipairs(FIELDS) do total[f] = 0 end
  for _, row in ipairs(rows) do
    for _, f in ipairs(FIELDS) do total[f] = total[f] + row[f] end
    total.differ = total.differ + row.differ
  end
  for _, row in ipairs(rows) do
    row.rate = row.households > 0 and row.poor * 100 / row.households or 0
  end
  total.rate = total.households > 0 and total.poor * 100 / total.households or 0
  return rows, total, subtotals(db, rows)
end

-- "0,60": a percentage with two decimals and a decimal comma.
local function percent(x)
  return (string.format("%.2f", x):gsub("%.", ","))
end

local function table_text(path, year, std, rows, total, split, subs)
  local cols = {
    { "Commune", "name" }, { "Households", "households" }, { "Persons", "persons" },
    { "Poor", "poor" },
  }
  if split then
    cols[#cols + 1] = { "income-poor", "income_poor" }
    cols[#cols + 1] = { "deprivation-poor", "deprivation_poor" }
  end
  cols[#cols + 1] = { "Near-poor", "near_poor" }
  cols[#cols + 1] = { "Rate %", "rate" }
  cols[#cols + 1] = { "Unable to escape", "unable_to_escape" }
  local function cell(row, key)
    if key == "name" then return row.name end
    if key == "rate" then return percent(row.rate) end
    return util.group_digits(row[key])
  end
  local widths = {}
  for i, c in ipairs(cols) do
    widths[i] = core.text.width(c[1])
    for _, row in ipairs(rows) do widths[i] = math.max(widths[i], core.text.width(cell(row, c[2]))) end
    widths[i] = math.max(widths[i], core.text.width(cell(total, c[2])))
    for _, row in ipairs(subs) do widths[i] = math.max(widths[i], core.text.width(cell(row, c[2]))) end
  end
  local out = {
    string.format("%s: review of %d, standard %s (%s)", path, year, std.name, std.reference), "" }
  local function line(row, header)
    local parts = {}
    for i, c in ipairs(cols) do
      local s = header and c[1] or cell(row, c[2])
      parts[i] = i == 1 and util.pad(s, widths[i]) or util.lpad(s, widths[i])
    end
    return (table.concat(parts, "  "):gsub("%s+$", ""))
  end
  out[#out + 1] = line(nil, true)
  for _, row in ipairs(rows) do out[#out + 1] = line(row) end
  local rule = {}
  for i = 1, #cols do rule[i] = string.rep("-", widths[i]) end
  out[#out + 1] = table.concat(rule, "  ")
  for _, row in ipairs(subs) do out[#out + 1] = line(row) end
  out[#out + 1] = line(total)
  return table.concat(out, "\n") .. "\n"
end

local function json_text(path, year, std, rows, total, split, subs)
  local function object(row)
    local o = { households = row.households, persons = row.persons, poor = row.poor,
      near_poor = row.near_poor, unable_to_escape = row.unable_to_escape,
      rate_percent = tonumber(string.format("%.2f", row.rate)) }
    if split then
      o.income_poor = row.income_poor
      o.deprivation_poor = row.deprivation_poor
    end
    if row.code then
      o.code = row.code
      o.name = row.name
    end
    return o
  end
  local communes = json.array()
  for i, row in ipairs(rows) do communes[i] = object(row) end
  local units = json.array()
  for i, row in ipairs(subs) do
    units[i] = object(row)
    units[i].level, units[i].communes = row.level, row.communes
  end
  return json.encode({ registry = path, year = year, standard = std.name, communes = communes,
    units = units, total = object(total), status_differs = total.differ }, "  ") .. "\n"
end

local function run(opts)
  local db <close>, year, std, path = classify.open(opts)
  local rows, total, subs = gather(db, year, std)
  local split = false
  for _, clause in ipairs(std.rule) do
    if clause.kind then split = true end
  end
  if opts.json then
    host.write(json_text(path, year, std, rows, total, split, subs))
  else
    host.write(table_text(path, year, std, rows, total, split, subs))
  end
  if total.differ > 0 then
    host.ewrite(string.format("note: %s households have a recorded status other than the one %s "
      .. "gives; the table counts what %s gives (see kehoach db check)\n",
      util.group_digits(total.differ), std.name, std.name))
  end
  return 0
end

return {
  usage = "kehoach db stats [--db FILE] [--year Y] [--standard S] [--json]",
  about = "Households, persons and poverty by commune for one annual review: poor (income-poor\n"
    .. "and deprivation-poor), near-poor, the poverty rate and the households unable to escape\n"
    .. "poverty, with totals, and subtotals for each unit above the communes that holds some of\n"
    .. "them (the districts of a province, the provinces of the country). Households are\n"
    .. "classified by the poverty standard, inside SQLite.",
  args = {},
  options = { classify.OPTIONS[1], classify.OPTIONS[2], classify.OPTIONS[3],
    { "json", nil, "write JSON instead of a table" } },
  run = run,
}
