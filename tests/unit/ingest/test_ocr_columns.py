"""Scanned pages: header and signature columns split from tesseract's word boxes; OCR checks."""
from __future__ import annotations

import datetime as dt

import pytest
from PIL import Image, ImageDraw, ImageFont

from theodoi.domain import Header
from theodoi.ingest import parse_file
from theodoi.ingest.ocr_checks import check_header, fix_confusions
from theodoi.ingest.parsers.doc import _unzip_signature

from .conftest import FONT, HEADER_LEFT, HEADER_RIGHT

BODY = ["Giao Sở Tài chính chủ trì, phối hợp với các sở, ngành thực hiện", "nhiệm vụ trước ngày 30/6/2025."]
SIGNATURE = [("Nơi nhận:", "TM. ỦY BAN NHÂN DÂN"), ("- Như trên;", "CHỦ TỊCH"), ("- Lưu: VT.", ""),
             ("", "Nguyễn Văn Bình")]


def render_scan(path):
    """A page with both header columns on the same baselines, as a scanner sees it."""
    image = Image.new("RGB", (2480, 2200), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 40)
    y = 120
    for left, right in zip(HEADER_LEFT, HEADER_RIGHT):
        draw.text((150, y), left, fill="black", font=font)
        draw.text((1000, y), right, fill="black", font=font)
        y += 90
    draw.text((1050, y + 80), "KẾ HOẠCH", fill="black", font=ImageFont.truetype(FONT, 52))
    y += 260
    for line in BODY:
        draw.text((150, y), line, fill="black", font=font)
        y += 80
    y += 80
    for left, right in SIGNATURE:
        draw.text((150, y), left, fill="black", font=font)
        draw.text((1400, y), right, fill="black", font=font)
        y += 80
    image.save(path, dpi=(300, 300))
    return path


@pytest.mark.ocr
def test_scanned_header_and_signature_columns(tmp_path, settings):
    doc = parse_file(render_scan(tmp_path / "scan.png"), settings)
    h = doc.header
    assert (h.kind, h.number, h.issuer) == ("Kế hoạch", "123/KH-UBND", "Ủy ban nhân dân tỉnh Thái Nguyên")
    assert (h.place, h.date) == ("Thái Nguyên", dt.date(2025, 3, 15))
    assert (h.signer_authority, h.signer) == ("TM.", "Nguyễn Văn Bình")
    lines = doc.text.split("\n")
    assert lines.index("TỈNH THÁI NGUYÊN") < lines.index("Số: 123/KH-UBND") < lines.index(
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert h.recipients == ["Như trên", "Lưu: VT"]


def test_digits_read_as_letters_are_fixed():
    assert fix_confusions("2O15") == "2015"
    assert fix_confusions("l23/KH-UBND") == "123/KH-UBND"
    assert fix_confusions("29/2O15/QĐ-UBND") == "29/2015/QĐ-UBND"
    assert fix_confusions("B2") == "B2" and fix_confusions("IO") == "IO" and fix_confusions("Số:") == "Số:"


def test_ocr_header_checks():
    header = Header(number="29/2015/QĐ-UBND", date=dt.date(2016, 3, 2), issuer="Ủy ban nhân dân tỉnh Phù Thọ",
                    place="Phú Thọ")
    warnings = check_header(header, "Số: 29/2015/QĐ-UBND\nPhú Thọ, ngày 2 tháng 3 năm 2016")
    assert any("disagrees with the year" in w for w in warnings)
    assert header.issuer == "Ủy ban nhân dân tỉnh Phú Thọ"
    garbled = Header(number="/74,/UBND-")
    warnings = check_header(garbled, "Số: /74,/UBND-\nPhú Thọ, ngày tháng 12 năm 2011")
    assert garbled.number is None and len(warnings) == 2
    future = Header(date=dt.date(2031, 1, 1))
    assert check_header(future, "", today=dt.date(2025, 1, 1)) and future.date is None
    impossible = Header()
    assert any("cannot be read" in w for w in check_header(impossible, "Hà Nội, ngày 31 tháng 2 năm 2020"))


def test_doc_signature_beside_recipients_is_unzipped():
    lines = ["Giao các sở thực hiện./.", "", "Nơi nhận:\tTM. ỦY BAN NHÂN DÂN", "- Bộ Tư pháp;\tKT.CHỦ TỊCH",
             "- Lưu: VT.\tPHÓ CHỦ TỊCH", "", "                              Nguyễn Văn Hiệp"]
    assert _unzip_signature(lines) == ["Giao các sở thực hiện./.", "", "Nơi nhận:", "- Bộ Tư pháp;", "- Lưu: VT.",
                                       "", "TM. ỦY BAN NHÂN DÂN", "KT.CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Hiệp"]


def test_a_date_line_starting_left_of_the_motto_stays_in_the_right_column():
    from theodoi.ingest.ocr import OcrWord, _two_columns

    def words(*spec, line):
        return [OcrWord(text, left, 300, right, 340, 95, line) for text, left, right in spec]

    motto = words(("ĐẢNG", 1210, 1330), ("CỘNG", 1345, 1480), ("SẢN", 1495, 1590), line=(1, 1, 1))
    number_and_date = words(("Số", 290, 340), ("15-NQ/TU", 355, 545), ("Thái", 1116, 1200), ("Nguyên,", 1212, 1380),
                            ("ngày", 1392, 1480), line=(1, 1, 2))
    issuer = words(("TỈNH", 300, 400), ("ỦY", 415, 480), line=(1, 1, 3))
    assert _two_columns([motto, number_and_date, issuer], split=1185, width=2480) == [
        "Số 15-NQ/TU", "TỈNH ỦY", "ĐẢNG CỘNG SẢN", "Thái Nguyên, ngày"]


@pytest.mark.parametrize("number, good", [
    ("123/KH-UBND", True), ("29/2015/QĐ-UBND", True), ("15-NQ/TU", True), ("07/CTr-UBND", True),
    ("12/TTr-SNV", True), ("07-CTr/TU", True), ("/74,/UBND-", False), ("123/kh-ubnd", False), ("KH-UBND", False),
])
def test_well_formed_numbers_take_mixed_case_symbols(number, good):
    from theodoi.ingest.ocr_checks import well_formed_number

    assert well_formed_number(number) is good


def test_the_centred_title_under_the_kind_line_is_read_whole():
    from theodoi.ingest.ocr import OcrWord, _kind_and_title

    def line(text, left, right, n):
        parts = text.split()
        step = (right - left) / len(parts)
        return [OcrWord(p, int(left + i * step), 100 * n, int(left + (i + 1) * step) - 10, 100 * n + 40, 95, (1, n, 1))
                for i, p in enumerate(parts)]

    lines = [line("KẾT LUẬN", 1149, 1396, 1),
             line("về triển khai thực hiện Kết luận số 127-KL/TW của Bộ Chính trị, Ban Bí", 316, 2233, 2),
             line("về sắp xếp đơn vị hành chính", 898, 1648, 3),
             line("Tại hội nghị ngày 12/3/2025, sau khi nghe Ban cán sự đảng báo cáo", 299, 2247, 4),
             line("phương án sắp xếp đơn vị hành chính cấp xã và ý kiến thảo luận", 302, 2247, 5)]
    assert _kind_and_title(lines, 2480) == 3
    assert _kind_and_title(lines[1:], 2480) == 0  # no kind line, no title


def test_a_misread_kind_line_does_not_pull_the_body_into_the_header():
    from theodoi.ingest.ocr import OcrPage, OcrWord, split_columns

    def line(n, *runs):  # runs of (left, right, text) on tesseract line n
        words = []
        for left, right, text in runs:
            parts = text.split()
            step = (right - left) / len(parts)
            words += [OcrWord(p, int(left + i * step), 100 * n, int(left + (i + 1) * step) - 10, 100 * n + 40, 95,
                              (1, n, 1)) for i, p in enumerate(parts)]
        return words

    # bench/bench_formats.py, ct-08 scanned as PNG: "CHỈ THỊ" read "CHÍI THỊ", and the last line holding
    # "số" or "ngày ... năm" in the top half of the page (the body's third line) ended the header
    lines = [line(1, (497, 900, "UỶ BAN NHÂN DÂN"), (1227, 2141, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")),
             line(2, (547, 920, "Số: 08/CT-UBND"), (1385, 2049, "Long An, ngày 05 tháng 4 năm 2021")),
             line(3, (1184, 1370, "CHÍI THỊ")),
             line(4, (303, 2252, "Thời gian qua, việc thực hiện cơ chế một cửa theo Nghị định số")),
             line(5, (307, 2251, "61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ đã có chuyển biến; năm 2020 tỷ lệ")),
             line(6, (308, 2250, "hồ sơ đúng hạn đạt 97,6%; một số cán bộ, công chức chưa hoà nhã"))]
    page = OcrPage([], 95.0, [w for ws in lines for w in ws], 2481, 3508)
    header, body = split_columns(page)
    assert header == ["UỶ BAN NHÂN DÂN", "Số: 08/CT-UBND", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                      "Long An, ngày 05 tháng 4 năm 2021"]
    assert [text for text in body if text][:2] == ["CHÍI THỊ", "Thời gian qua, việc thực hiện cơ chế một cửa theo "
                                                               "Nghị định số"]
