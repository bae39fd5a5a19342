"""Segments by unmet needs, chosen by silhouette and described by profiles and needs."""

import numpy as np
import pytest

from cocreate.engines.outcomes import Ratings, TooFewRespondents, segment_respondents

ROLES = ("organiser", "speaker", "attendee")


def planted_survey(respondents=90, seed=0):
    """Three groups of respondents, each underserved on its own three of nine outcomes;
    most of each group share a role."""
    rng = np.random.default_rng(seed)
    group = np.arange(respondents) % 3
    importance = rng.integers(1, 4, (respondents, 9))
    satisfaction = rng.integers(3, 6, (respondents, 9))
    for g in range(3):
        importance[group == g, 3 * g : 3 * g + 3] = 5
        satisfaction[group == g, 3 * g : 3 * g + 3] = rng.integers(1, 3, ((group == g).sum(), 3))
    profiles = [
        {"role": ROLES[g] if r % 10 else "guest", "languages": ["en", "fr"] if g == 1 else ["en"]}
        for r, g in enumerate(group)
    ]
    ratings = Ratings(
        tuple(f"outcome {o}" for o in range(9)),
        tuple(f"person {r}" for r in range(respondents)),
        importance.astype(np.int8),
        satisfaction.astype(np.int8),
    )
    return ratings, profiles, group


def test_planted_groups_are_found_with_their_needs_and_roles():
    ratings, profiles, group = planted_survey()

    result = segment_respondents(ratings, profiles, k_range=range(2, 5), seed=1)

    assert result.k == 3
    assert result.silhouettes[3] == max(result.silhouettes.values())
    for segment in result.segments:
        members = [int(str(r).split()[1]) for r in segment.respondents]
        (g,) = set(group[members])
        assert segment.share == pytest.approx(1 / 3)
        assert {t.outcome for t in segment.top_opportunities} == {
            f"outcome {o}" for o in range(3 * g, 3 * g + 3)
        }
        assert all(
            t.opportunity == 20.0 and t.label == "extreme" for t in segment.top_opportunities
        )
        skews = {(s.field, s.value) for s in segment.over_represented}
        assert ("role", ROLES[g]) in skews
        assert ("languages", "fr") in skews if g == 1 else ("languages", "en") not in skews


def test_a_top_opportunity_shows_the_overall_score_beside_the_segments():
    ratings, profiles, _ = planted_survey()

    segment = segment_respondents(ratings, profiles, k_range=range(3, 4)).segments[0]

    assert segment.top_opportunities[0].overall < segment.top_opportunities[0].opportunity


def test_segments_are_numbered_largest_first():
    ratings, profiles, _ = planted_survey(respondents=91)

    result = segment_respondents(ratings, profiles, k_range=range(3, 4))

    sizes = [len(s.respondents) for s in result.segments]
    assert sizes == sorted(sizes, reverse=True)
    assert [s.number for s in result.segments] == [1, 2, 3]


def test_two_respondents_cannot_be_segmented():
    ratings, profiles, _ = planted_survey()
    two = Ratings(
        ratings.outcomes, ratings.respondents[:2], ratings.importance[:2], ratings.satisfaction[:2]
    )

    with pytest.raises(TooFewRespondents, match="at least 3 respondents; there are 2"):
        segment_respondents(two, profiles[:2])


def test_profiles_must_match_the_respondents():
    ratings, profiles, _ = planted_survey()

    with pytest.raises(TooFewRespondents, match="89 profiles were given for 90 respondents"):
        segment_respondents(ratings, profiles[:-1])
