"""Choosing the next pairs for a voter: informative, exploring, never repeated."""

from collections import Counter

import numpy as np
import pytest

from cocreate.engines.ranking import (
    InvalidVotes,
    NoPairsLeft,
    PairChooser,
    PairTotals,
    PairwiseVotes,
    fit,
)


def chooser(strengths, variances):
    return PairChooser(np.array(strengths, dtype=float), np.array(variances, dtype=float))


def test_the_same_state_and_seed_give_the_same_pairs():
    state = chooser([0, 0.5, 1, 1.5, 2], [0.2] * 5)

    assert state.choose(count=4, seen=[], seed=9) == state.choose(count=4, seen=[], seed=9)
    assert state.choose(count=4, seen=[], seed=9) != state.choose(count=4, seen=[], seed=10)


def test_a_voter_never_gets_a_pair_again_in_the_round_in_either_order():
    state = chooser([0, 0.1, 0.2, 0.3], [0.3] * 4)
    seen = [(0, 1), (2, 0), (1, 2)]

    pairs = state.choose(count=10, seen=seen, seed=1)

    unordered = [frozenset(p) for p in pairs]
    assert sorted(map(sorted, unordered)) == [[0, 3], [1, 3], [2, 3]]
    assert len(set(unordered)) == len(unordered)


def test_a_voter_who_has_seen_every_pair_is_told_so():
    state = chooser([0, 1, 2], [0.3] * 3)

    with pytest.raises(NoPairsLeft, match="Every pair of these 3 ideas"):
        state.choose(count=1, seen=[(0, 1), (1, 2), (2, 0)], seed=1)


def test_close_ideas_are_paired_more_often_than_a_foregone_conclusion():
    state = chooser([0, 0.1, 6], [0.3] * 3)

    pairs = Counter(frozenset(state.choose(count=1, seen=[], seed=s)[0]) for s in range(300))

    assert pairs[frozenset((0, 1))] > 4 * pairs[frozenset((0, 2))]
    assert pairs[frozenset((0, 2))] > 0  # exploration keeps every pair possible


def test_a_new_idea_is_shown_more_than_established_ones():
    rng = np.random.default_rng(3)
    records = [(v, *rng.permutation(["a", "b", "c", "d"])[:2]) for v in range(200)]
    votes = PairwiseVotes.from_records(["a", "b", "c", "d", "new"], records)
    state = PairChooser.from_fit(fit(PairTotals.of(votes)))

    shown = Counter(i for s in range(200) for i in state.choose(count=1, seen=[], seed=s)[0])

    assert shown[4] > 2 * max(shown[i] for i in range(4))


def test_one_idea_makes_no_pair():
    with pytest.raises(NoPairsLeft, match="A pair needs two ideas; there are 1"):
        chooser([0], [1]).choose(count=1, seen=[], seed=0)


def test_a_seen_pair_that_is_not_two_of_the_ideas_is_refused():
    with pytest.raises(InvalidVotes, match=r"The pair \(1, 1\) seen is not two different"):
        chooser([0, 1], [1, 1]).choose(count=1, seen=[(1, 1)], seed=0)
