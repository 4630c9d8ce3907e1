"""Reading input files: signs of damage done before evalkit read them (``evalkit.io.damage_warnings``)."""

from __future__ import annotations

import pytest

from evalkit.io import damage_warnings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We don’t know. Café, naïve, São Paulo — “fine”.\tTabs\r\nand form feeds\f are text.", []),
        # the low byte of "’" (U+2019) left alone: "don\x19t" is no "don't"
        ("We don\x19t know. We can\x19t go.", ["a.txt: 2 control characters, the first at offset 6 (\\x19)"]),
        ("We lost one: caf\ufffd.", ["a.txt: 1 replacement character, the first at offset 16 (\ufffd)"]),
        ("We donâ€™t know. CafÃ©.", [
            "a.txt: 2 double-encoded characters, the first at offset 6 (â€™)"]),
    ],
)  # fmt: skip
def test_damage_warnings_name_the_file_the_count_and_the_first_place(text: str, expected: list[str]) -> None:
    warnings = damage_warnings(text, "a.txt")
    assert [warning.split(":", 2)[0] + ":" + warning.split(":", 2)[1] for warning in warnings] == expected
    assert all(warning.endswith("scored as written") for warning in warnings)
