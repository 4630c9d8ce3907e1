"""The classic readability formulas: one pure function each, coefficients as data.

Counting is textstat's (words, syllables with the CMU dictionary, letters, the Dale–Chall easy-word list),
so every formula gives textstat's value whenever textstat finds the same sentences. The sentence count is
evalkit's: textstat discards every sentence of two words or fewer ("He left."), which lowers the sentence
count, lengthens the average sentence and inflates the grade of exactly the terse plain English a rewrite
aims for. evalkit counts every sentence its segmenter finds (headings included: they are read too).

Formulas raise :class:`ValueError` on a text with no words instead of returning ``0.0`` as textstat does:
an empty text has no grade. :class:`~evalkit.document.Document` never produces one.
"""

from __future__ import annotations

import itertools
import math
import operator
import re
from collections.abc import Iterable
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Final

from evalkit.readability.words import WORD_CACHE_SIZE, formula_words, word_info

LANG: Final = "en"
#: A sentence longer than this many words counts as long (GOV.UK: "split up sentences that are over 25
#: words long").
LONG_SENTENCE_WORDS: Final = 25
#: Syllables from which a word is polysyllabic (SMOG) or complex (Gunning fog).
POLYSYLLABLE: Final = 3
#: Letters beyond which a word is long for LIX.
LIX_LONG_WORD_LETTERS: Final = 6


@dataclass(frozen=True, slots=True)
class TextCounts:
    """Everything the formulas need, countable per sentence and summable over a text."""

    sentences: int
    words: int
    tokens_with_punctuation: int  # textstat's word count with punctuation-only tokens (ARI)
    syllables: int
    letters: int
    characters: int  # non-space characters (ARI)
    polysyllables: int  # words of 3+ syllables (SMOG)
    fog_hard_words: int  # not on the easy-word list and 3+ syllables (Gunning fog)
    unfamiliar_words: int  # not on the Dale–Chall easy-word list
    long_sentences: int
    long_letter_words: int = 0  # words of more than 6 letters (LIX)

    def __add__(self, other: TextCounts) -> TextCounts:
        return TextCounts.total((self, other))

    @staticmethod
    def total(parts: Iterable[TextCounts]) -> TextCounts:
        """The counts of a text from the counts of its sentences."""
        values = _COUNT_VALUES
        return TextCounts(*(sum(column) for column in zip(*(values(part) for part in parts), strict=True)))


_COUNT_VALUES = operator.attrgetter(*(f.name for f in fields(TextCounts)))
_NOT_WORD_CHARACTER = re.compile(r"\W+")


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _word_counts(word: str) -> tuple[int, int, int, int, int]:
    """One word's syllables, polysyllables, unfamiliar words, fog hard words and long-letter words."""
    info = word_info(word.lower())
    polysyllable = info.syllables >= POLYSYLLABLE
    return (
        info.syllables,
        polysyllable,
        not info.easy,
        not info.easy and polysyllable,
        len(word.replace("'", "")) > LIX_LONG_WORD_LETTERS,
    )


def count_sentence(text: str) -> TextCounts:
    """Counts for one sentence, as textstat's counters give them (each word analysed once: see
    :mod:`evalkit.readability.words`)."""
    words = formula_words(text)
    tokens = text.split()  # on whitespace, as ``\s`` is
    syllables, polysyllables, unfamiliar, fog_hard, long_letter = (
        map(sum, zip(*map(_word_counts, words), strict=True)) if words else (0, 0, 0, 0, 0)
    )
    return TextCounts(
        sentences=1,
        words=len(words),
        tokens_with_punctuation=len(tokens),
        syllables=syllables,
        letters=len(_NOT_WORD_CHARACTER.sub("", text)),
        characters=sum(map(len, tokens)),
        polysyllables=polysyllables,
        fog_hard_words=fog_hard,
        unfamiliar_words=unfamiliar,
        long_sentences=int(len(words) > LONG_SENTENCE_WORDS),
        long_letter_words=long_letter,
    )


def _require_words(counts: TextCounts) -> None:
    if counts.words <= 0 or counts.sentences <= 0:
        raise ValueError("a readability formula needs at least one word in one sentence")


def words_per_sentence(counts: TextCounts) -> float:
    _require_words(counts)
    return counts.words / counts.sentences


#: Flesch (1948), "A new readability yardstick", J. Applied Psychology 32(3).
FLESCH_READING_EASE: Final = {"base": 206.835, "sentence_length": 1.015, "syllables_per_word": 84.6}


def flesch_reading_ease(counts: TextCounts) -> float:
    """Flesch reading ease: 0–100 (higher is easier; can leave that range)."""
    c = FLESCH_READING_EASE
    return (
        c["base"]
        - c["sentence_length"] * words_per_sentence(counts)
        - c["syllables_per_word"] * counts.syllables / counts.words
    )


#: Kincaid, Fishburne, Rogers & Chissom (1975), Research Branch Report 8-75, US Navy.
FLESCH_KINCAID_GRADE: Final = {"sentence_length": 0.39, "syllables_per_word": 11.8, "constant": -15.59}


def flesch_kincaid_grade(counts: TextCounts) -> float:
    """Flesch–Kincaid grade level (US school grade)."""
    c = FLESCH_KINCAID_GRADE
    return (
        c["sentence_length"] * words_per_sentence(counts)
        + c["syllables_per_word"] * counts.syllables / counts.words
        + c["constant"]
    )


#: McLaughlin (1969), "SMOG grading — a new readability formula", J. Reading 12(8).
SMOG: Final = {"factor": 1.043, "sample_sentences": 30, "constant": 3.1291}


def smog_index(counts: TextCounts) -> float:
    """SMOG grade: from polysyllabic words per 30 sentences."""
    _require_words(counts)
    c = SMOG
    return c["factor"] * math.sqrt(counts.polysyllables * c["sample_sentences"] / counts.sentences) + c["constant"]


#: Gunning (1952), "The Technique of Clear Writing".
GUNNING_FOG: Final = {"factor": 0.4}


def gunning_fog(counts: TextCounts) -> float:
    """Gunning fog index: 0.4 × (words per sentence + percentage of hard words)."""
    return GUNNING_FOG["factor"] * (words_per_sentence(counts) + 100 * counts.fog_hard_words / counts.words)


#: Coleman & Liau (1975), "A computer readability formula designed for machine scoring", J. Appl. Psych. 60.
COLEMAN_LIAU: Final = {"letters": 0.058, "sentences": 0.296, "constant": -15.8}


def coleman_liau_index(counts: TextCounts) -> float:
    """Coleman–Liau index: from letters and sentences per 100 words."""
    _require_words(counts)
    c = COLEMAN_LIAU
    letters = 100 * counts.letters / counts.words
    sentences = 100 * counts.sentences / counts.words
    return c["letters"] * letters - c["sentences"] * sentences + c["constant"]


#: Senter & Smith (1967), "Automated Readability Index", AMRL-TR-66-220, Wright-Patterson AFB.
ARI: Final = {"characters_per_word": 4.71, "words_per_sentence": 0.5, "constant": -21.43}


def automated_readability_index(counts: TextCounts) -> float:
    """Automated readability index (US grade)."""
    _require_words(counts)
    c = ARI
    per_word = counts.characters / max(counts.tokens_with_punctuation, 1)
    return c["characters_per_word"] * per_word + c["words_per_sentence"] * words_per_sentence(counts) + c["constant"]


#: Dale & Chall (1948), "A formula for predicting readability", Educational Research Bulletin 27; the
#: adjustment 3.6365 applies when more than 5% of words are unfamiliar.
DALE_CHALL: Final = {"unfamiliar": 0.1579, "sentence_length": 0.0496, "adjustment": 3.6365, "threshold": 5.0}


def dale_chall(counts: TextCounts) -> float:
    """Dale–Chall readability score (4.9 or lower: grade 4; 9.0–9.9: grades 13–15)."""
    c = DALE_CHALL
    unfamiliar = 100 * counts.unfamiliar_words / max(counts.words, 1)
    score = c["unfamiliar"] * unfamiliar + c["sentence_length"] * words_per_sentence(counts)
    return score + c["adjustment"] if unfamiliar > c["threshold"] else score


def dale_chall_grade(score: float) -> float:
    """A Dale–Chall score on the grade scale, by linear interpolation of Dale & Chall's table
    (≤4.9 → 4, 5.0–5.9 → 5.5, 6.0–6.9 → 7.5, 7.0–7.9 → 9.5, 8.0–8.9 → 11.5, 9.0–9.9 → 14, ≥10 → 16)."""
    points = ((4.9, 4.0), (5.45, 5.5), (6.45, 7.5), (7.45, 9.5), (8.45, 11.5), (9.45, 14.0), (10.0, 16.0))
    if score <= points[0][0]:
        return points[0][1]
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        if score <= x1:
            return y0 + (y1 - y0) * (score - x0) / (x1 - x0)
    return points[-1][1]


#: Björnsson (1968), *Läsbarhet*, Stockholm: Liber. LIX = words per sentence + percentage of long words.
LIX: Final = {"percent": 100.0}


def lix(counts: TextCounts) -> float:
    """LIX (Läsbarhetsindex): about 20 very easy, 40 standard prose, 60 very hard."""
    return words_per_sentence(counts) + LIX["percent"] * counts.long_letter_words / counts.words


#: The grade-scale formulas whose median is the consensus grade.
GRADE_FORMULAS: Final = (
    "flesch_kincaid_grade",
    "smog_index",
    "gunning_fog",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall_grade",
)


def battery(counts: TextCounts) -> dict[str, float]:
    """Every formula for one text, plus its words per sentence and share of long sentences."""
    chall = dale_chall(counts)
    scores = {
        "flesch_kincaid_grade": flesch_kincaid_grade(counts),
        "flesch_reading_ease": flesch_reading_ease(counts),
        "smog_index": smog_index(counts),
        "gunning_fog": gunning_fog(counts),
        "coleman_liau_index": coleman_liau_index(counts),
        "automated_readability_index": automated_readability_index(counts),
        "dale_chall": chall,
        "dale_chall_grade": dale_chall_grade(chall),
        "lix": lix(counts),
    }
    grades = sorted(scores[name] for name in GRADE_FORMULAS)
    middle = len(grades) // 2
    scores["consensus_grade"] = (grades[middle - 1] + grades[middle]) / 2
    return scores
