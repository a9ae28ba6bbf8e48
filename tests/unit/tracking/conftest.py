"""Documents written for the follow-up tests: a resolution, a plan that implements it and a
report on the plan (Vietnamese, made up for the tests), stored the way the pipeline
stores them (save, then follow_up in the same transaction)."""
from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from theodoi.domain import (BodyMention, Citation, Deadline, Extraction, Header, ParsedDocument, Target,
                            Task)
from theodoi.store import repo
from theodoi.tracking.followup import follow_up

RESOLUTION = """TỈNH ỦY HÒA BÌNH
Số 08-NQ/TU
NGHỊ QUYẾT
về phát triển du lịch tỉnh Hòa Bình đến năm 2025
Mục tiêu: đến năm 2025 đón trên 5.000.000 lượt khách du lịch; tỷ lệ cơ sở lưu trú đạt chuẩn trên 80%.
1. Phát triển sản phẩm du lịch cộng đồng gắn với bản sắc văn hóa các dân tộc.
2. Đầu tư nâng cấp hạ tầng giao thông kết nối các khu du lịch trọng điểm.
3. Ứng dụng công nghệ thông tin, xây dựng du lịch thông minh.
"""

PLAN = """ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH
Số: 20/KH-UBND
KẾ HOẠCH
Thực hiện Nghị quyết số 08-NQ/TU ngày 10/01/2023 của Ban Chấp hành Đảng bộ tỉnh về phát triển du lịch
Mục tiêu đến năm 2025: đón trên 5.000.000 lượt khách du lịch; tỷ lệ cơ sở lưu trú đạt chuẩn trên 80%.
1. Sở Văn hóa, Thể thao và Du lịch chủ trì xây dựng Đề án phát triển sản phẩm du lịch cộng đồng, hoàn thành trong quý III/2023.
2. Sở Giao thông vận tải chủ trì nâng cấp tuyến đường vào khu du lịch hồ Hòa Bình, hoàn thành trong năm 2024.
3. Sở Thông tin và Truyền thông xây dựng cổng thông tin du lịch thông minh, hoàn thành trước ngày 30/6/2023.
4. UBND các huyện rà soát quy hoạch các điểm du lịch, hoàn thành trong tháng 12/2023.
"""

REPORT = """ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH
Số: 150/BC-UBND
BÁO CÁO
Kết quả thực hiện Kế hoạch số 20/KH-UBND ngày 15/02/2023 của UBND tỉnh về phát triển du lịch
Thực hiện Kế hoạch số 20/KH-UBND ngày 15/02/2023 của UBND tỉnh, UBND tỉnh báo cáo kết quả như sau:
I. KẾT QUẢ THỰC HIỆN
1. Về phát triển sản phẩm du lịch cộng đồng: Đã hoàn thành. UBND tỉnh đã phê duyệt Đề án tại Quyết định số 1200/QĐ-UBND ngày 25/9/2023.
2. Về cổng thông tin du lịch thông minh: Sở Thông tin và Truyền thông đang triển khai xây dựng, dự kiến vận hành trong quý I/2024.
3. Về tuyến đường vào khu du lịch hồ Hòa Bình: chưa triển khai do chưa bố trí được vốn.
Lượng khách du lịch năm 2023 đạt 3.200.000 lượt khách. Tỷ lệ cơ sở lưu trú đạt chuẩn đến nay đạt 65%.
II. PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2024
1. Tiếp tục triển khai rà soát quy hoạch các điểm du lịch tại các huyện.
"""

BODIES = {
    "Sở Văn hóa, Thể thao và Du lịch": "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Giao thông vận tải": "Sở Giao thông vận tải",
    "Sở Thông tin và Truyền thông": "Sở Thông tin và Truyền thông",
    "UBND các huyện": "Ủy ban nhân dân các huyện",
}


def tasks_of(text: str, deadlines: dict[str, Deadline] | None = None) -> list[Task]:
    """One task per numbered line of `text`, labelled by its number, its lead read from BODIES."""
    out = []
    offset = 0
    for line in text.split("\n"):
        head, _, rest = line.partition(". ")
        if head.isdigit() and rest:
            start = offset + len(head) + 2
            lead = [BodyMention(name, start, start + len(name), canonical=canonical, is_group="các" in name)
                    for name, canonical in BODIES.items() if rest.startswith(name)]
            deadline = (deadlines or {}).get(head)
            out.append(Task(text=rest.rstrip("."), start=start, end=start + len(rest), lead=lead,
                            deadline=deadline, label=head, component="test"))
        offset += len(line) + 1
    return out


def targets_of(text: str) -> list[Target]:
    """The two targets the resolution and the plan state."""
    visitors = text.index("trên 5.000.000")
    lodging = text.index("tỷ lệ cơ sở lưu trú")
    return [Target(text="trên 5.000.000 lượt khách du lịch", start=visitors, end=visitors + 33,
                   indicator="lượt khách du lịch", comparator=">", value=5_000_000, unit="lượt khách", year=2025),
            Target(text="tỷ lệ cơ sở lưu trú đạt chuẩn trên 80%", start=lodging, end=lodging + 38,
                   indicator="cơ sở lưu trú đạt chuẩn", comparator=">", value=80, unit="%", year=2025)]


def citation(text: str, number: str, *, relation: str = "cites", date: dt.date | None = None,
             issuer: str | None = None, kind: str | None = None) -> Citation:
    """A citation of `number` at its first place in `text`."""
    start = text.index(number.split("/")[0])
    return Citation(text=number, start=start, end=start + len(number), number=number, kind=kind, date=date,
                    issuer=issuer, relation=relation, component="test")


PLAN_DEADLINES = {
    "1": Deadline("trong quý III/2023", "quarter", dt.date(2023, 9, 30)),
    "2": Deadline("trong năm 2024", "year", dt.date(2024, 12, 31)),
    "3": Deadline("trước ngày 30/6/2023", "date", dt.date(2023, 6, 30)),
    "4": Deadline("trong tháng 12/2023", "month", dt.date(2023, 12, 31)),
}


@pytest.fixture
def report_text():
    """The text of the test report."""
    return REPORT


@pytest.fixture
def cite():
    """The `citation` helper: a Citation of a number at its first place in a text."""
    return citation


@pytest.fixture
def add_document():
    """A function storing one document (header fields, text, extraction) and following it up."""

    def add(store, *, number: str | None, kind: str, date: dt.date | None, text: str = "", issuer: str | None = None,
            title: str | None = None, tasks=(), targets=(), citations=(), issued_with: str | None = None,
            name: str | None = None) -> int:
        name = name or f"{kind}-{number}-{date}.txt".replace("/", "_")
        header = Header(kind=kind, number=number, issuer=issuer, date=date, title=title, issued_with=issued_with)
        parsed = ParsedDocument(path=f"/in/{name}", file_name=name, mime="text/plain", parser="test/1",
                                text=text or f"{kind} {number}", header=header)
        extraction = Extraction(tasks=list(tasks), targets=list(targets), citations=list(citations))
        sha = hashlib.sha256(f"{name}{number}{date}{text}".encode()).hexdigest()
        with store.transaction() as session:
            stored = repo.record_file(session, sha256=sha, original_name=name, source_path=f"/in/{name}",
                                      stored_path=f"originals/{sha[:2]}/{sha}.txt", size=len(text))
            document = repo.save_document(session, stored, parsed, extraction)
            follow_up(session, document, header)
            return document.id

    return add


@pytest.fixture
def add_resolution(add_document):
    """Store Nghị quyết 08-NQ/TU of 10/01/2023 (Tỉnh ủy Hòa Bình)."""
    def add(store, *, date=dt.date(2023, 1, 10), issuer="Tỉnh ủy Hòa Bình"):
        return add_document(store, number="08-NQ/TU", kind="Nghị quyết", date=date, issuer=issuer,
                            title="về phát triển du lịch tỉnh Hòa Bình đến năm 2025", text=RESOLUTION,
                            tasks=tasks_of(RESOLUTION), name=f"nq-08-{date}.txt")
    return add


@pytest.fixture
def add_plan(add_document):
    """Store Kế hoạch 20/KH-UBND of 15/02/2023, which implements 08-NQ/TU of 10/01/2023."""
    def add(store):
        return add_document(
            store, number="20/KH-UBND", kind="Kế hoạch", date=dt.date(2023, 2, 15), issuer="Ủy ban nhân dân tỉnh Hòa Bình",
            title="Thực hiện Nghị quyết số 08-NQ/TU ngày 10/01/2023 của Ban Chấp hành Đảng bộ tỉnh về phát triển du lịch",
            text=PLAN, tasks=tasks_of(PLAN, PLAN_DEADLINES), targets=targets_of(PLAN),
            citations=[citation(PLAN, "08-NQ/TU", relation="implements", date=dt.date(2023, 1, 10),
                                issuer="Ban Chấp hành Đảng bộ tỉnh", kind="Nghị quyết")],
            name="kh-20.txt")
    return add


@pytest.fixture
def add_report(add_document):
    """Store Báo cáo 150/BC-UBND of 20/12/2023 on Kế hoạch 20/KH-UBND (nlp saw only "cites")."""
    def add(store, *, date=dt.date(2023, 12, 20)):
        return add_document(
            store, number="150/BC-UBND", kind="Báo cáo", date=date, issuer="Ủy ban nhân dân tỉnh Hòa Bình",
            title="Kết quả thực hiện Kế hoạch số 20/KH-UBND ngày 15/02/2023 của UBND tỉnh về phát triển du lịch",
            text=REPORT, citations=[citation(REPORT, "20/KH-UBND", date=dt.date(2023, 2, 15), kind="Kế hoạch")],
            name="bc-150.txt")
    return add
