"""The tables behind the dashboards' charts, by name: each page draws them, and the
download link of every chart returns the same table as CSV or Parquet.

`Filters` reads a page's query string (window, period, measure, breakdown...) and
falls back to the default for anything it does not know, so a link typed by hand never
errors. Results that take a model fit (the staff-customer linkage) are kept with the
cached dashboards and computed once per change of the data.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

import polars as pl
from django.utils import timezone

from cocreate.engines import linkage as linkage_engine
from cocreate.engines.analytics import DIMENSIONS
from cocreate.engines.analytics.dashboards import statistics_sql, window
from cocreate.engines.scores import MEASURES, STATISTICS, score_table
from cocreate.listening.engine import Built

WINDOWS = {"90d": "the last 90 days", "12m": "the last 12 months", "all": "all time"}
PERIODS = {"week": "week", "month": "month", "quarter": "quarter"}
CUSTOMER_MEASURES = {"csat": "CSAT (1–5)", "nps": "NPS (0–10)", "ces": "CES (1–7)"}
STAFF_MEASURES = {"satisfaction": "satisfaction (1–5)", "enps": "eNPS (0–10)"}
LAGS = (None, 1, 2)
OUTCOMES = {"csat": "satisfaction", "nps": "likelihood to recommend", "ces": "ease (CES)"}


@dataclass(frozen=True)
class Filters:
    window: str = "12m"
    period: str = "month"
    measure: str = "nps"
    by: str = "touchpoint"
    customer_measure: str = "csat"
    staff_measure: str = "satisfaction"

    @classmethod
    def from_query(cls, query: Mapping[str, str]) -> "Filters":
        allowed = {
            "window": WINDOWS,
            "period": PERIODS,
            "measure": MEASURES,
            "by": [d for d in DIMENSIONS if d != "phase"],
            "customer_measure": CUSTOMER_MEASURES,
            "staff_measure": STAFF_MEASURES,
        }
        given = {
            name: query[name] for name, choices in allowed.items() if query.get(name) in choices
        }
        return replace(cls(), **given)

    def since(self) -> datetime | None:
        days = {"90d": 90, "12m": 365}.get(self.window)
        return timezone.now() - timedelta(days=days) if days else None

    @property
    def window_words(self) -> str:
        return "over " + WINDOWS[self.window] if self.window != "all" else "over all time"

    def query(self, **changes: str) -> str:
        """This filter set as a query string, with some values changed."""
        from urllib.parse import urlencode

        return urlencode({**self.__dict__, **changes})


def overall(built: Built, filters: Filters) -> pl.DataFrame:
    """Every score over all feedback in the window: one row per measure."""
    since = filters.since()
    statistics = built.dashboards.query(
        statistics_sql({"scope": "'all'"}, [], window("submitted_at", since, None)),
        {"since": since} if since else {},
    )
    if statistics.height == 0:  # no feedback at all: one group of zeros
        statistics = pl.DataFrame({"scope": ["all"]}).with_columns(
            pl.lit(0).alias(name) for name in STATISTICS
        )
    return score_table(statistics, ["scope"], built.dashboards.confidence).drop("scope")


def journey(built: Built, filters: Filters) -> pl.DataFrame:
    return built.dashboards.journey(built.phases, since=filters.since())


def trend(built: Built, filters: Filters) -> pl.DataFrame:
    return built.dashboards.score_trend(period=filters.period, since=filters.since())


def scores(built: Built, filters: Filters) -> pl.DataFrame:
    return built.dashboards.scores_by(filters.by, since=filters.since())


def served(built: Built, filters: Filters) -> pl.DataFrame:
    return built.dashboards.served_feedback(
        measure=filters.customer_measure, period=filters.period, since=filters.since()
    )


def staff_overview(built: Built, filters: Filters) -> pl.DataFrame:
    return built.dashboards.staff_overview(
        customer_measure=filters.customer_measure,
        staff_measure=filters.staff_measure,
        period=filters.period,
        since=filters.since(),
    )


def linkages(built: Built, filters: Filters) -> dict[int | None, linkage_engine.Linkage | str]:
    """The link for the whole window and one and two periods later: each a Linkage, or
    the sentence that says why there is none."""
    key = (
        "linkage",
        filters.window,
        filters.period,
        filters.customer_measure,
        filters.staff_measure,
    )
    memo = built.memo
    if key not in memo:
        customers = served(built, filters)
        staff = built.dashboards.staff_scores(
            measure=filters.staff_measure, period=filters.period, since=filters.since()
        )
        found: dict[int | None, linkage_engine.Linkage | str] = {}
        for lag in LAGS:
            try:
                found[lag] = linkage_engine.link_staff_to_customers(
                    customers,
                    staff,
                    lag=lag,
                    period=filters.period,
                    outcome=OUTCOMES[filters.customer_measure],
                    resamples=1000,
                )
            except linkage_engine.NotEnoughData as reason:
                found[lag] = str(reason)
        memo[key] = found
    return memo[key]


def staff_points(built: Built, filters: Filters) -> pl.DataFrame:
    found = linkages(built, filters)[None]
    if isinstance(found, str):
        return pl.DataFrame(
            schema={
                "staff_id": pl.Int64,
                "staff_score": pl.Float64,
                "customer_mean": pl.Float64,
                "customers": pl.UInt32,
            }
        )
    return found.staff_points


def staff_line(built: Built, filters: Filters) -> pl.DataFrame:
    found = linkages(built, filters)[None]
    if isinstance(found, str):
        return pl.DataFrame(
            schema={
                "staff_score": pl.Float64,
                "fitted": pl.Float64,
                "low": pl.Float64,
                "high": pl.Float64,
            }
        )
    return found.fitted_line


def linkage_table(built: Built, filters: Filters) -> pl.DataFrame:
    """Each variant of the link (whole window, one and two periods later) in one table."""
    rows = []
    for lag, found in linkages(built, filters).items():
        if isinstance(found, str):
            continue
        rows.append(
            {
                "lag": lag,
                "slope": found.slope,
                "slope_low": found.slope_low,
                "slope_high": found.slope_high,
                "p_value": found.p_value,
                "icc1": found.icc1,
                "icc2": found.icc2,
                "correlation": found.correlation,
                "correlation_low": found.correlation_low,
                "correlation_high": found.correlation_high,
                "staff_members": found.staff_members,
                "answers": found.answers,
                "converged": found.converged,
                "sentence": found.sentence,
            }
        )
    return (
        pl.DataFrame(rows, schema_overrides={"lag": pl.Int64})
        if rows
        else pl.DataFrame(schema={"lag": pl.Int64, "sentence": pl.String})
    )


def cocreation(built: Built, filters: Filters) -> pl.DataFrame:
    return built.dashboards.cocreation_ratio(period=filters.period, since=filters.since())


def cocreation_by_segment(built: Built, filters: Filters) -> pl.DataFrame:
    frame = cocreation(built, filters)
    sums = ["designs", "ideas", "votes", "challenges", "feedback", "imports", "active", "passive"]
    return (
        frame.group_by("segment")
        .agg(pl.col(c).sum() for c in sums)
        .with_columns(
            (pl.col("active") / (pl.col("active") + pl.col("passive"))).alias("active_share")
        )
        .sort("segment", nulls_last=True)
    )


def cocreation_over_time(built: Built, filters: Filters) -> pl.DataFrame:
    frame = cocreation(built, filters)
    return (
        frame.group_by("period")
        .agg(pl.col("active").sum(), pl.col("passive").sum())
        .with_columns(
            (pl.col("active") / (pl.col("active") + pl.col("passive"))).alias("active_share")
        )
        .sort("period")
    )


def demand(built: Built, filters: Filters) -> pl.DataFrame:
    return built.dashboards.demand_per_option(since=filters.since())


FIGURES: dict[str, tuple[Callable[[Built, Filters], pl.DataFrame], str]] = {
    "overall": (overall, "every score over all feedback"),
    "journey": (journey, "scores and volume per phase"),
    "trend": (trend, "scores per period"),
    "scores": (scores, "scores per touchpoint, segment or source"),
    "served": (served, "customer answers with the staff member who served them"),
    "staff-overview": (staff_overview, "staff scores and their customers' per period"),
    "staff-points": (staff_points, "each staff member's usual score and customers' mean"),
    "staff-line": (staff_line, "the linkage model's line and band"),
    "linkage": (linkage_table, "the linkage model, lagged and not"),
    "cocreation": (cocreation, "active and passive contributions per segment and period"),
    "cocreation-segments": (cocreation_by_segment, "active and passive per segment"),
    "cocreation-trend": (cocreation_over_time, "the active share per period"),
    "demand": (demand, "demand per option of every offering"),
}


def figure(name: str, built: Built, filters: Filters) -> pl.DataFrame | None:
    found = FIGURES.get(name)
    return found[0](built, filters) if found else None


def as_dict(frame: pl.DataFrame) -> list[dict[str, Any]]:
    return frame.to_dicts()
