"""Round trip: each corpus document written into an edXML package (its header fields in the
MessageHeader, the file itself base64 in AttachmentEncoded) and read back gives the same header
fields and the same extraction as the document itself; and stored, on SQLite and PostgreSQL,
the same tasks, with the package's deadline for the recipient and its files beside them."""
from __future__ import annotations

import datetime as dt
import mimetypes
from pathlib import Path

import pytest

from theodoi.config import Settings
from theodoi.ingest import parse_file
from theodoi.ingest.edxml_writer import PackageFile, fields_from_header, write_package
from theodoi.nlp import extract
from theodoi.nlp.agencies import canonical
from theodoi.pipeline import ingest_paths
from theodoi.store import repo
from theodoi.store.db import Store

DEMO = Path(__file__).resolve().parents[2] / "corpora" / "demo"
HEADER_FIELDS = ("kind", "number", "place", "date", "title", "signer", "signer_authority", "signer_title")
DUE = dt.date(2026, 1, 31)


def packaged(source: Path, folder: Path) -> Path:
    """`source` in a package whose header states what the document's own header says."""
    header = parse_file(source, Settings.load(folder / "unused", ocr_mode="off")).header
    fields = fields_from_header(header, from_id="000.00.00.X01", due_date=DUE, steering_type=1,
                                to=[("000.00.00.X02", "UBND tỉnh Bình Định")])
    content_type = mimetypes.guess_type(source.name)[0] or "application/octet-stream"
    path = folder / f"{source.stem}.edxml"
    path.write_bytes(write_package(fields, [PackageFile(source.name, source.read_bytes(), content_type)],
                                   sign_key=b"round-trip"))
    return path


@pytest.mark.parametrize("source", sorted(DEMO.iterdir()), ids=lambda p: p.name)
def test_a_package_reads_as_its_document(tmp_path, source):
    settings = Settings.load(tmp_path / "data", ocr_mode="off")
    alone = parse_file(source, settings)
    found_alone = extract(alone)
    package = parse_file(packaged(source, tmp_path), settings)
    found = extract(package)
    for name in HEADER_FIELDS:
        assert getattr(package.header, name) == getattr(alone.header, name), name
    assert package.header.issuer == (canonical(alone.header.issuer) or alone.header.issuer)
    assert package.header.source == "edxml" and package.header.recipient_due == DUE
    assert package.header.package["signature"] == "digest_ok"
    assert package.text == alone.text
    assert found == found_alone  # tasks, bodies, deadlines, targets, citations, offsets


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_settings(request, tmp_path) -> Settings:
    if request.param == "sqlite":
        return Settings.load(tmp_path / "data", ocr_mode="off")
    return request.getfixturevalue("postgres_settings").with_(ocr_mode="off")


def stored_tasks(document) -> list[tuple]:
    return [(t.label, t.text, t.start, t.due, t.deadline_text, [(b.role, b.canonical, b.text) for b in t.bodies])
            for t in document.tasks]


def test_stored_package_and_document_agree(any_settings, tmp_path):
    """Packages stored (SQLite and PostgreSQL) hold what their documents stored alone hold; the
    documents arriving after their packages are copies of them, not second documents."""
    sources = [DEMO / "kh-45-ubnd-thai-nguyen-thuc-hien-nq-15.docx", DEMO / "tb-428-vpcp-ket-luan-pttg-giai-ngan-dau-tu-cong.pdf"]
    packages = tmp_path / "packages"
    packages.mkdir()
    packaged_report = ingest_paths([packaged(s, packages) for s in sources], any_settings)
    alone_settings = Settings.load(tmp_path / "alone")
    alone_report = ingest_paths(sources, alone_settings)
    assert [o.status for o in packaged_report.outcomes + alone_report.outcomes] == ["added"] * 4
    store, alone_store = Store(any_settings), Store(alone_settings)
    with store.session() as session, alone_store.session() as alone_session:
        for alone_outcome, package_outcome in zip(alone_report.outcomes, packaged_report.outcomes):
            alone = repo.get_document(alone_session, alone_outcome.document_id)
            package = repo.get_document(session, package_outcome.document_id)
            assert stored_tasks(package) == stored_tasks(alone) and stored_tasks(alone)
            assert [(t.indicator, t.value) for t in package.targets] == [(t.indicator, t.value) for t in alone.targets]
            assert [c.number for c in package.citations] == [c.number for c in alone.citations]
            assert (package.number, package.date, package.kind) == (alone.number, alone.date, alone.kind)
            assert (alone.header_source, alone.recipient_due, alone.directing, alone.files) == ("text", None, None, [])
            assert (package.header_source, package.recipient_due, package.directing) == ("edxml", DUE, True)
            assert package.recipients == ["Ủy ban nhân dân tỉnh Bình Định"]
            assert package.package["from"]["id"] == "000.00.00.X01" and package.package["signature"] == "digest_ok"
            assert [(f.role, f.name, f.parser is not None) for f in package.files] == \
                [("main", alone.file.original_name, True)]
    copies = ingest_paths(sources, any_settings)
    assert [(o.status, o.document_id) for o in copies.outcomes] == \
        [("copy", o.document_id) for o in packaged_report.outcomes]
    store.dispose()
    alone_store.dispose()
