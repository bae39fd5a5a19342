"""Themes in free-text feedback: clusters of texts by their sentence vectors, each named
by its top words, with its sentiment, example quotes and its spread over journey phases.

    vectors = text.embed(texts)            # or the vectors cached per text
    found = find_themes(texts, vectors, phases=phases)

The vectors come from `cocreate.engines.text.embed` (MiniLM, or hashed TF-IDF without
it); the caller passes them so cached vectors are reused. See `clustering` for how the
number of themes is chosen, `labels` for the names, `sentiment` for the tone.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import polars as pl

from cocreate.engines.themes.clustering import MAX_THEMES, assign_themes, cluster_texts
from cocreate.engines.themes.labels import top_words
from cocreate.engines.themes.sentiment import NEGATIVE_UP_TO, POSITIVE_FROM, sentiments

EXAMPLES = 3
LABEL_WORDS = 3


class ThemeInputError(ValueError):
    """Texts, vectors and phases that do not line up."""


@dataclass(frozen=True)
class Theme:
    theme: int  # 0 is the largest
    label: str  # its top three words, "delivery, late, parcel"
    top_words: tuple[str, ...]  # up to ten, best first (c-TF-IDF)
    size: int  # texts in it
    share: float  # of all texts, 0-1
    sentiment: float  # mean sentiment, -1 to 1
    positive_share: float  # texts read as positive, 0-1
    negative_share: float  # texts read as negative, 0-1
    examples: tuple[str, ...]  # distinct texts closest to its centre


@dataclass(frozen=True, eq=False)
class Themes:
    themes: tuple[Theme, ...]
    theme_of: np.ndarray  # (n,) each text's theme
    sentiment: np.ndarray  # (n,) each text's sentiment
    centroids: np.ndarray  # (k, d) to place new texts with `assign`
    silhouettes: Mapping[int, float]  # silhouette of each theme count tried
    by_phase: pl.DataFrame  # theme, label, phase, texts, sentiment (empty without phases)

    def assign(self, vectors: np.ndarray) -> np.ndarray:
        """The themes of new texts' vectors, without clustering again."""
        return assign_themes(vectors, self.centroids)


def find_themes(
    texts: Sequence[str],
    vectors: np.ndarray,
    *,
    phases: Sequence[str] | None = None,
    max_themes: int = MAX_THEMES,
    seed: int = 0,
) -> Themes:
    """Themes of `texts`, given one L2-normalised vector per text (and optionally each
    text's journey phase). Seeded: the same input gives the same themes."""
    vectors = np.asarray(vectors)
    if vectors.ndim != 2 or vectors.shape[0] != len(texts):
        raise ThemeInputError(
            f"Expected one vector per text: {len(texts)} texts but vectors of shape "
            f"{vectors.shape}."
        )
    if phases is not None and len(phases) != len(texts):
        raise ThemeInputError(
            f"Expected one phase per text: {len(texts)} texts, {len(phases)} phases."
        )
    if not len(texts):
        raise ThemeInputError("There are no texts to find themes in.")
    theme_of, centroids, silhouettes = cluster_texts(vectors, max_themes=max_themes, seed=seed)
    scores = sentiments(texts)
    words = top_words(texts, theme_of, len(centroids))
    themes = tuple(
        describe(k, texts, vectors, theme_of, scores, centroids[k], words[k])
        for k in range(len(centroids))
    )
    return Themes(
        themes=themes,
        theme_of=theme_of,
        sentiment=scores,
        centroids=centroids,
        silhouettes=silhouettes,
        by_phase=per_phase(themes, theme_of, scores, phases),
    )


def describe(
    k: int,
    texts: Sequence[str],
    vectors: np.ndarray,
    theme_of: np.ndarray,
    scores: np.ndarray,
    centroid: np.ndarray,
    words: tuple[str, ...],
) -> Theme:
    members = np.flatnonzero(theme_of == k)
    closest = members[np.argsort(-(vectors[members] @ centroid), kind="stable")]
    examples: list[str] = []
    for i in closest:
        if texts[i] not in examples:
            examples.append(texts[i])
        if len(examples) == EXAMPLES:
            break
    tone = scores[members]
    return Theme(
        theme=k,
        label=", ".join(words[:LABEL_WORDS]) or f"theme {k + 1}",
        top_words=words,
        size=int(members.size),
        share=members.size / len(texts),
        sentiment=float(tone.mean()) if members.size else 0.0,
        positive_share=float((tone > POSITIVE_FROM).mean()) if members.size else 0.0,
        negative_share=float((tone < NEGATIVE_UP_TO).mean()) if members.size else 0.0,
        examples=tuple(examples),
    )


def per_phase(
    themes: tuple[Theme, ...],
    theme_of: np.ndarray,
    scores: np.ndarray,
    phases: Sequence[str] | None,
) -> pl.DataFrame:
    """Texts and mean sentiment per theme and phase, for a heat map of the journey."""
    schema = {
        "theme": pl.Int64,
        "label": pl.String,
        "phase": pl.String,
        "texts": pl.UInt32,
        "sentiment": pl.Float64,
    }
    if phases is None:
        return pl.DataFrame(schema=schema)
    labels = pl.DataFrame({"theme": [t.theme for t in themes], "label": [t.label for t in themes]})
    return (
        pl.DataFrame({"theme": theme_of, "phase": list(phases), "sentiment": scores})
        .group_by("theme", "phase")
        .agg(pl.len().alias("texts"), pl.col("sentiment").mean())
        .join(labels, on="theme")
        .select(schema.keys())
        .sort("theme", "phase")
    )
