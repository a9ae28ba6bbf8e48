"""spaCy components of theodoi; importing this package registers their factories."""
from theodoi.nlp.components import agencies, citations, deadlines, reports, sections, targets, tasks  # noqa: F401
