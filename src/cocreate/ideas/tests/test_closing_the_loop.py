"""Closing the loop: statuses with public updates reach every contributor, supporter and
voter on their channel; the inbox of unanswered ideas; response-time metrics."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_scopes import scope

from cocreate.accounts.models import Channel, ContactPreferences
from cocreate.conftest import client_for
from cocreate.core.errors import InvalidInput
from cocreate.ideas import selectors, services
from cocreate.ideas.models import Idea, IdeaUpdate
from cocreate.ideas.tests.test_voting import vote_until_done
from cocreate.messaging.models import Message


def messages_about(org, title):
    with scope(organisation=org.organisation):
        return {
            (m.recipient.email, m.channel)
            for m in Message.objects.filter(kind="idea_update").select_related("recipient")
            if title in m.subject
        }


def test_a_new_status_reaches_the_author_supporters_and_voters_on_their_channel(acme, ideas):
    ContactPreferences.objects.update_or_create(
        user=acme.partner, defaults={"preferred_channel": Channel.IN_APP}
    )
    services.support_add(idea=ideas.recordings, user=acme.partner)
    vote_until_done(acme, acme.staff, [ideas.recordings, ideas.app, ideas.coffee])

    services.idea_respond(
        idea=ideas.recordings,
        membership=acme.member(acme.organiser),
        status="planned",
        message="We will film every talk from the spring edition on.",
    )

    assert messages_about(acme, "Record every talk") == {
        ("customer@acme.test", "email"),  # shared it
        ("partner@acme.test", "in_app"),  # supports it, and reads messages in the app
        ("staff@acme.test", "email"),  # voted for it
    }
    with scope(organisation=acme.organisation):
        message = Message.objects.get(recipient=acme.customer, kind="idea_update")
    assert message.subject == "“Record every talk and put the videos online” is now planned"
    assert "You hear this because you shared it" in message.body_text
    assert "We will film every talk from the spring edition on." in message.body_text


def test_declining_needs_a_reason_which_followers_read(acme, ideas):
    responder = acme.member(acme.staff)
    with pytest.raises(InvalidInput, match="Say why the idea is declined"):
        services.idea_respond(idea=ideas.app, membership=responder, status="declined")

    services.idea_respond(
        idea=ideas.app, membership=responder, status="declined", reason="The app cannot do it."
    )

    with scope(organisation=acme.organisation):
        idea = Idea.objects.get(pk=ideas.app.pk)
        message = Message.objects.get(recipient=acme.partner, kind="idea_update")
    assert (idea.status, idea.decline_reason) == ("declined", "The app cannot do it.")
    assert "Why: The app cannot do it." in message.body_text


def test_an_update_that_changes_nothing_is_refused(acme, ideas):
    with pytest.raises(InvalidInput, match="Choose a new status or write an update"):
        services.idea_respond(idea=ideas.app, membership=acme.member(acme.staff), status="new")
    with scope(organisation=acme.organisation):
        assert not IdeaUpdate.objects.exists()


def test_the_first_answer_by_staff_is_recorded_once_and_takes_the_idea_out_of_the_inbox(
    acme, ideas
):
    assert [i.title for i in selectors.inbox(acme.organisation)] == [
        ideas.recordings.title,
        ideas.coffee.title,
        ideas.app.title,
    ]

    services.comment_add(
        idea=ideas.recordings, membership=acme.member(acme.customer), body="Me too!"
    )
    services.comment_add(
        idea=ideas.recordings, membership=acme.member(acme.staff), body="Thanks, noted."
    )
    services.idea_respond(
        idea=ideas.recordings, membership=acme.member(acme.organiser), status="under_review"
    )

    with scope(organisation=acme.organisation):
        idea = Idea.objects.get(pk=ideas.recordings.pk)
    assert idea.first_response_by == acme.staff
    assert [i.title for i in selectors.inbox(acme.organisation)] == [
        ideas.coffee.title,
        ideas.app.title,
    ]


def test_staff_answering_their_own_idea_is_not_a_response(acme, ideas):
    services.comment_add(idea=ideas.coffee, membership=acme.member(acme.staff), body="Details.")

    with scope(organisation=acme.organisation):
        assert Idea.objects.get(pk=ideas.coffee.pk).first_response_at is None


def test_response_metrics_per_organisation_and_per_person(acme, ideas):
    now = timezone.now()
    with scope(organisation=acme.organisation):
        Idea.objects.filter(pk=ideas.recordings.pk).update(
            created_at=now - timedelta(days=20),
            first_response_at=now - timedelta(days=19),
            first_response_by=acme.staff,
        )
        Idea.objects.filter(pk=ideas.coffee.pk).update(
            created_at=now - timedelta(days=30),
            first_response_at=now - timedelta(days=20),
            first_response_by=acme.organiser,
        )
        Idea.objects.filter(pk=ideas.app.pk).update(created_at=now - timedelta(days=9))

    metrics = selectors.response_metrics(acme.organisation, now=now)

    assert metrics.organisation.answered == 2
    assert metrics.organisation.median_hours == pytest.approx((24 + 240) / 2)
    # answered in a day; answered in ten days; waiting nine days: one of three in time
    assert metrics.organisation.within_week == pytest.approx(1 / 3)
    assert (metrics.waiting, metrics.waiting_over_week) == (1, 1)
    assert [(s.who, s.answered, s.median_hours, s.within_week) for s in metrics.staff] == [
        ("Acme Events organiser", 1, pytest.approx(240), 0.0),
        ("Acme Events staff", 1, pytest.approx(24), 1.0),
    ]


def test_a_young_unanswered_idea_does_not_count_against_the_week(acme, ideas):
    metrics = selectors.response_metrics(acme.organisation)

    assert metrics.organisation.within_week is None
    assert metrics.waiting == 3


def test_a_customer_cannot_change_a_status(acme, ideas):
    answer = client_for(acme.customer).post(
        f"/o/acme/ideas/{ideas.app.pk}/respond/", {"status": "shipped"}
    )

    assert answer.status_code == 403


def test_the_page_posts_an_update_and_shows_it(acme, ideas):
    client = client_for(acme.staff)
    url = f"/o/acme/ideas/{ideas.app.pk}/"

    posted = client.post(
        url + "respond/", {"status": "planned", "message": "In the spring release."}
    )
    page = client.get(url).content.decode()

    assert posted.status_code == 302
    assert "In the spring release." in page
    assert "idea-status-planned" in page
