"""The configured readability target reaches the verdict through the pipeline."""

from __future__ import annotations

import pytest

from evalkit import Evaluator, Settings
from evalkit.errors import ConfigError
from evalkit.gate import Thresholds
from evalkit.readability.targets import Target

ORIGINAL = (
    "Notwithstanding considerable opposition from residents, the municipal authority proceeded with the "
    "implementation of its controversial redevelopment programme."
)
HARD_REWRITE = (
    "Despite considerable opposition from residents, the municipal authority proceeded with implementing "
    "its controversial redevelopment programme."
)
PLAIN_REWRITE = "The council went ahead with its plan. Many people did not want it."


def verdict(rewrite: str, **settings: object) -> dict[str, object]:
    evaluator = Evaluator(Settings(profile="fast", cache=False, **settings))  # type: ignore[arg-type]
    return evaluator.evaluate(ORIGINAL, rewrite).to_dict()["verdict"]  # type: ignore[no-any-return]


def test_a_missed_target_fails_the_gate_with_its_gap() -> None:
    result = verdict(HARD_REWRITE, thresholds=Thresholds(target="wcag", min_gain=None, min_meaning=None))
    failures = [f for f in result["failures"] if f["check"] == "target"]  # type: ignore[union-attr]
    assert len(failures) == 1 and failures[0]["value"] > 0
    assert "'wcag'" in failures[0]["message"]


def test_a_met_target_passes() -> None:
    result = verdict(PLAIN_REWRITE, thresholds=Thresholds(target="wcag", min_gain=None, min_meaning=None))
    assert not [f for f in result["failures"] if f["check"] == "target"]  # type: ignore[union-attr]


def test_a_custom_target_can_be_gated_on() -> None:
    strict = Target.from_mapping("short", {"max_sentence_words": 5})
    result = verdict(
        PLAIN_REWRITE,
        thresholds=Thresholds(target="short", min_gain=None, min_meaning=None),
        targets=(strict,),
    )
    failures = [f for f in result["failures"] if f["check"] == "target"]  # type: ignore[union-attr]
    assert failures and failures[0]["value"] == pytest.approx(0.4)  # 7 words: 2 over a limit of 5


def test_an_unknown_target_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown readability target 'nope'"):
        Settings(thresholds=Thresholds(target="nope"))
