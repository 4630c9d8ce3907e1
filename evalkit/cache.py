"""An on-disk cache of encodings, so a repeated run does not run the model again.

* **Keyed by text and model**: the key hashes the encoder's fingerprint (the weight files' names, sizes and
  times), the scoring layer, the cache format version and the exact text, so an entry is never stale.
* **Safe to delete** at any time (``rm -r`` the folder); a damaged or locked cache is
  switched off for the run with a warning, never an error.
* **Bounded**: past ``max_bytes`` the least recently used entries are removed.
* Values are the exact float32 arrays the model gave, so a cached run gives byte-identical reports.

Location: ``$EVALKIT_CACHE_DIR``, else ``$XDG_CACHE_HOME/evalkit``, else ``~/.cache/evalkit``.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import struct
import time
import warnings
from collections.abc import Iterable, Mapping
from pathlib import Path

import numpy as np

from evalkit.embeddings import Encoding
from evalkit.errors import EvalkitWarning

FORMAT_VERSION = 1
DEFAULT_MAX_BYTES = 2 * 1024**3
_HEADER = struct.Struct("<IIII")  # rows, dimension, pooled dimension, format


def default_cache_dir() -> Path:
    configured = os.environ.get("EVALKIT_CACHE_DIR")
    if configured:
        return Path(configured).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "evalkit"


def _pack(encoding: Encoding) -> bytes:
    rows, dimension = encoding.tokens.shape
    header = _HEADER.pack(rows, dimension, encoding.pooled.shape[0], FORMAT_VERSION)
    return b"".join(
        (
            header,
            encoding.tokens.astype("<f4").tobytes(),
            encoding.offsets.astype("<i4").tobytes(),
            encoding.special.astype(np.uint8).tobytes(),
            encoding.pooled.astype("<f4").tobytes(),
        )
    )


def _unpack(blob: bytes) -> Encoding:
    rows, dimension, pooled_dimension, version = _HEADER.unpack_from(blob)
    if version != FORMAT_VERSION:
        raise ValueError("cache format")
    position = _HEADER.size
    tokens = np.frombuffer(blob, "<f4", rows * dimension, position).reshape(rows, dimension)
    position += rows * dimension * 4
    offsets = np.frombuffer(blob, "<i4", rows * 2, position).reshape(rows, 2)
    position += rows * 8
    special = np.frombuffer(blob, np.uint8, rows, position).astype(np.bool_)
    position += rows
    pooled = np.frombuffer(blob, "<f4", pooled_dimension, position)
    return Encoding(
        tokens=tokens.astype(np.float32),
        offsets=offsets.astype(np.int32),
        special=special,
        pooled=pooled.astype(np.float32),
    )


class DiskCache:
    """A SQLite file of encodings (one per process; SQLite's locking makes it safe across workers)."""

    def __init__(self, directory: Path | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.directory = directory or default_cache_dir()
        self.path = self.directory / f"encodings-v{FORMAT_VERSION}.sqlite"
        self.max_bytes = max_bytes
        self._connection: sqlite3.Connection | None = None
        self._disabled = False
        self._writes = 0

    def _connect(self) -> sqlite3.Connection | None:
        if self._disabled:
            return None
        if self._connection is None:
            try:
                self.directory.mkdir(parents=True, exist_ok=True)
                connection = sqlite3.connect(self.path, timeout=30, isolation_level=None)
                connection.execute("PRAGMA journal_mode=WAL")
                connection.execute("PRAGMA synchronous=NORMAL")
                connection.execute(
                    "CREATE TABLE IF NOT EXISTS encodings "
                    "(key BLOB PRIMARY KEY, value BLOB NOT NULL, size INTEGER NOT NULL, used REAL NOT NULL)"
                )
                self._connection = connection
            except (sqlite3.Error, OSError) as error:
                self._disable(error)
                return None
        return self._connection

    def _disable(self, error: Exception) -> None:
        self._disabled = True
        warnings.warn(f"encoding cache at {self.path} switched off for this run: {error}", EvalkitWarning, stacklevel=3)

    @staticmethod
    def _digest(key: str) -> bytes:
        return hashlib.sha256(f"v{FORMAT_VERSION}|{key}".encode()).digest()

    def get_many(self, keys: Iterable[str]) -> dict[str, Encoding]:
        connection = self._connect()
        if connection is None:
            return {}
        by_digest = {self._digest(key): key for key in keys}
        found: dict[str, Encoding] = {}
        digests = list(by_digest)
        try:
            for first in range(0, len(digests), 500):
                chunk = digests[first : first + 500]
                marks = ",".join("?" * len(chunk))
                rows = connection.execute(
                    f"SELECT key, value FROM encodings WHERE key IN ({marks})",  # noqa: S608 - placeholders only
                    chunk,
                ).fetchall()
                for digest, blob in rows:
                    try:
                        found[by_digest[bytes(digest)]] = _unpack(bytes(blob))
                    except (ValueError, struct.error):
                        continue
                if rows:
                    connection.execute(
                        f"UPDATE encodings SET used = ? WHERE key IN ({marks})",  # noqa: S608
                        [time.time(), *chunk],
                    )
        except sqlite3.Error as error:
            self._disable(error)
        return found

    def put_many(self, items: Mapping[str, Encoding]) -> None:
        connection = self._connect()
        if connection is None or not items:
            return
        now = time.time()
        rows = []
        for key, encoding in items.items():
            blob = _pack(encoding)
            rows.append((self._digest(key), blob, len(blob), now))
        try:
            connection.execute("BEGIN IMMEDIATE")
            connection.executemany("INSERT OR REPLACE INTO encodings VALUES (?, ?, ?, ?)", rows)
            connection.execute("COMMIT")
            self._writes += len(rows)
            if self._writes >= 2000:
                self._writes = 0
                self.trim()
        except sqlite3.Error as error:
            with contextlib.suppress(sqlite3.Error):
                connection.execute("ROLLBACK")
            self._disable(error)

    def trim(self) -> None:
        """Remove least recently used entries until the cache holds at most ``max_bytes``."""
        connection = self._connect()
        if connection is None:
            return
        try:
            total = connection.execute("SELECT COALESCE(SUM(size), 0) FROM encodings").fetchone()[0]
            if total <= self.max_bytes:
                return
            excess = total - self.max_bytes
            removed = 0
            for key, size in connection.execute("SELECT key, size FROM encodings ORDER BY used").fetchall():
                if removed >= excess:
                    break
                connection.execute("DELETE FROM encodings WHERE key = ?", (key,))
                removed += size
        except sqlite3.Error as error:
            self._disable(error)

    def clear(self) -> None:
        """Delete the cache file."""
        self.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
