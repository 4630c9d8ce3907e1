"""The HTML writer without a browser: escaping, the policy, text fidelity, row layout, nesting, paths.

What a browser must show (marks highlighted, notes on focus, no script from the input running) is tested
in tests/browser/test_html_browser.py.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evalkit import Evaluator
from evalkit.writers import RenderContext, get_writer
from evalkit.writers.html import default_html_path, render
from evalkit.writers.html_layers import Layer, overlay
from evalkit.writers.html_pair import HARD_GRADE, rows

ORIGINAL = (
    "The Golden Gate Bridge opened on 27 May 1937 after four years of work. "
    "It cost 35 million dollars, and eleven men died building it.\n\n"
    'Joseph Strauss led the project. "We will not stop until it is done," he said.'
)
REWRITE = (
    "The Golden Gate Bridge opened in 1938. Building it took four years.\n\n"
    "It cost 35 million dollars. Twelve men died building it. "
    "Joseph Straus led the work and people in Brussels paid for it."
)
PAYLOADS = (  # each would set window.__pwned if it ever ran (no "." in them: sentences stay whole)
    "<script>window['__pwned'] = 1</script>",
    "<img src=x onerror=\"window['__pwned'] = 2\">",
    "<a href=\"javascript:window['__pwned'] = 3\">a link</a>",
    "\"'><svg onload=window['__pwned']=4>",
    "</textarea></style></script><script>window['__pwned'] = 5</script>",
)


def hostile_texts() -> tuple[str, str]:
    """A pair whose sentences, quotes and names carry script payloads."""
    original = (
        f"The mayor said the plan {PAYLOADS[0]} would cost 12 million dollars. "
        f'Critics wrote "{PAYLOADS[1]} is not a plan" in the Daily Post. '
        f"Residents of Springfield {PAYLOADS[2]} met on Monday."
    )
    rewrite = (
        f"The mayor said the plan would cost 15 million dollars {PAYLOADS[3]}. "
        f'Critics wrote "{PAYLOADS[4]} is a bad plan" in the Daily Post. '
        "Residents met on Tuesday in Shelbyville."
    )
    return original, rewrite


@pytest.fixture(scope="module")
def report(fast_evaluator: Evaluator) -> dict[str, Any]:
    return fast_evaluator.evaluate(ORIGINAL, REWRITE, pair_id="bridge").to_dict()


@pytest.fixture(scope="module")
def hostile(fast_evaluator: Evaluator) -> dict[str, Any]:
    original, rewrite = hostile_texts()
    return fast_evaluator.evaluate(original, rewrite, pair_id="<img src=x onerror=\"window['__pwned']=6\">").to_dict()


class Page(HTMLParser):
    """Everything the tests need from a page: tags with attributes, the bodies of style and script, and
    the text inside each element with an id."""

    VOID = frozenset({"meta", "link", "br", "input", "img", "col", "hr", "rect", "line", "circle", "path", "polygon"})

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.bodies: dict[str, list[str]] = {"style": [], "script": []}
        self.text_by_id: dict[str, str] = {}
        self.open: list[tuple[str, str | None]] = []
        self.errors: list[str] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag in self.VOID:
            return
        self.open.append((tag, attributes.get("id")))
        if attributes.get("id"):
            self.text_by_id.setdefault(str(attributes["id"]), "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if not self.open or self.open[-1][0] != tag:
            self.errors.append(f"</{tag}> closes {self.open[-1] if self.open else None}")
            return
        self.open.pop()

    def handle_data(self, data: str) -> None:
        if self.open and self.open[-1][0] in self.bodies:
            self.bodies[self.open[-1][0]].append(data)
        for _, element_id in self.open:
            if element_id:
                self.text_by_id[element_id] += data


def page_of(*reports: dict[str, Any], errors: tuple[dict[str, Any], ...] = ()) -> str:
    return render(list(reports), RenderContext(errors=errors))


def test_registered_as_a_writer(report: dict[str, Any]) -> None:
    assert get_writer("html")([report], RenderContext()) == page_of(report)


def test_report_carries_both_texts(report: dict[str, Any]) -> None:
    assert report["original"]["text"] == ORIGINAL
    assert report["rewrite"]["text"] == REWRITE


def test_page_is_well_formed_and_deterministic(report: dict[str, Any]) -> None:
    page = page_of(report)
    parsed = Page(page)
    assert parsed.errors == []
    assert parsed.open == []
    ids = [str(a["id"]) for _, a in parsed.tags if a.get("id")]
    assert len(ids) == len(set(ids))
    assert page == page_of(report)
    assert page.startswith("<!DOCTYPE html>")


def test_policy_admits_only_the_page_own_style_and_script(report: dict[str, Any]) -> None:
    parsed = Page(page_of(report))
    policies = [
        a["content"] for tag, a in parsed.tags if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    ]
    assert len(policies) == 1
    directives = dict(d.strip().split(" ", 1) for d in str(policies[0]).split(";"))
    assert directives["default-src"] == "'none'"
    for tag, directive in (("style", "style-src"), ("script", "script-src")):
        (body,) = parsed.bodies[tag]
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert directives[directive] == f"'sha256-{digest}'"
    assert "unsafe-inline" not in str(policies[0]) and "http" not in str(policies[0])


def test_nothing_is_loaded_from_anywhere(report: dict[str, Any], hostile: dict[str, Any]) -> None:
    page = page_of(report, hostile)
    parsed = Page(page)
    for tag, attributes in parsed.tags:
        assert "src" not in attributes, tag
        if "href" in attributes:
            href = str(attributes["href"])
            assert href.startswith("#") or (tag == "link" and href.startswith("data:image/svg+xml")), href
    assert re.findall(r"url\((?!#)", "".join(parsed.bodies["style"])) == []
    assert set(re.findall(r"https?://[^'\" )]+", page)) <= {"http://www.w3.org/2000/svg"}


@pytest.mark.parametrize("batch", [False, True], ids=["pair", "batch"])
def test_hostile_text_is_escaped_everywhere(hostile: dict[str, Any], report: dict[str, Any], batch: bool) -> None:
    errors = ({"id": "<b onmouseover=x>bad</b>", "source": "pairs.jsonl", "line": 3, "message": PAYLOADS[0]},)
    page = page_of(hostile, report, errors=errors) if batch else page_of(hostile)
    parsed = Page(page)
    assert parsed.errors == []
    assert [tag for tag, _ in parsed.tags].count("script") == 1  # ours, at the end
    assert "img" not in [tag for tag, _ in parsed.tags]
    for tag, attributes in parsed.tags:
        for name, value in attributes.items():
            assert not name.startswith("on"), (tag, name)
            assert not str(value or "").strip().lower().startswith("javascript:"), (tag, name)
    for payload in PAYLOADS:
        assert payload not in page
    shown = "".join(text for element_id, text in parsed.text_by_id.items() if element_id == "main")
    for payload in PAYLOADS:  # shown as text
        assert payload in shown


def test_every_sentence_is_shown_once_and_exactly(report: dict[str, Any], hostile: dict[str, Any]) -> None:
    for item in (report, hostile):
        page = page_of(item)
        parsed = Page(page)
        for side in ("original", "rewrite"):
            text = item[side]["text"]
            for index, (start, end) in enumerate(item[side]["sentence_spans"]):
                element_id = f"p1-{side[0]}{index}"
                assert parsed.text_by_id[element_id] == text[start:end]
                assert page.count(f'id="{element_id}"') == 1


def test_findings_are_marked_on_their_sides(report: dict[str, Any]) -> None:
    findings = report["drift"]["findings"]
    assert {f["type"] for f in findings} >= {"changed", "added"}
    parsed = Page(page_of(report))
    marks = {a["id"]: a for tag, a in parsed.tags if tag == "mark" and a.get("id")}
    for number, finding in enumerate(findings, 1):
        for side in ("original", "rewrite"):
            mark_id = f"p1-f{number}-{side[0]}"
            if finding[side] is None:
                assert mark_id not in marks
                continue
            attributes = marks[mark_id]
            assert f"m-{finding['type']}" in str(attributes["class"])
            assert attributes["tabindex"] == "0"
            assert parsed.text_by_id[mark_id] == finding[side]["text"]
            assert parsed.text_by_id[str(attributes["aria-describedby"])] == finding["message"]  # its note


def test_a_finding_reaching_over_two_sentences_is_one_mark_in_two_fragments(report: dict[str, Any]) -> None:
    first_end, second_start = (
        report["original"]["sentence_spans"][0][1],
        report["original"]["sentence_spans"][1][0],
    )
    start, end = first_end - 5, second_start + 5
    text = report["original"]["text"]
    finding = {
        "type": "dropped", "category": "other", "kind": "other", "severity": "minor",
        "original": {"text": text[start:end], "start": start, "end": end}, "rewrite": None,
        "original_sentence": 0, "rewrite_sentence": None, "message": "spans two sentences",
    }  # fmt: skip
    crossing = {**report, "drift": {**report["drift"], "findings": [finding]}}
    page = page_of(crossing)
    parsed = Page(page)
    fragments = [a for tag, a in parsed.tags if tag == "mark" and a.get("data-fid") == "p1-f1"]
    assert len(fragments) == 2
    assert fragments[0]["id"] == "p1-f1-o" and fragments[0]["tabindex"] == "0"
    assert "id" not in fragments[1] and fragments[1]["data-cont"] == "1"
    ids = [str(a["id"]) for _, a in parsed.tags if a.get("id")]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("grades", [(12.0, 3.0), (9.0, 8.99), (4.0, 2.0)])
def test_hard_sentences_are_flagged_from_grade_nine_with_their_reasons(
    report: dict[str, Any], grades: tuple[float, float]
) -> None:
    hardest = [
        {
            "index": index,
            "start": start,
            "end": end,
            "text": "",
            "grade": grade,
            "words": 30,
            "reasons": [reason],
        }
        for (index, (start, end)), grade, reason in zip(
            enumerate(report["rewrite"]["sentence_spans"]),
            grades,
            ["30 words (over 25)", "passive voice"],
            strict=False,
        )
    ]
    changed = {**report, "readability": {**report["readability"], "hardest_sentences": hardest}}
    parsed = Page(page_of(changed))
    flags = [a for tag, a in parsed.tags if tag == "span" and a.get("class") == "hard-flag" and a.get("tabindex")]
    expected = [entry for entry in hardest if entry["grade"] >= HARD_GRADE]
    assert [flag["data-tip"] for flag in flags] == [entry["reasons"][0] for entry in expected]
    assert page_of(changed).count('<li><span class="grade">') == len(hardest)  # all are listed


def test_verdict_scores_and_target_are_at_the_top(report: dict[str, Any]) -> None:
    page = page_of(report)
    head = page[: page.index('<table class="sbs"')]
    assert ("Passed" if report["verdict"]["passed"] else "Failed") in head
    assert f"{report['readability']['gain']:+.2f}" in head
    assert f"{report['meaning']['score']:.2f}" in head
    assert f"{report['drift']['score']:.2f}" in head
    assert "Readability target" in head


@pytest.mark.parametrize(
    ("thresholds", "failures", "expected"),
    [
        ({"target": None}, [], "no target required"),  # the report lists the targets it meets
        ({"target": "govuk"}, [], "✓ met"),
        (
            {"target": "govuk"},
            [{"check": "target", "value": 1.5, "threshold": 0.0, "message": "misses by 1.50"}],
            "misses by 1.50",
        ),
    ],
)
def test_target_card(
    report: dict[str, Any], thresholds: dict[str, Any], failures: list[dict[str, Any]], expected: str
) -> None:
    changed = {
        **report,
        "settings": {**report["settings"], "thresholds": {**report["settings"]["thresholds"], **thresholds}},
        "verdict": {"passed": not failures, "failures": failures},
    }
    page = page_of(changed)
    card = page[page.index("Readability target") :]
    assert expected in card[: card.index("</div>")]


def test_a_report_without_texts_still_renders(report: dict[str, Any]) -> None:
    bare = {**report, "original": {k: v for k, v in report["original"].items() if k != "text"}}
    page = page_of(bare)
    assert "cannot be shown side by side" in page
    assert Page(page).errors == []


def test_batch_lists_pairs_worst_first_and_links_every_row(fast_evaluator: Evaluator, report: dict[str, Any]) -> None:
    same = fast_evaluator.evaluate(ORIGINAL, ORIGINAL, pair_id="same").to_dict()
    unrelated = fast_evaluator.evaluate(
        ORIGINAL, "Cats sleep a lot. Dogs bark at night.", pair_id="unrelated"
    ).to_dict()
    page = page_of(same, report, unrelated)
    parsed = Page(page)
    ids = {str(a["id"]) for _, a in parsed.tags if a.get("id")}
    links = [str(a["href"])[1:] for tag, a in parsed.tags if tag == "a" and str(a.get("href", "")).startswith("#")]
    assert links and set(links) <= ids
    rows = re.findall(r'<tr data-rank="\d+">.*?<a href="#([^"]+)"', page)
    assert rows[0] == "pair-3-unrelated"  # failed, the least meaning
    assert rows[-1] == "pair-1-same"
    assert page.count('<figure class="chart-box') == 4
    assert page.index('id="pair-3-unrelated"') < page.index('id="pair-1-same"')  # pair views follow the table


def test_errors_only_batch(report: dict[str, Any]) -> None:
    page = render([], RenderContext(errors=[{"id": "a", "source": "p.jsonl", "line": 2, "message": "bad line"}]))
    assert "could not be scored" in page and "bad line" in page
    assert Page(page).errors == []


# ------------------------------------------------------------------------------------------- rows


def fake_report(count_o: int, count_r: int, groups: list[tuple[list[int], list[int]]]) -> dict[str, Any]:
    def side(indices: list[int]) -> list[dict[str, int]]:
        return [{"index": i, "start": 0, "end": 0} for i in indices]

    return {
        "original": {"sentence_spans": [[i, i + 1] for i in range(count_o)]},
        "rewrite": {"sentence_spans": [[i, i + 1] for i in range(count_r)]},
        "meaning": {
            "alignment": [
                {"original": side(o), "rewrite": side(r), "kind": "", "similarity": 1.0, "moved": False}
                for o, r in groups
            ]
        },
    }


@pytest.mark.parametrize(
    ("count_o", "count_r", "groups", "expected"),
    [
        (2, 2, [([0], [0]), ([1], [1])], [([0], [0]), ([1], [1])]),
        (3, 2, [([0], [0]), ([2], [1])], [([0], [0]), ([1], []), ([2], [1])]),  # dropped original sentence
        (2, 3, [([0], [1]), ([1], [2])], [([], [0]), ([0], [1]), ([1], [2])]),  # invented first sentence
        (2, 4, [([0], [0]), ([1], [1])], [([0], [0]), ([1], [1]), ([], [2]), ([], [3])]),
        (3, 3, [([0], [2]), ([1, 2], [0, 1])], [([0], [2]), ([1, 2], [0, 1])]),  # moved: original order kept
        (2, 2, [([1], [0])], [([0], []), ([1], [0]), ([], [1])]),  # unaligned on both sides
    ],
)
def test_rows(
    count_o: int,
    count_r: int,
    groups: list[tuple[list[int], list[int]]],
    expected: list[tuple[list[int], list[int]]],
) -> None:
    result = rows(fake_report(count_o, count_r, groups))
    assert [(row.original, row.rewrite) for row in result] == expected


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_rows_place_every_sentence_once(data: st.DataObject) -> None:
    count_o = data.draw(st.integers(1, 8))
    count_r = data.draw(st.integers(1, 8))
    free_o, free_r = list(range(count_o)), list(range(count_r))
    groups = []
    for _ in range(data.draw(st.integers(0, 4))):
        if not free_o or not free_r:
            break
        o = data.draw(st.lists(st.sampled_from(free_o), min_size=1, max_size=2, unique=True))
        r = data.draw(st.lists(st.sampled_from(free_r), min_size=1, max_size=2, unique=True))
        free_o = [i for i in free_o if i not in o]
        free_r = [j for j in free_r if j not in r]
        groups.append((o, r))
    result = rows(fake_report(count_o, count_r, groups))
    assert sorted(i for row in result for i in row.original) == list(range(count_o))
    assert sorted(j for row in result for j in row.rewrite) == list(range(count_r))
    firsts = [row.original[0] for row in result if row.original]
    assert firsts == sorted(firsts)


# ----------------------------------------------------------------------------------------- layers


class Coverage(HTMLParser):
    """For every character of the text: the layers (``data-n``) whose elements enclose it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []
        self.text = ""
        self.covering: list[frozenset[str]] = []
        self.firsts: list[str] = []
        self.well_nested = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.stack.append((tag, str(attributes["data-n"])))
        if "data-first" in attributes:
            self.firsts.append(str(attributes["data-n"]))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1][0] != tag:
            self.well_nested = False
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text += data
        self.covering += [frozenset(n for _, n in self.stack)] * len(data)


layer_strategy = st.tuples(st.integers(0, 40), st.integers(0, 12), st.integers(0, 3), st.sampled_from(["span", "mark"]))


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from("ab <>&\"'\n"), min_size=1, max_size=40),
    raw=st.lists(layer_strategy, max_size=8),
    cut=st.tuples(st.integers(0, 40), st.integers(0, 40)),
)
def test_overlay_nests_and_covers_exactly(
    text: str, raw: list[tuple[int, int, int, str]], cut: tuple[int, int]
) -> None:
    start, end = sorted(min(c, len(text)) for c in cut)
    layers = [
        Layer(s, min(s + length, len(text)), rank, tag, (("data-n", str(n)),), first_attrs=(("data-first", ""),))
        for n, (s, length, rank, tag) in enumerate(raw)
    ]
    checker = Coverage()
    checker.feed(overlay(text, start, end, layers))
    checker.close()
    assert checker.well_nested and not checker.stack
    assert checker.text == text[start:end]
    for offset, covering in enumerate(checker.covering):
        position = start + offset
        assert covering == {str(n) for n, layer in enumerate(layers) if layer.start <= position < layer.end}
    shown = {str(n) for n, layer in enumerate(layers) if max(layer.start, start) < min(layer.end, end)}
    assert sorted(checker.firsts) == sorted(shown)  # first-only attributes once per shown layer


# ------------------------------------------------------------------------------------------ paths


@pytest.mark.parametrize(
    ("ids", "expected"),
    [
        (["seed"], "reports/seed.html"),
        (["002_a7b8.txt"], "reports/002_a7b8.txt.html"),
        (["../../etc/passwd"], "reports/etc-passwd.html"),
        (["a b/c"], "reports/a-b-c.html"),
        (["..."], "reports/pair.html"),
    ],
)
def test_default_html_path_for_one_pair(ids: list[str], expected: str) -> None:
    assert default_html_path(ids) == Path(expected)


def test_default_html_path_for_a_batch() -> None:
    path = default_html_path(["a", "b", "c"])
    assert path.parent == Path("reports") and re.fullmatch(r"batch-3-pairs-[0-9a-f]{10}\.html", path.name)
    assert default_html_path(["a", "b", "c"]) == path != default_html_path(["a", "b", "d"])
    with pytest.raises(ValueError, match="at least one"):
        default_html_path([])


def test_missing_and_unsupported_words_are_marked_on_their_sides(fast_evaluator: Evaluator) -> None:
    """A replaced word leaves no finding (one word said another way, mostly) but moves drift's content
    shares: the original's word is marked missing, the rewrite's unsupported, each with its own note."""
    report = fast_evaluator.evaluate(
        "Volterra is a walled town in the region of Tuscany in Italy.",
        "Volterra is a walled town in the island of Tuscany in Italy.",
    ).to_dict()
    words = re.findall(r'<span class="(mw[^"]*)">([^<]*)</span>', page_of(report))
    assert ("mw", "region") in words
    assert ("mw uw", "island") in words
