"""GitHub Actions workflow commands: an annotation on the pull request for every failed check and every
major finding, at the file, line and column of the words it is about.

``::error`` for what failed the gate (a failed score check, a finding counted by the ``max_major`` check),
``::warning`` for other major findings; minor findings are left to the other formats. Values are escaped as
GitHub's toolkit does (``%``, CR, LF; plus ``:`` and ``,`` in properties), so no text from an article can
start a workflow command of its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from evalkit.writers import RenderContext, ReportDict
from evalkit.writers._locate import Location, display_path, finding_level, finding_side, locate


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, *, location: Location | None = None, title: str | None = None) -> str:
    """One workflow command line (``::error file=...,line=...::message``)."""
    properties: list[str] = []
    if location is not None:
        properties.append(f"file={escape_property(display_path(location.path))}")
        region = location.region
        if region is not None:
            properties.append(f"line={region.start_line}")
            properties.append(f"endLine={region.end_line}")
            if region.start_line == region.end_line and region.char_offset >= 0:
                properties.append(f"col={region.start_column}")
                properties.append(f"endColumn={max(region.start_column, region.end_column - 1)}")
        else:
            properties.append("line=1")
    if title:
        properties.append(f"title={escape_property(title)}")
    head = f"::{level} {','.join(properties)}" if properties else f"::{level}"
    return f"{head}::{escape_data(' '.join(message.split()))}"


def render(reports: Sequence[ReportDict], context: RenderContext) -> str:
    lines: list[str] = []
    for report in reports:
        pair = report["id"]
        for failure in report["verdict"]["failures"]:
            if failure["check"] == "major_findings":
                continue
            lines.append(
                command(
                    "error",
                    f"{failure['message']} [pair {pair}]",
                    location=locate(report, context, "rewrite", None),
                    title=f"evalkit: {failure['check']}",
                )
            )
        for finding in report["drift"]["findings"]:
            level = finding_level(report, finding)
            if level == "note":
                continue
            side, span = finding_side(finding)
            lines.append(
                command(
                    level,
                    f"{finding['message']} [pair {pair}]",
                    location=locate(report, context, side, span),
                    title=f"evalkit: {finding['type']} {finding['category']}",
                )
            )
    for error in context.errors:
        source, line = error.get("source"), error.get("line")
        location = None
        if source:
            from evalkit.writers._locate import Region

            region = Region(int(line), 1, int(line), 1, -1, 0) if line else None
            location = Location(str(source), region)
        lines.append(command("error", str(error["message"]), location=location, title="evalkit: input"))
    passed = sum(1 for report in reports if report["verdict"]["passed"])
    summary = f"evalkit: {passed} of {len(reports)} pairs passed"
    if context.errors:
        summary += f"; {len(context.errors)} could not be scored"
    lines.append(command("notice", summary, title="evalkit"))
    return "\n".join(lines) + "\n"
