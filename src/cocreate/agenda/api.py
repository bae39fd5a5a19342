"""Co-created agendas over REST: events, rooms, slots, proposals, interest, constraints,
optimiser runs, publishing, and each person's agenda. Handlers are thin."""

from datetime import time
from typing import Any

from django.shortcuts import get_object_or_404
from ninja import Router, Status

from cocreate.agenda import selectors, services, sources
from cocreate.agenda.models import Constraint, Event, Proposal, Room, Run, Schedule, Slot
from cocreate.agenda.schemas import (
    AgendaEventIn,
    AgendaEventOut,
    ConstraintIn,
    ConstraintOut,
    DayIn,
    DecisionIn,
    FromSourceIn,
    InterestIn,
    MoveIn,
    PhaseIn,
    ProposalIn,
    ProposalOut,
    RoomIn,
    RoomOut,
    RunIn,
    RunOut,
    ScheduleOut,
    SlotOut,
)
from cocreate.agenda.views import lookup
from cocreate.core.errors import InvalidInput
from cocreate.ideas import selectors as ideas
from cocreate.organisations.access import OrgRequest, org_operation
from cocreate.organisations.rules import Permission

router = Router(tags=["Agenda"])
EVENTS = "/orgs/{org}/events"
ONE = EVENTS + "/{event}"
TAKE_PART, RUN = Permission.TAKE_PART_IN_AGENDA, Permission.RUN_AGENDA


def _event(request: OrgRequest, slug: str) -> Event:
    return lookup.event(request, slug)


def _in(model: Any, event: Event, pk: int | None) -> Any:
    return None if pk is None else get_object_or_404(model.objects.filter(event=event), pk=pk)


@router.get(EVENTS, response=list[AgendaEventOut])
@org_operation(TAKE_PART)
def list_events(request: OrgRequest, org: str) -> Any:
    return list(selectors.events(request.membership))


@router.post(EVENTS, response={201: AgendaEventOut})
@org_operation(RUN)
def create_event(request: OrgRequest, org: str, payload: AgendaEventIn) -> Status[Event]:
    event = services.event_create(
        organisation=request.organisation, actor=request.user, **payload.model_dump()
    )
    return Status(201, event)


@router.get(ONE, response=AgendaEventOut)
@org_operation(TAKE_PART)
def get_event(request: OrgRequest, org: str, event: str) -> Event:
    return _event(request, event)


@router.post(ONE + "/phase", response=AgendaEventOut)
@org_operation(RUN)
def change_phase(request: OrgRequest, org: str, event: str, payload: PhaseIn) -> Event:
    return services.event_move_to(
        event=_event(request, event), actor=request.user, phase=payload.phase
    )


@router.get(ONE + "/slots", response=list[SlotOut])
@org_operation(TAKE_PART)
def list_slots(request: OrgRequest, org: str, event: str) -> Any:
    return selectors.slots(_event(request, event))


@router.post(ONE + "/slots", response={201: list[SlotOut]})
@org_operation(RUN)
def add_day(request: OrgRequest, org: str, event: str, payload: DayIn) -> Status[Any]:
    try:
        times = [(time.fromisoformat(a), time.fromisoformat(b)) for a, b in payload.times]
    except ValueError:
        raise InvalidInput("Give times as HH:MM.", fields={"times": ["Use HH:MM."]}) from None
    slots = services.slots_add_day(
        event=_event(request, event), actor=request.user, day=payload.day, times=times
    )
    return Status(201, slots)


@router.get(ONE + "/rooms", response=list[RoomOut])
@org_operation(TAKE_PART)
def list_rooms(request: OrgRequest, org: str, event: str) -> Any:
    return selectors.rooms(_event(request, event))


@router.post(ONE + "/rooms", response={201: RoomOut})
@org_operation(RUN)
def create_room(request: OrgRequest, org: str, event: str, payload: RoomIn) -> Status[Room]:
    room = services.room_save(
        event=_event(request, event), actor=request.user, **payload.model_dump()
    )
    return Status(201, room)


@router.put(ONE + "/rooms/{room_id}", response=RoomOut)
@org_operation(RUN)
def change_room(request: OrgRequest, org: str, event: str, room_id: int, payload: RoomIn) -> Room:
    found = _event(request, event)
    room = _in(Room, found, room_id)
    return services.room_save(event=found, actor=request.user, room=room, **payload.model_dump())


@router.delete(ONE + "/rooms/{room_id}", response={204: None})
@org_operation(RUN)
def delete_room(request: OrgRequest, org: str, event: str, room_id: int) -> Status[None]:
    services.room_delete(room=_in(Room, _event(request, event), room_id), actor=request.user)
    return Status(204, None)


@router.get(ONE + "/proposals", response=list[ProposalOut])
@org_operation(TAKE_PART)
def list_proposals(request: OrgRequest, org: str, event: str) -> Any:
    return list(selectors.proposals(_event(request, event)))


@router.post(ONE + "/proposals", response={201: ProposalOut})
@org_operation(TAKE_PART)
def propose(request: OrgRequest, org: str, event: str, payload: ProposalIn) -> Status[Proposal]:
    proposal = services.proposal_submit(
        event=_event(request, event), proposer=request.user, **payload.model_dump()
    )
    return Status(201, proposal)


@router.post(ONE + "/proposals/from-idea/{idea_id}", response={201: ProposalOut})
@org_operation(TAKE_PART)
def propose_idea(
    request: OrgRequest, org: str, event: str, idea_id: int, payload: FromSourceIn
) -> Status[Proposal]:
    """Propose an idea as a session (its author and staff may): its author stays the
    proposer, and its followers hear of it."""
    found = _event(request, event)
    idea = ideas.idea_for(request.membership, idea_id)
    proposal = services.proposal_from_idea(
        event=found,
        idea=idea,
        membership=request.membership,
        **_filled(payload, sources.from_idea(found, idea)),
    )
    return Status(201, proposal)


@router.post(ONE + "/proposals/from-challenge/{challenge_id}", response={201: ProposalOut})
@org_operation(TAKE_PART)
def propose_challenge(
    request: OrgRequest, org: str, event: str, challenge_id: int, payload: FromSourceIn
) -> Status[Proposal]:
    """Run a challenge as a session (staff and organisers may): the lead customers who
    took part are asked to host it."""
    found = _event(request, event)
    challenge = ideas.challenge_for(request.membership, challenge_id)
    proposal = services.proposal_from_challenge(
        event=found,
        challenge=challenge,
        membership=request.membership,
        **_filled(payload, sources.from_challenge(found, challenge)),
    )
    return Status(201, proposal)


def _filled(payload: FromSourceIn, prefill: dict[str, Any]) -> dict[str, Any]:
    """What the request gives, and the rest as the page would prefill it."""
    given = {k: v for k, v in payload.model_dump().items() if v is not None}
    return {**prefill, **given}


@router.post(ONE + "/proposals/{proposal_id}/decision", response=ProposalOut)
@org_operation(RUN)
def decide(
    request: OrgRequest, org: str, event: str, proposal_id: int, payload: DecisionIn
) -> Proposal:
    found = _event(request, event)
    proposal = _in(Proposal, found, proposal_id)
    if payload.decision == "accept":
        return services.proposal_accept(proposal=proposal, actor=request.user)
    if payload.decision == "decline":
        return services.proposal_decline(
            proposal=proposal, actor=request.user, reason=payload.reason
        )
    if payload.decision == "merge":
        into = _in(Proposal, found, payload.into)
        if into is None:
            raise InvalidInput("Say which proposal to merge into.", fields={"into": ["Required."]})
        return services.proposal_merge(proposal=proposal, into=into, actor=request.user)
    raise InvalidInput("Decide accept, decline or merge.", fields={"decision": ["Unknown."]})


@router.put(ONE + "/proposals/{proposal_id}/interest", response={204: None})
@org_operation(TAKE_PART)
def set_interest(
    request: OrgRequest, org: str, event: str, proposal_id: int, payload: InterestIn
) -> Status[None]:
    proposal = _in(Proposal, _event(request, event), proposal_id)
    services.interest_set(proposal=proposal, user=request.user, weight=payload.weight)
    return Status(204, None)


@router.get(ONE + "/constraints", response=list[ConstraintOut])
@org_operation(RUN)
def list_constraints(request: OrgRequest, org: str, event: str) -> Any:
    return list(Constraint.objects.filter(event=_event(request, event)))


@router.post(ONE + "/constraints", response={201: ConstraintOut})
@org_operation(RUN)
def add_constraint(
    request: OrgRequest, org: str, event: str, payload: ConstraintIn
) -> Status[Constraint]:
    found = _event(request, event)
    constraint = services.constraint_add(
        event=found,
        actor=request.user,
        kind=payload.kind,
        proposal=_in(Proposal, found, payload.proposal),
        other=_in(Proposal, found, payload.other),
        room=_in(Room, found, payload.room),
        slot=_in(Slot, found, payload.slot),
        immediately=payload.immediately,
    )
    return Status(201, constraint)


@router.delete(ONE + "/constraints/{constraint_id}", response={204: None})
@org_operation(RUN)
def delete_constraint(
    request: OrgRequest, org: str, event: str, constraint_id: int
) -> Status[None]:
    constraint = _in(Constraint, _event(request, event), constraint_id)
    services.constraint_delete(constraint=constraint, actor=request.user)
    return Status(204, None)


@router.post(ONE + "/runs", response={202: RunOut})
@org_operation(RUN)
def start_run(request: OrgRequest, org: str, event: str, payload: RunIn) -> Status[Any]:
    run = services.run_start(
        event=_event(request, event),
        actor=request.user,
        replan=payload.replan,
        time_limit=payload.time_limit,
    )
    return Status(202, _run(run))


@router.get(ONE + "/runs/{run_id}", response=RunOut)
@org_operation(RUN)
def get_run(request: OrgRequest, org: str, event: str, run_id: int) -> dict[str, Any]:
    return _run(_in(Run, _event(request, event), run_id))


def _run(run: Run) -> dict[str, Any]:
    schedule = Schedule.objects.filter(run=run).first()
    return {
        "id": run.pk,
        "replan": run.replan,
        "status": run.status,
        "progress": run.progress,
        "error": run.error,
        "schedule": schedule,
    }


@router.post(ONE + "/schedules/{schedule_id}/moves", response=ScheduleOut)
@org_operation(RUN)
def move_session(
    request: OrgRequest, org: str, event: str, schedule_id: int, payload: MoveIn
) -> Schedule:
    found = _event(request, event)
    return services.schedule_move(
        schedule=_in(Schedule, found, schedule_id),
        actor=request.user,
        proposal=_in(Proposal, found, payload.proposal),
        room=_in(Room, found, payload.room),
        slot=_in(Slot, found, payload.slot),
    )


@router.post(ONE + "/schedules/{schedule_id}/publish", response=ScheduleOut)
@org_operation(RUN)
def publish(request: OrgRequest, org: str, event: str, schedule_id: int) -> Schedule:
    found = _event(request, event)
    return services.schedule_publish(schedule=_in(Schedule, found, schedule_id), actor=request.user)


@router.get(ONE + "/schedule", response=ScheduleOut | None)
@org_operation(TAKE_PART)
def get_published(request: OrgRequest, org: str, event: str) -> Schedule | None:
    return selectors.published_schedule(_event(request, event))
