"""A customer's personal plan: what they designed, confirmed or waitlisted, printable and
in their calendar."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from cocreate.core.errors import ServiceError
from cocreate.offerings import selectors, services
from cocreate.offerings.calendar import plan_calendar
from cocreate.offerings.lifecycle import state
from cocreate.offerings.models import Offering
from cocreate.offerings.views import lookup
from cocreate.organisations.access import OrgRequest, org_page
from cocreate.organisations.rules import Permission


@org_page(Permission.DESIGN_EXPERIENCE)
def my_plan(request: OrgRequest, offering: str) -> HttpResponse:
    found = lookup.offering(request, offering)
    design = selectors.design_of(found, request.membership)
    choices = selectors.plan_choices(design) if design else []
    positions = selectors.waitlist_positions(choices)
    context = {
        "offering": found,
        "design": design,
        "submitted": bool(design and design.submitted_at),
        "items": [(c, positions.get(c.pk)) for c in choices],
        "timed": any(c.option.starts_at for c in choices),
        "cost": sum((c.option.cost for c in choices), start=0),
        "answers": _answers(found, design.answers if design else {}),
        "versions": list(selectors.versions(design)) if design else [],
        "can_change": state(found.status).accepts_designs,
    }
    return render(request, "offerings/plan.html", context)


def _answers(offering: Offering, answers: dict[str, str]) -> list[tuple[str, str]]:
    steps = {str(s.dimension.pk): s.dimension.name for s in selectors.steps(offering)}
    return [(steps[k], v) for k, v in answers.items() if k in steps and v]


@org_page(Permission.DESIGN_EXPERIENCE)
def my_plan_ics(request: OrgRequest, offering: str) -> HttpResponse:
    found = lookup.offering(request, offering)
    design = selectors.design_of(found, request.membership)
    choices = selectors.plan_choices(design) if design else []
    url = settings.SITE_URL + reverse("my_plan", args=[request.organisation.slug, found.slug])
    response = HttpResponse(plan_calendar(found, choices, url), content_type="text/calendar")
    response["Content-Disposition"] = f'attachment; filename="{found.slug}.ics"'
    return response


@org_page(Permission.DESIGN_EXPERIENCE, methods=["POST"])
def my_plan_withdraw(request: OrgRequest, offering: str) -> HttpResponse:
    found = lookup.offering(request, offering)
    try:
        services.design_withdraw(offering=found, membership=request.membership)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Your design is withdrawn; your seats went to the waitlist.")
    return redirect("my_plan", request.organisation.slug, found.slug)
