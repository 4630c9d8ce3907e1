"""Sentence alignment between an original and its rewrite.

Input: unit vectors for the sentences of both sides (pooled transformer embeddings, or hashed lexical
vectors in the model-free profile). Output: groups of aligned sentences — one-to-one, one-to-many (a
sentence split in two or three), many-to-one (merged) — and the sentences left unaligned on either side.

Method (in the spirit of Vecalign, Thompson & Koehn 2019, and MASSAlign, Paetzold et al. 2017):

1. A monotonic dynamic programme over the sentence grid with moves from 1-1 up to 1-5 and 5-1 (plain
   rewrites cut a long news sentence into as many as five short ones), 2-2, 2-3, 3-2, and skips.
   A group scores the mean, over its members on both sides, of ``cos(member, other side) - link_threshold``
   (the other side is the normalised sum of its vectors); skips score 0. Each member must earn its place:
   a split is taken only when every part is close to the sentence it came from, and a neighbouring
   sentence on the same topic is not swallowed by a group. A sentence is left unaligned when nothing is
   closer than the threshold.
2. Sentences left over by (1) are matched across the whole text when they are each other's best match and
   their cosine reaches ``move_threshold`` (higher than the link threshold): a paragraph moved elsewhere
   still aligns, and the group is flagged ``moved`` when it breaks the order of its neighbours.
3. :func:`reclaim_moved_sentences` (called by the meaning metric, which has the words): a sentence at the
   edge of a group goes to a sentence still left over on the other side when that is its match by vector
   and by words. The programme keeps the order, so a sentence of a moved paragraph that lands next to a
   split can be swallowed by it ("Once they knew the owner of a particular phone number had a partner, …",
   0.81 with its source twenty sentences on, 0.45 with the sentence whose split took it).
4. :func:`attach_split_parts` (called by the meaning metric, which has the words): a rewrite sentence still
   unaligned next to a group joins it when most of its content words are words of the group's original
   sentences. The pooled vector of a long sentence is dominated by its main clause, so the second part of
   a split often sits below the link threshold (cosine 0.26–0.36 in the corpora examples) although it says
   nothing the original sentence did not.

For long texts the programme runs inside a band around the diagonal (width :data:`BAND`), so its cost is
linear in the number of sentences; moved content beyond the band is caught by step 2.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

#: Moves (original sentences, rewrite sentences) of the dynamic programme, skips excluded.
MOVES: tuple[tuple[int, int], ...] = (
    (1, 1), (1, 2), (2, 1), (1, 3), (3, 1), (2, 2), (1, 4), (4, 1), (2, 3), (3, 2), (1, 5), (5, 1),
)  # fmt: skip
#: Half-width of the band the programme runs in, in sentences beyond the slope of the diagonal.
BAND = 60
#: Up to this many cells (original sentences x rewrite sentences), the cosines of the programme are
#: computed up front in whole-grid matrix products (17 float32 matrices of this size at most).
PRODUCT_LIMIT = 250_000


@dataclass(frozen=True, slots=True)
class AlignmentSettings:
    """Thresholds on the cosine of unit vectors; they depend on the vector space (model or lexical)."""

    link_threshold: float
    move_threshold: float


@dataclass(frozen=True, slots=True)
class AlignedGroup:
    """Sentences of the original and of the rewrite that say the same thing."""

    original: tuple[int, ...]
    rewrite: tuple[int, ...]
    similarity: float
    moved: bool = False

    @property
    def kind(self) -> str:
        return f"{len(self.original)}-{len(self.rewrite)}"


@dataclass(frozen=True, slots=True)
class Alignment:
    groups: tuple[AlignedGroup, ...]
    unaligned_original: tuple[int, ...]
    unaligned_rewrite: tuple[int, ...]

    def group_of_original(self) -> dict[int, AlignedGroup]:
        return {index: group for group in self.groups for index in group.original}

    def group_of_rewrite(self) -> dict[int, AlignedGroup]:
        return {index: group for group in self.groups for index in group.rewrite}


def _cumulative(vectors: npt.NDArray[np.float32]) -> npt.NDArray[np.float64]:
    """Row ``k``: the sum of ``vectors[:k]`` in float64 (``count + 1`` rows, the first zero)."""
    count, dimension = vectors.shape
    cumulative = np.zeros((count + 1, dimension), np.float64)
    # row by row: the same additions as ``np.cumsum(vectors, axis=0, dtype=np.float64)``, without its slow
    # strided loop down each column (a few rows of a thousand columns)
    for row in range(count):
        np.add(cumulative[row], vectors[row], out=cumulative[row + 1])
    return cumulative


def _window_sums64(cumulative: npt.NDArray[np.float64], size: int) -> npt.NDArray[np.float64]:
    """Row ``k``: the sum of rows ``k : k + size`` of the vectors behind ``cumulative`` (zero past the end)."""
    count = len(cumulative) - 1
    sums = np.zeros((count, cumulative.shape[1]), np.float64)
    if count >= size:
        sums[: count - size + 1] = cumulative[size:] - cumulative[:-size]
    return sums


def _normalised_sums(
    vectors: npt.NDArray[np.float32], size: int, cumulative: npt.NDArray[np.float64] | None = None
) -> npt.NDArray[np.float32]:
    """Row ``k``: the normalised sum of ``vectors[k : k + size]`` (rows past the end are zero)."""
    return _normalised(_window_sums64(_cumulative(vectors) if cumulative is None else cumulative, size))


def _normalised(sums: npt.NDArray[np.float64]) -> npt.NDArray[np.float32]:
    """Each row divided by its norm, in float32 (zero rows stay zero)."""
    norms = np.sqrt(np.add.reduce(sums * sums, axis=1, keepdims=True))  # numpy.linalg.norm's own formula
    normalised: npt.NDArray[np.float32] = np.divide(sums, norms, out=np.zeros_like(sums), where=norms > 0).astype(
        np.float32
    )
    return normalised


def _window_sums(
    vectors: npt.NDArray[np.float32], size: int, cumulative: npt.NDArray[np.float64] | None = None
) -> npt.NDArray[np.float32]:
    """Row ``k``: the sum of ``vectors[k : k + size]`` (rows past the end are zero)."""
    sums = _window_sums64(_cumulative(vectors) if cumulative is None else cumulative, size)
    return sums.astype(np.float32)


def align(
    original: npt.NDArray[np.float32],
    rewrite: npt.NDArray[np.float32],
    settings: AlignmentSettings,
    *,
    similarity: npt.NDArray[np.float32] | None = None,
) -> Alignment:
    """Align sentences given one unit vector per sentence (rows of ``original`` and ``rewrite``);
    ``similarity``: ``original @ rewrite.T`` when the caller has it already."""
    n, m = len(original), len(rewrite)
    if n == 0 or m == 0:
        return Alignment((), tuple(range(n)), tuple(range(m)))
    threshold = settings.link_threshold
    sizes = sorted({size for move in MOVES for size in move})
    # running sums computed once per side serve every group size
    original_running, rewrite_running = _cumulative(original), _cumulative(rewrite)
    left_sums = {size: _normalised_sums(original, size, original_running) for size in sizes}
    right_windows = {size: _window_sums64(rewrite_running, size) for size in sizes}
    right_sums = {size: _normalised(sums) for size, sums in right_windows.items()}
    # rewrite_cumulative[size][k]: the plain (unnormalised) sum of rewrite[k : k + size]
    rewrite_cumulative = {size: sums.astype(np.float32) for size, sums in right_windows.items()}
    slope = m / n
    width = BAND + abs(n - m)

    def band(i: int) -> tuple[int, int]:
        if width >= m:
            return 0, m
        return max(0, int(i * slope - width)), min(m, int(i * slope + width) + 1)

    # the gain of every move into every cell, in a few whole-grid products instead of one per row and move
    # (when the grid is small enough to hold them); otherwise row by row
    whole = n * m <= PRODUCT_LIMIT
    penalties = [threshold * (di + dj) for di, dj in MOVES]
    grid_gains = _grid_gains(original, left_sums, right_sums, rewrite_cumulative, penalties) if whole else None

    negative = -np.inf
    # the last rows of the score grid at full width (-inf outside a row's band), row i in slot i % depth,
    # so every move reads its previous cells in one gather; columns start at _LEFT (a move reaching left of
    # column 0 reads -inf)
    depth = max(_MOVE_ROWS) + 1
    recent = np.full((depth, _LEFT + m + 1), negative)
    stride = recent.shape[1]
    gathered: tuple[int, int] | None = None
    reads = np.zeros((0, 0), np.int64)
    lows: list[int] = []  # row i holds columns lows[i] .. of the score grid, and the move that reached each
    backs: list[npt.NDArray[np.int8]] = []  # index into MOVES, or a skip
    for i in range(n + 1):
        low, high = band(i)
        columns = np.arange(low, high + 1)
        if i == 0:
            candidate = np.where(columns == 0, 0.0, negative)
            choice = np.full(len(columns), -1, dtype=np.int8)
        else:
            # the options in order of preference (the first of equal scores wins): skipping an original
            # sentence, then each move
            if (low, high) != gathered:  # the cells each move reads, as flat indices into ``recent``
                gathered = (low, high)
                reads = _LEFT + columns[None, :] - _MOVE_COLUMNS[:, None]
            rows = (i - _MOVE_ROWS) % depth
            options = np.empty((len(_OPTION_CHOICES), high - low + 1))
            options[0] = recent[(i - 1) % depth, _LEFT + low : _LEFT + high + 1]
            np.add(
                recent.take(rows[:, None] * stride + reads),
                grid_gains[:, i, low : high + 1]
                if grid_gains is not None
                else _row_gains(i, low, high, original, left_sums, right_sums, rewrite_cumulative, penalties),
                out=options[1:],
            )
            candidate = options.max(axis=0)
            choice = _OPTION_CHOICES[options.argmax(axis=0)]
            choice[~(candidate > negative)] = -1
        # skipping a rewrite sentence stays in the row: carry the best score so far to the right
        carried = np.maximum.accumulate(candidate)
        from_left = np.zeros(len(columns), dtype=bool)
        best_before, here = carried[:-1], candidate[1:]
        from_left[1:] = (best_before > here) | ((best_before == here) & (choice[1:] >= 0) & np.isfinite(here))
        choice[from_left] = _SKIP_REWRITE
        recent[i % depth] = negative
        recent[i % depth, _LEFT + low : _LEFT + high + 1] = carried
        lows.append(low)
        backs.append(choice)
    reached = bool(recent[n % depth, _LEFT + m] > negative)
    monotonic = _trace(lows, backs, n, m, left_sums, right_sums) if reached else []
    linked_o = {index for group in monotonic for index in group.original}
    linked_r = {index for group in monotonic for index in group.rewrite}
    if similarity is None:
        similarity = original @ rewrite.T
    moved = _moved(similarity, linked_o, linked_r, settings.move_threshold, monotonic)
    groups = sorted([*monotonic, *moved], key=lambda group: (group.original[0], group.rewrite[0]))
    linked_o.update(index for group in moved for index in group.original)
    linked_r.update(index for group in moved for index in group.rewrite)
    return Alignment(
        tuple(groups),
        tuple(i for i in range(n) if i not in linked_o),
        tuple(j for j in range(m) if j not in linked_r),
    )


#: Choice codes besides move indices: a skipped original sentence, a skipped rewrite sentence.
_SKIP_ORIGINAL = -2
_SKIP_REWRITE = -3


#: Rows and columns each move spans, and what an option (skip an original sentence, then each move) records.
_MOVE_ROWS = np.array([di for di, _ in MOVES])
_MOVE_COLUMNS = np.array([dj for _, dj in MOVES])
_OPTION_CHOICES = np.array([_SKIP_ORIGINAL, *range(len(MOVES))], dtype=np.int8)
_LEFT = int(_MOVE_COLUMNS.max())


def _positive(gain: npt.NDArray[np.floating[Any]]) -> npt.NDArray[np.float64]:
    """``gain`` in float64, -inf where it is not positive (a move that does not gain is not taken)."""
    return np.where(gain > 0, gain.astype(np.float64), -np.inf)


def _row_gains(
    i: int,
    low: int,
    high: int,
    original: npt.NDArray[np.float32],
    left_sums: dict[int, npt.NDArray[np.float32]],
    right_sums: dict[int, npt.NDArray[np.float32]],
    rewrite_cumulative: dict[int, npt.NDArray[np.float32]],
    penalties: list[float],
) -> npt.NDArray[np.float64]:
    """Row ``i``, columns ``low .. high`` of :func:`_grid_gains`, computed for that row alone (a grid too
    large to hold)."""
    gains = np.full((len(MOVES), high - low + 1), -np.inf)
    for index, (di, dj) in enumerate(MOVES):
        first = max(low, dj)
        if di > i or first > high:
            continue
        # each original of the group against the rewrite group, one column per rewrite group
        others = right_sums[dj][first - dj : high - dj + 1]
        originals_close = (original[i - di : i] @ others.T).sum(axis=0)
        rewrite_close = rewrite_cumulative[dj][first - dj : high - dj + 1] @ left_sums[di][i - di]
        gains[index, first - low :] = _positive((originals_close + rewrite_close - penalties[index]) / 2)
    return gains


def _grid_gains(
    original: npt.NDArray[np.float32],
    left_sums: dict[int, npt.NDArray[np.float32]],
    right_sums: dict[int, npt.NDArray[np.float32]],
    rewrite_cumulative: dict[int, npt.NDArray[np.float32]],
    penalties: list[float],
) -> npt.NDArray[np.float64]:
    """``[move, i, j]``: the gain of the move ending at cell (i, j) of the programme (-inf where it does not
    fit or does not gain): the mean of each original of the group against the rewrite group and of the
    rewrite group's plain sum against the normalised original group, less the link threshold."""
    n, m = len(original), len(rewrite_cumulative[1])
    gains = np.full((len(MOVES), n + 1, m + 1), -np.inf)
    # closeness[dj][k, c]: original sentence k against the rewrite group of size dj starting at c
    closeness = {dj: original @ right_sums[dj].T for dj in sorted(set(_MOVE_COLUMNS.tolist()))}
    for index, (di, dj) in enumerate(MOVES):
        if di > n or dj > m:
            continue
        starts, groups = n - di + 1, m - dj + 1  # groups start at 0 .. n - di and 0 .. m - dj
        originals_close = closeness[dj][:starts, :groups].copy()
        for member in range(1, di):  # summed first to last, as numpy sums a column
            originals_close += closeness[dj][member : member + starts, :groups]
        # the original group (normalised) against the plain sum of the rewrite group
        rewrite_close = (left_sums[di] @ rewrite_cumulative[dj].T)[:starts, :groups]
        gains[index, di:, dj:] = _positive((originals_close + rewrite_close - penalties[index]) / 2)
    return gains


def _trace(
    lows: list[int],
    backs: list[npt.NDArray[np.int8]],
    n: int,
    m: int,
    left_sums: dict[int, npt.NDArray[np.float32]],
    right_sums: dict[int, npt.NDArray[np.float32]],
) -> list[AlignedGroup]:
    groups: list[AlignedGroup] = []
    i, j = n, m
    while i > 0 or j > 0:
        choice = int(backs[i][j - lows[i]])
        if choice == _SKIP_ORIGINAL:
            di, dj = 1, 0
        elif choice == _SKIP_REWRITE:
            di, dj = 0, 1
        else:
            di, dj = MOVES[choice]
            cosine = float(left_sums[di][i - di] @ right_sums[dj][j - dj])
            groups.append(AlignedGroup(tuple(range(i - di, i)), tuple(range(j - dj, j)), round(cosine, 6)))
        i, j = i - di, j - dj
    groups.reverse()
    return groups


def _cosine(left: npt.NDArray[np.float32], right: npt.NDArray[np.float32]) -> float:
    """Cosine of the sums of two groups of vectors, rounded as group similarities are."""
    a, b = left.sum(axis=0), right.sum(axis=0)
    norms = float(np.linalg.norm(a) * np.linalg.norm(b))
    return round(float(a @ b) / norms, 6) if norms > 0 else 0.0


def _in_order(i: int, j: int, ordered: list[AlignedGroup]) -> bool:
    """Whether linking original ``i`` with rewrite ``j`` keeps the order of the groups around ``i``."""
    before = [group for group in ordered if group.original[-1] < i]
    after = [group for group in ordered if group.original[0] > i]
    return (not before or before[-1].rewrite[-1] < j) and (not after or after[0].rewrite[0] > j)


def _moved(
    similarity: npt.NDArray[np.float32],
    linked_o: set[int],
    linked_r: set[int],
    threshold: float,
    ordered: list[AlignedGroup],
) -> list[AlignedGroup]:
    """Greedy best-first one-to-one links between leftover sentences above ``threshold``; a link is
    ``moved`` when it breaks the order of the monotonic groups around it."""
    free_o = [i for i in range(similarity.shape[0]) if i not in linked_o]
    free_r = [j for j in range(similarity.shape[1]) if j not in linked_r]
    if not free_o or not free_r:
        return []
    sub = similarity[np.ix_(free_o, free_r)]
    best_r = sub.argmax(axis=1)
    best_o = sub.argmax(axis=0)
    candidates = sorted(
        (
            (float(sub[a, b]), free_o[a], free_r[b])
            for a, b in zip(*np.nonzero(sub >= threshold), strict=True)
            if best_r[a] == b and best_o[b] == a
        ),
        key=lambda item: (-item[0], item[1], item[2]),
    )
    used_o: set[int] = set()
    used_r: set[int] = set()
    groups = []
    for value, i, j in candidates:
        if i in used_o or j in used_r:
            continue
        used_o.add(i)
        used_r.add(j)
        groups.append(AlignedGroup((i,), (j,), round(value, 6), moved=not _in_order(i, j, ordered)))
    return groups


#: Step 3: how much closer (cosine) a group's edge sentence must be to a leftover sentence than to its own
#: group's sentences, and the content words the two must share (at least this many, and this share of the
#: shorter one's): a short sentence's vector is no evidence by itself ("This is now a war." is closer to
#: "This is a war like no other." than that is to "This war … is different from all other wars.").
RECLAIM_MARGIN = 0.1
RECLAIM_WORDS = 3
RECLAIM_SHARE = 0.5
#: ... and at least this many times as many as the sentence shares with its own group's other side.
RECLAIM_RATIO = 2


def reclaim_moved_sentences(
    alignment: Alignment,
    original: npt.NDArray[np.float32],
    rewrite: npt.NDArray[np.float32],
    settings: AlignmentSettings,
    original_words: Callable[[int], frozenset[str]],
    rewrite_words: Callable[[int], frozenset[str]],
    *,
    similarity: npt.NDArray[np.float32] | None = None,
) -> Alignment:
    """Give a group's first or last sentence (of a side with more than one) to a sentence left over on
    the other side when they are each other's best match, their cosine reaches ``move_threshold`` and beats
    the sentence's best cosine with its own group by :data:`RECLAIM_MARGIN`, and they share content words
    (``original_words(i)``, ``rewrite_words(j)``: stems; :data:`RECLAIM_WORDS`, :data:`RECLAIM_SHARE`),
    :data:`RECLAIM_RATIO` times as many as the sentence shares with its group's other side (a rewrite sentence
    that mixes the two keeps its group: "Jez Frampton, chief executive of Interbrand, said that customers now
    have more control …", 7 words against 6). The best such link first, until none is left; the new
    one-to-one group is ``moved`` when it breaks the order of the groups around it. ``similarity``:
    ``original @ rewrite.T`` when the caller has it already."""
    if not alignment.groups or not (alignment.unaligned_original or alignment.unaligned_rewrite):
        return alignment
    if similarity is None:
        similarity = original @ rewrite.T
    best_rewrite, best_original = similarity.argmax(axis=1), similarity.argmax(axis=0)  # each one's best match
    groups = list(alignment.groups)
    free_o, free_r = set(alignment.unaligned_original), set(alignment.unaligned_rewrite)
    links: list[tuple[int, int, float]] = []
    while True:
        best: tuple[float, int, int, int, bool] | None = None  # (cosine, original, rewrite, group, from original)
        for index, group in enumerate(groups):
            for from_original in (False, True):
                members, others = (group.original, group.rewrite) if from_original else (group.rewrite, group.original)
                if len(members) < 2 or not (free_r if from_original else free_o):
                    continue
                for member in sorted({members[0], members[-1]}):
                    if from_original:  # an original sentence of the group, a leftover rewrite sentence
                        i, j = member, int(best_rewrite[member])
                        mutual, free = int(best_original[j]) == i, j in free_r
                        own_best = max(float(similarity[i, k]) for k in others)
                    else:
                        i, j = int(best_original[member]), member
                        mutual, free = int(best_rewrite[i]) == j, i in free_o
                        own_best = max(float(similarity[k, j]) for k in others)
                    value = float(similarity[i, j])
                    if not (free and mutual) or value < settings.move_threshold or value - own_best < RECLAIM_MARGIN:
                        continue  # linked already, not each other's best match, not close enough
                    if best is not None and (value, -i, -j) <= (best[0], -best[1], -best[2]):
                        continue
                    left, right = original_words(i), rewrite_words(j)
                    shared = len(left & right)
                    if shared < RECLAIM_WORDS or shared < RECLAIM_SHARE * min(len(left), len(right)):
                        continue
                    own = rewrite_words if from_original else original_words
                    in_group = len((left if from_original else right) & frozenset().union(*map(own, others)))
                    if shared >= RECLAIM_RATIO * in_group:  # many more words in common than with its group
                        best = (value, i, j, index, from_original)
        if best is None:
            break
        value, i, j, index, from_original = best
        group = groups[index]
        kept_o = tuple(k for k in group.original if k != i) if from_original else group.original
        kept_r = group.rewrite if from_original else tuple(k for k in group.rewrite if k != j)
        cosine = _cosine(original[list(kept_o)], rewrite[list(kept_r)])
        groups[index] = AlignedGroup(kept_o, kept_r, cosine, group.moved)
        free_o.discard(i)
        free_r.discard(j)
        links.append((i, j, value))
    if not links:
        return alignment
    ordered = [group for group in groups if not group.moved]
    groups += [AlignedGroup((i,), (j,), round(value, 6), moved=not _in_order(i, j, ordered)) for i, j, value in links]
    return Alignment(
        tuple(sorted(groups, key=lambda group: (group.original[0], group.rewrite[0]))),
        tuple(i for i in alignment.unaligned_original if i in free_o),
        tuple(j for j in alignment.unaligned_rewrite if j in free_r),
    )


#: A rewrite sentence left out by the programme joins a neighbouring group when at least this share of its
#: content words, and at least :data:`SPLIT_WORDS` of them, are words of that group's original sentences.
SPLIT_SHARE = 0.5
SPLIT_WORDS = 3
#: Largest group side a split part can grow (the programme's largest move).
_LARGEST = max(max(move) for move in MOVES)


def attach_split_parts(
    alignment: Alignment,
    original: npt.NDArray[np.float32],
    rewrite: npt.NDArray[np.float32],
    original_words: Callable[[int], frozenset[str]],
    rewrite_words: Callable[[int], frozenset[str]],
) -> Alignment:
    """Give the parts of a split that the programme left out to the group they were split from.

    A pooled sentence vector of a long sentence is dominated by its main clause, so the second part of a
    split ("On Wednesday, the council agreed to spend £2.1 million on it.", cut from a sentence about the
    refurbishment) can sit far below the link threshold although every content word of it comes from that
    sentence. An unaligned rewrite sentence next to a group (right after its last or right before its first
    rewrite sentence) joins it when its content words (``rewrite_words(j)``: stems) are mostly words of the
    group's original sentences (``original_words(i)``); of two such groups, the one that holds more of them.
    The words are asked for only when a sentence is left out."""
    if not alignment.unaligned_rewrite or not alignment.groups:
        return alignment
    groups = list(alignment.groups)
    ends, starts = _edges(groups)
    attached: set[int] = set()
    for j in alignment.unaligned_rewrite:
        words = rewrite_words(j)
        best: tuple[float, int, int] | None = None  # (share, -order, group index)
        for order, index in enumerate((ends.get(j - 1), starts.get(j + 1))):
            if index is None or len(groups[index].rewrite) >= _LARGEST:
                continue
            source = frozenset().union(*(original_words(i) for i in groups[index].original))
            found = len(words & source)
            share = found / len(words) if words else 0.0
            if found >= SPLIT_WORDS and share >= SPLIT_SHARE and (best is None or (share, -order) > best[:2]):
                best = (share, -order, index)
        if best is None:
            continue
        index = best[2]
        group = groups[index]
        members = tuple(sorted({*group.rewrite, j}))
        cosine = _cosine(original[list(group.original)], rewrite[list(members)])
        groups[index] = AlignedGroup(group.original, members, cosine, group.moved)
        attached.add(j)
        ends, starts = _edges(groups)  # the grown group may take the next part of the same split too
    if not attached:
        return alignment
    return Alignment(
        tuple(groups),
        alignment.unaligned_original,
        tuple(j for j in alignment.unaligned_rewrite if j not in attached),
    )


def _edges(groups: list[AlignedGroup]) -> tuple[dict[int, int], dict[int, int]]:
    """For the groups in order (moved ones left out): the group index by its last rewrite sentence, and by
    its first."""
    in_order = [(index, group) for index, group in enumerate(groups) if not group.moved]
    return {g.rewrite[-1]: k for k, g in in_order}, {g.rewrite[0]: k for k, g in in_order}
