"""The staff-customer link on seeded simulations with a planted effect (or none)."""

from datetime import date

import numpy as np
import polars as pl
import pytest

from cocreate.engines.linkage import (
    NotEnoughData,
    link_staff_to_customers,
    linkage_sentence,
    reliability,
    staff_correlation,
)

MONTHS = [date(2025, m, 1) for m in range(1, 7)]


def simulate(slope: float, *, staff: int = 60, customers: int = 25, seed: int = 1):
    """Staff with a usual score; each staff member's customers rate
    3.8 + slope * (usual - 3.5) + a staff effect + noise."""
    rng = np.random.default_rng(seed)
    usual = rng.normal(3.5, 0.7, staff)
    extra = rng.normal(0, 0.2, staff)
    who = np.repeat(np.arange(staff), customers)
    score = 3.8 + slope * (usual[who] - 3.5) + extra[who] + rng.normal(0, 0.8, who.size)
    return (
        pl.DataFrame({"staff_id": who, "customer_score": score}),
        pl.DataFrame({"staff_id": np.arange(staff), "staff_score": usual}),
    )


def test_a_planted_effect_is_recovered_with_an_interval_around_it():
    customers, staff = simulate(0.8)

    found = link_staff_to_customers(customers, staff)

    assert found.slope_low < 0.8 < found.slope_high
    assert found.slope_low > 0.5
    assert found.slope_high < 1.1
    assert found.correlation_low > 0.5
    assert 0.2 < found.icc1 < 0.5
    assert found.icc2 > 0.9
    assert (found.staff_members, found.answers, found.converged) == (60, 1500, True)
    assert found.within_slope is None  # one score per staff member: nothing to compare within
    assert found.sentence.startswith(
        "Customers served by staff who rate their experience one point higher give 0."
    )


def test_without_an_effect_the_interval_includes_zero_and_the_sentence_says_so():
    customers, staff = simulate(0.0, seed=4)

    found = link_staff_to_customers(customers, staff)

    assert found.slope_low < 0 < found.slope_high
    assert "the data do not show a link" in found.sentence


def test_a_lag_pairs_staff_scores_with_customers_of_a_later_month():
    # Each month a staff member's pulse moves around their usual level; customers they
    # serve the next month feel that move (0.6 points per point), this month's do not
    # (apart from a small negative bias of within-staff slopes over few periods).
    rng = np.random.default_rng(2)
    staff_ids = np.arange(40)
    swing = rng.normal(0, 0.8, (40, len(MONTHS)))
    pulses = pl.DataFrame(
        [(s, m, 3.5 + swing[s, i]) for s in staff_ids for i, m in enumerate(MONTHS)],
        schema=["staff_id", "period", "staff_score"],
        orient="row",
    )
    rows = []
    for s in staff_ids:
        for i, month in enumerate(MONTHS[1:], start=1):
            for _ in range(15):
                rows.append((s, month, 3.8 + 0.6 * swing[s, i - 1] + rng.normal(0, 0.5)))
    customers = pl.DataFrame(rows, schema=["staff_id", "period", "customer_score"], orient="row")

    next_month = link_staff_to_customers(customers, pulses, lag=1)
    same_month = link_staff_to_customers(customers, pulses, lag=0)

    assert next_month.within_low is not None
    assert next_month.within_high is not None
    assert same_month.within_slope is not None
    assert next_month.within_low < 0.6 < next_month.within_high
    assert abs(same_month.within_slope) < 0.15
    assert "one point higher one month earlier" in next_month.sentence


def test_too_few_staff_members_is_reported_in_words():
    customers, staff = simulate(0.5, staff=3)

    with pytest.raises(NotEnoughData, match=r"at least 5 staff members .* there are 3"):
        link_staff_to_customers(customers, staff)


def test_the_chart_data_has_a_point_per_staff_member_and_a_line_with_a_band():
    customers, staff = simulate(0.8, staff=10, customers=5)

    found = link_staff_to_customers(customers, staff)

    assert found.staff_points.columns == ["staff_id", "staff_score", "customer_mean", "customers"]
    assert found.staff_points["customers"].to_list() == [5] * 10
    line = found.fitted_line
    assert line.height == 50
    assert (line["low"] < line["fitted"]).all()
    assert (line["fitted"] < line["high"]).all()
    assert line["fitted"][-1] > line["fitted"][0]


def test_icc_follows_the_one_way_anova_formulas():
    # Two staff members of two customers each: MSB = 4, MSW = 0.5, k = 2.
    found = reliability([1.0, 2.0, 3.0, 4.0], ["a", "a", "b", "b"])

    assert found.icc1 == pytest.approx((4 - 0.5) / (4 + 0.5))
    assert found.icc2 == pytest.approx((4 - 0.5) / 4)


def test_the_staff_level_correlation_is_seeded_and_brackets_r():
    x = np.array([1, 2, 3, 4, 5, 6, 7, 8.0])
    y = np.array([2, 1, 4, 3, 6, 5, 8, 7.0])

    first, again = staff_correlation(x, y, seed=5), staff_correlation(x, y, seed=5)

    assert first == again
    assert first.low < first.r < first.high <= 1
    assert first.r == pytest.approx(np.corrcoef(x, y)[0, 1])


@pytest.mark.parametrize(
    ("numbers", "sentence"),
    [
        (
            (0.8, 0.5, 1.1, 0.12),
            "Customers served by staff who rate their experience one point higher give 0.8 "
            "points (95% CI 0.5–1.1) higher satisfaction; staff members explain 12% of the "
            "differences between customers.",
        ),
        (
            (-0.3, -0.6, -0.05, 0.04),
            "Customers served by staff who rate their experience one point higher give 0.3 "
            "points (95% CI −0.6–−0.1) lower satisfaction; staff members explain 4% of the "
            "differences between customers.",
        ),
        (
            (0.1, -0.2, 0.4, -0.01),
            "Customers served by staff who rate their experience one point higher give 0.1 "
            "points (95% CI −0.2 to 0.4) higher satisfaction, but the interval includes no "
            "difference at all, so the data do not show a link; staff members explain 0% of "
            "the differences between customers.",
        ),
    ],
)
def test_the_sentence_states_the_effect_and_its_uncertainty(numbers, sentence):
    assert linkage_sentence(*numbers) == sentence
