"""Small wording helpers shared by the human-readable writers."""

from __future__ import annotations


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """``"1 sentence"``, ``"2 sentences"``, ``"0 sentences"``."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"
