"""Pages work under the Content-Security-Policy: no inline script, no eval, charts drawn."""

import pytest
from playwright.sync_api import Page, expect

from cocreate.conftest import PASSWORD, make_org
from cocreate.offerings import services
from cocreate.offerings.tests.conftest import build_unconference


@pytest.fixture
def shop(transactional_db):
    org = make_org("acme", "Acme Events")
    org.organiser.set_password(PASSWORD)
    org.organiser.save()
    u = build_unconference(org)
    services.design_submit(
        offering=u.offering,
        membership=org.member(org.customer),
        options=[str(u.panel.pk), str(u.in_person.pk)],
        answers={},
    )
    return org, u


def test_the_demand_charts_draw_without_breaking_the_policy(shop, live_server, page: Page):
    org, u = shop
    violations: list[str] = []
    page.on(
        "console",
        lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email").fill(org.organiser.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Sign In").click()
    answer = page.goto(f"{live_server.url}/o/acme/offerings/{u.offering.slug}/demand/")

    assert answer is not None
    assert "script-src 'self'" in answer.headers["content-security-policy"]
    expect(page.locator(".vega-chart svg").first).to_be_visible()
    assert violations == []
