"""Paragraphs and sentences, as character ranges of the analysis view.

Sentence boundaries come from *sentencex* (Wikimedia's rule-based segmenter: abbreviations, initials,
decimals, quotations and ellipses, no model download; about 0.5 ms for an 800-word article, two orders of
magnitude faster than pysbd) applied one paragraph at a time, so a line break that ends a paragraph always
ends a sentence. Around it evalkit adds what news text needs: hard-wrapped paragraphs are rejoined, headings
and list items are their own units, and an over-long "sentence" (a text with no punctuation) is cut into
chunks of at most :data:`MAX_UNIT_WORDS` words at clause punctuation so no unit is ever truncated later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sentencex import get_sentence_boundaries

from evalkit import lexicon

#: A sentence longer than this many words is cut into chunks (flagged ``chunked``).
MAX_UNIT_WORDS = 120

_TERMINAL = tuple(".!?:;\"'”’)]…")
#: Characters that end a sentence (closing quotes included), used to tell prose lines from headings.
SENTENCE_END = tuple(".!?\"'”’…")
_WORD = re.compile(r"\w+(?:['’.\-]\w+)*", re.UNICODE)
_NEWLINE = re.compile(r"\r\n|\r|\n")
_CLAUSE_BREAK = re.compile(r"[;:,–—]\s+|\s+[-–—]\s+")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•▪◦‣+]|\d{1,3}[.)]|[a-zA-Z][.)])\s+")
_LIST_MARKER = re.compile(r"^\s*(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[.)]\s*$")
#: Full stops sentencex reads as an abbreviation's that end a sentence where a capital follows: "May" is a
#: month (or a name) written out, never shortened ("They meet in May. Sweden proposed it."), and "etc."
#: before a capital closes its list.
_MISSED_BREAK = re.compile(r"(?<![\w.])(?:May|etc)\.(?=\s+[\"“‘'(]?[A-Z])")


@dataclass(frozen=True, slots=True)
class Range:
    """A ``[start, end)`` range of the analysis view with what kind of unit it is."""

    start: int
    end: int
    heading: bool = False
    chunked: bool = False


def count_words(text: str) -> int:
    """Words as evalkit counts them for length limits (contractions and hyphenated words are one word)."""
    return len(_WORD.findall(text))


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, line terminators excluded."""
    lines: list[tuple[int, int]] = []
    position = 0
    for match in _NEWLINE.finditer(text):
        lines.append((position, match.start()))
        position = match.end()
    lines.append((position, len(text)))
    return lines


def _is_wrapped(text: str, block: list[tuple[int, int]]) -> bool:
    """Whether consecutive lines are one hard-wrapped paragraph rather than one paragraph per line."""
    if len(block) < 2:
        return False
    inner = [text[start:end].rstrip() for start, end in block[:-1]]
    if any(_LIST_ITEM.match(line) for line in inner):
        return False
    open_ended = sum(1 for line in inner if not line.endswith(_TERMINAL))
    mean_length = sum(len(line) for line in inner) / len(inner)
    return open_ended * 2 >= len(inner) and mean_length >= 30


def split_paragraphs(text: str) -> list[Range]:
    """Paragraphs: blocks between blank lines; within a block, one paragraph per line unless hard-wrapped."""
    paragraphs: list[Range] = []
    block: list[tuple[int, int]] = []

    def flush() -> None:
        if not block:
            return
        if _is_wrapped(text, block):
            paragraphs.append(_trimmed(text, block[0][0], block[-1][1]))
        else:
            paragraphs.extend(_trimmed(text, start, end) for start, end in block)
        block.clear()

    for start, end in _lines(text):
        if text[start:end].strip():
            block.append((start, end))
        else:
            flush()
    flush()
    return [paragraph for paragraph in paragraphs if paragraph.end > paragraph.start]


def _trimmed(text: str, start: int, end: int) -> Range:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Range(start, end)


def is_heading(text: str) -> bool:
    """A short line with no sentence-final punctuation: a title, heading or caption."""
    stripped = text.strip()
    return bool(stripped) and not stripped.endswith(_TERMINAL) and count_words(stripped) <= 15


def split_sentences(text: str, paragraph: Range, *, language: str = "en") -> list[Range]:
    """Sentences of one paragraph of ``text``, whitespace trimmed, over-long ones chunked."""
    body = text[paragraph.start : paragraph.end]
    if not lexicon.has_word(body):  # a rule ("***"), stray marks or underscores: nothing to score
        return []
    if is_heading(body) and "\n" not in body:
        return [Range(paragraph.start, paragraph.end, heading=True)]
    # a wrapped paragraph keeps its offsets: each line break becomes spaces of the same length
    flat = _NEWLINE.sub(lambda match: " " * len(match.group()), body)
    sentences: list[Range] = []
    marker: Range | None = None  # a list number ("1.") that sentencex split from its item
    for boundary in get_sentence_boundaries(language, flat):
        if boundary.get("is_paragraph_break"):
            continue
        piece = _trimmed(text, paragraph.start + boundary["start_index"], paragraph.start + boundary["end_index"])
        if piece.end <= piece.start:
            continue
        if _LIST_MARKER.match(text[piece.start : piece.end]):
            marker = marker or piece
            continue
        if marker is not None:
            piece, marker = Range(marker.start, piece.end), None
        if not lexicon.has_word(text[piece.start : piece.end]):  # nothing to score: part of the last sentence
            sentences = _extend_last(sentences, piece)
            continue
        for part in _missed_breaks(text, piece):
            sentences.extend(_chunk(text, part))
    if marker is not None:
        sentences = _extend_last(sentences, marker) if sentences else [marker]
    return sentences


def _missed_breaks(text: str, piece: Range) -> list[Range]:
    """``piece`` cut after each full stop sentencex took for an abbreviation's (:data:`_MISSED_BREAK`)."""
    parts: list[Range] = []
    start = piece.start
    for match in _MISSED_BREAK.finditer(text, piece.start, piece.end):
        parts.append(_trimmed(text, start, match.end()))
        start = match.end()
    parts.append(_trimmed(text, start, piece.end))
    return [part for part in parts if part.end > part.start]


def _extend_last(sentences: list[Range], piece: Range) -> list[Range]:
    """Attach a unit without words (a stray ellipsis, emoji) to the sentence before it."""
    if sentences:
        last = sentences[-1]
        sentences[-1] = Range(last.start, piece.end, last.heading, last.chunked)
    return sentences


def _chunk(text: str, piece: Range) -> list[Range]:
    """Cut a unit longer than :data:`MAX_UNIT_WORDS` words at clause breaks, else between words."""
    if piece.end - piece.start < 2 * MAX_UNIT_WORDS:  # words are separated: too short to hold more
        return [piece]
    words = list(_WORD.finditer(text, piece.start, piece.end))
    if len(words) <= MAX_UNIT_WORDS:
        return [piece]
    chunks: list[Range] = []
    start = piece.start
    index = 0
    while len(words) - index > MAX_UNIT_WORDS:
        limit = words[index + MAX_UNIT_WORDS - 1].end()
        floor = words[index + MAX_UNIT_WORDS // 2].start()
        cut = None
        for match in _CLAUSE_BREAK.finditer(text, floor, limit):
            cut = match.end()
        if cut is None:
            cut = words[index + MAX_UNIT_WORDS].start()
        chunk = _trimmed(text, start, cut)
        chunks.append(Range(chunk.start, chunk.end, chunked=True))
        start = cut
        while index < len(words) and words[index].start() < cut:
            index += 1
    tail = _trimmed(text, start, piece.end)
    if tail.end > tail.start:
        chunks.append(Range(tail.start, tail.end, chunked=True))
    return chunks
