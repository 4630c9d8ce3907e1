"""The gate: finding selectors, checks, verdicts from report dicts, regression mode."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evalkit.errors import ConfigError
from evalkit.gate import (
    Failure,
    Thresholds,
    Verdict,
    compare_to_baseline,
    judge,
    judge_report,
    parse_selector,
    selects,
    target_gap,
)


@pytest.mark.parametrize(
    ("selector", "parts"),
    [
        ("changed", ("changed",)),
        ("changed:major", ("changed", "major")),
        ("MAJOR", ("major",)),
        ("dropped:number:minor", ("dropped", "number", "minor")),
        (" added : other ", ("added", "other")),
    ],
)
def test_parse_selector(selector: str, parts: tuple[str, ...]) -> None:
    assert parse_selector(selector) == parts


@pytest.mark.parametrize(
    ("selector", "words"),
    [("changd", "changd"), ("changed:added", "same kind"), ("major:minor", "same kind"), ("", "''")],
)
def test_parse_selector_refuses(selector: str, words: str) -> None:
    with pytest.raises(ConfigError, match=words):
        parse_selector(selector)


@pytest.mark.parametrize(
    ("selectors", "finding", "expected"),
    [
        (("changed:major",), ("changed", "major", "number"), True),
        (("changed:major",), ("changed", "minor", "number"), False),
        (("major",), ("dropped", "major", "name"), True),
        (("dropped:number",), ("dropped", "minor", "number"), True),
        (("dropped:number",), ("dropped", "minor", "date"), False),
        (("added", "dropped:name"), ("dropped", "major", "name"), True),
        (("number",), ("changed", "major"), False),  # a finding without a category matches no category
        ((), ("changed", "major", "number"), False),
    ],
)
def test_selects(selectors: tuple[str, ...], finding: tuple[str, ...], expected: bool) -> None:
    assert selects(selectors, finding) is expected


BASE: dict[str, Any] = {"gain": 1.0, "meaning": 0.8, "drift": 0.2, "findings": []}
#: explicit thresholds, so the cases do not move with the defaults
T = Thresholds(min_gain=0.0, min_meaning=0.6, max_drift=0.5)


@pytest.mark.parametrize(
    ("changes", "thresholds", "checks"),
    [
        ({}, T, []),
        ({"gain": -0.5}, T, ["gain"]),
        ({"gain": -0.5}, replace(T, min_gain=None), []),
        ({"meaning": 0.59}, T, ["meaning"]),
        ({"meaning": 0.6}, T, []),
        ({"drift": 0.51}, T, ["drift"]),
        ({"drift": 0.9}, replace(T, max_drift=None), []),
        ({"findings": [("changed", "major", "number")]}, replace(T, max_major=0), ["major_findings"]),
        ({"findings": [("changed", "major", "number")]}, replace(T, max_major=1), []),
        ({"findings": [("dropped", "major", "number")]}, replace(T, max_major=0), []),
        (
            {"findings": [("dropped", "minor", "number")]},
            replace(T, max_major=0, fail_on=("dropped:number",)),
            ["major_findings"],
        ),
        ({"gain": -1.0, "meaning": 0.1, "drift": 0.9}, T, ["gain", "meaning", "drift"]),
    ],
)
def test_judge(changes: dict[str, Any], thresholds: Thresholds, checks: list[str]) -> None:
    verdict = judge(**{**BASE, **changes}, thresholds=thresholds)
    assert [failure.check for failure in verdict.failures] == checks
    assert verdict.passed is (not checks)


def test_target_check_uses_the_gap() -> None:
    thresholds = Thresholds(target="plain")
    assert judge(**BASE, thresholds=thresholds, target_gap=0.0).passed
    verdict = judge(**BASE, thresholds=thresholds, target_gap=1.5)
    assert [f.check for f in verdict.failures] == ["target"]
    assert "'plain'" in verdict.failures[0].message


def test_thresholds_refuse_bad_selectors_and_counts() -> None:
    with pytest.raises(ConfigError):
        Thresholds(fail_on=("nonsense",))
    with pytest.raises(ConfigError):
        Thresholds(max_major=-1)


def _report(gain: float, meaning: float, drift: float, findings: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {
        "id": "p",
        "readability": {"gain": gain},
        "meaning": {"score": meaning},
        "drift": {"score": drift, "findings": findings or []},
    }


def test_judge_report_reads_the_json_form() -> None:
    finding = {"type": "changed", "severity": "major", "category": "number"}
    verdict = judge_report(_report(0.5, 0.4, 0.1, [finding]), replace(T, max_major=0))
    assert [f.check for f in verdict.failures] == ["meaning", "major_findings"]


def test_target_gap_is_read_when_the_report_has_targets() -> None:
    report = _report(1.0, 0.9, 0.0)
    assert target_gap(report, "plain") is None
    report["readability"]["targets"] = {"plain": {"gap": 2.0}}
    assert target_gap(report, "plain") == pytest.approx(2.0)
    assert [f.check for f in judge_report(report, Thresholds(target="plain")).failures] == ["target"]


def _verdict(*failures: tuple[str, float]) -> Verdict:
    items = tuple(Failure(check, value, 0.5, f"{check} {value}") for check, value in failures)
    return Verdict(passed=not items, failures=items)


@pytest.mark.parametrize(
    ("current", "baseline", "regressions", "known"),
    [
        (_verdict(), _verdict(("meaning", 0.4)), [], []),  # got better
        (_verdict(("meaning", 0.4)), _verdict(), ["meaning"], []),  # new failure
        (_verdict(("meaning", 0.4)), _verdict(("meaning", 0.4)), [], ["meaning"]),  # unchanged
        (_verdict(("meaning", 0.45)), _verdict(("meaning", 0.4)), [], ["meaning"]),  # failing, but better
        (_verdict(("meaning", 0.3)), _verdict(("meaning", 0.4)), ["meaning"], []),  # worse
        (_verdict(("drift", 0.7)), _verdict(("drift", 0.6)), ["drift"], []),  # higher drift is worse
        (_verdict(("drift", 0.55)), _verdict(("drift", 0.6)), [], ["drift"]),
        (_verdict(("major_findings", 3)), _verdict(("major_findings", 2)), ["major_findings"], []),
        (_verdict(("gain", -1), ("drift", 0.6)), _verdict(("gain", -1)), ["drift"], ["gain"]),
    ],
)
def test_compare_to_baseline(current: Verdict, baseline: Verdict, regressions: list[str], known: list[str]) -> None:
    verdict = compare_to_baseline(current, baseline)
    assert [f.check for f in verdict.failures] == regressions
    assert [f.check for f in verdict.known] == known
    assert verdict.passed is (not regressions)


def test_verdict_json_form() -> None:
    verdict = compare_to_baseline(_verdict(("meaning", 0.3)), _verdict())
    data = verdict.to_dict()
    assert data["passed"] is False
    assert data["failures"][0]["check"] == "meaning"
    assert "baseline passed" in data["failures"][0]["message"]
    assert data["known_failures"] == []


@given(
    gain=st.floats(-10, 10),
    meaning=st.floats(0, 1),
    drift=st.floats(0, 1),
    count=st.integers(0, 5),
)
def test_verdict_invariants(gain: float, meaning: float, drift: float, count: int) -> None:
    findings = [("changed", "major", "number")] * count
    off = Thresholds(min_gain=None, min_meaning=None, max_drift=None, max_major=None)
    assert judge(gain=gain, meaning=meaning, drift=drift, findings=findings, thresholds=off).passed
    verdict = judge(gain=gain, meaning=meaning, drift=drift, findings=findings, thresholds=Thresholds(max_major=2))
    assert verdict.passed is (not verdict.failures)
    assert (count > 2) is any(f.check == "major_findings" for f in verdict.failures)
    # a report is never a regression of itself
    assert compare_to_baseline(verdict, verdict).passed


@pytest.mark.parametrize("profile", ["default", "fast"])
def test_no_changed_fact_fails_exactly_the_examples_with_deliberate_errors(profile: str) -> None:
    """On the golden reports of corpora/examples (the live reports equal them, see test_golden), one major
    changed finding fails the four pairs with deliberate errors and none of the five faithful rewrites."""
    import json
    from pathlib import Path

    folder = Path(__file__).resolve().parent / "golden" / profile
    thresholds = Thresholds(max_major=0, fail_on=("changed:major",))
    failed = {
        path.stem for path in sorted(folder.glob("*.json"))
        if not judge_report(json.loads(path.read_text(encoding="utf-8")), thresholds).passed
    }  # fmt: skip
    assert failed == {"school-meals", "bridge-closure", "clinic-opening", "festival-quote"}
