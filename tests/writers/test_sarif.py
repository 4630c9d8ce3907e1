"""SARIF 2.1.0, validated against the OASIS schema (tests/data/sarif-schema-2.1.0.json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import jsonschema
import pytest
from writer_support import Rendered

from evalkit.io import read_text
from evalkit.writers import RenderContext, get_writer

SCHEMA = Path(__file__).parents[1] / "data" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.fixture(scope="module")
def log(rendered: Rendered) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(get_writer("sarif")(rendered.reports, rendered.context))
    return result


def test_valid_against_the_schema(log: dict[str, Any], validator: jsonschema.protocols.Validator) -> None:
    errors = sorted(validator.iter_errors(log), key=lambda error: list(error.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    assert log["version"] == "2.1.0"


def test_the_schema_catches_a_broken_log(validator: jsonschema.protocols.Validator, log: dict[str, Any]) -> None:
    broken = json.loads(json.dumps(log))
    broken["runs"][0]["results"][0]["level"] = "fatal"
    assert list(validator.iter_errors(broken))


def test_empty_run_is_valid(validator: jsonschema.protocols.Validator) -> None:
    validator.validate(json.loads(get_writer("sarif")([], RenderContext())))


def test_results_point_at_the_words(log: dict[str, Any], rendered: Rendered) -> None:
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    checked = 0
    for result in run["results"]:
        assert rules[result["ruleIndex"]] == result["ruleId"]
        region = result["locations"][0]["physicalLocation"]["region"]
        if "charOffset" not in region:
            continue
        uri = unquote(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
        text = read_text(rendered.folder / uri.split("/")[-1]).text
        snippet = text[region["charOffset"] : region["charOffset"] + region["charLength"]]
        assert snippet == region["snippet"]["text"]
        lines = text.splitlines(keepends=True)
        assert lines[region["startLine"] - 1][region["startColumn"] - 1 :].startswith(snippet.split("\n")[0][:10])
        checked += 1
    assert checked >= 3


def test_counts_and_levels(log: dict[str, Any], rendered: Rendered) -> None:
    results = log["runs"][0]["results"]
    findings = sum(len(report["drift"]["findings"]) for report in rendered.reports)
    failures = sum(
        1 for report in rendered.reports for f in report["verdict"]["failures"] if f["check"] != "major_findings"
    )
    assert len(results) == findings + failures
    assert {result["level"] for result in results} <= {"error", "warning", "note"}
    assert any(result["level"] == "error" and result["ruleId"].startswith("drift/") for result in results)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert len(invocation["toolExecutionNotifications"]) == len(rendered.context.errors)
