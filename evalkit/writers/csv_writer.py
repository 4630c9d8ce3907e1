"""CSV: one row per pair with the headline scores and the verdict, for spreadsheets and dashboards.

Text cells that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return) are prefixed with ``'`` (OWASP's advice on CSV injection); numbers are written as numbers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from evalkit.writers import RenderContext, ReportDict

COLUMNS = (
    "id", "passed", "gain", "meaning", "coverage", "drift", "changed", "added", "dropped", "major",
    "failures", "original", "rewrite", "error",
)  # fmt: skip


def _text(value: object) -> str:
    text = " ".join(str(value).split()) if value is not None else ""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def render(reports: Sequence[ReportDict], context: RenderContext) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for report in reports:
        counts = report["drift"]["counts"]
        failures = "; ".join(failure["message"] for failure in report["verdict"]["failures"])
        scores = [report["readability"]["gain"], report["meaning"]["score"], report["meaning"]["coverage"]]
        scores += [report["drift"]["score"], counts["changed"], counts["added"], counts["dropped"]]
        names = [_text(report["original"].get("name")), _text(report["rewrite"].get("name"))]
        passed = str(report["verdict"]["passed"]).lower()
        writer.writerow([_text(report["id"]), passed, *scores, counts["major"], _text(failures), *names, ""])
    for error in context.errors:  # the id and the message; every column between them empty
        writer.writerow([_text(error.get("id") or ""), *[""] * (len(COLUMNS) - 2), _text(error["message"])])
    return buffer.getvalue()
