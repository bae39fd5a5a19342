"""The listening dashboards: the journey, scores by touchpoint and segment, staff and the
customers they serve, what customers value; and the download of every chart's data."""

from typing import Any

import polars as pl
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.urls import reverse

from cocreate.core.charts import chart
from cocreate.engines.analytics import UnknownFormat, content_type, export_bytes
from cocreate.listening import charts, engine, figures, insights, sentences
from cocreate.listening.figures import Filters
from cocreate.organisations.access import OrgRequest, org_page
from cocreate.organisations.rules import Permission, allows

MEASURE_CHOICES = [(m, sentences.UNITS[m]) for m in ("nps", "csat", "ces", "ces_share")]


def listening_chart(
    request: OrgRequest,
    spec: Any,
    *,
    title: str,
    figure: str,
    filters: Filters,
    summary: str = "",
    **extra: str,
) -> dict[str, Any]:
    """A chart for `listening/chart.html`: the spec, and its data as CSV and Parquet."""
    base = reverse("listening_export", args=[request.organisation.slug])
    query = filters.query(figure=figure, **extra)
    found = chart(spec, title=title, summary=summary)
    found["csv_url"] = f"{base}?{query}&format=csv"
    found["parquet_url"] = f"{base}?{query}&format=parquet"
    return found


def _rows(frame: pl.DataFrame, measure: str) -> list[dict[str, Any]]:
    return frame.filter(pl.col("measure") == measure).to_dicts()


def _base_context(request: OrgRequest, built: engine.Built, filters: Filters) -> dict[str, Any]:
    return {
        "filters": filters,
        "read_at": built.read_at,
        "windows": figures.WINDOWS,
        "periods": figures.PERIODS,
        "measures": MEASURE_CHOICES,
        "can_manage": allows(request.membership.role, Permission.MANAGE_LISTENING),
    }


@org_page(Permission.VIEW_LISTENING)
def overview(request: OrgRequest) -> HttpResponse:
    """The journey: each phase's score with its interval and its volume, and the trend."""
    filters = Filters.from_query(request.GET)
    built = engine.dashboards(request.organisation)
    measure = filters.measure
    overall = figures.overall(built, filters)
    journey = figures.journey(built, filters)
    trend = figures.trend(built, filters)
    headline = {row["measure"]: row for row in overall.to_dicts()}
    cards = [
        {
            "measure": m,
            "label": sentences.LABELS[m] if m != "ces_share" else "CES: easy",
            "value": sentences.number(m, headline[m]["value"]),
            "interval": sentences.interval(m, headline[m]["low"], headline[m]["high"]),
            "n": headline[m]["n"],
        }
        for m in ("nps", "csat", "ces", "ces_share")
    ]
    volume = int(overall["volume"][0]) if overall.height else 0
    context = {
        **_base_context(request, built, filters),
        "cards": cards,
        "volume": volume,
        "phases": built.phases,
        "headline": sentences.overall_sentence(
            measure, headline.get(measure), filters.window_words
        ),
        "journey_sentence": sentences.comparison_sentence(journey, "phase", measure, "phases"),
        "trend_sentence": sentences.trend_sentence(trend, measure, filters.period),
        "journey_rows": _rows(journey, measure),
        "journey_chart": listening_chart(
            request,
            charts.score_intervals(journey, "phase", measure, built.phases),
            title=f"{sentences.LABELS[measure]} in each phase, with 95% intervals",
            figure="journey",
            filters=filters,
            summary=sentences.comparison_sentence(journey, "phase", measure, "phases"),
        ),
        "volume_chart": listening_chart(
            request,
            charts.volume_bars(journey, "phase", built.phases),
            title="Feedback received in each phase",
            figure="journey",
            filters=filters,
        ),
        "trend_chart": listening_chart(
            request,
            charts.trend(trend, measure),
            title=f"{sentences.LABELS[measure]} per {filters.period}, with its 95% band",
            figure="trend",
            filters=filters,
            summary=sentences.trend_sentence(trend, measure, filters.period),
        ),
    }
    return render(request, "listening/overview.html", context)


@org_page(Permission.VIEW_LISTENING)
def scores(request: OrgRequest) -> HttpResponse:
    """Scores per touchpoint, segment or source, each with its interval."""
    filters = Filters.from_query(request.GET)
    built = engine.dashboards(request.organisation)
    frame = figures.scores(built, filters)
    measure, by = filters.measure, filters.by
    order = list(built.touchpoints) if by == "touchpoint" else []
    what = {"touchpoint": "touchpoints", "segment": "segments", "source": "sources"}[by]
    rows = _rows(frame, measure)
    for row in rows:
        row["label"] = row[by] or "unknown"
        row["phrase"] = sentences.score_phrase(measure, row)
        row["phase"] = built.touchpoints.get(row[by] or "", "") if by == "touchpoint" else ""
    context = {
        **_base_context(request, built, filters),
        "rows": rows,
        "breakdowns": [("touchpoint", "Touchpoint"), ("segment", "Segment"), ("source", "Source")],
        "sentence": sentences.comparison_sentence(frame, by, measure, what),
        "scores_chart": listening_chart(
            request,
            charts.score_intervals(frame, by, measure, order),
            title=f"{sentences.LABELS[measure]} per {by}, with 95% intervals",
            figure="scores",
            filters=filters,
            summary=sentences.comparison_sentence(frame, by, measure, what),
        ),
    }
    return render(request, "listening/scores.html", context)


@org_page(Permission.VIEW_LISTENING)
def staff(request: OrgRequest) -> HttpResponse:
    """Does a staff member's experience predict their customers' experience?"""
    filters = Filters.from_query(request.GET)
    built = engine.dashboards(request.organisation)
    found = figures.linkages(built, filters)
    main = found[None]
    staff_label = f"Staff member's usual {figures.STAFF_MEASURES[filters.staff_measure]}"
    customer_label = f"Their customers' mean {figures.CUSTOMER_MEASURES[filters.customer_measure]}"
    variants = []
    for lag, each in found.items():
        label = {
            None: "Same window",
            1: f"One {filters.period} later",
            2: f"Two {filters.period}s later",
        }[lag]
        variants.append({"label": label, "lag": lag, "found": each})
    context = {
        **_base_context(request, built, filters),
        "main": main,
        "variants": variants,
        "customer_measures": figures.CUSTOMER_MEASURES,
        "staff_measures": figures.STAFF_MEASURES,
    }
    if not isinstance(main, str):
        context["linkage_chart"] = listening_chart(
            request,
            charts.linkage(main.staff_points, main.fitted_line, staff_label, customer_label),
            title="Staff experience and the experience of the customers they serve",
            figure="staff-points",
            filters=filters,
            summary=main.sentence,
        )
    return render(request, "listening/staff.html", context)


@org_page(Permission.VIEW_LISTENING)
def what_customers_value(request: OrgRequest) -> HttpResponse:
    """Demand per option, ideas and opportunities, and the co-creation ratio."""
    filters = Filters.from_query(request.GET)
    built = engine.dashboards(request.organisation)
    demand = figures.demand(built, filters)
    by_segment = figures.cocreation_by_segment(built, filters)
    over_time = figures.cocreation_over_time(built, filters)
    active, passive = int(by_segment["active"].sum()), int(by_segment["passive"].sum())
    ranking, voters = insights.idea_ranking(request.organisation)
    survey_title, opportunity_rows = insights.opportunities(request.organisation)
    total = active + passive
    context = {
        **_base_context(request, built, filters),
        "ideas_installed": insights.ideas_installed(),
        "ranking": ranking,
        "voters": voters,
        "survey_title": survey_title,
        "opportunities": opportunity_rows,
        "demand_rows": demand.head(20).to_dicts(),
        "active": active,
        "passive": passive,
        "active_share": active / total if total else None,
        "active_percent": round(100 * active / total) if total else 0,
        "segments": by_segment.to_dicts(),
        "search": request.GET.get("q", "").strip(),
    }
    if context["search"]:
        context["customers"] = list(
            insights.customers_matching(request.organisation, context["search"])[:20]
        )
    if demand.height:
        context["demand_chart"] = listening_chart(
            request,
            charts.demand(demand),
            title="What customers chose: share of designs, with 95% intervals",
            figure="demand",
            filters=filters,
        )
    if total:
        context["segments_chart"] = listening_chart(
            request,
            charts.cocreation_segments(by_segment),
            title="Co-creation per segment: active contributions against passive signals",
            figure="cocreation-segments",
            filters=filters,
        )
        context["cocreation_trend_chart"] = listening_chart(
            request,
            charts.cocreation_trend(over_time),
            title=f"The active share per {filters.period}",
            figure="cocreation-trend",
            filters=filters,
        )
    return render(request, "listening/insights.html", context)


@org_page(Permission.VIEW_LISTENING, methods=["GET"])
def export(request: OrgRequest) -> HttpResponse:
    """The table behind a chart, as CSV or Parquet."""
    name = request.GET.get("figure", "")
    fmt = request.GET.get("format", "csv")
    if name not in figures.FIGURES:
        raise Http404(f"There is no chart called {name!r}.")
    try:
        media_type = content_type(fmt)
    except UnknownFormat as refusal:
        return HttpResponseBadRequest(str(refusal))
    filters = Filters.from_query(request.GET)
    frame = figures.figure(name, engine.dashboards(request.organisation), filters)
    assert frame is not None
    if "staff_id" in frame.columns:  # staff are numbered, not named, outside the app
        frame = frame.with_columns(pl.col("staff_id").rank("dense").cast(pl.Int64))
    response = HttpResponse(export_bytes(frame, fmt), content_type=media_type)
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response
