"""Perturbation generators, and a small perturbation suite that CI runs (the full one is
``scripts/perturbation_suite.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from evalkit import Evaluator, Pair
from evalkit.drift.perturb import CATEGORIES, EXTRA_CATEGORIES, Perturbation, detected, perturb
from evalkit.io import read_text

TEXT = (
    "Harwick council met on Tuesday, 14 March 2023. The mayor, Helen Okafor, said the bridge carries "
    "14,000 cars a day and is not safe. “We will close the road for six weeks,” she said. Repairs will "
    "cost £4.2 million, and the work can start in June, officials in the town said. Most drivers often use "
    "the old ferry instead."
)


@pytest.mark.parametrize("category", [*CATEGORIES, *EXTRA_CATEGORIES])
def test_a_perturbation_changes_the_text_where_it_says(category: str) -> None:
    perturbation = perturb(category, TEXT, [TEXT], f"7:{category}")
    assert perturbation is not None
    assert perturbation.category == category
    assert perturbation.text != TEXT
    if category == "delete":
        assert TEXT[perturbation.start : perturbation.end] not in perturbation.text
    else:
        changed = perturbation.text[perturbation.start : perturbation.end]
        assert changed and (changed not in TEXT or category in ("insert", "clause", "negation", "quantity"))
        for start, end in perturbation.facts:
            assert perturbation.start <= start < end <= perturbation.end


@pytest.mark.parametrize("category", [*CATEGORIES, *EXTRA_CATEGORIES])
def test_perturbations_are_reproducible(category: str) -> None:
    assert perturb(category, TEXT, [TEXT], "seed") == perturb(category, TEXT, [TEXT], "seed")


def test_no_site_no_perturbation() -> None:
    assert perturb("quote", "A plain sentence without quotation marks.", [], "1") is None
    assert perturb("number", "No figures here at all.", [], "1") is None


def test_detected_needs_a_span_covering_the_perturbed_words() -> None:
    perturbation = Perturbation("number", "It has 41,000 cars.", 7, 13, "number")
    covering = {"type": "changed", "rewrite": {"start": 7, "end": 13, "text": "41,000"}, "original": None}
    elsewhere = {"type": "added", "rewrite": {"start": 0, "end": 2, "text": "It"}, "original": None}
    assert detected(perturbation, [covering], self_pair=False)
    assert not detected(perturbation, [elsewhere], self_pair=False)


def test_an_invented_clause_is_detected_by_a_span_over_half_of_it() -> None:
    """A finding of added content is trimmed to the words nothing supports: "and" may stay outside it."""
    text = "The plan passed, and critics quickly described the whole plan as a dangerous mistake."
    start = text.index("and critics")
    perturbation = Perturbation("clause", text, start, len(text) - 1, "clause")

    def finding(first: int, last: int) -> dict[str, object]:
        return {"type": "added", "rewrite": {"start": first, "end": last, "text": text[first:last]}, "original": None}

    assert detected(perturbation, [finding(text.index("critics"), len(text) - 1)], self_pair=False)
    assert not detected(perturbation, [finding(text.index("critics"), text.index(" quickly"))], self_pair=False)


EXAMPLES = Path(__file__).resolve().parents[2] / "corpora" / "examples"
ONESTOP_SAMPLE = ("Japan", "WNL Calais Migrants", "WNL Poverty", "Blackberry")


def _base_pairs(shared: Path) -> list[tuple[str, str, str]]:
    pairs = []
    for name in ONESTOP_SAMPLE:
        adv, ele = (
            shared / "corpora" / "onestop-dev" / "adv" / f"{name}.txt",
            shared / "corpora" / "onestop-dev" / "ele" / f"{name}.txt",
        )
        if adv.exists() and ele.exists():
            pairs.append((f"onestop/{name}", read_text(adv).text, read_text(ele).text))
    for original in sorted(EXAMPLES.glob("*.original.txt"))[:3]:
        rewrite = original.with_name(original.name.replace(".original.", ".rewrite."))
        pairs.append((f"examples/{original.name.split('.')[0]}", read_text(original).text, read_text(rewrite).text))
    return pairs


def test_small_perturbation_suite(shared: Path, fast_evaluator: Evaluator) -> None:
    """Every category planted in a few articles: found in the rewrite-against-itself setting every time,
    and in the realistic setting (original against the perturbed rewrite) in most pairs."""
    jobs: list[tuple[str, Perturbation, Pair]] = []
    for name, original, rewrite in _base_pairs(shared):
        for category in CATEGORIES:
            perturbation = perturb(category, rewrite, [original, rewrite], f"13:{name}:{category}")
            if perturbation is None:
                continue
            jobs.append(("self", perturbation, Pair(name, rewrite, perturbation.text)))
            jobs.append(("realistic", perturbation, Pair(name, original, perturbation.text)))
    reports = fast_evaluator.evaluate_batch([pair for _, _, pair in jobs])
    hits: dict[tuple[str, str], list[bool]] = {}
    for (setting, perturbation, pair), report in zip(jobs, reports, strict=True):
        assert not isinstance(report, Exception), pair.id
        found = detected(perturbation, report.to_dict()["drift"]["findings"], self_pair=setting == "self")
        hits.setdefault((setting, perturbation.category), []).append(found)
    assert {category for _, category in hits} == set(CATEGORIES)
    for (setting, category), found in sorted(hits.items()):
        if setting == "self":
            assert all(found), f"{category}: {found}"
        elif category != "negation":  # negations rephrased by the original are the hard case (see the report)
            assert sum(found) >= 0.75 * len(found), f"{category}: {found}"
