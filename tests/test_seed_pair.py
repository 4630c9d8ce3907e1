"""Acceptance of the pipeline issue on the seed pair (../shared/seeds)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from evalkit import Evaluator, read_text


@pytest.fixture(scope="module")
def seed_report(seed_pair: tuple[Path, Path], evaluator: Evaluator) -> dict[str, Any]:
    original, rewrite = seed_pair
    return evaluator.evaluate(read_text(original), read_text(rewrite), pair_id="seed").to_dict()


def _findings(report: dict[str, Any], kind: str, category: str) -> list[dict[str, Any]]:
    return [f for f in report["drift"]["findings"] if f["type"] == kind and f["category"] == category]


def test_rewrite_is_easier(seed_report: dict[str, Any]) -> None:
    assert seed_report["readability"]["gain"] > 0


def test_name_change_is_found_with_offsets(seed_report: dict[str, Any], seed_pair: tuple[Path, Path]) -> None:
    changed = _findings(seed_report, "changed", "name")
    pairs = {(f["original"]["text"], f["rewrite"]["text"]) for f in changed}
    assert ("Yoon Si-yeol", "Yoon Suk-yeol") in pairs
    finding = next(f for f in changed if f["original"]["text"] == "Yoon Si-yeol")
    original_text = read_text(seed_pair[0]).text
    rewrite_text = read_text(seed_pair[1]).text
    assert original_text[finding["original"]["start"] : finding["original"]["end"]] == "Yoon Si-yeol"
    assert rewrite_text[finding["rewrite"]["start"] : finding["rewrite"]["end"]] == "Yoon Suk-yeol"
    assert finding["severity"] == "major"


def test_dropped_date(seed_report: dict[str, Any]) -> None:
    assert any(f["original"]["text"] == "June 26" for f in _findings(seed_report, "dropped", "date"))


def test_added_brussels(seed_report: dict[str, Any]) -> None:
    added = [f for f in seed_report["drift"]["findings"] if f["type"] == "added"]
    assert any("Brussels" in f["rewrite"]["text"] for f in added)


def test_reworded_quotations_are_changed(seed_report: dict[str, Any]) -> None:
    quotes = _findings(seed_report, "changed", "quote")
    assert any(f["original"]["text"].startswith("The United States is taking") for f in quotes)
    assert any(f["original"]["text"].startswith("This proves the hypocrisy") for f in quotes)


def test_boilerplate_is_ignored_and_yields_no_finding(seed_report: dict[str, Any]) -> None:
    ignored = seed_report["original"]["ignored"]
    boilerplate = [span for span in ignored if span["reason"] == "boilerplate"]
    texts = " ".join(span["text"] for span in boilerplate)
    for phrase in ("Post a Comment", "Join Us On Telegram", "We recommend using Chrome"):
        assert phrase in texts
    start = min(span["start"] for span in boilerplate)
    for finding in seed_report["drift"]["findings"]:
        if finding["original"]:
            assert finding["original"]["end"] <= start


def test_report_has_minimum_fields(seed_report: dict[str, Any]) -> None:
    for side in ("original", "rewrite"):
        assert {"words", "sentences", "ignored"} <= seed_report[side].keys()
        assert {
            "flesch_kincaid_grade", "flesch_reading_ease", "smog_index", "gunning_fog", "coleman_liau_index",
            "automated_readability_index", "dale_chall", "avg_sentence_words", "long_sentence_share",
        } <= seed_report["readability"][side].keys()  # fmt: skip
    assert {"score", "bertscore", "chrf", "bleu", "coverage", "dropped"} <= seed_report["meaning"].keys()
    assert {"precision", "recall", "f1", "model"} <= seed_report["meaning"]["bertscore"].keys()
    assert {"score", "findings"} <= seed_report["drift"].keys()
    assert {"passed", "failures"} <= seed_report["verdict"].keys()
    assert seed_report["signature"].startswith("evalkit:")


def test_the_reworded_quotation_is_aligned_not_dropped(
    seed_report: dict[str, Any], seed_pair: tuple[Path, Path]
) -> None:
    """The rewrite moved "This shows that the U.S. is lying …" up next to a split sentence; it is still the
    counterpart of "This proves the hypocrisy …", which is not reported as dropped."""
    source = read_text(seed_pair[0]).text.index('"This proves the hypocrisy')
    target = read_text(seed_pair[1]).text.index('"This shows that the U.S.')
    pairs = [
        ([s["start"] for s in group["original"]], [s["start"] for s in group["rewrite"]])
        for group in seed_report["meaning"]["alignment"]
    ]
    assert ([source], [target]) in pairs
    assert not seed_report["meaning"]["dropped"]
    dropped = [f["original"]["start"] for f in seed_report["drift"]["findings"] if f["type"] == "dropped"]
    assert source not in dropped
