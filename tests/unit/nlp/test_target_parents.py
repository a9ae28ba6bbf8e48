"""Targets as parents of a plan's tasks, read from the plan's structure: a heading that states
the target, a goal section before the task section, a goal line before the task lines, a goal
row of a task table. Plans written for these tests."""
from __future__ import annotations

from theodoi.domain import Block, Header, ParsedDocument
from theodoi.nlp import extract
from theodoi.nlp.schema_json import to_schema


def _parsed(text: str, blocks: list[Block] | None = None) -> ParsedDocument:
    return ParsedDocument(path="t.txt", file_name="t.txt", mime="text/plain", parser="t", text=text,
                          header=Header(kind="Kế hoạch"), blocks=blocks or [])


def _parents(parsed: ParsedDocument) -> dict[str, str | None]:
    """Each task's text (its first words) → the value and unit of its target."""
    return {" ".join(t.text.split()[:3]): (f"{t.target.value:g} {t.target.unit}" if t.target else None)
            for t in extract(parsed).tasks}


GOAL_SECTION_THEN_TASKS = """KẾ HOẠCH
Triển khai chuyển đổi số cấp xã năm 2026
I. MỤC TIÊU
Đến năm 2027, 100% xã có trung tâm phục vụ hành chính công kết nối mạng diện rộng.
II. NHIỆM VỤ
1. Sở Khoa học và Công nghệ chủ trì rà soát hạ tầng mạng tại các xã, hoàn thành trong quý II/2026.
2. Ủy ban nhân dân các xã bố trí phòng máy cho trung tâm phục vụ hành chính công.
III. TỔ CHỨC THỰC HIỆN
1. Sở Tài chính bố trí kinh phí thực hiện kế hoạch.
"""


def test_the_goal_section_is_parent_of_the_next_sections_tasks_only():
    parents = _parents(_parsed(GOAL_SECTION_THEN_TASKS))
    assert parents["chủ trì rà"] == "100 %"
    assert parents["bố trí phòng"] == "100 %"
    assert parents["bố trí kinh"] is None  # a section of tasks stands between


def test_a_heading_that_states_a_target_is_parent_of_the_tasks_under_it():
    text = ("KẾ HOẠCH\nPhát triển du lịch cộng đồng\n1. Về hạ tầng du lịch\n"
            "a) Phấn đấu đến năm 2027 có 20 điểm du lịch cộng đồng đạt chuẩn:\n"
            "- Sở Văn hóa, Thể thao và Du lịch hướng dẫn các huyện lập hồ sơ công nhận điểm du lịch cộng đồng.\n"
            "- Ủy ban nhân dân các huyện đầu tư đường vào các điểm du lịch.\n"
            "b) Phấn đấu đến năm 2027 đón 500 nghìn lượt khách:\n"
            "- Sở Văn hóa, Thể thao và Du lịch tổ chức hội chợ quảng bá du lịch mỗi năm.\n"
            "2. Về nhân lực\n- Trường Cao đẳng Văn hóa mở lớp đào tạo hướng dẫn viên.\n")
    parents = _parents(_parsed(text))
    assert parents["hướng dẫn các"] == "20 điểm du lịch"
    assert parents["đầu tư đường"] == "20 điểm du lịch"
    assert parents["tổ chức hội"] == "500 nghìn lượt khách"
    assert parents["mở lớp đào"] is None


def test_several_goals_before_the_tasks_go_by_wording_or_not_at_all():
    text = ("KẾ HOẠCH\nChỉ tiêu năm 2026\n- Tỷ lệ hộ dân dùng nước sạch đạt 95%.\n"
            "- Giảm 10% số vụ tai nạn giao thông so với năm 2025.\nNhiệm vụ:\n"
            "1. Sở Nông nghiệp và Môi trường chủ trì nâng cấp các công trình cấp nước để tăng tỷ lệ hộ dân dùng nước sạch.\n"
            "2. Công an tỉnh tăng cường tuần tra, xử lý vi phạm để kéo giảm tai nạn giao thông.\n"
            "3. Sở Nội vụ tổ chức tập huấn nghiệp vụ cho cán bộ.\n")
    parents = _parents(_parsed(text))
    assert parents["chủ trì nâng"] == "95 %"
    assert parents["tăng cường tuần"] == "10 %"
    assert parents["tổ chức tập"] is None


def test_a_goal_line_then_task_lines_under_one_heading():
    text = ("KẾ HOẠCH\nBảo vệ rừng năm 2026\n2. Về bảo vệ rừng\n"
            "Phấn đấu duy trì tỷ lệ che phủ rừng trên 62%.\n"
            "- Chi cục Kiểm lâm chủ trì tổ chức tuần tra rừng trong mùa khô.\n"
            "- Ủy ban nhân dân các xã vận động các hộ dân ký cam kết bảo vệ rừng.\n"
            "3. Về trồng cây\n- Sở Nông nghiệp và Môi trường cung cấp cây giống cho các xã.\n")
    parents = _parents(_parsed(text))
    assert parents["chủ trì tổ"] == "62 %"
    assert parents["vận động các"] == "62 %"
    assert parents["cung cấp cây"] is None


TABLE = [["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"],
         ["I", "Đến năm 2027, 100% trường học có kết nối internet tốc độ cao", "", ""],
         ["1", "Nâng cấp đường truyền internet cho các trường học", "Sở Giáo dục và Đào tạo", "Năm 2026"],
         ["2", "Trang bị thiết bị mạng không dây cho phòng học", "Ủy ban nhân dân các xã", "Năm 2026"],
         ["II", "Đến năm 2027, 90% giáo viên được bồi dưỡng kỹ năng số", "", ""],
         ["3", "Tổ chức các lớp bồi dưỡng kỹ năng số cho giáo viên", "Sở Giáo dục và Đào tạo", "Năm 2027"]]


def _table_plan() -> ParsedDocument:
    head = "KẾ HOẠCH\nNâng cao chất lượng giáo dục số\nPhụ lục nhiệm vụ\n"
    body = "\n".join(" | ".join(row) for row in TABLE)
    return _parsed(head + body + "\n", [Block(kind="table", text=body, start=len(head), end=len(head) + len(body),
                                              rows=TABLE)])


def test_rows_of_tasks_under_a_goal_row_of_a_table():
    parents = _parents(_table_plan())
    assert parents["Nâng cấp đường"] == "100 %"
    assert parents["Trang bị thiết"] == "100 %"
    assert parents["Tổ chức các"] == "90 %"
    assert "Đến năm 2027," not in parents  # a goal row is no task of its own


def test_json_gives_the_index_of_the_tasks_target():
    parsed = _table_plan()
    out = to_schema(parsed, extract(parsed))
    by_text = {t["text"]: t["target"] for t in out["tasks"]}
    index = by_text["Tổ chức các lớp bồi dưỡng kỹ năng số cho giáo viên"]
    assert out["targets"][index]["value"] == 90


def test_figures_in_sibling_items_that_state_no_goal_are_no_parents():
    text = ("QUYẾT ĐỊNH\nSửa đổi quy định về hạn mức\n"
            "1. Hạn mức giao đất trồng cây lâu năm không quá 15 ha đối với xã vùng cao.\n"
            "2. Sửa đổi khoản 3 Điều 8 như sau: Sở Nông nghiệp và Môi trường chủ trì thẩm định hồ sơ giao đất.\n"
            "- Số hóa 100% hồ sơ giao đất còn hiệu lực, hoàn thành trước 30/11/2026.\n"
            "Ủy ban nhân dân tỉnh yêu cầu Thủ trưởng các cơ quan khẩn trương triển khai thực hiện.\n")
    parents = _parents(_parsed(text))
    assert parents and all(target is None for target in parents.values())


def test_a_task_with_a_figure_of_its_own_is_not_matched_by_wording():
    text = ("KẾ HOẠCH\nI. CHỈ TIÊU\nThu hút vốn đầu tư nước ngoài trên 2 tỷ đô la Mỹ; tỷ lệ hộ nghèo dưới 3%.\n"
            "II. NHIỆM VỤ\n1. Các chủ đầu tư đẩy nhanh giải ngân vốn đầu tư công, bảo đảm giải ngân 95% kế hoạch vốn.\n"
            "2. Sở Tài chính chủ trì xúc tiến thu hút vốn đầu tư nước ngoài vào các khu công nghiệp.\n")
    parents = _parents(_parsed(text))
    assert parents["đẩy nhanh giải"] is None
    assert parents["chủ trì xúc"] == "2 tỷ đô la Mỹ"
