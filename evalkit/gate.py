"""The quality gate: thresholds, and the verdict of one report against them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

#: Finding types that count towards ``max_major`` unless ``fail_on`` says otherwise.
DEFAULT_FAIL_ON: tuple[str, ...] = ("changed", "added")


@dataclass(frozen=True, slots=True)
class Thresholds:
    """What a rewrite must meet. ``None`` switches a check off.

    * ``min_gain``: the readability gain (grade levels) must be at least this;
    * ``target``: a readability target preset the rewrite must meet (see :mod:`evalkit.readability.targets`);
    * ``min_meaning``: ``meaning.score`` at least this;
    * ``max_drift``: ``drift.score`` at most this;
    * ``max_major``: at most this many major findings of the types in ``fail_on``.
    """

    min_gain: float | None = 0.0
    target: str | None = None
    min_meaning: float | None = 0.1
    max_drift: float | None = 0.5
    max_major: int | None = None
    fail_on: tuple[str, ...] = DEFAULT_FAIL_ON

    def to_dict(self) -> dict[str, Any]:
        return {
            "min_gain": self.min_gain,
            "target": self.target,
            "min_meaning": self.min_meaning,
            "max_drift": self.max_drift,
            "max_major": self.max_major,
            "fail_on": list(self.fail_on),
        }


@dataclass(frozen=True, slots=True)
class Failure:
    check: str
    value: float
    threshold: float
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"check": self.check, "value": self.value, "threshold": self.threshold, "message": self.message}


@dataclass(frozen=True, slots=True)
class Verdict:
    passed: bool
    failures: tuple[Failure, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {"passed": self.passed, "failures": [failure.to_dict() for failure in self.failures]}


def judge(
    *,
    gain: float,
    meaning: float,
    drift: float,
    findings: Sequence[tuple[str, str]],
    thresholds: Thresholds,
    target_gap: float | None = None,
) -> Verdict:
    """The verdict for one pair. ``findings``: (type, severity) of every drift finding; ``target_gap``: how
    far the rewrite misses ``thresholds.target`` (0 when it meets it)."""
    failures: list[Failure] = []
    if thresholds.min_gain is not None and gain < thresholds.min_gain:
        failures.append(
            Failure("gain", round(gain, 4), thresholds.min_gain,
                    f"readability gain {gain:.2f} is below the minimum {thresholds.min_gain:g}")  # fmt: skip
        )
    if thresholds.target is not None and target_gap is not None and target_gap > 0:
        failures.append(
            Failure("target", round(target_gap, 4), 0.0,
                    f"the rewrite misses the '{thresholds.target}' target by {target_gap:.2f}")  # fmt: skip
        )
    if thresholds.min_meaning is not None and meaning < thresholds.min_meaning:
        failures.append(
            Failure("meaning", round(meaning, 4), thresholds.min_meaning,
                    f"meaning score {meaning:.2f} is below the minimum {thresholds.min_meaning:g}")  # fmt: skip
        )
    if thresholds.max_drift is not None and drift > thresholds.max_drift:
        failures.append(
            Failure("drift", round(drift, 4), thresholds.max_drift,
                    f"drift score {drift:.2f} is above the maximum {thresholds.max_drift:g}")  # fmt: skip
        )
    if thresholds.max_major is not None:
        major = sum(1 for kind, severity in findings if severity == "major" and kind in thresholds.fail_on)
        if major > thresholds.max_major:
            failures.append(
                Failure("major_findings", float(major), float(thresholds.max_major),
                        f"{major} major {'/'.join(thresholds.fail_on)} findings, more than {thresholds.max_major}")  # fmt: skip
            )
    return Verdict(passed=not failures, failures=tuple(failures))
