"""The learned well-formedness estimate: shipped parameters, malformed vs. well-formed sentences, bounds."""

from __future__ import annotations

import json
import math
from importlib import resources

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evalkit.document import Document
from evalkit.io import TextSource
from evalkit.readability import analyse_sentence, assess_readability, assess_text, fluency, simplicity
from evalkit.readability.features import MALFORMATIONS
from evalkit.readability.simplicity import sentence_embedding

# (well-formed sentence, broken version of it), written for these tests. Clearly broken: a reader stops.
CLEARLY_BROKEN = [
    ("It is described as pointed in the face and about the size of a rabbit.", "It is described and."),
    ("The wave travelled across the ocean and grew into a storm.", "The wave travelled across the and."),
    ("The council will close the old library next spring.", "The council will close the the the old library."),
    ("Farmers say the dry summer has hurt their crops.", "Farmers say the dry summer has of the."),
]
# Subtly broken: function words dropped, cut after a conjunction, two clauses merged, words shuffled.
SUBTLY_BROKEN = [
    ("Most of the money was spent on new roads and schools.", "Most money spent new roads schools."),
    ("She moved to the city because she wanted a better job.", "She moved to the city because."),
    ("He said the bridge would be finished by June.", "He said the bridge would be which the price rose."),
    ("The museum opened a new room for children last week.", "The museum opened a room new week for last."),
]
WELL_FORMED = [
    "The river flooded the town last night.",
    "Many people think that the new rules are unfair.",
    "After the storm, the school stayed closed for three days.",
    "We cut the price of the bus. You pay less now.",
    "The company, which was founded in 1998, now employs 2,000 people.",
    "It is described as pointed in the face and about the size of a rabbit.",
    "After that, the public can come in.",  # a phrasal verb's particle may end a sentence
]


def probability(text: str, vectors: list[np.ndarray] | None = None) -> float:
    analysis = analyse_sentence(text)
    variant: fluency.Variant = "features" if vectors is None else "model"
    return float(fluency.malformed_probabilities([text], [analysis.flags], vectors, variant=variant)[0])


def test_parameters_match_the_code() -> None:
    data = json.loads(resources.files("evalkit.data").joinpath("fluency.json").read_text(encoding="utf-8"))
    assert data["features"] == list(fluency.FLUENCY_FEATURES)
    model = fluency.load_model()
    assert model.features.weights.shape == (len(fluency.FLUENCY_FEATURES),)
    # the model variant takes the pooled vector: the first part of the simplicity estimate's sentence embedding
    assert model.model.weights.shape == (len(fluency.FLUENCY_FEATURES) + model.embedding_dimension,)
    assert model.embedding_dimension < simplicity.load_model().embedding_dimension
    assert model.embedding_model == "all-MiniLM-L6-v2"
    assert model.model.grade_penalty > 0
    assert model.features.grade_penalty > 0
    # the held-out figures of the training script are stored beside the parameters
    # the held-out figures: the classifier separates real from corrupted sentences, and the penalty at the
    # chosen threshold keeps the simplicity estimate's ordering of the reading levels
    figures, metadata = data["metadata"]["figures"], data["metadata"]
    for variant in ("model", "features"):
        chosen = f"q{metadata['threshold_quantiles'][variant]}"
        assert figures[variant]["auc"] > 0.75
        assert figures[variant][f"{chosen}/pairs_1_1"] >= figures[variant]["before/pairs_1_1"] - 0.002
        assert figures[variant][f"{chosen}/articles_ordered"] >= figures[variant]["before/articles_ordered"]
        assert figures[variant][f"{chosen}/corruption_harder"] > figures[variant]["before/corruption_harder"]


def penalty(text: str, vectors: list[np.ndarray] | None = None) -> float:
    analysis = analyse_sentence(text)
    variant: fluency.Variant = "features" if vectors is None else "model"
    return float(fluency.grade_penalties([text], [analysis.flags], vectors, variant=variant)[0])


@pytest.mark.parametrize(("source", "broken"), CLEARLY_BROKEN)
def test_clearly_broken_sentences_read_as_malformed_and_earn_no_gain(source: str, broken: str) -> None:
    # the model-free variant penalises above its 98th percentile of real sentences (about 0.71); a clearly
    # broken sentence also pays the rule-based penalty of its malformation (a dangling end, a repeated word)
    assert probability(broken) > 0.9
    assert assess_readability(Document.from_text(source), Document.from_text(broken)).gain < 0


@pytest.mark.parametrize(
    ("source", "broken"),
    # the model-free variant reads two merged clauses and a local shuffle of content words near chance (held-out:
    # 48% and 16% of such corruptions graded harder than their source), so the last two cases are left out
    SUBTLY_BROKEN[:2],
)
def test_features_variant_reads_subtle_breakage_as_less_well_formed(source: str, broken: str) -> None:
    assert probability(broken) > probability(source)


@pytest.mark.parametrize("text", WELL_FORMED)
def test_well_formed_sentences_pay_nothing(text: str) -> None:
    assert probability(text) < 0.5
    assert penalty(text) == 0.0


@pytest.mark.model
# a local shuffle (the last case) is graded harder than its source in 68% of held-out cases, not this one
@pytest.mark.parametrize(("source", "broken"), CLEARLY_BROKEN + SUBTLY_BROKEN[:3])
def test_model_variant_reads_broken_sentences_as_less_well_formed(evaluator: object, source: str, broken: str) -> None:
    encoder = evaluator.encoder  # type: ignore[attr-defined]
    source_vector, broken_vector = (sentence_embedding(encoding) for encoding in encoder.encode([source, broken]))
    assert probability(broken, [broken_vector]) > probability(source, [source_vector])
    assert penalty(source, [source_vector]) == 0.0


@pytest.mark.model
@pytest.mark.parametrize(("source", "broken"), CLEARLY_BROKEN)
def test_model_variant_penalises_clearly_broken_sentences(evaluator: object, source: str, broken: str) -> None:
    encoder = evaluator.encoder  # type: ignore[attr-defined]
    vectors = [sentence_embedding(encoding) for encoding in encoder.encode([source, broken])]
    assert penalty(broken, vectors[1:]) > 0.0
    original, rewrite = Document.from_text(source), Document.from_text(broken)
    result = assess_readability(original, rewrite, original_vectors=vectors[:1], rewrite_vectors=vectors[1:])
    assert result.gain < 0


@pytest.mark.model
@pytest.mark.parametrize("text", WELL_FORMED)
def test_model_variant_leaves_well_formed_sentences_alone(evaluator: object, text: str) -> None:
    encoder = evaluator.encoder  # type: ignore[attr-defined]
    document = Document.from_text(text)
    vectors = [sentence_embedding(encoding) for encoding in encoder.encode([s.text for s in document.sentences])]
    flags = [analyse_sentence(s.text).flags for s in document.sentences]
    texts = [s.text for s in document.sentences]
    assert fluency.grade_penalties(texts, flags, vectors, variant="model").tolist() == [0.0] * len(texts)


def test_the_penalty_is_the_scaled_excess_over_the_threshold() -> None:
    text = "The council will close the the the old library."
    scorer = fluency.load_model().features
    expected = scorer.grade_penalty * (probability(text) - scorer.threshold) / (1 - scorer.threshold)
    assert penalty(text) == pytest.approx(expected)
    assert 0 < penalty(text) <= scorer.grade_penalty


def test_the_penalty_is_added_to_the_sentence_grade() -> None:
    text = "It is described and."
    without = simplicity.sentence_grades(
        analyse_sentence(text).row[None, :], np.asarray([analyse_sentence(text).flags]), None, variant="features"
    )[0]
    assert assess_text(Document.from_text(text)).sentences[0].grade == pytest.approx(without + penalty(text))


def test_the_model_variant_needs_one_vector_per_sentence() -> None:
    flags = [tuple(0.0 for _ in MALFORMATIONS)] * 2
    with pytest.raises(ValueError, match="one sentence embedding per sentence"):
        fluency.malformed_probabilities(["A b.", "C d."], flags, [np.zeros(384, np.float32)], variant="model")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The cats sat.", ["<s>", "<s>", "the", "<-s>", "<w>", ".", "</s>"]),
        ("Sam is big, isn’t he?", ["<s>", "<s>", "<w>", "is", "<w>", ",", "is", "n't", "he", "?", "</s>"]),
        ("It's “done”.", ["<s>", "<s>", "it", "'s", '"', "done", '"', ".", "</s>"]),
        ("In 2007 Jones walked quickly.", ["<s>", "<s>", "in", "<num>", "<cap>", "<-ed>", "<-ly>", ".", "</s>"]),
    ],
)
def test_word_classes(text: str, expected: list[str]) -> None:
    assert fluency.classes(text) == expected


def test_trigram_probabilities_sum_to_at_most_one() -> None:
    trigrams = fluency.load_model().trigrams
    vocabulary = [*trigrams.unigrams, "<never-seen>"]
    for context in [("<s>", "<s>"), ("the", "<w>"), ("and", ".")]:
        total = sum(math.exp(trigrams.logprob(*context, c)) for c in vocabulary)
        assert total <= 1.0 + 1e-9
        assert total > 0.9


def test_remembered_logprobs_equal_computed_ones() -> None:
    model = fluency.load_model().trigrams
    fresh = fluency.ClassTrigrams.from_counts(dict(model.trigrams), model.interpolation)
    sequence = fluency.classes("The council said on Monday that it would not close the library.")
    for a, b, c in zip(sequence, sequence[1:], sequence[2:], strict=False):
        assert fresh.logprob(a, b, c) == fresh._logprob(a, b, c) == fresh.logprob(a, b, c)
    assert len(fresh.memo) == len(set(zip(sequence, sequence[1:], sequence[2:], strict=False)))


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=120))
def test_probability_and_penalty_are_bounded(text: str) -> None:
    analysis = analyse_sentence(text)
    p = fluency.malformed_probabilities([text], [analysis.flags], None, variant="features")[0]
    grades = fluency.grade_penalties([text], [analysis.flags], None, variant="features")[0]
    assert 0.0 <= p <= 1.0
    assert 0.0 <= grades <= fluency.load_model().features.grade_penalty
    row = fluency.sentence_row(text, analysis.flags)
    assert row.shape == (len(fluency.FLUENCY_FEATURES),)
    assert np.isfinite(row).all()


def test_fingerprint_is_stable() -> None:
    assert fluency.fingerprint() == fluency.fingerprint()
    assert len(fluency.fingerprint()) == 12


@pytest.mark.parametrize(
    ("text", "flagged"),
    [("The council will close the the the old library.", True), ("The river flooded the town last night.", False)],
)
def test_the_penalty_is_a_reason_the_sentence_is_hard(text: str, flagged: bool) -> None:
    sentence = assess_text(Document.from_text(text)).sentences[0]
    assert (sentence.malformed_penalty > 0) is flagged
    assert any(reason.startswith("reads as malformed (+") for reason in sentence.reasons()) is flagged


@pytest.mark.parametrize(
    ("text", "line_before", "previous", "expected"),
    [
        ("put in a lift, so people can get upstairs;", "- ", "", "Put in a lift, so people can get upstairs."),
        ("change the stalls downstairs", "  1. ", "", "Change the stalls downstairs."),
        ("- put in a lift;", "", "", "Put in a lift."),  # the marker is part of the unit
        ("put in a lift;", "", "The builders will:", "Put in a lift."),  # an HTML <li>: no marker left
        ("change the stalls.", "", "put in a lift;", "Change the stalls."),
        ("The builders will:", "", "", None),  # a lead-in: the list completes it
        ("to get pictures, which and.", "", "It rained.", "to get pictures, which and."),  # prose: as is
        ("It is described and,", "", "", "It is described and,"),
    ],
)
def test_list_items_are_read_as_the_sentences_they_stand_for(
    text: str, line_before: str, previous: str, expected: str | None
) -> None:
    assert fluency.prose_form(text, line_before, previous) == expected


ITEMS = [
    "put in a lift, so people who cannot use stairs can get to the upstairs gallery;",
    "put in a new glass roof, because the old one has leaked since 2016;",
    "change the stalls downstairs so there is room for up to 34 traders.",
]


@pytest.mark.parametrize(
    ("text", "text_format"),
    [
        ("The builders will:\n\n" + "".join(f"- {item}\n" for item in ITEMS), "text"),
        ("<p>The builders will:</p><ul>" + "".join(f"<li>{item}</li>" for item in ITEMS) + "</ul>", "html"),
    ],
)
def test_a_bulleted_list_in_plain_english_pays_nothing(text: str, text_format: str) -> None:
    document = Document.from_source(TextSource(text, "<list>", text_format, "utf-8"))  # type: ignore[arg-type]
    assert [s.malformed_penalty for s in assess_text(document).sentences] == [0.0] * 4


@pytest.mark.model
def test_model_variant_judges_a_list_item_with_the_embedding_of_its_prose_form(evaluator: object) -> None:
    """A list item is read as the sentence it stands for, and so is its embedding: the item as written
    ("put in a new glass roof, ...;") once paid a penalty its prose form does not."""
    text = "The builders will:\n\n" + "".join(f"- {item}\n" for item in ITEMS)
    document = Document.from_source(TextSource(text, "<list>", "text", "utf-8"))  # type: ignore[arg-type]
    encoder = evaluator.encoder  # type: ignore[attr-defined]
    forms = fluency.prose_forms(document)
    assert forms[0] is None  # the lead-in
    assert forms[2] == "Put in a new glass roof, because the old one has leaked since 2016."
    wanted = [s.text for s in document.sentences] + [form for form in forms if form is not None]
    encodings = dict(zip(wanted, encoder.encode(wanted), strict=True))
    vectors = [sentence_embedding(encodings[s.text]) for s in document.sentences]
    asked: list[str] = []

    def vector_of(text: str) -> np.ndarray:
        asked.append(text)
        return sentence_embedding(encodings[text])

    result = assess_text(document, vectors, vector_of=vector_of)
    assert asked == [form for form, s in zip(forms, document.sentences, strict=True) if form and form != s.text]
    assert [s.malformed_penalty for s in result.sentences] == [0.0] * 4


TITLE = "Harwick Folk Festival is back in Priory Park with more acts than before"


def test_a_title_is_read_with_the_full_stop_titles_leave_out() -> None:
    assert fluency.prose_form(TITLE, heading=True) == TITLE + "."
    assert fluency.prose_form(TITLE) == TITLE
    assert fluency.prose_form("Is it back?", heading=True) == "Is it back?"


def test_a_title_over_text_pays_nothing_but_a_lone_fragment_is_judged_as_it_stands() -> None:
    titled = assess_text(Document.from_text(f"{TITLE}\n\nThe festival opens on Friday in the park."))
    assert titled.sentences[0].malformed_penalty == 0.0
    # the same words alone, without a full stop, read as a sentence cut short (the features variant)
    assert probability(TITLE) > fluency.load_model().features.threshold
    assert assess_text(Document.from_text(TITLE)).sentences[0].malformed_penalty > 0.0


def test_the_model_variant_reads_only_the_pooled_part_of_the_sentence_embedding() -> None:
    pooled = fluency.load_model().embedding_dimension
    rng = np.random.default_rng(7)
    texts = ["The council will open the path in May.", "It is described and."]
    flags = [analyse_sentence(text).flags for text in texts]
    vectors = [rng.standard_normal(simplicity.load_model().embedding_dimension).astype(np.float32) for _ in texts]
    other_tail = [np.concatenate([vector[:pooled], np.zeros(len(vector) - pooled, np.float32)]) for vector in vectors]
    assert fluency.malformed_probabilities(texts, flags, vectors, variant="model").tolist() == (
        fluency.malformed_probabilities(texts, flags, other_tail, variant="model").tolist()
    )
