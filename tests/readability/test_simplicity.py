"""The learned simplicity estimate: shipped parameters, sentence-level ordering, malformation penalty."""

from __future__ import annotations

import json
from importlib import resources

import numpy as np
import pytest

from evalkit.document import Document
from evalkit.readability import analyse_sentence, assess_text, simplicity
from evalkit.readability.features import MALFORMATIONS
from evalkit.readability.simplicity import sentence_embedding

# (harder, simpler): written for these tests
SENTENCE_PAIRS = [
    (
        "Notwithstanding considerable opposition from residents, the municipal authority proceeded with the "
        "implementation of its controversial redevelopment programme.",
        "The council went ahead with its plan to rebuild the area, even though many people were against it.",
    ),
    (
        "The pharmaceutical company's quarterly revenues deteriorated substantially following the expiration "
        "of several lucrative patents.",
        "The drug company made much less money after some of its patents ran out.",
    ),
    (
        "Participants were subsequently requested to articulate their preferences regarding the proposed "
        "modifications to the curriculum.",
        "Then we asked the students what they thought of the new lessons.",
    ),
    (
        "The committee's deliberations, which were protracted, culminated in an unanimous endorsement.",
        "The committee talked for a long time. In the end, everyone agreed.",
    ),
]


def grade_of(text: str, vectors: list[np.ndarray] | None = None) -> float:
    return assess_text(Document.from_text(text), vectors).estimated_grade


def test_parameters_match_the_code() -> None:
    data = json.loads(resources.files("evalkit.data").joinpath("simplicity.json").read_text(encoding="utf-8"))
    assert data["features"] == list(simplicity.FEATURES)
    assert data["malformations"] == list(MALFORMATIONS)
    model = simplicity.load_model()
    assert model.features.weights.shape == (len(simplicity.FEATURES),)
    assert model.model.weights.shape == (len(simplicity.FEATURES) + model.embedding_dimension,)
    assert model.features.penalties.shape == (len(MALFORMATIONS),)
    assert model.embedding_model == "all-MiniLM-L6-v2"
    # held-out figures of the training script are stored beside the parameters
    figures = data["metadata"]["figures"]
    assert figures["model"]["pairs_1_1"] >= 0.85
    assert figures["model"]["articles_ordered"] >= 0.99


@pytest.mark.parametrize(("harder", "simpler"), SENTENCE_PAIRS)
def test_features_variant_orders_hand_written_pairs(harder: str, simpler: str) -> None:
    assert grade_of(simpler) < grade_of(harder)


@pytest.mark.model
@pytest.mark.parametrize(("harder", "simpler"), SENTENCE_PAIRS)
def test_model_variant_orders_hand_written_pairs(evaluator: object, harder: str, simpler: str) -> None:
    encoder = evaluator.encoder  # type: ignore[attr-defined]
    grades = []
    for text in (harder, simpler):
        document = Document.from_text(text)
        vectors = [sentence_embedding(encoding) for encoding in encoder.encode([s.text for s in document.sentences])]
        grades.append(assess_text(document, vectors).estimated_grade)
    assert grades[1] < grades[0]


@pytest.mark.parametrize(
    ("source", "broken"),
    [
        ("It is described as pointed in the face and about the size of a rabbit.", "It is described and."),
        ("The wave travelled across the ocean and grew into a storm.", "The wave travelled across the and."),
        (
            "Both towns became part of the new city in 2007.",
            "Both towns became(.), part of the(.), new city.",
        ),
    ],
)
def test_malformed_text_reads_harder_than_its_source(source: str, broken: str) -> None:
    assert grade_of(broken) > grade_of(source)


def test_penalties_add_grades_per_kind() -> None:
    analysis = analyse_sentence("It is described and.")
    assert analysis.flags[MALFORMATIONS.index("dangling_end")] == 1.0
    model = simplicity.load_model().features
    clean = model.grades(analysis.row[None, :], np.zeros((1, len(MALFORMATIONS))))[0]
    flagged = model.grades(analysis.row[None, :], np.asarray([analysis.flags]))[0]
    assert flagged - clean == pytest.approx(model.penalties[MALFORMATIONS.index("dangling_end")])
    assert flagged > clean


def test_grade_is_the_word_weighted_mean_of_sentence_grades() -> None:
    text = "We met. The committee deliberated extensively regarding the forthcoming municipal elections."
    result = assess_text(Document.from_text(text))
    grades = [s.grade for s in result.sentences]
    words = [max(s.words, 1) for s in result.sentences]
    assert result.estimated_grade == pytest.approx(np.average(grades, weights=words))


def test_the_model_variant_needs_one_vector_per_sentence() -> None:
    rows = np.zeros((2, len(simplicity.FEATURES)))
    with pytest.raises(ValueError, match="one sentence embedding per sentence"):
        simplicity.sentence_grades(
            rows, np.zeros((2, len(MALFORMATIONS))), [np.zeros(384, np.float32)], variant="model"
        )


def test_fingerprint_is_stable() -> None:
    assert simplicity.fingerprint() == simplicity.fingerprint()
    assert len(simplicity.fingerprint()) == 12
