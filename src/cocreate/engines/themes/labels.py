"""Name each theme by its top words with c-TF-IDF, as BERTopic defines it
(Grootendorst 2022, `bertopic.vectorizers.ClassTfidfTransformer`):

    W(t, c) = tf(t, c) * log(1 + A / f(t))

where the texts of theme c are joined into one document, tf(t, c) is the frequency of word
t in it divided by the document's length (L1-normalised), f(t) is the frequency of t
across all themes, and A the average number of words per theme. Words common to every
theme ("service", "the") fall away; what sets a theme apart rises. (BERTopic rounds A
down to a whole number; this keeps the fraction.)
"""

from collections.abc import Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer

TOP_WORDS = 10


def top_words(
    texts: Sequence[str], theme_of: np.ndarray, themes: int, *, count: int = TOP_WORDS
) -> list[tuple[str, ...]]:
    """The `count` highest-scoring words of each theme 0..themes-1, best first."""
    vectorizer = CountVectorizer(stop_words="english", token_pattern=r"(?u)\b[^\W\d_]{2,}\b")
    try:
        words = vectorizer.fit_transform(texts)
    except ValueError:  # no words at all, only stop words and numbers
        return [() for _ in range(themes)]
    membership = sparse.csr_matrix(
        (np.ones(len(texts)), (theme_of, np.arange(len(texts)))), shape=(themes, len(texts))
    )
    frequency = np.asarray((membership @ words).todense(), dtype=float)  # themes x words
    average_words = frequency.sum() / themes
    idf = np.log(1 + average_words / np.maximum(frequency.sum(axis=0), 1))
    with np.errstate(divide="ignore", invalid="ignore"):
        tf = np.nan_to_num(frequency / frequency.sum(axis=1, keepdims=True))
    weights = tf * idf
    vocabulary = vectorizer.get_feature_names_out()
    found = []
    for row in weights:
        best = np.argsort(-row, kind="stable")[:count]
        found.append(tuple(str(vocabulary[i]) for i in best if row[i] > 0))
    return found
