"""The queries behind every listening dashboard, run by DuckDB over the tables of
`schema` (loaded once, then queried as often as pages are opened).

    dashboards = Dashboards({"feedback": feedback, "interactions": interactions, ...})
    dashboards.scores_by("touchpoint")         # one row per touchpoint and measure
    dashboards.journey(["discover", "choose", "buy", "use", "get help", "stay or leave"])

Every method returns a Polars frame, ready for an Altair chart and for `export`. Score
tables have the long shape of `scores.score_table`: the group's keys, `volume`,
`measure`, `n`, `value`, `low`, `high`, `note`. Periods are the first day of each day,
week, month, quarter or year in the dashboards' time zone; `since` and `until` (aware
datetimes, `until` excluded) narrow any dashboard to a window. A null segment means the
customer's segment is unknown.
"""

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

import duckdb
import polars as pl

from cocreate.engines.analytics.loading import (
    DEFAULT_WITHIN_DAYS,
    UNPACKED_SQL,
    Source,
    load,
    served_sql,
)
from cocreate.engines.scores import journey_table, period_interval, score_table, trend_table
from cocreate.engines.scores.intervals import share_interval
from cocreate.engines.scores.measures import (
    DETRACTOR_UP_TO,
    EASY_FROM,
    PROMOTER_FROM,
    SATISFIED_FROM,
)

DIMENSIONS = ("phase", "touchpoint", "segment", "source")
CUSTOMER_MEASURES = ("nps", "csat", "ces")
STAFF_MEASURES = ("satisfaction", "enps")


def statistics_sql(keys: Mapping[str, str], columns: Sequence[str], where: str) -> str:
    """The sufficient statistics of `scores.breakdown.STATISTICS` per group, in SQL.

    First each group of feedback `columns` counts its combinations of packed `answers`
    (one fast pass over all rows); the statistics then follow from those few counts.
    `keys` names the output groups: alias -> SQL expression over `columns`.
    """
    grouped = "".join(f"{column}, " for column in columns)
    named = "".join(f"{expression} AS {alias}, " for alias, expression in keys.items())
    return f"""
        WITH counted AS (
            SELECT {grouped}answers, count(*) AS rows FROM feedback WHERE {where}
            GROUP BY ALL
        ), unpacked AS (SELECT *, {UNPACKED_SQL} FROM counted)
        SELECT {named}
            sum(rows)::BIGINT AS volume,
            coalesce(sum(rows) FILTER (nps IS NOT NULL), 0)::BIGINT AS nps_n,
            coalesce(sum(rows) FILTER (nps >= {PROMOTER_FROM}), 0)::BIGINT AS nps_promoters,
            coalesce(sum(rows) FILTER (nps <= {DETRACTOR_UP_TO}), 0)::BIGINT AS nps_detractors,
            coalesce(sum(rows) FILTER (csat IS NOT NULL), 0)::BIGINT AS csat_n,
            coalesce(sum(rows) FILTER (csat >= {SATISFIED_FROM}), 0)::BIGINT AS csat_satisfied,
            coalesce(sum(rows) FILTER (ces IS NOT NULL), 0)::BIGINT AS ces_n,
            coalesce(sum(rows * ces), 0)::DOUBLE AS ces_sum,
            coalesce(sum(rows * ces * ces), 0)::DOUBLE AS ces_sum_of_squares,
            coalesce(sum(rows) FILTER (ces >= {EASY_FROM}), 0)::BIGINT AS ces_easy
        FROM unpacked GROUP BY ALL
    """


class UnknownChoice(ValueError):
    """A dimension, measure or table the dashboards do not have."""


def choose(value: str, allowed: Sequence[str], what: str) -> str:
    if value not in allowed:
        raise UnknownChoice(f"Unknown {what} {value!r}: use one of {', '.join(allowed)}.")
    return value


def period_column(period: str) -> str:
    """The prepared date column (see `loading`) that a period is cut from."""
    period_interval(period)  # refuses unknown periods
    return {"day": "day", "week": "week"}.get(period, "month")


def truncated(column: str, period: str) -> str:
    """The first day of the period of a date column, as an SQL expression."""
    return f"date_trunc('{period}', {column})::DATE"


def window(column: str, since: datetime | None, until: datetime | None) -> str:
    """A WHERE condition for the window, with $since and $until as parameters."""
    parts = ["TRUE"]
    if since is not None:
        parts.append(f"{column} >= $since")
    if until is not None:
        parts.append(f"{column} < $until")
    return " AND ".join(parts)


def bounds(since: datetime | None, until: datetime | None) -> dict[str, datetime]:
    return {key: at for key, at in (("since", since), ("until", until)) if at is not None}


class Dashboards:
    """An in-memory DuckDB database of one organisation's listening tables.

    `tables` maps table names of `schema.TABLES` to Arrow tables, Polars frames or
    Parquet paths; a dashboard that needs a table not given says so. `time_zone` (an IANA
    name) decides where days and months begin. Safe to share between threads.
    """

    def __init__(
        self,
        tables: Mapping[str, Source],
        *,
        time_zone: str = "UTC",
        confidence: float = 0.95,
        threads: int | None = None,
    ) -> None:
        self.connection = duckdb.connect()
        if threads:
            self.connection.execute(f"SET threads = {int(threads)}").fetchall()
        self.connection.execute("SET TimeZone = $zone", {"zone": time_zone}).fetchall()
        self.confidence = confidence
        load(self.connection, tables)
        self.tables = set(tables)

    def query(self, sql: str, parameters: Mapping[str, Any] | None = None) -> pl.DataFrame:
        # A cursor per query, so threads serving pages can share one Dashboards. Local
        # dates were fixed at load, so a cursor's own time zone does not matter.
        cursor = self.connection.cursor()
        try:
            return cursor.sql(sql, params=dict(parameters or {})).pl()
        finally:
            cursor.close()

    def needs(self, *names: str) -> None:
        missing = [name for name in names if name not in self.tables]
        if missing:
            raise UnknownChoice(f"This dashboard needs the {', '.join(missing)} table(s).")

    # Scores

    def scores_by(
        self, dimension: str, *, since: datetime | None = None, until: datetime | None = None
    ) -> pl.DataFrame:
        """NPS, CSAT, CES and the CES share per phase, touchpoint, segment or source."""
        self.needs("feedback")
        key = choose(dimension, DIMENSIONS, "dimension")
        statistics = self.query(
            statistics_sql({key: f"{key}::VARCHAR"}, [key], window("submitted_at", since, until))
            + f" ORDER BY {key}",
            bounds(since, until),
        )
        return score_table(statistics, [key], self.confidence)

    def score_trend(
        self,
        *,
        period: str = "month",
        by: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> pl.DataFrame:
        """Scores per period (and per `by` dimension), periods without answers included."""
        self.needs("feedback")
        keys = [choose(by, DIMENSIONS, "dimension")] if by else []
        column = period_column(period)
        groups = {key: f"{key}::VARCHAR" for key in keys} | {"period": truncated(column, period)}
        statistics = self.query(
            statistics_sql(groups, [*keys, column], window("submitted_at", since, until)),
            bounds(since, until),
        )
        return trend_table(statistics, keys, period, self.confidence)

    def journey(
        self,
        phases: Sequence[str],
        *,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> pl.DataFrame:
        """Each phase's scores and volume in the journey's order (see `scores.journey_table`)."""
        self.needs("feedback")
        statistics = self.query(
            statistics_sql(
                {"phase": "phase::VARCHAR"}, ["phase"], window("submitted_at", since, until)
            ),
            bounds(since, until),
        )
        return journey_table(statistics, phases, self.confidence)

    # Staff and the customers they serve

    def served_feedback(
        self,
        *,
        measure: str = "csat",
        period: str = "month",
        within_days: int = DEFAULT_WITHIN_DAYS,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> pl.DataFrame:
        """Customer answers with the staff member who served them: the input of `linkage`.

        The staff member is the one in the customer's latest interaction at the same
        touchpoint before the feedback, at most `within_days` earlier (see
        `loading.served_sql`; the default window is linked once, at load). Feedback
        without such an interaction is left out. Columns: staff_id, customer_id,
        feedback_id, period, customer_score.
        """
        self.needs("feedback", "interactions")
        column = choose(measure, CUSTOMER_MEASURES, "customer measure")
        served = "served" if within_days == DEFAULT_WITHIN_DAYS else f"({served_sql(within_days)})"
        return self.query(
            f"""
            SELECT staff_id, customer_id, feedback_id,
                   {truncated(period_column(period), period)} AS period,
                   {column}::DOUBLE AS customer_score
            FROM {served}
            WHERE {column} IS NOT NULL AND {window("submitted_at", since, until)}
            ORDER BY feedback_id
            """,
            bounds(since, until),
        )

    def staff_scores(
        self,
        *,
        measure: str = "satisfaction",
        period: str | None = "month",
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> pl.DataFrame:
        """Each staff member's mean pulse answer per period (or over the window when
        `period` is None). Columns: staff_id, [period,] staff_score, answers."""
        self.needs("staff_pulses")
        column = choose(measure, STAFF_MEASURES, "staff measure")
        grouping = f", {truncated(period_column(period), period)} AS period" if period else ""
        return self.query(
            f"""
            SELECT staff_id{grouping}, avg({column}) AS staff_score, count(*) AS answers
            FROM staff_pulses
            WHERE {column} IS NOT NULL AND {window("submitted_at", since, until)}
            GROUP BY ALL ORDER BY ALL
            """,
            bounds(since, until),
        )

    def staff_overview(
        self,
        *,
        customer_measure: str = "csat",
        staff_measure: str = "satisfaction",
        period: str = "month",
        within_days: int = DEFAULT_WITHIN_DAYS,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> pl.DataFrame:
        """Per staff member and period: their pulse score and the customers they served.

        Columns: staff_id, period, staff_score, answers (pulse answers), customers
        (answers from customers they served), customer_mean. A side is null or 0 where
        only the other has data.
        """
        served = self.served_feedback(
            measure=customer_measure,
            period=period,
            within_days=within_days,
            since=since,
            until=until,
        )
        staff = self.staff_scores(measure=staff_measure, period=period, since=since, until=until)
        customers = served.group_by("staff_id", "period").agg(
            pl.len().alias("customers"), pl.col("customer_score").mean().alias("customer_mean")
        )
        return (
            staff.join(customers, on=["staff_id", "period"], how="full", coalesce=True)
            .with_columns(pl.col("customers").fill_null(0).cast(pl.Int64))
            .sort("staff_id", "period")
        )

    # What customers value

    def cocreation_ratio(
        self,
        *,
        period: str = "month",
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> pl.DataFrame:
        """Active contributions against passive signals, per segment and period.

        Columns: segment, period, designs, ideas, votes, challenges, feedback (forms and
        API), imports (tickets, reviews, mentions), active, passive, active_share
        (active / (active + passive)) and ratio (active / passive; null without passive
        signals).
        """
        self.needs("feedback", "contributions")
        column = period_column(period)
        return self.query(
            f"""
            WITH active AS (
                SELECT segment, {column}, kind, count(*) AS rows
                FROM contributions WHERE {window("occurred_at", since, until)}
                GROUP BY ALL
            ), passive AS (
                SELECT segment, {column}, source = 'import' AS imported, count(*) AS rows
                FROM feedback WHERE {window("submitted_at", since, until)}
                GROUP BY ALL
            ), active_per_period AS (
                SELECT segment::VARCHAR AS segment, {truncated(column, period)} AS period,
                       sum(rows) FILTER (kind = 'design') AS designs,
                       sum(rows) FILTER (kind = 'idea') AS ideas,
                       sum(rows) FILTER (kind = 'vote') AS votes,
                       sum(rows) FILTER (kind = 'challenge') AS challenges
                FROM active GROUP BY ALL
            ), passive_per_period AS (
                SELECT segment::VARCHAR AS segment, {truncated(column, period)} AS period,
                       sum(rows) FILTER (NOT imported) AS feedback,
                       sum(rows) FILTER (imported) AS imports
                FROM passive GROUP BY ALL
            ), joined AS (
                SELECT coalesce(a.segment, p.segment) AS segment,
                       coalesce(a.period, p.period) AS period,
                       coalesce(designs, 0)::BIGINT AS designs,
                       coalesce(ideas, 0)::BIGINT AS ideas,
                       coalesce(votes, 0)::BIGINT AS votes,
                       coalesce(challenges, 0)::BIGINT AS challenges,
                       coalesce(feedback, 0)::BIGINT AS feedback,
                       coalesce(imports, 0)::BIGINT AS imports
                FROM active_per_period a FULL JOIN passive_per_period p
                  ON a.segment IS NOT DISTINCT FROM p.segment AND a.period = p.period
            )
            SELECT *, designs + ideas + votes + challenges AS active,
                   feedback + imports AS passive,
                   active / (active + passive) AS active_share,
                   CASE WHEN passive > 0 THEN active / passive END AS ratio
            FROM joined ORDER BY segment NULLS LAST, period
            """,
            bounds(since, until),
        )

    def demand_per_option(
        self,
        *,
        by_segment: bool = False,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> pl.DataFrame:
        """How often each option was chosen in submitted experience designs.

        Columns: [segment,] offering_id, option_id, option_name, chosen (designs with the
        option), confirmed, waitlisted (demand beyond capacity), designs (of the offering),
        and share (chosen / designs, in percent) with its Wilson interval share_low-share_high.
        Most chosen first within each offering.
        """
        self.needs("design_choices")
        keys = "segment, offering_id" if by_segment else "offering_id"
        named = "segment::VARCHAR AS segment, offering_id" if by_segment else "offering_id"
        frame = self.query(
            f"""
            WITH chosen AS (
                SELECT * FROM design_choices WHERE {window("chosen_at", since, until)}
            ), counted AS (
                SELECT {keys}, option_id, status, any_value(option_name) AS option_name,
                       count(*) AS rows
                FROM chosen GROUP BY ALL
            ), designs AS (
                SELECT {keys}, count(DISTINCT design_id) AS designs FROM chosen GROUP BY ALL
            )
            SELECT {named}, option_id, any_value(option_name)::VARCHAR AS option_name,
                   sum(rows)::BIGINT AS chosen,
                   coalesce(sum(rows) FILTER (status = 'confirmed'), 0)::BIGINT AS confirmed,
                   coalesce(sum(rows) FILTER (status = 'waitlisted'), 0)::BIGINT AS waitlisted,
                   any_value(designs) AS designs
            FROM counted JOIN designs USING ({keys})
            GROUP BY {keys}, option_id
            ORDER BY {keys}, chosen DESC, option_id
            """,
            bounds(since, until),
        )
        share, low, high = share_interval(frame["chosen"], frame["designs"], self.confidence)
        return frame.with_columns(
            pl.Series("share", share), pl.Series("share_low", low), pl.Series("share_high", high)
        )
