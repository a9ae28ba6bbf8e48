"""What reads like an action but asks nothing (sentences written for these tests): the ground a
document carries out, a lead-in that only opens its list, the amendments a decision makes."""
import pytest

import theodoi.nlp.components  # noqa: F401

from .found_tasks import found


@pytest.mark.parametrize("ground", [
    "Thực hiện Quyết định số 215/QĐ-UBND ngày 4/3/2024 của Ủy ban nhân dân tỉnh về phát triển rừng trồng",
    "Triển khai thực hiện Nghị quyết số 09-NQ/TU ngày 2/2/2023 của Tỉnh ủy; Kế hoạch số 31/KH-UBND ngày 5/5/2023",
    "Thực hiện chỉ đạo của Bộ trưởng tại Công văn số 778/BXD-HĐXD ngày 9/8/2024 về an toàn công trình",
])
def test_a_ground_that_opens_the_text_is_no_task(nlp, ground):
    text = f"{ground}. Ủy ban nhân dân huyện yêu cầu các xã:\n1. Kiểm tra các công trình trên địa bàn."
    tasks = found(nlp, text)
    assert not any(t.lower().startswith(("thực hiện", "triển khai")) for _, t in tasks)
    assert any(t.startswith("Kiểm tra các công trình") for _, t in tasks)


@pytest.mark.parametrize("text, lead, action", [
    ("Thực hiện Chỉ thị số 4/CT-UBND ngày 1/2/2024 của Ủy ban nhân dân tỉnh, Sở Xây dựng khẩn trương rà soát "
     "các chung cư cũ.", ["Sở Xây dựng"], "khẩn trương rà soát các chung cư cũ"),
    ("Thi hành Kết luận số 12-KL/TU ngày 3/3/2024 của Ban Thường vụ, đề nghị Phòng Nội vụ tổng hợp danh sách "
     "cán bộ.", ["Phòng Nội vụ"], "tổng hợp danh sách cán bộ"),
])
def test_after_a_ground_the_main_clause_is_read(nlp, text, lead, action):
    assert found(nlp, text) == [(lead, action)]


def test_an_item_that_carries_out_a_document_stays_a_task(nlp):
    tasks = found(nlp, "Đề nghị các xã:\n1. Triển khai thực hiện Kế hoạch số 55/KH-UBND ngày 2/4/2024 của huyện.\n"
                       "2. Báo cáo kết quả về Phòng Nông nghiệp.")
    assert [t.split()[0] for _, t in tasks] == ["Triển", "Báo"] and all(lead == ["các xã"] for lead, _ in tasks)


@pytest.mark.parametrize("lead_in", [
    "Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành tập trung thực hiện tốt một số nhiệm vụ trọng tâm sau:",
    "Giao Sở Công Thương khẩn trương triển khai các nội dung cụ thể như sau:",
    "Các sở, ban, ngành trong phạm vi chức năng, quyền hạn của mình thực hiện những việc sau đây:",
])
def test_a_lead_in_that_only_opens_its_list_passes_its_bodies_to_the_items(nlp, lead_in):
    tasks = found(nlp, lead_in + "\n1. Rà soát các cửa hàng xăng dầu.\n2. Kiểm tra giá bán lẻ hằng tuần.")
    assert [t.split()[0] for _, t in tasks] == ["Rà", "Kiểm"]
    assert all(lead and lead[0].lower().startswith(("các sở", "sở công thương")) for lead, _ in tasks)


def test_a_lead_in_with_an_action_of_its_own_stays_a_task(nlp):
    tasks = found(nlp, "Giao Sở Tài chính xây dựng phương án giá nước sạch với những nội dung sau:\n"
                       "1. Rà soát chi phí sản xuất.\n2. Tổ chức lấy ý kiến người dân.")
    assert [t.split()[0] for _, t in tasks] == ["xây", "Rà", "Tổ"]


@pytest.mark.parametrize("amendment", [
    "Sửa đổi, bổ sung khoản 2 Điều 5 như sau:",
    "Bổ sung Điều 7a vào sau Điều 7 như sau:",
    "Bãi bỏ điểm c khoản 1 Điều 9.",
    "Sửa đổi Điều 4 của Quy định ban hành kèm theo Quyết định số 8/2023/QĐ-UBND như sau:",
])
def test_an_amendment_the_decision_makes_is_no_task(nlp, amendment):
    text = f"Điều 1. Sửa đổi một số điều của Quy định quản lý chợ\n1. {amendment}\n" \
           "Điều 2. Giao Sở Công Thương hướng dẫn các chợ thực hiện."
    assert found(nlp, text) == [(["Sở Công Thương"], "hướng dẫn các chợ thực hiện")]


@pytest.mark.parametrize("statement", [
    "Phát triển du lịch sinh thái là động lực tăng trưởng của huyện trong giai đoạn tới.",
    "Bảo đảm an toàn, an ninh dữ liệu là điều kiện tiên quyết để xây dựng chính quyền số.",
    "Đào tạo nghề cho thanh niên nông thôn là một trụ cột quan trọng của chương trình.",
    "Hiện đại hóa hạ tầng thủy lợi là nền tảng để nâng cao giá trị sản xuất nông nghiệp.",
])
def test_a_principle_that_says_what_an_action_is_is_no_task(nlp, statement):
    tasks = found(nlp, "II. NHIỆM VỤ\n1. Du lịch\n" + statement + "\na) Xây dựng bộ tiêu chí điểm du lịch cộng đồng.")
    assert [t for _, t in tasks] == ["Xây dựng bộ tiêu chí điểm du lịch cộng đồng"]


@pytest.mark.parametrize("duty", [
    "Xác định chuyển đổi số là nhiệm vụ then chốt trong chỉ đạo điều hành",
    "Phát huy vai trò là cầu nối giữa doanh nghiệp và hợp tác xã",
    "Ưu tiên vốn cho các xã khó khăn, đặc biệt là điều kiện đi lại của học sinh",
    "Ứng dụng cổng dịch vụ công của tỉnh, là nền tảng tích hợp thông tin cho người dân",
])
def test_an_action_whose_object_is_said_to_be_something_stays_a_task(nlp, duty):
    assert [t for _, t in found(nlp, "II. NHIỆM VỤ\n1. " + duty + ".")] == [duty]


@pytest.mark.parametrize("presents", [
    "Ủy ban nhân dân xã Tân Hòa ban hành Kế hoạch phòng, chống thiên tai năm 2025 như sau:",
    "Ban Thường vụ Huyện ủy ban hành Chương trình hành động với những nội dung chủ yếu sau:",
    "Sở Nông nghiệp ban hành kế hoạch kiểm tra vật tư nông nghiệp, cụ thể như sau:",
])
def test_the_issuer_presenting_its_document_is_no_task_and_no_addressee(nlp, presents):
    tasks = found(nlp, presents + "\n1. Rà soát các hồ chứa xung yếu.\n2. Tổ chức diễn tập cứu hộ.")
    assert [(lead, t.split()[0]) for lead, t in tasks] == [([], "Rà"), ([], "Tổ")]


def test_a_duty_to_issue_a_plan_stays_a_task(nlp):
    assert found(nlp, "Đề nghị Ủy ban nhân dân các xã ban hành kế hoạch thực hiện trước ngày 30/6/2025.") == \
        [(["Ủy ban nhân dân các xã"], "ban hành kế hoạch thực hiện trước ngày 30/6/2025")]


@pytest.mark.parametrize("title", [
    "Phát triển du lịch cộng đồng giai đoạn 2025 - 2030",
    "Triển khai công tác phòng, chống dịch bệnh trên đàn gia súc\nnăm 2026",
])
def test_the_title_under_the_kind_of_a_document_is_no_task(nlp, title):
    tasks = found(nlp, f"KẾ HOẠCH\n{title}\nI. NHIỆM VỤ\n1. Xây dựng bộ tiêu chí đánh giá.")
    assert [t for _, t in tasks] == ["Xây dựng bộ tiêu chí đánh giá"]


def test_a_title_runs_up_to_the_grounds_and_keeps_its_note(nlp):
    tasks = found(nlp, "KẾ HOẠCH\nTổ chức Hội khỏe Phù Đổng cấp huyện\n(Ban hành kèm theo Quyết định số 9/QĐ-UBND)\n"
                       "Căn cứ Luật Thể dục, thể thao;\nI. NHIỆM VỤ\n1. Chuẩn bị sân thi đấu.")
    assert [t for _, t in tasks] == ["Chuẩn bị sân thi đấu"]


def test_a_paragraph_after_a_one_line_title_is_read_whole(nlp):
    tasks = found(nlp, "KẾ HOẠCH\nTổ chức Hội khỏe Phù Đổng cấp huyện\nĐề nghị Phòng Giáo dục chuẩn bị sân thi đấu\n"
                       "và lực lượng trọng tài trước ngày 15/3/2026.")
    assert tasks == [(["Phòng Giáo dục"], "chuẩn bị sân thi đấu\nvà lực lượng trọng tài trước ngày 15/3/2026")]


@pytest.mark.parametrize("text", [
    "Hội đồng nhân dân huyện tán thành Tờ trình số 40/TTr-UBND về kế hoạch đầu tư công năm 2026.",
    "Chủ tịch Ủy ban nhân dân tỉnh cơ bản nhất trí với dự thảo Đề án phát triển cây dược liệu.",
    "Ban Thường vụ Huyện ủy biểu dương các xã đã hoàn thành sớm kế hoạch thu ngân sách.",
])
def test_a_body_that_agrees_or_praises_asks_nothing(nlp, text):
    assert found(nlp, text, kind="Thông báo kết luận") == []


def test_a_body_that_approves_as_its_duty_is_asked(nlp):
    assert found(nlp, "Ủy ban nhân dân cấp xã phê duyệt danh sách các điểm trông giữ xe trước ngày 30/6/2026.") == \
        [(["Ủy ban nhân dân cấp xã"], "phê duyệt danh sách các điểm trông giữ xe trước ngày 30/6/2026")]


def test_a_circumstance_and_an_action_without_a_subject_is_one_task_of_the_request(nlp):
    tasks = found(nlp, "Đề nghị các xã:\n1. Trường hợp phát sinh vướng mắc, kịp thời báo cáo Ủy ban nhân dân huyện "
                       "để xem xét.\n2. Trong thời gian qua, phong trào thể thao được huyện quan tâm, chỉ đạo.")
    assert tasks == [(["các xã"], "Trường hợp phát sinh vướng mắc, kịp thời báo cáo Ủy ban nhân dân huyện để xem xét")]


@pytest.mark.parametrize("text", [
    "Ngày 5/3/2026, Chủ tịch UBND tỉnh chủ trì cuộc họp. Tham dự có các đồng chí:\nPhó Chủ tịch Ủy ban nhân dân "
    "tỉnh Nguyễn Văn An, Giám đốc Sở Tài chính Trần Văn Bình, lãnh đạo các huyện có dự án trên địa bàn.\n"
    "Đề nghị Sở Xây dựng rà soát hồ sơ dự án.",
    "Cùng dự hội nghị có Phó Chủ tịch Ủy ban nhân dân tỉnh Lê Văn Cường, Trưởng Ban Chỉ đạo; Giám đốc Sở Tài chính "
    "Trần Văn Bình, các thành viên Ban Chỉ đạo, Chủ tịch UBND các huyện có dự án trên địa bàn.\n"
    "Đề nghị Sở Xây dựng rà soát hồ sơ dự án.",
])
def test_who_attended_is_no_task(nlp, text):
    assert found(nlp, text, kind="Thông báo kết luận") == [(["Sở Xây dựng"], "rà soát hồ sơ dự án")]
