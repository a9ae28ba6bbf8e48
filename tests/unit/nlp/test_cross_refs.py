"""Leads given by cross-reference: the items of a part that another part assigns to a body
("Sở A chủ trì triển khai các nhiệm vụ tại mục II.1") take that body as lead. (Plans written
for these tests.)"""
import pytest

import theodoi.nlp.components  # noqa: F401
from theodoi.nlp.tasks.cross_refs import referenced_parts


@pytest.mark.parametrize("reference, paths", [
    ("mục (II) (1) Kế hoạch này", ["II.1"]),
    ("mục II.3 Kế hoạch này", ["II.3"]),
    ("mục (III)(2.4)(b) nói trên", ["III.2.4.b"]),
    ("mục (II) (3.1), (3.2) kèm theo", ["II.3.1", "II.3.2"]),
    ("điểm b khoản 2 mục IV", ["IV.2.b"]),
    ("khoản 1 và khoản 3 mục II", ["II.1", "II.3"]),
    ("mục 2, 4 phần B", ["B.2", "B.4"]),
    ("Phụ lục kèm theo", []),
])
def test_a_reference_names_numbering_paths(reference, paths):
    assert referenced_parts(reference, 0) == paths


PLAN = """II. NHIỆM VỤ
1. Phát triển thủy sản
a) Xây dựng cơ sở dữ liệu vùng nuôi tôm.
b) Hỗ trợ hợp tác xã lắp đặt cảm biến.
2. Phát triển lâm nghiệp
a) Số hóa bản đồ rừng phòng hộ.
b) Trung tâm Khuyến nông tỉnh tập huấn cho người trồng rừng.
III. TỔ CHỨC THỰC HIỆN
1. Sở Nông nghiệp và Phát triển nông thôn
{first}
2. Sở Tài nguyên và Môi trường
{second}
"""


def leads(nlp, text):
    doc = nlp(text)
    return {t.text: [b.text for b in t.lead] for t in (s._.task for s in doc.spans["tasks"])}


@pytest.mark.parametrize("first, second", [
    ("Chủ trì tổ chức thực hiện các nhiệm vụ nêu tại mục (II) (1).",
     "Thực hiện các nhiệm vụ ở mục (II) (2) Kế hoạch này."),
    ("Chủ trì, phối hợp với các huyện thực hiện các nội dung nêu tại mục II.1 Kế hoạch này.",
     "Thực hiện các giải pháp tại mục II.2."),
    ("Tổ chức thực hiện nhiệm vụ quy định tại khoản 1 mục II.",
     "Triển khai các nhiệm vụ tại khoản 2 mục II."),
])
def test_the_items_of_a_part_take_the_body_assigned_to_it(nlp, first, second):
    found = leads(nlp, PLAN.format(first=first, second=second))
    fisheries = ["Sở Nông nghiệp và Phát triển nông thôn"]
    assert found["Xây dựng cơ sở dữ liệu vùng nuôi tôm"] == fisheries
    assert found["Hỗ trợ hợp tác xã lắp đặt cảm biến"] == fisheries
    assert found["Số hóa bản đồ rừng phòng hộ"] == ["Sở Tài nguyên và Môi trường"]


def test_an_item_with_its_own_subject_keeps_it(nlp):
    found = leads(nlp, PLAN.format(first="Chủ trì các nhiệm vụ tại mục (II) (1).",
                                   second="Chủ trì các nhiệm vụ tại mục (II) (2)."))
    assert found["tập huấn cho người trồng rừng"] == ["Trung tâm Khuyến nông tỉnh"]


def test_a_part_only_mentioned_assigns_nothing(nlp):
    found = leads(nlp, PLAN.format(first="Chủ động xây dựng kế hoạch riêng, lưu ý nội dung tại mục II.",
                                   second="Phối hợp với các sở, ngành liên quan."))
    assert found["Xây dựng cơ sở dữ liệu vùng nuôi tôm"] == []


@pytest.mark.parametrize("reference", ["mục II Nghị quyết số 08/NQ-HĐND của Hội đồng nhân dân tỉnh",
                                       "mục II.1 của Chỉ thị 14-CT/TU"])
def test_a_part_of_another_document_assigns_nothing(nlp, reference):
    found = leads(nlp, PLAN.format(first=f"Chủ trì triển khai các nhiệm vụ tại {reference}.",
                                   second="Phối hợp với các sở, ngành liên quan."))
    assert found["Xây dựng cơ sở dữ liệu vùng nuôi tôm"] == []


TOPICS = """II. NHIỆM VỤ
1. Hạ tầng thủy lợi
a) Rà soát, nạo vét kênh mương nội đồng.
2. Giống cây trồng
a) Xây dựng kế hoạch khảo nghiệm các giống lúa chịu mặn.
3. Cơ giới hóa
a) Hỗ trợ nông dân mua máy gặt.
III. TỔ CHỨC THỰC HIỆN
1. Sở Nông nghiệp và Phát triển nông thôn
{assignment}
"""


@pytest.mark.parametrize("assignment", [
    "Chủ trì, tổ chức triển khai các nhiệm vụ về hạ tầng thủy lợi, giống cây trồng.",
    "Chủ trì thực hiện các nhiệm vụ, giải pháp về phát triển hạ tầng thủy lợi và giống cây trồng trên địa bàn.",
    "Triển khai nhiệm vụ thuộc lĩnh vực giống cây trồng, hạ tầng thủy lợi.",
])
def test_the_parts_titled_by_the_topics_a_body_carries_out_take_it_as_lead(nlp, assignment):
    found = leads(nlp, TOPICS.format(assignment=assignment))
    body = ["Sở Nông nghiệp và Phát triển nông thôn"]
    assert found["Rà soát, nạo vét kênh mương nội đồng"] == body
    assert found["Xây dựng kế hoạch khảo nghiệm các giống lúa chịu mặn"] == body
    assert found["Hỗ trợ nông dân mua máy gặt"] == []  # a part not named


def test_a_topic_that_is_only_part_of_a_title_names_no_part(nlp):
    found = leads(nlp, TOPICS.format(assignment="Chủ trì thực hiện các nhiệm vụ về hạ tầng giao thông."))
    assert found["Rà soát, nạo vét kênh mương nội đồng"] == []
