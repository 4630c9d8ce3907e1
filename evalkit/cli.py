"""The command line: parse, call the library, render. Nothing is scored here.

Every :class:`~evalkit.errors.EvalkitError` becomes one line on stderr and exit code 2 in :func:`main`;
exit 1 is reserved for a failed quality gate (``evalkit check``); 0 is success.
"""

from __future__ import annotations

import os
import sys
import warnings
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from evalkit._version import __version__
from evalkit.errors import EvalkitError, InputError

app = typer.Typer(
    name="evalkit",
    help="Evaluate plain-language rewrites: readability gain, meaning preservation and factual drift.",
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"
    html = "html"


class ProfileOption(str, Enum):
    default = "default"
    fast = "fast"


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


def _write_output(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from evalkit.io import write_text_atomic

    write_text_atomic(output, text)


@app.command()
def score(
    original: Annotated[str, typer.Argument(help="The original text file ('-' for standard input).")],
    rewrite: Annotated[str, typer.Argument(help="The rewrite of it ('-' for standard input).")],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
    ] = OutputFormat.table,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to this file instead of stdout.")
    ] = None,
    profile: Annotated[
        ProfileOption,
        typer.Option(help="default: with the transformer model; fast: model-free, lexical matching."),
    ] = ProfileOption.default,
    model: Annotated[
        str | None,
        typer.Option(help="Local model folder or Hugging Face name (default: the embedded all-MiniLM-L6-v2)."),
    ] = None,
    layer: Annotated[int | None, typer.Option(help="Model layer for BERTScore (default: measured best).")] = None,
    device: Annotated[str, typer.Option(help="Torch device: cpu, cuda, cuda:1, mps.")] = "cpu",
    cache: Annotated[bool, typer.Option("--cache/--no-cache", help="Reuse encodings from earlier runs.")] = True,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No warnings on stderr.")] = False,
) -> None:
    """Score one ORIGINAL text against its REWRITE."""
    from evalkit.io import read_text
    from evalkit.pipeline import Evaluator
    from evalkit.settings import Settings
    from evalkit.writers import RenderContext, get_writer

    if original == "-" and rewrite == "-":
        raise InputError("<stdin>", "only one of ORIGINAL and REWRITE can be read from standard input")
    sources = [read_text(original), read_text(rewrite)]
    settings = Settings(profile=profile.value, model=model, layer=layer, device=device, cache=cache)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        report = Evaluator(settings).evaluate(sources[0], sources[1], pair_id=_pair_id(original, rewrite))
    for warning in caught:
        _warn(str(warning.message), quiet=quiet)
    for message in report.warnings:
        _warn(message, quiet=quiet)
    context = RenderContext(
        sources={report.id: (original, rewrite)},
        width=None,
        color=output is None and output_format is OutputFormat.table and sys.stdout.isatty(),
    )
    if output_format is OutputFormat.html and output is None:
        from evalkit.writers.html import default_html_path

        output = default_html_path([report.id])
        typer.echo(f"evalkit: HTML report written to {output}", err=True)
    _write_output(get_writer(output_format.value)([report.to_dict()], context), output)


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
        import click

        if isinstance(error, click.ClickException):
            error.show()
            raise SystemExit(error.exit_code) from None
        if os.environ.get("EVALKIT_DEBUG"):
            raise
        _fail(f"internal error: {type(error).__name__}: {error} (set EVALKIT_DEBUG=1 for the traceback)", 3)


if __name__ == "__main__":  # pragma: no cover
    main()
