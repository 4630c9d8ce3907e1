"""Helpers of the CLI tests (a module of its own: test modules import it; conftest only holds fixtures)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

DATA = Path(__file__).parents[1] / "data"
#: thresholds every pair of tests/data/pairs passes with the model-free profile
PASS_ALL = ["--min-gain", "-100", "--min-meaning", "0", "--max-drift", "1", "--fail-on", "none"]
FAST = ["--profile", "fast", "--no-cache"]


class Run:
    def __init__(self, exit_code: int, stdout: str, stderr: str) -> None:
        self.exit_code, self.stdout, self.stderr = exit_code, stdout, stderr

    def __repr__(self) -> str:
        return f"Run(exit_code={self.exit_code}, stderr={self.stderr!r}, stdout={self.stdout[:400]!r})"


Cli = Callable[..., Run]


def write_jsonl(path: Path, records: list[object]) -> Path:
    text = "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)
    path.write_text(text, encoding="utf-8")
    return path
