"""A small event built through the services: one day, two rooms, four accepted sessions."""

from dataclasses import dataclass
from datetime import date, time

import pytest
from django_scopes import scope

from cocreate.agenda import services
from cocreate.agenda.models import Event, Proposal, Room, Schedule, Slot
from cocreate.conftest import Org

DAY = date(2027, 3, 11)


@dataclass
class Unconference:
    event: Event
    big: Room
    small: Room
    slots: list[Slot]
    journeys: Proposal  # the customer's, very popular
    metrics: Proposal  # staff
    ai: Proposal
    loyalty: Proposal


def build_event(org: Org, *, day: date = DAY) -> Unconference:
    """The same day on another date (one in the past: its sessions have taken place)."""
    actor = org.organiser
    event = services.event_create(
        organisation=org.organisation,
        actor=actor,
        name="CX Day",
        topics=["Journey mapping", "Measurement", "AI"],
    )
    # Two slots in a row, a break, two more.
    services.slots_add_day(
        event=event,
        actor=actor,
        day=day,
        times=[
            (time(9), time(10)),
            (time(10), time(11)),
            (time(11, 30), time(12, 30)),
            (time(12, 30), time(13, 30)),
        ],
    )
    big = services.room_save(event=event, actor=actor, name="Big hall", capacity=50)
    small = services.room_save(event=event, actor=actor, name="Small room", capacity=2)

    def accepted(by, title, **fields):
        proposal = services.proposal_submit(event=event, proposer=by, title=title, **fields)
        return services.proposal_accept(proposal=proposal, actor=actor)

    journeys = accepted(org.customer, "Journey maps people use", topics=["Journey mapping"])
    metrics = accepted(org.staff, "Measuring effort", topics=["Measurement"])
    ai = accepted(org.organiser, "Chatbots that hand over", topics=["AI"])
    loyalty = accepted(org.partner, "Loyalty without points")
    for person, wanted in [
        (org.customer, [journeys, metrics]),
        (org.staff, [journeys, ai]),
        (org.partner, [journeys, metrics, loyalty]),
        (org.organiser, [metrics]),
    ]:
        for proposal in wanted:
            services.interest_set(proposal=proposal, user=person, weight="must")
    with scope(organisation=org.organisation):
        stored = list(Slot.objects.filter(event=event).order_by("starts_at"))
    return Unconference(event, big, small, stored, journeys, metrics, ai, loyalty)


def plan(u: Unconference, actor, *, replan: bool = False, seconds: float = 2):
    """Start a run and carry it out here (what the background worker does)."""
    run = services.run_start(event=u.event, actor=actor, replan=replan, time_limit=seconds)
    services.run_execute(run.pk)
    run.refresh_from_db()
    return run


@pytest.fixture
def day(acme) -> Unconference:
    return build_event(acme)


def draft_of(run) -> Schedule:
    with scope(organisation=run.organisation_id):
        return Schedule.objects.get(run=run)


def published(event, version: int) -> Schedule:
    with scope(organisation=event.organisation_id):
        return Schedule.objects.get(event=event, version=version)
