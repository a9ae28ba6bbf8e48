from bs4 import BeautifulSoup

from theodoi.web import create_app


def page(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def result_numbers(soup: BeautifulSoup) -> list[str]:
    return [hit.select_one(".number").get_text(strip=True) for hit in soup.select("article.hit")]


def test_home_has_a_search_box_and_the_newest_documents(client):
    soup = page(client, "/")
    assert soup.select_one("form.search-box input[name=q]") is not None
    assert soup.select_one("form.search-box button").get_text() == "Tìm kiếm"
    assert "Văn bản mới nhất" in soup.select_one(".recent h2").get_text()
    numbers = [row.td.get_text(strip=True) for row in soup.select(".recent tbody tr")]
    assert numbers == ["78/BC-STTTT", "45/KH-UBND", "12-NQ/TU"]


def test_query_without_diacritics_finds_documents_with_snippets(client, sample_documents):
    soup = page(client, "/search?q=nen+tang+du+lieu")
    assert "Tìm thấy 1 văn bản" in soup.select_one(".result-summary").get_text()
    hit = soup.select_one("article.hit")
    assert hit.select_one(".badge.kind").get_text() == "Kế hoạch"
    assert hit.select_one(".number").get_text() == "Số 45/KH-UBND"
    assert "ngày 05/03/2024" in hit.select_one(".hit-meta").get_text()
    title = hit.select_one(".hit-title a")
    assert title.get_text() == "Triển khai chuyển đổi số tỉnh Long An năm 2024"
    assert title["href"] == f"/documents/{sample_documents.plan_id}"
    assert "Ủy ban nhân dân tỉnh Long An" in hit.select_one(".hit-source").get_text()
    assert "Tệp: KH 45-KH-UBND chuyển đổi số 2024.txt" in hit.select_one(".hit-source").get_text()
    marks = [m.get_text() for m in hit.select(".snippet mark")]
    assert marks[:2] == ["nền", "tảng"]


def test_facets_are_filter_links_that_narrow_results(client):
    soup = page(client, "/search?q=chuyen+doi+so")
    assert len(soup.select("article.hit")) == 3
    facet_titles = [h.get_text() for h in soup.select(".facet h2")]
    assert facet_titles == ["Loại văn bản", "Cơ quan ban hành", "Năm ban hành"]
    kind_link = soup.find("a", string="Kế hoạch")
    assert kind_link.find_next_sibling("span").get_text() == "1"
    narrowed = page(client, kind_link["href"])
    assert result_numbers(narrowed) == ["Số 45/KH-UBND"]
    chip = narrowed.select_one(".active-filters .chip")
    assert chip.get_text(strip=True).startswith("Loại văn bản: Kế hoạch")
    assert len(page(client, chip["href"]).select("article.hit")) == 3
    year = page(client, "/search?q=chuyen+doi+so&year=2023")
    assert year.select("article.hit") == []
    assert "Không tìm thấy văn bản nào" in year.select_one(".empty").get_text()


def test_filters_are_kept_by_the_search_form(client):
    soup = page(client, "/search?q=chuyen+doi+so&issuer=T%E1%BB%89nh+%E1%BB%A7y+Long+An")
    assert result_numbers(soup) == ["Số 12-NQ/TU"]
    hidden = soup.select_one("form.search-box input[type=hidden]")
    assert (hidden["name"], hidden["value"]) == ("issuer", "Tỉnh ủy Long An")


def test_sort_by_date(client):
    soup = page(client, "/search?q=chuyen+doi+so&sort=date")
    assert result_numbers(soup) == ["Số 78/BC-STTTT", "Số 45/KH-UBND", "Số 12-NQ/TU"]
    assert soup.select_one("select[name=sort] option[selected]").get_text() == "Mới nhất"


def test_suggestion_for_a_misspelt_word(client):
    soup = page(client, "/search?q=chuyenn+doi+so")
    suggestion = soup.select_one(".suggestion")
    assert "Có phải bạn muốn tìm" in suggestion.get_text()
    assert suggestion.a.get_text() == "chuyen doi so"
    assert len(page(client, suggestion.a["href"]).select("article.hit")) == 3
    assert page(client, "/search?q=chuyen+doi+so").select_one(".suggestion") is None


def test_pagination(app):
    client = create_app(app.config["THEODOI_SETTINGS"], {"TESTING": True, "SEARCH_PAGE_SIZE": 2}).test_client()
    first = page(client, "/search?q=chuyen+doi+so&sort=date")
    assert len(first.select("article.hit")) == 2
    pages = first.select_one("nav.pagination")
    assert pages.select_one("[aria-current=page]").get_text() == "1"
    next_link = pages.find("a", string="Trang sau ›")
    second = page(client, next_link["href"])
    assert result_numbers(second) == ["Số 12-NQ/TU"]
    assert second.select_one("nav.pagination").find("a", string="‹ Trang trước") is not None


def test_bad_parameters_do_not_break_the_page(client):
    soup = page(client, "/search?q=chuyen+doi+so&year=abc&page=x&sort=zzz")
    assert len(soup.select("article.hit")) == 3


def test_year_facet_lists_only_dated_documents(client, sample_documents):
    from theodoi.search import IndexDocument, open_index

    index = open_index(sample_documents.settings)
    index.add([IndexDocument(id=99, number="", kind="Công văn", issuer="Sở Nội vụ", date=None,
                             title="chuyển đổi số không ghi ngày", text="Văn bản chuyển đổi số không ghi ngày.")])
    index.close()
    soup = page(client, "/search?q=chuyển+đổi+số")
    facets = {facet.h2.get_text(): [a.get_text() for a in facet.select("a")] for facet in soup.select(".facet")}
    assert sorted(facets["Năm ban hành"]) == ["2024"]  # the undated document adds no year (no 2147483647)
    assert "Công văn" in facets["Loại văn bản"]


def test_a_query_no_document_fully_matches_says_so(client):
    soup = page(client, "/search?q=nền+tảng+tiêm+chủng")
    assert "Không có văn bản nào chứa đủ mọi từ khóa" in soup.select_one(".notice.any-unit").get_text()
    assert result_numbers(soup) == ["Số 45/KH-UBND"]
    assert page(client, "/search?q=nền+tảng").select_one(".notice.any-unit") is None


def test_minus_excludes_and_quotes_keep_a_phrase(client):
    assert len(result_numbers(page(client, "/search?q=chuyển+đổi+số"))) == 3
    assert sorted(result_numbers(page(client, "/search?q=chuyển+đổi+số+-huyện"))) == ["Số 12-NQ/TU", "Số 78/BC-STTTT"]
    assert result_numbers(page(client, '/search?q="dữ+liệu+dùng+chung"')) == ["Số 45/KH-UBND"]
