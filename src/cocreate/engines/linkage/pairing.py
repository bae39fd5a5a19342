"""Pair each customer answer with the experience score of the staff member who served
the customer, at the same time or with a lag.

`customers` has one row per customer answer: staff_id, customer_score and, for lagged
pairs, period (as `analytics.Dashboards.served_feedback` returns). `staff` has one row per
staff member and period: staff_id, staff_score and period (`Dashboards.staff_scores`).
"""

import polars as pl

from cocreate.engines.scores import period_interval


class MissingColumns(ValueError):
    """A frame lacks the columns the pairing needs."""


def require(frame: pl.DataFrame, name: str, columns: tuple[str, ...]) -> None:
    missing = [column for column in columns if column not in frame.columns]
    if missing:
        raise MissingColumns(f"The {name} frame lacks the column(s) {', '.join(missing)}.")


def pair_with_staff(
    customers: pl.DataFrame,
    staff: pl.DataFrame,
    *,
    lag: int | None = None,
    period: str = "month",
) -> pl.DataFrame:
    """Customer answers with their server's staff score: staff_id, customer_score, staff_score.

    With `lag` None, each staff member's score is their mean over all periods, paired with
    all their customers' answers. With `lag` k, the staff score of period t is paired with
    the answers of customers they served in period t + k (k = 1: does this month's staff
    experience show in next month's customers?). Answers without a staff score are left out.
    """
    require(customers, "customers", ("staff_id", "customer_score"))
    require(staff, "staff", ("staff_id", "staff_score"))
    if lag is None:
        mean = staff.group_by("staff_id").agg(pl.col("staff_score").mean())
        paired = customers.join(mean, on="staff_id", how="inner")
    else:
        require(customers, "customers", ("period",))
        require(staff, "staff", ("period",))
        unit = period_interval(period).removeprefix("1")  # "1mo" -> "mo"
        shifted = staff.with_columns(pl.col("period").dt.offset_by(f"{lag}{unit}"))
        paired = customers.join(shifted, on=["staff_id", "period"], how="inner")
    return paired.select(
        "staff_id",
        pl.col("customer_score").cast(pl.Float64),
        pl.col("staff_score").cast(pl.Float64),
    ).drop_nulls()
