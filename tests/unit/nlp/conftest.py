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
