"""Plain-language features of a sentence: what an editor can act on.

Each feature returns the words it is about, as character ranges of the sentence text, so the report can
point at them. All are rules (no model), documented with their source:

* long sentences: over 25 words (GOV.UK style guide; Plain Language Action and Information Network);
* passive voice: a form of *be*/*get* followed by a past participle (regular ``-ed`` or a listed irregular
  form), optionally with one adverb between — the heuristic of Vale's ``write-good`` passive rule;
* unfamiliar words: not on the Dale–Chall list of 3,000 familiar words (textstat's copy), nor a regular
  inflection of one ("wants"); names (a capital inside a sentence) and numbers are left out here, as
  WCAG 2.x SC 3.1.5 removes proper names before judging the reading level (the Dale–Chall *formula*
  counts them, as textstat does); a first word before a capital ("Dennis Corrigan") or naming a place
  ("Denmark has …") is not marked either, but stays in the counts the learned estimate was trained on;
* vocabulary: the lemma frequency rank of every counted word (:func:`evalkit.readability.words.lemma_rank`),
  from which the share of words beyond the vocabulary of a CEFR level is computed;
* long words: three syllables or more (the "complex words" of Gunning fog and SMOG);
* acronyms: two or more capitals (with or without dots) never spelled out in the text as
  "Long Form (ACRONYM)" or "ACRONYM (long form)", except a few everyone reads (US, UK, TV);
* nominalisations: nouns made from verbs or adjectives (-tion, -ment, -ness, -ance, -ence, -ity, -ism,
  -isation/-ization), the "zombie nouns" plain-language guides ask to turn back into verbs (Williams,
  *Style*, 1981), minus common concrete nouns that merely share the ending;
* malformed text (:data:`MALFORMATIONS`): a sentence that starts with punctuation or a lowercase letter, ends
  on a dangling function word ("and."), repeats a word, carries stray punctuation ("(.),") or unbalanced
  brackets, or puts a function word right before a comma — the marks of a broken rewrite (a rewriting
  system that deleted words, a bad paste). Not fluent English is not easy to read, so the learned simplicity
  estimate adds a penalty for each kind present (:mod:`evalkit.readability.simplicity`).
"""

from __future__ import annotations

import itertools
import operator
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from evalkit.lexicon import UPPER
from evalkit.readability.words import WORD_CACHE_SIZE, formula_words, word_info

_PUNCTUATION = re.compile(r"[^\w']")
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*", re.UNICODE)
#: A capitalised word right after the first one: the first word starts a name ("Dennis Corrigan said").
_NEXT_CAPITALISED = re.compile(rf" (?!I\b)[{UPPER}]")
#: Kinds of gazetteer entry whose name opens a sentence as itself ("Denmark has had no cases").
_PLACE_KINDS = frozenset(("country", "city", "region", "continent"))


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _place(word: str) -> bool:
    """A country, city, region or continent of the drift engine's gazetteer ("Sweden", "Kenya")."""
    from evalkit.drift.gazetteer import gazetteer

    entity = gazetteer().forms.get(word.lower())
    return entity is not None and entity.kind in _PLACE_KINDS


_BE = r"(?:am|is|are|was|were|be|been|being|get|gets|got|gotten|getting|'s|'re)"
_IRREGULAR_PARTICIPLES = (
    "arisen awoken beaten become begun bent bet bid bitten blown broken brought built burnt bought caught "
    "chosen come cost cut dealt done drawn driven drunk eaten fallen fed felt fought found fled flown "
    "forbidden forgotten forgiven frozen given gone grown hung heard hidden hit held hurt kept known laid "
    "led left lent let lain lit lost made meant met paid put quit read ridden rung risen run said seen "
    "sought sold sent set shaken shed shot shown shut sung sunk sat slept slid spoken spent spun split "
    "spread sprung stood stolen stuck stung struck sworn swept swum swung taken taught torn told thought "
    "thrown understood woken worn woven won written withdrawn"
)
_PARTICIPLES = "|".join(_IRREGULAR_PARTICIPLES.split())
# the lookahead (the first letters of _BE) only skips, fast, the positions where no form of "be" can start
_PASSIVE = re.compile(rf"\b(?=[aibwg']){_BE}\s+(?:\w+ly\s+)?(?:\w+ed|{_PARTICIPLES})\b", re.IGNORECASE)
# each lookahead below (a character every match starts with) lets the search skip other positions fast
_ACRONYM = re.compile(r"(?=[A-Z])\b(?:(?:[A-Z]\.){2,}(?![A-Za-z])|[A-Z][A-Z0-9&]{1,6}s?\b)")
_KNOWN_ACRONYMS = frozenset({"US", "USA", "UK", "TV", "OK", "AM", "PM", "ID", "U.S.", "U.K.", "A.M.", "P.M."})
_NOMINAL = re.compile(r"\b[a-z]{4,}(?:tion|sion|ment|ness|ance|ence|ity|ism|isation|ization)s?\b")
_NOT_NOMINAL_LIST = (
    "nation station mention question position portion section fiction motion lotion potion ration "
    "moment comment element apartment department document garment segment fragment instrument "
    "monument parliament government tournament sentiment experiment supplement complement compliment "
    "business witness science audience evidence sentence experience conference violence defence "
    "defense fence finance balance distance instance substance entrance university city community "
    "quality majority minority authority activity electricity opportunity security identity society "
    "variety celebrity facility capacity county entity unity density region religion television "
    "vision mission tension pension mansion version session"
)
_NOT_NOMINAL = frozenset(_NOT_NOMINAL_LIST.split())


@dataclass(frozen=True, slots=True)
class Mark:
    """Words of a sentence that a feature is about: ``[start, end)`` within the sentence text."""

    start: int
    end: int
    text: str


#: Kinds of malformation, in the order of the simplicity estimate's penalties.
MALFORMATIONS = (
    "bad_start",
    "dangling_end",
    "repeated_word",
    "stray_punctuation",
    "unbalanced_brackets",
    "dangling_function_word",
)
# not "in", "on", "by": they end sentences as the particles of phrasal verbs ("The public can come in.")
_DANGLING_LIST = "and or but nor the a an of to at for with from as than its their his her my our your"
_DANGLING = _DANGLING_LIST.split()
_DANGLING_SET = frozenset(_DANGLING)
_BAD_START = re.compile(r"\s*(?:[,;:.)\]]|[a-z])")
# the last word, before terminal punctuation or none (a fragment a system cut short: "a type of character that"),
# matched on the reversed text, as ``(\w+)\s*(?:[.!?]+[\"”’')]*)?\s*$`` read backwards (no search from every letter)
_END_REVERSED = re.compile(r"\s*(?:[\"”’')]*[.!?]+)?\s*(\w+)")
_REPEATED = re.compile(r"\b(\w+)\s+\1\b", re.IGNORECASE)
_BEFORE_COMMA = frozenset({"and", "or", "the", "a", "an", "of", "to", "in", "with", "by", "from"})
_LONE_MARKS = frozenset({",", ";", ":", ")"})
#: a function word with the mark attached ("and,")
_FUNCTION_WORD_MARKED = frozenset(word + mark for word in _BEFORE_COMMA for mark in _LONE_MARKS)
_REPEATS_ALLOWED = frozenset({"that", "had", "is"})
_STRAY = re.compile(r"(?=[(\[,;:.])(?:[(\[]\s*[.,;:]*\s*[)\]]|[,;:]\s*[,;:.](?![\w.])|(?<!\.)\.\s*[,;:])")
_FUNCTION_BEFORE_COMMA = re.compile(r"(?=[aotiwbf])\b(?:and|or|the|a|an|of|to|in|with|by|from)\s*[,;:)]", re.IGNORECASE)
_STRAY_CHARACTER = re.compile(r"[,;:()\[\]]")
_WELL_FORMED = (0.0,) * len(MALFORMATIONS)


def malformations(text: str) -> tuple[tuple[str, Mark], ...]:
    """Signs that a sentence is not well-formed, as (kind, mark) pairs."""
    found: list[tuple[str, Mark]] = []

    def add(kind: str, match: re.Match[str] | None) -> None:
        if match is not None:
            found.append((kind, Mark(match.start(), match.end(), match.group().strip())))

    add("bad_start", _BAD_START.match(text))
    end = _END_REVERSED.match(text[-40:][::-1])
    if end is not None and end.group(1)[::-1].lower() in _DANGLING_SET:
        start = len(text) - end.end()
        found.append(("dangling_end", Mark(start, len(text), text[start:].strip())))
    lowered = text.lower().split()
    if any(map(operator.eq, lowered, lowered[1:])) and any(
        a == b and a.isalpha() and a not in _REPEATS_ALLOWED for a, b in itertools.pairwise(lowered)
    ):
        for match in _REPEATED.finditer(text):
            if match.group(1).lower() not in _REPEATS_ALLOWED and not match.group(1).isdigit():
                add("repeated_word", match)
    if _STRAY_CHARACTER.search(text) is None:
        return tuple(found)
    for match in _STRAY.finditer(text):
        add("stray_punctuation", match)
    for opening, closing in ("()", "[]"):
        if text.count(opening) != text.count(closing):
            index = text.find(opening) if text.count(opening) > text.count(closing) else text.rfind(closing)
            found.append(("unbalanced_brackets", Mark(index, index + 1, text[index])))
    if not _FUNCTION_WORD_MARKED.isdisjoint(lowered) or (
        not _LONE_MARKS.isdisjoint(lowered)
        and any(token in _LONE_MARKS and previous in _BEFORE_COMMA for previous, token in itertools.pairwise(lowered))
    ):
        for match in _FUNCTION_BEFORE_COMMA.finditer(text):
            add("dangling_function_word", match)
    return tuple(found)


@dataclass(frozen=True, slots=True)
class SentenceFeatures:
    words: int
    passive: tuple[Mark, ...]
    unfamiliar: tuple[Mark, ...]
    long_words: tuple[Mark, ...]
    acronyms: tuple[Mark, ...]
    nominalisations: tuple[Mark, ...]
    #: lemma frequency ranks of the sentence's vocabulary words (names and numbers left out)
    vocabulary_ranks: tuple[int, ...] = ()
    #: words that start with a capital inside the sentence (names, titles)
    names: int = 0
    #: signs of malformed text: (kind of :data:`MALFORMATIONS`, mark)
    malformed: tuple[tuple[str, Mark], ...] = ()

    def malformation_flags(self) -> tuple[float, ...]:
        """1.0 for each kind of :data:`MALFORMATIONS` present, else 0.0."""
        if not self.malformed:
            return _WELL_FORMED
        kinds = {kind for kind, _ in self.malformed}
        return tuple(float(kind in kinds) for kind in MALFORMATIONS)


_SPELLED_OUT_BEFORE = re.compile(r"\(([A-Z][A-Z0-9&.]{1,8})s?\)")
_SPELLED_OUT_AFTER = re.compile(r"\b([A-Z][A-Z0-9&.]{1,8})\s+\((?:the\s+)?[A-Za-z][a-z]+")


def defined_acronyms(texts: Iterable[str]) -> frozenset[str]:
    """Acronyms a text spells out: "Long Form (ABC)" or "ABC (long form)"."""
    found: set[str] = set()
    for text in texts:
        if "(" in text:  # both forms have one
            found.update(_SPELLED_OUT_BEFORE.findall(text))
            found.update(_SPELLED_OUT_AFTER.findall(text))
    return frozenset(found)


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _vocabulary(word: str) -> tuple[int, bool, bool]:
    """A vocabulary word's lemma rank, whether it is unfamiliar (and longer than two letters), whether long."""
    info = word_info((_PUNCTUATION.sub("", word) if "-" in word or "’" in word else word).lower())
    return info.rank, not info.familiar and len(word) > 2, info.syllables >= 3


def sentence_features(text: str, *, defined: frozenset[str] = frozenset()) -> SentenceFeatures:
    """The plain-language features of one sentence."""
    unfamiliar: list[Mark] = []
    long_words: list[Mark] = []
    ranks: list[int] = []
    names = 0
    first = True
    vocabulary = _vocabulary
    opening_name = False
    for match in _WORD.finditer(text):
        word = match.group()
        if first:
            first = False
            opening_name = word[0].isupper() and (
                _NEXT_CAPITALISED.match(text, match.end()) is not None or _place(word)
            )
        elif word[0].isupper():
            names += 1
            continue  # names are not vocabulary an editor can simplify
        rank, unfamiliar_word, long_word = vocabulary(word)
        ranks.append(rank)
        if opening_name:  # "Dennis Corrigan is …": no word to mark (counted as before for the estimate)
            opening_name = False
            continue
        if unfamiliar_word or long_word:
            mark = Mark(match.start(), match.end(), word)
            if unfamiliar_word:
                unfamiliar.append(mark)
            if long_word:
                long_words.append(mark)
    shouting = text.upper() == text
    acronyms = (
        []
        if shouting
        else [
            Mark(match.start(), match.end(), match.group())
            for match in _ACRONYM.finditer(text)
            if match.group() not in _KNOWN_ACRONYMS
            and match.group().rstrip("s") not in defined
            and match.group() not in defined
        ]
    )
    nominalisations = [
        Mark(match.start(), match.end(), match.group())
        for match in _NOMINAL.finditer(text)
        if match.group().lower().rstrip("s") not in _NOT_NOMINAL and match.group().lower() not in _NOT_NOMINAL
    ]
    passive = [Mark(match.start(), match.end(), match.group()) for match in _PASSIVE.finditer(text)]
    return SentenceFeatures(
        words=len(formula_words(text)),
        passive=tuple(passive),
        unfamiliar=tuple(unfamiliar),
        long_words=tuple(long_words),
        acronyms=tuple(acronyms),
        nominalisations=tuple(nominalisations),
        vocabulary_ranks=tuple(ranks),
        names=names,
        malformed=malformations(text),
    )
