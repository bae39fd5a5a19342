"""Every hard constraint a schedule breaks, as sentences. Checked from the instance's own
data (not from the optimiser's compiled arrays), so it is an independent judge of any
solver's output, including the baselines'."""

from collections.abc import Mapping

from .model import Placement
from .problem import Problem


def violations(problem: Problem, placements: Mapping[str, Placement]) -> tuple[str, ...]:
    """The hard constraints `placements` breaks (empty when the schedule is valid)."""
    instance = problem.instance
    slot_at = {sid: t for t, sid in enumerate(problem.slot_ids)}
    rooms = {r.id: r for r in instance.rooms}
    rooms_gone = set(problem.room_ids) - set(rooms)
    sessions = {s.id: s for s in instance.sessions}
    audience = dict(zip(problem.session_ids, problem.audience.tolist(), strict=True))
    found: list[str] = []
    spans: dict[str, range] = {}
    fixed = {problem.session_ids[s] for s in problem.fixed}

    for sid in placements:
        if sid not in sessions:
            found.append(f"{sid} is placed but is not in the agenda")
    for sid, session in sessions.items():
        placement = placements.get(sid)
        if placement is None:
            found.append(f"{sid} is not scheduled")
            continue
        if placement.slot not in slot_at or placement.room not in set(rooms) | rooms_gone:
            found.append(f"{sid} is placed in an unknown room or slot")
            continue
        first = slot_at[placement.slot]
        if first + session.length - 1 > problem.run_end[first]:
            found.append(f"{sid} runs across a break or past the last slot")
        spans[sid] = range(first, first + session.length)
        room = rooms.get(placement.room)
        if room is None:
            if sid not in fixed:
                found.append(f"{sid} is in room {placement.room}, which no longer exists")
            continue
        if not session.needs <= room.features:
            found.append(f"{sid} needs {', '.join(sorted(session.needs))}; {room.id} lacks it")
        if room.strict_capacity and audience[sid] > room.capacity:
            found.append(
                f"{sid} expects {audience[sid]:.0f} people; {room.id} seats {room.capacity}"
            )

    found += _cell_clashes(problem, placements, spans)
    found += _speaker_clashes(problem, spans)
    found += _organiser_constraints(problem, placements, spans)
    return tuple(found)


def _cell_clashes(
    problem: Problem, placements: Mapping[str, Placement], spans: Mapping[str, range]
) -> list[str]:
    found: list[str] = []
    taken: dict[tuple[str, int], str] = {}
    reserved = {(c.room, c.slot) for c in problem.instance.reserved}
    for sid, span in spans.items():
        room = placements[sid].room
        for t in span:
            other = taken.setdefault((room, t), sid)
            if other != sid:
                found.append(f"{other} and {sid} share room {room} at {problem.slot_ids[t]}")
            if (room, problem.slot_ids[t]) in reserved:
                found.append(f"{sid} uses room {room} at {problem.slot_ids[t]}, which is reserved")
    return found


def _speaker_clashes(problem: Problem, spans: Mapping[str, range]) -> list[str]:
    found: list[str] = []
    instance = problem.instance
    busy: dict[tuple[str, int], str] = {}
    for session in instance.sessions:
        span = spans.get(session.id)
        if span is None:
            continue
        for speaker in session.speakers:
            away = instance.unavailable.get(speaker, frozenset())
            for t in span:
                if problem.slot_ids[t] in away:
                    found.append(
                        f"{speaker} gives {session.id} at {problem.slot_ids[t]}, unavailable"
                    )
                other = busy.setdefault((speaker, t), session.id)
                if other != session.id:
                    found.append(f"{speaker} gives {other} and {session.id} at the same time")
    return found


def _organiser_constraints(
    problem: Problem, placements: Mapping[str, Placement], spans: Mapping[str, range]
) -> list[str]:
    found: list[str] = []
    instance = problem.instance
    for pin in instance.pins:
        placement = placements.get(pin.session)
        if placement is None:
            continue
        if (pin.room and placement.room != pin.room) or (pin.slot and placement.slot != pin.slot):
            found.append(f"broken: {pin.label}")
    for pair in instance.apart:
        first, second = spans.get(pair.first), spans.get(pair.second)
        if first and second and set(first) & set(second):
            found.append(f"broken: {pair.label}")
    for order in instance.sequences:
        first, second = spans.get(order.first), spans.get(order.second)
        if not (first and second):
            continue
        after = second.start >= first.stop
        if order.immediately:
            after = second.start == first.stop and problem.run_end[first.start] >= second.start
        if not after:
            found.append(f"broken: {order.label}")
    return found
