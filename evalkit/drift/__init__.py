"""Factual drift: which facts the rewrite dropped, changed or added, pointed at the exact words.

Facts (:mod:`evalkit.drift.facts`: numbers with units and scale, dates and times, names of people, places and
organisations, quotations and who said them, negations and modal verbs) are extracted from every scored
sentence of both texts and matched (:mod:`evalkit.drift.matching`): first within the rewrite sentences
aligned to the original sentence (its *region*, shared with the meaning metric), then anywhere in the
rewrite, so a fact that moved to another paragraph is still found. Negations and modality are compared
within aligned sentences (:mod:`evalkit.drift.polarity`).

Classification:

* ``changed``: an original fact with a counterpart of the same kind in its region that differs — another
  number, the same number as a bound the other way ("nearly 500" -> "more than 500"; kind ``bound``) or
  with a strict bound dropped or added ("up to 90" -> "90", "200" -> "more than 200"; an approximation such as
  "nearly 500" -> "500" is no change), counted per another period or thing ("£800 a month" -> "£800 a
  year", "£100 a day" -> "£100" where the rewrite says no day at all; kind ``rate``), or
  as another part of a change ("fell by 10%" -> "fell to 10%"; kind ``role``), a rank of another period
  ("its first week" -> "its first month") or dropped before a superlative it keeps ("the second-largest" ->
  "the largest"; kind ``ordinal``), another date or the same date as the other end of a period ("until
  March" -> "from March"; kind ``role``), a near-miss spelling or another name, two names that trade
  places ("from Leeds to York" -> "from York to Leeds"; kind ``swap``), a name with a title of the other
  sex ("Mr Patel" -> "Ms Patel"; kind ``title``) or a person said with the other sex's pronouns ("she
  would retire" -> "he would retire"; kind ``pronoun``), a negation removed or added, a modal verb of another
  strength ("may" -> "will") or none where the verb it hedged is stated as a fact ("could reduce" ->
  "reduces"), a verb said of the future on one side and of the past on the other ("will open" ->
  "opened"; kind ``tense``), an open question stated as a fact ("whether the fire was started deliberately"
  -> "the fire was started deliberately"), a quantifier of another strength ("most" -> "all", "often" ->
  "always"; a ``negation`` finding of kind ``quantity``), a word's opposite in its place ("rose" -> "fell";
  kind ``opposite``), a verb of belief for one of knowledge ("think" -> "know"; kind ``modality``), other
  words inside a quotation, another speaker;
  a near-miss spelling of an original name anywhere in the rewrite is a changed name, not a new one;
* ``dropped``: an original fact found nowhere in the rewrite; a quotation the rewrite only shortens; a
  negated statement whose clause the rewrite leaves out ("…, so the damage does not get worse" / "…":
  a ``dropped`` ``negation`` from its auxiliary to the words it bears on, or a dropped clause widened
  over it; never where the rewrite keeps a negation there, explicit or implicit);
* ``added``: a rewrite fact with no source anywhere in the original.

Content without a named fact is judged from the meaning metric's token evidence
(:attr:`evalkit.meaning.SentenceMatch.tokens`): a rewrite sentence with no counterpart and no support
(``meaning.unsupported``) with at least :data:`MIN_RUN_WORDS` unsupported content words, or a run of at least
:data:`MIN_RUN_WORDS` + 1 content words nothing in the original supports (an invented clause), is an
``added``/``other`` finding; an original sentence dropped whole, or a run of at least
:data:`MIN_RUN_WORDS` + 1 content words the rewrite does not keep, is a ``dropped``/``other`` finding.

Severity (:func:`severity`): changed and added findings are ``major``; a dropped one is ``minor`` unless it
carries a number, a name or a negation (a dropped date with digits carries a number; a vague quantity such
as "dozens" does not; a dropped quotation carries the numbers and names inside it that the rewrite also
lost).

Score (:func:`drift_score`), in [0, 1), 0 = no drift::

    weight(finding) = {major: 1.0, minor: 0.3}[severity] * {changed: 1.0, added: 1.0, dropped: 0.5}[type]
                      * stake   (PARAPHRASED_QUOTE = 0.3 for a paraphrased quotation, else 1)
    facts           = max(4, (facts in the original + facts in the rewrite) / 2)
    reworded        = sum over aligned groups of min(unsupported content of the group's original sentences,
                      unsupported content of its rewrite sentences) - LONE_REWORDED x min(the same of lone
                      words), sentences dropped or invented whole and clause-length runs left out: words said
                      another way leave content unmatched on both sides (:func:`_reworded`)
    invented        = (content weight of rewrite words nothing in the original supports - reworded)
                      / content weight of the rewrite
    lost            = (content weight of original words the rewrite does not keep - reworded)
                      / content weight of the original
    score           = 1 - exp(-(2 * sum(weights of number, date, name, quote and negation findings) / facts
                                + ADDED_RATE * invented + DROPPED_RATE * lost))

A reworded quotation is always a ``changed``/``quote`` finding, ``major``: misquoting someone is an error an
editor must see. Its *stake* in the score tells a paraphrase from a misquote that says something new: when
every content word the rewrite's quotation has and the original's lacks is supported by the original's
words (the meaning metric's token evidence, as for ``invented``), it is a paraphrase between quotation
marks and weighs :data:`PARAPHRASED_QUOTE` of a finding; the message says which, and names the unsupported
words otherwise. A change inside a quotation that is a finding of its own — a number, date or name, a
negation, quantity, opposite or verb of belief ("I think" -> "I know") — is one change, counted once: the
quotation's stake drops to 0 when each of its unsupported new words lies inside such a finding, and its
message says so; a quotation that also says something else new keeps its stake. Each finding's ``weight``
is in the report, and the fact term is their sum.

Words are weighed by information content (:func:`evalkit.lexicon.content_weight`); a word counts as
unsupported in proportion to how far its best match falls below the meaning metric's ``FOUND`` threshold
(fully when nothing matches it); a lone unsupported word counts :data:`ISOLATED` of its weight (it is mostly a
word said another way), a run of them and a whole sentence in full; numbers, dates and names are left out
of the shares (they are judged as facts: kept, or a finding of their own). The ``other`` findings are the
evidence behind ``invented`` and ``lost`` and are not counted again, but for two content words that trade
places (kind ``swap``, "the dog bit the man" / "the man bit the dog"), which moves no share and weighs as a
changed fact. So the score is normalised for length
twice over: fact findings per fact at stake (one changed number among four facts scores 0.39, among forty
0.05 — the gate's ``max_major`` catches single errors in long texts), and content as shares of each text.
Invented content weighs more than lost content (``ADDED_RATE`` = 2 x ``DROPPED_RATE``), as added findings
weigh twice dropped ones: a simplification is expected to leave detail out, never to make things up. The
shares make the score react to what carries no named fact — an invented clause, a deleted one, a replaced
word — in the spirit of BERTScore's precision and recall (Zhang et al., 2020), restricted to content the
alignment cannot account for.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from evalkit import lexicon
from evalkit.document import Document
from evalkit.drift.facts import Fact, NameEvidence, content_stems, extract_facts, name_evidence, stem
from evalkit.drift.matching import POLARITY_KINDS, Match, match_facts, word_list
from evalkit.drift.polarity import negated_clause, negative_cues, plain_negations, said_as_only_if
from evalkit.drift.roles import swapped_comparisons, swapped_contrasts, swapped_order, swapped_roles
from evalkit.meaning import FOUND, MeaningResult, SentenceMatch
from evalkit.spans import TextSpan

FindingType = Literal["dropped", "changed", "added"]
Severity = Literal["minor", "major"]

SEVERITY_WEIGHTS: dict[str, float] = {"major": 1.0, "minor": 0.3}
TYPE_WEIGHTS: dict[str, float] = {"changed": 1.0, "added": 1.0, "dropped": 0.5}
MIN_FACTS = 4.0
SCORE_RATE = 2.0
#: Weight of the invented share of the rewrite, and of the lost share of the original, in the score.
ADDED_RATE = 2.0
DROPPED_RATE = 1.0
#: Content words (weight >= :data:`CONTENT_WORD`) in a run of unsupported words that make a finding.
MIN_RUN_WORDS = 3
CONTENT_WORD = 3.0
#: Share of a lone unsupported word's weight in the content shares (a word said another way, mostly).
ISOLATED = 0.5
#: Fact categories that count as facts at stake.
COUNTED = ("number", "date", "name", "quote")
#: Share of its weight that a reworded quotation keeps in the score when every new content word inside it
#: has a counterpart among the original's words (a paraphrase between quotation marks: still a misquote,
#: still a major finding, but it says nothing the original did not).
PARAPHRASED_QUOTE = 0.3


@dataclass(frozen=True, slots=True)
class Finding:
    """One lost, changed or invented fact."""

    type: FindingType
    category: str  # number | date | name | quote | negation | other
    severity: Severity
    original: TextSpan | None
    rewrite: TextSpan | None
    message: str
    kind: str = ""  # finer category: count, percent, ordinal, weekday, modality, speaker, sentence, clause ...
    original_sentence: int | None = None
    rewrite_sentence: int | None = None
    #: PARAPHRASED_QUOTE for a quotation reworded without new content, 0 for one whose change a finding inside
    #: it counts, else 1
    stake: float = 1.0

    @property
    def weight(self) -> float:
        """What the finding adds to the score's fact term: 0 for content (category ``other``), which the
        score counts through its invented and lost shares instead."""
        if self.category == "other" and self.kind != "swap":
            return 0.0  # a swap of two words changes no share: it counts here
        return SEVERITY_WEIGHTS[self.severity] * TYPE_WEIGHTS[self.type] * self.stake

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "category": self.category,
            "kind": self.kind or self.category,
            "severity": self.severity,
            "original": self.original.to_dict() if self.original else None,
            "rewrite": self.rewrite.to_dict() if self.rewrite else None,
            "original_sentence": self.original_sentence,
            "rewrite_sentence": self.rewrite_sentence,
            "message": self.message,
            "weight": round(self.weight, 4),
        }


@dataclass(frozen=True, slots=True)
class DriftComponents:
    """What the score is made of (see the module docstring)."""

    facts: float  # severity-weighted fact findings per fact at stake
    invented: float  # share of the rewrite's content nothing in the original supports
    lost: float  # share of the original's content the rewrite does not keep

    def to_dict(self) -> dict[str, float]:
        return {
            "facts": round(self.facts, 4),
            "invented": round(self.invented, 4),
            "lost": round(self.lost, 4),
        }


@dataclass(frozen=True, slots=True)
class DriftResult:
    score: float
    findings: tuple[Finding, ...]
    fact_counts: dict[str, dict[str, int]]
    components: DriftComponents = field(default_factory=lambda: DriftComponents(0.0, 0.0, 0.0))

    def to_dict(self) -> dict[str, Any]:
        counts: dict[str, int] = {"dropped": 0, "changed": 0, "added": 0, "major": 0, "minor": 0}
        for finding in self.findings:
            counts[finding.type] += 1
            counts[finding.severity] += 1
        return {
            "score": round(self.score, 4),
            "components": self.components.to_dict(),
            "counts": counts,
            "facts": self.fact_counts,
            "findings": [finding.to_dict() for finding in self.findings],
        }


def severity(finding_type: str, category: str, carries: Sequence[str] = ()) -> Severity:
    """Changed and added facts are major; dropped ones minor unless they carry a number, name or negation."""
    if finding_type in ("changed", "added"):
        return "major"
    if category in ("number", "name", "negation") or any(c in ("number", "name", "negation") for c in carries):
        return "major"
    return "minor"


def drift_score(
    findings: Sequence[Finding],
    facts_original: int,
    facts_rewrite: int,
    invented: float = 0.0,
    lost: float = 0.0,
) -> float:
    """Severity-weighted fact findings per fact at stake, plus the invented and lost shares of content,
    squashed into [0, 1) (see the module docstring). Content findings (category ``other``) are counted
    through ``invented`` and ``lost``, not one by one."""
    return 1.0 - math.exp(-_exponent(findings, facts_original, facts_rewrite, invented, lost))


def _fact_term(findings: Sequence[Finding], facts_original: int, facts_rewrite: int) -> float:
    total = sum(finding.weight for finding in findings)
    at_stake = max(MIN_FACTS, (facts_original + facts_rewrite) / 2)
    return SCORE_RATE * total / at_stake


def _exponent(
    findings: Sequence[Finding], facts_original: int, facts_rewrite: int, invented: float, lost: float
) -> float:
    return _fact_term(findings, facts_original, facts_rewrite) + ADDED_RATE * invented + DROPPED_RATE * lost


def _carried(fact: Fact, lost_facts: Sequence[Fact]) -> list[str]:
    """Categories a dropped fact carries: a date written with digits carries a number; a quotation the
    facts inside it that the rewrite lost too; a vague quantity carries no number."""
    if fact.category == "number" and fact.kind == "vague":
        return ["vague"]
    carried: list[str] = [fact.category]
    if fact.category == "date" and any(character.isdigit() for character in fact.text):
        carried.append("number")
    if fact.category == "quote":
        carried = ["quote"]
        carried.extend(
            other.category
            for other in lost_facts
            if other.sentence == fact.sentence and fact.start <= other.start and other.end <= fact.end
        )
    return carried


def _span(document: Document, fact: Fact) -> TextSpan:
    return document.sentence_span(document.sentences[fact.sentence], fact.start, fact.end)


def _sentence_span(document: Document, index: int) -> TextSpan:
    sentence = document.sentences[index]
    return TextSpan(document.text[sentence.start : sentence.end], sentence.start, sentence.end)


def extract_document_facts(document: Document, evidence: NameEvidence) -> list[list[Fact]]:
    """The facts of every sentence of a document."""
    return [
        extract_facts(sentence.text, sentence.index, evidence, heading=sentence.heading)
        for sentence in document.sentences
    ]


def assess_drift(original: Document, rewrite: Document, meaning: MeaningResult) -> DriftResult:
    """Every dropped, changed and added fact of ``rewrite`` with respect to ``original``."""
    evidence = name_evidence(sentence.text for document in (original, rewrite) for sentence in document.sentences)
    facts_o = extract_document_facts(original, evidence)
    facts_r = extract_document_facts(rewrite, evidence)
    group_o = {i: group.rewrite for group in meaning.alignment.groups for i in group.original}
    group_r = {j: group.original for group in meaning.alignment.groups for j in group.rewrite}
    matches: list[Match] = match_facts(
        facts_o,
        facts_r,
        meaning.original_regions,
        meaning.rewrite_regions,
        [sentence.text for sentence in original.sentences],
        [sentence.text for sentence in rewrite.sentences],
        [group_o.get(i, ()) for i in range(len(original.sentences))],
        [group_r.get(j, ()) for j in range(len(rewrite.sentences))],
    )
    lost_facts = [m.original for m in matches if m.type == "dropped" and m.original is not None]
    findings: list[Finding] = []
    new_words: dict[int, list[TextSpan]] = {}  # changed quotations by finding index: their unsupported words
    for match in matches:
        fact_o, fact_r = match.original, match.rewrite
        category = "negation" if match.kind in POLARITY_KINDS else (fact_o or fact_r).category  # type: ignore[union-attr]
        carried = _carried(fact_o, lost_facts) if fact_o is not None and match.type == "dropped" else []
        message, stake = match.message, 1.0
        if match.type == "changed" and match.kind == "quote" and fact_o and fact_r:
            unsupported = _new_quoted_words(rewrite, meaning, fact_o, fact_r)
            new_words[len(findings)] = unsupported
            if unsupported:
                message += f"; nothing in the original supports {word_list([word.text for word in unsupported])}"
            else:
                message += "; every new word has a counterpart in the original (a paraphrase, weighed lower)"
                stake = PARAPHRASED_QUOTE
        findings.append(
            Finding(
                type=match.type,
                category=category,
                severity=severity(match.type, category, carried) if carried else severity(match.type, category),
                original=_span(original, fact_o) if fact_o else None,
                rewrite=_span(rewrite, fact_r) if fact_r and match.type != "dropped" else None,
                message=message,
                kind=match.kind,
                original_sentence=fact_o.sentence if fact_o else None,
                rewrite_sentence=fact_r.sentence if fact_r else None,
                stake=stake,
            )
        )
    findings = _count_changes_once(findings, new_words)
    counted_o = sum(1 for facts in facts_o for fact in facts if fact.category in COUNTED)
    counted_r = sum(1 for facts in facts_r for fact in facts if fact.category in COUNTED)
    covered_o = _covered(facts_o)
    covered_r = _covered(facts_r)
    invented_content = _content(rewrite, meaning.rewrite_matches, covered_r, meaning.unsupported)
    lost_content = _content(original, meaning.original_matches, covered_o, meaning.dropped)
    added_runs, lost_runs = invented_content.runs, lost_content.runs
    reworded = _reworded(meaning, lost_content, invented_content)
    invented, lost = invented_content.share(reworded), lost_content.share(reworded)
    quoted_o = [f.original for f in findings if f.category == "quote" and f.original is not None]
    quoted_r = [f.rewrite for f in findings if f.category == "quote" and f.rewrite is not None]
    findings.extend(
        finding
        for finding in _content_findings(original, rewrite, meaning, facts_o, facts_r, lost_runs, added_runs)
        if not (
            finding.kind == "clause"
            and (_inside_any(finding.original, quoted_o) or _inside_any(finding.rewrite, quoted_r))
        )
    )  # a run inside a quotation that is a finding of its own is that finding's detail, not another one
    findings = _dropped_negations(original, meaning, facts_o, facts_r, group_o, findings)
    findings.extend(_content_swaps(original, rewrite, meaning))
    findings.extend(_role_swaps(original, rewrite, meaning, findings))
    findings.sort(key=_finding_order)
    by_category = {
        side: {c: sum(1 for fs in facts for f in fs if f.category == c) for c in (*COUNTED, "negation")}
        for side, facts in (("original", facts_o), ("rewrite", facts_r))
    }
    return DriftResult(
        score=drift_score(findings, counted_o, counted_r, invented, lost),
        findings=tuple(findings),
        fact_counts=by_category,
        components=DriftComponents(_fact_term(findings, counted_o, counted_r), invented, lost),
    )


_SWAP_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
#: What may stand between two words listed together ("cats and dogs" / "dogs and cats" is no swap; nor
#: is "in the morning and in the evening" / "in the evening and in the morning").
_LISTED = re.compile(
    r"\W*(?:(?:and|or|nor|&)\W+(?:(?:in|on|at|for|to|of|by|from)\W+)?(?:(?:the|a|an|its|their|his|her)\W+)?)?",
    re.IGNORECASE,
)


def _content_swaps(original: Document, rewrite: Document, meaning: MeaningResult) -> list[Finding]:
    """Two content words of one-to-one aligned sentences that have traded places, each between the words
    that stood around the other ("the company sold its shares to the bank" / "the bank sold its shares to
    the company"): who did what to whom has changed, though every word is kept, so no share moves. Words
    said once in each sentence, in lower case (names are facts, :func:`evalkit.drift.matching._swapped`),
    not two words listed together."""
    findings: list[Finding] = []
    for group in meaning.alignment.groups:
        if len(group.original) != 1 or len(group.rewrite) != 1:
            continue
        sentence_o, sentence_r = original.sentences[group.original[0]], rewrite.sentences[group.rewrite[0]]
        if sentence_o.text == sentence_r.text:
            continue  # a sentence kept as it is: every word in its place
        words_o, words_r = list(_SWAP_WORD.finditer(sentence_o.text)), list(_SWAP_WORD.finditer(sentence_r.text))
        once_o, once_r = _once(words_o), _once(words_r)
        shared = sorted(set(once_o) & set(once_r), key=lambda key: once_o[key])
        for first, second in itertools.combinations(shared, 2):
            p1, p2, q1, q2 = once_o[first], once_o[second], once_r[first], once_r[second]
            if q1 < q2:
                continue  # the same order: no swap
            slot1, slot2 = _word_slot(words_o, p1, words_r, q1), _word_slot(words_o, p2, words_r, q2)
            if slot1 == slot2 or (
                _word_slot(words_r, q2, words_o, p2),
                _word_slot(words_r, q1, words_o, p1),
            ) != (slot1, slot2):
                continue
            text_o, text_r = sentence_o.text, sentence_r.text
            if _LISTED.fullmatch(text_o, words_o[p1].end(), words_o[p2].start()) or _LISTED.fullmatch(
                text_r, words_r[q2].end(), words_r[q1].start()
            ):
                continue
            said = original.sentence_span(sentence_o, words_o[p1].start(), words_o[p2].end())
            shown = rewrite.sentence_span(sentence_r, words_r[q2].start(), words_r[q1].end())
            findings.append(Finding(
                type="changed", category="other", severity="major", original=said, rewrite=shown,
                message=f"words swapped: '{words_o[p1].group()}' and '{words_o[p2].group()}' trade places "
                f"('{said.text}' became '{shown.text}')",
                kind="swap", original_sentence=sentence_o.index, rewrite_sentence=sentence_r.index,
            ))  # fmt: skip
    return findings


def _role_swaps(
    original: Document, rewrite: Document, meaning: MeaningResult, found: Sequence[Finding]
) -> list[Finding]:
    """Parties of one verb that trade roles between aligned sentences (:mod:`evalkit.drift.roles`): "the
    councillor was criticised by the ombudsman" / "the councillor criticised the ombudsman"; and two things
    compared the other way round ("women live longer than men" / "men live longer than women"). Not where a
    swap of names or words was found in the same two sentences already."""
    shown = {(f.original_sentence, f.rewrite_sentence) for f in found if f.kind == "swap"}
    # "before" / "after" found as opposites already says that two events changed order
    ordered = {
        (f.original_sentence, f.rewrite_sentence)
        for f in found
        if f.kind == "opposite" and f.original is not None and f.original.text.lower() in ("before", "after")
    }
    findings: list[Finding] = []
    for group in meaning.alignment.groups:
        for i, j in itertools.product(group.original, group.rewrite):
            if (i, j) in shown:
                continue
            sentence_o, sentence_r = original.sentences[i], rewrite.sentences[j]
            stretches = (
                [
                    (
                        (swap.original.start, swap.original.end),
                        (swap.rewrite.start, swap.rewrite.end),
                        "who does it to whom",
                    )
                    for swap in swapped_roles(sentence_o.text, sentence_r.text)
                ]
                + [
                    (swap.original, swap.rewrite, "compared the other way round")
                    for swap in swapped_comparisons(sentence_o.text, sentence_r.text)
                ]
                + [
                    (swap.original, swap.rewrite, "the two events happen the other way round")
                    for swap in swapped_order(sentence_o.text, sentence_r.text)
                    if (i, j) not in ordered
                ]
                + [
                    (swap.original, swap.rewrite, "the other of the two is picked")
                    for swap in swapped_contrasts(sentence_o.text, sentence_r.text)
                ]
            )
            for (start_o, end_o), (start_r, end_r), what in stretches[:1]:
                said = original.sentence_span(sentence_o, start_o, end_o)
                shown_r = rewrite.sentence_span(sentence_r, start_r, end_r)
                findings.append(Finding(
                    type="changed", category="other", severity="major", original=said, rewrite=shown_r,
                    message=f"roles swapped: '{said.text}' became '{shown_r.text}' ({what})",
                    kind="swap", original_sentence=i, rewrite_sentence=j,
                ))  # fmt: skip
                shown.add((i, j))
    return findings


def _once(words: Sequence[re.Match[str]]) -> dict[str, int]:
    """The stems of the content words (lower case) said once in a sentence, with their position."""
    seen: dict[str, list[int]] = {}
    for position, word in enumerate(words):
        text = word.group()
        if text.islower() and lexicon.content_weight(text) >= CONTENT_WORD:
            seen.setdefault(stem(text), []).append(position)
    return {key: positions[0] for key, positions in seen.items() if len(positions) == 1}


def _word_slot(
    words: Sequence[re.Match[str]], position: int, other: Sequence[re.Match[str]], other_position: int
) -> tuple[str, str]:
    """The words either side of the ``position``-th word, in lower case ("^"/"$" at the ends); content words
    that stand right before it on both sides moved with it ("the *defending* champions") and are skipped."""
    before, mate = position - 1, other_position - 1
    while (
        before >= 0
        and mate >= 0
        and words[before].group().lower() == other[mate].group().lower()
        and words[before].group().islower()
        and lexicon.content_weight(words[before].group()) >= CONTENT_WORD
    ):
        before, mate = before - 1, mate - 1
    after = words[position + 1].group().lower() if position + 1 < len(words) else "$"
    return (words[before].group().lower() if before >= 0 else "^"), after


def _covered(facts: Sequence[Sequence[Fact]]) -> dict[int, list[tuple[int, int]]]:
    """Sentence ranges of numbers, dates and names: judged as facts (kept, or a finding of their own), so
    left out of the content shares."""
    covered: dict[int, list[tuple[int, int]]] = {}
    for sentence in facts:
        for fact in sentence:
            if fact.category in ("number", "date", "name"):
                covered.setdefault(fact.sentence, []).append((fact.start, fact.end))
    return covered


@dataclass(frozen=True, slots=True)
class _Run:
    sentence: int
    start: int
    end: int
    words: int  # content words in the run


def _words(text: str, match: SentenceMatch) -> list[tuple[int, int, float, float]]:
    """Per word of the sentence: (start, end, content weight, found), word pieces averaged."""
    tokens = match.tokens
    count = len(tokens)
    words: list[tuple[int, int, float, float]] = []
    index = 0
    for start, end in lexicon.word_spans(text):
        while index < count and tokens[index][1] <= start:
            index += 1
        # the word's pieces: the heaviest one's weight, the mean of their found values
        probe, weight, found = index, 0.0, 0.0
        while probe < count:
            piece_start, _, piece_weight, piece_found = tokens[probe]
            if piece_start >= end:
                break
            weight = piece_weight if probe == index else max(weight, piece_weight)
            found += piece_found
            probe += 1
        if probe > index:
            words.append((start, end, weight, found / (probe - index)))
    return words


def lack(found: float) -> float:
    """How unsupported a word is: 1 when nothing matches it, 0 from the meaning metric's ``FOUND``."""
    value = (FOUND - found) / FOUND
    return 1.0 if value > 1.0 else value if value > 0.0 else 0.0


@dataclass(frozen=True)
class _Content:
    """One side's content weight, and how much of it the other side does not support, sentence by sentence:
    all of it, the part in lone unsupported words, and the part in runs long enough to be a clause finding."""

    total: float
    missing: tuple[float, ...]
    lone: tuple[float, ...]
    clauses: tuple[float, ...]
    runs: list[_Run]

    def share(self, reworded: float) -> float:
        """The unsupported share, less the content ``reworded`` (said another way on both sides)."""
        return max(0.0, sum(self.missing) - reworded) / self.total if self.total > 0 else 0.0


#: Share of the content that lone words replaced by lone words leave unmatched on both sides that counts as
#: said another way (the rest still counts as lost and invented).
LONE_REWORDED = 0.5


def _reworded(meaning: MeaningResult, lost: _Content, invented: _Content) -> float:
    """Content said another way. In each aligned group, as much of the original's unsupported content as the
    rewrite has unsupported content to say it with (the smaller of the two): a reworded phrase leaves words
    unmatched on both sides ("remain in custody while inquiries continue" / "are still being held while the
    investigation goes on"), a deleted one on the original's side only, an inserted one on the rewrite's
    only. Where lone words stand against lone words, only :data:`LONE_REWORDED` of it: token similarity
    cannot tell a synonym ("ailing" / "sick") from a wrong word ("region" / "island"). Never offset: a
    sentence dropped or invented whole (``meaning.dropped``, ``meaning.unsupported``), and a run long enough
    to be a clause finding of its own (more than :data:`MIN_RUN_WORDS` content words): a clause invented
    where the rewrite also cut one is two errors, not a paraphrase. Measured in
    ``reports/drift-perturbation.md`` (stop 37)."""
    dropped, unsupported = set(meaning.dropped), set(meaning.unsupported)
    total = 0.0
    for group in meaning.alignment.groups:
        kept_o = [i for i in group.original if i not in dropped]
        kept_r = [j for j in group.rewrite if j not in unsupported]
        said = min(
            sum(lost.missing[i] - lost.clauses[i] for i in kept_o),
            sum(invented.missing[j] - invented.clauses[j] for j in kept_r),
        )
        lone = min(sum(lost.lone[i] for i in kept_o), sum(invented.lone[j] for j in kept_r))
        total += said - (1.0 - LONE_REWORDED) * lone
    return total


def _content(
    document: Document,
    matches: Sequence[SentenceMatch],
    covered: dict[int, list[tuple[int, int]]],
    whole: Sequence[int],
) -> _Content:
    """The unsupported content of one side, sentence by sentence, and its runs of unsupported content
    words (a run ends at a supported content word, a number, date or name, or punctuation). A lone
    unsupported word counts :data:`ISOLATED` times its weight (mostly a word said another way); runs and
    whole sentences count in full."""
    total = 0.0
    missing_by_sentence: list[float] = []
    lone_by_sentence: list[float] = []
    clauses_by_sentence: list[float] = []
    runs: list[_Run] = []
    whole_set = set(whole)
    for sentence, match in zip(document.sentences, matches, strict=True):
        missing = lone_missing = clauses = 0.0
        inside_positions = {p for s, e in covered.get(sentence.index, ()) for p in range(s, e)}
        text = sentence.text
        entire = sentence.index in whole_set
        lone = 1.0 if entire else ISOLATED
        run: list[tuple[int, int, float]] = []  # start, end, unsupported mass
        for start, end, weight, found in [*_words(text, match), (len(text), len(text), 0.0, 1.0)]:
            total += weight
            inside = start in inside_positions
            lacking = 0.0 if inside else lack(found)
            unsupported = weight >= CONTENT_WORD and not inside and lacking >= 0.5
            breaks = weight >= CONTENT_WORD or inside or start >= len(text)
            if run and ((not unsupported and breaks) or (unsupported and _PUNCTUATION.search(text, run[-1][1], start))):
                mass = sum(word[2] for word in run) * (1.0 if len(run) >= 2 else lone)
                missing += mass
                lone_missing += mass if len(run) == 1 else 0.0
                clauses += mass if len(run) >= MIN_RUN_WORDS + 1 else 0.0
                if not entire:
                    runs.append(_Run(sentence.index, run[0][0], run[-1][1], len(run)))
                run = []
            if unsupported:
                run.append((start, end, weight * lacking))
            elif not inside:
                missing += weight * lacking * lone
                lone_missing += weight * lacking * lone
        missing_by_sentence.append(missing)
        lone_by_sentence.append(lone_missing)
        clauses_by_sentence.append(clauses)
    return _Content(total, tuple(missing_by_sentence), tuple(lone_by_sentence), tuple(clauses_by_sentence), runs)


_PUNCTUATION = re.compile(r"[,;:.!?()\[\]—–\"“”]")


def _inside_any(inner: TextSpan | None, outers: Sequence[TextSpan]) -> bool:
    """Whether ``inner`` lies within one of ``outers`` (spans of the same text: same side)."""
    return any(_within(inner, outer) for outer in outers)


def _within(inner: TextSpan | None, outer: TextSpan | None) -> bool:
    return inner is not None and outer is not None and outer.start <= inner.start and inner.end <= outer.end


def _count_changes_once(findings: list[Finding], new_words: dict[int, list[TextSpan]]) -> list[Finding]:
    """A reworded quotation whose change is a number, date, name or negation finding inside it (on both
    sides; an added fact on the rewrite's) is one change, counted once: the quotation's stake drops to 0
    when each of its unsupported new words (``new_words``) lies inside such a finding, and its message
    says where the change is counted. A quotation that also says something else new keeps its stake."""
    counted = list(findings)
    for index, words in new_words.items():
        quote = findings[index]
        inside = [
            finding
            for finding in findings
            if finding.category in ("number", "date", "name", "negation")
            and finding.type in ("changed", "added")
            and _within(finding.rewrite, quote.rewrite)
            and (finding.original is None or _within(finding.original, quote.original))
        ]
        if inside and all(any(_within(word, finding.rewrite) for finding in inside) for word in words):
            where = ", ".join(sorted({f"{finding.type} {finding.kind or finding.category}" for finding in inside}))
            message = f"{quote.message}; counted once, in the {where} finding inside it"
            counted[index] = replace(quote, message=message, stake=0.0)
    return counted


def _new_quoted_words(rewrite: Document, meaning: MeaningResult, quote_o: Fact, quote_r: Fact) -> list[TextSpan]:
    """Content words inside the rewrite's quotation that are not the original quotation's and that nothing
    in the original supports (by the meaning metric's token evidence)."""
    sentence = rewrite.sentences[quote_r.sentence]
    text = sentence.text
    new = content_stems(quote_r.key) - content_stems(quote_o.key)
    return [
        rewrite.sentence_span(sentence, start, end)
        for start, end, weight, found in _words(text, meaning.rewrite_matches[quote_r.sentence])
        if quote_r.start <= start < quote_r.end
        and weight >= CONTENT_WORD
        and lack(found) >= 0.5
        and stem(text[start:end].lower()) in new
    ]


def _unsupported_words(document: Document, meaning: MeaningResult, index: int) -> int:
    """Content words of a sentence that nothing on the other side supports."""
    words = _words(document.sentences[index].text, meaning.rewrite_matches[index])
    return sum(1 for _, _, weight, found in words if weight >= CONTENT_WORD and lack(found) >= 0.5)


def _finding_order(finding: Finding) -> tuple[int, int, str]:
    side = finding.original or finding.rewrite
    assert side is not None
    return (0 if finding.original else 1, side.start, finding.category)


def _content_findings(
    original: Document,
    rewrite: Document,
    meaning: MeaningResult,
    facts_o: Sequence[Sequence[Fact]],
    facts_r: Sequence[Sequence[Fact]],
    lost_runs: Sequence[_Run],
    added_runs: Sequence[_Run],
) -> list[Finding]:
    """Whole sentences dropped or invented, and runs of content words lost or invented."""
    findings: list[Finding] = []
    for index in meaning.dropped:
        carried: list[str] = [f.category for f in facts_o[index] if f.category in ("number", "name")]
        carried += ["negation"] if plain_negations(facts_o[index]) else []
        findings.append(
            _dropped_content(
                _sentence_span(original, index),
                index,
                severity("dropped", "other", carried),
                "sentence dropped: no counterpart in the rewrite",
                "sentence",
            )
        )
    for index in meaning.unsupported:
        if any(f.category in COUNTED for f in facts_r[index]):
            continue  # its facts are findings of their own
        if _unsupported_words(rewrite, meaning, index) < MIN_RUN_WORDS:
            continue  # little content of its own ("It does not go to you."): counted in the score only
        findings.append(
            _added_content(
                _sentence_span(rewrite, index), index, "sentence added: nothing in the original supports it", "sentence"
            )
        )
    for run in added_runs:
        if run.words >= MIN_RUN_WORDS + 1:
            span = rewrite.sentence_span(rewrite.sentences[run.sentence], run.start, run.end)
            message = f"content added: nothing in the original supports '{span.text}'"
            findings.append(_added_content(span, run.sentence, message, "clause"))
    for run in lost_runs:
        if run.words >= MIN_RUN_WORDS + 1:
            span = original.sentence_span(original.sentences[run.sentence], run.start, run.end)
            message = f"detail dropped: the rewrite does not keep '{span.text}'"
            findings.append(_dropped_content(span, run.sentence, "minor", message, "clause"))
    return findings


def _dropped_negations(
    original: Document,
    meaning: MeaningResult,
    facts_o: Sequence[Sequence[Fact]],
    facts_r: Sequence[Sequence[Fact]],
    group_o: dict[int, tuple[int, ...]],
    findings: list[Finding],
) -> list[Finding]:
    """``findings`` with the negated statements the rewrite left out: an explicit negation of a kept
    sentence whose rewrite sentences (aligned or matched, and the one either side of them) have fewer
    negations, explicit or implicit ("did not work" / "failed"), that no flip accounts for, and whose
    clause keeps no content word in the rewrite (by the meaning metric's token evidence): "…, so the
    damage does not get worse" / "…". It is shown from its auxiliary to the last content word it bears on
    (:func:`evalkit.drift.polarity.negated_clause`), as a ``dropped`` ``negation``; where a dropped clause
    finding already holds some of those words, that finding is widened over the negation instead. Either
    way it is dropped detail that carries a negation, so major; its words count in the score through the
    lost share, as every dropped clause's do (stake 0)."""
    flipped = {
        (f.original_sentence, f.original.start)
        for f in findings
        if f.category == "negation" and f.original is not None and f.original_sentence is not None
    }
    quoted = [f.original for f in findings if f.category == "quote" and f.original is not None]
    whole = set(meaning.dropped)
    rewrite_texts = [sentence.text for sentence in meaning.rewrite_document.sentences]
    result = list(findings)
    for sentence, match in zip(original.sentences, meaning.original_matches, strict=True):
        index = sentence.index
        negations = plain_negations(facts_o[index])
        if index in whole or not negations:
            continue
        counterparts = {*group_o.get(index, ()), *meaning.original_regions[index]}
        if counterparts:  # a sentence split in several: its last piece may be matched elsewhere
            counterparts |= {min(counterparts) - 1, max(counterparts) + 1} & set(range(len(facts_r)))
        if len(negations) <= sum(negative_cues(rewrite_texts[j], facts_r[j]) for j in counterparts):
            continue  # as many negations there, explicit or implicit ("did not work" / "failed")
        text = sentence.text
        facts = [(f.start, f.end) for f in facts_o[index] if f.category in ("number", "date", "name")]
        content = [
            (start, end, found)
            for start, end, weight, found in _words(text, match)
            if weight >= CONTENT_WORD and not any(s <= start < e for s, e in facts)
        ]
        for fact in negations:
            if any(said_as_only_if(text, fact.start, fact.end, rewrite_texts[j]) for j in counterparts):
                continue  # "Unless they approve it, it will not go ahead" / "it will only go ahead if they do"
            start, reach, clause_end = negated_clause(fact, text)
            clause = [word for word in content if fact.end <= word[0] and word[1] <= clause_end]
            shown = [word for word in clause if reach and word[1] <= reach[-1][1]]
            if not shown or any(lack(found) < 0.5 for _, _, found in clause):
                continue  # nothing it bears on, or the rewrite keeps some of it
            span = original.sentence_span(sentence, start, shown[-1][1])
            if _inside_any(span, quoted) or any(i == index and span.start <= at < span.end for i, at in flipped):
                continue  # a quotation's finding holds it, or a flip does
            runs = [(k, f.original) for k, f in enumerate(result) if f.type == "dropped" and f.kind == "clause"]
            run = next(((k, held) for k, held in runs if held is not None and _overlaps(held, span)), None)
            if run is not None:
                k, held = run
                first, last = min(span.start, held.start), max(span.end, held.end)  # input offsets, one sentence
                span = TextSpan(original.text[first:last], first, last)
                message = f"detail dropped: the rewrite does not keep '{span.text}', a negated statement"
                result[k] = replace(result[k], severity="major", original=span, message=message)
                continue
            message = f"negation dropped: the rewrite does not keep '{span.text}'"
            result.append(
                Finding(
                    "dropped", "negation", "major", span, None, message, "negation", original_sentence=index, stake=0.0
                )
            )
    return result


def _overlaps(a: TextSpan, b: TextSpan) -> bool:
    return a.start < b.end and b.start < a.end


def _dropped_content(span: TextSpan, sentence: int, level: Severity, message: str, kind: str) -> Finding:
    """A ``dropped``/``other`` finding: original content with no counterpart."""
    return Finding("dropped", "other", level, span, None, message, kind, original_sentence=sentence)


def _added_content(span: TextSpan, sentence: int, message: str, kind: str) -> Finding:
    """An ``added``/``other`` finding (always major): rewrite content nothing in the original supports."""
    return Finding("added", "other", "major", None, span, message, kind, rewrite_sentence=sentence)
