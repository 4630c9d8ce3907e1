"""Highlights over a text, as well-nested HTML.

Findings, missing words and ignored spans are character ranges that may nest or overlap. :func:`overlay`
renders a range of a text with every layer wrapped around its characters: where two layers overlap without
one containing the other, the inner one is closed and reopened (the reopened *fragments* repeat the
layer's attributes, with ``rest_attrs`` instead of ``first_attrs``, so an ``id`` or ``tabindex`` appears
once). Every piece of
text is escaped; attribute values too (``quote=True``).
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

_SURROGATE = re.compile("[\ud800-\udfff]")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def escape(text: str) -> str:
    """Text or attribute value, escaped for HTML (quotes included); lone surrogates become U+FFFD so the
    page can always be written as UTF-8."""
    return html.escape(_SURROGATE.sub("\ufffd", text), quote=True)


def slug(text: str, limit: int) -> str:
    """``text`` reduced to ``[A-Za-z0-9._-]`` (at most ``limit`` characters), fit for an id, a class or a
    file name; ``pair`` when nothing is left."""
    return _UNSAFE.sub("-", text).strip("-.")[:limit].strip("-.") or "pair"


def attributes(pairs: Iterable[tuple[str, str]]) -> str:
    """`` name="value"`` for each pair; names are ours (never input), values are escaped."""
    return "".join(f' {name}="{escape(value)}"' for name, value in pairs)


def element(tag: str, attrs: Mapping[str, str] | None = None, inner: str = "") -> str:
    """``<tag attrs>inner</tag>``: ``inner`` is HTML already (escape text before passing it)."""
    return f"<{tag}{attributes((attrs or {}).items())}>{inner}</{tag}>"


@dataclass(frozen=True, slots=True)
class Layer:
    """One highlighted range ``[start, end)``: ``rank`` orders nesting (lower is outer)."""

    start: int
    end: int
    rank: int
    tag: str
    attrs: tuple[tuple[str, str], ...]
    first_attrs: tuple[tuple[str, str], ...] = ()
    rest_attrs: tuple[tuple[str, str], ...] = ()

    def order(self) -> tuple[int, int, int]:
        return (self.rank, self.start, -self.end)


def overlay(text: str, start: int, end: int, layers: Sequence[Layer], opened: set[int] | None = None) -> str:
    """``text[start:end]`` escaped, with ``layers`` (clipped to the range) as nested elements.

    ``opened`` holds the ``id()`` of layers already rendered (a layer may reach over several ranges, each
    rendered by its own call): only a layer's first fragment anywhere gets its ``first_attrs``.
    """
    opened = set() if opened is None else opened
    clipped = [
        (index, layer, max(layer.start, start), min(layer.end, end))
        for index, layer in enumerate(layers)
        if max(layer.start, start) < min(layer.end, end)
    ]
    points = sorted({start, end, *(s for _, _, s, _ in clipped), *(e for _, _, _, e in clipped)})
    starting: dict[int, list[int]] = {}
    ending: dict[int, list[int]] = {}
    for position, (_, _, s, e) in enumerate(clipped):
        starting.setdefault(s, []).append(position)
        ending.setdefault(e, []).append(position)

    def key(position: int) -> tuple[tuple[int, int, int], int]:
        index, layer, _, _ = clipped[position]
        return layer.order(), index

    out: list[str] = []
    active: set[int] = set()
    stack: list[int] = []
    for left, right in itertools.pairwise(points):
        active.difference_update(ending.get(left, ()))
        active.update(starting.get(left, ()))
        wanted = sorted(active, key=key)
        keep = 0
        while keep < len(stack) and keep < len(wanted) and stack[keep] == wanted[keep]:
            keep += 1
        for position in reversed(stack[keep:]):
            out.append(f"</{clipped[position][1].tag}>")
        for position in wanted[keep:]:
            layer = clipped[position][1]
            extra = layer.rest_attrs if id(layer) in opened else layer.first_attrs
            opened.add(id(layer))
            out.append(f"<{layer.tag}{attributes((*layer.attrs, *extra))}>")
        stack = wanted
        out.append(escape(text[left:right]))
    for position in reversed(stack):
        out.append(f"</{clipped[position][1].tag}>")
    return "".join(out)
