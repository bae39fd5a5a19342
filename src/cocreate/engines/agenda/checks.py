"""The obvious reasons an agenda cannot be scheduled, caught before any search with a
sentence that names the culprit. Subtler conflicts are found by explain.py."""

import numpy as np

from .errors import ConflictingPins, NotEnoughRoom, SessionTooLong, SpeakerNeverAvailable
from .problem import Problem, window_any


def check_obvious(problem: Problem) -> None:
    """Raise if the sessions need more room-slots than are free, a session fits no run
    of free slots, a speaker's unavailability leaves a session no slot, or two pins claim
    the same room and slot. (The first is a pigeonhole argument, which CP-SAT can take
    minutes to prove.)"""
    _enough_room(problem)
    _sessions_fit(problem)
    _pins_agree(problem)


def _enough_room(problem: Problem) -> None:
    instance = problem.instance
    real_rooms = len(instance.rooms)
    cells = real_rooms * (problem.n_slots - problem.not_before)
    reserved = {(problem.room_at[c.room], problem.slot_at[c.slot]) for c in instance.reserved}
    running = {
        (r, u) for s, (r, t) in problem.fixed.items() for u in problem.span(s, t) if r < real_rooms
    }
    taken = {(r, t) for r, t in reserved | running if t >= problem.not_before}
    needed = sum(
        int(problem.lengths[s]) for s in range(problem.n_sessions) if s not in problem.fixed
    )
    if needed > cells - len(taken):
        raise NotEnoughRoom(
            f"The sessions need {needed} room-slots, but only {cells - len(taken)} are free "
            f"({cells} in all, {len(taken)} reserved or taken)."
        )


def _sessions_fit(problem: Problem) -> None:
    instance = problem.instance
    n_slots = problem.n_slots
    reserved = np.zeros((problem.n_rooms, n_slots), dtype=bool)
    for cell in instance.reserved:
        reserved[problem.room_at[cell.room], problem.slot_at[cell.slot]] = True
    longest_run = int((problem.run_end - np.arange(n_slots)).max()) + 1 if n_slots else 0
    for s, session in enumerate(instance.sessions):
        if s in problem.fixed:
            continue
        length = session.length
        fits = np.arange(n_slots) + length - 1 <= problem.run_end
        fits[: problem.not_before] = False
        rooms = np.array([session.needs <= room.features for room in instance.rooms])
        free = np.zeros((problem.n_rooms, n_slots), dtype=bool)
        free[: len(rooms)] = rooms[:, None] & fits[None, :]
        free &= ~window_any(reserved, length)
        if not free.any():
            if length > longest_run:
                raise SessionTooLong(
                    f"Session {session.id} lasts {length} slots, but the longest run of "
                    f"consecutive slots without a break is {longest_run}."
                )
            raise SessionTooLong(
                f"Session {session.id} lasts {length} slots, but no room with what it "
                f"needs has {length} consecutive free slots."
            )
        for speaker in session.speakers:
            away = np.zeros(n_slots, dtype=bool)
            for slot in instance.unavailable.get(speaker, ()):
                away[problem.slot_at[slot]] = True
            if not (free & ~window_any(away[None, :], length)).any():
                raise SpeakerNeverAvailable(
                    f"Speaker {speaker} is unavailable in every slot where session "
                    f"{session.id} could run."
                )


def _pins_agree(problem: Problem) -> None:
    instance = problem.instance
    by_session: dict[str, list[str]] = {}
    for pin in instance.pins:
        if pin.slot is not None:
            by_session.setdefault(pin.session, []).append(pin.slot)
    for sid, slots in by_session.items():
        if len(set(slots)) > 1:
            raise ConflictingPins(
                f"Session {sid} is pinned to several slots: {', '.join(sorted(set(slots)))}."
            )
    taken: dict[tuple[str, int], str] = {}
    for pin in instance.pins:
        if pin.room is None or pin.slot is None:
            continue
        first = problem.slot_at[pin.slot]
        length = int(problem.lengths[problem.session_at[pin.session]])
        for t in range(first, first + length):
            other = taken.setdefault((pin.room, t), pin.session)
            if other != pin.session:
                raise ConflictingPins(
                    f"Sessions {other} and {pin.session} are both pinned to room "
                    f"{pin.room} at slot {problem.slot_ids[t]}."
                )
