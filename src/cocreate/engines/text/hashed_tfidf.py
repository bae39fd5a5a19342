"""The fallback when the `text` extra is not installed: TF-IDF-style vectors from hashed
words, with scikit-learn alone.

A corpus-fitted TF-IDF would give the same text a different vector whenever the corpus
changes, so no vector could be cached. Hashing is stateless: a text's vector depends on
that text only, like MiniLM's. What a fitted IDF would do, damping words every text uses,
is done by a fixed English stop-word list and by counting each term once per text (short
texts rarely repeat words; when they do it says little more). The price: words that are
common in one organisation's texts but not in English at large ("session", "idea") weigh as
much as rare ones, so near-duplicates are found less well than a fitted TF-IDF would
(bench/ideas.py prints both).
"""

import numpy as np
from sklearn.feature_extraction.text import HashingVectorizer

# Hash buckets: small enough for dense rows (8 KB each), large enough that two short texts
# rarely share a bucket by accident. Changing anything here changes the vectors, so NAME
# changes with it and cached vectors are recomputed.
DIMENSION = 2048
NAME = f"tfidf-hashed-v1-{DIMENSION}"


class HashedTfidf:
    """Words hashed into DIMENSION buckets, rows of unit length."""

    name = NAME
    dimension = DIMENSION

    def __init__(self) -> None:
        self._vectoriser = HashingVectorizer(
            n_features=DIMENSION,
            stop_words="english",
            binary=True,
            norm="l2",
            # Colliding terms cancel out on average instead of always adding similarity.
            alternate_sign=True,
            dtype=np.float32,
        )

    def embed(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self._vectoriser.transform(texts).toarray(), dtype=np.float32)
