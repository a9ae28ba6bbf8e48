"""Indicators read over brackets and lists: a gloss in brackets inside or after the measured
phrase, the action before a share, a list whose items repeat a head noun. Every sentence here is
invented."""
import pytest

from theodoi.nlp.components.targets import find_targets


@pytest.mark.parametrize("text, indicator", [
    ("Mục tiêu: Lắp đặt hệ thống cảnh báo sớm (loa, còi, bảng điện tử...) tại 100% trường học vùng lũ.",
     "Lắp đặt hệ thống cảnh báo sớm (loa, còi, bảng điện tử...) tại trường học vùng lũ"),
    ("Phấn đấu bổ sung cây che bóng (bằng lăng, phượng hoặc sao đen) cho 100% tuyến phố mới mở.",
     "bổ sung cây che bóng (bằng lăng, phượng hoặc sao đen) cho tuyến phố mới mở"),
    ("- Mục tiêu: Bố trí thùng phân loại rác (hữu cơ, tái chế, còn lại) tại 90% chợ dân sinh.",
     "Bố trí thùng phân loại rác (hữu cơ, tái chế, còn lại) tại chợ dân sinh"),
])
def test_a_gloss_with_commas_does_not_cut_the_action_before_a_share(text, indicator):
    [target] = find_targets(text)
    assert target.indicator == indicator


@pytest.mark.parametrize("text, indicator", [
    ("Phấn đấu đầu tư 04 trạm (cố định) đo mưa tự động tại các huyện miền núi.",
     "đầu tư trạm (cố định) đo mưa tự động tại các huyện miền núi"),
    ("- Chỉ tiêu: xây dựng 12 nhà (kho) lưu trữ hồ sơ cấp xã.", "xây dựng nhà (kho) lưu trữ hồ sơ cấp xã"),
])
def test_a_gloss_after_the_counted_noun_does_not_end_the_indicator(text, indicator):
    [target] = find_targets(text)
    assert target.indicator == indicator


@pytest.mark.parametrize("text, indicator", [
    ("Mục tiêu năm 2027: 100% doanh nghiệp trong khu kinh tế cửa khẩu, khu công nghiệp, cụm công nghiệp được hỗ "
     "trợ kết nối mạng 4G riêng.",
     "doanh nghiệp trong khu kinh tế cửa khẩu, khu công nghiệp, cụm công nghiệp được hỗ trợ kết nối mạng 4G riêng"),
    ("Phấn đấu 100% học sinh đang theo học tại các trường phổ thông dân tộc nội trú, trường bán trú được ăn trưa.",
     "học sinh đang theo học tại các trường phổ thông dân tộc nội trú, trường bán trú được ăn trưa"),
])
def test_a_long_first_item_goes_on_over_an_item_that_repeats_its_head(text, indicator):
    [target] = find_targets(text)
    assert target.indicator == indicator


@pytest.mark.parametrize("text, indicator", [
    ("Mục tiêu: 100% hồ sơ đất đai của người dân được giải quyết đúng hạn, không để tồn đọng kéo dài.",
     "hồ sơ đất đai của người dân được giải quyết đúng hạn"),
    ("Phấn đấu 95% hộ dân nông thôn vùng biên giới được dùng nước sạch, giảm bệnh tật do nước.",
     "hộ dân nông thôn vùng biên giới được dùng nước sạch"),
])
def test_a_clause_after_a_long_item_is_not_a_list_item(text, indicator):
    [target] = find_targets(text)
    assert target.indicator == indicator


def test_a_repeated_head_is_read_past_a_mistyped_tone_mark():
    [target] = find_targets("Đến năm 2028 đạt 90% nưóc thải bệnh viện tuyến huyện, nước thải phòng khám được xử lý.")
    assert target.indicator == "nưóc thải bệnh viện tuyến huyện, nước thải phòng khám được xử lý"


@pytest.mark.parametrize("text, indicator", [
    ("Đến năm 2028 đạt 80% chiều dài đường trục thôn trong xã, ngõ xóm.",
     "chiều dài đường trục thôn trong xã, ngõ xóm"),
    ("Phấn đấu 70% diện tích trồng lúa chất lượng cao của huyện, vùng ven sông.",
     "diện tích trồng lúa chất lượng cao của huyện, vùng ven sông"),
])
def test_a_short_noun_closing_the_sentence_ends_the_list(text, indicator):
    [target] = find_targets(text)
    assert target.indicator == indicator


@pytest.mark.parametrize("text, indicator", [
    ("Mục tiêu: 100% hồ sơ đất đai của người dân được giải quyết đúng hạn, không tồn đọng.",
     "hồ sơ đất đai của người dân được giải quyết đúng hạn"),
    ("Phấn đấu 95% hộ dân nông thôn vùng biên giới dùng nước sạch, đúng quy chuẩn.",
     "hộ dân nông thôn vùng biên giới dùng nước sạch"),
    ("Phấn đấu 90% trẻ em trong độ tuổi mẫu giáo đến trường, tăng cường dinh dưỡng.",
     "trẻ em trong độ tuổi mẫu giáo đến trường"),
])
def test_a_short_closing_clause_is_not_a_list_item(text, indicator):
    [target] = find_targets(text)
    assert target.indicator == indicator


@pytest.mark.parametrize("text, value, unit, indicator", [
    ("II. NHIỆM VỤ\n- Nạo vét 45 km kênh mương nội đồng.\n", 45, "km", "Nạo vét kênh mương nội đồng"),
    ("3. Nhiệm vụ\n- Trồng mới 300 ha rừng phòng hộ ven biển.\n", 300, "ha", "Trồng mới rừng phòng hộ ven biển"),
    ("b) Khởi công 4 công trình thủy lợi đầu mối.\n", 4, "công trình", "Khởi công công trình thủy lợi đầu mối"),
])
def test_an_item_of_physical_works_states_its_quantity_as_a_goal(text, value, unit, indicator):
    [target] = find_targets(text)
    assert (target.value, target.unit, target.indicator) == (value, unit, indicator)


def test_a_goal_stated_first_without_a_horizon_takes_the_one_its_restatement_gives():
    text = ("II. NHIỆM VỤ\n1. Sở Giáo dục\n- Phấn đấu tỷ lệ học sinh trung học được học với giáo viên nước ngoài "
            "đạt tối thiểu 40%.\n"
            "PHỤ LỤC: CHỈ TIÊU ĐẾN NĂM 2030\n- Tỷ lệ học sinh trung học được học với giáo viên nước ngoài, "
            "học sinh tiểu học đạt tối thiểu 40%.\n")
    assert [(t.value, t.year) for t in find_targets(text)] == [(40, 2030)]


@pytest.mark.parametrize("text, values", [
    ("- Hoàn thiện mạng lưới đo mặn, đầu tư mới đối với 14 trạm đo mặn tự động ven biển.", [14]),
    ("Mục tiêu năm 2027: nâng cấp đối với 5 tuyến đường liên xã.", [5]),
    ("Sở Tư pháp thẩm định trong quý III đối với 04 đề án của các huyện.", []),
    ("Mục tiêu năm 2027: đối với 3 huyện miền núi, ưu tiên bố trí vốn.", []),
])
def test_works_done_on_a_count_make_it_a_goal_but_a_rules_scope_does_not(text, values):
    assert [t.value for t in find_targets(text)] == values
