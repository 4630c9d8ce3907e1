"""JUnit XML, read back with a real XML parser: one test case per pair."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from writer_support import Rendered

from evalkit.writers import RenderContext, get_writer


def test_one_testcase_per_pair(rendered: Rendered) -> None:
    root = ET.fromstring(get_writer("junit")(rendered.reports, rendered.context))
    assert root.tag == "testsuites"
    (suite,) = root.findall("testsuite")
    cases = suite.findall("testcase")
    errors = rendered.context.errors
    assert len(cases) == len(rendered.reports) + len(errors)
    assert [case.get("name") for case in cases[: len(rendered.reports)]] == [r["id"] for r in rendered.reports]
    failed = [r["id"] for r in rendered.reports if not r["verdict"]["passed"]]
    assert [case.get("name") for case in cases if case.find("failure") is not None] == failed
    assert len([case for case in cases if case.find("error") is not None]) == len(errors)
    assert suite.get("tests") == str(len(cases))
    assert suite.get("failures") == str(len(failed))
    assert suite.get("errors") == str(len(errors))
    named = {case.get("name"): case for case in cases}
    assert named["council"].get("file", "").endswith("council.rewrite.txt")
    for report in rendered.reports:
        if not report["verdict"]["passed"]:
            failure = named[report["id"]].find("failure")
            assert failure is not None
            assert failure.get("message") == report["verdict"]["failures"][0]["message"]


def test_text_that_xml_cannot_carry_is_dropped(rendered: Rendered) -> None:
    report = dict(rendered.reports[0], id="bad\x00id\x1b<&>")
    root = ET.fromstring(get_writer("junit")([report], RenderContext()))
    assert root.find("testsuite/testcase").get("name") == "badid<&>"  # type: ignore[union-attr]
