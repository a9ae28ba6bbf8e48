"""Lines that shape a document but ask nothing (sentences written for these tests): a heading
that opens with a verb, the courtesy that closes a report, a report's kind and title, the
"Nơi nhận" list as a scan reads it, and a state ("chưa ...") reported of a body."""
import pytest

import theodoi.nlp.components  # noqa: F401

from .found_tasks import found


@pytest.mark.parametrize("heading, item, action", [
    ("II. TỔ CHỨC THỰC HIỆN", "1. Phòng Văn hóa huyện chủ trì rà soát các thiết chế văn hóa xã.",
     "chủ trì rà soát các thiết chế văn hóa xã"),
    ("III. KIẾN NGHỊ", "1. Đề nghị Sở Giao thông vận tải bố trí vốn sửa chữa cầu Bến Mới.",
     "bố trí vốn sửa chữa cầu Bến Mới"),
    ("3. Tổ chức thực hiện", "a) Sở Nông nghiệp và Môi trường xây dựng phương án chữa cháy rừng.",
     "xây dựng phương án chữa cháy rừng"),
    ("IV. ĐỀ XUẤT", "- Đề nghị Ủy ban nhân dân huyện chỉ đạo Phòng Tài chính cấp bổ sung kinh phí.",
     "chỉ đạo Phòng Tài chính cấp bổ sung kinh phí"),
])
def test_a_heading_that_opens_with_a_verb_is_structure_its_items_are_tasks(nlp, heading, item, action):
    opening = "I. MỤC ĐÍCH" if heading[0] in "IV" else "1. Mục đích"
    tasks = found(nlp, f"{opening}\nNâng cao chất lượng phục vụ người dân.\n{heading}\n{item}", kind="Báo cáo")
    assert [t for _, t in tasks] == [action]


@pytest.mark.parametrize("closing", [
    "Phòng Kinh tế kính báo cáo./.",
    "Ban Quản lý dự án kính báo cáo Ủy ban nhân dân huyện.",
    "Trân trọng đề nghị Hội đồng thẩm định xem xét, cho ý kiến./.",
    "Kính trình Hội đồng nhân dân huyện xem xét, cho ý kiến./.",
])
def test_the_courtesy_that_closes_a_report_is_no_task(nlp, closing):
    text = f"III. ĐỀ XUẤT\n1. Đề nghị Sở Tài chính bố trí kinh phí bảo trì đường huyện.\n{closing}"
    assert [t for _, t in found(nlp, text, kind="Báo cáo")] == ["bố trí kinh phí bảo trì đường huyện"]


def test_a_request_that_opens_with_kinh_de_nghi_stays_a_task(nlp):
    tasks = found(nlp, "Kính đề nghị Sở Tài chính bố trí kinh phí cho dự án trong năm 2026.", kind="Báo cáo")
    assert tasks == [(["Sở Tài chính"], "bố trí kinh phí cho dự án trong năm 2026")]


@pytest.mark.parametrize("kind_line, title", [
    ("BÁO CÁO", "sơ kết 3 năm thực hiện Nghị quyết số 12-NQ/HU ngày 1/2/2022 của Huyện ủy về nông thôn mới"),
    ("TỜ TRÌNH", "về việc đề nghị phê duyệt dự toán sửa chữa trụ sở Ủy ban nhân dân xã Tân Hòa"),
    ("THÔNG BÁO", "Kết luận của Chủ tịch Ủy ban nhân dân huyện tại buổi làm việc với xã Phú Lâm"),
])
def test_a_reports_kind_and_its_title_ask_nothing(nlp, kind_line, title):
    text = f"{kind_line}\n{title}\nKính gửi: Ban Thường vụ Huyện ủy.\n" \
           "1. Đề nghị Phòng Nông nghiệp hướng dẫn các xã lập hồ sơ công nhận."
    assert [t for _, t in found(nlp, text, kind="Báo cáo")] == ["hướng dẫn các xã lập hồ sơ công nhận"]


@pytest.mark.parametrize("recipients", [
    "§Nơi nhận:\n- Như trên;\n- Sở Y tế, Sở Tài chính,\n: Ủy ban nhân dân các huyện;\n- Lưu: VT.",
    "Noi nhận: - CHỦ TỊCH\n- Các Sở: Y tế, Giáo dục và\nĐào tạo, Công Thương;\n- VP: CVP, các PCVP;",
    "* Nơi nhận:\n- Các Sở: Nội vụ, Tư pháp,\nXây dựng;\n- Lưu: VT.",
])
def test_the_recipients_as_a_scan_reads_them_are_no_tasks(nlp, recipients):
    text = "1. Sở Y tế kiểm tra an toàn thực phẩm tại các chợ đầu mối.\n" + recipients
    assert found(nlp, text, kind="Công điện") == [(["Sở Y tế"], "kiểm tra an toàn thực phẩm tại các chợ đầu mối")]


@pytest.mark.parametrize("text, asks", [
    ("Sở Xây dựng chưa trình đề án do đang chờ ý kiến các bộ.", False),
    ("Phòng Tài nguyên và Môi trường chưa thực hiện việc cấp giấy chứng nhận.", False),
    ("Các xã chưa lập kế hoạch thì khẩn trương lập kế hoạch trước ngày 30/6/2025.", True),
    ("Sở Công Thương chưa ban hành quy chế thì khẩn trương ban hành trong quý III.", True),
])
def test_a_state_not_yet_reached_is_reported_unless_it_sets_a_condition(nlp, text, asks):
    assert bool(found(nlp, text, kind="Báo cáo")) is asks


@pytest.mark.parametrize("address, kind", [
    ("Kính gửi:\n- Các sở: Tư pháp, Xây dựng,\nNội vụ, Công Thương; Giáo dục và Đào tạo, Y tế;\n- UBND các xã, phường.",
     "Công văn"),
    ("BỘ TRƯỞNG BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG điện:\n- Giám đốc Sở Nông nghiệp và Môi trường các tỉnh;\n"
     "- Các đơn vị thực hiện công tác thủy lợi.", "Công điện"),
    ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:\n- Thủ trưởng các sở, ban, ngành;\n- Chủ tịch UBND các huyện.", "Công điện"),
])
def test_the_list_a_letter_is_sent_to_asks_nothing(nlp, address, kind):
    text = f"{address}\nĐể bảo đảm an toàn hồ đập, đề nghị Sở Xây dựng kiểm tra các công trình trước ngày 15/6/2025."
    assert [t for _, t in found(nlp, text, kind=kind)] == ["kiểm tra các công trình trước ngày 15/6/2025"]


def test_a_lower_case_line_before_dien_is_no_address(nlp):
    tasks = found(nlp, "2. Cấp điện:\na) Sở Công Thương rà soát lưới điện nông thôn.\nb) Sở Xây dựng cấp phép trạm biến áp.")
    assert [lead for lead, _ in tasks][-2:] == [["Sở Công Thương"], ["Sở Xây dựng"]]


@pytest.mark.parametrize("note", [
    "(Kèm theo Báo cáo số 41-BC/HU ngày 2/3/2025 của Huyện ủy)",
    "(Ban hành kèm theo Kế hoạch số 77/KH-UBND ngày 9 tháng 5 năm 2025 của UBND huyện)",
    "( Kèm theo Tờ trình số 12/TTr-SNV ngày 4/4/2025 của Sở Nội vụ).",
])
def test_the_note_of_what_a_text_is_attached_to_is_no_task(nlp, note):
    text = f"1. Sở Nội vụ rà soát vị trí việc làm.\n2. Các xã, phường báo cáo kết quả sắp xếp cán bộ.\n{note}"
    assert [t for _, t in found(nlp, text, kind="Kết luận")] == ["rà soát vị trí việc làm",
                                                               "báo cáo kết quả sắp xếp cán bộ"]


BODY = "Đề nghị các sở, ngành:\n1. Rà soát thủ tục cấp phép xây dựng.\n2. Báo cáo kết quả trước ngày 15/12/2025.\n"


@pytest.mark.parametrize("notes", [
    "[1] Gồm:\nGia Lai, Đắk Lắk, Kon Tum (82,5%).\n[2] Sở Xây dựng 41 hồ sơ; Sở Công Thương 17 hồ sơ.",
    "[^1]: Cụ thể:\n(i) Các huyện đã rà soát 1.200 hồ sơ.\n(ii) Hoàn thiện 340 hồ sơ tồn đọng của năm trước.",
    "[3] Một số xã đạt tỷ lệ thấp như: Tân An (12%); Phú Mỹ (20,5%).",
])
def test_a_transcriptions_footnotes_pass_on_no_request(nlp, notes):
    tasks = found(nlp, BODY + notes, kind="Công điện")
    assert [t for _, t in tasks] == ["Rà soát thủ tục cấp phép xây dựng", "Báo cáo kết quả trước ngày 15/12/2025"]


def test_what_a_footnote_asks_in_its_own_words_stays_a_task(nlp):
    tasks = found(nlp, BODY + "[1] Kinh phí thực hiện: đề nghị Sở Tài chính bố trí trong dự toán năm 2026.",
                  kind="Công điện")
    assert tasks[-1] == (["Sở Tài chính"], "bố trí trong dự toán năm 2026")


@pytest.mark.parametrize("text", [
    "Sở Xây dựng 41 hồ sơ, Sở Công Thương 17 hồ sơ.",
    "Bộ Tài chính 28 văn bản; Bộ Y tế 12 văn bản; Bộ Tư pháp 9 văn bản.",
])
def test_a_body_with_a_figure_is_a_count_not_an_action(nlp, text):
    assert found(nlp, text, kind="Công điện") == []


@pytest.mark.parametrize("intro", [
    "Ủy ban nhân dân (UBND) huyện ban hành Kế hoạch thực hiện như sau:",
    "Sở Giáo dục và Đào tạo (Sở GD&ĐT) ban hành Kế hoạch triển khai với các nội dung sau:",
])
def test_an_issuer_presenting_its_plan_is_no_addressee_even_with_a_gloss(nlp, intro):
    text = f"{intro}\nI. MỤC ĐÍCH, YÊU CẦU\nCụ thể hóa các nhiệm vụ của Nghị quyết thành việc làm cụ thể.\n" \
           "II. NHIỆM VỤ\n1. Sở Nội vụ rà soát biên chế các đơn vị."
    assert found(nlp, text) == [(["Sở Nội vụ"], "rà soát biên chế các đơn vị")]


@pytest.mark.parametrize("item", [
    "3. Kiểm tra an toàn thực phẩm (nhiệm vụ 3): Sở Nông nghiệp và Môi trường đã kiểm tra 12 cơ sở giết mổ.",
    "4. Tập huấn nghiệp vụ (nhiệm vụ 4): Sở Văn hóa, Thể thao và Du lịch đang tổ chức lớp thứ hai.",
    "5. Số hóa hồ sơ (nhiệm vụ 5): Sở Khoa học và Công nghệ chưa triển khai do thiếu kinh phí.",
])
def test_a_topic_then_a_body_reporting_its_result_is_no_task(nlp, item):
    text = "Yêu cầu các sở:\n1. Rà soát hồ sơ tồn đọng.\n" + item
    assert [t for _, t in found(nlp, text, kind="Báo cáo")] == ["Rà soát hồ sơ tồn đọng"]


@pytest.mark.parametrize("goal", [
    "1. Mục tiêu đến năm 2030: xây dựng 15 trường học đạt chuẩn quốc gia; thu hút 2.000 học sinh.",
    "1. Chỉ tiêu năm 2026: hoàn thành 40 km đường giao thông nông thôn.",
    "1. Quan điểm: phát triển nhanh, bền vững, lấy người dân làm trung tâm.",
])
def test_a_background_topic_with_its_content_on_the_line_is_no_task(nlp, goal):
    text = f"Ban Thường vụ Huyện ủy quyết nghị:\n{goal}\n2. Nhiệm vụ, giải pháp\na) Rà soát quy hoạch các trường học."
    assert [t for _, t in found(nlp, text, kind="Nghị quyết")] == ["Rà soát quy hoạch các trường học"]


@pytest.mark.parametrize("closing", [
    "Chỉ thị này phổ biến đến chi bộ.",
    "Nghị quyết này được phổ biến tới các chi bộ và đảng viên.",
    "Kết luận này phổ biến đến chi bộ.",
])
def test_a_party_texts_closing_line_is_no_task(nlp, closing):
    text = f"Yêu cầu các huyện ủy, thành ủy:\n1. Quán triệt nội dung đến cán bộ, đảng viên.\n{closing}"
    assert [t for _, t in found(nlp, text, kind="Chỉ thị")] == ["Quán triệt nội dung đến cán bộ, đảng viên"]
