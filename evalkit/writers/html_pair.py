"""The pair view of the HTML report: verdict and headline scores, then both texts side by side.

Rows follow ``meaning.alignment``: aligned sentences share a row, in the original's order (:func:`rows`).
Each text is cut into sentences and the gaps between them; every character of both texts is shown once,
escaped, with its highlights nested around it (:func:`evalkit.writers.html_layers.overlay`):

* drift findings (``m-dropped``, ``m-changed``, ``m-added``), on the side(s) their spans point into;
* whole sentences dropped from the original or unsupported in the rewrite (``meaning.dropped`` /
  ``unsupported``) unless a finding already marks exactly that sentence;
* content words of the original not found in the rewrite, and of the rewrite that nothing in the original
  supports (``meaning.missing_words``, ``meaning.unsupported_words``; off by default);
* parts left out of scoring (boilerplate, markup ...), dimmed; long runs fold into ``<details>``;
* the rewrite's hardest sentences (``readability.hardest_sentences``) from :data:`HARD_GRADE` on, flagged
  with their reasons.

Every mark is focusable and has a note, shown by the page's script on hover and on focus: ``data-tip``,
or for a finding the message cell of its row in the findings table (``aria-describedby`` points there).
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from evalkit.writers import ReportDict
from evalkit.writers._words import counted
from evalkit.writers.html_layers import Layer, element, escape, overlay, slug

#: Icons of the finding types: the mark label, beside its colour and underline style.
ICONS = {"dropped": "−", "changed": "≠", "added": "+"}
#: The rewrite's hardest sentences are flagged in the text from this grade on: WCAG 2.x SC 3.1.5 asks for
#: text no harder than lower secondary education, about US grade 9 (all are listed below the texts).
HARD_GRADE = 9.0
#: Marks up to this many characters do not wrap (a label is never left alone at the end of a line).
SHORT_MARK = 32
#: Ignored runs longer than this (characters) fold into a ``<details>`` element.
LONG_IGNORED = 160
#: Why a part of a text was left out of scoring, in words.
IGNORED_REASONS = {
    "boilerplate": "site furniture: navigation, sharing and comment prompts",
    "markup": "markup",
    "caption": "a caption or picture credit",
    "dateline": "a dateline",
    "duplicate": "a repeat of the lines around it (a title or lead given twice)",
}
# ranks of the highlight layers: lower is outer
_SENTENCE_MARK, _FINDING, _MISSING, _IGNORED = 1, 2, 3, 4


def pair_view(report: ReportDict, anchor: str, *, key: str, position: tuple[int, int] | None) -> str:
    """The ``<section>`` of one pair: ``anchor`` is its id, ``key`` the (short) prefix of the ids inside it,
    ``position`` its (rank, count) in a batch."""
    verdict = report["verdict"]
    failures = verdict.get("failures", [])
    eyebrow = f"Pair {position[0]} of {position[1]}" if position else "Pair"
    names = " · ".join(
        f"{side}: {report[side]['name']}" for side in ("original", "rewrite") if report[side].get("name")
    )
    if verdict["passed"]:
        badge = _verdict_badge("pass", "✓", "Passed", "meets every check")
    else:
        badge = _verdict_badge("fail", "✗", "Failed", f"{counted(len(failures), 'check')} failed")
    parts = [
        f'<section class="pair" id="{anchor}" tabindex="-1" aria-labelledby="{anchor}-h">',
        '<div class="pair-head"><div>',
        element("p", {"class": "eyebrow"}, escape(eyebrow)),
        element("h2", {"id": f"{anchor}-h"}, escape(str(report["id"]))),
        element("p", {"class": "names"}, escape(names)) if names else "",
        f"</div>{badge}</div>",
        element("p", {"class": "lede"}, escape(_summary(report))),
        _list("failures", "Failed checks", [str(failure.get("message", "")) for failure in failures]),
        _list("notes", "Warnings", [str(warning) for warning in report.get("warnings") or []]),
        _cards(report),
        _side_by_side(report, key),
        _findings_table(report, key),
        _hardest_list(report, key),
    ]
    back = '<a class="back" href="#pairs">↑ back to the pairs table</a> · ' if position else ""
    parts.append(f'<p class="signature">{back}{escape(str(report.get("signature", "")))}</p></section>\n')
    return "".join(parts)


def _summary(report: ReportDict) -> str:
    """The pair in one sentence."""
    readability, drift = report["readability"], report["drift"]
    gain = float(readability["gain"])
    before = float(readability["original"]["estimated_grade"])
    after = float(readability["rewrite"]["estimated_grade"])
    if abs(gain) < 0.05:
        reads = f"reads at the same grade level ({before:.1f})"
    else:
        direction = "easier" if gain > 0 else "harder"
        reads = f"reads {abs(gain):.1f} grade levels {direction} ({before:.1f} → {after:.1f})"
    counts = drift.get("counts", {})
    total = sum(int(counts.get(kind, 0)) for kind in ("changed", "added", "dropped"))
    if total:
        parts = [f"{counts[kind]} {kind}" for kind in ("changed", "added", "dropped") if counts.get(kind)]
        facts = f"{counted(total, 'fact')} drifted: {', '.join(parts)}"
    else:
        facts = "no fact drifted"
    return f"The rewrite {reads}, has a meaning score of {float(report['meaning']['score']):.2f}, and {facts}."


def _verdict_badge(state: str, icon: str, label: str, detail: str) -> str:
    return (
        f'<div class="verdict verdict-{state}"><span class="icon" aria-hidden="true">{icon}</span>{label}'
        f"<small>{escape(detail)}</small></div>"
    )


def _list(css_class: str, label: str, items: Sequence[str]) -> str:
    if not items:
        return ""
    return element("ul", {"class": css_class, "aria-label": label}, "".join(f"<li>{escape(i)}</li>" for i in items))


# ------------------------------------------------------------------------------------- score cards


def thresholds_of(report: ReportDict) -> dict[str, Any]:
    settings = report.get("settings") or {}
    thresholds: dict[str, Any] = settings.get("thresholds") or {}
    return thresholds


def _failure(report: ReportDict, check: str) -> dict[str, Any] | None:
    return next((f for f in report["verdict"].get("failures", []) if f.get("check") == check), None)


def _check(report: ReportDict, check: str, threshold: float | None, text: str) -> tuple[str, str]:
    """(state, label) of one check: ``bad`` when the verdict lists it, ``ok`` when a threshold is set."""
    if _failure(report, check):
        return "bad", f"✗ {text}"
    if threshold is None:
        return "none", "no threshold set"
    return "ok", f"✓ {text}"


@dataclass(frozen=True, slots=True)
class _Card:
    name: str
    state: str  # ok | bad | none
    value: str
    unit: str
    meter: str  # SVG
    check: str
    detail: str

    def html(self) -> str:
        return (
            f'<div class="card card-{self.state}"><h3>{escape(self.name)}</h3>'
            f'<p class="value">{escape(self.value)}<small>{escape(self.unit)}</small></p>{self.meter}'
            f'<span class="check check-{self.state}">{escape(self.check)}</span>'
            f'<p class="detail">{escape(self.detail)}</p></div>'
        )


def _score_meter(value: float, threshold: float | None, state: str, label: str) -> str:
    """A 0..1 bar with the threshold as a tick."""
    width = 300.0
    fill = max(0.0, min(1.0, value)) * width
    parts = [
        f'<svg class="meter" viewBox="0 0 {width:g} 32" aria-hidden="true">',
        f'<rect class="track" x="0" y="4" width="{width:g}" height="10" rx="5"/>',
        f'<rect class="fill-{state}" x="0" y="4" width="{fill:.1f}" height="10" rx="5"/>',
    ]
    if threshold is not None:
        tick = max(0.0, min(1.0, threshold)) * width
        anchor = "start" if tick < 40 else "end" if tick > width - 40 else "middle"
        parts.append(
            f'<line class="tick-line" x1="{tick:.1f}" x2="{tick:.1f}" y1="0" y2="18"/>'
            f'<text class="scale" x="{tick:.1f}" y="30" text-anchor="{anchor}">{escape(label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _grade_meter(before: float, after: float) -> str:
    """The estimated grade before (hollow dot) and after (filled dot) on a school-grade scale."""
    width = 300.0
    top = max(18.0, math.ceil(max(before, after)) + 1.0)

    def x(grade: float) -> float:
        return 8 + max(0.0, min(top, grade)) / top * (width - 16)

    low, high = sorted((before, after))
    return (
        f'<svg class="meter" viewBox="0 0 {width:g} 32" aria-hidden="true">'
        f'<rect class="track" x="0" y="4" width="{width:g}" height="10" rx="5"/>'
        f'<line class="arrow" x1="{x(before):.1f}" x2="{x(after):.1f}" y1="9" y2="9"/>'
        f'<circle class="dot-before" cx="{x(before):.1f}" cy="9" r="5.5"/>'
        f'<circle class="dot-after" cx="{x(after):.1f}" cy="9" r="6"/>'
        f'<text class="scale" x="{x(low) - 4:.1f}" y="30" text-anchor="end">{low:.1f}</text>'
        f'<text class="scale" x="{x(high) + 4:.1f}" y="30" text-anchor="start">{high:.1f}</text></svg>'
    )


def _target_card(report: ReportDict) -> _Card:
    """The readability target: the gate's preset if one is set, else the targets the report lists as met."""
    preset = thresholds_of(report).get("target")
    name = "Readability target"
    if preset:
        missed = _failure(report, "target")
        if missed:
            return _Card(name, "bad", str(preset), "", "", "✗ missed", str(missed.get("message", "")))
        return _Card(name, "ok", str(preset), "", "", "✓ met", "the rewrite meets the target the gate asks for")
    listed = report["readability"].get("targets")
    entries: list[tuple[str, bool]] = []
    if isinstance(listed, dict):
        entries = [(str(k), bool(v.get("met") if isinstance(v, dict) else v)) for k, v in listed.items()]
    elif isinstance(listed, list):
        entries = [
            (str(t.get("name") or t.get("id") or t.get("preset")), bool(t.get("met")))
            for t in listed
            if isinstance(t, dict)
        ]
    if entries:
        met = [target for target, ok in entries if ok]
        detail = f"meets {', '.join(met)}" if met else "meets none of the listed targets"
        return _Card(name, "none", f"{len(met)} of {len(entries)}", "met", "", "no target required", detail)
    return _Card(name, "none", "—", "", "", "no target set", "set a readability target preset to require one")


def _cards(report: ReportDict) -> str:
    readability, meaning, drift = report["readability"], report["meaning"], report["drift"]
    thresholds = thresholds_of(report)
    before, after = readability["original"], readability["rewrite"]
    gain = float(readability["gain"])
    cards = []

    min_gain = thresholds.get("min_gain")
    state, check = _check(report, "gain", min_gain, f"at least {min_gain or 0:+g}")
    detail = (
        f"estimated grade {before['estimated_grade']:.1f} → {after['estimated_grade']:.1f}"
        f" · reading ease {before['flesch_reading_ease']:.0f} → {after['flesch_reading_ease']:.0f}"
        f" · words per sentence {before['avg_sentence_words']:.1f} → {after['avg_sentence_words']:.1f}"
    )
    meter = _grade_meter(float(before["estimated_grade"]), float(after["estimated_grade"]))
    unit = "grade levels easier" if gain >= 0 else "grade levels harder"
    cards.append(_Card("Readability gain", state, f"{gain:+.2f}", unit, meter, check, detail))

    min_meaning = thresholds.get("min_meaning")
    state, check = _check(report, "meaning", min_meaning, f"at least {min_meaning or 0:g}")
    bertscore = meaning.get("bertscore")
    detail = (
        f"coverage {meaning['coverage']:.0%} · {counted(len(meaning.get('dropped', [])), 'sentence')} dropped"
        f" · {len(meaning.get('unsupported', []))} unsupported"
        + (f" · BERTScore F1 {bertscore['f1']:.2f}" if bertscore else "")
    )
    label = f"min {min_meaning:g}" if min_meaning is not None else ""
    meter = _score_meter(float(meaning["score"]), min_meaning, state, label)
    cards.append(_Card("Meaning preserved", state, f"{meaning['score']:.2f}", "of 1", meter, check, detail))

    max_drift = thresholds.get("max_drift")
    state, check = _check(report, "drift", max_drift, f"at most {max_drift or 0:g}")
    too_many = _failure(report, "major_findings")
    if too_many:
        state, check = "bad", f"✗ {too_many.get('message', '')}"
    counts = drift.get("counts", {})
    detail = (
        f"{counts.get('changed', 0)} changed · {counts.get('added', 0)} added"
        f" · {counts.get('dropped', 0)} dropped · {counts.get('major', 0)} major"
    )
    label = f"max {max_drift:g}" if max_drift is not None else ""
    meter = _score_meter(float(drift["score"]), max_drift, state, label)
    cards.append(_Card("Factual drift", state, f"{drift['score']:.2f}", "0 = none", meter, check, detail))

    cards.append(_target_card(report))
    return f'<div class="cards">{"".join(card.html() for card in cards)}</div>'


# ------------------------------------------------------------------------------------ side by side


@dataclass
class Row:
    """Sentence indices shown side by side, and the alignment group they come from (if any)."""

    original: list[int]
    rewrite: list[int]
    group: dict[str, Any] | None


def rows(report: ReportDict) -> list[Row]:
    """Rows of the side-by-side view, in the original's order: one per alignment group, one per unaligned
    original sentence; an unaligned rewrite sentence goes right after the row of the rewrite sentence
    before it. Every sentence of both sides is in exactly one row."""
    count_o = len(report["original"]["sentence_spans"])
    count_r = len(report["rewrite"]["sentence_spans"])
    groups = report["meaning"].get("alignment")
    if groups is None:
        return [Row(list(range(count_o)), list(range(count_r)), None)]
    seen_o: set[int] = set()
    seen_r: set[int] = set()
    result: list[Row] = []
    for group in groups:
        original = sorted({e["index"] for e in group["original"] if 0 <= e["index"] < count_o} - seen_o)
        rewrite = sorted({e["index"] for e in group["rewrite"] if 0 <= e["index"] < count_r} - seen_r)
        if not original:
            continue  # a rewrite-only group: its sentences are placed as unaligned below
        seen_o.update(original)
        seen_r.update(rewrite)
        result.append(Row(original, rewrite, group))
    result += [Row([i], [], None) for i in range(count_o) if i not in seen_o]
    result.sort(key=lambda row: row.original[0])
    row_of: dict[int, Row] = {j: row for row in result for j in row.rewrite}
    for j in range(count_r):
        if j in seen_r:
            continue
        row = Row([], [j], None)
        previous = row_of.get(j - 1)
        result.insert(result.index(previous) + 1 if previous is not None else 0, row)
        row_of[j] = row
    return result


class _Side:
    """One text, cut into gaps and sentences, with the highlight layers that fall in each piece."""

    def __init__(self, report: ReportDict, side: str, anchor: str, layers: Sequence[Layer]) -> None:
        self.key = side[0]
        self.anchor = anchor
        self.text: str = report[side]["text"]
        self.css = "cell fmt-html" if report[side].get("format") == "html" else "cell"
        self.spans: list[tuple[int, int]] = []
        previous = 0
        for start, end in report[side]["sentence_spans"]:
            start = max(previous, min(int(start), len(self.text)))
            end = max(start, min(int(end), len(self.text)))
            self.spans.append((start, end))
            previous = end
        # pieces: gap 0, sentence 0, gap 1, sentence 1 ..., tail
        self.pieces: list[tuple[int, int]] = []
        previous = 0
        for start, end in self.spans:
            self.pieces += [(previous, start), (start, end)]
            previous = end
        self.pieces.append((previous, len(self.text)))
        starts = [start for start, _ in self.pieces]
        self.layers: list[list[Layer]] = [[] for _ in self.pieces]
        for layer in layers:
            index = max(0, bisect.bisect_right(starts, layer.start) - 1)
            while index < len(self.pieces) and self.pieces[index][0] < max(layer.end, layer.start + 1):
                self.layers[index].append(layer)
                index += 1
        self.hard: dict[int, dict[str, Any]] = {}
        self.opened: set[int] = set()  # layers already shown: one reaching over two pieces has one id

    def cell(self, indices: Sequence[int]) -> str:
        parts: list[str] = []
        for position, index in enumerate(indices):
            parts.append(self._gap(2 * index, first=position == 0))
            parts.append(self._sentence(index))
        return "".join(parts)

    def tail(self) -> str:
        return self._gap(len(self.pieces) - 1, first=True)

    def _sentence(self, index: int) -> str:
        start, end = self.spans[index]
        hard = self.hard.get(index)
        flag = _hard_flag(hard) if hard is not None else ""
        body = overlay(self.text, start, end, self.layers[2 * index + 1], self.opened)
        css = "s hard" if hard is not None else "s"
        return f'<span class="{css}" id="{self.anchor}-{self.key}{index}">{flag}{body}</span>'

    def _gap(self, piece: int, *, first: bool) -> str:
        """The text between two sentences: a paragraph break or a space, and anything left out of scoring."""
        start, end = self.pieces[piece]
        chunk = self.text[start:end]
        core_start = start + len(chunk) - len(chunk.lstrip())
        core_end = start + len(chunk.rstrip())
        separator = "" if first else ('<span class="sep-par"></span>' if "\n" in chunk else " ")
        if core_start >= core_end:
            return separator
        layers = self.layers[piece]
        ignored = [layer for layer in layers if layer.rank == _IGNORED]
        reasons = {dict(layer.attrs).get("data-reason", "") for layer in ignored}
        covered = _covered(self.text, core_start, core_end, ignored)
        inner = overlay(self.text, core_start, core_end, layers, self.opened)
        if covered and reasons == {"markup"}:
            return f'{separator}<span class="ign-markup">{inner}</span>'
        if covered and core_end - core_start > LONG_IGNORED:
            summary = f"Left out of scoring: {', '.join(sorted(reasons))} · {core_end - core_start} characters"
            summary = element("summary", {}, escape(summary))
            return f'{separator}<details class="ignored-block">{summary}{inner}</details>'
        return f'{separator}<span class="gap">{inner}</span>'


def _hard_flag(hard: dict[str, Any]) -> str:
    reasons = "; ".join(str(reason) for reason in hard.get("reasons", [])) or "long, dense wording"
    grade = float(hard["grade"])
    title = f"Hard sentence · grade {grade:.1f} · {hard.get('words', '?')} words"
    attrs = {
        "class": "hard-flag",
        "tabindex": "0",
        "role": "note",
        "data-grade": f"{grade:.0f}",
        "data-tip-title": title,
        "data-tip": reasons,
        "aria-label": f"{title}: {reasons}",
    }
    return element("span", attrs)


def _covered(text: str, start: int, end: int, layers: Sequence[Layer]) -> bool:
    """Whether ``text[start:end]`` is all ignored spans and the whitespace between them."""
    position = start
    for layer in sorted(layers, key=lambda item: item.start):
        if layer.start > position and text[position : layer.start].strip():
            return False
        position = max(position, layer.end)
    return position >= end or not text[position:end].strip()


def _valid(span: dict[str, Any], text: str) -> bool:
    start, end = span.get("start"), span.get("end")
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)


def _finding_layers(report: ReportDict, anchor: str) -> tuple[list[Layer], list[Layer]]:
    """Marks of the drift findings: (original side, rewrite side)."""
    original: list[Layer] = []
    rewrite: list[Layer] = []
    for number, finding in enumerate(report["drift"].get("findings", []), 1):
        kind = str(finding.get("type", ""))
        severity = str(finding.get("severity", ""))
        fid = f"{anchor}-f{number}"
        title = f"{kind} {finding.get('category', '')} · {severity} · #{number}".capitalize()
        css = f"m m-{slug(kind, 20)} sev-{slug(severity, 20)}"
        for side, target in (("original", original), ("rewrite", rewrite)):
            span = finding.get(side)
            if not span or not _valid(span, report[side]["text"]):
                continue
            short = (
                span["end"] - span["start"] <= SHORT_MARK
                and "\n" not in report[side]["text"][span["start"] : span["end"]]
            )
            common = (
                ("class", f"{css} short" if short else css),  # a short mark stays on one line with its label
                ("data-fid", fid),
                ("data-label", f"{ICONS.get(kind, '•')}{number}"),
                ("data-tip-title", title),  # the note itself is the message cell of the findings table
            )
            first = (("id", f"{fid}-{side[0]}"), ("tabindex", "0"), ("aria-describedby", f"{fid}-msg"))
            layer = Layer(span["start"], span["end"], _FINDING, "mark", common, first, (("data-cont", "1"),))
            target.append(layer)
    return original, rewrite


def _sentence_layers(report: ReportDict, anchor: str, side: str, taken: set[tuple[int, int]]) -> list[Layer]:
    """Whole sentences dropped from the original or unsupported in the rewrite (unless a finding already
    marks exactly that sentence)."""
    meaning = report["meaning"]
    if side == "original":
        entries, kind, title = meaning.get("dropped", []), "dropped", "Dropped sentence"
        note = "No counterpart in the rewrite; {:.0%} of its content is found in nearby rewrite sentences."
    else:
        entries, kind, title = meaning.get("unsupported", []), "added", "Unsupported sentence"
        note = "Nothing in the original supports it; {:.0%} of its content is found in the original."
    layers = []
    for entry in entries:
        if not _valid(entry, report[side]["text"]) or (entry["start"], entry["end"]) in taken:
            continue
        mark_id = f"{anchor}-{side[0]}s{entry['index']}"
        attrs = (
            ("class", f"m m-{kind} sev-major m-sentence"),
            ("data-fid", mark_id),
            ("data-label", f"{ICONS[kind]} sentence"),
            ("data-tip-title", title),
            ("data-tip", note.format(float(entry.get("found", 0.0)))),
        )
        first = (("id", mark_id), ("tabindex", "0"))
        layers.append(Layer(entry["start"], entry["end"], _SENTENCE_MARK, "mark", attrs, first, (("data-cont", "1"),)))
    return layers


def _context_layers(report: ReportDict, side: str) -> list[Layer]:
    """Missing content words (original), unsupported ones (rewrite) and the parts left out of scoring."""
    text = report[side]["text"]
    layers = []
    # the note is written by the page's script from the word itself: these are many, keep them small
    words, css = ("missing_words", "mw") if side == "original" else ("unsupported_words", "mw uw")
    for word in report["meaning"].get(words, []):
        if _valid(word, text):
            layers.append(Layer(word["start"], word["end"], _MISSING, "span", (("class", css),)))
    for span in report[side].get("ignored", []):
        if _valid(span, text):
            reason = str(span.get("reason", ""))
            attrs = (
                ("class", f"ign ign-{slug(reason, 30)}"),
                ("data-reason", reason),
                ("data-tip-title", "Left out of scoring"),
                ("data-tip", IGNORED_REASONS.get(reason, reason)),
            )
            layers.append(Layer(span["start"], span["end"], _IGNORED, "span", attrs))
    return layers


_NO_TEXTS = (
    '<p class="empty-note">This report does not carry the texts (<code>original.text</code>, '
    "<code>rewrite.text</code>), so they cannot be shown side by side.</p>"
)


def _side_by_side(report: ReportDict, anchor: str) -> str:
    if not all(isinstance(report[side].get("text"), str) for side in ("original", "rewrite")):
        return _NO_TEXTS
    findings_o, findings_r = _finding_layers(report, anchor)
    taken_o = {(layer.start, layer.end) for layer in findings_o}
    taken_r = {(layer.start, layer.end) for layer in findings_r}
    layers_o = [*_sentence_layers(report, anchor, "original", taken_o), *findings_o]
    layers_r = [*_sentence_layers(report, anchor, "rewrite", taken_r), *findings_r]
    original = _Side(report, "original", anchor, [*layers_o, *_context_layers(report, "original")])
    rewrite = _Side(report, "rewrite", anchor, [*layers_r, *_context_layers(report, "rewrite")])
    rewrite.hard = {
        int(entry["index"]): entry
        for entry in report["readability"].get("hardest_sentences", [])
        if 0 <= int(entry["index"]) < len(rewrite.spans) and float(entry["grade"]) >= HARD_GRADE
    }
    dropped = {int(entry["index"]) for entry in report["meaning"].get("dropped", [])}
    unsupported = {int(entry["index"]) for entry in report["meaning"].get("unsupported", [])}

    body = []
    for row in rows(report):
        if row.original:
            left = original.cell(row.original)
        elif row.rewrite[0] in unsupported:
            left = '<span class="none">not in the original</span>'
        else:
            left = '<span class="none">no sentence of its own in the original</span>'
        if row.rewrite:
            right = rewrite.cell(row.rewrite)
        elif row.original[0] in dropped:
            right = '<span class="none">not in the rewrite</span>'
        else:
            right = '<span class="none">no sentence of its own in the rewrite (content found nearby)</span>'
        body.append(_row(original.css, left, _gutter(row.group), rewrite.css, right))
    tail_o, tail_r = original.tail(), rewrite.tail()
    if tail_o or tail_r:
        body.append(_row(original.css, tail_o, "", rewrite.css, tail_r))

    head = f'{_heading(report, "original")}<th scope="col" class="gut">match</th>{_heading(report, "rewrite")}'
    return (
        f"{_legend(report, anchor)}"
        '<table class="sbs" aria-label="Original and rewrite, aligned sentence by sentence">'
        '<colgroup><col><col class="c-gut"><col></colgroup>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )


def _gutter(group: dict[str, Any] | None) -> str:
    if group is None:
        return '<span class="kind" title="no counterpart">—</span>'
    kind = str(group.get("kind", "")).replace("-", ":")
    moved = '<span class="moved" title="out of the original order">↕ moved</span>' if group.get("moved") else ""
    return (
        f'<span class="kind" title="sentences: original:rewrite">{escape(kind)}</span>'
        f'<span class="sim" title="similarity">{float(group.get("similarity", 0.0)):.2f}</span>{moved}'
    )


def _row(left_css: str, left: str, gutter: str, right_css: str, right: str) -> str:
    return (
        f'<tr><td class="{left_css}">{left}</td><td class="gut">{gutter}</td><td class="{right_css}">{right}</td></tr>'
    )


def _heading(report: ReportDict, side: str) -> str:
    counts, grade = report[side], float(report["readability"][side]["estimated_grade"])
    return (
        f'<th scope="col"><strong>{side.capitalize()}</strong>{counts.get("words", "?")} words · '
        f"{counts.get('sentences', '?')} sentences · grade {grade:.1f}</th>"
    )


def _toggle(toggle_id: str, css: str, label: str) -> str:
    return f'<label><input type="checkbox" class="{css}" id="{toggle_id}"> {label}</label>'


def _legend(report: ReportDict, anchor: str) -> str:
    ignored = [span for side in ("original", "rewrite") for span in report[side].get("ignored", [])]
    toggles = _toggle(f"{anchor}-t-mw", "t-missing", "missing and unsupported words")
    if any(span.get("reason") == "markup" for span in ignored):
        toggles += _toggle(f"{anchor}-t-markup", "t-markup", "markup")
    samples = [
        *(
            element("mark", {"class": f"m m-{kind} sev-major", "data-label": ICONS[kind]}, kind) + f" {meaning}"
            for kind, meaning in (
                ("dropped", "not in the rewrite"),
                ("changed", "differs (both sides)"),
                ("added", "no source in the original"),
            )
        ),
        '<span class="hard-flag" data-grade="…"></span>hard sentence (school grade)',
        '<span class="mw">word</span> content word not found on the other side',
        '<span class="ign">text</span> left out of scoring',
    ]
    keys = (
        "<kbd>Tab</kbd> / <kbd>Shift</kbd>+<kbd>Tab</kbd> or <kbd>n</kbd> / <kbd>p</kbd> move through the"
        " marks, each with its note · <kbd>Esc</kbd> hides the note"
    )
    return (
        '<div class="legend" role="group" aria-label="Legend">'
        + "".join(f"<span>{sample}</span>" for sample in samples)
        + f'<div class="toggles">{toggles}</div><p class="keys">{keys}</p></div>'
    )


# ------------------------------------------------------------------------------ findings, hardest


def _findings_table(report: ReportDict, anchor: str) -> str:
    findings = report["drift"].get("findings", [])
    if not findings:
        note = '<p class="empty-note">No fact was dropped, changed or added.</p>'
        return f"<section><h3>Findings</h3>{note}</section>"
    body = []
    for number, finding in enumerate(findings, 1):
        fid = f"{anchor}-f{number}"
        kind = str(finding.get("type", ""))
        severity = str(finding.get("severity", ""))
        cells = []
        for side in ("original", "rewrite"):
            span = finding.get(side)
            if span and _valid(span, report[side].get("text") or ""):
                link = element("a", {"href": f"#{fid}-{side[0]}"}, escape(str(span["text"])))
                cells.append(f'<td class="quote">{link}</td>')
            elif span:
                cells.append(f'<td class="quote">{escape(str(span.get("text", "")))}</td>')
            else:
                cells.append('<td aria-label="none">—</td>')
        tag = element("span", {"class": f"tag tag-{slug(kind, 20)}"}, escape(f"{ICONS.get(kind, '•')} {kind}"))
        weight = element("span", {"class": "sev sev-major-text" if severity == "major" else "sev"}, escape(severity))
        body.append(
            f'<tr id="{fid}" data-fid="{fid}"><td class="num">{number}</td><td>{tag}</td>'
            f'<td class="kind">{escape(str(finding.get("category", "")))} · {weight}</td>{"".join(cells)}'
            f'<td id="{fid}-msg">{escape(str(finding.get("message", "")))}</td></tr>'
        )
    major = report["drift"].get("counts", {}).get("major", 0)
    head = "".join(f'<th scope="col">{name}</th>' for name in ("#", "Type", "Kind", "Original", "Rewrite", "Message"))
    return (
        '<section><table class="list findings">'
        f"<caption>Findings<small>{len(findings)} in all · {major} major"
        f"</small></caption><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></section>"
    )


def _hardest_list(report: ReportDict, anchor: str) -> str:
    hardest = report["readability"].get("hardest_sentences", [])
    if not hardest:
        return ""
    items = []
    for entry in hardest:
        reasons = "; ".join(str(reason) for reason in entry.get("reasons", [])) or "long, dense wording"
        link = element("a", {"class": "quote", "href": f"#{anchor}-r{int(entry['index'])}"}, escape(str(entry["text"])))
        items.append(
            f'<li><span class="grade">grade {float(entry["grade"]):.1f}</span>'
            f" · {entry.get('words', '?')} words"
            f'<br>{link}<span class="reasons">{escape(reasons)}</span></li>'
        )
    heading = "<h3>Hardest sentences of the rewrite</h3>"
    return f'<section>{heading}<ol class="hardest">{"".join(items)}</ol></section>'
