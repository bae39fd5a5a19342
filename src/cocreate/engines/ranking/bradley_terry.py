"""The Bradley-Terry model fitted by maximum likelihood: idea i beats idea j with
probability 1 / (1 + exp(s_j - s_i)), and the strengths s make the votes most likely.

The fit is Newton's method on the pair totals (not on each vote), with each step solved
by preconditioned conjugate gradients, so it needs a few passes over the pairs that met
rather than many over the votes. It finds the same estimates as choix's
`ilsr_pairwise(alpha=0)` (tests/test_ranking_bradley_terry.py checks that).

Plain maximum likelihood has no finite answer for an idea that never lost (its strength
runs off to infinity) or never won. So every idea also gets `prior` wins and as many losses
against a virtual idea of strength 0. The default, a thousandth of a vote, is too little to
move an idea with real votes (the fit then matches choix's plain maximum likelihood) and
enough to keep an unbeaten idea finite. Its order is kept: an unbeaten idea with ten wins
still ranks above one with two, and an idea nobody has compared yet sits at the level of
the virtual idea, below the winners and above the losers.

Early in a vote, and in bootstrap resamples of few voters, most ideas are unbeaten or
never win; with a thousandth of a vote their strengths are then huge and the fit crawls.
A prior of one vote each way (SPARSE_PRIOR, what All Our Ideas' (wins + 1) / (wins +
losses + 2) also assumes) keeps those fits quick and their strengths sensible, and moves
well-compared ideas little.
"""

from dataclasses import dataclass

import numpy as np
from scipy.sparse.linalg import LinearOperator, cg
from scipy.special import expit, log_expit

from cocreate.engines.ranking.votes import PairTotals

REGULARISATION = 1e-3
SPARSE_PRIOR = 1.0
# Newton stops once no strength moved by more than this: it converges quadratically, so the
# strengths are then within about TOLERANCE^2 (far below choix's 1e-8) of the answer.
TOLERANCE = 1e-6
# Each Newton step is solved to this relative precision: the steps are then inexact by
# a ten-thousandth of their size, which the next step corrects.
STEP_PRECISION = 1e-4
MAX_STEPS = 100


class FitDidNotConverge(ValueError):
    """Newton's method did not settle; with the regularisation this should not happen."""


@dataclass(frozen=True, eq=False)
class BradleyTerryFit:
    """Strengths (log-scale, mean 0) and each idea's Fisher information, which grows with the
    comparisons it took part in; 1 / information approximates the variance of its strength."""

    strengths: np.ndarray
    information: np.ndarray


def fit(
    totals: PairTotals, *, start: np.ndarray | None = None, prior: float = REGULARISATION
) -> BradleyTerryFit:
    """The maximum-likelihood strengths for the pair totals, starting from `start` (a
    previous fit makes a refit take two or three steps), with `prior` virtual wins and
    losses per idea."""
    if totals.ideas == 0:
        return BradleyTerryFit(np.zeros(0), np.zeros(0))
    strengths = np.zeros(totals.ideas) if start is None else start.astype(np.float64)
    likelihood = _log_likelihood(totals, strengths, prior)
    for _ in range(MAX_STEPS):
        gradient, weights, own = _derivatives(totals, strengths, prior)
        step = _newton_step(totals, gradient, weights, own)
        # Halve the step until the likelihood does not fall: from far away a full step can
        # overshoot, near the answer it is always taken.
        scale = 1.0
        while True:
            candidate = strengths + scale * step
            candidate_likelihood = _log_likelihood(totals, candidate, prior)
            if candidate_likelihood >= likelihood or scale < 1e-6:
                break
            scale /= 2
        strengths, likelihood = candidate, candidate_likelihood
        if np.max(np.abs(scale * step), initial=0.0) < TOLERANCE:
            _, weights, own = _derivatives(totals, strengths, prior)
            information = own + _incident_sum(totals, weights)
            return BradleyTerryFit(strengths - strengths.mean(), information)
    raise FitDidNotConverge(f"The Bradley-Terry fit did not settle in {MAX_STEPS} steps.")


def _log_likelihood(totals: PairTotals, strengths: np.ndarray, prior: float) -> float:
    difference = strengths[totals.first] - strengths[totals.second]
    pairs = totals.first_wins * log_expit(difference) + (
        totals.meetings - totals.first_wins
    ) * log_expit(-difference)
    virtual = prior * (log_expit(strengths) + log_expit(-strengths))
    return float(pairs.sum() + virtual.sum())


def _derivatives(
    totals: PairTotals, strengths: np.ndarray, prior: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The gradient, each pair's curvature weight, and each idea's curvature from the
    virtual idea."""
    p = expit(strengths[totals.first] - strengths[totals.second])
    surprise = totals.first_wins - totals.meetings * p
    q = expit(strengths)
    gradient = (
        prior * (1 - 2 * q)
        + np.bincount(totals.first, surprise, totals.ideas)
        - np.bincount(totals.second, surprise, totals.ideas)
    )
    weights = totals.meetings * p * (1 - p)
    own = 2 * prior * q * (1 - q)
    return gradient, weights, own


def _incident_sum(totals: PairTotals, weights: np.ndarray) -> np.ndarray:
    return np.bincount(totals.first, weights, totals.ideas) + np.bincount(
        totals.second, weights, totals.ideas
    )


def _newton_step(
    totals: PairTotals, gradient: np.ndarray, weights: np.ndarray, own: np.ndarray
) -> np.ndarray:
    """Solve (L + diag(own)) step = gradient, L being the pairs' weighted graph Laplacian
    (the negative Hessian), without building the matrix."""
    diagonal = own + _incident_sum(totals, weights)

    def times(vector: np.ndarray) -> np.ndarray:
        return (
            diagonal * vector
            - np.bincount(totals.first, weights * vector[totals.second], totals.ideas)
            - np.bincount(totals.second, weights * vector[totals.first], totals.ideas)
        )

    n = totals.ideas
    matrix = LinearOperator((n, n), matvec=times, dtype=np.float64)
    preconditioner = LinearOperator((n, n), matvec=lambda v: v / diagonal, dtype=np.float64)
    step, _ = cg(matrix, gradient, rtol=STEP_PRECISION, atol=0.0, M=preconditioner, maxiter=10 * n)
    return np.asarray(step)
