"""JUnit XML: one test case per pair (failed checks as ``<failure>``, unscorable pairs as ``<error>``), for
CI systems that show test reports (GitLab, Jenkins, Azure, GitHub test-report actions).

The layout follows the de facto schema of Ant's JUnit task and Jenkins (``testsuites`` > ``testsuite`` >
``testcase``). Characters XML 1.0 cannot carry (most C0 controls, lone surrogates) are dropped from text.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import Any

from evalkit.writers import RenderContext, ReportDict
from evalkit.writers._locate import display_path, pair_files

_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(text: object) -> str:
    return _ILLEGAL_XML.sub("", str(text))


def _details(report: ReportDict) -> str:
    lines = [failure["message"] for failure in report["verdict"]["failures"]]
    for finding in report["drift"]["findings"]:
        if finding["severity"] == "major":
            lines.append(f"{finding['type']} {finding['category']}: {finding['message']}")
    return "\n".join(lines)


def _summary(report: ReportDict) -> str:
    return (
        f"gain {report['readability']['gain']:+.2f} grades; meaning {report['meaning']['score']:.2f}; "
        f"drift {report['drift']['score']:.2f}; {report['drift']['counts']['major']} major findings"
    )


def render(reports: Sequence[ReportDict], context: RenderContext) -> str:
    failures = sum(1 for report in reports if not report["verdict"]["passed"])
    errors = len(context.errors)
    counts: dict[str, Any] = {
        "tests": str(len(reports) + errors),
        "failures": str(failures),
        "errors": str(errors),
    }
    root = ET.Element("testsuites", {"name": "evalkit", **counts})
    suite = ET.SubElement(root, "testsuite", {"name": "evalkit", **counts, "skipped": "0"})
    for report in reports:
        attributes = {"classname": "evalkit", "name": _clean(report["id"])}
        rewrite = pair_files(report, context)[1]
        if rewrite is not None:
            attributes["file"] = _clean(display_path(rewrite))
        case = ET.SubElement(suite, "testcase", attributes)
        if not report["verdict"]["passed"]:
            first = report["verdict"]["failures"][0]["message"] if report["verdict"]["failures"] else "failed"
            failure = ET.SubElement(case, "failure", {"type": "evalkit.gate", "message": _clean(first)})
            failure.text = _clean(_details(report))
        out = ET.SubElement(case, "system-out")
        out.text = _clean(_summary(report))
    for error in context.errors:
        name = error.get("id") or f"{error.get('source')}:{error.get('line')}"
        case = ET.SubElement(suite, "testcase", {"classname": "evalkit", "name": _clean(name)})
        element = ET.SubElement(case, "error", {"type": "evalkit.input", "message": _clean(error["message"])})
        element.text = _clean(error["message"])
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
