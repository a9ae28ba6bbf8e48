"""SyllablePositions (index forms without Token objects) writes exactly what Whoosh's
Positions format with the token chain writes: same terms, postings, weights, position bytes
and field lengths."""
from __future__ import annotations

import datetime as dt

from whoosh import fields
from whoosh.analysis import RegexTokenizer
from whoosh.filedb.filestore import RamStorage

from theodoi.search.analysis import WORD_PATTERN, VietnameseFilter
from theodoi.search.document import IndexDocument
from theodoi.search.schema import build_schema, index_fields

TEXTS = [
    "Ủy ban nhân dân tỉnh giao Sở Nông nghiệp chủ trì; Sở Nông nghiệp báo cáo trước 30/6/2027.",
    "THUỶ LỢI, thủy lợi, hoà bình và hòa bình: tổ chức thể hiện cần làm ý kiến.",
    "snake_case 2027_a x2 ½ ① Ω-Δ 東京 e\u0301 de\u0301\u0300 — ... «ngoặc» ‘đơn’",
    "",
    "số số số sở sổ sơ so số",
]


def _chain_schema():
    """build_schema() with the positional text fields made the standard Whoosh way."""
    schema = build_schema()
    for name, folded in (("content", False), ("content_f", True), ("meta", False), ("meta_f", True)):
        field = schema[name]
        plain = fields.TEXT(analyzer=RegexTokenizer(WORD_PATTERN) | VietnameseFilter(folded=folded), phrase=True,
                            stored=field.stored)
        schema.remove(name)
        schema.add(name, plain)
    return schema


def _written(schema) -> tuple[dict, dict]:
    index = RamStorage().create_index(schema)
    writer = index.writer()
    for n, text in enumerate(TEXTS, start=1):
        writer.add_document(**index_fields(IndexDocument(id=n, text=text, title=TEXTS[-n], kind="Kế hoạch",
                                                         number=f"{n}/KH-UBND", issuer="Sở Y tế",
                                                         date=dt.date(2027, 1, n))))
    writer.commit()
    postings, lengths = {}, {}
    with index.reader() as reader:
        for name, text in reader.all_terms():
            matcher = reader.postings(name, text)
            found = []
            while matcher.is_active():
                found.append((matcher.id(), matcher.weight(), matcher.value()))
                matcher.next()
            postings[name, text] = found
        for name in ("content", "content_f", "meta", "meta_f"):
            lengths[name] = [reader.doc_field_length(n, name) for n in range(len(TEXTS))]
    return postings, lengths


def test_the_fast_format_writes_what_the_token_chain_writes():
    fast, chain = _written(build_schema()), _written(_chain_schema())
    assert type(build_schema()["content"].format).__name__ == "SyllablePositions"
    assert fast[0] and fast == chain
