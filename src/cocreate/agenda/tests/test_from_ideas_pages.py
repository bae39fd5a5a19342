"""Proposing an idea or a challenge as a session from its page, and the same over the API:
the events that take proposals, the session prefilled from it, and where it shows after."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone
from django_scopes import scope

from cocreate.agenda.models import Proposal
from cocreate.conftest import client_for, make_org
from cocreate.ideas import services as ideas_services
from cocreate.ideas.tests.conftest import build_ideas


@pytest.fixture
def ideas(acme):
    return build_ideas(acme)


def test_the_author_proposes_their_idea_from_its_page_and_both_pages_link_to_each_other(
    acme, day, ideas
):
    client = client_for(acme.customer)
    idea_page = f"/o/acme/ideas/{ideas.recordings.pk}/"
    action = f"/o/acme/agenda/from-idea/{ideas.recordings.pk}/"
    assert action in client.get(idea_page).content.decode()

    form = client.get(action).content.decode()
    assert 'value="Record every talk and put the videos online"' in form
    assert 'aria-current="page">CX Day</a>' in form  # the one event taking proposals

    answer = client.post(
        f"{action}?event={day.event.slug}",
        {"title": "Recordings worth watching", "format": "panel", "length": "2", "topics": "AI"},
        follow=True,
    )

    with scope(organisation=acme.organisation):
        proposal = Proposal.objects.get(idea=ideas.recordings)
    assert (
        answer.redirect_chain[-1][0] == f"/o/acme/agenda/{day.event.slug}/sessions/{proposal.pk}/"
    )
    session_page = answer.content.decode()
    assert "“Recordings worth watching” is proposed at CX Day" in session_page
    assert f'From the idea <a href="{idea_page}">“Record every talk' in session_page
    assert (proposal.format, proposal.length, proposal.topics) == ("panel", 2, ["AI"])
    listed = client.get(f"/o/acme/agenda/{day.event.slug}/sessions/").content.decode()
    assert "From the idea" in listed
    shown = client.get(idea_page).content.decode()
    assert f"/agenda/{day.event.slug}/sessions/{proposal.pk}/" in shown
    assert 'class="badge status-proposed">Proposed' in shown
    again = client.get(action).content.decode()
    assert "Already proposed at CX Day" in again


def test_a_member_who_did_not_share_it_sees_no_action_and_is_refused(acme, day, ideas):
    client = client_for(acme.partner)

    page = client.get(f"/o/acme/ideas/{ideas.recordings.pk}/").content.decode()
    refused = client.get(f"/o/acme/agenda/from-idea/{ideas.recordings.pk}/")

    assert "/agenda/from-idea/" not in page
    assert refused.status_code == 403


def test_a_bad_title_is_shown_on_the_form_and_nothing_is_written(acme, day, ideas):
    client = client_for(acme.staff)

    answer = client.post(
        f"/o/acme/agenda/from-idea/{ideas.recordings.pk}/",
        {"title": "x" * 151, "format": "discussion", "length": "1"},
    )

    assert answer.status_code == 422
    assert "Give a title of up to 150 characters." in answer.content.decode()
    with scope(organisation=acme.organisation):
        assert not Proposal.objects.filter(idea=ideas.recordings).exists()


def test_with_no_event_taking_proposals_the_page_says_so(acme, ideas):
    page = client_for(acme.customer).get(f"/o/acme/agenda/from-idea/{ideas.recordings.pk}/")

    assert page.status_code == 200
    assert "No event takes proposals now." in page.content.decode()


def test_an_organiser_runs_a_challenge_as_a_session_from_its_page(acme, day, ideas):
    challenge = ideas_services.challenge_create(
        idea=ideas.recordings,
        actor=acme.organiser,
        title="Recordings people watch",
        problem="Half the attendees miss sessions they wanted to see.",
        deadline=timezone.localdate() + timedelta(days=30),
    )
    client = client_for(acme.organiser)
    page = f"/o/acme/challenges/{challenge.pk}/"
    action = f"/o/acme/agenda/from-challenge/{challenge.pk}/"
    assert action in client.get(page).content.decode()
    assert '<option value="workshop" selected>' in client.get(action).content.decode()

    client.post(action, {"title": "Recordings people watch", "format": "workshop", "length": "1"})

    with scope(organisation=acme.organisation):
        proposal = Proposal.objects.get(challenge=challenge)
    assert f"/sessions/{proposal.pk}/" in client.get(page).content.decode()


def test_the_api_proposes_an_idea_and_a_challenge_by_the_same_service(acme, day, ideas):
    staff = client_for(acme.staff)
    base = f"/api/v1/orgs/acme/events/{day.event.slug}/proposals"

    def post(path, body, client=staff):
        return client.post(f"{base}/{path}", data=json.dumps(body), content_type="application/json")

    created = post(f"from-idea/{ideas.recordings.pk}", {"topics": ["AI"]})
    assert created.status_code == 201
    body = created.json()
    assert (body["title"], body["format"], body["topics"], body["idea"]) == (
        "Record every talk and put the videos online",
        "discussion",
        ["AI"],
        ideas.recordings.pk,
    )
    assert post(f"from-idea/{ideas.recordings.pk}", {}).json()["error"]["code"] == (
        "already_proposed"
    )
    assert post(f"from-idea/{ideas.coffee.pk}", {"speaker": "me"}).status_code == 422
    assert post(f"from-idea/{ideas.coffee.pk}", {"title": ""}).json()["error"]["fields"] == {
        "title": ["Give a title of up to 150 characters."]
    }
    assert post(f"from-idea/{ideas.app.pk}", {}, client_for(acme.customer)).status_code == 403
    theirs = build_ideas(make_org("rival", "Rival Bistro")).recordings
    assert post(f"from-idea/{theirs.pk}", {}).status_code == 404

    challenge = ideas_services.challenge_create(
        idea=ideas.app,
        actor=acme.organiser,
        title="Recommendations people trust",
        problem="People do not find the sessions they would like.",
        deadline=timezone.localdate() + timedelta(days=30),
    )
    ran = post(f"from-challenge/{challenge.pk}", {})
    assert ran.status_code == 201
    assert (ran.json()["format"], ran.json()["challenge"]) == ("workshop", challenge.pk)
