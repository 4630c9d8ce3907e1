"""Text that is not part of the article: site furniture, photo credits, datelines, a repeated title.

Pages copied from the web carry comment prompts, navigation, sharing and download blurbs. They are not
content: scoring them would inflate readability and invent "dropped" facts. evalkit finds them by rule,
reports them as ``ignored`` spans with a reason, and leaves them out of every score.

Rules (all cheap, all positional, so a sentence in the body that merely mentions "Telegram" is kept):

* ``boilerplate`` — a run of paragraphs at the *end* (or start) of the text, each carrying a site-furniture
  phrase from :data:`FURNITURE_PATTERNS` or being a short unpunctuated line inside such a run; anywhere, a
  short stand-alone line that is only such a phrase ("Advertisement", "Read more: ...").
* ``caption`` — a short stand-alone credit line: "Image: Reuters", "Photo credit: AP".
* ``dateline`` — a wire-style prefix of the first body paragraph: "LONDON (Reuters) - ", "Berita 24 English - ".
* ``duplicate`` — a first line that the next paragraph repeats (a title followed by the same lede).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from evalkit.segment import Range, count_words, is_heading

#: Phrases of site furniture: comment prompts, navigation, sharing, subscription, download and cookie blurbs.
FURNITURE_PATTERNS: tuple[str, ...] = (
    r"\b(?:post|leave|add|write) (?:a|your) (?:comment|reply)\b",
    r"\bcomments? (?:section|below|are closed)\b",
    r"\b(?:previous|next|older|newer) (?:post|article|story)s?\b",
    r"\bjoin (?:us|our)\b.{0,40}\b(?:telegram|whatsapp|discord|facebook|channel|newsletter|community)\b",
    r"\b(?:subscribe|sign up) (?:to|for)\b.{0,30}\b(?:newsletter|channel|updates|alerts)\b",
    r"\bfollow us on\b",
    r"\blike us on facebook\b",
    r"\bshare (?:this|on) (?:article|post|story|facebook|twitter|x|whatsapp)\b",
    r"\bclick (?:here|close|to (?:share|print|email|subscribe))\b",
    r"\bwe recommend using (?:google )?(?:chrome|firefox|edge|safari|opera)\b",
    r"\ball rights reserved\b",
    r"(?:©|\(c\))\s*\d{4}",
    r"\bdownload links?\b",
    r"\bpop[- ]?ups?\b|\bpop ads\b",
    r"\bskip to (?:main )?content\b",
    r"\b(?:we|this (?:site|website)) uses? cookies\b",
    r"\brelated (?:posts|articles|stories|news)\b",
    r"\blive updates\b",
    r"\bsponsored content\b",
)
_FURNITURE = re.compile("|".join(FURNITURE_PATTERNS), re.IGNORECASE)
#: For each of :data:`FURNITURE_PATTERNS`, strings (lowercase) one of which every match of it contains: a
#: paragraph is only searched for the patterns whose keys it contains (the whole alternation costs about
#: 0.2 ms per paragraph, and most paragraphs carry none of their keys).
FURNITURE_KEYS: tuple[tuple[str, ...], ...] = (
    ("comment", "reply"), ("comment",), ("previous ", "next ", "older ", "newer "), ("join us", "join our"),
    ("subscribe", "sign up"), ("follow us on",), ("like us on facebook",), ("share this", "share on"),
    ("click",), ("recommend",), ("rights reserved",), ("©", "(c)"), ("download",), ("pop-u", "pop ", "popup"),
    ("skip to",), ("cookie",), ("related posts", "related articles", "related stories", "related news"),
    ("live updates",), ("sponsored",),
)  # fmt: skip
_FURNITURE_RULES = tuple(
    (keys, re.compile(pattern, re.IGNORECASE)) for keys, pattern in zip(FURNITURE_KEYS, FURNITURE_PATTERNS, strict=True)
)
_ANY_FURNITURE_KEY = frozenset(key for keys in FURNITURE_KEYS for key in keys)
#: Characters that case-insensitive matching equates with an ASCII letter although ``str.lower`` does not
#: turn them into it (dotted and dotless i, long s, Kelvin sign): with one of them the pattern is searched.
_ASCII_FOLDS = frozenset("\u0130\u0131\u017f\u212a")


def has_furniture(body: str) -> bool:
    """Whether a paragraph carries a site-furniture phrase (:data:`FURNITURE_PATTERNS`)."""
    if body.isascii() or _ASCII_FOLDS.isdisjoint(body):
        lower = body.lower()
        if not any(key in lower for key in _ANY_FURNITURE_KEY):
            return False
        return any(
            pattern.search(body) is not None for keys, pattern in _FURNITURE_RULES if any(key in lower for key in keys)
        )
    return _FURNITURE.search(body) is not None


_STANDALONE = re.compile(
    r"^\s*(?:advertisement|advert|sponsored|read more\b.*|see also\b.*|related\b.{0,60}|tags?:.*|"
    r"share(?: this)?(?: article| story)?|print|email)\s*$",
    re.IGNORECASE,
)
_CAPTION = re.compile(
    r"^\s*(?:image|photo|picture|photograph|video|illustration|credit|source)s?(?:\s+credits?)?\s*[:|]\s*\S",
    re.IGNORECASE,
)
_DATELINE = re.compile(
    r"^\s*(?P<prefix>(?:[A-Z0-9][\w'.&]*\s+){0,4}[A-Z0-9][\w'.&]*\.?(?:\s*\([^()]{1,30}\))?)\s+[-–—]{1,2}\s+"
    r"(?=[A-Z\"“‘])"
)
_NORMALISE = re.compile(r"\W+")


def find_ignored(text: str, paragraphs: Sequence[Range]) -> dict[int, str]:
    """Map paragraph index -> reason for every paragraph of ``text`` that is not article content."""
    reasons: dict[int, str] = {}
    bodies = [text[paragraph.start : paragraph.end] for paragraph in paragraphs]
    furniture = [has_furniture(body) for body in bodies]
    counts = [count_words(body) for body in bodies]
    short = [words <= 8 and is_heading(body) for body, words in zip(bodies, counts, strict=True)]

    for index, body in enumerate(bodies):
        words = counts[index]
        if words <= 12 and _CAPTION.match(body):
            reasons[index] = "caption"
        elif words <= 12 and (_STANDALONE.match(body) or (furniture[index] and is_heading(body))):
            reasons[index] = "boilerplate"

    # a run of furniture at the end of the text (short unpunctuated lines inside the run belong to it)
    run_start = None
    for index in range(len(bodies) - 1, -1, -1):
        if furniture[index] or index in reasons or (short[index] and run_start is not None and run_start == index + 1):
            run_start = index
        else:
            break
    if run_start is not None:
        # a run may not start with a short line: it must be anchored by furniture
        while run_start < len(bodies) and not furniture[run_start] and run_start not in reasons:
            run_start += 1
        for index in range(run_start, len(bodies)):
            reasons.setdefault(index, "boilerplate")

    # the same at the start of the text
    for index in range(len(bodies)):
        if furniture[index] and counts[index] <= 25:
            reasons.setdefault(index, "boilerplate")
        elif index not in reasons:
            break

    _mark_repeated_title(bodies, reasons)
    # never ignore everything: a text made only of such phrases is scored as it is
    if len(reasons) == len(bodies):
        return {}
    return reasons


def _mark_repeated_title(bodies: Sequence[str], reasons: dict[int, str]) -> None:
    content = [index for index in range(len(bodies)) if index not in reasons]
    if len(content) < 2:
        return
    first, second = content[0], content[1]
    title = _NORMALISE.sub(" ", bodies[first]).strip().lower()
    following = _NORMALISE.sub(" ", bodies[second]).strip().lower()
    if title and following.startswith(title) and count_words(bodies[first]) >= 3:
        reasons[first] = "duplicate"


def dateline_length(paragraph_text: str) -> int:
    """Length of a wire-style dateline prefix ("LONDON (Reuters) - ") of a paragraph, 0 when it has none."""
    match = _DATELINE.match(paragraph_text)
    if not match:
        return 0
    prefix = match.group("prefix")
    if count_words(prefix) > 6 or not any(character.isalpha() for character in prefix):
        return 0
    return match.end()
