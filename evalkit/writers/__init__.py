"""Report writers: one module per output format, found through :data:`WRITERS`.

A writer renders a sequence of report dictionaries (``Report.to_dict()``; one for ``evalkit score``,
many for a batch) to text. Each module exposes ``render(reports, context) -> str``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from evalkit.errors import ConfigError

ReportDict = dict[str, Any]


@dataclass(frozen=True, slots=True)
class RenderContext:
    """What a writer may need beyond the reports: where the inputs live, terminal width, colour."""

    sources: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)  # id -> (original, rewrite) paths
    width: int | None = None
    color: bool = False
    errors: Sequence[dict[str, Any]] = ()  # pairs that could not be scored: {"id", "source", "line", "message"}
    lines: dict[str, tuple[str, int]] = field(default_factory=dict)  # id -> (pairs file, line) where declared


Renderer = Callable[[Sequence[ReportDict], RenderContext], str]

#: format name -> module under ``evalkit.writers`` that renders it
WRITERS: dict[str, str] = {
    "csv": "csv_writer",
    "github": "github",
    "html": "html",
    "json": "json_writer",
    "jsonl": "jsonl",
    "junit": "junit",
    "markdown": "markdown",
    "sarif": "sarif",
    "table": "table",
}


def get_writer(name: str) -> Renderer:
    """The ``render`` function of a format, imported on demand."""
    module_name = WRITERS.get(name)
    if module_name is None:
        raise ConfigError(f"unknown format {name!r} (choose {', '.join(sorted(WRITERS))})")
    module = importlib.import_module(f"evalkit.writers.{module_name}")
    render: Renderer = module.render
    return render
