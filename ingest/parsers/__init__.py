"""One parser class per file format; `theodoi.ingest.registry` lists them."""
