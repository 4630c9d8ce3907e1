"""A learned well-formedness (fluency) estimate of a sentence, and its penalty in grades.

A rewriting system that fails produces fragments ("It is described and."), repeated phrases, sentences cut
mid-clause or glued from two halves. Such output is *short*, so every length- and word-based signal reads it as
very simple; a human reader rates it neither fluent nor simple. Judging well-formedness is the job of a
language model; none is shipped, so evalkit learns a small classifier the way grammaticality detectors were
trained before large language models: real sentences against artificially distorted versions of them (Wagner,
Foster & van Genabith, 2007, "A comparative evaluation of deep and shallow approaches to the automatic detection
of common grammatical errors", EMNLP-CoNLL; on probability-based acceptability, Lau, Clark & Lappin, 2017):

* inputs (:data:`FLUENCY_FEATURES`): the malformation flags of :mod:`evalkit.readability.features`, and the
  statistics of a **word-class trigram model** (function words as themselves, other words by shape: capital,
  number, ``-ing``/``-ed``/``-ly``/``-s`` endings; punctuation as itself) counted on well-formed sentences —
  the mean, lowest and final log-probabilities of the sentence's class sequence, and its longest run of
  content words (dropped function words leave long ones); in the ``model`` variant
  also the pooled all-MiniLM-L6-v2 sentence embedding the pipeline already computes;
* a logistic regression over them gives ``P(malformed)``; it is trained with the real sentences weighted to
  the corruptions' distribution of lengths, so that shortness (which simpler text shares) is no evidence;
* the **penalty** added to a sentence's estimated grade is ``grade_penalty`` times the excess of
  ``P(malformed)`` over a threshold (a high quantile of it on held-out real sentences, so well-formed text
  pays nothing and the classifier's noise does not become noise in grades). ``grade_penalty`` is fitted, with
  the simplicity estimate held fixed, so that a corrupted sentence comes out harder than the sentence it was
  made from (a broken rewrite earns no gain) while the aligned sentences of the reading levels stay ordered.

Everything is trained by ``scripts/train_fluency.py`` on the OneStopEnglish sentences (Vajjala & Lučić, 2018)
and deterministic corruptions of them; only the learned numbers ship, in ``evalkit/data/fluency.json`` (the
trigram model as counts over word *classes*, no text).
"""

from __future__ import annotations

import bisect
import itertools
import json
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any, Final, Literal

import numpy as np
import numpy.typing as npt

from evalkit._shipped import shipped_fingerprint, shipped_text
from evalkit.readability.features import MALFORMATIONS, malformations

if TYPE_CHECKING:
    from evalkit.document import Document

Variant = Literal["model", "features"]
FloatArray = npt.NDArray[np.float64]

#: Where the learned parameters live (inside the package).
PARAMETERS_FILE: Final = "fluency.json"
#: Sentence boundary classes of the trigram model.
START: Final = "<s>"
END: Final = "</s>"

#: Words that are their own class (closed-class English words: determiners, pronouns, prepositions,
#: conjunctions, auxiliaries and modals, a few adverbs of degree and negation).
_OWN_CLASS_LIST = (
    "a an the this that these those some any no every each all both either neither other another such "
    "i me my mine we us our you your he him his she her it its they them their there here "
    "who whom whose which what where when why how whether if than then "
    "of to in on at for with by from about into onto over under after before between through during "
    "without within against among around across along behind beyond near since until up down out off "
    "and or but nor so yet because although though while as "
    "is are was were be been being am do does did done have has had having "
    "will would can could shall should may might must "
    "not n't very too also just only more most less least much many few "
    "'s 're 've 'll 'd 'm"
)
OWN_CLASS: Final = frozenset(_OWN_CLASS_LIST.split())
_OTHER_TOKENS = r"'(?:s|re|ve|ll|d|m)\b|[^\W\d_]+(?:-[^\W\d_]+)*|\d[\d,.:]*|[^\w\s]"
_TOKEN = re.compile(rf"[^\W\d_]+(?=n't\b)|n't\b|{_OTHER_TOKENS}")
#: the same tokens in a text without "n't" (most), found faster
_TOKEN_WITHOUT_NOT = re.compile(_OTHER_TOKENS)
_QUOTE_FORMS = {"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-"}
_PUNCTUATION_CLASSES = frozenset(",.!?;:()\"'-")

#: The classifier's inputs besides the embedding, in the order of the learned weights.
FLUENCY_FEATURES: Final = (
    *MALFORMATIONS,
    "class_mean_logprob",
    "class_min_logprob",
    "class_second_min_logprob",
    "class_end_logprob",
    "class_start_logprob",
    "class_improbable_share",
    "content_run",
    "log_tokens",
    "short",
    "no_end_mark",
)
_SHAPE_SUFFIXES: Final = ("ing", "ed", "ly", "s")
#: the classes of content words (the ``<...>`` classes but the boundaries and ``<sym>``)
_CONTENT_CLASSES = frozenset({"<num>", "<cap>", "<w>", *(f"<-{suffix}>" for suffix in _SHAPE_SUFFIXES)})
#: "x" for a content class (any other class is " ": see :func:`fluency_features`)
_RUN_MARKS = dict.fromkeys(_CONTENT_CLASSES, "x")
#: Class trigrams whose log-probability is kept once computed.
MEMO_SIZE: Final = 200_000
#: A class trigram less likely than this (natural log) counts as improbable.
IMPROBABLE_LOGPROB: Final = -6.0


def word_class(token: str, *, first: bool) -> str:
    """The trigram model's class of one token (``first``: the sentence's first token)."""
    return _word_class(token, first)


@lru_cache(maxsize=100_000)
def _word_class(token: str, first: bool) -> str:
    token = _QUOTE_FORMS.get(token, token)
    lower = token.lower().replace("’", "'")
    if lower in OWN_CLASS:
        return lower
    if token[0].isdigit():
        return "<num>"
    if not token[0].isalpha():
        return token if token in _PUNCTUATION_CLASSES else "<sym>"
    if token[0].isupper() and not first:
        return "<cap>"
    for suffix in _SHAPE_SUFFIXES:
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            return f"<-{suffix}>"
    return "<w>"


@lru_cache(maxsize=100_000)
def _inner_class(token: str) -> str:
    """The class of a token after the sentence's first (cached by the token alone: a faster key)."""
    return _word_class(token, False)


def classes(text: str) -> list[str]:
    """The class sequence of a sentence, with its boundary classes."""
    text = text.replace("’", "'")
    tokens = (_TOKEN if "n't" in text else _TOKEN_WITHOUT_NOT).findall(text)
    if not tokens:
        return [START, START, END]
    return [START, START, _word_class(tokens[0], True), *map(_inner_class, tokens[1:]), END]


@dataclass(frozen=True, slots=True)
class ClassTrigrams:
    """An interpolated class trigram model (Jelinek–Mercer, fixed weights; Jurafsky & Martin, *Speech and
    Language Processing*, ch. 3) built from trigram counts over word classes."""

    trigrams: dict[tuple[str, str, str], int]
    bigrams: dict[tuple[str, str], int]
    unigrams: dict[str, int]
    trigram_contexts: dict[tuple[str, str], int]
    bigram_contexts: dict[str, int]
    total: int
    interpolation: tuple[float, float, float]  # trigram, bigram, unigram weights
    #: log-probabilities already computed (there are few classes, so most trigrams recur)
    memo: dict[tuple[str, str, str], float] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_counts(
        cls, trigrams: dict[tuple[str, str, str], int], interpolation: tuple[float, float, float]
    ) -> ClassTrigrams:
        bigrams: dict[tuple[str, str], int] = {}
        unigrams: dict[str, int] = {}
        trigram_contexts: dict[tuple[str, str], int] = {}
        bigram_contexts: dict[str, int] = {}
        for (a, b, c), n in trigrams.items():
            bigrams[b, c] = bigrams.get((b, c), 0) + n
            unigrams[c] = unigrams.get(c, 0) + n
            trigram_contexts[a, b] = trigram_contexts.get((a, b), 0) + n
            bigram_contexts[b] = bigram_contexts.get(b, 0) + n
        total = sum(unigrams.values())
        return cls(trigrams, bigrams, unigrams, trigram_contexts, bigram_contexts, total, interpolation)

    @classmethod
    def count(cls, sentences: Sequence[Sequence[str]], interpolation: tuple[float, float, float]) -> ClassTrigrams:
        """The model of class sequences (each with its boundary classes, as :func:`classes` gives them)."""
        trigrams: dict[tuple[str, str, str], int] = {}
        for sequence in sentences:
            for a, b, c in zip(sequence, sequence[1:], sequence[2:], strict=False):
                trigrams[a, b, c] = trigrams.get((a, b, c), 0) + 1
        return cls.from_counts(trigrams, interpolation)

    def logprob(self, a: str, b: str, c: str) -> float:
        """Natural log of the interpolated ``P(c | a b)`` (add-one on the unigram level, so never -inf)."""
        value = self.memo.get((a, b, c))
        if value is None:
            value = self._logprob(a, b, c)
            if len(self.memo) < MEMO_SIZE:
                self.memo[a, b, c] = value
        return value

    def logprobs(self, sequence: Sequence[str]) -> list[float]:
        """:meth:`logprob` of each class of a sequence after the two before it (from the third on)."""
        keys = list(zip(sequence, sequence[1:], sequence[2:], strict=False))
        values = list(map(self.memo.get, keys))
        if None in values:
            return [self.logprob(*key) if value is None else value for key, value in zip(keys, values, strict=True)]
        return values  # type: ignore[return-value]  # no None left

    def _logprob(self, a: str, b: str, c: str) -> float:
        l3, l2, l1 = self.interpolation
        context = self.trigram_contexts.get((a, b), 0)
        p3 = self.trigrams.get((a, b, c), 0) / context if context else 0.0
        context = self.bigram_contexts.get(b, 0)
        p2 = self.bigrams.get((b, c), 0) / context if context else 0.0
        p1 = (self.unigrams.get(c, 0) + 1) / (self.total + len(self.unigrams) + 1)
        return math.log(l3 * p3 + l2 * p2 + l1 * p1)

    def to_dict(self) -> dict[str, Any]:
        return {
            "interpolation": list(self.interpolation),
            "trigrams": {" ".join(key): n for key, n in sorted(self.trigrams.items())},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ClassTrigrams:
        l3, l2, l1 = (float(value) for value in data["interpolation"])
        trigrams: dict[tuple[str, str, str], int] = {}
        for key, n in data["trigrams"].items():
            a, b, c = key.split(" ")
            trigrams[a, b, c] = int(n)
        return cls.from_counts(trigrams, (l3, l2, l1))


def fluency_features(text: str, flags: Sequence[float], trigrams: ClassTrigrams) -> FloatArray:
    """The :data:`FLUENCY_FEATURES` of one sentence (``flags``: its malformation flags)."""
    sequence = classes(text)
    logprobs = trigrams.logprobs(sequence)
    ordered = sorted(logprobs)
    tokens = len(sequence) - 3
    # the longest run of content classes: "x" for each, runs split on " "
    marks = "".join(map(_RUN_MARKS.get, sequence, itertools.repeat(" ")))
    longest = max(map(len, marks.split()), default=0)
    values = (
        *flags,
        sum(logprobs) / len(logprobs),
        ordered[0],
        ordered[1] if len(ordered) > 1 else ordered[0],
        min(logprobs[-2:]),  # how the sentence ends: its end mark after what precedes it, and the end itself
        logprobs[0],
        bisect.bisect_left(ordered, IMPROBABLE_LOGPROB) / len(logprobs),  # the share below it
        float(longest),
        math.log1p(max(tokens, 0)),
        float(tokens < 5),
        float(sequence[-2] not in {".", "!", "?", '"', "'", ")"}),
    )
    return np.asarray(values, dtype=np.float64)


@dataclass(frozen=True, slots=True)
class FluencyScorer:
    """``P(malformed) = sigmoid(bias + weights · (x - mean) / scale)``; the penalty in grades is
    ``grade_penalty * max(0, P - threshold) / (1 - threshold)``: nothing for a sentence that reads no worse than
    most edited sentences (``threshold``: a high quantile of ``P`` on real sentences held out from the fit)."""

    mean: FloatArray
    scale: FloatArray
    weights: FloatArray
    bias: float
    grade_penalty: float
    threshold: float = 0.0

    def probabilities(self, rows: FloatArray) -> FloatArray:
        margin = self.bias + ((rows - self.mean) / self.scale) @ self.weights
        return np.asarray(0.5 * (1.0 + np.tanh(0.5 * margin)), dtype=np.float64)

    def excess(self, probabilities: FloatArray) -> FloatArray:
        """How far each ``P(malformed)`` lies above the threshold, scaled to [0, 1]."""
        return np.maximum(0.0, probabilities - self.threshold) / (1.0 - self.threshold)

    def penalties(self, rows: FloatArray) -> FloatArray:
        """Grades added to each sentence for reading as malformed."""
        return self.grade_penalty * self.excess(self.probabilities(rows))

    def to_dict(self) -> dict[str, Any]:
        return {
            "mean": [round(float(v), 8) for v in self.mean],
            "scale": [round(float(v), 8) for v in self.scale],
            "weights": [round(float(v), 8) for v in self.weights],
            "bias": round(self.bias, 8),
            "grade_penalty": round(self.grade_penalty, 8),
            "threshold": round(self.threshold, 8),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FluencyScorer:
        return cls(
            mean=np.asarray(data["mean"], dtype=np.float64),
            scale=np.asarray(data["scale"], dtype=np.float64),
            weights=np.asarray(data["weights"], dtype=np.float64),
            bias=float(data["bias"]),
            grade_penalty=float(data["grade_penalty"]),
            threshold=float(data["threshold"]),
        )


@dataclass(frozen=True, slots=True)
class FluencyModel:
    """The shipped parameters: the class trigram model and one scorer per variant."""

    trigrams: ClassTrigrams
    features: FluencyScorer
    model: FluencyScorer
    embedding_model: str
    embedding_dimension: int  # the pooled part of the sentence embedding: its first this many numbers
    metadata: dict[str, Any]


def fingerprint() -> str:
    """A short hash of the shipped parameters (for the reproducibility signature)."""
    return shipped_fingerprint(PARAMETERS_FILE)


@cache
def load_model() -> FluencyModel:
    """The learned parameters shipped in ``evalkit/data/fluency.json``."""
    data = json.loads(shipped_text(PARAMETERS_FILE))
    if data.get("features") != list(FLUENCY_FEATURES):
        raise RuntimeError("evalkit/data/fluency.json was trained on other features; rerun the training")
    return FluencyModel(
        trigrams=ClassTrigrams.from_dict(data["trigrams"]),
        features=FluencyScorer.from_dict(data["variants"]["features"]),
        model=FluencyScorer.from_dict(data["variants"]["model"]),
        embedding_model=str(data["embedding_model"]),
        embedding_dimension=int(data["embedding_dimension"]),
        metadata=dict(data.get("metadata", {})),
    )


_MARKER = r"(?:[-*+•‣◦▪]|\(?\d{1,3}[.)]|\(?[a-z][.)])[ \t]+"
_LIST_MARKER = re.compile(rf"[ \t]*{_MARKER}")
_ITEM_END = re.compile(r"[;,]\s*$")


def prose_form(text: str, line_before: str = "", previous: str = "", *, heading: bool = False) -> str | None:
    """The sentence a list item stands for, as the estimate (trained on prose) should read it; ``None`` for a
    lead-in, which the list after it completes ("The builders will:"), so it is not judged alone.

    A unit is a list item if a list marker starts it or its line (``line_before``: the input on the same line
    before it), or if the unit before it (``previous``) ends on ":" or ";" (an HTML ``<li>`` leaves no
    marker). A list item may start in lowercase and end on ";", "," or nothing: good plain-language layout
    (GOV.UK style guide, "Bullet points"), not a broken sentence. A ``heading`` (a title over other text)
    is read with a full stop: titles are written without one."""
    form = text.strip()
    if not form or form.endswith(":"):
        return None if form else text
    if heading:
        return form + "." if form[-1].isalnum() else form
    marker = _LIST_MARKER.match(form)
    if marker is not None and marker.end() < len(form):
        form = form[marker.end() :]
    elif _LIST_MARKER.fullmatch(line_before) is None and not previous.rstrip().endswith((":", ";")):
        return text
    if form[0].islower():
        form = form[0].upper() + form[1:]
    if _ITEM_END.search(form):
        form = _ITEM_END.sub(".", form)
    elif form[-1].isalnum():
        form += "."
    return form


def prose_flags(text: str) -> tuple[float, ...]:
    """The malformation flags of a text (for a :func:`prose_form` that differs from the sentence)."""
    kinds = {kind for kind, _ in malformations(text)}
    return tuple(float(kind in kinds) for kind in MALFORMATIONS)


@lru_cache(maxsize=20_000)
def sentence_row(text: str, flags: tuple[float, ...]) -> FloatArray:
    """The fluency features of one sentence with the shipped trigram model (cached by text)."""
    row = fluency_features(text, flags, load_model().trigrams)
    row.flags.writeable = False
    return row


def model_inputs(
    rows: FloatArray, embeddings: Sequence[npt.NDArray[np.float32]] | None, variant: Variant
) -> FloatArray:
    """The classifier's input rows: fluency features, then (``model`` variant) the pooled vector, the first
    part of each sentence embedding (:func:`evalkit.readability.simplicity.sentence_embedding`)."""
    if variant == "features":
        return rows
    if embeddings is None or len(embeddings) != len(rows):
        raise ValueError("the 'model' variant needs one sentence embedding per sentence")
    pooled = load_model().embedding_dimension
    return np.hstack([rows, np.vstack([np.asarray(vector[:pooled], dtype=np.float64) for vector in embeddings])])


def _scorer(variant: Variant) -> FluencyScorer:
    parameters = load_model()
    return parameters.model if variant == "model" else parameters.features


def _inputs(
    texts: Sequence[str],
    flags: Sequence[Sequence[float]],
    embeddings: Sequence[npt.NDArray[np.float32]] | None,
    variant: Variant,
) -> FloatArray:
    rows = np.vstack([sentence_row(text, tuple(row)) for text, row in zip(texts, flags, strict=True)])
    return model_inputs(rows, embeddings, variant)


def malformed_probabilities(
    texts: Sequence[str],
    flags: Sequence[Sequence[float]],
    embeddings: Sequence[npt.NDArray[np.float32]] | None,
    *,
    variant: Variant,
) -> FloatArray:
    """``P(malformed)`` of each sentence, in [0, 1]."""
    return _scorer(variant).probabilities(_inputs(texts, flags, embeddings, variant))


def grade_penalties(
    texts: Sequence[str],
    flags: Sequence[Sequence[float]],
    embeddings: Sequence[npt.NDArray[np.float32]] | None,
    *,
    variant: Variant,
) -> FloatArray:
    """Grades added to each sentence's estimate for reading as malformed (:meth:`FluencyScorer.penalties`)."""
    return _scorer(variant).penalties(_inputs(texts, flags, embeddings, variant))


def prose_forms(document: Document) -> list[str | None]:
    """:func:`prose_form` of each sentence of a document (``None``: a lead-in, not judged alone)."""
    # a heading is a title only over other text: a lone unterminated line is a fragment, judged as it stands
    titled = any(not sentence.heading for sentence in document.sentences)
    forms: list[str | None] = []
    for index, sentence in enumerate(document.sentences):
        line_before = document.text[document.text.rfind("\n", 0, sentence.start) + 1 : sentence.start]
        previous = document.sentences[index - 1].text if index else ""
        forms.append(prose_form(sentence.text, line_before, previous, heading=sentence.heading and titled))
    return forms


def document_penalties(
    document: Document,
    flags: Sequence[Sequence[float]],
    embeddings: Sequence[npt.NDArray[np.float32]] | None,
    *,
    variant: Variant,
    form_vector: Callable[[str], npt.NDArray[np.float32]] | None = None,
) -> FloatArray:
    """:func:`grade_penalties` of a document's sentences, list items read as the sentences they stand for
    and lead-ins left alone (:func:`prose_form`). ``flags``: the sentences' malformation flags;
    ``form_vector``: the sentence embedding of a prose form that differs from its sentence (without it, the
    sentence's own embedding stands in)."""
    judged, texts, judged_flags, vectors = [], [], [], []
    for index, (sentence, form) in enumerate(zip(document.sentences, prose_forms(document), strict=True)):
        if form is None:
            continue
        as_written = form == sentence.text
        judged.append(index)
        texts.append(form)
        judged_flags.append(flags[index] if as_written else prose_flags(form))
        if embeddings is not None:
            vectors.append(embeddings[index] if as_written or form_vector is None else form_vector(form))
    penalties = np.zeros(len(document.sentences))
    if judged:
        penalties[judged] = grade_penalties(
            texts, judged_flags, vectors if embeddings is not None else None, variant=variant
        )
    return penalties
