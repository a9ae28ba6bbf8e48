from theodoi.web import create_app


def test_test_config_is_applied(settings):
    assert not create_app(settings).testing
    assert create_app(settings, {"TESTING": True}).testing


def test_unknown_page_is_404_in_vietnamese(client):
    response = client.get("/khong-co")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.get_data(as_text=True)


def test_pages_link_the_stylesheet_and_the_areas(client):
    page = client.get("/tasks").get_data(as_text=True)
    assert 'href="/static/style.css"' in page
    assert ">Tìm kiếm</a>" in page and ">Nhiệm vụ</a>" in page
    with client.get("/static/style.css") as response:
        assert response.status_code == 200
