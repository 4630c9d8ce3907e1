"""Readability of both texts and the gain from original to rewrite.

The headline ``gain`` is in **US school grade levels**: the rewrite's estimated grade subtracted from the
original's, so ``gain > 0`` means the rewrite is easier to read and ``gain = 2`` means it reads two school
years earlier. The estimated grade of a text is the median of six grade-scale formulas (Flesch–Kincaid,
SMOG, Gunning fog, Coleman–Liau, ARI, Dale–Chall on the grade scale): a median is robust to the one formula
a given text fools (SMOG on a three-sentence text, Coleman–Liau on names).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import reduce
from typing import Any

from evalkit.document import Document, Sentence
from evalkit.errors import InputError
from evalkit.readability import formulas
from evalkit.readability.features import Mark, SentenceFeatures, defined_acronyms, sentence_features

GAIN_UNIT = "US grade levels (original's estimated grade minus the rewrite's; > 0: the rewrite is easier)"
#: How many of the rewrite's hardest sentences a report lists.
HARDEST_LISTED = 5


@dataclass(frozen=True, slots=True)
class SentenceReadability:
    """One sentence's difficulty and what makes it hard."""

    index: int
    start: int
    end: int
    words: int
    grade: float
    features: SentenceFeatures

    def reasons(self) -> list[str]:
        reasons = []
        if self.words > formulas.LONG_SENTENCE_WORDS:
            reasons.append(f"{self.words} words (over {formulas.LONG_SENTENCE_WORDS})")
        for label, marks in (
            ("passive voice", self.features.passive),
            ("unexplained acronym", self.features.acronyms),
            ("nominalisation", self.features.nominalisations),
            ("long word", self.features.long_words),
        ):
            if marks:
                shown = ", ".join(f"'{mark.text}'" for mark in marks[:3])
                reasons.append(f"{label}{'s' if len(marks) > 1 else ''}: {shown}")
        return reasons


@dataclass(frozen=True, slots=True)
class TextReadability:
    """Formulas and plain-language features of one text."""

    scores: dict[str, float]
    counts: formulas.TextCounts
    sentences: tuple[SentenceReadability, ...]

    @property
    def estimated_grade(self) -> float:
        return self.scores["consensus_grade"]

    def to_dict(self) -> dict[str, Any]:
        counts = self.counts
        features = [sentence.features for sentence in self.sentences]

        def share(marks: Sequence[tuple[Mark, ...]]) -> float:
            return _round(sum(len(m) for m in marks) / counts.words)

        result: dict[str, Any] = {name: _round(value) for name, value in self.scores.items()}
        lengths = sorted(sentence.words for sentence in self.sentences)
        result.update(
            {
                "avg_sentence_words": _round(counts.words / counts.sentences),
                "long_sentence_share": _round(counts.long_sentences / counts.sentences),
                "estimated_grade": _round(self.estimated_grade),
                "sentence_words": {
                    "median": lengths[len(lengths) // 2],
                    "p90": lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))],
                    "max": lengths[-1],
                },
                "syllables_per_word": _round(counts.syllables / counts.words),
                "unfamiliar_word_share": _round(counts.unfamiliar_words / counts.words),
                "long_word_share": _round(counts.polysyllables / counts.words),
                "passive_sentence_share": _round(
                    sum(1 for f in features if f.passive) / counts.sentences
                ),
                "nominalisation_share": share([f.nominalisations for f in features]),
                "unexplained_acronyms": sorted({m.text for f in features for m in f.acronyms}),
            }
        )
        return result


@dataclass(frozen=True, slots=True)
class ReadabilityResult:
    original: TextReadability
    rewrite: TextReadability
    gain: float
    hardest: tuple[SentenceReadability, ...]  # the rewrite's hardest sentences, hardest first
    rewrite_document: Document

    def to_dict(self) -> dict[str, Any]:
        document = self.rewrite_document
        return {
            "original": self.original.to_dict(),
            "rewrite": self.rewrite.to_dict(),
            "gain": _round(self.gain),
            "gain_unit": GAIN_UNIT,
            "hardest_sentences": [
                {
                    "index": sentence.index,
                    "start": sentence.start,
                    "end": sentence.end,
                    "text": document.text[sentence.start : sentence.end],
                    "grade": _round(sentence.grade),
                    "words": sentence.words,
                    "reasons": sentence.reasons(),
                }
                for sentence in self.hardest
            ],
        }


def _round(value: float) -> float:
    return round(float(value), 4)


def _sentence_readability(
    sentence: Sentence, counts: formulas.TextCounts, defined: frozenset[str]
) -> SentenceReadability:
    return SentenceReadability(
        index=sentence.index,
        start=sentence.start,
        end=sentence.end,
        words=counts.words,
        grade=formulas.flesch_kincaid_grade(counts) if counts.words else 0.0,
        features=sentence_features(sentence.text, defined=defined),
    )


def assess_text(document: Document) -> TextReadability:
    """Formulas over the whole scored text, and features per sentence."""
    per_sentence = [formulas.count_sentence(sentence.text) for sentence in document.sentences]
    totals = reduce(lambda a, b: a + b, per_sentence)
    if totals.words == 0:
        # a text of numbers and symbols only: every formula is undefined; the document has words though
        raise InputError(document.name, "has no words that the readability formulas can count")
    defined = defined_acronyms(sentence.text for sentence in document.sentences)
    sentences = tuple(
        _sentence_readability(sentence, counts, defined)
        for sentence, counts in zip(document.sentences, per_sentence, strict=True)
    )
    return TextReadability(scores=formulas.battery(totals), counts=totals, sentences=sentences)


def assess_readability(original: Document, rewrite: Document) -> ReadabilityResult:
    """Readability of both texts and the headline gain (see the module docstring for its unit)."""
    before = assess_text(original)
    after = assess_text(rewrite)
    hardest = sorted(
        (sentence for sentence in after.sentences if sentence.words > 0),
        key=lambda sentence: (-sentence.grade, sentence.index),
    )[:HARDEST_LISTED]
    return ReadabilityResult(
        original=before,
        rewrite=after,
        gain=before.estimated_grade - after.estimated_grade,
        hardest=tuple(hardest),
        rewrite_document=rewrite,
    )
