"""One journey, as one person lives it in Chromium: sign up, join, answer the questions that
apply, design the day (sessions from the agenda, a talk proposed from the designer, how to
be reached), follow the published plan and its calendar, hear on their channel that a
session moved, rate it in one tap when it has ended; and the organiser and the speaker
see the rating. The organisers' own steps (planning, publishing) go through the services
they call, and time passes where a test cannot wait for it."""

import re
from datetime import time, timedelta

import pytest
from django.test import Client
from django.utils import timezone
from django_scopes import scope
from icalendar import Calendar
from playwright.sync_api import Page, expect

from cocreate.agenda import services as agenda
from cocreate.agenda.models import Room, Schedule
from cocreate.conftest import client_for, link_in, make_org
from cocreate.listening import services as listening
from cocreate.messaging.models import Message
from cocreate.offerings import services as offerings
from cocreate.offerings.models import Choice, Option
from cocreate.organisations import services as organisation_services

TITLES = ["Journey maps people use", "Chatbots that hand over", "Measuring effort"]


@pytest.fixture
def event(transactional_db):
    """Acme's day a month from now: two rooms, four slots, three sessions by its staff, and
    a dietary question asked only of the day's attendees."""
    org = make_org("acme", "Acme Events", allow_self_join=True)
    actor = org.organiser
    for key, label, choices, everyone in (
        ("interests", "Topics you are interested in", ["Journey mapping", "AI"], True),
        ("diet", "Dietary needs", ["None", "Vegetarian", "Vegan"], False),
    ):
        organisation_services.profile_field_create(
            organisation=org.organisation,
            actor=actor,
            key=key,
            label=label,
            kind="multi_choice" if key == "interests" else "single_choice",
            choices=choices,
            asked_of_everyone=everyone,
        )
    event = agenda.event_create(
        organisation=org.organisation, actor=actor, name="CX Day", topics=["Journey mapping"]
    )
    offering = event.offering
    about = offerings.dimension_create(
        offering=offering, actor=actor, name="About you", source="profile", questions=["diet"]
    )
    offerings.dimension_move(dimension=about, actor=actor, offset=-1)
    offerings.dimension_create(
        offering=offering, actor=actor, name="What I want to talk about", source="talk"
    )
    offerings.dimension_create(
        offering=offering, actor=actor, name="How to reach me on the day", source="contact"
    )
    agenda.slots_add_day(
        event=event,
        actor=actor,
        day=timezone.localdate() + timedelta(days=30),
        times=[(time(9), time(10)), (time(10), time(11)), (time(11, 30), time(12, 30))],
    )
    for name, seats in (("Big hall", 50), ("Small room", 20), ("Garden", 20)):
        agenda.room_save(event=event, actor=actor, name=name, capacity=seats)
    for title in TITLES:
        proposal = agenda.proposal_submit(event=event, proposer=org.staff, title=title)
        agenda.proposal_accept(proposal=proposal, actor=actor)
    return org, event


def plan_and_publish(event, organiser, *, replan: bool = False) -> Schedule:
    run = agenda.run_start(event=event, actor=organiser, replan=replan, time_limit=2)
    agenda.run_execute(run.pk)
    with scope(organisation=event.organisation_id):
        draft = Schedule.objects.get(run=run)
    return agenda.schedule_publish(schedule=draft, actor=organiser)


def test_a_person_designs_their_day_and_is_delivered_it_asked_and_heard(
    event, live_server, page: Page, mailoutbox
):
    org, day = event
    base = live_server.url
    # Sign up, confirm the email, join.
    page.goto(base + "/accounts/signup/")
    page.get_by_label("Your name").fill("Amara Okafor")
    page.get_by_label("Email").fill("amara.okafor@example.net")
    page.get_by_label("Password").fill("journey-maps-for-all")
    page.get_by_role("main").get_by_role("button", name="Sign Up").click()
    expect(page.get_by_role("heading", name="Verify Your Email Address")).to_be_visible()
    page.goto(base + link_in(mailoutbox[-1], "/accounts/confirm-email/"))
    page.get_by_role("button", name="Confirm").click()
    page.get_by_role("button", name="Join Acme Events").click()
    expect(page.get_by_role("heading", name="Your profile")).to_be_visible()
    expect(page.get_by_text("Dietary needs")).to_have_count(0)  # not asked of everyone
    page.get_by_label("Journey mapping").check()
    page.get_by_role("button", name="Save profile").click()

    # Design the day: the agenda's sessions, a profile answer, a talk, a channel.
    page.goto(f"{base}/o/acme/offerings/{day.slug}/")
    page.get_by_label("Dietary needs").select_option("Vegan")
    page.get_by_role("button", name="Next →").click()
    page.get_by_label("Journey maps people use").check()
    expect(page.get_by_label("Must attend")).to_be_visible()  # once chosen
    page.get_by_label("Chatbots that hand over").check()
    journeys = page.locator(".session-card", has_text="Journey maps people use")
    journeys.get_by_label("Must attend").check()
    expect(journeys.get_by_label("Must attend")).to_be_checked()
    page.get_by_role("button", name="Next →").click()
    page.get_by_label("What I want to talk about").fill("Service safaris with front-line staff")
    page.get_by_role("button", name="Next →").click()  # the answer is saved on the way
    page.get_by_role("button", name="3. What I want to talk about").click()
    panel = page.locator("#talk-panel")
    expect(panel.get_by_label("Session title")).to_have_value(
        "Service safaris with front-line staff"
    )
    panel.get_by_role("button", name="Propose this session").click()
    expect(panel.get_by_text("is proposed")).to_be_visible()
    expect(panel.get_by_role("link", name="Service safaris with front-line staff")).to_be_visible()
    page.get_by_role("button", name="Next →").click()
    page.get_by_label("In the app only").check()
    expect(page.get_by_label("In the app only")).to_be_checked()
    page.get_by_role("button", name="Summary").click()
    page.get_by_role("button", name="Submit my design").click()
    expect(page.get_by_role("heading", name="My plan: CX Day")).to_be_visible()
    expect(page.get_by_role("heading", name="Sessions to be scheduled")).to_be_visible()
    expect(page.get_by_text("Only in your Cocreate inbox")).to_be_visible()

    # The organiser plans and publishes: one plan, and the calendar, with rooms.
    plan_and_publish(day, org.organiser)
    page.reload()
    expect(page.get_by_role("heading", name="Your day")).to_be_visible()
    for title in TITLES[:2]:
        where = page.locator(".plan-item", has_text=title)
        expect(where.get_by_text(re.compile(r"^In (Big hall|Small room|Garden)$"))).to_be_visible()
    page.get_by_role("button", name="Get my calendar address").click()
    expect(page.locator(".token-reveal")).to_contain_text("/calendars/")
    address = page.locator(".token-reveal").inner_text().strip()
    feed = Calendar.from_ical(Client().get("/" + address.split("/", 3)[3]).content)
    entries = {str(e["summary"]): str(e.get("location", "")) for e in feed.walk("VEVENT")}
    assert set(entries) == set(TITLES[:2])
    assert all(entries.values())

    # A re-plan moves a session (its room is lost): the inbox, their channel, says so.
    with scope(organisation=org.organisation):
        amara = Choice.objects.get(option__name=TITLES[1]).design.user
        lost = Room.objects.get(name=entries[TITLES[1]])
    agenda.room_save(
        event=day,
        actor=org.organiser,
        room=lost,
        name=lost.name,
        capacity=lost.capacity,
        closed=True,
    )
    plan_and_publish(day, org.organiser, replan=True)
    page.goto(base + "/me/inbox/")
    expect(page.get_by_text("(was ", exact=False).first).to_be_visible()
    expect(page.get_by_text(TITLES[1]).first).to_be_visible()
    with scope(organisation=org.organisation):
        told = Message.objects.filter(recipient=amara, kind="agenda_changed").first()
    assert told is not None
    assert told.channel == "in_app"

    # The session ends (time passes): they are asked and rate it in one tap.
    with scope(organisation=org.organisation):
        moved = Option.objects.get(name=TITLES[1])
        Option.objects.filter(pk=moved.pk).update(
            starts_at=timezone.now() - timedelta(hours=1), ends_at=timezone.now()
        )
        Choice.objects.filter(option=moved).update(created_at=timezone.now() - timedelta(days=1))
    assert listening.ratings_ask() == 1
    page.goto(base + "/me/inbox/")
    expect(page.get_by_text(f"How was {TITLES[1]}?")).to_be_visible()
    with scope(organisation=org.organisation):
        asked = Message.objects.get(recipient=amara, kind="rating_asked")
    page.goto(base + "/" + asked.link.split("/", 3)[3])
    page.get_by_role("button", name="Excellent").click()
    expect(
        page.get_by_text("Thank you: the organisers and the hosts see your answer.")
    ).to_be_visible()

    # The organiser and the speaker see it.
    listening.hosts_tell(now=timezone.now() + timedelta(hours=2))
    organiser_page = client_for(org.organiser).get("/o/acme/listening/sessions/").content.decode()
    speaker_page = client_for(org.staff).get("/o/acme/feedback/my-sessions/").content.decode()
    for shown in (organiser_page, speaker_page):
        assert TITLES[1] in shown
        assert "<strong>5.0</strong>" in shown
    with scope(organisation=org.organisation):
        assert Message.objects.filter(recipient=org.staff, kind="session_rated").exists()
