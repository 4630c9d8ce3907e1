"""The learned parameters shipped in ``evalkit/data``: their text, and a short hash for signatures."""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources


@cache
def shipped_text(name: str) -> str:
    """The text of ``evalkit/data/<name>`` (read once per process)."""
    return resources.files("evalkit.data").joinpath(name).read_text(encoding="utf-8")


@cache
def shipped_fingerprint(name: str) -> str:
    """A short hash of ``evalkit/data/<name>`` (for the reproducibility signature)."""
    return hashlib.sha256(shipped_text(name).encode("utf-8")).hexdigest()[:12]
