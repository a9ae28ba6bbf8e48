import math

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFont

from theodoi.ingest import parse_file
from theodoi.ingest.ocr import OcrWord, _merge_reread, _paragraph_lines
from theodoi.ingest.seals import red_ink_box, without_red_ink

from .conftest import FONT

BOLD = FONT.replace("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
SEAL_RED = (220, 30, 40)


def stamp(page: Image.Image, centre: tuple[int, int], radius: int = 260) -> Image.Image:
    """`page` with a red seal stamped over it: rings, a ring of letters, a star and the dense
    strokes of a seal's inner text. Seal ink is translucent: black type under it stays black."""
    seal = Image.new("RGB", page.size, "white")
    draw = ImageDraw.Draw(seal)
    cx, cy = centre
    draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), outline=SEAL_RED, width=14)
    draw.ellipse((cx - radius + 50, cy - radius + 50, cx + radius - 50, cy + radius - 50), outline=SEAL_RED, width=8)
    letters = ImageFont.truetype(BOLD, 44)
    for i, letter in enumerate("ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN"):
        angle = math.radians(200 + i * 9)
        draw.text((cx + (radius - 30) * math.cos(angle) - 15, cy + (radius - 30) * math.sin(angle) - 20), letter,
                  font=letters, fill=SEAL_RED)
    draw.regular_polygon((cx, cy, 90), 5, fill=SEAL_RED)
    for y in range(cy - 120, cy + radius, 22):
        draw.line((cx - 200, y, cx + 200, y + 8), fill=SEAL_RED, width=5)
    return ImageChops.multiply(page.convert("RGB"), seal)


def signature_page() -> Image.Image:
    page = Image.new("RGB", (2480, 1400), "white")
    draw = ImageDraw.Draw(page)
    regular, bold = ImageFont.truetype(FONT, 42), ImageFont.truetype(BOLD, 42)
    for y, line in ((100, "Nơi nhận:"), (170, "- Như trên;"), (240, "- Lưu: VT.")):
        draw.text((200, y), line, font=regular, fill="black")
    draw.text((1500, 100), "TM. ỦY BAN NHÂN DÂN", font=bold, fill="black")
    draw.text((1650, 170), "CHỦ TỊCH", font=bold, fill="black")
    draw.text((1550, 700), "Nguyễn Văn Bình", font=bold, fill="black")
    return stamp(page, (1700, 560))


def test_red_ink_box_surrounds_the_seal():
    left, top, right, bottom = red_ink_box(signature_page())
    assert 1420 <= left < 1460 and 280 <= top < 320 and 1940 < right <= 1980 and 820 < bottom <= 850


def test_no_seal_on_grey_pages_or_for_a_red_speck():
    grey = signature_page().convert("L")
    assert red_ink_box(grey) is None
    page = Image.new("RGB", (2480, 1400), "white")
    ImageDraw.Draw(page).rectangle((100, 100, 120, 120), fill=SEAL_RED)  # a tick in red pen
    assert red_ink_box(page) is None


def test_without_red_ink_keeps_black_type_and_drops_the_seal():
    plain = without_red_ink(signature_page())
    assert plain.getpixel((1700, 560)) > 200  # the star's centre, red ink, is paper now
    assert plain.crop((1550, 700, 1900, 760)).getextrema()[0] < 60  # the name under it is still black


def word(text, left, top, conf, line, width=100):
    return OcrWord(text, left, top, left + width, top + 40, conf, line)


def test_the_band_takes_the_second_readings_lines_and_the_surer_text_of_each_word():
    first = [word("Nơi", 100, 100, 95, (1, 1, 1)), word("nhận:", 210, 100, 96, (1, 1, 1)),
             word("CHÁNH", 1500, 200, 91, (2, 1, 1)), word("xong.", 330, 204, 90, (7, 1, 1)),
             word("-ŒT,", 100, 300, 0, (1, 1, 2)), word("ầ", 1560, 400, 90, (3, 1, 1), width=30),
             word("Hết.", 100, 600, 96, (4, 1, 1))]
    second = [word("1VOI", 100, 130, 30, (0, 1, 1)),  # the band's edge cut through 'Nơi': dropped
              word("CHANH", 1502, 202, 60, (1, 1, 1)), word("-", 100, 302, 93, (1, 2, 1), width=20),
              word("CT,", 130, 302, 90, (1, 2, 1), width=60), word("Trần", 1500, 400, 92, (1, 3, 1)),
              word("Thu", 1610, 400, 90, (1, 3, 1))]
    merged = _merge_reread(first, second, top=150, bottom=500)
    assert _paragraph_lines(merged) == [
        "Nơi nhận:", "",
        "xong. CHÁNH", "",  # the first reading read CHÁNH surely; 'xong.' only it saw, on that line
        "- CT,", "",  # its '-ŒT,' was worse
        "Trần Thu", "",  # its 'ầ' was a fragment of 'Trần'
        "Hết."]


@pytest.mark.ocr
def test_the_signer_under_a_red_seal_is_read(tmp_path):
    path = tmp_path / "chu-ky.png"
    signature_page().save(path, dpi=(300, 300))
    doc = parse_file(path)
    assert doc.header.signer == "Nguyễn Văn Bình"
    assert doc.header.signer_authority == "TM."
