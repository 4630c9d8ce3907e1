"""evalkit's formulas equal textstat's where both find the same sentences, and differ on terse text, where
textstat drops every sentence of two words or fewer."""

from __future__ import annotations

from functools import reduce

import pytest
import textstat
from hypothesis import given, settings
from hypothesis import strategies as st

from evalkit.document import Document
from evalkit.readability import formulas
from evalkit.readability._textstat import backend

# texts whose sentences textstat and evalkit split alike: every sentence has three words or more
SAME_SENTENCES = [
    "The council approved the new budget on Monday. It will pay for three new schools and a library.",
    "Scientists have found that the glaciers are melting faster than expected. They measured the ice "
    "from satellites for twenty years. The results surprised even the most cautious researchers.",
    "Don't worry about the weather today. It's going to be sunny and warm, isn't it? The forecast says so!",
    "An unprecedented constellation of macroeconomic circumstances necessitated extraordinary intervention. "
    "Regulators subsequently reconsidered their institutional responsibilities thoroughly.",
]
# textstat's name for each evalkit formula
TEXTSTAT = {
    "flesch_reading_ease": textstat.flesch_reading_ease,
    "flesch_kincaid_grade": textstat.flesch_kincaid_grade,
    "smog_index": textstat.smog_index,
    "gunning_fog": textstat.gunning_fog,
    "coleman_liau_index": textstat.coleman_liau_index,
    "automated_readability_index": textstat.automated_readability_index,
    "dale_chall": textstat.dale_chall_readability_score,
    "lix": textstat.lix,
}


def counts_of(text: str) -> formulas.TextCounts:
    document = Document.from_text(text)
    return reduce(lambda a, b: a + b, (formulas.count_sentence(s.text) for s in document.sentences))


@pytest.mark.parametrize("text", SAME_SENTENCES)
@pytest.mark.parametrize("name", sorted(TEXTSTAT))
def test_formulas_equal_textstat_when_sentences_agree(text: str, name: str) -> None:
    counts = counts_of(text)
    assert counts.sentences == backend().counts.count_sentences(text)
    assert formulas.battery(counts)[name] == pytest.approx(TEXTSTAT[name](text), abs=1e-9)


@pytest.mark.parametrize(
    "sentence",
    [
        "The students' books weren't on the shelf.",
        "DON'T shout — it's 5 o'clock, rock'n'roll!",
        "“Quoted” words, well-known ideas and (brackets).",
        "Jones's cat’s whiskers measured 3.5 cm.",
        "An unprecedented, extraordinarily bureaucratic reorganisation.",
    ],
)
def test_sentence_counts_equal_textstat_counters(sentence: str) -> None:
    counts = backend().counts
    ours = formulas.count_sentence(sentence)
    assert ours.words == counts.count_words(sentence)
    assert ours.tokens_with_punctuation == counts.count_words(sentence, rm_punctuation=False)
    assert ours.syllables == counts.count_syllables(sentence, "en")
    assert ours.letters == counts.count_letters(sentence)
    assert ours.characters == counts.count_chars(sentence, ignore_spaces=True)
    assert ours.polysyllables == counts.count_polysyllable_words(sentence, "en")
    assert ours.fog_hard_words == counts.count_difficult_words(sentence, "en", 3)
    assert ours.unfamiliar_words == counts.count_difficult_words(sentence, "en", 0)
    assert ours.long_letter_words == counts.count_long_words(sentence)


_WORDS = st.sampled_from(
    ["the", "It's", "don't", "students'", "well-known", "Readability", "x", "3.5", "—", "(a)", "“quote”",
     "simplification", "rhythm", "O'Neill", "naïve", "e-mail", "USA", "...", "café"]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=30))
def test_any_sentence_counts_like_textstat(words: list[str]) -> None:
    sentence = " ".join(words)
    counts = backend().counts
    ours = formulas.count_sentence(sentence)
    assert (ours.words, ours.syllables, ours.polysyllables, ours.unfamiliar_words, ours.letters) == (
        counts.count_words(sentence),
        counts.count_syllables(sentence, "en"),
        counts.count_polysyllable_words(sentence, "en"),
        counts.count_difficult_words(sentence, "en", 0),
        counts.count_letters(sentence),
    )


TERSE = "He left. She cried. The old man sat down by the river and watched the boats. It rained. We ran home."


def test_terse_sentences_count_in_evalkit_but_not_in_textstat() -> None:
    counts = counts_of(TERSE)
    assert counts.sentences == 5
    assert backend().counts.count_sentences(TERSE) == 2  # "He left.", "She cried.", "It rained." dropped
    ours = formulas.flesch_kincaid_grade(counts)
    theirs = textstat.flesch_kincaid_grade(TERSE)
    # textstat spreads the same words over 2 sentences instead of 5: a higher grade for the plainest text
    assert counts.words == backend().counts.count_words(TERSE) == 21
    assert theirs - ours == pytest.approx(0.39 * (21 / 2 - 21 / 5), abs=1e-9)
    assert ours < theirs


def test_no_words_is_an_error_not_a_score() -> None:
    empty = formulas.count_sentence("— 42 —")
    assert empty.words == 1  # the number is a word for textstat
    with pytest.raises(ValueError, match="at least one word"):
        formulas.flesch_kincaid_grade(formulas.count_sentence("— —"))


@pytest.mark.parametrize(
    ("score", "grade"), [(4.0, 4.0), (4.9, 4.0), (5.45, 5.5), (6.95, 8.5), (9.45, 14.0), (12.0, 16.0)]
)
def test_dale_chall_grade_interpolates_the_table(score: float, grade: float) -> None:
    assert formulas.dale_chall_grade(score) == pytest.approx(grade)


def test_consensus_is_the_median_of_the_six_grade_formulas() -> None:
    scores = formulas.battery(counts_of(SAME_SENTENCES[1]))
    grades = sorted(scores[name] for name in formulas.GRADE_FORMULAS)
    assert scores["consensus_grade"] == pytest.approx((grades[2] + grades[3]) / 2)
