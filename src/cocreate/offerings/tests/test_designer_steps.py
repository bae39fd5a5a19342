"""The designer's steps that ask what belongs to the person or to the agenda: how to reach
them (their contact preferences), their profile (only the questions that apply), the
event's sessions, and a talk they want to give (a proposal to the agenda)."""

import pytest
from django_scopes import scope

from cocreate.accounts.selectors import contact_preferences
from cocreate.agenda import services as agenda
from cocreate.agenda.models import Proposal
from cocreate.agenda.tests.conftest import build_event, draft_of, plan
from cocreate.conftest import client_for
from cocreate.offerings import services
from cocreate.organisations import services as organisation_services


@pytest.fixture
def day(acme):
    return build_event(acme)


def designer(client, offering, step: int) -> str:
    return client.get(f"/o/acme/offerings/{offering.slug}/?step={step}").content.decode()


def check(client, offering, data: dict) -> str:
    url = f"/o/acme/offerings/{offering.slug}/check/"
    return client.post(url, data, headers={"HX-Request": "true"}).content.decode()


def step_of(day, actor, source: str, **fields) -> tuple[int, int]:
    """Add a step asking `source`: its place in the designer (0-based) and its id."""
    offering = day.event.offering
    dimension = services.dimension_create(
        offering=offering, actor=actor, name=f"The {source} step", source=source, **fields
    )
    with scope(organisation=offering.organisation_id):
        return list(offering.dimensions.values_list("pk", flat=True)).index(
            dimension.pk
        ), dimension.pk


def test_the_contact_step_is_the_persons_contact_preferences_both_ways(acme, day):
    offering = day.event.offering
    step, _ = step_of(day, acme.organiser, "contact")
    client = client_for(acme.customer)

    check(
        client,
        offering,
        {"step": step, "contact-channel": "sms", "contact-phone": "+44 7400 123456"},
    )
    settings_page = client.get("/me/settings/").content.decode()
    client.post(
        "/me/settings/",
        {"name": "Cara", "preferred_channel": "in_app"},
    )
    shown = designer(client, offering, step)

    assert "+447400123456" in settings_page
    assert contact_preferences(acme.customer).preferred_channel == "in_app"
    assert 'value="in_app" checked' in shown


def test_a_channel_without_its_address_is_refused_in_the_step_and_nothing_changes(acme, day):
    offering = day.event.offering
    step, _ = step_of(day, acme.organiser, "contact")

    page = check(client_for(acme.customer), offering, {"step": step, "contact-channel": "sms"})

    assert "Needed to reach you on the channel you prefer." in page
    assert 'value="sms" checked' in page  # what they picked stays on screen
    assert contact_preferences(acme.customer).preferred_channel == "email"


def test_a_question_asked_only_in_the_offering_is_asked_there_once_and_kept(acme, day):
    organisation_services.profile_field_create(
        organisation=acme.organisation,
        actor=acme.organiser,
        key="diet",
        label="Dietary needs",
        kind="single_choice",
        choices=["None", "Vegan"],
        asked_of_everyone=False,
    )
    offering = day.event.offering
    step, step_id = step_of(day, acme.organiser, "profile", questions=["diet"])
    client = client_for(acme.customer)

    before = client.get("/o/acme/profile/").content.decode()
    asked = designer(client, offering, step)
    check(
        client,
        offering,
        {"step": step, "profile-step": step_id, f"profile-{step_id}-diet": "Vegan"},
    )

    assert "Dietary needs" not in before
    assert "Dietary needs" in asked
    assert acme.member(acme.customer).profile["diet"] == "Vegan"
    assert "Dietary needs" in client.get("/o/acme/profile/").content.decode()  # to correct


def test_the_sessions_step_says_the_schedule_is_planned_then_shows_times_and_rooms(acme, day):
    offering = day.event.offering
    client = client_for(acme.customer)
    with scope(organisation=acme.organisation):
        step = list(offering.dimensions.values_list("source", flat=True)).index("sessions")

    before = designer(client, offering, step)
    agenda.schedule_publish(schedule=draft_of(plan(day, acme.organiser)), actor=acme.organiser)
    after = designer(client, offering, step)

    assert "The schedule is planned from what everyone chooses" in before
    assert "Big hall" not in before
    assert "Sessions at the same time clash" in after
    assert "Big hall" in after
    assert 'name="must"' in after  # the chosen ones can be marked must attend


def test_the_talk_step_proposes_a_session_in_one_go_or_says_what_is_missing(acme, day):
    url = f"/o/acme/agenda/{day.event.slug}/sessions/from-designer/"
    client = client_for(acme.staff)

    missing = client.post(url, {"talk-title": " ", "talk-format": "talk"})
    proposed = client.post(
        url,
        {
            "talk-title": "Service safaris with front-line staff",
            "talk-format": "workshop",
            "talk-topics": ["Journey mapping"],
        },
    )

    assert missing.status_code == 422
    assert "This field is required." in missing.content.decode()
    assert proposed.status_code == 200
    page = proposed.content.decode()
    assert "is proposed: the organisers decide, and we tell you." in page
    assert "My proposals" in page
    with scope(organisation=acme.organisation):
        made = Proposal.objects.get(title="Service safaris with front-line staff")
        assert Proposal.objects.filter(title__startswith=" ").count() == 0
    assert (made.proposer, made.format, made.topics) == (
        acme.staff,
        "workshop",
        ["Journey mapping"],
    )
