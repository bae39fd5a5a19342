"""Organisers set an event up: its offering, slots, rooms, topics and phase.

An event is the agenda of one offering of kind event: creating an event creates its
offering (open, so people can propose and choose at once), or ties an event offering
that has no agenda yet. Its name, address and description are the offering's.
"""

import itertools
from collections.abc import Sequence
from datetime import date, datetime, time
from typing import Any

from django.db import transaction
from django.utils import timezone
from django_scopes import scope

from cocreate.accounts.models import User
from cocreate.agenda.models import Event, Phase, Room, Schedule, Slot
from cocreate.agenda.services.sessions import deliver_schedule, tell_seat_changes
from cocreate.core.errors import Conflict, InvalidInput
from cocreate.offerings import services as offerings
from cocreate.offerings.lifecycle import state
from cocreate.offerings.models import Kind, Offering, Status
from cocreate.organisations import audit
from cocreate.organisations.models import Organisation

Errors = dict[str, list[str]]


def event_create(
    *,
    organisation: Organisation,
    actor: User,
    name: str = "",
    slug: str = "",
    description: str = "",
    topics: Sequence[str] = (),
    offering: Offering | None = None,
) -> Event:
    """The agenda of `offering` (an event offering without one), or of a new open event
    offering named `name`."""
    with transaction.atomic(), scope(organisation=organisation):
        if offering is None:
            offering = offerings.offering_create(
                organisation=organisation,
                actor=actor,
                name=name,
                slug=slug,
                description=description,
                kind=Kind.EVENT,
            )
            offerings.offering_transition(offering=offering, actor=actor, to=Status.OPEN)
        elif offering.kind != Kind.EVENT or offering.organisation_id != organisation.pk:
            message = "Only an event offering of this organisation has an agenda."
            raise InvalidInput(message, fields={"offering": [message]})
        elif Event.objects.filter(offering=offering).exists():
            message = f"{offering.name} has its agenda already."
            raise Conflict(message, fields={"offering": [message]})
        offerings.sessions_step(offering)
        event = Event.objects.create(
            organisation=organisation, offering=offering, topics=_topics(topics)
        )
        _audit(event, actor, "event.created")
    return event


def event_update(
    *,
    event: Event,
    actor: User,
    name: str,
    description: str,
    topics: Sequence[str],
    move_penalty: float,
) -> Event:
    if not 0 <= move_penalty <= 1000:
        raise InvalidInput(
            "The move penalty is between 0 and 1000 wishes.",
            fields={"move_penalty": ["Between 0 and 1000."]},
        )
    offering = event.offering
    with transaction.atomic():
        offerings.offering_update(  # the offering is the one record of its name
            offering=offering,
            actor=actor,
            name=name,
            description=description,
            kind=offering.kind,
            unit=offering.unit,
            budget=offering.budget,
        )
        event.topics, event.move_penalty = _topics(topics), move_penalty
        event.save(update_fields=["topics", "move_penalty"])
        _audit(event, actor, "event.updated")
    return event


def event_move_to(*, event: Event, actor: User, phase: str) -> Event:
    if phase not in Phase.values:
        raise InvalidInput(f"'{phase}' is not a phase; use one of: {', '.join(Phase.values)}.")
    with transaction.atomic(), scope(organisation=event.organisation_id):
        if (
            phase in (Phase.SCHEDULED, Phase.LIVE)
            and not Schedule.objects.filter(event=event, version__isnull=False).exists()
        ):
            raise Conflict("Publish a schedule first: attendees need one to follow.")
        event.phase = phase
        event.save(update_fields=["phase"])
        _follow_phase(event, actor)
        _audit(event, actor, "event.phase_changed", phase=phase)
    return event


def _follow_phase(event: Event, actor: User) -> None:
    """A closed event takes no more changes to what people chose: its offering locks; an
    event that reopens opens it again."""
    offering = event.offering
    accepts = state(offering.status).accepts_designs
    if event.phase == Phase.CLOSED and accepts:
        offerings.offering_transition(offering=offering, actor=actor, to=Status.LOCKED)
    elif event.phase != Phase.CLOSED and offering.status == Status.LOCKED:
        offerings.offering_transition(offering=offering, actor=actor, to=Status.OPEN)


def slots_add_day(
    *, event: Event, actor: User, day: date, times: Sequence[tuple[time, time]]
) -> list[Slot]:
    """Add a day's slots: each (start, end) in the site's time zone; gaps are breaks."""
    errors: list[str] = []
    zone = timezone.get_current_timezone()
    spans = sorted(
        (datetime.combine(day, start, zone), datetime.combine(day, end, zone))
        for start, end in times
    )
    for start, end in spans:
        if end <= start:
            errors.append(f"{start:%H:%M}–{end:%H:%M} ends before it starts.")
    for (_, end), (start, _) in itertools.pairwise(spans):
        if start < end:
            errors.append(f"The slot at {start:%H:%M} starts before the one before it ends.")
    if not spans or len(spans) > 48:
        errors.append("Give between 1 and 48 slots for the day.")
    if errors:
        raise InvalidInput(" ".join(errors), fields={"times": errors})
    with transaction.atomic(), scope(organisation=event.organisation_id):
        taken = Slot.objects.filter(
            event=event,
            starts_at__lt=spans[-1][1],
            ends_at__gt=spans[0][0],
        )
        if taken.exists():
            raise Conflict(f"{day:%A %d %B} already has slots: remove them first.")
        slots = Slot.objects.bulk_create(
            Slot(organisation_id=event.organisation_id, event=event, starts_at=s, ends_at=e)
            for s, e in spans
        )
        _audit(event, actor, "event.day_added", day=day.isoformat(), slots=len(slots))
    return slots


def room_save(
    *,
    event: Event,
    actor: User,
    name: str,
    capacity: int,
    strict_capacity: bool = False,
    features: Sequence[str] = (),
    closed: bool = False,
    room: Room | None = None,
) -> Room:
    """Create or change a room. A closed room takes no sessions: re-plan to move its
    sessions elsewhere (a room lost during the event)."""
    errors: Errors = {}
    name = name.strip()
    if not name or len(name) > 80:
        errors["name"] = ["Use 1 to 80 characters."]
    if not isinstance(capacity, int) or capacity < 1 or capacity > 100_000:
        errors["capacity"] = ["Give the number of seats (1 or more)."]
    if errors:
        raise InvalidInput("The room could not be saved.", fields=errors)
    with transaction.atomic(), scope(organisation=event.organisation_id):
        same = Room.objects.filter(event=event, name__iexact=name)
        if room is not None:
            same = same.exclude(pk=room.pk)
        if same.exists():
            raise Conflict("Another room has this name.", fields={"name": ["Taken."]})
        room = room or Room(organisation_id=event.organisation_id, event=event)
        room.name, room.capacity, room.strict_capacity = name, capacity, strict_capacity
        room.closed = closed
        room.features = _topics(features)
        room.save()
        # The sessions in it have its seats and its name: a smaller room waitlists some.
        tell_seat_changes(event, deliver_schedule(event))
        _audit(event, actor, "event.room_saved", room=name)
    return room


def room_delete(*, room: Room, actor: User) -> None:
    """A room in the draft or published schedule cannot go: re-plan without it first."""
    event = room.event
    with transaction.atomic(), scope(organisation=event.organisation_id):
        using = [
            s
            for s in Schedule.objects.filter(event=event).order_by("-created_at")[:1]
            if any(room.pk == placed[0] for placed in s.placements.values())
        ]
        if using:
            raise Conflict(
                f"Sessions are in {room.name} in the latest schedule: close the room and "
                "re-plan first; delete it once no schedule uses it."
            )
        _audit(event, actor, "event.room_deleted", room=room.name)
        room.delete()


def _topics(values: Sequence[Any]) -> list[str]:
    out: list[str] = []
    for value in values or ():
        text = str(value).strip()
        if text and text.lower() not in (v.lower() for v in out):
            out.append(text[:60])
    return out[:40]


def _audit(event: Event, actor: User, action: str, **details: Any) -> None:
    audit.record(
        organisation=event.organisation,
        actor=actor,
        action=action,
        target=event.name,
        event=event.slug,
        **details,
    )
