import pytest
from PIL import Image, ImageDraw, ImageFont

from theodoi.domain import IngestError
from theodoi.ingest import parse_file

from .conftest import FONT

LINES = ["ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN", "Số: 123/KH-UBND", "KẾ HOẠCH",
         "Giao Sở Tài chính chủ trì thực hiện nhiệm vụ trước ngày 30/6/2025."]


def render(path, lines=LINES):
    image = Image.new("RGB", (2480, 900), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 48)
    for i, line in enumerate(lines):
        draw.text((120, 100 + i * 110), line, fill="black", font=font)
    image.save(path, dpi=(300, 300))
    return path


@pytest.mark.ocr
def test_image_is_read_by_tesseract(tmp_path, settings):
    doc = parse_file(render(tmp_path / "trang.png"), settings)
    assert doc.parser == "image_ocr/1"
    assert "Giao Sở Tài chính chủ trì thực hiện nhiệm vụ" in doc.text
    assert doc.header.number == "123/KH-UBND"


@pytest.mark.ocr
def test_scanned_pdf_page_is_ocrd(tmp_path, settings):
    image = Image.open(render(tmp_path / "trang.png"))
    pdf_path = tmp_path / "scan.pdf"
    image.save(pdf_path, resolution=300)
    doc = parse_file(pdf_path, settings)
    assert "Tài chính" in doc.text and doc.pages == 1


def test_image_with_ocr_off(tmp_path, settings):
    with pytest.raises(IngestError) as err:
        parse_file(render(tmp_path / "tat.png"), settings.with_(ocr_mode="off"))
    assert err.value.code == "ocr_unavailable" and "tat.png" in str(err.value)


@pytest.mark.ocr
def test_missing_language_model(tmp_path, settings):
    with pytest.raises(IngestError) as err:
        parse_file(render(tmp_path / "x.png"), settings.with_(ocr_languages="xyz"))
    assert err.value.code == "ocr_unavailable" and "xyz" in str(err.value)
