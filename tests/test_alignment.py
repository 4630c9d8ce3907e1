"""Sentence alignment: one-to-one, splits, merges, unaligned and moved sentences."""

from __future__ import annotations

import numpy as np
import pytest

from evalkit.alignment import AlignmentSettings, align

SETTINGS = AlignmentSettings(link_threshold=0.45, move_threshold=0.6)


def topic_vectors(count: int, seed: int = 0, dimension: int = 64) -> np.ndarray:
    """Nearly orthogonal unit vectors, one per topic."""
    rng = np.random.default_rng(seed)
    vectors = rng.normal(size=(count, dimension)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def unit(vector: np.ndarray) -> np.ndarray:
    return (vector / np.linalg.norm(vector)).astype(np.float32)


T = topic_vectors(12)


def side(*rows: np.ndarray) -> np.ndarray:
    return np.stack([unit(row) for row in rows])


CASES = [
    ("one-to-one", side(T[0], T[1], T[2]), side(T[0], T[1], T[2]), [((0,), (0,)), ((1,), (1,)), ((2,), (2,))],
     (), ()),
    # a long sentence about topics 3+4 split into two rewrite sentences
    ("split in two", side(T[0], T[3] + T[4], T[5]), side(T[0], T[3], T[4], T[5]),
     [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,))], (), ()),
    ("split in three", side(T[0], T[3] + T[4] + T[6], T[5]), side(T[0], T[3], T[4], T[6], T[5]),
     [((0,), (0,)), ((1,), (1, 2, 3)), ((2,), (4,))], (), ()),
    ("merged", side(T[0], T[3], T[4], T[5]), side(T[0], T[3] + T[4], T[5]),
     [((0,), (0,)), ((1, 2), (1,)), ((3,), (2,))], (), ()),
    ("original sentence dropped", side(T[0], T[7], T[1]), side(T[0], T[1]), [((0,), (0,)), ((2,), (1,))],
     (1,), ()),
    ("rewrite sentence added", side(T[0], T[1]), side(T[0], T[8], T[1]), [((0,), (0,)), ((1,), (2,))], (),
     (1,)),
    ("nothing in common", side(T[0], T[1]), side(T[9], T[10]), [], (0, 1), (0, 1)),
]  # fmt: skip


@pytest.mark.parametrize(
    ("original", "rewrite", "groups", "unaligned_original", "unaligned_rewrite"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_alignment_cases(original, rewrite, groups, unaligned_original, unaligned_rewrite) -> None:  # type: ignore[no-untyped-def]
    result = align(original, rewrite, SETTINGS)
    assert [(g.original, g.rewrite) for g in result.groups] == groups
    assert result.unaligned_original == unaligned_original
    assert result.unaligned_rewrite == unaligned_rewrite


def test_moved_paragraph_still_aligns() -> None:
    original = side(T[0], T[1], T[2], T[3], T[4], T[5])
    rewrite = side(T[4], T[5], T[0], T[1], T[2], T[3])  # last paragraph moved to the front
    result = align(original, rewrite, SETTINGS)
    pairs = {(g.original, g.rewrite) for g in result.groups}
    assert pairs == {((i,), ((i + 2) % 6,)) for i in range(6)}
    assert {g.original[0] for g in result.groups if g.moved} in ({4, 5}, {0, 1, 2, 3})
    assert not result.unaligned_original and not result.unaligned_rewrite


def test_topical_neighbour_is_not_swallowed() -> None:
    """A sentence merely on the same topic as its neighbour stays out of the neighbour's group."""
    shared = T[11]
    original = side(T[0] + shared * 0.5, T[1] + shared * 0.5)
    rewrite = side(T[0] + shared * 0.5)
    result = align(original, rewrite, SETTINGS)
    assert [(g.original, g.rewrite) for g in result.groups] == [((0,), (0,))]
    assert result.unaligned_original == (1,)


def test_long_texts_use_a_band_and_stay_correct() -> None:
    topics = topic_vectors(400, seed=3, dimension=256)
    result = align(topics, topics, SETTINGS)
    assert [(g.original, g.rewrite) for g in result.groups] == [((i,), (i,)) for i in range(400)]
