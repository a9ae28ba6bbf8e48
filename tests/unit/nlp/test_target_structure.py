"""Targets read from the structure around a figure: a plan's table (its time column, its column
of goals, its rows kept apart), the headings that enclose an item, a document described as
approved. Every sentence here is invented."""
import pytest

from theodoi.nlp.components.targets import find_targets
from theodoi.nlp.target_horizon import cell_horizon
from theodoi.nlp.target_tables import table_cell, time_cell

_HEADER = "STT | Cơ quan chủ trì | Nội dung nhiệm vụ | Kết quả cần đạt | Thời hạn hoàn thành\n"


def _table(*rows: str, header: str = _HEADER) -> tuple[str, list[tuple[int, int]]]:
    text = "II. NHIỆM VỤ CỤ THỂ\n" + header + "".join(row + "\n" for row in rows)
    start = text.index(header)
    return text, [(start, len(text))]


def _years(text, tables=()):
    return [(t.value, t.unit, t.year) for t in find_targets(text, doc_year=2026, tables=tables)]


@pytest.mark.parametrize("cell, year", [
    ("Giai đoạn 2027 - 2029", 2029),
    ("Trước năm 2028", 2028),
    ("Hoàn thành trong năm 2027 và rà soát hằng năm", 2027),
    ("Ban hành trong quý II năm 2027. Cập nhật khi cần", 2027),
    ("Trước ngày 31/12/2028", 2028),
    ("Thường xuyên, liên tục", None),
    ("Triển khai từ năm 2027", None),
    ("Từ năm 2026 đến năm 2029", 2029),
])
def test_a_time_cell_gives_its_horizon_or_none(cell, year):
    assert cell_horizon(cell) == year


def test_a_figure_of_a_table_row_takes_the_rows_time_not_a_time_read_earlier():
    text, tables = _table(
        "1 | Sở Công Thương | Nâng cấp chợ hạng I | 100% chợ hạng I có hệ thống phòng cháy | Giai đoạn 2027 - 2029",
        "2 | Sở Y tế | Kiểm tra cơ sở bán thuốc | 90% nhà thuốc được kiểm tra | Thường xuyên",
        "3 | Sở Xây dựng | Sửa chữa 12 trạm bơm | 100% trạm bơm vận hành ổn định | Trước năm 2028")
    assert _years(text, tables) == [(100, "%", 2029), (90, "%", None), (12, "trạm", 2028), (100, "%", 2028)]


def test_a_row_without_its_merged_cells_is_counted_from_the_right():
    text, tables = _table(
        "1 | Sở Nội vụ | Tập huấn cán bộ xã | 80% cán bộ xã được tập huấn | Giai đoạn 2026 - 2027",
        "Bồi dưỡng công chức cấp xã | Mở 2 lớp bồi dưỡng kỹ năng số | Năm 2028")
    cell = table_cell(text, text.index("2 lớp"), tables)
    assert cell.cells[:2] == [None, None] and cell.column == 3
    assert time_cell(cell) == "Năm 2028"
    assert _years(text, tables) == [(80, "%", 2027), (2, "lớp", 2028)]


def test_a_figure_in_a_column_of_goals_is_a_goal_without_a_goal_word():
    header = "TT | Nhiệm vụ | Đơn vị chủ trì | Chỉ tiêu cần đạt | Thời gian thực hiện\n"
    text, tables = _table("1 | Rà soát bến xe khách | Sở Giao thông | 75% bến xe có camera giám sát | Năm 2027",
                          header=header)
    assert _years(text, tables) == [(75, "%", 2027)]


def test_a_report_table_without_a_goal_column_stays_silent():
    header = "STT | Đơn vị | Kết quả thực hiện | Ghi chú\n"
    text, tables = _table("1 | Huyện Đông Sơn | 75% xã có nhà văn hóa | ", header=header)
    assert _years(text, tables) == []


def test_rows_of_a_table_are_not_read_as_one_wrapped_sentence():
    text, tables = _table(
        "1 | Sở Tài chính | Phân bổ vốn | 100% vốn được giải ngân | Giai đoạn 2026 - 2027",
        "2 | Sở Du lịch | Quảng bá điểm đến | 3 lễ hội được tổ chức mỗi năm | Thường xuyên")
    found = find_targets(text, doc_year=2026, tables=tables)
    assert [t.text for t in found] == ["100% vốn được giải ngân", "3 lễ hội được tổ chức mỗi năm"]


@pytest.mark.parametrize("text, value", [
    ("Mục tiêu: 100% tuyến đường trong danh sách đã được phê duyệt hoàn thành trải nhựa trước năm 2028.", 100),
    ("Phấn đấu 95% công trình thuộc kế hoạch đã được Ủy ban tỉnh phê duyệt khởi công trong năm 2027.", 95),
    ("Mục tiêu năm 2027: 100% cơ sở thuộc đề án đã được cấp có thẩm quyền phê duyệt được di dời.", 100),
    ("Phấn đấu 60 hộ thuộc phương án đã được thông qua chuyển đến khu tái định cư mới trong năm 2028.", 60),
])
def test_a_document_described_as_approved_does_not_make_a_goal_past(text, value):
    assert [t.value for t in find_targets(text, doc_year=2026)] == [value]


@pytest.mark.parametrize("text", [
    "Kết quả: 100% xã đã được phê duyệt quy hoạch chung.",
    "Phấn đấu như năm trước, 90% trường học đã đạt chuẩn quốc gia.",
])
def test_a_figure_reported_as_done_stays_past(text):
    assert find_targets(text, doc_year=2026) == []


@pytest.mark.parametrize("text, expected", [
    ("II. MỤC TIÊU CỤ THỂ\n1. Về môi trường\na) Nước sông được cải thiện:\n- Tại huyện An Phú, nước sông đạt loại A.\n"
     "b) 100% cơ sở chế biến thủy sản được kiểm soát chặt chẽ.\n", [(100, "%", None)]),
    ("3. Chỉ tiêu chủ yếu giai đoạn 2026 - 2028\na) Về y tế:\n- Có 12 bác sĩ trên một vạn dân.\n"
     "b) 95% người dân có thẻ bảo hiểm y tế.\n", [(12, "bác sĩ", 2028), (95, "%", 2028)]),
    ("2. Phấn đấu đến năm 2030\na) Hạ tầng số được hoàn thiện.\nb) 98% hộ gia đình có cáp quang.\n",
     [(98, "%", 2030)]),
])
def test_a_heading_of_goals_above_the_item_makes_its_figure_a_goal(text, expected):
    assert _years(text) == expected


@pytest.mark.parametrize("text", [
    "3. Tình hình thực hiện mục tiêu\na) Về y tế:\n- 12 bác sĩ trên một vạn dân.\n",
    "II. MỤC TIÊU\n1. Kết quả giai đoạn trước\na) Về giáo dục:\n- 95% trẻ em đến trường đúng độ tuổi.\n",
    "1. Bối cảnh\na) Tỉnh có 12 bệnh viện.\nb) 95% người dân có thẻ bảo hiểm y tế.\n",
])
def test_items_under_a_report_or_a_plain_heading_state_no_goal(text):
    assert _years(text) == []


def test_a_horizon_stated_in_the_figures_own_cell_wins_over_the_rows_time():
    text, tables = _table(
        "1 | Sở Xây dựng | Phát triển nhà ở xã hội | - Hoàn thành mục tiêu nhà ở xã hội vào năm 2030: huyện A có "
        "tối thiểu 300 căn hộ, huyện B có tối thiểu 150 căn hộ. | Giai đoạn 2026 - 2027")
    assert _years(text, tables) == [(300, "căn hộ", 2030), (150, "căn hộ", 2030)]


@pytest.mark.parametrize("text, value", [
    ("- Kết nối các trạm đo mưa theo Quyết định số 99/QĐ-TTg ngày 19 tháng 4 năm 2024 của Bộ trưởng; "
     "đảm bảo 100% dữ liệu đo mưa được truyền về Sở.", 100),
    ("Thực hiện Kế hoạch số 12/KH-UBND ngày 2 tháng 11 năm 2023 của Ủy ban, phấn đấu 95% hộ dân được cấp nước sạch.",
     95),
])
def test_the_year_of_a_cited_documents_date_does_not_make_a_goal_past(text, value):
    assert [t.value for t in find_targets(text, doc_year=2026)] == [value]


def test_a_year_named_before_the_documents_still_reports_the_past():
    assert find_targets("Năm 2024, toàn tỉnh đạt 95% hộ dân được cấp nước sạch.", doc_year=2026) == []


@pytest.mark.parametrize("text, values", [
    ("c) Sở Công Thương chịu trách nhiệm trước Ủy ban, báo cáo kết quả thực hiện hằng quý; lồng ghép các mục tiêu "
     "vào kế hoạch của ngành, cụ thể:\n- Kiểm tra các chợ đầu mối; yêu cầu 100% chợ có phương án phòng cháy.\n", [100]),
    ("3. Các huyện báo cáo tình hình và kết quả thực hiện định kỳ; chủ động bố trí kinh phí, cụ thể:\n"
     "- Rà soát bến xe; đảm bảo 90% bến xe có camera giám sát.\n", [90]),
    ("Sở Công Thương báo cáo kết quả thực hiện như sau:\n- 100% chợ có phương án phòng cháy.\n", []),
    ("Qua một năm, ghi nhận kết quả đạt được:\n- 80% hộ dân dùng nước sạch.\n", []),
])
def test_a_lead_in_that_asks_for_reports_among_other_tasks_opens_no_report(text, values):
    assert [t.value for t in find_targets(text, doc_year=2026)] == values


@pytest.mark.parametrize("text", [
    "2. Sở Nông nghiệp:\n- Xây dựng, triển khai kế hoạch bảo vệ rừng đầu nguồn giai đoạn 2026 - 2030 theo quy định.\n"
    "- Tăng cường tuần tra; yêu cầu 100% chủ rừng có phương án phòng cháy.\n",
    "b) Các huyện:\n+ Tổ chức thực hiện chương trình nước sạch nông thôn đến năm 2030, bố trí vốn đối ứng.\n"
    "+ Rà soát hồ chứa.\n+ Kiểm tra chất lượng nước; đảm bảo 100% công trình cấp nước được kiểm định.\n",
])
def test_the_horizon_of_an_earlier_item_does_not_carry_to_a_later_one(text):
    assert [(t.value, t.year) for t in find_targets(text, doc_year=2026)] == [(100, None)]


@pytest.mark.parametrize("text", [
    "II. MỤC TIÊU ĐẾN NĂM 2030\n1. Về rừng:\n- 100% chủ rừng có phương án phòng cháy.\n",
    "Kế hoạch bảo vệ rừng giai đoạn 2026 - 2030 nhằm các mục tiêu sau:\n- 100% chủ rừng có phương án phòng cháy.\n",
    "- Đến năm 2030:\n+ Trồng mới rừng phòng hộ.\n+ 100% chủ rừng có phương án phòng cháy.\n",
])
def test_a_horizon_above_the_list_still_carries_to_its_items(text):
    assert [(t.value, t.year) for t in find_targets(text, doc_year=2026)] == [(100, 2030)]


def test_a_horizon_of_the_figures_own_item_or_of_an_unrelated_bullet_still_counts():
    text = "- Đến năm 2028: Phấn đấu toàn huyện có 3 chợ đạt chuẩn. Tỷ lệ hộ kinh doanh có mã số thuế khoảng 70%.\n"
    assert [(t.value, t.year) for t in find_targets(text, doc_year=2026)] == [(3, 2028), (70, 2028)]
    text = ("• Đến năm 2030 tỉnh thuộc nhóm dẫn đầu về khoa học, công nghệ. Giải pháp là gì?\n"
            "Thứ nhất là xây dựng trung tâm nghiên cứu.\n"
            "Thứ hai là phát triển nhân lực số, với mục tiêu đào tạo được 2.000 nhân lực.\n")
    assert [(t.value, t.year) for t in find_targets(text, doc_year=2026)] == [(2000, 2030)]


def test_a_long_list_of_goals_takes_the_horizon_of_the_heading_that_encloses_it():
    filler = "".join(f"{letter}) Hệ thống đê điều ở vùng {letter} được gia cố, nâng cấp đồng bộ theo quy chuẩn "
                     "kỹ thuật mới, bảo đảm an toàn trước lũ lớn, kết hợp giao thông nông thôn và cảnh quan.\n" * 4
                     for letter in "abcdef")
    text = ("2. Mục tiêu cụ thể giai đoạn 2026 - 2028:\n" + filler
            + "- Các huyện ven biển: xây dựng kế hoạch phòng chống thiên tai đến năm 2027.\n"
            + "g) Phấn đấu 100% hộ dân vùng trũng có phương án sơ tán.\n")
    assert len(filler) > 3000
    assert [(t.value, t.year) for t in find_targets(text, doc_year=2026)] == [(100, 2028)]



@pytest.mark.parametrize("cited", ["ngày 07/3/2024", "ngày 7 tháng 3 năm 2024"])
def test_the_date_of_a_cited_document_in_a_rows_cell_is_no_horizon(cited):
    text, tables = _table(
        f"1 | Sở Nông nghiệp | Mạng lưới đo mặn | Lắp đặt mới 14 trạm đo mặn theo Quyết định số 99/QĐ-UBND {cited} "
        "của Ủy ban | Giai đoạn 2026 - 2028")
    assert _years(text, tables) == [(14, "trạm", 2028)]


def test_a_deadline_after_a_cited_number_is_still_a_horizon():
    text = "- Phấn đấu hoàn thành sửa chữa 120 nhà ở ngoài Kế hoạch 15/KH-UBND trước ngày 30/9/2027."
    assert [(t.value, t.year) for t in find_targets(text, doc_year=2026)] == [(120, 2027)]


@pytest.mark.parametrize("text", [
    "Năm 2025, tổng sản phẩm trên địa bàn tăng 7,2%. Trong đó, khu vực dịch vụ tăng 8,1%.",
    "Kết thúc giai đoạn 2021 - 2025, thu ngân sách tăng bình quân 9%.",
])
def test_a_figure_of_a_year_before_the_documents_is_history(text):
    assert find_targets(text, doc_year=2026) == []


def test_a_goal_of_the_documents_own_year_is_kept():
    assert [t.year for t in find_targets("Phấn đấu năm 2026 tổng sản phẩm trên địa bàn tăng 8%.", doc_year=2026)] \
        == [2026]
