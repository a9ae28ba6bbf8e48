"""Field lines under an item ("- Đơn vị chủ trì: ...", "- Thời gian hoàn thành: ...") are no tasks;
their lead and support go to the tasks of the item above (theodoi.nlp.tasks.field_rows). Sentences
written for these tests."""
def tasks_of(nlp, text):
    doc = nlp(text)
    return [s._.task for s in doc.spans["tasks"]]


PLAN = ("Ủy ban nhân dân xã yêu cầu các ban, ngành:\n"
        "1. Rà soát danh sách hộ nghèo năm 2024\n"
        "- Thời gian hoàn thành: Tháng 9/2024.\n"
        "- Đơn vị chủ trì: Đồng chí Phó Chủ tịch, phụ trách Văn hóa và Xã hội\n"
        "- Đơn vị phối hợp: Công chức Lao động, các Trưởng thôn, Hội Nông dân xã.\n"
        "- Kết quả: Danh sách hộ nghèo được phê duyệt.\n"
        "2. Tổ chức tập huấn cho cán bộ thôn\n"
        "3. Tổng hợp kết quả tập huấn\n"
        "- Chủ trì: Trung tâm Văn hóa xã\n"
        "- Thời hạn: Quý IV/2024\n")


def test_field_lines_are_not_tasks(nlp):
    texts = [t.text for t in tasks_of(nlp, PLAN)]
    assert texts == ["Rà soát danh sách hộ nghèo năm 2024", "Tổ chức tập huấn cho cán bộ thôn",
                     "Tổng hợp kết quả tập huấn"]


def test_lead_and_support_fields_go_to_the_tasks_of_their_block(nlp):
    first, second, third = tasks_of(nlp, PLAN)
    assert [b.text for b in first.lead] == ["Đồng chí Phó Chủ tịch, phụ trách Văn hóa và Xã hội"]
    assert [b.text for b in first.support] == ["Công chức Lao động", "các Trưởng thôn", "Hội Nông dân xã"]
    # the block of the last fields goes back to the previous group of fields: items 2 and 3
    assert [b.text for b in second.lead] == [b.text for b in third.lead] == ["Trung tâm Văn hóa xã"]


def test_a_task_that_names_its_own_subject_keeps_it(nlp):
    text = ("1. Chuẩn bị hội trường\n2. Hội Phụ nữ xã phối hợp với Đoàn Thanh niên trang trí khánh tiết\n"
            "- Đơn vị chủ trì: Văn phòng Ủy ban nhân dân xã\n")
    found = tasks_of(nlp, "Kế hoạch giao các đơn vị:\n" + text)
    assert [[b.text for b in t.lead] for t in found] == [["Văn phòng Ủy ban nhân dân xã"], ["Hội Phụ nữ xã"]]
