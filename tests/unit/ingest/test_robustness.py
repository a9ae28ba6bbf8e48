"""Bad and extreme files: a huge PDF, a truncated DOCX."""
from __future__ import annotations

import pytest

from theodoi.domain import IngestError
from theodoi.ingest import parse_file

from .conftest import FONT, write_docx

PAGES = 1200
LINES = ["các sở, ban, ngành báo cáo kết quả thực hiện nhiệm vụ.", "Sở Tài chính bố trí kinh phí thực hiện.",
         "Ủy ban nhân dân các huyện kiểm tra, đôn đốc.", "Văn phòng tổng hợp, báo cáo định kỳ hằng quý.",
         "Sở Nội vụ hướng dẫn việc đánh giá, xếp loại.", "Các đơn vị rà soát thủ tục hành chính."]


@pytest.fixture(scope="module")
def huge_pdf(tmp_path_factory):
    """1,200 pages, one short Vietnamese line each (fpdf2, about a second)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", fname=FONT)
    pdf.set_font("DejaVu", size=11)
    for number in range(PAGES):
        pdf.add_page()
        pdf.cell(0, 8, f"Mục {number + 1}: {LINES[number % len(LINES)]}")
    path = tmp_path_factory.mktemp("huge") / "rat-dai.pdf"
    pdf.output(str(path))
    return path


def test_huge_pdf_refused_under_a_lower_page_limit(huge_pdf, settings):
    with pytest.raises(IngestError) as err:
        parse_file(huge_pdf, settings.with_(max_pages=1000))
    assert err.value.code == "too_large" and "rat-dai.pdf" in str(err.value) and "1200" in str(err.value)


def test_huge_pdf_read_under_the_default_limit(huge_pdf, settings):
    doc = parse_file(huge_pdf, settings)
    assert doc.pages == PAGES and "báo cáo kết quả thực hiện nhiệm vụ" in doc.text
    assert f"Mục {PAGES}: {LINES[(PAGES - 1) % len(LINES)]}" in doc.text


def test_truncated_docx(tmp_path, settings):
    whole = write_docx(tmp_path / "du.docx").read_bytes()
    cut = tmp_path / "cut.docx"
    cut.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(IngestError) as err:
        parse_file(cut, settings)
    assert err.value.code == "corrupt_file" and "cut.docx" in str(err.value)
