"""Table reader "table_rows": column kinds, rows under merged cells, group rows, names and times
of cells, and prose tasks that stop where a table starts. Tables and bodies are invented."""
import datetime as dt

import pytest

from theodoi.domain import Block
from theodoi.ingest.flattened_tables import split_rows
from theodoi.nlp.tasks import registry
from theodoi.nlp.tasks.table_columns import cell_deadline, column_kinds, split_names
from theodoi.nlp.tasks.tables import table_tasks


def names(bodies):
    return [b.text for b in bodies]


def read(rows, doc_date=None):
    text = "\n".join(" | ".join(r) for r in rows)
    return table_tasks(text, Block("table", text, 0, len(text), rows), doc_date)


@pytest.mark.parametrize("header, kinds", [
    (["STT", "Nhiệm vụ", "Sản phẩm/Kết quả", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
     {"number": [0], "task": [1], "lead": [3], "support": [4], "deadline": [5]}),
    (["TT", "Nội dung công việc", "Kết quả thực hiện", "Đơn vị thực hiện", "Thời hạn"],
     {"number": [0], "task": [1], "lead": [4 - 1], "deadline": [4]}),
    (["Số TT", "Thuộc nhóm giải pháp", "Nội dung nhiệm vụ", "Chỉ tiêu cần đạt", "Đơn vị phụ trách", "Tiến độ"],
     {"number": [0], "task": [2], "lead": [4], "deadline": [5]}),
    (["STT", "Tên đề án, nhiệm vụ", "Nội dung chính", "Đầu mối", "Cơ quan tham gia", "Thời điểm"],
     {"number": [0], "task": [1], "lead": [3], "support": [4], "deadline": [5]}),
])
def test_column_kinds_by_header_words(header, kinds):
    assert column_kinds(header) == kinds


def test_of_two_task_columns_of_one_rank_the_one_that_says_more_holds_the_task():
    header = ["TT", "Huyện đề xuất", "Ý kiến đề xuất", "Cơ quan tiếp nhận, xử lý"]
    body = [["1", "Huyện Đông Sơn", "Đề nghị hướng dẫn việc chuyển giao hồ sơ đất đai cho cấp xã", "Sở Địa chính"],
            ["2", "Huyện Tây Sơn", "Đề nghị bố trí kinh phí sửa chữa trụ sở làm việc của các xã", "Sở Ngân khố"]]
    assert column_kinds(header, body)["task"] == [2]
    [first, _] = read([header, *body])
    assert first.text.startswith("Đề nghị hướng dẫn") and names(first.lead) == ["Sở Địa chính"]


def test_a_column_of_bodies_is_the_lead_when_no_header_names_it():
    rows = [["STT", "Nội dung", "Đơn vị", "Thời gian"],
            ["1", "Rà soát danh mục thủ tục hành chính nội bộ", "Sở Hành chính", "Quý II/2026"],
            ["2", "Cập nhật cơ sở dữ liệu cán bộ", "Văn phòng Ủy ban nhân dân tỉnh", "Tháng 9/2026"]]
    assert [names(t.lead) for t in read(rows)] == [["Sở Hành chính"], ["Văn phòng Ủy ban nhân dân tỉnh"]]


def test_rows_under_merged_cells_keep_the_lead_and_support_of_the_row_above():
    rows = [["STT", "Cơ quan chủ trì", "Cơ quan phối hợp", "Nội dung nhiệm vụ", "Sản phẩm", "Thời hạn hoàn thành"],
            ["A.", "SỞ GIAO THÔNG THỦY"],
            ["1", "Sở Giao thông thủy", "Sở Cảng vụ; Sở Bến bãi", "- Nạo vét luồng lạch cửa sông",
             "- Luồng đạt độ sâu thiết kế", "Năm 2027"],
            ["- Lắp đặt phao tiêu báo hiệu", "- Hệ thống phao tiêu", "Giai đoạn 2026 - 2028"],
            ["Các phường ven sông", "- Tuyên truyền an toàn đường thủy", "- Các buổi tuyên truyền", "Thường xuyên"]]
    tasks = read(rows, dt.date(2025, 6, 1))
    assert [t.text for t in tasks] == ["Nạo vét luồng lạch cửa sông", "Lắp đặt phao tiêu báo hiệu",
                                       "Tuyên truyền an toàn đường thủy"]
    assert [names(t.lead) for t in tasks] == [["Sở Giao thông thủy"]] * 3
    assert [names(t.support) for t in tasks] == [["Sở Cảng vụ", "Sở Bến bãi"], ["Sở Cảng vụ", "Sở Bến bãi"],
                                                 ["Các phường ven sông"]]
    assert [t.deadline.due for t in tasks[:2]] == [dt.date(2027, 12, 31), dt.date(2028, 12, 31)]
    assert tasks[2].deadline.kind == "ongoing"


def test_a_group_row_naming_a_body_is_the_lead_of_rows_with_an_empty_lead_cell():
    rows = [["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian"],
            ["I", "SỞ NÔNG NGHIỆP MIỀN NÚI"],
            ["1", "Kiểm kê diện tích rừng phòng hộ", "", "Tháng 6/2026"],
            ["2", "Trồng rừng thay thế ven hồ", "Hạt Kiểm lâm Bắc Sơn", "Năm 2027"],
            ["II", "NHÓM NHIỆM VỤ TRUYỀN THÔNG"],
            ["1", "Phát hành tờ rơi về phòng cháy rừng", "", "Quý I/2026"]]
    tasks = read(rows)
    assert [names(t.lead) for t in tasks] == [["SỞ NÔNG NGHIỆP MIỀN NÚI"], ["Hạt Kiểm lâm Bắc Sơn"], []]


def test_a_table_without_a_task_column_gives_no_tasks():
    rows = [["TT", "Chỉ tiêu", "Chủ trì"], ["1", "Tỷ lệ hồ sơ trực tuyến đạt 90%", "Sở Hành chính"]]
    assert read(rows) == []


@pytest.mark.parametrize("cell, expected", [
    ("- Sở Thủy lợi;\n- Sở Đê điều;\n- Các sở, ngành liên quan và UBND các xã.",
     ["Sở Thủy lợi", "Sở Đê điều", "Các sở, ngành liên quan", "UBND các xã"]),
    ("Bộ Lao động - Thương binh và Xã hội", ["Bộ Lao động - Thương binh và Xã hội"]),
    ("Sở Kế hoạch và Đầu tư, Sở Văn hóa, Thể thao và Du lịch", ["Sở Kế hoạch và Đầu tư", "Sở Văn hóa, Thể thao và Du lịch"]),
    ("UBND thành phố Hải Đông, Thành phố Bắc Giang Mới", ["UBND thành phố Hải Đông", "UBND Thành phố Bắc Giang Mới"]),
    ("Sở Môi trường (chủ trì phần kỹ thuật, số liệu); UBND các huyện (chủ trì phần địa bàn)",
     ["Sở Môi trường", "UBND các huyện"]),
    ("các Sở, cơ quan ngang Sở", ["các Sở", "cơ quan ngang Sở"]),
    ("Ủy ban Quốc phòng, An ninh và Đối ngoại", ["Ủy ban Quốc phòng, An ninh và Đối ngoại"]),
    ("Mặt trận Tổ quốc xã và các đoàn thể", ["Mặt trận Tổ quốc xã", "các đoàn thể"]),
    ("Sở Tài vụ, Tỉnh đoàn", ["Sở Tài vụ", "Tỉnh đoàn"]),
])
def test_a_cell_naming_several_bodies_gives_one_name_each(cell, expected):
    assert names(split_names(cell, 0)) == expected


@pytest.mark.parametrize("cell, kind, due", [
    ("2026 - 2028", "year", dt.date(2028, 12, 31)),
    ("Giai đoạn 2025 - 2027. Rà soát, cập nhật khi cần", "year", dt.date(2027, 12, 31)),
    ("Quý III/2025 - Quý I/2026", "quarter", dt.date(2026, 3, 31)),
    ("Ban hành trong quý II năm 2026. Triển khai các năm sau", "quarter", dt.date(2026, 6, 30)),
    ("Bắt đầu từ năm 2026 và duy trì thường xuyên", "ongoing", None),
    ("Hằng năm", "recurring", None),
])
def test_a_time_cell_gives_the_deadline_of_its_row(cell, kind, due):
    found = cell_deadline(cell, dt.date(2025, 3, 1))
    assert (found.kind, found.due) == (kind, due)


@pytest.mark.parametrize("cell", ["Khởi động từ năm 2026", "Từ tháng 7/2026", ""])
def test_a_start_alone_is_no_deadline(cell):
    assert cell_deadline(cell, dt.date(2025, 3, 1)) is None


def test_table_rows_is_a_registered_table_reader():
    assert registry.table_readers(["table_rows"]) == [table_tasks]
    with pytest.raises(ValueError, match="unknown table readers"):
        registry.table_readers(["columns_of_dreams"])


def test_flattened_rows_end_at_a_group_row_and_at_rows_under_merged_cells():
    cells = ["STT", "Chủ trì", "Nội dung", "Thời hạn", "",
             "A.", "SỞ XÂY LẮP", "", "",
             "Sở Xây lắp", "Lập quy hoạch bãi thải", "Năm 2026", "",
             "Cập nhật bản đồ bãi thải", "Năm 2027", "",
             "1", "Sở Cấp nước", "Nâng cấp trạm bơm", "Năm 2028", ""]
    assert split_rows(cells) == [["STT", "Chủ trì", "Nội dung", "Thời hạn"], ["A.", "SỞ XÂY LẮP"],
                                 ["Sở Xây lắp", "Lập quy hoạch bãi thải", "Năm 2026"],
                                 ["Cập nhật bản đồ bãi thải", "Năm 2027"],
                                 ["1", "Sở Cấp nước", "Nâng cấp trạm bơm", "Năm 2028"]]


def test_a_numbered_row_keeps_its_empty_cells():
    cells = ["STT", "Nhiệm vụ", "Phối hợp", "Thời hạn", "", "1", "Sửa chữa đê bao", "", "Năm 2026", ""]
    assert split_rows(cells)[1] == ["1", "Sửa chữa đê bao", "", "Năm 2026"]


def test_table_with_two_lead_columns_and_a_comma_inside_a_name():
    rows = [["STT", "Tên dự án", "Cơ quan trình", "Cơ quan chủ trì thẩm tra", "Cơ quan tham gia thẩm tra",
             "Tiến độ trình"],
            ["1.", "Luật Bưu chính (sửa đổi)", "Chính phủ", "Ủy ban Khoa học, Công nghệ và Môi trường",
             "Hội đồng Dân tộc, các Ủy ban khác của Quốc hội", "Tháng 3/2026"]]
    [task] = read(rows)
    assert task.text == "Luật Bưu chính (sửa đổi)" and task.label == "1"
    assert names(task.lead) == ["Chính phủ", "Ủy ban Khoa học, Công nghệ và Môi trường"]
    assert names(task.support) == ["Hội đồng Dân tộc", "các Ủy ban khác của Quốc hội"]


def test_a_task_read_from_the_text_stops_where_a_table_starts(nlp):
    prose = "1. Sở Hạ tầng đô thị chủ trì lắp đặt đèn chiếu sáng các tuyến phố chính"
    rows = [["STT", "Nhiệm vụ", "Cơ quan chủ trì"], ["1", "Thay cột đèn hư hỏng tại khu trung tâm", "Công ty Chiếu sáng"]]
    table = "\n".join(" | ".join(r) for r in rows)
    text = prose + " " + table + "\n"
    doc = nlp.make_doc(text)
    start = len(prose) + 1
    doc._.blocks = [Block("table", table, start, start + len(table), rows)]
    for _, component in nlp.pipeline:
        doc = component(doc)
    found = sorted((s._.task for s in doc.spans["tasks"]), key=lambda t: t.start)
    assert [(t.text, names(t.lead)) for t in found] == [
        ("chủ trì lắp đặt đèn chiếu sáng các tuyến phố chính", ["Sở Hạ tầng đô thị"]),
        ("Thay cột đèn hư hỏng tại khu trung tâm", ["Công ty Chiếu sáng"])]


def test_a_group_row_that_opens_with_an_action_is_a_task_over_its_group():
    rows = [["STT", "Tên đề án", "Cơ quan trình", "Thời hạn"],
            ["I", "Trình Hội đồng xem xét tại kỳ họp thứ hai"],
            ["1.", "Đề án chỉnh trang bến thuyền", "Sở Đường thủy", "Tháng 5/2026"],
            ["II", "NHÓM ĐỀ ÁN VỀ ĐÊ ĐIỀU"],
            ["1.", "Đề án gia cố kè sông", "Sở Đê điều", "Tháng 9/2026"]]
    assert [(t.text, t.label, names(t.lead)) for t in read(rows)] == [
        ("Trình Hội đồng xem xét tại kỳ họp thứ hai", "I", []),
        ("Đề án chỉnh trang bến thuyền", "1", ["Sở Đường thủy"]),
        ("Đề án gia cố kè sông", "1", ["Sở Đê điều"])]


def test_a_row_under_merged_cells_keeps_its_own_partner_cell_in_the_partner_column():
    rows = [["STT", "Cơ quan chủ trì", "Cơ quan phối hợp", "Nhóm nhiệm vụ", "Nội dung nhiệm vụ", "Thời hạn"],
            ["1", "Sở Học vụ", "Trường Cao đẳng Nghề Đông", "Đào tạo", "- Mở lớp kỹ thuật viên môi trường", "Năm 2026"],
            ["Các phòng, ban liên quan", "- Biên soạn giáo trình môi trường", "Năm 2027"]]
    tasks = read(rows)
    assert [(names(t.lead), names(t.support)) for t in tasks] == [
        (["Sở Học vụ"], ["Trường Cao đẳng Nghề Đông"]), (["Sở Học vụ"], ["Các phòng, ban liên quan"])]


def test_a_sentence_both_the_text_and_a_table_state_is_the_rows_task(nlp):
    prose = "1. Các sở tăng cường kiểm tra an toàn thực phẩm tại chợ đầu mối.\n"
    rows = [["STT", "Nhiệm vụ", "Cơ quan chủ trì"], ["1", "Tăng cường kiểm tra an toàn thực phẩm tại chợ đầu mối", "Sở Y tế"]]
    table = "\n".join(" | ".join(r) for r in rows)
    doc = nlp.make_doc(prose + table + "\n")
    doc._.blocks = [Block("table", table, len(prose), len(prose) + len(table), rows)]
    for _, component in nlp.pipeline:
        doc = component(doc)
    found = [s._.task for s in doc.spans["tasks"]]
    assert [(t.text, names(t.lead)) for t in found] == [
        ("Tăng cường kiểm tra an toàn thực phẩm tại chợ đầu mối", ["Sở Y tế"])]


def test_a_range_ends_where_its_clause_ends():
    found = cell_deadline("Thí điểm trong giai đoạn 2025 - 2026 và nhân rộng sau năm 2028", dt.date(2025, 3, 1))
    assert found.due == dt.date(2026, 12, 31)


def test_empty_cells_under_a_merged_number_and_lead_cell_keep_the_row_above():
    rows = [["STT", "Đơn vị chủ trì", "Đơn vị phối hợp", "Nhiệm vụ", "Thời hạn"],
            ["1", "Sở Thủy sản", "Chi cục Nuôi trồng", "Khảo sát vùng nuôi tôm ven biển", "Tháng 6/2026"],
            ["", "", "", "Cấp mã số vùng nuôi cho các hợp tác xã", "Tháng 12/2026"],
            ["2", "Sở Lâm sản", "", "Kiểm kê gỗ tồn kho", "Quý I/2026"]]
    assert [(names(t.lead), names(t.support)) for t in read(rows)] == [
        (["Sở Thủy sản"], ["Chi cục Nuôi trồng"]), (["Sở Thủy sản"], ["Chi cục Nuôi trồng"]), (["Sở Lâm sản"], [])]


def test_a_group_row_that_names_no_body_gives_no_lead():
    rows = [["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian"],
            ["I", "CÁC NHIỆM VỤ VỀ HẠ TẦNG"],
            ["1", "Mở rộng trạm cấp nước sạch", "", "Năm 2026"],
            ["II", "CÁC SỞ, NGÀNH"],
            ["1", "Rà soát quy hoạch cấp nước", "", "Năm 2027"]]
    assert [names(t.lead) for t in read(rows)] == [[], ["các sở, ngành"]]
