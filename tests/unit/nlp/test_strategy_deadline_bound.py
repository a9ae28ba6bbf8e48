"""Strategy "deadline_bound": an obligation tied to a due date and a modal
(theodoi.nlp.tasks.deadline_bound), on sentences written for these tests."""
from theodoi.nlp.tasks.deadline_bound import deadline_bound_task


def test_a_due_date_before_phai_binds_the_subject_before_it(clause_of):
    text = "Theo hợp đồng, nhà đầu tư chậm nhất đến ngày 30/6/2024 phải bàn giao mặt bằng"
    task, _ = deadline_bound_task(*clause_of(text))
    assert [b.text for b in task.lead] == ["nhà đầu tư"] and task.text.startswith("chậm nhất đến ngày 30/6/2024")


def test_a_due_date_without_a_modal_binds_nothing(clause_of):
    assert deadline_bound_task(*clause_of("Trước ngày 30/6/2024 các đơn vị báo cáo")) is None
