"""Words as the readability formulas see them, analysed once each.

:func:`formula_words` splits a sentence exactly as textstat's ``list_words`` does (punctuation removed,
apostrophes of English contractions kept), so every count built from it equals textstat's. What the
formulas and the plain-language checks want to know about a word — its syllables (textstat's counter:
the CMU Pronouncing Dictionary, then pyphen), whether it is on the Dale–Chall list of familiar words,
how frequent it is — is computed once per distinct word and kept in a bounded cache: textstat's own
caches hold 128 entries, so it recounts the same words over and over on a long text.

Vocabulary size (:func:`lemma_rank`) follows the CEFR vocabulary studies, which count *lemmas* (a word and
its inflections): Milton & Alexiou (2009), "Vocabulary size and the Common European Framework of Reference
for Languages", in Richards et al. (eds.), *Vocabulary Studies in First and Second Language Acquisition*,
Palgrave, 194–211. The ranks come from wordfreq's English list (Speer, 2022) with regular inflections
(-s, -es, -ies, -ed, -ing, -er, -est) folded into the more frequent base form already seen.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from evalkit import lexicon
from evalkit.readability._textstat import backend, cmu_dictionary

LANG = "en"
#: Distinct words whose analysis is kept (about 30 MB at most).
WORD_CACHE_SIZE = 200_000
#: How many of wordfreq's most frequent English word forms are ranked (beyond them a word is "rare").
RANKED_FORMS = 40_000
#: Rank given to a word outside the ranked forms.
UNRANKED = RANKED_FORMS + 1


@cache
def _punctuation() -> tuple[re.Pattern[str], re.Pattern[str]]:
    backend()  # textstat must be loaded through evalkit's offline wiring first (no nltk)
    from textstat.backend.utils.constants import RE_NONCONTRACTION_APOSTROPHE

    return re.compile(RE_NONCONTRACTION_APOSTROPHE), re.compile(r"[^\w\s\']")


def formula_words(text: str) -> list[str]:
    """textstat's ``list_words(text)``: punctuation removed, contraction apostrophes kept, split on space."""
    return list(_formula_words(text))


@lru_cache(maxsize=4096)
def _formula_words(text: str) -> tuple[str, ...]:
    # the counts, the plain-language features and the simplicity model each split every sentence
    apostrophe, punctuation = _punctuation()
    return tuple(punctuation.sub("", apostrophe.sub("", text)).split())


@dataclass(frozen=True, slots=True)
class WordInfo:
    """What the formulas and checks need about one word (lowercased)."""

    syllables: int
    easy: bool  # on the Dale–Chall list of 3,000 familiar words (textstat's copy), as the formulas use it
    familiar: bool  # on that list, or a regular inflection of a word on it ("wants", "makes")
    zipf: float  # wordfreq Zipf frequency; 0 for a word wordfreq has never seen
    rank: int  # lemma frequency rank (1 = most frequent); UNRANKED beyond RANKED_FORMS


@cache
def _easy_words() -> frozenset[str]:
    return frozenset(backend().utils.get_lang_easy_words(LANG))


@lru_cache(maxsize=WORD_CACHE_SIZE)
def word_info(lower: str) -> WordInfo:
    """The analysis of one lowercased word (as produced by :func:`formula_words`, then lowercased)."""
    from evalkit.lexicon import zipf

    easy = lower in _easy_words()
    return WordInfo(
        syllables=_syllables(lower),
        easy=easy,
        familiar=easy or any(base in _easy_words() for base in _base_candidates(lower)),
        zipf=zipf(lower),
        rank=lemma_rank(lower),
    )


def _syllables(lower: str) -> int:
    """textstat's ``count_syllables(lower)``. A lowercase word of letters only is its own one list word there,
    so when the CMU dictionary has it, its vowel phones (stress digit last) are counted here directly."""
    if lower.isalpha() and lower.lower() == lower:
        phones = cmu_dictionary().get(lower)
        if phones is not None:
            return sum(1 for phone in phones[0] if phone[-1].isdigit())
    return int(backend().counts.count_syllables(lower, LANG))


_INFLECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ies", ("y",)),
    ("ied", ("y",)),
    ("ier", ("y",)),
    ("iest", ("y",)),
    ("s", ("",)),
    ("es", ("",)),
    ("ed", ("e", "", "-")),
    ("ing", ("e", "", "-")),
    ("er", ("e", "", "-")),
    ("est", ("e", "", "-")),
    ("'s", ("",)),
)


#: The inflections above grouped by their suffix's last letter (in their order), so a word is only tested
#: against the suffixes it could end with.
_INFLECTIONS_BY_LAST: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    last: tuple(inflection for inflection in _INFLECTIONS if inflection[0][-1] == last)
    for last in {suffix[-1] for suffix, _ in _INFLECTIONS}
}


def _base_candidates(form: str) -> list[str]:
    """Possible base forms of a regularly inflected word ("-" = undo a doubled consonant)."""
    found: list[str] = []
    for suffix, replacements in _INFLECTIONS_BY_LAST.get(form[-1:], ()):
        if form.endswith(suffix) and len(form) - len(suffix) >= 2:
            stem = form[: -len(suffix)]
            for replacement in replacements:
                if replacement == "-":
                    if len(stem) >= 3 and stem[-1] == stem[-2]:
                        found.append(stem[:-1])
                else:
                    found.append(stem + replacement)
    return found


@cache
def _lemma_ranks() -> dict[str, int]:
    ranks: dict[str, int] = {}
    lemmas = 0
    for form in lexicon.most_frequent(RANKED_FORMS):
        if not form.replace("'", "").isalpha() or form in ranks:
            continue
        for candidate in _base_candidates(form):
            if candidate in ranks:
                ranks[form] = ranks[candidate]
                break
        else:
            lemmas += 1
            ranks[form] = lemmas
    return ranks


def lemma_rank(lower: str) -> int:
    """Frequency rank of the lemma of a lowercased word (1 = "the"); :data:`UNRANKED` if not among the
    :data:`RANKED_FORMS` most frequent forms. An inflected form wordfreq does not rank takes its base's
    rank."""
    ranks = _lemma_ranks()
    word = lower.replace("’", "'")
    rank = ranks.get(word)
    if rank is None:
        rank = next((ranks[c] for c in _base_candidates(word) if c in ranks), UNRANKED)
    return rank


def share_beyond(ranks: Sequence[int], size: int) -> float:
    """The share of lemma ``ranks`` (in increasing order) beyond the ``size`` most frequent lemmas; 0.0 for
    none."""
    return (len(ranks) - bisect.bisect_right(ranks, size)) / len(ranks) if ranks else 0.0
