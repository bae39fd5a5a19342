"""What the overview counts, built through the services as people would make it."""

from datetime import datetime, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_scopes import scope

from cocreate.agenda import selectors as agenda_selectors
from cocreate.agenda import services as agenda
from cocreate.agenda.models import Event, Proposal
from cocreate.conftest import Org, client_for
from cocreate.ideas import services as ideas
from cocreate.ideas.models import Idea, Outcome, Survey
from cocreate.listening import services as listening
from cocreate.listening.tests.conftest import build_journey
from cocreate.messaging.tests.conftest import fast_retries, provider  # noqa: F401  (fixtures)
from cocreate.offerings import services as offerings
from cocreate.offerings.models import Offering, Option, Partner
from cocreate.overview import selectors
from cocreate.overview.items import Item


def overview_items(org: Org, user, *, now: datetime | None = None) -> dict[str, Item]:
    """Everything the overview tells this person, by item."""
    found = selectors.overview_of(org.member(user), now=now or timezone.now())
    return {item.key: item for section in found.sections for item in section.items}


def page_of(user, org: Org) -> str:
    response = client_for(user).get(f"/o/{org.slug}/")
    assert response.status_code == 200
    return response.content.decode()


def queries_on_overview(user, org: Org) -> int:
    client = client_for(user)
    client.get(f"/o/{org.slug}/")  # the session, once
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/o/{org.slug}/")
    assert response.status_code == 200
    return len(queries)


def today_at(hour: int, *, days: int = 0) -> datetime:
    """A time today (or `days` from today) in the site's time zone."""
    day = timezone.localdate() + timedelta(days=days)
    return datetime.combine(day, time(hour), timezone.get_current_timezone())


# Offerings


def simple_offering(org: Org, name: str, *, steps: int = 1) -> Offering:
    """An open offering whose steps each ask for one option out of two."""
    actor = org.organiser
    offering = offerings.offering_create(organisation=org.organisation, actor=actor, name=name)
    for n in range(steps):
        step = offerings.dimension_create(
            offering=offering, actor=actor, name=f"Step {n + 1}", min_picks=1, max_picks=1
        )
        for option in ("A", "B"):
            offerings.option_create(dimension=step, actor=actor, name=f"{option} {n + 1}")
    offerings.offering_transition(offering=offering, actor=actor, to="open")
    offering.refresh_from_db()
    return offering


def options_of(offering: Offering) -> list[Option]:
    with scope(organisation=offering.organisation_id):
        return list(Option.objects.filter(offering=offering).order_by("dimension__position", "pk"))


def design(org: Org, user, offering: Offering, options: list[Option]) -> None:
    offerings.design_submit(
        offering=offering,
        membership=org.member(user),
        options=[str(o.pk) for o in options],
        answers={},
    )


def timed_offering(org: Org, name: str, starts: list[datetime], **fields) -> Offering:
    """An open offering of one step of hour-long options, any number of which may be chosen."""
    actor = org.organiser
    offering = offerings.offering_create(organisation=org.organisation, actor=actor, name=name)
    step = offerings.dimension_create(offering=offering, actor=actor, name="Sessions")
    for n, start in enumerate(starts):
        offerings.option_create(
            dimension=step,
            actor=actor,
            name=f"{name} {n + 1}",
            starts_at=start,
            ends_at=start + timedelta(hours=1),
            **fields,
        )
    offerings.offering_transition(offering=offering, actor=actor, to="open")
    offering.refresh_from_db()
    return offering


def catering(org: Org) -> Partner:
    return offerings.partner_save(
        organisation=org.organisation,
        actor=org.organiser,
        name="Good Food Co",
        member_ids=[org.member(org.partner).pk],
    )


def meals(org: Org, name: str, partner: Partner, *, days: tuple[int, ...]) -> Offering:
    """An open offering of meals the partner serves, one at noon on each of `days` (0 is
    today, -1 yesterday), chosen by the customer."""
    offering = timed_offering(org, name, [today_at(12, days=d) for d in days], partner=partner)
    design(org, org.customer, offering, options_of(offering))
    return offering


# The agenda


def event(org: Org, name: str, *, accepted: int = 1, proposed: int = 0) -> Event:
    """An event with `accepted` sessions (chosen by the staff member) and `proposed` ones
    waiting for a decision."""
    found = agenda.event_create(organisation=org.organisation, actor=org.organiser, name=name)
    for n in range(accepted):
        proposal = agenda.proposal_submit(event=found, proposer=org.staff, title=f"Talk {n + 1}")
        agenda.proposal_accept(proposal=proposal, actor=org.organiser)
    for n in range(proposed):
        agenda.proposal_submit(event=found, proposer=org.customer, title=f"Idea {n + 1}")
    return found


def accept(org: Org, found: Event, title: str) -> Proposal:
    proposal = agenda.proposal_submit(event=found, proposer=org.staff, title=title)
    return agenda.proposal_accept(proposal=proposal, actor=org.organiser)


def choose(org: Org, user, proposal: Proposal) -> None:
    agenda.interest_set(proposal=proposal, user=user, weight="like")


def accepted_of(found: Event) -> list[Proposal]:
    with scope(organisation=found.organisation_id):
        return list(agenda_selectors.accepted(found).select_related("event"))


def draft_schedule(org: Org, name: str) -> Event:
    """An event with one slot, one room and one session, planned into a draft."""
    found = event(org, name)
    agenda.slots_add_day(
        event=found,
        actor=org.organiser,
        day=timezone.localdate() + timedelta(days=30),
        times=[(time(9), time(10))],
    )
    agenda.room_save(event=found, actor=org.organiser, name="Hall", capacity=20)
    run = agenda.run_start(event=found, actor=org.organiser, time_limit=1)
    agenda.run_execute(run.pk)
    return found


def publish(org: Org, found: Event) -> None:
    draft = agenda_selectors.latest_draft(found)
    assert draft is not None
    agenda.schedule_publish(schedule=draft, actor=org.organiser)


# Ideas and surveys


def answered_idea(org: Org, title: str) -> Idea:
    """The customer's idea, which the staff member moved to planned."""
    idea = ideas.idea_submit(organisation=org.organisation, author=org.customer, title=title)
    ideas.idea_respond(idea=idea, membership=org.member(org.staff), status="planned")
    return idea


def outcome(org: Org) -> Outcome:
    """An accepted job with one accepted outcome (an organiser's are accepted at once)."""
    organiser = org.member(org.organiser)
    job = ideas.job_propose(membership=organiser, title="Find my way around the venue")
    return ideas.outcome_propose(
        membership=organiser,
        job=job,
        direction="minimise",
        metric="the time it takes",
        object_of_control="to find a session",
    )


def sent_survey(org: Org, title: str, about: Outcome) -> Survey:
    """An outcome survey the organiser sent to the customers."""
    survey = ideas.survey_create(
        organisation=org.organisation, actor=org.organiser, title=title, outcome_ids=[about.pk]
    )
    return ideas.survey_send(survey=survey, actor=org.organiser)


# Listening


def feedback(org: Org, touchpoint: str, scores: list[int], *, days_ago: float, measure="nps"):
    """Answers at a touchpoint, `days_ago` days ago, sent by another system."""
    at = timezone.now() - timedelta(days=days_ago)
    listening.feedback_ingest(
        organisation=org.organisation,
        actor=org.organiser,
        items=[{"touchpoint": touchpoint, "submitted_at": at, measure: s} for s in scores],
    )


def falling(org: Org, touchpoint: str) -> None:
    """Twelve promoters 40 days ago, twelve detractors 5 days ago."""
    feedback(org, touchpoint, [10] * 12, days_ago=40)
    feedback(org, touchpoint, [2] * 12, days_ago=5)


@pytest.fixture
def journey(acme):
    return build_journey(acme)
