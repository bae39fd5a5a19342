"""Exact local search: move one session to its best open cell, or swap two sessions,
whenever that raises attendable interest net of overflow (and move costs), until no such
change is left. Judged with the exact slot-by-slot interest table, so it also repairs
what the faster pairwise stand-in used by the annealer gets wrong."""

import time

import numpy as np

from .costs import Costs
from .interest import InterestTable
from .layout import EMPTY, Layout

GAIN = 1e-9  # smaller changes are rounding noise, not improvements
SWAP_CANDIDATES = 3


class Descent:
    def __init__(
        self,
        layout: Layout,
        table: InterestTable,
        pairs: np.ndarray,
        costs: Costs,
    ) -> None:
        self.layout, self.table, self.pairs, self.costs = layout, table, pairs, costs
        problem = layout.problem
        self.movable = [
            s
            for s in np.argsort(-problem.audience, kind="stable").tolist()
            if s not in problem.fixed
        ]

    def run(self, deadline: float) -> bool:
        """Improve until a local optimum; returns True if the clock stopped it first."""
        while True:
            improved = False
            for s in self.movable:
                if time.perf_counter() > deadline:
                    return True
                improved |= self._move(s)
            slot_sums = self._slot_sums()
            for s in self.movable:
                if time.perf_counter() > deadline:
                    return True
                improved |= self._swap(s, slot_sums)
            if not improved:
                return False

    def _move(self, s: int) -> bool:
        layout, table = self.layout, self.table
        problem = layout.problem
        r0, t0 = int(layout.room[s]), int(layout.start[s])
        table.remove(s, t0)
        layout.remove(s)
        score = table.gains(s)[None, :] - self.costs.grid(s)
        score = np.where(layout.open_starts(s), score, -np.inf)
        best = int(np.argmax(score))
        r, t = divmod(best, problem.n_slots)
        if score[r, t] <= score[r0, t0] + GAIN:
            r, t = r0, t0
        layout.place(s, r, t)
        table.add(s, t)
        return (r, t) != (r0, t0)

    def _slot_sums(self) -> np.ndarray:
        """`sums[t, j]`: the pairwise loss session j would suffer among slot t's sessions."""
        layout = self.layout
        present = np.zeros((layout.problem.n_slots, layout.problem.n_sessions))
        for s in np.flatnonzero(layout.start != EMPTY).tolist():
            span = layout.problem.span(s, int(layout.start[s]))
            present[span.start : span.stop, s] = 1.0
        return present @ self.pairs

    def _swap(self, s: int, slot_sums: np.ndarray) -> bool:
        """Swap one-slot session `s` with the partner the pairwise loss likes best, if the
        exact table agrees that it helps."""
        layout = self.layout
        problem = layout.problem
        if problem.lengths[s] != 1:
            return False
        start, t_s = layout.start, int(layout.start[s])
        others = np.flatnonzero((problem.lengths == 1) & (start != EMPTY) & (start != t_s))
        t_o = start[others]
        change = (
            slot_sums[t_o, s]
            - slot_sums[t_s, s]
            + slot_sums[t_s, others]
            - slot_sums[t_o, others]
            - 2 * self.pairs[s, others]
        )
        for k in np.argsort(change, kind="stable")[:SWAP_CANDIDATES].tolist():
            j = int(others[k])
            if change[k] >= 0:
                break
            if j not in problem.fixed and self._try_swap(s, j):
                return True
        return False

    def _try_swap(self, s: int, j: int) -> bool:
        layout, table = self.layout, self.table
        (r_s, t_s), (r_j, t_j) = (
            (int(layout.room[s]), int(layout.start[s])),
            (
                int(layout.room[j]),
                int(layout.start[j]),
            ),
        )
        before = self.costs.of(s, r_s, t_s) + self.costs.of(j, r_j, t_j)
        lost = table.remove(s, t_s) + table.remove(j, t_j)
        layout.remove(s)
        layout.remove(j)
        if layout.can_place(s, r_j, t_j):
            layout.place(s, r_j, t_j)
            if layout.can_place(j, r_s, t_s):
                layout.place(j, r_s, t_s)
                gained = table.add(s, t_j) + table.add(j, t_s)
                after = self.costs.of(s, r_j, t_j) + self.costs.of(j, r_s, t_s)
                if gained - lost - after + before > GAIN:
                    return True
                table.remove(s, t_j)
                table.remove(j, t_s)
                layout.remove(j)
            layout.remove(s)
        layout.place(s, r_s, t_s)
        layout.place(j, r_j, t_j)
        table.add(s, t_s)
        table.add(j, t_j)
        return False
