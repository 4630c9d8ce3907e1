"""Readability of both texts, the gain from original to rewrite, and the targets the rewrite meets.

**The headline ``gain`` is in US school grade levels**: the rewrite's estimated grade subtracted from the
original's, so ``gain > 0`` means the rewrite is easier to read and ``gain = 2`` means it reads two school
years earlier.

**The estimated grade** of a text is the learned simplicity estimate (:mod:`.simplicity`), put on the grade
scale of the formulas: the word-weighted mean of its sentences' estimated grades. It uses the sentence
embeddings when the pipeline has them from the embedded all-MiniLM-L6-v2 (``model`` variant), and text
features alone otherwise (``features`` variant: the model-free profile, another ``--model`` or ``--layer``). A sentence
the learned well-formedness estimate (:mod:`.fluency`) reads as malformed gets a penalty in grades, so a broken
rewrite earns no gain. It is used
for the headline because it is the better measure at both scales we can check (``reports/readability.md``):
over whole articles it orders the OneStopEnglish reading levels of every held-out article correctly where the
formulas' consensus misorders about one in six, and on single sentences, where grade formulas are close to
noise, it still picks the simpler of two aligned sentences about 89% of the time.

**The formulas** are reported beside it, for both texts: Flesch reading ease, Flesch–Kincaid, SMOG, Gunning
fog, Coleman–Liau, ARI, Dale–Chall, LIX, and ``consensus_grade`` — the median of the six grade-scale
formulas (:mod:`.formulas`) — with ``formula_gain``, the consensus of the original minus the rewrite's.
Sentences are evalkit's: textstat drops every sentence of two words or fewer, evalkit counts them.

**Plain-language features** per sentence and per text (:mod:`.features`), the rewrite's hardest sentences
with the reasons and the offsets (into the input) of the words behind them, and the **targets** the rewrite
meets or misses, by how much (:mod:`.targets`).
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Any

import numpy as np
import numpy.typing as npt

from evalkit.document import Document, Sentence
from evalkit.errors import InputError
from evalkit.readability import fluency, formulas, simplicity
from evalkit.readability.features import Mark, SentenceFeatures, defined_acronyms, sentence_features
from evalkit.readability.targets import PRESETS, Target, TargetResult, TargetSet
from evalkit.readability.words import share_beyond

GAIN_UNIT = "US grade levels (original's estimated grade minus the rewrite's; > 0: the rewrite is easier)"
#: How many of the rewrite's hardest sentences a report lists.
HARDEST_LISTED = 5
#: How many marks of one kind a reason quotes.
MARKS_QUOTED = 3

Vector = npt.NDArray[np.float32]

__all__ = [
    "GAIN_UNIT",
    "PRESETS",
    "ReadabilityResult",
    "SentenceReadability",
    "Target",
    "TargetResult",
    "TargetSet",
    "TextReadability",
    "assess_readability",
    "assess_text",
]


@dataclass(frozen=True, slots=True)
class SentenceReadability:
    """One sentence's difficulty and what makes it hard. ``grade``: the learned estimate (grade scale);
    ``formula_grade``: its Flesch–Kincaid grade, for reference only (noise on one sentence)."""

    index: int
    start: int
    end: int
    words: int
    grade: float
    formula_grade: float
    features: SentenceFeatures
    #: grades added because the well-formedness estimate reads the sentence as malformed (:mod:`.fluency`)
    malformed_penalty: float = 0.0

    def reason_marks(self) -> list[tuple[str, tuple[Mark, ...]]]:
        """Each reason this sentence is hard, with the words it is about (offsets within the sentence)."""
        reasons: list[tuple[str, tuple[Mark, ...]]] = []
        if self.words > formulas.LONG_SENTENCE_WORDS:
            reasons.append((f"{self.words} words (over {formulas.LONG_SENTENCE_WORDS})", ()))
        for label, marks in (
            ("passive voice", self.features.passive),
            ("unexplained acronym", self.features.acronyms),
            ("nominalisation", self.features.nominalisations),
            ("long word", self.features.long_words),
            ("unfamiliar word", self.features.unfamiliar),
            ("malformed", tuple(mark for _, mark in self.features.malformed)),
        ):
            if marks:
                quoted = list(dict.fromkeys(mark.text for mark in marks))
                shown = ", ".join(f"'{text}'" for text in quoted[:MARKS_QUOTED])
                plural = "s" if len(quoted) > 1 and label != "malformed" else ""
                reasons.append((f"{label}{plural}: {shown}", marks))
        if self.malformed_penalty > 0:
            reasons.append((f"reads as malformed (+{self.malformed_penalty:.1f} grades)", ()))
        return reasons

    def reasons(self) -> list[str]:
        return [reason for reason, _ in self.reason_marks()]


@dataclass(frozen=True, slots=True)
class TextReadability:
    """Formulas, learned estimate and plain-language features of one text."""

    scores: dict[str, float]
    counts: formulas.TextCounts
    sentences: tuple[SentenceReadability, ...]
    simplicity_grade: float
    variant: simplicity.Variant

    @property
    def estimated_grade(self) -> float:
        """The headline grade: the learned estimate on the grade scale (see the module docstring)."""
        return self.simplicity_grade

    def vocabulary_share(self, size: int) -> float:
        """Share of the text's vocabulary words (names and numbers left out) beyond the ``size`` most
        frequent lemmas."""
        return share_beyond(self._ranks(), size)

    def _ranks(self) -> list[int]:
        """The vocabulary ranks of all the text's words, in increasing order."""
        return sorted(itertools.chain.from_iterable(sentence.features.vocabulary_ranks for sentence in self.sentences))

    def measures(self) -> dict[str, float]:
        """Every measure a readability target can limit (:data:`evalkit.readability.targets.MEASURES`)."""
        counts = self.counts
        features = [sentence.features for sentence in self.sentences]
        acronyms = {mark.text for feature in features for mark in feature.acronyms}
        measures = {name: value for name, value in self.scores.items() if name != "dale_chall_grade"}
        measures.update(
            {
                "grade": self.estimated_grade,
                "avg_sentence_words": counts.words / counts.sentences,
                "sentence_words": float(max(sentence.words for sentence in self.sentences)),
                "long_sentence_share": counts.long_sentences / counts.sentences,
                "passive_sentence_share": sum(1 for f in features if f.passive) / counts.sentences,
                "unfamiliar_word_share": counts.unfamiliar_words / counts.words,
                "long_word_share": counts.polysyllables / counts.words,
                "unexplained_acronyms": float(len(acronyms)),
            }
        )
        return measures

    def check(self, target: Target) -> TargetResult:
        return target.check(self.measures(), self.vocabulary_share)

    def check_all(self, targets: Sequence[Target]) -> tuple[TargetResult, ...]:
        """Every target, measuring the text once."""
        measures = self.measures()
        share = partial(share_beyond, self._ranks())
        return tuple(target.check(measures, share) for target in targets)

    def to_dict(self) -> dict[str, Any]:
        counts = self.counts
        features = [sentence.features for sentence in self.sentences]
        result: dict[str, Any] = {name: _round(value) for name, value in self.scores.items()}
        lengths = sorted(sentence.words for sentence in self.sentences)
        ranks = self._ranks()
        result.update(
            {
                "avg_sentence_words": _round(counts.words / counts.sentences),
                "long_sentence_share": _round(counts.long_sentences / counts.sentences),
                "estimated_grade": _round(self.estimated_grade),
                "simplicity_variant": self.variant,
                "sentence_words": {
                    "median": _percentile(lengths, 0.5),
                    "p90": _percentile(lengths, 0.9),
                    "max": lengths[-1],
                    "histogram": _histogram(lengths),
                },
                "syllables_per_word": _round(counts.syllables / counts.words),
                "unfamiliar_word_share": _round(counts.unfamiliar_words / counts.words),
                "long_word_share": _round(counts.polysyllables / counts.words),
                "passive_sentence_share": _round(sum(1 for f in features if f.passive) / counts.sentences),
                "nominalisation_share": _round(sum(len(f.nominalisations) for f in features) / counts.words),
                "vocabulary_beyond": {
                    str(size): _round(share_beyond(ranks, size)) for size in VOCABULARY_SIZES_REPORTED
                },
                "unexplained_acronyms": sorted({m.text for f in features for m in f.acronyms}),
                "malformed_sentences": sum(1 for f in features if f.malformed),
            }
        )
        return result


#: Vocabulary sizes (lemmas) whose "share of words beyond" every report carries (CEFR A2 and B1 midpoints).
VOCABULARY_SIZES_REPORTED = (2000, 3000)
#: Upper bounds (words) of the sentence-length histogram's bins; the last bin is open.
SENTENCE_LENGTH_BINS = (5, 10, 15, 20, 25, 35)


def _percentile(ordered: Sequence[int], fraction: float) -> int:
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def _histogram(ordered: Sequence[int]) -> dict[str, int]:
    """The sentence-length histogram of ``ordered`` (sentence lengths in increasing order)."""
    bins: dict[str, int] = {}
    lower = 0
    for upper in SENTENCE_LENGTH_BINS:
        bins[f"{lower}-{upper}"] = bisect.bisect_right(ordered, upper) - bisect.bisect_left(ordered, lower)
        lower = upper + 1
    bins[f"{lower}+"] = len(ordered) - bisect.bisect_left(ordered, lower)
    return bins


@dataclass(frozen=True, slots=True)
class ReadabilityResult:
    original: TextReadability
    rewrite: TextReadability
    gain: float
    formula_gain: float
    hardest: tuple[SentenceReadability, ...]  # the rewrite's hardest sentences, hardest first
    targets: tuple[TargetResult, ...]  # every known target, checked on the rewrite
    original_targets: tuple[TargetResult, ...]  # the same targets, checked on the original
    rewrite_document: Document

    def target(self, name: str) -> TargetResult:
        for result in self.targets:
            if result.target == name:
                return result
        raise KeyError(name)

    def to_dict(self) -> dict[str, Any]:
        document = self.rewrite_document
        return {
            "original": self.original.to_dict(),
            "rewrite": self.rewrite.to_dict(),
            "gain": _round(self.gain),
            "gain_unit": GAIN_UNIT,
            "gain_method": f"learned simplicity estimate ({self.rewrite.variant} variant) on the grade scale",
            "formula_gain": _round(self.formula_gain),
            # by name, as evalkit.gate.target_gap reads them back from a results file
            "targets": {result.target: result.to_dict() for result in self.targets},
            "targets_met": [result.target for result in self.targets if result.met],
            "original_targets_met": [result.target for result in self.original_targets if result.met],
            "hardest_sentences": [_sentence_entry(document, sentence) for sentence in self.hardest],
        }


def _sentence_entry(document: Document, sentence: SentenceReadability) -> dict[str, Any]:
    source = document.sentences[sentence.index]
    reasons = sentence.reason_marks()
    return {
        "index": sentence.index,
        "start": sentence.start,
        "end": sentence.end,
        "text": document.text[sentence.start : sentence.end],
        "grade": _round(sentence.grade),
        "formula_grade": _round(sentence.formula_grade),
        "words": sentence.words,
        "reasons": [reason for reason, _ in reasons],
        "marks": [
            {"reason": reason.split(":")[0], **document.sentence_span(source, mark.start, mark.end).to_dict()}
            for reason, marks in reasons
            for mark in marks
        ],
    }


def _round(value: float) -> float:
    return round(float(value), 4)


@dataclass(frozen=True, slots=True)
class SentenceAnalysis:
    """Everything the readability measures need from one sentence, computed once."""

    counts: formulas.TextCounts
    features: SentenceFeatures
    row: simplicity.FloatArray  # the learned estimate's text features
    flags: tuple[float, ...]  # malformation flags


#: Sentences whose analysis is kept: a rewrite keeps many sentences of its original, and batches repeat them.
ANALYSIS_CACHE_SIZE = 20_000


@lru_cache(maxsize=ANALYSIS_CACHE_SIZE)
def analyse_sentence(text: str, defined: frozenset[str] = frozenset()) -> SentenceAnalysis:
    """The analysis of one sentence (``defined``: acronyms its text spells out elsewhere)."""
    counts = formulas.count_sentence(text)
    features = sentence_features(text, defined=defined)
    row = simplicity.text_features(text, counts, features)
    row.flags.writeable = False  # shared through the cache
    return SentenceAnalysis(counts, features, row, features.malformation_flags())


def analyse_document(document: Document) -> list[SentenceAnalysis]:
    defined = defined_acronyms(sentence.text for sentence in document.sentences)
    return [analyse_sentence(s.text, _relevant(defined, s.text)) for s in document.sentences]


def _relevant(defined: frozenset[str], text: str) -> frozenset[str]:
    """The defined acronyms that occur in ``text`` (so the cache key does not depend on the rest)."""
    return frozenset(acronym for acronym in defined if acronym in text) if defined else defined


def _sentence_readability(
    sentence: Sentence, analysis: SentenceAnalysis, grade: float, penalty: float
) -> SentenceReadability:
    counts = analysis.counts
    return SentenceReadability(
        index=sentence.index,
        start=sentence.start,
        end=sentence.end,
        words=counts.words,
        grade=grade,
        formula_grade=formulas.flesch_kincaid_grade(counts) if counts.words else 0.0,
        features=analysis.features,
        malformed_penalty=penalty if penalty > 0 else 0.0,
    )


def assess_text(
    document: Document,
    vectors: Sequence[Vector] | None = None,
    *,
    vector_of: Callable[[str], Vector] | None = None,
) -> TextReadability:
    """Formulas over the whole scored text, the learned estimate and features per sentence. ``vectors``:
    the sentence embedding of each sentence from the embedded model (:func:`.simplicity.sentence_embedding`;
    ``None``: the ``features`` variant);
    ``vector_of``: the embedding of any text, for the prose form of a list item or title
    (:func:`.fluency.prose_forms`; without it, the sentence's own embedding stands in)."""
    analyses = analyse_document(document)
    totals = formulas.TextCounts.total(analysis.counts for analysis in analyses)
    if totals.words == 0:
        # a text of numbers and symbols only: every formula is undefined; the document has words though
        raise InputError(document.name, "has no words that the readability formulas can count")
    variant: simplicity.Variant = "model" if vectors is not None else "features"
    rows = np.vstack([analysis.row for analysis in analyses])
    flags = np.asarray([analysis.flags for analysis in analyses], dtype=np.float64)
    grades = simplicity.sentence_grades(rows, flags, vectors, variant=variant)
    # a sentence that reads as malformed is not easy to read, however short (see .fluency)
    penalties = fluency.document_penalties(
        document, [a.flags for a in analyses], vectors, variant=variant, form_vector=vector_of
    )
    grades = grades + penalties
    weights = np.asarray([max(analysis.counts.words, 1) for analysis in analyses], dtype=np.float64)
    sentences = tuple(
        _sentence_readability(sentence, analysis, grade, penalty)
        for sentence, analysis, grade, penalty in zip(
            document.sentences, analyses, grades.tolist(), penalties.tolist(), strict=True
        )
    )
    return TextReadability(
        scores=formulas.battery(totals),
        counts=totals,
        sentences=sentences,
        simplicity_grade=float(np.average(grades, weights=weights)),
        variant=variant,
    )


def usable_vectors(
    document: Document, vector_of: Callable[[str], Vector] | None, embedding_model: str | None, layer: int | None
) -> list[Vector] | None:
    """The sentence embeddings (:func:`.simplicity.sentence_embedding`) of a document's sentences if the
    learned ``model`` variant can use them: they must come from the model and scoring layer it was trained
    with (another ``--model`` or ``--layer`` falls back to ``features``)."""
    if vector_of is None or embedding_model is None:
        return None
    parameters = simplicity.load_model()
    if embedding_model != parameters.embedding_model or layer != parameters.embedding_layer:
        return None
    vectors = [vector_of(sentence.text) for sentence in document.sentences]
    if any(vector.shape != (parameters.embedding_dimension,) for vector in vectors):
        return None
    return vectors


def assess_readability(
    original: Document,
    rewrite: Document,
    *,
    original_vectors: Sequence[Vector] | None = None,
    rewrite_vectors: Sequence[Vector] | None = None,
    targets: TargetSet | None = None,
    vector_of: Callable[[str], Vector] | None = None,
) -> ReadabilityResult:
    """Readability of both texts, the headline gain (see the module docstring for its unit) and the
    targets. The ``model`` variant is used only when vectors are given for *both* texts, so both sides are
    always measured the same way (``vector_of``: see :func:`assess_text`)."""
    both = original_vectors is not None and rewrite_vectors is not None
    before = assess_text(original, original_vectors if both else None, vector_of=vector_of)
    after = assess_text(rewrite, rewrite_vectors if both else None, vector_of=vector_of)
    hardest = sorted(
        (sentence for sentence in after.sentences if sentence.words > 0),
        key=lambda sentence: (-sentence.grade, sentence.index),
    )[:HARDEST_LISTED]
    known = (targets or TargetSet()).all()
    return ReadabilityResult(
        original=before,
        rewrite=after,
        gain=before.estimated_grade - after.estimated_grade,
        formula_gain=before.scores["consensus_grade"] - after.scores["consensus_grade"],
        hardest=tuple(hardest),
        targets=after.check_all(known),
        original_targets=before.check_all(known),
        rewrite_document=rewrite,
    )
