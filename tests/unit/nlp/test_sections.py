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


def test_markdown_marks_before_a_label_are_read_past():
    text = "**4. Sở Y tế**\n## II. NHIỆM VỤ\n**2.****\n**Tăng cường kiểm tra.\n"
    units = split_units(text)
    assert [(sec.label, sec.depth) for _, _, sec in units] == [("4", 2), ("II", 1), ("2", 2)]
    assert text[units[2][2].content_start:units[2][1]] == "Tăng cường kiểm tra."


def test_a_line_ending_on_a_comma_or_a_head_noun_goes_on():
    text = "1. Bộ trưởng các Bộ,\nChủ tịch Ủy ban nhân dân các tỉnh\na) Rà soát.\n2. Sở\nTài chính:\n- Lập dự toán.\n"
    assert [text[s:e] for s, e, _ in split_units(text)] == [
        "1. Bộ trưởng các Bộ,\nChủ tịch Ủy ban nhân dân các tỉnh", "a) Rà soát.", "2. Sở\nTài chính:", "- Lập dự toán."]


def test_a_line_that_ends_a_layout_heading_is_not_joined_to_the_next():
    text = "Tỉnh khởi công tuyến đường ven sông dài 12 km nối hai huyện phía nam\nSáng nay, tại xã An Phú, lễ khởi công"
    assert len(split_units(text)) == 1  # a long line without an end mark goes on ...
    assert [text[s:e] for s, e, _ in split_units(text, frozenset({text.index("\n")}))] == text.split("\n")
