"""Pass rates of the gate's presets (evalkit/config.py PRESETS) on human rewrites and on wrong pairs.

    python scripts/calibrate_presets.py [--articles N] [--profile default|fast]

Scores ``../shared/corpora/onestop-dev`` advanced -> intermediate and advanced -> elementary (human
rewrites that keep the facts), the same originals against the elementary rewrite of *another* article (a
rewrite of the wrong text), and ``corpora/examples`` (the project's own pairs; some carry deliberate drift).
Prints the score ranges and, per preset, the share of pairs that pass. A preset should pass the human
rewrites it is meant for and fail every wrong pair.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from evalkit import Evaluator, Pair, Settings, read_text  # noqa: E402
from evalkit.config import PRESETS, FileConfig, GateConfig  # noqa: E402
from evalkit.gate import judge_report  # noqa: E402
from evalkit.pairs import load_pairs  # noqa: E402


def _spread(values: list[float]) -> str:
    return f"{min(values):.2f} / {statistics.median(values):.2f} / {max(values):.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=20, help="OneStop articles to use (of 63)")
    parser.add_argument("--profile", default="default", choices=["default", "fast"])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="the ../shared folder")
    args = parser.parse_args()

    evaluator = Evaluator(Settings(profile=args.profile, cache=False))
    onestop = args.shared / "corpora" / "onestop-dev"
    if not (onestop / "adv").is_dir():
        parser.error(f"{onestop} not found: give the shared folder with --shared")
    names = sorted(path.name for path in (onestop / "adv").glob("*.txt"))[: args.articles]
    shifted = names[1:] + names[:1]
    sets: dict[str, list[Pair]] = {
        "onestop adv->int": [Pair(n, read_text(onestop / "adv" / n), read_text(onestop / "int" / n)) for n in names],
        "onestop adv->ele": [Pair(n, read_text(onestop / "adv" / n), read_text(onestop / "ele" / n)) for n in names],
        "wrong text": [
            Pair(n, read_text(onestop / "adv" / n), read_text(onestop / "ele" / m))
            for n, m in zip(names, shifted, strict=True)
        ],
        "corpora/examples": [Pair(spec.id, *spec.load()) for spec in load_pairs([REPO / "corpora" / "examples"]).pairs],
    }
    print(f"profile {args.profile}, {len(names)} OneStop articles\n")
    print("| pairs | meaning (min / median / max) | drift (min / median / max) | " + " | ".join(PRESETS) + " |")
    print("| --- | --- | --- | " + " | ".join("---:" for _ in PRESETS) + " |")
    for label, pairs in sets.items():
        reports = [result.to_dict() for result in evaluator.evaluate_batch(pairs) if not isinstance(result, Exception)]
        meaning = [report["meaning"]["score"] for report in reports]
        drift = [report["drift"]["score"] for report in reports]
        rates = []
        for preset in PRESETS:
            thresholds = GateConfig(FileConfig(), preset=preset).thresholds_for()
            passed = sum(judge_report(report, thresholds).passed for report in reports)
            rates.append(f"{passed / len(reports):.0%}")
        print(f"| {label} ({len(reports)}) | {_spread(meaning)} | {_spread(drift)} | " + " | ".join(rates) + " |")


if __name__ == "__main__":
    main()
