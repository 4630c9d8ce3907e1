"""Synthetic original/rewrite pairs for batch tests: long enough to take measurable time, varied by index,
written for these tests (no third-party text). Every seventh pair changes a number in its rewrite."""

from __future__ import annotations

TOWNS = ["Ashford", "Brackley", "Corbridge", "Dunmore", "Elsworth", "Farnley", "Glenrothes", "Hexham"]
MONTHS = ["January", "March", "May", "July", "September", "November"]
PEOPLE = ["Maria Lopez", "David Chen", "Aisha Khan", "Tom Walsh", "Elena Petrova", "Kwame Mensah"]

# (original sentence, its plain rewrite); slots: {town} {month} {person} {n} {m}
TEMPLATES = [
    (
        "The district council of {town}, which has been under considerable pressure from residents' groups "
        "for several years, finally approved a budget of {n} million pounds in {month} to repair the roads.",
        "The council of {town} agreed to spend {n} million pounds on fixing roads. It did this in {month}. "
        "People in the town had asked for this for years.",
    ),
    (
        "According to {person}, who chairs the local transport committee, the number of passengers using "
        "the bus service has increased by {m} percent since the new timetable was introduced.",
        "{person} leads the local transport group. She says {m} percent more people now take the bus. "
        "This started with the new timetable.",
    ),
    (
        "Notwithstanding the objections raised by a minority of shopkeepers, the pedestrian zone in the "
        "centre of {town} will be extended by {m} streets before the end of the year.",
        "Some shop owners did not like the plan. But {m} more streets in the centre of {town} will be "
        "closed to cars before the end of the year.",
    ),
    (
        "The library, which had been closed for refurbishment since {month}, reopened with {n} thousand new "
        "books and a considerably larger reading room for children.",
        "The library was closed from {month} for repairs. Now it is open again. It has {n} thousand new "
        "books and a bigger reading room for children.",
    ),
    (
        "Officials estimate that approximately {m} hundred households will benefit from the insulation "
        "programme, which is financed jointly by the county and a national energy fund.",
        "About {m} hundred homes will get help with insulation. The county and a national energy fund pay "
        "for it together.",
    ),
    (
        "{person} emphasised that the decision, though controversial, had been reached after an extensive "
        "consultation in which more than {n} thousand people submitted their views.",
        "{person} said many people did not agree with the decision. But more than {n} thousand people gave "
        "their views before it was made.",
    ),
]


def synthetic_pair(index: int) -> tuple[str, str]:
    """The original and the rewrite of pair ``index``."""
    slots = {
        "town": TOWNS[index % len(TOWNS)],
        "month": MONTHS[index % len(MONTHS)],
        "person": PEOPLE[index % len(PEOPLE)],
        "n": str(3 + index % 17),
        "m": str(5 + (index * 7) % 23),
    }
    count = 3 + index % 4
    chosen = [TEMPLATES[(index + k) % len(TEMPLATES)] for k in range(count)]
    repeat = 1 + index % 3
    original = " ".join(template.format(**slots) for template, _ in chosen * repeat)
    rewrite_slots = dict(slots)
    if index % 7 == 3:
        rewrite_slots["n"] = str(int(slots["n"]) + 40)
    rewrite = " ".join(template.format(**rewrite_slots) for _, template in chosen * repeat)
    return original + "\n", rewrite + "\n"
