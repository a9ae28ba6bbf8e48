"""The dashboard: VPCP groups and on-time rate per agency, overdue by age, as SVG."""
from __future__ import annotations

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
