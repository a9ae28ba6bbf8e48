"""Strategy "imperative": an action that opens a clause in a part that gives instructions
(theodoi.nlp.tasks.imperative), on sentences written for these tests."""
import pytest

from theodoi.nlp.tasks.imperative import imperative_task


def test_an_action_verb_takes_the_inherited_addressees(clause_of):
    inherited = clause_of("Sở Nội vụ")[0].bodies
    reader, clause = clause_of("Tổ chức tập huấn cho cán bộ cấp xã", inherited=inherited)
    task, _ = imperative_task(reader, clause)
    assert [b.text for b in task.lead] == ["Sở Nội vụ"] and task.component.endswith("imperative")


def test_an_action_outside_a_directive_part_is_no_task(clause_of):
    assert imperative_task(*clause_of("Tổ chức tập huấn cho cán bộ cấp xã", directive=False)) is None


@pytest.mark.parametrize("text", [
    "Đối với các trạm bơm đã xuống cấp, tiếp tục sửa chữa và đưa vào vận hành trước mùa mưa",
    "Trường hợp phát hiện dịch bệnh trên đàn gia súc thì báo cáo ngay Ủy ban nhân dân cấp xã",
    "Nếu mực nước sông vượt báo động III, phải sơ tán các hộ dân ở vùng trũng",
    "Đồng thời, tăng cường kiểm tra các cơ sở giết mổ trên địa bàn",
    "Căn cứ diễn biến của thời tiết, chủ động điều chỉnh lịch gieo cấy vụ đông",
    "Qua kết quả kiểm tra, tùy mức độ vi phạm (nếu có), kiến nghị xử lý theo quy định",
    "Đối với các bến đò ngang: Tổ chức kiểm tra phương tiện và áo phao trước mỗi chuyến",
])
def test_an_action_after_an_opening_circumstance_keeps_the_opening(clause_of, text):
    task, _ = imperative_task(*clause_of(text))
    assert task.text == text


@pytest.mark.parametrize("text", [
    "Đối với các trạm bơm đã xuống cấp, đã có phương án sửa chữa từ năm trước",
    "Trường hợp mưa lớn kéo dài, mực nước các hồ chứa dâng cao",
    "Đối với các trạm bơm, kênh mương nội đồng",
])
def test_an_opening_circumstance_without_an_action_is_no_task(clause_of, text):
    assert imperative_task(*clause_of(text)) is None


@pytest.mark.parametrize("text", [
    "Số hóa toàn bộ hồ sơ địa chính của các xã trong năm 2024",
    "Đa dạng hóa các hình thức tuyên truyền về an toàn giao thông",
    "Thông minh hoá hệ thống đèn tín hiệu tại các nút giao lớn",
    "Không cấp phép đào đường trong dịp Tết Nguyên đán",
    "Có giải pháp hỗ trợ các hộ dân bị ảnh hưởng bởi dự án",
    "Tạo thuận lợi cho các hợp tác xã tiếp cận vốn vay ưu đãi",
    "Thông báo công khai danh sách các hộ được hỗ trợ tại nhà văn hóa thôn",
])
def test_verbs_in_hoa_denied_actions_and_co_with_a_plan_are_actions(clause_of, text):
    task, _ = imperative_task(*clause_of(text))
    assert task.text == text


@pytest.mark.parametrize("text", [
    "Văn hóa số là nền tảng tinh thần của xã hội số",
    "Hàng hóa xuất khẩu qua cửa khẩu tăng mạnh trong quý I",
    "Thông báo kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại buổi làm việc với huyện",
])
def test_nouns_in_hoa_are_not_actions(clause_of, text):
    assert imperative_task(*clause_of(text)) is None


@pytest.mark.parametrize("text", [
    "Tập huấn nghiệp vụ cho cán bộ thú y (nhiệm vụ 3): năm 2023 đã tổ chức 5 lớp",
    "Xây dựng kho dữ liệu dùng chung: đang thực hiện, chưa hoàn thành",
    "Tài liệu phục vụ hội nghị: gồm báo cáo chính trị và danh sách đại biểu",
])
def test_a_topic_followed_by_what_was_done_is_no_task(clause_of, text):
    assert imperative_task(*clause_of(text)) is None


def test_a_topic_followed_by_its_due_date_stays_a_task(clause_of):
    task, _ = imperative_task(*clause_of("Tổ chức hội nghị sơ kết lần thứ nhất: chậm nhất ngày 15/7/2024"))
    assert task.text.startswith("Tổ chức hội nghị sơ kết")
