import datetime as dt

import pytest

from theodoi.domain import Header
from theodoi.ingest.own_citation import cited_as, printed_symbol, recover_from_own_citation

TITLE = "Về việc xây dựng kế hoạch rà soát quy định, thủ tục hành chính"
HEADER_TEXT = ("ỦY BAN NHÂN DÂN\nTỈNH PHÚ THỌ\nSố: /74,/UBND- KSTTHC\n" + TITLE
               + "\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nPhú Thọ, ngày tháng 12 năm 2011")
ATTACHMENT = ("UBND TỈNH PHÚ THỌ\nVĂN PHÒNG\nSố: 620/VP-KSTTHC\nCăn cứ Nghị định số 63/2010/NĐ-CP ngày "
              "08/6/2010 của Chính phủ; Văn bản số 4532/UBND-KSTTHC, ngày 07/12/2011 của UBND tỉnh về việc "
              "xây dựng kế hoạch rà soát quy định, thủ tục hành chính; Văn bản số 348/KSTT-VP ngày 28/11/2011.")


def unread_header(**fields) -> Header:
    return Header(kind="Công văn", issuer="Ủy ban nhân dân tỉnh Phú Thọ", place="Phú Thọ", title=TITLE, **fields)


@pytest.mark.parametrize("line, symbol", [
    ("/74,/UBND- KSTTHC", "/UBND-KSTTHC"), ("  /KH - UBND", "/KH-UBND"), ("?? /2015/QĐ-UBND", "/2015/QĐ-UBND"),
    ("ll -NQ/TU", "-NQ/TU"), ("…", None), ("12/", None),
])
def test_printed_symbol(line, symbol):
    assert printed_symbol(line) == symbol


def test_cited_as_needs_the_date_right_after_the_number():
    text = "Văn bản số 4532/UBND-KSTTHC, ngày 07/12/2011 của UBND tỉnh; Công văn 4000/UBND-KSTTHC của UBND tỉnh"
    assert [(n, d) for n, d, _ in cited_as(text, "/UBND-KSTTHC")] == [("4532/UBND-KSTTHC", dt.date(2011, 12, 7))]
    assert cited_as("số 12/UBND-KSTTHCX ngày 1/1/2011", "/UBND-KSTTHC") == []  # another symbol


def test_number_and_day_come_from_the_attachment_that_cites_the_document():
    header = unread_header()
    warnings = recover_from_own_citation(header, HEADER_TEXT, HEADER_TEXT + "\n" + ATTACHMENT)
    assert header.number == "4532/UBND-KSTTHC" and header.date == dt.date(2011, 12, 7)
    assert len(warnings) == 1 and "number 4532/UBND-KSTTHC and date 2011-12-07" in warnings[0]


def test_a_legible_number_only_fills_the_missing_day():
    header = unread_header(number="4532/UBND-KSTTHC")
    recover_from_own_citation(header, HEADER_TEXT, HEADER_TEXT + "\n" + ATTACHMENT)
    assert header.date == dt.date(2011, 12, 7)


@pytest.mark.parametrize("change", [
    ("ngày 07/12/2011", "ngày 07/11/2011"),  # another month than the printed one
    ("4532/UBND-KSTTHC", "4532/UBND-VX"),  # another symbol
    ("về việc xây dựng kế hoạch rà soát quy định", "về việc kiểm tra công tác cải cách"),  # another subject
    ("; Văn bản số 348", "; Văn bản số 4533/UBND-KSTTHC ngày 09/12/2011 của UBND tỉnh về việc xây dựng kế "
                         "hoạch rà soát quy định, thủ tục hành chính; Văn bản số 348"),  # two candidates
])
def test_nothing_is_guessed_when_the_citation_does_not_fit(change):
    header = unread_header()
    assert recover_from_own_citation(header, HEADER_TEXT, HEADER_TEXT + "\n" + ATTACHMENT.replace(*change)) == []
    assert header.number is None and header.date is None


def test_nothing_is_guessed_without_a_printed_month_and_year():
    header = unread_header()
    text = HEADER_TEXT.replace("ngày tháng 12 năm 2011", "ngày tháng năm")
    assert recover_from_own_citation(header, text, text + "\n" + ATTACHMENT) == []
