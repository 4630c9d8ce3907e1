"""Scaling of the Dask executor on this machine: writes reports/scaling.md.

    python scripts/benchmark_scaling.py              # the 63 OneStop adv -> ele pairs (~15 min on 2 busy cores)
    python scripts/benchmark_scaling.py --pairs 16   # a quicker look

Needs ``evalkit[dask]`` and ../shared/corpora/onestop-dev (or $EVALKIT_SHARED); without them it says so and
exits 0. Default profile (the embedded model), no encoding cache, so every sentence is encoded. For each
layout a local cluster is started, the model is loaded on every worker (a warm-up batch pinned to each),
then the pairs are scored with ``run_batch`` through :class:`evalkit.executors_dask.DaskExecutor` joined
by address, as on an existing cluster. Figures:

* pairs per second, in this process (the local executor) and on Dask with 1 worker x 2 threads, 1 worker x
  1 thread and 2 workers x 1 thread (torch intra-op threads = the worker's Dask threads);
* the engine's overhead per batch: the round trip of an empty batch, the round trip of a full batch's
  payload (its texts in, its reports out) with no scoring, and the time per batch on one Dask worker
  against the same batches in this process;
* the machine's load average around each run (other processes share the cores).
"""

from __future__ import annotations

import argparse
import logging
import os
import pickle
import platform
import shlex
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EVALKIT_SHARED", REPO.parent / "shared"))
ONESTOP = SHARED / "corpora" / "onestop-dev"
REPORT = REPO / "reports" / "scaling.md"
WARM_UP = (
    "The town council met on Monday evening and, after a long debate, approved a plan to repair the old "
    "bridge over the river before the winter floods arrive.",
    "The council met on Monday. It agreed to fix the old bridge before the winter floods.",
)


def onestop_pairs(limit: int | None) -> list[Any]:
    from evalkit.pairs import PairSpec, TextRef

    pairs = []
    for path in sorted((ONESTOP / "adv").glob("*.txt"))[:limit]:
        rewrite = ONESTOP / "ele" / path.name
        pairs.append(
            PairSpec(
                path.stem, TextRef(path.name, path=str(path)), TextRef(path.name, path=str(rewrite)), "onestop-dev"
            )
        )
    return pairs


def warm_batch() -> Any:
    from evalkit.executors import load_batch
    from evalkit.pairs import PairSpec, TextRef

    original, rewrite = WARM_UP
    return load_batch([(0, PairSpec("warm-up", TextRef("o", text=original), TextRef("r", text=rewrite), "warm-up"))])


def _return_output(batch: Any, output: Any) -> Any:
    """A task that scores nothing: what the engine costs to carry a batch in and its reports out."""
    return output


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def in_process(pairs: list[Any], settings: Any, batch_size: int) -> dict[str, Any]:
    import torch

    from evalkit.batch import run_batch
    from evalkit.executors import LocalExecutor, score_loaded

    torch.set_num_threads(os.cpu_count() or 1)
    executor = LocalExecutor(settings)
    load, _ = timed(lambda: score_loaded(executor.evaluator, warm_batch()))
    load_before = os.getloadavg()[0]
    seconds, outcomes = timed(lambda: list(run_batch(pairs, settings, executor=executor, batch_size=batch_size)))
    assert all(outcome.report is not None for outcome in outcomes)
    return {"seconds": seconds, "model_load": load, "load": (load_before, os.getloadavg()[0])}


def on_dask(pairs: list[Any], settings: Any, batch_size: int, workers: int, threads: int) -> dict[str, Any]:
    from distributed import Client, LocalCluster

    from evalkit.batch import run_batch
    from evalkit.executors_dask import DaskExecutor, score_on_worker, worker_state

    start, cluster = timed(
        lambda: LocalCluster(
            n_workers=workers,
            threads_per_worker=threads,
            processes=True,
            dashboard_address=":0",
            silence_logs=logging.ERROR,
        )
    )
    try:
        with Client(cluster, set_as_default=False) as client:
            addresses = list(client.scheduler_info(n_workers=-1)["workers"])
            batch = warm_batch()
            load, _ = timed(
                lambda: client.gather(
                    [client.submit(score_on_worker, batch, settings, workers=[a], pure=False) for a in addresses]
                )
            )
        executor = DaskExecutor(settings, address=cluster.scheduler_address)
        try:
            load_before = os.getloadavg()[0]
            seconds, outcomes = timed(
                lambda: list(run_batch(pairs, settings, executor=executor, batch_size=batch_size))
            )
            assert executor.client is not None
            states = executor.client.run(worker_state)
        finally:
            executor.close()
    finally:
        cluster.close()
    assert all(outcome.report is not None for outcome in outcomes)
    assert all(state["evaluators_built"] == 1 for state in states.values()), states
    return {
        "seconds": seconds,
        "cluster_start": start,
        "model_load": load,
        "torch_threads": sorted({state["torch_threads"] for state in states.values()}),
        "load": (load_before, os.getloadavg()[0]),
    }


def overhead(pairs: list[Any], settings: Any, batch_size: int, rounds: int) -> dict[str, Any]:
    """Round trips through a 1-worker local cluster of batches that are not scored."""
    from distributed import Client, LocalCluster

    from evalkit.executors import LoadedBatch, LocalExecutor, load_batch, score_loaded
    from evalkit.executors_dask import score_on_worker

    batch = load_batch(list(enumerate(pairs[:batch_size])))
    output = score_loaded(LocalExecutor(settings).evaluator, batch)
    empty = LoadedBatch((), (), ())
    with (
        LocalCluster(
            n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=logging.ERROR
        ) as cluster,
        Client(cluster, set_as_default=False) as client,
    ):
        client.submit(score_on_worker, empty, settings, pure=False).result()  # first task: imports evalkit
        empty_trips = [
            timed(lambda: client.submit(score_on_worker, empty, settings, pure=False).result())[0]
            for _ in range(rounds)
        ]
        payload_trips = [
            timed(lambda: client.submit(_return_output, batch, output, pure=False).result())[0] for _ in range(rounds)
        ]
    return {
        "empty_ms": statistics.median(empty_trips) * 1000,
        "payload_ms": statistics.median(payload_trips) * 1000,
        "batch_in_kb": len(pickle.dumps(batch)) / 1024,
        "batch_out_kb": len(pickle.dumps(output)) / 1024,
        "rounds": rounds,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=None, help="score only the first N pairs (default: all 63)")
    parser.add_argument("--batch-size", type=int, default=8, help="pairs per batch (default 8)")
    parser.add_argument("--rounds", type=int, default=30, help="round trips timed for the overhead (default 30)")
    parser.add_argument("--output", type=Path, default=REPORT)
    args = parser.parse_args()
    if not ONESTOP.is_dir():
        print(f"benchmark_scaling: {ONESTOP} is not present; nothing measured")
        return 0
    try:
        import distributed
    except ImportError:
        print('benchmark_scaling: Dask distributed is not installed (pip install "evalkit[dask]"); nothing measured')
        return 0
    import torch

    from evalkit.settings import Settings

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    settings = Settings(cache=False)
    pairs = onestop_pairs(args.pairs)
    batches = -(-len(pairs) // args.batch_size)
    print(f"{len(pairs)} pairs, {batches} batches of up to {args.batch_size}", flush=True)

    runs: list[tuple[str, dict[str, Any]]] = []
    print("in this process ...", flush=True)
    runs.append(("in this process (local executor), 2 threads", in_process(pairs, settings, args.batch_size)))
    for workers, threads in ((1, 2), (1, 1), (2, 1)):
        label = f"Dask, {workers} worker{'s' if workers > 1 else ''} x {threads} thread{'s' if threads > 1 else ''}"
        print(f"{label} ...", flush=True)
        runs.append((label, on_dask(pairs, settings, args.batch_size, workers, threads)))
    print("overhead ...", flush=True)
    trips = overhead(pairs, settings, args.batch_size, args.rounds)

    local = runs[0][1]["seconds"]
    one_worker = runs[1][1]["seconds"]
    lines = [
        "# Scaling on a Dask cluster",
        "",
        f"Measured {time.strftime('%Y-%m-%d %H:%M')} with `python scripts/benchmark_scaling.py"
        f"{' ' + shlex.join(sys.argv[1:]) if sys.argv[1:] else ''}`: {len(pairs)} OneStop adv -> ele pairs "
        f"(`../shared/corpora/onestop-dev`), default profile (embedded all-MiniLM-L6-v2), no encoding cache, "
        f"batches of {args.batch_size} ({batches} batches), longest first.",
        "",
        f"Machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}, torch "
        f"{torch.__version__}, dask/distributed {distributed.__version__}. The cores are shared with other "
        "processes: the load average (1 min) before and after each run is listed; a load above the core count "
        "means the runs competed for the cores.",
        "",
        "| layout | pairs/s | time | vs in-process | model load | cluster start | load avg |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for label, run in runs:
        start = f"{run['cluster_start']:.1f} s" if "cluster_start" in run else "-"
        lines.append(
            f"| {label} | {len(pairs) / run['seconds']:.2f} | {run['seconds']:.1f} s | "
            f"{local / run['seconds']:.2f}x | {run['model_load']:.1f} s | {start} | "
            f"{run['load'][0]:.1f} -> {run['load'][1]:.1f} |"
        )
    lines += [
        "",
        "Overhead of the engine per batch (1-worker local cluster, median of "
        f"{trips['rounds']} sequential round trips):",
        "",
        f"* an empty batch (`score_on_worker` with no pairs): **{trips['empty_ms']:.1f} ms**;",
        f"* a full batch's payload, not scored ({args.batch_size} pairs: {trips['batch_in_kb']:.0f} KiB of texts "
        f"in, {trips['batch_out_kb']:.0f} KiB of reports out, here carried both ways): "
        f"**{trips['payload_ms']:.1f} ms**;",
        f"* scoring on one Dask worker (2 threads) against in this process: "
        f"{(one_worker - local) / batches * 1000:+.0f} ms per batch "
        f"({one_worker / batches:.2f} s against {local / batches:.2f} s).",
        "",
    ]
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
