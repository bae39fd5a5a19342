"""Asked at every touchpoint they lived: when a session ends, each person whose plan held
it is asked on their channel how it went, answers in one tap, and the organisers and the
session's hosts see the rating."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from django_scopes import scope

from cocreate.agenda import services as agenda
from cocreate.agenda.tests.conftest import build_event, draft_of, plan
from cocreate.conftest import client_for
from cocreate.listening import services
from cocreate.listening.models import Feedback, RatingRequest, Touchpoint
from cocreate.messaging.models import Message
from cocreate.offerings import services as offerings
from cocreate.offerings.models import Choice, ChoiceStatus


@pytest.fixture
def yesterday(acme):
    """The small event, held yesterday: planned, published, every session over; people
    chose their sessions the week before."""
    day = build_event(acme, day=timezone.localdate() - timedelta(days=1))
    agenda.schedule_publish(schedule=draft_of(plan(day, acme.organiser)), actor=acme.organiser)
    with scope(organisation=acme.organisation):
        Choice.objects.update(created_at=timezone.now() - timedelta(days=8))
    for proposal in (day.journeys, day.metrics, day.ai, day.loyalty):
        proposal.refresh_from_db()
    return day


def link_of(message: Message) -> str:
    """The path of the rating page a message links to."""
    return "/" + message.link.split("://", 1)[1].split("/", 1)[1]


def asked(acme, user) -> list[Message]:
    with scope(organisation=acme.organisation):
        return list(Message.objects.filter(kind="rating_asked", recipient=user).order_by("pk"))


def test_when_a_session_ends_everyone_who_had_it_is_asked_once_on_their_channel(acme, yesterday):
    count = services.ratings_ask()

    # The customer chose journeys and metrics; staff journeys and AI; the partner three;
    # the organiser metrics: eight seats, and each person asked once per session.
    assert count == 8
    assert [m.subject for m in asked(acme, acme.customer)] == [
        "How was Journey maps people use?",
        "How was Measuring effort?",
    ]
    assert services.ratings_ask() == 0  # the next minute asks nobody again


def test_a_waitlisted_person_or_one_who_chose_after_the_end_is_not_asked(acme, yesterday):
    with scope(organisation=acme.organisation):
        ai = Choice.objects.get(option=yesterday.ai.option, design__user=acme.staff)
        Choice.objects.filter(pk=ai.pk).update(status=ChoiceStatus.WAITLISTED)
        late = Choice.objects.get(option=yesterday.loyalty.option)
        Choice.objects.filter(pk=late.pk).update(created_at=timezone.now())

    services.ratings_ask()

    assert [m.subject for m in asked(acme, acme.staff)] == ["How was Journey maps people use?"]
    assert "How was Loyalty without points?" not in [m.subject for m in asked(acme, acme.partner)]


def test_one_tap_on_the_page_rates_the_session_at_its_touchpoint_in_the_use_phase(acme, yesterday):
    services.ratings_ask()
    page = link_of(asked(acme, acme.customer)[0])

    shown = Client().get(page)
    tapped = Client().post(page, {"score": "4"})

    assert "How was “Journey maps people use”?" in shown.content.decode()
    assert tapped.status_code == 200
    with scope(organisation=acme.organisation):
        feedback = Feedback.objects.get(customer=acme.customer)
        touchpoint = Touchpoint.objects.get(option=yesterday.journeys.option)
    assert (feedback.csat, feedback.source, feedback.touchpoint) == (4, "rating", touchpoint)
    assert touchpoint.phase.name == "use"
    assert "Big hall" in touchpoint.description or "Small room" in touchpoint.description


def test_tapping_again_changes_the_answer_and_a_comment_goes_with_it(acme, yesterday):
    services.ratings_ask()
    page = link_of(asked(acme, acme.customer)[0])
    Client().post(page, {"score": "2"})
    Client().post(page, {"score": "5"})
    Client().post(page, {"comment": "Best session of the day."})

    with scope(organisation=acme.organisation):
        answers = list(Feedback.objects.filter(customer=acme.customer).values("csat", "text"))
    assert answers == [{"csat": 5, "text": "Best session of the day."}]


def test_a_rating_before_the_session_ends_or_off_the_scale_is_refused_and_writes_nothing(
    acme, yesterday
):
    services.ratings_ask()
    with scope(organisation=acme.organisation):
        request = RatingRequest.objects.filter(user=acme.customer).first()
        assert request is not None
        assert request.touchpoint.option is not None
        option = request.touchpoint.option
        option.ends_at = timezone.now() + timedelta(minutes=20)
        option.save(update_fields=["ends_at"])
    page = link_of(asked(acme, acme.customer)[0])

    early = Client().post(page, {"score": "5"})
    with scope(organisation=acme.organisation):
        option.ends_at = timezone.now() - timedelta(minutes=1)
        option.save(update_fields=["ends_at"])
    off_scale = Client().post(page, {"score": "9"})
    comment_first = Client().post(page, {"comment": "No score yet"})

    assert early.status_code == 409
    assert "has not ended yet" in early.content.decode()
    assert off_scale.status_code == 422
    assert "Choose from 1 to 5." in off_scale.content.decode()
    assert comment_first.status_code == 409
    assert Client().get("/rate/rate_not-a-real-link/").status_code == 404
    with scope(organisation=acme.organisation):
        assert not Feedback.objects.exists()


def test_hosts_hear_how_their_session_was_rated_and_see_it_with_the_organisers(acme, yesterday):
    services.ratings_ask()
    for user in (acme.customer, acme.staff, acme.partner):
        Client().post(link_of(asked(acme, user)[0]), {"score": "4" if user != acme.staff else "5"})

    with scope(organisation=acme.organisation):
        journeys = yesterday.journeys.option
        ended = journeys.ends_at
    assert services.hosts_tell(now=ended + timedelta(minutes=30)) == 0  # not an hour yet
    assert services.hosts_tell(now=ended + timedelta(hours=2)) >= 1
    services.hosts_tell()  # the sessions that ended later
    assert services.hosts_tell() == 0  # never twice
    with scope(organisation=acme.organisation):
        note = Message.objects.get(kind="session_rated", recipient=acme.customer)
    assert note.subject == "How people rated Journey maps people use"
    assert "3 people answered: 4.3 out of 5" in note.body_text
    host_page = client_for(acme.customer).get("/o/acme/feedback/my-sessions/").content.decode()
    organiser_page = client_for(acme.organiser).get("/o/acme/listening/sessions/").content
    assert "Journey maps people use" in host_page
    assert "<strong>4.3</strong>" in host_page
    assert "Measuring effort" not in host_page  # hosted by staff, not by this customer
    assert b"Measuring effort" in organiser_page
    assert client_for(acme.customer).get("/o/acme/listening/sessions/").status_code == 403


def test_an_option_without_a_time_is_asked_about_once_its_partner_delivers_it(acme):
    from cocreate.offerings.tests.conftest import build_unconference

    u = build_unconference(acme)
    offerings.design_submit(
        offering=u.offering,
        membership=acme.member(acme.customer),
        options=[str(u.panel.pk), str(u.in_person.pk)],
        answers={},
    )
    assert services.ratings_ask() == 0  # the panel is in 2030, in person not delivered yet
    with scope(organisation=acme.organisation):
        choice = Choice.objects.get(option=u.in_person)
    offerings.choice_fulfil(choice=choice, membership=acme.member(acme.organiser))

    assert services.ratings_ask() == 1
    assert [m.subject for m in asked(acme, acme.customer)] == ["How was In person?"]


def test_the_overview_lists_the_sessions_to_rate_and_rates_them_signed_in(acme, yesterday):
    services.ratings_ask()
    client = client_for(acme.customer)

    overview = client.get("/o/acme/").content.decode()
    with scope(organisation=acme.organisation):
        first = RatingRequest.objects.filter(user=acme.customer).order_by("-asked_at", "-id")[0]
        others = RatingRequest.objects.exclude(user=acme.customer).first()
    assert others is not None
    tapped = client.post(f"/o/acme/feedback/rate/{first.pk}/", {"score": "3"})
    after = client.get("/o/acme/").content.decode()

    assert "2 sessions are waiting for your rating." in overview
    assert tapped.status_code == 200
    assert "1 session is waiting for your rating." in after
    assert client.get(f"/o/acme/feedback/rate/{others.pk}/").status_code == 404  # not theirs
