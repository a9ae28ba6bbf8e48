import io

from bs4 import BeautifulSoup


def csrf_token(client, task_id: int) -> str:
    soup = BeautifulSoup(client.get(f"/tasks/{task_id}").get_data(as_text=True), "html.parser")
    return soup.select_one("form.update-form input[name=csrf_token]")["value"]


def post_update(client, task_id: int, **fields):
    data = {"csrf_token": csrf_token(client, task_id), **fields}
    return client.post(f"/tasks/{task_id}/status", data=data, content_type="multipart/form-data")


def test_form_is_in_vietnamese(client, sample_documents):
    soup = BeautifulSoup(client.get(f"/tasks/{sample_documents.plan_task_ids[0]}").get_data(as_text=True),
                         "html.parser")
    form = soup.select_one("form.update-form")
    labels = [label.contents[0].strip() for label in form.select("label")]
    assert labels == ["Trạng thái mới", "Người cập nhật", "Ghi chú", "Tệp minh chứng (không bắt buộc)"]
    assert [o.get_text() for o in form.select("option")][:3] == ["Chưa thực hiện", "Đang thực hiện", "Đã hoàn thành"]


def test_update_is_added_to_the_history(client, sample_documents):
    task_id = sample_documents.plan_task_ids[2]  # due in a year
    response = post_update(client, task_id, status="in_progress", user="Nguyễn Thị C",
                           note="Đã ký hợp đồng triển khai nền tảng")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/tasks/{task_id}#history")
    soup = BeautifulSoup(client.get(f"/tasks/{task_id}").get_data(as_text=True), "html.parser")
    assert soup.select_one(".notice.success").get_text() == "Đã cập nhật trạng thái nhiệm vụ."
    cells = [td.get_text(" ", strip=True) for td in soup.select("#history tbody tr")[0].find_all("td")]
    assert cells[1:5] == ["Đang thực hiện", "Cập nhật thủ công", "Nguyễn Thị C", "Đã ký hợp đồng triển khai nền tảng"]
    assert soup.select_one("dl.metadata .badge").get_text(strip=True) == "Đang thực hiện"


def test_evidence_file_is_kept_and_downloadable(client, sample_documents):
    task_id = sample_documents.plan_task_ids[2]
    content = "Quyết định phê duyệt danh sách học viên".encode("utf-8")
    response = post_update(client, task_id, status="done", user="chuyenvien2",
                           evidence=(io.BytesIO(content), "QĐ phê duyệt.pdf"))
    assert response.status_code == 302
    soup = BeautifulSoup(client.get(f"/tasks/{task_id}").get_data(as_text=True), "html.parser")
    link = soup.select_one("#history a.evidence-file")
    with client.get(link["href"]) as download:
        assert download.status_code == 200
        assert download.data == content
        assert download.headers["Content-Disposition"].endswith(".pdf")


def test_missing_user_is_refused_in_vietnamese(client, sample_documents):
    task_id = sample_documents.plan_task_ids[0]
    response = post_update(client, task_id, status="done", user="  ", note="xong")
    assert response.status_code == 400
    soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    assert soup.select_one("#update .notice.error").get_text() == "Hãy nhập tên người cập nhật."
    assert soup.select_one("textarea[name=note]").get_text() == "xong"
    assert soup.select("#history tbody tr") == []


def test_unknown_status_is_refused(client, sample_documents):
    response = post_update(client, sample_documents.plan_task_ids[0], status="overdue", user="a")
    assert response.status_code == 400


def test_post_without_csrf_token_is_refused(client, sample_documents):
    response = client.post(f"/tasks/{sample_documents.plan_task_ids[0]}/status",
                           data={"status": "done", "user": "a"})
    assert response.status_code == 400


def test_unknown_task_or_event(client, sample_documents):
    token = csrf_token(client, sample_documents.plan_task_ids[0])
    assert client.post("/tasks/9999/status", data={"csrf_token": token, "status": "done",
                                                   "user": "a"}).status_code == 404
    assert client.get(f"/tasks/{sample_documents.plan_task_ids[3]}/events/9999/evidence").status_code == 404
