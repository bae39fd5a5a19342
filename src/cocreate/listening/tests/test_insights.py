"""What customers value: demand, ideas (an empty state until they exist), co-creation,
and one customer's story for the staff who serve them."""

from django.test import Client
from django_scopes import scope

from cocreate.conftest import client_for
from cocreate.listening import services
from cocreate.listening.tests.conftest import build_journey
from cocreate.messaging.services import notify
from cocreate.offerings import services as offering_services
from cocreate.offerings.tests.conftest import build_unconference


def test_the_page_shows_demand_and_the_co_creation_ratio(acme):
    event = build_unconference(acme)
    offering_services.design_submit(
        offering=event.offering,
        membership=acme.member(acme.customer),
        options=[str(event.panel.pk), str(event.in_person.pk)],
        answers={},
    )
    journey = build_journey(acme)
    Client().post(f"/f/{journey.survey.token}/", {"csat": "4"})
    Client().post(f"/f/{journey.survey.token}/", {"csat": "5"})

    html = client_for(acme.staff).get("/o/acme/insights/").content.decode()

    assert 'data-spec="demand-chart"' in html
    assert (
        "33% of what customers gave over the last 12 months was active: 1 contribution (designs"
        in html
    )
    assert 'data-spec="segments-chart"' in html


def test_without_the_ideas_app_idea_rankings_show_an_empty_state(acme):
    html = client_for(acme.organiser).get("/o/acme/insights/").content.decode()

    assert "Idea rankings and opportunity scores" in html


def test_a_customers_timeline_holds_their_feedback_designs_and_messages(acme):
    journey = build_journey(acme)
    event = build_unconference(acme)
    offering_services.design_submit(
        offering=event.offering,
        membership=acme.member(acme.customer),
        options=[str(event.panel.pk), str(event.in_person.pk)],
        answers={},
    )
    client_for(acme.customer).post(f"/f/{journey.survey.token}/", {"nps": "3", "text": "Too slow"})
    notify(recipient=acme.customer, organisation=acme.organisation, kind="welcome")
    membership = acme.member(acme.customer)

    html = (
        client_for(acme.staff).get(f"/o/acme/listening/customers/{membership.pk}/").content.decode()
    )

    assert "Designed “CX Un-conference” (version 1)" in html
    assert "Feedback at “get help” (get help)" in html
    assert "NPS 3 · Too slow" in html
    assert "Welcome" in html or "welcome" in html


def test_staff_find_a_customer_by_name(acme):
    html = client_for(acme.staff).get("/o/acme/insights/?q=acme+events+customer").content.decode()
    membership = acme.member(acme.customer)

    assert f"/o/acme/listening/customers/{membership.pk}/" in html


def test_customers_do_not_see_each_others_stories(acme):
    membership = acme.member(acme.customer)
    with scope(organisation=acme.organisation):
        response = client_for(acme.customer).get(f"/o/acme/listening/customers/{membership.pk}/")

    assert response.status_code == 403
    assert services  # the services module is what wrote everything above


def test_an_idea_counts_as_an_active_contribution(acme):
    from cocreate.ideas.services.ideas import idea_submit

    journey = build_journey(acme)
    Client().post(f"/f/{journey.survey.token}/", {"csat": "4"})
    idea_submit(
        organisation=acme.organisation,
        author=acme.customer,
        title="Let us book a quiet room for one-to-one talks",
    )

    html = client_for(acme.staff).get("/o/acme/insights/").content.decode()

    assert (
        "50% of what customers gave over the last 12 months was active: 1 contribution (designs"
        in html
    )
