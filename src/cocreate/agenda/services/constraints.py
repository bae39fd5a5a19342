"""Organisers' hard constraints: pins, apart, in sequence, reserved room-slots.

A new constraint is checked against the others before it is saved: if together they
admit no schedule, it is refused with the smallest set of constraints that conflict.
"""

from django.db import transaction
from django_scopes import scope

from cocreate.accounts.models import User
from cocreate.agenda import engine
from cocreate.agenda.models import Constraint, ConstraintKind, Event, Proposal, Room, Slot
from cocreate.core.errors import InvalidInput
from cocreate.engines import agenda as optimiser
from cocreate.organisations import audit

CHECK_SECONDS = 10.0


def constraint_add(
    *,
    event: Event,
    actor: User,
    kind: str,
    proposal: Proposal | None = None,
    other: Proposal | None = None,
    room: Room | None = None,
    slot: Slot | None = None,
    immediately: bool = False,
) -> Constraint:
    _check_shape(event, kind, proposal, other, room, slot)
    constraint = Constraint(
        organisation_id=event.organisation_id,
        event=event,
        kind=kind,
        proposal=proposal,
        other=other,
        room=room,
        slot=slot,
        immediately=immediately and kind == ConstraintKind.SEQUENCE,
    )
    built = engine.build(event, extra=[constraint])
    try:
        conflicting = optimiser.explain_infeasibility(built.instance, CHECK_SECONDS)
    except optimiser.AgendaInputError as error:
        raise InvalidInput(f"Not saved: {error}", code="infeasible") from None
    if conflicting:
        raise InvalidInput(
            "Not saved: no schedule satisfies these constraints together: "
            + "; ".join(conflicting)
            + ".",
            code="infeasible",
        )
    with transaction.atomic(), scope(organisation=event.organisation_id):
        constraint.save()
        audit.record(
            organisation=event.organisation,
            actor=actor,
            action="event.constraint_added",
            target=event.name,
            kind=kind,
        )
    return constraint


def constraint_delete(*, constraint: Constraint, actor: User) -> None:
    event = constraint.event
    with transaction.atomic(), scope(organisation=event.organisation_id):
        audit.record(
            organisation=event.organisation,
            actor=actor,
            action="event.constraint_deleted",
            target=event.name,
            kind=constraint.kind,
        )
        constraint.delete()


def _check_shape(
    event: Event,
    kind: str,
    proposal: Proposal | None,
    other: Proposal | None,
    room: Room | None,
    slot: Slot | None,
) -> None:
    for thing in (proposal, other, room, slot):
        if thing is not None and thing.event_id != event.pk:
            raise InvalidInput("Name sessions, rooms and slots of this event.")
    if kind == ConstraintKind.PIN and (proposal is None or (room is None and slot is None)):
        raise InvalidInput("Pin a session to a room, a slot or both.")
    if kind in (ConstraintKind.APART, ConstraintKind.SEQUENCE) and (
        proposal is None or other is None or proposal.pk == other.pk
    ):
        raise InvalidInput("Name two different sessions.")
    if kind == ConstraintKind.RESERVE and (room is None or slot is None):
        raise InvalidInput("Reserve a room at a slot.")
    if kind not in ConstraintKind.values:
        raise InvalidInput(f"Choose one of: {', '.join(ConstraintKind.values)}.")
