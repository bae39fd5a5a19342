"""Confidence intervals for the listening scores, vectorised so a dashboard can attach
them to thousands of groups at once. Each function takes counts (or sums) per group and
returns arrays, NaN where a group has too few answers for an interval.

- NPS: the normal interval from NPS's standard error √[(p_P + p_D - (p_P - p_D)²)/n].
- Shares (CSAT, the CES share of 5-7): the Wilson score interval, which stays inside 0-100
  and is honest for small groups (one answer gives a wide interval, not a point).
- Means (CES): the t interval, mean ± t(n - 1) · s/√n.
"""

from statistics import NormalDist

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy import stats
from statsmodels.stats.proportion import proportion_confint

Floats = NDArray[np.float64]


def normal_quantile(confidence: float) -> float:
    """The two-sided normal critical value: 1.96 for 95%."""
    return NormalDist().inv_cdf(0.5 + confidence / 2)


def nps_interval(
    promoters: ArrayLike, detractors: ArrayLike, n: ArrayLike, confidence: float = 0.95
) -> tuple[Floats, Floats, Floats]:
    """NPS (-100 to 100) with its interval; NaN score when n = 0, NaN interval when n < 2."""
    promoters, detractors, n = (np.asarray(a, dtype=float) for a in (promoters, detractors, n))
    with np.errstate(divide="ignore", invalid="ignore"):
        p_promoter, p_detractor = promoters / n, detractors / n
        value = 100 * (p_promoter - p_detractor)
        variance = (p_promoter + p_detractor - (p_promoter - p_detractor) ** 2) / n
    margin = 100 * normal_quantile(confidence) * np.sqrt(np.maximum(variance, 0))
    margin = np.where(n >= 2, margin, np.nan)
    return value, np.clip(value - margin, -100, 100), np.clip(value + margin, -100, 100)


def share_interval(
    successes: ArrayLike, n: ArrayLike, confidence: float = 0.95
) -> tuple[Floats, Floats, Floats]:
    """A share in percent (0 to 100) with its Wilson interval; NaN when n = 0."""
    successes, n = np.asarray(successes, dtype=float), np.asarray(n, dtype=float)
    answered = n > 0
    safe_n = np.where(answered, n, 1)
    low, high = proportion_confint(successes, safe_n, alpha=1 - confidence, method="wilson")
    with np.errstate(divide="ignore", invalid="ignore"):
        value = 100 * successes / n
    low = np.where(answered, 100 * np.asarray(low, dtype=float), np.nan)
    high = np.where(answered, 100 * np.asarray(high, dtype=float), np.nan)
    return value, low, high


def mean_interval(
    total: ArrayLike,
    total_of_squares: ArrayLike,
    n: ArrayLike,
    confidence: float = 0.95,
    scale: tuple[float, float] = (-np.inf, np.inf),
) -> tuple[Floats, Floats, Floats]:
    """A mean with its t interval, from the sum and sum of squares of the answers.

    NaN mean when n = 0; NaN interval when n < 2 (one answer says nothing about spread).
    The interval is cut to the answer `scale`: a mean of 1-7 answers cannot exceed 7.
    """
    total, squares, n = (np.asarray(a, dtype=float) for a in (total, total_of_squares, n))
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = total / n
        variance = np.maximum(squares - total * mean, 0) / (n - 1)
        margin = stats.t.ppf(0.5 + confidence / 2, n - 1) * np.sqrt(variance / n)
    margin = np.where(n >= 2, margin, np.nan)
    return mean, np.clip(mean - margin, *scale), np.clip(mean + margin, *scale)
