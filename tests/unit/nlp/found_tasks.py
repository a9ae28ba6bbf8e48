"""The tasks the pipeline finds in a text, as (lead names, task text) pairs: the shared reader of
the tests that check what is a task, what is not, and who is asked."""

PLAN = "Kế hoạch"  # a kind whose text gives instructions from its start


def found(nlp, text, kind=PLAN):
    """The tasks of `text`, read as a document of `kind` (None: the kind is not known)."""
    doc = nlp.make_doc(text)
    doc._.doc_kind = kind
    doc = nlp(doc)
    return [([b.text for b in s._.task.lead], s._.task.text) for s in doc.spans["tasks"]]


def found_in_any(nlp, text):
    """The tasks of `text` read without knowing its kind."""
    return found(nlp, text, kind=None)
