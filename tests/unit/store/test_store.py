"""The store on SQLite and PostgreSQL: saving a document with everything extracted from it."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import inspect

from theodoi.domain import (BodyMention, Citation, Deadline, Extraction, Header, ParsedDocument, Target,
                            Task)
from theodoi.store import repo

TEXT = ("Giao Sở Thông tin và Truyền thông chủ trì, phối hợp với Sở Tài chính xây dựng kế hoạch "
        "chuyển đổi số, hoàn thành trong quý II/2021. Phấn đấu đến năm 2025 trên 90% hồ sơ được xử lý trực tuyến. "
        "Thực hiện Nghị quyết số 15-NQ/TU ngày 31/12/2020.")


def sample(text: str = TEXT) -> tuple[ParsedDocument, Extraction]:
    """A parsed document and an extraction with one of each item."""
    parsed = ParsedDocument(path="/x/kh.txt", file_name="kh.txt", mime="text/plain", parser="plain_text/1",
                            text=text, header=Header(kind="Kế hoạch", number="12/KH-UBND",
                                                     issuer="Ủy ban nhân dân tỉnh Thái Nguyên",
                                                     date=dt.date(2021, 3, 1), title="chuyển đổi số"))
    start = text.index("xây dựng")
    task = Task(text=text[start:text.index(".")], start=start, end=text.index("."),
                lead=[BodyMention("Sở Thông tin và Truyền thông", 5, 33, canonical="Sở Thông tin và Truyền thông")],
                support=[BodyMention("Sở Tài chính", 67, 79, canonical="Sở Tài chính")],
                deadline=Deadline(text="trong quý II/2021", kind="quarter", due=dt.date(2021, 6, 30)),
                component="theodoi_tasks", confidence=0.9)
    target = Target(text="trên 90% hồ sơ được xử lý trực tuyến", start=text.index("trên 90%"),
                    end=text.index("trên 90%") + 36, indicator="hồ sơ được xử lý trực tuyến", comparator=">",
                    value=90, unit="%", year=2025)
    citation = Citation(text="Nghị quyết số 15-NQ/TU ngày 31/12/2020", start=text.index("Nghị quyết"),
                        end=len(text) - 1, number="15-NQ/TU", kind="Nghị quyết", date=dt.date(2020, 12, 31),
                        relation="implements")
    return parsed, Extraction(tasks=[task], targets=[target], citations=[citation])


def save_sample(store, sha="a" * 64):
    parsed, extraction = sample()
    with store.transaction() as session:
        stored = repo.record_file(session, sha256=sha, original_name="kh.txt", source_path="/x/kh.txt",
                                  stored_path="originals/aa/x.txt", size=10)
        return repo.save_document(session, stored, parsed, extraction).id


def test_migrations_create_every_table(any_store):
    tables = set(inspect(any_store.engine).get_table_names())
    assert {"files", "documents", "tasks", "task_bodies", "targets", "citations", "status_events",
            "users", "alembic_version"} <= tables


def test_document_round_trip(any_store):
    document_id = save_sample(any_store)
    with any_store.session() as session:
        document = repo.get_document(session, document_id)
        assert document.file.status == "done" and document.file.parser == "plain_text/1"
        assert (document.kind, document.number, document.date) == ("Kế hoạch", "12/KH-UBND", dt.date(2021, 3, 1))
        [task] = document.tasks
        assert [b.text for b in task.lead] == ["Sở Thông tin và Truyền thông"]
        assert [b.text for b in task.support] == ["Sở Tài chính"]
        assert (task.deadline_kind, task.due) == ("quarter", dt.date(2021, 6, 30))
        assert document.text[task.start:task.end] == task.text
        assert document.targets[0].value == 90 and document.targets[0].year == 2025
        assert document.citations[0].relation == "implements"
        assert document.index_state == "pending"


def test_failed_file_is_kept_and_listed(any_store):
    with any_store.transaction() as session:
        stored = repo.record_file(session, sha256="b" * 64, original_name="hong.pdf", source_path="/x/hong.pdf",
                                  stored_path="originals/bb/y.pdf", size=3)
        repo.mark_failed(session, stored, "corrupt_file", "/x/hong.pdf: not a PDF")
    with any_store.session() as session:
        [failed] = repo.failed_files(session)
        assert (failed.original_name, failed.error_code) == ("hong.pdf", "corrupt_file")


def test_status_events_accumulate(any_store):
    document_id = save_sample(any_store)
    with any_store.transaction() as session:
        task = repo.get_document(session, document_id).tasks[0]
        repo.add_status_event(session, task, status="in_progress", source="auto", passage="đang triển khai")
        repo.add_status_event(session, task, status="done", source="manual", user="lan", note="đã có kế hoạch")
    with any_store.session() as session:
        task = repo.get_task(session, repo.get_document(session, document_id).tasks[0].id)
        assert [(e.status, e.source) for e in task.events] == [("in_progress", "auto"), ("done", "manual")]


def test_index_state_and_ids(any_store):
    first, second = save_sample(any_store, "c" * 64), save_sample(any_store, "d" * 64)
    with any_store.transaction() as session:
        repo.set_index_state(session, [first], "indexed")
    with any_store.session() as session:
        assert repo.document_ids(session, index_state="pending") == [second]
        assert repo.document_ids(session) == [first, second]
