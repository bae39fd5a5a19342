"""Near-duplicates: which existing items say the same as a new text, and which items of a
whole set are copies of each other (for the organisers' merge tool).

Similarity is the cosine of two vectors from `embed`, i.e. their dot product. What counts as
"the same" depends on the model, so each model has its own threshold, chosen on the labelled
paraphrase set of `bench/ideas.py`: the threshold with the best F1 (balance of precision and
recall) on half of its families; the benchmark reports precision and recall on the other
half.
"""

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

import numpy as np
from scipy.sparse import coo_array
from scipy.sparse.csgraph import connected_components

from cocreate.engines.text.hashed_tfidf import NAME as TFIDF_NAME
from cocreate.engines.text.minilm import NAME as MINILM_NAME

THRESHOLDS = {MINILM_NAME: 0.52, TFIDF_NAME: 0.24}
# Rows compared at a time when grouping a whole set: bounds memory to BLOCK x n similarities.
BLOCK = 2048


Item = TypeVar("Item", bound=Hashable)


@dataclass(frozen=True)
class Duplicate(Generic[Item]):
    """An existing item that likely says the same as the new text."""

    item: Item
    similarity: float  # cosine of the two vectors, at most 1


class UnknownModel(ValueError):
    """No duplicate threshold is known for the model that made the vectors."""


class MismatchedVectors(ValueError):
    """Vectors and the items they belong to do not line up."""


def threshold_for(model: str) -> float:
    """The similarity from which two texts embedded by `model` count as duplicates."""
    if model not in THRESHOLDS:
        raise UnknownModel(
            f"No duplicate threshold for model {model!r}; known: {', '.join(THRESHOLDS)}."
        )
    return THRESHOLDS[model]


def find_duplicates(
    vector: np.ndarray,
    existing: np.ndarray,
    items: Sequence[Item],
    *,
    threshold: float,
    limit: int = 5,
) -> list[Duplicate[Item]]:
    """The existing items at or above `threshold` similarity to `vector`, most similar first,
    at most `limit` of them. `existing` has one row per item, in the order of `items`."""
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
    similarities = existing @ vector
    above = np.flatnonzero(similarities >= threshold)
    best = above[np.argsort(-similarities[above], kind="stable")][:limit]
    return [Duplicate(items[i], float(similarities[i])) for i in best]


def duplicate_groups(vectors: np.ndarray, *, threshold: float) -> list[list[int]]:
    """Groups of rows (two or more) joined by similarities at or above `threshold`, largest
    group first, each sorted. Grouping is transitive: if A is like B and B like C, all three
    form one group, so an organiser reviews the group before merging it."""
    n = vectors.shape[0]
    rows, columns = [], []
    for start in range(0, n, BLOCK):
        row, column = np.nonzero(vectors[start : start + BLOCK] @ vectors.T >= threshold)
        rows.append(row + start)
        columns.append(column)
    pairs = (np.concatenate([[], *rows]).astype(int), np.concatenate([[], *columns]).astype(int))
    links = coo_array((np.ones(len(pairs[0])), pairs), shape=(n, n))
    _, labels = connected_components(links, directed=False)
    order = np.argsort(labels, kind="stable")
    groups = np.split(order, np.flatnonzero(np.diff(labels[order])) + 1)
    groups = [g for g in groups if len(g) > 1]
    groups.sort(key=lambda g: (-len(g), g[0]))
    return [g.tolist() for g in groups]
