"""Download the table behind any chart as CSV or Parquet."""

import io
from pathlib import Path

import polars as pl

FORMATS = {"csv": "text/csv", "parquet": "application/vnd.apache.parquet"}


class UnknownFormat(ValueError):
    """An export format other than csv or parquet."""


def content_type(fmt: str) -> str:
    """The media type of an export format, for the download's Content-Type header."""
    if fmt not in FORMATS:
        raise UnknownFormat(f"Unknown export format {fmt!r}: use csv or parquet.")
    return FORMATS[fmt]


def export_bytes(table: pl.DataFrame, fmt: str) -> bytes:
    """The table as a CSV (UTF-8, header row, ISO dates) or Parquet file's bytes."""
    content_type(fmt)
    buffer = io.BytesIO()
    if fmt == "csv":
        table.write_csv(buffer)
    else:
        table.write_parquet(buffer)
    return buffer.getvalue()


def export_file(table: pl.DataFrame, path: str | Path) -> Path:
    """Write the table to `path`, in the format its suffix names (.csv or .parquet)."""
    path = Path(path)
    path.write_bytes(export_bytes(table, path.suffix.lstrip(".").lower()))
    return path
