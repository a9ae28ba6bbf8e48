"""The task finder's pipeline (sections + bodies + tasks) on a blank Vietnamese model, shared by
the tests of tasks and bodies on short texts."""
import pytest
import spacy

import theodoi.nlp.components  # noqa: F401  (registers the factories)


@pytest.fixture(scope="session")
def nlp():
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}})
    for name in ("theodoi_sections", "theodoi_bodies", "theodoi_tasks"):
        nlp.add_pipe(name)
    nlp.initialize()
    return nlp


@pytest.fixture(scope="session")
def clause_of():
    """`clause_of(text, inherited=(), directive=True, lead_in=None, timed=False)`: (reader, clause over
    the whole text) as the clause reader hands them to a task strategy (theodoi.nlp.tasks)."""
    import datetime as dt

    from theodoi.nlp.tasks.reader import TaskText
    from theodoi.nlp.tasks.registry import Clause

    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}})
    for name in ("theodoi_bodies", "theodoi_citations", "theodoi_deadlines"):
        nlp.add_pipe(name)
    nlp.initialize()

    def read(text, inherited=(), directive=True, lead_in=None, timed=False):
        doc = nlp.make_doc(text)
        doc._.doc_date = dt.date(2024, 3, 1)
        doc = nlp(doc)
        reader = TaskText(text, [s._.body for s in doc.spans["bodies"]],
                          [s._.deadline for s in doc.spans["deadlines"]], True)
        return reader, Clause(0, len(text), list(inherited), [], directive, lead_in, timed)
    return read

