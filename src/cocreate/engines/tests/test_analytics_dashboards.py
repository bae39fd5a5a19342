"""The listening dashboards on DuckDB, over small tables whose answers are known."""

from datetime import UTC, datetime, timedelta

import numpy as np
import polars as pl
import pytest

from cocreate.engines.analytics import (
    Dashboards,
    InvalidRows,
    TableMismatch,
    UnknownChoice,
    export_file,
)
from cocreate.engines.scores import score_trend, scores_by

T0 = datetime(2025, 3, 1, 9, tzinfo=UTC)


def feedback(rows: list[dict]) -> pl.DataFrame:
    defaults = {
        "customer_id": None,
        "segment": None,
        "source": "form",
        "nps": None,
        "csat": None,
        "ces": None,
        "phase": "use",
        "touchpoint": "app",
    }
    filled = [{**defaults, "feedback_id": i, **row} for i, row in enumerate(rows)]
    return pl.DataFrame(
        filled,
        schema={
            "feedback_id": pl.Int64,
            "customer_id": pl.Int64,
            "submitted_at": pl.Datetime("us", "UTC"),
            "phase": pl.String,
            "touchpoint": pl.String,
            "segment": pl.String,
            "source": pl.String,
            "nps": pl.Int8,
            "csat": pl.Int8,
            "ces": pl.Int8,
        },
    )


def interactions(rows: list[tuple[int, int, str, datetime]]) -> pl.DataFrame:
    return pl.DataFrame(
        [(i, *row) for i, row in enumerate(rows)],
        schema={
            "interaction_id": pl.Int64,
            "staff_id": pl.Int64,
            "customer_id": pl.Int64,
            "touchpoint": pl.String,
            "occurred_at": pl.Datetime("us", "UTC"),
        },
        orient="row",
    )


def random_feedback(rows: int, seed: int = 3) -> pl.DataFrame:
    rng = np.random.default_rng(seed)

    def maybe(values: np.ndarray) -> list:
        return [None if rng.random() < 0.3 else int(v) for v in values]

    return feedback(
        [
            {
                "submitted_at": T0 + timedelta(hours=int(h)),
                "phase": p,
                "touchpoint": t,
                "segment": s,
                "nps": n,
                "csat": c,
                "ces": e,
            }
            for h, p, t, s, n, c, e in zip(
                rng.integers(0, 24 * 120, rows),
                rng.choice(["discover", "buy", "use"], rows),
                rng.choice(["web", "shop", "app", "phone"], rows),
                [[None, "students", "families"][i] for i in rng.integers(0, 3, rows)],
                maybe(rng.integers(0, 11, rows)),
                maybe(rng.integers(1, 6, rows)),
                maybe(rng.integers(1, 8, rows)),
                strict=True,
            )
        ]
    )


@pytest.mark.parametrize("dimension", ["phase", "touchpoint", "segment"])
def test_duckdb_scores_match_the_in_memory_scores(dimension):
    data = random_feedback(3000)

    dashboards = Dashboards({"feedback": data})

    assert dashboards.scores_by(dimension).equals(scores_by(data, dimension))


def test_duckdb_trends_match_the_in_memory_trends_without_gaps():
    data = random_feedback(2000)

    table = Dashboards({"feedback": data}).score_trend(period="week", by="phase")

    assert table.equals(score_trend(data, period="week", by="phase"))


def test_months_begin_in_the_organisations_time_zone():
    # 23:30 UTC on 31 March is 00:30 on 1 April in London (summer time).
    data = feedback([{"submitted_at": datetime(2025, 3, 31, 23, 30, tzinfo=UTC), "csat": 5}])

    london = Dashboards({"feedback": data}, time_zone="Europe/London").score_trend()
    utc = Dashboards({"feedback": data}).score_trend()

    assert london["period"][0] == datetime(2025, 4, 1).date()
    assert utc["period"][0] == datetime(2025, 3, 1).date()


def test_the_journey_lists_phases_in_order_with_their_volumes():
    data = feedback(
        [
            {"submitted_at": T0, "phase": "buy", "nps": 10},
            {"submitted_at": T0, "phase": "buy", "nps": 0},
            {"submitted_at": T0, "phase": "use", "csat": 4},
        ]
    )

    table = Dashboards({"feedback": data}).journey(["discover", "buy", "use"])

    nps = table.filter(measure="nps")
    assert nps.select("phase", "volume", "n", "value").rows() == [
        ("discover", 0, 0, None),
        ("buy", 2, 2, 0.0),
        ("use", 1, 0, None),
    ]


def test_a_window_narrows_a_dashboard():
    data = feedback([{"submitted_at": T0 + timedelta(days=d), "csat": 5} for d in range(10)])

    table = Dashboards({"feedback": data}).scores_by(
        "phase", since=T0 + timedelta(days=2), until=T0 + timedelta(days=5)
    )

    assert table.filter(measure="csat")["n"].to_list() == [3]


def test_feedback_is_linked_to_the_latest_interaction_at_its_touchpoint_within_the_window():
    data = feedback(
        [
            {"customer_id": 1, "submitted_at": T0 + timedelta(days=3), "csat": 5},  # staff 11
            {
                "customer_id": 1,
                "submitted_at": T0 + timedelta(days=3),
                "touchpoint": "shop",
                "csat": 4,
            },
            {"customer_id": 2, "submitted_at": T0 + timedelta(days=40), "csat": 2},  # too late
            {"customer_id": 2, "submitted_at": T0 - timedelta(days=1), "csat": 3},  # before any
        ]
    )
    served = interactions(
        [
            (10, 1, "app", T0),
            (11, 1, "app", T0 + timedelta(days=1)),
            (12, 1, "phone", T0 + timedelta(days=2)),
            (20, 2, "app", T0),
        ]
    )
    dashboards = Dashboards({"feedback": data, "interactions": served})

    linked = dashboards.served_feedback()
    shorter = dashboards.served_feedback(within_days=1)

    assert linked.select("staff_id", "customer_id", "feedback_id", "customer_score").rows() == [
        (11, 1, 0, 5.0)
    ]
    assert shorter.height == 0  # two days after the interaction is outside one day


def test_the_staff_overview_puts_pulses_beside_the_customers_served():
    data = feedback(
        [{"customer_id": 1, "submitted_at": T0 + timedelta(days=1), "csat": c} for c in (5, 3)]
    )
    served = interactions([(7, 1, "app", T0)])
    pulses = pl.DataFrame(
        {
            "staff_id": [7, 7, 8],
            "submitted_at": [T0, T0, T0],
            "satisfaction": [4, 5, 2],
            "enps": [9, None, 3],
        },
        schema_overrides={
            "submitted_at": pl.Datetime("us", "UTC"),
            "satisfaction": pl.Int8,
            "enps": pl.Int8,
        },
    )

    table = Dashboards(
        {"feedback": data, "interactions": served, "staff_pulses": pulses}
    ).staff_overview()

    assert table.select(
        "staff_id", "staff_score", "answers", "customers", "customer_mean"
    ).rows() == [
        (7, 4.5, 2, 2, 4.0),
        (8, 2.0, 1, 0, None),
    ]


def test_the_cocreation_ratio_sets_active_contributions_against_passive_signals():
    data = feedback(
        [
            {"submitted_at": T0, "segment": "students"},
            {"submitted_at": T0, "segment": "students", "source": "import"},
            {"submitted_at": T0, "segment": None},
        ]
    )
    contributions = pl.DataFrame(
        {
            "contribution_id": [1, 2, 3, 4, 5, 6],
            "customer_id": [1] * 6,
            "segment": ["students"] * 5 + [None],
            "kind": ["design", "idea", "vote", "vote", "challenge", "vote"],
            "occurred_at": [T0] * 6,
        },
        schema_overrides={"occurred_at": pl.Datetime("us", "UTC")},
    )

    table = Dashboards({"feedback": data, "contributions": contributions}).cocreation_ratio()

    assert table.drop("period").rows() == [
        ("students", 1, 1, 2, 1, 1, 1, 5, 2, 5 / 7, 2.5),
        (None, 0, 0, 1, 0, 1, 0, 1, 1, 0.5, 1.0),
    ]


def test_demand_counts_each_option_with_its_share_of_designs_and_its_waitlist():
    choices = pl.DataFrame(
        {
            "design_id": [1, 1, 2, 3, 3],
            "customer_id": [1, 1, 2, 3, 3],
            "segment": ["a", "a", "b", "a", "a"],
            "offering_id": [9] * 5,
            "option_id": [100, 101, 100, 100, 102],
            "option_name": ["Lunch", "Dinner", "Lunch", "Lunch", "Spa"],
            "status": ["confirmed", "confirmed", "waitlisted", "confirmed", "confirmed"],
            "chosen_at": [T0] * 5,
        },
        schema_overrides={"chosen_at": pl.Datetime("us", "UTC")},
    )

    table = Dashboards({"design_choices": choices}).demand_per_option()

    assert table.select(
        "option_name", "chosen", "confirmed", "waitlisted", "designs", "share"
    ).rows() == [
        ("Lunch", 3, 2, 1, 3, 100.0),
        ("Dinner", 1, 1, 0, 3, pytest.approx(100 / 3)),
        ("Spa", 1, 1, 0, 3, pytest.approx(100 / 3)),
    ]
    assert table["share_low"][1] < 100 / 3 < table["share_high"][1]


def test_tables_can_come_from_parquet_exports(tmp_path):
    data = random_feedback(200)
    path = export_file(data, tmp_path / "feedback.parquet")

    assert Dashboards({"feedback": path}).scores_by("phase").equals(scores_by(data, "phase"))


def test_rows_off_the_scale_are_refused_with_their_ids():
    data = feedback(
        [
            {"submitted_at": T0, "nps": 11},
            {"submitted_at": T0, "csat": 9},
            {"submitted_at": T0, "source": "fax"},
        ]
    )

    with pytest.raises(InvalidRows) as refused:
        Dashboards({"feedback": data})

    assert str(refused.value) == (
        "The feedback table has rows the dashboards cannot use: 1 with an NPS outside 0-10 "
        "(feedback_id 0); 1 with a CSAT outside 1-5 (feedback_id 1); 1 with a source other "
        "than form, api, import (feedback_id 2)."
    )


def test_a_table_without_the_expected_columns_is_refused_by_name():
    data = (
        feedback([{"submitted_at": T0}])
        .drop("touchpoint")
        .with_columns(pl.col("submitted_at").dt.replace_time_zone(None))
    )

    with pytest.raises(TableMismatch) as refused:
        Dashboards({"feedback": data})

    assert str(refused.value) == (
        "The feedback table does not fit: touchpoint is missing; submitted_at should be "
        "timestamp, not timestamp without time zone."
    )


def test_a_dashboard_without_its_tables_or_with_an_unknown_dimension_says_so():
    dashboards = Dashboards({"feedback": feedback([{"submitted_at": T0}])})

    with pytest.raises(UnknownChoice, match="needs the interactions table"):
        dashboards.served_feedback()
    with pytest.raises(UnknownChoice, match="Unknown dimension 'colour'"):
        dashboards.scores_by("colour")


def test_without_feedback_the_dashboards_are_empty_and_the_journey_lists_its_phases():
    dashboards = Dashboards({"feedback": feedback([{"submitted_at": T0}]).head(0)})

    assert dashboards.scores_by("phase").height == 0
    assert dashboards.score_trend().height == 0
    journey = dashboards.journey(["buy", "use"])
    assert journey.select("phase", "volume").unique(maintain_order=True).rows() == [
        ("buy", 0),
        ("use", 0),
    ]
