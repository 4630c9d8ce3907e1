"""Who does what to whom, between common nouns: roles that a rewrite hands to the wrong party.

A passive verb with "by" names its agent after "by" and its patient before the verb ("the councillor was
criticised by the ombudsman": the ombudsman criticises, the councillor is criticised); an active verb its
subject before it and its object after ("the ombudsman criticised the councillor"). A verb said in the
passive on one side of an aligned sentence pair and in either voice on the other has *swapped roles* when
the other side gives the agent's part to the patient or the patient's part to the agent ("the councillor
criticised the ombudsman", "a cyclist was hit by a van" / "a cyclist hit a van") and keeps neither party
in its own part. A voice change that keeps the roles ("the ombudsman criticised the councillor") is the
same statement and no finding.

The parties are read by position, without a parser: the head of the noun phrase before the verb and its
auxiliaries, and the last word of the noun phrase after "by" or after an active verb (determiners skipped;
a preposition, a conjunction, a clause word, punctuation or a participle ends it: "by two men near the
station" names the men, "by a man posing as a bank official" the man). Heads are compared by stem
(:func:`evalkit.lexicon.stem`). Only one party needs to be found in the wrong part, as long as neither is
found in its own: "will be contacted by the hospital" / "you should contact the hospital" makes the hospital
the one contacted. Names are left to the name rules (:func:`evalkit.drift.matching._roles_changed`), and two
active sentences to the word swaps of :func:`evalkit.drift._content_swaps`, which need no parse.

Two things compared are parties too: "women live three years longer than men" / "men live three years
longer than women" trade them around the same degree (:func:`swapped_comparisons`), where "men live shorter
lives than women" turns the comparison round with its degree and says the same (:func:`turned_round`; the
opposite rule of :mod:`evalkit.drift.polarity` lets it pass).

So are two events put in order with "before" or "after": "she cancelled her tour after being diagnosed" /
"she was diagnosed after cancelling her tour" says they happened the other way round
(:func:`swapped_order`); and the two things a contrast picks between: "the advisers, rather than the king" /
"the king, not his advisers" (:func:`swapped_contrasts`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TypeVar

from evalkit import lexicon
from evalkit.drift.facts import FUNCTION_WORDS, stem

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*|[^\sA-Za-z\d]")
#: A form of "be" that makes the participle after it passive.
_BE = frozenset(("am", "is", "are", "was", "were", "be", "been", "being"))
#: Words that may stand between a subject and its verb, or between a patient and "be".
_AUXILIARIES = frozenset(
    ("has", "have", "had", "will", "would", "can", "could", "may", "might", "must", "should", "shall", "did",
     "does", "do", "also", "then", "not", "never", "already", "still", "just", "now", "to", "get", "gets",
     "got", "being", "been", "be", "is", "are", "was", "were", "am", "soon", "later")
)  # fmt: skip
#: Words a noun phrase may open with, skipped when its head is read.
_DETERMINERS = frozenset(
    ("the", "a", "an", "its", "their", "his", "her", "our", "your", "my", "this", "that", "these", "those",
     "some", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "many", "own")
)  # fmt: skip
#: Particles of phrasal verbs ("sent off", "carried out", "turned down"), skipped after the verb.
_PARTICLES = frozenset(("off", "out", "up", "down", "away", "over", "back", "in", "on"))
#: Pronouns: they stand for a party said elsewhere, so they are no party of their own here ("you" is: the
#: reader).
_PRONOUNS = frozenset(
    ("he", "she", "it", "they", "we", "i", "him", "her", "them", "us", "me", "who", "which", "that", "one",
     "anyone", "anybody", "someone", "somebody", "everyone", "everybody", "nobody", "no", "none", "nothing")
)  # fmt: skip
#: Words that end a noun phrase (prepositions and conjunctions the function-word list may lack).
_PHRASE_ENDS = frozenset(
    ("until", "till", "since", "before", "after", "during", "while", "because", "unless", "although", "though",
     "when", "where", "whether", "if", "than", "as", "via", "per", "including", "despite", "against", "among",
     "between", "within", "without", "across", "along", "around", "through", "towards", "toward", "under",
     "over", "above", "below", "near", "beside", "besides", "following", "amid", "and", "or", "but")
)  # fmt: skip
#: The most words a party's noun phrase is read over.
_PHRASE_WORDS = 4


@dataclass(frozen=True, slots=True)
class Party:
    """The head word of a noun phrase: its stem and where it stands in the sentence."""

    stem: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Role:
    """A verb with the parties it relates: ``agent`` does it to ``patient``; either may be unread."""

    verb: str  # the verb's stem
    agent: Party | None
    patient: Party | None
    passive: bool
    start: int  # the stretch that says it: from the first party (or the verb) to the last
    end: int


@dataclass(frozen=True, slots=True)
class Swap:
    """A verb whose parties trade parts between an original sentence and a rewrite sentence."""

    original: Role
    rewrite: Role


@cache
def _participles() -> frozenset[str]:
    return lexicon.irregular_verb_forms()


def _participle(word: str) -> bool:
    """A past participle by its form ("criticised", "beaten") or as an irregular verb's ("bought")."""
    return word.endswith(("ed", "en")) or word in _participles()


def _content(word: str) -> bool:
    lower = word.lower()
    return (
        word[:1].isalpha() and lower not in FUNCTION_WORDS and lower not in _PRONOUNS and lower not in _PHRASE_ENDS
    ) or lower == "you"


def _auxiliary(word: str) -> bool:
    """An auxiliary, a negated one ("won’t", "hasn't") or an adverb ("recently")."""
    return word in _AUXILIARIES or word.endswith(("n't", "n’t", "ly"))


def _party_before(tokens: Sequence[re.Match[str]], index: int) -> Party | None:
    """The head of the noun phrase that ends right before ``tokens[index]``, auxiliaries skipped."""
    k = index - 1
    while k >= 0 and _auxiliary(tokens[k].group().lower()):
        k -= 1
    if k < 0 or not _content(tokens[k].group()) or (tokens[k].group()[:1].isupper() and k > 0):
        return None  # punctuation, a function word, or a name (the name rules read those)
    return Party(stem(tokens[k].group()), tokens[k].start(), tokens[k].end())


def _party_after(tokens: Sequence[re.Match[str]], index: int) -> Party | None:
    """The head of the noun phrase that starts at ``tokens[index]``: its last word before a word that
    cannot be in it."""
    k = index
    while k < len(tokens) and tokens[k].group().lower() in _DETERMINERS:
        k += 1
    head: re.Match[str] | None = None
    for token in tokens[k : k + _PHRASE_WORDS]:
        word = token.group()
        lower = word.lower()
        if not word[:1].isalpha() or ((lower in FUNCTION_WORDS or lower in _PHRASE_ENDS) and not word.isupper()):
            break  # ("US" is no "us")
        if lower in _PRONOUNS and lower != "you" and not word.isupper():
            return None
        if head is not None and (lower.endswith("ing") or _participle(lower)):
            break  # "a man posing as", "a boy aged 17"
        head = token
    if head is None or head.group()[:1].isupper():
        return None
    return Party(stem(head.group().removesuffix("'s").removesuffix("’s")), head.start(), head.end())


def roles(text: str) -> list[Role]:
    """Every passive verb with "by" in a sentence, with the parties read around it (:func:`_active` reads the
    active uses of a verb the other side says in the passive)."""
    tokens = list(_WORD.finditer(text))
    found: list[Role] = []
    for k in range(1, len(tokens) - 1):
        word = tokens[k].group().lower()
        if not word[:1].isalpha() or word in FUNCTION_WORDS or tokens[k - 1].group().lower() not in _BE:
            continue  # the "by" below makes it a participle, whatever its form ("was hit by")
        by = k + 1
        if by < len(tokens) and tokens[by].group().lower() in _PARTICLES:
            by += 1
        if by >= len(tokens) or tokens[by].group().lower() != "by":
            continue
        agent = _party_after(tokens, by + 1)
        patient = _party_before(tokens, k - 1)
        if agent is None and patient is None:
            continue
        start = patient.start if patient else tokens[k].start()
        found.append(Role(stem(word), agent, patient, True, start, agent.end if agent else tokens[by].end()))
    return found


def _active(text: str, verb: str) -> list[Role]:
    """The active uses of ``verb`` (a stem) in a sentence, with the subject before and the object after."""
    tokens = list(_WORD.finditer(text))
    found: list[Role] = []
    for k, token in enumerate(tokens):
        word = token.group().lower()
        if not word[:1].isalpha() or stem(word) != verb:
            continue
        before = tokens[k - 1].group().lower() if k > 0 else ""
        if word.endswith("ing") and before not in _BE:
            continue  # a gerund ("for fouling the striker"): its subject is not before it
        if (before in _BE and not word.endswith("ing")) or before == "to":
            continue  # a passive (read by :func:`roles`), or an infinitive without a subject of its own
        after = k + 1
        if after < len(tokens) and tokens[after].group().lower() in _PARTICLES:
            after += 1
        if after < len(tokens) and tokens[after].group().lower() == "by":
            continue
        subject = _party_before(tokens, k)
        obj = _party_after(tokens, after)
        if subject is None and obj is None:
            continue
        start = subject.start if subject else token.start()
        found.append(Role(verb, subject, obj, False, start, obj.end if obj else token.end()))
    return found


def _same(a: Party | None, b: Party | None) -> bool:
    return a is not None and b is not None and a.stem == b.stem


def _traded(passive: Role, other: Role) -> bool:
    """Whether ``other`` gives a party of ``passive`` the other part, and keeps neither in its own."""
    kept = _same(passive.agent, other.agent) or _same(passive.patient, other.patient)
    traded = _same(passive.agent, other.patient) or _same(passive.patient, other.agent)
    return traded and not kept


def swapped_roles(original: str, rewrite: str) -> list[Swap]:
    """The verbs whose parties trade parts between two aligned sentences (see the module docstring)."""
    swaps: list[Swap] = []
    passives_o, passives_r = roles(original), roles(rewrite)
    for role in passives_o:
        for other in [*(r for r in passives_r if r.verb == role.verb), *_active(rewrite, role.verb)]:
            if _traded(role, other):
                swaps.append(Swap(role, other))
                break
    for role in passives_r:
        if any(swap.rewrite == role for swap in swaps):
            continue
        for other in _active(original, role.verb):
            if _traded(role, other):
                swaps.append(Swap(other, role))
                break
    return swaps


#: A comparison and what it compares with: "longer than men", "higher than the national average"; its degree
#: may take a noun or an adverb ("shorter lives than", "more slowly than").
_COMPARED = re.compile(
    r"\b(?P<degree>[A-Za-z]+(?:\s+[a-z]+)?)\s+than\s+(?:(?:the|a|an|those|that|of|in|for|among)\s+){0,3}"
    r"(?P<other>[A-Za-z][\w'’-]*)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class ComparisonSwap:
    """Two things compared the other way round: the stretches that say each comparison."""

    original: tuple[int, int]
    rewrite: tuple[int, int]


def _before(text: str, end: int, wanted: str) -> int | None:
    """Where a word of stem ``wanted`` stands in ``text`` before ``end``, if it does (the last one)."""
    found = [m.start() for m in _WORD.finditer(text, 0, end) if m.group()[:1].isalpha() and stem(m.group()) == wanted]
    return found[-1] if found else None


#: Comparatives said with a word before the noun they measure ("more moisture than", "less water than").
_COMPARATIVE_WORDS = frozenset(("more", "less", "fewer", "most", "least"))


def _degree(words: str) -> str:
    """The degree of a comparison: "more" of "more moisture" (so "more water" is the same degree), else the
    words before "than" as written ("longer", "much longer")."""
    lower = words.lower().split()
    return lower[0] if lower[0] in _COMPARATIVE_WORDS else " ".join(lower)


def _compared_both_ways(match_o: re.Match[str], original: str, match_r: re.Match[str], rewrite: str) -> bool:
    """Whether what each comparison compares with is said before "than" on the other side."""
    other_o, other_r = match_o.group("other"), match_r.group("other")
    if not (_content(other_o) and _content(other_r)) or stem(other_o) == stem(other_r):
        return False
    return (
        _before(original, match_o.start(), stem(other_r)) is not None
        and _before(rewrite, match_r.start(), stem(other_o)) is not None
    )


def turned_round(original: str, rewrite: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Comparisons turned round with their degree, which say the same: "prices rose faster than wages" /
    "wages rose more slowly than prices". The ranges of the two degree words (which differ)."""
    return [
        (match_o.span("degree"), match_r.span("degree"))
        for match_o in _COMPARED.finditer(original)
        for match_r in _COMPARED.finditer(rewrite)
        if match_o.group("degree").lower() != match_r.group("degree").lower()
        and _compared_both_ways(match_o, original, match_r, rewrite)
    ]


def swapped_comparisons(original: str, rewrite: str) -> list[ComparisonSwap]:
    """Comparisons of one degree whose two sides trade places: "women live three years longer than men" /
    "men live three years longer than women". The same word before "than" on both sides ("longer"), what
    each compares with after it different, and each of the two said before "than" on the other side. A
    comparison turned round with its degree ("longer than men" / "shorter than women") says the same and is
    no swap."""
    swaps: list[ComparisonSwap] = []
    for match_o in _COMPARED.finditer(original):
        for match_r in _COMPARED.finditer(rewrite):
            if _degree(match_o.group("degree")) != _degree(match_r.group("degree")):
                continue
            if _compared_both_ways(match_o, original, match_r, rewrite):
                first_o = _before(original, match_o.start(), stem(match_r.group("other")))
                first_r = _before(rewrite, match_r.start(), stem(match_o.group("other")))
                assert first_o is not None and first_r is not None
                swaps.append(ComparisonSwap((first_o, match_o.end()), (first_r, match_r.end())))
    return swaps


_Reading = TypeVar("_Reading")

#: "before" or "after" between two events; the clause it leads ends at a clause break.
_ORDER = re.compile(r"\b(?:before|after)\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,;:!?()]|\.(?!\d)|\s[—–]\s|\b(?:and|but|while|so)\b", re.IGNORECASE)
#: "before" or "after" pointing back at the sentence before ("After that, they met"); not "before it rained".
POINTING_BACK = re.compile(r"\s+(?:that|this|which)\b", re.IGNORECASE)


def swapped_order(original: str, rewrite: str) -> list[ComparisonSwap]:
    """Two events ordered by the same word ("before" or "after") the other way round: what the original's
    word leads ("after *being diagnosed*") is the rewrite's main event, and what the rewrite's word leads is
    the original's ("was diagnosed after *cancelling the rest of her tour*"). Each of the two must keep at
    least half its content words (two at least) in the other's place and share less than half with its own.
    "After that" points back to another sentence and is left out; "A before B" said as "B after A" changes
    the word and is the same order. And the same two events in their places with the other word ("buried
    the coins shortly before the town was attacked" / "buried the coins just after raiders attacked the
    town"), where neither event also holds the other's words."""
    swaps: list[ComparisonSwap] = []
    for match_o, events_o, match_r, events_r in _readings(_ORDER, _ordered_events, original, rewrite):
        (main_o, led_o, span_o), (main_r, led_r, span_r) = events_o, events_r
        if match_r.group().lower() == match_o.group().lower():
            swapped = _holds(main_r, led_o) and _holds(led_r, main_o) and not _holds(led_r, led_o)
        else:
            kept = _holds(main_r, main_o) and _holds(led_r, led_o)
            swapped = kept and not _holds(main_r, led_o) and not _holds(led_r, main_o)
        if swapped:
            swaps.append(ComparisonSwap(span_o, span_r))
    return swaps


def _readings(
    pattern: re.Pattern[str], read: Callable[[str, re.Match[str]], _Reading | None], original: str, rewrite: str
) -> Iterator[tuple[re.Match[str], _Reading, re.Match[str], _Reading]]:
    """Each match of ``pattern`` in the original with each in the rewrite, with what ``read`` makes of each
    (matches it reads as nothing left out; the rewrite's read once)."""
    read_r = [(match, found) for match in pattern.finditer(rewrite) if (found := read(rewrite, match)) is not None]
    for match_o in pattern.finditer(original):
        found_o = read(original, match_o)
        if found_o is not None:
            for match_r, found_r in read_r:
                yield match_o, found_o, match_r, found_r


def _ordered_events(text: str, order: re.Match[str]) -> tuple[set[str], set[str], tuple[int, int]] | None:
    """The content stems of the main event and of the event "before" or "after" leads, and the stretch that
    says both; ``None`` where the word points back ("after that") or either event is missing."""
    if POINTING_BACK.match(text, order.end()):
        return None
    opening = text[: order.start()].strip(" \"“‘'(") == ""
    led_end = _clause_end(text, order.end())
    if opening:  # "After X, Y": the main event follows the comma
        main_start, main_end = led_end, _clause_end(text, min(len(text), led_end + 1))
        span = (order.start(), main_end)
    else:
        breaks = [m.end() for m in _CLAUSE_END.finditer(text, 0, order.start())]
        main_start, main_end = (breaks[-1] if breaks else 0), order.start()
        span = (main_start, led_end)
    main, led = _stems(text[main_start:main_end]), _stems(text[order.end() : led_end])
    if len(main) < 2 or len(led) < 2:
        return None
    start, end = span
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return main, led, (start, end)


def _clause_end(text: str, start: int) -> int:
    found = _CLAUSE_END.search(text, start)
    return found.start() if found else len(text)


def _stems(text: str) -> set[str]:
    return {stem(word.lower()) for word in _WORD.findall(text) if _content_word(word)}


def _content_word(word: str) -> bool:
    """A word with content of its own: no function word, informative enough (content weight 3 or more)."""
    return word[:1].isalpha() and word.lower() not in FUNCTION_WORDS and lexicon.content_weight(word) >= 3.0


def _holds(where: set[str], wanted: set[str]) -> bool:
    """Whether ``where`` holds at least half of ``wanted``."""
    return 2 * len(where & wanted) >= len(wanted)


#: A contrast that picks one of two things: "the advisers, rather than the king, were to blame", "the king,
#: not his advisers, was to blame", "the advisers instead of the king".
_CONTRAST = re.compile(r"(?:,\s*|\s+)(?:rather\s+than|instead\s+of|and\s+not|not)\s+", re.IGNORECASE)
#: Words skipped when the two sides of a contrast are read: reflexives and pronouns of emphasis.
_EMPHASIS = frozenset(("himself", "herself", "itself", "themselves", "alone", "only", "just"))


def swapped_contrasts(original: str, rewrite: str) -> list[ComparisonSwap]:
    """Two things a contrast picks between, picked the other way round: "the king's advisers, rather than the
    king himself, were responsible" / "the king himself, not his advisers, was to blame". The content word
    right before the contrast and the first after it trade places; ", not" needs its comma (a plain "not"
    negates a verb)."""
    swaps: list[ComparisonSwap] = []
    for _, sides_o, _, sides_r in _readings(_CONTRAST, _contrasted, original, rewrite):
        (chosen_o, start_o), (other_o, end_o) = sides_o
        (chosen_r, start_r), (other_r, end_r) = sides_r
        if chosen_o == other_r and other_o == chosen_r and chosen_o != other_o:
            swaps.append(ComparisonSwap((start_o, end_o), (start_r, end_r)))
    return swaps


def _contrasted(text: str, contrast: re.Match[str]) -> tuple[tuple[str, int], tuple[str, int]] | None:
    """The stems of the thing picked (the content word before the contrast) and of the one passed over (the
    first content word after it), with where the first starts and the second ends; ``None`` for a plain "not"
    without a comma, or a side with no content word."""
    word = contrast.group().strip(" ,").split()[0].lower()
    if word == "not" and not contrast.group().lstrip().startswith(","):
        return None
    before = [m for m in _WORD.finditer(text, 0, contrast.start()) if _contrasted_word(m.group())]
    after = [m for m in _WORD.finditer(text, contrast.end()) if _contrasted_word(m.group())]
    if not before or not after:
        return None
    chosen, passed = before[-1], after[0]
    return (stem(chosen.group().lower()), chosen.start()), (stem(passed.group().lower()), passed.end())


def _contrasted_word(word: str) -> bool:
    return _content_word(word) and word.lower() not in _EMPHASIS
