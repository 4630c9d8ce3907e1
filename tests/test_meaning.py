"""Meaning preservation: formula, reference agreement with bert-score, no truncation, dropped sentences."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evalkit import Evaluator, Pair
from evalkit.embeddings import DEFAULT_LAYER, default_model_path
from evalkit.io import read_text
from evalkit.meaning import bleu_score, chrf_score, clauses

CORPORA = Path(__file__).resolve().parents[1] / "corpora" / "examples"

PAIRS = [
    (
        "The committee approved the new budget on Monday.",
        "On Monday the committee said yes to the new budget.",
    ),
    ("Heavy rain caused flooding in three villages.", "Three villages were flooded after heavy rain."),
    ("The museum will close for repairs in June.", "The library opens late on Fridays."),
]


def read(name: str) -> str:
    return (CORPORA / name).read_text(encoding="utf-8")


@pytest.mark.model
@pytest.mark.parametrize(("original", "rewrite"), PAIRS)
def test_plain_bertscore_equals_the_bert_score_package(evaluator: Evaluator, original: str, rewrite: str) -> None:
    from bert_score import score

    report = evaluator.evaluate(original, rewrite)
    precision, recall, f1 = score(
        [rewrite], [original], model_type=str(default_model_path()), num_layers=DEFAULT_LAYER, verbose=False
    )
    assert report.meaning.bertscore is not None
    assert report.meaning.bertscore.precision == pytest.approx(float(precision[0]), abs=1e-5)
    assert report.meaning.bertscore.recall == pytest.approx(float(recall[0]), abs=1e-5)
    assert report.meaning.bertscore.f1 == pytest.approx(float(f1[0]), abs=1e-5)


@pytest.mark.model
def test_identical_texts_keep_all_meaning(evaluator: Evaluator) -> None:
    text = read("river-cleanup.original.txt")
    meaning = evaluator.evaluate(text, text).meaning
    assert meaning.score == pytest.approx(1.0, abs=1e-6)
    assert meaning.coverage == pytest.approx(1.0)
    assert meaning.dropped == () and meaning.unsupported == ()
    assert all(group.kind == "1-1" for group in meaning.alignment.groups)


@pytest.mark.model
def test_a_split_part_far_from_its_source_by_vector_still_aligns(evaluator: Evaluator) -> None:
    # "On Wednesday, the council agreed to spend £2.1 million on it." has a pooled cosine of 0.26 with the
    # sentence it was cut from, but its content words are that sentence's
    original, rewrite = (read_text(CORPORA / f"market-hall.{side}.html") for side in ("original", "rewrite"))
    meaning = evaluator.evaluate(original, rewrite).meaning
    assert ((1,), (1, 2)) in [(group.original, group.rewrite) for group in meaning.alignment.groups]
    assert 2 not in meaning.alignment.unaligned_rewrite


@pytest.mark.model
def test_unrelated_texts_keep_almost_none(evaluator: Evaluator) -> None:
    report = evaluator.evaluate(read("river-cleanup.original.txt"), read("library-hours.rewrite.txt"))
    assert report.meaning.score < 0.1
    good = evaluator.evaluate(read("river-cleanup.original.txt"), read("river-cleanup.rewrite.txt"))
    assert good.meaning.score > 4 * report.meaning.score


@pytest.mark.model
def test_deleting_the_last_third_lowers_coverage_and_lists_what_was_dropped(evaluator: Evaluator) -> None:
    original = read("heat-pump-grants.original.txt")
    rewrite = read("heat-pump-grants.rewrite.txt")
    paragraphs = [p for p in rewrite.split("\n") if p.strip()]
    cut = "\n\n".join(paragraphs[: round(len(paragraphs) * 2 / 3)])
    full_report, cut_report = evaluator.evaluate_batch([Pair("full", original, rewrite), Pair("cut", original, cut)])
    assert not isinstance(full_report, Exception) and not isinstance(cut_report, Exception)
    assert cut_report.meaning.coverage < full_report.meaning.coverage
    assert cut_report.meaning.score < full_report.meaning.score
    kept = len(cut_report.rewrite.sentences)
    lost = {
        index
        for group in full_report.meaning.alignment.groups
        if all(j >= kept for j in group.rewrite)
        for index in group.original
    }
    assert lost, "the deleted part had counterparts in the original"
    assert lost <= set(cut_report.meaning.dropped)
    for index in cut_report.meaning.dropped:
        sentence = cut_report.original.sentences[index]
        assert original[sentence.start : sentence.end].strip()


TOWNS = [
    "Ashford",
    "Bexley",
    "Carlow",
    "Dunmore",
    "Elgin",
    "Fenwick",
    "Garston",
    "Hexham",
    "Ilkley",
    "Jarrow",
]
THINGS = ["library", "swimming pool", "bus depot", "market hall", "health centre", "football ground", "museum",
          "primary school", "fire station", "community garden", "railway bridge", "town hall"]  # fmt: skip


def synthetic_article(paragraphs: int) -> tuple[str, str]:
    """A long original with distinct facts in every paragraph, and a plainer rewrite of it."""
    original, rewrite = [], []
    for i in range(paragraphs):
        town, thing = TOWNS[i % len(TOWNS)], THINGS[(i * 7) % len(THINGS)]
        count, year = 120 + 37 * i, 1950 + i
        original.append(
            f"Officials in {town} confirmed that the {thing}, which was originally constructed in {year} and has "
            f"been maintained by a partnership of local organisations ever since, will undergo an extensive "
            f"programme of renovation costing approximately {count} thousand pounds. According to a statement "
            f"released by the council, the works are expected to continue for {i % 9 + 2} months, during which "
            f"residents will be directed to alternative facilities in neighbouring districts."
        )
        rewrite.append(
            f"Officials in {town} said the {thing} will be renovated. It was constructed in {year}. The renovation "
            f"will cost about {count} thousand pounds. The council said the works will continue for {i % 9 + 2} "
            f"months. Residents will be directed to facilities in neighbouring districts."
        )
    return "\n\n".join(original), "\n\n".join(rewrite)


@pytest.mark.model
def test_a_5000_word_article_is_scored_end_to_end(evaluator: Evaluator) -> None:
    original, rewrite = synthetic_article(80)
    original += (
        "\n\nSeparately, the regional orchestra announced that its winter season will feature a cycle of "
        "Sibelius symphonies conducted by a guest from Helsinki, with discounted tickets for students."
    )
    rewrite += "\n\nThe regional orchestra will play Sibelius symphonies this winter. Students get cheaper tickets."
    assert len(original.split()) >= 5000
    changed = rewrite + "\n\nA penguin zoo opened in Kyoto on Saturday, with 44 birds from Chile."
    shortened = rewrite.rsplit("\n\n", 1)[0]  # the last paragraph of the rewrite removed
    reports = evaluator.evaluate_batch(
        [Pair("whole", original, rewrite), Pair("added", original, changed), Pair("cut", original, shortened)]
    )
    whole, added, cut = reports
    assert not isinstance(whole, Exception) and not isinstance(added, Exception) and not isinstance(cut, Exception)
    assert whole.original.sentences[-1].end == len(original)  # the last sentence was segmented and scored
    assert added.meaning.precision < whole.meaning.precision  # a change at the very end moves the result
    assert len(added.meaning.unsupported) == len(whole.meaning.unsupported) + 1
    assert cut.meaning.recall < whole.meaning.recall
    last = len(whole.original.sentences) - 1
    assert last in cut.meaning.dropped and last not in whole.meaning.dropped
    assert any("Kyoto" in (f.rewrite.text if f.rewrite else "") for f in added.drift.findings)


def test_fast_profile_scores_without_a_model(fast_evaluator: Evaluator) -> None:
    report = fast_evaluator.evaluate(read("river-cleanup.original.txt"), read("river-cleanup.rewrite.txt"))
    assert report.meaning.bertscore is None
    assert 0 < report.meaning.score < 1
    assert "profile:fast" in report.signature and "model:" not in report.signature


@pytest.mark.model
def test_the_default_baseline_is_what_the_estimator_computes() -> None:
    from evalkit.embeddings import TransformerEncoder
    from evalkit.meaning import BASELINES, estimate_baseline

    assert estimate_baseline(TransformerEncoder()) == pytest.approx(BASELINES[("all-MiniLM-L6-v2", 4)], abs=5e-3)


@pytest.mark.parametrize(
    ("hypothesis", "reference"),
    [("", "x"), ("a", ""), ("", ""), ("ab", "ab"), ("  ", "abc"), ("abc", "abcabcabc"),
     ("Zoë’s café 🙂", "Zoe's cafe"), ("short", "a much longer reference text here"),
     ("The committee approved the new budget on Monday.", "On Monday the committee said yes to the budget."),
     ("lone \udcff surrogate", "lone surrogate")],
)  # fmt: skip
def test_chrf_equals_sacrebleu(hypothesis: str, reference: str) -> None:
    from sacrebleu.metrics.chrf import CHRF

    assert chrf_score(hypothesis, reference) == float(CHRF().sentence_score(hypothesis, [reference]).score)


def test_chrf_equals_sacrebleu_on_the_examples() -> None:
    from sacrebleu.metrics.chrf import CHRF

    for original in sorted(CORPORA.glob("*.original.*")):
        rewrite = original.with_name(original.name.replace(".original.", ".rewrite."))
        hypothesis, reference = rewrite.read_text(encoding="utf-8"), original.read_text(encoding="utf-8")
        assert chrf_score(hypothesis, reference) == float(CHRF().sentence_score(hypothesis, [reference]).score)


@given(st.text(max_size=60), st.text(max_size=60))
def test_chrf_equals_sacrebleu_on_any_text(hypothesis: str, reference: str) -> None:
    from sacrebleu.metrics.chrf import CHRF

    assert chrf_score(hypothesis, reference) == float(CHRF().sentence_score(hypothesis, [reference]).score)


#: texts that exercise every rule of sacrebleu's 13a tokenizer: escapes, "<skipped>", hyphen-newlines,
#: numbers with points and commas, dashes after digits, symbols, non-ASCII
_BLEU_PIECES = [*"ab1 2.,-&;<>\n\t\"'()é🙂/@[]{}~`", "<skipped>", "&amp;", "&quot;", "&lt;", "-\n", "3.5", "a,b",
                " the ", " cat ", "1,000", "9-5"]  # fmt: skip


@pytest.mark.parametrize(
    ("hypothesis", "reference"),
    [("", "x"), ("a", ""), ("", ""), ("ab", "ab"), ("the cat sat", "the cat sat on the mat"),
     ("Zoë’s café 🙂", "Zoe's cafe"), ("It cost £1,200.50 - in 2019-20.", "It cost £1,200.50 in 2019-20 ."),
     ("A &amp; B &quot;quoted&quot; <skipped> end-\nline", "A & B \"quoted\" endline"),
     ("The committee approved the new budget on Monday.", "On Monday the committee said yes to the budget."),
     ("lone \udcff surrogate", "lone surrogate")],
)  # fmt: skip
def test_bleu_equals_sacrebleu(hypothesis: str, reference: str) -> None:
    from sacrebleu.metrics.bleu import BLEU

    expected = float(BLEU(effective_order=True).sentence_score(hypothesis, [reference]).score)
    assert bleu_score(hypothesis, reference) == expected


def test_bleu_equals_sacrebleu_on_the_examples() -> None:
    from sacrebleu.metrics.bleu import BLEU

    for original in sorted(CORPORA.glob("*.original.*")):
        rewrite = original.with_name(original.name.replace(".original.", ".rewrite."))
        hypothesis, reference = rewrite.read_text(encoding="utf-8"), original.read_text(encoding="utf-8")
        expected = float(BLEU(effective_order=True).sentence_score(hypothesis, [reference]).score)
        assert bleu_score(hypothesis, reference) == expected


@given(st.text(max_size=60) | st.lists(st.sampled_from(_BLEU_PIECES), max_size=40).map("".join),
       st.text(max_size=60) | st.lists(st.sampled_from(_BLEU_PIECES), max_size=40).map("".join))  # fmt: skip
def test_bleu_equals_sacrebleu_on_any_text(hypothesis: str, reference: str) -> None:
    from sacrebleu.metrics.bleu import BLEU

    expected = float(BLEU(effective_order=True).sentence_score(hypothesis, [reference]).score)
    assert bleu_score(hypothesis, reference) == expected


def test_a_replaced_word_is_listed_on_both_sides(evaluator: Evaluator) -> None:
    """The word the rewrite replaced is missing from the original's side, its replacement unsupported on the
    rewrite's, with offsets; drift's content shares (no finding for one word) come from exactly these."""
    original = "Volterra is a walled town in the region of Tuscany in Italy."
    rewrite = "Volterra is a walled town in the island of Tuscany in Italy."
    report = evaluator.evaluate(original, rewrite).to_dict()
    assert [w["text"] for w in report["meaning"]["missing_words"]] == ["region"]
    assert [w["text"] for w in report["meaning"]["unsupported_words"]] == ["island"]
    word = report["meaning"]["unsupported_words"][0]
    assert rewrite[word["start"] : word["end"]] == "island"
    assert report["drift"]["components"]["invented"] > 0 and report["drift"]["components"]["lost"] > 0
    unchanged = evaluator.evaluate(original, original).to_dict()
    assert unchanged["meaning"]["unsupported_words"] == [] and unchanged["drift"]["components"]["invented"] == 0


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The finding has been attributed in part to the misconnection of household drainage, a council said.",
            [
                "The finding has been attributed in part to the misconnection of household drainage",
                "a council said.",
                "The finding has been attributed in part to the misconnection of household drainage a council said.",
            ],
        ),
        ("Prices rose and wages fell.", ["and wages fell."]),  # "Prices rose": fewer than three words
        (
            "It opened in 1990 which was late.",
            ["It opened in 1990", "which was late.", "It opened in 1990 which was late."],
        ),
        ("Short one.", []),
    ],
)
def test_clauses(sentence: str, expected: list[str]) -> None:
    assert clauses(sentence) == expected


@given(
    st.lists(st.sampled_from(["the council", "met", "on Monday", ",", "and", "which", "agreed", "(", ")"]), max_size=20)
)
def test_every_clause_has_three_words_and_comes_from_the_sentence(parts: list[str]) -> None:
    sentence = " ".join(parts)
    found = clauses(sentence)
    pieces = found[: (len(found) + 1) // 2]  # the pieces come first, then each two neighbours joined
    assert all(len(piece.split()) >= 3 for piece in found)
    assert all(piece in sentence for piece in pieces)


@pytest.mark.model
def test_a_sentence_the_rewrite_says_in_plain_words_is_not_dropped(evaluator: Evaluator) -> None:
    """A sentence aligned alone and closest to its counterpart is carried, however few of its words the
    rewrite keeps (heat-pump-grants' eligibility sentences); a sentence the rewrite leaves out still is
    dropped (festival-quote's ticket prices)."""
    original, rewrite = read("heat-pump-grants.original.txt"), read("heat-pump-grants.rewrite.txt")
    report = evaluator.evaluate(original, rewrite)
    assert report.meaning.dropped == ()
    kept = "If it says your loft or walls need better insulation, you must do that work before you apply."
    assert kept in rewrite
    festival = evaluator.evaluate(read("festival-quote.original.txt"), read("festival-quote.rewrite.txt"))
    assert [festival.original.sentences[i].text[:24] for i in festival.meaning.dropped] == ["Day tickets cost £28 for"]


@pytest.mark.model
def test_a_rewrite_sentence_that_says_one_clause_of_a_long_sentence_is_supported(evaluator: Evaluator) -> None:
    """River-cleanup's "Part of the problem is ..." says one clause of a 55-word sentence (cosine 0.36 with
    the sentence, 0.67 with the clause); an invented sentence on the same topic stays unsupported."""
    original, rewrite = read("river-cleanup.original.txt"), read("river-cleanup.rewrite.txt")
    report = evaluator.evaluate(original, rewrite)
    unsupported = [report.rewrite.sentences[j].text for j in report.meaning.unsupported]
    assert not [text for text in unsupported if text.startswith("Part of the problem")]
    clinic = evaluator.evaluate(read("clinic-opening.original.txt"), read("clinic-opening.rewrite.txt"))
    invented = [clinic.rewrite.sentences[j].text for j in clinic.meaning.unsupported]
    assert [text for text in invented if "dental surgery" in text]


@pytest.mark.model
def test_a_clause_said_the_other_way_round_is_no_support(evaluator: Evaluator) -> None:
    """A sentence vector hardly sees a "not": the clause paraphrase must have the rewrite sentence's
    polarity. Bridge-closure's "so the damage does not get worse" says "to prevent further deterioration";
    "so the damage does get worse" does not."""
    original, rewrite = read("bridge-closure.original.txt"), read("bridge-closure.rewrite.txt")
    flipped = rewrite.replace("so the damage does not get worse", "so the damage does get worse")
    assert flipped != rewrite

    def unsupported(text: str) -> list[str]:
        report = evaluator.evaluate(original, text)
        return [report.rewrite.sentences[j].text for j in report.meaning.unsupported]

    assert not [text for text in unsupported(rewrite) if "the damage does" in text]
    assert [text for text in unsupported(flipped) if "the damage does get worse" in text]
