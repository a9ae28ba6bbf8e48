"""Reading a report against its directive: references to the directive's numbering, sub-items
under a referenced clause, passages on several tasks, work reported without a status word,
recurring tasks, and figures for targets whose indicator nlp read poorly.

The directive and the report are short Vietnamese texts written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from theodoi.domain import BodyMention, Deadline, Target, Task
from theodoi.store.models import StatusEvent, TargetProgress
from theodoi.store.models import Task as StoredTask
from theodoi.tracking.evidence import Match, Passage, match_tasks, passage_status, passages
from theodoi.tracking.labels import EXACT, WITHOUT_SECTION, label_fit, referenced_labels

DIRECTIVE = """ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN
Số: 12/CT-UBND
CHỈ THỊ
Về tăng cường bảo đảm an toàn thực phẩm
Mục tiêu: phấn đấu đến năm 2025 có 100% bếp ăn tập thể được kiểm tra an toàn thực phẩm; 80% cơ sở kinh doanh thực phẩm được cấp giấy chứng nhận; chỉ số an toàn thực phẩm của tỉnh thuộc nhóm 10 tỉnh dẫn đầu; bồi dưỡng 2.000 cán bộ.
1. Các sở, ngành, địa phương thực hiện các nội dung sau:
a) Phổ biến quy định về ghi nhãn hàng hóa đến người sản xuất, kinh doanh tại các chợ đầu mối.
b) Định kỳ hằng quý gửi báo cáo kết quả kiểm tra về Sở Y tế.
2. Sở Y tế chủ trì thanh tra, kiểm tra cơ sở sản xuất thực phẩm thường xuyên.
3. Sở Nông nghiệp và Phát triển nông thôn xây dựng chuỗi cung ứng nông sản an toàn, hoàn thành trong năm 2024.
4. Sở Công Thương quản lý chặt chẽ hoạt động kinh doanh thực phẩm tại siêu thị, hoàn thành trong năm 2024.
5. Sở Thông tin và Truyền thông hướng dẫn, theo dõi việc đưa tin về an toàn thực phẩm; định kỳ hằng năm báo cáo UBND tỉnh.
"""

REPORT = """SỞ Y TẾ TỈNH PHÚ YÊN
Số: 88/BC-SYT
BÁO CÁO
Kết quả thực hiện Chỉ thị số 12/CT-UBND ngày 10/01/2024 của UBND tỉnh
I. KẾT QUẢ THỰC HIỆN
1. Đối với các nội dung tại khoản 1 Chỉ thị:
a) Việc phổ biến tại chợ: đã hoàn thành; 1.200 hộ kinh doanh được phổ biến.
b) Chế độ báo cáo: các huyện gửi báo cáo đầy đủ quý I và quý II/2024.
2. Thanh tra, kiểm tra (nhiệm vụ 2): Đoàn liên ngành đã kiểm tra 320 cơ sở, xử phạt 45 triệu đồng.
3. Chuỗi cung ứng và kinh doanh tại siêu thị (nhiệm vụ 3 và nhiệm vụ 4): đang triển khai.
4. Về đưa tin (nhiệm vụ 5): Sở Thông tin và Truyền thông đã ban hành Hướng dẫn số 05/HD-STTTT ngày 01/3/2024.
Đối với các mục tiêu của Chỉ thị: tỷ lệ cơ sở kinh doanh thực phẩm được cấp giấy chứng nhận là 65%; 72% bếp ăn tập thể được kiểm tra an toàn thực phẩm. Chỉ số an toàn thực phẩm năm 2023 của tỉnh xếp thứ 8/63 tỉnh, thành phố. Đã tập huấn cho 1.500 cán bộ.
II. PHƯƠNG HƯỚNG NHIỆM VỤ
1. Sở Nông nghiệp và Phát triển nông thôn hoàn thành chuỗi cung ứng nông sản an toàn.
"""

BODIES = ("Các sở, ngành, địa phương", "Sở Y tế", "Sở Nông nghiệp và Phát triển nông thôn", "Sở Công Thương",
          "Sở Thông tin và Truyền thông")
DEADLINES = {"1.b": Deadline("Định kỳ hằng quý", "recurring"), "2": Deadline("thường xuyên", "ongoing"),
             "3": Deadline("trong năm 2024", "year", dt.date(2024, 12, 31)),
             "4": Deadline("trong năm 2024", "year", dt.date(2024, 12, 31)),
             "5": Deadline("định kỳ hằng năm", "recurring")}


def directive_tasks() -> list[Task]:
    """The directive's tasks as nlp gives them: text, lead, deadline and numbering path."""
    out, top, lead = [], None, []
    for line in DIRECTIVE.split("\n"):
        head, _, rest = line.partition(" ")
        if not rest or not (head.endswith(".") and head[:-1].isdigit() or head.endswith(")")):
            continue
        label = head[:-1] if head.endswith(".") else f"{top}.{head[:-1]}"
        start = DIRECTIVE.index(line) + len(head) + 1
        named = [BodyMention(b, start, start + len(b), canonical=b, is_group="các" in b.lower())
                 for b in BODIES if rest.startswith(b)]
        if head.endswith("."):
            top, lead = label, named
            if rest.endswith(":"):
                continue
        out.append(Task(text=rest.rstrip("."), start=start, end=start + len(rest), lead=named or lead,
                        deadline=DEADLINES.get(label), label=label, component="test"))
    return out


def directive_targets() -> list[Target]:
    """The targets, two of them with an indicator read poorly (as nlp sometimes does)."""
    def at(text: str, indicator: str, value: float, unit: str) -> Target:
        start = DIRECTIVE.index(text)
        return Target(text=text, start=start, end=start + len(text), indicator=indicator, comparator="=",
                      value=value, unit=unit, year=2025)
    return [at("phấn đấu đến năm 2025 có 100% bếp ăn tập thể được kiểm tra an toàn thực phẩm", "phấn đấu", 100, "%"),
            at("80% cơ sở kinh doanh thực phẩm được cấp giấy chứng nhận",
               "cơ sở kinh doanh thực phẩm được cấp giấy chứng nhận", 80, "%"),
            at("chỉ số an toàn thực phẩm của tỉnh thuộc nhóm 10 tỉnh dẫn đầu", "tỉnh dẫn đầu", 10, "tỉnh"),
            at("2.000 cán bộ", "Mục tiêu", 2000, "cán bộ")]


@pytest.fixture
def stored_pair(any_store, add_document, cite):
    """The directive, then the report on it, stored and followed up."""
    directive = add_document(any_store, number="12/CT-UBND", kind="Chỉ thị", date=dt.date(2024, 1, 10),
                             issuer="Ủy ban nhân dân tỉnh Phú Yên", title="Về tăng cường bảo đảm an toàn thực phẩm",
                             text=DIRECTIVE, tasks=directive_tasks(), targets=directive_targets(), name="ct-12.txt")
    report = add_document(any_store, number="88/BC-SYT", kind="Báo cáo", date=dt.date(2024, 7, 5),
                          issuer="Sở Y tế tỉnh Phú Yên",
                          title="Kết quả thực hiện Chỉ thị số 12/CT-UBND ngày 10/01/2024 của UBND tỉnh", text=REPORT,
                          citations=[cite(REPORT, "12/CT-UBND", date=dt.date(2024, 1, 10), kind="Chỉ thị")],
                          name="bc-88.txt")
    return any_store, directive, report


def _statuses(store, report_id) -> dict[str, tuple[str, str]]:
    with store.session() as session:
        return {e.task.label: (e.status, e.note) for e in session.scalars(
            select(StatusEvent).where(StatusEvent.evidence_document_id == report_id))}


@pytest.mark.parametrize("text, labels", [
    ("(nhiệm vụ tại khoản 1 mục III): đã hoàn thành", {"iii.1"}),
    ("(nhiệm vụ 1 mục II) đang thực hiện", {"ii.1"}),
    ("chưa hoàn thành nhiệm vụ tại điểm b khoản 1 Chỉ thị số 08/CT-UBND", {"1.b"}),
    ("điểm a, b khoản 2 Chỉ thị", {"2.a", "2.b"}),
    ("theo khoản 2 Điều 3 Quyết định này", {"điều3.2"}),
    ("(nội dung 3 và nội dung 4): đang thực hiện", {"3", "4"}),
    ("Về nhiệm vụ số 2, 5 và 6: đã hoàn thành", {"2", "5", "6"}),
    ("khoản 2, 3 huyện chưa báo cáo", {"2"}),  # "3 huyện" is a count, not a number of the directive
    ("mục tiêu điều chỉnh nội dung kế hoạch", set()),
])
def test_references_to_the_directive_numbering(text, labels):
    assert referenced_labels(text) == labels


def test_a_reference_without_the_section_still_names_the_item():
    assert label_fit("III.1", "1") == EXACT  # "khoản 1" of section III
    assert label_fit("Điều 3.2", "điều3.2") == EXACT
    assert label_fit("2.1", "1") == 0  # item 1 of item 2 is not item 1
    assert label_fit("1", "iii.1") == WITHOUT_SECTION  # the task was read without its section


def test_sub_items_under_a_referenced_clause_refer_to_its_points():
    found = {p.label: p.references for p in passages(REPORT) if p.label and not p.looking_ahead}
    assert found["1.a"] == {"1.a"} and found["1.b"] == {"1.b"}
    assert found["3"] == {"3", "4"}


def test_statuses_read_from_the_report(stored_pair):
    store, _, report = stored_pair
    statuses = _statuses(store, report)
    assert {label: status for label, (status, _) in statuses.items()} == {
        "1.a": "done",  # a short description, but the point of clause 1 it stands under
        "1.b": "in_progress",  # a recurring task reported on, no status word
        "2": "in_progress",  # "đã kiểm tra 320 cơ sở": work done, completion not stated
        "3": "in_progress", "4": "in_progress",  # one passage on two numbered tasks
        "5": "in_progress",  # "đã ban hành Hướng dẫn" does not finish a recurring task
    }
    assert "đã kiểm tra" in statuses["2"][1]


def test_work_done_gives_a_status_only_when_the_task_is_surely_named():
    tasks = [StoredTask(id=i, ordinal=i, label=t.label, text=t.text, start=t.start, end=t.end,
                        deadline_kind=t.deadline.kind if t.deadline else None)
             for i, t in enumerate(directive_tasks())]
    vague = Passage("Đoàn liên ngành đã kiểm tra cơ sở sản xuất thực phẩm tại hai huyện.", None, False)
    [match] = match_tasks(vague, tasks)
    assert match.task.label == "2" and not match.sure
    named = Passage("Thanh tra (nhiệm vụ 3): đã họp với các hợp tác xã.", None, False, {"3"})
    assert passage_status(named, Match(tasks[3], True))[0] == "in_progress"
    assert passage_status(Passage("Thanh tra (nhiệm vụ 3): đã được giao Sở.", None, False, {"3"}),
                          Match(tasks[3], True)) is None


def test_figures_for_targets_with_a_poor_indicator_and_a_rank(stored_pair):
    store, directive, report = stored_pair
    with store.session() as session:
        figures = {p.target.text: p.value for p in session.scalars(select(TargetProgress))}
    assert figures == {
        "80% cơ sở kinh doanh thực phẩm được cấp giấy chứng nhận": 65,  # "Đối với các mục tiêu:" is a topic
        "phấn đấu đến năm 2025 có 100% bếp ăn tập thể được kiểm tra an toàn thực phẩm": 72,
        "chỉ số an toàn thực phẩm của tỉnh thuộc nhóm 10 tỉnh dẫn đầu": 8,  # "xếp thứ 8/63"
    }  # "1.500 cán bộ" shares only its unit with "2.000 cán bộ": not enough to tell


def _task(ordinal: int, label: str, text: str, kind: str | None = None, due: dt.date | None = None) -> StoredTask:
    return StoredTask(id=ordinal, ordinal=ordinal, label=label, text=text, start=0, end=len(text),
                      deadline_kind=kind, due=due)


def test_an_item_read_as_two_tasks_is_reported_on_as_a_whole():
    tasks = [_task(0, "4", "Sở Y tế hướng dẫn các cơ sở tự kiểm tra an toàn thực phẩm"),
             _task(1, "5", "Sở Công Thương theo dõi việc thực hiện Chỉ thị"),
             _task(2, "5", "định kỳ hằng năm tổng hợp, báo cáo UBND tỉnh", "recurring")]
    passage = Passage("Về nội dung 5: Sở Công Thương đã ban hành Kế hoạch số 20/KH-SCT; gửi báo cáo năm 2023.",
                      "3", False, {"5"})
    assert [m.task.id for m in match_tasks(passage, tasks)] == [1, 2]


def test_a_duty_to_follow_and_urge_without_a_date_is_not_finished_by_a_report():
    follow = _task(0, "5", "Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện Chỉ thị")
    inspect = _task(1, "2", "Sở Y tế tổ chức kiểm tra đột xuất các bếp ăn tập thể", "quarter", dt.date(2024, 9, 30))
    issued = "Văn phòng UBND tỉnh đã ban hành Kế hoạch số 15/KH-VP ngày 02/02/2024."
    assert passage_status(Passage(issued, None, False), Match(follow, True))[0] == "in_progress"
    assert passage_status(Passage("Đã hoàn thành, kiểm tra 40 bếp ăn.", None, False), Match(inspect, True))[0] == "done"
