"""The Bradley-Terry fit: choix's maximum-likelihood estimates, faster, and finite always."""

import choix
import numpy as np
import pytest

from cocreate.engines.ranking import InvalidVotes, PairTotals, PairwiseVotes, fit


def simulated_votes(ideas, votes, seed):
    rng = np.random.default_rng(seed)
    truth = rng.normal(0, 1, ideas)
    first = rng.integers(0, ideas, votes)
    second = (first + rng.integers(1, ideas, votes)) % ideas
    first_wins = rng.random(votes) < 1 / (1 + np.exp(truth[second] - truth[first]))
    return PairwiseVotes(
        ideas,
        voters=rng.integers(0, votes // 20, votes),
        winners=np.where(first_wins, first, second),
        losers=np.where(first_wins, second, first),
    )


def test_the_fit_gives_the_same_strengths_as_choix_maximum_likelihood():
    votes = simulated_votes(ideas=100, votes=5_000, seed=1)

    ours = fit(PairTotals.of(votes)).strengths
    pairs = list(zip(votes.winners.tolist(), votes.losers.tolist(), strict=True))
    reference = choix.ilsr_pairwise(100, pairs, alpha=0)

    np.testing.assert_allclose(ours, reference, atol=1e-3)
    assert ours.mean() == pytest.approx(0, abs=1e-9)


def test_an_unbeaten_idea_stays_finite_and_more_wins_rank_higher():
    # a beats c three times, b beats c once; nobody ever beats a or b.
    votes = PairwiseVotes.from_records(
        ["a", "b", "c"], [(1, "a", "c"), (2, "a", "c"), (3, "a", "c"), (4, "b", "c")]
    )

    strengths = fit(PairTotals.of(votes)).strengths

    assert np.isfinite(strengths).all()
    assert strengths[0] > strengths[1] > strengths[2]


def test_an_idea_nobody_compared_sits_between_winners_and_losers():
    votes = PairwiseVotes.from_records(["a", "b", "new"], [(1, "a", "b"), (2, "a", "b")])

    strengths = fit(PairTotals.of(votes)).strengths

    assert strengths[0] > strengths[2] > strengths[1]


def test_ideas_compared_more_often_have_more_information():
    votes = PairwiseVotes.from_records(
        ["a", "b", "c"], [(1, "a", "b"), (2, "b", "a"), (3, "a", "b"), (4, "b", "c")]
    )

    information = fit(PairTotals.of(votes)).information

    assert information[0] > information[2]


def test_no_votes_leave_every_idea_at_the_average():
    votes = PairwiseVotes.from_records(["a", "b"], [])

    assert fit(PairTotals.of(votes)).strengths.tolist() == [0.0, 0.0]


def test_votes_are_counted_by_idea_and_voters_are_counted_once():
    votes = PairwiseVotes.from_records(
        ["a", "b", "c"], [("ann", "a", "b"), ("ann", "a", "c"), ("bob", "c", "a")]
    )

    assert votes.wins().tolist() == [2, 0, 1]
    assert votes.losses().tolist() == [1, 1, 1]
    assert votes.voter_count() == 2


def test_a_vote_on_an_idea_not_ranked_is_refused():
    with pytest.raises(InvalidVotes, match=r"'ann' names ideas not ranked: \['hidden'\]"):
        PairwiseVotes.from_records(["a", "b"], [("ann", "a", "hidden")])


def test_an_idea_compared_with_itself_is_refused():
    with pytest.raises(InvalidVotes, match=r"Votes \[1\] compare an idea with itself"):
        PairwiseVotes(2, np.array([0, 1]), np.array([0, 1]), np.array([1, 1]))


def test_idea_numbers_outside_the_ranked_ideas_are_refused():
    with pytest.raises(InvalidVotes, match=r"Votes \[0\] name a loser outside the 2 ideas"):
        PairwiseVotes(2, np.array([0]), np.array([0]), np.array([2]))


def test_columns_of_different_lengths_are_refused():
    with pytest.raises(InvalidVotes, match="2 voters, 1 winners and 1 losers"):
        PairwiseVotes(2, np.array([0, 1]), np.array([0]), np.array([1]))
