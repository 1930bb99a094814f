-- serve.lua — `kehoach serve PLAN [--db FILE] [--port N]`: the what-if workbench, a local
-- web page where the plan's figures follow each value as it is changed (see
-- docs/workbench.md). The plan is evaluated by kehoach.pipeline exactly as `kehoach run`
-- evaluates it (kehoach.serve.session); the page and its JSON are kehoach.serve.page and
-- kehoach.serve.app; the server is core.http (engine/lua_http.c), on 127.0.0.1 only,
-- answering one request at a time on this thread until Ctrl-C.
local pipeline = require "kehoach.pipeline"
local session = require "kehoach.serve.session"
local app = require "kehoach.serve.app"
local util = require "kehoach.util"

local host, http = core.host, core.http

local M = {}

M.DEFAULT_PORT = 8421
M.MAX_BODY = 256 * 1024

M.usage = "kehoach serve PLAN [--db FILE] [--port N] [--out DIR]"
M.about = "Opens the what-if workbench: a local web page (http://127.0.0.1:PORT/, this computer\n" ..
  "only) showing the plan's figures as `kehoach run` computes them, with an input for every\n" ..
  "value --set can change, each declared scenario as a switch and the budget mode. A change\n" ..
  "is evaluated again against the registry (opened read-only) and the page follows: cost by\n" ..
  "programme and source, each source's gap, the projection against the targets, warnings\n" ..
  "and report.html's charts. A household's code shows why it gets each support. \"Lưu thành\n" ..
  "kịch bản\" writes a scenario file beside the plan; \"Tải tài liệu\" writes the variant's\n" ..
  "documents as kehoach run and kehoach doc do (under --out, default out/). Ctrl-C stops it.\n" ..
  "--port 0 takes a free port; the address is printed on stdout."
M.args = { "PLAN" }
M.options = {
  { "db", "FILE", "the household registry (default " .. pipeline.DEFAULT_REGISTRY .. ")" },
  { "port", "N", "the port on 127.0.0.1 (default " .. M.DEFAULT_PORT .. "; 0: any free port)" },
  { "out", "DIR", "where \"Tải tài liệu\" writes: DIR/<plan-id>/<variant>/ (default out/)" },
}

function M.run(opts, args)
  local port = M.DEFAULT_PORT
  if opts.port then
    port = tonumber(opts.port)
    if not port or math.type(port) ~= "integer" or port < 0 or port > 65535 then
      util.fail("usage", "kehoach serve: --port %s: give a port from 0 to 65535 (0: any free port)", opts.port)
    end
  end
  local path = args[1]
  local sess = session.open(path, { db = opts.db })
  -- the plan as written, evaluated before the address is given: a plan with errors, or a
  -- missing registry, is said here and stops the command
  local ev = sess:evaluate({ set = {} })
  if not ev.summary then
    require("kehoach.render.messages").write_errors(ev.messages or {})
    host.ewrite(path, ": the plan has errors", ev.failed and (": " .. ev.failed) or "", "\n")
    sess:close()
    return 1
  end
  local server <close> = http.listen(port, { max_body = M.MAX_BODY })
  port = server:port()
  local a = app.new(sess, { port = port, db = opts.db, out = opts.out or "out", plan = path })
  host.write(string.format("kehoach serve: %s on http://127.0.0.1:%d/ (Ctrl-C to stop)\n", path, port))
  local function handle(req) return a:handle(req) end
  while true do
    local ok, why = server:serve_once(500, handle)
    if not ok then
      if why == "interrupted" then break end
      host.ewrite("kehoach serve: a request failed: ", tostring(why), "\n")
    end
    if host.budget() == false then
      host.ewrite("kehoach serve: the plan went over its instruction limit; stopping\n")
      sess:close()
      return 4
    end
  end
  sess:close()
  host.ewrite("kehoach serve: stopped\n")
  return 0
end

return M
