"""Near-duplicates among ideas, and duplicate groups for the merge tool."""

import numpy as np
import pytest

from cocreate.engines.text import embed, model_name
from cocreate.engines.text.duplicates import (
    MismatchedVectors,
    UnknownModel,
    duplicate_groups,
    find_duplicates,
    threshold_for,
)
from cocreate.engines.text.embedding import minilm_installed


def unit(*rows):
    vectors = np.array(rows, dtype=np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_duplicates_above_the_threshold_come_most_similar_first():
    existing = unit([1, 0, 0], [0.8, 0.6, 0], [0, 1, 0], [0.9, 0.1, 0.4])

    found = find_duplicates(np.array([1, 0, 0]), existing, ["a", "b", "c", "d"], threshold=0.75)

    assert [d.item for d in found] == ["a", "d", "b"]
    assert found[0].item == "a"
    assert found[0].similarity == pytest.approx(1.0)
    assert found[2].similarity == pytest.approx(0.8)


def test_no_more_duplicates_than_the_limit_are_returned():
    existing = unit([1, 0], [1, 0.1], [1, 0.2])

    found = find_duplicates(np.array([1, 0]), existing, [1, 2, 3], threshold=0.5, limit=2)

    assert [d.item for d in found] == [1, 2]


def test_vectors_of_another_model_are_refused():
    with pytest.raises(MismatchedVectors, match="different models"):
        find_duplicates(np.ones(3), unit([1, 0]), ["a"], threshold=0.5)


def test_vectors_that_do_not_match_the_items_are_refused():
    with pytest.raises(MismatchedVectors, match="2 rows of vectors for 3 items"):
        find_duplicates(np.ones(2), unit([1, 0], [0, 1]), ["a", "b", "c"], threshold=0.5)


def test_groups_join_chains_of_duplicates_and_leave_unique_items_out():
    vectors = unit([1, 0, 0], [0.9, 0.44, 0], [0.6, 0.8, 0], [0, 0, 1], [0, 0.1, 1], [-1, 0, 0])

    assert duplicate_groups(vectors, threshold=0.85) == [[0, 1, 2], [3, 4]]


def test_an_empty_set_has_no_groups():
    assert duplicate_groups(np.zeros((0, 3), dtype=np.float32), threshold=0.5) == []


def test_every_model_has_a_threshold_and_others_are_refused():
    assert threshold_for(model_name(backend="tfidf")) == 0.24
    with pytest.raises(UnknownModel, match="'word2vec'"):
        threshold_for("word2vec")


@pytest.mark.skipif(not minilm_installed(), reason="the text extra is not installed")
def test_a_reworded_idea_is_found_and_an_idea_sharing_its_words_is_not():
    existing = [
        "Please put video recordings of all the talks online after the event.",
        "Provide a quiet room for prayer and meditation.",
        "Serve more vegetarian dishes at lunch.",
    ]
    new = "Record every talk and make the videos available to watch later."

    vectors = embed([*existing, new])
    found = find_duplicates(
        vectors[3], vectors[:3], existing, threshold=threshold_for(model_name())
    )

    assert [d.item for d in found] == [existing[0]]
