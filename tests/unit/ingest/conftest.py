"""Small test files built in tmp_path: Vietnamese PDFs (fpdf2 + DejaVu), DOCX, HTML, legacy text."""
from __future__ import annotations

from pathlib import Path



FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

HEADER_LEFT = ["ỦY BAN NHÂN DÂN", "TỈNH THÁI NGUYÊN", "Số: 123/KH-UBND"]
HEADER_RIGHT = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                "Thái Nguyên, ngày 15 tháng 3 năm 2025"]
BODY = ("Giao Sở Thông tin và Truyền thông chủ trì, phối hợp với các sở, ban, ngành triển khai "
        "nền tảng chuyển đổi số, hoàn thành trước ngày 30/6/2025.")
TASK_ROWS = [["Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
             ["Xây dựng kho dữ liệu dùng chung", "Sở Thông tin và Truyền thông", "Các sở, ngành", "Quý II/2025"],
             ["Số hóa hồ sơ thủ tục hành chính", "Văn phòng UBND tỉnh", "UBND các huyện", "Năm 2025"]]


def write_pdf(path: Path, pages: int = 1, table: bool = False, encrypt: bool = False,
              rows: list[list] = TASK_ROWS, body: str = BODY) -> Path:
    """A Vietnamese plan with a two-column header drawn on the same baselines; with `table`, the
    ruled table of `rows` on page 1 (a cell given as (text, n) is merged down over n rows, the
    rows under it leave it out)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("DejaVu", fname=FONT)
    pdf.set_font("DejaVu", size=11)
    for number in range(pages):
        pdf.add_page()
        if number == 0:
            for left, right in zip(HEADER_LEFT, HEADER_RIGHT):
                y = pdf.get_y()
                pdf.set_xy(10, y)
                pdf.cell(70, 6, left, align="C")
                pdf.set_xy(85, y)
                pdf.cell(115, 6, right, align="C")
                pdf.ln(7)
            pdf.ln(6)
            pdf.set_font("DejaVu", size=13)
            pdf.cell(0, 8, "KẾ HOẠCH", align="C", new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("DejaVu", size=11)
            pdf.cell(0, 7, "Chuyển đổi số tỉnh Thái Nguyên năm 2025", align="C", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)
        pdf.multi_cell(0, 6, body + " Các cơ quan, đơn vị báo cáo kết quả thực hiện định kỳ hằng quý về Sở "
                       "Thông tin và Truyền thông để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.")
        if table and number == 0:
            pdf.ln(4)
            with pdf.table(col_widths=(60, 45, 40, 40)[:len(rows[0])], first_row_as_headings=False) as t:
                for row in rows:
                    r = t.row()
                    for cell in row:
                        text, span = cell if isinstance(cell, tuple) else (cell, 1)
                        r.cell(text, rowspan=span)
        pdf.set_y(-15)
        pdf.cell(0, 8, str(number + 1), align="C")
    if encrypt:
        pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.output(str(path))
    return path


def write_docx(path: Path) -> Path:
    """A DOCX with the header as a borderless 2-column table, a numbered list and a task table."""
    import docx

    document = docx.Document()
    header = document.add_table(rows=3, cols=2)
    for i, (left, right) in enumerate(zip(HEADER_LEFT, HEADER_RIGHT)):
        header.cell(i, 0).text = left
        header.cell(i, 1).text = right
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Chuyển đổi số tỉnh Thái Nguyên năm 2025")
    document.add_paragraph(BODY)
    document.add_paragraph("Rà soát hạ tầng mạng", style="List Number")
    tasks = document.add_table(rows=len(TASK_ROWS), cols=4)
    for i, row in enumerate(TASK_ROWS):
        for j, cell in enumerate(row):
            tasks.cell(i, j).text = cell
    signature = document.add_table(rows=3, cols=2)
    signature.cell(0, 0).text = "Nơi nhận:\n- Như trên;\n- Lưu: VT."
    signature.cell(0, 1).text = "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn Bình"
    document.save(str(path))
    return path
