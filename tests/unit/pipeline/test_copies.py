"""One document arriving as several copies (a transcription and a portal capture, the same text
retyped) is one document with several files; the same bytes under another name are one file
with several names. On SQLite and PostgreSQL."""
from __future__ import annotations

import pytest

from theodoi.config import Settings
from theodoi.pipeline import ingest_paths
from theodoi.store.models import Document, DocumentCopy, FileName, StoredFile

OFFICIAL = ("ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 58/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Lào Cai, ngày 12 tháng 3 năm 2025\nKẾ HOẠCH\nTriển khai nền tảng số dùng chung\n"
            "Giao Sở Khoa học và Công nghệ chủ trì xây dựng kho dữ liệu, hoàn thành trước ngày 30/6/2025.\n"
            "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Văn Hòa\n")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_settings(request, tmp_path):
    if request.param == "sqlite":
        return Settings.load(tmp_path / "data")
    return request.getfixturevalue("postgres_settings")


def test_copies_of_one_document_and_names_of_one_file(tmp_path, store_settings):
    from theodoi.store.db import Store

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-ke-hoach.txt").write_text(OFFICIAL, encoding="utf-8")
    # the same document as a markdown transcription: other bytes, same number, issuer and date
    (folder / "b-ban-chep.md").write_text(OFFICIAL.replace("KẾ HOẠCH", "# KẾ HOẠCH").replace("Giao", "**Giao**"),
                                          encoding="utf-8")
    # an undated note (no header to compare) and the same text saved again with other line ends and spacing
    undated = OFFICIAL.replace("Lào Cai, ngày 12 tháng 3 năm 2025\n", "").replace("58/KH-UBND", "60/TB-UBND")
    (folder / "c1-thong-bao.txt").write_text(undated, encoding="utf-8")
    (folder / "c2-thong-bao-ban-sao.txt").write_text(undated.replace("\n", "\r\n").replace(" chủ trì", "  chủ trì"),
                                                    encoding="utf-8")
    (folder / "d-ban-khac.txt").write_text(OFFICIAL.replace("58/KH-UBND", "59/KH-UBND").replace("kho dữ liệu",
                                                                                                "cổng dữ liệu"),
                                           encoding="utf-8")
    (folder / "e-trung-lap.txt").write_bytes((folder / "a-ke-hoach.txt").read_bytes())
    report = ingest_paths([folder], store_settings)
    statuses = {o.path.name: o.status for o in report.outcomes}
    assert statuses == {"a-ke-hoach.txt": "added", "b-ban-chep.md": "copy", "c1-thong-bao.txt": "added",
                        "c2-thong-bao-ban-sao.txt": "copy", "d-ban-khac.txt": "added", "e-trung-lap.txt": "unchanged"}

    (tmp_path / "later").mkdir()
    (tmp_path / "later" / "ke-hoach-58.txt").write_bytes((folder / "a-ke-hoach.txt").read_bytes())
    assert [o.status for o in ingest_paths([tmp_path / "later"], store_settings).outcomes] == ["unchanged"]

    store = Store(store_settings)
    with store.session() as session:
        documents = session.query(Document).order_by(Document.id).all()
        assert [d.number for d in documents] == ["58/KH-UBND", "60/TB-UBND", "59/KH-UBND"]
        copies = {c.file.original_name: (c.reason, c.document_id) for c in session.query(DocumentCopy).all()}
        assert copies == {"b-ban-chep.md": ("same_header", documents[0].id),
                          "c2-thong-bao-ban-sao.txt": ("same_text", documents[1].id)}
        names = sorted(n.name for n in session.query(FileName).all())
        assert names == ["e-trung-lap.txt", "ke-hoach-58.txt"]
        assert session.query(StoredFile).filter(StoredFile.status == "done").count() == 5
    store.dispose()
