"""Challenges: a shortlisted idea bounded for lead customers, a thread, a recorded result."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_scopes import scope

from cocreate.conftest import client_for
from cocreate.core.errors import Conflict, InvalidInput, NotAllowed
from cocreate.ideas import selectors, services
from cocreate.ideas.models import ChallengeInvitation
from cocreate.ideas.tests.conftest import customers
from cocreate.messaging.models import Message


@pytest.fixture
def challenge(acme, ideas):
    return services.challenge_create(
        idea=ideas.recordings,
        actor=acme.organiser,
        title="Recordings people watch",
        problem="Half the attendees miss sessions they wanted to see.",
        constraints="One camera per room.",
        out_of_scope="Live streaming.",
        deadline=timezone.localdate() + timedelta(days=30),
    )


def kinds_for(org, user):
    with scope(organisation=org.organisation):
        return list(Message.objects.filter(recipient=user).values_list("kind", flat=True))


def test_a_challenge_needs_a_deadline_after_today(acme, ideas):
    with pytest.raises(InvalidInput, match="deadline after today"):
        services.challenge_create(
            idea=ideas.app,
            actor=acme.organiser,
            title="Better recommendations",
            problem="People cannot find the sessions worth attending.",
            deadline=timezone.localdate(),
        )


def test_lead_customers_come_by_participation_and_profile(acme, ideas, challenge):
    quiet, busy = customers(acme, 2)
    services.support_add(idea=ideas.app, user=busy)
    services.idea_submit(
        organisation=acme.organisation, author=busy, title="Film the workshops too"
    )

    found = selectors.lead_candidates(challenge)

    assert [(str(c.membership.user), c.score) for c in found] == [
        ("Customer 1", 4),  # an idea (3) and a support (1)
        ("Acme Events customer", 3),  # the idea the challenge came from
        ("Customer 0", 0),
    ]
    assert quiet


def test_invited_customers_hear_it_and_take_part_in_the_thread(acme, ideas, challenge):
    lead, other = customers(acme, 2)
    services.challenge_invite(
        challenge=challenge, actor=acme.organiser, member_ids=[acme.member(lead).pk]
    )

    services.challenge_post(
        challenge=challenge, membership=acme.member(lead), body="Short chapters per talk."
    )

    assert kinds_for(acme, lead) == ["challenge_invitation"]
    assert kinds_for(acme, acme.organiser) == ["challenge_update"]
    with pytest.raises(NotAllowed, match="Only the people invited"):
        services.challenge_post(challenge=challenge, membership=acme.member(other), body="Hi")
    assert [c.pk for c in selectors.challenges_for(acme.member(other))] == []


def test_only_customers_of_the_organisation_are_invited_and_once(acme, rival, ideas, challenge):
    with pytest.raises(InvalidInput, match="Choose customers of this organisation"):
        services.challenge_invite(
            challenge=challenge, actor=acme.organiser, member_ids=[acme.member(acme.staff).pk]
        )
    services.challenge_invite(
        challenge=challenge, actor=acme.organiser, member_ids=[acme.member(acme.customer).pk]
    )
    again = services.challenge_invite(
        challenge=challenge, actor=acme.organiser, member_ids=[acme.member(acme.customer).pk]
    )

    assert again == []
    with scope(organisation=acme.organisation):
        assert ChallengeInvitation.objects.count() == 1


def test_recording_the_result_closes_the_thread_and_tells_the_invited(acme, ideas, challenge):
    services.challenge_invite(
        challenge=challenge, actor=acme.organiser, member_ids=[acme.member(acme.customer).pk]
    )

    services.challenge_close(
        challenge=challenge, actor=acme.organiser, result="Five-minute chapters, from spring on."
    )

    assert challenge.status == "closed"
    with scope(organisation=acme.organisation):
        message = Message.objects.filter(recipient=acme.customer, kind="challenge_update").get()
    assert "Five-minute chapters, from spring on." in message.body_text
    with pytest.raises(Conflict, match="is closed"):
        services.challenge_post(
            challenge=challenge, membership=acme.member(acme.customer), body="One more idea"
        )


def test_an_invited_customer_reads_and_writes_the_thread_on_the_page(acme, ideas, challenge):
    services.challenge_invite(
        challenge=challenge, actor=acme.organiser, member_ids=[acme.member(acme.customer).pk]
    )
    client = client_for(acme.customer)
    url = f"/o/acme/challenges/{challenge.pk}/"

    posted = client.post(url + "post/", {"body": "Chapters, please."})
    empty = client.post(url + "post/", {"body": " "})

    assert posted.status_code == 302
    assert "Chapters, please." in client.get(url).content.decode()
    assert empty.status_code == 422
    assert client_for(acme.partner).get(url).status_code == 404  # not invited


def test_the_organiser_opens_a_challenge_from_the_shortlist(acme, ideas):
    client = client_for(acme.organiser)
    deadline = (timezone.localdate() + timedelta(days=10)).isoformat()

    shortlist = client.get("/o/acme/ideas/shortlist/").content.decode()
    opened = client.post(
        f"/o/acme/ideas/{ideas.app.pk}/challenge/",
        {
            "title": "Recommendations",
            "problem": "People cannot find good sessions.",
            "deadline": deadline,
        },
    )

    assert "Make it a challenge" in shortlist
    assert opened.status_code == 302
    assert opened["Location"].endswith("/invite/")
