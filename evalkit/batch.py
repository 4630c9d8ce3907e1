"""Scoring many pairs: batching, a results file written as pairs finish, resume, judging, input order.

:func:`run_batch` yields one :class:`PairOutcome` per pair, in input order. Under the hood:

* pairs are sorted by length (longest first) and cut into batches; each batch goes through the model in one
  pass (:meth:`~evalkit.pipeline.Evaluator.evaluate_batch`) on an executor (:mod:`evalkit.executors`: this
  process, or ``workers`` processes that each load the model once);
* each finished pair is appended to the **results file** (JSON Lines, one judged report or error per line)
  and flushed at once, so a crash or Ctrl-C loses nothing already scored;
* ``resume=True`` keeps every complete line of an existing results file (a line cut short by a kill is
  dropped), scores only the pairs it lacks (and retries pairs that had failed), and
* when every pair has its outcome the results file is rewritten atomically **in input order**, so an
  interrupted and resumed run leaves byte for byte the file an uninterrupted run does.

Verdicts are computed here, per pair, from ``thresholds_for(pair)`` (per-glob overrides) and, in regression
mode, against the ``baseline`` report of the same id; results loaded on resume are judged again, so the
file always reflects the current thresholds.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from evalkit.errors import ConfigError, EngineError, InputError
from evalkit.executors import Batch, BatchOutput, Executor, PairError, ScoredPair, create_executor
from evalkit.gate import Thresholds, compare_to_baseline, judge_report
from evalkit.io import write_text_atomic
from evalkit.pairs import PairSpec
from evalkit.settings import Settings

#: Pairs per model pass, and the most characters a batch may hold (memory bound for long articles).
DEFAULT_BATCH_SIZE = 16
BATCH_CHARS = 400_000

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "PairError",
    "PairOutcome",
    "json_line",
    "load_baseline",
    "make_batches",
    "run_batch",
]


@dataclass(frozen=True, slots=True)
class PairOutcome:
    """One pair's result: its judged report in JSON form (``report``), or why it could not be scored
    (``error``). ``resumed``: taken from the results file of an earlier run."""

    index: int
    id: str
    report: dict[str, Any] | None
    error: PairError | None
    resumed: bool = False

    @property
    def passed(self) -> bool:
        return self.report is not None and bool(self.report["verdict"]["passed"])

    def record(self) -> dict[str, Any]:
        """The results-file line of this outcome."""
        if self.report is not None:
            return self.report
        assert self.error is not None
        return {"id": self.id, "error": self.error.to_dict()}


def json_line(record: Mapping[str, Any]) -> str:
    """One JSON Lines record: deterministic, UTF-8 text, no newline inside."""
    return json.dumps(record, ensure_ascii=False) + "\n"


def make_batches(
    items: Sequence[tuple[int, PairSpec]], *, batch_size: int, max_chars: int = BATCH_CHARS
) -> list[Batch]:
    """Batches of at most ``batch_size`` pairs and about ``max_chars`` characters, longest pairs first so
    texts of similar length share a model pass."""
    ordered = sorted(items, key=lambda item: (-item[1].size, item[0]))
    batches: list[Batch] = []
    current: list[tuple[int, PairSpec]] = []
    chars = 0
    for item in ordered:
        size = item[1].size
        if current and (len(current) >= batch_size or chars + size > max_chars):
            batches.append(current)
            current, chars = [], 0
        current.append(item)
        chars += size
    if current:
        batches.append(current)
    return batches


def _comparable(settings: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in settings.items() if key != "thresholds"}


def _read_results(path: Path, settings: Settings) -> dict[str, dict[str, Any]]:
    """Complete records of a results file by id (errors left out: they are retried). A last line cut
    short by a kill is truncated away."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as error:
        raise InputError(path, f"cannot be read: {error.strerror or error}") from None
    complete = data[: data.rfind(b"\n") + 1]
    if len(complete) != len(data):
        with path.open("r+b") as handle:
            handle.truncate(len(complete))
    wanted = _comparable(settings.to_dict())
    records: dict[str, dict[str, Any]] = {}
    for number, raw in enumerate(complete.decode("utf-8", errors="replace").split("\n"), start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except json.JSONDecodeError:
            raise InputError(
                path, "is damaged (not a JSON line); delete it or run without --resume", line=number
            ) from None
        if not isinstance(record, dict) or not isinstance(record.get("id"), str):
            raise InputError(path, "is not an evalkit results file (a line without an id)", line=number)
        if "error" in record:
            continue
        recorded = _comparable(record.get("settings") or {})
        if recorded != wanted:
            raise ConfigError(
                f"{path}:{number}: was scored with other settings ({recorded}); run without --resume "
                "or with the same profile and model"
            )
        records[record["id"]] = record
    return records


def load_baseline(path: str | Path) -> dict[str, dict[str, Any]]:
    """Reports of an earlier run by id: a JSON report or array of reports (``--format json``), or JSON Lines
    (a results file, ``--format jsonl``). Error records are skipped."""
    source = Path(path)
    try:
        text = source.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(source, "no such baseline file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(source, f"cannot be read: {error}") from None
    entries: list[tuple[int | None, object]] = []
    stripped = text.lstrip()
    if stripped.startswith("[") or (stripped.startswith("{") and source.suffix.lower() == ".json"):
        try:
            payload = json.loads(text)
        except json.JSONDecodeError as error:
            raise InputError(source, f"is not valid JSON: {error.msg}", line=error.lineno) from None
        entries = [(None, item) for item in (payload if isinstance(payload, list) else [payload])]
    else:
        for number, raw in enumerate(text.split("\n"), start=1):
            if raw.strip():
                try:
                    entries.append((number, json.loads(raw)))
                except json.JSONDecodeError as error:
                    raise InputError(source, f"is not valid JSON Lines: {error.msg}", line=number) from None
    reports: dict[str, dict[str, Any]] = {}
    for line, entry in entries:
        if not isinstance(entry, dict) or "id" not in entry:
            raise InputError(source, "holds something other than evalkit reports", line=line)
        if "error" in entry:
            continue
        if not all(key in entry for key in ("readability", "meaning", "drift")):
            raise InputError(source, f"record '{entry['id']}' is not an evalkit report", line=line)
        reports[str(entry["id"])] = entry
    return reports


class _Judge:
    def __init__(
        self,
        thresholds_for: Callable[[PairSpec], Thresholds] | None,
        default: Thresholds,
        baseline: Mapping[str, Mapping[str, Any]] | None,
    ) -> None:
        self.thresholds_for = thresholds_for
        self.default = default
        self.baseline = baseline

    def __call__(self, pair: PairSpec, report: dict[str, Any]) -> dict[str, Any]:
        thresholds = self.thresholds_for(pair) if self.thresholds_for is not None else self.default
        verdict = judge_report(report, thresholds)
        previous = self.baseline.get(pair.id) if self.baseline is not None else None
        if previous is not None:
            try:
                verdict = compare_to_baseline(verdict, judge_report(previous, thresholds))
            except (KeyError, TypeError, ValueError):
                raise InputError(None, f"the baseline report of '{pair.id}' lacks scores") from None
        judged = dict(report)
        judged["verdict"] = verdict.to_dict()
        judged["settings"] = {**report["settings"], "thresholds": thresholds.to_dict()}
        return judged


def run_batch(
    pairs: Sequence[PairSpec],
    settings: Settings,
    *,
    thresholds_for: Callable[[PairSpec], Thresholds] | None = None,
    baseline: Mapping[str, Mapping[str, Any]] | None = None,
    results: str | Path | None = None,
    resume: bool = False,
    workers: int | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    engine: str = "local",
    address: str | None = None,
    executor: Executor | None = None,
    on_result: Callable[[PairOutcome], None] | None = None,
    on_warning: Callable[[str], None] | None = None,
) -> Iterator[PairOutcome]:
    """Score ``pairs`` and yield their outcomes in input order (see the module docstring).

    ``on_result`` is called as each pair finishes (completion order: for progress), ``on_warning`` with
    each distinct warning raised while scoring. ``engine``, ``workers`` and ``address`` choose the executor
    (:func:`~evalkit.executors.create_executor`: ``local``, or ``dask`` on the scheduler at ``address`` or
    on a local cluster); ``executor`` overrides all three.
    """
    if batch_size < 1:
        raise ConfigError(f"batch size must be 1 or more, not {batch_size}")
    if resume and results is None:
        raise ConfigError("--resume needs a results file (--results FILE)")
    judge = _Judge(thresholds_for, settings.thresholds, baseline)
    results_path = Path(results) if results is not None else None
    previous = _read_results(results_path, settings) if resume and results_path is not None else {}

    finished: dict[int, PairOutcome] = {}
    todo: list[tuple[int, PairSpec]] = []
    for index, pair in enumerate(pairs):
        record = previous.get(pair.id)
        if record is None:
            todo.append((index, pair))
            continue
        outcome = PairOutcome(index, pair.id, judge(pair, record), None, resumed=True)
        finished[index] = outcome
        if on_result is not None:
            on_result(outcome)

    own_executor = executor is None
    if executor is None:  # before the results file is opened: a missing extra leaves it untouched
        executor = create_executor(settings, engine=engine, workers=workers, address=address)
    journal: IO[str] | None = None
    if results_path is not None:
        results_path.parent.mkdir(parents=True, exist_ok=True)
        journal = results_path.open("a" if resume else "w", encoding="utf-8", newline="\n")
    warned: set[str] = set()
    lines: dict[int, str] = {}
    next_index = 0
    try:
        for output in executor.map(make_batches(todo, batch_size=batch_size)):
            outcomes = [_outcome(scored, pairs, judge) for scored in output.scored]
            if journal is not None:
                written = {outcome.index: json_line(outcome.record()) for outcome in outcomes}
                journal.write("".join(written.values()))
                journal.flush()
                os.fsync(journal.fileno())
                lines.update(written)  # the final file holds the same lines, in input order
            for outcome in outcomes:
                finished[outcome.index] = outcome
                if on_result is not None:
                    on_result(outcome)
            _warn(output, warned, on_warning)
            while next_index in finished:
                outcome = finished.pop(next_index)
                _keep_line(lines, outcome, results_path)
                next_index += 1
                yield outcome
        while next_index in finished:
            outcome = finished.pop(next_index)
            _keep_line(lines, outcome, results_path)
            next_index += 1
            yield outcome
    except EngineError as error:
        if results_path is None:
            raise
        raise EngineError(
            f"{error}; finished pairs are kept in {results_path}: run again with --resume to score the rest"
        ) from None
    finally:
        if own_executor:
            executor.close()
        if journal is not None:
            journal.close()
    if results_path is not None and next_index == len(pairs):
        write_text_atomic(results_path, "".join(lines[index] for index in range(len(pairs))))


def _keep_line(lines: dict[int, str], outcome: PairOutcome, results_path: Path | None) -> None:
    """Keep the results line of ``outcome`` for the final, ordered results file (none without one; a
    line already written to the journal is not encoded again)."""
    if results_path is not None and outcome.index not in lines:
        lines[outcome.index] = json_line(outcome.record())


def _outcome(scored: ScoredPair, pairs: Sequence[PairSpec], judge: _Judge) -> PairOutcome:
    if scored.report is None:
        return PairOutcome(scored.index, scored.id, None, scored.error)
    return PairOutcome(scored.index, scored.id, judge(pairs[scored.index], scored.report), None)


def _warn(output: BatchOutput, warned: set[str], on_warning: Callable[[str], None] | None) -> None:
    for message in output.warnings:
        if message not in warned:
            warned.add(message)
            if on_warning is not None:
                on_warning(message)
