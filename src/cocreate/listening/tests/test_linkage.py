"""The staff page finds a planted staff-customer link, with its interval, and says so."""

import random

from django_scopes import scope

from cocreate.conftest import client_for, make_user
from cocreate.listening import engine
from cocreate.listening.models import Feedback, Interaction, Source, StaffPulse
from cocreate.listening.tests.conftest import ago
from cocreate.organisations.models import Membership, Role


def plant(journey, staff_count: int, effect: float) -> None:
    """Staff with usual satisfaction 1.5 to 4.5; their customers' CSAT follows it."""
    org = journey.org
    rng = random.Random(4)
    place = journey.touchpoint("get help")
    staff, customers = [], []
    with scope(organisation=org.organisation):
        for n in range(staff_count):
            user = make_user(f"staff{n}@acme.test")
            Membership.objects.create(organisation=org.organisation, user=user, role=Role.STAFF)
            staff.append((user, 1.5 + 3 * n / max(staff_count - 1, 1)))
        for n in range(40):
            user = make_user(f"c{n}@acme.test")
            Membership.objects.create(organisation=org.organisation, user=user)
            customers.append(user)
        pulses, interactions, feedback = [], [], []
        for user, level in staff:
            for week in range(8):
                pulses.append(
                    StaffPulse(
                        organisation=org.organisation,
                        staff=user,
                        submitted_at=ago(days=7 * week + 1),
                        satisfaction=min(5, max(1, round(rng.gauss(level, 0.5)))),
                    )
                )
            for customer in rng.sample(customers, 12):
                at = ago(days=rng.uniform(2, 50))
                interactions.append(
                    Interaction(
                        organisation=org.organisation,
                        staff=user,
                        customer=customer,
                        touchpoint=place,
                        occurred_at=at - (at - ago(days=60)) / 1000,
                    )
                )
                csat = min(5, max(1, round(3 + effect * (level - 3) + rng.gauss(0, 0.6))))
                feedback.append(
                    Feedback(
                        organisation=org.organisation,
                        touchpoint=place,
                        customer=customer,
                        source=Source.FORM,
                        csat=csat,
                        submitted_at=at,
                    )
                )
        StaffPulse.objects.bulk_create(pulses)
        Interaction.objects.bulk_create(interactions)
        Feedback.objects.bulk_create(feedback)
    engine.forget(org.organisation)


def test_a_planted_link_is_found_and_said_with_its_interval(journey):
    plant(journey, staff_count=8, effect=0.8)

    page = client_for(journey.org.organiser).get("/o/acme/listening/staff/?window=all")
    html = page.content.decode()

    assert page.status_code == 200
    assert "Customers served by staff who rate their experience one point higher give" in html
    assert "higher satisfaction; staff members explain" in html
    assert "the data do not show a link" not in html
    assert 'data-spec="linkage-chart"' in html


def test_without_enough_staff_the_page_says_why(journey):
    plant(journey, staff_count=3, effect=0.8)

    html = client_for(journey.org.organiser).get("/o/acme/listening/staff/").content.decode()

    assert "The link needs at least 5 staff members with both their own score" in html


def test_staff_points_download_without_names(journey):
    plant(journey, staff_count=6, effect=0.8)

    response = client_for(journey.org.organiser).get(
        "/o/acme/listening/export/?figure=staff-points&format=csv&window=all"
    )

    lines = response.content.decode().splitlines()
    assert lines[0] == "staff_id,staff_score,customer_mean,customers"
    assert [line.split(",")[0] for line in lines[1:]] == ["1", "2", "3", "4", "5", "6"]
