"""Line and column of a character offset, for writers that point into files (github, sarif).

Offsets in reports are character offsets into the decoded text as given; the text is read again with
:func:`evalkit.io.read_text` (same decoding, so the same offsets). Lines break at ``\\r\\n``, ``\\n`` or a
lone ``\\r``; lines and columns count from 1, columns in Unicode code points (SARIF ``unicodeCodePoints``).
"""

from __future__ import annotations

import bisect
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from evalkit.errors import EvalkitError
from evalkit.writers import RenderContext

_BREAK = re.compile(r"\r\n|\n|\r")


@dataclass(frozen=True, slots=True)
class Region:
    """``[start, end)`` of a text as 1-based lines and columns; ``end_column`` is the column after the
    last character (SARIF's convention)."""

    start_line: int
    start_column: int
    end_line: int
    end_column: int
    char_offset: int
    char_length: int


class LineIndex:
    """Where each line of a text starts."""

    def __init__(self, text: str) -> None:
        self.length = len(text)
        self.starts = [0, *(match.end() for match in _BREAK.finditer(text))]

    def position(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, self.length))
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def region(self, start: int, end: int) -> Region:
        start_line, start_column = self.position(start)
        end_line, end_column = self.position(max(start, end))
        return Region(start_line, start_column, end_line, end_column, start, max(0, end - start))


@lru_cache(maxsize=64)
def line_index(path: str) -> LineIndex | None:
    """The line index of a text file, or ``None`` if it can no longer be read."""
    from evalkit.io import read_text

    try:
        return LineIndex(read_text(path).text)
    except EvalkitError:
        return None


def display_path(path: str) -> str:
    """A path as CI tools show it: relative to the working directory when inside it, ``/``-separated."""
    candidate = Path(path)
    if candidate.is_absolute() and candidate.is_relative_to(Path.cwd()):
        candidate = candidate.relative_to(Path.cwd())
    return Path(os.path.normpath(candidate)).as_posix()


def uri(path: str) -> str:
    """A relative URI reference for a path (spaces and other reserved characters percent-encoded)."""
    return quote(display_path(path), safe="/")


@dataclass(frozen=True, slots=True)
class Location:
    """Where a finding or failure points: a file and, when known, a region in it."""

    path: str
    region: Region | None


def pair_files(report: dict[str, Any], context: RenderContext) -> tuple[str | None, str | None]:
    """The original's and the rewrite's file paths (``None`` for a text that came inline or on stdin)."""
    paths = context.sources.get(report["id"])
    if paths is not None:
        return paths
    return (None, None)


def locate(report: dict[str, Any], context: RenderContext, side: str, span: dict[str, Any] | None) -> Location | None:
    """The location of ``span`` (a report span with ``start``/``end``) in the ``side`` text of a pair; for
    an inline text, the pairs file line that holds the pair; ``None`` if there is no file at all."""
    original, rewrite = pair_files(report, context)
    path = original if side == "original" else rewrite
    if path is not None:
        index = line_index(path) if span is not None else None
        region = index.region(int(span["start"]), int(span["end"])) if index is not None and span else None
        return Location(path, region)
    declared = context.lines.get(report["id"])
    if declared is not None:
        source, line = declared
        return Location(source, Region(line, 1, line, 1, -1, 0))
    return None


def finding_level(report: dict[str, Any], finding: dict[str, Any]) -> str:
    """How loud a finding is: ``error`` when it is one of the findings that failed the pair's
    ``max_major`` check, ``warning`` for another major finding, ``note`` for a minor one."""
    from evalkit.gate import selects

    thresholds = report.get("settings", {}).get("thresholds", {})
    counted = any(failure["check"] == "major_findings" for failure in report["verdict"]["failures"])
    selected = selects(
        thresholds.get("fail_on", ()),
        (finding["type"], finding["severity"], finding.get("category", "other")),
    )
    if counted and selected:
        return "error"
    return "warning" if finding["severity"] == "major" else "note"


def finding_side(finding: dict[str, Any]) -> tuple[str, dict[str, Any] | None]:
    """The text a finding points at: the rewrite's words when it has them, else the original's."""
    if finding.get("rewrite"):
        return "rewrite", finding["rewrite"]
    return "original", finding.get("original")
