"""The unit splitter alone: labels, depths, wrapped lines joined."""
from theodoi.nlp.components.sections import read_marker, split_units


def test_markers_and_depths():
    assert read_marker("1. Sở Tư pháp:")[:2] == ("1", 2)
    assert read_marker("a) Chủ trì")[:2] == ("a", 4)
    assert read_marker("- Tăng cường")[:2] == ("-", 5)
    assert read_marker("II. Nhiệm vụ")[:2] == ("II", 1)
    assert read_marker("Tăng cường")[:2] == (None, None)


def test_number_alone_joins_next_line_and_wrapped_lines_join():
    text = ("1.\nVề công tác quy hoạch\n- Rà soát quy hoạch phát triển đô thị trên địa bàn toàn tỉnh và\n"
            "điều chỉnh kịp thời.\n")
    units = split_units(text)
    assert [text[s:e] for s, e, _ in units] == [
        "1.\nVề công tác quy hoạch",
        "- Rà soát quy hoạch phát triển đô thị trên địa bàn toàn tỉnh và\nđiều chỉnh kịp thời.",
    ]
    assert text[units[0][2].content_start:units[0][1]] == "Về công tác quy hoạch"
