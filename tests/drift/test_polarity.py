"""Flipped negations and changed modality within aligned sentences."""

from __future__ import annotations

import pytest

from evalkit.drift.facts import extract_facts, name_evidence
from evalkit.drift.polarity import Flip, find_flips, negative_cues


def flips(original: list[str], rewrite: list[str]) -> list[Flip]:
    """Flips between two texts aligned sentence by sentence."""
    evidence = name_evidence([*original, *rewrite])
    facts_o = [extract_facts(text, i, evidence) for i, text in enumerate(original)]
    facts_r = [extract_facts(text, i, evidence) for i, text in enumerate(rewrite)]
    groups = [[i] for i in range(len(original))]
    return find_flips(facts_o, facts_r, original, rewrite, groups, groups)


@pytest.mark.parametrize(
    ("original", "rewrite", "kind", "shown"),
    [
        ("The footbridge is not expected to be affected.", "The footbridge is expected to be affected.",
         "negation-removed", "is expected"),
        ("They probably won’t mate soon.", "They probably will mate soon.", "negation-removed", "will mate"),
        ("Banknotes are not just practical.", "Banknotes are just practical.", None, None),
        ("But, that was not all.", "But, that was all.", "negation-removed", "was all"),
        ("The method was more than 80% reliable.", "The method was not more than 80% reliable.", None, None),
        ("Prices rose sharply across the region last year.",
         "Prices did not rise sharply across the region last year.",
         "negation-added", "did not"),
        ("Weather is also having an effect on tourism.", "Weather is not also having an effect on tourism.",
         "negation-added", "is not"),
        ("The plan failed to deliver results.", "The plan did not deliver results.", None, None),
        ("We have a theatre rather than a large venue.", "We have a theatre, not a large venue.", None, None),
        ("The bridge may close to traffic.", "The bridge will close to traffic.", "modality", "will"),
        ("The bridge could close to traffic.", "The bridge can close to traffic.", None, None),
        ("He would be ready.", "He will be ready.", None, None),
    ],
)  # fmt: skip
def test_flips(original: str, rewrite: str, kind: str | None, shown: str | None) -> None:
    found = flips([original], [rewrite])
    if kind is None:
        assert found == []
    else:
        assert [(flip.kind, flip.rewrite.text) for flip in found] == [(kind, shown)]
        assert rewrite[found[0].rewrite.start : found[0].rewrite.end] == shown


def test_a_dropped_negated_clause_is_no_flip() -> None:
    original = ["The council agreed the plan, but it did not publish the costs."]
    rewrite = ["The council agreed the plan."]
    assert flips(original, rewrite) == []


def test_a_flip_needs_aligned_sentences() -> None:
    evidence = name_evidence(["It was not late.", "It was late."])
    facts_o = [extract_facts("It was not late.", 0, evidence)]
    facts_r = [extract_facts("It was late.", 0, evidence)]
    assert find_flips(facts_o, facts_r, ["It was not late."], ["It was late."], [[]], [[]]) == []


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("It was late.", 0),
        ("It was not late.", 1),
        ("They failed to deliver, and did not apologise.", 2),
        ("We chose a theatre rather than a stadium.", 1),
    ],
)
def test_negative_cues(text: str, count: int) -> None:
    assert negative_cues(text, extract_facts(text, 0)) == count
