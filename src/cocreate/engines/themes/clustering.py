"""Group feedback texts into themes by their sentence vectors.

The number of themes is the k from 2 to `max_themes` with the best silhouette, judged on
a seeded sample of at most `SAMPLE` texts (k-means on the sample for each k, distances
between sample texts computed once), so choosing costs the same for 500 texts or 50,000.
Fifteen themes at most by default: more stop being a summary a person can read. All texts
are then clustered with MiniBatchKMeans started from the chosen sample centroids. Vectors
are L2-normalised, so Euclidean k-means groups texts by cosine similarity. Themes are
numbered by size, largest first.
"""

import numpy as np
from sklearn.cluster import KMeans, MiniBatchKMeans
from sklearn.metrics import pairwise_distances, silhouette_score
from threadpoolctl import threadpool_limits

MAX_THEMES = 15
SAMPLE = 2000
RESTARTS = 1
BATCH = 4096


def cluster_texts(
    vectors: np.ndarray, *, max_themes: int = MAX_THEMES, seed: int = 0
) -> tuple[np.ndarray, np.ndarray, dict[int, float]]:
    """Each text's theme, the themes' centroids (k, d) and the silhouette of each k tried.

    With fewer than three distinct vectors there is nothing to choose: one theme.
    """
    # These fits are small: on one thread they ran up to eight times faster than on two
    # that compete with other work (OpenMP threads spin while they wait for each other).
    with threadpool_limits(limits=1):
        return cluster_on_one_thread(vectors, max_themes, seed)


def cluster_on_one_thread(
    vectors: np.ndarray, max_themes: int, seed: int
) -> tuple[np.ndarray, np.ndarray, dict[int, float]]:
    rng = np.random.default_rng(seed)
    sample = np.sort(rng.choice(len(vectors), min(len(vectors), SAMPLE), replace=False))
    points = vectors[sample].astype(np.float32)
    distinct = np.unique(points, axis=0).shape[0]
    counts = range(2, min(max_themes, distinct - 1) + 1)
    if not counts:
        return np.zeros(len(vectors), dtype=int), vectors.mean(axis=0, keepdims=True), {}
    fits = {k: KMeans(n_clusters=k, n_init=RESTARTS, random_state=seed).fit(points) for k in counts}
    distances = pairwise_distances(points)
    silhouettes = {
        k: float(silhouette_score(distances, fit.labels_, metric="precomputed"))
        for k, fit in fits.items()
    }
    chosen = fits[max(counts, key=lambda k: (silhouettes[k], -k))]
    if len(sample) == len(vectors):
        labels, centroids = chosen.labels_, chosen.cluster_centers_
    else:
        final = MiniBatchKMeans(
            n_clusters=chosen.n_clusters,
            init=chosen.cluster_centers_,
            n_init=1,
            batch_size=BATCH,
            random_state=seed,
        ).fit(vectors)
        labels, centroids = final.labels_, final.cluster_centers_
    order = np.lexsort((np.arange(len(centroids)), -np.bincount(labels, minlength=len(centroids))))
    renumber = np.empty_like(order)
    renumber[order] = np.arange(order.size)
    return renumber[labels], centroids[order], silhouettes


def assign_themes(vectors: np.ndarray, centroids: np.ndarray) -> np.ndarray:
    """The nearest theme of each vector: how new texts join stored themes."""
    distances = (vectors**2).sum(axis=1)[:, None] - 2 * vectors @ centroids.T
    return np.asarray(distances.argmin(axis=1))
