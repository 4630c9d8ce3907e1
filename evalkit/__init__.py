"""evalkit: evaluate plain-language rewrites.

Three questions about a rewrite of an original text, each with a headline score and its evidence:
readability gain, meaning preservation, factual drift.

    >>> import evalkit
    >>> report = evalkit.evaluate(original_text, rewrite_text)
    >>> report.readability.gain, report.meaning.score, report.drift.score

Heavy libraries (torch, transformers) load only when a model is first needed.
"""

from evalkit._version import __version__
from evalkit.document import Document
from evalkit.errors import ConfigError, EvalkitError, InputError, MissingExtraError, ModelError
from evalkit.gate import Thresholds, Verdict
from evalkit.io import TextSource, read_text
from evalkit.pipeline import Evaluator, Pair, evaluate
from evalkit.report import Report
from evalkit.settings import Settings

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
