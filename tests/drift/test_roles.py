"""Who does what to whom between common nouns (``evalkit.drift.roles``)."""

from __future__ import annotations

import pytest

from evalkit import Evaluator
from evalkit.drift.roles import (
    roles,
    swapped_comparisons,
    swapped_contrasts,
    swapped_order,
    swapped_roles,
    turned_round,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The councillor was criticised by the ombudsman.", [("criticis", "ombudsman", "councillor")]),
        ("A cyclist was hit by a van on the ring road.", [("hit", "van", "cyclist")]),
        ("A 17-year-old boy was robbed by two men near the station.", [("rob", "man", "boy")]),
        ("The chain has been bought by a US investment firm for £1bn.", [("buy", "firm", "chain")]),
        ("He was defrauded by a man posing as a bank official.", [("defraud", "man", None)]),
        ("The striker was sent off by the referee.", [("send", "refere", "striker")]),
        ("The merger was blocked by Ofcom.", [("block", None, "merger")]),  # names: the name rules read them
        # no party to read: a pronoun, a dash
        ("It was seen by anyone who passed.", []),
        ("The work – finished at 1am – won’t be seen by anyone until 2114.", []),
        ("The house stands close to the river.", []),  # no passive
    ],
)  # fmt: skip
def test_passive_roles_are_read_around_the_verb(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    found = [
        (role.verb, role.agent.stem if role.agent else None, role.patient.stem if role.patient else None)
        for role in roles(text)
    ]
    assert found == expected


SWAPPED = [
    ("The councillor was criticised by the ombudsman for failing to declare an interest.",
     "The councillor criticised the ombudsman for not declaring an interest."),
    ("A cyclist was hit by a van on the ring road on Tuesday morning.",
     "On Tuesday morning, a cyclist hit a van on the ring road."),
    ("The government has been warned by its own advisers that the target is out of reach.",
     "The government has warned its own advisers that the target cannot be met."),
    ("Police said a 17-year-old boy was robbed by two men near the station.",
     "Police said two men were robbed by a boy aged 17 near the station."),
    ("The supermarket chain has been bought by a US investment firm for £1.1 billion.",
     "The supermarket chain has bought a US investment firm for £1.1 billion."),
    ("Patients whose operations are cancelled will be contacted by the hospital.",
     "If your operation is cancelled, you should contact the hospital."),
    ("The ombudsman criticised the councillor for failing to declare an interest.",
     "The ombudsman was criticised by the councillor for failing to declare an interest."),
]  # fmt: skip

KEPT = [
    ("The councillor was criticised by the ombudsman.", "The ombudsman criticised the councillor."),
    ("The bill was passed by MPs on Tuesday.", "MPs passed the bill on Tuesday."),
    ("The man was bitten by a dog in the park.", "A dog bit the man in the park."),
    ("Drivers are being warned by police to avoid the area.", "Police are warning drivers to avoid the area."),
    ("The man who was attacked by the dog has died.", "The dog attacked a man, who has died."),
    ("Residents were told by the council to leave their homes.", "The council told residents to leave their homes."),
    ("The children were taught by volunteers at the library.", "Volunteers taught the children at the library."),
    ("The report, which was written by the committee, criticised the council.",
     "The committee wrote the report. It criticised the council."),
    ("The plan was approved by councillors last night.", "Last night councillors approved the plan."),
    ("The pupils were praised by inspectors.", "Inspectors praised the pupils and the staff."),
    ("His novel won’t be seen by anyone until 2114.", "No one will see this novel until 2114."),
]  # fmt: skip


@pytest.mark.parametrize(("original", "rewrite"), SWAPPED)
def test_roles_handed_to_the_other_party_are_a_swap(original: str, rewrite: str) -> None:
    assert len(swapped_roles(original, rewrite)) == 1


@pytest.mark.parametrize(("original", "rewrite"), KEPT)
def test_a_change_of_voice_that_keeps_the_roles_is_no_swap(original: str, rewrite: str) -> None:
    assert swapped_roles(original, rewrite) == []
    assert swapped_roles(rewrite, original) == []


def test_a_role_swap_is_a_major_changed_finding_at_both_stretches(fast_evaluator: Evaluator) -> None:
    original, rewrite = SWAPPED[0]
    report = fast_evaluator.evaluate(original, rewrite)
    swaps = [f for f in report.drift.findings if f.kind == "swap"]
    assert len(swaps) == 1
    swap = swaps[0]
    assert (swap.type, swap.category, swap.severity, swap.weight) == ("changed", "other", "major", 1.0)
    assert swap.original is not None and swap.rewrite is not None
    assert swap.original.text == "councillor was criticised by the ombudsman"
    assert swap.rewrite.text == "councillor criticised the ombudsman"
    assert original[swap.original.start : swap.original.end] == swap.original.text
    assert report.drift.score > fast_evaluator.evaluate(original, KEPT[0][1]).drift.score


@pytest.mark.parametrize(
    ("original", "rewrite", "swapped"),
    [
        ("Women in the area live on average three years longer than men.",
         "On average, men in the area live three years longer than women.", True),
        ("Cats sleep longer than dogs.", "Dogs sleep longer than cats.", True),
        # "more" and "less" before what they measure, which a rewrite may name another way
        ("Warm air holds more moisture than cold air.", "Cold air can hold more water than warm air.", True),
        ("Warm air holds more moisture than cold air.", "Cold air holds less water than warm air.", False),
        # the same comparison, or one turned round with its degree
        ("Women live longer than men.", "On average women live longer than men.", False),
        ("Women live longer than men.", "Men live shorter lives than women.", False),
        ("Prices rose faster than wages.", "Wages rose more slowly than prices.", False),
        # a comparison with a number, and one with something said only once
        ("More than 20 people came.", "People came: more than 20.", False),
        ("Sales were higher than last year.", "Sales were higher this year than last year.", False),
    ],
)  # fmt: skip
def test_two_things_compared_the_other_way_round_are_a_swap(original: str, rewrite: str, swapped: bool) -> None:
    assert bool(swapped_comparisons(original, rewrite)) is swapped


@pytest.mark.parametrize(
    ("original", "rewrite", "swapped"),
    [
        ("The singer cancelled her tour after being diagnosed with a throat infection.",
         "The singer was diagnosed with a throat infection after cancelling her tour.", True),
        ("The singer cancelled her tour after being diagnosed with a throat infection.",
         "After cancelling her tour, the singer was diagnosed with a throat infection.", True),
        ("Residents must leave their homes before the river bursts its banks.",
         "The river will burst its banks before residents leave their homes.", True),
        # the same order: said the other way round with the other word, moved to the front, or pointing back
        ("The singer cancelled her tour after being diagnosed with a throat infection.",
         "After being diagnosed with a throat infection, the singer cancelled her tour.", False),
        ("The singer cancelled her tour after being diagnosed with a throat infection.",
         "The singer was diagnosed with a throat infection before cancelling her tour.", False),
        ("The men met at a car park after he sent forty threatening messages.",
         "He sent forty threatening messages. After that, the men met at a car park.", False),
        # the same events in their places with the other word
        ("The coins were buried by a merchant shortly before the town was attacked by raiders.",
         "A merchant buried the coins just after raiders attacked the town.", True),
        ("Before the town was attacked, the merchant buried the coins.",
         "The merchant buried the coins after the town was attacked.", True),
    ],
)  # fmt: skip
def test_two_events_put_in_the_other_order_are_a_swap(original: str, rewrite: str, swapped: bool) -> None:
    assert bool(swapped_order(original, rewrite)) is swapped


@pytest.mark.parametrize(
    ("original", "rewrite", "swapped"),
    [
        ("The king's advisers, rather than the king himself, were responsible.",
         "The king himself, not his advisers, was to blame.", True),
        ("The council, not the government, will pay for the road.",
         "The government, rather than the council, will pay for the road.", True),
        # the same pick said another way, and a "not" that negates a verb
        ("The king's advisers, rather than the king himself, were responsible.",
         "The advisers, not the king, were to blame.", False),
        ("The council will pay instead of the government.", "The council, not the government, will pay.", False),
        ("She did not go to the park with the children.", "She did not take the children to the park.", False),
    ],
)  # fmt: skip
def test_the_other_of_two_picked_is_a_swap(original: str, rewrite: str, swapped: bool) -> None:
    assert bool(swapped_contrasts(original, rewrite)) is swapped


@pytest.mark.parametrize(
    ("original", "rewrite", "turned"),
    [
        ("Prices rose faster than wages.", "Wages rose more slowly than prices.", ["rose faster", "more slowly"]),
        ("Women live longer than men.", "Men live shorter lives than women.", ["live longer", "shorter lives"]),
        ("Prices rose faster than wages.", "Prices rose more slowly than wages.", []),
    ],
)  # fmt: skip
def test_a_comparison_turned_round_with_its_degree_says_the_same(
    original: str, rewrite: str, turned: list[str]
) -> None:
    found = turned_round(original, rewrite)
    assert [part for (a, b), (c, d) in found for part in (original[a:b], rewrite[c:d])] == turned


def test_a_comparison_swap_is_a_finding_and_a_turned_comparison_is_none(fast_evaluator: Evaluator) -> None:
    swapped = fast_evaluator.evaluate(
        "Women in the area live on average three years longer than men.",
        "On average, men in the area live three years longer than women.",
    )
    assert [(f.type, f.kind) for f in swapped.drift.findings if f.type != "dropped"] == [("changed", "swap")]
    turned = fast_evaluator.evaluate("Prices rose faster than wages.", "Wages rose more slowly than prices.")
    assert [f for f in turned.drift.findings if f.type != "dropped"] == []
