"""HTML: one self-contained page for a pair or a whole batch, to look at rather than read.

* **Pair view** (:mod:`evalkit.writers.html_pair`): the verdict and headline scores on top; below, the
  original and the rewrite side by side with aligned sentences in the same row. Dropped facts and
  sentences are marked in the original, changed facts on both sides, added facts and unsupported sentences
  in the rewrite, the rewrite's hardest sentences flagged; every mark shows its message on hover *and* on
  keyboard focus.
* **Batch view** (several reports, or errors): a tally, histograms of gain, meaning and drift, a scatter of
  the estimated grade before against after (:mod:`evalkit.writers.html_charts`), and a sortable table of
  the pairs, worst first, each linking to its pair view further down the same file.

The page opens from disk and asks for nothing: CSS, script and charts are inline, and a
Content-Security-Policy (``default-src 'none'``) admits only this page's own style and script, by their
SHA-256 hashes (W3C Content Security Policy Level 2, hash sources). Every piece of input text is escaped
(``html.escape(quote=True)``) and lands only in text or quoted attribute values; the script reads
``data-*`` attributes and writes ``textContent``, so a text containing ``<script>``, ``onerror=`` or
``javascript:`` is shown, never run. Marks carry an icon label and an underline style of their own, so
colour is never the only signal; a print stylesheet keeps them on paper.

The texts come from the report (``original.text`` / ``rewrite.text``): every offset points into them.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from evalkit._version import __version__
from evalkit.writers import RenderContext, ReportDict
from evalkit.writers.html_charts import Point, Threshold, Value, histogram, scatter
from evalkit.writers.html_layers import attributes, element, escape, slug
from evalkit.writers.html_pair import pair_view, thresholds_of

#: Where reports go unless the user names a file.
REPORTS_DIR = Path("reports")
#: The favicon, inline (an icon request would be the page's only request).
_ICON = (
    "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect width='16'"
    " height='16' rx='4' fill='%232b59c3'/%3E%3Cpath d='M4 8.5l2.5 2.5L12 5.5' stroke='white'"
    " stroke-width='2' fill='none'/%3E%3C/svg%3E"
)


def default_html_path(report_ids: Sequence[str]) -> Path:
    """Where ``--format html`` writes when no ``--output`` is given: ``reports/<id>.html`` for one pair,
    ``reports/batch-<n>-pairs-<digest>.html`` for several (the digest of the ids keeps batches apart)."""
    if not report_ids:
        raise ValueError("default_html_path needs at least one report id")
    if len(report_ids) == 1:
        return REPORTS_DIR / f"{slug(report_ids[0], 80)}.html"
    digest = hashlib.sha256("\n".join(report_ids).encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return REPORTS_DIR / f"batch-{len(report_ids)}-pairs-{digest}.html"


def render(reports: Sequence[ReportDict], context: RenderContext) -> str:
    """The page: a pair view for one report; an overview and every pair view for several (or errors)."""
    anchors = [f"pair-{number}-{slug(str(report['id']), 40)}" for number, report in enumerate(reports, 1)]
    if len(reports) == 1 and not context.errors:
        report = reports[0]
        title = f"evalkit · {report['id']} · {'passed' if report['verdict']['passed'] else 'failed'}"
        return _page(title, "1 pair", "", pair_view(report, anchors[0], key="p1", position=None))
    failed = sum(1 for report in reports if not report["verdict"]["passed"])
    order = worst_first(reports)
    views = "".join(
        pair_view(reports[index], anchors[index], key=f"p{index + 1}", position=(rank, len(reports)))
        for rank, index in enumerate(order, 1)
    )
    nav = (
        '<nav class="top-nav" aria-label="Sections"><a href="#overview">Overview</a>'
        '<a href="#pairs">Pairs table</a></nav>'
    )
    meta = f"{len(reports)} pairs · {len(reports) - failed} passed · {failed} failed"
    body = _overview(reports, anchors, order, context) + views
    return _page(f"evalkit · {len(reports)} pairs · {failed} failed", meta, nav, body)


# -------------------------------------------------------------------------------------------- page


@cache
def _asset(name: str) -> str:
    return resources.files("evalkit.writers").joinpath("html_assets", name).read_text(encoding="utf-8")


def _csp_source(inline: str) -> str:
    """The CSP hash source of an inline ``<style>`` or ``<script>`` body."""
    digest = base64.b64encode(hashlib.sha256(inline.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


def _page(title: str, meta: str, nav: str, body: str) -> str:
    style, script = _asset("report.css"), _asset("report.js")
    policy = (
        f"default-src 'none'; style-src {_csp_source(style)}; script-src {_csp_source(script)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{escape(policy)}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f'<meta name="generator" content="evalkit {escape(__version__)}">\n'
        f"<title>{escape(title)}</title>\n"
        f'<link rel="icon" href="{_ICON}">\n'
        f"<style>{style}</style>\n</head>\n<body>\n"
        '<a class="skip" href="#main">Skip to the report</a>\n'
        '<header class="top"><div class="top-inner"><p class="brand">eval<span>kit</span> report</p>'
        f'<span class="top-meta">{escape(meta)}</span>{nav}</div></header>\n'
        f'<main id="main" tabindex="-1">\n{body}</main>\n'
        f'<footer class="foot"><p>Written by evalkit {escape(__version__)}. Offsets are character offsets'
        " into each text as given. This page loads nothing from the network.</p></footer>\n"
        f"<script>{script}</script>\n</body>\n</html>\n"
    )


# -------------------------------------------------------------------------------------- batch view


def worst_first(reports: Sequence[ReportDict]) -> list[int]:
    """Report indices, worst first: failed before passed, then more failed checks, more drift, less
    meaning, less gain."""

    def badness(index: int) -> tuple[bool, int, float, float, float, str]:
        report = reports[index]
        return (
            bool(report["verdict"]["passed"]),
            -len(report["verdict"].get("failures", [])),
            -float(report["drift"]["score"]),
            float(report["meaning"]["score"]),
            float(report["readability"]["gain"]),
            str(report["id"]),
        )

    return sorted(range(len(reports)), key=badness)


def _overview(
    reports: Sequence[ReportDict], anchors: Sequence[str], order: Sequence[int], context: RenderContext
) -> str:
    failed = sum(1 for report in reports if not report["verdict"]["passed"])
    tally = [("", len(reports), "pairs scored"), ("t-pass", len(reports) - failed, "passed")]
    tally.append(("t-fail", failed, "failed"))
    if context.errors:
        tally.append(("t-fail", len(context.errors), "could not be scored"))
    figures = "".join(
        f'<div class="{css}"><span class="big">{count}</span><span class="lab">{label}</span></div>'
        for css, count, label in tally
    )
    parts = [
        '<section class="panel" id="overview" aria-labelledby="overview-h">',
        f'<h2 id="overview-h">Overview</h2><div class="tally">{figures}</div>',
        _charts(reports, anchors) if reports else "",
        _errors(context.errors),
        "</section>",
        _pairs_table(reports, anchors, order) if reports else "",
    ]
    return "".join(parts)


def _errors(errors: Sequence[dict[str, Any]]) -> str:
    if not errors:
        return ""
    items = []
    for error in errors:
        name = str(error.get("id") or error.get("source") or "")
        label = f"<strong>{escape(name)}</strong> · " if name else ""
        items.append(f"<li>{label}{escape(str(error.get('message', '')))}</li>")
    heading = "<h3>Pairs that could not be scored</h3>"
    return f'<div class="errors" role="alert">{heading}<ul>{"".join(items)}</ul></div>'


def _shared_threshold(reports: Sequence[ReportDict], name: str) -> float | None:
    """A threshold every report was judged against (per-pair overrides leave the chart without one)."""
    values = {thresholds_of(report).get(name) for report in reports}
    value = values.pop() if len(values) == 1 else None
    return float(value) if isinstance(value, int | float) else None


def _charts(reports: Sequence[ReportDict], anchors: Sequence[str]) -> str:
    def values(get: Callable[[ReportDict], Any]) -> list[Value]:
        return [
            Value(float(get(report)), bool(report["verdict"]["passed"]), str(report["id"]), f"#{anchor}")
            for report, anchor in zip(reports, anchors, strict=True)
        ]

    min_gain = _shared_threshold(reports, "min_gain")
    min_meaning = _shared_threshold(reports, "min_meaning")
    max_drift = _shared_threshold(reports, "max_drift")
    points = [
        Point(
            float(report["readability"]["original"]["estimated_grade"]),
            float(report["readability"]["rewrite"]["estimated_grade"]),
            bool(report["verdict"]["passed"]),
            str(report["id"]),
            f"#{anchor}",
        )
        for report, anchor in zip(reports, anchors, strict=True)
    ]
    charts = [
        histogram(
            "chart-gain",
            "Readability gain",
            values(lambda report: report["readability"]["gain"]),
            axis="grade levels easier (original − rewrite)",
            threshold=None if min_gain is None else Threshold(min_gain, "higher", f"min {min_gain:+g}"),
        ),
        histogram(
            "chart-meaning",
            "Meaning preserved",
            values(lambda report: report["meaning"]["score"]),
            axis="meaning score (1 = all kept)",
            domain=(0.0, 1.0),
            threshold=None if min_meaning is None else Threshold(min_meaning, "higher", f"min {min_meaning:g}"),
        ),
        histogram(
            "chart-drift",
            "Factual drift",
            values(lambda report: report["drift"]["score"]),
            axis="drift score (0 = none)",
            domain=(0.0, 1.0),
            threshold=None if max_drift is None else Threshold(max_drift, "lower", f"max {max_drift:g}"),
        ),
        scatter(
            "chart-grade",
            "Estimated grade, before and after",
            points,
            axis_x="original (grade)",
            axis_y="rewrite (grade)",
        ),
    ]
    return f'<div class="charts">{"".join(charts)}</div>'


#: The pairs table: heading, sort type, numeric (right-aligned).
_COLUMNS = (
    ("#", "number", True),
    ("Pair", "text", False),
    ("Verdict", "number", False),
    ("Gain", "number", True),
    ("Grade", "number", True),
    ("Meaning", "number", True),
    ("Coverage", "number", True),
    ("Drift", "number", True),
    ("Major", "number", True),
    ("Failed checks", "text", False),
)


def _pairs_table(reports: Sequence[ReportDict], anchors: Sequence[str], order: Sequence[int]) -> str:
    head = "".join(
        "<th"
        + attributes([("scope", "col"), ("data-type", kind)])
        + (' class="num"' if numeric else "")
        + (' aria-sort="ascending"' if name == "#" else "")
        + f'><button type="button">{name}</button></th>'
        for name, kind, numeric in _COLUMNS
    )
    rows = [_pairs_row(rank, reports[index], anchors[index]) for rank, index in enumerate(order, 1)]
    return (
        '<section class="panel" id="pairs" tabindex="-1" aria-labelledby="pairs-h">'
        '<h2 id="pairs-h">Pairs, worst first</h2><table class="pairs sortable">'
        '<caption class="visually-hidden">Pairs, worst first; a column heading sorts by that column.'
        ' <span class="sort-status" aria-live="polite"></span></caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></section>"
    )


def _pairs_row(rank: int, report: ReportDict, anchor: str) -> str:
    readability, meaning, drift = report["readability"], report["meaning"], report["drift"]
    passed = bool(report["verdict"]["passed"])
    checks = [str(failure.get("check")) for failure in report["verdict"].get("failures", [])]
    before = float(readability["original"]["estimated_grade"])
    after = float(readability["rewrite"]["estimated_grade"])
    major = int(drift.get("counts", {}).get("major", 0))

    def number(value: float, text: str, check: str | None = None) -> str:
        css = "num bad" if check in checks else "num"
        return element("td", {"class": css, "data-v": f"{value:.6g}"}, escape(text))

    verdict = "passed" if passed else "failed"
    name = escape(str(report["id"]))
    return (
        f'<tr data-rank="{rank}"><td class="num" data-v="{rank}">{rank}</td>'
        f'<td data-v="{name}"><a href="#{anchor}">{name}</a></td>'
        f'<td data-v="{int(passed)}"><span class="pill pill-{verdict[:4]}">{verdict}</span></td>'
        + number(float(readability["gain"]), f"{float(readability['gain']):+.2f}", "gain")
        + number(after, f"{before:.1f} → {after:.1f}", "target")
        + number(float(meaning["score"]), f"{float(meaning['score']):.2f}", "meaning")
        + number(float(meaning["coverage"]), f"{float(meaning['coverage']):.0%}")
        + number(float(drift["score"]), f"{float(drift['score']):.2f}", "drift")
        + number(major, str(major), "major_findings")
        + element("td", {"class": "why", "data-v": ", ".join(checks)}, escape(", ".join(checks)) or "—")
        + "</tr>"
    )
