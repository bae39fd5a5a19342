"""Scores broken down by phase, touchpoint, segment or period, with intervals and volumes.

Two steps, so the same statistics serve a small in-memory set (Polars, here) and the
dashboards over millions of rows (DuckDB, `engines.analytics`):

1. Sufficient statistics per group: a few counts and sums (`STATISTICS`), which is all the
   scores and their intervals need.
2. `score_table` turns them into one row per group and measure, the long shape a chart
   wants: the group's keys, `volume` (feedback rows, text-only ones included), `measure`,
   `n` (answers to that question), `value`, `low`, `high` and `note`.

`responses` frames have the columns of `engines.analytics.schema.FEEDBACK` that are used:
`nps`, `csat`, `ces` (whole numbers or null) and whatever the breakdown groups by.
"""

from collections.abc import Sequence

import polars as pl

from cocreate.engines.scores.intervals import mean_interval, nps_interval, share_interval
from cocreate.engines.scores.measures import (
    CES,
    CES_SHARE,
    CSAT,
    DETRACTOR_UP_TO,
    EASY_FROM,
    MEASURES,
    NPS,
    PROMOTER_FROM,
    SATISFIED_FROM,
    SCALES,
    check_answers,
    note_for,
)

STATISTICS = (
    "volume",
    "nps_n",
    "nps_promoters",
    "nps_detractors",
    "csat_n",
    "csat_satisfied",
    "ces_n",
    "ces_sum",
    "ces_sum_of_squares",
    "ces_easy",
)
SCORE_COLUMNS = ("volume", "measure", "n", "value", "low", "high", "note")
# Named periods and their Polars intervals (weeks start on Monday, as in DuckDB).
PERIODS = {"day": "1d", "week": "1w", "month": "1mo", "quarter": "1q", "year": "1y"}


class UnknownPeriod(ValueError):
    """A period other than day, week, month, quarter or year."""


def statistics_expressions() -> list[pl.Expr]:
    """The sufficient statistics as Polars aggregations (nulls are unanswered questions)."""
    nps, csat, ces = pl.col("nps"), pl.col("csat"), pl.col("ces")
    return [
        pl.len().alias("volume"),
        nps.count().alias("nps_n"),
        (nps >= PROMOTER_FROM).sum().alias("nps_promoters"),
        (nps <= DETRACTOR_UP_TO).sum().alias("nps_detractors"),
        csat.count().alias("csat_n"),
        (csat >= SATISFIED_FROM).sum().alias("csat_satisfied"),
        ces.count().alias("ces_n"),
        ces.cast(pl.Float64).sum().alias("ces_sum"),
        (ces.cast(pl.Float64) ** 2).sum().alias("ces_sum_of_squares"),
        (ces >= EASY_FROM).sum().alias("ces_easy"),
    ]


def sufficient_statistics(responses: pl.DataFrame, keys: Sequence[str]) -> pl.DataFrame:
    """One row per group of `keys` (one row in all when there are none)."""
    for question in ("nps", "csat", "ces"):
        check_answers(question, responses[question].drop_nulls().to_numpy())
    if not keys:
        return responses.select(statistics_expressions())
    groups = responses.group_by(list(keys)).agg(statistics_expressions())
    return groups.sort(list(keys), nulls_last=True)  # a null segment (unknown) comes last


def score_table(
    statistics: pl.DataFrame, keys: Sequence[str], confidence: float = 0.95
) -> pl.DataFrame:
    """The long table of scores: one row per group and measure, in the groups' order."""
    s = {name: statistics[name].fill_null(0).to_numpy() for name in STATISTICS}
    found = {
        NPS: (
            s["nps_n"],
            nps_interval(s["nps_promoters"], s["nps_detractors"], s["nps_n"], confidence),
        ),
        CSAT: (s["csat_n"], share_interval(s["csat_satisfied"], s["csat_n"], confidence)),
        CES: (
            s["ces_n"],
            mean_interval(
                s["ces_sum"], s["ces_sum_of_squares"], s["ces_n"], confidence, SCALES[CES]
            ),
        ),
        CES_SHARE: (s["ces_n"], share_interval(s["ces_easy"], s["ces_n"], confidence)),
    }
    # The group number is selected first so that a table with no keys (one overall row)
    # still has its rows.
    groups = statistics.select(pl.int_range(statistics.height).alias("_group"), *keys).with_columns(
        pl.Series("volume", s["volume"], dtype=pl.Int64)
    )
    parts = []
    for order, measure in enumerate(MEASURES):
        n, (value, low, high) = found[measure]
        notes = [note_for(*row) for row in zip(n.tolist(), value, low, high, strict=True)]
        parts.append(
            groups.with_columns(
                pl.lit(order).alias("_order"),
                pl.lit(measure).alias("measure"),
                pl.Series("n", n, dtype=pl.Int64),
                pl.Series("value", value, dtype=pl.Float64).fill_nan(None),
                pl.Series("low", low, dtype=pl.Float64).fill_nan(None),
                pl.Series("high", high, dtype=pl.Float64).fill_nan(None),
                pl.Series("note", notes, dtype=pl.String),
            )
        )
    return pl.concat(parts).sort("_group", "_order").drop("_group", "_order")


def scores_by(
    responses: pl.DataFrame, by: str | Sequence[str] = (), *, confidence: float = 0.95
) -> pl.DataFrame:
    """Scores per phase, touchpoint, segment (or any columns), or overall when `by` is empty."""
    keys = [by] if isinstance(by, str) else list(by)
    return score_table(sufficient_statistics(responses, keys), keys, confidence)


def score_trend(
    responses: pl.DataFrame,
    *,
    period: str = "month",
    by: str | Sequence[str] = (),
    time_column: str = "submitted_at",
    confidence: float = 0.95,
) -> pl.DataFrame:
    """Scores per period (a `period` column with each period's first day), optionally per group.

    Periods follow the time zone of `time_column`: convert it to the organisation's first.
    """
    keys = [by] if isinstance(by, str) else list(by)
    dated = responses.with_columns(
        pl.col(time_column).dt.truncate(period_interval(period)).dt.date().alias("period")
    )
    return trend_table(sufficient_statistics(dated, [*keys, "period"]), keys, period, confidence)


def journey_summary(
    responses: pl.DataFrame, phases: Sequence[str], *, confidence: float = 0.95
) -> pl.DataFrame:
    """Each phase's scores and volume, in the journey's order (see `journey_table`)."""
    return journey_table(sufficient_statistics(responses, ["phase"]), phases, confidence)


def period_interval(period: str) -> str:
    if period not in PERIODS:
        raise UnknownPeriod(f"Unknown period {period!r}: use one of {', '.join(PERIODS)}.")
    return PERIODS[period]


def trend_table(
    statistics: pl.DataFrame, keys: Sequence[str], period: str, confidence: float = 0.95
) -> pl.DataFrame:
    """`score_table` of statistics per `keys` and `period`, without gaps in time.

    Periods without answers between the first and the last are included with n = 0, so a
    chart shows the gap instead of drawing a line across it.
    """
    keys = list(keys)
    if statistics.height:
        periods = statistics.select(
            pl.date_range(
                pl.col("period").min(), pl.col("period").max(), period_interval(period)
            ).alias("period")
        )
        grid = statistics.select(keys).unique().join(periods, how="cross") if keys else periods
        statistics = grid.join(statistics, on=[*keys, "period"], how="left")
    statistics = statistics.sort([*keys, "period"], nulls_last=True)
    return score_table(statistics, [*keys, "period"], confidence)


def journey_table(
    statistics: pl.DataFrame, phases: Sequence[str], confidence: float = 0.95
) -> pl.DataFrame:
    """`score_table` of statistics per phase, in the journey's order.

    Phases without feedback appear with volume 0; phases in the data but not in `phases`
    (renamed or deleted ones) follow at the end, so no feedback silently disappears.
    """
    extra = sorted(set(statistics["phase"].to_list()) - set(phases))
    order = pl.DataFrame({"phase": [*phases, *extra]}, schema={"phase": pl.String})
    statistics = order.join(statistics, on="phase", how="left", maintain_order="left")
    return score_table(statistics, ["phase"], confidence)
