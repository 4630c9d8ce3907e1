"""Shared fixtures. Tests run offline: the Hugging Face hub is switched off and encodings are cached in a
temporary folder, never in the user's cache."""

from __future__ import annotations

import os
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

LOOPBACK = ("127.", "::1", "localhost")

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO / "corpora"
SHARED = Path(os.environ.get("EVALKIT_SHARED", REPO.parent / "shared"))


def pytest_configure(config: pytest.Config) -> None:
    cache = Path(config.rootpath) / ".pytest_cache" / "evalkit-encodings"
    os.environ.setdefault("EVALKIT_CACHE_DIR", str(cache))


def _refuse_remote(connect: Callable[..., Any]) -> Callable[..., Any]:
    def guarded(self: socket.socket, address: Any, *args: Any, **kwargs: Any) -> Any:
        host = address[0] if isinstance(address, tuple) else None
        if self.family in (socket.AF_INET, socket.AF_INET6) and not str(host).startswith(LOOPBACK):
            raise AssertionError(f"network access attempted: {address!r} (evalkit must run offline)")
        return connect(self, address, *args, **kwargs)

    return guarded


@pytest.fixture(scope="session", autouse=True)
def no_network() -> Iterator[None]:
    """The whole suite runs offline: a connection to anything but this machine fails the test that made it
    (local Dask clusters and the browser's pipe still work)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", _refuse_remote(socket.socket.connect))
        patch.setattr(socket.socket, "connect_ex", _refuse_remote(socket.socket.connect_ex))
        yield


@pytest.fixture(scope="session")
def shared() -> Path:
    """``../shared`` (third-party corpora); tests that need it skip cleanly where it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is not present (third-party corpora are not part of the repository)")
    return SHARED


@pytest.fixture(scope="session")
def seed_pair(shared: Path) -> tuple[Path, Path]:
    seeds = shared / "seeds"
    return seeds / "002_a7b814f78bb83c5e.txt", seeds / "000_64e201a73a6a0b57.txt"


@pytest.fixture(scope="session")
def evaluator() -> Iterator[object]:
    """An evaluator with the real embedded model (no stub), shared by the whole session."""
    from evalkit import Evaluator, Settings

    yield Evaluator(Settings(cache=False))


@pytest.fixture(scope="session")
def fast_evaluator() -> Iterator[object]:
    from evalkit import Evaluator, Settings

    yield Evaluator(Settings(profile="fast", cache=False))
