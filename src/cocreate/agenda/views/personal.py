"""An attendee's plan of the event (the offering's plan page) and a speaker's availability."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from cocreate.agenda import selectors, services
from cocreate.agenda.models import Unavailability
from cocreate.agenda.views import lookup
from cocreate.core.errors import ServiceError
from cocreate.organisations.access import OrgRequest, org_page
from cocreate.organisations.rules import Permission


@org_page(Permission.TAKE_PART_IN_AGENDA)
def my_agenda(request: OrgRequest, event: str) -> HttpResponse:
    """One plan per person per event: the sessions are in the offering's plan."""
    found = lookup.event(request, event)
    return redirect("my_plan", request.organisation.slug, found.slug)


@org_page(Permission.TAKE_PART_IN_AGENDA)
def availability(request: OrgRequest, event: str) -> HttpResponse:
    found = lookup.event(request, event)
    if request.method == "POST":
        chosen = {int(v) for v in request.POST.getlist("away") if str(v).isdigit()}
        try:
            services.unavailability_set(event=found, user=request.user, slot_ids=chosen)
        except ServiceError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, "Your availability is saved.")
            return redirect("availability", request.organisation.slug, found.slug)
    away = set(
        Unavailability.objects.filter(slot__event=found, user=request.user).values_list(
            "slot_id", flat=True
        )
    )
    context = {"event": found, "days": selectors.days(selectors.slots(found)), "away": away}
    return render(request, "agenda/availability.html", context)
