"""The dashboard: VPCP groups and on-time rate per agency, overdue by age, as SVG."""
from __future__ import annotations

import datetime as dt

from bs4 import BeautifulSoup


def soup_of(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def table(soup: BeautifulSoup) -> dict[str, list[str]]:
    return {row.td.get_text(strip=True): [td.get_text(strip=True) for td in row.find_all("td")[1:]]
            for row in soup.select("table.figures tbody tr")}


def test_groups_and_on_time_rate_per_lead_agency(client):
    soup = soup_of(client, "/dashboard?as_of=2024-09-01")
    rows = table(soup)
    assert rows["Sở Thông tin và Truyền thông"] == ["0", "0", "0", "1", "1", "0%"]
    assert rows["Văn phòng Ủy ban nhân dân tỉnh"] == ["1", "0", "0", "0", "1", "100%"]
    assert rows["Sở Nội vụ"] == ["0", "0", "1", "0", "1", "—"]  # in term: not judged yet
    assert "Ủy ban nhân dân các huyện" not in rows  # ongoing: in no group
    bars = soup.select("svg.chart rect[data-group]")
    assert {bar["data-group"] for bar in bars} == {"done_on_time", "open_in_term", "overdue"}
    assert all(bar.title.get_text() for bar in bars)


def test_overdue_by_age_bucket(client):
    soup = soup_of(client, "/dashboard?as_of=2024-09-01")
    counts = [rect.title.get_text() for rect in soup.select("#overdue-ages rect")]
    assert counts == ["Đến 30 ngày: 0", "31–90 ngày: 1", "91–180 ngày: 1", "181–365 ngày: 0", "Trên 1 năm: 0"]


def test_chosen_agencies_and_period(client):
    soup = soup_of(client, "/dashboard?as_of=2024-09-01&agency=so+noi+vu&agency=Sở+TT%26TT")
    assert sorted(table(soup)) == ["Sở Nội vụ", "Sở Thông tin và Truyền thông"]
    soup = soup_of(client, "/dashboard?as_of=2024-09-01&due_from=2024-05-01&due_before=2024-06-30")
    assert sorted(table(soup)) == ["Sở Thông tin và Truyền thông", "Văn phòng Ủy ban nhân dân tỉnh"]


def test_no_script_and_no_outside_resources(client):
    html = client.get("/dashboard").get_data(as_text=True)
    assert "<script" not in html and "http://" not in html.replace("http://www.w3.org/2000/svg", "")


def trend_row(soup: BeautifulSoup, series: str) -> dict[str, str]:
    months = [th.get_text(strip=True) for th in soup.select("table.trend-table thead th")[1:]]
    cells = [td.get_text(strip=True) for td in soup.select(f"table.trend-table tr[data-series={series}] td")]
    return {month: count for month, count in zip(months, cells) if count != "0"}


def test_trend_by_month(client):
    soup = soup_of(client, "/dashboard?as_of=2024-09-01")
    months = [th.get_text(strip=True) for th in soup.select("table.trend-table thead th")[1:]]
    assert months[0] == "10/2023" and months[-1] == "09/2024" and len(months) == 12
    assert trend_row(soup, "done") == {"05/2024": "1"}  # plan task 4, reported done on 20/5/2024
    # the resolution's task was due in March, plan task 1 in June: both still open
    assert trend_row(soup, "overdue") == {"03/2024": "1", "06/2024": "1"}
    bars = soup.select("svg.trend rect[data-series=overdue]")
    assert [bar.title.get_text() for bar in bars if not bar.title.get_text().endswith(": 0")] == [
        "03/2024 — Quá hạn: 1", "06/2024 — Quá hạn: 1"]
    only_tttt = soup_of(client, "/dashboard?as_of=2024-09-01&agency=Sở+TT%26TT")
    assert trend_row(only_tttt, "overdue") == {"06/2024": "1"} and trend_row(only_tttt, "done") == {}


def test_targets_against_the_figures_reached(client, store, sample_documents):
    from theodoi.store import repo
    from theodoi.store.models import TargetProgress

    with store.transaction() as session:
        resolution = repo.get_document(session, sample_documents.resolution_id)
        session.add(TargetProgress(target=resolution.targets[0], value=85, unit="%", text="đạt 85%",
                                   evidence_document_id=sample_documents.report_id, as_of=dt.date(2024, 5, 20)))
    rows = {row.td.get_text(strip=True): [td.get_text(strip=True) for td in row.find_all("td")[2:]]
            for row in soup_of(client, "/dashboard?as_of=2024-09-01").select("table.target-figures tbody tr")}
    assert rows == {
        "trên 80% hồ sơ thủ tục hành chính được xử lý trực tuyến": ["trên 80 %", "85 %", "20/05/2024", "Đã đạt"],
        "trên 90% hồ sơ được xử lý trực tuyến": ["trên 90 %", "—", "", "Chưa có số liệu"]}
    before = soup_of(client, "/dashboard?as_of=2024-05-01")  # the report came later
    assert [td.get_text(strip=True) for td in before.select("table.target-figures td.met")] == [
        "Chưa có số liệu", "Chưa có số liệu"]
    bar = soup_of(client, "/dashboard?as_of=2024-09-01").select_one("svg.targets rect[data-target]")
    assert bar["data-met"] == "yes" and "đạt 85" in bar.title.get_text()


def test_targets_narrowed_to_the_chosen_agencies(client, store, sample_documents):
    """A target is shown for the agencies that lead a task serving it (under today's name)."""
    from theodoi.store import repo

    with store.transaction() as session:
        plan = repo.get_document(session, sample_documents.plan_id)
        repo.get_task(session, sample_documents.plan_task_ids[0]).target_id = plan.targets[0].id  # Sở TT&TT's task

    def shown(url):
        soup = soup_of(client, url)
        return ([row.td.get_text(strip=True) for row in soup.select("table.target-figures tbody tr")],
                soup.select_one("#targets .count").get_text())

    everyone = ["trên 80% hồ sơ thủ tục hành chính được xử lý trực tuyến", "trên 90% hồ sơ được xử lý trực tuyến"]
    assert sorted(shown("/dashboard?as_of=2024-09-01")[0]) == everyone
    assert shown("/dashboard?as_of=2024-09-01&agency=so+tt%26tt") == (["trên 90% hồ sơ được xử lý trực tuyến"], "1")
    assert shown("/dashboard?as_of=2024-09-01&agency=so+noi+vu&agency=Sở+TT%26TT")[0] == [
        "trên 90% hồ sơ được xử lý trực tuyến"]
    nothing = soup_of(client, "/dashboard?as_of=2024-09-01&agency=Sở+Nội+vụ")
    assert nothing.select("table.target-figures") == []
    assert "Không có chỉ tiêu nào có nhiệm vụ giao các cơ quan đã chọn" in nothing.select_one("#targets").get_text()
