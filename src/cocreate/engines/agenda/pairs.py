"""Pairwise co-interest: what two sessions cost attendees when they overlap."""

import numpy as np

from .problem import Problem


def pair_losses(problem: Problem) -> np.ndarray:
    """`P[i, j]`: the wish weight lost when sessions i and j overlap, each attendee who
    wants both attending the heavier and losing the lighter. Summed over the pairs placed
    together this overstates the loss only for attendees with three or more wanted
    sessions in one slot, so it is a close, cautious stand-in for the exact value.

    min(a, b) is the sum over weight levels l of (l - previous level) * [a >= l][b >= l],
    so the matrix is a few sparse products rather than a loop over attendees."""
    wishes = problem.wishes
    losses = np.zeros((problem.n_sessions, problem.n_sessions))
    previous = 0.0
    for level in np.unique(wishes.data):
        reaches = (wishes >= level).astype(np.float64)
        losses += (level - previous) * (reaches @ reaches.T).toarray()
        previous = float(level)
    np.fill_diagonal(losses, 0.0)
    return losses
