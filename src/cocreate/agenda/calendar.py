"""A personal agenda as an iCalendar feed (RFC 5545), built with `icalendar`. Each event
keeps its UID across versions, so calendar apps update it in place."""

from datetime import UTC, datetime

from django.conf import settings
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from cocreate.agenda.models import Event, PersonalAgenda, Proposal, Room, Schedule, Slot


def agenda_calendar(event: Event, agenda: PersonalAgenda | None) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Cocreate//Personal agenda//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", event.name)
    calendar.add("refresh-interval;value=duration", "PT15M")
    if agenda is None:
        return calendar.to_ical()
    published = (
        Schedule.objects.filter(event=event, version=agenda.version)
        .values_list("placements", flat=True)
        .first()
        or {}
    )
    slots = {s.pk: s for s in Slot.objects.filter(event=event).order_by("starts_at")}
    ordered = list(slots.values())
    rooms = dict(Room.objects.filter(event=event).values_list("pk", "name"))
    sessions = Proposal.objects.in_bulk([int(p) for p in agenda.items.values()])
    host = settings.SITE_URL.split("://")[-1].split("/")[0] or "cocreate"
    stamp = datetime.now(UTC)
    started: set[int] = set()  # a session of several slots is one calendar event
    for slot_pk, proposal_pk in sorted(agenda.items.items(), key=lambda kv: _start(slots, kv[0])):
        slot, session = slots.get(int(slot_pk)), sessions.get(int(proposal_pk))
        if slot is None or session is None or session.pk in started:
            continue
        started.add(session.pk)
        start_index = ordered.index(slot)
        end = ordered[min(len(ordered) - 1, start_index + session.length - 1)].ends_at
        placed = published.get(str(session.pk))
        entry = CalendarEvent()
        entry.add("uid", f"agenda-{event.pk}-{agenda.user_id}-{slot_pk}@{host}")
        entry.add("dtstamp", stamp)
        entry.add("dtstart", slot.starts_at.astimezone(UTC))
        entry.add("dtend", end.astimezone(UTC))
        entry.add("summary", session.title)
        entry.add("sequence", agenda.version)
        if placed:
            entry.add("location", rooms.get(placed[0], ""))
        if session.abstract:
            entry.add("description", session.abstract)
        calendar.add_component(entry)
    return calendar.to_ical()


def _start(slots: dict[int, Slot], slot_pk: str) -> datetime:
    slot = slots.get(int(slot_pk))
    return slot.starts_at if slot else datetime.max.replace(tzinfo=UTC)
