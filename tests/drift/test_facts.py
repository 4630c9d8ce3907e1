"""Fact extraction: numbers, dates, names, quotations, negations and modality, with their keys and spans."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evalkit.drift.facts import (
    Fact,
    extract_facts,
    name_evidence,
    quote_words,
    significant_digits,
    spelled_value,
)


def facts_of(text: str, category: str, evidence_texts: tuple[str, ...] = ()) -> list[Fact]:
    evidence = name_evidence((text, *evidence_texts))
    return [fact for fact in extract_facts(text, 0, evidence) if fact.category == category]


@pytest.mark.parametrize(
    ("text", "spelled", "key"),
    [
        ("They raised $5m last year.", "$5m", ("money", "USD", 5_000_000.0)),
        ("They raised 5 million dollars.", "5 million", ("money", "USD", 5_000_000.0)),
        ("They raised £2.72bn in total.", "£2.72bn", ("money", "GBP", 2_720_000_000.0)),
        ("It cost 1m krone.", "1m", ("money", "NOK", 1_000_000.0)),
        ("Some 10,000 pairs were sold.", "10,000", ("count", "", 10_000.0)),
        ("Two million people voted.", "Two million", ("count", "", 2_000_000.0)),
        ("A million people voted.", "A million", ("count", "", 1_000_000.0)),
        ("Turnout was 41 per cent.", "41 per cent", ("percent", "", 41.0)),
        ("Turnout was 41%.", "41%", ("percent", "", 41.0)),
        ("She has five cats.", "five", ("count", "", 5.0)),
        ("Prices have doubled.", "doubled", ("multiplier", "", 2.0)),
        ("Prices are three times higher.", "three times", ("multiplier", "", 3.0)),
        ("It can be bent 2,000 times.", "2,000 times", ("multiplier", "", 2000.0)),
        ("Two-thirds of them agreed.", "Two-thirds", ("fraction", "", 0.666667)),
        ("It took over a decade.", "a decade", ("count", "", 10.0)),
        ("He was the third person to try.", "third", ("ordinal", 3)),
        # "a third" at the end of its clause is a share; "third" alone is no share
        ("The drug cut the risk by a third.", "a third", ("fraction", "", 0.333333)),
        ("Prices fell by a quarter, the report said.", "a quarter", ("fraction", "", 0.25)),
        ("It will cut production by a third this year.", "a third", ("fraction", "", 0.333333)),
        # a capital at the start of a sentence or in a headline says nothing about names
        ("Council To Close Five Libraries", "Five", ("count", "", 5.0)),
        ("Two People were hurt in the crash on the bypass.", "Two", ("count", "", 2.0)),
        ("Sales rose in the third quarter.", "third", ("ordinal", 3)),
        ("Her first-ever win came in May.", "first", ("ordinal", 1)),
        ("Dozens of people came.", "Dozens", ("vague", "dozens")),
        ("A child has a one in four chance.", "one in four", ("percent", "", 25.0)),
        ("It is right about 55 out of 100 times.", "55 out of 100", ("percent", "", 55.0)),
        # a mixed number is one number, hyphenated or not, with its scale
        ("It took two and a half hours.", "two and a half", ("count", "", 2.5)),
        ("The two-and-a-half-hour climb.", "two-and-a-half", ("count", "", 2.5)),
        ("About 3 and a quarter million people came.", "3 and a quarter million", ("count", "", 3_250_000.0)),
        ("They work with nil visibility.", "nil", ("count", "", 0.0)),
        ("Seven out of ten people agree.", "Seven out of ten", ("percent", "", 70.0)),
        ("It rose by 5 in 2020.", "5", ("count", "", 5.0)),  # a year, no ratio
        # pence are money
        ("A stamp costs 95p.", "95p", ("money", "GBP", 0.95)),
        ("Sweets cost 20 pence each.", "20", ("money", "GBP", 0.2)),
        # below zero, with the sign in its span
        ("The temperature fell to minus 5C.", "minus 5C", ("count", "", -5.0)),
        ("The temperature fell to -5C.", "-5C", ("count", "", -5.0)),
        ("It was −12C at night.", "−12C", ("count", "", -12.0)),
        ("It was 12C at night.", "12C", ("count", "", 12.0)),
        # a frequency with "twice" is a count of times, as "two times a week"; a fortnight is two weeks; a
        # reduction by half is halved
        ("They meet twice a week.", "twice", ("count", "", 2.0)),
        ("They meet two times a week.", "two", ("count", "", 2.0)),
        ("It is twice the size.", "twice", ("multiplier", "", 2.0)),
        ("It closes for a fortnight.", "a fortnight", ("count", "", 2.0)),
        ("Bins are emptied fortnightly.", "fortnightly", ("count", "", 2.0)),
        ("A bus comes every half an hour.", "half an hour", ("count", "", 0.5)),
        ("Half a dozen came.", "Half a dozen", ("count", "", 6.0)),
        ("It was fined half a million pounds.", "half a million", ("money", "GBP", 500000.0)),
        ("It took a year and a half.", "a year and a half", ("count", "", 1.5)),
        ("It took two hours and a half.", "two hours and a half", ("count", "", 2.5)),
        ("The budget was cut by half.", "half", ("multiplier", "", 0.5)),
        ("Half of the pupils came.", "Half", ("fraction", "", 0.5)),
        # an ordinal of two words is one rank; "a thirty-second advert" is thirty seconds long
        ("The festival is in its thirty-second year.", "thirty-second", ("ordinal", 32)),
        ("He scored in the ninetieth minute.", "ninetieth", ("ordinal", 90)),
        ("It ran a thirty-second advert.", "thirty", ("count", "", 30.0)),
        # a reduction by about half, its verb a few words before "by"
        ("It reduced admissions among adults by almost half.", "half", ("multiplier", "", 0.5)),
        # a rank said with "number"; "won" a currency only after a large amount
        ("The world number 57 won.", "57", ("ordinal", 57)),
        ("She is the No. 5 seed.", "5", ("ordinal", 5)),
        ("It cost 5,000 won.", "5,000", ("money", "KRW", 5000.0)),
        # a number spelled in several groups is one number, each scale word inside it
        ("It has one thousand two hundred workers.", "one thousand two hundred", ("count", "", 1200.0)),
        ("It was built in two thousand and five.", "two thousand and five", ("count", "", 2005.0)),
        (
            "About two million three hundred thousand came.",
            "two million three hundred thousand",
            ("count", "", 2_300_000.0),
        ),
    ],
)
def test_numbers(text: str, spelled: str, key: tuple[object, ...] | None) -> None:
    numbers = facts_of(text, "number")
    assert [fact.text for fact in numbers] == [spelled]
    if key is not None:
        assert numbers[0].key[0] == key[0]
        assert numbers[0].key[1:] == pytest.approx(key[1:]) if isinstance(key[-1], float) else numbers[0].key == key
    assert text[numbers[0].start : numbers[0].end] == spelled


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("It has 5 rooms.", "It has five rooms."),
        ("They raised $5m.", "They raised 5 million dollars."),
        ("It costs £100,000 a year.", "It costs £100000 a year."),
        ("It employs 1,200 people.", "It employs one thousand two hundred people."),
    ],
)
def test_equal_numbers_in_other_words_have_one_key(left: str, right: str) -> None:
    assert facts_of(left, "number")[0].key == facts_of(right, "number")[0].key


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("Temperatures reached 40C.", "degc"),
        ("It was 40°C.", "degc"),
        ("It was 40 °C today.", "degc"),
        ("It was as hot as 40 degrees Celsius.", "degc"),
        ("It was 104F.", "degf"),
        ("It was 40 degrees.", "deg"),
    ],
)
def test_temperatures(text: str, measure: str) -> None:
    numbers = facts_of(text, "number")
    assert [(fact.key, fact.detail["measure"]) for fact in numbers] == [(("count", "", numbers[0].key[2]), measure)]


def test_cents_are_no_temperature() -> None:
    assert facts_of("It costs 40c.", "number") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sign up first and bring a friend.", []),  # an adverb, not a rank
        ("One of the ships sank.", []),  # a pronoun
        ("The G7 and MI5 met.", []),  # digits inside names
        ("He stood 100m tall.", ["100"]),  # metres, not millions
        ("The rule applies to under-12s.", ["12s"]),
        ("He bought a second-hand car from a third-party seller.", []),  # compounds, no ranks
        ("The scheme helps first-time buyers.", []),
        ("Growth will come in the second half.", ["second"]),  # a part of a year, no share
        ("The other half went home.", []),
    ],
)
def test_not_numbers(text: str, expected: list[str]) -> None:
    assert [fact.text for fact in facts_of(text, "number")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It raised thousands of pounds.", ["thousands"]),
        ("It raised $100m, as well as thousands more for charities.", ["$100m", "thousands"]),
        ("Firms have poured millions into it.", ["millions"]),
        ("He is one of dozens, perhaps hundreds, of refugees.", ["dozens", "hundreds"]),
        ("Scores of people came.", ["Scores"]),
        ("She scores well in tests.", []),  # a verb
    ],
)  # fmt: skip
def test_vague_quantities(text: str, expected: list[str]) -> None:
    facts = facts_of(text, "number")
    assert [fact.text for fact in facts] == expected
    assert all(fact.key[0] == "vague" for fact in facts if not fact.text.startswith("$"))


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("It happened on June 26.", "It happened on 26 June."),
        ("It happened on 26th of June.", "It happened on June 26."),
        ("We meet at 3pm.", "We meet at 15:00."),
        ("We meet at 3 p.m.", "We meet at 3pm."),
        # a time in words
        ("It happened at 2.15am.", "It happened at a quarter past two in the morning."),
        ("The last train leaves at 23:45.", "The last train leaves at a quarter to midnight."),
        ("The surgery closes at 6.30pm.", "The surgery closes at half past six in the evening."),
        ("The surgery opens at 8am.", "The surgery opens at 8 in the morning."),
        ("It was built in 2014, they said.", "It was built in 2014."),
        ("During the previous financial year, sales fell.", "Last year, sales fell."),
        ("It opened a week ago.", "It opened last week."),
        ("It adds £28m to costs in the current financial year.", "It adds £28m to costs this year."),
        ("Work starts in the spring.", "Work starts in early spring."),
        ("It was built in the twelfth century.", "It was built in the 1100s."),
    ],
)
def test_equal_dates_in_other_words_have_one_key(left: str, right: str) -> None:
    assert facts_of(left, "date")[0].key == facts_of(right, "date")[0].key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The show is on Saturday 7 September.", ["Saturday", "7 September"]),
        ("Forms must arrive by 30 August.", ["30 August"]),  # the full stop is not part of the date
        ("It opens on Aug. 3.", ["Aug. 3"]),
        # "May" alone is the modal far more often than the month, but not as a capital after "in", "until" …
        ("She may come in May.", ["May"]),
        ("May I come in?", []),
        ("Prime Minister Theresa May spoke.", []),
        ("Inflation was 3.4% in May and 3.9% in April.", ["May", "April"]),
        ("Fires are banned between May and October.", ["May", "October"]),
        ("It runs from April to May.", ["April", "May"]),
        ("It grew in the 1990s.", ["1990s"]),
        ("About 2000 people came.", []),  # a count, not a year
        ("The 2014 World Cup was held in Brazil.", ["2014"]),
        ("The results came in 1.17bn.", []),  # not a time
        # a relative date counted with any number below 100, written in words or digits
        ("Thirty-five years later, she sang again.", ["Thirty-five years later"]),
        ("It ended twenty-one days later.", ["twenty-one days later"]),
        # decades and centuries
        ("It was built in the 19th century.", ["19th century"]),
        ("It was built in the nineteenth century.", ["nineteenth century"]),
        ("The band was big in the nineties.", ["nineties"]),
        ("She is in her twenties.", []),  # an age
        # tokenised text's comma apart
        ("He died on May 29 , 1518 in Madrid .", ["May 29 , 1518"]),
        ("In December , 1967 , she was honoured .", ["December , 1967"]),
        ("The consultation closes on 2027-03-15.", ["2027-03-15"]),  # ISO 8601
        # "May" after "mid-" is the month
        ("The museum reopened in mid-May.", ["May"]),
        # a season as a time of year, not as a noun of another kind
        ("Repairs begin in the spring and end by late autumn 2027.", ["spring", "autumn", "2027"]),
        ("The town grew around a hot spring.", []),
        ("Summer clothes went on sale.", []),
        ("Pupils went back after the summer holidays.", []),
    ],
)
def test_dates(text: str, expected: list[str]) -> None:
    dates = facts_of(text, "date")
    assert [fact.text for fact in dates] == expected
    for fact in dates:
        assert text[fact.start : fact.end] == fact.text


@pytest.mark.parametrize(
    ("text", "expected", "units"),
    [
        ("South Korean President Yoon Si-yeol met Joe Biden.", ["South Korean", "Yoon Si-yeol", "Joe Biden"],
         [("@south korea",), ("yoon", "si-yeol"), ("joe", "biden")]),
        ("They plan to use more U.S. Weapons to deter the North.", ["U.S."], [("@united states",)]),
        ("Japanese entrepreneur Takahito Iguchi is here.", ["Japanese", "Takahito Iguchi"],
         [("@japan",), ("takahito", "iguchi")]),
        ("Tokyo is very rich in fashion.", ["Tokyo"], [("@tokyo",)]),
        ("Troops from the U.S., South Korean and Japanese forces met.", ["U.S.", "South Korean", "Japanese"],
         [("@united states",), ("@south korea",), ("@japan",)]),
        ("It is a NATO-like alliance.", ["NATO"], [("@nato",)]),
        ("Search the web and see.", [], []),
        # a possessive before the name of an institution is part of it; a place's possessive, or a person after
        # it, is a name of its own
        ("Both were taken to Queen's Medical Centre.", ["Queen's Medical Centre"], [("queen", "medical", "centre")]),
        ("She will face Spain's Elena Ruiz.", ["Spain", "Elena Ruiz"], [("@spain",), ("elena", "ruiz")]),
        # a capitalised number word beside another capitalised word is a word of a name, not a count
        ("He will miss the rest of the Six Nations.", ["Six Nations"], [("six", "nations")]),
        # the planet is no name: a rewrite says "the Earth's climate" for "the global climate"
        ("Eruptions can cool the Earth's climate.", [], []),
        # a person of a place is two names; an institution or state of a place is one
        ("Timms of England won.", ["Timms", "England"], [("timms",), ("@england",)]),
        ("Two men from the Republic of Kiribati drifted.", ["Republic of Kiribati"], [("republic", "@kiribati")]),
        ("She studied at the University of California in 1990.", ["University of California"],
         [("university", "@california")]),
        # an acronym of a common noun is no name; an organisation's is
        ("Her GP saw it on TV, the BBC said.", ["BBC"], [("@bbc",)]),
        ("GPs say GDP fell.", [], []),
        # a closing quotation mark written with apostrophes is no part of a name; a possessive's is
        ("It was later called `` the land of Prussia''.", ["Prussia"], [("@prussia",)]),
        ("The land of Prussia'' was later split up.", ["Prussia"], [("@prussia",)]),
        ("The Smiths' house and O'Brien's car.", ["Smiths", "O'Brien"], [("smiths",), ("o'brien",)]),
        # a name with diacritics is read whole, and matched without them
        ("The study was led by Anders Jägerskog in Łódź.", ["Anders Jägerskog", "Łódź"],
         [("anders", "jagerskog"), ("lodz",)]),
        ("Citroën and Hans-Jürgen Papier met Émile.", ["Citroën", "Hans-Jürgen Papier", "Émile"],
         [("citroen",), ("hans-jurgen", "papier"), ("emile",)]),
        ("She met Nguyễn Thị Minh Khai and Søren Kierkegaard.", ["Nguyễn Thị Minh Khai", "Søren Kierkegaard"],
         [("nguyen", "thi", "minh", "khai"), ("soren", "kierkegaard")]),
        ("They flew from Bogotá to Zürich.", ["Bogotá", "Zürich"], [("@bogotá",), ("@zurich",)]),
        # a title word last in a name is the name's; "and" stays inside a name whose end the gazetteer knows
        ("Dr Martin Luther King Jr. spoke.", ["Martin Luther King Jr"], [("martin", "luther", "king", "jr")]),
        ("Stephen King wrote it.", ["Stephen King"], [("stephen", "king")]),
        ("They met the Queen.", [], []),
        # a lone family name after a verb is a name, though its lower-case form is a common word
        ("She defeated Williams in the final.", ["Williams"], [("williams",)]),
        ("Police arrested Jones on Friday.", ["Jones"], [("jones",)]),
        # an ordinary word capitalised once is a name right after the common noun it names
        ("The report, by the charity Shelter, found it.", ["Shelter"], [("shelter",)]),
        ("It was published in the journal Nature last week.", ["Nature"], [("nature",)]),
        # ... or right after a verb or preposition it is the object of; not a list item run into a sentence
        ("They were unlucky not to beat Everton on Saturday.", ["Everton"], [("everton",)]),
        ("Bring a coat Gloves and boots.", [], []),
        ("The U.S. Food and Drug Administration (FDA) agreed.", ["U.S. Food and Drug Administration", "FDA"],
         [("@united states", "@food and drug administration"), ("@food and drug administration",)]),
    ],
)  # fmt: skip
def test_names(text: str, expected: list[str], units: list[tuple[str, ...]]) -> None:
    names = facts_of(text, "name", ("nuclear weapons are weapons",))
    assert [fact.text for fact in names] == expected
    assert [fact.key[1] for fact in names] == units
    for fact in names:
        assert text[fact.start : fact.end] == fact.text


# A quotation of several sentences is one unit: a capitalised word after a full stop, colon or opening
# quotation mark inside it starts a sentence, and an ordinary word there is no name.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One of the team, Ross Anderson, said: “Guilty people fidget more.”", ["Ross Anderson"]),
        ("“We think about it carefully first. Sometimes, people allege that we did.”", []),
        ("Typical salary: Graduates start on £25,000.", []),
        ("Someone asked “Have you ever used it?”", []),
        ("He said: Illegal downloading is a very big problem.", []),
        # a full stop after a word ends a name: not "Great. Nothing"
        ("He says: “Great. Nothing that will fit into my apartment.”", []),
        # an acronym stays a name at the start of a sentence; a rare first word stays part of the name
        ("The report said: NATO grew by two members.", ["NATO"]),
        ("More castaways: Poon Lim, a Chinese sailor, survived.", ["Poon Lim", "Chinese"]),
        # a given name starts a sentence as part of the name, however common its word ("Jarvis", "Hugo")
        ("Jarvis Cocker said it was stupid.", ["Jarvis Cocker"]),
        ("Hugo Spiers led the study.", ["Hugo Spiers"]),
        ("“Now I’m happy,” she said.", []),
        # an apostrophe after a word closes a possessive, it opens no sentence
        ("The Home Heating Consumers' Forum welcomed it.", ["Home Heating Consumers", "Forum"]),
        # a name the texts capitalise mid-sentence elsewhere is still a name after an opener
        ("She said: “Okafor will decide.”", ["Okafor"]),
    ],
)  # fmt: skip
def test_no_name_at_the_start_of_a_sentence_inside_a_unit(text: str, expected: list[str]) -> None:
    evidence = ("The mayor, Helen Okafor, met them.",)
    assert [fact.text for fact in facts_of(text, "name", evidence)] == expected


def test_sentence_initial_word_is_a_name_when_the_texts_capitalise_it_elsewhere() -> None:
    alone = facts_of("Glass has many uses.", "name")
    with_evidence = facts_of("Glass has many uses.", "name", ("He wore Google Glass at work.",))
    assert alone == []
    assert [fact.text for fact in with_evidence] == ["Glass"]


def test_quotation_with_speaker() -> None:
    text = "“We will not give up,” said Kim Jong-un on Sunday."
    quotes = facts_of(text, "quote")
    assert [fact.text for fact in quotes] == ["We will not give up,"]
    assert quotes[0].detail["speaker"] == "Kim Jong-un"
    assert quotes[0].detail["speaker_units"] == ("kim", "jong-un")
    assert facts_of("“We will not give up,” he said.", "quote")[0].detail["speaker_units"] is None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Dr Hans Kluge said the rise was “deeply worrying”.", "Dr Hans Kluge"),  # a clause after the verb
        ("Smith said it was “a disgrace”.", "Smith"),
        ("The minister said: “We will win the vote.”", "The minister"),
        ("Then said the minister: “We will win the vote.”", "the minister"),  # the speaker after the verb
    ],
)  # fmt: skip
def test_the_speaker_of_a_quotation_after_a_clause_of_what_was_said(text: str, speaker: str) -> None:
    assert facts_of(text, "quote")[0].detail["speaker"] == speaker


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("“We will not give up,” said Kim Jong-un on Sunday.", "said"),
        ("“We will not give up,” the mayor of the town told reporters.", "told"),
        ("The mayor told reporters: “We will not give up.”", "told"),
        ("She said that “the plan will work”.", "said"),
        ("According to the mayor, “the plan will work”.", None),
        ("“The plan will work” is on every poster.", None),
    ],
)  # fmt: skip
def test_a_quotation_records_where_its_verb_of_speech_stands(text: str, verb: str | None) -> None:
    said_at = facts_of(text, "quote")[0].detail["said_at"]
    assert (text[said_at[0] : said_at[1]] if isinstance(said_at, tuple) else said_at) == verb


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said “we will win” and left.", ["we will win"]),
        # a right double quotation mark after a space still closes, and the space is no part of the quotation
        ("They found that “there are mountains in the belt ”, the system’s “third zone” where it sits.",
         ["there are mountains in the belt", "third zone"]),
        ("Fans were told to “Stand united ”, and to leave their “large electronic devices” at home.",
         ["Stand united", "large electronic devices"]),
        # tokenised text: clitics apart open nothing; a closing mark apart closes
        ("The city 's mayor said they 're 'very proud ' of it .", ["very proud"]),
        ("He said 'stop it ' and left .", ["stop it"]),
        ("He said `` we will win '' and left .", ["we will win"]),
        ("Seventh sons have strong `` Magic Knacks''( specific abilities).", ["Magic Knacks"]),
        ("`` It is ` fine ' , '' she said .", ["It is ` fine ' ,"]),
    ],
)  # fmt: skip
def test_quotation_spans(text: str, expected: list[str]) -> None:
    quotes = facts_of(text, "quote")
    assert [fact.text for fact in quotes] == expected
    assert all(text[fact.start : fact.end] == fact.text for fact in quotes)


def test_quote_words_write_contractions_out() -> None:
    assert quote_words("We'd say it’s fine, don't you?") == quote_words("We would say it is fine, do not you?")
    assert quote_words("They’re gonna win, y'all.") == quote_words("They are going to win, you all.")


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        ("The plan was not delivered.", [("not", "delivered")]),
        ("They don’t know it.", [("n’t", "know")]),
        ("He never came back.", [("never", "came")]),
        ("It is not only cheap but fast.", []),  # does not negate
        ("She is the No. 5 seed.", []),  # "No." before a number abbreviates "number"
        ("Send it no later than Friday.", []),
        ("Hair cannot show if you are allergic or not.", [("cannot", "show")]),  # "or not": an alternative
        ("Whether or not they agree, it goes ahead.", []),
        ("That is not to say prices will not rise.", []),  # a denied denial: the two cancel
        ("There is no way I could have known.", [("no", "known")]),  # "no way" denies what follows
        ("That is not to say prices will rise, but they will not fall.", [("not", "fall")]),
        # text that lost its apostrophes
        ("They dont tip much.", [("nt", "tip")]),
        ("I cant go there.", [("nt", "go")]),
        ("The wanted man went home.", []),
        # ... and text that lost its ligatures: "signi cant" is "significant", no "can't"
        ("They cover signi cant parts of the roof.", []),
        ("The cost was insigni cant.", []),
    ],
)
def test_negations(text: str, cues: list[tuple[str, str]]) -> None:
    negations = [f for f in facts_of(text, "negation") if f.kind == "negation"]
    assert [(f.text, f.detail["scope"]) for f in negations] == cues


def test_modality() -> None:
    modals = [f for f in facts_of("The bridge may close and drivers must wait.", "negation") if f.kind == "modality"]
    assert [(f.text, f.key[1]) for f in modals] == [("may", "possible"), ("must", "necessary")]


@pytest.mark.parametrize(
    ("text", "value"),
    [("forty-two", 42.0), ("two hundred and five", 205.0), ("three million", 3_000_000.0), ("seven", 7.0)],
)
def test_spelled_value(text: str, value: float) -> None:
    assert spelled_value(text) == value


@pytest.mark.parametrize(("value", "digits"), [(4891.0, 4), (5000.0, 1), (2.7, 2), (0.05, 1)])
def test_significant_digits(value: float, digits: int) -> None:
    assert significant_digits(value) == digits


_WORDS = st.sampled_from(
    [
        "the",
        "council",
        "said",
        "5",
        "million",
        "people",
        "in",
        "Japan",
        "and",
        "Joe",
        "Biden",
        "“will",
        "not”",
        "pay",
        "$3bn",
        "on",
        "26",
        "June",
        "2014",
        "at",
        "3pm",
        "U.S.",
        "dozens",
        "first",
        "twice",
        "half",
        "NATO-like",
        "Brussels",
        "never",
        "may",
        "(",
        ")",
        ",",
        ".",
        "-",
        "’s",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=30))
def test_every_fact_points_at_its_own_text(words: list[str]) -> None:
    text = " ".join(words)
    for fact in extract_facts(text, 0, name_evidence([text])):
        assert 0 <= fact.start < fact.end <= len(text)
        assert text[fact.start : fact.end] == fact.text


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("It was climbed 60 years ago.", (60.0, "year")),
        ("It opened two decades ago.", (2.0, "decade")),
        ("They met again three days later.", (3.0, "day")),
        ("Prices rose over the past decade.", (10.0, "year")),
        ("Prices rose last week.", None),
    ],
)
def test_a_relative_date_records_the_time_it_counts(text: str, span: tuple[float, str] | None) -> None:
    assert [fact.detail["span"] for fact in facts_of(text, "date")] == [span]
