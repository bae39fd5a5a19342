"""Outcome surveys: organisers build and send them, members of the segment answer, and
organisers and staff read the opportunity scores, the landscape and the segments."""

import csv
import io
from typing import Any

from django.contrib import messages
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse

from cocreate.core.charts import chart
from cocreate.core.errors import ServiceError
from cocreate.core.forms import show_service_error
from cocreate.ideas import charts, engine, selectors, services
from cocreate.ideas.forms import SurveyForm
from cocreate.ideas.models import Survey, SurveyStatus
from cocreate.ideas.views import lookup
from cocreate.organisations.access import OrgRequest, org_page
from cocreate.organisations.rules import Permission, allows

SCALE = range(1, 6)


@org_page(Permission.SHARE_IDEAS)
def surveys(request: OrgRequest) -> HttpResponse:
    context = {
        "rows": selectors.surveys_for(request.membership),
        "can_manage": allows(request.membership.role, Permission.MANAGE_IDEAS),
        "can_read": selectors.moderates(request.membership),
    }
    return render(request, "ideas/surveys.html", context)


def _survey_form(request: OrgRequest, data: Any = None) -> SurveyForm:
    return SurveyForm(
        data,
        outcomes=list(selectors.accepted_outcomes(request.organisation)),
        fields=selectors.profile_choices(request.organisation),
    )


@org_page(Permission.MANAGE_IDEAS)
def survey_new(request: OrgRequest) -> HttpResponse:
    if request.method != "POST":
        return render(request, "ideas/survey_new.html", {"form": _survey_form(request)})
    form = _survey_form(request, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            survey = services.survey_create(
                organisation=request.organisation,
                actor=request.user,
                title=data["title"],
                introduction=data["introduction"],
                outcome_ids=[int(i) for i in data["outcomes"]],
                roles=data["roles"],
                segment=form.segment(),
            )
        except ServiceError as error:
            show_service_error(form, error)
        else:
            people = len(services.recipients(survey))
            messages.success(
                request, f"“{survey.title}” is a draft for {people} people: send it when ready."
            )
            return redirect("survey_results", request.organisation.slug, survey.pk)
    return render(request, "ideas/survey_new.html", {"form": form}, status=422)


@org_page(Permission.RESPOND_TO_IDEAS)
def survey_results(request: OrgRequest, survey_id: int) -> HttpResponse:
    survey = lookup.survey(request, survey_id)
    outcomes = selectors.survey_outcomes(survey)
    statements: dict[Any, str] = {o.pk: o.statement for o in outcomes}
    scores = sorted(engine.opportunities(survey), key=lambda s: -s.opportunity)
    fields = selectors.profile_choices(request.organisation)
    segmentation = engine.segmentation(survey, [key for key, _, _ in fields]) if scores else None
    labels = {key: label for key, label, _ in fields}
    csv_url = reverse("survey_csv", args=[request.organisation.slug, survey.pk])
    context = {
        "survey": survey,
        "outcomes": outcomes,
        "scores": [(s, statements[s.outcome]) for s in scores],
        "responses": survey.responses.count(),
        "recipients": len(services.recipients(survey))
        if survey.status == SurveyStatus.DRAFT
        else survey.sent_to,
        "segmentation": segmentation,
        "segments": [
            {
                "segment": seg,
                "tops": [(t, statements[t.outcome]) for t in seg.top_opportunities],
                "skews": [(labels.get(k.field, k.field), k) for k in seg.over_represented[:4]],
            }
            for seg in (segmentation.segments if segmentation else ())
        ],
        "can_manage": allows(request.membership.role, Permission.MANAGE_IDEAS),
        "chart": chart(
            charts.landscape_chart(scores, statements),
            title="The opportunity landscape",
            data_url=csv_url,
            summary=f"{len(scores)} outcomes by importance and satisfaction (0-10); "
            f"{sum(s.opportunity >= 10 for s in scores)} have an opportunity of 10 or more.",
        )
        if scores
        else None,
    }
    return render(request, "ideas/survey_results.html", context)


@org_page(Permission.RESPOND_TO_IDEAS)
def survey_csv(request: OrgRequest, survey_id: int) -> HttpResponse:
    survey = lookup.survey(request, survey_id)
    statements: dict[Any, str] = {o.pk: o.statement for o in selectors.survey_outcomes(survey)}
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            "outcome",
            "importance",
            "satisfaction",
            "opportunity",
            "band",
            "respondents",
            "opportunity_low",
            "opportunity_high",
        ]
    )
    for s in engine.opportunities(survey):
        writer.writerow(
            [
                statements[s.outcome],
                f"{s.importance:.2f}",
                f"{s.satisfaction:.2f}",
                f"{s.opportunity:.2f}",
                s.label,
                s.respondents,
                f"{s.opportunity_interval.low:.2f}",
                f"{s.opportunity_interval.high:.2f}",
            ]
        )
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="survey-{survey.pk}-opportunities.csv"'
    return response


@org_page(Permission.SHARE_IDEAS)
def survey_answer(request: OrgRequest, survey_id: int) -> HttpResponse:
    survey = lookup.survey(request, survey_id)
    outcomes = selectors.survey_outcomes(survey)
    answered = survey.responses.filter(user=request.user).exists()
    errors: dict[str, list[str]] = {}
    error = ""
    if request.method == "POST" and not answered:
        try:
            services.survey_answer(
                survey=survey, membership=request.membership, ratings=_ratings(request.POST)
            )
        except ServiceError as refused:
            errors, error = refused.fields, refused.message
        else:
            messages.success(request, "Thank you: your answers decide which ideas come first.")
            return redirect("surveys", request.organisation.slug)
    elif request.method == "POST":
        error = "You already answered this survey: thank you."
    context = {
        "survey": survey,
        "rows": [
            {
                "outcome": o,
                "importance": request.POST.get(f"importance-{o.pk}", ""),
                "satisfaction": request.POST.get(f"satisfaction-{o.pk}", ""),
                "errors": errors.get(f"importance-{o.pk}", [])
                + errors.get(f"satisfaction-{o.pk}", []),
            }
            for o in outcomes
        ],
        "scale": SCALE,
        "answered": answered,
        "may_answer": services.may_answer(survey, request.membership),
        "error": error,
    }
    status = 409 if answered and request.method == "POST" else (422 if error else 200)
    return render(request, "ideas/survey_answer.html", context, status=status)


def _ratings(data: QueryDict) -> dict[str, dict[str, str]]:
    ratings: dict[str, dict[str, str]] = {}
    for key in data:
        part, _, outcome = key.partition("-")
        if part in ("importance", "satisfaction") and outcome:
            ratings.setdefault(outcome, {})[part] = data.get(key, "")
    return ratings


@org_page(Permission.MANAGE_IDEAS, methods=["POST"])
def survey_send(request: OrgRequest, survey_id: int) -> HttpResponse:
    survey = lookup.survey(request, survey_id)
    try:
        services.survey_send(survey=survey, actor=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"Sent to {survey.sent_to} people on their own channels.")
    return redirect("survey_results", request.organisation.slug, survey.pk)


@org_page(Permission.MANAGE_IDEAS, methods=["POST"])
def survey_close(request: OrgRequest, survey_id: int) -> HttpResponse:
    survey: Survey = lookup.survey(request, survey_id)
    try:
        services.survey_close(survey=survey, actor=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "The survey is closed: its answers stay.")
    return redirect("survey_results", request.organisation.slug, survey.pk)
