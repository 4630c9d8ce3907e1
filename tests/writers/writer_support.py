"""Helpers of the writer tests: real reports (model-free profile) of the pairs of ``tests/data/pairs``, a
pair whose files have a byte-order mark and CRLF line endings, an inline pair from a JSON Lines file, and
entries that could not be scored."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evalkit.batch import run_batch
from evalkit.gate import Thresholds
from evalkit.pairs import load_pairs
from evalkit.settings import Settings
from evalkit.writers import RenderContext

DATA = Path(__file__).parents[1] / "data"

CRLF_ORIGINAL = (
    "Harbour report\r\n"
    "\r\n"
    "The ferry company carried 120 thousand passengers last summer, its best season since 2015.\r\n"
    "The new terminal, which opened in May, cost 30 million euros.\r\n"
)
CRLF_REWRITE = (
    "Harbour report\r\n"
    "\r\n"
    "The ferry company carried 150 thousand people last summer.\r\n"
    "That was its best season since 2015. The new terminal opened in May. It cost 30 million euros.\r\n"
)


@dataclass(frozen=True)
class Rendered:
    reports: list[dict[str, Any]]
    context: RenderContext
    folder: Path


def render_context(folder: Path) -> Rendered:
    """Score the writer-test pairs into ``folder`` and return the reports with their render context."""
    for path in (DATA / "pairs").iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "harbour.original.txt").write_bytes(b"\xef\xbb\xbf" + CRLF_ORIGINAL.encode())
    (folder / "harbour.rewrite.txt").write_bytes(CRLF_REWRITE.encode())
    pairs_file = folder / "inline" / "pairs.jsonl"
    pairs_file.parent.mkdir()
    lines = [
        json.dumps({"id": "inline", "original": "The fund paid 5 million dollars in 2020.",
                    "rewrite": "The fund paid 7 million dollars in 2020."}),
        "{broken",
        json.dumps({"id": "blank", "original": "Something was said.", "rewrite": " "}),
    ]  # fmt: skip
    pairs_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    loaded = load_pairs([folder, pairs_file])
    thresholds = Thresholds(max_major=0)
    outcomes = list(run_batch(loaded.pairs, Settings(profile="fast", cache=False), thresholds_for=lambda _: thresholds))
    errors = [
        {"id": None, "message": error.one_line(), "source": error.source, "line": error.line} for error in loaded.errors
    ]
    errors += [outcome.error.to_dict() for outcome in outcomes if outcome.error is not None]
    context = RenderContext(
        sources={pair.id: (pair.original.path, pair.rewrite.path) for pair in loaded.pairs},
        lines={pair.id: (pair.source, pair.line) for pair in loaded.pairs if pair.line is not None},
        errors=errors,
    )
    reports = [outcome.report for outcome in outcomes if outcome.report is not None]
    return Rendered(reports, context, folder)
