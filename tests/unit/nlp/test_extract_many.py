"""`extract_many` runs the pipeline with nlp.pipe over a batch; each document keeps its own header."""
import datetime as dt

from theodoi.domain import Header, ParsedDocument
from theodoi.nlp import extract, extract_many


def parsed(text: str, kind: str, day: dt.date) -> ParsedDocument:
    return ParsedDocument(path="x.txt", file_name="x.txt", mime="text/plain", parser="text/1", text=text,
                          header=Header(kind=kind, date=day))


def test_a_batch_gives_what_each_document_gives_alone():
    documents = [
        parsed("Giao Sở Tài chính rà soát các khoản chi trong tháng 5.", "Công văn", dt.date(2024, 1, 10)),
        parsed("Không có việc gì được giao ở đây.", "Thông báo", dt.date(2023, 6, 1)),
        parsed("Yêu cầu Sở Y tế tổ chức tiêm chủng trong tháng 5.", "Công điện", dt.date(2022, 2, 2)),
    ]
    batch = list(extract_many(documents, batch_size=2))
    assert [e.tasks for e in batch] == [extract(d).tasks for d in documents]
    assert [t.deadline.due for t in batch[0].tasks + batch[2].tasks] == [dt.date(2024, 5, 31), dt.date(2022, 5, 31)]
    assert batch[1].tasks == []
