"""Spans: character ranges into a text exactly as the user supplied it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open character range ``[start, end)`` into an input text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def covers(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class TextSpan:
    """Words of an input text and where they stand: ``text == input[start:end]``."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True, order=True)
class IgnoredSpan:
    """Part of the input left out of every score: ``boilerplate``, ``markup``, ``caption``, ``dateline``."""

    start: int
    end: int
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "reason": self.reason}


def merge_ignored(spans: Iterable[IgnoredSpan]) -> tuple[IgnoredSpan, ...]:
    """Sort spans and merge touching or overlapping ones that share a reason."""
    merged: list[IgnoredSpan] = []
    for span in sorted(spans):
        if span.end <= span.start:
            continue
        last = merged[-1] if merged else None
        if last is not None and last.reason == span.reason and span.start <= last.end:
            merged[-1] = IgnoredSpan(last.start, max(last.end, span.end), last.reason)
        else:
            merged.append(span)
    return tuple(merged)
