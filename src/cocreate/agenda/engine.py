"""The thin adapter between the agenda's models and the optimiser (engines/agenda).

The optimiser names everything by string ids and says them in its sentences ("pin … in
room …"), so the ids are what an organiser reads: a session is “Title” (#12), a room its
name, a slot its day and time. `Built` maps them back to rows.
"""

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django_scopes import scope

from cocreate.agenda.models import (
    Constraint,
    ConstraintKind,
    Event,
    Proposal,
    ProposalStatus,
    Room,
    Slot,
    Speaker,
    Unavailability,
)
from cocreate.agenda.timing import follows
from cocreate.engines import agenda as optimiser
from cocreate.offerings.models import Choice, Weight

WEIGHTS = {Weight.MUST: optimiser.MUST, Weight.LIKE: optimiser.WOULD_LIKE}


@dataclass(frozen=True)
class Built:
    """An instance, and its engine ids mapped to proposal, room and slot pks."""

    instance: optimiser.Instance
    proposals: dict[str, int]
    rooms: dict[str, int]
    slots: dict[str, int]
    closed_rooms: dict[int, str]  # pk -> name of rooms no longer in use

    def ids(self) -> tuple[dict[int, str], dict[int, str], dict[int, str]]:
        """The reverse maps: proposal, room and slot pk -> engine id."""
        return _flip(self.proposals), _flip(self.rooms), _flip(self.slots)

    def placements(self, stored: dict[str, list[int]]) -> dict[str, optimiser.Placement]:
        """A stored schedule ({proposal pk: [room pk, slot pk]}) as the optimiser's."""
        proposal_id, room_id, slot_id = self.ids()
        return {
            # A session in a room closed since stays in it if it has already taken place; the
            # optimiser moves the others.
            proposal_id[int(pk)]: optimiser.Placement(
                room_id.get(room) or self.closed_rooms[room], slot_id[slot]
            )
            for pk, (room, slot) in stored.items()
            if int(pk) in proposal_id
            and (room in room_id or room in self.closed_rooms)
            and slot in slot_id
        }

    def stored(self, placements: dict[str, optimiser.Placement]) -> dict[str, list[int]]:
        return {
            str(self.proposals[sid]): [self.room_pk(p.room), self.slots[p.slot]]
            for sid, p in placements.items()
        }

    def room_pk(self, name: str) -> int:
        """Open rooms by their id in the instance, closed ones by name."""
        if name in self.rooms:
            return self.rooms[name]
        return next(pk for pk, closed in self.closed_rooms.items() if closed == name)


def session_id(proposal: Proposal) -> str:
    return f"“{proposal.title}” (#{proposal.pk})"


def slot_id(slot: Slot) -> str:
    return timezone.localtime(slot.starts_at).strftime("%a %d %b %H:%M")


def build(event: Event, *, extra: list[Constraint] | None = None) -> Built:
    """The optimiser's instance for the event as it is now (plus `extra` constraints not
    saved yet, to check them before saving)."""
    with scope(organisation=event.organisation_id):
        slots = list(Slot.objects.filter(event=event).order_by("starts_at"))
        rooms = list(Room.objects.filter(event=event, closed=False))
        closed = dict(Room.objects.filter(event=event, closed=True).values_list("pk", "name"))
        accepted = list(Proposal.objects.filter(event=event, status=ProposalStatus.ACCEPTED))
        speakers = list(
            Speaker.objects.filter(proposal__in=accepted, confirmed_at__isnull=False)
            .select_related("user")
            .values_list("proposal_id", "user_id", "user__name")
        )
        # What people want to attend is what they chose in their designs.
        wishes_rows = Choice.objects.filter(option__session__in=accepted).values_list(
            "design__user_id", "option__session", "weight"
        )
        away = Unavailability.objects.filter(slot__event=event).values_list("user_id", "slot_id")
        constraints = [*Constraint.objects.filter(event=event), *(extra or [])]
        proposal_id = {p.pk: session_id(p) for p in accepted}
        room_id = {r.pk: r.name for r in rooms}
        slot_key = {s.pk: slot_id(s) for s in slots}
        by_proposal: dict[int, list[str]] = defaultdict(list)
        speaker_name: dict[int, str] = {}
        for pk, user_id, name in speakers:
            speaker_name[user_id] = f"{name or 'speaker'} (#{user_id})"
            by_proposal[pk].append(speaker_name[user_id])
        wishes: dict[str, dict[str, float]] = defaultdict(dict)
        for user_id, pk, weight in wishes_rows:
            wishes[str(user_id)][proposal_id[pk]] = WEIGHTS[Weight(weight or Weight.LIKE)]
        unavailable: dict[str, set[str]] = defaultdict(set)
        for user_id, pk in away:
            if user_id in speaker_name:
                unavailable[speaker_name[user_id]].add(slot_key[pk])
    hard = _constraints(constraints, proposal_id, room_id, slot_key)
    instance = optimiser.Instance(
        slots=tuple(_slots(slots)),
        rooms=tuple(
            optimiser.Room(r.name, r.capacity, r.strict_capacity, frozenset(r.features))
            for r in rooms
        ),
        sessions=tuple(
            optimiser.Session(session_id(p), p.length, tuple(by_proposal[p.pk]), frozenset(p.needs))
            for p in accepted
        ),
        wishes=dict(wishes),
        unavailable={k: frozenset(v) for k, v in unavailable.items()},
        pins=hard.pins,
        apart=hard.apart,
        sequences=hard.sequences,
        reserved=hard.reserved,
    )
    return Built(instance, _flip(proposal_id), _flip(room_id), _flip(slot_key), closed)


def _flip(mapping: dict[Any, Any]) -> dict[Any, Any]:
    return {value: key for key, value in mapping.items()}


def _slots(slots: list[Slot]) -> list[optimiser.Slot]:
    """Days numbered from 0; a gap longer than a changeover is a break."""
    days: dict[Any, int] = {}
    out = []
    previous: Slot | None = None
    for slot in slots:
        day = days.setdefault(timezone.localtime(slot.starts_at).date(), len(days))
        gap = previous is not None and not follows(previous, slot)
        out.append(optimiser.Slot(slot_id(slot), day, break_before=gap))
        previous = slot
    return out


def _constraints(
    constraints: list[Constraint],
    proposal_id: dict[int, str],
    room_id: dict[int, str],
    slot_key: dict[int, str],
) -> "_Hard":
    """Constraints on sessions that are not accepted (yet) do not bind the optimiser."""
    pins: list[optimiser.Pin] = []
    apart: list[optimiser.Apart] = []
    sequences: list[optimiser.Sequence] = []
    reserved: list[optimiser.Reserved] = []
    for c in constraints:
        first = proposal_id.get(c.proposal_id) if c.proposal_id else None
        second = proposal_id.get(c.other_id) if c.other_id else None
        if c.kind == ConstraintKind.PIN and first:
            room = room_id.get(c.room_id) if c.room_id else None
            slot = slot_key.get(c.slot_id) if c.slot_id else None
            pins.append(optimiser.Pin(first, room, slot))
        elif c.kind == ConstraintKind.APART and first and second:
            apart.append(optimiser.Apart(first, second))
        elif c.kind == ConstraintKind.SEQUENCE and first and second:
            sequences.append(optimiser.Sequence(first, second, c.immediately))
        elif c.kind == ConstraintKind.RESERVE and c.room_id and c.slot_id:
            reserved.append(optimiser.Reserved(room_id[c.room_id], slot_key[c.slot_id]))
    return _Hard(tuple(pins), tuple(apart), tuple(sequences), tuple(reserved))


@dataclass(frozen=True)
class _Hard:
    pins: tuple[optimiser.Pin, ...]
    apart: tuple[optimiser.Apart, ...]
    sequences: tuple[optimiser.Sequence, ...]
    reserved: tuple[optimiser.Reserved, ...]
