"""`--executor` and `--address` of `evalkit score --pairs` and `evalkit check`: the Dask executor gives the
same output and results file as the local one; without the extra, one line names it; usage errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import FAST, PASS_ALL, Cli
from synthetic import synthetic_pair

REPO = Path(__file__).parents[2]


@pytest.fixture
def twenty(workdir: Path) -> Path:
    """A pairs file of 20 synthetic pairs in the working directory."""
    path = workdir / "twenty.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for index in range(20):
            original, rewrite = synthetic_pair(index)
            handle.write(json.dumps({"id": f"p{index:02d}", "original": original, "rewrite": rewrite}) + "\n")
    return path


@pytest.mark.parametrize(
    ("args", "stderr_words"),
    [
        (["check", "pairs", "--address", "tcp://127.0.0.1:8786", "--executor", "local"], "--address is for"),
        (["check", "pairs", "--address", "tcp://127.0.0.1:8786", "--workers", "2"], "--workers starts a local"),
        (["score", "pairs/river.original.txt", "pairs/river.rewrite.txt", "--executor", "dask"], "with --pairs"),
        (["score", "pairs/river.original.txt", "pairs/river.rewrite.txt", "--address", "x"], "with --pairs"),
        (["check", "pairs", "--executor", "ray"], "'ray' is not one of 'local', 'dask'"),
    ],
)
def test_usage_errors(cli: Cli, workdir: Path, args: list[str], stderr_words: str) -> None:
    run = cli(*args, *FAST)
    assert run.exit_code == 2, run
    assert stderr_words in run.stderr, run
    assert "Traceback" not in run.stderr


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ('executor = "ray"\n', "executor: must be one of local, dask, not 'ray'"),
        ("address = 8786\n", "address: must be a string, not 8786"),
    ],
)
def test_config_keys(cli: Cli, workdir: Path, config: str, message: str) -> None:
    (workdir / "evalkit.toml").write_text(config, encoding="utf-8")
    run = cli("check", "pairs", *FAST, *PASS_ALL)
    assert run.exit_code == 2, run
    assert message in run.stderr, run


def test_a_configured_address_is_left_aside_by_executor_local(cli: Cli, workdir: Path) -> None:
    (workdir / "evalkit.toml").write_text('address = "tcp://127.0.0.1:9"\n', encoding="utf-8")
    run = cli("check", "pairs", *FAST, *PASS_ALL, "--executor", "local")
    assert run.exit_code == 0, run


@pytest.mark.parametrize("command", ["score", "check"])
def test_without_the_extra_one_line_names_it(
    cli: Cli, workdir: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    (workdir / "r.jsonl").write_text("kept\n", encoding="utf-8")
    inputs = ["--pairs", "pairs"] if command == "score" else ["pairs"]
    run = cli(command, *inputs, *FAST, "--executor", "dask", "--results", "r.jsonl")
    assert run.exit_code == 2, run
    assert run.stderr == (
        "evalkit: error: --executor dask needs the package 'dask[distributed]': "
        'install it with pip install "evalkit[dask]"\n'
    )
    assert (workdir / "r.jsonl").read_text(encoding="utf-8") == "kept\n"


@pytest.mark.parametrize("command", ["score", "check"])
def test_dask_executor_gives_the_local_output_and_results_file(
    cli: Cli, twenty: Path, workdir: Path, command: str
) -> None:
    pytest.importorskip("distributed", reason="the Dask extra (evalkit[dask]) is not installed")
    inputs = ["--pairs", twenty.name] if command == "score" else [twenty.name]
    common = [*inputs, *FAST, *PASS_ALL, "--format", "json", "--batch-size", "3", "-q"]
    local = cli(command, *common, "--results", "local.jsonl")
    dask = cli(command, *common, "--results", "dask.jsonl", "--executor", "dask", "--workers", "2")
    assert local.exit_code == dask.exit_code == 0, (local, dask)
    assert dask.stdout == local.stdout
    assert len(json.loads(dask.stdout)) == 20
    assert (workdir / "dask.jsonl").read_bytes() == (workdir / "local.jsonl").read_bytes()


def test_help_imports_neither_torch_nor_dask() -> None:
    code = (
        "import sys\n"
        "from evalkit.cli import app\n"
        "for args in (['--help'], ['check', '--help'], ['score', '--help']):\n"
        "    try:\n"
        "        app(args, standalone_mode=False)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(sorted(m for m in ('torch', 'transformers', 'dask', 'distributed') if m in sys.modules))\n"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO).stdout
    assert "--executor" in output
    assert output.strip().splitlines()[-1] == "[]"
