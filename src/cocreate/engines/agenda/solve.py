"""The optimiser: greedy start, exact local search, simulated annealing, exact polish.

Each stage keeps the hard constraints; the answer is the best schedule seen by the exact
measure (attendable interest minus overflow penalties and, in a re-plan, move costs), so
it is never worse than the greedy start or the greedy start after local search.

Determinism: the work (annealing steps) is fixed by `work` or, by default, derived from
the time limit at a conservative speed, so the same instance, seed and time limit give
the same schedule; the clock is only a cap, and `Schedule.stopped_by_clock` says when it
struck.
"""

import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial

import numpy as np

from .anneal import Annealer, Cooling, typical_worsening
from .bound import best_bound
from .checks import check_obvious
from .construct import fresh, greedy
from .costs import Stability, costs_for
from .descent import Descent
from .evaluate import attendance, score
from .explain import find_feasible
from .interest import table_of
from .layout import Layout
from .model import Bound, Instance, Placement, Schedule
from .pairs import pair_losses
from .problem import Problem, compile_instance
from .rooms import reassign_rooms

Progress = Callable[[float, float, float], None]

# Annealing steps per second of time limit: about a third of this machine's speed on the
# benchmark's M and L instances, so the clock rarely has to cut a run short.
STEPS_PER_SECOND = 30_000
# Share of the time limit left for the final exact polish and the figures.
RESERVE = 0.25
COOLING_END = 0.002  # final temperature, as a share of the starting one
# Share of a session's missing wanters the annealer expects to come anyway: 0.3 cut the
# overflow on the L benchmark by a third against 0 at no cost in interest; 0.6 cost
# interest on M.
CAUTION = 0.3
ROUNDS = 4  # the annealing is split in rounds, between which audiences are re-estimated


@dataclass
class Run:
    """One optimisation's settings and clock."""

    seed: int
    time_limit: float
    work: int | None
    progress: Progress | None
    bound: Bound
    started: float

    @property
    def deadline(self) -> float:
        return self.started + self.time_limit

    def elapsed(self) -> float:
        return time.perf_counter() - self.started


def schedule(
    instance: Instance,
    *,
    seed: int = 0,
    time_limit: float = 10.0,
    work: int | None = None,
    progress: Progress | None = None,
    bound_time: float = 5.0,
) -> Schedule:
    """Schedule every session of `instance`.

    `work` is the number of annealing steps (default: `STEPS_PER_SECOND` per second of
    `time_limit`); `progress(elapsed, objective, bound)` is called as the search improves
    (while annealing with the search's own estimate; the last call carries the exact
    objective of the schedule returned);
    `bound_time` seconds go to the pair bound where it applies (0 skips it). Raises an
    `AgendaInputError` subclass, naming the items at fault, when no schedule exists.
    """
    started = time.perf_counter()
    problem = compile_instance(instance)
    check_obvious(problem)
    bound = best_bound(problem, bound_time)
    run = Run(seed, time_limit, work, progress, bound, started)
    layout, stopped = optimise(problem, run)
    return finish(problem, layout, run, stopped)


def optimise(
    problem: Problem,
    run: Run,
    *,
    stability: Stability | None = None,
    keep: Mapping[str, Placement] | None = None,
) -> tuple[Layout, bool]:
    """The best layout found for `problem`, and whether the clock cut the search short.
    `keep` is a starting point (a published schedule), kept where it still fits."""
    layout, table = fresh(problem)
    for sid, placement in (keep or {}).items():
        s = problem.session_at[sid]
        r, t = problem.room_at.get(placement.room, -1), problem.slot_at[placement.slot]
        if s not in problem.fixed and r >= 0 and layout.can_place(s, r, t):
            layout.place(s, r, t)
            table.add(s, t)
    costs = costs_for(problem, stability=stability)
    if greedy(layout, table, costs):
        layout = find_feasible(problem, layout, max(1.0, run.deadline - time.perf_counter()))
        table = table_of(layout)
    pairs = pair_losses(problem)
    polish_by = run.deadline - RESERVE * run.time_limit
    stopped = Descent(layout, table, pairs, costs).run(polish_by)
    best, (shown, moving) = layout.copy(), judge(layout, stability)
    best_value = shown - moving
    _report(run, shown)
    if stopped:
        return best, True

    # now that a schedule exists, overflow is judged on who is expected to come, not on
    # everyone who wants a session
    costs = costs_for(problem, expected_audience(problem, layout.start), stability)
    rng = random.Random(run.seed)
    annealer = Annealer(layout, pairs, costs)
    steps = run.work if run.work is not None else int(STEPS_PER_SECOND * run.time_limit)
    if annealer.movable and steps > 0:
        heat = typical_worsening(annealer, rng)
        banked = 0.0  # the estimated gain of the rounds before, for progress reports
        for round_ in range(ROUNDS):
            if round_:
                banked -= annealer.cost
                # fewer clashes bring bigger audiences: judge overflow on today's paths
                annealer.reprice(
                    costs_for(
                        problem, expected_audience(problem, annealer.current().start), stability
                    )
                )
            cooling = Cooling(
                steps=steps // ROUNDS,
                start=heat * COOLING_END ** (round_ / ROUNDS),
                end=heat * COOLING_END ** ((round_ + 1) / ROUNDS),
            )
            stopped = annealer.run(
                cooling,
                rng,
                polish_by,
                partial(_report_gain, run, shown + banked),
            )
            if stopped:
                break
        layout = annealer.best()
        table = table_of(layout)
        costs = costs_for(problem, attendance(problem, layout.start), stability)
    reassign_rooms(layout, costs)
    stopped |= Descent(layout, table, pairs, costs).run(run.deadline)
    objective, moving = judge(layout, stability)
    if objective - moving > best_value:
        best, shown = layout, objective
    _report(run, shown)
    return best, stopped


def expected_audience(problem: Problem, start: np.ndarray) -> np.ndarray:
    """Audiences for the annealer: today's attendance plus a share of the wanters it does
    not have yet, who come as the search removes clashes, so overflow is not underrated."""
    present = attendance(problem, start)
    wanted = np.diff(problem.wishes.indptr)
    return present + CAUTION * (wanted - present)


def judge(layout: Layout, stability: Stability | None) -> tuple[float, float]:
    """The objective every solver is judged by (evaluate.py), and what the moves from
    the published schedule cost; the search maximises the difference, progress shows the
    objective."""
    objective = score(layout.problem, layout.placements()).figures.objective
    moving = 0.0
    if stability is not None:
        for s in layout.placed():
            moving += stability.of(s, int(layout.room[s]), int(layout.start[s]))
    return objective, moving


def finish(problem: Problem, layout: Layout, run: Run, stopped: bool) -> Schedule:
    scored = score(problem, layout.placements())
    return Schedule(
        placements=layout.placements(),
        figures=scored.figures,
        paths=scored.paths,
        bound=run.bound,
        seconds=run.elapsed(),
        stopped_by_clock=stopped,
    )


def _report_gain(run: Run, before: float, gain: float) -> None:
    _report(run, before + gain)


def _report(run: Run, value: float) -> None:
    if run.progress is not None:
        run.progress(run.elapsed(), value, run.bound.value)
