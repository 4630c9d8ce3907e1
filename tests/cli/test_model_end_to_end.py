"""`evalkit check` end to end with the default profile: the real embedded model, no stub."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from cli_support import DATA, PASS_ALL, Cli

pytestmark = pytest.mark.model


def test_check_with_the_embedded_model(cli: Cli, workdir: Path) -> None:
    for name in ("hospital", "lunch"):
        for path in workdir.glob(f"pairs/{name}.*"):
            path.unlink()
    run = cli(
        "check", "pairs", "--no-config", *PASS_ALL, "--format", "jsonl", "--results", "results.jsonl",
        "--write", "sarif:evalkit.sarif",
    )  # fmt: skip
    assert run.exit_code == 0, run
    records = [json.loads(line) for line in run.stdout.splitlines()]
    assert [record["id"] for record in records] == ["council", "river"]
    for record in records:
        assert record["settings"]["profile"] == "default"
        assert "MiniLM" in record["meaning"]["bertscore"]["model"]
        assert "|model:" in record["signature"]
        assert 0.0 <= record["meaning"]["score"] <= 1.0
    assert run.stdout == (workdir / "results.jsonl").read_text(encoding="utf-8")
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(json.loads((workdir / "evalkit.sarif").read_text()))
    # a faithful rewrite keeps more meaning than the same rewrite of the other article
    river, council = (workdir / "pairs" / f"{name}.rewrite.txt" for name in ("river", "council"))
    river.write_text(council.read_text(encoding="utf-8"), encoding="utf-8")
    swapped = cli("check", "pairs", "--no-config", "--min-meaning", "0.5", "--format", "jsonl")
    scores = {r["id"]: r["meaning"]["score"] for r in map(json.loads, swapped.stdout.splitlines())}
    assert scores["river"] < records[1]["meaning"]["score"]
    assert swapped.exit_code == 1
