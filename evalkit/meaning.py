"""Meaning preservation: does the rewrite still say what the original said, and what did it drop?

Sentences are aligned first (:mod:`evalkit.alignment`); then every token of the original is matched to the
tokens of its *local region* in the rewrite — the rewrite sentences aligned to it, plus the one closest to
it (so one alignment mistake costs little); an unaligned sentence looks at the two closest. Matching is
BERTScore's greedy cosine matching of contextual token vectors (Zhang et al., 2020, "BERTScore:
Evaluating Text Generation with BERT", ICLR), applied per region instead of per document, so an article of
any length is scored whole: nothing is truncated at the model's 512-token window.

Reported numbers:

* ``bertscore``: plain BERTScore (bert-score's conventions: every non-special wordpiece weighs 1, no
  rescaling) pooled over all tokens; on a one-sentence pair it equals ``bert_score.score`` exactly.
* ``score`` (headline, 0..1): how much of the original's meaning the rewrite keeps, from rescaled token
  matches::

      f_t   = clip((s_t - b) / (1 - b), 0, 1)        s_t: best cosine of word token t in its region
      R_i   = mean of f_t over the word tokens of original sentence i        (sentence recall)
      K     = sum_i n_i R_i^2 / sum_i n_i             n_i: word tokens of sentence i
      P     = mean of f_t over the rewrite's word tokens, matched against the original (precision)
      score = K * P

  ``b`` is the model's mean best-match cosine between unrelated sentences (:data:`BASELINES`; BERTScore's
  "rescale with baseline", computed offline from 40 everyday sentences shipped with evalkit, so any model
  gets one without a download). Sentence recall is
  squared because a sentence's meaning lives in the relations between its words: when a fraction R of the
  words survive, about R^2 of the pairs of words (predicate and argument) survive with them; a sentence
  dropped whole contributes 0. Precision multiplies it because content the original does not support —
  invented, garbled or repeated — also loses meaning. Every word token counts alike (bert-score's default
  weighting): idf-style content weights agreed less with people (Pearson with ASSET's mean meaning ratings:
  0.783 for this formula with equal weights, 0.758 with content weights, 0.716 for plain BERTScore-F1;
  ``reports/meaning.md``).
* ``recall``/``precision``: the linear means behind the score (``sum_i n_i R_i / sum_i n_i`` and ``P``).
* ``coverage``: the share of the original's *content* found — words weighted by their information content
  (:func:`evalkit.lexicon.content_weight`), a word counting as found when ``f_t >= 0.5``.
* ``dropped``: original sentences whose content the rewrite does not carry: unaligned ones whose words are
  not found in the closest rewrite sentences either (sentence recall below :data:`UNALIGNED_FOUND`, 0.75 —
  a sentence on the same topic typically reaches 0.5), and aligned ones of which less than
  :data:`ALIGNED_FOUND` (30%) is found in their counterpart — unless the region paraphrases the sentence
  as a whole (cosine of sentence vectors >= :data:`DROPPED_PARAPHRASE`), or the sentence is aligned alone
  and is the original sentence closest to its counterpart (:func:`_sole_sources`: a plain rewrite keeps
  its point in other words); ``unsupported``: the same for rewrite sentences against the original, with a
  lower bar for unaligned ones (:data:`UNALIGNED_SUPPORTED`), and, with the model, not a sentence that says
  one clause of a nearby original sentence with the same polarity (cosine >= :data:`CLAUSE_PARAPHRASE`: a
  short plain sentence made of one clause of a long one).
* ``chrf`` and ``bleu``: sacrebleu's chrF (Popović, 2015) and BLEU (Papineni et al., 2002), 0–100, of the
  whole scored rewrite against the whole scored original.

The model-free profile (``--profile fast``) replaces token vectors by word stems (a token is found when
its stem occurs in the region) and sentence vectors by hashed bags of weighted stems; ``bertscore`` is
then absent.
"""

from __future__ import annotations

import itertools
import re
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from itertools import chain
from typing import Any

import numpy as np
import numpy.typing as npt

from evalkit import lexicon
from evalkit.alignment import (
    AlignedGroup,
    Alignment,
    AlignmentSettings,
    align,
    attach_split_parts,
    reclaim_moved_sentences,
)
from evalkit.document import Document
from evalkit.embeddings import DEFAULT_LAYER, DEFAULT_MODEL, Encoder, Encoding
from evalkit.spans import TextSpan

FloatArray = npt.NDArray[np.float32]

#: Mean best-match cosine of a word token in an unrelated sentence, per (model, layer), as computed by
#: :func:`estimate_baseline` from the sentences shipped in ``evalkit/data`` (a test checks the value).
#: Other models get theirs computed on first use.
BASELINES: dict[tuple[str, int], float] = {(DEFAULT_MODEL, DEFAULT_LAYER): 0.43}
#: Alignment thresholds per vector space.
MODEL_ALIGNMENT = AlignmentSettings(link_threshold=0.45, move_threshold=0.6)
LEXICAL_ALIGNMENT = AlignmentSettings(link_threshold=0.2, move_threshold=0.35)
#: A token is "found" when its rescaled similarity reaches this.
FOUND = 0.5
#: An unaligned sentence is dropped (unsupported) unless its recall (precision) reaches this.
UNALIGNED_FOUND = 0.75
#: An unaligned rewrite sentence is unsupported unless its precision reaches this. On OneStop adv -> ele,
#: 0.35 flags 98% of sentences taken from another article and 2% of the editors' own unaligned sentences
#: (rewrites paraphrase more than they copy, so the bar is lower than for the original's sentences).
UNALIGNED_SUPPORTED = 0.35
#: An aligned sentence is dropped (unsupported) when its recall (precision) stays below this.
ALIGNED_FOUND = 0.3
#: A sentence whose region paraphrases it this closely (cosine of sentence vectors) is never lost, however
#: different the words: all-MiniLM-L6-v2 was trained to place paraphrases close together. An original
#: sentence needs a close paraphrase (sentences of the same article on the same topic reach 0.6); a short
#: rewrite sentence, compared with long original sentences, a looser one.
DROPPED_PARAPHRASE = 0.8
UNSUPPORTED_PARAPHRASE = 0.6
#: A rewrite sentence that says one clause of the original this closely (cosine of sentence vectors, model
#: profile) is supported, however few of its words match: a short plain sentence compared with a long
#: original sentence sits far below a paraphrase of the whole (river-cleanup's "Part of the problem is that
#: some homes have their waste pipes joined up to the wrong drain.": 0.36 with its sentence, 0.67 with the
#: clause "has been attributed in part to the misconnection of household drainage"). On OneStop adv -> ele
#: and the examples, the sentences the editors added reach 0.41-0.54 with their best clause.
CLAUSE_PARAPHRASE = 0.6
#: How many of the original's sentences closest to an unsupported rewrite sentence are searched for the clause.
CLAUSE_SOURCES = 5
#: Sentence recall enters the headline squared (see the module docstring).
RECALL_POWER = 2.0
#: Above this many token pairs, similarities are computed region by region instead of in one matrix.
FULL_MATRIX_LIMIT = 4_000_000
_LEXICAL_DIMENSION = 1024


@dataclass(frozen=True, slots=True)
class Tokens:
    """The tokens of one sentence, ready for matching."""

    weights: FloatArray  # content weight, 0 for special and punctuation tokens
    words: npt.NDArray[np.bool_]  # tokens of words (not special, not punctuation): what the score counts
    spans: npt.NDArray[np.int32]  # [start, end) within the sentence text
    counted: npt.NDArray[np.bool_]  # tokens plain BERTScore counts (non-special)
    vectors: FloatArray | None  # model profile: unit token vectors
    ids: npt.NDArray[np.int64] | None  # fast profile: stem ids
    pooled: FloatArray  # unit sentence vector


@lru_cache(maxsize=65536)
def _word_entry(word: str) -> tuple[float, int]:
    """A word's content weight and stem id (every sentence's words are looked up once each)."""
    return lexicon.content_weight(word), zlib.crc32(lexicon.stem(word).encode())


def model_tokens(text: str, encoding: Encoding) -> Tokens:
    """Tokens of a sentence from its transformer encoding."""
    weights = np.zeros(len(encoding.offsets), np.float32)
    words = lexicon.word_spans(text)
    word_index = 0
    for row, (start, end) in enumerate(encoding.offsets.tolist()):
        if encoding.special[row] or end <= start:
            continue
        while word_index < len(words) and words[word_index][1] <= start:
            word_index += 1
        if word_index < len(words) and words[word_index][0] <= start < words[word_index][1]:
            word_start, word_end = words[word_index]
            weights[row] = lexicon.content_weight(text[word_start:word_end])
    return Tokens(
        weights=weights,
        words=weights > 0,
        spans=encoding.offsets,
        counted=~encoding.special,
        vectors=encoding.tokens,
        ids=None,
        pooled=encoding.pooled,
    )


def lexical_tokens(text: str) -> Tokens:
    """Tokens of a sentence for the model-free profile: words, stem ids and a hashed bag-of-stems vector."""
    return lexical_tokens_of([text])[0]


def lexical_tokens_of(texts: Sequence[str]) -> list[Tokens]:
    """:func:`lexical_tokens` of each sentence of a document, with numpy called once for all of them (the
    arrays of each sentence are views of the document's)."""
    spans = [lexicon.word_spans(text) for text in texts]
    entries = [_word_entry(text[start:end]) for text, words in zip(texts, spans, strict=True) for start, end in words]
    counts = [len(words) for words in spans]
    weights = np.array([weight for weight, _ in entries], np.float32)
    ids = np.array([stem_id for _, stem_id in entries], np.int64)
    pooled = np.zeros((len(texts), _LEXICAL_DIMENSION), np.float32)
    # in word order, in float32, each sentence in its own row
    np.add.at(pooled, (np.repeat(np.arange(len(texts)), counts), ids % _LEXICAL_DIMENSION), weights)
    norms = [float(np.sqrt(row @ row)) for row in pooled]  # as numpy.linalg.norm computes it
    pooled /= np.array([norm if norm > 0 else 1.0 for norm in norms], np.float32)[:, None]
    flat_spans = np.fromiter(chain.from_iterable(chain.from_iterable(spans)), np.int32, 2 * len(entries))
    all_spans = flat_spans.reshape(-1, 2)
    words = weights > 0
    counted = np.ones(len(entries), np.bool_)
    tokens = []
    end = 0
    for row, count in enumerate(counts):
        start, end = end, end + count
        tokens.append(
            Tokens(
                weights=weights[start:end],
                words=words[start:end],
                spans=all_spans[start:end],
                counted=counted[start:end],
                vectors=None,
                ids=ids[start:end],
                pooled=pooled[row],
            )
        )
    return tokens


@dataclass(frozen=True, slots=True)
class BertScore:
    precision: float
    recall: float
    f1: float
    model: str
    layer: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": _round(self.precision),
            "recall": _round(self.recall),
            "f1": _round(self.f1),
            "model": self.model,
            "layer": self.layer,
        }


@dataclass(frozen=True, slots=True)
class SentenceMatch:
    """How much of one sentence's content is found on the other side, and which words are not."""

    index: int
    recall: float  # weighted, rescaled
    missing: tuple[tuple[int, int], ...]  # [start, end) in the sentence text of content words not found
    #: every weighted token: (start, end) in the sentence text, content weight, found (rescaled similarity
    #: to its best match on the other side, 0..1; 0 or 1 in the model-free profile)
    tokens: tuple[tuple[int, int, float, float], ...] = ()


@dataclass(frozen=True, slots=True)
class MeaningResult:
    score: float
    recall: float
    precision: float
    coverage: float
    bertscore: BertScore | None
    chrf: float
    bleu: float
    alignment: Alignment
    original_matches: tuple[SentenceMatch, ...]
    rewrite_matches: tuple[SentenceMatch, ...]
    dropped: tuple[int, ...]  # original sentence indices
    unsupported: tuple[int, ...]  # rewrite sentence indices
    original_regions: tuple[tuple[int, ...], ...]  # per original sentence: rewrite sentences it is matched to
    rewrite_regions: tuple[tuple[int, ...], ...]  # per rewrite sentence: original sentences
    original_document: Document
    rewrite_document: Document

    def to_dict(self) -> dict[str, Any]:
        original, rewrite = self.original_document, self.rewrite_document

        def sentence_entry(document: Document, index: int, match: SentenceMatch) -> dict[str, Any]:
            sentence = document.sentences[index]
            return {
                "index": index,
                "start": sentence.start,
                "end": sentence.end,
                "text": document.text[sentence.start : sentence.end],
                "found": _round(match.recall),
            }

        def side(document: Document, indices: Sequence[int]) -> list[dict[str, int]]:
            return [
                {"index": i, "start": document.sentences[i].start, "end": document.sentences[i].end} for i in indices
            ]

        return {
            "score": _round(self.score),
            "recall": _round(self.recall),
            "precision": _round(self.precision),
            "coverage": _round(self.coverage),
            "bertscore": self.bertscore.to_dict() if self.bertscore else None,
            "chrf": _round(self.chrf),
            "bleu": _round(self.bleu),
            "dropped": [sentence_entry(original, index, self.original_matches[index]) for index in self.dropped],
            "unsupported": [sentence_entry(rewrite, index, self.rewrite_matches[index]) for index in self.unsupported],
            "alignment": [
                {
                    "original": side(original, group.original),
                    "rewrite": side(rewrite, group.rewrite),
                    "similarity": _round(group.similarity),
                    "kind": group.kind,
                    "moved": group.moved,
                }
                for group in self.alignment.groups
            ],
            "missing_words": [
                {"sentence": match.index, **document_span(original, match.index, start, end).to_dict()}
                for match in self.original_matches
                for start, end in match.missing
                if match.index not in self.dropped
            ],
            # the rewrite's mirror: its content words nothing in the original matches (drift's ``invented``)
            "unsupported_words": [
                {"sentence": match.index, **document_span(rewrite, match.index, start, end).to_dict()}
                for match in self.rewrite_matches
                for start, end in match.missing
                if match.index not in self.unsupported
            ],
        }


def document_span(document: Document, index: int, start: int, end: int) -> TextSpan:
    return document.sentence_span(document.sentences[index], start, end)


def _round(value: float) -> float:
    return round(float(value), 4)


#: How many unaligned sentences next to an aligned group (or in a gap between groups) a region takes in.
NEIGHBOURS = 2


def _regions(similarity: FloatArray, alignment_of: Mapping[int, tuple[int, ...]], count: int) -> list[list[int]]:
    """For each sentence on one side: the sentences of the other side its tokens are matched against.

    An aligned sentence looks at its group, at up to :data:`NEIGHBOURS` unaligned sentences next to the
    group (the part of a split that the aligner left out) and at its single closest sentence; an unaligned
    sentence looks at the unaligned sentences in the gap where it would stand (or the groups around the gap
    when the gap is empty) and at its two closest sentences.
    """
    other = similarity.shape[1]
    linked_other = {j for group in alignment_of.values() for j in group}
    closest = np.argsort(-similarity, axis=1, kind="stable")[:, : min(2, other)].tolist()
    regions: list[list[int]] = []
    for index in range(count):
        aligned = alignment_of.get(index)
        if aligned:
            region = {*aligned, closest[index][0]}
            region.update(_free_run(range(min(aligned) - 1, -1, -1), linked_other))
            region.update(_free_run(range(max(aligned) + 1, other), linked_other))
        else:
            before = [j for i in range(index - 1, -1, -1) if i in alignment_of for j in alignment_of[i]][:1]
            after = [j for i in range(index + 1, count) if i in alignment_of for j in alignment_of[i]][:1]
            low = max(before) + 1 if before else 0
            high = min(after) if after else other
            gap = [j for j in range(low, high) if j not in linked_other]
            if gap:
                middle = (low + high) / 2
                region = set(sorted(gap, key=lambda j: (abs(j - middle), j))[: 2 * NEIGHBOURS])
            else:
                region = {j for j in (low - 1, high) if 0 <= j < other}
            region.update(closest[index])
        regions.append(sorted(region))
    return regions


def _free_run(indices: Iterable[int], linked: set[int]) -> list[int]:
    """The first :data:`NEIGHBOURS` indices of ``indices`` up to the first linked one."""
    run: list[int] = []
    for j in indices:
        if j in linked or len(run) >= NEIGHBOURS:
            break
        run.append(j)
    return run


def baseline_for(encoder: Encoder) -> float:
    """The rescaling baseline of an encoder: from :data:`BASELINES`, else estimated (and remembered)."""
    key = (encoder.name, encoder.layer)
    if key not in BASELINES:
        BASELINES[key] = estimate_baseline(encoder)
    return BASELINES[key]


def estimate_baseline(encoder: Encoder) -> float:
    """The rescaling baseline of any model and layer: the mean best-match cosine of a word token in an
    unrelated sentence, over 40 unrelated everyday sentences shipped with evalkit (``data/``, written for
    evalkit). For the embedded model, layer 4, this gives 0.43 (0.38 over ASSET's longer sentences)."""
    sentences = [
        line.strip()
        for line in resources.files("evalkit").joinpath("data/baseline_sentences.txt").read_text("utf-8").splitlines()
        if line.strip()
    ]
    encodings = encoder.encode(sentences)
    tokens = [model_tokens(text, encoding) for text, encoding in zip(sentences, encodings, strict=True)]
    values = []
    for i, left in enumerate(tokens):
        for j, right in enumerate(tokens):
            if i != j and left.vectors is not None and right.vectors is not None:
                best = (left.vectors @ right.vectors.T).max(axis=1)
                values.append(float(best[left.words].mean()))
    return round(float(np.mean(values)), 3)


def _offsets(tokens: Sequence[Tokens]) -> list[int]:
    """Row offset of each sentence's first token when all tokens of a side are stacked."""
    offsets = [0]
    for sentence in tokens:
        offsets.append(offsets[-1] + len(sentence.weights))
    return offsets


_Block = npt.NDArray[np.float32] | npt.NDArray[np.bool_]


class _Similarities:
    """Token similarities between the two sides: one matrix when it is small enough (an article pair is
    about a million cells, one matrix product), otherwise computed region by region (a very long text)."""

    def __init__(self, original: Sequence[Tokens], rewrite: Sequence[Tokens]) -> None:
        self.original, self.rewrite = original, rewrite
        self.rows, self.columns = _offsets(original), _offsets(rewrite)
        self.matrix: _Block | None = None
        if self.rows[-1] * self.columns[-1] <= FULL_MATRIX_LIMIT:
            self.matrix = self._block(original, rewrite)

    @staticmethod
    def _block(left: Sequence[Tokens], right: Sequence[Tokens]) -> _Block:
        """Cosines of model token vectors, or (model-free) whether two stems are the same: kept as booleans,
        as their maximum is the same 0 or 1 (:func:`_best` returns float32)."""
        if left[0].vectors is not None:
            stacked_left = np.concatenate([t.vectors for t in left if t.vectors is not None])
            stacked_right = np.concatenate([t.vectors for t in right if t.vectors is not None])
            return np.asarray(stacked_left @ stacked_right.T, np.float32)
        ids_left = np.concatenate([t.ids for t in left if t.ids is not None])
        ids_right = np.concatenate([t.ids for t in right if t.ids is not None])
        same: npt.NDArray[np.bool_] = ids_left[:, None] == ids_right[None, :]
        return same

    def best_for_original(self, index: int, region: Sequence[int]) -> FloatArray:
        """Best similarity of each token of original sentence ``index`` among the tokens of ``region``."""
        if self.matrix is not None:
            rows = self.matrix[self.rows[index] : self.rows[index + 1]]
            return _best(rows[:, _positions(self.columns, region)], axis=1)
        block = self._block([self.original[index]], [self.rewrite[j] for j in region])
        return _best(block, axis=1)

    def best_for_rewrite(self, index: int, region: Sequence[int]) -> FloatArray:
        """Best similarity of each token of rewrite sentence ``index`` among the tokens of ``region``."""
        if self.matrix is not None:
            columns = self.matrix[:, self.columns[index] : self.columns[index + 1]]
            return _best(columns[_positions(self.rows, region)], axis=0)
        block = self._block([self.rewrite[index]], [self.original[i] for i in region])
        return _best(block, axis=1)


def _positions(offsets: Sequence[int], region: Sequence[int]) -> slice | npt.NDArray[np.int64]:
    """The stacked token positions of the sentences of ``region``: a slice when they are consecutive."""
    if region and region[-1] - region[0] == len(region) - 1:  # regions are sorted and distinct
        return slice(offsets[region[0]], offsets[region[-1] + 1])
    return np.concatenate([np.arange(offsets[i], offsets[i + 1]) for i in region] or [np.zeros(0, np.int64)])


def _best(block: _Block, axis: int) -> FloatArray:
    """Maximum along ``axis``; 0 for every token when the other side has no tokens (nothing matches)."""
    if block.shape[axis] == 0:
        return np.zeros(block.shape[1 - axis], np.float32)
    return np.asarray(block.max(axis=axis), np.float32)


@cache
def _chrf() -> Any:
    from sacrebleu.metrics.chrf import CHRF

    return CHRF()


@cache
def _bleu() -> Any:
    from sacrebleu.metrics.bleu import BLEU

    return BLEU(effective_order=True)


def _ngram_matches(
    found: npt.NDArray[np.int64], wanted: npt.NDArray[np.int64], base: int, order: int
) -> list[tuple[int, int, int]]:
    """For n = 1 .. ``order``: the n-grams of ``found``, those of ``wanted``, and how many of the first are
    matched by the second (each n-gram at most as often as it occurs there: clipped counts, as in BLEU and
    chrF). The sequences hold symbols as digits 1 .. ``base - 1``; each n-gram becomes one integer (its
    symbols as digits in ``base``), so it is counted by ``numpy.unique`` instead of as a tuple in Python.
    Both sides are counted in one ``numpy.unique``: each code is doubled, plus one on the ``wanted`` side, so
    an n-gram of both sides is two neighbouring kinds (``2c`` then ``2c + 1``); :func:`_fits` leaves room."""
    found_codes, wanted_codes = found, wanted
    counts: list[tuple[int, int, int]] = []
    for n in range(1, order + 1):
        if n > 1:  # append the next symbol to every (n-1)-gram that has one
            found_codes = found_codes[:-1] * base + found[n - 1 :]
            wanted_codes = wanted_codes[:-1] * base + wanted[n - 1 :]
        kinds, kind_counts = np.unique(np.concatenate([found_codes * 2, wanted_codes * 2 + 1]), return_counts=True)
        shared = (kinds[1:] == kinds[:-1] + 1) & (kinds[:-1] % 2 == 0)  # 2c (found) next to 2c + 1 (wanted)
        matched = int(np.minimum(kind_counts[:-1][shared], kind_counts[1:][shared]).sum())
        counts.append((len(found_codes), len(wanted_codes), matched))
    return counts


def _fits(base: int, order: int) -> bool:
    """Whether every n-gram up to ``order`` of symbols in ``base``, doubled plus one, is an int64 code
    (:func:`_ngram_matches`)."""
    return bool(base**order < 2**62)


def chrf_score(hypothesis: str, reference: str) -> float:
    """sacrebleu's ``CHRF().sentence_score(hypothesis, [reference]).score`` (chrF, Popović 2015: character
    1- to 6-grams, whitespace removed, beta 2), with the n-grams counted in numpy
    (:func:`_ngram_matches`, characters as the symbols): sacrebleu's Python loops took a fifth of the
    model-free profile's time on article-length texts. The counts are the same integers and the score
    comes from sacrebleu's own formula: the value is identical (tested)."""
    metric = _chrf()
    to_score = getattr(metric, "_compute_score_from_stats", None)
    order = metric.char_order
    if to_score is None or metric.word_order or metric.lowercase or metric.whitespace:  # pragma: no cover
        return float(metric.sentence_score(hypothesis, [reference]).score)
    hypothesis, reference = "".join(hypothesis.split()), "".join(reference.split())
    both = np.frombuffer((hypothesis + reference).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    alphabet, digits = np.unique(both, return_inverse=True)
    base = len(alphabet) + 1
    if not _fits(base, order):  # pragma: no cover - over 1,500 distinct characters
        return float(metric.sentence_score(hypothesis, [reference]).score)
    digits = digits.astype(np.int64) + 1
    statistics: list[int] = []
    for found, wanted, matched in _ngram_matches(digits[: len(hypothesis)], digits[len(hypothesis) :], base, order):
        statistics += [found if wanted else 0, wanted, matched]
    return float(to_score(statistics).score)


#: sacrebleu's 13a tokenizer's first rule: every character of this class gets a space on either side.
_BLEU_SYMBOL_RULE = r"([\{-\~\[-\` -\&\(-\+\:-\@\/])"


#: sacrebleu's 13a tokenizer's other rules: each match is two characters, each its own group.
_BLEU_OTHER_RULES = (r"([^0-9])([\.,])", r"([\.,])([^0-9])", r"([0-9])(-)")
_GROUP_REFERENCE = re.compile(r"\\(\d)")


def _split_substitution(pattern: re.Pattern[str], template: str) -> Callable[[str], str]:
    """``pattern.sub(template, text)`` by ``pattern.split``, for a pattern that matches no empty text and a
    template naming each of its groups once, in order, between literal text (``r"\1 \2 "``). The split
    alternates the text between matches with the groups of each match, so each group's text takes the
    literal before it (the last group also the literal after it) in a list operation, instead of a
    template expansion in Python per match."""
    pieces = _GROUP_REFERENCE.split(template)
    literals, groups = pieces[::2], [int(group) for group in pieces[1::2]]
    count = pattern.groups
    if groups != list(range(1, count + 1)) or any("\\" in literal for literal in literals):  # pragma: no cover
        return lambda text: pattern.sub(template, text)
    step = count + 1

    def substitute(text: str) -> str:
        parts = pattern.split(text)
        for group in range(1, step):
            before, after = literals[group - 1], literals[count] if group == count else ""
            parts[group::step] = [before + piece + after for piece in parts[group::step]]
        return "".join(parts)

    return substitute


@cache
def _bleu_tokenizer() -> Any:
    """sacrebleu's BLEU tokenizer (13a), its rules done by ``re.split`` and joins.

    A rule's ``re.sub`` expands its template in Python once per match — every space and punctuation
    mark — most of the BLEU's time. Splitting at sacrebleu's own pattern (one captured character, no
    flags) keeps each matched character between the pieces, and joining them with spaces puts a space on
    either side of it: the same text as the first rule's substitution (and faster than a translation
    table); the other rules likewise (:func:`_split_substitution`). Any other tokenizer is sacrebleu's
    unchanged."""
    metric = _bleu()
    tokenizer = metric.tokenizer
    regexp = getattr(tokenizer, "_post_tokenizer", None)
    rules = getattr(regexp, "_re", None)
    if metric.lowercase or tokenizer.signature() != "13a" or not rules or rules[0][0].pattern != _BLEU_SYMBOL_RULE:
        return metric._preprocess_segment  # pragma: no cover - another sacrebleu
    symbol, template = rules[0]
    if template != r" \1 " or symbol.flags & re.IGNORECASE:  # pragma: no cover - another sacrebleu
        return metric._preprocess_segment
    if tuple(pattern.pattern for pattern, _ in rules[1:]) != _BLEU_OTHER_RULES:  # pragma: no cover
        return metric._preprocess_segment
    substitutions = [_split_substitution(pattern, replacement) for pattern, replacement in rules[1:]]

    def tokenize(text: str) -> str:
        line = text.rstrip().replace("<skipped>", "").replace("-\n", "").replace("\n", " ")
        if "&" in line:
            line = line.replace("&quot;", '"').replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
        line = " ".join(symbol.split(f" {line} "))
        for substitute in substitutions:
            line = substitute(line)
        return " ".join(line.split())

    return tokenize


def bleu_score(hypothesis: str, reference: str) -> float:
    """sacrebleu's ``BLEU(effective_order=True).sentence_score(hypothesis, [reference]).score`` (Papineni
    et al., 2002: clipped 1- to 4-gram precisions, brevity penalty; sacrebleu's 13a tokens and
    smoothing), with the n-grams counted in numpy (:func:`_ngram_matches`, tokens as the symbols) instead
    of sacrebleu's loop over slices, and the score from sacrebleu's own formula: the value is identical
    (tested)."""
    metric = _bleu()
    to_score = getattr(metric, "_compute_score_from_stats", None)
    tokenize = _bleu_tokenizer()
    found, wanted = tokenize(hypothesis).split(), tokenize(reference).split()
    tokens = found + wanted
    vocabulary = {token: digit for digit, token in enumerate(dict.fromkeys(tokens), 1)}
    digits = np.fromiter(map(vocabulary.__getitem__, tokens), np.int64, len(tokens))
    order = metric.max_ngram_order
    if to_score is None or not _fits(len(vocabulary) + 1, order):  # pragma: no cover - 46,000 distinct words
        return float(metric.sentence_score(hypothesis, [reference]).score)
    counts = _ngram_matches(digits[: len(found)], digits[len(found) :], len(vocabulary) + 1, order)
    correct = [matched for _, _, matched in counts]
    total = [ngrams for ngrams, _, _ in counts]
    return float(to_score([len(found), len(wanted), *correct, *total]).score)


def sacrebleu_signatures() -> dict[str, str]:
    return {"chrf": str(_chrf().get_signature()), "bleu": str(_bleu().get_signature())}


def _rescale(best: Sequence[FloatArray], baseline: float) -> list[FloatArray]:
    """Each sentence's best similarities rescaled (elementwise, so all sentences at once)."""
    if not best:
        return []
    rescaled: FloatArray = np.clip((np.concatenate(best) - baseline) / (1 - baseline), 0.0, 1.0).astype(np.float32)
    return np.split(rescaled, np.cumsum([len(values) for values in best[:-1]]).tolist())


def _mean(values: Sequence[FloatArray], masks: Sequence[npt.NDArray[np.bool_]]) -> float:
    """Mean of ``values`` over the tokens selected by ``masks`` (1.0 when none is selected)."""
    count = sum(np.count_nonzero(mask) for mask in masks)
    if count == 0:
        return 1.0
    return float(sum(float(v[m].sum()) for v, m in zip(values, masks, strict=True)) / count)


def assess_meaning(
    original: Document,
    rewrite: Document,
    original_tokens: Sequence[Tokens],
    rewrite_tokens: Sequence[Tokens],
    *,
    model: str | None,
    layer: int | None,
    baseline: float = 0.0,
    encode: Callable[[Sequence[str]], FloatArray] | None = None,
) -> MeaningResult:
    """Meaning preservation of ``rewrite`` with respect to ``original`` (see the module docstring).

    ``baseline`` is the model's rescaling baseline (:func:`baseline_for`); 0 for the model-free profile.
    ``encode``: unit sentence vectors of more texts (the model's pooled embeddings), for the clauses an
    unsupported rewrite sentence may paraphrase (:func:`_clause_paraphrases`); without it that check is
    left out.
    """
    lexical = original_tokens[0].vectors is None
    settings = LEXICAL_ALIGNMENT if lexical else MODEL_ALIGNMENT
    left = np.stack([t.pooled for t in original_tokens]).astype(np.float32)
    right = np.stack([t.pooled for t in rewrite_tokens]).astype(np.float32)

    def original_words(index: int) -> frozenset[str]:
        return _content_words(original.sentences[index].text)

    def rewrite_words(index: int) -> frozenset[str]:
        return _content_words(rewrite.sentences[index].text)

    similarity = left @ right.T  # sentence cosines, shared by the alignment steps and the regions
    alignment = align(left, right, settings, similarity=similarity)
    alignment = reclaim_moved_sentences(
        alignment, left, right, settings, original_words, rewrite_words, similarity=similarity
    )
    alignment = attach_split_parts(alignment, left, right, original_words, rewrite_words)
    group_o = {i: g.rewrite for g in alignment.groups for i in g.original}
    group_r = {j: g.original for g in alignment.groups for j in g.rewrite}
    regions_o = _regions(similarity, group_o, len(original_tokens))
    regions_r = _regions(similarity.T, group_r, len(rewrite_tokens))

    tokens = _Similarities(original_tokens, rewrite_tokens)
    raw_o = [tokens.best_for_original(i, region) for i, region in enumerate(regions_o)]
    raw_r = [tokens.best_for_rewrite(j, region) for j, region in enumerate(regions_r)]
    found_o, found_r = _rescale(raw_o, baseline), _rescale(raw_r, baseline)

    words_o = [t.words for t in original_tokens]
    words_r = [t.words for t in rewrite_tokens]
    sizes = np.array([np.count_nonzero(mask) for mask in words_o], np.float64)
    sentence_recall = np.array([float(f[m].mean()) if m.any() else 1.0 for f, m in zip(found_o, words_o, strict=True)])
    total = float(sizes.sum()) or 1.0
    kept = float((sizes * sentence_recall**RECALL_POWER).sum() / total)
    recall = float((sizes * sentence_recall).sum() / total)
    precision = _mean(found_r, words_r)
    coverage = _weighted_share(found_o, [t.weights for t in original_tokens])

    bertscore = None
    if not lexical:
        plain_recall = _mean(raw_o, [t.counted for t in original_tokens])
        plain_precision = _mean(raw_r, [t.counted for t in rewrite_tokens])
        f1 = 2 * plain_precision * plain_recall / (plain_precision + plain_recall) if plain_recall else 0.0
        bertscore = BertScore(plain_precision, plain_recall, f1, model or DEFAULT_MODEL, layer or DEFAULT_LAYER)

    matches_o = _matches(original_tokens, found_o)
    matches_r = _matches(rewrite_tokens, found_r)
    # headings are not claims: a reworded title is neither dropped nor unsupported content
    sole_sources = _sole_sources(left, right, alignment.groups)
    dropped = _lost(
        [m for m in matches_o if not original.sentences[m.index].heading and m.index not in sole_sources],
        group_o, _paraphrase(left, right, regions_o), UNALIGNED_FOUND, DROPPED_PARAPHRASE,
    )  # fmt: skip
    unsupported = _lost(
        [m for m in matches_r if not rewrite.sentences[m.index].heading],
        group_r, _paraphrase(right, left, regions_r), UNALIGNED_SUPPORTED, UNSUPPORTED_PARAPHRASE,
    )  # fmt: skip
    if encode is not None and unsupported:
        texts = [sentence.text for sentence in rewrite.sentences]
        paraphrases = _clause_paraphrases(unsupported, similarity, original, texts, right, encode)
        unsupported = tuple(j for j in unsupported if j not in paraphrases)

    original_text, rewrite_text = original.content_text, rewrite.content_text
    return MeaningResult(
        score=min(1.0, max(0.0, kept * precision)),
        recall=recall,
        precision=precision,
        coverage=coverage,
        bertscore=bertscore,
        chrf=chrf_score(rewrite_text, original_text),
        bleu=bleu_score(rewrite_text, original_text),
        alignment=alignment,
        original_matches=matches_o,
        rewrite_matches=matches_r,
        dropped=dropped,
        unsupported=unsupported,
        original_regions=tuple(tuple(region) for region in regions_o),
        rewrite_regions=tuple(tuple(region) for region in regions_r),
        original_document=original,
        rewrite_document=rewrite,
    )


#: Words of at least this content weight (:func:`evalkit.lexicon.content_weight`) are a sentence's content
#: words for :func:`evalkit.alignment.attach_split_parts`: "council", "agreed", "million", not "on", "it", "go".
SPLIT_CONTENT_WEIGHT = 3.0


@lru_cache(maxsize=20_000)
def _content_words(text: str) -> frozenset[str]:
    """The stems of a sentence's content words."""
    return frozenset(
        lexicon.stem(text[start:end])
        for start, end in lexicon.word_spans(text)
        if lexicon.content_weight(text[start:end]) >= SPLIT_CONTENT_WEIGHT
    )


def _sole_sources(original: FloatArray, rewrite: FloatArray, groups: Sequence[AlignedGroup]) -> frozenset[int]:
    """Original sentences aligned alone (one-to-one, or split into several rewrite sentences) that are,
    of all the original's sentences, the closest to what they are aligned with (the rewrite sentences
    taken as one passage). The rewrite carries such a sentence in other words, however few of its words
    it keeps: "Where the EPC contains an outstanding recommendation for loft or cavity wall insulation,
    the required improvements must be carried out before an application can be accepted." / "If it says
    your loft or walls need better insulation, you must do that work before you apply." (cosine 0.61,
    22% of its words found). A sentence merged with others into one rewrite sentence is not one: the
    rewrite often keeps one of them and drops the rest. Needs two original sentences or more."""
    sources: set[int] = set()
    if len(original) < 2:
        return frozenset()
    for group in groups:
        if len(group.original) != 1:
            continue
        (index,) = group.original
        passage = rewrite[list(group.rewrite)].sum(axis=0)
        cosines = original @ passage
        if int(np.argmax(cosines)) == index and np.count_nonzero(cosines == cosines[index]) == 1:
            sources.add(index)
    return frozenset(sources)


#: Where a sentence divides into clauses: clause punctuation, and the space before a conjunction or a
#: relative pronoun.
_CLAUSE_BOUNDARY = re.compile(
    r"\s*(?:[,;:()\[\]–—]|\s-\s)\s*"
    r"|\s+(?=(?:which|who|whom|whose|where|while|whereas|although|because|and|but|with)\b)",
    re.IGNORECASE,
)


def clauses(text: str) -> list[str]:
    """The clauses of a sentence that a short rewrite sentence may say alone: the pieces between clause
    punctuation and before a conjunction or relative pronoun (three words or more), and each two
    neighbouring pieces together."""
    pieces = [piece.strip() for piece in _CLAUSE_BOUNDARY.split(text)]
    pieces = [piece for piece in pieces if len(piece.split()) >= 3]
    return pieces + [f"{first} {second}" for first, second in itertools.pairwise(pieces)]


def _clause_paraphrases(
    unsupported: Sequence[int],
    similarity: FloatArray,
    original: Document,
    rewrite_texts: Sequence[str],
    rewrite_vectors: FloatArray,
    encode: Callable[[Sequence[str]], FloatArray],
) -> frozenset[int]:
    """The rewrite sentences of ``unsupported`` that say a clause of one of the :data:`CLAUSE_SOURCES`
    original sentences closest to them (cosine >= :data:`CLAUSE_PARAPHRASE`) with the same polarity: both
    negative or both not (:func:`_negative`), since a sentence vector hardly sees a "not" ("so the damage
    does get worse" is no paraphrase of "to prevent further deterioration")."""
    sources = {j: np.argsort(-similarity[:, j], kind="stable")[:CLAUSE_SOURCES].tolist() for j in unsupported}
    pieces = {i: clauses(original.sentences[i].text) for found in sources.values() for i in found}
    texts = sorted({piece for found in pieces.values() for piece in found})
    if not texts:
        return frozenset()
    vectors = dict(zip(texts, encode(texts), strict=True))
    said: set[int] = set()
    for j, found in sources.items():
        close = [p for i in found for p in pieces[i] if float(vectors[p] @ rewrite_vectors[j]) >= CLAUSE_PARAPHRASE]
        if close:
            negative = _negative(rewrite_texts[j])
            if any(_negative(piece) == negative for piece in close):
                said.add(j)
    return frozenset(said)


def _negative(text: str) -> bool:
    """Whether a sentence or clause negates something outright (:func:`evalkit.drift.polarity.says_no`)."""
    from evalkit.drift.facts import extract_facts  # the drift package reads meaning results: import late
    from evalkit.drift.polarity import says_no

    return says_no(text, extract_facts(text, 0))


def _paraphrase(vectors: FloatArray, others: FloatArray, regions: Sequence[Sequence[int]]) -> list[float]:
    """For each sentence: the cosine of its sentence vector with its region taken as one passage (the
    normalised sum of the region's sentence vectors) — how well the region paraphrases it."""
    closeness = []
    for index, region in enumerate(regions):
        passage = others[_positions(range(len(others) + 1), region)].sum(axis=0)
        norm = float(np.sqrt(passage @ passage))  # as numpy.linalg.norm computes it
        closeness.append(float(vectors[index] @ passage / norm) if norm > 0 else 0.0)
    return closeness


def _lost(
    matches: Sequence[SentenceMatch],
    aligned: Mapping[int, tuple[int, ...]],
    paraphrase: Sequence[float],
    unaligned_threshold: float,
    paraphrase_threshold: float,
) -> tuple[int, ...]:
    """Sentences whose content the other side does not carry (see ``dropped`` in the module docstring):
    too few of their words are found, and their region does not paraphrase them either."""
    return tuple(
        match.index
        for match in matches
        if match.recall < (ALIGNED_FOUND if match.index in aligned else unaligned_threshold)
        and paraphrase[match.index] < paraphrase_threshold
    )


def _weighted_share(found: Sequence[FloatArray], weights: Sequence[FloatArray]) -> float:
    """Weighted share of tokens counted as found (``f_t >= FOUND``)."""
    total = float(sum(float(w.sum()) for w in weights))
    if total <= 0:
        return 1.0
    return float(sum(float(w[f >= FOUND].sum()) for f, w in zip(found, weights, strict=True)) / total)


def _matches(tokens: Sequence[Tokens], found: Sequence[FloatArray]) -> tuple[SentenceMatch, ...]:
    # every weighted token of every sentence as Python numbers, converted once (tolist() gives Python ints and
    # floats); words: the weighted tokens (all of them in the model-free profile)
    words = np.concatenate([sentence.words for sentence in tokens])
    spans = np.concatenate([sentence.spans.reshape(-1, 2) for sentence in tokens])
    weights = np.concatenate([sentence.weights for sentence in tokens])
    values = np.concatenate(found)
    ends_at = np.cumsum([len(sentence.words) for sentence in tokens])
    if not words.all():
        spans, weights, values = spans[words], weights[words], values[words]
        ends_at = np.concatenate([[0], np.cumsum(words)])[ends_at]  # kept tokens up to each sentence's end
    starts, ends = spans.T.tolist()
    kept = list(zip(starts, ends, weights.tolist(), values.tolist(), strict=True))
    matches = []
    first = 0
    for index, (sentence, sentence_values, last) in enumerate(zip(tokens, found, ends_at.tolist(), strict=True)):
        sentence_weights = sentence.weights
        total = float(sentence_weights.sum())
        recall = float((sentence_values * sentence_weights).sum() / total) if total > 0 else 1.0
        token_matches = tuple(kept[first:last])
        first = last
        missing: list[tuple[int, int]] = []
        for start, end, weight, value in token_matches:
            if not (value < FOUND and weight >= 3.0):
                continue
            if missing and start <= missing[-1][1] + 1:
                missing[-1] = (missing[-1][0], max(end, missing[-1][1]))
            else:
                missing.append((start, end))
        matches.append(SentenceMatch(index, recall, tuple(missing), token_matches))
    return tuple(matches)
