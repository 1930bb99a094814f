-- test_bar.lua — the progress bar: silent for work under a second, on a terminal only,
-- never when asked to be quiet; redrawn at most ten times a second in place; as wide as
-- the terminal line allows; cleared at the end.
local t = ...
local bar = require "kehoach.render.bar"

local T = {}

-- A bar on a pretend terminal whose clock the test moves; returns it, the clock setter
-- and what was written.
local function fake(opts)
  local now, written = 0, {}
  opts = opts or {}
  local b = bar.new("kehoach run", { tty = opts.tty ~= false, quiet = opts.quiet, width = opts.width,
    clock = function() return now end, write = function(s) written[#written + 1] = s end })
  return b, function(x) now = x end, written
end

function T.test_quick_work_draws_nothing()
  local b, at, written = fake()
  for i = 1, 5 do
    at(i * 0.15)
    b:update(i, 5, "tro_cap")
  end
  b:finish()
  t.eq(written, {})
end

function T.test_slow_work_is_drawn_in_place_at_most_ten_times_a_second_then_cleared()
  local b, at, written = fake()
  at(1.2)
  b:update(2, 8, "vay_von")
  at(1.25)
  b:update(3, 8, "bo_giong")           -- too soon after the last drawing
  at(1.4)
  b:update(4, 8, "bhyt")
  b:finish()
  t.eq(#written, 3)
  t.eq(written[1]:sub(1, 5), "\r\27[2K", "drawn over the same line")
  t.contains(written[1], "kehoach run [")
  t.contains(written[1], "]  25%  2/8  vay_von")
  t.contains(written[2], " 50%  4/8  bhyt")
  t.eq(written[3], "\r\27[2K", "cleared at the end")
end

function T.test_the_line_fits_the_terminal_and_the_bar_fills_with_the_work()
  local b = fake({ width = 60 })
  local line = b:line(500000, 1000000, "allocations.csv")
  t.ok(core.text.width(line) <= 60, line)
  local full, empty = 0, 0
  for _ in line:gmatch("█") do full = full + 1 end
  for _ in line:gmatch("·") do empty = empty + 1 end
  t.eq(full, empty, "half done, half the bar")
  t.contains(line, " 50%  500.000/1.000.000")
end

function T.test_no_bar_off_a_terminal_or_when_quiet()
  for _, opts in ipairs({ { tty = false }, { quiet = true } }) do
    local b, at, written = fake(opts)
    at(5)
    b:update(1, 2)
    b:finish()
    t.eq(written, {})
  end
end

return T
