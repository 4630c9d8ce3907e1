"""Sentence alignment: one-to-one, splits, merges, unaligned and moved sentences."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evalkit.alignment import (
    AlignedGroup,
    Alignment,
    AlignmentSettings,
    align,
    attach_split_parts,
    reclaim_moved_sentences,
)

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


# A sentence of a moved paragraph that the order-keeping programme put into a neighbouring split (or merge)
# goes to its own source, left over otherwise, when it is clearly closer to it by vector and shares its
# words: the seed pair's "This shows that the U.S. is lying …" had been swallowed by the split of the
# sentence before it, and its source counted as dropped. Each case: vectors of both sides, the content words
# of some sentences (("o", i): original i, ("r", j): rewrite j; every other sentence has words of its own),
# the groups expected, the originals of the groups flagged moved, the originals left over.
A, B = frozenset({"war", "bacteria", "fight"}), frozenset({"logo", "apple", "bitten"})
MOVED = {("o", 4): A, ("r", 2): A}
RECLAIM_CASES = [
    ("split member goes to its moved source", side(T[0], T[1] + 0.7 * T[5], T[2], T[3], T[5] + 0.2 * T[6]),
     side(T[0], T[1], T[5] + 0.3 * T[1], T[2], T[3]), MOVED,
     [((0,), (0,)), ((1,), (1,)), ((2,), (3,)), ((3,), (4,)), ((4,), (2,))], {(4,)}, ()),
    ("merge member goes to its moved rewrite", side(T[0], T[1], T[5] + 0.3 * T[1], T[2], T[3]),
     side(T[0], T[1] + 0.7 * T[5], T[2], T[3], T[5] + 0.2 * T[6]), {("o", 2): A, ("r", 4): A},
     [((0,), (0,)), ((1,), (1,)), ((2,), (4,)), ((3,), (2,)), ((4,), (3,))], {(2,)}, ()),
    # cosine 0.93 with the leftover sentence, 0.86 with its own group: within the margin, the split stands
    ("within the margin the split stands", side(T[0], T[1] + 0.9 * T[5], T[2], T[3], T[5] + 0.8 * T[1]),
     side(T[0], T[1], T[5] + 0.3 * T[1], T[2], T[3]), MOVED,
     [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,)), ((3,), (4,))], set(), (4,)),
    # close by vector, but they share no content word ("This is now a war." / "This is a war like no other.")
    ("no shared words", side(T[0], T[1] + 0.7 * T[5], T[2], T[3], T[5] + 0.2 * T[6]),
     side(T[0], T[1], T[5] + 0.3 * T[1], T[2], T[3]), {("o", 4): A, ("r", 2): B},
     [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,)), ((3,), (4,))], set(), (4,)),
    # it shares 4 words with the leftover sentence, but 3 with its own group's: a mix of the two stays
    ("a mix stays in its group", side(T[0], T[1] + 0.7 * T[5], T[2], T[3], T[5] + 0.2 * T[6]),
     side(T[0], T[1], T[5] + 0.3 * T[1], T[2], T[3]),
     {("o", 4): A | {"news"}, ("r", 2): A | B | {"news"}, ("o", 1): B},
     [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,)), ((3,), (4,))], set(), (4,)),
]  # fmt: skip


@pytest.mark.parametrize(
    ("original", "rewrite", "words", "groups", "moved", "unaligned_original"),
    [case[1:] for case in RECLAIM_CASES],
    ids=[case[0] for case in RECLAIM_CASES],
)
def test_a_group_member_goes_to_the_leftover_sentence_it_matches(  # type: ignore[no-untyped-def]
    original, rewrite, words, groups, moved, unaligned_original
) -> None:
    def original_words(i: int) -> frozenset[str]:
        return words.get(("o", i), frozenset({f"o{i}a", f"o{i}b", f"o{i}c"}))

    def rewrite_words(j: int) -> frozenset[str]:
        return words.get(("r", j), frozenset({f"r{j}a", f"r{j}b", f"r{j}c"}))

    result = reclaim_moved_sentences(
        align(original, rewrite, SETTINGS), original, rewrite, SETTINGS, original_words, rewrite_words
    )
    assert [(g.original, g.rewrite) for g in result.groups] == groups
    assert {g.original for g in result.groups if g.moved} == moved
    assert result.unaligned_original == unaligned_original
    assert not result.unaligned_rewrite
    for group in result.groups:  # a shrunk group's similarity is that of what it keeps
        left, right = original[list(group.original)].sum(0), rewrite[list(group.rewrite)].sum(0)
        assert group.similarity == pytest.approx(left @ right / np.linalg.norm(left) / np.linalg.norm(right), abs=1e-5)


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


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 25), st.integers(1, 25), st.integers(0, 2**32 - 1), st.sampled_from([0.2, 0.45]))
def test_row_by_row_gains_match_the_whole_grid(n: int, m: int, seed: int, threshold: float) -> None:
    """Above :data:`~evalkit.alignment.PRODUCT_LIMIT` cells the programme computes its gains row by row
    instead of over the whole grid: the same gains (up to float32 rounding: the matrix products add in
    another order), and the same alignment."""
    from evalkit import alignment

    rng = np.random.default_rng(seed)
    topics = topic_vectors(max(n, m), seed=seed % 1000, dimension=16)
    original = np.stack([unit(row) for row in topics[rng.integers(0, max(n, m), n)] + rng.normal(0, 0.4, (n, 16))])
    rewrite = np.stack([unit(row) for row in topics[rng.integers(0, max(n, m), m)] + rng.normal(0, 0.4, (m, 16))])
    sizes = range(1, 6)
    left = {size: alignment._normalised_sums(original, size) for size in sizes}
    right = {size: alignment._normalised_sums(rewrite, size) for size in sizes}
    plain = {size: alignment._window_sums(rewrite, size) for size in sizes}
    penalties = [threshold * (di + dj) for di, dj in alignment.MOVES]
    grid = alignment._grid_gains(original, left, right, plain, penalties)
    for i in range(1, n + 1):
        low = int(rng.integers(0, m + 1))
        high = int(rng.integers(low, m + 1))
        row = alignment._row_gains(i, low, high, original, left, right, plain, penalties)
        expected = grid[:, i, low : high + 1]
        both = np.isfinite(row) & np.isfinite(expected)
        assert row[both] == pytest.approx(expected[both], rel=1e-5, abs=1e-6)
        # a move is ruled out (-inf) on one side only where its gain is within rounding of zero
        assert np.all(np.fmax(row, expected)[np.isfinite(row) != np.isfinite(expected)] < 1e-6)
    with pytest.MonkeyPatch.context() as patch:
        whole = align(original, rewrite, AlignmentSettings(threshold, 0.6))
        patch.setattr(alignment, "PRODUCT_LIMIT", 0)
        by_rows = align(original, rewrite, AlignmentSettings(threshold, 0.6))
        if by_rows != whole:  # two paths the programme scores alike, to float32 rounding: as good a path
            patch.setattr(alignment, "_moved", lambda *args: [])  # the programme's groups alone
            by_rows = align(original, rewrite, AlignmentSettings(threshold, 0.6))
            patch.setattr(alignment, "PRODUCT_LIMIT", 250_000)
            whole = align(original, rewrite, AlignmentSettings(threshold, 0.6))
        assert programme_score(by_rows, original, rewrite, threshold) == pytest.approx(
            programme_score(whole, original, rewrite, threshold), abs=1e-5
        )


def programme_score(result: Alignment, original: np.ndarray, rewrite: np.ndarray, threshold: float) -> float:
    """What the dynamic programme maximises: over its groups, the mean of each member's cosine with the other
    side's group less the threshold (see the module docstring)."""
    total = 0.0
    for group in result.groups:
        left, right = original[list(group.original)], rewrite[list(group.rewrite)]
        left_sum, right_sum = left.sum(0), right.sum(0)
        close = (left @ unit(right_sum)).sum() + (right @ unit(left_sum)).sum()
        total += float(close - threshold * (len(left) + len(right))) / 2
    return total


def words(*texts: str) -> list[frozenset[str]]:
    return [frozenset(text.split()) for text in texts]


# a split whose second part is far from the original sentence by vector: the programme leaves it out
SPLIT_ORIGINAL = side(T[0], T[3] + T[4] * 0.2, T[5])
SPLIT_REWRITE = side(T[0], T[3], T[4], T[5])
SPLIT_WORDS_O = words("mayor town", "hall work april council wednesday million spend", "traders market square")
NEXT_TO_SPLIT = [
    # (rewrite words of the left-out sentence 2, expected groups, expected unaligned rewrite sentences)
    ("council wednesday million spend agreed", [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,))], ()),
    ("council weather rain", [((0,), (0,)), ((1,), (1,)), ((2,), (3,))], (2,)),  # 1 of 3 words: too few
    ("traders market square stalls", [((0,), (0,)), ((1,), (1,)), ((2,), (2, 3))], ()),  # the next group's
]


@pytest.mark.parametrize(("part", "groups", "unaligned"), NEXT_TO_SPLIT)
def test_split_parts_join_the_group_whose_original_holds_their_words(
    part: str, groups: list[tuple[tuple[int, ...], tuple[int, ...]]], unaligned: tuple[int, ...]
) -> None:
    programme = align(SPLIT_ORIGINAL, SPLIT_REWRITE, SETTINGS)
    assert programme.unaligned_rewrite == (2,)  # what the vectors alone give
    rewrite_words = words("mayor town", "hall work april", part, "traders market")
    result = attach_split_parts(
        programme, SPLIT_ORIGINAL, SPLIT_REWRITE, SPLIT_WORDS_O.__getitem__, rewrite_words.__getitem__
    )
    assert [(g.original, g.rewrite) for g in result.groups] == groups
    assert result.unaligned_rewrite == unaligned
    assert result.unaligned_original == programme.unaligned_original
    for group in result.groups:  # the similarity of a grown group is that of its sums, like the programme's
        left = SPLIT_ORIGINAL[list(group.original)].sum(axis=0)
        right = SPLIT_REWRITE[list(group.rewrite)].sum(axis=0)
        expected = float(left @ right / np.linalg.norm(left) / np.linalg.norm(right))
        assert group.similarity == pytest.approx(expected, abs=1e-5)


def test_split_parts_leave_moved_and_full_groups_alone() -> None:
    vectors = side(T[0], T[1], T[2], T[3], T[4], T[5], T[6])
    moved = Alignment((AlignedGroup((0,), (0,), 0.9, moved=True),), (), (1,))
    same = words("a b c d")
    assert attach_split_parts(moved, vectors[:1], vectors[:2], same.__getitem__, (same * 2).__getitem__) == moved
    full = Alignment((AlignedGroup((0,), (0, 1, 2, 3, 4), 0.9),), (), (5,))
    assert attach_split_parts(full, vectors[:1], vectors[:6], same.__getitem__, (same * 6).__getitem__) == full


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 20), st.integers(1, 20), st.integers(0, 2**32 - 1))
def test_reclaiming_keeps_every_sentence_in_one_place(n: int, m: int, seed: int) -> None:
    """After step 3 every sentence is in exactly one group or left over, no group is empty, and the groups
    that shrank are those a one-to-one link took a sentence from."""
    rng = np.random.default_rng(seed)
    topics = topic_vectors(6, seed=seed % 1000, dimension=8)  # few topics: many near matches, many splits
    topic_o, topic_r = rng.integers(0, 6, n), rng.integers(0, 6, m)
    original = np.stack([unit(row) for row in topics[topic_o] + rng.normal(0, 0.3, (n, 8))])
    rewrite = np.stack([unit(row) for row in topics[topic_r] + rng.normal(0, 0.3, (m, 8))])

    def original_words(i: int) -> frozenset[str]:  # its topic's words and one of its own
        return frozenset({f"t{topic_o[i]}a", f"t{topic_o[i]}b", f"t{topic_o[i]}c", f"o{i}"})

    def rewrite_words(j: int) -> frozenset[str]:
        return frozenset({f"t{topic_r[j]}a", f"t{topic_r[j]}b", f"t{topic_r[j]}c", f"r{j}"})

    before = align(original, rewrite, AlignmentSettings(0.2, 0.35))
    after = reclaim_moved_sentences(
        before, original, rewrite, AlignmentSettings(0.2, 0.35), original_words, rewrite_words
    )
    for count, side_of, unaligned in (
        (n, lambda group: group.original, after.unaligned_original),
        (m, lambda group: group.rewrite, after.unaligned_rewrite),
    ):
        assert sorted([*(k for group in after.groups for k in side_of(group)), *unaligned]) == list(range(count))
    assert all(group.original and group.rewrite for group in after.groups)
    # each new group is a link that took one leftover sentence
    taken = len(before.unaligned_original) - len(after.unaligned_original)
    taken += len(before.unaligned_rewrite) - len(after.unaligned_rewrite)
    assert len(after.groups) - len(before.groups) == taken
