"""How a schedule is judged: one implementation, used by the optimiser, the baselines and
the benchmark alike.

Each attendee follows a recommended path: the heaviest set of wanted sessions that do not
overlap in time (with several wanted sessions in one slot an attendee attends one, the
heaviest). A session's audience is the number of attendees whose path includes it, or
the organiser's estimate where one is given; the people beyond a room's seats overflow.
"""

from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from .model import Figures, Instance, Placement
from .problem import Problem, compile_instance
from .validate import violations


@dataclass(frozen=True)
class Scored:
    """Figures and paths, with `path_sessions[a]` the session positions attendee a attends."""

    figures: Figures
    paths: Mapping[str, Mapping[str, str]]
    path_sessions: tuple[tuple[int, ...], ...]


def evaluate(
    instance: Instance, placements: Mapping[str, Placement]
) -> tuple[Figures, Mapping[str, Mapping[str, str]]]:
    """The figures and every attendee's recommended path (attendee -> slot id -> session
    id) for `placements`, a schedule from any solver."""
    problem = compile_instance(instance)
    scored = score(problem, placements)
    return scored.figures, scored.paths


def score(problem: Problem, placements: Mapping[str, Placement]) -> Scored:
    """Judge `placements` against the compiled problem (rooms a re-plan has removed are
    known to it, so past sessions in them are not reported as errors)."""
    broken = violations(problem, placements)
    start = np.full(problem.n_sessions, -1, dtype=np.int64)
    room = np.full(problem.n_sessions, -1, dtype=np.int64)
    slot_at, room_at = problem.slot_at, problem.room_at
    for s, sid in enumerate(problem.session_ids):
        placement = placements.get(sid)
        if placement and placement.slot in slot_at:
            start[s] = slot_at[placement.slot]
            room[s] = room_at.get(placement.room, -1)
    chosen = choose_paths(problem, start)
    return _figures(problem, start, room, chosen, broken)


def choose_paths(problem: Problem, start: np.ndarray) -> list[list[int]]:
    """For each attendee, the heaviest set of placed wanted sessions without overlap."""
    wishes = problem.wishes.tocoo()
    sessions, attendees, weights = wishes.row, wishes.col, wishes.data
    placed = start[sessions] >= 0
    sessions, attendees, weights = sessions[placed], attendees[placed], weights[placed]
    long = problem.lengths[sessions] > 1
    needs_dp = np.zeros(len(problem.attendee_ids), dtype=bool)
    needs_dp[attendees[long]] = True
    chosen: list[list[int]] = [[] for _ in problem.attendee_ids]

    simple = ~needs_dp[attendees]
    a, s, w = attendees[simple], sessions[simple], weights[simple]
    t = start[s]
    order = np.lexsort((s, -w, t, a))
    a, t, s = a[order], t[order], s[order]
    first = np.ones(len(a), dtype=bool)
    first[1:] = (a[1:] != a[:-1]) | (t[1:] != t[:-1])
    for attendee, session in zip(a[first].tolist(), s[first].tolist(), strict=True):
        chosen[attendee].append(session)

    for attendee in np.flatnonzero(needs_dp).tolist():
        mine = attendees == attendee
        chosen[attendee] = _heaviest_without_overlap(
            problem, start, sessions[mine].tolist(), weights[mine].tolist()
        )
    return chosen


def attendance(problem: Problem, start: np.ndarray) -> np.ndarray:
    """How many attendees' recommended paths include each session."""
    chosen = [s for path in choose_paths(problem, start) for s in path]
    return np.bincount(np.array(chosen, dtype=np.int64), minlength=problem.n_sessions)


def _heaviest_without_overlap(
    problem: Problem, start: np.ndarray, sessions: list[int], weights: list[float]
) -> list[int]:
    """Weighted interval scheduling: intervals sorted by end, best[i] = the best weight
    using the first i intervals."""
    items = sorted(
        (int(start[s]) + int(problem.lengths[s]), int(start[s]), -w, s)
        for s, w in zip(sessions, weights, strict=True)
    )
    ends = [end for end, *_ in items]
    best = [0.0] * (len(items) + 1)
    take = [False] * len(items)
    for i, (_end, begin, negative_weight, _s) in enumerate(items):
        before = bisect_right(ends, begin, 0, i)
        with_it = best[before] - negative_weight
        take[i] = with_it > best[i]
        best[i + 1] = with_it if take[i] else best[i]
    picked: list[int] = []
    i = len(items)
    while i > 0:
        if take[i - 1]:
            _end, begin, _w, session = items[i - 1]
            picked.append(session)
            i = bisect_right(ends, begin, 0, i - 1)
        else:
            i -= 1
    return sorted(picked, key=lambda s: int(start[s]))


def _figures(
    problem: Problem,
    start: np.ndarray,
    room: np.ndarray,
    chosen: list[list[int]],
    broken: tuple[str, ...],
) -> Scored:
    instance = problem.instance
    wishes = problem.wishes.tocsc()
    wished = np.asarray(wishes.sum(axis=0)).ravel()
    satisfied = np.zeros(len(problem.attendee_ids))
    attending = np.zeros(problem.n_sessions)
    lost: dict[str, int] = {}
    paths: dict[str, dict[str, str]] = {}
    for a, picked in enumerate(chosen):
        column = slice(wishes.indptr[a], wishes.indptr[a + 1])
        weight_of = dict(
            zip(wishes.indices[column].tolist(), wishes.data[column].tolist(), strict=True)
        )
        satisfied[a] = sum(weight_of[s] for s in picked)
        attending[picked] += 1
        attendee = problem.attendee_ids[a]
        lost[attendee] = len(weight_of) - len(picked)
        paths[attendee] = {
            problem.slot_ids[t]: problem.session_ids[s]
            for s in picked
            for t in problem.span(s, int(start[s]))
        }
    estimate = [s.expected_audience for s in instance.sessions]
    audience = np.array([e if e is not None else attending[i] for i, e in enumerate(estimate)])
    placed = room >= 0
    over = np.where(placed, audience - problem.capacity[np.maximum(room, 0)], 0.0)
    over = np.maximum(over, 0.0)
    has_wishes = wished > 0
    shares = satisfied[has_wishes] / wished[has_wishes]
    total_wished, total_satisfied = float(wished.sum()), float(satisfied.sum())
    overflowing = round(over.sum())
    figures = Figures(
        satisfied=total_satisfied,
        wished=total_wished,
        share=total_satisfied / total_wished if total_wished else 1.0,
        lost_weight=total_wished - total_satisfied,
        lost_choices=lost,
        p10=float(np.percentile(shares, 10)) if shares.size else 1.0,
        rooms_over_capacity=int((over > 0).sum()),
        people_overflowing=overflowing,
        objective=total_satisfied - instance.overflow_penalty * overflowing,
        violations=broken,
    )
    return Scored(figures=figures, paths=paths, path_sessions=tuple(map(tuple, chosen)))
