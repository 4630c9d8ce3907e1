"""A text prepared for scoring: analysis view, ignored spans, paragraphs and sentences with offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from evalkit import boilerplate, segment
from evalkit.errors import InputError
from evalkit.io import TextFormat, TextSource, damage_warnings
from evalkit.markup import AnalysisView, analysis_view
from evalkit.spans import IgnoredSpan, TextSpan, merge_ignored

# the commonest English function words: a text where almost none occur is probably not English
_ENGLISH_FUNCTION_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "a",
        "in",
        "is",
        "that",
        "it",
        "for",
        "on",
        "was",
        "with",
        "as",
        "he",
        "be",
        "by",
        "at",
        "are",
        "this",
        "his",
        "from",
        "or",
        "an",
        "have",
        "not",
        "they",
        "which",
        "but",
        "you",
        "were",
        "had",
        "her",
        "she",
        "their",
        "has",
        "been",
        "we",
        "its",
        "one",
        "there",
        "all",
        "would",
        "will",
        "who",
        "so",
        "can",
        "said",
    ]
)
_LATIN_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence (or heading, or chunk of an over-long sentence).

    ``start``/``end`` are offsets into the input text; ``text`` is the analysed text (markup removed), which
    equals ``input[start:end]`` for plain text.
    """

    index: int
    start: int
    end: int
    text: str
    paragraph: int
    view_start: int
    view_end: int
    heading: bool = False
    chunked: bool = False


@dataclass(frozen=True)
class Document:
    """One side of a pair, ready for every metric.

    Build it with :meth:`from_source` or :meth:`from_text`; it refuses texts with nothing to score.
    """

    text: str
    name: str
    format: TextFormat
    view: AnalysisView = field(repr=False)
    ignored: tuple[IgnoredSpan, ...]
    sentences: tuple[Sentence, ...]
    paragraph_count: int
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()

    @classmethod
    def from_text(
        cls, text: str, *, name: str = "<text>", text_format: TextFormat = "text", language: str = "en"
    ) -> Document:
        return cls.from_source(TextSource(text, name, text_format, "utf-8"), language=language)

    @classmethod
    def from_source(cls, source: TextSource, *, language: str = "en") -> Document:
        text, name = source.text, source.name
        if not text:
            raise InputError(name, "is empty")
        if not text.strip():
            raise InputError(name, "contains only whitespace")
        view = analysis_view(text, source.format)
        paragraphs = segment.split_paragraphs(view.text)
        reasons = boilerplate.find_ignored(view.text, paragraphs)
        ignored = list(view.ignored)
        sentences: list[Sentence] = []
        kept_paragraphs = 0
        seen_body = False
        for index, paragraph in enumerate(paragraphs):
            if index in reasons:
                start, end = view.input_span(paragraph.start, paragraph.end)
                ignored.append(IgnoredSpan(start, end, reasons[index]))
                continue
            body = view.text[paragraph.start : paragraph.end]
            if not seen_body and body.rstrip().endswith(segment.SENTENCE_END):
                seen_body = True
                cut = boilerplate.dateline_length(body)
                if cut:
                    start, end = view.input_span(paragraph.start, paragraph.start + cut)
                    ignored.append(IgnoredSpan(start, end, "dateline"))
                    paragraph = segment.Range(paragraph.start + cut, paragraph.end)
            units = segment.split_sentences(view.text, paragraph, language=language)
            if units:
                kept_paragraphs += 1
            for unit in units:
                start, end = view.input_span(unit.start, unit.end)
                sentences.append(
                    Sentence(
                        index=len(sentences),
                        start=start,
                        end=end,
                        text=_normalise_space(view.text[unit.start : unit.end]),
                        paragraph=kept_paragraphs - 1,
                        view_start=unit.start,
                        view_end=unit.end,
                        heading=unit.heading,
                        chunked=unit.chunked,
                    )
                )
        if not sentences:
            what = "markup and boilerplate" if ignored else "punctuation"
            raise InputError(name, f"has no words to score (only {what})")
        warnings = [*source.warnings, *damage_warnings(text, name)]
        if not _looks_english(" ".join(sentence.text for sentence in sentences)):
            warnings.append(
                f"{name}: does not look like English; the readability formulas and word lists are for English"
            )
        return cls(
            text=text,
            name=name,
            format=source.format,
            view=view,
            ignored=merge_ignored(ignored),
            sentences=tuple(sentences),
            paragraph_count=kept_paragraphs,
            encoding=source.encoding,
            warnings=tuple(warnings),
        )

    def span(self, view_start: int, view_end: int) -> TextSpan:
        """The input span behind a range of the analysis view, with its text as the input has it."""
        start, end = self.view.input_span(view_start, view_end)
        return TextSpan(self.text[start:end], start, end)

    def sentence_span(self, sentence: Sentence, start: int, end: int) -> TextSpan:
        """The input span of characters ``[start, end)`` of ``sentence.text`` (whitespace is normalised
        in ``sentence.text``, so offsets are resolved against the view)."""
        view_start, view_end = _locate(self.view.text, sentence, start, end)
        return self.span(view_start, view_end)

    @cached_property
    def content_text(self) -> str:
        """The scored text: sentences joined by newlines (ignored parts left out)."""
        return "\n".join(sentence.text for sentence in self.sentences)

    @property
    def body_sentences(self) -> tuple[Sentence, ...]:
        """Sentences without headings."""
        return tuple(sentence for sentence in self.sentences if not sentence.heading)


_SPACE = re.compile(r"\s+")


def _normalise_space(text: str) -> str:
    if "  " not in text and text.isprintable():  # its only whitespace is single spaces: nothing to replace
        return text.strip()
    return _SPACE.sub(" ", text).strip()


def _locate(view_text: str, sentence: Sentence, start: int, end: int) -> tuple[int, int]:
    """Map offsets in the whitespace-normalised sentence text back to the analysis view."""
    raw = view_text[sentence.view_start : sentence.view_end]
    if raw == sentence.text:
        return sentence.view_start + start, sentence.view_start + end
    mapping: list[int] = []
    previous_space = False
    for offset, character in enumerate(raw):
        if character.isspace():
            if not previous_space and mapping:
                mapping.append(offset)
            previous_space = True
        else:
            mapping.append(offset)
            previous_space = False
    if not mapping:
        return sentence.view_start, sentence.view_start
    mapping.append(mapping[-1] + 1)
    start = min(max(start, 0), len(mapping) - 1)
    end = min(max(end, start), len(mapping) - 1)
    view_end = mapping[end - 1] + 1 if end > start else mapping[start]
    return sentence.view_start + mapping[start], sentence.view_start + view_end


def _looks_english(text: str) -> bool:
    total_words = len(text.split())
    if total_words < 12:
        return True
    words = _LATIN_WORD.findall(text)
    if len(words) < total_words * 0.5:
        return False
    function_words = sum(map(_ENGLISH_FUNCTION_WORDS.__contains__, map(str.lower, words)))
    return function_words >= 0.12 * len(words)
