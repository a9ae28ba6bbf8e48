import pytest

from theodoi.nlp.numbers import parse_number, parse_number_words


@pytest.mark.parametrize("text, value", [
    ("3.000", 3000), ("3.554.244", 3554244), ("8,5", 8.5), ("13,5", 13.5), ("1.234,5", 1234.5),
    ("700", 700), ("02", 2), ("0,8", 0.8),
])
def test_digits_written_the_vietnamese_way(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text, value", [
    ("bảy trăm", 700), ("bảy trăm linh năm", 705), ("một nghìn", 1000), ("hai mươi lăm", 25),
    ("năm mươi tư", 54), ("mười lăm", 15), ("hai nghìn không trăm hai mươi lăm", 2025),
    ("một triệu hai trăm nghìn", 1_200_000), ("ba tỷ năm trăm triệu", 3_500_000_000),
    ("bẩy trăm", 700), ("tám phẩy năm", 8.5), ("một nghìn rưỡi", 1500),
])
def test_number_words(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["doanh nghiệp", "hai mươi lăm phần trăm", "", "trăm trăm x"])
def test_not_a_number(text):
    assert parse_number_words(text) is None
