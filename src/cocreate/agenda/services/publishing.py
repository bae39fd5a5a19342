"""Drafts become the published agenda: organisers move sessions by hand (checked at once),
then publish a numbered version; every attendee's agenda is rewritten and whoever's
changed is told what changed, on their channel."""

from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django_scopes import scope

from cocreate.accounts.models import User
from cocreate.agenda import engine
from cocreate.agenda.models import Event, PersonalAgenda, Proposal, Room, Schedule, Slot
from cocreate.agenda.services.runs import figures_of
from cocreate.core.errors import Conflict, InvalidInput
from cocreate.core.links import site_link
from cocreate.engines import agenda as optimiser
from cocreate.messaging.services import emit, notify
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
    """Publish a draft as the next version; tell each attendee whose agenda changed."""
    event = schedule.event
    if schedule.version is not None:
        raise Conflict(f"Version {schedule.version} is published already.")
    built = engine.build(event)
    found, paths = optimiser.evaluate(built.instance, built.placements(schedule.placements))
    missing = set(built.proposals) - {sid for sid in built.placements(schedule.placements)}
    if found.violations or missing:
        reasons = list(found.violations) + [f"{sid} has no place" for sid in sorted(missing)]
        raise Conflict(
            "The agenda changed since this draft: re-plan first. " + " ".join(reasons),
            code="stale_draft",
        )
    with transaction.atomic(), scope(organisation=event.organisation_id):
        last = Schedule.objects.filter(event=event).aggregate(v=Max("version"))["v"] or 0
        schedule.version, schedule.published_at = last + 1, timezone.now()
        schedule.figures = figures_of(found, None) | {
            k: v for k, v in schedule.figures.items() if k.startswith("bound")
        }
        schedule.save(update_fields=["version", "published_at", "figures"])
        changed = _rewrite_agendas(event, built, paths, schedule.version)
        _tell(event, changed)
        audit.record(
            organisation=event.organisation,
            actor=actor,
            action="schedule.published",
            target=event.name,
            version=schedule.version,
            attendees_told=len(changed),
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


def _rewrite_agendas(
    event: Event, built: engine.Built, paths: Any, version: int
) -> dict[int, list[tuple[int, int | None, int | None]]]:
    """Store every attendee's path; return, per person whose path changed, the changes
    as (slot pk, was proposal pk, now proposal pk)."""
    new = {
        int(attendee): {str(built.slots[s]): built.proposals[p] for s, p in path.items()}
        for attendee, path in paths.items()
    }
    old = {a.user_id: a for a in PersonalAgenda.objects.filter(event=event)}
    changed: dict[int, list[tuple[int, int | None, int | None]]] = {}
    for user_id, items in new.items():
        before = old[user_id].items if user_id in old else {}
        if before != items:
            changed[user_id] = [
                (int(slot), before.get(slot), items.get(slot))
                for slot in sorted(set(before) | set(items), key=int)
                if before.get(slot) != items.get(slot)
            ]
    for user_id in set(old) - set(new):  # no wishes any more
        if old[user_id].items:
            changed[user_id] = [(int(s), p, None) for s, p in old[user_id].items.items()]
    PersonalAgenda.objects.filter(event=event).exclude(user_id__in=new).delete()
    PersonalAgenda.objects.bulk_create(
        [
            PersonalAgenda(
                organisation_id=event.organisation_id,
                event=event,
                user_id=user_id,
                items=items,
                version=version,
            )
            for user_id, items in new.items()
        ],
        update_conflicts=True,
        unique_fields=["event", "user"],
        update_fields=["items", "version", "updated_at"],
    )
    return changed


def _tell(event: Event, changed: dict[int, list[tuple[int, int | None, int | None]]]) -> None:
    if not changed:
        return
    titles = dict(Proposal.objects.filter(event=event).values_list("pk", "title"))
    when = {s.pk: timezone.localtime(s.starts_at) for s in Slot.objects.filter(event=event)}
    people = {u.pk: u for u in User.objects.filter(pk__in=changed)}
    link = site_link("my_agenda", event.organisation.slug, event.slug)
    for user_id, changes in changed.items():
        lines = [
            f"{when[slot]:%a %H:%M}: "
            + (f"{titles[now]}" if now else "free")
            + (f" (was {titles[was]})" if was else "")
            for slot, was, now in changes
            if slot in when
        ]
        notify(
            recipient=people[user_id],
            organisation=event.organisation,
            kind="agenda_changed",
            context={"event": event.name, "changes": lines, "count": len(lines)},
            link=link,
        )
