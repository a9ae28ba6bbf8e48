"""Highlighted snippets keep every word of the text, mark each query word, and survive the
CLI's terminal rendering (where "[số]" once read as a rich style tag and vanished)."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from theodoi.cli import main
from theodoi.search import open_index
from theodoi.vietnamese import fold
from theodoi.pipeline import ingest_paths

DEMO_TEXT = Path(__file__).resolve().parents[3] / "corpora" / "demo" / "ct-08-ubnd-long-an-ky-cuong-hanh-chinh.txt"

FRAGMENT_SEPARATOR = " … "
MARK = re.compile(r"<mark>(.*?)</mark>")


def _fragments(snippet: str) -> list[str]:
    """The snippet's fragments as plain text (tags removed, entities decoded)."""
    return [html.unescape(re.sub(r"</?mark>", "", part)) for part in snippet.split(FRAGMENT_SEPARATOR)]


def _marked_words(snippet: str) -> set[str]:
    return {fold(html.unescape(word)) for word in MARK.findall(snippet)}


def _assert_faithful(snippet: str, text: str, query_words: list[str]) -> None:
    position = 0
    for fragment in _fragments(snippet):
        found = text.find(fragment, position)
        assert found >= 0, f"fragment not in the document text, in order: {fragment!r}"
        position = found + len(fragment)
    assert {fold(word) for word in query_words} <= _marked_words(snippet)


@pytest.mark.parametrize("typed", ["chuyen doi so", "chuyển đổi số", "Chuyển Đổi Số"])
def test_snippet_text_is_the_document_text_with_every_query_word_marked(index, documents, typed):
    texts = {doc.id: doc.text for doc in documents}
    results = index.search(typed)
    assert results.hits
    for hit in results.hits:
        _assert_faithful(hit.snippet, texts[hit.id], typed.split())


def test_snippet_of_a_long_text_with_many_near_spellings(settings):
    """Folded query words match several spellings (số, sở, sơ, so): all are kept."""
    from theodoi.search import IndexDocument

    text = ("Kế hoạch số 45/KH-UBND về chuyển đổi số; cơ sở dữ liệu đất đai; các sở, ngành; hồ sơ "
            "trễ hạn; chậm so với tiến độ; theo dõi, đối với chuyên đề. ") * 20
    ix = open_index(settings, lock_timeout=5)
    ix.add([IndexDocument(id=7, text=text)])
    for typed in ("chuyen doi so", "chuyển đổi số"):
        hit = ix.search(typed).hits[0]
        _assert_faithful(hit.snippet, text, typed.split())
    ix.close()


def test_cli_prints_the_marked_words(settings):
    """`theodoi search` shows every word of the snippet, matches in [brackets]: text from
    documents is escaped, not read as rich markup ("[số]" is not a style)."""
    ingest_paths([DEMO_TEXT], settings.with_(ingest_workers=1))
    result = CliRunner().invoke(main, ["--data-dir", str(settings.data_dir), "search", "ky cuong hanh chinh"])
    assert result.exit_code == 0, result.output
    assert "[kỷ] [cương] [hành] [chính]" in result.output
    plain = " ".join(result.output.replace("[", "").replace("]", "").split())
    assert "tăng cường kỷ luật, kỷ cương hành chính" in plain
