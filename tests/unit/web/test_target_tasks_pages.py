"""The document page lists each target with the tasks that serve it and how they stand; a
task's page names its target. A plan written for this test, stored by the real pipeline."""
from __future__ import annotations

import datetime as dt

from bs4 import BeautifulSoup
from sqlalchemy import select

from theodoi.pipeline import ingest_file
from theodoi.store import repo
from theodoi.store.models import Document

PLAN = """ỦY BAN NHÂN DÂN TỈNH LAI CHÂU
Số: 19/KH-UBND
Lai Châu, ngày 03 tháng 02 năm 2026
KẾ HOẠCH
Nước sạch nông thôn năm 2026

1. Về cấp nước
Phấn đấu đến năm 2027 có 95% hộ dân nông thôn dùng nước hợp vệ sinh.
- Sở Nông nghiệp và Môi trường chủ trì sửa chữa các công trình cấp nước tập trung, hoàn thành trong quý III/2026.
- Ủy ban nhân dân các xã vận động hộ dân xây bể chứa nước hợp vệ sinh.
2. Về kinh phí
- Sở Tài chính bố trí kinh phí sửa chữa công trình.
"""


def page(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def test_target_with_its_tasks_on_the_document_and_task_pages(client, store, sample_documents, tmp_path):
    path = tmp_path / "kh-19.txt"
    path.write_text(PLAN, encoding="utf-8")
    assert ingest_file(path, sample_documents.settings, store).status == "added"
    with store.transaction() as session:
        document = session.scalar(select(Document).where(Document.number == "19/KH-UBND"))
        [target] = document.targets
        first = target.tasks[0]
        repo.add_status_event(session, first, status="done", source="manual", user="test",
                              at=dt.datetime(2026, 4, 1))
        document_id, target_id, first_id = document.id, target.id, first.id
    soup = page(client, f"/documents/{document_id}?as_of=2026-05-01")
    cell = soup.select_one(f"#target-row-{target_id} td.target-tasks")
    summary = cell.select_one("p").get_text(" ", strip=True)
    assert summary.startswith("2 nhiệm vụ") and "1 Đã hoàn thành" in summary
    listed = [a.get_text(" ", strip=True) for a in cell.select("li a")]
    assert len(listed) == 2 and "sửa chữa các công trình cấp nước" in listed[0]
    assert not any("bố trí kinh phí" in text for text in listed)
    task_page = page(client, f"/tasks/{first_id}")
    served = task_page.select_one("dd#target")
    assert "95% hộ dân nông thôn" in served.get_text(" ", strip=True)
    assert served.select_one("a")["href"].endswith(f"/documents/{document_id}#target-row-{target_id}")
