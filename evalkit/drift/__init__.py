"""Factual drift: which facts the rewrite dropped, changed or added, pointed at the exact words.

Facts (:mod:`evalkit.drift.facts`) are extracted from every scored sentence of both texts and matched
(:mod:`evalkit.drift.matching`): first within the rewrite sentences aligned to the original sentence (its
*region*, shared with the meaning metric), then anywhere in the rewrite, so a fact that moved to another
paragraph is still found. Equal facts in other words match ("five" = "5", "26 June" = "June 26",
"U.S." = "United States", "Biden" = "Joe Biden", "South Korean" ~ "South Korea").

Classification:

* ``changed``: an original fact with a counterpart of the same kind in its region that differs — another
  number, another date, a near-miss spelling or another name, a negation removed or added before the same
  word, another modal verb, other words inside a quotation, another speaker;
* ``dropped``: an original fact found nowhere in the rewrite;
* ``added``: a rewrite fact with no source anywhere in the original; a rewrite sentence with no
  counterpart and no content support (``meaning.unsupported``) that carries no fact of its own is an
  ``added`` finding of category ``other``, and an original sentence dropped whole without facts of its own
  a ``dropped``/``other`` one.

Severity (:func:`severity`): changed and added findings are ``major``; a dropped one is ``minor`` unless
it carries a number, a name or a negation (a dropped date with digits carries a number).

Score (:func:`drift_score`), in [0, 1), 0 = no drift::

    weight(finding) = {major: 1.0, minor: 0.3}[severity] * {changed: 1.0, added: 1.0, dropped: 0.5}[type]
    facts           = max(4, (facts in the original + facts in the rewrite) / 2)
    score           = 1 - exp(-2 * sum(weights) / facts)

so it is normalised for length by the number of facts at stake: one changed number among four facts
scores 0.39, among forty 0.05 (a gate on ``max_major`` catches single errors in long texts).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from evalkit.document import Document
from evalkit.drift.facts import Fact, extract_facts
from evalkit.drift.matching import Match, match_facts
from evalkit.meaning import MeaningResult
from evalkit.spans import TextSpan

FindingType = Literal["dropped", "changed", "added"]
Severity = Literal["minor", "major"]

SEVERITY_WEIGHTS: dict[str, float] = {"major": 1.0, "minor": 0.3}
TYPE_WEIGHTS: dict[str, float] = {"changed": 1.0, "added": 1.0, "dropped": 0.5}
MIN_FACTS = 4.0
SCORE_RATE = 2.0


@dataclass(frozen=True, slots=True)
class Finding:
    """One lost, changed or invented fact."""

    type: FindingType
    category: str  # number | date | name | quote | negation | other
    severity: Severity
    original: TextSpan | None
    rewrite: TextSpan | None
    message: str
    kind: str = ""  # finer category: count, percent, ordinal, weekday, modality, speaker ...
    original_sentence: int | None = None
    rewrite_sentence: int | None = None

    @property
    def weight(self) -> float:
        return SEVERITY_WEIGHTS[self.severity] * TYPE_WEIGHTS[self.type]

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "category": self.category,
            "kind": self.kind or self.category,
            "severity": self.severity,
            "original": self.original.to_dict() if self.original else None,
            "rewrite": self.rewrite.to_dict() if self.rewrite else None,
            "original_sentence": self.original_sentence,
            "rewrite_sentence": self.rewrite_sentence,
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class DriftResult:
    score: float
    findings: tuple[Finding, ...]
    fact_counts: dict[str, dict[str, int]]

    def to_dict(self) -> dict[str, Any]:
        counts: dict[str, int] = {"dropped": 0, "changed": 0, "added": 0, "major": 0, "minor": 0}
        for finding in self.findings:
            counts[finding.type] += 1
            counts[finding.severity] += 1
        return {
            "score": round(self.score, 4),
            "counts": counts,
            "facts": self.fact_counts,
            "findings": [finding.to_dict() for finding in self.findings],
        }


def severity(finding_type: str, category: str, carries: Sequence[str] = ()) -> Severity:
    """Changed and added facts are major; dropped ones minor unless they carry a number, name or negation."""
    if finding_type in ("changed", "added"):
        return "major"
    if category in ("number", "name", "negation") or any(c in ("number", "name", "negation") for c in carries):
        return "major"
    return "minor"


def drift_score(findings: Sequence[Finding], facts_original: int, facts_rewrite: int) -> float:
    """Severity-weighted findings per fact at stake, squashed into [0, 1) (see the module docstring)."""
    total = sum(finding.weight for finding in findings)
    at_stake = max(MIN_FACTS, (facts_original + facts_rewrite) / 2)
    return 1.0 - math.exp(-SCORE_RATE * total / at_stake)


def _carried(fact: Fact) -> list[str]:
    """Categories a fact carries: a date written with digits carries a number."""
    carried = [fact.category]
    if fact.category == "date" and any(character.isdigit() for character in fact.text):
        carried.append("number")
    if fact.category == "quote":
        inner = extract_facts(fact.text, fact.sentence)
        carried.extend(f.category for f in inner if f.category in ("number", "name"))
        carried.extend("negation" for f in inner if f.category == "negation" and f.kind == "negation")
    return carried


def _span(document: Document, fact: Fact) -> TextSpan:
    return document.sentence_span(document.sentences[fact.sentence], fact.start, fact.end)


def _sentence_span(document: Document, index: int) -> TextSpan:
    sentence = document.sentences[index]
    return TextSpan(document.text[sentence.start : sentence.end], sentence.start, sentence.end)


def assess_drift(original: Document, rewrite: Document, meaning: MeaningResult) -> DriftResult:
    """Every dropped, changed and added fact of ``rewrite`` with respect to ``original``."""
    facts_o = [extract_facts(sentence.text, sentence.index) for sentence in original.sentences]
    facts_r = [extract_facts(sentence.text, sentence.index) for sentence in rewrite.sentences]
    matches: list[Match] = match_facts(
        facts_o,
        facts_r,
        meaning.original_regions,
        meaning.rewrite_regions,
        [sentence.text for sentence in original.sentences],
        [sentence.text for sentence in rewrite.sentences],
    )
    findings: list[Finding] = []
    for match in matches:
        fact_o, fact_r = match.original, match.rewrite
        category = (fact_o or fact_r).category  # type: ignore[union-attr]
        carried = _carried(fact_o) if fact_o is not None and match.type == "dropped" else []
        findings.append(
            Finding(
                type=match.type,
                category=category,
                severity=severity(match.type, category, carried),
                original=_span(original, fact_o) if fact_o else None,
                rewrite=_span(rewrite, fact_r) if fact_r else None,
                message=match.message,
                kind=match.kind,
                original_sentence=fact_o.sentence if fact_o else None,
                rewrite_sentence=fact_r.sentence if fact_r else None,
            )
        )
    _sentence_findings(original, rewrite, meaning, facts_o, facts_r, findings)
    findings.sort(key=_finding_order)
    counted = ("number", "date", "name", "quote")
    count_o = sum(1 for facts in facts_o for fact in facts if fact.category in counted)
    count_r = sum(1 for facts in facts_r for fact in facts if fact.category in counted)
    by_category = {
        side: {c: sum(1 for fs in facts for f in fs if f.category == c) for c in (*counted, "negation")}
        for side, facts in (("original", facts_o), ("rewrite", facts_r))
    }
    return DriftResult(
        score=drift_score(findings, count_o, count_r), findings=tuple(findings), fact_counts=by_category
    )


def _finding_order(finding: Finding) -> tuple[int, int, str]:
    side = finding.original or finding.rewrite
    assert side is not None
    return (0 if finding.original else 1, side.start, finding.category)


def _sentence_findings(
    original: Document,
    rewrite: Document,
    meaning: MeaningResult,
    facts_o: Sequence[Sequence[Fact]],
    facts_r: Sequence[Sequence[Fact]],
    findings: list[Finding],
) -> None:
    """Whole sentences dropped or invented that carry no fact of their own (facts are reported as facts)."""
    checkable = ("number", "date", "name", "quote")
    for index in meaning.dropped:
        if not any(f.category in checkable for f in facts_o[index]):
            findings.append(
                Finding(
                    "dropped", "other", "minor", _sentence_span(original, index), None,
                    "sentence dropped: no counterpart in the rewrite", "sentence", index, None,
                )  # fmt: skip
            )
    for index in meaning.unsupported:
        if not any(f.category in checkable for f in facts_r[index]):
            findings.append(
                Finding(
                    "added", "other", "major", None, _sentence_span(rewrite, index),
                    "sentence added: nothing in the original supports it", "sentence", None, index,
                )  # fmt: skip
            )
