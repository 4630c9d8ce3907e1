"""Sentence segmentation of news text: the hard cases."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evalkit import segment
from evalkit.document import Document

CASES = [
    ("abbreviation U.S.", "The U.S. Army arrived. It was late.", ["The U.S. Army arrived.", "It was late."]),
    ("titles and months", "Dr. Smith met Mr. Jones on Jan. 5. They talked.",
     ["Dr. Smith met Mr. Jones on Jan. 5.", "They talked."]),
    ("initials", "J. R. R. Tolkien wrote it. It sold well.", ["J. R. R. Tolkien wrote it.", "It sold well."]),
    ("decimals", "Prices rose 3.5 per cent. Wages fell 0.7%.", ["Prices rose 3.5 per cent.", "Wages fell 0.7%."]),
    ("money and country", "It cost $4.50 in the U.K. on Monday. Nobody paid.",
     ["It cost $4.50 in the U.K. on Monday.", "Nobody paid."]),
    ("quote spanning sentences", '"I will go. You stay," he said. Then he left.',
     ['"I will go. You stay," he said.', "Then he left."]),
    ("curly quotes", "He said: “We will win.” The crowd cheered.", ["He said: “We will win.”", "The crowd cheered."]),
    ("ellipsis then capital", "He paused... Then he spoke.", ["He paused...", "Then he spoke."]),
    ("ellipsis inside", "Wait... what happened?", ["Wait... what happened?"]),
    ("questions and exclamations", "Is it true? Yes! It is.", ["Is it true?", "Yes!", "It is."]),
    ("time abbreviation", "The meeting is at 5 p.m. tomorrow. Bring food.",
     ["The meeting is at 5 p.m. tomorrow.", "Bring food."]),
    ("company abbreviation", "She works at Acme Inc. in London. It pays well.",
     ["She works at Acme Inc. in London.", "It pays well."]),
    ("e.g.", "See e.g. the report. It helps.", ["See e.g. the report.", "It helps."]),
    ("vs.", "The vote was 52 vs. 48. It passed.", ["The vote was 52 vs. 48.", "It passed."]),
    ("heading line", "Introduction\nThe report is long. It has parts.",
     ["Introduction", "The report is long.", "It has parts."]),
    ("bullet list", "- first item\n- second item\n- third item", ["- first item", "- second item", "- third item"]),
    ("numbered list", "1. Buy milk.\n2. Buy eggs.", ["1. Buy milk.", "2. Buy eggs."]),
    ("one paragraph per line", "He left.\nShe stayed.", ["He left.", "She stayed."]),
    ("lines without stops", "Line one without stop\nLine two without stop",
     ["Line one without stop", "Line two without stop"]),
    ("hard-wrapped paragraph",
     "A long wrapped paragraph that goes on and on across the\nline break and continues on the next line\n"
     "without stopping until here.",
     ["A long wrapped paragraph that goes on and on across the line break and continues on the next line "
      "without stopping until here."]),
    ("CRLF line endings", "He left.\r\nShe stayed.\r\n", ["He left.", "She stayed."]),
    ("short sentences kept", "He left. Rain fell. It stopped.", ["He left.", "Rain fell.", "It stopped."]),
    ("a rule between paragraphs is no sentence", "Title\n\n***\n\nHe left.", ["Title", "He left."]),
    ("underscores alone are no sentence", "He left.\n\n___\n\nShe stayed.", ["He left.", "She stayed."]),
    # sentencex takes "May." for an abbreviation: the month is never shortened
    ("the month of May ends a sentence", "They meet in May. Sweden proposed it.",
     ["They meet in May.", "Sweden proposed it."]),
    ("May before a quotation", "It was in May. “We agree,” she said.", ["It was in May.", "“We agree,” she said."]),
    ("etc. before a capital", "It sells pens, paper etc. The shop opens at nine.",
     ["It sells pens, paper etc.", "The shop opens at nine."]),
    ("etc. inside a sentence", "It sells pens, paper etc. at low prices.", ["It sells pens, paper etc. at low prices."]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_hard_cases(text: str, expected: list[str]) -> None:
    document = Document.from_text(text)
    assert [sentence.text for sentence in document.sentences] == expected


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_offsets_point_into_the_input(text: str, expected: list[str]) -> None:
    for sentence in Document.from_text(text).sentences:
        assert " ".join(text[sentence.start : sentence.end].split()) == sentence.text


def test_headings_are_flagged() -> None:
    document = Document.from_text("Council Votes On Budget\nThe council voted on Monday. It passed.")
    assert [sentence.heading for sentence in document.sentences] == [True, False, False]


def test_overlong_unit_is_chunked_not_truncated() -> None:
    words = " ".join(f"word{i}" for i in range(1000))
    document = Document.from_text(words)
    assert len(document.sentences) >= 1000 // segment.MAX_UNIT_WORDS
    assert all(sentence.chunked for sentence in document.sentences)
    rebuilt = " ".join(sentence.text for sentence in document.sentences)
    assert rebuilt == words  # nothing lost
    assert max(segment.count_words(s.text) for s in document.sentences) <= segment.MAX_UNIT_WORDS


@given(st.lists(st.sampled_from(["The cat sat.", "Dr. Who ran!", "Why?", "It cost 3.5 m.", "\n", "  "]),
                min_size=1, max_size=30))  # fmt: skip
def test_sentences_are_ordered_disjoint_and_inside_the_text(parts: list[str]) -> None:
    text = " ".join(parts)
    if not any(character.isalnum() for character in text):
        return
    sentences = Document.from_text(text).sentences
    previous_end = 0
    for sentence in sentences:
        assert previous_end <= sentence.start < sentence.end <= len(text)
        previous_end = sentence.end
