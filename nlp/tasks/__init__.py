"""How the task finder (`theodoi_tasks`) reads a document, one concern a module.

- `reader.TaskText` / `addressees.Addressees`: the text with its bodies and deadlines;
- `scopes`, `headings`: what items inherit from the headings and requests above them;
- `clauses.ClauseReader`: units → sentences → clauses → strategies;
- the strategies, registered by name in `registry` and listed in config.cfg:
  `cue`, `subject` and `later_subject`, `deadline_bound`, `imperative`, `submitted`, `obligation`;
- the table readers, registered in `registry` too: `tables` (`table_rows`, one task per row),
  with what a table's columns hold read by `table_columns`.
"""
from theodoi.nlp.tasks import (cue, deadline_bound, imperative, obligation, subject, submitted,  # noqa: F401  (register)
                               tables)
