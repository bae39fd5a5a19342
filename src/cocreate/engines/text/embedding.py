"""Sentence vectors for ideas, free-text answers and themes: one function, two backends.

`embed(texts)` returns float32 rows of unit length, one per text. Each row depends only on
its text and the model, so callers may cache vectors per (text, `model_name()`) and compare
cached rows with new ones, as long as the model name matches.

The backend is MiniLM (all-MiniLM-L6-v2, int8 ONNX) when the `text` extra is installed and
hashed TF-IDF otherwise. Force one with `backend="tfidf"` / `backend="minilm"`, or for a
whole process with the environment variable COCREATE_TEXT_BACKEND.
"""

import os
from collections.abc import Sequence
from functools import cache
from importlib.util import find_spec
from typing import Literal, Protocol

import numpy as np

from cocreate.engines.text import minilm
from cocreate.engines.text.hashed_tfidf import HashedTfidf

Backend = Literal["minilm", "tfidf"]
BACKENDS: tuple[Backend, ...] = ("minilm", "tfidf")
ENVIRONMENT_VARIABLE = "COCREATE_TEXT_BACKEND"


class Encoder(Protocol):
    name: str
    dimension: int

    def embed(self, texts: list[str]) -> np.ndarray: ...


class BackendUnavailable(ValueError):
    """The requested backend is unknown, or its packages are not installed."""


def embed(texts: Sequence[str], *, backend: Backend | None = None) -> np.ndarray:
    """One float32 row of unit length per text, shape (len(texts), dimension).

    With hashed TF-IDF, a text with no words left after stop words (such as "" or "the")
    has an all-zero row: it is similar to nothing.
    """
    if isinstance(texts, str):
        raise TypeError("embed() takes a sequence of texts, not one string.")
    encoder = encoder_for(backend)
    if not texts:
        return np.zeros((0, encoder.dimension), dtype=np.float32)
    return encoder.embed(list(texts))


def model_name(*, backend: Backend | None = None) -> str:
    """The name of the model `embed` uses: part of any cache key for its vectors."""
    return encoder_for(backend).name


def chosen_backend() -> Backend:
    """The backend used when none is asked for: the environment's choice, else MiniLM when
    its packages are installed, else TF-IDF."""
    forced = os.environ.get(ENVIRONMENT_VARIABLE, "").strip().lower()
    if forced:
        return _checked(forced)
    return "minilm" if minilm_installed() else "tfidf"


def minilm_installed() -> bool:
    return all(find_spec(package) is not None for package in minilm.PACKAGES)


def encoder_for(backend: Backend | str | None) -> Encoder:
    return _encoder(_checked(backend) if backend else chosen_backend())


def _checked(backend: str) -> Backend:
    if backend == "minilm":
        if not minilm_installed():
            missing = [p for p in minilm.PACKAGES if find_spec(p) is None]
            raise BackendUnavailable(
                f"The MiniLM backend needs the text extra; missing: {', '.join(missing)}."
            )
        return "minilm"
    if backend == "tfidf":
        return "tfidf"
    raise BackendUnavailable(f"Unknown text backend {backend!r}: choose one of {BACKENDS}.")


@cache  # one model per process, loaded on first use
def _encoder(backend: Backend) -> Encoder:
    return minilm.MiniLM() if backend == "minilm" else HashedTfidf()
