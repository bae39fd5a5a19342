"""A newcomer signs up, confirms their email, joins the demo organisation and fills
their profile, in Chromium, as a person would."""

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from cocreate.conftest import link_in


@pytest.fixture
def demo(transactional_db):
    call_command("demo", customers=20, verbosity=0)


def test_a_newcomer_signs_up_joins_and_fills_a_profile_that_stays_saved(
    demo, live_server, page: Page, mailoutbox
):
    page.goto(live_server.url)
    page.get_by_role("button", name="Create your account").click()  # a link styled as one
    page.get_by_label("Your name").fill("Noor Haddad")
    page.get_by_label("Email").fill("noor@example.org")
    page.get_by_label("Password").fill("journey-maps-for-all")
    page.get_by_role("main").get_by_role("button", name="Sign Up").click()
    expect(page.get_by_role("heading", name="Verify Your Email Address")).to_be_visible()

    page.goto(live_server.url + link_in(mailoutbox[-1], "/accounts/confirm-email/"))
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", name="Hello, Noor Haddad")).to_be_visible()

    page.get_by_role("button", name="Join CX Un-conference").click()
    expect(page.get_by_role("heading", name="Your profile")).to_be_visible()
    page.get_by_label("Job title (required)").fill("Service designer")
    page.get_by_label("Industry (required)").select_option("Healthcare")
    page.get_by_label("Years working in customer experience").fill("7")
    page.get_by_label("Accessibility").check()
    page.get_by_label("Co-creation with customers").check()
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_text("Your profile is saved.")).to_be_visible()

    page.reload()
    expect(page.get_by_label("Job title (required)")).to_have_value("Service designer")
    expect(page.get_by_label("Industry (required)")).to_have_value("Healthcare")
    expect(page.get_by_label("Years working in customer experience")).to_have_value("7")
    expect(page.get_by_label("Accessibility")).to_be_checked()
    expect(page.get_by_label("Co-creation with customers")).to_be_checked()
    expect(page.get_by_label("Journey mapping")).not_to_be_checked()


def test_a_missing_required_answer_is_shown_next_to_its_question(demo, live_server, page: Page):
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email").fill("chloe@cx-unconference.example")
    page.get_by_label("Password").fill("cocreate-demo")
    page.get_by_role("main").get_by_role("button", name="Sign In").click()
    page.goto(live_server.url + "/o/cx-unconference/profile/")

    page.get_by_label("Job title (required)").fill("")
    page.get_by_role("button", name="Save profile").click()

    expect(page.get_by_text("This field is required.")).to_be_visible()
    expect(page.get_by_label("Job title (required)")).to_have_attribute("aria-invalid", "true")
