"""Progress words, progress tables (blocks and separator-line text) and progress prose,
on sentences written for these tests."""
import datetime as dt

import pytest

from theodoi.domain import Block, ParsedDocument
from theodoi.nlp import extract
from theodoi.nlp.line_tables import line_tables
from theodoi.nlp.progress import read_progress
from theodoi.nlp.report_rows import progress_rows

D = dt.date


@pytest.mark.parametrize("text, value", [
    ("Đã hoàn thành", "done"),
    ("Sở đã hoàn thành và gửi báo cáo", "done"),
    ("Hoàn thành", "done"),
    ("Hoàn thành đúng hạn", "done"),
    ("Đã bàn giao và đưa vào sử dụng từ tháng 3", "done"),
    ("Đã ký ban hành Quyết định số 15/QĐ-UBND", "done"),
    ("Hoàn thành chậm so với yêu cầu", "done_late"),
    ("Bảo đảm tiến độ đề ra", "in_progress"),
    ("Đã hoàn thành nhưng quá hạn 2 tháng", "done_late"),
    ("Đang triển khai", "in_progress"),
    ("Đang được tích cực thực hiện", "in_progress"),
    ("Chuyển tiếp từ năm trước", "in_progress"),
    ("Mới hoàn thành 12/30 hồ sơ", "in_progress"),
    ("Chưa thực hiện", "not_done"),
    ("Thực hiện mới", "not_done"),
    ("Chậm tiến độ", "overdue"),
    ("Quá hạn", "overdue"),
])
def test_progress_words(text, value):
    assert read_progress(text)[0] == value


def test_unfinished_is_overdue_only_once_its_due_date_passed():
    assert read_progress("Chưa hoàn thành", D(2025, 6, 30), D(2025, 9, 1))[0] == "overdue"
    assert read_progress("Chưa hoàn thành", D(2025, 12, 31), D(2025, 9, 1))[0] == "not_done"
    assert read_progress("Chưa triển khai", None, D(2025, 9, 1))[0] == "not_done"
    assert read_progress("Không có nội dung nào") is None


REPORT_TABLE = Block(kind="table", text="", start=0, end=0, rows=[
    ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn", "Tiến độ", "Kết quả"],
    ["1", "Xây dựng cơ sở dữ liệu đất đai", "Sở Nông nghiệp và Môi trường", "Quý II/2025", "Đã hoàn thành", ""],
    ["2", "Ban hành quy chế phối hợp liên ngành", "Sở Tư pháp", "30/6/2025", "", "Chưa hoàn thành"],
    ["3a", "Công bố bộ chỉ số cải cách hành chính", "Sở Nội vụ", "31/3/2025", "Đã hoàn thành ngày 20/4/2025", ""],
    ["3", "Tập huấn chuyển đổi số cho cán bộ xã", "Sở Khoa học và Công nghệ", "Năm 2025", "Đang thực hiện", ""],
    ["", "", "", "", "", ""],
])


def test_progress_table_rows_take_the_first_column_that_states_progress():
    text = "\n".join(" ".join(r) for r in REPORT_TABLE.rows)
    block = Block(kind="table", text=text, start=0, end=len(text), rows=REPORT_TABLE.rows)
    rows = progress_rows(text, block, D(2025, 9, 15), caption_source="71/NQ-CP")
    assert [(r.text, r.status.value) for r in rows] == [
        ("Xây dựng cơ sở dữ liệu đất đai", "done"),
        ("Ban hành quy chế phối hợp liên ngành", "overdue"),  # empty progress cell, result column says it
        ("Công bố bộ chỉ số cải cách hành chính", "done"),
        ("Tập huấn chuyển đổi số cho cán bộ xã", "in_progress"),
    ]
    assert all(r.source == "71/NQ-CP" for r in rows)
    assert [b.text for b in rows[0].lead] == ["Sở Nông nghiệp và Môi trường"]
    assert rows[0].label == "1"
    assert rows[2].status.date == D(2025, 4, 20)  # the day the cell gives


def test_a_task_table_without_a_progress_column_is_not_a_progress_table():
    rows = [["Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"], ["Rà soát quy hoạch", "Sở Xây dựng", "Năm 2026"]]
    assert progress_rows("x", Block(kind="table", text="", start=0, end=1, rows=rows), None) == []


SEPARATED = """PHỤ LỤC
Danh mục nhiệm vụ
|
**TT**
|
**Tên nhiệm vụ**
|
**Cơ quan chủ trì**
|
**Tình trạng**
|
|
**I**
|
**NHÓM THỂ CHẾ**
|
| 1
|
Sửa đổi quy định về quản lý chất thải
rắn sinh hoạt
|
Bộ Nông nghiệp và Môi trường
|
Đang thực hiện
|
| 2
|
Xây dựng bộ chỉ số đánh giá
|

|
Thực hiện mới
|
"""


def test_tables_written_with_separator_lines_become_rows():
    [block] = line_tables(SEPARATED)
    assert block.rows[0] == ["TT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Tình trạng"]
    assert block.rows[1] == ["I", "NHÓM THỂ CHẾ"]
    assert block.rows[2][0] == "1" and block.rows[2][3] == "Đang thực hiện"
    assert block.rows[3] == ["2", "Xây dựng bộ chỉ số đánh giá", "", "Thực hiện mới"]  # an empty cell kept
    rows = progress_rows(SEPARATED, block, None)
    assert [(r.text.split()[0], r.status.value) for r in rows] == [("Sửa", "in_progress"), ("Xây", "not_done")]


def _parsed(text: str, date=None) -> ParsedDocument:
    from theodoi.domain import Header
    return ParsedDocument(path="t.txt", file_name="t.txt", mime="text/plain", parser="t", text=text,
                          header=Header(kind="Báo cáo", date=date))


def _statuses(text: str, date=None) -> dict[str, tuple[str, str | None]]:
    return {t.text: (t.status.value, t.source) for t in extract(_parsed(text, date)).tasks if t.status}


def test_a_list_after_a_progress_phrase_gives_each_item_that_status():
    got = _statuses("Đến nay, các sở đã hoàn thành một số việc như xây dựng cổng dữ liệu dùng chung của tỉnh; "
                    "ban hành quy chế quản lý hồ sơ điện tử; tập huấn kỹ năng số cho cán bộ cấp xã.")
    assert got == {"xây dựng cổng dữ liệu dùng chung của tỉnh": ("done", None),
                   "ban hành quy chế quản lý hồ sơ điện tử": ("done", None),
                   "tập huấn kỹ năng số cho cán bộ cấp xã": ("done", None)}


def test_a_submission_reported_done_is_a_done_task_per_clause():
    got = _statuses("Bộ Tư pháp đã trình Chính phủ dự thảo Nghị định về đăng ký biện pháp bảo đảm; "
                    "trình Quốc hội dự án Luật sửa đổi Luật Công chứng.")
    assert got["trình Chính phủ dự thảo Nghị định về đăng ký biện pháp bảo đảm"][0] == "done"
    assert got["trình Quốc hội dự án Luật sửa đổi Luật Công chứng"][0] == "done"


def test_an_unfinished_duty_and_a_quoted_assignment_with_its_source():
    text = ("Tại Thông báo số 45/TB-UBND ngày 02/3/2025, Chủ tịch UBND tỉnh đã giao “Sở Tài chính tổng hợp "
            "nhu cầu vốn của các huyện trước ngày 30/4/2025”. Tuy nhiên, đến nay Sở Tài chính vẫn chưa "
            "hoàn thành việc tổng hợp. Huyện Đông Sơn chưa thực hiện việc cập nhật dữ liệu lên hệ thống.")
    got = _statuses(text, D(2025, 6, 10))
    quoted = next(k for k in got if k.startswith("tổng hợp nhu cầu vốn"))
    assert got[quoted] == ("overdue", "45/TB-UBND")
    assert got["cập nhật dữ liệu lên hệ thống"] == ("not_done", "45/TB-UBND")


def test_in_which_inherits_and_opening_date_is_kept():
    text = ("Nhìn chung, các nhiệm vụ đang được triển khai tích cực. Trong đó, chuẩn bị mặt bằng để khởi công "
            "nhà máy xử lý rác vào quý IV. Ngày 31/3/2025, Sở Y tế đã ban hành Kế hoạch số 12/KH-SYT về "
            "phòng chống dịch; trình UBND tỉnh dự thảo Quyết định về giá dịch vụ.")
    tasks = {t.text: t.status for t in extract(_parsed(text, D(2025, 5, 1))).tasks if t.status}
    assert tasks["chuẩn bị mặt bằng để khởi công nhà máy xử lý rác vào quý IV"].value == "in_progress"
    issued = next(s for k, s in tasks.items() if k.startswith("ban hành Kế hoạch số 12/KH-SYT"))
    assert issued.value == "done" and issued.date == D(2025, 3, 31)


def test_a_table_that_runs_over_pages_goes_on_under_its_header():
    from theodoi.nlp.report_rows import continued, progress_header
    first = Block(kind="table", text="", start=0, end=10, page=3, rows=REPORT_TABLE.rows[:3])
    second = Block(kind="table", text="", start=10, end=20, page=4, rows=[REPORT_TABLE.rows[4]])
    header = progress_header(first)
    assert header == REPORT_TABLE.rows[:1] and progress_header(second) is None
    rows = progress_rows("", continued(second, header), D(2025, 9, 15))
    assert [(r.text, r.status.value) for r in rows] == [("Tập huấn chuyển đổi số cho cán bộ xã", "in_progress")]
    narrower = Block(kind="table", text="", start=20, end=30, rows=[["a", "b"], ["c", "d"]])
    assert continued(narrower, header) is None


def test_expected_results_are_not_progress():
    rows = [["Nhiệm vụ", "Cơ quan chủ trì", "Kết quả dự kiến"],
            ["Xây dựng kho dữ liệu dùng chung", "Sở Khoa học và Công nghệ", "Kho dữ liệu được đưa vào vận hành"]]
    assert progress_rows("x", Block(kind="table", text="", start=0, end=1, rows=rows), None) == []


def test_a_request_to_go_on_or_a_passive_mention_is_not_progress():
    assert _statuses("Sở Tư pháp tiếp tục thực hiện tốt nhiệm vụ là cơ quan thẩm định văn bản; "
                     "giúp UBND tỉnh theo dõi việc thực hiện.") == {}
    assert _statuses("Các chỉ tiêu đã được thông qua tại Nghị quyết số 12/NQ-HĐND của Hội đồng nhân dân tỉnh.") == {}


def test_outside_a_report_an_issue_stated_done_is_news_not_progress():
    text = "Ngày 17/2/2025, Ban Thường vụ Tỉnh ủy đã ban hành Chương trình hành động số 12-CTr/TU về chuyển đổi số."
    doc = ParsedDocument(path="t.txt", file_name="t.txt", mime="text/plain", parser="t", text=text)
    assert [t for t in extract(doc).tasks if t.status] == []
    assert _statuses(text)  # in a report it is the progress of that task


def test_rows_marked_under_columns_named_by_progress():
    rows = [["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Kết quả thực hiện", "", ""],
            ["", "", "", "Đã hoàn thành", "Đang thực hiện", "Chưa thực hiện"],
            ["1", "Số hóa hồ sơ đất đai cấp xã", "Sở Nông nghiệp và Môi trường", "x", "", ""],
            ["2", "Kết nối dữ liệu dân cư với cổng dịch vụ công", "Công an tỉnh", "", "X", ""],
            ["3", "Xây dựng trung tâm điều hành thông minh", "Sở Khoa học và Công nghệ", "", "", "x"]]
    block = Block(kind="table", text="", start=0, end=1, rows=rows)
    got = [(r.text, r.status.value, [b.text for b in r.lead]) for r in progress_rows("", block, None)]
    assert got == [("Số hóa hồ sơ đất đai cấp xã", "done", ["Sở Nông nghiệp và Môi trường"]),
                   ("Kết nối dữ liệu dân cư với cổng dịch vụ công", "in_progress", ["Công an tỉnh"]),
                   ("Xây dựng trung tâm điều hành thông minh", "not_done", ["Sở Khoa học và Công nghệ"])]
    one_header = [["Nhiệm vụ", "Cơ quan chủ trì", "Hoàn thành", "Chưa hoàn thành"],
                  ["Ban hành quy chế", "Sở Tư pháp", "", "x"]]
    [row] = progress_rows("", Block(kind="table", text="", start=0, end=1, rows=one_header), None)
    assert row.status.value == "not_done"
