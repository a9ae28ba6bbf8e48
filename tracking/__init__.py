"""Follow-up: task status derived from the history, task listings, officers' updates."""
