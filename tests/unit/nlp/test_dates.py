import datetime as dt

import pytest

from theodoi.nlp.dates import find_deadlines, opening_year_date, parse_deadline, pick_deadline

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


# ---------------------------------------------------------------- event-tied deadlines
@pytest.mark.parametrize("text, phrase", [
    ("Sở Tư pháp hoàn thiện dự thảo, trình tại kỳ họp thứ Tám Hội đồng nhân dân tỉnh.", "tại kỳ họp thứ Tám"),
    ("Ban Tuyên giáo báo cáo Tỉnh ủy tại Hội nghị lần thứ 12 Ban Chấp hành Đảng bộ tỉnh.", "tại Hội nghị lần thứ 12"),
    ("trình Hội đồng nhân dân huyện xem xét, thông qua tại kỳ họp gần nhất.", "tại kỳ họp gần nhất"),
    ("Sở Tài chính tổng hợp, báo cáo trước phiên họp thường lệ của Ủy ban.", "trước phiên họp thường lệ"),
    ("Các huyện ủy tổng kết nghị quyết trước Đại hội Đảng bộ tỉnh lần thứ XVI.", "trước Đại hội Đảng bộ tỉnh lần thứ XVI"),
    ("Các chi bộ hoàn thành việc kiện toàn trước Đại hội, báo cáo Ban Thường vụ.", "trước Đại hội"),
    ("Ban Tổ chức trình danh sách tại Đại hội đại biểu lần thứ XX.", "tại Đại hội đại biểu lần thứ XX"),
])
def test_a_deadline_tied_to_an_event_is_relative(text, phrase):
    [found] = find_deadlines(text, DOC_DATE)
    assert (found.text, found.kind, found.due) == (phrase, "relative", None)


@pytest.mark.parametrize("text", [
    "Dự thảo đã được thảo luận tại kỳ họp thứ Bảy.",
    "Các đại biểu phát biểu tại Hội nghị lần thứ 5 của Ban Chấp hành.",
])
def test_an_event_without_an_act_to_finish_is_no_deadline(text):
    assert find_deadlines(text, DOC_DATE) == []


def test_an_event_dated_right_after_gives_way_to_the_date():
    found = find_deadlines("trình Ban Chấp hành tại Hội nghị lần thứ 9 (tháng 10/2021).", DOC_DATE)
    assert [(d.kind, d.due) for d in found] == [("month", dt.date(2021, 10, 31))]


# ---------------------------------------------------------------- cues
@pytest.mark.parametrize("text, phrase, due", [
    ("Các sở gửi báo cáo về Văn phòng trước Thứ Năm ngày 18/3/2021 để tổng hợp.", "trước Thứ Năm ngày 18/3/2021",
     dt.date(2021, 3, 18)),
    ("nộp hồ sơ chậm nhất vào thứ Sáu, ngày 26/3/2021.", "chậm nhất vào thứ Sáu, ngày 26/3/2021", dt.date(2021, 3, 26)),
    ("tổ chức sơ kết vào dịp cuối năm 2021.", "vào dịp cuối năm 2021", dt.date(2021, 12, 31)),
    ("Phấn đấu trong năm 2022 hoàn thành việc cấp giấy chứng nhận.", "trong năm 2022", dt.date(2022, 12, 31)),
])
def test_weekday_and_occasion_after_the_cue(text, phrase, due):
    [found] = find_deadlines(text, DOC_DATE)
    assert (found.text, found.due) == (phrase, due)


def test_a_table_cell_that_opens_with_a_period_and_goes_on():
    [found] = find_deadlines("Tổ chức tập huấn\nGiai đoạn 2022 - 2023. Rà soát, cập nhật nếu cần", DOC_DATE)
    assert (found.kind, found.due) == ("year", dt.date(2023, 12, 31))


# ---------------------------------------------------------------- manner, not time
@pytest.mark.parametrize("text", [
    "đẩy mạnh tuyên truyền thường xuyên, sâu rộng đến Nhân dân",
    "xây dựng các bản tin định kỳ, sinh động về chất lượng nước",
    "kiểm tra các bể chứa nước tự động, liên tục và định kỳ",
    "cấp bổ sung kinh phí chi thường xuyên cho trường học",
    "từ nguồn vốn thường xuyên của ngân sách tỉnh",
    "không thanh tra định kỳ đối với doanh nghiệp đã được kiểm toán",
    "không kiểm tra thường xuyên các hộ kinh doanh nhỏ",
    "xây dựng hồ sơ sức khỏe điện tử được cập nhật thường xuyên",
    "cung cấp thông tin được công khai thường xuyên trên cổng thông tin",
])
def test_regularly_as_a_manner_word_is_no_deadline(text):
    assert find_deadlines(text, DOC_DATE) == []


@pytest.mark.parametrize("text, kind", [
    ("Thường xuyên kiểm tra, đôn đốc việc thực hiện.", "ongoing"),
    ("Định kỳ tổng hợp, báo cáo Ủy ban nhân dân tỉnh.", "recurring"),
    ("các sở theo dõi thường xuyên tình hình giá cả", "ongoing"),
    ("định kỳ hằng quý báo cáo kết quả", "recurring"),
    ("dữ liệu dân cư phải được cập nhật thường xuyên", "ongoing"),
    ("theo chức năng, nhiệm vụ được giao thường xuyên theo dõi, đôn đốc", "ongoing"),
])
def test_regularly_as_a_time_stays(text, kind):
    [found] = find_deadlines(text, DOC_DATE)
    assert found.kind == kind


# ---------------------------------------------------------------- a year from the opening
@pytest.mark.parametrize("opening, year", [
    ("KẾ HOẠCH\nTriển khai công tác cải cách hành chính năm 2022\n", 2022),
    ("Số: 45/2023/QĐ-UBND\nQuyết định ban hành quy chế\n", 2023),
    ("Chương trình phát triển du lịch giai đoạn 2021 - 2025, năm 2022\n", 2022),
    ("Đề án phát triển đô thị đến năm 2030\n", None),
])
def test_opening_year_skips_horizons(opening, year):
    found = opening_year_date(opening + "Giao Sở Nội vụ trình đề án trong tháng 5.")
    assert (found.year if found else None) == year


def test_a_month_without_year_takes_the_opening_year_without_a_header_date():
    text = "KẾ HOẠCH\nTriển khai công tác chuyển đổi số năm 2022\nGiao Sở Thông tin và Truyền thông trình đề án trong tháng 5."
    [found] = find_deadlines(text, None, opening_year_date(text))
    assert (found.kind, found.due) == ("month", dt.date(2022, 5, 31))


def test_the_opening_year_filters_no_history():
    text = "Kế hoạch năm 2022\nBáo cáo kết quả trước ngày 15/12/2021."
    [found] = find_deadlines(text, None, opening_year_date(text))
    assert found.due == dt.date(2021, 12, 15)


@pytest.mark.parametrize("text, phrase, kind, due", [
    ("Tổ chức tập huấn\nQuý IV/2021 - Quý II/2022\n", "Quý IV/2021 - Quý II/2022", "quarter", dt.date(2022, 6, 30)),
    ("hoàn thành trong tháng 10/2021 - tháng 12/2021.", "hoàn thành trong tháng 10/2021 - tháng 12/2021", "month",
     dt.date(2021, 12, 31)),
    ("Xây dựng đề án (quý I/2022 - quý II/2022)", "quý I/2022 - quý II/2022", "quarter", dt.date(2022, 6, 30)),
])
def test_a_range_of_periods_is_due_at_its_end(text, phrase, kind, due):
    [found] = find_deadlines(text, DOC_DATE)
    assert (found.text, found.kind, found.due) == (phrase, kind, due)


@pytest.mark.parametrize("text, phrase, due", [
    ("báo cáo kết quả tại kỳ họp cuối năm 2021 của Hội đồng nhân dân tỉnh", "tại kỳ họp cuối năm 2021",
     dt.date(2021, 12, 31)),
    ("trình Hội đồng nhân dân tại kỳ họp tháng 7/2021.", "tại kỳ họp tháng 7/2021", dt.date(2021, 7, 31)),
    ("bố trí kinh phí, bảo đảm đến năm 2024 tỷ lệ số hóa hồ sơ đạt 80%", "đến năm 2024", dt.date(2024, 12, 31)),
    ("- Thời gian hoàn thành: Quý IV/2021 và Quý I/2022;", "Thời gian hoàn thành: Quý IV/2021 và Quý I/2022",
     dt.date(2022, 3, 31)),
])
def test_a_session_with_its_date_and_a_guaranteed_horizon(text, phrase, due):
    [found] = find_deadlines(text, DOC_DATE)
    assert (found.text, found.due) == (phrase, due)


@pytest.mark.parametrize("text, phrase", [
    ("gửi thông báo cho hộ gia đình trong 05 (năm) ngày làm việc kể từ ngày có kết quả thẩm định.",
     "05 (năm) ngày làm việc kể từ ngày có kết quả thẩm định"),
    ("Sở Xây dựng trả lời bằng văn bản, không quá 20 (hai mươi) ngày kể từ ngày nhận đủ giấy tờ.",
     "20 (hai mươi) ngày kể từ ngày nhận đủ giấy tờ"),
    ("dán thông báo tại nhà văn hóa thôn ít nhất 03 ngày trước ngày họp dân",
     "03 ngày trước ngày họp dân"),
])
def test_relative_terms_with_a_spelled_gloss_or_before_an_event(text, phrase):
    [found] = find_deadlines(text, DOC_DATE)
    assert (found.text, found.kind, found.due) == (phrase, "relative", None)


@pytest.mark.parametrize("text, kind, due", [
    ("Quý IV/2025- Quý II/2026", "quarter", dt.date(2026, 6, 30)),
    ("Tháng 11/2021 đến tháng 2/2022", "month", dt.date(2022, 2, 28)),
    ("Quý III/2021 và Quý I/2022", "quarter", dt.date(2022, 3, 31)),
])
def test_a_range_in_one_cell_is_due_at_its_end(text, kind, due):
    d = parse_deadline(text, DOC_DATE)
    assert (d.kind, d.due) == (kind, due)


@pytest.mark.parametrize("text", [
    "Sở Lao động xây dựng, công bố báo cáo thường niên về thị trường lao động.",
    "Hội đồng quản trị tổ chức đại hội cổ đông thường niên.",
])
def test_an_annual_act_is_recurring(text):
    assert [d.kind for d in find_deadlines(text, DOC_DATE)] == ["recurring"]


@pytest.mark.parametrize("text", [
    "Hỗ trợ tiền sử dụng nước theo Nghị quyết hằng năm của Hội đồng nhân dân tỉnh.",
    "Phân bổ vốn tại Kế hoạch hằng năm của Ủy ban nhân dân huyện.",
    "Thực hiện mức chi căn cứ Quyết định hàng năm của Bộ Tài chính.",
])
def test_a_recurrence_in_the_name_of_a_followed_document_is_no_deadline(text):
    assert find_deadlines(text, DOC_DATE) == []


def test_a_term_counted_from_the_issue_of_another_document_has_no_known_end():
    [found] = find_deadlines("Kế hoạch phải được gửi chậm nhất 02 ngày làm việc kể từ ngày ban hành Kế hoạch.",
                             DOC_DATE)
    assert (found.kind, found.due) == ("relative", None)
    [own] = find_deadlines("Các sở báo cáo trong 15 ngày kể từ ngày ban hành Quyết định này.", DOC_DATE)
    assert own.due == DOC_DATE + dt.timedelta(days=15)
