-- db_generate.lua — `kehoach db generate FILE`: a synthetic registry from a district
-- profile, deterministic for a seed. Written under a temporary name and moved into place
-- when complete, so FILE is never half-made.
local util = require "kehoach.util"
local profiles = require "kehoach.registry.profile"
local generate = require "kehoach.registry.generate"
local values = require "kehoach.plan.values"
local bar = require "kehoach.render.bar"

local host, fs = core.host, core.fs

local function whole(opts, name, min)
  local v = opts[name]
  if v == nil then return nil end
  local n = math.tointeger(tonumber(v))
  if not n or n < min then
    util.fail("usage", "kehoach db generate: --%s %s: give a whole number of at least %d", name, v, min)
  end
  return n
end

local function run(opts, args)
  local path = args[1]
  local households = whole(opts, "households", 1)
  local seed = whole(opts, "seed", 0)
  if fs.exists(path) and not opts.force then
    util.fail("usage", "%s already exists; add --force to replace it", path)
  end
  local events_until
  if opts.events_until then
    local why
    events_until, why = values.date(opts.events_until)
    if not events_until then util.fail("usage", "kehoach db generate: --events-until must be %s", why) end
  end
  local p = profiles.load(opts.profile or profiles.default(), path)
  if events_until and not p.next_year then
    util.fail("usage", "kehoach db generate: --events-until: the profile %s simulates no year after its review "
      .. "(it has no next_year)", p.path)
  end
  local dir = path:match("^(.*)/[^/]*$")
  if dir then fs.mkdir(dir) end
  local tmp = path .. ".tmp-generate"
  if fs.exists(tmp) then fs.remove(tmp) end
  local b <close> = bar.new("kehoach db generate")
  local function progress(done, total) b:update(done, total, "hộ") end
  local started = host.clock()
  -- on any error the half-made file goes (closing runs after the traceback was taken)
  local cleanup <close> = setmetatable({}, { __close = function(_, err)
    if err ~= nil then fs.remove(tmp) end
  end })
  local summary = generate.run({ path = tmp, profile = p, households = households, seed = seed,
    progress = progress, events_until = events_until })
  b:finish()
  local moved, why = fs.rename(tmp, path)
  if not moved then
    fs.remove(tmp)
    util.fail("output", "cannot write %s: %s", path, why)
  end
  host.ewrite(string.format("%s: %s households, %s persons (profile %s, seed %d) in %.1f s\n", path,
    util.group_digits(summary.households), util.group_digits(summary.persons), p.name,
    summary.seed, host.clock() - started))
  local ny = summary.next_year
  if ny then
    host.ewrite(string.format("  %d: %s events%s%s\n", p.next_year.year, util.group_digits(ny.events),
      events_until and (" up to " .. events_until.text) or "",
      ny.surveys > 0 and string.format(", the year-end review of %s households under %s",
        util.group_digits(ny.surveys), p.next_year.review.standard) or ", no year-end review"))
  end
  return 0
end

return {
  usage = "kehoach db generate FILE [--profile FILE] [--seed N] [--households N] [--events-until DATE] [--force]",
  about = "Writes a synthetic household registry to FILE from a district profile: its communes,\n"
    .. "households with their members, one annual review each, and registered needs. When the\n"
    .. "profile simulates the year after its review (the default one does: 2021), the year's\n"
    .. "events (escaped, fell_into, re_poor, moved, dissolved) and its year-end review are\n"
    .. "added; --events-until DATE keeps the events up to DATE, and the review only when DATE\n"
    .. "reaches it. The same profile, seed and size always give the same data.",
  args = { "FILE" },
  options = {
    { "profile", "FILE", "the district profile (default scripts/profiles/lao-cai-city.lua)" },
    { "seed", "N", "the random seed (default: the profile's)" },
    { "households", "N", "how many households (default: the profile's)" },
    { "events-until", "DATE", "the year after the review: events up to DATE (YYYY-MM-DD) only" },
    { "force", nil, "replace FILE if it exists" },
  },
  run = run,
}
