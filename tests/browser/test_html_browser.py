"""The HTML report in a real browser (issue 7's acceptance): it loads from disk with no console error and
no network request, shows the seed pair's findings highlighted with their notes on hover and keyboard
focus, sorts and links the batch table, and shows hostile text without running it. Screenshots land in
reports/screenshots/ (gitignored)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from evalkit import Evaluator, read_text
from evalkit.io import TextSource
from evalkit.writers import RenderContext
from evalkit.writers.html import render

pytestmark = pytest.mark.browser

ORIGINAL_CELLS = "table.sbs td:nth-child(1)"
REWRITE_CELLS = "table.sbs td:nth-child(3)"
#: The top of a page: verdict, scores and the first rows of both texts.
FIRST_SCREENS = {"x": 0, "y": 0, "width": 1400, "height": 1800}

PAYLOADS = (  # each would set window.__pwned if it ever ran
    "<script>window['__pwned'] = 1</script>",
    "<img src=x onerror=\"window['__pwned'] = 2\">",
    "<a href=\"javascript:window['__pwned'] = 3\">a link</a>",
    "\"'><svg onload=window['__pwned']=4>",
    "</textarea></style></script><script>window['__pwned'] = 5</script>",
)
HOSTILE_ORIGINAL = (
    f"The mayor said the plan {PAYLOADS[0]} would cost 12 million dollars. "
    f'Critics wrote "{PAYLOADS[1]} is not a plan" in the Daily Post. '
    f"Residents of Springfield {PAYLOADS[2]} met on Monday."
)
HOSTILE_REWRITE = (
    f"The mayor said the plan would cost 15 million dollars {PAYLOADS[3]}. "
    f'Critics wrote "{PAYLOADS[4]} is a bad plan" in the Daily Post. '
    "Residents met on Tuesday in Shelbyville."
)
HOSTILE_HTML = (
    "<html><body><h1 onmouseover=\"window['__pwned'] = 7\">Plan</h1>"
    "<p>The mayor said the plan would cost 12 million dollars.<script>window['__pwned'] = 8</script></p>"
    "<p>Residents of Springfield met on Monday <img src=x onerror=\"window['__pwned'] = 9\">"
    " to discuss it.</p>"
    "</body></html>"
)


def write(path: Path, reports: list[dict[str, Any]]) -> Path:
    path.write_text(render(reports, RenderContext()), encoding="utf-8")
    return path


def tip_of(page: Any) -> str:
    tip = page.locator("#tip")
    assert tip.is_visible()
    return str(tip.inner_text())


@pytest.fixture(scope="module")
def seed_page(seed_pair: tuple[Path, Path], evaluator: Evaluator, tmp_path_factory: pytest.TempPathFactory) -> Path:
    original, rewrite = seed_pair
    report = evaluator.evaluate(read_text(original), read_text(rewrite), pair_id=original.stem).to_dict()
    return write(tmp_path_factory.mktemp("html") / "seed.html", [report])


@pytest.mark.model
def test_seed_pair_findings_are_highlighted(visit: Any, screenshots: Path, seed_page: Path) -> None:
    visit_ = visit(seed_page)
    page = visit_.page
    changed = page.locator(f"{REWRITE_CELLS} mark.m-changed:not(.m-sentence)", has_text="Yoon Suk-yeol")
    counterpart = page.locator(f"{ORIGINAL_CELLS} mark.m-changed:not(.m-sentence)", has_text="Yoon Si-yeol")
    dropped = page.locator(f"{ORIGINAL_CELLS} mark.m-dropped:not(.m-sentence)", has_text="June 26")
    added = page.locator(f"{REWRITE_CELLS} mark.m-added:not(.m-sentence)", has_text="Brussels")
    for mark in (changed, counterpart, dropped, added):
        assert mark.count() == 1 and mark.is_visible()

    # highlighted, and not by colour alone: an icon label and an underline style of its own
    style = changed.evaluate(
        "m => [getComputedStyle(m).backgroundColor, getComputedStyle(m).textDecorationStyle,"
        " getComputedStyle(m, '::before').content]"
    )
    assert style[0] not in ("rgba(0, 0, 0, 0)", "transparent")
    assert style[1] == "wavy"
    assert style[2].startswith('"≠')
    assert dropped.evaluate("m => getComputedStyle(m).textDecorationStyle") == "dashed"
    assert added.evaluate("m => getComputedStyle(m).textDecorationStyle") == "double"
    assert page.locator(".hard-flag[tabindex]").count() >= 1

    # the note shows on keyboard focus, and the counterpart lights up
    counterpart.focus()
    page.keyboard.press("n")  # the next mark in reading order is reached from the keyboard
    assert page.evaluate("document.activeElement.classList.contains('m')")
    changed.focus()
    assert "Yoon Si-yeol" in tip_of(page) and "Yoon Suk-yeol" in tip_of(page)
    assert "hl-peer" in str(counterpart.get_attribute("class"))
    page.screenshot(path=str(screenshots / "seed-pair-focus.png"))
    page.keyboard.press("Escape")
    assert not page.locator("#tip").is_visible()
    # ... and on hover
    added.hover()
    assert "Brussels" in tip_of(page)
    page.locator("h2").first.hover()
    page.evaluate("document.activeElement.blur()")

    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(screenshots / "seed-pair.png"), full_page=True, clip=FIRST_SCREENS)
    page.screenshot(path=str(screenshots / "seed-pair-full.png"), full_page=True)
    assert visit_.problems() == []
    assert (screenshots / "seed-pair.png").stat().st_size > 10_000


@pytest.mark.model
def test_seed_pair_prints_with_its_marks(visit: Any, screenshots: Path, seed_page: Path) -> None:
    visit_ = visit(seed_page, media="print")
    page = visit_.page
    changed = page.locator(f"{REWRITE_CELLS} mark.m-changed:not(.m-sentence)", has_text="Yoon Suk-yeol")
    assert changed.evaluate("m => getComputedStyle(m, '::before').content").startswith('"≠')
    assert changed.evaluate("m => getComputedStyle(m).textDecorationStyle") == "wavy"
    assert not page.locator(".toggles").is_visible()
    assert page.locator("table.findings").is_visible()  # the notes, on paper
    page.screenshot(path=str(screenshots / "seed-pair-print.png"), full_page=True)
    assert visit_.problems() == []


@pytest.fixture(scope="module")
def batch_page(fast_evaluator: Evaluator, tmp_path_factory: pytest.TempPathFactory) -> Path:
    original = (
        "The Golden Gate Bridge opened on 27 May 1937 after four years of work. "
        "It cost 35 million dollars, and eleven men died building it.\n\n"
        'Joseph Strauss led the project. "We will not stop until it is done," he said.'
    )
    rewrites = {
        "faithful": "The Golden Gate Bridge opened on 27 May 1937. It took four years to build.\n\n"
        "It cost 35 million dollars. Eleven men died building it. Joseph Strauss led the project. "
        '"We will not stop until it is done," he said.',
        "drifted": "The Golden Gate Bridge opened in 1938. Building it took four years.\n\n"
        "It cost 53 million dollars. Twelve men died building it. Joseph Straus led the work.",
        "unrelated": "Cats sleep for most of the day. Dogs like to walk in the park.",
        "identical": original,
    }
    reports = [fast_evaluator.evaluate(original, text, pair_id=name).to_dict() for name, text in rewrites.items()]
    return write(tmp_path_factory.mktemp("html") / "batch.html", reports)


def test_batch_table_sorts_links_and_charts(visit: Any, screenshots: Path, batch_page: Path) -> None:
    visit_ = visit(batch_page)
    page = visit_.page
    rows = page.locator("table.pairs tbody tr")
    assert rows.count() == 4
    assert "failed" in rows.first.locator("td").nth(2).inner_text()  # worst first
    assert page.locator("figure.chart-box svg").count() == 4
    assert page.locator("figure.chart-box svg rect.bar-pass, figure.chart-box svg rect.bar-fail").count() >= 3
    page.screenshot(path=str(screenshots / "batch.png"))

    def meaning_column() -> list[float]:
        return [
            float(v)
            for v in page.locator("table.pairs tbody tr td:nth-child(6)").evaluate_all(
                "cells => cells.map(c => c.dataset.v)"
            )
        ]

    header = page.locator("table.pairs th", has_text="Meaning")
    header.locator("button").focus()
    page.keyboard.press("Enter")
    assert header.get_attribute("aria-sort") == "ascending"
    assert meaning_column() == sorted(meaning_column())
    page.keyboard.press("Enter")
    assert header.get_attribute("aria-sort") == "descending"
    assert meaning_column() == sorted(meaning_column(), reverse=True)

    page.locator("table.pairs a", has_text="unrelated").click()
    section = page.locator("section.pair", has=page.locator("h2", has_text="unrelated"))
    assert page.evaluate("location.hash") == f"#{section.get_attribute('id')}"
    box = section.bounding_box()
    assert box is not None and abs(box["y"]) < 50  # scrolled to the pair view
    assert page.evaluate("document.activeElement.id") == section.get_attribute("id")
    assert visit_.problems() == []


def test_injected_text_is_shown_not_run(
    fast_evaluator: Evaluator, tmp_path: Path, visit: Any, screenshots: Path
) -> None:
    plain = fast_evaluator.evaluate(
        HOSTILE_ORIGINAL, HOSTILE_REWRITE, pair_id="<img src=x onerror=\"window['__pwned'] = 6\">"
    ).to_dict()
    markup = fast_evaluator.evaluate(
        TextSource(HOSTILE_HTML, "hostile.html", "html", "utf-8"), HOSTILE_REWRITE, pair_id="html-input"
    ).to_dict()
    visit_ = visit(write(tmp_path / "hostile.html", [plain, markup]))
    page = visit_.page
    assert page.evaluate("typeof window.__pwned") == "undefined"
    shown = ""
    for section in page.locator("section.pair").all():  # pair views below the first render when in view
        section.scroll_into_view_if_needed()
        shown += section.inner_text()
    for payload in PAYLOADS:
        assert payload in shown
    assert "<img src=x onerror=\"window['__pwned'] = 6\">" in shown  # the pair id too

    # run the page's own script over every note: the messages quote the payloads
    marks = page.locator(".m[tabindex]")
    assert marks.count() > 3
    for index in range(marks.count()):
        marks.nth(index).focus()
        marks.nth(index).hover()
    # the markup of the HTML input, shown on request, is text too
    section = page.locator("section.pair", has=page.locator("h2", has_text="html-input"))
    section.locator("input.t-markup").check()
    assert "window['__pwned'] = 8" in section.inner_text()
    page.screenshot(path=str(screenshots / "injection.png"), full_page=True)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert visit_.problems() == []
    assert all(url.startswith("file:") for url in visit_.requests) and len(visit_.requests) == 1
