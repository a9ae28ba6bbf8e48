from bs4 import BeautifulSoup

from theodoi.web.marking import Span, mark_text


def marks(html: str) -> dict[str, str]:
    soup = BeautifulSoup(html, "html.parser")
    return {m["id"]: m.get_text() for m in soup.find_all("mark") if m.has_attr("id")}


def test_text_is_escaped_and_kept_whole():
    text = "Sở A <chủ trì> & báo cáo"
    html = mark_text(text, [Span(0, 4, "task", "task-1")])
    assert str(html) == '<mark class="task" id="task-1">Sở A</mark> &lt;chủ trì&gt; &amp; báo cáo'
    assert BeautifulSoup(html, "html.parser").get_text() == text


def test_nested_span_sits_inside_its_task():
    text = "đạt trên 90% hồ sơ trực tuyến"
    html = mark_text(text, [Span(4, 12, "target", "target-1"), Span(0, len(text), "task", "task-1")])
    assert str(html).startswith('<mark class="task" id="task-1">đạt <mark class="target" id="target-1">trên 90%</mark>')
    assert marks(html) == {"task-1": text, "target-1": "trên 90%"}


def test_crossing_spans_stay_well_formed_and_anchor_once():
    text = "abcdefghij"
    html = str(mark_text(text, [Span(0, 6, "task", "task-1"), Span(3, 9, "target", "target-2")]))
    assert html == ('<mark class="task" id="task-1">abc<mark class="target" id="target-2">def</mark></mark>'
                    '<mark class="target" data-continues="target-2">ghi</mark>j')
    assert html.count('id="target-2"') == 1


def test_spans_outside_the_text_or_empty_are_ignored():
    assert str(mark_text("abc", [Span(2, 9, "task", "t"), Span(1, 1, "task", "u"), Span(-1, 2, "task", "v")])) == "abc"
