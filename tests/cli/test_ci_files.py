"""The pre-commit hooks and the GitHub Actions example stay in step with the CLI."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from cli_support import Cli

from evalkit.pairs import _member_side

REPO = Path(__file__).parents[2]
yaml = pytest.importorskip("yaml")


def hooks() -> list[dict[str, object]]:
    loaded: list[dict[str, object]] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    return loaded


@pytest.mark.parametrize(
    ("name", "matched"),
    [
        ("docs/a.original.md", True),
        ("a.rewrite.txt", True),
        ("site/rewrite/news/b.html", True),
        ("original/c.txt", True),
        ("README.md", False),
        ("notes/original.txt", False),
        ("a.original.pdf", False),
    ],
)
def test_hook_files_pattern_matches_what_evalkit_reads_as_pair_files(name: str, matched: bool) -> None:
    for hook in hooks():
        assert bool(re.search(str(hook["files"]), name)) is matched
        assert (_member_side(Path(name)) is not None) is matched


def test_hooks_run_the_gate() -> None:
    ids = [hook["id"] for hook in hooks()]
    assert ids == ["evalkit", "evalkit-fast"]
    for hook in hooks():
        assert str(hook["entry"]).startswith("evalkit check")
        assert hook["pass_filenames"] is True and hook["require_serial"] is True


def test_workflow_uses_only_real_options(cli: Cli) -> None:
    workflow = yaml.safe_load((REPO / "examples" / "github-actions" / "evalkit.yml").read_text())
    steps = workflow["jobs"]["gate"]["steps"]
    (script,) = [step["run"] for step in steps if "evalkit check" in step.get("run", "")]
    command = script[script.index("evalkit check") :].replace("\\\n", " ")
    options = {word.split("=")[0] for word in shlex.split(command) if word.startswith("--")}
    help_text = cli("check", "--help").stdout
    for option in options:
        assert option in help_text, option
    assert {"--format", "--write", "--results"} <= options
