"""A tight certified bound by column generation: a schedule of one-slot sessions splits the
sessions into at most one group per slot, no bigger than the rooms, and what attendees
lose is the sum over the groups of what each group costs them (in a group, an attendee
attends their heaviest wanted session and loses the rest). The linear relaxation of
"choose at most T groups covering every session once, at least cost" is solved over a
growing set of groups; new groups come from a greedy search on the duals and, when that
finds none, from an exact branch and bound. At any point, the master's value plus T times
the most negative reduced cost that search can prove is a valid lower bound on the loss
(the Lagrangian bound), so stopping early still certifies something.

HiGHS solves the master LP (through scipy, which keeps it quiet). A pricing MIP (HiGHS)
and CP-SAT were tried first: both took over ten seconds per call on the S benchmark,
where the branch and bound below takes about a tenth of a second.
"""

import time

import numpy as np
import scipy.sparse as sp
from scipy.optimize import linprog

from .construct import fresh, greedy
from .costs import costs_for
from .problem import Problem

IMPROVING = 1e-6  # reduced costs above this are rounding noise


def partition_loss_bound(problem: Problem, time_limit: float) -> float | None:
    """A lower bound on the wish weight any schedule loses, or None where the argument
    does not apply (sessions longer than a slot, sessions fixed by a re-plan)."""
    if problem.n_sessions == 0 or (problem.lengths > 1).any() or problem.fixed:
        return None
    deadline = time.perf_counter() + time_limit
    pricing = Pricing(problem)
    groups: list[tuple[int, ...]] = [(i,) for i in range(problem.n_sessions)]
    groups += _groups_of_a_greedy_schedule(problem)
    costs = [pricing.loss(g) for g in groups]
    best = 0.0
    while time.perf_counter() < deadline:
        value, duals, per_group_dual = _master(problem, groups, costs, pricing.slots)
        if value is None:
            return best or None
        fresh_groups = pricing.greedy_columns(duals, per_group_dual)
        if not fresh_groups:
            lowest, found = pricing.exact_column(duals, per_group_dual, deadline)
            best = max(best, value + pricing.slots * min(0.0, lowest))
            if lowest >= -IMPROVING:
                return max(best, value)  # converged: the relaxation's optimum
            if found is None or found in groups:
                return best
            fresh_groups = [found]
        for group in fresh_groups:
            groups.append(group)
            costs.append(pricing.loss(group))
    return best


def _groups_of_a_greedy_schedule(problem: Problem) -> list[tuple[int, ...]]:
    """A feasible starting set: the slots of the greedy schedule."""
    layout, table = fresh(problem)
    if greedy(layout, table, costs_for(problem)):
        return []
    by_slot: dict[int, list[int]] = {}
    for s in layout.placed():
        by_slot.setdefault(int(layout.start[s]), []).append(s)
    return [tuple(sorted(g)) for g in by_slot.values()]


def _master(
    problem: Problem, groups: list[tuple[int, ...]], costs: list[float], slots: int
) -> tuple[float | None, np.ndarray, float]:
    """Solve the restricted master; its value, the sessions' duals and the group count's."""
    rows = np.concatenate([np.array(g, dtype=np.int64) for g in groups])
    columns = np.repeat(np.arange(len(groups)), [len(g) for g in groups])
    member = sp.csr_matrix(
        (np.ones(len(rows)), (rows, columns)), shape=(problem.n_sessions, len(groups))
    )
    solved = linprog(
        c=np.array(costs),
        A_eq=member,
        b_eq=np.ones(problem.n_sessions),
        A_ub=np.ones((1, len(groups))),
        b_ub=[slots],
        bounds=(0, None),
        method="highs",
    )
    if solved.status != 0:
        return None, np.zeros(problem.n_sessions), 0.0
    return float(solved.fun), np.asarray(solved.eqlin.marginals), float(solved.ineqlin.marginals[0])


class Pricing:
    """What a group of sessions costs attendees, and the search for groups whose cost is
    below what the master's duals pay for them."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        self.weights = problem.wishes.toarray()  # sessions x attendees
        self.total = self.weights.sum(axis=1)
        self.slots = int(problem.allowed.any(axis=(0, 1)).sum())
        self.rooms = int(problem.allowed.any(axis=0).sum(axis=0).max())
        self.conflicts = problem.conflicts

    def loss(self, group: tuple[int, ...]) -> float:
        chosen = self.weights[list(group)]
        return float(self.total[list(group)].sum() - chosen.max(axis=0).sum())

    def greedy_columns(self, duals: np.ndarray, per_group: float) -> list[tuple[int, ...]]:
        """From each session, grow a group one session at a time, adding the one that
        lowers the reduced cost most, while it does; keep groups that end up negative."""
        n = self.problem.n_sessions
        found: set[tuple[int, ...]] = set()
        linear = self.total - duals
        for seed in range(n):
            group = [seed]
            reduced = linear[seed] - self.total[seed] - per_group  # a lone session loses 0
            best_seen = self.weights[seed].copy()
            while len(group) < self.rooms:
                gain = (np.maximum(best_seen[None, :], self.weights) - best_seen).sum(axis=1)
                change = linear - gain
                change[group] = np.inf
                change[self.conflicts[group].any(axis=0)] = np.inf
                j = int(np.argmin(change))
                if change[j] >= -IMPROVING:
                    break
                group.append(j)
                reduced += change[j]
                best_seen = np.maximum(best_seen, self.weights[j])
            if reduced < -IMPROVING:
                found.add(tuple(sorted(group)))
        return sorted(found)

    def exact_column(
        self, duals: np.ndarray, per_group: float, deadline: float
    ) -> tuple[float, tuple[int, ...] | None]:
        """The least reduced cost over all groups and a group reaching it, by depth-first
        branch and bound; if time runs out, a weaker proven lower bound and no group.

        A group's loss only grows as sessions join it, and each session's extra loss grows
        with the group (the heaviest-wish coverage is submodular), so from a partial group
        the best completion is at least its reduced cost plus the most negative
        "extra loss minus dual" of the sessions still allowed, as many as rooms remain;
        only sessions with a negative value there can ever help."""
        best: list[float | tuple[int, ...] | None] = [-per_group, None]  # the empty group
        search = _Search(self, duals, deadline)
        start = np.zeros(self.weights.shape[1])
        complete = search.dive([], start, 0.0, -per_group, np.arange(self.problem.n_sessions), best)
        if not complete:
            lowest_start = np.sort(np.minimum(-duals, 0.0))[: self.rooms].sum()
            return float(lowest_start - per_group), None
        group = best[1]
        return float(best[0]), group if isinstance(group, tuple) else None  # type: ignore[arg-type]


class _Search:
    def __init__(self, pricing: Pricing, duals: np.ndarray, deadline: float) -> None:
        self.pricing, self.duals, self.deadline = pricing, duals, deadline
        self.nodes = 0

    def dive(
        self,
        group: list[int],
        heaviest: np.ndarray,
        loss: float,
        reduced: float,
        allowed: np.ndarray,
        best: list,
    ) -> bool:
        """Explore groups extending `group` with sessions from `allowed`; False if the
        clock stopped the search."""
        self.nodes += 1
        if self.nodes % 256 == 0 and time.perf_counter() > self.deadline:
            return False
        pricing = self.pricing
        weights = pricing.weights[allowed]
        gained = (np.maximum(heaviest[None, :], weights) - heaviest[None, :]).sum(axis=1)
        value = pricing.total[allowed] - gained - self.duals[allowed]
        helpful = value < -IMPROVING
        allowed, value = allowed[helpful], value[helpful]
        room = pricing.rooms - len(group)
        if room <= 0 or allowed.size == 0:
            return True
        order = np.argsort(value, kind="stable")
        if reduced + value[order[:room]].sum() >= best[0] - IMPROVING:
            return True
        for rank, k in enumerate(order.tolist()):
            j = int(allowed[k])
            joined = reduced + float(value[k])
            if joined < best[0] - IMPROVING:
                best[0], best[1] = joined, tuple(sorted([*group, j]))
            later = allowed[order[rank + 1 :]]
            later = later[~pricing.conflicts[j, later]]
            within = pricing.weights[j]
            if not self.dive(
                [*group, j],
                np.maximum(heaviest, within),
                loss + float(value[k] + self.duals[j]),
                joined,
                later,
                best,
            ):
                return False
        return True
