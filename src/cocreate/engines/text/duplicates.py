"""Near-duplicates: which existing items say the same as a new text, and which items of a
whole set are copies of each other (for the organisers' merge tool).

Embed what each text asks for (`asking.what_is_asked`: "Could you record every talk?" is
embedded as "Record every talk"), then compare with a score relative to each text's
neighbourhood rather than with the plain cosine:

    score(x, y) = 2 cos(x, y) - r(x) - r(y)

where r(t) is the mean cosine of t to its NEIGHBOURS most similar other items (CSLS, from
Conneau et al., "Word translation without parallel data", 2018). A text in a crowded
subject ("a quiet room for calls", "a quiet room for prayer", "a quiet space to work")
is close to all its neighbours, so closeness alone says little there; a pair counts as the
same idea when it is closer than either text usually is to anything.

The correction only ever raises the bar: a neighbourhood is never counted as sparser than
the model's FLOOR (and missing neighbours, in a set of fewer than NEIGHBOURS others, count
at it). Without the floor, a small set of unrelated ideas would make everything look
relatively close; with it, there the test is a plain cosine threshold of about
(threshold + 2 * floor) / 2, 0.41 for MiniLM.

The calibration was chosen on the labelled paraphrase set of `bench/ideas.py`. Each
model's floor is 0.9 times the mean neighbourhood on its tuning half (the set is crowded
by construction, so it cannot say how sparse sets behave); NEIGHBOURS and the threshold
are those with the best worse-of-precision-and-recall on the tuning half (the target is
both at least 0.8). The benchmark reports precision and recall on the other half: MiniLM
went from 0.66 / 0.69 (plain cosine of the whole texts, threshold 0.52) to 0.82 / 0.84.
"""

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

import numpy as np
from scipy.sparse import coo_array
from scipy.sparse.csgraph import connected_components

from cocreate.engines.text.hashed_tfidf import NAME as TFIDF_NAME
from cocreate.engines.text.minilm import NAME as MINILM_NAME

# Neighbours that define an item's neighbourhood (see the module for how it was chosen).
NEIGHBOURS = 3
# Rows compared at a time when scoring a whole set: bounds memory to BLOCK x n similarities.
BLOCK = 2048


@dataclass(frozen=True)
class Calibration:
    threshold: float  # the score from which two texts count as duplicates
    floor: float  # the sparsest neighbourhood counted; missing neighbours count at it


CALIBRATIONS = {
    MINILM_NAME: Calibration(threshold=-0.08, floor=0.45),
    TFIDF_NAME: Calibration(threshold=-0.07, floor=0.22),
}


Item = TypeVar("Item", bound=Hashable)


@dataclass(frozen=True)
class Duplicate(Generic[Item]):
    """An existing item that likely says the same as the new text."""

    item: Item
    similarity: float  # cosine of the two vectors, at most 1
    score: float  # the similarity relative to both neighbourhoods (see the module)


class UnknownModel(ValueError):
    """No calibration is known for the model that made the vectors."""


class MismatchedVectors(ValueError):
    """Vectors and the items they belong to do not line up."""


def calibration_for(model: str) -> Calibration:
    if model not in CALIBRATIONS:
        raise UnknownModel(
            f"No duplicate threshold for model {model!r}; known: {', '.join(CALIBRATIONS)}."
        )
    return CALIBRATIONS[model]


def threshold_for(model: str) -> float:
    """The score from which two texts embedded by `model` count as duplicates."""
    return calibration_for(model).threshold


def neighbourhoods(
    vectors: np.ndarray, *, floor: float, neighbours: int = NEIGHBOURS
) -> np.ndarray:
    """Each row's mean similarity to its `neighbours` most similar other rows (the missing
    ones counted at `floor` when there are fewer others), and at least `floor`."""
    n = vectors.shape[0]
    taken = min(neighbours, n - 1)
    totals = np.zeros(n, dtype=np.float64)
    for start in range(0, n, BLOCK):
        similarities = vectors[start : start + BLOCK] @ vectors.T
        rows = np.arange(similarities.shape[0])
        similarities[rows, rows + start] = -np.inf  # not its own neighbour
        if taken > 0:
            top = np.partition(similarities, n - taken, axis=1)[:, n - taken :]
            totals[start : start + BLOCK] = top.sum(axis=1)
    found = (totals + (neighbours - max(taken, 0)) * floor) / neighbours
    return np.maximum(found, floor)


def _neighbourhood_of(similarities: np.ndarray, floor: float) -> float:
    """The new text's neighbourhood among the existing items it was compared with."""
    taken = min(NEIGHBOURS, len(similarities))
    top = np.partition(similarities, len(similarities) - taken)[len(similarities) - taken :]
    return max(float((top.sum() + (NEIGHBOURS - taken) * floor) / NEIGHBOURS), floor)


def find_duplicates(
    vector: np.ndarray,
    existing: np.ndarray,
    items: Sequence[Item],
    *,
    model: str,
    threshold: float | None = None,
    limit: int = 5,
    neighbourhood: np.ndarray | None = None,
) -> list[Duplicate[Item]]:
    """The existing items whose score with `vector` reaches the model's threshold (or
    `threshold`), highest score first, at most `limit` of them. `existing` has one row per
    item, in the order of `items`, embedded by `model`; pass `neighbourhood` (from
    `neighbourhoods(existing, ...)`) when it is cached, else it is computed."""
    if existing.ndim != 2 or existing.shape[0] != len(items):
        raise MismatchedVectors(
            f"{existing.shape[0] if existing.ndim == 2 else 'no'} rows of vectors "
            f"for {len(items)} items."
        )
    if vector.shape != existing.shape[1:]:
        raise MismatchedVectors(
            f"The new vector has shape {vector.shape}, the existing ones {existing.shape[1:]}: "
            "were they made by different models?"
        )
    calibration = calibration_for(model)
    if not items:
        return []
    if neighbourhood is None:
        neighbourhood = neighbourhoods(existing, floor=calibration.floor)
    elif neighbourhood.shape != (len(items),):
        raise MismatchedVectors(f"{len(neighbourhood)} neighbourhoods for {len(items)} items.")
    similarities = existing @ vector
    own = _neighbourhood_of(similarities, calibration.floor)
    scores = 2 * similarities - own - neighbourhood
    bar = calibration.threshold if threshold is None else threshold
    above = np.flatnonzero(scores >= bar)
    best = above[np.argsort(-scores[above], kind="stable")][:limit]
    return [Duplicate(items[i], float(similarities[i]), float(scores[i])) for i in best]


def duplicate_groups(
    vectors: np.ndarray, *, model: str, threshold: float | None = None
) -> list[list[int]]:
    """Groups of rows (two or more) joined by scores at or above the model's threshold (or
    `threshold`), largest group first, each sorted. Grouping is transitive: if A is like B
    and B like C, all three form one group, so an organiser reviews the group before
    merging it."""
    calibration = calibration_for(model)
    bar = calibration.threshold if threshold is None else threshold
    n = vectors.shape[0]
    neighbourhood = neighbourhoods(vectors, floor=calibration.floor)
    rows, columns = [], []
    for start in range(0, n, BLOCK):
        scores = (
            2 * (vectors[start : start + BLOCK] @ vectors.T)
            - neighbourhood[start : start + BLOCK, None]
            - neighbourhood[None, :]
        )
        row, column = np.nonzero(scores >= bar)
        keep = row + start != column
        rows.append(row[keep] + start)
        columns.append(column[keep])
    pairs = (np.concatenate([[], *rows]).astype(int), np.concatenate([[], *columns]).astype(int))
    links = coo_array((np.ones(len(pairs[0])), pairs), shape=(n, n))
    _, labels = connected_components(links, directed=False)
    order = np.argsort(labels, kind="stable")
    groups = np.split(order, np.flatnonzero(np.diff(labels[order])) + 1)
    groups = [g for g in groups if len(g) > 1]
    groups.sort(key=lambda g: (-len(g), g[0]))
    return [g.tolist() for g in groups]
