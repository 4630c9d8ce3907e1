"""Matching facts across an original and its rewrite.

Each original sentence has a *region* (the rewrite sentences aligned to it plus the most similar one, shared
with the meaning metric) and an *alignment group* (the aligned sentences alone). Per category (number,
date, name, quote), in this order:

1. *kept locally*: an original fact with an equal fact in its region;
2. *changed*: an original fact not kept locally, paired with a compatible rewrite fact that has no equal in
   its own region and cannot be an original fact that moved — in the same alignment group, or elsewhere in
   the region when the two are alike ("1,240 pupils" / "1,420 children", "3 March" / "10 March"); best
   pairs first (the nearest spelling for names, the most shared words for quotations, the same unit word
   and the nearest position for numbers and dates);
3. *kept elsewhere*: an original fact with an equal fact anywhere in the rewrite (a fact that moved, or a
   name mentioned again), or an acronym the rewrite spells out ("FSM" / "free school meals"), or a name the
   rewrite writes as it is where its context made it no name there ("“Down with Paes" / "said Revolution,
   Down with Paes"), or a number in words its aligned sentences write as it is where their context made it
   no number ("sign up first" / "the first to sign up"); otherwise it was *dropped*;
4. a rewrite fact nobody matched is *added* (with the same exceptions the other way) — unless it is a
   near-miss spelling of a name anywhere in the original, or a lost number with its digits slipped
   ("1,240" / "1,420"), which makes it *changed*;
5. a name of several words with one word misspelt or replaced ("Sam Amsp" / "Sam Amps", "Ian Spiers" /
   "Hugo Spiers"; the same region first, then anywhere) is *changed*, even where a shorter mention ("Sam")
   accounts for it.

One rewrite number keeps one original number: where two keep the same one ("6 of 18 men … six of 24 women"
for "12 of 18 men … six of 24 women"), the one written otherwise is compared with the number left over.

Equal facts in other words match: "5" = "five", "$5m" = "5 million dollars", "4,891" ~ "about 5,000" (a
figure announced as rounded, or rounded to fewer significant digits within 5 %; not a bound moved: "adults
over 65" / "adults over 60", :func:`_threshold_moved`), "three months" = "quarterly"
(:func:`said_as_frequency`), "11,000 ft" ~ "3,350
metres", "half" = "50%", "trebled" = "three times", "June 26" = "26 June" = "June" (a less specific date),
"3 o'clock" = "3pm", "U.S." = "United States", "Biden" = "Joe Biden", "Japanese" = "Japan", "Beijing" =
"China" (a capital for its government), a quotation = a shorter run of its words, or the same words but
for function words, contractions and the writer's words in square brackets. In aligned sentences, a fact
said as another kind of fact is kept too: "in the last 30 years" = "30 years ago", "the past decade" =
"the past ten years", "three widths" = "three times" (:func:`_kept_in_another_form`); "six months" = "half
a year"; an amount per one period of time = the same amount over a year per another ("£8 a month" = "£96 a
year", :func:`_same_amount_over_time`); a share the rewrite says as the part it comes to ("240 homes, of
which 30%" / "72 of them", :func:`_derived_shares`); and a figure worked out as the original sets it up
("3.2 million, 400,000 more than the year before" / "up from 2.8 million", :func:`_worked_out`). A figure
kept with another unit is changed ("4 miles" / "4 kilometres", :func:`_unit_changes`). A quotation the
rewrite only shortens is *dropped* detail, not *changed*.

Negations and modal verbs are compared within alignment groups (:mod:`evalkit.drift.polarity`).
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Literal, NamedTuple

from evalkit import lexicon
from evalkit.drift.facts import (
    CONVERSIONS,
    FUNCTION_WORDS,
    GENERIC_NAME_WORDS,
    MODALS,
    ORDINALS,
    TENS,
    TITLES,
    UNITS,
    Fact,
    content_stems,
    entity,
    paired_words,
    significant_digits,
    stem,
)
from evalkit.drift.gazetteer import gazetteer

MatchType = Literal["dropped", "changed", "added"]
_APPROXIMATORS = re.compile(
    r"\b(?:about|around|roughly|nearly|almost|approximately|some|over|more than|less than|fewer than|"
    r"up to|at least|under|close to|just over|just under|an estimated|estimated|more|less)\s*$",
    re.IGNORECASE,
)
#: Spelling similarity (difflib ratio) from which two different names are the same name misspelt.
NEAR_MISS = 0.75
#: Words of two quotations in common (share of the shorter one) from which one is the other reworded.
QUOTE_OVERLAP = 0.4


@dataclass(frozen=True, slots=True)
class Match:
    """A finding in the making: the fact on each side (one may be ``None``) and what happened."""

    type: MatchType
    original: Fact | None
    rewrite: Fact | None
    message: str
    kind: str


@dataclass(frozen=True, slots=True)
class Sides:
    """Both texts' facts per sentence, the sentence texts and the alignment regions."""

    original: Sequence[Sequence[Fact]]
    rewrite: Sequence[Sequence[Fact]]
    original_regions: Sequence[Sequence[int]]
    rewrite_regions: Sequence[Sequence[int]]
    original_texts: Sequence[str]
    rewrite_texts: Sequence[str]
    #: per sentence: the sentences of its alignment group on the other side (empty when unaligned)
    original_groups: Sequence[Sequence[int]] = ()
    rewrite_groups: Sequence[Sequence[int]] = ()

    def aligned(self, a: Fact, b: Fact) -> bool:
        """Whether original fact ``a`` and rewrite fact ``b`` stand in sentences of one alignment group."""
        groups_o = self.original_groups
        return a.sentence < len(groups_o) and b.sentence in groups_o[a.sentence]

    def local(self, a: Fact, b: Fact) -> bool:
        """Whether original fact ``a`` and rewrite fact ``b`` stand in aligned sentences."""
        regions_o, regions_r = self.original_regions, self.rewrite_regions
        return (a.sentence < len(regions_o) and b.sentence in regions_o[a.sentence]) or (
            b.sentence < len(regions_r) and a.sentence in regions_r[b.sentence]
        )


# ------------------------------------------------------------------------------------------ equality rules


def _unit_ids(unit: str) -> frozenset[str]:
    known = entity(unit)
    return known.ids if known else frozenset({unit})


def _name_units(fact: Fact) -> tuple[str, ...]:
    units = fact.key[1]
    return units if isinstance(units, tuple) else ()


def names_equal(a: Fact, b: Fact) -> bool:
    """Same units, or one name's units inside the other's ("Biden" / "Joe Biden", "U.S." / "U.S.
    Navy"); a demonym is its place ("Japanese" / "Japan"), a capital its country ("Beijing" / "China")."""
    return _units_equal(
        _name_units(a), _name_units(b), not a.detail.get("not_possessive"), not b.detail.get("not_possessive")
    )


@lru_cache(maxsize=65536)
def _units_equal(
    left: tuple[str, ...], right: tuple[str, ...], bare_left: bool = True, bare_right: bool = True
) -> bool:
    # names recur through an article: each pair of spellings is compared once
    if not left or not right:
        return False
    if _units_match(left, right):
        return True
    # a possessive written without its apostrophe ("Googles mission", "Brazils protests"): text that lost
    # its apostrophes on the way has them; not a name a verb or a comma follows ("Gary Lowes said")
    free_left = _possessive_free(left) if bare_left else left
    free_right = _possessive_free(right) if bare_right else right
    return (free_left, free_right) != (left, right) and _units_match(free_left, free_right)


@lru_cache(maxsize=65536)
def _possessive_free(units: tuple[str, ...]) -> tuple[str, ...]:
    """The units with a final "s" off the last one, a name the gazetteer knows for what is left ("new
    yorks" -> New York, "uks" -> UK, "orleanss" -> "orleans")."""
    last = units[-1]
    if last.startswith("@") or len(last) < 3 or not last.endswith("s") or last.endswith("'s"):
        return units
    bare = [*units[:-1], last[:-1]]
    whole = None if any(unit.startswith("@") for unit in bare) else gazetteer().lookup(bare, cased=False)
    if whole is not None:
        return (whole.id,)
    known = gazetteer().lookup([last[:-1]], cased=False)
    return (*units[:-1], known.id if known is not None else last[:-1])


#: Endings of a demonym or adjective made from a place's name ("Carthaginian", "Swedish", "Korean").
_DEMONYM_ENDINGS = ("ian", "ean", "an", "ese", "ish", "ic", "inian", "ite", "ine")


def _demonym_of(left: str, right: str) -> bool:
    """Whether one word is a demonym made from the other, which no gazetteer lists: the place's name (five
    letters or more) with a final vowel or "en" off and one of :data:`_DEMONYM_ENDINGS` on ("korea" /
    "korean", "sweden" / "swedish", "carthage" / "carthaginian"; not "maria" / "marini", "javan" / "javn",
    "goodman" / "goodmaan")."""
    short, long = sorted((left, right), key=len)
    if len(short) < 5 or "@" in (short[0], long[0]):
        return False
    return any(
        long == short[: len(short) - cut] + ending
        for cut in range(3)
        if _DEMONYM_CUT.fullmatch(short[len(short) - cut :])  # a misspelling is no demonym: "goodman" / "goodmaan"
        for ending in _DEMONYM_ENDINGS
    )


#: What a place's name loses before a demonym ending: nothing, a final vowel or "y", or "en" ("Sweden").
_DEMONYM_CUT = re.compile(r"|[aeiouy]{1,2}|en")


def _units_match(left: tuple[str, ...], right: tuple[str, ...]) -> bool:
    if left == right:
        return True
    small, large = (left, right) if len(left) <= len(right) else (right, left)
    large_ids = [_unit_ids(unit) for unit in large]
    if not all(
        any(_unit_ids(unit) & ids for ids in large_ids)
        or (len(small) == 1 and any(_demonym_of(unit, o) for o in large))
        for unit in small
    ):
        return False
    return any(unit.startswith("@") or len(unit) > 2 for unit in small)


def _spelling(fact: Fact) -> str:
    return re.sub(r"['’]s$", "", fact.text.lower()).replace("’", "'")


def other_full_name(fact: Fact, others: Sequence[Fact]) -> bool:
    """Whether ``others`` name someone else with the same last name and no one exactly as ``fact`` does
    ("Ueli Steck" among them for "Castellanos Steck"): then a mention of the last name alone does not
    account for ``fact``."""
    units = _name_units(fact)
    if not 2 <= len(units) <= 3 or any(unit.startswith("@") for unit in units):
        return False
    if any(_name_units(other) == units for other in others):
        return False
    return any(
        len(other_units) == len(units) and other_units[-1] == units[-1] and other_units != units
        for other_units in (_name_units(other) for other in others)
    )


@lru_cache(maxsize=65536)
def similarity(left: str, right: str) -> float:
    """Spelling similarity of two strings (difflib ratio), remembered: the matcher compares the same
    spellings again and again (a name recurs through an article)."""
    return difflib.SequenceMatcher(None, left, right).ratio()


def name_similarity(a: Fact, b: Fact) -> float:
    """Spelling similarity of two names as written (difflib ratio)."""
    return similarity(_spelling(a), _spelling(b))


def _known_kinds(fact: Fact) -> set[str]:
    return {known.kind for unit in _name_units(fact) if (known := entity(unit)) is not None}


def near_miss(a: Fact, b: Fact) -> bool:
    """A misspelling: similar spelling, not two different places or organisations the gazetteer knows."""
    if min(len(a.text), len(b.text)) < 4 or names_equal(a, b):
        return False
    both_known = all(unit.startswith("@") for unit in (*_name_units(a), *_name_units(b)))
    return not both_known and name_similarity(a, b) >= NEAR_MISS


def _value(fact: Fact) -> float | None:
    value = fact.detail.get("value")
    return float(value) if isinstance(value, (int, float)) else None


def numbers_equal(a: Fact, b: Fact, rewrite_text: str = "") -> bool:
    """Same kind, currency, unit of measurement and value; a figure rounded in the rewrite matches when it
    is announced as approximate (within 10 %, and rounder: :func:`_rounded`) or has fewer significant
    digits (within 5 %). A bare "10.1m" is read as metres and as millions (:func:`_readings`)."""
    return any(_numbers_equal(x, y, rewrite_text) for x in _readings(a) for y in _readings(b))


def _readings(fact: Fact) -> tuple[Fact, ...]:
    """A number as read, and a bare "10.1m" (no unit after it: "rose to 10.1m.") also as 10.1 million, a
    fraction of a counted whole also as its count ("half of the 40 farms": 20)."""
    of_whole = fact.detail.get("of_whole")
    if isinstance(of_whole, float):
        detail = {"kind": "count", "value": of_whole, "measure": "", "unit": ""}
        return fact, replace(fact, key=("count", "", round(of_whole, 6)), detail=detail)
    millions = fact.detail.get("millions")
    if not isinstance(millions, float):
        return (fact,)
    detail = {**fact.detail, "value": millions, "measure": "", "unit": ""}
    return fact, replace(fact, key=("count", "", round(millions, 6)), detail=detail)


def _numbers_equal(a: Fact, b: Fact, rewrite_text: str) -> bool:
    if a.key == b.key and a.detail.get("measure") == b.detail.get("measure"):
        return True
    kind_a, kind_b = a.key[0], b.key[0]
    if kind_a in ("vague", "ordinal") or kind_b in ("vague", "ordinal"):  # a period left unsaid is the same
        return a.key == b.key and not (a.detail.get("measure") and b.detail.get("measure"))
    value_a, value_b = _value(a), _value(b)
    if value_a is None or value_b is None:
        return False
    if {kind_a, kind_b} == {"percent", "fraction"}:  # compared as percentages ("a third" ~ "about 30%")
        value_a *= 100.0 if kind_a == "fraction" else 1.0
        value_b *= 100.0 if kind_b == "fraction" else 1.0
        if abs(value_a - value_b) < 0.5:
            return True
        if kind_a == "fraction":  # an exact share as a percentage: rounded either way ("two thirds" / "66%") or
            return (
                abs(value_a - value_b) < 1.0
                or bool(  # announced as approximate ("a third" / "about 30%");
                    _APPROXIMATORS.search(rewrite_text[: b.start])  # "a third" / "32 percent" is another figure
                    and abs(value_a - value_b) <= 0.1 * abs(value_a)
                    and _rounded(value_b, value_a)
                )
            )
    elif kind_a != kind_b and {kind_a, kind_b} not in ({"count", "money"}, {"count", "points"}):
        return False  # "0.6 percentage points" may be said "0.6 points"
    if a.key[1] and b.key[1] and a.key[1] != b.key[1]:
        return False  # another currency
    measure_a, measure_b = str(a.detail.get("measure") or ""), str(b.detail.get("measure") or "")
    tolerance = 0.0
    if measure_a and measure_b and measure_a != measure_b:
        conversion_a, conversion_b = CONVERSIONS.get(measure_a), CONVERSIONS.get(measure_b)
        if conversion_a is None or conversion_b is None or conversion_a[0] != conversion_b[0]:
            return False
        value_a, value_b = value_a * conversion_a[1], value_b * conversion_b[1]
        tolerance = 0.02  # a converted figure is rounded
    if value_a == value_b:
        return True
    if value_a == 0:
        return False
    difference = abs(value_a - value_b) / abs(value_a)
    if difference <= tolerance:
        return True
    if (
        _APPROXIMATORS.search(rewrite_text[: b.start])
        and difference <= 0.1 + tolerance * 3
        and _rounded(value_b, value_a)
    ):
        return True
    return significant_digits(value_b) < significant_digits(value_a) and difference <= 0.05 + tolerance * 3


def _threshold_moved(a: Fact, b: Fact, original_text: str, rewrite_text: str) -> bool:
    """Whether two numbers that :func:`numbers_equal` takes for one rounded are a bound moved instead: the
    original's number is a bound itself and the rewrite's another one, where the rewrite's says more than
    the original's ("over 1,200" / "over 1,500") or the number is an age ("adults over 65" / "adults over
    60": another group of people). "more than 1,240" / "more than 1,200" still matches: it keeps a lower
    bound true, as news rounds it."""
    value_a, value_b = _value(a), _value(b)
    if value_a is None or value_b is None or value_a == value_b or a.key[0] != b.key[0]:
        return False
    if a.detail.get("measure") != b.detail.get("measure"):
        return False  # a converted figure is rounded
    bound_a, bound_b = _bound(a, original_text), _bound(b, rewrite_text)
    if bound_a is None or bound_b is None:
        return False
    if _an_age(a, original_text) and _an_age(b, rewrite_text):
        return True
    if bound_a[0] != bound_b[0]:
        return True
    return value_b > value_a if bound_b[0] == "above" else value_b < value_a


def _rounded(value: float, source: float) -> bool:
    """``value`` may be ``source`` rounded: it has fewer significant digits or ends in 5 ("about 30%" for
    28%, "nearly 45" for 44); "under 13" is no rounding of "under 12"."""
    if significant_digits(value) < significant_digits(source):
        return True
    return f"{abs(value):.6f}".rstrip("0").rstrip(".").endswith("5")


def dates_equal(a: Fact, b: Fact) -> bool:
    """Equal, or one date a less specific form of the other ("June 26, 2022" / "June 26" / "2022")."""
    if a.key == b.key:
        return True
    if a.key[0] == "decade" and b.key[0] == "decade":  # "the 90s" is the 1990s (or another century's)
        short, full = sorted((str(a.key[1]), str(b.key[1])), key=len)
        return len(short) == 3 and full.endswith(short)
    if a.key[0] == "time" and b.key[0] == "time":
        minutes_a, minutes_b = int(str(a.key[1])), int(str(b.key[1]))
        return (not a.key[2] or not b.key[2]) and minutes_a % 720 == minutes_b % 720
    if a.key[0] != "date" or b.key[0] != "date":
        return False
    fields = list(zip(a.key[1:], b.key[1:], strict=True))
    return all(x == y or x is None or y is None for x, y in fields) and any(x == y and x is not None for x, y in fields)


def quotes_equal(a: Fact, b: Fact) -> bool:
    """The same words (function words aside), or the rewrite quotes a shorter run of them (a partial
    quotation)."""
    if a.key == b.key:
        return True
    left, right = a.key, b.key
    stems = content_stems(right)
    if (
        stems
        and stems == content_stems(left)
        and _negations(left) == _negations(right)
        and _modals(left) == _modals(right)
    ):
        return True
    if len(right) < 3 or len(right) > len(left):
        return False
    return any(left[i : i + len(right)] == right for i in range(len(left) - len(right) + 1))


def _negations(words: Sequence[object]) -> int:
    return sum(1 for word in words if word in ("not", "no", "never", "nor", "nothing", "none", "nobody"))


def _modals(words: Sequence[object]) -> Counter[str]:
    """The modal verbs of a quotation's words (contractions written out: "won't" is "will not"). Function
    words aside, a quotation that says "will" for "are prepared to" or "must" for "may" is not quoted as said."""
    return Counter(word for word in words if isinstance(word, str) and word in MODALS)


def quote_overlap(a: Fact, b: Fact) -> float:
    left, right = set(a.key), set(b.key)
    if not left or not right:
        return 0.0
    return len(left & right) / min(len(left), len(right))


def _family(fact: Fact) -> str:
    """Facts of one family may be changed forms of each other."""
    kind = str(fact.key[0])
    if fact.category == "number":
        return {"money": "amount", "count": "amount", "percent": "share", "fraction": "share",
                "points": "share"}.get(kind, kind)  # fmt: skip
    if fact.category == "date":
        return "date" if kind == "date" else kind
    return fact.category


# ------------------------------------------------------------------------------------------------ matcher


def match_facts(
    original: Sequence[Sequence[Fact]],
    rewrite: Sequence[Sequence[Fact]],
    original_regions: Sequence[Sequence[int]],
    rewrite_regions: Sequence[Sequence[int]],
    original_texts: Sequence[str],
    rewrite_texts: Sequence[str],
    original_groups: Sequence[Sequence[int]] | None = None,
    rewrite_groups: Sequence[Sequence[int]] | None = None,
) -> list[Match]:
    """Every dropped, changed and added fact (see the module docstring); ``*_texts`` are the sentence
    texts the facts were extracted from; ``*_groups`` the sentences each sentence is aligned to (negations
    are compared only there; the regions by default)."""
    sides = Sides(
        original, rewrite, original_regions, rewrite_regions, original_texts, rewrite_texts,
        original_groups if original_groups is not None else original_regions,
        rewrite_groups if rewrite_groups is not None else rewrite_regions,
    )  # fmt: skip

    def number_equal(a: Fact, b: Fact) -> bool:
        text = _text_of(b, rewrite_texts)
        if numbers_equal(a, b, text):
            return not _threshold_moved(a, b, _text_of(a, original_texts), text)
        return _same_amount_over_time(a, b, _text_of(a, original_texts), text)

    matches: list[Match] = []
    matches += _match_category(sides, "number", number_equal, _number_compatible, _position_closeness, _digit_slip)
    matches += _match_category(sides, "date", dates_equal, _same_family, _position_closeness, identity=_key)
    matches = [_with_units(match, sides) for match in _unit_changes(_kept_in_another_form(matches, sides), sides)]
    matches = [
        match
        for match in matches
        if not _whole_period_kept(match, sides)
        and not _week_part_kept(match, sides)
        and not _present_kept(match, sides)
        and not _first_said_otherwise(match, sides)
        and not _half_said_otherwise(match, sides)
        and not _count_said_as_word(match, sides)
        and not _ratio_said(match, sides)
    ]
    matches = _worked_out(_derived_shares(matches, sides), sides)
    matches += _bound_changes(sides, matches)
    matches = [match for match in _superlative_ranks(sides, matches) if not _same_whole_bound(match, sides)]
    matches += _rate_changes(sides, matches)
    names = _match_category(
        sides, "name", names_equal, _name_compatible, name_similarity, near_miss, mentioned_anywhere=True,
        identity=_name_units,
    )  # fmt: skip
    names = _replaced_in_place(sides, _misspelt_words(sides, names))
    matches += names + _put_in_anothers_place(sides, names)
    matches += _match_category(
        sides,
        "quote",
        quotes_equal,
        _quote_compatible,
        quote_overlap,
        mentioned_anywhere=True,
        pair_in_region=True,
        identity=_key,
    )
    matches = [match for match in matches if not _term_in_quotes(match, sides)]
    matches += _speaker_changes(sides) + _title_changes(sides) + _pronoun_changes(sides)
    swaps = _swapped_names(sides)
    matches += swaps + _roles_changed(sides, swaps)
    roles = [m.original for m in matches if m.kind == "role" and m.original is not None]
    matches += [  # "rose from £2 to £3" / "rose from £3 to £2": the role findings say it, number by number
        swap for swap in _swapped(sides, "number", number_equal)
        if swap.original is not None and not any(_inside(role, swap.original) for role in roles)
    ]  # fmt: skip
    matches += _swapped(sides, "date", dates_equal)
    matches += _date_role_changes(sides)
    matches += _dates_of_numbers(sides, matches)
    # "over 65" / "under 65": the bound's finding says it, with its number; "South Korea" / "North Korea":
    # the changed name says it; "in the spring" / "in the autumn": the changed date
    covering = [
        match.rewrite
        for match in matches
        if match.rewrite is not None
        and (match.kind == "bound" or (match.type == "changed" and match.rewrite.category in ("name", "date")))
    ]
    polar = [
        match
        for match in _match_polarity(sides)
        if not (
            match.kind == "opposite"
            and match.rewrite is not None
            and any(_inside(match.rewrite, cover) for cover in covering)
        )
    ]
    opposites = [match.original for match in polar if match.kind == "opposite" and match.original is not None]
    # an ordinal that is itself the word turned round ("the first woman" / "the only woman") is that change
    matches = [
        match
        for match in matches
        if not (
            match.type == "dropped"
            and match.original is not None
            and match.original.category == "number"
            and any(_inside(match.original, word) for word in opposites)
        )
    ]
    return matches + polar


#: The most words of a quotation read as a term set off in quotation marks ("a "waggle dance""), not speech.
TERM_WORDS = 4


def _term_in_quotes(match: Match, sides: Sides) -> bool:
    """An added quotation of at most :data:`TERM_WORDS` words, with no speaker, that the original writes
    word for word: a term the rewrite sets off in quotation marks ("a so-called waggle dance" / "a "waggle
    dance""), not words put in someone's mouth."""
    fact = match.rewrite
    if match.type != "added" or fact is None or fact.category != "quote" or fact.detail.get("speaker"):
        return False
    words = fact.text.split()
    if not words or len(words) > TERM_WORDS:
        return False
    said = re.compile(r"\b" + r"\W+".join(map(re.escape, words)) + r"\b", re.IGNORECASE)
    return any(said.search(text) for text in sides.original_texts)


def _inside(inner: Fact, outer: Fact) -> bool:
    return inner.sentence == outer.sentence and outer.start <= inner.start and inner.end <= outer.end


_TIME_UNITS = ("day", "week", "month", "year", "decade")
#: A multiplier written as a count: "three times", "10 times", "twice" ("won it twice"; not "doubled").
_COUNTED_TIMES = re.compile(r"\S+\s+times|twice", re.IGNORECASE)


def _time_span(fact: Fact) -> tuple[float, str] | None:
    """A count of units of time, as (count, unit; decades as years): a number with a unit of time ("Sixty
    years", "a decade"), or a relative date that counts back or forward ("60 years ago") or spans the time
    up to now ("the past decade")."""
    if fact.category == "number" and fact.key[0] == "count":
        value, unit = float(str(fact.key[2])), str(fact.detail.get("measure") or "")
    elif isinstance(span := fact.detail.get("span"), tuple):  # a relative date's, read by the extractor
        value, unit = span
    else:
        return None
    if unit not in _TIME_UNITS:
        return None
    return (value * 10, "year") if unit == "decade" else (value, unit)


def _forms(fact: Fact, text: str = "") -> set[tuple[object, ...]]:
    """What a number or date says that another kind of fact can say too: a span of time (:func:`_time_span`),
    the count of a plain count or of a multiplier written as one ("three times"), a change by a factor
    ("halved", or "reduced by 50%" after a verb of change), an age ("their third birthday" / "they turn
    3") and a run ("the third month in a row" / "three months in a row"). ``text``: the fact's sentence."""
    forms: set[tuple[object, ...]] = set()
    span = _time_span(fact)
    if span is not None:
        forms.add(("time", *span))
    counted_times = fact.key[0] == "multiplier" and _COUNTED_TIMES.fullmatch(fact.text) is not None
    if fact.category == "number" and ((fact.key[0] == "count" and not fact.detail.get("measure")) or counted_times):
        forms.add(("count", float(str(fact.key[-1]))))
    if fact.category == "number" and fact.key[0] == "multiplier" and not counted_times:
        forms.add(("change", round(float(str(fact.key[-1])), 6)))  # "halved", "cut in half", "doubled"
    changed_by = _CHANGED_BY.search(text, max(0, fact.start - 60), fact.start) if fact.key[0] == "percent" else None
    if changed_by is not None:  # "reduced the award by 50%" is "cut it in half", "rose by 100%" "doubled"
        sign = -1.0 if changed_by.group("down") else 1.0
        forms.add(("change", round(1.0 + sign * float(str(fact.key[-1])) / 100.0, 6)))
    if fact.category == "number" and (
        (fact.key[0] == "ordinal" and _BIRTHDAY_AFTER.match(text, fact.end))
        or (fact.key[0] == "count" and _TURNING_BEFORE.search(text, max(0, fact.start - 12), fact.start))
    ):
        forms.add(("age", float(str(fact.key[-1]))))
    if fact.category == "number" and fact.key[0] in ("ordinal", "count") and _IN_A_ROW_AFTER.match(text, fact.end):
        forms.add(("run", float(str(fact.key[-1]))))  # "the third month in a row" / "three months in a row"
    return forms


#: A verb of change and its "by" before a percentage ("reduced the compensatory award by 50%"): which way.
_CHANGED_BY = re.compile(
    r"\b(?:(?P<down>reduc\w*|cut\w*|lower\w*|decreas\w*|fell|fall\w*|dropp?\w*|shrank|shrunk|declin\w*)"
    r"|rose|rise\w*|rising|increas\w*|grew|grow\w*|rais\w*|went up|gone up)\b(?:\s+[\w’'-]+){0,5}?\s+by\s+$",
    re.IGNORECASE,
)
#: What makes a rank or a count a run of things one after another: "the third month in a row", "three years
#: running", "a second straight win", "the fourth consecutive year".
_IN_A_ROW_AFTER = re.compile(
    r"(?:\s+[\w’'-]+){0,2}?\s+(?:in a row|running|straight|on the trot|consecutive|back-to-back)\b", re.IGNORECASE
)
#: An ordinal's birthday ("their third birthday") and a count after a verb of age ("they turn 3"): an age.
_BIRTHDAY_AFTER = re.compile(r"\s+birthday\b", re.IGNORECASE)
_TURNING_BEFORE = re.compile(r"\b(?:turns?|turned|turning|aged|age of)\s+$", re.IGNORECASE)


def _text_of(fact: Fact, texts: Sequence[str]) -> str:
    return texts[fact.sentence] if fact.sentence < len(texts) else ""


def _kept_in_another_form(matches: list[Match], sides: Sides) -> list[Match]:
    """A fact the original says one way and the rewrite another, in aligned sentences, is kept, not a
    dropped fact and an added one: a span of time as a count or as a relative date ("Sixty years after
    Everest was first climbed" / "climbed 60 years ago"; "trebled in the last 30 years" / "than 30 years
    ago"; "the past decade" / "the past ten years"), a count as "N times" ("three widths" / "across the
    pool three times"; "ten to one" / "ten times more"). A fact of the rewrite that an original fact of
    its aligned sentences says in another form is no addition even where that one matched elsewhere too
    ("Sixty years after" / "60 years ago", with "60 years from now" on both sides)."""
    dropped = [
        (m, m.original, _forms(m.original, _text_of(m.original, sides.original_texts)))
        for m in matches
        if m.type == "dropped" and m.original
    ]
    added = [
        (m, m.rewrite, _forms(m.rewrite, _text_of(m.rewrite, sides.rewrite_texts)))
        for m in matches
        if m.type == "added" and m.rewrite
    ]
    gone: set[int] = set()
    for lost, a, forms_a in dropped:
        for new, b, forms_b in added:
            if id(new) not in gone and a.key[0] != b.key[0] and forms_a & forms_b and sides.local(a, b):
                gone.update((id(lost), id(new)))
                break
    forms_o: dict[int, set[tuple[object, ...]]] = {}

    def forms_of(a: Fact) -> set[tuple[object, ...]]:  # each original fact's forms, computed once
        if id(a) not in forms_o:
            forms_o[id(a)] = _forms(a, _text_of(a, sides.original_texts))
        return forms_o[id(a)]

    for new, b, forms_b in added:
        if id(new) in gone or not forms_b or b.sentence >= len(sides.rewrite_regions):
            continue
        if any(
            a.key[0] != b.key[0] and forms_b & forms_of(a)
            for index in sides.rewrite_regions[b.sentence]
            for a in sides.original[index]
            if a.category in ("number", "date")
        ):
            gone.add(id(new))
    return [m for m in matches if id(m) not in gone]


#: A count that fills its whole period ("seven days a week", "24 hours a day"), by (count, measure, rate),
#: and the words that say the same without a number ("every day", "around the clock").
_WHOLE_PERIODS = {
    key: re.compile(rf"\b(?:{said})\b", re.IGNORECASE)
    for key, said in (
        ((7.0, "day", "week"), r"every day|each day|daily|all week|seven days"),
        ((24.0, "h", "day"), r"all day|around the clock|round the clock|24/7|day and night|night and day|every hour"),
        ((365.0, "day", "year"), r"every day|each day|daily|all year|year-round|all year round"),
        ((12.0, "month", "year"), r"every month|each month|monthly|all year|year-round|all year round"),
        ((52.0, "week", "year"), r"every week|each week|weekly|all year|year-round|all year round"),
    )
}


def _number_matches(matches: Sequence[Match], kind: str) -> list[Match]:
    """The dropped (their original is a number) or added (their rewrite is) matches of numbers."""
    return [
        m for m in matches if m.type == kind
        and (fact := m.original if kind == "dropped" else m.rewrite) is not None and fact.category == "number"
    ]  # fmt: skip


def _close(value: float, target: float) -> bool:
    """Within 0.5% of ``target``: a figure worked out and rounded."""
    return abs(value - target) <= 0.005 * abs(target)


def _unit_changes(matches: list[Match], sides: Sides) -> list[Match]:
    """A number dropped and one of the same figure added nearby, each with a unit of its own that is not the
    same amount ("4 miles long" / "It is 4 kilometres long", in a sentence the alignment left out): one
    changed number, not a loss and an addition."""
    dropped, added = _number_matches(matches, "dropped"), _number_matches(matches, "added")
    pairs: dict[int, Match] = {}
    used: set[int] = set()
    for lost in dropped:
        a = lost.original
        assert a is not None
        for new in added:
            b = new.rewrite
            assert b is not None
            if id(new) in used or a.key != b.key or not sides.local(a, b):
                continue
            if _in_another_unit(a, b):
                pairs[id(lost)] = Match("changed", a, b, describe("number", "changed", a, b), a.kind)
                used.add(id(new))
                break
    return [pairs.get(id(m), m) for m in matches if id(m) not in used]


def _derived_shares(matches: list[Match], sides: Sides) -> list[Match]:
    """``matches`` without a share the rewrite says as the part it comes to, and that part: "240 homes, of
    which 30% will be affordable" / "72 of them", "half of the £2m budget" / "£1m of the budget". A fraction
    or percentage dropped from an original sentence, a number added in a rewrite sentence aligned with it,
    and a count or sum in the original sentence that the share of makes the added number (within 0.5%),
    of the same kind (money in the same currency)."""
    dropped, added = _number_matches(matches, "dropped"), _number_matches(matches, "added")
    gone: set[int] = set()
    for share_match in dropped:
        share = share_match.original
        assert share is not None
        kind = share.key[0]
        part = _value(share)
        if kind not in ("fraction", "percent") or not part or share.sentence >= len(sides.original_groups):
            continue
        part = part / 100.0 if kind == "percent" else part
        wholes = [
            f for f in sides.original[share.sentence] if f.category == "number" and f.key[0] in ("count", "money")
        ]
        aligned = set(sides.original_groups[share.sentence])
        for added_match in added:
            said = added_match.rewrite
            assert said is not None
            value = _value(said)
            if id(added_match) in gone or said.sentence not in aligned or not value:
                continue
            if any(
                whole.key[0] == said.key[0]
                and whole.key[1] == said.key[1]
                and (whole_value := _value(whole))
                and _close(part * whole_value, value)
                for whole in wholes
            ):
                gone |= {id(share_match), id(added_match)}
                break
    return [m for m in matches if id(m) not in gone]


#: The smallest figure read as worked out from two others: smaller ones come out of too many pairs by chance
#: ("2. Elle, 22" gives 11).
WORKED_OUT_FROM = 100.0


def _worked_out(matches: list[Match], sides: Sides) -> list[Match]:
    """``matches`` without a number the rewrite worked out from two numbers of its aligned original sentences
    in a way the original sets up (:func:`_results`, within 0.5%): "3.2 million passengers, 400,000 more than
    the year before" / "up from 2.8 million", "£40,000 a month" for six months / "£240,000", "£1.5m, three
    times its target" / "a target of £500,000". An added number, or a changed one whose original is one of
    the two; at least :data:`WORKED_OUT_FROM`, and money only from money of its currency. Any sum or product
    would be too many: "2. Elle, 22" gives 11, "500 apes in three groups" 1,500."""
    kept: list[Match] = []
    for match in matches:
        b = match.rewrite
        if (
            match.type in ("added", "changed")
            and b is not None
            and b.category == "number"
            and (match.original is None or match.original.category == "number")
            and _from_two(b, match.original, sides)
        ):
            continue
        kept.append(match)
    return kept


def _from_two(b: Fact, source: Fact | None, sides: Sides) -> bool:
    """Whether rewrite number ``b`` is worked out from numbers of its aligned original sentences: from two
    (:func:`_results`), one of them ``source`` where it replaced one, or as the total of all the amounts of
    its kind there ("fined £2,000 and ordered to pay £500 in costs and a £190 surcharge" / "£2,690 in
    total"), or as an amount per period said per another period the rewrite sentence names ("£9.99 a month"
    / "over a full year, £119.88")."""
    value = _value(b)
    if value is None or b.key[0] not in ("count", "money", "percent"):
        return False
    if (b.key[0] != "percent" and abs(value) < WORKED_OUT_FROM) or b.sentence >= len(sides.rewrite_groups):
        return False
    near = sorted({*sides.rewrite_groups[b.sentence], *sides.rewrite_regions[b.sentence]})
    numbers = [
        (a, sides.original_texts[i]) for i in near for a in sides.original[i]
        if a.category == "number" and a.key[0] in ("count", "money", "multiplier") and _value(a)
    ]  # fmt: skip
    if source is not None and not any(a is source for a, _ in numbers):
        return False
    if source is not None and any(_close(float(_value(a) or 0.0), value) for a, _ in numbers):
        return False  # a figure the original says anyway, put in another's place ("from 700,000 to 2.1 million")
    same_kind = [a for a, _ in numbers if a.key[:2] == b.key[:2] and a.detail.get("measure") == b.detail.get("measure")]
    if source is None and len(same_kind) >= 2 and _close(sum(float(_value(a) or 0.0) for a in same_kind), value):
        return True
    if source is None and b.key[0] == "money" and _per_other_period(b, value, same_kind, sides):
        return True
    for (x, text_x), (y, _) in itertools.permutations(numbers, 2):
        if source is not None and source is not x and source is not y:
            continue
        if b.key[0] == "money" and not any(f.key[0] == "money" and f.key[1] == b.key[1] for f in (x, y)):
            continue
        if any(_close(result, value) for result in _results(x, text_x, y, percent=b.key[0] == "percent")):
            return True
    return False


def _per_other_period(b: Fact, value: float, amounts: Sequence[Fact], sides: Sides) -> bool:
    """Whether ``b`` is one of ``amounts``, counted per a period, over another period its sentence names."""
    named = [period for period in _PER_YEAR if _says_period(period, sides.rewrite_texts[b.sentence])]
    for amount in amounts:
        rate = _rate(amount, sides.original_texts[amount.sentence])
        if rate in _PER_YEAR and any(
            _close(float(_value(amount) or 0.0) * _PER_YEAR[rate] / _PER_YEAR[period], value) for period in named
        ):
            return True
    return False


#: A difference the original states after its number: "400,000 more than the year before".
_DIFFERENCE_AFTER = re.compile(r"\s+(?:more|less|fewer|higher|lower|bigger|smaller|up|down)\b", re.IGNORECASE)


def _results(x: Fact, text_x: str, y: Fact, *, percent: bool = False) -> list[float]:
    """What the original sets up to work out from ``x`` and ``y``: ``y`` plus or minus a difference ``x``
    states ("3.2 million, 400,000 more than the year before"), the change from ``x`` to ``y`` ("rose from
    18,400 to 21,150": 2,750 more; as a percentage for a ``percent``: "from £2 to £3", 50%), an amount ``x``
    per a period times a count of that period ``y`` ("£40,000 a month" for "six months"), ``x`` times or over
    a multiplier ``y`` ("£1.5m, three times its target")."""
    vx, vy = float(_value(x) or 0.0), float(_value(y) or 0.0)
    end = x.detail.get("unit_end")
    end_x = end if isinstance(end, int) else x.end
    if (
        x.sentence == y.sentence
        and x.start < y.start
        and _FROM_BEFORE.search(text_x, max(0, x.start - 8), x.start)
        and _FROM_TO.fullmatch(text_x, end_x, y.start)
    ):
        change = vy - vx
        if percent:
            return [abs(change) / vx * 100.0] if vx else []
        return [abs(change)]
    if percent:
        return []
    results: list[float] = []
    if _DIFFERENCE_AFTER.match(text_x, end_x):
        results += [vy + vx, vy - vx]
    if _rate(x, text_x) is not None and _rate(x, text_x) == y.detail.get("measure"):
        results.append(vx * vy)
    if y.key[0] == "multiplier":
        results += [vx * vy, vx / vy]
    return results


#: "from X to Y": a change the original states, whose size the rewrite may give.
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:[£$€]\s?)?$", re.IGNORECASE)
_FROM_TO = re.compile(r"(?:\s+[a-z]+){0,3}?\s+to\s+(?:[£$€]\s?)?", re.IGNORECASE)


def _whole_period_kept(match: Match, sides: Sides) -> bool:
    """A dropped count that fills its whole period ("open seven days a week") said without a number in an
    aligned rewrite sentence ("open every day"): kept, not dropped."""
    a = match.original
    if match.type != "dropped" or a is None or a.category != "number" or a.key[0] != "count":
        return False
    rate = _rate(a, sides.original_texts[a.sentence])
    said = _WHOLE_PERIODS.get((float(str(a.key[2])), str(a.detail.get("measure") or ""), rate or ""))
    if said is None or a.sentence >= len(sides.original_groups):
        return False
    return any(said.search(sides.rewrite_texts[j]) for j in sides.original_groups[a.sentence])


#: "Monday to Friday" and "Saturday and Sunday", with the words that say them without naming a day.
_WEEK_PARTS = (
    (re.compile(r"\bMondays?\s*(?:to|-|–|until|through)\s*Fridays?\b"),
     re.compile(r"\b(?:week-?days?|working days?|work days?|business days?)\b", re.IGNORECASE)),
    (re.compile(r"\bSaturdays?\s*(?:and|&|or)\s*Sundays?\b"), re.compile(r"\bweekends?\b", re.IGNORECASE)),
)  # fmt: skip


def _one_sided(match: Match, sides: Sides, category: str = "date") -> tuple[Fact, str, list[str]] | None:
    """A dropped or added fact of ``category``: its fact, its sentence, and the other side's sentences
    aligned with that sentence; ``None`` for any other match."""
    fact = match.original if match.type == "dropped" else match.rewrite if match.type == "added" else None
    if fact is None or fact.category != category:
        return None
    texts, other_texts, groups = (
        (sides.original_texts, sides.rewrite_texts, sides.original_groups)
        if match.type == "dropped"
        else (sides.rewrite_texts, sides.original_texts, sides.rewrite_groups)
    )
    if fact.sentence >= len(groups):
        return None
    return fact, texts[fact.sentence], [other_texts[j] for j in groups[fact.sentence]]


def _week_part_kept(match: Match, sides: Sides) -> bool:
    """A weekday dropped or added as one end of "Monday to Friday" (or "Saturday and Sunday") where an
    aligned sentence of the other side says "weekdays" (or "weekends"): kept, said another way."""
    found = _one_sided(match, sides)
    if found is None or found[0].key[0] != "weekday":
        return False
    fact, text, aligned = found
    for days, words in _WEEK_PARTS:
        for said in days.finditer(text):
            if said.start() <= fact.start and fact.end <= said.end():
                return any(words.search(other) for other in aligned)
    return False


#: Words that say "at present", as a sentence that opens on "Today" does ("Today it is a museum").
_NOWADAYS = re.compile(
    r"\b(?:now|nowadays|currently|current|at present|these days|present-day|living|extant)\b", re.IGNORECASE
)
_FUTURE = re.compile(r"\b(?:will|going\s+to)\b|['’]ll\b", re.IGNORECASE)
#: Words after which "today" says "of our time": "batteries sold today", "the people of today".
_TODAY_AFTER = re.compile(
    r"\b(?:[a-z]+ed|sold|made|used|built|known|seen|found|done|grown|worn|run|of|alive|living)\s+$", re.IGNORECASE
)
_OPENING = re.compile(r"[\s\"“‘'(]*(?:(?:and|but|so)\s+)?$", re.IGNORECASE)


def _present_kept(match: Match, sides: Sides) -> bool:
    """ "Today" dropped or added at the start of a sentence or after a participle, where it means "these
    days", while an aligned sentence of the other side says "now", "currently" or "current" ("is now
    protected" / "Today it is protected"; "current models" / "batteries sold today"): kept, said another
    way."""
    found = _one_sided(match, sides)
    if found is None or found[0].key != ("relative", "today") or found[0].text.lower() != "today":
        return False
    fact, text, aligned = found
    placed = _OPENING.fullmatch(text[: fact.start]) or (
        _TODAY_AFTER.search(text, 0, fact.start) and not _FUTURE.search(text, 0, fact.start)
    )  # "will be sold today" is a day
    return bool(placed) and any(_NOWADAYS.search(other) for other in aligned)


#: Words that say "first" of a work, a game or a voyage: "their debut single", "its maiden flight", "the
#: opening night".
_FIRST_WORDS = re.compile(
    r"\b(?:debut(?:ed|s)?|maiden|inaugural|opening (?:night|day|weekend|game|match|round|ceremony|episode)"
    r"|(?:starting|beginning) on)\b",  # "10 instalments starting on 1 April" / "The first payment is on"
    re.IGNORECASE,
)


def _first_said_otherwise(match: Match, sides: Sides) -> bool:
    """ "first" dropped or added where an aligned sentence of the other side says "debut", "maiden",
    "inaugural", "opening night" ("their debut single" / "their first single") or "starting on" ("10
    instalments starting on 1 April" / "The first payment is on 1 April"): kept, said another way."""
    found = _one_sided(match, sides, "number")
    if found is None or found[0].key != ("ordinal", 1):
        return False
    return any(_FIRST_WORDS.search(other) for other in found[2])


#: "half" with a bound before it, and the word that says the same share without a number: "more than half"
#: / "a majority", "less than half" / "a minority".
_HALF_BOUNDED = re.compile(
    r"\b(?:(?P<above>more\s+than|over|above)|(?P<below>less\s+than|fewer\s+than|under|below))\s+(?:a\s+)?$",
    re.IGNORECASE,
)
_SHARE_WORDS = {
    "above": re.compile(r"\b(?:majority|most)\b", re.IGNORECASE),
    "below": re.compile(r"\bminority\b", re.IGNORECASE),
}


def _half_said_otherwise(match: Match, sides: Sides) -> bool:
    """ "more than half" dropped or added where an aligned sentence of the other side says "majority" or
    "most" ("a majority stake" / "more than half of the company"), "less than half" where it says
    "minority": kept, said another way."""
    found = _one_sided(match, sides, "number")
    if found is None or found[0].key[0] != "fraction" or _value(found[0]) != 0.5:
        return False
    fact, text, aligned = found
    bound = _HALF_BOUNDED.search(text, max(0, fact.start - 20), fact.start)
    if bound is None:
        return False
    share = _SHARE_WORDS["above" if bound.group("above") else "below"]
    return any(share.search(other) for other in aligned)


#: The word after a number: "1 month" -> "month".
_UNIT_WORD = re.compile(r"[\s-]*([a-z]+)", re.IGNORECASE)


#: Spans of years said as one word: "a decade" is 10 years, "a century" 100.
_YEARS_AS_WORD = {10.0: "decades?", 100.0: "century|centuries", 1000.0: "millennium|millennia"}


def _count_said_as_word(match: Match, sides: Sides) -> bool:
    """A count dropped or added where an aligned sentence of the other side says it as a word: "1" as "one"
    or "a" before the same word ("at least one month's notice" / "at least 1 month before"; the extractor
    leaves the word "one" out, as often a pronoun: "one of them"), and 10, 100 or 1,000 years as "decade",
    "century", "millennium" ("In the decade following the famine" / "In the 10 years after the famine")."""
    found = _one_sided(match, sides, "number")
    if found is None or found[0].key[0] != "count":
        return False
    fact, text, aligned = found
    value = _value(fact)
    if value == 1.0:
        unit = _UNIT_WORD.match(text, fact.end)
        word = re.escape(unit.group(1)) if unit else r"\w+"
        said = re.compile(rf"\b(?:one|an?|single)\s+{word}", re.IGNORECASE)
    elif value in _YEARS_AS_WORD and fact.detail.get("measure") == "year":
        said = re.compile(rf"\b(?:{_YEARS_AS_WORD[value]})\b", re.IGNORECASE)
    else:
        return False
    return any(said.search(other) for other in aligned)


def _ratio_said(match: Match, sides: Sides) -> bool:
    """A multiplier added that two numbers of one kind and measure in the original's aligned sentences make
    (within 5%): "34 percent ... compared with 17 percent" / "twice as big a share". Not a dropped one: a
    sentence left out with its "doubles" is not kept by two figures of the rewrite that happen to make 2."""
    found = _one_sided(match, sides, "number")
    if match.type != "added" or found is None or found[0].key[0] != "multiplier":
        return False
    fact, _, _ = found
    times = _value(fact)
    if not times or times <= 1:
        return False
    facts, groups, regions = sides.original, sides.rewrite_groups, sides.rewrite_regions
    if fact.sentence >= len(groups):
        return False
    aligned = groups[fact.sentence] or regions[fact.sentence]  # "In other words, ...": a sentence of its own
    numbers = [f for i in aligned for f in facts[i] if f.category == "number"]
    return any(
        a.key[0] == b.key[0]
        and a.key[0] in ("count", "money", "percent")
        and a.detail.get("measure") == b.detail.get("measure")  # not "6 weeks" over "3 practices"
        and (x := _value(a))
        and (y := _value(b))
        and abs(x / y - times) <= 0.05 * times
        for a in numbers
        for b in numbers
        if a is not b
    )


_ACRONYM = re.compile(r"[A-Z][A-Za-z]?[A-Z]+s?")
#: Words of a name that its acronym leaves out ("Department for Transport": "DfT" or "DT"), both ways.
_ACRONYM_JOINERS = ("of", "for", "and", "the", "on", "in", "&")
_JOINERS = rf"(?:(?:{'|'.join(_ACRONYM_JOINERS)})\s+)?"


def written_in(name: str, texts: Sequence[str]) -> bool:
    """Whether a name the other side has no fact for stands in ``texts`` all the same: spelt out (an
    acronym, :func:`spelt_out`), or written as it is, capitalised, where its context made it no name there
    ("unlike Skype and Viber" / "weaknesses: Skype and Viber", "“Down with Paes" / "said Revolution, Down
    with Paes", "Michelin-starred" / "Michelin- starred"): not a name lost or invented."""
    if spelt_out(name, texts):
        return True
    holding = [text for text in texts if name in text]  # most names are not there: no pattern needed
    if not holding:
        return False
    pattern = re.compile(rf"(?<![\w’']){re.escape(name)}(?!\w)")  # a part of a compound too: "Michelin-starred"
    return any(pattern.search(text) for text in holding)


def _inside_a_word(name: str, texts: Sequence[str]) -> bool:
    """Whether a one-word name that is a common word capitalised stands inside a longer word of ``texts``:
    "the Constitution" / "unconstitutional", "Parliament" / "parliamentary"."""
    lower = name.lower()
    if not lower.isalpha() or len(lower) < 6 or lexicon.zipf(lower) < 3.0:
        return False
    pattern = re.compile(rf"[^\W\d_]{re.escape(lower)}|{re.escape(lower)}[^\W\d_]", re.IGNORECASE)
    return any(pattern.search(text) for text in texts)


def _written_there(category: str, fact: Fact, sides: Sides, *, original_side: bool) -> bool:
    """Whether a fact the other side has no fact for stands there all the same: a name anywhere
    (:func:`written_in`) or as its acronym in the sentences aligned with it (:func:`abbreviated`: two
    letters name many things), a number or date in the sentences aligned with it (:func:`written_as_is`,
    :func:`in_compound`, :func:`said_as_period`)."""
    if category not in ("name", "number", "date"):
        return False
    regions, texts = (
        (sides.original_regions, sides.rewrite_texts)
        if original_side
        else (sides.rewrite_regions, sides.original_texts)
    )
    region = regions[fact.sentence] if fact.sentence < len(regions) else ()
    there = [texts[k] for k in region]
    if category == "name":
        return written_in(fact.text, texts) or abbreviated(fact.text, there) or _inside_a_word(fact.text, there)
    if fact.key[0] == "vague":  # "hundreds of years" / "centuries"
        own = sides.original_texts if original_side else sides.rewrite_texts
        return said_as_period(fact, own[fact.sentence], there) if fact.sentence < len(own) else False
    if _in_other_units(fact, sides, region, original_side=original_side):
        return False
    return (
        written_as_is(fact.text, there)
        or in_compound(fact.text, there)
        or said_as_frequency(fact, there)
        or _this_as_the(fact, there)
    )


#: A relative date of the period the text is written in ("this winter", "this year").
_THIS_PERIOD = re.compile(r"this\s+(?P<unit>winter|summer|spring|autumn|year|month|week)", re.IGNORECASE)


def _this_as_the(fact: Fact, texts: Sequence[str]) -> bool:
    """Whether "this winter" stands in ``texts`` as "the winter" ("the coldest night of the winter so far" /
    "the coldest night this winter so far"): the period the text is written in."""
    this = _THIS_PERIOD.fullmatch(fact.text) if fact.category == "date" else None
    if this is None:
        return False
    pattern = re.compile(rf"\bthe\s+{this.group('unit')}\b", re.IGNORECASE)
    return any(pattern.search(text) for text in texts)


#: Words for a span of time that hold its count ("quarterly" / "in three months"); "fortnight" is a number fact
#: of its own (two weeks).
_SPAN_WORDS: dict[tuple[float, str], re.Pattern[str]] = {
    (3.0, "month"): re.compile(r"\bquarter(?:ly|s)?\b", re.IGNORECASE),
    (6.0, "month"): re.compile(r"\bhalf[- ]year(?:ly|s)?\b|\bsix-monthly\b", re.IGNORECASE),
    (1.0, "year"): re.compile(r"\b(?:annual(?:ly)?|yearly)\b", re.IGNORECASE),
    (1.0, "month"): re.compile(r"\bmonthly\b", re.IGNORECASE),
    (1.0, "week"): re.compile(r"\bweekly\b", re.IGNORECASE),
    (1.0, "day"): re.compile(r"\bdaily\b", re.IGNORECASE),
}


def said_as_frequency(fact: Fact, texts: Sequence[str]) -> bool:
    """Whether a count of units of time stands in ``texts`` as the word for that span: "a profit of 1.4
    billion kronor in three months" / "a quarterly profit", "a week" / "weekly"."""
    span = _time_span(fact)
    pattern = _SPAN_WORDS.get(span) if span is not None else None
    return pattern is not None and any(pattern.search(text) for text in texts)


def _in_other_units(fact: Fact, sides: Sides, region: Sequence[int], *, original_side: bool) -> bool:
    """Whether the figure of a measured number stands in ``region`` of the other side as a number of another
    unit that is not the same amount ("4 miles" / "It is 4 kilometres long"): the figure is there, the
    measure is not."""
    if fact.category != "number" or not fact.detail.get("measure"):
        return False
    facts = sides.rewrite if original_side else sides.original
    return any(
        other.category == "number" and _in_another_unit(fact, other)
        for k in region
        if k < len(facts)
        for other in facts[k]
    )


def _in_another_unit(a: Fact, b: Fact) -> bool:
    """Two numbers of one figure, each with a unit of its own, that are not the same amount ("4 miles" / "4
    kilometres")."""
    measure_a, measure_b = a.detail.get("measure"), b.detail.get("measure")
    return (
        a.key[2:] == b.key[2:]
        and bool(measure_a)
        and bool(measure_b)
        and measure_a != measure_b
        and not numbers_equal(a, b)
    )


_TOKEN = re.compile(r"\w+|[^\w\s]")


def written_as_is(fact: str, texts: Sequence[str]) -> bool:
    """Whether the words of a number or date stand as they are in ``texts`` (the aligned sentences of the
    other side), where their context made them no fact of that kind, or another one: "Seventh sons of
    Seventh sons" (capitalised, read as a name) / "a seventh son", "sign up first" / "the first to sign
    up", "born 19 February, 1987" / "February born 19, 1987", and tokenised text's "( 8: 10)" for
    "(8:10)" (space around punctuation is ignored). A number stands alone: "12" is not in "12.5" or "£12m".
    The same words on both sides are no fact lost or invented."""
    tokens = _TOKEN.findall(fact)
    holding = [text for text in texts if tokens and tokens[-1].lower() in text.lower()]  # no pattern needed
    if not holding:
        return False
    pattern = re.compile(r"(?<![\w’'-])(?<!\d[.,])" + _joined(tokens) + r"(?![\w’'-])(?![.,]\d)", re.IGNORECASE)
    return any(pattern.search(text) for text in holding)


def in_compound(fact: str, texts: Sequence[str]) -> bool:
    """Whether a number of one word ends a hyphenated compound in ``texts``, in the plural or not:
    "children under five" / "under-fives", "people over 60" / "the over-60s". The same number, said as
    part of a word."""
    holding = [text for text in texts if f"-{fact.lower()}" in text.lower()] if fact.isalnum() else []
    if not holding:  # most numbers end no compound: no pattern needed
        return False
    pattern = re.compile(rf"([^\W\d_]+)-{re.escape(fact)}(?:s|es)?(?![\w’'-])", re.IGNORECASE)
    # not a number of its own ("twenty-five", "one-third")
    return any(match.group(1).lower() not in _NUMBER_HEADS for text in holding for match in pattern.finditer(text))


_NUMBER_HEADS = frozenset({*UNITS, *TENS, "hundred", "thousand", "million", "billion"})


#: Vague counts of years and the words for their periods ("hundreds of years" / "centuries").
_PERIODS = {"hundreds": "centuries", "thousands": "millennia", "dozens": "decades"}
_OF_YEARS = re.compile(r"\s+of\s+years\b", re.IGNORECASE)


def said_as_period(fact: Fact, own: str, texts: Sequence[str]) -> bool:
    """Whether a vague count of years ("hundreds of years", in its sentence ``own``) stands in ``texts``
    as the period it counts ("centuries"): the same quantity. Asked of either side's count."""
    word = fact.text.lower()
    if word in _PERIODS and _OF_YEARS.match(own, fact.end):
        pattern = re.compile(rf"\b{_PERIODS[word]}\b", re.IGNORECASE)
        return any(pattern.search(text) for text in texts)
    return False


def _joined(tokens: Sequence[str]) -> str:
    """A pattern of ``tokens`` in a row: words apart by space or hyphens, punctuation with or without space."""
    pattern = re.escape(tokens[0])
    for previous, token in itertools.pairwise(tokens):
        apart = previous[-1].isalnum() and token[0].isalnum()
        pattern += (r"[\s-]+" if apart else r"\s*") + re.escape(token)
    return pattern


def spelt_out(name: str, texts: Sequence[str]) -> bool:
    """Whether an acronym ("FSM", "DfT") stands written out in ``texts`` ("free school meals",
    "Department for Transport"): consecutive words with its letters as initials."""
    if not _ACRONYM.fullmatch(name) or len(name) > 6:
        return False
    letters = name.rstrip("s") if name.endswith("s") and name[:-1].isupper() else name
    if not any(all(letter in lower for letter in letters.lower()) for lower in map(str.lower, texts)):
        return False  # a text without one of its letters spells nothing out: no pattern needed
    pattern = re.compile(
        r"\b" + r"[\s-]+".join(_JOINERS + re.escape(letter) + r"[\w’'-]*" for letter in letters) + r"\b",
        re.IGNORECASE,
    )
    return any(pattern.search(text) for text in texts)


def abbreviated(name: str, texts: Sequence[str]) -> bool:
    """Whether a name of two words or more stands in ``texts`` as its acronym: the initials of its words,
    joining words left out or in lower case ("European Commission" / "EC", "Department for Transport" /
    "DfT")."""
    words = name.split()
    if len(words) < 2 or len(words) > 8:
        return False
    heads = [word for word in words if word.lower() not in _ACRONYM_JOINERS]
    # words written with a capital and lower-case letters ("US Senate" is no "US")
    if len(heads) < 2 or not all(word[:1].isupper() and not word.isupper() for word in heads):
        return False
    plain = "".join(word[0] for word in heads)
    mixed = "".join(word[0] if word in heads else word[0].lower() for word in words)
    holding = [text for text in texts if plain in text or mixed in text]  # mostly none: no pattern needed
    if not holding:
        return False
    pattern = re.compile(rf"(?<![\w’'-])(?:{re.escape(plain)}|{re.escape(mixed)})s?(?![\w’'-])")
    return any(pattern.search(text) for text in holding)


def _alike(a: Fact, b: Fact) -> bool:
    """Two facts in sentences the alignment did not pair, yet alike enough to be one fact changed: numbers
    with the same unit word or similar digits ("1,240 pupils" / "1,420 children"), dates sharing a month
    or a year ("3 March" / "10 March"), names spelt alike."""
    if a.category == "name":
        return near_miss(a, b)
    if a.category == "date":
        if a.key[0] != "date" or b.key[0] != "date":
            return False
        return any(x is not None and x == y for x, y in zip(a.key[1:3], b.key[1:3], strict=True)) or (
            a.key[3] is not None and a.key[3] == b.key[3]
        )
    if a.detail.get("unit") and a.detail.get("unit") == b.detail.get("unit"):
        return True
    digits_a, digits_b = re.sub(r"\D", "", a.text), re.sub(r"\D", "", b.text)
    return len(digits_a) >= 3 and similarity(digits_a, digits_b) >= 0.7


def _digit_slip(a: Fact, b: Fact) -> bool:
    """A number the rewrite wrote with its digits slipped ("1,240" / "1,420"): same kind, same count of
    digits (three or more), similar digits, other value."""
    digits_a, digits_b = re.sub(r"\D", "", a.text), re.sub(r"\D", "", b.text)
    return (
        a.key[0] == b.key[0] and len(digits_a) == len(digits_b) >= 3 and digits_a != digits_b
        and similarity(digits_a, digits_b) >= 0.7
    )  # fmt: skip


def _same_family(a: Fact, b: Fact) -> bool:
    return _family(a) == _family(b)


def _number_compatible(a: Fact, b: Fact) -> bool:
    if _family(a) != _family(b) and not any(_family(x) == _family(y) for x in _readings(a) for y in _readings(b)):
        return False  # "half of the 40 farms" may have become "thirty of them"
    return a.key[0] != "ordinal" or b.key[0] == "ordinal"


def _name_compatible(a: Fact, b: Fact) -> bool:
    """A near-miss spelling, a shared word ("Jill Biden" / "Joe Biden"), or two places of one kind."""
    if near_miss(a, b):
        return True
    if (set(_name_units(a)) & set(_name_units(b))) - GENERIC_NAME_WORDS:
        return True
    kinds_a, kinds_b = _known_kinds(a), _known_kinds(b)
    return (
        len(_name_units(a)) == len(_name_units(b)) == 1 and bool(kinds_a) and kinds_a == kinds_b
        and kinds_a <= {"country", "city", "region", "continent"}
    )  # fmt: skip


def _quote_compatible(a: Fact, b: Fact) -> bool:
    return quote_overlap(a, b) >= QUOTE_OVERLAP


def _position_closeness(a: Fact, b: Fact) -> float:
    """Numbers and dates: the same unit word first, then the nearest relative position."""
    same_unit = 1.0 if a.detail.get("unit") and a.detail.get("unit") == b.detail.get("unit") else 0.0
    return same_unit + 1.0 / (1 + abs(a.start - b.start) / 100)


def _aligned_facts(sides: Sides, a: Fact) -> list[Fact]:
    """The rewrite's facts of ``a``'s category in the sentences aligned with ``a``'s (:meth:`Sides.aligned`),
    in text order: looked up through the alignment, not by testing every fact of the rewrite."""
    groups = sides.original_groups
    if a.sentence >= len(groups):
        return []
    return [b for j in sorted(groups[a.sentence]) for b in sides.rewrite[j] if b.category == a.category]


def _facts_of(facts: Sequence[Sequence[Fact]], category: str) -> list[Fact]:
    return [fact for sentence in facts for fact in sentence if fact.category == category]


def _local_sentences(sides: Sides) -> list[set[int]]:
    """Per original sentence: the rewrite sentences whose facts are local to its facts (:meth:`Sides.local`)."""
    regions_o, regions_r = sides.original_regions, sides.rewrite_regions
    local = [set(region) for region in regions_o]
    for j, region in enumerate(regions_r):
        for i in region:
            while i >= len(local):
                local.append(set())
            local[i].add(j)
    return local


def _match_category(
    sides: Sides,
    category: str,
    equal: Callable[[Fact, Fact], bool],
    compatible: Callable[[Fact, Fact], bool],
    closeness: Callable[[Fact, Fact], float],
    misspelt: Callable[[Fact, Fact], bool] | None = None,
    *,
    mentioned_anywhere: bool = False,
    pair_in_region: bool = False,
    identity: Callable[[Fact], Hashable] = id,
) -> list[Match]:
    """``mentioned_anywhere``: a rewrite fact equal to any original fact is accounted for (names are
    mentioned again and again; a number may be repeated but also changed into another one's value);
    ``pair_in_region``: a changed pair may stand anywhere in the region, not only in one alignment group
    (quotations are recognisable by their words wherever the alignment put them); ``identity``: all that
    ``equal`` reads of a fact (the fact itself by default; a date's or quotation's key, a name's units), so
    that facts of one identity are compared once."""
    all_o = _facts_of(sides.original, category)
    all_r = _facts_of(sides.rewrite, category)
    identities_o = [identity(a) for a in all_o]
    identities_r: list[Hashable] = [identity(b) for b in all_r]
    if category == "name":  # "Steck" does not account for "Castellanos Steck" where "Ueli Steck" is named
        vetoed = {id(b) for b in all_r if other_full_name(b, all_o)}
        identities_r = [(units, id(b) in vetoed) for units, b in zip(identities_r, all_r, strict=True)]
        plain_equal = equal

        def equal(a: Fact, b: Fact) -> bool:
            if id(b) in vetoed and _name_units(a) != _name_units(b):
                return False
            return plain_equal(a, b)

    # facts recur through an article: each pair of identities is compared once (equality is a pure function
    # of the pair)
    compared: dict[tuple[Hashable, Hashable], bool] = {}
    rule = equal

    def same(i: int, j: int) -> bool:
        """Whether original fact ``i`` and rewrite fact ``j`` are equal."""
        key = (identities_o[i], identities_r[j])
        found = compared.get(key)
        if found is None:
            found = compared[key] = rule(all_o[i], all_r[j])
        return found

    every_o = _one_per_identity(range(len(all_o)), identities_o)
    every_r = _one_per_identity(range(len(all_r)), identities_r)

    kept_r: set[int] = set()
    # the pairs in aligned sentences, found through the sentences rather than by testing every pair
    by_sentence: dict[int, list[int]] = {}
    for j, b in enumerate(all_r):
        by_sentence.setdefault(b.sentence, []).append(j)
    local = _local_sentences(sides)
    keepers: dict[int, list[int]] = {}  # each original fact: the rewrite facts that keep it locally
    for i, a in enumerate(all_o):
        for sentence in local[a.sentence] if a.sentence < len(local) else ():
            for j in by_sentence.get(sentence, ()):
                if same(i, j):
                    keepers.setdefault(i, []).append(j)
                    kept_r.add(j)
    if not mentioned_anywhere:  # a fact kept only by a vaguer one beside its sentence may be a changed one
        kept_by: dict[int, list[int]] = {}
        for i, js in keepers.items():
            for j in js:
                kept_by.setdefault(j, []).append(i)
        unkept = [i for i in range(len(all_o)) if i not in keepers]
        for j, far in sorted(kept_by.items()):
            if _said_more_nearly(all_o, all_r[j], far, unkept, every_r, same, sides):
                kept_r.discard(j)
                for i in far:
                    keepers[i].remove(j)
                    if not keepers[i]:
                        del keepers[i]
                        unkept.append(i)
    kept_o = set(keepers)
    if category == "number":
        kept_o -= _kept_twice(all_o, all_r, keepers, sides)
        kept_r -= _twins(all_o, all_r, keepers, kept_o, sides)
    pending = [i for i in range(len(all_o)) if i not in kept_o]
    # a rewrite fact equal to an original fact that is not kept locally may be that fact, moved
    pending_once = _one_per_identity(pending, identities_o)
    moved = {j for j in range(len(all_r)) if j not in kept_r and any(same(i, j) for i in pending_once)}
    # ... unless an aligned fact said as fully says it more nearly (:func:`_said_more_nearly`)
    moved -= {
        j for j in moved
        if _said_more_nearly(all_o, all_r[j], [i for i in pending_once if same(i, j)], pending, every_r, same, sides)
    } if not mentioned_anywhere else set()  # fmt: skip
    if mentioned_anywhere:
        moved |= {j for j in range(len(all_r)) if j not in kept_r and any(same(i, j) for i in every_o)}
    spare = [j for j in range(len(all_r)) if j not in kept_r and j not in moved]
    candidates = sorted(
        (
            (-closeness(all_o[i], all_r[j]), i, j)
            for i in pending
            for j in spare
            if (
                sides.aligned(all_o[i], all_r[j])
                or (sides.local(all_o[i], all_r[j]) and (pair_in_region or _alike(all_o[i], all_r[j])))
            )
            and compatible(all_o[i], all_r[j])
        ),
    )
    changed: dict[int, int] = {}
    used: set[int] = set()
    for _, i, j in candidates:
        if i not in changed and j not in used:
            changed[i] = j
            used.add(j)
    results: list[Match] = []
    for i in pending:
        a = all_o[i]
        if i in changed:
            b = all_r[changed[i]]
            results.append(_changed_or_shortened(category, a, b))
        elif any(same(i, j) for j in every_r) or _written_there(category, a, sides, original_side=True):
            continue
        else:
            results.append(Match("dropped", a, None, describe(category, "dropped", a, None), a.kind))
    for j in spare:
        if j in used:
            continue
        b = all_r[j]
        if any(same(i, j) for i in every_o) or _written_there(category, b, sides, original_side=False):
            continue
        source = None
        if misspelt is not None:
            lost = [a for i, a in enumerate(all_o) if i not in kept_o and i not in changed]
            similar = [a for a in (all_o if category == "name" else lost) if misspelt(a, b)]
            source = max(similar, key=lambda a: (sides.local(a, b), name_similarity(a, b)), default=None)
        if source is not None:
            results.append(Match("changed", source, b, describe(category, "changed", source, b), b.kind))
        else:
            results.append(Match("added", None, b, describe(category, "added", None, b), b.kind))
    return results


def _key(fact: Fact) -> tuple[object, ...]:
    return fact.key


def _said_more_nearly(
    all_o: Sequence[Fact],
    b: Fact,
    far: Sequence[int],
    candidates: Sequence[int],
    every_r: Sequence[int],
    same: Callable[[int, int], bool],
    sides: Sides,
) -> bool:
    """Whether a rewrite fact that equals only original facts outside its alignment group (``far``), each
    of them said less fully (a month without the day, a count without the unit), has a changed source in
    its aligned sentences: a fact said as fully, of a family it may change into, that the rewrite says
    nowhere. "set for 14 May" / "held on 14 March", where another sentence says "a trial due in March";
    "more than three miles" / "more than two miles", where a neighbour says "between two and six miles"."""
    if not far or any(sides.aligned(all_o[i], b) or not _vaguer(all_o[i], b) for i in far):
        return False
    return any(
        sides.aligned(all_o[i], b)
        and not _vaguer(all_o[i], b)
        and _family(all_o[i]) == _family(b)
        and not any(same(i, k) for k in every_r)
        for i in candidates
    )


def _vaguer(a: Fact, b: Fact) -> bool:
    """Whether ``a`` leaves out something ``b`` says: a date's day or month, a number's unit of measurement."""
    if a.category == "date" and a.key[0] == b.key[0] == "date":
        return any(x is None and y is not None for x, y in zip(a.key[1:3], b.key[1:3], strict=True))
    if a.category == "number":
        return not a.detail.get("measure") and bool(b.detail.get("measure"))
    return False


def _one_per_identity(indices: Iterable[int], identities: Sequence[Hashable]) -> list[int]:
    """The first of ``indices`` of each identity."""
    first: dict[Hashable, int] = {}
    for index in indices:
        first.setdefault(identities[index], index)
    return list(first.values())


def _kept_twice(all_o: Sequence[Fact], all_r: Sequence[Fact], keepers: dict[int, list[int]], sides: Sides) -> set[int]:
    """Original numbers kept only by a rewrite number that another original number, aligned with it,
    keeps too: "two billion people are malnourished" kept by the rewrite's "an extra two billion people by
    2050" (a neighbouring sentence of its region) while the rewrite's own sentence says "two million people
    are malnourished". One rewrite number stands for one original number; the other is compared again."""
    aligned_to: dict[int, set[int]] = {}  # each rewrite number: the original numbers it keeps in its alignment group
    for i, js in keepers.items():
        for j in js:
            if sides.aligned(all_o[i], all_r[j]):
                aligned_to.setdefault(j, set()).add(i)
    return {
        i
        for i, js in keepers.items()
        if not any(sides.aligned(all_o[i], all_r[j]) for j in js) and all(aligned_to.get(j, {i}) - {i} for j in js)
    }


def _misspelt_words(sides: Sides, found: list[Match]) -> list[Match]:
    """A name of several words the rewrite writes with one word misspelt ("Sam Amsp" / "Sam Amps", "Esesx
    University" / "Essex University") or replaced ("Ian Spiers" / "Hugo Spiers"): *changed* (against a
    name of the same region first), even where another mention ("Sam") accounts for it as a whole; the
    word must pass :func:`_word_replaced`. Returns ``found`` with these findings, each in place of the
    name's ``added`` finding if it had one."""
    reported = {id(match.rewrite) for match in found if match.rewrite is not None and match.type != "added"}
    added = {id(match.rewrite): index for index, match in enumerate(found) if match.type == "added"}
    originals = _facts_of(sides.original, "name")
    written = {unit for a in originals for unit in _name_units(a)}
    results = list(found)
    for b in _facts_of(sides.rewrite, "name"):
        units_b = _name_units(b)
        if id(b) in reported or len(units_b) < 2 or all(unit in written for unit in units_b):
            continue
        for a in sorted(originals, key=lambda a: not sides.local(a, b)):  # the same region first
            differ = _one_word_apart(_name_units(a), units_b)
            if differ is None:
                continue
            if not _word_replaced(*differ, sides.original_texts):
                continue
            change = Match("changed", a, b, _describe_name_change(a, b), b.kind)
            if id(b) in added:
                results[added[id(b)]] = change
            else:
                results.append(change)
            break
    return results


def _one_word_apart(units_a: tuple[str, ...], units_b: tuple[str, ...]) -> tuple[str, str] | None:
    """The one pair of words in which two names of at least two words differ, the shorter one read against
    the start or the end of the longer ("Hugo Spiers" / "Huugo Spiers of University College London");
    ``None`` when they differ in no word or in more than one."""
    short = min(len(units_a), len(units_b))
    if short < 2:
        return None
    for a_part, b_part in {(units_a[:short], units_b[:short]), (units_a[-short:], units_b[-short:])}:
        differ = [(x, y) for x, y in zip(a_part, b_part, strict=True) if x != y]
        if len(differ) == 1:
            return differ[0]
    return None


def _written_as(unit: str, fact: Fact) -> str:
    """A name unit as the fact writes it ("essex" -> "Essex")."""
    found = re.search(rf"\b{re.escape(unit)}\b", fact.text, re.IGNORECASE)
    return found.group() if found else unit


def _word_replaced(original: str, rewrite: str, original_texts: Sequence[str]) -> bool:
    """``rewrite`` stands in a name where ``original`` stood (see :func:`_misspelt_words`): another word, not
    another form of it ("Sport" / "Sports") nor one the gazetteer reads as the same, and one the original
    writes nowhere. A generic name word ("University") counts only misspelt (spelt alike,
    :data:`NEAR_MISS`), and not as two names the gazetteer knows."""
    if not (original.isalpha() and rewrite.isalpha()) or min(len(original), len(rewrite)) < 3:
        return False
    if stem(original) == stem(rewrite) or _unit_ids(original) & _unit_ids(rewrite):
        return False
    if _written(rewrite, original_texts):
        return False
    if not {original, rewrite} & GENERIC_NAME_WORDS:
        return True
    alike = min(len(original), len(rewrite)) >= 4 and similarity(original, rewrite) >= NEAR_MISS
    return alike and not (entity(original) is not None and entity(rewrite) is not None)


def _written(word: str, texts: Sequence[str]) -> bool:
    """Whether ``word`` stands as a word in one of ``texts``, in any case."""
    pattern = re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)
    return any(pattern.search(text) for text in texts)


def _twins(
    all_o: Sequence[Fact], all_r: Sequence[Fact], keepers: dict[int, list[int]], kept_o: set[int], sides: Sides
) -> set[int]:
    """Rewrite numbers that keep an original number another rewrite number keeps already, where an original
    number of their alignment group is kept by none: "12 of 18 men … six of 24 women" / "6 of 18 men … six
    of 24 women" keeps "six" once and compares "6" with "12". The keeper written like the original, or
    else the nearest, stays."""
    keeps: dict[int, int] = {}  # each rewrite number: how many original numbers it keeps
    for js in keepers.values():
        for j in js:
            keeps[j] = keeps.get(j, 0) + 1
    lost = [i for i in range(len(all_o)) if i not in kept_o]
    released: set[int] = set()
    for i, js in keepers.items():
        if len(js) < 2:
            continue
        a = all_o[i]
        best = max(
            js, key=lambda j: (all_r[j].text == a.text, sides.aligned(a, all_r[j]), _position_closeness(a, all_r[j]))
        )
        released |= {
            j for j in js
            if j != best and keeps[j] == 1 and any(sides.aligned(all_o[k], all_r[j]) for k in lost)
        }  # fmt: skip
    return released


#: Words of degree that change how strongly a quotation says what it keeps ("promising but early" / "very
#: promising"): a quotation that adds one is altered, not shortened.
_DEGREE_WORDS = frozenset((
    "very", "really", "extremely", "so", "too", "totally", "completely", "absolutely", "highly", "hugely",
    "quite", "fairly", "rather", "only", "just", "even", "always", "all", "every", "most", "more", "much",
    "entirely", "fully", "definitely", "certainly", "truly", "deeply", "incredibly", "enormously",
))  # fmt: skip


def _changed_or_shortened(category: str, a: Fact, b: Fact) -> Match:
    """A quotation whose rewrite only leaves words out (function words aside, but not a modal verb it
    adds, nor a word of degree such as "very" that the original does not say) is shortened (detail dropped), not
    changed."""
    if (
        category == "quote"
        and content_stems(b.key) <= content_stems(a.key)
        and _negations(b.key) == _negations(a.key)
        and not _modals(b.key) - _modals(a.key)
        and not (_DEGREE_WORDS & set(b.key)) - set(a.key)
    ):
        return Match("dropped", a, None, _describe_shortened(a, b), "quote-shortened")
    return Match("changed", a, b, describe(category, "changed", a, b), a.kind)


#: Words that make a number a bound: "nearly 500" and "up to 300" say at most that many, "more than 500"
#: and "at least 20" at least (the longer phrases first: "no more than" is a bound from above).
_BELOW_BEFORE = re.compile(
    r"\b(?:no (?:more|greater|higher|older|later) than|not more than|nearly|almost|under|just under|"
    r"(?:less|fewer|younger|lower|smaller|cheaper|shorter|earlier|lighter|slower|narrower|shallower|colder|cooler) "
    r"than|not even|up to|at most|below|short of|"
    r"as (?:much|many|high|long|far|deep|tall|heavy|old|big|large|wide|fast) as|"
    r"(?:under|below) the age of|(?:a )?maximum of|within(?: the (?:previous|last|past|next|first))?|"
    # "can reach 3.3 metres", "can grow to 2 metres": at most
    r"(?:can|could|may) (?:reach|measure|grow to|grow up to|weigh|live for|live to|last for)|"
    # "capped at £2"; "until they are 20" (an age up to which: under 20)
    r"(?:capped|limited) (?:at|to)|until (?:they|you|he|she|it|the child|your child) (?:are|is|turn|turns)|"
    r"until (?:the )?age(?:d| of)?)(?:\s*|-)$",
    re.IGNORECASE,
)
_ABOVE_BEFORE = re.compile(
    r"\b(?:no (?:fewer|less|lower|younger|earlier) than|not less than|over|just over|at least|above|upwards of|"
    r"(?:more|greater|higher|older|larger|bigger|longer|later|heavier|faster|wider|taller|deeper|hotter|warmer) "
    r"than|(?:over|above) the age of|in excess of|"
    r"exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|(?:a )?minimum of)(?:\s*|-)$",
    re.IGNORECASE,
)
#: "went up to £80" is where a change ended, not a bound ("up to £80").
_MOVED_UP = re.compile(
    r"\b(?:go|goes|going|gone|went|come|comes|came|coming|move[sd]?|moving|rose|risen|rise[sn]?|rising|put|"
    r"push(?:es|ed)?|brought|bring|edged|crept|climbed|jumped|shot|rounded)\s+up$",
    re.IGNORECASE,
)
#: "spread over 145 square kilometres", "reach out as far as 282,000 km" say where, not how much: a bound right
#: after one of these is none ("winds reached up to 160 km/h" is a bound).
_SPREAD = re.compile(
    r"\b(?:(?:spread(?:s|ing)?|stretch(?:es|ed|ing)?|scattered|sprawl(?:s|ed|ing)?|extend(?:s|ed|ing)?)(?:\s+out)?"
    r"|reach(?:es|ed|ing)?\s+out)\s+$",  # not "winds reached up to 160 km/h": a top speed
    re.IGNORECASE,
)
#: A negation up to two words before a bound, or before "be able to" and a verb, turns it round ("must not earn
#: more than €15,000", "will not be able to go faster than 15 mph").
_NEGATED_BOUND = re.compile(
    r"\b(?:not|never|cannot|\w+n['’]t)(?:(?:\s+\w+){0,2}|\s+be\s+(?:able|allowed|permitted)\s+to(?:\s+\w+)?)\s+$",
    re.IGNORECASE,
)
#: Words after "or" that make a number a bound, by side: "20 or more", "0 degrees or colder".
_OR_ABOVE = ("more", "over", "above", "greater", "higher", "older", "longer", "later", "larger", "bigger", "warmer",
             "hotter")  # fmt: skip
_OR_BELOW = ("fewer", "less", "under", "below", "lower", "younger", "shorter", "earlier", "smaller", "colder", "cooler")
_BOUND_AFTER = re.compile(
    # what is counted, and the rate: "8,000 steps a day or more", "£151 a week or less"
    r"(?:\s+(?!(?:a|an|the|and|or|of|to|in|on|at|for|by|with|from|than|per|each|every)\b)[a-z]+){0,2}?"
    r"(?:\s+(?:a|an|per|each|every)\s+[a-z]+)?"
    rf"(?:\s+or\s+(?P<word>{'|'.join(_OR_ABOVE + _OR_BELOW)})\b"
    r"|\s+and\s+(?P<word_and>over|above|older|upwards|under|below|younger)\b"
    # "two permits at most"; not "72 °C for at least 15 seconds", the next number's bound
    r"|(?:\s+(?!(?:for|of|in|to|on|by|with|from|and|or)\b)[a-z]+)?\s+at\s+(?P<word_at>most|least)\b"
    r"(?!\s+(?:\d|an?\b|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|hundred)))",
    re.IGNORECASE,
)
#: A bound said of a threshold the number names: "below the small profits threshold of £6,725".
_THRESHOLD_OF = re.compile(
    r"\b(?P<side>below|under|above|over|exceed(?:s|ed|ing)?)\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:threshold|limit|level|cap|ceiling|floor)\s+of\s*$",
    re.IGNORECASE,
)


#: People a bound right after them describes ("children under 3"): a negation before them bears on the verb.
_PEOPLE_BEFORE = re.compile(
    r"\b(?:children|child|kids|babies|adults|people|anyone|those|pupils|students|patients|drivers|men|women|boys|"
    r"girls|residents|workers|households|families|customers|passengers|applicants|tenants)\s+$",
    re.IGNORECASE,
)


def _plain_count(fact: Fact) -> bool:
    """A count with no unit but years: what a bound after people says of them ("children under 3")."""
    return fact.key[0] == "count" and str(fact.detail.get("measure") or "year") == "year"


#: What follows a number "within" a margin of a rival, not of a time: "within two points of the leaders".
_MARGIN_OF = re.compile(r"\s+(?:points?|goals?|runs?|seats?|votes?|shots?|strokes?|places?)\s+of\b", re.I)


def _bound(fact: Fact, text: str) -> tuple[str, int, int] | None:
    """A number's bound ("below" or "above") and the span of the number with the words that make it one
    ("nearly 500", "20 or more"); ``None`` for a number stated as it is, or about so."""
    before = text[max(0, fact.start - 30) : fact.start]
    offset = fact.start - len(before)
    found = [
        (m.start(), side)
        for side, m in (("below", _BELOW_BEFORE.search(before)), ("above", _ABOVE_BEFORE.search(before)))
        if m and not _MOVED_UP.search(before, 0, m.start() + 2) and not _SPREAD.search(before, 0, m.start())
    ]
    threshold = None if found else _THRESHOLD_OF.search(text, max(0, fact.start - 60), fact.start)
    if threshold is not None:
        side = "below" if threshold.group("side").lower() in ("below", "under") else "above"
        found = [(threshold.start() - offset, side)]
    if found:  # both: the longer phrase ("no fewer than", not "fewer than")
        start, side = min(found)
        if text.startswith("within", offset + start) and _MARGIN_OF.match(text, fact.end):
            return None  # "moved within two points of the leaders": two points behind them
        if _bound_negated(fact, text, offset + start):  # "must not earn more than": at most
            side = "below" if side == "above" else "above"
        return side, offset + start, fact.end
    unit_end = fact.detail.get("unit_end")
    after = _BOUND_AFTER.match(text, fact.end) or (
        _BOUND_AFTER.match(text, unit_end) if isinstance(unit_end, int) else None
    )  # "20 or more", "five years or more"
    if after is not None:  # "20 or more", "aged 12 and over"
        word = (after.group("word") or after.group("word_and") or after.group("word_at")).lower()
        side = "above" if word in (*_OR_ABOVE, "upwards", "least") else "below"
        return side, fact.start, after.end()
    return None


#: The word before a number that says what it is in a change: its size ("fell by 10%"), where it ended
#: ("fell to 10%") or where it started ("rose from £2"); not "up to", "close to", "due to" and the like.
_ROLE_BEFORE = re.compile(r"(?<!\bup )(?<!\bclose )(?<!\bnext )(?<!\bdue )\b(?P<role>by|to|from)\s+$", re.IGNORECASE)
_ROLES = {"by": "the size of a change", "to": "where a change ended", "from": "where a change started"}
_BOUNDS = {"below": "at most", "above": "at least"}


#: Verbs of change (stems), one of which must stand up to five words before a number's role word.
_CHANGE_STEMS = frozenset(map(stem, (
    "rise", "rose", "risen", "fall", "fell", "fallen", "increase", "decrease", "grow", "grew", "grown", "drop",
    "cut", "reduce", "raise", "lower", "climb", "jump", "soar", "plunge", "slash", "boost", "double", "halve",
    "shrink", "shrank", "change", "up", "down",
)))  # fmt: skip
_WORDS_BEFORE = re.compile(r"(?:[\w’'-]+\W+){1,5}$")


def _role(fact: Fact, text: str) -> tuple[str, int] | None:
    """What a number is in a change, by the word before it (:data:`_ROLE_BEFORE`) where a verb of change
    (:data:`_CHANGE_STEMS`) stands up to five words before that, and where that word starts."""
    found = _ROLE_BEFORE.search(text, max(0, fact.start - 12), fact.start)
    if found is None or text[fact.end : fact.end + 1] == "-":  # "from zero- and low-emission vehicles"
        return None
    before = _WORDS_BEFORE.search(text, max(0, found.start() - 60), found.start())
    if before is None or not any(stem(word) in _CHANGE_STEMS for word in re.findall(r"[\w’']+", before.group())):
        return None
    return found.group("role").lower(), found.start()


def _bound_changes(sides: Sides, found: Sequence[Match]) -> list[Match]:
    """A number kept in an aligned sentence as a bound the other way: "nearly 500" / "more than 500", "up
    to 20" / "at least 20"; with a strict bound dropped or added: "up to 90" / "90", "200" / "more than 200"
    (an approximation dropped is no change: "nearly 500" / "500"; nor is a bound dropped where another
    aligned mention says the number as the original does); or as another part of a change: "fell by 10%" /
    "fell to 10%", "rose from £2 to £3" / "rose to £2" (kind ``role``)."""
    reported = {id(fact) for match in found for fact in (match.original, match.rewrite) if fact is not None}
    results: list[Match] = []
    taken: set[int] = set()
    for a in _facts_of(sides.original, "number"):
        if id(a) in reported or a.key[0] in ("vague", "ordinal"):
            continue
        bound_a = _bound(a, sides.original_texts[a.sentence])
        role_a = _role(a, sides.original_texts[a.sentence])
        aligned = _aligned_facts(sides, a)
        for b in aligned:
            if id(b) in reported or id(b) in taken or a.key != b.key:
                continue
            role_b = _role(b, sides.rewrite_texts[b.sentence])
            if role_a is not None and role_b is not None and role_a[0] != role_b[0]:
                shown_a = _widened(a, role_a[1], a.end, sides.original_texts)
                shown_b = _widened(b, role_b[1], b.end, sides.rewrite_texts)
                results.append(Match(
                    "changed", shown_a, shown_b,
                    f"number changed: '{shown_a.text}' became '{shown_b.text}' ({_ROLES[role_a[0]]} became "
                    f"{_ROLES[role_b[0]]})",
                    "role",
                ))  # fmt: skip
                taken.add(id(b))
                break
            bound_b = _bound(b, sides.rewrite_texts[b.sentence])
            why = _bound_change(sides, a, bound_a, b, bound_b, aligned)
            if why is None:
                continue
            shown_a = a if bound_a is None else _widened(a, bound_a[1], bound_a[2], sides.original_texts)
            shown_b = b if bound_b is None else _widened(b, bound_b[1], bound_b[2], sides.rewrite_texts)
            message = f"number changed: '{shown_a.text}' became '{shown_b.text}' ({why})"
            results.append(Match("changed", shown_a, shown_b, message, "bound"))
            taken.add(id(b))
            break
    return results


def _bound_change(
    sides: Sides,
    a: Fact,
    bound_a: tuple[str, int, int] | None,
    b: Fact,
    bound_b: tuple[str, int, int] | None,
    aligned: Sequence[Fact],
) -> str | None:
    """How an aligned pair of one number changed its bound, in words; ``None`` for no change: a strict bound
    dropped or added (not where another aligned counterpart, or another mention of the side without it, says
    it as the other side does), an upper age limit that takes its own age in on one side only, or a bound
    the other way (not where the original says the rewrite's at another mention)."""
    if bound_a is None and bound_b is None:
        return None
    if bound_a is None or bound_b is None:
        said = _strict_bound(a, bound_a, sides.original_texts) or _strict_bound(b, bound_b, sides.rewrite_texts)
        if (
            said is None
            or any(  # another of its aligned counterparts says it as the original does
                (_bound(other, sides.rewrite_texts[other.sentence]) is None) == (bound_a is None)
                for other in aligned
                if other is not b and other.key == a.key
            )
            or _bound_said_elsewhere(sides, a, bound_a, b, bound_b)
        ):
            return None
        return (
            f"{said} that many became exactly that many"
            if bound_b is None
            else (f"exactly that many became {said} that many")
        )
    if bound_b[0] == bound_a[0] and _age_limit_moved(a, bound_a, b, bound_b, sides):
        takes_in = _inclusive(b, bound_b, sides.rewrite_texts)
        return (
            f"an age limit that {'left out' if takes_in else 'took in'} its own age now "
            f"{'takes it in' if takes_in else 'leaves it out'}"
        )
    if bound_b[0] == bound_a[0] or _bound_said_elsewhere(sides, a, None, b, bound_b):
        return None  # the same bound, or the original says the rewrite's at another mention
    return f"{_BOUNDS[bound_a[0]]} that many became {_BOUNDS[bound_b[0]]}"


#: Words that make a number in a sentence an age.
_AGE_WORDS = re.compile(
    r"\b(?:aged?|ages|years? old|year-olds?|children|child|kids|pupils|adults|teenagers|under-\d+s|over-\d+s)\b",
    re.IGNORECASE,
)


def _an_age(fact: Fact, text: str) -> bool:
    """Whether a number is an age: a word of age (:data:`_AGE_WORDS`) near it ("children under 12", "aged 12
    and over", "12-year-olds"), not anywhere in its sentence ("children aged 12 … up to eight tablets")."""
    return _AGE_WORDS.search(text, max(0, fact.start - 30), min(len(text), fact.end + 15)) is not None


def _bound_negated(fact: Fact, text: str, start: int) -> bool:
    """Whether a negation turns round the bound said before the number from ``start`` ("must not earn more
    than": at most); not a window ("has not done them within 14 days"), nor "up to" after a negated verb
    ("might not work for up to two hours"), nor the age of people a negated verb bears on ("do not let
    children under 3"). :func:`_bound` and :func:`_inclusive` both ask it."""
    return (
        start < fact.start
        and not text.startswith(("within", "up to"), start)
        and _NEGATED_BOUND.search(text, 0, start) is not None
        and not (_PEOPLE_BEFORE.search(text, 0, start) and _plain_count(fact))
    )


def _inclusive(fact: Fact, bound: tuple[str, int, int], texts: Sequence[str]) -> bool:
    """Whether a bound takes in its own number: "12 and under", "no more than 8", and a strict bound
    negated ("should not take more than 8"); not "under 12", nor "must not be at least 18"."""
    text = texts[fact.sentence]
    said = _INCLUSIVE_BOUND.search(text, bound[1], bound[2]) is not None
    return said != _bound_negated(fact, text, bound[1])


def _age_limit_moved(
    a: Fact, bound_a: tuple[str, int, int], b: Fact, bound_b: tuple[str, int, int], sides: Sides
) -> bool:
    """An upper age limit with its own age taken in on one side only: "children under 12" / "children aged
    12 and under" lets 12-year-olds in. Only for ages, where a year is the rule ("more than 20 people" /
    "at least 20 people" is a loose way news says a count), and only from below: "over 65" is said loosely
    for "65 or over" (the over-65s), "under 12" is not."""
    text_a, text_b = sides.original_texts[a.sentence], sides.rewrite_texts[b.sentence]
    return (
        bound_a[0] == "below"
        and a.key[0] == "count"
        and float(str(a.key[2])).is_integer()
        and (_an_age(a, text_a) or _an_age(b, text_b))
        and _inclusive(a, bound_a, sides.original_texts) != _inclusive(b, bound_b, sides.rewrite_texts)
    )


def _bound_said_elsewhere(
    sides: Sides, a: Fact, bound_a: tuple[str, int, int] | None, b: Fact, bound_b: tuple[str, int, int] | None
) -> bool:
    """Whether the side without the bound says the number with that bound at another mention: a headline's
    "85mph gusts" over "gusts of up to 85mph" / "gusts of up to 85mph" twice."""
    side, facts, texts, key = (
        (bound_a[0], sides.rewrite, sides.rewrite_texts, a.key)
        if bound_a is not None
        else (bound_b[0] if bound_b is not None else "", sides.original, sides.original_texts, b.key)
    )
    return any(
        fact.key == key and (bound := _bound(fact, texts[fact.sentence])) is not None and bound[0] == side
        for fact in _facts_of(facts, "number")
    )


#: A bound that takes in its number ("at least 16", "15 or younger"), as against one that leaves it out
#: ("over 16", "under 16").
_INCLUSIVE_BOUND = re.compile(
    rf"\b(?:or|and) (?:{'|'.join(_OR_ABOVE + _OR_BELOW)}|upwards)\b"
    r"|\bat (?:least|most)\b"
    r"|\bup to\b|\b(?:no|not) (?:more|fewer|less|older|younger|later|earlier) than\b|\b(?:minimum|maximum)\b"
    r"|\bas \w+ as\b",
    re.IGNORECASE,
)


def _same_whole_bound(match: Match, sides: Sides) -> bool:
    """A changed whole number that states the same bound another way: "under 16" / "15 or younger", "over
    65" / "66 or older", "more than 4" / "at least 5"."""
    a, b = match.original, match.rewrite
    if match.type != "changed" or a is None or b is None or a.category != "number" or a.key[0] != "count":
        return False
    if b.key[0] != "count" or a.key[1] != b.key[1]:
        return False
    value_a, value_b = float(str(a.key[2])), float(str(b.key[2]))
    if not (value_a.is_integer() and value_b.is_integer()) or abs(value_a - value_b) != 1:
        return False
    text_a, text_b = sides.original_texts[a.sentence], sides.rewrite_texts[b.sentence]
    bound_a, bound_b = _bound(a, text_a), _bound(b, text_b)
    if bound_a is None or bound_b is None or bound_a[0] != bound_b[0]:
        return False
    inclusive_a = _inclusive(a, bound_a, sides.original_texts)
    inclusive_b = _inclusive(b, bound_b, sides.rewrite_texts)
    if inclusive_a == inclusive_b:
        return False
    strict, inclusive = (value_a, value_b) if inclusive_b else (value_b, value_a)
    return inclusive == strict + (1 if bound_a[0] == "above" else -1)


#: Bounds that say about that many, or no more than a period itself says ("within the last three months" is
#: "the last three months"): no strict bound.
_APPROXIMATE = re.compile(
    r"(?:nearly|almost|just under|just over|short of|within the (?:previous|last|past|next|first))\b", re.IGNORECASE
)


def _strict_bound(fact: Fact, bound: tuple[str, int, int] | None, texts: Sequence[str]) -> str | None:
    """The bound ("at most" or "at least") of a number said as a strict bound ("up to 90", "more than 200", "12 or
    more"); ``None`` for none, an approximation ("nearly 500", "just over 200": about that many), or "over" or
    "within" a stretch of time, which say when as often as how long ("sent 40 messages over three months" is
    "in three months", "died within 30 days" is "30-day mortality"; not an age, "over three years old")."""
    text = texts[fact.sentence]
    if bound is None or _APPROXIMATE.match(text, bound[1]):
        return None
    if (
        _OVER_A_STRETCH.match(text, bound[1])
        and fact.detail.get("measure") in _STRETCHES
        and not _HOW_LONG_BEFORE.search(text, 0, bound[1])
    ):
        unit_end = fact.detail.get("unit_end")
        if not _AGE_AFTER.match(text, unit_end if isinstance(unit_end, int) else fact.end):
            return None
    return _BOUNDS[bound[0]]


_OVER_A_STRETCH = re.compile(r"(?:over|within)\b", re.IGNORECASE)
_STRETCHES = frozenset({"day", "week", "month", "year", "decade", "century", "h", "min"})
_AGE_AFTER = re.compile(r"\s+(?:old|of age)\b", re.IGNORECASE)
#: Words before "over" that make it say how long ("lasted over three months", "for over a year").
_HOW_LONG_BEFORE = re.compile(
    r"\b(?:for|after|last(?:s|ed|ing)?|t(?:ake|akes|aking|ook|aken)|spen[dt]|spending|wait(?:s|ed|ing)?|"
    r"serv(?:e|es|ed|ing)|been|is|was|are|were)\s+$",
    re.IGNORECASE,
)


_ORDINAL_WORDS = rf"\b(?:{'|'.join(ORDINALS)}|\d+(?:st|nd|rd|th))"
#: What a number is counted per, after it (and its unit): "£100 a day", "£5 per person", "twice a week",
#: "£800/month". Not "a year ago", nor "per cent".
_RATE_AFTER = re.compile(
    r"(?:\s+of\s+[a-z]+)?"  # what is counted, between: "two litres of water per day"
    r"\s*(?:(?:for\s+)?(?P<word>per|a|an|each|every)\s+|/\s*)(?P<per>[a-z]+)\b(?!\s+(?:ago|earlier|later|before|on)\b)",
    re.IGNORECASE,
)
#: The initials of a yearly rate of interest after a percentage: "39.9% EAR", "5.2% APR", "4% AER", "3% p.a.".
_ANNUAL_RATE = re.compile(r"\s*(?:EAR|APR|AER|APY|p\.a\.?|per\s+annum)(?![\w])", re.IGNORECASE)
#: Periods of time, each with the words that say it (a rate's period is one of them; a sentence that says
#: one of them keeps the period, as "a daily fine of £100" keeps "£100 a day").
_RATE_PERIODS = {
    word: period
    for period, words in (
        ("second", "second seconds"), ("minute", "minute minutes"), ("hour", "hour hours hourly"),
        ("day", "day days daily"), ("night", "night nights nightly"), ("week", "week weeks weekly"),
        ("fortnight", "fortnight fortnights fortnightly"), ("month", "month months monthly"),
        ("quarter", "quarter quarters quarterly"), ("year", "year years yearly annual annually annum"),
        ("term", "term terms"),
    )
    for word in words.split()
}  # fmt: skip
_SPEEDS = frozenset({"mph", "kmh"})
_PEOPLE = frozenset({"person", "people", "head", "capita", "individual", "adult"})


def _rate(fact: Fact, text: str) -> str | None:
    """What a number is counted per (:func:`_rate_said`); ``None`` for none."""
    said = _rate_said(fact, text)
    return said[0] if said else None


def _rate_said(fact: Fact, text: str) -> tuple[str, int] | None:
    """What a number is counted per (:data:`_RATE_AFTER`), and where the words that say it end: a period of
    time (:data:`_RATE_PERIODS`), or after "per" or "each" any noun ("per person"); a yearly rate of interest
    by its initials ("34.9% EAR", "5% APR", "4% AER", "3% p.a."); ``None`` for none."""
    end = fact.detail.get("unit_end")
    annual = _ANNUAL_RATE.match(text, end if isinstance(end, int) else fact.end)
    if annual is not None and fact.key[0] == "percent":
        return "year", annual.end()
    found = _RATE_AFTER.match(text, end if isinstance(end, int) else fact.end)
    if found is None or fact.detail.get("measure") in _SPEEDS:  # "725 miles per hour" is 725mph
        return None
    per = found.group("per").lower()
    if per in _RATE_PERIODS:
        return _RATE_PERIODS[per], found.end()
    if per in _PEOPLE:
        return "person", found.end()
    word = (found.group("word") or "").lower()
    if word in ("per", "each") and per not in ("cent", "centum") and per not in FUNCTION_WORDS:
        return (per[:-1] if per.endswith("s") and not per.endswith("ss") else per), found.end()
    return None


def _says_period(period: str, text: str) -> bool:
    return any(_RATE_PERIODS.get(word) == period for word in re.findall(r"[a-z]+", text.lower()))


def _says_rate(rate: str, text: str) -> bool:
    """Whether a sentence names what a number is counted per anywhere: its period ("annual" says "a year")
    or its noun ("for each household" says "per household")."""
    if rate in _RATE_PERIODS.values():
        return _says_period(rate, text)
    words = set(re.findall(r"[a-z]+", text.lower()))
    return rate in words or rate + "s" in words or (rate == "person" and bool(words & _PEOPLE))


def _rate_changes(sides: Sides, found: Sequence[Match]) -> list[Match]:
    """A number kept in an aligned sentence per something else: "£100 a day" / "£100 a week", "twice a day" /
    "twice a week" (kind ``rate``); or with its period of time dropped or added where the other sentence
    does not say that period at all: "a fine of £100 a day" / "a fine of £100". Not where another mention
    there says it as the original does."""
    reported = {id(fact) for match in found for fact in (match.original, match.rewrite) if fact is not None}
    results: list[Match] = []
    for a in _facts_of(sides.original, "number"):
        if id(a) in reported:
            continue
        text_a = sides.original_texts[a.sentence]
        rate_a = _rate(a, text_a)
        same = [
            b for b in _aligned_facts(sides, a)
            if id(b) not in reported and numbers_equal(a, b, sides.rewrite_texts[b.sentence])
        ]  # fmt: skip
        rates = [(b, _rate(b, sides.rewrite_texts[b.sentence])) for b in same]
        if not rates or any(rate == rate_a for _, rate in rates):
            continue
        rates.sort(key=lambda counted: counted[1] is None)  # "twice a week" before "two (tablets)" for "twice a day"
        for b, rate_b in rates:
            text_b = sides.rewrite_texts[b.sentence]
            if rate_a and rate_b and _says_rate(rate_b, text_a) and _says_rate(rate_a, text_b):
                continue  # "an annual charge of £45 per household" / "£45 a year for each household"
            if rate_a is None or rate_b is None:
                period = rate_a or rate_b or ""
                if period not in _RATE_PERIODS.values() or _says_period(period, text_b if rate_b is None else text_a):
                    continue  # only a period of time is missed where it goes unsaid ("£5 per person" / "£5 each")
            shown_a, shown_b = _with_rate(a, text_a), _with_rate(b, text_b)
            results.append(Match(
                "changed", shown_a, shown_b,
                f"number changed: '{shown_a.text}' became '{shown_b.text}' (counted per "
                f"{rate_a or 'nothing'}, now per {rate_b or 'nothing'})",
                "rate",
            ))  # fmt: skip
            break
    return results


#: How many of each period a year holds: "£8 a month" is "£96 a year", "£10 a week" "£520 a year".
_PER_YEAR = {"hour": 8760.0, "day": 365.0, "week": 52.0, "fortnight": 26.0, "month": 12.0, "quarter": 4.0, "year": 1.0}


def _same_amount_over_time(a: Fact, b: Fact, text_a: str, text_b: str) -> bool:
    """Two amounts counted per different periods of time that come to the same over a year (within 1%,
    for a year of 52 weeks or 365 days): "£8 a month" / "£96 a year"."""
    rate_a, rate_b = _rate(a, text_a), _rate(b, text_b)
    if rate_a == rate_b or rate_a not in _PER_YEAR or rate_b not in _PER_YEAR or a.key[:2] != b.key[:2]:
        return False
    value_a, value_b = _value(a), _value(b)
    if not value_a or not value_b or a.detail.get("measure") != b.detail.get("measure"):
        return False
    yearly_a, yearly_b = value_a * _PER_YEAR[rate_a], value_b * _PER_YEAR[rate_b]
    return abs(yearly_a - yearly_b) <= 0.01 * abs(yearly_a)


def _with_rate(fact: Fact, text: str) -> Fact:
    said = _rate_said(fact, text)
    return fact if said is None else replace(fact, end=said[1], text=text[fact.start : said[1]])


#: A superlative just after a rank: "second-largest", "third most popular", "second best".
_SUPERLATIVE_AFTER = re.compile(r"[\s-]+(?P<word>(?:most|least)\s+[a-z]+|best|worst|[a-z]{2,}est)\b")
#: Words in "-est" that are no superlative ("the second test", "the first protest").
_NOT_SUPERLATIVES = frozenset((
    "interest", "forest", "west", "test", "request", "rest", "protest", "honest", "modest", "nest", "harvest",
    "suggest", "contest", "arrest", "invest", "guest", "quest", "chest", "crest", "pest", "vest", "zest", "digest",
    "manifest", "conquest", "inquest", "behest", "unrest", "priest", "attest", "detest", "infest", "divest",
    "midwest", "northwest", "southwest", "everest", "budapest", "bucharest",
))  # fmt: skip


def _superlative_ranks(sides: Sides, found: list[Match]) -> list[Match]:
    """A rank dropped from before a superlative the rewrite keeps: "the second-largest employer" / "the
    largest employer" makes it first (changed, kind ``ordinal``), which a dropped rank would not say."""
    results: list[Match] = []
    for match in found:
        a = match.original
        if match.type != "dropped" or a is None or a.key[0] != "ordinal" or a.key[1] == 1:
            results.append(match)
            continue
        after = _SUPERLATIVE_AFTER.match(sides.original_texts[a.sentence], a.end)
        word = after.group("word").lower() if after else ""
        groups = sides.original_groups[a.sentence] if a.sentence < len(sides.original_groups) else ()
        kept = None
        if after is not None and word not in _NOT_SUPERLATIVES:
            kept = next((fact for j in groups if (fact := _unranked(word, j, sides.rewrite_texts[j]))), None)
        if kept is None:
            results.append(match)
            continue
        shown = _widened(a, a.start, after.end() if after else a.end, sides.original_texts)
        results.append(Match(
            "changed", shown, kept, f"number changed: '{shown.text}' became '{kept.text}' (a rank became the top)",
            "ordinal",
        ))  # fmt: skip
    return results


_RANK_BEFORE = re.compile(rf"{_ORDINAL_WORDS}[\s-]+$")


def _unranked(word: str, sentence: int, text: str) -> Fact | None:
    """The first mention of a superlative in a rewrite sentence with no rank before it, as a rank of 1."""
    for said in re.finditer(rf"\b{re.escape(word)}\b", text, re.IGNORECASE):
        if not _RANK_BEFORE.search(text[max(0, said.start() - 12) : said.start()]):
            return Fact("number", sentence, said.start(), said.end(), said.group(), ("ordinal", 1))
    return None


#: The word before a date that makes it the end of a period ("until May", "before 2030") or its start
#: ("from May", "since 2019"); "before" / "after" are opposites of their own (:mod:`evalkit.drift.polarity`).
#: Not "by": a deadline ("by 2030, all new cars must be electric") is often the start of what it requires.
_DATE_ROLE_BEFORE = re.compile(
    r"\b(?P<role>up until|until|till|up to|through|before|from|since|starting(?: from| in| on)?|"
    r"beginning(?: in| on)?|as of|as from|after)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_DATE_STARTS = frozenset({"from", "since", "starting", "beginning", "as of", "as from", "after"})


def _date_role(fact: Fact, text: str) -> tuple[str, str, int] | None:
    """Whether a date ends ("end") or starts ("start") a period, by the word before it, that word and where
    it starts."""
    found = _DATE_ROLE_BEFORE.search(text, max(0, fact.start - 24), fact.start)
    if found is None:
        return None
    word = found.group("role").lower()
    side = "start" if word.split()[0] in _DATE_STARTS or word in _DATE_STARTS else "end"
    return side, word, found.start()


def _date_role_changes(sides: Sides) -> list[Match]:
    """The same date in an aligned sentence as the other end of a period: "until March" / "from March",
    "since 2019" / "until 2019" (kind ``role``); not where another mention there says it as the original
    does, nor "before" / "after" (an opposite of its own)."""
    return _marked_changes(
        sides, "date", dates_equal, _date_role,
        lambda a, b, mark_a, mark_b: f"date changed: '{a.text}' became '{b.text}' (the {mark_a[0]} of a period "
        f"became its {mark_b[0]})",
        "role",
        same_anyway=lambda mark_a, mark_b: {mark_a[1], mark_b[1]} == {"before", "after"},
    )  # fmt: skip


_Mark = tuple[Any, ...]  # its class first, where it starts last


def _marked_changes(
    sides: Sides,
    category: str,
    equal: Callable[[Fact, Fact], bool],
    mark: Callable[[Fact, str], _Mark | None],
    message: Callable[[Fact, Fact, _Mark, _Mark], str],
    kind: str,
    *,
    same_anyway: Callable[[_Mark, _Mark], bool] = lambda mark_a, mark_b: False,
) -> list[Match]:
    """Facts kept in an aligned sentence with a mark of another class before them (``mark``: its class
    first, where the mark starts last; the end of a period a date is, the sex a title says): changed, shown
    with the mark on both sides. Not where another mention there keeps the original's class."""
    results: list[Match] = []
    for a in _facts_of(sides.original, category):
        mark_a = mark(a, sides.original_texts[a.sentence])
        if mark_a is None:
            continue
        marks = [(b, mark(b, sides.rewrite_texts[b.sentence])) for b in _aligned_facts(sides, a) if equal(a, b)]
        if any(mark_b is not None and mark_b[0] == mark_a[0] for _, mark_b in marks):
            continue
        for b, mark_b in marks:
            if mark_b is None or same_anyway(mark_a, mark_b):
                continue
            shown_a = _widened(a, mark_a[-1], a.end, sides.original_texts)
            shown_b = _widened(b, mark_b[-1], b.end, sides.rewrite_texts)
            results.append(Match("changed", shown_a, shown_b, message(shown_a, shown_b, mark_a, mark_b), kind))
            break
    return results


def _widened(fact: Fact, start: int, end: int, texts: Sequence[str]) -> Fact:
    return replace(fact, start=start, end=end, text=texts[fact.sentence][start:end])


#: What may stand between two names that a rewrite may list the other way round ("Leeds and York").
_COORDINATION = re.compile(r"\W*(?:(?:and|or|&|as well as|with|nor)\W+(?:the\W+)?)?", re.IGNORECASE)
_WORD_BEFORE_NAME = re.compile(r"([\w’']+)\W*$")
_WORD_AFTER_NAME = re.compile(r"\W*([\w’']+)")


def _slot(fact: Fact, text: str) -> tuple[str, str]:
    """A name's place in its sentence: the words either side of it, in lower case ("^"/"$" at the ends),
    a title before it passed over ("by Mayor Ellis": "by")."""
    start = fact.start
    before = _WORD_BEFORE_NAME.search(text, 0, start)
    while before is not None and before.group(1).lower().rstrip(".") in TITLES:
        start = before.start()
        before = _WORD_BEFORE_NAME.search(text, 0, start)
    after = _WORD_AFTER_NAME.match(text, fact.end)
    return (before.group(1).lower() if before else "^", after.group(1).lower() if after else "$")


#: A number and a date that belong together: in one clause (no clause punctuation between), few words apart.
_SAME_CLAUSE = re.compile(r"[^.;:!?—–,()]{0,60}")
_CLAUSE_DATE_KINDS = frozenset(("date", "year"))


def _clause_date(fact: Fact, dates: Sequence[Fact], text: str) -> Fact | None:
    """The one date of the clause a number stands in ("3.4% in May", "In 2019 it was 40%"), or ``None``;
    ``dates``: the dates of its sentence."""
    near = [
        date for date in dates
        if date.kind in _CLAUSE_DATE_KINDS
        and _SAME_CLAUSE.fullmatch(text, *sorted((fact.end, date.start) if date.start >= fact.end
                                                 else (date.end, fact.start)))
    ]  # fmt: skip
    return near[0] if len(near) == 1 else None


def _dates_of_numbers(sides: Sides, found: Sequence[Match]) -> list[Match]:
    """A number the rewrite keeps, said with another date of the text in its clause ("inflation eased to
    3.4% in May, down from 3.9% in April" / "Inflation fell to 3.4% in April. In May it was 3.9%."): the
    figure now belongs to another time. Only a number said once on each side (the same value and unit),
    with one date in its clause on each side; a date that is changed, dropped or added is a finding of its
    own. Linear in the numbers of the texts."""

    def value(fact: Fact) -> tuple[object, ...]:
        return (*fact.key, fact.detail.get("measure"))

    numbers_o, numbers_r = _facts_of(sides.original, "number"), _facts_of(sides.rewrite, "number")
    once_r = Counter(value(b) for b in numbers_r)
    rewrite_number = {value(b): b for b in numbers_r if once_r[value(b)] == 1}
    once_o = Counter(value(a) for a in numbers_o)
    dates_o = [[f for f in facts if f.category == "date"] for facts in sides.original]
    dates_r = [[f for f in facts if f.category == "date"] for facts in sides.rewrite]
    flagged = {id(m.rewrite) for m in found if m.rewrite is not None and m.original is not None}
    results: list[Match] = []
    for a in numbers_o:
        b = rewrite_number.get(value(a)) if once_o[value(a)] == 1 else None
        if b is None or not dates_o[a.sentence] or not dates_r[b.sentence]:
            continue
        date_a = _clause_date(a, dates_o[a.sentence], sides.original_texts[a.sentence])
        date_b = _clause_date(b, dates_r[b.sentence], sides.rewrite_texts[b.sentence])
        if date_a is None or date_b is None or dates_equal(date_a, date_b) or id(date_b) in flagged:
            continue
        if not any(dates_equal(date_b, other) for facts in dates_o for other in facts):  # moved, not new
            continue
        results.append(Match(
            "changed", date_a, date_b,
            f"date changed: '{a.text}' is said of '{date_a.text}' in the original, of '{date_b.text}' in the "
            "rewrite", "number-date",
        ))  # fmt: skip
    return results


def _with_units(match: Match, sides: Sides) -> Match:
    """A changed number whose unit of measurement differs, shown with its unit on both sides ("12 kilometres"
    / "12 miles", not "12" / "12")."""
    a, b = match.original, match.rewrite
    if match.type != "changed" or a is None or b is None or a.category != "number":
        return match
    if a.detail.get("measure") == b.detail.get("measure"):
        return match
    widened = []
    for fact, texts in ((a, sides.original_texts), (b, sides.rewrite_texts)):
        end = fact.detail.get("unit_end")
        text = _text_of(fact, texts)
        widened.append(replace(fact, end=end, text=text[fact.start : end]) if isinstance(end, int) and text else fact)
    a, b = widened
    return replace(match, original=a, rewrite=b, message=describe("number", "changed", a, b))


def _swapped_names(sides: Sides) -> list[Match]:
    """Two names of aligned sentences that have swapped places (:func:`_swapped`)."""
    return _swapped(sides, "name", names_equal)


#: A passive verb and its "by": "were beaten 2-0 by", "was carried out by" (a few words may stand between).
_PASSIVE_BY = re.compile(
    r"\b(?:is|are|was|were|be|been|being|get|gets|got)\s+(?:[a-z]+ly\s+)?(?P<verb>[a-z]+)(?:\s+[\w’'-]+){0,3}?\s+by\s+",
    re.IGNORECASE,
)
#: A passive participle with no "be" before it, after a comma or "and": "the film, directed by …", "was
#: directed by … and narrated by …".
_REDUCED_PASSIVE_BY = re.compile(r"(?:,\s*|\band\s+)(?P<verb>[a-z]+(?:ed|en|wn))\s+by\s+", re.IGNORECASE)
#: What may stand between an active verb's subject and the verb: auxiliaries and an adverb.
_ACTIVE_GAP = re.compile(r"(?:\s+(?:has|have|had|will|would|was|were|is|are|did|does|do|[a-z]+ly))*\s+", re.IGNORECASE)
#: What may stand between "by" and the agent's name: an article and up to two lower-case words that name the
#: agent's role ("by the actress Lena Brandt", "by the local firm Harlow and Sons"), with a comma before an
#: appositive name ("by a local contractor, Harlow and Sons,"), no phrase with a preposition ("by the ruler
#: of Gujarat" names the ruler, not Gujarat).
_AGENT_AFTER_BY = re.compile(
    r"(?:(?:[Tt]he|an?)\s+)?(?:(?!(?:of|in|at|from|for|with|to|on|and|or)\b)[a-z]+\s+){0,2}?(?P<comma>,\s*)?"
)
#: What ends an appositive name: a comma, the end of the clause or sentence.
_APPOSITIVE_END = re.compile(r"\s*(?:[,;:.!?)]|$)")
#: A preposition right before a name: the name is inside a phrase, not the subject of the verb after it
#: ("the ruler of Gujarat in India sent").
_PREPOSITION_BEFORE = re.compile(r"\b(?:of|in|at|from|for|with|to|on|near|by|about)\s+(?:the\s+)?$", re.IGNORECASE)


class _Role(NamedTuple):
    """Who does what to whom: the verb's stem, its agent and patient (``None`` where no name stands before a
    passive verb), the words that say it, and whether the agent stands after a passive verb's "by"."""

    verb: str
    agent: Fact
    patient: Fact | None
    said: Fact
    passive: bool


def _agent_after_by(text: str, end: int, name: Fact) -> bool:
    """Whether ``name`` is the agent after a "by" that ends at ``end`` (:data:`_AGENT_AFTER_BY`); after a
    comma only as an appositive, which a comma or the end of the clause closes ("by a local contractor,
    Harlow and Sons, opened" but not "built by the council, Smith said")."""
    between = _AGENT_AFTER_BY.fullmatch(text, end, name.start)
    if between is None:
        return False
    return not between.group("comma") or (
        between.group().strip()[:1].islower() and _APPOSITIVE_END.match(text, name.end) is not None
    )


def _roles(facts: Sequence[Fact], text: str) -> list[_Role]:
    """Who does what to whom in a sentence, between its names (:class:`_Role`): a passive
    verb's "by" names its agent and the name before the verb its patient ("Hartley Town were beaten 2-0 by
    Ashford Rovers"); an active verb right after a name makes it the agent of the name after ("Hartley Town
    beat Ashford Rovers 2-0"), with no comma, "and" or "by" between."""
    names = sorted((fact for fact in facts if fact.category == "name"), key=lambda fact: fact.start)
    roles: list[_Role] = []
    passive_spans: list[tuple[int, int]] = []
    for match in itertools.chain(_PASSIVE_BY.finditer(text), _REDUCED_PASSIVE_BY.finditer(text)):
        agent = next((n for n in names if _agent_after_by(text, match.end(), n)), None)
        if agent is None:
            continue
        before = [
            n for n in names if n.end <= match.start() and not re.search(r"[.,;:!?]", text[n.end : match.start()])
        ]
        patient = before[-1] if before else None
        start = patient.start if patient is not None else match.start(0 if match.re is _PASSIVE_BY else "verb")
        said = replace(agent, start=start, text=text[start : agent.end])
        roles.append(_Role(stem(match.group("verb")), agent, patient, said, passive=True))
        passive_spans.append((match.start(), agent.end))
    for first, second in itertools.pairwise(names):
        between = text[first.end : second.start]
        gap = _ACTIVE_GAP.match(between) if between[:1].isspace() else None
        if gap is None or any(start <= first.end < end for start, end in passive_spans):
            continue
        if _PREPOSITION_BEFORE.search(text, max(0, first.start - 16), first.start):
            continue
        words = between[gap.end() :].split()
        if not 1 <= len(words) <= 3 or re.search(r"[,;:()]|\b(?:and|or|by|of|with|from|to|in|at|for)\b", between, re.I):
            continue
        said = replace(first, end=second.end, text=text[first.start : second.end])
        roles.append(_Role(stem(words[0]), first, second, said, passive=False))
    passive_agents = {id(role.agent) for role in roles if role.passive}  # a name after "by" is after it in both
    return [role._replace(passive=id(role.agent) in passive_agents) for role in roles]


def _roles_changed(sides: Sides, found: Sequence[Match]) -> list[Match]:
    """Two names of aligned sentences that trade the roles of one verb, said in the passive on one side
    and in the active or the passive on the other: "Hartley Town were beaten 2-0 by Ashford Rovers" /
    "Hartley Town beat Ashford Rovers 2-0", "funded by the Wellcome Trust, carried out by the University of
    Bristol" / "carried out by the Wellcome Trust". Not where both sides say it in the active (the swap of
    :func:`_swapped` reads those), nor where a swap was found already."""
    shown = {(match.original.sentence, match.rewrite.sentence) for match in found if match.original and match.rewrite}
    roles_r: dict[int, list[_Role]] = {}  # a rewrite sentence may be aligned with several: read once
    results: list[Match] = []
    for i, facts_i in enumerate(sides.original):
        if i >= len(sides.original_groups):
            continue
        roles_o = _roles(facts_i, sides.original_texts[i])
        if not roles_o:
            continue
        for j in sides.original_groups[i]:
            if (i, j) in shown:
                continue
            if j not in roles_r:
                roles_r[j] = _roles(sides.rewrite[j], sides.rewrite_texts[j])
            for verb, agent_o, _, said_o, passive_o in roles_o:
                for verb_r, agent_r, _, said_r, passive_r in roles_r[j]:
                    if verb_r != verb or not (passive_o or passive_r):
                        continue
                    if names_equal(agent_o, agent_r):
                        continue
                    others = [n for n in facts_i if n.category == "name" and n is not agent_o]
                    if not any(names_equal(other, agent_r) for other in others):
                        continue  # another person altogether: the name's own finding says it
                    results.append(Match(
                        "changed", said_o, said_r,
                        f"names swapped: '{agent_o.text}' does it in the original ('{said_o.text}'), '{agent_r.text}' "
                        f"in the rewrite ('{said_r.text}')",
                        "swap",
                    ))  # fmt: skip
                    shown.add((i, j))
                    break
                if (i, j) in shown:
                    break
    return results


#: The "by" of a passive verb's agent.
_BY = re.compile(r"\bby\b", re.IGNORECASE)


def _swapped(sides: Sides, category: str, equal: Callable[[Fact, Fact], bool]) -> list[Match]:
    """Two facts of ``category`` in aligned sentences that have swapped places: each stands in the rewrite
    where the other stood in the original, between the same words ("Smith beat Jones in the final" / "Jones
    beat Smith in the final", "won 40% of the vote and Jones won 60%" / "won 60% of the vote and Jones won
    40%", "opened in 1998 and the library in 2004" / "opened in 2004 and the library in 1998"). Not two facts
    listed the other way round ("Leeds and York" / "York and Leeds"), nor two put the other way round by a
    passive said in the active ("the Magna Carta, sealed by King John" / "King John sealed the Magna
    Carta": "by" between them on one side only), and only facts said once in each sentence. Names need
    the same words on one side only, as a sentence reordered around them keeps one ("Brentford beat
    Southampton 2-1" / "On Saturday, Southampton beat Brentford 2-1")."""
    results: list[Match] = []
    for i, facts_i in enumerate(sides.original):
        own = [a for a in facts_i if a.category == category]
        if len(own) < 2 or i >= len(sides.original_groups):
            continue
        text_i = sides.original_texts[i]
        for j in sides.original_groups[i]:
            theirs = [b for b in sides.rewrite[j] if b.category == category]
            text_j = sides.rewrite_texts[j]
            for a1, a2 in itertools.combinations(own, 2):
                b1 = [b for b in theirs if equal(a1, b)]
                b2 = [b for b in theirs if equal(a2, b)]
                if len(b1) != 1 or len(b2) != 1 or b1[0] is b2[0] or equal(a1, a2):
                    continue
                first, second = sorted((a1, a2), key=lambda fact: fact.start)
                other_first, other_second = sorted((b1[0], b2[0]), key=lambda fact: fact.start)
                if _COORDINATION.fullmatch(text_i, first.end, second.start) or _COORDINATION.fullmatch(
                    text_j, other_first.end, other_second.start
                ):
                    continue
                if bool(_BY.search(text_i, first.end, second.start)) != bool(
                    _BY.search(text_j, other_first.end, other_second.start)
                ):
                    continue  # the passive said in the active: "Magna Carta, sealed by King John" / "King John sealed"
                slot_a1, slot_a2 = _slot(a1, text_i), _slot(a2, text_i)
                slot_b1, slot_b2 = _slot(b1[0], text_j), _slot(b2[0], text_j)
                if slot_a1 == slot_a2 or not (
                    (slot_b1, slot_b2) == (slot_a2, slot_a1)
                    # a name's words on one side: "Brentford beat Southampton" / "…, Southampton beat Brentford"
                    or (
                        category == "name"
                        and any(slot_b1[side] == slot_a2[side] != slot_a1[side] == slot_b2[side] for side in (0, 1))
                    )
                ):
                    continue
                said = replace(first, end=second.end, text=text_i[first.start : second.end])
                shown = replace(other_first, end=other_second.end, text=text_j[other_first.start : other_second.end])
                results.append(Match(
                    "changed", said, shown,
                    f"{category}s swapped: '{a1.text}' and '{a2.text}' trade places ('{said.text}' became "
                    f"'{shown.text}')",
                    "swap",
                ))  # fmt: skip
    return results


def _put_in_anothers_place(sides: Sides, found: Sequence[Match]) -> list[Match]:
    """A name of a sentence said in its one-to-one counterpart as another name the text names elsewhere, in
    the same place ("Analysts at Berenberg said …" / "Experts at Morgan Stanley said …", Berenberg named
    in another sentence of the rewrite): who did or said what has changed, though no name is dropped or
    added. Only where each of the two sentences holds that one name the other lacks (:func:`_replaced_in_place`
    says it for a name the rewrite drops)."""
    dropped = {id(m.original) for m in found if m.type in ("dropped", "changed") and m.original is not None}
    added = {id(m.rewrite) for m in found if m.type in ("added", "changed") and m.rewrite is not None}
    results: list[Match] = []
    for i, facts_i in enumerate(sides.original):
        if i >= len(sides.original_groups) or len(sides.original_groups[i]) != 1:
            continue
        j = sides.original_groups[i][0]
        if j >= len(sides.rewrite_groups) or list(sides.rewrite_groups[j]) != [i]:
            continue
        names_i = [a for a in facts_i if a.category == "name"]
        names_j = [b for b in sides.rewrite[j] if b.category == "name"]
        only_i = [a for a in names_i if not any(names_equal(a, b) for b in names_j)]
        only_j = [b for b in names_j if not any(names_equal(a, b) for a in names_i)]
        if len(only_i) != 1 or len(only_j) != 1 or id(only_i[0]) in dropped or id(only_j[0]) in added:
            continue
        a, b = only_i[0], only_j[0]
        text_i, text_j = sides.original_texts[i], sides.rewrite_texts[j]
        slot = _slot(a, text_i)
        if slot == ("^", "$") or _slot(b, text_j) != slot:
            continue
        if any(written_in(x.text, [text]) or abbreviated(x.text, [text]) for x, text in ((a, text_j), (b, text_i))):
            continue  # the same name spelt out or abbreviated ("the EC" / "the European Commission")
        results.append(Match(
            "changed", a, b,
            f"name changed (another name of the text in its place): '{a.text}' became '{b.text}'", b.kind,
        ))  # fmt: skip
    return results


def _replaced_in_place(sides: Sides, found: list[Match]) -> list[Match]:
    """A dropped name and an added one that stand in the same place of aligned sentences, between the same
    words ("presented by Mandela in 1995" / "given by Obama in 1995"): one *changed* name, the other name
    put in its place, instead of a drop and an addition. Only where the sentences hold one such name each
    (a list of names reordered or thinned is not a replacement)."""
    dropped = [m for m in found if m.type == "dropped" and m.original is not None]
    added = [m for m in found if m.type == "added" and m.rewrite is not None]
    dropped_in = Counter(m.original.sentence for m in dropped if m.original is not None)
    added_in = Counter(m.rewrite.sentence for m in added if m.rewrite is not None)
    replaced: dict[int, Match] = {}
    used: set[int] = set()
    for drop in dropped:
        a = drop.original
        assert a is not None
        if a.sentence >= len(sides.original_groups):
            continue
        slot = _slot(a, sides.original_texts[a.sentence])
        if slot == ("^", "$"):
            continue  # a name that is the whole sentence has no place in one
        candidates = [
            m for m in added
            if id(m) not in used and m.rewrite is not None and m.rewrite.sentence in sides.original_groups[a.sentence]
            and _slot(m.rewrite, sides.rewrite_texts[m.rewrite.sentence]) == slot
        ]  # fmt: skip
        if len(candidates) != 1 or dropped_in[a.sentence] != 1:
            continue
        b = candidates[0].rewrite
        assert b is not None
        if added_in[b.sentence] != 1:
            continue
        used.add(id(candidates[0]))
        replaced[id(drop)] = Match(
            "changed", a, b, f"name changed (another name in its place): '{a.text}' became '{b.text}'", b.kind
        )
    if not replaced:
        return found
    return [replaced.get(id(m), m) for m in found if id(m) not in used]


def _speaker_changes(sides: Sides) -> list[Match]:
    """Quotations kept word for word but put in another named person's mouth; a speaker said as "he" or
    "she" is the person the sentence before says something ("Tom Albright said …. 'We have absorbed a great
    deal,' he said." / "… said Ms Kaur")."""
    results: list[Match] = []
    for a in _facts_of(sides.original, "quote"):
        speaker_a = _speaker(a, sides.original, sides.original_texts)
        if speaker_a is None:
            continue
        for b in _facts_of(sides.rewrite, "quote"):
            if not sides.local(a, b) or not quotes_equal(a, b):
                continue
            speaker_b = _speaker(b, sides.rewrite, sides.rewrite_texts)
            if speaker_b is None:
                continue
            if _group_speakers_alike(speaker_a[1], speaker_b[1]):
                continue  # "Analysts said" / "Experts said": a group named another way, no person
            fake_a = Fact("name", a.sentence, a.start, a.end, speaker_a[1], ("name", speaker_a[0]))
            fake_b = Fact("name", b.sentence, b.start, b.end, speaker_b[1], ("name", speaker_b[0]))
            if not names_equal(fake_a, fake_b):
                results.append(Match(
                    "changed", a, b,
                    f"quotation attributed to someone else: '{speaker_a[1]}' in the original, "
                    f"'{speaker_b[1]}' in the rewrite", "speaker",
                ))  # fmt: skip
    return results


def _group_speakers_alike(speaker_a: str, speaker_b: str) -> bool:
    """Whether two speakers are each one common plural noun, not opposites ("Analysts" / "Experts",
    "Police" / "Officials"): a group said another way; "Critics" / "Supporters" is another group."""
    a, b = speaker_a.lower(), speaker_b.lower()
    if " " in a or " " in b or not (a.isalpha() and b.isalpha()) or not (a.endswith("s") or a == "police"):
        return False
    if lexicon.zipf(a) < 3.0 or lexicon.zipf(b) < 3.0:
        return False
    return b not in paired_words("opposites").get(a, frozenset())


#: A person's name followed by a verb of saying, an aside about them allowed between ("Tom Albright, the
#: finance director, said"): the person the sentence reports.
_SAYS_AFTER = re.compile(
    r"(?:\s*,[^,]{1,60},)?\s+(?:said|says|told|added|explained|warned|argued|insisted|claimed|admitted|stressed)\b"
)
_PERSONAL_PRONOUNS = frozenset(("he", "she"))


def _speaker(quote: Fact, facts: Sequence[Sequence[Fact]], texts: Sequence[str]) -> tuple[tuple[str, ...], str] | None:
    """Who a quotation is attributed to, as name units and as written: its named speaker, or for "he" or
    "she" the named person whom the sentence before reports saying something; ``None`` where no name says."""
    units = quote.detail.get("speaker_units")
    if isinstance(units, tuple):
        return units, str(quote.detail.get("speaker"))
    speaker = str(quote.detail.get("speaker") or "").lower()
    if speaker not in _PERSONAL_PRONOUNS or quote.sentence == 0:
        return None
    before = quote.sentence - 1
    for fact in facts[before]:
        if fact.category == "name" and _SAYS_AFTER.match(texts[before], fact.end):
            return _name_units(fact), fact.text
    return None


#: Pronouns that say whether a person is a man or a woman.
_SEXED_PRONOUNS = re.compile(r"\b(?:(?P<woman>she|her|hers|herself)|(?P<man>he|him|his|himself))\b", re.IGNORECASE)


#: Each sexed pronoun's forms of the other sex in the same place in a sentence: "he" is "she", never "her".
_COUNTERPARTS = {
    "he": frozenset({"she"}), "she": frozenset({"he"}), "him": frozenset({"her"}), "his": frozenset({"her", "hers"}),
    "her": frozenset({"him", "his"}), "hers": frozenset({"his"}), "himself": frozenset({"herself"}),
    "herself": frozenset({"himself"}),
}  # fmt: skip


def _pronouns(text: str) -> dict[str, list[re.Match[str]]]:
    found: dict[str, list[re.Match[str]]] = {"woman": [], "man": []}
    for match in _SEXED_PRONOUNS.finditer(text):
        found["woman" if match.group("woman") else "man"].append(match)
    return found


def _pronoun_changes(sides: Sides) -> list[Match]:
    """A person said with the pronouns of the other sex: an original sentence that says only "she" or "her"
    aligned to rewrite sentences that say only "he" or "his" (or the other way round), each of which comes
    from no original sentence with the rewrite's pronouns (kind ``pronoun``)."""
    results: list[Match] = []
    pronouns_o = [_pronouns(text) for text in sides.original_texts]  # each sentence read once
    pronouns_r = [_pronouns(text) for text in sides.rewrite_texts]
    for i, said in enumerate(pronouns_o):
        group = sides.original_groups[i] if i < len(sides.original_groups) else ()
        sexes = [sex for sex, found in said.items() if found]
        if len(sexes) != 1 or not group:
            continue
        sex = sexes[0]
        other = "man" if sex == "woman" else "woman"
        shown: tuple[int, re.Match[str]] | None = None
        for j in group:
            theirs = pronouns_r[j]
            sources = sides.rewrite_groups[j] if j < len(sides.rewrite_groups) else ()
            if theirs[sex] or any(pronouns_o[k][other] for k in sources):
                shown = None
                break
            if shown is None:  # a pronoun in the place of one the original says ("his" / "her", not "his" / "she")
                forms = {match.group().lower() for match in said[sex]}
                counterparts = (match for match in theirs[other] if _COUNTERPARTS[match.group().lower()] & forms)
                shown = next(((j, match) for match in counterparts), None)
        if shown is None:
            continue
        first = said[sex][0]
        a = Fact("name", i, first.start(), first.end(), first.group(), ("pronoun", sex))
        b = Fact("name", shown[0], shown[1].start(), shown[1].end(), shown[1].group(), ("pronoun", other))
        results.append(Match(
            "changed", a, b, f"name changed: '{a.text}' became '{b.text}' (a {sex} became a {other})", "pronoun"
        ))  # fmt: skip
    return results


#: Titles that say whether a person is a man or a woman.
_GENDERED_TITLES = {
    **dict.fromkeys(("mr", "sir", "lord", "master"), "man"),
    **dict.fromkeys(("mrs", "ms", "miss", "dame", "lady", "madam"), "woman"),
}
_TITLE_BEFORE = re.compile(r"\b(?P<title>[A-Za-z]+)\.?\s+$")


def _gendered_title(fact: Fact, text: str) -> tuple[str, int] | None:
    """Whether the title just before a name (Mr, Ms, Sir, Dame ...) says a man or a woman, and where it starts."""
    found = _TITLE_BEFORE.search(text, max(0, fact.start - 10), fact.start)
    if found is None:
        return None
    gender = _GENDERED_TITLES.get(found.group("title").lower())
    return None if gender is None else (gender, found.start())


def _title_changes(sides: Sides) -> list[Match]:
    """The same name in an aligned sentence with a title of the other sex: "Mr Patel" / "Ms Patel" (kind
    ``title``); not where another mention there keeps the original's title (Mr and Mrs Patel)."""
    return _marked_changes(
        sides, "name", names_equal, _gendered_title,
        lambda a, b, mark_a, mark_b: f"name changed: '{a.text}' became '{b.text}' (a {mark_a[0]} became a "
        f"{mark_b[0]})",
        "title",
    )  # fmt: skip


# --------------------------------------------------------------------------------------- negation, modals

#: Kinds of match that :func:`_match_polarity` finds (all ``negation`` findings): a removed or added
#: negation is ``negation``; changed modal verbs and certainty, quantities, opposites and times keep their kind.
POLARITY_KINDS = ("negation", "modality", "quantity", "opposite", "tense")


def _match_polarity(sides: Sides) -> list[Match]:
    """Flipped negations and changed modal verbs (:mod:`evalkit.drift.polarity`)."""
    from evalkit.drift.polarity import find_flips

    flips = find_flips(
        sides.original, sides.rewrite, sides.original_texts, sides.rewrite_texts,
        sides.original_groups, sides.rewrite_groups,
    )  # fmt: skip
    return [
        Match(
            "changed",
            flip.original,
            flip.rewrite,
            flip.message,
            flip.kind if flip.kind in POLARITY_KINDS else "negation",
        )
        for flip in flips
    ]


# ----------------------------------------------------------------------------------------------- messages


def describe(category: str, kind: str, a: Fact | None, b: Fact | None) -> str:
    """The message of a finding."""
    if category == "quote":
        return _describe_quote(kind, a, b)
    noun = {"number": "number", "date": "date", "name": "name"}[category]
    if kind == "changed" and a and b:
        if category == "name":
            return _describe_name_change(a, b)
        return f"{noun} changed: '{a.text}' became '{b.text}'"
    if kind == "dropped" and a:
        return f"{noun} dropped: '{a.text}' is not in the rewrite"
    assert b is not None
    return f"{noun} added: '{b.text}' is not in the original"


def _describe_name_change(a: Fact, b: Fact) -> str:
    """A changed name's message; for names one word apart, that word ("'Essex' -> 'Esesx'")."""
    differ = _one_word_apart(_name_units(a), _name_units(b))
    if differ is None:
        how = "spelt differently" if name_similarity(a, b) >= NEAR_MISS else "replaced"
        return f"name changed ({how}): '{a.text}' became '{b.text}'"
    word_a, word_b = (_written_as(unit, fact) for unit, fact in zip(differ, (a, b), strict=True))
    alike = similarity(word_a.lower(), word_b.lower()) >= NEAR_MISS
    how = "spelt differently" if alike else "replaced"
    return f"name changed ({how}): '{a.text}' became '{b.text}' ('{word_a}' -> '{word_b}')"


def word_list(words: Sequence[object]) -> str:
    """Up to five words, quoted, for messages."""
    shown = ", ".join(f"'{w}'" for w in list(words)[:5])
    return shown + (" …" if len(words) > 5 else "")


def _describe_quote(kind: str, a: Fact | None, b: Fact | None) -> str:
    if kind == "changed" and a and b:
        removed = [w for w in a.key if w not in set(b.key)]
        added = [w for w in b.key if w not in set(a.key)]
        parts = []
        if removed:
            parts.append("removed " + word_list(removed))
        if added:
            parts.append("added " + word_list(added))
        speaker = f" (said by {b.detail['speaker']})" if b.detail.get("speaker") else ""
        return f"quotation altered{speaker}: words inside the quotation marks differ — " + (
            "; ".join(parts) or "word order"
        )
    if kind == "dropped" and a:
        return "quotation dropped: the rewrite does not quote these words"
    return "quotation added: the original has no such quotation"


def _describe_shortened(a: Fact, b: Fact) -> str:
    removed = [w for w in a.key if w not in set(b.key)]
    return f"quotation shortened: the rewrite quotes it without {word_list(removed)}"
