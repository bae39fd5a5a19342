"""Judging a schedule: the one evaluation every solver and the benchmark use."""

import pytest

from cocreate.engines.agenda import (
    MUST,
    WOULD_LIKE,
    Apart,
    Instance,
    Pin,
    Placement,
    Reserved,
    Room,
    Sequence,
    Session,
    Slot,
    evaluate,
)

SLOTS = (Slot(id="p1"), Slot(id="p2"), Slot(id="p3", break_before=True))
ROOMS = (Room(id="hall", capacity=3), Room(id="lab", capacity=2))


def test_figures_follow_each_attendees_heaviest_choice_per_slot():
    sessions = tuple(Session(id=s) for s in "abc")
    wishes = {
        "ada": {"a": MUST, "b": WOULD_LIKE, "c": WOULD_LIKE},
        "bob": {"a": WOULD_LIKE, "b": WOULD_LIKE},
        "cyd": {"c": MUST},
        "dee": {},
    }
    placements = {
        "a": Placement("hall", "p1"),
        "b": Placement("lab", "p1"),
        "c": Placement("hall", "p2"),
    }
    figures, paths = evaluate(Instance(SLOTS, ROOMS, sessions, wishes), placements)

    assert paths == {
        "ada": {"p1": "a", "p2": "c"},
        "bob": {"p1": "a"},
        "cyd": {"p2": "c"},
        "dee": {},
    }
    assert figures.wished == 10
    assert figures.satisfied == 8
    assert figures.share == pytest.approx(0.8)
    assert figures.lost_choices == {"ada": 1, "bob": 1, "cyd": 0, "dee": 0}
    assert figures.p10 == pytest.approx(0.5 + 0.2 * (0.8 - 0.5))
    assert (figures.rooms_over_capacity, figures.people_overflowing) == (0, 0)
    assert figures.violations == ()


def test_a_long_session_counts_once_and_blocks_its_slots():
    sessions = (Session(id="workshop", length=2), Session(id="talk"))
    wishes = {"ada": {"workshop": MUST, "talk": WOULD_LIKE}}
    placements = {"workshop": Placement("hall", "p1"), "talk": Placement("lab", "p2")}
    figures, paths = evaluate(Instance(SLOTS, ROOMS, sessions, wishes), placements)

    assert paths == {"ada": {"p1": "workshop", "p2": "workshop"}}
    assert figures.satisfied == MUST


def test_people_beyond_the_seats_overflow():
    wishes = {f"fan{i}": {"a": WOULD_LIKE} for i in range(5)}
    figures, _paths = evaluate(
        Instance(SLOTS, ROOMS, (Session(id="a"),), wishes), {"a": Placement("hall", "p1")}
    )

    assert (figures.rooms_over_capacity, figures.people_overflowing) == (1, 2)
    assert figures.objective == 5 - 2 * 2  # two people over, at two wishes each


def test_every_broken_hard_constraint_is_named():
    sessions = (
        Session(id="a", speakers=("ada",)),
        Session(id="b", speakers=("ada",), needs=frozenset({"stream"})),
        Session(id="c", length=2),
        Session(id="d"),
        Session(id="e"),
    )
    strict = (ROOMS[0], Room(id="lab", capacity=1, strict_capacity=True))
    instance = Instance(
        SLOTS,
        strict,
        sessions,
        {"x": {"b": 1.0}, "y": {"b": 1.0}},
        unavailable={"ada": frozenset({"p2"})},
        pins=(Pin("d", slot="p3"),),
        apart=(Apart("a", "d"),),
        sequences=(Sequence("e", "a"),),
        reserved=(Reserved("hall", "p3"),),
    )
    placements = {
        "a": Placement("hall", "p1"),
        "b": Placement("lab", "p1"),
        "c": Placement("hall", "p2"),
        "d": Placement("lab", "p2"),
        "e": Placement("lab", "p3"),
    }
    figures, _paths = evaluate(instance, placements)

    assert set(figures.violations) == {
        "c runs across a break or past the last slot",
        "b needs stream; lab lacks it",
        "b expects 2 people; lab seats 1",
        "c uses room hall at p3, which is reserved",
        "ada gives a and b at the same time",
        "broken: pin d at slot p3",
        "broken: e before a",
    }


def test_a_missing_session_is_a_violation():
    sessions = (Session(id="a"), Session(id="b"))
    figures, _paths = evaluate(Instance(SLOTS, ROOMS, sessions, {}), {"a": Placement("hall", "p1")})

    assert figures.violations == ("b is not scheduled",)
