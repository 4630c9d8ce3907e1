"""Flipped negations, changed modality and time, changed quantities and opposite words, within aligned
sentences.

For each alignment group (original sentences O, rewrite sentences R) the negative cues of each side are
counted: explicit negations ("not", "n't", "never", "no") and implicit ones ("failed", "unable", "unless",
"rather than"; :data:`evalkit.drift.facts.IMPLICIT_NEGATIONS`). A negation of one side is *removed* (or
*added*) when the other side has fewer negative cues in the group and one of these rules places it:

1. *scope*: the word it bears on ("not … delivered"; for a linking verb, its complement too: "will not become
   unemployed") stands on the other side, negated fewer times there;
2. *context*: its two neighbouring words stand next to each other on the other side ("was not more than" /
   "was more than"; the forms of "be", "have" and "do" stand for each other), more often than on its own
   side without a negation;
3. *clause*: the other side has no negative cue at all, yet keeps at least half of the content words of
   the negated clause (the negation went, the clause stayed);
4. *slot* (removals only): compared word by word (the whole sentence, then the clause holding the
   negation), the stretch that holds the negation was reworded in place, framed by unchanged words that
   include a content word on each side, into words without a negative cue, and the rewrite sentence has
   fewer negative cues than the original one ("he was sceptical about" / "he was sure about");
5. *double negation*: one side negates an implicit negation ("was not sceptical", "did not fail to pay")
   that stands alone on the other ("was sceptical", "failed to pay"), or negates a word with a hyphenated
   "un-" ("felt un-Brazilian" / "did feel Brazilian"), or denies a quantity the other asserts ("little
   teff" / "much teff", "few know" / "many know"): the two say opposite things;
6. *held values*: a number or date in the negated clause stands with the same value on the other side, in a
   clause without a negative cue before it ("has not raised $100 million" / "notched up $100m").

A negation bears on the words after it, an aside between commas or dashes skipped ("does not, as is often
assumed, work"); a cue in a phrase that negates nothing ("not only", "no doubt") negates no word.

A sentence the alignment left alone is compared with the other side's sentence that shares most of its
content words (at least three, and half of its own); a rewrite sentence that shares too few is compared
with each original sentence between those its aligned neighbours came from. A word negated anywhere in
what either of them is aligned with, in their lexical counterparts (the sentence that shares most
content words, as above), or in the rest of a split sentence next to what the original is aligned with
(sharing at least three content words with it), counts as negated there. A double negation ("do not dispense with")
counts as no negation, and so does a denied denial ("that is not to say rates will not change"). An
elliptical negation, which stands for words said before it ("Skype has calls, but BBM doesn't", "(which is
not)"), makes every word before it in its sentence count as negated too.

A rewrite that negates a word another way ("failed to deliver" / "did not deliver") or drops the negated clause with
its negation is not a flip: the first keeps the cue count, the second keeps no clause. A modal verb is changed when
one of another strength bears on the same word ("may close" / "will close"; "could" / "can" and "would" / "will" are
one step apart and pass), or an obligation becomes a permission or advice ("must wear" / "can wear", "must wear" /
"should wear"), and a "may", "might" or "could" when the verb it hedged stands as a fact in a rewrite sentence with
no hedge left ("could reduce" / "reduces"; :func:`_stated_as_fact`) or what it hedged is said after a "will" or
"must" the original lacks ("could be introduced" / "will be brought in"; :func:`_made_certain`), and so is a clause
a hedging verb puts in doubt ("is considering moving" / "will move", "is expected to rise" / "is going to rise";
:data:`_HEDGING_VERBS`); the other way round, a verb the original states as a fact that a rewrite "may", "might"
or "could" makes a possibility ("protects" / "may protect"; :func:`_made_possible`). A verb said of the future
on one side and of the past on the other ("will open" / "opened",
"has closed" / "will close") is a ``tense`` flip (:func:`_tense_changes`). An open question stated as a fact
("investigating whether the fire was started deliberately" / "say the fire was started deliberately") is a
``modality`` flip (:func:`_questions_answered`). A quantifier or frequency adverb of another strength is changed too
(:data:`QUANTITY`): "most people" / "all people", "often late" / "always late", "some schools" / "most schools";
"many" / "most" pass. Quantifiers that quantify nothing ("at all", "first of all", "the most important", "each
other") and negated ones ("not all": rules 1-6) are left out. A word replaced by its opposite (``opposites`` of
``drift_words.toml``: "rose" / "fell", "approved" / "rejected", "wife" / "husband", "father" / "brother"; and a word
against its "un" form, "safe" / "unsafe"; a phrasal verb read as the one word it says, "went up" as "rose",
"declined to comment" as "refused") is an ``opposite`` flip where the two stand in the same frame (a content word
shared within two words either side, the same nearest content word on one side, "the north of the country" / "the
south of the country", or one after a comparison's "than", "less than the national average" / "more than the
average") with as many explicit negations on both sides, the original's word is nowhere in what the rewrite sentence
is aligned with and the rewrite's not said for another of the original's words there. A verb of belief said as one
of knowledge or the other way round (``certainty``: "I think it will" / "I know it will", "suggests" / "shows",
"probably" / "definitely", "required" / "encouraged") is a ``modality`` flip by the same rule, its frame also met by
sentences that share most of their content words. And a negation of a word whose opposite stands on the other side
("did not rise" / "fell", "is not safe" / "is dangerous") is no flip: it says the same thing; "none", "no" or
"nobody" bears on the verb of its clause there too ("None of the passengers died" / "All the passengers survived").
A "not … without" ("should not have the vaccine without speaking to a GP") is a requirement: said plainly in a
sentence with no negative cue, it is no flip either; nor is a "not … unless" said as "only if" ("cannot park unless
they have a permit" / "can park only if they have a permit"), nor a negated relative clause that picks out part of a
group, said as "the others" ("families who do not qualify" / "other families"), nor a negation the other side says
without one ("not enough" / "too few", "must not pay less than" / "at least"; :func:`_said_without_negation`). A
comparison turned round with its degree ("prices rose faster than wages" / "wages rose more slowly than prices") is
no opposite flip."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cached_property, lru_cache
from itertools import filterfalse, islice

from evalkit.drift.facts import (
    ASIDE,
    BARE_CONTRACTION,
    BREAK_WINDOW,
    CLAUSE_BREAK,
    IMPLICIT_NEGATIONS,
    MODALS,
    NOT_SCOPES,
    SPEECH_STEMS,
    Fact,
    content_stems,
    paired_words,
    spelled_value,
    words,
)
from evalkit.drift.facts import stem as fact_stem
from evalkit.drift.roles import POINTING_BACK, turned_round
from evalkit.lexicon import LETTER, irregular_verb_forms, zipf

_WORDS = re.compile(rf"[{LETTER}][\w'’-]*")

#: An adjective in "-able" and the verb it is made from, in the order tried: "rely" / "reliable", "forget" /
#: "forgettable", "afford" / "affordable", "desire" / "desirable" (a plain base of four letters at least,
#: so "notable" is not "not" and "capable" not "cap").
_ABLE = (
    (re.compile(r"(?P<base>[a-z]{2,})iable"), ("y",)),
    (re.compile(r"(?P<base>[a-z]{3,}(?P<last>[b-df-hj-np-tv-z]))(?P=last)able"), ("",)),
    (re.compile(r"(?P<base>[a-z]{4,})able"), ("", "e")),
)
#: How common the verb must be (Zipf) for its "-able" adjective to be read as it: a partial base ("veget",
#: "sustainabl") is no verb.
ABLE_BASE_ZIPF = 3.5


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The drift engine's stem (:func:`evalkit.drift.facts.stem`), with an adjective in "-able" read as
    the verb it is made from, so that "would not be affordable" and "could afford", or "is not acceptable"
    and "accepted", say the same thing one way and the other (rule 1 needs the scope word on both sides)."""
    lower = word.lower()
    if lower.endswith("able"):
        for pattern, endings in _ABLE:
            found = pattern.fullmatch(lower)
            verbs = [found.group("base") + ending for ending in endings] if found is not None else []
            for verb in verbs:
                if zipf(verb) >= ABLE_BASE_ZIPF:
                    return fact_stem(verb)
    return fact_stem(word)


_WORD_BEFORE = re.compile(r"([\w’']+)\s*$")
_WORD_AFTER = re.compile(r"\s*([\w’']+)")
#: A negation that ends its clause, its verb left out ("but BBM doesn't; Path does"): rule 2 reads the
#: punctuation as its right neighbour.
_ELLIPSIS = re.compile(r"([;,.:!?])")
#: Punctuation that ends a clause; a comma or full stop inside a number ("700,000", "2.1") does not.
_CLAUSE_STOP = re.compile(r"(?<!\d)[.,]|[.,](?!\d)|[;:!?()—–\"“”]")
#: How strongly a modal verb commits to what it bears on; a change of two steps ("may" -> "will",
#: "could" -> "must") changes what is claimed, a change of one ("could" -> "can", "would" -> "will") does not.
CERTAINTY = {"possible": 0, "conditional": 1, "able": 1, "advisable": 1, "certain": 2, "necessary": 2}
AUXILIARIES = words("auxiliaries_before")
_NEGATIVE_PHRASES = re.compile(
    r"\b(?:rather than|instead of|far from|free of|apart from|regardless of|no matter|wary of"
    r"|remains? to be seen|(?:stay|stays|stayed|staying|keep|keeps|kept|keeping|steer|steers|steered)"
    r"(?:\s+[\w’'-]+){0,4}?\s+(?:away|clear)|(?:has|have|had|is|are|was|were)\s+yet\s+to"
    r"|(?:wear|wears|wore|worn|wearing)\s+off)\b",
    re.IGNORECASE,
)
#: A comparison negated in place, which no negation fact stands for: "is no more than", "not less than".
_NEGATED_COMPARISON = re.compile(r"\bno(?:t)?\s+(?:more|less|fewer|greater|higher|lower)\s+than\b", re.I)
_EXPLICIT = frozenset({"never", "no", "not", "none", "nobody", "nothing", "nowhere", "neither", "nor",
                       "without",
                       "cannot"})  # fmt: skip
#: Implicit negations strong enough to count as a negation that a rewrite may drop (rule 3).
STRONG_IMPLICIT = words("strong_implicit_negations")
WEAK_IMPLICIT = words("weak_implicit_negations")


@dataclass(frozen=True, slots=True)
class Flip:
    """One flipped negation or changed modal: the cue on its side and where the other side stands."""

    kind: str  # negation-removed | negation-added | modality | quantity | opposite
    original: Fact  # a negation fact, or a pseudo-fact for the words of the original
    rewrite: Fact
    message: str


@dataclass(frozen=True)
class _Side:
    texts: Sequence[str]
    facts: Sequence[Sequence[Fact]]

    @cached_property
    def _words(self) -> list[list[str]]:
        return [_WORDS.findall(text) for text in self.texts]

    @cached_property
    def _cues(self) -> list[int]:  # the words as read: "turned down" is "rejected", "declined to go" "refused"
        return [
            _negative_cues(text, facts, words)
            for text, facts, words in zip(self.texts, self.facts, self._lower, strict=True)
        ]

    @cached_property
    def _stems(self) -> list[frozenset[str]]:
        return [frozenset(map(stem, words)) for words in self._lower]

    @cached_property
    def _content(self) -> list[frozenset[str]]:
        return [frozenset(map(stem, filterfalse(_function_word, words))) for words in self._words]

    @cached_property
    def _lower(self) -> list[list[str]]:
        return [_one_word_verbs([word.lower() for word in words]) for words in self._words]

    @cached_property
    def _lower_sets(self) -> list[frozenset[str]]:
        return [frozenset(words) for words in self._lower]

    def lower(self, sentence: int) -> list[str]:
        """A sentence's words (``_WORDS``) in lower case."""
        return self._lower[sentence]

    def holds_any(self, sentence: int, words: frozenset[str]) -> bool:
        """Whether a sentence has one of ``words`` (lower case)."""
        return not self._lower_sets[sentence].isdisjoint(words)

    @cached_property
    def _quantified(self) -> list[list[tuple[int, str, str, int, int]] | None]:
        return [None] * len(self.texts)

    def quantifiers(self, sentence: int) -> list[tuple[int, str, str, int, int]]:
        """:func:`_quantifiers` of a sentence (cached)."""
        cached = self._quantified[sentence]
        if cached is None:
            holds = self.holds_any(sentence, _QUANTIFIER_WORDS)
            cached = self._quantified[sentence] = _quantifiers(self, sentence) if holds else []
        return cached

    @cached_property
    def _timed(self) -> list[list[tuple[str, str | None, int, int]] | None]:
        return [None] * len(self.texts)

    def verb_times(self, sentence: int) -> list[tuple[str, str | None, int, int]]:
        """:func:`_verb_times` of a sentence (cached)."""
        cached = self._timed[sentence]
        if cached is None:
            cached = self._timed[sentence] = _verb_times(self, sentence)
        return cached

    def says_future(self, sentence: int) -> bool:
        """Whether a sentence has a word that puts a verb in the future ("will", "'ll", "expects")."""
        return self.holds_any(sentence, _FUTURE_WORDS) or any(_APOSTROPHE_LL.search(w) for w in self.lower(sentence))

    def content(self, sentence: int) -> frozenset[str]:
        """Stems of a sentence's content words (function words left out)."""
        return self._content[sentence]

    def cues(self, sentences: Sequence[int]) -> int:
        return sum(self._cues[i] for i in sentences)

    def stems(self, sentences: Sequence[int]) -> set[str]:
        return set().union(*(self._stems[i] for i in sentences))


#: Phrasal verbs of going up or down, each form with the one-word verb it says ("went up" is "rose"; the
#: tables of opposites list one-word verbs), and "declined to", which is "refused to", not "fell".
_PHRASAL_VERBS = {
    (verb, particle): said
    for particle, forms in (
        ("up", (("go", "rise"), ("goes", "rises"), ("went", "rose"), ("gone", "risen"), ("going", "rising"))),
        ("down", (("go", "fall"), ("goes", "falls"), ("went", "fell"), ("gone", "fallen"), ("going", "falling"),
                  ("come", "fall"), ("comes", "falls"), ("came", "fell"), ("coming", "falling"))),
        ("to", (("decline", "refuse"), ("declines", "refuses"), ("declined", "refused"), ("declining", "refusing"))),
        ("from", (("up", "rose"), ("down", "fell"))),  # "2.4km, down from 3.1km"
        ("down", (("turn", "reject"), ("turns", "rejects"), ("turned", "rejected"), ("turning", "rejecting"))),
    )
    for verb, said in forms
}  # fmt: skip


#: Phrasal verbs whose particle may follow a short object ("turned the offer down"), each form with the
#: one-word verb it says.
_SEPARABLE = {(verb, particle): said for (verb, particle), said in _PHRASAL_VERBS.items() if verb.startswith("turn")}
#: Words that open a short object between a verb and its particle ("turned *the novel* down", "turned *it* down").
_OBJECT_OPENERS = frozenset(("the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that"))
_OBJECT_PRONOUNS = frozenset(("it", "them", "him", "her", "us", "me", "you", "this", "that"))


def _one_word_verbs(words: list[str]) -> list[str]:
    """A sentence's words (lower case) with the verb of a phrasal verb of :data:`_PHRASAL_VERBS` read as the
    one-word verb it says ("prices went up" as "prices rose up"; "turned the plan down", with a pronoun or
    a short noun phrase between verb and particle, as "rejected the plan down"); as many words, so
    indices still hold."""
    said = list(words)
    for k, word in enumerate(words[:-1]):
        one = _PHRASAL_VERBS.get((word, words[k + 1]))
        if one is not None and (words[k + 1] != "to" or _verb_after_to(words, k + 2)):
            said[k] = one
            continue
        particle = _separated_particle(words, k)
        if particle is not None:
            said[k] = _SEPARABLE[(word, particle)]
    return said


def _separated_particle(words: Sequence[str], k: int) -> str | None:
    """The particle of a :data:`_SEPARABLE` verb at ``k`` that follows its short object: a pronoun, or a
    determiner and at most two words ("turned it down", "turned the novel down")."""
    for gap in (1, 2, 3):
        at = k + 1 + gap
        if at >= len(words) or (words[k], words[at]) not in _SEPARABLE:
            continue
        between = words[k + 1 : at]
        if (gap == 1 and between[0] in _OBJECT_PRONOUNS) or (
            gap > 1 and between[0] in _OBJECT_OPENERS and not any(_function_word(w) for w in between[1:])
        ):
            return words[at]
    return None


def _verb_after_to(words: Sequence[str], k: int) -> bool:
    """Whether the ``k``-th word may be the verb of "declined to …" ("declined to comment"), not where a
    fall ended ("declined to £5m", "declined to five per cent", "declined to a record low")."""
    return (
        k < len(words)
        and len(words[k]) >= 3
        and not _function_word(words[k])
        and words[k] not in _NOT_VERBS_AFTER_TO
        and spelled_value(words[k]) is None
    )


#: Words after "declined to" that say where a fall ended, not what was refused.
_NOT_VERBS_AFTER_TO = frozenset(("per", "cent", "percent", "record", "zero", "levels", "level", "lows", "low", "just"))


def double_negation(fact: Fact) -> bool:
    """A negation of an implicit negation ("do not dispense with", "did not fail to"): the two cancel. Not
    one of a noun after an article ("without a ban" says there is none, as "without it being a rule")."""
    scope = str(fact.detail.get("scope") or "").lower()
    return (
        fact.kind == "negation"
        and scope in IMPLICIT_NEGATIONS
        and scope not in _EXPLICIT
        and not fact.detail.get("scope_is_noun")
    )


def negative_cues(text: str, facts: Sequence[Fact]) -> int:
    """Negations in a sentence, explicit ("not", "never") and implicit ("failed", "unable", "rather than");
    a double negation ("do not dispense with") counts as none."""
    return _negative_cues(text, facts, _WORDS.findall(text))


def says_no(text: str, facts: Sequence[Fact]) -> bool:
    """Whether a sentence or clause negates something outright: an explicit negation that is not half of a
    double negation, or a strong implicit one ("failed", "prevent", "unless"). Contrasts ("rather than") and
    weak cues ("few", "despite") do not count."""
    if next(_plain_negations(facts), None) is not None:
        return True
    return any(word.lower() in STRONG_IMPLICIT for word in _WORDS.findall(text))


def _negative_cues(text: str, facts: Sequence[Fact], words: Sequence[str]) -> int:
    """:func:`negative_cues` of a sentence whose words (``_WORDS``) are at hand."""
    explicit = _explicit(facts)
    doubles = sum(1 for f in facts if f.category == "negation" and double_negation(f)) + _failed_to(words)
    implicit = sum(map(_implicit_negation, words))  # booleans count as 0 and 1
    prefixed = sum(1 for word in words if _NEGATIVE_PREFIX.match(word))
    phrases = len(_NEGATIVE_PHRASES.findall(text)) + len(_NEGATED_COMPARISON.findall(text))
    return explicit + implicit + prefixed + phrases - 2 * doubles


#: Verbs of not doing that, before "to" and an implicit negation, cancel it as "not" would: "failed to stop
#: the disease" says what "did not stop the disease" says.
_NOT_DOING = words("not_doing")


def _failed_to(words: Sequence[str]) -> int:
    """How many implicit negations a verb of not doing negates ("failed to stop", "refused to ban")."""
    return sum(
        1
        for first, to, second in zip(words, words[1:], words[2:], strict=False)
        if to.lower() == "to" and first.lower() in _NOT_DOING and _implicit_negation(second)
    )


#: A word negated by a hyphenated "un-" ("un-Brazilian", "un-American"): the word after the hyphen, negated.
#: Not "non-": its compounds are names of things ("non-profit organisation", "non-stop flight").
_NEGATIVE_PREFIX = re.compile(r"un-([A-Za-z]+)$", re.IGNORECASE)


@lru_cache(maxsize=65536)
def _un_adjective(word: str) -> bool:
    """A word negated by an "un" written solid, whose rest is a common word ("unavailable", "unsafe",
    "unemployed"): it negates as "not available" does. Not counted among a sentence's negative cues (that
    hid flips elsewhere in its sentence: "their unquestioned contribution … were selected" / "were not
    chosen"), but a stretch that holds one already says the negation."""
    lower = word.lower()
    base = _un_base(lower)
    return base is not None and lower not in IMPLICIT_NEGATIONS and zipf(base) >= 3.5


def _un_base(lower: str) -> str | None:
    """The word a lower-case word negates with a solid "un" ("unsafe" -> "safe"), if it is one: at least
    four letters after the "un", and not a word that only begins so (:data:`_NOT_UN_PREFIXED`)."""
    if lower.startswith("un") and len(lower) >= 6 and lower.isalpha() and lower not in _NOT_UN_PREFIXED:
        return lower[2:]
    return None


@lru_cache(maxsize=65536)
def _implicit_negation(word: str) -> bool:
    lower = word.lower()
    return (lower in IMPLICIT_NEGATIONS and lower not in _EXPLICIT) or _FREE_OF.fullmatch(lower) is not None


#: A compound in "-free" says "without": "tax-free" is "no tax", "smoke-free" "no smoking".
_FREE_OF = re.compile(r"[a-z]{2,}-free")


@lru_cache(maxsize=65536)
def _function_word(word: str) -> bool:
    return word.lower() in NOT_SCOPES


def scope_stem(fact: Fact) -> str:
    return stem(str(fact.detail.get("scope") or ""))


#: Verbs that say little by themselves: what a negation of them bears on is their complement too ("will not
#: become unemployed" negates "unemployed", "never been shocked" is read past "been" already).
LIGHT_VERBS = words("light_verbs")


def complement(fact: Fact, text: str) -> tuple[int, int] | None:
    """The complement of a negated light verb ("unemployed" in "will not become unemployed"): the first
    word within two after the scope word that is not a function word or auxiliary."""
    span = fact.detail.get("scope_span")
    if not isinstance(span, tuple) or str(fact.detail.get("scope") or "").lower() not in LIGHT_VERBS:
        return None
    for count, match in enumerate(_WORDS.finditer(text, int(span[1]))):
        if count >= 2:
            return None
        word = match.group().lower()
        if word not in NOT_SCOPES and word not in AUXILIARIES:
            return match.span()
    return None


def _scopes(fact: Fact, text: str) -> list[tuple[str, tuple[int, int] | None]]:
    """What a negation bears on, as (word, span): its scope word, then a light verb's complement."""
    span = fact.detail.get("scope_span")
    scopes = [(str(fact.detail.get("scope") or ""), span if isinstance(span, tuple) else None)]
    extra = complement(fact, text)
    if extra is not None:
        scopes.append((text[extra[0] : extra[1]].lower(), extra))
    return scopes


def _comparable_scope(scope: str, span: tuple[int, int] | None, text: str) -> bool:
    """A scope worth comparing: not a function word, a number or a name ("nor … Douville")."""
    if span is not None and text[int(span[0]) : int(span[0]) + 1].isupper():
        return False
    return len(scope) >= 3 and scope not in NOT_SCOPES and not scope.isdigit()


#: The cues that may stand for a verb said before them ("some do not", not "made from nothing").
_ELLIPTICAL_CUES = frozenset(("not", "n't", "n’t", "nt"))
#: What may follow a negation that bears on words said before it: the end of its clause.
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)”\"—–]|$)")


def _elliptical(fact: Fact, text: str) -> bool:
    """A negation whose words were said before it ("but BBM doesn't;", "(which is not)", "some do not."):
    nothing follows it in its clause."""
    return (
        fact.category == "negation"
        and fact.kind == "negation"
        and fact.text.lower() in _ELLIPTICAL_CUES
        and fact.detail.get("scope_span") is None
        and _CLAUSE_END.match(text, fact.end) is not None
    )


def occurrences(text: str, facts: Sequence[Fact], scope: str) -> list[tuple[int, int, bool]]:
    """Every occurrence of a scope word in a sentence: (start, end, negated), negated when a negation fact
    bears on it, or a negation ("not", "don't") or strong implicit negation ("failed", "unable") stands
    within five words before it, or an elliptical negation (:func:`_elliptical`) after it ("have allergies
    (which can be dangerous), when they have an intolerance (which is not)": "dangerous" is said both
    ways)."""
    negations = [f for f in facts if f.category == "negation" and f.kind == "negation"]
    negated_at = {int(span[0]) for f in negations for _, span in _scopes(f, text) if span is not None}
    last_ellipsis = max((f.start for f in negations if _elliptical(f, text)), default=-1)
    # the five words after an explicit cue, an aside right after it skipped ("not, in our view, the public")
    reach = {start for f in negations for start, _ in _reach(text, f.end)}
    words = list(_WORDS.finditer(text))
    found = []
    for index, match in enumerate(words):
        if stem(match.group()) != scope:
            continue
        window = words[max(0, index - 5) : index]
        negated = (
            match.start() in negated_at
            or any(
                # explicit cues count through their facts below, which leave out "not only", "no doubt"
                (word in IMPLICIT_NEGATIONS and word not in WEAK_IMPLICIT and word not in _EXPLICIT)
                or _contracted_negation(word)
                for word in (before.group().lower() for before in window)
            )
            # an explicit negation cue within five words before it, as "n't" ("should not be assigned a name")
            or match.start() in reach
            or match.end() <= last_ellipsis
        )
        found.append((match.start(), match.end(), negated))
    return found


#: Where a negation's reach ends: a clause break, or a word that opens a subordinate clause ("it is not
#: certain that Everest can take more": "take" is not negated).
_REACH_BREAK = re.compile(CLAUSE_BREAK.pattern + r"|\b(?:that|whether|which|who|because|although|though)\b")
#: How many words after an explicit cue it negates.
REACH_WORDS = 5


def _reach(text: str, end: int) -> list[tuple[int, int]]:
    """The five words after a negation cue ending at ``end``, asides between commas or dashes
    skipped ("does not serve, in our view, the public interest")."""
    spans: list[tuple[int, int]] = []
    stop = _REACH_BREAK.search(text, end, end + BREAK_WINDOW)
    limit = stop.start() if stop else len(text)
    while len(spans) < REACH_WORDS:
        aside = ASIDE.match(text, end)
        if aside is not None and aside.end() > limit:  # an aside: a dash pair, not a clause break
            stop = _REACH_BREAK.search(text, aside.end(), aside.end() + BREAK_WINDOW)
            limit = stop.start() if stop else len(text)
        match = _WORDS.search(text, aside.end() if aside else end, limit)
        if match is None:
            break
        spans.append(match.span())
        end = match.end()
    return spans


def _negation_word(word: str) -> bool:
    """An explicit negation cue, written out or contracted ("not", "never", "didn't")."""
    lowered = word.lower()
    return lowered in _EXPLICIT or _contracted_negation(lowered)


def _contracted_negation(word: str) -> bool:
    """A negative contraction ("don't", "can’t"), also without its apostrophe ("dont")."""
    return word.endswith(("n't", "n’t")) or BARE_CONTRACTION.fullmatch(word) is not None


def _pseudo(sentence: int, start: int, end: int, texts: Sequence[str]) -> Fact:
    text = texts[sentence][start:end]
    return Fact("negation", sentence, start, end, text, ("word", text.lower()), {"kind": "negation"})


def _with_head(fact: Fact, texts: Sequence[str]) -> Fact:
    """A negation fact widened to its auxiliary ("is not", "doesn't")."""
    head = fact.detail.get("head_span")
    start = min(int(head[0]), fact.start) if isinstance(head, tuple) else fact.start
    return Fact(
        "negation",
        fact.sentence,
        start,
        fact.end,
        texts[fact.sentence][start : fact.end],
        fact.key,
        fact.detail,
    )


_LAST_WORDS = re.compile(rf"((?:[{LETTER}’']+\s+){{1,4}})$")
_LETTERS = re.compile(rf"[{LETTER}’']+")
#: Words that join two clauses: an auxiliary before one belongs to the clause before it.
_COORDINATORS = frozenset(("and", "or", "but", "nor"))


def _with_auxiliary(text: str, start: int) -> int:
    """Start of the auxiliaries nearest before ``start``, up to four words back and within its clause, where
    a removed negation stood; a finite one before "to" ("are just practical": the start of "are"; "would
    have been possible": of "would"; "are enough to solve": of "are"; "decided to sell": of "to"; "agreed
    to the plan and agreed": none, as "to" belongs to the first "agreed"); otherwise ``start``."""
    match = _LAST_WORDS.search(text, 0, start)
    if match is None:
        return start
    words = list(_LETTERS.finditer(match.group(1)))
    for coordinator in reversed(range(len(words))):
        if words[coordinator].group().lower() in _COORDINATORS:
            words = words[coordinator + 1 :]
            break
    auxiliaries = [i for i, word in enumerate(words) if word.group().lower() in AUXILIARIES]
    finite = [i for i in auxiliaries if words[i].group().lower() != "to"]
    if not auxiliaries:
        return start
    first = (finite or auxiliaries)[-1]
    while first > 0 and first - 1 in auxiliaries:  # "would have been"
        first -= 1
    return match.start(1) + words[first].start()


#: The forms of "be", "have" and "do" stand for each other in rule 2: a rewrite changes tense and number
#: ("this is not also having" / "weather patterns are also having").
_FORMS = {
    form: "|".join(forms)
    for forms in (
        ("is", "are", "was", "were", "am", "be", "been"),
        ("has", "have", "had"),
        ("does", "do", "did"),
    )
    for form in forms
}


def _context(fact: Fact, text: str, other: _Side, sentences: Sequence[int]) -> tuple[int, int, int] | None:
    """Rule 2: where the other side has the negation's two neighbours side by side (and more often than
    this sentence has them side by side without a negation: "wasn't there but is there now")."""
    before = _WORD_BEFORE.search(text, 0, fact.start)
    after = _WORD_AFTER.match(text, fact.end) or _ELLIPSIS.match(text, fact.end)
    if before is None or after is None:
        return None
    first, second = before.group(1), after.group(1)
    if fact.text.lower() in ("n't", "n’t", "nt"):
        first = {"ca": "can", "wo": "will", "sha": "shall"}.get(first.lower(), first)
    forms = _FORMS.get(first.lower(), re.escape(first))
    pattern = re.compile(
        rf"\b(?:{forms})\s+{re.escape(second)}\b" if second[0].isalnum() else rf"\b(?:{forms}){re.escape(second)}",
        re.IGNORECASE,
    )
    found = [(index, match) for index in sentences for match in pattern.finditer(other.texts[index])]
    if len(found) <= len(pattern.findall(text)):
        return None
    index, match = found[0]
    return index, match.start(), match.end()


#: Rule 6's facts: values a clause claims. Not names: a name is what a text is about, in clause after clause.
HELD = ("number", "date")
#: Where rule 6's negated clause ends: punctuation, or a word that opens another clause ("not certain that").
_HELD_STOP = re.compile(_CLAUSE_STOP.pattern + r"|\b(?:that|which|who|whether|if|because|when|while|but|and)\b")


def _held_facts(
    fact: Fact, text: str, facts: Sequence[Fact], other: _Side, sentences: Sequence[int], *, widen: bool
) -> tuple[int, int, int] | None:
    """Rule 6: a number or date in the negated clause (within five words after the cue, up to the next
    punctuation or conjunction) that the other side states with the same value in a clause without a
    negative cue before it ("has not raised $100 million" / "notched up $100m"); there, the fact and up
    to six words before it."""
    stop = _HELD_STOP.search(text, fact.end)
    reach = _reach(text, fact.end)
    end = min(stop.start() if stop else len(text), reach[-1][1] if len(reach) == REACH_WORDS else len(text))
    held = [f for f in facts if f.category in HELD and fact.end <= f.start < end and not _zero(f)]
    for mine in held:
        for index in sentences:
            for theirs in other.facts[index]:
                if theirs.category != mine.category or theirs.key != mine.key:
                    continue
                start = _clause_start(other.texts[index], theirs.start)
                if _negative_before(other.texts[index], other.facts[index], start, theirs.start):
                    continue
                before = [m.start() for m in _WORDS.finditer(other.texts[index], start, theirs.start)][-6:]
                begin = before[0] if before else theirs.start  # up to six words before it
                return index, _with_auxiliary(other.texts[index], theirs.start) if widen else begin, theirs.end
    return None


def _zero(fact: Fact) -> bool:
    """A number of value zero: a negation of quantity itself ("will not get to zero" / "achieve zero")."""
    return fact.category == "number" and fact.key[-1] == 0


def _clause_start(text: str, position: int) -> int:
    """Where the clause holding ``position`` starts: after the last clause punctuation before it."""
    last = 0
    for stop in _CLAUSE_STOP.finditer(text, 0, position):
        last = stop.end()
    return last


def _negative_before(text: str, facts: Sequence[Fact], start: int, end: int) -> bool:
    """An explicit negation, or an implicit one that is not weak, between ``start`` and ``end``."""
    if any(f.kind == "negation" and start <= f.start < end for f in facts if f.category == "negation"):
        return True
    if _NEGATED_COMPARISON.search(text, start, end):  # "no more than €15,000" / "must not earn more than"
        return True
    return any(
        _implicit_negation(word) and word.lower() not in WEAK_IMPLICIT for word in _WORDS.findall(text, start, end)
    )


#: Words of a clause: a compound of two parts as its parts ("pregnancy-related"), one of more as a unit
#: ("use-it-or-lose-it").
_CLAUSE_WORDS = re.compile(rf"[{LETTER}][\w'’]*(?:-[\w'’]+){{2,}}|[{LETTER}][\w'’]*|\d[\d,.]*\d|\d")


def _clause_words(text: str, end: int, most: int = 6) -> list[str]:
    """Content stems of the clause after a negation (up to ``most`` content words, to the next
    punctuation)."""
    stop = _CLAUSE_STOP.search(text, end)
    words = _CLAUSE_WORDS.findall(text, end, stop.start() if stop else len(text))
    return [stem(word) for word in words if word.lower() not in NOT_SCOPES and len(word) > 1][:most]


#: "if" and the words it governs, up to four, before a scope word (``_unless_as_if``).
_IF_BEFORE = re.compile(r"\bif\b(?:\W+\w+){0,3}?\W+$", re.IGNORECASE)


def _unless_as_if(text: str, end: int, other: _Side, sentences: Sequence[int]) -> tuple[int, int, int] | None:
    """Rule 3 for "unless" ("if not") with one content word after it, which rule 3 needs two of: the
    other side says that word after a plain "if" ("donated unless they opt out" / "donate their organs, if
    they have opted out"). Called only when the other side has no negative cue at all."""
    scope = _clause_words(text, end)[:1]
    if not scope:
        return None
    for index in sentences:
        other_text = other.texts[index]
        for match in _WORDS.finditer(other_text):
            if stem(match.group()) != scope[0]:
                continue
            condition = _IF_BEFORE.search(other_text, max(0, match.start() - 40), match.start())
            if condition is not None:
                return (index, condition.start(), match.end())
    return None


_IF = re.compile(r"\bif\b", re.IGNORECASE)


def _condition(where: tuple[int, int, int], texts: Sequence[str]) -> tuple[int, int, int]:
    """An "unless" said as a plain "if": shown as the condition, from "if" to the end of its clause ("if
    development policies do focus on the chronically poor"), wherever the rule found the stretch that
    holds the "if"; else as found."""
    sentence, start, end = where
    text = texts[sentence]
    found = _IF.search(text, start, end)
    if found is None:
        return where
    stop = _CLAUSE_STOP.search(text, found.end())
    return (sentence, found.start(), stop.start() if stop else len(text.rstrip()))


def _clause(fact: Fact, text: str, other: _Side, sentences: Sequence[int]) -> tuple[int, int, int] | None:
    """Rule 3: the sentence of ``sentences`` that keeps at least two thirds (and at least two) of the
    negated clause's content words within a stretch twice the clause's length, and the range of the kept
    words there (widened back to an auxiliary)."""
    clause = set(_clause_words(text, fact.end))
    if len(clause) < 2:
        return None
    best: tuple[int, int, int] | None = None
    best_kept = 0
    for index in sentences:
        words = list(_CLAUSE_WORDS.finditer(other.texts[index]))
        hits = [position for position, m in enumerate(words) if stem(m.group()) in clause]
        for first in range(len(hits)):
            window = [h for h in hits[first:] if h - hits[first] < 2 * len(clause) + 2]
            kept = {stem(words[h].group()) for h in window}
            if len(kept) >= 2 and len(kept) >= 2 * len(clause) / 3 and len(kept) > best_kept:
                best_kept = len(kept)
                start = _with_auxiliary(other.texts[index], words[window[0]].start())
                best = (index, start, words[window[-1]].end())
    return best


#: Rule 4: the most words a reworded stretch holding a negation may have (the rewrite's side: two more),
#: and the fewest unchanged words that must frame it (at least one on each side).
SLOT_WORDS = 6
SLOT_FRAME = 3
#: The only words a stretch deleted with its negation may hold for rule 4: the negation and auxiliaries.
_NEGATION_WORD = re.compile(r"not|never|no|[a-z]*n[’']t|cannot|" + BARE_CONTRACTION.pattern)
_IDIOM_AFTER = re.compile(r" (?:that|this)\b")  # "failing that", "despite this": read as a unit
#: Words that may negate by their form ("unimaginable", "inability", "disagree", "careless").
_NEGATIVE_AFFIX = re.compile(r"(?:un|in|im|il|ir|dis|non|mis)[a-z]{4,}|[a-z]{3,}less$")


def _slot(
    start: int, end: int, text: str, cues: int, other: _Side, sentences: Sequence[int]
) -> tuple[int, int, int] | None:
    """Rule 4: the negated words (``text[start:end]``) were reworded in place. A word-by-word comparison
    of the sentence with each of ``sentences`` finds the stretch that holds them replaced (or deleted) by
    at most :data:`SLOT_WORDS` words without a negative cue, framed by unchanged words (at least
    :data:`SLOT_FRAME` together, one on each side, each side with a content word): "2030 unless
    countries" / "2030 if countries", "he was sceptical about" / "he was sure about". The clause that holds
    the negation is compared alone too, for a rewrite that split it out of a long sentence. Only sentences with
    fewer negative cues than this one's ``cues`` are compared (a negation moved elsewhere in the sentence,
    "unless they prioritise" / "if they don't focus", is no flip). Returns where the other side's stretch
    stands in the first sentence that has one."""
    own = list(_WORDS.finditer(text))
    at = next((k for k, match in enumerate(own) if match.end() > start), None)  # the first negated word
    if at is None or own[at].start() >= end:
        return None
    # the whole sentence, then the clause holding the negation alone (a long original sentence against
    # the short part a rewrite split out of it: "…, and rents are not to be increased during the first
    # year" / "Their rent will go up in the first year")
    before = _CLAUSE_STOP.search(text[::-1], len(text) - start)
    after = _CLAUSE_STOP.search(text, end)
    first = len(text) - before.start() if before else 0
    last = after.start() if after else len(text)
    clause = [k for k, match in enumerate(own) if first <= match.start() and match.end() <= last]
    views = [own]
    if clause and len(clause) < len(own):
        views.append(own[clause[0] : clause[-1] + 1])
    for index in sentences:
        if other.cues([index]) >= cues:
            continue
        other_text = other.texts[index]
        theirs = list(_WORDS.finditer(other_text))
        their_stems = [stem(match.group()) for match in theirs]
        ellipses = [f.start for f in other.facts[index] if _elliptical(f, other_text)]
        for view in views:
            found = _slot_in(view, view.index(own[at]), text, start, end, other_text, theirs, their_stems)
            if found is not None and not any(found[1] <= position for position in ellipses):
                return (index, *found)  # not with an elliptical negation after it ("have X, but BBM doesn't")
    return None


def _slot_in(
    own: list[re.Match[str]],
    at: int,
    text: str,
    start: int,
    end: int,
    other_text: str,
    theirs: list[re.Match[str]],
    their_stems: list[str],
) -> tuple[int, int] | None:
    """Rule 4 for one view of the negated sentence's words (``own``, the negation's first word at ``at``)
    against one sentence of the other side: where the other side's stretch stands, if it is a slot."""
    own_stems = [stem(match.group()) for match in own]
    opcodes = SequenceMatcher(None, own_stems, their_stems, autojunk=False).get_opcodes()
    for position, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if not i1 <= at < i2 or tag not in ("replace", "delete"):
            continue
        if i2 - i1 > SLOT_WORDS or j2 - j1 > SLOT_WORDS + 2:
            return None
        if tag == "delete" and any(
            not (_NEGATION_WORD.fullmatch(word := match.group().lower()) or word in AUXILIARIES) for match in own[i1:i2]
        ):
            return None  # words went with the negation: detail dropped, not a flip
        before = opcodes[position - 1] if position > 0 else None
        after = opcodes[position + 1] if position + 1 < len(opcodes) else None
        frame_before = before[2] - before[1] if before and before[0] == "equal" else 0
        frame_after = after[2] - after[1] if after and after[0] == "equal" else 0
        if min(frame_before, frame_after) < 1 or frame_before + frame_after < SLOT_FRAME:
            return None
        if not all(  # each frame holds a content word: "we … those drafts" frames any rewording
            any(match.group().lower() not in NOT_SCOPES for match in own[i : i + size])
            for i, size in ((i1 - frame_before, frame_before), (i2, frame_after))
        ):
            return None
        replaced = [match.group().lower() for match in theirs[j1:j2]]
        if any(
            word in IMPLICIT_NEGATIONS or _contracted_negation(word) or _NEGATIVE_AFFIX.match(word) for word in replaced
        ):
            return None
        if tag == "replace":  # widened back to an auxiliary, where the lost "not" stood ("was sure")
            stop = theirs[j2 - 1].end()
            if text[start:end].lower() == "unless" and replaced == ["if"]:
                # "unless" is "if not": the lost "not" belonged to the verb after "if" ("if they do try")
                verb = next((m for m in theirs[j2 : j2 + 4] if m.group().lower() in AUXILIARIES), None)
                stop = verb.end() if verb is not None else stop
            return (_with_auxiliary(other_text, theirs[j1].start()), stop)
        # the negation went alone: show the words either side of the gap
        return (theirs[max(0, j1 - 1)].start(), theirs[min(len(theirs), j1 + 1) - 1].end())
    return None


def _groups(
    groups_o: Sequence[Sequence[int]], groups_r: Sequence[Sequence[int]]
) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Alignment groups as (original sentences, rewrite sentences), each once."""
    seen: set[tuple[tuple[int, ...], tuple[int, ...]]] = set()
    for index, group in enumerate(groups_o):
        if not group:
            continue
        sources = {i for j in group for i in (groups_r[j] if j < len(groups_r) else ())} | {index}
        seen.add((tuple(sorted(sources)), tuple(sorted(group))))
    return sorted(seen)


#: A sentence the alignment left alone is compared with the other side's sentence that shares most of its
#: content words, when that is at least this many words and this share of its own content words.
COUNTERPART_WORDS = 3
COUNTERPART_SHARE = 0.5


def _counterparts(
    side_o: _Side, side_r: _Side, groups_o: Sequence[Sequence[int]], groups_r: Sequence[Sequence[int]]
) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Unaligned sentences paired with their closest sentence on the other side by shared content words,
    so a negation flipped in a sentence the alignment missed ("This is [not] expected to happen before the
    end of March", split out of a long original sentence) is still compared with its source."""
    aligned_r = {j for group in groups_o for j in group} | {j for j, group in enumerate(groups_r) if group}
    aligned_o = {i for group in groups_r for i in group} | {i for i, group in enumerate(groups_o) if group}
    pairs: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    for own_side, other_side, aligned, from_original in (
        (side_o, side_r, aligned_o, True),
        (side_r, side_o, aligned_r, False),
    ):
        for index in range(len(own_side.texts)):
            if index in aligned:
                continue
            own = own_side.content(index)
            if len(own) < COUNTERPART_WORDS:
                continue
            shared = [len(own & other_side.content(j)) for j in range(len(other_side.texts))]
            if not shared:
                continue
            best = max(range(len(shared)), key=shared.__getitem__)
            if shared[best] >= COUNTERPART_WORDS and shared[best] >= COUNTERPART_SHARE * len(own):
                pairs.append(((index,), (best,)) if from_original else ((best,), (index,)))
            elif not from_original:  # compared with each original sentence where it most likely came from
                pairs.extend(((source,), (index,)) for source in _between(groups_r, index, len(side_o.texts)))
    return pairs


#: The most original sentences an unaligned rewrite sentence is compared with by its position.
BETWEEN_SENTENCES = 3


def _between(groups_r: Sequence[Sequence[int]], index: int, originals: int) -> tuple[int, ...]:
    """The original sentences between those of the nearest aligned rewrite sentences before and after
    ``index`` (both ends included), when the alignment keeps their order and there are at most
    :data:`BETWEEN_SENTENCES` of them: where a sentence split out of a long one most likely came from. At
    either end of the rewrite, the first or last of the ``originals`` sentences where its one aligned
    neighbour came from it ("Then he moved to the smaller diocese.", the last of three split out of one)."""
    before = next((groups_r[j] for j in range(index - 1, -1, -1) if groups_r[j]), None)
    after = next((groups_r[j] for j in range(index + 1, len(groups_r)) if groups_r[j]), None)
    if not before and after:
        return (0,) if min(after) == 0 else ()
    if before and not after:
        return (originals - 1,) if max(before) == originals - 1 else ()
    if not before or not after:
        return ()
    first, last = max(before), min(after)
    if last < first or last - first + 1 > BETWEEN_SENTENCES:
        return ()
    return tuple(range(first, last + 1))


def find_flips(
    original: Sequence[Sequence[Fact]],
    rewrite: Sequence[Sequence[Fact]],
    original_texts: Sequence[str],
    rewrite_texts: Sequence[str],
    original_groups: Sequence[Sequence[int]],
    rewrite_groups: Sequence[Sequence[int]],
) -> list[Flip]:
    """Every flipped negation and changed modal verb (see the module docstring)."""
    side_o, side_r = _Side(original_texts, original), _Side(rewrite_texts, rewrite)
    flips: list[Flip] = []
    paired: list[Flip] = []
    units = _groups(original_groups, rewrite_groups)
    units += _counterparts(side_o, side_r, original_groups, rewrite_groups)
    closest_r = _closest(side_o, side_r)  # each original sentence's lexical counterpart in the rewrite
    closest_o = _closest(side_r, side_o)
    for sources, group in units:
        # everything aligned with either side, and their lexical counterparts (the alignment may have put a
        # sentence elsewhere): a word negated anywhere there as often as here is not flipped
        whole_group = sorted(
            {
                *group,
                *(j for i in sources for j in original_groups[i]),
                *(closest_r[i] for i in sources if i in closest_r),
                *_split_halves(side_o, side_r, sources, group),
            }
        )
        whole_sources = sorted(
            {*sources, *(i for j in group for i in rewrite_groups[j]), *(closest_o[j] for j in group if j in closest_o)}
        )
        for removal_sources, removal_group in _units(side_o, side_r, sources, group, original_side=True):
            cues_o, cues_r = side_o.cues(removal_sources), side_r.cues(removal_group)
            if cues_o > cues_r:
                flips.extend(_removed(side_o, side_r, removal_sources, removal_group, whole_group, no_cues=cues_r == 0))
        for added_sources, added_group in _units(side_o, side_r, sources, group, original_side=False):
            cues_o, cues_r = side_o.cues(added_sources), side_r.cues(added_group)
            if cues_r > cues_o:
                flips.extend(_added(side_o, side_r, added_sources, added_group, whole_sources, no_cues=cues_o == 0))
        if side_o.cues(sources) != side_r.cues(group):
            flips.extend(_double_negations(side_o, side_r, sources, group))
            flips.extend(_negative_prefixes(side_o, side_r, sources, group))
            flips.extend(_quantifier_flips(side_o, side_r, sources, group))
        flips.extend(_negated_un_words(side_o, side_r, sources, group))
        flips.extend(_modality(side_o, side_r, sources, group))
        flips.extend(_tense_changes(side_o, side_r, sources, group))
        flips.extend(_questions_answered(side_o, side_r, sources, group))
        flips.extend(_quantity_changes(side_o, side_r, sources, group, whole_sources))
        paired.extend(_paired_words_changed(side_o, side_r, sources, group, whole_sources, whole_group))
    seen: set[tuple[str, int, int]] = set()
    unique = []
    for flip in flips:  # a unit and its lexical counterparts may find the same flip
        where = (flip.kind, flip.rewrite.sentence, flip.rewrite.start)
        if (
            where not in seen
            and not _negated_opposite(flip, side_o, side_r)
            and not _requirement(flip, side_o, side_r)
            and not _only_if(flip, side_o, side_r)
            and not _unless_as_not_if(flip, side_o, side_r)
            and not _the_others(flip, side_o, side_r)
            and not _delayed_until(flip, side_o, side_r)
            and not _negated_in_a_lone_sentence(flip, side_o, side_r, original_groups, rewrite_groups)
        ):
            seen.add(where)
            unique.append(flip)
    for flip in paired:  # an opposite that another rule already reads as a flip ("won" / "lost") is that
        if (
            any(_overlap(flip.rewrite, other.rewrite) for other in unique)
            or _turned_round(flip, side_o, side_r)
            or _order_turned_round(flip, side_o, side_r)
            or _open_until(flip, side_o, side_r)
        ):
            continue
        # ... and an implicit negation whose opposite the rewrite says ("forbid" / "allow") is shown at the
        # opposite, once, not also at the words the negation bore on
        unique = [other for other in unique if not _overlap(flip.original, other.original)]
        unique.append(flip)
    return unique


def _negated_in_a_lone_sentence(
    flip: Flip,
    side_o: _Side,
    side_r: _Side,
    original_groups: Sequence[Sequence[int]],
    rewrite_groups: Sequence[Sequence[int]],
) -> bool:
    """A negation removed (or added) whose words a sentence of the other side that the alignment left alone
    negates: "Hartfield Dairy is recalling its yoghurt … Do not eat it." / "Do not eat Hartfield Dairy
    yoghurt …" (the short sentence was folded into another). The first content word after the negation is
    the same."""
    negated = _negated_side(flip, side_o, side_r)
    if negated is None:
        return False
    negation, own, _, other_side = negated
    words = _clause_words(own.texts[negation.sentence], negation.end, most=1)
    if not words:
        return False
    groups = rewrite_groups if other_side is side_r else original_groups
    return any(
        not groups[index] and _clause_words(other_side.texts[index], fact.end, most=1) == words
        for index in range(len(other_side.texts))
        if index < len(groups)
        for fact in other_side.facts[index]
        if fact.category == "negation" and fact.kind == "negation"
    )


#: A negation and a "without" later in its clause (at most eight words on, no clause break between): the
#: two cancel into a requirement ("should not have the vaccine without speaking to a GP": speak to one first).
_NOT_WITHOUT = re.compile(
    r"(?:\b(?:not|never|cannot)\b|n[’']t\b)(?P<between>(?:\s+(?!without\b|but\b|and\b|or\b|if\b|unless\b)"
    r"[\w’'-]+){0,8}?)\s+without\b",
    re.IGNORECASE,
)


def _negated_side(flip: Flip, side_o: _Side, side_r: _Side) -> tuple[Fact, _Side, Fact, _Side] | None:
    """A removed or added negation's fact and side, then where the other side stands and that side; ``None``
    for a flip of another kind."""
    if flip.kind == "negation-removed":
        return flip.original, side_o, flip.rewrite, side_r
    if flip.kind == "negation-added":
        return flip.rewrite, side_r, flip.original, side_o
    return None


def _requirement(flip: Flip, side_o: _Side, side_r: _Side) -> bool:
    """A negation removed (or added) that was one half of a "not … without" on its side, where the other
    side's sentence has no negative cue at all: the requirement is said plainly ("should not have it without
    speaking to a GP" / "talk to a GP before you have it"), no flip."""
    negated = _negated_side(flip, side_o, side_r)
    if negated is None:
        return False
    negation, own, other, other_side = negated
    if other_side.cues([other.sentence]) != 0:
        return False
    text = own.texts[negation.sentence]
    return any(
        match.start() <= negation.start < match.end() and not CLAUSE_BREAK.search(match.group("between"))
        for match in _NOT_WITHOUT.finditer(text)
    )


#: "unless" after a negation in its clause, or before it in its sentence ("Unless the deal is approved, the
#: takeover will not go ahead"); "only if" (or "only when", "only with") on the other side.
_UNLESS_AFTER = re.compile(r"[^.;:!?]{0,80}?\bunless\b", re.IGNORECASE)
_UNLESS_BEFORE = re.compile(r"\bunless\b[^.;:!?]*$", re.IGNORECASE)
_ONLY_IF = re.compile(r"\bonly\b(?:\s+[\w’'-]+){0,6}?\s+(?:if|when|with)\b", re.IGNORECASE)


def said_as_only_if(text: str, start: int, end: int, other: str) -> bool:
    """Whether the negation at ``text[start:end]`` goes with an "unless" of its sentence (after it in its
    clause, before it, or is the "unless") and ``other`` says "only if": "cannot park unless they have a
    permit" / "can park only if they have a permit", "Unless shareholders approve it, the takeover will not
    go ahead" / "The takeover will only happen if shareholders agree" say one thing."""
    unless = (
        text[start:end].lower() == "unless"
        or _UNLESS_AFTER.match(text, end) is not None
        or _UNLESS_BEFORE.search(text, 0, start) is not None
    )
    return unless and _ONLY_IF.search(other) is not None


_UNLESS = frozenset(("unless",))
#: A negation with an "if" after it in its clause ("don't take it if your next dose is due").
_NOT_IF = re.compile(r"[^.;:!?]{0,60}?\bif\b", re.IGNORECASE)


def _unless_as_not_if(flip: Flip, side_o: _Side, side_r: _Side) -> bool:
    """A negation removed (or added) with an "if" after it in its clause, where the other side's sentence says
    "unless": "take it when you remember, unless it is nearly time for your next dose" / "But don't take it
    if your next dose is almost due" say one thing."""
    negated = _negated_side(flip, side_o, side_r)
    if negated is None:
        return False
    negation, own, other, other_side = negated
    return _NOT_IF.match(own.texts[negation.sentence], negation.end) is not None and other_side.holds_any(
        other.sentence, _UNLESS
    )


def _only_if(flip: Flip, side_o: _Side, side_r: _Side) -> bool:
    """A negation removed (or added) that :func:`said_as_only_if` on the other side."""
    negated = _negated_side(flip, side_o, side_r)
    if negated is None:
        return False
    negation, own, other, other_side = negated
    text = own.texts[negation.sentence]
    return said_as_only_if(text, negation.start, negation.end, other_side.texts[other.sentence])


#: "until" a few words on ("did not start until mid-afternoon", "stay open until 9pm").
_UNTIL_AFTER = re.compile(r"(?:[\s,]+[\w’'-]+){0,5}?[\s,]+(?:until|till)\b", re.IGNORECASE)
#: Verbs that put a thing off until later.
_DELAYED = re.compile(
    r"\b(?:delay(?:s|ed|ing)?|postpone[sd]?|postponing|put off|held up|hold(?:s|ing)? up|pushed back)\b", re.IGNORECASE
)


#: A thing said to happen only at a later time: "were found again only in 1911", "only started when", or for
#: the first time then: "was first played in public in 1962", "first opened in", "for the first time".
_ONLY_THEN = re.compile(
    r"\bonly\s+(?:[\w’'-]+\s+)?(?:in|on|at|when|after|once|from|then|later|since)\b"
    r"|\b(?:was|were|is|are|been|be)\s+first\b|\bfirst\s+[a-z]+ed\b|\bfor\s+the\s+first\s+time\b",
    re.IGNORECASE,
)


def _delayed_until(flip: Flip, side_o: _Side, side_r: _Side) -> bool:
    """A negation removed (or added) with "until" after it, where the other side's sentence puts the thing off
    with a verb of delay, or says it happened only then: "Rain delayed the start of play until
    mid-afternoon" / "play did not start until mid-afternoon", "the ruins were not rediscovered until 1911"
    / "the ruins were found again only in 1911" say the same."""
    negated = _negated_side(flip, side_o, side_r)
    if negated is None:
        return False
    negation, own, other, other_side = negated
    text = own.texts[negation.sentence]
    return bool(
        _UNTIL_AFTER.match(text, negation.end)
        and not _DELAYED.search(text)  # "did not delay the start until ...": the delay itself denied
        and (_DELAYED.search(other_side.texts[other.sentence]) or _ONLY_THEN.search(other_side.texts[other.sentence]))
    )


#: A negation in a relative clause that picks out whom a sentence is about ("families who do not qualify"),
#: with the noun it picks them out of.
_NEGATED_RELATIVE = re.compile(
    rf"(?P<head>[{LETTER}]+)\s+(?:who|that|which)\s+(?:do|does|did|are|is|were|was|have|has|had|can|could|will|would)"
    r"\s*(?:not\b|n['’]t\b)",
    re.IGNORECASE,
)
#: Words that stand for people in general, whose rest is "others", "the rest", "everyone else".
_PEOPLE_HEADS = frozenset(("those", "people", "anyone", "anybody", "everyone", "everybody", "someone", "applicants"))
_THE_REST = re.compile(r"\b(?:others|the rest|everyone else|anyone else)\b", re.IGNORECASE)


def _the_others(flip: Flip, side_o: _Side, side_r: _Side) -> bool:
    """A negation removed (or added) in a relative clause that picks out part of a group, where the other
    side's sentence calls that part the others, by its noun: "Families who do not qualify may buy a seat" /
    "Other families can pay" (the sentence before names who qualifies); not any "other" ("a bacteria that is
    not resistant to methicillin and all other penicillins")."""
    negated = _negated_side(flip, side_o, side_r)
    if negated is None:
        return False
    negation, own, other, other_side = negated
    text = other_side.texts[other.sentence]
    for match in _NEGATED_RELATIVE.finditer(own.texts[negation.sentence]):
        if not match.start() <= negation.start < match.end():
            continue
        head = match.group("head").lower()
        if head in _PEOPLE_HEADS and _THE_REST.search(text):
            return True
        # "families who do not qualify" / "other families", "other local families"
        return any(
            stem(head) in {stem(word) for word in found.groups() if word} for found in _OTHER_NOUN.finditer(text)
        )
    return False


#: "other" and the next two words: the noun it picks out is one of them.
_OTHER_NOUN = re.compile(rf"\bother\s+([{LETTER}]+)(?:\s+([{LETTER}]+))?", re.IGNORECASE)


def _turned_round(flip: Flip, side_o: _Side, side_r: _Side) -> bool:
    """An opposite that is the degree of a comparison turned round with what it compares ("prices rose faster
    than wages" / "wages rose more slowly than prices", :func:`evalkit.drift.roles.turned_round`): the same
    statement."""
    said, shown = flip.original, flip.rewrite
    return any(
        start_o <= said.start < end_o and start_r <= shown.start < end_r
        for (start_o, end_o), (start_r, end_r) in turned_round(
            side_o.texts[said.sentence], side_r.texts[shown.sentence]
        )
    )


_ORDER_WORDS = frozenset({"before", "after"})


def _order_turned_round(flip: Flip, side_o: _Side, side_r: _Side) -> bool:
    """ "before" / "after" with the two events said the other way round: "A before B" is "B after A", and "A.
    After that, B" (the event the original's word leads into stands after the rewrite's word, read back, or
    before it, read forward): the same order. At least half the content words of the original's clause after
    its word must stand on that side of the rewrite's."""
    said, shown = flip.original, flip.rewrite
    if {said.text.lower(), shown.text.lower()} != _ORDER_WORDS:
        return False
    text_o, text_r = side_o.texts[said.sentence], side_r.texts[shown.sentence]
    stop = CLAUSE_BREAK.search(text_o, said.end)
    led = _clause_stems(text_o[said.end : stop.start() if stop else len(text_o)])
    back = POINTING_BACK.match(text_r, shown.end)
    region = text_r[back.end() :] if back else text_r[: shown.start]
    return bool(led) and 2 * len(led & _clause_stems(region)) >= len(led)


_OPEN_WORDS = frozenset({"open", "opens", "opened", "reopen", "reopens", "reopened"})


def _open_until(flip: Flip, side_o: _Side, side_r: _Side) -> bool:
    """Open until a time, said as closing at it: "will stay open until 9pm" / "will close at 9pm" say the
    same ("open" a few words before "until" on one side, a word of closing without "until" on the other)."""
    said, shown = flip.original, flip.rewrite
    text_o, text_r = side_o.texts[said.sentence], side_r.texts[shown.sentence]
    opening, closing = ((said, text_o), (shown, text_r))
    if said.text.lower() not in _OPEN_WORDS:
        opening, closing = closing, opening
    return (
        opening[0].text.lower() in _OPEN_WORDS
        and _UNTIL_AFTER.match(opening[1], opening[0].end) is not None
        and _UNTIL_AFTER.match(closing[1], closing[0].end) is None  # "stay closed until 9pm" is the opposite
    )


def _clause_stems(text: str) -> frozenset[str]:
    return content_stems(tuple(re.findall(r"[\w’'-]+", text.lower())))


def _negated_opposite(flip: Flip, side_o: _Side, side_r: _Side) -> bool:
    """A negation on one side of a flip whose word's opposite stands in the other side's sentence: "did not
    rise" / "fell", "is not safe" / "is dangerous" say the same thing."""
    negated = _negated_side(flip, side_o, side_r)
    if negated is None:
        return False
    negation, own_side, other, other_side = negated
    own, texts = own_side.texts[negation.sentence], other_side.texts
    # the scope word, and a light verb's complement ("did not make a profit" / "made a loss")
    words = [word for word, _ in _scopes(negation, own)]
    if negation.text.lower() in _NEGATED_SUBJECTS:  # "None of the passengers died": it bears on the verb too
        clause = CLAUSE_BREAK.split(own[negation.end : negation.end + BREAK_WINDOW], maxsplit=1)[0]
        words += _WORDS.findall(clause)[:_SUBJECT_REACH]
    opposite = frozenset().union(*(paired_words("opposites").get(word.lower(), frozenset()) for word in words))
    return any(word.lower() in opposite for word in _WORDS.findall(texts[other.sentence]))


#: Negations that say no one, or nothing, does what the clause says; how many words after one are read.
_NEGATED_SUBJECTS = frozenset({"no", "none", "nobody", "nothing", "neither", "no one"})
_SUBJECT_REACH = 8


def _overlap(a: Fact, b: Fact) -> bool:
    return a.sentence == b.sentence and a.start < b.end and b.start < a.end


def _split_halves(own: _Side, other: _Side, sources: Sequence[int], group: Sequence[int]) -> list[int]:
    """The other side's sentences just before and after ``group`` that share at least
    :data:`COUNTERPART_WORDS` content words with ``sources``: the rest of a sentence split in two or three,
    which the alignment may have put with the sentence before ("will no longer open on Mondays … but will
    instead remain open later" / "will not open on Mondays." + "Instead, it will stay open later")."""
    if not group:
        return []
    words = set().union(*(own.content(i) for i in sources))
    return [
        j for j in (min(group) - 1, max(group) + 1)
        if 0 <= j < len(other.texts) and j not in group and len(words & other.content(j)) >= COUNTERPART_WORDS
    ]  # fmt: skip


def _closest(own: _Side, other: _Side) -> dict[int, int]:
    """Each sentence's closest sentence on the other side by shared content words, where it shares at least
    :data:`COUNTERPART_WORDS` of them and :data:`COUNTERPART_SHARE` of its own."""
    closest: dict[int, int] = {}
    holders: dict[str, list[int]] = {}  # each content word: the other side's sentences that have it
    for j in range(len(other.texts)):
        for word in other.content(j):
            holders.setdefault(word, []).append(j)
    for index in range(len(own.texts)):
        words = own.content(index)
        if len(words) < COUNTERPART_WORDS:
            continue
        shared = Counter(j for word in words for j in holders.get(word, ()))
        if not shared:
            continue
        most = max(shared.values())
        best = min(j for j, count in shared.items() if count == most)  # the first of the best, as max() picks
        if most >= COUNTERPART_WORDS and most >= COUNTERPART_SHARE * len(words):
            closest[index] = best
    return closest


def _units(
    side_o: _Side, side_r: _Side, sources: Sequence[int], group: Sequence[int], *, original_side: bool
) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Where negative cues are counted: the whole group when one side is a single sentence; in a
    many-to-many group, each sentence of one side with its closest sentence of the other (by shared
    words), so a negation dropped with another sentence's clause does not hide a flip."""
    if len(sources) == 1 or len(group) == 1:
        return [(tuple(sources), tuple(group))]
    units: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    mine, theirs = (sources, group) if original_side else (group, sources)
    for index in mine:
        own = (side_o if original_side else side_r).stems([index])
        other = side_r if original_side else side_o
        best = max(theirs, key=lambda j: len(own & other.stems([j])))
        units.append(((index,), (best,)) if original_side else ((best,), (index,)))
    return units


def _negated(side: _Side, sentences: Sequence[int], scope: str) -> int:
    return sum(1 for i in sentences for o in occurrences(side.texts[i], side.facts[i], scope) if o[2])


#: :func:`_scope_rule`'s answer when the other side negates the word as often: no flip.
NEGATED_THERE = (-1, -1, -1)


def _scope_rule(
    fact: Fact,
    text: str,
    own: _Side,
    other: _Side,
    own_sentences: Sequence[int],
    other_sentences: Sequence[int],
    whole_other: Sequence[int],
    other_stems: set[str],
    *,
    widen: bool,
) -> tuple[int, int, int] | None:
    """Rule 1 for a negation ``fact`` of ``own_sentences``: where its scope word stands un-negated in
    ``other_sentences`` (widened back to an auxiliary when ``widen``), more often negated here than there
    and than anywhere in ``whole_other``; :data:`NEGATED_THERE` when the other side negates it as well;
    ``None`` when the rule does not decide."""
    scopes = _scopes(fact, text)
    for word, span in scopes:
        scope = stem(word)
        if not (_comparable_scope(word, span, text) and scope in other_stems):
            continue
        kept = [
            (j, *o)
            for j in other_sentences
            for o in occurrences(other.texts[j], other.facts[j], scope)
            if not (scope in SPEECH_STEMS and _attributes_quotation(other.facts[j], o[0], o[1]))
        ]
        plain = [o for o in kept if not o[3]]
        mine = [(i, *o) for i in own_sentences for o in occurrences(own.texts[i], own.facts[i], scope)]
        negated_here = sum(1 for o in mine if o[3])
        plain_here = len(mine) - negated_here
        negated_whole = _negated(other, whole_other, scope)
        if (
            plain
            and negated_here > len(kept) - len(plain)
            and negated_here > negated_whole
            and len(plain) > plain_here  # not only the un-negated mentions this side has too
        ):
            j, start, end, _ = _counterpart_occurrence(kept, mine, fact.sentence, span) or _in_context(
                plain, text, span, other.texts
            )
            verb = _WORD_BEFORE.search(other.texts[j], 0, start)
            if word != scopes[0][0] and verb is not None and verb.group(1).lower() in LIGHT_VERBS:
                start = verb.start(1)  # a complement: shown with its linking verb ("felt safe")
            return (j, _with_auxiliary(other.texts[j], start) if widen else start, end)
        if (kept and not plain) or negated_whole >= negated_here:
            return NEGATED_THERE
    return None


def _attributes_quotation(facts: Sequence[Fact], start: int, end: int) -> bool:
    """Whether a verb of speech at ``[start, end)`` of a sentence is the one that attributes a quotation of
    it (:func:`evalkit.drift.facts.extract_facts` records where): "“I'm proud of what I did,” he said" says
    nothing of saying."""
    return any(fact.category == "quote" and fact.detail.get("said_at") == (start, end) for fact in facts)


def _in_context(
    plain: list[tuple[int, int, int, bool]], text: str, span: tuple[int, int] | None, texts: Sequence[str]
) -> tuple[int, int, int, bool]:
    """Of the other side's un-negated occurrences of a scope word, the one whose three words before it share
    most with the three before it here ("should not have the vaccine" / "should have the vaccine", not "a
    reaction to the vaccine"); the first on a tie."""
    if span is None or len(plain) == 1:
        return plain[0]
    before = {word.lower() for word in _WORDS.findall(text, max(0, span[0] - 40), span[0])[-3:]}
    return max(
        plain,
        key=lambda o: len(
            before & {word.lower() for word in _WORDS.findall(texts[o[0]], max(0, o[1] - 40), o[1])[-3:]}
        ),
    )


def _counterpart_occurrence(
    kept: list[tuple[int, int, int, bool]],
    mine: list[tuple[int, int, int, bool]],
    sentence: int,
    span: tuple[int, int] | None,
) -> tuple[int, int, int, bool] | None:
    """The other side's occurrence of a scope word (``kept``: sentence, start, end, negated) in the same
    place among its occurrences as the negated one here (``mine``, alike) ("should make new drugs, which
    will not make money" / "should make …, which will make …"), when both sides have it as often and that
    one is not negated; else ``None``."""
    if span is None or len(mine) != len(kept):
        return None
    place = next((k for k, (i, start, _, _) in enumerate(mine) if (i, start) == (sentence, span[0])), None)
    if place is None or kept[place][3]:
        return None
    return kept[place]


#: "few" (not "a few") a few words before a negation: the two make a majority ("Few residents did not
#: vote"), which a rewrite may say with one (:data:`_MAJORITY`).
_FEW_BEFORE = re.compile(r"(?<!\ba )\b(?:very )?(?:few|little)\b(?:\W+\w+){0,3}?\W+$", re.IGNORECASE)
_MAJORITY = re.compile(
    r"\b(?:most|(?:almost|nearly|virtually) (?:all|every|everyone|everybody|everything)|the majority)\b",
    re.IGNORECASE,
)


def _negated_after(side: _Side, where: tuple[int, int, int]) -> bool:
    """Whether a clause after ``where`` (in its sentence or the next) ends on a negation that says again what
    came before ("They were going to strike next week. Now they will not.")."""
    index, _, end = where
    return any(
        _elliptical(fact, side.texts[j]) and (j > index or fact.start >= end)
        for j in (index, index + 1)
        if j < len(side.texts)
        for fact in side.facts[j]
    )


def _removed(
    side_o: _Side,
    side_r: _Side,
    sources: Sequence[int],
    group: Sequence[int],
    whole_group: Sequence[int],
    *,
    no_cues: bool,
) -> list[Flip]:
    """Negations of ``sources`` the rewrite sentences ``group`` lost; ``whole_group`` is the alignment
    group they belong to (a word negated there as often as here is not flipped)."""
    flips: list[Flip] = []
    taken: set[tuple[int, int]] = set()
    stems_r = side_r.stems(group)
    for index in sources:
        text = side_o.texts[index]
        for fact in _plain_negations(side_o.facts[index]):
            if _FEW_BEFORE.search(text, max(0, fact.start - 40), fact.start) and any(
                _MAJORITY.search(side_r.texts[j]) for j in group
            ):
                continue  # "few residents did not vote" says "almost every resident voted"
            where = _unnegated_there(
                fact, text, side_o, side_r, sources, group, whole_group, stems_r, no_cues, widen=True
            )
            if where == NEGATED_THERE:
                continue  # the rewrite negates the word too
            if where is None:
                where = _slot(fact.start, fact.end, text, side_o.cues([index]), side_r, group)
            if where is None or (where[0], where[1]) in taken or _negated_after(side_r, where):
                continue
            taken.add((where[0], where[1]))
            shown = _pseudo(*where, side_r.texts)
            flips.append(Flip(
                "negation-removed", fact, shown,
                f"negation removed: the original says '{fact.text}' ({_snippet(text, fact)}), "
                f"the rewrite '{shown.text}' without it",
            ))  # fmt: skip
    if not flips:  # an implicit negation the rewrite turned positive ("unless" -> "if")
        for index in sources:
            text = side_o.texts[index]
            for match, word in zip(_WORDS.finditer(text), side_o.lower(index), strict=True):  # "declined to": "refused"
                if word not in STRONG_IMPLICIT or word in _EXPLICIT:
                    continue
                cue = Fact(
                    "negation",
                    index,
                    match.start(),
                    match.end(),
                    match.group(),
                    ("implicit",),
                    {"kind": "negation"},
                )
                where = _clause(cue, text, side_r, group) if no_cues else None
                if where is not None and word == "instead" and _chosen_alternative(text, match.start(), where, side_r):
                    continue
                # "instead" marks a contrast the rewrite may say with "but": rule 4 does not read it
                if where is None and word != "instead" and not _IDIOM_AFTER.match(text, match.end()):
                    where = _slot(match.start(), match.end(), text, side_o.cues([index]), side_r, group)
                if where is None and word == "unless" and no_cues:
                    where = _unless_as_if(text, match.end(), side_r, group)
                if where is not None and word == "unless":
                    where = _condition(where, side_r.texts)
                if where is not None and (where[0], where[1]) not in taken:
                    taken.add((where[0], where[1]))
                    shown = _pseudo(*where, side_r.texts)
                    flips.append(Flip(
                        "negation-removed", cue, shown,
                        f"negation removed: the original says '{match.group()}' ({_snippet(text, cue)}), "
                        f"the rewrite '{shown.text}' without a negation",
                    ))  # fmt: skip
    return flips


def plain_negations(facts: Sequence[Fact]) -> list[Fact]:
    """A sentence's explicit negations ("not", "never", "no"), halves of double negations left out."""
    return list(_plain_negations(facts))


def negated_clause(fact: Fact, text: str) -> tuple[int, list[tuple[int, int]], int]:
    """What a negation says: where it starts (its auxiliary: "does not", "don't"), the words it bears on
    (:func:`_reach`: up to five, cut at the end of its clause unless an aside opens right after the cue)
    and where its clause ends (the next clause punctuation after those words, or the sentence's end)."""
    head = fact.detail.get("head_span")
    start = min(int(head[0]), fact.start) if isinstance(head, tuple) else _with_auxiliary(text, fact.start)
    reach = _reach(text, fact.end)
    stop = _CLAUSE_STOP.search(text, fact.end)
    if stop is not None and reach and reach[0][0] < stop.start():
        reach = [word for word in reach if word[1] <= stop.start()]
    stop = _CLAUSE_STOP.search(text, reach[0][0]) if reach else stop
    return start, reach, stop.start() if stop is not None else len(text)


def _plain_negations(facts: Sequence[Fact]) -> Iterator[Fact]:
    """The negation cues among a sentence's facts, double negations left out."""
    return (f for f in facts if f.category == "negation" and f.kind == "negation" and not double_negation(f))


#: A "not" that sets one thing against another ("used BBM, not their televisions", "for cars and not for
#: people"), and what says the same contrast without a negation ("more for cars than people", "rather
#: than", "instead of").
_CONTRASTIVE_BEFORE = re.compile(r"(?:,|\band|\bbut)\s*$", re.IGNORECASE)


def _chosen_alternative(text: str, cue_start: int, where: tuple[int, int, int], side_r: _Side) -> bool:
    """Whether the rewrite stretch ``where`` that rule 4 found for the clause after an "instead" says no
    flip: the alternative the original chose, all of its words standing before the "instead" ("every three
    weeks instead of every two weeks" / "every three weeks"), or the one it turned away from, placed as the
    state of things now (:data:`_STATUS_QUO`: "Now it is every two weeks.")."""
    index, start, end = where
    if _STATUS_QUO.search(side_r.texts[index]):
        return True
    said = {stem(word) for word in _WORDS.findall(side_r.texts[index], start, end) if not _function_word(word.lower())}
    return bool(said) and said <= {stem(word) for word in _WORDS.findall(text, 0, cue_start)}


#: Words that place a statement in the present or the past, as the state of things a change replaces: what
#: "will happen instead of B" turns away from, a rewrite says as "Now it is B" or "It used to be B".
_STATUS_QUO = re.compile(
    r"\b(?:now|currently|at (?:the )?(?:moment|present)|used to|until now|so far|previously|at the time)\b",
    re.IGNORECASE,
)
_CONTRAST = re.compile(r"\b(?:than|instead of|unlike|as opposed to)\b", re.IGNORECASE)


def _moved_from(fact: Fact, text: str, there: str) -> bool:
    """Whether the word after a contrastive "not" is what the other side moves something from: "on
    Thursdays, not Tuesdays" / "will move from Tuesdays to Thursdays"."""
    after = _WORD_AFTER.match(text, fact.end)
    return (
        after is not None and re.search(rf"\bfrom\s+(?:the\s+)?{re.escape(after.group(1))}\b", there, re.I) is not None
    )


def _contrastive(fact: Fact, text: str) -> bool:
    """A contrastive "not": right after a comma, "and" or "but"."""
    return fact.text.lower() == "not" and bool(_CONTRASTIVE_BEFORE.search(text, 0, fact.start))


def _unnegated_there(
    fact: Fact,
    text: str,
    side_here: _Side,
    side_there: _Side,
    here: Sequence[int],
    there: Sequence[int],
    whole_there: Sequence[int],
    stems_there: set[str],
    no_cues: bool,
    *,
    widen: bool,
) -> tuple[int, int, int] | None:
    """Where the sentences ``there`` state without a negation what ``fact`` (in ``text``, a sentence of
    ``here``) negates, by rules 1 to 4 in turn; :data:`NEGATED_THERE` when they negate it too; None when
    no rule places it (rule 4, the clause, only applies when the other side has no cue: ``no_cues``)."""
    if _contrastive(fact, text) and any(
        _CONTRAST.search(side_there.texts[j]) or _moved_from(fact, text, side_there.texts[j]) for j in there
    ):
        return NEGATED_THERE  # "A, not B" said as "A rather than B", "more A than B", "from B to A"
    if _said_without_negation(fact, text, [side_there.texts[j] for j in there]):
        return NEGATED_THERE
    if _prefixed_there(fact, text, side_there.stems(there)):
        return NEGATED_THERE
    where = _scope_rule(fact, text, side_here, side_there, here, there, whole_there, stems_there, widen=widen)
    if where is None:
        where = _context(fact, text, side_there, there)
    if where is None:
        where = _held_facts(fact, text, side_here.facts[fact.sentence], side_there, there, widen=widen)
    if where is None and no_cues:
        where = _clause(fact, text, side_there, there)
    if where != NEGATED_THERE and _denied_thing_missing(fact, text, stems_there):
        return NEGATED_THERE  # the other side says the denial another way; no other rule may place it
    if where is not None and where != NEGATED_THERE:
        negated = set(_clause_words(text, fact.end))
        if any(
            _un_adjective(word) and stem(word) not in negated
            for word in _WORDS.findall(side_there.texts[where[0]], where[1], where[2])
        ):  # "is unavailable at weekends" / "cannot use the service at weekends"; not "will not become
            return NEGATED_THERE  # unemployed" / "they're unemployed", which negates the "un" word itself
    return where


#: Negative prefixes of adjectives and verbs ("unsafe", "impossible", "illegal", "irregular", "disagree").
_PREFIXES = ("un", "in", "im", "il", "ir", "dis")


def _prefixed_there(fact: Fact, text: str, stems_there: set[str]) -> bool:
    """Whether the other side (the stems of its words) says the word right after the negation with a negative
    prefix: "it was not safe for buses" / "icy roads made it unsafe for buses", "not possible" / "impossible"."""
    negated = _clause_words(text, fact.end, most=1)
    return bool(negated) and any(
        prefix + negated[0] in stems_there or stem(prefix + negated[0]) in stems_there for prefix in _PREFIXES
    )  # "not exposed" / "unexposed": the stem "expos" prefixed is the stem of "unexposed"


#: A negation and what says the same without one, each a pair of patterns (what follows the negation, what
#: the other side says instead), one per line of the table: "not … for 10 years" and "for the first time in
#: a decade", "not be at home" and "be out", "not returned" and "still off", "not affect" and "still", "not
#: to let" and "keep … from", "do not pay" and "free"; "not enough" and "too few" ("insufficient", "ran
#: out"); a negated lower limit ("must not pay less than") and "at least"; a negated upper one ("must not be
#: more than") and "at most" ("up to", "capped").
_SAID_WITHOUT_NEGATION = (
    (  # "has not been open on Sundays for 10 years" / "will open on Sundays for the first time in a decade"
        re.compile(
            r"[^.;:!?]{0,60}?\b(?:for\s+(?:the\s+(?:past|last)\s+)?[\w-]+\s+(?:years?|decades?|months?)|since)\b", re.I
        ),
        re.compile(r"\bfor\s+the\s+first\s+time\s+(?:in|since)\b", re.IGNORECASE),
    ),
    (  # "you will not be at home" / "will you be out?"
        re.compile(r"\s+(?:be\s+)?(?:at\s+)?home\b", re.IGNORECASE),
        re.compile(r"\b(?:be|are|is|were|was)\s+(?:out|away)\b", re.IGNORECASE),
    ),
    (  # "if your supply has not returned by 5pm" / "is your water still off at 5pm?"
        re.compile(r"\s+(?:\w+\s+)?(?:return(?:ed)?|come\s+back|been\s+restored|back)\b", re.IGNORECASE),
        re.compile(r"\bstill\s+(?:off|out|down|closed|missing|gone|away)\b", re.IGNORECASE),
    ),
    (  # "does not affect the junior teams" / "the junior teams can still take part"
        re.compile(r"\s+(?:\w+\s+)?affect(?:s|ed)?\b", re.IGNORECASE),
        re.compile(r"\bstill\b", re.IGNORECASE),
    ),
    (  # "advised residents not to let pets drink" / "keep their pets from drinking"
        re.compile(r"\s+(?:to\s+)?let\b", re.IGNORECASE),
        re.compile(r"\bkeep\b[^.;:!?]{0,30}\bfrom\b|\b(?:stop|prevent)\b", re.IGNORECASE),
    ),
    (  # "you do not pay for prescriptions" / "free prescriptions"
        re.compile(
            r"\s+(?:(?:have|has|need|needs)\s+to\s+)?(?:pay|be\s+charged|cost|costs)\b|\s+(?:charge|cost|fee)\b",
            re.IGNORECASE,
        ),
        re.compile(r"\bfree\b(?!-)|\b(?:at|for)\s+no\s+(?:cost|charge)\b|\bfor\s+nothing\b", re.IGNORECASE),
    ),
    (
        re.compile(r"\s+(?:[\w’'-]+\s+)?(?:enough|sufficient|adequate)\b", re.IGNORECASE),
        re.compile(
            r"\btoo\s+(?:few|little)\b|\b(?:insufficient|inadequate|shortage|lack(?:s|ed|ing)?)\b"
            r"|\b(?:ran|run|runs|running)\s+out\b",  # "simply ran out of money" / "not enough money"
            re.IGNORECASE,
        ),
    ),
    (
        re.compile(r"[^.;:!?]{0,60}?\b(?:(?:less|fewer|lower)\s+than|below)\b", re.IGNORECASE),
        re.compile(r"\bat\s+least\b|\bor\s+more\b|\bno\s+(?:less|fewer)\s+than\b", re.IGNORECASE),
    ),
    (
        re.compile(
            r"[^.;:!?]{0,60}?\b(?:(?:more|greater|higher|faster|longer|larger|bigger|heavier)\s+than|above"
            r"|exceed(?:s|ed|ing)?)\b",
            re.IGNORECASE,
        ),
        re.compile(
            r"\bat\s+most\b|\bor\s+(?:less|fewer)\b|\bup\s+to\b|\bno\s+more\s+than\b|\b(?:capped|limited)\b"
            r"|\bmaximum\b",  # "must not be faster than 15mph" / "capped at 15mph"
            re.IGNORECASE,
        ),
    ),
)


def _said_without_negation(fact: Fact, text: str, there: Sequence[str]) -> bool:
    """Whether the other side says what the negation ``fact`` says in words without a negation
    (:data:`_SAID_WITHOUT_NEGATION`): "not enough people used it" / "too few people used it", "must not pay
    workers less than the minimum wage" / "workers must be paid at least the minimum wage"."""
    return any(
        negated.match(text, fact.end) is not None and any(plain.search(other) for other in there)
        for negated, plain in _SAID_WITHOUT_NEGATION
    )


#: "any" and the noun after it in a negated clause: what the negation denies exists ("did not find any
#: problems").
_ANY_NOUN = re.compile(r"\s+(?:\w+\s+){0,2}?any\s+(?P<noun>[a-z]{3,})", re.IGNORECASE)


def _denied_thing_missing(fact: Fact, text: str, stems_there: set[str]) -> bool:
    """Whether the negation denies that something exists ("did not find any problems") and the other side
    does not name that thing: "found the water supply was fine" says the same without a negation, and only
    "found problems" would say the opposite."""
    found = _ANY_NOUN.match(text, fact.end)
    return found is not None and stem(found.group("noun")) not in stems_there


def _added(
    side_o: _Side,
    side_r: _Side,
    sources: Sequence[int],
    group: Sequence[int],
    whole_sources: Sequence[int],
    *,
    no_cues: bool,
) -> list[Flip]:
    """Negations of the rewrite sentences ``group`` that ``sources`` do not have; ``whole_sources`` is the
    alignment group's original side (a word negated there as often as here is not flipped)."""
    flips: list[Flip] = []
    stems_o = side_o.stems(sources)
    for index in group:
        text = side_r.texts[index]
        for fact in _plain_negations(side_r.facts[index]):
            where = _unnegated_there(
                fact, text, side_r, side_o, group, sources, whole_sources, stems_o, no_cues, widen=False
            )
            if where is None or where == NEGATED_THERE:  # nowhere found, or the original negates the word too
                continue
            shown = _with_head(fact, side_r.texts)
            flips.append(Flip(
                "negation-added", _pseudo(*where, side_o.texts), shown,
                f"negation added: the rewrite says '{shown.text}' ({_snippet(text, fact)}), the original "
                f"'{side_o.texts[where[0]][where[1] : where[2]]}' without it",
            ))  # fmt: skip
    return flips


def _both_ways(
    side_o: _Side, side_r: _Side, sources: Sequence[int], group: Sequence[int]
) -> tuple[tuple[_Side, _Side, Sequence[int], Sequence[int], bool], ...]:
    """(own side, other side, own sentences, the other's sentences, whether own is the rewrite), the rewrite's
    way first: the rules that look at both sides alike."""
    return ((side_r, side_o, group, sources, True), (side_o, side_r, sources, group, False))


def _plain_occurrence(other: _Side, sentences: Sequence[int], scope: str) -> tuple[int, int, int] | None:
    """The first occurrence of a scope word in ``sentences`` that no negation bears on."""
    return next(
        ((j, start, end) for j in sentences for start, end, negated in
         occurrences(other.texts[j], other.facts[j], scope) if not negated),
        None,
    )  # fmt: skip


def _opposite(added: bool, cue: Fact, plain: Fact, said: str) -> Flip:
    """The flip between a negative ``cue`` on one side (``said``: how the message quotes it) and ``plain``
    words on the other; ``added`` when the cue is the rewrite's."""
    if added:
        return Flip(
            "negation-added", plain, cue, f"negation added: the rewrite says {said}, the original '{plain.text}'"
        )
    return Flip(
        "negation-removed", cue, plain, f"negation removed: the original says {said}, the rewrite '{plain.text}'"
    )


def _double_negations(side_o: _Side, side_r: _Side, sources: Sequence[int], group: Sequence[int]) -> list[Flip]:
    """Rule 5: a double negation on one side ("was not sceptical", "did not fail to pay") whose implicit
    negation stands alone on the other ("was sceptical", "failed to pay"): the two say opposite things."""
    flips: list[Flip] = []
    for own, other, mine, theirs, added in _both_ways(side_o, side_r, sources, group):
        for index in mine:
            text = own.texts[index]
            for fact in own.facts[index]:
                # a weak implicit negation is no claim to turn around ("nothing more than a little")
                if not double_negation(fact) or str(fact.detail.get("scope")).lower() in WEAK_IMPLICIT:
                    continue
                alone = _plain_occurrence(other, theirs, scope_stem(fact))
                if alone is None:
                    continue
                cue = _with_head(fact, own.texts)
                said = f"'{cue.text} … {fact.detail.get('scope')}' ({_snippet(text, fact)}), a double negation"
                flips.append(
                    _opposite(added, cue, _pseudo(*_widened(alone, other.texts, not added), other.texts), said)
                )
    return flips


def _widened(where: tuple[int, int, int], texts: Sequence[str], widen: bool) -> tuple[int, int, int]:
    """A rewrite range widened back to its auxiliary, where a removed negation stood ("did feel")."""
    index, start, end = where
    return (index, _with_auxiliary(texts[index], start), end) if widen else where


def _negated_un_words(side_o: _Side, side_r: _Side, sources: Sequence[int], group: Sequence[int]) -> list[Flip]:
    """Rule 5 for an "un" word negated ("is not untreatable": it can be treated, "not uncommon": common) on
    one side, whose base word is negated on the other ("cannot be treated", "is not common"): the two say
    opposite things, with as many negations on each side."""
    flips: list[Flip] = []
    for own, other, mine, theirs, own_is_rewrite in _both_ways(side_o, side_r, sources, group):
        for index in mine:
            for fact in own.facts[index]:
                scope = str(fact.detail.get("scope") or "").lower()
                base = _un_base(scope) if fact.kind == "negation" and fact.category == "negation" else None
                if base is None:
                    continue
                base_stem = stem(base)
                denied = [
                    (j, theirs_fact) for j in theirs for theirs_fact in other.facts[j]
                    if theirs_fact.kind == "negation" and theirs_fact.category == "negation"
                    and scope_stem(theirs_fact) == base_stem
                ]  # fmt: skip
                if not denied:
                    continue
                j, negated = denied[0]
                said = _pseudo(index, fact.start, _scope_end(fact), own.texts)
                shown = _pseudo(j, negated.start, _scope_end(negated), other.texts)
                original, rewrite = (shown, said) if own_is_rewrite else (said, shown)
                kind = "negation-removed" if own_is_rewrite else "negation-added"
                flips.append(Flip(
                    kind, original, rewrite,
                    f"negation {'removed' if own_is_rewrite else 'added'}: '{said.text}' says it is {base}, "
                    f"'{shown.text}' that it is not",
                ))  # fmt: skip
    return flips


def _scope_end(fact: Fact) -> int:
    """Where the word a negation bears on ends (the negation's own end when it has none)."""
    span = fact.detail.get("scope_span")
    return int(span[1]) if isinstance(span, tuple) else fact.end


def _negative_prefixes(side_o: _Side, side_r: _Side, sources: Sequence[int], group: Sequence[int]) -> list[Flip]:
    """Rule 5 for a hyphenated negative prefix: "felt un-Brazilian" on one side, "felt Brazilian" without a
    negation on the other."""
    flips: list[Flip] = []
    for own, other, mine, theirs, added in _both_ways(side_o, side_r, sources, group):
        for index in mine:
            for match in _WORDS.finditer(own.texts[index]):
                prefixed = _NEGATIVE_PREFIX.match(match.group())
                alone = _plain_occurrence(other, theirs, stem(prefixed.group(1))) if prefixed else None
                if alone is None:
                    continue
                cue = _pseudo(index, *match.span(), own.texts)
                plain = _pseudo(*_widened(alone, other.texts, not added), other.texts)
                flips.append(_opposite(added, cue, plain, f"'{cue.text}'"))
    return flips


#: Quantifiers that deny a quantity ("few people know", "little teff") and those that assert one.
_FEW = frozenset({"few", "little"})
_MANY = frozenset({"many", "much", "numerous", "plenty", "lots", "lot"})
#: Words before "few"/"little" that make it assert a quantity ("a few", "quite a few", "the few").
_NOT_FEW = frozenset({"a", "quite", "the"})


def _quantities(own: _Side, index: int, quantifiers: frozenset[str]) -> list[tuple[str, int, int]]:
    """(stem of the word quantified, start, end of the quantifier) for each of ``quantifiers`` in a sentence
    that bears on a content word within the next three, not after "a"/"the" or a negation ("not many")."""
    words = list(_WORDS.finditer(own.texts[index]))
    found = []
    for k, match in enumerate(words):
        word = match.group().lower()
        before = words[k - 1].group().lower() if k else ""
        if word not in quantifiers or before in _NOT_FEW or _negation_word(before):
            continue
        after = [w.group() for w in words[k + 1 : k + 4] if not _function_word(w.group())]  # "lots of people"
        if after:
            found.append((stem(after[0]), match.start(), match.end()))
    return found


def _quantifier_flips(side_o: _Side, side_r: _Side, sources: Sequence[int], group: Sequence[int]) -> list[Flip]:
    """Rule 5 for quantifiers: "little teff" on one side, "much teff" on the other ("few know" / "many
    know"): the two say opposite things."""
    flips: list[Flip] = []
    for own, other, mine, theirs, added in _both_ways(side_o, side_r, sources, group):
        many = [(j, *q) for j in theirs for q in _quantities(other, j, _MANY)]
        for index in mine:
            for word, start, end in _quantities(own, index, _FEW):
                match = next(((j, s, e) for j, w, s, e in many if w == word), None)
                if match is None:
                    continue
                cue = _pseudo(index, start, end, own.texts)
                plain = _pseudo(*_widened(match, other.texts, not added), other.texts)
                flips.append(_opposite(added, cue, plain, f"'{cue.text}'"))
    return flips


#: How much of what it bears on a quantifier or frequency adverb claims: all of it (3), most (2), much of it
#: (1), some (0). A change across "all" ("most people" / "all people", "often" / "always") or of two steps
#: ("some schools" / "most schools") changes what is claimed; "many" / "most" and "some" / "many" pass, as a
#: one-step modal does. "few" and "little" deny a quantity (rule 5), and negations are rules 1-6.
QUANTITY = {
    "all": 3, "every": 3, "each": 3, "always": 3,
    "most": 2, "mostly": 2, "usually": 2, "generally": 2, "normally": 2, "mainly": 2,
    "many": 1, "often": 1, "frequently": 1, "numerous": 1,
    "some": 0, "several": 0, "sometimes": 0, "occasionally": 0,
}  # fmt: skip
_UNIVERSAL = 3
_QUANTIFIER_WORDS = frozenset({*QUANTITY, "few"})  # "a few": some
#: Words before a quantifier that make it no quantity of what follows ("at all", "after all", "above all",
#: "first of all", "the most important", "at most"; "once and for all" is read as a phrase), and words after
#: it ("each other", "all right", "all over").
_NOT_QUANTITY_BEFORE = frozenset({"at", "after", "above", "of", "the"})
_NOT_QUANTITY_AFTER = frozenset({"other", "right", "over", "along", "but", "too"})
#: Words that make "all" or "every" claim most, not all ("almost all", "nearly every").
_ALMOST = frozenset({"almost", "nearly", "virtually", "practically"})
#: Pronouns a quantifier bears on through "of" ("many of them", "all of those").
_QUANTIFIED_PRONOUNS = frozenset({"them", "those", "these", "us", "you", "it"})


def _quantifiers(own: _Side, index: int) -> list[tuple[int, str, str, int, int]]:
    """(level, the word it bears on, its stem, start, end) of each quantifier of :data:`QUANTITY` in a sentence
    that bears on a content word within the next four, or on a pronoun through "of" ("many of them"), not
    after a negation ("not all", "not always"); one bearing on a part of a whole ("all members of the crew")
    also as one on the whole."""
    words = list(_WORDS.finditer(own.texts[index]))
    found = []
    for k, match in enumerate(words):
        word = match.group().lower()
        before = words[k - 1].group().lower() if k else ""
        level = QUANTITY.get(word)
        if word == "few" and before == "a" and not any(_negation_word(w.group()) for w in words[k + 1 : k + 6]):
            level = QUANTITY["some"]  # "a few of the passengers"; "a few did not vote" is the negation rules'
        if level is None:
            continue
        after = words[k + 1].group().lower() if k + 1 < len(words) else ""
        if level == _UNIVERSAL and before in _ALMOST:
            level = _UNIVERSAL - 1  # "almost all", "nearly every": most
        if before in _NOT_QUANTITY_BEFORE or _negation_word(before):
            continue
        if (
            after in _NOT_QUANTITY_AFTER
            or after in _EXPLICIT
            or (before == "for" and k > 1 and words[k - 2].group().lower() == "and")
        ):
            continue
        following = [w.group() for w in words[k + 1 : k + 5]]
        if following[:1] == ["of"] and following[1:2] and following[1].lower() in _QUANTIFIED_PRONOUNS:
            scope = following[1:2]
        else:
            scope = [w for w in following if not _function_word(w) and w.lower() not in QUANTITY]
        if scope:
            found.append((level, scope[0], stem(scope[0]), match.start(), match.end()))
            at = following.index(scope[0])  # "all members of the crew": the crew too ("some of the crew")
            if following[at + 1 : at + 2] == ["of"]:
                whole = [w for w in words[k + at + 3 : k + at + 5] if not _function_word(w.group())][:1]
                if whole:
                    found.append((level, whole[0].group(), stem(whole[0].group()), match.start(), match.end()))
    return found


def _quantity_changes(
    side_o: _Side, side_r: _Side, sources: Sequence[int], group: Sequence[int], whole_sources: Sequence[int]
) -> list[Flip]:
    """A quantifier of another strength bearing on the same word ("most people" / "all people", "some
    schools" / "most schools", "often late" / "always late"): see :data:`QUANTITY`. Not where the original
    says the rewrite's quantity of that word too, in what the group is aligned with (``whole_sources``)."""
    flips: list[Flip] = []
    quantified_r = [(j, *q) for j in group for q in side_r.quantifiers(j)]
    if not quantified_r or not any(side_o.quantifiers(i) for i in sources):
        return flips
    said_o = {(q[0], q[2]) for i in whole_sources for q in side_o.quantifiers(i)}
    for index in sources:
        flipped: set[int] = set()
        for level, word, scope, start, end in side_o.quantifiers(index):
            others = [q for q in quantified_r if q[3] == scope]
            if (
                start not in flipped
                and others
                and all(_claims_other_quantity(level, q[1]) for q in others)
                and not any((q[1], scope) in said_o for q in others)
            ):
                j, _, _, _, other_start, other_end = others[0]
                cue = _pseudo(index, start, end, side_o.texts)
                other = _pseudo(j, other_start, other_end, side_r.texts)
                flipped.add(start)
                flips.append(Flip(
                    "quantity", cue, other,
                    f"quantity changed: '{cue.text}' became '{other.text}' before '{word}'",
                ))  # fmt: skip
    return flips


def _claims_other_quantity(level: int, other: int) -> bool:
    return (level == _UNIVERSAL) != (other == _UNIVERSAL) or abs(level - other) >= 2


@lru_cache(maxsize=4)
def _paired_words(table: str) -> frozenset[str]:
    return frozenset(paired_words(table))


#: The pairs of a word and the same word with "un" before it ("safe" / "unsafe", "employed" / "unemployed"):
#: opposites that no table lists (:func:`_un_prefixed`).
UN_PREFIXED = "un-"
#: What a word said in place of its pair is: (table, flip kind, how the message names the change).
PAIRED_CHANGES = (
    ("opposites", "opposite", "opposite"),
    (UN_PREFIXED, "opposite", "opposite"),
    ("certainty", "modality", "certainty changed"),
)
#: Words that begin with "un" but are no word negated by it ("unless" is not "less").
_NOT_UN_PREFIXED = frozenset(("unless", "until", "unto", "under", "uniform", "union", "unique", "unison"))


def _un_prefixed(word: str) -> frozenset[str] | None:
    """The other word of a pair of a word and its "un" form: "unsafe" -> {"safe"}, "safe" -> {"unsafe"}
    (words of at least four letters after the "un")."""
    if not word.isalpha() or len(word) < 4:
        return None
    base = _un_base(word)
    return frozenset((base if base is not None else "un" + word,))


#: For a change of certainty ("I think it will" / "I know it will"), whose neighbours are mostly function
#: words: the share of the rewrite sentence's content words that the original sentence has, instead of a
#: shared frame.
SAME_SENTENCE = 0.6


#: Words either side of a word that make its frame: an opposite must share a content word there.
FRAME_WORDS = 2


def _frame(lower: Sequence[str], k: int) -> set[str]:
    """Stems of the content words within :data:`FRAME_WORDS` of the ``k``-th of a sentence's words."""
    return {
        stem(lower[i]) for i in range(max(0, k - FRAME_WORDS), min(len(lower), k + FRAME_WORDS + 1))
        if i != k and not _function_word(lower[i])
    }  # fmt: skip


def _nearest(lower: Sequence[str], k: int, step: int) -> str | None:
    """The stem of the content word nearest the ``k``-th of a sentence's words on one side (``step`` -1:
    before it, 1: after it), function words passed over ("the north of the country": "country")."""
    i = k + step
    while 0 <= i < len(lower):
        if not _function_word(lower[i]):
            return stem(lower[i])
        i += step
    return None


def _same_frame(rewrite: Sequence[str], k: int, original: Sequence[str], at: int) -> bool:
    """Whether two words stand in one frame: a content word shared within :data:`FRAME_WORDS` either side,
    or the same nearest content word on one side, however many function words lie between ("the plan was
    too expensive" / "the plan was cheap"), or the subject of a passive verb as the object of an active one
    ("the price cap was lowered" / "the government raised the price cap")."""
    if _frame(rewrite, k) & _frame(original, at):
        return True
    if any(
        (word := _nearest(rewrite, k, step)) is not None and word == _nearest(original, at, step) for step in (-1, 1)
    ):
        return True
    if _compared_with(rewrite, k) & _compared_with(original, at):  # "less than the national average" / "more
        return True  # than the average for the whole country"
    return any(
        (subject := _passive_subject(one, i)) is not None and subject in _object_of(other, j)
        for one, i, other, j in ((original, at, rewrite, k), (rewrite, k, original, at))
    )


#: How many words after a comparison's "than" say what is compared with.
THAN_WORDS = 6


def _compared_with(lower: Sequence[str], k: int) -> set[str]:
    """The stems of the content words of the :data:`THAN_WORDS` after a "than" right after the ``k``-th
    word ("less than the national average": "nation", "average"; "than southern ones": "south"); none
    without a "than"."""
    if k + 1 >= len(lower) or lower[k + 1] != "than":
        return set()
    return {_COMPASS.get(word, stem(word)) for word in lower[k + 2 : k + 2 + THAN_WORDS] if not _function_word(word)}


#: Points of the compass as adjectives, as their nouns: "southern ones" / "those in the south".
_COMPASS = {"northern": "north", "southern": "south", "eastern": "east", "western": "west"}


#: Forms of "be" that make the participle after them passive ("was lowered", "has been raised").
_PASSIVE_BE = frozenset(("is", "are", "was", "were", "be", "been", "being"))
#: How many words after an active verb its object may take ("raised the price cap": "cap").
OBJECT_WORDS = 3


def _passive_subject(lower: Sequence[str], k: int) -> str | None:
    """The stem of the subject of the ``k``-th word where a form of "be" stands right before it (a passive
    participle): the content word nearest before the "be"."""
    return _nearest(lower, k - 1, -1) if k >= 1 and lower[k - 1] in _PASSIVE_BE else None


def _object_of(lower: Sequence[str], k: int) -> set[str]:
    """The stems of the content words of the :data:`OBJECT_WORDS` after the ``k``-th word."""
    return {stem(word) for word in lower[k + 1 : k + 1 + OBJECT_WORDS] if not _function_word(word)}


def _explicit(facts: Sequence[Fact]) -> int:
    """Explicit negations among a sentence's facts ("not", "never", "no")."""
    return sum(1 for f in facts if f.category == "negation" and f.kind == "negation")


def _explicit_negations(side: _Side, sentences: Sequence[int]) -> int:
    return sum(_explicit(side.facts[i]) for i in sentences)


#: What ends a stretch of a sentence for :func:`_negated_stretch`: a clause break or a comma.
_STRETCH_BREAK = re.compile(rf"{CLAUSE_BREAK.pattern}|,")


def _negated_stretch(side: _Side, sentence: int, k: int) -> bool:
    """Whether an explicit negation stands in the stretch of the sentence (between commas and clause breaks)
    that holds its ``k``-th word: where the two sides have a different number of negations, a word's
    opposite counts only in a stretch free of them on both sides ("on the southern slopes, although no
    injuries were reported" / "on the northern slopes. No one was hurt."), and only where the original
    says it under no negation anywhere ("charged for adults, with no charge for children" / "Children
    come in free": the "no charge" is the "free")."""
    text = side.texts[sentence]
    word = next(islice(_WORDS.finditer(text), k, None), None)
    if word is None:
        return True
    start = max((m.end() for m in _STRETCH_BREAK.finditer(text, 0, word.start())), default=0)
    after = _STRETCH_BREAK.search(text, word.end())
    end = after.start() if after else len(text)
    return any(
        f.category == "negation" and f.kind == "negation" and start <= f.start < end for f in side.facts[sentence]
    )


def _said_again(word: str, side: _Side) -> bool:
    """Whether a "re-" verb is said by its verb anywhere on a side: "reopen" by "will open again"."""
    return word.startswith("re") and stem(word[2:]) in side.stems(range(len(side.texts)))


def _age_old(lower: Sequence[str], k: int) -> bool:
    """Whether the ``k``-th word is the "old" of an age ("3 months old"): no opposite of "young"."""
    return lower[k] == "old" and k > 0 and lower[k - 1] in _AGE_UNITS


#: Units of time before the "old" of an age.
_AGE_UNITS = frozenset(("year", "years", "month", "months", "week", "weeks", "day", "days"))
#: Forms of "lose", whose "to" names the winner ("lost to Australia").
_LOSE = frozenset(("lose", "loses", "lost", "losing"))


def _converse(lower_o: Sequence[str], at: int, lower_r: Sequence[str], k: int) -> bool:
    """Whether two opposite words say one result from the other side: "New Zealand lost to Australia" /
    "Australia beat New Zealand" (the side after "lost to" is the subject of its opposite), either way
    round."""
    for lower_a, a, lower_b, b in ((lower_o, at, lower_r, k), (lower_r, k, lower_o, at)):
        if lower_a[a] not in _LOSE or lower_a[a + 1 : a + 2] != ["to"]:
            continue
        after = [word for word in lower_a[a + 2 : a + 4] if word not in ("the", "a", "an")]
        if after and after[0] in lower_b[max(0, b - 3) : b]:
            return True
    return False


def _paired_words_changed(
    side_o: _Side,
    side_r: _Side,
    sources: Sequence[int],
    group: Sequence[int],
    whole_sources: Sequence[int],
    whole_group: Sequence[int],
) -> list[Flip]:
    """A word of the rewrite whose pair in a table of :data:`PAIRED_CHANGES` (:func:`_paired`: its opposite,
    or a verb of another certainty) stands in its place in the original: in the same frame
    (:func:`_same_frame`; for certainty, or :data:`SAME_SENTENCE` of the rewrite
    sentence's content words in the original sentence), the original's word nowhere in what the rewrite
    sentence is aligned with and the rewrite's nowhere in its sources, and as many explicit negations on both
    sides ("prices rose sharply" / "prices fell sharply"; "did not rise" / "fell" keeps the meaning and
    passes)."""
    flips: list[Flip] = []
    for table, kind, said in PAIRED_CHANGES:
        pairs = paired_words(table) if table != UN_PREFIXED else {}
        candidates = [
            (j, k, wanted) for j in group if table == UN_PREFIXED or side_r.holds_any(j, _paired_words(table))
            for k, word in enumerate(side_r.lower(j))
            if (wanted := pairs.get(word) if table != UN_PREFIXED else _un_prefixed(word))
            and any(side_o.holds_any(i, wanted) for i in sources)
        ]  # fmt: skip
        if not candidates:
            continue
        as_many = _explicit_negations(side_o, sources) == _explicit_negations(side_r, group)
        stems_o, stems_r = side_o.stems(whole_sources), side_r.stems(whole_group)
        for j, k, wanted in candidates:
            if stem(side_r.lower(j)[k]) in stems_o:
                continue
            if not as_many and (
                table == UN_PREFIXED  # "an unborn child" / "a baby before it is born": a negation said another way
                or _negated_stretch(side_r, j, k)
                or any(  # "charged for adults, with no charge for children" / "Children come in free"
                    _negated_stretch(side_o, i, m)
                    for i in sources
                    for m, w in enumerate(side_o.lower(i))
                    if w in wanted
                )
            ):
                continue
            # the original's word that the rewrite's stands for: one the rewrite says nowhere ("the river level
            # dropped overnight, easing fears" / "the river rose overnight. This eased fears")
            unsaid = frozenset(
                other for other in wanted if stem(other) not in stems_r and not _said_again(other, side_r)
            )
            for index in sources:
                if not side_o.holds_any(index, unsaid):
                    continue
                at = next(m for m, other in enumerate(side_o.lower(index)) if other in unsaid)
                framed = _same_frame(side_r.lower(j), k, side_o.lower(index), at) or _same_figure_after(
                    side_r.texts[j], k, side_o.texts[index], at
                )
                if not framed and table == "certainty":
                    content = side_r.content(j)
                    framed = len(content & side_o.content(index)) >= SAME_SENTENCE * len(content)
                if (
                    not framed
                    or _converse(side_o.lower(index), at, side_r.lower(j), k)
                    or _age_old(side_o.lower(index), at)
                    or _age_old(side_r.lower(j), k)
                ):
                    continue
                cue = _pseudo(index, *_verb_span(side_o.texts[index], at), side_o.texts)
                other = _pseudo(j, *_verb_span(side_r.texts[j], k), side_r.texts)
                flips.append(Flip(kind, cue, other, f"{said}: '{cue.text}' became '{other.text}'"))
                break
    return flips


#: A figure right after a word, as a frame: "fell 8%", "rose by £2m", "dropped to 4.1%".
_FIGURE_AFTER = re.compile(r"(?:\s+(?:by|to|from|up|down))?\s+(?P<figure>[£$€]?\d[\d,.]*\d?%?)")


def _same_figure_after(rewrite: str, k: int, original: str, at: int) -> bool:
    """Whether the same figure follows the ``k``-th word of the rewrite sentence and the ``at``-th word of the
    original one: "shares fell 8%" / "its shares then rose 8%" stand in one frame, whatever else was
    reworded around them."""
    after_r = _FIGURE_AFTER.match(rewrite, _verb_span(rewrite, k)[1])
    after_o = _FIGURE_AFTER.match(original, _verb_span(original, at)[1])
    return after_r is not None and after_o is not None and after_r.group("figure") == after_o.group("figure")


def _word_span(text: str, k: int) -> tuple[int, int]:
    """The span of the ``k``-th word (``_WORDS``) of a text."""
    return next(match.span() for n, match in enumerate(_WORDS.finditer(text)) if n == k)


def _verb_span(text: str, k: int) -> tuple[int, int]:
    """:func:`_word_span`, with the particle of a phrasal verb of :data:`_PHRASAL_VERBS` ("went up")."""
    words = list(islice(_WORDS.finditer(text), k, k + 2))
    if len(words) == 2 and (words[0].group().lower(), words[1].group().lower()) in _PHRASAL_VERBS:
        return words[0].start(), words[1].end()
    return words[0].span()


def _modality(side_o: _Side, side_r: _Side, sources: Sequence[int], group: Sequence[int]) -> list[Flip]:
    flips: list[Flip] = []
    modals_r = [f for j in group for f in side_r.facts[j] if f.kind == "modality"]
    for index in sources:
        for fact in side_o.facts[index]:
            if fact.kind != "modality" or not scope_stem(fact):
                continue
            others = [f for f in modals_r if scope_stem(f) == scope_stem(fact)]
            level = CERTAINTY[str(fact.key[1])]
            if others and all(_another_modality(str(fact.key[1]), str(f.key[1])) for f in others):
                other = others[0]
                flips.append(Flip(
                    "modality", fact, other,
                    f"modality changed: '{fact.detail.get('modal')}' became '{other.detail.get('modal')}' "
                    f"before '{fact.detail.get('scope')}'",
                ))  # fmt: skip
            elif not others and level == CERTAINTY["possible"]:
                stated = _stated_as_fact(fact, side_o.texts[index], side_r, group)
                if stated is None:
                    stated = _made_certain(fact.end, side_o.texts[index], side_r, group)
                    if stated is not None and _permission_as_duty(
                        fact, side_o.texts[index], side_r.texts[stated[1]], stated[2]
                    ):
                        stated = None
                if stated is not None:
                    said = _pseudo(index, fact.start, stated[0], side_o.texts)
                    shown = _pseudo(*stated[1:], side_r.texts)
                    flips.append(Flip(
                        "modality", said, shown,
                        f"modality changed: '{said.text}' became '{shown.text}' (a possibility stated as a fact)",
                    ))  # fmt: skip
        for hedge in _HEDGING_VERBS.finditer(side_o.texts[index]):
            stated = _made_certain(hedge.end(), side_o.texts[index], side_r, group)
            if stated is not None:
                said = _pseudo(index, hedge.start(), hedge.end(), side_o.texts)
                shown = _pseudo(*stated[1:], side_r.texts)
                flips.append(Flip(
                    "modality", said, shown,
                    f"modality changed: '{said.text}' became '{shown.text}' (a plan or an expectation stated as "
                    "certain)",
                ))  # fmt: skip
    flips.extend(_made_possible(side_o, side_r, sources, group))
    return flips


def _made_possible(side_o: _Side, side_r: _Side, sources: Sequence[int], group: Sequence[int]) -> list[Flip]:
    """A fact the rewrite hedges: a verb the original states with no modal or hedge in its sentence ("the
    vaccine protects against all four strains") that a rewrite "may", "might" or "could" makes a possibility
    ("the vaccine may protect …"), the mirror of :func:`_stated_as_fact`. Not where the original has a modal
    on that verb itself."""
    flips: list[Flip] = []
    scoped_o = {scope_stem(f) for i in sources for f in side_o.facts[i] if f.kind == "modality"}
    for j in group:
        for fact in side_r.facts[j]:
            if fact.kind != "modality" or not scope_stem(fact) or scope_stem(fact) in scoped_o:
                continue
            if CERTAINTY[str(fact.key[1])] != CERTAINTY["possible"]:
                continue
            stated = _stated_as_fact(fact, side_r.texts[j], side_o, sources)
            if stated is not None:
                said = _pseudo(*stated[1:], side_o.texts)
                shown = _pseudo(j, fact.start, stated[0], side_r.texts)
                flips.append(Flip(
                    "modality", said, shown,
                    f"modality changed: '{said.text}' became '{shown.text}' (a fact stated as a possibility)",
                ))  # fmt: skip
    return flips


#: Verbs that say a thing is considered, hoped for or expected, not certain: "is considering moving", "is
#: expected to cause", "are likely to rise", "has proposed closing", "hopes to open". Not a plan: "plans to
#: open" said as "will open" is how news reports a firm plan.
_HEDGING_VERBS = re.compile(
    r"\b(?:is|are|was|were|be|been)\s+(?:still\s+)?(?:considering|expected\s+to|likely\s+to|proposing|"
    r"thinking\s+about|looking\s+at|hoping\s+to)\b|\b(?:has|have|had)\s+proposed\b|\b(?:hopes?|hoped)\s+to\b",
    re.IGNORECASE,
)


def _another_modality(original: str, rewrite: str) -> bool:
    """Whether two modal meanings (:data:`CERTAINTY`'s names) say different things: two steps apart ("may" /
    "will"), or an obligation and a permission or advice ("must wear" / "can wear", "must wear" / "should
    wear")."""
    return abs(CERTAINTY[original] - CERTAINTY[rewrite]) >= 2 or {original, rewrite} in _OBLIGATION_CHANGES


#: An obligation against a permission or a piece of advice: "must" is a rule, "can" a choice and "should"
#: advice (the GOV.UK style guide keeps "must" for what the law requires).
_OBLIGATION_CHANGES = ({"necessary", "able"}, {"necessary", "advisable"})


#: Words that hedge a claim: a rewrite sentence with one of them still says "perhaps".
_HEDGES = frozenset(
    (
        *("may", "might", "could", "can", "would", "if", "whether", "possibly", "perhaps", "probably", "maybe"),
        *("likely", "unlikely", "possible", "chance", "suggest", "suggests", "suggested", "seem", "seems"),
        *("seemed", "appear", "appears", "appeared", "hope", "hopes", "expect", "expects", "think", "thinks"),
        *("thought", "believe", "believes", "believed"),
    )
)
#: Verbs that say little by themselves after a modal ("may be", "might have been"): not compared.
_MODAL_LIGHT = frozenset(("be", "have", "get", "do", "go", "become"))


def _stated_as_fact(fact: Fact, text: str, other: _Side, sentences: Sequence[int]) -> tuple[int, int, int, int] | None:
    """Where a verb that an original "may", "might" or "could" makes a possibility ("the drug could reduce
    the risk") stands in the rewrite as a fact ("the drug reduces the risk"): the same verb in the present
    (or, after "may"/"might", the past) with no modal, "to" or hedge in its sentence, as (end of the verb
    in the original, rewrite sentence, start, end); None elsewhere."""
    span = fact.detail.get("scope_span")
    if not isinstance(span, tuple):
        return None
    verb = text[int(span[0]) : int(span[1])].lower()
    if verb in _MODAL_LIGHT or int(span[0]) - fact.end > 2 or not verb.isalpha():  # "may well be": not read
        return None
    forms = {verb + "s", verb + "es", verb[:-1] + "ies"} if verb.endswith("y") else {verb + "s", verb + "es"}
    if str(fact.detail.get("modal")) != "could":
        forms |= {verb + "d", verb + "ed"}
    for index in sentences:
        lower = other.lower(index)
        if _hedged(other, index):
            continue  # still hedged
        words = list(_WORDS.finditer(other.texts[index]))
        for k, match in enumerate(words):
            if lower[k] in forms and (k == 0 or lower[k - 1] not in ("to", "will", "would", "shall")):
                return int(span[1]), index, match.start(), match.end()
    return None


#: "may" denied or limited: a rule of what is allowed ("may not enter without notice", "may only park here").
_PERMISSION_LIMITED = re.compile(r"\s+(?:not|only|never)\b", re.IGNORECASE)


def _permission_as_duty(fact: Fact, text: str, rewrite: str, start: int) -> bool:
    """Whether a "may not" or "may only" of the original, a rule of what is allowed, stands in the rewrite
    as "must": "A landlord may not enter without giving 24 hours' notice" / "the landlord must tell the
    renter 24 hours ahead" says the same rule, no possibility made certain."""
    return (
        str(fact.detail.get("modal")) == "may"
        and _PERMISSION_LIMITED.match(text, fact.end) is not None
        and rewrite[start:].lower().startswith("must")
    )


#: Modal verbs of certainty and obligation: what a hedged claim becomes when the hedge is lost.
_CERTAIN_MODALS = frozenset(("will", "must", "shall"))
#: Modal verbs that hedge: the hedge a rewrite lost, so not one it still has when the original says it too.
_MODAL_HEDGES = frozenset(("may", "might", "could", "can", "would"))


def _made_certain(end: int, text: str, other: _Side, sentences: Sequence[int]) -> tuple[int, int, int, int] | None:
    """Where the clause after ``end``, which the original hedges ("the limit could be introduced on the A38",
    "is considering moving its office"), stands in the rewrite after "will", "must" or "shall" ("the limit
    will be brought in on the A38"), the verb said another way: a rewrite sentence that shares at least two
    content words with the hedged clause after such a modal, a modal the original sentence does not have, and
    no hedge the original sentence does not have too ("if" sets a condition, it hedges nothing); "is going to"
    says "will"; as :func:`_stated_as_fact`."""
    clause = set(_clause_words(text, end, _HEDGED_CLAUSE_WORDS))
    if len(clause) < 2:
        return None
    words_o = frozenset(_WORDS.findall(text.lower()))
    if len(sentences) > 1 and any(other.holds_any(index, _POSSIBILITY) for index in sentences):
        return None  # a sentence split in two keeps the hedge in one half ("might not work … This will be …")
    for index in sentences:
        if _hedged(other, index, (words_o - _MODAL_HEDGES) | _CONDITIONS):
            continue
        rewrite = other.texts[index]
        certain = [
            (modal.start, modal.end)
            for modal in other.facts[index]
            if modal.kind == "modality"
            and str(modal.detail.get("modal")) in _CERTAIN_MODALS
            and str(modal.detail.get("modal")) not in words_o
        ]
        if "going to" not in text.lower():
            certain += [going.span() for going in _GOING_TO.finditer(rewrite)]
        for start, stop in sorted(certain):
            if len(clause & set(_clause_words(rewrite, stop, _HEDGED_CLAUSE_WORDS))) >= 2:
                return end, index, start, stop
    return None


#: Modal verbs of possibility ("may", "might", "could"): one in a half of a split sentence keeps the original's hedge.
_POSSIBILITY = frozenset(modal for modal, level in MODALS.items() if level == "possible")
#: How many content words of a hedged clause are compared (a clause said again, reworded).
_HEDGED_CLAUSE_WORDS = 10
#: "Is going to", which says "will".
_GOING_TO = re.compile(r"\b(?:is|are|am|was|were)\s+going\s+to\b", re.IGNORECASE)
#: Words that set a condition for the main clause rather than hedging it: "If your immune system is weak, you
#: will be given another dose" is as certain as its "will".
_CONDITIONS = frozenset(("if",))


#: "whether" that opens a question (not "whether to go", a choice; not "whether or not to").
_WHETHER = re.compile(r"\bwhether\b(?!\s+(?:or\s+not\s+)?to\b)", re.IGNORECASE)
#: Words of inquiry: a rewrite sentence with one still asks ("asked residents about a new park").
_INQUIRY = frozenset((
    "ask", "asks", "asked", "asking", "question", "questions", "decide", "decides", "decided", "deciding",
    "check", "checks", "checked", "checking", "investigate", "investigates", "investigated", "investigating",
    "investigation", "wonder", "wonders", "wondered", "unclear", "unknown", "unsure", "test", "tests", "testing",
    "consider", "considers", "considering", "debate", "debating", "study", "studying", "examine", "examining",
))  # fmt: skip


def _questions_answered(side_o: _Side, side_r: _Side, sources: Sequence[int], group: Sequence[int]) -> list[Flip]:
    """An open question of the original ("police are investigating whether the fire was started
    deliberately") stated as a fact in the rewrite ("police say the fire was started deliberately"): the
    rewrite sentence keeps at least two thirds (and two) of the content words of the clause after "whether"
    within a stretch of twice its length, and has no hedge (:data:`_HEDGES`, "whether" and "if" among them)
    and no word of inquiry (:data:`_INQUIRY`: "asked residents about a new park" still asks)."""
    flips: list[Flip] = []
    stating: list[int] | None = None  # the rewrite sentences that neither hedge nor ask, once a question is met
    for index in sources:
        text = side_o.texts[index]
        for match in _WHETHER.finditer(text):
            cue = Fact("negation", index, match.start(), match.end(), match.group(), ("whether",), {"kind": "modality"})
            if stating is None:
                stating = [j for j in group if not (_hedged(side_r, j) or side_r.holds_any(j, _INQUIRY))]
            where = _clause(cue, text, side_r, stating)
            if where is None:
                continue
            said = _pseudo(index, match.start(), _clause_end(text, match.end()), side_o.texts)
            shown = _pseudo(*where, side_r.texts)
            flips.append(Flip(
                "modality", said, shown,
                f"modality changed: the original asks '{said.text}', the rewrite states '{shown.text}'",
            ))  # fmt: skip
    return flips


def _hedged(side: _Side, index: int, kept: frozenset[str] = frozenset()) -> bool:
    """Whether a sentence has a hedge word (:data:`_HEDGES`; "May" mid-sentence is the month), other than
    ``kept``."""
    lower = side.lower(index)
    if not side.holds_any(index, _HEDGES):
        return False
    words = _WORDS.findall(side.texts[index])
    return any(
        word in _HEDGES and word not in kept and (k == 0 or not words[k][0].isupper()) for k, word in enumerate(lower)
    )


def _clause_end(text: str, end: int) -> int:
    stop = _CLAUSE_STOP.search(text, end)
    return stop.start() if stop else len(text.rstrip())


#: What the auxiliaries before a verb say of its time (:func:`_time_of`).
_FUTURE_AUXILIARIES = frozenset(("will", "shall", "'ll", "’ll"))
_PAST_AUXILIARIES = frozenset(("was", "were", "had", "has", "have", "did"))
_OTHER_AUXILIARIES = frozenset(
    ("would", "could", "can", "may", "might", "must", "should", "to", "is", "are", "am", "being", "do", "does")
)
_APOSTROPHE_LL = re.compile(r"['’]ll$")
#: Words of intent or expectation that make the verb after "to" one of the future.
_INTENT = frozenset((
    "expect", "expects", "expected", "plan", "plans", "planned", "planning", "going", "due", "intend", "intends",
    "intended", "aim", "aims", "hope", "hopes", "hoped", "set",
))  # fmt: skip
_FUTURE_WORDS = _FUTURE_AUXILIARIES | _INTENT
#: The auxiliaries a finding shows with the verb whose time they give ("will be opened", "has closed").
_SHOWN_WITH_VERB = _FUTURE_AUXILIARIES | _PAST_AUXILIARIES | {"been", "be", "have"}
#: Verbs whose tense says little of when something happens: light and semi-modal verbs.
_TIMELESS_VERBS = frozenset((
    "need", "needs", "needed", "dare", "get", "got", "gets", "go", "went", "goes", "become", "became", "seem",
    "seemed", "used", "make", "made",
))  # fmt: skip


#: Adverbs that may stand between a verb and its auxiliaries ("will only be delivered", "has now closed").
_ADVERBS_IN_VERB = frozenset((
    "also", "already", "now", "soon", "then", "just", "finally", "still", "usually", "always", "only", "even",
    "probably", "likely",
))  # fmt: skip
#: A contracted "be" ("they're", "it's"; "'s" may be "has", left unread): a participle after it says a state.
_CONTRACTED_BE = re.compile(r"['’](?:re|m|s)$")
#: Linking verbs in the present, before a participle that then says a state ("remain closed", "stays open").
_LINKING_PRESENT = frozenset(("remain", "remains", "stay", "stays", "seem", "seems", "appear", "appears", "look",
                              "looks", "feel", "feels", "become", "becomes"))  # fmt: skip


def _time_of(lower: Sequence[str], k: int) -> str | None:
    """Whether word ``k`` of a sentence (its words in lower case) is said of the future ("will open", "will
    be opened", "expects profits to fall"), of the past ("opened", "has closed", "was sold") or neither
    (None: "would open", "to open", "is opened", "opens"), by the nearest auxiliary up to three words
    before it; a participle after "be" or "been", or a linking verb ("remain"), with no auxiliary of time
    before them is neither ("should still be taught", "remain banned")."""
    passive = False
    for at in range(k - 1, max(-1, k - 4), -1):
        word = lower[at]
        if word in ("not", "never", "cannot") or _contracted_negation(word):
            return None  # a negated verb is a negation's business
        if word in _FUTURE_AUXILIARIES or _APOSTROPHE_LL.search(word):
            return "future"
        if word == "to" and not _INTENT.isdisjoint(lower[max(0, at - 3) : at]):
            return "future"  # "expects profits to fall", "is due to open"
        if word == "have" and at > 0 and (lower[at - 1] == "to" or lower[at - 1] in MODALS):
            continue  # "will have opened", "expects to have opened": the time is the one before "have"
        if word in _PAST_AUXILIARIES:
            return "past"
        if word in _OTHER_AUXILIARIES:
            return None
        if word in ("be", "been", "being") or word in _LINKING_PRESENT:  # "will remain banned": a state
            passive = True
            continue
        if _CONTRACTED_BE.search(word):
            return None  # "they're unemployed", "it's closed": a state ("'s" may be "has": left unsaid)
        if word in _ADVERBS_IN_VERB:
            continue
        break
    if passive:
        return None
    word = lower[k]
    return "past" if word.endswith("ed") or word in irregular_verb_forms() else None


#: "by" and the two words after it, after a verb with no auxiliary before it.
_BY_AFTER = re.compile(r"\s+by\s+(?P<next>[^\s,.;:]+)(?:\s+(?P<then>[\w’'-]+))?")
#: Words after "by" that open the size of a change ("dropped by about 14%", "rose by nearly half").
_AMOUNT_OPENERS = frozenset((
    "about", "around", "almost", "nearly", "roughly", "some", "over", "more", "less", "up", "just", "only",
    "half", "as", "much", "far", "at", "between", "another",
))  # fmt: skip
#: Words after "by a" that say an amount ("cut by a third"), not an agent ("written by a local poet").
_AMOUNT_AFTER_A = frozenset((
    "third", "quarter", "fifth", "tenth", "half", "fraction", "factor", "lot", "little", "bit", "further",
    "record", "margin", "wide", "narrow", "point", "percentage", "hundred", "thousand", "million", "billion",
))  # fmt: skip


def _agent_after(text: str, end: int) -> bool:
    """Whether the verb that ends at ``end`` is a participle with its agent after "by" ("a symphony
    *conducted by Elena Varga*"), not a verb with the size of a change after it ("dropped by 14%", "cut by a
    third", "rose by nearly half", "fell by five")."""
    by = _BY_AFTER.match(text, end)
    if by is None:
        return False
    after, then = by.group("next").lower(), (by.group("then") or "").lower()
    if not after[0].isalpha() or spelled_value(after) is not None:
        return False
    if after in ("a", "an"):
        return then not in _AMOUNT_AFTER_A
    return after not in _AMOUNT_OPENERS


def _tense_changes(side_o: _Side, side_r: _Side, sources: Sequence[int], group: Sequence[int]) -> list[Flip]:
    """A verb said of the future on one side and of the past on the other, in aligned sentences: "the
    bridge will open in June" / "the bridge opened in June", "has closed" / "will close" (a plan told as
    done, or the other way round). Only where every mention of the verb on each side has one time."""
    if not any(side_o.says_future(i) for i in sources) and not any(side_r.says_future(j) for j in group):
        return []
    flips: list[Flip] = []
    times_o = _mentions(side_o, sources)
    times_r = _mentions(side_r, group)
    for verb, mentions_o in times_o.items():
        mentions_r = times_r.get(verb)
        if not mentions_r:
            continue
        kinds_o = {time for time, *_ in mentions_o}
        kinds_r = {time for time, *_ in mentions_r}
        if len(kinds_o) != 1 or len(kinds_r) != 1 or kinds_o == kinds_r or None in kinds_o | kinds_r:
            continue
        _, index_o, start_o, end_o = mentions_o[0]
        _, index_r, start_r, end_r = mentions_r[0]
        said, shown = _pseudo(index_o, start_o, end_o, side_o.texts), _pseudo(index_r, start_r, end_r, side_r.texts)
        flips.append(Flip(
            "tense", said, shown,
            f"time changed: '{said.text}' ({next(iter(kinds_o))}) became '{shown.text}' ({next(iter(kinds_r))})",
        ))  # fmt: skip
    return flips


def _mentions(side: _Side, sentences: Sequence[int]) -> dict[str, list[tuple[str | None, int, int, int]]]:
    """Each stem's mentions in ``sentences`` (:func:`_verb_times`): (time, sentence, start, end)."""
    found: dict[str, list[tuple[str | None, int, int, int]]] = {}
    for index in sentences:
        for word_stem, time, start, end in side.verb_times(index):
            found.setdefault(word_stem, []).append((time, index, start, end))
    return found


def _verb_times(side: _Side, index: int) -> list[tuple[str, str | None, int, int]]:
    """The content words of a sentence (light verbs, verbs of speech and names left out), each as (its
    stem, its time by :func:`_time_of`, start of its auxiliaries, end of the word)."""
    found: list[tuple[str, str | None, int, int]] = []
    lower = side.lower(index)
    words = list(_WORDS.finditer(side.texts[index]))
    for k, word in enumerate(lower):
        if (
            _function_word(word)
            or word in AUXILIARIES
            or word in _TIMELESS_VERBS
            or stem(word) in SPEECH_STEMS  # "said" / "will say": reporting, not the event
            or len(word) < 3
            or (k > 0 and words[k].group()[0].isupper())
        ):
            continue
        time = _time_of(lower, k)
        if (
            time == "past"
            and (k == 0 or lower[k - 1] not in AUXILIARIES)
            and _agent_after(side.texts[index], words[k].end())
        ):
            time = None  # a participle ("the film, directed by Ana Ruiz"), not a verb of the past
        start = words[k].start()
        if time is not None:
            first = k
            while (
                first > 0
                and k - first < 3
                and (
                    lower[first - 1] in _SHOWN_WITH_VERB
                    or lower[first - 1] in _LINKING_PRESENT
                    or (time == "future" and lower[first - 1] == "to")
                )
            ):
                first -= 1
            start = words[first].start()
        found.append((stem(word), time, start, words[k].end()))
    return found


def _snippet(text: str, fact: Fact) -> str:
    """A few words around a cue, for messages."""
    start = max(0, text.rfind(" ", 0, max(0, fact.start - 25)) + 1)
    end = text.find(" ", min(len(text), fact.end + 25))
    return "…" * (start > 0) + text[start : end if end > 0 else len(text)].strip() + "…" * (end > 0)
