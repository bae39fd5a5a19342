"""Opinion groups: k-means on the participants' map positions for k = 2 to 5, keeping the
k with the best silhouette (ties: the smaller k). Seeded, so the same votes give the same
groups. Groups are numbered by size, largest first.

The silhouette of 20,000 participants would compare every pair (200 million distances)
for each k, so above `SILHOUETTE_SAMPLE` participants it is computed on a seeded sample,
which estimates it closely enough to choose k.
"""

import numpy as np
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score
from threadpoolctl import threadpool_limits

GROUP_COUNTS = range(2, 6)
SILHOUETTE_SAMPLE = 3000
RESTARTS = 4


def choose_groups(points: np.ndarray, *, seed: int = 0) -> tuple[np.ndarray, dict[int, float]]:
    """Group labels (0 = largest group) and the silhouette of each k tried.

    With fewer than three distinct positions no k can be judged: everyone is in group 0
    and no silhouettes are returned.
    """
    distinct = np.unique(points, axis=0).shape[0]
    counts = [k for k in GROUP_COUNTS if k < distinct]
    if not counts:
        return np.zeros(len(points), dtype=int), {}
    # k-means in two dimensions is quick: on one thread it ran several times faster than
    # on two that compete with other work (OpenMP threads spin while they wait).
    with threadpool_limits(limits=1):
        fits = {
            k: KMeans(n_clusters=k, n_init=RESTARTS, random_state=seed).fit_predict(points)
            for k in counts
        }
    sample = len(points) if len(points) > SILHOUETTE_SAMPLE else None
    silhouettes = {
        k: float(
            silhouette_score(
                points, labels, sample_size=sample and SILHOUETTE_SAMPLE, random_state=seed
            )
        )
        for k, labels in fits.items()
    }
    chosen = max(counts, key=lambda k: (silhouettes[k], -k))
    return by_size(fits[chosen]), silhouettes


def by_size(labels: np.ndarray) -> np.ndarray:
    """The same groups, renumbered so group 0 is the largest (ties: the lower old label)."""
    sizes = np.bincount(labels)
    order = np.lexsort((np.arange(sizes.size), -sizes))
    renumber = np.empty_like(order)
    renumber[order] = np.arange(order.size)
    return renumber[labels]
