"""Ulwick's opportunity scores, with bootstrap intervals over respondents.

importance = 10 * the share of respondents rating the outcome's importance 4 or 5 (the
top two boxes), satisfaction likewise, opportunity = importance + max(importance -
satisfaction, 0), on 0-20. Shares count the respondents who answered that question.
"""

from collections.abc import Hashable
from dataclasses import dataclass

import numpy as np

from cocreate.engines.outcomes.ratings import NOT_ANSWERED, TOP_TWO_BOXES, Ratings

# Resamples whose weights are built at once: bounds memory to CHUNK by respondents floats.
CHUNK = 100


@dataclass(frozen=True)
class Interval:
    low: float
    high: float


@dataclass(frozen=True)
class OpportunityScore:
    outcome: Hashable
    importance: float  # 0-10
    satisfaction: float  # 0-10
    opportunity: float  # 0-20
    label: str  # see `label`
    respondents: int  # who rated the outcome's importance
    importance_interval: Interval  # bootstrap percentile intervals over respondents
    satisfaction_interval: Interval
    opportunity_interval: Interval


def label(importance: float, satisfaction: float, opportunity: float) -> str:
    """The issue's bands. Boundaries: above 15 is extreme (15 itself is high), 12 to 15 high,
    10 up to but not including 12 worth considering; below 10, over-served when satisfaction
    exceeds importance, else appropriately served. Scores are rounded to 9 decimals first so
    that 10 * 3/5 counts as 6 however the division rounds."""
    importance, satisfaction, opportunity = (
        round(x, 9) for x in (importance, satisfaction, opportunity)
    )
    if opportunity > 15:
        return "extreme"
    if opportunity >= 12:
        return "high"
    if opportunity >= 10:
        return "worth considering"
    if satisfaction > importance:
        return "over-served"
    return "appropriately served"


def opportunity_scores(
    ratings: Ratings, *, rounds: int = 1000, level: float = 0.95, seed: int = 0
) -> list[OpportunityScore]:
    """The score of every outcome that has at least one importance and one satisfaction
    rating, in the order of `ratings.outcomes`; `rounds` bootstrap resamples of respondents
    give the intervals."""
    answered = (ratings.importance != NOT_ANSWERED).sum(axis=0)
    rated = np.flatnonzero(answered * (ratings.satisfaction != NOT_ANSWERED).sum(axis=0) > 0)
    counts = _counts_matrix(ratings.importance[:, rated], ratings.satisfaction[:, rated])
    importance, satisfaction, opportunity = (s[0] for s in _scores(counts.sum(axis=0)[None]))
    tail = (1 - level) / 2 * 100
    intervals = [
        [Interval(float(low), float(high)) for low, high in zip(*bounds, strict=True)]
        for bounds in (
            np.nanpercentile(sample, [tail, 100 - tail], axis=0)
            for sample in _bootstrap(counts, rounds=rounds, seed=seed)
        )
    ]
    return [
        OpportunityScore(
            outcome=ratings.outcomes[o],
            importance=float(importance[n]),
            satisfaction=float(satisfaction[n]),
            opportunity=float(opportunity[n]),
            label=label(importance[n], satisfaction[n], opportunity[n]),
            respondents=int(answered[o]),
            importance_interval=intervals[0][n],
            satisfaction_interval=intervals[1][n],
            opportunity_interval=intervals[2][n],
        )
        for n, o in enumerate(rated)
    ]


def point_scores(ratings: Ratings) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Importance, satisfaction and opportunity per outcome, without intervals (NaN where
    nobody answered)."""
    counts = _counts_matrix(ratings.importance, ratings.satisfaction)
    importance, satisfaction, opportunity = _scores(counts.sum(axis=0)[None])
    return importance[0], satisfaction[0], opportunity[0]


def _counts_matrix(importance: np.ndarray, satisfaction: np.ndarray) -> np.ndarray:
    """Respondents by (4 * outcomes) indicators: important, answered importance, satisfied,
    answered satisfaction. Summing rows (with weights) gives every share's numerator and
    denominator at once."""
    return np.hstack(
        [
            importance >= TOP_TWO_BOXES,
            importance != NOT_ANSWERED,
            satisfaction >= TOP_TWO_BOXES,
            satisfaction != NOT_ANSWERED,
        ]
    ).astype(np.float32)


def _scores(totals: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Scores from summed indicators, one row per (re)sample."""
    important, asked, satisfied, asked_satisfaction = np.split(totals.astype(np.float64), 4, axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        importance = 10 * important / asked
        satisfaction = 10 * satisfied / asked_satisfaction
    opportunity = importance + np.maximum(importance - satisfaction, 0)
    return importance, satisfaction, opportunity


def _bootstrap(
    counts: np.ndarray, *, rounds: int, seed: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Scores on `rounds` resamples of respondents. A resample is a vector of how often
    each respondent was drawn, so all resamples' totals are one matrix product."""
    rng = np.random.default_rng(seed)
    respondents = counts.shape[0]
    # OpenBLAS runs this product several times faster in this orientation.
    by_column = np.ascontiguousarray(counts.T)
    totals = []
    for start in range(0, rounds, CHUNK):
        size = min(CHUNK, rounds - start)
        draws = rng.integers(0, respondents, (size, respondents))
        offsets = np.arange(size)[:, None] * respondents
        weights = np.bincount((draws + offsets).ravel(), minlength=size * respondents)
        # Counts up to 2^24 are exact in float32, and float32 halves the product's time.
        totals.append((by_column @ weights.reshape(size, respondents).astype(np.float32).T).T)
    return _scores(np.vstack(totals))
