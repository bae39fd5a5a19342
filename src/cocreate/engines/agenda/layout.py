"""A schedule under construction: which session starts where, which cells are taken, and
how many sessions that must not overlap a given session sit in each slot. Every solver
changes a schedule only through `place` and `remove`, so the hard constraints hold."""

import numpy as np

from .model import Placement
from .problem import Problem, window_any

EMPTY = -1


class Layout:
    """Mutable assignment of sessions to (room, first slot); -1 where not placed."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        self.start = np.full(problem.n_sessions, EMPTY, dtype=np.int64)
        self.room = np.full(problem.n_sessions, EMPTY, dtype=np.int64)
        self.occupant = np.full((problem.n_rooms, problem.n_slots), EMPTY, dtype=np.int64)
        # clashes[t, s]: sessions in slot t that session s must not overlap
        self.clashes = np.zeros((problem.n_slots, problem.n_sessions), dtype=np.int32)
        self._conflict_rows = problem.conflicts.astype(np.int32)
        self.sequences: dict[int, list[tuple[int, int, bool]]] = {}
        for first, second, immediately in problem.sequences:
            self.sequences.setdefault(first, []).append((first, second, immediately))
            self.sequences.setdefault(second, []).append((first, second, immediately))

    def copy(self) -> "Layout":
        twin = Layout.__new__(Layout)
        twin.__dict__.update(self.__dict__)
        for name in ("start", "room", "occupant", "clashes"):
            setattr(twin, name, getattr(self, name).copy())
        return twin

    def place(self, s: int, r: int, t: int) -> None:
        span = self.problem.span(s, t)
        self.start[s], self.room[s] = t, r
        self.occupant[r, span.start : span.stop] = s
        self.clashes[span.start : span.stop] += self._conflict_rows[s]

    def remove(self, s: int) -> None:
        t, r = int(self.start[s]), int(self.room[s])
        span = self.problem.span(s, t)
        self.occupant[r, span.start : span.stop] = EMPTY
        self.clashes[span.start : span.stop] -= self._conflict_rows[s]
        self.start[s] = self.room[s] = EMPTY

    def open_starts(self, s: int) -> np.ndarray:
        """Boolean (rooms x slots): where unplaced session `s` could start right now."""
        problem = self.problem
        length = int(problem.lengths[s])
        taken = self.occupant != EMPTY
        blocked_room = window_any(taken, length)
        blocked_time = window_any((self.clashes[:, s] > 0)[None, :], length)
        open_ = problem.allowed[s] & ~blocked_room & ~blocked_time
        if s in self.sequences:
            for r, t in zip(*np.nonzero(open_), strict=True):
                if not self.in_order(s, int(t)):
                    open_[r, t] = False
        return np.asarray(open_)

    def can_place(self, s: int, r: int, t: int) -> bool:
        """Whether unplaced session `s` could start in room `r` at slot `t` right now."""
        span = self.problem.span(s, t)
        return bool(
            self.problem.allowed[s, r, t]
            and (self.occupant[r, span.start : span.stop] == EMPTY).all()
            and not self.clashes[span.start : span.stop, s].any()
            and self.in_order(s, t)
        )

    def in_order(self, s: int, t: int, other: int = EMPTY, other_t: int = EMPTY) -> bool:
        """Whether `s` starting at `t` (and `other` at `other_t`, if given) keeps every
        sequence involving `s` that has both sessions placed."""
        lengths, run_end = self.problem.lengths, self.problem.run_end
        for first, second, immediately in self.sequences.get(s, ()):
            starts = {first: int(self.start[first]), second: int(self.start[second])}
            starts[s] = t
            if other in starts:
                starts[other] = other_t
            a, b = starts[first], starts[second]
            if a == EMPTY or b == EMPTY:
                continue
            end = a + int(lengths[first])
            if b < end or (immediately and (b != end or run_end[a] < b)):
                return False
        return True

    def placements(self) -> dict[str, Placement]:
        problem = self.problem
        return {
            problem.session_ids[s]: Placement(
                room=problem.room_ids[int(self.room[s])], slot=problem.slot_ids[int(self.start[s])]
            )
            for s in range(problem.n_sessions)
            if self.start[s] != EMPTY
        }

    def placed(self) -> list[int]:
        return np.flatnonzero(self.start != EMPTY).tolist()

    def unplaced(self) -> list[int]:
        return np.flatnonzero(self.start == EMPTY).tolist()
