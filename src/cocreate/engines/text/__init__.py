"""The text engine: sentence vectors (MiniLM offline, hashed TF-IDF as the fallback) and
near-duplicate detection on them. See embedding.py for the backends and caching."""

from cocreate.engines.text.duplicates import (
    Duplicate,
    MismatchedVectors,
    UnknownModel,
    duplicate_groups,
    find_duplicates,
    threshold_for,
)
from cocreate.engines.text.embedding import (
    BackendUnavailable,
    chosen_backend,
    embed,
    model_name,
)

__all__ = [
    "BackendUnavailable",
    "Duplicate",
    "MismatchedVectors",
    "UnknownModel",
    "chosen_backend",
    "duplicate_groups",
    "embed",
    "find_duplicates",
    "model_name",
    "threshold_for",
]
