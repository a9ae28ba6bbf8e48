"""Two-column plain text, Party title blocks, titles that end at the body, issuers on two lines,
and the PDF signature block and ruled tables read through pdfium."""
from __future__ import annotations

from pathlib import Path

from theodoi.ingest import parse_file, parse_header
from theodoi.ingest.layout import join_wrapped_lines, split_side_by_side

from .conftest import FONT

TYPED = """\
UBND TỈNH LONG AN                           CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ NỘI VỤ                                   Độc lập - Tự do - Hạnh phúc
Số: 215/BC-SNV                              Long An, ngày 10 tháng 12 năm 2021

                                        BÁO CÁO
Kết quả thực hiện Chỉ thị số 08/CT-UBND về kỷ cương hành chính
Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Long An.
Sở Nội vụ báo cáo kết quả như sau:
1. Các cơ quan đã tổ chức quán triệt Chỉ thị.
Nơi nhận:                                   GIÁM ĐỐC
- Như trên;
- Lưu: VT, CCHC.                            Lê Thị Hồng Nhung
"""


def test_typed_columns_are_read_left_column_first():
    lines = split_side_by_side(TYPED.splitlines())
    assert lines[:6] == ["UBND TỈNH LONG AN", "SỞ NỘI VỤ", "Số: 215/BC-SNV", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                         "Độc lập - Tự do - Hạnh phúc", "Long An, ngày 10 tháng 12 năm 2021"]
    assert lines[-5:] == ["Nơi nhận:", "- Như trên;", "- Lưu: VT, CCHC.", "GIÁM ĐỐC", "Lê Thị Hồng Nhung"]


def test_typed_table_without_header_cues_stays_as_typed():
    table = ["Chỉ tiêu                 Năm 2020", "Tỷ lệ hồ sơ đúng hạn     97,6%",
             "STT    Nhiệm vụ    Thời hạn"]
    assert split_side_by_side(table) == table


def test_plain_text_file_in_two_columns(tmp_path: Path, settings):
    path = tmp_path / "bao-cao.txt"
    path.write_text(TYPED, encoding="utf-8")
    doc = parse_file(path, settings)
    h = doc.header
    assert h.issuer == "Sở Nội vụ tỉnh Long An" and h.parent_issuer == "Ủy ban nhân dân tỉnh Long An"
    assert h.number == "215/BC-SNV" and h.place == "Long An" and h.date.isoformat() == "2021-12-10"
    assert h.title == "Kết quả thực hiện Chỉ thị số 08/CT-UBND về kỷ cương hành chính"
    assert h.signer == "Lê Thị Hồng Nhung" and h.signer_title == "GIÁM ĐỐC"
    assert "SỞ NỘI VỤ Độc lập" not in doc.text
    for block in doc.blocks:
        assert doc.text[block.start:block.end] == block.text


def test_party_resolution_issued_by_the_body_after_cua():
    text = ("TỈNH ỦY THÁI NGUYÊN\n*\nSố 15-NQ/TU\nĐẢNG CỘNG SẢN VIỆT NAM\nThái Nguyên, ngày 28 tháng 12 năm 2020\n"
            "NGHỊ QUYẾT\ncủa Ban Chấp hành Đảng bộ tỉnh\nvề chuyển đổi số tỉnh Thái Nguyên giai đoạn 2021 - 2025\n"
            "I- TÌNH HÌNH VÀ NGUYÊN NHÂN\nThực hiện Nghị quyết số 52-NQ/TW, các cấp ủy đã quan tâm.")
    h = parse_header(text)
    assert h.kind == "Nghị quyết" and h.number == "15-NQ/TU"
    assert h.issuer == "Ban Chấp hành Đảng bộ tỉnh Thái Nguyên" and h.parent_issuer == "Tỉnh ủy Thái Nguyên"
    assert h.title == "về chuyển đổi số tỉnh Thái Nguyên giai đoạn 2021 - 2025"


def test_party_directive_of_the_standing_board_on_one_line():
    text = ("TỈNH ỦY QUẢNG NINH\n*\nSố 05-CT/TU\nĐẢNG CỘNG SẢN VIỆT NAM\nQuảng Ninh, ngày 15 tháng 7 năm 2021\n"
            "CHỈ THỊ\ncủa Ban Thường vụ Tỉnh ủy về đẩy mạnh học tập và làm theo Bác\n"
            "Sau 5 năm thực hiện Chỉ thị số 05-CT/TW, việc học tập đã trở thành thường xuyên.")
    h = parse_header(text)
    assert h.issuer == "Ban Thường vụ Tỉnh ủy Quảng Ninh" and h.parent_issuer == "Tỉnh ủy Quảng Ninh"
    assert h.title == "về đẩy mạnh học tập và làm theo Bác"


def test_title_ends_before_kinh_gui_and_the_body():
    assert join_wrapped_lines(["Kết quả thực hiện Kế hoạch số 45/KH-UBND về chuyển đổi số",
                               "Kính gửi: Ban Thường vụ Tỉnh ủy."], full_width=40) == [
        "Kết quả thực hiện Kế hoạch số 45/KH-UBND về chuyển đổi số", "Kính gửi: Ban Thường vụ Tỉnh ủy."]
    assert join_wrapped_lines(["CHỈ THỊ", "của Ban Thường vụ Tỉnh ủy"]) == ["CHỈ THỊ", "của Ban Thường vụ Tỉnh ủy"]
    text = ("VĂN PHÒNG CHÍNH PHỦ\nSố: 428/TB-VPCP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Hà Nội, ngày 26 tháng 8 năm 2022\nTHÔNG BÁO\nKết luận của Phó Thủ tướng tại cuộc họp về giải ngân\n"
            "Ngày 19 tháng 8 năm 2022, Phó Thủ tướng chủ trì cuộc họp.")
    h = parse_header(text)
    # the kind "Thông báo kết luận" takes its words from the title line, which keeps the rest
    assert h.kind == "Thông báo kết luận" and h.title == "của Phó Thủ tướng tại cuộc họp về giải ngân"


def test_issuers_printed_on_two_lines_either_way():
    tail = "\nSố: 86-BC/BTGTU\nĐẢNG CỘNG SẢN VIỆT NAM\nQuảng Ninh, ngày 20 tháng 12 năm 2023\nBÁO CÁO\nsơ kết 2 năm"
    for head in ("TỈNH ỦY QUẢNG NINH\nBAN TUYÊN GIÁO", "BAN TUYÊN GIÁO\nTỈNH ỦY QUẢNG NINH"):
        assert parse_header(head + tail).issuer == "Ban Tuyên giáo Tỉnh ủy Quảng Ninh"
    tail = "\nSố: 185/TB-VPUBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nLào Cai, ngày 14 tháng 6 năm 2024\nTHÔNG BÁO\nKết luận"
    for head in ("UBND TỈNH LÀO CAI\nVĂN PHÒNG", "VĂN PHÒNG\nUBND TỈNH LÀO CAI"):
        assert parse_header(head + tail).issuer == "Văn phòng Ủy ban nhân dân tỉnh Lào Cai"


def test_task_table_below_the_title_is_not_the_issuer():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "KẾ HOẠCH\nPhát triển thương mại điện tử\nI. NHIỆM VỤ\nSTT | Nhiệm vụ | Cơ quan chủ trì | Thời hạn\n"
            "1 | Xây dựng sàn thương mại điện tử | Sở Công Thương | Quý IV/2022")
    h = parse_header(text)
    assert h.issuer == "Ủy ban nhân dân tỉnh Nghệ An" and h.title == "Phát triển thương mại điện tử"


def test_action_programme_title_on_one_or_two_lines():
    tail = "\nThực hiện Nghị quyết số 01/NQ-CP ngày 08/01/2022 của Chính phủ\nNăm 2021, tỉnh đã hoàn thành các chỉ tiêu."
    head = ("ỦY BAN NHÂN DÂN\nTỈNH BÌNH DƯƠNG\nSố: 07/CTr-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Bình Dương, ngày 25 tháng 02 năm 2022\n")
    for kind_lines in ("CHƯƠNG TRÌNH HÀNH ĐỘNG", "CHƯƠNG TRÌNH\nHÀNH ĐỘNG"):
        h = parse_header(head + kind_lines + tail)
        assert h.kind == "Chương trình"
        assert h.title == "Thực hiện Nghị quyết số 01/NQ-CP ngày 08/01/2022 của Chính phủ"


def _party_pdf(path: Path) -> Path:
    """A Party directive: header columns, centred title block, a ruled task table, then the
    recipients and the signature side by side on the same baselines."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", fname=FONT)
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()

    def row(left: str, right: str, left_width: float = 70) -> None:
        y = pdf.get_y()
        pdf.set_xy(10, y)
        pdf.cell(left_width, 6, left, align="C" if left_width == 70 else "L")
        pdf.set_xy(110, y)
        pdf.cell(90, 6, right, align="C")
        pdf.ln(7)

    for left, right in [("TỈNH ỦY QUẢNG NINH", "ĐẢNG CỘNG SẢN VIỆT NAM"), ("*", ""),
                        ("Số 05-CT/TU", "Quảng Ninh, ngày 15 tháng 7 năm 2021")]:
        row(left, right)
    pdf.ln(4)
    for line in ("CHỈ THỊ", "của Ban Thường vụ Tỉnh ủy", "về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, "
                 "phong cách Hồ Chí Minh giai đoạn 2021 - 2025"):
        pdf.multi_cell(0, 7, line, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 6, "Sau 5 năm thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị, việc học tập và "
                   "làm theo Bác đã trở thành việc làm thường xuyên của các cấp ủy, tổ chức đảng.",
                   new_x="LMARGIN", new_y="NEXT")
    with pdf.table(col_widths=(20, 100, 70), first_row_as_headings=False) as table:
        for cells in (["STT", "Nhiệm vụ", "Chủ trì"], ["1", "Học tập chuyên đề toàn khóa", "Ban Tuyên giáo Tỉnh ủy"]):
            r = table.row()
            for cell in cells:
                r.cell(cell)
    pdf.ln(6)
    for left, right in [("Nơi nhận:", "T/M BAN THƯỜNG VỤ"), ("- Ban Tuyên giáo Trung ương (b/c),",
                                                                 "PHÓ BÍ THƯ THƯỜNG TRỰC"),
                        ("- Lưu Văn phòng Tỉnh ủy.", "Đỗ Thị Hạnh")]:
        row(left, right, left_width=90)
    pdf.output(str(path))
    return path


def test_pdf_party_title_table_and_signature_block(tmp_path: Path, settings):
    doc = parse_file(_party_pdf(tmp_path / "chi-thi.pdf"), settings)
    h = doc.header
    assert h.kind == "Chỉ thị" and h.number == "05-CT/TU" and h.place == "Quảng Ninh"
    assert h.issuer == "Ban Thường vụ Tỉnh ủy Quảng Ninh"
    assert h.title == "về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh giai đoạn 2021 - 2025"
    assert h.signer == "Đỗ Thị Hạnh" and h.signer_authority == "T/M"
    assert h.recipients == ["Ban Tuyên giáo Trung ương (b/c)", "Lưu Văn phòng Tỉnh ủy"]
    tables = [b for b in doc.blocks if b.kind == "table"]
    assert [b.rows for b in tables] == [[["STT", "Nhiệm vụ", "Chủ trì"],
                                         ["1", "Học tập chuyên đề toàn khóa", "Ban Tuyên giáo Tỉnh ủy"]]]
    assert "Sau 5 năm thực hiện" in doc.text and "trở thành việc làm thường xuyên" in doc.text
    for block in doc.blocks:
        assert doc.text[block.start:block.end] == block.text


def test_a_title_line_set_to_the_full_measure_counts_when_a_centred_line_follows():
    from theodoi.ingest.layout import title_line_count

    # points, read off a PDF: the body runs from 74 to 541
    title_wraps = [(76, 538), (264, 351), (75, 541), (74, 121)]
    assert title_line_count(title_wraps, 74, 541, min_inset=3) == 2
    assert title_line_count([(240, 376), (75, 541), (74, 541)], 74, 541, min_inset=3) == 1  # then body
    assert title_line_count([None, (264, 351)], 74, 541, min_inset=3) == 0


def test_a_wrapped_title_whose_last_line_is_a_document_symbol_is_joined():
    from theodoi.ingest.layout import join_title_lines

    # bench/bench_formats.py, hd-03 as PDF: "30/2020/NĐ-CP" alone on the second line was read as a new upper-case line
    assert join_title_lines(["HƯỚNG DẪN", "Thể thức và kỹ thuật trình bày văn bản hành chính theo Nghị định số",
                             "30/2020/NĐ-CP"]) == [
        "HƯỚNG DẪN", "Thể thức và kỹ thuật trình bày văn bản hành chính theo Nghị định số 30/2020/NĐ-CP"]
    assert join_title_lines(["NGHỊ QUYẾT", "về chuyển đổi số", "CHƯƠNG TRÌNH HÀNH ĐỘNG"]) == [
        "NGHỊ QUYẾT", "về chuyển đổi số", "CHƯƠNG TRÌNH HÀNH ĐỘNG"]
