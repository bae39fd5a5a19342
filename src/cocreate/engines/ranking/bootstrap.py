"""How sure the ranking is: refit on resampled voters and take percentile intervals.

Voters, not votes, are resampled, because one person's votes are not independent of each
other (someone who loves one idea picks it every time it appears).
"""

import numpy as np

from cocreate.engines.ranking.bradley_terry import BradleyTerryFit, fit
from cocreate.engines.ranking.scores import chance_to_win
from cocreate.engines.ranking.votes import PairTotals, PairwiseVotes


def bootstrap_chances(
    votes: PairwiseVotes,
    totals: PairTotals,
    full: BradleyTerryFit,
    *,
    rounds: int,
    seed: int,
    prior: float,
) -> np.ndarray:
    """One row per round: each idea's chance (0-100) to beat a randomly chosen other idea,
    fitted on a resample (with replacement) of the voters."""
    rng = np.random.default_rng(seed)
    _, voter_of_vote = np.unique(votes.voters, return_inverse=True)
    voters = int(voter_of_vote.max(initial=-1)) + 1
    rows = np.empty((rounds, votes.ideas))
    for round_ in range(rounds):
        picked = np.bincount(rng.integers(0, voters, voters), minlength=voters)
        resample = totals.reweighted(picked[voter_of_vote].astype(np.float64))
        rows[round_] = chance_to_win(fit(resample, start=full.strengths, prior=prior).strengths)
    return rows


def percentile_interval(rows: np.ndarray, level: float) -> tuple[np.ndarray, np.ndarray]:
    """The central `level` share of each column, e.g. 2.5th-97.5th percentiles for 0.95."""
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(rows, [tail, 100 - tail], axis=0)
    return low, high
