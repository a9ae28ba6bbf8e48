"""Strategy "cue": a cue with its addressee, "giao / yêu cầu / đề nghị X ..."
(theodoi.nlp.tasks.cue), on sentences written for these tests."""
import pytest

from theodoi.nlp.tasks.cue import cue_task


@pytest.mark.parametrize("text, who, action", [
    ("Giao Sở Tài chính rà soát các khoản chi thường xuyên", ["Sở Tài chính"], "rà soát"),
    ("Đề nghị Bộ Công an chỉ đạo lực lượng chức năng kiểm tra", ["Bộ Công an"], "chỉ đạo"),
    ("Yêu cầu Sở Y tế và Sở Giáo dục và Đào tạo tăng cường truyền thông", ["Sở Y tế", "Sở Giáo dục và Đào tạo"],
     "tăng cường"),
])
def test_cue_gives_its_addressee_as_lead(clause_of, text, who, action):
    task, request = cue_task(*clause_of(text))
    assert [b.text for b in task.lead] == who and task.text.startswith(action) and request is None


def test_cue_whose_addressee_ends_the_clause_is_a_request(clause_of):
    task, request = cue_task(*clause_of("Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành:"))
    assert task is None and [b.text for b in request[0]] == ["các sở, ban, ngành"]


def test_a_clause_without_a_cue_is_left_to_the_next_strategy(clause_of):
    assert cue_task(*clause_of("Tăng cường kiểm tra việc chấp hành pháp luật")) is None
