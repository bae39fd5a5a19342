"""Ulwick's opportunity scores, their labels and bootstrap intervals, and bad survey input."""

import numpy as np
import pytest

from cocreate.engines.outcomes import (
    Answer,
    InvalidRatings,
    Ratings,
    label,
    opportunity_scores,
)


def survey(importance, satisfaction):
    importance, satisfaction = np.array(importance, np.int8), np.array(satisfaction, np.int8)
    respondents, outcomes = importance.shape
    return Ratings(
        tuple(f"outcome {o}" for o in range(outcomes)),
        tuple(range(respondents)),
        importance,
        satisfaction,
    )


def test_scores_follow_the_top_two_box_formula():
    # Outcome 0: 4 of 5 rate importance 4-5 (8.0), 1 of 5 satisfied (2.0): 8 + 6 = 14.
    # Outcome 1: 2 of 5 important (4.0), 3 of 5 satisfied (6.0): over-served, 4 + 0 = 4.
    ratings = survey(
        [[5, 1], [4, 4], [4, 5], [5, 2], [3, 3]],
        [[1, 4], [2, 5], [3, 4], [4, 1], [2, 2]],
    )

    first, second = opportunity_scores(ratings, rounds=200)

    assert (first.importance, first.satisfaction, first.opportunity) == (8.0, 2.0, 14.0)
    assert (first.label, first.respondents) == ("high", 5)
    assert (second.importance, second.satisfaction, second.opportunity) == (4.0, 6.0, 4.0)
    assert second.label == "over-served"


@pytest.mark.parametrize(
    ("importance", "satisfaction", "expected"),
    [
        (10.0, 4.9, "extreme"),  # 15.1
        (9.0, 3.0, "high"),  # exactly 15
        (7.0, 2.0, "high"),  # exactly 12
        (6.9, 2.0, "worth considering"),  # 11.8
        (6.0, 2.0, "worth considering"),  # exactly 10
        (6.0, 2.1, "appropriately served"),  # 9.9
        (4.0, 6.0, "over-served"),
        (5.0, 5.0, "appropriately served"),
    ],
)
def test_labels_follow_the_bands_with_stated_boundaries(importance, satisfaction, expected):
    opportunity = importance + max(importance - satisfaction, 0)

    assert label(importance, satisfaction, opportunity) == expected


def test_a_score_of_three_fifths_counts_as_exactly_six():
    assert label(6.000000000000001, 2.0, 10.000000000000002) == "worth considering"
    assert label(7.5, 0.0, 15.000000000000002) == "high"


def test_unanswered_questions_are_left_out_of_the_shares():
    ratings = survey([[5], [5], [1], [0]], [[1], [0], [0], [5]])

    (score,) = opportunity_scores(ratings, rounds=50)

    assert score.importance == pytest.approx(10 * 2 / 3)
    assert score.satisfaction == pytest.approx(10 * 1 / 2)
    assert score.respondents == 3


def test_an_outcome_nobody_rated_is_left_out():
    ratings = survey([[5, 0], [4, 0]], [[1, 0], [2, 3]])

    assert [s.outcome for s in opportunity_scores(ratings, rounds=20)] == ["outcome 0"]


def test_intervals_hold_the_estimate_narrow_with_more_respondents_and_repeat_by_seed():
    rng = np.random.default_rng(0)
    few = survey(rng.integers(1, 6, (40, 3)), rng.integers(1, 6, (40, 3)))
    many = survey(rng.integers(1, 6, (4000, 3)), rng.integers(1, 6, (4000, 3)))

    few_scores = opportunity_scores(few, rounds=300, seed=1)
    many_scores = opportunity_scores(many, rounds=300, seed=1)

    for score in few_scores + many_scores:
        interval = score.opportunity_interval
        assert interval.low <= score.opportunity <= interval.high
    width = [s.opportunity_interval.high - s.opportunity_interval.low for s in few_scores]
    narrow = [s.opportunity_interval.high - s.opportunity_interval.low for s in many_scores]
    assert max(narrow) < min(width) / 4
    assert opportunity_scores(few, rounds=300, seed=1) == few_scores


def test_answers_become_ratings_with_skipped_questions_left_empty():
    ratings = Ratings.from_answers(
        ["fast", "cheap"],
        [Answer("ann", "cheap", 5, None), Answer("bob", "fast", 2, 4), Answer("ann", "fast", 1, 1)],
    )

    assert ratings.respondents == ("ann", "bob")
    assert ratings.importance.tolist() == [[1, 5], [2, 0]]
    assert ratings.satisfaction.tolist() == [[1, 0], [4, 0]]


def test_a_rating_outside_the_scale_is_refused_naming_who_and_what():
    with pytest.raises(InvalidRatings, match="'ann' rated the satisfaction of 'fast' 6"):
        Ratings.from_answers(["fast"], [Answer("ann", "fast", 3, 6)])


def test_an_outcome_answered_twice_is_refused():
    answers = [Answer("ann", "fast", 3, 3), Answer("ann", "fast", 5, 1)]

    with pytest.raises(InvalidRatings, match="'ann' answered 'fast' twice"):
        Ratings.from_answers(["fast"], answers)


def test_an_answer_about_an_outcome_not_in_the_survey_is_refused():
    with pytest.raises(InvalidRatings, match="'ann' rated 'slow', which is not in the survey"):
        Ratings.from_answers(["fast"], [Answer("ann", "slow", 3, 3)])


def test_matrices_with_ratings_off_the_scale_are_refused():
    with pytest.raises(
        InvalidRatings, match="Importance ratings are 1 to 5; got 1 on 'outcome 0': 9"
    ):
        survey([[5], [9]], [[1], [1]])
