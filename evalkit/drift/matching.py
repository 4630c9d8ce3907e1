"""Matching facts across an original and its rewrite.

Per category, an original fact is *kept* when an equal fact stands in its region of the rewrite (the
aligned sentences) or anywhere else in the rewrite; otherwise the closest unmatched fact of the same kind in
its region is its *changed* counterpart; otherwise it was *dropped*. Rewrite facts nobody matched are
*added*. Negations and modal verbs are compared only where both sides keep the word they bear on, which is
what a flipped negation looks like ("has not changed" -> "has changed"); a rephrased or dropped clause is
left to the meaning metric.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from evalkit import lexicon
from evalkit.drift.facts import Fact, demonym_root

MatchType = Literal["dropped", "changed", "added"]
_APPROXIMATORS = re.compile(
    r"\b(?:about|around|roughly|nearly|almost|approximately|some|over|more than|less than|fewer than|"
    r"up to|at least|under|close to)\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Match:
    """A finding in the making: the fact on each side (one may be ``None``) and what happened."""

    type: MatchType
    original: Fact | None
    rewrite: Fact | None
    message: str
    kind: str


# ------------------------------------------------------------------------------------------ equality rules


def _name_tokens(fact: Fact) -> tuple[str, ...]:
    return tuple(str(fact.key[1]).split())


def names_equal(a: Fact, b: Fact) -> bool:
    """Same canonical name, one name's words inside the other's ("Biden" / "Joe Biden"), or a demonym
    of the same place ("South Korean" / "South Korea")."""
    if a.key == b.key:
        return True
    left, right = _name_tokens(a), _name_tokens(b)
    if not left or not right:
        return False
    small, large = (left, right) if len(left) <= len(right) else (right, left)
    if all(token in large for token in small) and any(len(token) > 2 for token in small):
        return True
    roots_small = [demonym_root(token) for token in small]
    roots_large = [demonym_root(token) for token in large]
    return all(root in roots_large for root in roots_small) and len(small) == len(large)


def name_similarity(a: Fact, b: Fact) -> float:
    """Spelling similarity of two names (difflib ratio of their canonical forms)."""
    return difflib.SequenceMatcher(None, str(a.key[1]), str(b.key[1])).ratio()


def numbers_equal(a: Fact, b: Fact, rewrite_text: str = "") -> bool:
    if a.key == b.key:
        return True
    if a.key[0] != b.key[0] or a.key[0] in ("vague", "ordinal"):
        return False
    value_a, value_b = a.detail.get("value"), b.detail.get("value")
    if not isinstance(value_a, float) or not isinstance(value_b, float) or value_a == 0:
        return False
    # a rounded figure announced as such: "4,891" -> "about 5,000"
    approximate = bool(_APPROXIMATORS.search(rewrite_text[: b.start]))
    return approximate and abs(value_a - value_b) / abs(value_a) <= 0.1


def dates_equal(a: Fact, b: Fact) -> bool:
    """Equal, or one date a less specific form of the other ("June 26, 2022" / "June 26")."""
    if a.key == b.key:
        return True
    if a.key[0] != "date" or b.key[0] != "date":
        return False
    fields = list(zip(a.key[1:], b.key[1:], strict=True))
    return all(x == y or x is None or y is None for x, y in fields) and any(
        x == y and x is not None for x, y in fields
    )


def quotes_equal(a: Fact, b: Fact) -> bool:
    return a.key == b.key


def quote_overlap(a: Fact, b: Fact) -> float:
    left, right = set(a.key), set(b.key)
    if not left or not right:
        return 0.0
    return len(left & right) / min(len(left), len(right))


def _date_kind(fact: Fact) -> str:
    return str(fact.key[0]) if fact.key[0] != "date" else ("year" if fact.key[1] is None else "date")


# ------------------------------------------------------------------------------------------------ matcher


def match_facts(
    original: Sequence[Sequence[Fact]],
    rewrite: Sequence[Sequence[Fact]],
    original_regions: Sequence[Sequence[int]],
    rewrite_regions: Sequence[Sequence[int]],
    original_texts: Sequence[str],
    rewrite_texts: Sequence[str],
) -> list[Match]:
    """Every dropped, changed and added fact (see the module docstring); ``*_texts`` are the sentence
    texts the facts were extracted from."""
    matches: list[Match] = []
    for category, equal, describe in (
        ("number", _number_equal(rewrite_texts), _describe_number),
        ("date", dates_equal, _describe_date),
        ("name", names_equal, _describe_name),
        ("quote", quotes_equal, _describe_quote),
    ):
        matches.extend(
            _match_category(category, equal, describe, original, rewrite, original_regions, rewrite_regions)
        )
    matches.extend(_match_polarity(original, rewrite, original_regions, original_texts, rewrite_texts))
    return matches


def _number_equal(rewrite_texts: Sequence[str]) -> Callable[[Fact, Fact], bool]:
    def equal(a: Fact, b: Fact) -> bool:
        text = rewrite_texts[b.sentence] if b.sentence < len(rewrite_texts) else ""
        return numbers_equal(a, b, text)

    return equal


def _facts_of(facts: Sequence[Sequence[Fact]], category: str) -> list[Fact]:
    return [fact for sentence in facts for fact in sentence if fact.category == category]


def _compatible(category: str, a: Fact, b: Fact) -> bool:
    """Whether ``b`` may be the changed form of ``a``."""
    if category == "number":
        if a.key[0] != b.key[0]:
            return False
        unit_a, unit_b = a.detail.get("unit"), b.detail.get("unit")
        return not unit_a or not unit_b or unit_a == unit_b or len(a.key) < 3
    if category == "date":
        return _date_kind(a) == _date_kind(b)
    if category == "name":
        shared = set(_name_tokens(a)) & set(_name_tokens(b))
        return bool(shared) or name_similarity(a, b) >= 0.6
    if category == "quote":
        return quote_overlap(a, b) >= 0.3
    return False


def _closeness(category: str, a: Fact, b: Fact) -> float:
    if category == "name":
        return name_similarity(a, b)
    if category == "quote":
        return quote_overlap(a, b)
    return 1.0 / (1 + abs(a.start - b.start) / 100)


def _match_category(
    category: str,
    equal: Callable[[Fact, Fact], bool],
    describe: Callable[[str, Fact | None, Fact | None], str],
    original: Sequence[Sequence[Fact]],
    rewrite: Sequence[Sequence[Fact]],
    original_regions: Sequence[Sequence[int]],
    rewrite_regions: Sequence[Sequence[int]],
) -> list[Match]:
    all_o = _facts_of(original, category)
    all_r = _facts_of(rewrite, category)
    matched_r: set[int] = set()  # ids of rewrite facts equal to some original fact
    pending: list[Fact] = []
    for fact in all_o:
        region = set(original_regions[fact.sentence]) if fact.sentence < len(original_regions) else set()
        local = [other for other in all_r if other.sentence in region and equal(fact, other)]
        anywhere = local or [other for other in all_r if equal(fact, other)]
        if anywhere:
            matched_r.update(id(other) for other in anywhere)
        else:
            pending.append(fact)
    # rewrite facts equal to no original fact may be the changed form of a pending one
    unmatched_r = [fact for fact in all_r if id(fact) not in matched_r]
    unmatched_r = [fact for fact in unmatched_r if not any(equal(o, fact) for o in all_o)]
    results: list[Match] = []
    consumed: set[int] = set()
    for fact in pending:
        region = set(original_regions[fact.sentence]) if fact.sentence < len(original_regions) else set()
        candidates = [
            other
            for other in unmatched_r
            if id(other) not in consumed and other.sentence in region and _compatible(category, fact, other)
        ]
        if candidates:
            best = max(candidates, key=lambda other: _closeness(category, fact, other))
            consumed.add(id(best))
            results.append(Match("changed", fact, best, describe("changed", fact, best), fact.kind))
        else:
            results.append(Match("dropped", fact, None, describe("dropped", fact, None), fact.kind))
    for fact in unmatched_r:
        if id(fact) not in consumed:
            results.append(Match("added", None, fact, describe("added", None, fact), fact.kind))
    return results


# --------------------------------------------------------------------------------------- negation, modals


def _scope_stem(fact: Fact) -> str:
    return lexicon.stem(str(fact.detail.get("scope") or ""))


def _match_polarity(
    original: Sequence[Sequence[Fact]],
    rewrite: Sequence[Sequence[Fact]],
    original_regions: Sequence[Sequence[int]],
    original_texts: Sequence[str],
    rewrite_texts: Sequence[str],
) -> list[Match]:
    """Negations removed or added, and modal verbs changed, before a word both sides keep."""
    results: list[Match] = []
    for sentence_index, facts in enumerate(original):
        region = original_regions[sentence_index] if sentence_index < len(original_regions) else ()
        region_facts = [fact for j in region for fact in rewrite[j] if fact.category == "negation"]
        region_words = _region_words(rewrite_texts, region)
        for fact in facts:
            if fact.category != "negation":
                continue
            scope = _scope_stem(fact)
            if not scope or scope not in region_words:
                continue
            same_kind = [f for f in region_facts if f.kind == fact.kind and _scope_stem(f) == scope]
            if fact.kind == "negation" and not same_kind:
                results.append(Match(
                    "changed", fact, _word_fact(rewrite_texts, region, scope),
                    f"negation removed: the original says '{fact.text} … {fact.detail.get('scope')}', "
                    f"the rewrite keeps '{fact.detail.get('scope')}' without it", "negation",
                ))  # fmt: skip
            elif fact.kind == "modality":
                modal = fact.detail.get("modal")
                others = [f for f in region_facts if f.kind == "modality" and _scope_stem(f) == scope]
                if others and all(f.key[1] != fact.key[1] for f in others):
                    other = others[0]
                    results.append(Match(
                        "changed", fact, other,
                        f"modality changed: '{modal}' became '{other.detail.get('modal')}' "
                        f"before '{fact.detail.get('scope')}'", "modality",
                    ))  # fmt: skip
    # negations the rewrite adds before a word the original has without one
    for sentence_index, facts in enumerate(rewrite):
        for fact in facts:
            if fact.category != "negation" or fact.kind != "negation":
                continue
            scope = _scope_stem(fact)
            sources = [i for i, region in enumerate(original_regions) if sentence_index in region]
            if not scope or not sources:
                continue
            source_words = _region_words(original_texts, sources)
            source_negations = [
                f for i in sources for f in original[i] if f.category == "negation" and f.kind == "negation"
                and _scope_stem(f) == scope
            ]  # fmt: skip
            if scope in source_words and not source_negations:
                results.append(Match(
                    "changed", _word_fact(original_texts, sources, scope), fact,
                    f"negation added: the rewrite says '{fact.text} … {fact.detail.get('scope')}', "
                    f"the original has '{fact.detail.get('scope')}' without it", "negation",
                ))  # fmt: skip
    return results


_WORDS = re.compile(r"[A-Za-z][\w'’-]*")


def _region_words(texts: Sequence[str], region: Sequence[int]) -> set[str]:
    return {lexicon.stem(word) for index in region for word in _WORDS.findall(texts[index])}


def _word_fact(texts: Sequence[str], region: Sequence[int], scope: str) -> Fact | None:
    """A pseudo-fact pointing at the scope word on the other side (for the finding's span)."""
    for index in region:
        for match in _WORDS.finditer(texts[index]):
            if lexicon.stem(match.group()) == scope:
                return Fact("negation", index, match.start(), match.end(), match.group(), ("word", scope))
    return None


# ----------------------------------------------------------------------------------------------- messages


def _describe_number(kind: str, a: Fact | None, b: Fact | None) -> str:
    if kind == "changed" and a and b:
        return f"number changed: '{a.text}' became '{b.text}'"
    if kind == "dropped" and a:
        return f"number dropped: '{a.text}' is not in the rewrite"
    assert b is not None
    return f"number added: '{b.text}' is not in the original"


def _describe_date(kind: str, a: Fact | None, b: Fact | None) -> str:
    if kind == "changed" and a and b:
        return f"date changed: '{a.text}' became '{b.text}'"
    if kind == "dropped" and a:
        return f"date dropped: '{a.text}' is not in the rewrite"
    assert b is not None
    return f"date added: '{b.text}' is not in the original"


def _describe_name(kind: str, a: Fact | None, b: Fact | None) -> str:
    if kind == "changed" and a and b:
        similarity = name_similarity(a, b)
        how = "spelt differently" if similarity >= 0.6 else "replaced"
        return f"name changed ({how}): '{a.text}' became '{b.text}'"
    if kind == "dropped" and a:
        return f"name dropped: '{a.text}' is not in the rewrite"
    assert b is not None
    return f"name added: '{b.text}' is not in the original"


def _describe_quote(kind: str, a: Fact | None, b: Fact | None) -> str:
    if kind == "changed" and a and b:
        removed = [w for w in a.key if w not in set(b.key)]
        added = [w for w in b.key if w not in set(a.key)]
        parts = []
        if removed:
            parts.append("removed " + ", ".join(f"'{w}'" for w in removed[:5]) + (" …" if len(removed) > 5 else ""))
        if added:
            parts.append("added " + ", ".join(f"'{w}'" for w in added[:5]) + (" …" if len(added) > 5 else ""))
        speaker = ""
        if a.detail.get("speaker") and b.detail.get("speaker"):
            speaker = f" (said by {b.detail['speaker']})"
        return f"quotation altered{speaker}: words inside the quotation marks differ — " + "; ".join(parts)
    if kind == "dropped" and a:
        return "quotation dropped: the rewrite does not quote these words"
    return "quotation added: the original has no such quotation"
