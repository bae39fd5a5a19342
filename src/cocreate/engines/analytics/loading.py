"""Load the listening tables into an in-memory DuckDB database, checking them on the way.

Each table may come as an Arrow table, a Polars frame or the path of a Parquet file. Only
the columns of `schema.TABLES` are kept, in their declared types; rows the dashboards
could not count honestly (an NPS of 11, an unknown source) are refused with their ids.

Loading also derives, once per row, what every dashboard would otherwise recompute on
each page view, so a dashboard's query stays a plain scan of all rows:
- text columns that dashboards group or join by become DuckDB ENUMs (grouping by a small
  integer instead of hashing strings);
- `day`, `week` and `month`: the local date of the row's time and the first days of its
  week and month, in the session's time zone;
- feedback's `answers`: its NPS, CSAT and CES packed into one small number (see
  `ANSWERS_SQL`), so a group counts its answer combinations in one fast pass and the
  statistics follow from those counts;
- `served`: each feedback's staff member, when interactions are loaded (`served_sql`).
"""

from collections.abc import Mapping
from pathlib import Path
from typing import TypeAlias

import duckdb
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from cocreate.engines.analytics.schema import (
    CHOICE_STATUSES,
    CONTRIBUTION_KINDS,
    SOURCES,
    TABLES,
    check_table,
)

# An Arrow table, a Polars frame, or the path of a Parquet file.
Source: TypeAlias = pa.Table | pl.DataFrame | str | Path

# Text columns with few values that dashboards group or join by: ENUMs shared across tables.
ENUM_COLUMNS = ("phase", "touchpoint", "segment", "source", "kind", "status", "option_name")
TIME_COLUMN = {
    "feedback": "submitted_at",
    "interactions": "occurred_at",
    "staff_pulses": "submitted_at",
    "contributions": "occurred_at",
    "design_choices": "chosen_at",
}
# The column that names a row in error messages.
ROW_ID = {
    "feedback": "feedback_id",
    "interactions": "interaction_id",
    "staff_pulses": "staff_id",
    "contributions": "contribution_id",
    "design_choices": "design_id",
}
SQL_TYPES = {"int8": "TINYINT", "int64": "BIGINT", "string": "VARCHAR"}
# NPS + 1 (1-11), CSAT (1-5) and CES (1-7) in three bit fields; 0 where unanswered.
ANSWERS_SQL = (
    "(coalesce(nps::SMALLINT + 1, 0) * 64 + coalesce(csat::SMALLINT, 0) * 8"
    " + coalesce(ces::SMALLINT, 0))::SMALLINT"
)
# The feedback columns unpacked again, null where unanswered.
UNPACKED_SQL = (
    "nullif(answers // 64, 0) - 1 AS nps, nullif(answers // 8 % 8, 0) AS csat, "
    "nullif(answers % 8, 0) AS ces"
)
DEFAULT_WITHIN_DAYS = 30


class UnknownTable(ValueError):
    """A table name the dashboards do not know."""


class InvalidRows(ValueError):
    """Rows whose values the dashboards cannot use; the message names them."""


def quoted(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{v}'" for v in values)


# Per table: (the condition that marks a bad row, what is wrong with it).
CHECKS = {
    "feedback": [
        ("nps NOT BETWEEN 0 AND 10", "an NPS outside 0-10"),
        ("csat NOT BETWEEN 1 AND 5", "a CSAT outside 1-5"),
        ("ces NOT BETWEEN 1 AND 7", "a CES outside 1-7"),
        (f"source NOT IN ({quoted(SOURCES)})", f"a source other than {', '.join(SOURCES)}"),
    ],
    "staff_pulses": [
        ("satisfaction NOT BETWEEN 1 AND 5", "a satisfaction outside 1-5"),
        ("enps NOT BETWEEN 0 AND 10", "an eNPS outside 0-10"),
    ],
    "contributions": [
        (f"kind NOT IN ({quoted(CONTRIBUTION_KINDS)})", "an unknown kind"),
    ],
    "design_choices": [
        (f"status NOT IN ({quoted(CHOICE_STATUSES)})", "an unknown status"),
    ],
}


def schema_of(source: Source) -> pa.Schema:
    if isinstance(source, str | Path):
        return pq.read_schema(source)
    if isinstance(source, pl.DataFrame):
        return source.head(0).to_arrow().schema
    return source.schema


def load(connection: duckdb.DuckDBPyConnection, tables: Mapping[str, Source]) -> None:
    """Create one DuckDB table per entry of `tables`, checked, typed and prepared."""
    for name, source in tables.items():
        if name not in TABLES:
            raise UnknownTable(f"Unknown table {name!r}: use {', '.join(TABLES)}.")
        check_table(name, schema_of(source))
        stage(connection, f"staged_{name}", source)
    for column in ENUM_COLUMNS:
        holders = [name for name in tables if column in TABLES[name].names]
        if holders:
            values = " UNION ".join(
                f"SELECT {column}::VARCHAR FROM staged_{name} WHERE {column} IS NOT NULL"
                for name in holders
            )
            run(connection, f"CREATE TYPE {column}_value AS ENUM ({values})")
    for name in tables:
        columns = ", ".join(
            f"CAST({field.name} AS {sql_type(field)}) AS {field.name}" for field in TABLES[name]
        )
        day = f"CAST({TIME_COLUMN[name]} AS TIMESTAMPTZ)::DATE"
        answers = f", {ANSWERS_SQL} AS answers" if name == "feedback" else ""
        run(
            connection,
            f"""
            CREATE TABLE {name} AS
            SELECT *, date_trunc('week', day)::DATE AS week,
                   date_trunc('month', day)::DATE AS month{answers}
            FROM (SELECT {columns}, {day} AS day FROM staged_{name})
            """,
        )
        run(connection, f"DROP VIEW staged_{name}")
        refuse_bad_rows(connection, name)
    if {"feedback", "interactions"} <= set(tables):
        run(connection, f"CREATE TABLE served AS {served_sql(DEFAULT_WITHIN_DAYS)}")


def served_sql(within_days: int) -> str:
    """Each feedback row with the staff member who served the customer: the one in the
    customer's latest interaction at the same touchpoint before the feedback, at most
    `within_days` earlier. Feedback without such an interaction is left out.

    A plain join, then the latest interaction per feedback: faster here than an ASOF join,
    and cheap while customers have a modest number of interactions per touchpoint.
    """
    return f"""
        SELECT f.feedback_id, arg_max(i.staff_id, i.occurred_at) AS staff_id,
               any_value(f.customer_id) AS customer_id,
               any_value(f.submitted_at) AS submitted_at, any_value(f.day) AS day,
               any_value(f.week) AS week, any_value(f.month) AS month,
               any_value(f.nps) AS nps, any_value(f.csat) AS csat, any_value(f.ces) AS ces
        FROM feedback f JOIN interactions i USING (customer_id, touchpoint)
        WHERE epoch_us(f.submitted_at) - epoch_us(i.occurred_at)
              BETWEEN 0 AND {int(within_days)} * 86400000000
        GROUP BY f.feedback_id
    """


def stage(connection: duckdb.DuckDBPyConnection, view: str, source: Source) -> None:
    if isinstance(source, str | Path):
        connection.read_parquet(str(source)).create_view(view)
    elif isinstance(source, pl.DataFrame):
        connection.from_arrow(source.to_arrow()).create_view(view)
    else:
        connection.from_arrow(source).create_view(view)


def sql_type(field: pa.Field) -> str:
    if field.name in ENUM_COLUMNS:
        return f"{field.name}_value"
    return SQL_TYPES.get(str(field.type), "TIMESTAMPTZ")


def run(connection: duckdb.DuckDBPyConnection, sql: str) -> None:
    connection.execute(sql).fetchall()


def refuse_bad_rows(connection: duckdb.DuckDBPyConnection, name: str) -> None:
    problems = []
    for condition, reason in CHECKS.get(name, []):
        [(count, ids)] = connection.execute(
            f"SELECT count(*), list({ROW_ID[name]} ORDER BY {ROW_ID[name]})[1:5] "
            f"FROM {name} WHERE {condition}"
        ).fetchall()
        if count:
            shown = ", ".join(str(i) for i in ids)
            problems.append(f"{count} with {reason} ({ROW_ID[name]} {shown})")
    if problems:
        raise InvalidRows(
            f"The {name} table has rows the dashboards cannot use: " + "; ".join(problems) + "."
        )
