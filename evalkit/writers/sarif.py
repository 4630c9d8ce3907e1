"""SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format), for GitHub code scanning and other
SARIF viewers: one result per finding and per failed check, located by line, column and character offset.

Rules: ``gate/<check>`` for the gate's checks (``gain``, ``target``, ``meaning``, ``drift``) and
``drift/<type>/<category>`` for findings. Levels as in the github format (``error`` for what failed the
gate, ``warning`` for other major findings, ``note`` for minor ones). Columns count Unicode code points
(``columnKind: unicodeCodePoints``); pairs that could not be scored are tool execution notifications.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from evalkit._version import __version__
from evalkit.writers import RenderContext, ReportDict
from evalkit.writers._locate import Location, Region, finding_level, finding_side, locate, uri

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://github.com/evalkit/evalkit#readme"

_CHECKS = {
    "gain": "The rewrite's readability gain is below the minimum.",
    "target": "The rewrite misses its readability target.",
    "meaning": "The rewrite keeps too little of the original's meaning.",
    "drift": "The rewrite's factual drift is above the maximum.",
}
_TYPES = {
    "dropped": "A fact of the original is missing from the rewrite.",
    "changed": "A fact of the original is different in the rewrite.",
    "added": "The rewrite states something the original does not.",
}


def _region(region: Region) -> dict[str, Any]:
    result: dict[str, Any] = {"startLine": region.start_line}
    if region.char_offset >= 0:
        result.update(
            startColumn=region.start_column,
            endLine=region.end_line,
            endColumn=max(region.end_column, region.start_column),
            charOffset=region.char_offset,
            charLength=region.char_length,
        )
    return result


def _location(location: Location | None, snippet: str | None = None) -> list[dict[str, Any]]:
    if location is None:
        return []
    physical: dict[str, Any] = {"artifactLocation": {"uri": uri(location.path), "uriBaseId": "%SRCROOT%"}}
    region = location.region or Region(1, 1, 1, 1, -1, 0)
    physical["region"] = _region(region)
    if snippet and location.region is not None and location.region.char_offset >= 0:
        physical["region"]["snippet"] = {"text": snippet}
    return [{"physicalLocation": physical}]


def _rule(rule_id: str) -> dict[str, Any]:
    kind, _, rest = rule_id.partition("/")
    if kind == "gate":
        text = _CHECKS.get(rest, f"The {rest} check failed.")
        name = f"gate-{rest}"
    else:
        finding_type, _, category = rest.partition("/")
        text = f"{_TYPES.get(finding_type, 'A factual difference.')} ({category})"
        name = f"{finding_type}-{category}"
    return {"id": rule_id, "name": name, "shortDescription": {"text": text}, "helpUri": INFORMATION_URI}


def render(reports: Sequence[ReportDict], context: RenderContext) -> str:
    results: list[dict[str, Any]] = []
    for report in reports:
        pair = report["id"]
        for failure in report["verdict"]["failures"]:
            if failure["check"] == "major_findings":
                continue
            results.append(
                {
                    "ruleId": f"gate/{failure['check']}",
                    "level": "error",
                    "message": {"text": f"{failure['message']} [pair {pair}]"},
                    "locations": _location(locate(report, context, "rewrite", None)),
                    "properties": {
                        "pair": pair,
                        "value": failure["value"],
                        "threshold": failure["threshold"],
                    },
                }
            )
        for finding in report["drift"]["findings"]:
            side, span = finding_side(finding)
            results.append(
                {
                    "ruleId": f"drift/{finding['type']}/{finding['category']}",
                    "level": finding_level(report, finding),
                    "message": {"text": f"{finding['message']} [pair {pair}]"},
                    "locations": _location(locate(report, context, side, span), span["text"] if span else None),
                    "properties": {"pair": pair, "severity": finding["severity"], "side": side},
                }
            )
    rule_ids = sorted({result["ruleId"] for result in results})
    index = {rule_id: position for position, rule_id in enumerate(rule_ids)}
    for result in results:
        result["ruleIndex"] = index[result["ruleId"]]
        if not result["locations"]:
            del result["locations"]
    notifications = []
    for error in context.errors:
        notification: dict[str, Any] = {"level": "error", "message": {"text": str(error["message"])}}
        if error.get("source"):
            line = int(error.get("line") or 1)
            where = Location(str(error["source"]), Region(line, 1, line, 1, -1, 0))
            notification["locations"] = _location(where)
        notifications.append(notification)
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "evalkit",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [_rule(rule_id) for rule_id in rule_ids],
            }
        },
        "invocations": [{"executionSuccessful": not context.errors, "toolExecutionNotifications": notifications}],
        "columnKind": "unicodeCodePoints",
        "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "The working directory of the run."}}},
        "results": results,
    }
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
