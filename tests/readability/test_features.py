"""Plain-language features of a sentence, each pointing at its words."""

from __future__ import annotations

import pytest

from evalkit.readability.features import MALFORMATIONS, defined_acronyms, malformations, sentence_features


@pytest.mark.parametrize(
    ("sentence", "passive"),
    [
        ("The report was written by the committee.", ["was written"]),
        ("The bill is strongly opposed by farmers.", ["is strongly opposed"]),
        ("He got fired last week.", ["got fired"]),
        ("The committee wrote the report.", []),
        ("She is tired and happy.", ["is tired"]),  # the write-good heuristic: adjectival participles count
    ],
)
def test_passive_voice(sentence: str, passive: list[str]) -> None:
    assert [mark.text for mark in sentence_features(sentence).passive] == passive


def test_marks_point_at_the_words() -> None:
    sentence = "The implementation of the regulation was postponed indefinitely."
    features = sentence_features(sentence)
    for marks in (features.passive, features.nominalisations, features.long_words, features.unfamiliar):
        for mark in marks:
            assert sentence[mark.start : mark.end] == mark.text
    assert {m.text for m in features.nominalisations} == {"implementation", "regulation"}


@pytest.mark.parametrize(
    ("sentence", "defined", "acronyms"),
    [
        ("The NHS said so.", set(), ["NHS"]),
        ("The NHS said so.", {"NHS"}, []),
        ("The US and the UK agreed.", set(), []),  # known to every reader
        ("THE NHS SAID SO.", set(), []),  # shouting, not acronyms
        ("The N.A.S.A. probe landed.", set(), ["N.A.S.A."]),
    ],
)
def test_unexplained_acronyms(sentence: str, defined: set[str], acronyms: list[str]) -> None:
    found = sentence_features(sentence, defined=frozenset(defined)).acronyms
    assert [mark.text for mark in found] == acronyms


def test_acronyms_are_defined_either_way_round() -> None:
    texts = ["The National Health Service (NHS) is free.", "WHO (the World Health Organization) agreed."]
    assert {"NHS", "WHO"} <= defined_acronyms(texts)


def test_names_are_not_unfamiliar_vocabulary() -> None:
    features = sentence_features("Yesterday Kowalczyk went to Reykjavik.")
    assert [m.text for m in features.unfamiliar] == []  # "Yesterday" is sentence-initial and easy
    assert features.names == 2
    assert len(features.vocabulary_ranks) == 3  # "Yesterday", "went", "to"


@pytest.mark.parametrize(
    ("sentence", "marked"),
    [
        ("Dennis Corrigan, 72, is a retired teacher.", ["retired"]),  # a name starts the sentence
        ("Harwick Borough Council looks after the path.", []),
        ("Dennis is a retired teacher.", ["Dennis", "retired"]),  # alone, it may be a word: marked as before
        ("Volunteers found rubbish.", ["Volunteers"]),
        ("Volunteers I met found rubbish.", ["Volunteers"]),  # "I" is no name
        ("Denmark has had no measles cases.", ["measles"]),  # a place of the gazetteer
        ("Australia reported fewer cases.", ["reported"]),
    ],
)
def test_a_name_that_starts_a_sentence_is_not_marked(sentence: str, marked: list[str]) -> None:
    features = sentence_features(sentence)
    assert sorted({m.text for m in (*features.unfamiliar, *features.long_words)}) == sorted(marked)


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        ("It is described and.", ["dangling_end"]),
        ("The battle of Stiklestad(.),. was lost.", ["stray_punctuation"]),
        (", the two Bolsheviks demolished and 1783-1807).", ["bad_start", "unbalanced_brackets"]),
        ("She promised to give up the, and never came back.", ["dangling_function_word"]),
        ("The the council met.", ["repeated_word"]),
        ("The council met on Monday (as planned).", []),
        ("After that, the public can come in.", []),  # a phrasal verb's particle, not a dangling preposition
        ("The report was sent to the.", ["dangling_end"]),
        ("A mutant is a type of character with", ["dangling_end"]),  # cut short, no full stop either
        ("Harwick Folk Festival is back with", ["dangling_end"]),
        ("Harwick Folk Festival is back", []),  # a title: no full stop, but nothing dangles
        ("But this ... this is so warming.", []),
        ("Amazon applied for .shop, .song and .kindle.", []),
        ("He said that that was fine.", []),
    ],
)
def test_malformations(sentence: str, kinds: list[str]) -> None:
    found = malformations(sentence)
    assert sorted({kind for kind, _ in found}) == sorted(kinds)
    assert all(kind in MALFORMATIONS for kind, _ in found)
    assert all(mark.text.strip() in sentence for _, mark in found)
