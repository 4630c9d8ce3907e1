"""The terminal view (rich): headline scores, then the evidence behind each."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from evalkit.writers import RenderContext, ReportDict
from evalkit.writers._words import counted


def _excerpt(span: dict[str, Any] | None, limit: int = 60) -> str:
    if not span:
        return "—"
    text = " ".join(span["text"].split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _pair(console: Console, report: ReportDict) -> None:
    readability, meaning, drift = report["readability"], report["meaning"], report["drift"]
    passed = report["verdict"]["passed"]
    title = Text(f"{report['id']}: ", style="bold")
    title.append("PASSED" if passed else "FAILED", style="bold green" if passed else "bold red")
    console.print(title)
    for failure in report["verdict"]["failures"]:
        console.print(f"  ✗ {failure['message']}", style="red", markup=False, highlight=False)

    headline = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    headline.add_column("question")
    headline.add_column("score", justify="right")
    headline.add_column("evidence")
    headline.add_row(
        "readability gain",
        f"{readability['gain']:+.2f} grades",
        f"grade {readability['original']['estimated_grade']:.1f} → {readability['rewrite']['estimated_grade']:.1f}, "
        f"{readability['original']['avg_sentence_words']:.1f} → {readability['rewrite']['avg_sentence_words']:.1f} "
        "words per sentence",
    )
    headline.add_row(
        "meaning preserved",
        f"{meaning['score']:.2f}",
        f"coverage {meaning['coverage']:.0%}, {counted(len(meaning['dropped']), 'sentence')} dropped, "
        f"{len(meaning['unsupported'])} unsupported",
    )
    headline.add_row(
        "factual drift",
        f"{drift['score']:.2f}",
        f"{drift['counts']['changed']} changed, {drift['counts']['added']} added, "
        f"{drift['counts']['dropped']} dropped ({drift['counts']['major']} major)",
    )
    console.print(headline)

    if drift["findings"]:
        findings = Table(title="findings", title_justify="left", show_lines=False, header_style="bold")
        for column in ("type", "category", "severity", "original", "rewrite"):
            findings.add_column(column, overflow="fold")
        for finding in drift["findings"]:
            style = "red" if finding["severity"] == "major" and finding["type"] != "dropped" else None
            findings.add_row(
                finding["type"], finding["category"], finding["severity"],
                _excerpt(finding["original"]), _excerpt(finding["rewrite"]), style=style,
            )  # fmt: skip
        console.print(findings)
    if meaning["dropped"]:
        console.print(Text("dropped sentences", style="bold"))
        for entry in meaning["dropped"]:
            console.print(f"  [{entry['start']}–{entry['end']}] {_excerpt(entry, 100)}", markup=False)
    console.print(Text(report["signature"], style="dim"), overflow="fold")


def render(reports: Sequence[ReportDict], context: RenderContext) -> str:
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=context.width or 110,
        force_terminal=context.color,
        color_system="auto" if context.color else None,
        highlight=False,
        soft_wrap=False,
    )
    if len(reports) > 1 or context.errors:
        summary = Table(title="evalkit", header_style="bold")
        for column in ("pair", "verdict", "gain", "meaning", "drift", "major"):
            summary.add_column(column, justify="right" if column not in ("pair", "verdict") else "left")
        for report in reports:
            passed = report["verdict"]["passed"]
            summary.add_row(
                report["id"], Text("passed" if passed else "FAILED", style="green" if passed else "red"),
                f"{report['readability']['gain']:+.2f}", f"{report['meaning']['score']:.2f}",
                f"{report['drift']['score']:.2f}", str(report["drift"]["counts"]["major"]),
            )  # fmt: skip
        console.print(summary)
        for error in context.errors:
            console.print(f"error: {error['message']}", style="red", markup=False)
    else:
        _pair(console, reports[0])
    return buffer.getvalue()
