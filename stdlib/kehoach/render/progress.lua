-- progress.lua (render) — the plan's progress on a date (kehoach.progress) for people:
-- progress.md, in Vietnamese, the content of the six-month and annual reports (escapes
-- against the targets by quarter and commune, new and returning poor, the poor now, the
-- programmes in their schedule, the reports due), and the terminal summary.
local vn = require "kehoach.render.vn"
local tbl = require "kehoach.render.table"
local plandoc = require "kehoach.render.plandoc"
local values = require "kehoach.plan.values"
local progress = require "kehoach.progress"
local KINDS, sum = progress.KINDS, progress.sum

local M = {}

local QUARTER = { "Quý I", "Quý II", "Quý III", "Quý IV" }
local QUARTER_STATE = { past = "đã qua", current = "đang thực hiện", future = "chưa đến" }
local PROGRAMME_STATE = { past = "đã hết thời gian thực hiện", current = "đang trong thời gian thực hiện",
  future = "chưa đến thời gian thực hiện", year = "không ghi thời gian" }
local REPORT_STATE = { next = "báo cáo tiếp theo", later = "sau" }

-- A report's state on the date: "đã quá hạn 25 ngày", "đến hạn hôm nay", "báo cáo tiếp
-- theo (còn 158 ngày)".
local function report_state(r)
  if r.days < 0 then return string.format("đã quá hạn %s ngày", vn.int(-r.days)) end
  if r.days == 0 then return "đến hạn hôm nay" end
  return string.format("%s (còn %s ngày)", REPORT_STATE[r.state] or REPORT_STATE.later, vn.int(r.days))
end


-- A share of a target, always with two decimals ("7,50%" beside "13,33%").
local function pct(n, d)
  if d == 0 then return "—" end
  return vn.fixed(100 * n / d, 2) .. "%"
end

local function signed(n)
  if n == 0 then return "0" end
  return (n > 0 and "+" or "−") .. vn.int(math.abs(n))
end

-- The last quarter that has ended on the date, as words ("quý II"), or nil.
local function last_closed(pr)
  local last
  for _, q in ipairs(pr.quarters) do
    if q.state == "past" then last = q.q end
  end
  return last and ("quý " .. vn.ROMAN[last]) or nil
end

-- "Đến ngày 30/6/2021 có 12 hộ thoát nghèo, đạt 13,33% chỉ tiêu năm (90 hộ). Chỉ tiêu
-- đến hết quý II là 13 hộ: thiếu 1 hộ (Xã A 01 hộ)."
function M.headline(pr, tg)
  local words = { string.format("Đến ngày %s có %s hộ thoát nghèo, đạt %s chỉ tiêu năm (%s hộ).", vn.date(pr.as_of),
    vn.int(tg.done), pct(tg.done, tg.households), vn.int(tg.households)) }
  local closed = last_closed(pr)
  if closed then
    -- the communes short of their own target to date, named even when others make up for them
    local short = {}
    for _, name in ipairs(pr.communes) do
      local c = tg.by_commune[name]
      if c and c.done < c.due then short[#short + 1] = string.format("%s %s hộ", name, vn.count(c.due - c.done)) end
    end
    local verdict
    if tg.done >= tg.due then
      verdict = tg.done == tg.due and "đạt" or string.format("vượt %s hộ", vn.int(tg.done - tg.due))
      if #short > 0 then verdict = verdict .. "; còn thiếu ở " .. table.concat(short, ", ") end
    else
      verdict = string.format("thiếu %s hộ%s", vn.int(tg.due - tg.done), #short > 0 and (" (" .. table.concat(short, ", ") .. ")") or "")
    end
    words[#words + 1] = string.format("Chỉ tiêu đến hết %s là %s hộ: %s.", closed, vn.int(tg.due), verdict)
  else
    words[#words + 1] = "Chưa hết quý I."
  end
  return table.concat(words, " ")
end

local function next_report(pr)
  for _, r in ipairs(pr.reports) do
    if r.state == "next" then return r end
  end
end

function M.next_report_words(pr)
  local r = next_report(pr)
  if not r then return "Không còn báo cáo nào có hạn gửi trong kế hoạch." end
  return string.format("Báo cáo tiếp theo: %s, hạn gửi trước ngày %s (còn %s ngày)%s.", r.label, vn.date(r.due),
    vn.int(r.days), r.to ~= "" and (", gửi " .. r.to) or "")
end

-- What the figures do not cover: a date past the plan's year, a registry whose events stop
-- before the date, or one with no event at all in the period (never brought up to date?).
function M.notices(pr)
  local out = {}
  if pr.clamped then
    out[#out + 1] = string.format("Kế hoạch năm %d kết thúc ngày %s: số liệu tính đến ngày đó.", pr.year, vn.date(pr.as_of))
  end
  if pr.events_until and pr.events_until < pr.as_of then
    out[#out + 1] = string.format("Sổ hộ ghi sự kiện đến ngày %s: những gì xảy ra sau ngày đó chưa có trong số liệu.",
      vn.date(pr.events_until))
  end
  local any = 0
  for _, k in ipairs(KINDS) do any = any + sum(pr.totals[k]) end
  if any == 0 then
    out[#out + 1] = string.format("Sổ hộ không ghi sự kiện nào (thoát nghèo, nghèo mới, tái nghèo, chuyển đi, hộ không còn) " ..
      "từ ngày %s đến ngày %s%s: nếu sổ hộ chưa được cập nhật, các số liệu dưới đây chưa phản ánh kết quả thực hiện.",
      vn.date(pr.from), vn.date(pr.as_of), pr.events_until and "" or ", và không ghi đã cập nhật đến ngày nào")
  end
  return out
end

-- ---- the blocks --------------------------------------------------------------------------------
--
-- The report's content as render/plandoc.lua's blocks (heading, para, table): progress.md is
-- their Markdown; the báo cáo to send (M.report) puts them under the plan's letterhead, in
-- HTML and Word.

local function para(...) return { kind = "para", spans = { ... } } end
local function heading(s) return { kind = "heading", level = 1, text = s } end
local function right(s) return { s, align = "right" } end

local function section_targets(pr, out, plan)
  out[#out + 1] = heading("1. Kết quả giảm hộ nghèo so với chỉ tiêu")
  for _, tg in ipairs(pr.targets) do
    out[#out + 1] = para({ b = tg.label or tg.id }, ". " .. M.headline(pr, tg))
    local rows, cum_t, cum_d = {}, 0, 0
    for q = 1, 4 do
      local state = pr.quarters[q].state
      local done = pr.totals.escaped[q]
      cum_t = cum_t + tg.by_quarter[q]
      cum_d = cum_d + done
      local shown = state ~= "future"
      rows[q] = { QUARTER[q] .. "/" .. pr.year, vn.int(tg.by_quarter[q]), shown and vn.int(done) or "", vn.int(cum_t),
        shown and vn.int(cum_d) or "", QUARTER_STATE[state] }
    end
    out[#out + 1] = { kind = "table", head = { "Quý", right "Chỉ tiêu", right "Thoát nghèo", right "Lũy kế chỉ tiêu",
      right "Lũy kế thoát nghèo", "Tình trạng" }, rows = rows }
    rows = {}
    local t = { year = 0, due = 0, done = 0 }
    for _, name in ipairs(pr.communes) do
      local c = tg.by_commune[name]
      if c then
        rows[#rows + 1] = { name, vn.int(c.year), vn.int(c.due), vn.int(c.done), signed(c.done - c.due),
          pct(c.done, c.year) }
        t.year, t.due, t.done = t.year + c.year, t.due + c.due, t.done + c.done
      end
    end
    rows[#rows + 1] = { "Cộng", vn.int(t.year), vn.int(t.due), vn.int(t.done), signed(t.done - t.due), pct(t.done, t.year) }
    local closed = last_closed(pr)
    out[#out + 1] = { kind = "table", total = true, head = { vn.Children(plan), right "Chỉ tiêu năm",
      right(closed and ("Chỉ tiêu đến hết " .. closed) or "Chỉ tiêu các quý đã qua"), right "Thoát nghèo đến ngày",
      right "So với chỉ tiêu đến nay", right "Đạt (% năm)" }, rows = rows }
    out[#out + 1] = M.quarter_matrix_block(pr, tg)
  end
end

-- Communes × quarters: "thoát nghèo/chỉ tiêu" in each quarter begun ("3/4"), the target
-- alone in those to come ("·/17").
function M.quarter_matrix_block(pr, tg)
  local rows = {}
  for _, name in ipairs(pr.communes) do
    local c = tg.by_commune[name]
    if c then
      local cells = { name }
      for q = 1, 4 do
        local done = pr.quarters[q].state == "future" and "·" or vn.int(pr.events[name].escaped[q])
        cells[q + 1] = done .. "/" .. vn.int(c.quarters[q])
      end
      rows[#rows + 1] = cells
    end
  end
  local head = { "Thoát nghèo/chỉ tiêu" }
  for q = 1, 4 do head[q + 1] = right(QUARTER[q]) end
  return { kind = "table", head = head, rows = rows }
end

function M.quarter_matrix(pr, tg)
  return plandoc.markdown({ M.quarter_matrix_block(pr, tg) })
end

local function section_poverty(pr, out, registry_year, plan)
  out[#out + 1] = heading("2. Hộ nghèo mới, tái nghèo và hộ nghèo hiện nay")
  local rows = {}
  local cols = { "review", "escaped", "fell_into", "re_poor", "left", "now" }
  local total = {}
  for _, k in ipairs(cols) do total[k] = 0 end
  for _, name in ipairs(pr.communes) do
    local e = pr.events[name]
    local v = { review = pr.poor.review[name], escaped = sum(e.escaped), fell_into = sum(e.fell_into),
      re_poor = sum(e.re_poor), left = pr.poor.left[name] or 0, now = pr.poor.now[name] }
    local cells = { name }
    for _, k in ipairs(cols) do
      cells[#cells + 1] = vn.int(v[k])
      total[k] = total[k] + v[k]
    end
    rows[#rows + 1] = cells
  end
  local last = { "Cộng" }
  for _, k in ipairs(cols) do last[#last + 1] = vn.int(total[k]) end
  rows[#rows + 1] = last
  out[#out + 1] = para(string.format("Từ ngày %s đến ngày %s: %s hộ thoát nghèo, %s hộ nghèo phát sinh mới, %s hộ tái nghèo; " ..
    "hộ nghèo ước tính hiện nay %s hộ (rà soát năm %d: %s hộ).", vn.date(pr.from), vn.date(pr.as_of),
    vn.int(total.escaped), vn.int(total.fell_into), vn.int(total.re_poor), vn.int(total.now), registry_year,
    vn.int(total.review)))
  out[#out + 1] = { kind = "table", total = true, head = { vn.Children(plan), right("Hộ nghèo (rà soát " .. registry_year .. ")"),
    right "Thoát nghèo", right "Nghèo mới", right "Tái nghèo", right "Hộ nghèo chuyển đi, không còn",
    right "Hộ nghèo hiện nay (ước tính)" }, rows = rows }
  out[#out + 1] = para(string.format("Hộ nghèo hiện nay = hộ nghèo khi rà soát − thoát nghèo − hộ nghèo chuyển đi hoặc không còn " ..
    "+ nghèo mới + tái nghèo. Trong kỳ, toàn địa bàn có %s hộ chuyển đi và %s hộ không còn (mọi mức sống).",
    vn.int(sum(pr.totals.moved)), vn.int(sum(pr.totals.dissolved))))
  for _, b in ipairs(M.poverty_by_quarter_blocks(pr)) do out[#out + 1] = b end
end

-- New and returning poor by quarter: the whole unit, then each commune where any household
-- fell into or returned to poverty ("nghèo mới/tái nghèo" in each quarter begun, "·" in
-- those to come).
function M.poverty_by_quarter_blocks(pr)
  local rows = {}
  for q = 1, 4 do
    local shown = pr.quarters[q].state ~= "future"
    local function cell(kind) return shown and vn.int(pr.totals[kind][q]) or "" end
    rows[q] = { QUARTER[q] .. "/" .. pr.year, cell "escaped", cell "fell_into", cell "re_poor", cell "moved",
      cell "dissolved", QUARTER_STATE[pr.quarters[q].state] }
  end
  local out = { { kind = "table", head = { "Quý", right "Thoát nghèo", right "Nghèo mới", right "Tái nghèo",
    right "Chuyển đi (mọi hộ)", right "Không còn (mọi hộ)", "Tình trạng" }, rows = rows } }
  rows = {}
  for _, name in ipairs(pr.communes) do
    local e = pr.events[name]
    if sum(e.fell_into) + sum(e.re_poor) > 0 then
      local cells = { name }
      for q = 1, 4 do
        cells[q + 1] = pr.quarters[q].state == "future" and "·" or (vn.int(e.fell_into[q]) .. "/" .. vn.int(e.re_poor[q]))
      end
      rows[#rows + 1] = cells
    end
  end
  if #rows > 0 then
    local head = { "Nghèo mới/tái nghèo" }
    for q = 1, 4 do head[q + 1] = right(QUARTER[q]) end
    out[#out + 1] = { kind = "table", head = head, rows = rows }
  end
  return out
end

function M.poverty_by_quarter(pr)
  return plandoc.markdown(M.poverty_by_quarter_blocks(pr))
end

local function section_programmes(pr, out)
  out[#out + 1] = heading("3. Các chương trình hỗ trợ theo thời gian kế hoạch")
  local rows = {}
  for _, g in ipairs(pr.programmes) do
    rows[#rows + 1] = { g.label, g.period and values.describe_period(vn.period(g.period), pr.year) or "",
      PROGRAMME_STATE[g.state], vn.int(g.households), vn.int(g.escaped) }
  end
  out[#out + 1] = { kind = "table", head = { "Chương trình", "Thời gian", "Tình trạng (theo kế hoạch)",
    right "Số hộ được chọn", right "Trong đó đã thoát nghèo" }, rows = rows }
  out[#out + 1] = para("Sổ hộ không ghi việc chi trả, cấp phát: tình trạng của mỗi chương trình là theo thời gian kế hoạch " ..
    "ghi, so với ngày báo cáo.")
end

local function section_reports(pr, out)
  -- the next report is named at the head of the document; here, each report's state
  out[#out + 1] = heading("4. Chế độ báo cáo")
  if #pr.reports == 0 then
    out[#out + 1] = para("Kế hoạch không ghi báo cáo nào có hạn gửi.")
    return
  end
  local rows = {}
  for _, r in ipairs(pr.reports) do rows[#rows + 1] = { r.label, vn.date(r.due), r.to, report_state(r) } end
  out[#out + 1] = { kind = "table", head = { "Báo cáo", "Hạn gửi", "Gửi", "Tình trạng" }, rows = rows }
end

-- "Số liệu tính từ sổ hộ ...": where the figures come from.
local function source_words(pr, s)
  return string.format("Số liệu tính từ sổ hộ %s: các sự kiện thoát nghèo, phát sinh hộ nghèo mới, tái nghèo, " ..
    "chuyển đi và hộ không còn từ ngày %s đến ngày %s, so với hộ nghèo theo rà soát năm %d, theo %s.",
    vn.unit(s.plan), vn.date(pr.from), vn.date(pr.as_of), s.plan.registry_year, vn.standard(s.plan))
end

-- progress.md: for the office — the figures, the next report due and each report's state.
function M.markdown(pr, s)
  local blocks = { para(s.plan.title .. "."), para(source_words(pr, s)) }
  for _, words in ipairs(M.notices(pr)) do blocks[#blocks + 1] = para({ i = words }) end
  blocks[#blocks + 1] = para(M.next_report_words(pr))
  section_targets(pr, blocks, s.plan)
  section_poverty(pr, blocks, s.plan.registry_year, s.plan)
  section_programmes(pr, blocks)
  section_reports(pr, blocks)
  return string.format("# Báo cáo kết quả thực hiện kế hoạch giảm nghèo đến ngày %s\n\n", vn.date(pr.as_of)) ..
    (plandoc.markdown(blocks):gsub("\n+$", "\n"))
end

-- ---- the review's result by commune ------------------------------------------------------------

-- The columns of the review's table by commune, in the workbook's order: key, title, and
-- whether it is a rate (a share of the households, in per cent).
M.REVIEW_COLUMNS = {
  { "households", "Tổng số hộ" },
  { "poor", "Hộ nghèo" }, { "poor_rate", "Tỷ lệ hộ nghèo (%)", rate = true },
  { "near_poor", "Hộ cận nghèo" }, { "near_poor_rate", "Tỷ lệ hộ cận nghèo (%)", rate = true },
  { "escaped", "Thoát nghèo" }, { "fell_into", "Nghèo mới" }, { "re_poor", "Tái nghèo" },
  { "unable", "Hộ nghèo không có khả năng thoát nghèo" },
  { "em", "Hộ dân tộc thiểu số" }, { "em_poor", "Hộ nghèo dân tộc thiểu số" },
  { "em_near_poor", "Hộ cận nghèo dân tộc thiểu số" },
}

-- The review's figures by commune with the period's escapes, new and returning poor, then
-- the whole unit's total: { {name, households = n, ..., poor_rate = 0.24, ...}, ... }.
function M.review_rows(pr, s)
  local rows, total = {}, { name = vn.whole(s.plan) }
  local counts = { "households", "poor", "near_poor", "unable", "em", "em_poor", "em_near_poor" }
  for _, k in ipairs(counts) do total[k] = 0 end
  total.escaped, total.fell_into, total.re_poor = 0, 0, 0
  for _, name in ipairs(pr.communes) do
    local r, e = pr.review.by_commune[name], pr.events[name]
    local row = { name = name }
    for _, k in ipairs(counts) do row[k] = r and r[k] or 0; total[k] = total[k] + row[k] end
    for _, k in ipairs({ "escaped", "fell_into", "re_poor" }) do row[k] = sum(e[k]); total[k] = total[k] + row[k] end
    rows[#rows + 1] = row
  end
  rows[#rows + 1] = total
  for _, row in ipairs(rows) do
    row.poor_rate = row.households > 0 and 100 * row.poor / row.households or 0
    row.near_poor_rate = row.households > 0 and 100 * row.near_poor / row.households or 0
  end
  return rows
end

-- "Theo kết quả rà soát năm 2021 ghi trong sổ hộ (chuẩn nghèo ...); thoát nghèo, ...": what
-- the review's table counts, and under which standard when the registry says.
function M.review_words(pr)
  local std = pr.review.standard_title
  return string.format("Theo kết quả rà soát năm %d ghi trong sổ hộ%s. Tỷ lệ tính trên tổng số hộ được rà soát; " ..
    "DTTS: dân tộc thiểu số.", pr.review.year, std and (", theo " .. vn.lower_first(std)) or "")
end

-- The review's table for the báo cáo (the workbook has every column): households, poor
-- and near-poor with their rates, unable to escape, and the ethnic-minority poor and
-- near-poor.
function M.review_block(pr, s)
  local keys = { "households", "poor", "poor_rate", "near_poor", "near_poor_rate", "unable", "em_poor", "em_near_poor" }
  local titles = { households = "Tổng số hộ", poor = "Hộ nghèo", poor_rate = "Tỷ lệ (%)", near_poor = "Hộ cận nghèo",
    near_poor_rate = "Tỷ lệ (%)", unable = "Không có khả năng thoát nghèo", em_poor = "Hộ nghèo DTTS",
    em_near_poor = "Hộ cận nghèo DTTS" }
  local head = { vn.Children(s.plan) }
  for i, k in ipairs(keys) do head[i + 1] = right(titles[k]) end
  local rows = {}
  for i, r in ipairs(M.review_rows(pr, s)) do
    local cells = { r.name }
    for j, k in ipairs(keys) do
      cells[j + 1] = k:match("_rate$") and vn.fixed(r[k], 2) or vn.int(r[k])
    end
    rows[i] = cells
  end
  return { kind = "table", total = true, head = head, rows = rows }
end

-- ---- the báo cáo to send ------------------------------------------------------------------------

-- The months a report covers from January, in words: "6 tháng đầu năm 2021", "năm 2021".
local function covered(to, year)
  return to == 12 and ("năm " .. year) or string.format("%d tháng đầu năm %d", to, year)
end

-- What the report is of: the plan's report due within a month of the date, by the months
-- it covers (made on 31/5 for the six-month report due 05/6: "6 tháng đầu năm 2021"); else
-- by the date: "6 tháng đầu năm 2021" on 30 June, "năm 2021" on 31 December, otherwise
-- "đến ngày 30/9/2021".
function M.period_words(pr)
  local y, m, d = pr.as_of:match("^(%d+)-(%d+)-(%d+)$")
  y, m, d = tonumber(y), tonumber(m), tonumber(d)
  local r = next_report(pr)
  local from, to = tostring(r and r.covers or ""):match("^(%d+)%-(%d+)$")
  if r and r.days <= 31 and tonumber(from) == 1 then return covered(tonumber(to), y) end
  if (m == 6 and d == 30) or (m == 12 and d == 31) then return covered(m, y) end
  return "đến ngày " .. vn.date(pr.as_of)
end

-- "Kết quả thực hiện Kế hoạch ... 6 tháng đầu năm 2021": the report's title, under BÁO CÁO.
function M.title(pr, s)
  return string.format("Kết quả thực hiện %s %s", s.plan.title, M.period_words(pr))
end

-- The report as blocks, to send: the plan's letterhead ("Số:      /BC-UBND", the month of
-- the date with the day left blank), BÁO CÁO and its title, where the figures come from,
-- the results (sections 1 to 3 of progress.md, without the office's own reminders: the
-- next report due and the reports' states), the closing sentence, Nơi nhận and the
-- signature as the plan declares them.
function M.report(pr, s, p)
  local y, m = pr.as_of:match("^(%d+)-(%d+)")
  local out = { plandoc.letterhead(p, s, "      /BC-UBND", { year = tonumber(y), month = tonumber(m) }),
    { kind = "title", text = "BÁO CÁO", sub = M.title(pr, s) } }
  -- a scenario's, --set's or a budget mode's report says so first, as report.html does
  plandoc.variant_note(s, out)
  out[#out + 1] = para(source_words(pr, s))
  for _, words in ipairs(M.notices(pr)) do out[#out + 1] = para({ i = words }) end
  section_targets(pr, out, s.plan)
  section_poverty(pr, out, s.plan.registry_year, s.plan)
  section_programmes(pr, out)
  out[#out + 1] = heading(string.format("4. Kết quả rà soát hộ nghèo, hộ cận nghèo năm %d", pr.review.year))
  out[#out + 1] = para(M.review_words(pr))
  out[#out + 1] = M.review_block(pr, s)
  out[#out + 1] = para(string.format("Trên đây là báo cáo kết quả thực hiện %s %s của %s./.", vn.lower_first(s.plan.title),
    M.period_words(pr), p.meta.issuer or ("Ủy ban nhân dân " .. s.plan.unit)))
  out[#out + 1] = plandoc.footer(p)
  return out
end

-- ---- the terminal -----------------------------------------------------------------------------------

function M.terminal(pr, s)
  local out = { string.format("%s — tiến độ đến ngày %s\n\n", s.plan.id, vn.date(pr.as_of)) }
  for _, words in ipairs(M.notices(pr)) do out[#out + 1] = words .. "\n\n" end
  for _, tg in ipairs(pr.targets) do out[#out + 1] = M.headline(pr, tg) .. "\n\n" end
  local tg = pr.targets[1]
  local rows = {}
  for _, name in ipairs(pr.communes) do
    local e = pr.events[name]
    local c = tg and tg.by_commune[name]
    local fell, back = sum(e.fell_into), sum(e.re_poor)
    if c or fell > 0 or back > 0 then
      rows[#rows + 1] = { name, c and vn.int(c.year) or "", c and vn.int(c.due) or "", vn.int(sum(e.escaped)),
        vn.int(fell), vn.int(back), vn.int(pr.poor.now[name]) }
    end
  end
  out[#out + 1] = tbl.terminal({ { vn.Children(s.plan) }, { "Chỉ tiêu năm", align = "right" }, { "Đến nay", align = "right" },
    { "Thoát nghèo", align = "right" }, { "Nghèo mới", align = "right" }, { "Tái nghèo", align = "right" },
    { "Hộ nghèo nay", align = "right" } }, rows)
  out[#out + 1] = "\n" .. M.next_report_words(pr) .. "\n"
  return table.concat(out)
end

return M
