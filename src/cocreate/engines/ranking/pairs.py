"""Which two ideas to show a voter next, chosen to learn the ranking fastest.

A vote teaches most about two ideas whose order is still unsure: their strengths are
uncertain (few comparisons) and close (either could win). So each pair is drawn with
probability growing with the information its vote would bring, p(1 - p) * (var_i + var_j),
p being the chance the first wins. New ideas, with the largest variance, are shown most
until they have a few comparisons (exploration), and a share of the probability is spread
evenly over all pairs so none is starved. Draws come from a seeded generator, so the same
state and seed give the same pairs.
"""

from collections.abc import Collection
from dataclasses import dataclass

import numpy as np
from scipy.special import expit

from cocreate.engines.ranking.bradley_terry import BradleyTerryFit
from cocreate.engines.ranking.votes import InvalidVotes

# Share of draws made uniformly at random, so no pair is starved.
EXPLORATION = 0.1
# An idea with no comparisons has a huge variance (only the regularisation informs it);
# capping the standard deviation at about that of one comparison keeps new ideas frequent
# without showing them to every voter.
MAX_DEVIATION = 2.0


class NoPairsLeft(ValueError):
    """The voter has already seen every pair of the ideas this round."""


@dataclass(frozen=True, eq=False)
class PairChooser:
    """The state pairs are chosen from: strengths and their variances, per idea, usually
    `PairChooser.from_fit(fit(PairTotals.of(votes)))` over all decisive votes so far."""

    strengths: np.ndarray
    variances: np.ndarray

    @classmethod
    def from_fit(cls, fitted: BradleyTerryFit) -> "PairChooser":
        return cls(fitted.strengths, 1 / fitted.information)

    def choose(
        self, *, count: int, seen: Collection[tuple[int, int]], seed: int
    ) -> list[tuple[int, int]]:
        """`count` pairs of idea numbers (left, right), none in `seen` (pairs this voter was
        shown this round, in either order) and none twice; fewer when fewer are left."""
        n = len(self.strengths)
        if n < 2:
            raise NoPairsLeft(f"A pair needs two ideas; there are {n}.")
        first, second = np.triu_indices(n, k=1)
        variance = np.minimum(self.variances, MAX_DEVIATION**2)
        p = expit(self.strengths[first] - self.strengths[second])
        information = p * (1 - p) * (variance[first] + variance[second])
        share = information / max(information.sum(), np.finfo(float).tiny)
        weights = (1 - EXPLORATION) * share + EXPLORATION / len(p)
        # Pair (i, j), i < j, sits at position i * n + j - (i + 1)(i + 2) / 2 of triu_indices.
        for pair in seen:
            i, j = sorted(pair)
            if not 0 <= i < j < n:
                raise InvalidVotes(f"The pair {pair} seen is not two different of the {n} ideas.")
            weights[i * n + j - (i + 1) * (i + 2) // 2] = 0
        if weights.sum() == 0:
            raise NoPairsLeft(f"Every pair of these {n} ideas was already shown this round.")
        rng = np.random.default_rng(seed)
        pairs: list[tuple[int, int]] = []
        while len(pairs) < count and weights.sum() > 0:
            k = int(rng.choice(len(weights), p=weights / weights.sum()))
            weights[k] = 0
            pair = (int(first[k]), int(second[k]))
            pairs.append(pair if rng.random() < 0.5 else (pair[1], pair[0]))
        return pairs
