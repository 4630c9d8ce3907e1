"""Word frequencies read from wordfreq's data file equal wordfreq's own, without importing wordfreq."""

from __future__ import annotations

import subprocess
import sys

import pytest

from evalkit import lexicon


def test_frequencies_equal_wordfreq() -> None:
    from wordfreq import get_frequency_dict

    assert lexicon._frequencies() == get_frequency_dict("en", wordlist="best")


@pytest.mark.parametrize("count", [1, 10, 1000, 40_000])
def test_most_frequent_equals_wordfreq_top_n_list(count: int) -> None:
    from wordfreq import top_n_list

    assert lexicon.most_frequent(count) == top_n_list("en", count, wordlist="best")


@pytest.mark.parametrize(
    ("word", "zipf"),
    [("the", 7.73), ("government", 5.57), ("Government", 5.57), ("don’t", 6.2), ("qwzxv", 0.0)],
)
def test_zipf(word: str, zipf: float) -> None:
    assert lexicon.zipf(word) == pytest.approx(zipf, abs=0.01)


def test_scoring_does_not_import_wordfreq() -> None:
    """wordfreq's import (langcodes, ftfy) costs every cold start; its data file is read directly."""
    code = (
        "import sys; from evalkit import Evaluator, Settings; "
        "Evaluator(Settings(profile='fast', cache=False)).evaluate('The cat sat on the mat today.', 'A cat sat.'); "
        "print('wordfreq' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize(
    "forms",
    [
        ("agree", "agreed", "agrees", "agreeing"),
        ("close", "closed", "closes", "closing"),
        ("house", "houses"),
        ("time", "times"),
        ("stop", "stopped", "stops", "stopping"),
        ("call", "called", "calls", "calling"),
        ("study", "studied", "studies"),
        ("complete", "completely"),
        ("council", "council's", "councils"),
        # a two-letter base that lost its final "e"
        ("use", "used", "uses", "using"),
        ("age", "aged", "ages"),
        # irregular verbs: the past forms take the base form's stem (evalkit/data/irregular_forms.txt)
        ("give", "gave", "given", "gives", "giving"),
        ("say", "said", "says"),
        ("sell", "sold", "selling"),
        ("find", "found", "finds"),
        ("Went", "go", "gone"),
        ("child", "children", "children's", "child's"),
        ("woman", "women", "women’s"),
    ],
)
def test_the_forms_of_a_word_share_one_stem(forms: tuple[str, ...]) -> None:
    assert len({lexicon.stem(form) for form in forms}) == 1, [lexicon.stem(form) for form in forms]


@pytest.mark.parametrize(
    ("one", "other"),
    [("the", "then"), ("use", "us"), ("see", "seed"), ("add", "ad"), ("thing", "the"), ("being", "bee")],
)
def test_short_words_keep_their_letters(one: str, other: str) -> None:
    assert lexicon.stem(one) != lexicon.stem(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("founded", "found"),  # "to found" is its own verb; "found" is the past of "find"
        ("born", "bear"),  # left out of the table: mostly another word in news text
        ("was", "be"),  # auxiliaries are read as themselves
        ("lives", "life"),  # also a verb: "she lives" keeps the stem of "live"
    ],
)
def test_irregular_forms_left_alone(one: str, other: str) -> None:
    assert lexicon.stem(one) != lexicon.stem(other)


def test_every_line_of_the_irregular_form_table_is_read() -> None:
    from evalkit._shipped import shipped_text

    table = [line.split() for line in shipped_text(lexicon.IRREGULAR_FORMS).splitlines() if line and line[0] != "#"]
    assert len(table) >= 100
    for base, *forms in table:
        assert forms, base
        assert {lexicon.stem(form) for form in forms} == {lexicon.stem(base)}, base


@pytest.mark.parametrize(
    ("word", "folded"),
    [
        ("Jägerskog", "Jagerskog"),
        ("Łódź", "Lodz"),
        ("Nguyễn", "Nguyen"),
        ("Søren", "Soren"),
        ("Straße", "Strasse"),
        ("Citroën", "Citroen"),
        ("plain", "plain"),
    ],
)
def test_fold_diacritics(word: str, folded: str) -> None:
    assert lexicon.fold_diacritics(word) == folded


def test_letter_classes_hold_one_case_each() -> None:
    assert set("AZÄÉŁØÞ") <= set(lexicon.UPPER) and set("azäéłøßþ") <= set(lexicon.LOWER)
    assert not set(lexicon.UPPER) & set(lexicon.LOWER)
    assert all(c.isupper() for c in lexicon.UPPER) and all(c.islower() for c in lexicon.LOWER)
    assert not any(c in lexicon.LETTER for c in "×÷0_- '’")
