"""CSV and Parquet downloads of a dashboard's table."""

import io
from datetime import date

import polars as pl
import pytest

from cocreate.engines.analytics import UnknownFormat, content_type, export_bytes

TABLE = pl.DataFrame(
    {
        "period": [date(2025, 1, 1), date(2025, 2, 1)],
        "measure": ["nps", "nps"],
        "value": [12.5, None],
    }
)


def test_csv_has_a_header_and_iso_dates():
    assert export_bytes(TABLE, "csv").decode() == (
        "period,measure,value\n2025-01-01,nps,12.5\n2025-02-01,nps,\n"
    )
    assert content_type("csv") == "text/csv"


def test_parquet_round_trips_the_table():
    assert pl.read_parquet(io.BytesIO(export_bytes(TABLE, "parquet"))).equals(TABLE)


def test_an_unknown_format_is_refused():
    with pytest.raises(UnknownFormat, match="Unknown export format 'xlsx'"):
        export_bytes(TABLE, "xlsx")
