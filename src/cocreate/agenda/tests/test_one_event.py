"""An event offering and its agenda are one thing: the design's session choices are the
agenda's interest, a session's seats are its room's, and whatever changes, each person
has one plan and hears once what changed in it."""

import pytest
from django_scopes import scope

from cocreate.agenda import engine, services
from cocreate.agenda.tests.conftest import draft_of, plan
from cocreate.core.errors import Conflict, InvalidInput
from cocreate.messaging.models import Message
from cocreate.offerings import services as offerings
from cocreate.offerings.models import Choice, ChoiceStatus, Option


def wishes(day, user) -> dict[str, float]:
    return dict(engine.build(day.event).instance.wishes.get(str(user.pk), {}))


def publish(day, actor) -> None:
    services.schedule_publish(schedule=draft_of(plan(day, actor)), actor=actor)


def test_choosing_a_session_in_the_designer_is_what_the_optimiser_plans_from(acme, day):
    offering = day.event.offering
    membership = acme.member(acme.customer)
    metrics, ai = day.metrics.option, day.ai.option

    offerings.design_submit(
        offering=offering,
        membership=membership,
        options=[str(metrics.pk), str(ai.pk)],
        answers={},
        weights={str(ai.pk): "must"},
    )

    planned = wishes(day, acme.customer)
    assert planned == {engine.session_id(day.metrics): 1.0, engine.session_id(day.ai): 3.0}


def test_saying_would_like_on_the_agenda_changes_the_design_and_what_the_optimiser_reads(acme, day):
    services.interest_set(proposal=day.loyalty, user=acme.customer, weight="like")
    services.interest_set(proposal=day.journeys, user=acme.customer, weight=None)

    with scope(organisation=acme.organisation):
        chosen = dict(
            Choice.objects.filter(design__user=acme.customer).values_list(
                "option__session__title", "weight"
            )
        )
    assert chosen == {"Measuring effort": "must", "Loyalty without points": "like"}
    assert set(wishes(day, acme.customer)) == {
        engine.session_id(day.metrics),
        engine.session_id(day.loyalty),
    }


def test_a_session_has_its_rooms_seats_and_follows_the_room(acme, day):
    publish(day, acme.organiser)
    room = day.big if draft_of_first(day) == day.big.pk else day.small

    services.room_save(
        event=day.event, actor=acme.organiser, room=room, name=room.name, capacity=70
    )

    with scope(organisation=acme.organisation):
        option = Option.objects.get(pk=day.journeys.option_id)
    assert (option.capacity, option.location) == (70, room.name)


def draft_of_first(day) -> int:
    with scope(organisation=day.event.organisation_id):
        published = day.event.schedules.exclude(version=None).order_by("-version").first()
    return published.placements[str(day.journeys.pk)][0]


def test_a_full_room_waitlists_the_latest_and_a_freed_seat_promotes_the_next(acme, day):
    """The small room seats two; "Chatbots" is placed there and four people want it."""
    for person in (acme.customer, acme.partner, acme.organiser):
        services.interest_set(proposal=day.ai, user=person, weight="like")
    services.constraint_add(
        event=day.event, actor=acme.organiser, kind="pin", proposal=day.ai, room=day.small
    )
    publish(day, acme.organiser)

    with scope(organisation=acme.organisation):
        seats = dict(
            Choice.objects.filter(option=day.ai.option).values_list("design__user", "status")
        )
        told = Message.objects.get(kind="agenda_changed", recipient=acme.organiser).body_text
    # Staff chose it first, then the customer; the partner and the organiser wait.
    assert seats == {
        acme.staff.pk: ChoiceStatus.CONFIRMED,
        acme.customer.pk: ChoiceStatus.CONFIRMED,
        acme.partner.pk: ChoiceStatus.WAITLISTED,
        acme.organiser.pk: ChoiceStatus.WAITLISTED,
    }
    assert "“Chatbots that hand over”: its room is full, so you are on its waitlist now." in told

    services.interest_set(proposal=day.ai, user=acme.staff, weight=None)

    with scope(organisation=acme.organisation):
        partner = Choice.objects.get(option=day.ai.option, design__user=acme.partner)
        promoted = Message.objects.filter(kind="waitlist_promoted", recipient=acme.partner)
    assert partner.status == ChoiceStatus.CONFIRMED
    assert promoted.count() == 1


def test_a_declined_session_leaves_every_plan_and_its_people_are_told(acme, day):
    services.proposal_decline(proposal=day.metrics, actor=acme.organiser, reason="Too niche.")

    with scope(organisation=acme.organisation):
        left = Choice.objects.filter(option__session=day.metrics).count()
        told = Message.objects.filter(kind="agenda_changed").values_list("recipient", flat=True)
    assert left == 0
    assert sorted(told) == sorted(u.pk for u in (acme.customer, acme.partner, acme.organiser))
    with pytest.raises(Conflict, match="is declined"):
        services.interest_set(proposal=day.metrics, user=acme.customer, weight="must")


def test_a_merged_session_moves_its_choosers_to_the_session_it_joined(acme, day):
    services.proposal_merge(proposal=day.loyalty, into=day.ai, actor=acme.organiser)

    with scope(organisation=acme.organisation):
        partner = set(
            Choice.objects.filter(design__user=acme.partner).values_list(
                "option__session__title", flat=True
            )
        )
        note = Message.objects.get(kind="agenda_changed", recipient=acme.partner).body_text
    assert partner == {"Journey maps people use", "Measuring effort", "Chatbots that hand over"}
    assert "“Loyalty without points” is now part of “Chatbots that hand over”" in note
    with pytest.raises(Conflict, match="part of “Chatbots that hand over” now"):
        services.interest_set(proposal=day.loyalty, user=acme.partner, weight="like")


def test_a_session_chosen_twice_is_refused_and_nothing_changes(acme, day):
    offering = day.event.offering
    session = str(day.ai.option_id)

    with pytest.raises(InvalidInput, match="more than once"):
        offerings.design_submit(
            offering=offering,
            membership=acme.member(acme.customer),
            options=[session, session],
            answers={},
        )

    with scope(organisation=acme.organisation):
        assert not Choice.objects.filter(option=day.ai.option, design__user=acme.customer).exists()


def test_once_scheduled_two_sessions_at_once_clash_and_the_agenda_refuses_the_second(acme, day):
    first_slot = day.slots[0]
    for proposal, room in ((day.metrics, day.big), (day.loyalty, day.small)):
        services.constraint_add(
            event=day.event,
            actor=acme.organiser,
            kind="pin",
            proposal=proposal,
            room=room,
            slot=first_slot,
        )
    publish(day, acme.organiser)
    services.interest_set(proposal=day.metrics, user=acme.staff, weight="must")

    with pytest.raises(Conflict, match="overlaps"):
        services.interest_set(proposal=day.loyalty, user=acme.staff, weight="like")
    with scope(organisation=acme.organisation):
        assert not Choice.objects.filter(option__session=day.loyalty, design__user=acme.staff)
