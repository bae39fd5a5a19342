"""A job, its outcomes and a few ideas, built through the services as people would."""

from dataclasses import dataclass

import pytest
from django_scopes import scope

from cocreate.conftest import Org, make_user
from cocreate.ideas import services
from cocreate.ideas.models import Idea, Job, Outcome
from cocreate.organisations.models import Membership, Role


@dataclass
class Ideas:
    job: Job
    find: Outcome  # Minimise the time it takes to find a session worth attending
    miss: Outcome  # Minimise the likelihood of missing a talk I wanted to see
    queue: Outcome  # Minimise the time it takes to get a coffee between sessions
    recordings: Idea  # by the customer, serves `miss`
    coffee: Idea  # by the staff member, serves `queue`
    app: Idea  # by the partner, serves `find`


def build_ideas(org: Org) -> Ideas:
    organiser = org.member(org.organiser)
    job = services.job_propose(membership=organiser, title="Get the most out of a conference day")

    def outcome(metric: str, object_of_control: str, clarifier: str = "") -> Outcome:
        return services.outcome_propose(
            membership=organiser,
            job=job,
            direction="minimise",
            metric=metric,
            object_of_control=object_of_control,
            clarifier=clarifier,
        )

    find = outcome("the time it takes", "to find a session", "worth attending")
    miss = outcome("the likelihood", "of missing a talk", "I wanted to see")
    queue = outcome("the time it takes", "to get a coffee", "between sessions")

    def idea(user, title: str, served: Outcome) -> Idea:
        return services.idea_submit(
            organisation=org.organisation, author=user, title=title, outcome_ids=[served.pk]
        )

    return Ideas(
        job,
        find,
        miss,
        queue,
        idea(org.customer, "Record every talk and put the videos online", miss),
        idea(org.staff, "Put more coffee stations around the venue", queue),
        idea(org.partner, "Recommend sessions in the app from my interests", find),
    )


@pytest.fixture
def ideas(acme) -> Ideas:
    return build_ideas(acme)


def customers(org: Org, count: int) -> list:
    """More customers of the organisation, to vote and answer surveys."""
    people = []
    for n in range(count):
        user = make_user(f"customer{n}@{org.slug}.test", f"Customer {n}")
        with scope(organisation=org.organisation):
            Membership.objects.create(organisation=org.organisation, user=user, role=Role.CUSTOMER)
        people.append(user)
    return people


def isolation_values(org: Org) -> dict[str, int]:
    """One object of each kind the ideas routes name, for the tenant-isolation walk."""
    from datetime import timedelta

    from django.utils import timezone

    built = build_ideas(org)
    pair = services.pair_next(organisation=org.organisation, user=org.customer)
    survey = services.survey_create(
        organisation=org.organisation,
        actor=org.organiser,
        title="What matters on the day",
        outcome_ids=[built.find.pk, built.miss.pk],
    )
    challenge = services.challenge_create(
        idea=built.recordings,
        actor=org.organiser,
        title="Recordings people watch",
        problem="Half the attendees miss sessions they wanted to see.",
        deadline=timezone.localdate() + timedelta(days=30),
    )
    assert pair is not None
    return {
        "idea_id": built.recordings.pk,
        "comparison_id": pair.pk,
        "job_id": built.job.pk,
        "outcome_id": built.find.pk,
        "survey_id": survey.pk,
        "challenge_id": challenge.pk,
    }
