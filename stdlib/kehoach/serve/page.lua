-- page.lua — the workbench's HTML, in Vietnamese: the page (one file: its style sheet and
-- a short plain script inline, nothing fetched from elsewhere) and the figures fragment
-- the page replaces after each change. The figures are a summary's (kehoach.summary), as
-- kehoach run writes them; the charts are report.html's own (kehoach.render.dashboard).
--
--   M.page(form) -> the whole page for session:form()
--   M.figures(s) -> the fragment for a summary s: what changed against the plan, cost by
--                   source (gap or surplus) and by programme, the projection against each
--                   target by commune and quarter with the shortfalls, the warnings, and
--                   report.html's sections with their charts
local vn = require "kehoach.render.vn"
local html = require "kehoach.render.html"
local dashboard = require "kehoach.render.dashboard"
local rfigures = require "kehoach.render.figures"
local plan = require "kehoach.plan"

local esc = html.esc
local text = core.text

local M = {}

local KIND_WORDS = {
  amount = "Mức hỗ trợ (đồng)", quota = "Phân bổ theo xã, phường (hộ)", households = "Số hộ",
  persons = "Số khẩu", units = "Số đơn vị", units_per_household = "Số đơn vị mỗi hộ",
  coverage = "Tỷ lệ bao phủ", priority = "Thứ tự ưu tiên", effect = "Tác động: thu nhập tăng (đồng/khẩu/tháng)",
  rate_points = "Giảm tỷ lệ hộ nghèo (điểm %)", by_commune = "Chỉ tiêu theo xã, phường (hộ)",
  Q1 = "Chỉ tiêu quý I", Q2 = "Chỉ tiêu quý II", Q3 = "Chỉ tiêu quý III", Q4 = "Chỉ tiêu quý IV",
  quarter_totals = "Chỉ tiêu cả quý", due = "Hạn báo cáo", total = "Tổng kinh phí",
}

local PRIORITY_WORDS = { lowest_income = "thu nhập thấp nhất trước", most_deprived = "thiếu hụt nhiều nhất trước" }

local BUDGET_WORDS = {
  gap = "Tính đủ cho các hộ được chọn, nêu phần còn thiếu",
  cap = "Mỗi nguồn chỉ chi đến hết kinh phí bố trí",
  prorate = "Nguồn thiếu thì giảm đều mọi mức hỗ trợ",
}

-- The value of an entry as a person would type it: 250.000, 100%, 2021-06-05.
local function shown(e)
  local v = e.get()
  if e.kind == "share" then return vn.decimal(v * 100) .. "%" end
  if e.kind == "money" or e.kind == "count" then return vn.int(v) end
  if e.kind == "number" then return vn.decimal(v) end
  return tostring(v)
end

-- What a path's field is, and the commune it names: "quota" and "An Lạc" of "vay_von.quota.An Lạc".
local function field_of(e)
  local rest = e.path:sub(#(e.path:match("^[^.]*")) + 2)
  local f, name = rest:match("^([^.]+)%.(.+)$")
  if f == "effect" then return "effect", nil end
  if f then return f, name end
  return rest, nil
end

local function input(e, label)
  local f, name = field_of(e)
  label = label or name or KIND_WORDS[f] or f
  local control
  if e.kind == "priority" then
    local opts = {}
    for _, pr in ipairs(plan.PRIORITIES) do
      opts[#opts + 1] = string.format("<option value=\"%s\"%s>%s</option>", esc(pr), pr == e.get() and " selected" or "",
        esc(PRIORITY_WORDS[pr] or pr))
    end
    control = string.format("<select name=\"%s\" data-path=\"%s\" data-plan=\"%s\">%s</select>", esc(e.path),
      esc(e.path), esc(e.get()), table.concat(opts))
  else
    local v = shown(e)
    control = string.format("<input type=\"text\" inputmode=\"%s\" name=\"%s\" data-path=\"%s\" value=\"%s\" data-plan=\"%s\">",
      e.kind == "date" and "text" or "decimal", esc(e.path), esc(e.path), esc(v), esc(v))
  end
  return string.format("<label class=\"field\"><span>%s</span>%s<small class=\"error\" data-error-for=\"%s\"></small></label>\n",
    esc(label), control, esc(e.path))
end

-- A quota's inputs for the communes it does not name yet (--set adds a commune to it),
-- folded away: each at 0, which changes nothing.
local function more_communes(form, d, list)
  local named, out = {}, {}
  for _, e in ipairs(list) do
    local _, name = field_of(e)
    named[text.fold(name)] = true
  end
  for _, name in ipairs(form.communes) do
    if not named[text.fold(name)] then
      local path = d.id .. ".quota." .. name
      out[#out + 1] = input({ path = path, kind = "count", get = function() return 0 end })
    end
  end
  if #out == 0 then return "" end
  return "<details class=\"more\"><summary>Thêm " .. esc(form.children or "xã, phường") ..
    " khác</summary>\n" .. table.concat(out) .. "</details>\n"
end

-- The inputs, grouped by declaration, then by field (a quota's communes together).
local function inputs(form)
  local out, groups, order = {}, {}, {}
  local labels = {}  -- a budget line's source, by id
  for _, x in ipairs(form.plan.sources or {}) do labels[x.id] = x.label end
  for _, e in ipairs(form.entries) do
    local d = e.decl
    local key = d.kind == "budget" and "budget" or d.id
    if not groups[key] then
      groups[key] = { decl = d, fields = {}, forder = {} }
      order[#order + 1] = key
    end
    local g = groups[key]
    local f = field_of(e)
    if not g.fields[f] then g.fields[f] = {}; g.forder[#g.forder + 1] = f end
    table.insert(g.fields[f], e)
  end
  for _, key in ipairs(order) do
    local g = groups[key]
    local d = g.decl
    local title = d.kind == "budget" and "Kinh phí bố trí theo nguồn (đồng)" or (d.label or d.id)
    out[#out + 1] = string.format("<details class=\"group\"%s><summary>%s</summary>\n",
      d.kind == "support" and " open" or "", esc(title))
    for _, f in ipairs(g.forder) do
      local list = g.fields[f]
      local _, name = field_of(list[1])
      if name and d.kind ~= "budget" then
        out[#out + 1] = string.format("<fieldset><legend>%s</legend>\n", esc(KIND_WORDS[f] or f))
        for _, e in ipairs(list) do out[#out + 1] = input(e) end
        if f == "quota" then out[#out + 1] = more_communes(form, d, list) end
        out[#out + 1] = "</fieldset>\n"
      else
        for _, e in ipairs(list) do out[#out + 1] = input(e, d.kind == "budget" and labels[f]) end
      end
    end
    out[#out + 1] = "</details>\n"
  end
  return table.concat(out)
end

local function options(form)
  local out = { "<fieldset class=\"options\"><legend>Kịch bản và chế độ ngân sách</legend>\n" }
  for _, d in ipairs(form.scenarios) do
    out[#out + 1] = string.format("<label class=\"switch\"><input type=\"checkbox\" data-scenario=\"%s\"> %s</label>\n",
      esc(d.id), esc(d.label or d.id))
  end
  out[#out + 1] = "<label class=\"field\"><span>Chế độ ngân sách</span><select name=\"budget\" data-budget>"
  for _, m in ipairs(plan.BUDGET_MODES) do
    out[#out + 1] = string.format("<option value=\"%s\"%s>%s</option>", m, m == form.budget_mode and " selected" or "",
      esc(BUDGET_WORDS[m] or m))
  end
  out[#out + 1] = "</select></label>\n</fieldset>\n"
  return table.concat(out)
end

M.CSS = [[
body { font-family: "Noto Sans", "Liberation Sans", "DejaVu Sans", Arial, sans-serif; margin: 0; color: #111;
  max-width: none; padding: 0; }
.top { padding: 0.5em 1em; background: #0b3d6e; color: #fff; }
.top h1 { font-size: 1.25em; margin: 0.2em 0; }
.layout { display: flex; flex-wrap: wrap; align-items: flex-start; }
#controls { flex: 0 0 26em; max-width: 100%; padding: 0.5em 1em; box-sizing: border-box; max-height: 100vh;
  overflow-y: auto; position: sticky; top: 0; background: #f6f8fa; }
#results { flex: 1 1 40em; min-width: 0; padding: 0.5em 1em; }
.field { display: flex; justify-content: space-between; align-items: baseline; gap: 0.5em; flex-wrap: wrap;
  margin: 0.25em 0; }
.field span { flex: 1 1 6em; }
.field input, .field select { font: inherit; width: 8em; text-align: right; padding: 0.15em 0.3em; }
.field input.changed, .field select.changed { background: #fff3c4; border: 2px solid #b58900; }
.field select[data-budget] { width: 100%; text-align: left; }
.field .error { flex-basis: 100%; color: #b00020; font-weight: bold; }
.field .error:empty { display: none; }
details.group { border-top: 1px solid #ccc; padding: 0.3em 0; }
details.group > summary { font-weight: bold; cursor: pointer; }
fieldset { border: 1px solid #ddd; margin: 0.3em 0; }
.switch { display: block; margin: 0.2em 0; }
.actions button { font: inherit; margin: 0.3em 0.3em 0.3em 0; padding: 0.3em 0.8em; }
#status { font-style: italic; color: #555; min-height: 1.3em; }
#failed:empty, #explain-out:empty, #save-out:empty, #docs-out:empty { display: none; }
#failed { color: #b00020; font-weight: bold; }
table.wb { border-collapse: collapse; margin: 0.5em 0 1em; }
table.wb th, table.wb td { border: 1px solid #bbb; padding: 0.2em 0.5em; }
table.wb td.n, table.wb th.n { text-align: right; font-variant-numeric: tabular-nums; }
.gap { color: #b00020; font-weight: bold; }
.short { color: #b00020; }
#explain-out { white-space: pre-wrap; background: #f6f8fa; padding: 0.5em; border: 1px solid #ddd; }
@media (min-width: 1600px) { body { font-size: 1.2em; } }
]]

local SCRIPT = [[
(function () {
  var seq = 0, shownSeq = 0, timer = null;
  function $(s) { return document.querySelector(s); }
  function all(s) { return Array.prototype.slice.call(document.querySelectorAll(s)); }
  function values() {
    var set = {};
    all('[data-path]').forEach(function (el) {
      var changed = el.value.trim() !== el.getAttribute('data-plan');
      el.classList.toggle('changed', changed);
      if (changed) set[el.getAttribute('data-path')] = el.value;
    });
    var sc = null;
    all('[data-scenario]').forEach(function (el) { if (el.checked) sc = el.getAttribute('data-scenario'); });
    return { set: set, scenario: sc, budget: $('[data-budget]').value };
  }
  function post(url, body) {
    return fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body) }).then(function (r) { return r.json(); });
  }
  function evaluate() {
    clearTimeout(timer);
    var mine = ++seq, v = values();
    document.body.setAttribute('data-busy', '1');
    v.seq = mine;
    $('#status').textContent = 'Đang tính lại…';
    post('/api/evaluate', v).then(function (a) {
      if (a.seq !== seq || mine < shownSeq) return;   /* a later change is in flight: it wins */
      shownSeq = mine;
      all('[data-error-for]').forEach(function (el) {
        el.textContent = (a.errors && a.errors[el.getAttribute('data-error-for')]) || '';
      });
      $('#failed').textContent = a.failed || '';
      if (a.html !== undefined) $('#figures').innerHTML = a.html;
      document.body.setAttribute('data-seq', String(mine));
      document.body.setAttribute('data-busy', '0');  /* settled: the latest change is shown */
      $('#status').textContent = a.html !== undefined ? 'Đã tính xong (' + a.ms + ' ms).' : 'Chưa tính được.';
    }).catch(function () { if (mine === seq) $('#status').textContent = 'Mất kết nối tới máy chủ kehoach.'; });
  }
  function soon() {
    clearTimeout(timer);
    document.body.setAttribute('data-busy', '1');
    timer = setTimeout(evaluate, 150);
  }
  all('[data-path]').forEach(function (el) {
    el.addEventListener('input', soon);
    el.addEventListener('change', evaluate);
  });
  all('[data-scenario]').forEach(function (el) {
    el.addEventListener('change', function () {
      if (el.checked) all('[data-scenario]').forEach(function (o) { if (o !== el) o.checked = false; });
      evaluate();
    });
  });
  $('[data-budget]').addEventListener('change', evaluate);
  $('#explain-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var v = values(); v.code = $('#household').value;
    post('/api/explain', v).then(function (a) { $('#explain-out').textContent = a.text || a.error; });
  });
  $('#save-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var v = values(); v.id = $('#scenario-id').value; v.label = $('#scenario-label').value;
    post('/api/save', v).then(function (a) { $('#save-out').textContent = a.message || a.error; });
  });
  $('#docs').addEventListener('click', function () {
    $('#docs-out').textContent = 'Đang viết tài liệu…';
    post('/api/documents', values()).then(function (a) {
      var out = $('#docs-out');
      out.textContent = a.error || '';
      (a.files || []).forEach(function (f) {
        var link = document.createElement('a');
        link.href = f.href; link.textContent = f.label; link.setAttribute('download', f.name);
        out.appendChild(link); out.appendChild(document.createTextNode(' '));
      });
    });
  });
  document.body.setAttribute('data-ready', '1');
})();
]]

-- The whole page: the plan's title, the inputs on one side, the figures on the other.
function M.page(form, s)
  local p = form.plan
  local body = {
    "<div class=\"top\"><h1>", esc(p.meta.title), "</h1>",
    "<p>Bàn tính thử kế hoạch: thay một giá trị, các số liệu bên phải được tính lại trên sổ hộ.</p></div>\n",
    "<div class=\"layout\">\n<section id=\"controls\" aria-label=\"Các giá trị của kế hoạch\">\n",
    "<h2>Các giá trị của kế hoạch</h2>\n",
    "<p id=\"status\" role=\"status\"></p>\n",
    options(form), inputs(form),
    "<h2>Tra cứu một hộ</h2>\n<form id=\"explain-form\"><label class=\"field\"><span>Mã hộ</span>",
    "<input id=\"household\" type=\"text\" autocomplete=\"off\"></label>",
    "<div class=\"actions\"><button type=\"submit\">Xem vì sao</button></div></form>\n",
    "<pre id=\"explain-out\"></pre>\n",
    "<h2>Lưu thành kịch bản</h2>\n<form id=\"save-form\">",
    "<label class=\"field\"><span>Tên kịch bản (chữ không dấu, số, dấu _)</span>",
    "<input id=\"scenario-id\" type=\"text\" pattern=\"[A-Za-z_][A-Za-z0-9_]*\" autocomplete=\"off\"></label>",
    "<label class=\"field\"><span>Mô tả</span><input id=\"scenario-label\" type=\"text\" autocomplete=\"off\"></label>",
    "<div class=\"actions\"><button type=\"submit\">Lưu thành kịch bản</button></div></form>\n",
    "<p id=\"save-out\" role=\"status\"></p>\n",
    "<div class=\"actions\"><button type=\"button\" id=\"docs\">Tải tài liệu</button></div>\n",
    "<p id=\"docs-out\"></p>\n",
    "</section>\n<section id=\"results\" aria-live=\"polite\">\n<p id=\"failed\" role=\"alert\"></p>\n",
    "<div id=\"figures\">", s and M.figures(s) or "", "</div>\n</section>\n</div>\n",
    "<script>", SCRIPT, "</script>\n",
  }
  return html.page(p.meta.title .. " — bàn tính thử", dashboard.CSS .. dashboard.VARIANT_CSS .. M.CSS,
    table.concat(body))
end

-- ---- the figures -------------------------------------------------------------------------

local function row(cells, head)
  local out = { "<tr>" }
  for _, c in ipairs(cells) do
    local tag = head and "th" or "td"
    if type(c) == "table" then
      out[#out + 1] = string.format("<%s class=\"%s\">%s</%s>", tag, c.class or "", c.html or esc(c.text), tag)
    else
      out[#out + 1] = string.format("<%s>%s</%s>", tag, esc(c), tag)
    end
  end
  out[#out + 1] = "</tr>\n"
  return table.concat(out)
end

local function n(v, class) return { text = vn.int(v), class = "n" .. (class and (" " .. class) or "") } end

local function sources(s, out)
  out[#out + 1] = "<h2>Kinh phí theo nguồn</h2>\n<table class=\"wb\" id=\"wb-sources\">\n"
  out[#out + 1] = row({ "Nguồn", { text = "Kế hoạch bố trí (đồng)", class = "n" }, { text = "Tính từ sổ hộ (đồng)", class = "n" },
    { text = "Còn thiếu (đồng)", class = "n" }, { text = "Còn thừa (đồng)", class = "n" } }, true)
  for _, x in ipairs(s.budget.sources) do
    out[#out + 1] = string.format("<tr data-source=\"%s\">", esc(x.id)) ..
      row({ x.label, n(x.declared), n(x.computed), n(x.gap, x.gap > 0 and "gap" or nil), n(x.surplus) }):sub(5)
  end
  out[#out + 1] = row({ { html = "<strong>Tổng</strong>" }, n(s.budget.total_declared), n(s.budget.total_computed), "", "" })
  out[#out + 1] = "</table>\n"
  for _, x in ipairs(s.budget.sources) do
    if x.gap > 0 then
      out[#out + 1] = string.format("<p class=\"gap\">%s còn thiếu %s đồng.</p>\n", esc(x.label), vn.int(x.gap))
    end
  end
end

local function programmes(s, out)
  local by_id = rfigures.sources_by_id(s)
  out[#out + 1] = "<h2>Kinh phí theo chương trình</h2>\n<table class=\"wb\" id=\"wb-programmes\">\n"
  out[#out + 1] = row({ "Chương trình", { text = "Số hộ", class = "n" }, { text = "Số khẩu", class = "n" },
    { text = "Kinh phí (đồng)", class = "n" }, "Nguồn" }, true)
  for _, g in ipairs(s.programmes) do
    local src = type(g.source) == "string" and by_id[g.source]
    out[#out + 1] = row({ g.label or g.id, n(g.households), n(g.persons), n(g.cost),
      src and (src.short or src.label) or "ngoài ngân sách kế hoạch" })
  end
  out[#out + 1] = "</table>\n"
end

local QUARTERS = { "Q1", "Q2", "Q3", "Q4" }
local QUARTER_WORDS = { "Quý I", "Quý II", "Quý III", "Quý IV" }

local function projection(s, out)
  local pr = type(s.projection) == "table" and s.projection or nil
  if not pr then return end
  for _, g in ipairs(pr.targets) do
    out[#out + 1] = string.format("<h2>Dự báo: %s</h2>\n", esc(g.label or g.id))
    local where = {}
    for _, name in ipairs(s.communes) do
      local k = g.short and g.short[name]
      if k and k > 0 then where[#where + 1] = name .. " " .. vn.int(k) end
    end
    out[#out + 1] = string.format("<p class=\"%s\" id=\"wb-verdict-%s\">Chỉ tiêu %s hộ; dự báo %s hộ thoát nghèo — %s</p>\n",
      g.met and "met" or "short", esc(g.id), vn.int(g.households), vn.int(g.projected),
      g.met and "<strong>đạt</strong>." or ("<strong>chưa đạt</strong>, thiếu " .. vn.int(g.short_by) .. " hộ" ..
        (#where > 0 and ("; các xã, phường chưa đạt: " .. esc(table.concat(where, ", "))) or "") .. "."))
    out[#out + 1] = string.format("<table class=\"wb\" id=\"wb-quarters-%s\">\n", esc(g.id))
    local head, target, projected = { "" }, { "Chỉ tiêu (cộng dồn)" }, { "Dự báo (cộng dồn)" }
    for i, q in ipairs(QUARTERS) do
      local b = g.by_quarter and g.by_quarter[q]
      head[#head + 1] = { text = QUARTER_WORDS[i], class = "n" }
      target[#target + 1] = b and n(b.target) or ""
      projected[#projected + 1] = b and n(b.projected, b.projected < b.target and "short" or nil) or ""
    end
    out[#out + 1] = row(head, true) .. row(target) .. row(projected) .. "</table>\n"
    local t
    for _, x in ipairs(s.targets) do if x.id == g.id then t = x end end
    out[#out + 1] = string.format("<table class=\"wb\" id=\"wb-communes-%s\">\n", esc(g.id))
    out[#out + 1] = row({ s.plan.children and vn.capitalize(s.plan.children) or "Xã, phường",
      { text = "Chỉ tiêu", class = "n" }, { text = "Dự báo thoát nghèo", class = "n" }, { text = "Còn thiếu", class = "n" } }, true)
    for _, name in ipairs(s.communes) do
      local want = t and t.by_commune and t.by_commune[name]
      local got = g.projected_by_commune and g.projected_by_commune[name]
      if want or (got and got > 0) then
        local short = g.short and g.short[name] or 0
        out[#out + 1] = string.format("<tr data-commune=\"%s\">", esc(name)) ..
          row({ name, want and n(want) or "", n(got or 0), n(short, short > 0 and "short" or nil) }):sub(5)
      end
    end
    out[#out + 1] = "</table>\n"
  end
  local ye = pr.year_end
  if ye then
    out[#out + 1] = string.format("<p>Cuối năm: dự báo %s hộ thoát nghèo, còn %s hộ nghèo (tỷ lệ %s).</p>\n",
      vn.int(ye.escapes_total), vn.int(ye.poor_total), vn.percent(ye.rate / 100))
  end
end

local function warnings(s, out)
  out[#out + 1] = "<h2>Cảnh báo</h2>\n<ul id=\"wb-warnings\">\n"
  local any = false
  for _, m in ipairs(s.checks) do
    if m.level ~= "info" then
      any = true
      out[#out + 1] = string.format("<li class=\"%s\">%s</li>\n", esc(m.level), esc(m.message_vi or m.message))
    end
  end
  if not any then out[#out + 1] = "<li>Không có cảnh báo.</li>\n" end
  out[#out + 1] = "</ul>\n"
end

local function changes(s, out)
  local v = rfigures.variant(s)
  out[#out + 1] = "<section id=\"wb-changes\">\n"
  if not v then
    out[#out + 1] = "<p>Số liệu theo kế hoạch như đã ban hành (chưa thay đổi giá trị nào).</p>\n"
  else
    out[#out + 1] = "<div class=\"variant\" role=\"note\"><p><strong>" .. esc(rfigures.NOT_THE_PLAN) .. "</strong></p>\n"
    if v.scenario then out[#out + 1] = "<p>" .. esc(v.scenario) .. "</p>\n" end
    if #v.changes > 0 then
      out[#out + 1] = "<ul>\n"
      for _, c in ipairs(v.changes) do out[#out + 1] = "<li>" .. esc(c) .. "</li>\n" end
      out[#out + 1] = "</ul>\n"
    end
    if v.budget then out[#out + 1] = "<p>" .. esc(v.budget) .. "</p>\n" end
    out[#out + 1] = "</div>\n"
  end
  out[#out + 1] = "</section>\n"
end

function M.figures(s)
  local out = {}
  changes(s, out)
  sources(s, out)
  programmes(s, out)
  projection(s, out)
  warnings(s, out)
  -- report.html's sections and charts, as kehoach run writes them
  local page = dashboard.html(s)
  local body = page:match("<body>\n(.*)</body>") or ""
  out[#out + 1] = "<details open class=\"report\"><summary>Biểu đồ và bảng của report.html</summary>\n" ..
    body .. "</details>\n"
  return table.concat(out)
end

return M
