"""Rooms within a slot: once the times are settled, give each slot's one-slot sessions the
rooms that minimise overflow (and room changes during a re-plan), as an assignment
problem solved exactly (scipy's Hungarian method)."""

import numpy as np
from scipy.optimize import linear_sum_assignment

from .costs import Costs
from .layout import EMPTY, Layout

FORBIDDEN = 1e12


def reassign_rooms(layout: Layout, costs: Costs) -> None:
    """Reassign rooms slot by slot, moving only one-slot sessions not fixed in place, among
    the rooms they may use that no other session occupies."""
    problem = layout.problem
    for t in range(problem.n_slots):
        movable = [
            s
            for s in layout.occupant[:, t].tolist()
            if s != EMPTY and problem.lengths[s] == 1 and s not in problem.fixed
        ]
        if not movable:
            continue
        rooms = [
            r
            for r in range(problem.n_rooms)
            if layout.occupant[r, t] == EMPTY or layout.occupant[r, t] in movable
        ]
        cost = np.array([[costs.of(s, r, t) for r in rooms] for s in movable])
        allowed = problem.allowed[np.ix_(movable, rooms, [t])][:, :, 0]
        cost = np.where(allowed, cost, FORBIDDEN)
        rows, columns = linear_sum_assignment(cost)
        if (cost[rows, columns] >= FORBIDDEN).any():
            continue
        current = sum(costs.of(s, int(layout.room[s]), t) for s in movable)
        if cost[rows, columns].sum() >= current - 1e-9:
            continue
        for s in movable:
            layout.remove(s)
        for row, column in zip(rows.tolist(), columns.tolist(), strict=True):
            layout.place(movable[row], rooms[column], t)
