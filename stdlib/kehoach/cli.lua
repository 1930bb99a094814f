-- cli.lua — the command line: the verbs, their help and their options.
--
-- Each built verb is a module (stdlib/kehoach/verbs/<name>.lua) returning
--   { usage = "...", about = "...", options = { {name, ARG|nil, help, many = bool}, ... },
--     args = { "PLAN", "[CODE]" }, run = function(opts, args) return exit_code end }
-- A verb without a module is listed, explained, and refused with exit code 7.
local util = require "kehoach.util"

local host = core.host

local M = {}

M.exit_codes = {
  { 0, "done (warnings may have been printed)" },
  { 1, "the plan has an error: syntax, run-time error, or a failed check" },
  { 2, "the command line is wrong" },
  { 3, "the registry or an input file is missing, invalid or damaged" },
  { 4, "the plan went over the instruction, memory or processor-time limit, or memory ran out" },
  { 5, "an output file or the results database could not be written" },
  { 6, "a database stayed locked by another kehoach or program" },
  { 7, "the command is planned but not built in this version" },
  { 70, "a bug in kehoach itself" },
}

M.verbs = {
  { name = "run", args = "PLAN", module = "kehoach.verbs.run",
    summary = "run the plan against the registry: who gets what, at what cost, from which fund" },
  { name = "check", args = "PLAN", module = "kehoach.verbs.check",
    summary = "check the plan's sums, dates and names, without the registry" },
  { name = "compare", args = "PLAN --scenario NAME... | --set PATH=VALUE...", module = "kehoach.verbs.compare",
    summary = "compare the plan with scenarios side by side: costs, gaps, households, targets" },
  { name = "sweep", args = "PLAN --vary PATH=FROM:TO:STEP", module = "kehoach.verbs.sweep",
    summary = "run the plan over a range of one value and tabulate the results" },
  { name = "explain", args = "PLAN HOUSEHOLD_CODE", module = "kehoach.verbs.explain",
    summary = "explain, programme by programme, why a household gets support or not" },
  { name = "progress", args = "PLAN --as-of DATE", module = "kehoach.verbs.progress",
    summary = "report progress against the plan's targets from the registry's events" },
  { name = "doc", args = "PLAN", module = "kehoach.verbs.doc",
    summary = "render the plan document (plan.md, plan.html, plan.docx) from the script" },
  { name = "test", args = "PLAN", module = "kehoach.verbs.test",
    summary = "check the expectations written in the plan against the registry" },
  { name = "new", args = "--from PLAN --year Y", module = "kehoach.verbs.new",
    summary = "draft next year's plan from this year's and the registry" },
  { name = "diff", args = "PLAN_A PLAN_B", module = "kehoach.verbs.diff",
    summary = "compare two plans by commune, programme, funding source and rule" },
  { name = "serve", args = "PLAN [--port N]", module = "kehoach.verbs.serve",
    summary = "open the what-if workbench: a local web page where the figures follow each change" },
  { name = "db", args = "init|generate|import|export|stats|check ...", module = "kehoach.verbs.db",
    summary = "make, fill, inspect and check household registries" },
}

local GLOBAL_OPTIONS = {
  { "max-memory", "SIZE", "the most memory the plan may use (default 512M)" },
  { "max-instructions", "N", "instructions the plan may run per phase (default 200000000)" },
  { "max-time", "SECONDS", "processor time the command may take (0: none); by default a command running " ..
    "a plan gets 60 s and 60 s more per 100 MB of its registry, a profile's code 5 s, the rest none" },
}

local function find_verb(name)
  for _, v in ipairs(M.verbs) do
    if v.name == name then return v end
  end
end

local function option_lines(options)
  local lines = {}
  for _, o in ipairs(options or {}) do
    local left = "  --" .. o[1] .. (o[2] and (" " .. o[2]) or "")
    lines[#lines + 1] = util.pad(left, 28) .. " " .. o[3] .. (o.many and " (may repeat)" or "")
  end
  return table.concat(lines, "\n")
end

local function main_help()
  local out = {
    "kehoach — run a district's poverty-reduction plan, written as a script, against its",
    "household registry: check the plan's arithmetic, choose the households for each kind of",
    "support, cost it by funding source, and write the reports.",
    "",
    "Usage: kehoach VERB [options]      kehoach VERB --help for one verb",
    "",
    "Verbs:",
  }
  for _, v in ipairs(M.verbs) do
    out[#out + 1] = "  " .. util.pad(v.name, 10) .. v.summary .. (v.module and "" or " (not built yet)")
  end
  out[#out + 1] = ""
  out[#out + 1] = "Options for every verb:"
  out[#out + 1] = option_lines(GLOBAL_OPTIONS)
  out[#out + 1] = ""
  out[#out + 1] = "Exit codes:"
  for _, e in ipairs(M.exit_codes) do
    out[#out + 1] = string.format("  %-4d%s", e[1], e[2])
  end
  return table.concat(out, "\n") .. "\n"
end

local function verb_help(verb, impl, sub)
  local out = {}
  if impl then
    out[#out + 1] = "Usage: " .. impl.usage
    out[#out + 1] = ""
    out[#out + 1] = impl.about
    if impl.options and #impl.options > 0 then
      out[#out + 1] = ""
      out[#out + 1] = "Options:"
      out[#out + 1] = option_lines(impl.options)
    end
    if impl.subcommands then
      out[#out + 1] = ""
      out[#out + 1] = "Commands:"
      for _, s in ipairs(impl.subcommands) do
        out[#out + 1] = "  " .. util.pad(s.name, 10) .. s.summary .. (s.module and "" or " (not built yet)")
      end
    end
  else
    out[#out + 1] = "Usage: kehoach " .. verb.name .. (sub and (" " .. sub) or "") .. " " .. verb.args
    out[#out + 1] = ""
    out[#out + 1] = verb.summary .. "."
    out[#out + 1] = "Not built yet in this version."
  end
  return table.concat(out, "\n") .. "\n"
end

local function usage_error(prefix, fmt, ...)
  util.fail("usage", "%s: %s (see %s --help)", prefix, string.format(fmt, ...), prefix)
end

-- Parses argv[first..] against an implementation's options and args.
-- Returns opts (keys with '-' turned to '_'; repeated options as arrays) and positionals.
function M.parse(prefix, impl, argv, first)
  local spec = {}
  for _, o in ipairs(impl.options or {}) do spec[o[1]] = o end
  local opts, args = {}, {}
  local i = first
  local only_args = false
  while i <= #argv do
    local a = argv[i]
    if only_args or a == "-" or a:sub(1, 1) ~= "-" then
      args[#args + 1] = a
    elseif a == "--" then
      only_args = true
    else
      local name, value = a:match("^%-%-([%w%-_]+)=(.*)$")
      name = name or a:match("^%-%-([%w%-_]+)$")
      if not name or not spec[name] then
        local names = {}
        for n in pairs(spec) do names[#names + 1] = n end
        local near = util.nearest(name or a, names)
        usage_error(prefix, "unknown option %s%s", a, near and (" (did you mean --" .. near .. "?)") or "")
      end
      local o = spec[name]
      local key = name:gsub("%-", "_")
      if o[2] then
        if value == nil then
          i = i + 1
          value = argv[i]
          if value == nil then usage_error(prefix, "--%s needs a value (%s)", name, o[2]) end
          -- "--out --quiet": the value forgotten, the next option taken for it
          local next_name = value:match("^%-%-([%w%-_]+)")
          if next_name and spec[next_name] then
            usage_error(prefix, "--%s needs a value (%s) before %s", name, o[2], value)
          end
        end
        if value == "" then usage_error(prefix, "--%s needs a value (%s), not an empty one", name, o[2]) end
        if o.many then
          opts[key] = opts[key] or {}
          table.insert(opts[key], value)
        elseif opts[key] ~= nil then
          usage_error(prefix, "--%s given twice ('%s', then '%s'): give it once", name, opts[key], value)
        else
          opts[key] = value
        end
      else
        if value ~= nil then usage_error(prefix, "--%s takes no value", name) end
        opts[key] = true
      end
    end
    i = i + 1
  end
  local required, optional = 0, 0
  for _, a in ipairs(impl.args or {}) do
    if a == "..." then optional = math.huge
    elseif a:sub(1, 1) == "[" then optional = optional + 1
    else required = required + 1 end
  end
  if #args < required then
    usage_error(prefix, "missing %s", impl.args[#args + 1])
  elseif #args > required + optional then
    usage_error(prefix, "unexpected argument '%s'", args[required + optional + 1])
  end
  return opts, args
end

local function wants_help(argv, from)
  for i = from, #argv do
    if argv[i] == "--help" or argv[i] == "-h" then return true end
    if argv[i] == "--" then return false end
  end
  return false
end

-- Runs a verb (or db subcommand) implementation: help, parsing, then impl.run.
local function dispatch(prefix, verb, impl, argv, first, sub)
  if impl == nil then
    if wants_help(argv, first) then
      host.write(verb_help(verb, nil, sub))
      return 0
    end
    host.ewrite(prefix .. ": not built yet in this version\n")
    return 7
  end
  if impl.subcommands then
    local name = argv[first]
    if name == nil or name == "--help" or name == "-h" then
      host.write(verb_help(verb, impl))
      return name and 0 or 2
    end
    for _, s in ipairs(impl.subcommands) do
      if s.name == name then
        local sub_impl = s.module and require(s.module)
        local sub_verb = { name = verb.name .. " " .. s.name, args = s.args, summary = s.summary }
        return dispatch(prefix .. " " .. name, sub_verb, sub_impl, argv, first + 1)
      end
    end
    local names = {}
    for _, s in ipairs(impl.subcommands) do names[#names + 1] = s.name end
    local near = util.nearest(name, names)
    usage_error(prefix, "unknown command '%s'%s", name, near and (" (did you mean " .. near .. "?)") or "")
  end
  if wants_help(argv, first) then
    host.write(verb_help(verb, impl))
    return 0
  end
  local opts, args = M.parse(prefix, impl, argv, first)
  return impl.run(opts, args) or 0
end

-- The entry point: argv as given after the program name. Returns the exit code.
function M.main(argv)
  local first = argv[1]
  if first == nil then
    host.ewrite(main_help())
    return 2
  end
  if first == "--help" or first == "-h" or first == "help" then
    if first == "help" and argv[2] then
      local v = find_verb(argv[2])
      if v then return dispatch("kehoach " .. v.name, v, v.module and require(v.module), { "--help" }, 1) end
    end
    host.write(main_help())
    return 0
  end
  if first == "--version" then
    host.write("kehoach " .. host.version() .. "\n")
    return 0
  end
  local verb = find_verb(first)
  if not verb then
    local names = {}
    for _, v in ipairs(M.verbs) do names[#names + 1] = v.name end
    local near = util.nearest(first, names)
    usage_error("kehoach", "unknown command '%s'%s", first, near and (" (did you mean " .. near .. "?)") or "")
  end
  return dispatch("kehoach " .. verb.name, verb, verb.module and require(verb.module), argv, 2)
end

return M
