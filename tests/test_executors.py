"""Executors: reading a batch apart from scoring it (what a distributed engine ships), and choosing one."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from evalkit.errors import ConfigError
from evalkit.executors import LocalExecutor, ProcessExecutor, create_executor, load_batch, score_batch, score_loaded
from evalkit.pairs import PairSpec, TextRef
from evalkit.pipeline import Evaluator
from evalkit.settings import Settings

FAST = Settings(profile="fast", cache=False)
ORIGINAL = "The council met on Monday. It approved the plan to repair 12 bridges before winter."
REWRITE = "The council met on Monday. It said yes to fixing 12 bridges before winter."


def batch_of_three(tmp_path: Path) -> list[tuple[int, PairSpec]]:
    (tmp_path / "a.txt").write_bytes(b"\xef\xbb\xbf" + ORIGINAL.encode())
    return [
        (4, PairSpec("file", TextRef("a.txt", path=str(tmp_path / "a.txt")), TextRef("b", text=REWRITE), "p", 1)),
        (7, PairSpec("gone", TextRef("x", path=str(tmp_path / "none.txt")), TextRef("y", text=REWRITE), "p", 2)),
        (9, PairSpec("inline", TextRef("o", text=ORIGINAL), TextRef("r", text=REWRITE), "p", 3)),
    ]


def test_a_loaded_batch_carries_the_texts_and_the_errors(tmp_path: Path) -> None:
    batch = batch_of_three(tmp_path)
    loaded = pickle.loads(pickle.dumps(load_batch(batch)))  # as it travels to a worker
    (tmp_path / "a.txt").unlink()  # the worker needs no file
    assert loaded.order == (4, 7, 9)
    assert [(index, pair.id) for index, _, pair in loaded.pairs] == [(4, "file"), (9, "inline")]
    source = loaded.pairs[0][2].original
    assert (source.text, source.encoding) == (ORIGINAL, "utf-8-sig")
    assert [(scored.index, scored.id) for scored in loaded.failed] == [(7, "gone")]
    assert loaded.failed[0].error is not None and loaded.failed[0].error.message.startswith("p:2: ")


def test_scoring_a_loaded_batch_equals_scoring_the_batch(tmp_path: Path) -> None:
    batch = batch_of_three(tmp_path)
    evaluator = Evaluator(FAST)
    loaded = load_batch(batch)
    assert score_loaded(evaluator, loaded) == score_batch(evaluator, batch)
    assert [scored.index for scored in score_loaded(evaluator, loaded).scored] == [4, 7, 9]


def test_a_batch_of_unreadable_pairs_needs_no_evaluator(tmp_path: Path) -> None:
    (_, gone) = batch_of_three(tmp_path)[1]
    output = score_loaded(None, load_batch([(0, gone)]))
    assert [scored.report for scored in output.scored] == [None]


@pytest.mark.parametrize(
    ("engine", "workers", "address", "expected"),
    [
        ("local", None, None, LocalExecutor),
        ("local", 1, None, LocalExecutor),
        ("local", 3, None, ProcessExecutor),
        ("local", None, "tcp://127.0.0.1:8786", "an address is for a distributed engine"),
        ("dask", 2, "tcp://127.0.0.1:8786", "with an address the cluster's own workers are used"),
        ("ray", None, None, "unknown executor 'ray' (choose local, dask)"),
    ],
)
def test_create_executor(engine: str, workers: int | None, address: str | None, expected: object) -> None:
    if isinstance(expected, str):
        with pytest.raises(ConfigError, match=expected.replace("(", r"\(").replace(")", r"\)")):
            create_executor(FAST, engine=engine, workers=workers, address=address)
    else:
        assert type(create_executor(FAST, engine=engine, workers=workers, address=address)) is expected
