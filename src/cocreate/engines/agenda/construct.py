"""Constructive schedules: the greedy start every search begins from, and the random
feasible schedule the benchmark compares against."""

import random

import numpy as np

from .costs import Costs
from .interest import InterestTable
from .layout import Layout
from .problem import Problem


def greedy(layout: Layout, table: InterestTable, costs: Costs) -> list[int]:
    """Place every unplaced session, pinned ones first, then the most popular first, in the
    open cell where it adds the most attendable interest net of room overflow (and of
    moving it, during a re-plan); ties go to the smallest room, then the earliest slot, so
    big rooms stay free for popular sessions. Returns the sessions it could not place."""
    problem = layout.problem
    pinned = {problem.session_at[p.session] for p in problem.instance.pins}
    pinned |= set(problem.fixed)
    order = sorted(layout.unplaced(), key=lambda s: (s not in pinned, -problem.audience[s], s))
    stuck = []
    rooms_small_first = np.argsort(problem.capacity, kind="stable")
    for s in order:
        open_ = layout.open_starts(s)
        if not open_.any():
            stuck.append(s)
            continue
        score = table.gains(s)[None, :] - costs.grid(s)
        score = np.where(open_, score, -np.inf)[rooms_small_first]
        # the best score; among equals the first in (smallest room, earliest slot) order
        best = np.flatnonzero(score.ravel() >= score.max() - 1e-9)[0]
        r, t = divmod(int(best), problem.n_slots)
        layout.place(s, int(rooms_small_first[r]), t)
        table.add(s, t)
    return stuck


def random_feasible(layout: Layout, rng: random.Random) -> list[int]:
    """Place every unplaced session in a uniformly random open cell, in random order.
    Returns the sessions it could not place."""
    order = layout.unplaced()
    rng.shuffle(order)
    stuck = []
    for s in order:
        cells = np.flatnonzero(layout.open_starts(s).ravel())
        if cells.size == 0:
            stuck.append(s)
            continue
        r, t = divmod(int(cells[rng.randrange(cells.size)]), layout.problem.n_slots)
        layout.place(s, r, t)
    return stuck


def fresh(problem: Problem) -> tuple[Layout, InterestTable]:
    """An empty layout and interest table with the fixed sessions in place."""
    layout, table = Layout(problem), InterestTable(problem)
    for s, (r, t) in problem.fixed.items():
        layout.place(s, r, t)
        table.add(s, t)
    return layout, table
