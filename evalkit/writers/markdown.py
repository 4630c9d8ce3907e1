"""Markdown: fit for a pull-request comment or a CI job summary (``$GITHUB_STEP_SUMMARY``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from evalkit.writers import RenderContext, ReportDict
from evalkit.writers._words import counted


def _cell(text: object) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _quote(span: dict[str, Any] | None, limit: int = 80) -> str:
    if not span:
        return "—"
    text = " ".join(span["text"].split())
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return f"“{_cell(text)}” ({span['start']}–{span['end']})"


def verdict_label(report: ReportDict) -> str:
    return "✅ passed" if report["verdict"]["passed"] else "❌ failed"


def summary_table(reports: Sequence[ReportDict]) -> list[str]:
    lines = [
        "| pair | verdict | gain (grades) | meaning | coverage | drift | major findings |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for report in reports:
        counts = report["drift"]["counts"]
        lines.append(
            f"| {_cell(report['id'])} | {verdict_label(report)} | {report['readability']['gain']:+.2f} | "
            f"{report['meaning']['score']:.2f} | {report['meaning']['coverage']:.0%} | "
            f"{report['drift']['score']:.2f} | {counts['major']} |"
        )
    return lines


def pair_section(report: ReportDict, *, level: int = 2) -> list[str]:
    heading = "#" * level
    readability, meaning, drift = report["readability"], report["meaning"], report["drift"]
    lines = [f"{heading} {_cell(report['id'])}: {verdict_label(report)}", ""]
    for failure in report["verdict"]["failures"]:
        lines.append(f"- **{failure['check']}**: {_cell(failure['message'])}")
    if report["verdict"]["failures"]:
        lines.append("")
    lines += [
        "| question | headline | evidence |",
        "| --- | ---: | --- |",
        f"| readability gain | {readability['gain']:+.2f} grades | estimated grade "
        f"{readability['original']['estimated_grade']:.1f} → {readability['rewrite']['estimated_grade']:.1f}; "
        f"Flesch reading ease {readability['original']['flesch_reading_ease']:.0f} → "
        f"{readability['rewrite']['flesch_reading_ease']:.0f} |",
        f"| meaning preserved | {meaning['score']:.2f} | coverage {meaning['coverage']:.0%}, "
        f"{counted(len(meaning['dropped']), 'sentence')} dropped, {len(meaning['unsupported'])} unsupported |",
        f"| factual drift | {drift['score']:.2f} | {drift['counts']['changed']} changed, "
        f"{drift['counts']['added']} added, {drift['counts']['dropped']} dropped facts |",
        "",
    ]
    if drift["findings"]:
        lines += [
            f"{heading}# Findings",
            "",
            "| type | category | severity | original | rewrite | message |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        for finding in drift["findings"]:
            lines.append(
                f"| {finding['type']} | {finding['category']} | {finding['severity']} | "
                f"{_quote(finding['original'])} | {_quote(finding['rewrite'])} | {_cell(finding['message'])} |"
            )
        lines.append("")
    if meaning["dropped"]:
        lines += [f"{heading}# Dropped sentences", ""]
        lines += [f"- {_quote(entry, 160)}" for entry in meaning["dropped"]]
        lines.append("")
    if readability.get("hardest_sentences"):
        lines += [f"{heading}# Hardest sentences of the rewrite", ""]
        for entry in readability["hardest_sentences"]:
            reasons = "; ".join(entry["reasons"]) or "long, dense wording"
            lines.append(f"- {_quote(entry, 120)}: grade {entry['grade']:.1f}; {_cell(reasons)}")
        lines.append("")
    lines += [f"<sub>{_cell(report['signature'])}</sub>", ""]
    return lines


def render(reports: Sequence[ReportDict], context: RenderContext) -> str:
    lines: list[str] = []
    if len(reports) != 1 or context.errors:
        passed = sum(1 for report in reports if report["verdict"]["passed"])
        lines += [f"# evalkit: {passed} of {len(reports)} pairs passed", ""]
        lines += [*summary_table(reports), ""]
        for error in context.errors:
            lines.append(f"- ⚠️ {_cell(error['message'])}")
        if context.errors:
            lines.append("")
        for report in reports:
            if not report["verdict"]["passed"]:
                lines += pair_section(report, level=3)
    else:
        lines += pair_section(reports[0], level=2)
    return "\n".join(lines).rstrip() + "\n"
