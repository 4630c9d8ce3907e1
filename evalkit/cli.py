"""The command line: parse, call the library, render. Nothing is scored here.

Every :class:`~evalkit.errors.EvalkitError` becomes one line on stderr and exit code 2 in :func:`main`;
exit 1 is reserved for a failed quality gate (``evalkit check``); 0 is success.
"""

from __future__ import annotations

import functools
import inspect
import os
import sys
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

try:  # typer >= 0.20 carries its own copy of click; its parser raises these
    from typer._click.exceptions import BadParameter, ClickException, UsageError
except ImportError:  # pragma: no cover - older typer runs on click itself
    from click import BadParameter, ClickException, UsageError  # type: ignore[assignment]

from evalkit._version import __version__
from evalkit.errors import EvalkitError, InputError

if TYPE_CHECKING:
    from evalkit.config import FileConfig, GateConfig
    from evalkit.settings import Settings

app = typer.Typer(
    name="evalkit",
    help="Evaluate plain-language rewrites: readability gain, meaning preservation and factual drift.",
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    markdown = "markdown"
    junit = "junit"
    github = "github"
    sarif = "sarif"
    html = "html"


class ProfileOption(StrEnum):
    default = "default"
    fast = "fast"


class ExecutorOption(StrEnum):
    local = "local"
    dask = "dask"


class PresetOption(StrEnum):
    lenient = "lenient"
    standard = "standard"
    strict = "strict"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"evalkit {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Evaluate plain-language rewrites: readability gain, meaning preservation and factual drift."""


def _warn(message: str, *, quiet: bool) -> None:
    if not quiet:
        typer.echo(f"evalkit: warning: {' '.join(message.split())}", err=True)


def _error(message: str) -> None:
    typer.echo(f"evalkit: error: {' '.join(message.split())}", err=True)


def _domain_errors(command: Callable[..., None]) -> Callable[..., None]:
    """Run a command, turning a domain error into one stderr line and its exit code (2), whoever invokes
    the app (the console script or a test runner)."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> None:
        try:
            command(*args, **kwargs)
        except EvalkitError as error:
            _fail(error.one_line(), error.exit_code)

    return run


def _write_output(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from evalkit.io import write_text_atomic

    write_text_atomic(output, text)


# --- options shared by score and check -----------------------------------------------------------------

FormatOpt = Annotated[
    OutputFormat | None,
    typer.Option(
        "--format",
        "-f",
        help="Output format (default: table, or 'format' in the config).",
        case_sensitive=False,
    ),
]
OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write the report to this file instead of stdout.")
]
WriteOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--write", metavar="FORMAT:FILE", help="Also write a report in another format to a file (repeatable)."
    ),
]
ConfigOpt = Annotated[
    Path | None,
    typer.Option("--config", help="Configuration file (default: nearest evalkit.toml or pyproject.toml)."),
]
NoConfigOpt = Annotated[bool, typer.Option("--no-config", help="Ignore configuration files.")]
PresetOpt = Annotated[
    PresetOption | None, typer.Option("--preset", help="Named bundle of thresholds.", case_sensitive=False)
]
MinGainOpt = Annotated[float | None, typer.Option("--min-gain", help="Minimum readability gain (grade levels).")]
TargetOpt = Annotated[str | None, typer.Option("--target", help="Readability target the rewrite must meet.")]
MinMeaningOpt = Annotated[float | None, typer.Option("--min-meaning", help="Minimum meaning score (0-1).")]
MaxDriftOpt = Annotated[float | None, typer.Option("--max-drift", help="Maximum drift score (0-1).")]
MaxMajorOpt = Annotated[int | None, typer.Option("--max-major", help="Maximum findings selected by --fail-on.")]
FailOnOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--fail-on",
        help="Findings that fail a pair: comma-separated TYPE:SEVERITY:CATEGORY selectors "
        "(e.g. 'changed,added:major,dropped:number'; 'none' for none); repeat it to add more. "
        "Implies --max-major 0 unless set.",
    ),
]
BaselineOpt = Annotated[
    Path | None,
    typer.Option("--baseline", help="Earlier results (.json or .jsonl): fail only pairs that got worse."),
]
ResultsOpt = Annotated[
    Path | None, typer.Option("--results", help="JSON Lines results file, written as each pair finishes.")
]
ResumeOpt = Annotated[bool, typer.Option("--resume", help="Continue an interrupted run from its --results file.")]
WorkersOpt = Annotated[
    int | None, typer.Option("--workers", min=1, help="Worker processes (each loads the model once).")
]
ExecutorOpt = Annotated[
    ExecutorOption | None,
    typer.Option(
        "--executor",
        help="Where batches are scored: local (this machine, --workers processes) or dask (a Dask cluster: "
        "--address, or a local one of --workers processes; needs evalkit[dask]).",
        case_sensitive=False,
    ),
]
AddressOpt = Annotated[
    str | None,
    typer.Option("--address", help="Dask scheduler to run on (tcp://HOST:8786); implies --executor dask."),
]
BatchSizeOpt = Annotated[int | None, typer.Option("--batch-size", min=1, help="Pairs per model pass (default 16).")]
ProfileOpt = Annotated[
    ProfileOption | None,
    typer.Option(help="default: with the transformer model; fast: model-free, lexical matching.", case_sensitive=False),
]
ModelOpt = Annotated[
    str | None,
    typer.Option(help="Local model folder or Hugging Face name (default: the embedded all-MiniLM-L6-v2)."),
]
LayerOpt = Annotated[int | None, typer.Option(help="Model layer for BERTScore (default: measured best).")]
DeviceOpt = Annotated[
    str | None, typer.Option(help="Torch device: cpu, cuda, cuda:1, mps, or auto (a GPU if any; default cpu).")
]
CacheOpt = Annotated[bool | None, typer.Option("--cache/--no-cache", help="Reuse encodings from earlier runs.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No warnings, progress or summary on stderr.")]
ProgressOpt = Annotated[
    bool | None,
    typer.Option("--progress/--no-progress", help="Progress bar on stderr (default: on a terminal, off in CI)."),
]


@dataclass(frozen=True)
class _Options:
    output_format: OutputFormat | None = None
    output: Path | None = None
    write: tuple[str, ...] = ()
    config: Path | None = None
    no_config: bool = False
    preset: PresetOption | None = None
    min_gain: float | None = None
    target: str | None = None
    min_meaning: float | None = None
    max_drift: float | None = None
    max_major: int | None = None
    fail_on: tuple[str, ...] | None = None  # each --fail-on as given (repeatable)
    baseline: Path | None = None
    results: Path | None = None
    resume: bool = False
    workers: int | None = None
    batch_size: int | None = None
    executor: ExecutorOption | None = None
    address: str | None = None
    profile: ProfileOption | None = None
    model: str | None = None
    layer: int | None = None
    device: str | None = None
    cache: bool | None = None
    quiet: bool = False
    progress: bool | None = None


def _shared_options(
    output_format: FormatOpt = None,
    output: OutputOpt = None,
    write: WriteOpt = None,
    config: ConfigOpt = None,
    no_config: NoConfigOpt = False,
    preset: PresetOpt = None,
    min_gain: MinGainOpt = None,
    target: TargetOpt = None,
    min_meaning: MinMeaningOpt = None,
    max_drift: MaxDriftOpt = None,
    max_major: MaxMajorOpt = None,
    fail_on: FailOnOpt = None,
    baseline: BaselineOpt = None,
    results: ResultsOpt = None,
    resume: ResumeOpt = False,
    workers: WorkersOpt = None,
    batch_size: BatchSizeOpt = None,
    executor: ExecutorOpt = None,
    address: AddressOpt = None,
    profile: ProfileOpt = None,
    model: ModelOpt = None,
    layer: LayerOpt = None,
    device: DeviceOpt = None,
    cache: CacheOpt = None,
    quiet: QuietOpt = False,
    progress: ProgressOpt = None,
) -> _Options:
    """The options ``score`` and ``check`` share, declared once: typer reads them from this signature."""
    return _Options(
        output_format, output, tuple(write or ()), config, no_config, preset, min_gain, target, min_meaning,
        max_drift, max_major, tuple(fail_on) if fail_on else None, baseline, results, resume, workers, batch_size,
        executor, address,
        profile, model, layer, device, cache, quiet, progress,
    )  # fmt: skip


def _with_shared_options(command: Callable[..., None]) -> Callable[..., None]:
    """Give ``command`` (whose last parameter is ``options: _Options``) the options of
    :func:`_shared_options`: typer sees each of them in the signature, the command gets one :class:`_Options`."""
    own = [p for p in inspect.signature(command, eval_str=True).parameters.values() if p.name != "options"]
    shared = list(inspect.signature(_shared_options, eval_str=True).parameters.values())

    @functools.wraps(command)
    def run(**kwargs: Any) -> None:
        command(
            **{p.name: kwargs[p.name] for p in own}, options=_shared_options(**{p.name: kwargs[p.name] for p in shared})
        )

    parameters = [*own, *shared]
    run.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    run.__annotations__ = {p.name: p.annotation for p in parameters}
    return run


@dataclass(frozen=True)
class _Run:
    """What the options resolve to once the configuration file is read."""

    file: FileConfig
    gate: GateConfig
    settings: Settings
    output_format: str


def _setup(options: _Options) -> _Run:
    from evalkit.config import GateConfig, check_target, load_config, parse_fail_on, threshold_flag
    from evalkit.settings import Settings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        file = load_config(options.config, discover=not options.no_config)
        flags: dict[str, object] = {}
        for key in ("min_gain", "min_meaning", "max_drift", "max_major"):
            value = getattr(options, key)
            if value is not None:
                flags[key] = threshold_flag(key, value, f"--{key.replace('_', '-')}")
        if options.target is not None:
            check_target(options.target)
            flags["target"] = options.target
        if options.fail_on is not None:  # repeated --fail-on options add up: "a" then "b" is "a,b"
            flags["fail_on"] = parse_fail_on(",".join(options.fail_on), "--fail-on")
        gate = GateConfig(file, preset=options.preset.value if options.preset else None, flags=flags)
        settings = Settings(
            profile=options.profile.value if options.profile else file.get("profile", "default"),
            model=options.model if options.model is not None else file.get("model"),
            layer=options.layer if options.layer is not None else file.get("layer"),
            device=options.device if options.device is not None else file.get("device", "cpu"),
            cache=options.cache if options.cache is not None else file.get("cache", True),
            thresholds=gate.thresholds_for(),
        )
    for warning in caught:
        _warn(str(warning.message), quiet=options.quiet)
    output_format = options.output_format.value if options.output_format else file.get("format", "table")
    return _Run(file, gate, settings, output_format)


def _extra_outputs(write: Sequence[str]) -> list[tuple[str, Path]]:
    from evalkit.writers import WRITERS

    outputs = []
    for item in write:
        name, separator, path = item.partition(":")
        if not separator or not path or name not in WRITERS:
            raise BadParameter(
                f"{item!r}: expected FORMAT:FILE with FORMAT one of {', '.join(sorted(WRITERS))}",
                param_hint="--write",
            )
        outputs.append((name, Path(path)))
    return outputs


def _render_all(run: _Run, options: _Options, reports: Sequence[dict[str, Any]], context_args: dict[str, Any]) -> None:
    from evalkit.writers import RenderContext, get_writer

    extra = _extra_outputs(options.write)
    output = options.output
    if run.output_format == "html" and output is None:
        from evalkit.writers.html import default_html_path

        output = default_html_path([report["id"] for report in reports])
        typer.echo(f"evalkit: HTML report written to {output}", err=True)
    color = output is None and run.output_format == "table" and sys.stdout.isatty()
    context = RenderContext(width=None, color=color, **context_args)
    _write_output(get_writer(run.output_format)(reports, context), output)
    plain = RenderContext(width=None, color=False, **context_args)
    for name, path in extra:
        from evalkit.io import write_text_atomic

        write_text_atomic(path, get_writer(name)(reports, plain))


@app.command()
@_domain_errors
@_with_shared_options
def score(
    original: Annotated[str | None, typer.Argument(help="The original text file ('-' for standard input).")] = None,
    rewrite: Annotated[str | None, typer.Argument(help="The rewrite of it ('-' for standard input).")] = None,
    pairs: Annotated[
        str | None,
        typer.Option("--pairs", help="Score many pairs: a .jsonl or .csv pairs file, or a folder of pairs."),
    ] = None,
    *,
    options: _Options,
) -> None:
    """Score one ORIGINAL text against its REWRITE, or many pairs with --pairs (exit 0 whatever the
    verdicts; 2 for unusable input)."""
    if pairs is not None:
        if original is not None or rewrite is not None:
            raise UsageError("give either ORIGINAL REWRITE or --pairs INPUT, not both")
        raise SystemExit(_run_pairs([pairs], options, gate=False))
    if original is None or rewrite is None:
        raise UsageError("give ORIGINAL and REWRITE, or --pairs INPUT")
    if (
        options.baseline is not None
        or options.results is not None
        or options.resume
        or options.executor is not None
        or options.address is not None
    ):
        raise UsageError("--baseline, --results, --resume, --executor and --address work with --pairs (many pairs)")
    _score_one(original, rewrite, options)


def _score_one(original: str, rewrite: str, options: _Options) -> None:
    from evalkit.gate import judge_report
    from evalkit.io import read_text
    from evalkit.pipeline import Evaluator

    if original == "-" and rewrite == "-":
        raise InputError("<stdin>", "only one of ORIGINAL and REWRITE can be read from standard input")
    run = _setup(options)
    _extra_outputs(options.write)
    sources = [read_text(original), read_text(rewrite)]
    pair_id = _pair_id(original, rewrite)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        report = Evaluator(run.settings).evaluate(sources[0], sources[1], pair_id=pair_id)
    for warning in caught:
        _warn(str(warning.message), quiet=options.quiet)
    for message in report.warnings:
        _warn(message, quiet=options.quiet)
    files = [name for name in (original, rewrite) if name != "-"]
    thresholds = run.gate.thresholds_for(pair_id, files)
    judged = report.to_dict()
    judged["verdict"] = judge_report(judged, thresholds).to_dict()
    judged["settings"] = {**judged["settings"], "thresholds": thresholds.to_dict()}
    paths = (None if original == "-" else original, None if rewrite == "-" else rewrite)
    _render_all(run, options, [judged], {"sources": {report.id: paths}})


@app.command()
@_domain_errors
@_with_shared_options
def check(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="INPUT",
            help="Pairs files (.jsonl, .csv), folders of pairs, or pair files (NAME.original.md ...); "
            "default: 'pairs' in the config.",
        ),
    ] = None,
    *,
    options: _Options,
) -> None:
    """The quality gate: score every pair and judge it. Exit 0 if all passed, 1 if any failed, 2 for a
    usage, configuration or input error."""
    raise SystemExit(_run_pairs(list(inputs or ()), options, gate=True))


def _show_progress(options: _Options) -> bool:
    if options.quiet or options.progress is False:
        return False
    if options.progress:
        return True
    return sys.stderr.isatty() and not os.environ.get("CI")


def _run_pairs(inputs: list[str], options: _Options, *, gate: bool) -> int:
    """Score many pairs; the exit code: 2 if any input was unusable, else (``gate``) 1 if any pair failed."""
    from evalkit.batch import DEFAULT_BATCH_SIZE, PairOutcome, load_baseline, run_batch
    from evalkit.pairs import load_pairs

    run = _setup(options)
    _extra_outputs(options.write)
    if not inputs:
        inputs = list(run.file.get("pairs", ()))
    if not inputs:
        raise UsageError("give INPUT (a pairs file, folder or pair files), or set 'pairs' in the config")
    results = options.results if options.results is not None else run.file.get("results")
    if options.resume and results is None:
        raise UsageError("--resume needs --results FILE (or 'results' in the config)")
    engine, address, workers = _engine(options, run)
    baseline_path = options.baseline if options.baseline is not None else run.file.get("baseline")
    baseline = load_baseline(baseline_path) if baseline_path is not None else None
    loaded = load_pairs(inputs)
    errors: list[dict[str, Any]] = []
    for problem in loaded.errors:
        _error(problem.one_line())
        errors.append({"id": None, "message": problem.one_line(), "source": problem.source, "line": problem.line})

    progress = None
    task = None
    if _show_progress(options) and loaded.pairs:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        progress = Progress(
            TextColumn("scoring"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
            console=Console(stderr=True), transient=True,
        )  # fmt: skip
        task = progress.add_task("scoring", total=len(loaded.pairs))
        progress.start()

    def on_result(outcome: PairOutcome) -> None:
        if outcome.error is not None:
            if progress is not None:
                progress.console.print(f"evalkit: error: {outcome.error.message}", markup=False, highlight=False)
            else:
                _error(outcome.error.message)
        if progress is not None and task is not None:
            progress.advance(task)

    def on_warning(message: str) -> None:
        if progress is not None and not options.quiet:
            progress.console.print(f"evalkit: warning: {message}", markup=False, highlight=False)
        else:
            _warn(message, quiet=options.quiet)

    outcomes: list[PairOutcome] = []
    try:
        outcomes = list(
            run_batch(
                loaded.pairs,
                run.settings,
                thresholds_for=lambda pair: run.gate.thresholds_for(pair.id, pair.paths),
                baseline=baseline,
                results=results,
                resume=options.resume,
                workers=workers,
                batch_size=options.batch_size or run.file.get("batch_size", DEFAULT_BATCH_SIZE),
                engine=engine,
                address=address,
                on_result=on_result,
                on_warning=on_warning,
            )
        )
    except KeyboardInterrupt:
        if progress is not None:
            progress.stop()
        where = f"; finished pairs are kept in {results}: run again with --resume to go on" if results else ""
        typer.echo(f"evalkit: interrupted{where}", err=True)
        return 130
    finally:
        if progress is not None:
            progress.stop()

    reports = [outcome.report for outcome in outcomes if outcome.report is not None]
    errors += [outcome.error.to_dict() for outcome in outcomes if outcome.error is not None]
    for message in dict.fromkeys(message for report in reports for message in report.get("warnings", ())):
        _warn(message, quiet=options.quiet)
    context_args = {
        "sources": {pair.id: (pair.original.path, pair.rewrite.path) for pair in loaded.pairs},
        "lines": {pair.id: (pair.source, pair.line) for pair in loaded.pairs if pair.line is not None},
        "errors": errors,
    }
    _render_all(run, options, reports, context_args)
    failed = sum(1 for report in reports if not report["verdict"]["passed"])
    if not options.quiet:
        summary = f"evalkit: {len(reports) - failed} of {len(reports)} pairs passed"
        if failed:
            summary += f", {failed} failed"
        if errors:
            summary += f"; {len(errors)} could not be scored"
        typer.echo(summary, err=True)
    if errors:
        return 2
    return 1 if gate and failed else 0


def _engine(options: _Options, run: _Run) -> tuple[str, str | None, int | None]:
    """The executor, scheduler address and workers of a run: flags, else the config file. ``--address``
    implies the Dask executor, whose workers then come from the cluster."""
    if options.executor is not None:
        engine: str = options.executor.value
    elif options.address is not None:
        engine = "dask"
    else:
        engine = run.file.get("executor", "dask" if run.file.get("address") else "local")
    workers = options.workers or run.file.get("workers")
    if engine == "local":
        if options.address is not None:
            raise UsageError("--address is for --executor dask (a Dask scheduler), not the local executor")
        return engine, None, workers
    address = options.address if options.address is not None else run.file.get("address")
    if address is None:
        return engine, None, workers
    if options.workers is not None:
        raise UsageError("--workers starts a local Dask cluster; with --address the cluster's workers are used")
    return engine, address, None


def _pair_id(original: str, rewrite: str) -> str:
    """The pair id: the original's file name without extension (``stdin`` for standard input)."""
    name = rewrite if original == "-" else original
    if name == "-":
        return "stdin"
    stem = Path(name).stem
    for suffix in (".original", ".rewrite", "_original", "-original"):
        if stem.endswith(suffix) and len(stem) > len(suffix):
            return stem[: -len(suffix)]
    return stem


def _fail(message: str, code: int = 2) -> NoReturn:
    typer.echo(f"evalkit: error: {message}", err=True)
    raise SystemExit(code)


def main() -> None:
    """Entry point: run the app, turning domain errors into one line and exit code 2."""
    try:
        app(standalone_mode=False)
    except EvalkitError as error:
        _fail(error.one_line(), error.exit_code)
    except KeyboardInterrupt:
        typer.echo("evalkit: interrupted", err=True)
        raise SystemExit(130) from None
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise SystemExit(1) from None
    except typer.Exit as done:
        raise SystemExit(done.exit_code) from None
    except (typer.Abort, EOFError):
        _fail("aborted", 1)
    except Exception as error:  # click usage errors arrive here too
        if isinstance(error, ClickException):
            error.show()
            raise SystemExit(error.exit_code) from None
        if os.environ.get("EVALKIT_DEBUG"):
            raise
        _fail(f"internal error: {type(error).__name__}: {error} (set EVALKIT_DEBUG=1 for the traceback)", 3)


if __name__ == "__main__":  # pragma: no cover
    main()
