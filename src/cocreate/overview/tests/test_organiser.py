"""An organiser is told which proposals wait for a decision, which drafts are not
published, which messages died, which options are nearly full and which invitations
nobody accepted."""

from datetime import timedelta

from django.utils import timezone
from django_scopes import scope

from cocreate.agenda import services as agenda
from cocreate.agenda.models import Proposal
from cocreate.ideas.tests.conftest import customers
from cocreate.messaging import services as messaging
from cocreate.messaging.delivery import deliver_due
from cocreate.messaging.tests.test_notify import prefer, welcome
from cocreate.offerings import services as offerings
from cocreate.organisations import services as organisations
from cocreate.organisations.models import Role
from cocreate.overview.items import Line
from cocreate.overview.tests.conftest import (
    design,
    draft_schedule,
    event,
    options_of,
    overview_items,
    publish,
)


def test_proposals_waiting_for_a_decision_are_counted_per_event(acme):
    day = event(acme, "CX Day", proposed=2)
    closed = event(acme, "Closed Day", proposed=1)
    agenda.event_move_to(event=closed, actor=acme.organiser, phase="closed")

    item = overview_items(acme, acme.organiser)["proposals"]

    assert item.count == 2
    assert item.sentence == "2 session proposals are waiting for your decision."
    assert item.link == "/o/acme/agenda/cx-day/sessions/"
    assert item.lines == (Line("CX Day", "/o/acme/agenda/cx-day/sessions/", "2 to decide"),)
    assert item.action == "Decide"

    with scope(organisation=acme.organisation):
        waiting = list(
            Proposal.objects.filter(event=day, status="proposed").select_related("event")
        )
    for proposal in waiting:
        agenda.proposal_accept(proposal=proposal, actor=acme.organiser)
    assert "proposals" not in overview_items(acme, acme.organiser)


def test_a_draft_schedule_waits_until_it_is_published(acme):
    day = draft_schedule(acme, "CX Day")

    item = overview_items(acme, acme.organiser)["drafts"]
    assert item.sentence == "1 event has a draft schedule that is not published."
    assert item.link == "/o/acme/agenda/cx-day/planning/"
    assert item.lines[0].text == "CX Day"
    assert item.lines[0].note.startswith("draft of ")

    publish(acme, day)
    assert "drafts" not in overview_items(acme, acme.organiser)


def test_dead_letters_are_urgent(acme, provider, settings):
    settings.DELIVERY_MAX_ATTEMPTS = 1
    settings.ALLOW_PRIVATE_WEBHOOKS = True
    prefer(acme.customer, "sms", phone="+447400123456")
    welcome(acme, acme.customer)
    messaging.endpoint_create(
        organisation=acme.organisation,
        actor=acme.organiser,
        url=f"{provider.url}/hooks",
        events_chosen=["member.joined"],
    )
    messaging.emit(organisation=acme.organisation, event="member.joined", data={})
    provider.fail_next(2, status=500)

    deliver_due()

    found = overview_items(acme, acme.organiser)
    assert found["dead_messages"].sentence == (
        "1 message could not be delivered after every retry."
    )
    assert found["dead_messages"].link == "/o/acme/messages/?status=dead"
    assert found["dead_messages"].urgent
    assert found["dead_webhooks"].sentence == "1 webhook delivery failed after every retry."
    assert found["dead_webhooks"].link == "/o/acme/webhooks/"


def test_options_with_nine_seats_in_ten_taken_are_nearly_full(acme):
    spa = offerings.offering_create(
        organisation=acme.organisation, actor=acme.organiser, name="Spa"
    )
    step = offerings.dimension_create(offering=spa, actor=acme.organiser, name="Treatment")
    sauna, bath, massage = (
        offerings.option_create(dimension=step, actor=acme.organiser, name=name, capacity=10)
        for name in ("Sauna", "Bath", "Massage")
    )
    offerings.offering_transition(offering=spa, actor=acme.organiser, to="open")
    for n, person in enumerate([*customers(acme, 10), acme.customer]):
        chosen = [sauna] + ([bath] if n < 8 else []) + ([massage] if n < 9 else [])
        design(acme, person, spa, chosen)  # 11 for the sauna, 8 for the bath, 9 massages

    item = overview_items(acme, acme.organiser)["nearly_full"]

    assert item.count == 2
    assert item.sentence == "2 options are nearly full (90% of their seats or more)."
    assert item.link == "/o/acme/offerings/spa/demand/"
    assert item.lines == (
        Line("Sauna", "/o/acme/offerings/spa/demand/", "10 of 10 seats taken, 1 person waiting"),
        Line("Massage", "/o/acme/offerings/spa/demand/", "9 of 10 seats taken"),
    )


def test_options_nearly_full_in_several_offerings_name_their_offering(acme):
    for name in ("Spa", "Golf"):
        offering = offerings.offering_create(
            organisation=acme.organisation, actor=acme.organiser, name=name
        )
        step = offerings.dimension_create(offering=offering, actor=acme.organiser, name="Slot")
        offerings.option_create(dimension=step, actor=acme.organiser, name="Early", capacity=1)
        offerings.offering_transition(offering=offering, actor=acme.organiser, to="open")
        design(acme, acme.customer, offering, options_of(offering))

    item = overview_items(acme, acme.organiser)["nearly_full"]

    assert item.link == "/o/acme/offerings/"
    assert [line.text for line in item.lines] == ["Early in Golf", "Early in Spa"]


def test_invitations_not_accepted_yet_and_those_expired(acme):
    organisations.invitation_create(
        organisation=acme.organisation,
        invited_by=acme.organiser,
        email="kai@example.org",
        role=Role.STAFF,
    )

    item = overview_items(acme, acme.organiser)["invitations"]
    assert item.sentence == "1 invitation has not been accepted yet."
    assert item.link == "/o/acme/invitations/"
    assert item.lines == ()

    later = timezone.now() + timedelta(days=15)
    item = overview_items(acme, acme.organiser, now=later)["invitations"]
    assert item.lines == (Line("1 has expired: send it again or revoke it"),)


def test_staff_partners_and_customers_are_not_told_what_organisers_do(acme):
    event(acme, "CX Day", proposed=1)
    organisations.invitation_create(
        organisation=acme.organisation,
        invited_by=acme.organiser,
        email="kai@example.org",
        role=Role.STAFF,
    )

    assert {"proposals", "invitations"} <= set(overview_items(acme, acme.organiser))
    for person in (acme.staff, acme.partner, acme.customer):
        found = overview_items(acme, person)
        assert "proposals" not in found
        assert "invitations" not in found
