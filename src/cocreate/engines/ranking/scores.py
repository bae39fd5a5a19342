"""Scores people read, on 0-100: the chance an idea beats a randomly chosen other one, from
the Bradley-Terry fit or as All Our Ideas counts it, and the combination with support votes.
"""

import numpy as np
from scipy.special import expit

# Pairwise votes dominate the combined score: each compares two ideas shown side by side,
# while a support vote mostly tells how long and how often an idea was seen.
SUPPORT_WEIGHT = 0.2
# Rows of the all-pairs comparison computed at a time, to bound memory for many ideas.
BLOCK = 1024


def chance_to_win(strengths: np.ndarray) -> np.ndarray:
    """100 * the average, over every other idea j, of P(i beats j) under Bradley-Terry:
    what All Our Ideas' score estimates, computed from the fitted model."""
    n = len(strengths)
    if n < 2:
        return np.full(n, 50.0)
    chances = np.empty(n)
    for start in range(0, n, BLOCK):
        block = strengths[start : start + BLOCK, None] - strengths[None, :]
        # Each row includes P(i beats i) = 0.5 once; take it out of the average.
        chances[start : start + BLOCK] = (expit(block).sum(axis=1) - 0.5) / (n - 1)
    return 100 * chances


def all_our_ideas_score(wins: np.ndarray, losses: np.ndarray) -> np.ndarray:
    """All Our Ideas' score, (wins + 1) / (wins + losses + 2) * 100: 50 for an idea with
    no decisive votes yet, so results compare with that tool."""
    return (wins + 1) / (wins + losses + 2) * 100


def combined_score(
    chances: np.ndarray, support: np.ndarray, *, support_weight: float = SUPPORT_WEIGHT
) -> np.ndarray:
    """(1 - w) * chance to win + w * support relative to the most supported idea (both
    0-100). With no support votes at all, the chance to win alone."""
    most = support.max(initial=0)
    if most == 0:
        return chances.astype(np.float64)
    return (1 - support_weight) * chances + support_weight * 100 * support / most
