"""E-signed PDFs whose number and day were stamped into the template's blanks: the stamp is a
second text layer drawn over the blank in another font, so the text stream interleaves
("Số: /2024/QĐ-UBND ... 70 30"); the header reads them where they stand."""
import datetime as dt

from theodoi.ingest import parse_file

from .conftest import FONT

BOLD = FONT.replace("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
NUMBER_BLANK = "Số:        /2024/QĐ-UBND"
DATE_BLANK = "Bắc Kạn, ngày       tháng 12 năm 2024"


def write_stamped(path, number: str | None, day: str | None):
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("DejaVu", fname=FONT)
    pdf.add_font("DejaVuB", fname=BOLD)
    pdf.set_font("DejaVu", size=12)
    pdf.add_page()
    rows = [("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), ("TỈNH BẮC KẠN", "Độc lập - Tự do - Hạnh phúc"),
            (NUMBER_BLANK, DATE_BLANK)]
    for k, (left, right) in enumerate(rows):
        pdf.set_xy(10, 15 + 8 * k)
        pdf.cell(75, 7, left, align="C")
        pdf.set_xy(88, 15 + 8 * k)
        pdf.cell(112, 7, right, align="C")
    pdf.set_xy(10, 50)
    pdf.cell(190, 8, "QUYẾT ĐỊNH", align="C")
    pdf.set_xy(10, 58)
    pdf.cell(190, 7, "Về việc ban hành quy chế số hóa hồ sơ", align="C")
    pdf.set_xy(20, 75)
    pdf.multi_cell(170, 7, "Điều 1. Giao Sở Nội vụ chủ trì số hóa hồ sơ lưu trữ của tỉnh, hoàn thành trước ngày "
                           "30/6/2025. Điều 2. Quyết định có hiệu lực kể từ ngày ký.")
    # the stamp, drawn after the page in another font, over the blanks
    for text, (cell_x, cell_w, template, before) in ((number, (10, 75, NUMBER_BLANK, "Số: ")),
                                                     (day, (88, 112, DATE_BLANK, "Bắc Kạn, ngày "))):
        if text is None:
            continue
        pdf.set_font("DejaVu", size=12)
        start = cell_x + (cell_w - pdf.get_string_width(template)) / 2 + pdf.get_string_width(before)
        pdf.set_font("DejaVuB", size=12)
        pdf.set_xy(start + 1, 31)
        pdf.cell(0, 7, text)
    pdf.output(str(path))
    return path


def test_stamped_number_and_day_are_read_in_place(tmp_path):
    parsed = parse_file(write_stamped(tmp_path / "signed.pdf", "70", "30"))
    h = parsed.header
    assert (h.number, h.date, h.place) == ("70/2024/QĐ-UBND", dt.date(2024, 12, 30), "Bắc Kạn")
    assert h.issuer == "Ủy ban nhân dân tỉnh Bắc Kạn" and h.kind == "Quyết định"
    assert "Số: 70 /2024/QĐ-UBND" in parsed.text and "ngày 30 tháng 12 năm 2024" in parsed.text


def test_unstamped_template_has_no_number_and_no_date(tmp_path):
    h = parse_file(write_stamped(tmp_path / "draft.pdf", None, None)).header
    assert h.number is None and h.date is None and h.kind == "Quyết định"


def test_a_recipient_line_reaching_the_middle_stays_out_of_the_signature(tmp_path):
    """A long recipient line whose last word passes 40% of the page's width is still the left
    column: the signature column starts where a run stands apart from what precedes it."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("DejaVu", fname=FONT)
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    pdf.set_xy(20, 20)
    pdf.multi_cell(170, 6, "QUYẾT ĐỊNH có hiệu lực kể từ ngày ký. Giám đốc các sở chịu trách nhiệm thi hành./.")
    left = ["Nơi nhận:", "- Văn phòng Chính phủ;", "- Các sở, ban, ngành, đơn vị thuộc thành phố", "- Lưu: VT."]
    right = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Trần Văn Bình"]
    for k in range(5):
        if k < len(left):
            pdf.set_xy(20, 50 + 6 * k)
            pdf.cell(0, 6, left[k])
        if k == 2:  # the line's last word set apart by the typesetter, past 40% of the width
            pdf.set_xy(21 + pdf.get_string_width(left[k]), 50 + 6 * k)
            pdf.cell(0, 6, "TP;")
        pdf.set_xy(120, 50 + 6 * k)
        pdf.cell(80, 6, right[k], align="C")
    pdf.output(str(tmp_path / "end.pdf"))
    h = parse_file(tmp_path / "end.pdf").header
    assert (h.signer_authority, h.signer_title, h.signer) == ("TM.", "PHÓ CHỦ TỊCH", "Trần Văn Bình")
