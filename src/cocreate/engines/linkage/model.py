"""Does a staff member's experience predict the experience of the customers they serve?

A multilevel regression with customers nested in staff members (statsmodels `MixedLM`):

    customer score = a + b * (staff mean - centre) + w * (staff score - staff mean)
                     + u[staff member] + e

with a random intercept u per staff member, so customers of one staff member are not
counted as independent evidence. The staff score is split at the staff level (Mundlak's
within-between model): b, the slope reported and put in the sentence, compares staff
members (customer points per point of a staff member's usual score, centred on the mean
over staff members); w compares a staff member with themselves across periods, and exists
only when scores are paired per period (`lag` not None). Beside them: ICC(1) and ICC(2)
(`reliability`) and the staff-level correlation with a cluster-bootstrap interval
(`correlation`), never a naive customer-level correlation.
"""

import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np
import polars as pl
from statsmodels.regression.mixed_linear_model import MixedLM

from cocreate.engines.linkage.correlation import staff_correlation
from cocreate.engines.linkage.pairing import pair_with_staff
from cocreate.engines.linkage.reliability import reliability
from cocreate.engines.linkage.sentence import linkage_sentence
from cocreate.engines.scores.intervals import normal_quantile

MIN_STAFF = 5
LINE_POINTS = 50


class NotEnoughData(ValueError):
    """Too few staff members with both a staff score and customer answers to estimate a link."""


@dataclass(frozen=True, eq=False)
class Linkage:
    """The link between staff and customer experience, ready for a chart and a sentence."""

    slope: float  # b: customer points per point of a staff member's usual score
    slope_low: float  # its confidence interval
    slope_high: float
    p_value: float  # two-sided, for b = 0
    within_slope: float | None  # w: the same staff member, a better period than usual
    within_low: float | None
    within_high: float | None
    icc1: float  # share of customer differences that lies between staff members
    icc2: float  # reliability of staff members' mean customer answers
    correlation: float  # staff-level r: usual staff score vs mean customer answer
    correlation_low: float  # its cluster-bootstrap interval
    correlation_high: float
    staff_members: int
    answers: int  # customer answers in the model
    lag: int | None  # periods between staff and customer scores; None: whole window
    converged: bool  # False when the fit warned it did not converge: read with care
    sentence: str
    staff_points: pl.DataFrame  # staff_id, staff_score, customer_mean, customers
    fitted_line: pl.DataFrame  # staff_score, fitted, low, high: b's line and its band


def link_staff_to_customers(
    customers: pl.DataFrame,
    staff: pl.DataFrame,
    *,
    lag: int | None = None,
    period: str = "month",
    confidence: float = 0.95,
    resamples: int = 2000,
    seed: int = 0,
    outcome: str = "satisfaction",
) -> Linkage:
    """Fit the link from customer answers and staff scores (see `pairing` for the frames).

    `outcome` names what customers rate, for the sentence; `resamples` and `seed` drive the
    bootstrap. Raises NotEnoughData below MIN_STAFF staff members with both kinds of score.
    """
    pairs = pair_with_staff(customers, staff, lag=lag, period=period)
    staff_members = pairs["staff_id"].n_unique()
    if staff_members < MIN_STAFF or pairs.height <= staff_members:
        raise NotEnoughData(
            f"The link needs at least {MIN_STAFF} staff members with both their own score "
            f"and answers from customers they served; there are {staff_members}."
        )
    pairs = pairs.with_columns(pl.col("staff_score").mean().over("staff_id").alias("usual"))
    points = (
        pairs.group_by("staff_id")
        .agg(
            pl.col("usual").first().alias("staff_score"),
            pl.col("customer_score").mean().alias("customer_mean"),
            pl.len().alias("customers"),
        )
        .sort("staff_id")
    )
    centre = float(points["staff_score"].mean())  # type: ignore[arg-type]
    fit, converged = fit_model(pairs, centre)
    z = normal_quantile(confidence)
    slope, low, high = estimate(fit, 1, z)
    within = estimate(fit, 2, z) if len(fit.fe_params) > 2 else (None, None, None)
    found = reliability(pairs["customer_score"].to_numpy(), pairs["staff_id"].to_numpy())
    r = staff_correlation(
        points["staff_score"].to_numpy(),
        points["customer_mean"].to_numpy(),
        confidence=confidence,
        resamples=resamples,
        seed=seed,
    )
    sentence = linkage_sentence(
        slope,
        low,
        high,
        found.icc1,
        confidence=confidence,
        outcome=outcome,
        lag=lag,
        period=period,
    )
    return Linkage(
        slope=slope,
        slope_low=low,
        slope_high=high,
        p_value=float(fit.pvalues[1]),
        within_slope=within[0],
        within_low=within[1],
        within_high=within[2],
        icc1=found.icc1,
        icc2=found.icc2,
        correlation=r.r,
        correlation_low=r.low,
        correlation_high=r.high,
        staff_members=staff_members,
        answers=pairs.height,
        lag=lag,
        converged=converged,
        sentence=sentence,
        staff_points=points,
        fitted_line=fitted_line(fit, points["staff_score"].to_numpy(), centre, z),
    )


def fit_model(pairs: pl.DataFrame, centre: float) -> tuple[Any, bool]:
    """The REML fit, and whether it converged without warnings."""
    usual = pairs["usual"].to_numpy()
    columns = [np.ones(pairs.height), usual - centre]
    within = pairs["staff_score"].to_numpy() - usual
    if np.abs(within).max() > 1e-9:  # scores vary within staff only when paired per period
        columns.append(within)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model = MixedLM(
            pairs["customer_score"].to_numpy(),
            np.column_stack(columns),
            pairs["staff_id"].to_numpy(),
        )
        # Powell first: with one variance to estimate it converged on every data set we
        # tried, where statsmodels' default (BFGS) failed on some lagged pairings and spent
        # seconds retrying other optimisers.
        fit = model.fit(reml=True, method=["powell", "bfgs"])
    warned = any("converge" in str(warning.message).lower() for warning in caught)
    return fit, bool(fit.converged) and not warned


def estimate(fit: Any, index: int, z: float) -> tuple[float, float, float]:
    value, error = float(fit.fe_params[index]), float(fit.bse_fe[index])
    return value, value - z * error, value + z * error


def fitted_line(fit: Any, staff_scores: np.ndarray, centre: float, z: float) -> pl.DataFrame:
    """b's line over the observed usual staff scores, with the band of its mean."""
    grid = np.linspace(staff_scores.min(), staff_scores.max(), LINE_POINTS)
    design = np.column_stack([np.ones_like(grid), grid - centre])
    covariance = np.asarray(fit.cov_params())[:2, :2]  # the intercept and b come first
    fitted = design @ np.asarray(fit.fe_params)[:2]
    margin = z * np.sqrt(np.einsum("ij,jk,ik->i", design, covariance, design))
    return pl.DataFrame(
        {"staff_score": grid, "fitted": fitted, "low": fitted - margin, "high": fitted + margin}
    )
