"""evalkit: evaluate plain-language rewrites.

Three questions about a rewrite of an original text, each with a headline score and its evidence:
readability gain, meaning preservation, factual drift.

    >>> import evalkit
    >>> report = evalkit.evaluate(original_text, rewrite_text)
    >>> report.readability.gain, report.meaning.score, report.drift.score

Heavy libraries (torch, transformers) load only when a model is first needed.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from evalkit._version import __version__

if TYPE_CHECKING:
    from evalkit.document import Document
    from evalkit.errors import ConfigError, EvalkitError, InputError, MissingExtraError, ModelError
    from evalkit.gate import Thresholds, Verdict
    from evalkit.io import TextSource, read_text
    from evalkit.pipeline import Evaluator, Pair, evaluate
    from evalkit.report import Report
    from evalkit.settings import Settings

#: Where each public name lives; imported on first access (PEP 562), so ``import evalkit`` (and the
#: CLI's ``--help``) does not pay for segmentation, numpy and the metrics until they are used.
_EXPORTS = {
    "ConfigError": "evalkit.errors",
    "Document": "evalkit.document",
    "EvalkitError": "evalkit.errors",
    "Evaluator": "evalkit.pipeline",
    "InputError": "evalkit.errors",
    "MissingExtraError": "evalkit.errors",
    "ModelError": "evalkit.errors",
    "Pair": "evalkit.pipeline",
    "Report": "evalkit.report",
    "Settings": "evalkit.settings",
    "TextSource": "evalkit.io",
    "Thresholds": "evalkit.gate",
    "Verdict": "evalkit.gate",
    "evaluate": "evalkit.pipeline",
    "read_text": "evalkit.io",
}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'evalkit' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})


__all__ = [
    "ConfigError",
    "Document",
    "EvalkitError",
    "Evaluator",
    "InputError",
    "MissingExtraError",
    "ModelError",
    "Pair",
    "Report",
    "Settings",
    "TextSource",
    "Thresholds",
    "Verdict",
    "__version__",
    "evaluate",
    "read_text",
]
