"""Fixtures shared by every layer's tests: settings in a temporary data directory and a
real store on SQLite, or on the local PostgreSQL for the tests marked `postgres`."""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import uuid
from contextlib import contextmanager
from dataclasses import dataclass

import pytest

from theodoi.config import Settings
from theodoi.domain import (BodyMention, Citation as DomainCitation, Deadline, Extraction, Header,
                            ParsedDocument, Target, Task as DomainTask)
from theodoi.store import repo
from theodoi.store.db import Store

POSTGRES_ADMIN_URL = os.environ.get("THEODOI_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


@pytest.fixture
def settings(tmp_path) -> Settings:
    """Settings for a fresh data directory (SQLite) under tmp_path."""
    return Settings.load(tmp_path / "data")


@pytest.fixture
def store(settings):
    """A migrated SQLite store in the temporary data directory."""
    store = Store(settings)
    yield store
    store.dispose()


@contextmanager
def fresh_postgres_url():
    """The URL of a new, empty PostgreSQL database, dropped afterwards."""
    from sqlalchemy import create_engine, text

    name = f"theodoi_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def new_postgres_database():
    """`fresh_postgres_url`, for fixtures of any scope: `with new_postgres_database() as url:`."""
    return fresh_postgres_url


@pytest.fixture
def postgres_settings(tmp_path):
    """Settings pointing at a new, empty PostgreSQL database, dropped afterwards."""
    with fresh_postgres_url() as url:
        yield Settings.load(tmp_path / "data", database_url=url)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_store(request, tmp_path):
    """A migrated store on SQLite and, in a second run of the test, on PostgreSQL."""
    if request.param == "sqlite":
        settings = Settings.load(tmp_path / "data")
    else:
        settings = request.getfixturevalue("postgres_settings")
    store = Store(settings)
    yield store
    store.dispose()


# --------------------------------------------------------------------------- sample documents
# Three short Vietnamese documents stored through the real repo (used by the web and
# browser tests): a provincial resolution, the plan that implements it, and a report on
# the plan. Task 1 of the plan is due 30/6/2024 (overdue from July 2024 until done);
# task 3 is due a year from today (in term); task 4 was reported done.

SAMPLE_RESOLUTION = """\
TỈNH ỦY LONG AN
Số: 12-NQ/TU
Tân An, ngày 10 tháng 01 năm 2024
NGHỊ QUYẾT
về chuyển đổi số tỉnh Long An đến năm 2025

Phấn đấu đến năm 2025 có trên 80% hồ sơ thủ tục hành chính được xử lý trực tuyến.
Giao Ban cán sự đảng Ủy ban nhân dân tỉnh lãnh đạo xây dựng kế hoạch thực hiện Nghị quyết, hoàn thành trong quý I năm 2024.
"""

SAMPLE_PLAN = """\
ỦY BAN NHÂN DÂN TỈNH LONG AN
Số: 45/KH-UBND
Tân An, ngày 05 tháng 3 năm 2024
KẾ HOẠCH
Triển khai chuyển đổi số tỉnh Long An năm 2024

Thực hiện Nghị quyết số 12-NQ/TU ngày 10/01/2024 của Tỉnh ủy về chuyển đổi số, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:
1. Sở Thông tin và Truyền thông chủ trì, phối hợp với Sở Tài chính xây dựng nền tảng dữ liệu dùng chung của tỉnh, hoàn thành trước ngày 30/6/2024.
2. Ủy ban nhân dân các huyện triển khai dịch vụ công trực tuyến toàn trình, bảo đảm trên 90% hồ sơ được xử lý trực tuyến; thực hiện thường xuyên.
3. Sở Nội vụ chủ trì tổ chức đào tạo kỹ năng số cho cán bộ, công chức <cấp xã>, hoàn thành trong năm tới.
4. Văn phòng Ủy ban nhân dân tỉnh chủ trì nâng cấp Cổng dịch vụ công của tỉnh, hoàn thành trước ngày 31/5/2024.
"""

SAMPLE_REPORT = """\
SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH LONG AN
Số: 78/BC-STTTT
Tân An, ngày 20 tháng 5 năm 2024
BÁO CÁO
Kết quả thực hiện Kế hoạch số 45/KH-UBND về chuyển đổi số

Thực hiện Kế hoạch số 45/KH-UBND ngày 05/3/2024 của Ủy ban nhân dân tỉnh, Sở báo cáo như sau:
Văn phòng Ủy ban nhân dân tỉnh đã hoàn thành nâng cấp Cổng dịch vụ công của tỉnh.
"""


@dataclass
class SampleDocuments:
    """Ids of the stored sample documents and tasks, and the store's settings."""

    settings: Settings
    resolution_id: int
    plan_id: int
    report_id: int
    plan_task_ids: list[int]
    resolution_task_id: int


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _mention(text: str, part: str, canonical: str | None = None, is_group: bool = False) -> BodyMention:
    start, end = _span(text, part)
    return BodyMention(part, start, end, canonical=canonical or part, is_group=is_group)


def _task(text: str, part: str, lead, support=(), deadline: Deadline | None = None, label=None) -> DomainTask:
    start, end = _span(text, part)
    return DomainTask(text=part, start=start, end=end, lead=list(lead), support=list(support),
                      deadline=deadline, label=label, component="test")


def _citation(text: str, part: str, number: str, kind: str, relation: str) -> DomainCitation:
    start, end = _span(text, part)
    return DomainCitation(text=part, start=start, end=end, number=number, kind=kind, relation=relation)


def _store_document(session, settings: Settings, name: str, text: str, header: Header,
                    extraction: Extraction):
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    stored_path = f"originals/{digest[:2]}/{digest}.txt"
    original = settings.data_dir / stored_path
    original.parent.mkdir(parents=True, exist_ok=True)
    original.write_text(text, encoding="utf-8")
    stored = repo.record_file(session, sha256=digest, original_name=name, source_path=f"/tmp/{name}",
                              stored_path=stored_path, size=original.stat().st_size)
    parsed = ParsedDocument(path=str(original), file_name=name, mime="text/plain", parser="plain_text/1",
                            text=text, header=header)
    return repo.save_document(session, stored, parsed, extraction)


def build_sample_documents(store: Store) -> SampleDocuments:
    """Store the three sample documents (with their tasks, targets, links and one report
    event) through the real repo."""
    settings = store.settings
    in_a_year = dt.date.today() + dt.timedelta(days=365)
    with store.transaction() as session:
        r = SAMPLE_RESOLUTION
        resolution = _store_document(session, settings, "NQ 12-NQ-TU chuyển đổi số.txt", r, Header(
            kind="Nghị quyết", number="12-NQ/TU", issuer="Tỉnh ủy Long An", place="Tân An",
            date=dt.date(2024, 1, 10), title="về chuyển đổi số tỉnh Long An đến năm 2025",
            signer="Nguyễn Văn A", signer_authority="T/M"), Extraction(
            tasks=[_task(r, "Giao Ban cán sự đảng Ủy ban nhân dân tỉnh lãnh đạo xây dựng kế hoạch thực hiện Nghị quyết",
                         [_mention(r, "Ban cán sự đảng Ủy ban nhân dân tỉnh")],
                         deadline=Deadline("trong quý I năm 2024", "quarter", dt.date(2024, 3, 31)))],
            targets=[Target(text="trên 80% hồ sơ thủ tục hành chính được xử lý trực tuyến",
                            start=_span(r, "trên 80%")[0],
                            end=_span(r, "trên 80% hồ sơ thủ tục hành chính được xử lý trực tuyến")[1],
                            indicator="hồ sơ thủ tục hành chính được xử lý trực tuyến", comparator=">",
                            value=80, unit="%", year=2025)]))
        p = SAMPLE_PLAN
        plan = _store_document(session, settings, "KH 45-KH-UBND chuyển đổi số 2024.txt", p, Header(
            kind="Kế hoạch", number="45/KH-UBND", issuer="Ủy ban nhân dân tỉnh Long An", place="Tân An",
            date=dt.date(2024, 3, 5), title="Triển khai chuyển đổi số tỉnh Long An năm 2024",
            signer="Trần Văn B", signer_authority="KT."), Extraction(
            tasks=[
                _task(p, "Sở Thông tin và Truyền thông chủ trì, phối hợp với Sở Tài chính xây dựng nền tảng dữ liệu dùng chung của tỉnh",
                      [_mention(p, "Sở Thông tin và Truyền thông")], [_mention(p, "Sở Tài chính")],
                      Deadline("trước ngày 30/6/2024", "date", dt.date(2024, 6, 30)), label="1"),
                _task(p, "Ủy ban nhân dân các huyện triển khai dịch vụ công trực tuyến toàn trình",
                      [_mention(p, "Ủy ban nhân dân các huyện", is_group=True)],
                      deadline=Deadline("thường xuyên", "ongoing"), label="2"),
                _task(p, "Sở Nội vụ chủ trì tổ chức đào tạo kỹ năng số cho cán bộ, công chức <cấp xã>",
                      [_mention(p, "Sở Nội vụ")], deadline=Deadline("trong năm tới", "date", in_a_year), label="3"),
                _task(p, "Văn phòng Ủy ban nhân dân tỉnh chủ trì nâng cấp Cổng dịch vụ công của tỉnh",
                      [_mention(p, "Văn phòng Ủy ban nhân dân tỉnh")],
                      deadline=Deadline("trước ngày 31/5/2024", "date", dt.date(2024, 5, 31)), label="4"),
            ],
            targets=[Target(text="trên 90% hồ sơ được xử lý trực tuyến", start=_span(p, "trên 90%")[0],
                            end=_span(p, "trên 90% hồ sơ được xử lý trực tuyến")[1],
                            indicator="hồ sơ được xử lý trực tuyến", comparator=">", value=90, unit="%")],
            citations=[_citation(p, "Nghị quyết số 12-NQ/TU", "12-NQ/TU", "Nghị quyết", "implements")]))
        b = SAMPLE_REPORT
        report = _store_document(session, settings, "BC 78 kết quả KH 45.txt", b, Header(
            kind="Báo cáo", number="78/BC-STTTT", issuer="Sở Thông tin và Truyền thông tỉnh Long An",
            place="Tân An", date=dt.date(2024, 5, 20),
            title="Kết quả thực hiện Kế hoạch số 45/KH-UBND về chuyển đổi số"), Extraction(
            citations=[_citation(b, "Kế hoạch số 45/KH-UBND ngày 05/3/2024", "45/KH-UBND", "Kế hoạch",
                                 "reports_on")]))
        plan.citations[0].cited_document_id = resolution.id
        report.citations[0].cited_document_id = plan.id
        repo.add_status_event(
            session, plan.tasks[3], status="done", source="auto", evidence_document_id=report.id,
            passage="Văn phòng Ủy ban nhân dân tỉnh đã hoàn thành nâng cấp Cổng dịch vụ công của tỉnh.",
            at=dt.datetime(2024, 5, 20, 9, 0))
        session.flush()
        return SampleDocuments(settings=settings, resolution_id=resolution.id, plan_id=plan.id,
                               report_id=report.id, plan_task_ids=[t.id for t in plan.tasks],
                               resolution_task_id=resolution.tasks[0].id)


@pytest.fixture
def sample_documents(store) -> SampleDocuments:
    """The three sample documents stored in the test's store."""
    return build_sample_documents(store)


ROWS_REPORT = """\
SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH LONG AN
Số: 90/BC-STTTT
Tân An, ngày 01 tháng 8 năm 2024
BÁO CÁO
Tiến độ các nhiệm vụ chuyển đổi số được giao
STT | Nhiệm vụ | Cơ quan chủ trì | Tiến độ / Kết quả
1 | Xây dựng nền tảng dữ liệu dùng chung của tỉnh | Sở Thông tin và Truyền thông | Đã hoàn thành ngày 15/7/2024
2 | Tổ chức đào tạo kỹ năng số cho cán bộ, công chức cấp xã | Sở Nội vụ | Đang thực hiện
3 | Rà soát, cắt giảm thủ tục hành chính nội bộ | Văn phòng Ủy ban nhân dân tỉnh | Chưa thực hiện
"""


@dataclass
class RowsReport:
    """The stored progress report, with its rows' assigning documents."""

    report_id: int
    row_ids: list[int]


def store_rows_report(store: Store) -> RowsReport:
    """Store a progress report whose rows were assigned by the sample plan (45/KH-UBND, stored)
    and by a decision not stored (99/QĐ-UBND), and follow it up as the pipeline does."""
    from theodoi.domain import Progress
    from theodoi.tracking.followup import follow_up

    b = ROWS_REPORT
    rows = [("Xây dựng nền tảng dữ liệu dùng chung của tỉnh", "1", "done", dt.date(2024, 7, 15), "45/KH-UBND"),
            ("Tổ chức đào tạo kỹ năng số cho cán bộ, công chức cấp xã", "2", "in_progress", None, "45/KH-UBND"),
            ("Rà soát, cắt giảm thủ tục hành chính nội bộ", "3", "not_done", None, "99/QĐ-UBND")]
    tasks = []
    for text, label, value, date, source in rows:
        task = _task(b, text, [], label=label)
        task.status, task.source = Progress(value, value, date), source
        tasks.append(task)
    header = Header(kind="Báo cáo", number="90/BC-STTTT", issuer="Sở Thông tin và Truyền thông tỉnh Long An",
                    place="Tân An", date=dt.date(2024, 8, 1), title="Tiến độ các nhiệm vụ chuyển đổi số được giao")
    with store.transaction() as session:
        report = _store_document(session, store.settings, "BC 90 tiến độ.txt", b, header, Extraction(tasks=tasks))
        follow_up(session, report, header)
        return RowsReport(report_id=report.id, row_ids=[t.id for t in report.tasks])


@pytest.fixture
def rows_report(store, sample_documents) -> RowsReport:
    """The progress report stored after the sample documents."""
    return store_rows_report(store)
