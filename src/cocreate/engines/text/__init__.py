"""The text engine: sentence vectors (MiniLM offline, hashed TF-IDF as the fallback) and
near-duplicate detection on them. See embedding.py for the backends and caching, and
duplicates.py for how near-duplicates are scored (embed `what_is_asked(text)` for them)."""

from cocreate.engines.text.asking import what_is_asked
from cocreate.engines.text.duplicates import (
    Calibration,
    Duplicate,
    MismatchedVectors,
    UnknownModel,
    calibration_for,
    duplicate_groups,
    find_duplicates,
    neighbourhoods,
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
    "Calibration",
    "Duplicate",
    "MismatchedVectors",
    "UnknownModel",
    "calibration_for",
    "chosen_backend",
    "duplicate_groups",
    "embed",
    "find_duplicates",
    "model_name",
    "neighbourhoods",
    "threshold_for",
    "what_is_asked",
]
