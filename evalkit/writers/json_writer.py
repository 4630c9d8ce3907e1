"""JSON: one report as an object, several as an array. Deterministic bytes for the same input."""

from __future__ import annotations

import json
from collections.abc import Sequence

from evalkit.writers import RenderContext, ReportDict


def render(reports: Sequence[ReportDict], context: RenderContext) -> str:
    payload: object = reports[0] if len(reports) == 1 and not context.errors else list(reports)
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
