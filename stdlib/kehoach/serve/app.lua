-- app.lua — the workbench's HTTP side: who may ask (the server's own Host and Origin
-- only), what may be asked, and the answers. Every request comes through M.handle from
-- core.http's loop (verbs/serve.lua); nothing here touches a path the browser names.
--
--   GET  /                 the page (kehoach.serve.page) with the plan's figures
--   POST /api/evaluate     { seq, set = {path -> text}, scenario, budget, summary } ->
--                          { seq, html (the figures), errors {path -> --set's message},
--                            failed, ms, summary (summary.json's, when asked) }
--   POST /api/explain      the values and { code } -> { text } or { error }
--   POST /api/save         the values and { id, label } -> { message, file } or { error }:
--                          a scenario file beside the plan, named from the id
--   POST /api/documents    the values -> { files = [{name, label, href}] }: `kehoach run`
--                          and `kehoach doc` of the variant, under the --out folder
--   GET  /tai/NAME         one of those files; NAME one of DOCUMENTS, nothing else
-- A POST must be JSON (a form on another site cannot send it without asking first), and
-- any request whose Host or Origin is not this server's is refused with 403 (DNS
-- rebinding, other sites' pages).
local json = require "kehoach.json"
local util = require "kehoach.util"
local page = require "kehoach.serve.page"
local session = require "kehoach.serve.session"
local run_verb = require "kehoach.verbs.run"
local doc_verb = require "kehoach.verbs.doc"

local host, fs = core.host, core.fs

local M = {}

-- The documents "Tải tài liệu" gives, by file name, in order.
M.DOCUMENTS = {
  { "report.html", "Báo cáo kết quả tính (report.html)", "text/html; charset=utf-8" },
  { "report.xlsx", "Bảng tính danh sách (report.xlsx)",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  { "plan.docx", "Kế hoạch (plan.docx)", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
  { "plan.html", "Kế hoạch để in (plan.html)", "text/html; charset=utf-8" },
  { "summary.json", "Số liệu (summary.json)", "application/json" },
}

local App = {}
App.__index = App

-- opts: port (the server's), db, out, plan (its path).
function M.new(sess, opts)
  local self = setmetatable({ session = sess, opts = opts }, App)
  self.hosts = {
    ["127.0.0.1:" .. opts.port] = true, ["localhost:" .. opts.port] = true,
  }
  self.origins = {
    ["http://127.0.0.1:" .. opts.port] = true, ["http://localhost:" .. opts.port] = true,
  }
  return self
end

local SECURITY = {
  ["X-Content-Type-Options"] = "nosniff",
  ["X-Frame-Options"] = "DENY",
  ["Referrer-Policy"] = "no-referrer",
  ["Cache-Control"] = "no-store",
}

local function headers(kind, more)
  local h = { ["Content-Type"] = kind }
  for k, v in pairs(SECURITY) do h[k] = v end
  for k, v in pairs(more or {}) do h[k] = v end
  return h
end

local function text(status, body)
  return status, headers("text/plain; charset=utf-8"), body
end

local function reply(t)
  return 200, headers("application/json; charset=utf-8"), json.encode(t)
end

-- The values of a request body: { set, scenario, budget } with their types checked.
local function values_of(b)
  local set = {}
  if type(b.set) == "table" then
    for k, v in pairs(b.set) do
      if type(k) == "string" and type(v) == "string" and #k <= 200 and #v <= 100 then set[k] = v end
    end
  end
  local scenario = type(b.scenario) == "string" and b.scenario or nil
  local budget = type(b.budget) == "string" and b.budget or nil
  return { set = set, scenario = scenario, budget = budget }
end

function App:evaluate(b)
  local t0 = host.clock()
  local values = values_of(b)
  local ok, ev = pcall(self.session.evaluate, self.session, values)
  local out = { seq = type(b.seq) == "number" and math.tointeger(b.seq) or 0, errors = {} }
  if not ok then
    out.failed = "Không tính được: " .. session.message(ev)
    self.session.last = nil
    return reply(out)
  end
  for k, v in pairs(ev.errors or {}) do out.errors[k] = v end
  if ev.failed then out.failed = ev.failed end
  if ev.messages then
    local lines = {}
    for _, m in ipairs(ev.messages) do
      if m.level == "error" then lines[#lines + 1] = m.message_vi or m.message end
    end
    out.failed = "Kế hoạch với các giá trị này có lỗi: " .. table.concat(lines, " ")
  end
  if ev.summary then
    out.html = page.figures(ev.summary)
    if b.summary == true then out.summary = ev.summary end  -- for scripts: summary.json's table
  end
  out.ms = math.floor((host.clock() - t0) * 1000 + 0.5)
  return reply(out)
end

function App:explain(b)
  local code = type(b.code) == "string" and b.code:gsub("^%s+", ""):gsub("%s+$", "") or ""
  if code == "" or #code > 64 then return reply({ error = "Nhập mã hộ." }) end
  local ok, t, why = pcall(self.session.explain, self.session, values_of(b), code)
  if not ok then return reply({ error = session.message(t) }) end
  if not t then return reply({ error = why }) end
  return reply({ text = t })
end

-- A value as the plan language writes it.
local function literal(v)
  if math.type(v) == "integer" then return string.format("%d", v) end
  if type(v) == "number" then return string.format("%.17g", v) end
  return string.format("%q", tostring(v))
end

-- The scenario file's name for id, in the plan's folder: <plan>-<id, _ as ->.lua.
function M.scenario_file(plan_path, id)
  local dir = util.dirname(plan_path)
  local stem = plan_path:match("([^/]+)%.lua$") or "plan"
  return dir .. "/" .. stem .. "-" .. id:gsub("_", "-") .. ".lua", stem .. ".lua"
end

-- The text of a scenario file that `kehoach run` reproduces p (as evaluated) from.
function M.scenario_text(p, id, label, file, base)
  local lines = {
    string.format("-- %s — a scenario of %s, saved from the workbench (kehoach serve) on %s.",
      file:match("([^/]+)$"), base, host.now()),
    "--",
    "--   ./kehoach run " .. file,
    "",
    string.format("scenario %q {", id),
    string.format("  base = %q,", base),
  }
  if label ~= "" then lines[#lines + 1] = string.format("  label = %q,", label) end
  if (p.budget_mode or "gap") ~= "gap" then lines[#lines + 1] = string.format("  budget = %q,", p.budget_mode) end
  for _, c in ipairs(p.parameters.set) do
    if not tostring(c.by):match("^follows") then
      lines[#lines + 1] = string.format("  [%q] = %s,", c.path, literal(c.value))
    end
  end
  lines[#lines + 1] = "}"
  return table.concat(lines, "\n") .. "\n"
end

function App:save(b)
  local id = type(b.id) == "string" and b.id or ""
  if not id:match("^[%a_][%w_]*$") or #id > 64 then
    return reply({ error = "Tên kịch bản chỉ gồm chữ không dấu, chữ số và dấu _, không bắt đầu bằng chữ số " ..
      "(ví dụ tang_tro_cap)." })
  end
  local label = type(b.label) == "string" and b.label:gsub("%c", " ") or ""
  if #label > 300 then return reply({ error = "Mô tả dài quá 300 ký tự." }) end
  local base_plan = self.session.base
  if base_plan.by_id[id] then
    return reply({ error = string.format("Tên %s đã được dùng trong kế hoạch; chọn tên khác.", id) })
  end
  local ok, ev = pcall(self.session.evaluate, self.session, values_of(b))
  if not ok or not ev.summary then
    return reply({ error = "Kế hoạch với các giá trị này chưa tính được; sửa lỗi trước khi lưu." })
  end
  local file, base = M.scenario_file(base_plan.path, id)
  if fs.exists(file) then
    return reply({ error = string.format("Đã có tệp %s; chọn tên kịch bản khác.", file) })
  end
  local wrote, err = pcall(fs.write, file, M.scenario_text(ev.plan, id, label, file, base))
  if not wrote then return reply({ error = "Không ghi được tệp: " .. session.message(err) }) end
  return reply({ file = file, message = string.format("Đã lưu kịch bản vào %s. Chạy: kehoach run %s", file, file) })
end

function App:documents(b)
  local values = values_of(b)
  local sets, errors = self.session:sets(values)
  if next(errors) then return reply({ error = "Có giá trị chưa đúng; sửa trước khi tải tài liệu." }) end
  local opts = { db = self.opts.db, out = self.opts.out, set = sets, scenario = values.scenario,
    budget = values.budget ~= "gap" and values.budget or nil, quiet = true }
  local ok, code, _, dir = pcall(run_verb.execute, self.opts.plan, opts)
  if not ok or code ~= 0 then
    return reply({ error = "Không viết được tài liệu: " .. (ok and "kế hoạch có lỗi" or session.message(code)) })
  end
  local p, s, result = doc_verb.evaluate(self.opts.plan, opts)
  if s then doc_verb.write(p, s, result.units, self.opts.out) end
  self.documents_dir = dir
  local files = {}
  for _, d in ipairs(M.DOCUMENTS) do
    if fs.exists(dir .. "/" .. d[1]) == "file" then
      files[#files + 1] = { name = d[1], label = d[2], href = "/tai/" .. d[1] }
    end
  end
  return reply({ files = json.array(files), folder = dir })
end

function App:download(name)
  for _, d in ipairs(M.DOCUMENTS) do
    if d[1] == name and self.documents_dir then
      local data = fs.read(self.documents_dir .. "/" .. name)
      if not data then break end
      return 200, headers(d[3], { ["Content-Disposition"] = "attachment; filename=\"" .. name .. "\"" }), data
    end
  end
  return text(404, "Không có tài liệu này; bấm \"Tải tài liệu\" trước.\n")
end

-- The answer to one request (core.http's handler): status, headers, body.
function App:handle(req)
  if not self.hosts[req.host or ""] then return text(403, "Forbidden: not this server's Host\n") end
  if req.origin and not self.origins[req.origin] then return text(403, "Forbidden: another site's Origin\n") end
  host.budget()
  local path = req.path
  if req.method == "GET" or req.method == "HEAD" then
    if path == "/" then
      local s = self.session.current and self.session.current.summary
      if not s then
        local ok, ev = pcall(self.session.evaluate, self.session, { set = {} })
        s = ok and ev.summary or nil
      end
      return 200, headers("text/html; charset=utf-8", { ["Content-Security-Policy"] =
        "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; connect-src 'self'" }),
        page.page(self.session:form(), s)
    end
    local name = path:match("^/tai/([%w._-]+)$")
    if name then return self:download(name) end
    return text(404, "Không có trang này.\n")
  end
  if req.method ~= "POST" then return text(405, "Method not allowed\n") end
  if not (req.content_type or ""):match("^application/json") then
    return text(415, "A request to the workbench is JSON\n")
  end
  local ok, b = pcall(json.decode, req.body)
  if not ok or type(b) ~= "table" then return text(400, "Bad JSON\n") end
  if path == "/api/evaluate" then return self:evaluate(b) end
  if path == "/api/explain" then return self:explain(b) end
  if path == "/api/save" then return self:save(b) end
  if path == "/api/documents" then return self:documents(b) end
  return text(404, "Không có trang này.\n")
end

return M
