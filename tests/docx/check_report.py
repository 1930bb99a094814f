"""check_report.py — reads the half-year report of the 2021 plan (kehoach progress ...
--as-of 2021-06-30: progress.docx) back with python-docx, as Word would, and its review
workbook (progress.xlsx) with openpyxl (Debian's python3-docx and python3-openpyxl): the
letterhead of a báo cáo, its title, the results as Word tables with their totals, Nơi nhận
and the signature; the review's sheet by commune with number cells and a total row.

Usage: /usr/bin/python3 tests/docx/check_report.py progress.docx progress.xlsx
Prints one line per failed check and exits 1, or prints "ok" and exits 0.
"""
import sys

import docx
import openpyxl
from docx.shared import Mm

from package import Checks

path, book = sys.argv[1], sys.argv[2]
check = Checks()
check.start(path)  # every part is well-formed XML (Word refuses a document whose part is not)

d = docx.Document(path)
s = d.sections[0]
check(abs(s.page_width - Mm(210)) < Mm(1), "the page is not A4")
check(abs(s.left_margin - Mm(30)) < Mm(0.5), "the left margin is not 30 mm")

# the letterhead: the issuer, the report's number, the date with the day blank
head = d.tables[0]
left, right = head.rows[0].cells[0].text, head.rows[0].cells[1].text
check("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ LÀO CAI" in left, "the issuer: %r" % left)
check("Số:          /BC-UBND" in left, "the number of a báo cáo: %r" % left)
check("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in right and "Độc lập - Tự do - Hạnh phúc" in right, "the motto")
check("TP. Lào Cai, ngày       tháng 6 năm 2021" in right, "the date line: %r" % right)

paras = [(p.style.name, p.text) for p in d.paragraphs]
texts = [t for _, t in paras]
check(("Title", "BÁO CÁO") in paras, "no BÁO CÁO in style Title")
check(any(st == "Subtitle" and t.startswith("Kết quả thực hiện Kế hoạch thực hiện công tác giảm nghèo bền vững năm 2021")
          and t.endswith("6 tháng đầu năm 2021") for st, t in paras), "the report's title")
headings = [t for st, t in paras if st == "Heading 1"]
check(headings == ["1. Kết quả giảm hộ nghèo so với chỉ tiêu", "2. Hộ nghèo mới, tái nghèo và hộ nghèo hiện nay",
                   "3. Các chương trình hỗ trợ theo thời gian kế hoạch",
                   "4. Kết quả rà soát hộ nghèo, hộ cận nghèo năm 2020"], "the headings: %r" % headings)
check(any("Đến ngày 30/6/2021 có 12 hộ thoát nghèo, đạt 13,33% chỉ tiêu năm (90 hộ)." in t for t in texts),
      "the headline of the target")
check(any("theo chuẩn nghèo tiếp cận đa chiều áp dụng cho giai đoạn 2016 - 2020." in t for t in texts),
      "the standard by its title")
check(not any("vn-2016" in t or "Báo cáo tiếp theo" in t for t in texts), "code names or the office's reminders")
check(any(t.startswith("Trên đây là báo cáo kết quả thực hiện") for t in texts), "the closing sentence")

# the results as Word tables: the header row repeated on each page, totals bold
figures = [t for t in d.tables[1:-1]]
check(len(figures) >= 5, "%d tables of figures" % len(figures))
by_commune = [t for t in figures if t.rows[0].cells[0].text == "Xã, phường" and t.rows[0].cells[1].text == "Chỉ tiêu năm"]
check(len(by_commune) == 1, "the target by commune as a table")
if by_commune:
    t = by_commune[0]
    last = [c.text for c in t.rows[-1].cells]
    check(last[:4] == ["Cộng", "90", "13", "12"], "the target's total row: %r" % last)
    check(t.rows[-1].cells[0].paragraphs[0].runs[0].bold, "the total row is not bold")
    check(t.rows[0]._tr.trPr is not None and t.rows[0]._tr.trPr.find(docx.oxml.ns.qn("w:tblHeader")) is not None,
          "the header row does not repeat on each page")
review = figures[-1]
check([c.text for c in review.rows[0].cells][:3] == ["Xã, phường", "Tổng số hộ", "Hộ nghèo"], "the review's header")
check(review.rows[-1].cells[0].text == "Toàn thành phố Lào Cai", "the review's total row")

# Nơi nhận and the signature
foot = d.tables[-1].rows[0].cells
check(foot[0].text.startswith("Nơi nhận:"), "Nơi nhận")
check(foot[1].text.strip().endswith("Ngô Vũ Quốc"), "the signer")

# the workbook: one sheet, the communes as number cells, the city's total
wb = openpyxl.load_workbook(book)
check(wb.sheetnames == ["Kết quả rà soát"], "the sheets: %r" % wb.sheetnames)
ws = wb["Kết quả rà soát"]
header = [c.value for c in ws[4]]
check(header[:6] == ["Xã, phường", "Tổng số hộ", "Hộ nghèo", "Tỷ lệ hộ nghèo (%)", "Hộ cận nghèo",
                     "Tỷ lệ hộ cận nghèo (%)"], "the sheet's header: %r" % header[:6])
check("Hộ nghèo dân tộc thiểu số" in header and "Hộ nghèo không có khả năng thoát nghèo" in header,
      "the ethnic-minority and unable-to-escape columns")
rows = list(ws.iter_rows(min_row=5, values_only=True))
check(len(rows) == 18, "17 communes and the total: %d rows" % len(rows))
total = rows[-1]
check(total[0] == "Toàn thành phố Lào Cai", "the total row: %r" % (total[0],))
check(all(isinstance(v, (int, float)) for v in total[1:]), "the figures are number cells")
check(total[1] == sum(r[1] for r in rows[:-1]) and total[2] == sum(r[2] for r in rows[:-1]), "the total adds up")
check(total[2] == 225, "225 poor households at the 2020 review: %r" % (total[2],))
check(ws.cell(row=5 + len(rows) - 1, column=4).number_format == "0.00", "a rate's format")
check(ws.freeze_panes == "B5", "the header is frozen: %r" % ws.freeze_panes)

check.done()
