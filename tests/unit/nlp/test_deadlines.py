import datetime as dt

import pytest
import spacy

import theodoi.nlp.components.citations  # noqa: F401  (registers the factories)
import theodoi.nlp.components.deadlines  # noqa: F401


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}})
    nlp.add_pipe("theodoi_citations")
    nlp.add_pipe("theodoi_deadlines")
    return nlp


def run(nlp, text, doc_date):
    doc = nlp.make_doc(text)
    doc._.doc_date = doc_date
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def test_deadline_spans_carry_the_deadline(nlp):
    doc = run(nlp, "Sở Nội vụ báo cáo UBND tỉnh trước ngày 15/3; Sở Tài chính hoàn thành trong quý II/2021.",
              dt.date(2021, 1, 10))
    got = [(s.text, s._.deadline.kind, s._.deadline.due) for s in doc.spans["deadlines"]]
    assert got == [("trước ngày 15/3", "date", dt.date(2021, 3, 15)),
                   ("hoàn thành trong quý II/2021", "quarter", dt.date(2021, 6, 30))]


def test_dates_inside_citations_are_dropped(nlp):
    doc = run(nlp, "Thực hiện Kế hoạch số 12/KH-UBND trước ngày 30/6/2021 của UBND tỉnh, các sở triển khai.",
              None)
    assert list(doc.spans["deadlines"]) == []


def test_recurring_and_ongoing(nlp):
    doc = run(nlp, "Định kỳ hằng tháng báo cáo kết quả; thường xuyên kiểm tra.", None)
    assert [s._.deadline.kind for s in doc.spans["deadlines"]] == ["recurring", "ongoing"]


def test_the_deadline_finder_writes_to_the_spans_key_of_its_config():
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}})
    nlp.add_pipe("theodoi_citations", config={"spans_key": "cited"})
    nlp.add_pipe("theodoi_deadlines", config={"spans_key": "times", "citations_key": "cited"})
    doc = run(nlp, "Thực hiện Kế hoạch số 12/KH-UBND ngày 30/6/2021; Sở Y tế báo cáo trước ngày 15/9/2021.",
              dt.date(2021, 1, 10))
    assert [s.text for s in doc.spans["times"]] == ["trước ngày 15/9/2021"]
    assert "deadlines" not in doc.spans
