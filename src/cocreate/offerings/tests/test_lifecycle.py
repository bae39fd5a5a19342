"""Draft, open, locked, delivered: who sees an offering and when designs are accepted."""

import pytest
from django_scopes import scope

from cocreate.conftest import client_for
from cocreate.core.errors import Conflict
from cocreate.messaging.models import Message
from cocreate.offerings import services
from cocreate.offerings.tests.conftest import build_unconference


def test_a_draft_is_invisible_to_customers(acme):
    u = build_unconference(acme, status="draft")
    client = client_for(acme.customer)

    assert client.get(f"/o/acme/offerings/{u.offering.slug}/").status_code == 404
    assert "CX Un-conference" not in client.get("/o/acme/offerings/").content.decode()
    assert client.get("/api/v1/orgs/acme/offerings").json() == []


def test_opening_tells_the_customers_and_lets_them_design(acme):
    u = build_unconference(acme, status="draft")
    services.offering_transition(offering=u.offering, actor=acme.organiser, to="open")

    with scope(organisation=acme.organisation):
        told = Message.objects.filter(kind="offering_opened")
        assert [m.recipient for m in told] == [acme.customer]
        assert told.get().link.endswith(f"/o/acme/offerings/{u.offering.slug}/")
    assert client_for(acme.customer).get(f"/o/acme/offerings/{u.offering.slug}/").status_code == 200


def test_an_offering_with_problems_cannot_open(acme):
    offering = services.offering_create(
        organisation=acme.organisation, actor=acme.organiser, name="Empty"
    )
    services.dimension_create(offering=offering, actor=acme.organiser, name="Pick", min_picks=2)

    with pytest.raises(Conflict, match="Fix these before opening"):
        services.offering_transition(offering=offering, actor=acme.organiser, to="open")


def test_a_locked_offering_takes_no_designs_and_shows_the_plan(acme, unconference):
    u = unconference
    membership = acme.member(acme.customer)
    services.design_submit(
        offering=u.offering,
        membership=membership,
        options=[str(u.panel.pk), str(u.in_person.pk)],
        answers={},
    )
    services.offering_transition(offering=u.offering, actor=acme.organiser, to="locked")

    with pytest.raises(Conflict, match="designs cannot be submitted or changed now"):
        services.design_submit(
            offering=u.offering,
            membership=membership,
            options=[str(u.keynote.pk), str(u.in_person.pk)],
            answers={},
        )
    client = client_for(acme.customer)
    response = client.get(f"/o/acme/offerings/{u.offering.slug}/")
    assert response["Location"] == f"/o/acme/offerings/{u.offering.slug}/plan/"
    plan = client.get(response["Location"]).content.decode()
    assert "Panel: the future of CX" in plan
    assert "Change my design" not in plan


def test_an_offering_with_designs_cannot_go_back_to_draft(acme, unconference):
    u = unconference
    services.design_submit(
        offering=u.offering,
        membership=acme.member(acme.customer),
        options=[str(u.panel.pk), str(u.in_person.pk)],
        answers={},
    )
    with pytest.raises(Conflict, match="lock the offering instead"):
        services.offering_transition(offering=u.offering, actor=acme.organiser, to="draft")


def test_a_step_that_is_not_next_is_refused(acme, unconference):
    with pytest.raises(Conflict, match="cannot become delivered from there"):
        services.offering_transition(
            offering=unconference.offering, actor=acme.organiser, to="delivered"
        )
