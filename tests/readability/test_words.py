"""Word analysis: textstat's tokenisation, and lemma frequency ranks for vocabulary targets."""

from __future__ import annotations

import pytest
from textstat.backend.selections import list_words

from evalkit.readability.words import UNRANKED, formula_words, lemma_rank, word_info


@pytest.mark.parametrize(
    "text",
    ["The students' books weren't here.", "DON'T — it's 5 o'clock!", "“Well-known” (ideas), e-mail; café."],
)
def test_formula_words_are_textstats(text: str) -> None:
    assert formula_words(text) == list_words(text)


@pytest.mark.parametrize(
    ("inflected", "base"),
    [("cities", "city"), ("walked", "walk"), ("making", "make"), ("boxes", "box"), ("stopped", "stop")],
)
def test_inflections_share_their_lemmas_rank(inflected: str, base: str) -> None:
    assert lemma_rank(inflected) == lemma_rank(base)


def test_ranks_follow_frequency() -> None:
    assert lemma_rank("the") == 1
    assert lemma_rank("house") < lemma_rank("cottage") < lemma_rank("quay")
    assert lemma_rank("zzyzzyva") == UNRANKED


def test_word_info_knows_the_dale_chall_list() -> None:
    assert word_info("mother").easy
    assert not word_info("photosynthesis").easy
    assert word_info("photosynthesis").syllables == 5
