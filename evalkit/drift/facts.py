"""Fact extraction: numbers, dates, names, quotations, negations and modal verbs, with offsets.

Everything here is rules, word lists and a hand-written gazetteer (:mod:`evalkit.drift.gazetteer`); no
model, nothing downloaded. Each :class:`Fact` carries its character range in the sentence text and a
normalised ``key`` for matching, so that "5" and "five", "$5m" and "5 million dollars", "June 26" and "26
June", "3pm" and "15:00", "U.S." and "United States", "Japanese" and "Japan" compare equal.

Names need evidence from the whole pair (:class:`NameEvidence`): a capitalised word at the start of a
sentence ("Search", "Glass") is a name when the texts also write it capitalised mid-sentence, or when the
gazetteer knows it, or when it is not an ordinary English word; an ordinary word capitalised next to a name
("U.S. Weapons" in a title-cased phrase) is left out of the name when the texts use it in lower case.
An acronym names an organisation or place ("BBC", "NATO", "UK"), but one of a common noun ("GP", "TV",
"GDP"; ``common_acronyms`` in ``evalkit/data/drift_words.toml``) is no name. A name is read with the
letters it is written with ("Anders Jägerskog", "Łódź": :data:`evalkit.lexicon.UPPER`) and matched without
diacritics (:func:`evalkit.lexicon.fold_diacritics`), so "Jagerskog" is the same name and "Jögerskag" a
misspelling.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from typing import Literal

from evalkit import lexicon
from evalkit._shipped import shipped_text
from evalkit.drift.gazetteer import Entity, Gazetteer, gazetteer
from evalkit.lexicon import LETTER, LOWER, UPPER

Category = Literal["number", "date", "name", "quote", "negation"]


@cache
def _word_tables() -> dict[str, str]:
    return {key: str(value) for key, value in tomllib.loads(shipped_text("drift_words.toml")).items()}


@cache
def _word_lists() -> dict[str, frozenset[str]]:
    return {key: frozenset(value.split()) for key, value in _word_tables().items()}


def words(name: str) -> frozenset[str]:
    """A word list of ``evalkit/data/drift_words.toml``."""
    return _word_lists()[name]


@cache
def word_pairs(name: str) -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """A table of ``evalkit/data/drift_words.toml`` whose lines pair two lists of words ("rise rose : fall
    fell"); a line of more lists ("father : mother : brother") pairs each of them with every other one."""
    pairs: list[tuple[frozenset[str], frozenset[str]]] = []
    for line in _word_tables()[name].splitlines():
        groups = [frozenset(group.split()) for group in line.split(" : ")]
        pairs.extend((first, second) for i, first in enumerate(groups) for second in groups[i + 1 :])
    return tuple(pairs)


@lru_cache(maxsize=4)
def paired_words(name: str) -> dict[str, frozenset[str]]:
    """Each word of a table of paired words (:func:`word_pairs`: ``opposites``, ``certainty``) with the words
    of the other side of its line, both ways, as written: word forms, not stems, so a verb's opposite is not
    its noun's ("began" / "ended", not "the end")."""
    pairs: dict[str, set[str]] = {}
    for first, second in word_pairs(name):
        for word in first:
            pairs.setdefault(word, set()).update(second)
        for word in second:
            pairs.setdefault(word, set()).update(first)
    return {word: frozenset(other) for word, other in pairs.items()}


_Free = Callable[[int, int], bool]
_Add = Callable[["Fact"], None]


@dataclass(frozen=True, slots=True)
class Fact:
    """One checkable fact in a sentence."""

    category: Category
    sentence: int
    start: int  # within the sentence text
    end: int
    text: str
    key: tuple[object, ...]
    detail: Mapping[str, object] = field(default_factory=dict, compare=False, hash=False)

    @property
    def kind(self) -> str:
        return str(self.detail.get("kind", self.category))


# ------------------------------------------------------------------------------------------------ numbers

UNITS = {
    "zero": 0, "nil": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "bn": 1_000_000_000, "mn": 1_000_000, "m": 1_000_000,
          "k": 1_000, "tn": 1_000_000_000_000, "dozen": 12}  # fmt: skip
_FIRST_NINE = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
}  # fmt: skip
_TENS_ORDINALS = {
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
    "eightieth": 80, "ninetieth": 90,
}  # fmt: skip
#: Ordinals in words, compounds first ("thirty-second" before "thirty" could be read as a number).
ORDINALS = {
    **{f"{tens}-{unit}": TENS[tens] + rank for tens in TENS for unit, rank in _FIRST_NINE.items()},
    **_FIRST_NINE, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, **_TENS_ORDINALS, "hundredth": 100,
}  # fmt: skip
FRACTIONS = {"half": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25}
#: Vague quantities: compared by the word, not by a value.
VAGUE = frozenset({"dozens", "hundreds", "thousands", "millions", "billions", "scores"})
CURRENCIES = {
    "$": "USD", "us$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "a$": "AUD", "c$": "CAD",
    "hk$": "HKD", "usd": "USD", "gbp": "GBP", "eur": "EUR", "dollar": "USD", "dollars": "USD",
    "pound": "GBP", "pounds": "GBP", "sterling": "GBP", "euro": "EUR", "euros": "EUR", "yen": "JPY",
    "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rupees": "INR", "krone": "NOK", "kroner": "NOK",
    "krona": "SEK", "kronor": "SEK", "franc": "CHF", "francs": "CHF", "peso": "MXN", "pesos": "MXN",
    "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "rand": "ZAR", "naira": "NGN",
    "shekel": "ILS", "shekels": "ILS", "real": "BRL", "reais": "BRL", "taka": "BDT", "won": "KRW",
    "dinar": "DIN", "dinars": "DIN", "riyal": "SAR", "riyals": "SAR", "dirham": "AED", "dirhams": "AED",
}  # fmt: skip
#: Units of measurement: a number in other units is another number ("5 km" is not "5 miles").
MEASURES = {
    "km": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km",
    "mile": "mile", "miles": "mile", "metre": "m", "metres": "m", "meter": "m", "meters": "m",
    "cm": "cm", "centimetre": "cm", "centimetres": "cm", "mm": "mm", "millimetre": "mm", "millimetres": "mm",
    "ft": "ft", "feet": "ft", "foot": "ft", "inch": "inch", "inches": "inch", "yard": "yard",
    "yards": "yard", "kg": "kg", "kilo": "kg", "kilos": "kg", "kilogram": "kg", "kilograms": "kg",
    "gram": "g", "grams": "g", "g": "g", "tonne": "t", "tonnes": "t", "ton": "t", "tons": "t", "lb": "lb",
    "lbs": "lb", "ounce": "oz", "ounces": "oz", "litre": "l", "litres": "l", "liter": "l", "liters": "l",
    "gallon": "gal", "gallons": "gal", "mph": "mph", "kph": "kmh", "degree": "deg", "degrees": "deg",
    "°c": "degc", "°f": "degf", "celsius": "degc", "fahrenheit": "degf", "acre": "acre", "acres": "acre",
    "hectare": "ha", "hectares": "ha", "second": "s", "seconds": "s", "minute": "min", "minutes": "min",
    "hour": "h", "hours": "h", "day": "day", "days": "day", "week": "week", "weeks": "week",
    "month": "month", "months": "month", "year": "year", "years": "year", "decade": "decade",
    "decades": "decade", "century": "century", "centuries": "century", "calorie": "kcal", "calories": "kcal",
    "kmh": "kmh", "km/h": "kmh", "watt": "w", "watts": "w", "megawatt": "mw", "megawatts": "mw",
    "gigawatt": "gw", "gigawatts": "gw",
    "mb": "mb", "gb": "gb", "pixel": "px", "pixels": "px", "storey": "storey", "storeys": "storey",
    "floor": "storey", "floors": "storey",
    **{f"square {word}": f"{unit}2" for word, unit in (("metre", "m"), ("metres", "m"), ("meter", "m"),
       ("meters", "m"), ("foot", "ft"), ("feet", "ft"), ("mile", "mile"), ("miles", "mile"), ("kilometre", "km"),
       ("kilometres", "km"), ("yard", "yard"), ("yards", "yard"))},
}  # fmt: skip
#: Measures convertible into one another: (dimension, factor to the SI unit).
CONVERSIONS = {
    "km": ("length", 1000.0), "mile": ("length", 1609.344), "m": ("length", 1.0), "cm": ("length", 0.01),
    "mm": ("length", 0.001), "ft": ("length", 0.3048), "inch": ("length", 0.0254), "yard": ("length", 0.9144),
    "kg": ("mass", 1.0), "g": ("mass", 0.001), "t": ("mass", 1000.0), "lb": ("mass", 0.45359237),
    "oz": ("mass", 0.028349523), "mph": ("speed", 0.44704), "kmh": ("speed", 0.277778),
    "l": ("volume", 1.0), "gal": ("volume", 3.785411784), "acre": ("area", 4046.8564224),
    "ha": ("area", 10000.0), "s": ("time", 1.0), "min": ("time", 60.0), "h": ("time", 3600.0),
    "day": ("time", 86400.0), "week": ("time", 604800.0), "month": ("calendar", 1.0), "year": ("calendar", 12.0),
    "decade": ("calendar", 120.0), "century": ("calendar", 1200.0), "m2": ("area", 1.0),
    "ft2": ("area", 0.09290304), "mile2": ("area", 2589988.110336), "km2": ("area", 1000000.0),
    "yard2": ("area", 0.83612736),
}  # fmt: skip
_DIMENSION_WORDS = words("dimension_words")

_UNIT_WORDS = "|".join(sorted(UNITS, key=len, reverse=True))
_TENS_WORDS = "|".join(TENS)
_SPELLED_BELOW_100 = rf"(?:(?:{_TENS_WORDS})(?:[\s-](?:{_UNIT_WORDS}))?|(?:{_UNIT_WORDS}))"
_SPELLED = rf"{_SPELLED_BELOW_100}(?:\s+hundred(?:\s+(?:and\s+)?{_SPELLED_BELOW_100})?)?"
_SCALE_WORDS = r"hundred|thousand|million|billion|trillion|dozen"
#: A spelled number of several groups, each scale word inside it ("one thousand two hundred", "two million
#: three hundred thousand", "two thousand and five"); a one-group number takes its scale word after it.
_SPELLED_GROUPS = (
    rf"{_SPELLED}\s+(?:thousand|million|billion)"
    rf"(?:\s+(?:and\s+)?{_SPELLED}(?:\s+(?:thousand|million))?)+"
)
_NUMBER = re.compile(
    r"(?<![\w.,$£€¥₹])"
    r"(?P<currency>US\$|A\$|C\$|HK\$|[$£€¥₹])?\s?"
    r"(?:(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    rf"|(?P<spelled>\b(?:{_SPELLED_GROUPS}|{_SPELLED}))"
    rf"|(?P<article>\ban?)(?=\s+(?:{_SCALE_WORDS})\b))"
    rf"(?:[\s-]?(?P<scale>(?:{_SCALE_WORDS}|bn|mn|tn|m|k)(?![\w])))?"
    r"(?:\s?(?P<percent>%|percent\b|per\s+cent\b|percentage\s+points?\b))?"
    r"(?P<glued>mph|kph|kmh|km|kg|ft|cm|mm|lbs?|ml|gb|mb|mw|gw|kw|sq|(?<=\d)s|(?<=\d)°?[CF]|(?<=\d)p)?"
    r"(?![\w])",
    re.IGNORECASE,
)
_ORDINAL = re.compile(rf"\b(?:(?P<word>{'|'.join(ORDINALS)})|(?P<digits>\d+)(?:st|nd|rd|th))\b", re.IGNORECASE)
_DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:the|a|its|his|her|their|our|your|my|this|that|every|each)|\w['’]s)\s+$", re.IGNORECASE
)  # a possessive determines too: "the world's second-largest"
_NUMBER_AFTER = re.compile(r"\s+\d")
_PLURAL_PERIOD_AFTER = re.compile(
    r"\s+(?:(?:two|three|four|five|six|seven|eight|nine|ten|twelve|few|\d+)\s+)?"
    r"(?:minutes|hours|days|weeks|months|years|decades)\b",
    re.IGNORECASE,
)  # "the first months of the war", "the first two hours": a stretch at the start, no rank
#: What makes an ordinal part of a compound that ranks nothing ("second-hand", "third-party", "first-time").
_NO_RANK_AFTER = re.compile(r"-(?:hand|party|rate|person|time|guess|guessed|guessing)\b", re.IGNORECASE)
#: A period of time an ordinal counts ("its first week", "the third quarter"): its measure.
_ORDINAL_PERIOD = re.compile(
    r"[\s-]+(?P<unit>day|week|month|year|decade|century|quarter|half|hour|minute|term|season)s?\b", re.IGNORECASE
)
#: The whole a fraction is taken of, as a count: "half of the 40 farms".
_OF_WHOLE = re.compile(
    rf"\s+of\s+(?:the|these|those|its|their|all)?\s*(?P<whole>\d{{1,3}}(?:,\d{{3}})+|\d+|{_SPELLED_BELOW_100})\b(?![.,]\d|%)",
    re.IGNORECASE,
)
#: Words before "half" that make it a part of a whole, no share: "the second half", "the other half".
_HALF_OF_WHOLE = re.compile(r"\b(?:first|second|1st|2nd|other|latter|former)[\s-]+$", re.IGNORECASE)
#: What follows "a third" that makes it a share: "of", or the end of its clause ("cut the risk by a third.").
_SHARE_OF = re.compile(r"\s+of\b|\s*(?:[.,;:!?)]|$)", re.IGNORECASE)
_ONE_BEFORE = re.compile(r"\b(?:a|an|one)\s+$", re.IGNORECASE)
_IN_THE_FIRST_PLACE = re.compile(r"\bin the first place\b", re.IGNORECASE)
#: "the two of you", "the two of us": people addressed or speaking, counted.
_OF_YOU_AFTER = re.compile(r"\s+of\s+(?:you|us)\b", re.IGNORECASE)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
#: A capitalised word and the capitalised words after it: a name that may start with a number ("First World War").
_CAPITALISED_RUN = re.compile(r"[A-Z][a-z]*(?:\s+[A-Z][A-Za-z]*)+")


def _known_name_from(text: str, start: int) -> bool:
    """Whether the capitalised words from ``start`` name what the gazetteer knows: "the First World War",
    "the Second World War"."""
    run = _CAPITALISED_RUN.match(text, start)
    if run is None:
        return False
    words = run.group().split()
    return any(gazetteer().lookup(words[:size]) is not None for size in range(len(words), 1, -1))


#: A spelled number written with a capital, and a capitalised word right after or right before it (not at
#: the start of a sentence): a word of a name ("the Six Nations", "the Big Ten").
_IN_A_TITLE = re.compile(r"[A-Z][a-z]+(?:-[a-z]+)?$")
_CAPITAL_AFTER = re.compile(r"\s+[A-Z][a-z]")
_CAPITAL_BEFORE = re.compile(r"(?<![.!?:]\s)(?<!^)\b[A-Z][a-z]+\s+$")


#: "by a" before a fraction: the size of a change ("cut production by a third this year").
_BY_ONE_BEFORE = re.compile(r"\bby\s+(?:a|an|one)\s+$", re.IGNORECASE)
_FRACTION = re.compile(
    rf"\b(?:(?P<count>a|an|one|{_UNIT_WORDS})[\s-]+)?(?P<part>half|thirds?|quarters?)\b(?!-)", re.IGNORECASE
)
#: A unit and a half: "a year and a half", "two hours and a half".
_UNIT_AND_A_HALF = re.compile(
    rf"\b(?P<count>an?|\d+|{_SPELLED_BELOW_100})\s+(?P<unit>[a-z]+)\s+and\s+an?\s+half\b", re.IGNORECASE
)
#: A mixed number: "two and a half", "two-and-a-half-hour", "three and a quarter million".
_MIXED = re.compile(
    rf"\b(?P<whole>\d+|{_SPELLED_BELOW_100})[\s-]+and[\s-]+an?[\s-]+(?P<part>half|quarter|third)\b"
    r"(?:[\s-]+(?P<scale>hundred|thousand|million|billion|trillion)\b)?",
    re.IGNORECASE,
)
MULTIPLIERS = {
    "twice": 2, "double": 2, "doubles": 2, "doubled": 2, "doubling": 2, "triple": 3, "triples": 3,
    "tripled": 3, "tripling": 3, "treble": 3, "trebles": 3, "trebled": 3, "trebling": 3, "quadruple": 4,
    "quadruples": 4, "quadrupled": 4, "quadrupling": 4, "halve": 0.5, "halves": 0.5, "halved": 0.5,
    "halving": 0.5,
}  # fmt: skip
_MULTIPLIER = re.compile(
    rf"\b(?:(?P<count>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{_SPELLED_BELOW_100})\s+times\b(?!\s+(?:a|per|each|every)\b)"
    rf"|(?P<word>{'|'.join(sorted(MULTIPLIERS, key=len, reverse=True))})\b)",
    re.IGNORECASE,
)
#: "a pair of" things: two of them.
_A_PAIR_OF = re.compile(r"\b(?:[Aa]|[Oo]ne)\s+(?P<pair>pair)\s+of\b")
#: A frequency said with "twice" ("twice a week"): a count of times, as "two times a week" is.
_TWICE_PER = re.compile(r"\s+(?:a|an|per|each|every)\b", re.IGNORECASE)
#: Fortnights, counted as weeks: "a fortnight" is two weeks, "fortnightly" every two weeks.
_FORTNIGHTS = re.compile(
    rf"\b(?:(?P<count>an?|\d+|{_SPELLED_BELOW_100})\s+fortnights?|(?P<every>fortnightly))\b", re.IGNORECASE
)
#: Scales that "half a" halves: "half a million pounds" is £500,000.
_HALVED_SCALES = frozenset(("hundred", "thousand", "million", "billion", "trillion"))
_HALF_BEFORE = re.compile(r"\bhalf\s+$", re.IGNORECASE)
#: Half of a unit of measurement: "half an hour", "half a metre" (as 0.5 of the unit).
_HALF_A_UNIT = re.compile(r"\s+an?\s+(?P<unit>[a-z]+)\b", re.IGNORECASE)
#: A reduction by half ("cut by half", "reduced in half", "reduced admissions by almost half"): halved, a
#: multiplier of 0.5. The verb may stand up to six words before "by".
_HALVED_BEFORE = re.compile(
    r"\b(?:cut|cuts|cutting|reduced?|reduces|reducing|slashed?|slashes|slashing|fallen|fell|falls?|falling|dropped"
    r"|drops?|dropping|decreased?|decreases|decreasing|shrunk|shrank|shrinks?|down)(?:\s+[\w’'-]+){0,6}?"
    r"\s+(?:by|in)\s+(?:(?:almost|nearly|about|around|roughly|more than|over|just over|just under)\s+)?$",
    re.IGNORECASE,
)
_SPANS_OF_YEARS = re.compile(
    rf"\b(?P<count>an?|\d+|{_SPELLED_BELOW_100})\s+(?P<unit>decades?|century|centuries)\b", re.IGNORECASE
)
#: A ratio, read as a share: "one in four" = 25%, "55 out of 100" = 55%, "1 in 5".
_RATIO = re.compile(
    rf"\b(?P<part>\d+|{_SPELLED_BELOW_100})\s+(?P<link>in|out\s+of)\s+"
    rf"(?P<whole>\d{{1,3}}(?:,\d{{3}})+|\d+|an?\s+(?:hundred|thousand|million)|{_SPELLED})\b",
    re.IGNORECASE,
)
#: A vague quantity on its own ("thousands more", "poured millions into") or with "of"; "scores" only with
#: "of" ("scores of people"; "she scores").
_VAGUE = re.compile(rf"\b(?P<word>(?:{'|'.join(sorted(VAGUE - {'scores'}))})\b|scores(?=\s+of\b))", re.IGNORECASE)
#: What makes the number after it a rank: "world number 57", "the No. 5 seed".
_RANK_BEFORE = re.compile(r"\b(?:number|No\.|no\.)\s?$", re.IGNORECASE)
#: Currencies named by an everyday word: one only after a large amount ("5,000 won", "3 million real").
_WORD_CURRENCIES = frozenset({"won", "real"})
_PER_HOUR = re.compile(r"\s+(?:per|an|a)\s+hour\b", re.IGNORECASE)
_UNIT_AFTER = re.compile(r"(?:[\s-]+(?:of\s+)?|(?=°))(°[CF]|[A-Za-z]+)")
#: The scale after "degrees": "40 degrees Celsius" is 40 °C.
_TEMPERATURE_SCALE = re.compile(r"\s+(?P<scale>Celsius|centigrade|C|Fahrenheit|F)\b")
_APPROXIMATOR_BEFORE = re.compile(
    r"\b(?:about|around|roughly|nearly|almost|approximately|some|over|more than|less than|fewer than|"
    r"up to|at least|under|close to|just over|just under|an estimated|estimated)\s*$",
    re.IGNORECASE,
)


def spelled_value(text: str) -> float | None:
    """The value of a spelled-out number ("two hundred and five", "forty-two", "three million")."""
    total, current = 0, 0
    seen = False
    for word in re.split(r"[\s-]+", text.lower()):
        if word in ("and", "a", "an") or not word:
            continue
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in SCALES:
            total += max(current, 1) * SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return float(total + current) if seen else None


#: A sign that makes a number negative: "minus 5C", "-5C", "−5C" (not "3-5C", "COVID-19").
_MINUS_BEFORE = re.compile(r"(?:\bminus\s+|(?<![\w.,])[-−])$", re.IGNORECASE)
_BELOW_ZERO_AFTER = re.compile(r"\s+(?:degrees?\s+)?below\s+(?:zero|freezing)\b", re.IGNORECASE)


def _signed(fact: Fact, text: str) -> Fact:
    """A count or a measure said below zero ("minus 5C", "-5C", "5 degrees below zero") with its value made
    negative and its span taking in the sign; other facts as they are."""
    if fact.category != "number" or fact.key[0] != "count" or not isinstance(fact.key[2], float):
        return fact
    sign = _MINUS_BEFORE.search(text, max(0, fact.start - 6), fact.start)
    below = None if sign else _BELOW_ZERO_AFTER.match(text, fact.end)
    if sign is None and below is None:
        return fact
    start = sign.start() if sign else fact.start
    value = -fact.key[2]
    detail = {**fact.detail, "value": value, "display": _format_value(value)}
    return replace(fact, start=start, text=text[start : fact.end], key=(*fact.key[:2], value), detail=detail)


def _format_value(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def significant_digits(value: float) -> int:
    """Significant digits of a value as written ("4,891" has 4, "5,000" has 1, "2.7" has 2)."""
    digits = f"{abs(value):.6f}".rstrip("0").rstrip(".").replace(".", "").lstrip("0")
    return len(digits.rstrip("0")) or 1


# -------------------------------------------------------------------------------------------------- dates

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
    "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: Relative dates that say the same thing in other words.
RELATIVE_SYNONYMS = {
    "a week ago": "last week", "one week ago": "last week", "a month ago": "last month",
    "one month ago": "last month", "a year ago": "last year", "one year ago": "last year",
    "tonight": "today", "this evening": "today", "this morning": "today", "the day before": "yesterday",
}  # fmt: skip
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_YEAR_CONTEXT = (
    "in", "since", "by", "until", "till", "from", "of", "year", "before", "after", "during", "early", "late",
    "the", "between", "and", "to", "or", "summer", "winter", "spring", "autumn", "fall", "circa",
    "c.", "through", "in early", "in late", "until early", "since early",
)  # fmt: skip
#: Ordinals that count centuries, in words: :data:`ORDINALS` up to the twenty-first, and "twenty first".
_CENTURY_ORDINALS = {**{word: rank for word, rank in ORDINALS.items() if rank <= 21}, "twenty first": 21}
#: Words after which a capital "May" is the month, not the modal verb.
_BEFORE_MAY = ("in", "since", "by", "until", "till", "from", "of", "early", "late", "mid", "last", "next", "this",
               "during", "before", "after", "through", "and", "between", "to", "or", "every", "each")  # fmt: skip
#: Words after which a season is a time of year ("in the spring", "until late autumn").
_BEFORE_SEASON = (
    *(f"{word} the" for word in ("in", "by", "until", "till", "from", "during", "over", "through", "throughout",
                                 "since", "before", "after", "for")),
    "in", "early", "late", "in early", "in late",
)  # fmt: skip
#: The hours and minutes of a time said in words ("a quarter past two", "20 minutes to midnight").
_CLOCK_HOURS = r"1[0-2]|0?[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|midnight|midday|noon"
_CLOCK_MINUTES = r"[1-5]?\d|" + _SPELLED_BELOW_100
_NAMED_HOURS = {"midnight": 0, "midday": 12, "noon": 12}
_NAMED_HOUR_AFTER = re.compile(rf"\s*(?:{'|'.join(_NAMED_HOURS)})\b", re.IGNORECASE)  # "12 noon"
_DATE_ALTERNATIVES = (
    # a comma may stand apart, as tokenised text writes it ("May 29 , 1518")
    rf"(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})(?:(?:\s?,)?\s+(?P<y1>{_YEAR}))?",
    rf"(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m2>{_MONTH})(?:(?:\s?,)?\s+(?P<y2>{_YEAR}))?",
    rf"(?P<m3>{_MONTH})(?:\s?,)?\s+(?P<y3>{_YEAR})",
    r"(?P<iso>(?P<iso_y>(?:1[5-9]|20)\d\d)-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12]\d|3[01]))(?![\d-])",
    r"(?P<nd>(?P<nd1>[0-3]?\d)[/.](?P<nd2>[01]?\d)[/.](?P<nd3>(?:19|20)?\d\d))(?![\d/])",
    r"(?P<m4>January|February|March|April|June|July|August|September|October|November|December)",
    # "May" alone only after a word that puts a month there ("in May", "until May"): else it is the modal
    r"(?:" + "|".join(rf"(?<=\b{word} )" for word in _BEFORE_MAY) + r"|(?<=\bmid-))(?P<m5>May)",
    # "the 1100s" is the twelfth century; without "the", "1000s" may be thousands ("1000s of people")
    r"(?P<decade>(?:1[5-9]|20)\d0s"
    r"|(?:(?<=the )|(?<=the early )|(?<=the late )|(?<=the mid )|(?<=the mid-))"  # "the late 1100s"
    r"(?:1[1-4]00s|[2-9]0s|(?:twent|thirt|fort|fift|sixt|sevent|eight|ninet)ies))",
    rf"(?P<century>(?P<century_digits>[12]?\d)(?:st|nd|rd|th)|(?P<century_word>{'|'.join(_CENTURY_ORDINALS)}))"
    r"[\s-]+century",
    rf"(?P<y4>{_YEAR})(?![\w%$£€]|[,.]\d)",
    r"(?P<weekday>(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?)",
    # a season as a time of year ("in the spring", "by late autumn"), not "a hot spring" or "summer clothes"
    r"(?:" + "|".join(rf"(?<=\b{words} )" for words in _BEFORE_SEASON) + r"|(?<=\bmid-))"
    r"(?P<season>spring|summer|autumn|winter|fall(?=\s*(?:[,.;:!?)]|$|\d{4})))"  # "in the fall": autumn
    r"(?=\s*(?:[,.;:!?)]|$|(?:and|or|to|when|while|as|after|before|until|but|of|in|on|at|for|with|this|next"
    r"|last|\d{4})\b))",
    r"(?P<relative>today|tonight|yesterday|tomorrow|this (?:morning|evening)|the day before"
    r"|(?:earlier|later) in the (?:week|month|year)"
    r"|(?:last|next|this|earlier this|later this|the previous|the following|the past|the coming|the current|current)\s+"
    r"(?:(?:financial|academic|calendar|school|fiscal|tax)\s+)?"
    r"(?:week|weekend|month|year|spring|summer|autumn|fall|winter|century|decade)"
    rf"|(?:a|\d+|{_SPELLED_BELOW_100})\s+(?:days?|weeks?|months?|years?|decades?)"
    r"\s+(?:ago|earlier|later))",
    r"(?P<time>(?P<hour>[01]?\d|2[0-3])(?::(?P<minute>[0-5]\d)|\.(?P<minute2>[0-5]\d)(?=\s?[ap]\.?m\b))"
    r"\s?(?P<ampm1>[ap]m|[ap]\.m\.)?(?![\d])"
    r"|(?P<hour2>1[0-2]|0?[1-9])\s?(?P<ampm2>[ap]m|[ap]\.m\.)|(?P<hour3>1[0-2]|[1-9])\s+o['’]clock"
    r"|(?P<badhour>1[3-9]|[2-9]\d)(?:[ap]m|[ap]\.m\.)"  # no clock has it ("30am"): a time gone wrong
    # a time in words: "a quarter past two in the morning", "12 minutes past four", "half past six in the
    # evening", "a quarter to midnight", "8 in the morning"
    rf"|(?:(?P<past>(?:a\s+)?quarter|half|(?:{_CLOCK_MINUTES})\s+minutes?)\s+(?P<way>past|to)\s+)?"
    rf"(?P<whour>{_CLOCK_HOURS})(?(past)(?:\s+o['’]clock)?|(?=\s+(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night)))"
    r"(?:\s+(?:in\s+the\s+(?P<part>morning|afternoon|evening)|at\s+(?P<night>night)))?"
    r"|(?P<named>noon|midday|midnight))",
)
_DATE = re.compile(r"\b(?:" + "|".join(_DATE_ALTERNATIVES) + r")(?![\w])", re.IGNORECASE)
#: A bare four-digit number is a year after one of these words, or before punctuation or a conjunction.
_YEAR_BEFORE = re.compile(r"(?:\b(?:" + "|".join(re.escape(w) for w in _YEAR_CONTEXT) + r")\s+|\bmid-)$", re.IGNORECASE)
_YEAR_AFTER = re.compile(
    r"\s*(?:[,.;:)!?]|$)|\s+(?:and|to|when|while|as|after|before|until|but|or)\b|[–-](?:\d\d|\d{4})\b",
    re.IGNORECASE,
)


def _month(text: str | None) -> int | None:
    return MONTHS.get(text.lower().rstrip(".")) if text else None


def _day(text: str | None) -> int | None:
    return int(re.sub(r"\D", "", text)) if text else None


def _time_key(groups: Mapping[str, str | None]) -> tuple[object, ...]:
    """Minutes after midnight; ``None`` for the half of the day when the text does not say it."""
    if groups.get("badhour"):  # "30am", "15pm": equal to no time a clock shows
        return ("time", -int(groups["badhour"] or 0), True)
    if groups.get("whour"):
        return _time_in_words(groups)
    named = (groups.get("named") or "").lower()
    if named:
        return ("time", 0 if named == "midnight" else 12 * 60, True)
    hour_text = groups.get("hour") or groups.get("hour2") or groups.get("hour3") or "0"
    hour, minute = int(hour_text), int(groups.get("minute") or groups.get("minute2") or 0)
    ampm = (groups.get("ampm1") or groups.get("ampm2") or "").lower().replace(".", "")
    if ampm:
        hour = hour % 12 + (12 if ampm.startswith("p") else 0)
        return ("time", hour * 60 + minute, True)
    if groups.get("hour3") or hour <= 12:
        return ("time", (hour % 12) * 60 + minute, False)  # "3 o'clock", "9.30": morning or evening
    return ("time", hour * 60 + minute, True)


def _time_in_words(groups: Mapping[str, str | None]) -> tuple[object, ...]:
    """Minutes after midnight of a time said in words ("a quarter past two in the morning": 2:15am, "a quarter
    to midnight": 23:45); the half of the day known from "in the morning", "in the evening", "at night",
    midnight and midday."""
    hour_word = (groups.get("whour") or "").lower()
    hour = _NAMED_HOURS.get(hour_word)
    if hour is None:
        hour = int(_count_value(hour_word) or 0)  # "two", "2"
    past = re.sub(r"\s+", " ", (groups.get("past") or "").lower())
    if not past:
        minutes = 0
    elif past.endswith("quarter"):
        minutes = 15
    elif past == "half":
        minutes = 30
    else:
        minutes = int(_count_value(past.split()[0]) or 0)
    if (groups.get("way") or "").lower() == "to":
        minutes = -minutes
    part = (groups.get("part") or "").lower() or ("night" if groups.get("night") else "")
    if hour_word in _NAMED_HOURS:
        return ("time", (hour * 60 + minutes) % (24 * 60), True)
    if part:
        evening = part in ("afternoon", "evening") or (part == "night" and hour != 12 and hour >= 6)
        hour = hour % 12 + (12 if evening else 0)
        return ("time", (hour * 60 + minutes) % (24 * 60), True)
    return ("time", ((hour % 12) * 60 + minutes) % (12 * 60), False)


# -------------------------------------------------------------------------------------------------- names

TITLES = words("titles")
_TITLE_KEEP = frozenset({"saint", "st", "general"})  # start place and organisation names too
_CONNECTORS = frozenset({"of", "de", "da", "di", "van", "von", "der", "den", "la", "le", "du", "bin", "al",
                         "&", "y", "del", "dos", "das", "the", "and", "for", "on"})  # fmt: skip
#: Connectors that may stand inside a name only when the gazetteer knows the whole name.
_WEAK_CONNECTORS = frozenset({"the", "and", "for", "on"})
#: (A lower-case start, "iPhone", is tried only at the start of a run of lower-case letters: from inside the
#: run the same letters follow, and no match ends inside one; the same tokens without quadratic retries.)
#: (Every token starts with a capital or after no lower-case letter: the lookahead lets the regex engine pass
#: over the inside of lower-case words at once.)
_NAME_TOKEN = re.compile(
    rf"(?:(?=[{UPPER}])|(?<![{LOWER}]))"
    rf"(?:(?:[{UPPER}]\.){{2,}}|[{UPPER}][{LETTER}0-9’'.]*(?:-[{LETTER}0-9’']+)*"
    rf"|(?<![{LOWER}])[{LOWER}]+[{UPPER}][{LETTER}]*"
    rf"|(?<=\s)(?:of|de|da|di|van|von|der|den|la|le|du|bin|al|&|y|del|dos|das|the|and|for|on)(?=\s+[{UPPER}]))"
)
#: Words many names of organisations and places share ("University", "Republic", "City"): sharing one does
#: not make two names one (matching), and one of them "of" a place is a name of its own ("Republic of
#: Kiribati").
GENERIC_NAME_WORDS = words("generic_name_words")
#: A word of four letters or more with a full stop: the end of a sentence, not an initial or abbreviation.
_SENTENCE_END = re.compile(rf"[{UPPER}][{LOWER}]{{3,}}\.")
#: "NATO-like", "Asian-style", "Kremlin-backed": the name is the part before the hyphen.
_HYPHEN_SUFFIXES = words("hyphen_suffixes")
#: Words that begin many place names and so stay part of a name even at the start of a sentence.
_NAME_PREFIXES = words("name_prefixes")
_DIRECTIONS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western"})
#: Capitalised words that are not names when they stand alone or start a sentence.
NOT_NAMES = words("not_names")
#: Acronyms of common nouns ("GP", "TV", "GDP"): no names, compared as written.
COMMON_ACRONYMS = words("common_acronyms")
_POSSESSIVE = re.compile(r"(?:['’]s|s['’]|['’])$")
_WORD = re.compile(rf"[{LETTER}][{LETTER}’'-]*")


@lru_cache(maxsize=65536)
def _strip_possessive(token: str) -> str:
    if token.endswith(("s'", "s’")):
        return token[:-1]
    return _POSSESSIVE.sub("", token)


@dataclass(frozen=True, slots=True)
class NameEvidence:
    """What the pair of texts says about capitalisation: how often each word (lower-cased) is written
    capitalised mid-sentence, and how often in lower case."""

    capitalised_counts: Mapping[str, int] = field(default_factory=dict)
    lowercase_counts: Mapping[str, int] = field(default_factory=dict)

    def capitalised(self, word: str) -> bool:
        """Written capitalised mid-sentence at least as often as in lower case."""
        count = self.capitalised_counts.get(word, 0)
        return count > 0 and count >= self.lowercase_counts.get(word, 0)

    def lowercase(self, word: str) -> bool:
        """Written in lower case more often than capitalised mid-sentence."""
        return self.lowercase_counts.get(word, 0) > self.capitalised_counts.get(word, 0)


def name_evidence(sentences: Iterable[str]) -> NameEvidence:
    """Capitalisation evidence from every sentence of both texts."""
    capitalised: list[str] = []
    lowercase: list[str] = []
    for text in sentences:
        for index, match in enumerate(_WORD.finditer(text)):
            word = match.group()
            if "'" in word or "’" in word:
                word = _strip_possessive(word)
                if not word:
                    continue
            if word[0].isupper():
                if index > 0 and _mid_sentence(text, match.start()):
                    capitalised.append(word.lower())
            else:
                lowercase.append(word.lower())
    return NameEvidence(dict(Counter(capitalised)), dict(Counter(lowercase)))


def _mid_sentence(text: str, start: int) -> bool:
    """Whether the last character before ``start`` that is not white space (there is one) is no sentence
    or quotation opener; a straight quotation mark or apostrophe right after a word closes something (the
    possessive of "the Home Heating Consumers' Forum")."""
    before = start - 1
    while before >= 0 and text[before].isspace():
        before -= 1
    if before < 0:
        return False
    if text[before] in "\"'’":
        return before > 0 and text[before - 1].isalnum()
    return text[before] not in ".!?:“‘(—–`"  # "`": tokenised text's opening quotation marks


@cache
def _zipf(word: str) -> float:
    return lexicon.zipf(word)


@cache
def given_names() -> frozenset[str]:
    """Common given names (``evalkit/data/given_names.txt``, lower case)."""
    return _word_file("given_names.txt")


@cache
def surnames() -> frozenset[str]:
    """Common family names (``evalkit/data/surnames.txt``, lower case)."""
    return _word_file("surnames.txt")


def _word_file(name: str) -> frozenset[str]:
    """The words of a shipped list: separated by white space, "#" lines are comments."""
    text = shipped_text(name)
    return frozenset(word for line in text.splitlines() if not line.startswith("#") for word in line.split())


@cache
def stem(word: str) -> str:
    """:func:`evalkit.lexicon.stem`, remembered (the drift engine stems the same words again and again)."""
    return lexicon.stem(word)


#: Zipf frequency from which a capitalised word at the start of a sentence is read as an ordinary word;
#: before another capitalised word, a higher one (the first word of a name is often a rare word).
ORDINARY = 2.5
ORDINARY_BEFORE_NAME = 3.0


def _is_ordinary(word: str, evidence: NameEvidence, threshold: float = ORDINARY) -> bool:
    """An ordinary English word rather than a name (judged without its capital): written in lower case in
    the texts, or at least as frequent as ``threshold`` (Zipf) and never capitalised mid-sentence."""
    lower = word.lower()
    if lower in NOT_NAMES:
        return True
    if evidence.capitalised(lower) or gazetteer().lookup([word]) is not None:
        return False
    head = lower.split("-")[0]
    singular = lower[:-1] if lower.endswith("s") and len(lower) > 3 else lower  # "Pikas" after "the pika"
    return (
        _zipf(lower) >= threshold
        or evidence.lowercase(lower)
        or evidence.lowercase(singular)
        or (head != lower and _zipf(head) >= 3.5)
    )


_INITIALS = re.compile(rf"(?:[{LOWER}]\.)+")
_INITIALS_END = re.compile(rf"(?:[{UPPER}]\.){{2,}}$")


def name_units(tokens: list[str]) -> tuple[str, ...]:
    """A name as matching units: gazetteer entities as ``@id`` (longest forms first, demonyms to their
    place), other words lower-cased without possessive or dots; titles are left out beforehand."""
    g = gazetteer()
    words = [_strip_possessive(token) for token in tokens]
    units: list[str] = []
    index = 0
    while index < len(words):
        for size in range(min(g.longest, len(words) - index), 0, -1):
            entity = g.lookup(words[index : index + size])
            if entity is not None:
                units.append(entity.id)
                index += size
                break
        else:
            word = lexicon.fold_diacritics(words[index].lower().replace("’", "'"))
            if len(words) > 1 and index in (0, len(words) - 1):
                word = (_ABBREVIATED_HEAD if index == 0 else _ABBREVIATED_TAIL).get(word.rstrip("."), word)
            if word not in _CONNECTORS:
                units.append(word.replace(".", "") if not _INITIALS.fullmatch(word) else word)
            index += 1
    return tuple(units)


#: Abbreviations that start a name, as the word they stand for: "St. Petersburg" is "Saint Petersburg".
_ABBREVIATED_HEAD = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "point"}
#: And those that end one: "Baker St" is "Baker Street".
_ABBREVIATED_TAIL = {"st": "street", "rd": "road", "ave": "avenue", "av": "avenue", "sq": "square", "ln": "lane",
                     "blvd": "boulevard", "dr": "drive", "mt": "mount"}  # fmt: skip


def entity(unit: str) -> Entity | None:
    """The gazetteer entity behind a matching unit (``@united states``), if it is one."""
    if not unit.startswith("@"):
        return None
    for candidate in (gazetteer().forms.get(unit[1:]),):
        if candidate is not None and candidate.id == unit:
            return candidate
    return None


# ------------------------------------------------------------------------------------------------- quotes

_OPENERS = "“‘«"
_CLOSERS = "”’»"
_SPEECH_VERBS = (
    r"said|says|say|told|tells|added|adds|stated|states|explained|explains|warned|warns|insisted|insists|"
    r"claimed|claims|wrote|writes|asked|asks|announced|announces|argued|argues|noted|notes|declared|"
    r"declares|replied|replies|admitted|admits|continued|continues|suggested|suggests|believes|believed|"
    r"thinks|thought|recalled|recalls|remembers|remembered|commented|comments|reported|reports|joked|jokes"
)
#: The stems of the verbs that attribute a quotation ("said", "says", "told" …).
SPEECH_STEMS = frozenset(stem(verb) for verb in _SPEECH_VERBS.split("|"))
#: Attribution patterns: after the quotation, then before it. Each names the speaker and the verb of speech.
_SPEAKER_AFTER = re.compile(rf"^[\s,]*(?P<speaker>[^,.;:!?\"“”]{{2,80}}?)\s+(?P<verb>{_SPEECH_VERBS})\b")
_SPEAKER_BEFORE = re.compile(
    rf"(?:\b(?P<verb>{_SPEECH_VERBS})|according to)\s+(?P<speaker>[^,.;\"“]{{2,80}}?)\s*[,.:]?\s*$"
)
_SPEAKER_SUBJECT = re.compile(rf"(?P<speaker>[^,.;\"“]{{2,80}}?)\s+(?P<verb>{_SPEECH_VERBS})\s*(?:that\s*)?[,:]?\s*$")
_SPEAKER_VERB_FIRST = re.compile(rf"^[\s,]*(?P<verb>{_SPEECH_VERBS})\s+(?P<speaker>[^,.;\"“]{{2,80}}?)\s*(?:[,.;]|$)")
_UNTERMINATED_ATTRIBUTION = re.compile(rf",\s+[^,]{{2,60}}?\s+(?:{_SPEECH_VERBS})\b[^,]*$")
_PRONOUNS = words("pronouns")
QUOTE_WORD = re.compile(r"[\w’']+")
#: Contractions written out, so that "we'd" and "we would" are the same words inside a quotation.
CONTRACTIONS = {
    "n't": " not", "'re": " are", "'ve": " have", "'ll": " will", "'d": " would", "'m": " am",
    "can't": "can not", "won't": "will not", "cannot": "can not", "shan't": "shall not",
    "it's": "it is", "that's": "that is", "there's": "there is", "what's": "what is", "he's": "he is",
    "she's": "she is", "let's": "let us", "here's": "here is", "who's": "who is",
    # spoken forms a rewrite spells out ("they're gonna win" / "they're going to win")
    "gonna": "going to", "wanna": "want to", "gotta": "got to", "kinda": "kind of", "sorta": "sort of",
    "y'all": "you all",
}  # fmt: skip


#: Quotation marks, and the Penn Treebank's for them in tokenised text (``, '' and `), read as “, ” and ‘.
_QUOTE_MARK = re.compile("``|''|[\"“”«»‘’'`]")
_TREEBANK_QUOTES = {"``": "“", "''": "”", "`": "‘"}
_CLITIC = re.compile(r"(?:s|re|ve|ll|d|m)\b", re.IGNORECASE)


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of quoted passages (the words inside the marks), nested quotes folded in."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for mark in _QUOTE_MARK.finditer(text):
        index, raw, past = mark.start(), mark.group(), mark.end()
        character = _TREEBANK_QUOTES.get(raw, raw)
        before = text[index - 1] if index else " "
        after = text[past] if past < len(text) else " "
        if character in "‘’'" and before.isalnum() and after.isalnum():
            continue  # an apostrophe: don't, Korea's
        if character in "’'" and before in "sS" and not stack:
            continue  # plural possessive: the states' ...
        if character in "’'" and before.isspace() and _CLITIC.match(text, past):
            continue  # a clitic split off its word by a tokeniser: "the city 's", "they 're"
        opening = ((before.isspace() or before in '([{—–-/"“‘') and not after.isspace()) or raw in ("``", "`")
        # a right double quotation mark closes even after a space ("in the Kuiper belt ”, the …")
        closing = (not before.isspace() or character == "”") and (after.isspace() or after in ".,;:!?)]}—–-\"”’'")
        if character == "'" and before.isspace() and after.isspace() and stack and stack[-1][0] == "single":
            closing = True  # a tokeniser's closing mark stands apart: "said 'stop it ' and"
        if raw == "''":
            closing = True  # the treebank's closing mark closes whatever follows it: "`` Knacks''( magical"
        kind = "double" if character in '"“”«»' else "single"
        if closing and stack and stack[-1][0] == kind and character not in _OPENERS:
            _, start = stack.pop()
            if not stack:
                spans.append((start, index))
        elif opening and character not in _CLOSERS:
            stack.append((kind, past))
        elif closing and stack and kind == "double":
            start = stack[0][1]  # a closing double quote that matches nothing: close the outermost
            stack.clear()
            spans.append((start, index))
    if stack:  # an unterminated quotation runs to the attribution or the end of the sentence
        start = stack[0][1]
        tail = text[start:]
        attribution = _UNTERMINATED_ATTRIBUTION.search(tail)
        end = start + (attribution.start() if attribution else len(tail.rstrip(".!? ")))
        spans.append((start, end))
    # no space at either end: "belt ”", tokenised text's "`` we will win ''"
    trimmed = [(end - len(text[start:end].lstrip()), start + len(text[start:end].rstrip())) for start, end in spans]
    return [(start, end) for start, end in trimmed if end > start]


#: Words in square brackets inside a quotation are the writer's, not the speaker's ("Mike Todd [the life
#: support engineer] showed up"): left out when quotations are compared.
_EDITORIAL = re.compile(r"\[[^\[\]]*\]")


def quote_words(text: str) -> tuple[str, ...]:
    """The words of a quotation, lower case, contractions written out ("we'd" -> "we would"), without the
    writer's words in square brackets."""
    words: list[str] = []
    for raw in QUOTE_WORD.findall(_EDITORIAL.sub(" ", text).replace("’", "'")):
        words.extend(_quote_word(raw))
    return tuple(words)


@lru_cache(maxsize=65536)
def _quote_word(raw: str) -> tuple[str, ...]:
    """One word of a quotation as :func:`quote_words` writes it: none, itself, or its contraction spelt out."""
    word = raw.lower().strip("'")
    if not word:
        return ()
    if word in CONTRACTIONS:
        return tuple(CONTRACTIONS[word].split())
    for suffix in ("n't", "'re", "'ve", "'ll", "'d", "'m", "'s"):
        if word.endswith(suffix) and len(word) > len(suffix):
            if suffix == "'s":
                return (word,)  # possessive or "is": keep as written
            return (word[: -len(suffix)], *CONTRACTIONS[suffix].split())
    return (word,)


#: Every attribution pattern needs one of these (as part of a word or not: a substring test in one pass of C
#: per cue, much faster than a regex with all of them as alternatives tried at every position).
_SPEECH_CUES = (*_SPEECH_VERBS.split("|"), "according to")
#: A finite verb in the words between a verb of speech and its quotation: they are a clause of what was
#: said ("said the rise was"), not a speaker put after the verb ("said the minister").
_CLAUSE_VERB = re.compile(r"\b(?:is|was|were|are|has|have|had|will|would|could|can|should|must|may|might)\b")
_SPEAKER_END = re.compile(r"\s+(?:on|in|at|during|after|before|when|while|last|this|yesterday|today|who|which)\b.*$")


@dataclass(frozen=True)
class Attribution:
    """Who a quotation is attributed to, as written ("Takahito Iguchi", "he"), and where its verb of
    speech stands in the sentence (``None`` for "according to")."""

    speaker: str
    verb: tuple[int, int] | None


def _attribution(text: str, start: int, end: int) -> Attribution | None:
    """The attribution of the quotation at ``[start, end)`` of a sentence, if the sentence says."""
    if not any(cue in text for cue in _SPEECH_CUES):
        return None  # every attribution pattern needs a speech verb or "according to"
    found: re.Match[str] | None = None
    offset = end + 1  # the patterns are anchored: each reads a slice of the sentence
    for pattern in (_SPEAKER_VERB_FIRST, _SPEAKER_AFTER):
        found = pattern.match(text[offset:])
        if found:
            break
    if found is None:
        offset = 0
        before = text[: max(0, start - 1)]
        for pattern in (_SPEAKER_BEFORE, _SPEAKER_SUBJECT):
            found = pattern.search(before)
            if (
                found
                and pattern is _SPEAKER_BEFORE
                and found.group("verb")
                and _CLAUSE_VERB.search(found.group("speaker"))
            ):
                # "Dr Kluge said the rise was 'worrying'": a clause after the verb, its speaker before it
                found = _SPEAKER_SUBJECT.search(before, 0, found.end("verb"))
            if found:
                break
    if found is None:
        return None
    speaker = _SPEAKER_END.sub("", found.group("speaker")).strip()
    if not speaker:
        return None
    verb = (offset + found.start("verb"), offset + found.end("verb")) if found.group("verb") else None
    return Attribution(speaker, verb)


#: A possessive after a name with words after it: the name is whose the speaker is ("Ellison's lawyer").
_POSSESSOR = re.compile(r"(?:['’]s|(?<=s)['’])\s+\w")


def speaker_units(speaker: str | None, evidence: NameEvidence) -> tuple[str, ...] | None:
    """The name units of a speaker ("Mr Iguchi, the founder" -> ("iguchi",)); ``None`` for a pronoun or
    a description without a name."""
    if not speaker:
        return None
    for _, end, name in _names(speaker, evidence, at_start_ok=True):
        if _POSSESSOR.match(speaker, end):
            continue  # "Ellison's lawyer": someone else, who speaks for the name
        units = _name_units(name)
        if units:
            return units
    return None


@lru_cache(maxsize=65536)
def _name_units(name: str) -> tuple[str, ...]:
    """:func:`name_units` of a name as written, its titles left out (names recur through an article: each
    is read once)."""
    return name_units(_title_free(name.split()))


def _title_free(tokens: list[str]) -> list[str]:
    while len(tokens) > 1 and (head := tokens[0].lower().rstrip(".")) in TITLES and head not in _TITLE_KEEP:
        tokens = tokens[1:]  # "St." stays, as "St" does: "St. Petersburg"
    return tokens


# ----------------------------------------------------------------------------------------------- negation


def _leading(characters: str, pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``pattern`` behind a lookahead for ``characters``, the first characters of all its matches: the same
    matches, found several times faster in prose (the engine passes over every other position at once
    instead of trying each alternative there)."""
    return re.compile(rf"(?=[{characters}])(?:{pattern})", flags)


NEGATION_CUES = ("not", "n't", "never", "no", "none", "nobody", "nothing", "nowhere", "neither", "nor",
                 "without", "no longer", "cannot")  # fmt: skip
#: Words that negate without a negation cue: a rewrite that says "did not deliver" for "failed to
#: deliver" has not flipped anything.
IMPLICIT_NEGATIONS = words("implicit_negations")
MODALS = {
    "may": "possible", "might": "possible", "could": "possible", "can": "able", "must": "necessary",
    "should": "advisable", "ought": "advisable", "will": "certain", "would": "conditional",
    "shall": "certain",
}  # fmt: skip
#: A contraction written without its apostrophe ("dont", "didnt", "cant": text that lost its apostrophes on
#: the way): the cue is its "nt".
BARE_CONTRACTION = re.compile(
    r"\b(?:do|does|did|is|are|was|were|ca|could|would|should|wo|has|have|had|must|need)(?P<bare>nt)\b",
    re.IGNORECASE,
)
_NEGATION = _leading(
    "nwc",
    r"\b(?:no longer|not|never|none|nobody|nothing|nowhere|neither|nor|without|cannot|no(?!\.\s?\d))\b"  # "No. 5"
    r"|(?<=[a-z])n[’']t\b|(?<=[a-z] )n[’']t\b"  # tokenised text writes "do n't"
    r"|(?<=[a-z])(?P<bare>nt)\b",  # "nt": kept only where it ends a BARE_CONTRACTION
    re.IGNORECASE,
)
_WORD_START = re.compile(rf"[{LETTER}]+$")
#: How far back :func:`_word_before` looks first.
_LOOK_BACK = 32


def _word_before(pattern: re.Pattern[str], text: str, end: int) -> re.Match[str] | None:
    r"""``pattern.search(text, 0, end)`` for a pattern of a run of letters ending at ``end`` (``[{LETTER}]+$``,
    ``([{LETTER}]+)\s*$``, ``([{LETTER}]+) $``: nothing before the run, no look-behind), without a regex pass
    over the whole text before it: first in the last :data:`_LOOK_BACK` characters; over the whole text only
    when that finds no run, or one that may go on further back (the search's match starts furthest back)."""
    start = max(0, end - _LOOK_BACK)
    match = pattern.search(text, start, end)
    if start == 0 or (match is not None and match.start() > start):
        return match
    return pattern.search(text, 0, end)


#: Phrases with a negation cue that negate nothing.
_NOT_NEGATING = _leading(
    "noy",
    r"\b(?:not only|not just|not least|not to mention|no doubt|no matter|nothing but|no sooner|"
    r"no (?:later|earlier|more|less|fewer|longer) than|not (?:later|earlier|more|less|fewer) than|"
    r"nothing (?:more|less) than|"
    r"not until|no one else|none other|not long after|not long ago|not to say|or not|yes or no|yes/no)\b",
    re.IGNORECASE,
)
_MODAL = _leading("mcsow", rf"\b(?:{'|'.join(MODALS)})\b", re.IGNORECASE)
_AUXILIARIES = words("auxiliaries")


#: Function words: a quotation that differs only in these says the same thing ("it is the wrong time for
#: this" / "it's the wrong time for this").
FUNCTION_WORDS = words("function_words")


@lru_cache(maxsize=4096)
def content_stems(words: tuple[object, ...]) -> frozenset[str]:
    """The stems of words other than function words (a quotation's words, a clause's)."""
    return frozenset(stem(str(word)) for word in words if str(word) not in FUNCTION_WORDS)


#: Function words a negation is not compared on; quantifiers stay ("not all", "not enough").
NOT_SCOPES = FUNCTION_WORDS - {"all", "any", "some", "every", "each", "both", "much", "many", "more", "most"}


#: Punctuation no negation or modal reaches across ("but BBM doesn't; Path does location sharing").
#: A closing quotation mark ends what a negation inside it reaches ("cannot do it,” he said").
CLAUSE_BREAK = re.compile(r"[;:!?()”]|\.(?!\w)|\s[—–]\s")

#: How far after a cue a clause break is looked for: further than the few words a cue bears on can reach.
BREAK_WINDOW = 240

#: An aside right after a negation or modal, between commas or dashes ("does not, as is often assumed,
#: work"): what the cue bears on comes after it.
ASIDE = re.compile(r"\s*([,–—])(?:\s*[^\s,–—.;:!?\"“”()]+){1,6}?\s*\1")


def _scope_word(text: str, end: int) -> tuple[int, int] | None:
    """The first word after a negation or modal that is not an auxiliary or function word (what it bears
    on), within four words, an aside between commas or dashes skipped."""
    aside = ASIDE.match(text, end)
    if aside is not None:
        end = aside.end()
    stop = CLAUSE_BREAK.search(text, end, end + BREAK_WINDOW)  # four words lie well within the window
    for count, match in enumerate(_WORD.finditer(text, end, stop.start() if stop else len(text))):
        if count >= 4:
            return None
        word = match.group().lower()
        if word not in _AUXILIARIES and word not in NOT_SCOPES:
            return match.span()
    return None


_LAST_WORD = re.compile(rf"([{LETTER}]+)\s*$")


def _head_word(text: str, start: int) -> tuple[int, int] | None:
    """The auxiliary a negation hangs on ("is" in "is not", "do" in "don't"), if it stands just before."""
    match = _word_before(_LAST_WORD, text, start)
    if match and match.group(1).lower() in _AUXILIARIES:
        return match.span(1)
    return None


# ------------------------------------------------------------------------------------------------ extract

_TOKEN = re.compile(rf"[$£€¥₹]|[{LETTER}]+|\d+")
_SPELLED_STARTS = frozenset({*UNITS, *TENS})
_NUMBER_STARTS = frozenset({*_SPELLED_STARTS, "a", "an", "us", "hk", "c"})
_DATE_STARTS = frozenset(
    {*MONTHS, *WEEKDAYS, *(day + "s" for day in WEEKDAYS), *_SPELLED_STARTS, "today", "tonight", "yesterday",
     "tomorrow", "this", "last", "next", "earlier", "later", "the", "a", "noon", "midday", "midnight", "sept",
     "previous", "following", "current", "spring", "summer", "autumn", "fall", "winter", "quarter", "half",
     *_CENTURY_ORDINALS, *(tens[:-1] + "ies" for tens in TENS)}
)  # fmt: skip
_ORDINAL_STARTS = frozenset({*ORDINALS, *TENS})
_MULTIPLIER_STARTS = frozenset({*_SPELLED_STARTS, *MULTIPLIERS})
_SPAN_STARTS = frozenset({*_SPELLED_STARTS, "a", "an"})
_FORTNIGHT_STARTS = frozenset({*_SPAN_STARTS, "fortnightly"})
_FRACTION_STARTS = frozenset({*UNITS, "a", "an", "half", "third", "thirds", "quarter", "quarters"})
#: The word starts of the scanned patterns, each with a bit of its own.
_START_BITS = {
    starts: 1 << index
    for index, starts in enumerate(
        (_SPELLED_STARTS, _NUMBER_STARTS, _DATE_STARTS, _ORDINAL_STARTS, _MULTIPLIER_STARTS, _SPAN_STARTS,
         _FRACTION_STARTS, VAGUE, _FORTNIGHT_STARTS)
    )
}  # fmt: skip
#: Every word that can start a match of one of the scanned patterns: the bits of the patterns it can start.
_WORD_BITS = {
    word: sum(bit for starts, bit in _START_BITS.items() if word in starts) for word in frozenset().union(*_START_BITS)
}
#: Digits and currency signs can start every scanned pattern.
_ALL_BITS = sum(_START_BITS.values())


@lru_cache(maxsize=65536)
def _token_bits(token: str) -> int:
    """The bits of the scanned patterns that can start at a token of :data:`_TOKEN`: every one at digits and
    currency signs, those whose word starts include the word (in lower case) otherwise."""
    return _WORD_BITS.get(token.lower(), 0) if token[0].isalpha() else _ALL_BITS


def _start_tokens(text: str) -> list[tuple[int, int]]:
    """The tokens (offset, :func:`_token_bits`) where a scanned pattern can start: digits, currency signs
    and the words of the patterns' word starts."""
    return [(match.start(), bits) for match in _TOKEN.finditer(text) if (bits := _token_bits(match.group()))]


def _scan(
    pattern: re.Pattern[str], text: str, tokens: list[tuple[int, int]], starts: frozenset[str]
) -> list[re.Match[str]]:
    """``pattern.finditer`` tried only where a token that can start a match stands (digits, currency
    signs and the words in ``starts``, one of :data:`_START_BITS`): the same matches, an order of
    magnitude faster on prose."""
    bit = _START_BITS[starts]
    matches: list[re.Match[str]] = []
    reached = 0
    for position, bits in tokens:  # tokens: from _start_tokens
        if bits & bit and position >= reached:
            match = pattern.match(text, position)
            if match is not None and match.end() > match.start():
                matches.append(match)
                reached = match.end()
    return matches


def extract_facts(
    text: str, sentence: int, evidence: NameEvidence | None = None, *, heading: bool = False
) -> list[Fact]:
    """Every fact of one sentence, in text order. ``evidence``: capitalisation seen in the pair."""
    evidence = evidence or NameEvidence()
    facts: list[Fact] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    def add(fact: Fact) -> None:
        facts.append(fact)
        taken.append((fact.start, fact.end))

    for start, end in _quote_spans(text):
        words = quote_words(text[start:end])
        if len(words) >= 2:
            attribution = _attribution(text, start, end)
            speaker = attribution.speaker if attribution else None
            facts.append(Fact(
                "quote", sentence, start, end, text[start:end], words,
                {"speaker": speaker, "speaker_units": speaker_units(speaker, evidence), "kind": "quote",
                 "said_at": attribution.verb if attribution else None},
            ))  # fmt: skip  # quotes overlap other facts on purpose: both are checked

    tokens = _start_tokens(text)
    _dates(text, sentence, tokens, free, add)
    _numbers(text, sentence, tokens, free, add)
    facts[:] = [_signed(fact, text) for fact in facts]
    for start, end, name in _names(text, evidence, heading=heading):
        if free(start, end):
            units = _name_units(name)
            if units:
                detail: dict[str, object] = {"kind": "name"}
                if name.endswith("s") and _NOT_POSSESSED.match(text, end) and not _THE_BEFORE.search(text, 0, start):
                    detail["not_possessive"] = True  # "Gary Lowes said", "Gary Lowes, who": no "Lowe's"
                add(Fact("name", sentence, start, end, name, ("name", units), detail))
    facts.extend(_polarity(text, sentence))
    facts.sort(key=lambda fact: (fact.start, fact.end, fact.category))
    return facts


#: What cannot follow a possessive written without its apostrophe ("Googles mission"): a verb or a relative
#: clause ("Gary Lowes said", "Gary Lowes, who manages"). Not "and", a preposition or punctuation: "Facebooks
#: and Apples apps", "alongside Atwoods in a room" are possessives of texts that lost their apostrophes.
_NOT_POSSESSED = re.compile(
    r"\s*(?:,\s*)?(?:said|says|say|told|tells|added|who|which|has|have|had|is|was|were|will|would)\b",
    re.IGNORECASE,
)


#: "the" before a name: "the Greens said" is a family, its "s" a plural.
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)


#: A relative date that counts units of time back or forward from when the text was written.
_COUNTED_BACK = re.compile(r"(?P<count>.+?) (?P<unit>day|week|month|year|decade)s? (?:ago|earlier|later)")
#: Relative dates that are a span of time up to now or from now: "the past decade" is the past ten years.
_SPANS_UP_TO_NOW = {"last decade": (10.0, "year"), "next decade": (10.0, "year")}


def _counted_in_digits(relative: str) -> str:
    """A relative date that counts units of time, its count in digits: "thirty-five years later" and "35
    years later" are one key, and so are "a day later" and "one day later"."""
    counted = _COUNTED_BACK.fullmatch(relative)
    if counted is None or counted.group("count").isdigit():
        return relative
    value = _counted(counted.group("count"))
    return relative if value is None else f"{int(value)}{relative[counted.end('count') :]}"


def _span(relative: str) -> tuple[float, str] | None:
    """The time a normalised relative date counts ("60 years ago": (60.0, "year")) or spans up to now ("last
    decade": (10.0, "year")), as (count, unit); ``None`` for one that names a time ("last week")."""
    counted = _COUNTED_BACK.fullmatch(relative)
    if counted is None:
        return _SPANS_UP_TO_NOW.get(relative)
    value = _counted(counted.group("count"))
    return None if value is None else (value, counted.group("unit"))


def _dates(text: str, sentence: int, tokens: list[tuple[int, int]], free: _Free, add: _Add) -> None:
    for match in _scan(_DATE, text, tokens, _DATE_STARTS):
        start, end = match.span()
        if not free(start, end):
            continue
        groups = match.groupdict()
        key: tuple[object, ...]
        span: tuple[float, str] | None = None  # how long a relative date counts back or spans
        if groups["weekday"]:
            key, kind = ("weekday", groups["weekday"].lower().rstrip("s")), "weekday"
        elif groups["relative"]:
            relative = re.sub(r"\s+", " ", groups["relative"].lower())
            relative = re.sub(r"^(?:the previous|the past)\b", "last", relative)
            relative = re.sub(r"^(?:the following|the coming)\b", "next", relative)
            relative = re.sub(r"^(?:the current|current)\b", "this", relative)
            relative = re.sub(r"^(earlier|later) in the\b", r"\1 this", relative)  # "later in the year"
            relative = re.sub(r"\b(?:financial|academic|calendar|school|fiscal|tax) ", "", relative)
            relative = _counted_in_digits(RELATIVE_SYNONYMS.get(relative, relative))
            key, kind, span = ("relative", relative), "relative", _span(relative)
        elif groups["season"]:
            key, kind = ("season", {"fall": "autumn"}.get(groups["season"].lower(), groups["season"].lower())), "season"
        elif groups["time"]:
            key, kind = _time_key(groups), "time"
        elif groups["decade"]:
            key, kind = ("decade", _decade(groups["decade"].lower())), "decade"
        elif groups["century"]:  # the 19th century is the 1800s
            number = groups["century_digits"]
            count = int(number) if number else _CENTURY_ORDINALS[groups["century_word"].lower()]
            key, kind = ("decade", f"{count - 1}00s"), "century"
        elif groups["iso"]:  # ISO 8601: "2024-05-12"
            key, kind = ("date", int(groups["iso_m"]), int(groups["iso_d"]), int(groups["iso_y"])), "date"
        elif groups["nd"]:
            year_text = groups["nd3"] or ""
            year = int(year_text) + (2000 if len(year_text) == 2 else 0)
            key, kind = ("date", int(groups["nd2"]), int(groups["nd1"]), year), "date"
        else:
            bare = groups["m4"] or groups["m5"]
            if bare and not bare[0].isupper():
                continue
            if bare and match.start() == 0 and bare in ("March", "August"):
                continue  # a bare month at the start of a sentence may be a verb or a name
            month = _month(groups["m1"] or groups["m2"] or groups["m3"] or bare)
            if (groups["m1"] or groups["m2"] or groups["m3"]) and month == 5 and not (groups["d1"] or groups["d2"]):
                continue
            day = _day(groups["d1"] or groups["d2"])
            if groups["y4"] and not (
                _YEAR_BEFORE.search(text, max(0, start - 16), start) or _YEAR_AFTER.match(text, end)
            ):
                continue  # "2000 people": a count
            year_text = groups["y1"] or groups["y2"] or groups["y3"] or groups["y4"]
            key = ("date", month, day, int(year_text) if year_text else None)
            kind = "year" if month is None else "date"
            short = _SHORT_YEAR.match(text, end) if groups["y4"] else None
            if short is not None and int(short.group(1)) > int(year_text[2:]) and free(*short.span(1)):
                # "the 2010-11 season": the second year too, written with its last two digits
                second = int(year_text[:2] + short.group(1))
                add(Fact("date", sentence, *short.span(1), short.group(1), ("date", None, None, second),
                         {"kind": "year", "span": None}))  # fmt: skip
        add(Fact("date", sentence, start, end, text[start:end], key, {"kind": kind, "span": span}))


#: The second year of a range written with its last two digits: "2010-11", "2010/11".
_SHORT_YEAR = re.compile(r"[-–/](\d\d)(?![\d\w])")


#: A fraction of a percentage point: "a quarter of a percentage point", "half a point".
_OF_A_POINT = re.compile(r"\s+(?:of\s+)?an?\s+(?:percentage\s+)?point\b", re.IGNORECASE)


def _count_value(text: str) -> float | None:
    """The value of a count written in digits ("1,000") or words ("four", "a hundred")."""
    digits = text.replace(",", "")
    return float(digits) if digits.isdigit() else spelled_value(text)


def _decade(text: str) -> str:
    """A decade's key: "1990s" as written, "the 90s" and "the nineties" as "90s" (no century said)."""
    if text.endswith("ies"):
        return f"{TENS[text[:-3] + 'y']}s"
    return text


def _counted(word: str) -> float | None:
    """How many a count word says: one for the article ("a decade", "a year ago"), else its value."""
    return 1.0 if word in ("a", "an") else _count_value(word)


def _unit_after(text: str, end: int) -> str:
    """The word after a number ending at ``end``, lower case: its unit when it is one ("km", "hours"), "kmh"
    or "mph" for "kilometres an hour" and "miles per hour"; "" when no word follows."""
    match = _UNIT_AFTER.match(text, end)
    if match is None:
        return ""
    if _PER_HOUR.match(text, match.end()):
        return "kmh" if match.group(1).lower().startswith("k") else "mph"
    unit = match.group(1).lower()
    if unit in ("degree", "degrees") and (scale := _TEMPERATURE_SCALE.match(text, match.end())) is not None:
        return "°f" if scale.group("scale")[0] in "Ff" else "°c"
    if unit in ("square", "sq") and (area := _UNIT_AFTER.match(text, match.end())) is not None:
        squared = "square " + area.group(1).lower()
        if squared in MEASURES:
            return squared  # "12,000 square metres"
    return unit


def _count(
    text: str,
    sentence: int,
    start: int,
    end: int,
    value: float,
    measure: str = "",
    unit: str = "",
    *,
    unit_end: int | None = None,
) -> Fact:
    """A count read from words, as :func:`_numbers` reads a number in digits: "a decade" (10 years), "twice a
    week" (2 times), "a fortnight" (2 weeks), "half an hour" (0.5 hours)."""
    detail = {"kind": "count", "value": value, "measure": measure, "unit": unit, "display": _format_value(value),
              "millions": None, "unit_end": unit_end}  # fmt: skip
    return Fact("number", sentence, start, end, text[start:end], ("count", "", round(value, 6)), detail)


def _numbers(text: str, sentence: int, tokens: list[tuple[int, int]], free: _Free, add: _Add) -> None:
    for match in _scan(_RATIO, text, tokens, _SPELLED_STARTS):
        start, end = match.span()
        whole_text = match.group("whole")
        if not free(start, end) or (match.group("link").lower() == "in" and re.fullmatch(r"\d{4}", whole_text)):
            continue  # "5 in 2020": a year
        part, whole = _count_value(match.group("part")), _count_value(whole_text)
        if part is None or not whole or part >= whole:
            continue
        share = round(100 * part / whole, 6)
        detail = {"kind": "percent", "value": share, "measure": "", "unit": "", "display": _format_value(share)}
        add(Fact("number", sentence, start, end, text[start:end], ("percent", "", share), detail))

    for match in _scan(_ORDINAL, text, tokens, _ORDINAL_STARTS):
        start, end = match.span()
        if not free(start, end):
            continue
        if match.group("word") and not (
            _DETERMINER_BEFORE.search(text, max(0, start - 12), start) or _NUMBER_AFTER.match(text, end)
        ):
            continue  # "sign up first", "First, ...": an adverb, not a rank
        word = (match.group("word") or "").lower()
        if word.endswith("-second") and _ONE_BEFORE.search(text, max(0, start - 6), start):
            continue  # "a thirty-second advert": thirty seconds long, no rank
        if word == "first" and _PLURAL_PERIOD_AFTER.match(text, end):
            continue  # "in the first months of the war": its early months, no rank
        if _NO_RANK_AFTER.match(text, end):
            continue  # "second-hand", "third-party", "a first-time buyer": a compound, no rank
        if _known_name_from(text, start):
            continue  # "the First World War": a word of a name the gazetteer knows, no rank
        if word == "first" and _IN_THE_FIRST_PLACE.search(text, max(0, start - 7), min(len(text), end + 6)):
            continue  # "pushed for the ban in the first place": at the outset, no rank
        if word in FRACTIONS and (
            (_SHARE_OF.match(text, end) and _ONE_BEFORE.search(text, max(0, start - 6), start))
            or _BY_ONE_BEFORE.search(text, max(0, start - 9), start)
        ):
            continue  # "a third of all deaths", "cut it by a third this year": a fraction, not a rank
        rank = ORDINALS[match.group("word").lower()] if match.group("word") else int(match.group("digits"))
        period = _ORDINAL_PERIOD.match(text, end)
        ordinal: dict[str, object] = {"kind": "ordinal"}
        if period is not None:  # "in its first week" / "in its first month": another time
            ordinal |= {"measure": period.group("unit").lower(), "unit_end": period.end()}
        add(Fact("number", sentence, start, end, text[start:end], ("ordinal", rank), ordinal))

    for match in _scan(_SPANS_OF_YEARS, text, tokens, _SPAN_STARTS):
        start, end = match.span()
        if not free(start, end):
            continue
        count_word = match.group("count").lower()
        spans = _counted(count_word)
        if spans is None:
            continue
        years = spans * (100 if match.group("unit").lower().startswith("centur") else 10)
        add(_count(text, sentence, start, end, years, "year", "year"))

    for match in _scan(_MULTIPLIER, text, tokens, _MULTIPLIER_STARTS):
        start, end = match.span()
        if not free(start, end):
            continue
        word = (match.group("word") or "").lower()
        count = match.group("count") or ""
        multiple = (
            float(MULTIPLIERS[word]) if word
            else float(count.replace(",", "")) if count[0].isdigit()
            else spelled_value(count)
        )  # fmt: skip
        if multiple is None:
            continue
        if word == "twice" and _TWICE_PER.match(text, end):  # "twice a week" is "two times a week"
            add(_count(text, sentence, start, end, 2.0, unit="tim"))
            continue
        add(Fact("number", sentence, start, end, text[start:end], ("multiplier", "", multiple),
                 {"kind": "multiplier", "value": multiple}))  # fmt: skip

    for match in _scan(_FORTNIGHTS, text, tokens, _FORTNIGHT_STARTS):
        start, end = match.span()
        fortnights = _counted(match.group("count").lower()) if match.group("count") else 1.0
        if fortnights is None or not free(start, end):
            continue
        weeks = 2 * fortnights
        add(_count(text, sentence, start, end, weeks, "week", "week", unit_end=end))

    if "and a half" in text:
        for match in _UNIT_AND_A_HALF.finditer(text):
            start, end = match.span()
            count = 1.0 if match.group("count").lower() in ("a", "an") else _count_value(match.group("count"))
            unit = match.group("unit").lower()
            if count is None or unit not in MEASURES or not free(start, end):
                continue  # "a year and a half" is 1.5 years
            add(_count(text, sentence, start, end, count + 0.5, MEASURES[unit], stem(unit), unit_end=end))

    if "pair" in text:
        for match in _A_PAIR_OF.finditer(text):  # "a pair of bean-shaped organs" is two
            start, end = match.start(), match.end("pair")
            if free(start, end):
                add(_count(text, sentence, start, end, 2.0))

    for match in _scan(_MIXED, text, tokens, _SPELLED_STARTS):
        start, end = match.span()
        whole = _count_value(match.group("whole"))
        if whole is None or not free(start, end):
            continue
        value = (whole + FRACTIONS[match.group("part").lower()]) * SCALES.get((match.group("scale") or "").lower(), 1)
        unit = _unit_after(text, end)
        unit = unit if unit in MEASURES else ""
        add(_count(text, sentence, start, end, value, MEASURES.get(unit, ""), stem(unit) if unit else ""))

    for match in _scan(_FRACTION, text, tokens, _FRACTION_STARTS):
        start, end = match.span()
        if not free(start, end):
            continue
        if not match.group("count") and match.group("part").lower() in ("third", "quarter"):
            continue  # "came third", "the third quarter": a rank or a period; a share has "a" or a count
        count_word = (match.group("count") or "a").lower()
        if not match.group("count") and _HALF_OF_WHOLE.search(text, max(0, start - 12), start):
            continue  # "the second half" of a year or a match: a part, counted by its ordinal
        unit_after = _HALF_A_UNIT.match(text, end) if match.group("part").lower() == "half" else None
        unit_word = unit_after.group("unit").lower() if unit_after is not None else ""
        if not match.group("count") and unit_word in _HALVED_SCALES:
            continue  # "half a million": a number of its own (read with the number's scale below)
        if not match.group("count") and unit_word == "dozen":  # "half a dozen" is six
            end = unit_after.end() if unit_after is not None else end
            add(_count(text, sentence, start, end, 6.0))
            continue
        if not match.group("count") and unit_after is not None and unit_word in MEASURES:
            end = unit_after.end()  # "half an hour" is 0.5 hours
            add(_count(text, sentence, start, end, 0.5, MEASURES[unit_word], stem(unit_word), unit_end=end))
            continue
        if not match.group("count") and _HALVED_BEFORE.search(text, max(0, start - 90), start):
            add(Fact("number", sentence, start, end, text[start:end], ("multiplier", "", 0.5),
                     {"kind": "multiplier", "value": 0.5}))  # fmt: skip  # "cut by half" is "halved"
            continue
        parts = 1 if count_word in ("a", "an") else UNITS.get(count_word, 1)
        share = round(parts * FRACTIONS[match.group("part").lower()], 6)
        point = _OF_A_POINT.match(text, end)
        if point is not None:  # "a quarter of a percentage point" is 0.25 points
            end = point.end()
            add(Fact("number", sentence, start, end, text[start:end], ("points", "", share),
                     {"kind": "points", "value": share}))  # fmt: skip
            continue
        fraction: dict[str, object] = {"kind": "fraction", "value": share}
        of_whole = _OF_WHOLE.match(text, end)
        whole_count = _count_value(of_whole.group("whole")) if of_whole is not None else None
        if whole_count and (share * whole_count).is_integer():  # "half of the 40 farms" is 20 of them
            fraction["of_whole"] = share * whole_count
        add(Fact("number", sentence, start, end, text[start:end], ("fraction", "", share), fraction))

    for match in _scan(_NUMBER, text, tokens, _NUMBER_STARTS):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        if end <= start or not free(start, end):
            continue
        digits, spelled, article = match.group("digits"), match.group("spelled"), match.group("article")
        scale = (match.group("scale") or "").lower()
        percent = (match.group("percent") or "").lower()
        currency = CURRENCIES.get((match.group("currency") or "").lower(), "")
        if article and not scale:
            continue
        if spelled and spelled.lower() == "one" and not (scale or percent or currency):
            continue  # "one of the", "one day": a pronoun or article far more often than a count
        if spelled and _OF_YOU_AFTER.match(text, end) and _THE_BEFORE.search(text, max(0, start - 5), start):
            continue  # "the two of you": the reader and another, no count the original states
        if (
            spelled
            and not (scale or percent or currency)
            and _IN_A_TITLE.match(text, start, end)
            and (_CAPITAL_AFTER.match(text, end) or _CAPITAL_BEFORE.search(text, max(0, start - 30), start))
            and not _is_title_case(text)
            and text[:start].strip(" \"'“‘(")[-1:] not in ("", ".", "!", "?", ":")  # a capital of its own
        ):
            continue  # "the Six Nations", "the Big Ten", "the Famous Five": a word of a name, no count
        parsed = float(digits.replace(",", "")) if digits else spelled_value(spelled) if spelled else 1.0
        if parsed is None:
            continue
        if parsed == 12 and not (scale or percent or currency) and _NAMED_HOUR_AFTER.match(text, end):
            continue  # "12 noon", "twelve midnight": the time says it
        value = parsed
        unit = _unit_after(text, end)
        millions = None  # the other reading of a bare "10.1m": 10.1 million
        if scale == "m" and not currency and (unit in _DIMENSION_WORDS or (not unit and digits)):
            millions = None if unit else value * SCALES["m"]
            end, scale, unit = end - 1, "", "metre"  # "100m tall": metres
            while end > start and not text[end - 1].isalnum():
                end -= 1
        if scale:
            value *= SCALES[scale]
        if article and scale in _HALVED_SCALES:
            half = _HALF_BEFORE.search(text, max(0, start - 8), start)
            if half is not None and free(half.start(), end):
                start, value = half.start(), value / 2  # "half a million" is 500,000
        glued = match.group("glued") or ""
        if glued in ("c", "f"):  # "40c" is forty cents, no temperature (and was never read as a number)
            continue
        if glued[-1:] in ("C", "F", "c", "f"):  # "40C", "40°C", "104°f"
            unit = "°" + glued[-1].lower()
        elif glued and glued != "s":
            unit = glued.lower()
        if not currency and unit in CURRENCIES and (unit not in _WORD_CURRENCIES or scale or value >= 1000):
            currency = CURRENCIES[unit]  # "5,000 won"; not "the world number 57 won"
        if not currency and not scale and not percent and unit in ("p", "pence", "penny") and value < 1000:  # "50p"
            currency, value = "GBP", value / 100
        measure = MEASURES.get(unit, "") if not currency else ""
        kind = ("points" if "point" in percent else "percent") if percent else "money" if currency else "count"
        if kind == "count" and not (scale or measure) and value.is_integer() and _RANK_BEFORE.search(text, 0, start):
            rank = int(value)  # "the world number 57", "the No. 5 seed": a rank, as "57th" is
            add(Fact("number", sentence, start, end, text[start:end], ("ordinal", rank), {"kind": "ordinal"}))
            continue
        unit_word = _UNIT_AFTER.match(text, end) if measure and not glued else None
        if unit_word is not None and unit.startswith("square "):
            unit_word = _UNIT_AFTER.match(text, unit_word.end()) or unit_word  # "square metres": both words
        add(Fact(
            "number", sentence, start, end, text[start:end], (kind, currency, round(value, 6)),
            {"kind": kind, "value": value, "measure": measure, "unit": stem(unit) if unit else "",
             "display": _format_value(value), "millions": millions,
             "unit_end": unit_word.end() if unit_word is not None else None},
        ))  # fmt: skip

    for match in _scan(_VAGUE, text, tokens, VAGUE):
        start, end = match.span("word")
        if free(start, end):
            word = match.group("word").lower()
            add(Fact("number", sentence, start, end, text[start:end], ("vague", word), {"kind": "vague"}))


#: "No way" denies what follows it ("there's no way I could have banned it", "in no way affects").
_NO_WAY = re.compile(r"\s+way\b", re.IGNORECASE)
#: An article between a negation and its word makes the word a noun ("without a ban", "not the failure").
_ARTICLE = re.compile(r"\b(?:a|an|the)\b", re.IGNORECASE)
#: What ends the clause a "not to say" denies.
_DENIAL_BREAK = re.compile(r"[.;:!?]|,\s*but\b|\bbut\b")
#: The ligatures a PDF extraction drops, leaving a word in two pieces ("signi cant" for "significant").
_LIGATURES = ("fi", "fl", "ff", "ffi", "ffl")
_FRAGMENT_BEFORE = re.compile(r"([a-z]+) $")


def _lost_ligature(text: str, start: int, end: int) -> bool:
    """Whether the word at ``[start, end)`` is the end of a word whose ligature was lost on the way, the
    piece before it standing one space back ("signi cant": "significant", no "can't")."""
    piece = _word_before(_FRAGMENT_BEFORE, text, start)
    if piece is None:
        return False
    word = text[start:end].lower()
    return any(_zipf(piece.group(1) + ligature + word) >= 3.0 for ligature in _LIGATURES)


def _polarity(text: str, sentence: int) -> list[Fact]:
    facts: list[Fact] = []
    negations = list(_NEGATION.finditer(text))
    idioms = [match.span() for match in _NOT_NEGATING.finditer(text)] if negations else []
    denials = [end for start, end in idioms if text[start:end].lower() == "not to say"]
    for match in negations:
        start, end = match.span()
        if any(denial <= start and not _DENIAL_BREAK.search(text, denial, start) for denial in denials):
            continue  # "that is not to say rates might not change": the two cancel ("rates might change")
        if match.group("bare"):  # a word ending in "nt": a contraction without its apostrophe ("dont"), or not
            word = _word_before(_WORD_START, text, start)
            if word is None or not BARE_CONTRACTION.fullmatch(text, word.start(), end):
                continue
            if _lost_ligature(text, word.start(), end):
                continue
        if any(s <= start < e for s, e in idioms):
            continue
        way = _NO_WAY.match(text, end) if match.group().lower() == "no" else None
        scope = _scope_word(text, way.end() if way else end)  # "no way I could have banned": "banned"
        bears_on = text[scope[0] : scope[1]].lower() if scope else ""
        facts.append(Fact(
            "negation", sentence, start, end, text[start:end], ("negation", stem(bears_on)),
            {"kind": "negation", "cue": match.group().lower(), "scope": bears_on, "scope_span": scope,
             "head_span": _head_word(text, start),
             "scope_is_noun": bool(scope and _ARTICLE.search(text, way.end() if way else end, scope[0]))},
        ))  # fmt: skip
    for match in _MODAL.finditer(text):
        start, end = match.span()
        modal = match.group().lower()
        if modal == "can" and text[end : end + 3].lower() == "not":
            continue
        if match.group() == "May" and text[:start].strip(" \"“‘'(["):
            continue  # a capital inside a sentence: the month ("in May") or a name ("Theresa May")
        scope = _scope_word(text, end)
        bears_on = text[scope[0] : scope[1]].lower() if scope else ""
        facts.append(Fact(
            "negation", sentence, start, end, text[start:end], ("modal", MODALS[modal], stem(bears_on)),
            {"kind": "modality", "modal": modal, "scope": bears_on, "scope_span": scope},
        ))  # fmt: skip
    return facts


# -------------------------------------------------------------------------------------------------- names


#: A closing quotation mark written with apostrophes after a name: two of them (tokenised text's "''"), or
#: one after a letter other than "s" (after an "s" it is a possessive: "Jesus'", "the Smiths'").
_CLOSING_QUOTE = re.compile(r"(?:[’']{2,}|(?<=[^sS’'])[’'])\.?$")


@lru_cache(maxsize=65536)
def _name_token(token: str) -> tuple[int, bool, bool]:
    """A token of :data:`_NAME_TOKEN` in a run of a name: how many of its characters the name keeps (not a
    descriptive hyphen suffix: "NATO-like" -> "NATO"), whether it is a title (President, Dr: it splits a
    run and is left out), and whether it ends its run."""
    head, _, suffix = token.rpartition("-")
    kept = head if head and suffix.lower() in _HYPHEN_SUFFIXES else token
    quoted = _CLOSING_QUOTE.search(kept)
    if quoted is not None:  # "the land of Prussia''", "the 'Iron Lady'": a closing quotation mark, no part of it
        kept = kept[: quoted.start()]
    lower = kept.lower().rstrip(".")
    ends = (
        kept != token  # a hyphen suffix or a closing quotation mark ends it
        or kept.endswith(("'s", "’s", "s'", "s’"))  # so does a possessive
        or _SENTENCE_END.fullmatch(kept) is not None  # and a full stop after a word, not an initial ("Great. Nothing")
    )
    return len(kept), lower in TITLES and lower not in _TITLE_KEEP, ends


#: What may follow the last word of a name: no capitalised word, or only a suffix ("Jr.", "III").
_LAST_OF_NAME = re.compile(rf"(?!\s+[{UPPER}])|\s+(?:Jr|Sr|II|III|IV)\b")


#: Last words of the name of a place or an institution that may follow a possessive ("Queen's Medical
#: Centre", "King's College", "St Thomas' Hospital").
_INSTITUTION_HEADS = frozenset((
    "hospital", "centre", "center", "college", "school", "university", "park", "church", "cathedral", "square",
    "stadium", "road", "street", "hall", "theatre", "theater", "museum", "gallery", "bridge", "house", "palace",
    "castle", "cross", "infirmary", "academy", "institute", "abbey", "chapel", "gardens", "inn", "market",
    "lane", "place", "wharf", "island", "bay", "hill", "court", "london",
))  # fmt: skip


def _possessive_institutions(text: str, runs: list[list[tuple[int, int]]], g: Gazetteer) -> list[list[tuple[int, int]]]:
    """Runs of name words with a run that ends in a possessive joined to the run right after it, where that
    one ends in a word of :data:`_INSTITUTION_HEADS` and the possessive is no place the gazetteer knows:
    "Queen's Medical Centre" is one name; "Spain's Elena Ruiz" and "London's Science Museum" are two."""
    joined: list[list[tuple[int, int]]] = []
    for run in runs:
        if joined and run:
            last = joined[-1]
            head = text[last[-1][0] : last[-1][1]]
            if (
                head.endswith(("'s", "’s", "s'", "s’"))
                and run[0][0] - last[-1][1] == 1
                and text[run[-1][0] : run[-1][1]].rstrip(".").lower() in _INSTITUTION_HEADS
                and g.forms.get(_strip_possessive(text[last[0][0] : last[-1][1]]).lower()) is None
            ):
                joined[-1] = last + run
                continue
        joined.append(run)
    return joined


def _is_title_case(text: str) -> bool:
    """A headline in title case: every word of three letters or more but function words capitalised."""
    count = 0
    for match in _WORD.finditer(text):  # not findall: most sentences show a lower-case word within a few
        word = match.group()
        if len(word) >= 3 and word.lower() not in FUNCTION_WORDS:
            if not word[0].isupper():
                return False
            count += 1
    return count >= 3


def _names(
    text: str, evidence: NameEvidence, *, heading: bool = False, at_start_ok: bool = False
) -> list[tuple[int, int, str]]:
    """Runs of capitalised tokens (joined by "of", "de", "van" ...) that look like proper names.

    A title (President, Dr) splits a run and is left out; an ordinary word at the start of a sentence
    ("The", "According", "Search") is not part of a name; in a title-cased heading, and at the edges of a
    run, an ordinary word that the texts also write in lower case is not part of a name ("U.S. Weapons").
    """
    title_case = heading or _is_title_case(text)
    g = gazetteer()
    runs: list[list[tuple[int, int]]] = []
    run: list[tuple[int, int]] = []
    for match in _NAME_TOKEN.finditer(text):
        start = match.start()
        length, title, ends = _name_token(match.group())
        if run and ((gap := start - run[-1][1]) > 1 or (gap == 1 and not text[start - 1].isspace())):
            runs.append(run)
            run = []
        if (
            title
            and run
            and text[run[-1][0] : run[-1][1]].lower() not in _CONNECTORS
            and _LAST_OF_NAME.match(text, start + length)
        ):
            title = False  # after a name and last of it, a title word is the name's: "Martin Luther King Jr."
        if title:
            if run:
                runs.append(run)
            run = []
            continue
        run.append((start, start + length))
        if ends:
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    runs = _possessive_institutions(text, runs, g)
    runs = [piece for run in runs for piece in _split_at_place(text, run)]
    split: list[list[tuple[int, int]]] = []
    for run in runs:  # weak connectors ("the", "and") stay only inside a name the gazetteer knows
        if len(run) < 3:  # no word inside
            split.append(run)
            continue
        words = [text[start:end].lower() for start, end in run]
        if any(word in _WEAK_CONNECTORS for word in words[1:-1]) and not any(
            g.forms.get(_strip_possessive(text[run[first][0] : run[-1][1]]).lower()) is not None
            for first in range(len(run) - 2)  # the whole run, or its end: "U.S. Food and Drug Administration"
        ):
            split.append([])
            for span, word in zip(run, words, strict=True):
                if word in _WEAK_CONNECTORS:
                    split.append([])
                else:
                    split[-1].append(span)
        else:
            split.append(run)
    results: list[tuple[int, int, str]] = []
    for run in split:
        if not run:
            continue
        tokens = _clean_run(text, run, evidence, title_case=title_case, at_start_ok=at_start_ok)
        if not tokens:
            continue
        start, end = tokens[0][0], tokens[-1][1]
        name = _strip_possessive(text[start:end])
        if not _INITIALS_END.search(name):
            name = name.rstrip(".")
        end = start + len(name)
        lower = name.lower()
        if not name or lower in MONTHS or lower.rstrip("s") in WEEKDAYS or lower in NOT_NAMES:
            continue
        if name in COMMON_ACRONYMS or (name[-1:] == "s" and name[:-1] in COMMON_ACRONYMS):
            continue
        if lower in _DIRECTIONS or (len(name) == 1 and g.forms.get(lower) is None):
            continue
        results.append((start, end, name))
    return results


def _split_at_place(text: str, run: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """A person of a place ("Timms of England"): a run "X of PLACE" the gazetteer does not know whole splits
    at "of" when PLACE is a known place ("Bank of England", "University of Oxford" stay whole)."""
    if len(run) < 3:  # no word inside
        return [run]
    g = gazetteer()
    words = [_strip_possessive(text[start:end]).lower() for start, end in run]
    if "of" not in words[1:-1] or g.forms.get(" ".join(words)) is not None:
        return [run]
    at = words.index("of", 1)
    after = g.lookup(words[at + 1 :])
    if after is None or after.kind == "organisation" or g.forms.get(" ".join(words[:at])) is not None:
        return [run]
    head = [word for word in words[:at] if word not in _CONNECTORS]
    if len(head) == 1 and head[0] in GENERIC_NAME_WORDS:
        return [run]  # an institution or state of the place: "the Republic of Kiribati", "City of London"
    return [run[:at], run[at + 1 :]]


def _clean_run(
    text: str, run: list[tuple[int, int]], evidence: NameEvidence, *, title_case: bool, at_start_ok: bool
) -> list[tuple[int, int]]:
    """Trim connectors and ordinary words from a run of capitalised tokens."""
    g = gazetteer()

    def word(span: tuple[int, int]) -> str:
        return _run_word(text[span[0] : span[1]])

    def known(span: tuple[int, int]) -> bool:
        return g.lookup([word(span)]) is not None

    run = list(run)
    while run and word(run[-1]).lower() in _CONNECTORS:
        run.pop()
    while run and word(run[0]).lower() in _CONNECTORS:
        run.pop(0)
    if not run:
        return run
    if len(run) > 1 and g.lookup([word(span) for span in run]) is not None:
        return run  # a name the gazetteer knows whole ("the First World War"), whatever its words
    first = word(run[0])
    # where a sentence starts: the unit's start, or after a full stop, colon or opening quotation mark inside it
    # (a quotation of several sentences is one unit: 'said: “Guilty people fidget more'; 'first. Sometimes,')
    at_start = not at_start_ok and (
        not text[: run[0][0]].strip(" \"“‘'`([-—–:*•·#>_") or not _mid_sentence(text, run[0][0])
    )
    prefix = first.lower() in _NAME_PREFIXES and len(run) > 1
    # a first word before another name may be a given name ("Joe Biden said"): kept when it is one
    given = len(run) > 1 and first.lower() in given_names()
    acronym = len(first) > 1 and first.isupper()  # "BJP", "NATO": not an ordinary word however frequent
    # before another capitalised word, only a common word ("The", "Yesterday"; not "Poon" of "Poon Lim")
    threshold = ORDINARY_BEFORE_NAME if len(run) > 1 else ORDINARY
    if at_start and not (prefix or given or acronym or known(run[0])) and _is_ordinary(first, evidence, threshold):
        run = run[1:]
    # a lone ordinary word capitalised once (a list item run into the sentence before it) is no name
    if len(run) == 1 and not at_start and not known(run[0]) and not first.isupper():
        lower = first.lower()
        before = _word_before(_PREVIOUS_WORD, text, run[0][0])
        after_word = (
            before is not None
            and before.group(1).islower()
            and before.group(1) not in FUNCTION_WORDS
            and before.group(1) not in _NAMING_NOUNS  # "the charity Shelter", "the journal Nature"
            and before.group(1) not in _VERBS_BEFORE_NAMES  # "beat Everton on Saturday"
        )
        if (
            after_word
            and evidence.capitalised_counts.get(lower, 0) <= 1
            and _zipf(lower) >= 3.0
            and _strip_possessive(lower) not in surnames()  # "She defeated Williams"
        ):
            return []
    # in a title-cased line every word is capitalised: keep only what looks like a name
    if title_case:
        run = [span for span in run if known(span) or not _is_ordinary(word(span), evidence)]
        return run if run and word(run[0]).lower() not in _CONNECTORS else []
    # at the edges of a run, an ordinary word the texts also write in lower case is not part of the name
    while len(run) > 1 and _ordinary_edge(word(run[-1]), evidence):
        run.pop()
    while len(run) > 1 and _ordinary_edge(word(run[0]), evidence) and first.lower() not in _NAME_PREFIXES:
        run.pop(0)
    return run


@lru_cache(maxsize=65536)
def _run_word(token: str) -> str:
    """A token of a run as a word: without possessive and final dots."""
    return _strip_possessive(token).rstrip(".") or token


_PREVIOUS_WORD = re.compile(rf"([{LETTER}]+) $")
#: Common nouns a name stands right after, in apposition: "the charity Shelter", "the journal Nature".
_NAMING_NOUNS = frozenset((
    "charity", "journal", "newspaper", "magazine", "company", "firm", "band", "group", "organisation",
    "organization", "website", "app", "brand", "retailer", "supermarket", "airline", "bank", "club", "team",
    "party", "programme", "program", "campaign", "agency", "platform", "network", "channel", "broadcaster",
    "publisher", "carmaker", "chain", "startup", "charities", "newspapers", "journals", "firms", "companies",
))  # fmt: skip


#: Verbs and prepositions a name stands right after as their object ("beat Everton", "against Fulham"),
#: where a list item run into a sentence does not.
_VERBS_BEFORE_NAMES = frozenset((
    "beat", "beats", "beating", "defeated", "play", "plays", "played", "playing", "face", "faces", "faced",
    "facing", "meet", "meets", "met", "meeting", "join", "joins", "joined", "joining", "visit", "visits",
    "visited", "visiting", "sign", "signs", "signed", "sue", "sues", "sued", "suing", "told", "thanked", "host",
    "hosts", "hosted", "lead", "leads", "led", "leave", "leaves", "left", "leaving", "bought", "sold", "acquired",
    "against", "versus", "vs", "v", "including", "like", "unlike", "via", "overtook", "overtaken", "replaced",
    "replace", "replaces", "succeeded", "succeeds", "succeed", "criticised", "criticized", "blamed", "accused",
    "praised", "supported", "backed",
))  # fmt: skip


def _ordinary_edge(token: str, evidence: NameEvidence) -> bool:
    lower = token.lower()
    return evidence.lowercase(lower) and _zipf(lower) >= 4.0 and gazetteer().forms.get(lower) is None
