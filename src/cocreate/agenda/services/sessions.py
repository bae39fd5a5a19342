"""The agenda's sessions are options of the event offering's sessions step.

Accepting a session adds its option (its confirmed speakers host it); declining or merging
retires it; publishing a schedule gives each option its time, room and seats, and the
people who chose a session hear what changed for them, once, on their channel.
"""

from collections import defaultdict
from collections.abc import Iterable, Mapping

from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scope

from cocreate.accounts.models import User
from cocreate.agenda.models import Event, Proposal, ProposalStatus, Room, Schedule, Slot, Speaker
from cocreate.core.links import site_link
from cocreate.messaging.services import notify
from cocreate.offerings import services as offerings
from cocreate.offerings.models import Choice, ChoiceStatus, Option

Placement = tuple[int, int]  # room pk, first slot pk


def session_open(proposal: Proposal) -> None:
    """An accepted session becomes an option people choose."""
    if proposal.option_id is not None:
        return
    hosts = User.objects.filter(
        pk__in=Speaker.objects.filter(proposal=proposal, confirmed_at__isnull=False).values(
            "user_id"
        )
    )
    option = offerings.session_option_add(
        offering=proposal.event.offering,
        key=f"session-{proposal.pk}",
        name=proposal.title,
        description=proposal.abstract,
        tags=proposal.topics,
        hosts=hosts,
    )
    proposal.option = option
    proposal.save(update_fields=["option"])


def session_hosts_follow(proposal: Proposal) -> None:
    """The confirmed speakers host the session's option."""
    if proposal.option is None:
        return
    confirmed = Speaker.objects.filter(proposal=proposal, confirmed_at__isnull=False)
    hosts = User.objects.filter(pk__in=confirmed.values("user_id"))
    offerings.session_hosts_set(option=proposal.option, hosts=hosts)


def session_close(proposal: Proposal, *, into: Proposal | None = None) -> None:
    """A declined or merged session's option goes; its choices move to the session it was
    merged into. Everyone who had chosen it is told."""
    if proposal.option is None:
        return
    event = proposal.event
    moved, gone = offerings.option_retire(
        option=proposal.option, move_to=into.option if into is not None else None
    )
    lines: dict[int, list[str]] = defaultdict(list)
    for user_id in moved:
        assert into is not None
        lines[user_id].append(
            _("“%(old)s” is now part of “%(new)s”: it is in your plan instead.")
            % {"old": proposal.title, "new": into.title}
        )
    for user_id in gone:
        lines[user_id].append(
            _("“%(title)s” will not take place: it is no longer in your plan.")
            % {"title": proposal.title}
        )
    tell(event, lines)


def latest_published(event: Event) -> Schedule | None:
    return Schedule.objects.filter(event=event, version__isnull=False).order_by("-version").first()


def deliver_schedule(event: Event) -> list[offerings.SeatChange]:
    """Give each session's option the time, room and seats of the latest published
    schedule; the seats that changed hands as a result."""
    with scope(organisation=event.organisation_id):
        published = latest_published(event)
        if published is None:
            return []
        slots = list(Slot.objects.filter(event=event).order_by("starts_at"))
        index = {s.pk: n for n, s in enumerate(slots)}
        rooms = {r.pk: r for r in Room.objects.filter(event=event)}
        accepted = Proposal.objects.filter(
            event=event, status=ProposalStatus.ACCEPTED, option__isnull=False
        )
        times: dict[int, offerings.SessionTime | None] = {}
        for proposal in accepted:
            assert proposal.option_id is not None
            room_pk, slot_pk = published.placements.get(str(proposal.pk), (None, None))
            if slot_pk not in index or room_pk not in rooms:
                times[proposal.option_id] = None
                continue
            first = index[slot_pk]
            last = slots[min(len(slots) - 1, first + proposal.length - 1)]
            room = rooms[room_pk]
            times[proposal.option_id] = offerings.SessionTime(
                slots[first].starts_at, last.ends_at, room.capacity, room.name
            )
        return offerings.sessions_schedule(offering=event.offering, times=times)


def moves(
    event: Event, before: Mapping[str, list[int]], after: Mapping[str, list[int]]
) -> dict[int, list[str]]:
    """Per person who chose a session that moved (or was placed for the first time): a
    line saying when and where it is now."""
    changed = [int(pk) for pk, placed in after.items() if before.get(pk) != placed]
    if not changed:
        return {}
    slots = {s.pk: timezone.localtime(s.starts_at) for s in Slot.objects.filter(event=event)}
    rooms = dict(Room.objects.filter(event=event).values_list("pk", "name"))
    titles = dict(Proposal.objects.filter(pk__in=changed).values_list("option_id", "title"))
    where = {}
    for proposal_pk, option_pk in Proposal.objects.filter(pk__in=changed).values_list(
        "pk", "option_id"
    ):
        room, slot = after[str(proposal_pk)]
        values = {
            "when": f"{slots[slot]:%a %H:%M}",
            "title": titles[option_pk],
            "room": rooms.get(room, "?"),
        }
        if str(proposal_pk) in before:
            was_room, was_slot = before[str(proposal_pk)]
            values["was_when"] = f"{slots[was_slot]:%a %H:%M}" if was_slot in slots else "?"
            values["was_room"] = rooms.get(was_room, "?")
            line = (
                _("%(when)s: “%(title)s” in %(room)s (was %(was_when)s in %(was_room)s)") % values
            )
        else:
            line = _("%(when)s: “%(title)s” in %(room)s") % values
        where[option_pk] = line
    lines: dict[int, list[str]] = defaultdict(list)
    chosen = Choice.objects.filter(option_id__in=where).values_list("design__user_id", "option_id")
    for user_id, option_pk in chosen.order_by("option__starts_at", "option_id"):
        lines[user_id].append(where[option_pk])
    return lines


def seat_lines(changes: Iterable[offerings.SeatChange]) -> dict[int, list[str]]:
    changes = list(changes)
    names = dict(
        Option.objects.filter(pk__in={c.option_id for c in changes}).values_list("pk", "name")
    )
    lines: dict[int, list[str]] = defaultdict(list)
    for change in changes:
        if change.status == ChoiceStatus.WAITLISTED:
            line = _("“%(title)s”: its room is full, so you are on its waitlist now.")
        else:
            line = _("“%(title)s”: a seat is yours.")
        lines[change.user_id].append(line % {"title": names.get(change.option_id, "")})
    return lines


def tell_seat_changes(event: Event, changes: list[offerings.SeatChange]) -> None:
    tell(event, seat_lines(changes))


def tell(event: Event, *parts: Mapping[int, list[str]]) -> None:
    """One message per person, on their channel, with every line that concerns them."""
    lines: dict[int, list[str]] = defaultdict(list)
    for part in parts:
        for user_id, each in part.items():
            lines[user_id] += each
    if not lines:
        return
    people = {u.pk: u for u in User.objects.filter(pk__in=lines)}
    link = site_link("my_plan", event.organisation.slug, event.slug)
    for user_id, changes in lines.items():
        if user_id not in people:
            continue
        notify(
            recipient=people[user_id],
            organisation=event.organisation,
            kind="agenda_changed",
            context={"event": event.name, "changes": changes, "count": len(changes)},
            link=link,
        )
