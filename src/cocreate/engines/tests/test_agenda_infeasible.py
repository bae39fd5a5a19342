"""Bad input: clear errors naming the items at fault, never a crash or a partial schedule."""

import pytest

from cocreate.engines.agenda import (
    Apart,
    ConflictingPins,
    InfeasibleSchedule,
    Instance,
    NotEnoughRoom,
    Pin,
    Reserved,
    Room,
    Sequence,
    Session,
    SessionTooLong,
    Slot,
    SpeakerNeverAvailable,
    UnknownReference,
    explain_infeasibility,
    schedule,
)

SLOTS = (Slot(id="p1"), Slot(id="p2"), Slot(id="p3", break_before=True))
ROOMS = (Room(id="hall", capacity=50), Room(id="lab", capacity=10))


def event(sessions: tuple[Session, ...], **constraints) -> Instance:
    return Instance(SLOTS, ROOMS, sessions, {}, **constraints)


def test_a_session_longer_than_any_run_of_slots_is_named():
    with pytest.raises(SessionTooLong, match=r"Session marathon lasts 3 slots, .* is 2"):
        schedule(event((Session(id="marathon", length=3),)))


def test_a_session_that_fits_no_free_run_of_a_suitable_room_is_named():
    sessions = (Session(id="stream", length=2, needs=frozenset({"camera"})),)
    with pytest.raises(SessionTooLong, match="Session stream lasts 2 slots, but no room"):
        schedule(event(sessions))


def test_a_speaker_with_no_available_slot_is_named():
    sessions = (Session(id="talk", speakers=("ada",)),)
    away = {"ada": frozenset({"p1", "p2", "p3"})}
    with pytest.raises(SpeakerNeverAvailable, match=r"Speaker ada .* session talk"):
        schedule(event(sessions, unavailable=away))


def test_two_pins_on_one_room_and_slot_are_named():
    sessions = (Session(id="a"), Session(id="b"))
    pins = (Pin("a", room="hall", slot="p1"), Pin("b", room="hall", slot="p1"))
    with pytest.raises(ConflictingPins, match="Sessions a and b are both pinned to room hall"):
        schedule(event(sessions, pins=pins))


def test_interest_in_a_session_not_on_the_agenda_is_named():
    instance = Instance(SLOTS, ROOMS, (Session(id="a"),), {"ada": {"declined": 1.0}})
    with pytest.raises(UnknownReference, match="not in the agenda: declined"):
        schedule(instance)


def test_the_smallest_set_of_conflicting_constraints_is_reported():
    sessions = tuple(Session(id=s) for s in "abcd")
    instance = event(
        sessions,
        pins=(Pin("a", slot="p1"), Pin("b", slot="p1"), Pin("d", room="lab")),
        apart=(Apart("a", "b"), Apart("c", "d")),
        sequences=(Sequence("b", "c"),),
    )
    with pytest.raises(InfeasibleSchedule) as raised:
        schedule(instance)

    assert raised.value.constraints == (
        "keep a and b apart",
        "pin a at slot p1",
        "pin b at slot p1",
    )
    assert "keep a and b apart" in str(raised.value)


def test_a_sequence_that_cannot_fit_around_a_reserved_room_is_explained():
    sessions = (Session(id="intro"), Session(id="deep-dive"))
    instance = Instance(
        SLOTS,
        ROOMS[:1],
        sessions,
        {},
        sequences=(Sequence("intro", "deep-dive", immediately=True),),
        reserved=(Reserved("hall", "p2"),),
    )

    assert explain_infeasibility(instance) == (
        "intro immediately before deep-dive",
        "reserve room hall at slot p2",
    )


def test_a_feasible_instance_has_nothing_to_explain():
    assert explain_infeasibility(event((Session(id="a"),))) == ()


def test_more_sessions_than_free_room_slots_is_said_plainly():
    sessions = (*(Session(id=s) for s in "abcde"), Session(id="long", length=2))
    reserved = (Reserved("lab", "p3"),)
    with pytest.raises(NotEnoughRoom, match="need 7 room-slots, but only 5 are free"):
        schedule(event(sessions, reserved=reserved))
