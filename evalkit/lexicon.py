"""Word-level helpers shared by the metrics: word spans, content weights, light normalisation."""

from __future__ import annotations

import re
from functools import cache, lru_cache

_WORD = re.compile(r"\d+(?:[.,:/]\d+)*(?:st|nd|rd|th|s|%)?|[^\W\d_]+(?:['’\-][^\W\d_]+)*", re.UNICODE)


def _latin_letters(upper: bool) -> str:
    """The Latin letters of one case, ASCII first, then those with diacritics (Latin-1 Supplement, Latin
    Extended-A and -B, Latin Extended Additional: "Jägerskog", "Łódź", "Nguyễn"), as the body of a regex
    character class."""
    ranges = (range(0x41, 0x5B), range(0x61, 0x7B), range(0xC0, 0x250), range(0x1E00, 0x1F00))
    letters = (chr(code) for block in ranges for code in block)
    return "".join(c for c in letters if c.isalpha() and (c.isupper() if upper else c.islower()))


#: Bodies of regex character classes (``f"[{UPPER}]"``) for the Latin letters English text writes names
#: with: every pattern that looks for a capital or a lower-case letter uses these, not ``A-Z``/``a-z``, so
#: that a name with a diacritic is read whole.
UPPER = _latin_letters(upper=True)
LOWER = _latin_letters(upper=False)
LETTER = UPPER + LOWER

#: Latin letters that Unicode decomposition does not take to an ASCII letter.
_UNDECOMPOSED = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ħ": "h", "Ħ": "H", "ı": "i", "ß": "ss",
     "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D"}
)  # fmt: skip


@lru_cache(maxsize=65536)
def fold_diacritics(word: str) -> str:
    """``word`` without diacritics ("Jägerskog" -> "Jagerskog", "Łódź" -> "Lodz"): English-language style
    guides (AP, for one) drop them, so a name written with and without them is the same name. Text that
    is ASCII already comes back unchanged."""
    if word.isascii():
        return word
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", word.translate(_UNDECOMPOSED))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


#: Cap on a word's content weight (``9 - zipf``), reached by words wordfreq has never seen.
MAX_WEIGHT = 7.0


#: wordfreq's English "best" word list (its large list), read from the file wordfreq ships.
WORDLIST_FILE = "large_en.msgpack.gz"
#: What wordfreq's ``top_n_list`` leaves out: a number written with several digits.
_MULTI_DIGIT = re.compile(r"\d[\d.,]+")


@cache
def frequency_bands() -> tuple[tuple[str, ...], ...]:
    """wordfreq's English word list as its bands of equal frequency, most frequent first: band ``i`` holds
    the words of frequency ``10 ** (-i / 100)`` (wordfreq's "cBpack" format, Speer 2022).

    Read straight from the data file wordfreq ships, the way ``wordfreq.read_cBpack`` reads it, so that a
    run does not import wordfreq itself (langcodes, ftfy, regex: a quarter to half a second of every cold
    start); the same bands as ``wordfreq.get_frequency_list("en", "best")`` (tested)."""
    import gzip
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("wordfreq")
    folders = list(spec.submodule_search_locations or []) if spec else []
    path = Path(folders[0]) / "data" / WORDLIST_FILE if folders else None
    if path is None or not path.is_file():  # another layout: ask wordfreq
        from wordfreq import get_frequency_list

        return tuple(tuple(band) for band in get_frequency_list("en", wordlist="best"))
    import msgpack

    with gzip.open(path, "rb") as handle:
        data = msgpack.load(handle, raw=False)
    header = data[0]
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        raise RuntimeError(f"unexpected wordfreq data in {path}: {header!r}")
    return tuple(tuple(band) for band in data[1:])


@cache
def _frequencies() -> dict[str, float]:
    """Word -> frequency, as ``wordfreq.get_frequency_dict("en", "best")``."""
    frequencies: dict[str, float] = {}
    for index, band in enumerate(frequency_bands()):  # a word in two bands keeps the later one, as before
        frequencies.update(dict.fromkeys(band, 10 ** (-index / 100)))
    return frequencies


def most_frequent(count: int) -> list[str]:
    """The ``count`` most frequent English words, as ``wordfreq.top_n_list("en", count)``: in order of
    frequency, alphabetical within a band, numbers of several digits left out."""
    found: list[str] = []
    for band in frequency_bands():
        for word in band:
            if _MULTI_DIGIT.match(word) is None:
                found.append(word)
                if len(found) >= count:
                    return found
    return found


def has_word(text: str) -> bool:
    """Whether ``text`` holds a word the metrics score (an underscore or a symbol alone is not one)."""
    return _WORD.search(text) is not None


def word_spans(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of every word (letters, or a number with its separators) of ``text``."""
    return list(_word_spans(text))


@lru_cache(maxsize=4096)
def _word_spans(text: str) -> tuple[tuple[int, int], ...]:
    # meaning and drift both split every sentence into words
    return tuple(map(re.Match.span, _WORD.finditer(text)))


def zipf(word: str) -> float:
    """Zipf frequency of ``word`` in English (log10 of occurrences per billion words; 0 if unseen).

    From wordfreq (Speer, 2022), which pools Wikipedia, subtitles, news, books, web text and social media.
    """
    import math

    frequency = _frequencies().get(word.lower().replace("’", "'"))
    if not frequency:
        return 0.0
    return max(0.0, math.log10(frequency) + 9)


@lru_cache(maxsize=65536)
def content_weight(word: str) -> float:
    """How much a word carries: its information content ``-log10 p(word) = 9 - zipf``, capped at
    :data:`MAX_WEIGHT`. "the" weighs 1.3, "government" 3.4, a rare name 7; so content, names and numbers
    dominate and function words still count a little. It plays the part of BERTScore's idf weighting
    (Zhang et al., 2020) with frequencies from a large general corpus instead of the scored texts, so a
    pair's score never depends on what else is in the batch."""
    if not any(character.isalnum() for character in word):
        return 0.0
    frequency = zipf(word)
    return min(MAX_WEIGHT, 9.0 - frequency) if frequency > 0 else MAX_WEIGHT


_SUFFIXES = ("'s", "’s", "ies", "es", "s", "ed", "ing", "ly")
#: Names :func:`stem`'s rules in report signatures (lexical matching, alignment and drift all use it).
STEM_RULES = "light4"
#: The table of irregular verbs and nouns in ``evalkit/data`` that :func:`stem` reads.
IRREGULAR_FORMS = "irregular_forms.txt"
#: A two-letter base that lost its final "e" to "-ing"/"-ed"/"-es" ("using", "used", "aged", "iced"): a
#: vowel, then a consonant other than "w", "x" or "y" ("owed", "axed" and "eyed" stay as they are).
_SHORT_E = re.compile(r"([aeiou][b-df-hj-np-tvz])(?:ing|ed|es)")


@cache
def _irregular_lines() -> tuple[tuple[bool, str, tuple[str, ...]], ...]:
    """The lines of ``evalkit/data/irregular_forms.txt``: (in its verb section, base form, other forms)."""
    from evalkit._shipped import shipped_text

    lines: list[tuple[bool, str, tuple[str, ...]]] = []
    verbs = True
    for line in shipped_text(IRREGULAR_FORMS).splitlines():
        if line.startswith("# Nouns"):
            verbs = False
        words = line.split("#", 1)[0].split()
        if len(words) > 1:
            lines.append((verbs, words[0], tuple(form for form in words[1:] if form != words[0])))
    return tuple(lines)


@cache
def _irregular_forms() -> dict[str, str]:
    """The past forms of irregular verbs and the plurals of irregular nouns
    (``evalkit/data/irregular_forms.txt``), each with the stem of its base form: "gave", "given" -> the stem
    of "give"; "children" -> that of "child"."""
    forms: dict[str, str] = {}
    for _, base, others in _irregular_lines():
        stemmed = _regular_stem(base)
        forms.update((form, stemmed) for form in others)
    return forms


@cache
def irregular_verb_forms() -> frozenset[str]:
    """The past forms of the irregular verbs of ``evalkit/data/irregular_forms.txt`` ("gave", "given",
    "sold"): the other forms of each line of its verb section."""
    return frozenset(form for verb, _, others in _irregular_lines() if verb for form in others)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light, deterministic stem for lexical matching: plural, past, -ing and -ly stripped, with the
    spelling changes those suffixes bring undone alike for every form, so "agree", "agreed", "agrees" and
    "agreeing", "close" and "closes", "stop" and "stopped", "study" and "studied" share a stem: a final
    "e" that "-ed"/"-es" absorb is dropped from the other forms, a doubled final consonant is undoubled, and
    the "i" of "-ied" is read as "y". The past forms of irregular verbs and the plurals of irregular nouns
    get the stem of their base form ("gave", "given" as "give", "children's" as "child";
    :func:`_irregular_forms`)."""
    lower = word.lower()
    forms = _irregular_forms()
    irregular = forms.get(lower[:-2] if lower.endswith(("'s", "’s")) else lower)
    return irregular if irregular is not None else _regular_stem(lower)


def _regular_stem(lower: str) -> str:
    """:func:`stem` of a lower-case word by the suffix rules alone."""
    base, suffix = lower, ""
    for ending in _SUFFIXES:
        if lower.endswith(ending) and len(lower) - len(ending) >= 3:
            base, suffix = lower[: -len(ending)], ending
            break
    else:
        short = _SHORT_E.fullmatch(lower)
        if short is not None:
            return short.group(1) + "e"  # using, used -> use (as use); aged, iced -> age, ice
    if suffix == "ies":
        return base + "y"
    if not base.isalpha():
        return base
    if suffix == "ed" and base.endswith("i"):
        return base[:-1] + "y"  # studied -> study
    if len(base) >= 4:
        if base[-1] == "e" and suffix not in ("ed", "es"):
            base = base[:-1]  # agree, agreeing, completely -> agre, complet (as agreed, agrees)
        elif base[-1] == base[-2] and base[-1] not in "aeiou":
            base = base[:-1]  # stopped, calls -> stop, cal (as stop, call)
    return base
