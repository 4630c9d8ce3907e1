"""Markup removal that keeps every character traceable to the text as given.

HTML and Markdown are turned into a plain *analysis view*. Each character of that view remembers the offset
of the character it came from, so a finding in the view maps back to ``text[start:end]`` of the input.
Removed markup is reported as ``ignored`` spans with reason ``markup``.
"""

from __future__ import annotations

import html
import re
from array import array
from dataclasses import dataclass
from html.parser import HTMLParser

from evalkit.spans import IgnoredSpan, merge_ignored


@dataclass(frozen=True, slots=True)
class AnalysisView:
    """Plain text for analysis, and for each of its characters the offset into the original input."""

    text: str
    to_input: array[int] | None  # None: the view *is* the input (plain text)
    ignored: tuple[IgnoredSpan, ...]

    def input_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` range of the view to the input."""
        if self.to_input is None:
            return start, end
        if end <= start:
            position = self.to_input[start] if start < len(self.to_input) else self._input_end()
            return position, position
        return self.to_input[start], self.to_input[end - 1] + 1

    def _input_end(self) -> int:
        assert self.to_input is not None
        return self.to_input[-1] + 1 if len(self.to_input) else 0


class _Builder:
    """Accumulates view text with the input offset of every character."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.offsets = array("q")
        self.ignored: list[IgnoredSpan] = []

    def add(self, text: str, input_start: int, *, contiguous: bool = True) -> None:
        """Append ``text`` whose first character is at ``input_start`` in the input."""
        if not text:
            return
        self.parts.append(text)
        if contiguous:
            self.offsets.extend(range(input_start, input_start + len(text)))
        else:
            self.offsets.extend([input_start] * len(text))

    def ignore(self, start: int, end: int, reason: str = "markup") -> None:
        if end > start:
            self.ignored.append(IgnoredSpan(start, end, reason))

    def view(self) -> AnalysisView:
        return AnalysisView("".join(self.parts), self.offsets, merge_ignored(self.ignored))


# --------------------------------------------------------------------------------------------------- HTML

_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "title",
    ]
)
_SKIPPED_TAGS = frozenset(["script", "style", "noscript", "template", "svg", "math", "iframe", "object", "head", "nav"])
#: Skipped elements that are site furniture rather than markup: ignored with reason ``boilerplate``.
_FURNITURE_TAGS = frozenset(["nav"])


class _HTMLToView(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.builder = _Builder()
        self.line_starts = [0]
        for match in re.finditer("\n", source):
            self.line_starts.append(match.end())
        self.skip_depth = 0
        self.skip_tag: str | None = None
        self._skip_start = 0

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        raw = self.get_starttag_text() or ""
        if self.skip_depth:  # inside a skipped element: its whole span is ignored when it ends
            if tag == self.skip_tag:
                self.skip_depth += 1
            return
        self.builder.ignore(start, start + len(raw))
        if tag in _SKIPPED_TAGS:
            self.skip_depth, self.skip_tag = 1, tag
            self._skip_start = start
            return
        if tag in _BLOCK_TAGS:
            self.builder.add("\n", start, contiguous=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        raw = self.get_starttag_text() or ""
        if self.skip_depth:
            return
        self.builder.ignore(start, start + len(raw))
        if tag in _BLOCK_TAGS:
            self.builder.add("\n", start, contiguous=False)
        elif tag == "img":
            alt = dict(attrs).get("alt")
            if alt:
                self.builder.add(" " + alt.strip() + " ", start, contiguous=False)

    def handle_endtag(self, tag: str) -> None:
        start = self._offset()
        end = self.source.find(">", start)
        end = len(self.source) if end < 0 else end + 1
        if self.skip_depth:
            if tag == self.skip_tag:
                self.skip_depth -= 1
                if self.skip_depth == 0:
                    reason = "boilerplate" if tag in _FURNITURE_TAGS else "markup"
                    self.builder.ignore(self._skip_start, end, reason)
                    self.skip_tag = None
            return
        self.builder.ignore(start, end)
        if tag in _BLOCK_TAGS:
            self.builder.add("\n", start, contiguous=False)

    def handle_data(self, data: str) -> None:
        if self.skip_depth:
            return
        self.builder.add(data, self._offset())

    def handle_entityref(self, name: str) -> None:
        self._reference(f"&{name}")

    def handle_charref(self, name: str) -> None:
        self._reference(f"&#{name}")

    def _reference(self, prefix: str) -> None:
        if self.skip_depth:
            return
        start = self._offset()
        raw = prefix + ";" if self.source.startswith(prefix + ";", start) else prefix
        self.builder.add(html.unescape(raw), start, contiguous=False)

    def handle_comment(self, data: str) -> None:
        if self.skip_depth:
            return
        start = self._offset()
        self.builder.ignore(start, start + len(data) + 7)

    def handle_decl(self, decl: str) -> None:
        start = self._offset()
        self.builder.ignore(start, start + len(decl) + 3)

    def handle_pi(self, data: str) -> None:
        start = self._offset()
        self.builder.ignore(start, start + len(data) + 3)


def html_view(source: str) -> AnalysisView:
    """The visible text of an HTML document (scripts, styles and the head skipped), block tags as breaks."""
    parser = _HTMLToView(source)
    parser.feed(source)
    parser.close()
    return parser.builder.view()


# ----------------------------------------------------------------------------------------------- Markdown

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_LINE_PREFIX = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?)+")
#: A line prefix that starts a block: a heading ("## ") or a list item ("- ", "1. "), not a quotation ("> ").
_BLOCK_MARKER = re.compile(r"#|[-*+]\s|\d[.)]")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_HRULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_HEADING_UNDERLINE = re.compile(r"^\s{0,3}(=+|-+)\s*$")
# inline constructs, first match wins; group "keep" is the visible text
_INLINE = re.compile(
    r"!\[(?P<alt>[^\]]*)\]\([^)]*\)"  # image: keep alt text
    r"|\[(?P<link>[^\]]+)\]\([^)]*\)"  # link: keep its text
    r"|\[(?P<ref>[^\]]+)\]\[[^\]]*\]"  # reference link
    r"|<(?P<auto>https?://[^>\s]+)>"  # autolink
    r"|`(?P<code>[^`]+)`"  # inline code: keep
    r"|(?P<tag></?[A-Za-z][^>]*>)"  # inline html tag: drop
    r"|(?P<emph>\*\*|__|\*|_(?=\w)|(?<=\w)_|~~)"  # emphasis markers: drop
)


def markdown_view(source: str) -> AnalysisView:
    """The prose of a Markdown document: syntax removed, link and image text kept, code blocks ignored."""
    builder = _Builder()
    in_fence = False
    fence_start = 0
    position = 0
    for line in source.splitlines(keepends=True):
        line_start, position = position, position + len(line)
        body = line.rstrip("\r\n")
        newline_at = line_start + len(body)
        if _FENCE.match(body):
            if in_fence:
                builder.ignore(fence_start, line_start + len(body))
            else:
                fence_start = line_start
            in_fence = not in_fence
            builder.add("\n", newline_at, contiguous=False)
            continue
        if in_fence:
            continue
        if _TABLE_RULE.match(body) or _HRULE.match(body) or (_HEADING_UNDERLINE.match(body) and body.strip()):
            builder.ignore(line_start, newline_at)
            builder.add("\n", newline_at, contiguous=False)
            continue
        prefix = _LINE_PREFIX.match(body)
        cursor = prefix.end() if prefix else 0
        if cursor:
            builder.ignore(line_start, line_start + cursor)
        # a heading or list item is a block of its own: with its marker gone, it would read as one line of
        # a hard-wrapped paragraph ("- five or more people\n- someone who uses nappies" as one sentence)
        marker = prefix.group() if prefix is not None and _BLOCK_MARKER.search(prefix.group()) else ""
        if marker:
            builder.add("\n", line_start + cursor, contiguous=False)
        if body.lstrip().startswith("|"):
            _add_table_row(builder, body, line_start)
        else:
            _add_inline(builder, body, cursor, line_start)
        if len(line) > len(body):
            builder.add(line[len(body) :], newline_at)
        if "#" in marker:  # nor does the text under a heading go on
            builder.add("\n", newline_at, contiguous=False)
    if in_fence:
        builder.ignore(fence_start, len(source))
    return builder.view()


def _add_table_row(builder: _Builder, body: str, line_start: int) -> None:
    for match in re.finditer(r"[^|]+", body):
        cell = match.group()
        if cell.strip():
            _add_inline(builder, body[: match.end()], match.start(), line_start)
            builder.add(
                ". " if not cell.rstrip().endswith((".", "!", "?")) else " ",
                line_start + match.end(),
                contiguous=False,
            )
        builder.ignore(line_start + match.end(), line_start + match.end() + 1)


def _add_inline(builder: _Builder, body: str, cursor: int, line_start: int) -> None:
    for match in _INLINE.finditer(body, cursor):
        builder.add(body[cursor : match.start()], line_start + cursor)
        kind = match.lastgroup
        if kind in ("alt", "link", "ref", "auto", "code"):
            group_start = match.start(kind)
            builder.ignore(line_start + match.start(), line_start + group_start)
            builder.add(match.group(kind), line_start + group_start)
            builder.ignore(line_start + match.end(kind), line_start + match.end())
        else:
            builder.ignore(line_start + match.start(), line_start + match.end())
        cursor = match.end()
    builder.add(body[cursor:], line_start + cursor)


def plain_view(source: str) -> AnalysisView:
    """Plain text is its own analysis view."""
    return AnalysisView(source, None, ())


#: Punctuation a conversion cut down to its low byte, read as what it was: the control characters U+0013,
#: U+0014, U+0018, U+0019, U+001C and U+001D stand for U+2013 "–", U+2014 "—", U+2018 "‘", U+2019 "’",
#: U+201C "“" and U+201D "”" ("don\x19t" is "don’t"). One character for one, so offsets do not move;
#: :func:`evalkit.io.damage_warnings` tells the user.
LOW_BYTE_PUNCTUATION = str.maketrans({0x13: "–", 0x14: "—", 0x18: "‘", 0x19: "’", 0x1C: "“", 0x1D: "”"})
LOW_BYTE = re.compile("[" + "".join(map(chr, LOW_BYTE_PUNCTUATION)) + "]")


#: The Penn Treebank's tokens for brackets, which tokenised corpora (WikiLarge, Newsela's aligned sentences)
#: write for "(", ")" and the rest: each read as its bracket, padded with spaces to its own length so
#: offsets do not move ("Smith -LRB- born 1950 -RRB- is" reads "Smith (     born 1950     ) is"; a span
#: that starts or ends at the bracket covers its whole token in the input).
TREEBANK_BRACKETS = {
    "-LRB-": "(    ", "-RRB-": "    )", "-LSB-": "[    ", "-RSB-": "    ]", "-LCB-": "{    ", "-RCB-": "    }",
}  # fmt: skip
_TREEBANK_BRACKET = re.compile(r"(?<!\S)-[LR][RSC]B-(?!\S)")


def analysis_view(source: str, text_format: str) -> AnalysisView:
    """The analysis view for a text of the given format (``text``, ``markdown`` or ``html``), punctuation
    cut down to its low byte read as what it was (:data:`LOW_BYTE_PUNCTUATION`), and the Penn Treebank's
    bracket tokens as brackets (:data:`TREEBANK_BRACKETS`)."""
    if text_format == "html":
        view = html_view(source)
    elif text_format == "markdown":
        view = markdown_view(source)
    else:
        view = plain_view(source)
    text = view.text
    if LOW_BYTE.search(text) is not None:
        text = text.translate(LOW_BYTE_PUNCTUATION)
    if "RB-" in text or "SB-" in text or "CB-" in text:
        text = _TREEBANK_BRACKET.sub(lambda match: TREEBANK_BRACKETS[match.group()], text)
    return view if text is view.text else AnalysisView(text, view.to_input, view.ignored)
