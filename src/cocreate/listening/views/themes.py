"""Themes in what customers wrote: the stored themes, and a run to find them again."""

from typing import Any

import polars as pl
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from cocreate.core.charts import chart
from cocreate.core.errors import ServiceError
from cocreate.listening import charts, selectors, services
from cocreate.listening.models import RunStatus
from cocreate.listening.views import lookup
from cocreate.organisations.access import OrgRequest, org_page
from cocreate.organisations.rules import Permission, allows


@org_page(Permission.VIEW_LISTENING, methods=["GET"])
def themes(request: OrgRequest) -> HttpResponse:
    organisation = request.organisation
    latest = selectors.latest_theme_run(organisation)
    current = selectors.current_theme_run(organisation)
    found = selectors.themes_of(latest) if latest else []
    context: dict[str, Any] = {
        "latest": latest,
        "current": current
        if current and current.status in (RunStatus.QUEUED, RunStatus.RUNNING)
        else None,
        "failed": current if current and current.status == RunStatus.FAILED else None,
        "themes": found,
        "new_texts": selectors.texts_since(organisation, latest),
        "can_manage": allows(request.membership.role, Permission.MANAGE_LISTENING),
    }
    if found:
        frame = pl.DataFrame(
            [{"label": t.label, "size": t.size, "sentiment": t.sentiment} for t in found]
        )
        context["themes_chart"] = chart(
            charts.themes(frame),
            title="Themes by size, coloured by their tone",
            summary=f"{len(found)} themes in {latest.texts_total} texts." if latest else "",
        )
        by_phase = pl.DataFrame(
            latest.by_phase if latest else [],
            schema={
                "theme": pl.Int64,
                "label": pl.String,
                "phase": pl.String,
                "texts": pl.Int64,
                "sentiment": pl.Float64,
            },
        )
        if by_phase.height:
            phases = [p.name for p in selectors.phases(organisation)]
            context["phase_chart"] = chart(
                charts.themes_by_phase(by_phase, phases),
                title="Where in the journey each theme comes up",
            )
    return render(request, "listening/themes.html", context)


@org_page(Permission.MANAGE_LISTENING, methods=["POST"])
def themes_run(request: OrgRequest) -> HttpResponse:
    try:
        services.theme_run_start(organisation=request.organisation, actor=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
    return redirect("listening_themes", request.organisation.slug)


@org_page(Permission.VIEW_LISTENING, methods=["GET"])
def theme_run(request: OrgRequest, theme_run_id: int) -> HttpResponse:
    """A run's progress bar, polled by htmx while it runs."""
    run = lookup.theme_run(request, theme_run_id)
    response = render(request, "listening/_theme_progress.html", {"run": run})
    if run.status in (RunStatus.DONE, RunStatus.FAILED):
        response["HX-Refresh"] = "true"
    return response
