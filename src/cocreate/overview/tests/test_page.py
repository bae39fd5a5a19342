"""The overview page as a whole: each role's sections, the all-done state, the notice of
missing profile answers, leaving, and never another organisation's data."""

import pytest
from django.utils import timezone

from cocreate.conftest import client_for, link_in
from cocreate.ideas.tests.conftest import build_ideas
from cocreate.listening.tests.conftest import build_journey
from cocreate.messaging.tests.test_notify import welcome
from cocreate.organisations import services as organisations
from cocreate.organisations.models import Role
from cocreate.overview import selectors
from cocreate.overview.tests.conftest import (
    answered_idea,
    catering,
    event,
    falling,
    meals,
    outcome,
    overview_items,
    page_of,
    sent_survey,
    simple_offering,
)

ROLES = ["organiser", "staff", "partner", "customer"]


def everything_to_do(org) -> None:
    """Something for every role to do in `org`."""
    simple_offering(org, "Spa day")
    event(org, "CX Day", proposed=1)
    build_ideas(org)
    build_journey(org)
    falling(org, "get help")
    meals(org, "Lunches", catering(org), days=(0, -1))
    organisations.invitation_create(
        organisation=org.organisation,
        invited_by=org.organiser,
        email=f"kai@{org.slug}.test",
        role=Role.STAFF,
    )
    sent_survey(org, "What matters on the day", outcome(org))
    answered_idea(org, "Record every talk")
    for person in (org.organiser, org.partner, org.customer):
        welcome(org, person)


@pytest.mark.parametrize("role", ROLES)
def test_with_nothing_to_do_each_role_is_all_caught_up(acme, role):
    page = page_of(getattr(acme, role), acme)

    assert "You are all caught up" in page
    assert 'class="next-section"' not in page
    assert '<a href="/o/acme/ideas/new/">Share an idea</a>' in page


def test_each_role_sees_its_own_sections_in_order(acme):
    everything_to_do(acme)

    def sections(user) -> list[str]:
        found = selectors.overview_of(acme.member(user), now=timezone.now())
        return [section.key for section in found.sections]

    assert sections(acme.organiser) == ["organising", "answering", "yours"]
    assert sections(acme.staff) == ["answering", "yours"]
    assert sections(acme.partner) == ["delivering", "yours"]
    assert sections(acme.customer) == ["yours"]
    assert set(overview_items(acme, acme.customer)) == {
        "design",
        "surveys_waiting",
        "idea_answers",
        "unread_messages",
    }


@pytest.mark.parametrize("role", ROLES)
def test_nobody_is_told_about_another_organisations_work(acme, rival, role):
    everything_to_do(rival)

    assert overview_items(rival, getattr(rival, role))  # rival's people have work to do
    assert overview_items(acme, getattr(acme, role)) == {}
    assert "You are all caught up" in page_of(getattr(acme, role), acme)


def test_a_member_of_both_sees_each_organisations_work_in_its_own_overview(
    acme, rival, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        organisations.invitation_create(
            organisation=rival.organisation,
            invited_by=rival.organiser,
            email=acme.customer.email,
            role=Role.CUSTOMER,
        )
    token = link_in(mailoutbox[-1], "/invitations/").strip("/").split("/")[-1]
    organisations.invitation_accept(token=token, user=acme.customer)  # welcomed there
    simple_offering(rival, "Spa day")

    in_rival = overview_items(rival, acme.customer)

    assert set(in_rival) == {"design", "unread_messages"}
    assert in_rival["unread_messages"].sentence == (  # welcome, and the Spa day is open
        "2 messages from Rival Bistro are unread in your inbox."
    )
    assert overview_items(acme, acme.customer) == {}


def test_missing_profile_answers_are_still_asked_for(acme):
    organisations.profile_field_create(
        organisation=acme.organisation,
        actor=acme.organiser,
        key="job",
        label="Job title",
        kind="text",
        required=True,
    )

    page = page_of(acme.customer, acme)

    assert "Your profile is missing answers Acme Events asks everyone for:" in page
    assert "Job title." in page
    assert '<a href="/o/acme/profile/" role="button">Complete your profile</a>' in page


def test_a_member_can_still_leave_from_the_overview(acme):
    client = client_for(acme.customer)

    page = client.get("/o/acme/").content.decode()
    response = client.post("/o/acme/leave/")

    assert 'action="/o/acme/leave/"' in page
    assert response.status_code == 302
    assert client.get("/o/acme/").status_code == 404


def test_an_outsider_finds_no_overview(acme, rival):
    assert client_for(rival.customer).get("/o/acme/").status_code == 404
