"""GitHub workflow commands: annotations at the file, line and column of the words."""

from __future__ import annotations

import re
from typing import Any

import pytest
from writer_support import Rendered

from evalkit.io import read_text
from evalkit.writers import RenderContext, get_writer
from evalkit.writers._locate import Location, Region
from evalkit.writers.github import command, escape_data, escape_property

COMMAND = re.compile(r"^::(?P<level>error|warning|notice)(?: (?P<props>[^:]*))?::(?P<message>.*)$")


def parse(text: str) -> list[dict[str, Any]]:
    annotations = []
    for line in text.splitlines():
        match = COMMAND.match(line)
        assert match, f"not a workflow command: {line!r}"
        props = dict(item.split("=", 1) for item in (match["props"] or "").split(",") if item)
        annotations.append({"level": match["level"], **props, "message": match["message"]})
    return annotations


def unescape(value: str) -> str:
    return value.replace("%2C", ",").replace("%3A", ":").replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")


def test_every_finding_annotation_carries_file_and_line(rendered: Rendered) -> None:
    annotations = parse(get_writer("github")(rendered.reports, rendered.context))
    findings = [a for a in annotations if a.get("title", "").startswith("evalkit%3A ") and "col" in a]
    assert findings, "no finding was annotated"
    for annotation in annotations[:-1]:
        assert "file" in annotation and int(annotation["line"]) >= 1
    assert annotations[-1]["level"] == "notice"
    assert "pairs passed" in annotations[-1]["message"]


def test_line_and_column_point_at_the_words(rendered: Rendered) -> None:
    spans = {}
    for report in rendered.reports:
        for finding in report["drift"]["findings"]:
            span = finding["rewrite"] or finding["original"]
            spans[f"{finding['message']} [pair {report['id']}]"] = span["text"]
    checked = 0
    for annotation in parse(get_writer("github")(rendered.reports, rendered.context)):
        if "col" not in annotation:
            continue
        path = rendered.folder / unescape(annotation["file"]).split("/")[-1]
        lines = re.split(r"\r\n|\n|\r", read_text(path).text)
        line = lines[int(annotation["line"]) - 1]
        words = line[int(annotation["col"]) - 1 : int(annotation["endColumn"])]
        if annotation["line"] == annotation["endLine"]:
            assert words == spans[unescape(annotation["message"])], annotation
            checked += 1
    assert checked >= 3


def test_crlf_and_bom_file(rendered: Rendered) -> None:
    annotations = parse(get_writer("github")(rendered.reports, rendered.context))
    harbour = [a for a in annotations if a.get("file", "").endswith("harbour.rewrite.txt") and "col" in a]
    assert any(a["line"] == "3" and "150" in a["message"] for a in harbour), harbour


def test_failures_and_errors_are_errors(rendered: Rendered) -> None:
    annotations = parse(get_writer("github")(rendered.reports, rendered.context))
    failed_checks = sum(1 for r in rendered.reports for f in r["verdict"]["failures"] if f["check"] != "major_findings")
    titled = [a for a in annotations if a["level"] == "error" and a.get("title") in
              ("evalkit%3A gain", "evalkit%3A meaning", "evalkit%3A drift", "evalkit%3A target")]  # fmt: skip
    assert len(titled) == failed_checks
    inputs = [a for a in annotations if a.get("title") == "evalkit%3A input"]
    assert len(inputs) == len(rendered.context.errors)
    assert any(a["file"].endswith("pairs.jsonl") and a["line"] == "2" for a in inputs)


def test_inline_pairs_point_at_their_pairs_file_line(rendered: Rendered) -> None:
    annotations = parse(get_writer("github")(rendered.reports, rendered.context))
    inline = [a for a in annotations if "[pair inline]" in a["message"]]
    assert inline and all(a["file"].endswith("pairs.jsonl") and a["line"] == "1" for a in inline)


@pytest.mark.parametrize(
    ("message", "expected"),
    [("a\nb", "a b"), ("50% off", "50%25 off"), ("x::error::y", "x::error::y")],
)
def test_messages_stay_on_one_line(message: str, expected: str) -> None:
    line = command("error", message)
    assert "\n" not in line and line == f"::error::{expected}"


def test_escaping() -> None:
    assert escape_data("a%b\r\nc") == "a%25b%0D%0Ac"
    assert escape_property("x,y:z") == "x%2Cy%3Az"
    line = command("warning", "m", location=Location("a,b.txt", Region(2, 3, 2, 7, 10, 4)), title="t: 1")
    assert line == "::warning file=a%2Cb.txt,line=2,endLine=2,col=3,endColumn=6,title=t%3A 1::m"


def test_no_reports(rendered: Rendered) -> None:
    assert parse(get_writer("github")([], RenderContext()))[-1]["message"] == "evalkit: 0 of 0 pairs passed"
