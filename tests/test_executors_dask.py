"""The Dask executor on local clusters of 2 worker processes: the same results file as the local executor,
one evaluator per worker, worker loss (retried by the engine, or stopped and resumed), a scheduler that
cannot be reached, and no process left behind. The missing-extra error is tested without Dask."""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from evalkit.batch import run_batch
from evalkit.errors import EngineError, MissingExtraError
from evalkit.executors import LocalExecutor, create_executor
from evalkit.pairs import PairSpec, TextRef
from evalkit.settings import Settings

DATA = Path(__file__).parent / "data" / "pairs"
FAST = Settings(profile="fast", cache=False)
NAMES = ("council.{}.txt", "hospital.{}.txt", "lunch.{}.md", "river.{}.txt")


def twenty_pairs(folder: Path) -> list[PairSpec]:
    """20 pairs of varied length: each test pair alone, then every two of them joined; the even ones read
    from files (the client reads them), the odd ones inline."""
    sides = [(DATA / n.format("original"), DATA / n.format("rewrite")) for n in NAMES]
    texts = [(o.read_text(encoding="utf-8"), r.read_text(encoding="utf-8")) for o, r in sides]
    combos = [(k,) for k in range(4)] + [(k, j) for k in range(4) for j in range(4)]
    pairs = []
    for number, combo in enumerate(combos):
        original = "\n\n".join(texts[k][0] for k in combo)
        rewrite = "\n\n".join(texts[k][1] for k in combo)
        pair_id = f"pair-{number:02d}"
        if number % 2 == 0:
            (folder / f"{pair_id}.original.txt").write_text(original, encoding="utf-8")
            (folder / f"{pair_id}.rewrite.txt").write_text(rewrite, encoding="utf-8")
            refs = (
                TextRef(f"{pair_id}.original.txt", path=str(folder / f"{pair_id}.original.txt")),
                TextRef(f"{pair_id}.rewrite.txt", path=str(folder / f"{pair_id}.rewrite.txt")),
            )
        else:
            refs = (
                TextRef(f"pairs.jsonl:{number + 1}:original", text=original),
                TextRef(f"pairs.jsonl:{number + 1}:rewrite", text=rewrite),
            )
        pairs.append(PairSpec(pair_id, *refs, "pairs.jsonl", number + 1))
    return pairs


def test_without_the_extra_the_error_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    with pytest.raises(MissingExtraError) as caught:
        create_executor(FAST, engine="dask", workers=2)
    message = caught.value.one_line()
    assert message == str(caught.value)
    assert 'pip install "evalkit[dask]"' in message
    assert "dask[distributed]" in message


def test_without_the_extra_the_results_file_is_left_alone(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    results = tmp_path / "results.jsonl"
    results.write_text('{"id": "kept"}\n', encoding="utf-8")
    with pytest.raises(MissingExtraError):
        list(run_batch(twenty_pairs(tmp_path)[:2], FAST, results=results, engine="dask"))
    assert results.read_text(encoding="utf-8") == '{"id": "kept"}\n'


# --- with Dask distributed --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def distributed() -> Any:
    return pytest.importorskip("distributed", reason="the Dask extra (evalkit[dask]) is not installed")


def start_cluster(distributed: Any) -> Any:
    import logging

    return distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=logging.ERROR
    )


@pytest.fixture(scope="module")
def cluster(distributed: Any) -> Iterator[Any]:
    """A local cluster of 2 worker processes the tests join by address, as users join theirs."""
    with start_cluster(distributed) as running:
        yield running


@pytest.fixture
def pairs(tmp_path: Path) -> list[PairSpec]:
    folder = tmp_path / "pairs"
    folder.mkdir()
    return twenty_pairs(folder)


def reference(pairs: list[PairSpec], settings: Settings, path: Path) -> bytes:
    list(run_batch(pairs, settings, results=path, executor=LocalExecutor(settings), batch_size=4))
    return path.read_bytes()


def worker_states(client: Any) -> dict[str, dict[str, Any]]:
    from evalkit.executors_dask import worker_state

    return client.run(worker_state)  # type: ignore[no-any-return]


def test_same_results_file_as_the_local_executor(cluster: Any, pairs: list[PairSpec], tmp_path: Path) -> None:
    from evalkit.executors_dask import DaskExecutor

    expected = reference(pairs, FAST, tmp_path / "local.jsonl")
    executor = DaskExecutor(FAST, address=cluster.scheduler_address)
    try:
        executor._connect()
        assert executor.client is not None
        before = worker_states(executor.client)
        outcomes = list(run_batch(pairs, FAST, results=tmp_path / "dask.jsonl", executor=executor, batch_size=3))
        after = worker_states(executor.client)
    finally:
        executor.close()
    assert [outcome.id for outcome in outcomes] == [pair.id for pair in pairs]
    assert all(outcome.report is not None for outcome in outcomes)
    assert (tmp_path / "dask.jsonl").read_bytes() == expected
    assert len(after) == 2
    # 7 batches over 2 workers: each worker built at most one evaluator (none if an earlier test did)
    assert all(after[worker]["evaluators_built"] - before[worker]["evaluators_built"] <= 1 for worker in after)


def test_results_stream_back_as_batches_finish(cluster: Any, pairs: list[PairSpec], tmp_path: Path) -> None:
    from evalkit.executors_dask import DaskExecutor

    lines_seen: list[int] = []
    results = tmp_path / "r.jsonl"

    def on_result(_: object) -> None:
        lines_seen.append(results.read_bytes().count(b"\n"))

    executor = DaskExecutor(FAST, address=cluster.scheduler_address)
    try:
        list(run_batch(pairs, FAST, results=results, executor=executor, batch_size=5, on_result=on_result))
    finally:
        executor.close()
    # each batch is in the results file before its pairs are reported, and no later
    assert lines_seen == [5 * (1 + index // 5) for index in range(20)]


def test_unreadable_pairs_are_errors_and_the_rest_is_scored(cluster: Any, tmp_path: Path) -> None:
    from evalkit.executors_dask import DaskExecutor

    good = twenty_pairs(tmp_path)[:3]
    gone = PairSpec("gone", TextRef("x", path=str(tmp_path / "nothing.txt")), TextRef("y", text="Hi."), "p.jsonl", 9)
    executor = DaskExecutor(FAST, address=cluster.scheduler_address)
    try:
        outcomes = list(run_batch([*good, gone], FAST, executor=executor, batch_size=2))
    finally:
        executor.close()
    assert [outcome.report is not None for outcome in outcomes] == [True, True, True, False]
    assert outcomes[3].error is not None
    assert outcomes[3].error.message.startswith("p.jsonl:9: ")


def test_a_scheduler_that_cannot_be_reached_is_one_engine_error(distributed: Any, pairs: list[PairSpec]) -> None:
    import socket

    from evalkit.executors_dask import DaskExecutor

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    executor = DaskExecutor(FAST, address=f"tcp://127.0.0.1:{port}", connect_timeout=2)
    with pytest.raises(EngineError, match=rf"^cannot reach the Dask scheduler at tcp://127.0.0.1:{port}: "):
        list(executor.map([list(enumerate(pairs[:2]))]))  # with something to score: map([]) connects to nothing
    assert executor.client is None


def test_nothing_to_score_starts_no_cluster(distributed: Any, pairs: list[PairSpec], tmp_path: Path) -> None:
    from evalkit.executors_dask import DaskExecutor

    results = tmp_path / "r.jsonl"
    list(run_batch(pairs[:2], FAST, results=results))
    executor = DaskExecutor(FAST, workers=2)
    outcomes = list(run_batch(pairs[:2], FAST, results=results, resume=True, executor=executor))
    assert [outcome.resumed for outcome in outcomes] == [True, True]
    assert executor.client is None and executor.cluster is None


def test_local_cluster_of_the_asked_workers_started_and_stopped(distributed: Any, tmp_path: Path) -> None:
    import psutil

    from evalkit.executors_dask import DaskExecutor

    before = {child.pid for child in psutil.Process().children(recursive=True)}
    environment = dict(os.environ)
    executor = DaskExecutor(FAST, workers=2)
    try:
        outcomes = list(run_batch(twenty_pairs(tmp_path)[:6], FAST, executor=executor, batch_size=1))
        assert executor.client is not None
        assert len(executor.client.scheduler_info(n_workers=-1)["workers"]) == 2
    finally:
        executor.close()
    assert all(outcome.report is not None for outcome in outcomes)
    deadline = time.monotonic() + 10
    while {child.pid for child in psutil.Process().children(recursive=True)} - before:
        assert time.monotonic() < deadline, "worker processes were left behind"
        time.sleep(0.1)
    assert dict(os.environ) == environment  # the nanny's OMP_NUM_THREADS=1 etc. taken back


# --- worker loss ------------------------------------------------------------------------------------------


class WorkerKiller(threading.Thread):
    """Kills (SIGKILL) the first worker seen scoring a batch, as an out-of-memory kill or a lost node would."""

    def __init__(self, client: Any) -> None:
        super().__init__(daemon=True)
        self.client = client
        self.pids: dict[str, int] = client.run(os.getpid)
        self.killed: str | None = None
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            busy = [worker for worker, keys in self.client.processing().items() if keys and worker in self.pids]
            if busy:
                self.killed = busy[0]
                os.kill(self.pids[busy[0]], signal.SIGKILL)
                return
            time.sleep(0.005)


def run_with_a_kill(
    distributed: Any, pairs: list[PairSpec], results: Path, *, resume: bool = False
) -> tuple[WorkerKiller, list[Any]]:
    from evalkit.executors_dask import DaskExecutor

    with start_cluster(distributed) as cluster:
        executor = DaskExecutor(FAST, address=cluster.scheduler_address)
        try:
            executor._connect()
            assert executor.client is not None
            killer = WorkerKiller(executor.client)
            killer.start()
            try:
                outcomes = list(run_batch(pairs, FAST, results=results, executor=executor, batch_size=2))
            finally:
                killer.stop.set()
                killer.join()
        finally:
            executor.close()
    return killer, outcomes


@pytest.mark.slow
def test_a_worker_killed_mid_run_the_engine_retries_its_batch(
    distributed: Any, pairs: list[PairSpec], tmp_path: Path
) -> None:
    expected = reference(pairs, FAST, tmp_path / "local.jsonl")
    killer, outcomes = run_with_a_kill(distributed, pairs, tmp_path / "dask.jsonl")
    assert killer.killed is not None, "no worker was seen scoring"
    assert all(outcome.report is not None for outcome in outcomes)
    assert (tmp_path / "dask.jsonl").read_bytes() == expected


@pytest.mark.slow
def test_without_retries_a_killed_worker_stops_the_run_and_resume_finishes_it(
    distributed: Any, pairs: list[PairSpec], tmp_path: Path
) -> None:
    import dask

    expected = reference(pairs, FAST, tmp_path / "local.jsonl")
    results = tmp_path / "dask.jsonl"
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), pytest.raises(EngineError) as caught:
        run_with_a_kill(distributed, pairs, results)
    message = caught.value.one_line()
    assert "the workers that ran it died and the engine's retries are exhausted" in message
    assert message.endswith(f"finished pairs are kept in {results}: run again with --resume to score the rest")
    kept = [json.loads(line)["id"] for line in results.read_text(encoding="utf-8").splitlines()]
    assert len(kept) == len(set(kept)) < len(pairs)
    outcomes = list(run_batch(pairs, FAST, results=results, resume=True, engine="dask", workers=2, batch_size=2))
    assert sum(outcome.resumed for outcome in outcomes) == len(kept)
    assert results.read_bytes() == expected


# --- the model profile ------------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.model
def test_model_profile_same_results_on_two_workers(cluster: Any, pairs: list[PairSpec], tmp_path: Path) -> None:
    """Encodings do not depend on the batch a sentence is encoded in (fixed-shape batches,
    :mod:`evalkit.embeddings`), so 2 workers with their own batches give byte-identical reports."""
    from evalkit.executors_dask import DaskExecutor

    settings = Settings(cache=False)
    expected = reference(pairs, settings, tmp_path / "local.jsonl")
    executor = DaskExecutor(settings, address=cluster.scheduler_address)
    try:
        list(run_batch(pairs, settings, results=tmp_path / "dask.jsonl", executor=executor, batch_size=3))
        assert executor.client is not None
        states = worker_states(executor.client)
    finally:
        executor.close()
    assert (tmp_path / "dask.jsonl").read_bytes() == expected
    assert all(state["torch_threads"] in (None, 1) for state in states.values())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt")
def test_workers_relax_dask_heap_trimming_once() -> None:
    import ctypes.util

    from evalkit import executors_dask

    if ctypes.util.find_library("c") not in ("libc.so.6", None):
        pytest.skip("not glibc")
    assert executors_dask.relax_malloc_trim() is True
    assert executors_dask.relax_malloc_trim() is True  # once per process, then remembered
