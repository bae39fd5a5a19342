"""Live re-planning: a new schedule after new proposals, withdrawals, changed interest or
a lost room, which keeps what has started where it is and moves as few announced
sessions as it can.

Sessions that started before slot `now` stay exactly as published (even in a room since
removed); every other session starts at `now` or later. Moving an announced session to
another slot costs `move_penalty` in wish weight, a change of room alone a quarter of
that. Without a `move_penalty`, a move costs more than any gain in interest can repay,
so only the moves the changes force are made, and among schedules with that few moves
the one attendees like best is kept; a change of room alone then costs
`FEWEST_MOVES_ROOM_CHANGE`, so rooms are still swapped to seat people.
"""

import time
from collections.abc import Mapping

import numpy as np

from .bound import per_attendee_bound
from .checks import check_obvious
from .costs import Stability
from .errors import UnknownReference
from .evaluate import score
from .model import Change, Diff, Instance, Placement, Replan
from .problem import Problem, compile_instance
from .solve import Progress, Run, finish, optimise

ROOM_CHANGE_SHARE = 0.25
FEWEST_MOVES_ROOM_CHANGE = 5.0  # wish weight: worth it to seat six more people


def replan(
    instance: Instance,
    published: Mapping[str, Placement],
    *,
    now: str,
    move_penalty: float | None = None,
    previous_paths: Mapping[str, Mapping[str, str]] | None = None,
    seed: int = 0,
    time_limit: float = 5.0,
    work: int | None = None,
    progress: Progress | None = None,
) -> Replan:
    """Re-plan `instance` (the agenda as it is now) against the `published` schedule.

    `now` is the id of the first slot that has not started. `previous_paths` are the
    attendees' recommended paths as last announced (default: the published schedule's
    paths under today's wishes); attendees whose path differs are listed as affected.
    """
    started = time.perf_counter()
    slot_at = {slot.id: t for t, slot in enumerate(instance.slots)}
    if now not in slot_at:
        raise UnknownReference(f"There is no slot {now!r}.")
    unknown = sorted(sid for sid, p in published.items() if p.slot not in slot_at)
    if unknown:
        raise UnknownReference(f"Published sessions are in unknown slots: {', '.join(unknown)}.")
    current = {s.id for s in instance.sessions}
    still = {sid: p for sid, p in published.items() if sid in current}
    fixed = {sid: p for sid, p in still.items() if slot_at[p.slot] < slot_at[now]}
    problem = compile_instance(instance, fixed=fixed, not_before=slot_at[now])
    check_obvious(problem)

    start = np.full(problem.n_sessions, -1, dtype=np.int64)
    room = np.full(problem.n_sessions, -1, dtype=np.int64)
    for sid, placement in still.items():
        s = problem.session_at[sid]
        start[s] = problem.slot_at[placement.slot]
        room[s] = problem.room_at.get(placement.room, -1)
    if move_penalty is None:
        stability = Stability(
            start=start,
            room=room,
            move_penalty=_prohibitive(problem),
            room_penalty=FEWEST_MOVES_ROOM_CHANGE,
        )
    else:
        stability = Stability(
            start=start,
            room=room,
            move_penalty=move_penalty,
            room_penalty=ROOM_CHANGE_SHARE * move_penalty,
        )
    run = Run(seed, time_limit, work, progress, per_attendee_bound(problem), started)
    layout, stopped = optimise(problem, run, stability=stability, keep=still)
    schedule = finish(problem, layout, run, stopped)

    if previous_paths is None:
        previous_paths = score(problem, still).paths
    affected = tuple(
        a for a in problem.attendee_ids if schedule.paths.get(a, {}) != previous_paths.get(a, {})
    )
    return Replan(
        schedule=schedule,
        diff=_diff(published, schedule.placements),
        attendees_affected=affected,
    )


def _prohibitive(problem: Problem) -> float:
    """More than the rest of the objective (interest, overflow, room changes) could ever
    change by."""
    interest = float(problem.wishes.data.sum())
    overflow = problem.instance.overflow_penalty * float(problem.audience.sum())
    return interest + overflow + FEWEST_MOVES_ROOM_CHANGE * problem.n_sessions + 1.0


def _diff(before: Mapping[str, Placement], after: Mapping[str, Placement]) -> Diff:
    moved, room_changed, added, removed = [], [], [], []
    for sid in sorted(set(before) | set(after)):
        old, new = before.get(sid), after.get(sid)
        change = Change(session=sid, before=old, after=new)
        if old is None:
            added.append(change)
        elif new is None:
            removed.append(change)
        elif old.slot != new.slot:
            moved.append(change)
        elif old.room != new.room:
            room_changed.append(change)
    return Diff(
        moved=tuple(moved),
        room_changed=tuple(room_changed),
        added=tuple(added),
        removed=tuple(removed),
    )
