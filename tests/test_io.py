"""Reading input files: signs of damage done before evalkit read them (``evalkit.io.damage_warnings``)."""

from __future__ import annotations

import pytest

from evalkit.io import damage_warnings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We don’t know. Café, naïve, São Paulo — “fine”.\tTabs\r\nand form feeds\f are text.", []),
        # the low byte of "’" (U+2019) left alone: "don\x19t"
        ("We don\x19t know. We can\x19t go.",
         ["a.txt: 2 dashes or quotation marks cut down to their low byte, the first at offset 6 (\\x19)"]),
        ("We don\x19t know.", ["a.txt: 1 dash or quotation mark cut down to its low byte, the first at offset 6 (\\x19)"]),
        ("A bell\x07 rang.", ["a.txt: 1 control character, the first at offset 6 (\\x07)"]),
        ("We lost one: caf\ufffd.", ["a.txt: 1 replacement character, the first at offset 16 (\ufffd)"]),
        ("We donâ€™t know. CafÃ©.", [
            "a.txt: 2 double-encoded characters, the first at offset 6 (â€™)"]),
    ],
)  # fmt: skip
def test_damage_warnings_name_the_file_the_count_and_the_first_place(text: str, expected: list[str]) -> None:
    warnings = damage_warnings(text, "a.txt")
    assert [warning.split(":", 2)[0] + ":" + warning.split(":", 2)[1] for warning in warnings] == expected
    assert all(warning.endswith(("scored as written", "read as the mark it stood for")) for warning in warnings)


def test_a_damaged_string_given_to_the_library_gets_the_warning_too() -> None:
    from evalkit.document import Document

    document = Document.from_text("We don\x19t know it.", name="given")
    assert [w.split(" (")[0] for w in document.warnings] == [
        "given: 1 dash or quotation mark cut down to its low byte, the first at offset 6"
    ]
    assert document.sentences[0].text == "We don’t know it."
