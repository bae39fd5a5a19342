"""Events: the list, the schedule grid everyone sees, and the organisers' set-up."""

from collections.abc import Mapping

from django.contrib import messages
from django.core.cache import cache
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django_scopes import scope

from cocreate.agenda import selectors, services
from cocreate.agenda.forms import DayForm, EventForm, EventSettingsForm, RoomForm
from cocreate.agenda.models import Event, Phase, Schedule
from cocreate.agenda.views import lookup
from cocreate.core.access import public_page
from cocreate.core.errors import ServiceError
from cocreate.core.forms import show_service_error
from cocreate.offerings.models import Kind, Offering
from cocreate.organisations.access import OrgRequest, org_page
from cocreate.organisations.models import Organisation
from cocreate.organisations.rules import Permission, allows


@org_page(Permission.TAKE_PART_IN_AGENDA)
def events(request: OrgRequest) -> HttpResponse:
    """The events; organisers create one here, or the agenda of an event offering that has
    none yet (`?offering=<slug>`, from the offering's editor)."""
    can_run = allows(request.membership.role, Permission.RUN_AGENDA)
    offering = _agenda_less_offering(request)
    form = EventForm(request.POST or None, for_offering=offering is not None)
    if request.method == "POST":
        if not can_run:
            return HttpResponse(status=403)
        if form.is_valid():
            try:
                event = services.event_create(
                    organisation=request.organisation,
                    actor=request.user,
                    offering=offering,
                    **form.cleaned_data,
                )
            except ServiceError as error:
                show_service_error(form, error)
            else:
                messages.success(request, f"{event.name} is created: add its days and rooms.")
                return redirect("event_setup", request.organisation.slug, event.slug)
    context = {
        "events": selectors.events(request.membership),
        "form": form,
        "can_run": can_run,
        "offering": offering,
    }
    return render(request, "agenda/events.html", context)


def _agenda_less_offering(request: OrgRequest) -> Offering | None:
    slug = request.GET.get("offering") or request.POST.get("offering")
    if not slug:
        return None
    return get_object_or_404(
        Offering.objects.filter(kind=Kind.EVENT, agenda__isnull=True), slug=slug
    )


@org_page(Permission.TAKE_PART_IN_AGENDA)
def event(request: OrgRequest, event: str) -> HttpResponse:
    found = lookup.event(request, event)
    return render(request, "agenda/event.html", _grid_context(found, request.user.pk))


# The public schedule is the same for everyone and read far more often than it changes, so
# its grid is kept in the shared cache for a while per published version: a new version
# shows at once, interest counts and renamed sessions within this many seconds.
PUBLIC_GRID_SECONDS = 30


@public_page
def public_schedule(request: HttpRequest, org: str, event: str) -> HttpResponse:
    """The published schedule of an event, for anyone with the address."""
    organisation = get_object_or_404(Organisation, slug=org)
    with scope(organisation=organisation):
        visible = Event.objects.filter(offering__status__in=selectors.VISIBLE)
        found = get_object_or_404(visible.select_related("offering"), offering__slug=event)
        published = selectors.published_schedule(found)
        if published is None:
            raise Http404("No schedule is published for this event yet.")
        context = {
            "event": found,
            "published": published,
            "organisation": organisation,
            "grid_html": _public_grid(found, published),
        }
        return render(request, "agenda/public_schedule.html", context)


def _public_grid(event: Event, published: Schedule) -> SafeString:
    assert published.published_at is not None
    key = f"public-schedule:{published.pk}:{published.published_at.timestamp()}"
    html = cache.get(key)
    if html is None:
        context = {"grid": selectors.grid(event, published), "mine": set()}
        html = render_to_string("agenda/_grid.html", context)
        cache.set(key, html, PUBLIC_GRID_SECONDS)
    return mark_safe(html)  # rendered by our own template, escaped there


def _grid_context(event: Event, user_id: int) -> dict[str, object]:
    published = selectors.published_schedule(event)
    return {
        "event": event,
        "published": published,
        "grid": selectors.grid(event, published) if published else None,
        "mine": set(selectors.my_interest(event, user_id)),
    }


@org_page(Permission.RUN_AGENDA)
def event_setup(request: OrgRequest, event: str) -> HttpResponse:
    found = lookup.event(request, event)
    initial = {
        "name": found.name,
        "description": found.description,
        "topics": "\n".join(found.topics),
        "move_penalty": found.move_penalty,
    }
    forms = {
        "settings_form": EventSettingsForm(
            request.POST if request.POST.get("form") == "settings" else None, initial=initial
        ),
        "day_form": DayForm(request.POST if request.POST.get("form") == "day" else None),
        "room_form": RoomForm(request.POST if request.POST.get("form") == "room" else None),
    }
    if request.method == "POST":
        done = _setup_post(request, found, forms)
        if done:
            return redirect("event_setup", request.organisation.slug, found.slug)
    slots = selectors.slots(found)
    context = {
        "event": found,
        "days": selectors.days(slots),
        "rooms": selectors.rooms(found),
        "phases": Phase.choices,
        **forms,
    }
    return render(request, "agenda/setup.html", context)


def _setup_post(request: OrgRequest, event: Event, forms: Mapping[str, Form]) -> bool:
    which = request.POST.get("form")
    try:
        if which == "phase":
            services.event_move_to(event=event, actor=request.user, phase=request.POST["phase"])
            messages.success(request, f"{event.name} is now: {event.get_phase_display()}.")
            return True
        form = forms.get(f"{which}_form")
        if form is None or not form.is_valid():
            return False
        data = form.cleaned_data
        if which == "settings":
            services.event_update(event=event, actor=request.user, **data)
            messages.success(request, "Saved.")
        elif which == "day":
            added = services.slots_add_day(event=event, actor=request.user, **data)
            messages.success(request, f"{len(added)} slots added on {data['day']:%A %d %B}.")
        elif which == "room":
            room = services.room_save(event=event, actor=request.user, **data)
            messages.success(request, f"{room.name} is saved.")
        return True
    except ServiceError as error:
        form = forms.get(f"{which}_form")
        if form is not None:
            show_service_error(form, error)
        else:
            messages.error(request, error.message)
        return False


@org_page(Permission.RUN_AGENDA)
def room_edit(request: OrgRequest, event: str, room_id: int) -> HttpResponse:
    found = lookup.event(request, event)
    room = lookup.room(found, room_id)
    initial = {
        "name": room.name,
        "capacity": room.capacity,
        "strict_capacity": room.strict_capacity,
        "features": ", ".join(room.features),
        "closed": room.closed,
    }
    form = RoomForm(request.POST or None, initial=initial)
    if request.method == "POST":
        try:
            if "delete" in request.POST:
                services.room_delete(room=room, actor=request.user)
                messages.success(request, f"{room.name} is deleted.")
                return redirect("event_setup", request.organisation.slug, found.slug)
            if form.is_valid():
                services.room_save(event=found, actor=request.user, room=room, **form.cleaned_data)
                messages.success(request, f"{room.name} is saved.")
                return redirect("event_setup", request.organisation.slug, found.slug)
        except ServiceError as error:
            show_service_error(form, error)
    return render(request, "agenda/room_edit.html", {"event": found, "room": room, "form": form})
