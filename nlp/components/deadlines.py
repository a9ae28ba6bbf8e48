"""Component "theodoi_deadlines": doc.spans["deadlines"] (its `spans_key`), each span with `span._.deadline`.

The phrases come from `theodoi.nlp.dates.find_deadlines`, resolved against
`doc._.doc_date`, or, when the header gave no date, against the year of the document's opening
(its title: "Kế hoạch ... năm 2019" makes "trong tháng 5" May 2019). A phrase that overlaps a citation (the date of a cited document) is
dropped, so put this component after "theodoi_citations".
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from theodoi.nlp.dates import find_deadlines, opening_year_date
from theodoi.nlp.extensions import doc_text


class DeadlineFinder:
    """Finds deadline phrases (doc.spans[spans_key]) and drops those inside the citations of
    doc.spans[citations_key]."""

    def __init__(self, nlp: Language, name: str, spans_key: str, citations_key: str):
        self.name = name
        self.spans_key = spans_key
        self.citations_key = citations_key

    def __call__(self, doc: Doc) -> Doc:
        cited = [(s.start_char, s.end_char) for s in doc.spans.get(self.citations_key, [])]
        spans = []
        text = doc_text(doc)
        for deadline in find_deadlines(text, doc._.doc_date, opening_year_date(text)):
            if any(start < deadline.end and deadline.start < end for start, end in cited):
                continue
            span = doc.char_span(deadline.start, deadline.end, alignment_mode="expand")
            if span is None:
                continue
            span._.deadline = deadline
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


@Language.factory("theodoi_deadlines", assigns=["doc.spans"],
                  default_config={"spans_key": "deadlines", "citations_key": "citations"})
def make_deadline_finder(nlp: Language, name: str, spans_key: str, citations_key: str) -> DeadlineFinder:
    """Factory for the deadline finder."""
    return DeadlineFinder(nlp, name, spans_key, citations_key)
