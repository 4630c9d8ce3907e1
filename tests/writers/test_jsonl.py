"""JSON Lines: one line per report, then one per pair that could not be scored."""

from __future__ import annotations

import json

from writer_support import Rendered

from evalkit.batch import json_line
from evalkit.writers import get_writer


def test_one_line_per_report_then_errors(rendered: Rendered) -> None:
    text = get_writer("jsonl")(rendered.reports, rendered.context)
    lines = text.splitlines()
    assert len(lines) == len(rendered.reports) + len(rendered.context.errors)
    records = [json.loads(line) for line in lines]
    assert [record["id"] for record in records[: len(rendered.reports)]] == [r["id"] for r in rendered.reports]
    assert all("error" in record for record in records[len(rendered.reports) :])
    assert text.startswith("".join(json_line(report) for report in rendered.reports))
