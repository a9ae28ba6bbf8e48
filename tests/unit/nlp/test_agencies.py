"""Gazetteer, canonical names, 2025 successions, and the body finder alone."""
import datetime as dt

import pytest
import spacy

from theodoi.nlp import agencies
import theodoi.nlp.components  # noqa: F401


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}})
    nlp.add_pipe("theodoi_bodies")
    nlp.initialize()
    return nlp


def test_abbreviation_and_full_name_share_one_canonical():
    assert agencies.canonical("UBND tỉnh") == agencies.canonical("Ủy ban nhân dân tỉnh") == "Ủy ban nhân dân tỉnh"
    assert agencies.canonical("Uỷ ban nhân dân tỉnh") == "Ủy ban nhân dân tỉnh"
    assert agencies.canonical("Sở TT&TT") == "Sở Thông tin và Truyền thông"
    assert agencies.canonical("Bộ KH&ĐT") == "Bộ Kế hoạch và Đầu tư"
    assert agencies.canonical("UBND tỉnh Long An") == "Ủy ban nhân dân tỉnh Long An"
    assert agencies.canonical("Công ty Bánh kẹo") is None


def test_succession_depends_on_date():
    assert agencies.current_owner("Bộ Kế hoạch và Đầu tư", on=dt.date(2024, 6, 1)) == "Bộ Kế hoạch và Đầu tư"
    assert agencies.current_owner("Bộ Kế hoạch và Đầu tư", on=dt.date(2025, 3, 1)) == "Bộ Tài chính"
    assert agencies.current_owner("Sở Giao thông vận tải", on=dt.date(2025, 7, 1)) == "Sở Xây dựng"
    assert agencies.current_owner("Bộ Y tế", on=dt.date(2025, 7, 1)) == "Bộ Y tế"


def test_finder_resolves_abbreviations(nlp):
    doc = nlp("Giao UBND tỉnh và Ủy ban nhân dân tỉnh phối hợp với Sở KH&ĐT.")
    mentions = [s._.body for s in doc.spans["bodies"]]
    assert [m.text for m in mentions] == ["UBND tỉnh", "Ủy ban nhân dân tỉnh", "Sở KH&ĐT"]
    assert mentions[0].canonical == mentions[1].canonical == "Ủy ban nhân dân tỉnh"
    assert mentions[2].canonical == "Sở Kế hoạch và Đầu tư"


def test_finder_groups_and_places(nlp):
    doc = nlp("Các sở, ban, ngành liên quan và Uỷ ban nhân dân các huyện, thị xã Long Khánh, "
              "thành phố Biên Hoà; các cơ quan, đơn vị trực thuộc Bộ triển khai.")
    texts = [s.text for s in doc.spans["bodies"]]
    assert texts == ["Các sở, ban, ngành liên quan",
                     "Uỷ ban nhân dân các huyện, thị xã Long Khánh, thành phố Biên Hoà",
                     "các cơ quan, đơn vị trực thuộc Bộ"]
    assert all(s._.body.is_group for s in doc.spans["bodies"])


def test_finder_unknown_named_body(nlp):
    doc = nlp("Vụ Kế hoạch Đầu tư chủ trì triển khai.")
    assert [s.text for s in doc.spans["bodies"]] == ["Vụ Kế hoạch Đầu tư"]


def test_body_finder_needs_initialize():
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}})
    nlp.add_pipe("theodoi_bodies")
    with pytest.raises(ValueError, match="initialize"):
        nlp("Sở Tài chính bố trí kinh phí.")


@pytest.mark.parametrize("text, body", [
    ("Phối hợp với các công ty viễn thông để cung cấp thông tin.", "các công ty viễn thông"),
    ("Giao các cơ quan tham mưu tiếp thu ý kiến.", "các cơ quan tham mưu"),
    ("Các doanh nghiệp bưu chính triển khai ngay.", "Các doanh nghiệp bưu chính"),
    ("Các sở, ban, ngành căn cứ vào nhiệm vụ được giao xây dựng kế hoạch.", "Các sở, ban, ngành"),
    ("Các địa phương quan tâm thực hiện chính sách.", "Các địa phương"),
])
def test_group_keeps_its_lowercase_kind_but_not_the_verb(nlp, text, body):
    doc = nlp(text)
    assert [s.text for s in doc.spans["bodies"]][-1 if "Giao" in text else 0] == body


def test_parts_and_members_of_a_council(nlp):
    doc = nlp("Thường trực Hội đồng nhân dân, các Ban của Hội đồng nhân dân và các đại biểu "
              "Hội đồng nhân dân tỉnh giám sát việc thực hiện.")
    assert [s.text for s in doc.spans["bodies"]] == [
        "Thường trực Hội đồng nhân dân", "các Ban của Hội đồng nhân dân", "các đại biểu Hội đồng nhân dân tỉnh"]
    doc = nlp("Thường trực Hội đồng nhân dân, các Ban Hội đồng nhân dân tỉnh giám sát.")
    assert [s.text for s in doc.spans["bodies"]][1] == "các Ban Hội đồng nhân dân tỉnh"


def test_heads_of_a_group_written_without_cac_and_a_bare_level(nlp):
    doc = nlp("Yêu cầu Thủ trưởng sở, ban, ngành và Sở Tư pháp thành phố thực hiện nghiêm túc.")
    assert [s.text for s in doc.spans["bodies"]] == ["Thủ trưởng sở, ban, ngành", "Sở Tư pháp thành phố"]
    doc = nlp("Sở Y tế xã hội hóa các dịch vụ.")
    assert [s.text for s in doc.spans["bodies"]] == ["Sở Y tế"]


def test_levels_of_government_as_a_group_and_a_name_wrapped_over_two_lines(nlp):
    doc = nlp("Các cấp chính quyền đô\nthị lập kế hoạch đầu tư. Các cấp ủy đảng lãnh đạo việc thực hiện.")
    assert [s._.body.text for s in doc.spans["bodies"]] == ["Các cấp chính quyền đô\nthị", "Các cấp ủy đảng"]


@pytest.mark.parametrize("text, bodies", [
    ("Các huyện ủy, thành ủy, thị ủy xây dựng kế hoạch.", ["Các huyện ủy, thành ủy, thị ủy"]),
    ("Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy tổ chức quán triệt.",
     ["Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy"]),
    ("Yêu cầu các bộ, cơ quan trung ương và địa phương đẩy nhanh giải ngân.",
     ["các bộ, cơ quan trung ương và địa phương"]),
    ("UBND các huyện Bát Xát, Mường Khương, Si Ma Cai hoàn thiện hồ sơ.",
     ["UBND các huyện Bát Xát, Mường Khương, Si Ma Cai"]),
    ("Đề nghị các cơ quan, địa phương có hồ sơ trễ hạn thực hiện xin lỗi.",
     ["các cơ quan, địa phương có hồ sơ trễ hạn"]),
])
def test_a_group_stays_one_body(nlp, text, bodies):
    doc = nlp(text)
    assert [s.text for s in doc.spans["bodies"]] == bodies


@pytest.mark.parametrize("text, bodies", [
    ("Các sở, ngành có trách nhiệm triển khai kế hoạch.", ["Các sở, ngành"]),
    ("Yêu cầu các sở, ngành và các doanh nghiệp triển khai.", ["các sở, ngành", "các doanh nghiệp"]),
    ("Giao các huyện Bát Xát, Sở Y tế triển khai.", ["các huyện Bát Xát", "Sở Y tế"]),
    ("Các Cục quản lý chuyên ngành, các Sở Giao thông vận tải kiểm tra.",
     ["Các Cục quản lý chuyên ngành", "các Sở Giao thông vận tải"]),
])
def test_a_second_body_is_not_taken_into_the_group(nlp, text, bodies):
    doc = nlp(text)
    assert [s.text for s in doc.spans["bodies"]] == bodies


def test_a_group_of_departments_covers_every_known_department():
    from theodoi.nlp.agencies import group_members

    members = group_members("các sở, ban, ngành tỉnh")
    assert "Sở Y tế" in members and "Sở Thông tin và Truyền thông" in members
    assert not any(m.startswith("Bộ ") for m in members)
    assert "Bộ Tài chính" in group_members("các bộ, ngành")
    assert group_members("Sở Y tế") == () and group_members("các đơn vị liên quan") == ()


def test_resolve_reads_names_typed_without_diacritics():
    from theodoi.nlp.agencies import agency_key, resolve

    for typed in ("Sở TT&TT", "so tt&tt", "SO THONG TIN VA TRUYEN THONG", "Sở Thông tin và Truyền thông"):
        assert resolve(typed) == "Sở Thông tin và Truyền thông", typed
    assert resolve("ubnd tinh Long An") == "Ủy ban nhân dân tinh Long An"
    assert resolve("Cục Không Có Thật") is None
    assert agency_key("Sở Tư pháp") == agency_key("so tu phap") != agency_key("Bộ Tư pháp")


def test_related_bodies_follow_the_mergers_both_ways():
    import datetime as dt

    from theodoi.nlp.agencies import related_bodies

    after, before = dt.date(2025, 6, 1), dt.date(2024, 6, 1)
    assert related_bodies("Sở Khoa học và Công nghệ", after) == ["Sở Thông tin và Truyền thông"]
    assert related_bodies("Sở Thông tin và Truyền thông", after) == ["Sở Khoa học và Công nghệ"]
    assert related_bodies("Sở Khoa học và Công nghệ", before) == []
    assert related_bodies("Sở Nông nghiệp và Môi trường", after) == [
        "Sở Nông nghiệp và Phát triển nông thôn", "Sở Tài nguyên và Môi trường"]
