"""The bundled sample corpus: expected JSON files are well-formed per eval/SCHEMA.md and
agree with the source texts they annotate; the demo files are the build's current output."""
from __future__ import annotations

import calendar
import datetime as dt
import importlib.util
import json
import re
import sys
import unicodedata
from pathlib import Path

import pytest

CORPORA = Path(__file__).resolve().parents[2] / "corpora"
SRC = CORPORA / "src"
EXPECTED = CORPORA / "expected"
DEMO = CORPORA / "demo"

DOC_KINDS = {"Nghị quyết", "Quyết định", "Chỉ thị", "Kết luận", "Thông báo", "Thông báo kết luận",
             "Kế hoạch", "Báo cáo", "Chương trình", "Công văn", "Hướng dẫn", "Quy định", "Tờ trình",
             "Công điện"}
REFERENCE_KINDS = DOC_KINDS | {"Nghị định", "Thông tư", "Luật", "Pháp lệnh", "Đề án"}
DEADLINE_KINDS = {"date", "month", "quarter", "half-year", "year", "ongoing", "recurring", "relative"}
COMPARATORS = {">", ">=", "<", "<=", "~", "="}
RELATIONS = {"reports_on", "implements", "urges", "issued_with", "cites"}
STATUSES = {"done", "in_progress", "open"}
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}

NAMES = sorted(p.stem for p in SRC.glob("*.txt"))


def _source(name: str) -> str:
    return (SRC / f"{name}.txt").read_text(encoding="utf-8")


def _expected(name: str) -> dict:
    return json.loads((EXPECTED / f"{name}.json").read_text(encoding="utf-8"))


def _iso(value: str) -> dt.date:
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", value), value
    return dt.date.fromisoformat(value)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _check_due(deadline: dict) -> None:
    """The due date is the last day of the period the deadline text names."""
    kind, text, due = deadline["kind"], deadline["text"], deadline["due"]
    if kind in ("ongoing", "recurring"):
        assert due is None, deadline
        return
    if kind == "relative":
        assert due is None or _iso(due)
        return
    day = _iso(due)
    if kind == "date":
        found = re.search(r"(\d{1,2})/(\d{1,2})/(\d{4})", text) or \
            re.search(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", text)
        d, m, y = (int(x) for x in found.groups())
        assert day == dt.date(y, m, d), deadline
    elif kind == "month":
        m, y = (int(x) for x in re.search(r"[Tt]háng (\d{1,2})/(\d{4})", text).groups())
        assert day == _month_end(y, m), deadline
    elif kind == "quarter":
        q, y = re.search(r"[Qq]uý (IV|I{1,3})/(\d{4})", text).groups()
        assert day == _month_end(int(y), ROMAN[q] * 3), deadline
    elif kind == "half-year":
        y = int(re.search(r"(\d{4})", text).group(1))
        first_half = "đầu năm" in text or "I/" in text
        assert day == (dt.date(y, 6, 30) if first_half else dt.date(y, 12, 31)), deadline
    elif kind == "year":
        y = int(re.search(r"[Nn]ăm (\d{4})", text).group(1))
        assert day == dt.date(y, 12, 31), deadline


def test_every_source_has_expected_and_a_demo_file():
    assert len(NAMES) >= 18
    for name in NAMES:
        assert (EXPECTED / f"{name}.json").is_file(), name
        demos = [p for p in DEMO.glob(f"{name}.*")]
        assert len(demos) == 1, (name, demos)


@pytest.mark.parametrize("name", NAMES)
def test_expected_is_well_formed_and_verbatim(name):
    text = _source(name)
    data = _expected(name)
    assert set(data) >= {"document", "tasks", "targets", "references"}

    document = data["document"]
    assert set(document) == {"kind", "number", "issuer", "date", "place", "title", "signer"}
    assert document["kind"] in DOC_KINDS
    assert document["issuer"] and document["title"] in text
    # An attached plan has no number, date, place or signer of its own: those are null.
    if document["number"] is not None:
        assert re.search(r"Số:? " + re.escape(document["number"]), text), document["number"]
    if document["date"] is not None:
        issued = _iso(document["date"])
        months = {f"{issued.month:02d}", str(issued.month)}
        assert any(f"{document['place']}, ngày {issued.day:02d} tháng {m} năm {issued.year}" in text
                   for m in months), document
    if document["signer"] is not None:
        assert document["signer"] in text

    for task in data["tasks"]:
        assert set(task) == {"text", "lead", "support", "deadline"}, task
        assert task["text"] in text, task["text"]
        assert isinstance(task["lead"], list) and isinstance(task["support"], list)
        for body in task["lead"] + task["support"]:
            assert body in text, body
        if task["deadline"] is not None:
            deadline = task["deadline"]
            assert deadline["kind"] in DEADLINE_KINDS, deadline
            assert deadline["text"] in text, deadline
            _check_due(deadline)

    for target in data["targets"]:
        assert target["text"] in text, target
        assert target["comparator"] in COMPARATORS
        assert isinstance(target["value"], (int, float)) and not isinstance(target["value"], bool)
        assert target["year"] is None or 2019 <= target["year"] <= 2035
        assert target["unit"] and target["indicator"]

    numbers = [ref["number"] for ref in data["references"]]
    assert len(numbers) == len(set(numbers)), "one entry per distinct number"
    assert document["number"] not in numbers
    for ref in data["references"]:
        assert ref["text"] in text and ref["number"] in ref["text"], ref
        assert ref["kind"] in REFERENCE_KINDS
        if ref["date"] is not None:
            _iso(ref["date"])


def _task_of(directive: dict, status: dict) -> dict:
    tasks = directive["tasks"]
    if "task_index" in status:
        return tasks[status["task_index"]]
    found = [t for t in tasks if t["text"].startswith(status["task_prefix"])]
    assert len(found) == 1, status
    return found[0]


def test_followups_link_documents_and_quote_the_reports():
    data = json.loads((EXPECTED / "followups.json").read_text(encoding="utf-8"))
    assert len(data["pairs"]) >= 5
    urged = False
    for pair in data["pairs"]:
        for link in pair["links"]:
            assert link["relation"] in RELATIONS, link
            assert link["from"] in NAMES and link["to"] in NAMES, link
            cited = link.get("via") or _expected(link["to"])["document"]["number"]
            assert cited and cited in _source(link["from"]), (link, cited)
            urged = urged or link["relation"] == "urges"
        directive = _expected(pair["directive"])
        report_text = _source(pair["report"])
        assert pair["statuses"], pair["directive"]
        for wrong in pair.get("not_linked", []):
            assert wrong["to"] in NAMES and wrong["from"] in NAMES
        for status in pair["statuses"]:
            assert status["status"] in STATUSES, status
            _task_of(directive, status)
            assert status["passage"] in report_text, status["passage"]
        targets = [t["text"] for t in directive["targets"]]
        for achieved in pair.get("achieved", []):
            assert achieved["target"] in targets, achieved
            assert achieved["passage"] in report_text, achieved
            assert isinstance(achieved["value"], (int, float))
    assert urged


def test_repeated_party_number_is_told_apart_by_issuer_and_date():
    """Two expected documents share one Party number; they differ in issuer and date."""
    by_number: dict[str, list[dict]] = {}
    for name in NAMES:
        document = _expected(name)["document"]
        by_number.setdefault(document["number"], []).append(document)
    repeated = [docs for number, docs in by_number.items() if number and len(docs) > 1]
    assert repeated
    for docs in repeated:
        assert len({(d["issuer"], d["date"]) for d in docs}) == len(docs)


def _load_build():
    spec = importlib.util.spec_from_file_location("corpora_build", CORPORA / "build.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def _content(path: Path) -> object:
    """What a reader takes from a built file: each PDF page's text and the DOCX paragraphs and
    table cells; the bytes of text and HTML files. PDF and DOCX bytes also hold font subsets and
    package parts that another fpdf2 or python-docx release writes differently."""
    if path.suffix == ".pdf":
        import pypdfium2

        pdf = pypdfium2.PdfDocument(str(path))
        try:
            return [page.get_textpage().get_text_range() for page in pdf]
        finally:
            pdf.close()
    if path.suffix == ".docx":
        import docx

        document = docx.Document(str(path))
        cells = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
        return [p.text for p in document.paragraphs], cells
    return path.read_bytes()


@pytest.mark.slow
def test_build_is_deterministic_and_demo_is_current(tmp_path):
    build = _load_build()
    first = build.build(tmp_path / "first")
    second = build.build(tmp_path / "second")
    assert {p.name for p in first} == {p.name for p in DEMO.iterdir()}
    for path, again in zip(first, second):
        assert path.read_bytes() == again.read_bytes(), f"{path.name}: two builds differ"
        assert _content(path) == _content(DEMO / path.name), f"{path.name}: demo is not current"
    formats = {p.suffix for p in first}
    assert formats == {".txt", ".pdf", ".docx", ".html"}


def test_html_page_declares_and_uses_windows_1258():
    pages = list(DEMO.glob("*.html"))
    assert pages
    for page in pages:
        raw = page.read_bytes()
        assert b"charset=windows-1258" in raw
        decoded = unicodedata.normalize("NFC", raw.decode("cp1258"))
        assert "nhân dân" in decoded.lower() and "Độc lập - Tự do - Hạnh phúc" in decoded
        assert 'id="main-menu"' in decoded and 'id="footer"' in decoded


def test_docx_has_borderless_header_and_task_table():
    import docx

    for path in DEMO.glob("*.docx"):
        document = docx.Document(str(path))
        header = document.tables[0]
        assert len(header.columns) == 2
        assert b'w:val="nil"' in header._tbl.xml.encode()
    has_task_table = any(len(t.columns) == 5 for p in DEMO.glob("*.docx")
                         for t in docx.Document(str(p)).tables)
    assert has_task_table
