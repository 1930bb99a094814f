-- calendar.lua — calendar.ics (RFC 5545) from a run's summary, for the officers'
-- calendars: each report's last day for sending (the plan says "gửi trước ngày 05/6/2021":
-- an all-day event on 04/6 that says so in the plan's words and names the recipient, with
-- a reminder a week before) and each programme's delivery window (all-day, from its first
-- month to the end of its last).
--
-- The file is deterministic: UIDs are made of the plan's id and the item's, DTSTAMP is
-- the plan's date of issue (kehoach.render.workbook.stamp_date), never the clock. A
-- variant's calendar (a scenario, --set values, a budget mode) says what was changed in
-- its name and in every event's description, and its UIDs carry the variant's folder
-- name ("lao-cai-city-2021/tang_tro_cap.report.bao_cao_nam@kehoach"), so that importing
-- it beside the plan's own calendar adds events instead of replacing the plan's. Lines
-- end in CRLF and are folded at 75 octets without splitting a character; text values are
-- escaped (\\ \; \, \n).
local vn = require "kehoach.render.vn"
local workbook = require "kehoach.render.workbook"
local figures = require "kehoach.render.figures"
local days = require "kehoach.render.days"

local M = {}

-- A TEXT value escaped (RFC 5545 §3.3.11).
function M.escape(s)
  return (tostring(s):gsub("\\", "\\\\"):gsub(";", "\\;"):gsub(",", "\\,"):gsub("\r?\n", "\\n"))
end

-- A content line folded into lines of at most 75 octets (the CRLF not counted), each
-- continuation starting with a space; a UTF-8 character is never cut.
function M.fold(line)
  if #line <= 75 then return line .. "\r\n" end
  local out, start, limit = {}, 1, 75
  while #line - start + 1 > limit do
    local stop = start + limit - 1
    -- back off to the start of a character (continuation bytes are 10xxxxxx)
    while stop > start and (line:byte(stop + 1) or 0) & 0xC0 == 0x80 do stop = stop - 1 end
    out[#out + 1] = line:sub(start, stop)
    start, limit = stop + 1, 74
  end
  out[#out + 1] = line:sub(start)
  return table.concat(out, "\r\n ") .. "\r\n"
end

local function ymd(y, m, d) return string.format("%04d%02d%02d", y, m, d) end

-- Property lines: each {name, value, params = "VALUE=DATE"} -> folded text.
local function lines(list)
  local out = {}
  for _, p in ipairs(list) do
    out[#out + 1] = M.fold(p[1] .. (p.params and (";" .. p.params) or "") .. ":" .. p[2])
  end
  return table.concat(out)
end

local function event(props, alarm)
  local body = { { "BEGIN", "VEVENT" } }
  for _, p in ipairs(props) do body[#body + 1] = p end
  local out = { lines(body) }
  if alarm then
    out[#out + 1] = lines({ { "BEGIN", "VALARM" }, { "ACTION", "DISPLAY" }, { "TRIGGER", alarm.trigger },
      { "DESCRIPTION", M.escape(alarm.text) }, { "END", "VALARM" } })
  end
  out[#out + 1] = lines({ { "END", "VEVENT" } })
  return table.concat(out)
end

-- The calendar of summary s, as text.
function M.ics(s)
  local year = s.plan.year
  local v = figures.variant(s)
  local id = s.plan.id .. (v and ("/" .. v.name) or "")
  -- what a variant changed, at the head of each event's description
  local note = v and (table.concat(v.lines, "\n") .. "\n\n") or ""
  local y, m, d = workbook.stamp_date(s)
  local stamp = ymd(y, m, d) .. "T000000Z"
  local out = { lines({
    { "BEGIN", "VCALENDAR" }, { "VERSION", "2.0" },
    { "PRODID", "-//kehoach//kehoach " .. core.host.version() .. "//VI" },
    { "CALSCALE", "GREGORIAN" }, { "METHOD", "PUBLISH" },
    { "X-WR-CALNAME", M.escape(v and (v.short .. " — " .. s.plan.title) or s.plan.title) },
  }) }
  for _, r in ipairs(s.reports) do
    if type(r.due) == "string" then
      local ry, rm, rd = r.due:match("^(%d+)%-(%d+)%-(%d+)$")
      -- "trước ngày 05/6": the last day to send it is the 4th
      ry, rm, rd = days.previous_day(tonumber(ry), tonumber(rm), tonumber(rd))
      local what = { string.format("%s của %s", r.label, s.plan.title) }
      if type(r.covers) == "string" then what[#what + 1] = "Kỳ báo cáo: " .. vn.months(vn.period(r.covers), year) .. "." end
      if r.to ~= "" then what[#what + 1] = "Gửi: " .. r.to .. "." end
      what[#what + 1] = string.format("Hạn gửi: trước ngày %s (chậm nhất ngày %s).", vn.date(r.due),
        vn.date({ year = ry, month = rm, day = rd }))
      out[#out + 1] = event({
        { "UID", string.format("%s.report.%s@kehoach", id, r.id) },
        { "DTSTAMP", stamp },
        { "DTSTART", ymd(ry, rm, rd), params = "VALUE=DATE" },
        { "DTEND", ymd(days.next_day(ry, rm, rd)), params = "VALUE=DATE" },
        { "SUMMARY", M.escape(string.format("Hạn gửi %s (trước ngày %s)%s", vn.lower_first(r.label), vn.date(r.due),
          r.to ~= "" and (" — " .. r.to) or "")) },
        { "DESCRIPTION", M.escape(note .. table.concat(what, "\n")) },
        { "CATEGORIES", M.escape("Báo cáo") },
        { "TRANSP", "TRANSPARENT" },
      }, { trigger = "-P7D", text = "Còn một tuần: " .. r.label .. (r.to ~= "" and (" gửi " .. r.to) or "") })
    end
  end
  local sources = figures.sources_by_id(s)
  for _, g in ipairs(s.programmes) do
    if type(g.period) == "string" then
      local p = vn.period(g.period)
      local ey, em, ed = days.next_day(year, p.to, days.last_day(year, p.to))
      local src = type(g.source) == "string" and sources[g.source]
      local what = { string.format("%s hộ, %s khẩu.", vn.int(g.households), vn.int(g.persons)) }
      if src then what[#what + 1] = string.format("Kinh phí %s, %s.", vn.money(g.cost), vn.lower_first(src.label)) end
      what[#what + 1] = "Thời gian: " .. vn.months(p, year) .. "."
      out[#out + 1] = event({
        { "UID", string.format("%s.programme.%s@kehoach", id, g.id) },
        { "DTSTAMP", stamp },
        { "DTSTART", ymd(year, p.from, 1), params = "VALUE=DATE" },
        { "DTEND", ymd(ey, em, ed), params = "VALUE=DATE" },
        { "SUMMARY", M.escape(g.label) },
        { "DESCRIPTION", M.escape(note .. table.concat(what, "\n")) },
        { "CATEGORIES", M.escape("Chương trình hỗ trợ") },
        { "TRANSP", "TRANSPARENT" },
      })
    end
  end
  out[#out + 1] = lines({ { "END", "VCALENDAR" } })
  return table.concat(out)
end

return M
