-- bar.lua — a progress bar on stderr, for work that takes more than a second: nothing
-- until a second has passed (quick commands stay quiet), then one line redrawn in place
-- at most ten times a second, cleared when the work is done. Only when stderr is a
-- terminal and the command was not asked to be quiet: logs and pipes never see it.
--
--   local b = bar.new("kehoach run", { quiet = opts.quiet or opts.json })
--   b:update(done, total, what)   -- what: the step under way ("tro_cap"), optional
--   b:finish()                    -- clears the line if it was drawn
-- For tests: bar.new(label, { tty = true, clock = fn, write = fn, width = n }); and the
-- environment variable KEHOACH_PROGRESS_DELAY (seconds) replaces the one-second wait.
local util = require "kehoach.util"
local tbl = require "kehoach.render.table"

local host, text = core.host, core.text

local M = {}

M.DELAY = 1.0      -- seconds of work before the bar appears
M.EVERY = 0.1      -- seconds between redraws

local Bar = {}
Bar.__index = Bar

function M.new(label, opts)
  opts = opts or {}
  local tty = opts.tty
  if tty == nil then tty = host.isatty("stderr") end
  local clock = opts.clock or host.clock
  local delay = tonumber(host.getenv("KEHOACH_PROGRESS_DELAY") or "") or M.DELAY
  return setmetatable({ delay = delay,
    label = label, on = tty and not opts.quiet, clock = clock, started = clock(), drawn_at = nil,
    write = opts.write or host.ewrite, width = opts.width or 72, shown = false,
  }, Bar)
end

-- The line for done of total: "label [█████·····]  45%  12.345/27.000 tro_cap".
function Bar:line(done, total, what)
  local head = self.label .. " "
  local tail
  if total and total > 0 then
    tail = string.format(" %3d%%  %s/%s", math.min(100, done * 100 // total), util.group_digits(done),
      util.group_digits(total))
  else
    tail = "  " .. util.group_digits(done)
  end
  if what then tail = tail .. "  " .. what end
  local room = self.width - text.width(head) - text.width(tail) - 2
  local cells = math.max(10, math.min(30, room))
  local filled = (total and total > 0) and math.min(cells, cells * done // total) or 0
  local line = head .. "[" .. string.rep("█", filled) .. string.rep("·", cells - filled) .. "]" .. tail
  return tbl.truncate(line, self.width)
end

function Bar:update(done, total, what)
  if not self.on then return end
  local now = self.clock()
  if now - self.started < self.delay then return end
  if self.drawn_at and now - self.drawn_at < M.EVERY and done ~= total then return end
  self.drawn_at = now
  self.shown = true
  self.write("\r\27[2K" .. self:line(done, total, what))
end

function Bar:finish()
  if self.shown then self.write("\r\27[2K") end
  self.shown = false
  self.on = false
end

return M
