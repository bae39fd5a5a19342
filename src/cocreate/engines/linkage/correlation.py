"""The staff-level correlation between a staff member's own score and the mean answer of
the customers they served, with a cluster-bootstrap interval.

Customers served by one staff member are not independent of each other, so a
customer-level correlation would overstate the evidence; here each staff member counts
once. The bootstrap resamples whole staff members (clusters) with replacement, keeping
each one's customers together, and reads the interval from the percentiles.
"""

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike


@dataclass(frozen=True)
class Correlation:
    r: float
    low: float
    high: float
    staff_members: int


def pearson_rows(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Pearson's r of each row of x against the same row of y (NaN where a row is flat)."""
    x = x - x.mean(axis=1, keepdims=True)
    y = y - y.mean(axis=1, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        return (x * y).sum(axis=1) / np.sqrt((x * x).sum(axis=1) * (y * y).sum(axis=1))


def staff_correlation(
    staff_scores: ArrayLike,
    customer_means: ArrayLike,
    *,
    confidence: float = 0.95,
    resamples: int = 2000,
    seed: int = 0,
) -> Correlation:
    """r between staff scores and their customers' mean answers, one pair per staff member,
    with a percentile interval from `resamples` cluster-bootstrap samples (seeded)."""
    x, y = np.asarray(staff_scores, dtype=float), np.asarray(customer_means, dtype=float)
    r = float(pearson_rows(x[None, :], y[None, :])[0])
    picks = np.random.default_rng(seed).integers(0, x.size, (resamples, x.size))
    samples = pearson_rows(x[picks], y[picks])
    samples = samples[np.isfinite(samples)]  # a sample of one repeated staff member is flat
    tail = 100 * (1 - confidence) / 2
    low, high = np.percentile(samples, [tail, 100 - tail]) if samples.size else (np.nan, np.nan)
    return Correlation(r=r, low=float(low), high=float(high), staff_members=int(x.size))
