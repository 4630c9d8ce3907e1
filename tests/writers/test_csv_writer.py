"""CSV: one row per pair, numbers as numbers, no spreadsheet formulas from text."""

from __future__ import annotations

import csv
import io

import pytest
from writer_support import Rendered

from evalkit.writers import RenderContext, get_writer
from evalkit.writers.csv_writer import COLUMNS


def test_rows(rendered: Rendered) -> None:
    rows = list(csv.DictReader(io.StringIO(get_writer("csv")(rendered.reports, rendered.context))))
    assert len(rows) == len(rendered.reports) + len(rendered.context.errors)
    assert list(rows[0]) == list(COLUMNS)
    for row, report in zip(rows, rendered.reports, strict=False):
        assert row["id"] == report["id"]
        assert row["passed"] == str(report["verdict"]["passed"]).lower()
        assert float(row["meaning"]) == pytest.approx(report["meaning"]["score"])
        assert float(row["gain"]) == pytest.approx(report["readability"]["gain"])
    assert all(row["error"] for row in rows[len(rendered.reports) :])


def test_formula_injection_is_neutralised(rendered: Rendered) -> None:
    report = dict(rendered.reports[0], id='=HYPERLINK("http://x")')
    rows = list(csv.DictReader(io.StringIO(get_writer("csv")([report], RenderContext()))))
    assert rows[0]["id"].startswith("'=")
