"""Follow-up end to end on the bundled corpus: ingest corpora/demo, then compare the links
and the task statuses read from the reports with corpora/expected/followups.json.

Prints link accuracy (expected links found with the right relation), status accuracy
(expected statuses recorded on the right task, from the right report) and figure
accuracy (achieved values recorded against the right target)."""
from __future__ import annotations

import json
from contextlib import ExitStack
from pathlib import Path

import pytest
from sqlalchemy import select

from theodoi.config import Settings
from theodoi.pipeline import ingest_paths
from theodoi.store.db import Store
from theodoi.store.models import Document, StatusEvent, Target, TargetProgress, Task
from theodoi.tracking.links import document_links
from theodoi.tracking.wording import overlap

CORPORA = Path(__file__).resolve().parents[2] / "corpora"
FOLLOWUPS = CORPORA / "expected" / "followups.json"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def ingested(request, tmp_path_factory, new_postgres_database):
    """The demo corpus ingested into a fresh store, on SQLite and on PostgreSQL."""
    data_dir = tmp_path_factory.mktemp("followups") / "data"
    with ExitStack() as stack:
        url = stack.enter_context(new_postgres_database()) if request.param == "postgresql" else None
        settings = Settings.load(data_dir, database_url=url)
        report = ingest_paths([CORPORA / "demo"], settings)
        assert not report.failed, [o.message for o in report.failed]
        store = Store(settings)
        yield store
        store.dispose()


def _expected(name: str) -> dict:
    return json.loads((CORPORA / "expected" / f"{name}.json").read_text(encoding="utf-8"))


def _documents(session) -> dict[str, Document]:
    return {Path(d.file.original_name).stem: d for d in session.scalars(select(Document))}


def _stored_task(session, document: Document, text: str) -> Task | None:
    tasks = list(session.scalars(select(Task).where(Task.document_id == document.id)))
    scored = sorted(((overlap(text, t.text), t.id, t) for t in tasks), key=lambda x: (-x[0], x[1]))
    return scored[0][2] if scored and scored[0][0] >= 0.5 else None


def _expected_task(directive: dict, status: dict) -> dict:
    if "task_index" in status:
        return directive["tasks"][status["task_index"]]
    return next(t for t in directive["tasks"] if t["text"].startswith(status["task_prefix"]))


def measure(store) -> dict[str, tuple[int, int]]:
    """(right, expected) for links, statuses and achieved figures."""
    pairs = json.loads(FOLLOWUPS.read_text(encoding="utf-8"))["pairs"]
    links_right = links_total = status_right = status_total = figures_right = figures_total = 0
    with store.session() as session:
        documents = _documents(session)
        found = {(Path(r["from"]["file_name"]).stem, Path(r["to"]["file_name"]).stem, r["relation"])
                 for r in document_links(session) if r["to"]["resolved"]}
        for pair in pairs:
            for link in pair["links"]:
                links_total += 1
                links_right += (link["from"], link["to"], link["relation"]) in found
            directive, report = documents[pair["directive"]], documents[pair["report"]]
            expected_directive = _expected(pair["directive"])
            for status in pair["statuses"]:
                status_total += 1
                task = _stored_task(session, directive, _expected_task(expected_directive, status)["text"])
                if task is None:
                    continue
                events = list(session.scalars(select(StatusEvent).where(
                    StatusEvent.task_id == task.id, StatusEvent.evidence_document_id == report.id)))
                status_right += bool(events) and events[-1].status == status["status"]
            for achieved in pair.get("achieved", []):
                figures_total += 1
                rows = session.scalars(select(TargetProgress).join(Target).where(
                    Target.document_id == directive.id, TargetProgress.evidence_document_id == report.id))
                figures_right += any(overlap(r.target.text, achieved["target"]) >= 0.6
                                     and abs(r.value - achieved["value"]) < 1e-6 for r in rows)
    return {"links": (links_right, links_total), "statuses": (status_right, status_total),
            "figures": (figures_right, figures_total)}


def test_links_statuses_and_figures_match_the_expected_followups(ingested, capsys):
    scores = measure(ingested)
    with capsys.disabled():
        print("\nfollow-up accuracy: " + ", ".join(f"{k} {r}/{t} = {r / t:.0%}" for k, (r, t) in scores.items()))
    # measured 2026-11-27: links 11/11 = 100%, statuses 26/33 = 79% (25/33 before nlp split Chỉ thị 05 item 5),
    # figures 9/13 = 69%; the misses are tasks and targets nlp does not extract (or merges, or truncates)
    for name, floor in (("links", 0.95), ("statuses", 0.72), ("figures", 0.65)):
        right, total = scores[name]
        assert right / total >= floor, (name, scores)
