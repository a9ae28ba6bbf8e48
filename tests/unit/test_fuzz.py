"""Bounded fuzzing in CI (hypothesis): the date grammar, the header parser and the readers take
any input without an exception other than IngestError."""
from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings as hypothesis_settings, strategies as st

from theodoi.config import Settings
from theodoi.domain import IngestError
from theodoi.ingest import parse_file
from theodoi.ingest.header import parse_header
from theodoi.nlp.dates import find_deadlines

TOKENS = ["Số:", "ngày", "tháng", "năm", "quý", "I", "II", "IV", "6", "30", "31", "02", "2025", "0", "13", "99999",
          "/", "-", ".", ",", "trước", "trong", "hoàn thành", "chậm nhất", "đến", "hằng", "tuần", "NQ/TU", "KH-UBND",
          "QĐ-UBND", "ỦY BAN NHÂN DÂN", "TỈNH", "KẾ HOẠCH", "NGHỊ QUYẾT", "về", "Nơi nhận:", "TM.", "CHỦ TỊCH",
          "Hà Nội,", "\n", "\n\n", "(", ")", "%", "Ủy ban", "Sở Y tế", "6 tháng đầu năm", "cuối năm"]
GRAMMAR_TEXT = st.lists(st.sampled_from(TOKENS) | st.text(max_size=6), max_size=60).map(" ".join)
BOUNDED = hypothesis_settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@BOUNDED
@given(GRAMMAR_TEXT, st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2060, 12, 31)))
def test_the_date_grammar_takes_any_text(text, doc_date):
    for deadline in find_deadlines(text, doc_date):
        assert deadline.due is None or isinstance(deadline.due, dt.date)


@BOUNDED
@given(GRAMMAR_TEXT)
def test_the_header_parser_takes_any_text(text):
    header = parse_header(text)
    assert header.date is None or isinstance(header.date, dt.date)


@hypothesis_settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([".txt", ".docx", ".pdf", ".html", ".doc"]),
       st.binary(max_size=2000) | GRAMMAR_TEXT.map(lambda t: t.encode("utf-8")))
def test_the_readers_take_any_bytes(suffix, data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            parse_file(path, Settings.load(Path(folder) / "data"))
        except IngestError as error:
            assert error.code and "fuzz" in str(error)
