"""A customer compares ideas two at a time in Chromium: each vote brings the next pair in
place, "I can't decide" moves on too, their own idea joins the vote without a reload, and
the ranking counts their votes."""

import re

import pytest
from playwright.sync_api import Page, expect

from cocreate.conftest import PASSWORD, make_org
from cocreate.ideas.tests.conftest import build_ideas
from cocreate.tests.browser.test_designer_journey import sign_in


@pytest.fixture
def ideas(transactional_db):
    org = make_org("acme", "Acme Events")
    org.customer.set_password(PASSWORD)
    org.customer.save()
    return build_ideas(org)


def test_a_customer_votes_two_at_a_time_and_adds_an_idea_without_a_reload(
    ideas, live_server, page: Page
):
    sign_in(page, live_server.url, "customer@acme.test")
    page.goto(f"{live_server.url}/o/acme/ideas/vote/")
    page.evaluate("window.loadedOnce = true")  # gone if the page reloads
    pair = page.get_by_role("region", name="Which matters more to you?")
    expect(pair).to_contain_text("0 votes from you in Round 1.")

    choices = pair.locator("button.pair-choice")
    first_pair = choices.all_inner_texts()
    choices.first.click()
    expect(pair).to_contain_text("1 vote from you in Round 1.")
    assert choices.all_inner_texts() != first_pair  # the next pair, in place

    pair.get_by_role("button", name="I can't decide").click()
    expect(pair).to_contain_text("2 votes from you in Round 1.")

    pair.get_by_label("Missing something? Add your own idea").fill(
        "Serve breakfast before the keynote"
    )
    pair.get_by_role("button", name="Add").click()
    expect(pair).to_contain_text("“Serve breakfast before the keynote” joins the vote.")

    while pair.locator("button.pair-choice").count():
        counted = re.search(r"(\d+) votes? from you", pair.inner_text())
        assert counted is not None
        count = int(counted.group(1))
        pair.locator("button.pair-choice").last.click()
        expect(pair).to_contain_text(f"{count + 1} votes from you")
    expect(pair).to_contain_text("You have seen every pair there is for now.")
    assert page.evaluate("window.loadedOnce") is True

    page.get_by_role("link", name="See the ranking").click()
    expect(page.get_by_role("heading", name="Ranking")).to_be_visible()
    # four ideas make six pairs; one was "I can't decide"
    expect(page.get_by_text("5 decisive votes by 1 voter and the support votes")).to_be_visible()
    expect(page.get_by_role("cell", name="Serve breakfast before the keynote")).to_be_visible()
