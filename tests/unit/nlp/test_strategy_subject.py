"""Strategy "subject" and "later_subject": a body as the subject of what it must do
(theodoi.nlp.tasks.subject), on sentences written for these tests."""
import pytest

from theodoi.nlp.tasks.subject import subject_task, later_subject_task


@pytest.mark.parametrize("text, who", [
    ("Sở Xây dựng chủ trì hướng dẫn các chủ đầu tư", ["Sở Xây dựng"]),
    ("Các địa phương cần bố trí đủ kinh phí", ["Các địa phương"]),
    ("Cơ quan được giao chủ trì soạn thảo phải lấy ý kiến rộng rãi", ["Cơ quan được giao chủ trì soạn thảo"]),
])
def test_a_body_as_subject_of_what_it_must_do(clause_of, text, who):
    task, _ = subject_task(*clause_of(text))
    assert [b.text for b in task.lead] == who


def test_a_subject_that_reports_is_no_task(clause_of):
    assert subject_task(*clause_of("Sở Xây dựng đã hướng dẫn các chủ đầu tư")) == (None, None)


def test_a_subject_after_an_opening_phrase(clause_of):
    task, _ = later_subject_task(*clause_of("Đối với các dự án chậm tiến độ, Sở Kế hoạch và Đầu tư phải báo cáo"))
    assert [b.text for b in task.lead] == ["Sở Kế hoạch và Đầu tư"] and task.text == "phải báo cáo"


@pytest.mark.parametrize("text", [
    "Trường hợp phát sinh vướng mắc, kịp thời báo cáo Ủy ban nhân dân huyện để xem xét",
    "Trong thời gian qua, phong trào thể thao quần chúng được huyện quan tâm, chỉ đạo",
])
def test_a_circumstance_without_a_subject_is_left_to_imperative(clause_of, text):
    assert later_subject_task(*clause_of(text, inherited=[])) is None
