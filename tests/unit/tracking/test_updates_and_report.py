"""Officers' updates (the function the web layer calls, and the CLI), the links listing and
the Excel follow-up table read back with openpyxl."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from sqlalchemy import select

from theodoi.cli import main
from theodoi.store.models import StatusEvent, Task
from theodoi.tracking.report import write_report
from theodoi.tracking.updates import UpdateError, update_status


def _task_id(store, label: str) -> int:
    with store.session() as session:
        return session.scalar(select(Task.id).where(Task.label == label).order_by(Task.id))


def test_update_keeps_the_evidence_file_by_its_content(any_store, add_plan, tmp_path):
    add_plan(any_store)
    task_id = _task_id(any_store, "1")
    evidence = tmp_path / "Quyết định phê duyệt.pdf"
    evidence.write_bytes(b"%PDF-1.4 quyet dinh")
    first = update_status(any_store, task_id, status="done", user="Trần Thị Bình", note="Đã phê duyệt Đề án",
                          evidence_file=evidence, settings=any_store.settings)
    second = update_status(any_store, task_id, status="done", user="Trần Thị Bình", evidence_file=evidence,
                           settings=any_store.settings)
    assert first.evidence_path == second.evidence_path and first.evidence_path.startswith("evidence/")
    assert (any_store.settings.data_dir / first.evidence_path).read_bytes() == b"%PDF-1.4 quyet dinh"
    with any_store.session() as session:
        events = list(session.scalars(select(StatusEvent).where(StatusEvent.task_id == task_id)))
        assert [(e.source, e.user, e.note) for e in events] == [
            ("manual", "Trần Thị Bình", "Đã phê duyệt Đề án"), ("manual", "Trần Thị Bình", None)]


@pytest.mark.parametrize("change, message", [
    ({"status": "finished", "user": "An"}, "unknown status"),
    ({"status": "done", "user": " "}, "name of the user"),
])
def test_update_refuses_bad_input(store, add_plan, change, message):
    add_plan(store)
    with pytest.raises(UpdateError, match=message):
        update_status(store, _task_id(store, "1"), settings=store.settings, **change)
    with pytest.raises(UpdateError, match="no task"):
        update_status(store, 10_000, status="done", user="An", settings=store.settings)


def _cli(store, *args):
    runner = CliRunner()
    env = {"THEODOI_DATABASE_URL": store.settings.database_url}
    return runner.invoke(main, ["--data-dir", str(store.settings.data_dir), *args], env=env, catch_exceptions=False)


def test_cli_task_update_links_and_tasks(any_store, add_plan, add_report):
    add_plan(any_store)
    add_report(any_store)
    task_id = _task_id(any_store, "2")
    result = _cli(any_store, "task", "update", str(task_id), "--status", "in_progress", "--user", "Lê Văn Cường",
                  "--note", "Đã khởi công")
    assert result.exit_code == 0, result.output
    assert _cli(any_store, "task", "update", str(task_id), "--status", "late", "--user", "x").exit_code != 0

    links = json.loads(_cli(any_store, "links", "--json").stdout)
    assert {(l["from"]["number"], l["relation"], l["to"]["number"], l["to"]["resolved"]) for l in links} == {
        ("20/KH-UBND", "implements", "08-NQ/TU", False), ("150/BC-UBND", "reports_on", "20/KH-UBND", True)}

    records = json.loads(_cli(any_store, "tasks", "--json", "--agency", "Sở GTVT").stdout)
    [record] = records
    assert record["recorded_status"] == "in_progress" and record["document"]["number"] == "20/KH-UBND"
    assert [(e["source"], e["status"]) for e in record["evidence"]] == [("auto", "open"), ("manual", "in_progress")]
    assert record["evidence"][0]["document_number"] == "150/BC-UBND"
    report_evidence = record["evidence"][0]  # what an officer needs to check the reading
    assert (report_evidence["document_kind"], report_evidence["document_date"], report_evidence["document_file_name"]) \
        == ("Báo cáo", "2023-12-20", "bc-150.txt")
    assert report_evidence["document_title"].startswith("Kết quả thực hiện Kế hoạch số 20/KH-UBND")
    assert report_evidence["passage"].startswith("Về tuyến đường vào khu du lịch hồ Hòa Bình: chưa triển khai")
    overdue = json.loads(_cli(any_store, "tasks", "--json", "--status", "overdue", "--as-of", "2024-01-15").stdout)
    assert sorted(r["label"] for r in overdue) == ["3", "4"]


def test_excel_report_reads_back(any_store, add_plan, add_report, tmp_path):
    add_plan(any_store)
    add_report(any_store)
    path = tmp_path / "out" / "theo-doi.xlsx"
    result = _cli(any_store, "report", "--as-of", "2024-01-15", "--xlsx", str(path))
    assert result.exit_code == 0, result.output
    workbook = load_workbook(path)
    sheet = workbook["Nhiệm vụ"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("STT", "Nhiệm vụ", "Văn bản giao") and rows[0][-1] == "Kết quả, bằng chứng"
    assert sheet.column_dimensions["B"].width == 60
    by_task = {row[1][:20]: row for row in rows[1:]}
    community = by_task["Sở Văn hóa, Thể thao"]
    assert community[2] == "Kế hoạch 20/KH-UBND"
    assert community[6] == dt.datetime(2023, 9, 30) and sheet["G2"].number_format == "DD/MM/YYYY"
    assert community[8] == "Hoàn thành quá hạn"
    assert "150/BC-UBND" in community[-1] and "Đã hoàn thành" in community[-1]
    groups = dict(list(workbook["Tổng hợp"].iter_rows(values_only=True))[4:])
    assert groups == {"Đã hoàn thành đúng hạn": 0, "Đã hoàn thành quá hạn": 1, "Chưa hoàn thành, trong hạn": 1,
                      "Chưa hoàn thành, quá hạn": 2,
                      "Không có thời hạn cố định (thường xuyên, định kỳ) hoặc đã hủy, thay thế": 0, "Tổng số": 4}


def test_report_for_one_agency(store, add_plan, tmp_path):
    add_plan(store)
    with store.session() as session:
        count = write_report(session, tmp_path / "tt.xlsx", agency="Sở TT&TT", as_of=dt.date(2023, 5, 1))
    assert count == 1
    rows = list(load_workbook(tmp_path / "tt.xlsx")["Nhiệm vụ"].iter_rows(values_only=True))
    assert rows[1][1].startswith("Sở Thông tin và Truyền thông xây dựng cổng") and rows[1][8] == "Chưa thực hiện"
