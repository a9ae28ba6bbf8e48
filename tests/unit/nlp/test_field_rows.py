"""Task rows written as lines: labelled lines under an item ("- Đơn vị chủ trì: ...") are the cells
of its row. Items and bodies are invented."""
import datetime as dt

import pytest

from theodoi.nlp.tasks.field_rows import apply_field_rows


def names(bodies):
    return [b.text for b in bodies]


def read(nlp, text):
    doc = nlp.make_doc(text)
    doc._.doc_kind = "Kế hoạch"
    doc._.doc_date = dt.date(2025, 10, 1)
    for _, component in nlp.pipeline:
        doc = component(doc)
    return sorted((s._.task for s in doc.spans["tasks"]), key=lambda t: t.start)


@pytest.mark.parametrize("lead_label, support_label", [
    ("Đơn vị chủ trì", "Đơn vị phối hợp"), ("Cơ quan chủ trì", "Cơ quan phối hợp"), ("Chủ trì", "Phối hợp"),
    ("Bộ phận thực hiện", "Phối hợp"),
])
def test_labelled_lines_give_the_lead_and_support_of_the_item_above(nlp, lead_label, support_label):
    found = read(nlp, "II. NỘI DUNG THỰC HIỆN\n"
                      "1. Tổ chức hội nghị tập huấn nghiệp vụ cho cán bộ cơ sở\n"
                      f"- {lead_label}: Phòng Nghiệp vụ Tổng hợp\n"
                      f"- {support_label}: Phòng Kế toán, các tổ công tác thôn\n"
                      "- Kết quả: Hội nghị được tổ chức.\n")
    assert [(t.text, names(t.lead), names(t.support)) for t in found] == [
        ("Tổ chức hội nghị tập huấn nghiệp vụ cho cán bộ cơ sở", ["Phòng Nghiệp vụ Tổng hợp"],
         ["Phòng Kế toán", "các tổ công tác thôn"])]


def test_items_that_share_one_block_of_lines_all_take_it_and_the_time_is_their_deadline(nlp):
    found = read(nlp, "II. NỘI DUNG THỰC HIỆN\n"
                      "3.1. Rà soát danh sách hộ nghèo trên địa bàn\n"
                      "3.2. Lập hồ sơ hỗ trợ nhà ở cho các hộ\n"
                      "- Thời gian thực hiện: Từ tháng 10/2025 đến quý I/2026.\n"
                      "- Đơn vị chủ trì: Đồng chí Phó Trưởng ban, phụ trách công tác xã hội\n"
                      "4. Tổng kết công tác hỗ trợ nhà ở\n"
                      "- Thời gian hoàn thành: Tháng 4/2026.\n"
                      "- Đơn vị chủ trì: Văn phòng Ban\n")
    assert [(t.text, names(t.lead), t.deadline.due) for t in found] == [
        ("Rà soát danh sách hộ nghèo trên địa bàn", ["Đồng chí Phó Trưởng ban, phụ trách công tác xã hội"],
         dt.date(2026, 3, 31)),
        ("Lập hồ sơ hỗ trợ nhà ở cho các hộ", ["Đồng chí Phó Trưởng ban, phụ trách công tác xã hội"], dt.date(2026, 3, 31)),
        ("Tổng kết công tác hỗ trợ nhà ở", ["Văn phòng Ban"], dt.date(2026, 4, 30))]


def test_an_item_that_names_its_own_subject_keeps_it(nlp):
    found = read(nlp, "II. NỘI DUNG THỰC HIỆN\n"
                      "2. Tổ chức lấy ý kiến cử tri nơi cư trú\n"
                      "- Hội Nông dân xã phối hợp với các thôn bố trí địa điểm hội nghị.\n"
                      "- Đơn vị chủ trì: Phòng Dân vận\n")
    assert [names(t.lead) for t in found] == [["Phòng Dân vận"], ["Hội Nông dân xã"]]


def test_without_labelled_lines_nothing_changes():
    assert apply_field_rows("1. Lập kế hoạch kiểm tra\n- Nội dung: kiểm tra hồ sơ\n", []) == []
