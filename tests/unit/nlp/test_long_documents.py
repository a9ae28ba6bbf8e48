"""A text longer than spaCy's max_length (1,000,000 characters) is read in parts: nothing is
refused for its length, and what is found keeps offsets into the whole text."""
from __future__ import annotations

from theodoi.domain import Block, Header, ParsedDocument
from theodoi.nlp import extract

FILLER = ("Trong năm qua, tình hình kinh tế - xã hội của tỉnh tiếp tục ổn định, đời sống của nhân dân "
          "từng bước được cải thiện.\n\n")
FIRST_TASK = "Giao Sở Y tế chủ trì tổ chức tiêm chủng mở rộng cho trẻ em, hoàn thành trước ngày 30/9/2025.\n\n"
LAST_TASK = "Sở Giáo dục và Đào tạo chủ trì xây dựng kế hoạch sửa chữa trường học, hoàn thành trong quý IV năm 2025.\n\n"


def test_a_text_of_1_2_million_characters_is_read_in_parts():
    body = FILLER * (1_200_000 // len(FILLER))
    text = "KẾ HOẠCH\nPhát triển kinh tế - xã hội\n\n" + FIRST_TASK + body + LAST_TASK
    assert len(text) > 1_000_000
    blocks = [Block("paragraph", LAST_TASK.strip(), text.index(LAST_TASK), text.index(LAST_TASK) + len(LAST_TASK.strip()))]
    parsed = ParsedDocument(path="long.txt", file_name="long.txt", mime="text/plain", parser="plain_text/1",
                            text=text, blocks=blocks, header=Header(kind="Kế hoạch"))
    found = extract(parsed)
    leads = [[m.text for m in task.lead] for task in found.tasks]
    assert ["Sở Y tế"] in leads and ["Sở Giáo dục và Đào tạo"] in leads
    for task in found.tasks:
        assert text[task.start:task.end] == task.text
        for mention in task.lead:
            assert text[mention.start:mention.end] == mention.text
        if task.deadline is not None and task.deadline.start is not None:
            assert text[task.deadline.start:task.deadline.end] == task.deadline.text


def test_parts_are_cut_at_paragraph_breaks_and_cover_the_text():
    from theodoi.nlp.parts import split_points

    text = ("một đoạn văn bản ngắn.\n\n" * 50) + "x" * 30
    parts = split_points(text, size=100)
    assert parts[0][0] == 0 and parts[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(parts, parts[1:]))
    assert all(end - start <= 100 for start, end in parts)
    assert all(text[end - 2:end] == "\n\n" for _, end in parts[:-1])
