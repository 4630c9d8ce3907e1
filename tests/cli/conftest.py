"""CLI test helpers: a runner that returns exit code, stdout and stderr apart, and pairs in a temporary
working directory (so no configuration file of the repository is discovered)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from evalkit.cli import app

DATA = Path(__file__).parents[1] / "data"
#: thresholds every pair of tests/data/pairs passes with the model-free profile
PASS_ALL = ["--min-gain", "-100", "--min-meaning", "0", "--max-drift", "1"]
FAST = ["--profile", "fast", "--no-cache"]


class Run:
    def __init__(self, exit_code: int, stdout: str, stderr: str) -> None:
        self.exit_code, self.stdout, self.stderr = exit_code, stdout, stderr

    def __repr__(self) -> str:
        return f"Run(exit_code={self.exit_code}, stderr={self.stderr!r}, stdout={self.stdout[:400]!r})"


Cli = Callable[..., Run]


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch) -> Cli:
    monkeypatch.delenv("CI", raising=False)

    def run(*args: str | Path) -> Run:
        result = CliRunner().invoke(app, [str(arg) for arg in args], catch_exceptions=False)
        return Run(result.exit_code, result.stdout, result.stderr)

    return run


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory holding a copy of ``tests/data/pairs`` as ``pairs/``."""
    shutil.copytree(DATA / "pairs", tmp_path / "pairs")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write_jsonl(path: Path, records: list[object]) -> Path:
    path.write_text(
        "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records), encoding="utf-8"
    )
    return path
