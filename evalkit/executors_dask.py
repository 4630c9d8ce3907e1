"""Batches on a Dask distributed cluster: an existing one (``address``) or a local one started on demand.

The optional extra ``evalkit[dask]`` (``dask[distributed]``) provides the engine; without it,
:class:`DaskExecutor` raises :class:`~evalkit.errors.MissingExtraError`. How it runs:

* **the client reads the texts** (:func:`~evalkit.executors.load_batch`) and ships them with each batch, so
  workers need evalkit (the same version, checked on connecting) but not the input files;
* **one model load per worker**: each worker process keeps one :class:`~evalkit.pipeline.Evaluator` per
  settings between batches (:func:`score_on_worker`); it scores one batch at a time with as many torch
  intra-op threads as the worker has Dask threads (``dask worker --nthreads N``);
* **batches stream**: at most two per worker are in flight; outputs come back in completion order
  (``as_completed``) and :func:`evalkit.batch.run_batch` writes them to the results file as they arrive;
* **worker loss**: the scheduler hands a dead worker's batches to another worker, up to
  ``distributed.scheduler.allowed-failures`` times (default 3) per batch; a batch that kills more workers
  than that stops the run with :class:`~evalkit.errors.EngineError`, and ``--resume`` goes on from the
  results file.
"""

from __future__ import annotations

import itertools
import logging
import os
import sys
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import CancelledError
from typing import TYPE_CHECKING, Any

from evalkit._version import __version__
from evalkit.errors import EngineError, MissingExtraError
from evalkit.executors import Batch, BatchOutput, LoadedBatch, load_batch, score_loaded
from evalkit.settings import Settings

if TYPE_CHECKING:
    from distributed import Client, LocalCluster

    from evalkit.pipeline import Evaluator

#: Batches in flight per worker: one scoring, one waiting (keeps every worker busy, bounds memory).
IN_FLIGHT_PER_WORKER = 2
#: Seconds to wait for the scheduler to answer and for a first worker to join it.
CONNECT_TIMEOUT = 30.0


def require_distributed() -> None:
    """Raise :class:`MissingExtraError` (one line: which extra to install) unless Dask distributed imports."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise MissingExtraError("--executor dask", "dask", "dask[distributed]") from None


def default_local_workers() -> int:
    """Workers of a local cluster when none are asked for: one per two cores, each with two threads
    (measured best on 2 cores, ``reports/scaling.md``)."""
    return max(1, (os.cpu_count() or 1) // 2)


# --- in the worker process -------------------------------------------------------------------------------

_EVALUATORS: dict[Settings, Evaluator] = {}
_EVALUATORS_BUILT = 0
_SCORING = threading.Lock()


def _worker_threads() -> int:
    """The Dask threads of this worker (``--nthreads``), or the cores outside a worker."""
    try:
        from distributed import get_worker

        return max(1, int(get_worker().state.nthreads))
    except (ImportError, ValueError):
        return os.cpu_count() or 1


def _evaluator_for(settings: Settings) -> Evaluator:
    global _EVALUATORS_BUILT
    evaluator = _EVALUATORS.get(settings)
    if evaluator is None:
        from evalkit.pipeline import Evaluator

        if len(_EVALUATORS) >= 4:  # settings of earlier runs on a long-lived worker
            _EVALUATORS.clear()
        evaluator = _EVALUATORS[settings] = Evaluator(settings)
        _EVALUATORS_BUILT += 1
    return evaluator


#: glibc's mallopt parameters: trim the heap only above 256 MB free, mmap only blocks above 32 MB.
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
_MALLOC_RELAXED = False


def relax_malloc_trim() -> bool:
    """Undo Dask's aggressive heap trimming in this worker process (glibc only; once per process).

    Dask's nanny starts workers with ``MALLOC_TRIM_THRESHOLD_=65536`` so that freed memory goes back to the
    system at once. The model's forward passes allocate and free large tensors all the time, and under that
    setting every batch scored about 60% slower than in a plain process (9.4 s against 5.9 s for 8 OneStop
    pairs on the 2-core machine; 6.8 s after this call). Raising the trim and mmap thresholds at run time
    restores glibc's usual behaviour on any cluster, including ones evalkit did not start. Returns whether
    the thresholds were set."""
    global _MALLOC_RELAXED
    if _MALLOC_RELAXED or not sys.platform.startswith("linux"):
        return _MALLOC_RELAXED
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6")
        _MALLOC_RELAXED = bool(
            libc.mallopt(_M_TRIM_THRESHOLD, 256 * 1024 * 1024) and libc.mallopt(_M_MMAP_THRESHOLD, 32 * 1024 * 1024)
        )
    except (OSError, AttributeError):  # not glibc (musl, another libc): leave the allocator alone
        _MALLOC_RELAXED = False
    return _MALLOC_RELAXED


def score_on_worker(batch: LoadedBatch, settings: Settings) -> BatchOutput:
    """A Dask task: score one batch with this worker's evaluator (built on its first batch, then kept).

    Batches take turns (a lock), each with all of the worker's threads for the model's intra-op work."""
    with _SCORING:
        if settings.uses_model and batch.pairs:
            relax_malloc_trim()
            import torch

            threads = _worker_threads()
            if torch.get_num_threads() != threads:
                torch.set_num_threads(threads)
        return score_loaded(_evaluator_for(settings) if batch.pairs else None, batch)


def worker_state() -> dict[str, Any]:
    """What a worker reports on connecting (``Client.run``): evalkit's version, its process, the evaluators
    it has built and the torch threads it uses (when torch is loaded)."""
    torch = sys.modules.get("torch")
    return {
        "evalkit": __version__,
        "pid": os.getpid(),
        "evaluators_built": _EVALUATORS_BUILT,
        "torch_threads": torch.get_num_threads() if torch is not None else None,
    }


# --- in the client ---------------------------------------------------------------------------------------


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__


class DaskExecutor:
    """Scores batches on a Dask cluster: the scheduler at ``address`` (``tcp://host:8786``), or a local
    cluster of ``workers`` processes (default :func:`default_local_workers`) with the cores shared
    between them, started on the first :meth:`map` and stopped by :meth:`close`."""

    def __init__(
        self,
        settings: Settings,
        *,
        address: str | None = None,
        workers: int | None = None,
        connect_timeout: float = CONNECT_TIMEOUT,
    ) -> None:
        require_distributed()
        if workers is not None and workers < 1:
            raise ValueError("workers must be 1 or more")
        if address is not None and workers is not None:
            raise ValueError("workers starts a local cluster; with an address the cluster's workers are used")
        self.settings = settings
        self.address = address
        self.workers = workers
        self.connect_timeout = connect_timeout
        self.client: Client | None = None
        self.cluster: LocalCluster | None = None
        self._environment: dict[str, str | None] = {}

    @property
    def where(self) -> str:
        return f"the Dask scheduler at {self.address}" if self.address else "the local Dask cluster"

    def _start_local_cluster(self) -> LocalCluster:
        import dask
        from distributed import LocalCluster

        workers = self.workers or default_local_workers()
        threads = max(1, (os.cpu_count() or 1) // workers)
        # the nanny sets these in this process's environment before spawning workers: put them back on close
        spawn_variables = dask.config.get("distributed.nanny.pre-spawn-environ", {}) or {}
        for name in (*spawn_variables, "PYTHONHASHSEED"):
            self._environment.setdefault(name, os.environ.get(name))
        return LocalCluster(
            n_workers=workers,
            threads_per_worker=threads,
            processes=True,
            dashboard_address=":0",
            silence_logs=logging.ERROR,
        )

    def _connect(self) -> Client:
        if self.client is not None:
            return self.client
        from distributed import Client

        try:
            if self.address is None:
                self.cluster = self._start_local_cluster()
                self.client = Client(self.cluster, set_as_default=False)
            else:
                self.client = Client(self.address, timeout=self.connect_timeout, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as error:
            self.close()
            raise EngineError(f"cannot reach {self.where}: {_one_line(error)}") from None
        try:
            self.client.wait_for_workers(1, timeout=self.connect_timeout)
        except TimeoutError:
            self.close()
            raise EngineError(
                f"no worker joined {self.where} within {self.connect_timeout:g} s (start some with "
                f"'dask worker {self.address or 'ADDRESS'}')"
            ) from None
        self._check_workers(self.client)
        return self.client

    def _check_workers(self, client: Client) -> None:
        """Every worker must run this evalkit version (its code scores the batches)."""
        try:
            states: dict[str, dict[str, Any]] = client.run(worker_state)
        except Exception as error:  # the worker cannot unpickle evalkit's function: not installed there
            self.close()
            raise EngineError(
                f"the workers of {self.where} cannot run evalkit ({type(error).__name__}: "
                f"{_one_line(error)}); install evalkit {__version__} on every worker"
            ) from None
        others = {worker: state["evalkit"] for worker, state in states.items() if state["evalkit"] != __version__}
        if others:
            worker, version = sorted(others.items())[0]
            self.close()
            raise EngineError(
                f"worker {worker} of {self.where} runs evalkit {version}, this is {__version__}: install "
                "the same version on every worker"
            )

    def map(self, batches: Iterable[Batch]) -> Iterator[BatchOutput]:
        from distributed import KilledWorker, as_completed

        source = iter(batches)
        first = next(source, None)
        if first is None:  # nothing to score (a resumed run that was complete): no cluster
            return
        source = itertools.chain([first], source)
        client = self._connect()
        limit = IN_FLIGHT_PER_WORKER * max(1, len(client.nthreads()))
        completed = as_completed(loop=client.loop)
        sizes: dict[str, int] = {}

        def submit_next() -> bool:
            batch = next(source, None)
            if batch is None:
                return False
            loaded = load_batch(batch)
            future = client.submit(score_on_worker, loaded, self.settings, pure=False)
            sizes[future.key] = len(batch)
            completed.add(future)
            return True

        while len(sizes) < limit and submit_next():
            pass
        for future in completed:
            try:
                output: BatchOutput = future.result()
            except KilledWorker as error:
                raise EngineError(
                    f"a batch of {sizes[future.key]} pairs was lost: the workers that ran it died and the "
                    f"engine's retries are exhausted ({_one_line(error)})"
                ) from None
            except (CancelledError, OSError) as error:
                raise EngineError(
                    f"lost {self.where} while scoring ({type(error).__name__}: {_one_line(error)})"
                ) from None
            del sizes[future.key]
            future.release()
            submit_next()
            yield output

    def close(self) -> None:
        client, cluster = self.client, self.cluster
        self.client = self.cluster = None
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
        for name, value in self._environment.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        self._environment.clear()
