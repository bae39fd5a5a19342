"""Simulated annealing over cells, judged by the pairwise loss (pairs.py), which makes
every move's effect a handful of array reads.

A step picks a movable session and one of its permitted cells: an empty cell means a
move, a cell holding a session of the same length a swap. Worse steps are accepted with
probability exp(-worsening / temperature) while the temperature cools geometrically, so
the search escapes the greedy schedule's local optimum early and settles late. The
number of steps is fixed by the caller (not the clock), so a seed gives one answer.
"""

import math
import random
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .costs import Costs
from .layout import EMPTY, Layout
from .problem import Problem

CHECK_EVERY = 4096  # steps between looks at the clock and the temperature


@dataclass(frozen=True)
class Cooling:
    steps: int
    start: float
    end: float


class Annealer:
    """Holds the search state as plain lists and arrays for speed; `best()` returns the
    best layout seen."""

    def __init__(self, layout: Layout, pairs: np.ndarray, costs: Costs) -> None:
        problem = layout.problem
        self.problem, self.pairs = problem, pairs
        self.stability = costs.stability
        if costs.stability is not None:
            self.published = list(
                zip(costs.stability.start.tolist(), costs.stability.room.tolist(), strict=True)
            )
            self.move_penalty = costs.stability.move_penalty
            self.room_penalty = costs.stability.room_penalty
        n_slots = problem.n_slots
        self.start = layout.start.tolist()
        self.room = layout.room.tolist()
        self.occupant = layout.occupant.tolist()
        self.lengths = problem.lengths.tolist()
        self.penalty = costs.overflow.tolist()
        self.conflict = problem.conflicts.astype(np.int32)
        self.clashes = layout.clashes.copy()
        present = np.zeros((n_slots, problem.n_sessions))
        for s, t in enumerate(self.start):
            if t != EMPTY:
                present[t : t + self.lengths[s], s] = 1.0
        self.slot_sums = present @ pairs  # slot_sums[t, j]: j's loss among slot t's sessions
        flat = problem.allowed.reshape(problem.n_sessions, -1)
        self.cells = [np.flatnonzero(row).tolist() for row in flat]
        self.allowed = [row.tobytes() for row in flat]
        self.movable = [
            s
            for s in range(problem.n_sessions)
            if s not in problem.fixed and len(self.cells[s]) > 1
        ]
        self.in_sequence = {s for q in problem.sequences for s in q[:2]}
        self.cost = 0.0
        self.best_cost = 0.0
        self.best_state = (list(self.start), list(self.room))

    def reprice(self, costs: Costs) -> None:
        """Judge overflow by new audience estimates from here on; the best layout is
        tracked afresh, since costs on the old estimates are not comparable."""
        self.penalty = costs.overflow.tolist()
        self.cost = self.best_cost = 0.0
        self.best_state = (list(self.start), list(self.room))

    def current(self) -> Layout:
        return self._layout(self.start, self.room)

    def run(
        self,
        cooling: Cooling,
        rng: random.Random,
        deadline: float,
        report: Callable[[float], None] | None = None,
    ) -> bool:
        """Anneal for `cooling.steps` steps; True if the clock stopped it first. `report`
        gets the improvement over the starting schedule whenever the best one improves."""
        if not self.movable:
            return False
        n_slots = self.problem.n_slots
        movable, cells, lengths = self.movable, self.cells, self.lengths
        ratio = (cooling.end / cooling.start) ** (CHECK_EVERY / max(cooling.steps, 1))
        temperature = cooling.start
        random_ = rng.random
        reported = self.best_cost
        for step in range(cooling.steps):
            if step % CHECK_EVERY == 0 and step:
                temperature *= ratio
                if time.perf_counter() > deadline:
                    return True
                if report is not None and self.best_cost < reported - 1e-9:
                    reported = self.best_cost
                    report(-reported)
            s = movable[int(random_() * len(movable))]
            options = cells[s]
            cell = options[int(random_() * len(options))]
            r, t = divmod(cell, n_slots)
            if lengths[s] == 1:
                change = self._one_slot_step(s, r, t, temperature, random_)
            else:
                change = self._long_step(s, r, t, temperature, random_)
            if change is not None:
                self.cost += change
                if self.cost < self.best_cost - 1e-9:
                    self.best_cost = self.cost
                    self.best_state = (list(self.start), list(self.room))
        return False

    def _accept(self, change: float, temperature: float, random_: Callable[[], float]) -> bool:
        return change <= 0 or random_() < math.exp(-change / temperature)

    def _moving_cost(self, s: int, r: int, t: int) -> float:
        if self.stability is None:
            return 0.0
        start, room = self.published[s]
        if start < 0:
            return 0.0
        if t != start:
            return self.move_penalty
        return 0.0 if r == room else self.room_penalty

    def _one_slot_step(
        self, s: int, r: int, t: int, temperature: float, random_: Callable[[], float]
    ) -> float | None:
        r0, t0 = self.room[s], self.start[s]
        if r == r0 and t == t0:
            return None
        sums, clashes, penalty = self.slot_sums, self.clashes, self.penalty
        j = self.occupant[r][t]
        if j == EMPTY:
            if t != t0 and clashes[t, s]:
                return None
            change = penalty[s][r] - penalty[s][r0]
            if t != t0:
                change += sums[t, s] - sums[t0, s]
            if self.stability is not None:
                change += self._moving_cost(s, r, t) - self._moving_cost(s, r0, t0)
            if s in self.in_sequence and not self._in_order({s: t}):
                return None
            if not self._accept(change, temperature, random_):
                return None
            self._lift(s)
            self._put(s, r, t)
            return float(change)
        if self.lengths[j] != 1 or j in self.problem.fixed:
            return None
        if not self.allowed[j][r0 * self.problem.n_slots + t0]:
            return None
        pair = self.pairs[s, j]
        change = penalty[s][r] - penalty[s][r0] + penalty[j][r0] - penalty[j][r]
        if t != t0:
            conflict = self.conflict[s, j]
            if clashes[t, s] - conflict or clashes[t0, j] - conflict:
                return None
            change += sums[t, s] - sums[t0, s] + sums[t0, j] - sums[t, j] - 2 * pair
        if self.stability is not None:
            change += (
                self._moving_cost(s, r, t)
                + self._moving_cost(j, r0, t0)
                - self._moving_cost(s, r0, t0)
                - self._moving_cost(j, r, t)
            )
        if (s in self.in_sequence or j in self.in_sequence) and not self._in_order({s: t, j: t0}):
            return None
        if not self._accept(change, temperature, random_):
            return None
        self._lift(s)
        self._lift(j)
        self._put(s, r, t)
        self._put(j, r0, t0)
        return float(change)

    def _long_step(
        self, s: int, r: int, t: int, temperature: float, random_: Callable[[], float]
    ) -> float | None:
        """The general step for sessions of several slots: a move into free cells, or a
        swap with a session of the same length whose slots do not overlap its own."""
        r0, t0, length = self.room[s], self.start[s], self.lengths[s]
        if r == r0 and t == t0:
            return None
        new, old = range(t, t + length), range(t0, t0 + length)
        found = {self.occupant[r][u] for u in new} - {EMPTY, s}
        if not found:
            if any(self.clashes[u, s] for u in new):
                return None
            change = self.penalty[s][r] - self.penalty[s][r0]
            change += sum(self.slot_sums[u, s] for u in new) - sum(
                self.slot_sums[u, s] for u in old
            )
            change += self._moving_cost(s, r, t) - self._moving_cost(s, r0, t0)
            if s in self.in_sequence and not self._in_order({s: t}):
                return None
            if not self._accept(change, temperature, random_):
                return None
            self._lift(s)
            self._put(s, r, t)
            return float(change)
        j = found.pop()
        if (
            found
            or self.start[j] != t
            or self.lengths[j] != length
            or j in self.problem.fixed
            or not self.allowed[j][r0 * self.problem.n_slots + t0]
            or (t != t0 and set(new) & set(old))
        ):
            return None
        change = self.penalty[s][r] - self.penalty[s][r0] + self.penalty[j][r0] - self.penalty[j][r]
        if t != t0:
            conflict = self.conflict[s, j]
            if any(self.clashes[u, s] - conflict for u in new) or any(
                self.clashes[u, j] - conflict for u in old
            ):
                return None
            pair = self.pairs[s, j]
            change += sum(self.slot_sums[u, s] - pair - self.slot_sums[u, j] for u in new)
            change += sum(self.slot_sums[u, j] - pair - self.slot_sums[u, s] for u in old)
        change += (
            self._moving_cost(s, r, t)
            + self._moving_cost(j, r0, t0)
            - self._moving_cost(s, r0, t0)
            - self._moving_cost(j, r, t)
        )
        if (s in self.in_sequence or j in self.in_sequence) and not self._in_order({s: t, j: t0}):
            return None
        if not self._accept(change, temperature, random_):
            return None
        self._lift(s)
        self._lift(j)
        self._put(s, r, t)
        self._put(j, r0, t0)
        return float(change)

    def _in_order(self, trying: dict[int, int]) -> bool:
        lengths, run_end = self.lengths, self.problem.run_end
        for first, second, immediately in self.problem.sequences:
            if first not in trying and second not in trying:
                continue
            a = trying.get(first, self.start[first])
            b = trying.get(second, self.start[second])
            end = a + lengths[first]
            if b < end or (immediately and (b != end or run_end[a] < b)):
                return False
        return True

    def _lift(self, s: int) -> None:
        r, t = self.room[s], self.start[s]
        for u in range(t, t + self.lengths[s]):
            self.occupant[r][u] = EMPTY
            self.slot_sums[u] -= self.pairs[s]
            self.clashes[u] -= self.conflict[s]

    def _put(self, s: int, r: int, t: int) -> None:
        self.room[s], self.start[s] = r, t
        for u in range(t, t + self.lengths[s]):
            self.occupant[r][u] = s
            self.slot_sums[u] += self.pairs[s]
            self.clashes[u] += self.conflict[s]

    def best(self) -> Layout:
        return self._layout(*self.best_state)

    def _layout(self, start: list[int], room: list[int]) -> Layout:
        layout = Layout(self.problem)
        for s, t in enumerate(start):
            if t != EMPTY:
                layout.place(s, room[s], t)
        return layout


def typical_worsening(annealer: Annealer, rng: random.Random, samples: int = 400) -> float:
    """The median worsening of random steps from the current schedule, which sets the
    starting temperature (a worsening this size is then accepted about half the time)."""
    problem: Problem = annealer.problem
    changes = []
    for _ in range(samples):
        s = annealer.movable[rng.randrange(len(annealer.movable))]
        r, t = divmod(annealer.cells[s][rng.randrange(len(annealer.cells[s]))], problem.n_slots)
        t0 = annealer.start[s]
        if problem.lengths[s] == 1 and t != t0:
            change = annealer.slot_sums[t, s] - annealer.slot_sums[t0, s]
            change += annealer.penalty[s][r] - annealer.penalty[s][annealer.room[s]]
            if change > 0:
                changes.append(change)
    return float(np.median(changes)) if changes else 1.0
