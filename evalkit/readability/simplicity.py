"""A learned, reference-free simplicity estimate that works on a single sentence.

Grade formulas are stable over a whole article but close to noise on one sentence. In the spirit of SLE
(Cripwell, Legrand & Gardent, 2023, "Simplicity Level Estimate (SLE): A Learned Reference-Less Metric for
Sentence Simplification", EMNLP), evalkit scores each sentence with a small model trained on texts written at
known reading levels, and scores a text by the mean over its sentences, weighted by their words.

The model is linear: ``score = w · standardise(x)`` where ``x`` holds :data:`FEATURES` (length, word
frequency and familiarity, syllables, clause structure, passive voice ...) and, in the ``model`` variant, the
all-MiniLM-L6-v2 sentence embedding (:func:`sentence_embedding`: the pooled vector and the mean of the
scoring layer's wordpieces). The ``features``
variant uses the features alone, for the model-free profile. Both are trained by
``scripts/train_simplicity.py`` on the aligned reading levels of the OneStopEnglish corpus (Vajjala & Lučić,
2018) — pairs of aligned sentences of the same article at two levels, the simpler one to score higher — and
only the learned numbers ship, in ``evalkit/data/simplicity.json``.

A sentence that is not well-formed (:data:`evalkit.readability.features.MALFORMATIONS`: "It is described
and.") reads harder, not easier, however short it is; a text feature model cannot see that, so each kind of
malformation present adds a learned number of grades (``penalties``), fitted in the same script on
deterministic corruptions of the training sentences (words deleted, truncated, repeated, stray
punctuation), each of which must come out harder than the sentence it was made from.

The score is put on the **US grade scale** by a linear map fitted in the same script: over the training
articles, the word-weighted mean of the sentence scores is mapped onto the formulas' consensus grade (its
slope from the within-article differences, so one grade of the estimate moves as much as one grade of the
formulas; its intercept from the means). So a sentence's ``grade`` and a text's ``grade`` are on the scale of
the formulas, and their differences are gains in grade levels.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any, Final, Literal

import numpy as np
import numpy.typing as npt

from evalkit._shipped import shipped_fingerprint, shipped_text
from evalkit.readability.features import MALFORMATIONS, SentenceFeatures
from evalkit.readability.formulas import LONG_SENTENCE_WORDS, TextCounts
from evalkit.readability.words import WORD_CACHE_SIZE, formula_words, share_beyond, word_info

if TYPE_CHECKING:
    from evalkit.embeddings import Encoding

Variant = Literal["model", "features"]
FloatArray = npt.NDArray[np.float64]

#: Where the learned parameters live (inside the package).
PARAMETERS_FILE: Final = "simplicity.json"
#: Rarity of a word wordfreq has never seen (``9 - zipf`` is capped here, as in :mod:`evalkit.lexicon`).
MAX_RARITY: Final = 7.0

_CLAUSE_MARKER_LIST = (
    "which who whom whose that although though while whereas because since unless whether if when "
    "where after before until once whenever wherever however therefore moreover furthermore "
    "nevertheless meanwhile despite"
)
_CLAUSE_MARKERS = frozenset(_CLAUSE_MARKER_LIST.split())
_COORDINATORS = frozenset({"and", "but", "or", "nor", "yet"})
_FUNCTION_WORD_LIST = (
    "the a an of to in on at for with by from and or but is are was were be been being it its this "
    "that these those he she they we you i his her their our your them him us me my not no as do "
    "does did have has had will would can could should may might must"
)
_FUNCTION_WORDS = frozenset(_FUNCTION_WORD_LIST.split())
#: inner punctuation: these marks, and a hyphen between spaces (never overlapping one of them)
_INNER_MARKS = re.compile(r"[;:()\[\]—–]")
_SPACED_HYPHEN = re.compile(r"\s-\s")
_DIGITS = re.compile(r"\d")

#: The text features, in the order of the learned weights.
FEATURES: Final = (
    "words",
    "log_words",
    "long_sentence",
    "syllables_per_word",
    "polysyllable_share",
    "letters_per_word",
    "unfamiliar_share",
    "mean_rarity",
    "max_rarity",
    "beyond_2000_share",
    "beyond_5000_share",
    "commas",
    "clause_markers",
    "coordinators",
    "inner_punctuation",
    "words_per_clause",
    "passives",
    "nominalisations",
    "acronyms",
    "numbers",
    "name_share",
    "total_rarity",
    "beyond_2000",
    "beyond_5000",
    "unfamiliar",
    "polysyllables",
    "content_rarity",
    "function_word_share",
    "ly_words",
    "word_length_spread",
    "quotes",
    "max_syllables",
    "second_rarity",
    "rare_words",
    "uncommon_share",
)


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _word_row(word: str) -> tuple[float, float, int, int, int, int, int, int, int, int, int, int, int, int]:
    """What :func:`text_features` takes from one word of :func:`formula_words`: its rarity, its rarity if it
    is a content word (else 0.0), its syllables, then counts to add up (rare, uncommon, beyond 2000, beyond 5000,
    function word, clause marker, coordinator, ``-ly``, number, length, squared length)."""
    lower = word.lower()
    info = word_info(lower)
    rarity = min(MAX_RARITY, 9.0 - info.zipf) if info.zipf > 0 else MAX_RARITY
    function = lower in _FUNCTION_WORDS
    return (
        rarity,
        0.0 if function else rarity,
        info.syllables,
        rarity >= 5.0,
        rarity >= 4.0,
        info.rank > 2000,
        info.rank > 5000,
        function,
        lower in _CLAUSE_MARKERS,
        lower in _COORDINATORS,
        lower.endswith("ly"),
        _DIGITS.search(word) is not None,
        len(word),
        len(word) * len(word),
    )


def text_features(text: str, counts: TextCounts, features: SentenceFeatures) -> FloatArray:
    """The :data:`FEATURES` of one sentence, from its counts and plain-language features."""
    words = formula_words(text)
    n = len(words)
    if n == 0:
        return np.zeros(len(FEATURES))
    columns = list(zip(*map(_word_row, words), strict=True))
    total_rarity = content_rarity = 0.0
    for rarity in columns[0]:  # added in order, as in training (sum() may compensate rounding)
        total_rarity += rarity
    for rarity in columns[1]:
        content_rarity += rarity
    max_syllables = max(columns[2])
    (
        rare,
        uncommon,
        beyond_2000,
        beyond_5000,
        function_words,
        clause_markers,
        coordinators,
        ly_words,
        numbers,
        length_sum,
        length_squares,
    ) = map(sum, columns[3:])
    content = n - function_words
    top, second = sorted(columns[0], reverse=True)[:2] if n > 1 else (columns[0][0], 0.0)
    ranks = sorted(features.vocabulary_ranks)
    commas = text.count(",")
    inner = len(_INNER_MARKS.findall(text)) + (len(_SPACED_HYPHEN.findall(text)) if "-" in text else 0)
    spread = math.sqrt(max(0.0, length_squares / n - (length_sum / n) ** 2))
    values = (
        n / 10.0,
        math.log1p(n),
        float(n > LONG_SENTENCE_WORDS),
        counts.syllables / n,
        counts.polysyllables / n,
        counts.letters / n,
        counts.unfamiliar_words / n,
        total_rarity / n,
        top,
        share_beyond(ranks, 2000),
        share_beyond(ranks, 5000),
        commas,
        clause_markers,
        coordinators,
        inner,
        n / (1 + commas + clause_markers + inner),
        len(features.passive),
        len(features.nominalisations),
        len(features.acronyms),
        numbers,
        features.names / n,
        total_rarity / 10.0,
        beyond_2000,
        beyond_5000,
        counts.unfamiliar_words,
        counts.polysyllables,
        content_rarity / content if content else 0.0,
        function_words / n,
        ly_words,
        spread,
        text.count('"') + text.count("“") + text.count("”"),  # quotes
        max_syllables,
        second if n > 1 else 0.0,
        rare,
        uncommon / n,
    )
    return np.asarray(values, dtype=np.float64)


def _numbers(values: FloatArray) -> list[float]:
    return [round(float(value), 8) for value in values]


@dataclass(frozen=True, slots=True)
class LinearScorer:
    """``score(x) = weights · (x - mean) / scale`` (higher: simpler);
    ``grade = intercept + slope * score + penalties · malformation flags`` (higher: harder)."""

    mean: FloatArray
    scale: FloatArray
    weights: FloatArray
    intercept: float
    slope: float
    penalties: FloatArray

    def scores(self, rows: FloatArray) -> FloatArray:
        return np.asarray(((rows - self.mean) / self.scale) @ self.weights, dtype=np.float64)

    def grades(self, rows: FloatArray, flags: FloatArray) -> FloatArray:
        """Grade-scale estimates of sentences (rows: their inputs; flags: their malformation flags)."""
        return self.intercept + self.slope * self.scores(rows) + flags @ self.penalties

    def to_dict(self) -> dict[str, Any]:
        return {
            "mean": _numbers(self.mean),
            "scale": _numbers(self.scale),
            "weights": _numbers(self.weights),
            "intercept": round(self.intercept, 8),
            "slope": round(self.slope, 8),
            "penalties": _numbers(self.penalties),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LinearScorer:
        return cls(
            mean=np.asarray(data["mean"], dtype=np.float64),
            scale=np.asarray(data["scale"], dtype=np.float64),
            weights=np.asarray(data["weights"], dtype=np.float64),
            intercept=float(data["intercept"]),
            slope=float(data["slope"]),
            penalties=np.asarray(data["penalties"], dtype=np.float64),
        )


@dataclass(frozen=True, slots=True)
class SimplicityModel:
    """The shipped parameters: one scorer per variant, and what the ``model`` variant expects."""

    features: LinearScorer
    model: LinearScorer
    embedding_model: str
    embedding_layer: int  # the layer whose wordpieces :func:`sentence_embedding` averages
    embedding_dimension: int
    metadata: dict[str, Any]


def fingerprint() -> str:
    """A short hash of the shipped parameters (for the reproducibility signature)."""
    return shipped_fingerprint(PARAMETERS_FILE)


@cache
def load_model() -> SimplicityModel:
    """The learned parameters shipped in ``evalkit/data/simplicity.json``."""
    data = json.loads(shipped_text(PARAMETERS_FILE))
    if data.get("features") != list(FEATURES) or data.get("malformations") != list(MALFORMATIONS):
        raise RuntimeError("evalkit/data/simplicity.json was trained on other features; rerun the training")
    return SimplicityModel(
        features=LinearScorer.from_dict(data["variants"]["features"]),
        model=LinearScorer.from_dict(data["variants"]["model"]),
        embedding_model=str(data["embedding_model"]),
        embedding_layer=int(data["embedding_layer"]),
        embedding_dimension=int(data["embedding_dimension"]),
        metadata=dict(data.get("metadata", {})),
    )


def sentence_embedding(encoding: Encoding) -> npt.NDArray[np.float32]:
    """The sentence embedding the learned readability models take: the pooled last layer (the sentence
    embedding all-MiniLM-L6-v2 was trained to give, which mostly says what a sentence is about), then the
    L2-normalised mean of the scoring layer's wordpiece rows (:data:`evalkit.embeddings.DEFAULT_LAYER`),
    which keeps more of how it is worded. The second part raised the held-out pair accuracy of the
    simplicity estimate from 86.2% to 88.6% (``reports/readability.md``)."""
    rows = encoding.tokens[~encoding.special]
    mean = rows.mean(axis=0) if len(rows) else np.zeros(encoding.tokens.shape[1], np.float32)
    norm = float(np.sqrt(mean @ mean))
    return np.concatenate([encoding.pooled, mean / norm if norm > 0 else mean]).astype(np.float32)


def pooled_part(embedding: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """The pooled last layer at the head of a :func:`sentence_embedding` (its first half)."""
    return embedding[: len(embedding) // 2]


def model_inputs(feature_rows: FloatArray, embeddings: Sequence[npt.NDArray[np.float32]]) -> FloatArray:
    """The ``model`` variant's input rows: text features, then the sentence embedding."""
    if len(embeddings) != len(feature_rows):
        raise ValueError("the 'model' variant needs one sentence embedding per sentence")
    stacked = np.vstack([np.asarray(vector, dtype=np.float64) for vector in embeddings])
    return np.hstack([feature_rows, stacked])


def sentence_grades(
    feature_rows: FloatArray,
    flags: FloatArray,
    embeddings: Sequence[npt.NDArray[np.float32]] | None,
    *,
    variant: Variant,
) -> FloatArray:
    """Grade-scale simplicity estimates of sentences: rows of :func:`text_features`, their malformation
    flags, and for the ``model`` variant one :func:`sentence_embedding` per sentence."""
    parameters = load_model()
    if variant == "features":
        return parameters.features.grades(feature_rows, flags)
    if embeddings is None:
        raise ValueError("the 'model' variant needs the sentences' embeddings")
    return parameters.model.grades(model_inputs(feature_rows, embeddings), flags)
