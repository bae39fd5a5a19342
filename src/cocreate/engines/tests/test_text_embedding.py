"""Sentence vectors: MiniLM when the text extra is installed, hashed TF-IDF when forced."""

import numpy as np
import pytest

from cocreate.engines.text import BackendUnavailable, embed, model_name
from cocreate.engines.text.embedding import ENVIRONMENT_VARIABLE, minilm_installed

needs_minilm = pytest.mark.skipif(not minilm_installed(), reason="the text extra is not installed")

IDEAS = [
    "Record every talk and put the videos online afterwards.",
    "Please post video recordings of all the sessions online.",
    "Serve more vegetarian dishes at lunch.",
]


@needs_minilm
def test_minilm_gives_one_unit_row_of_384_floats_per_text():
    vectors = embed(IDEAS)

    assert vectors.shape == (3, 384)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-5)
    assert model_name() == "all-MiniLM-L6-v2-onnx-int8"


@needs_minilm
def test_a_reworded_idea_is_closer_than_an_unrelated_one():
    vectors = embed(IDEAS)

    assert vectors[0] @ vectors[1] > 0.5
    assert vectors[0] @ vectors[2] < 0.1


@needs_minilm
def test_a_texts_vector_does_not_depend_on_the_texts_embedded_with_it():
    long_text = "A much longer idea about the venue, the food and the timing. " * 20

    alone = embed([IDEAS[0]])
    in_a_batch = embed([long_text, IDEAS[2], IDEAS[0]])

    np.testing.assert_allclose(alone[0], in_a_batch[2], atol=1e-5)


def test_the_environment_can_force_tfidf(monkeypatch):
    monkeypatch.setenv(ENVIRONMENT_VARIABLE, "tfidf")

    vectors = embed(IDEAS)

    assert model_name() == "tfidf-hashed-v1-2048"
    assert vectors.shape == (3, 2048)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-5)


def test_tfidf_vectors_depend_only_on_their_text():
    alone = embed([IDEAS[0]], backend="tfidf")
    with_others = embed(IDEAS, backend="tfidf")

    np.testing.assert_array_equal(alone[0], with_others[0])


def test_tfidf_finds_shared_words_and_gives_empty_texts_no_direction():
    texts = ["More vegetarian dishes", "vegetarian dishes, more of them", "the"]

    vectors = embed(texts, backend="tfidf")

    assert vectors[0] @ vectors[1] == pytest.approx(1.0, abs=1e-6)
    assert not vectors[2].any()


def test_no_texts_give_no_rows():
    assert embed([], backend="tfidf").shape == (0, 2048)


def test_an_unknown_backend_is_refused_with_the_choices(monkeypatch):
    monkeypatch.setenv(ENVIRONMENT_VARIABLE, "word2vec")

    with pytest.raises(BackendUnavailable, match=r"Unknown text backend 'word2vec'.*minilm"):
        embed(IDEAS)


def test_one_string_instead_of_a_list_is_refused():
    with pytest.raises(TypeError, match="sequence of texts"):
        embed("Record every talk")
