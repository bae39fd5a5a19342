"""Listening dashboards at scale: DuckDB queries over the tables of `schema` (feedback,
interactions, staff pulses, contributions, design choices), each returning a Polars
frame for a chart, and CSV or Parquet export of any of them."""

from cocreate.engines.analytics.dashboards import (
    CUSTOMER_MEASURES,
    DIMENSIONS,
    STAFF_MEASURES,
    Dashboards,
    UnknownChoice,
)
from cocreate.engines.analytics.export import UnknownFormat, content_type, export_bytes, export_file
from cocreate.engines.analytics.loading import InvalidRows, UnknownTable
from cocreate.engines.analytics.schema import TABLES, TableMismatch

__all__ = [
    "CUSTOMER_MEASURES",
    "DIMENSIONS",
    "STAFF_MEASURES",
    "TABLES",
    "Dashboards",
    "InvalidRows",
    "TableMismatch",
    "UnknownChoice",
    "UnknownFormat",
    "UnknownTable",
    "content_type",
    "export_bytes",
    "export_file",
]
