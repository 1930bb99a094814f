-- plandoc.lua — the plan document (plan.md, plan.html; render/docx.lua makes plan.docx
-- from the same blocks) from the plan script and a run's summary, in the layout of a
-- People's Committee plan: letterhead (issuer, number, place and date), KẾ HOẠCH and the
-- title, the grounds, I. Mục tiêu, II. Nhiệm vụ trọng tâm (targets by commune and quarter,
-- the supports of section "tasks"), III. Các giải pháp thực hiện (the other supports, then
-- the budget by funding source), IV. Chế độ báo cáo, V. Tổ chức thực hiện (the agencies),
-- the closing sentence, Nơi nhận and the signature.
--
-- Words come from the plan; every number from the plan's declarations or from the run
-- (households, persons, units and costs counted in the registry), written the Vietnamese
-- way (kehoach.render.vn). Commune names are spelled as the registry spells them.
--
--   M.blocks(p, s, units) -> the document as blocks (below); M.markdown(blocks), M.html(blocks)
--
-- Blocks: {kind = "letterhead", issuer, number, dated}, {kind = "title", text, sub},
-- {kind = "heading", level = 1|2, text}, {kind = "para", spans}, {kind = "bullets", items =
-- {spans...}}, {kind = "table", head = {title or {title, align = "right"}, ...}, rows =
-- {{cell, ...}, ...}, total = true when the last row is the total}, {kind = "footer",
-- distribution = {...}, signature = {lines..., name}}.
-- spans: a list of text pieces, each a string or {b = text} (bold) or {i = text} (italic).
--
-- The other documents an office sends (render/progress.lua's báo cáo) are made of the same
-- blocks: M.letterhead and M.footer give their head and foot from the plan.
local vn = require "kehoach.render.vn"
local html = require "kehoach.render.html"
local tbl = require "kehoach.render.table"
local params = require "kehoach.plan.params"
local check = require "kehoach.plan.check"
local values = require "kehoach.plan.values"
local figures = require "kehoach.render.figures"
local unit_tree = require "kehoach.units"

local text = core.text

local M = {}

-- ---- the pieces --------------------------------------------------------------------------

local function para(...) return { kind = "para", spans = { ... } } end
local function heading(level, s) return { kind = "heading", level = level, text = s } end

-- The registry's spelling of a commune the plan names.
local function namer(units)
  return function(name)
    local code = units and units.code_of(name)
    return code and units.by_code[code].name or name
  end
end

-- "các xã", "các phường", "các xã, thị trấn" (or "xã" for one) for the units of list, from
-- the kinds the registry gives them.
local function commune_word(units, names)
  local list = {}
  for i, n in ipairs(names) do
    local code = units and units.code_of(n)
    list[i] = code and units.by_code[code] or { level = "commune" }
  end
  local word = unit_tree.kinds_words(list)
  return #names == 1 and word or ("các " .. word)
end

-- "An Lạc 30 hộ, Hòa Bình 40 hộ" from a list of {name, n}.
local function commune_counts(name, list)
  local out = {}
  for i, c in ipairs(list) do out[i] = string.format("%s %s hộ", name(c.name), vn.count(c.n)) end
  return table.concat(out, ", ")
end

local function agency_names(p, refs)
  local out = {}
  for i, ref in ipairs(refs or {}) do
    local a = check.agency(p, ref)
    out[i] = a and a.name or ref
  end
  return out
end

-- "từ nguồn ngân sách thành phố", "từ nguồn vốn vay tín dụng": a source's label inside a
-- sentence.
local function from_source(src)
  local words = vn.lower_first(src.label)
  local key = text.fold("nguồn ")
  if text.fold(words):sub(1, #key) ~= key then words = "nguồn " .. words end
  return "từ " .. words
end


-- A parameter's value in words, for the {path} of an objective.
local function param_words(v, e)
  if e.kind == "share" then return vn.percent(v) end
  if e.kind == "money" then return vn.money(v) end
  if e.kind == "number" then return vn.decimal(v) end
  if e.kind == "date" then return vn.date(type(v) == "table" and v or values.date(v)) end
  if e.kind == "count" then return vn.int(v) end
  return tostring(v)
end

-- ---- I. Mục tiêu ---------------------------------------------------------------------------

local function objectives(p, s, out)
  local m = p.meta
  out[#out + 1] = heading(1, "I. MỤC TIÊU")
  local n = 0
  if m.goal then
    n = n + 1
    out[#out + 1] = heading(2, n .. ". Mục tiêu chung")
    out[#out + 1] = para(m.goal)
  end
  n = n + 1
  out[#out + 1] = heading(2, n .. ". Mục tiêu cụ thể")
  if m.objectives then
    for _, o in ipairs(m.objectives) do
      out[#out + 1] = para((assert(params.expand(p, o, param_words))))
    end
  else
    for _, g in ipairs(s.targets) do
      local words = string.format("Giảm %s hộ nghèo trên địa bàn %s", vn.int(g.households), s.plan.unit_title or s.plan.unit)
      if g.rate_points then words = words .. ", tỷ lệ hộ nghèo giảm " .. vn.decimal(g.rate_points) .. "%" end
      out[#out + 1] = para(words .. ".")
    end
  end
end

-- ---- II. Nhiệm vụ trọng tâm ----------------------------------------------------------------

local function target_blocks(p, s, d, g, name, units, out)
  local year = s.plan.year
  if d.by_commune then
    local names = {}
    for i, c in ipairs(d.by_commune) do names[i] = c.name end
    out[#out + 1] = para(string.format("Đối với %s hộ dự kiến thoát nghèo tại %s: %s, dự kiến như sau:",
      vn.int(d.households), commune_word(units, names), commune_counts(name, d.by_commune)))
  else
    out[#out + 1] = para(string.format("Giảm %s hộ nghèo, dự kiến như sau:", vn.int(d.households)))
  end
  for q = 1, 4 do
    local list, total = d["Q" .. q], g.by_quarter["Q" .. q]
    if total then
      local words = string.format("Quý %s/%d: Giảm %s hộ nghèo", vn.ROMAN[q], year, vn.count(total))
      if list and #list > 0 then
        local names = {}
        for i, c in ipairs(list) do names[i] = c.name end
        words = words .. string.format(" tại %s (%s)", commune_word(units, names), commune_counts(name, list))
      end
      out[#out + 1] = para(words .. ".")
    end
  end
end

-- The households of a programme by commune, "An Lạc 14 hộ, ...": in the quota's order
-- when it has one, else the registry's; only communes with households chosen.
local function chosen_by_commune(s, d, g, name)
  local list = {}
  if d.quota then
    for _, c in ipairs(d.quota) do
      local r = g.by_commune[name(c.name)]
      if r and r.households > 0 then list[#list + 1] = { name = c.name, n = r.households } end
    end
  else
    for _, c in ipairs(s.communes) do
      local r = g.by_commune[c]
      if r and r.households > 0 then list[#list + 1] = { name = c, n = r.households } end
    end
  end
  return list
end

local function amount_words(g)
  if type(g.amount) ~= "table" then return nil end
  return values.describe_amount(g.amount, vn.int)
end

-- "80 con bò": the units a per-unit programme's cost is for (counted by the run), or nil.
local function units_words(g)
  if not (g.units and g.units > 0 and type(g.amount) == "table" and g.amount.basis == "unit") then return nil end
  return string.format("%s %s", vn.int(g.units), g.amount.noun or "đơn vị")
end

-- "mỗi hộ 2 con bò", only when the plan declares units_per_household: units in all and
-- households named do not say how the units are shared (80 cows for 10 households is
-- not "8 each" unless the plan says so).
local function each_words(d, g)
  if not (d.units_per_household and type(g.amount) == "table" and g.amount.basis == "unit") then return nil end
  return string.format("mỗi hộ %s %s", vn.int(d.units_per_household), g.amount.noun or "đơn vị")
end

-- "phạm vi thực hiện 04 xã An Lạc, Hòa Bình, Tân Lập, Bình Yên", as the seed writes a
-- support's scope, or nil.
local function scope_words(d, name, units)
  if not d.scope or #d.scope == 0 then return nil end
  local names = {}
  for i, n in ipairs(d.scope) do names[i] = name(n) end
  return string.format("phạm vi thực hiện %s %s %s", vn.count(#names), (commune_word(units, names):gsub("^các ", "")),
    table.concat(names, ", "))
end

-- Whether the document's own sentences for d print a figure ("households", "persons",
-- "communes", "amount"): the plan's show = { ... } when it has one; else all but the
-- persons, which are printed when the plan states them (persons = 105) — a count the
-- registry gives is not printed as if the plan had said it.
local function shows(d, what)
  if d.show then
    for _, w in ipairs(d.show) do if w == what then return true end end
    return false
  end
  if what == "persons" then return d.persons ~= nil end
  return true
end

-- "đảm bảo 100% hộ đủ điều kiện được hỗ trợ", for a declared coverage the objectives or
-- the support's own text do not already state ({tro_cap.coverage}): the plan's figure
-- printed once, not dropped.
local function coverage_words(p, d)
  if not d.coverage then return nil end
  local said = {}
  for _, o in ipairs(p.meta.objectives or {}) do said[#said + 1] = o end
  for _, o in ipairs(d.text or {}) do said[#said + 1] = o end
  for _, o in ipairs(said) do
    for path in o:gmatch("{([^{}]+)}") do
      local e = params.find(p, path)
      if e and e.decl == d and e.path == d.id .. ".coverage" then return nil end
    end
  end
  local who = d.show and not shows(d, "households") and "đối tượng" or "hộ"
  return string.format("đảm bảo %s %s đủ điều kiện được hỗ trợ", vn.percent(d.coverage), who)
end

-- "Mức hỗ trợ", or "Mức cho vay" when the source lends the money (source { loan = true }).
local function amount_label(src)
  return src and src.loan and "Mức cho vay" or "Mức hỗ trợ"
end

-- A note that begins with a conjunction ("Và các hộ nghèo khác ...") continues the
-- sentence before it, as the seed writes it; it is not a paragraph of its own.
local CONJUNCTIONS = { ["và"] = true }
local function continues(note)
  local first = note:match("^([^%s,;:]+)")
  return first ~= nil and CONJUNCTIONS[text.lower(first)] == true
end

-- note inside a sentence: first letter small, its closing full stop dropped.
local function clause(note)
  return (vn.lower_first(note):gsub("[%s%.]+$", ""))
end

-- The notes that continue the sentence before them (the first ones, while they begin with
-- a conjunction), and the rest.
local function split_notes(notes)
  notes = notes or {}
  local k = 0
  while notes[k + 1] and continues(notes[k + 1]) do k = k + 1 end
  return table.move(notes, 1, k, 1, {}), table.move(notes, k + 1, #notes, 1, {})
end

-- The notes as paragraphs; one that continues (above) is joined to the paragraph before.
local function note_blocks(notes, out)
  for _, n in ipairs(notes or {}) do
    local last = out[#out]
    local tail = last and last.kind == "para" and last.spans[#last.spans]
    if continues(n) and type(tail) == "string" then
      last.spans[#last.spans] = tail:gsub("[%s%.]+$", "") .. " " .. clause(n) .. "."
    else
      out[#out + 1] = para(n)
    end
  end
end

-- "Kinh phí: 2.000 triệu đồng cho 80 con bò, từ nguồn ..." (the units with the cost they
-- are priced at, where the seed puts them).
local function cost_words(g, src)
  local u = units_words(g)
  return string.format("%s%s, %s", vn.money(g.cost), u and (" cho " .. u) or "", from_source(src))
end

-- The plan's own words for a support (its text, its budget_label) with the run's figures
-- in: {households}, {persons}, {communes} ("An Lạc 39 hộ, Hòa Bình 09 hộ"), {cost},
-- {units}, {amount}, {scope}, and any {path} of the plan as in the objectives.
local function fill(p, s, d, g, name, units, words)
  local list = chosen_by_commune(s, d, g, name)
  local fills = {
    households = function() return vn.int(g.households) end,
    persons = function() return vn.int(g.persons) end,
    communes = function() return commune_counts(name, list) end,
    cost = function() return vn.money(g.cost) end,
    units = function() return vn.int(g.units or 0) end,
    amount = function() return amount_words(g) or "" end,
    scope = function() return scope_words(d, name, units) or "" end,
  }
  local out = words:gsub("{([%w_]+)}", function(w)
    local f = fills[w]
    return f and f() or nil
  end)
  return (assert(params.expand(p, out, param_words)))
end

-- The plan's text for d as paragraphs, or nil when it has none.
local function text_blocks(p, s, d, g, name, units, out)
  if not d.text then return false end
  for _, words in ipairs(d.text) do out[#out + 1] = para(fill(p, s, d, g, name, units, words)) end
  return true
end

-- "Thời gian thực hiện dự kiến trong quý II/2021." and, when the plan gives a later one,
-- "Thời gian thực hiện hoàn thành trong quý III/2021.". A completion quarter the same as
-- the period's end says nothing more; one before it contradicts the period (check warns:
-- "schedule"), and the document prints the period alone rather than both dates.
local function period_blocks(s, d, out)
  local note = d.period_note and (" (" .. d.period_note .. ")") or ""
  if d.period then
    local when = d.period.quarters and ("trong " .. vn.quarters(d.period, s.plan.year))
      or vn.months(d.period, s.plan.year)
    out[#out + 1] = para("Thời gian thực hiện dự kiến " .. when .. note .. ".")
  end
  if d.completed_by and (not d.period or d.completed_by.to > d.period.to) then
    out[#out + 1] = para("Thời gian thực hiện hoàn thành trong " .. vn.quarters(d.completed_by, s.plan.year) ..
      (d.period and "" or note) .. ".")
  end
end

-- A support of section "tasks": the counts, the rate, the months, the fund, who pays.
local function task_blocks(p, s, d, g, name, units, out)
  local src = figures.sources_by_id(s)[g.source]
  local continuing, rest = split_notes(d.notes)
  if not text_blocks(p, s, d, g, name, units, out) then
    local tail = {}
    for i, n in ipairs(continuing) do tail[i] = " " .. clause(n) end
    local counts = {}
    if shows(d, "households") then counts[#counts + 1] = string.format("Tổng số hộ: %s hộ", vn.int(g.households)) end
    if shows(d, "persons") then
      counts[#counts + 1] = string.format("%s %s nhân khẩu", #counts > 0 and "số khẩu được hỗ trợ" or "Số khẩu được hỗ trợ:",
        vn.int(g.persons))
    end
    if #counts > 0 then out[#out + 1] = para(table.concat(counts, ", ") .. table.concat(tail) .. ".") end
    continuing = {}
  end
  note_blocks(continuing, out)
  local a, each = amount_words(g), each_words(d, g)
  if a and shows(d, "amount") then
    out[#out + 1] = para(amount_label(src) .. ": " .. a .. (each and (", " .. each) or "") .. ".")
  end
  if d.period and not d.period.quarters then
    out[#out + 1] = para("Thời gian hưởng: " .. vn.capitalize(vn.months(d.period, s.plan.year)) ..
      (d.period_note and (" (" .. d.period_note .. ")") or "") .. ".")
  elseif d.period or d.completed_by then
    period_blocks(s, d, out)
  end
  local scope, coverage = scope_words(d, name, units), coverage_words(p, d)
  if scope and not (d.text and table.concat(d.text):find("{scope}", 1, true)) then
    out[#out + 1] = para(vn.capitalize(scope) .. ".")
  end
  if coverage then out[#out + 1] = para(vn.capitalize(coverage) .. ".") end
  if src then
    out[#out + 1] = para(string.format("Kinh phí hỗ trợ: %s.", cost_words(g, src)))
  elseif d.outside_budget then
    out[#out + 1] = para("Kinh phí: " .. d.outside_budget .. ".")
  end
  -- a note that opens with the agency's name says who carries it out: "Cơ quan hỗ trợ:
  -- Ủy ban nhân dân các xã, phường thực hiện ...", not the name twice in a row
  local by = agency_names(p, d.by)
  if #by > 0 then
    local who = vn.join(by)
    if rest[1] and text.fold(rest[1]):sub(1, #text.fold(who)) == text.fold(who) then
      out[#out + 1] = para("Cơ quan hỗ trợ: " .. table.remove(rest, 1))
    else
      out[#out + 1] = para("Cơ quan thực hiện: " .. who .. ".")
    end
  end
  note_blocks(rest, out)
end

local function tasks(p, s, units, out)
  out[#out + 1] = heading(1, "II. NHIỆM VỤ TRỌNG TÂM")
  local name = namer(units)
  local n = 0
  for i, d in ipairs(p.targets) do
    n = n + 1
    out[#out + 1] = heading(2, string.format("%d. %s", n, d.label or ("Giảm hộ nghèo năm " .. s.plan.year)))
    target_blocks(p, s, d, s.targets[i], name, units, out)
  end
  for i, d in ipairs(p.supports) do
    if d.section == "tasks" then
      n = n + 1
      out[#out + 1] = heading(2, string.format("%d. %s", n, d.label))
      task_blocks(p, s, d, s.programmes[i], name, units, out)
    end
  end
end

-- ---- III. Các giải pháp thực hiện ------------------------------------------------------------

-- "Phòng Kinh tế thành phố thực hiện hỗ trợ cho 10 hộ (29 nhân khẩu) tại các xã: An Lạc 06
-- hộ, ...": who, for how many households (each household's units when the plan declares
-- them), where; then, in the same sentence, the notes that continue it ("và các hộ nghèo
-- khác ..."), the scope and a coverage the objectives do not state. The communes go in
-- brackets when the sentence goes on after them, as the seed writes them.
local function measure_sentence(p, s, d, g, name, units, continuing)
  local by, with = agency_names(p, d.by), agency_names(p, d.with)
  local who = #by > 0 and vn.join(by) or ("Ủy ban nhân dân " .. s.plan.unit)
  if #with > 0 then who = who .. " phối hợp với " .. vn.join(with) end
  local what
  if shows(d, "households") then
    what = string.format("cho %s hộ", vn.int(g.households))
    if shows(d, "persons") then what = what .. string.format(" (%s nhân khẩu)", vn.int(g.persons)) end
  elseif shows(d, "persons") then
    what = string.format("cho %s nhân khẩu", vn.int(g.persons))
  else
    what = "cho các đối tượng"
  end
  local each = each_words(d, g)
  if each then what = what .. ", " .. each .. "," end
  local tail = {}
  for _, n in ipairs(continuing) do tail[#tail + 1] = " " .. clause(n) end
  local scope, coverage = scope_words(d, name, units), coverage_words(p, d)
  if scope then tail[#tail + 1] = ", " .. scope end
  if coverage then tail[#tail + 1] = ", " .. coverage end
  local list = shows(d, "communes") and chosen_by_commune(s, d, g, name) or {}
  local names = {}
  for i, c in ipairs(list) do names[i] = c.name end
  if #list > 0 and #list <= 10 then
    local form = #tail > 0 and " tại %s (%s)" or " tại %s: %s"
    what = what .. string.format(form, commune_word(units, names), commune_counts(name, list))
  elseif #list > 10 then
    what = what .. string.format(" tại %s %s", vn.int(#list), commune_word(units, names):gsub("^các ", ""))
  end
  return who .. " thực hiện hỗ trợ " .. (what:gsub(",$", "")) .. table.concat(tail) .. "."
end

local function measure_blocks(p, s, d, g, name, units, out)
  local continuing, rest = split_notes(d.notes)
  if text_blocks(p, s, d, g, name, units, out) then
    note_blocks(continuing, out)
    local scope, coverage = scope_words(d, name, units), coverage_words(p, d)
    if scope and not table.concat(d.text):find("{scope}", 1, true) then
      out[#out + 1] = para(vn.capitalize(scope) .. ".")
    end
    if coverage then out[#out + 1] = para(vn.capitalize(coverage) .. ".") end
  else
    out[#out + 1] = para(measure_sentence(p, s, d, g, name, units, continuing))
  end
  note_blocks(rest, out)
  local src = figures.sources_by_id(s)[g.source]
  local a = shows(d, "amount") and amount_words(g)
  if src then
    out[#out + 1] = para(string.format("%sKinh phí: %s.", a and (amount_label(src) .. ": " .. a .. ". ") or "",
      cost_words(g, src)))
  elseif d.outside_budget then
    out[#out + 1] = para("Kinh phí: " .. vn.capitalize(d.outside_budget) .. ".")
  end
  period_blocks(s, d, out)
end

-- The budget: the need computed by source, each with the programmes it pays for.
local function budget_blocks(p, s, n, units, out)
  local b = s.budget
  local name = namer(units)
  out[#out + 1] = heading(2, string.format("%d. Dự kiến nhu cầu kinh phí thực hiện: %s, trong đó:", n,
    vn.money(b.total_computed)))
  local items = {}
  for _, x in ipairs(b.sources) do
    local parts = {}
    for i, g in ipairs(s.programmes) do
      local d = p.supports[i]
      if g.source == x.id and d.amount then
        parts[#parts + 1] = { label = g.label, cost = g.cost, units = units_words(g),
          own = d.budget_label and fill(p, s, d, g, name, units, d.budget_label) }
      end
    end
    -- the plan's budget_label as the plan words it ("Hỗ trợ 80 con giống bò sinh sản 2.000
    -- triệu đồng"), else the programme's label with its units
    local what
    if #parts == 1 then
      local part = parts[1]
      what = string.format(" (%s)", part.own or (part.label .. (part.units and (", " .. part.units) or "")))
    elseif #parts > 1 then
      local words = {}
      for i, part in ipairs(parts) do
        if part.own then
          words[i] = string.format("%s %s", i > 1 and vn.lower_first(part.own) or part.own, vn.money(part.cost))
        else
          words[i] = string.format("%s cho %s%s", vn.money(part.cost), vn.lower_first(part.label),
            part.units and (", " .. part.units) or "")
        end
      end
      what = " (" .. table.concat(words, "; ") .. ")"
    end
    local spans = { x.label .. ": ", { b = vn.money(x.computed) } }
    if what then spans[#spans + 1] = what end
    if type(x.declared) == "number" and x.declared ~= x.computed then
      spans[#spans + 1] = " "
      spans[#spans + 1] = { i = string.format("(kế hoạch ghi %s)", vn.money(x.declared)) }
    end
    spans[#spans + 1] = "."
    items[#items + 1] = spans
  end
  out[#out + 1] = { kind = "bullets", items = items }
  if type(b.total_declared) == "number" and b.total_declared ~= b.total_computed then
    out[#out + 1] = para({ i = string.format("Tổng nhu cầu tính theo số hộ trong sổ hộ là %s; kế hoạch ghi %s.",
      vn.money(b.total_computed), vn.money(b.total_declared)) })
  end
end

local function measures(p, s, units, out)
  out[#out + 1] = heading(1, "III. CÁC GIẢI PHÁP THỰC HIỆN")
  local name = namer(units)
  local n = 0
  for i, d in ipairs(p.supports) do
    if d.section ~= "tasks" then
      n = n + 1
      out[#out + 1] = heading(2, string.format("%d. %s", n, d.label))
      measure_blocks(p, s, d, s.programmes[i], name, units, out)
    end
  end
  if p.budget or #p.sources > 0 then budget_blocks(p, s, n + 1, units, out) end
end

-- ---- IV. Chế độ báo cáo -----------------------------------------------------------------------

local function reports(p, s, out)
  if #p.reports == 0 then return end
  out[#out + 1] = heading(1, "IV. CHẾ ĐỘ BÁO CÁO")
  local senders, seen = {}, {}
  for _, d in ipairs(p.reports) do
    for _, f in ipairs(agency_names(p, d.from)) do
      if not seen[f] then
        seen[f] = true
        senders[#senders + 1] = #senders > 0 and vn.in_sentence(f) or f
      end
    end
  end
  local spans = { #senders > 0 and (vn.join(senders) .. " thực hiện chế độ báo cáo: ") or "Chế độ báo cáo: " }
  local recipients, same = {}, true
  for i, d in ipairs(p.reports) do
    recipients[i] = table.concat(agency_names(p, d.to), ", ")
    same = same and recipients[i] == recipients[1]
  end
  for i, d in ipairs(p.reports) do
    if i > 1 then spans[#spans + 1] = i == #p.reports and " và " or ", " end
    spans[#spans + 1] = vn.lower_first(d.label) .. " "
    if d.due then
      spans[#spans + 1] = "gửi "
      spans[#spans + 1] = { b = "trước ngày " .. vn.date(d.due) }
    else
      spans[#spans + 1] = d.when or ""
    end
    if not same then spans[#spans + 1] = " (gửi " .. recipients[i] .. ")" end
  end
  if same and recipients[1] ~= "" then
    spans[#spans + 1] = " ("
    spans[#spans + 1] = { i = "qua " .. recipients[1] }
    spans[#spans + 1] = ")"
  end
  spans[#spans + 1] = "."
  out[#out + 1] = { kind = "para", spans = spans }
end

-- ---- V. Tổ chức thực hiện -----------------------------------------------------------------------

local function agencies(p, out)
  if #p.agencies == 0 then return end
  out[#out + 1] = heading(1, "V. TỔ CHỨC THỰC HIỆN")
  for i, a in ipairs(p.agencies) do
    out[#out + 1] = heading(2, string.format("%d. %s%s", i, a.requested and "Đề nghị " or "", a.name))
    for _, duty in ipairs(a.items or {}) do out[#out + 1] = para(duty) end
  end
end

-- ---- the document --------------------------------------------------------------------------

-- The letterhead of a document the plan's issuer sends: the issuer, "Số: .../KH-UBND" (the
-- plan's number), place and date (the plan's date of issue). A report gives its own:
-- number "Số:      /BC-UBND", dated {year, month} (the day left blank).
function M.letterhead(p, s, number, dated)
  local m = p.meta
  local issuer = m.issuer or ("Ủy ban nhân dân " .. s.plan.unit)
  local issued = dated or m.issued or { year = m.year }
  return { kind = "letterhead", issuer = text.upper(issuer), number = "Số: " .. (number or m.number or "      /KH-UBND"),
    dated = string.format("%s, %s", m.place or s.plan.unit, vn.long_date(issued)) }
end

-- "Số:          /KH-UBND": a number left blank ("Số: /KH-UBND") with room before the slash
-- for the clerk to write it in (plan.html and plan.docx print it so).
function M.number_room(number)
  return (number:gsub("^(Số:)%s*/", "%1          /"))
end

-- For a scenario, --set values or a budget mode: the paragraphs under the title that say
-- the document is not the plan as issued, and what was changed (as report.html does);
-- appended to out. Nothing for the plan as written.
function M.variant_note(s, out)
  local v = figures.variant(s)
  if not v then return end
  out[#out + 1] = para({ b = figures.NOT_THE_PLAN })
  for _, line in ipairs(v.lines) do out[#out + 1] = para({ i = line }) end
end

-- Nơi nhận and the signature, as the plan declares them.
function M.footer(p)
  local sig = p.signature
  return { kind = "footer", distribution = p.distribution and p.distribution.items or {},
    signature = sig and { lines = sig.items, name = sig.name } or nil }
end

-- A table block's columns as render/table.lua takes them.
local function columns(b)
  local out = {}
  for i, h in ipairs(b.head) do out[i] = type(h) == "table" and h or { h } end
  return out
end
M.columns = columns

-- "Kế hoạch thực hiện công tác ..." -> "Thực hiện công tác ...": the heading says KẾ HOẠCH.
local function subtitle(title)
  local prefix = "Kế hoạch "
  if text.valid(title:sub(1, #prefix)) and text.fold(title:sub(1, #prefix)) == text.fold(prefix) then
    return vn.capitalize(title:sub(#prefix + 1))
  end
  return title
end

function M.blocks(p, s, units)
  local m = p.meta
  local out = { M.letterhead(p, s), { kind = "title", text = "KẾ HOẠCH", sub = subtitle(m.title) } }
  M.variant_note(s, out)
  local intro = {}
  if m.basis then intro[#intro + 1] = "Thực hiện " .. table.concat(m.basis, "; ") .. "." end
  if m.preamble then intro[#intro + 1] = m.preamble end
  if #intro > 0 then out[#out + 1] = para(table.concat(intro, " ")) end
  objectives(p, s, out)
  tasks(p, s, units, out)
  measures(p, s, units, out)
  reports(p, s, out)
  agencies(p, out)
  if m.closing then out[#out + 1] = para(m.closing) end
  out[#out + 1] = M.footer(p)
  return out
end

-- ---- Markdown ------------------------------------------------------------------------------------

-- Text safe inside a Markdown line: characters that would start emphasis, links, code
-- or HTML are escaped.
local function md_text(s)
  return (tostring(s):gsub("[\\`*_%[%]<>|]", "\\%0"))
end

-- A paragraph cannot start a heading or a list.
local function md_line(s)
  return (s:gsub("^#", "\\#"):gsub("^(%d+)%.", "%1\\."):gsub("^([-+]) ", "\\%1 "))
end

local function md_spans(spans)
  local out = {}
  for _, sp in ipairs(spans) do
    if type(sp) == "string" then out[#out + 1] = md_text(sp)
    elseif sp.b then out[#out + 1] = "**" .. md_text(sp.b) .. "**"
    elseif sp.i then out[#out + 1] = "*" .. md_text(sp.i) .. "*" end
  end
  return table.concat(out)
end

function M.markdown(blocks)
  local out = {}
  for _, b in ipairs(blocks) do
    if b.kind == "letterhead" then
      out[#out + 1] = string.format("| %s | %s |\n|:---:|:---:|\n| %s | *%s* |\n\n", "**" .. md_text(b.issuer) .. "**",
        "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>**Độc lập - Tự do - Hạnh phúc**", md_text(b.number), md_text(b.dated))
    elseif b.kind == "title" then
      out[#out + 1] = "# " .. md_text(b.text) .. "\n\n**" .. md_text(b.sub) .. "**\n\n"
    elseif b.kind == "heading" then
      out[#out + 1] = string.rep("#", b.level + 1) .. " " .. md_text(b.text) .. "\n\n"
    elseif b.kind == "para" then
      out[#out + 1] = md_line(md_spans(b.spans)) .. "\n\n"
    elseif b.kind == "bullets" then
      for _, item in ipairs(b.items) do out[#out + 1] = "- " .. md_spans(item) .. "\n" end
      out[#out + 1] = "\n"
    elseif b.kind == "table" then
      local rows = {}
      for i, r in ipairs(b.rows) do
        rows[i] = table.move(r, 1, #r, 1, {})
        if b.total and i == #b.rows then rows[i][1] = "**" .. rows[i][1] .. "**" end
      end
      out[#out + 1] = tbl.markdown(columns(b), rows) .. "\n"
    elseif b.kind == "footer" then
      if #b.distribution > 0 then
        out[#out + 1] = "**Nơi nhận:**\n\n"
        for _, d in ipairs(b.distribution) do out[#out + 1] = "- " .. md_text(d) .. "\n" end
        out[#out + 1] = "\n"
      end
      if b.signature then
        local lines = {}
        for i, l in ipairs(b.signature.lines) do lines[i] = "**" .. md_text(l) .. "**" end
        out[#out + 1] = table.concat(lines, "  \n") .. "\n\n**" .. md_text(b.signature.name) .. "**\n"
      end
    end
  end
  return table.concat(out)
end

-- ---- HTML ------------------------------------------------------------------------------------------

-- A4, the margins and type of administrative documents (a serif of 13-14 pt; left margin
-- 30 mm), headings kept with what follows, the footer never split. The type is Noto Serif
-- where it is installed (Debian's fonts-noto-core: every Vietnamese letter), else Times New
-- Roman: on Debian "Times New Roman" is Liberation Serif, whose version 1.07 lacks ể ổ ẩ ỉ ở
-- ử, and a printed page would mix two families within a word.
M.CSS = [[
@page { size: A4; margin: 20mm 20mm 20mm 30mm;
  @top-center { content: counter(page); font-family: "Noto Serif", "Times New Roman", serif; font-size: 13pt; } }
@page :first { @top-center { content: none; } }
html { background: #eee; }
body { font-family: "Noto Serif", "Times New Roman", serif; font-size: 14pt;
  line-height: 1.35; color: #000; background: #fff; max-width: 160mm; margin: 1em auto; padding: 20mm 20mm 20mm 30mm; }
table.letterhead { width: 100%; border-collapse: collapse; margin-bottom: 1.2em; }
table.letterhead td { text-align: center; vertical-align: top; padding: 0 0.3em; font-size: 13pt; }
table.letterhead td:first-child { width: 40%; }
table.letterhead .nation { font-size: 12pt; white-space: nowrap; }
table.letterhead .issuer, table.letterhead .nation { font-weight: bold; }
table.letterhead .motto { font-weight: bold; font-size: 14pt; }
table.letterhead .rule { display: block; width: 40%; margin: 0.15em auto 0.4em; border-top: 1px solid #000; }
table.letterhead .dated { font-style: italic; white-space: pre-wrap; }
table.letterhead .number { white-space: pre; }
h1 { text-align: center; font-size: 14pt; margin: 1em 0 0; }
p.subtitle { text-align: center; font-weight: bold; margin: 0.2em 0 1.2em; text-indent: 0; }
h2 { font-size: 14pt; margin: 0.8em 0 0.3em; }
h3 { font-size: 14pt; margin: 0.6em 0 0.3em; }
h2, h3 { break-after: avoid; page-break-after: avoid; }
p { text-align: justify; text-indent: 1cm; margin: 0 0 0.4em; orphans: 2; widows: 2; }
ul.bullets { margin: 0 0 0.4em; padding-left: 1cm; }
table.data { width: 100%; border-collapse: collapse; margin: 0.3em 0 0.8em; font-size: 12pt; line-height: 1.2;
  break-inside: auto; }
table.data th, table.data td { border: 1px solid #000; padding: 0.15em 0.3em; vertical-align: top; }
table.data thead th { text-align: center; font-weight: bold; }
table.data tbody th { text-align: left; font-weight: normal; }
table.data tr > :first-child { width: 26%; }
table.data td.num { text-align: right; white-space: nowrap; }
table.data tr.total th, table.data tr.total td { font-weight: bold; }
table.data thead { display: table-header-group; }
table.data tr { break-inside: avoid; page-break-inside: avoid; }
.footer { display: flex; justify-content: space-between; margin-top: 1.5em; break-inside: avoid; page-break-inside: avoid; }
.distribution { font-size: 11pt; width: 45%; }
.distribution strong { font-style: italic; font-size: 12pt; }
.distribution ul { list-style: none; padding: 0; margin: 0; }
.distribution li::before { content: "- "; }
.signature { width: 50%; text-align: center; font-weight: bold; }
.signature .name { margin-top: 5em; }
@media print {
  html { background: none; }
  body { max-width: none; margin: 0; padding: 0; }
}
]]

local function html_spans(spans)
  local out = {}
  for _, sp in ipairs(spans) do
    if type(sp) == "string" then out[#out + 1] = html.esc(sp)
    elseif sp.b then out[#out + 1] = "<strong>" .. html.esc(sp.b) .. "</strong>"
    elseif sp.i then out[#out + 1] = "<em>" .. html.esc(sp.i) .. "</em>" end
  end
  return table.concat(out)
end

function M.html(blocks, title)
  local out = {}
  for _, b in ipairs(blocks) do
    if b.kind == "letterhead" then
      out[#out + 1] = table.concat({
        "<table class=\"letterhead\" role=\"presentation\">\n<tr><td class=\"issuer\">",
        html.esc(b.issuer):gsub("^(ỦY BAN NHÂN DÂN) ", "%1<br>"),
        "<span class=\"rule\"></span></td>",
        "<td><span class=\"nation\">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</span><br>",
        "<span class=\"motto\">Độc lập - Tự do - Hạnh phúc</span><span class=\"rule\"></span></td></tr>\n",
        "<tr><td class=\"number\">", html.esc(M.number_room(b.number)), "</td><td class=\"dated\">", html.esc(b.dated), "</td></tr>\n</table>\n" })
    elseif b.kind == "title" then
      out[#out + 1] = "<h1>" .. html.esc(b.text) .. "</h1>\n<p class=\"subtitle\">" .. html.esc(b.sub) .. "</p>\n"
    elseif b.kind == "heading" then
      out[#out + 1] = string.format("<h%d>%s</h%d>\n", b.level + 1, html.esc(b.text), b.level + 1)
    elseif b.kind == "para" then
      out[#out + 1] = "<p>" .. html_spans(b.spans) .. "</p>\n"
    elseif b.kind == "bullets" then
      out[#out + 1] = "<ul class=\"bullets\">\n"
      for _, item in ipairs(b.items) do out[#out + 1] = "<li>" .. html_spans(item) .. "</li>\n" end
      out[#out + 1] = "</ul>\n"
    elseif b.kind == "table" then
      local cols = columns(b)
      local rows = { "<table class=\"data\">\n<thead><tr>" }
      for _, c in ipairs(cols) do rows[#rows + 1] = "<th scope=\"col\">" .. html.esc(c[1]) .. "</th>" end
      rows[#rows + 1] = "</tr></thead>\n<tbody>\n"
      for i, r in ipairs(b.rows) do
        rows[#rows + 1] = (b.total and i == #b.rows) and "<tr class=\"total\">" or "<tr>"
        for j, c in ipairs(cols) do
          local cell = html.esc(r[j] == nil and "" or r[j])
          rows[#rows + 1] = j == 1 and ("<th scope=\"row\">" .. cell .. "</th>")
            or (c.align == "right" and ("<td class=\"num\">" .. cell .. "</td>") or ("<td>" .. cell .. "</td>"))
        end
        rows[#rows + 1] = "</tr>\n"
      end
      rows[#rows + 1] = "</tbody>\n</table>\n"
      out[#out + 1] = table.concat(rows)
    elseif b.kind == "footer" then
      out[#out + 1] = "<div class=\"footer\">\n<div class=\"distribution\">"
      if #b.distribution > 0 then
        out[#out + 1] = "<strong>Nơi nhận:</strong>\n<ul>\n"
        for _, d in ipairs(b.distribution) do out[#out + 1] = "<li>" .. html.esc(d) .. "</li>\n" end
        out[#out + 1] = "</ul>"
      end
      out[#out + 1] = "</div>\n<div class=\"signature\">"
      if b.signature then
        local lines = {}
        for i, l in ipairs(b.signature.lines) do lines[i] = html.esc(l) end
        out[#out + 1] = table.concat(lines, "<br>\n") .. "\n<div class=\"name\">" .. html.esc(b.signature.name) .. "</div>"
      end
      out[#out + 1] = "</div>\n</div>\n"
    end
  end
  return html.page(title, M.CSS, table.concat(out))
end

return M
