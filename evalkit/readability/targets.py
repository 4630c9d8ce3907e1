"""Readability targets: what a rewrite should reach, as presets from published guidance or your own.

A :class:`Target` is a set of criteria, each a limit on one measure of the rewrite (:data:`MEASURES`). The
rewrite *meets* a target when it meets every criterion; otherwise each missed criterion says by how much, in
the measure's own unit, and the target's ``gap`` is the largest miss relative to its limit
(``miss / |limit|``, or the miss itself for a limit of 0): ``gap = 0.25`` means 25% beyond the limit that is
missed worst.

Thresholds stated as a school grade or a reading age are checked against the formulas' consensus grade (the
median of six grade formulas), not the learned estimate behind the headline gain: the published thresholds
were set with such formulas in mind, and over a whole document the consensus is a stable *absolute* scale.
The learned estimate ranks texts better, but its absolute level is calibrated on news articles of grades 8
to 15 and is compressed outside that range (very plain text scores about grade 5–6, not 1–2). Custom
targets can limit either (``max_consensus_grade``, ``max_grade``).

Presets (:data:`PRESETS`), each with its source:

* ``gov-uk`` — GOV.UK: write for a reading age of 9 ("Usually we recommend writing for a maximum reading
  age of 9", Home Office, *Design System: readability*; GDS, *Content design: writing for GOV.UK*) and
  "try to split up sentences that are over 25 words long" (GOV.UK, *Writing to GOV.UK standards: clear
  language*). A reading age is the US grade plus five (grade 4 is read at 9 to 10), so: consensus grade at
  most 4 and no sentence over 25 words.
* ``wcag`` — WCAG 2.x Success Criterion 3.1.5 Reading Level (AAA): text should not require "reading ability
  more advanced than the lower secondary education level" (W3C, *Understanding SC 3.1.5*: lower secondary
  education is ISCED level 2, the 7th to 9th year of school), so: consensus grade at most 9.
* ``cefr-b1`` — CEFR B1, the level Dutch central government writes its web pages at (Rijksoverheid,
  *Taalniveau B1*; Council of Europe, CEFR Companion Volume 2020: at B1 a reader understands "texts that
  consist mainly of high-frequency everyday or job-related language"). B1 readers know about 2,750–3,250
  English lemmas (Milton & Alexiou, 2009) and a reader needs about 95% of a text's words to understand it
  (Laufer, 1989, "What percentage of text-lexis is essential for comprehension?"), so: at most 5% of the
  words beyond the 3,000 most frequent lemmas (names and numbers left out), and an average sentence of at
  most 20 words (Plain English Campaign, *How to write in plain English*: "15 to 20 words").
* ``easy-read`` — easy read at CEFR A2, for readers with learning disabilities (UK Government, *Inclusive
  communication: accessible communication formats*, easy read: "sentences ... no more than 10 to 15 words",
  "active not passive", "full words not acronyms"): no sentence over 15 words, no passive sentence, no
  unexplained acronym, and at most 5% of the words beyond the 2,000 most frequent lemmas (A2 readers know
  1,500–2,500: Milton & Alexiou, 2009).
* ``vale`` — the defaults of Vale's ``Readability`` package (errata-ai/Readability; each rule raises a
  suggestion when its condition holds): Flesch–Kincaid grade at most 8, Flesch reading ease at least 70,
  Gunning fog at most 10, SMOG at most 10, Coleman–Liau at most 9, ARI at most 8, LIX at most 35. evalkit
  computes them with its own counts (textstat's counters, evalkit's sentences), not Vale's tokeniser.

Your own: :meth:`Target.from_mapping` builds one from a plain mapping such as a
``[tool.evalkit.targets.NAME]`` table: ``max_grade = 7``, ``max_sentence_words = 20``,
``min_flesch_reading_ease = 60``, ``vocabulary_size = 3000`` with ``max_vocabulary_share = 0.05``,
``extends = "gov-uk"`` to start from a preset.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final, Literal

from evalkit.errors import ConfigError

Direction = Literal["max", "min"]

#: Measures a criterion can limit: name -> (description, unit).
MEASURES: Final[dict[str, tuple[str, str]]] = {
    "grade": ("estimated grade (the headline's scale)", "grade levels"),
    "consensus_grade": ("median of the six grade formulas", "grade levels"),
    "flesch_kincaid_grade": ("Flesch–Kincaid grade", "grade levels"),
    "flesch_reading_ease": ("Flesch reading ease", "points"),
    "smog_index": ("SMOG grade", "grade levels"),
    "gunning_fog": ("Gunning fog index", "grade levels"),
    "coleman_liau_index": ("Coleman–Liau index", "grade levels"),
    "automated_readability_index": ("automated readability index", "grade levels"),
    "dale_chall": ("Dale–Chall score", "points"),
    "lix": ("LIX", "points"),
    "avg_sentence_words": ("average sentence length", "words"),
    "sentence_words": ("length of the longest sentence", "words"),
    "long_sentence_share": ("share of sentences over 25 words", "share"),
    "passive_sentence_share": ("share of sentences in the passive voice", "share"),
    "unfamiliar_word_share": ("share of words outside the Dale–Chall list", "share"),
    "long_word_share": ("share of words of three syllables or more", "share"),
    "unexplained_acronyms": ("acronyms never spelled out", "acronyms"),
    "vocabulary_share": ("share of words beyond the target's vocabulary size", "share"),
}
_TEXT_KEYS: Final = ("description", "source")


@dataclass(frozen=True, slots=True)
class Criterion:
    """``measure`` must be at most (``max``) or at least (``min``) ``limit``."""

    measure: str
    direction: Direction
    limit: float

    def __post_init__(self) -> None:
        if self.measure not in MEASURES:
            raise ConfigError(f"unknown readability measure {self.measure!r} (choose {', '.join(MEASURES)})")

    @property
    def key(self) -> str:
        return f"{self.direction}_{self.measure}"

    def miss(self, value: float) -> float:
        """How far ``value`` is beyond the limit, in the measure's unit (0 when the criterion is met)."""
        beyond = value - self.limit if self.direction == "max" else self.limit - value
        return max(0.0, beyond)

    def describe(self) -> str:
        word = "at most" if self.direction == "max" else "at least"
        return f"{MEASURES[self.measure][0]} {word} {self.limit:g}"


@dataclass(frozen=True, slots=True)
class Miss:
    """A criterion the text does not meet: its value and how far beyond the limit (in ``unit``)."""

    criterion: Criterion
    value: float
    by: float

    @property
    def relative(self) -> float:
        limit = abs(self.criterion.limit)
        return self.by / limit if limit > 0 else self.by

    def to_dict(self) -> dict[str, Any]:
        unit = MEASURES[self.criterion.measure][1]
        side = "over" if self.criterion.direction == "max" else "under"
        return {
            "measure": self.criterion.measure,
            "direction": self.criterion.direction,
            "limit": self.criterion.limit,
            "value": round(self.value, 4),
            "by": round(self.by, 4),
            "unit": MEASURES[self.criterion.measure][1],
            "message": f"{self.criterion.describe()}: is {self.value:.3g}, {self.by:.3g} {unit} {side}",
        }


@dataclass(frozen=True, slots=True)
class TargetResult:
    """Whether a text meets a target, and by how much it misses otherwise."""

    target: str
    met: bool
    gap: float  # largest relative miss; 0 when met
    misses: tuple[Miss, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "met": self.met,
            "gap": round(self.gap, 4),
            "misses": [miss.to_dict() for miss in self.misses],
        }


@dataclass(frozen=True, slots=True)
class Target:
    """A named set of criteria; see the module docstring for the presets and their sources."""

    name: str
    criteria: tuple[Criterion, ...]
    description: str = ""
    source: str = ""
    vocabulary_size: int | None = None

    def __post_init__(self) -> None:
        if not self.criteria:
            raise ConfigError(f"readability target {self.name!r} has no criteria")
        uses_vocabulary = any(c.measure == "vocabulary_share" for c in self.criteria)
        if uses_vocabulary and not self.vocabulary_size:
            raise ConfigError(f"readability target {self.name!r}: vocabulary_share needs a vocabulary_size")

    def check(self, measures: Mapping[str, float], vocabulary_share: Callable[[int], float]) -> TargetResult:
        """Check a text's ``measures`` (names of :data:`MEASURES`); ``vocabulary_share(size)`` gives the
        share of its words beyond the ``size`` most frequent lemmas."""
        misses = []
        for criterion in self.criteria:
            if criterion.measure == "vocabulary_share":
                assert self.vocabulary_size is not None
                value = vocabulary_share(self.vocabulary_size)
            else:
                value = measures[criterion.measure]
            by = criterion.miss(value)
            if by > 0:
                misses.append(Miss(criterion, value, by))
        gap = max((miss.relative for miss in misses), default=0.0)
        return TargetResult(self.name, not misses, gap, tuple(misses))

    def to_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = {"name": self.name, "description": self.description, "source": self.source}
        if self.vocabulary_size is not None:
            result["vocabulary_size"] = self.vocabulary_size
        result.update({criterion.key: criterion.limit for criterion in self.criteria})
        return result

    @classmethod
    def from_mapping(cls, name: str, mapping: Mapping[str, Any], *, source: str | None = None) -> Target:
        """A target from a plain mapping (e.g. a ``[tool.evalkit.targets.NAME]`` table).

        Keys: ``max_<measure>`` / ``min_<measure>`` for the measures of :data:`MEASURES`, ``vocabulary_size``,
        ``description``, ``source``, and ``extends`` (a preset whose criteria are the starting point; a key
        given here replaces the preset's). An unknown key or a value of the wrong type raises
        :class:`~evalkit.errors.ConfigError` naming it (``source`` names the config file in the message).
        """

        def fail(problem: str) -> ConfigError:
            return ConfigError(f"readability target {name!r}: {problem}", source=source)

        if not name or not isinstance(name, str):
            raise fail("a target needs a name")
        base: Target | None = None
        criteria: dict[str, Criterion] = {}
        texts = {"description": "", "source": ""}
        vocabulary_size: int | None = None
        if "extends" in mapping:
            parent = mapping["extends"]
            if not isinstance(parent, str) or parent not in PRESETS:
                raise fail(f"'extends' must name a preset ({', '.join(PRESETS)}), not {parent!r}")
            base = PRESETS[parent]
            criteria = {criterion.key: criterion for criterion in base.criteria}
            texts = {"description": base.description, "source": base.source}
            vocabulary_size = base.vocabulary_size
        for key, value in mapping.items():
            if key == "extends":
                continue
            if key in _TEXT_KEYS:
                if not isinstance(value, str):
                    raise fail(f"'{key}' must be a string")
                texts[key] = value
            elif key == "vocabulary_size":
                if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                    raise fail("'vocabulary_size' must be a whole number of lemmas, 1 or more")
                vocabulary_size = value
            else:
                direction, _, measure = key.partition("_")
                if direction not in ("max", "min") or measure not in MEASURES:
                    raise fail(
                        f"unknown key {key!r} (use max_<measure> or min_<measure> with a measure of "
                        f"{', '.join(MEASURES)}; or {', '.join((*_TEXT_KEYS, 'vocabulary_size', 'extends'))})"
                    )
                if isinstance(value, bool) or not isinstance(value, int | float):
                    raise fail(f"'{key}' must be a number, not {value!r}")
                criteria[key] = Criterion(measure, "max" if direction == "max" else "min", float(value))
        try:
            return cls(name, tuple(criteria.values()), texts["description"], texts["source"], vocabulary_size)
        except ConfigError as error:
            raise fail(error.problem.split(": ", 1)[-1]) from error


def _preset(name: str, description: str, source: str, vocabulary_size: int | None = None, **limits: float) -> Target:
    criteria = tuple(
        Criterion(key.partition("_")[2], "max" if key.startswith("max_") else "min", float(limit))
        for key, limit in limits.items()
    )
    return Target(name, criteria, description, source, vocabulary_size)


#: The preset targets by name (see the module docstring for each source).
PRESETS: Final[dict[str, Target]] = {
    target.name: target
    for target in (
        _preset(
            "gov-uk",
            "GOV.UK: reading age 9 (US grade 4), no sentence over 25 words",
            "Home Office Design System, Readability (reading age 9); GOV.UK, Writing to GOV.UK standards: "
            "clear language (split up sentences over 25 words)",
            max_consensus_grade=4,
            max_sentence_words=25,
        ),
        _preset(
            "wcag",
            "WCAG 2.x SC 3.1.5 Reading Level (AAA): no harder than lower secondary education (grade 9)",
            "W3C, Understanding WCAG 2.2, Success Criterion 3.1.5 Reading Level",
            max_consensus_grade=9,
        ),
        _preset(
            "cefr-b1",
            "CEFR B1 plain language: 95% of words within the 3,000 most frequent lemmas, sentences of 20 "
            "words on average",
            "Council of Europe, CEFR Companion Volume (2020); Rijksoverheid, Taalniveau B1; Milton & Alexiou "
            "(2009); Laufer (1989); Plain English Campaign, How to write in plain English",
            vocabulary_size=3000,
            max_vocabulary_share=0.05,
            max_avg_sentence_words=20,
        ),
        _preset(
            "easy-read",
            "Easy read (CEFR A2): sentences of at most 15 words, active voice, no unexplained acronyms, 95% "
            "of words within the 2,000 most frequent lemmas",
            "UK Government, Inclusive communication: accessible communication formats (easy read); Milton & "
            "Alexiou (2009); Laufer (1989)",
            vocabulary_size=2000,
            max_sentence_words=15,
            max_passive_sentence_share=0,
            max_unexplained_acronyms=0,
            max_vocabulary_share=0.05,
        ),
        _preset(
            "vale",
            "Vale's Readability package defaults",
            "errata-ai/Readability (Vale package): FleschKincaid > 8, FleschReadingEase < 70, "
            "GunningFog > 10, SMOG > 10, ColemanLiau > 9, AutomatedReadability > 8, LIX > 35",
            max_flesch_kincaid_grade=8,
            min_flesch_reading_ease=70,
            max_gunning_fog=10,
            max_smog_index=10,
            max_coleman_liau_index=9,
            max_automated_readability_index=8,
            max_lix=35,
        ),
    )
}


@dataclass(frozen=True, slots=True)
class TargetSet:
    """The targets a run knows: the presets plus any defined by the user (theirs win on a name clash)."""

    custom: tuple[Target, ...] = field(default_factory=tuple)

    def all(self) -> tuple[Target, ...]:
        known = dict(PRESETS)
        known.update({target.name: target for target in self.custom})
        return tuple(known.values())

    def get(self, name: str) -> Target:
        for target in reversed(self.all()):
            if target.name == name:
                return target
        raise ConfigError(f"unknown readability target {name!r} (known: {', '.join(t.name for t in self.all())})")
