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
-- {spans...}}, {kind = "footer", distribution = {...}, signature = {lines..., name}}.
-- spans: a list of text pieces, each a string or {b = text} (bold) or {i = text} (italic).
local vn = require "kehoach.render.vn"
local tbl = require "kehoach.render.table"
local allocation = require "kehoach.render.allocation"
local html = require "kehoach.render.html"
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

-- "đảm bảo 100% hộ đủ điều kiện được hỗ trợ", for a declared coverage the objectives do
-- not already state ({tro_cap.coverage}): the plan's figure printed once, not dropped.
local function coverage_words(p, d)
  if not d.coverage then return nil end
  for _, o in ipairs(p.meta.objectives or {}) do
    for path in o:gmatch("{([^{}]+)}") do
      local e = params.find(p, path)
      if e and e.decl == d and e.path == d.id .. ".coverage" then return nil end
    end
  end
  return string.format("đảm bảo %s hộ đủ điều kiện được hỗ trợ", vn.percent(d.coverage))
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

-- A support of section "tasks": the counts, the rate, the months, the fund, who pays.
local function task_blocks(p, s, d, g, name, units, out)
  local src = figures.sources_by_id(s)[g.source]
  local continuing, rest = split_notes(d.notes)
  local tail = {}
  for i, n in ipairs(continuing) do tail[i] = " " .. clause(n) end
  out[#out + 1] = para(string.format("Tổng số hộ: %s hộ, số khẩu được hỗ trợ %s nhân khẩu%s.", vn.int(g.households),
    vn.int(g.persons), table.concat(tail)))
  local a, each = amount_words(g), each_words(d, g)
  if a then out[#out + 1] = para("Mức hỗ trợ: " .. a .. (each and (", " .. each) or "") .. ".") end
  if d.period then
    out[#out + 1] = para("Thời gian hưởng: " .. vn.capitalize(vn.months(d.period, s.plan.year)) .. ".")
  end
  local scope, coverage = scope_words(d, name, units), coverage_words(p, d)
  if scope then out[#out + 1] = para(vn.capitalize(scope) .. ".") end
  if coverage then out[#out + 1] = para(vn.capitalize(coverage) .. ".") end
  if src then
    out[#out + 1] = para(string.format("Kinh phí hỗ trợ: %s.", cost_words(g, src)))
  elseif d.outside_budget then
    out[#out + 1] = para("Kinh phí: " .. d.outside_budget .. ".")
  end
  local by = agency_names(p, d.by)
  if #by > 0 then out[#out + 1] = para("Cơ quan thực hiện: " .. vn.join(by) .. ".") end
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
  local what = string.format("cho %s hộ (%s nhân khẩu)", vn.int(g.households), vn.int(g.persons))
  local each = each_words(d, g)
  if each then what = what .. ", " .. each .. "," end
  local tail = {}
  for _, n in ipairs(continuing) do tail[#tail + 1] = " " .. clause(n) end
  local scope, coverage = scope_words(d, name, units), coverage_words(p, d)
  if scope then tail[#tail + 1] = ", " .. scope end
  if coverage then tail[#tail + 1] = ", " .. coverage end
  local list = chosen_by_commune(s, d, g, name)
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
  out[#out + 1] = para(measure_sentence(p, s, d, g, name, units, continuing))
  note_blocks(rest, out)
  local src = figures.sources_by_id(s)[g.source]
  local a = amount_words(g)
  if src then
    out[#out + 1] = para(string.format("%sKinh phí: %s.", a and ("Mức hỗ trợ: " .. a .. ". ") or "", cost_words(g, src)))
  elseif d.outside_budget then
    out[#out + 1] = para("Kinh phí: " .. vn.capitalize(d.outside_budget) .. ".")
  end
  if d.period then
    local when = d.period.quarters and ("trong " .. vn.quarters(d.period, s.plan.year))
      or vn.months(d.period, s.plan.year)
    out[#out + 1] = para("Thời gian thực hiện dự kiến " .. when .. ".")
  end
  if d.completed_by then
    out[#out + 1] = para("Thời gian thực hiện hoàn thành trong " .. vn.quarters(d.completed_by, s.plan.year) .. ".")
  end
end

-- The budget: the need computed by source, each with the programmes it pays for.
local function budget_blocks(p, s, n, out)
  local b = s.budget
  out[#out + 1] = heading(2, string.format("%d. Dự kiến nhu cầu kinh phí thực hiện: %s, trong đó:", n,
    vn.money(b.total_computed)))
  local items = {}
  for _, x in ipairs(b.sources) do
    local parts = {}
    for i, g in ipairs(s.programmes) do
      local d = p.supports[i]
      if g.source == x.id and d.amount then
        parts[#parts + 1] = { label = g.label, cost = g.cost, units = units_words(g) }
      end
    end
    local what
    if #parts == 1 then
      what = string.format(" (%s%s)", parts[1].label, parts[1].units and (", " .. parts[1].units) or "")
    elseif #parts > 1 then
      local words = {}
      for i, part in ipairs(parts) do
        words[i] = string.format("%s cho %s%s", vn.money(part.cost), vn.lower_first(part.label),
          part.units and (", " .. part.units) or "")
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
  if p.budget or #p.sources > 0 then budget_blocks(p, s, n + 1, out) end
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

local function letterhead(p, s)
  local m = p.meta
  local issuer = m.issuer or ("Ủy ban nhân dân " .. s.plan.unit)
  local issued = m.issued or { year = m.year }
  local dated = string.format("%s, %s", m.place or s.plan.unit, vn.long_date(issued))
  return { kind = "letterhead", issuer = text.upper(issuer), number = "Số: " .. (m.number or "      /KH-UBND"),
    dated = dated }
end

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
  local out = { letterhead(p, s), { kind = "title", text = "KẾ HOẠCH", sub = subtitle(m.title) } }
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
  local sig = p.signature
  out[#out + 1] = { kind = "footer", distribution = p.distribution and p.distribution.items or {},
    signature = sig and { lines = sig.items, name = sig.name } or nil }
  -- the annexes: a fund divided by criteria, its table by unit
  for _, b in ipairs(allocation.annex(s)) do out[#out + 1] = b end
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

-- A table block { caption, head = {titles}, align = {"left"|"right"}, rows = {{cells}} }.
local function md_table(b)
  local cols = {}
  for i, h in ipairs(b.head) do cols[i] = { h, align = b.align[i] } end
  local rows = {}
  for i, r in ipairs(b.rows) do
    rows[i] = {}
    for j in ipairs(b.head) do rows[i][j] = r[j] == nil and "" or r[j] end
  end
  return (b.caption and ("**" .. md_text(b.caption) .. "**\n\n") or "") .. tbl.markdown(cols, rows) .. "\n"
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
      out[#out + 1] = md_table(b)
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

-- A4, the margins and type of administrative documents (Times New Roman 13-14 pt; left
-- margin 30 mm), headings kept with what follows, the footer never split.
M.CSS = [[
@page { size: A4; margin: 20mm 20mm 20mm 30mm; }
html { background: #eee; }
body { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 14pt;
  line-height: 1.35; color: #000; background: #fff; max-width: 160mm; margin: 1em auto; padding: 20mm 20mm 20mm 30mm; }
table.letterhead { width: 100%; border-collapse: collapse; margin-bottom: 1.2em; }
table.letterhead td { text-align: center; vertical-align: top; padding: 0 0.3em; font-size: 13pt; }
table.letterhead td:first-child { width: 40%; }
table.letterhead .nation { font-size: 12pt; white-space: nowrap; }
table.letterhead .issuer, table.letterhead .nation { font-weight: bold; }
table.letterhead .motto { font-weight: bold; font-size: 14pt; }
table.letterhead .rule { display: block; width: 40%; margin: 0.15em auto 0.4em; border-top: 1px solid #000; }
table.letterhead .dated { font-style: italic; white-space: pre-wrap; }
h1 { text-align: center; font-size: 14pt; margin: 1em 0 0; }
p.subtitle { text-align: center; font-weight: bold; margin: 0.2em 0 1.2em; text-indent: 0; }
h2 { font-size: 14pt; margin: 0.8em 0 0.3em; }
h3 { font-size: 14pt; margin: 0.6em 0 0.3em; }
h2, h3 { break-after: avoid; page-break-after: avoid; }
p { text-align: justify; text-indent: 1cm; margin: 0 0 0.4em; orphans: 2; widows: 2; }
ul.bullets { margin: 0 0 0.4em; padding-left: 1cm; }
.footer { display: flex; justify-content: space-between; margin-top: 1.5em; break-inside: avoid; page-break-inside: avoid; }
.distribution { font-size: 11pt; width: 45%; }
.distribution strong { font-style: italic; font-size: 12pt; }
.distribution ul { list-style: none; padding: 0; margin: 0; }
.distribution li::before { content: "- "; }
.signature { width: 50%; text-align: center; font-weight: bold; }
.signature .name { margin-top: 5em; }
table.data { width: 100%; border-collapse: collapse; font-size: 11pt; margin: 0.4em 0 0.8em; }
table.data caption { font-weight: bold; text-align: left; }
table.data th, table.data td { border: 1px solid #000; padding: 0.1em 0.3em; vertical-align: top; }
table.data td.num { text-align: right; white-space: nowrap; }
table.data tr.total td { font-weight: bold; }
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

local function html_table(b)
  local out = { "<table class=\"data\">\n" }
  if b.caption then out[#out + 1] = "<caption>" .. html.esc(b.caption) .. "</caption>\n" end
  out[#out + 1] = "<thead><tr>"
  for _, h in ipairs(b.head) do out[#out + 1] = "<th>" .. html.esc(h) .. "</th>" end
  out[#out + 1] = "</tr></thead>\n<tbody>\n"
  for _, r in ipairs(b.rows) do
    out[#out + 1] = r.total and "<tr class=\"total\">" or "<tr>"
    for j in ipairs(b.head) do
      out[#out + 1] = string.format("<td%s>%s</td>", b.align[j] == "right" and " class=\"num\"" or "",
        html.esc(r[j] == nil and "" or r[j]))
    end
    out[#out + 1] = "</tr>\n"
  end
  out[#out + 1] = "</tbody>\n</table>\n"
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
        "<tr><td>", html.esc(b.number), "</td><td class=\"dated\">", html.esc(b.dated), "</td></tr>\n</table>\n" })
    elseif b.kind == "title" then
      out[#out + 1] = "<h1>" .. html.esc(b.text) .. "</h1>\n<p class=\"subtitle\">" .. html.esc(b.sub) .. "</p>\n"
    elseif b.kind == "heading" then
      out[#out + 1] = string.format("<h%d>%s</h%d>\n", b.level + 1, html.esc(b.text), b.level + 1)
    elseif b.kind == "para" then
      out[#out + 1] = "<p>" .. html_spans(b.spans) .. "</p>\n"
    elseif b.kind == "table" then
      out[#out + 1] = html_table(b)
    elseif b.kind == "bullets" then
      out[#out + 1] = "<ul class=\"bullets\">\n"
      for _, item in ipairs(b.items) do out[#out + 1] = "<li>" .. html_spans(item) .. "</li>\n" end
      out[#out + 1] = "</ul>\n"
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
