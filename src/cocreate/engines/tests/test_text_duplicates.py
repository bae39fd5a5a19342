"""Near-duplicates among ideas, and duplicate groups for the merge tool."""

import numpy as np
import pytest

from cocreate.engines.text import embed, model_name, what_is_asked
from cocreate.engines.text.duplicates import (
    MismatchedVectors,
    UnknownModel,
    calibration_for,
    duplicate_groups,
    find_duplicates,
    neighbourhoods,
    threshold_for,
)
from cocreate.engines.text.embedding import minilm_installed

TFIDF = model_name(backend="tfidf")


def unit(*rows):
    vectors = np.array(rows, dtype=np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_the_framing_of_a_request_is_left_out():
    assert what_is_asked("Could you record every talk?") == "Record every talk"
    assert what_is_asked("Idea: please, record every talk.") == "Record every talk"
    assert what_is_asked("It would be great if you could record every talk!") == "Record every talk"
    assert what_is_asked("Why not stream the keynotes") == "Stream the keynotes"
    assert what_is_asked("Record every talk") == "Record every talk"


def test_a_text_that_is_only_framing_is_kept_whole():
    assert what_is_asked("Idea:") == "Idea:"


def test_a_neighbourhood_is_the_mean_similarity_to_the_nearest_others():
    vectors = unit([1, 0], [1, 0], [0, 1], [-1, 0])

    found = neighbourhoods(vectors, floor=-1, neighbours=2)

    np.testing.assert_allclose(found, [0.5, 0.5, 0.0, -0.5], atol=1e-6)


def test_a_neighbourhood_is_never_sparser_than_the_floor():
    vectors = unit([1, 0], [1, 0], [0, 1], [-1, 0])

    found = neighbourhoods(vectors, floor=0.2, neighbours=2)

    np.testing.assert_allclose(found, [0.5, 0.5, 0.2, 0.2], atol=1e-6)


def test_missing_neighbours_count_at_the_floor():
    found = neighbourhoods(unit([1, 0], [0.6, 0.8]), floor=0.3, neighbours=3)

    np.testing.assert_allclose(found, [(0.6 + 0.3 + 0.3) / 3] * 2, atol=1e-6)


def test_duplicates_come_highest_score_first_with_their_similarity():
    existing = unit([1, 0, 0], [0.8, 0.6, 0], [0, 1, 0], [0.9, 0.1, 0.4])

    found = find_duplicates(
        np.array([1, 0, 0]), existing, ["a", "b", "c", "d"], model=TFIDF, threshold=-0.5
    )

    assert [d.item for d in found] == ["a", "d", "b"]
    assert found[0].similarity == pytest.approx(1.0)
    assert found[2].similarity == pytest.approx(0.8)
    assert found[0].score > found[1].score > found[2].score


def test_closeness_counts_less_in_a_crowded_subject():
    """b, x and y are closer to the new text than d is, but also to each other."""
    existing = unit(
        [1, 0.1, 0, 0],
        [1, 0, 0.1, 0],
        [1, 0.1, 0.1, 0],
        [0, 0, 0.2, 1],
        [0, 1, 0, 0],
        [0, 0, 1, -0.3],
    )
    new = unit([0.7, 0, 0.2, 0.65])[0]

    found = find_duplicates(new, existing, list("bxyduv"), model=TFIDF, threshold=0)

    assert [(d.item, round(d.similarity, 2)) for d in found] == [
        ("d", 0.69),
        ("x", 0.73),
        ("y", 0.73),
        ("b", 0.71),
    ]


def test_no_more_duplicates_than_the_limit_are_returned():
    existing = unit([1, 0], [1, 0.1], [1, 0.2])

    found = find_duplicates(
        np.array([1, 0]), existing, [1, 2, 3], model=TFIDF, threshold=-1, limit=2
    )

    assert [d.item for d in found] == [1, 2]


def test_nothing_existing_finds_nothing():
    found = find_duplicates(np.ones(2), np.zeros((0, 2)), list[str](), model=TFIDF)

    assert found == []


def test_vectors_of_another_model_are_refused():
    with pytest.raises(MismatchedVectors, match="different models"):
        find_duplicates(np.ones(3), unit([1, 0]), ["a"], model=TFIDF)


def test_vectors_that_do_not_match_the_items_are_refused():
    with pytest.raises(MismatchedVectors, match="2 rows of vectors for 3 items"):
        find_duplicates(np.ones(2), unit([1, 0], [0, 1]), ["a", "b", "c"], model=TFIDF)


def test_groups_join_chains_of_duplicates_and_leave_unique_items_out():
    vectors = unit([1, 0, 0], [0.9, 0.44, 0], [0.6, 0.8, 0], [0, 0, 1], [0, 0.1, 1], [-1, 0, 0])

    assert duplicate_groups(vectors, model=TFIDF, threshold=0.6) == [[0, 1, 2], [3, 4]]


def test_an_empty_set_has_no_groups():
    assert duplicate_groups(np.zeros((0, 3), dtype=np.float32), model=TFIDF) == []


def test_every_model_has_a_calibration_and_others_are_refused():
    assert threshold_for(TFIDF) == calibration_for(TFIDF).threshold == -0.07
    with pytest.raises(UnknownModel, match="'word2vec'"):
        threshold_for("word2vec")


@pytest.mark.skipif(not minilm_installed(), reason="the text extra is not installed")
def test_a_reworded_idea_comes_first_and_ideas_on_other_subjects_are_left_out():
    existing = [
        "Please put video recordings of all the talks online after the event.",
        "Stream the talks live for people who cannot come.",
        "Share the speakers' slides after each talk.",
        "Provide a quiet room for prayer and meditation.",
        "Serve more vegetarian dishes at lunch.",
        "Make the breaks between sessions longer.",
        "Let attendees rate each talk in the app.",
    ]
    new = "Could you record every talk and make the videos available to watch later?"

    vectors = embed([what_is_asked(t) for t in [*existing, new]])
    found = [
        d.item for d in find_duplicates(vectors[-1], vectors[:-1], existing, model=model_name())
    ]

    assert found[0] == existing[0]
    assert set(found).isdisjoint(existing[3:])
