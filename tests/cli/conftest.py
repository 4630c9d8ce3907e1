"""CLI test fixtures: a runner that returns exit code, stdout and stderr apart, and pairs in a temporary
working directory (so no configuration file of the repository is discovered)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from cli_support import DATA, Cli, Run
from typer.testing import CliRunner

from evalkit.cli import app


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
