"""Drift findings and score: severity rule, score bounds and length normalisation, spans into the input."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evalkit import Evaluator
from evalkit.drift import (
    ADDED_RATE,
    DROPPED_RATE,
    LONE_REWORDED,
    PARAPHRASED_QUOTE,
    Finding,
    _Content,
    _reworded,
    drift_score,
    severity,
)
from evalkit.meaning import MeaningResult
from evalkit.spans import TextSpan


@pytest.mark.parametrize(
    ("finding_type", "category", "carries", "expected"),
    [
        ("changed", "number", (), "major"),
        ("changed", "quote", (), "major"),
        ("added", "other", (), "major"),
        ("dropped", "number", (), "major"),
        ("dropped", "name", (), "major"),
        ("dropped", "negation", (), "major"),
        ("dropped", "date", (), "minor"),
        ("dropped", "date", ("date", "number"), "major"),
        ("dropped", "quote", ("quote",), "minor"),
        ("dropped", "quote", ("quote", "name"), "major"),
        ("dropped", "other", (), "minor"),
    ],
)
def test_severity_rule(finding_type: str, category: str, carries: tuple[str, ...], expected: str) -> None:
    assert severity(finding_type, category, carries) == expected


def _finding(finding_type: str, category: str, sev: str) -> Finding:
    span = TextSpan("x", 0, 1)
    return Finding(
        finding_type,  # type: ignore[arg-type]
        category,
        sev,  # type: ignore[arg-type]
        None if finding_type == "added" else span,
        None if finding_type == "dropped" else span,
        "m",
    )


def test_score_is_zero_without_drift() -> None:
    assert drift_score([], 10, 10) == 0.0


@pytest.mark.parametrize(
    ("facts", "expected"),
    [(4, 1 - 2.718281828**-0.5), (40, 1 - 2.718281828**-0.05), (1, 1 - 2.718281828**-0.5)],
)
def test_one_changed_number_is_normalised_by_the_facts_at_stake(facts: int, expected: float) -> None:
    assert drift_score([_finding("changed", "number", "major")], facts, facts) == pytest.approx(expected, rel=1e-6)


def test_content_shares_weigh_invented_more_than_lost() -> None:
    assert ADDED_RATE > DROPPED_RATE
    assert drift_score([], 10, 10, invented=0.2) > drift_score([], 10, 10, lost=0.2)


def _grouped(groups: list[tuple[tuple[int, ...], tuple[int, ...]]], dropped: tuple[int, ...] = ()) -> MeaningResult:
    aligned = [SimpleNamespace(original=o, rewrite=r) for o, r in groups]
    return cast(
        MeaningResult, SimpleNamespace(alignment=SimpleNamespace(groups=aligned), dropped=dropped, unsupported=())
    )


@pytest.mark.parametrize(
    ("lost", "invented", "dropped", "expected"),
    [
        # runs against runs: the smaller side is said another way
        (((3.0,), (0.0,)), ((2.0,), (0.0,)), (), 2.0),
        # lone words against lone words: only LONE_REWORDED of it ("region" / "island" may be wrong)
        (((1.0,), (1.0,)), ((1.0,), (1.0,)), (), LONE_REWORDED * 1.0),
        # a deletion or an insertion on one side only: nothing to offset
        (((3.0,), (0.0,)), ((0.0,), (0.0,)), (), 0.0),
        # a sentence dropped whole is never offset
        (((3.0, 2.0), (0.0, 0.0)), ((4.0,), (0.0,)), (0,), 2.0),
    ],
)
def test_reworded_content_is_offset_in_each_aligned_group(
    lost: tuple[tuple[float, ...], tuple[float, ...]],
    invented: tuple[tuple[float, ...], tuple[float, ...]],
    dropped: tuple[int, ...],
    expected: float,
) -> None:
    groups: list[tuple[tuple[int, ...], tuple[int, ...]]] = [((0,), (0,))] if len(lost[0]) == 1 else [((0, 1), (0,))]
    none = tuple(0.0 for _ in lost[0]), tuple(0.0 for _ in invented[0])
    reworded = _reworded(
        _grouped(groups, dropped),
        _Content(10.0, lost[0], lost[1], none[0], []),
        _Content(10.0, invented[0], invented[1], none[1], []),
    )
    assert reworded == pytest.approx(expected)


def test_a_clause_long_run_is_never_offset() -> None:
    """A clause cut and another invented in the same sentence are two errors, not a paraphrase."""
    lost = _Content(10.0, (3.0,), (0.0,), (3.0,), [])
    invented = _Content(10.0, (3.0,), (0.0,), (3.0,), [])
    assert _reworded(_grouped([((0,), (0,))]), lost, invented) == 0.0
    shorter = _Content(10.0, (3.0,), (0.0,), (0.0,), [])
    assert _reworded(_grouped([((0,), (0,))]), shorter, invented) == 0.0
    assert _reworded(_grouped([((0,), (0,))]), shorter, shorter) == pytest.approx(3.0)


def test_a_reworded_clause_drifts_less_than_before_and_less_than_a_deleted_one(evaluator: Evaluator) -> None:
    original = (
        "The central bank left interest rates unchanged at 3.5 percent on Wednesday, but signalled that it could "
        "begin lowering them later in the year if inflation continues to ease."
    )
    reworded = (
        "On Wednesday, the central bank kept interest rates at 3.5 percent, but hinted that it might start cutting "
        "them later this year if inflation keeps going down."
    )
    deleted = "The central bank left interest rates unchanged at 3.5 percent on Wednesday."
    said_otherwise, cut = evaluator.evaluate(original, reworded).drift, evaluator.evaluate(original, deleted).drift
    assert said_otherwise.score < 0.12 < 0.3 < cut.score
    assert cut.components.invented == 0.0 and cut.components.lost > 0.3


def test_content_findings_count_through_the_shares_not_one_by_one() -> None:
    other = [_finding("added", "other", "major")] * 5
    assert drift_score(other, 10, 10) == 0.0
    assert [finding.to_dict()["weight"] for finding in other] == [0.0] * 5  # the report says what it adds


def test_the_fact_term_is_the_sum_of_the_weights_the_report_shows(evaluator: Evaluator) -> None:
    original = "The bridge will close on 4 June for six weeks. Lorries will not be able to use the diversion."
    rewrite = "The bridge will close on 5 June. It will be shut for about six weeks, the council said."
    report = evaluator.evaluate(original, rewrite).to_dict()["drift"]
    assert {f["category"] for f in report["findings"]} >= {"date", "other"}
    facts = report["facts"]  # per side and category; negations are not facts at stake
    at_stake = max(4.0, sum(n for side in facts.values() for c, n in side.items() if c != "negation") / 2)
    total = sum(f["weight"] for f in report["findings"])
    assert report["components"]["facts"] == pytest.approx(2 * total / at_stake, abs=1e-3)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["dropped", "changed", "added"]),
            st.sampled_from(["number", "date", "name", "quote", "negation", "other"]),
            st.sampled_from(["minor", "major"]),
        ),
        max_size=40,
    ),
    st.integers(0, 200),
    st.integers(0, 200),
    st.floats(0, 1),
    st.floats(0, 1),
)
def test_score_bounds_and_monotonicity(
    kinds: list[tuple[str, str, str]], facts_o: int, facts_r: int, invented: float, lost: float
) -> None:
    findings = [_finding(*kind) for kind in kinds]
    score = drift_score(findings, facts_o, facts_r, invented, lost)
    assert 0.0 <= score < 1.0
    more = drift_score([*findings, _finding("changed", "number", "major")], facts_o, facts_r, invented, lost)
    assert more >= score


REQUIRED = {"type", "category", "severity", "original", "rewrite", "message"}


def test_report_fields(fast_evaluator: Evaluator) -> None:
    original = "The mayor, Helen Okafor, said 14,000 cars use the bridge. It will shut on 26 June."
    rewrite = "The mayor, Helen Okafur, said 41,000 cars use the bridge. It will shut in July."
    drift = fast_evaluator.evaluate(original, rewrite).to_dict()["drift"]
    assert {"score", "findings", "components", "counts"} <= drift.keys()
    assert drift["findings"]
    for finding in drift["findings"]:
        assert finding.keys() >= REQUIRED
        assert finding["type"] in ("dropped", "changed", "added")
        assert finding["category"] in ("number", "date", "name", "quote", "negation", "other")
        assert finding["severity"] in ("minor", "major")
        assert (finding["original"] is None) == (finding["type"] == "added")
        assert (finding["rewrite"] is None) == (finding["type"] == "dropped")


SENTENCES = [
    "The council said 5 million people in Japan will pay $3bn by 26 June 2014.",
    "Joe Biden met Japanese officials in Brussels on Monday.",
    "“We will not close the road,” said Mayor Helen Okafor.",
    "Dozens of volunteers collected 4.2 tonnes of rubbish last week.",
    "The U.S. did not say when the bridge would reopen.",
    "About a third of the 1,240 pupils are eligible.",
    "It was built in 1962 and carries 14,000 cars a day.",
]
EDITS = st.sampled_from(
    [("5 million", "five million"), ("Japan", "Korea"), ("26 June", "June 24"), ("not ", ""),
     ("Biden", "Bidden"),
     ("close", "open"), ("1,240", "1,420"), ("1962", "1966"), ("Dozens", "Hundreds"), ("", "")]
)  # fmt: skip


def _check_spans(report: dict[str, Any], original: str, rewrite: str) -> None:
    for finding in report["drift"]["findings"]:
        for side, text in (("original", original), ("rewrite", rewrite)):
            span = finding[side]
            if span is not None:
                assert text[span["start"] : span["end"]] == span["text"]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=5),
    st.lists(EDITS, max_size=3),
    st.sampled_from([" ", "\n\n", "  \n"]),
)
def test_every_finding_points_at_its_own_words(
    fast_evaluator: Evaluator, picked: list[str], edits: list[tuple[str, str]], joiner: str
) -> None:
    original = joiner.join(picked)
    rewrite = original
    for old, new in edits:
        rewrite = rewrite.replace(old, new, 1)
    rewrite = rewrite.strip() or original
    report = fast_evaluator.evaluate(original, rewrite).to_dict()
    _check_spans(report, original, rewrite)
    assert 0.0 <= report["drift"]["score"] < 1.0


def test_spans_point_into_markdown_as_given(fast_evaluator: Evaluator) -> None:
    from evalkit.io import TextSource

    heading = "# Bridge news\n\n"
    original = heading + "The **mayor**, Helen Okafor, said 14,000 cars use it.\n\n- It shuts on 26 June.\n"
    rewrite = heading + "The *mayor*, Helen Okafur, said 41,000 cars use it.\n\n- It shuts on 16 June.\n"
    report = fast_evaluator.evaluate(
        TextSource(original, "o.md", "markdown", "utf-8"), TextSource(rewrite, "r.md", "markdown", "utf-8")
    ).to_dict()
    assert {f["rewrite"]["text"] for f in report["drift"]["findings"] if f["type"] == "changed"} >= {
        "Helen Okafur",
        "41,000",
        "16 June",
    }
    _check_spans(report, original, rewrite)


@pytest.mark.parametrize(
    ("rewrite", "stake"),
    [
        # the same claim in other words: every new word has a counterpart in the original
        ("“We can talk at any time, with no conditions,” the minister said.", PARAPHRASED_QUOTE),
        # a word nothing in the original supports: a misquote that says something new
        ("“We can talk at any time, with no football,” the minister said.", 1.0),
    ],
)
def test_a_paraphrased_quotation_weighs_less_than_one_that_says_something_new(
    evaluator: Evaluator, rewrite: str, stake: float
) -> None:
    original = "“We can talk at any time and without conditions,” the minister said."
    findings = [
        f for f in evaluator.evaluate(original, rewrite).drift.findings if (f.type, f.category) == ("changed", "quote")
    ]
    assert [(f.severity, f.stake) for f in findings] == [("major", stake)]
    assert findings[0].to_dict()["weight"] == pytest.approx(stake)


@pytest.mark.parametrize(
    ("rewrite", "inside", "stake"),
    [
        # the quotation's one change is the verb of belief: counted once, in the modality finding
        ("“I know the bridge will open in June,” the mayor said.", {("changed", "modality")}, 0.0),
        # two changes, each a finding of its own inside the quotation
        ("“I know the bridge will open in July,” the mayor said.", {("changed", "modality"), ("changed", "date")}, 0.0),
        # something else new besides: the quotation keeps its own weight
        ("“I know the football will open in June,” the mayor said.", {("changed", "modality")}, 1.0),
    ],
)
def test_a_change_inside_a_quotation_is_counted_once(
    evaluator: Evaluator, rewrite: str, inside: set[tuple[str, str]], stake: float
) -> None:
    original = "“I think the bridge will open in June,” the mayor said."
    findings = evaluator.evaluate(original, rewrite).drift.findings
    quotes = [f for f in findings if (f.type, f.category) == ("changed", "quote")]
    assert [f.stake for f in quotes] == [stake]
    assert {(f.type, f.kind) for f in findings if f.category not in ("quote", "other")} == inside
    assert ("counted once" in quotes[0].message) is (stake == 0.0)


def test_a_changed_quantity_is_a_major_changed_negation_on_the_quantifiers(fast_evaluator: Evaluator) -> None:
    original = "Most families in the valley heat their homes with wood. The council will pay for new stoves."
    rewrite = "All families in the valley heat their homes with wood. The council will pay for new stoves."
    report = fast_evaluator.evaluate(original, rewrite).to_dict()
    findings = [f for f in report["drift"]["findings"] if f["category"] == "negation"]
    assert [(f["type"], f["kind"], f["severity"]) for f in findings] == [("changed", "quantity", "major")]
    assert (findings[0]["original"]["text"], findings[0]["rewrite"]["text"]) == ("Most", "All")
    assert "'Most' became 'All' before 'families'" in findings[0]["message"]
    _check_spans(report, original, rewrite)


def test_words_lost_inside_a_dropped_quotation_are_that_finding_not_another(fast_evaluator: Evaluator) -> None:
    """The quotation's finding says its words are gone; a 'detail dropped' run inside it said it twice."""
    original = (
        "The mayor opened the bridge on Monday. A council spokesperson added that the authority "
        '"recognises the enormous contribution made by volunteers" and that talks were ongoing.'
    )
    rewrite = "The mayor opened the bridge on Monday. The council thanked the volunteers. It is still talking about it."
    findings = fast_evaluator.evaluate(original, rewrite).to_dict()["drift"]["findings"]
    assert [(f["type"], f["category"]) for f in findings] == [("dropped", "quote")]
    assert findings[0]["original"]["text"] == "recognises the enormous contribution made by volunteers"


_BRIDGE = "The bridge is still safe to use. But engineers said it should be fixed before winter"


@pytest.mark.parametrize(
    ("original", "rewrite", "expected"),
    [
        # a negated clause left out: a major dropped negation, from its auxiliary to what it bears on
        (f"{_BRIDGE}, so the damage does not get worse.", f"{_BRIDGE}.", [("negation", "does not get worse")]),
        # the negation said another way, with an implicit one: nothing dropped
        (
            "The old plan did not work, so the council dropped it in May.",
            "The old plan failed, so the council dropped it in May.",
            [],
        ),
        # "no charge" said as "free": the clause's word "children" is kept, so the clause is not gone
        (
            "Entry costs £3 for adults, with no charge for accompanied children.",
            "Adults pay £3. Children with an adult get in free.",
            [],
        ),
        # "Unless …, … not" said as "only if": the restriction is kept
        (
            "Unless the deal is approved by shareholders, the takeover will not go ahead.",
            "The takeover will only happen if shareholders agree to the deal.",
            [],
        ),
        # a dropped sentence that carries a negation
        (
            "The bridge will close in June. Lorries will not be able to use the diversion.",
            "The bridge will close in June.",
            [("other", "Lorries will not be able to use the diversion.")],
        ),
        # a dropped clause run that holds the negated words is widened over the negation, not doubled
        (
            "The council will shut the bridge in June. Its engineers said the diversion route is not suitable "
            "for heavy lorries carrying building materials to the estate.",
            "The council will shut the bridge in June. Its engineers talked about the diversion route.",
            [("other", "is not suitable for heavy lorries carrying building materials to the estate")],
        ),
    ],
)
@pytest.mark.parametrize("profile", ["evaluator", "fast_evaluator"])
def test_a_negated_statement_left_out_is_major_dropped_detail(
    request: pytest.FixtureRequest, profile: str, original: str, rewrite: str, expected: list[tuple[str, str]]
) -> None:
    evaluator: Evaluator = request.getfixturevalue(profile)
    report = evaluator.evaluate(original, rewrite)
    findings = [f for f in report.drift.findings if f.type == "dropped" and f.category in ("negation", "other")]
    assert [(f.category, f.original.text if f.original else None) for f in findings] == expected
    assert all(f.severity == "major" for f in findings)
    assert all(f.weight == 0.0 for f in findings if f.category == "negation")  # counted through the lost share
    _check_spans(report.to_dict(), original, rewrite)


@pytest.mark.parametrize(
    ("original", "rewrite", "shown"),
    [
        ("The company sold its shares to the bank last year.", "The bank sold its shares to the company last year.",
         ("company sold its shares to the bank", "bank sold its shares to the company")),
        ("The dog bit the man in the park.", "The man bit the dog in the park.", ("dog bit the man", "man bit the dog")),
        # a word before a noun that moves with it stays with it ("the defending champions")
        ("The visitors came from behind to beat the defending champions 3-1.",
         "The defending champions came from behind to beat the visitors 3-1.",
         ("visitors came from behind to beat the defending champions", "champions came from behind to beat the visitors")),
        ("The older exhibits were moved to make room for the modern sculptures.",
         "The modern sculptures were moved to make room for the older exhibits.",
         ("exhibits were moved to make room for the modern sculptures", "sculptures were moved to make room for the older exhibits")),
        # the same roles said in the passive, and two words listed the other way round
        ("The dog bit the man in the park.", "The man was bitten by the dog in the park.", None),
        ("We sell fresh bread and cheese here.", "We sell fresh cheese and bread here.", None),
        ("The pool is open in the morning and the evening.", "The pool is open in the evening and the morning.", None),
        ("The pool is open in the morning and in the evening.", "The pool is open in the evening and in the morning.",
         None),
    ],
)  # fmt: skip
def test_two_words_that_trade_places_are_a_swap(
    fast_evaluator: Evaluator, original: str, rewrite: str, shown: tuple[str, str] | None
) -> None:
    report = fast_evaluator.evaluate(original, rewrite)
    swaps = [f for f in report.drift.findings if f.kind == "swap"]
    assert [(f.original.text, f.rewrite.text) for f in swaps if f.original and f.rewrite] == ([shown] if shown else [])
    if shown:
        assert swaps[0].weight == 1.0  # no share moves: the swap counts in the fact term
        assert report.drift.score > fast_evaluator.evaluate(original, original).drift.score
