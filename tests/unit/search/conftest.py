"""Shared fixtures: a small set of Vietnamese documents in a fresh index."""
from __future__ import annotations

import datetime as dt

import pytest

from theodoi.config import SEARCH_BACKENDS, Settings
from theodoi.search import IndexDocument, open_index

DOCUMENTS = [
    IndexDocument(
        id=1, number="15-NQ/TU", kind="Nghị quyết", issuer="Tỉnh ủy Long An", date=dt.date(2021, 5, 3),
        title="về chuyển đổi số tỉnh Long An đến năm 2025",
        text=("Nghị quyết về chuyển đổi số tỉnh Long An. Giao UBND tỉnh chủ trì, Sở TT&TT phối hợp "
              "tổ chức thực hiện. Ý kiến của các sở được tổng hợp."),
        agencies=["UBND tỉnh", "Ủy ban nhân dân tỉnh", "Sở TT&TT", "Sở Thông tin và Truyền thông"],
        task_statuses=["open"], deadlines=[dt.date(2025, 12, 31)]),
    IndexDocument(
        id=2, number="36-HĐ/VPTW", kind="Hướng dẫn", issuer="Văn phòng Trung ương Đảng",
        date=dt.date(2018, 1, 3), title="thể thức và kỹ thuật trình bày văn bản của Đảng",
        text="Hướng dẫn thể thức và kỹ thuật trình bày văn bản. Phòng, chống tham nhũng, lãng phí."),
    IndexDocument(
        id=3, number="12/KH-UBND", kind="Kế hoạch", issuer="Ủy ban nhân dân tỉnh Long An",
        date=dt.date(2022, 2, 1), title="thực hiện Nghị quyết số 15-NQ/TU",
        text=("Kế hoạch thực hiện Nghị quyết số 15-NQ/TU về chuyển đổi số. Ủy ban nhân dân các huyện "
              "triển khai phong trào thi đua."),
        agencies=["Sở Thông tin và Truyền thông"], task_statuses=["done"]),
    IndexDocument(
        id=4, number="36-HD/BTGTU", kind="Hướng dẫn", issuer="Ban Tuyên giáo Tỉnh ủy",
        date=dt.date(2022, 8, 9), title="tuyên truyền kỷ niệm ngày thành lập",
        text="Hướng dẫn tuyên truyền. Chuyen doi so khong dau trong van ban cu. Phong trào văn nghệ."),
    IndexDocument(
        id=5, number="40/BC-SYT", kind="Báo cáo", issuer="Sở Y tế", date=dt.date(2023, 11, 20),
        title="kết quả tiêm chủng mở rộng",
        text="Báo cáo kết quả tiêm chủng. Sở Y tế chủ trì, phối hợp Sở Tài chính. Cần đẩy mạnh đổi mới.",
        agencies=["Sở Y tế", "Sở Tài chính"], task_statuses=["in_progress", "open"]),
]


@pytest.fixture
def documents() -> list[IndexDocument]:
    return list(DOCUMENTS)


ENGINES = [pytest.param(name, marks=pytest.mark.postgres) if name == "postgres" else name
           for name in SEARCH_BACKENDS]


@pytest.fixture(params=ENGINES)
def settings(request, tmp_path, monkeypatch, new_postgres_database):
    """Settings of a fresh data folder (the store on SQLite), once per search engine (also
    for the CLI, which reads THEODOI_SEARCH_BACKEND); the postgres engine's index goes to
    a new PostgreSQL database, dropped afterwards."""
    monkeypatch.setenv("THEODOI_SEARCH_BACKEND", request.param)
    if request.param != "postgres":
        yield Settings.load(tmp_path)
        return
    with new_postgres_database() as url:
        monkeypatch.setenv("THEODOI_SEARCH_DATABASE_URL", url)
        yield Settings.load(tmp_path)


@pytest.fixture
def index(settings):
    ix = open_index(settings, lock_timeout=5)
    ix.add(DOCUMENTS)
    yield ix
    ix.close()

