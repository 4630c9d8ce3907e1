"""JSON Lines: one report per line (and one ``{"id", "error"}`` line per pair that could not be scored),
exactly the lines of a results file (``--results``)."""

from __future__ import annotations

from collections.abc import Sequence

from evalkit.writers import RenderContext, ReportDict


def render(reports: Sequence[ReportDict], context: RenderContext) -> str:
    from evalkit.batch import json_line

    lines = [json_line(report) for report in reports]
    lines += [json_line({"id": error.get("id"), "error": dict(error)}) for error in context.errors]
    return "".join(lines)
