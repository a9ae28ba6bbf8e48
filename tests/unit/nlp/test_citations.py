import datetime as dt

import pytest
import spacy

from theodoi.nlp.components.citations import distinct_citations, find_citations


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}})
    nlp.add_pipe("theodoi_citations")
    return nlp


def test_party_citation_with_date_and_issuer():
    [c] = find_citations("thực hiện Nghị quyết số 15-NQ/TU ngày 31/12/2020 của Ban Chấp hành Đảng bộ tỉnh")
    assert (c.number, c.kind, c.date) == ("15-NQ/TU", "Nghị quyết", dt.date(2020, 12, 31))
    assert c.issuer == "Ban Chấp hành Đảng bộ tỉnh"


@pytest.mark.parametrize("text, number", [
    ("theo Chỉ thị 05-CT/TW của Bộ Chính trị", "05-CT/TW"),
    ("Kết luận số 127-KL/TW", "127-KL/TW"),
    ("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020", "30/2020/NĐ-CP"),
    ("theo Kế hoạch số 123/KH-UBND", "123/KH-UBND"),
    ("văn bản 11676/VPCP-KTTH", "11676/VPCP-KTTH"),
    ("Văn bản số 702/UBQPANĐN15 ngày 01/8/2025", "702/UBQPANĐN15"),
    ("Báo cáo thẩm tra số 84/BC- KTNS ngày 24 tháng 6 năm 2025", "84/BC-KTNS"),
    ("Nghị quyết số 30c/NQ-CP ngày 08/11/2011", "30c/NQ-CP"),
    ("Nghị quyết 20 Ban Chấp hành Trung ương Đảng Khoá X", "20"),
])
def test_symbol_forms(text, number):
    assert [c.number for c in find_citations(text)] == [number]


@pytest.mark.parametrize("text, relation", [
    ("Kế hoạch thực hiện Nghị quyết số 15-NQ/TU", "implements"),
    ("Chương trình hành động thực hiện Chỉ thị số 05-CT/TW", "implements"),
    ("Báo cáo kết quả thực hiện Kết luận số 127-KL/TW", "reports_on"),
    ("đôn đốc triển khai Công văn số 846/UBND-TH", "urges"),
    ("Quy chế ban hành kèm theo Quyết định số 123/QĐ-UBND", "issued_with"),
    ("sửa đổi, bổ sung một số điều của Nghị quyết số 22/2022/NQ-HĐND", "amends"),
    ("Quyết định này thay thế Quyết định số 18/2016/QĐ-UBND", "replaces"),
    ("bãi bỏ Quyết định số 29/2015/QĐ-UBND", "repeals"),
    ("Căn cứ Luật số 65/2020/QH14", "cites"),
])
def test_relation_read_from_the_cue(text, relation):
    assert find_citations(text)[0].relation == relation


def test_own_number_dates_and_units_are_not_citations():
    text = ("ỦY BAN NHÂN DÂN\nSố: 09/2009/CT-UBND\nThủ Dầu Một, ngày 15 tháng 4 năm 2009\n"
            "Chỉ thị số 09/2009/CT-UBND có hiệu lực từ ngày 25/4/2009; diện tích 15 m2/người.\n"
            "Nơi nhận:\n- UBND các xã (theo Nghị quyết số 1656/NQ-UBTVQH15);\n- Lưu: VT.")
    assert find_citations(text) == []


def test_distinct_citations_merge_details():
    found = find_citations("Quyết định 171/QĐ-TTg; theo Quyết định số 171/QĐ-TTg ngày 02/02/2009 của Thủ tướng")
    [c] = distinct_citations(found)
    assert (c.number, c.date) == ("171/QĐ-TTg", dt.date(2009, 2, 2))


def test_component_sets_spans(nlp):
    doc = nlp("Thực hiện Nghị quyết số 15-NQ/TU ngày 31/12/2020, UBND tỉnh ban hành Kế hoạch.")
    [span] = doc.spans["citations"]
    assert span._.citation.number == "15-NQ/TU"
    assert span.text.startswith("Nghị quyết số 15-NQ/TU")


def test_appendix_and_kind_header_name_the_own_number():
    text = ("Nghị quyết số: 12/2024/NQ-HĐND\nCăn cứ Luật Ngân sách nhà nước số 83/2015/QH13;\n"
            "PHỤ LỤC\n(Kèm theo Nghị quyết số 12/2024/NQ-HĐND ngày 10/7/2024 của Hội đồng nhân dân tỉnh)\n"
            "Thực hiện Nghị quyết số 12/2024/NQ-HĐND, giao Sở Tài chính hướng dẫn.")
    assert [c.number for c in find_citations(text)] == ["83/2015/QH13"]


@pytest.mark.parametrize("text, relation", [
    # implements: the passage opens by carrying the document out
    ("Thực hiện Kết luận số 45-KL/TW ngày 02/4/2025 của Bộ Chính trị, Ban Chỉ đạo đề nghị các tỉnh ủy", "implements"),
    ("Thực hiện chỉ đạo của Thủ tướng Chính phủ tại Công điện số 17/CĐ-TTg ngày 03/3/2025, Bộ yêu cầu", "implements"),
    ("Để cụ thể hóa Nghị quyết số 12-NQ/TU của Tỉnh ủy, UBND tỉnh ban hành Kế hoạch", "implements"),
    ("Triển khai Quyết định số 880/QĐ-TTg ngày 10/8/2025, Sở Xây dựng đề nghị", "implements"),
    ("Nhằm triển khai thực hiện Chỉ thị số 07/CT-UBND, các xã cần", "implements"),
    ("Thủ tướng Chính phủ đã ban hành Chỉ thị số 09/CT-TTg ngày 02/4/2025 chỉ đạo các bộ rà soát", "implements"),
    # urges: a letter that follows up one before it, or presses for it
    ("Tiếp theo Công điện số 20/CĐ-TTg ngày 05/5/2025, Thủ tướng Chính phủ yêu cầu", "urges"),
    ("UBND tỉnh đôn đốc các sở thực hiện Văn bản số 1120/UBND-KT ngày 01/6/2025", "urges"),
    ("Để chấn chỉnh việc thực hiện Chỉ thị số 15/CT-TTg, Bộ yêu cầu", "urges"),
    ("đề nghị các đơn vị khẩn trương thực hiện Thông báo số 77/TB-VPCP", "urges"),
    # reports_on: a report or a conclusion on the results of carrying it out
    ("Báo cáo kết quả thực hiện Nghị quyết số 36/NQ-CP trong năm 2025", "reports_on"),
    ("Kết luận của Ban Thường vụ về kết quả thực hiện Chỉ thị số 09-CT/TU", "reports_on"),
    ("sơ kết 3 năm thực hiện Nghị quyết số 06-NQ/TW", "reports_on"),
    # issued_with, amends, replaces, repeals in other words
    ("Quy chế (ban hành kèm theo Quyết định số 2041/QĐ-UBND ngày 12/9/2025) áp dụng", "issued_with"),
    ("Kế hoạch kèm theo Quyết định số 17/QĐ-BCĐ", "issued_with"),
    ("Sửa đổi khoản 2 Điều 3 Quyết định số 31/2021/QĐ-UBND", "amends"),
    ("Quyết định này thay thế Kế hoạch số 90/KH-UBND ngày 01/3/2020", "replaces"),
    ("Bãi bỏ toàn bộ Chỉ thị số 04/CT-UBND ngày 06/6/2016", "repeals"),
    # a mention that only cites
    ("Thực hiện tốt các nhiệm vụ theo quy định tại Nghị định số 30/2020/NĐ-CP", "cites"),
    ("Theo Báo cáo số 2554/BC-TTCP ngày 17/10/2025 của Thanh tra Chính phủ", "cites"),
])
def test_relation_is_a_property_of_the_citing_passage(text, relation):
    assert find_citations(text)[0].relation == relation


def test_each_passage_states_its_own_relation():
    text = ("Tiếp theo Công điện số 20/CĐ-TTg ngày 05/5/2025. Căn cứ Luật số 65/2020/QH14; "
            "thực hiện Kết luận số 45-KL/TW, yêu cầu các bộ")
    assert [c.relation for c in find_citations(text)] == ["urges", "cites", "implements"]


def test_a_wrapped_line_does_not_end_the_passage():
    text = "Thực hiện Kết luận số 12-KL/TW ngày 01/9/2025 và\nKết luận số 15-KL/TW ngày 20/9/2025, đề nghị các bộ"
    assert [c.relation for c in find_citations(text)] == ["implements", "implements"]
    listed = "Thực hiện chỉ đạo của Tỉnh ủy,\n- Căn cứ Quyết định số 44/QĐ-UBND ngày 01/3/2025"
    assert find_citations(listed)[0].relation == "cites"


def test_a_line_that_opens_by_carrying_out_documents_implements_each():
    text = ("Kính gửi: Các sở, ban, ngành\nThực hiện Kết luận số 12-KL/TW ngày 01/9/2025 và\n"
            "Kết luận số 15-KL/TW ngày 20/9/2025, đề nghị các sở")
    assert [c.relation for c in find_citations(text)] == ["implements", "implements"]


@pytest.mark.parametrize("tail, issuer", [
    # a footnote mark glued to the name, or after it
    ("của Sở Giao thông vận tải[7] về việc", "Sở Giao thông vận tải"),
    ("của Ban Dân vận Huyện ủy[^12], đồng thời", "Ban Dân vận Huyện ủy"),
    ("của Ủy ban nhân dân huyện Đồi Mây² hướng dẫn", "Ủy ban nhân dân huyện Đồi Mây"),
    # the next citation follows the name
    ("của Tỉnh ủy Sông Lam và Chỉ thị số 08-CT/TU ngày 3/4/2023 của Ban Thường vụ", "Tỉnh ủy Sông Lam"),
    ("của Hội đồng nhân dân tỉnh và Kế hoạch thực hiện của Ủy ban", "Hội đồng nhân dân tỉnh"),
    ("của Chính phủ và các văn bản hướng dẫn thi hành", "Chính phủ"),
    ("của Quốc hội Thông báo 45/TB-VPCP năm 2024 chậm trễ", "Quốc hội"),
    ("của Bộ Xây dựng Luật số 12/2023/QH15", "Bộ Xây dựng"),
    # a clause or a colon follows it
    ("của Bộ Công Thương gửi các địa phương", "Bộ Công Thương"),
    ("của Bộ Nông nghiệp: Ban hành quy trình gieo cấy", "Bộ Nông nghiệp"),
    ("của Chính phủ mà chưa được giao kinh phí", "Chính phủ"),
    ("của Thanh tra tỉnh tại các sở ngành", "Thanh tra tỉnh"),
    ("của Chính phủ ngày một chặt chẽ hơn", "Chính phủ"),
    ("của Ban Chỉ đạo tỉnh ngày 20/10/2024 về phòng chống dịch", "Ban Chỉ đạo tỉnh"),
    # "và" between two capitalised words joins one body's name
    ("của Bộ Lao động - Thương binh và Xã hội về việc", "Bộ Lao động - Thương binh và Xã hội"),
    ("của Bộ Khoa học và Công nghệ, Bộ Tài chính", "Bộ Khoa học và Công nghệ"),
    ("của Ủy ban An toàn giao thông Quốc gia về", "Ủy ban An toàn giao thông Quốc gia"),
    ("của Cục Hàng không Việt Nam giao Cảng vụ", "Cục Hàng không Việt Nam"),
    ("của Hội đồng nhân dân huyện như sau: giao", "Hội đồng nhân dân huyện"),
    ("của Bộ Y tế Hướng dẫn phòng chống sốt xuất huyết", "Bộ Y tế"),
    ("của Ủy ban nhân dân tỉnh Phê duyệt quy hoạch vùng", "Ủy ban nhân dân tỉnh"),
    ("của Sở Tài chính bằng văn bản", "Sở Tài chính"),
])
def test_issuer_ends_where_the_name_ends(tail, issuer):
    text = f"Thực hiện Quyết định số 219/QĐ-UBND ngày 14/9/2024 {tail}."
    c = find_citations(text)[0]
    assert c.issuer == issuer
    assert c.text.endswith(issuer)
