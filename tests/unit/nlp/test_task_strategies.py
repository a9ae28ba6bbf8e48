"""Each clause strategy of the task finder on its own (theodoi.nlp.tasks), and their registry."""
import datetime as dt

import pytest
import spacy

import theodoi.nlp.components  # noqa: F401
from theodoi.nlp.tasks import registry
from theodoi.nlp.tasks.cue import cue_task
from theodoi.nlp.tasks.deadline_bound import deadline_bound_task
from theodoi.nlp.tasks.imperative import imperative_task
from theodoi.nlp.tasks.reader import TaskText
from theodoi.nlp.tasks.registry import Clause
from theodoi.nlp.tasks.subject import later_subject_task, subject_task
from theodoi.nlp.tasks.submitted import submitted_task


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}})
    for name in ("theodoi_bodies", "theodoi_citations", "theodoi_deadlines"):
        nlp.add_pipe(name)
    nlp.initialize()
    return nlp


def read(nlp, text, inherited=(), directive=True, lead_in=None, timed=False):
    """(reader, clause over the whole text) as the clause reader would hand them to a strategy."""
    doc = nlp.make_doc(text)
    doc._.doc_date = dt.date(2024, 3, 1)
    doc = nlp(doc)
    reader = TaskText(text, [s._.body for s in doc.spans["bodies"]],
                      [s._.deadline for s in doc.spans["deadlines"]], True)
    return reader, Clause(0, len(text), list(inherited), [], directive, lead_in, timed)


def lead(task):
    return [b.text for b in task.lead]


# ---- cue
@pytest.mark.parametrize("text, who, action", [
    ("Giao Sở Tài chính rà soát các khoản chi thường xuyên", ["Sở Tài chính"], "rà soát"),
    ("Đề nghị Bộ Công an chỉ đạo lực lượng chức năng kiểm tra", ["Bộ Công an"], "chỉ đạo"),
    ("Yêu cầu Sở Y tế và Sở Giáo dục và Đào tạo tăng cường truyền thông", ["Sở Y tế", "Sở Giáo dục và Đào tạo"],
     "tăng cường"),
])
def test_cue_gives_its_addressee_as_lead(nlp, text, who, action):
    task, request = cue_task(*read(nlp, text))
    assert lead(task) == who and task.text.startswith(action) and request is None


def test_cue_whose_addressee_ends_the_clause_is_a_request(nlp):
    task, request = cue_task(*read(nlp, "Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành:"))
    assert task is None and [b.text for b in request[0]] == ["các sở, ban, ngành"]


def test_a_clause_without_a_cue_is_left_to_the_next_strategy(nlp):
    assert cue_task(*read(nlp, "Tăng cường kiểm tra việc chấp hành pháp luật")) is None


# ---- subject
@pytest.mark.parametrize("text, who", [
    ("Sở Xây dựng chủ trì hướng dẫn các chủ đầu tư", ["Sở Xây dựng"]),
    ("Các địa phương cần bố trí đủ kinh phí", ["Các địa phương"]),
    ("Cơ quan được giao chủ trì soạn thảo phải lấy ý kiến rộng rãi", ["Cơ quan được giao chủ trì soạn thảo"]),
])
def test_a_body_as_subject_of_what_it_must_do(nlp, text, who):
    task, _ = subject_task(*read(nlp, text))
    assert lead(task) == who


def test_a_subject_that_reports_is_no_task(nlp):
    assert subject_task(*read(nlp, "Sở Xây dựng đã hướng dẫn các chủ đầu tư")) == (None, None)


def test_a_subject_after_an_opening_phrase(nlp):
    task, _ = later_subject_task(*read(nlp, "Đối với các dự án chậm tiến độ, Sở Kế hoạch và Đầu tư phải báo cáo"))
    assert lead(task) == ["Sở Kế hoạch và Đầu tư"] and task.text == "phải báo cáo"


# ---- deadline_bound
def test_a_due_date_before_phai_binds_the_subject_before_it(nlp):
    text = "Theo hợp đồng, nhà đầu tư chậm nhất đến ngày 30/6/2024 phải bàn giao mặt bằng"
    task, _ = deadline_bound_task(*read(nlp, text))
    assert lead(task) == ["nhà đầu tư"] and task.text.startswith("chậm nhất đến ngày 30/6/2024")


def test_a_due_date_without_a_modal_binds_nothing(nlp):
    assert deadline_bound_task(*read(nlp, "Trước ngày 30/6/2024 các đơn vị báo cáo")) is None


# ---- imperative
def test_an_action_verb_takes_the_inherited_addressees(nlp):
    inherited = read(nlp, "Sở Nội vụ")[0].bodies
    reader, clause = read(nlp, "Tổ chức tập huấn cho cán bộ cấp xã", inherited=inherited)
    task, _ = imperative_task(reader, clause)
    assert lead(task) == ["Sở Nội vụ"] and task.component.endswith("imperative")


def test_an_action_outside_a_directive_part_is_no_task(nlp):
    assert imperative_task(*read(nlp, "Tổ chức tập huấn cho cán bộ cấp xã", directive=False)) is None


# ---- submitted
def test_something_handed_in_by_a_date(nlp):
    task, _ = submitted_task(*read(nlp, "Kết quả khảo sát gửi về Sở Nội vụ trước ngày 15/4/2024"))
    assert task.text.startswith("Kết quả khảo sát") and task.deadline is None


def test_something_sent_without_a_due_date_is_not_a_submission(nlp):
    assert submitted_task(*read(nlp, "Kết quả khảo sát gửi về Sở Nội vụ để tổng hợp")) is None


# ---- registry
def test_the_config_lists_registered_strategies_in_order():
    from theodoi.nlp.pipeline import pipeline_config
    names = pipeline_config()["components"]["theodoi_tasks"]["strategies"]
    assert registry.strategies(names)[0] is cue_task and set(names) <= set(registry.STRATEGIES)


def test_an_unknown_strategy_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown strategies"):
        registry.strategies(["cue", "guess"])
