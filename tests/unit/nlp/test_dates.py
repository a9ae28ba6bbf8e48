import datetime as dt

import pytest

from theodoi.nlp.dates import find_deadlines, parse_deadline, pick_deadline

DOC_DATE = dt.date(2021, 1, 10)


@pytest.mark.parametrize("text, kind, due", [
    ("trước ngày 30/6/2021", "date", dt.date(2021, 6, 30)),
    ("30.6.2021", "date", dt.date(2021, 6, 30)),
    ("ngày 30 tháng 6 năm 2021", "date", dt.date(2021, 6, 30)),
    ("chậm nhất ngày 30-6-2021", "date", dt.date(2021, 6, 30)),
    ("trong quý II/2021", "quarter", dt.date(2021, 6, 30)),
    ("quý 3/2021", "quarter", dt.date(2021, 9, 30)),
    ("Chậm nhất là cuối quý I năm 2010", "quarter", dt.date(2010, 3, 31)),
    ("tháng 12/2021", "month", dt.date(2021, 12, 31)),
    ("Tháng 01 - 02/2026", "month", dt.date(2026, 2, 28)),
    ("6 tháng đầu năm 2022", "half-year", dt.date(2022, 6, 30)),
    ("6 tháng cuối năm 2022", "half-year", dt.date(2022, 12, 31)),
    ("năm 2025", "year", dt.date(2025, 12, 31)),
    ("Giai đoạn 2021 - 2025", "year", dt.date(2025, 12, 31)),
    ("trước ngày 15/3", "date", dt.date(2021, 3, 15)),
    ("thường xuyên", "ongoing", None),
    ("hằng tháng", "recurring", None),
    ("hàng năm", "recurring", None),
    ("định kỳ sáu tháng", "recurring", None),
    ("trước ngày 05/6 và 05/12 hàng năm", "recurring", None),
    ("trong 30 ngày kể từ ngày ký", "relative", dt.date(2021, 2, 9)),
    ("09 tháng kể từ ngày Nhiệm vụ được phê duyệt", "relative", None),
])
def test_parse_deadline(text, kind, due):
    deadline = parse_deadline(text, DOC_DATE)
    assert (deadline.kind, deadline.due) == (kind, due)


def test_day_month_without_year_rolls_to_next_year_when_past():
    assert parse_deadline("trước ngày 5/1", DOC_DATE).due == dt.date(2022, 1, 5)


def test_no_date_phrase():
    assert parse_deadline("tổ chức thực hiện", DOC_DATE) is None


def test_find_deadline_with_offsets():
    text = "Giao Sở Tài chính chủ trì, báo cáo UBND tỉnh trước ngày 30/6/2021."
    [deadline] = find_deadlines(text, DOC_DATE)
    assert text[deadline.start:deadline.end] == "trước ngày 30/6/2021"
    assert deadline.due == dt.date(2021, 6, 30)


@pytest.mark.parametrize("text", [
    "Căn cứ Nghị định số 41/2007/NĐ-CP ngày 22/3/2007 của Chính phủ;",
    "Kế hoạch có hiệu lực từ ngày 01/7/2021.",
    "triển khai Đề án dạy nghề cho lao động nông thôn đến năm 2020 tại địa phương",
    "Năm 2020 đã đạt 85% kế hoạch.",
])
def test_history_starts_and_horizons_are_not_deadlines(text):
    assert find_deadlines(text, DOC_DATE) == []


def test_a_past_period_is_history():
    assert find_deadlines("hoàn thành trong năm 2019", DOC_DATE) == []


def test_table_cell_and_bracketed_deadlines():
    text = "Luật Hộ tịch (sửa đổi)\nTháng 03/2026\nXây dựng đề án (quý I/2022)"
    kinds = [(d.kind, d.due) for d in find_deadlines(text, DOC_DATE)]
    assert kinds == [("month", dt.date(2026, 3, 31)), ("quarter", dt.date(2022, 3, 31))]


def test_pick_prefers_a_dated_deadline():
    found = find_deadlines("thường xuyên kiểm tra, hoàn thành trước ngày 30/6/2021", DOC_DATE)
    assert pick_deadline(found).due == dt.date(2021, 6, 30)


def test_part_of_a_month_that_closes_a_clause_is_a_deadline():
    found = find_deadlines("Các Bộ tổng hợp để thảo luận tại Hội nghị với các địa phương tổ chức và cuối tháng 9/2020.",
                           dt.date(2020, 8, 1))
    assert [(d.text, d.due) for d in found] == [("cuối tháng 9/2020", dt.date(2020, 9, 30))]
    assert find_deadlines("Tình hình cuối tháng 9/2020 cho thấy nhiều khó khăn.", dt.date(2020, 8, 1)) == []


def test_end_of_a_term_stops_before_the_predicate():
    [found] = find_deadlines("Cuối nhiệm kỳ Đại hội Công đoàn toàn quốc có báo cáo tổng kết.", dt.date(2010, 1, 1))
    assert (found.text, found.kind) == ("Cuối nhiệm kỳ Đại hội Công đoàn toàn quốc", "relative")


def test_a_time_inside_a_name_given_a_short_form_is_not_a_deadline():
    text = ("đề xuất văn bản đưa vào Chương trình xây dựng văn bản hằng năm (sau đây gọi tắt là Chương trình) "
            "và báo cáo hằng năm")
    found = find_deadlines(text, dt.date(2010, 1, 1))
    assert [d.start for d in found] == [text.rindex("hằng năm")]


def test_the_end_of_a_scheme_stops_before_the_next_action():
    [d] = find_deadlines("tổng kết khi kết thúc Đề án và đề xuất giải pháp tiếp theo", dt.date(2010, 1, 1))
    assert d.text == "khi kết thúc Đề án" and d.kind == "relative"
