"""Agreement of evalkit's meaning metric with people, and its discrimination, on ../shared data.

    python scripts/measure_meaning.py asset      # Pearson r with ASSET mean meaning ratings (per item)
    python scripts/measure_meaning.py onestop    # ROC-AUC true vs mismatched pairs; truncation check
    python scripts/measure_meaning.py layers     # which model layer agrees best with people
    python scripts/measure_meaning.py baseline   # the rescaling baseline of the default layer

Reads ../shared (or $EVALKIT_SHARED); prints figures that reports/meaning.md records.
"""

from __future__ import annotations

import csv
import os
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

from evalkit import Evaluator, Pair, Settings
from evalkit import meaning as meaning_module
from evalkit.embeddings import DEFAULT_LAYER, DEFAULT_MODEL, TransformerEncoder

SHARED = Path(os.environ.get("EVALKIT_SHARED", Path(__file__).resolve().parents[1].parent / "shared"))


def asset_items() -> tuple[list[tuple[str, str]], dict[str, np.ndarray]]:
    ratings: dict[tuple[str, str], dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    with (SHARED / "corpora/asset-ratings/human_ratings.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            ratings[(row["original"], row["simplification"])][row["aspect"]].append(float(row["rating"]))
    items = list(ratings)
    means = {
        aspect: np.array([np.mean(ratings[item][aspect]) for item in items])
        for aspect in ("meaning", "fluency", "simplicity")
    }
    return items, means


def pearson(x: np.ndarray, y: np.ndarray) -> float:
    return float(np.corrcoef(x, y)[0, 1])


def auc(positive: list[float], negative: list[float]) -> float:
    wins = sum((p > n) + 0.5 * (p == n) for p in positive for n in negative)
    return wins / (len(positive) * len(negative))


def score_items(evaluator: Evaluator, items: list[tuple[str, str]]) -> list[dict]:
    pairs = [Pair(f"item-{i}", original, rewrite) for i, (original, rewrite) in enumerate(items)]
    reports = []
    for start in range(0, len(pairs), 32):
        for result in evaluator.evaluate_batch(pairs[start : start + 32]):
            if isinstance(result, Exception):
                raise result
            reports.append(result.to_dict())
    return reports


def asset(settings: Settings) -> None:
    items, means = asset_items()
    reports = score_items(Evaluator(settings), items)
    human = means["meaning"]
    columns = {
        "meaning.score": [r["meaning"]["score"] for r in reports],
        "meaning.recall": [r["meaning"]["recall"] for r in reports],
        "meaning.precision": [r["meaning"]["precision"] for r in reports],
        "meaning.coverage": [r["meaning"]["coverage"] for r in reports],
        "chrf": [r["meaning"]["chrf"] for r in reports],
        "-drift.score": [-r["drift"]["score"] for r in reports],
    }
    if reports[0]["meaning"]["bertscore"]:
        columns["bertscore.f1"] = [r["meaning"]["bertscore"]["f1"] for r in reports]
    print(f"ASSET meaning ratings, {len(items)} items, profile={settings.profile}")
    for name, values in columns.items():
        print(f"  Pearson r({name:18s}, human meaning) = {pearson(np.array(values), human):.3f}")
    print(
        f"  Pearson r(readability.gain, human simplicity) = "
        f"{pearson(np.array([r['readability']['gain'] for r in reports]), means['simplicity']):.3f}"
    )


def onestop_texts(level: str) -> dict[str, str]:
    folder = SHARED / "corpora/onestop-dev" / level
    return {path.stem: path.read_text(encoding="utf-8-sig") for path in sorted(folder.glob("*.txt"))}


def onestop(settings: Settings) -> None:
    adv, ele = onestop_texts("adv"), onestop_texts("ele")
    names = sorted(adv)
    evaluator = Evaluator(settings)
    true_pairs = [Pair(name, adv[name], ele[name]) for name in names]
    shift = [
        Pair(f"{name}~{names[(i + 7) % len(names)]}", adv[name], ele[names[(i + 7) % len(names)]])
        for i, name in enumerate(names)
    ]
    truncated = []
    for name in names:
        lines = [line for line in ele[name].splitlines() if line.strip()]
        keep = lines[: max(1, round(len(lines) * 2 / 3))]
        truncated.append(Pair(f"{name}-cut", adv[name], "\n".join(keep)))
    reports = {}
    for batch in (true_pairs, shift, truncated):
        for start in range(0, len(batch), 16):
            for result in evaluator.evaluate_batch(batch[start : start + 16]):
                if isinstance(result, Exception):
                    raise result
                reports[result.id] = result.to_dict()
    positive = [reports[p.id]["meaning"]["score"] for p in true_pairs]
    negative = [reports[p.id]["meaning"]["score"] for p in shift]
    print(f"OneStop adv->ele, {len(names)} articles, profile={settings.profile}")
    print(f"  ROC-AUC true vs mismatched (meaning.score) = {auc(positive, negative):.4f}")
    print(
        f"  meaning.score true: mean {np.mean(positive):.3f} min {np.min(positive):.3f}; "
        f"mismatched: mean {np.mean(negative):.3f} max {np.max(negative):.3f}"
    )
    lower = sum(reports[f"{n}-cut"]["meaning"]["coverage"] < reports[n]["meaning"]["coverage"] for n in names)
    expected_total = listed_total = 0
    for name, pair in zip(names, truncated, strict=True):
        full, cut = reports[name], reports[pair.id]
        kept = len(cut["rewrite"]["sentence_spans"])
        # original sentences whose only counterparts in the full rewrite were deleted
        expected = {
            entry["index"]
            for group in full["meaning"]["alignment"]
            if all(side["index"] >= kept for side in group["rewrite"])
            for entry in group["original"]
        }
        listed = {entry["index"] for entry in cut["meaning"]["dropped"]}
        expected_total += len(expected)
        listed_total += len(expected & listed)
    print(
        f"  last third deleted: coverage lower in {lower}/{len(names)}; original sentences whose "
        f"counterparts were deleted listed in meaning.dropped: {listed_total}/{expected_total}"
    )
    full_dropped = np.mean([len(reports[n]["meaning"]["dropped"]) / reports[n]["original"]["sentences"] for n in names])
    cut_dropped = np.mean(
        [len(reports[p.id]["meaning"]["dropped"]) / reports[p.id]["original"]["sentences"] for p in truncated]
    )
    print(
        f"  share of original sentences listed as dropped: full rewrite {full_dropped:.2f}, "
        f"last third deleted {cut_dropped:.2f}"
    )
    changed = [sum(f["type"] == "changed" for f in reports[n]["drift"]["findings"]) for n in names]
    print(f"  changed findings per true article: {np.mean(changed):.2f}")


def layers(settings: Settings) -> None:
    """Pearson r of meaning.score and plain BERTScore-F1 with ASSET meaning ratings, layer by layer.

    The rescaling baseline is measured per layer (as for the default layer) so the layers compare fairly.
    """
    items, means = asset_items()
    print("layer  baseline  r(meaning.score)  r(bertscore.f1)")
    for layer in range(1, 7):
        base = measure_baseline(layer)
        meaning_module.BASELINES[(DEFAULT_MODEL, layer)] = round(base, 2)
        reports = score_items(Evaluator(Settings(layer=layer, cache=settings.cache)), items)
        score = pearson(np.array([r["meaning"]["score"] for r in reports]), means["meaning"])
        f1 = pearson(np.array([r["meaning"]["bertscore"]["f1"] for r in reports]), means["meaning"])
        print(f"{layer:5d}  {base:8.3f}  {score:16.3f}  {f1:15.3f}")


def measure_baseline(layer: int = DEFAULT_LAYER, samples: int = 400) -> float:
    """Mean best-match cosine of a token in an unrelated sentence (ASSET originals vs other items'
    simplifications, both directions), the rescaling baseline of :mod:`evalkit.meaning`."""
    items, _ = asset_items()
    encoder = TransformerEncoder(None, layer=layer)
    originals = encoder.encode([original for original, _ in items])
    rewrites = encoder.encode([rewrite for _, rewrite in items])
    words_o = [meaning_module.model_tokens(o, e).words for (o, _), e in zip(items, originals, strict=True)]
    words_r = [meaning_module.model_tokens(r, e).words for (_, r), e in zip(items, rewrites, strict=True)]
    rng = np.random.default_rng(0)
    values = []
    for _ in range(samples):
        i, j = rng.choice(len(items), 2, replace=False)
        similarity = originals[i].tokens @ rewrites[j].tokens.T
        values.append(float(similarity.max(axis=1)[words_o[i]].mean()))
        values.append(float(similarity.max(axis=0)[words_r[j]].mean()))
    return float(np.mean(values))


def baseline(settings: Settings) -> None:
    layer = settings.layer or DEFAULT_LAYER
    print(f"baseline (mean best-match cosine, unrelated ASSET sentences), layer {layer}: {measure_baseline(layer):.3f}")


def main() -> None:
    what = sys.argv[1] if len(sys.argv) > 1 else "asset"
    profile = sys.argv[2] if len(sys.argv) > 2 else "default"
    settings = Settings(profile=profile)  # type: ignore[arg-type]
    {"asset": asset, "onestop": onestop, "layers": layers, "baseline": baseline}[what](settings)


if __name__ == "__main__":
    main()
