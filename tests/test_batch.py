"""The batch runner: input order, judging per pair, results file, resume, executors, baselines."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from evalkit.batch import PairOutcome, json_line, load_baseline, make_batches, run_batch
from evalkit.errors import ConfigError, InputError
from evalkit.executors import Batch, BatchOutput, LocalExecutor, ProcessExecutor
from evalkit.gate import Thresholds
from evalkit.pairs import PairSpec, TextRef, load_pairs
from evalkit.settings import Settings

DATA = Path(__file__).parent / "data" / "pairs"
FAST = Settings(profile="fast", cache=False)


def inline_pair(pair_id: str, original: str, rewrite: str, line: int = 1) -> PairSpec:
    sides = (
        TextRef(f"p.jsonl:{line}:{side}", text=text) for side, text in (("original", original), ("rewrite", rewrite))
    )
    return PairSpec(pair_id, *sides, "p.jsonl", line)


@pytest.fixture(scope="module")
def pairs() -> tuple[PairSpec, ...]:
    loaded = load_pairs([DATA])
    assert loaded.errors == ()
    return loaded.pairs


class CountingExecutor:
    """The local executor, recording which pairs it scored."""

    def __init__(self) -> None:
        self.inner = LocalExecutor(FAST)
        self.scored: list[str] = []
        self.batches = 0

    def map(self, batches: Iterable[Batch]) -> Iterator[BatchOutput]:
        for batch in batches:
            self.batches += 1
            self.scored += [pair.id for _, pair in batch]
            yield from self.inner.map([batch])

    def close(self) -> None:
        self.inner.close()


def test_outcomes_come_in_input_order_and_judged_per_pair(pairs: tuple[PairSpec, ...]) -> None:
    strict = Thresholds(min_meaning=0.99)
    lenient = Thresholds(min_meaning=0.0, max_drift=None)
    outcomes = list(
        run_batch(pairs, FAST, batch_size=2, thresholds_for=lambda pair: strict if pair.id == "river" else lenient)
    )
    assert [outcome.id for outcome in outcomes] == [pair.id for pair in pairs]
    assert [outcome.index for outcome in outcomes] == list(range(len(pairs)))
    by_id = {outcome.id: outcome for outcome in outcomes}
    assert not by_id["river"].passed
    assert by_id["river"].report is not None
    assert by_id["river"].report["settings"]["thresholds"]["min_meaning"] == pytest.approx(0.99)
    assert by_id["council"].passed


def test_unusable_pairs_become_errors_and_the_rest_is_scored() -> None:
    batch = [
        inline_pair("good", "The plan was approved on Monday by the council.", "The council said yes on Monday.", 1),
        inline_pair("empty", "The plan was approved.", "   ", 2),
        PairSpec("gone", TextRef("x", path="/nonexistent/x.txt"), TextRef("y", text="Hello."), "p.jsonl", 3),
    ]
    outcomes = list(run_batch(batch, FAST))
    assert [outcome.report is not None for outcome in outcomes] == [True, False, False]
    assert outcomes[1].error is not None and outcomes[1].error.message == "p.jsonl:2:rewrite: contains only whitespace"
    assert outcomes[2].error is not None
    assert outcomes[2].error.message == "p.jsonl:3: /nonexistent/x.txt: no such file"
    assert (outcomes[2].error.source, outcomes[2].error.line) == ("p.jsonl", 3)


def test_results_file_holds_every_outcome_in_input_order(tmp_path: Path, pairs: tuple[PairSpec, ...]) -> None:
    results = tmp_path / "out" / "results.jsonl"
    outcomes = list(run_batch(pairs, FAST, results=results, batch_size=1))
    assert results.read_text(encoding="utf-8") == "".join(json_line(outcome.record()) for outcome in outcomes)
    ids = [json.loads(line)["id"] for line in results.read_text(encoding="utf-8").splitlines()]
    assert ids == [pair.id for pair in pairs]


def test_resume_scores_only_what_is_missing(tmp_path: Path, pairs: tuple[PairSpec, ...]) -> None:
    full = tmp_path / "full.jsonl"
    list(run_batch(pairs, FAST, results=full))
    lines = full.read_text(encoding="utf-8").splitlines(keepends=True)
    # an interrupted run: two finished lines (out of input order) and a third cut short by the kill
    partial = tmp_path / "partial.jsonl"
    partial.write_text(lines[2] + lines[0] + lines[1][: len(lines[1]) // 2], encoding="utf-8")
    counting = CountingExecutor()
    outcomes = list(run_batch(pairs, FAST, results=partial, resume=True, executor=counting))
    assert sorted(counting.scored) == sorted(pair.id for i, pair in enumerate(pairs) if i not in (0, 2))
    assert [outcome.resumed for outcome in outcomes] == [i in (0, 2) for i in range(len(pairs))]
    assert partial.read_bytes() == full.read_bytes()


def test_resume_of_a_finished_run_scores_nothing(tmp_path: Path, pairs: tuple[PairSpec, ...]) -> None:
    results = tmp_path / "r.jsonl"
    list(run_batch(pairs, FAST, results=results))
    before = results.read_bytes()
    counting = CountingExecutor()
    list(run_batch(pairs, FAST, results=results, resume=True, executor=counting))
    assert counting.scored == []
    assert results.read_bytes() == before


def test_resume_retries_pairs_that_had_failed(tmp_path: Path) -> None:
    pair = inline_pair("a", "The council met on Monday and approved the plan.", "The council said yes on Monday.")
    results = tmp_path / "r.jsonl"
    results.write_text(json_line({"id": "a", "error": {"id": "a", "message": "old problem"}}), encoding="utf-8")
    counting = CountingExecutor()
    (outcome,) = run_batch([pair], FAST, results=results, resume=True, executor=counting)
    assert counting.scored == ["a"]
    assert outcome.report is not None
    assert results.read_text(encoding="utf-8").count("\n") == 1


def test_resume_rejudges_with_the_current_thresholds(tmp_path: Path, pairs: tuple[PairSpec, ...]) -> None:
    results = tmp_path / "r.jsonl"
    lenient = Thresholds(min_gain=None, min_meaning=None, max_drift=None, max_major=None)
    assert all(o.passed for o in run_batch(pairs, FAST, results=results, thresholds_for=lambda _: lenient))
    harsh = Thresholds(min_meaning=0.999)
    outcomes = list(run_batch(pairs, FAST, results=results, resume=True, thresholds_for=lambda _: harsh))
    assert all(outcome.resumed and not outcome.passed for outcome in outcomes)
    assert all(json.loads(line)["verdict"]["passed"] is False for line in results.read_text().splitlines())


def test_resume_refuses_results_of_other_settings(tmp_path: Path, pairs: tuple[PairSpec, ...]) -> None:
    results = tmp_path / "r.jsonl"
    list(run_batch(pairs[:1], FAST, results=results))
    with pytest.raises(ConfigError, match="other settings"):
        list(run_batch(pairs, Settings(profile="default", cache=False), results=results, resume=True))


def test_resume_refuses_a_damaged_results_file(tmp_path: Path, pairs: tuple[PairSpec, ...]) -> None:
    results = tmp_path / "r.jsonl"
    results.write_text("{not json\n{}\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"r.jsonl:1: is damaged"):
        list(run_batch(pairs, FAST, results=results, resume=True))


def test_resume_needs_a_results_file(pairs: tuple[PairSpec, ...]) -> None:
    with pytest.raises(ConfigError, match="--resume needs a results file"):
        list(run_batch(pairs, FAST, resume=True))


def test_without_resume_the_results_file_starts_afresh(tmp_path: Path, pairs: tuple[PairSpec, ...]) -> None:
    results = tmp_path / "r.jsonl"
    results.write_text(json_line({"id": "stale", "readability": {}}), encoding="utf-8")
    list(run_batch(pairs[:1], FAST, results=results))
    assert [json.loads(line)["id"] for line in results.read_text().splitlines()] == [pairs[0].id]


def test_on_result_sees_every_pair(pairs: tuple[PairSpec, ...]) -> None:
    seen: list[PairOutcome] = []
    list(run_batch(pairs, FAST, on_result=seen.append, batch_size=3))
    assert sorted(outcome.index for outcome in seen) == list(range(len(pairs)))


@pytest.mark.parametrize(
    ("sizes", "batch_size", "max_chars", "expected"),
    [
        ([10, 30, 20], 2, 1000, [[1, 2], [0]]),
        ([10, 30, 20], 5, 1000, [[1, 2, 0]]),
        ([10, 30, 20], 5, 45, [[1], [2, 0]]),
        ([100], 5, 10, [[0]]),  # a pair longer than the budget still gets its own batch
        ([], 3, 10, []),
    ],
)
def test_make_batches(sizes: list[int], batch_size: int, max_chars: int, expected: list[list[int]]) -> None:
    items = [(index, inline_pair(str(index), "x" * size, "y")) for index, size in enumerate(sizes)]
    batches = make_batches(items, batch_size=batch_size, max_chars=max_chars + len(sizes))
    assert [[index for index, _ in batch] for batch in batches] == expected


def test_process_workers_give_the_same_results(tmp_path: Path, pairs: tuple[PairSpec, ...]) -> None:
    local, pooled = tmp_path / "local.jsonl", tmp_path / "pooled.jsonl"
    list(run_batch(pairs, FAST, results=local, batch_size=1))
    executor = ProcessExecutor(FAST, workers=2)
    list(run_batch(pairs, FAST, results=pooled, batch_size=1, executor=executor))
    executor.close()
    assert pooled.read_bytes() == local.read_bytes()


# --- baselines ----------------------------------------------------------------------------------------


def _reports(tmp_path: Path, pairs: tuple[PairSpec, ...]) -> list[dict[str, Any]]:
    results = tmp_path / "baseline.jsonl"
    outcomes = list(run_batch(pairs, FAST, results=results))
    return [outcome.report for outcome in outcomes if outcome.report is not None]


def test_load_baseline_formats(tmp_path: Path, pairs: tuple[PairSpec, ...]) -> None:
    reports = _reports(tmp_path, pairs)
    ids = [report["id"] for report in reports]
    assert list(load_baseline(tmp_path / "baseline.jsonl")) == ids
    (tmp_path / "all.json").write_text(json.dumps(reports), encoding="utf-8")
    assert list(load_baseline(tmp_path / "all.json")) == ids
    (tmp_path / "one.json").write_text(json.dumps(reports[0], indent=2), encoding="utf-8")
    assert list(load_baseline(tmp_path / "one.json")) == ids[:1]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('{"id": "a"}\nnot json\n', "b.jsonl:2: is not valid JSON Lines"),
        ('{"id": "a", "error": {}}\n{"id": "b"}\n', "record 'b' is not an evalkit report"),
        ("[1, 2]\n", "holds something other than evalkit reports"),
    ],
)
def test_load_baseline_refuses(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / "b.jsonl"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=words):
        load_baseline(path)
    with pytest.raises(InputError, match="no such baseline file"):
        load_baseline(tmp_path / "missing.json")


def test_regression_mode_fails_only_what_got_worse(tmp_path: Path, pairs: tuple[PairSpec, ...]) -> None:
    baseline = {report["id"]: report for report in _reports(tmp_path, pairs)}
    meanings = {pair_id: report["meaning"]["score"] for pair_id, report in baseline.items()}
    # every pair fails this threshold now and failed it before: known failures, not regressions
    harsh = Thresholds(min_meaning=0.999, max_drift=None, min_gain=None)
    outcomes = list(run_batch(pairs, FAST, thresholds_for=lambda _: harsh, baseline=baseline))
    assert all(outcome.passed for outcome in outcomes)
    assert all(outcome.report and outcome.report["verdict"]["known_failures"] for outcome in outcomes)
    # one baseline was better: that pair regressed
    better = json.loads(json.dumps(baseline))
    better["council"]["meaning"]["score"] = min(1.0, meanings["council"] + 0.1)
    outcomes = list(run_batch(pairs, FAST, thresholds_for=lambda _: harsh, baseline=better))
    assert [outcome.id for outcome in outcomes if not outcome.passed] == ["council"]
    # a pair absent from the baseline is judged as usual
    outcomes = list(run_batch(pairs, FAST, thresholds_for=lambda _: harsh, baseline={}))
    assert not any(outcome.passed for outcome in outcomes)
