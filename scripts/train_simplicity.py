"""Train evalkit's learned simplicity estimate and write ``evalkit/data/simplicity.json``.

Usage (from the repository root; ``../shared`` or ``$EVALKIT_SHARED`` holds the corpora). About ten
minutes on two CPU cores the first time, mostly encoding; encodings are cached, so a rerun takes a few::

    python scripts/train_simplicity.py [--corpus ../shared/corpora/onestop-dev] [--output FILE]
        [--ratings ../shared/corpora/asset-ratings/human_ratings.csv]

Data: the OneStopEnglish corpus (Vajjala & Lučić, 2018): each article at three reading levels (adv, int,
ele), same file name = same article. Only learned numbers are written, never text.

1. Every text is segmented and analysed exactly as ``evalkit score`` does (:func:`analyse_document`), and
   every sentence encoded with the embedded all-MiniLM-L6-v2 (:func:`sentence_embedding`: the pooled
   vector and the mean of the scoring layer's wordpieces).
2. The sentences of each pair of levels of an article are aligned (:func:`evalkit.alignment.align`, the
   meaning module's model settings; a 2–2 group whose diagonal is the better match is taken as two 1–1
   pairs). Each aligned pair whose words differ (not only its typography) is a training pair: the lower
   level must score simpler. A group of several sentences is scored by the word-weighted mean of its
   sentences, as a text is.
3. A linear scorer per variant (``features``: text features; ``model``: text features and the embedding)
   is fitted by L2-regularised pairwise logistic regression (Newton's method, deterministic).
4. Grade scale: the word-weighted mean score of each training text is mapped linearly onto the formulas'
   consensus grade — the slope from the within-article differences between levels (through the origin),
   the intercept from the means.
5. Malformation penalties: each training sentence (a fixed pseudo-random 35%) is corrupted the way broken
   rewrites are (words deleted, truncated, a skeleton joined by "and", words repeated, stray punctuation,
   local shuffles); with the scorer fixed, a non-negative-in-practice grade penalty per kind of
   malformation is fitted so that the corrupted sentence comes out harder than its source.
6. Everything above is first run in 7-fold cross-validation *by article* (no article is in both the
   training and the test part) and the held-out figures are printed and stored in the file's metadata:
   pair accuracy (the estimate picks the simpler sentence of an aligned pair), and the share of articles
   whose gains order the levels correctly (gain(adv->ele) > gain(adv->int) > 0). Then the shipped model
   is fitted on all articles.

``--ratings``: the Pearson correlation of the gain with human simplicity ratings on ASSET sentence pairs
is printed as a development sanity check. It is never used for fitting or choosing anything.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import reduce
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EVALKIT_SHARED", REPO.parent / "shared"))
sys.path.insert(0, str(REPO))

from evalkit.alignment import align  # noqa: E402
from evalkit.document import Document  # noqa: E402
from evalkit.embeddings import DEFAULT_LAYER, DEFAULT_MODEL, EncodingStore, TransformerEncoder  # noqa: E402
from evalkit.meaning import MODEL_ALIGNMENT  # noqa: E402
from evalkit.readability import analyse_document, analyse_sentence, formulas  # noqa: E402
from evalkit.readability.features import MALFORMATIONS  # noqa: E402
from evalkit.readability.simplicity import FEATURES, LinearScorer, sentence_embedding  # noqa: E402

LEVELS = ("adv", "int", "ele")  # hardest first
LEVEL_PAIRS = (("adv", "int"), ("adv", "ele"), ("int", "ele"))
FOLDS = 7
SEED = 20231
#: L2 strengths (on standardised inputs): text features, embedding dimensions, malformation penalties.
LAMBDA_FEATURES = 10.0
LAMBDA_EMBEDDING = 30.0
LAMBDA_PENALTIES = 30.0
CORRUPTED_SHARE = 0.35


@dataclass
class Text:
    article: str
    level: str
    sentences: list[str]
    rows: np.ndarray  # text features
    flags: np.ndarray  # malformation flags
    vectors: np.ndarray  # sentence embeddings (simplicity.sentence_embedding)
    pooled: np.ndarray  # pooled embeddings: for the alignment (as the meaning metric aligns), the fluency classifier
    words: np.ndarray  # weights (words, at least 1)
    consensus: float


@dataclass(frozen=True)
class Pair:
    article: str
    harder: tuple[str, tuple[int, ...]]  # (level, sentence indices)
    simpler: tuple[str, tuple[int, ...]]

    @property
    def one_to_one(self) -> bool:
        return len(self.harder[1]) == 1 and len(self.simpler[1]) == 1


@dataclass(frozen=True)
class Corruption:
    article: str
    level: str
    index: int
    text: str
    kind: str


# ---------------------------------------------------------------------------------------------- data


def load_corpus(corpus: Path) -> dict[tuple[str, str], Document]:
    names = sorted(path.name for path in (corpus / "adv").glob("*.txt"))
    if not names:
        raise SystemExit(f"no articles under {corpus}/adv")
    documents = {}
    for name in names:
        for level in LEVELS:
            text = (corpus / level / name).read_text(encoding="utf-8-sig")
            documents[name, level] = Document.from_text(text, name=f"{level}/{name}")
    return documents


def encoder_store() -> EncodingStore:
    from evalkit.cache import DiskCache

    return EncodingStore(TransformerEncoder(), disk=DiskCache())


def build_texts(documents: dict[tuple[str, str], Document], store: EncodingStore) -> dict[tuple[str, str], Text]:
    encodings = store.get_many(s.text for document in documents.values() for s in document.sentences)
    texts = {}
    for (article, level), document in documents.items():
        analyses = analyse_document(document)
        totals = reduce(lambda a, b: a + b, (analysis.counts for analysis in analyses))
        texts[article, level] = Text(
            article=article,
            level=level,
            sentences=[sentence.text for sentence in document.sentences],
            rows=np.vstack([analysis.row for analysis in analyses]),
            flags=np.asarray([analysis.flags for analysis in analyses], dtype=np.float64),
            vectors=np.vstack([sentence_embedding(encodings[s.text]) for s in document.sentences]).astype(np.float64),
            pooled=np.vstack([encodings[s.text].pooled for s in document.sentences]).astype(np.float64),
            words=np.asarray([max(a.counts.words, 1) for a in analyses], dtype=np.float64),
            consensus=formulas.battery(totals)["consensus_grade"],
        )
    return texts


def build_pairs(texts: dict[tuple[str, str], Text]) -> list[Pair]:
    pairs = []
    articles = sorted({article for article, _ in texts})
    for article in articles:
        for hard, simple in LEVEL_PAIRS:
            left, right = texts[article, hard], texts[article, simple]
            alignment = align(left.pooled.astype(np.float32), right.pooled.astype(np.float32), MODEL_ALIGNMENT)
            for group in alignment.groups:
                o, r = group.original, group.rewrite
                units: list[tuple[tuple[int, ...], tuple[int, ...]]]
                if len(o) == 2 and len(r) == 2:
                    a, b = left.pooled[list(o)], right.pooled[list(r)]
                    if a[0] @ b[0] + a[1] @ b[1] >= a[0] @ b[1] + a[1] @ b[0]:
                        units = [((o[0],), (r[0],)), ((o[1],), (r[1],))]
                    else:
                        units = [(o, r)]
                else:
                    units = [(o, r)]
                for oi, ri in units:
                    if _words(left.sentences[i] for i in oi) != _words(right.sentences[j] for j in ri):
                        pairs.append(Pair(article, (hard, oi), (simple, ri)))
    return pairs


_WORD = re.compile(r"[^\W_]+")


def _words(sentences: Iterable[str]) -> list[str]:
    """The words of some sentences, lower-cased: two units with the same words differ only in typography
    (quotation marks, a lost "£" or apostrophe: 154 one-to-one pairs of the corpus), and neither is simpler."""
    return [word for sentence in sentences for word in _WORD.findall(sentence.lower())]


_JUNK = ("(.),", ".,", "( ..)", ",", "(.)", "-", "),")


def corrupt(sentence: str, rng: random.Random) -> tuple[str, str] | None:
    """A broken version of a sentence, as failing rewriting systems produce them."""
    words = sentence.split()
    if len(words) < 4:
        return None
    end = words[-1][-1] if words[-1][-1] in ".!?" else "."
    body = [*words[:-1], words[-1].rstrip(".!?")]
    kind = rng.choice(["delete", "truncate", "skeleton", "repeat", "punctuation", "shuffle"])
    if kind == "delete":
        share = rng.uniform(0.3, 0.6)
        out = [word for word in body if rng.random() > share] or body[:2]
    elif kind == "truncate":
        out = body[: max(2, int(len(body) * rng.uniform(0.25, 0.7)))]
    elif kind == "skeleton":
        kept = sorted(rng.sample(range(len(body)), max(2, len(body) // 3)))
        out = []
        for position, index in enumerate(kept):
            if position and rng.random() < 0.5:
                out.append("and")
            out.append(body[index])
    elif kind == "repeat":
        index = rng.randrange(len(body))
        length = rng.randint(1, 3)
        span = body[index : index + length]
        out = body[: index + length] + span * rng.randint(2, 5) + body[index + length :]
    elif kind == "punctuation":
        out = list(body)
        for _ in range(rng.randint(2, 5)):
            out.insert(rng.randrange(len(out) + 1), rng.choice(_JUNK))
    else:
        out = list(body)
        index = rng.randrange(max(1, len(out) - 4))
        window = out[index : index + 6]
        rng.shuffle(window)
        out[index : index + 6] = window
    text = " ".join(out)
    if rng.random() < 0.5:
        text = re.sub(r"\s+([,.)])", r"\1", text)
    text = text.rstrip(",;:") + end
    return (text, kind) if text != sentence else None


def build_corruptions(texts: dict[tuple[str, str], Text]) -> list[Corruption]:
    rng = random.Random(SEED)
    corruptions = []
    for (article, level), text in sorted(texts.items()):
        for index, sentence in enumerate(text.sentences):
            if rng.random() < CORRUPTED_SHARE:
                made = corrupt(sentence, rng)
                if made is not None:
                    corruptions.append(Corruption(article, level, index, made[0], made[1]))
    return corruptions


# ------------------------------------------------------------------------------------------- fitting


def fit_logistic(rows: np.ndarray, offsets: np.ndarray, penalty: np.ndarray, iterations: int = 100) -> np.ndarray:
    """Minimise sum log(1 + exp(-(rows @ w + offsets))) + penalty/2 * |w|^2 by Newton's method."""
    weights = np.zeros(rows.shape[1])
    for _ in range(iterations):
        margin = rows @ weights + offsets
        p = 0.5 * (1.0 + np.tanh(0.5 * margin))  # stable sigmoid
        gradient = -(rows.T @ (1.0 - p)) + penalty * weights
        hessian = (rows.T * (p * (1.0 - p))) @ rows + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        weights -= step
        if np.abs(step).max() < 1e-10:
            break
    return weights


def inputs(text: Text, variant: str) -> np.ndarray:
    return text.rows if variant == "features" else np.hstack([text.rows, text.vectors])


def unit_mean(text: Text, indices: Sequence[int], variant: str) -> np.ndarray:
    rows = inputs(text, variant)[list(indices)]
    return np.average(rows, axis=0, weights=text.words[list(indices)])


def corrupted_inputs(
    corruption: Corruption, variant: str, vectors: dict[str, np.ndarray]
) -> tuple[np.ndarray, np.ndarray]:
    analysis = analyse_sentence(corruption.text)
    row = analysis.row if variant == "features" else np.concatenate([analysis.row, vectors[corruption.text]])
    return row, np.asarray(analysis.flags, dtype=np.float64)


def fit_variant(
    variant: str,
    articles: set[str],
    texts: dict[tuple[str, str], Text],
    pairs: list[Pair],
    corruptions: list[Corruption],
    vectors: dict[str, np.ndarray],
) -> LinearScorer:
    training = [text for (article, _), text in sorted(texts.items()) if article in articles]
    stacked = np.vstack([inputs(text, variant) for text in training])
    mean = stacked.mean(axis=0)
    scale = stacked.std(axis=0)
    scale[scale < 1e-9] = 1.0
    differences = np.array(
        [
            (unit_mean(texts[p.article, p.simpler[0]], p.simpler[1], variant)
             - unit_mean(texts[p.article, p.harder[0]], p.harder[1], variant)) / scale
            for p in pairs
            if p.article in articles
        ]
    )  # fmt: skip
    features = len(FEATURES)
    penalty = np.concatenate(
        [np.full(features, LAMBDA_FEATURES), np.full(differences.shape[1] - features, LAMBDA_EMBEDDING)]
    )
    weights = fit_logistic(differences, np.zeros(len(differences)), penalty)

    def score(rows: np.ndarray) -> np.ndarray:
        return np.asarray(((rows - mean) / scale) @ weights)

    # grade scale: slope from within-article level differences, intercept from the means
    text_scores = {
        (t.article, t.level): float(np.average(score(inputs(t, variant)), weights=t.words)) for t in training
    }
    delta_score, delta_grade = [], []
    for article in sorted(articles):
        for hard, simple in LEVEL_PAIRS:
            delta_score.append(text_scores[article, hard] - text_scores[article, simple])
            delta_grade.append(texts[article, hard].consensus - texts[article, simple].consensus)
    ds, dg = np.asarray(delta_score), np.asarray(delta_grade)
    slope = float(ds @ dg / (ds @ ds))
    all_scores = np.asarray(list(text_scores.values()))
    all_grades = np.asarray([texts[key].consensus for key in text_scores])
    intercept = float(all_grades.mean() - slope * all_scores.mean())

    # malformation penalties: a corrupted sentence must come out harder than its source
    rows, offsets = [], []
    for corruption in corruptions:
        if corruption.article not in articles:
            continue
        source = texts[corruption.article, corruption.level]
        broken_row, broken_flags = corrupted_inputs(corruption, variant, vectors)
        source_row = inputs(source, variant)[corruption.index]
        offsets.append(slope * float(score(broken_row[None, :])[0] - score(source_row[None, :])[0]))
        rows.append(broken_flags - source.flags[corruption.index])
    penalties = fit_logistic(np.asarray(rows), np.asarray(offsets), np.full(len(MALFORMATIONS), LAMBDA_PENALTIES))
    return LinearScorer(mean, scale, weights, intercept, slope, penalties)


def text_grades(scorer: LinearScorer, text: Text, variant: str) -> np.ndarray:
    return scorer.grades(inputs(text, variant), text.flags)


# ---------------------------------------------------------------------------------------- evaluation


def evaluate(
    variant: str,
    scorer: LinearScorer,
    articles: set[str],
    texts: dict[tuple[str, str], Text],
    pairs: list[Pair],
    extra: dict[tuple[str, str], np.ndarray] | None = None,
) -> dict[str, list[bool]]:
    """Held-out figures; ``extra``: grades added to each text's sentences (the fluency penalty)."""
    grades = {key: text_grades(scorer, text, variant) for key, text in texts.items() if key[0] in articles}
    if extra is not None:
        grades = {key: value + extra[key] for key, value in grades.items()}
    outcome: dict[str, list[bool]] = defaultdict(list)
    for pair in pairs:
        if pair.article not in articles:
            continue
        hard_text, simple_text = texts[pair.article, pair.harder[0]], texts[pair.article, pair.simpler[0]]
        hard = np.average(
            grades[pair.article, pair.harder[0]][list(pair.harder[1])],
            weights=hard_text.words[list(pair.harder[1])],
        )
        simple = np.average(
            grades[pair.article, pair.simpler[0]][list(pair.simpler[1])],
            weights=simple_text.words[list(pair.simpler[1])],
        )
        outcome["pairs_1_1" if pair.one_to_one else "pairs_groups"].append(bool(simple < hard))
        outcome["pairs_all"].append(bool(simple < hard))
    for article in sorted(articles):
        grade = {
            level: float(np.average(grades[article, level], weights=texts[article, level].words)) for level in LEVELS
        }
        to_int, to_ele = grade["adv"] - grade["int"], grade["adv"] - grade["ele"]
        outcome["articles_ordered"].append(to_ele > to_int > 0)
        consensus = {level: texts[article, level].consensus for level in LEVELS}
        c_int, c_ele = consensus["adv"] - consensus["int"], consensus["adv"] - consensus["ele"]
        outcome["articles_ordered_by_formulas"].append(c_ele > c_int > 0)
    return outcome


def asset_check(path: Path, scorers: dict[str, LinearScorer], store: EncodingStore) -> dict[str, float]:
    """Pearson r of the gain with the mean human simplicity rating of each ASSET item (sanity check)."""
    ratings: dict[tuple[str, str], list[float]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["aspect"] == "simplicity":
                ratings[row["original"], row["simplification"]].append(float(row["rating"]))
    items = sorted(ratings)
    documents = {text: Document.from_text(text) for item in items for text in item}
    encodings = store.get_many(s.text for d in documents.values() for s in d.sentences)
    human = np.asarray([np.mean(ratings[item]) for item in items])
    result = {}
    for variant, scorer in scorers.items():
        grade = {}
        for text, document in documents.items():
            analyses = analyse_document(document)
            rows = np.vstack([a.row for a in analyses])
            if variant == "model":
                rows = np.hstack([rows, np.vstack([sentence_embedding(encodings[s.text]) for s in document.sentences])])
            flags = np.asarray([a.flags for a in analyses], dtype=np.float64)
            weights = [max(a.counts.words, 1) for a in analyses]
            grade[text] = float(np.average(scorer.grades(rows, flags), weights=weights))
        gains = np.asarray([grade[o] - grade[s] for o, s in items])
        result[variant] = float(np.corrcoef(gains, human)[0, 1])
    fk = {}
    for text, document in documents.items():
        totals = reduce(lambda a, b: a + b, (a.counts for a in analyse_document(document)))
        fk[text] = formulas.flesch_kincaid_grade(totals)
    result["flesch_kincaid_difference"] = float(np.corrcoef([fk[o] - fk[s] for o, s in items], human)[0, 1])
    return result


# ---------------------------------------------------------------------------------------------- main


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpora" / "onestop-dev")
    parser.add_argument("--output", type=Path, default=REPO / "evalkit" / "data" / "simplicity.json")
    parser.add_argument("--ratings", type=Path, default=SHARED / "corpora" / "asset-ratings" / "human_ratings.csv")
    parser.add_argument("--no-cv", action="store_true", help="skip the cross-validation")
    args = parser.parse_args(argv)

    store = encoder_store()
    documents = load_corpus(args.corpus)
    texts = build_texts(documents, store)
    pairs = build_pairs(texts)
    corruptions = build_corruptions(texts)
    vectors = {
        t: sentence_embedding(e).astype(np.float64) for t, e in store.get_many(c.text for c in corruptions).items()
    }
    articles = sorted({article for article, _ in texts})
    one_to_one = sum(p.one_to_one for p in pairs)
    print(
        f"{len(articles)} articles, {len(pairs)} aligned pairs that differ ({one_to_one} one-to-one), ",
        end="",
    )
    print(f"{len(corruptions)} corrupted sentences")

    figures: dict[str, Any] = {}
    if not args.no_cv:
        for variant in ("model", "features"):
            outcome: dict[str, list[bool]] = defaultdict(list)
            for fold in range(FOLDS):
                test = {a for i, a in enumerate(articles) if i % FOLDS == fold}
                scorer = fit_variant(variant, set(articles) - test, texts, pairs, corruptions, vectors)
                for key, values in evaluate(variant, scorer, test, texts, pairs).items():
                    outcome[key].extend(values)
            figures[variant] = {key: round(float(np.mean(values)), 4) for key, values in sorted(outcome.items())}
            figures[variant]["counts"] = {key: len(values) for key, values in sorted(outcome.items())}
            print(variant, json.dumps(figures[variant]))

    scorers = {variant: fit_variant(variant, set(articles), texts, pairs, corruptions, vectors)
               for variant in ("model", "features")}  # fmt: skip
    if args.ratings.is_file():
        check = asset_check(args.ratings, scorers, store)
        print("ASSET simplicity ratings (sanity check, not used for fitting):", json.dumps(check))
        figures["asset_simplicity_pearson"] = {key: round(value, 4) for key, value in check.items()}

    parameters = {
        "format": 1,
        "features": list(FEATURES),
        "malformations": list(MALFORMATIONS),
        "embedding_model": DEFAULT_MODEL,
        "embedding_layer": DEFAULT_LAYER,
        "embedding_dimension": int(texts[articles[0], "adv"].vectors.shape[1]),
        "variants": {variant: scorer.to_dict() for variant, scorer in scorers.items()},
        "metadata": {
            "trained_by": "scripts/train_simplicity.py",
            "corpus": "OneStopEnglish (Vajjala & Lučić, 2018), dev part: "
            f"{len(articles)} articles at three levels; {len(pairs)} aligned sentence pairs",
            "lambdas": {
                "features": LAMBDA_FEATURES,
                "embedding": LAMBDA_EMBEDDING,
                "penalties": LAMBDA_PENALTIES,
            },
            "cross_validation": f"{FOLDS} folds by article (held-out figures)",
            "figures": figures,
        },
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(parameters, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
