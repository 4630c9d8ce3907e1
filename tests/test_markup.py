"""Markup removal: the sentences a Markdown or HTML document is read as, and offsets back into it."""

from __future__ import annotations

import pytest

from evalkit.document import Document
from evalkit.io import TextSource


def sentences(text: str, text_format: str) -> list[str]:
    document = Document.from_source(TextSource(text=text, name="doc", format=text_format, encoding="utf-8"))
    return [sentence.text for sentence in document.sentences]


@pytest.mark.parametrize(
    ("text_format", "text", "expected"),
    [
        # list items without end punctuation are items, not lines of one wrapped paragraph
        ("markdown", "You can ask for a bigger bin if:\n\n- there are five or more people in your home\n"
         "- someone in your home uses nappies or medical waste\n",
         ["You can ask for a bigger bin if:", "there are five or more people in your home",
          "someone in your home uses nappies or medical waste"]),
        ("markdown", "Steps:\n\n1. fill in the form that the council sends you\n2. post it back before the end of May\n",
         ["Steps:", "fill in the form that the council sends you", "post it back before the end of May"]),
        # a heading is not continued by the line under it
        ("markdown", "# A heading that is fairly long for a heading\nThe text under the heading goes on.\n",
         ["A heading that is fairly long for a heading", "The text under the heading goes on."]),
        # a wrapped item goes on on its next line; a wrapped paragraph stays one sentence
        ("markdown", "- an item that is long enough to be wrapped onto\n  the next line of the file\n- another item\n",
         ["an item that is long enough to be wrapped onto the next line of the file", "another item"]),
        ("markdown", "A paragraph that is long enough to be wrapped onto\nthe next line of the file goes on.\n",
         ["A paragraph that is long enough to be wrapped onto the next line of the file goes on."]),
        ("html", "<p>You can ask for a bigger bin if:</p><ul><li>there are five or more people in your home</li>"
         "<li>someone in your home uses nappies or medical waste</li></ul>",
         ["You can ask for a bigger bin if:", "there are five or more people in your home",
          "someone in your home uses nappies or medical waste"]),
    ],
)  # fmt: skip
def test_blocks_are_read_as_their_own_units(text_format: str, text: str, expected: list[str]) -> None:
    assert sentences(text, text_format) == expected


def test_offsets_of_a_list_item_point_into_the_markdown_as_given() -> None:
    text = "Intro line:\n\n- there are five or more people in your home\n- someone uses nappies\n"
    document = Document.from_source(TextSource(text=text, name="doc", format="markdown", encoding="utf-8"))
    for sentence in document.sentences:
        span = document.sentence_span(sentence, 0, len(sentence.text))
        assert text[span.start : span.end] == sentence.text


def test_a_navigation_menu_is_site_furniture() -> None:
    text = "<nav><a href='/'>Home</a> | <a href='/news'>News</a></nav><p>The council met on Tuesday.</p>"
    document = Document.from_source(TextSource(text=text, name="doc", format="html", encoding="utf-8"))
    assert [sentence.text for sentence in document.sentences] == ["The council met on Tuesday."]
    nav = text.index("<nav>"), text.index("</nav>") + len("</nav>")
    assert [(span.start, span.end, span.reason) for span in document.ignored if span.reason == "boilerplate"] == [
        (*nav, "boilerplate")
    ]


def test_markup_inside_a_skipped_element_is_one_ignored_span() -> None:
    text = "<p>Before.</p><svg><g><text>Chart label</text></g></svg><p>After.</p>"
    document = Document.from_source(TextSource(text=text, name="doc", format="html", encoding="utf-8"))
    assert [sentence.text for sentence in document.sentences] == ["Before.", "After."]
    svg = text.index("<svg>"), text.index("</svg>") + len("</svg>")
    assert any(span.start <= svg[0] and svg[1] <= span.end and span.reason == "markup" for span in document.ignored)
