-- docx.lua — a document's blocks (the model plandoc.blocks makes, which plan.md and
-- plan.html are rendered from too) as a Word document, in the administrative format of
-- Nghị định 30/2020/NĐ-CP (Phụ lục I): A4; margins top and bottom 20 mm, left 30 mm,
-- right 20 mm; Times New Roman, body 14 pt, justified, first line indented 1 cm, 6 pt
-- after; the letterhead as a borderless two-column table (the issuer in capitals, bold,
-- with a rule under it; the national name and motto with a rule under the motto; the
-- number with room to write it in, beside the place and date with the day left blank);
-- the title in bold capitals with its rule; the page number centred at the top from page
-- 2 on; Nơi nhận and the signature block side by side at the end.
--
-- Headings are Word's own Heading 1 and Heading 2 (a table of contents and the navigation
-- pane find them); lists are Word lists (numbering.xml), not typed dashes; tables are
-- Word tables. The XML is written here as text (every value escaped); the zip container
-- is core.zip (libzip). The same blocks give the same bytes.
--
--   M.document(blocks, props) -> string   the .docx file's bytes; props: {title, lang}
local plandoc = require "kehoach.render.plandoc"

local M = {}

local zip = core.zip

-- ---- XML text ---------------------------------------------------------------------------

local ESC = { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;" }

-- Text for an XML element or attribute: the five specials escaped, and the control
-- characters XML 1.0 cannot carry dropped (a tab or a newline is written by run()).
local function esc(s)
  return (tostring(s):gsub("[\0-\8\11\12\14-\31]", ""):gsub("[&<>\"]", ESC))
end

-- Lengths in twentieths of a point (Word's "twips"): 1 mm = 56.7 twips.
local function mm(n) return math.floor(n * 1440 / 25.4 + 0.5) end

local PAGE_W, PAGE_H = 11906, 16838             -- A4
local MARGIN = { top = mm(20), bottom = mm(20), left = mm(30), right = mm(20), header = mm(10) }
local TEXT_W = PAGE_W - MARGIN.left - MARGIN.right

-- A run of text with its properties (rpr: "<w:b/>", "<w:i/>", a size); newlines in s
-- become line breaks.
local function run(s, rpr)
  local out, first = {}, true
  for line in (tostring(s) .. "\n"):gmatch("(.-)\n") do
    if not first then out[#out + 1] = "<w:br/>" end
    first = false
    if line ~= "" then out[#out + 1] = '<w:t xml:space="preserve">' .. esc(line) .. "</w:t>" end
  end
  return "<w:r>" .. (rpr and rpr ~= "" and ("<w:rPr>" .. rpr .. "</w:rPr>") or "") .. table.concat(out) .. "</w:r>"
end

local function size(pt) return string.format('<w:sz w:val="%d"/><w:szCs w:val="%d"/>', pt * 2, pt * 2) end

-- A paragraph: style id (or nil for Normal), extra paragraph properties, and its runs.
local function paragraph(style, ppr, runs)
  local props = (style and ('<w:pStyle w:val="' .. style .. '"/>') or "") .. (ppr or "")
  return "<w:p>" .. (props ~= "" and ("<w:pPr>" .. props .. "</w:pPr>") or "") .. (runs or "") .. "</w:p>"
end

-- The runs of a block's spans: strings, {b = text}, {i = text}.
local function spans(list, rpr)
  local out = {}
  for _, sp in ipairs(list) do
    if type(sp) == "string" then out[#out + 1] = run(sp, rpr)
    elseif sp.b then out[#out + 1] = run(sp.b, "<w:b/>" .. (rpr or ""))
    elseif sp.i then out[#out + 1] = run(sp.i, "<w:i/>" .. (rpr or "")) end
  end
  return table.concat(out)
end

-- A short centred rule under a heading block: an empty paragraph whose top border is the
-- line, indented from both sides so that it spans `share` of the width `width`.
local function rule(width, share)
  local side = math.floor(width * (1 - share) / 2)
  return paragraph("Rule", string.format('<w:ind w:left="%d" w:right="%d"/>', side, side))
end

-- ---- tables ----------------------------------------------------------------------------------

-- A borderless table of one or more rows of cells; widths in twips; each cell is a list
-- of paragraphs (XML).
local function layout_table(widths, rows)
  local out = { '<w:tbl><w:tblPr><w:tblW w:w="', tostring(TEXT_W), '" w:type="dxa"/><w:tblLayout w:type="fixed"/>',
    '<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/>',
    '<w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>',
    '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>',
    '<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>' }
  for _, w in ipairs(widths) do out[#out + 1] = '<w:gridCol w:w="' .. w .. '"/>' end
  out[#out + 1] = "</w:tblGrid>"
  for _, cells in ipairs(rows) do
    out[#out + 1] = '<w:tr><w:trPr><w:cantSplit/></w:trPr>'
    for i, paras in ipairs(cells) do
      out[#out + 1] = string.format('<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>%s</w:tc>', widths[i],
        #paras > 0 and table.concat(paras) or paragraph("Cell"))
    end
    out[#out + 1] = "</w:tr>"
  end
  out[#out + 1] = "</w:tbl>"
  return table.concat(out)
end

-- A table of figures (a block {kind = "table", head, rows, total}): ruled, the header row
-- bold and repeated at the top of every page, a row never split across pages, numbers
-- (columns with align = "right") right-aligned, the total row bold; 11 pt. The first
-- column (the names) takes 28% of the width, the others share the rest.
local function data_table(b)
  local cols = {}
  for i, h in ipairs(b.head) do cols[i] = type(h) == "table" and h or { h } end
  local first = #cols > 1 and math.floor(TEXT_W * 0.28) or TEXT_W
  local rest = #cols > 1 and math.floor((TEXT_W - first) / (#cols - 1)) or 0
  local widths = {}
  for i in ipairs(cols) do widths[i] = i == 1 and first or rest end
  local border = '<w:%s w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
  local borders = {}
  for _, side in ipairs({ "top", "left", "bottom", "right", "insideH", "insideV" }) do
    borders[#borders + 1] = string.format(border, side)
  end
  local out = { '<w:tbl><w:tblPr><w:tblW w:w="', tostring(TEXT_W),
    '" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblBorders>', table.concat(borders), '</w:tblBorders>',
    '<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>',
    '<w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>' }
  for _, w in ipairs(widths) do out[#out + 1] = '<w:gridCol w:w="' .. w .. '"/>' end
  out[#out + 1] = "</w:tblGrid>"
  local function row(cells, head, bold)
    out[#out + 1] = "<w:tr><w:trPr><w:cantSplit/>" .. (head and "<w:tblHeader/>" or "") .. "</w:trPr>"
    for i, c in ipairs(cols) do
      local jc = head and "center" or (c.align == "right" and "right" or "left")
      out[#out + 1] = string.format('<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>%s</w:tc>', widths[i],
        paragraph("TableText", '<w:jc w:val="' .. jc .. '"/>', run(cells[i] == nil and "" or cells[i],
          (head or bold) and "<w:b/>" or nil)))
    end
    out[#out + 1] = "</w:tr>"
  end
  local titles = {}
  for i, c in ipairs(cols) do titles[i] = c[1] end
  row(titles, true)
  for i, r in ipairs(b.rows) do row(r, false, b.total and i == #b.rows) end
  out[#out + 1] = "</w:tbl>"
  -- a paragraph after it, so that two tables in a row stay two tables
  out[#out + 1] = paragraph("TableText", nil)
  return table.concat(out)
end

-- ---- the blocks -------------------------------------------------------------------------------

local LEFT_W = mm(62)           -- the issuer's column; the rest is the nation's
local RIGHT_W = TEXT_W - LEFT_W

-- "ỦY BAN NHÂN DÂN HUYỆN X" is set on two lines, the committee above its unit.
local function issuer_lines(issuer)
  return (issuer:gsub("^(ỦY BAN NHÂN DÂN) ", "%1\n"))
end

-- The number "Số: /KH-UBND" with room before the slash for the number to be written in.
local number_line = plandoc.number_room

local function letterhead(b)
  local left = {
    paragraph("Letterhead", nil, run(issuer_lines(b.issuer), "<w:b/>")),
    rule(LEFT_W, 0.4),
    paragraph("Letterhead", nil, run(number_line(b.number))),
  }
  local right = {
    paragraph("Letterhead", nil, run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "<w:b/>" .. size(12))),
    paragraph("Letterhead", nil, run("Độc lập - Tự do - Hạnh phúc", "<w:b/>" .. size(13))),
    rule(RIGHT_W, 0.38),
    paragraph("Letterhead", nil, run(b.dated, "<w:i/>" .. size(14))),
  }
  return layout_table({ LEFT_W, RIGHT_W }, { { left, right } })
end

local function footer(b)
  local left = {}
  if #b.distribution > 0 then
    left[1] = paragraph("Distribution", nil, run("Nơi nhận:", "<w:b/><w:i/>" .. size(12)))
    for _, d in ipairs(b.distribution) do left[#left + 1] = paragraph("Distribution", nil, run("- " .. d)) end
  end
  local right = {}
  if b.signature then
    for _, l in ipairs(b.signature.lines) do right[#right + 1] = paragraph("Signature", nil, run(l, "<w:b/>")) end
    right[#right + 1] = paragraph("Signature", '<w:spacing w:before="1680"/>', run(b.signature.name, "<w:b/>"))
  end
  local half = math.floor(TEXT_W * 0.45)
  return layout_table({ half, TEXT_W - half }, { { left, right } })
end

local BODY = {
  letterhead = letterhead,
  footer = footer,
  title = function(b)
    return paragraph("Title", nil, run(b.text)) .. paragraph("Subtitle", nil, run(b.sub)) .. rule(TEXT_W, 0.25)
  end,
  heading = function(b)
    return paragraph(b.level == 1 and "Heading1" or "Heading2", nil, run(b.text))
  end,
  para = function(b) return paragraph(nil, nil, spans(b.spans)) end,
  table = data_table,
  bullets = function(b)
    local out = {}
    for i, item in ipairs(b.items) do out[i] = paragraph("ListBullet", nil, spans(item)) end
    return table.concat(out)
  end,
}

local NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' ..
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
local XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

local function document_xml(blocks)
  local body = {}
  for _, b in ipairs(blocks) do
    local render = BODY[b.kind]
    if render then body[#body + 1] = render(b) end
  end
  -- the first page has no number (titlePg with no first-page header); the others have
  -- the default header: the number, centred at the top
  body[#body + 1] = string.format('<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/>' ..
    '<w:pgSz w:w="%d" w:h="%d"/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="%d" ' ..
    'w:footer="%d" w:gutter="0"/><w:titlePg/></w:sectPr>', PAGE_W, PAGE_H, MARGIN.top, MARGIN.right,
    MARGIN.bottom, MARGIN.left, MARGIN.header, MARGIN.header)
  return XML .. "<w:document " .. NS .. "><w:body>" .. table.concat(body) .. "</w:body></w:document>"
end

local HEADER = XML .. "<w:hdr " .. NS .. ">" ..
  paragraph("Header", '<w:jc w:val="center"/>',
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>' ..
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>') ..
  "</w:hdr>"

-- A paragraph style: id, name (Word's built-in names where there is one), paragraph and
-- run properties.
local function style(id, name, ppr, rpr, extra)
  return string.format('<w:style w:type="paragraph"%s w:styleId="%s"><w:name w:val="%s"/>%s%s%s%s</w:style>',
    id == "Normal" and ' w:default="1"' or "", id, name,
    id ~= "Normal" and '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/>' or "", extra or "",
    ppr and ("<w:pPr>" .. ppr .. "</w:pPr>") or "", rpr and ("<w:rPr>" .. rpr .. "</w:rPr>") or "")
end

local CENTRED = '<w:ind w:firstLine="0"/><w:jc w:val="center"/>'
local TIGHT = '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'

local function styles_xml(lang)
  local font = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" ' ..
    'w:eastAsia="Times New Roman"/>'
  return XML .. "<w:styles " .. NS .. ">" ..
    '<w:docDefaults><w:rPrDefault><w:rPr>' .. font .. size(14) .. '<w:lang w:val="' .. lang .. '"/></w:rPr>' ..
    '</w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="288" w:lineRule="auto"/></w:pPr>' ..
    '</w:pPrDefault></w:docDefaults>' ..
    style("Normal", "Normal", '<w:ind w:firstLine="567"/><w:jc w:val="both"/>') ..
    style("Title", "Title", '<w:keepNext/>' .. CENTRED .. '<w:spacing w:before="360" w:after="0"/>', "<w:b/>") ..
    style("Subtitle", "Subtitle", '<w:keepNext/>' .. CENTRED .. '<w:spacing w:after="0"/>', "<w:b/>") ..
    style("Heading1", "heading 1", '<w:keepNext/><w:keepLines/><w:ind w:firstLine="567"/><w:jc w:val="both"/>' ..
      '<w:spacing w:before="120" w:after="120"/><w:outlineLvl w:val="0"/>', "<w:b/>", '<w:uiPriority w:val="9"/>') ..
    style("Heading2", "heading 2", '<w:keepNext/><w:keepLines/><w:ind w:firstLine="567"/><w:jc w:val="both"/>' ..
      '<w:spacing w:before="60" w:after="120"/><w:outlineLvl w:val="1"/>', "<w:b/>", '<w:uiPriority w:val="9"/>') ..
    style("ListBullet", "List Bullet", '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>' ..
      '<w:ind w:left="851" w:hanging="284"/>') ..
    style("Letterhead", "Letterhead", CENTRED .. TIGHT, size(13)) ..
    style("Rule", "Rule", '<w:pBdr><w:top w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>' ..
      '<w:ind w:firstLine="0"/><w:spacing w:before="100" w:after="120" w:line="120" w:lineRule="exact"/>', size(6)) ..
    style("Distribution", "Distribution", '<w:ind w:firstLine="0"/><w:jc w:val="left"/>' .. TIGHT, size(11)) ..
    style("Signature", "Signature", CENTRED .. TIGHT, size(14)) ..
    style("Cell", "Table Text", '<w:ind w:firstLine="0"/>' .. TIGHT) ..
    style("TableText", "Table Figures", '<w:ind w:firstLine="0"/>' .. TIGHT, size(11)) ..
    style("Header", "header", CENTRED .. TIGHT) ..
    "</w:styles>"
end

-- Lists: a dash before each item, hanging.
local NUMBERING = XML .. "<w:numbering " .. NS .. ">" ..
  '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/>' ..
  '<w:numFmt w:val="bullet"/><w:lvlText w:val="-"/><w:lvlJc w:val="left"/>' ..
  '<w:pPr><w:ind w:left="851" w:hanging="284"/></w:pPr></w:lvl></w:abstractNum>' ..
  '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'

local SETTINGS = XML .. "<w:settings " .. NS .. '><w:defaultTabStop w:val="720"/>' ..
  '<w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" ' ..
  'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>'

local REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
local PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
local CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."

local CONTENT_TYPES = XML ..
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' ..
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' ..
  '<Default Extension="xml" ContentType="application/xml"/>' ..
  '<Override PartName="/word/document.xml" ContentType="' .. CT .. 'document.main+xml"/>' ..
  '<Override PartName="/word/styles.xml" ContentType="' .. CT .. 'styles+xml"/>' ..
  '<Override PartName="/word/settings.xml" ContentType="' .. CT .. 'settings+xml"/>' ..
  '<Override PartName="/word/numbering.xml" ContentType="' .. CT .. 'numbering+xml"/>' ..
  '<Override PartName="/word/header1.xml" ContentType="' .. CT .. 'header+xml"/>' ..
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' ..
  '</Types>'

local ROOT_RELS = XML .. '<Relationships xmlns="' .. PKG_REL .. '">' ..
  '<Relationship Id="rId1" Type="' .. REL .. 'officeDocument" Target="word/document.xml"/>' ..
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" ' ..
  'Target="docProps/core.xml"/></Relationships>'

local DOCUMENT_RELS = XML .. '<Relationships xmlns="' .. PKG_REL .. '">' ..
  '<Relationship Id="rIdStyles" Type="' .. REL .. 'styles" Target="styles.xml"/>' ..
  '<Relationship Id="rIdSettings" Type="' .. REL .. 'settings" Target="settings.xml"/>' ..
  '<Relationship Id="rIdNumbering" Type="' .. REL .. 'numbering" Target="numbering.xml"/>' ..
  '<Relationship Id="rIdHeader" Type="' .. REL .. 'header" Target="header1.xml"/></Relationships>'

local function core_xml(title)
  return XML .. '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' ..
    'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>' .. esc(title or "") .. '</dc:title>' ..
    '<dc:creator>kehoach</dc:creator></cp:coreProperties>'
end

function M.document(blocks, props)
  props = props or {}
  return zip.pack({
    { "[Content_Types].xml", CONTENT_TYPES },
    { "_rels/.rels", ROOT_RELS },
    { "docProps/core.xml", core_xml(props.title) },
    { "word/_rels/document.xml.rels", DOCUMENT_RELS },
    { "word/document.xml", document_xml(blocks) },
    { "word/styles.xml", styles_xml(props.lang or "vi-VN") },
    { "word/settings.xml", SETTINGS },
    { "word/numbering.xml", NUMBERING },
    { "word/header1.xml", HEADER },
  })
end

return M
