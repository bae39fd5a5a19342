"""An organiser invites a colleague who has no account yet, and finds people by typing."""

import pytest
from playwright.sync_api import Page, expect

from cocreate.conftest import PASSWORD, link_in, make_org
from cocreate.organisations import services


@pytest.fixture
def acme(transactional_db):
    org = make_org("acme", "Acme Events")
    org.organiser.set_password(PASSWORD)
    org.organiser.save()
    return org


def sign_in(page: Page, base: str, email: str, password: str) -> None:
    page.goto(base + "/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("main").get_by_role("button", name="Sign In").click()


def test_an_invited_newcomer_signs_up_and_lands_in_the_organisation_with_the_preset_role(
    acme, live_server, page: Page, mailoutbox
):
    sign_in(page, live_server.url, acme.organiser.email, PASSWORD)
    page.goto(live_server.url + "/o/acme/invitations/")
    page.get_by_label("Email address").fill("kai@example.org")
    page.get_by_label("Role").select_option("staff")
    page.get_by_role("button", name="Send invitation").click()
    expect(page.get_by_text("Invitation sent to kai@example.org.")).to_be_visible()
    page.context.clear_cookies()

    page.goto(live_server.url + link_in(mailoutbox[-1], "/invitations/"))
    expect(page.get_by_text("to join Acme Events as staff")).to_be_visible()
    page.get_by_role("button", name="Create an account").click()
    page.get_by_label("Your name").fill("Kai Tanaka")
    page.get_by_label("Email").fill("kai@example.org")
    page.get_by_label("Password").fill("front-desk-hero-2026")
    page.get_by_role("main").get_by_role("button", name="Sign Up").click()
    page.goto(live_server.url + link_in(mailoutbox[-1], "/accounts/confirm-email/"))
    page.get_by_role("button", name="Confirm").click()

    expect(page.get_by_role("heading", name="Join Acme Events")).to_be_visible()
    page.get_by_role("button", name="Accept and join").click()
    expect(page.get_by_text("Welcome to Acme Events!")).to_be_visible()
    expect(
        page.get_by_role("navigation", name="Acme Events").get_by_role("link", name="Members")
    ).to_be_visible()


def test_the_member_list_narrows_as_the_organiser_types(acme, live_server, page: Page):
    sign_in(page, live_server.url, acme.organiser.email, PASSWORD)
    page.goto(live_server.url + "/o/acme/members/")
    expect(page.get_by_text("4 members.")).to_be_visible()

    page.get_by_label("Search members").fill("partner")

    expect(page.get_by_text("1 member matches.")).to_be_visible()
    expect(page.get_by_role("link", name="Acme Events partner")).to_be_visible()
    expect(page).to_have_url(live_server.url + "/o/acme/members/?q=partner&role=")


def test_the_organiser_reorders_profile_questions_in_place(acme, live_server, page: Page):
    for key, label in [("job", "Job title"), ("city", "City")]:
        services.profile_field_create(
            organisation=acme.organisation, actor=acme.organiser, key=key, label=label, kind="text"
        )
    sign_in(page, live_server.url, acme.organiser.email, PASSWORD)
    page.goto(live_server.url + "/o/acme/profile-fields/")
    page.get_by_label("Add a question").get_by_label("Question").fill(
        "Diet"
    )  # untouched by the swap

    page.get_by_role("button", name="Move “City” up").click()

    rows = page.locator("#profile-fields tbody tr td:first-child a")
    expect(rows).to_have_text(["City", "Job title"])
    expect(page.get_by_label("Add a question").get_by_label("Question")).to_have_value("Diet")
