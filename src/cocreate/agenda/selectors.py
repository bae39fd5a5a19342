"""Reads of events, proposals, schedules and agendas. Each enters the scope itself."""

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Count, Exists, F, Max, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django_scopes import scope

from cocreate.agenda.models import (
    Constraint,
    ConstraintKind,
    Event,
    Phase,
    Proposal,
    ProposalStatus,
    Room,
    Run,
    Schedule,
    Slot,
)
from cocreate.agenda.phases import Action
from cocreate.agenda.phases import allows as phase_allows
from cocreate.ideas.models import Challenge, Idea
from cocreate.offerings.lifecycle import LIFECYCLE
from cocreate.offerings.models import Choice, Design, Weight
from cocreate.organisations.models import Membership, Organisation
from cocreate.organisations.rules import Permission, allows

VISIBLE = [status for status, each in LIFECYCLE.items() if each.visible_to_customers]
ACCEPTING = [status for status, each in LIFECYCLE.items() if each.accepts_designs]


def events(membership: Membership) -> QuerySet[Event]:
    """Organisers see every event; everyone else those whose offering is past its draft."""
    with scope(organisation=membership.organisation_id):
        found = Event.objects.select_related("offering")
        if not allows(membership.role, Permission.RUN_AGENDA):
            found = found.filter(offering__status__in=VISIBLE)
        return found.order_by("-created_at")


def events_taking_proposals(membership: Membership) -> list[Event]:
    return [e for e in events(membership) if phase_allows(e.phase, Action.PROPOSE)]


def sessions_from(source: Idea | Challenge, membership: Membership) -> list[Proposal]:
    """The sessions an idea or a challenge became, at the events this person may see."""
    field = "idea" if isinstance(source, Idea) else "challenge"
    with scope(organisation=membership.organisation_id):
        return list(
            Proposal.objects.filter(**{field: source}, event__in=events(membership))
            .select_related("event__offering")
            .order_by("created_at", "id")
        )


def slots(event: Event) -> list[Slot]:
    with scope(organisation=event.organisation_id):
        return list(Slot.objects.filter(event=event).order_by("starts_at"))


def rooms(event: Event, *, open_only: bool = False) -> list[Room]:
    with scope(organisation=event.organisation_id):
        found = Room.objects.filter(event=event)
        return list(found.filter(closed=False) if open_only else found)


def days(event_slots: list[Slot]) -> list[tuple[date, list[Slot]]]:
    grouped: dict[date, list[Slot]] = {}
    for slot in event_slots:
        grouped.setdefault(timezone.localtime(slot.starts_at).date(), []).append(slot)
    return list(grouped.items())


def proposals(event: Event) -> QuerySet[Proposal]:
    """With how many people want each (must, would like)."""
    with scope(organisation=event.organisation_id):
        return (
            Proposal.objects.filter(event=event)
            .select_related("proposer", "merged_into", "idea", "challenge")
            .prefetch_related("speakers__user")
            .annotate(
                must=Count("option__choices", filter=Q(option__choices__weight=Weight.MUST)),
                like=Count(
                    "option__choices", filter=Q(option__choices__weight__in=[Weight.LIKE, ""])
                ),
            )
            .order_by("created_at", "id")
        )


def proposals_by(event: Event, user_id: int) -> list[Proposal]:
    """What this person proposed for the event, newest first."""
    with scope(organisation=event.organisation_id):
        return list(
            Proposal.objects.filter(event=event, proposer_id=user_id)
            .select_related("merged_into")
            .order_by("-created_at", "-id")
        )


def my_interest(event: Event, user_id: int) -> dict[int, str]:
    with scope(organisation=event.organisation_id):
        return dict(
            Choice.objects.filter(
                option__session__event=event, design__user_id=user_id
            ).values_list("option__session", "weight")
        )


def published_schedule(event: Event) -> Schedule | None:
    with scope(organisation=event.organisation_id):
        return (
            Schedule.objects.filter(event=event, version__isnull=False).order_by("-version").first()
        )


def latest_draft(event: Event) -> Schedule | None:
    with scope(organisation=event.organisation_id):
        return (
            Schedule.objects.filter(event=event, version__isnull=True)
            .select_related("run")
            .order_by("-created_at", "-id")
            .first()
        )


def runs(event: Event) -> list[Run]:
    with scope(organisation=event.organisation_id):
        return list(Run.objects.filter(event=event).order_by("-created_at")[:10])


@dataclass(frozen=True)
class Cell:
    proposal: Proposal
    span: int  # slots it lasts
    audience: int  # people who want it


@dataclass(frozen=True)
class Grid:
    """Rooms by slots of one schedule: `cells[(room pk, slot pk)]` where a session starts,
    and `covered` the later slots of multi-slot sessions."""

    rooms: list[Room]
    slots: list[Slot]
    cells: dict[tuple[int, int], Cell]
    covered: set[tuple[int, int]]

    def rows(self) -> list[tuple[Slot, list[tuple[Room, Cell | str | None]]]]:
        """Per slot, per room: the session starting there, "covered" where one continues,
        or None where the room is free."""
        return [
            (
                slot,
                [
                    (
                        room,
                        self.cells.get((room.pk, slot.pk))
                        or ("covered" if (room.pk, slot.pk) in self.covered else None),
                    )
                    for room in self.rooms
                ],
            )
            for slot in self.slots
        ]


def grid(event: Event, schedule: Schedule) -> Grid:
    event_slots = slots(event)
    order = {s.pk: n for n, s in enumerate(event_slots)}
    with scope(organisation=event.organisation_id):
        placed = {
            p.pk: p for p in proposals(event).filter(pk__in=[int(k) for k in schedule.placements])
        }
    cells: dict[tuple[int, int], Cell] = {}
    covered: set[tuple[int, int]] = set()
    for key, (room_pk, slot_pk) in schedule.placements.items():
        proposal = placed.get(int(key))
        if proposal is None or slot_pk not in order:
            continue
        audience = proposal.must + proposal.like  # type: ignore[attr-defined]
        cells[(room_pk, slot_pk)] = Cell(proposal, proposal.length, audience)
        for later in event_slots[order[slot_pk] + 1 : order[slot_pk] + proposal.length]:
            covered.add((room_pk, later.pk))
    used_rooms = {room for room, _ in cells} | {room for room, _ in covered}
    shown = [r for r in rooms(event) if not r.closed or r.pk in used_rooms]
    return Grid(shown, event_slots, cells, covered)


def room_left(event: Event, *, since: datetime | None = None) -> int:
    """How many more one-slot sessions a re-plan keeping what starts before `since` (now)
    could place: the room-slots of open rooms from then on that neither the published
    schedule, a reservation nor an accepted session still to place takes."""
    event_slots = slots(event)
    since = since or timezone.now()
    later = [s.pk for s in event_slots if s.starts_at >= since]
    with scope(organisation=event.organisation_id):
        open_rooms = set(
            Room.objects.filter(event=event, closed=False).values_list("pk", flat=True)
        )
        reserved = Constraint.objects.filter(
            event=event, kind=ConstraintKind.RESERVE, slot__in=later, room__in=open_rooms
        ).count()
        lengths = dict(accepted(event).values_list("pk", "length"))
    published = published_schedule(event)
    placements = published.placements if published is not None else {}
    order = [s.pk for s in event_slots]
    taken = 0
    for key, (room, slot) in placements.items():
        if int(key) in lengths and room in open_rooms and slot in order:
            first = order.index(slot)
            taken += len(set(order[first : first + lengths[int(key)]]) & set(later))
    unplaced = sum(length for pk, length in lengths.items() if str(pk) not in placements)
    return len(later) * len(open_rooms) - reserved - taken - unplaced


def popularity(event: Event) -> Counter[int]:
    with scope(organisation=event.organisation_id):
        return Counter(
            dict(
                Choice.objects.filter(option__session__event=event)
                .values_list("option__session")
                .annotate(n=Count("id"))
                .order_by()
            )
        )


def accepted(event: Event) -> QuerySet[Proposal]:
    return proposals(event).filter(status=ProposalStatus.ACCEPTED)


# What the organisation's overview tells each person to do next.


@dataclass(frozen=True)
class SessionsToChoose:
    """An event taking choices, as one person stands with its sessions."""

    event: Event
    sessions: int  # accepted sessions, which people choose
    chosen: int  # of them, chosen by this person
    new: int  # proposed after the person's design last changed, and not chosen


def sessions_to_choose(membership: Membership) -> list[SessionsToChoose]:
    """Events taking choices that have sessions this person has chosen none of, or new
    sessions since their design last changed (two queries, whatever the number of events).

    A session counts as new when it was proposed after that change: a proposal keeps when
    it was made, not when it was accepted, so one accepted later is not new."""
    phases = [phase for phase in Phase if phase_allows(phase, Action.SHOW_INTEREST)]
    user_id = membership.user_id
    with scope(organisation=membership.organisation_id):
        changed = Design.objects.filter(offering=OuterRef("offering"), user_id=user_id)
        found = list(
            Event.objects.filter(phase__in=phases, offering__status__in=ACCEPTING)
            .select_related("offering")
            .annotate(changed_at=Subquery(changed.values("updated_at")[:1]))
            .order_by("-created_at", "-id")
        )
        chosen = Choice.objects.filter(option=OuterRef("option"), design__user_id=user_id)
        sessions = (
            Proposal.objects.filter(
                event__in=found, status=ProposalStatus.ACCEPTED, option__isnull=False
            )
            .annotate(mine=Exists(chosen))
            .values_list("event_id", "created_at", "mine")
        )
        by_event: dict[int, list[tuple[datetime, bool]]] = {}
        for event_id, created_at, mine in sessions:
            by_event.setdefault(event_id, []).append((created_at, mine))
    rows = []
    for event in found:
        offered = by_event.get(event.pk, [])
        since = event.changed_at
        new = sum(1 for at, mine in offered if not mine and since is not None and at > since)
        row = SessionsToChoose(event, len(offered), sum(mine for _, mine in offered), new)
        if row.sessions and (not row.chosen or row.new):
            rows.append(row)
    return rows


def proposals_awaiting(organisation: Organisation | int) -> list[tuple[Event, int]]:
    """Events still running with proposals no organiser has decided on, and how many
    (one query)."""
    with scope(organisation=organisation):
        found = (
            Event.objects.exclude(phase=Phase.CLOSED)
            .annotate(
                waiting=Count("proposals", filter=Q(proposals__status=ProposalStatus.PROPOSED))
            )
            .filter(waiting__gt=0)
            .select_related("offering")
            .order_by("-created_at", "-id")
        )
        return [(event, event.waiting) for event in found]


def unpublished_drafts(organisation: Organisation | int) -> list[tuple[Event, datetime]]:
    """Events still running whose newest draft schedule is newer than their newest
    published version (or that have none), with when that draft was made (one query)."""
    with scope(organisation=organisation):
        found = (
            Event.objects.exclude(phase=Phase.CLOSED)
            .annotate(
                draft_at=Max("schedules__created_at", filter=Q(schedules__version__isnull=True)),
                published_at=Max(
                    "schedules__created_at", filter=Q(schedules__version__isnull=False)
                ),
            )
            .filter(draft_at__isnull=False)
            .filter(Q(published_at__isnull=True) | Q(draft_at__gt=F("published_at")))
            .select_related("offering")
            .order_by("-created_at", "-id")
        )
        return [(event, event.draft_at) for event in found]
