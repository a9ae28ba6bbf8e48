import pytest
import spacy

from theodoi.nlp.components.targets import find_targets
from theodoi.nlp.wrapped_lines import unwrap_lines


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}})
    nlp.add_pipe("theodoi_citations")
    nlp.add_pipe("theodoi_targets")
    return nlp


def facts(text):
    return [(t.value, t.comparator, t.unit, t.year) for t in find_targets(text)]


def test_goals_with_comparators_units_and_horizon():
    text = ("Phấn đấu đến năm 2025 có trên 700 doanh nghiệp số; trên 90% dịch vụ công trực tuyến mức độ 4; "
            "hình thành 3 đô thị thông minh. Đến năm 2030, có trên 3.000 doanh nghiệp số.")
    assert facts(text) == [(700, ">", "doanh nghiệp", 2025), (90, ">", "%", 2025), (3, "=", "đô thị", 2025),
                           (3000, ">", "doanh nghiệp", 2030)]


@pytest.mark.parametrize("text, value, comparator", [
    ("Mục tiêu đến năm 2025 tỷ lệ nước sạch đạt 95 - 100%", 95, ">="),
    ("Mục tiêu đến năm 2025 tỷ lệ hộ nghèo dưới 3%", 3, "<"),
    ("Mục tiêu đến năm 2025 tỷ lệ thất nghiệp không quá 4%", 4, "<="),
    ("Chỉ tiêu đến năm 2025 tốc độ tăng trưởng khoảng 8,5%", 8.5, "~"),
    ("Chỉ tiêu đến năm 2025 tỷ lệ giao thông từ 15% trở lên", 15, ">="),
    ("Mục tiêu đến năm 2025 tỷ lệ nông thôn mới tối thiểu 80%", 80, ">="),
    ("Phấn đấu đến năm 2025 Thái Nguyên thuộc nhóm 15 tỉnh dẫn đầu", 15, "<="),
    ("Phấn đấu đến năm 2025 có bảy trăm doanh nghiệp số", 700, "="),
])
def test_comparators_and_values(text, value, comparator):
    [target] = find_targets(text)
    assert (target.value, target.comparator, target.year) == (value, comparator, 2025)


def test_indicator_is_the_measured_noun_phrase():
    [target] = find_targets("Đến năm 2015, tỷ lệ lao động qua đào tạo đạt 60%.")
    assert target.indicator == "tỷ lệ lao động qua đào tạo"
    [target] = find_targets("Phấn đấu đến năm 2025 có trên 90% dịch vụ công trực tuyến mức độ 4.")
    assert target.indicator == "dịch vụ công trực tuyến mức độ 4"


@pytest.mark.parametrize("text", [
    "Kỷ niệm 50 năm ngày thành lập tỉnh.",
    "Nghị quyết Đại hội Đảng bộ tỉnh khóa XIII, nhiệm kỳ 2020-2025.",
    "Năm 2020 tỉnh đã đạt 85% kế hoạch.",
    "Theo quy định tại Điều 5 Nghị định số 30/2020/NĐ-CP.",
    "Sau 03 năm thực hiện, đến nay đã đạt 85% chỉ tiêu.",
])
def test_not_targets(text):
    assert find_targets(text) == []


def test_distribution_list_inherits_the_total():
    text = ("Đến năm 2020, xây dựng mới 151 chợ tại các huyện cụ thể: Việt Trì (12), Đoan Hùng (22).")
    found = find_targets(text)
    assert [(t.value, t.unit, t.year) for t in found] == [(151, "chợ", 2020), (12, "chợ", 2020), (22, "chợ", 2020)]
    assert "Việt Trì" in found[1].indicator


def test_component_sets_spans(nlp):
    doc = nlp("Phấn đấu đến năm 2025 có trên 700 doanh nghiệp số.")
    [span] = doc.spans["targets"]
    assert span._.target.value == 700 and "700 doanh nghiệp" in span.text


def found(text):
    return [(t.value, t.year, t.indicator) for t in find_targets(text)]


def test_wrapped_lines_are_read_as_one_sentence():
    text = "- Phấn đấu đến năm 2025 tỷ lệ nhà kiên cố đạt khoảng\n65%.\n- Tỷ lệ hộ nghèo dưới 3%."
    assert unwrap_lines(text) == "- Phấn đấu đến năm 2025 tỷ lệ nhà kiên cố đạt khoảng 65%.\n- Tỷ lệ hộ nghèo dưới 3%."
    assert found(text)[0] == (65, 2025, "tỷ lệ nhà kiên cố")


def test_horizon_right_after_the_figure_wins():
    text = "Tốc độ tăng trưởng đạt 16,5%/năm giai đoạn 2011 - 2015 và 17%/năm giai đoạn 2016 - 2020."
    assert [(v, y) for v, y, _ in found(text)] == [(16.5, 2015), (17, 2020)]


def test_base_year_of_a_comparison_is_not_the_horizon():
    [target] = find_targets("Phấn đấu đến năm 2015 kim ngạch xuất khẩu gấp 2 lần năm 2010.")
    assert (target.value, target.unit, target.year) == (2, "lần", 2015)


def test_heading_gives_the_horizon_of_its_list():
    text = ("- Đến năm 2020:\n+ Tỷ lệ dân cư được cấp nước sạch đạt 97%.\n"
            "- Đến năm 2025:\n+ Tỷ lệ dân cư được cấp nước sạch đạt 100%.")
    assert [(v, y) for v, y, _ in found(text)] == [(97, 2020), (100, 2025)]


def test_horizon_bound_to_one_figure_does_not_carry_over():
    text = ("- Chỉ tiêu cấp nước giai đoạn đến năm 2030 khoảng 150 lít/người/ngày đêm.\n"
            "- Chỉ tiêu cấp nước công nghiệp khoảng 40m3/ha.")
    assert [(v, y) for v, y, _ in found(text)] == [(150, 2030), (40, None)]


def test_goal_read_from_the_section_and_never_in_a_report_section():
    text = ("II. KẾT QUẢ THỰC HIỆN\nToàn tỉnh có 120 hợp tác xã, đạt 85% kế hoạch.\n"
            "III. MỤC TIÊU\nĐến năm 2025 có 200 hợp tác xã.")
    assert [(v, y) for v, y, _ in found(text)] == [(200, 2025)]


def test_sentence_comparing_with_the_same_period_is_a_report():
    assert find_targets("Phấn đấu tăng trưởng quý I dự kiến tăng 7,5% (cùng kỳ tăng 6,2%).") == []


def test_counted_noun_is_named_with_the_words_after_it():
    text = "Đến năm 2025 toàn tỉnh có 27 đô thị, trong đó: 02 đô thị loại II, 16 đô thị loại V."
    assert [i for _, _, i in found(text)] == ["đô thị", "đô thị loại II", "đô thị loại V"]


def test_subject_after_a_measure_takes_that_measure():
    text = ("Đến năm 2025, tiêu chuẩn cấp nước cho đô thị loại IV đạt 120 lít/người/ngày đêm, "
            "đô thị loại V đạt 100 lít/người/ngày đêm.")
    assert found(text)[1] == (100, 2025, "tiêu chuẩn cấp nước cho đô thị loại V")


def test_clause_without_subject_inherits_the_indicator():
    text = "Mật độ đường chính giai đoạn đến năm 2020 đạt 3,5 km/km2, giai đoạn đến năm 2030 đạt 4,5 km/km2."
    assert found(text) == [(3.5, 2020, "Mật độ đường chính"), (4.5, 2030, "Mật độ đường chính")]


def test_second_figure_of_a_clause_is_named_by_the_words_after_it():
    text = "Đến năm 2025, tỷ lệ bao phủ thoát nước đạt 85% diện tích đô thị và 60% lượng nước thải được xử lý."
    assert found(text)[1] == (60, 2025, "lượng nước thải được xử lý")


def test_allocation_list_under_an_article_that_assigns_targets():
    text = ("Điều 1. Giao chỉ tiêu vốn đầu tư xây dựng cơ bản năm 2010 như sau:\n"
            "1. Vốn cân đối qua ngân sách: 1.009.074 triệu đồng.\n2. Nguồn vốn ODA: 70.000 triệu đồng.")
    assert found(text) == [(1009074, 2010, "Vốn cân đối qua ngân sách"), (70000, 2010, "Nguồn vốn ODA")]


def test_bare_count_is_named_by_the_label_of_its_list():
    text = "a) Quy mô dân số:\n- Dự kiến đến năm 2020 khoảng 200.000 người."
    assert found(text) == [(200000, 2020, "Quy mô dân số")]


def test_listing_comma_does_not_cut_a_short_indicator():
    [target] = find_targets("Mục tiêu đến năm 2015 có 60-70% ấp, khu phố văn hoá.")
    assert (target.value, target.comparator, target.indicator) == (60, ">=", "ấp, khu phố văn hoá")


@pytest.mark.parametrize("text, values", [
    ("Mục tiêu đến năm 2025 diện tích kho từ 2.000m2 - 3.000 m2.", [2000]),
    ("Mục tiêu đến năm 2025 tỷ lệ suy dinh dưỡng trẻ em dưới 5 tuổi còn dưới 16%.", [16]),
    ("Quy hoạch khu kinh tế thuộc hai huyện Trà Cú và Duyên Hải.", []),
    ("Đầu tư cơ sở vật chất cho trường học đến năm 2025.", []),
    ("Kế hoạch triển khai đồng bộ đến năm 2025.", []),
    ("Kế hoạch năm 2025: mức hỗ trợ 15 triệu đồng/hộ, lãi suất 3%/năm.", []),
    ("Nhu cầu vốn đầu tư đến năm 2030 khoảng 80.000 tỷ đồng.", []),
    ("Kế hoạch năm 2010 bố trí vốn bổ sung (1.650 tỷ đồng) cho các dự án.", []),
])
def test_qualifiers_and_non_goal_amounts(text, values):
    assert [t.value for t in find_targets(text)] == values


def test_heading_year_above_a_dash_item_is_not_a_range():
    text = "2. Mục tiêu cụ thể đến năm 2025\n- Trên 90% dịch vụ công trực tuyến mức độ 4 được cung cấp."
    [target] = find_targets(text)
    assert (target.value, target.comparator, target.year) == (90, ">", 2025)


def test_scaled_counted_noun_and_new_nouns():
    text = "Đến năm 2025, thu hút trên 3,5 triệu lượt khách du lịch; có ít nhất 5 khách sạn đạt tiêu chuẩn 4 sao."
    assert [(t.value, t.comparator) for t in find_targets(text)] == [(3.5, ">"), (5, ">=")]
    assert "lượt khách du lịch" in find_targets(text)[0].indicator


def test_dollar_amount_is_a_measure():
    [target] = find_targets("Năm 2022 phấn đấu thu hút vốn đầu tư nước ngoài trên 1,5 tỷ đô la Mỹ.")
    assert (target.value, target.unit) == (1.5, "tỷ đô la Mỹ")


def test_counted_noun_takes_its_list_and_the_action_before_it():
    text = "Mục tiêu đến năm 2025:\n- Đào tạo, bồi dưỡng kỹ năng số cho 3.000 cán bộ, công chức, viên chức."
    [target] = find_targets(text)
    assert target.indicator == "Đào tạo, bồi dưỡng kỹ năng số cho cán bộ, công chức, viên chức"


def test_rank_group_is_named_by_what_is_ranked():
    [target] = find_targets("Đến năm 2025 chỉ số chuyển đổi số của tỉnh thuộc nhóm 15 tỉnh dẫn đầu.")
    assert target.indicator.startswith("chỉ số chuyển đổi số của tỉnh")


def test_rate_after_an_action_and_a_goal_cue():
    text = "4. Các chủ đầu tư đẩy nhanh tiến độ, bảo đảm giải ngân 100% kế hoạch vốn được giao năm 2022."
    [target] = find_targets(text)
    assert target.indicator == "bảo đảm giải ngân kế hoạch vốn được giao"
    [target] = find_targets("4. Phấn đấu đến năm 2025 có 100% chi bộ đưa nội dung học tập vào sinh hoạt.")
    assert target.indicator.startswith("chi bộ đưa nội dung")


def test_gloss_in_brackets_does_not_cut_the_indicator():
    [target] = find_targets("Mục tiêu năm 2022: Tổng sản phẩm trên địa bàn (GRDP) tăng khoảng 7 - 7,5%.")
    assert target.indicator.startswith("Tổng sản phẩm trên địa bàn (GRDP)")


def test_time_brought_down_to_is_a_target_but_a_term_is_not():
    [target] = find_targets("Bảo đảm rút ngắn thời gian kiểm soát chi xuống không quá 4 ngày làm việc.")
    assert (target.value, target.comparator) == (4, "<=")
    assert find_targets("Phấn đấu giải quyết hồ sơ trong 30 ngày làm việc.") == []


@pytest.mark.parametrize("text", [
    "I. KẾT QUẢ THỰC HIỆN\n1. Về công khai thủ tục:\na) Kết quả tốt; phấn đấu 100% cơ quan đã tổ chức quán triệt.",
    "Mục tiêu: 100% cơ quan, địa phương đã tổ chức quán triệt.",
    "Về các mục tiêu: tỷ lệ dân số mua sắm trực tuyến đến nay đạt 38%.",
    "Sở Công Thương báo cáo kết quả thực hiện năm 2023 như sau:\n"
    "4. Cục Quản lý thị trường đã kiểm tra, xử phạt 312 triệu đồng.",
    "1. Ghi nhận kết quả đạt được: 6 tháng đầu năm 2024, toàn tỉnh có thêm 5 xã đạt chuẩn nông thôn mới.",
    "II. TỒN TẠI, HẠN CHẾ\nMột số huyện còn để hồ sơ trễ hạn, tỷ lệ xin lỗi chưa đạt 100% như yêu cầu.",
    "3. Sở Tài nguyên và Môi trường đẩy nhanh xây dựng cơ sở dữ liệu đất đai tại 4 huyện còn lại.",
    "Những năm qua thương mại điện tử tăng trưởng nhanh; năm 2021 có 1.150 doanh nghiệp có website. "
    "Kế hoạch đặt mục tiêu:",
    "Mục tiêu: tái thiết đô thị tại khu dân cư khóm 3 phường 3.",
])
def test_results_remainders_and_names_are_not_targets(text):
    assert find_targets(text) == []


def test_a_year_before_the_document_is_history():
    text = "Phát triển du lịch: năm 2018 toàn tỉnh đón 28.000 lượt khách. Đến năm 2020 đón 60.000 lượt khách."
    assert [t.value for t in find_targets(text, doc_year=2019)] == [60000]
    assert [t.value for t in find_targets(text)] == [28000, 60000]


def test_way_ahead_heading_keeps_goals():
    text = "II. KẾT QUẢ NĂM 2023 VÀ PHƯƠNG HƯỚNG NĂM 2024\nPhấn đấu năm 2024 tỷ lệ che phủ rừng đạt 42%."
    assert [t.value for t in find_targets(text)] == [42]


def test_report_heading_in_lower_case_roman_numeral():
    text = "Ii. tình hình nhà ở:\nNăm 2009 hỗ trợ phấn đấu xây dựng 958 nhà."
    assert find_targets(text) == []


def test_ordinal_word_inside_a_syllable_does_not_block():
    found = find_targets("Phấn đấu đến năm 2015 kim ngạch xuất khẩu gấp 2 lần năm 2010; tỷ lệ hộ nghèo dưới 3%.")
    assert [t.value for t in found] == [2, 3]


# ---------------------------------------------------------------- horizon from the right place
@pytest.mark.parametrize("text, year", [
    ("Căn cứ Quyết định số 12/QĐ-TTg phê duyệt Chiến lược phát triển đến năm 2030;\n"
     "II. CHỈ TIÊU NĂM 2022\n- Tỷ lệ hộ nghèo giảm còn dưới 3%.", 2022),
    ("Thực hiện Nghị quyết số 05-NQ/TU về phát triển du lịch đến năm 2030, Ủy ban ban hành kế hoạch.\n"
     "Chỉ tiêu năm 2023:\n- Tỷ lệ lấp đầy khu công nghiệp đạt 70%.", 2023),
    ("1. Mục tiêu\nđến hết năm 2026\n- 100% trạm y tế xã có bác sĩ làm việc.", 2026),
    ("Giai đoạn I (2021 - 2023): phấn đấu 80% hồ sơ được xử lý trực tuyến.", 2023),
    ("Đến năm 2030, tỷ suất tử vong trẻ sơ sinh giảm 15% so với mức bình quân năm 2015.", 2030),
    ("Mục tiêu đến cuối năm 2027 có 30 xã đạt chuẩn nông thôn mới nâng cao.", 2027),
])
def test_the_horizon_comes_from_the_sentence_section_or_range_end(text, year):
    assert [t.year for t in find_targets(text, doc_year=2021)] == [year]


def test_a_range_of_figures_does_not_run_over_a_line_break():
    text = "2. Mục tiêu đến năm 2025\n- 95% trường học có kết nối internet tốc độ cao."
    assert [(t.value, t.year) for t in find_targets(text)] == [(95, 2025)]


# ---------------------------------------------------------------- goals that were missed
@pytest.mark.parametrize("text, value, unit", [
    ("Nhiệm vụ năm 2022:\n- Sửa chữa 12 trạm bơm trên địa bàn huyện.", 12, "trạm"),
    ("3. Nâng cấp 25 km đê bao trước mùa mưa.", 25, "km"),
    ("Yêu cầu các cơ sở bảo đảm nồng độ chất thải không vượt quá 50 mg/l.", 50, "mg/l"),
    ("Mục tiêu: nồng độ SO2 trong không khí xung quanh dưới 50 μg/m3.", 50, "μg/m3"),
    ("Phấn đấu 10 trường đạt chuẩn quốc gia.", 10, "trường"),
])
def test_quantities_in_action_items_and_limits_are_goals(text, value, unit):
    assert [(t.value, t.unit) for t in find_targets(text)] == [(value, unit)]


# ---------------------------------------------------------------- numbers that are not goals
@pytest.mark.parametrize("text", [
    "Vùng B gồm 6 xã ven biển, phấn đấu đến năm 2025 phát triển du lịch cộng đồng.",
    "Nhà nước nắm giữ 51% vốn điều lệ, phấn đấu đến năm 2025 hoàn thành cổ phần hóa.",
    "Mục tiêu: Ủy ban nhân dân 12 xã hoàn thành xây dựng nông thôn mới.",
    "Phiên họp có sự tham dự của Chủ tịch UBND 9 huyện để thống nhất mục tiêu.",
    "Đối với gói thầu có giá trị dưới 300 triệu đồng, giao UBND cấp xã quyết định đầu tư.",
    "Trường hợp dự án có tổng mức đầu tư từ 20 tỷ đồng trở lên thì phải lấy ý kiến Sở Xây dựng.",
    "Hạn mức công nhận đất ở tại nông thôn không quá 400 m2 mỗi hộ.",
    "Sở Tư pháp thẩm định trong quý III đối với 04 đề án của các huyện.",
    "Ủy ban xem xét, quyết định 05 tờ trình sau đây:",
    "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ\nKINH TẾ - XÃ HỘI NĂM 2021\n- Sản lượng lúa đạt 210.500 tấn, bằng 95,2% kế hoạch.",
])
def test_scope_counts_names_shares_cases_and_results_are_not_goals(text):
    assert find_targets(text, doc_year=2022) == []


@pytest.mark.parametrize("text", [
    "Mục tiêu năm 2025: đã giải quyết 450 hồ sơ/600 hồ sơ (đạt 75%) và 90/120 đơn thư (chiếm 75%).",
    "Phấn đấu hoàn thành kế hoạch.\n[3] Số liệu của Sở Nội vụ: cán bộ được tập huấn là 71,5%; các huyện đạt trên 80%.",
    "- Đầu tư hạ tầng du lịch tại khu di tích Ngã ba Đồng Lộc đến năm 2030.",
    "Mục tiêu đến năm 2030: tỷ lệ người từ 60 tuổi trở lên có thẻ bảo hiểm y tế đạt 90%.",
])
def test_fraction_shares_footnotes_names_and_age_brackets_are_not_goals(text):
    assert [t.value for t in find_targets(text, doc_year=2024) if t.unit != "%" or t.value != 90] == []


def test_a_goal_restated_in_a_table_is_one_goal():
    text = ("Mục tiêu đến năm 2030: tỷ lệ hộ dùng nước sạch đạt 98%.\n"
            "| STT | Chỉ tiêu đến năm 2030 |\n| 1 | Tỷ lệ hộ dùng nước sạch đạt 98% |")
    assert [(t.value, t.year) for t in find_targets(text)] == [(98, 2030)]


@pytest.mark.parametrize("text, value", [
    ("Phấn đấu đến năm 2030 mở 12 tập dữ liệu về đất đai cho doanh nghiệp.", 12),
    ("Mục tiêu đến năm 2030 xây dựng 3 kịch bản ứng phó thiên tai cho vùng ven biển.", 3),
    ("Đến năm 2027 có ít nhất 04 loại hình du lịch được công nhận điểm đến an toàn.", 4),
])
def test_classifier_nouns_count(text, value):
    assert [t.value for t in find_targets(text)] == [value]


def test_times_count_only_as_a_multiple():
    assert [t.value for t in find_targets("Phấn đấu doanh thu du lịch gấp 3 lần năm 2020.")] == [3]
    assert find_targets("Mục tiêu tuyên truyền: đọc thông báo trên loa truyền thanh ít nhất ba lần.") == []


def test_the_indicator_runs_over_a_list_of_short_noun_phrases():
    [target] = find_targets("Mục tiêu đến năm 2026: 100% các trường tiểu học, trường trung học cơ sở, trung tâm "
                            "giáo dục có phòng học thông minh.")
    assert target.indicator == "các trường tiểu học, trường trung học cơ sở, trung tâm giáo dục có phòng học thông minh"


def test_a_count_restated_with_fewer_words_is_one_goal_but_rates_are_kept():
    text = ("Phấn đấu đến năm 2030 có tối thiểu 40 trường học đạt chuẩn xanh.\n"
            "Mục tiêu đến năm 2030: tối thiểu 40 trường học.\n"
            "Mục tiêu đến năm 2030: 100% trường học có nhà vệ sinh đạt chuẩn; 100% trường học có sân chơi.")
    assert [(t.value, t.unit) for t in find_targets(text)] == [(40, "trường học"), (100, "%"), (100, "%")]


@pytest.mark.parametrize("text, indicator", [
    ("Mục tiêu đến năm 2030: tỷ lệ người từ 60 tuổi trở lên có thẻ bảo hiểm y tế đạt 95%.",
     "tỷ lệ người từ 60 tuổi trở lên có thẻ bảo hiểm y tế"),
    ("Mục tiêu năm 2025: tăng cường kiểm tra, yêu cầu 100% cơ sở chế biến thủy sản có hệ thống xử lý nước thải.",
     "cơ sở chế biến thủy sản có hệ thống xử lý nước thải"),
])
def test_indicator_after_an_age_bracket_or_a_request(text, indicator):
    assert [t.indicator for t in find_targets(text)] == [indicator]


def years(text, doc_year=None):
    return [(t.value, t.year) for t in find_targets(text, doc_year=doc_year)]


@pytest.mark.parametrize("text", [
    "Lắp đặt trạm quan trắc theo Quy hoạch mạng lưới quan trắc giai đoạn 2021 - 2030, tầm nhìn đến năm 2050 "
    "được phê duyệt tại Quyết định số 45/QĐ-TTg ngày 7/3/2024.\n- Bảo đảm 100% dữ liệu quan trắc được kết nối.",
    "x " * 500 + "\nTriển khai Chiến lược phát triển văn hóa đến năm 2030, tầm nhìn đến năm 2045 của tỉnh.\n"
    "- Phấn đấu 100% thôn có nhà văn hóa.",
])
def test_the_horizon_of_a_plan_named_or_cited_does_not_carry_over(text):
    assert years(text) == [(100, None)]


@pytest.mark.parametrize("total, part", [
    ("Phấn đấu cả nước có 900 trường học xanh vào năm 2030.", "Trong đó, tỉnh A có tối thiểu 30 trường"),
    ("Mục tiêu xây dựng 120 chợ đạt chuẩn trong năm 2026.", "Trong đó huyện B có 12 chợ"),
    ("Phấn đấu trồng mới 5.000 ha rừng vào năm 2027.", "Cụ thể, vùng đồi có 3.000 ha"),
])
def test_a_breakdown_sentence_shares_the_horizon_of_its_total(total, part):
    found = years(f"Giai đoạn 2021 - 2025 đã đạt nhiều kết quả.\n{total} {part}.")
    assert len(found) == 2 and found[0][1] == found[1][1] != None


@pytest.mark.parametrize("text", [
    "Hiện nay, tổng số trạm phát sóng di động tại các khu công nghiệp là 180 trạm, dự kiến còn thiếu.",
    "Hiện tại, toàn tỉnh có 45 chợ đạt chuẩn.",
    "Kết quả: sản lượng cá đạt 12.000 tấn, bằng 101,3% kế hoạch năm.",
    "Sản lượng lúa đạt 210.500 tấn, bằng 95,2% so với kế hoạch.",
])
def test_the_present_and_results_against_the_plan_are_not_goals(text):
    assert find_targets(text) == []


@pytest.mark.parametrize("text, indicator", [
    ("Đến năm 2026, 100% các khu công nghiệp, cụm công nghiệp có tối thiểu 1 trạm phát sóng 5G.", "khu công nghiệp"),
    ("Phấn đấu đến năm 2030, 100% xã có ít nhất 2 bác sĩ.", "xã"),
])
def test_a_count_that_members_of_a_share_have_is_part_of_its_indicator(text, indicator):
    [target] = find_targets(text)
    assert target.value == 100 and indicator in target.indicator


@pytest.mark.parametrize("text", [
    "Tăng cường kiểm tra, yêu cầu 100% công trường thi công có biện pháp che chắn bụi.",
    "- Yêu cầu 100% các cơ sở chế biến xử lý nước thải đạt quy chuẩn.",
])
def test_a_share_required_is_a_target(text):
    assert [(t.value, t.unit) for t in find_targets(text)] == [(100, "%")]


def test_a_goal_restated_with_its_horizon_in_an_appendix_is_one_goal_with_that_horizon():
    text = ("c) Phấn đấu tỷ lệ học sinh trung học được học kỹ năng số đạt tối thiểu 60%.\n"
            "PHỤ LỤC\nCHỈ TIÊU CHUYỂN ĐỔI SỐ ĐẾN NĂM 2030\n"
            "1 | Tỷ lệ học sinh trung học được học kỹ năng số đạt tối thiểu 60% | Sở Giáo dục và Đào tạo\n")
    assert years(text) == [(60, 2030)]


@pytest.mark.parametrize("text", [
    "1. Hạn mức giao đất cho cơ sở tín ngưỡng trên địa bàn tỉnh để sử dụng vào mục đích quy định tại Luật Đất đai "
    "là không quá 2.000 m2/cơ sở.",
    "Xử lý nghiêm các hành vi đốt rơm rạ, với mức phạt tăng gấp 2 lần theo quy định.",
    "Định mức chi cho công tác tuyên truyền không quá 20 triệu đồng mỗi xã.",
])
def test_norms_and_penalties_are_not_goals(text):
    assert find_targets(text) == []


def test_a_horizon_closing_a_clause_scopes_the_clauses_after_it():
    text = ("Bảo đảm 100% xe buýt dùng năng lượng sạch vào năm 2030; có chính sách khuyến khích chuyển đổi, "
            "phấn đấu 80% xe taxi chuyển sang năng lượng sạch.")
    assert years(text) == [(100, 2030), (80, 2030)]


@pytest.mark.parametrize("heading", [
    "II. NHỮNG VIỆC ĐÃ LÀM ĐƯỢC TRONG NĂM VÀ\nKẾT QUẢ ĐẠT ĐƯỢC\n",
    "PHẦN I\nĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN NHIỆM VỤ\n",
])
def test_a_results_heading_over_two_lines_marks_results(heading):
    text = heading + "1. Nông nghiệp\nSản lượng lúa cả năm đạt 210.500 tấn.\n"
    assert find_targets(text) == []


def test_a_base_year_closing_a_clause_is_no_horizon():
    text = ("Đến năm 2025, tốc độ tăng trưởng bình quân đạt 8%/năm; kim ngạch xuất khẩu gấp 2 lần "
            "năm 2020; tỷ lệ hộ nghèo dưới 3%.")
    assert years(text) == [(8, 2025), (2, 2025), (3, 2025)]


def test_the_target_finder_writes_to_the_spans_key_of_its_config():
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}})
    nlp.add_pipe("theodoi_citations", config={"spans_key": "cited"})
    nlp.add_pipe("theodoi_targets", config={"spans_key": "goals", "citations_key": "cited"})
    doc = nlp("Phấn đấu đến năm 2025 có trên 700 doanh nghiệp số theo Quyết định số 12/QĐ-UBND.")
    assert [s._.target.value for s in doc.spans["goals"]] == [700]
    assert "targets" not in doc.spans
