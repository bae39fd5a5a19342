"""The organisers' planning: constraints, optimiser runs with their progress, the draft
grid where sessions move by hand, and publishing."""

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from cocreate.agenda import selectors, services
from cocreate.agenda.forms import ConstraintForm, RunForm
from cocreate.agenda.models import Event, Proposal, Room, RunStatus, Slot
from cocreate.agenda.views import lookup
from cocreate.core.errors import ServiceError
from cocreate.core.forms import show_service_error
from cocreate.organisations.access import OrgRequest, org_page
from cocreate.organisations.rules import Permission


@org_page(Permission.RUN_AGENDA)
def planning(request: OrgRequest, event: str) -> HttpResponse:
    found = lookup.event(request, event)
    draft = selectors.latest_draft(found)
    published = selectors.published_schedule(found)
    runs = selectors.runs(found)
    context = {
        "event": found,
        "run_form": RunForm(),
        "run": runs[0] if runs else None,
        "draft": draft,
        "published": published,
        "grid": selectors.grid(found, draft) if draft else None,
        "diff": _diff_rows(found, draft.diff) if draft and draft.diff else None,
        "accepted": selectors.accepted(found).count(),
        "rooms": selectors.rooms(found, open_only=True),
        "slots": selectors.slots(found),
    }
    return render(request, "agenda/planning.html", context)


def _diff_rows(event: Event, diff: dict[str, list[dict[str, Any]]]) -> dict[str, list[str]]:
    """The draft's changes against the published schedule, as sentences."""
    titles = dict(Proposal.objects.filter(event=event).values_list("pk", "title"))
    rooms = dict(Room.objects.filter(event=event).values_list("pk", "name"))
    slots = {s.pk: str(s) for s in Slot.objects.filter(event=event)}

    def where(place: list[int] | None) -> str:
        if not place:
            return "—"
        room_pk, slot_pk = place
        return f"{slots.get(slot_pk, '?')} in {rooms.get(room_pk, 'a closed room')}"

    return {
        kind: [
            f"“{titles.get(c['proposal'], '?')}”: {where(c['before'])} → {where(c['after'])}"
            for c in changes
        ]
        for kind, changes in diff.items()
    }


@org_page(Permission.RUN_AGENDA, methods=["POST"])
def run_start(request: OrgRequest, event: str) -> HttpResponse:
    found = lookup.event(request, event)
    form = RunForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Give the optimiser between 1 and 600 seconds.")
    else:
        try:
            services.run_start(
                event=found,
                actor=request.user,
                replan=request.POST.get("replan") == "1",
                time_limit=form.cleaned_data["time_limit"],
            )
        except ServiceError as error:
            messages.error(request, error.message)
    return redirect("event_planning", request.organisation.slug, found.slug)


@org_page(Permission.RUN_AGENDA)
def run_progress(request: OrgRequest, event: str, run_id: int) -> HttpResponse:
    """A run's progress bar (polled while it runs); when it ends the page reloads."""
    found = lookup.event(request, event)
    run = lookup.run(found, run_id)
    finished = run.status in (RunStatus.DONE, RunStatus.FAILED)
    response = render(request, "agenda/run_progress.html", {"event": found, "run": run})
    if finished and request.htmx and request.GET.get("polling"):
        response["HX-Refresh"] = "true"
    return response


@org_page(Permission.RUN_AGENDA, methods=["POST"])
def session_move(request: OrgRequest, event: str, schedule_id: int) -> HttpResponse:
    found = lookup.event(request, event)
    draft = lookup.schedule(found, schedule_id)
    try:
        proposal = lookup.proposal(found, _number(request.POST.get("proposal")))
        room = lookup.room(found, _number(request.POST.get("room")))
        slot = Slot.objects.filter(event=found, pk=_number(request.POST.get("slot"))).first()
        if slot is None:
            raise ServiceError("Choose a slot of this event.")
        services.schedule_move(
            schedule=draft, actor=request.user, proposal=proposal, room=room, slot=slot
        )
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"“{proposal.title}” moved to {slot} in {room.name}.")
    return redirect("event_planning", request.organisation.slug, found.slug)


def _number(value: object) -> int:
    text = str(value or "")
    return int(text) if text.isdigit() else 0


@org_page(Permission.RUN_AGENDA, methods=["POST"])
def schedule_publish(request: OrgRequest, event: str, schedule_id: int) -> HttpResponse:
    found = lookup.event(request, event)
    draft = lookup.schedule(found, schedule_id)
    try:
        services.schedule_publish(schedule=draft, actor=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            f"Version {draft.version} is published; attendees whose agenda changed are told.",
        )
    return redirect("event_planning", request.organisation.slug, found.slug)


@org_page(Permission.RUN_AGENDA)
def constraints(request: OrgRequest, event: str) -> HttpResponse:
    found = lookup.event(request, event)
    accepted = selectors.accepted(found).order_by("title")
    form = ConstraintForm(request.POST or None, event=found, accepted=accepted)
    if request.method == "POST" and form.is_valid():
        try:
            services.constraint_add(event=found, actor=request.user, **form.cleaned_data)
        except ServiceError as error:
            show_service_error(form, error)
        else:
            messages.success(request, "The constraint is added.")
            return redirect("event_constraints", request.organisation.slug, found.slug)
    context = {
        "event": found,
        "form": form,
        "constraints": found.constraints.select_related("proposal", "other", "room", "slot"),
    }
    return render(request, "agenda/constraints.html", context, status=422 if form.errors else 200)


@org_page(Permission.RUN_AGENDA, methods=["POST"])
def constraint_delete(request: OrgRequest, event: str, constraint_id: int) -> HttpResponse:
    found = lookup.event(request, event)
    services.constraint_delete(
        constraint=lookup.constraint(found, constraint_id), actor=request.user
    )
    messages.success(request, "The constraint is deleted.")
    return redirect("event_constraints", request.organisation.slug, found.slug)
