"""Speed and memory of evalkit, measured (not asserted in timed tests): writes reports/benchmarks.md.

    python scripts/benchmark.py                 # everything (about 15 minutes on 2 cores)
    python scripts/benchmark.py --quick         # skip the 1,000-pair memory run
    python scripts/benchmark.py --model-free    # only the model-free rows, printed (a few minutes)

Inputs: the 63 adv -> ele pairs of ../shared/corpora/onestop-dev (or $EVALKIT_SHARED). Every run uses a
fresh, empty encoding cache, so model time is real. Figures:

* default profile: pairs per second, end to end (segmentation, encoding, alignment, all metrics, JSON),
  after the model is loaded and one unrelated example pair is scored (start-up is the cold-start row's);
* encode floor: encoding every distinct sentence of the same inputs exactly once with the embedded model
  in a bare loop (sorted by length, batches of 64, padded, as sentence-transformers does);
* model-free profile (``--profile fast``): pairs per second in one process; in two warm processes side by
  side, each scoring half the pairs, their clocks started together (both cores, start-up excluded: what
  a long run sustains); and with two worker processes (:func:`evalkit.batch.run_batch` with
  ``workers=2``, process start-up included);
* cold start: ``evalkit --help`` and ``evalkit score`` on one pair, each in a new process;
* peak memory (max RSS) of a 1,000-pair batch;
* cost against length: ten pairs one by one, then one pair made of the same ten texts joined (ten times
  the mean length; every sentence distinct, so encoding is measured too).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EVALKIT_SHARED", REPO.parent / "shared"))
ONESTOP = SHARED / "corpora" / "onestop-dev"
EXAMPLES = str(REPO / "corpora" / "examples")


def onestop_pairs() -> list[tuple[str, str, str]]:
    pairs = []
    for path in sorted((ONESTOP / "adv").glob("*.txt")):
        original = path.read_text(encoding="utf-8-sig")
        rewrite = (ONESTOP / "ele" / path.name).read_text(encoding="utf-8-sig")
        pairs.append((path.stem, original, rewrite))
    return pairs


def distinct(text: str, index: int) -> str:
    """``text`` with the word ``copy<index>`` inside every sentence (before its closing punctuation), so its
    sentences occur nowhere else."""
    from evalkit.document import Document

    pieces, last = [], 0
    for sentence in Document.from_text(text).sentences:
        end = sentence.end
        while end > sentence.start and not text[end - 1].isalnum():
            end -= 1
        pieces += [text[last:end], f" copy{index}"]
        last = end
    return "".join([*pieces, text[last:]])


def run_python(code: str, *, env: dict[str, str] | None = None) -> dict[str, float]:
    """Run ``code`` in a fresh interpreter; it prints one JSON object; returns it with the max RSS added."""
    wrapper = (
        "import json, resource, sys\n"
        f"{code}\n"
        "result['max_rss_mb'] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
        "print(json.dumps(result))\n"
    )
    output = subprocess.run(
        [sys.executable, "-c", wrapper], capture_output=True, text=True, check=True, env=env or os.environ.copy()
    )
    return json.loads(output.stdout.strip().splitlines()[-1])


def run_side_by_side(codes: list[str], *, env: dict[str, str]) -> list[dict[str, float]]:
    """Run each of ``codes`` (:data:`PIPELINE` with ``side_by_side=True``) in its own interpreter at once;
    when every one is warm (has printed ``ready``), start all their clocks together. Returns their results."""
    wrapper = "import json\n{code}\nprint(json.dumps(result))\n"
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", wrapper.format(code=code)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        for code in codes
    ]
    for process in processes:
        assert process.stdout is not None and process.stdout.readline().strip() == "ready"
    for process in processes:
        assert process.stdin is not None
        process.stdin.write("go\n")
        process.stdin.flush()
    results = []
    for process in processes:
        output, _ = process.communicate()
        if process.returncode:
            raise subprocess.CalledProcessError(process.returncode, process.args)
        results.append(json.loads(output.strip().splitlines()[-1]))
    return results


def distinct_copies(pairs: list[tuple[str, str, str]], count: int) -> list[list[str]]:
    """``count`` pairs cycling through ``pairs``, every sentence of each made distinct (:func:`distinct`),
    so no per-run memory of sentences or words from an earlier copy can make a later one cheaper."""
    many = []
    for index in range(count):
        name, original, rewrite = pairs[index % len(pairs)]
        many.append([f"{name}-{index}", distinct(original, index), distinct(rewrite, index)])
    return many


def model_free_rows(
    pairs: list[tuple[str, str, str]], work: Path, env: dict[str, str], copies: int = 8
) -> list[tuple[str, str, str]]:
    """The model-free profile's throughput: one warm process; two warm processes side by side, each with
    half the pairs (both cores, start-up excluded: the steady state of a long run);
    :func:`evalkit.batch.run_batch` with two workers, process start-up included; and the same over
    ``copies`` distinct copies of every pair (the nightly gate's case: a long run on both cores, start-up
    included but spread over many pairs)."""
    pairs_file = work / "pairs.json"
    pairs_file.write_text(json.dumps(pairs))
    fast = run_python(PIPELINE.format(pairs=str(pairs_file), profile="fast", batch=16, example=EXAMPLES,
                                      side_by_side=False), env=env)  # fmt: skip
    halves = []
    for half in range(2):
        half_file = work / f"pairs-half{half}.json"
        half_file.write_text(json.dumps(pairs[half::2]))
        halves.append(PIPELINE.format(pairs=str(half_file), profile="fast", batch=16, example=EXAMPLES,
                                      side_by_side=True))  # fmt: skip
    side_by_side = run_side_by_side(halves, env=env)
    both_seconds = max(result["seconds"] for result in side_by_side)
    both_pairs = sum(result["pairs"] for result in side_by_side)
    fast_two = run_python(WORKERS.format(pairs=str(pairs_file), profile="fast", workers=2, batch=4), env=env)
    long_file = work / "pairs-long.json"
    long_file.write_text(json.dumps(distinct_copies(pairs, copies * len(pairs))))
    long_two = run_python(WORKERS.format(pairs=str(long_file), profile="fast", workers=2, batch=4), env=env)
    return [
        (f"model-free profile, {len(pairs)} pairs, one process", f"{fast['seconds']:.2f} s, "
         f"{fast['pairs_per_second']:.1f} pairs/s", "target ≥ 50 pairs/s"),
        (f"model-free profile, {len(pairs)} pairs, two warm processes side by side (half the pairs each, "
         "start-up excluded)", f"{both_seconds:.2f} s, {both_pairs / both_seconds:.1f} pairs/s",
         "target ≥ 50 pairs/s"),
        (f"model-free profile, {len(pairs)} pairs, two worker processes (`run_batch(workers=2)`, start-up "
         "included)", f"{fast_two['seconds']:.2f} s, {fast_two['pairs_per_second']:.1f} pairs/s",
         "target ≥ 50 pairs/s"),
        (f"model-free profile, {copies * len(pairs)} distinct pairs ({copies} copies of each, every sentence "
         "made distinct), two worker processes (`run_batch(workers=2)`, start-up included)",
         f"{long_two['seconds']:.2f} s, {long_two['pairs_per_second']:.1f} pairs/s", "target ≥ 50 pairs/s"),
    ]  # fmt: skip


def fresh_env(cache: Path) -> dict[str, str]:
    env = os.environ.copy()
    env["EVALKIT_CACHE_DIR"] = str(cache)
    env["HF_HUB_OFFLINE"] = "1"
    env["TRANSFORMERS_OFFLINE"] = "1"
    return env


PIPELINE = """
import time, json
from pathlib import Path
from evalkit import Evaluator, Pair, Settings
pairs = [Pair(*row) for row in json.loads(Path({pairs!r}).read_text())]
evaluator = Evaluator(Settings(profile={profile!r}, cache=False))
if {profile!r} == "default":
    evaluator.encoder.load()  # load the model before the clock, as the floor does
# one-time start-up (word lists, dictionaries, the first forward pass) is the cold-start row's, not the
# throughput's: score an unrelated example pair before the clock
example = Path({example!r})
evaluator.evaluate((example / "river-cleanup.original.txt").read_text(encoding="utf-8"),
                   (example / "river-cleanup.rewrite.txt").read_text(encoding="utf-8"))
warm_up = evaluator.store.encoded if {profile!r} == "default" else 0
if {side_by_side!r}:  # started with others: say so, then wait until all are warm and the parent says go
    print("ready", flush=True)
    input()
start = time.perf_counter()
done = 0
for first in range(0, len(pairs), {batch}):
    for report in evaluator.evaluate_batch(pairs[first:first + {batch}]):
        report.to_json()
        done += 1
elapsed = time.perf_counter() - start
encoded = evaluator.store.encoded - warm_up if {profile!r} == "default" else 0
result = {{"pairs": done, "seconds": elapsed, "pairs_per_second": done / elapsed, "encoded": encoded}}
"""

WORKERS = """
import time, json
from pathlib import Path
from evalkit import Settings
from evalkit.batch import run_batch
from evalkit.pairs import PairSpec, TextRef
rows = json.loads(Path({pairs!r}).read_text())
specs = [PairSpec(name, TextRef(name + ":original", text=o), TextRef(name + ":rewrite", text=r), "bench")
         for name, o, r in rows]
start = time.perf_counter()
done = sum(1 for outcome in run_batch(specs, Settings(profile={profile!r}, cache=False), workers={workers},
                                      batch_size={batch}) if outcome.report is not None)
elapsed = time.perf_counter() - start
result = {{"pairs": done, "seconds": elapsed, "pairs_per_second": done / elapsed}}
"""

FLOOR = """
import time, json
from pathlib import Path
import torch
from transformers import AutoModel, AutoTokenizer
from transformers.utils import logging
logging.set_verbosity_error(); logging.disable_progress_bar()
from evalkit.document import Document
from evalkit.embeddings import default_model_path
pairs = json.loads(Path({pairs!r}).read_text())
sentences = sorted({{s.text for _, o, r in pairs for d in (Document.from_text(o), Document.from_text(r))
                     for s in d.sentences}}, key=len)
path = str(default_model_path())
tokenizer = AutoTokenizer.from_pretrained(path)
model = AutoModel.from_pretrained(path).eval()
start = time.perf_counter()
with torch.inference_mode():
    for first in range(0, len(sentences), 64):
        batch = tokenizer(sentences[first:first + 64], padding=True, truncation=True, return_tensors="pt")
        model(**batch)
elapsed = time.perf_counter() - start
result = {{"sentences": len(sentences), "seconds": elapsed}}
"""


def timed_command(command: list[str], env: dict[str, str], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    import torch

    return (
        f"{cpu}, {os.cpu_count()} cores{memory}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}, torch {torch.__version__} ({torch.get_num_threads()} threads)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the 1,000-pair memory run")
    parser.add_argument("--output", type=Path, help="default: reports/benchmarks.md (with --model-free: print only)")
    parser.add_argument("--model-free", action="store_true", help="only the model-free rows (a few minutes)")
    args = parser.parse_args()
    if args.output is None and not args.model_free:
        args.output = REPO / "reports" / "benchmarks.md"
    if not ONESTOP.is_dir():
        sys.exit(f"benchmark needs {ONESTOP}")
    work = Path(tempfile.mkdtemp(prefix="evalkit-bench-"))
    pairs = onestop_pairs()
    pairs_file = work / "pairs.json"
    pairs_file.write_text(json.dumps(pairs))
    env = fresh_env(work / "cache")
    rows: list[tuple[str, str, str]] = []
    if args.model_free:
        rows += model_free_rows(pairs, work, env)
        write(args.output, " --model-free", rows)
        shutil.rmtree(work, ignore_errors=True)
        return

    floor = run_python(FLOOR.format(pairs=str(pairs_file)), env=env)
    default = run_python(PIPELINE.format(pairs=str(pairs_file), profile="default", batch=16, example=EXAMPLES,
                                         side_by_side=False), env=env)  # fmt: skip
    ratio = default["seconds"] / floor["seconds"]
    rows.append(("encode floor (bare loop, every distinct sentence once)",
                 f"{floor['seconds']:.1f} s for {floor['sentences']} sentences", "—"))  # fmt: skip
    rows.append(("default profile, 63 pairs", f"{default['seconds']:.1f} s, {default['pairs_per_second']:.2f} pairs/s "
                 f"({default['encoded']} sentences encoded)", f"{ratio:.2f}× the floor (target ≤ 1.5×)"))  # fmt: skip
    rows += model_free_rows(pairs, work, env)

    # the script of this interpreter's environment first: a venv's python run without activating the venv
    beside = Path(sys.executable).parent / "evalkit"
    evalkit = str(beside) if beside.exists() else shutil.which("evalkit") or "evalkit"
    example = REPO / "corpora" / "examples"
    help_time = timed_command([evalkit, "--help"], env)
    rows.append(("`evalkit --help`", f"{help_time:.2f} s (median of 5)", "target < 0.5 s"))
    shutil.rmtree(work / "cache", ignore_errors=True)
    cold = timed_command(
        [evalkit, "score", "--no-cache", str(example / "river-cleanup.original.txt"),
         str(example / "river-cleanup.rewrite.txt"), "-f", "json"], env, repeat=3,
    )  # fmt: skip
    rows.append(("`evalkit score` one pair, cold, with the model", f"{cold:.2f} s (median of 3)", "target < 6 s"))

    # ten distinct pairs one by one, against one pair made of the same ten texts joined (ten times as long
    # as the average pair); repeating one text ten times would measure nothing, as every sentence is
    # encoded once per run
    singles = work / "singles.json"
    singles.write_text(json.dumps(pairs[:10]))
    joined = work / "joined.json"
    joined.write_text(json.dumps([["joined", "\n".join(row[1] for row in pairs[:10]),
                                   "\n".join(row[2] for row in pairs[:10])]]))  # fmt: skip
    one = run_python(PIPELINE.format(pairs=str(singles), profile="default", batch=1, example=EXAMPLES,
                                     side_by_side=False), env=env)  # fmt: skip
    ten = run_python(PIPELINE.format(pairs=str(joined), profile="default", batch=1, example=EXAMPLES,
                                     side_by_side=False), env=env)  # fmt: skip
    mean = one["seconds"] / one["pairs"]
    rows.append(("cost against length (the mean of ten pairs vs. one pair of the ten joined, ten times as long)",
                 f"{mean:.2f} s vs {ten['seconds']:.2f} s",
                 f"{ten['seconds'] / mean:.1f}× (target ≤ 12×)"))  # fmt: skip

    if not args.quick:
        thousand = work / "thousand.json"
        # every sentence distinct, so the run's memory of encodings fills as it would with 1,000 articles
        thousand.write_text(json.dumps(distinct_copies(pairs, 1000)))
        code = PIPELINE.format(pairs=str(thousand), profile="default", batch=16, example=EXAMPLES, side_by_side=False)
        memory = run_python(code, env=env)
        rows.append(("1,000 pairs (every sentence distinct), default profile",
                     f"peak RSS {memory['max_rss_mb']:.0f} MB, {memory['pairs_per_second']:.2f} pairs/s",
                     "target < 1.5 GB"))  # fmt: skip

    write(args.output, " --quick" if args.quick else "", rows)
    shutil.rmtree(work, ignore_errors=True)


#: Everything after this line in the output file is written by hand and kept when the table is rewritten.
PROSE_MARK = "<!-- end of the generated table: what follows is kept when the benchmark rewrites it -->"


def write(output: Path | None, flags: str, rows: list[tuple[str, str, str]]) -> None:
    """Print the table and write it to ``output`` (if given), keeping the hand-written text after
    :data:`PROSE_MARK`."""
    lines = [
        "# evalkit benchmarks",
        "",
        f"Command: `python scripts/benchmark.py{flags}`  ",
        f"Machine: {machine()}  ",
        f"Date: {time.strftime('%Y-%m-%d')}",
        "",
        "| measure | result | against the target |",
        "| --- | --- | --- |",
        *[f"| {a} | {b} | {c} |" for a, b, c in rows],
        "",
    ]
    print("\n".join(lines))
    if output is None:
        return
    previous = output.read_text(encoding="utf-8") if output.exists() else ""
    prose = previous.split(PROSE_MARK, 1)[1] if PROSE_MARK in previous else "\n"
    output.write_text("\n".join(lines) + "\n" + PROSE_MARK + prose, encoding="utf-8")


if __name__ == "__main__":
    main()
