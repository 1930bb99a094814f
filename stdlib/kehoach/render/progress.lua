-- progress.lua (render) — the plan's progress on a date (kehoach.progress) for people:
-- progress.md, in Vietnamese, the content of the six-month and annual reports (escapes
-- against the targets by quarter and commune, new and returning poor, the poor now, the
-- programmes in their schedule, the reports due), and the terminal summary.
local vn = require "kehoach.render.vn"
local tbl = require "kehoach.render.table"
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

-- ---- progress.md --------------------------------------------------------------------------------

local function section_targets(pr, out, plan)
  out[#out + 1] = "## 1. Kết quả giảm hộ nghèo so với chỉ tiêu\n\n"
  for _, tg in ipairs(pr.targets) do
    out[#out + 1] = string.format("**%s**. %s\n\n", tg.label or tg.id, M.headline(pr, tg))
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
    out[#out + 1] = tbl.markdown({ { "Quý" }, { "Chỉ tiêu", align = "right" }, { "Thoát nghèo", align = "right" },
      { "Lũy kế chỉ tiêu", align = "right" }, { "Lũy kế thoát nghèo", align = "right" }, { "Tình trạng" } }, rows)
    out[#out + 1] = "\n"
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
    rows[#rows + 1] = { "**Cộng**", vn.int(t.year), vn.int(t.due), vn.int(t.done), signed(t.done - t.due), pct(t.done, t.year) }
    local closed = last_closed(pr)
    out[#out + 1] = tbl.markdown({ { vn.Children(plan) }, { "Chỉ tiêu năm", align = "right" },
      { closed and ("Chỉ tiêu đến hết " .. closed) or "Chỉ tiêu các quý đã qua", align = "right" },
      { "Thoát nghèo đến ngày", align = "right" }, { "So với chỉ tiêu đến nay", align = "right" },
      { "Đạt (% năm)", align = "right" } }, rows)
    out[#out + 1] = "\n"
    out[#out + 1] = M.quarter_matrix(pr, tg) .. "\n"
  end
end

-- Communes × quarters: "thoát nghèo/chỉ tiêu" in each quarter begun ("3/4"), the target
-- alone in those to come ("·/17").
function M.quarter_matrix(pr, tg)
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
  local columns = { { "Thoát nghèo/chỉ tiêu" } }
  for q = 1, 4 do columns[q + 1] = { QUARTER[q], align = "right" } end
  return tbl.markdown(columns, rows)
end

local function section_poverty(pr, out, registry_year, plan)
  out[#out + 1] = "## 2. Hộ nghèo mới, tái nghèo và hộ nghèo hiện nay\n\n"
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
  local last = { "**Cộng**" }
  for _, k in ipairs(cols) do last[#last + 1] = vn.int(total[k]) end
  rows[#rows + 1] = last
  out[#out + 1] = string.format("Từ ngày %s đến ngày %s: %s hộ thoát nghèo, %s hộ nghèo phát sinh mới, %s hộ tái nghèo; " ..
    "hộ nghèo ước tính hiện nay %s hộ (rà soát năm %d: %s hộ).\n\n", vn.date(pr.from), vn.date(pr.as_of),
    vn.int(total.escaped), vn.int(total.fell_into), vn.int(total.re_poor), vn.int(total.now), registry_year,
    vn.int(total.review))
  out[#out + 1] = tbl.markdown({ { vn.Children(plan) }, { "Hộ nghèo (rà soát " .. registry_year .. ")", align = "right" },
    { "Thoát nghèo", align = "right" }, { "Nghèo mới", align = "right" }, { "Tái nghèo", align = "right" },
    { "Hộ nghèo chuyển đi, không còn", align = "right" }, { "Hộ nghèo hiện nay (ước tính)", align = "right" } }, rows)
  out[#out + 1] = string.format("\nHộ nghèo hiện nay = hộ nghèo khi rà soát − thoát nghèo − hộ nghèo chuyển đi hoặc không còn " ..
    "+ nghèo mới + tái nghèo. Trong kỳ, toàn địa bàn có %s hộ chuyển đi và %s hộ không còn (mọi mức sống).\n\n",
    vn.int(sum(pr.totals.moved)), vn.int(sum(pr.totals.dissolved)))
  out[#out + 1] = M.poverty_by_quarter(pr) .. "\n"
end

-- New and returning poor by quarter: the whole unit, then each commune where any household
-- fell into or returned to poverty ("nghèo mới/tái nghèo" in each quarter begun, "·" in
-- those to come).
function M.poverty_by_quarter(pr)
  local rows = {}
  for q = 1, 4 do
    local shown = pr.quarters[q].state ~= "future"
    local function cell(kind) return shown and vn.int(pr.totals[kind][q]) or "" end
    rows[q] = { QUARTER[q] .. "/" .. pr.year, cell "escaped", cell "fell_into", cell "re_poor", cell "moved",
      cell "dissolved", QUARTER_STATE[pr.quarters[q].state] }
  end
  local out = { tbl.markdown({ { "Quý" }, { "Thoát nghèo", align = "right" }, { "Nghèo mới", align = "right" },
    { "Tái nghèo", align = "right" }, { "Chuyển đi (mọi hộ)", align = "right" },
    { "Không còn (mọi hộ)", align = "right" }, { "Tình trạng" } }, rows) }
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
    local columns = { { "Nghèo mới/tái nghèo" } }
    for q = 1, 4 do columns[q + 1] = { QUARTER[q], align = "right" } end
    out[#out + 1] = "\n" .. tbl.markdown(columns, rows)
  end
  return table.concat(out)
end

local function section_programmes(pr, out)
  out[#out + 1] = "## 3. Các chương trình hỗ trợ theo thời gian kế hoạch\n\n"
  local rows = {}
  for _, g in ipairs(pr.programmes) do
    rows[#rows + 1] = { g.label, g.period and values.describe_period(vn.period(g.period), pr.year) or "",
      PROGRAMME_STATE[g.state], vn.int(g.households), vn.int(g.escaped) }
  end
  out[#out + 1] = tbl.markdown({ { "Chương trình" }, { "Thời gian" }, { "Tình trạng (theo kế hoạch)" },
    { "Số hộ được chọn", align = "right" }, { "Trong đó đã thoát nghèo", align = "right" } }, rows)
  out[#out + 1] = "\nSổ hộ không ghi việc chi trả, cấp phát: tình trạng của mỗi chương trình là theo thời gian kế hoạch " ..
    "ghi, so với ngày báo cáo.\n\n"
end

local function section_reports(pr, out)
  -- the next report is named at the head of the document; here, each report's state
  out[#out + 1] = "## 4. Chế độ báo cáo\n\n"
  if #pr.reports == 0 then
    out[#out + 1] = "Kế hoạch không ghi báo cáo nào có hạn gửi.\n"
    return
  end
  local rows = {}
  for _, r in ipairs(pr.reports) do rows[#rows + 1] = { r.label, vn.date(r.due), r.to, report_state(r) } end
  out[#out + 1] = tbl.markdown({ { "Báo cáo" }, { "Hạn gửi" }, { "Gửi" }, { "Tình trạng" } }, rows)
end

-- "chuẩn nghèo tiếp cận đa chiều áp dụng cho giai đoạn 2016 - 2020": the standard by its
-- title, never by its code name.
function M.standard_words(s)
  local title = s.plan.standard_title
  return title and vn.lower_first(title) or "chuẩn nghèo của kế hoạch"
end

function M.markdown(pr, s)
  local out = {
    string.format("# Báo cáo kết quả thực hiện kế hoạch giảm nghèo đến ngày %s\n\n", vn.date(pr.as_of)),
    string.format("%s.\n\nSố liệu tính từ sổ hộ %s: các sự kiện thoát nghèo, phát sinh hộ nghèo mới, tái nghèo, " ..
      "chuyển đi và hộ không còn từ ngày %s đến ngày %s, so với hộ nghèo theo rà soát năm %d, theo %s.\n\n",
      s.plan.title, vn.unit(s.plan), vn.date(pr.from), vn.date(pr.as_of), s.plan.registry_year, M.standard_words(s)),
  }
  for _, words in ipairs(M.notices(pr)) do out[#out + 1] = "*" .. words .. "*\n\n" end
  out[#out + 1] = M.next_report_words(pr) .. "\n\n"
  section_targets(pr, out, s.plan)
  section_poverty(pr, out, s.plan.registry_year, s.plan)
  section_programmes(pr, out)
  section_reports(pr, out)
  return table.concat(out)
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
