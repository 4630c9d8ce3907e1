"""Readability of a pair: headline gain, formulas beside it, hardest sentences pointing at the input, targets,
and the OneStopEnglish acceptance checks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from evalkit.document import Document
from evalkit.readability import GAIN_UNIT, assess_readability, assess_text, usable_vectors
from evalkit.readability.simplicity import sentence_embedding

ORIGINAL = (
    "Notwithstanding considerable opposition from residents, the municipal authority proceeded with the "
    "implementation of its controversial redevelopment programme, which had been approved by the WDC in "
    "2019.\n\nFurthermore, the administration's consultation procedures were characterised by "
    "insufficient transparency, according to independent observers."
)
REWRITE = (
    "The council went ahead with its plan to rebuild the area.\n\nMany people   were against it. "
    "The plan was approved in 2019.\n\nExperts say the council did not explain enough."
)


@pytest.fixture(scope="module")
def result() -> object:
    return assess_readability(Document.from_text(ORIGINAL), Document.from_text(REWRITE))


def test_a_plain_rewrite_gains(result: object) -> None:
    assert result.gain > 2  # type: ignore[attr-defined]
    assert result.formula_gain > 2  # type: ignore[attr-defined]
    report = result.to_dict()  # type: ignore[attr-defined]
    assert report["gain_unit"] == GAIN_UNIT
    assert report["gain"] == pytest.approx(
        report["original"]["estimated_grade"] - report["rewrite"]["estimated_grade"], abs=1e-3
    )
    assert report["gain_method"].startswith("learned simplicity estimate (features variant)")


def test_report_carries_the_required_fields(result: object) -> None:
    report = result.to_dict()  # type: ignore[attr-defined]
    required = {
        "flesch_kincaid_grade", "flesch_reading_ease", "smog_index", "gunning_fog", "coleman_liau_index",
        "automated_readability_index", "dale_chall", "avg_sentence_words", "long_sentence_share",
    }  # fmt: skip
    for side in ("original", "rewrite"):
        assert required <= report[side].keys()
        assert {"consensus_grade", "lix", "estimated_grade", "sentence_words", "vocabulary_beyond"} <= report[
            side
        ].keys()
    assert report["original"]["unexplained_acronyms"] == ["WDC"]
    assert sum(report["rewrite"]["sentence_words"]["histogram"].values()) == 4


def test_targets_say_what_is_met_and_by_how_much_the_rest_is_missed(result: object) -> None:
    report = result.to_dict()  # type: ignore[attr-defined]
    targets = report["targets"]
    assert set(targets) == {"gov-uk", "wcag", "cefr-b1", "easy-read", "vale"}
    for name, entry in targets.items():
        assert entry["target"] == name
        assert entry["met"] is (name in report["targets_met"])
        assert entry["met"] is (not entry["misses"])
        assert (entry["gap"] > 0) is (not entry["met"])
        for miss in entry["misses"]:
            assert miss["by"] > 0 and miss["unit"] and miss["message"]
    assert "easy-read" not in report["targets_met"]  # the rewrite keeps a passive sentence
    assert "wcag" not in report["original_targets_met"]


def test_the_gate_reads_the_target_gap_back_from_the_json(result: object) -> None:
    from evalkit.gate import target_gap

    report = {"readability": result.to_dict()}  # type: ignore[attr-defined]
    for name, entry in report["readability"]["targets"].items():
        assert target_gap(report, name) == pytest.approx(entry["gap"])


def test_hardest_sentences_point_at_the_input(result: object) -> None:
    report = result.to_dict()  # type: ignore[attr-defined]
    hardest = report["hardest_sentences"]
    assert hardest and [h["grade"] for h in hardest] == sorted((h["grade"] for h in hardest), reverse=True)
    for entry in hardest:
        assert REWRITE[entry["start"] : entry["end"]] == entry["text"]
        for mark in entry["marks"]:
            assert REWRITE[mark["start"] : mark["end"]] == mark["text"]
    passive = [m for h in hardest for m in h["marks"] if m["reason"] == "passive voice"]
    assert [m["text"] for m in passive] == ["was approved"]


def test_terse_sentences_are_counted() -> None:
    text = "He left. She cried. It rained."
    readability = assess_text(Document.from_text(text))
    assert readability.counts.sentences == 3
    assert readability.to_dict()["avg_sentence_words"] == 2.0


def test_model_variant_only_with_vectors_for_both_sides() -> None:
    original, rewrite = Document.from_text(ORIGINAL), Document.from_text(REWRITE)
    vectors = [np.zeros(384, np.float32) for _ in rewrite.sentences]
    one_sided = assess_readability(original, rewrite, rewrite_vectors=vectors)
    assert one_sided.rewrite.variant == one_sided.original.variant == "features"


def _vector_of(dimension: int) -> Callable[[str], np.ndarray]:
    return lambda text: np.ones(dimension, np.float32)


@pytest.mark.parametrize(
    ("vector_of", "model", "layer", "usable"),
    [
        (_vector_of(768), "all-MiniLM-L6-v2", 4, True),
        (_vector_of(768), "some/other-model", 4, False),  # another --model
        (_vector_of(768), "all-MiniLM-L6-v2", 3, False),  # another --layer: other wordpiece vectors
        (None, "all-MiniLM-L6-v2", 4, False),  # the model-free profile
        (_vector_of(384), "all-MiniLM-L6-v2", 4, False),  # the pooled vector alone
    ],
)
def test_vectors_of_another_model_or_layer_are_not_used(
    vector_of: Callable[[str], np.ndarray] | None, model: str, layer: int, usable: bool
) -> None:
    assert (usable_vectors(Document.from_text(REWRITE), vector_of, model, layer) is not None) is usable


def onestop(shared: Path) -> dict[str, dict[str, Document]]:
    corpus = shared / "corpora" / "onestop-dev"
    articles: dict[str, dict[str, Document]] = {}
    for path in sorted((corpus / "adv").glob("*.txt")):
        articles[path.name] = {
            level: Document.from_text((corpus / level / path.name).read_text(encoding="utf-8-sig"), name=path.name)
            for level in ("adv", "int", "ele")
        }
    return articles


def ordered_share(articles: dict[str, dict[str, Document]], vectors: object = None) -> float:
    ordered = 0
    for levels in articles.values():
        grade = {}
        for level, document in levels.items():
            grade[level] = assess_text(document, vectors(document) if vectors else None).estimated_grade  # type: ignore[operator]
        ordered += (grade["adv"] - grade["ele"]) > (grade["adv"] - grade["int"]) > 0
    return ordered / len(articles)


def test_onestop_levels_ordered_by_the_features_variant(shared: Path) -> None:
    # the model-free profile: below the 99% of the default profile, far above the formulas' consensus
    assert ordered_share(onestop(shared)) >= 0.9


@pytest.mark.model
@pytest.mark.slow
def test_onestop_levels_ordered_by_the_headline_gain(shared: Path, evaluator: object) -> None:
    articles = onestop(shared)
    store = evaluator.store  # type: ignore[attr-defined]
    encodings = store.get_many(s.text for levels in articles.values() for d in levels.values() for s in d.sentences)

    def vectors(document: Document) -> list[np.ndarray]:
        return [sentence_embedding(encodings[s.text]) for s in document.sentences]

    assert ordered_share(articles, vectors) >= 0.99


@pytest.mark.model
@pytest.mark.parametrize(("layer", "variant"), [(None, "model"), (4, "model"), (3, "features")])
def test_the_model_variant_needs_the_layer_it_was_trained_with(layer: int | None, variant: str) -> None:
    from evalkit import Evaluator, Settings

    report = Evaluator(Settings(layer=layer, cache=False)).evaluate(ORIGINAL, REWRITE)
    assert report.readability.original.variant == report.readability.rewrite.variant == variant
