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
* ``score`` (headline, 0..1): content-weighted, rescaled recall and precision combined as F-beta with
  beta = 2 (recall, what the original said, counts four times as much as precision, which catches
  invented or garbled content)::

      r_t   = clip((s_t - b) / (1 - b), 0, 1)          s_t: best cosine of token t in its region
      R     = sum_t w_t r_t / sum_t w_t                 over the original's tokens
      P     = (the same over the rewrite's tokens, matched against the original)
      score = 5 P R / (4 P + R)

  ``w_t`` is the content weight of the token's word (:func:`evalkit.lexicon.content_weight`), ``b`` the
  model's baseline cosine for unrelated text (:data:`BASELINES`; BERTScore's "rescale with baseline",
  computed offline by ``scripts/compute_baseline.py``).
* ``coverage``: the weighted share of the original's tokens found (``r_t >= 0.5``).
* ``dropped``: original sentences with no aligned counterpart whose content is not found nearby
  (weighted recall < 0.5); ``unsupported``: the same for rewrite sentences against the original.
* ``chrf`` and ``bleu``: sacrebleu's chrF (Popović, 2015) and BLEU (Papineni et al., 2002), 0–100, of the
  whole scored rewrite against the whole scored original.

The model-free profile (``--profile fast``) replaces token vectors by word stems (a token is found when
its stem occurs in the region) and sentence vectors by hashed bags of weighted stems; ``bertscore`` is
then absent.
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
import numpy.typing as npt

from evalkit import lexicon
from evalkit.alignment import Alignment, AlignmentSettings, align
from evalkit.document import Document
from evalkit.embeddings import DEFAULT_LAYER, DEFAULT_MODEL, Encoding
from evalkit.spans import TextSpan

FloatArray = npt.NDArray[np.float32]

#: Baseline cosine of a token with its best match in unrelated text, per (model, layer).
BASELINES: dict[tuple[str, int], float] = {(DEFAULT_MODEL, DEFAULT_LAYER): 0.35}
#: Alignment thresholds per vector space.
MODEL_ALIGNMENT = AlignmentSettings(link_threshold=0.45, move_threshold=0.6)
LEXICAL_ALIGNMENT = AlignmentSettings(link_threshold=0.2, move_threshold=0.35)
#: A token is "found" when its rescaled similarity reaches this.
FOUND = 0.5
#: Recall is weighted beta**2 times as much as precision in the headline score.
BETA = 2.0
_LEXICAL_DIMENSION = 1024


@dataclass(frozen=True, slots=True)
class Tokens:
    """The tokens of one sentence, ready for matching."""

    weights: FloatArray  # content weight, 0 for special and punctuation tokens
    spans: npt.NDArray[np.int32]  # [start, end) within the sentence text
    counted: npt.NDArray[np.bool_]  # tokens plain BERTScore counts (non-special)
    vectors: FloatArray | None  # model profile: unit token vectors
    ids: npt.NDArray[np.int64] | None  # fast profile: stem ids
    pooled: FloatArray  # unit sentence vector


def _stem_id(word: str) -> int:
    return zlib.crc32(lexicon.stem(word).encode())


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
        spans=encoding.offsets,
        counted=~encoding.special,
        vectors=encoding.tokens,
        ids=None,
        pooled=encoding.pooled,
    )


def lexical_tokens(text: str) -> Tokens:
    """Tokens of a sentence for the model-free profile: words, stem ids and a hashed bag-of-stems vector."""
    spans = lexicon.word_spans(text)
    words = [text[start:end] for start, end in spans]
    weights = np.array([lexicon.content_weight(word) for word in words], np.float32)
    ids = np.array([_stem_id(word) for word in words], np.int64)
    pooled = np.zeros(_LEXICAL_DIMENSION, np.float32)
    for identifier, weight in zip(ids.tolist(), weights.tolist(), strict=True):
        pooled[identifier % _LEXICAL_DIMENSION] += weight
    norm = float(np.linalg.norm(pooled))
    return Tokens(
        weights=weights,
        spans=np.array(spans, np.int32).reshape(-1, 2),
        counted=np.ones(len(words), np.bool_),
        vectors=None,
        ids=ids,
        pooled=pooled / norm if norm > 0 else pooled,
    )


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
                {"index": i, "start": document.sentences[i].start, "end": document.sentences[i].end}
                for i in indices
            ]

        return {
            "score": _round(self.score),
            "recall": _round(self.recall),
            "precision": _round(self.precision),
            "coverage": _round(self.coverage),
            "bertscore": self.bertscore.to_dict() if self.bertscore else None,
            "chrf": _round(self.chrf),
            "bleu": _round(self.bleu),
            "dropped": [
                sentence_entry(original, index, self.original_matches[index]) for index in self.dropped
            ],
            "unsupported": [
                sentence_entry(rewrite, index, self.rewrite_matches[index]) for index in self.unsupported
            ],
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
        }


def document_span(document: Document, index: int, start: int, end: int) -> TextSpan:
    return document.sentence_span(document.sentences[index], start, end)


def _round(value: float) -> float:
    return round(float(value), 4)


def _regions(similarity: FloatArray, alignment_of: Mapping[int, tuple[int, ...]], count: int) -> list[list[int]]:
    """For each sentence on one side: the indices on the other side its tokens are matched against."""
    regions: list[list[int]] = []
    other = similarity.shape[1]
    for index in range(count):
        row = similarity[index]
        order = [int(j) for j in np.argsort(-row, kind="stable")[: min(2, other)]]
        aligned = alignment_of.get(index)
        region = [*aligned, order[0]] if aligned else order
        regions.append(sorted(set(region)))
    return regions


def _best_match(source: Tokens, targets: Sequence[Tokens]) -> FloatArray:
    """For each token of ``source``: its best similarity among the tokens of ``targets``."""
    if source.vectors is not None:
        stacked = np.concatenate([t.vectors for t in targets if t.vectors is not None])
        return np.asarray((source.vectors @ stacked.T).max(axis=1), np.float32)
    assert source.ids is not None
    pool = np.concatenate([t.ids for t in targets if t.ids is not None])
    return np.isin(source.ids, pool).astype(np.float32)


@cache
def _chrf() -> Any:
    from sacrebleu.metrics import CHRF

    return CHRF()


@cache
def _bleu() -> Any:
    from sacrebleu.metrics import BLEU

    return BLEU(effective_order=True)


def sacrebleu_signatures() -> dict[str, str]:
    return {"chrf": str(_chrf().get_signature()), "bleu": str(_bleu().get_signature())}


def _side(
    sentences: Sequence[Tokens],
    others: Sequence[Tokens],
    regions: Sequence[Sequence[int]],
    baseline: float,
) -> tuple[list[FloatArray], list[FloatArray]]:
    """Raw best similarities and rescaled ones, per sentence."""
    raw, rescaled = [], []
    for tokens, region in zip(sentences, regions, strict=True):
        best = _best_match(tokens, [others[j] for j in region])
        raw.append(best)
        rescaled.append(np.clip((best - baseline) / (1 - baseline), 0.0, 1.0).astype(np.float32))
    return raw, rescaled


def _weighted(values: Sequence[FloatArray], weights: Sequence[FloatArray]) -> float:
    total = float(sum(w.sum() for w in weights))
    if total <= 0:
        return 1.0
    return float(sum((v * w).sum() for v, w in zip(values, weights, strict=True)) / total)


def assess_meaning(
    original: Document,
    rewrite: Document,
    original_tokens: Sequence[Tokens],
    rewrite_tokens: Sequence[Tokens],
    *,
    model: str | None,
    layer: int | None,
) -> MeaningResult:
    """Meaning preservation of ``rewrite`` with respect to ``original`` (see the module docstring)."""
    lexical = original_tokens[0].vectors is None
    settings = LEXICAL_ALIGNMENT if lexical else MODEL_ALIGNMENT
    left = np.stack([t.pooled for t in original_tokens]).astype(np.float32)
    right = np.stack([t.pooled for t in rewrite_tokens]).astype(np.float32)
    alignment = align(left, right, settings)
    similarity = left @ right.T
    group_o = {i: g.rewrite for g in alignment.groups for i in g.original}
    group_r = {j: g.original for g in alignment.groups for j in g.rewrite}
    regions_o = _regions(similarity, group_o, len(original_tokens))
    regions_r = _regions(similarity.T, group_r, len(rewrite_tokens))
    baseline = 0.0 if lexical else BASELINES.get((model or DEFAULT_MODEL, layer or DEFAULT_LAYER), 0.0)
    raw_o, found_o = _side(original_tokens, rewrite_tokens, regions_o, baseline)
    raw_r, found_r = _side(rewrite_tokens, original_tokens, regions_r, baseline)

    weights_o = [t.weights for t in original_tokens]
    weights_r = [t.weights for t in rewrite_tokens]
    recall = _weighted(found_o, weights_o)
    precision = _weighted(found_r, weights_r)
    score = (1 + BETA**2) * precision * recall / (BETA**2 * precision + recall) if precision + recall else 0.0
    coverage = _weighted([(f >= FOUND).astype(np.float32) for f in found_o], weights_o)

    bertscore = None
    if not lexical:
        counted_o = [t.counted.astype(np.float32) for t in original_tokens]
        counted_r = [t.counted.astype(np.float32) for t in rewrite_tokens]
        plain_recall = _weighted(raw_o, counted_o)
        plain_precision = _weighted(raw_r, counted_r)
        f1 = 2 * plain_precision * plain_recall / (plain_precision + plain_recall) if plain_recall else 0.0
        bertscore = BertScore(plain_precision, plain_recall, f1, model or DEFAULT_MODEL, layer or DEFAULT_LAYER)

    matches_o = _matches(original_tokens, found_o)
    matches_r = _matches(rewrite_tokens, found_r)
    aligned_o = set(group_o)
    aligned_r = set(group_r)
    dropped = tuple(m.index for m in matches_o if m.index not in aligned_o and m.recall < FOUND)
    unsupported = tuple(m.index for m in matches_r if m.index not in aligned_r and m.recall < FOUND)

    original_text, rewrite_text = original.content_text, rewrite.content_text
    return MeaningResult(
        score=min(1.0, max(0.0, score)),
        recall=recall,
        precision=precision,
        coverage=coverage,
        bertscore=bertscore,
        chrf=float(_chrf().sentence_score(rewrite_text, [original_text]).score),
        bleu=float(_bleu().sentence_score(rewrite_text, [original_text]).score),
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


def _matches(tokens: Sequence[Tokens], found: Sequence[FloatArray]) -> tuple[SentenceMatch, ...]:
    matches = []
    for index, (sentence, values) in enumerate(zip(tokens, found, strict=True)):
        weights = sentence.weights
        total = float(weights.sum())
        recall = float((values * weights).sum() / total) if total > 0 else 1.0
        missing: list[tuple[int, int]] = []
        for row in np.nonzero((values < FOUND) & (weights >= 3.0))[0].tolist():
            start, end = (int(x) for x in sentence.spans[row])
            if missing and start <= missing[-1][1] + 1:
                missing[-1] = (missing[-1][0], max(end, missing[-1][1]))
            else:
                missing.append((start, end))
        token_matches = tuple(
            (int(start), int(end), float(weight), float(value))
            for (start, end), weight, value in zip(
                sentence.spans.tolist(), weights.tolist(), values.tolist(), strict=True
            )
            if weight > 0
        )
        matches.append(SentenceMatch(index, recall, tuple(missing), token_matches))
    return tuple(matches)
