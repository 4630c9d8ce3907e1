"""Wording helpers of the human-readable writers."""

from __future__ import annotations

import pytest

from evalkit.writers._words import counted


@pytest.mark.parametrize(
    ("count", "noun", "plural", "expected"),
    [
        (0, "sentence", None, "0 sentences"),
        (1, "sentence", None, "1 sentence"),
        (2, "sentence", None, "2 sentences"),
        (1, "pair", None, "1 pair"),
        (3, "query", "queries", "3 queries"),
    ],
)
def test_counted(count: int, noun: str, plural: str | None, expected: str) -> None:
    assert counted(count, noun, plural) == expected
