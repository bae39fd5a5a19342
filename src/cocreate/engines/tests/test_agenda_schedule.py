"""The agenda optimiser on small events whose best schedule is plain to see."""

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
    schedule,
)

ONE_DAY = tuple(Slot(id=f"p{t}", day=0) for t in range(1, 4))
ROOMS = (Room(id="hall", capacity=100), Room(id="nook", capacity=10))


def event(**changes) -> Instance:
    base = {
        "slots": ONE_DAY,
        "rooms": ROOMS,
        "sessions": tuple(Session(id=s, speakers=(f"by-{s}",)) for s in "abcde"),
        "wishes": {},
    }
    return Instance(**{**base, **changes})


def test_sessions_wanted_by_the_same_people_go_to_different_slots():
    wishes = {f"fan{i}": {"a": MUST, "b": MUST, "c": WOULD_LIKE} for i in range(8)}
    result = schedule(event(wishes=wishes), work=2000)

    slots = {result.placements[s].slot for s in "abc"}
    assert len(slots) == 3
    assert result.figures.share == 1.0
    assert result.figures.violations == ()
    assert result.figures.lost_choices == dict.fromkeys(wishes, 0)


def test_every_attendee_gets_a_path_through_the_sessions_they_can_attend():
    wishes = {"ada": {"a": MUST, "b": WOULD_LIKE}, "bob": {"a": WOULD_LIKE}}
    result = schedule(event(wishes=wishes), work=2000)

    a, b = result.placements["a"].slot, result.placements["b"].slot
    assert result.paths["ada"] == {a: "a", b: "b"}
    assert result.paths["bob"] == {a: "a"}


def test_when_slots_run_out_attendees_keep_their_heaviest_wish():
    slot = (Slot(id="only"),)
    rooms = (Room(id="one", capacity=50), Room(id="two", capacity=50))
    sessions = (Session(id="talk"), Session(id="demo"))
    wishes = {"ada": {"talk": WOULD_LIKE, "demo": MUST}}
    result = schedule(Instance(slot, rooms, sessions, wishes), work=500)

    assert result.paths["ada"] == {"only": "demo"}
    assert result.figures.satisfied == MUST
    assert result.figures.lost_choices == {"ada": 1}
    assert result.bound.value == MUST  # one slot: one session per attendee at most


def test_the_popular_session_gets_the_big_room():
    wishes = {f"fan{i}": {"a": WOULD_LIKE} for i in range(30)} | {"one": {"b": WOULD_LIKE}}
    sessions = (Session(id="a"), Session(id="b"))
    slots = (Slot(id="only"),)
    result = schedule(event(slots=slots, sessions=sessions, wishes=wishes), work=500)

    assert result.placements["a"] == Placement(room="hall", slot="only")
    assert result.figures.people_overflowing == 0


def test_overflow_is_reported_where_no_room_is_big_enough():
    wishes = {f"fan{i}": {"a": WOULD_LIKE} for i in range(12)}
    rooms = (Room(id="nook", capacity=10),)
    result = schedule(event(rooms=rooms, sessions=(Session(id="a"),), wishes=wishes), work=200)

    assert result.figures.rooms_over_capacity == 1
    assert result.figures.people_overflowing == 2
    assert result.figures.objective == 12 - 2 * 2  # two people over, at two wishes each


def test_a_long_session_takes_consecutive_slots_and_never_crosses_a_break():
    slots = (
        Slot(id="mon1", day=0),
        Slot(id="mon2", day=0),
        Slot(id="mon3", day=0, break_before=True),
        Slot(id="tue1", day=1),
        Slot(id="tue2", day=1),
    )
    sessions = (Session(id="workshop", length=2), Session(id="keynote"))
    pins = (Pin("keynote", slot="mon1"),)
    result = schedule(Instance(slots, ROOMS[:1], sessions, {}, pins=pins), work=500)

    assert result.placements["workshop"] == Placement(room="hall", slot="tue1")
    assert result.figures.violations == ()


def test_speakers_organisers_and_reserved_cells_are_obeyed():
    wishes = {f"fan{i}": dict.fromkeys("abcde", WOULD_LIKE) for i in range(5)}
    sessions = (
        Session(id="a", speakers=("ada",)),
        Session(id="b", speakers=("ada",)),
        Session(id="c", speakers=("cy",)),
        Session(id="d"),
        Session(id="e"),
    )
    instance = event(
        sessions=sessions,
        wishes=wishes,
        unavailable={"cy": frozenset({"p1", "p2"})},
        pins=(Pin("d", room="nook", slot="p2"),),
        apart=(Apart("d", "e"),),
        sequences=(Sequence("a", "b", immediately=True),),
        reserved=(Reserved("hall", "p3"),),
    )
    result = schedule(instance, work=3000)
    placed = result.placements

    assert placed["c"].slot == "p3"
    assert placed["d"] == Placement(room="nook", slot="p2")
    assert placed["e"].slot != "p2"
    assert (placed["a"].slot, placed["b"].slot) in {("p1", "p2"), ("p2", "p3")}
    assert Placement(room="hall", slot="p3") not in placed.values()
    assert result.figures.violations == ()


def test_the_same_seed_gives_the_same_schedule():
    wishes = {f"a{i}": {s: WOULD_LIKE for s in "abcde"[i % 3 : i % 3 + 3]} for i in range(20)}
    instance = event(wishes=wishes)

    first = schedule(instance, seed=4, work=5000)
    second = schedule(instance, seed=4, work=5000)

    assert first.placements == second.placements


def test_progress_reports_an_improving_objective_against_the_bound():
    wishes = {f"a{i}": dict.fromkeys("abcde", WOULD_LIKE) for i in range(10)}
    seen: list[tuple[float, float, float]] = []
    result = schedule(event(wishes=wishes), work=5000, progress=lambda *p: seen.append(p))

    elapsed = [seconds for seconds, _objective, _bound in seen]
    assert len(seen) >= 2
    assert elapsed == sorted(elapsed)
    assert seen[-1][1] == result.figures.objective
    assert all(bound == result.bound.value >= objective for _e, objective, bound in seen)


def test_a_schedule_is_found_even_where_the_greedy_start_gets_stuck():
    slots = (Slot(id="p1"), Slot(id="p2"))
    sessions = (Session(id="popular"), Session(id="early-bird", speakers=("eve",)))
    wishes = {f"fan{i}": {"popular": WOULD_LIKE} for i in range(5)}
    instance = Instance(slots, ROOMS[:1], sessions, wishes, unavailable={"eve": frozenset({"p2"})})
    result = schedule(instance, work=200)

    assert result.placements == {
        "popular": Placement("hall", "p2"),
        "early-bird": Placement("hall", "p1"),
    }
