"""An attendee's own agenda, their calendar feed, and a speaker's availability."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django_scopes import scope

from cocreate.agenda import selectors, services
from cocreate.agenda.calendar import agenda_calendar
from cocreate.agenda.models import Proposal, Unavailability
from cocreate.agenda.views import lookup
from cocreate.core.access import public_page
from cocreate.core.errors import ServiceError
from cocreate.organisations.access import OrgRequest, org_page
from cocreate.organisations.rules import Permission


@org_page(Permission.TAKE_PART_IN_AGENDA)
def my_agenda(request: OrgRequest, event: str) -> HttpResponse:
    found = lookup.event(request, event)
    agenda = selectors.personal_agenda(found, request.user.pk)
    slots = selectors.slots(found)
    items = agenda.items if agenda else {}
    sessions = Proposal.objects.in_bulk([int(p) for p in items.values()])
    context = {
        "event": found,
        "agenda": agenda,
        "rows": [(slot, sessions.get(items.get(str(slot.pk)))) for slot in slots],
        "feed_url": request.session.pop("feed_url", None),
    }
    return render(request, "agenda/my_agenda.html", context)


@org_page(Permission.TAKE_PART_IN_AGENDA, methods=["POST"])
def feed_renew(request: OrgRequest, event: str) -> HttpResponse:
    found = lookup.event(request, event)
    token = services.feed_token_renew(event=found, user=request.user)
    # Shown once, on the next page: only its digest is kept.
    request.session["feed_url"] = settings.SITE_URL.rstrip("/") + reverse(
        "agenda_feed", args=[token]
    )
    return redirect("my_agenda", request.organisation.slug, found.slug)


@public_page
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The calendar app's view of one person's agenda; the secret in the address is the key."""
    subscription = services.feed_for_token(token)
    if subscription is None:
        raise Http404("No such calendar.")
    event = subscription.event
    with scope(organisation=event.organisation_id):
        agenda = selectors.personal_agenda(event, subscription.user_id)
        body = agenda_calendar(event, agenda)
    return HttpResponse(body, content_type="text/calendar")


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
