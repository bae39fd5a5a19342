"""Finding what a URL names inside the organisation (else 404)."""

from django.shortcuts import get_object_or_404

from cocreate.agenda import selectors
from cocreate.agenda.models import Constraint, Event, Proposal, Room, Run, Schedule
from cocreate.organisations.access import OrgRequest


def event(request: OrgRequest, slug: str) -> Event:
    """By its offering's address, among the events this person may see."""
    found = get_object_or_404(selectors.events(request.membership), offering__slug=slug)
    found.organisation = request.organisation  # already loaded: no query when read
    return found


def proposal(event: Event, proposal_id: int) -> Proposal:
    return get_object_or_404(
        Proposal.objects.filter(event=event).select_related(
            "event", "merged_into", "idea", "challenge"
        ),
        pk=proposal_id,
    )


def room(event: Event, room_id: int) -> Room:
    return get_object_or_404(Room.objects.filter(event=event), pk=room_id)


def run(event: Event, run_id: int) -> Run:
    return get_object_or_404(Run.objects.filter(event=event), pk=run_id)


def schedule(event: Event, schedule_id: int) -> Schedule:
    return get_object_or_404(Schedule.objects.filter(event=event), pk=schedule_id)


def constraint(event: Event, constraint_id: int) -> Constraint:
    return get_object_or_404(Constraint.objects.filter(event=event), pk=constraint_id)
