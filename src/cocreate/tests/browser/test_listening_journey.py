"""Listening in Chromium: someone answers a feedback form from its link on a phone, the
organiser sees it on the journey dashboard, and a customer votes on statements one after
another without a reload. A follow-up question appears only after a low NPS."""

import pytest
from django_scopes import scope
from playwright.sync_api import Page, expect

from cocreate.conftest import PASSWORD, make_org
from cocreate.listening import services
from cocreate.listening.models import Feedback
from cocreate.listening.tests.conftest import build_journey, follow_up


@pytest.fixture
def journey(transactional_db):
    org = make_org("acme", "Acme Events")
    for user in (org.organiser, org.customer):
        user.set_password(PASSWORD)
        user.save()
    built = build_journey(org)
    conversation = services.conversation_save(
        organisation=org.organisation, actor=org.organiser, title="Next year's event"
    )
    services.statements_add(
        conversation=conversation,
        actor=org.organiser,
        texts=["More workshops, fewer talks", "End the day by four"],
    )
    return built, conversation


def sign_in(page: Page, base: str, email: str) -> None:
    page.goto(base + "/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Sign In").click()


def test_feedback_from_a_phone_reaches_the_dashboard_and_votes_need_no_reload(
    journey, live_server, page: Page
):
    built, conversation = journey
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/f/{built.survey.token}/")
    recommend = page.get_by_role("group", name="How likely are you to recommend")
    recommend.get_by_role("radio", name="9", exact=True).check()
    satisfied = page.get_by_role("group", name="How satisfied are you")
    satisfied.get_by_role("radio", name="5", exact=True).check()
    page.get_by_label("What is the main reason for your answers?").fill("Quick and kind help.")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("heading", name="Thank you")).to_be_visible()

    sign_in(page, live_server.url, "organiser@acme.test")
    page.goto(f"{live_server.url}/o/acme/listening/")
    expect(page.get_by_text("NPS over the last 12 months is +100")).to_be_visible()
    expect(page.locator("#main .vega-chart svg").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    page.context.clear_cookies()
    sign_in(page, live_server.url, "customer@acme.test")
    page.goto(f"{live_server.url}/o/acme/opinions/{conversation.pk}/")
    page.evaluate("window.loadedOnce = true")  # gone if the page reloads
    expect(page.get_by_text("More workshops, fewer talks", exact=True)).to_be_visible()
    page.get_by_role("button", name="Agree", exact=True).click()
    expect(page.get_by_text("1 of 2 statements answered")).to_be_visible()
    page.get_by_role("button", name="Disagree", exact=True).click()
    expect(page.get_by_text("You have answered every statement")).to_be_visible()
    assert page.evaluate("window.loadedOnce") is True


def test_a_follow_up_appears_after_an_nps_of_4_and_not_after_9(journey, live_server, page: Page):
    built, _ = journey
    question = follow_up(built)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/f/{built.survey.token}/")
    recommend = page.get_by_role("group", name="How likely are you to recommend")
    change = page.get_by_label("What should we change?")
    expect(change).to_be_hidden()

    recommend.get_by_role("radio", name="4", exact=True).check()
    expect(change).to_be_visible()
    change.fill("Shorter queues")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("heading", name="Thank you")).to_be_visible()

    page.goto(f"{live_server.url}/f/{built.survey.token}/")
    recommend.get_by_role("radio", name="9", exact=True).check()
    expect(change).to_be_hidden()
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("heading", name="Thank you")).to_be_visible()

    with scope(organisation=built.org.organisation):
        given = list(Feedback.objects.order_by("id").values_list("nps", "answers"))
    kept = {"label": "What should we change?", "kind": "text", "value": "Shorter queues"}
    assert given == [(4, {str(question.pk): kept}), (9, {})]
