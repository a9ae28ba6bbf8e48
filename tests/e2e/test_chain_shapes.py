"""The shapes of real directive → follow-up chains, in documents written for this test, through
the real pipeline (ingest, store, follow-up) in both orders of arrival:

- a Công điện, and a ministry letter opening on it ("Thủ tướng đã ban hành Công điện số ...
  chỉ đạo ...; ... yêu cầu");
- a Party conclusion, and a steering committee's letter carrying out two conclusions on a
  wrapped line ("Thực hiện Kết luận số ... và\\nKết luận số ...");
- a decision with the plan issued with it, and a city's letter carrying it out; the decision
  never links to itself;
- a progress report whose table rows give the status of the Công điện's tasks.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from theodoi.config import Settings
from theodoi.pipeline import ingest_paths
from theodoi.store.db import Store
from theodoi.store.models import Document, StatusEvent, Task
from theodoi.tracking.links import document_links

pytestmark = pytest.mark.slow

DIRECTIVES = {
    "cd-31.txt": """THỦ TƯỚNG CHÍNH PHỦ
Số: 31/CĐ-TTg
Hà Nội, ngày 10 tháng 3 năm 2025
CÔNG ĐIỆN
Về việc đẩy nhanh cắt giảm thủ tục hành chính
THỦ TƯỚNG CHÍNH PHỦ điện:
1. Các Bộ, cơ quan ngang Bộ rà soát, cắt giảm thủ tục hành chính nội bộ, hoàn thành trước ngày 30/4/2025.
2. Các Bộ công bố danh mục thủ tục hành chính được cắt giảm trên Cổng Dịch vụ công quốc gia trước ngày 31/5/2025.
3. Văn phòng Chính phủ theo dõi, đôn đốc việc thực hiện Công điện này.
""",
    "kl-88.txt": """BAN CHẤP HÀNH TRUNG ƯƠNG
BỘ CHÍNH TRỊ
Số 88-KL/TW
Hà Nội, ngày 05 tháng 6 năm 2025
KẾT LUẬN
về việc tiếp tục sắp xếp tổ chức bộ máy
1. Các tỉnh ủy, thành ủy hoàn thành việc sắp xếp các tổ chức trong hệ thống chính trị trước ngày 30/9/2025.
2. Đảng ủy Chính phủ chỉ đạo hoàn thiện các nghị định về tổ chức chính quyền địa phương.
""",
    "qd-1450.txt": """THỦ TƯỚNG CHÍNH PHỦ
Số: 1450/QĐ-TTg
Hà Nội, ngày 12 tháng 8 năm 2025
QUYẾT ĐỊNH
Phê duyệt Kế hoạch quốc gia về kiểm soát bụi mịn đô thị
Điều 1. Phê duyệt Kế hoạch quốc gia về kiểm soát bụi mịn đô thị kèm theo Quyết định này.
Điều 2. Quyết định này có hiệu lực từ ngày ký.
KẾ HOẠCH
(Kèm theo Quyết định số 1450/QĐ-TTg ngày 12/8/2025 của Thủ tướng Chính phủ)
1. Bộ Nông nghiệp và Môi trường xây dựng hệ thống quan trắc bụi mịn, hoàn thành trong năm 2026.
2. Ủy ban nhân dân các thành phố trực thuộc Trung ương kiểm soát bụi từ công trình xây dựng.
""",
}
FOLLOW_UPS = {
    "cv-512.txt": """BỘ XÂY DỰNG
Số: 512/BXD-VP
Hà Nội, ngày 20 tháng 3 năm 2025
V/v triển khai cắt giảm thủ tục hành chính
Kính gửi: Các cục, vụ thuộc Bộ
Thủ tướng Chính phủ đã ban hành Công điện số 31/CĐ-TTg ngày 10/3/2025 chỉ đạo đẩy nhanh cắt giảm thủ tục hành chính. Trước tình hình đó, Bộ trưởng yêu cầu:
1. Vụ Pháp chế tổng hợp phương án cắt giảm, báo cáo Bộ trưởng trước ngày 15/4/2025.
""",
    "cv-77.txt": """BAN CHỈ ĐẠO
Số: 77/CV-BCĐ
Hà Nội, ngày 20 tháng 6 năm 2025
Kính gửi: Các tỉnh ủy, thành ủy
Thực hiện Kết luận số 80-KL/TW ngày 01/5/2025 và
Kết luận số 88-KL/TW ngày 05/6/2025 của Bộ Chính trị, Ban Chỉ đạo đề nghị các tỉnh ủy, thành ủy khẩn trương hoàn thành việc sắp xếp.
""",
    "cv-3100.txt": """ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG
Số: 3100/UBND-MT
Hải Phòng, ngày 02 tháng 9 năm 2025
V/v thực hiện Kế hoạch quốc gia về kiểm soát bụi mịn đô thị
Thực hiện Quyết định số 1450/QĐ-TTg ngày 12/8/2025 của Thủ tướng Chính phủ, Ủy ban nhân dân thành phố yêu cầu Sở Xây dựng kiểm soát bụi từ công trình xây dựng trên địa bàn.
""",
    "bc-66.txt": """VĂN PHÒNG CHÍNH PHỦ
Số: 66/BC-VPCP
Hà Nội, ngày 15 tháng 6 năm 2025
BÁO CÁO
Tiến độ thực hiện Công điện số 31/CĐ-TTg ngày 10/3/2025 của Thủ tướng Chính phủ
STT | Nhiệm vụ | Cơ quan chủ trì | Thời hạn | Tiến độ / Kết quả
1 | Rà soát, cắt giảm thủ tục hành chính nội bộ | Các Bộ, cơ quan ngang Bộ | 30/4/2025 | Hoàn thành chậm
2 | Công bố danh mục thủ tục hành chính được cắt giảm trên Cổng Dịch vụ công quốc gia | Các Bộ | 31/5/2025 | Chưa hoàn thành
""",
}
EXPECTED = {("cv-512", "cd-31", "implements"), ("cv-77", "kl-88", "implements"),
            ("cv-3100", "qd-1450", "implements")}


def _write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def settings(request, tmp_path):
    """A data directory on SQLite and, in a second run, on a new PostgreSQL database."""
    if request.param == "sqlite":
        yield Settings.load(tmp_path / "data")
    else:
        yield request.getfixturevalue("postgres_settings")


@pytest.mark.parametrize("directives_first", [True, False], ids=["directives-first", "follow-ups-first"])
def test_chains_link_with_their_relation_whichever_arrives_first(tmp_path, settings, directives_first):
    directives, follow_ups = _write(tmp_path / "a", DIRECTIVES), _write(tmp_path / "b", FOLLOW_UPS)
    for folder in ([directives, follow_ups] if directives_first else [follow_ups, directives]):
        report = ingest_paths([folder], settings)
        assert not report.failed, [o.message for o in report.failed]
    store = Store(settings)
    try:
        with store.session() as session:
            links = {(Path(r["from"]["file_name"]).stem, Path(r["to"]["file_name"]).stem, r["relation"])
                     for r in document_links(session) if r["to"]["resolved"]}
            assert EXPECTED <= links
            assert not [link for link in links if link[0] == link[1]]  # never to itself
            directive = session.scalar(select(Document).where(Document.number == "31/CĐ-TTg"))
            events = session.execute(select(Task.label, StatusEvent.status).join(StatusEvent)
                                     .where(Task.document_id == directive.id)).all()
            assert sorted(events) == [("1", "done_late"), ("2", "open")]
    finally:
        store.dispose()
