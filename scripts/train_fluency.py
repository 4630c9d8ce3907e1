"""Train evalkit's well-formedness (fluency) estimate and write ``evalkit/data/fluency.json``.

Usage (from the repository root, after ``scripts/train_simplicity.py``, whose shipped estimate the grade
penalty is fitted against; encodings are cached, so a rerun takes a few minutes)::

    python scripts/train_fluency.py [--corpus ../shared/corpora/onestop-dev] [--output FILE]
        [--check-ratings ../shared/corpora/asset-ratings/human_ratings.csv]

1. Positives: every sentence of the OneStopEnglish dev corpus (Vajjala & Lučić, 2018; edited news text at
   three levels). Negatives: one deterministic corruption of each sentence of four words or more, of the
   kinds failing rewriting systems produce (:func:`corrupt`): words deleted, function words dropped, cut
   mid-clause, cut and left dangling on a conjunction, a word or phrase repeated, a span shuffled, the
   halves of two sentences merged, a skeleton joined by "and", stray punctuation; half of the deleted, cut
   and dangling ones also lose their terminal punctuation.
2. A word-class trigram model (:class:`evalkit.readability.fluency.ClassTrigrams`) is counted on the
   positives; with the malformation flags it gives the fluency features. A logistic regression per variant
   (``features``; ``model``: also the pooled all-MiniLM-L6-v2 embedding, the first part of
   :func:`evalkit.readability.simplicity.sentence_embedding`) separates positives from negatives
   (L2, Newton's method, deterministic).
3. The grade penalty per variant: with the shipped simplicity estimate fixed, the number of grades per unit of
   ``P(malformed)`` that makes a corrupted sentence come out harder than its source (pairwise logistic fit of
   one number, on out-of-fold probabilities from a 3-fold split of the training articles).
4. Everything is first run in 7-fold cross-validation *by article* — the same folds as the simplicity
   estimate, which is refitted on the training part of each fold — and the held-out figures are printed and
   stored: the classifier's accuracy and ROC AUC on held-out sentences and corruptions; the share of
   held-out corruptions the penalised estimate grades harder than their source; and the simplicity checks
   (aligned pairs ordered, articles ordered) with and without the penalty.

``--check-ratings``: Pearson r of the gain with the ASSET human simplicity ratings, and of the rewrite's
penalty with the fluency ratings, printed as a final check. Never used for fitting or choosing anything.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_simplicity as ts

from evalkit.document import Document
from evalkit.embeddings import DEFAULT_MODEL, EncodingStore
from evalkit.readability import analyse_document, analyse_sentence, formulas
from evalkit.readability.fluency import (
    FLUENCY_FEATURES,
    OWN_CLASS,
    ClassTrigrams,
    FluencyScorer,
    classes,
    fluency_features,
)
from evalkit.readability.simplicity import LinearScorer, pooled_part, sentence_embedding

SEED = 5150
VARIANTS = ("model", "features")
#: Trigram, bigram and unigram weights of the class model (fixed, not tuned).
INTERPOLATION = (0.6, 0.3, 0.1)
#: L2 strengths (standardised inputs): fluency features, embedding dimensions; the grade penalty.
LAMBDA_FEATURES = 1.0
LAMBDA_EMBEDDING = 10.0
LAMBDA_GRADE = 1.0
INNER_FOLDS = 5
#: Sentence lengths (words) whose distributions are matched between real and corrupted sentences.
LENGTH_BINS = np.asarray([3, 5, 7, 9, 11, 13, 15, 18, 21, 25, 30, 40])
MAX_LENGTH_WEIGHT = 10.0
#: Candidate shares of real (held-out) sentences whose P(malformed) costs nothing: the penalty starts above
#: this quantile. Chosen in cross-validation by :func:`choose_quantile`.
QUANTILES = (0.9, 0.95, 0.98, 0.99, 0.995)
#: The most held-out aligned-pair accuracy the penalty may cost (the estimate's reason to exist).
MAX_PAIR_LOSS = 0.002
DEFAULT_QUANTILE = 0.98  # used with --no-cv only
_DANGLERS = ("and", "but", "or", "which", "that", "because", "of", "the", "to", "with")


@dataclass(frozen=True)
class Sentence:
    article: str
    level: str
    index: int  # in its text; -1 for a corruption
    text: str
    flags: tuple[float, ...]
    vector: np.ndarray


@dataclass(frozen=True)
class Corrupted:
    source: Sentence
    broken: Sentence
    kind: str


KINDS = ("delete", "drop_function", "truncate", "dangling", "repeat", "shuffle", "merge", "skeleton", "punctuation")
#: kinds of corruption that are also left without terminal punctuation, in this share of cases: a sentence a
#: system cut short often lacks its full stop, and without such negatives an unterminated fragment ("The plant
#: is thought to be a living") reads like a headline, which the positives do contain
UNTERMINATED_KINDS = frozenset({"delete", "truncate", "dangling"})
UNTERMINATED_SHARE = 0.5


def corrupt(sentence: str, other: str, rng: random.Random) -> tuple[str, str] | None:
    """A broken version of ``sentence`` (``other``: another sentence of the text, for merges)."""
    words = sentence.split()
    if len(words) < 4:
        return None
    end = words[-1][-1] if words[-1][-1] in ".!?" else "."
    body = [*words[:-1], words[-1].rstrip(".!?")]
    kind = rng.choice(KINDS)
    out: list[str]
    if kind == "delete":
        share = rng.uniform(0.2, 0.6)
        out = [word for word in body if rng.random() > share] or body[:2]
    elif kind == "drop_function":
        out = [word for word in body if word.lower() not in OWN_CLASS or rng.random() < 0.3]
    elif kind == "truncate":
        out = body[: max(2, int(len(body) * rng.uniform(0.2, 0.75)))]
    elif kind == "dangling":
        out = [*body[: max(2, int(len(body) * rng.uniform(0.2, 0.75)))], rng.choice(_DANGLERS)]
    elif kind == "repeat":
        index = rng.randrange(len(body))
        length = rng.randint(1, 4)
        span = body[index : index + length]
        out = body[: index + length] + span * rng.randint(1, 3) + body[index + length :]
    elif kind == "shuffle":
        out = list(body)
        index = rng.randrange(max(1, len(out) - 3))
        window = out[index : index + rng.randint(3, 6)]
        rng.shuffle(window)
        out[index : index + len(window)] = window
    elif kind == "merge":
        tail = other.split()
        if len(tail) < 4:
            return None
        head = body[: max(2, int(len(body) * rng.uniform(0.3, 0.7)))]
        out = head + tail[int(len(tail) * rng.uniform(0.3, 0.7)) :]
        text = " ".join(out)
        return (text, kind) if text != sentence else None
    elif kind == "skeleton":
        kept = sorted(rng.sample(range(len(body)), max(2, len(body) // 3)))
        out = []
        for position, index in enumerate(kept):
            if position and rng.random() < 0.5:
                out.append("and")
            out.append(body[index])
    else:
        out = list(body)
        for _ in range(rng.randint(1, 4)):
            out.insert(rng.randrange(len(out) + 1), rng.choice(ts._JUNK))
    if kind in UNTERMINATED_KINDS and rng.random() < UNTERMINATED_SHARE:
        end = ""  # systems that cut a sentence short often leave it without its full stop
    text = " ".join(out).rstrip(",;:") + end
    return (text, kind) if text != sentence else None


def sentence(article: str, level: str, index: int, text: str, vector: np.ndarray) -> Sentence:
    flags = tuple(float(flag) for flag in analyse_sentence(text).flags)
    return Sentence(article, level, index, text, flags, vector.astype(np.float64))


def build_data(texts: dict[tuple[str, str], ts.Text], store: EncodingStore) -> tuple[list[Sentence], list[Corrupted]]:
    rng = random.Random(SEED)
    positives: list[Sentence] = []
    made: list[tuple[Sentence, str, str]] = []
    for (article, level), text in sorted(texts.items()):
        for index, sentence_text in enumerate(text.sentences):
            source = sentence(article, level, index, sentence_text, text.vectors[index])
            positives.append(source)
            other = text.sentences[rng.randrange(len(text.sentences))]
            broken = corrupt(sentence_text, other, rng)
            if broken is not None:
                made.append((source, broken[0], broken[1]))
    encodings = store.get_many(text for _, text, _ in made)
    corrupted = [
        Corrupted(source, sentence(source.article, source.level, -1, text, sentence_embedding(encodings[text])), kind)
        for source, text, kind in made
    ]
    return positives, corrupted


# ------------------------------------------------------------------------------------------- fitting


_ROWS: dict[int, tuple[ClassTrigrams, dict[str, np.ndarray]]] = {}


def trigram_rows(sentences: Sequence[Sentence], trigrams: ClassTrigrams) -> np.ndarray:
    """Fluency features of sentences under one trigram model (memoised per model and text)."""
    model, known = _ROWS.setdefault(id(trigrams), (trigrams, {}))
    for s in sentences:
        if s.text not in known:
            known[s.text] = fluency_features(s.text, s.flags, model)
    return np.vstack([known[s.text] for s in sentences])


def with_embedding(rows: np.ndarray, sentences: Sequence[Sentence], variant: str) -> np.ndarray:
    """The classifier's rows: the fluency features, then (``model``) the pooled part of each sentence's
    embedding (``Sentence.vector`` is the whole :func:`sentence_embedding`, which the simplicity estimate takes)."""
    if variant == "features":
        return rows
    return np.hstack([rows, np.vstack([pooled_part(s.vector) for s in sentences])])


def feature_rows(sentences: Sequence[Sentence], trigrams: ClassTrigrams, variant: str) -> np.ndarray:
    return with_embedding(trigram_rows(sentences, trigrams), sentences, variant)


def weighted_logistic(rows: np.ndarray, weights: np.ndarray, penalty: np.ndarray, iterations: int = 100) -> np.ndarray:
    """Minimise sum_i weights_i log(1 + exp(-rows_i @ w)) + penalty/2 * |w|^2 by Newton's method."""
    w = np.zeros(rows.shape[1])
    for _ in range(iterations):
        p = 0.5 * (1.0 + np.tanh(0.5 * (rows @ w)))
        gradient = -(rows.T @ (weights * (1.0 - p))) + penalty * w
        hessian = (rows.T * (weights * p * (1.0 - p))) @ rows + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    return w


def length_weights(positive_lengths: np.ndarray, negative_lengths: np.ndarray) -> np.ndarray:
    """Weights of the real sentences that give them the corruptions' distribution of lengths (words, in bins
    of :data:`LENGTH_BINS`), so that length — which the corruptions mostly shorten, and which simpler text
    shortens too — says nothing about well-formedness. Each weight is capped at :data:`MAX_LENGTH_WEIGHT`."""
    bins_pos = np.digitize(positive_lengths, LENGTH_BINS)
    bins_neg = np.digitize(negative_lengths, LENGTH_BINS)
    n_pos = np.bincount(bins_pos, minlength=len(LENGTH_BINS) + 1).astype(np.float64)
    n_neg = np.bincount(bins_neg, minlength=len(LENGTH_BINS) + 1).astype(np.float64)
    ratio = np.divide(n_neg, n_pos, out=np.zeros_like(n_neg), where=n_pos > 0)
    weights = np.minimum(ratio[bins_pos], MAX_LENGTH_WEIGHT)
    return weights * len(positive_lengths) / weights.sum()


def fit_classifier(
    positives: np.ndarray, negatives: np.ndarray, positive_lengths: np.ndarray, negative_lengths: np.ndarray
) -> FluencyScorer:
    rows = np.vstack([positives, negatives])
    mean = rows.mean(axis=0)
    scale = rows.std(axis=0)
    scale[scale < 1e-9] = 1.0
    standardised = np.hstack([(rows - mean) / scale, np.ones((len(rows), 1))])
    labels = np.concatenate([-np.ones(len(positives)), np.ones(len(negatives))])  # +1: malformed
    features = len(FLUENCY_FEATURES)
    penalty = np.concatenate(
        [np.full(features, LAMBDA_FEATURES), np.full(rows.shape[1] - features, LAMBDA_EMBEDDING), [1e-6]]
    )
    sample = np.concatenate([length_weights(positive_lengths, negative_lengths), np.ones(len(negatives))])
    weights = weighted_logistic(standardised * labels[:, None], sample, penalty)
    return FluencyScorer(mean, scale, weights[:-1], float(weights[-1]), 0.0)


def sentence_grade(scorer: LinearScorer, s: Sentence, variant: str) -> float:
    analysis = analyse_sentence(s.text)
    row = analysis.row if variant == "features" else np.concatenate([analysis.row, s.vector])
    return float(scorer.grades(row[None, :], np.asarray([s.flags]))[0])


def unit_value(text: ts.Text, indices: Sequence[int], values: np.ndarray) -> float:
    return float(np.average(values[list(indices)], weights=text.words[list(indices)]))


def fit_grade_penalty(
    corrupted: Sequence[Corrupted],
    pairs: Sequence[ts.Pair],
    texts: dict[tuple[str, str], ts.Text],
    probabilities: dict[tuple[str, str, int], float],
    scorer: LinearScorer,
    variant: str,
    threshold: float,
) -> float:
    """Grades per unit of P(malformed), fitted (pairwise logistic, one number) so that each corruption
    comes out harder than its source *and* the aligned pairs of the levels stay ordered — the penalty must
    not turn noise in P(malformed) on well-formed text into grades."""
    excess = FluencyScorer(np.zeros(0), np.ones(0), np.zeros(0), 0.0, 0.0, threshold).excess
    probabilities = dict(zip(probabilities, excess(np.asarray(list(probabilities.values()))), strict=True))
    offsets, rows = [], []
    for c in corrupted:
        offsets.append(sentence_grade(scorer, c.broken, variant) - sentence_grade(scorer, c.source, variant))
        key = (c.source.article, c.source.level, c.source.index)
        rows.append(probabilities[(*key[:2], -1 - key[2])] - probabilities[key])
    grades = {key: ts.text_grades(scorer, text, variant) for key, text in texts.items()}
    p_of = {
        key: np.asarray([probabilities[key[0], key[1], i] for i in range(len(text.sentences))])
        for key, text in texts.items()
    }
    for pair in pairs:
        hard, simple = (pair.article, pair.harder[0]), (pair.article, pair.simpler[0])
        offsets.append(
            unit_value(texts[hard], pair.harder[1], grades[hard])
            - unit_value(texts[simple], pair.simpler[1], grades[simple])
        )
        rows.append(
            unit_value(texts[hard], pair.harder[1], p_of[hard])
            - unit_value(texts[simple], pair.simpler[1], p_of[simple])
        )
    return float(ts.fit_logistic(np.asarray(rows)[:, None], np.asarray(offsets), np.asarray([LAMBDA_GRADE]))[0])


def fit_fluency(
    articles: set[str],
    positives: Sequence[Sentence],
    corrupted: Sequence[Corrupted],
    texts: dict[tuple[str, str], ts.Text],
    pairs: Sequence[ts.Pair],
    simplicity: dict[str, LinearScorer],
    quantiles: Sequence[float],
) -> tuple[ClassTrigrams, dict[float, dict[str, FluencyScorer]]]:
    """The trigram model and both variants' scorers (per threshold quantile), fitted on ``articles`` only.

    The trigram statistics of a training sentence (and of its corruption) come from a model counted on the
    *other* inner folds of articles (cross-fitting): counted on itself, a real sentence would look far more
    probable than a new one, and the classifier would learn that artefact."""
    train_pos = [s for s in positives if s.article in articles]
    train_cor = [c for c in corrupted if c.source.article in articles]
    ordered = sorted(articles)
    fold_of = {a: i % INNER_FOLDS for i, a in enumerate(ordered)}
    pos_rows = np.zeros((len(train_pos), len(FLUENCY_FEATURES)))
    neg_rows = np.zeros((len(train_cor), len(FLUENCY_FEATURES)))
    for fold in range(INNER_FOLDS):
        inner = ClassTrigrams.count([classes(s.text) for s in train_pos if fold_of[s.article] != fold], INTERPOLATION)
        here = [i for i, s in enumerate(train_pos) if fold_of[s.article] == fold]
        pos_rows[here] = trigram_rows([train_pos[i] for i in here], inner)
        here = [i for i, c in enumerate(train_cor) if fold_of[c.source.article] == fold]
        neg_rows[here] = trigram_rows([train_cor[i].broken for i in here], inner)
    trigrams = ClassTrigrams.count([classes(s.text) for s in train_pos], INTERPOLATION)
    pos_fold = np.asarray([fold_of[s.article] for s in train_pos])
    neg_fold = np.asarray([fold_of[c.source.article] for c in train_cor])
    train_texts = {key: text for key, text in texts.items() if key[0] in articles}
    train_pairs = [pair for pair in pairs if pair.article in articles]
    pos_len = np.asarray([len(s.text.split()) for s in train_pos])
    neg_len = np.asarray([len(c.broken.text.split()) for c in train_cor])
    scorers: dict[float, dict[str, FluencyScorer]] = {quantile: {} for quantile in quantiles}
    for variant in VARIANTS:
        pos_x = with_embedding(pos_rows, train_pos, variant)
        neg_x = with_embedding(neg_rows, [c.broken for c in train_cor], variant)
        # out-of-fold probabilities within the training articles, for the grade penalty
        probabilities: dict[tuple[str, str, int], float] = {}
        for fold in range(INNER_FOLDS):
            classifier = fit_classifier(
                pos_x[pos_fold != fold], neg_x[neg_fold != fold], pos_len[pos_fold != fold], neg_len[neg_fold != fold]
            )
            for i, p in zip(
                np.flatnonzero(pos_fold == fold), classifier.probabilities(pos_x[pos_fold == fold]), strict=True
            ):
                s = train_pos[i]
                probabilities[s.article, s.level, s.index] = float(p)
            for i, p in zip(
                np.flatnonzero(neg_fold == fold), classifier.probabilities(neg_x[neg_fold == fold]), strict=True
            ):
                c = train_cor[i].source
                probabilities[c.article, c.level, -1 - c.index] = float(p)
        real = [p for key, p in probabilities.items() if key[2] >= 0]
        c = fit_classifier(pos_x, neg_x, pos_len, neg_len)
        for quantile in quantiles:
            threshold = float(np.quantile(real, quantile))
            grade = fit_grade_penalty(
                train_cor, train_pairs, train_texts, probabilities, simplicity[variant], variant, threshold
            )
            scorers[quantile][variant] = FluencyScorer(c.mean, c.scale, c.weights, c.bias, grade, threshold)
    return trigrams, scorers


# ---------------------------------------------------------------------------------------- evaluation


def auc(positive_scores: np.ndarray, negative_scores: np.ndarray) -> float:
    """ROC AUC: the chance that a corruption scores more malformed than a real sentence (ties count half)."""
    scores = np.concatenate([positive_scores, negative_scores])
    order = scores.argsort(kind="stable")
    ranks = np.empty(len(scores))
    ranks[order] = np.arange(1, len(scores) + 1)
    for value in np.unique(scores):  # average ranks of ties
        tied = scores == value
        ranks[tied] = ranks[tied].mean()
    n_pos, n_neg = len(positive_scores), len(negative_scores)
    return float((ranks[n_pos:].sum() - n_neg * (n_neg + 1) / 2) / (n_pos * n_neg))


def text_probabilities(
    texts: dict[tuple[str, str], ts.Text],
    articles: set[str],
    trigrams: ClassTrigrams,
    scorer: FluencyScorer,
    variant: str,
) -> dict[tuple[str, str], np.ndarray]:
    found = {}
    for key, text in texts.items():
        if key[0] in articles:
            rows = np.vstack(
                [fluency_features(s, tuple(f), trigrams) for s, f in zip(text.sentences, text.flags, strict=True)]
            )
            found[key] = scorer.probabilities(rows if variant == "features" else np.hstack([rows, text.pooled]))
    return found


def cross_validate(
    texts: dict[tuple[str, str], ts.Text],
    pairs: list[ts.Pair],
    positives: list[Sentence],
    corrupted: list[Corrupted],
    vectors: dict[str, np.ndarray],
) -> dict[str, Any]:
    """Held-out figures per variant: the classifier's, and (per threshold quantile) the penalised estimate's."""
    articles = sorted({article for article, _ in texts})
    outcome: dict[str, dict[str, list[Any]]] = {variant: defaultdict(list) for variant in VARIANTS}
    old_corruptions = ts.build_corruptions(texts)
    for fold in range(ts.FOLDS):
        test = {a for i, a in enumerate(articles) if i % ts.FOLDS == fold}
        train = set(articles) - test
        simplicity = {v: ts.fit_variant(v, train, texts, pairs, old_corruptions, vectors) for v in VARIANTS}
        trigrams, fitted = fit_fluency(train, positives, corrupted, texts, pairs, simplicity, QUANTILES)
        held_pos = [s for s in positives if s.article in test]
        held_cor = [c for c in corrupted if c.source.article in test]
        for variant in VARIANTS:
            classifier, found = fitted[QUANTILES[0]][variant], outcome[variant]
            p_pos = classifier.probabilities(feature_rows(held_pos, trigrams, variant))
            p_neg = classifier.probabilities(feature_rows([c.broken for c in held_cor], trigrams, variant))
            found["auc"].append(auc(p_pos, p_neg))
            found["accuracy"].extend([*(p_pos < 0.5), *(p_neg >= 0.5)])
            p_source = dict(zip((s.text for s in held_pos), p_pos, strict=True))
            before = [
                sentence_grade(simplicity[variant], c.broken, variant)
                - sentence_grade(simplicity[variant], c.source, variant)
                for c in held_cor
            ]
            found["before/corruption_harder"].extend(b > 0 for b in before)
            for key, values in ts.evaluate(variant, simplicity[variant], test, texts, pairs).items():
                found[f"before/{key}"].extend(values)
            probabilities = text_probabilities(texts, test, trigrams, classifier, variant)
            for quantile in QUANTILES:
                scorer, name = fitted[quantile][variant], f"q{quantile}"
                found[f"{name}/grade_penalty"].append(scorer.grade_penalty)
                found[f"{name}/threshold"].append(scorer.threshold)
                for c, p, b in zip(held_cor, p_neg, before, strict=True):
                    excess = scorer.excess(np.asarray([p, p_source[c.source.text]]))
                    harder = b + scorer.grade_penalty * float(excess[0] - excess[1]) > 0
                    found[f"{name}/corruption_harder"].append(harder)
                    found[f"{name}/corruption_harder_{c.kind}"].append(harder)
                extra = {key: scorer.grade_penalty * scorer.excess(p) for key, p in probabilities.items()}
                for key, values in ts.evaluate(variant, simplicity[variant], test, texts, pairs, extra).items():
                    found[f"{name}/{key}"].extend(values)
        print(f"fold {fold} done", file=sys.stderr)
    figures: dict[str, Any] = {}
    for variant, found in outcome.items():
        figures[variant] = {key: round(float(np.mean(values)), 4) for key, values in sorted(found.items())}
    return figures


def choose_quantile(figures: dict[str, Any], variant: str) -> float:
    """The lowest threshold quantile (the most penalising) whose held-out penalty costs at most
    :data:`MAX_PAIR_LOSS` of the aligned pairs' accuracy and no correctly ordered article; else the highest."""
    found = figures[variant]
    for quantile in QUANTILES:
        name = f"q{quantile}"
        if (
            found[f"{name}/pairs_1_1"] >= found["before/pairs_1_1"] - MAX_PAIR_LOSS
            and found[f"{name}/articles_ordered"] >= found["before/articles_ordered"]
        ):
            return quantile
    return QUANTILES[-1]


def ratings_check(path: Path, store: EncodingStore) -> dict[str, float]:
    """Pearson r on ASSET: gain vs simplicity ratings (with and without the fluency penalty, both variants),
    the rewrite's penalty vs fluency ratings. A final check only."""
    from evalkit.readability import fluency, simplicity

    ratings: dict[str, dict[tuple[str, str], list[float]]] = defaultdict(lambda: defaultdict(list))
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            ratings[row["aspect"]][row["original"], row["simplification"]].append(float(row["rating"]))
    items = sorted(ratings["simplicity"])
    documents = {text: Document.from_text(text) for item in items for text in item}
    encodings = store.get_many(s.text for d in documents.values() for s in d.sentences)
    simple = np.asarray([np.mean(ratings["simplicity"][item]) for item in items])
    fluent = np.asarray([np.mean(ratings["fluency"][item]) for item in items])
    result = {}
    for variant in VARIANTS:
        base, penalised, penalty = {}, {}, {}
        for text, document in documents.items():
            analyses = analyse_document(document)
            rows = np.vstack([a.row for a in analyses])
            flags = np.asarray([a.flags for a in analyses], dtype=np.float64)
            weights = [max(a.counts.words, 1) for a in analyses]
            vecs = [sentence_embedding(encodings[s.text]) for s in document.sentences] if variant == "model" else None
            grades = simplicity.sentence_grades(rows, flags, vecs, variant=variant)  # type: ignore[arg-type]
            extra = fluency.grade_penalties(
                [s.text for s in document.sentences],
                flags.tolist(),
                vecs,
                variant=variant,  # type: ignore[arg-type]
            )
            base[text] = float(np.average(grades, weights=weights))
            penalised[text] = float(np.average(grades + extra, weights=weights))
            penalty[text] = float(np.average(extra, weights=weights))
        for name, grade in (("before", base), ("after", penalised)):
            gains = np.asarray([grade[o] - grade[s] for o, s in items])
            result[f"{variant}_gain_vs_simplicity_{name}"] = float(np.corrcoef(gains, simple)[0, 1])
        rewrite_penalty = np.asarray([penalty[s] for _, s in items])
        result[f"{variant}_penalty_vs_fluency"] = float(np.corrcoef(rewrite_penalty, fluent)[0, 1])
    fk = {}
    for text, document in documents.items():
        totals = formulas.TextCounts.total(a.counts for a in analyse_document(document))
        fk[text] = formulas.flesch_kincaid_grade(totals)
    result["flesch_kincaid_difference"] = float(np.corrcoef([fk[o] - fk[s] for o, s in items], simple)[0, 1])
    return {key: round(value, 4) for key, value in result.items()}


# ---------------------------------------------------------------------------------------------- main


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ts.SHARED / "corpora" / "onestop-dev")
    parser.add_argument("--output", type=Path, default=ts.REPO / "evalkit" / "data" / "fluency.json")
    parser.add_argument("--check-ratings", type=Path, default=None, help="ASSET ratings CSV (final check only)")
    parser.add_argument("--no-cv", action="store_true", help="skip the cross-validation")
    args = parser.parse_args(argv)

    if args.check_ratings is not None:
        print(json.dumps(ratings_check(args.check_ratings, ts.encoder_store()), indent=1))
        return 0

    store = ts.encoder_store()
    texts = ts.build_texts(ts.load_corpus(args.corpus), store)
    pairs = ts.build_pairs(texts)
    positives, corrupted = build_data(texts, store)
    articles = sorted({article for article, _ in texts})
    kinds = {kind: sum(c.kind == kind for c in corrupted) for kind in KINDS}
    print(f"{len(articles)} articles, {len(positives)} sentences, {len(corrupted)} corruptions {kinds}")

    figures: dict[str, Any] = {}
    if not args.no_cv:
        old = ts.build_corruptions(texts)
        vectors = {t: sentence_embedding(e).astype(np.float64) for t, e in store.get_many(c.text for c in old).items()}
        figures = cross_validate(texts, pairs, positives, corrupted, vectors)
        for variant, values in figures.items():
            print(variant, json.dumps(values))

    from evalkit.readability import simplicity

    chosen = {v: choose_quantile(figures, v) if figures else DEFAULT_QUANTILE for v in VARIANTS}
    print("threshold quantiles:", chosen)
    shipped = simplicity.load_model()
    trigrams, fitted = fit_fluency(
        set(articles),
        positives,
        corrupted,
        texts,
        pairs,
        {"model": shipped.model, "features": shipped.features},
        sorted(set(chosen.values())),
    )
    scorers = {variant: fitted[chosen[variant]][variant] for variant in VARIANTS}
    print("grade penalties:", {variant: round(scorer.grade_penalty, 3) for variant, scorer in scorers.items()})
    parameters = {
        "format": 1,
        "features": list(FLUENCY_FEATURES),
        "embedding_model": DEFAULT_MODEL,
        "embedding_dimension": len(pooled_part(positives[0].vector)),
        "trigrams": trigrams.to_dict(),
        "variants": {variant: scorer.to_dict() for variant, scorer in scorers.items()},
        "metadata": {
            "trained_by": "scripts/train_fluency.py",
            "corpus": f"OneStopEnglish (Vajjala & Lučić, 2018), dev part: {len(positives)} sentences of "
            f"{len(articles)} articles and {len(corrupted)} corruptions of them",
            "simplicity_parameters": simplicity.fingerprint(),
            "lambdas": {"features": LAMBDA_FEATURES, "embedding": LAMBDA_EMBEDDING, "grade": LAMBDA_GRADE},
            "cross_validation": f"{ts.FOLDS} folds by article (held-out figures)",
            "threshold_quantiles": chosen,
            "max_pair_loss": MAX_PAIR_LOSS,
            "figures": figures,
        },
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(parameters, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
