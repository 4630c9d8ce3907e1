"""Fact extraction: numbers, dates, names, quotations, negations and modal verbs, with offsets.

Everything here is rules and word lists (no model, nothing downloaded). Each :class:`Fact` carries its
character range in the sentence text and a normalised ``key`` used for matching, so that "5" and "five",
"June 26" and "26 June", "U.S." and "United States" compare equal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

from evalkit import lexicon

Category = Literal["number", "date", "name", "quote", "negation"]


@dataclass(frozen=True, slots=True)
class Fact:
    """One checkable fact in a sentence."""

    category: Category
    sentence: int
    start: int  # within the sentence text
    end: int
    text: str
    key: tuple[object, ...]
    detail: dict[str, object] = field(default_factory=dict, compare=False, hash=False)

    @property
    def kind(self) -> str:
        return str(self.detail.get("kind", self.category))


# ------------------------------------------------------------------------------------------------ numbers

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "bn": 1_000_000_000, "m": 1_000_000, "k": 1_000}  # fmt: skip
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "twentieth": 20, "hundredth": 100,
}  # fmt: skip
#: Vague quantities: compared by what they name, not by value.
VAGUE = {"dozen": "dozen", "dozens": "dozens", "hundreds": "hundreds", "thousands": "thousands",
         "millions": "millions", "billions": "billions", "half": "half", "couple": "couple",
         "several": "several", "few": "few", "many": "many", "most": "most"}  # fmt: skip
VAGUE_COUNTED = frozenset({"dozen", "dozens", "hundreds", "thousands", "millions", "billions", "half"})
CURRENCIES = {"$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "us$": "USD", "usd": "USD", "gbp": "GBP",
              "eur": "EUR", "dollars": "USD", "dollar": "USD", "pounds": "GBP", "pound": "GBP",
              "euros": "EUR", "euro": "EUR", "yen": "JPY", "rupees": "INR", "yuan": "CNY"}  # fmt: skip
PERCENT = ("%", "percent", "per cent", "percentage points")

_NUMBER_WORD = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
_SCALE_WORD = r"hundred|thousand|million|billion|trillion"
_SPELLED = rf"(?:(?:{_NUMBER_WORD})(?:[\s-](?:{_NUMBER_WORD}))?(?:\s+(?:{_SCALE_WORD}))*(?:\s+and\s+(?:{_NUMBER_WORD}))?)"
_NUMBER = re.compile(
    rf"(?P<currency>US\$|[$£€¥])?\s?"
    rf"(?P<value>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|\b{_SPELLED}\b)"
    rf"(?:\s?(?P<scale>(?:{_SCALE_WORD})\b|bn\b|m\b|k\b))?"
    rf"(?:\s?(?P<percent>%|percent\b|per cent\b|percentage points\b))?",
    re.IGNORECASE,
)
_ORDINAL = re.compile(
    rf"\b(?:(?P<word>{'|'.join(ORDINALS)})|(?P<digits>\d+)(?:st|nd|rd|th))\b", re.IGNORECASE
)
_VAGUE = re.compile(rf"\b(?:a\s+)?(?P<word>{'|'.join(sorted(VAGUE_COUNTED, key=len, reverse=True))})\b", re.IGNORECASE)
_UNIT_WORD = re.compile(r"\s*(?:of\s+)?([A-Za-z]+)")


def spelled_value(text: str) -> float | None:
    """The value of a spelled-out number ("two hundred and five", "forty-two", "three million")."""
    total, current = 0, 0
    seen = False
    for word in re.split(r"[\s-]+", text.lower()):
        if word == "and" or not word:
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


def _number_value(raw: str) -> float | None:
    cleaned = raw.replace(",", "")
    try:
        return float(cleaned)
    except ValueError:
        return spelled_value(raw)


def _format_value(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


# -------------------------------------------------------------------------------------------------- dates

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
    "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"  # fmt: skip
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_YEAR_CONTEXT = (
    "in", "since", "by", "until", "from", "of", "year", "before", "after", "during", "early", "late", "mid-",
)
_DATE_ALTERNATIVES = (
    rf"(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})(?:,?\s+(?P<y1>{_YEAR}))?",
    rf"(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m2>{_MONTH})(?:,?\s+(?P<y2>{_YEAR}))?",
    rf"(?P<m3>{_MONTH})\s+(?P<y3>{_YEAR})",
    r"(?P<m4>January|February|March|April|May|June|July|August|September|October|November|December)",
    r"(?P<decade>(?:1[5-9]|20)\d0s)",
    "(?:" + "|".join(rf"(?<=\b{word} )" for word in _YEAR_CONTEXT if not word.endswith("-"))
    + rf"|(?<=\bmid-))(?P<y4>{_YEAR})",
    rf"(?P<y5>{_YEAR})(?=\s*[,.;)]|\s+(?:and|to|when|while|as|after|before)\b)",
    r"(?P<weekday>(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?)",
    r"(?P<relative>today|tonight|yesterday|tomorrow"
    r"|(?:last|next|this|earlier this|later this)\s+"
    r"(?:week|weekend|month|year|spring|summer|autumn|fall|winter|century|decade)"
    r"|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:days?|weeks?|months?|years?|decades?)\s+ago)",
    r"(?P<time>(?:[01]?\d|2[0-3])[:.][0-5]\d\s?(?:[ap]\.?m\.?)?|(?:1[0-2]|0?[1-9])\s?[ap]\.?m\.?)",
)
_DATE = re.compile(r"\b(?:" + "|".join(_DATE_ALTERNATIVES) + r")(?![\w])", re.IGNORECASE)


def _month(text: str | None) -> int | None:
    return MONTHS.get(text.lower().rstrip(".")) if text else None


def _day(text: str | None) -> int | None:
    return int(re.sub(r"\D", "", text)) if text else None


# -------------------------------------------------------------------------------------------------- names

#: Different ways of naming the same thing: each alias maps to one canonical form.
ALIASES = {
    "u.s.": "united states", "us": "united states", "u.s": "united states", "usa": "united states",
    "u.s.a.": "united states", "america": "united states", "united states of america": "united states",
    "the united states": "united states", "washington": "united states",
    "u.k.": "united kingdom", "uk": "united kingdom", "britain": "united kingdom",
    "great britain": "united kingdom", "u.n.": "united nations", "un": "united nations",
    "eu": "european union", "e.u.": "european union", "nato": "nato",
    "north atlantic treaty organization": "nato", "dprk": "north korea", "pyongyang": "north korea",
    "seoul": "south korea", "republic of korea": "south korea", "beijing": "china", "moscow": "russia",
    "who": "world health organization", "nasa": "nasa", "uae": "united arab emirates",
}  # fmt: skip
TITLES = frozenset(
    "mr mrs ms miss dr prof professor sir dame lord lady president prime minister minister secretary "
    "general chancellor king queen prince princess pope senator governor mayor judge justice chief "
    "captain colonel major lieutenant sergeant officer inspector detective rev reverend saint st".split()
)
_CONNECTORS = frozenset({"of", "de", "da", "di", "van", "von", "der", "den", "la", "le", "du", "bin", "al", "&"})
_NAME_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}|[A-Z][\w’'.]*(?:-[\w’']+)*|(?<=\s)(?:of|de|da|di|van|von|der|den|la|le|du|bin|al|&)(?=\s+[A-Z])"
)
#: "NATO-like", "Asian-style", "Kremlin-backed": the name is the part before the hyphen.
_HYPHEN_SUFFIXES = frozenset(
    "like style led based backed born made owned run controlled friendly speaking era type wide".split()
)
#: Words that begin many place names and so stay part of a name even at the start of a sentence.
_NAME_PREFIXES = frozenset(
    "north south east west northern southern eastern western new united great central upper lower saint "
    "san santa los las el st mount lake cape port fort".split()
)
_DIRECTIONS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western"})
#: Capitalised words that are not names when they start a sentence or stand alone.
_NOT_NAMES = frozenset(
    "i a an the this that these those it its he she they we you his her their our my your there here "
    "however but and or so yet also then when while after before because if although though as at in on "
    "for from with by to of about into over under between during since until according some many most "
    "all any each every no not one two three what which who whom whose where why how people also "
    "meanwhile today yesterday tomorrow now still even only just yes".split()
)
_DEMONYM_SUFFIXES = ("ians", "ian", "ans", "an", "ese", "ish", "i", "ns", "n")


def _strip_possessive(token: str) -> str:
    for suffix in ("'s", "’s", "s'", "s’"):
        if token.endswith(suffix):
            return token[: -len(suffix) + (1 if suffix.startswith("s") else 0)]
    return token


@cache
def _is_common_word(word: str) -> bool:
    """A capitalised word that is just an ordinary word at the start of a sentence."""
    lower = word.lower()
    if lower in _NOT_NAMES:
        return True
    return lexicon.zipf(lower) >= 4.5 and lexicon.zipf(word) <= lexicon.zipf(lower)


def canonical_name(text: str) -> str:
    """The canonical form of a name: possessive, titles and dots of initials handled, aliases resolved."""
    tokens = [_strip_possessive(token) for token in text.split()]
    while tokens and tokens[0].lower().rstrip(".") in TITLES and len(tokens) > 1:
        tokens = tokens[1:]
    joined = " ".join(tokens).lower().replace("’", "'")
    if joined in ALIASES:
        return ALIASES[joined]
    if joined.startswith("the ") and joined[4:] in ALIASES:
        return ALIASES[joined[4:]]
    return joined.removeprefix("the ")


def demonym_root(token: str) -> str:
    """"Korean" -> "korea", "Japanese" -> "japan", "Brazilians" -> "brazil": for matching adjectives."""
    lower = token.lower()
    for suffix in _DEMONYM_SUFFIXES:
        if lower.endswith(suffix) and len(lower) - len(suffix) >= 4:
            return lower[: -len(suffix)]
    return lower


# ------------------------------------------------------------------------------------------------- quotes

_OPENERS = "“‘«"
_CLOSERS = "”’»"
_SPEECH_VERBS = (
    r"said|says|say|told|tells|added|adds|stated|states|explained|explains|warned|warns|insisted|insists|"
    r"claimed|claims|wrote|writes|asked|asks|announced|announces|argued|argues|noted|notes|declared|declares"
)
_SPEAKER_AFTER = re.compile(rf"^[\s,]*(?P<speaker>[^,.;]{{2,80}}?)\s+(?:{_SPEECH_VERBS})\b")
_SPEAKER_BEFORE = re.compile(rf"(?:{_SPEECH_VERBS})\s+(?P<speaker>[^,.;\"“]{{2,80}}?)\s*[,.:]?\s*$")
_SPEAKER_VERB_FIRST = re.compile(rf"^[\s,]*(?:{_SPEECH_VERBS})\s+(?P<speaker>[^,.;]{{2,80}}?)\s*[,.;]")


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of quoted passages (the words inside the marks), nested quotes folded in."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for index, character in enumerate(text):
        if character not in "\"“”«»" and character not in "‘’'":
            continue
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        if character in "‘’'" and before.isalnum() and after.isalnum():
            continue  # an apostrophe: don't, Korea's
        if character in "’'" and before in "sS" and not stack:
            continue  # plural possessive: the states' ...
        opening = (before.isspace() or before in "([{—–-/\"“‘") and not after.isspace()
        closing = not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-\"”’'")
        kind = "double" if character in "\"“”«»" else "single"
        if closing and stack and stack[-1][0] == kind and (character not in _OPENERS):
            _, start = stack.pop()
            if not stack:
                spans.append((start, index))
        elif opening and character not in _CLOSERS:
            stack.append((kind, index + 1))
        elif closing and stack and kind == "double":
            # a closing double quote that does not match: close the outermost
            start = stack[0][1]
            stack.clear()
            spans.append((start, index))
    if stack:  # an unterminated quotation runs to the attribution or the end of the sentence
        start = stack[0][1]
        tail = text[start:]
        attribution = re.search(rf",\s+[^,]{{2,60}}?\s+(?:{_SPEECH_VERBS})\b[^,]*$", tail)
        end = start + (attribution.start() if attribution else len(tail.rstrip(".!? ")))
        spans.append((start, end))
    return [(start, end) for start, end in spans if end > start]


def quote_words(text: str) -> tuple[str, ...]:
    return tuple(word.lower().replace("’", "'") for word in re.findall(r"[\w’']+", text))


def _speaker(text: str, start: int, end: int) -> str | None:
    after = text[end + 1 :]
    for pattern in (_SPEAKER_VERB_FIRST, _SPEAKER_AFTER):
        match = pattern.match(after)
        if match:
            return match.group("speaker").strip()
    before = text[: max(0, start - 1)]
    match = _SPEAKER_BEFORE.search(before)
    return match.group("speaker").strip() if match else None


# ----------------------------------------------------------------------------------------------- negation

NEGATIONS = ("not", "n't", "never", "no", "none", "nobody", "nothing", "nowhere", "neither", "nor",
             "without", "no longer", "cannot", "hardly", "barely")  # fmt: skip
MODALS = {"may": "possibility", "might": "possibility", "could": "possibility", "can": "ability",
          "must": "necessity", "should": "obligation", "will": "future", "would": "conditional",
          "shall": "future", "ought": "obligation"}  # fmt: skip
_NEGATION = re.compile(
    r"\b(?:no longer|not|never|none|nobody|nothing|nowhere|neither|nor|without|cannot|hardly|barely|no)\b"
    r"|(?<=[a-z])n[’']t\b",
    re.IGNORECASE,
)
_MODAL = re.compile(rf"\b(?:{'|'.join(MODALS)})\b", re.IGNORECASE)
_NEXT_WORDS = re.compile(r"[A-Za-z][\w'’-]*")
_AUXILIARIES = frozenset(
    "be is are was were been being am do does did have has had will would shall should can could may might "
    "must a an the to any longer more so very too really even yet always ever that this".split()
)


def _scope_word(text: str, end: int) -> tuple[int, int] | None:
    """The first content word after a negation or modal (what it bears on), within four words."""
    for count, match in enumerate(_NEXT_WORDS.finditer(text, end)):
        if count >= 4:
            return None
        if match.group().lower() not in _AUXILIARIES:
            return match.span()
    return None


# ------------------------------------------------------------------------------------------------ extract


def extract_facts(text: str, sentence: int) -> list[Fact]:
    """Every fact of one sentence, in text order."""
    facts: list[Fact] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    def add(fact: Fact) -> None:
        facts.append(fact)
        taken.append((fact.start, fact.end))

    quotes = _quote_spans(text)
    for start, end in quotes:
        words = quote_words(text[start:end])
        if len(words) >= 2:
            speaker = _speaker(text, start, end)
            add_quote = Fact(
                "quote", sentence, start, end, text[start:end], words,
                {"speaker": speaker, "kind": "quote"},
            )  # fmt: skip
            facts.append(add_quote)  # quotes overlap other facts on purpose: both are checked

    for match in _DATE.finditer(text):
        start, end = match.span()
        if not free(start, end):
            continue
        groups = match.groupdict()
        if groups["weekday"]:
            key: tuple[object, ...] = ("weekday", groups["weekday"].lower().rstrip("s"))
            kind = "weekday"
        elif groups["relative"]:
            key = ("relative", re.sub(r"\s+", " ", groups["relative"].lower()))
            kind = "relative"
        elif groups["time"]:
            key = ("time", re.sub(r"[\s.]", "", groups["time"].lower()))
            kind = "time"
        elif groups["decade"]:
            key = ("decade", groups["decade"])
            kind = "decade"
        else:
            month = _month(groups["m1"] or groups["m2"] or groups["m3"] or groups["m4"])
            day = _day(groups["d1"] or groups["d2"])
            year_text = groups["y1"] or groups["y2"] or groups["y3"] or groups["y4"] or groups["y5"]
            year = int(year_text) if year_text else None
            if groups["m4"] and not (groups["m4"][0].isupper()):
                continue
            if groups["m4"] == "May" or (groups["m4"] and match.start() == 0 and groups["m4"] in ("March", "August")):
                continue  # "May" is mostly the modal verb; a bare month at sentence start is ambiguous
            key = ("date", month, day, year)
            kind = "year" if month is None else "date"
        add(Fact("date", sentence, start, end, text[start:end], key, {"kind": kind}))

    for match in _ORDINAL.finditer(text):
        start, end = match.span()
        if not free(start, end):
            continue
        value = ORDINALS[match.group("word").lower()] if match.group("word") else int(match.group("digits"))
        add(Fact("number", sentence, start, end, text[start:end], ("ordinal", value), {"kind": "ordinal"}))

    for match in _NUMBER.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        if end <= start or not free(start, end) or not match.group("value"):
            continue
        raw = match.group("value")
        value = _number_value(raw)
        if value is None:
            continue
        if raw.isalpha() and raw.lower() == "one" and not match.group("scale") and not match.group("percent"):
            # "one of the", "one day": a pronoun or article far more often than a count
            continue
        scale = (match.group("scale") or "").lower()
        if scale:
            value *= SCALES[scale]
        currency = CURRENCIES.get((match.group("currency") or "").lower())
        tail = text[end:]
        unit_match = _UNIT_WORD.match(tail)
        unit = unit_match.group(1).lower() if unit_match else ""
        if not currency and unit in CURRENCIES:
            currency = CURRENCIES[unit]
        percent = bool(match.group("percent"))
        kind = "percent" if percent else "currency" if currency else "count"
        add(Fact(
            "number", sentence, start, end, text[start:end], (kind, currency or "", round(value, 6)),
            {"kind": kind, "value": value, "unit": lexicon.stem(unit) if unit else "", "display": _format_value(value)},
        ))  # fmt: skip

    for match in _VAGUE.finditer(text):
        start, end = match.span()
        if free(start, end):
            word = match.group("word").lower()
            add(Fact("number", sentence, start, end, text[start:end], ("vague", VAGUE[word]), {"kind": "vague"}))

    for start, end, name in _names(text):
        if free(start, end):
            canonical = canonical_name(name)
            add(Fact("name", sentence, start, end, name, ("name", canonical), {"kind": "name"}))

    for match in _NEGATION.finditer(text):
        start, end = match.span()
        scope = _scope_word(text, end)
        bears_on = text[scope[0] : scope[1]].lower() if scope else ""
        facts.append(Fact(
            "negation", sentence, start, end, text[start:end], ("negation", lexicon.stem(bears_on)),
            {"kind": "negation", "cue": match.group().lower(), "scope": bears_on,
             "scope_span": scope},
        ))  # fmt: skip

    for match in _MODAL.finditer(text):
        start, end = match.span()
        scope = _scope_word(text, end)
        bears_on = text[scope[0] : scope[1]].lower() if scope else ""
        modal = match.group().lower()
        facts.append(Fact(
            "negation", sentence, start, end, text[start:end], ("modal", MODALS[modal], lexicon.stem(bears_on)),
            {"kind": "modality", "modal": modal, "scope": bears_on, "scope_span": scope},
        ))  # fmt: skip
    facts.sort(key=lambda fact: (fact.start, fact.end, fact.category))
    return facts


def _split_token(match: re.Match[str]) -> tuple[int, int]:
    """The span of a name token without a descriptive hyphen suffix ("NATO-like" -> "NATO")."""
    token = match.group()
    head, _, suffix = token.rpartition("-")
    if head and suffix.lower() in _HYPHEN_SUFFIXES:
        return match.start(), match.start() + len(head)
    return match.span()


def _names(text: str) -> list[tuple[int, int, str]]:
    """Runs of capitalised tokens (joined by "of", "de", "van" ...) that look like proper names.

    A title (President, Dr) splits a run and is left out; a sentence-initial ordinary word ("The",
    "According") is not part of a name; "NATO-like" names NATO.
    """
    results: list[tuple[int, int, str]] = []
    runs: list[list[tuple[int, int]]] = []
    run: list[tuple[int, int]] = []
    for match in _NAME_TOKEN.finditer(text):
        start, end = _split_token(match)
        token = text[start:end]
        if run and (text[run[-1][1] : start].strip() or start - run[-1][1] > 1):
            runs.append(run)
            run = []
        if token.lower().rstrip(".") in TITLES and token.lower() not in ("general",):
            if run:
                runs.append(run)
            run = []
            continue
        run.append((start, end))
        if end != match.end():  # a hyphen suffix ends the name
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    for run in runs:
        while run and text[run[-1][0] : run[-1][1]].lower() in _CONNECTORS:
            run.pop()
        while run and text[run[0][0] : run[0][1]].lower() in _CONNECTORS:
            run.pop(0)
        if not run:
            continue
        first_word = _strip_possessive(text[run[0][0] : run[0][1]]).rstrip(".")
        at_start = not text[: run[0][0]].strip(" \"“‘'([-—–")
        if at_start and first_word.lower() not in _NAME_PREFIXES and (
            first_word.lower() in _NOT_NAMES or _is_common_word(first_word)
        ):
            run = run[1:]
            if not run:
                continue
        start, end = run[0][0], run[-1][1]
        name = text[start:end]
        stripped = _strip_possessive(name)
        if not re.search(r"(?:[A-Z]\.){2,}$", stripped):
            stripped = stripped.rstrip(".")
        name = stripped
        end = start + len(name)
        lower = name.lower()
        if not name or lower in MONTHS or lower.rstrip("s") in WEEKDAYS or lower in _NOT_NAMES:
            continue
        if lower in _DIRECTIONS:
            continue
        results.append((start, end, name))
    return results
