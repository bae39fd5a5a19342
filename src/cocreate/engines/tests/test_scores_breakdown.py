"""Scores per phase, period and journey, with volumes, from a small frame of answers."""

from datetime import UTC, datetime

import polars as pl
import pytest

from cocreate.engines.scores import UnknownPeriod, journey_summary, score_trend, scores_by


def answers() -> pl.DataFrame:
    def at(month: int, day: int) -> datetime:
        return datetime(2025, month, day, 12, tzinfo=UTC)

    return pl.DataFrame(
        {
            "submitted_at": [at(1, 3), at(1, 20), at(1, 21), at(3, 2), at(3, 9)],
            "phase": ["buy", "buy", "use", "use", "buy"],
            "nps": [10, 3, None, 9, None],
            "csat": [5, 4, 2, None, None],
            "ces": [6, None, 2, 7, None],
        },
        schema_overrides={"nps": pl.Int8, "csat": pl.Int8, "ces": pl.Int8},
    )


def test_scores_by_phase_give_one_row_per_phase_and_measure_with_volumes():
    table = scores_by(answers(), "phase")

    assert table.select("phase", "measure", "volume", "n").rows() == [
        ("buy", "nps", 3, 2),
        ("buy", "csat", 3, 2),
        ("buy", "ces", 3, 1),
        ("buy", "ces_share", 3, 1),
        ("use", "nps", 2, 1),
        ("use", "csat", 2, 1),
        ("use", "ces", 2, 2),
        ("use", "ces_share", 2, 2),
    ]
    buy_nps = table.filter(phase="buy", measure="nps").row(0, named=True)
    assert buy_nps["value"] == pytest.approx(0.0)  # one promoter, one detractor


def test_overall_scores_are_one_row_per_measure():
    table = scores_by(answers())

    assert table.select("measure", "volume", "n").rows() == [
        ("nps", 5, 3),
        ("csat", 5, 3),
        ("ces", 5, 3),
        ("ces_share", 5, 3),
    ]


def test_a_trend_shows_months_without_answers_instead_of_skipping_them():
    table = score_trend(answers(), period="month").filter(measure="csat")

    assert table.select("period", "volume", "n", "value").rows() == [
        (datetime(2025, 1, 1).date(), 3, 3, pytest.approx(200 / 3)),
        (datetime(2025, 2, 1).date(), 0, 0, None),
        (datetime(2025, 3, 1).date(), 2, 0, None),
    ]
    assert table["note"][1] == "No answers yet, so no score."


def test_a_trend_per_phase_fills_the_gaps_of_each_phase():
    table = score_trend(answers(), period="month", by="phase").filter(measure="nps")

    assert table.select("phase", "period", "n").rows() == [
        ("buy", datetime(2025, 1, 1).date(), 2),
        ("buy", datetime(2025, 2, 1).date(), 0),
        ("buy", datetime(2025, 3, 1).date(), 0),
        ("use", datetime(2025, 1, 1).date(), 0),
        ("use", datetime(2025, 2, 1).date(), 0),
        ("use", datetime(2025, 3, 1).date(), 1),
    ]


def test_the_journey_follows_the_phase_order_and_keeps_empty_and_unknown_phases():
    data = answers().with_columns(
        pl.when(pl.col("phase") == "use").then(pl.lit("retired")).otherwise("phase").alias("phase")
    )

    table = journey_summary(data, ["discover", "buy", "use"]).filter(measure="csat")

    assert table.select("phase", "volume", "n").rows() == [
        ("discover", 0, 0),
        ("buy", 3, 2),
        ("use", 0, 0),
        ("retired", 2, 1),
    ]


def test_an_unknown_period_is_refused():
    with pytest.raises(UnknownPeriod, match="Unknown period 'fortnight'"):
        score_trend(answers(), period="fortnight")
