"""Corpus documents printed, stamped with a red seal over the signature and scanned
(bench/bench_scans.py makes the scans), read back through Tesseract: the header fields must
come out as corpora/expected has them."""
from __future__ import annotations

import importlib.util
import json
import random
import sys
from pathlib import Path

import pytest

from theodoi.evaluation import meta_field_right
from theodoi.ingest import parse_file
from theodoi.nlp.schema_json import to_schema
from theodoi.nlp import extract

BENCH = Path(__file__).resolve().parents[2] / "bench" / "bench_scans.py"
_spec = importlib.util.spec_from_file_location("bench_scans", BENCH)
scans = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = scans
_spec.loader.exec_module(scans)

# a Party conclusion, a State notice of conclusions and a công văn with a "V/v" subject
DOCUMENTS = ["kl-42-tu-dong-thap-sap-xep-don-vi-hanh-chinh", "tb-428-vpcp-ket-luan-pttg-giai-ngan-dau-tu-cong",
             "cv-3540-ubnd-long-an-don-doc-ct-08"]


@pytest.mark.ocr
@pytest.mark.parametrize("name", DOCUMENTS)
def test_scanned_and_stamped_document_keeps_its_header(name, tmp_path, settings):
    build = scans.load_build()
    source = build.parse_source(scans.CORPORA / "src" / f"{name}.txt")
    gold = json.loads((scans.CORPORA / "expected" / f"{name}.json").read_text(encoding="utf-8"))["document"]
    path = tmp_path / f"{name}.pdf"
    scans.scanned_pdf(build.render_pdf(source), gold["signer"], True, random.Random(7), path)
    parsed = parse_file(path, settings)
    assert parsed.pages and not parsed.text.isspace()
    document = to_schema(parsed, extract(parsed))["document"]
    wrong = {field: (document.get(field), value) for field, value in gold.items()
             if not meta_field_right(field, value, document.get(field))}
    assert wrong == {}
