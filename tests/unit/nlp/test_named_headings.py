"""A heading that is all a name passes the whole name to its items: after a topic prefix
("Đối với ...:"), with more members or a descriptor after the first body, with "có trách
nhiệm" or a note in brackets after it. (Headings written for these tests.)"""
import pytest

import theodoi.nlp.components  # noqa: F401


def leads(nlp, text):
    doc = nlp(text)
    return [([b.text.replace("\n", " ") for b in t.lead], t.text) for t in (s._.task for s in doc.spans["tasks"])]


@pytest.mark.parametrize("heading, lead", [
    ("1. Đối với các cơ sở chăn nuôi có quy mô trên 500 con và nằm gần khu dân cư:",
     ["các cơ sở chăn nuôi có quy mô trên 500 con và nằm gần khu dân cư"]),
    ("2. Đối với các đơn vị quản lý trạm cấp nước sạch nông thôn (danh sách tại biểu kèm theo):",
     ["các đơn vị quản lý trạm cấp nước sạch nông thôn"]),
    ("3. Các hợp tác xã, trang trại và hộ gia đình nuôi trồng thủy sản ven biển có trách nhiệm",
     ["Các hợp tác xã, trang trại và hộ gia đình nuôi trồng thủy sản ven biển"]),
    ("4. Các cơ sở giáo dục nghề nghiệp, trung cấp", ["Các cơ sở giáo dục nghề nghiệp, trung cấp"]),
    ("**4. Các hợp\ntác xã, tổ hợp tác và hộ kinh doanh vận tải hành khách đường thủy trong mùa\nmưa lũ có trách nhiệm**\n",
     ["Các hợp tác xã, tổ hợp tác và hộ kinh doanh vận tải hành khách đường thủy trong mùa mưa lũ"]),
    ("**5. Liên\nđoàn Lao động, Hội Cựu chiến binh, Hội Người cao tuổi**\n",
     ["Liên đoàn Lao động", "Hội Cựu chiến binh", "Hội Người cao tuổi"]),
    ("**6. Kho bạc Nhà nước khu vực IX**\n", ["Kho bạc Nhà nước khu vực IX"]),
])
def test_the_whole_heading_is_the_lead_of_its_items(nlp, heading, lead):
    found = leads(nlp, f"{heading}\n- Lập danh sách các điểm cần kiểm tra.\n- Gửi báo cáo về Ủy ban nhân dân tỉnh.\n")
    assert found == [(lead, "Lập danh sách các điểm cần kiểm tra"), (lead, "Gửi báo cáo về Ủy ban nhân dân tỉnh")]


@pytest.mark.parametrize("line, lead, action", [
    ("1. Sở Tài chính, Sở Xây dựng hướng dẫn thủ tục thanh toán vốn", ["Sở Tài chính", "Sở Xây dựng"],
     "hướng dẫn thủ tục thanh toán vốn"),
    ("2. Đối với Sở Giáo dục, các trường học phải tổ chức diễn tập phòng cháy.", ["các trường học"],
     "phải tổ chức diễn tập phòng cháy"),
])
def test_a_line_with_a_predicate_stays_a_task(nlp, line, lead, action):
    assert leads(nlp, line + "\n") == [(lead, action)]


@pytest.mark.parametrize("heading", [
    "Cán bộ phụ trách lĩnh vực dân vận và tôn giáo",
    "Các Phó Chủ tịch phụ trách lĩnh vực Thanh niên, Phụ nữ và Cựu chiến binh",
    "Công chức phụ trách Văn phòng - Thống kê",
    "Đồng chí Ủy viên Thường trực phụ trách công tác kiểm tra",
])
def test_a_person_in_charge_of_a_field_is_one_addressee(nlp, heading):
    found = leads(nlp, f"III. PHÂN CÔNG\n2. {heading}\n- Tham mưu xây dựng kế hoạch tuyên truyền.\n"
                       "- Tổng hợp báo cáo kết quả hằng quý.\n")
    assert [lead for lead, _ in found] == [[heading]] * 2
