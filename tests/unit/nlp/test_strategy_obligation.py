"""Strategy "obligation": a thing, not a body, with what must be done
(theodoi.nlp.tasks.obligation), on sentences written for these tests."""
import pytest

from theodoi.nlp.tasks.obligation import obligation_task


@pytest.mark.parametrize("text", [
    "Việc bàn giao mặt bằng phải được lập thành biên bản có chữ ký của các hộ dân",
    "Hoạt động thu gom rác thải cần được thực hiện vào ban đêm",
    "Kế hoạch kiểm tra phải được gửi đến các xã chậm nhất ngày 15/4/2024",
    "Các lớp tập huấn cần bảo đảm đúng đối tượng, tiết kiệm và hiệu quả",
])
def test_a_thing_with_its_duty_is_a_task_of_the_addressees_inherited(clause_of, text):
    inherited = clause_of("Sở Tài nguyên và Môi trường")[0].bodies
    task, request = obligation_task(*clause_of(text, inherited=inherited))
    assert task.text == text and [b.text for b in task.lead] == ["Sở Tài nguyên và Môi trường"] and request is None


@pytest.mark.parametrize("text", [
    "Việc bàn giao mặt bằng đã được lập thành biên bản",  # no modal: a report
    "Nếu có sự cố, cần báo cáo ngay",  # a circumstance (read by "imperative")
    "Công tác này là cần thiết cho sự phát triển của tỉnh",
    "Sở Tài chính phải bố trí kinh phí",  # a body as subject (read by "subject")
    "Vùng ven biển được xác định là nơi cần ưu tiên đầu tư",
])
def test_other_clauses_are_left_to_other_strategies(clause_of, text):
    assert obligation_task(*clause_of(text)) is None


def test_no_duty_outside_a_part_that_gives_instructions(clause_of):
    assert obligation_task(*clause_of("Hoạt động thu gom rác thải cần được thực hiện vào ban đêm",
                                      directive=False)) is None
