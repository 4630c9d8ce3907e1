"""`evalkit check` and `evalkit score --pairs`: exit codes, formats, configuration, baselines (model-free)."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
from cli_support import DATA, FAST, PASS_ALL, Cli, Run, write_jsonl

from evalkit import cli as cli_module
from evalkit.config import PRESETS
from evalkit.gate import Thresholds

LENIENT, STRICT = PRESETS["lenient"], PRESETS["strict"]
DEFAULTS = Thresholds().to_dict()
del DEFAULTS["fail_on"]

ALL_PAIRS = ["council", "hospital", "lunch", "river"]


# --- exit codes ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "code", "stderr_words"),
    [
        (["check", "pairs", *FAST, *PASS_ALL], 0, ["4 of 4 pairs passed"]),
        (["check", "pairs", *FAST, *PASS_ALL, "--fail-on", "changed"], 1, ["2 of 4 pairs passed, 2 failed"]),
        (["check", "pairs", *FAST, "--min-meaning", "0.99"], 1, ["0 of 4 pairs passed"]),
        (["score", "--pairs", "pairs", *FAST, "--min-meaning", "0.99"], 0, ["0 of 4 pairs passed"]),
        (["check", "missing.jsonl", *FAST], 2, ["missing.jsonl: no such file"]),
        (["check", "pairs/council.original.txt", "pairs/nothing.rewrite.txt", *FAST], 2, ["has no original"]),
        (["check", "pairs", *FAST, "--resume"], 2, ["--resume needs --results"]),
        (["check", *FAST], 2, ["give INPUT"]),
        (["check", "pairs", *FAST, "--fail-on", "changd"], 2, ["--fail-on", "changd"]),
        (["check", "pairs", *FAST, "--min-meaning", "2"], 2, ["--min-meaning", "between 0 and 1"]),
        (["check", "pairs", *FAST, "--preset", "extreme"], 2, ["extreme"]),
        (["check", "pairs", *FAST, "--write", "pdf:x.pdf"], 2, ["FORMAT:FILE"]),
        (["check", "pairs", *FAST, "--baseline", "none.json"], 2, ["none.json: no such baseline file"]),
        (["check", "pairs", *FAST, "--config", "nope.toml"], 2, ["nope.toml: no such configuration file"]),
        (["score", "a.txt", "--pairs", "pairs", *FAST], 2, ["not both"]),
        (["score", "a.txt", *FAST], 2, ["give ORIGINAL and REWRITE"]),
        (["score", "a.txt", "b.txt", "--resume", *FAST], 2, ["work with --pairs"]),
    ],
)
def test_exit_codes(cli: Cli, workdir: Path, args: list[str], code: int, stderr_words: list[str]) -> None:
    run = cli(*args)
    assert run.exit_code == code, run
    for words in stderr_words:
        assert words in run.stderr, run
    assert "Traceback" not in run.stderr


def test_malformed_line_is_reported_the_rest_scored_and_exit_2(cli: Cli, workdir: Path) -> None:
    council, river = (workdir / "pairs" / f"{name}.original.txt" for name in ("council", "river"))
    write_jsonl(
        workdir / "batch.jsonl",
        [
            {
                "id": "council",
                "original_path": "pairs/council.original.txt",
                "rewrite_path": "pairs/council.rewrite.txt",
            },
            '{"id": "broken", "original": "text", ',
            {"id": "river", "original": river.read_text(), "rewrite_path": "pairs/river.rewrite.txt"},
            {"id": "council", "original": council.read_text(), "rewrite": "A duplicate."},
            {"id": "escape", "original_path": "../etc/passwd", "rewrite": "x"},
        ],
    )
    run = cli("check", "batch.jsonl", *FAST, *PASS_ALL, "--format", "jsonl")
    assert run.exit_code == 2, run
    assert "evalkit: error: batch.jsonl:2: is not valid JSON" in run.stderr
    assert "evalkit: error: batch.jsonl:4: duplicate id 'council' (first at batch.jsonl:1)" in run.stderr
    assert (
        "evalkit: error: batch.jsonl:5: path '../etc/passwd' escapes the folder of batch.jsonl (refused)" in run.stderr
    )
    records = [json.loads(line) for line in run.stdout.splitlines()]
    assert [r["id"] for r in records if "error" not in r] == ["council", "river"]
    assert all(r["verdict"]["passed"] for r in records if "error" not in r)
    assert "2 of 2 pairs passed; 3 could not be scored" in run.stderr


def test_pairs_that_cannot_be_read_are_errors_with_their_line(cli: Cli, workdir: Path) -> None:
    write_jsonl(
        workdir / "p.jsonl",
        [
            {
                "id": "ok",
                "original_path": "pairs/river.original.txt",
                "rewrite_path": "pairs/river.rewrite.txt",
            },
            {"id": "gone", "original_path": "pairs/gone.txt", "rewrite_path": "pairs/river.rewrite.txt"},
            {"id": "empty", "original": "  \n ", "rewrite": "Something."},
        ],
    )
    run = cli("check", "p.jsonl", *FAST, *PASS_ALL)
    assert run.exit_code == 2, run
    assert f"p.jsonl:2: {Path('pairs/gone.txt')}: no such file" in run.stderr
    assert "p.jsonl:3:original: contains only whitespace" in run.stderr


# --- formats ------------------------------------------------------------------------------------------


def _json(run: Run) -> None:
    assert [report["id"] for report in json.loads(run.stdout)] == ALL_PAIRS


def _jsonl(run: Run) -> None:
    assert [json.loads(line)["id"] for line in run.stdout.splitlines()] == ALL_PAIRS


def _csv(run: Run) -> None:
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    assert [row["id"] for row in rows] == ALL_PAIRS
    assert [row["passed"] for row in rows] == ["true", "false", "false", "true"]


def _markdown(run: Run) -> None:
    assert run.stdout.startswith("# evalkit: 2 of 4 pairs passed")
    assert "| lunch | ❌ failed |" in run.stdout


def _table(run: Run) -> None:
    assert re.search(r"hospital\s+│\s+FAILED", run.stdout)


def _junit(run: Run) -> None:
    root = ET.fromstring(run.stdout)
    cases = root.findall("./testsuite/testcase")
    assert [case.get("name") for case in cases] == ALL_PAIRS
    assert [case.get("name") for case in cases if case.find("failure") is not None] == ["hospital", "lunch"]


def _github(run: Run) -> None:
    lines = run.stdout.splitlines()
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    changed = [line for line in lines if "'85' became '58'" in line]
    assert len(changed) == 1
    assert changed[0].startswith("::error file=pairs/lunch.rewrite.md,line=3,endLine=3,col=")


def _sarif(run: Run) -> None:
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    log = json.loads(run.stdout)
    jsonschema.Draft4Validator(schema).validate(log)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert "pairs/lunch.rewrite.md" in uris


@pytest.mark.parametrize(
    ("output_format", "check"),
    [
        ("json", _json),
        ("jsonl", _jsonl),
        ("csv", _csv),
        ("markdown", _markdown),
        ("table", _table),
        ("junit", _junit),
        ("github", _github),
        ("sarif", _sarif),
    ],
)
def test_formats(cli: Cli, workdir: Path, output_format: str, check: Callable[[Run], None]) -> None:
    run = cli("check", "pairs", *FAST, *PASS_ALL, "--fail-on", "changed", "--format", output_format)
    assert run.exit_code == 1, run
    check(run)


def test_extra_reports_and_output_file(cli: Cli, workdir: Path) -> None:
    extra = ["junit:out/junit.xml", "sarif:out/evalkit.sarif", "markdown:out/summary.md"]
    writes = [word for item in extra for word in ("--write", item)]
    run = cli("check", "pairs", *FAST, *PASS_ALL, "-f", "json", "-o", "out/report.json", *writes)
    assert run.exit_code == 0, run
    assert run.stdout == ""
    assert len(json.loads((workdir / "out" / "report.json").read_text())) == 4
    assert len(ET.parse(workdir / "out" / "junit.xml").getroot().findall("./testsuite/testcase")) == 4
    assert json.loads((workdir / "out" / "evalkit.sarif").read_text())["version"] == "2.1.0"
    assert (workdir / "out" / "summary.md").read_text().startswith("# evalkit: 4 of 4 pairs passed")


def test_jsonl_format_is_the_results_file(cli: Cli, workdir: Path) -> None:
    run = cli("score", "--pairs", "pairs", *FAST, "--format", "jsonl", "--results", "results.jsonl")
    assert run.exit_code == 0, run
    assert run.stdout == (workdir / "results.jsonl").read_text(encoding="utf-8")


# --- selectors, config, precedence --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fail_on", "failed"),
    [
        (["changed:date"], ["hospital"]),
        (["changed"], ["hospital", "lunch"]),
        (["dropped:date"], []),
        (["none"], []),
        # repeated, the options add up (the last one does not replace the others)
        (["changed:date", "dropped:date"], ["hospital"]),
    ],
)
def test_fail_on(cli: Cli, workdir: Path, fail_on: list[str], failed: list[str]) -> None:
    flags = [part for selector in fail_on for part in ("--fail-on", selector)]
    run = cli("check", "pairs", *FAST, *PASS_ALL, *flags, "--format", "jsonl")
    records = [json.loads(line) for line in run.stdout.splitlines()]
    assert [r["id"] for r in records if not r["verdict"]["passed"]] == failed
    assert run.exit_code == (1 if failed else 0), run


CONFIG = """\
min_gain = -100
max_drift = 1
min_meaning = 0.99
profile = "fast"
cache = false
format = "jsonl"
pairs = "pairs"

[overrides."river"]
min_meaning = 0.1
"""


def passed(run: Run) -> list[str]:
    return [r["id"] for r in map(json.loads, run.stdout.splitlines()) if r["verdict"]["passed"]]


def test_config_is_discovered_walking_up(cli: Cli, workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (workdir / "evalkit.toml").write_text(CONFIG, encoding="utf-8")
    (workdir / "sub" / "deeper").mkdir(parents=True)
    monkeypatch.chdir(workdir / "sub" / "deeper")
    run = cli("check")  # INPUT, profile, format all from the file; pairs path relative to the file
    assert run.exit_code == 1, run
    assert passed(run) == ["river"]


def test_pyproject_table_is_used(cli: Cli, workdir: Path) -> None:
    (workdir / "pyproject.toml").write_text(
        "[tool.evalkit]\n" + CONFIG.replace("[overrides.", "[tool.evalkit.overrides.")
    )
    run = cli("check")
    assert passed(run) == ["river"]


def thresholds(run: Run) -> dict[str, dict[str, object]]:
    return {r["id"]: r["settings"]["thresholds"] for r in map(json.loads, run.stdout.splitlines())}


@pytest.mark.parametrize(
    ("args", "council", "river"),
    [
        # the file, with its override for river
        ([], {"min_meaning": 0.99, "max_drift": 1.0}, {"min_meaning": 0.1, "max_drift": 1.0}),
        # a preset named on the command line beats the file and its overrides
        (["--preset", "lenient"], LENIENT, {"min_meaning": LENIENT["min_meaning"]}),
        # a flag beats the preset
        (
            ["--preset", "strict", "--min-meaning", "0.3"],
            {**STRICT, "min_meaning": 0.3},
            {"min_meaning": 0.3},
        ),
        # defaults when the file is ignored
        (["--no-config", *FAST, "-f", "jsonl", "pairs"], DEFAULTS, {"min_gain": DEFAULTS["min_gain"]}),
    ],
)
def test_precedence_on_the_command_line(
    cli: Cli, workdir: Path, args: list[str], council: dict[str, float], river: dict[str, float]
) -> None:
    (workdir / "evalkit.toml").write_text(CONFIG, encoding="utf-8")
    found = thresholds(cli("check", *args))
    for pair, expected in (("council", council), ("river", river)):
        for key, value in expected.items():
            assert found[pair][key] == (pytest.approx(value) if isinstance(value, float) else value), (
                pair,
                key,
            )


def test_bad_config_is_one_line_naming_the_key(cli: Cli, workdir: Path) -> None:
    (workdir / "evalkit.toml").write_text("min_meaning = 0.5\nmax_majr = 1\n", encoding="utf-8")
    run = cli("check", "pairs", *FAST)
    assert run.exit_code == 2
    assert run.stderr == (
        f"evalkit: error: {workdir / 'evalkit.toml'}: unknown key 'max_majr' (did you mean 'max_major'?)\n"
    )
    assert cli("check", "pairs", *FAST, "--no-config", *PASS_ALL).exit_code == 0


# --- regression mode ----------------------------------------------------------------------------------


def test_baseline_fails_only_pairs_that_got_worse(cli: Cli, workdir: Path) -> None:
    harsh = ["--min-meaning", "0.95", "--min-gain", "-100", "--max-drift", "1"]
    first = cli("score", "--pairs", "pairs", *FAST, *harsh, "--format", "json", "-o", "baseline.json")
    assert first.exit_code == 0, first
    assert cli("check", "pairs", *FAST, *harsh).exit_code == 1  # every pair fails the harsh threshold ...
    run = cli("check", "pairs", *FAST, *harsh, "--baseline", "baseline.json", "--format", "jsonl")
    assert run.exit_code == 0, run  # ... but none got worse
    # the river rewrite loses half its content: its meaning drops below the baseline's
    rewrite = workdir / "pairs" / "river.rewrite.txt"
    rewrite.write_text(rewrite.read_text().split("\n")[0] + "\n", encoding="utf-8")
    run = cli("check", "pairs", *FAST, *harsh, "--baseline", "baseline.json", "--format", "jsonl")
    assert run.exit_code == 1, run
    records = {r["id"]: r for r in map(json.loads, run.stdout.splitlines())}
    assert [pair for pair, r in records.items() if not r["verdict"]["passed"]] == ["river"]
    assert "worse than the baseline" in records["river"]["verdict"]["failures"][0]["message"]
    assert records["council"]["verdict"]["known_failures"][0]["check"] == "meaning"


# --- pair files (pre-commit), one pair, workers, progress ---------------------------------------------


def test_pair_files_as_a_pre_commit_hook_passes_them(cli: Cli, workdir: Path) -> None:
    run = cli("check", "pairs/lunch.rewrite.md", "pairs/river.original.txt", *FAST, *PASS_ALL, "--format", "jsonl")
    assert run.exit_code == 0, run
    assert [json.loads(line)["id"] for line in run.stdout.splitlines()] == ["pairs/lunch", "pairs/river"]


def test_single_pair_score_honours_thresholds_and_formats(cli: Cli, workdir: Path) -> None:
    args = [
        "score",
        "pairs/lunch.original.md",
        "pairs/lunch.rewrite.md",
        *FAST,
        *PASS_ALL,
        "--fail-on",
        "changed:major,added:major",
    ]
    run = cli(*args, "--format", "junit")
    assert run.exit_code == 0, run  # score reports, it does not gate
    (case,) = ET.fromstring(run.stdout).findall("./testsuite/testcase")
    assert case.get("name") == "lunch" and case.find("failure") is not None
    run = cli(*args, "--format", "github")
    assert "::error file=pairs/lunch.rewrite.md,line=3" in run.stdout


def test_workers_give_the_same_report(cli: Cli, workdir: Path) -> None:
    one = cli("check", "pairs", *FAST, *PASS_ALL, "--format", "jsonl", "--batch-size", "1")
    two = cli("check", "pairs", *FAST, *PASS_ALL, "--format", "jsonl", "--batch-size", "1", "--workers", "2")
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout


@pytest.mark.parametrize(
    ("quiet", "flag", "tty", "ci", "shown"),
    [
        (False, None, True, None, True),
        (False, None, True, "true", False),  # CI
        (False, None, False, None, False),  # piped
        (True, None, True, None, False),
        (False, False, True, None, False),
        (False, True, False, "true", True),  # forced
    ],
)
def test_progress_only_on_a_terminal_outside_ci(
    monkeypatch: pytest.MonkeyPatch, quiet: bool, flag: bool | None, tty: bool, ci: str | None, shown: bool
) -> None:
    monkeypatch.setattr(cli_module.sys.stderr, "isatty", lambda: tty)
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    options = cli_module._Options(quiet=quiet, progress=flag)
    assert cli_module._show_progress(options) is shown


def test_quiet_batch_leaves_stderr_empty(cli: Cli, workdir: Path) -> None:
    run = cli("check", "pairs", *FAST, *PASS_ALL, "-q", "--format", "json")
    assert run.exit_code == 0
    assert run.stderr == ""


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "bad.csv",
            "id,original\nx,y\n",
            "bad.csv:1: missing column 'rewrite' or 'rewrite_path' (the header has: id, original)",
        ),
        ("only.jsonl", "{broken\n", "only.jsonl:1: is not valid JSON"),
        ("notes.txt", "hello\n", "notes.txt: is not a pairs file"),
        ("bin.jsonl", "\x00\x01\x02", "bin.jsonl: is a binary file, not text"),
    ],
)
def test_unusable_pairs_files(cli: Cli, workdir: Path, name: str, text: str, message: str) -> None:
    (workdir / name).write_text(text, encoding="utf-8")
    run = cli("check", name, *FAST, "-f", "json")
    assert run.exit_code == 2, run
    assert run.stderr.startswith(f"evalkit: error: {message}")
    assert "Traceback" not in run.stderr


def test_html_report_from_a_batch(cli: Cli, workdir: Path) -> None:
    run = cli("check", "pairs", *FAST, *PASS_ALL, "-f", "json", "--write", "html:out/report.html")
    assert run.exit_code == 0, run
    html = (workdir / "out" / "report.html").read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html")
    assert all(pair in html for pair in ALL_PAIRS)
