"""A customer designs their day in Chromium: each choice is checked in place, a conflict is
explained and repaired in one click, and the submitted design becomes their plan."""

import pytest
from playwright.sync_api import Page, expect

from cocreate.conftest import PASSWORD, make_org
from cocreate.offerings.tests.conftest import build_unconference


@pytest.fixture
def event(transactional_db):
    org = make_org("acme", "Acme Events")
    org.customer.set_password(PASSWORD)
    org.customer.save()
    return build_unconference(org)


def sign_in(page: Page, base: str, email: str) -> None:
    page.goto(base + "/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Sign In").click()


def test_a_customer_designs_repairs_and_submits_without_a_reload(event, live_server, page: Page):
    sign_in(page, live_server.url, "customer@acme.test")
    page.goto(f"{live_server.url}/o/acme/offerings/{event.offering.slug}/")
    page.evaluate("window.loadedOnce = true")  # gone if the page reloads

    page.get_by_label("Design thinking workshop").check()
    page.get_by_label("Panel: the future of CX").check()
    side = page.get_by_role("complementary", name="Your design so far")
    expect(side).to_contain_text("'Design thinking workshop' overlaps 'Panel: the future of CX'")
    expect(page.get_by_text("2 seats left")).to_be_visible()

    expect(side).to_contain_text("The workshop is hands-on: come in person")
    side.get_by_role("button", name="Drop 'Panel: the future of CX'").click()
    expect(side).not_to_contain_text("overlaps")
    expect(page.get_by_label("Panel: the future of CX")).not_to_be_checked()

    page.get_by_role("button", name="Next →").click()
    expect(page.get_by_label("In person")).to_be_checked()  # the repair added it
    page.get_by_label("Live stream").check()
    expect(side).to_contain_text("Pick")  # one way to take part, not two
    side.get_by_role("button", name="Drop 'Live stream'.").click()
    expect(page.get_by_label("Live stream")).not_to_be_checked()
    expect(side).to_contain_text("Everything fits")

    page.get_by_role("button", name="Summary").click()
    assert page.evaluate("window.loadedOnce") is True
    page.get_by_role("button", name="Submit my design").click()

    expect(page.get_by_role("heading", name="My plan: CX Un-conference")).to_be_visible()
    expect(page.get_by_text("Design thinking workshop")).to_be_visible()
    expect(page.get_by_text("Seat confirmed")).to_be_visible()
    expect(page.get_by_role("button", name="Download (.ics)")).to_be_visible()
