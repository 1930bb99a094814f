-- render/messages.lua — the words of every message `kehoach check` and the run give, by code: in
-- English for the terminal, summary.json's `message` and the results database, and in
-- Vietnamese (`message_vi`) for the documents officers read (report.md, report.html),
-- with programme labels rather than ids, numbers as vn.lua writes them (5.723 triệu đồng,
-- 62,3%) and periods as the plan's documents write them.
--
-- The checks (kehoach.plan.check, kehoach.run.*) find the facts; this file says them, where
-- the messages leave the domain (kehoach.pipeline, kehoach check): M.word.
-- Each code has en(d, f) and vi(d, f): d the declaration the message is about (whose line
-- it carries), f the facts the check found: counts, sums in đồng, names, and other
-- declarations (a source, a support), never text already worded. A code that two checks
-- give branches on its facts.
--
--   M.text(code, d, f) -> english, vietnamese    raises for a code without words (a bug)
--   M.word(list) -> list     each message's message (English) and message_vi set
--   M.format(m) -> "file:line: level: message", as printed
--   M.write_errors(list)     the errors, one a line, to stderr
--   M.CODES                                      code -> { en = fn, vi = fn }
local util = require "kehoach.util"
local values = require "kehoach.plan.values"
local vn = require "kehoach.render.vn"

local fmt = string.format
local text = core.text

local M = {}

-- ---- English ----------------------------------------------------------------------------

local function money(n) return util.group_digits(n) .. " đồng" end

-- "1 household", "3 households"
local function households(n) return n == 1 and "1 household" or (n .. " households") end

local function did_you_mean(near) return near and (" (did you mean '" .. near .. "'?)") or "" end

-- "support 'vay_von'", "target 'giam_ho_ngheo'", "report 'bao_cao_nam'"
local function label(d) return fmt("%s '%s'", d.kind, d.id or "") end

-- ---- Vietnamese -------------------------------------------------------------------------

local KINDS_VI = { support = "Chương trình", target = "Chỉ tiêu", report = "Báo cáo", scenario = "Kịch bản",
  source = "Nguồn", agency = "Cơ quan" }

-- A declaration as a sentence names it: "Chương trình “Hỗ trợ nhà ở”", "Kế hoạch"; the
-- kind is left out when the label starts with it ("“Báo cáo 6 tháng”").
local function name_vi(d)
  if d.kind == "plan" then return "Kế hoạch" end
  if d.kind == "budget" then return "Dự toán kinh phí" end
  local kind, label_text = KINDS_VI[d.kind] or d.kind, d.label or d.name or d.id or ""
  local quoted = "“" .. label_text .. "”"
  local k, l = text.fold(kind), text.fold(label_text)
  if l:sub(1, #k) == k then return quoted end
  return kind .. " " .. quoted
end

-- The same inside a sentence: "chương trình “Hỗ trợ nhà ở”".
local function in_sentence_vi(d) return vn.lower_first(name_vi(d)) end

-- A funding source by its short name or label ("Ngân sách tỉnh"); one the plan does not
-- declare, by the id it wrote.
local function source_vi(s, id)
  if s then return s.short or s.label or s.id end
  return "'" .. id .. "'"
end

local function hint_vi(near) return near and (" (có phải '" .. near .. "'?)") or "" end

local function hh_vi(n) return vn.int(n) .. " hộ" end

-- A share in percent with one decimal: 62,3%.
local function pct_vi(part, whole) return vn.decimal(100 * part / whole, 1) .. "%" end

local function date_vi(d)
  if d.day then return vn.date(d) end
  return fmt("tháng %d/%d", d.month, d.year)
end

-- What a support does not state, so that its cost waits for the registry.
local MISSING = {
  persons = { en = "it states no number of persons", vi = "không nêu số khẩu" },
  households = { en = "it states no households and has no quota",
    vi = "không nêu số hộ và không phân bổ theo xã, phường" },
  units = { en = "it states no units and no households", vi = "không nêu số đơn vị và số hộ" },
}
M.MISSING = MISSING

-- Who an agency is named as.
local AGENCY_FIELDS_VI = { by = "cơ quan chủ trì", with = "cơ quan phối hợp", to = "nơi nhận" }

-- The kinds of a parameter's value, in Vietnamese (kehoach.plan.params.KINDS in English).
local PARAMETER_KINDS_VI = {
  count = "số nguyên từ 0 trở lên", number = "một số", money = "số tiền bằng đồng",
  share = "tỷ lệ từ 0 đến 1, hoặc phần trăm", date = "ngày dạng 2021-06-05",
  priority = "thứ tự ưu tiên (lowest_income hoặc most_deprived)",
}

-- ---- the codes ----------------------------------------------------------------------------

local C = {}
M.CODES = C

-- targets (kehoach check) -------------------------------------------------------------------

C["target-communes"] = {
  en = function(d, f)
    return fmt("%s: the communes add up to %s, not the %d stated", label(d), households(f.sum), f.stated)
  end,
  vi = function(d, f)
    return fmt("%s: cộng theo xã, phường được %s, không khớp với tổng số %s đã nêu", name_vi(d), hh_vi(f.sum),
      hh_vi(f.stated))
  end,
}

C["target-quarter"] = {
  en = function(d, f)
    return fmt("%s: the communes of Q%d add up to %s, not the %d stated for the quarter", label(d), f.quarter,
      households(f.sum), f.stated)
  end,
  vi = function(d, f)
    return fmt("%s: cộng các xã, phường của quý %s được %s, không khớp với %s đã nêu cho quý", name_vi(d),
      vn.ROMAN[f.quarter], hh_vi(f.sum), hh_vi(f.stated))
  end,
}

C["target-quarters"] = {
  en = function(d, f)
    return fmt("%s: the quarters add up to %s, not the %d stated", label(d), households(f.sum), f.stated)
  end,
  vi = function(d, f)
    return fmt("%s: cộng các quý được %s, không khớp với tổng số %s đã nêu", name_vi(d), hh_vi(f.sum),
      hh_vi(f.stated))
  end,
}

-- f.by_commune: the commune's households by commune; nil when it is in the quarters only
C["target-commune-quarters"] = {
  en = function(d, f)
    if f.by_commune then
      return fmt("%s: %s has %s by commune but %d over the quarters", label(d), f.commune,
        households(f.by_commune), f.by_quarters)
    end
    return fmt("%s: %s has %s in the quarters but is not among the communes", label(d), f.commune,
      households(f.by_quarters))
  end,
  vi = function(d, f)
    if f.by_commune then
      return fmt("%s: %s có %s theo xã, phường nhưng %s khi cộng các quý", name_vi(d), f.commune,
        hh_vi(f.by_commune), hh_vi(f.by_quarters))
    end
    return fmt("%s: %s có %s trong các quý nhưng không có trong danh sách theo xã, phường", name_vi(d),
      f.commune, hh_vi(f.by_quarters))
  end,
}

-- supports (kehoach check) ------------------------------------------------------------------

C["quota-sum"] = {
  en = function(d, f)
    return fmt("%s: the quotas add up to %s, not the %d stated", label(d), households(f.sum), f.stated)
  end,
  vi = function(d, f)
    return fmt("%s: số hộ phân bổ cho các xã, phường cộng lại được %s, không khớp với %s đã nêu", name_vi(d),
      hh_vi(f.sum), hh_vi(f.stated))
  end,
}

C["quota-scope"] = {
  en = function(d, f)
    return fmt("%s: %s has a quota of %d but is not among the communes the programme is limited to (%s)",
      label(d), f.commune, f.quota, table.concat(f.scope, ", "))
  end,
  vi = function(d, f)
    return fmt("%s: %s được phân bổ %s nhưng không thuộc địa bàn thực hiện của chương trình (%s)", name_vi(d),
      f.commune, hh_vi(f.quota), vn.join(f.scope))
  end,
}

-- f.each: the units per household the plan states (an error: they do not multiply out);
-- nil when it states none (a warning: the plan leaves the share unsaid)
C["units-households"] = {
  en = function(d, f)
    local noun = f.noun or "units"
    if f.each then
      return fmt("%s: %d %s in all is not %d households × %d each", label(d), f.units, noun, f.households, f.each)
    end
    local per = f.units % f.households == 0 and tostring(f.units // f.households)
      or fmt("%.1f", f.units / f.households)
    return fmt("%s: %d households are named for %d %s — %s each, which the plan does not say; " ..
      "state units_per_household, or the households the %d %s are for",
      label(d), f.households, f.units, noun, per, f.units, noun)
  end,
  vi = function(d, f)
    local noun = f.noun or "đơn vị"
    if f.each then
      return fmt("%s: tổng số %s %s không bằng %s × %s %s mỗi hộ", name_vi(d), vn.int(f.units), noun,
        hh_vi(f.households), vn.int(f.each), noun)
    end
    return fmt("%s: kế hoạch ghi %s nhận %s %s, tức %s %s mỗi hộ, nhưng không nêu mức mỗi hộ; cần ghi rõ " ..
      "số %s mỗi hộ, hoặc số hộ nhận %s %s", name_vi(d), hh_vi(f.households),
      vn.int(f.units), noun, vn.decimal(f.units / f.households, 1), noun, noun, vn.int(f.units), noun)
  end,
}

C["schedule"] = {
  en = function(d, f)
    return fmt("%s: carried out in %s yet completed in %s, before it ends", label(d),
      values.describe_period(f.period, f.year), values.describe_period(f.completed_by, f.year))
  end,
  vi = function(d, f)
    return fmt("%s: thực hiện trong %s nhưng thời hạn hoàn thành là %s, trước khi hết thời gian thực hiện",
      name_vi(d), values.describe_period(f.period, f.year), values.describe_period(f.completed_by, f.year))
  end,
}

C["effect-before-support"] = {
  en = function(d, f)
    return fmt("%s: its effect starts in %s, before the support (%s)", label(d),
      values.describe_period(f.effect_from, f.year), values.describe_period(f.period, f.year))
  end,
  vi = function(d, f)
    return fmt("%s: tác động giả định bắt đầu từ %s, trước thời gian hỗ trợ (%s)", name_vi(d),
      values.describe_period(f.effect_from, f.year), values.describe_period(f.period, f.year))
  end,
}

-- a support, or the budget (d.kind "budget"), names a source the plan does not declare
C["unknown-source"] = {
  en = function(d, f)
    local declare = fmt("declare it with source \"%s\" { label = ... }", f.ref)
    if d.kind == "budget" then
      return fmt("budget: '%s' is not a declared funding source%s; %s", f.ref, did_you_mean(f.near), declare)
    end
    return fmt("%s: unknown funding source '%s'%s; %s", label(d), f.ref, did_you_mean(f.near), declare)
  end,
  vi = function(d, f)
    local declare = fmt("khai báo bằng source \"%s\" { label = ... }", f.ref)
    if d.kind == "budget" then
      return fmt("Dự toán kinh phí: '%s' không phải nguồn kinh phí đã khai báo%s; %s", f.ref, hint_vi(f.near),
        declare)
    end
    return fmt("%s: nguồn kinh phí '%s' chưa được khai báo%s; %s", name_vi(d), f.ref, hint_vi(f.near), declare)
  end,
}

-- f.field: "by" or "with" (a support), "to" (a report)
C["unknown-agency"] = {
  en = function(d, f)
    return fmt("%s: %s names an unknown agency '%s'%s", label(d), f.field, f.ref, did_you_mean(f.near))
  end,
  vi = function(d, f)
    return fmt("%s: %s '%s' không có trong danh sách cơ quan, đơn vị của kế hoạch%s", name_vi(d),
      AGENCY_FIELDS_VI[f.field], f.ref, hint_vi(f.near))
  end,
}

-- the budget (kehoach check) ----------------------------------------------------------------

C["no-budget"] = {
  en = function(d, f)
    return fmt("support '%s' is paid from '%s' but the plan declares no budget { ... }", d.id, f.source_id)
  end,
  vi = function(d, f)
    return fmt("%s chi từ nguồn %s nhưng kế hoạch không có phần dự toán kinh phí (budget { ... })", name_vi(d),
      source_vi(f.source, f.source_id))
  end,
}

C["budget-total"] = {
  en = function(_, f)
    return fmt("budget: the sources add up to %s, not the total of %s", money(f.sum), money(f.total))
  end,
  vi = function(_, f)
    return fmt("Các nguồn kinh phí cộng lại được %s, không khớp với tổng kinh phí %s", vn.money(f.sum),
      vn.money(f.total))
  end,
}

-- f.support: the support whose cost waits for the registry; f.missing: a key of MISSING
C["budget-uncosted"] = {
  en = function(_, f)
    return fmt("budget: %s cannot be costed without the registry (support '%s': %s)", f.source.id, f.support.id,
      MISSING[f.missing].en)
  end,
  vi = function(_, f)
    return fmt("Chưa tính được kinh phí từ %s khi chưa đối chiếu sổ hộ (%s %s)", source_vi(f.source),
      in_sentence_vi(f.support), MISSING[f.missing].vi)
  end,
}

C["budget-missing-line"] = {
  en = function(_, f)
    return fmt("budget: the programmes cost %s from %s, which has no budget line", money(f.cost), f.source.id)
  end,
  vi = function(_, f)
    return fmt("Các chương trình chi %s từ %s, nhưng nguồn này không có trong dự toán kinh phí",
      vn.money(f.cost), source_vi(f.source))
  end,
}

-- the programmes' stated costs against a line: f.parts { {support, cost} }
local budget_lines = {
  en = function(_, f)
    local parts = {}
    for i, x in ipairs(f.parts) do parts[i] = fmt("%s %s", x.support.id, money(x.cost)) end
    return fmt("budget: %s gives %s but its programmes cost %s (%s); %s %s", f.source.id, money(f.line),
      money(f.cost), table.concat(parts, " + "), f.cost > f.line and "short by" or "left over",
      money(math.abs(f.cost - f.line)))
  end,
  vi = function(_, f)
    local parts = {}
    for i, x in ipairs(f.parts) do parts[i] = fmt("“%s” %s", x.support.label, vn.money(x.cost)) end
    return fmt("%s bố trí %s nhưng các chương trình cần %s (%s); %s %s", vn.capitalize(source_vi(f.source)),
      vn.money(f.line), vn.money(f.cost), table.concat(parts, " + "), f.cost > f.line and "còn thiếu" or "còn dư",
      vn.money(math.abs(f.cost - f.line)))
  end,
}
C["budget-gap"] = budget_lines
C["budget-surplus"] = budget_lines

C["source-unused"] = {
  en = function(d) return fmt("source '%s' pays for no programme and has no budget line", d.id) end,
  vi = function(d)
    return fmt("%s không chi cho chương trình nào và không có trong dự toán kinh phí", vn.capitalize(source_vi(d)))
  end,
}

-- reports (kehoach check) -------------------------------------------------------------------

C["report-when"] = {
  en = function(d) return fmt("%s: neither a due date nor when it is sent", label(d)) end,
  vi = function(d) return fmt("%s: chưa có hạn gửi, cũng chưa nêu thời điểm gửi", name_vi(d)) end,
}

-- f.covers: the months reported on, when the due date comes before them; nil when it is
-- outside the plan's year
C["report-date"] = {
  en = function(d, f)
    if f.covers then
      return fmt("%s: due %s, before the months it reports on (%s) begin", label(d), f.due.text,
        values.describe_period(f.covers, f.year))
    end
    return fmt("%s: due %s, outside the plan's year %d", label(d), f.due.text, f.year)
  end,
  vi = function(d, f)
    if f.covers then
      return fmt("%s: hạn gửi %s, trước khi bắt đầu kỳ báo cáo (%s)", name_vi(d), date_vi(f.due),
        values.describe_period(f.covers, f.year))
    end
    return fmt("%s: hạn gửi %s nằm ngoài năm kế hoạch %d", name_vi(d), date_vi(f.due), f.year)
  end,
}

-- the plan, its standard and its parameters (kehoach check) --------------------------------

-- f.why: kehoach.standards' reason; f.known: the standards' names
C["unknown-standard"] = {
  en = function(_, f) return "plan: " .. f.why end,
  vi = function(_, f)
    local year = math.type(f.standard) == "integer" and f.standard
      or (type(f.standard) == "string" and f.standard:match("^%d%d%d%d$"))
    local what = year and fmt("cho năm %s", year) or fmt("'%s'", tostring(f.standard))
    return fmt("Kế hoạch: không có chuẩn nghèo %s (các chuẩn hiện có: %s)", what, table.concat(f.known, ", "))
  end,
}

-- f.current: the shipped standard in force in the plan's year, if any
C["standard-years"] = {
  en = function(_, f)
    return fmt("plan: the standard %s is in force %d-%d, not in %d%s", f.standard.name, f.standard.from_year,
      f.standard.to_year, f.year, f.current and fmt(" (in %d: %s)", f.year, f.current.name) or "")
  end,
  vi = function(_, f)
    return fmt("Kế hoạch: chuẩn nghèo %s áp dụng cho giai đoạn %d - %d, không áp dụng cho năm %d%s", f.standard.name,
      f.standard.from_year, f.standard.to_year, f.year,
      f.current and fmt(" (năm %d áp dụng chuẩn %s)", f.year, f.current.name) or "")
  end,
}

C["plan-date"] = {
  en = function(_, f) return fmt("plan: issued %s, far from the plan's year %d", f.issued.text, f.year) end,
  vi = function(_, f)
    return fmt("Kế hoạch: ngày ban hành %s cách xa năm kế hoạch %d", date_vi(f.issued), f.year)
  end,
}

C["registry-year"] = {
  en = function(_, f)
    return fmt("plan: reads the survey of %d, after the plan's year %d", f.registry_year, f.year)
  end,
  vi = function(_, f)
    return fmt("Kế hoạch: dùng số liệu rà soát năm %d, sau năm kế hoạch %d", f.registry_year, f.year)
  end,
}

-- an objective's {path} (f.objective: its number) or a scenario's path (d the scenario)
-- that names no parameter; f.why: kehoach.plan.params' reason
C["unknown-parameter"] = {
  en = function(d, f)
    if f.objective then return fmt("plan: objective %d: %s", f.objective, f.why) end
    if f.field then return fmt("%s: %s%s: %s", label(d), f.field, f.item and fmt(" %d", f.item) or "", f.why) end
    return fmt("scenario '%s': %s", d.id, f.why)
  end,
  vi = function(d, f)
    local path = fmt("tham số '%s' không có trong kế hoạch%s", f.path or "", hint_vi(f.near))
    if f.objective then return fmt("Kế hoạch: mục tiêu thứ %d dùng %s", f.objective, path) end
    if f.field then
      local where = f.field == "text" and fmt("đoạn văn thứ %d", f.item) or "dòng kinh phí"
      return fmt("%s: %s dùng %s", name_vi(d), where, path)
    end
    return fmt("%s: %s", name_vi(d), path)
  end,
}

-- f.value: a word of show = { ... } that is not a figure; f.known: those that are
C["unknown-show"] = {
  en = function(d, f)
    return fmt("%s: show: '%s' is not a figure the document prints (%s)%s", label(d), f.value,
      table.concat(f.known, ", "), f.near and fmt("; did you mean '%s'?", f.near) or "")
  end,
  vi = function(d, f)
    return fmt("%s: show có '%s', không phải số liệu văn bản kế hoạch in ra (%s)", name_vi(d), f.value,
      table.concat(f.known, ", "))
  end,
}

-- f.words: the kind in English (params.KINDS), f.why: why the value is not of it
C["parameter-kind"] = {
  en = function(d, f)
    return fmt("scenario '%s': %s must be %s (%s), not %s", d.id, f.path, f.words, f.why, tostring(f.value))
  end,
  vi = function(d, f)
    return fmt("%s: %s phải là %s, không phải %s", name_vi(d), f.path, PARAMETER_KINDS_VI[f.kind],
      tostring(f.value))
  end,
}

C["name-slip"] = {
  en = function(_, f)
    return fmt("commune '%s' (written %d time%s) is one letter from '%s' (written %d time%s): a slip?",
      f.name, f.uses, f.uses == 1 and "" or "s", f.other, f.other_uses, f.other_uses == 1 and "" or "s")
  end,
  vi = function(_, f)
    return fmt("Tên xã, phường “%s” (viết %d lần) chỉ khác “%s” (viết %d lần) một chữ: có phải viết nhầm?",
      f.name, f.uses, f.other, f.other_uses)
  end,
}

-- against the registry (kehoach.run.*) -------------------------------------------------------

-- the plan's unit (f.unit) missing or named by several units (f.count, each as f.qualified
-- writes it), or a name (f.name) that is not one of the plan's children (f.district: the
-- plan's unit; f.noun: what its children are, f.words: their kinds in words; f.commune_plan:
-- the plan is for one commune, whose only name is its own)
C["unknown-unit"] = {
  en = function(d, f)
    if f.district then
      if f.commune_plan then
        return fmt("%s '%s': '%s' is not %s: a plan for a commune names only the commune itself%s", d.kind,
          d.id or "", f.name, f.district, did_you_mean(f.near))
      end
      return fmt("%s '%s': '%s' is not a %s of %s%s", d.kind, d.id or "", f.name, f.noun or "commune", f.district,
        did_you_mean(f.near))
    elseif f.count then
      return fmt("plan: the registry has %d units named '%s'; write which: %s", f.count, f.unit,
        table.concat(f.qualified or {}, ", "))
    end
    return fmt("plan: unit '%s' is not in the registry%s", f.unit, did_you_mean(f.near))
  end,
  vi = function(d, f)
    if f.district then
      if f.commune_plan then
        return fmt("%s: “%s” không phải là %s: kế hoạch của một xã chỉ ghi tên xã đó%s", name_vi(d), f.name,
          f.district, hint_vi(f.near))
      end
      return fmt("%s: “%s” không phải là %s của %s%s", name_vi(d), f.name, f.words or "xã, phường", f.district,
        hint_vi(f.near))
    elseif f.count then
      return fmt("Kế hoạch: sổ hộ có %d đơn vị cùng tên “%s”; ghi rõ: %s", f.count, f.unit,
        table.concat(f.qualified or {}, ", "))
    end
    return fmt("Kế hoạch: sổ hộ không có đơn vị “%s”%s", f.unit, hint_vi(f.near))
  end,
}

C["no-survey"] = {
  en = function(_, f)
    return fmt("plan: the registry has no survey of %d for the households of %s%s", f.registry_year, f.district,
      f.registry_year_set and "" or " (registry_year is year - 1 unless the plan sets it)")
  end,
  vi = function(_, f)
    return fmt("Kế hoạch: sổ hộ không có số liệu rà soát năm %d của các hộ thuộc %s%s", f.registry_year,
      f.district, f.registry_year_set and ""
        or " (năm rà soát là năm trước năm kế hoạch, trừ khi kế hoạch ghi registry_year)")
  end,
}

-- f.supports: the supports whose households were left unfunded
C["budget-cap"] = {
  en = function(_, f)
    local ids = {}
    for i, d in ipairs(f.supports) do ids[i] = d.id end
    return fmt("budget: %s holds %s for %s of need; %d household%s of %s left unfunded", f.source.id,
      money(f.line), money(f.need), f.unfunded, f.unfunded == 1 and "" or "s", table.concat(ids, ","))
  end,
  vi = function(_, f)
    local names = {}
    for i, d in ipairs(f.supports) do names[i] = "“" .. d.label .. "”" end
    return fmt("%s chỉ bố trí %s cho nhu cầu %s; %s của chương trình %s chưa được bố trí kinh phí",
      vn.capitalize(source_vi(f.source)), vn.money(f.line), vn.money(f.need), hh_vi(f.unfunded), vn.join(names))
  end,
}

C["budget-prorate"] = {
  en = function(_, f)
    return fmt("budget: %s holds %s for %s of need; every amount it pays is cut to %s", f.source.id,
      money(f.line), money(f.need), fmt("%.1f%%", 100 * f.line / f.need))
  end,
  vi = function(_, f)
    return fmt("%s chỉ bố trí %s cho nhu cầu %s; mọi khoản chi từ nguồn này được giảm còn %s",
      vn.capitalize(source_vi(f.source)), vn.money(f.line), vn.money(f.need), pct_vi(f.line, f.need))
  end,
}

C["quota-shortfall"] = {
  en = function(d, f)
    return fmt("%s: %s has %d eligible household%s for a quota of %d (short by %d)", label(d), f.commune, f.found,
      f.found == 1 and "" or "s", f.quota, f.quota - f.found)
  end,
  vi = function(d, f)
    return fmt("%s: %s chỉ có %s đủ điều kiện cho chỉ tiêu %s (thiếu %s)", name_vi(d), f.commune, hh_vi(f.found),
      hh_vi(f.quota), hh_vi(f.quota - f.found))
  end,
}

C["stated-households"] = {
  en = function(d, f)
    return fmt("%s: the plan states %d households; the registry has %d", label(d), f.stated, f.found)
  end,
  vi = function(d, f)
    return fmt("%s: kế hoạch ghi %s; sổ hộ có %s", name_vi(d), hh_vi(f.stated), hh_vi(f.found))
  end,
}

C["stated-persons"] = {
  en = function(d, f)
    return fmt("%s: the plan states %d persons; the registry has %d in the households chosen", label(d),
      f.stated, f.found)
  end,
  vi = function(d, f)
    return fmt("%s: kế hoạch ghi %s khẩu; các hộ được chọn trong sổ hộ có %s khẩu", name_vi(d), vn.int(f.stated),
      vn.int(f.found))
  end,
}

C["coverage"] = {
  en = function(d, f)
    return fmt("%s: the plan promises %s of eligible households, but reaches %d of %d (%s)", label(d),
      fmt("%g%%", f.coverage * 100), f.reached, f.eligible, fmt("%.1f%%", 100 * f.reached / f.eligible))
  end,
  vi = function(d, f)
    return fmt("%s: kế hoạch cam kết hỗ trợ %s hộ đủ điều kiện, nhưng mới hỗ trợ được %s/%s (đạt %s)",
      name_vi(d), vn.percent(f.coverage), vn.int(f.reached), hh_vi(f.eligible), pct_vi(f.reached, f.eligible))
  end,
}

C["units-uneven"] = {
  en = function(d, f)
    return fmt("%s: %d %s do not divide evenly among %d households; the first in order get one more", label(d),
      f.units, f.noun or "units", f.households)
  end,
  vi = function(d, f)
    local noun = f.noun or "đơn vị"
    return fmt("%s: %s %s không chia đều cho %s; các hộ đứng trước trong danh sách được thêm 1 %s", name_vi(d),
      vn.int(f.units), noun, hh_vi(f.households), noun)
  end,
}

-- f.rate: the households over the surveyed, in percentage points
C["rate"] = {
  en = function(d, f)
    return fmt("%s: %d households of the %s surveyed in %s are %.2f percentage points, not the %s stated",
      label(d), f.households, util.group_digits(f.surveyed), f.district, f.rate, tostring(f.stated))
  end,
  vi = function(d, f)
    return fmt("%s: %s trên tổng số %s được rà soát của %s là %s điểm phần trăm, không phải %s như kế hoạch ghi",
      name_vi(d), hh_vi(f.households), hh_vi(f.surveyed), f.district, vn.decimal(f.rate, 2), vn.decimal(f.stated))
  end,
}

C["target-exceeds-poor"] = {
  en = function(d, f)
    return fmt("%s: %d households of %s to leave poverty, but the registry has %d poor households there", label(d),
      f.households, f.commune, f.poor)
  end,
  vi = function(d, f)
    return fmt("%s: %s phải giảm %s nghèo, nhưng sổ hộ chỉ có %s nghèo ở đó", name_vi(d), f.commune,
      hh_vi(f.households), hh_vi(f.poor))
  end,
}

-- the households chosen cost more or less than the line
local costs_against_line = {
  en = function(_, f)
    return fmt("budget: %s gives %s; the households chosen in the registry cost %s (%s %s)", f.source.id,
      money(f.line), money(f.cost), f.cost > f.line and "short by" or "left over", money(math.abs(f.cost - f.line)))
  end,
  vi = function(_, f)
    return fmt("%s bố trí %s; các hộ được chọn trong sổ hộ cần %s (%s %s)", vn.capitalize(source_vi(f.source)),
      vn.money(f.line), vn.money(f.cost), f.cost > f.line and "còn thiếu" or "còn dư",
      vn.money(math.abs(f.cost - f.line)))
  end,
}
C["cost-over-budget"] = costs_against_line
C["cost-under-budget"] = costs_against_line

-- ---- use ----------------------------------------------------------------------------------

-- The English and the Vietnamese of a message; the Vietnamese is a sentence of a
-- document, and ends as one.
function M.text(code, d, f)
  local c = C[code]
  if not c then error(fmt("the check code '%s' has no words in kehoach.render.messages", code), 2) end
  local vi = c.vi(d, f)
  if not vi:find("[.?!]$") then vi = vi .. "." end
  return c.en(d, f), vi
end

-- The facts f with the communes named as the registry spells them ("Hòa Bình" where the
-- plan wrote "Hoà Bình"): f.commune and the list f.scope, through units (kehoach.units'
-- resolution: code_of, by_code); a name the registry does not know is kept as written.
-- (name-slip's names are the plan's spellings on purpose, and are not these fields.)
local function registry_names(f, units)
  if not units or type(f) ~= "table" or (f.commune == nil and f.scope == nil) then return f end
  local function name(n)
    local code = type(n) == "string" and units.code_of(n)
    return code and units.by_code[code] and units.by_code[code].name or n
  end
  local out = {}
  for k, v in pairs(f) do out[k] = v end
  out.commune = f.commune and name(f.commune)
  if type(f.scope) == "table" then
    out.scope = {}
    for i, n in ipairs(f.scope) do out.scope[i] = name(n) end
  end
  return out
end

-- Words each message of list (kehoach.plan.check.messages' facts: code, decl, facts) in
-- English (message) and Vietnamese (message_vi); a message worded before is left as it is.
-- units (optional): the run's resolved units, to name communes as the registry does.
function M.word(list, units)
  for _, m in ipairs(list) do
    if not m.message then m.message, m.message_vi = M.text(m.code, m.decl, registry_names(m.facts, units)) end
  end
  return list
end

function M.format(m)
  M.word({ m })
  local at = m.file and (m.file .. ":" .. m.line .. ": ") or ""
  return at .. m.level .. ": " .. m.message
end

function M.write_errors(list)
  for _, m in ipairs(list) do
    if m.level == "error" then core.host.ewrite(M.format(m), "\n") end
  end
end

return M
