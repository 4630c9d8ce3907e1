"""Site furniture: the cheap key check never hides a phrase the patterns find."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evalkit.boilerplate import _FURNITURE, FURNITURE_PATTERNS, has_furniture

PHRASES = [
    "Leave a comment below", "COMMENTS ARE CLOSED", "Next article", "Join our Telegram channel today",
    "Subscribe to our newsletter", "Follow us on X", "Like us on Facebook", "Share this article",
    "Click here", "We recommend using Google Chrome", "All rights reserved", "© 2024 The Paper", "(C) 1999",
    "Download links", "pop-ups", "Skip to main content", "This website uses cookies", "Related stories",
    "Live updates", "Sponsored content", "ſhare on twitter", "LİKE US ON FACEBOOK", "\u212alick here",
    "The council met on Monday.", "He shared a post-war story.", "",
]  # fmt: skip


@pytest.mark.parametrize("text", PHRASES)
def test_key_check_agrees_with_the_patterns(text: str) -> None:
    assert has_furniture(text) == (_FURNITURE.search(text) is not None)


@pytest.mark.parametrize("pattern", FURNITURE_PATTERNS)
def test_every_phrase_list_entry_is_covered(pattern: str) -> None:
    # at least one listed phrase is found by each pattern, so the parametrized check above exercises it
    assert any(re.search(pattern, text, re.IGNORECASE) for text in PHRASES)


_ALPHABET = st.sampled_from(
    [*"abcdefghijklmnopqrstuvwxyzABCKLMNOPS ()©-.,'0123456789", "\u0130", "\u0131", "\u017f", "\u212a", "é"]
)


@given(st.lists(st.one_of(st.sampled_from(PHRASES), st.text(_ALPHABET, max_size=12)), max_size=6).map(" ".join))
def test_key_check_agrees_with_the_patterns_on_any_text(text: str) -> None:
    assert has_furniture(text) == (_FURNITURE.search(text) is not None)
