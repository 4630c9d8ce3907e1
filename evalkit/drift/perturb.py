"""Controlled factual errors for testing the drift engine: one perturbation of one category in a text.

Each function takes a text (a rewrite), the texts its replacements must not collide with, and a seeded
:class:`random.Random`; it returns a :class:`Perturbation` — the perturbed text and the character range of
the perturbed words in it — or ``None`` when the text offers no place for that category. Sites are found
with plain patterns of their own, independent of :mod:`evalkit.drift.facts`, so a perturbation the
extractor cannot see still counts against it.

Categories (the acceptance list of the drift issue): ``number`` (another value), ``date`` (another year,
month, day or weekday), ``name`` (misspelt, or swapped for a name neither text has), ``negation`` (a
negation removed, or "not" added after an auxiliary), ``quote`` (a content word inside a quotation replaced)
and ``insert`` (a sentence carrying a new fact). Two more probe content without a named fact:
``clause`` (an invented clause added to a sentence) and ``delete`` (a clause removed; its range is in the
unperturbed text). ``quantity`` swaps a quantifier for one that claims another share ("most" -> "all",
"often" -> "always").
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from evalkit import lexicon

CATEGORIES = ("number", "date", "name", "negation", "quote", "insert")
EXTRA_CATEGORIES = ("clause", "delete", "quantity")


@dataclass(frozen=True, slots=True)
class Perturbation:
    """A perturbed text and where the perturbation stands in it."""

    category: str
    text: str
    start: int  # perturbed words in ``text`` (for ``delete``: the removed words in the unperturbed text)
    end: int
    description: str
    #: for ``insert``: ranges of the new facts in the inserted sentence (covering one of them counts)
    facts: tuple[tuple[int, int], ...] = ()


# ------------------------------------------------------------------------------------------------- helpers

_SPELLED_VALUES = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                   "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
                   "forty": 40, "fifty": 50, "sixty": 60}  # fmt: skip
_MONTHS = ("January", "February", "March", "April", "June", "July", "August", "September", "October",
           "November", "December")  # fmt: skip
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_DIGITS = re.compile(r"(?<![\w.,/:-])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d]|[.,:/]\d)")
_SPELLED_NUMBER = re.compile(r"\b(?:" + "|".join(_SPELLED_VALUES) + r")\b(?![-\w])")
_YEAR = re.compile(r"(?<![\w.,$£€-])(?:19|20)\d\d(?![\w%,.]\d|[\w%])")
_MONTH = re.compile(r"\b(?:" + "|".join(_MONTHS) + r")\b")
_WEEKDAY = re.compile(r"\b(?:" + "|".join(_WEEKDAYS) + r")\b")
_DAY_OF_MONTH = re.compile(
    r"\b(?:"
    + "|".join(_MONTHS)
    + r") (?P<after>[12]?\d|3[01])\b(?!,\d)|\b(?P<before>[12]?\d|3[01])(?= (?:"
    + "|".join(_MONTHS)
    + r")\b)"
)
_CAPITALISED = re.compile(r"\b[A-Z][a-z]{3,}\b")
_NEGATED = re.compile(
    r"\b(?P<aux>is|are|was|were|do|does|did|can|could|will|would|should|has|have|had|must)(?P<cue> not)\b"
    r"|\b(?P<aux2>is|are|was|were|do|does|did|could|would|should|has|have|had)(?P<cue2>n[’']t)\b"
    r"|\b(?P<special>can[’']t|won[’']t|cannot)\b|\b(?P<never>never) (?P<after>\w+)",
    re.IGNORECASE,
)
_SPECIAL = {"can't": "can", "can’t": "can", "won't": "will", "won’t": "will", "cannot": "can"}
_AUXILIARY = re.compile(
    r"\b(?:is|are|was|were|can|will|could|should|would|has|have|had|must)\b"
    r"(?= (?!only\b|just\b|least\b|long\b|until\b|to\b|been\b|more\b|less\b|later\b|fewer\b)[a-z]{3,})"
)
_QUOTE = re.compile(r"“([^”]{12,})”|\"([^\"]{12,})\"")
_CONTENT_WORD = re.compile(r"\b[a-z]{4,}\b")
#: Replacement words for quotations and invented clauses, plain enough to pass for the rewrite's own.
_REPLACEMENT_WORDS = (
    "money", "children", "weather", "market", "village", "doctor", "window", "garden", "problem", "holiday",
    "computer", "river", "teacher", "kitchen", "summer", "football", "letter", "island", "animal", "coffee",
    "engine", "bridge", "painting", "forest", "hospital", "festival", "station", "museum", "bottle",
    "mountain",
)  # fmt: skip
_NAME_POOL = (
    "Okonkwo", "Lindqvist", "Moreau", "Haddad", "Petrova", "Castellanos", "Nakashima", "Brennagh",
    "Vasquez", "Thorsby", "Abernethy", "Kowalczyk", "Mbatha", "Delacroix", "Fitzwilliam", "Szabo",
    "Ruiz-Tagle", "Oyelaran", "Halvorsen", "Quennell",
)  # fmt: skip
_CITY_POOL = ("Tampere", "Rosario", "Daegu", "Kumasi", "Bratislava", "Cuenca", "Ipswich", "Winnipeg", "Goa",
              "Trondheim", "Antofagasta", "Zaragoza")  # fmt: skip
_CLAUSES = (
    ", although several local groups had strongly opposed the decision",
    ", which surprised many experienced observers at the time",
    " after months of difficult private negotiations behind closed doors",
    ", and critics quickly described the whole plan as a dangerous mistake",
    ", even though the official review had recommended waiting another season",
    " because neighbouring councils had secretly threatened legal action",
)  # fmt: skip


def _present(texts: Sequence[str]) -> str:
    return "\n".join(texts).lower()


def _sentence_starts(text: str) -> set[int]:
    starts = {0}
    for match in re.finditer(r"(?:[.!?][\"”’)]?\s+|\n\s*|[“\"]\s*)(?=\S)", text):
        starts.add(match.end())
    return starts


def _pick(rng: random.Random, matches: Sequence[re.Match[str]]) -> re.Match[str] | None:
    return rng.choice(list(matches)) if matches else None


def _replace(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def _format_like(old: str, value: float) -> str:
    decimals = len(old.split(".")[1]) if "." in old else 0
    if decimals:
        return f"{value:,.{decimals}f}" if "," in old else f"{value:.{decimals}f}"
    return f"{int(value):,}" if "," in old else str(int(value))


# ----------------------------------------------------------------------------------------- perturbations


def change_number(text: str, avoid: Sequence[str], rng: random.Random) -> Perturbation | None:
    """Another value for a number written in digits or words (not a year)."""
    present = _present(avoid)
    sites = [m for m in _DIGITS.finditer(text) if not _YEAR.fullmatch(m.group())]
    sites += [m for m in _SPELLED_NUMBER.finditer(text) if m.group().lower() in _SPELLED_VALUES]
    rng.shuffle(sites)
    for match in sites:
        old = match.group()
        if old.lower() in _SPELLED_VALUES:
            options = [w for w in _SPELLED_VALUES if w != old.lower() and not re.search(rf"\b{w}\b", present)]
            if not options:
                continue
            new = rng.choice(options)
            new = new.capitalize() if old[0].isupper() else new
        else:
            value = float(old.replace(",", ""))
            decimals = len(old.split(".")[1]) if "." in old else 0
            step = 10**-decimals if decimals else 1.0
            options = []
            for _ in range(20):
                factor = rng.choice((0.5, 0.6, 0.7, 1.3, 1.5, 2.0, 3.0))
                candidate = round(value * factor / step) * step if value >= 3 else value + rng.randint(2, 9)
                formatted = _format_like(old, candidate)
                if candidate != value and formatted not in present and formatted.replace(",", "") not in present:
                    options.append(formatted)
            if not options:
                continue
            new = options[0]
        return Perturbation("number", _replace(text, match.start(), match.end(), new), match.start(),
                            match.start() + len(new), f"number {old!r} -> {new!r}")  # fmt: skip
    return None


def change_date(text: str, avoid: Sequence[str], rng: random.Random) -> Perturbation | None:
    """Another year, month, day of the month or weekday."""
    present = _present(avoid)
    sites: list[tuple[str, re.Match[str]]] = [("year", m) for m in _YEAR.finditer(text)]
    sites += [("month", m) for m in _MONTH.finditer(text)]
    sites += [("weekday", m) for m in _WEEKDAY.finditer(text)]
    days = [(m, "after" if m.group("after") else "before") for m in _DAY_OF_MONTH.finditer(text)]
    rng.shuffle(sites)
    sites = [*(("day:" + group, m) for m, group in days), *sites] if days and rng.random() < 0.3 else sites
    for kind, match in sites:
        start, end = match.span(kind[4:]) if kind.startswith("day:") else match.span()
        old = text[start:end]
        if kind == "year":
            options = [str(int(old) + d) for d in (-5, -3, -2, -1, 1, 2, 3, 4)]
        elif kind == "month":
            options = [m for m in _MONTHS if m != old]
        elif kind == "weekday":
            options = [d for d in _WEEKDAYS if d != old]
        else:
            options = [str(d) for d in range(1, 29) if str(d) != old]
        options = [o for o in options if not re.search(rf"\b{o.lower()}\b", present)]
        if not options:
            continue
        new = rng.choice(options)
        return Perturbation("date", _replace(text, start, end, new), start, start + len(new),
                            f"{kind} {old!r} -> {new!r}")  # fmt: skip
    return None


def _misspell(word: str, rng: random.Random) -> str:
    inner = list(range(1, len(word) - 1))
    for _ in range(10):
        how = rng.choice(("swap", "vowel", "drop", "double"))
        letters = list(word)
        index = rng.choice(inner)
        if how == "swap" and index + 1 < len(word) and letters[index] != letters[index + 1]:
            letters[index], letters[index + 1] = letters[index + 1], letters[index]
        elif how == "vowel" and letters[index] in "aeiou":
            letters[index] = rng.choice([v for v in "aeiou" if v != letters[index]])
        elif how == "drop" and len(word) > 4:
            del letters[index]
        elif how == "double":
            letters.insert(index, letters[index])
        candidate = "".join(letters)
        if candidate != word:
            return candidate
    return word[:-1] + ("a" if word[-1] != "a" else "e")


def change_name(text: str, avoid: Sequence[str], rng: random.Random) -> Perturbation | None:
    """A name (a capitalised word inside a sentence, not an ordinary word) misspelt or swapped for one
    neither text has."""
    present = _present(avoid)
    starts = _sentence_starts(text)
    exclude = {*(m.lower() for m in _MONTHS), *(d.lower() for d in _WEEKDAYS), "may"}
    sites = [
        m for m in _CAPITALISED.finditer(text)
        if m.start() not in starts and m.group().lower() not in exclude and lexicon.zipf(m.group()) < 4.0
        and text[max(0, m.start() - 2) : m.start()].strip() not in ("“", '"', "‘")
    ]  # fmt: skip
    match = _pick(rng, sites)
    if match is None:
        return None
    old = match.group()
    if rng.random() < 0.5:
        new = _misspell(old, rng)
        how = "misspelt"
    else:
        options = [name for name in _NAME_POOL if name.lower() not in present]
        new = rng.choice(options)
        how = "swapped"
    return Perturbation("name", _replace(text, match.start(), match.end(), new), match.start(),
                        match.start() + len(new), f"name {how}: {old!r} -> {new!r}")  # fmt: skip


def flip_negation(text: str, avoid: Sequence[str], rng: random.Random) -> Perturbation | None:
    """A negation removed ("is not" -> "is", "didn't" -> "did", "never went" -> "went"), or "not" added
    after an auxiliary ("is" -> "is not")."""
    del avoid
    removals = [m for m in _NEGATED.finditer(text) if not re.match(r"\s+(?:only|just)\b", text[m.end() :])]
    additions = [m for m in _AUXILIARY.finditer(text) if not re.match(r" (?:not|n[’']t|never)\b", text[m.end() :])]
    if not removals and not additions:
        return None
    if removals and (not additions or rng.random() < 0.5):
        match = rng.choice(removals)
        groups = match.groupdict()
        if groups["aux"]:
            new, start, end = groups["aux"], match.start(), match.end()
        elif groups["aux2"]:
            new, start, end = groups["aux2"], match.start(), match.end()
        elif groups["special"]:
            special = groups["special"]
            replacement = _SPECIAL[special.lower()]
            new = replacement.capitalize() if special[0].isupper() else replacement
            start, end = match.start(), match.end()
        else:
            after = groups["after"]
            new, start, end = after, match.start(), match.end()
            if groups["never"][0].isupper():
                new = after[0].upper() + after[1:]
        return Perturbation("negation", _replace(text, start, end, new), start, start + len(new),
                            f"negation removed: {match.group()!r} -> {new!r}")  # fmt: skip
    match = rng.choice(additions)
    new_text = text[: match.end()] + " not" + text[match.end() :]
    return Perturbation("negation", new_text, match.end() + 1, match.end() + 4,
                        f"negation added after {match.group()!r}")  # fmt: skip


def alter_quote(text: str, avoid: Sequence[str], rng: random.Random) -> Perturbation | None:
    """A content word inside a quotation replaced by another word."""
    present = _present(avoid)
    quotes = [m for m in _QUOTE.finditer(text)]
    rng.shuffle(quotes)
    for quote in quotes:
        group = 1 if quote.group(1) else 2
        words = [
            m for m in _CONTENT_WORD.finditer(text, quote.start(group), quote.end(group))
            if lexicon.content_weight(m.group()) >= 3.5
        ]  # fmt: skip
        if not words:
            continue
        word = rng.choice(words)
        options = [w for w in _REPLACEMENT_WORDS if not re.search(rf"\b{w}\b", present)]
        new = rng.choice(options)
        return Perturbation("quote", _replace(text, word.start(), word.end(), new), word.start(),
                            word.start() + len(new), f"quoted word {word.group()!r} -> {new!r}")  # fmt: skip
    return None


def _paragraph_breaks(text: str) -> list[int]:
    """Places after a sentence end, inside the body (not in a one-line headline), the text's last one too."""
    first_line = text.find("\n")
    body = first_line if first_line >= 0 and "\n" in text.strip() else 0
    return [
        m.end() for m in re.finditer(r"[a-z0-9)][.!?](?= [A-Z]|\s*$)", text)
        if m.end() > body
    ]  # fmt: skip


def insert_fact(text: str, avoid: Sequence[str], rng: random.Random) -> Perturbation | None:
    """A sentence carrying a new fact (a name, a number, a date or a place) inserted after a sentence."""
    present = _present(avoid)
    places = _paragraph_breaks(text)
    if not places:
        return None
    name = rng.choice([n for n in _NAME_POOL if n.lower() not in present])
    city = rng.choice([c for c in _CITY_POOL if c.lower() not in present])
    number = rng.choice([n for n in (17, 23, 38, 45, 62, 75, 140, 260, 480, 1300, 2750) if str(n) not in present])
    year = rng.choice([y for y in range(1962, 2009) if str(y) not in present])
    month = rng.choice(_MONTHS)
    templates = (
        ("{name} said the plan had been tested in {city} first.", ("name", "city")),
        ("About {number} people had signed a letter against it by {month}.", ("number", "month")),
        ("The idea was first put forward by {name} in {year}.", ("name", "year")),
        ("It will cost around ${number} million, officials in {city} said.", ("number", "city")),
        ("A similar scheme was stopped in {year} after {number} complaints.", ("year", "number")),
    )
    template, fields = rng.choice(templates)
    values = {"name": name, "city": city, "number": str(number), "year": str(year), "month": month}
    sentence = template.format(**values)
    at = rng.choice(places)
    inserted = " " + sentence
    new_text = text[:at] + inserted + text[at:]
    facts = []
    for field_name in fields:
        offset = sentence.index(values[field_name])
        facts.append((at + 1 + offset, at + 1 + offset + len(values[field_name])))
    description = f"sentence inserted: {sentence!r}"
    return Perturbation("insert", new_text, at + 1, at + 1 + len(sentence), description,
                        tuple(facts))  # fmt: skip


def add_clause(text: str, avoid: Sequence[str], rng: random.Random) -> Perturbation | None:
    """An invented clause (no name, number or date) added at the end of a sentence."""
    del avoid
    places = [at - 1 for at in _paragraph_breaks(text)]
    if not places:
        return None
    at = rng.choice(places)
    clause = rng.choice(_CLAUSES)
    start = at + (2 if clause.startswith(",") else 1)
    return Perturbation("clause", text[:at] + clause + text[at:], start, at + len(clause),
                        f"clause added: {clause!r}")  # fmt: skip


def delete_clause(text: str, avoid: Sequence[str], rng: random.Random) -> Perturbation | None:
    """A clause of at least four words between commas (or a comma and the sentence end) removed; the range
    is in the unperturbed text."""
    del avoid
    sites = [m for m in re.finditer(r", ([^,.;:!?“”\"()]{20,}?)(?=[,.;])", text) if len(m.group(1).split()) >= 4]
    match = _pick(rng, sites)
    if match is None:
        return None
    new_text = _replace(text, match.start(), match.end(), "")
    return Perturbation("delete", new_text, match.start(1), match.end(1),
                        f"clause deleted: {match.group(1)!r}")  # fmt: skip


#: A quantifier and what replaces it: a claim about another share of what follows.
_QUANTITY_SWAPS = {"all": "some", "most": "all", "some": "all", "many": "all", "several": "most",
                   "often": "always", "always": "sometimes", "usually": "always", "sometimes": "always",
                   "mostly": "always"}  # fmt: skip
_QUANTIFIER = re.compile(
    r"(?<!\bthe )(?<!\bat )(?<!\bof )(?<!\bnot )(?<!\bas )(?<!\bso )(?<!\btoo )(?<!\bhow )(?<!['’]s )"
    r"(?<!\balmost )(?<!\bnearly )\b(?:" + "|".join(_QUANTITY_SWAPS) + r")\b(?= [a-z])",
    re.IGNORECASE,
)


_NOT_QUANTIFIED = re.compile(r" (?:other|the time|over|along)\b")


def change_quantity(text: str, avoid: Sequence[str], rng: random.Random) -> Perturbation | None:
    """A quantifier or frequency adverb that bears on the next word swapped for one of another strength."""
    del avoid
    sites = [m for m in _QUANTIFIER.finditer(text) if not _NOT_QUANTIFIED.match(text, m.end())]
    if not sites:
        return None
    match = rng.choice(sites)
    word = match.group()
    new = _QUANTITY_SWAPS[word.lower()]
    new = new.capitalize() if word[0].isupper() else new
    return Perturbation("quantity", _replace(text, match.start(), match.end(), new), match.start(),
                        match.start() + len(new), f"quantity {word!r} -> {new!r}")  # fmt: skip


PERTURBATIONS: dict[str, Callable[[str, Sequence[str], random.Random], Perturbation | None]] = {
    "number": change_number,
    "date": change_date,
    "name": change_name,
    "negation": flip_negation,
    "quote": alter_quote,
    "insert": insert_fact,
    "clause": add_clause,
    "delete": delete_clause,
    "quantity": change_quantity,
}


def perturb(category: str, text: str, avoid: Sequence[str], seed: str) -> Perturbation | None:
    """One perturbation of ``category`` in ``text``, reproducible from ``seed``; replacements avoid every
    value already in ``avoid`` (the texts of the pair)."""
    return PERTURBATIONS[category](text, avoid, random.Random(seed))  # noqa: S311 (reproducible, not secret)


def detected(perturbation: Perturbation, findings: Sequence[dict[str, object]], *, self_pair: bool) -> bool:
    """Whether a finding points at the perturbation: its rewrite span covers the perturbed words (for
    ``insert``: one of the new facts, or the whole sentence; for ``clause``: at least half of the clause,
    since a finding of added content is trimmed to the words nothing supports, "and critics …" without its
    "and"); for ``delete``, in a pair whose original is the unperturbed text (``self_pair``), its original
    span covers at least half of the removed words."""
    for finding in findings:
        side = finding.get("original" if perturbation.category == "delete" else "rewrite")
        if not isinstance(side, dict):
            continue
        start, end = int(side["start"]), int(side["end"])
        if perturbation.category in ("delete", "clause"):
            half = (
                min(end, perturbation.end) - max(start, perturbation.start)
                >= (perturbation.end - perturbation.start) / 2
            )
            if half and (self_pair or perturbation.category == "clause"):
                return True
            continue
        targets = perturbation.facts or ((perturbation.start, perturbation.end),)
        if perturbation.category == "insert":
            targets = (*targets, (perturbation.start, perturbation.end))
        if any(start <= target_start and target_end <= end for target_start, target_end in targets):
            return True
    return False
