"""Inline SVG charts for the batch view: histograms of a score and a before/after scatter.

Drawn here, in Python, as static SVG: no script, no fonts or images to fetch, printable. Colour is
never the only signal: failed pairs are hatched in histograms and drawn as crosses in the scatter; every
bar and point carries a ``<title>`` with its numbers, and each chart a caption with the summary figures.
Colours come from CSS classes (``bar-pass``, ``bar-fail`` ...), so the page's stylesheet themes them.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from evalkit.writers.html_layers import attributes, escape

#: Histogram geometry in SVG user units (the SVG scales to its box).
WIDTH, HEIGHT = 320.0, 290.0
LEFT, RIGHT, TOP, BOTTOM = 34.0, 10.0, 28.0, 44.0
#: Candidate bin widths for a histogram of unbounded values (grade levels).
NICE_STEPS = (0.25, 0.5, 1.0, 2.0, 2.5, 5.0, 10.0, 20.0, 50.0)
MAX_BINS = 12


@dataclass(frozen=True, slots=True)
class Value:
    """One pair's value in a chart."""

    value: float
    passed: bool
    label: str  # pair id, shown in titles
    href: str  # in-page anchor of the pair view


@dataclass(frozen=True, slots=True)
class Threshold:
    value: float
    better: Literal["higher", "lower"]
    label: str


def _fmt(value: float) -> str:
    """A number for axis ticks: at most two decimals, no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _bins(values: Sequence[float], domain: tuple[float, float] | None, extra: Sequence[float]) -> list[float]:
    """Bin edges: over ``domain`` in tenths when given, else nice steps covering values and ``extra``."""
    if domain is not None:
        low, high = domain
        return [low + (high - low) * i / 10 for i in range(11)]
    low = min([*values, *extra])
    high = max([*values, *extra])
    span = max(high - low, 1e-9)
    step = next((s for s in NICE_STEPS if span / s <= MAX_BINS), NICE_STEPS[-1])
    first = math.floor(low / step) * step
    last = math.floor(high / step) * step + step
    count = max(1, round((last - first) / step))
    return [first + step * i for i in range(count + 1)]


def _bin_of(value: float, edges: Sequence[float]) -> int:
    for index in range(len(edges) - 1):
        if value < edges[index + 1]:
            return index
    return len(edges) - 2


def _y_ticks(top: int) -> list[int]:
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000, 10**9) if top / s <= 5)
    return list(range(0, top + 1, step))


def _summary(values: Sequence[float], unit: str) -> str:
    median = statistics.median(values)
    return f"n = {len(values)} · median {median:.2f}{unit} · range {min(values):.2f} to {max(values):.2f}{unit}"


def histogram(
    chart_id: str,
    title: str,
    values: Sequence[Value],
    *,
    axis: str,
    unit: str = "",
    domain: tuple[float, float] | None = None,
    threshold: Threshold | None = None,
) -> str:
    """A ``<figure>``: stacked histogram of passed (solid) and failed (hatched) pairs."""
    numbers = [v.value for v in values]
    edges = _bins(numbers, domain, [threshold.value] if threshold else [])
    passed = [0] * (len(edges) - 1)
    failed = [0] * (len(edges) - 1)
    for item in values:
        (passed if item.passed else failed)[_bin_of(item.value, edges)] += 1
    top = max(1, *(p + f for p, f in zip(passed, failed, strict=True)))
    ticks = _y_ticks(top)
    top = max(top, ticks[-1])
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    low, high = edges[0], edges[-1]

    def x(value: float) -> float:
        return LEFT + (value - low) / (high - low) * plot_w

    def y(count: float) -> float:
        return TOP + plot_h - count / top * plot_h

    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH:g} {HEIGHT:g}" role="img"'
        f' aria-labelledby="{chart_id}-t {chart_id}-d">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(_summary(numbers, unit))}</desc>',
        f'<defs><pattern id="{chart_id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse"'
        ' patternTransform="rotate(45)"><rect class="hatch-bg" width="6" height="6"/>'
        '<line class="hatch-line" x1="0" y1="0" x2="0" y2="6"/></pattern></defs>',
    ]
    for tick in ticks:
        parts.append(
            f'<line class="grid" x1="{LEFT:g}" x2="{WIDTH - RIGHT:g}" y1="{y(tick):.1f}" y2="{y(tick):.1f}"/>'
            f'<text class="tick" x="{LEFT - 5:g}" y="{y(tick) + 4:.1f}" text-anchor="end">{tick}</text>'
        )
    every = max(1, math.ceil((len(edges) - 1) / 6))
    for index, edge in enumerate(edges):
        if index % every == 0:
            parts.append(
                f'<text class="tick" x="{x(edge):.1f}" y="{TOP + plot_h + 16:g}" text-anchor="middle">'
                f"{_fmt(edge)}</text>"
            )
    for index, (count_pass, count_fail) in enumerate(zip(passed, failed, strict=True)):
        left, right = x(edges[index]) + 1, x(edges[index + 1]) - 1
        span = f"{_fmt(edges[index])} to {_fmt(edges[index + 1])}{unit}"
        label = f"{span}: {count_pass} passed, {count_fail} failed"
        parts.append(f"<g><title>{escape(label)}</title>")
        if count_pass:
            parts.append(
                f'<rect class="bar-pass" x="{left:.1f}" y="{y(count_pass):.1f}" width="{right - left:.1f}"'
                f' height="{y(0) - y(count_pass):.1f}"/>'
            )
        if count_fail:
            total = count_pass + count_fail
            parts.append(
                f'<rect class="bar-fail" fill="url(#{chart_id}-hatch)" x="{left:.1f}" y="{y(total):.1f}"'
                f' width="{right - left:.1f}" height="{y(count_pass) - y(total):.1f}"/>'
            )
        if not count_pass and not count_fail:
            parts.append(
                f'<rect class="bar-empty" x="{left:.1f}" y="{y(0) - 1:.1f}" width="{right - left:.1f}" height="1"/>'
            )
        parts.append("</g>")
    parts.append(f'<line class="axis" x1="{LEFT:g}" x2="{WIDTH - RIGHT:g}" y1="{y(0):.1f}" y2="{y(0):.1f}"/>')
    if threshold is not None:
        tx = x(threshold.value)
        anchor = "start" if threshold.better == "higher" else "end"
        shift = 4 if threshold.better == "higher" else -4
        arrow = f"{threshold.label} →" if threshold.better == "higher" else f"← {threshold.label}"
        parts.append(
            f'<line class="threshold" x1="{tx:.1f}" x2="{tx:.1f}" y1="{TOP - 8:g}" y2="{y(0):.1f}"/>'
            f'<text class="threshold-label" x="{tx + shift:.1f}" y="{TOP - 10:g}" text-anchor="{anchor}">'
            f"{escape(arrow)}</text>"
        )
    parts.append(
        f'<text class="axis-title" x="{LEFT + plot_w / 2:.1f}" y="{HEIGHT - 6:g}" text-anchor="middle">'
        f"{escape(axis)}</text></svg>"
    )
    caption = (
        f'<figcaption><strong>{escape(title)}</strong><span class="fig-sub">{escape(_summary(numbers, unit))}'
        '</span><span class="fig-key"><span class="key key-pass"></span> passed '
        '<span class="key key-fail"></span> failed</span></figcaption>'
    )
    return f'<figure class="chart-box" id="{chart_id}">{"".join(parts)}{caption}</figure>'


@dataclass(frozen=True, slots=True)
class Point:
    before: float
    after: float
    passed: bool
    label: str
    href: str


def scatter(chart_id: str, title: str, points: Sequence[Point], *, axis_x: str, axis_y: str) -> str:
    """A ``<figure>``: rewrite grade against original grade, one linked mark per pair; the diagonal is
    "no change" and the shaded half below it "easier"."""
    size, left, bottom, top_pad, right_pad = 300.0, 46.0, 42.0, 14.0, 10.0
    values = [p.before for p in points] + [p.after for p in points]
    low = math.floor(min(values)) - 1.0
    high = math.ceil(max(values)) + 1.0
    plot = size - left - right_pad

    def sx(value: float) -> float:
        return left + (value - low) / (high - low) * plot

    def sy(value: float) -> float:
        return top_pad + plot - (value - low) / (high - low) * plot

    width, height = size, top_pad + plot + bottom
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100) if (high - low) / s <= 8)
    parts = [
        f'<svg class="chart chart-scatter" viewBox="0 0 {width:g} {height:g}" role="group"'
        f' aria-labelledby="{chart_id}-t">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<polygon class="easier" points="{sx(low):.1f},{sy(low):.1f} {sx(high):.1f},{sy(low):.1f}'
        f' {sx(high):.1f},{sy(high):.1f}"/>',
    ]
    tick = math.ceil(low / step) * step
    while tick <= high:
        parts.append(
            f'<line class="grid" x1="{sx(tick):.1f}" x2="{sx(tick):.1f}" y1="{top_pad:g}"'
            f' y2="{top_pad + plot:g}"/>'
            f'<line class="grid" x1="{left:g}" x2="{left + plot:g}" y1="{sy(tick):.1f}" y2="{sy(tick):.1f}"/>'
            f'<text class="tick" x="{sx(tick):.1f}" y="{top_pad + plot + 16:g}"'
            f' text-anchor="middle">{_fmt(tick)}</text>'
            f'<text class="tick" x="{left - 5:g}" y="{sy(tick) + 4:.1f}"'
            f' text-anchor="end">{_fmt(tick)}</text>'
        )
        tick += step
    parts.append(
        f'<line class="diagonal" x1="{sx(low):.1f}" y1="{sy(low):.1f}"'
        f' x2="{sx(high):.1f}" y2="{sy(high):.1f}"/>'
        f'<text class="region-label" x="{sx(high) - 6:.1f}" y="{sy(low) - 8:.1f}" text-anchor="end">'
        "easier after ↓</text>"
        f'<text class="region-label" x="{sx(low) + 6:.1f}" y="{sy(high) + 14:.1f}">harder after ↑</text>'
    )
    for point in sorted(points, key=lambda p: p.passed, reverse=True):  # failed drawn last, on top
        cx, cy = sx(point.before), sy(point.after)
        label = (
            f"{point.label}: grade {point.before:.1f} → {point.after:.1f} ({'passed' if point.passed else 'failed'})"
        )
        shape = (
            f'<circle class="pt-pass" cx="{cx:.1f}" cy="{cy:.1f}" r="4"/>'
            if point.passed
            else f'<path class="pt-fail" d="M{cx - 4:.1f},{cy - 4:.1f}L{cx + 4:.1f},{cy + 4:.1f}'
            f'M{cx - 4:.1f},{cy + 4:.1f}L{cx + 4:.1f},{cy - 4:.1f}"/>'
        )
        parts.append(
            f"<a{attributes([('href', point.href), ('aria-label', label)])}><title>{escape(label)}</title>{shape}</a>"
        )
    parts.append(
        f'<text class="axis-title" x="{left + plot / 2:.1f}" y="{height - 6:g}" text-anchor="middle">'
        f"{escape(axis_x)}</text>"
        f'<text class="axis-title" transform="translate(11 {top_pad + plot / 2:.1f}) rotate(-90)"'
        f' text-anchor="middle">{escape(axis_y)}</text></svg>'
    )
    easier = sum(1 for p in points if p.after < p.before)
    caption = (
        f"<figcaption><strong>{escape(title)}</strong>"
        f'<span class="fig-sub">{easier} of {len(points)} rewrites'
        ' read at a lower grade than their original</span><span class="fig-key"><span class="key'
        ' key-dot"></span> passed <span class="key key-cross">×</span> failed</span></figcaption>'
    )
    return f'<figure class="chart-box chart-box-wide" id="{chart_id}">{"".join(parts)}{caption}</figure>'
