"""Re-planning a published agenda during the event without upsetting it."""

from dataclasses import replace

from cocreate.engines.agenda import (
    WOULD_LIKE,
    Change,
    Instance,
    Placement,
    Room,
    Session,
    Slot,
    replan,
)

SLOTS = tuple(Slot(id=f"p{t}") for t in range(1, 5))
ROOMS = (Room(id="hall", capacity=50), Room(id="lab", capacity=20))
PUBLISHED = {
    "a": Placement("hall", "p1"),
    "b": Placement("hall", "p2"),
    "c": Placement("lab", "p2"),
    "d": Placement("hall", "p3"),
}
EVENT = Instance(SLOTS, ROOMS, tuple(Session(id=s) for s in "abcd"), {})


def test_a_new_proposal_fills_a_free_cell_after_now_and_nothing_else_moves():
    instance = replace(EVENT, sessions=(*EVENT.sessions, Session(id="new")))
    result = replan(instance, PUBLISHED, now="p2", work=500)

    new = result.schedule.placements["new"]
    assert new.slot in {"p3", "p4"}
    assert (result.diff.moved, result.diff.room_changed, result.diff.removed) == ((), (), ())
    assert result.diff.added == (Change("new", None, new),)
    assert result.schedule.figures.violations == ()


def test_a_lost_room_keeps_the_past_and_forces_the_fewest_moves():
    instance = replace(EVENT, rooms=ROOMS[1:])
    result = replan(instance, PUBLISHED, now="p2", work=500)
    placed = result.schedule.placements

    assert placed["a"] == PUBLISHED["a"]  # already over, in the room since removed
    assert len(result.diff.moved) == 1  # b and c cannot both stay at p2 with one room
    assert {placed["b"].slot, placed["c"].slot} & {"p2"}
    assert placed["d"] == Placement("lab", "p3")
    assert [c.session for c in result.diff.room_changed] in (["b", "d"], ["d"])
    assert result.schedule.figures.violations == ()


def test_a_withdrawn_session_is_listed_as_removed():
    instance = replace(EVENT, sessions=EVENT.sessions[:3])
    result = replan(instance, PUBLISHED, now="p2", work=500)

    assert result.diff.removed == (Change("d", PUBLISHED["d"], None),)
    assert "d" not in result.schedule.placements


def test_changed_interest_moves_an_announced_session_only_when_it_pays_the_penalty():
    fans = {f"fan{i}": {"b": WOULD_LIKE, "c": WOULD_LIKE} for i in range(10)}
    instance = replace(EVENT, wishes=fans)

    stable = replan(instance, PUBLISHED, now="p2", work=2000)
    cheap = replan(instance, PUBLISHED, now="p2", move_penalty=1.0, work=2000)
    dear = replan(instance, PUBLISHED, now="p2", move_penalty=20.0, work=2000)

    assert stable.diff.moved == dear.diff.moved == ()
    assert stable.schedule.figures.satisfied == 10
    assert len(cheap.diff.moved) == 1
    assert cheap.schedule.figures.satisfied == 20
    assert set(cheap.attendees_affected) == set(fans)
    assert stable.attendees_affected == ()


def test_nothing_new_is_placed_in_the_past():
    instance = replace(EVENT, sessions=(*EVENT.sessions, Session(id="late")))
    result = replan(instance, PUBLISHED, now="p4", work=500)

    assert result.schedule.placements["late"].slot == "p4"
    assert result.schedule.placements["d"] == PUBLISHED["d"]
