"""Ranking ideas: intervals from a bootstrap over voters, the All Our Ideas score, support."""

import math

import numpy as np
import pytest

from cocreate.engines.ranking import InvalidVotes, PairwiseVotes, rank_ideas


def landslide(voters):
    """Every voter prefers a to b to c, once per pair; one contrarian in ten reverses a-b."""
    records = []
    for voter in range(voters):
        contrarian = voter % 10 == 0
        records += [
            (voter, "b" if contrarian else "a", "a" if contrarian else "b"),
            (voter, "b", "c"),
            (voter, "a", "c"),
        ]
    return PairwiseVotes.from_records(["a", "b", "c"], records)


def test_ideas_come_best_first_with_their_counts_and_all_our_ideas_score():
    ranking = rank_ideas(["a", "b", "c"], landslide(20), rounds=50)

    assert [i.idea for i in ranking.ideas] == ["a", "b", "c"]
    assert [i.rank for i in ranking.ideas] == [1, 2, 3]
    best = ranking.ideas[0]
    assert (best.wins, best.losses) == (38, 2)
    assert best.all_our_ideas_score == pytest.approx(39 / 42 * 100)
    assert (ranking.voters, ranking.votes) == (20, 60)


def test_the_interval_holds_the_estimate_and_narrows_with_more_voters():
    few = rank_ideas(["a", "b", "c"], landslide(20), rounds=100).ideas[1]
    many = rank_ideas(["a", "b", "c"], landslide(400), rounds=100).ideas[1]

    for idea in (few, many):
        assert idea.chance_low <= idea.chance_to_win <= idea.chance_high
    assert many.chance_high - many.chance_low < (few.chance_high - few.chance_low) / 2


def test_the_same_seed_gives_the_same_intervals():
    votes = landslide(30)

    first = rank_ideas(["a", "b", "c"], votes, rounds=30, seed=4)
    again = rank_ideas(["a", "b", "c"], votes, rounds=30, seed=4)

    assert first == again


def test_support_votes_decide_a_close_race_but_not_a_landslide():
    close_race = PairwiseVotes.from_records(
        ["a", "b"], [(v, "a", "b") for v in range(6)] + [(v, "b", "a") for v in range(6, 10)]
    )

    without = rank_ideas(["a", "b"], close_race, rounds=10)
    supported = rank_ideas(["a", "b"], close_race, support={"b": 30}, rounds=10)
    landslide_supported = rank_ideas(["a", "b", "c"], landslide(20), support={"c": 30}, rounds=10)

    assert [i.idea for i in without.ideas] == ["a", "b"]
    assert [i.idea for i in supported.ideas] == ["b", "a"]
    assert [i.idea for i in landslide_supported.ideas] == ["a", "b", "c"]
    assert landslide_supported.ideas[2].support == 30


def test_an_idea_without_votes_scores_fifty():
    votes = PairwiseVotes.from_records(["a", "b", "new"], [(1, "a", "b")])

    ranking = rank_ideas(["a", "b", "new"], votes, rounds=10)

    new = next(i for i in ranking.ideas if i.idea == "new")
    assert new.all_our_ideas_score == 50
    assert new.wins == new.losses == 0


def test_support_for_an_idea_not_ranked_is_refused():
    with pytest.raises(InvalidVotes, match=r"Support votes name ideas not ranked: \['gone'\]"):
        rank_ideas(["a", "b", "c"], landslide(2), support={"gone": 1}, rounds=1)


def test_votes_about_a_different_list_of_ideas_are_refused():
    votes = PairwiseVotes(4, np.array([0]), np.array([0]), np.array([3]))

    with pytest.raises(InvalidVotes, match="about 4 ideas, but 3 are ranked"):
        rank_ideas(["a", "b", "c"], votes)


def test_a_ranking_from_a_handful_of_votes_is_finite_with_intervals():
    """Early in a round most ideas have one or two votes: unbeaten chains that plain
    maximum likelihood (and its bootstrap refits) cannot rank finitely."""
    votes = PairwiseVotes.from_records(
        ["a", "b", "c", "d", "e", "f"],
        [(1, "a", "b"), (2, "b", "c"), (3, "d", "e"), (3, "a", "c"), (4, "f", "e")],
    )

    ranking = rank_ideas(["a", "b", "c", "d", "e", "f"], votes, rounds=200, seed=0)

    assert [r.idea for r in ranking.ideas][:1] == ["a"]
    assert [r.idea for r in ranking.ideas][-1] in ("c", "e")
    for row in ranking.ideas:
        assert math.isfinite(row.strength)
        assert 0 < row.chance_low <= row.chance_to_win + 1e-9 <= row.chance_high + 2e-9 < 100


def test_an_organisation_with_no_ideas_yet_gets_an_empty_ranking():
    ranking = rank_ideas([], PairwiseVotes.from_records([], []), rounds=10)

    assert (ranking.ideas, ranking.voters, ranking.votes) == ((), 0, 0)
