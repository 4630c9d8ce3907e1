"""The report of one pair: a frozen value with a stable JSON form.

``Report.to_dict()`` carries every field of ``design/report-format.md`` with the names unchanged, plus
evidence (alignment, sentence spans, hardest sentences, missing words), both texts as given
(``original.text``, ``rewrite.text``) and ``settings`` / ``signature`` for reproduction. Offsets are
character offsets into each text exactly as supplied (after decoding).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from evalkit.document import Document
from evalkit.drift import DriftResult
from evalkit.gate import Verdict
from evalkit.meaning import MeaningResult
from evalkit.readability import ReadabilityResult
from evalkit.settings import Settings

#: Version of the JSON layout; bumped when a field is renamed or removed (additions do not bump it).
REPORT_FORMAT = 1


@dataclass(frozen=True, slots=True)
class Report:
    id: str
    original: Document
    rewrite: Document
    readability: ReadabilityResult
    meaning: MeaningResult
    drift: DriftResult
    verdict: Verdict
    signature: str
    settings: Settings
    warnings: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "report_format": REPORT_FORMAT,
            "original": _side(self.original, self.readability.original.counts.words),
            "rewrite": _side(self.rewrite, self.readability.rewrite.counts.words),
            "readability": self.readability.to_dict(),
            "meaning": self.meaning.to_dict(),
            "drift": self.drift.to_dict(),
            "verdict": self.verdict.to_dict(),
            "warnings": list(self.warnings),
            "settings": self.settings.to_dict(),
            "signature": self.signature,
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """Deterministic JSON (same input, same bytes)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent, sort_keys=False)


def _side(document: Document, words: int) -> dict[str, Any]:
    return {
        "name": document.name,
        "format": document.format,
        "encoding": document.encoding,
        "chars": len(document.text),
        "words": words,
        "sentences": len(document.sentences),
        "paragraphs": document.paragraph_count,
        "ignored": [span.to_dict() | {"text": document.text[span.start : span.end]} for span in document.ignored],
        "sentence_spans": [[sentence.start, sentence.end] for sentence in document.sentences],
        "text": document.text,  # as given: what every offset points into (the HTML report shows it)
    }
