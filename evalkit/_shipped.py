"""Data files shipped in ``evalkit/data`` (learned parameters, word lists): their text, and a short hash
for signatures."""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources


@cache
def shipped_text(name: str) -> str:
    """The text of ``evalkit/data/<name>`` (read once per process)."""
    return resources.files("evalkit.data").joinpath(name).read_text(encoding="utf-8")


@cache
def shipped_fingerprint(*names: str) -> str:
    """A short hash of ``evalkit/data/<name>`` (several files: of their texts in that order), for the
    reproducibility signature."""
    digest = hashlib.sha256()
    for name in names:
        digest.update(shipped_text(name).encode("utf-8"))
    return digest.hexdigest()[:12]
