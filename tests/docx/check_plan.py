"""check_plan.py — reads a plan.docx back with python-docx (Debian's python3-docx), as Word
would, and checks what Nghị định 30/2020/NĐ-CP asks of a plan and what the 2021 plan says.

Usage: /usr/bin/python3 tests/docx/check_plan.py PLAN.docx
Prints one line per failed check and exits 1, or prints "ok" and exits 0.
"""
import sys

import docx
from docx.shared import Mm

from package import Checks

path = sys.argv[1]
check = Checks()
check.start(path)  # every part is well-formed XML (Word refuses a document whose part is not)

d = docx.Document(path)
s = d.sections[0]
check(abs(s.page_width - Mm(210)) < Mm(1) and abs(s.page_height - Mm(297)) < Mm(1), "the page is not A4")
for side, want in (("top", 20), ("bottom", 20), ("left", 30), ("right", 20)):
    got = getattr(s, side + "_margin")
    check(abs(got - Mm(want)) < Mm(0.5), "the %s margin is %.1f mm, not %d" % (side, got.mm, want))
check(s.different_first_page_header_footer, "the first page is numbered (numbers start on page 2)")
header_xml = s.header._element.xml
check(" PAGE " in header_xml, "the header has no page number field")
check(not s.first_page_header.paragraphs or not "".join(p.text for p in s.first_page_header.paragraphs).strip(),
      "the first page has a header")

normal = d.styles["Normal"]
font = d.styles.element.xpath("//w:docDefaults//w:rFonts")[0]
check(font.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}ascii") == "Times New Roman",
      "the default font is not Times New Roman")
size = d.styles.element.xpath("//w:docDefaults//w:sz")[0]
check(size.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val") in ("26", "28"),
      "the body is not 13-14 pt")

paras = d.paragraphs
texts = [p.text for p in paras]
styles = [p.style.name for p in paras]
check(texts[0] == "KẾ HOẠCH" and styles[0] == "Title", "the document does not open with KẾ HOẠCH as its title")
check(styles[1] == "Subtitle" and texts[1].startswith("Thực hiện công tác giảm nghèo bền vững năm 2021"),
      "the title's subject is not under it")
headings1 = [t for t, st in zip(texts, styles) if st == "Heading 1"]
check(headings1 == ["I. MỤC TIÊU", "II. NHIỆM VỤ TRỌNG TÂM", "III. CÁC GIẢI PHÁP THỰC HIỆN", "IV. CHẾ ĐỘ BÁO CÁO",
                    "V. TỔ CHỨC THỰC HIỆN"], "the Heading 1 paragraphs are %r" % headings1)
check(sum(1 for st in styles if st == "Heading 2") >= 10, "too few Heading 2 paragraphs")
check(any("Tổng số hộ: 57 hộ, số khẩu được hỗ trợ 105 nhân khẩu." in t for t in texts),
      "the allowance's 57 households and 105 persons are missing")
check(any("5.723 triệu đồng" in t for t in texts), "the budget total 5.723 triệu đồng is missing")
body = [p for p, st in zip(paras, styles) if st == "Normal"]
check(all(p.paragraph_format.first_line_indent is None or p.paragraph_format.first_line_indent > 0 for p in body),
      "a body paragraph is not indented")
check(normal.paragraph_format.first_line_indent is not None and abs(normal.paragraph_format.first_line_indent - Mm(10)) < Mm(0.5),
      "body paragraphs are not indented 1 cm")
bullets = [p for p, st in zip(paras, styles) if st == "List Bullet"]
for p in bullets:
    check(p.text and not p.text.startswith("-"), "a list item types its own dash: %r" % p.text)

check(len(d.tables) == 2, "expected two tables (the letterhead and the signature), found %d" % len(d.tables))
if len(d.tables) == 2:
    head = d.tables[0].rows[0].cells
    check(head[0].text.startswith("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ LÀO CAI"), "the issuer is %r" % head[0].text)
    check("Số:" in head[0].text and "/KH-UBND" in head[0].text, "the number line is missing")
    number = [p.text for p in head[0].paragraphs if p.text.startswith("Số:")][0]
    check("   /KH-UBND" in number, "no room is left to write the number in: %r" % number)
    check(head[1].text.startswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"),
          "the national name and motto are %r" % head[1].text)
    dated = head[1].paragraphs[-1]
    check(dated.text.startswith("TP. Lào Cai, ngày ") and "tháng 4 năm 2021" in dated.text,
          "the date line is %r" % dated.text)
    check(all(r.italic for r in dated.runs if r.text.strip()), "the date line is not italic")
    rules = [p for c in head for p in c.paragraphs if p.style.name == "Rule"]
    check(len(rules) == 2, "the letterhead has %d rules, not 2" % len(rules))
    foot = d.tables[1].rows[0].cells
    check(foot[0].text.startswith("Nơi nhận:\n- TT Thành ủy, UBND TP;"), "Nơi nhận is %r" % foot[0].text[:60])
    check(foot[1].text.split("\n") == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Ngô Vũ Quốc"],
          "the signature block is %r" % foot[1].text)

check.done()
