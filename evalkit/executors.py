"""Where batches of pairs are scored: in this process, or in a pool of worker processes.

An :class:`Executor` takes batches (lists of ``(index, PairSpec)``) and yields each batch's
:class:`BatchOutput` as it finishes, in completion order; :func:`evalkit.batch.run_batch` does the rest
(results file, resume, judging, input order). A distributed engine plugs in here by implementing the same
two methods: each of its workers builds one :class:`~evalkit.pipeline.Evaluator` (one model load) and calls
:func:`score_batch`, or :func:`score_loaded` on texts the client read (:func:`load_batch`), as the Dask
executor does (:mod:`evalkit.executors_dask`). :func:`create_executor` picks one by name.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, Protocol

from evalkit.errors import ConfigError, EvalkitError
from evalkit.pairs import PairSpec
from evalkit.settings import Settings

if TYPE_CHECKING:
    from evalkit.pipeline import Evaluator, Pair

Batch = Sequence[tuple[int, PairSpec]]
Engine = Literal["local", "dask"]
#: Engines :func:`create_executor` knows: ``local`` (this process or a process pool), ``dask`` (Dask
#: distributed, the optional extra ``evalkit[dask]``).
ENGINES: tuple[Engine, ...] = ("local", "dask")


@dataclass(frozen=True, slots=True)
class PairError:
    """A pair that could not be scored: the one-line message names the file (and line of a pairs file)."""

    id: str | None
    message: str
    source: str | None = None
    line: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "message": self.message, "source": self.source, "line": self.line}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PairError:
        return cls(data.get("id"), str(data.get("message", "")), data.get("source"), data.get("line"))

    @classmethod
    def for_pair(cls, pair: PairSpec, error: EvalkitError) -> PairError:
        message = error.one_line()
        if pair.line is not None and not message.startswith(pair.where):
            message = f"{pair.where}: {message}"
        return cls(pair.id, message, pair.source, pair.line)


@dataclass(frozen=True, slots=True)
class ScoredPair:
    """One pair's outcome from an executor: the report in its JSON form (not yet judged), or the error."""

    index: int
    id: str
    report: dict[str, Any] | None
    error: PairError | None


@dataclass(frozen=True, slots=True)
class BatchOutput:
    scored: tuple[ScoredPair, ...]
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class LoadedBatch:
    """A batch whose texts are read: what travels to a worker that may not see the input files.

    ``pairs`` holds ``(index, spec, pair)`` of the readable pairs, ``failed`` the unreadable ones, ``order``
    the input indices of the whole batch (outputs keep it)."""

    pairs: tuple[tuple[int, PairSpec, Pair], ...]
    failed: tuple[ScoredPair, ...]
    order: tuple[int, ...]


def load_batch(batch: Batch) -> LoadedBatch:
    """Read both texts of every pair of ``batch``; a pair that cannot be read becomes a :class:`PairError`."""
    from evalkit.pipeline import Pair

    loaded: list[tuple[int, PairSpec, Pair]] = []
    failed: list[ScoredPair] = []
    for index, spec in batch:
        try:
            original, rewrite = spec.load()
        except EvalkitError as error:
            failed.append(ScoredPair(index, spec.id, None, PairError.for_pair(spec, error)))
            continue
        loaded.append((index, spec, Pair(spec.id, original, rewrite)))
    return LoadedBatch(tuple(loaded), tuple(failed), tuple(index for index, _ in batch))


def score_loaded(evaluator: Evaluator | None, batch: LoadedBatch) -> BatchOutput:
    """Score the readable pairs of ``batch`` with one :meth:`~evalkit.pipeline.Evaluator.evaluate_batch`
    call (every sentence of the batch through the model in one pass); pairs it rejects become
    :class:`PairError`. ``evaluator`` may be None only when no pair was readable."""
    outcomes: dict[int, ScoredPair] = {scored.index: scored for scored in batch.failed}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if batch.pairs:
            assert evaluator is not None, "an evaluator is needed to score pairs"
            results = evaluator.evaluate_batch([pair for _, _, pair in batch.pairs])
        else:
            results = []
    for (index, spec, _), result in zip(batch.pairs, results, strict=True):
        if isinstance(result, EvalkitError):
            outcomes[index] = ScoredPair(index, spec.id, None, PairError.for_pair(spec, result))
        else:
            outcomes[index] = ScoredPair(index, spec.id, result.to_dict(), None)
    messages = tuple(dict.fromkeys(" ".join(str(warning.message).split()) for warning in caught))
    return BatchOutput(tuple(outcomes[index] for index in batch.order), messages)


def score_batch(evaluator: Evaluator, batch: Batch) -> BatchOutput:
    """Read and score one batch (:func:`load_batch`, then :func:`score_loaded`)."""
    return score_loaded(evaluator, load_batch(batch))


class Executor(Protocol):
    """Scores batches; yields each batch's output as it completes (any order)."""

    def map(self, batches: Iterable[Batch]) -> Iterator[BatchOutput]: ...

    def close(self) -> None: ...


class LocalExecutor:
    """Batches one after another in this process, with one evaluator (one model load) for the run."""

    def __init__(self, settings: Settings, *, evaluator: Evaluator | None = None) -> None:
        self.settings = settings
        self._evaluator = evaluator

    @property
    def evaluator(self) -> Evaluator:
        if self._evaluator is None:
            from evalkit.pipeline import Evaluator

            self._evaluator = Evaluator(self.settings)
        return self._evaluator

    def map(self, batches: Iterable[Batch]) -> Iterator[BatchOutput]:
        for batch in batches:
            yield score_batch(self.evaluator, batch)

    def close(self) -> None:
        return None


_WORKER_EVALUATOR: Evaluator | None = None
_WORKER_WARM = False

#: The worker's youngest-generation collection threshold (CPython's default is 700). A report allocates
#: tens of thousands of short-lived objects but creates almost no reference cycles, so the default
#: collects hundreds of times per pair for nothing; each full collection also walks every word list and
#: model table. Measured on the model-free profile: about 2 ms of 44 per pair.
WORKER_GC_THRESHOLD = 10_000


def _init_worker(settings: Settings, threads: int) -> None:
    """Worker start: leave Ctrl-C to the parent, share the cores, build the one evaluator."""
    import signal

    global _WORKER_EVALUATOR
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if settings.uses_model:
        import torch

        torch.set_num_threads(threads)
    from evalkit.pipeline import Evaluator

    _WORKER_EVALUATOR = Evaluator(settings)


def _score_in_worker(batch: Batch) -> BatchOutput:
    """Score ``batch`` in this worker. After the first batch, whatever it loaded lazily (word lists, the
    fluency model, dictionaries) lives as long as the worker: :func:`gc.freeze` takes it out of every later
    collection, and the youngest generation is collected less often (:data:`WORKER_GC_THRESHOLD`)."""
    global _WORKER_WARM
    assert _WORKER_EVALUATOR is not None, "worker not initialised"
    output = score_batch(_WORKER_EVALUATOR, batch)
    if not _WORKER_WARM:
        import gc

        _WORKER_WARM = True
        gc.collect()
        gc.freeze()
        gc.set_threshold(WORKER_GC_THRESHOLD, *gc.get_threshold()[1:])
    return output


class ProcessExecutor:
    """Batches spread over ``workers`` processes (spawned, so no model state is forked); each process
    loads the model once. At most two batches per worker are in flight, which bounds memory."""

    def __init__(self, settings: Settings, workers: int) -> None:
        if workers < 1:
            raise ValueError("workers must be 1 or more")
        self.settings = settings
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None

    def map(self, batches: Iterable[Batch]) -> Iterator[BatchOutput]:
        import multiprocessing

        threads = max(1, (os.cpu_count() or 1) // self.workers)
        self._pool = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(self.settings, threads),
        )
        pending: set[Future[BatchOutput]] = set()
        source = iter(batches)
        exhausted = False
        while True:
            while not exhausted and len(pending) < 2 * self.workers:
                batch = next(source, None)
                if batch is None:
                    exhausted = True
                    break
                pending.add(self._pool.submit(_score_in_worker, batch))
            if not pending:
                return
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield future.result()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def create_executor(
    settings: Settings, *, engine: str = "local", workers: int | None = None, address: str | None = None
) -> Executor:
    """The executor of ``engine``: ``local`` runs in this process (``workers`` 1 or None) or a pool of
    ``workers`` processes; ``dask`` joins the scheduler at ``address`` or starts a local cluster of
    ``workers`` processes. Raises :class:`~evalkit.errors.MissingExtraError` when the engine's extra is not
    installed, :class:`~evalkit.errors.ConfigError` for an unknown engine or a setting it does not take."""
    if engine == "local":
        if address is not None:
            raise ConfigError("an address is for a distributed engine (--executor dask), not the local one")
        if workers is not None and workers > 1:
            return ProcessExecutor(settings, workers)
        return LocalExecutor(settings)
    if engine == "dask":
        if address is not None and workers is not None:
            raise ConfigError("workers start a local Dask cluster; with an address the cluster's own workers are used")
        from evalkit.executors_dask import DaskExecutor

        return DaskExecutor(settings, address=address, workers=workers)
    raise ConfigError(f"unknown executor {engine!r} (choose {', '.join(ENGINES)})")
