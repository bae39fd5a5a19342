"""An attendee says which sessions they want, in place, and finds them in their plan."""

import pytest
from playwright.sync_api import Page, expect

from cocreate.agenda import services
from cocreate.agenda.tests.conftest import build_event, draft_of, plan
from cocreate.conftest import PASSWORD, make_org


@pytest.fixture
def day(transactional_db):
    org = make_org("acme", "Acme Events")
    org.customer.set_password(PASSWORD)
    org.customer.save()
    return org, build_event(org)


def test_an_attendee_chooses_sessions_and_follows_the_published_agenda(
    day, live_server, page: Page
):
    org, event = day
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email").fill(org.customer.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Sign In").click()
    page.goto(f"{live_server.url}/o/acme/agenda/{event.event.slug}/sessions/")

    chatbots = page.get_by_role("group", name="Your interest in Chatbots that hand over")
    chatbots.get_by_role("button", name="Would like").click()
    expect(chatbots.get_by_role("button", name="Would like")).to_have_attribute(
        "aria-pressed", "true"
    )

    services.schedule_publish(schedule=draft_of(plan(event, org.organiser)), actor=org.organiser)
    page.get_by_role("link", name="My plan").click()

    expect(page.get_by_role("heading", name="My plan: CX Day")).to_be_visible()
    expect(page.get_by_text("Chatbots that hand over")).to_be_visible()
    expect(page.get_by_text("Journey maps people use")).to_be_visible()
