"""Planning, publishing and re-planning: everyone gets the sessions they asked for where
the rooms and their own wishes allow, and hears what changed."""

import pytest
from django_scopes import scope

from cocreate.agenda import selectors, services
from cocreate.agenda.tests.conftest import draft_of, plan, published
from cocreate.core.errors import Conflict, InvalidInput
from cocreate.messaging.models import Message


def test_a_run_places_every_session_so_each_attendee_can_attend_all_they_want(acme, day):
    run = plan(day, acme.organiser)

    assert run.status == "done", run.error
    assert run.progress, "the search reported its progress"
    draft = draft_of(run)
    assert set(draft.placements) == {
        str(p.pk) for p in (day.journeys, day.metrics, day.ai, day.loyalty)
    }
    assert draft.figures["share"] == 1.0  # nobody wants two sessions at once
    assert draft.figures["violations"] == []
    # Three people want it, the small room seats two: it gets the big room.
    assert draft.placements[str(day.journeys.pk)][0] == day.big.pk


def test_publishing_gives_each_session_its_time_room_and_seats_and_tells_everyone_once(acme, day):
    run = plan(day, acme.organiser)
    draft = draft_of(run)

    services.schedule_publish(schedule=draft, actor=acme.organiser)

    with scope(organisation=acme.organisation):
        for proposal in (day.journeys, day.metrics, day.ai, day.loyalty):
            proposal.option.refresh_from_db()
            room, slot = draft.placements[str(proposal.pk)]
            placed_in = day.big if room == day.big.pk else day.small
            assert proposal.option.location == placed_in.name
            assert proposal.option.capacity == placed_in.capacity
            assert proposal.option.starts_at == next(s for s in day.slots if s.pk == slot).starts_at
        told = Message.objects.filter(kind="agenda_changed")
        assert sorted(m.recipient.email for m in told) == sorted(
            u.email for u in (acme.customer, acme.staff, acme.partner, acme.organiser)
        )
        assert "Journey maps people use" in told.get(recipient=acme.customer).body_text
    assert draft.version == 1


def test_a_re_plan_keeps_announced_sessions_and_tells_only_those_affected(acme, day):
    services.schedule_publish(schedule=draft_of(plan(day, acme.organiser)), actor=acme.organiser)
    first = published(day.event, 1)
    late = services.proposal_submit(event=day.event, proposer=acme.staff, title="A late idea")
    services.proposal_accept(proposal=late, actor=acme.organiser)
    services.interest_set(proposal=late, user=acme.staff, weight="like")
    with scope(organisation=acme.organisation):
        Message.objects.filter(kind="agenda_changed").delete()

    run = plan(day, acme.organiser, replan=True)
    draft = draft_of(run)
    services.schedule_publish(schedule=draft, actor=acme.organiser)

    kept = {k: v for k, v in draft.placements.items() if k in first.placements}
    assert kept == first.placements  # nothing announced moved
    assert [c["proposal"] for c in draft.diff["added"]] == [late.pk]
    with scope(organisation=acme.organisation):
        told = [m.recipient for m in Message.objects.filter(kind="agenda_changed")]
    assert told == [acme.staff]


def test_pins_that_contradict_each_other_are_refused_naming_them(acme, day):
    services.constraint_add(
        event=day.event,
        actor=acme.organiser,
        kind="pin",
        proposal=day.journeys,
        room=day.big,
        slot=day.slots[0],
    )
    with pytest.raises(InvalidInput) as refused:
        services.constraint_add(
            event=day.event,
            actor=acme.organiser,
            kind="pin",
            proposal=day.metrics,
            room=day.big,
            slot=day.slots[0],
        )
    assert "Journey maps people use" in refused.value.message
    assert "Measuring effort" in refused.value.message


def test_keeping_sessions_apart_and_in_sequence_holds_in_the_schedule(acme, day):
    services.constraint_add(
        event=day.event,
        actor=acme.organiser,
        kind="sequence",
        proposal=day.ai,
        other=day.loyalty,
        immediately=True,
    )
    draft = draft_of(plan(day, acme.organiser))

    slot_index = {s.pk: n for n, s in enumerate(day.slots)}
    ai_at = slot_index[draft.placements[str(day.ai.pk)][1]]
    loyalty_at = slot_index[draft.placements[str(day.loyalty.pk)][1]]
    assert (ai_at, loyalty_at) in {(0, 1), (2, 3)}  # right after, never across the break


def test_a_move_by_hand_that_breaks_a_constraint_is_refused_and_not_saved(acme, day):
    services.constraint_add(
        event=day.event,
        actor=acme.organiser,
        kind="apart",
        proposal=day.journeys,
        other=day.metrics,
    )
    draft = draft_of(plan(day, acme.organiser))
    before = dict(draft.placements)
    room, slot = draft.placements[str(day.journeys.pk)]
    other_room = day.small if room == day.big.pk else day.big

    with pytest.raises(InvalidInput, match="Not moved"):
        services.schedule_move(
            schedule=draft,
            actor=acme.organiser,
            proposal=day.metrics,
            room=other_room,
            slot=next(s for s in day.slots if s.pk == slot),
        )
    draft.refresh_from_db()
    assert draft.placements == before


def test_a_proposal_longer_than_any_run_of_slots_is_refused(acme, day):
    with pytest.raises(InvalidInput) as refused:
        services.proposal_submit(
            event=day.event, proposer=acme.customer, title="Marathon", length=3
        )
    assert refused.value.fields["length"] == [
        "No run of consecutive slots is that long: the longest has 2 slots."
    ]


def test_a_speaker_cannot_be_away_for_every_slot_of_their_session(acme, day):
    with pytest.raises(Conflict, match="Journey maps people use"):
        services.unavailability_set(
            event=day.event, user=acme.customer, slot_ids=[s.pk for s in day.slots]
        )


def test_a_room_in_use_cannot_be_deleted_but_can_be_closed_and_re_planned(acme, day):
    services.schedule_publish(schedule=draft_of(plan(day, acme.organiser)), actor=acme.organiser)
    with pytest.raises(Conflict, match="close the room and re-plan"):
        services.room_delete(room=day.big, actor=acme.organiser)

    services.room_save(
        event=day.event,
        actor=acme.organiser,
        room=day.big,
        name="Big hall",
        capacity=50,
        closed=True,
    )
    draft = draft_of(plan(day, acme.organiser, replan=True))
    assert all(room != day.big.pk for room, _ in draft.placements.values())


def test_interest_in_a_declined_session_is_refused(acme, day):
    services.proposal_decline(proposal=day.loyalty, actor=acme.organiser, reason="Off topic.")
    with pytest.raises(Conflict, match="is declined"):
        services.interest_set(proposal=day.loyalty, user=acme.customer, weight="like")


def test_a_run_whose_worker_died_is_given_up_and_a_new_one_can_start(acme, day):
    from datetime import timedelta

    from django.utils import timezone

    from cocreate.agenda.models import Run

    stuck = services.run_start(event=day.event, actor=acme.organiser, time_limit=5)
    with scope(organisation=acme.organisation):
        Run.objects.filter(pk=stuck.pk).update(
            status="running", started_at=timezone.now() - timedelta(minutes=10)
        )

    fresh = services.run_start(event=day.event, actor=acme.organiser, time_limit=1)

    stuck.refresh_from_db()
    assert stuck.status == "failed"
    assert "worker went away" in stuck.error
    assert fresh.status == "queued"


def test_the_room_left_for_more_sessions_counts_what_the_schedule_and_reservations_take(acme, day):
    assert services.longest_run(day.event) == 2
    assert selectors.room_left(day.event) == 8 - 4  # four slots, two rooms, four sessions

    services.schedule_publish(schedule=draft_of(plan(day, acme.organiser)), actor=acme.organiser)
    services.constraint_add(
        event=day.event, actor=acme.organiser, kind="reserve", room=day.big, slot=day.slots[3]
    )
    workshop = services.proposal_submit(
        event=day.event, proposer=acme.staff, title="A long workshop", length=2
    )
    services.proposal_accept(proposal=workshop, actor=acme.organiser)

    assert selectors.room_left(day.event) == 8 - 4 - 1 - 2
