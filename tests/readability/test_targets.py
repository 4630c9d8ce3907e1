"""Readability targets: presets at their thresholds, texts just inside and just outside, custom targets."""

from __future__ import annotations

import pytest

from evalkit.document import Document
from evalkit.errors import ConfigError
from evalkit.readability import assess_text
from evalkit.readability.targets import MEASURES, PRESETS, Criterion, Target, TargetSet


def neutral_measures() -> dict[str, float]:
    """Measures of an easy text that meets every preset."""
    return {
        "grade": 2.0,
        "consensus_grade": 2.0,
        "flesch_kincaid_grade": 2.0,
        "flesch_reading_ease": 95.0,
        "smog_index": 5.0,
        "gunning_fog": 4.0,
        "coleman_liau_index": 3.0,
        "automated_readability_index": 2.0,
        "dale_chall": 5.0,
        "lix": 20.0,
        "avg_sentence_words": 8.0,
        "sentence_words": 10.0,
        "long_sentence_share": 0.0,
        "passive_sentence_share": 0.0,
        "unfamiliar_word_share": 0.05,
        "long_word_share": 0.05,
        "unexplained_acronyms": 0.0,
    }


CRITERIA = [(name, criterion) for name, target in PRESETS.items() for criterion in target.criteria]


@pytest.mark.parametrize(("preset", "criterion"), CRITERIA, ids=[f"{n}-{c.key}" for n, c in CRITERIA])
def test_each_preset_criterion_is_met_at_its_limit_and_missed_just_beyond(preset: str, criterion: Criterion) -> None:
    target = PRESETS[preset]
    step = 0.01 if criterion.direction == "max" else -0.01

    def result(value: float) -> tuple[bool, float]:
        measures = neutral_measures()
        share = 0.0
        if criterion.measure == "vocabulary_share":
            share = value
        else:
            measures[criterion.measure] = value
        checked = target.check(measures, lambda size: share)
        return checked.met, checked.gap

    assert result(criterion.limit) == (True, 0.0)
    met, gap = result(criterion.limit + step)
    assert not met
    expected = 0.01 / abs(criterion.limit) if criterion.limit else 0.01
    assert gap == pytest.approx(expected)


@pytest.mark.parametrize(
    ("preset", "limits"),
    [
        ("gov-uk", {"max_consensus_grade": 4, "max_sentence_words": 25}),
        ("wcag", {"max_consensus_grade": 9}),
        ("cefr-b1", {"max_vocabulary_share": 0.05, "max_avg_sentence_words": 20}),
        ("easy-read", {"max_sentence_words": 15, "max_passive_sentence_share": 0,
                       "max_unexplained_acronyms": 0, "max_vocabulary_share": 0.05}),
        ("vale", {"max_flesch_kincaid_grade": 8, "min_flesch_reading_ease": 70, "max_gunning_fog": 10,
                  "max_smog_index": 10, "max_coleman_liau_index": 9, "max_automated_readability_index": 8,
                  "max_lix": 35}),
    ],
)  # fmt: skip
def test_preset_thresholds_are_the_published_ones(preset: str, limits: dict[str, float]) -> None:
    target = PRESETS[preset]
    assert {criterion.key: criterion.limit for criterion in target.criteria} == limits
    assert target.source  # every preset cites where its numbers come from


def measured(text: str) -> tuple[dict[str, float], object]:
    result = assess_text(Document.from_text(text))
    return result.measures(), result


SHORT_SENTENCE = "The bus to the town centre leaves from the stop outside the school every ten minutes today."  # 17
TWENTY_FIVE = (
    "The bus to the town centre leaves from the stop outside the school every ten minutes on weekdays, "
    "and every half hour on a Sunday."
)


def words_in(text: str) -> int:
    return int(max(measured(text)[0]["sentence_words"], 0))


def test_sentence_length_texts_sit_where_intended() -> None:
    assert words_in(TWENTY_FIVE) == 25
    assert words_in(TWENTY_FIVE.replace("a Sunday", "a busy Sunday")) == 26
    assert words_in(SHORT_SENTENCE) == 17


@pytest.mark.parametrize(
    ("text", "misses"),
    [
        (TWENTY_FIVE, set()),  # 25 words: just inside
        (TWENTY_FIVE.replace("a Sunday", "a busy Sunday"), {"sentence_words"}),  # 26: just outside
    ],
)
def test_gov_uk_sentence_length(text: str, misses: set[str]) -> None:
    result = assess_text(Document.from_text(text))
    checked = result.check(PRESETS["gov-uk"])
    assert {miss.criterion.measure for miss in checked.misses} - {"consensus_grade"} == misses
    if misses:
        miss = next(m for m in checked.misses if m.criterion.measure == "sentence_words")
        assert miss.by == 1.0


GOV_UK_INSIDE = "The council agreed the new budget on Monday. It will pay for three new schools and a park."
WCAG_INSIDE = (
    "Scientists have found that the glaciers are melting faster than expected. They measured the ice from "
    "space for twenty years."
)


@pytest.mark.parametrize(
    ("preset", "text", "low", "high"),
    [
        ("gov-uk", GOV_UK_INSIDE, 3.0, 4.0),  # consensus grade 3.4: just inside grade 4
        ("gov-uk", GOV_UK_INSIDE.replace("park", "library"), 4.0, 5.0),  # one word: 4.2, just outside
        ("wcag", WCAG_INSIDE, 8.0, 9.0),  # 8.6: just inside grade 9
        ("wcag", WCAG_INSIDE.replace("space", "satellites"), 9.0, 10.5),  # one word: 10.1, just outside
    ],
)
def test_grade_targets_just_inside_and_outside(preset: str, text: str, low: float, high: float) -> None:
    result = assess_text(Document.from_text(text))
    grade = result.scores["consensus_grade"]
    assert low < grade <= high
    checked = result.check(PRESETS[preset])
    assert checked.met is (grade <= PRESETS[preset].criteria[0].limit)
    if not checked.met:
        assert [m.criterion.measure for m in checked.misses] == ["consensus_grade"]
        assert checked.misses[0].by == pytest.approx(grade - PRESETS[preset].criteria[0].limit)


EASY_INSIDE = (
    "We cut the price of the bus. You pay less now. The new price starts on Monday. Ask the driver for a ticket."
)


@pytest.mark.parametrize(
    ("text", "misses"),
    [
        (EASY_INSIDE, set()),
        # sixteen words in one sentence: just outside
        (EASY_INSIDE.replace("Ask the driver", "Ask the friendly driver on the bus at the front of the bus"),
         {"sentence_words"}),
        # one passive sentence
        (EASY_INSIDE.replace("We cut the price of the bus.", "The price of the bus was cut."),
         {"passive_sentence_share"}),
        # one acronym never spelled out
        (EASY_INSIDE.replace("a ticket", "a DVLA ticket"), {"unexplained_acronyms"}),
        # the same acronym spelled out: inside again
        (EASY_INSIDE.replace("a ticket", "a Driver and Vehicle Licensing Agency (DVLA) ticket"), set()),
    ],
)  # fmt: skip
def test_easy_read_criteria(text: str, misses: set[str]) -> None:
    checked = assess_text(Document.from_text(text)).check(PRESETS["easy-read"])
    assert {miss.criterion.measure for miss in checked.misses} == misses
    assert checked.met is (not misses)


# 20 vocabulary words; the inside text has exactly one beyond the 3,000 most frequent lemmas (5%)
B1_INSIDE = "My sister lives in a small house near the sea. She walks to work and grows tomatoes in her garden."
B1_OUTSIDE = B1_INSIDE.replace("walks to work", "walks to the quay")


def test_cefr_b1_vocabulary_share_just_inside_and_outside() -> None:
    inside = assess_text(Document.from_text(B1_INSIDE))
    outside = assess_text(Document.from_text(B1_OUTSIDE))
    assert inside.vocabulary_share(3000) <= 0.05 < outside.vocabulary_share(3000)
    assert inside.check(PRESETS["cefr-b1"]).met
    missed = outside.check(PRESETS["cefr-b1"])
    assert [miss.criterion.measure for miss in missed.misses] == ["vocabulary_share"]


# 23 words in 3 sentences; six words of more than six letters, all of one syllable: LIX 33.8
VALE_INSIDE = (
    "She thought it through and brought her strength to the task. He stood and ran straight home. "
    "They thought the plan was good."
)


def test_vale_defaults_inside_and_just_outside() -> None:
    measures, result = measured(VALE_INSIDE)
    assert measures["lix"] == pytest.approx(23 / 3 + 100 * 6 / 23)
    assert result.check(PRESETS["vale"]).met  # type: ignore[attr-defined]
    # one more long word of one syllable: LIX 38.1 while every other formula stays inside
    outside = assess_text(Document.from_text(VALE_INSIDE.replace("stood", "stretched"))).check(PRESETS["vale"])
    assert [miss.criterion.measure for miss in outside.misses] == ["lix"]
    assert outside.misses[0].by == pytest.approx(23 / 3 + 100 * 7 / 23 - 35)


def test_from_mapping_builds_a_custom_target() -> None:
    target = Target.from_mapping(
        "house",
        {"max_grade": 7, "max_sentence_words": 20, "min_flesch_reading_ease": 60, "description": "ours"},
    )
    assert {c.key: c.limit for c in target.criteria} == {
        "max_grade": 7.0,
        "max_sentence_words": 20.0,
        "min_flesch_reading_ease": 60.0,
    }
    assert target.description == "ours"


def test_from_mapping_extends_a_preset() -> None:
    target = Target.from_mapping("gov-uk-strict", {"extends": "gov-uk", "max_sentence_words": 20})
    assert {c.key: c.limit for c in target.criteria} == {
        "max_consensus_grade": 4.0,
        "max_sentence_words": 20.0,
    }
    assert target.source == PRESETS["gov-uk"].source


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        ({"max_grade": 7, "max_wordiness": 3}, "unknown key 'max_wordiness'"),
        ({"grade": 7}, "unknown key 'grade'"),
        ({"max_grade": "seven"}, "'max_grade' must be a number"),
        ({"max_grade": True}, "'max_grade' must be a number"),
        ({"max_vocabulary_share": 0.05}, "needs a vocabulary_size"),
        ({"vocabulary_size": 0, "max_vocabulary_share": 0.05}, "'vocabulary_size' must be a whole number"),
        ({"extends": "nope"}, "'extends' must name a preset"),
        ({}, "has no criteria"),
        ({"description": 3, "max_grade": 3}, "'description' must be a string"),
    ],
)
def test_from_mapping_rejects_bad_input_naming_it(mapping: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message) as raised:
        Target.from_mapping("custom", mapping, source="pyproject.toml")
    assert "custom" in str(raised.value) and "pyproject.toml" in str(raised.value)


def test_target_set_lets_custom_targets_replace_presets_and_rejects_unknown_names() -> None:
    mine = Target.from_mapping("wcag", {"max_grade": 8})
    known = TargetSet((mine,))
    assert known.get("wcag") is mine
    assert known.get("gov-uk") is PRESETS["gov-uk"]
    assert [t.name for t in known.all()] == list(PRESETS)
    with pytest.raises(ConfigError, match="unknown readability target 'nope'"):
        known.get("nope")


def test_every_measure_is_reported_by_a_text() -> None:
    measures, _ = measured(EASY_INSIDE)
    assert set(MEASURES) - {"vocabulary_share"} <= set(measures)
