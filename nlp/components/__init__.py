"""spaCy components of theodoi; importing this package registers their factories."""
from theodoi.nlp.components import (  # noqa: F401
    agencies, citations, deadlines, reports, sections, targets, task_deadlines, tasks)
