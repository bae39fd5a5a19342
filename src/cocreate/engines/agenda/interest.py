"""Attendable interest slot by slot, kept up to date as sessions are placed and removed.

For every attendee and slot the table keeps how many placed wanted sessions of each
weight fall in that slot; the attendee's value in the slot is the heaviest of them. A
session of n slots counts 1/n of its weight in each (exact for one-slot sessions, which
evaluate.py's path choice refines for longer ones). Gains and losses are computed for all
of a session's wanters at once, so placing or moving a popular session costs one numpy
operation over its wanters, not a Python loop.
"""

import numpy as np

from .layout import Layout
from .problem import Problem


class InterestTable:
    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        per_slot = problem.wishes.data / np.repeat(problem.lengths, np.diff(problem.wishes.indptr))
        self.levels, level_of = np.unique(per_slot, return_inverse=True)
        self._per_slot = per_slot
        self._level_of = level_of.astype(np.int64)
        n_attendees = len(problem.attendee_ids)
        self.counts = np.zeros((n_attendees, problem.n_slots, len(self.levels)), dtype=np.int32)
        self.top = np.zeros((n_attendees, problem.n_slots))

    def value(self) -> float:
        return float(self.top.sum())

    def _wishes(self, s: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        wishes = self.problem.wishes
        rows = slice(wishes.indptr[s], wishes.indptr[s + 1])
        return wishes.indices[rows], self._per_slot[rows], self._level_of[rows]

    def add(self, s: int, t: int) -> float:
        """Place `s` at start `t`; returns the value gained."""
        attendees, values, levels = self._wishes(s)
        gained = 0.0
        for u in self.problem.span(s, t):
            self.counts[attendees, u, levels] += 1
            before = self.top[attendees, u]
            after = np.maximum(before, values)
            gained += float((after - before).sum())
            self.top[attendees, u] = after
        return gained

    def remove(self, s: int, t: int) -> float:
        """Take `s` away from start `t`; returns the value lost."""
        attendees, _values, levels = self._wishes(s)
        lost = 0.0
        if attendees.size == 0:
            return lost
        highest = len(self.levels) - 1
        for u in self.problem.span(s, t):
            self.counts[attendees, u, levels] -= 1
            present = self.counts[attendees, u, ::-1] > 0
            after = np.where(
                present.any(axis=1), self.levels[highest - present.argmax(axis=1)], 0.0
            )
            lost += float((self.top[attendees, u] - after).sum())
            self.top[attendees, u] = after
        return lost

    def gains(self, s: int) -> np.ndarray:
        """The value unplaced session `s` would add at each possible start slot."""
        attendees, values, _levels = self._wishes(s)
        current = self.top[attendees]
        per_slot = (np.maximum(current, values[:, None]) - current).sum(axis=0)
        length = int(self.problem.lengths[s])
        if length == 1:
            return np.asarray(per_slot)
        running = np.cumsum(per_slot)
        padded = np.concatenate([[0.0], running, np.full(length - 1, running[-1])])
        width = self.problem.n_slots
        return np.asarray(padded[length : length + width] - padded[:width])


def table_of(layout: Layout) -> InterestTable:
    """A table holding every session placed in `layout`."""
    table = InterestTable(layout.problem)
    for s in layout.placed():
        table.add(s, int(layout.start[s]))
    return table
