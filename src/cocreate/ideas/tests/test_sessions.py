"""Who may take an idea or a challenge to an event, which lead customers took part, and
what an idea's and a challenge's pages show of the sessions they became."""

from datetime import timedelta

from django.utils import timezone

from cocreate.agenda import services as agenda
from cocreate.agenda.tests.conftest import build_event
from cocreate.conftest import client_for
from cocreate.ideas import rules, selectors, services
from cocreate.ideas.tests.conftest import customers


def challenge_of(acme, idea):
    return services.challenge_create(
        idea=idea,
        actor=acme.organiser,
        title="Recordings people watch",
        problem="Half the attendees miss sessions they wanted to see.",
        deadline=timezone.localdate() + timedelta(days=30),
    )


def test_its_author_and_those_who_answer_ideas_may_propose_it_as_a_session(acme, ideas):
    may = {
        role: rules.may_propose_as_session(ideas.recordings, acme.member(getattr(acme, role)))
        for role in ("organiser", "staff", "partner", "customer")
    }

    assert may == {"organiser": True, "staff": True, "partner": False, "customer": True}


def test_an_idea_is_open_to_sessions_until_merged_hidden_shipped_or_declined(acme, ideas):
    staff = acme.member(acme.staff)
    services.idea_respond(idea=ideas.coffee, membership=staff, status="shipped")
    services.idea_hide(idea=ideas.app, actor=acme.staff, reason="An advert.")
    for idea in (ideas.coffee, ideas.app):
        idea.refresh_from_db()

    assert rules.open_to_sessions(ideas.recordings)
    assert not rules.open_to_sessions(ideas.coffee)
    assert not rules.open_to_sessions(ideas.app)


def test_the_lead_customers_who_took_part_are_those_who_wrote_in_its_thread(acme, ideas):
    challenge = challenge_of(acme, ideas.recordings)
    writer, silent = customers(acme, 2)
    services.challenge_invite(
        challenge=challenge,
        actor=acme.organiser,
        member_ids=[acme.member(writer).pk, acme.member(silent).pk],
    )
    services.challenge_post(challenge=challenge, membership=acme.member(writer), body="Yes!")

    assert selectors.challenge_participants(challenge) == [writer]
    assert rules.may_run_as_session(challenge, acme.member(acme.staff))
    assert not rules.may_run_as_session(challenge, acme.member(writer))


def test_the_idea_and_challenge_pages_show_the_sessions_they_became(acme, ideas):
    day = build_event(acme)
    challenge = challenge_of(acme, ideas.recordings)
    from_idea = agenda.proposal_from_idea(
        event=day.event,
        idea=ideas.recordings,
        membership=acme.member(acme.customer),
        title="Videos worth watching",
    )
    agenda.proposal_accept(proposal=from_idea, actor=acme.organiser)
    from_challenge = agenda.proposal_from_challenge(
        event=day.event,
        challenge=challenge,
        membership=acme.member(acme.organiser),
        title="Recordings, the workshop",
    )
    client = client_for(acme.organiser)

    idea_page = client.get(f"/o/acme/ideas/{ideas.recordings.pk}/").content.decode()
    challenge_page = client.get(f"/o/acme/challenges/{challenge.pk}/").content.decode()

    session = f"/o/acme/agenda/{day.event.slug}/sessions/"
    assert f'<a href="{session}{from_idea.pk}/">“Videos worth watching”</a> at CX Day' in idea_page
    assert 'class="badge status-accepted">Accepted' in idea_page
    assert f'<a href="{session}{from_challenge.pk}/">“Recordings, the workshop”' in challenge_page
    assert "Recordings, the workshop" not in idea_page  # the challenge's, not the idea's
