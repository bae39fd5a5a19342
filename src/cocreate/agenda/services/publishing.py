"""Drafts become the published agenda: organisers move sessions by hand (checked at once),
then publish a numbered version. Each session's option takes its time, room and seats
(so everyone's plan and calendar show it), and whoever chose a session that moved, or
lost or won a seat, is told what changed, once, on their channel."""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django_scopes import scope

from cocreate.accounts.models import User
from cocreate.agenda import engine
from cocreate.agenda.models import Proposal, Room, Schedule, Slot
from cocreate.agenda.services.runs import figures_of
from cocreate.agenda.services.sessions import (
    deliver_schedule,
    latest_published,
    moves,
    seat_lines,
    tell,
)
from cocreate.core.errors import Conflict, InvalidInput
from cocreate.engines import agenda as optimiser
from cocreate.messaging.services import emit
from cocreate.organisations import audit


def schedule_move(
    *, schedule: Schedule, actor: User, proposal: Proposal, room: Room, slot: Slot
) -> Schedule:
    """Move one session of a draft; refused, with the reasons, if a hard constraint breaks."""
    event = schedule.event
    if schedule.version is not None:
        raise Conflict("A published schedule does not change: move sessions in a draft.")
    if str(proposal.pk) not in schedule.placements:
        raise InvalidInput(f"“{proposal.title}” is not in this schedule.")
    if room.event_id != event.pk or slot.event_id != event.pk or room.closed:
        raise InvalidInput("Choose an open room and a slot of this event.")
    placements = {**schedule.placements, str(proposal.pk): [room.pk, slot.pk]}
    built = engine.build(event)
    found, _ = optimiser.evaluate(built.instance, built.placements(placements))
    if found.violations:
        raise InvalidInput(
            "Not moved: " + " ".join(found.violations),
            code="constraint_broken",
            fields={"slot": list(found.violations)},
        )
    with transaction.atomic():
        schedule.placements, schedule.figures = placements, figures_of(found, None)
        schedule.save(update_fields=["placements", "figures"])
        audit.record(
            organisation=event.organisation,
            actor=actor,
            action="schedule.session_moved",
            target=proposal.title,
            room=room.name,
            slot=str(slot),
        )
    return schedule


def schedule_publish(*, schedule: Schedule, actor: User) -> Schedule:
    """Publish a draft as the next version; tell each attendee whose plan changed."""
    event = schedule.event
    if schedule.version is not None:
        raise Conflict(f"Version {schedule.version} is published already.")
    built = engine.build(event)
    found, _ = optimiser.evaluate(built.instance, built.placements(schedule.placements))
    missing = set(built.proposals) - {sid for sid in built.placements(schedule.placements)}
    if found.violations or missing:
        reasons = list(found.violations) + [f"{sid} has no place" for sid in sorted(missing)]
        raise Conflict(
            "The agenda changed since this draft: re-plan first. " + " ".join(reasons),
            code="stale_draft",
        )
    with transaction.atomic(), scope(organisation=event.organisation_id):
        previous = latest_published(event)
        before = previous.placements if previous else {}
        last = Schedule.objects.filter(event=event).aggregate(v=Max("version"))["v"] or 0
        schedule.version, schedule.published_at = last + 1, timezone.now()
        schedule.figures = figures_of(found, None) | {
            k: v for k, v in schedule.figures.items() if k.startswith("bound")
        }
        schedule.save(update_fields=["version", "published_at", "figures"])
        lines = moves(event, before, schedule.placements)
        seats = seat_lines(deliver_schedule(event))
        tell(event, lines, seats)
        audit.record(
            organisation=event.organisation,
            actor=actor,
            action="schedule.published",
            target=event.name,
            version=schedule.version,
            attendees_told=len(set(lines) | set(seats)),
        )
        emit(
            organisation=event.organisation,
            event="schedule.published",
            data={
                "event": event.slug,
                "version": schedule.version,
                "sessions": len(schedule.placements),
            },
        )
    return schedule
