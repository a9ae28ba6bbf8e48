"""The tasks the pipeline finds in a text of a given kind, as (lead names, task text) pairs:
the shared reader of the tests that check what is and is not a task."""


def found(nlp, text, kind="Kế hoạch"):
    doc = nlp.make_doc(text)
    doc._.doc_kind = kind  # a kind whose text gives instructions from its start
    doc = nlp(doc)
    return [([b.text for b in s._.task.lead], s._.task.text) for s in doc.spans["tasks"]]
