-- select.lua — phase "select and rank" of kehoach.pipeline: the household view under the
-- plan's standard (temp.kh_hh; temp.kh_hh_all, the same households, for reading them all),
-- the households some support can reach read from it in one pass (temp.kh_reach), poverty
-- at the review, and each support's eligible households, ranked within their commune by
-- the support's priority, into temp.kh_eligible.
-- Households stay in SQLite: a selector is compiled to a WHERE; Lua sees one row per
-- commune, except for a plan's `where` functions, called per household.
--
-- None of it depends on a value --set or --vary can change after selection (amounts,
-- quotas, budget lines), so kehoach sweep selects once.
--
--   M.prepare(db, p, units, std, progress) -> ctx { units, standard, poverty, messages },
--       or nil and the error messages (no survey for the review year)
--   M.compile(db, p, units, std, d, run [, args]) -> kehoach.plan.selector.compile's result
--       for support d
--   M.select_after(db, p, units, std, d, run)   a support naming others' households
--       (also_in, not_in) is selected once they are chosen, in phase 6
local check = require "kehoach.plan.check"
local selector = require "kehoach.plan.selector"

local host = core.host

local M = {}

-- The name of a plan's `where` function in SQL: an identifier built from the support's
-- id, which the plan language allows only as a Lua name.
local function where_name(d, n)
  if not d.id:match("^[%a_][%w_]*$") then error("support id is not an identifier: " .. d.id) end
  return string.format("kh_where_%s_%d", d.id, n)
end

-- The temporary tables of a run and the household view. Plan values are bound: the
-- review year sits in temp.kh_review, which the view reads.
local function setup(db, p, units, std)
  local ins
  db:exec([[
    DROP TABLE IF EXISTS temp.kh_communes; DROP TABLE IF EXISTS temp.kh_quota;
    DROP TABLE IF EXISTS temp.kh_eligible; DROP TABLE IF EXISTS temp.kh_programmes;
    DROP TABLE IF EXISTS temp.kh_review; DROP VIEW IF EXISTS temp.kh_hh; DROP VIEW IF EXISTS temp.kh_hh_all;
    DROP TABLE IF EXISTS temp.kh_leaves;
    CREATE TEMP TABLE kh_review(year INTEGER);
    CREATE TEMP TABLE kh_communes(code TEXT PRIMARY KEY, name TEXT, urban INTEGER, difficult INTEGER, ord INTEGER);
    CREATE TEMP TABLE kh_leaves(code TEXT PRIMARY KEY, child TEXT, name TEXT, urban INTEGER, difficult INTEGER);
    CREATE TEMP TABLE kh_quota(programme TEXT, unit TEXT, n INTEGER, ord INTEGER, PRIMARY KEY (programme, unit));
    CREATE TEMP TABLE kh_programmes(id TEXT PRIMARY KEY, ord INTEGER, paid INTEGER);
    CREATE TEMP TABLE kh_eligible(programme TEXT, unit TEXT, commune TEXT, household TEXT, head TEXT,
      persons INTEGER, income INTEGER, deprivations INTEGER, status TEXT, rank INTEGER);]])
  db:run("INSERT INTO temp.kh_review VALUES (?)", p.registry_year)
  ins = db:prepare("INSERT INTO temp.kh_programmes VALUES (?, ?, ?)")
  for i, d in ipairs(p.supports) do ins:run(d.id, i, d.amount and 1 or 0) end
  ins:close()
  ins = db:prepare("INSERT INTO temp.kh_communes VALUES (?, ?, ?, ?, ?)")
  for _, c in ipairs(units.communes) do ins:run(c.code, c.name, c.urban, c.difficult, c.ord) end
  ins:close()
  -- the communes households live in, each under the plan's child that holds it (itself,
  -- when the plan's children are communes): urban and difficult are the commune's
  ins = db:prepare("INSERT INTO temp.kh_leaves VALUES (?, ?, ?, ?, ?)")
  for _, l in ipairs(units.leaf_list) do ins:run(l.unit.code, l.child.code, l.child.name, l.unit.urban, l.unit.difficult) end
  ins:close()
  local dep = std.deprivations_sql("s")
  local d_cols = {}
  for i, col in ipairs(selector.INDICATORS) do d_cols[i] = "s." .. col end
  local columns = string.format([[h.id, h.code, h.head, h.village, c.child AS unit, c.name AS commune,
      c.urban, c.difficult, h.ethnic_minority, s.income, s.status, s.unable_to_escape,
      %s AS deprivations, %s AS poverty_kind, %s, h.unit AS leaf]], dep,
    std.kind_sql("s.income", "c.urban", dep), table.concat(d_cols, ", "))
  -- kh_hh for a household or some, found by the registry's indexes; kh_hh_all for the
  -- whole review, read in the order its rows are stored (a registry's reviews are written
  -- household by household), each household then found by its id, the next one's mostly,
  -- where by the index of reviews by year and status SQLite looked up each review and its
  -- household (at 10,000,000 households 5.6 s against 3.3, and 10.9 times the time at
  -- 1,000,000 against 10.1). It reads the other years' reviews too, one row at a time.
  db:exec(string.format([[
    CREATE TEMP VIEW kh_hh AS SELECT %s
    FROM reg.surveys s JOIN reg.households h ON h.id = s.household
    JOIN temp.kh_leaves c ON c.code = h.unit
    WHERE s.year = (SELECT year FROM temp.kh_review);
    CREATE TEMP VIEW kh_hh_all AS SELECT %s
    FROM reg.surveys s NOT INDEXED CROSS JOIN reg.households h ON h.id = s.household
    CROSS JOIN temp.kh_leaves c ON c.code = h.unit
    WHERE s.year = (SELECT year FROM temp.kh_review)]], columns, columns))
end

-- Households, poor and near-poor households by the plan's child at the review, and by the
-- commune they live in (by_leaf, with the poor of an ethnic minority: what an allocation by
-- criteria counts). The households of each commune are counted from the registry's
-- indexes alone; the poor and near-poor among them from temp.kh_reach, which holds them.
-- When the review has as many households as the registry, each household has one (a
-- review is of a household that exists, once a year), and a commune's households are
-- those the index of households by commune lists: no review is looked up.
local function poverty(db, p)
  local out = { households = 0, poor = 0, near_poor = 0, by_unit = {}, by_leaf = {} }
  local every = db:value([[SELECT (SELECT count(*) FROM reg.households) =
    (SELECT count(*) FROM reg.surveys WHERE year = ?)]], p.registry_year) == 1
  local poor = {}
  for r in db:rows([[
      SELECT h.leaf, count(*) FILTER (WHERE h.status = 'poor') AS poor,
        count(*) FILTER (WHERE h.status = 'near_poor') AS near_poor,
        count(*) FILTER (WHERE h.status = 'poor' AND h.ethnic_minority = 1) AS ethnic_minority_poor
      FROM temp.kh_reach h GROUP BY h.leaf]]) do
    poor[r.leaf] = r
  end
  for r in db:rows([[
      SELECT c.code AS leaf, c.child AS unit, (SELECT count(*) FROM reg.households h WHERE h.unit = c.code
        AND (:every OR EXISTS (SELECT 1 FROM reg.surveys s WHERE s.household = h.id AND s.year = :year)))
        AS households
      FROM temp.kh_leaves c]], { every = every and 1 or 0, year = p.registry_year }) do
    if r.households > 0 then
      local q = poor[r.leaf] or {}
      r.poor, r.near_poor, r.ethnic_minority_poor = q.poor or 0, q.near_poor or 0, q.ethnic_minority_poor or 0
      out.by_leaf[r.leaf] = r
      local u = out.by_unit[r.unit]
      if not u then
        u = { unit = r.unit, households = 0, poor = 0, near_poor = 0 }
        out.by_unit[r.unit] = u
      end
      u.households, u.poor, u.near_poor = u.households + r.households, u.poor + r.poor, u.near_poor + r.near_poor
      out.households = out.households + r.households
      out.poor = out.poor + r.poor
      out.near_poor = out.near_poor + r.near_poor
    end
  end
  return out
end

-- The order within a commune, by the support's priority (a whitelist: the plan names a
-- key, never SQL).
local ORDER = {
  lowest_income = "h.income ASC, h.deprivations DESC, h.code ASC",
  most_deprived = "h.deprivations DESC, h.income ASC, h.code ASC",
}

-- Compiles a support's selector for the view aliased h; args: the parameters' table to
-- add its own to (several selectors in one statement), else a new one.
function M.compile(db, p, units, std, d, run, args)
  local ctx = {
    alias = "h", year = p.registry_year, std = std, run = run or 1, args = args,
    support_label = function(id) return p.by_id[id] and p.by_id[id].label or id end,
    commune_code = function(name) return units.code_of(name) end,
    commune_label = units.label,
  }
  local n = 0
  -- a `where` function becomes an SQL function called with the household's fields
  ctx.where_fn = function(fn)
    n = n + 1
    local name = where_name(d, n)
    db:func(name, #selector.WHERE_FIELDS, function(...)
      local args = table.pack(...)
      local h = {}
      for i, f in ipairs(selector.WHERE_FIELDS) do h[f] = args[i] end
      for _, f in ipairs({ "urban", "difficult", "ethnic_minority", "unable_to_escape" }) do h[f] = h[f] == 1 end
      local needs = {}
      for kind in (h.needs or ""):gmatch("[^,]+") do needs[kind] = true end
      h.needs = needs
      return fn(h) and 1 or 0
    end)
    return name .. "(h.code, h.commune, h.village, h.head, h.urban, h.difficult, h.ethnic_minority, " ..
      "h.income, h.status, h.unable_to_escape, h.deprivations, " ..
      "(SELECT count(*) FROM reg.persons p WHERE p.household = h.id), " ..
      "(SELECT group_concat(n.kind) FROM reg.needs n WHERE n.household = h.id AND n.year = :year))"
  end
  return selector.compile(d.who, ctx, "support '" .. d.id .. "'")
end

-- Selects and ranks one support's eligible households, in every commune, into
-- temp.kh_eligible (rank: within the commune, by the support's priority; status: as
-- recorded at the review, for the projection), from the households of view (temp.kh_reach,
-- or temp.kh_hh for a support selected after others are chosen).
local function select_eligible(db, p, units, std, d, run, view)
  local sel = M.compile(db, p, units, std, d, run)
  local order = ORDER[d.priority] or "h.code ASC"
  local args = { prog = d.id }
  for k, v in pairs(sel.args) do args[k] = v end
  db:run(string.format([[
    INSERT INTO temp.kh_eligible(programme, unit, commune, household, head, persons, income, deprivations,
      status, rank)
    SELECT :prog, h.unit, h.commune, h.code, h.head,
      (SELECT count(*) FROM reg.persons p WHERE p.household = h.id),
      h.income, h.deprivations, h.status, row_number() OVER (PARTITION BY h.unit ORDER BY %s)
    FROM %s h WHERE %s]], order, view or "temp.kh_reach", sel.sql), args)
end

-- Whether selector who asks for households whose status is poor or near-poor, and
-- nothing wider (the status alone settles it: other conditions only narrow).
local function within_poverty(who)
  local st = who.status
  if st == nil then return false end
  for _, v in ipairs(type(st) == "table" and st or { st }) do
    if v ~= "poor" and v ~= "near_poor" then return false end
  end
  return true
end

-- temp.kh_reach: the households of the review some support selected now can reach, and
-- the poor and near-poor (poverty counts them), in one pass over the registry; each
-- support's selection then reads only them, and no other household is classified.
local function reach(db, p, units, std)
  local args = { n = 0, year = p.registry_year }
  local conds = { "h.status IN ('poor', 'near_poor')" }
  for _, d in ipairs(p.supports) do
    -- a support only for the poor or near-poor adds no household
    if not M.names_supports(d) and not within_poverty(d.who) then
      conds[#conds + 1] = "(" .. M.compile(db, p, units, std, d, nil, args).sql .. ")"
    end
  end
  -- only the poor and near-poor: found by the index of reviews by status; else every
  -- household of the review is read
  local view = #conds == 1 and "temp.kh_hh" or "temp.kh_hh_all"
  db:exec("DROP TABLE IF EXISTS temp.kh_reach")
  db:run(string.format("CREATE TEMP TABLE kh_reach AS SELECT * FROM %s h WHERE %s", view,
    table.concat(conds, " OR ")), args)
end

-- Whether support d's selector names another support's households (also_in, not_in).
function M.names_supports(d)
  return #selector.supports_named(d.who) > 0
end

-- Selects and ranks support d again under run, once the supports it names are chosen
-- (kehoach.pipeline calls it, in the plan's order, before choosing d's households).
function M.select_after(db, p, units, std, d, run)
  db:run("DELETE FROM temp.kh_eligible WHERE programme = ?", d.id)
  select_eligible(db, p, units, std, d, run, "temp.kh_hh")
end

-- The household view, poverty at the review, and every support's eligible households
-- ranked. progress(i, what), for the progress bar, before each support's selection.
function M.prepare(db, p, units, std, progress)
  local list, add = check.messages()
  host.budget()
  setup(db, p, units, std)
  reach(db, p, units, std)
  local pov = poverty(db, p)
  if pov.households == 0 then
    add("error", "no-survey", p.meta, { registry_year = p.registry_year, district = units.district.name,
      registry_year_set = p.meta.registry_year ~= nil })
    return nil, list
  end
  for i, d in ipairs(p.supports) do
    if progress then progress(i - 1, d.id) end
    -- a support that names another's households (also_in, not_in) is selected when that
    -- one's are chosen (M.select_after)
    if not M.names_supports(d) then select_eligible(db, p, units, std, d) end
  end
  db:exec("CREATE INDEX temp.kh_eligible_programme ON kh_eligible(programme, unit, rank)")
  return { units = units, standard = std, poverty = pov, messages = list }
end

return M
