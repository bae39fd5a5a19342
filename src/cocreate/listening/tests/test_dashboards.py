"""The dashboards read the database through the analytics engine: exact scores with
their intervals, sentences that state the uncertainty, and every chart's data."""

import io

import polars as pl
from django_scopes import scope

from cocreate.conftest import client_for
from cocreate.engines.scores import nps
from cocreate.listening import engine, services
from cocreate.listening.models import Feedback, Source
from cocreate.listening.tests.conftest import ago


def answers(journey, place: str, scores: list[int], *, days: float = 10) -> None:
    org = journey.org
    with scope(organisation=org.organisation):
        Feedback.objects.bulk_create(
            Feedback(
                organisation=org.organisation,
                touchpoint=journey.touchpoint(place),
                source=Source.FORM,
                nps=score,
                csat=5 if score >= 9 else 2,
                submitted_at=ago(days=days, minutes=n),
            )
            for n, score in enumerate(scores)
        )
    engine.forget(org.organisation)


def test_the_journey_shows_each_phases_score_with_its_interval(journey):
    answers(journey, "use", [10, 10, 9, 9, 8, 3])
    answers(journey, "get help", [2, 3, 9])
    expected = nps([10, 10, 9, 9, 8, 3, 2, 3, 9])

    page = client_for(journey.org.staff).get("/o/acme/listening/")
    html = page.content.decode()

    assert page.status_code == 200
    low, high = (f"{v:+.0f}".replace("-", "−") for v in (expected.low, expected.high))
    assert (
        f"NPS over the last 12 months is {expected.value:+.0f} (95% CI {low} to {high}, 9 answers)."
        in html
    )
    assert "their intervals overlap, so the data cannot tell them apart yet" in html
    assert 'data-spec="journey-chart"' in html


def test_feedback_outside_the_window_is_left_out(journey):
    answers(journey, "use", [10, 10], days=10)
    answers(journey, "use", [0, 0, 0], days=200)

    recent = client_for(journey.org.staff).get("/o/acme/listening/?window=90d")
    everything = client_for(journey.org.staff).get("/o/acme/listening/?window=all")

    assert "NPS over the last 90 days is +100" in recent.content.decode()
    assert "over all time is −20" in everything.content.decode()


def test_every_chart_downloads_as_csv_and_parquet(journey):
    answers(journey, "use", [10, 9, 3])
    client = client_for(journey.org.staff)

    as_csv = client.get("/o/acme/listening/export/?figure=journey&format=csv")
    as_parquet = client.get("/o/acme/listening/export/?figure=journey&format=parquet")

    table = pl.read_csv(io.BytesIO(as_csv.content))
    assert as_csv["Content-Type"] == "text/csv"
    assert as_csv["Content-Disposition"] == 'attachment; filename="journey.csv"'
    assert table.filter(pl.col("phase") == "use")["volume"].to_list() == [3, 3, 3, 3]
    assert pl.read_parquet(io.BytesIO(as_parquet.content)).height == table.height


def test_an_unknown_chart_or_format_is_refused(journey):
    client = client_for(journey.org.staff)

    assert client.get("/o/acme/listening/export/?figure=nothing&format=csv").status_code == 404
    assert client.get("/o/acme/listening/export/?figure=journey&format=xlsx").status_code == 400


def test_scores_per_touchpoint_and_per_segment(journey):
    answers(journey, "use", [10, 9])
    page = client_for(journey.org.staff).get("/o/acme/listening/scores/?by=touchpoint&measure=csat")

    assert page.status_code == 200
    assert "100% (only 2 answers" not in page.content.decode()
    assert "100% (95% CI 34% to 100%, 2 answers)" in page.content.decode()


def test_the_api_returns_a_charts_table_as_rows(journey):
    answers(journey, "use", [10])
    response = client_for(journey.org.staff).get(
        "/api/v1/orgs/acme/listening/figures?name=overall&measure=nps"
    )

    rows = {row["measure"]: row for row in response.json()}
    assert rows["nps"]["value"] == 100.0
    assert rows["nps"]["note"] == "Only one answer: too few for an interval."


def test_customers_do_not_see_the_dashboards(journey):
    assert client_for(journey.org.customer).get("/o/acme/listening/").status_code == 403


def rows_seen(journey) -> int:
    found = engine.dashboards(journey.org.organisation).dashboards
    return found.query("SELECT count(*) AS n FROM feedback")["n"].item()


def test_the_cached_dashboards_are_rebuilt_when_feedback_arrives(journey, monkeypatch):
    monkeypatch.setattr(engine, "FRESH_SECONDS", 0.0)
    before = rows_seen(journey)
    services.feedback_submit(survey=journey.survey, answers={"nps": 10})

    assert (before, rows_seen(journey)) == (0, 1)


def test_a_fresh_build_is_kept_for_a_while_so_a_busy_form_cannot_force_rebuilds(journey):
    before = rows_seen(journey)
    services.feedback_submit(survey=journey.survey, answers={"nps": 10})

    assert (before, rows_seen(journey)) == (0, 0)
