"""A member reads what the organisation told them, and says when they want quiet."""

import pytest
from playwright.sync_api import Page, expect

from cocreate.conftest import PASSWORD, make_org
from cocreate.messaging.services import notify


@pytest.fixture
def acme(transactional_db):
    org = make_org("acme", "Acme Events")
    org.customer.set_password(PASSWORD)
    org.customer.save()
    notify(
        recipient=org.customer,
        organisation=org.organisation,
        kind="role_changed",
        context={"role": "staff", "old_role": "customer"},
    )
    return org


def sign_in(page: Page, base: str, email: str) -> None:
    page.goto(base + "/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Sign In").click()


def test_a_member_reads_a_message_and_the_unread_count_goes(acme, live_server, page: Page):
    sign_in(page, live_server.url, acme.customer.email)

    page.get_by_role("link", name="Inbox, 1 unread").click()
    message = page.get_by_role("article").filter(has_text="You are now staff in Acme Events")
    expect(message).to_have_class("inbox-message unread")
    message.get_by_role("button", name="Mark read").click()

    expect(page.get_by_role("article").filter(has_text="You are now staff")).to_have_class(
        "inbox-message"
    )
    page.reload()
    expect(page.get_by_role("link", name="Inbox", exact=True)).to_be_visible()


def test_a_member_sets_quiet_hours(acme, live_server, page: Page):
    sign_in(page, live_server.url, acme.customer.email)
    page.goto(live_server.url + "/me/notifications/")

    page.get_by_label("Quiet from").fill("22:00")
    page.get_by_label("Quiet until").fill("07:00")
    page.get_by_label("Your time zone").select_option("Europe/Lisbon")
    page.get_by_label("When my role in an organisation changes").check()
    page.get_by_role("button", name="Save notification settings").click()

    expect(page.get_by_text("Your notification settings are saved.")).to_be_visible()
    expect(page.get_by_label("Quiet from")).to_have_value("22:00")
    expect(page.get_by_label("When my role in an organisation changes")).to_be_checked()
