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


@pytest.mark.ocr
def test_image_lines_wrapped_at_the_full_measure_are_joined(tmp_path, settings):
    # bench/bench_formats.py, bc-145 scanned as PNG: "... Đảng bộ tỉnh khóa" / "XIX (sau đây ...)" stayed two
    # paragraphs (the PDF path joins a line that follows one set to the full measure)
    lines = ["Thực hiện Nghị quyết số 05-NQ/TU ngày 10/11/2021 của Ban Chấp hành Đảng bộ tỉnh khóa",
             "XIX (sau đây gọi tắt là Nghị quyết), Ban cán sự đảng UBND tỉnh báo cáo sơ kết như sau:",
             "1. Các cấp ủy đã tổ chức quán triệt, triển khai thực hiện Nghị quyết đến cán bộ, đảng viên,",
             "người dân và doanh nghiệp; ban hành các chương trình, kế hoạch thực hiện cụ thể.",
             "2. Hạ tầng du lịch được đầu tư; các sản phẩm du lịch cộng đồng được hình thành ở",
             "Hương Khê, Vũ Quang, Hương Sơn; lượng khách năm 2023 tăng 20% so với năm 2021."]
    image = Image.new("RGB", (2480, 1300), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 40)
    for y, left, right in ((100, "BAN CÁN SỰ ĐẢNG UBND TỈNH", "ĐẢNG CỘNG SẢN VIỆT NAM"),
                           (170, "Số 145-BC/BCSĐ", "Hà Tĩnh, ngày 18 tháng 10 năm 2023")):
        draw.text((200, y), left, fill="black", font=font)
        draw.text((1300, y), right, fill="black", font=font)
    draw.text((1100, 300), "BÁO CÁO", fill="black", font=font)
    for i, line in enumerate(lines):  # justified: the space between words stretched to the full measure
        words = line.split()
        gap = (2200 - sum(font.getlength(w) for w in words)) / (len(words) - 1)
        x = 140.0
        for word in words:
            draw.text((x, 420 + i * 70), word, fill="black", font=font)
            x += font.getlength(word) + gap
    path = tmp_path / "trang.png"
    image.save(path, dpi=(300, 300))
    paragraphs = parse_file(path, settings).text.split("\n")
    body = paragraphs[paragraphs.index("BÁO CÁO") + 1:]
    assert len(body) == 3, paragraphs
    assert "khóa XIX (sau đây" in body[0] and body[1].startswith("1. Các cấp ủy")
