-- sandbox.lua — the environment a plan runs in, and loading a plan into it.
--
-- A plan sees the plan language (the names `api` gives), a safe part of the base library,
-- read-only string/table/math/utf8, a `print` to stderr, a text-only `load`, and a
-- `require` that finds files only in the plan's own folder and in stdlib/. Reading or
-- assigning any other global is an error at the plan line, with a suggestion.
local util = require "kehoach.util"

local host = core.host

local M = {}

local SAFE = { "assert", "error", "ipairs", "next", "pairs", "pcall", "xpcall", "select",
  "tonumber", "tostring", "type", "getmetatable", "setmetatable", "rawequal", "rawget",
  "rawlen", "_VERSION" }
local LIBS = { "string", "table", "math", "utf8" }

-- What plans cannot have, and why, for a plain message instead of "unknown name".
local FORBIDDEN = {
  os = "plans cannot run programs or read the clock",
  io = "plans cannot open files; the engine reads the registry and writes the results",
  debug = "the debug library is not available to plans",
  package = "plans cannot load libraries",
  dofile = "plans cannot run other files; use require with a module in the plan's folder",
  loadfile = "plans cannot read files; use require with a module in the plan's folder",
  collectgarbage = "memory is managed by the engine",
  coroutine = "coroutines are not available to plans",
  rawset = "plans declare with the plan language; rawset is not available",
  core = "the engine's internals are not available to plans",
}

local function read_only(lib, name)
  return setmetatable({}, {
    __index = lib,
    __newindex = function(_, k)
      error(string.format("%s.%s cannot be changed by a plan", name, tostring(k)), 2)
    end,
    __metatable = false,
  })
end

local dirname = util.dirname
local LOADING = {} -- loaded[name] while its module runs: a require cycle meets it

-- A value a plan raises or prints, as text: a table's __tostring may fail or give no text.
local function as_text(v)
  if type(v) == "string" then return v end
  local ok, text = pcall(tostring, v)
  if ok and type(text) == "string" then return text end
  return "a " .. type(v) .. " value (its __tostring gives no text)"
end

-- A plan's own error(): always at the plan's line, whatever level or value it gives, so
-- that error("...", 2) at the top of a plan, or error({}), is the plan's error and not
-- the engine's. pcall inside a plan catches the message as text.
local function plan_error(v, level)
  local _ = level
  local text
  if type(v) == "string" or type(v) == "number" or (getmetatable(v) or {}).__tostring then
    text = as_text(v)
  else
    text = string.format("error() was called with %s, not a message", v == nil and "nothing" or ("a " .. type(v)))
  end
  util.plan_error("%s", text)
end

local function plan_assert(v, message, ...)
  if v then return v, message, ... end
  plan_error(message == nil and "assertion failed!" or message)
end

-- setmetatable without finalizers: a __gc runs when the engine collects garbage, outside
-- the plan's instruction budget, even after the plan has ended.
-- xpcall for plans: the handler runs after f's error has unwound, as ordinary plan code
-- (Lua runs a message handler with the instruction count off, so a handler that loops
-- would never be stopped).
local function plan_xpcall(f, handler, ...)
  local r = table.pack(pcall(f, ...))
  if r[1] then return table.unpack(r, 1, r.n) end
  return false, (handler(r[2]))
end

local function plan_setmetatable(t, mt)
  if type(mt) == "table" and rawget(mt, "__gc") ~= nil then
    util.plan_error("setmetatable: finalizers (__gc) are not available to plans")
  end
  return setmetatable(t, mt)
end

-- Makes a plan environment. api: name -> value (the plan language); path: the plan file as
-- the user named it. Returns env, and a loader function(path, display) for plan files.
function M.plan_env(api, path)
  local names = {}
  for _, n in ipairs(SAFE) do names[n] = _G[n] end
  for _, n in ipairs(LIBS) do names[n] = read_only(_G[n], n) end
  for k, v in pairs(api) do names[k] = v end
  local env = {}
  local loaded = {}
  local plan_dir = dirname(path)

  names.error, names.assert, names.setmetatable = plan_error, plan_assert, plan_setmetatable
  names.xpcall = plan_xpcall
  names.print = function(...)
    local parts = table.pack(...)
    for i = 1, parts.n do parts[i] = as_text(parts[i]) end
    host.ewrite(table.concat(parts, "\t", 1, parts.n), "\n")
  end
  names.load = function(chunk, name, mode, e)
    if type(chunk) ~= "string" then error("load: give the chunk as text", 2) end
    local f, why = load(chunk, name, "t", e or env)
    if not f and type(why) ~= "string" then
      why = type(why) == "table" and type(why.message) == "string" and why.message or as_text(why)
    end
    return f, why
  end
  names.require = function(name)
    if type(name) ~= "string" then error("require: give a module name", 2) end
    if loaded[name] == LOADING then
      -- at the plan's innermost line still on the stack ("return require ..." is a tail call)
      util.plan_error("require: '%s' is still being loaded: two modules require each other, or one " ..
        "requires itself", name)
    end
    if loaded[name] ~= nil then return loaded[name] end
    local file, why = host.resolve(plan_dir, name)
    local display
    if file then
      display = (plan_dir == "." and "" or plan_dir .. "/") .. name:gsub("%.", "/") .. ".lua"
    elseif name:match("^kehoach%.") then
      error(string.format("require: '%s' is part of the engine, not something a plan can load; " ..
        "plans can require modules in their own folder", name), 2)
    else
      file = host.resolve(host.stdlib(), name)
      if not file then
        if why:match("^no module") then
          why = string.format("no module '%s' in the plan's folder (%s) or in stdlib/", name, plan_dir)
        end
        error("require: " .. why, 2)
      end
      display = "stdlib/" .. name:gsub("%.", "/") .. ".lua"
    end
    local chunk = host.loadfile(file, display, env)
    loaded[name] = LOADING
    local ok, value = pcall(chunk, name)
    if not ok then
      loaded[name] = nil
      error(value, 0)
    end
    if value == nil then value = true end
    loaded[name] = value
    return value
  end

  local all = util.sorted_keys(names)
  setmetatable(env, {
    __index = function(_, k)
      local v = names[k]
      if v ~= nil then return v end
      local why = FORBIDDEN[k]
      if why then error(string.format("'%s' is not available: %s", tostring(k), why), 2) end
      local near = util.nearest(tostring(k), all)
      error(string.format("unknown name '%s'%s", tostring(k),
        near and (" (did you mean '" .. near .. "'?)") or ""), 2)
    end,
    __newindex = function(_, k)
      error(string.format("assignment to undeclared global '%s': in a plan, write 'local %s = ...'",
        tostring(k), tostring(k)), 2)
    end,
    __metatable = false,
  })
  return env
end

-- Loads and runs the plan file at path in env, in a fresh instruction window.
function M.run_plan(path, env)
  local kind = core.fs.exists(path)
  if not kind then
    util.fail("usage", "%s: no such plan file", path)
  elseif kind == "directory" then
    util.fail("usage", "%s is a folder, not a plan file: name the plan's .lua file in it", path)
  end
  local chunk = host.loadfile(path, path, env)
  host.budget()
  return chunk()
end

return M
