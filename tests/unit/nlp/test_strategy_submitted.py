"""Strategy "submitted": something handed in by a due date
(theodoi.nlp.tasks.submitted), on sentences written for these tests."""
from theodoi.nlp.tasks.submitted import submitted_task


def test_something_handed_in_by_a_date(clause_of):
    task, _ = submitted_task(*clause_of("Kết quả khảo sát gửi về Sở Nội vụ trước ngày 15/4/2024"))
    assert task.text.startswith("Kết quả khảo sát") and task.deadline is None


def test_something_sent_without_a_due_date_is_not_a_submission(clause_of):
    assert submitted_task(*clause_of("Kết quả khảo sát gửi về Sở Nội vụ để tổng hợp")) is None
