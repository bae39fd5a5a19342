"""What a placement costs besides lost interest: people beyond a room's seats and, during
a re-plan, moving a session that was already announced. In wish weight, so one number
judges a schedule."""

from dataclasses import dataclass

import numpy as np

from .problem import Problem


@dataclass(frozen=True)
class Stability:
    """Published starts and rooms per session (-1 for sessions never announced), what
    moving an announced session to another slot costs, and what a change of room alone
    costs."""

    start: np.ndarray
    room: np.ndarray
    move_penalty: float
    room_penalty: float

    def grid(self, s: int, shape: tuple[int, int]) -> np.ndarray:
        grid = np.zeros(shape)
        t, r = int(self.start[s]), int(self.room[s])
        if t >= 0:
            grid[:] = self.move_penalty
            grid[:, t] = self.room_penalty
            if 0 <= r < shape[0]:
                grid[r, t] = 0.0
        return grid

    def of(self, s: int, r: int, t: int) -> float:
        start = int(self.start[s])
        if start < 0:
            return 0.0
        if t != start:
            return self.move_penalty
        return 0.0 if r == int(self.room[s]) else self.room_penalty


@dataclass(frozen=True)
class Costs:
    """`overflow[s, r]`: the overflow penalty of session s in room r, from an audience
    estimate; `stability`: move costs during a re-plan."""

    overflow: np.ndarray
    n_slots: int
    stability: Stability | None = None

    def grid(self, s: int) -> np.ndarray:
        """The cost of starting session `s` in each (room, slot)."""
        cost = np.repeat(self.overflow[s][:, None], self.n_slots, axis=1)
        if self.stability is not None:
            cost += self.stability.grid(s, cost.shape)
        return cost

    def of(self, s: int, r: int, t: int) -> float:
        cost = float(self.overflow[s, r])
        if self.stability is not None:
            cost += self.stability.of(s, r, t)
        return cost


def costs_for(
    problem: Problem, audience: np.ndarray | None = None, stability: Stability | None = None
) -> Costs:
    """Costs with overflow judged on `audience` (default: everyone who wants a session
    comes, a cautious estimate before any schedule exists); the organiser's estimate,
    where given, overrides."""
    if audience is None:
        audience = problem.audience
    estimate = np.array(
        [
            s.expected_audience if s.expected_audience is not None else audience[i]
            for i, s in enumerate(problem.instance.sessions)
        ],
        dtype=np.float64,
    )
    excess = np.maximum(0.0, estimate[:, None] - problem.capacity[None, :])
    overflow = problem.instance.overflow_penalty * excess
    return Costs(overflow=overflow, n_slots=problem.n_slots, stability=stability)
