"""Each role's overview costs the same number of queries with one thing of each kind to
do as with three (each item is one or two queries, whatever it counts)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from cocreate.ideas import services as ideas
from cocreate.messaging.tests.test_notify import welcome
from cocreate.offerings import services as offerings
from cocreate.organisations import services as organisations
from cocreate.organisations.models import Role
from cocreate.overview.tests.conftest import (
    accept,
    accepted_of,
    answered_idea,
    catering,
    choose,
    design,
    draft_schedule,
    event,
    falling,
    meals,
    options_of,
    outcome,
    overview_items,
    queries_on_overview,
    sent_survey,
    simple_offering,
    timed_offering,
)

TOUCHPOINTS = ("discover", "choose", "buy")


@pytest.mark.parametrize("n", [1, 3])
def test_a_customers_overview_does_not_grow_with_what_there_is_to_do(acme, n):
    for i in range(n):
        simple_offering(acme, f"Offering {i}")
        day = event(acme, f"Event {i}")
        choose(acme, acme.customer, accepted_of(day)[0])
        accept(acme, day, f"New talk {i}")
        answered_idea(acme, f"Idea {i}")
    soon = timezone.now() + timedelta(days=1)
    talks = timed_offering(acme, "Talks", [soon + timedelta(hours=2 * i) for i in range(n)])
    design(acme, acme.customer, talks, options_of(talks))
    about = outcome(acme)
    for i in range(n):
        sent_survey(acme, f"Survey {i}", about)

    found = overview_items(acme, acme.customer)

    assert {key: item.count for key, item in found.items() if key != "unread_messages"} == {
        "design": n,
        "sessions": n,
        "next_sessions": n,
        "surveys_waiting": n,
        "idea_answers": n,
    }
    assert queries_on_overview(acme.customer, acme) == 16


@pytest.mark.parametrize("n", [1, 3])
def test_a_staff_members_overview_does_not_grow_with_what_there_is_to_do(acme, journey, n):
    for i in range(n):
        ideas.idea_submit(organisation=acme.organisation, author=acme.customer, title=f"Idea {i}")
        falling(acme, TOUCHPOINTS[i])
        welcome(acme, acme.staff)

    found = overview_items(acme, acme.staff)

    assert {key: item.count for key, item in found.items()} == {
        "ideas_waiting": n,
        "falling_scores": n,
        "unread_messages": n,
    }
    assert queries_on_overview(acme.staff, acme) == 16


@pytest.mark.parametrize("n", [1, 3])
def test_a_partners_overview_does_not_grow_with_what_there_is_to_do(acme, n):
    partner = catering(acme)
    for i in range(n):
        meals(acme, f"Meals {i}", partner, days=(0, -1))

    found = overview_items(acme, acme.partner)

    assert {key: item.count for key, item in found.items()} == {
        "fulfil_today": n,
        "fulfil_overdue": n,
    }
    assert queries_on_overview(acme.partner, acme) == 13


@pytest.mark.parametrize("n", [1, 3])
def test_an_organisers_overview_does_not_grow_with_what_there_is_to_do(acme, journey, n):
    about = outcome(acme)
    for i in range(n):
        event(acme, f"Event {i}", proposed=1)
        draft_schedule(acme, f"Planned {i}")
        full = simple_offering(acme, f"Offering {i}")
        offerings.option_update(
            option=options_of(full)[0], actor=acme.organiser, name="A 1", capacity=1
        )
        design(acme, acme.customer, full, options_of(full)[:1])
        organisations.invitation_create(
            organisation=acme.organisation,
            invited_by=acme.organiser,
            email=f"guest{i}@example.org",
            role=Role.CUSTOMER,
        )
        idea = ideas.idea_submit(
            organisation=acme.organisation, author=acme.customer, title=f"Idea {i}"
        )
        ideas.challenge_create(
            idea=idea,
            actor=acme.organiser,
            title=f"Challenge {i}",
            problem="A problem worth working on together.",
            deadline=timezone.localdate() + timedelta(days=30),
        )
        sent_survey(acme, f"Survey {i}", about)
        falling(acme, TOUCHPOINTS[i])
        welcome(acme, acme.organiser)

    found = overview_items(acme, acme.organiser)

    assert {key: item.count for key, item in found.items()} == {
        "proposals": n,
        "drafts": n,
        "nearly_full": n,
        "invitations": n,
        "ideas_waiting": n,
        "falling_scores": n,
        "surveys_running": n,
        "challenges_running": n,
        "unread_messages": n,
    }
    assert queries_on_overview(acme.organiser, acme) == 22
